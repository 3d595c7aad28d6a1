def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for environments/environment/name: 'Prod'. Allowed: 1 to 32 lower-case letters, digits and '-', "
        + "starting and ending with a letter or digit (it names the kit's folder and the attached zip's classifier).")
