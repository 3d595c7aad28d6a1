# shellcheck shell=bash disable=SC2034  # rps, p50, p99, cpu are measure()'s results for the caller
# Shared by the bench scripts (sourced): logging, port probes and one measured wrk run.
# The sourcing script defines server_ticks (CPU clock ticks of its servers) and sets
# THREADS, CONNECTIONS and DURATION.

log() { printf '%s\n' "$*" >&2; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

to_ms() { # wrk latency (850.00us, 1.20ms, 1.01s) in milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
    if (unit == "us") n /= 1000; else if (unit == "s") n *= 1000; else if (unit == "m") n *= 60000
    printf "%.2f", n }'
}

CLOCK_TICKS=$(getconf CLK_TCK)
readonly CLOCK_TICKS

# measure WHAT URL: one bounded wrk run (gzip accepted when WHAT says gzip); sets rps, p50,
# p99 (ms) and cpu (server CPU µs per request). Any error response or socket error stops the bench.
measure() {
  local what=$1 url=$2 headers=() ticks out requests
  case "$what" in
    *gzip*) headers=(-H 'Accept-Encoding: gzip') ;;
  esac
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ${headers[*]} $url"
  ticks=$(server_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$url")
  ticks=$(($(server_ticks) - ticks))
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    log "bench: errors during the run against $url:"
    log "$out"
    exit 1
  fi
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  requests=$(awk '/ requests in / { print $1 }' <<<"$out")
  cpu=$(awk -v t="$ticks" -v hz="$CLOCK_TICKS" -v n="$requests" 'BEGIN { printf "%.0f", t * 1000000 / hz / n }')
}
