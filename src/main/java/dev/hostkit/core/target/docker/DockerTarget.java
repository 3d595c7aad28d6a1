package dev.hostkit.core.target.docker;

import dev.hostkit.core.runtime.Placement;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.ValueType;
import dev.hostkit.core.syntax.Quoting;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.Target;

import javax.inject.Named;
import javax.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker/}: the app's image, built from this folder alone (Dockerfile, .dockerignore, the app). */
@Named("docker")
@Singleton
public final class DockerTarget implements Target {
    /** The numeric user and group the app runs as in its container, so that runAsNonRoot checks can verify it. */
    static final int UID = 10001;

    public static final Setting<String> BASE_IMAGE = Setting.value("baseImage", ValueType.image(),
            "the runtime's: `eclipse-temurin:{javaVersion}-jre`, `python:{pythonVersion}-slim`",
            "The base image of the app's container: an explicit tag or digest, not `latest`; Debian or Ubuntu "
                    + "based (the Dockerfile runs useradd, the Java probe bash).")
            .shownAs("docker.baseImage");

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(BASE_IMAGE);
    }

    @Override
    public boolean shipsApplication() {
        return true;
    }

    @Override
    public Contribution contribute(KitContext kit) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("baseImage", kit.settings().get(BASE_IMAGE).orElseGet(kit.runtime()::defaultBaseImage));
        vars.put("uid", UID);
        vars.put("image", kit.shared().app().name() + ":" + imageTag(kit.shared().app().version()));
        List<String> probe = kit.runtime().containerProbe();
        vars.put("healthcheck", execArray(probe));
        List<String> composeTest = new ArrayList<>(probe);
        composeTest.add(0, "CMD");
        vars.put("healthcheckTest", execArray(composeTest));
        return Contribution.of(vars).withFiles(kit.runtime().files(Placement.IMAGE, "docker/"));
    }

    /** A JSON array of strings: a Dockerfile's exec form, and a YAML flow sequence. */
    public static String execArray(List<String> words) {
        return "[" + String.join(", ", words.stream().map(Quoting::json).toList()) + "]";
    }

    /** A Docker tag from a Maven version: the characters a tag allows, at most 128. */
    public static String imageTag(String version) {
        String tag = version.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (!tag.isEmpty() && (tag.charAt(0) == '.' || tag.charAt(0) == '-')) {
            tag = "v" + tag;
        }
        return tag.isEmpty() ? "latest" : tag.substring(0, Math.min(tag.length(), 128));
    }
}
