#!/bin/bash
# Three vplaneds under one controller, over tcp:, ssl: and unix:.  VNets,
# ports and a 10,000-entry translation table pushed with vplane-ctl appear
# in every host's dumps, and VMs on different hosts reach each other with
# no table loaded on any host directly.  A vplaned restarted while the
# controller is up comes back with the full state.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping openssl "$PYTHON"

world_init csync

check_step "PKI for the ssl: session"
pki=$WORLD_DIR/pki
ovs_pki="$(world_ovsdb_bin)/../utilities/ovs-pki --dir=$pki --log=$WORLD_DIR/pki.log"
(cd "$WORLD_DIR" && $ovs_pki init --force >/dev/null \
    && $ovs_pki req+sign ctrl controller >/dev/null \
    && $ovs_pki req+sign h2 switch >/dev/null) || check_fail "ovs-pki failed"

world_controller --remote=pssl:6654:$WORLD_CTRL_IP \
    -p "$WORLD_DIR/ctrl-privkey.pem" -c "$WORLD_DIR/ctrl-cert.pem" \
    -C "$pki/switchca/cacert.pem" || check_fail "controller did not start"

check_step "desired state with vplane-ctl"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3
world_nb tenant-add acme
world_nb vnet-add web 5001 acme 10.1.0.1/16
world_nb vnet-add db 5002 acme 10.2.0.1/24
world_nb route-add acme 10.9.0.0/16 10.2.0.12

# 10,000 VMs elsewhere (VTEPs outside this world's hosts: nothing is sent
# to them), in one import.
"$PYTHON" - "$WORLD_DIR/xlate.json" <<'PY'
import json, sys
xl = []
for i in range(10000):
    xl.append({"vnet": "web", "mac": "02:aa:00:00:%02x:%02x" % (i >> 8, i & 255),
               "ip": "10.1.%d.%d" % (100 + i // 250, 1 + i % 250),
               "vtep": "192.168.100.%d" % (100 + i % 50)})
json.dump({"xlate": xl}, open(sys.argv[1], "w"))
PY
out=$(world_nb xlate-import "$WORLD_DIR/xlate.json") || check_fail "import: $out"
check_contains "$out" "10000 translation entries" "xlate-import"

check_step "hosts join: h1 over tcp:, h2 over ssl:, h3 over unix:"
world_host h1 192.168.100.1 --controller="$WORLD_CTRL"
world_host h2 192.168.100.2 --controller="ssl:$WORLD_CTRL_IP:6654" \
    -p "$WORLD_DIR/h2-privkey.pem" -c "$WORLD_DIR/h2-cert.pem" \
    -C "$pki/controllerca/cacert.pem"
world_host h3 192.168.100.3 --controller="unix:$WORLD_DIR/ctrl.sock"
world_vm w1 h1 02:00:00:00:01:01 10.1.0.11/16 10.1.0.1
world_vm w3 h3 02:00:00:00:01:03 10.1.0.13/16 10.1.0.1
world_vm d2 h2 02:00:00:00:02:02 10.2.0.12/24 10.2.0.1
world_ctl h1 port/add w1 web 02:00:00:00:01:01 10.1.0.11 vm=vm-w1 >/dev/null
world_ctl h3 port/add w3 web 02:00:00:00:01:03 10.1.0.13 vm=vm-w3 >/dev/null
world_ctl h2 port/add d2 db 02:00:00:00:02:02 10.2.0.12 >/dev/null
wait_synced h1 h2 h3

check_step "every host has every entry"
for h in h1 h2 h3; do
    n=$(xlate_lines $h web)
    check_eq "$n" 10002 "$h: translation entries of VNet web"
    check_contains "$(world_ctl $h route/dump acme)" "10.9.0.0/16" "$h: routes"
    check_contains "$(world_ctl $h vnet/dump)" "db" "$h: VNets"
done
check_contains "$(world_ctl h1 port/list)" "w1" "h1's port from the controller"
check_not_contains "$(world_ctl h1 port/list)" "d2" "h1 has only its own ports"
out=$(world_nb port-list web | grep 02:00:00:00:01:01)
check_contains "$out" "h1" "port bound to h1"
check_contains "$out" "vm-w1" "VM identity"

check_step "local table changes are refused under a controller"
out=$(world_ctl h1 xlate/add web 02:00:00:00:09:09 10.1.9.9 192.168.100.2 2>&1) \
    && check_fail "xlate/add accepted under a controller"
check_contains "$out" "come from the controller" "refusal"

check_step "VMs on different hosts reach each other"
check_ping w1 10.1.0.13
check_ping w1 10.2.0.12
check_ping d2 10.1.0.13

check_step "a change reaches every host"
world_nb port-add web 02:aa:ff:00:00:01 10.1.200.1 vtep=192.168.100.99
wait_synced h1 h2 h3
for h in h1 h2 h3; do
    check_contains "$(world_ctl $h xlate/dump --limit=100000 web | grep 02:aa:ff:00:00:01)" \
        "192.168.100.99" "$h: the new entry"
done

check_step "subsets pushed to every host"
for h in h1 h2 h3; do
    out=$(world_ctl $h subsets/dump)
    check_contains "$out" "64 query subsets" "$h: subsets/dump"
    check_contains "$out" "0 unassigned" "$h: subsets/dump"
done

check_step "vplaned restarted while the controller is up"
before=$(world_ctl h2 tables/export)
world_stop_vplaned h2
world_start_vplaned h2 192.168.100.2 --controller="ssl:$WORLD_CTRL_IP:6654" \
    -p "$WORLD_DIR/h2-privkey.pem" -c "$WORLD_DIR/h2-cert.pem" \
    -C "$pki/controllerca/cacert.pem"
wait_synced h2
after=$(world_ctl h2 tables/export)
check_eq "$after" "$before" "h2's tables after its restart"
check_ping d2 10.1.0.11

check_step "a gateway host serves every tenant with external access"
world_nb tenant-add outside external-access=true \
    -- vnet-add edge 7001 outside 172.16.0.1/24 \
    -- port-add edge 02:ee:00:00:00:01 172.16.0.5 vtep=192.168.100.60
world_nb --may-exist host-add h3 192.168.100.3 gateway=true
wait_synced h1 h2 h3
check_contains "$(world_ctl h3 vnet/dump)" "edge" "gateway h3: VNet of the external tenant"
check_contains "$(world_ctl h3 xlate/dump edge)" "172.16.0.5" "gateway h3: its entries"
check_not_contains "$(world_ctl h1 vnet/dump)" "edge" "h1 (no VM of the tenant, not a gateway)"

check_step "the controller's view"
out=$(world_ctrl ctrl/hosts)
for h in h1 h2 h3; do
    check_contains "$out" "$h " "ctrl/hosts"
done
out=$(world_nb host-list)
check_contains "$out" "true" "host-list connection state"
echo "PASS"
