#!/bin/bash
# trace tells the truth: the trace of a frame between two VMs on different
# hosts names the flow's owner and output, and then the very same frame,
# sent for real, does exactly that -- the decision each host caches equals
# the traced result, the fabric carries it to the traced host and VNI (with
# the owner mark when it goes to the owner), and it reaches the traced port
# rewritten as traced.
#
# vm3 (h3, VNet db) sends UDP to vm1 (h1, VNet web), which is firewalled:
# the flow is stateful, both VMs are on vplaneds, so owner rule 1 makes the
# lower host address, h1, the owner.  h3 sends the frame to h1 as it is,
# marked; h1 routes it, runs conntrack and outputs it to vm1.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools tcpdump "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init tracereal
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24 \
    -- vnet-add db 5002 acme 10.2.0.1/24
for i in 1 2 3; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm3 h3 02:00:00:00:02:03 10.2.0.13/24 10.2.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h3 port/add vm3 db 02:00:00:00:02:03 10.2.0.13 >/dev/null
world_nb fw-add web 02:00:00:00:01:01 egress any \
    -- fw-add web 02:00:00:00:01:01 ingress udp ports=7000
wait_synced h1 h2 h3

gw_mac() {      # gw_mac VNET: the VNet's gateway MAC, from vnet/dump
    world_ctl h3 vnet/dump | awk -v v="$1" '$1 == v { print $4 }'
}
DB_GW=$(gw_mac db)
WEB_GW=$(gw_mac web)
[ -n "$DB_GW" ] && [ -n "$WEB_GW" ] || check_fail "no gateway MACs in vnet/dump"

# hex_frame EXPRESSION: a scapy frame's bytes in hex.
hex_frame() {
    "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import *
print(bytes($1).hex())"
}
FRAME="Ether(src='02:00:00:00:02:03', dst='$DB_GW')/IP(src='10.2.0.13', dst='10.1.0.11', ttl=64, id=4242)/UDP(sport=5555, dport=7000)/Raw(b'trace-real')"
frame_hex=$(hex_frame "$FRAME")
# What h1 is to receive from h3, if h3 does what its trace says: the frame
# as vm3 sent it, in VXLAN with db's VNI (5002 = 0x138a) and the owner mark
# (vplane/vxlan.h), for the owner to route and run.
vxlan_hex="080000000013"8a01"$frame_hex"
# What vm1 is to receive, if h1 does what its trace says: routed into web
# (web's gateway MAC to vm1's, TTL 63).
routed_hex=$(hex_frame "Ether(src='$WEB_GW', dst='02:00:00:00:01:01')/IP(src='10.2.0.13', dst='10.1.0.11', ttl=63, id=4242)/UDP(sport=5555, dport=7000)/Raw(b'trace-real')")

result() { printf '%s\n' "$1" | sed -n 's/^Result: //p'; }
packet_key() { printf '%s\n' "$1" | sed -n 's/^Packet: in=[^ ]* //p'; }

check_step "trace at h3 (the sender): owner h1 by rule 1, marked VXLAN to h1"
counters_before=$(for h in h1 h3; do world_ctl $h drop-stats; world_ctl $h port/list; done)
t3=$(world_ctl h3 trace vm3 "$frame_hex")
printf '%s\n' "$t3" | sed 's/^/   | /'
check_contains "$t3" "owner rule 1" "h3 trace: owner rule"
check_contains "$t3" "owner: host 192.168.100.1" "h3 trace: the owner is h1"
check_contains "$t3" "Cache: miss" "h3 trace: nothing cached yet"
r3=$(result "$t3")
check_contains "$r3" "to-owner(vni=5002,vtep=192.168.100.1)" "h3 trace: result"

check_step "trace at h1 (the owner) of what h3 sends it: route, conntrack, vm1"
t1=$(world_ctl h1 trace fabric 192.168.100.3 "$vxlan_hex")
printf '%s\n' "$t1" | sed 's/^/   | /'
check_contains "$t1" "marked: sent here to be run by the flow's owner" "h1 trace: marked"
check_contains "$t1" "owner: this host" "h1 trace: h1 owns it"
r1=$(result "$t1")
check_contains "$r1" "output(vm1)" "h1 trace: result"
counters_after=$(for h in h1 h3; do world_ctl $h drop-stats; world_ctl $h port/list; done)
check_eq "$counters_after" "$counters_before" "trace changed no counter"
check_eq "$(world_ctl h3 dump-flows | grep -cF -- "$(packet_key "$t3") ")" 0 \
    "trace cached nothing at h3"

check_step "the same frame, sent for real from vm3"
world_bg fabric tcpdump -l -n -i br0 -w "$WORLD_DIR/fabric.pcap" -U udp port 4789 2>/dev/null
fabric_dump=$WORLD_BG_PID
world_bg vm1 tcpdump -l -n -i eth0 -w "$WORLD_DIR/vm1.pcap" -U udp port 7000 2>/dev/null
vm1_dump=$WORLD_BG_PID
world_wait_for test -s "$WORLD_DIR/fabric.pcap" -a -s "$WORLD_DIR/vm1.pcap" \
    || check_fail "tcpdump did not start"
world_exec vm3 "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import *
sendp(Ether(bytes.fromhex('$frame_hex')), iface='eth0', verbose=False)"
world_wait_for sh -c "tcpdump -n -r '$WORLD_DIR/vm1.pcap' 2>/dev/null | grep -q '10.2.0.13.5555 > 10.1.0.11.7000'" \
    || check_fail "vm1 did not receive the frame"
sleep 0.5
kill "$fabric_dump" "$vm1_dump"
wait "$fabric_dump" "$vm1_dump" 2>/dev/null

check_step "what h3 did is its trace"
key3=$(packet_key "$t3")
flow3=$(world_ctl h3 dump-flows | grep -F -- "$key3 ")
check_contains "$flow3" "packets=1 " "h3 cached the frame's flow"
check_eq "${flow3##*actions=}" "$r3" "h3's cached decision vs its trace"
check_contains "$(world_ctl h3 dump-owners)" "owner=192.168.100.1 by=rule-pair" "h3 sends the flow to h1"
again=$(world_ctl h3 trace vm3 "$frame_hex")
check_contains "$again" "Cache: hit in thread 0 (1 packets so far)" "h3's trace now finds the cached flow"
check_eq "$(result "$again")" "$r3" "h3's trace from the cache"

check_step "what the fabric carried is what h3's trace said"
# One line per datagram; a field holds the outer value, then the inner one.
fabric=$(tshark -n -r "$WORLD_DIR/fabric.pcap" -d udp.port==4789,vxlan -T fields \
         -e ip.src -e ip.dst -e vxlan.vni -e vxlan.reserved8 -e eth.src -e eth.dst -e ip.ttl \
         -Y 'vxlan && udp.dstport == 7000 && !icmp' 2>/dev/null \
         | awk -F'\t' '{ split($1, s, ","); split($2, d, ","); split($5, es, ",");
                        split($6, ed, ","); split($7, t, ",");
                        print s[1], d[1], $3, $4, es[2], ed[2], t[2] }')
echo "   fabric: $fabric"
check_eq "$(printf '%s\n' "$fabric" | grep -c .)" 1 "datagrams on the fabric"
check_eq "$fabric" "192.168.100.3 192.168.100.1 5002 1 02:00:00:00:02:03 $DB_GW 64" \
    "outer addresses, VNI, owner mark; the inner frame as vm3 sent it"

check_step "what h1 did is its trace"
key1=$(packet_key "$t1")
flow1=$(world_ctl h1 dump-flows | grep -F -- "$key1 ")
check_contains "$flow1" "packets=1 " "h1 cached the frame's flow"
check_eq "${flow1##*actions=}" "$r1" "h1's cached decision vs its trace"
check_contains "$(world_ctl h1 dump-conntrack)" "src=10.2.0.13" "h1 tracks the connection"
check_eq "$(world_ctl h3 dump-conntrack | grep -c src=10.2.0.13)" 0 "h3 tracks nothing"

check_step "vm1 received the frame as traced"
# The IP checksum differs (TTL), and the UDP checksum is left to the
# receiving kernel; compare what trace speaks of: the Ethernet header, the
# TTL, the addresses, the ports and the payload.
"$PYTHON" - "$WORLD_DIR/vm1.pcap" "$routed_hex" <<'EOF' || check_fail "vm1's frame is not the traced one"
import logging, sys
logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import rdpcap, UDP
frames = [bytes(p) for p in rdpcap(sys.argv[1]) if UDP in p and p[UDP].dport == 7000]
assert len(frames) == 1, "%d frames to port 7000" % len(frames)
got, want = frames[0], bytes.fromhex(sys.argv[2])
print("   received: " + got.hex())
assert got[:14] == want[:14], "Ethernet header %s, traced %s" % (got[:14].hex(), want[:14].hex())
assert got[22] == want[22] == 63, "TTL %d" % got[22]
assert got[26:38] == want[26:38], "addresses and ports"
assert got[42:] == want[42:], "payload"
EOF
echo PASS
