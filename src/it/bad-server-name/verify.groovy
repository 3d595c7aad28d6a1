def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
check.failedWith("Invalid value for hosting.serverName: 'a b.example.com'. Allowed: one host name such as shop.example.com "
        + "or *.example.com (letters, digits, '-' and '.', no spaces, quotes, ';' or braces).")
