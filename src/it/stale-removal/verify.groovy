def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.invocations.size() == 2 : 'both builds should have run'
def second = check.invocations[1]
['compose/compose.yaml', 'compose/nginx/default.conf'].each { path ->
    assert !check.kit(path).exists() : "$path is no longer generated and should have been removed"
    assert second.contains("hosting:   removed $path (no longer generated)") : "the log should say that $path was removed"
}
assert !check.kit('compose/nginx').exists() : 'the emptied compose/nginx folder should have been removed'
assert check.kitText('compose/app.env').endsWith('EDITED=by hand\n') : 'a generated file changed by hand should be kept'
assert second =~ /\[WARNING\] hosting:   kept compose\/app.env: no longer generated, but changed by hand, so it was left in place/ :
        'the log should warn about the kept file'
assert check.kitText('compose/mine.txt') == 'made by hand\n' : 'a file hostkit never generated should be left alone'
assert second =~ /hosting: wrote 0 of \d+ files \(\d+ unchanged, 2 removed\)/ : 'the docker kit should be unchanged and two files removed'

def listed = check.checkManifest()
assert listed.containsAll(['docker/Dockerfile', 'docker/.dockerignore']) : 'the docker kit should stay'
assert !listed.any { it.startsWith('compose/') } : "the manifest should no longer list compose files: $listed"
