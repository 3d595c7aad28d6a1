package dev.hostkit.target.docker;

import dev.hostkit.testing.KitRule;
import dev.hostkit.testing.SampleKit;

import java.util.ArrayList;
import java.util.List;

/** A rule read off the kit's parsed Dockerfile. */
interface DockerfileCheck extends KitRule {
    /** Adds a message to {@code problems} for each way the kit breaks this rule. */
    void check(SampleKit kit, Dockerfile dockerfile, List<String> problems);

    @Override
    default List<String> check(SampleKit kit) {
        List<String> problems = new ArrayList<>();
        check(kit, Dockerfile.parse(kit.read(Dockerfile.PATH)), problems);
        return problems;
    }
}
