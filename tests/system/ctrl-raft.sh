#!/bin/bash
# The database is a 3-member Raft cluster of real ovsdb-servers; vplane-ctrl
# and vplane-ctl are given all three remotes (--db=unix:A,unix:B,unix:C).
# While vplane-ctl adds ports one command at a time, the cluster's leader
# is killed with SIGKILL.  Afterwards: every command that exited 0 is in
# the database (read through a surviving member), the controller serves
# on, the hosts have every committed port, and the killed member, once
# restarted, catches up (a query against it alone returns every row).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

world_init foraft
bin=$(world_ovsdb_bin) || check_fail "no ovsdb-server"
WORLD_DB_CLUSTER=3 world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/16
for i in 1 2; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
    world_vm vm$i h$i 02:00:00:00:01:0$i 10.1.0.1$i/16 10.1.0.1
    world_ctl h$i port/add vm$i web 02:00:00:00:01:0$i 10.1.0.1$i >/dev/null
done
wait_synced h1 h2

# role I: member I's Raft role (leader, follower, candidate).
role() {
    "$VPLANE_CTL" -t "$WORLD_DIR/db$1.ctl" cluster/status VPlane 2>/dev/null \
        | sed -n 's/^Role: //p'
}
# macs SOCKET: the Port MACs one member has, read from it alone (a
# follower answers reads from its own copy).
macs() {
    "$bin/ovsdb-client" -f csv --no-headings dump "unix:$1" VPlane Port mac \
        2>/dev/null | tr -d '"' | sort
}

check_step "the cluster: one leader, two followers"
leader=
for i in 1 2 3; do
    [ "$(role $i)" = leader ] && leader=$i
done
[ -n "$leader" ] || check_fail "no leader: $(for i in 1 2 3; do role $i; done)"
check_contains "$(world_ctrl ctrl/hosts)" "h1" "the controller serves"

check_step "SIGKILL the leader (member $leader) during a stream of port-adds"
: >"$WORLD_DIR/committed"
(
    for n in $(seq 1 80); do
        mac=$(printf '02:dd:00:00:%02x:%02x' $((n / 256)) $((n % 256)))
        if world_nb port-add web "$mac" "10.1.200.$n" vtep=192.168.100.77 \
            >/dev/null 2>>"$WORLD_DIR/failed"; then
            echo "$mac" >>"$WORLD_DIR/committed"
        fi
    done
) &
loop=$!
for i in $(seq 300); do
    [ "$(wc -l <"$WORLD_DIR/committed")" -ge 20 ] && break
    sleep 0.1
done
world_db_kill "$leader"
at_kill=$(wc -l <"$WORLD_DIR/committed")
wait $loop
n_ok=$(wc -l <"$WORLD_DIR/committed")
echo "committed $n_ok of 80; failures: $(sort "$WORLD_DIR/failed" | uniq -c | head -5)"
check_ge "$n_ok" 40 "port-adds committed"
[ "$at_kill" -lt 80 ] || check_fail "the stream was over before the kill"

check_step "every committed port-add is in the database"
survivor=$((leader % 3 + 1))
macs "$WORLD_DIR/db$survivor.sock" >"$WORLD_DIR/survivor"
missing=$(sort "$WORLD_DIR/committed" | comm -23 - "$WORLD_DIR/survivor")
check_eq "$missing" "" "committed MACs missing from member $survivor"

check_step "the controller serves on and the hosts have every committed port"
world_nb port-add web 02:cc:00:00:00:01 10.1.250.1 vtep=192.168.100.77 \
    || check_fail "a change after the election"
wait_synced h1 h2
check_contains "$(world_ctrl ctrl/hosts)" "h1" "ctrl/hosts after the election"
for h in h1 h2; do
    world_ctl $h xlate/dump --limit=100000 web >"$WORLD_DIR/$h.xlate"
    for mac in $(cat "$WORLD_DIR/committed") 02:cc:00:00:00:01; do
        grep -q "$mac" "$WORLD_DIR/$h.xlate" \
            || check_fail "$h does not have committed port $mac"
    done
done
check_ping vm1 10.1.0.12

check_step "the killed member, restarted, catches up"
world_db_start "$leader" || check_fail "member $leader did not restart"
for i in $(seq 300); do
    role=$(role "$leader")
    { [ "$role" = follower ] || [ "$role" = leader ]; } \
        && cmp -s <(macs "$WORLD_DIR/db$survivor.sock") \
                  <(macs "$WORLD_DIR/db$leader.sock") && break
    sleep 0.1
done
status=$("$VPLANE_CTL" -t "$WORLD_DIR/db$leader.ctl" cluster/status VPlane)
check_contains "$status" "Status: cluster member" "member $leader's status"
members=$(grep -c '^    [0-9a-f]\{4\} (' <<<"$status")
check_eq "$members" 3 "servers member $leader sees"
check_eq "$(macs "$WORLD_DIR/db$leader.sock")" \
    "$(macs "$WORLD_DIR/db$survivor.sock")" "member $leader's Port rows"
macs "$WORLD_DIR/db$leader.sock" | grep -q 02:cc:00:00:00:01 \
    || check_fail "member $leader lacks the change made while it was down"
echo "PASS"
