def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.kitDir.list() as Set == ['dev', 'staging', 'prod', '.hostkit-manifest'] as Set :
        "with environments declared, target/hosting should hold one folder per environment and the manifest only: ${check.kitDir.list()}"
def listed = check.checkManifest()
for (name in ['dev', 'staging', 'prod']) {
    def kit = check.filesUnder(check.kit(name))
    assert listed.findAll { it.startsWith("$name/") }.collect { it - "$name/" } as Set == kit as Set :
            "the one manifest should list every file of the $name kit"
    assert !kit.any { it.startsWith('dev/') || it.startsWith('staging/') || it.startsWith('prod/') } :
            "an environment's template folder must not be rendered as a target inside the $name kit: $kit"
    assert check.kit("$name/compose/compose.yaml").isFile() && check.kit("$name/docker/Dockerfile").isFile() :
            "the $name kit should have the layout of a single kit"
}

/** NAME=value lines of an env file, the quotes of the compose/systemd syntax taken off. */
def envOf = { String path -> check.kitText(path).readLines().findAll { it =~ /^[A-Z_]+=/ }.collectEntries {
    def (key, value) = it.split('=', 2)
    [key, value.replaceAll(/^"|"$/, '')]
} }
def expectedEnv = [
        dev    : [DEV_TOOLS: '1', FEATURE_X: 'on', GREETING: 'hello', LOG_LEVEL: 'debug'],
        staging: [GREETING: 'hello', LOG_LEVEL: 'info'],
        prod   : [FEATURE_X: 'on', GREETING: 'hello', JAVA_OPTS: '-Xss512k'],
]
expectedEnv.each { name, env ->
    assert envOf("$name/compose/app.env") == env :
            "env of $name should be the top-level env with the environment's keys merged in, replaced or removed"
}
assert envOf('dev/host/env-three.env') == expectedEnv.dev && envOf('prod/host/env-three.env') == expectedEnv.prod :
        'the host env files should hold the same merged env'

// values merge key by key; templates read the environment's name
assert check.kitText('dev/ENVIRONMENT.txt') == 'environment=dev team=platform tier=base\n'
assert check.kitText('staging/ENVIRONMENT.txt') == 'environment=staging team=platform tier=base\n'
assert check.kitText('prod/ENVIRONMENT.txt') == 'environment=prod team=platform tier=prod owner=ops\n' :
        'prod should override values.tier, add values.owner and keep values.team'

// targets is a list: staging's <targets>compose</targets> replaces docker,compose,host instead of adding to it
assert !check.kit('staging/host').exists() : "staging's targets should replace the top-level list, so it has no host kit"
assert check.kit('dev/host/install.sh').isFile() && check.kit('prod/host/install.sh').isFile() :
        'the environments without targets of their own should keep the top-level list'

// scalar settings replace the top-level ones, and only in their environment
def serverName = { String path -> (check.kitText(path) =~ /(?m)^\s*server_name ([^_\s][^;]*);$/)[0][1] }
assert serverName('dev/compose/nginx/default.conf') == 'shop.test'
assert serverName('staging/compose/nginx/default.conf') == 'staging.shop.test'
assert serverName('prod/compose/nginx/default.conf') == 'shop.example.com'
assert check.kitText('dev/compose/compose.yaml').contains('"8081:80"') : "dev's listenPort should be published"
assert check.kitText('prod/compose/compose.yaml').contains('"80:80"') : 'prod should keep the default listen port'
assert check.kit('prod/host/systemd/env-three@.service').isFile() && !check.kit('prod/host/systemd/env-three.service').exists() :
        "prod's instances 3 should render a template unit"
assert check.kit('dev/host/systemd/env-three.service').isFile() : 'dev should keep one instance'

// src/main/hosting/prod/ overrides templates for prod only
assert check.kitText('prod/docker/Dockerfile').startsWith('# The prod Dockerfile of env-three (prod only)\n') :
        'src/main/hosting/prod/docker/Dockerfile.mustache should replace the built-in Dockerfile for prod'
for (name in ['dev', 'staging']) {
    assert check.kitText("$name/docker/Dockerfile").contains('USER 10001:10001') : "$name should keep the built-in Dockerfile"
}
