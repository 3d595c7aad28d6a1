package dev.hostkit.core.target;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The targets of one kit: the built-in ones and the user's template folders, as hosting.targets selects them. */
public final class Targets {
    public static final Setting<List<String>> TARGETS = Setting.list("targets",
            "every built-in target but `kubernetes`, and your template folders",
            "The targets to render: built-in ones and folders of your own templates; a target brings those it needs "
                    + "(compose brings docker). `kubernetes` is opt-in: only a list that names it renders it.")
            .shownAs("targets");

    private Targets() {}

    /**
     * @param builtIn        the built-in targets
     * @param userFolders    the user's own template folders that are no built-in target
     * @return the targets to render, each once, each after the ones it requires
     */
    public static List<Target> select(List<Target> builtIn, List<String> userFolders, SettingValues settings) {
        Map<String, Target> known = new TreeMap<>();
        builtIn.forEach(target -> known.put(target.name(), target));
        List<String> knownNames = new ArrayList<>(known.keySet());
        for (String folder : userFolders) {
            if (!known.containsKey(folder)) {
                known.put(folder, new UserTarget(folder));
                knownNames.add(folder);
            }
        }
        List<String> requested = settings.list(TARGETS);
        List<String> byDefault = knownNames.stream().filter(name -> known.get(name).selectedByDefault()).toList();
        List<String> names = new ArrayList<>();
        for (String entry : requested.isEmpty() ? byDefault : requested) {
            for (String part : entry.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!known.containsKey(name)) {
                    throw new InvalidSettingException(TARGETS.label(), name,
                            "Allowed: a comma-separated list of " + String.join(", ", knownNames) + ".");
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            throw new InvalidSettingException(TARGETS.label(), String.join(",", requested),
                    "Allowed: at least one of " + String.join(", ", knownNames) + ".");
        }
        List<Target> ordered = new ArrayList<>();
        names.forEach(name -> place(known.get(name), known, ordered));
        return List.copyOf(ordered);
    }

    /** Adds the target after the targets it requires, each once. */
    private static void place(Target target, Map<String, Target> known, List<Target> ordered) {
        if (ordered.contains(target)) {
            return;
        }
        for (String required : target.requires()) {
            place(known.get(required), known, ordered);
        }
        ordered.add(target);
    }
}
