package dev.hostkit.testing;

/** A command-line program the tests run, found through {@link RequiredTool} with the hint that installs it. */
public enum Tool {
    NGINX("nginx", Tools.NGINX_HINT),
    BASH("/bin/bash", "apt-get install bash"),
    SH("/bin/sh", "apt-get install dash"),
    OPENSSL("openssl", "apt-get install openssl"),
    CURL("curl", "apt-get install curl"),
    SHELLCHECK("shellcheck", "apt-get install shellcheck"),
    SYSTEMD_ANALYZE("systemd-analyze", "apt-get install systemd"),
    /** Lists the listening sockets (which address an app bound). */
    SS("ss", "apt-get install iproute2"),
    /** The java a Java kit's unit starts (its ExecStart names /usr/bin/java). */
    SYSTEM_JAVA("/usr/bin/java", "apt-get install openjdk-17-jre-headless"),
    /** Debian's python3, which has Django and gunicorn (a python3 earlier on PATH may not). */
    PYTHON3("/usr/bin/python3", Tools.PYTHON_HINT);

    private final String name;
    private final String installHint;

    Tool(String name, String installHint) {
        this.name = name;
        this.installHint = installHint;
    }

    /** The program's path; aborts or fails the test when it is missing. */
    public String path() {
        return RequiredTool.find(name, installHint).toString();
    }
}
