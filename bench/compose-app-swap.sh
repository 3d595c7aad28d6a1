#!/usr/bin/env bash
# How long does the compose kit answer nothing while compose replaces the app's container?
# With one app container, `docker compose up -d` after a new image or setting stops nginx and
# the app (depends_on restart: true), starts the new app, waits for its first passing health
# check and starts nginx again: a gap. This runs the container test that does such a swap under
# load through nginx (ComposeAppSwapDockerTest: 2 clients, one request after the other; root,
# docker.io and debootstrap needed, see DOCKER.md) RUNS times and prints, per run, the time from
# the first failed request to the last one and how many failed, then the medians.
#
#   bench/compose-app-swap.sh          # RUNS=3
#   RUNS=5 bench/compose-app-swap.sh
#
# The last line is machine-readable: RESULT runs=N median_gap_ms=N median_failed_requests=N
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
report=target/bench/compose-app-swap.txt
rm -f "$report"
for run in $(seq "$runs"); do
  echo "compose-app-swap: run $run of $runs" >&2
  ./mvnw -B -o -q test -Dtest='ComposeAppSwapDockerTest#aReplacedAppContainerCostsNoRequestOnceHealthy' \
    -Dsurefire.failIfNoSpecifiedTests=false >&2
done
cat "$report"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
gap=$(sed -n 's/.*gap_ms=\([0-9]*\).*/\1/p' "$report" | median)
failed=$(sed -n 's/.*failed_requests=\([0-9]*\).*/\1/p' "$report" | median)
echo "RESULT runs=$runs median_gap_ms=$gap median_failed_requests=$failed"
