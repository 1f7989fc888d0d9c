#!/bin/bash
# Every dump has stable columns and --format=json with the same rows and
# values, and a filter that keeps the rows of a VNet, port or address
# (docs/ctl.md); dump-flows shows a flow's forward and reverse entries
# together, with packets, bytes, age and owner.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"

DUMP_CHECK="$WORLD_LIB/dump-check.py"

world_init dumps
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24 \
    -- vnet-add db 5002 acme 10.2.0.1/24
world_host h1 192.168.100.1 --controller="$WORLD_CTRL"
world_host h2 192.168.100.2 --controller="$WORLD_CTRL"
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm vm3 h2 02:00:00:00:02:03 10.2.0.13/24 10.2.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h2 port/add vm3 db 02:00:00:00:02:03 10.2.0.13 >/dev/null
world_nb route-add acme 10.9.0.0/16 10.1.0.12
# vm1 is firewalled (out anything, in nothing): its flows are stateful,
# run by their owner, h1 (rule 1, the lower VTEP).
world_nb fw-add web 02:00:00:00:01:01 egress any
wait_assigned h1 h2

check_step "traffic: vm1 -> vm2 and vm3 (stateful, two hosts), vm3 -> vm2 (routed)"
check_ping vm1 10.1.0.12
check_ping vm3 10.1.0.12
check_ping vm1 10.2.0.13
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' dump-conntrack | grep -q icmp" \
    || check_fail "h1 tracks no ping"

# same_rows HOST DUMP [FILTER]: the text and the JSON of a dump hold the
# same rows.  Tried a few times: a packet between the two calls (an ARP
# refresh) may add a flow or a count.
same_rows() {
    local h=$1 dump=$2 t j i; shift 2
    for i in 1 2 3 4 5; do
        world_ctl "$h" "$dump" "$@" >"$WORLD_DIR/text" \
            || check_fail "$h $dump $*"
        world_ctl "$h" "$dump" --format=json "$@" >"$WORLD_DIR/json" \
            || check_fail "$h $dump --format=json $*"
        t=$("$PYTHON" "$DUMP_CHECK" text "$dump" <"$WORLD_DIR/text") \
            || check_fail "$h $dump $*: text not in columns: $(cat "$WORLD_DIR/text")"
        j=$("$PYTHON" "$DUMP_CHECK" json "$dump" <"$WORLD_DIR/json") \
            || check_fail "$h $dump --format=json $*: not JSON with the rows: $(cat "$WORLD_DIR/json")"
        [ "$t" = "$j" ] && break
        sleep 0.5
    done
    check_eq "$j" "$t" "$h $dump $*: JSON rows vs text rows"
    printf '   %s %s %s: %s row(s)\n' "$h" "$dump" "$*" "$(printf '%s' "$t" | grep -c .)"
}

# narrows HOST DUMP FILTER: the filter keeps exactly the rows it matches.
narrows() {
    local h=$1 dump=$2 f=$3 out i
    for i in 1 2 3 4 5; do
        world_ctl "$h" "$dump" --format=json >"$WORLD_DIR/all.json"
        world_ctl "$h" "$dump" --format=json "$f" >"$WORLD_DIR/some.json"
        out=$("$PYTHON" "$DUMP_CHECK" filter "$dump" "$f" \
              "$WORLD_DIR/all.json" "$WORLD_DIR/some.json" 2>&1) && break
        sleep 0.5
    done
    [ $i -lt 5 ] || "$PYTHON" "$DUMP_CHECK" filter "$dump" "$f" \
        "$WORLD_DIR/all.json" "$WORLD_DIR/some.json" >/dev/null \
        || check_fail "$h $dump $f: $out"
    printf '   %s %s %s: %s rows\n' "$h" "$dump" "$f" "$out"
}

check_step "every dump: JSON parses and has the text's rows"
for h in h1 h2; do
    for d in show port/list vnet/dump xlate/dump route/dump subsets/dump \
             dump-subsets dump-flows dump-owners dump-conntrack; do
        case $d in
            dump-subsets) same_rows $h subsets/dump ;;
            *) same_rows $h $d ;;
        esac
    done
done
# The header facts of show, in both.
world_ctl h1 show --format=json | "$PYTHON" -c '
import json, sys
d = json.load(sys.stdin)
assert d["host"] == "h1" and d["vtep"] == "192.168.100.1", d
assert d["controller"]["state"] == "in sync", d["controller"]
assert d["threads"] and d["generation"] > 0 and d["vnets"] == 2, d
' || check_fail "show --format=json: header facts"
check_contains "$(world_ctl h1 show)" "vplaned h1 " "show: text header"

check_step "filters keep the rows of a VNet, tenant, port or address"
narrows h2 port/list vm3
narrows h2 port/list web
narrows h2 port/list 10.2.0.13
narrows h2 show db
narrows h1 vnet/dump web
narrows h1 vnet/dump 02:76:70:00:13:8a
narrows h1 xlate/dump db
narrows h1 xlate/dump 10.1.0.12
narrows h1 xlate/dump 02:00:00:00:01:01
narrows h1 xlate/dump 192.168.100.2
narrows h1 route/dump 10.1.0.12
narrows h1 route/dump db
narrows h1 subsets/dump h2
narrows h1 dump-flows 10.1.0.12
narrows h2 dump-flows vm3
narrows h2 dump-flows db
narrows h1 dump-owners vm1
narrows h1 dump-conntrack 10.1.0.12
# Old positional arguments are filters now; one that names nothing gives
# the header alone.
check_eq "$(world_ctl h1 xlate/dump web | awk 'NR > 1 { print $1 }' | sort -u)" "web" "xlate/dump VNET"
check_eq "$(world_ctl h1 route/dump acme | awk 'NR > 1 { print $1 }' | sort -u)" "acme" "route/dump TENANT"
check_eq "$(world_ctl h1 vnet/dump nosuch | wc -l)" 1 "vnet/dump of nothing: the header"
check_eq "$(world_ctl h1 dump-conntrack nosuch --format=json)" '{"connections":[]}' "dump-conntrack of nothing"
check_eq "$(world_ctl h1 dump-conntrack acme | awk 'NR > 1' | wc -l)" \
         "$(world_ctl h1 dump-conntrack | awk 'NR > 1' | wc -l)" "dump-conntrack TENANT"
out=$("$VPLANE_CTL" -t "$WORLD_DIR/h1.ctl" dump-flows a b 2>&1) && check_fail "dump-flows a b accepted"
check_contains "$out" "usage: dump-flows [--format=json|text] [--limit=N] [--offset=N] [FILTER]" "two filters"

check_step "dump-flows: a ping's forward and reverse entries together"
# JSON: on h1 (the owner) and on h2, vm1's echo requests and vm2's replies
# are one flow, each direction with its packets, bytes, age and owner.
for h in h1 h2; do
    world_ctl $h dump-flows --format=json 10.1.0.11 | "$PYTHON" -c '
import json, sys
h = sys.argv[1]
flows = json.load(sys.stdin)["flows"]
pings = [f for f in flows
         if " ip 10.1.0.11->10.1.0.12 icmp type=8 " in f["forward"]["flow"] + " "]
assert len(pings) == 1, flows
f = pings[0]
fwd, rev = f["forward"], f["reverse"]
assert rev is not None, f
assert " ip 10.1.0.12->10.1.0.11 icmp type=0 " in rev["flow"] + " ", f
for e in (fwd, rev):
    assert e["packets"] >= 5 and e["bytes"] >= 5 * 98, e
    assert e["age-ms"] >= e["used-ms"] >= 0, e
    assert e["tenant"] == "acme" and e["vnet"] == "web", e
    # h1 runs both directions; h2 sends the reply to h1 and delivers the
    # request h1 has run (no owner of its own: the owner is done with it).
    if h == "h1" or e is rev:
        assert e["owner"] == "192.168.100.1" and e["by"] == "rule-pair", e
        assert e["self"] == (h == "h1"), e
    else:
        assert e["owner"] == "-" and e["by"] == "-" and not e["self"], e
assert fwd["in"] == ("vm1" if h == "h1" else "fabric"), fwd
assert rev["in"] == ("fabric" if h == "h1" else "vm2"), rev
' $h || check_fail "$h: the ping is not one flow with both directions: $(world_ctl $h dump-flows 10.1.0.11)"
done
# Text: the two entries are consecutive lines with one flow number.
text=$(world_ctl h1 dump-flows 10.1.0.11)
printf '%s\n' "$text" | sed 's/^/   | /'
check_eq "$(printf '%s\n' "$text" | head -1)" \
    "FLOW  DIR THREAD IN VNET KEY PACKETS BYTES AGE USED OWNER ACTIONS" "dump-flows header"
fwd=$(printf '%s\n' "$text" | grep -F ' ip 10.1.0.11->10.1.0.12 icmp type=8 ')
rev=$(printf '%s\n' "$text" | grep -F ' ip 10.1.0.12->10.1.0.11 icmp type=0 ')
check_eq "$(printf '%s\n' "$fwd" | awk '{ print $2 }')" fwd "the request is forward"
check_eq "$(printf '%s\n' "$rev" | awk '{ print $2 }')" rev "the reply is reverse"
check_eq "$(printf '%s\n' "$rev" | awk '{ print $1 }')" "$(printf '%s\n' "$fwd" | awk '{ print $1 }')" "one flow number"
check_eq "$(printf '%s\n' "$text" | grep -n -F ' ip 10.1.0.12->10.1.0.11 icmp type=0 ' | cut -d: -f1)" \
    "$(( $(printf '%s\n' "$text" | grep -n -F ' ip 10.1.0.11->10.1.0.12 icmp type=8 ' | cut -d: -f1) + 1 ))" \
    "the reverse entry right after the forward one"
for l in "$fwd" "$rev"; do
    check_contains "$l" " owner=192.168.100.1(self) " "owner"
    [[ $l =~ packets=([0-9]+)\ bytes=([0-9]+)\ age=[0-9.]+s\ used=[0-9.]+s ]] \
        || check_fail "no packets, bytes, age: $l"
    check_ge "${BASH_REMATCH[1]}" 5 "packets"
done
# A stateless flow (vm3 -> vm2, routed on h2) has no owner.
check_contains "$(world_ctl h2 dump-flows vm3 | grep -F ' ip 10.2.0.13->10.1.0.12 icmp type=8 ')" " owner=- " "stateless: no owner"

check_step "vplaned still answers"
world_ctl h1 show >/dev/null || check_fail "h1"
world_ctl h2 show >/dev/null || check_fail "h2"
echo PASS
