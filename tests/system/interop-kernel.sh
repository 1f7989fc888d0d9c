#!/bin/bash
# Interoperability with the Linux kernel's own VXLAN: host h2 is a plain
# bridge with a vxlan device (no vPlane), a VM behind it talks to a VM
# behind vplaned on h1 in the same VNI.  A capture on the fabric, decoded
# by tshark, shows standard VXLAN with the right VNI both ways.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping iperf3 tcpdump tshark ethtool bridge "$PYTHON"

world_init kvx
world_host h1 192.168.100.1
WORLD_NO_VPLANED=1 world_host h2 192.168.100.2
world_vm a1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm k2 h2 02:00:00:00:01:02 10.1.0.12/24

check_step "h1: vplaned with the kernel host's VM in its translation table"
world_ctl h1 vnet/add web 5001 acme 10.1.0.1/24
world_ctl h1 port/add a1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h1 xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2

# On h1's bridge port: the bridge itself sees only flooded frames.

check_step "h2: kernel bridge + vxlan device, VNI 5001"
world_exec h2 ip link add vx0 type vxlan id 5001 dstport 4789 \
    local 192.168.100.2 nolearning
world_exec h2 ip link add br0 type bridge
world_exec h2 ip link set vx0 master br0 up
world_exec h2 ip link set k2 master br0 up
world_exec h2 ip link set br0 up
# Broadcasts to h1 (head-end replication, as vplaned does), a1's MAC at h1.
world_exec h2 bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.100.1
world_exec h2 bridge fdb add 02:00:00:00:01:01 dev vx0 dst 192.168.100.1
# veth would carry the kernel's partially computed checksums across
# namespaces; a real NIC completes them before the wire, and so does this.
world_exec h2 ethtool -K fab0 tx off >/dev/null

world_bg fabric tcpdump -i h1 --immediate-mode -U -w "$WORLD_DIR/fabric.pcap" udp port 4789 2>/dev/null
cap=$WORLD_BG_PID
sleep 1.5

check_step "ping both ways (ARP from the kernel side is flooded to h1)"
check_ping k2 10.1.0.11
check_ping a1 10.1.0.12
kill -TERM "$cap"; wait "$cap" 2>/dev/null

check_step "TCP both ways"
bps=$(iperf_tcp a1 10.1.0.12 3 k2)
check_ge "$bps" 1000000 "TCP vplaned -> kernel bits/s"
echo "   a1 -> k2: $((bps / 1000000)) Mbit/s"
bps=$(iperf_tcp k2 10.1.0.11 3 a1)
check_ge "$bps" 1000000 "TCP kernel -> vplaned bits/s"
echo "   k2 -> a1: $((bps / 1000000)) Mbit/s"

check_step "the fabric capture decodes as VXLAN, VNI 5001, both directions"
tshark -r "$WORLD_DIR/fabric.pcap" -Y 'vxlan && icmp' \
    -T fields -e ip.src -e vxlan.vni -e icmp.type 2>/dev/null >"$WORLD_DIR/fabric.txt"
# ip.src lists the outer then the inner source address.
from_vplane=$(awk -F'\t' '$1 ~ /^192.168.100.1,10.1.0.11/ && $2 == 5001' "$WORLD_DIR/fabric.txt" | wc -l)
from_kernel=$(awk -F'\t' '$1 ~ /^192.168.100.2,10.1.0.12/ && $2 == 5001' "$WORLD_DIR/fabric.txt" | wc -l)
other_vni=$(awk -F'\t' '$2 != 5001' "$WORLD_DIR/fabric.txt" | wc -l)
check_ge "$from_vplane" 10 "ICMP in VXLAN from vplaned"
check_ge "$from_kernel" 10 "ICMP in VXLAN from the kernel"
check_eq "$other_vni" 0 "VXLAN with another VNI"
check_eq "$(drop_total h1 fabric)" 0 "drops of kernel VXLAN on h1"
echo PASS
