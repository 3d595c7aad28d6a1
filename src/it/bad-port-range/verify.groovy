def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.port: '70000'. Allowed: a TCP port number from 1 to 65535.")
