package dev.hostkit.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tests of one rule set: every variant follows every rule that applies to it, and every
 * rule can fail, each deliberately broken kit of a {@link MutationTable} of
 * "RULE | variant | file | FROM => TO" being rejected by the rule named (in {@code file} of the
 * variant's kit, {@code from} becomes {@code to}). A subclass passes its rules, the table and
 * the kit files a failure message shows.
 */
public abstract class KitRuleTest extends GeneratedKits {
    private final List<KitRule> rules;
    private final List<MutationTable.Row> mutations;
    private final String[] shownFiles;

    protected KitRuleTest(List<? extends KitRule> rules, String mutations, String... shownFiles) {
        this.rules = List.copyOf(rules);
        this.mutations = MutationTable.parse(mutations, 3);
        this.shownFiles = shownFiles;
    }

    @TestFactory
    public Stream<DynamicTest> kitFollowsRule() {
        return KitVariants.all().flatMap(variant -> rules.stream().filter(rule -> rule.appliesTo(variant))
                .map(rule -> DynamicTest.dynamicTest(rule.name() + " on " + variant, () -> assertFollows(variant, rule, shownFiles))));
    }

    @TestFactory
    public Stream<DynamicTest> ruleRejectsBrokenKit(@TempDir Path dir) {
        AtomicInteger runs = new AtomicInteger();
        return mutations.stream().map(row -> DynamicTest.dynamicTest(row.cells().get(0) + " rejects '" + row.from() + "' -> '" + row.to()
                + "' in " + row.cells().get(2) + " of " + row.cells().get(1), () -> assertRejects(rule(row.cells().get(0)),
                row.cells().get(1), row.cells().get(2), row.from(), row.to(), dir.resolve("kit-" + runs.incrementAndGet()))));
    }

    /** The table breaks every rule at least once: none is left unproven. */
    @TestFactory
    public Stream<DynamicTest> everyRuleHasAMutation() {
        Set<String> broken = new TreeSet<>();
        mutations.forEach(row -> broken.add(rule(row.cells().get(0)).name()));
        return Stream.of(DynamicTest.dynamicTest("every rule is broken at least once", () ->
                assertEquals(new TreeSet<>(rules.stream().map(KitRule::name).toList()), broken)));
    }

    private KitRule rule(String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + name + " among " + rules));
    }
}
