#!/usr/bin/env bash
# Benchmark of the python kit on loopback only, in one run: the Django fixture
# (examples/hello-django) behind Debian's gunicorn with the host kit's
# gunicorn.conf.py, and the real nginx with the host kit's site in front.
#   - a Django view ("/") through the generated site (nginx -> gunicorn's unix socket) vs gunicorn directly;
#   - Django admin's CSS (collected by manage.py collectstatic) from nginx, with and without gzip.
# gunicorn listens on the kit's unix socket (moved into the work folder: --bind on the command
# line, which gunicorn prefers to the file's) and, for the direct rows, on a loopback port too:
# one gunicorn, the same workers, two doors. Runs wrk against each (bounded: DURATION per run),
# prints a Markdown table with the machine, and stops everything it started.
#
# Usage: bench/gunicorn.sh   (from anywhere; needs JDK 17, nginx, wrk, Debian's gunicorn and
#        python3-django for /usr/bin/python3, and Maven Central for ./mvnw)
# Environment: DURATION (10s), WARMUP (3s), THREADS (2), CONNECTIONS (32), BASE_PORT (18190: uses 2 ports),
#              WORKERS (unset: the kit's 2 x cores + 1).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly repo
readonly DURATION=${DURATION:-10s}
readonly WARMUP=${WARMUP:-3s}
readonly THREADS=${THREADS:-2}
readonly CONNECTIONS=${CONNECTIONS:-32}
readonly APP_PORT=${BASE_PORT:-18190}
readonly SITE_PORT=$((APP_PORT + 1))
readonly PYTHON=/usr/bin/python3
readonly GUNICORN=/usr/bin/gunicorn

for tool in java nginx wrk curl "$PYTHON" "$GUNICORN"; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || {
    echo "bench: $tool is missing (apt-get install openjdk-17-jdk-headless nginx wrk curl gunicorn python3-django)" >&2
    exit 1
  }
done
"$PYTHON" -c 'import django' 2>/dev/null || { echo "bench: $PYTHON has no Django (apt-get install python3-django)" >&2; exit 1; }
NGINX=$(PATH=$PATH:/usr/sbin command -v nginx)
readonly NGINX

for port in "$APP_PORT" "$SITE_PORT"; do
  if listening "$port"; then
    echo "bench: port $port is in use; set BASE_PORT" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/hostkit-bench-gunicorn.XXXXXX)
chmod 755 "$work" # nginx's workers (not root) read the static files and connect to the socket under it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT


await() { # PROBE NAME LOG: wait up to 20 s until PROBE (a command) succeeds
  local tries
  for ((tries = 0; tries < 200; tries++)); do
    if eval "$1"; then return 0; fi
    sleep 0.1
  done
  log "bench: $2 does not answer:"
  cat "$3" >&2
  exit 1
}

# 1. The project: the Django fixture, pom-packaged, no Java sources.
mkdir -p "$work/project"
cp -r "$repo/examples/hello-django/." "$work/project/"

# 2. The kit, rendered by hostkit's generator from the compiled plugin.
log "rendering the host kit (./mvnw compile)"
(cd "$repo" && ./mvnw -B -q compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt" >&2)
cat >"$work/RenderPythonKit.java" <<'JAVA'
import dev.hostkit.core.KitGenerator;
import dev.hostkit.core.KitRequest;
import dev.hostkit.core.settings.HostingSettings;
import dev.hostkit.core.settings.ProjectFacts;

import java.nio.file.Path;
import java.util.List;

/** Arguments: PROJECT_DIR LISTEN_PORT STATIC_DIR [WORKERS] */
public final class RenderPythonKit {
    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        HostingSettings settings = new HostingSettings().setList("targets", List.of("host")).set("listenPort", args[1])
                .set("staticDirectory", args[2]).set("healthPath", "/health").set("workers", args.length > 3 ? args[3] : null);
        new KitGenerator().generate(new KitRequest(settings, List.of(), List.of(),
                new ProjectFacts("shop", "1.0.0", project, null, List.of(), null, "pom", false),
                project.resolve("src/main/hosting"), project.resolve("target/hosting"), true));
    }
}
JAVA
java -cp "$repo/target/classes:$(cat "$work/classpath.txt")" "$work/RenderPythonKit.java" \
  "$work/project" "$SITE_PORT" "$work/static" ${WORKERS:+"$WORKERS"}
kit=$work/project/target/hosting/host

# 3. collectstatic into the configured folder, with the unit's environment.
# Environment= holds NAME=VALUE words without spaces or quotes: split them into an array.
read -ra environment <<<"$(sed -n 's/^Environment=//p' "$kit/systemd/shop.service")"
(cd "$kit/app" && env "${environment[@]}" "$PYTHON" manage.py collectstatic --noinput >/dev/null)
gzip -9 -k "$work/static/admin/css/base.css" # as an asset pipeline would, for gzip_static

# 4. gunicorn with the kit's file (socket moved into the work folder, plus a port), then nginx.
socket=$work/gunicorn.sock
(cd "$kit/app" && exec env "${environment[@]}" "$GUNICORN" --config "$kit/gunicorn.conf.py" \
  --bind "unix:$socket" --bind "127.0.0.1:$APP_PORT" >"$work/gunicorn.log" 2>&1) &
pids+=($!)
await "listening $APP_PORT" gunicorn "$work/gunicorn.log"
mkdir -p "$work/nginx"
cp "$repo/src/test/resources/host/nginx.conf" "$work/nginx/nginx.conf"
sed "s|unix:/run/shop/gunicorn.sock|unix:$socket|" "$kit/nginx/shop.conf" >"$work/nginx/site.conf"
"$NGINX" -t -q -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e stderr
"$NGINX" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e stderr >"$work/nginx/nginx.log" 2>&1 &
pids+=($!)
await "listening $SITE_PORT" nginx "$work/nginx/nginx.log"
workers=$(grep -c 'Booting worker' "$work/gunicorn.log")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 5. wrk: warm up every target, then one bounded run each.
targets=(
  "Django view /|generated site (nginx -> unix socket)|http://127.0.0.1:$SITE_PORT/"
  "Django view /|gunicorn directly (TCP)|http://127.0.0.1:$APP_PORT/"
  "static admin/css/base.css (19 KB)|generated site (nginx)|http://127.0.0.1:$SITE_PORT/static/admin/css/base.css"
  "static admin/css/base.css, Accept-Encoding: gzip|generated site (nginx, gzip_static)|http://127.0.0.1:$SITE_PORT/static/admin/css/base.css"
)
for target in "${targets[@]}"; do
  url=${target##*|}
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" != 200 ]; then
    log "bench: $url does not answer 200"
    exit 1
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
done
if grep -q '/static/' "$work/gunicorn.log"; then
  log "bench: a static file reached gunicorn"
  exit 1
fi


# CPU time (user + system, in clock ticks) of every server process: gunicorn's and nginx's
# masters (with the time of the children they reaped: gunicorn replaces each worker after
# about 1000 requests, max_requests) and their live workers.
server_ticks() {
  local pid total=0 fields
  for pid in "${pids[@]}" $(pgrep -P "$(IFS=,; echo "${pids[*]}")" || true); do
    if [ -r "/proc/$pid/stat" ]; then
      read -ra fields <"/proc/$pid/stat"
      total=$((total + fields[13] + fields[14] + fields[15] + fields[16]))
    fi
  done
  echo "$total"
}

echo "| request | served by | requests/s | p50 ms | p99 ms | server CPU µs/request |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for target in "${targets[@]}"; do
  IFS='|' read -r what server url <<<"$target"
  measure "$what" "$url"
  echo "| $what | $server | $rps | $p50 | $p99 | $cpu |"
done
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a ${WARMUP} warm-up of each URL), all on 127.0.0.1;"
echo "gunicorn $("$GUNICORN" --version 2>&1 | awk '{ print $3 }' | tr -d '()') with $workers sync workers (the kit's gunicorn.conf.py: access log on), Django $("$PYTHON" -c 'import django; print(django.get_version())')."
echo "Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), \
$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r); \
$("$NGINX" -v 2>&1 | sed 's/^nginx version: //'); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2).
Load average (1, 5, 15 min) before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg).
wrk, nginx and gunicorn share these CPUs; server CPU is the user + system time of gunicorn and nginx
(masters and workers) during the run, divided by the requests wrk completed."
