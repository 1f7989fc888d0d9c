#!/bin/bash
# The controller is killed with SIGKILL while VMs on different hosts ping
# each other: no packet is lost; after its restart every host reconnects
# and resynchronises, the dumps match the desired state, and nothing
# acknowledged before the kill is missing.  Changes made while it was down
# are in the database and reach the hosts after the restart.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"

world_init crst
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add h3 192.168.100.3
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/16
for i in 1 2 3; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/16 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/16 10.1.0.1
world_vm vm3 h3 02:00:00:00:01:03 10.1.0.13/16 10.1.0.1
for i in 1 2 3; do
    world_ctl h$i port/add vm$i web 02:00:00:00:01:0$i 10.1.0.1$i >/dev/null
done

# import FILE FIRST COUNT: COUNT translation entries from number FIRST.
import() {
    "$PYTHON" - "$1" "$2" "$3" <<'PY'
import json, sys
first, count = int(sys.argv[2]), int(sys.argv[3])
xl = [{"vnet": "web", "mac": "02:bb:00:00:%02x:%02x" % (i >> 8, i & 255),
       "ip": "10.1.%d.%d" % (100 + i // 250, 1 + i % 250),
       "vtep": "192.168.100.%d" % (100 + i % 50)}
      for i in range(first, first + count)]
json.dump({"xlate": xl}, open(sys.argv[1], "w"))
PY
    world_nb xlate-import "$1" >/dev/null || check_fail "import of $1"
}
import "$WORLD_DIR/x1.json" 0 1000
wait_synced h1 h2 h3

check_step "a change acknowledged by every host just before the kill"
import "$WORLD_DIR/x2.json" 1000 200
wait_synced h1 h2 h3
export1=$(world_nb export)
for h in h1 h2 h3; do
    world_ctl $h tables/export >"$WORLD_DIR/$h-before.json"
    check_eq "$(xlate_lines $h web)" 1203 "$h: entries before the kill"
done

check_step "SIGKILL the controller during a ping"
world_bg vm1 ping -i 0.02 -c 500 -W 1 10.1.0.12 >"$WORLD_DIR/ping.out" 2>&1
ping_pid=$WORLD_BG_PID
sleep 1
kill -9 "$(cat "$WORLD_DIR/ctrl.pid")"
sleep 1
for h in h1 h2 h3; do
    check_contains "$(world_ctl $h controller/show)" "disconnected" "$h without its controller"
done
check_ping vm2 10.1.0.13

check_step "changes while the controller is down"
world_nb port-add web 02:cc:00:00:00:01 10.1.250.1 vtep=192.168.100.77
# One entry of the second import goes: the snapshot after the restart no
# longer holds it, so the hosts remove it -- and only it.
gone=$(world_nb xlate-export web | "$PYTHON" -c 'import json,sys; x=[e for e in json.load(sys.stdin)["xlate"] if e["mac"].startswith("02:bb:00:00:04:")]; print(x[0]["mac"], x[0]["ip"], x[0]["vtep"])')
set -- $gone
gone_mac=$1 gone_ip=$2 gone_vtep=$3
world_nb port-del web "$gone_mac"
sleep 2

check_step "restart: every host reconnects and resynchronises"
rm -f "$WORLD_DIR/ctrl.pid"
# The restarted controller appends to the same log: its lines start here.
log_from=$(($(wc -l <"$WORLD_DIR/ctrl.log") + 1))
world_start_ctrl || check_fail "controller did not restart"
wait_synced h1 h2 h3
for h in h1 h2 h3; do
    check_eq "$(xlate_lines $h web)" 1203 "$h: entries after the restart"
    check_not_contains "$(world_ctl $h xlate/dump web)" "$gone_mac" "$h: the entry deleted while the controller was down"
    check_contains "$(world_ctl $h xlate/dump web | grep 02:cc:00:00:00:01)" \
        192.168.100.77 "$h: the change made while the controller was down"
    # Once to the restarted controller.  (Not "connections 2" on the
    # host: a host whose session the dying controller closed before its
    # listening socket may connect once more to the dying process, which
    # the kernel then resets.)
    check_eq "$(tail -n +"$log_from" "$WORLD_DIR/ctrl.log" \
                | grep -c "host $h (VTEP .*) connected from")" 1 \
        "$h's sessions with the restarted controller"
done

check_step "the ping lost nothing"
wait $ping_pid
out=$(cat "$WORLD_DIR/ping.out")
check_contains "$out" "500 packets transmitted, 500 received, 0% packet loss" \
    "ping vm1 -> vm2 through the controller's kill"

check_step "nothing acknowledged before the kill is missing"
world_nb port-del web 02:cc:00:00:00:01 \
    -- port-add web "$gone_mac" "$gone_ip" vtep="$gone_vtep"
wait_synced h1 h2 h3
check_eq "$(world_nb export)" "$export1" "the database's desired state"
for h in h1 h2 h3; do
    world_ctl $h tables/export >"$WORLD_DIR/$h-after.json"
    cmp -s "$WORLD_DIR/$h-before.json" "$WORLD_DIR/$h-after.json" \
        || check_fail "$h's tables differ from before the kill: $(diff "$WORLD_DIR/$h-before.json" "$WORLD_DIR/$h-after.json" | head -5)"
done
check_step "a host that does not come back is shown disconnected"
kill -9 "$(cat "$WORLD_DIR/ctrl.pid")"
world_stop_vplaned h3
rm -f "$WORLD_DIR/ctrl.pid"
world_start_ctrl || check_fail "controller did not restart"
for i in $(seq 50); do
    [ "$(world_nb get Host h3 status:connected)" = '"false"' ] && break
    sleep 0.1
done
check_eq "$(world_nb get Host h3 status:connected)" '"false"' "h3's status after the restart"
check_contains "$(world_ctrl ctrl/hosts | awk '$1 == "h3"')" "not since activation" "ctrl/hosts for h3"
check_contains "$(world_ctrl ctrl/lagging | awk '$1 == "h3"')" \
    "not connected since this controller became active" "ctrl/lagging for h3"

check_step "vplane-ctrl exits cleanly"
world_ctrl exit || check_fail "exit command failed"
for i in $(seq 50); do
    kill -0 "$(cat "$WORLD_DIR/ctrl.pid" 2>/dev/null)" 2>/dev/null || break
    sleep 0.1
done
check_contains "$(tail -2 "$WORLD_DIR/ctrl.log")" "exiting" "ctrl.log"
check_not_contains "$(tail -2 "$WORLD_DIR/ctrl.log")" "signal" "ctrl.log"
echo "PASS"
