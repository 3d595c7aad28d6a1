package dev.hostkit.core.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user typed, by setting name, unvalidated: single values as strings (so that a bad
 * value such as a port "eighty" reaches hostkit's validation and its message, not a generic
 * conversion error), lists and maps. {@link SettingValues} checks them against the
 * declarations.
 */
public final class HostingSettings {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> maps = new LinkedHashMap<>();

    /** Sets a single value; {@code null} removes it. */
    public HostingSettings set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        return this;
    }

    /** Sets a list; {@code null} or an empty list removes it. */
    public HostingSettings setList(String name, List<String> list) {
        if (list == null || list.isEmpty()) {
            lists.remove(name);
        } else {
            lists.put(name, List.copyOf(list));
        }
        return this;
    }

    /** Sets a map (entries in their order; a null value stays, and counts as empty); {@code null} removes it. */
    public HostingSettings setMap(String name, Map<String, String> map) {
        if (map == null) {
            maps.remove(name);
        } else {
            maps.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(map)));
        }
        return this;
    }

    /** The single value, or {@code null} when it is not set. */
    public String get(String name) {
        return values.get(name);
    }

    /** The list, empty when it is not set. */
    public List<String> getList(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /** The map, empty when it is not set. */
    public Map<String, String> getMap(String name) {
        return maps.getOrDefault(name, Map.of());
    }

    /** Every name that has a value, list or map, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(values.keySet());
        names.addAll(lists.keySet());
        names.addAll(maps.keySet());
        return names;
    }

    /**
     * These settings with an environment's on top: a value or list the environment has
     * replaces this one; maps merge key by key, and an empty value in the environment removes
     * the key.
     */
    public HostingSettings overlay(HostingSettings environment) {
        HostingSettings merged = new HostingSettings();
        merged.values.putAll(values);
        merged.values.putAll(environment.values);
        merged.lists.putAll(lists);
        merged.lists.putAll(environment.lists);
        merged.maps.putAll(maps);
        environment.maps.forEach((name, entries) -> {
            Map<String, String> map = new LinkedHashMap<>(getMap(name));
            entries.forEach((key, value) -> {
                if (value == null || value.isEmpty()) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            });
            merged.maps.put(name, Collections.unmodifiableMap(map));
        });
        return merged;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        values.forEach((name, value) -> shown.add(name + "=" + value));
        lists.forEach((name, list) -> shown.add(name + "=" + list));
        maps.forEach((name, map) -> shown.add(name + "=" + map));
        return "HostingSettings" + shown;
    }
}
