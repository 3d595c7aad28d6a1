package dev.hostkit.core;

import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.ValueType;

import java.util.List;

/**
 * The settings of a whole build rather than of one kit: they cannot differ per environment.
 * The goal reads them; {@link KitRequest} carries their values.
 */
public final class BuildSettings {
    public static final Setting<Boolean> SKIP = Setting.value("skip", ValueType.bool(), "`false`",
            "Skip rendering the kit: `true` or `false`.");
    public static final Setting<String> OUTPUT_DIRECTORY = Setting.value("outputDirectory",
            ValueType.of("Allowed: a folder.", path -> path), "`${project.build.directory}/hosting`",
            "Where the kit is written (one folder per environment when there are environments).");
    public static final Setting<String> TEMPLATE_DIRECTORY = Setting.value("templateDirectory",
            ValueType.of("Allowed: a folder.", path -> path), "`${project.basedir}/src/main/hosting`",
            "Your templates: a file here overrides the built-in one of the same name; other `*.mustache` files are rendered too.");
    public static final Setting<Boolean> OVERWRITE = Setting.value("overwrite", ValueType.bool(), "`false`",
            "`true` replaces files in the output directory that hostkit did not generate or that were changed "
                    + "by hand.");
    public static final Setting<Void> ENVIRONMENTS = Setting.nested("environments", "none",
            "Named environments, each an `environment` element with a `name` and any kit setting: a kit of its own "
                    + "in `{outputDirectory}/{name}`.");
    public static final Setting<List<String>> SELECTED_ENVIRONMENTS = Setting.list("selectedEnvironments",
            "all declared", "Render only these environments (a comma list of declared names); the other kits stay as they are.").withProperty("hosting.environments");
    public static final Setting<Boolean> ATTACH = Setting.value("attach", ValueType.bool(),
            "`true` in the lifecycle, `false` from the command line",
            "`true` packs each kit into a zip attached with classifier `hosting` (or `hosting-{environment}`), "
                    + "so that install and deploy publish it.");
    public static final List<Setting<?>> SETTINGS = List.of(SKIP, OUTPUT_DIRECTORY, TEMPLATE_DIRECTORY, OVERWRITE,
            ENVIRONMENTS, SELECTED_ENVIRONMENTS, ATTACH);

    private BuildSettings() {}
}
