#!/usr/bin/env bash
# Measures that generate does no work when its inputs did not change: for each bundled example
# (examples/hello-java, examples/hello-django) it times the first generation (no target/hosting),
# then reruns with nothing changed, then one run with one input changed, and checks on disk that
# a rerun writes no file at all.
#
#   bench/generate-rerun.sh [COMMIT]      (default HEAD; the commit must be committed)
#
# It clones this repository into a temporary folder, checks out COMMIT, installs the plugin from
# the clone into ~/.m2 (./mvnw -B -q -o install -DskipTests -Dinvoker.skip=true -Dlegs=none) and
# runs `./mvnw -B -o -f examples/<name>/pom.xml package` in the clone, after one unmeasured run
# with -Dhosting.skip=true (so that compiling and the jar are done before the first measured run):
#   first    FIRST_RUNS runs (default 3), each after removing target/hosting and the kit's zip;
#   rerun    RUNS runs (default 7) with nothing changed;
#   changed  one run with HOSTKIT_CHANGE_ARGS (default -Dhosting.clientMaxBodySize=20m: the two
#            nginx configs change, nothing else). The examples' POMs set serverName, so
#            -Dhosting.serverName would be ignored (the plugin warns) and change nothing.
# Per run: the goal's time and its written/unchanged counts from its summary line ("hosting: kit
# is up to date, ... (N ms)" or "hosting: wrote W of T files (...) in N ms"), Maven's wall time
# (date +%s%N around ./mvnw), and the files on disk written during the run: newer than a marker
# touched before it (find -newer), or with another inode, mtime or ctime than before it.
# It prints one line per run and then a table of medians (markdown) with the ratio rerun/first.
#
# Exit 1 when a rerun with nothing changed writes any file (the message names them), when the
# files written on disk are not those the goal's log counts, or when the changed run writes
# nothing; exit 2 when the setup or a build fails.
#
# Environment: RUNS, FIRST_RUNS, HOSTKIT_CHANGE_ARGS (above); HOSTKIT_RERUN_EXTRA_ARGS adds Maven
# arguments to the reruns only, with {run} replaced by the rerun's number (the negative check:
# HOSTKIT_RERUN_EXTRA_ARGS='-Dhosting.clientMaxBodySize={run}m' must exit 1);
# HOSTKIT_EXAMPLES (default "hello-java hello-django"); HOSTKIT_KEEP=1 keeps the clone and logs.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

[ "$#" -le 1 ] || { log "usage: generate-rerun.sh [COMMIT]"; exit 2; }
runs=${RUNS:-7}
first_runs=${FIRST_RUNS:-3}
for n in "$runs" "$first_runs"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { log "generate-rerun: RUNS and FIRST_RUNS must be positive numbers"; exit 2; }
done
read -r -a change_args <<<"${HOSTKIT_CHANGE_ARGS:--Dhosting.clientMaxBodySize=20m}"
read -r -a rerun_extra <<<"${HOSTKIT_RERUN_EXTRA_ARGS:-}"
read -r -a examples <<<"${HOSTKIT_EXAMPLES:-hello-java hello-django}"
commit=$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")

work=$(mktemp -d "${TMPDIR:-/tmp}/hostkit-generate-rerun.XXXXXX")
cleanup() {
  if [ "${HOSTKIT_KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
clone="$work/src"
mkdir "$work/logs"
results="$work/results.tsv" # example kind n goal_ms written unchanged removed disk_written wall_ms zip
: >"$results"
failures="$work/failures"
: >"$failures"

echo "commit $commit ($(git -C "$root" log -1 --format=%s "$commit"))"
echo "machine: $(sed -n 's/^PRETTY_NAME="\(.*\)"$/\1/p' /etc/os-release), $(nproc) CPUs, $(java -version 2>&1 | head -n 1)"
echo "uptime before: $(uptime)"

git clone -q "$root" "$clone"
git -C "$clone" -c advice.detachedHead=false checkout -q "$commit"
log "installing the plugin from $clone"
if ! (cd "$clone" && ./mvnw -B -q -o install -DskipTests -Dinvoker.skip=true -Dlegs=none) >"$work/logs/install.log" 2>&1; then
  log "generate-rerun: installing the plugin FAILED; the end of its log:"
  tail -n 40 "$work/logs/install.log" >&2
  exit 2
fi
built=""
for jar in "$clone"/target/hosting-maven-plugin-*.jar; do
  case "$jar" in *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;; esac
  [ -z "$built" ] || { log "generate-rerun: more than one plugin jar in $clone/target"; exit 2; }
  built=$jar
done
[ -f "$built" ] || { log "generate-rerun: no plugin jar in $clone/target"; exit 2; }
version=${built##*/hosting-maven-plugin-}
version=${version%.jar}
installed="$HOME/.m2/repository/dev/hostkit/hosting-maven-plugin/$version/hosting-maven-plugin-$version.jar"
cmp -s "$installed" "$built" || { log "generate-rerun: $installed is not the jar just built"; exit 2; }
plugin_sha=$(sha256sum "$installed" | cut -d' ' -f1)
echo "plugin: dev.hostkit:hosting-maven-plugin:$version, sha256 ${plugin_sha:0:12} (installed from the clone)"

# another build on the machine may install its own snapshot over ours: then the runs are not of COMMIT
check_plugin() {
  [ "$(sha256sum "$installed" | cut -d' ' -f1)" = "$plugin_sha" ] && return 0
  log "generate-rerun: $installed was replaced during the bench (another build installed the plugin);"
  log "  the runs since then did not use the plugin of $commit. Run again."
  exit 2
}

# the kit's files as path, inode, mtime and ctime: a file rewritten in place or replaced shows
snapshot() {
  if [ -d "$1" ]; then find "$1" -type f -printf '%P %i %T@ %C@\n' | sort; fi
}

median() { # of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run EXAMPLE KIND N [MAVEN ARGS...]: one measured run; appends its line to $results
run() {
  local example=$1 kind=$2 n=$3 dir out marker start wall summary goal written unchanged removed total disk expected zip
  shift 3
  dir="$clone/examples/$example"
  out="$work/logs/$example-$kind-$n.log"
  marker="$work/marker"
  snapshot "$dir/target/hosting" >"$work/before"
  touch "$marker"
  sleep 0.05 # a file written in the marker's clock tick would not be newer than it
  start=$(date +%s%N)
  if ! (cd "$clone" && ./mvnw -B -o -f "examples/$example/pom.xml" package "$@") >"$out" 2>&1; then
    log "generate-rerun: $example $kind $n: the build FAILED; the end of its log:"
    tail -n 40 "$out" >&2
    exit 2
  fi
  wall=$((($(date +%s%N) - start) / 1000000))
  summary=$(grep -E '^\[INFO\] hosting: (kit is up to date|wrote [0-9]+ of)' "$out" || true)
  if [[ "$summary" =~ kit\ is\ up\ to\ date,\ ([0-9]+)\ files\ unchanged,\ nothing\ written\ \(([0-9]+)\ ms\) ]]; then
    written=0 unchanged=${BASH_REMATCH[1]} removed=0 goal=${BASH_REMATCH[2]}
  elif [[ "$summary" =~ wrote\ ([0-9]+)\ of\ ([0-9]+)\ files\ \(([0-9]+)\ unchanged,\ ([0-9]+)\ removed\)\ in\ ([0-9]+)\ ms ]]; then
    written=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]} unchanged=${BASH_REMATCH[3]} removed=${BASH_REMATCH[4]} goal=${BASH_REMATCH[5]}
    [ $((written + unchanged)) -eq "$total" ] || log "generate-rerun: odd summary (written + unchanged != total): $summary"
  else
    log "generate-rerun: $example $kind $n: no summary line of the generate goal in $out"
    grep 'hosting' "$out" >&2 || true
    exit 2
  fi
  # written on disk: newer than the marker, or another inode/mtime/ctime than before the run
  { find "$dir/target/hosting" -newer "$marker" -type f -printf '%P\n'
    snapshot "$dir/target/hosting" | comm -13 "$work/before" - | cut -d' ' -f1
  } | sort -u >"$work/disk"
  disk=$(wc -l <"$work/disk")
  zip=unchanged # each kit's zip: "attached X.zip (classifier C)" when written, "(classifier C, unchanged)" when not
  if grep '^\[INFO\] hosting: attached ' "$out" | grep -vq ', unchanged)$'; then zip=written; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$example" "$kind" "$n" "$goal" "$written" "$unchanged" \
    "$removed" "$disk" "$wall" "$zip" >>"$results"
  log "$example $kind $n: goal $goal ms, $written written, $unchanged unchanged, $removed removed;" \
    "on disk $disk written; zip $zip; Maven $wall ms${*:+ (arguments: $*)}"

  # the plugin's warnings, once each (e.g. a -Dhosting.* property that the POM's <configuration> shadows)
  touch "$work/warned"
  while IFS= read -r line; do
    grep -qxF "$line" "$work/warned" && continue
    printf '%s\n' "$line" >>"$work/warned"
    log "$example $kind $n: $line"
  done < <(grep '^\[WARNING\] hosting: ' "$out" || true)
  # the log's count against the disk (the manifest is hostkit's own file, not counted in the log)
  expected=$written
  grep -qx '.hostkit-manifest' "$work/disk" && expected=$((expected + 1))
  if [ "$kind" = rerun ] && { [ "$disk" -ne 0 ] || [ "$written" -ne 0 ] || [ "$zip" != unchanged ]; }; then
    {
      echo "$example rerun $n (nothing changed${*:+ but the arguments $*}): the goal logged $written written," \
        "and $disk files on disk were written (find -newer, inode/mtime/ctime):"
      sed 's/^/  /' "$work/disk"
      [ "$zip" = unchanged ] || echo "  and the kit's zip was rewritten"
      grep -E '^\[INFO\] hosting:   [^ ]+: [1-9][0-9]* written' "$out" | sed 's/^\[INFO\] hosting:   /  log: /' || true
    } >>"$failures"
  elif [ "$kind" != rerun ] && [ "$disk" -ne "$expected" ]; then
    {
      echo "$example $kind $n: the goal logged $written written, but on disk $disk files were written:"
      sed 's/^/  /' "$work/disk"
    } >>"$failures"
  fi
  if [ "$kind" = changed ]; then
    if [ "$written" -eq 0 ]; then
      echo "$example changed: the run with $* wrote nothing: the change did not reach the kit" >>"$failures"
    fi
    echo "$example changed ($*): per target, and the files written on disk:"
    grep -E '^\[(INFO|WARNING)\] hosting: ' "$out" | grep -v 'attached' | sed -E 's/^\[(INFO|WARNING)\] hosting: /  /'
    sed 's/^/    written: /' "$work/disk"
  fi
}

for example in "${examples[@]}"; do
  [ -f "$clone/examples/$example/pom.xml" ] || { log "generate-rerun: no examples/$example in $commit"; exit 2; }
  check_plugin
  dir="$clone/examples/$example"
  log "$example: warm-up (-Dhosting.skip=true, not measured)"
  (cd "$clone" && ./mvnw -B -q -o -f "examples/$example/pom.xml" package -Dhosting.skip=true) >"$work/logs/$example-warmup.log" 2>&1 \
    || { log "generate-rerun: $example warm-up FAILED"; tail -n 40 "$work/logs/$example-warmup.log" >&2; exit 2; }
  for ((i = 1; i <= first_runs; i++)); do
    rm -rf "$dir/target/hosting" "$dir"/target/*-hosting*.zip
    run "$example" first "$i"
  done
  for ((i = 1; i <= runs; i++)); do
    args=("${rerun_extra[@]/"{run}"/$i}")
    run "$example" rerun "$i" "${args[@]}"
  done
  run "$example" changed 1 "${change_args[@]}"
done
check_plugin
echo "uptime after: $(uptime)"

# range of a column over the runs of one kind: "7" or "0–2"
range() {
  awk -F'\t' -v e="$1" -v k="$2" -v c="$3" '$1 == e && $2 == k { if (n++ == 0 || $c < lo) lo = $c; if ($c > hi) hi = $c }
    END { if (lo == hi) print lo; else print lo "–" hi }' "$results"
}
column() { awk -F'\t' -v e="$1" -v k="$2" -v c="$3" '$1 == e && $2 == k { print $c }' "$results"; }

echo
echo "| example | run kind | runs | goal time median ms | files written | files unchanged | written on disk (find -newer, inode) | Maven wall median s | goal share of wall |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for example in "${examples[@]}"; do
  for kind in first rerun changed; do
    goal=$(column "$example" "$kind" 4 | median)
    wall=$(column "$example" "$kind" 9 | median)
    awk -v e="$example" -v k="$kind" -v n="$(column "$example" "$kind" 4 | wc -l)" -v g="$goal" -v w="$wall" \
      -v wr="$(range "$example" "$kind" 5)" -v un="$(range "$example" "$kind" 6)" -v d="$(range "$example" "$kind" 8)" \
      'BEGIN { printf "| %s | %s | %d | %s | %s | %s | %s | %.2f | %.0f%% |\n", e, k, n, g, wr, un, d, w / 1000, 100 * g / w }'
  done
done
echo
for example in "${examples[@]}"; do
  awk -v e="$example" -v f="$(column "$example" first 4 | median)" -v r="$(column "$example" rerun 4 | median)" \
    -v fw="$(column "$example" first 9 | median)" -v rw="$(column "$example" rerun 9 | median)" \
    'BEGIN { printf "%s: goal time rerun/first %.2f (%s ms / %s ms); Maven wall rerun/first %.2f\n", e, r / f, r, f, rw / fw }'
done
echo "goal times per run (ms):"
for example in "${examples[@]}"; do
  for kind in first rerun changed; do
    echo "  $example $kind: $(column "$example" "$kind" 4 | paste -sd' ')"
  done
done

if [ -s "$failures" ]; then
  echo
  echo "FAILED:"
  cat "$failures"
  exit 1
fi
echo
echo "ok: no rerun with nothing changed wrote a file; the changed runs wrote only what the log counts"
