#!/usr/bin/env bash
# Proves that the plugin jar is reproducible: two builds of the same commit, from two fresh
# clones at paths of different lengths, built at least a second apart under a different time
# zone and umask, give byte-identical target/hosting-maven-plugin-*.jar (pom.xml's
# project.build.outputTimestamp). Then runs maven-artifact-plugin's check-buildplan on the first
# clone, which names the build's plugins known to be non-reproducible.
#
#   bench/reproducible-jar.sh [COMMIT]      (default HEAD; the commit must be committed)
#       exit 0 and "reproducible" when both jars have the same sha256; exit 1 and the entries
#       whose order, metadata (zipinfo -v) or content (cmp) differ when not; exit 2 when a build
#       or the setup fails.
#   bench/reproducible-jar.sh --compare JAR1 JAR2
#       only the comparison, for two jars at hand.
#
# Environment: HOSTKIT_ONLINE=1 drops -o from the builds (by default they run offline from a
# warm ~/.m2); HOSTKIT_SECOND_BUILD_ARGS adds Maven arguments to the second build only (the
# negative check: HOSTKIT_SECOND_BUILD_ARGS=-Dproject.build.outputTimestamp=2026-02-01T00:00:00Z
# must exit 1); ARTIFACT_PLUGIN_VERSION (default 3.7.0, the newest on Maven Central in 2026-12;
# fetched from Central once if ~/.m2 lacks it); HOSTKIT_BUILDPLAN_ARGS adds Maven arguments to
# check-buildplan (e.g. -Dcheck.plugin-issues=FILE); HOSTKIT_SKIP_BUILDPLAN=1 skips the check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
artifact_plugin="org.apache.maven.plugins:maven-artifact-plugin:${ARTIFACT_PLUGIN_VERSION:-3.7.0}"
max_lines=25 # per section of the mismatch report
temp_dirs=()
trap 'rm -rf "${temp_dirs[@]}"' EXIT

log() { printf '%s\n' "$*" >&2; }

# head with a count of what it left off
capped() {
  awk -v max="$max_lines" 'NR <= max { print } END { if (NR > max) printf "  ... and %d more\n", NR - max }'
}

# zipinfo -v as one line per entry and field: NAME<TAB>FIELD<TAB>VALUE, without the offsets
# (which move with any size change before them and say nothing of their own)
entry_fields() {
  TZ=UTC zipinfo -v "$1" | awk '
    /^Central directory entry #[0-9]+:$/ { name = ""; want_name = 1; extra = 0; next }
    want_name && /^  [^ ]/ { name = substr($0, 3); want_name = 0; next }
    name == "" { next }
    /offset of local header/ { skip_next = 1; next }
    skip_next { skip_next = 0; if ($0 ~ /^ +\([0-9A-F]+h\) bytes$/) next }
    /^ *$/ || /^-+$/ { next }
    {
      line = $0; sub(/^ +/, "", line)
      if (match(line, /: +/)) {
        field = substr(line, 1, RSTART - 1); value = substr(line, RSTART + RLENGTH)
        if (match(field, / \([0-9A-Fa-f]+ (octal|hex)\)$/)) {
          value = substr(field, RSTART + 1) " " value; field = substr(field, 1, RSTART - 1)
        }
      } else { field = "detail " ++extra; value = line }
      printf "%s\t%s\t%s\n", name, field, value
    }'
}

# compare_jars A B: 0 when byte-identical; else prints what differs and returns 1
compare_jars() {
  local a=$1 b=$2 sha_a sha_b tmp diffs
  sha_a=$(sha256sum "$a" | cut -d' ' -f1)
  sha_b=$(sha256sum "$b" | cut -d' ' -f1)
  echo "sha256 $sha_a  $a ($(stat -c %s "$a") bytes)"
  echo "sha256 $sha_b  $b ($(stat -c %s "$b") bytes)"
  if [ "$sha_a" = "$sha_b" ]; then
    echo "reproducible"
    return 0
  fi
  echo "NOT reproducible: the jars differ. What differs (first jar -> second jar):"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/hostkit-jar-diff.XXXXXX")
  temp_dirs+=("$tmp")

  TZ=UTC zipinfo -1 "$a" >"$tmp/names-a"
  TZ=UTC zipinfo -1 "$b" >"$tmp/names-b"
  sort "$tmp/names-a" >"$tmp/sorted-a"
  sort "$tmp/names-b" >"$tmp/sorted-b"
  diffs=$(comm -3 "$tmp/sorted-a" "$tmp/sorted-b" | sed -e 's/^\t/  only in second: /' -e '/^  only/!s/^/  only in first: /')
  if [ -n "$diffs" ]; then
    echo "- entries in one jar only:"
    printf '%s\n' "$diffs" | capped
  elif ! cmp -s "$tmp/names-a" "$tmp/names-b"; then
    echo "- the same entries in another order (first differing position):"
    diff "$tmp/names-a" "$tmp/names-b" | capped
  fi

  # archive-level records: zip comment, entry count, central directory size
  diffs=$(diff <(TZ=UTC zipinfo -v "$a" | sed -n '2,/^Central directory entry #1:$/p' | grep -Ev 'offset|file size|^ *\(') \
               <(TZ=UTC zipinfo -v "$b" | sed -n '2,/^Central directory entry #1:$/p' | grep -Ev 'offset|file size|^ *\(') || true)
  if [ -n "$diffs" ]; then
    echo "- archive header (end-of-central-directory record, zip comment):"
    printf '%s\n' "$diffs" | grep '^[<>]' | capped
  fi

  entry_fields "$a" >"$tmp/fields-a"
  entry_fields "$b" >"$tmp/fields-b"
  # entries in one jar only are listed above, so only the fields of common entries here
  awk -F'\t' '
    NR == FNR { a[$1 FS $2] = $3; in_a[$1] = 1; next }
    { in_b[$1] = 1; b[$1 FS $2] = $3 }
    END {
      for (k in a) { split(k, p, FS); if (!(p[1] in in_b)) continue
        if (!(k in b)) printf "%s\t%s\t%s -> (none)\n", p[1], p[2], a[k]
        else if (a[k] != b[k]) printf "%s\t%s\t%s -> %s\n", p[1], p[2], a[k], b[k] }
      for (k in b) { split(k, p, FS); if ((p[1] in in_a) && !(k in a)) printf "%s\t%s\t(none) -> %s\n", p[1], p[2], b[k] }
    }' "$tmp/fields-a" "$tmp/fields-b" | sort >"$tmp/meta"
  if [ -s "$tmp/meta" ]; then
    echo "- entry metadata (zipinfo -v), by field: entries affected, first example:"
    awk -F'\t' '!($2 in n) { ex[$2] = $1 ": " $3 } { n[$2]++ }
      END { for (f in n) printf "  %s: %d entr%s, e.g. %s\n", f, n[f], n[f] == 1 ? "y" : "ies", ex[f] }' "$tmp/meta" | sort
    echo "- entry metadata, by entry:"
    awk -F'\t' '{ printf "  %s: %s: %s\n", $1, $2, $3 }' "$tmp/meta" | capped
  fi

  mkdir "$tmp/a" "$tmp/b"
  unzip -q -o "$a" -d "$tmp/a"
  unzip -q -o "$b" -d "$tmp/b"
  : >"$tmp/content"
  while IFS= read -r name; do
    case "$name" in */) continue ;; esac
    [ -f "$tmp/b/$name" ] || continue
    if ! cmp -s "$tmp/a/$name" "$tmp/b/$name"; then
      printf '%s\n' "$name" >>"$tmp/content"
    fi
  done <"$tmp/names-a"
  if [ -s "$tmp/content" ]; then
    echo "- entry content (cmp on the extracted entries), entries: $(wc -l <"$tmp/content")"
    local shown=0 name
    while IFS= read -r name; do
      echo "  $name: differs from $(cmp "$tmp/a/$name" "$tmp/b/$name" 2>&1 | sed 's/.* differ: //' || true)"
      if [ "$shown" -lt 5 ] && grep -Iq . "$tmp/a/$name" && grep -Iq . "$tmp/b/$name"; then
        diff -u --label "first/$name" --label "second/$name" "$tmp/a/$name" "$tmp/b/$name" | sed 's/^/    /' | head -n 20 || true
        shown=$((shown + 1))
      fi
    done < <(capped <"$tmp/content" | grep -v '^  \.\.\. and')
    [ "$(wc -l <"$tmp/content")" -le "$max_lines" ] || echo "  ... and $(($(wc -l <"$tmp/content") - max_lines)) more"
  else
    echo "- entry content: every entry in both jars has the same bytes"
  fi
  return 1
}

if [ "${1:-}" = "--compare" ]; then
  [ "$#" -eq 3 ] || { log "usage: reproducible-jar.sh --compare JAR1 JAR2"; exit 2; }
  compare_jars "$2" "$3"
  exit $?
fi
[ "$#" -le 1 ] || { log "usage: reproducible-jar.sh [COMMIT] | --compare JAR1 JAR2"; exit 2; }
for tool in git zipinfo unzip sha256sum cmp; do
  command -v "$tool" >/dev/null || { log "reproducible-jar: $tool is needed"; exit 2; }
done
commit=$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")
offline=(-o)
[ "${HOSTKIT_ONLINE:-0}" = 1 ] && offline=()
read -r -a second_args <<<"${HOSTKIT_SECOND_BUILD_ARGS:-}"
read -r -a buildplan_args <<<"${HOSTKIT_BUILDPLAN_ARGS:-}"

# two clones whose paths differ in length, so that a build path written into the jar shows
first_dir=$(mktemp -d "${TMPDIR:-/tmp}/hk-r1.XXXXXX")
temp_dirs+=("$first_dir")
second_dir=$(mktemp -d "${TMPDIR:-/tmp}/hostkit-reproducible-jar-second-build.XXXXXXXXXXXX")
temp_dirs+=("$second_dir")

# build N DIR TZ UMASK [MAVEN ARGS...]: clones the commit into DIR/src and packages it there
build() {
  local n=$1 dir=$2 tz=$3 mask=$4 start status
  shift 4
  log "build $n: $dir/src, TZ=$tz, umask $mask${*:+, extra arguments: $*}"
  start=$EPOCHREALTIME
  status=0
  (
    umask "$mask"
    export TZ="$tz"
    git clone -q "$root" "$dir/src"
    cd "$dir/src"
    git -c advice.detachedHead=false checkout -q "$commit"
    ./mvnw -B -q "${offline[@]}" package -DskipTests -Dinvoker.skip=true "$@"
  ) >"$dir/build.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    log "build $n FAILED (exit $status); the end of its log:"
    tail -n 40 "$dir/build.log" >&2
    [ "${#offline[@]}" -eq 0 ] || log "(offline build: HOSTKIT_ONLINE=1 lets Maven download what ~/.m2 lacks)"
    exit 2
  fi
  awk -v s="$start" -v e="$EPOCHREALTIME" -v n="$n" 'BEGIN { printf "build %s took %.1f s\n", n, e - s }'
}

# the plugin jar of a build: target/hosting-maven-plugin-*.jar without sources/javadoc/tests
plugin_jar() {
  local jar found=()
  for jar in "$1"/src/target/hosting-maven-plugin-*.jar; do
    case "$jar" in *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;; esac
    [ -f "$jar" ] && found+=("$jar")
  done
  [ "${#found[@]}" -eq 1 ] || { log "reproducible-jar: expected one plugin jar in $1/src/target, found ${#found[@]}"; exit 2; }
  printf '%s\n' "${found[0]}"
}

echo "commit $commit ($(git -C "$root" log -1 --format=%s "$commit"))"
echo "JDK: $(java -version 2>&1 | head -n 1); $(nproc) CPUs"
build 1 "$first_dir" UTC 0022
sleep 1
build 2 "$second_dir" Asia/Seoul 0002 "${second_args[@]}"
first_jar=$(plugin_jar "$first_dir")
second_jar=$(plugin_jar "$second_dir")

# the field's own check: plugins of the build plan with known reproducibility issues
if [ "${HOSTKIT_SKIP_BUILDPLAN:-0}" != 1 ]; then
  buildplan_log="$first_dir/check-buildplan.log"
  buildplan_status=0
  (cd "$first_dir/src" && ./mvnw -B "${offline[@]}" "$artifact_plugin:check-buildplan" "${buildplan_args[@]}") >"$buildplan_log" 2>&1 || buildplan_status=$?
  if [ "$buildplan_status" -ne 0 ] && [ "${#offline[@]}" -ne 0 ] \
    && grep -q 'offline mode\|has not been downloaded\|Cannot access .* in offline' "$buildplan_log"; then
    log "check-buildplan: $artifact_plugin is not in ~/.m2; running it once with Maven Central"
    buildplan_status=0
    (cd "$first_dir/src" && ./mvnw -B "$artifact_plugin:check-buildplan" "${buildplan_args[@]}") >"$buildplan_log" 2>&1 || buildplan_status=$?
  fi
  # the goal's own lines; it reports a flagged plugin as [ERROR] yet may still succeed
  sed -n '/--- artifact:.*:check-buildplan/,/^\[INFO\] -\{20,\}$/p' "$buildplan_log" | sed '1d;$d' >"$first_dir/check-buildplan.lines"
  echo "check-buildplan ($artifact_plugin, tasks: deploy, exit $buildplan_status):"
  if [ -s "$first_dir/check-buildplan.lines" ]; then
    sed 's/^/  /' "$first_dir/check-buildplan.lines" | capped
  else
    grep -E '^\[(ERROR|WARNING)\]' "$buildplan_log" | sed 's/^/  /' | capped || true
  fi
  if [ "$buildplan_status" -ne 0 ]; then
    echo "check-buildplan: FAILED (see its lines above)"
  elif grep -q '^\[\(ERROR\|WARNING\)\]' "$first_dir/check-buildplan.lines"; then
    echo "check-buildplan: FLAGGED (the [ERROR]/[WARNING] lines above)"
  else
    echo "check-buildplan: no plugin flagged"
  fi
fi

status=0
compare_jars "$first_jar" "$second_jar" || status=$?
exit "$status"
