import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission

def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.kitText('docker/Dockerfile') == '''\
# Our own Dockerfile for overrides-and-custom
FROM eclipse-temurin:17-jre
COPY overrides-and-custom-1.0.jar /srv/app.jar
CMD ["java", "-jar", "/srv/app.jar"]
''' : 'src/main/hosting/docker/Dockerfile.mustache should replace the built-in Dockerfile'

def nginx = check.kitText('compose/nginx/default.conf')
assert nginx =~ /(?m)^    # Our own security headers\n    add_header X-Team "platform" always;$/ :
        'the overridden partial nginx/security-headers should be included, indented like the built-in one'
assert !nginx.contains('add_header X-Frame-Options') : 'the built-in security-headers partial should not be used any more'

assert check.kitText('docker/extra.txt') == 'app=overrides-and-custom team=platform\n' :
        'a custom template in a built-in target should see app.* and values.*'

def script = check.kit('scripts/hello.sh')
assert check.kitText('scripts/hello.sh') == '#!/bin/sh\necho "hello from overrides-and-custom"\n' :
        'a folder of your own should be rendered as a target by default'
assert script.canExecute() && Files.getPosixFilePermissions(script.toPath()).contains(PosixFilePermission.OWNER_EXECUTE) :
        'a rendered file that starts with #! should be executable'
assert !Files.getPosixFilePermissions(check.kit('docker/extra.txt').toPath()).contains(PosixFilePermission.OWNER_EXECUTE) :
        'other files should not be executable'

assert check.kitText('NOTES.md') == '# Notes for overrides-and-custom 1.0\nQUOTE=a&b "c" <d>\n' :
        'a top-level template should be rendered, and {{x}} should not be HTML-escaped'
assert check.kitText('compose/app.env').contains('QUOTE="a&b \\"c\\" <d>"\n') :
        'the env file should hold the value quoted for compose, not HTML-escaped'

def listed = check.checkManifest()
assert listed.containsAll(['docker/extra.txt', 'scripts/hello.sh', 'NOTES.md']) : "the manifest should list the custom files: $listed"
assert !check.kitFiles().any { it.startsWith('partials/') } : 'partials should never be rendered as files'
