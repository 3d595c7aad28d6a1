package dev.hostkit.checks;

import java.util.List;

/** A rule a generated kit must follow: what is wrong with the kit, one message per finding. */
interface KitRule {
    List<String> check(Kit kit);

    String name();
}
