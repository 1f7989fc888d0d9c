#!/bin/bash
# vplane-ctl: a bad argument or file is one line on stderr and exit status
# 1, and changes nothing; every command works the same through ovs-appctl.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root

world_init ctl
world_host h1 192.168.100.1
world_ctl h1 vnet/add web 5001 acme 10.1.0.1/24
world_ctl h1 port/add p1 web 02:00:00:00:01:01 10.1.0.11
world_ctl h1 xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2
world_ctl h1 route/add acme 10.9.0.0/16 10.1.0.12

# refused ARGS...: vplane-ctl must fail with exit 1 and one line, and the
# tables must be exactly as before.
refused() {
    local before after err rc
    before=$(world_ctl h1 tables/export)
    err=$("$VPLANE_CTL" -t "$WORLD_DIR/h1.ctl" "$@" 2>&1 >/dev/null)
    rc=$?
    after=$(world_ctl h1 tables/export)
    check_eq "$rc" 1 "exit status of: $*"
    check_eq "$(printf '%s\n' "$err" | wc -l)" 1 "lines of error for: $*"
    check_contains "$err" "vplane-ctl: " "error of: $*"
    check_eq "$after" "$before" "tables after: $*"
    printf '   %-50s -> %s\n' "$*" "${err#vplane-ctl: }"
}

check_step "bad arguments"
refused vnet/add db notanumber acme
refused vnet/add db 0 acme
refused vnet/add db 5001 acme               # VNI in use
refused vnet/add db 5002 acme 10.1.0.5/16   # overlaps web
refused vnet/add db 5002 acme 10.2.0.0/24   # network address as gateway
refused vnet/add 'bad name' 5002 acme
refused port/add p2 nope 02:00:00:00:01:03
refused port/add p2 web 01:00:5e:00:00:01   # multicast MAC
refused port/add p2 web 02:00:00:00:01:01   # MAC in use
refused port/add p2 web 02:00:00:00:01:03 10.1.0.11   # address in use
refused port/add p2 web 02:00:00:00:01:03 10.3.0.1    # outside the subnet
refused port/add this-is-too-long-a-name web 02:00:00:00:01:03
refused port/add fabric web 02:00:00:00:01:03      # names the fabric
refused port/add resolver web 02:00:00:00:01:03    # names the resolver
refused xlate/add web 02:00:00:00:01:09 10.1.0.12 192.168.100.3
refused xlate/add web 02:00:00:00:01:09 10.1.0.13 224.0.0.1
refused xlate/del web 02:00:00:00:01:77
refused route/add acme 10.9.1.0/16 10.1.0.12
refused route/del acme 10.8.0.0/16
refused route/add nosuch 10.8.0.0/16 10.1.0.12     # no such tenant
refused route/add acme 10.8.0.0/16 10.1.0.1        # a gateway, not a VM
refused vnet/add web 5001 acme 10.1.0.1/16  # exists with other subnets
refused vnet/add web 5001 acme 10.1.0.1/24 gateway-mac=02:00:00:00:99:99
refused vnet/del web                        # still has entries
refused vnet/del nope
refused port/del nope
refused vnet/add
refused no-such-command
refused load /nonexistent/file.json

check_step "bad tables files"
printf '{"vnets": [' >"$WORLD_DIR/syntax.json"
refused load "$WORLD_DIR/syntax.json"
cat >"$WORLD_DIR/half.json" <<'JSON'
{"vnets": [{"name": "db", "vni": 5002, "tenant": "acme",
            "subnets": ["10.2.0.1/24"]}],
 "xlate": [{"vnet": "db", "mac": "02:00:00:00:02:01", "ip": "10.2.0.11",
            "vtep": "192.168.100.2"},
           {"vnet": "db", "mac": "02:00:00:00:02:02", "ip": "10.2.0.12",
            "vtep": "not-an-address"}]}
JSON
refused load "$WORLD_DIR/half.json"
sed -i 's/not-an-address/192.168.100.3/; s/"10.2.0.12"/"10.7.0.12"/' "$WORLD_DIR/half.json"
refused load "$WORLD_DIR/half.json"

check_step "the same vnet/add twice is not an error"
world_ctl h1 vnet/add web 5001 acme 10.1.0.1/24 || check_fail "repeated vnet/add"

check_step "no daemon, or one that does not answer"
err=$("$VPLANE_CTL" -t "$WORLD_DIR/none.ctl" show 2>&1); rc=$?
check_eq "$rc" 1 "exit status without a daemon"
check_contains "$err" "cannot connect" "error without a daemon"
check_eq "$(printf '%s\n' "$err" | wc -l)" 1 "lines of error without a daemon"
kill -STOP "$(cat "$WORLD_DIR/h1.pid")"
err=$("$VPLANE_CTL" -t "$WORLD_DIR/h1.ctl" --timeout=1 show 2>&1); rc=$?
kill -CONT "$(cat "$WORLD_DIR/h1.pid")"
check_eq "$rc" 1 "exit status on timeout"
check_eq "$err" "vplane-ctl: no answer in time (--timeout)" "error on timeout"

check_step "ovs-appctl runs every vplaned command as vplane-ctl does"
APPCTL=${OVS_BUILDDIR:+$OVS_BUILDDIR/utilities/ovs-appctl}
[ -x "${APPCTL:-}" ] || APPCTL=$(command -v ovs-appctl) \
    || check_fail "ovs-appctl not found (OVS_BUILDDIR=${OVS_BUILDDIR:-unset})"
appctl() { "$APPCTL" -t "$WORLD_DIR/h1.ctl" "$@"; }
# Both tools, one after the other; the replies must be equal, with the
# digits of outputs that move by themselves (uptime, counters, ages) masked
# where MASK is set.
both_same() {
    local mask=$1 a b; shift
    a=$(world_ctl h1 "$@" 2>&1) || check_fail "vplane-ctl $*: $a"
    b=$(appctl "$@" 2>&1) || check_fail "ovs-appctl $*: $b"
    if [ -n "$mask" ]; then
        a=$(printf '%s\n' "$a" | sed 's/[0-9][0-9.]*/N/g')
        b=$(printf '%s\n' "$b" | sed 's/[0-9][0-9.]*/N/g')
    fi
    check_eq "$b" "$a" "ovs-appctl $*"
}
# A change and its undo, made once by each tool: the same replies, and the
# same tables after each step.
both_change() {
    local undo=$1 a b ta tb; shift
    a=$(world_ctl h1 "$@" 2>&1) || check_fail "vplane-ctl $*: $a"
    ta=$(world_ctl h1 tables/export)
    world_ctl h1 $undo >/dev/null || check_fail "vplane-ctl $undo"
    b=$(appctl "$@" 2>&1) || check_fail "ovs-appctl $*: $b"
    tb=$(world_ctl h1 tables/export)
    appctl $undo >/dev/null || check_fail "ovs-appctl $undo"
    check_eq "$b" "$a" "ovs-appctl $* (reply)"
    check_eq "$tb" "$ta" "ovs-appctl $* (tables)"
}
world_ctl h1 tables/export >"$WORLD_DIR/tables.json"
# Every command the daemon lists must be checked here, so that none works
# only through vplane-ctl.
declare -A checked=()
check_cmd() { checked[$1]=1; }
for c in show coverage/show memory/show dump-flows; do
    check_cmd $c; both_same mask $c
done
for c in vnet/dump xlate/dump route/dump port/list tables/export drop-stats \
         drop-log controller/show subsets/dump dump-subsets dump-owners \
         dump-conntrack gateway/show capture/show version vlog/list \
         vlog/list-pattern \
         list-commands; do
    check_cmd $c; both_same "" $c
done
both_same "" drop-log --format=json
both_same "" port/list --format=json web
check_cmd coverage/read-counter; both_same "" coverage/read-counter ctrl_refused
check_cmd trace; both_same "" trace p1 "dl_dst=02:00:00:00:01:02,icmp,nw_src=10.1.0.11,nw_dst=10.1.0.12"
check_cmd vnet/add; check_cmd vnet/del; both_change "vnet/del db" vnet/add db 5002 acme 10.2.0.1/24
check_cmd port/add; check_cmd port/del; both_change "port/del p3" port/add p3 web 02:00:00:00:01:03 10.1.0.13
check_cmd xlate/add; check_cmd xlate/del; both_change "xlate/del web 02:00:00:00:01:07" xlate/add web 02:00:00:00:01:07 10.1.0.17 192.168.100.2
check_cmd route/add; check_cmd route/del; both_change "route/del acme 10.8.0.0/16" route/add acme 10.8.0.0/16 10.1.0.12
check_cmd tables/load; both_change "tables/load $WORLD_DIR/tables.json" tables/load "$WORLD_DIR/tables.json"
check_cmd flows/flush; both_same "" flows/flush
check_cmd drop-log/clear; both_same "" drop-log/clear
check_cmd vlog/set; both_same "" vlog/set pipeline:file:dbg
for c in vlog/reopen vlog/close vlog/enable-rate-limit vlog/disable-rate-limit; do
    check_cmd $c
done
both_same "" vlog/disable-rate-limit pipeline
both_same "" vlog/enable-rate-limit pipeline
both_same "" vlog/close
both_same "" vlog/reopen
check_cmd tnl/egress_port_range; both_same "" tnl/egress_port_range
check_cmd capture/start; check_cmd capture/stop
for tool in world_ctl appctl; do
    if [ $tool = world_ctl ]; then t="world_ctl h1"; else t=appctl; fi
    rm -f "$WORLD_DIR/cap.pcap"
    out=$($t capture/start fabric "$WORLD_DIR/cap.pcap" count=1 2>&1) || check_fail "$tool capture/start: $out"
    check_contains "$($t capture/show)" "fabric" "$tool capture/show while capturing"
    $t capture/stop >/dev/null || check_fail "$tool capture/stop"
    check_eq "$(stat -c %a "$WORLD_DIR/cap.pcap")" 600 "$tool: capture file made"
done
check_cmd exit      # the last step of this test, through ovs-appctl
for c in $(world_ctl h1 list-commands | awk 'NR > 1 { print $1 }'); do
    [ -n "${checked[$c]:-}" ] || check_fail "ovs-appctl is not checked for $c"
done
appctl port/add p3 web 02:00:00:00:01:03 10.1.0.13 >/dev/null
check_contains "$(world_ctl h1 port/list)" "10.1.0.13" "port p3 added through ovs-appctl"
check_contains "$(world_ctl h1 vlog/list)" "pipeline" "vlog/list"
check_contains "$(world_ctl h1 help)" "xlate/add" "help lists the commands"

check_step "port/list: JSON holds the text's rows; filters"
rows_text=$(world_ctl h1 port/list | awk 'NR > 1 && $1 !~ /^\(/ { print $1, $3, $4, $7, $9 }')
rows_json=$(world_ctl h1 port/list --format=json | "$PYTHON" -c '
import json, sys
for p in json.load(sys.stdin)["ports"]:
    print(p["port"], p["vnet"], p["mac"], p["rx-packets"], p["tx-packets"])')
check_eq "$rows_json" "$rows_text" "port/list rows, JSON vs text"
check_eq "$(world_ctl h1 port/list 10.1.0.13 | awk 'NR > 1 && $1 !~ /^\(/ { print $1 }')" "p3" "port/list filtered by address"
check_eq "$(world_ctl h1 port/list web | awk 'NR > 1 && $1 !~ /^\(/ { print $3 }' | sort -u)" "web" "port/list filtered by VNet"
refused port/list --format=xml

check_step "memory/show counts the tables"
mem=$(world_ctl h1 memory/show)
count() {   # count SECTION: entries of the tables/export section
    world_ctl h1 tables/export | "$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)[sys.argv[1]]))' "$1"
}
for section in ports vnets xlate; do
    check_contains "$mem" "$section:$(count $section)" "memory/show $section"
done
check_contains "$mem" "flow-cache-slots:" "memory/show flow caches"

check_step "trace explains and changes nothing"
before=$(world_ctl h1 tables/export; world_ctl h1 drop-stats)
out=$(world_ctl h1 trace p1 "dl_dst=02:00:00:00:01:02,icmp,nw_src=10.1.0.11,nw_dst=10.1.0.12")
check_contains "$out" "translation: 02:00:00:00:01:02 in VNet web is at host 192.168.100.2" "trace steps"
check_contains "$out" "Result: vxlan(vni=5001,vtep=192.168.100.2)" "trace result"
out=$(world_ctl h1 trace p1 "dl_src=02:00:00:00:01:99,dl_dst=02:00:00:00:01:02,ip")
check_contains "$out" "Result: drop(src-mac-spoof)" "trace of a spoofed frame"
out=$(world_ctl h1 trace fabric 5001 192.168.100.9 "dl_dst=02:00:00:00:01:01,ip")
check_contains "$out" "Result: drop(vxlan-unknown-vtep)" "trace from the fabric"
# The same echo request as a hex frame (tcpdump -xx's form), and frames no
# FLOW can describe.
echo_req="020000000102 020000000101 0800 4500001c00014000400100000a01000b0a01000c 0800f7ff00000000"
out=$(world_ctl h1 trace p1 "$echo_req")
check_contains "$out" "ip 10.1.0.11->10.1.0.12 icmp type=8" "trace of a hex frame: parsed"
check_contains "$out" "Result: vxlan(vni=5001,vtep=192.168.100.2)" "trace of a hex frame: result"
check_contains "$(world_ctl h1 trace p1 0200000001020200)" "Result: drop(malformed)" "trace of a truncated frame"
echo_rep="020000000101 020000000102 0800 4500001c00014000400100000a01000c0a01000b 0000ffff00000000"
out=$(world_ctl h1 trace fabric 192.168.100.2 "0800000000138900 $echo_rep")
check_contains "$out" "in=fabric vni=5001 vtep=192.168.100.2" "trace of a VXLAN payload: VNI from its header"
check_contains "$out" "output to local port p1" "trace of a VXLAN payload: decision"
# p1 has no interface in this world: the frame would not go out.
check_contains "$out" "Result: drop(tx-error)" "trace of a VXLAN payload: result"
check_contains "$(world_ctl h1 trace fabric 192.168.100.2 "0000000000138900 $echo_rep")" \
    "Result: drop(vxlan-bad-flags)" "trace of a VXLAN header without the I flag"
after=$(world_ctl h1 tables/export; world_ctl h1 drop-stats)
check_eq "$after" "$before" "tables and counters after trace"
refused trace p1 "02zz"
refused trace fabric 192.168.100.2 ip
refused trace p1 "nonsense=1"
refused trace nope "ip"

check_step "changes are logged"
check_contains "$(cat "$WORLD_DIR/h1.log")" "applied: port/add p3 web" "log of a change"
check_contains "$(cat "$WORLD_DIR/h1.log")" "refused: vnet/add db 5001 acme" "log of a refusal"

check_step "docs/ctl.md explains every drop reason"
for reason in $(sed -n 's/^ *VP_DROP([A-Z_]*, "\([a-z-]*\)".*/\1/p' \
                "$WORLD_TOP/include/vplane/drop-reasons.h"); do
    grep -q "\`$reason\`" "$WORLD_TOP/docs/ctl.md" \
        || check_fail "docs/ctl.md does not document drop reason $reason"
done

check_step "exit, through ovs-appctl"
appctl exit >/dev/null || check_fail "ovs-appctl exit"
pid=$(cat "$WORLD_DIR/h1.pid")
world_wait_for sh -c "! kill -0 $pid" || check_fail "vplaned did not exit"
echo PASS
