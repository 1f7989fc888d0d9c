# tests/lib/shards.sh: the world of the shard tests (ctrl-shards.sh,
# ctrl-shards-gen.sh), sourced after world.sh and check.sh.
#
# Three vplane-ctrl, c1, c2 and c3 (namespaces ctrl, ctrl2, ctrl3), each
# preferring one shard of a 3-shard deployment, and four hosts in the
# database: node2 (shard 0), node8 and node11 (shard 1), node4 (shard 2) --
# shard_of_host(), the CRC32C of the name mapped by jump consistent hash
# (tests/unit/test-shards.c); the tests check it in
# ctrl/hosts rather than trusting this comment.

HOSTS="node2 node8 node11 node4"
c1=tcp:$WORLD_CTRL_IP:6653
c2=tcp:$WORLD_CTRL2_IP:6653
c3=tcp:$WORLD_FABRIC_PREFIX.252:6653

# serving CTRL SHARD: whether controller CTRL serves shard SHARD.
serving() {
    world_ctrl_at "$1" ctrl/shards | awk -v k="$2" '$1 == k && $4 == "serving" { f = 1 } END { exit !f }'
}

# shards_world NAME: the world above, named NAME, with tenant acme and its
# VNet web (10.1.0.1/16), once each controller serves its shard.
shards_world() {
    world_init "$1"
    world_controller --name=c1 --shards=0 || check_fail "c1 did not start"
    world_standby_ctrl --name=c2 --shards=1 || check_fail "c2 did not start"
    world_fabric_ns ctrl3 "$WORLD_FABRIC_PREFIX.252"
    world_start_ctrl_as ctrl3 "$WORLD_FABRIC_PREFIX.252" --name=c3 \
        --shards=2 || check_fail "c3 did not start"
    world_nb set-deployment shards=3
    world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/16
    local i
    for i in 2 8 11 4; do
        world_nb host-add node$i 192.168.100.$i
    done

    check_step "each controller takes its preferred shard"
    world_wait_for serving ctrl 0 || check_fail "c1 does not serve shard 0"
    world_wait_for serving ctrl2 1 || check_fail "c2 does not serve shard 1"
    world_wait_for serving ctrl3 2 || check_fail "c3 does not serve shard 2"
}
