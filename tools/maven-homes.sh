#!/usr/bin/env bash
# Installs the Maven homes the version legs of the integration tests run under (README, "Tests"):
# the oldest supported Maven (pom.xml's maven.version) and the Maven 4 release candidate
# (maven4.version), each fetched from Maven Central by Maven itself (maven-dependency-plugin,
# as pinned in pom.xml), checked against the SHA-512 below and unpacked to
# $HOSTKIT_MAVEN_CACHE/<version> (default /var/cache/hostkit-maven/<version>). A version that
# is there already is left as it is, so a second run needs no network. Debian's Maven (package
# maven) and the JDKs are not installed here: .ci/run installs them.
#
#   tools/maven-homes.sh          # then ./mvnw -B verify runs every leg
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${HOSTKIT_MAVEN_CACHE:-/var/cache/hostkit-maven}

# SHA-512 of apache-maven-<version>-bin.tar.gz. A version pom.xml names must be listed here.
declare -A sha512=(
  [3.6.3]=c35a1803a6e70a126e80b2b3ae33eed961f83ed74d18fcd16909b2d44d7dada3203f1ffe726c17ef8dcca2dcaa9fca676987befeadc9b9f759967a8cb77181c0
  [4.0.0-rc-7]=17b886c0ffb7ec225e514afa8179b3143d855d196cfbb4607ece6272a9b4f51501a389438ab6841b393a4b1391a1b714f07f450daba1951f53f732b400338184
)

# pom_property NAME: the value of <NAME> in pom.xml's <properties>.
pom_property() {
  local value
  value=$(sed -n "s|^ *<$1>\([^<]*\)</$1>.*|\1|p" pom.xml | head -n 1)
  [ -n "$value" ] || { echo "maven-homes: pom.xml has no <$1>" >&2; exit 1; }
  echo "$value"
}

versions=("$(pom_property maven.version)" "$(pom_property maven4.version)")

mkdir -p "$cache"
for version in "${versions[@]}"; do
  home=$cache/$version
  if [ -x "$home/bin/mvn" ]; then
    echo "maven-homes: Maven $version is in $home"
    continue
  fi
  expected=${sha512[$version]:-}
  [ -n "$expected" ] || { echo "maven-homes: no SHA-512 for Maven $version: add it to $0" >&2; exit 1; }
  work=$(mktemp -d "$cache/.download-$version.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "maven-homes: fetching Maven $version"
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" \
      -DoutputDirectory="$work" -Dmdep.overWriteReleases=true
  archive=$work/apache-maven-$version-bin.tar.gz
  actual=$(sha512sum "$archive" | cut -d ' ' -f 1)
  if [ "$actual" != "$expected" ]; then
    echo "maven-homes: $archive has SHA-512 $actual, expected $expected" >&2
    exit 1
  fi
  mkdir "$work/home"
  tar -xzf "$archive" -C "$work/home" --strip-components=1
  # Whole or not at all: the legs take a home with bin/mvn as installed.
  mv "$work/home" "$home"
  rm -rf "$work"
  trap - EXIT
  echo "maven-homes: Maven $version installed in $home"
done
