package dev.hostkit.nginx;

import dev.hostkit.testing.NginxConf.Directive;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rule every nginx file the plugin renders follows, read off the parsed file: what is wrong, one
 * message per finding. What gixy checks is left to gixy ({@code dev.hostkit.analyzers.AnalyzersTest}). The rules are grouped by concern:
 * {@link ServerRule}, {@link HeaderRule}, {@link ProxyRule}, {@link ContentRule}.
 */
interface NginxRule {
    String name();

    /** Adds a message to {@code problems} for each way the site breaks this rule. */
    void check(Directive site, SiteSpec spec, List<String> problems);

    default List<String> findings(Directive site, SiteSpec spec) {
        List<String> problems = new ArrayList<>();
        check(site, spec, problems);
        return problems;
    }

    /** Every rule. */
    static List<NginxRule> all() {
        return Stream.of(ServerRule.values(), HeaderRule.values(), ProxyRule.values(), ContentRule.values())
                .<NginxRule>flatMap(Stream::of).toList();
    }
}
