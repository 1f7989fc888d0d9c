# world.sh: builds small vPlane worlds out of network namespaces, for the
# system tests, the sandbox and the benchmark.  Source it from bash.
#
#   world_init NAME                 start a world (cleanup is automatic)
#   world_host H VTEP [ARGS...]     a host: namespace on the fabric bridge,
#                                   running vplaned with VTEP address
#   world_vm VM H MAC IP/LEN [GW]   a VM: namespace whose eth0 is a veth;
#                                   the other end, named VM, is in host H;
#                                   IPv6 off unless WORLD_VM_IPV6=1
#   world_ctl H COMMAND...          vplane-ctl against host H's vplaned
#   world_exec NS COMMAND...        run in a host's or VM's namespace
#   world_bg NS COMMAND...          the same in the background; the PID is
#                                   in $WORLD_BG_PID (stop it with kill)
#   world_cleanup                   remove everything (also on exit)
#
# A controller (tests of vplane-ctrl, the sandbox):
#   world_controller                namespace "ctrl" on the fabric at
#                                   $WORLD_CTRL_IP running ovsdb-server
#                                   (file database in $WORLD_DIR) and
#                                   vplane-ctrl; hosts then join with
#                                   world_host H VTEP --controller=$WORLD_CTRL
#   world_start_ctrl, world_stop_ctrl  vplane-ctrl alone (the database stays)
#   world_nb COMMAND...             vplane-ctl database command
#   world_ctrl COMMAND...           vplane-ctl ctrl/... command (to
#                                   $WORLD_CTRL_NAME, default "ctrl")
#
# Options of world_controller, set before it:
#   WORLD_DB_CLUSTER=3              the database is a Raft cluster of 3
#                                   ovsdb-servers (members db1..db3, in the
#                                   "ctrl" namespace, Raft on 127.0.0.1:
#                                   6641..6643); $WORLD_DB lists their
#                                   sockets for vplane-ctrl and world_nb;
#                                   world_db_start/world_db_kill I restart
#                                   or SIGKILL member I
# A second controller on the same database (failover tests):
#   world_standby_ctrl [ARGS]       namespace "ctrl2" at $WORLD_CTRL2_IP,
#                                   vplane-ctrl "ctrl2" (files ctrl2.*);
#                                   hosts list both: --controller=$WORLD_CTRLS
#   world_ctrl_at NAME COMMAND...   vplane-ctl against controller NAME
#
# Every namespace is called "<world>-<name>", so a world never touches
# anything it did not create, and a leftover from a killed run is removed by
# the next world_init of the same name.  The fabric is 192.168.100.0/24 on
# a bridge in its own namespace; nothing is sent outside the namespaces.

WORLD_TOP=${WORLD_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
VPLANED=${VPLANED:-$WORLD_TOP/vplane/vplaned}
VPLANE_CTL=${VPLANE_CTL:-$WORLD_TOP/utilities/vplane-ctl}
VPLANE_CTRL=${VPLANE_CTRL:-$WORLD_TOP/ctrl/vplane-ctrl}
VPLANE_SCHEMA=${VPLANE_SCHEMA:-$WORLD_TOP/ctrl/vplane.ovsschema}
WORLD_FABRIC_PREFIX=192.168.100
WORLD_CTRL_IP=$WORLD_FABRIC_PREFIX.250
WORLD_CTRL=tcp:$WORLD_CTRL_IP:6653
WORLD_CTRL2_IP=$WORLD_FABRIC_PREFIX.251
WORLD_CTRLS=$WORLD_CTRL,tcp:$WORLD_CTRL2_IP:6653

world_log() { printf '%s\n' "$*" >&2; }

world_ns() { printf '%s-%s' "$WORLD" "$1"; }

world_exec() {
    local ns; ns=$(world_ns "$1"); shift
    ip netns exec "$ns" "$@"
}

# Started as a plain command, not a function, so that the background
# process is the command itself (no subshell carrying this shell's traps)
# and a kill reaches it.
world_bg() {
    local ns; ns=$(world_ns "$1"); shift
    ip netns exec "$ns" "$@" &
    WORLD_BG_PID=$!
}

# Removes every namespace of world $1 (processes in them first).
world_remove_all() {
    local prefix="$1-" ns pids
    for ns in $(ip netns list | awk '{print $1}'); do
        case $ns in
            "$prefix"*)
                pids=$(ip netns pids "$ns" 2>/dev/null)
                # shellcheck disable=SC2086
                [ -n "$pids" ] && kill $pids 2>/dev/null
                ;;
        esac
    done
    sleep 0.2
    for ns in $(ip netns list | awk '{print $1}'); do
        case $ns in
            "$prefix"*)
                pids=$(ip netns pids "$ns" 2>/dev/null)
                # shellcheck disable=SC2086
                [ -n "$pids" ] && kill -9 $pids 2>/dev/null
                ip netns del "$ns" 2>/dev/null
                ;;
        esac
    done
}

world_cleanup() {
    [ -n "${WORLD:-}" ] || return 0
    if [ -n "${WORLD_DIR:-}" ] && [ -d "$WORLD_DIR" ]; then
        local pidfile
        for pidfile in "$WORLD_DIR"/*.pid; do
            [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
        done
    fi
    world_remove_all "$WORLD"
    if [ -n "${WORLD_DIR:-}" ] && [ -z "${WORLD_KEEP:-}" ]; then
        rm -rf "$WORLD_DIR"
    fi
}

world_init() {
    WORLD=$1
    [ "$(id -u)" -eq 0 ] || { world_log "world: needs root"; return 1; }
    world_remove_all "$WORLD"
    WORLD_DIR=$(mktemp -d "/tmp/vplane-$WORLD.XXXXXX")
    trap world_cleanup EXIT
    trap 'exit 130' INT TERM
    ip netns add "$(world_ns fabric)"
    world_exec fabric ip link set dev lo up
    world_exec fabric ip link add name br0 type bridge
    world_exec fabric ip link set dev br0 up
    # The fabric stands for a physical switch: if br_netfilter is loaded on
    # this machine, it must not push every bridged frame through the
    # firewall hooks (that would weigh on whichever switch is measured).
    local key
    for key in iptables ip6tables arptables; do
        world_exec fabric sysctl -qw "net.bridge.bridge-nf-call-$key=0" 2>/dev/null
    done
    WORLD_NHOSTS=0
}

# world_host H VTEP [VPLANED-ARGS...]
world_host() {
    local h=$1 vtep=$2; shift 2
    local ns; ns=$(world_ns "$h")
    ip netns add "$ns"
    ip -n "$ns" link set dev lo up
    ip link add name fab0 netns "$ns" type veth peer name "$h" netns "$(world_ns fabric)"
    world_exec fabric ip link set dev "$h" master br0 up
    ip -n "$ns" addr add "$vtep/24" dev fab0
    ip -n "$ns" link set dev fab0 up
    if [ "${WORLD_NO_VPLANED:-}" != 1 ]; then
        world_start_vplaned "$h" "$vtep" "$@"
    fi
    WORLD_NHOSTS=$((WORLD_NHOSTS + 1))
}

world_start_vplaned() {
    local h=$1 vtep=$2; shift 2
    world_exec "$h" "$VPLANED" -vconsole:warn --vtep="$vtep" --host-name="$h" \
        --unixctl="$WORLD_DIR/$h.ctl" --pidfile="$WORLD_DIR/$h.pid" \
        --log-file="$WORLD_DIR/$h.log" --detach --no-chdir "$@"
}

world_stop_vplaned() {
    local h=$1
    [ -f "$WORLD_DIR/$h.pid" ] || return 0
    world_ctl "$h" exit >/dev/null 2>&1 || kill "$(cat "$WORLD_DIR/$h.pid")"
    local i
    for i in $(seq 50); do
        [ -f "$WORLD_DIR/$h.pid" ] || return 0
        kill -0 "$(cat "$WORLD_DIR/$h.pid" 2>/dev/null)" 2>/dev/null || return 0
        sleep 0.1
    done
}

world_ctl() {
    local h=$1; shift
    "$VPLANE_CTL" --timeout=30 -t "$WORLD_DIR/$h.ctl" "$@"
}

# world_no_ipv6 NETNS: no IPv6 in NETNS (a kernel without IPv6 is fine).
world_no_ipv6() {
    ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
        net.ipv6.conf.default.disable_ipv6=1 2>/dev/null \
        || [ ! -d /proc/sys/net/ipv6 ]
}

# world_vm VM HOST MAC IP/LEN [GW] [MTU]
world_vm() {
    local vm=$1 h=$2 mac=$3 addr=$4 gw=${5:-} mtu=${6:-1450}
    local ns; ns=$(world_ns "$vm")
    ip netns add "$ns"
    ip -n "$ns" link set dev lo up
    # No IPv6 unless the test asks (WORLD_VM_IPV6=1): a VM's router
    # solicitations and MLD reports come seconds apart, at times no test
    # controls, and would land in the counters tests compare.
    [ -n "${WORLD_VM_IPV6:-}" ] || world_no_ipv6 "$ns"
    ip link add name eth0 netns "$ns" type veth peer name "$vm" netns "$(world_ns "$h")"
    ip -n "$ns" link set dev eth0 address "$mac" mtu "$mtu"
    ip -n "$ns" addr add "$addr" dev eth0
    ip -n "$ns" link set dev eth0 up
    ip -n "$(world_ns "$h")" link set dev "$vm" mtu "$mtu" up
    if [ -n "$gw" ]; then
        ip -n "$ns" route add default via "$gw"
    fi
}

# world_wait_for CMD...: retries a command for up to 10 s.
world_wait_for() {
    world_wait_secs 10 "$@"
}

# world_wait_secs SECS CMD...: retries a command for up to SECS seconds;
# the last try's output and status are the caller's.
world_wait_secs() {
    local i n=$(($1 * 10))
    shift
    for i in $(seq "$n"); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    "$@"
}

# The OVSDB server and tools of the Open vSwitch build vPlane links with.
world_ovsdb_bin() {
    local b
    for b in "${OVS_BUILDDIR:-}/ovsdb" /var/cache/vplane/ovs-*/build/ovsdb; do
        if [ -x "$b/ovsdb-server" ]; then
            printf '%s\n' "$b"
            return 0
        fi
    done
    world_log "world: no ovsdb-server (set OVS_BUILDDIR)"
    return 1
}

# world_fabric_ns NAME IP: namespace NAME on the fabric at IP.
world_fabric_ns() {
    local name=$1 ip=$2 ns; ns=$(world_ns "$1")
    ip netns add "$ns"
    ip -n "$ns" link set dev lo up
    ip link add name fab0 netns "$ns" type veth peer name "$name" \
        netns "$(world_ns fabric)"
    world_exec fabric ip link set dev "$name" master br0 up
    ip -n "$ns" addr add "$ip/24" dev fab0
    ip -n "$ns" link set dev fab0 up
}

world_controller() {
    local bin; bin=$(world_ovsdb_bin) || return 1
    world_fabric_ns ctrl "$WORLD_CTRL_IP"
    if [ -n "${WORLD_DB_CLUSTER:-}" ]; then
        world_db_cluster "$WORLD_DB_CLUSTER" || return 1
    else
        WORLD_DB=unix:$WORLD_DIR/db.sock
        "$bin/ovsdb-tool" create "$WORLD_DIR/vplane.db" "$VPLANE_SCHEMA" \
            || return 1
        world_exec ctrl "$bin/ovsdb-server" "$WORLD_DIR/vplane.db" \
            --remote="punix:$WORLD_DIR/db.sock" \
            --unixctl="$WORLD_DIR/ovsdb.ctl" --pidfile="$WORLD_DIR/ovsdb.pid" \
            -vconsole:off --log-file="$WORLD_DIR/ovsdb.log" --detach \
            --no-chdir || return 1
    fi
    world_start_ctrl "$@"
}

# world_db_cluster N: a Raft cluster of N members (the recipe of OVS's
# tests/ovsdb-cluster.at), then waits until every member has joined.
world_db_cluster() {
    local n=$1 bin i; bin=$(world_ovsdb_bin) || return 1
    "$bin/ovsdb-tool" create-cluster "$WORLD_DIR/db1.db" "$VPLANE_SCHEMA" \
        tcp:127.0.0.1:6641 || return 1
    WORLD_DB=unix:$WORLD_DIR/db1.sock
    for i in $(seq 2 "$n"); do
        "$bin/ovsdb-tool" join-cluster "$WORLD_DIR/db$i.db" VPlane \
            "tcp:127.0.0.1:$((6640 + i))" tcp:127.0.0.1:6641 || return 1
        WORLD_DB=$WORLD_DB,unix:$WORLD_DIR/db$i.sock
    done
    for i in $(seq "$n"); do
        world_db_start "$i" || return 1
    done
    for i in $(seq "$n"); do
        "$bin/ovsdb-client" --timeout=30 wait "unix:$WORLD_DIR/db$i.sock" \
            VPlane connected || return 1
    done
}

# world_db_start I: (re)starts cluster member I on its database file.
world_db_start() {
    local i=$1 bin; bin=$(world_ovsdb_bin) || return 1
    world_exec ctrl "$bin/ovsdb-server" "$WORLD_DIR/db$i.db" \
        --remote="punix:$WORLD_DIR/db$i.sock" \
        --unixctl="$WORLD_DIR/db$i.ctl" --pidfile="$WORLD_DIR/db$i.pid" \
        -vconsole:off --log-file="$WORLD_DIR/db$i.log" --detach --no-chdir
}

# world_db_kill I: SIGKILLs cluster member I (no chance to say goodbye).
world_db_kill() {
    local pid; pid=$(cat "$WORLD_DIR/db$1.pid") || return 1
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$WORLD_DIR/db$1.pid"
}

# world_start_ctrl [ARGS]: vplane-ctrl "ctrl" in namespace "ctrl".
world_start_ctrl() {
    world_start_ctrl_as ctrl "$WORLD_CTRL_IP" "$@"
}

# world_start_ctrl_as NAME IP [ARGS]: vplane-ctrl NAME (files NAME.*) in
# namespace NAME, serving hosts at IP.
world_start_ctrl_as() {
    local name=$1 ip=$2; shift 2
    world_exec "$name" "$VPLANE_CTRL" --db="$WORLD_DB" \
        --remote="ptcp:6653:$ip" \
        --remote="punix:$WORLD_DIR/$name.sock" \
        --unixctl="$WORLD_DIR/$name.ctl" --pidfile="$WORLD_DIR/$name.pid" \
        -vconsole:off --log-file="$WORLD_DIR/$name.log" --detach --no-chdir \
        "$@"
}

world_standby_ctrl() {
    world_fabric_ns ctrl2 "$WORLD_CTRL2_IP"
    world_start_ctrl_as ctrl2 "$WORLD_CTRL2_IP" "$@"
}

world_stop_ctrl() {
    [ -f "$WORLD_DIR/ctrl.pid" ] || return 0
    local pid; pid=$(cat "$WORLD_DIR/ctrl.pid")
    kill "$pid" 2>/dev/null
    local i
    for i in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
}

world_nb() {
    "$VPLANE_CTL" --timeout=60 --db="$WORLD_DB" "$@"
}

# The active controller: "ctrl" unless a test sets WORLD_CTRL_NAME (to
# "ctrl2" once the standby took over), for world_ctrl and wait_synced.
world_ctrl() {
    world_ctrl_at "${WORLD_CTRL_NAME:-ctrl}" "$@"
}

world_ctrl_at() {
    local name=$1; shift
    "$VPLANE_CTL" --timeout=30 -t "$WORLD_DIR/$name.ctl" "$@"
}
