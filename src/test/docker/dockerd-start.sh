#!/usr/bin/env bash
# Starts a private Docker daemon for hostkit's container tests: its own data root, exec root,
# socket, pid file and config under one temp dir, so it never touches a system daemon.
#
#   eval "$(src/test/docker/dockerd-start.sh)"     # sets DOCKER_HOST and HOSTKIT_DOCKERD_DIR
#   ...docker commands...
#   src/test/docker/dockerd-stop.sh "$HOSTKIT_DOCKERD_DIR"
#
# Optional: $1 = the directory to use (created; default a new /tmp/hostkit-dockerd.XXXXXX);
# HOSTKIT_DOCKERD_OWNER = the PID whose death means the daemon is abandoned (default: the
# caller). Every start first stops daemons of earlier runs whose owner is gone (a test JVM
# that was killed), by the PID in their pid file.
# Needs root and Debian's docker.io (dockerd, containerd, runc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ "$(id -u)" -ne 0 ]; then
  echo "dockerd-start: a private dockerd needs root" >&2
  exit 2
fi
command -v dockerd >/dev/null || { echo "dockerd-start: dockerd not found (apt-get install docker.io)" >&2; exit 2; }
command -v docker >/dev/null || { echo "dockerd-start: docker CLI not found (apt-get install docker.io)" >&2; exit 2; }

# Abandoned daemons of earlier runs: stop them by their own pid file.
for stale in /tmp/hostkit-dockerd.*; do
  [ -d "$stale" ] && [ -f "$stale/owner" ] || continue
  owner="$(cat "$stale/owner" 2>/dev/null || true)"
  if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then
    echo "dockerd-start: stopping abandoned daemon in $stale (owner $owner is gone)" >&2
    "$here/dockerd-stop.sh" "$stale" >&2 || true
  fi
done

dir="${1:-}"
if [ -z "$dir" ]; then
  # Short on purpose: containerd's sockets live under the exec root (unix paths max 108 bytes).
  dir="$(mktemp -d /tmp/hostkit-dockerd.XXXXXX)"
else
  mkdir -p "$dir"
fi
dir="$(cd "$dir" && pwd)"
echo "${HOSTKIT_DOCKERD_OWNER:-$PPID}" > "$dir/owner"
mkdir -p "$dir/data" "$dir/exec"
# An empty config file of our own: /etc/docker/daemon.json (hosts, pools, ...) must not apply.
echo '{}' > "$dir/daemon.json"
id="$(basename "$dir" | tr -c 'a-zA-Z0-9\n' '-')"

# Networking: containers reach each other by name on user-defined bridge networks (embedded
# DNS works without iptables) and the host reaches published ports through docker-proxy on
# loopback. So dockerd adds no iptables rules, no NAT, no ip_forward change, no docker0 bridge.
# The one thing the host's firewall may still stop is traffic between two containers on one
# bridge (FORWARD policy DROP with br_netfilter): the tests let it through, one bridge at a
# time, with bridge-forward.sh, and dockerd-stop.sh takes those rules back. Builds that need
# the network use --network host.
# A system containerd, if one runs, is shared only through namespaces of our own.
setsid dockerd \
  --config-file "$dir/daemon.json" \
  --data-root "$dir/data" \
  --exec-root "$dir/exec" \
  --pidfile "$dir/dockerd.pid" \
  -H "unix://$dir/docker.sock" \
  --containerd-namespace "hostkit-$id" \
  --containerd-plugins-namespace "hostkit-$id-plugins" \
  --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
  --bridge=none \
  --userland-proxy=true \
  --log-level=warn \
  > "$dir/dockerd.log" 2>&1 < /dev/null &
launched=$!

export DOCKER_HOST="unix://$dir/docker.sock"
limit="${HOSTKIT_DOCKERD_TIMEOUT:-30}"
deadline=$((SECONDS + limit))
until [ -S "$dir/docker.sock" ] && timeout 5 docker version >/dev/null 2>&1; do
  problem=""
  if ! kill -0 "$launched" 2>/dev/null; then
    problem="exited before it answered on $dir/docker.sock"
  elif [ "$SECONDS" -ge "$deadline" ]; then
    problem="did not answer on $dir/docker.sock within $limit s"
  fi
  if [ -n "$problem" ]; then
    echo "dockerd-start: the daemon $problem; its log:" >&2
    tail -n 30 "$dir/dockerd.log" >&2 || true
    [ -f "$dir/dockerd.pid" ] || echo "$launched" > "$dir/dockerd.pid"
    "$here/dockerd-stop.sh" "$dir" >&2 || true
    exit 1
  fi
  sleep 0.2
done

echo "DOCKER_HOST=$DOCKER_HOST"
echo "HOSTKIT_DOCKERD_DIR=$dir"
echo "HOSTKIT_DOCKERD_PID=$(cat "$dir/dockerd.pid")"
