#!/bin/bash
# The five worked cases of docs/troubleshooting.md, for real: each case
# builds its fault in one world (two VM hosts and a gateway under a
# controller, a WAN router and a server behind it), shows the symptom, runs
# the commands an operator would, checks that their output diagnoses the
# fault, applies the fix and shows the traffic passing again.
#
# With TROUBLESHOOTING_TRANSCRIPT=FILE, every diagnostic command and its
# exact output is written to FILE (replacing it), case by case: the doc
# quotes it.
#
#   1. a VM cannot reach a VM on another host (its port names the wrong
#      interface: tx-error on the VM's host);
#   2. an asymmetric reply dropped by the firewall (a UDP server that
#      answers from another port: no connection has that reply);
#   3. WAN traffic to a floating IP lost (no NAT rule: no-nat);
#   4. the controller unreachable (forwarding goes on; a new VM waits);
#   5. an MTU black hole (a VM MTU the fabric cannot carry: too-big).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools ping tcpdump nft "$PYTHON"

TRANSCRIPT=${TROUBLESHOOTING_TRANSCRIPT:-}

# transcript LINE...: appends to the transcript, if there is one.
transcript() {
    [ -n "$TRANSCRIPT" ] || return 0
    printf '%s\n' "$@" >>"$TRANSCRIPT"
}

# shell_words ARG...: the arguments as an operator would type them (quoted
# when they hold anything a shell would split or expand).
shell_words() {
    local a s=""
    for a in "$@"; do
        case $a in
            *[!A-Za-z0-9_./:=,@%+-]*|"") a="\"$a\"" ;;
        esac
        s+="${s:+ }$a"
    done
    printf '%s' "$s"
}

# diag WHERE COMMAND...: runs an operator's command; its output is in $out
# and its exit status in $rc.  WHERE is a host, "ctrl" (the controller's
# machine: vplane-ctl talks to vplane-ctrl or the database there), or a VM
# or the WAN server.  "vplane-ctl ..." goes to WHERE's daemon; any other
# COMMAND runs in WHERE's namespace (DIAG_SHOWN, if set, is how the
# transcript shows it).  It runs in $WORLD_DIR, so that files are named as
# an operator would name them.
diag() {
    local where=$1 shown; shift
    rc=0
    if [ "$1" = vplane-ctl ]; then
        shift
        shown="vplane-ctl $(shell_words "$@")"
        case $where:$1 in
            ctrl:*/*) out=$(cd "$WORLD_DIR" && world_ctrl "$@" 2>&1) || rc=$? ;;
            ctrl:*) out=$(cd "$WORLD_DIR" && world_nb "$@" 2>&1) || rc=$? ;;
            *) out=$(cd "$WORLD_DIR" && world_ctl "$where" "$@" 2>&1) || rc=$? ;;
        esac
    else
        shown=${DIAG_SHOWN:-$(shell_words "$@")}
        out=$(cd "$WORLD_DIR" && world_exec "$where" "$@" 2>&1) || rc=$?
    fi
    shown_output "$where" "$shown" "$out" "$rc"
}

# shown_output WHERE COMMAND OUTPUT RC: a command and its output, in the log
# and the transcript.
shown_output() {
    printf '%s$ %s\n' "$1" "$2"
    transcript "$1\$ $2"
    if [ -n "$3" ]; then
        printf '%s\n' "$3"
        transcript "$3"
    fi
    [ "$4" = 0 ] || { echo "[exit $4]"; transcript "[exit $4]"; }
    transcript ""
}

# case_start N TITLE: a case's heading, in the log and the transcript.
case_start() {
    check_step "case $1: $2"
    transcript "=== case $1: $2" ""
}

# pings FROM DEST [PING-ARGS...]: a short ping that may fail, shown.
pings() {
    local from=$1 dest=$2; shift 2
    diag "$from" ping -c 3 -i 0.2 -W 1 "$@" "$dest"
}

if [ -n "$TRANSCRIPT" ]; then
    printf '# tests/system/troubleshooting.sh, %s\n\n' "$(date -u +%Y-%m-%d)" >"$TRANSCRIPT"
fi

MAC1=02:00:00:00:01:01
MAC2=02:00:00:00:01:02
MAC3=02:00:00:00:01:03

world_init trouble
world_controller || check_fail "controller did not start"
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0)
world_nb tenant-add acme external-access=true \
    -- vnet-add web 5001 acme 10.1.0.1/24
world_nb nat-add acme snat 192.0.2.10
for h in h1:1 h2:2 gw1:21; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL" \
        --stats-interval=1
done
wan_router gw1
world_vm vm1 h1 $MAC1 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 $MAC2 10.1.0.12/24 10.1.0.1
world_ctl h1 port/add vm1 web $MAC1 10.1.0.11 vm=vm1 >/dev/null

###########################################################################
case_start 1 "a VM cannot reach a VM on another host"
# The fault: vm2's port is reported under the wrong interface name (the
# VM's tap is "vm2", not "tap-vm2").  The controller binds it all the same,
# so h1 knows where vm2 is; h2 has the port but no interface to send to.
world_ctl h2 port/add tap-vm2 web $MAC2 10.1.0.12 vm=vm2 >/dev/null
wait_synced h1 h2 gw1

pings vm1 10.1.0.12
check_contains "$out" "100% packet loss" "vm1 cannot reach vm2"

diag h1 vplane-ctl trace vm1 "icmp,dl_dst=$MAC2,nw_src=10.1.0.11,nw_dst=10.1.0.12,icmp_type=8"
check_contains "$out" "is at host 192.168.100.2" "h1 knows vm2's host"
check_contains "$out" "Result: vxlan(vni=5001,vtep=192.168.100.2)" "h1 sends to h2"
diag h1 vplane-ctl xlate/dump 10.1.0.12
check_contains "$out" "192.168.100.2" "h1's translation entry for vm2"
diag h2 vplane-ctl drop-stats
check_ge "$(drop_count h2 tap-vm2 tx-error)" 3 "h2 counts tx-error on tap-vm2"
diag h2 vplane-ctl drop-log tx-error
check_contains "$out" "10.1.0.11 > 10.1.0.12" "h2's drop log holds vm1's ping"
diag h2 vplane-ctl trace fabric 5001 192.168.100.1 \
    "icmp,dl_src=$MAC1,dl_dst=$MAC2,nw_src=10.1.0.11,nw_dst=10.1.0.12,icmp_type=8"
check_contains "$out" "local port tap-vm2" "h2 delivers to tap-vm2"
check_contains "$out" "Result: drop(tx-error)" "h2's trace"
diag h2 vplane-ctl dump-flows 10.1.0.12
check_contains "$out" "output(tap-vm2)" "h2's cached decision"
diag h2 vplane-ctl port/list tap-vm2
check_contains "$out" "missing" "tap-vm2's state"
check_contains "$out" "no such interface" "why tap-vm2 is not up"
# The fabric does carry vm1's pings to h2 (3 VXLAN frames).
cap="vplane-ctl capture fabric --vni 5001 --count 3 -w fabric.pcap"
(cd "$WORLD_DIR" && world_ctl h2 capture fabric --vni 5001 --count 3 \
    -w fabric.pcap >capture.out 2>&1) &
cap_pid=$!
world_wait_for grep -q capturing "$WORLD_DIR/capture.out" \
    || check_fail "the capture did not start: $(cat "$WORLD_DIR/capture.out")"
world_exec vm1 ping -q -c 5 -i 0.2 -W 1 10.1.0.12 >/dev/null 2>&1
wait "$cap_pid" || check_fail "capture: $(cat "$WORLD_DIR/capture.out")"
shown_output h2 "$cap" "$(cat "$WORLD_DIR/capture.out")" 0
check_contains "$(cat "$WORLD_DIR/capture.out")" "3 of 3 frames" "the capture"
diag h2 tcpdump -nr fabric.pcap
check_contains "$out" "vni 5001" "the capture holds VXLAN of VNI 5001"
check_contains "$out" "10.1.0.11 > 10.1.0.12: ICMP echo request" "the capture holds vm1's ping"

# The fix: report the port under the VM's real interface.
diag h2 vplane-ctl port/del tap-vm2
diag h2 vplane-ctl port/add vm2 web $MAC2 10.1.0.12 vm=vm2
wait_synced h1 h2 gw1
diag h2 vplane-ctl port/list vm2
check_contains "$out" " up " "vm2 is up"
pings vm1 10.1.0.12
check_contains "$out" " 0% packet loss" "vm1 reaches vm2"

###########################################################################
case_start 2 "an asymmetric reply dropped by the firewall"
# The fault: vm2 may open anything and accept nothing new; its UDP server
# on vm1 answers from port 7001 a request made to port 7000 (as TFTP
# does), so the answer belongs to no connection vm2 opened.
world_nb fw-add web $MAC2 egress any
wait_synced h1 h2 gw1
# udp-server.py in vm1 answers port 7000 from port 7001; udp-ask.py in vm2
# sends one request from port 40000 and prints the answer.
cat >"$WORLD_DIR/udp-server.py" <<'PY'
import socket
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(("", 7000))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(("", 7001))
while True:
    data, peer = a.recvfrom(2048)
    b.sendto(b"re: " + data, peer)
PY
cat >"$WORLD_DIR/udp-ask.py" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("", int(sys.argv[3])))
s.settimeout(2)
s.sendto(b"hello", (sys.argv[1], int(sys.argv[2])))
try:
    data, peer = s.recvfrom(2048)
    print("answer from %s:%d: %s" % (peer[0], peer[1], data.decode()))
except socket.timeout:
    print("no answer")
    sys.exit(1)
PY
world_bg vm1 "$PYTHON" "$WORLD_DIR/udp-server.py"
sleep 0.3
udp_ask() {
    DIAG_SHOWN="python3 udp-ask.py 10.1.0.11 7000 40000" \
        diag vm2 "$PYTHON" "$WORLD_DIR/udp-ask.py" 10.1.0.11 7000 40000
}
udp_ask
check_eq "$rc" 1 "vm2 gets no answer"

diag h1 vplane-ctl drop-stats vm1
check_ge "$(drop_count h1 vm1 firewall)" 1 "h1 counts the answer as firewall"
diag h1 vplane-ctl drop-log firewall
check_contains "$out" "10.1.0.11" "h1's drop log holds the answer"
check_contains "$out" "7001" "the answer's source port"
diag h1 vplane-ctl dump-conntrack 10.1.0.12
check_contains "$out" "dport=7000" "h1 tracks vm2's request to port 7000"
check_not_contains "$out" "7001" "no connection with port 7001"
diag h1 vplane-ctl trace vm1 "udp,dl_dst=$MAC2,nw_src=10.1.0.11,nw_dst=10.1.0.12,udp_src=7001,udp_dst=40000"
check_contains "$out" "owner rule 1" "the owner rule"
check_contains "$out" "firewall: no ingress rule of port $MAC2 allows it" "the firewall's verdict"
check_contains "$out" "new connections refused (replies only)" "replies only"
diag ctrl vplane-ctl service-list
check_contains "$out" "firewall web $MAC2 egress any" "vm2's rules"

# The fix: let the server's answers in.
diag ctrl vplane-ctl fw-add web $MAC2 ingress udp remote=10.1.0.11/32
wait_synced h1 h2 gw1
udp_ask
check_eq "$rc" 0 "vm2 gets its answer"
check_contains "$out" "answer from 10.1.0.11:7001" "the answer"

###########################################################################
case_start 3 "WAN traffic to a floating IP lost"
# The fault: vm1's floating IP 192.0.2.11 was never added (the tenant has
# only its SNAT address).
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"
pings srv 192.0.2.11
check_contains "$out" "100% packet loss" "the WAN cannot reach 192.0.2.11"

diag gw1 vplane-ctl show
check_contains "$out" "uplink: wan0 address 198.51.100.2/30 router 198.51.100.1 at " "gw1's uplink knows its router"
diag gw1 vplane-ctl drop-stats wan0
check_ge "$(drop_count gw1 wan0 no-nat)" 3 "gw1 counts no-nat on wan0"
diag gw1 vplane-ctl drop-log no-nat
check_contains "$out" "203.0.113.10 > 192.0.2.11" "gw1's drop log holds the ping"
wan_mac=$(world_exec gw1 cat /sys/class/net/wan0/address)
diag gw1 vplane-ctl trace wan0 "dl_dst=$wan_mac,icmp,nw_src=203.0.113.10,nw_dst=192.0.2.11,icmp_type=8"
check_contains "$out" "no NAT rule for 192.0.2.11" "gw1's trace"
check_contains "$out" "Result: drop(no-nat)" "gw1's trace"
diag ctrl vplane-ctl service-list acme
check_not_contains "$out" "floating-ip" "no floating IP"

# The fix: the floating IP.
diag ctrl vplane-ctl nat-add acme floating-ip 192.0.2.11 10.1.0.11
wait_synced h1 h2 gw1
diag gw1 vplane-ctl trace wan0 "dl_dst=$wan_mac,icmp,nw_src=203.0.113.10,nw_dst=192.0.2.11,icmp_type=8"
check_contains "$out" "from the WAN: NAT rule" "gw1's trace finds the rule"
pings srv 192.0.2.11
check_contains "$out" " 0% packet loss" "the WAN reaches 192.0.2.11"
diag gw1 vplane-ctl dump-owners 192.0.2.11
check_contains "$out" "subset" "gw1 finds the owner by the query subset"
diag h1 vplane-ctl dump-conntrack icmp
check_contains "$out" "203.0.113.10" "h1 tracks the WAN's ping"

###########################################################################
case_start 4 "the controller is unreachable"
# The fault: vplane-ctrl is down; meanwhile a VM, vm3, starts on h2.
world_stop_ctrl
rm -f "$WORLD_DIR/ctrl.pid"
# vm3's port is reported once h2 knows its session is gone.
world_wait_for sh -c "! '$VPLANE_CTL' -t '$WORLD_DIR/h2.ctl' controller/show | grep -q ': in sync\$'" \
    || check_fail "h2 still in sync without its controller"
world_vm vm3 h2 $MAC3 10.1.0.13/24 10.1.0.1
diag h2 vplane-ctl port/add vm3 web $MAC3 10.1.0.13 vm=vm3
pings vm1 10.1.0.13
check_contains "$out" "100% packet loss" "vm1 cannot reach vm3"

diag h2 vplane-ctl controller/show
check_not_contains "$out" ": in sync" "h2 is not in sync"
check_contains "$out" "vm3" "h2 lists vm3"
check_contains "$(grep vm3 <<<"$out")" "to report" "vm3 waits to be reported"
diag h1 vplane-ctl xlate/dump 10.1.0.13
check_not_contains "$out" "10.1.0.13" "h1 has no entry for vm3"
diag h1 vplane-ctl show
check_contains "$out" "controller tcp:$WORLD_CTRL_IP:6653:" "show's controller line"
check_not_contains "$(grep 'controller tcp' <<<"$out")" "in sync" "h1 is not in sync"
pings vm2 10.1.0.11
check_contains "$out" " 0% packet loss" "forwarding goes on with the tables the hosts have"

# The fix: start vplane-ctrl again (here: it was stopped).
world_start_ctrl || check_fail "controller did not restart"
diag ctrl vplane-ctl ctrl/lagging
wait_synced h1 h2 gw1
diag ctrl vplane-ctl ctrl/lagging
check_eq "$out" "every host has the desired state" "nothing lags"
diag h2 vplane-ctl controller/show
check_contains "$out" ": in sync" "h2 is in sync"
check_contains "$(grep vm3 <<<"$out")" "configured" "vm3 configured"
pings vm1 10.1.0.13
check_contains "$out" " 0% packet loss" "vm1 reaches vm3"
# The hosts report their counters again (every second here).
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/ctrl.ctl' ctrl/stats h2 | grep -q '^h2 .* web '"
diag ctrl vplane-ctl ctrl/stats
check_contains "$(grep '^h2 ' <<<"$out")" "web" "h2 reports web's counters"

###########################################################################
case_start 5 "an MTU black hole"
# The fault: vm1's interface is given MTU 1500, but the fabric's 1500
# leaves 1450 for a VM's packet after VXLAN's 50 bytes.
world_exec vm1 ip link set eth0 mtu 1500
world_exec h1 ip link set vm1 mtu 1500
pings vm1 10.1.0.13 -s 1200
check_contains "$out" " 0% packet loss" "small pings pass"
pings vm1 10.1.0.13 -s 1472 -M dont
check_contains "$out" "100% packet loss" "large pings without DF vanish"

diag h1 vplane-ctl port/list vm1
check_contains "$out" " 1500 " "vm1's MTU"
diag h1 vplane-ctl drop-stats vm1
check_ge "$(drop_count h1 vm1 too-big)" 3 "h1 counts too-big"
diag h1 vplane-ctl drop-log too-big
check_contains "$out" "10.1.0.11 > 10.1.0.13" "h1's drop log holds the large ping"
check_contains "$out" "1514" "a 1514-byte frame"
frame=$("$PYTHON" -c '
import sys
eth = bytes.fromhex("020000000103020000000101 0800".replace(" ", ""))
n = 1500
ip = bytearray(20)
ip[0] = 0x45; ip[2:4] = n.to_bytes(2, "big"); ip[6] = 0x40; ip[8] = 64; ip[9] = 1
ip[12:16] = bytes([10, 1, 0, 11]); ip[16:20] = bytes([10, 1, 0, 13])
s = sum(int.from_bytes(ip[i:i + 2], "big") for i in range(0, 20, 2))
s = (s & 0xffff) + (s >> 16); s = (s & 0xffff) + (s >> 16)
ip[10:12] = (~s & 0xffff).to_bytes(2, "big")
icmp = bytearray(n - 20); icmp[0] = 8
s = sum(int.from_bytes(icmp[i:i + 2], "big") for i in range(0, len(icmp), 2))
s = (s & 0xffff) + (s >> 16); s = (s & 0xffff) + (s >> 16)
icmp[2:4] = (~s & 0xffff).to_bytes(2, "big")
print((eth + bytes(ip) + bytes(icmp)).hex())')
diag h1 vplane-ctl trace vm1 "$frame"
check_contains "$out" "Per packet: a 1514-byte frame; the fabric takes IP packets of up to 1450 bytes" "trace's size check"
check_contains "$out" "Result: drop(too-big)" "trace's result"
# With DF, the VM hears why: ICMP fragmentation needed, from its gateway.
world_bg vm1 timeout 20 tcpdump -l -c 1 -nni eth0 icmp and src 10.1.0.1 \
    >"$WORLD_DIR/frag.txt" 2>"$WORLD_DIR/frag.err"
dump_pid=$WORLD_BG_PID
world_wait_for grep -q "listening on" "$WORLD_DIR/frag.err" \
    || check_fail "tcpdump in vm1 did not start: $(cat "$WORLD_DIR/frag.err")"
pings vm1 10.1.0.13 -s 1472 -M "do"
check_not_contains "$out" " 0% packet loss" "large pings with DF fail"
check_contains "$out" "mtu = 1450" "ping hears the path's MTU"
wait "$dump_pid" || true
frag=$(cat "$WORLD_DIR/frag.txt")
printf 'vm1$ tcpdump -l -c 1 -nni eth0 icmp and src 10.1.0.1\n%s\n' "$frag"
transcript "vm1\$ tcpdump -l -c 1 -nni eth0 icmp and src 10.1.0.1" "$frag" ""
check_contains "$frag" "need to frag (mtu 1450)" "vm1 receives ICMP fragmentation needed"

# The fix: the VM's MTU the fabric can carry.
diag vm1 ip link set eth0 mtu 1450
world_exec h1 ip link set vm1 mtu 1450
pings vm1 10.1.0.13 -s 1472 -M dont
check_contains "$out" " 0% packet loss" "vm1 fragments large pings itself"
pings vm1 10.1.0.13 -s 1422 -M "do"
check_contains "$out" " 0% packet loss" "the largest DF ping that fits"
echo PASS
