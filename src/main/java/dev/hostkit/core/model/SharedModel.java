package dev.hostkit.core.model;

import dev.hostkit.core.settings.ProjectFacts;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.SettingValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every target of one kit shares, validated: the app, the nginx in front of it, HTTPS,
 * the app's environment and the user's free values. Every value in here is safe to place in
 * nginx, YAML, Dockerfile, systemd and shell syntax as the templates do.
 *
 * @param environment the named environment this kit is for, empty without environments
 */
public record SharedModel(App app, Nginx nginx, Optional<Tls> tls, EnvVars env, TemplateValues values,
                          Optional<String> environment) {
    /** The settings these concerns declare. */
    public static final List<Setting<?>> SETTINGS = settings();

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(App.SETTINGS);
        all.addAll(Nginx.SETTINGS);
        all.addAll(Tls.SETTINGS);
        all.add(EnvVars.ENV);
        all.add(TemplateValues.VALUES);
        return List.copyOf(all);
    }

    /** @param defaults the app's port and health path when hosting.port or hosting.healthPath is not set: its runtime's */
    public static SharedModel resolve(SettingValues settings, ProjectFacts project, App.Defaults defaults,
                                      Optional<String> environment) {
        App app = App.resolve(settings, project, defaults);
        Nginx nginx = Nginx.resolve(settings);
        return new SharedModel(app, nginx, Tls.resolve(settings, nginx), EnvVars.resolve(settings),
                TemplateValues.resolve(settings), environment);
    }

    /** The variables every template can read: {@code app}, {@code nginx}, {@code tls}, {@code env}, ... */
    public Map<String, Object> variables() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("app", app.variables());
        root.put("nginx", nginx.variables(app));
        tls.ifPresent(https -> root.put("tls", https.variables()));
        root.put("env", env.variablesList());
        root.put("hasEnv", !env.variables().isEmpty());
        root.put("values", new LinkedHashMap<>(values.entries()));
        environment.ifPresent(name -> root.put("environment", Map.of("name", name)));
        return root;
    }
}
