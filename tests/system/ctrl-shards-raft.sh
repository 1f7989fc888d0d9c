#!/bin/bash
# Shards on a clustered database: two vplane-ctrl, each preferring one
# shard of a 2-shard deployment, on a 3-member Raft cluster of real
# ovsdb-servers (all three remotes given to everyone), and a host in each
# shard (node1 in shard 0, node4 in shard 1).  The Raft leader is killed
# with SIGKILL: both controllers serve their own shard again (their locks
# move to the new leader, where a controller that does not prefer a shard
# queues for it only 2 s after it reached the leader; each IDL looks for the
# new leader once a second rather than backing off up to 8 s) and a change
# made after reaches both hosts.  Then one controller
# is killed with SIGKILL: its host moves to the other, which then serves
# both shards, and a change made after reaches both hosts.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

world_init s4raft
c1=tcp:$WORLD_CTRL_IP:6653
c2=tcp:$WORLD_CTRL2_IP:6653
WORLD_DB_CLUSTER=3 world_controller --name=c1 --shards=0 \
    || check_fail "c1 did not start"
world_standby_ctrl --name=c2 --shards=1 || check_fail "c2 did not start"
world_nb set-deployment shards=2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/16
world_nb host-add node1 192.168.100.1 -- host-add node4 192.168.100.4

# serving CTRL SHARD: whether controller CTRL serves shard SHARD.
serving() {
    world_ctrl_at "$1" ctrl/shards | awk -v k="$2" '$1 == k && $4 == "serving" { f = 1 } END { exit !f }'
}
# in_sync HOST CTRL: HOST is in sync with controller address CTRL.
in_sync() {
    world_ctl "$1" controller/show | grep -q "^controller $2: in sync$"
}
# wait_long COMMAND...: COMMAND succeeds within 30 s (should a controller
# reach the new leader late and lose its shard, rebalancing gives it back
# about 11 s later).
wait_long() {
    world_wait_secs 30 "$@"
}
has_mac() {
    world_ctl "$1" xlate/dump web | grep -q "$2"
}
# role I: member I's Raft role (leader, follower, candidate).
role() {
    "$VPLANE_CTL" -t "$WORLD_DIR/db$1.ctl" cluster/status VPlane 2>/dev/null \
        | sed -n 's/^Role: //p'
}

check_step "each controller takes its shard; each host its controller"
world_wait_for serving ctrl 0 || check_fail "c1 does not serve shard 0"
world_wait_for serving ctrl2 1 || check_fail "c2 does not serve shard 1"
for i in 1 4; do
    world_host node$i 192.168.100.$i --controller="$c1,$c2"
    world_vm vm$i node$i 02:00:00:00:01:0$i 10.1.0.1$i/16 10.1.0.1
    world_ctl node$i port/add vm$i web 02:00:00:00:01:0$i 10.1.0.1$i >/dev/null
done
shards=$(world_ctrl_at ctrl ctrl/hosts)
grep -qE "^node1 .* 0  c1 " <<<"$shards" || check_fail "node1 not in shard 0: $shards"
grep -qE "^node4 .* 1  c2 " <<<"$shards" || check_fail "node4 not in shard 1: $shards"
world_wait_for in_sync node1 "$c1" || check_fail "node1 not in sync with c1"
world_wait_for in_sync node4 "$c2" || check_fail "node4 not in sync with c2"
check_ping vm1 10.1.0.14

check_step "SIGKILL the Raft leader: both controllers serve on"
leader=
for i in 1 2 3; do
    [ "$(role $i)" = leader ] && leader=$i
done
[ -n "$leader" ] || check_fail "no leader: $(for i in 1 2 3; do role $i; done)"
world_db_kill "$leader"
world_nb port-add web 02:cc:00:00:00:01 10.1.250.1 vtep=192.168.100.77 \
    || check_fail "a change after the election"
world_wait_for has_mac node1 02:cc:00:00:00:01 || check_fail "the change not on node1"
world_wait_for has_mac node4 02:cc:00:00:00:01 || check_fail "the change not on node4"
wait_long serving ctrl 0 || check_fail "c1 no longer serves shard 0"
wait_long serving ctrl2 1 || check_fail "c2 no longer serves shard 1"
wait_long in_sync node1 "$c1" || check_fail "node1 not back in sync with c1"
wait_long in_sync node4 "$c2" || check_fail "node4 not back in sync with c2"
grep -q "monitoring again" "$WORLD_DIR/ctrl.log" "$WORLD_DIR/ctrl2.log" \
    && grep "monitoring again" "$WORLD_DIR/ctrl.log" "$WORLD_DIR/ctrl2.log" | head -3

check_step "SIGKILL c2: node4 moves to c1"
kill -9 "$(cat "$WORLD_DIR/ctrl2.pid")"
rm -f "$WORLD_DIR/ctrl2.pid"
# c1 queues for shard 1 2 s after it started, and the lock comes to it
# once the new leader sees c2's connection close.
for i in 1 2 3; do
    world_wait_for serving ctrl 1 && break
done
serving ctrl 1 || check_fail "c1 did not take shard 1: $(world_ctrl_at ctrl ctrl/shards)"
for i in 1 2 3; do
    world_wait_for in_sync node4 "$c1" && break
done
in_sync node4 "$c1" || check_fail "node4 not in sync with c1: $(world_ctl node4 controller/show)"
world_nb port-add web 02:cc:00:00:00:02 10.1.250.2 vtep=192.168.100.77 \
    || check_fail "a change after the controller's death"
world_wait_for has_mac node1 02:cc:00:00:00:02 || check_fail "the last change not on node1"
world_wait_for has_mac node4 02:cc:00:00:00:02 || check_fail "the last change not on node4"
check_match() {
    grep -qE -- "$2" <<<"$1" || check_fail "$3: /$2/ not found in: $1"
}
check_match "$(world_ctrl_at ctrl ctrl/hosts)" "^node4 .* up [0-9]*s .* 1  c1 " \
    "c1 serves node4"
check_ping vm4 10.1.0.11
echo "PASS"
