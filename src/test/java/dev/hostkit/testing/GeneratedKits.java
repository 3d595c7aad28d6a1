package dev.hostkit.testing;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Base of the tests that check generated kits: kits rendered once per test class and variant
 * for checks that only read them, and the two assertions every rule gets (the kit follows it; a
 * mutated kit breaks it). A check that changes a kit renders its own with {@link KitVariant#render}.
 */
public abstract class GeneratedKits {
    @TempDir
    protected static Path kits;
    private static final Map<Path, SampleKit> CACHE = new HashMap<>();

    /** The kit of this variant, rendered at most once per test class. */
    protected static SampleKit kit(KitVariant variant) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(kits.resolve(variant.name()), variant::render);
        }
    }

    protected static void assertFollows(KitVariant variant, KitRule rule, String... filesToShow) {
        SampleKit kit = kit(variant);
        assertEquals(List.of(), rule.check(kit), () -> rule + " is broken by the kit of " + variant + show(kit, filesToShow));
    }

    /** The rule can fail: it notices the mutation. */
    protected static void assertRejects(KitRule rule, String variantName, String file, String from, String to, Path dir) {
        SampleKit kit = KitVariants.named(variantName).render(dir);
        kit.mutate(file, from, to);
        assertFalse(rule.check(kit).isEmpty(),
                () -> rule + " did not notice '" + from + "' -> '" + to + "' in " + file + show(kit, file));
    }

    private static String show(SampleKit kit, String... files) {
        StringBuilder shown = new StringBuilder();
        for (String file : files) {
            shown.append("\n--- ").append(file).append(" ---\n").append(kit.read(file));
        }
        return shown.toString();
    }
}
