def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
def allowed = "Allowed: an image reference with an explicit tag or digest, such as 'eclipse-temurin:21-jre' or 'nginx:1.28' " +
        "(not 'latest', no spaces or quotes)."

assert check.invocations.size() == 2 : 'both invocations should have run'
check.failedWith("Invalid value for hosting.baseImage: 'eclipse-temurin'. $allowed", check.invocations[0])
check.failedWith("Invalid value for hosting.baseImage: 'eclipse-temurin:latest'. $allowed", check.invocations[1])
