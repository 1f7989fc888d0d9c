#!/bin/bash
# The distributed gateway routes between two VNets of one tenant, on one
# host and across hosts; TTL is decremented, and when it runs out the
# sender gets ICMP time exceeded from its gateway.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping iperf3 "$PYTHON"

world_init rtg
world_host h1 192.168.100.1
world_host h2 192.168.100.2
world_vm w1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm d1 h1 02:00:00:00:02:01 10.2.0.11/24 10.2.0.1
world_vm d2 h2 02:00:00:00:02:02 10.2.0.12/24 10.2.0.1
# w4 has a 1500-byte MTU: its full-size packets do not fit the fabric.
world_vm w4 h1 02:00:00:00:01:04 10.1.0.14/24 10.1.0.1 1500

cat >"$WORLD_DIR/tables.json" <<'JSON'
{"vnets": [{"name": "web", "vni": 5001, "tenant": "acme",
            "subnets": ["10.1.0.1/24"]},
           {"name": "db", "vni": 5002, "tenant": "acme",
            "subnets": ["10.2.0.1/24"]}],
 "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:01", "ip": "10.1.0.11",
            "vtep": "192.168.100.1"},
           {"vnet": "db", "mac": "02:00:00:00:02:01", "ip": "10.2.0.11",
            "vtep": "192.168.100.1"},
           {"vnet": "db", "mac": "02:00:00:00:02:02", "ip": "10.2.0.12",
            "vtep": "192.168.100.2"}]}
JSON
for h in h1 h2; do
    world_ctl $h load "$WORLD_DIR/tables.json" >/dev/null
done
world_ctl h1 port/add w1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h1 port/add d1 db 02:00:00:00:02:01 10.2.0.11
world_ctl h1 port/add w4 web 02:00:00:00:01:04 10.1.0.14
world_ctl h2 xlate/add web 02:00:00:00:01:04 10.1.0.14 192.168.100.1
# d2 routes for the tenant (static route below): it may send from 10.9/16.
world_ctl h2 port/add d2 db 02:00:00:00:02:02 10.2.0.12 allow=10.9.0.0/16

check_step "routes of the tenant"
routes=$(world_ctl h1 route/dump acme)
check_contains "$routes" "10.2.0.0/24" "route/dump"
check_contains "$routes" "connected" "route/dump"

check_step "routed on one host, TTL decremented"
out=$(world_exec w1 ping -c 3 -i 0.1 10.2.0.11 2>&1) || check_fail "ping w1 -> d1: $out"
check_contains "$out" "ttl=63" "reply TTL from d1 (one hop)"

check_step "routed across hosts, TTL decremented both ways"
out=$(world_exec w1 ping -c 3 -i 0.1 10.2.0.12 2>&1) || check_fail "ping w1 -> d2: $out"
check_contains "$out" "ttl=63" "reply TTL from d2 (one hop)"
out=$(world_exec d2 ping -c 3 -i 0.1 10.1.0.11 2>&1) || check_fail "ping d2 -> w1: $out"
check_contains "$out" "ttl=63" "reply TTL from w1 (one hop)"

check_step "TCP routed across hosts"
bps=$(iperf_tcp w1 10.2.0.12 3 d2)
check_ge "$bps" 1000000 "TCP w1 -> d2 bits/s"
echo "   w1 -> d2: $((bps / 1000000)) Mbit/s"

check_no_csum_errors w1 d2

check_step "path MTU discovery across a routed path"
# The ICMP error must reach w4 (its MAC, not the routed frame's) and quote
# what w4 sent, or w4's kernel ignores it and TCP stalls.
out=$(world_exec w4 ping -c 2 -i 0.2 -W 1 -s 1472 -M do 10.2.0.12 2>&1)
check_contains "$out" "Frag needed and DF set (mtu = 1450)" "routed ICMP frag needed"
bps=$(iperf_tcp w4 10.2.0.12 2 d2)
check_ge "$bps" 1000000 "TCP w4 -> d2 after PMTU discovery (bits/s)"

check_step "TTL 1: ICMP time exceeded from the gateway"
before=$(drop_count h1 w1 ttl-exceeded)
out=$(world_exec w1 ping -c 2 -i 0.2 -t 1 10.2.0.12 2>&1)
check_contains "$out" "From 10.1.0.1 icmp_seq=1 Time to live exceeded" "ping -t 1"
after=$(drop_count h1 w1 ttl-exceeded)
check_eq "$((after - before))" 2 "ttl-exceeded drops on w1"

check_step "no route, unknown destination"
before=$(drop_count h1 w1 no-route)
world_exec w1 ping -c 2 -i 0.2 -W 1 10.7.0.1 >/dev/null 2>&1
check_eq "$(( $(drop_count h1 w1 no-route) - before ))" 2 "no-route drops"
before=$(drop_count h1 w1 dst-ip-unknown)
world_exec w1 ping -c 2 -i 0.2 -W 1 10.2.0.99 >/dev/null 2>&1
check_eq "$(( $(drop_count h1 w1 dst-ip-unknown) - before ))" 2 "dst-ip-unknown drops"

check_step "a static route through a VM"
# d2 routes 10.9.0.0/24 (its own loopback address) for the tenant.
world_exec d2 ip addr add 10.9.0.1/32 dev lo
world_ctl h1 route/add acme 10.9.0.0/24 10.2.0.12
out=$(world_exec w1 ping -c 3 -i 0.1 10.9.0.1 2>&1) || check_fail "ping via static route: $out"
check_contains "$out" "ttl=63" "reply through the static route"
check_contains "$(world_ctl h1 route/dump)" "10.9.0.0/24        10.2.0.12" "route/dump"
world_ctl h1 route/del acme 10.9.0.0/24
before=$(drop_count h1 w1 no-route)
world_exec w1 ping -c 1 -W 1 10.9.0.1 >/dev/null 2>&1
check_eq "$(( $(drop_count h1 w1 no-route) - before ))" 1 "no-route after route/del"
echo PASS
