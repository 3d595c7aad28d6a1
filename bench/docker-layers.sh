#!/usr/bin/env bash
# What does a change to the app's code cost an image? hostkit's Dockerfile copies the runtime
# dependencies (lib/) in a layer of their own before the app jar; the usual alternative copies
# one fat jar (app + dependencies) in a single layer. This builds both, before and after a
# code-only change, and reports for each: the image size, what the app adds above the base
# image, how many layers the rebuild made anew and their bytes (what a registry push and every
# deploy's pull carry), and the rebuild's time.
#
#   bench/docker-layers.sh
#       renders the sample kits and measures them on a private dockerd: runs the container test
#       DockerLayersDockerTest (root, docker.io and debootstrap needed, see DOCKER.md), which
#       calls this script as below, then prints target/bench/docker-layers.txt.
#   DOCKER_HOST=unix://... bench/docker-layers.sh BEFORE AFTER
#       BEFORE, AFTER: the docker/ folders of a kit before and after a code-only change. The
#       fat-jar variant is derived from them: the same Dockerfile without the lib/ layer, the
#       app jar replaced by a fat jar of the app and its lib/ jars.
#
# The last lines are machine-readable, one per variant:
#   RESULT variant=layered image_bytes=N app_bytes=N rebuilt_layers=N rebuilt_bytes=N rebuild_ms=N
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$#" -eq 0 ]; then
  cd "$root"
  ./mvnw -B -q test -Dtest=DockerLayersDockerTest -Dsurefire.failIfNoSpecifiedTests=false
  cat target/bench/docker-layers.txt
  exit 0
fi
[ "$#" -eq 2 ] || { echo "usage: docker-layers.sh [BEFORE_DOCKER_DIR AFTER_DOCKER_DIR]" >&2; exit 2; }
: "${DOCKER_HOST:?set DOCKER_HOST to a daemon that has the base image of the Dockerfile}"
export DOCKER_BUILDKIT=0   # the classic builder: one image id per step, which the measure reads
before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
command -v "$jar_tool" >/dev/null || { echo "docker-layers: the JDK's jar tool is needed" >&2; exit 2; }

work="$(mktemp -d /tmp/hostkit-bench.XXXXXX)"
tag="hostkit-bench-$$"
cleanup() {
  docker image rm -f "$tag-layered:before" "$tag-layered:after" "$tag-fat:before" "$tag-fat:after" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

app_jar() { sed -n 's|^COPY \([^ ]*\) /app/app.jar$|\1|p' "$1/Dockerfile"; }

# The single-layer variant of a kit's docker/ folder: one fat jar instead of app jar + lib/.
make_fat() {
  local src="$1" dst="$2" jar classes
  jar="$(app_jar "$src")"
  [ -n "$jar" ] || { echo "docker-layers: no 'COPY <jar> /app/app.jar' in $src/Dockerfile" >&2; exit 1; }
  classes="$dst.classes"
  mkdir -p "$dst" "$classes"
  for lib in "$src"/lib/*.jar; do
    [ -e "$lib" ] && (cd "$classes" && "$jar_tool" xf "$lib")
  done
  (cd "$classes" && "$jar_tool" xf "$src/$jar")   # last: its manifest (Main-Class) wins
  rm -f "$classes"/META-INF/*.SF "$classes"/META-INF/*.RSA "$classes"/META-INF/*.DSA "$classes"/META-INF/*.EC
  "$jar_tool" --create --file "$dst/$jar" --manifest "$classes/META-INF/MANIFEST.MF" -C "$classes" .
  sed -e '/^# Runtime dependencies first/d' -e '\|^COPY lib/ /app/lib/$|d' "$src/Dockerfile" > "$dst/Dockerfile"
  printf '*\n!%s\n' "$jar" > "$dst/.dockerignore"
}

now_ms() { date +%s%3N; }
layers() { docker image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' "$1" | sed '/^$/d'; }
# Steps of the classic builder each have an image id; a base image's steps show <missing>.
steps() { docker history --no-trunc --human=false --format '{{.ID}} {{.Size}}' "$1"; }

measure() {
  local variant="$1" ctx_before="$2" ctx_after="$3" start rebuild_ms image_bytes base base_bytes rebuilt_layers rebuilt_bytes
  docker build -q -t "$tag-$variant:before" "$ctx_before" >/dev/null
  start="$(now_ms)"
  docker build -t "$tag-$variant:after" "$ctx_after" > "$work/$variant-after.log"
  rebuild_ms=$(( $(now_ms) - start ))
  image_bytes="$(docker image inspect --format '{{.Size}}' "$tag-$variant:after")"
  base="$(sed -n 's/^FROM \([^ ]*\).*/\1/p' "$ctx_after/Dockerfile" | head -n 1)"
  base_bytes="$(docker image inspect --format '{{.Size}}' "$base")"
  rebuilt_layers="$(comm -13 <(layers "$tag-$variant:before" | sort) <(layers "$tag-$variant:after" | sort) | wc -l)"
  rebuilt_bytes="$(awk 'NR == FNR { if ($1 != "<missing>") seen[$1] = 1; next }
                        $1 != "<missing>" && !($1 in seen) { sum += $2 } END { print sum + 0 }' \
                    <(steps "$tag-$variant:before") <(steps "$tag-$variant:after"))"
  printf '%-8s %14s %14s %8s %14s %10s\n' "$variant" "$image_bytes" "$((image_bytes - base_bytes))" \
    "$rebuilt_layers" "$rebuilt_bytes" "$rebuild_ms" >> "$work/table"
  echo "RESULT variant=$variant image_bytes=$image_bytes app_bytes=$((image_bytes - base_bytes)) rebuilt_layers=$rebuilt_layers rebuilt_bytes=$rebuilt_bytes rebuild_ms=$rebuild_ms" >> "$work/results"
}

make_fat "$before" "$work/fat-before"
make_fat "$after" "$work/fat-after"
measure layered "$before" "$after"
measure fat "$work/fat-before" "$work/fat-after"

echo "A code-only change, rebuilt (bytes; app = image minus its base image; rebuilt = new layers):"
printf '%-8s %14s %14s %8s %14s %10s\n' variant image app layers rebuilt rebuild_ms
cat "$work/table"
echo "app jar: $(stat -c %s "$after/$(app_jar "$after")") bytes; lib/: $(cat "$after"/lib/*.jar 2>/dev/null | wc -c) bytes in $(ls "$after"/lib/*.jar 2>/dev/null | wc -l) jars"
cat "$work/results"
