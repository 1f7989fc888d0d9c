#!/bin/bash
# Every stateless drop reason, made to happen: for each, the very frame (or
# VXLAN payload) about to be sent is traced first and the trace must say
# `Result: drop(REASON)` without changing any counter; then it is sent for
# real, and drop-stats must count exactly the frames sent under that reason
# and port, and drop-log must show each of them.  The stateful reasons are
# tests/system/drop-reasons-stateful.sh's; the last step checks that the two
# tests together cover every reason of include/vplane/drop-reasons.h.
#
# Marker for that check: a provoked reason is the first argument of
# `expect_drop_traced` or `expect_drop` at the start of a line (or the third
# of `expect_drops HOST PORT REASON`, bad-input.sh's form); a reason no test
# can provoke is a "REASON:why" entry of a NOT_PROVOKED=( ... ) array.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"

# Reasons whose drop trace cannot predict, by their nature.
TRACE_CANNOT_PREDICT=(
    "gso-unsupported:decided by the offload metadata (virtio-net header) the frame arrives with, which a traced frame does not have"
    "rx-queue-full:the kernel drops the frame before vplaned reads it, when vplaned falls behind; nothing about the frame decides it"
)
# Reasons whose drops drop-log cannot show (docs/ctl.md, Drops): counted only.
DROP_LOG_CANNOT_SHOW=(
    "rx-queue-full:the kernel dropped the frame; vplaned never saw it"
)
# Reasons of this test no test can provoke.
NOT_PROVOKED=(
    "snat-no-block:tests/system/stateful-snat-scale.sh provokes it: it needs an exhausted pool of SNAT blocks, which takes dozens of hosts in the database"
)

check_require_root
check_require_tools "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init drops
# A small receive queue on h1's VM ports, so that it overflows quickly
# while vplaned is paused (rx-queue-full).
world_host h1 192.168.100.1 --port-rxbuf=65536
world_host h2 192.168.100.2
world_vm a1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm a3 h1 02:00:00:00:01:03 10.1.0.13/24 10.1.0.1
# a4 has a 1500-byte MTU: its full-size frames do not fit the fabric.
world_vm a4 h1 02:00:00:00:01:04 10.1.0.14/24 10.1.0.1 1500
world_vm b1 h1 02:00:00:00:02:01 10.2.0.11/24 10.2.0.1
# s1 is alone in its VNet: no other port, no other host.
world_vm s1 h1 02:00:00:00:09:01 10.9.0.11/24 10.9.0.1
world_vm a2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1

for h in h1 h2; do
    world_ctl $h vnet/add web 5001 acme 10.1.0.1/24
    world_ctl $h vnet/add db 5002 acme 10.2.0.1/24
    world_ctl $h xlate/add web 02:00:00:00:01:01 10.1.0.11 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:03 10.1.0.13 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:04 10.1.0.14 192.168.100.1
    world_ctl $h xlate/add db 02:00:00:00:02:01 10.2.0.11 192.168.100.1
    world_ctl $h xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2
done
world_ctl h1 vnet/add solo 5009 lone 10.9.0.1/24
# The translation table puts 02:00:00:00:01:77 on h1, where no port has it.
world_ctl h1 xlate/add web 02:00:00:00:01:77 10.1.0.77 192.168.100.1
world_ctl h1 port/add a1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h1 port/add a3 web 02:00:00:00:01:03 10.1.0.13
world_ctl h1 port/add a4 web 02:00:00:00:01:04 10.1.0.14
world_ctl h1 port/add b1 db 02:00:00:00:02:01 10.2.0.11
world_ctl h1 port/add s1 solo 02:00:00:00:09:01 10.9.0.11
world_ctl h2 port/add a2 web 02:00:00:00:01:02 10.1.0.12
check_ping a1 10.1.0.12
all_up() { world_ctl h1 port/list | awk 'NR > 1 && $5 != "up" { exit 1 }'; }
world_wait_for all_up || check_fail "h1's ports are not all up: $(world_ctl h1 port/list)"

gw_mac() {      # gw_mac VNET: the VNet's gateway MAC, from vnet/dump
    world_ctl h1 vnet/dump | awk -v v="$1" '$1 == v { print $4 }'
}
WEB_GW=$(gw_mac web)
[ -n "$WEB_GW" ] || check_fail "no gateway MAC for web in vnet/dump"

# Every frame and VXLAN payload of the test, in hex: F_NAME=HEX.  Sent as
# they are, and traced as they are.
eval "$("$PYTHON" - "$WEB_GW" <<'PY'
import logging, struct, sys
logging.getLogger('scapy').setLevel(logging.ERROR)
from scapy.all import ARP, Dot1Q, Ether, ICMP, IP, Raw, UDP
gw = sys.argv[1]
A1, A2, A3, A4 = ('02:00:00:00:01:0%d' % i for i in (1, 2, 3, 4))
S1 = '02:00:00:00:09:01'
def udp(src, dst, sport, **ip):
    return IP(src=src, dst=dst, **ip) / UDP(sport=sport, dport=7000) / Raw(b'drop-reasons')
def vx(flags, vni):
    return struct.pack('!BxxxI', flags, vni << 8)
# An ARP request from a2 for a1, as h2 would encapsulate it.
arp_a2 = bytes(Ether(src=A2, dst='ff:ff:ff:ff:ff:ff') / ARP(hwsrc=A2, psrc='10.1.0.12', pdst='10.1.0.11'))
frames = {
    'MALFORMED': Ether(src=A1, dst=A2, type=0x0800) / Raw(b'\x45\x00\x00\x54\x00'),
    'VLAN': Ether(src=A1, dst=A2) / Dot1Q(vlan=7) / udp('10.1.0.11', '10.1.0.12', 4001),
    'MAC_SPOOF': Ether(src='02:00:00:00:01:99', dst=A2) / udp('10.1.0.11', '10.1.0.12', 4002),
    'IP_SPOOF': Ether(src=A1, dst=A2) / udp('10.1.0.99', '10.1.0.12', 4003),
    'HAIRPIN': Ether(src=A1, dst=A1) / udp('10.1.0.11', '10.1.0.11', 4004),
    'XLATE_NO_PORT': Ether(src=A1, dst='02:00:00:00:01:77') / udp('10.1.0.11', '10.1.0.77', 4005),
    'NO_ROUTE': Ether(src=A1, dst=gw) / udp('10.1.0.11', '10.99.0.1', 4006),
    'DST_IP_UNKNOWN': Ether(src=A1, dst=gw) / udp('10.1.0.11', '10.2.0.99', 4007),
    'TTL': Ether(src=A1, dst=gw) / udp('10.1.0.11', '10.2.0.11', 4008, ttl=1),
    'BAD_IP_HEADER': Ether(src=A1, dst=gw) / udp('10.1.0.11', '10.2.0.11', 4009, chksum=0x1234),
    'NOT_ROUTABLE': Ether(src=A1, dst=gw, type=0x88b5) / Raw(bytes(46)),
    'TO_GATEWAY': Ether(src=A1, dst=gw) / udp('10.1.0.11', '10.1.0.1', 4010),
    # A 1500-byte IP packet without DF: the fabric takes 1450.
    'TOO_BIG': Ether(src=A4, dst=A2) / IP(src='10.1.0.14', dst='10.1.0.12') / UDP(sport=4011, dport=7000) / Raw(bytes(1472)),
    # IPv4 saying TCP with 8 bytes of it: its checksum, left to the
    # "device" by the virtio-net header it is sent with, cannot be done.
    'GSO': Ether(src=A1, dst=A2) / IP(src='10.1.0.11', dst='10.1.0.12', proto=6) / Raw(bytes(8)),
    'TX_ERROR': Ether(src=A1, dst=A3) / udp('10.1.0.11', '10.1.0.13', 4012),
    'NO_DESTINATION': Ether(src=S1, dst='ff:ff:ff:ff:ff:ff') / ARP(hwsrc=S1, psrc='10.9.0.11', pdst='10.9.0.99'),
    # VXLAN payloads (header first), as h2 or a stranger sends them.
    'VX_SHORT': vx(0x08, 5001)[:5],
    'VX_BAD_FLAGS': vx(0x00, 5001) + arp_a2,
    'VX_UNKNOWN_VNI': vx(0x08, 999) + arp_a2,
    'VX_UNKNOWN_VTEP': vx(0x08, 5001) + arp_a2,
    'VX_DST_UNKNOWN': vx(0x08, 5001) + bytes(Ether(src=A2, dst='02:00:00:00:01:55') / udp('10.1.0.12', '10.1.0.55', 4013)),
}
for name, f in frames.items():
    print('F_%s=%s' % (name, bytes(f).hex()))
PY
)" || check_fail "building the frames"

# send_frames VM N HEX [VNET-HEADER-HEX]: N copies of a frame from VM's eth0
# (a packet socket, with a virtio-net header if one is given).
send_frames() {
    world_exec "$1" "$PYTHON" - "$2" "$3" "${4:-}" <<'PY'
import socket, sys
n, frame, vnet = int(sys.argv[1]), bytes.fromhex(sys.argv[2]), bytes.fromhex(sys.argv[3])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
if vnet:
    s.setsockopt(263, 15, 1)        # SOL_PACKET, PACKET_VNET_HDR
s.bind(('eth0', 0))
for _ in range(n):
    s.send(vnet + frame)
PY
}

# send_vxlan NS N HEX: N UDP datagrams with payload HEX from NS to h1's VTEP.
send_vxlan() {
    world_exec "$1" "$PYTHON" - "$2" "$3" <<'PY'
import socket, sys
n, payload = int(sys.argv[1]), bytes.fromhex(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(n):
    s.sendto(payload, ('192.168.100.1', 4789))
PY
}

# What a trace may not change: counters, the cache, the drop log.
h1_state() {
    world_ctl h1 drop-stats
    world_ctl h1 port/list
    world_ctl h1 dump-flows | sed 's/ age=[^ ]* used=[^ ]*//' | cut -d' ' -f2- | sort
    world_ctl h1 drop-log | head -1
}

in_list() {     # in_list REASON ENTRY...: whether REASON has an entry
    local r=$1 e; shift
    for e in "$@"; do
        [ "${e%%:*}" = "$r" ] && return 0
    done
    return 1
}

# expect_drop REASON HOST PORT VNET N COMMAND...: runs COMMAND, then checks
# that PORT's REASON counter grew by exactly N (">=N": at least N), and
# that drop-log shows those drops one by one with port, VNet and reason, in
# text and JSON alike (or, for a reason drop-log cannot show, none).
expect_drop() {
    local reason=$1 h=$2 port=$3 vnet=$4 n=$5 before delta logged; shift 5
    local min=${n#>=} traced=${TRACED:-0}
    TRACED=0
    if [ "$traced" = 1 ] && in_list "$reason" "${TRACE_CANNOT_PREDICT[@]}"; then
        check_fail "$reason is traced, but TRACE_CANNOT_PREDICT lists it"
    elif [ "$traced" = 0 ] && ! in_list "$reason" "${TRACE_CANNOT_PREDICT[@]}"; then
        check_fail "$reason is not traced: use expect_drop_traced, or say why in TRACE_CANNOT_PREDICT"
    fi
    before=$(drop_count "$h" "$port" "$reason")
    world_ctl "$h" drop-log/clear
    "$@" >"$WORLD_DIR/cmd.out" 2>&1 || check_fail "$reason: $* failed: $(tail -3 "$WORLD_DIR/cmd.out")"
    grown() { [ $(( $(drop_count "$h" "$port" "$reason") - before )) -ge "$min" ]; }
    world_wait_for grown
    sleep 0.2           # Nothing more is to come: the count is final.
    delta=$(( $(drop_count "$h" "$port" "$reason") - before ))
    if [ "$n" = "$min" ]; then
        check_eq "$delta" "$n" "$h $port $reason drops"
    else
        check_ge "$delta" "$min" "$h $port $reason drops"
    fi
    world_ctl "$h" drop-log "$reason" >"$WORLD_DIR/drop-log.txt"
    logged=$(awk -v p="$port" -v v="$vnet" -v r="$reason" \
                 '$3 == p && $4 == v && $5 == r' "$WORLD_DIR/drop-log.txt" | wc -l)
    if in_list "$reason" "${DROP_LOG_CANNOT_SHOW[@]}"; then
        check_eq "$(awk -v r="$reason" '$5 == r' "$WORLD_DIR/drop-log.txt" | wc -l)" 0 \
            "drop-log lines for $reason (counted only)"
        echo "   $reason: $port +$delta (not traced; counted, drop-log cannot show it)"
        return
    fi
    check_eq "$logged" "$delta" "drop-log lines for $port $vnet $reason: $(cat "$WORLD_DIR/drop-log.txt")"
    grep -qE '^    [0-9a-f]{2}( [0-9a-f]{2})*$' "$WORLD_DIR/drop-log.txt" \
        || check_fail "drop-log shows no frame bytes for $reason"
    check_drop_log_json "$h" "$port" "$vnet" "$reason" "$delta"
    echo "   $reason: $port +$delta ($([ "$traced" = 1 ] && echo "traced, ")logged)"
}

# expect_drop_traced REASON PORT VNET N FROM HEX: traces HEX as it will come
# in to h1 -- from VM port FROM, or with FROM=fabric:NS as the VXLAN payload
# NS sends -- and checks the trace ends in drop(REASON) and changed nothing;
# then sends it N times and checks PORT's drops (expect_drop).
expect_drop_traced() {
    local reason=$1 port=$2 vnet=$3 n=$4 from=$5 hex=$6 ns vtep out before
    local trace_args send
    case $from in
        fabric:*)
            ns=${from#fabric:}
            vtep=$(world_exec "$ns" ip -4 -o addr show | awk '$4 ~ /^192\.168\.100\./ { sub("/.*", "", $4); print $4; exit }')
            trace_args=(fabric "$vtep" "$hex")
            send=(send_vxlan "$ns" "$n" "$hex")
            ;;
        *)
            trace_args=("$from" "$hex")
            send=(send_frames "$from" "$n" "$hex")
            ;;
    esac
    before=$(h1_state)
    out=$(world_ctl h1 trace "${trace_args[@]}") || check_fail "$reason: trace failed: $out"
    check_eq "$(h1_state)" "$before" "$reason: what the trace changed"
    check_contains "$out" "Result: drop($reason)" "$reason: the trace"
    TRACED=1 expect_drop "$reason" h1 "$port" "$vnet" "$n" "${send[@]}"
}

check_step "parsing and ingress checks, from a VM"
expect_drop_traced malformed a1 web 5 a1 "$F_MALFORMED"
expect_drop_traced vlan-tagged a1 web 4 a1 "$F_VLAN"
expect_drop_traced src-mac-spoof a1 web 3 a1 "$F_MAC_SPOOF"
expect_drop_traced src-ip-spoof a1 web 3 a1 "$F_IP_SPOOF"

check_step "switching, from a VM"
expect_drop_traced hairpin a1 web 3 a1 "$F_HAIRPIN"
expect_drop_traced xlate-no-port a1 web 3 a1 "$F_XLATE_NO_PORT"
expect_drop_traced no-destination s1 solo 3 s1 "$F_NO_DESTINATION"

check_step "routing, from a VM"
expect_drop_traced no-route a1 web 3 a1 "$F_NO_ROUTE"
expect_drop_traced dst-ip-unknown a1 web 3 a1 "$F_DST_IP_UNKNOWN"
expect_drop_traced not-routable a1 web 3 a1 "$F_NOT_ROUTABLE"
expect_drop_traced to-gateway a1 web 3 a1 "$F_TO_GATEWAY"
# Decided per packet, after the (cached) decision to route.
expect_drop_traced ttl-exceeded a1 web 3 a1 "$F_TTL"
expect_drop_traced bad-ip-header a1 web 3 a1 "$F_BAD_IP_HEADER"

check_step "output, from a VM"
expect_drop_traced too-big a4 web 3 a4 "$F_TOO_BIG"
# The trace, without the virtio-net header, sees a frame for h2; the
# pipeline, with it, must finish a TCP checksum that has no room.
out=$(world_ctl h1 trace a1 "$F_GSO")
check_contains "$out" "Result: vxlan(vni=5001,vtep=192.168.100.2)" "trace of the frame without its offload metadata"
# virtio_net_hdr: flags NEEDS_CSUM, no GSO, csum_start 34, csum_offset 6.
expect_drop gso-unsupported h1 a1 web 3 send_frames a1 3 "$F_GSO" "01000000000022000600"

check_step "VXLAN from the fabric"
expect_drop_traced vxlan-short fabric - 10 fabric:h2 "$F_VX_SHORT"
expect_drop_traced vxlan-bad-flags fabric - 10 fabric:h2 "$F_VX_BAD_FLAGS"
expect_drop_traced vxlan-unknown-vni fabric vni:999 10 fabric:h2 "$F_VX_UNKNOWN_VNI"
expect_drop_traced fabric-dst-unknown fabric web 10 fabric:h2 "$F_VX_DST_UNKNOWN"
# A stranger on the fabric, with a valid VNI and frame.
world_exec fabric ip addr add 192.168.100.66/24 dev br0
expect_drop_traced vxlan-unknown-vtep fabric web 10 fabric:fabric "$F_VX_UNKNOWN_VTEP"

check_step "to a port whose interface went away"
ip -n "$(world_ns h1)" link del a3
a3_missing() { world_ctl h1 port/list a3 | grep -q ' missing '; }
world_wait_for a3_missing || check_fail "port a3 is not missing: $(world_ctl h1 port/list a3)"
expect_drop_traced tx-error a3 web 3 a1 "$F_TX_ERROR"

check_step "the kernel's queue of a port overflows while vplaned is paused"
# The count is whatever the kernel dropped: at least one, not exact.
pause_and_flood() {
    local pid; pid=$(cat "$WORLD_DIR/h1.pid")
    kill -STOP "$pid"
    send_frames s1 2000 "$F_NO_DESTINATION"
    local rc=$?
    kill -CONT "$pid"
    return $rc
}
expect_drop rx-queue-full h1 s1 solo ">=1" pause_and_flood

check_step "every reason is provoked by a test, or says why not"
reasons=$(sed -n 's/^ *VP_DROP([A-Z_0-9]*, *"\([a-z-]*\)".*/\1/p' \
              "$(dirname "$0")/../../include/vplane/drop-reasons.h")
check_ge "$(wc -w <<<"$reasons")" 30 "reasons in drop-reasons.h"
tests=("$0")
stateful=$(dirname "$0")/drop-reasons-stateful.sh
[ -f "$stateful" ] && tests+=("$stateful")
# provoked FILE: the reasons FILE provokes; not_provoked FILE: its
# NOT_PROVOKED entries.
provoked() {
    sed -n -e 's/^[[:space:]]*expect_drop\(_traced\)\{0,1\}[[:space:]]\{1,\}\([a-z-]\{1,\}\)[[:space:]].*/\2/p' \
        -e 's/^[[:space:]]*expect_drops[[:space:]]\{1,\}[^[:space:]]\{1,\}[[:space:]]\{1,\}[^[:space:]]\{1,\}[[:space:]]\{1,\}\([a-z-]\{1,\}\)[[:space:]].*/\1/p' \
        "$1"
}
not_provoked() {
    awk '/^NOT_PROVOKED=\(/ { on = 1 } on { print } on && /\)[[:space:]]*$/ { exit }' "$1" \
        | grep -o '"[a-z-]*:' | tr -d '":'
}
covered=$(for f in "${tests[@]}"; do provoked "$f"; not_provoked "$f"; done | sort -u)
left=()
for r in $reasons; do
    grep -qxF "$r" <<<"$covered" || left+=("$r")
done
for r in $(for f in "${tests[@]}"; do provoked "$f"; done | sort -u); do
    grep -qxF "$r" <<<"$reasons" || check_fail "a test provokes \"$r\", which is no reason"
done
for e in "${NOT_PROVOKED[@]}" "${TRACE_CANNOT_PREDICT[@]}" "${DROP_LOG_CANNOT_SHOW[@]}"; do
    grep -qxF "${e%%:*}" <<<"$reasons" || check_fail "\"$e\" names no reason"
    case $e in
        *:?*) ;;
        *) check_fail "\"$e\" does not say why" ;;
    esac
done
if [ ${#tests[@]} -eq 2 ]; then
    [ ${#left[@]} -eq 0 ] || check_fail "no test provokes ${left[*]}, and no NOT_PROVOKED entry says why"
    echo "   all $(wc -w <<<"$reasons") reasons covered by the two tests"
else
    # Until it exists, only the stateful reasons may be left.
    for r in "${left[@]}"; do
        case $r in
            firewall|ct-invalid|owner-*|no-nat|nat-exhausted|no-resolver|no-gateway|wan-no-arp|not-peer) ;;
            *) check_fail "no test provokes $r, and no NOT_PROVOKED entry says why" ;;
        esac
    done
    echo "   $stateful does not exist yet; left to it: ${left[*]}"
fi

world_ctl h1 show >/dev/null || check_fail "vplaned h1 stopped answering"
echo PASS
