package dev.hostkit.target.docker;

import dev.hostkit.target.docker.Dockerfile.Instruction;
import dev.hostkit.testing.SampleKit;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every generated Dockerfile follows, whatever the runtime, beyond checkov's
 * ({@code dev.hostkit.analyzers.AnalyzersTest}); {@link JavaDockerfileRule} adds the Java image's own.
 */
enum DockerfileRule implements DockerfileCheck {
    /**
     * One base image, the configured or derived one, Debian/Ubuntu based (checkov checks its tag:
     * CKV_DOCKER_7), also for a build stage before the image's own, the last one, which has no name.
     */
    BASE_IMAGE {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            List<Instruction> stages = dockerfile.all("FROM");
            if (stages.isEmpty() || stages.get(stages.size() - 1).words().size() != 1) {
                problems.add("expected the image's own stage last, unnamed: " + stages);
            }
            for (Instruction from : stages) {
                String image = from.body().split("\\s+")[0];
                if (!image.equals(kit.variant().baseImage())) {
                    problems.add(from + ": expected " + kit.variant().baseImage());
                }
                if (image.contains("alpine") || image.contains("distroless")) {
                    problems.add(from + " is not Debian/Ubuntu based: the health probe needs bash, head and grep");
                }
            }
        }
    },
    /** One numeric user, 5 digits at most and >= 10000, before the command (checkov checks it is not root: CKV_DOCKER_3, CKV_DOCKER_8). */
    NON_ROOT_USER {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            for (Instruction user : dockerfile.only("USER", problems)) {
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
        }
    },
    /** Exec form, one of each, a WORKDIR (checkov checks it is absolute and COPY is used, not ADD: CKV_DOCKER_10, CKV_DOCKER_4). */
    EXEC_FORM_WORKDIR {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
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
            if (dockerfile.all("WORKDIR").isEmpty()) {
                problems.add("no WORKDIR");
            }
        }
    },
    /** EXPOSE and PORT agree with the configured port. */
    PORT {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            String port = String.valueOf(kit.variant().port());
            List<String> exposed = dockerfile.all("EXPOSE").stream().flatMap(e -> e.words().stream()).toList();
            if (!exposed.equals(List.of(port))) {
                problems.add("EXPOSE " + exposed + ", expected " + port);
            }
            dockerfile.all("ENV").stream().flatMap(e -> e.words().stream()).filter(w -> w.startsWith("PORT="))
                    .filter(w -> !w.equals("PORT=" + port)).forEach(w -> problems.add("ENV " + w + ", expected PORT=" + port));
        }
    },
    /** Apt installs stay small and leave no lists behind (hadolint DL3008, DL3009, DL3015). */
    APT_HYGIENE {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
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
    /** No secrets baked into the image: no secret-like ARG/ENV, nothing from the env configuration. */
    NO_SECRETS {
        @Override
        public void check(SampleKit kit, Dockerfile dockerfile, List<String> problems) {
            Stream.concat(dockerfile.all("ARG").stream(), dockerfile.all("ENV").stream())
                    .filter(i -> i.body().matches("(?is).*(password|passwd|secret|token|api_?key|credential).*"))
                    .forEach(i -> problems.add(i + " looks like a secret baked into the image"));
            String text = kit.read(Dockerfile.PATH);
            for (Map.Entry<String, String> env : kit.variant().env().entrySet()) {
                if (text.contains(env.getKey()) || (env.getValue().strip().length() >= 4 && text.contains(env.getValue()))) {
                    problems.add("the configured env " + env.getKey() + " appears in the Dockerfile: it belongs in app.env only");
                }
            }
        }
    }
}
