def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.port: 'abc'. Allowed: a TCP port number from 1 to 65535.")
