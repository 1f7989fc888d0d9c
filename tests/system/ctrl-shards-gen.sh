#!/bin/bash
# Generations across a shard's takeover: the holder of shard 1 (c2) sends
# its two hosts many more generations than the other controllers send
# theirs; it is killed with SIGKILL and a survivor takes shard 1.  The
# survivor's own counter is far behind, yet the hosts of shard 1 must see
# only generations above those they already applied (the survivor goes on
# from what c2 recorded in Host.status).  Then the database records
# another controller as shard 0's holder (as when shard 0 changes hands
# before its old holder sees it): c1, still holding the lock, stops making
# the global decisions and does not record itself back; and the same
# for shard 2: c3 writes nothing more of its host node4's rows.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root

. "$(dirname "$0")/../lib/shards.sh"

# Only node8 and node11 (shard 1) get VMs, so c2 sends far more generations
# than c1 and c3.
shards_world s2gen
recorded0() {
    world_ctrl_at ctrl2 ctrl/shards | awk '$1 == 0 && $5 == "c1" { f = 1 } END { exit !f }'
}
world_wait_for recorded0 || check_fail "c1 not recorded as shard 0's holder: $(world_ctrl_at ctrl2 ctrl/shards)"

world_host node2 192.168.100.2 --controller="$c1,$c2,$c3"
world_host node8 192.168.100.8 --controller="$c2,$c1,$c3"
world_host node11 192.168.100.11 --controller="$c2,$c3,$c1"
world_host node4 192.168.100.4 --controller="$c3,$c1,$c2"
for i in 8 11; do
    world_vm vm$i node$i 02:00:00:00:01:$(printf %02d $i) 10.1.0.$((10 + i))/16 10.1.0.1
    world_ctl node$i port/add vm$i web 02:00:00:00:01:$(printf %02d $i) 10.1.0.$((10 + i)) >/dev/null
done

# gen HOST: the generation HOST applied last.
gen() {
    world_ctl "$1" controller/show | sed -n 's/^  generation \([0-9]*\) applied.*/\1/p'
}
in_sync() {
    world_ctl "$1" controller/show | grep -q "^controller $2: in sync$"
}
has_mac() {
    world_ctl "$1" xlate/dump web | grep -q "$2"
}

check_step "c2 sends node8 and node11 many generations"
world_wait_for in_sync node8 "$c2" || check_fail "node8 not in sync with c2"
world_wait_for in_sync node11 "$c2" || check_fail "node11 not in sync with c2"
for i in $(seq 10 30); do
    world_nb port-add web 02:cc:00:00:00:$i 10.1.250.$i vtep=192.168.100.77
    world_wait_for has_mac node8 "02:cc:00:00:00:$i" || check_fail "change $i not on node8"
done
world_wait_for in_sync node8 "$c2" || check_fail "node8 not in sync with c2"
world_wait_for in_sync node11 "$c2" || check_fail "node11 not in sync with c2"
before2=$(gen node8)
before6=$(gen node11)
echo "before the kill: node8 at generation $before2, node11 at $before6"
# c2 records what it sent at most a second late: wait until it did.
recorded() {
    local g
    g=$(world_ctrl_at ctrl ctrl/hosts \
        | sed -nE 's/^node8 .* up via c2 +(yes|no) +([0-9]+) .*/\2/p')
    [ -n "$g" ] && [ "$g" -ge "$before2" ]
}
world_wait_for recorded || check_fail "c2 did not record node8's generation: $(world_ctrl_at ctrl ctrl/hosts)"

check_step "SIGKILL c2: a survivor takes shard 1"
kill -9 "$(cat "$WORLD_DIR/ctrl2.pid")"
rm -f "$WORLD_DIR/ctrl2.pid"
taken() { serving ctrl 1 || serving ctrl3 1; }
world_wait_for taken || check_fail "nobody took shard 1"
synced_elsewhere() {
    in_sync "$1" "$c1" || in_sync "$1" "$c3"
}
for i in 1 2 3; do
    world_wait_for synced_elsewhere node8 && break
done
synced_elsewhere node8 || check_fail "node8 not back in sync: $(world_ctl node8 controller/show)"
for i in 1 2 3; do
    world_wait_for synced_elsewhere node11 && break
done
synced_elsewhere node11 || check_fail "node11 not back in sync: $(world_ctl node11 controller/show)"

check_step "the hosts of shard 1 never go back to a generation they saw"
after2=$(gen node8)
after6=$(gen node11)
echo "after the takeover: node8 at generation $after2, node11 at $after6"
[ "$after2" -gt "$before2" ] || check_fail "node8: generation $after2 after the takeover, $before2 before"
[ "$after6" -gt "$before6" ] || check_fail "node11: generation $after6 after the takeover, $before6 before"
world_nb port-add web 02:cc:00:00:00:99 10.1.250.99 vtep=192.168.100.77
world_wait_for has_mac node8 02:cc:00:00:00:99 || check_fail "change after the takeover not on node8"
[ "$(gen node8)" -gt "$after2" ] || check_fail "node8: generation went back after an update"
check_step "a holder of shard 0 no longer recorded as such makes no global write"
# As when shard 0 changed hands and the old holder has not yet seen its
# lock go: the database records another controller as shard 0's holder.
"$(world_ovsdb_bin)/ovsdb-client" transact "$WORLD_DB" '["VPlane",
  {"op": "mutate", "table": "Deployment", "where": [],
   "mutations": [["shard_holders", "delete", ["set", [0]]]]},
  {"op": "mutate", "table": "Deployment", "where": [],
   "mutations": [["shard_holders", "insert", ["map", [[0, "intruder"]]]]]}]' \
    >/dev/null || check_fail "could not record another holder"
not_global() {
    world_ctrl_at ctrl ctrl/hosts | grep -q "^node4 .*(shard 0's holder)"
}
world_wait_for not_global || check_fail "c1 still makes the global decisions: $(world_ctrl_at ctrl ctrl/hosts)"
check_match() {
    grep -qE -- "$2" <<<"$1" || check_fail "$3: /$2/ not found in: $1"
}
check_match "$(world_ctrl_at ctrl ctrl/shards)" "^0 .* serving +intruder" \
    "c1 does not record itself back"

check_step "a holder of shard 2 no longer recorded as such writes none of its hosts' rows"
# The same for shard 2, whose holder c3 serves node4: once the database
# records another holder, c3 neither binds node4's new port nor writes
# node4's status (here marked as the intruder's), though it still holds the
# lock and serves node4.
"$(world_ovsdb_bin)/ovsdb-client" transact "$WORLD_DB" '["VPlane",
  {"op": "mutate", "table": "Deployment", "where": [],
   "mutations": [["shard_holders", "delete", ["set", [2]]]]},
  {"op": "mutate", "table": "Deployment", "where": [],
   "mutations": [["shard_holders", "insert", ["map", [[2, "intruder"]]]]]},
  {"op": "update", "table": "Host", "where": [["name", "==", "node4"]],
   "row": {"status": ["map", [["controller", "intruder"]]]}}]' \
    >/dev/null || check_fail "could not record another holder of shard 2"
world_vm vm4 node4 02:00:00:00:01:04 10.1.0.14/16 10.1.0.1
world_ctl node4 port/add vm4 web 02:00:00:00:01:04 10.1.0.14 >/dev/null
status4() {
    "$(world_ovsdb_bin)/ovsdb-client" -f csv --no-headings transact "$WORLD_DB" \
        '["VPlane", {"op": "select", "table": "Host", "where": [["name", "==", "node4"]], "columns": ["status"]}]'
}
withheld() {
    local n
    n=$(world_ctrl_at ctrl3 coverage/read-counter ctrl_shard_write_withheld 2>/dev/null)
    [ "${n:-0}" -gt 0 ]
}
world_wait_for withheld || check_fail "c3 did not withhold node4's rows: $(world_ctrl_at ctrl3 coverage/read-counter ctrl_shard_write_withheld 2>&1) $(world_ctrl_at ctrl3 ctrl/shards) $(status4)"
check_contains "$(world_ctrl_at ctrl3 ctrl/host-diff node4)" "host node4: connected" \
    "c3 still serves node4"
check_contains "$(status4)" '["controller","intruder"]' "node4's status as the intruder left it"
check_not_contains "$(status4)" "c3" "node4's status, not rewritten by c3"
echo "PASS"
