def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
assert check.invocations.size() == 3 : 'each goal should have run'
def (describe, eject, help) = check.invocations
assert describe.contains('BUILD SUCCESS')
assert describe.contains('[INFO] hosting: the kit: runtime java, targets docker, compose, host')
assert describe =~ /\[INFO\] hosting:   port +?= 9000  \[-Dhosting\.port\]/ : 'describe names the -D property a value came from'
assert describe =~ /\[INFO\] hosting:   javaVersion +?= 17  \[default\]/
assert describe.contains('[INFO]   app:') && describe.contains('[INFO]     port: 9000') : 'the template context as YAML'
assert eject.contains('BUILD SUCCESS')
assert eject.contains('hosting: ejected 3 templates of docker (runtime java) into ')
def dockerfile = check.file('src/main/hosting/docker/Dockerfile.mustache')
assert dockerfile.isFile() && dockerfile.text.contains('{{> generated}}') : 'the Java Dockerfile template is in src/main/hosting'
assert check.file('src/main/hosting/partials/generated.mustache').isFile() : 'with the partial it includes'
assert help.contains('BUILD SUCCESS')
assert help.contains('hosting:describe') && help.contains('hosting:eject') && help.contains('hosting:generate') : 'help lists the goals'
