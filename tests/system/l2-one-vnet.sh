#!/bin/bash
# VMs of one VNet on one host and on two hosts reach each other: ping
# (IPv4, and IPv6 link-local after neighbour discovery flooded over the
# fabric) and iperf3 TCP, with the data counted on the ports and the
# fabric.  One host gets its tables from a JSON file, the other from single
# commands.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping iperf3 "$PYTHON"

world_init l2v
WORLD_VM_IPV6=1         # the VMs' own IPv6, and its chatter, are switched too
world_host h1 192.168.100.1
world_host h2 192.168.100.2
world_vm a1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm a3 h1 02:00:00:00:01:03 10.1.0.13/24 10.1.0.1
world_vm a2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1

# h2 first: once h1 has its tables, its VMs' broadcasts flood to h2, which
# must know them by then, or it counts vxlan-unknown-vtep drops the last
# step says must not happen.
check_step "h2: tables from commands"
world_ctl h2 vnet/add web 5001 acme 10.1.0.1/24
world_ctl h2 port/add a2 web 02:00:00:00:01:02 10.1.0.12
world_ctl h2 xlate/add web 02:00:00:00:01:01 10.1.0.11 192.168.100.1
world_ctl h2 xlate/add web 02:00:00:00:01:03 10.1.0.13 192.168.100.1

check_step "h1: tables from a JSON file"
cat >"$WORLD_DIR/h1.json" <<'JSON'
{"vnets": [{"name": "web", "vni": 5001, "tenant": "acme",
            "subnets": ["10.1.0.1/24"]}],
 "ports": [{"name": "a1", "vnet": "web", "mac": "02:00:00:00:01:01",
            "ips": ["10.1.0.11"]},
           {"name": "a3", "vnet": "web", "mac": "02:00:00:00:01:03",
            "ips": ["10.1.0.13"]}],
 "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:02", "ip": "10.1.0.12",
            "vtep": "192.168.100.2"}]}
JSON
out=$(world_ctl h1 load "$WORLD_DIR/h1.json") || check_fail "load: $out"
check_contains "$out" "loaded 1 VNets, 2 ports, 1 translation entries" "load summary"

check_step "ping on one host and across hosts"
check_ping a1 10.1.0.13
check_ping a1 10.1.0.12
check_ping a2 10.1.0.13
check_ping a2 10.1.0.1          # the distributed gateway answers

check_step "IPv6 link-local ping across hosts"
# a1 finds a2's MAC by a neighbour solicitation to a multicast group, which
# h1 floods over the fabric; the echoes are switched by MAC like IPv4.
ll6() {
    world_exec "$1" ip -6 -o addr show dev eth0 scope link | awk '{ print $4 }' | cut -d/ -f1
}
for vm in a1 a2; do       # until duplicate address detection is done
    world_wait_for sh -c "ip -n $(world_ns $vm) -6 addr show dev eth0 scope link | grep -q inet6 \
        && ! ip -n $(world_ns $vm) -6 addr show dev eth0 tentative | grep -q inet6" \
        || check_fail "$vm has no usable link-local address"
done
a2_ll=$(ll6 a2)
world_exec a1 ping -6 -q -c 3 -i 0.2 -W 2 "$a2_ll%eth0" >/dev/null \
    || check_fail "ping -6 a1 -> a2 ($a2_ll)"

check_step "iperf3 TCP on one host"
bps=$(iperf_tcp a1 10.1.0.13 3 a3)
check_ge "$bps" 1000000 "TCP a1 -> a3 bits/s"
echo "   a1 -> a3: $((bps / 1000000)) Mbit/s"

check_step "iperf3 TCP across hosts"
fab_tx=$(port_field h1 fabric TX_BYTES)
bps=$(iperf_tcp a1 10.1.0.12 3 a2)
check_ge "$bps" 1000000 "TCP a1 -> a2 bits/s"
echo "   a1 -> a2: $((bps / 1000000)) Mbit/s"
sent=$("$PYTHON" -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["end"]["sum_received"]["bytes"]))' "$WORLD_DIR/iperf.json")
fab_tx2=$(port_field h1 fabric TX_BYTES)
check_ge "$((fab_tx2 - fab_tx))" "$sent" "h1 fabric tx bytes during the transfer"
a2_tx=$(port_field h2 a2 TX_BYTES)
check_ge "$a2_tx" "$sent" "h2 bytes delivered to a2"

check_no_csum_errors a1 a2 a3

check_step "UDP segmentation offload from a VM: every datagram arrives whole"
# a1 sends 20 superframes of 3 datagrams each (1200 bytes of payload per
# datagram) to a2 across hosts and to a3 on its host; the receivers count
# datagrams and check their sizes.
udp_sink() {
    world_bg "$1" "$PYTHON" -c "
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('0.0.0.0', 7777)); s.settimeout(3)
n = bad = 0
try:
    while True:
        d = s.recv(65536); n += 1; bad += len(d) != 1200
except socket.timeout:
    pass
open('$WORLD_DIR/uso-$1', 'w').write('%d %d' % (n, bad))"
}
udp_sink a2; sink2=$WORLD_BG_PID
udp_sink a3; sink3=$WORLD_BG_PID
sleep 0.5
world_exec a1 "$PYTHON" -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_UDP, 103, 1200)     # UDP_SEGMENT
for dst in ('10.1.0.12', '10.1.0.13'):
    for i in range(20):
        s.sendto(bytes(3600), (dst, 7777))"
wait "$sink2" "$sink3"
check_eq "$(cat "$WORLD_DIR/uso-a2")" "60 0" "datagrams at a2 (received, wrong size)"
check_eq "$(cat "$WORLD_DIR/uso-a3")" "60 0" "datagrams at a3 (received, wrong size)"
check_no_csum_errors a2 a3

check_step "flows are cached with counters"
flows=$(world_ctl h1 dump-flows)
check_contains "$flows" "actions=vxlan(vni=5001,vtep=192.168.100.2)" "dump-flows"
check_contains "$flows" "actions=output(a3)" "dump-flows"
show=$(world_ctl h1 show)
check_contains "$show" "fast path" "show"
fast=$(echo "$show" | sed -n 's/.*packets: \([0-9]*\) fast path.*/\1/p')
check_ge "$fast" 1000 "fast-path packets"

check_step "no unexpected drops"
for h in h1 h2; do
    for reason in malformed tx-error too-big gso-unsupported src-mac-spoof \
                  src-ip-spoof vxlan-unknown-vtep fabric-dst-unknown; do
        n=$(world_ctl $h drop-stats | awk -v r=$reason '$2 == r { s += $3 } END { print s + 0 }')
        check_eq "$n" 0 "$h drops for $reason"
    done
done
echo PASS
