#!/usr/bin/env bash
# Installs the Python tools the tests run, from PyPI at the versions pinned below, each in a
# virtualenv of its own made with Debian's /usr/bin/python3:
#   gixy      nginx configuration analyzer (the maintained fork, gixy-ng)
#   checkov   Dockerfile and Kubernetes checks
#   yamllint  YAML style and syntax (.yamllint.yaml says which rules and why)
#   certbot   ACME client (the ACME tests, against Pebble)
# Each lands in $HOSTKIT_TOOLS_CACHE/python/<package>-<version> (default
# /var/cache/hostkit-tools) with its command linked from $HOSTKIT_TOOLS_CACHE/bin; a version
# that is there already is left as it is, so a second run needs no network.
#
#   tools/python-tools.sh             # every tool
#   tools/python-tools.sh yamllint
set -euo pipefail

cache=${HOSTKIT_TOOLS_CACHE:-/var/cache/hostkit-tools}

# command=package==version
declare -A pins=(
  [gixy]=gixy-ng==0.2.59
  [checkov]=checkov==3.3.30
  [yamllint]=yamllint==1.38.0
  [certbot]=certbot==5.8.0
)

mkdir -p "$cache/bin" "$cache/python"
tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(gixy checkov yamllint certbot)
for tool in "${tools[@]}"; do
  pin=${pins[$tool]:-}
  [ -n "$pin" ] || { echo "python-tools: no pin for $tool: add it to $0" >&2; exit 1; }
  venv=$cache/python/${pin/==/-}
  if [ ! -x "$venv/bin/$tool" ]; then
    echo "python-tools: installing $pin"
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$pin"
  fi
  ln -sfn "$venv/bin/$tool" "$cache/bin/$tool"
  echo "python-tools: $pin is in $venv"
done
