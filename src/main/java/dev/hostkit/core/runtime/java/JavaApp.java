package dev.hostkit.core.runtime.java;

import dev.hostkit.core.files.KitFile;
import dev.hostkit.core.model.App;
import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.runtime.RuntimeApp;
import dev.hostkit.core.runtime.java.framework.FrameworkApp;
import dev.hostkit.core.runtime.java.framework.Packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated JVM app.
 *
 * @param jar         the packaged jar, or {@code null} when no target ships the app
 * @param packaging   what the kit ships and how it starts it, or {@code null} when no target ships the app
 * @param command     the java launcher on a machine
 * @param framework   its web framework, which decides the variables the kit sets for it
 */
public record JavaApp(App app, int release, String mainClass, Path jar, Packaging packaging, int maxRamPercentage,
                      String command, FrameworkApp framework) implements RuntimeApp {
    /**
     * The health probe: GET {@code path} from 127.0.0.1 {@code port} over bash's /dev/tcp,
     * succeeding on 2xx or 3xx (JRE images promise neither curl nor wget). The container's
     * HEALTHCHECK and install.sh run this one script, with their own port and path words.
     */
    static String healthProbe(String port, String path) {
        return "exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf 'GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' " + path + " >&3"
                + " && head -n 1 <&3 | grep -Eq '^HTTP/[0-9.]+ [23][0-9][0-9]'";
    }

    @Override
    public Map<String, String> environmentItSets() {
        return framework.environmentItSets();
    }

    @Override
    public List<String> notes() {
        return List.of(framework.note());
    }

    @Override
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("release", release);
        vars.put("mainClass", mainClass);
        vars.put("maxRamPercentage", maxRamPercentage);
        if (jar != null) {
            vars.put("jar", jar.getFileName().toString());
        }
        if (packaging != null) {
            vars.putAll(packaging.variables());
        }
        vars.put("command", command);
        vars.put("framework", framework.variables());
        // install.sh's answers(): the instance on port $1 answers $HEALTH_PATH
        vars.put("machineProbe", healthProbe("\"$1\"", "\"$HEALTH_PATH\""));
        return vars;
    }

    @Override
    public List<Map<String, Object>> privatePaths() {
        return framework.management().variables();
    }

    @Override
    public String defaultBaseImage() {
        return "eclipse-temurin:" + release + "-jre";
    }

    @Override
    public List<String> containerProbe() {
        // the path is a URL path of letters, digits and ._~/-?=&: safe in single quotes
        return List.of("bash", "-c", healthProbe(String.valueOf(app.port()), "'" + app.healthPath() + "'"));
    }

    /** What its packaging ships, the same in an image and on a machine. */
    @Override
    public List<KitFile> files(Placement placement, String folder) {
        List<KitFile> files = new ArrayList<>();
        packaging.files().forEach((path, source) -> files.add(KitFile.copied(folder + path, source)));
        return files;
    }

    @Override
    public String machineEndpoint(int port) {
        return "127.0.0.1:" + port;
    }
}
