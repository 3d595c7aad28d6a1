def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.invocations.size() == 2 : 'both builds should have run'
def second = check.invocations[1]
assert check.filesUnder(check.kit('dev')) as List == ['compose/app.env', 'notes.txt'] :
        "only the hand-made file and the generated file changed by hand should be left of dev: ${check.filesUnder(check.kit('dev'))}"
assert check.kitText('dev/notes.txt') == 'made by hand\n' : 'a file hostkit never generated should be left alone'
assert check.kitText('dev/compose/app.env').endsWith('EDITED=by hand\n') : 'a generated file changed by hand should be kept as it is'
assert second =~ /\[WARNING\] hosting:   kept dev\/compose\/app.env: no longer generated, but changed by hand, so it was left in place/ :
        'the log should warn about the kept file'
assert second.contains('hosting:   removed dev/docker/Dockerfile (no longer generated)') : 'the unchanged files should be removed'
assert !second.contains('dev/notes.txt') : 'the hand-made file should not be named at all'
assert second.contains('hosting: attached env-removal-hand-made-1.0-hosting-prod.zip') && !second.contains('hosting-dev.zip') :
        'the second build should attach the prod kit only'
assert check.kit('prod/docker/Dockerfile').isFile() : 'prod should stay'
def listed = check.checkManifest()
assert listed.every { it.startsWith('prod/') } : "the manifest should forget dev's files, the kept one too: $listed"
