def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
def template = new File(basedir, 'src/main/hosting/broken.txt.mustache').absolutePath

check.failedWith("$template:3: the template reads the variable 'nope', which does not exist.")
