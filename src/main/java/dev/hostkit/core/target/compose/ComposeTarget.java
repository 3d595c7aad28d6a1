package dev.hostkit.core.target.compose;

import dev.hostkit.core.settings.InvalidSettingException;
import dev.hostkit.core.settings.Setting;
import dev.hostkit.core.settings.ValueType;
import dev.hostkit.core.target.Contribution;
import dev.hostkit.core.target.KitContext;
import dev.hostkit.core.target.NginxSite;
import dev.hostkit.core.target.NginxVersion;
import dev.hostkit.core.target.Target;

import javax.inject.Named;
import javax.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code compose/}: the app's image from {@code ../docker} and nginx in front of it, on one compose network. */
@Named("compose")
@Singleton
public final class ComposeTarget implements Target {
    /** Where nginx's container mounts the volume with the app's static files. */
    static final String STATIC_VOLUME = "/srv/static";

    public static final Setting<String> NGINX_IMAGE = Setting.value("nginxImage", ValueType.image(), "`nginx:1.28`",
            "The nginx image of the compose kit: an explicit tag or digest, not `latest`.")
            .shownAs("compose.nginxImage");
    public static final Setting<String> NGINX_VERSION = Setting.value("composeNginxVersion", NginxVersion.TYPE,
            "the `nginxImage` tag's version", "The version of nginx in `nginxImage`, such as `1.28`, for an image whose "
                    + "tag names none (a digest, `mainline`); it decides how the site turns HTTP/2 on.")
            .shownAs("compose.site.nginxVersion");
    public static final Setting<String> RESTART_POLICY = Setting.value("restartPolicy", ValueType.matching(
                    Pattern.compile("no|always|unless-stopped|on-failure(:[1-9][0-9]{0,3})?"),
                    "Allowed: no, always, unless-stopped, on-failure or on-failure:N."),
            "`unless-stopped`", "The compose restart policy of both services: `no`, `always`, `unless-stopped`, `on-failure[:N]`.")
            .shownAs("compose.restartPolicy");

    public static final Setting<String> MEMORY_LIMIT = Setting.value("memoryLimit", ValueType.memorySize(),
            "none", "The app container's memory limit in compose (`mem_limit`), such as `512m` or `2g`; the JVM's heap "
                    + "is `maxRamPercentage` of it. None: no limit.")
            .shownAs("compose.memoryLimit");
    public static final Setting<String> CPU_LIMIT = Setting.value("cpuLimit", ValueType.matching(
                    Pattern.compile("0\\.(0[1-9]|[1-9][0-9]?)|[1-9][0-9]{0,2}(\\.[0-9]{1,2})?"),
                    "Allowed: a number of CPUs above 0 with at most two decimals, such as 0.5 or 2."),
            "none", "The CPUs the app container may use in compose (`cpus`), such as `0.5` or `2`. None: no limit.")
            .shownAs("compose.cpuLimit");

    @Override
    public String name() {
        return "compose";
    }

    @Override
    public List<String> requires() {
        return List.of("docker");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(NGINX_IMAGE, NGINX_VERSION, RESTART_POLICY, MEMORY_LIMIT, CPU_LIMIT);
    }

    @Override
    public Contribution contribute(KitContext kit) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("restartPolicy", kit.settings().getOr(RESTART_POLICY, "unless-stopped"));
        String nginxImage = kit.settings().getOr(NGINX_IMAGE, "nginx:1.28");
        vars.put("nginxImage", nginxImage);
        // one project per environment, so that a dev and a prod kit on one machine stay apart
        vars.put("projectName", kit.shared().app().name() + kit.shared().environment().map(name -> "-" + name).orElse(""));
        kit.settings().get(MEMORY_LIMIT).ifPresent(limit -> vars.put("memoryLimit", limit));
        kit.settings().get(CPU_LIMIT).ifPresent(limit -> vars.put("cpuLimit", limit));
        // the app's collected static files reach nginx through a shared volume
        Map<String, String> staticFiles = kit.runtime().imageStaticFiles()
                .map(inImage -> Map.of("image", inImage, "volume", STATIC_VOLUME)).orElse(null);
        if (staticFiles != null) {
            vars.put("staticFiles", staticFiles);
        }
        // nginx runs in its own container and reaches the app by its service name
        vars.put("site", NginxSite.variables(kit.shared(), 80, 443, List.of("app:" + kit.shared().app().port()),
                staticFiles == null ? null : Map.of("path", kit.shared().nginx().staticPath(), "directory", STATIC_VOLUME),
                nginxVersion(kit, nginxImage)));
        return Contribution.of(vars);
    }

    /** hosting.composeNginxVersion, else the version the image's tag names. */
    private static NginxVersion nginxVersion(KitContext kit, String image) {
        return kit.settings().get(NGINX_VERSION).map(NginxVersion::parse).or(() -> NginxVersion.ofImage(image))
                .orElseThrow(() -> new InvalidSettingException(NGINX_IMAGE.label(), image, "Allowed: an image whose tag "
                        + "names nginx's version (such as nginx:1.28 or nginx:1.28-alpine), or set "
                        + NGINX_VERSION.label() + " to the version the image runs."));
    }
}
