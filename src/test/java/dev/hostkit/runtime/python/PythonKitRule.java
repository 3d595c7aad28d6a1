package dev.hostkit.runtime.python;

import dev.hostkit.testing.KitRule;
import dev.hostkit.testing.KitVariant;
import dev.hostkit.testing.SampleKit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a python kit's Dockerfile and compose.yaml must do besides the rules every kit follows:
 * no .pyc and unbuffered logs, dependencies in a layer before the sources,
 * collectstatic at build time into the folder compose shares, a health probe that needs no curl,
 * gunicorn as PID 1, and the static volume read-only in both containers (docker fills it from the image).
 */
enum PythonKitRule implements KitRule {
    BYTECODE_AND_BUFFERING {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            String env = String.join(" ", dockerfile.stream().filter(line -> line.startsWith("ENV ")).toList());
            for (String setting : List.of("PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1")) {
                if (!List.of(env.split("\\s+")).contains(setting)) {
                    problems.add("no ENV " + setting + ": " + env);
                }
            }
        }
    },
    REQUIREMENTS_FIRST {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            int requirements = dockerfile.indexOf("COPY app/requirements.txt /app/requirements.txt");
            int pip = indexOf(dockerfile, "RUN pip install --no-cache-dir -r /app/requirements.txt");
            int sources = dockerfile.indexOf("COPY app/ /app/");
            if (requirements < 0 || pip < requirements || sources < pip) {
                problems.add("expected COPY requirements.txt, RUN pip install, then COPY app/: " + dockerfile);
            }
        }
    },
    COLLECTSTATIC {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            int collect = indexOf(dockerfile, "RUN (\\S+=\\S+ )*python manage.py collectstatic --noinput");
            int sources = dockerfile.indexOf("COPY app/ /app/");
            int user = indexOf(dockerfile, "USER .*");
            if (collect < 0 || collect < sources || (user >= 0 && collect > user)) {
                problems.add("expected RUN ... collectstatic after COPY app/ and before USER: " + dockerfile);
            }
            if (dockerfile.stream().noneMatch(line -> line.startsWith("ENV ") && line.contains("DJANGO_STATIC_ROOT=/app/staticfiles"))
                    || !compose.contains("- static:/app/staticfiles:ro\n")) {
                problems.add("collectstatic must write /app/staticfiles, the folder the compose volume shares");
            }
        }
    },
    HEALTHCHECK_WITHOUT_CURL {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            String probe = "CMD [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:"
                    + kit.variant().port() + kit.variant().healthPath() + "', timeout=2)\"]";
            List<String> healthchecks = dockerfile.stream().filter(line -> line.startsWith("HEALTHCHECK ")).toList();
            if (healthchecks.size() != 1 || !healthchecks.get(0).endsWith(" " + probe)) {
                problems.add("expected one HEALTHCHECK ... " + probe + ": " + healthchecks);
            }
            if (healthchecks.stream().anyMatch(line -> line.matches(".*\\b(curl|wget)\\b.*"))) {
                problems.add("the slim Python image has no curl or wget: " + healthchecks);
            }
        }
    },
    GUNICORN_COMMAND {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            List<String> commands = dockerfile.stream().filter(line -> line.matches("(CMD|ENTRYPOINT) .*")).toList();
            if (!commands.equals(List.of("CMD [\"gunicorn\", \"--config\", \"/app/gunicorn.conf.py\"]"))) {
                problems.add("expected gunicorn as PID 1 in exec form with the kit's config: " + commands);
            }
        }
    },
    STATIC_VOLUME {
        @Override
        void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems) {
            for (String line : List.of("      - static:/app/staticfiles:ro\n", "      - static:/srv/static:ro\n", "volumes:\n  static: {}\n")) {
                if (!compose.contains(line)) {
                    problems.add("compose.yaml has no '" + line.strip() + "'");
                }
            }
        }
    };

    static final String DOCKERFILE = "docker/Dockerfile";
    static final String COMPOSE = "compose/compose.yaml";

    abstract void check(SampleKit kit, List<String> dockerfile, String compose, List<String> problems);

    @Override
    public List<String> check(SampleKit kit) {
        List<String> problems = new ArrayList<>();
        check(kit, instructions(kit.read(DOCKERFILE)), kit.read(COMPOSE), problems);
        return problems;
    }

    @Override
    public boolean appliesTo(KitVariant variant) {
        return variant.isPython();
    }

    /** The Dockerfile's instructions, one per entry, continuation lines joined, comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        for (String line : dockerfile.replaceAll("\\\\\\n\\s*", " ").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                instructions.add(line.strip().replaceAll("\\s+", " "));
            }
        }
        return instructions;
    }

    private static int indexOf(List<String> instructions, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i < instructions.size(); i++) {
            if (pattern.matcher(instructions.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
