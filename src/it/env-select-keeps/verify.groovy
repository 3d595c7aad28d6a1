def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.invocations.size() == 2 : 'both builds should have run'
def serverName = { String env -> (check.kitText("$env/compose/nginx/default.conf") =~ /(?m)^\s*server_name ([^_\s][^;]*);$/)[0][1] }
assert serverName('staging') == 'second.test' && serverName('prod') == 'second.test' :
        '-Dhosting.environments=staging,prod should render both selected kits again'
assert serverName('dev') == 'first.test' : 'the dev kit, not selected the second time, should stay as the first build wrote it'
assert check.kit('dev/host/install.sh').canExecute() : 'the dev kit should be whole'

def listed = check.checkManifest()
assert check.filesUnder(check.kit('dev')).every { listed.contains("dev/$it".toString()) } :
        'the manifest should still list the dev kit, so that a later build can update or remove it'
def second = check.invocations[1]
assert !second.contains('hosting:   removed') : 'selecting environments must not remove the kits of the others'
assert second.contains('hosting: attached env-select-keeps-1.0-hosting-staging.zip') &&
        second.contains('hosting: attached env-select-keeps-1.0-hosting-prod.zip') &&
        !second.contains('hosting-dev.zip') : 'the second build should attach the selected kits only'
