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
 * each is audited inside a wrapper main config of its own, {@code events {} http { include SITE; }},
 * written to a temp folder (relative includes in the site would resolve against the wrapper's
 * folder, as nginx resolves them against its conf folder). All sites go to one gixy run.
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
        List<Path> wrappers = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hostkit-gixy-");
            List<String> command = new ArrayList<>(List.of(gixy, "--format", "json"));
            Map<Path, String> siteByFile = new HashMap<>();
            for (int i = 0; i < sites.size(); i++) {
                Path site = root.resolve(sites.get(i)).toAbsolutePath().normalize();
                Path wrapper = Files.writeString(dir.resolve(i + ".conf"), "events {}\nhttp {\n    include " + site + ";\n}\n");
                wrappers.add(wrapper);
                command.add(wrapper.toString());
                siteByFile.put(site, sites.get(i));
            }
            return findings(Commands.run(command, dir), siteByFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(wrappers, dir);
        }
    }

    private static List<AnalyzerFinding> findings(Commands.Result result, Map<Path, String> siteByFile) {
        // gixy exits 1 on findings; it logs a site it cannot read or parse to stderr and goes on
        if (result.exitCode() > 1 || !result.stderr().isBlank()) {
            throw new AssertionError("gixy did not audit every site: " + result.describe());
        }
        List<AnalyzerFinding> findings = new ArrayList<>();
        for (JsonNode issue : AnalyzerJson.read(result.stdout(), result)) {
            Path file = Path.of(issue.path("file").asText());
            findings.add(new AnalyzerFinding(TOOL, issue.path("plugin").asText(), siteByFile.getOrDefault(file, file.toString()),
                    "line " + issue.path("line").asText() + ": " + issue.path("summary").asText() + ": "
                            + issue.path("reason").asText("") + " (" + issue.path("reference").asText() + ")"));
        }
        return findings;
    }

    /** The wrappers and their folder (nothing else is in it). */
    private static void delete(List<Path> wrappers, Path dir) {
        try {
            for (Path wrapper : wrappers) {
                Files.deleteIfExists(wrapper);
            }
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
