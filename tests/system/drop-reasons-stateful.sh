#!/bin/bash
# Every stateful drop reason (include/vplane/drop-reasons.h: the firewall,
# conntrack, owners, NAT and the WAN), one block each: trace the very
# frame about to be sent and check that it predicts the drop (trace
# changes no counter and no connection), send it, and check that
# drop-stats counted exactly what was sent and drop-log shows each drop
# with its reason and port.  tests/system/drop-reasons.sh covers the
# stateless reasons, and checks that the two tests cover them all (it reads
# the `expect_drops HOST PORT REASON` lines and NOT_PROVOKED here).
#
# World: controller; h1 (a1 firewalled: out anything, in tcp 80; b1, d1),
# h2 (c2), gw1 (uplink to the WAN router), gw2 (an uplink nothing answers
# on), and h3, whose owner-message port is taken before its vplaned starts
# (last step).  Tenant acme: snat 192.0.2.10, floating IP 192.0.2.11 for d1,
# and 192.0.2.13 for a VM that does not exist.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"

# Reasons this test provokes but trace cannot predict, and why.
TRACE_CANNOT_PREDICT=(
    "owner-timeout:the helper's answer has not come yet when trace runs; trace shows the query and the packet held"
    "owner-queue-full:depends on how many packets of the flow arrive while its query is out; trace shows the query and the packet held"
)
# Reasons of this test's list that it cannot provoke.
NOT_PROVOKED=()

check_require_root
check_require_tools nft "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init sdrops
world_controller || check_fail "controller did not start"
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0) \
    -- host-add gw2 192.168.100.22 $(wan_uplink_args 1)
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24
# 192.0.2.13's VM does not exist: no host owns its flows.
world_nb nat-add acme snat 192.0.2.10 -- nat-add acme floating-ip 192.0.2.11 10.1.0.31 \
    -- nat-add acme floating-ip 192.0.2.13 10.1.0.99
for h in h1:1 h2:2 gw1:21; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
# gw2's uplink leads to an interface of its own namespace with no
# address: nothing answers its ARP, and it never learns the router's MAC.
WORLD_NO_VPLANED=1 world_host gw2 192.168.100.22
world_exec gw2 ip link add wan0 type veth peer name nowhere
world_exec gw2 ip link set nowhere up
world_exec gw2 ip link set wan0 up
world_start_vplaned gw2 192.168.100.22 --controller="$WORLD_CTRL"
wan_router gw1
vm() {  # vm NAME HOST MAC IP
    world_vm "$1" "$2" "$3" "$4/24" 10.1.0.1
    world_ctl "$2" port/add "$1" web "$3" "$4" >/dev/null
}
vm a1 h1 02:00:00:00:01:01 10.1.0.11
vm b1 h1 02:00:00:00:01:21 10.1.0.21
vm d1 h1 02:00:00:00:01:31 10.1.0.31
vm c2 h2 02:00:00:00:01:12 10.1.0.12
world_nb fw-add web 02:00:00:00:01:01 egress any \
    -- fw-add web 02:00:00:00:01:01 ingress tcp ports=80
wait_synced h1 h2 gw1 gw2
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"

GW1_MAC=$(world_exec gw1 cat /sys/class/net/wan0/address)
ROUTER_MAC=$(world_exec router cat /sys/class/net/wan0/address)

# frame SCAPY-EXPRESSION: the frame in hex.  For VXLAN payloads, vxlan()
# puts the 8-byte header (VNI, owner mark) before an inner frame.
frame() {
    "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import Ether, IP, TCP, UDP, ICMP, Raw
def vxlan(vni, inner, mark=0):
    return bytes([8, 0, 0, 0]) + vni.to_bytes(3, 'big') + bytes([mark]) + bytes(inner)
print(bytes($1).hex())"
}
# send_frame NS IFACE HEX N: N copies of the frame out of IFACE.
send_frame() {
    world_exec "$1" "$PYTHON" -c "
import socket, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(('$2', 0))
for _ in range($4): s.send(bytes.fromhex('$3'))"
}
# send_vxlan NS SRC DST HEX N: N copies of the VXLAN payload from SRC.
send_vxlan() {
    world_exec "$1" "$PYTHON" -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('$2', 0))
for _ in range($5): s.sendto(bytes.fromhex('$4'), ('$3', 4789))"
}

# state HOST: what a trace must not change.
state() {
    world_ctl "$1" drop-stats
    world_ctl "$1" dump-conntrack
    world_ctl "$1" drop-log | head -1
}

# check_trace HOST EXPECT TRACE-ARGS...: traces, checks that the output
# says EXPECT and that the trace changed no counter and no connection.
check_trace() {
    local h=$1 expect=$2 before out; shift 2
    before=$(state "$h")
    out=$(world_ctl "$h" trace "$@") || check_fail "trace $*: $out"
    check_eq "$(state "$h")" "$before" "$h: drop-stats and conntrack after a trace"
    check_contains "$out" "$expect" "trace on $h"
    printf '%s\n' "$out" >"$WORLD_DIR/trace.txt"
    # The lines that predict (or, for what trace cannot, explain).
    grep -E '^  (conntrack|resolve|NAT at commit): |^Per packet: (an SNAT|the WAN)|^Result: drop|^  drop: ' \
        "$WORLD_DIR/trace.txt" | sed 's/^ */   trace| /'
}

# check_logged HOST PORT REASON N: the drop log shows N drops of PORT for
# REASON (cleared before the drops), in text and in JSON.
check_logged() {
    local h=$1 port=$2 reason=$3 n=$4 logged
    world_ctl "$h" drop-log "$reason" >"$WORLD_DIR/drop-log.txt"
    logged=$(awk -v p="$port" -v r="$reason" '$3 == p && $5 == r' "$WORLD_DIR/drop-log.txt" | wc -l)
    check_eq "$logged" "$n" "$h drop-log lines for $port $reason"
    check_drop_log_json "$h" "$port" - "$reason" "$n"
}

# expect_drops HOST PORT REASON N COMMAND...: runs COMMAND (after a
# predicting check_trace), then checks that PORT's REASON counter on HOST
# grew by exactly N (">=N": at least N, where timing decides) and that the
# drop log shows each of those drops.
expect_drops() {
    local h=$1 port=$2 reason=$3 n=$4 before delta; shift 4
    local min=${n#>=}
    before=$(drop_count "$h" "$port" "$reason")
    world_ctl "$h" drop-log/clear
    "$@" || check_fail "sending: $*"
    grown() { [ $(( $(drop_count "$h" "$port" "$reason") - before )) -ge "$min" ]; }
    world_wait_for grown || true
    sleep 0.3   # anything beyond N would show now
    delta=$(( $(drop_count "$h" "$port" "$reason") - before ))
    if [ "$n" = "$min" ]; then
        check_eq "$delta" "$n" "$h $port $reason drops"
    else
        check_ge "$delta" "$min" "$h $port $reason drops"
    fi
    check_logged "$h" "$port" "$reason" "$delta"
    echo "   $h $port $reason +$delta (logged)"
}

check_step "firewall: a new connection no rule allows"
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11')/TCP(sport=40000, dport=22, flags='S')")
check_trace h1 "conntrack: zone" b1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "no connection: a new connection, which no firewall rule allows: drop(firewall)" "trace's conntrack line"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "Result: drop(firewall)" "trace's result"
expect_drops h1 b1 firewall 3 send_frame b1 eth0 "$F" 3

check_step "conntrack: a reply of a connection passes where a new one would not"
# a1 pings b1 (a1 may send anything): b1's answer is in the connection's
# reply direction, though no rule lets ICMP in to a1.
send_frame a1 eth0 "$(frame "Ether(src='02:00:00:00:01:01', dst='02:00:00:00:01:21')/IP(src='10.1.0.11', dst='10.1.0.21')/ICMP(type=8, id=0x1234, seq=1)")" 1
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' dump-conntrack | grep -q 'id=4660,type=0'" \
    || check_fail "no ICMP connection: $(world_ctl h1 dump-conntrack)"
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11')/ICMP(type=0, id=0x1234, seq=1)")
check_trace h1 "(reply direction): passes" b1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "firewall: no ingress rule" "the rules alone would refuse it"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "Result: ct(zone=" "trace's result"

check_step "ct-invalid: what cannot open a connection, with none there"
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11')/ICMP(type=0, id=0x4321, seq=1)")
check_trace h1 "Result: drop(ct-invalid)" b1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "no connection: an ICMP reply, which cannot open a connection: drop(ct-invalid)" "trace's conntrack line"
expect_drops h1 b1 ct-invalid 3 send_frame b1 eth0 "$F" 3
# A SYN+ACK to the port a1's rule opens: allowed, yet invalid.
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11')/TCP(sport=40001, dport=80, flags='SA')")
check_trace h1 "a TCP SYN+ACK, which cannot open a connection: drop(ct-invalid)" b1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "Result: drop(ct-invalid)" "trace's result"
expect_drops h1 b1 ct-invalid 2 send_frame b1 eth0 "$F" 2
# What conntrack refuses before it looks for a connection: port 0, and a
# wrong IPv4 header checksum (a switched frame: no router checks it).
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11')/TCP(sport=0, dport=80, flags='S')")
check_trace h1 "port 0, which conntrack refuses: drop(ct-invalid)" b1 "$F"
expect_drops h1 b1 ct-invalid 1 send_frame b1 eth0 "$F" 1
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:00:00:00:01:01')/IP(src='10.1.0.21', dst='10.1.0.11', chksum=0x1234)/TCP(sport=40003, dport=80, flags='S')")
check_trace h1 "its IPv4 header checksum is wrong: drop(ct-invalid)" b1 "$F"
expect_drops h1 b1 ct-invalid 1 send_frame b1 eth0 "$F" 1

check_step "owner-mismatch: a frame marked for the owner, at a host that is not"
# a1 -> c2 is h1's flow (both on vplaneds, the lower): h1 sends it to h2
# marked as if h2 owned it.
F=$(frame "vxlan(5001, Ether(src='02:00:00:00:01:01', dst='02:00:00:00:01:12')/IP(src='10.1.0.11', dst='10.1.0.12')/TCP(sport=40002, dport=80, flags='S'), mark=1)")
check_trace h2 "Result: drop(owner-mismatch)" fabric 192.168.100.1 "$F"
expect_drops h2 fabric owner-mismatch 3 send_vxlan h1 192.168.100.1 192.168.100.2 "$F" 3
# c2's echo to its gateway, marked for h1: the gateway's answer is for c2's
# own host to give (h1 has no port to answer it from; it once crashed).
F=$(frame "vxlan(5001, Ether(src='02:00:00:00:01:12', dst='02:76:70:00:13:89')/IP(src='10.1.0.12', dst='10.1.0.1')/ICMP(type=8, id=7, seq=1), mark=1)")
check_trace h1 "Result: drop(owner-mismatch)" fabric 192.168.100.2 "$F"
expect_drops h1 fabric owner-mismatch 3 send_vxlan h2 192.168.100.2 192.168.100.1 "$F" 3
world_ctl h1 show >/dev/null || check_fail "h1's vplaned is gone"

check_step "no-gateway: a frame for the WAN at a host with no uplink"
F=$(frame "vxlan(16777215, Ether(src='02:76:70:00:13:89', dst='02:76:70:ff:ff:01')/IP(src='192.0.2.10', dst='$WAN_SRV')/UDP(sport=4100, dport=9))")
check_trace h2 "Result: drop(no-gateway)" fabric 192.168.100.1 "$F"
expect_drops h2 fabric no-gateway 2 send_vxlan h1 192.168.100.1 192.168.100.2 "$F" 2

check_step "wan-no-arp: a frame for the WAN at a gateway that does not know its router"
check_trace gw2 "Result: drop(wan-no-arp)" fabric 192.168.100.1 "$F"
expect_drops gw2 fabric wan-no-arp 2 send_vxlan h1 192.168.100.1 192.168.100.22 "$F" 2

check_step "too-big at the uplink: a WAN-bound frame larger than the uplink's MTU"
# The fabric carries it; gw1's uplink, its MTU lowered, cannot.
world_exec gw1 ip link set wan0 mtu 1000
mtu_seen() { [ "$(port_field gw1 wan0 MTU)" = 1000 ]; }
world_wait_for mtu_seen || check_fail "gw1 does not see wan0's MTU: $(world_ctl gw1 port/list)"
F=$(frame "vxlan(16777215, Ether(src='02:76:70:00:13:89', dst='02:76:70:ff:ff:01')/IP(src='192.0.2.10', dst='$WAN_SRV')/UDP(sport=4100, dport=9)/Raw(b'x' * 1200))")
check_trace gw1 "Result: drop(too-big)" fabric 192.168.100.1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "the uplink takes IP packets of up to 1000 bytes" "trace: the uplink's size"
expect_drops gw1 fabric too-big 2 send_vxlan h1 192.168.100.1 192.168.100.21 "$F" 2
world_exec gw1 ip link set wan0 mtu 1500
mtu_back() { [ "$(port_field gw1 wan0 MTU)" = 1500 ]; }
world_wait_for mtu_back || check_fail "gw1's wan0 MTU did not come back"

check_step "not-peer: WAN-VNI traffic from an address that is no vplaned"
ip netns add "$(world_ns rogue)"
ip link add fab0 netns "$(world_ns rogue)" type veth peer name rogue netns "$(world_ns fabric)"
world_exec fabric ip link set rogue master br0 up
world_exec rogue ip addr add 192.168.100.99/24 dev fab0
world_exec rogue ip link set fab0 up
check_trace gw1 "Result: drop(not-peer)" fabric 192.168.100.99 "$F"
expect_drops gw1 fabric not-peer 2 send_vxlan rogue 192.168.100.99 192.168.100.21 "$F" 2

check_step "no-nat: from the WAN to a public address no NAT rule has"
F=$(frame "Ether(src='$ROUTER_MAC', dst='$GW1_MAC')/IP(src='$WAN_SRV', dst='192.0.2.99', ttl=63)/TCP(sport=40003, dport=80, flags='S')")
check_trace gw1 "Result: drop(no-nat)" wan0 "$F"
expect_drops gw1 wan0 no-nat 2 send_frame router wan0 "$F" 2

# wan_port PUBLIC HELPER: a TCP port of PUBLIC whose query subset's helper
# is HELPER (from gw1's trace).
wan_port() {
    local p
    for p in $(seq 7100 7600); do
        if world_ctl gw1 trace wan0 "dl_dst=$GW1_MAC,tcp,nw_src=$WAN_SRV,nw_dst=$1,tp_src=40000,tp_dst=$p" \
                | grep -q "subset [0-9]* (helper $2)"; then
            echo "$p"
            return 0
        fi
    done
    check_fail "no port of $1 whose helper is $2"
}

check_step "no-nat (conntrack): from the WAN to an SNAT address, at its helper, no connection"
# gw1 helps the subset and holds no record of the port: it runs the packet
# itself, and conntrack finds no connection for the reply to belong to.
port=$(wan_port 192.0.2.10 192.168.100.21)
F=$(frame "Ether(src='$ROUTER_MAC', dst='$GW1_MAC')/IP(src='$WAN_SRV', dst='192.0.2.10', ttl=63)/TCP(sport=80, dport=$port, flags='S')")
check_trace gw1 "no connection: a new connection, and replies only come in here: drop(no-nat)" wan0 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "Result: drop(no-nat)" "trace's result"
expect_drops gw1 wan0 no-nat 2 send_frame router wan0 "$F" 2

check_step "owner-unknown: a floating IP no host owns, at its helper"
port=$(wan_port 192.0.2.13 192.168.100.21)
F=$(frame "Ether(src='$ROUTER_MAC', dst='$GW1_MAC')/IP(src='$WAN_SRV', dst='192.0.2.13', ttl=63)/TCP(sport=40005, dport=$port, flags='S')")
check_trace gw1 "Result: drop(owner-unknown)" wan0 "$F"
expect_drops gw1 wan0 owner-unknown 2 send_frame router wan0 "$F" 2

check_step "owner-timeout, owner-queue-full: a helper that does not answer (query mode)"
world_nb set-deployment query-mode=query
wait_synced h1 h2 gw1 gw2
port=$(wan_port 192.0.2.11 192.168.100.2)
world_exec h2 nft -f - <<'NFT'
table ip sdrops {
    chain in {
        type filter hook input priority 0;
        udp dport 4788 drop
    }
}
NFT
wan_syn() {     # wan_syn SPORT: a SYN from the WAN to 192.0.2.11:$port
    frame "Ether(src='$ROUTER_MAC', dst='$GW1_MAC')/IP(src='$WAN_SRV', dst='192.0.2.11', ttl=63)/TCP(sport=$1, dport=$port, flags='S')"
}
# One packet: held while the query is out (sent three times, 200 ms
# apart), then dropped.
F=$(wan_syn 40004)
check_trace gw1 "resolve: query mode: hold it, ask the helper 192.168.100.2" wan0 "$F"
expect_drops gw1 resolver owner-timeout 1 send_frame router wan0 "$F" 1
# 20 packets of another flow at once: 16 are held while its query is out,
# the others find the hold full.  How many come before the query gives
# up is timing (">= 1"); the held ones then time out as above.
F=$(wan_syn 40006)
check_trace gw1 "resolve: query mode: hold it, ask the helper 192.168.100.2" wan0 "$F"
to_before=$(drop_count gw1 resolver owner-timeout)
expect_drops gw1 wan0 owner-queue-full ">=1" send_frame router wan0 "$F" 20
qf=$(awk -v p=wan0 -v r=owner-queue-full '$3 == p && $5 == r' "$WORLD_DIR/drop-log.txt" | wc -l)
all_dropped() { [ $(( $(drop_count gw1 resolver owner-timeout) - to_before + qf )) -ge 20 ]; }
world_wait_for all_dropped || check_fail "of 20 packets, $qf refused and $(( $(drop_count gw1 resolver owner-timeout) - to_before )) timed out"
world_exec h2 nft delete table ip sdrops
world_nb set-deployment query-mode=forward
wait_synced h1 h2 gw1 gw2

check_step "nat-exhausted: two VMs of one host ping one server with one identifier"
# ICMP echo identifiers are not translated: a1's ping takes the reply
# tuple (server -> 192.0.2.10, id 0x7777) that b1's would need.
send_frame a1 eth0 "$(frame "Ether(src='02:00:00:00:01:01', dst='02:76:70:00:13:89')/IP(src='10.1.0.11', dst='$WAN_SRV')/ICMP(type=8, id=0x7777, seq=1)")" 1
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' dump-conntrack | grep -q 'dst=192.0.2.10,id=30583'" \
    || check_fail "a1's ping is not tracked: $(world_ctl h1 dump-conntrack)"
F=$(frame "Ether(src='02:00:00:00:01:21', dst='02:76:70:00:13:89')/IP(src='10.1.0.21', dst='$WAN_SRV')/ICMP(type=8, id=0x7777, seq=1)")
check_trace h1 "a connection holds that reply tuple already: drop(nat-exhausted)" b1 "$F"
check_contains "$(cat "$WORLD_DIR/trace.txt")" "Result: drop(nat-exhausted)" "trace's result"
expect_drops h1 b1 nat-exhausted 3 send_frame b1 eth0 "$F" 3

check_step "no-resolver: a host whose owner-message port was taken"
WORLD_NO_VPLANED=1 world_host h3 192.168.100.3
world_bg h3 "$PYTHON" -c "
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('192.168.100.3', 4788))
time.sleep(3600)"
sleep 0.3
world_start_vplaned h3 192.168.100.3 --controller="$WORLD_CTRL"
vm v3 h3 02:00:00:00:01:13 10.1.0.13
wait_synced h3
check_contains "$(cat "$WORLD_DIR/h3.log")" "cannot open the owner-message socket" "h3's log"
F=$(frame "Ether(src='02:00:00:00:01:13', dst='02:76:70:00:13:89')/IP(src='10.1.0.13', dst='$WAN_SRV')/UDP(sport=4200, dport=9)")
check_trace h3 "Result: drop(no-resolver)" v3 "$F"
expect_drops h3 v3 no-resolver 3 send_frame v3 eth0 "$F" 3

check_step "every reason of this test, provoked"
echo "   trace cannot predict: ${TRACE_CANNOT_PREDICT[*]%%:*}; not provoked: ${NOT_PROVOKED[*]:-none}"
