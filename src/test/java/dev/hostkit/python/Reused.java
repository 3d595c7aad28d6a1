package dev.hostkit.python;

import dev.hostkit.core.settings.HostingSettings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The helpers of other test packages (host: nginx runner, systemd unit reader; checks: kit
 * rule sets, compose schema), reached by reflection because they are package-private and
 * those packages are not this one's to change. Each call is a thin pass-through: the logic
 * stays where it is, and a renamed helper fails here loudly.
 */
final class Reused {
    private Reused() {}

    /** dev.hostkit.host.Nginx: the real nginx on PREFIX with this site, listening on PORT. */
    static AutoCloseable nginx(Path prefix, String site, int port) {
        return (AutoCloseable) call("dev.hostkit.host.Nginx", "start", null, new Class<?>[] {Path.class, String.class, int.class},
                prefix, site, port);
    }

    /** dev.hostkit.host.SystemdUnit: the environment a plain (non-template) unit gives its service. */
    @SuppressWarnings("unchecked")
    static Map<String, String> unitEnvironment(String unitText, Map<String, String> environmentFiles) {
        Object unit = call("dev.hostkit.host.SystemdUnit", "parse", null, new Class<?>[] {String.class}, unitText);
        Function<String, Optional<String>> files = path -> Optional.ofNullable(environmentFiles.get(path));
        return (Map<String, String>) call("dev.hostkit.host.SystemdUnit", "environment", unit,
                new Class<?>[] {String.class, Function.class}, null, files);
    }

    /** dev.hostkit.host.SystemdUnit: every value of KEY in SECTION. */
    @SuppressWarnings("unchecked")
    static List<String> unitValues(String unitText, String section, String key) {
        Object unit = call("dev.hostkit.host.SystemdUnit", "parse", null, new Class<?>[] {String.class}, unitText);
        return (List<String>) call("dev.hostkit.host.SystemdUnit", "values", unit, new Class<?>[] {String.class, String.class},
                section, key);
    }

    /**
     * dev.hostkit.checks.Kit generated for a KitVariant (no dependency jar, Java release 17
     * unused) whose settings CONFIGURE gives: the checks read their expectations from the variant.
     */
    static Object checksKit(String name, Consumer<HostingSettings> configure, Path dir) {
        try {
            Class<?> variantClass = Class.forName("dev.hostkit.checks.KitVariant");
            Constructor<?> constructor = variantClass.getDeclaredConstructor(String.class, boolean.class, String.class, Consumer.class);
            constructor.setAccessible(true);
            Object variant = constructor.newInstance(name, false, "17", configure);
            return call("dev.hostkit.checks.Kit", "generate", null, new Class<?>[] {variantClass, Path.class}, variant, dir);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** dev.hostkit.checks.Kit#root: the folder the kit was generated into. */
    static Path kitRoot(Object kit) {
        return (Path) call("dev.hostkit.checks.Kit", "root", kit, new Class<?>[0]);
    }

    /** dev.hostkit.checks.Kit#mutate: replaces the first FROM in FILE by TO, failing when FROM is not there. */
    static void mutate(Object kit, String file, String from, String to) {
        call("dev.hostkit.checks.Kit", "mutate", kit, new Class<?>[] {String.class, String.class, String.class}, file, from, to);
    }

    /** The constants of one of the checks' rule enums (NginxRule, ComposeRule, DockerfileRule). */
    static List<Enum<?>> rules(String enumName) {
        try {
            return Arrays.stream(Class.forName("dev.hostkit.checks." + enumName).getEnumConstants()).<Enum<?>>map(rule -> (Enum<?>) rule).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KitRule#check: what is wrong with the kit, one message per finding. */
    @SuppressWarnings("unchecked")
    static List<String> findings(Enum<?> rule, Object kit) {
        return (List<String>) call("dev.hostkit.checks.KitRule", "check", rule, new Class<?>[] {kit.getClass()}, kit);
    }

    /** dev.hostkit.checks.ComposeSchema: the compose-spec schema's errors for this compose.yaml. */
    @SuppressWarnings("unchecked")
    static List<String> composeSchemaErrors(String composeYaml) {
        Object parsed = call("dev.hostkit.checks.ComposeSchema", "parse", null, new Class<?>[] {String.class}, composeYaml);
        return (List<String>) call("dev.hostkit.checks.ComposeSchema", "validate", null,
                new Class<?>[] {com.fasterxml.jackson.databind.JsonNode.class}, parsed);
    }

    private static Object call(String className, String method, Object target, Class<?>[] types, Object... arguments) {
        try {
            Method found = Class.forName(className).getDeclaredMethod(method, types);
            found.setAccessible(true);
            return found.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the reused helper " + className + "#" + method + " is gone or changed", e);
        }
    }
}
