def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.log =~ /(?m)^\[INFO\] BUILD SUCCESS$/ : 'the build with -Pprod should succeed'
for (path in ['compose/nginx/default.conf', 'host/nginx/profile-property.conf']) {
    def nginx = check.kitText(path)
    assert nginx =~ /(?m)^\s*server_name shop\.example\.com;$/ :
            "$path should answer for the server name that the profile prod sets as hosting.serverName"
    assert nginx =~ /(?s)server_name _;.*?return 444;/ : "$path should refuse other Host headers once a server name is set"
}
