package dev.hostkit.checks;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

/**
 * The two tests of every rule set. A subclass provides the static argument sources
 * {@code variantsAndRules()} (see {@link #everyVariantWith}) and {@code mutations()} (see
 * {@link #mutation}), and names the files a failure message shows.
 */
abstract class KitRuleTest extends GeneratedKits {
    /** The kit files to print when a rule is broken. */
    abstract String[] shownFiles();

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("variantsAndRules")
    void kitFollowsRule(KitVariant variant, KitRule rule) {
        assertFollows(variant, rule, shownFiles());
    }

    /** Every rule can fail: each deliberately broken kit is rejected by the rule named. */
    @ParameterizedTest(name = "{0} rejects {1} with ''{3}'' -> ''{4}'' in {2}")
    @MethodSource("mutations")
    void ruleRejectsBrokenKit(KitRule rule, String variantName, String file, String from, String to, @TempDir Path dir) {
        assertRejects(rule, variantName, file, from, to, dir);
    }
}
