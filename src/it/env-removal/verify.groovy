def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

def second = check.log.substring(check.log.indexOf('generate (prod-only)'))
assert check.log.indexOf('generate (dev-and-prod)') in 0..<check.log.indexOf('generate (prod-only)') :
        'the execution with dev and prod should run first'
assert !check.kit('dev').exists() : "every file of dev's kit was generated and unchanged, so target/hosting/dev should be gone"
assert check.kitDir.list() as Set == ['prod', '.hostkit-manifest'] as Set : "only the prod kit should remain: ${check.kitDir.list()}"
assert second =~ /hosting: wrote 0 of \d+ files \(\d+ unchanged, \d+ removed\)/ : 'the prod kit should be unchanged'
for (path in ['dev/docker/Dockerfile', 'dev/compose/nginx/default.conf', 'dev/host/install.sh']) {
    assert second.contains("hosting:   removed $path (no longer generated)") : "the log should say that $path was removed"
}
def listed = check.checkManifest()
assert listed && listed.every { it.startsWith('prod/') } : "the manifest should list the prod kit only: $listed"
assert !check.log.contains('hosting: attached') && !check.file('target').list().any { it.endsWith('.zip') } :
        '<attach>false</attach> should keep the goal from packing and attaching in the lifecycle'
