#!/usr/bin/env bash
# Lets the traffic between the containers of one bridge network of a private daemon (started by
# dockerd-start.sh) through the host's iptables FORWARD chain, and takes that back again.
#
# Why: with br_netfilter (net.bridge.bridge-nf-call-iptables = 1) a packet from one container
# to another on the same bridge passes the FORWARD chain, whose policy a system dockerd sets to
# DROP. The private daemon runs with --iptables=false, so nothing would let it through.
#
#   bridge-forward.sh accept DIR BRIDGE   insert "-i BRIDGE -o BRIDGE -j ACCEPT" at the top of FORWARD
#   bridge-forward.sh forget DIR [BRIDGE] delete the rules accept inserted for DIR (for BRIDGE, or all)
#   bridge-forward.sh explain BRIDGE      one line: what in the FORWARD chain decides BRIDGE's traffic
#   bridge-forward.sh policies            "FRONTEND POLICY" of FORWARD, a line per front end in use
#   bridge-forward.sh set-policy FRONTEND POLICY   (the tests' own check with FORWARD DROP uses it)
#
# Each rule carries the comment "hostkit-dockerd:DIR" (iptables -S FORWARD shows whose it is).
# It goes into every iptables front end whose FORWARD chain the packets pass: nf_tables' and,
# when its filter table is loaded, the legacy one (both filter every packet: an ACCEPT in one
# does not help against a DROP in the other). Needs root and Debian's iptables.
set -euo pipefail
PATH="$PATH:/usr/sbin:/sbin"

# The front ends in use, one a line.
backends() {
  local found=0
  if command -v iptables-nft >/dev/null; then echo iptables-nft; found=1; fi
  if command -v iptables-legacy >/dev/null && grep -qx filter /proc/net/ip_tables_names 2>/dev/null; then
    echo iptables-legacy; found=1
  fi
  if [ "$found" = 0 ]; then
    command -v iptables >/dev/null || { echo "bridge-forward: iptables not found (apt-get install iptables)" >&2; exit 2; }
    echo iptables
  fi
}

rule() { echo "-i $1 -o $1 -m comment --comment hostkit-dockerd:$2 -j ACCEPT"; }

# The bridges that have a rule of DIR in front end $1.
bridges_of() {
  "$1" -w 10 -S FORWARD 2>/dev/null | grep -F -- "--comment \"hostkit-dockerd:$2\"" \
    | sed -nE 's/.* -i ([^ ]+) .*/\1/p' || true
}

accept() {
  local dir="$1" bridge="$2" b
  for b in $(backends); do
    # shellcheck disable=SC2046 # the rule is words
    "$b" -w 10 -C FORWARD $(rule "$bridge" "$dir") 2>/dev/null || "$b" -w 10 -I FORWARD 1 $(rule "$bridge" "$dir")
  done
}

forget() {
  local dir="$1" only="${2:-}" b bridge
  for b in $(backends); do
    for bridge in $(bridges_of "$b" "$dir"); do
      if [ -z "$only" ] || [ "$bridge" = "$only" ]; then
        # shellcheck disable=SC2046
        "$b" -w 10 -D FORWARD $(rule "$bridge" "$dir") || true
      fi
    done
  done
}

explain() {
  local bridge="$1" b rules policy out="" filtered=1
  if [ "$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null || echo absent)" != 1 ]; then
    filtered=0
    out="bridged traffic does not pass iptables here (no br_netfilter, or net.bridge.bridge-nf-call-iptables is 0)"
  fi
  for b in $(backends); do
    rules="$("$b" -w 10 -S FORWARD 2>/dev/null || true)"
    policy="$(awk '$1 == "-P" {print $3}' <<< "$rules")"
    if grep -qE -- "-i $bridge -o $bridge .*-j ACCEPT" <<< "$rules"; then
      out="${out:+$out; }$b: a rule accepts $bridge (policy ${policy:-unknown})"
    elif [ "$policy" = DROP ] && [ "$filtered" = 1 ]; then
      out="${out:+$out; }the FORWARD chain's policy is DROP ($b) and no rule accepts $bridge"
    else
      out="${out:+$out; }$b: policy ${policy:-unknown}, no rule for $bridge"
    fi
  done
  if [[ "$out" != *"policy is DROP"* ]]; then
    out="$out; so iptables lets it pass and something else drops it (an nftables table of its own? nft list ruleset)"
  fi
  echo "$out"
}

policies() {
  local b
  for b in $(backends); do
    echo "$b $("$b" -w 10 -S FORWARD 2>/dev/null | awk '$1 == "-P" {print $3}')"
  done
}

set_policy() {
  local in_use
  in_use="$(backends)"   # not piped into grep -q: under pipefail its early exit would fail the pipe
  grep -qxF "$1" <<< "$in_use" || { echo "bridge-forward: $1 is not an iptables front end in use here" >&2; exit 2; }
  "$1" -w 10 -P FORWARD "$2"
}

case "${1:-}" in
  accept) accept "${2:?DIR}" "${3:?BRIDGE}" ;;
  forget) forget "${2:?DIR}" "${3:-}" ;;
  explain) explain "${2:?BRIDGE}" ;;
  policies) policies ;;
  set-policy) set_policy "${2:?FRONTEND}" "${3:?POLICY}" ;;
  *) echo "usage: bridge-forward.sh accept DIR BRIDGE | forget DIR [BRIDGE] | explain BRIDGE | policies | set-policy FRONTEND POLICY" >&2
     exit 2 ;;
esac
