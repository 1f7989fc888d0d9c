#!/bin/bash
# A refused update or snapshot changes nothing, and the controller never
# sends what a host refuses.
#
# Part 1: a fake controller (tests/lib/fake-ctrl.py, speaking
# docs/protocol.md) sends h1 updates that remove valid entries and add
# invalid ones -- a VM's location, a port, a whole VNet.  Each is refused
# and the host's tables stay exactly as they were; controller/show names
# the refused generation; the next snapshot is applied.
#
# Part 2: the real controller, with rows written around vplane-ctl's
# checks (ovsdb-client): an address outside its VNet's subnets, an address
# given to two ports.  The controller leaves them out, names them in
# ctrl/refused-rows and ctrl/hosts, and the hosts keep taking every other
# change.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init crfu

check_step "a fake controller sends updates that must be refused whole"
"$PYTHON" - "$WORLD_DIR/scenario.json" <<'PY'
import json, sys
tables = {
    "vnets": [{"name": "web", "vni": 5001, "tenant": "acme",
               "subnets": ["10.1.0.1/24"]},
              {"name": "db", "vni": 5002, "tenant": "acme",
               "subnets": ["10.2.0.1/24"]}],
    "ports": [{"name": "p1", "vnet": "web", "mac": "02:00:00:00:01:01",
               "ips": ["10.1.0.11"]}],
    "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:02", "ip": "10.1.0.12",
               "vtep": "192.168.100.2"},
              {"vnet": "db", "mac": "02:00:00:00:02:02", "ip": "10.2.0.12",
               "vtep": "192.168.100.2"}],
    "routes": [{"tenant": "acme", "prefix": "10.9.0.0/16",
                "nexthop": "10.1.0.12"}]}
x12 = {"vnet": "web", "mac": "02:00:00:00:01:02", "ip": "10.1.0.12"}
steps = [
    {"snapshot": tables, "generation": 1},
    {"save": "first"},
    # A VM's location removed, an invalid one added.
    {"update": {"remove": {"xlate": [x12]},
                "add": {"xlate": [{"vnet": "web", "mac": "02:00:00:00:01:09",
                                   "ip": "10.9.9.9",
                                   "vtep": "192.168.100.3"}]}},
     "generation": 2, "refused": "in no subnet"},
    {"same": "first"},
    {"show": "generation 2 refused: nothing of it applied"},
    {"show": "generation 1 applied"},
    {"snapshot": tables, "generation": 3},
    {"same": "first"},
    # A port removed and added back with an address outside its subnet.
    {"update": {"remove": {"ports": ["p1"]},
                "add": {"ports": [{"name": "p1", "vnet": "web",
                                   "mac": "02:00:00:00:01:01",
                                   "ips": ["10.7.0.11"]}]}},
     "generation": 4, "refused": "in no subnet"},
    {"same": "first"},
    {"snapshot": tables, "generation": 5},
    # A VNet removed, and something invalid added.
    {"update": {"remove": {"vnets": ["db"]},
                "add": {"routes": [{"tenant": "nobody",
                                    "prefix": "0.0.0.0/0",
                                    "nexthop": "10.1.0.11"}]}},
     "generation": 6, "refused": "has no VNet"},
    {"same": "first"},
    # An invalid snapshot is refused whole too.
    {"snapshot": {"vnets": tables["vnets"],
                  "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:09",
                             "ip": "10.9.9.9", "vtep": "192.168.100.3"}]},
     "generation": 7, "refused": "in no subnet"},
    {"same": "first"},
    {"snapshot": tables, "generation": 8},
    # Valid only once its removal is applied: an address changes hands.
    {"update": {"remove": {"xlate": [x12]},
                "add": {"xlate": [dict(x12, mac="02:00:00:00:01:07",
                                       vtep="192.168.100.3")]}},
     "generation": 9},
    {"show": "in sync"},
]
json.dump(steps, open(sys.argv[1], "w"))
PY
"$PYTHON" "$WORLD_TOP/tests/lib/fake-ctrl.py" "$WORLD_DIR/fake.sock" \
    "$WORLD_DIR/scenario.json" "$VPLANE_CTL" --timeout=30 \
    -t "$WORLD_DIR/h1.ctl" >"$WORLD_DIR/fake-ctrl.out" 2>&1 &
fake=$!
world_wait_for test -S "$WORLD_DIR/fake.sock" \
    || check_fail "the fake controller did not listen"
world_host h1 192.168.100.1 --controller="unix:$WORLD_DIR/fake.sock"
wait "$fake"
rc=$?
cat "$WORLD_DIR/fake-ctrl.out"
check_eq "$rc" 0 "the fake controller's scenario"
x=$(world_ctl h1 xlate/dump)
check_contains "$x" "02:00:00:00:01:07" "the last update's entry"
world_stop_vplaned h1

check_step "rows written around vplane-ctl are left out, not sent"
world_controller || check_fail "controller did not start"
world_nb host-add h2 192.168.100.2 -- host-add h3 192.168.100.3 \
    -- tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
world_host h2 192.168.100.2 --controller="$WORLD_CTRL"
world_host h3 192.168.100.3 --controller="$WORLD_CTRL"
world_vm v2 h2 02:00:00:00:01:02 10.1.0.12/24
world_vm v3 h3 02:00:00:00:01:03 10.1.0.13/24
world_ctl h2 port/add v2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h3 port/add v3 web 02:00:00:00:01:03 10.1.0.13 >/dev/null
world_wait_for sh -c "$VPLANE_CTL -t $WORLD_DIR/h3.ctl xlate/dump \
    | grep -q 02:00:00:00:01:02" || check_fail "h3 never learned v2"

# Two Port rows, as an orchestrator might write them straight into the
# database: one outside web's subnet, one taking v2's address.
bin=$(world_ovsdb_bin)
web=$("$bin/ovsdb-client" --format=csv --no-headings query \
      "unix:$WORLD_DIR/db.sock" \
      '["VPlane", {"op": "select", "table": "VNet",
                   "where": [["name", "==", "web"]], "columns": ["_uuid"]}]' \
      | tr -d '"' | sed -n 's/.*\([0-9a-f]\{8\}-[0-9a-f-]\{27\}\).*/\1/p')
[ -n "$web" ] || check_fail "no uuid for VNet web"
host3=$("$bin/ovsdb-client" --format=csv --no-headings query \
        "unix:$WORLD_DIR/db.sock" \
        '["VPlane", {"op": "select", "table": "Host",
                     "where": [["name", "==", "h3"]], "columns": ["_uuid"]}]' \
        | tr -d '"' | sed -n 's/.*\([0-9a-f]\{8\}-[0-9a-f-]\{27\}\).*/\1/p')
"$bin/ovsdb-client" transact "unix:$WORLD_DIR/db.sock" "[\"VPlane\",
  {\"op\": \"insert\", \"table\": \"Port\",
   \"row\": {\"vnet\": [\"uuid\", \"$web\"], \"mac\": \"02:00:00:00:01:66\",
             \"ips\": \"10.66.0.6\", \"host\": [\"uuid\", \"$host3\"],
             \"name\": \"bad1\"}},
  {\"op\": \"insert\", \"table\": \"Port\",
   \"row\": {\"vnet\": [\"uuid\", \"$web\"], \"mac\": \"02:00:00:00:01:77\",
             \"ips\": \"10.1.0.12\", \"host\": [\"uuid\", \"$host3\"],
             \"name\": \"bad2\"}}]" >/dev/null \
    || check_fail "ovsdb-client transact"

world_wait_for sh -c "$VPLANE_CTL -t $WORLD_DIR/ctrl.ctl ctrl/refused-rows \
    | grep -q '^2 rows'" || true
rows=$(world_ctrl ctrl/refused-rows)
printf '%s\n' "$rows"
check_contains "$rows" "2 rows left out" "ctrl/refused-rows count"
check_contains "$rows" "port 02:00:00:00:01:66 in VNet web" "the bad address"
check_contains "$rows" "10.66.0.6 is in no subnet" "why"
check_contains "$rows" "port 02:00:00:00:01:77 in VNet web" "the taken address"
hosts=$(world_ctrl ctrl/hosts)
check_contains "$hosts" "2 database rows are left out" "ctrl/hosts"
json=$(world_ctrl ctrl/refused-rows --format=json)
check_contains "$json" '"error"' "ctrl/refused-rows --format=json"

# vplane-ctl refuses to add to an inconsistent database (nb-check.c)...
out=$(world_nb vnet-add db 5002 acme 10.2.0.1/24 2>&1) \
    && check_fail "vplane-ctl wrote to an inconsistent database"
check_contains "$out" "only a change that repairs it" "vplane-ctl's refusal"

# ...but the hosts took nothing of the bad rows, refused nothing, and take
# what comes next (a VM port reported by its host).
world_vm v4 h3 02:00:00:00:01:04 10.1.0.14/24
world_ctl h3 port/add v4 web 02:00:00:00:01:04 10.1.0.14 >/dev/null
world_wait_for sh -c "$VPLANE_CTL -t $WORLD_DIR/h2.ctl xlate/dump \
    | grep -q 02:00:00:00:01:04" || check_fail "h2 never learned v4"
world_exec v2 ping -c 1 -W 5 10.1.0.14 >/dev/null \
    || check_fail "v2 cannot reach v4"
for h in h2 h3; do
    show=$(world_ctl $h controller/show)
    check_contains "$show" "in sync" "$h's state"
    check_contains "$show" "refused 0" "$h refused nothing"
    x=$(world_ctl $h xlate/dump)
    check_not_contains "$x" "02:00:00:00:01:66" "$h's entries"
    check_not_contains "$x" "02:00:00:00:01:77" "$h's entries"
done

# Mended in the database, the rows go out.
"$bin/ovsdb-client" transact "unix:$WORLD_DIR/db.sock" '["VPlane",
  {"op": "delete", "table": "Port", "where": [["mac", "==", "02:00:00:00:01:77"]]},
  {"op": "update", "table": "Port", "where": [["mac", "==", "02:00:00:00:01:66"]],
   "row": {"ips": "10.1.0.66"}}]' >/dev/null || check_fail "mend"
world_wait_for sh -c "$VPLANE_CTL -t $WORLD_DIR/h2.ctl xlate/dump \
    | grep -q 02:00:00:00:01:66" || check_fail "h2 never learned the mended row"
check_contains "$(world_ctrl ctrl/refused-rows)" "0 rows left out" "mended"
echo PASS
