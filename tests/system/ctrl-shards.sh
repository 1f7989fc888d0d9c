#!/bin/bash
# Three vplane-ctrl active at once on one database of 3 shards, each taking
# one shard first (--shards=K) and queuing for the others.  Four hosts list
# every controller, in different orders: each host ends up on the holder of
# its shard (the others refuse its hello and it moves on).  The holder of
# shard 1 is killed with SIGKILL while VMs on every host ping across hosts:
# a survivor takes shard 1, its hosts reconnect to it, the pings lose
# nothing, a change made right after reaches every host, and ctrl/hosts on
# both survivors says who serves whom.  Then c2 is started again: shard 1
# goes back to it (rebalancing), each of its hosts moves once, straight
# from the survivor to c2, and the pings lose nothing.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

. "$(dirname "$0")/../lib/shards.sh"

shards_world shctl
check_contains "$(world_nb deployment-show)" "shards=3" "deployment-show"

world_host node2 192.168.100.2 --controller="$c3,$c2,$c1"
world_host node8 192.168.100.8 --controller="$c1,$c2,$c3"
world_host node11 192.168.100.11 --controller="$c3,$c1,$c2"
world_host node4 192.168.100.4 --controller="$c1,$c2,$c3"
for i in 2 8 11 4; do
    world_vm vm$i node$i 02:00:00:00:01:$(printf %02d $i) 10.1.0.$((10 + i))/16 10.1.0.1
    world_ctl node$i port/add vm$i web 02:00:00:00:01:$(printf %02d $i) 10.1.0.$((10 + i)) >/dev/null
done

check_match() {
    grep -qE -- "$2" <<<"$1" || check_fail "$3: /$2/ not found in: $1"
}
# wait_long COMMAND...: COMMAND succeeds within 30 s (a host refused by
# every controller backs off up to 8 s between rounds).
wait_long() {
    world_wait_secs 30 "$@"
}
# server_of HOST [CTRL...]: the controller (among CTRL..., default all)
# whose session with HOST is up.
server_of() {
    local h=$1 c; shift
    for c in ${*:-ctrl ctrl2 ctrl3}; do
        if world_ctrl_at "$c" ctrl/host-diff "$h" 2>/dev/null \
                | grep -q "^host $h: connected"; then
            echo "$c"
            return 0
        fi
    done
    return 1
}
# synced_all CTRL...: every host is connected to one of CTRL..., has
# acknowledged the last generation it sent, holds the desired state and
# says it is in sync (as check.sh's wait_synced, across controllers).
synced_all() {
    local h c out
    for h in $HOSTS; do
        c=$(server_of "$h" "$@") || { echo "$h: no controller"; return 1; }
        out=$(world_ctrl_at "$c" ctrl/host-diff "$h")
        grep -q "^host $h: connected, generation \([0-9]*\) sent, \1 acknowledged" <<<"$out" \
            && grep -q "no difference from the desired state" <<<"$out" \
            && world_ctl "$h" controller/show | grep -q ": in sync$" \
            || { echo "$h on $c: $out"; return 1; }
    done
}

check_step "every host is served by the holder of its shard"
wait_long synced_all ctrl ctrl2 ctrl3 || check_fail "hosts not in sync"
check_eq "$(server_of node2)" ctrl "node2 (shard 0) on c1"
check_eq "$(server_of node8)" ctrl2 "node8 (shard 1) on c2"
check_eq "$(server_of node11)" ctrl2 "node11 (shard 1) on c2"
check_eq "$(server_of node4)" ctrl3 "node4 (shard 2) on c3"
# Other controllers' hosts as their status says, written at most a second
# late.
c1_says() {
    world_ctrl_at ctrl ctrl/hosts | grep -qE "$1"
}
world_wait_for c1_says "node8 .* up via c2 .* 1  c2 " \
    || check_fail "c1 does not say c2 serves node8: $(world_ctrl_at ctrl ctrl/hosts)"
world_wait_for c1_says "node4 .* up via c3 .* 2  c3 " \
    || check_fail "c1 does not say c3 serves node4: $(world_ctrl_at ctrl ctrl/hosts)"
hosts=$(world_ctrl_at ctrl ctrl/hosts)
check_contains "$hosts" "3 shards; this vplane-ctrl (c1) serves 0" "c1's ctrl/hosts"
check_contains "$(world_ctl node2 controller/show)" "controller $c1: in sync" \
    "node2 moved past c3 and c2 to c1"
check_contains "$(world_ctrl_at ctrl3 ctrl/sessions)" "node4" "c3's sessions"
check_not_contains "$(world_ctrl_at ctrl3 ctrl/sessions)" "node2" \
    "c3 keeps no session with node2"
# Each session is read when its socket has input (ctrl/sb-ready.c), not on
# every pass over all of them.
check_match "$(world_ctrl_at ctrl3 ctrl/sessions)" "node4 +on-input" \
    "c3 reads node4's session on input"
check_not_contains "$(world_ctrl_at ctrl2 ctrl/sessions)" "each-pass" \
    "c2 identified every session's socket"
check_ping vm2 10.1.0.18
check_ping vm11 10.1.0.14

check_step "SIGKILL c2 while VMs ping across hosts"
# Every host sends and receives: vm2 -> vm8 and vm11 -> vm4 cross shards,
# vm8 -> vm11 stays in the shard that moves.
pings="2:10.1.0.18 11:10.1.0.14 8:10.1.0.21 4:10.1.0.12"
for p in $pings; do
    world_bg "vm${p%%:*}" ping -i 0.1 -c 100 -W 1 "${p#*:}" \
        >"$WORLD_DIR/ping${p%%:*}.out" 2>&1
    ping_pids="${ping_pids:-} $WORLD_BG_PID"
done
sleep 2
killed_at=$(date +%s.%N)
kill -9 "$(cat "$WORLD_DIR/ctrl2.pid")"
rm -f "$WORLD_DIR/ctrl2.pid"

check_step "a survivor takes shard 1 and its hosts reconnect to it"
taken() { serving ctrl 1 || serving ctrl3 1; }
world_wait_for taken || check_fail "nobody took shard 1"
wait_long synced_all ctrl ctrl3 || check_fail "hosts not back in sync"
echo "hosts back in sync $(awk -v a="$killed_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s after the kill"
new=$(server_of node8 ctrl ctrl3)
check_eq "$(server_of node11 ctrl ctrl3)" "$new" "node11 with node8"
other=ctrl; [ "$new" = ctrl ] && other=ctrl3
newname=c1; [ "$new" = ctrl3 ] && newname=c3

check_step "a change right after reaches every host"
world_nb port-add web 02:cc:00:00:00:01 10.1.250.1 vtep=192.168.100.77
wait_long synced_all ctrl ctrl3 || check_fail "hosts not in sync after the change"
for h in $HOSTS; do
    check_contains "$(world_ctl $h xlate/dump web | grep 02:cc:00:00:00:01)" \
        192.168.100.77 "$h: the change made after the kill"
done

check_step "ctrl/hosts on both survivors says who serves whom"
# Status rows are written at most once a second.
says() {
    local out; out=$(world_ctrl_at "$other" ctrl/hosts)
    grep -q "node8 .* up via $newname .* 1  $newname " <<<"$out" \
        && grep -q "node11 .* up via $newname .* 1  $newname " <<<"$out"
}
world_wait_for says || check_fail "$other's ctrl/hosts: $(world_ctrl_at "$other" ctrl/hosts)"
hosts=$(world_ctrl_at "$new" ctrl/hosts)
check_match "$hosts" "node8 .* up [0-9]*s .* 1  $newname " "$newname serves node8"
check_match "$hosts" "node11 .* up [0-9]*s .* 1  $newname " "$newname serves node11"
check_match "$(world_ctrl_at "$new" ctrl/shards)" "^1 .* serving " "$newname's ctrl/shards"

check_step "the pings lost nothing"
wait $ping_pids
for p in $pings; do
    check_contains "$(cat "$WORLD_DIR/ping${p%%:*}.out")" \
        "100 packets transmitted, 100 received, 0% packet loss" \
        "ping vm${p%%:*} -> ${p#*:} through the kill"
done
check_ping vm8 10.1.0.14

check_step "c2 comes back: shard 1 goes back to it, each of its hosts moves once"
# c2 is in line behind the survivors; after waiting there it asks the
# holder ($newname) through the database, the other survivor leaves the
# line, the holder lets go and the lock goes straight to c2.
connections() { grep -c "connected to vplane-ctrl" "$WORLD_DIR/$1.log"; }
n8=$(connections node8); n11=$(connections node11)
pings="8:10.1.0.21 11:10.1.0.12 2:10.1.0.18 4:10.1.0.21"
ping_pids=
for p in $pings; do
    world_bg "vm${p%%:*}" ping -i 0.1 -c 250 -W 1 "${p#*:}" \
        >"$WORLD_DIR/back${p%%:*}.out" 2>&1
    ping_pids="$ping_pids $WORLD_BG_PID"
done
world_start_ctrl_as ctrl2 "$WORLD_CTRL2_IP" --name=c2 --shards=1 \
    || check_fail "c2 did not start again"
wait_long serving ctrl2 1 || check_fail "shard 1 not back on c2: $(world_ctrl_at ctrl2 ctrl/shards)"
wait_long synced_all ctrl ctrl2 ctrl3 || check_fail "hosts not in sync after the handback"
check_eq "$(server_of node8)" ctrl2 "node8 back on c2"
check_eq "$(server_of node11)" ctrl2 "node11 back on c2"
check_eq "$(server_of node2)" ctrl "node2 stays on c1"
check_eq "$(server_of node4)" ctrl3 "node4 stays on c3"
check_eq "$(($(connections node8) - n8))" 1 "node8's new sessions"
check_eq "$(($(connections node11) - n11))" 1 "node11's new sessions"
check_contains "$(world_ctl node8 controller/show)" "controller $c2: in sync" "node8 on c2"
shards=$(world_ctrl_at "$new" ctrl/shards)
check_match "$shards" "^1 .* c2$" "$newname's ctrl/shards records c2 for shard 1"
requests=$("$(world_ovsdb_bin)/ovsdb-client" transact "$WORLD_DB" \
    '["VPlane", {"op": "select", "table": "Deployment", "where": [],
                 "columns": ["shard_requests"]}]')
check_contains "$requests" '"shard_requests":["map",[]]' \
    "Deployment.shard_requests, cleared by the holder that gave shard 1 back"
wait $ping_pids
for p in $pings; do
    check_contains "$(cat "$WORLD_DIR/back${p%%:*}.out")" \
        "250 packets transmitted, 250 received, 0% packet loss" \
        "ping vm${p%%:*} -> ${p#*:} through the handback"
done
echo "PASS"
