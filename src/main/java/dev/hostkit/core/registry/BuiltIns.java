package dev.hostkit.core.registry;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.runtime.AppRuntime;
import dev.hostkit.core.runtime.Runtimes;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.target.Target;
import dev.hostkit.core.target.Targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of built-in targets and runtimes: every class of hostkit's that the build
 * indexed as a JSR-330 named component ({@code META-INF/sisu/javax.inject.Named}, written by
 * sisu-maven-plugin from the {@code @Named} annotations) and that is a {@link Target} or an
 * {@link AppRuntime}. A new target or runtime is found by its annotation alone.
 */
public final class BuiltIns {
    static final String INDEX = "META-INF/sisu/javax.inject.Named";
    private static final String OWN_PACKAGE = "dev.hostkit.";
    private static BuiltIns indexed;

    private final List<Target> targets;
    private final List<AppRuntime> runtimes;

    /** Built-ins given by hand (tests); {@link #load()} finds the real ones. */
    public BuiltIns(List<Target> targets, List<AppRuntime> runtimes) {
        this.targets = targets.stream().sorted(Comparator.comparing(Target::name)).toList();
        this.runtimes = runtimes.stream().sorted(Comparator.comparing(AppRuntime::name)).toList();
    }

    /** The indexed built-ins, read once. */
    public static synchronized BuiltIns load() {
        if (indexed == null) {
            List<Target> targets = new ArrayList<>();
            List<AppRuntime> runtimes = new ArrayList<>();
            for (String className : indexedClasses()) {
                Object component = instantiate(className);
                if (component instanceof Target target) {
                    targets.add(target);
                }
                if (component instanceof AppRuntime runtime) {
                    runtimes.add(runtime);
                }
            }
            if (targets.isEmpty() || runtimes.isEmpty()) {
                throw new IllegalStateException("hostkit found no built-in targets or runtimes in " + INDEX
                        + ": the plugin jar (or target/classes) lacks sisu-maven-plugin's index");
            }
            indexed = new BuiltIns(targets, runtimes);
        }
        return indexed;
    }

    /** The built-in targets, by name. */
    public List<Target> targets() {
        return targets;
    }

    /** The runtimes, by name. */
    public List<AppRuntime> runtimes() {
        return runtimes;
    }

    /** The built-in template folders: each target's, each runtime's ({@code runtimes/<name>}) and the shared partials. */
    public List<String> templateFolders() {
        List<String> folders = new ArrayList<>(targets.stream().map(Target::name).toList());
        runtimes.forEach(runtime -> folders.add("runtimes/" + runtime.name()));
        folders.add("partials");
        return List.copyOf(folders);
    }

    /** Every setting a kit may have: the shared ones, the choice of targets and runtime, each runtime's and target's. */
    public List<Setting<?>> kitSettings() {
        List<Setting<?>> all = new ArrayList<>(SharedModel.SETTINGS);
        all.add(Targets.TARGETS);
        all.add(Runtimes.RUNTIME);
        runtimes.forEach(runtime -> all.addAll(runtime.settings()));
        targets.forEach(target -> all.addAll(target.settings()));
        return Collections.unmodifiableList(all);
    }

    private static Set<String> indexedClasses() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL index : Collections.list(BuiltIns.class.getClassLoader().getResources(INDEX))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(String::trim).filter(line -> line.startsWith(OWN_PACKAGE)).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX, e);
        }
        return names;
    }

    private static Object instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, BuiltIns.class.getClassLoader());
            if (!Target.class.isAssignableFrom(type) && !AppRuntime.class.isAssignableFrom(type)) {
                return null;
            }
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the built-in " + className, e);
        }
    }
}
