def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.healthPath: '/health\"x'. Allowed: a path that starts with '/' made of letters, "
        + "digits and . _ ~ / -, optionally followed by ?query of the same and = &.")
