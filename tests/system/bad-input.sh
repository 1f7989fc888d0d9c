#!/bin/bash
# Bad input is dropped and counted under its reason, and nothing else is
# disturbed: while a ping runs between two other VMs across hosts, a VM
# sends truncated, VLAN-tagged, spoofed and oversized frames, and a host on
# the fabric sends VXLAN with bad flags, unknown VNIs, short headers,
# random bytes, and valid VXLAN from an address that is no host.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init bad
world_host h1 192.168.100.1
world_host h2 192.168.100.2
world_vm a1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm a3 h1 02:00:00:00:01:03 10.1.0.13/24 10.1.0.1
world_vm a2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
# a4 has a 1500-byte MTU: its full-size frames do not fit the fabric.
world_vm a4 h1 02:00:00:00:01:04 10.1.0.14/24 10.1.0.1 1500

for h in h1 h2; do
    world_ctl $h vnet/add web 5001 acme 10.1.0.1/24
    world_ctl $h xlate/add web 02:00:00:00:01:01 10.1.0.11 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:03 10.1.0.13 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:04 10.1.0.14 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2
done
world_ctl h1 port/add a1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h1 port/add a3 web 02:00:00:00:01:03 10.1.0.13
world_ctl h1 port/add a4 web 02:00:00:00:01:04 10.1.0.14
world_ctl h2 port/add a2 web 02:00:00:00:01:02 10.1.0.12
check_ping a3 10.1.0.12

check_step "a ping runs between a3 and a2 throughout"
world_bg a3 ping -q -i 0.02 -c 400 -W 2 10.1.0.12 >"$WORLD_DIR/ping.out" 2>&1
pinger=$WORLD_BG_PID

# expect_drops HOST PORT REASON N COMMAND...: runs COMMAND, then checks that
# PORT's REASON counter grew by exactly N, and that the drop log shows those
# N drops one by one (port, reason, the frame's first bytes), in text and
# in JSON alike.
expect_drops() {
    local h=$1 port=$2 reason=$3 n=$4 before after logged; shift 4
    before=$(drop_count "$h" "$port" "$reason")
    world_ctl "$h" drop-log/clear
    "$@" >"$WORLD_DIR/cmd.out" 2>&1 || true
    sleep 0.3
    after=$(drop_count "$h" "$port" "$reason")
    check_eq "$((after - before))" "$n" "$h $port $reason drops after: $*"
    world_ctl "$h" drop-log "$reason" >"$WORLD_DIR/drop-log.txt"
    logged=$(awk -v p="$port" -v r="$reason" '$3 == p && $5 == r' "$WORLD_DIR/drop-log.txt" | wc -l)
    check_eq "$logged" "$n" "$h drop-log lines for $port $reason"
    if [ "$port" != fabric ]; then      # VM ports here are all in web
        check_eq "$(awk -v p="$port" -v r="$reason" '$3 == p && $5 == r { print $4 }' \
                    "$WORLD_DIR/drop-log.txt" | sort -u)" web "drop-log VNet for $port $reason"
    fi
    grep -qE '^    [0-9a-f]{2}( [0-9a-f]{2})*$' "$WORLD_DIR/drop-log.txt" \
        || check_fail "drop-log shows no frame bytes: $(head -5 "$WORLD_DIR/drop-log.txt")"
    check_drop_log_json "$h" "$port" - "$reason" "$n"
    echo "   $port $reason +$n (logged)"
}

scapy_send() {      # scapy_send VM EXPRESSION: sendp() frames from VM's eth0
    world_exec "$1" "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import *
sendp($2, iface='eth0', verbose=False)"
}
A1="src='02:00:00:00:01:01', dst='02:00:00:00:01:02'"

check_step "from a VM"
expect_drops h1 a1 malformed 5 scapy_send a1 \
    "[Ether($A1, type=0x0800)/Raw(b'\x45\x00\x00\x54\x00')]*5"
expect_drops h1 a1 malformed 3 scapy_send a1 \
    "[Ether($A1)/IP(src='10.1.0.11', dst='10.1.0.12', len=900)/UDP()]*3"
expect_drops h1 a1 malformed 2 scapy_send a1 \
    "[Ether($A1, type=0x0806)/Raw(b'\x00\x01\x08\x00\x06')]*2"
expect_drops h1 a1 vlan-tagged 4 scapy_send a1 \
    "[Ether($A1)/Dot1Q(vlan=7)/IP(src='10.1.0.11', dst='10.1.0.12')/ICMP()]*4"
expect_drops h1 a1 src-mac-spoof 3 scapy_send a1 \
    "[Ether(src='02:00:00:00:01:99', dst='02:00:00:00:01:02')/IP(src='10.1.0.11', dst='10.1.0.12')/ICMP()]*3"
expect_drops h1 a1 src-ip-spoof 3 scapy_send a1 \
    "[Ether($A1)/IP(src='10.1.0.99', dst='10.1.0.12')/ICMP()]*3"

check_step "oversized for the fabric: dropped, DF answered with ICMP"
expect_drops h1 a4 too-big 3 world_exec a4 ping -c 3 -i 0.1 -W 1 -s 1472 -M dont 10.1.0.12
# With DF the first is answered, and a4's kernel then knows the path MTU
# and refuses the second itself.
expect_drops h1 a4 too-big 1 world_exec a4 ping -c 2 -i 0.1 -W 1 -s 1472 -M do 10.1.0.12
check_contains "$(cat "$WORLD_DIR/cmd.out")" "Frag needed and DF set (mtu = 1450)" \
    "ICMP fragmentation needed"
out=$(world_exec a4 ping -c 3 -i 0.1 -s 1422 -M do 10.1.0.12 2>&1) \
    || check_fail "a full 1450-byte packet must fit: $out"

check_step "from the fabric"
vxlan_send() {      # vxlan_send NS COUNT EXPRESSION: UDP datagrams to h1:4789
    world_exec "$1" "$PYTHON" -c "
import os, random, socket, struct, time
random.seed(7)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
# A well-formed inner frame: an ARP request from a2 for a1.
frame = (bytes.fromhex('ffffffffffff' '020000000102' '0806' '0001080006040001'
                       '020000000102' '0a01000c' '000000000000' '0a01000b')
         + bytes(18))
def vx(flags, vni): return struct.pack('!BxxxI', flags, vni << 8)
for i in range($2):
    s.sendto($3, ('192.168.100.1', 4789))
    time.sleep(0.0005)"
}
expect_drops h1 fabric vxlan-bad-flags 20 vxlan_send h2 20 "vx(0x00, 5001) + frame"
expect_drops h1 fabric vxlan-unknown-vni 20 vxlan_send h2 20 "vx(0x08, 999) + frame"
expect_drops h1 fabric vxlan-short 20 vxlan_send h2 20 "vx(0x08, 5001)[:5]"
expect_drops h1 fabric vxlan-short 10 vxlan_send h2 10 "vx(0x08, 5001) + frame[:10]"
# A stranger on the fabric, with a valid VNI and frame.
world_exec fabric ip addr add 192.168.100.66/24 dev br0
expect_drops h1 fabric vxlan-unknown-vtep 10 vxlan_send fabric 10 "vx(0x08, 5001) + frame"

check_step "random datagrams: every one counted as a drop"
rx_before=$(port_field h1 fabric RX_PKTS)
drops_before=$(drop_total h1 fabric)
vxlan_send h2 500 "os.urandom(random.randrange(0, 300))"
sleep 0.5
rx=$(( $(port_field h1 fabric RX_PKTS) - rx_before ))
drops=$(( $(drop_total h1 fabric) - drops_before ))
# The ping's replies from a2 arrive on the fabric meanwhile, hence >=.
check_ge "$rx" 500 "fabric datagrams received"
check_eq "$drops" 500 "fabric drops for 500 random datagrams"

check_step "the ping between a3 and a2 lost nothing"
wait "$pinger"
out=$(cat "$WORLD_DIR/ping.out")
check_contains "$out" "400 packets transmitted, 400 received" "ping during bad input"
# Trains fill the fabric socket's queue on purpose, which drops whatever
# else arrives meanwhile (counted as rx-queue-full): after the ping.
check_step "UDP GRO trains: 40 x 128 datagrams queued while vplaned is paused"
# A train reaches the socket whole; a receive returns up to 32 of them.
drops_before=$(drop_count h1 fabric vxlan-unknown-vni)
kill -STOP "$(cat "$WORLD_DIR/h1.pid")"
world_exec h2 "$PYTHON" -c "
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
seg = struct.pack('!BxxxI', 8, 999 << 8) + bytes(22)
for i in range(40):
    s.sendmsg([seg * 128], [(socket.SOL_UDP, 103, struct.pack('H', len(seg)))],
              0, ('192.168.100.1', 4789))"
sleep 0.2
kill -CONT "$(cat "$WORLD_DIR/h1.pid")"
sleep 0.5
world_ctl h1 show >/dev/null || check_fail "vplaned h1 died on GRO trains"
check_eq "$(( $(drop_count h1 fabric vxlan-unknown-vni) - drops_before ))" 5120 \
    "datagrams of the trains counted"

check_step "drop-stats: JSON holds the text's rows"
rows_text=$(world_ctl h1 drop-stats | awk 'NR > 1 { print $1, $2, $3 }')
rows_json=$(world_ctl h1 drop-stats --format=json | "$PYTHON" -c '
import json, sys
for d in json.load(sys.stdin)["drops"]:
    print(d["port"], d["reason"], d["packets"])')
check_eq "$rows_json" "$rows_text" "drop-stats rows, JSON vs text"
check_ge "$(echo "$rows_text" | wc -l)" 8 "drop-stats rows compared"

world_ctl h1 show >/dev/null || check_fail "vplaned h1 stopped answering"
lines=$(wc -l <"$WORLD_DIR/h1.log")
[ "$lines" -lt 200 ] || check_fail "h1 logged $lines lines: drops must be rate limited"
echo PASS
