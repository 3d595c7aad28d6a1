def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

// Maven 3.9 and 4 name the plugin by its prefix there, 3.6 and 3.8 by its artifactId.
assert check.log =~ /--- (hosting|hosting-maven-plugin):[^:\s]+:generate \(default-cli\) @ command-line ---/ :
        'the goal should have run from the command line'
assert check.kitDir.list() as Set == ['docker', 'compose', '.hostkit-manifest'] as Set :
        "-Dhosting.targets=docker,compose should render exactly those targets: ${check.kitDir.list()}"

def nginx = check.kitText('compose/nginx/default.conf')
assert nginx =~ /(?m)^\s*server_name shop\.example\.com;$/ : 'nginx should answer for -Dhosting.serverName'
assert nginx =~ /(?s)listen 80 default_server;\s*listen \[::\]:80 default_server;\s*server_name _;.*?return 444;/ :
        'other Host headers, over IPv4 and IPv6, should hit a catch-all that returns 444'
assert nginx =~ /(?m)^\s*listen 80;$/ : 'the site itself should not be the default server'
assert nginx =~ /(?m)^\s*server app:9090 / : 'nginx should proxy to the app on -Dhosting.port'

def dockerfile = check.kitText('docker/Dockerfile')
assert dockerfile =~ /(?m)^EXPOSE 9090$/ : 'the image should expose -Dhosting.port'
assert check.kitText('compose/compose.yaml').contains('- "9090"') : 'compose should expose -Dhosting.port to nginx'
