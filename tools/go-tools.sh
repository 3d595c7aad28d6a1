#!/usr/bin/env bash
# Builds the Go tools the tests run, at the versions pinned below, from the Go module proxy:
#   pebble          Let's Encrypt's test ACME server (the ACME tests)
#   kubeconform     Kubernetes manifest validation against JSON schemas
#   kube-score      Kubernetes manifest analysis
#   docker-compose  docker compose v2 (the container tests run the compose kits with it)
#   etcd            the store of the API server below      } not in the default list: no test
#   kube-apiserver  a real Kubernetes API server            } runs them yet (about 30 min cold)
#   compose-spec    the compose-spec JSON schema docker compose validates with (not a program: the
#                   schema/compose-spec.json of the compose-go version its go.mod requires)
# Each is built once into $HOSTKIT_TOOLS_CACHE/go/<tool>-<version> (default
# /var/cache/hostkit-tools) and linked from $HOSTKIT_TOOLS_CACHE/bin; a version that is there
# already is left as it is, so a second run needs no network. Also unpacks the pinned
# Kubernetes release's OpenAPI spec (the kubeconform schemas are made from it).
#
#   tools/go-tools.sh                 # every tool the tests run
#   tools/go-tools.sh pebble kube-score
#   tools/go-tools.sh etcd kube-apiserver
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${HOSTKIT_TOOLS_CACHE:-/var/cache/hostkit-tools}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

PEBBLE_VERSION=v2.10.3
KUBECONFORM_VERSION=v0.8.0
KUBE_SCORE_VERSION=v1.20.0
COMPOSE_VERSION=v5.6.0
ETCD_VERSION=v3.7.3
KUBERNETES_VERSION=v1.37.2
# The staging modules (k8s.io/api, ...) published with that release.
KUBERNETES_STAGING_VERSION=v0.37.2

mkdir -p "$cache/bin" "$cache/go"

# built TOOL VERSION: true when TOOL at VERSION is built already (and linked).
built() {
  local binary=$cache/go/$1-$2/$1
  if [ -x "$binary" ]; then
    ln -sfn "$binary" "$cache/bin/$1"
    echo "go-tools: $1 $2 is in $cache/go/$1-$2"
    return 0
  fi
  return 1
}

# install_module TOOL VERSION PACKAGE: go install PACKAGE@VERSION (modules without replace directives).
install_module() {
  local tool=$1 version=$2 package=$3 dir=$cache/go/$1-$2
  built "$tool" "$version" && return
  echo "go-tools: building $tool $version"
  mkdir -p "$dir.tmp"
  GOBIN=$dir.tmp go install "$package@$version"
  mv "$dir.tmp/$(basename "$package")" "$dir.tmp/$tool" 2>/dev/null || true
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  built "$tool" "$version"
}

# module_dir MODULE VERSION: the module's source in the module cache (downloaded if needed).
module_dir() {
  (cd "$(mktemp -d)" && go mod download -json "$1@$2" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
}

# build_in_source TOOL VERSION MODULE PACKAGE [LDFLAGS]: go build inside a copy of MODULE's own
# source, for modules whose go.mod has replace directives (which go install refuses).
build_in_source() {
  local tool=$1 version=$2 module=$3 package=$4 ldflags=${5:-} dir=$cache/go/$1-$2 source
  built "$tool" "$version" && return
  echo "go-tools: building $tool $version"
  source=$(module_dir "$module" "$version")
  rm -rf "$dir.src" && cp -r "$source" "$dir.src" && chmod -R u+w "$dir.src"
  (cd "$dir.src" && go build -trimpath -ldflags "$ldflags" -o "$dir.tmp/$tool" "$package")
  rm -rf "$dir.src" "$dir" && mv "$dir.tmp" "$dir"
  built "$tool" "$version"
}

# build_in_wrapper TOOL VERSION PACKAGE GO.MOD-LINES...: go build PACKAGE from a wrapper module
# whose go.mod requires and replaces what the lines say.
build_in_wrapper() {
  local tool=$1 version=$2 package=$3 dir=$cache/go/$1-$2
  shift 3
  built "$tool" "$version" && return
  echo "go-tools: building $tool $version (this one takes long the first time)"
  rm -rf "$dir.src" && mkdir -p "$dir.src"
  { echo "module hostkit.dev/tools/$tool"; echo; echo "go 1.26"; printf '%s\n' "$@"; } >"$dir.src/go.mod"
  printf 'package tools\n\nimport _ "%s"\n' "$package" >"$dir.src/tools.go"
  (cd "$dir.src" && go mod tidy && go build -trimpath -o "$dir.tmp/$tool" "$package")
  rm -rf "$dir.src" "$dir" && mv "$dir.tmp" "$dir"
  built "$tool" "$version"
}

pebble() {
  install_module pebble "$PEBBLE_VERSION" github.com/letsencrypt/pebble/v2/cmd/pebble
}
kubeconform() {
  install_module kubeconform "$KUBECONFORM_VERSION" github.com/yannh/kubeconform/cmd/kubeconform
}
kube-score() {
  install_module kube-score "$KUBE_SCORE_VERSION" github.com/zegl/kube-score/cmd/kube-score
}
docker-compose() {
  # the version its Makefile stamps (else `docker-compose version` says "dev")
  build_in_source docker-compose "$COMPOSE_VERSION" github.com/docker/compose/v5 ./cmd \
    "-X github.com/docker/compose/v5/internal.Version=$COMPOSE_VERSION"
}
etcd() {
  build_in_wrapper etcd "$ETCD_VERSION" go.etcd.io/etcd/server/v3 \
    "require go.etcd.io/etcd/server/v3 $ETCD_VERSION"
}
kube-apiserver() {
  local staging=(api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
    cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api
    cri-client csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms
    kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics
    mount-utils pod-security-admission sample-apiserver sample-cli-plugin sample-controller)
  local lines=("require k8s.io/kubernetes $KUBERNETES_VERSION") module
  for module in "${staging[@]}"; do
    lines+=("replace k8s.io/$module => k8s.io/$module $KUBERNETES_STAGING_VERSION")
  done
  build_in_wrapper kube-apiserver "$KUBERNETES_VERSION" k8s.io/kubernetes/cmd/kube-apiserver "${lines[@]}"
}
# The release's OpenAPI v2/v3 spec, from the k8s.io/kubernetes module (api/openapi-spec).
openapi-spec() {
  local dir=$cache/kubernetes-openapi-$KUBERNETES_VERSION source
  if [ -d "$dir/v3" ]; then
    ln -sfn "$dir" "$cache/kubernetes-openapi"
    echo "go-tools: the Kubernetes $KUBERNETES_VERSION OpenAPI spec is in $dir"
    return
  fi
  source=$(module_dir k8s.io/kubernetes "$KUBERNETES_VERSION")
  rm -rf "$dir" && cp -r "$source/api/openapi-spec" "$dir" && chmod -R u+w "$dir"
  ln -sfn "$dir" "$cache/kubernetes-openapi"
  echo "go-tools: the Kubernetes $KUBERNETES_VERSION OpenAPI spec is in $dir"
}

# The compose-spec schema of the compose-go module docker compose $COMPOSE_VERSION requires.
compose-spec() {
  local compose_go version dir
  compose_go=$(module_dir github.com/docker/compose/v5 "$COMPOSE_VERSION")
  version=$(sed -n 's|^\tgithub.com/compose-spec/compose-go/v2 \(v[^ ]*\)$|\1|p' "$compose_go/go.mod")
  [ -n "$version" ] || { echo "go-tools: no compose-go/v2 in docker compose $COMPOSE_VERSION's go.mod" >&2; return 1; }
  dir=$cache/compose-spec-$version
  if [ ! -f "$dir/compose-spec.json" ]; then
    mkdir -p "$dir.tmp"
    cp "$(module_dir github.com/compose-spec/compose-go/v2 "$version")/schema/compose-spec.json" "$dir.tmp/"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  ln -sfn "$dir" "$cache/compose-spec"
  echo "go-tools: the compose-spec schema of compose-go $version (docker compose $COMPOSE_VERSION) is in $dir"
}

tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(pebble kubeconform kube-score docker-compose compose-spec openapi-spec)
for tool in "${tools[@]}"; do
  "$tool"
done
