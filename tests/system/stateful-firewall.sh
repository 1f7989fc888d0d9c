#!/bin/bash
# The stateful firewall (docs/stateful-flows.md): a VM with no ingress rule
# is unreachable from other VMs, on its host or another, yet its own
# connections get their replies; an ingress rule opens exactly its port
# (and remote prefix) and can mark DSCP; deleting it closes the port again.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping tcpdump "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init sfw
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
world_host h1 192.168.100.1 --controller="$WORLD_CTRL"
world_host h2 192.168.100.2 --controller="$WORLD_CTRL"
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm vm3 h1 02:00:00:00:01:03 10.1.0.13/24 10.1.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h1 port/add vm3 web 02:00:00:00:01:03 10.1.0.13 >/dev/null
# vm1: out anything, in nothing.
world_nb fw-add web 02:00:00:00:01:01 egress any
wait_synced h1 h2

conn_serve vm1 7000
conn_serve vm1 7000 --udp
conn_serve vm1 7002
conn_serve vm2 7001
conn_serve vm3 7001

check_step "nobody reaches vm1"
before=$(drop_count h1 fabric firewall)
conn_refused vm2 10.1.0.11 7000
conn_refused vm2 10.1.0.11 7000 --udp
conn_refused vm3 10.1.0.11 7000
if world_exec vm2 ping -q -c 2 -i 0.2 -W 1 10.1.0.11 >/dev/null 2>&1; then
    check_fail "vm2 pinged vm1"
fi
check_ge "$(drop_count h1 fabric firewall)" $((before + 3)) "h1 counts firewall drops from the fabric"
check_ge "$(drop_count h1 vm3 firewall)" 1 "h1 counts firewall drops from vm3"

check_step "not through a broadcast frame either"
before=$(drop_count h2 vm2 firewall)
world_exec vm2 "$PYTHON" -c "
import logging; logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import Ether, IP, ICMP, sendp
sendp(Ether(src='02:00:00:00:01:02', dst='ff:ff:ff:ff:ff:ff')
      / IP(src='10.1.0.12', dst='10.1.0.11') / ICMP(), iface='eth0',
      count=3, verbose=False)"
sleep 0.3
check_eq "$(( $(drop_count h2 vm2 firewall) - before ))" 3 "broadcast frames to vm1's address dropped by vm2's host"

check_step "vm1's own connections get their replies"
conn_ok vm1 10.1.0.12 7001 --count 5
conn_ok vm1 10.1.0.13 7001 --count 5
check_ping vm1 10.1.0.12
check_owners lower 11 h1 h2

check_step "an ingress rule opens exactly its port, with its DSCP"
world_nb fw-add web 02:00:00:00:01:01 ingress tcp ports=7000 dscp=46
wait_synced h1 h2
world_bg vm1 timeout 20 tcpdump -l -c 1 -nvi eth0 'tcp dst port 7000' >"$WORLD_DIR/dscp.txt" 2>/dev/null
dump_pid=$WORLD_BG_PID
sleep 1
conn_ok vm2 10.1.0.11 7000 --count 5
conn_ok vm3 10.1.0.11 7000 --count 5
wait "$dump_pid" || true
check_contains "$(cat "$WORLD_DIR/dscp.txt")" "tos 0xb8" "DSCP 46 marked by the owner"
conn_refused vm2 10.1.0.11 7002
conn_refused vm2 10.1.0.11 7000 --udp
if world_exec vm2 ping -q -c 2 -i 0.2 -W 1 10.1.0.11 >/dev/null 2>&1; then
    check_fail "vm2 pinged vm1 with only a TCP rule"
fi

check_step "a remote prefix admits only its sources"
world_nb fw-add web 02:00:00:00:01:01 ingress udp ports=7000 remote=10.1.0.13/32
wait_synced h1 h2
conn_ok vm3 10.1.0.11 7000 --udp
conn_refused vm2 10.1.0.11 7000 --udp
check_owners lower 20 h1 h2

check_step "deleting the rule closes the port to new connections"
world_nb fw-del web 02:00:00:00:01:01 ingress tcp ports=7000
wait_synced h1 h2
conn_refused vm2 10.1.0.11 7000
conn_ok vm1 10.1.0.12 7001
echo PASS
