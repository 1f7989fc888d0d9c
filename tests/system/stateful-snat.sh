#!/bin/bash
# Source NAT through two gateways (docs/stateful-flows.md, "The WAN"): VMs
# on three hosts open 200 TCP connections to a WAN server while the WAN
# router sends each flow's packets to the two gateways in turn.  Every
# connection carries its data intact, each is tracked by its VM's host
# only (the ownership checker), the owners recorded every connection with
# the helper of its reply before the reply could come, and the gateways
# found each reply's owner through that helper.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools nft "$PYTHON"

world_init snat
world_controller || check_fail "controller did not start"
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0) \
    -- host-add gw2 192.168.100.22 $(wan_uplink_args 1)
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24
world_nb nat-add acme snat 192.0.2.10
for h in h1:1 h2:2 h3:3 gw1:21 gw2:22; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
wan_router gw1 gw2
for i in 1 2 3; do
    world_vm "vm$i" "h$i" "02:00:00:00:01:0$i" "10.1.0.1$i/24" 10.1.0.1
    world_ctl "h$i" port/add "vm$i" web "02:00:00:00:01:0$i" "10.1.0.1$i" >/dev/null
done
wait_synced h1 h2 h3 gw1 gw2
world_bg srv "$PYTHON" "$WORLD_LIB/conn-tool.py" serve --port 80
sleep 0.3

check_step "each gateway learns the WAN router"
wan_wait_router gw1 gw2 || check_fail "a gateway does not know the WAN router"

check_step "200 connections from VMs on three hosts"
pids=()
for i in 1 2 3; do
    n=$((i == 3 ? 66 : 67))
    world_exec "vm$i" "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to "$WAN_SRV" \
        --port 80 --count "$n" --bytes 20000 --hold 1 --timeout 20 \
        >"$WORLD_DIR/conn-$i.txt" 2>&1 &
    pids+=($!)
done
for i in 1 2 3; do
    wait "${pids[$((i - 1))]}" || check_fail "vm$i: $(tail -3 "$WORLD_DIR/conn-$i.txt" | tr '\n' ' ')"
done
check_contains "$(cat "$WORLD_DIR"/conn-*.txt)" "ok 67/67" "every connection's data came back"

check_step "one owner per connection: the VM's host"
check_owners lower 150 h1 h2 h3 gw1 gw2
for gw in gw1 gw2; do
    n=$(ct_count "$gw")
    check_eq "$n" 0 "connections tracked by $gw"
done

check_step "records and resolution"
counter() { world_ctl "$1" dump-subsets | awk -v k="$2:" '$1 == k { print $2 }'; }
held=0
for h in h1 h2 h3 gw1 gw2; do
    held=$((held + $(counter "$h" records-held)))
done
check_ge "$held" 200 "records held by the helpers (an owner may be its own)"
for gw in gw1 gw2; do
    check_ge "$(counter "$gw" to-helper)" 1 "$gw sent first packets to helpers"
    # (ICMP errors the WAN router sends to the public address are resolved
    # by their own header, not the one they quote: "Not yet" in the docs.)
    check_eq "$(grep 'resolver.*|tcp,.*owner-' "$WORLD_DIR/$gw.log")" "" "$gw dropped no TCP packet for want of an owner"
done
