def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
def jar = 'zero-config-1.0.jar'
def lib = 'commons-lang3-3.17.0.jar'

['docker/Dockerfile', 'docker/.dockerignore', "docker/$jar", "docker/lib/$lib",
 'compose/compose.yaml', 'compose/app.env', 'compose/nginx/default.conf'].each { path ->
    assert check.kit(path).isFile() : "target/hosting/$path should have been generated"
}
assert check.kit("docker/$jar").bytes == check.file("target/$jar").bytes : "docker/$jar should be a copy of the packaged jar"
assert check.kit('docker/lib').list() as Set == [lib] as Set :
        "docker/lib should hold the runtime dependency only (no test-scoped junit or hamcrest): ${check.kit('docker/lib').list()}"

def dockerfile = check.kitText('docker/Dockerfile')
assert dockerfile =~ /(?m)^FROM eclipse-temurin:17-jre$/ : 'the base image should follow maven.compiler.release 17'
def copyLib = dockerfile.readLines().indexOf('COPY lib/ /app/lib/')
def copyJar = dockerfile.readLines().indexOf("COPY $jar /app/app.jar".toString())
assert copyLib >= 0 && copyJar >= 0 : 'the Dockerfile should copy lib/ and the jar'
assert copyLib < copyJar : 'the dependencies layer should come before the application layer'
assert dockerfile =~ /(?m)^USER 10001:10001$/ : 'the container should run as the unprivileged uid 10001'
assert dockerfile.contains(' dev.hostkit.it.App ') : 'the Dockerfile should run the Main-Class of the jar'

def dockerignore = check.kitText('docker/.dockerignore')
assert dockerignore =~ /(?m)^!$jar$/ && dockerignore =~ /(?m)^!lib\/$/ : 'the .dockerignore should let the jar and lib/ through'

def compose = check.kitText('compose/compose.yaml')
assert !(compose =~ /(?m)^version:/) : 'compose.yaml should have no obsolete version: key'
assert compose =~ /(?m)^name: "zero-config"$/ : 'the compose project should be named after the artifactId'

def nginx = check.kitText('compose/nginx/default.conf')
assert nginx =~ /(?m)^\s*listen 80 default_server;$/ : 'without a serverName nginx should answer any host'
assert !nginx.contains('server_name') : 'without a serverName there should be no server_name'
assert !nginx.contains('return 444') : 'without a serverName there should be no catch-all server'

def listed = check.checkManifest()
assert listed == check.kitFiles() - '.hostkit-manifest' : "the manifest should list every generated file: $listed"
def wrote = check.log =~ /hosting: wrote (\d+) of (\d+) files \(0 unchanged, 0 removed\)/
assert wrote : 'the log should report what was written'
assert wrote[0][1] as int == listed.size() && wrote[0][2] as int == listed.size() : "a first build should write all ${listed.size()} files"
