#!/bin/bash
# Prometheus metrics (--metrics-dir, docs/metrics.md): a controller and two
# hosts, with two tenants that both use 10.0.0.0/24.  Every .prom file
# passes a strict 0.0.4 parser (tests/lib/prom-check.py); the port
# counters move as a ping flows and tell the tenants' ports apart by
# labels; a spoofed source shows under its drop reason; the controller
# shows both hosts and their generations; and the names written are the
# names docs/metrics.md lists.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"
PROM="$PYTHON $(dirname "$0")/../lib/prom-check.py"
DOC="$(dirname "$0")/../../docs/metrics.md"

world_init mx
M=$WORLD_DIR/metrics
mkdir -p "$M"
world_controller --metrics-dir="$M" --metrics-interval=1 --name=c1 \
    || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- tenant-add globex \
    -- vnet-add acme-net 100 acme 10.0.0.1/24 \
    -- vnet-add globex-net 200 globex 10.0.0.1/24
for i in 1 2; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL" \
        --metrics-dir="$M" --metrics-interval=1
done
world_vm a1 h1 02:aa:00:00:00:11 10.0.0.11/24 10.0.0.1
world_vm a2 h2 02:aa:00:00:00:12 10.0.0.12/24 10.0.0.1
world_vm g1 h1 02:bb:00:00:00:11 10.0.0.11/24 10.0.0.1
world_vm g2 h2 02:bb:00:00:00:12 10.0.0.12/24 10.0.0.1
world_ctl h1 port/add a1 acme-net 02:aa:00:00:00:11 10.0.0.11 >/dev/null
world_ctl h1 port/add g1 globex-net 02:bb:00:00:00:11 10.0.0.11 >/dev/null
world_ctl h2 port/add a2 acme-net 02:aa:00:00:00:12 10.0.0.12 >/dev/null
world_ctl h2 port/add g2 globex-net 02:bb:00:00:00:12 10.0.0.12 >/dev/null
wait_synced h1 h2

H1=$M/vplaned-h1.prom H2=$M/vplaned-h2.prom C=$M/vplane-ctrl-c1.prom
# get FILE NAME [LABEL=VALUE...]: the sum of the matching samples.
get() { $PROM get "$@"; }
# wait_ge N FILE NAME [LABELS]: until the file shows at least N (the files
# are rewritten every second).
wait_ge() {
    local n=$1 i v; shift
    for i in $(seq 200); do
        v=$(get "$@" 2>/dev/null) && [ "$v" -ge "$n" ] && return 0
        sleep 0.1
    done
    world_log "$*: $v, expected at least $n"
    return 1
}

check_step "the files are written and parse"
for f in "$H1" "$H2" "$C"; do
    world_wait_for test -s "$f" || check_fail "no $f"
    $PROM check "$f" || check_fail "$f does not parse"
done
wait_ge 2 "$C" vplane_ctrl_hosts_connected || check_fail "controller: hosts"
check_eq "$(get "$C" vplane_ctrl_host_connected host=h1)" 1 "h1 connected"
check_ge "$(get "$C" vplane_ctrl_host_generation_acked host=h2)" 1 \
    "h2 acknowledged a generation"
wait_ge 1 "$H1" vplane_controller_in_sync || check_fail "h1 not in sync"

check_step "port counters move as traffic flows, per tenant"
a_before=$(get "$H1" vplane_port_rx_packets_total port=a1 tenant=acme vnet=acme-net)
g_before=$(get "$H1" vplane_port_rx_packets_total port=g1 tenant=globex vnet=globex-net)
PING_COUNT=20 check_ping a1 10.0.0.12
wait_ge $((a_before + 20)) "$H1" vplane_port_rx_packets_total port=a1 tenant=acme \
    || check_fail "a1's packets not counted"
wait_ge 20 "$H2" vplane_port_tx_packets_total port=a2 tenant=acme \
    || check_fail "a2's packets not counted"
g_now=$(get "$H1" vplane_port_rx_packets_total port=g1 tenant=globex)
check_ge $((g_before + 3)) "$g_now" "globex's port barely moved (ARP at most)"
PING_COUNT=5 check_ping g1 10.0.0.12
wait_ge $((g_now + 5)) "$H1" vplane_port_rx_packets_total port=g1 tenant=globex \
    || check_fail "g1's packets not counted"
check_ge "$(get "$H1" vplane_port_rx_bytes_total port=a1)" 2000 "a1's bytes"
wait_ge 1 "$H1" vplane_flow_cache_hits_total || check_fail "no cache hits"
for f in "$H1" "$H2" "$C"; do
    $PROM check "$f" || check_fail "$f does not parse after traffic"
done

check_step "a spoofed source shows under its drop reason"
spoofed=$(get "$H1" vplane_drops_total reason=src-ip-spoof)
world_exec a1 ip addr add 10.0.0.99/24 dev eth0
world_exec a1 ping -q -c 3 -i 0.1 -W 1 -I 10.0.0.99 10.0.0.12 >/dev/null 2>&1 || true
wait_ge $((spoofed + 1)) "$H1" vplane_drops_total reason=src-ip-spoof \
    || check_fail "src-ip-spoof not counted"

check_step "the names written are the names docs/metrics.md lists"
written=$($PROM names "$H1" "$H2" "$C")
documented=$($PROM doc-names "$DOC")
check_ge "$(echo "$documented" | wc -l)" 30 "docs/metrics.md lists the metrics"
check_eq "$written" "$documented" "metric names, output vs docs/metrics.md"

check_step "bad options"
out=$("$VPLANED" --vtep=192.168.100.9 --metrics-dir="$M/none" 2>&1) \
    && check_fail "--metrics-dir of a missing directory accepted"
check_contains "$out" "--metrics-dir" "missing directory refused"
out=$("$VPLANE_CTRL" --metrics-interval=0 2>&1) \
    && check_fail "--metrics-interval=0 accepted"
check_contains "$out" "--metrics-interval" "interval 0 refused"
echo PASS
