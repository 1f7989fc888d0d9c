#!/bin/bash
# Two tenants with the same 10.0.0.0/24 subnet on the same two hosts:
# traffic works inside each, and captures show nothing crossing -- not on
# the other tenant's VMs, and on the fabric each tenant's frames carry
# only its own VNI.  Broadcasts and unknown destinations are included,
# since flooding is where isolation would leak.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping tcpdump tshark "$PYTHON"

world_init tnt
world_host h1 192.168.100.1
world_host h2 192.168.100.2
world_host h3 192.168.100.3         # hosts a globex VM only
#                 host MAC               address       gateway
world_vm a1 h1 02:aa:00:00:00:11 10.0.0.11/24 10.0.0.1
world_vm a2 h2 02:aa:00:00:00:12 10.0.0.12/24 10.0.0.1
world_vm g1 h1 02:bb:00:00:00:11 10.0.0.11/24 10.0.0.1
world_vm g2 h2 02:bb:00:00:00:12 10.0.0.12/24 10.0.0.1
world_vm g3 h3 02:bb:00:00:00:13 10.0.0.13/24 10.0.0.1

for h in h1 h2; do
    world_ctl $h vnet/add acme-net 100 acme 10.0.0.1/24
    world_ctl $h vnet/add globex-net 200 globex 10.0.0.1/24
done
world_ctl h1 port/add a1 acme-net 02:aa:00:00:00:11 10.0.0.11
world_ctl h1 port/add g1 globex-net 02:bb:00:00:00:11 10.0.0.11
world_ctl h2 port/add a2 acme-net 02:aa:00:00:00:12 10.0.0.12
world_ctl h2 port/add g2 globex-net 02:bb:00:00:00:12 10.0.0.12
world_ctl h3 vnet/add globex-net 200 globex 10.0.0.1/24
world_ctl h3 port/add g3 globex-net 02:bb:00:00:00:13 10.0.0.13
for h in h1 h2 h3; do
    world_ctl $h xlate/add globex-net 02:bb:00:00:00:13 10.0.0.13 192.168.100.3
done
world_ctl h3 xlate/add globex-net 02:bb:00:00:00:11 10.0.0.11 192.168.100.1
world_ctl h3 xlate/add globex-net 02:bb:00:00:00:12 10.0.0.12 192.168.100.2
for h in h1 h2; do
    world_ctl $h xlate/add acme-net 02:aa:00:00:00:11 10.0.0.11 192.168.100.1
    world_ctl $h xlate/add acme-net 02:aa:00:00:00:12 10.0.0.12 192.168.100.2
    world_ctl $h xlate/add globex-net 02:bb:00:00:00:11 10.0.0.11 192.168.100.1
    world_ctl $h xlate/add globex-net 02:bb:00:00:00:12 10.0.0.12 192.168.100.2
done

check_step "capturing on every VM and on the fabric"
caps=()
for vm in a1 a2 g1 g2; do
    world_bg $vm tcpdump -i eth0 --immediate-mode -U -w "$WORLD_DIR/$vm.pcap" 2>/dev/null
    caps+=("$WORLD_BG_PID")
done
# On h1's bridge port: the bridge itself sees only flooded frames.
world_bg fabric tcpdump -i h1 --immediate-mode -U -w "$WORLD_DIR/fabric.pcap" udp port 4789 2>/dev/null
caps+=("$WORLD_BG_PID")
sleep 1.5

check_step "each tenant's traffic works, with its own payload pattern"
PING_COUNT=10 check_ping a1 10.0.0.12 -p 0a0a0a0a
PING_COUNT=10 check_ping g1 10.0.0.12 -p 0b0b0b0b
PING_COUNT=5 check_ping a2 10.0.0.11 -p 0a0a0a0a
PING_COUNT=5 check_ping g2 10.0.0.11 -p 0b0b0b0b
# Floods: a broadcast ping and traffic to an unknown address, per tenant.
world_exec a1 ping -b -c 3 -i 0.2 -W 1 -p 0a0a0a0a 10.0.0.255 >/dev/null 2>&1
world_exec a1 ping -c 2 -i 0.2 -W 1 -p 0a0a0a0a 10.0.0.99 >/dev/null 2>&1
world_exec g2 ping -b -c 3 -i 0.2 -W 1 -p 0b0b0b0b 10.0.0.255 >/dev/null 2>&1
sleep 1
kill -TERM "${caps[@]}" 2>/dev/null
wait "${caps[@]}" 2>/dev/null

check_step "a host of one tenant cannot send into the other's VNet"
PING_COUNT=3 check_ping g3 10.0.0.11
before=$(drop_count h1 fabric vxlan-unknown-vtep)
world_exec h3 "$PYTHON" -c "
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
arp = bytes.fromhex('ffffffffffff' '02bb00000013' '0806' '0001080006040001'
                    '02bb00000013' '0a00000d' '000000000000' '0a00000b') + bytes(18)
for i in range(5):
    s.sendto(struct.pack('!BxxxI', 8, 100 << 8) + arp, ('192.168.100.1', 4789))"
sleep 0.3
check_eq "$(( $(drop_count h1 fabric vxlan-unknown-vtep) - before ))" 5 \
    "acme-VNI frames from globex's host h3"

check_step "no frame of one tenant on the other's VMs"
macs() {    # every source and destination MAC in a capture
    tshark -r "$1" -T fields -e eth.src -e eth.dst 2>/dev/null | tr '\t,' '\n\n' | sort -u
}
for vm in g1 g2; do
    m=$(macs "$WORLD_DIR/$vm.pcap")
    check_contains "$m" "02:bb:00:00:00" "$vm saw its own tenant"
    check_not_contains "$m" "02:aa:" "$vm capture (acme MACs)"
    n=$(tshark -r "$WORLD_DIR/$vm.pcap" -Y 'data.data contains 0a:0a:0a:0a' 2>/dev/null | wc -l)
    check_eq "$n" 0 "$vm frames with acme's payload"
done
for vm in a1 a2; do
    m=$(macs "$WORLD_DIR/$vm.pcap")
    check_contains "$m" "02:aa:00:00:00" "$vm saw its own tenant"
    check_not_contains "$m" "02:bb:" "$vm capture (globex MACs)"
    n=$(tshark -r "$WORLD_DIR/$vm.pcap" -Y 'data.data contains 0b:0b:0b:0b' 2>/dev/null | wc -l)
    check_eq "$n" 0 "$vm frames with globex's payload"
done

check_step "on the fabric, each tenant's frames carry only its VNI"
tshark -r "$WORLD_DIR/fabric.pcap" -Y vxlan -T fields -e vxlan.vni -e eth.src \
    2>/dev/null >"$WORLD_DIR/fabric.txt"
n_acme=$(awk -F'\t' '$2 ~ /02:aa:/ && $1 == 100' "$WORLD_DIR/fabric.txt" | wc -l)
n_globex=$(awk -F'\t' '$2 ~ /02:bb:/ && $1 == 200' "$WORLD_DIR/fabric.txt" | wc -l)
n_wrong=$(awk -F'\t' '($2 ~ /02:aa:/ && $1 != 100) || ($2 ~ /02:bb:/ && $1 != 200)' \
          "$WORLD_DIR/fabric.txt" | wc -l)
check_ge "$n_acme" 20 "acme frames in VNI 100 on the fabric"
check_ge "$n_globex" 20 "globex frames in VNI 200 on the fabric"
check_eq "$n_wrong" 0 "frames in the other tenant's VNI"
echo PASS
