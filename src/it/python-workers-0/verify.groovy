def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.workers: '0'. Allowed: a whole number of gunicorn workers from 1 to 256 (unset: 2 x cores + 1 at run time).")
