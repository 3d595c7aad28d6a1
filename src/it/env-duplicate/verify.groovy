def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for environments/environment/name: 'dev'. Allowed: each environment name once; 'dev' is declared twice.")
