#!/bin/bash
# A VM with firewalled connections moves to another host
# (docs/stateful-flows.md, "Churn and failure"): its flows get a new owner,
# and the old host removes their state at once, so no flow has state on two
# hosts; the old host keeps the state of the flows it still owns, through
# the move and through a change that moves no flow.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init fmove
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
for i in 1 2 3; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
mac=02:00:00:00:01:01
world_vm vm1 h1 $mac 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm vm4 h1 02:00:00:00:01:04 10.1.0.14/24 10.1.0.1
world_ctl h1 port/add vm1 web $mac 10.1.0.11 vm=vm1 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h1 port/add vm4 web 02:00:00:00:01:04 10.1.0.14 >/dev/null
# vm2 is firewalled: every flow to it is stateful, and h1 (the lower VTEP)
# owns the flows of vm1 and vm4.
world_nb fw-add web 02:00:00:00:01:02 ingress tcp ports=7000
wait_synced h1 h2 h3
conn_serve vm2 7000

# show_field HOST FIELD: a number or boolean of `show --format=json`.
show_field() {
    world_ctl "$1" show --format=json \
        | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}
ct_at_least() { [ "$(ct_count "$1" "$2")" -ge "$3" ]; }
ct_none() { [ "$(ct_count "$1" "$2")" -eq 0 ]; }
vtep_of_vm1() {
    [ "$(world_ctl "$1" xlate/dump web | awk -v m=$mac '$2 == m { print $4 }')" = "$2" ]
}
# walked_since HOST N: HOST finished a walk of its conntrack after its
# N-th, and is not walking.
walked_since() {
    [ "$(show_field "$1" owner-sweeps)" -gt "$2" ] \
        && [ "$(show_field "$1" owner-sweep-running)" = False ]
}

check_step "long-lived connections from vm1 and vm4, owned by h1"
world_exec vm1 "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to 10.1.0.12 \
    --port 7000 --count 30 --hold 60 --timeout 90 >/dev/null 2>&1 &
vm1_pid=$!
world_exec vm4 "$PYTHON" "$WORLD_LIB/conn-tool.py" connect --to 10.1.0.12 \
    --port 7000 --count 10 --hold 20 --timeout 60 >"$WORLD_DIR/vm4.txt" 2>&1 &
vm4_pid=$!
world_wait_for ct_at_least h1 10.1.0.11 30 || check_fail "vm1's connections not on h1"
world_wait_for ct_at_least h1 10.1.0.14 10 || check_fail "vm4's connections not on h1"
check_owners lower 40 h1 h2 h3

check_step "vm1 moves to h3: h1 drops its flows at once"
ip -n "$(world_ns vm1)" link del eth0
ip link add eth0 netns "$(world_ns vm1)" type veth peer name vm1 netns "$(world_ns h3)"
ip -n "$(world_ns vm1)" link set eth0 address $mac mtu 1450
ip -n "$(world_ns vm1)" addr add 10.1.0.11/24 dev eth0
ip -n "$(world_ns vm1)" link set eth0 up
ip -n "$(world_ns vm1)" route add default via 10.1.0.1
ip -n "$(world_ns h3)" link set vm1 mtu 1450 up
world_ctl h3 port/add vm1 web $mac 10.1.0.11 vm=vm1 >/dev/null
# h1 reports it gone (the controller may have unbound it from h1 first).
world_ctl h1 port/del vm1 >/dev/null 2>&1 || true
wait_synced h1 h2 h3
world_wait_for vtep_of_vm1 h1 192.168.100.3 || check_fail "h1 still has vm1 on h1"
world_wait_for ct_none h1 10.1.0.11 \
    || check_fail "h1 still tracks $(ct_count h1 10.1.0.11) connections of vm1"
world_wait_for ct_at_least h2 10.1.0.11 1 \
    || check_fail "h2, the new owner, picked none of vm1's connections up"
check_owners lower 10 h1 h2 h3
check_ge "$(show_field h1 conntrack-removed)" 30 "h1 counts what it removed"
check_contains "$(cat "$WORLD_DIR/h1.log")" "that another host owns now" "h1 logs it"
check_ge "$(ct_count h1 10.1.0.14)" 10 "h1 keeps vm4's connections, which it still owns"

check_step "a change that moves no flow removes nothing"
removed1=$(show_field h1 conntrack-removed)
removed2=$(show_field h2 conntrack-removed)
walks=$(show_field h1 owner-sweeps)
world_vm vm5 h2 02:00:00:00:01:05 10.1.0.15/24 10.1.0.1
world_ctl h2 port/add vm5 web 02:00:00:00:01:05 10.1.0.15 >/dev/null
wait_synced h1 h2 h3
world_wait_for walked_since h1 "$walks" || check_fail "h1 did not walk its conntrack"
check_eq "$(show_field h1 conntrack-removed)" "$removed1" "h1 removed nothing more"
check_eq "$(show_field h2 conntrack-removed)" "$removed2" "h2 removed nothing more"
check_ge "$(ct_count h1 10.1.0.14)" 10 "h1 still has vm4's connections"
check_owners lower 10 h1 h2 h3

check_step "vm4's connections lived through it all"
wait "$vm4_pid" || check_fail "vm4: $(tail -3 "$WORLD_DIR/vm4.txt" | tr '\n' ' ')"
kill "$vm1_pid" 2>/dev/null || true
echo "PASS"
