def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.log =~ /(?m)^\[INFO\] BUILD SUCCESS$/ : 'the build with -Pprod should succeed'
for (path in ['compose/nginx/default.conf', 'host/nginx/profile-property.conf']) {
    def nginx = check.kitText(path)
    assert nginx =~ /(?m)^\s*server_name shop\.example\.com;$/ :
            "$path should answer for the server name that the profile prod sets as hosting.serverName"
    assert nginx =~ /(?s)server_name _;.*?return 444;/ : "$path should refuse other Host headers once a server name is set"
}

// A property that the plugin's <configuration> also sets has no effect, and the log says so with both values.
assert check.log.contains("[WARNING] hosting: hosting.port=9090 is ignored: the plugin's <configuration> sets port to '9000', " +
        "and Maven gives the configuration precedence over properties.") : 'the ignored profile property should be reported'
assert check.kitText('docker/Dockerfile') =~ /(?m)^EXPOSE 9000$/ : 'the configured port wins'
// a property the configuration does not set works, and draws no warning
assert check.kitText('compose/compose.yaml').contains('- "8081:80"') : '-Dhosting.listenPort reaches the kit'
assert !check.log.contains('hosting.listenPort=8081 is ignored')
assert !check.log.contains('hosting.serverName=shop.example.com is ignored')
