def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedMatching(/Invalid value for hosting\.wsgiModule: \(none\)\. Allowed: module:callable, such as mysite\.wsgi:application\. / +
        /It could not be guessed: \S+python-no-wsgi has no manage\.py naming DJANGO_SETTINGS_MODULE and not exactly one / +
        /<package>\/wsgi\.py; set hosting\.wsgiModule\./)
