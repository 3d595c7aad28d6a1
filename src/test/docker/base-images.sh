#!/usr/bin/env bash
# Loads local stand-ins for the base images that hostkit's generated Dockerfiles and compose
# files name into the daemon at $DOCKER_HOST (the private one of dockerd-start.sh). Docker Hub
# is not reachable from the test machines, so each stand-in is built from Debian packages:
#
#   eclipse-temurin:17-jre   Debian + openjdk-17-jre-headless, JAVA_HOME=/opt/java/openjdk
#   python:3.11-slim         Debian + python3 (3.11) as python, pip (PIP_BREAK_SYSTEM_PACKAGES=1), gunicorn, Django
#   nginx:1.28               Debian's nginx package laid out like the official image, its binary
#                            nginx 1.26.3 from tools/nginx-source.sh (bookworm's 1.22 lacks `http2 on;`)
#
# The first run builds them (debootstrap a minimal Debian root fs, `docker import` it, then
# `docker build --network host` each recipe in images/) and saves each with `docker save` to
# the cache, keyed by a hash of this script and images/**; later runs only `docker load` the
# ones they ask for.
#
#   base-images.sh [IMAGE...]            ensure these stand-ins (default: all) are loaded,
#                                        building the cache first if it is missing
#   base-images.sh --rebuild [IMAGE...]  rebuild the cache, then load
#   base-images.sh --key                 print the cache key
#   base-images.sh --list                print the stand-ins' tags
#
# Cache: $HOSTKIT_IMAGE_CACHE, else /var/cache/hostkit-images (root), else
# ${XDG_CACHE_HOME:-~/.cache}/hostkit/images. Mirror: $HOSTKIT_DEBIAN_MIRROR, else the first
# Debian mirror in apt's sources. Needs root (debootstrap) and the debootstrap package.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${DOCKER_HOST:?set DOCKER_HOST to the private daemon (eval \"\$(dockerd-start.sh)\")}"
export DOCKER_BUILDKIT=0   # the classic builder: Debian's dockerd has no buildx; same results

suite="${HOSTKIT_DEBIAN_SUITE:-bookworm}"
debian_tag="hostkit-stand-in/debian:$suite"
all_images=(eclipse-temurin:17-jre python:3.11-slim nginx:1.28)

log() { echo "base-images: $*" >&2; }

mirror() {
  if [ -n "${HOSTKIT_DEBIAN_MIRROR:-}" ]; then echo "$HOSTKIT_DEBIAN_MIRROR"; return; fi
  local found
  # deb822 (.sources: "URIs: ...") and one-line ("deb [opts] URI suite ...") formats.
  found="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' \
            | grep -E '/debian/?$' | head -n 1 || true)"
  if [ -z "$found" ]; then
    found="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
              | sed -E 's/\[[^]]*\]//' | awk '$1 == "deb" {print $2}' | grep -E '/debian/?$' | head -n 1 || true)"
  fi
  echo "${found:-http://deb.debian.org/debian}"
}

# The nginx binary tools/nginx-source.sh builds, which the nginx stand-in runs.
nginx_binary() {
  local binary="${HOSTKIT_TOOLS_CACHE:-/var/cache/hostkit-tools}/bin/nginx-current"
  [ -x "$binary" ] || { log "no $binary: run tools/nginx-source.sh"; exit 2; }
  echo "$binary"
}

key() {
  # What the images are made of: this script, the recipes, the nginx binary's version, the suite and the mirror.
  { cat "$here/base-images.sh"; "$(nginx_binary)" -v 2>&1; find "$here/images" -type f | LC_ALL=C sort | while read -r f; do
      echo "== ${f#"$here"/}"; cat "$f"; done; echo "$suite $(mirror)"; } | sha256sum | cut -c1-16
}

cache_dir() {
  if [ -n "${HOSTKIT_IMAGE_CACHE:-}" ]; then echo "$HOSTKIT_IMAGE_CACHE"
  elif [ "$(id -u)" -eq 0 ]; then echo /var/cache/hostkit-images
  else echo "${XDG_CACHE_HOME:-$HOME/.cache}/hostkit/images"; fi
}

loaded() { docker image inspect "$1" >/dev/null 2>&1; }

# The cache file of one image: nginx:1.28 -> <cache>/<key>/nginx-1.28.tar
tarball() { echo "$cache/$key/$(echo "$1" | tr '/:' '--').tar"; }

complete() {
  local image
  for image in "${all_images[@]}"; do [ -f "$(tarball "$image")" ] || return 1; done
}

build() {
  local mirror_url
  mirror_url="$(mirror)"
  command -v debootstrap >/dev/null || { log "debootstrap not found (apt-get install debootstrap)"; exit 2; }
  [ "$(id -u)" -eq 0 ] || { log "building the stand-ins needs root (debootstrap)"; exit 2; }
  work="$(mktemp -d /tmp/hostkit-rootfs.XXXXXX)"
  trap 'rm -rf "$work"' EXIT

  log "debootstrap $suite (minbase) from $mirror_url"
  mkdir -p "$cache/debs"
  if ! debootstrap --variant=minbase --cache-dir="$cache/debs" "$suite" "$work/rootfs" "$mirror_url" \
        > "$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    exit 1
  fi
  # Like Debian's -slim images: no package lists, downloaded .debs, docs, man pages or
  # translations (and dpkg leaves them out of every package installed later).
  rm -rf "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/cache/apt/"*.bin \
         "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/log/"*.log
  cat > "$work/rootfs/etc/dpkg/dpkg.cfg.d/slim" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
SLIM
  find "$work/rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$work/rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$work/rootfs/usr/share/man/"* "$work/rootfs/usr/share/info/"* "$work/rootfs/usr/share/groff/"*
  find "$work/rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  : > "$work/rootfs/etc/resolv.conf"
  echo "deb $mirror_url $suite main" > "$work/rootfs/etc/apt/sources.list"
  # Services never start inside an image build (the build uses the host's network).
  printf '#!/bin/sh\nexit 101\n' > "$work/rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$work/rootfs/usr/sbin/policy-rc.d"
  tar --numeric-owner -C "$work/rootfs" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' - "$debian_tag" >/dev/null

  local recipe image
  for image in "${all_images[@]}"; do
    recipe="$here/images/${image%%:*}"
    log "docker build $image from ${recipe#"$here"/}"
    if [ "${image%%:*}" = nginx ]; then
      # the build context: the recipe and the binary it installs
      cp -r "$recipe" "$work/nginx-context" && cp "$(nginx_binary)" "$work/nginx-context/nginx-binary"
      recipe="$work/nginx-context"
    fi
    if ! docker build --network host --build-arg "BASE=$debian_tag" -t "$image" "$recipe" > "$work/build.log" 2>&1; then
      tail -n 40 "$work/build.log" >&2
      exit 1
    fi
  done
}

main() {
  local rebuild=0 image
  case "${1:-}" in
    --key) key; return ;;
    --list) printf '%s\n' "${all_images[@]}"; return ;;
    --rebuild) rebuild=1; shift ;;
    -*) echo "usage: base-images.sh [--key|--list|--rebuild] [IMAGE...]" >&2; exit 2 ;;
  esac
  local wanted=("$@")
  [ "${#wanted[@]}" -gt 0 ] || wanted=("${all_images[@]}")
  for image in "${wanted[@]}"; do
    printf '%s\n' "${all_images[@]}" | grep -qxF "$image" \
      || { log "no stand-in for $image (there are: ${all_images[*]})"; exit 2; }
  done

  cache="$(cache_dir)"
  key="$(key)"
  mkdir -p "$cache"
  # One builder at a time per cache; the others wait for its tarballs.
  exec 9> "$cache/.lock"
  flock 9

  if [ "$rebuild" = 1 ] || ! complete; then
    local started=$SECONDS
    build
    mkdir -p "$cache/$key"
    for image in "${all_images[@]}"; do
      docker save -o "$(tarball "$image").partial" "$image"
      mv -f "$(tarball "$image").partial" "$(tarball "$image")"
    done
    # Tarballs of older recipes are of no use any more.
    find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name "$key" ! -name debs -exec rm -rf {} +
    log "built ${all_images[*]} in $((SECONDS - started)) s into $cache/$key"
  fi
  for image in "${wanted[@]}"; do
    if ! loaded "$image"; then
      docker load -q -i "$(tarball "$image")" >/dev/null
      loaded "$image" || { log "$image is not there after docker load $(tarball "$image")"; exit 1; }
    fi
  done
  log "loaded ${wanted[*]}"
}

main "$@"
