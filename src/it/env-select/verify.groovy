def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.kitDir.list() as Set == ['prod', '.hostkit-manifest'] as Set :
        "-Dhosting.environments=prod should render the prod kit only: ${check.kitDir.list()}"
assert check.checkManifest().every { it.startsWith('prod/') } : 'the manifest should list the prod kit only'
assert check.kit('prod/host/systemd/env-select@.service').isFile() : "prod's own settings should apply"
assert check.file('target').list().findAll { it.endsWith('.zip') } as Set == ['env-select-1.0-hosting-prod.zip'] as Set :
        'only the rendered kit should be packed'
assert check.log.contains('hosting: attached env-select-1.0-hosting-prod.zip (classifier hosting-prod)') &&
        !(check.log =~ /attached env-select-1\.0-hosting-(dev|staging)\.zip/) : 'only the prod zip should be attached'
