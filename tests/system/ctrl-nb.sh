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
    local cmd="$*"
    out=$(world_nb "$@" 2>&1) && check_fail "$what: accepted: ${cmd:0:200}"
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
refused "reserved interface name" "iface: \"fabric\" is reserved" port-add web 02:00:00:00:01:09 10.1.0.19 host=h1 iface=fabric
refused "reserved uplink name" "uplink: \"resolver\" is reserved" --may-exist host-add h2 192.168.100.2 uplink=resolver uplink-address=198.51.100.2/30 uplink-router=198.51.100.1
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

check_step "changes that only the whole state shows wrong"
refused "subnet overlapping another VNet's" "overlaps" subnet-add web 10.2.0.5/16
refused "port in a subnet added and removed" "in no subnet" \
    subnet-add web 10.11.0.1/24 -- port-add web 02:00:00:00:01:31 10.11.0.31 \
    -- subnet-del web 10.11.0.1/24
refused "new VNet, subnet, stray port" "in no subnet" vnet-add v2 10 acme \
    -- subnet-add v2 10.78.0.1/24 -- port-add v2 02:00:00:00:0a:01 8.8.8.8
refused "one NAT address twice at once" "external_ip" \
    nat-add acme snat 203.0.113.9 -- nat-add other snat 203.0.113.9
refused "one firewall rule twice at once" "already has this rule" \
    fw-add web 02:00:00:00:01:01 egress udp -- fw-add web 02:00:00:00:01:01 egress udp
refused "network address for a VM" "network or broadcast" port-add web 02:00:00:00:01:0b 10.1.0.0
refused "broadcast address for a VM" "network or broadcast" port-add web 02:00:00:00:01:0b 10.1.0.255
refused "a host's VTEP for vtep=" "vtep: 192.168.100.1 is host" port-add web 02:00:00:00:01:0b 10.1.0.21 vtep=192.168.100.1
refused "floating IP outside the tenant" "internal_ip" nat-add acme floating-ip 203.0.113.5 8.8.8.8
refused "floating IP on a gateway" "gateway address" nat-add acme floating-ip 203.0.113.5 10.1.0.1 vnet=web
refused "two floating IPs, one VM" "already has a floating IP" \
    nat-add acme floating-ip 203.0.113.5 10.1.0.11 -- nat-add acme floating-ip 203.0.113.6 10.1.0.11
refused "NAT address on a VTEP" "is a host's VTEP" nat-add acme snat 192.168.100.2
refused "VNet named by a NAT rule" "nat-del it first" vnet-add l2 7000 acme -- nat-add acme snat 203.0.113.50 vnet=l2 -- vnet-del l2
refused "a VNet without a tenant" "tenant: missing" create VNet name=zz vni=77
refused "a route without a tenant" "tenant: missing" create Route prefix=10.0.0.0/8 nexthop=10.1.0.11
refused "a port without a VNet" "vnet: missing" create Port 'mac="02:00:00:00:01:77"' 'name=""'
refused "a tenant deleted under its VNet" "tenant: missing" tenant-add x -- vnet-add v 99 x -- destroy Tenant x
refused "a MAC spelt differently" "must be written" \
    create Port vnet=$(world_nb get VNet web _uuid) 'mac="02:00:00:00:01:0A"' 'name=""' vtep=192.168.100.7
refused "a VTEP given twice" "vtep:" --dry-run set Host h1 vtep=192.168.100.2
refused "the Deployment row deleted" "Deployment" destroy Deployment .
refused "tenant name written around the checks" "tenant" set Tenant other 'name="bad name"'
refused "a firewall rule written around the checks" "ports" \
    set Firewall_Rule $(world_nb --bare --columns=_uuid list Firewall_Rule) port_min=100 port_max=5
"$PYTHON" - "$WORLD_DIR/many.args" <<'PY'
import sys
args = []
for i in range(4096):
    if args:
        args.append("--")
    args += ["port-add", "big", "02:bb:00:00:%02x:%02x" % (i >> 8, i & 255),
             "10.50.%d.%d" % (i // 250, 2 + i % 250), "host=h2", "iface=p%d" % i]
open(sys.argv[1], "w").write("\n".join(args))
PY
mapfile -t many <"$WORLD_DIR/many.args"
refused "more ports on a host than vplaned holds" "more than 4095 VM ports" \
    vnet-add big 6000 other 10.50.0.1/16 -- "${many[@]}"

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
echo '{"vnets": [{"name": "app", "vni": 77, "tenant": "acme"}, {"name": "app", "vni": 78, "tenant": "acme"}]}' >"$WORLD_DIR/twice.json"
refused "a VNet twice in an import" "vnets[1].name" xlate-import "$WORLD_DIR/twice.json"
echo '{"xlate": [{"vnet": "web", "mac": "02:00:00:00:01:01", "ip": "10.1.0.99", "vtep": "192.168.100.1"}]}' >"$WORLD_DIR/bound.json"
refused "a host's port changed by an import" "bound to host" xlate-import "$WORLD_DIR/bound.json"
echo '{"xlate": [{"vnet": "web", "mac": "02:00:00:00:01:41", "ip": "10.1.0.11", "vtep": "192.168.100.50"}]}' >"$WORLD_DIR/taken.json"
refused "an address taken, in an import" "xlate[0].ip: 10.1.0.11 is port 02:00:00:00:01:01's" xlate-import "$WORLD_DIR/taken.json"
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

check_step "a database made inconsistent around vplane-ctl"
"$(world_ovsdb_bin)/ovsdb-client" transact "unix:$WORLD_DIR/db.sock" \
    '["VPlane", {"op": "update", "table": "Tenant", "where": [["name", "==", "other"]], "row": {"name": "bad name"}}]' >/dev/null
out=$(world_nb tenant-add zz 2>&1) && check_fail "a change accepted on an inconsistent database"
check_contains "$out" "the database is inconsistent (tenant \"bad name\"" "error names the old problem"
world_nb set Tenant 'bad name' name=other || check_fail "the repair was refused"
world_nb tenant-add zz -- tenant-del zz || check_fail "changes after the repair"

check_step "--may-exist and --if-exists"
world_nb --may-exist tenant-add acme
world_nb --if-exists host-del nosuch
world_nb --if-exists port-del nosuch 02:00:00:00:09:09
world_nb --if-exists route-del nosuch 10.0.0.0/8
world_nb --may-exist fw-add web 02:00:00:00:01:01 ingress tcp ports=22 remote=10.0.0.0/8
world_nb --may-exist nat-add acme snat 203.0.113.1
world_nb --may-exist vnet-add db 5002 acme 10.2.0.1/24 10.2.1.1/24
check_contains "$(world_nb vnet-list acme | grep '^db ')" "10.2.1.1/24" "subnets changed with --may-exist"
world_nb nat-del acme snat 203.0.113.1 -- nat-add acme snat 203.0.113.1
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
