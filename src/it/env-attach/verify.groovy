def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
def zips = evaluate(new File(basedir, '../../../src/it/env-attach/zips.groovy'))

assert check.invocations.size() == 2 && !check.log.contains('BUILD FAILURE') : 'both builds should have run and passed'
def folder = 'dev/hostkit/it/env-attach/1.0'
for (env in ['dev', 'prod']) {
    def name = "env-attach-1.0-hosting-${env}.zip"
    for (invocation in check.invocations) {
        assert invocation.contains("hosting: attached $name (classifier hosting-$env)") : "each build should attach $name"
    }
    def installed = new File(localRepositoryPath, "$folder/$name")
    def deployed = check.file("first-build-repo/$folder/$name")
    assert installed.isFile() : "mvn install should have put $name into the local repository"
    assert deployed.isFile() : "mvn deploy should have published $name"
    assert installed.bytes == deployed.bytes : "$name should be byte-identical across the two builds"
    assert check.file("target/$name").bytes == installed.bytes : 'the installed zip should be the one in target/'
    zips.checkKitZip(installed, check.kit(env), check.filesUnder(check.kit(env)))
}
assert !new File(localRepositoryPath, "$folder/env-attach-1.0-hosting.zip").exists() :
        'with environments there should be no zip without an environment'
assert check.file('target').list().findAll { it.endsWith('.zip') } as Set ==
        ['env-attach-1.0-hosting-dev.zip', 'env-attach-1.0-hosting-prod.zip'] as Set : 'one zip a kit'
