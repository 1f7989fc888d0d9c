#!/bin/bash
# Churn (docs/stateful-flows.md, "Churn and failure"): while long-lived
# connections run both ways across the WAN (source NAT out, a floating IP
# in), a fourth host joins and takes query subsets, then a host leaves and
# gives its subsets up.  The long-lived connections survive both, new ones
# work after each, and no connection ever has state on two hosts.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools nft "$PYTHON"

world_init churn
world_controller || check_fail "controller did not start"
world_nb set-deployment grace-period=1
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0)
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24
world_nb nat-add acme snat 192.0.2.10 -- nat-add acme floating-ip 192.0.2.11 10.1.0.12
for h in h1:1 h2:2 gw1:21; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
wan_router gw1
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm2 h1 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h1 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
wait_synced h1 h2 gw1
world_bg srv "$PYTHON" "$WORLD_LIB/conn-tool.py" serve --port 80
conn_serve vm2 7000
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"

new_conns() {
    conn_ok vm1 "$WAN_SRV" 80 --count 20 --timeout 20
    conn_ok srv 192.0.2.11 7000 --count 20 --timeout 20
}

check_step "long-lived connections, both ways"
world_exec vm1 "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to "$WAN_SRV" \
    --port 80 --count 30 --hold 20 --timeout 40 >"$WORLD_DIR/long-out.txt" 2>&1 &
long_out=$!
world_exec srv "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to 192.0.2.11 \
    --port 7000 --count 30 --hold 20 --timeout 40 >"$WORLD_DIR/long-in.txt" 2>&1 &
long_in=$!
sleep 2
new_conns

check_step "a fourth host joins and takes subsets"
world_nb host-add h4 192.168.100.4
world_host h4 192.168.100.4 --controller="$WORLD_CTRL"
for i in $(seq 100); do
    [ -n "$(subsets_of h4)" ] && break
    sleep 0.1
done
check_ge "$(subsets_of h4 | wc -l)" 1 "h4 holds query subsets"
wait_synced h1 h2 gw1 h4
new_conns
check_owners lower 60 h1 h2 gw1 h4

check_step "a host leaves and gives its subsets up"
world_stop_vplaned h2
for i in $(seq 100); do
    [ -z "$(subsets_of h2)" ] && break
    sleep 0.1
done
check_eq "$(subsets_of h2 | wc -l)" 0 "h2 holds no subsets after the grace period"
wait_synced h1 gw1 h4
new_conns

check_step "the long-lived connections survived"
wait "$long_out" || check_fail "out: $(tail -3 "$WORLD_DIR/long-out.txt" | tr '\n' ' ')"
wait "$long_in" || check_fail "in: $(tail -3 "$WORLD_DIR/long-in.txt" | tr '\n' ' ')"
check_owners lower 60 h1 gw1 h4
