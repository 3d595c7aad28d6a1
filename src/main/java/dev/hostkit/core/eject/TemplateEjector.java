package dev.hostkit.core.eject;

import dev.hostkit.core.registry.BuiltIns;
import dev.hostkit.core.render.TemplateCatalog;
import dev.hostkit.core.render.TemplateOrigins;
import dev.hostkit.core.runtime.Runtimes;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.SettingValues;
import dev.hostkit.core.target.Target;
import dev.hostkit.core.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the built-in templates of some targets, and every partial they include, into the
 * user's template directory under their names in the kit (the project's runtime's version of
 * each), so that they can be changed there. A file that exists is never replaced.
 */
public final class TemplateEjector {
    private static final Pattern INCLUDE = Pattern.compile("\\{\\{>\\s*([^}\\s]+)\\s*}}");

    private final BuiltIns builtIns;

    public TemplateEjector(BuiltIns builtIns) {
        this.builtIns = builtIns;
    }

    /**
     * @param settings the kit settings: hosting.targets picks the targets (default all), hosting.runtime the runtime
     * @return each template by name, and whether it was copied or kept
     */
    public EjectReport eject(HostingSettings settings, ProjectFacts project, Path templateDirectory) {
        SettingValues values = SettingValues.parse(settings, builtIns.kitSettings());
        TemplateCatalog catalog = TemplateCatalog.load(builtIns.templateFolders(), List.of(templateDirectory), List.of());
        List<String> targets = Targets.select(builtIns.targets(), catalog.userFolders(), values).stream()
                .map(Target::name).toList();
        String runtime = Runtimes.select(builtIns.runtimes(), values, project).name();
        TemplateOrigins origins = new TemplateOrigins(List.of(), runtime);
        Map<String, String> templates = withPartials(catalog.builtInTemplatesFor(targets, runtime), origins);
        List<EjectReport.Template> copied = new ArrayList<>();
        List<EjectReport.Template> kept = new ArrayList<>();
        templates.forEach((name, text) -> {
            Path file = templateDirectory.resolve(name);
            EjectReport.Template template = new EjectReport.Template(name, origins.builtInSource(name).orElseThrow(), file);
            if (Files.exists(file)) {
                kept.add(template);
            } else {
                write(file, text);
                copied.add(template);
            }
        });
        return new EjectReport(runtime, targets, copied, kept);
    }

    /** The templates and, transitively, every partial they include, each with its text, in a stable order. */
    private static Map<String, String> withPartials(List<String> templates, TemplateOrigins origins) {
        Map<String, String> texts = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(templates);
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (texts.containsKey(name)) {
                continue;
            }
            String text = origins.builtInText(name).orElseThrow(() -> new IllegalStateException("no built-in template " + name));
            texts.put(name, text);
            Matcher include = INCLUDE.matcher(text);
            while (include.find()) {
                pending.addLast("partials/" + include.group(1) + ".mustache");
            }
        }
        return texts;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
