package dev.hostkit.core.plan;

import dev.hostkit.core.model.SharedModel;
import dev.hostkit.core.target.host.HostTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings that are probably wrong in an environment named like production ({@code prod},
 * {@code production}, {@code live}, also as a part such as {@code prod-eu}): they make the
 * build warn, not fail.
 */
public final class ProductionWarnings {
    private static final Pattern PRODUCTION = Pattern.compile("(^|.*-)(prod|production|live)(-.*|$)");
    private static final Pattern ON = Pattern.compile("(?i)true|1|yes|on");

    private ProductionWarnings() {}

    public static boolean looksLikeProduction(String environment) {
        return PRODUCTION.matcher(environment.toLowerCase(Locale.ROOT)).matches();
    }

    /** What looks wrong in this kit, one sentence each; none unless the environment's name looks like production. */
    public static List<String> of(Optional<String> environment, ResolvedKit kit) {
        List<String> warnings = new ArrayList<>();
        if (environment.isEmpty() || !looksLikeProduction(environment.get())) {
            return warnings;
        }
        SharedModel shared = kit.context().shared();
        Optional<String> serverName = shared.nginx().serverName();
        if (serverName.isEmpty()) {
            warnings.add("no serverName: nginx answers any Host header");
        } else if (serverName.get().equals("localhost") || serverName.get().endsWith(".localhost")) {
            warnings.add("serverName is " + serverName.get() + ", which no client elsewhere can reach");
        }
        if (shared.tls().isEmpty()) {
            warnings.add("HTTPS is off: set tlsAcme, or tlsCertificate and tlsCertificateKey");
        }
        if (kit.context().targets().contains("host") && kit.context().settings().getOr(HostTarget.INSTANCES, 1) == 1
                && kit.context().runtime().singleInstanceReason().isEmpty()) {
            warnings.add("one instance on the machine: every restart is an outage (set instances to 2 or more)");
        }
        shared.env().variables().forEach((name, value) -> {
            if ((name.equals("DEBUG") || name.endsWith("_DEBUG")) && ON.matcher(value.trim()).matches()) {
                warnings.add("env " + name + "=" + value + ": debug mode shows internals to every visitor");
            }
        });
        return warnings;
    }
}
