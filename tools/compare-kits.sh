#!/usr/bin/env bash
# Renders a spread of kits with the plugin built from a base commit and with the plugin built
# from the work tree, then diffs them: what a change to hostkit changes in the kits users get.
#
#   tools/compare-kits.sh BASE_COMMIT      # e.g. tools/compare-kits.sh main~3
#
# Each side's plugin is installed into the local repository under a version of its own
# (0.1.0-compare-base, 0.1.0-compare-head), and every variant is rendered by `mvn package` on a
# copy of a bundled example or IT project, so the comparison does not depend on the core's Java
# API. Output: target/compare-kits/{base,head}/<variant>/ and target/compare-kits/kits.diff.
set -euo pipefail

base_commit=${1:?usage: $0 BASE_COMMIT}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/target/compare-kits
work=$(mktemp -d /tmp/hostkit-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
mvn=("$repo/mvnw" -B -q)

# variant name | project (relative to the repo) | extra -D flags
variants=(
  "java|examples/hello-java|"
  "java-3-instances|examples/hello-java|-Dhosting.instances=3"
  "java-tls-certificate|examples/hello-java|-Dhosting.tls.certificate=/etc/ssl/hello/fullchain.pem -Dhosting.tls.certificateKey=/etc/ssl/hello/privkey.pem"
  "java-acme-3-instances|examples/hello-java|-Dhosting.tls.acme=true -Dhosting.tls.acmeEmail=ops@example.com -Dhosting.instances=3"
  "django|examples/hello-django|"
  "django-tls-certificate|examples/hello-django|-Dhosting.tls.certificate=/etc/ssl/hello/fullchain.pem -Dhosting.tls.certificateKey=/etc/ssl/hello/privkey.pem"
  "django-acme|examples/hello-django|-Dhosting.tls.acme=true"
  "environments|src/it/env-three|"
  "user-templates|src/it/overrides-and-custom|"
)

# build SIDE SOURCE_DIR: installs the plugin of SOURCE_DIR as 0.1.0-compare-SIDE.
build() {
  local side=$1 src=$2
  sed -i "0,/<version>0.1.0-SNAPSHOT<\/version>/s//<version>0.1.0-compare-$side<\/version>/" "$src/pom.xml"
  echo "compare-kits: building the $side plugin"
  (cd "$src" && "${mvn[@]}" install -Dmaven.test.skip=true -Dinvoker.skip=true)
}

# render SIDE: every variant with that side's plugin into $out/SIDE/<variant>.
render() {
  local side=$1 entry name project flags copy
  for entry in "${variants[@]}"; do
    IFS='|' read -r name project flags <<<"$entry"
    copy=$work/projects/$side/$name
    mkdir -p "$copy"
    (cd "$repo/$project" && tar --exclude=./target -cf - .) | tar -xf - -C "$copy"
    sed -i 's/@project.version@/${hostkit.version}/' "$copy/pom.xml"
    # shellcheck disable=SC2086 # flags are separate words
    (cd "$copy" && "${mvn[@]}" package -Dhostkit.version="0.1.0-compare-$side" $flags)
    mkdir -p "$out/$side"
    cp -a "$copy/target/hosting" "$out/$side/$name"
  done
}

rm -rf "$out"
mkdir -p "$work/base-src" "$work/head-src"
git -C "$repo" archive "$base_commit" | tar -xf - -C "$work/base-src"
(cd "$repo" && tar --exclude=./target --exclude=./.git --exclude=./tools/node_modules -cf - .) | tar -xf - -C "$work/head-src"
build base "$work/base-src"
build head "$work/head-src"
render base
render head

if diff -ru "$out/base" "$out/head" >"$out/kits.diff"; then
  echo "compare-kits: the kits of all ${#variants[@]} variants are byte-identical"
else
  echo "compare-kits: files that differ (full diff: $out/kits.diff):"
  diff -rq "$out/base" "$out/head" | sed "s|$out/||g"
fi
