package dev.hostkit.core.runtime.java.framework;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own configuration, as the frameworks read it from {@code src/main/resources}:
 * {@code application.properties}, else {@code application.yml} / {@code .yaml} (its first
 * document, nested keys joined with '.'). Only plain values count: a placeholder counts by its
 * default ({@code ${PORT:8081}} is 8081).
 */
public final class AppConfig {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:([^}]*)}");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private final Map<String, String> values;

    AppConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The configuration of the project in {@code baseDir}, empty when it has none. */
    public static AppConfig read(Path baseDir) {
        Path resources = baseDir.resolve("src/main/resources");
        Map<String, String> values = new HashMap<>();
        for (String yaml : new String[] {"application.yaml", "application.yml"}) {
            values.putAll(yaml(resources.resolve(yaml)));
        }
        values.putAll(properties(resources.resolve("application.properties")));
        return new AppConfig(values);
    }

    /** The value, a placeholder replaced by its default. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).map(value -> {
            Matcher placeholder = PLACEHOLDER.matcher(value);
            return placeholder.matches() ? placeholder.group(1).trim() : value;
        }).filter(value -> !value.isEmpty());
    }

    /** A port from 1 to 65535; a random one (0) or any other value does not count. */
    public OptionalInt port(String key) {
        return get(key).filter(value -> value.matches("[0-9]{1,5}")).map(Integer::parseInt)
                .filter(port -> port >= 1 && port <= 65535).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * A path prefix such as a context path: {@code /shop} without the trailing '/', or {@code ""}
     * when it is not set, is {@code /}, or is not a plain path of letters, digits and {@code . _ ~ -}.
     */
    public String pathPrefix(String key) {
        String path = get(key).map(value -> value.startsWith("/") ? value : "/" + value)
                .map(value -> value.replaceAll("/+$", "")).orElse("");
        return isPlainPath(path) ? path : "";
    }

    /** A path such as {@code /shop/q}: segments of letters, digits and {@code . _ ~ -}, no trailing '/'. */
    static boolean isPlainPath(String path) {
        return PATH.matcher(path).matches();
    }

    private static Map<String, String> properties(Path file) {
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        }
        return values;
    }

    /** A YAML file's first document; one that SnakeYAML's safe loader cannot read counts as empty. */
    private static Map<String, String> yaml(Path file) {
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Iterator<Object> documents = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).iterator();
                if (documents.hasNext()) {
                    flatten("", documents.next(), values);
                }
            } catch (YAMLException e) {
                return Map.of();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return values;
    }

    private static void flatten(String prefix, Object node, Map<String, String> values) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + key + ".", value, values));
        } else if (node != null && !prefix.isEmpty()) {
            values.put(prefix.substring(0, prefix.length() - 1), node.toString());
        }
    }
}
