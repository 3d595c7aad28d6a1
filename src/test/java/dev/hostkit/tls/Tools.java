package dev.hostkit.tls;

import dev.hostkit.testing.RequiredTool;

/** The command-line tools these tests run, each found through {@link RequiredTool}. */
final class Tools {
    private Tools() {}

    static String nginx() {
        return RequiredTool.find("nginx", "apt-get install nginx-light").toString();
    }

    static String openssl() {
        return RequiredTool.find("openssl", "apt-get install openssl").toString();
    }

    static String curl() {
        return RequiredTool.find("curl", "apt-get install curl").toString();
    }

    static String shellcheck() {
        return RequiredTool.find("shellcheck", "apt-get install shellcheck").toString();
    }

    static String bash() {
        return RequiredTool.find("/bin/bash", "apt-get install bash").toString();
    }
}
