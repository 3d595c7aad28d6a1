def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.kit('host/systemd/profile-configuration@.service').isFile() :
        "the profile's <instances>3</instances> should render a template unit: ${check.kitFiles()}"
assert !check.kit('host/systemd/profile-configuration.service').exists() : 'a single-instance unit should not be rendered too'

def hostNginx = check.kitText('host/nginx/profile-configuration.conf')
assert hostNginx =~ /(?m)^\s*listen 8081;$/ : "the profile's <listenPort>8081</listenPort> should replace the POM's 8080"
assert !(hostNginx =~ /listen 8080\b/) : 'the listen port of the plugin-level configuration should be replaced'
assert (9000..9002).every { hostNginx =~ /(?m)^\s*server 127\.0\.0\.1:$it\b/ } :
        'nginx should balance over the three instances from the POM port 9000 on'
assert hostNginx =~ /(?m)^\s*server_name shop\.example\.com;$/ : 'a setting the profile does not name should stay as configured'
assert check.kitText('compose/compose.yaml').contains('"8081:80"') : 'compose should publish the profile listen port'
