package dev.hostkit.runtime.python;

import dev.hostkit.testing.KitRuleTest;

import java.util.List;

/**
 * The python kits' own rules ({@link PythonKitRule}) on the Python variants, each shown able to
 * fail on a deliberately broken kit. The rules every kit follows (nginx, compose, Dockerfile)
 * run on the Python variants in their own tests, which leave out the Java image's own rules
 * (the jar last, the bash health probe, JVM options, a context of jars).
 */
class PythonKitRulesTest extends KitRuleTest {
    PythonKitRulesTest() {
        super(List.of(PythonKitRule.values()), """
                BYTECODE_AND_BUFFERING   | python-defaults | docker/Dockerfile    | PYTHONDONTWRITEBYTECODE=1 => PYTHONDONTWRITEBYTECODE=0
                BYTECODE_AND_BUFFERING   | python-defaults | docker/Dockerfile    | PYTHONUNBUFFERED=1 \\ => \\
                REQUIREMENTS_FIRST       | python-defaults | docker/Dockerfile    | COPY app/requirements.txt /app/requirements.txt => COPY app/ /app/
                REQUIREMENTS_FIRST       | python-defaults | docker/Dockerfile    | RUN pip install --no-cache-dir -r => RUN echo
                COLLECTSTATIC            | python-defaults | docker/Dockerfile    | manage.py collectstatic --noinput => manage.py check
                COLLECTSTATIC            | python-defaults | docker/Dockerfile    | DJANGO_STATIC_ROOT=/app/staticfiles => DJANGO_STATIC_ROOT=/tmp/static
                HEALTHCHECK_WITHOUT_CURL | python-defaults | docker/Dockerfile    | CMD ["python", "-c", => CMD ["curl", "-fsS",
                HEALTHCHECK_WITHOUT_CURL | python-defaults | docker/Dockerfile    | 127.0.0.1:8000/ => 127.0.0.1:8080/
                GUNICORN_COMMAND         | python-defaults | docker/Dockerfile    | CMD ["gunicorn", "--config", "/app/gunicorn.conf.py"] => CMD gunicorn --config /app/gunicorn.conf.py
                STATIC_VOLUME            | python-defaults | compose/compose.yaml | static:/srv/static:ro => static:/srv/static
                STATIC_VOLUME            | python-defaults | compose/compose.yaml | - static:/app/staticfiles:ro => - static:/app/staticfiles
                STATIC_VOLUME            | python-defaults | compose/compose.yaml | - static:/app/staticfiles => - static:/app/static
                """, PythonKitRule.DOCKERFILE, PythonKitRule.COMPOSE);
    }
}
