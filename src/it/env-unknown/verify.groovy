def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.environments: 'qa'. Allowed: the declared environments dev, prod.")
