package dev.hostkit.target.docker;

import dev.hostkit.target.docker.Dockerfile.Instruction;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Java image's rules: the jar in a layer of its own after its dependencies, a health probe
 * that needs nothing but bash, the JVM's memory and options, and a build context of exactly the
 * jars. A Python image does these its own way ({@code PythonKitRule}).
 */
enum JavaDockerfileRule implements DockerfileCheck {
    /** Dependencies in their own earlier layer, the app's own code (its jar, or its framework's layer of it) last. */
    LAYERING {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            List<Instruction> copies = dockerfile.all("COPY");
            List<Instruction> lib = copies.stream().filter(c -> c.words().get(0).startsWith("lib")).toList();
            String app = kit.variant().appLayer();
            List<Instruction> jar = copies.stream().filter(c -> c.words().get(0).equals(app)).toList();
            if (jar.size() != 1 || copies.get(copies.size() - 1) != jar.get(0)) {
                problems.add("expected the app's code " + app + " copied once, by the last COPY: " + copies);
            }
            if (kit.variant().dependency()) {
                if (lib.size() != 1 || jar.isEmpty() || lib.get(0).index() > jar.get(0).index()) {
                    problems.add("expected one COPY of lib/ before the app jar: " + copies);
                }
            } else if (!lib.isEmpty()) {
                problems.add("the project has no dependencies, yet the Dockerfile copies " + lib);
            }
        }
    },
    /** One HEALTHCHECK in exec form whose every tool is in a Debian/Ubuntu JRE image. */
    HEALTHCHECK {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            for (Instruction healthcheck : dockerfile.only("HEALTHCHECK", problems)) {
                for (String option : List.of("--interval=", "--timeout=", "--start-period=", "--retries=")) {
                    if (healthcheck.flags().stream().noneMatch(flag -> flag.startsWith(option))) {
                        problems.add(healthcheck + " has no " + option + "...");
                    }
                }
                probe(kit, dockerfile, healthcheck, problems);
            }
        }

        /** The probe's script: bash -c, tools every Debian/Ubuntu JRE image has, the app's port and health path. */
        private void probe(SampleKit kit, Dockerfile dockerfile, Instruction healthcheck, List<String> problems) {
            Optional<List<String>> command = dockerfile.healthcheckCommand();
            if (command.isEmpty() || command.get().size() != 3
                    || !Set.of("bash", "/bin/bash").contains(command.get().get(0)) || !command.get().get(1).equals("-c")) {
                problems.add(healthcheck + " is not CMD [\"bash\", \"-c\", script] in exec form");
                return;
            }
            String script = command.get().get(2);
            for (String step : script.split("&&|\\|\\||\\||;")) {
                String program = step.strip().split("\\s+")[0];
                if (!PROBE_TOOLS.contains(program)) {
                    problems.add("the health probe runs " + program + ", which a Debian/Ubuntu JRE image does not promise"
                            + " (allowed: " + PROBE_TOOLS + ")");
                }
            }
            if (!script.contains("/dev/tcp/127.0.0.1/" + kit.variant().port() + " ")) {
                problems.add("the health probe does not connect to 127.0.0.1:" + kit.variant().port() + ": " + script);
            }
            // printf 'GET %s HTTP/1.0...' '/path': the path is printf's argument, in single quotes
            if (!script.contains("printf 'GET %s HTTP/") || !script.contains(" '" + kit.variant().healthPath() + "' >&3")) {
                problems.add("the health probe does not request " + kit.variant().healthPath() + ": " + script);
            }
        }
    },
    /** The heap is a share of the container's memory; JAVA_OPTS reach the JVM, after our flags. */
    JVM_OPTIONS {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            String script = dockerfile.entrypointScript().orElse("");
            String ram = "-XX:MaxRAMPercentage=" + kit.variant().maxRamPercentage();
            int ramAt = script.indexOf(ram + " ");
            int optsAt = script.indexOf("$JAVA_OPTS");
            if (ramAt < 0) {
                problems.add("the ENTRYPOINT does not set " + ram + ": " + script);
            }
            if (optsAt < 0 || optsAt < ramAt) {
                problems.add("the ENTRYPOINT does not pass $JAVA_OPTS after its own flags: " + script);
            }
            if (dockerfile.all("ENV").stream().noneMatch(e -> e.body().matches("(?s).*\\bJAVA_OPTS=.*"))) {
                problems.add("no ENV JAVA_OPTS declares the variable operators set");
            }
        }
    },
    /** Every COPY source is in the context and not ignored; nothing else is sent; junk is ignored. */
    BUILD_CONTEXT {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            Path context = kit.path("docker");
            DockerIgnore ignore = DockerIgnore.parse(kit.read(DockerIgnore.PATH));
            List<String> copied = new ArrayList<>();
            for (Instruction copy : dockerfile.all("COPY")) {
                Optional<String> from = copy.flags().stream().filter(flag -> flag.startsWith("--from=")).findFirst();
                if (from.isPresent()) {
                    if (!dockerfile.all("FROM").stream().anyMatch(stage -> stage.body().endsWith(" AS "
                            + from.get().substring("--from=".length())))) {
                        problems.add(copy + " copies from an image, not from a stage of this Dockerfile");
                    }
                    continue;
                }
                List<String> words = copy.words();
                for (String source : words.subList(0, words.size() - 1)) {
                    List<String> files = filesUnder(context, source);
                    if (files.isEmpty()) {
                        problems.add(copy + ": " + source + " is not in the docker/ build context");
                    }
                    files.stream().filter(ignore::excludes)
                            .forEach(file -> problems.add(copy + " needs " + file + ", which .dockerignore excludes"));
                    copied.addAll(files);
                }
            }
            filesUnder(context, ".").stream().filter(file -> !copied.contains(file) && !ignore.excludes(file))
                    .forEach(file -> problems.add(file + " is sent to the daemon though no COPY uses it"));
            if (!copied.containsAll(kit.variant().copiedFiles())) {
                problems.add("the image gets " + copied + ", expected " + kit.variant().copiedFiles());
            }
            for (String junk : List.of(".git/config", ".env", "target/classes/App.class", ".idea/workspace.xml",
                    "app.env", ".DS_Store", "lib/../.env")) {
                if (!ignore.excludes(junk)) {
                    problems.add(".dockerignore would send " + junk + " to the daemon");
                }
            }
        }
    };

    /** Programs the health probe may run: bash builtins, and coreutils/grep (Essential in Debian and Ubuntu). */
    static final Set<String> PROBE_TOOLS = Set.of("exec", "printf", "echo", "read", "test", "head", "grep", "cat", "timeout");

    @Override
    public boolean appliesTo(KitVariant variant) {
        return !variant.isPython();
    }

    /** Context-relative paths of the regular files at or under {@code source}. */
    private static List<String> filesUnder(Path context, String source) {
        Path start = context.resolve(source).normalize();
        if (!start.startsWith(context) || !Files.exists(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile).map(file -> context.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
