def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.env: 'BAD-NAME'. Allowed: environment variable names matching [A-Za-z_][A-Za-z0-9_]*.")
