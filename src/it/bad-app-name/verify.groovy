def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.appName: 'shop;rm'. Allowed: 1 to 63 lower-case letters, digits and '-', "
        + "starting and ending with a letter or digit (it names the image, the compose project, the nginx upstream and later units).")
