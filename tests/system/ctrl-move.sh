#!/bin/bash
# A VM port moves from one host to another under the controller: the new
# host reports it up, the old one down; every host's translation entry for
# it changes to the new VTEP, the old host forgets the port, and a ping
# running through the move resumes.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

world_init cmove
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
world_vm vm3 h3 02:00:00:00:01:03 10.1.0.13/24 10.1.0.1
# h1 keeps a VM of the tenant, so it keeps serving it (a host without one
# gets none of the tenant's tables).
world_vm vm4 h1 02:00:00:00:01:04 10.1.0.14/24 10.1.0.1
world_ctl h1 port/add vm1 web $mac 10.1.0.11 vm=vm1 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h3 port/add vm3 web 02:00:00:00:01:03 10.1.0.13 >/dev/null
world_ctl h1 port/add vm4 web 02:00:00:00:01:04 10.1.0.14 >/dev/null
wait_synced h1 h2 h3
check_ping vm2 10.1.0.11

entry_vtep() {
    world_ctl "$1" xlate/dump web | awk -v m=$mac '$2 == m { print $4 }'
}
for h in h1 h2 h3; do
    check_eq "$(entry_vtep $h)" 192.168.100.1 "$h: vm1's VTEP before the move"
done

check_step "ping from vm2 through the move"
world_bg vm2 ping -i 0.05 -W 1 -c 400 10.1.0.11
ping_pid=$WORLD_BG_PID
sleep 1

# The VM's interface goes from h1 to h3 (what a live migration does to the
# tap): same MAC and address in the VM.
ip -n "$(world_ns vm1)" link del eth0
ip link add eth0 netns "$(world_ns vm1)" type veth peer name vm1 netns "$(world_ns h3)"
ip -n "$(world_ns vm1)" link set eth0 address $mac mtu 1450
ip -n "$(world_ns vm1)" addr add 10.1.0.11/24 dev eth0
ip -n "$(world_ns vm1)" link set eth0 up
ip -n "$(world_ns vm1)" route add default via 10.1.0.1
ip -n "$(world_ns h3)" link set vm1 mtu 1450 up
# The new host reports the port up before the old one reports it down (as
# in a migration): the late "down" from h1 must not undo h3's binding.
world_ctl h3 port/add vm1 web $mac 10.1.0.11 vm=vm1 >/dev/null
sleep 0.3
world_ctl h1 port/del vm1 >/dev/null
wait_synced h1 h2 h3

check_step "every host's entry changed"
for h in h1 h2 h3; do
    check_eq "$(entry_vtep $h)" 192.168.100.3 "$h: vm1's VTEP after the move"
done
check_not_contains "$(world_ctl h1 port/list)" "vm1 " "h1 forgot the port"
check_contains "$(world_ctl h3 port/list)" "vm1 " "h3 has the port"
out=$(world_nb port-list web | grep $mac)
check_contains "$out" "h3" "database binding"

check_step "the old host does not take the port back"
# A new port on h1, then a reconnection of every host (a controller
# restart): h1 repeats its reports, and must not claim vm1 again.
world_vm vm5 h1 02:00:00:00:01:05 10.1.0.15/24 10.1.0.1
world_ctl h1 port/add vm5 web 02:00:00:00:01:05 10.1.0.15 >/dev/null
wait_synced h1 h2 h3
check_contains "$(world_nb port-list web | grep $mac)" "h3" "binding after another port/add on h1"
world_stop_ctrl
world_start_ctrl || check_fail "controller did not restart"
sleep 1
wait_synced h1 h2 h3
check_contains "$(world_nb port-list web | grep $mac)" "h3" "binding after every host reconnected"
check_not_contains "$(world_ctl h1 controller/show)" "vm1 " "h1 no longer reports vm1"

check_step "the ping resumed"
check_ping vm2 10.1.0.11
kill $ping_pid 2>/dev/null

echo "PASS"
