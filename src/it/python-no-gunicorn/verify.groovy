def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
// 'gunicorn-extras' is another package: it does not count
check.failedMatching(/Invalid value for hosting\.appDirectory: '\S+python-no-gunicorn'\. Allowed: a Python app folder whose / +
        /requirements\.txt lists gunicorn \(the docker and host kits run it\), such as a line 'gunicorn==21\.2\.0'\./)
