#!/bin/bash
# vplane-ctl's database commands: every bad input is refused with an error
# naming the offending field, and the database is unchanged (an export
# before and after is identical); an import is one transaction; the
# commands of one invocation are one transaction; concurrent writers cannot
# both pass their checks against the same old state.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init cnb
world_controller || check_fail "controller did not start"

check_step "a valid desired state"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 gateway=true
world_nb tenant-add acme external-access=true -- tenant-add other
world_nb vnet-add web 5001 acme 10.1.0.1/24 -- vnet-add db 5002 acme 10.2.0.1/24
world_nb port-add web 02:00:00:00:01:01 10.1.0.11 host=h1 iface=tap1 vm=vm1
world_nb port-add web 02:00:00:00:01:02 10.1.0.12 vtep=192.168.100.7
world_nb route-add acme 10.9.0.0/16 10.1.0.12
world_nb fw-add web 02:00:00:00:01:01 ingress tcp ports=22 remote=10.0.0.0/8
world_nb nat-add acme snat 203.0.113.1
world_nb nat-add acme port-forward 203.0.113.2 tcp 80 10.1.0.11 8080 vnet=web
before=$(world_nb export)

# refused WHAT FIELD COMMAND...: fails, names FIELD, changes nothing.
refused() {
    local what=$1 field=$2 out; shift 2
    out=$(world_nb "$@" 2>&1) && check_fail "$what: accepted: $*"
    check_eq "$(printf '%s\n' "$out" | wc -l)" 1 "$what: one-line error ($out)"
    check_contains "$out" "$field" "$what: error names the field"
    check_eq "$(world_nb export)" "$before" "$what: database after the refusal"
    printf '   %-28s %s\n' "$what" "$out"
}

check_step "each bad input is refused and changes nothing"
refused "unknown VNet" "vnet: no VNet named" port-add nosuch 02:00:00:00:01:09 10.1.0.19
refused "duplicate MAC" "mac: 02:00:00:00:01:01 is already" port-add web 02:00:00:00:01:01
refused "duplicate IP" "ips: 10.1.0.11 is already" port-add web 02:00:00:00:01:09 10.1.0.11
refused "bad CIDR (vnet)" "subnet:" vnet-add app 5003 acme 10.3.0.1/33
refused "bad CIDR (subnet)" "subnet:" subnet-add web 10.1.0.300/24
refused "bad CIDR (route)" "prefix:" route-add acme 10.9.0.0/8x 10.1.0.12
refused "host bits in a prefix" "prefix:" route-add acme 10.9.0.1/16 10.1.0.12
refused "VNI in use" "vni: 5001 is in use" vnet-add app 5001 acme
refused "bad MAC" "mac:" port-add web 02:00:00:00:01 10.1.0.19
refused "multicast MAC" "mac:" port-add web 01:00:5e:00:00:01
refused "bad IP" "ips:" port-add web 02:00:00:00:01:09 10.1.0.256
refused "IP outside the subnets" "in no subnet" port-add web 02:00:00:00:01:09 10.7.0.9
refused "gateway IP for a VM" "gateway address" port-add web 02:00:00:00:01:09 10.1.0.1
refused "overlapping subnets" "overlaps" vnet-add app 5003 acme 10.1.0.129/25
refused "unknown tenant" "tenant: no tenant" vnet-add app 5003 nobody
refused "unknown host" "host: no host" port-add web 02:00:00:00:01:09 host=h9
refused "two interfaces one name" "iface:" port-add web 02:00:00:00:01:09 10.1.0.19 host=h1 iface=tap1
refused "VTEP in use" "vtep: 192.168.100.1 is host" host-add h3 192.168.100.1
refused "bad VTEP" "vtep:" host-add h3 300.1.1.1
refused "bad name" "tenant:" tenant-add "a b"
refused "tenant with VNets" "still has" tenant-del acme
refused "VNet with ports" "still has" vnet-del web
refused "route via a gateway" "nexthop" route-add acme 10.8.0.0/16 10.1.0.1
refused "bad firewall ports" "ports:" fw-add web 02:00:00:00:01:01 ingress tcp ports=0-99999
refused "NAT address in use" "external_ip: 203.0.113.1" nat-add other snat 203.0.113.1
refused "bad deployment value" "subsets:" set-deployment subsets=0
refused "unknown keyword" "owner-rule=" set-deployment color=blue
refused "second command fails" "mac:" port-add web 02:00:00:00:01:09 10.1.0.19 -- port-add web zz

check_step "imports: malformed JSON, a bad entry deep inside, one transaction"
printf '{"xlate": [{"vnet": "web", "mac": ' >"$WORLD_DIR/broken.json"
refused "malformed JSON" "broken.json" xlate-import "$WORLD_DIR/broken.json"
"$PYTHON" - "$WORLD_DIR/bad500.json" <<'PY'
import json, sys
xl = [{"vnet": "web", "mac": "02:aa:00:00:%02x:%02x" % (i >> 8, i & 255),
       "ip": "10.1.0.%d" % (20 + i % 200), "vtep": "192.168.100.50"}
      for i in range(1000)]
for i, e in enumerate(xl):
    e["ip"] = "10.1.%d.%d" % (0, 20 + i) if i < 200 else "10.1.0.%d" % (20 + i % 200)
xl = [{"vnet": "db", "mac": "02:aa:00:00:%02x:%02x" % (i >> 8, i & 255),
       "ip": "10.2.0.%d" % (20 + i), "vtep": "192.168.100.50"} for i in range(200)]
xl[150]["mac"] = "02:aa:00:00:00:zz"
json.dump({"xlate": xl}, open(sys.argv[1], "w"))
PY
refused "bad entry deep inside" "xlate[150].mac" xlate-import "$WORLD_DIR/bad500.json"
"$PYTHON" - "$WORLD_DIR/dupip.json" <<'PY'
import json, sys
xl = [{"vnet": "db", "mac": "02:aa:00:00:00:%02x" % i,
       "ip": "10.2.0.%d" % (20 + i), "vtep": "192.168.100.50"} for i in range(100)]
xl[99]["ip"] = "10.2.0.20"
json.dump({"xlate": xl}, open(sys.argv[1], "w"))
PY
refused "duplicate IP in an import" "10.2.0.20" xlate-import "$WORLD_DIR/dupip.json"
echo '{"ports": []}' >"$WORLD_DIR/ports.json"
refused "ports in an import" "ports:" xlate-import "$WORLD_DIR/ports.json"
echo '{"xlate": [{"vnet": "nope", "mac": "02:aa:00:00:00:01", "vtep": "192.168.100.50"}]}' >"$WORLD_DIR/novnet.json"
refused "import into an unknown VNet" "xlate[0].vnet" xlate-import "$WORLD_DIR/novnet.json"

check_step "a good import, exported back"
"$PYTHON" - "$WORLD_DIR/good.json" <<'PY'
import json, sys
xl = [{"vnet": "db", "mac": "02:aa:00:00:00:%02x" % i,
       "ip": "10.2.0.%d" % (20 + i), "vtep": "192.168.100.50"} for i in range(100)]
json.dump({"xlate": xl}, open(sys.argv[1], "w"))
PY
out=$(world_nb xlate-import "$WORLD_DIR/good.json") || check_fail "good import: $out"
check_contains "$out" "100 translation entries" "import summary"
n=$(world_nb xlate-export db | grep -c '"mac"')
check_eq "$n" 100 "entries exported from VNet db"
world_nb xlate-export >"$WORLD_DIR/all.json"
out=$(world_nb xlate-import "$WORLD_DIR/all.json") || check_fail "re-import of an export: $out"
world_nb --if-exists port-del db 02:aa:00:00:00:00
check_eq "$(world_nb xlate-export db | grep -c '"mac"')" 99 "after a port-del"

check_step "--may-exist and --if-exists"
world_nb --may-exist tenant-add acme
world_nb --if-exists host-del nosuch
world_nb --may-exist port-add web 02:00:00:00:01:02 10.1.0.13 vtep=192.168.100.8
check_contains "$(world_nb port-list web | grep 02:00:00:00:01:02)" "10.1.0.13" "port changed with --may-exist"

check_step "concurrent writers: exactly one of two conflicting changes lands"
for i in $(seq 5); do
    world_nb port-add db 02:dd:00:00:0$i:01 10.2.0.24$i >/dev/null 2>&1 &
    a=$!
    world_nb port-add db 02:dd:00:00:0$i:02 10.2.0.24$i >/dev/null 2>&1 &
    b=$!
    ok=0
    wait $a && ok=$((ok + 1))
    wait $b && ok=$((ok + 1))
    check_eq "$ok" 1 "round $i: commands that succeeded"
    n=$(world_nb port-list db | grep -c "10.2.0.24$i ")
    check_eq "$n" 1 "round $i: ports with 10.2.0.24$i"
done

check_step "lists"
world_nb tenant-list | sed 's/^/   /'
world_nb vnet-list | sed 's/^/   /'
world_nb port-list web | sed 's/^/   /'
world_nb route-list | sed 's/^/   /'
world_nb service-list | sed 's/^/   /'
world_nb host-list | sed 's/^/   /'
echo "PASS"
