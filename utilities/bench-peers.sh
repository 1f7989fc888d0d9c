# bench-peers.sh: the two peers vplane-bench measures vPlane against, built
# on the same hosts and VMs (tests/lib/world.sh): Open vSwitch 3.1.0's
# userspace datapath with native VXLAN tunnelling, and the Linux kernel's
# bridge with a VXLAN device.  Sourced by utilities/vplane-bench, which sets
# OVS_BUILDDIR, OVS_SRCDIR, VNI and the addresses.

# Topology 2: Open vSwitch, userspace datapath, native tunnelling.  Each
# host runs its own ovsdb-server and ovs-vswitchd with private directories
# under $WORLD_DIR/ovs-H.  br-phy holds the fabric port fab0 and takes over
# its address (the tunnel endpoint); br-int holds the VM port and the VXLAN
# port.  OVS 3.1's userspace datapath (without userspace-tso) forwards
# partial checksums as they are, so the VMs send full ones (tx off).

ovs_dir() { printf '%s/ovs-%s' "$WORLD_DIR" "$1"; }

# ovs_run H PROGRAM ARGS...: runs an OVS program (path relative to the
# build tree) in host H's namespace, with host H's private directories.
ovs_run() {
    local h=$1 prog=$2 d; shift 2
    d=$(ovs_dir "$h")
    world_exec "$h" env OVS_RUNDIR="$d/run" OVS_DBDIR="$d/db" \
        OVS_LOGDIR="$d/log" OVS_SYSCONFDIR="$d/etc" \
        "$OVS_BUILDDIR/$prog" "$@"
}

ovs_vsctl() {
    local h=$1; shift
    ovs_run "$h" utilities/ovs-vsctl --timeout=30 "$@"
}

# ovs_start H: creates host H's database, starts ovsdb-server, ovs-vswitchd.
ovs_start() {
    local h=$1 d; d=$(ovs_dir "$1")
    mkdir -p "$d/run" "$d/db" "$d/log" "$d/etc"
    ovs_run "$h" ovsdb/ovsdb-tool create "$d/db/conf.db" \
        "$OVS_SRCDIR/vswitchd/vswitch.ovsschema"
    ovs_run "$h" ovsdb/ovsdb-server "$d/db/conf.db" \
        --remote="punix:$d/run/db.sock" -vconsole:off --pidfile \
        --log-file --detach --no-chdir
    ovs_vsctl "$h" --no-wait init
    ovs_run "$h" vswitchd/ovs-vswitchd -vconsole:off --pidfile --log-file \
        --detach --no-chdir
}

# ovs_br_phy H ADDR: br-phy with fab0 in it; ADDR moves from fab0 to br-phy.
# fab0 stops answering ARP for it (arp_ignore=1), so only br-phy's MAC is
# ever advertised: the kernel then drops the tunnel packets that it also
# sees on fab0 as not addressed to it, instead of handling them twice.
ovs_br_phy() {
    local h=$1 addr=$2
    ovs_vsctl "$h" add-br br-phy -- set bridge br-phy datapath_type=netdev \
        -- add-port br-phy fab0
    world_exec "$h" sysctl -qw net.ipv4.conf.fab0.arp_ignore=1
    world_exec "$h" ip addr flush dev fab0
    world_exec "$h" ip addr add "$addr/24" dev br-phy
    world_exec "$h" ip link set br-phy up
}

# ovs_br_int H VM LOCAL REMOTE: br-int with the VM's port and a VXLAN port.
ovs_br_int() {
    local h=$1 vm=$2 local_ip=$3 remote_ip=$4
    ovs_vsctl "$h" add-br br-int -- set bridge br-int datapath_type=netdev \
        -- add-port br-int "$vm" \
        -- add-port br-int vxlan0 -- set interface vxlan0 type=vxlan \
        options:remote_ip="$remote_ip" options:local_ip="$local_ip" \
        options:key="$VNI"
    world_exec "$h" ip link set br-int up
}

# ovs_host H VM LOCAL REMOTE: one host's switch, up to a working underlay
# (a ping to the peer fills the tunnel neighbour cache).
ovs_host() {
    local h=$1 vm=$2 local_ip=$3 remote_ip=$4
    ovs_start "$h"
    ovs_br_phy "$h" "$local_ip"
    ovs_br_int "$h" "$vm" "$local_ip" "$remote_ip"
}

build_ovs() {
    build_hosts_and_vms
    ovs_host h1 va "$VTEP1" "$VTEP2"
    ovs_host h2 vb "$VTEP2" "$VTEP1"
    retry 25 world_exec h1 ping -c 1 -W 1 -q "$VTEP2" >/dev/null
    retry 25 world_exec h2 ping -c 1 -W 1 -q "$VTEP1" >/dev/null
    world_exec va ethtool -K eth0 tx off >/dev/null
    world_exec vb ethtool -K eth0 tx off >/dev/null
}

# The pids in the current world's OVS pidfiles.
ovs_pids() {
    [ -n "${WORLD_DIR:-}" ] || return 0
    cat "$WORLD_DIR"/ovs-*/run/*.pid 2>/dev/null || true
}

# Stops the current world's OVS daemons (ovs-vswitchd first) and waits
# for them to exit.
ovs_stop() {
    local f pids=
    for f in "${WORLD_DIR:-/nonexistent}"/ovs-*/run/ovs-vswitchd.pid \
             "${WORLD_DIR:-/nonexistent}"/ovs-*/run/ovsdb-server.pid; do
        [ -f "$f" ] || continue
        pids="$pids $(cat "$f")"
        kill "$(cat "$f")" 2>/dev/null || true
    done
    wait_gone 5 "$pids" || true
}

check_ovs_daemons() {
    local pid
    for pid in $(ovs_pids); do
        kill -0 "$pid" 2>/dev/null \
            || say "warning: Open vSwitch process $pid is not running any more"
    done
    show_log_problems "$(ovs_dir h1)/log/ovs-vswitchd.log"
    show_log_problems "$(ovs_dir h2)/log/ovs-vswitchd.log"
}

# ---------------------------------------------------------------------------
# Topology 3: the Linux kernel, a bridge and a VXLAN device per host; the
# VMs keep their default offloads.

# kernel_host H VM LOCAL REMOTE
kernel_host() {
    local h=$1 vm=$2 local_ip=$3 remote_ip=$4
    world_exec "$h" ip link add br0 type bridge
    world_exec "$h" ip link add vx0 type vxlan id "$VNI" dstport 4789 \
        local "$local_ip" remote "$remote_ip"
    world_exec "$h" ip link set vx0 master br0 up
    world_exec "$h" ip link set "$vm" master br0
    world_exec "$h" ip link set br0 up
}

build_kernel() {
    build_hosts_and_vms
    kernel_host h1 va "$VTEP1" "$VTEP2"
    kernel_host h2 vb "$VTEP2" "$VTEP1"
}

