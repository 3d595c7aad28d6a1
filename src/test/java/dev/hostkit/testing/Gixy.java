package dev.hostkit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * gixy (the gixy-ng fork from PyPI, {@code tools/python-tools.sh}) over nginx sites. A site is
 * a fragment nginx includes at http level (Debian's sites-enabled/, the image's conf.d/), so
 * each is audited inside a wrapper nginx.conf of its own, {@code events {} http { include SITE; }},
 * written to a temp folder: relative includes in the site would resolve against the wrapper.
 * All sites go to one gixy run.
 */
public final class Gixy {
    public static final String TOOL = "gixy";

    private Gixy() {}

    /**
     * @param root  the folder the sites' paths are relative to; the findings name files the same way
     * @param sites the sites to audit, such as "compose/nginx/default.conf"
     * @return every finding, file relative to ROOT, in the order gixy reports them
     */
    public static List<AnalyzerFinding> check(Path root, List<String> sites) {
        if (sites.isEmpty()) {
            return List.of();
        }
        String gixy = Tools.fromPyPi(TOOL);
        try {
            Path wrappers = Files.createTempDirectory("hostkit-gixy-");
            List<String> command = new ArrayList<>(List.of(gixy, "--format", "json"));
            Map<Path, String> siteByFile = new HashMap<>();
            for (int i = 0; i < sites.size(); i++) {
                Path site = root.resolve(sites.get(i)).toAbsolutePath().normalize();
                Path wrapper = Files.createDirectories(wrappers.resolve(String.valueOf(i))).resolve("nginx.conf");
                Files.writeString(wrapper, "events {}\nhttp {\n    include " + site + ";\n}\n");
                command.add(wrapper.toString());
                siteByFile.put(site, sites.get(i));
            }
            Commands.Result result = Commands.run(command, wrappers);
            // gixy exits 1 on findings; it logs a site it cannot read or parse to stderr and goes on
            if (result.exitCode() > 1 || !result.stderr().isBlank()) {
                throw new AssertionError("gixy did not audit every site: " + result.describe());
            }
            List<AnalyzerFinding> findings = new ArrayList<>();
            for (JsonNode issue : AnalyzerJson.read(result.stdout(), result)) {
                Path file = Path.of(issue.path("file").asText());
                String site = siteByFile.getOrDefault(file, file.toString());
                findings.add(new AnalyzerFinding(TOOL, issue.path("plugin").asText(), site, "line " + issue.path("line").asText()
                        + ": " + issue.path("summary").asText() + ": " + issue.path("reason").asText("")
                        + " (" + issue.path("reference").asText() + ")"));
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
