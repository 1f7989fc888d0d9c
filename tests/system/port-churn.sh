#!/bin/bash
# Ports come and go while traffic flows between other VMs, which must not
# notice: no ping lost, TCP undisturbed.  A port configured before its
# interface exists waits for it; an interface that goes away and comes
# back (a VM restarted with the same tap name) is reattached.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping iperf3 "$PYTHON"

world_init chn
world_host h1 192.168.100.1
world_host h2 192.168.100.2
world_vm a1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm a2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
for h in h1 h2; do
    world_ctl $h vnet/add web 5001 acme 10.1.0.1/24
    world_ctl $h xlate/add web 02:00:00:00:01:01 10.1.0.11 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2
done
world_ctl h1 port/add a1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h2 port/add a2 web 02:00:00:00:01:02 10.1.0.12
check_ping a1 10.1.0.12

state_of() { world_ctl "$1" port/list | awk -v p="$2" '$1 == p { print $5 }'; }

check_step "a port configured before its interface exists"
world_ctl h1 port/add late web 02:00:00:00:01:07 10.1.0.17
check_eq "$(state_of h1 late)" missing "state of a port without interface"
check_contains "$(world_ctl h1 port/list)" "no such interface" "port/list says why"
world_vm late h1 02:00:00:00:01:07 10.1.0.17/24 10.1.0.1
world_wait_for sh -c "[ \"\$(\"$VPLANE_CTL\" -t $WORLD_DIR/h1.ctl port/list | awk '\$1 == \"late\" { print \$5 }')\" = up ]"
check_eq "$(state_of h1 late)" up "state once the interface appears"
check_ping late 10.1.0.11

check_step "the interface goes away and comes back"
ip netns del "$(world_ns late)"     # deletes the veth pair with it
world_wait_for sh -c "[ \"\$(\"$VPLANE_CTL\" -t $WORLD_DIR/h1.ctl port/list | awk '\$1 == \"late\" { print \$5 }')\" = missing ]"
check_eq "$(state_of h1 late)" missing "state after the interface went away"
world_vm late h1 02:00:00:00:01:07 10.1.0.17/24 10.1.0.1
world_wait_for sh -c "[ \"\$(\"$VPLANE_CTL\" -t $WORLD_DIR/h1.ctl port/list | awk '\$1 == \"late\" { print \$5 }')\" = up ]"
check_ping late 10.1.0.11
world_ctl h1 port/del late

check_step "the same port name again, at once: attached, counters from zero"
world_ctl h1 port/add late web 02:00:00:00:01:07 10.1.0.17
check_ping late 10.1.0.11
world_ctl h1 port/del late
world_ctl h1 port/add late web 02:00:00:00:01:07 10.1.0.17
world_wait_for sh -c "[ \"\$(\"$VPLANE_CTL\" -t $WORLD_DIR/h1.ctl port/list | awk '\$1 == \"late\" { print \$5 }')\" = up ]"
check_ge 10 "$(port_field h1 late RX_PKTS)" "RX_PKTS of the re-added port (fresh counters)"
PING_COUNT=3 check_ping late 10.1.0.11
world_ctl h1 port/del late

check_step "ports churn on both hosts while a1 and a2 talk"
world_bg a1 ping -q -i 0.01 -c 1000 -W 2 10.1.0.12 >"$WORLD_DIR/ping.out" 2>&1
pinger=$WORLD_BG_PID
world_exec a2 iperf3 -s -1 -D --logfile "$WORLD_DIR/iperf-a2.log"
sleep 0.3
world_bg a1 iperf3 -c 10.1.0.12 -t 8 -J >"$WORLD_DIR/iperf.json" 2>&1
iperf=$WORLD_BG_PID
for i in $(seq 1 12); do
    for h in h1 h2; do
        vm=c$h$i
        mac=$(printf '02:cc:00:00:%02x:%02x' "${h#h}" "$i")
        ip=10.1.0.$((100 + i + ${h#h} * 20))
        world_vm $vm $h "$mac" "$ip/24" 10.1.0.1
        world_ctl $h port/add $vm web "$mac" "$ip" || check_fail "port/add $vm"
    done
    sleep 0.2
    for h in h1 h2; do
        world_ctl $h port/del c$h$i || check_fail "port/del c$h$i"
        ip netns del "$(world_ns c$h$i)"
    done
done
wait "$pinger"
wait "$iperf" || check_fail "iperf3 during churn: $(tail -c 300 "$WORLD_DIR/iperf.json")"
out=$(cat "$WORLD_DIR/ping.out")
check_contains "$out" "1000 packets transmitted, 1000 received" "ping during port churn"
bps=$("$PYTHON" -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"]))' "$WORLD_DIR/iperf.json")
check_ge "$bps" 100000000 "TCP during port churn (bits/s)"
retr=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["end"]["sum_sent"].get("retransmits", 0))' "$WORLD_DIR/iperf.json")
echo "   TCP a1 -> a2 during churn: $((bps / 1000000)) Mbit/s, $retr retransmits"
check_eq "$(world_ctl h1 port/list | awk 'NR > 1 { n++ } END { print n }')" 2 "ports left on h1 (fabric, a1)"
echo PASS
