def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.port in environment 'prod': '0'. Allowed: a TCP port number from 1 to 65535.")
