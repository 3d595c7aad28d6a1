#!/usr/bin/env bash
# Benchmark of the host kit's nginx site, on loopback only, in one run:
#   - a static file (10 KB css, 100 KB js) through the generated site vs the same file from the app;
#   - proxied requests ("/") through the generated site vs the seed's minimal config vs the app directly.
# It compiles the sample app (src/test/resources/host/sample-app), renders its host kit with
# hostkit's generator (bench/RenderKit.java), starts the app, nginx with the generated site and
# nginx with the seed's config (both with the same main config, src/test/resources/host/nginx.conf),
# runs wrk against each (bounded: DURATION per run), prints a Markdown table with the machine,
# and stops everything it started.
#
# Usage: bench/run.sh            (from anywhere; needs JDK 17, nginx, wrk, and Maven Central for ./mvnw)
# Environment: DURATION (10s), WARMUP (3s), THREADS (2), CONNECTIONS (32), BASE_PORT (18180: uses 3 ports).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly repo
readonly DURATION=${DURATION:-10s}
readonly WARMUP=${WARMUP:-3s}
readonly THREADS=${THREADS:-2}
readonly CONNECTIONS=${CONNECTIONS:-32}
readonly APP_PORT=${BASE_PORT:-18180}
readonly GENERATED_PORT=$((APP_PORT + 1))
readonly SEED_PORT=$((APP_PORT + 2))

for tool in java javac jar nginx wrk; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null || {
    echo "bench: $tool is missing (apt-get install openjdk-17-jdk-headless nginx wrk)" >&2
    exit 1
  }
done
NGINX=$(PATH=$PATH:/usr/sbin command -v nginx)
readonly NGINX

for port in "$APP_PORT" "$GENERATED_PORT" "$SEED_PORT"; do
  if listening "$port"; then
    echo "bench: port $port is in use; set BASE_PORT" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/hostkit-bench.XXXXXX)
chmod 755 "$work" # nginx's workers (not root) read the static files under it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT


await() { # PORT NAME LOG: wait up to 20 s for something to listen on PORT
  local tries
  for ((tries = 0; tries < 200; tries++)); do
    if listening "$1"; then return 0; fi
    sleep 0.1
  done
  log "bench: $2 does not listen on $1:"
  cat "$3" >&2
  exit 1
}

# 1. The sample app: an app jar and a dependency jar, as the tests build it.
log "compiling the sample app"
mapfile -t sources < <(find "$repo/src/test/resources/host/sample-app" -name '*.java')
javac --release 17 -d "$work/classes" "${sources[@]}"
mkdir -p "$work/app/lib"
jar --create --file "$work/app/shop-1.0.0.jar" --main-class hostkit.sample.Main -C "$work/classes" hostkit/sample/Main.class
jar --create --file "$work/app/lib/greeting.jar" -C "$work/classes" hostkit/sample/lib

# 2. Static files: a 10 KB stylesheet and a 100 KB script.
mkdir -p "$work/static"
for ((i = 0; i < 250; i++)); do printf '.rule-%04d { margin: 0 auto; color: #333; }\n' "$i"; done >"$work/static/app.css"
for ((i = 0; i < 2000; i++)); do printf 'function f%05d(a, b) { return a * b + %05d; }\n' "$i" "$i"; done >"$work/static/app.js"
truncate -s 10240 "$work/static/app.css"
truncate -s 102400 "$work/static/app.js"
# Precompressed copies, as an asset pipeline makes them: nginx sends them to gzip clients
# instead of compressing each response when the static location has "gzip_static on".
gzip -9 -k "$work/static/app.css" "$work/static/app.js"

# 3. The kit, rendered by hostkit's generator from the compiled plugin.
log "rendering the host kit (./mvnw compile)"
(cd "$repo" && ./mvnw -B -q compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt" >&2)
java -cp "$repo/target/classes:$(cat "$work/classpath.txt")" "$repo/bench/RenderKit.java" \
  "$work/kit" "$work/app/shop-1.0.0.jar" "$work/app/lib/greeting.jar" "$APP_PORT" "$GENERATED_PORT" "$work/static"

# 4. The app (it also serves /static/ from STATIC_DIR, for the comparison), and two nginx.
PORT=$APP_PORT STATIC_DIR=$work/static java -XX:+ExitOnOutOfMemoryError -cp "$work/app/shop-1.0.0.jar:$work/app/lib/*" \
  hostkit.sample.Main >"$work/app.log" 2>&1 &
pids+=($!)
start_nginx() { # NAME SITE_FILE PORT
  local prefix=$work/nginx-$1
  mkdir -p "$prefix"
  cp "$repo/src/test/resources/host/nginx.conf" "$prefix/nginx.conf"
  cp "$2" "$prefix/site.conf"
  "$NGINX" -t -q -p "$prefix/" -c "$prefix/nginx.conf" -e stderr
  "$NGINX" -p "$prefix/" -c "$prefix/nginx.conf" -e stderr >"$prefix/nginx.log" 2>&1 &
  pids+=($!)
  await "$3" "nginx ($1)" "$prefix/nginx.log"
}
cat >"$work/seed.conf" <<EOF
# The seed's minimal config: one location, no upstream keepalive, nothing else.
server {
    listen $SEED_PORT;
    location / { proxy_pass http://127.0.0.1:$APP_PORT; proxy_set_header Host \$host; proxy_set_header X-Real-IP \$remote_addr; }
}
EOF
await "$APP_PORT" app "$work/app.log"
start_nginx generated "$work/kit/host/nginx/shop.conf" "$GENERATED_PORT"
start_nginx seed "$work/seed.conf" "$SEED_PORT"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 5. wrk: warm up every target (the app's JIT), then one bounded run each.
targets=(
  "static 10 KB css|generated site (nginx)|http://127.0.0.1:$GENERATED_PORT/static/app.css"
  "static 10 KB css|app directly|http://127.0.0.1:$APP_PORT/static/app.css"
  "static 10 KB css, Accept-Encoding: gzip|generated site (nginx)|http://127.0.0.1:$GENERATED_PORT/static/app.css"
  "static 10 KB css, Accept-Encoding: gzip|app directly|http://127.0.0.1:$APP_PORT/static/app.css"
  "static 100 KB js|generated site (nginx)|http://127.0.0.1:$GENERATED_PORT/static/app.js"
  "static 100 KB js|app directly|http://127.0.0.1:$APP_PORT/static/app.js"
  "proxied /|generated site (nginx)|http://127.0.0.1:$GENERATED_PORT/"
  "proxied /|seed's minimal config (nginx)|http://127.0.0.1:$SEED_PORT/"
  "proxied /|app directly|http://127.0.0.1:$APP_PORT/"
)
for target in "${targets[@]}"; do
  url=${target##*|}
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" != 200 ]; then
    log "bench: $url does not answer 200"
    exit 1
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
done


# CPU time (user + system, in clock ticks) of every server process: the app, both nginx
# masters and their workers. wrk shares the CPUs, so requests/s is partly wrk's limit; the
# servers' CPU time per request is theirs alone.
server_ticks() {
  local pid total=0 fields
  for pid in "${pids[@]}" $(pgrep -P "$(IFS=,; echo "${pids[*]}")" || true); do
    if [ -r "/proc/$pid/stat" ]; then
      read -ra fields <"/proc/$pid/stat"
      total=$((total + fields[13] + fields[14]))
    fi
  done
  echo "$total"
}

rows=()
declare -A rps_of
declare -A cpu_of
for target in "${targets[@]}"; do
  IFS='|' read -r what server url <<<"$target"
  measure "$what" "$url"
  rps_of["$what|$server"]=$rps
  cpu_of["$what|$server"]=$cpu
  rows+=("$what|$server|$rps|$p50|$p99|$cpu")
done

ratio() { # A B: "A/B×"
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2g×", a / b }'
}
baseline() { # WHAT SERVER: the row a row is compared with, if any
  case "$1|$2" in
    static*"|generated site (nginx)") printf '%s' "$1|app directly" ;;
    "proxied /|generated site (nginx)") printf '%s' "$1|seed's minimal config (nginx)" ;;
    *) printf '' ;;
  esac
}

echo "| request | served by | requests/s | p50 ms | p99 ms | server CPU µs/request | compared with |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
for row in "${rows[@]}"; do
  IFS='|' read -r what server rps p50 p99 cpu <<<"$row"
  base=$(baseline "$what" "$server")
  versus=""
  if [ -n "$base" ]; then
    versus="${base#*|}: $(ratio "$rps" "${rps_of[$base]}") the requests/s at $(ratio "$cpu" "${cpu_of[$base]}") the CPU"
  fi
  echo "| $what | $server | $rps | $p50 | $p99 | $cpu | $versus |"
done
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a ${WARMUP} warm-up of each URL), all on 127.0.0.1."
echo "Machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), \
$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r); \
$("$NGINX" -v 2>&1 | sed 's/^nginx version: //'); $(java -version 2>&1 | head -n 1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2).
Load average (1, 5, 15 min) before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg).
wrk, nginx and the app share these CPUs; server CPU is the user + system time of the app and both nginx
(master and workers) during the run, divided by the requests wrk completed."
