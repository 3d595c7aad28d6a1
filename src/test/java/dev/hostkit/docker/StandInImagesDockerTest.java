package dev.hostkit.docker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-ins for Docker Hub's base images (src/test/docker/base-images.sh) offer what
 * hostkit's kits rely on in the official images; otherwise the end-to-end tests would prove
 * nothing about the real ones.
 */
@Tag("docker")
@ExtendWith(PrivateDockerExtension.class)
class StandInImagesDockerTest {

    @BeforeEach
    void load(PrivateDocker docker) {
        docker.ensureImages("eclipse-temurin:17-jre", "python:3.11-slim", "nginx:1.28");
    }

    @Test
    void javaImageIsAJre17WithBashAndUseradd(PrivateDocker docker) {
        String out = sh(docker, "eclipse-temurin:17-jre",
                "java -version 2>&1 | head -n 1; echo JAVA_HOME=$JAVA_HOME; for c in bash useradd groupadd; do command -v $c; done; "
                        + "command -v curl wget || echo no-curl-no-wget; readlink -f \"$(command -v java)\"");
        assertTrue(out.matches("(?s)openjdk version \"17[.\"].*"), out);
        assertTrue(out.contains("JAVA_HOME=/opt/java/openjdk\n"), out);
        assertTrue(out.contains("/bin/bash\n") && out.contains("/useradd\n") && out.contains("/groupadd\n"), out);
        assertTrue(out.contains("no-curl-no-wget"), "no curl or wget: the kit's HEALTHCHECK must not need them\n" + out);
    }

    @Test
    void pythonImageHasPython311GunicornAndDjango(PrivateDocker docker) {
        String out = sh(docker, "python:3.11-slim",
                "python --version; python -c 'import django, gunicorn; print(\"django\", django.VERSION[0])'; "
                        + "gunicorn --version; command -v python; command -v pip; pip --version; "
                        + "command -v curl wget || echo no-curl-no-wget; "
                        + "find /usr/lib/python3/dist-packages/django -xtype l | sed 's/^/dangling /'");
        assertTrue(out.startsWith("Python 3.11."), out);
        assertTrue(out.contains("django 3\n"), out);
        assertTrue(out.contains("gunicorn (version 20."), out);
        assertTrue(out.contains("/bin/python\n") && out.contains("/bin/pip\n"), "python and pip on PATH:\n" + out);
        assertTrue(out.contains("(python 3.11)"), out);
        assertTrue(out.contains("no-curl-no-wget"), "no curl or wget: the kit's HEALTHCHECK must not need them\n" + out);
        assertFalse(out.contains("dangling "), "Django's files are all there (collectstatic copies them):\n" + out);
    }

    /** What a Django kit's Dockerfile runs as root: pip installs into the system Python, and Django and gunicorn are satisfied without an index. */
    @Test
    void pipInstallOfAKitsRequirementsIsSatisfiedOffline(PrivateDocker docker) {
        String out = docker.docker("run", "--rm", "--pull", "never", "--network", "none", "--entrypoint", "sh", "python:3.11-slim", "-c",
                "echo PIP_BREAK_SYSTEM_PACKAGES=$PIP_BREAK_SYSTEM_PACKAGES; printf 'Django>=3.2\\ngunicorn>=20.1\\n' > /tmp/r.txt; "
                        + "pip install --no-cache-dir -r /tmp/r.txt 2>&1").orThrow();
        assertTrue(out.contains("PIP_BREAK_SYSTEM_PACKAGES=1\n"), out);
        assertTrue(out.contains("Requirement already satisfied: Django>=3.2"), out);
        assertTrue(out.contains("Requirement already satisfied: gunicorn>=20.1"), out);
        assertFalse(out.contains("externally-managed-environment"), out);
    }

    @Test
    void nginxImageIsLaidOutAsTheOfficialOne(PrivateDocker docker) {
        String config = docker.dockerOk("run", "--rm", "--pull", "never", "nginx:1.28", "nginx", "-T");
        assertTrue(config.contains("\nuser  nginx;\n"), config);
        assertTrue(config.contains("\npid        /run/nginx.pid;\n"), config);
        assertTrue(config.contains("include /etc/nginx/conf.d/*.conf;"), config);
        assertTrue(config.contains("# configuration file /etc/nginx/conf.d/default.conf:"), config);

        String layout = sh(docker, "nginx:1.28", "id -u nginx; id -g nginx; ls -ld /var/cache/nginx | cut -c1-10; "
                + "readlink /var/log/nginx/access.log /var/log/nginx/error.log; ls /etc/nginx/sites-enabled 2>&1 | grep -c 'No such'; "
                + "nginx -V 2>&1 | tr ' ' '\\n' | grep -c 'temp-path=/var/lib/nginx/'; readlink /var/lib/nginx");
        assertEquals("101\n101\ndrwxr-xr-x\n/dev/stdout\n/dev/stderr\n1\n5\n/var/cache/nginx\n", layout,
                "user nginx 101:101, /var/cache/nginx holds the temp dirs, logs to the container's output, no sites-enabled");

        assertEquals("[\"/docker-entrypoint.sh\"] [\"nginx\",\"-g\",\"daemon off;\"] SIGQUIT",
                docker.dockerOk("image", "inspect", "--format",
                        "{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.StopSignal}}", "nginx:1.28"));
    }

    private static String sh(PrivateDocker docker, String image, String script) {
        return docker.docker("run", "--rm", "--pull", "never", "--entrypoint", "sh", image, "-c", script).orThrow();
    }
}
