#!/bin/bash
# A gateway fails and comes back (docs/stateful-flows.md, "Gateway
# liveness"): with SNAT and floating-IP connections running, each
# exchanging data every 100 ms, gw1's vplaned is SIGKILLed.  Every host
# finds gw1 down by its probes (the detection time is printed, not
# asserted) and stops sending to it; every connection goes on through gw2,
# its data intact; new connections work.  gw1 restarts: the hosts use it
# again once it has answered their probes, and new flows go through it.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools nft "$PYTHON"

world_init glfail
world_controller || check_fail "controller did not start"
# gw1 may help query subsets too: once its session is gone, they move to
# live hosts after the grace period (a helper failing, docs "Churn and
# failure"), which new connections of those subsets wait for.
world_nb set-deployment grace-period=1
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0) \
    -- host-add gw2 192.168.100.22 $(wan_uplink_args 1)
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24
world_nb nat-add acme snat 192.0.2.10 \
    -- nat-add acme floating-ip 192.0.2.11 10.1.0.11
for h in h1:1 h2:2 gw1:21 gw2:22; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
wan_router gw1 gw2
for i in 1 2; do
    world_vm "vm$i" "h$i" "02:00:00:00:01:0$i" "10.1.0.1$i/24" 10.1.0.1
    world_ctl "h$i" port/add "vm$i" web "02:00:00:00:01:0$i" "10.1.0.1$i" >/dev/null
done
wait_synced h1 h2 gw1 gw2
world_bg srv "$PYTHON" "$WORLD_LIB/conn-tool.py" serve --port 80
conn_serve vm1 7000
wan_wait_router gw1 gw2 || check_fail "a gateway does not know the WAN router"

# gw_state HOST GW: GW's state as HOST's probes find it.
gw_state() {
    world_ctl "$1" gateway/show "$2" | awk -v g="$2" '$1 == g { print $2 }'
}
all_see() {  # all_see STATE GW HOST...
    local state=$1 gw=$2 h; shift 2
    for h in "$@"; do
        [ "$(gw_state "$h" "$gw")" = "$state" ] || return 1
    done
}
uplink_tx() { port_field "$1" wan0 TX_PKTS; }
# frames_to HOST: frames the fabric bridge sent to HOST.
frames_to() { world_exec fabric cat "/sys/class/net/$1/statistics/tx_packets"; }

check_step "every host finds both gateways up"
for gw in 192.168.100.21 192.168.100.22; do
    world_wait_for all_see up "$gw" h1 h2 || check_fail "$gw not up: $(world_ctl h1 gateway/show)"
done
check_eq "$(gw_state gw2 192.168.100.21)" up "gw2 probes gw1 too"
check_contains "$(world_ctl gw1 gateway/show)" "this host is a gateway" "a gateway says so"
world_ctl h1 gateway/show

check_step "SNAT and floating-IP connections running"
world_exec vm2 "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to "$WAN_SRV" \
    --port 80 --count 20 --bytes 2000 --hold 12 --every 0.1 --timeout 8 \
    >"$WORLD_DIR/snat.txt" 2>&1 &
p_snat=$!
world_exec srv "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to 192.0.2.11 \
    --port 7000 --count 20 --bytes 2000 --hold 12 --every 0.1 --timeout 8 \
    >"$WORLD_DIR/floating.txt" 2>&1 &
p_fip=$!
sleep 2
tx1=$(uplink_tx gw1)
sleep 0.5
check_ge "$(uplink_tx gw1)" $((tx1 + 20)) "gw1 carries some of the connections"

check_step "SIGKILL gw1's vplaned"
kill -9 "$(cat "$WORLD_DIR/gw1.pid")"
killed=$(date +%s%N)
# The WAN router stops sending to gw1, as its own detection of the uplink
# would make it: the WAN side is the router's.
wan_router_use 1
detected=""
for i in $(seq 100); do
    if all_see down 192.168.100.21 h1 h2 gw2; then
        detected=$((($(date +%s%N) - killed) / 1000000))
        break
    fi
    sleep 0.05
done
echo "  detection: ${detected:-none} ms after SIGKILL (every host; 500 ms x 3 probes)"
# Nothing but probes (and ARP) reaches gw1 from the hosts now.
sleep 0.5
rx1=$(frames_to gw1)
sleep 2
rx=$(($(frames_to gw1) - rx1))
echo "  frames to gw1 in 2 s after detection: $rx"

wait "$p_snat" || check_fail "SNAT connections: $(tail -3 "$WORLD_DIR/snat.txt" | tr '\n' ' ')"
wait "$p_fip" || check_fail "floating-IP connections: $(tail -3 "$WORLD_DIR/floating.txt" | tr '\n' ' ')"
check_contains "$(cat "$WORLD_DIR/snat.txt")" "ok 20/20" "every SNAT connection went on"
check_contains "$(cat "$WORLD_DIR/floating.txt")" "ok 20/20" "every floating-IP connection went on"
[ -n "$detected" ] || check_fail "gw1 not down everywhere: $(world_ctl h1 gateway/show)"
# Probes: 3 vplaneds x 2 a second x 2 s = 12, plus ARP; a connection's
# data would be hundreds.
check_ge 30 "$rx" "the hosts send gw1 nothing but probes"
out=$(world_ctl h1 gateway/show)
check_contains "$out" "2 listed, 1 in use" "h1 hashes over gw2 only"
echo "$out"

check_step "new connections work without gw1"
conn_ok vm2 "$WAN_SRV" 80 --count 10 --timeout 15
conn_ok srv 192.0.2.11 7000 --count 10 --timeout 15

check_step "gw1 returns and is used again"
world_start_vplaned gw1 192.168.100.21 --controller="$WORLD_CTRL"
wait_synced gw1
wan_router_use 0 1
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"
world_wait_for all_see up 192.168.100.21 h1 h2 gw2 || check_fail "gw1 not up again: $(world_ctl h1 gateway/show)"
check_contains "$(world_ctl h1 gateway/show)" "2 listed, 2 in use" "h1 hashes over both again"
tx1=$(uplink_tx gw1)
conn_ok vm2 "$WAN_SRV" 80 --count 20 --timeout 15
conn_ok srv 192.0.2.11 7000 --count 20 --timeout 15
check_ge "$(uplink_tx gw1)" $((tx1 + 20)) "new flows leave through gw1"
check_ge "$(world_ctl h1 gateway/show --format=json | "$PYTHON" -c '
import json, sys
print([g for g in json.load(sys.stdin)["gateways"]
       if g["gateway"] == "192.168.100.21"][0]["went-down"])')" 1 "h1 counted gw1 going down"
check_owners lower 20 h1 h2 gw1 gw2
