package dev.hostkit.env;

import dev.hostkit.core.settings.HostingEnvironment;
import dev.hostkit.core.settings.HostingSettings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/**
 * The merge rules of {@link HostingSettings#overlay}: every scalar setting of an environment
 * replaces the top-level one (found by reflection, so a setting added later cannot be forgotten),
 * maps merge key by key and lose a key whose value is empty, lists replace.
 */
class OverlayTest {
    /** Every scalar setting, by property name: a String getter with a matching setter. */
    private static final List<String> SCALARS = Arrays.stream(HostingSettings.class.getDeclaredMethods())
            .filter(m -> m.getName().startsWith("get") && m.getReturnType() == String.class && m.getParameterCount() == 0)
            .map(m -> m.getName().substring(3))
            .sorted()
            .toList();

    private static Object call(Object target, String method, Object... arguments) {
        try {
            Method found = Arrays.stream(HostingSettings.class.getMethods())
                    .filter(m -> m.getName().equals(method) && m.getParameterCount() == arguments.length)
                    .findFirst().orElseThrow();
            return found.invoke(target, arguments);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(method, e);
        }
    }

    /** Every scalar setting set to prefix + its name. */
    private static <T extends HostingSettings> T allScalars(T settings, String prefix) {
        SCALARS.forEach(name -> call(settings, "set" + name, prefix + name));
        return settings;
    }

    private static Map<String, Object> scalarsOf(HostingSettings settings) {
        Map<String, Object> values = new TreeMap<>();
        SCALARS.forEach(name -> values.put(name, call(settings, "get" + name)));
        return values;
    }

    @Test
    void everyScalarSettingOfAnEnvironmentReplacesTheTopLevelOneAndOnlyThatOne() {
        assertFalse(SCALARS.size() < 18, "the scalar settings should be found: " + SCALARS);
        HostingSettings top = allScalars(new HostingSettings(), "top-");
        for (String name : SCALARS) {
            HostingEnvironment environment = new HostingEnvironment().setName("prod");
            call(environment, "set" + name, "prod-" + name);
            Map<String, Object> expected = scalarsOf(top);
            expected.put(name, "prod-" + name);
            assertEquals(expected, scalarsOf(top.overlay(environment)), "overlay of " + name);
        }
    }

    @Test
    void anEnvironmentWithoutSettingsLeavesEverySettingAsItIsAtTheTop() {
        HostingSettings top = allScalars(new HostingSettings(), "top-")
                .setTargets(List.of("docker", "host")).setEnv(Map.of("A", "1")).setValues(Map.of("team", "ops"));
        HostingSettings merged = top.overlay(new HostingEnvironment().setName("dev"));
        assertEquals(scalarsOf(top), scalarsOf(merged));
        assertEquals(List.of("docker", "host"), merged.getTargets());
        assertEquals(Map.of("A", "1"), merged.getEnv());
        assertEquals(Map.of("team", "ops"), merged.getValues());
    }

    @Test
    void envMergesKeyByKey() {
        assertMapMerges(HostingSettings::getEnv, HostingSettings::setEnv);
    }

    @Test
    void valuesMergeKeyByKey() {
        assertMapMerges(HostingSettings::getValues, HostingSettings::setValues);
    }

    /**
     * A top-level key the environment does not name stays, one it names gets its value, one it
     * leaves empty goes (Maven gives an empty element {@code <KEY/>} as null), a new one is added.
     */
    private static void assertMapMerges(Function<HostingSettings, Map<String, String>> get,
                                        BiFunction<HostingSettings, Map<String, String>, HostingSettings> set) {
        Map<String, String> top = new LinkedHashMap<>();
        top.put("KEPT", "top");
        top.put("REPLACED", "top");
        top.put("REMOVED_BY_NULL", "top");
        top.put("REMOVED_BY_EMPTY", "top");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ADDED", "env");
        environment.put("REPLACED", "env");
        environment.put("REMOVED_BY_NULL", null);
        environment.put("REMOVED_BY_EMPTY", "");
        environment.put("NEVER_THERE", null);

        HostingSettings topSettings = set.apply(new HostingSettings(), top);
        HostingEnvironment prod = new HostingEnvironment().setName("prod");
        set.apply(prod, environment);
        Map<String, String> merged = get.apply(topSettings.overlay(prod));

        assertEquals(List.of("KEPT", "REPLACED", "ADDED"), new ArrayList<>(merged.keySet()),
                "top-level keys in their order, then the environment's new ones");
        assertEquals(Map.of("KEPT", "top", "REPLACED", "env", "ADDED", "env"), merged);
        assertEquals(top, get.apply(topSettings), "the top-level map stays as it was");
        assertEquals(environment, get.apply(prod), "the environment's map stays as it was");
    }

    @Test
    void anEnvironmentsTargetsReplaceTheTopLevelListInsteadOfAddingToIt() {
        HostingSettings top = new HostingSettings().setTargets(List.of("docker", "compose", "host"));
        HostingEnvironment staging = new HostingEnvironment().setName("staging");
        staging.setTargets(List.of("compose"));

        HostingSettings merged = top.overlay(staging);
        assertEquals(List.of("compose"), merged.getTargets());
        assertNotSame(staging.getTargets(), merged.getTargets(), "the merged settings own their list");
        merged.getTargets().add("host");
        assertEquals(List.of("compose"), staging.getTargets());
        assertEquals(List.of("docker", "compose", "host"), top.getTargets());
    }

    @Test
    void environmentsMergeOntoTheTopLevelSettingsNotOntoEachOther() {
        HostingSettings top = new HostingSettings().setServerName("shop.test").setEnv(Map.of("LOG_LEVEL", "info"));
        HostingEnvironment dev = new HostingEnvironment().setName("dev");
        dev.setServerName("dev.shop.test").setEnv(Map.of("LOG_LEVEL", "debug", "DEV", "1"));
        HostingEnvironment prod = new HostingEnvironment().setName("prod");
        prod.setPort("9090");

        top.overlay(dev);
        HostingSettings merged = top.overlay(prod);
        assertEquals("shop.test", merged.getServerName());
        assertEquals(Map.of("LOG_LEVEL", "info"), merged.getEnv());
        assertEquals("9090", merged.getPort());
    }
}
