def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
assert check.invocations.size() == 2 : 'both invocations should have run'
check.failedWith("Invalid value for hosting.port: 'abc'. Allowed: a TCP port number from 1 to 65535.", check.invocations[0])
check.failedWith("Invalid value for hosting.skip: 'yes'. Allowed: true or false.", check.invocations[1])
