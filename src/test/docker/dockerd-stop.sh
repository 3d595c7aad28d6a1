#!/usr/bin/env bash
# Stops a daemon started by dockerd-start.sh and removes everything it left: its containers,
# networks (and their host bridges) with the FORWARD rules that let their traffic pass
# (bridge-forward.sh), the daemon by the PID in its pid file, its managed containerd and shims,
# mounts under its directory, and the directory itself.
#
#   src/test/docker/dockerd-stop.sh "$HOSTKIT_DOCKERD_DIR"
#
# HOSTKIT_DOCKERD_KEEP=1 keeps the directory (data root and dockerd.log) for a post-mortem.
set -uo pipefail
dir="${1:?usage: dockerd-stop.sh DIR}"
[ -d "$dir" ] || exit 0
dir="$(cd "$dir" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
export DOCKER_HOST="unix://$dir/docker.sock"

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid="$(cat "$dir/dockerd.pid" 2>/dev/null || true)"

# Only a process whose command line names this directory is ours to end.
ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -qF "$dir/"; }

if alive "$pid" && ours "$pid"; then
  if timeout 10 docker version >/dev/null 2>&1; then
    containers="$(timeout 10 docker ps -aq 2>/dev/null || true)"
    [ -z "$containers" ] || timeout 60 docker rm -f -v $containers >/dev/null 2>&1 || true
    timeout 30 docker network prune -f >/dev/null 2>&1 || true
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do alive "$pid" || break; sleep 0.2; done
  if alive "$pid"; then
    echo "dockerd-stop: dockerd $pid ignored SIGTERM for 30 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi

# The containerd that dockerd started for itself, and container shims, if any survived.
for p in $(cat "$dir/exec/containerd/containerd.pid" 2>/dev/null) \
         $(grep -lsF "$dir/" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
  if [ "$p" != "$$" ] && alive "$p" && ours "$p"; then
    kill -TERM "$p" 2>/dev/null || true
    sleep 0.5
    alive "$p" && kill -KILL "$p" 2>/dev/null || true
  fi
done

# Networks were pruned above while the daemon ran, which deletes their host bridges. A
# daemon that had died on its own may leave a br-<id> bridge behind; it is harmless and
# removed with: ip link delete br-<id>. The FORWARD rules of this daemon's bridges go in any case.
"$here/bridge-forward.sh" forget "$dir" || echo "dockerd-stop: could not remove the FORWARD rules of $dir" >&2

# Mounts left under the directory (overlay layers, netns, shm), deepest first.
awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do
  umount -l "$m" 2>/dev/null || true
done

if [ "${HOSTKIT_DOCKERD_KEEP:-0}" = 1 ]; then
  echo "dockerd-stop: kept $dir" >&2
else
  rm -rf "$dir"
fi
