package dev.hostkit.checks;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Base of the checks: kits generated once per test class and variant for checks that only
 * read them, and the two assertions every rule gets (the kit follows it; a mutated kit
 * breaks it). A check that changes a kit generates its own with {@link Kit#generate}.
 */
abstract class GeneratedKits {
    @TempDir
    static Path kits;
    private static final Map<Path, Kit> CACHE = new HashMap<>();

    /** The kit of this variant, generated at most once per test class. */
    static Kit kit(KitVariant variant) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(kits.resolve(variant.name()), dir -> Kit.generate(variant, dir));
        }
    }

    /** Every variant with every rule. */
    static Stream<Arguments> everyVariantWith(KitRule[] rules) {
        return KitVariant.all().flatMap(variant -> Arrays.stream(rules).map(rule -> Arguments.of(variant, rule)));
    }

    static void assertFollows(KitVariant variant, KitRule rule, String... filesToShow) {
        Kit kit = kit(variant);
        assertEquals(List.of(), rule.check(kit), () -> rule + " is broken by the kit of " + variant + show(kit, filesToShow));
    }

    /** A deliberate defect: in {@code file} of the named variant's kit, {@code from} becomes {@code to}. */
    static Arguments mutation(KitRule rule, String variant, String file, String from, String to) {
        return Arguments.of(rule, variant, file, from, to);
    }

    /** The rule can fail: it notices the mutation. */
    static void assertRejects(KitRule rule, String variantName, String file, String from, String to, Path dir) {
        Kit kit = Kit.generate(KitVariant.named(variantName), dir);
        kit.mutate(file, from, to);
        assertFalse(rule.check(kit).isEmpty(),
                () -> rule + " did not notice '" + from + "' -> '" + to + "' in " + file + show(kit, file));
    }

    private static String show(Kit kit, String... files) {
        StringBuilder shown = new StringBuilder();
        for (String file : files) {
            shown.append("\n--- ").append(file).append(" ---\n").append(kit.read(file));
        }
        return shown.toString();
    }
}
