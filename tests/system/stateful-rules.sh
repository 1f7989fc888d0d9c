#!/bin/bash
# Owner rules 1 and 2 (docs/stateful-flows.md): TCP and UDP flows between
# VMs on different hosts, under a firewall rule, have their state on the
# lower-address host only, in both directions -- also when the flow is
# routed between VNets, and when neither end is the owner's sender; switching
# the deployment to "higher" moves new flows' state to the higher host and
# leaves none behind.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

world_init srules
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24 \
    -- vnet-add db 5002 acme 10.2.0.1/24
for i in 1 2 3; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm vm3 h3 02:00:00:00:02:03 10.2.0.13/24 10.2.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h3 port/add vm3 db 02:00:00:00:02:03 10.2.0.13 >/dev/null
# vm2 is firewalled: anything out, and in only TCP and UDP 7000 and ping.
world_nb fw-add web 02:00:00:00:01:02 egress any \
    -- fw-add web 02:00:00:00:01:02 ingress tcp ports=7000 \
    -- fw-add web 02:00:00:00:01:02 ingress udp ports=7000 \
    -- fw-add web 02:00:00:00:01:02 ingress icmp
wait_synced h1 h2 h3

conn_serve vm2 7000
conn_serve vm2 7000 --udp
conn_serve vm1 7001

check_step "lower rule: vm1 (h1) <-> vm2 (h2), state on h1 only"
conn_ok vm1 10.1.0.12 7000 --count 5
conn_ok vm1 10.1.0.12 7000 --udp --count 5
conn_ok vm2 10.1.0.11 7001 --count 5
check_ping vm1 10.1.0.12
check_owners lower 16 h1 h2 h3
check_ge "$(world_ctl h1 dump-conntrack | grep -c 'dport=7000')" 10 "h1 tracks vm1's flows to vm2"
check_eq "$(ct_count h2)" 0 "h2 tracks nothing"
out=$(world_ctl h2 dump-owners)
check_contains "$out" "owner=192.168.100.1 by=rule-pair" "h2 sends vm2's flows to h1"
out=$(world_ctl h1 dump-owners)
check_contains "$out" "owner=192.168.100.1(self) by=rule-pair" "h1 runs them"

check_step "routed: vm3 (h3, VNet db) -> vm2 (h2), state on h2"
conn_ok vm3 10.1.0.12 7000 --count 3
conn_ok vm3 10.1.0.12 7000 --udp --count 3
check_owners lower 22 h1 h2 h3
check_ge "$(world_ctl h2 dump-conntrack | grep -c 'src=10.2.0.13')" 6 "h2 tracks vm3's flows"

check_step "trace names the owner"
out=$(world_ctl h3 trace vm3 "tcp,dl_src=02:00:00:00:02:03,dl_dst=02:76:70:00:13:8a,nw_src=10.2.0.13,nw_dst=10.1.0.12,tp_dst=7000")
check_contains "$out" "owner rule 1" "trace: rule"
check_contains "$out" "to-owner(vni=5002,vtep=192.168.100.2)" "trace: sent to h2"

check_step "higher rule: state moves to the higher host"
world_nb set-deployment owner-rule=higher
wait_synced h1 h2 h3
for h in h1 h2 h3; do
    check_eq "$(ct_count $h)" 0 "$h forgot the old owners' state"
done
conn_ok vm1 10.1.0.12 7000 --count 5
conn_ok vm1 10.1.0.12 7000 --udp --count 5
conn_ok vm3 10.1.0.12 7000 --count 3
check_owners higher 13 h1 h2 h3
check_ge "$(world_ctl h2 dump-conntrack | grep -c 'src=10.1.0.11')" 10 "h2 tracks vm1's flows now"
check_ge "$(world_ctl h3 dump-conntrack | grep -c 'src=10.2.0.13')" 3 "h3 tracks vm3's flows now"
check_eq "$(ct_count h1)" 0 "h1 tracks nothing"

check_step "forged frames for the owner are dropped and counted"
# marked_send NS COUNT VNI FRAME: VXLAN with the owner mark to h1.
marked_send() {
    world_exec "$1" "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
import socket, struct, time
from scapy.all import Ether, IP, TCP
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
frame = bytes($4)
for i in range($2):
    s.sendto(struct.pack('!BxxxI', 8, ($3 << 8) | 1) + frame,
             ('192.168.100.1', 4789))
    time.sleep(0.001)"
}
# expect_drops HOST PORT REASON N COMMAND...: COMMAND adds exactly N.
expect_drops() {
    local h=$1 port=$2 reason=$3 n=$4 before after; shift 4
    before=$(drop_count "$h" "$port" "$reason")
    "$@" >"$WORLD_DIR/cmd.out" 2>&1 || check_fail "$*: $(tail -2 "$WORLD_DIR/cmd.out")"
    sleep 0.3
    after=$(drop_count "$h" "$port" "$reason")
    check_eq "$((after - before))" "$n" "$h $port $reason drops after: $*"
}
syn() {   # syn SRC-MAC DST-MAC SRC-IP DST-IP
    printf "Ether(src='%s', dst='%s')/IP(src='%s', dst='%s')/TCP(sport=4000, dport=7000, flags='S')" "$@"
}
world_exec fabric ip addr add 192.168.100.66/24 dev br0
expect_drops h1 fabric not-peer 10 marked_send fabric 10 5001 \
    "$(syn 02:00:00:00:01:02 02:00:00:00:01:01 10.1.0.12 10.1.0.11)"
expect_drops h1 fabric not-peer 10 marked_send fabric 10 16777215 \
    "$(syn 02:00:00:00:01:02 02:00:00:00:01:01 10.1.0.12 10.1.0.11)"
# h3 is a vplaned, but vm2 is not its VM.
expect_drops h1 fabric vxlan-unknown-vtep 10 marked_send h3 10 5001 \
    "$(syn 02:00:00:00:01:02 02:00:00:00:01:01 10.1.0.12 10.1.0.11)"
# vm3 is h3's, but its flow to vm2 is h3's or h2's to run, not h1's.
expect_drops h1 fabric owner-mismatch 10 marked_send h3 10 5002 \
    "$(syn 02:00:00:00:02:03 02:76:70:00:13:8a 10.2.0.13 10.1.0.12)"
check_eq "$(ct_count h1)" 0 "h1 tracks none of it"
conn_ok vm1 10.1.0.12 7000

check_step "the checker catches state in two places"
# Its own test: a copy of one host's state under another host's name.
world_ctl h2 dump-conntrack --format=json >"$WORLD_DIR/ct-a.json"
if "$PYTHON" "$WORLD_LIB/owner-check.py" --rule higher \
        --vm 10.1.0.11=192.168.100.1 --vm 10.1.0.12=192.168.100.2 \
        --vm 10.2.0.13=192.168.100.3 \
        --dump "192.168.100.2=$WORLD_DIR/ct-a.json" \
        --dump "192.168.100.1=$WORLD_DIR/ct-a.json" >/dev/null; then
    check_fail "the checker passed state held twice"
fi
echo PASS
