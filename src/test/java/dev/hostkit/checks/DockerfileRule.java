package dev.hostkit.checks;

import dev.hostkit.checks.Dockerfile.Instruction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Dockerfile and .dockerignore rules of CHECKLISTS.md (items 1-5 and 7-9), hadolint's
 * checks among them, on a generated docker/ folder.
 */
enum DockerfileRule implements KitRule {
    /** 1 (DL3006, DL3007): one base image with an explicit tag, the configured or derived one. */
    BASE_IMAGE {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            Optional<Instruction> from = only(dockerfile, "FROM", problems);
            if (from.isEmpty()) {
                return;
            }
            String image = from.get().body().split("\\s+")[0];
            Matcher reference = Pattern.compile("(?<repo>[^:@]+(:[0-9]+/[^:@]+)?)(:(?<tag>[^@]+))?(@sha256:[a-f0-9]{64})?").matcher(image);
            if (!reference.matches() || reference.group("tag") == null || reference.group("tag").equals("latest")) {
                problems.add(from.get() + " has no explicit tag other than latest");
            }
            if (!image.equals(kit.variant().baseImage())) {
                problems.add(from.get() + ": expected " + kit.variant().baseImage());
            }
            if (image.contains("alpine") || image.contains("distroless")) {
                problems.add(from.get() + " is not Debian/Ubuntu based: the health probe needs bash, head and grep");
            }
        }
    },
    /** 2 (DL3002): a non-root numeric user, 5 digits at most and >= 10000, before the command. */
    NON_ROOT_USER {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            Optional<Instruction> only = only(dockerfile, "USER", problems);
            if (only.isEmpty()) {
                return;
            }
            Instruction user = only.get();
            Matcher ids = Pattern.compile("([0-9]+)(:([0-9]+))?").matcher(user.body());
            if (!ids.matches()) {
                problems.add(user + " is not numeric UID[:GID], so runAsNonRoot checks cannot verify it");
                return;
            }
            for (String id : new String[] {ids.group(1), ids.group(3)}) {
                if (id != null && (id.length() > 5 || Integer.parseInt(id) < 10000)) {
                    problems.add(user + ": id " + id + " should be from 10000 to 99999 (outside host ranges, at most 5 digits)");
                }
            }
            Stream.concat(dockerfile.all("ENTRYPOINT").stream(), dockerfile.all("CMD").stream())
                    .filter(command -> command.index() < user.index())
                    .forEach(command -> problems.add(command + " comes before " + user));
            dockerfile.all("RUN").stream().filter(run -> run.arguments().contains("useradd"))
                    .filter(run -> !run.arguments().matches(".*--uid " + ids.group(1) + "\\b.*"))
                    .forEach(run -> problems.add(run + " creates a user whose uid is not " + ids.group(1)));
        }
    },
    /** 3 (DL3025, DL4003, DL4004, DL3000, DL3020): exec form, one of each, absolute WORKDIR, COPY not ADD. */
    EXEC_FORM_WORKDIR_COPY {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            for (String keyword : List.of("ENTRYPOINT", "CMD")) {
                List<Instruction> found = dockerfile.all(keyword);
                if (found.size() > 1) {
                    problems.add("more than one " + keyword + " (only the last counts): " + found);
                }
                found.stream().filter(i -> Instruction.execForm(i.body()).isEmpty())
                        .forEach(i -> problems.add(i + " is not in exec (JSON) form: signals would not reach java"));
            }
            if (dockerfile.all("ENTRYPOINT").isEmpty() && dockerfile.all("CMD").isEmpty()) {
                problems.add("no ENTRYPOINT or CMD");
            }
            dockerfile.all("WORKDIR").stream().filter(w -> !w.body().startsWith("/"))
                    .forEach(w -> problems.add(w + " is not absolute"));
            if (dockerfile.all("WORKDIR").isEmpty()) {
                problems.add("no WORKDIR");
            }
            dockerfile.all("ADD").forEach(add -> problems.add(add + ": use COPY (ADD also fetches URLs and unpacks archives)"));
        }
    },
    /** 4: dependencies in their own earlier layer, the app's jar last. */
    LAYERING {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            List<Instruction> copies = dockerfile.all("COPY");
            List<Instruction> lib = copies.stream().filter(c -> c.words().get(0).startsWith("lib")).toList();
            List<Instruction> jar = copies.stream().filter(c -> c.words().get(0).equals(KitVariant.APP_JAR)).toList();
            if (jar.size() != 1 || copies.get(copies.size() - 1) != jar.get(0)) {
                problems.add("expected the app jar " + KitVariant.APP_JAR + " copied once, by the last COPY: " + copies);
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
    /** 5: EXPOSE and PORT agree with the configured port. */
    PORT {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            String port = String.valueOf(kit.variant().port());
            List<String> exposed = dockerfile.all("EXPOSE").stream().flatMap(e -> e.words().stream()).toList();
            if (!exposed.equals(List.of(port))) {
                problems.add("EXPOSE " + exposed + ", expected " + port);
            }
            dockerfile.all("ENV").stream().flatMap(e -> e.words().stream()).filter(w -> w.startsWith("PORT="))
                    .filter(w -> !w.equals("PORT=" + port)).forEach(w -> problems.add("ENV " + w + ", expected PORT=" + port));
        }
    },
    /** 7: one HEALTHCHECK in exec form whose every tool is in a Debian/Ubuntu JRE image. */
    HEALTHCHECK {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            Optional<Instruction> only = only(dockerfile, "HEALTHCHECK", problems);
            if (only.isEmpty()) {
                return;
            }
            Instruction healthcheck = only.get();
            for (String option : List.of("--interval=", "--timeout=", "--start-period=", "--retries=")) {
                if (healthcheck.flags().stream().noneMatch(flag -> flag.startsWith(option))) {
                    problems.add(healthcheck + " has no " + option + "...");
                }
            }
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
    /** 5: the heap is a share of the container's memory; JAVA_OPTS reach the JVM, after our flags. */
    JVM_OPTIONS {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            String script = entrypointScript(dockerfile).orElse("");
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
    /** 8 (DL3008, DL3009, DL3015): apt installs stay small and leave no lists behind. */
    APT_HYGIENE {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            for (Instruction run : dockerfile.all("RUN")) {
                String command = run.body();
                if (command.matches("(?s).*\\bapt(-get)?\\s[^&;|]*\\b(dist-)?upgrade\\b.*")) {
                    problems.add(run + " upgrades packages: pin a newer base image instead");
                }
                if (command.matches("(?s).*\\bapt(-get)?\\s[^&;|]*\\binstall\\b.*") && !(command.contains(" -y") && command.contains("--no-install-recommends")
                        && command.contains("rm -rf /var/lib/apt/lists"))) {
                    problems.add(run + " installs without -y --no-install-recommends and removing /var/lib/apt/lists in the same layer");
                }
            }
        }
    },
    /** 8: no secrets baked into the image: no secret-like ARG/ENV, nothing from the env configuration. */
    NO_SECRETS {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            Stream.concat(dockerfile.all("ARG").stream(), dockerfile.all("ENV").stream())
                    .filter(i -> i.body().matches("(?is).*(password|passwd|secret|token|api_?key|credential).*"))
                    .forEach(i -> problems.add(i + " looks like a secret baked into the image"));
            String text = kit.read(Kit.DOCKERFILE);
            for (Map.Entry<String, String> env : kit.variant().env().entrySet()) {
                if (text.contains(env.getKey()) || (env.getValue().strip().length() >= 4 && text.contains(env.getValue()))) {
                    problems.add("the configured env " + env.getKey() + " appears in the Dockerfile: it belongs in app.env only");
                }
            }
        }
    },
    /** 9: every COPY source is in the context and not ignored; nothing else is sent; junk is ignored. */
    BUILD_CONTEXT {
        @Override
        void check(Kit kit, Dockerfile dockerfile, List<String> problems) {
            Path context = kit.path("docker");
            DockerIgnore ignore = DockerIgnore.parse(kit.read(Kit.DOCKERIGNORE));
            List<String> copied = new ArrayList<>();
            for (Instruction copy : dockerfile.all("COPY")) {
                if (copy.flags().stream().anyMatch(flag -> flag.startsWith("--from"))) {
                    problems.add(copy + " copies from another stage or image");
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

    abstract void check(Kit kit, Dockerfile dockerfile, List<String> problems);

    @Override
    public List<String> check(Kit kit) {
        List<String> problems = new ArrayList<>();
        check(kit, Dockerfile.parse(kit.read(Kit.DOCKERFILE)), problems);
        return problems;
    }

    /** The one instruction with this keyword, or empty after a message when there is not exactly one. */
    private static Optional<Instruction> only(Dockerfile dockerfile, String keyword, List<String> problems) {
        List<Instruction> found = dockerfile.all(keyword);
        if (found.size() != 1) {
            problems.add("expected exactly one " + keyword + ", found " + found);
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /** The "sh -c" script of an exec-form ENTRYPOINT ["/bin/sh", "-c", script, name]. */
    static Optional<String> entrypointScript(Dockerfile dockerfile) {
        return dockerfile.all("ENTRYPOINT").stream().findFirst()
                .flatMap(entrypoint -> Instruction.execForm(entrypoint.body()))
                .filter(argv -> argv.size() >= 3 && argv.get(1).equals("-c"))
                .map(argv -> argv.get(2));
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
