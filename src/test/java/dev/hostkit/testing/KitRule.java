package dev.hostkit.testing;

import java.util.List;

/** A rule a generated kit must follow: what is wrong with the kit, one message per finding. */
public interface KitRule {
    List<String> check(SampleKit kit);

    String name();

    /** Whether the rule is about kits of this variant (some hold for one runtime only). */
    default boolean appliesTo(KitVariant variant) {
        return true;
    }
}
