def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.invocations.size() == 2 : 'both builds should have run'
assert check.invocations[0].contains('hosting: wrote ') : 'the first build should have written the kit'
def files = check.checkManifest() + '.hostkit-manifest'
assert files.containsAll(['docker/Dockerfile', 'compose/compose.yaml', 'docker/rerun-writes-nothing-1.0.jar'])
assert files == check.kitFiles() : "the kit should hold what the manifest lists: ${check.kitFiles()}"
files.each { path ->
    assert check.kit(path).lastModified() == 946684800000L : "the second build should not have written $path"
}
assert check.invocations[1].contains("hosting: kit is up to date, ${files.size() - 1} files unchanged, nothing written") :
        'the second build should report that the kit is up to date'
