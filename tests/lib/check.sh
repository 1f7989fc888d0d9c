# check.sh: assertions and counter readers for the system tests.  Source it
# after world.sh.  Every failure says what was expected and what was seen,
# and exits 1 (world.sh's trap cleans up).  A test that cannot run here
# (not root, a tool missing) exits 77 and says why: automake counts it as
# skipped, never as passed.

# Debian's Python: the one the setup script installs packages (scapy) for,
# whatever python3 comes first on the PATH.
PYTHON=${PYTHON:-/usr/bin/python3}

check_step() { printf '== %s\n' "$*"; }

check_fail() {
    printf 'FAIL: %s\n' "$*" >&2
    if [ -n "${WORLD_DIR:-}" ]; then
        local log
        for log in "$WORLD_DIR"/*.log; do
            [ -f "$log" ] || continue
            printf -- '--- last lines of %s:\n' "$log" >&2
            tail -n 15 "$log" >&2
        done
    fi
    exit 1
}

check_skip() {
    printf 'SKIP: %s\n' "$*" >&2
    exit 77
}

check_require_root() {
    [ "$(id -u)" -eq 0 ] || check_skip "system tests need root (network namespaces)"
}

check_require_tools() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || check_skip "$t is not installed (utilities/vplane-setup installs it)"
    done
}

check_eq() {
    [ "$1" = "$2" ] || check_fail "$3: expected '$2', got '$1'"
}

check_ge() {
    [ "$1" -ge "$2" ] || check_fail "$3: expected at least $2, got $1"
}

check_contains() {
    case $1 in
        *"$2"*) ;;
        *) check_fail "$3: '$2' not found in: $1" ;;
    esac
}

check_not_contains() {
    case $1 in
        *"$2"*) check_fail "$3: '$2' unexpectedly found in: $1" ;;
        *) ;;
    esac
}

# check_ping FROM DEST [PING-ARGS...]: every echo request answered.
check_ping() {
    local from=$1 dest=$2 out; shift 2
    out=$(world_exec "$from" ping -q -c "${PING_COUNT:-5}" -i 0.1 -W 2 "$@" "$dest" 2>&1) \
        || check_fail "ping $from -> $dest failed: $out"
    check_contains "$out" " 0% packet loss" "ping $from -> $dest"
}

# drop_count HOST PORT REASON: the drop counter, 0 if absent.
drop_count() {
    world_ctl "$1" drop-stats | awk -v p="$2" -v r="$3" \
        '$1 == p && $2 == r { n = $3 } END { print n + 0 }'
}

# check_drop_log_json HOST PORT VNET|- REASON N: `drop-log --format=json
# REASON` holds exactly N rows of PORT (and VNET unless "-"), each with
# frame bytes.
check_drop_log_json() {
    world_ctl "$1" drop-log --format=json "$4" | "$PYTHON" -c '
import json, sys
port, vnet, reason, n = sys.argv[1:5]
rows = [r for r in json.load(sys.stdin)["drops"]
        if r["port"] == port and r["reason"] == reason
        and (vnet == "-" or r["vnet"] == vnet)]
assert len(rows) == int(n), rows
assert all(len(r["head"]) > 0 and r["len"] > 0 for r in rows), rows' \
        "$2" "$3" "$4" "$5" \
        || check_fail "drop-log --format=json disagrees for $1 $2 $4"
}

# drop_total HOST PORT: all drops of a port.
drop_total() {
    world_ctl "$1" drop-stats | awk -v p="$2" \
        '$1 == p { n += $3 } END { print n + 0 }'
}

# port_field HOST PORT COLUMN: a column of port/list (RX_PKTS, TX_BYTES...).
port_field() {
    world_ctl "$1" port/list | awk -v p="$2" -v c="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == p { print $col[c]; exit }'
}

# check_no_csum_errors VM...: the VMs' kernels saw no TCP or UDP checksum
# error (what a wrong offload or segmentation would cause).
check_no_csum_errors() {
    local vm n
    for vm in "$@"; do
        n=$(world_exec "$vm" nstat -az TcpInCsumErrors UdpInCsumErrors \
            | awk 'NR > 1 { s += $2 } END { print s + 0 }')
        check_eq "$n" 0 "checksum errors counted by $vm's kernel"
    done
}

# iperf_tcp FROM TO-IP SECS: runs a TCP test, prints received bits/s.
iperf_tcp() {
    local from=$1 to=$2 secs=${3:-3} server=$4
    world_exec "$server" iperf3 -s -1 -D --logfile "$WORLD_DIR/iperf-$server.log"
    sleep 0.3
    world_exec "$from" iperf3 -c "$to" -t "$secs" -J >"$WORLD_DIR/iperf.json" \
        || check_fail "iperf3 $from -> $to failed: $(tail -c 400 "$WORLD_DIR/iperf.json")"
    "$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(int(d["end"]["sum_received"]["bits_per_second"]))' \
        "$WORLD_DIR/iperf.json"
}

# Controller worlds.

# wait_synced HOST...: each host is connected, has acknowledged the last
# generation the controller sent it, that generation holds the desired
# state, and the host says it is in sync (up to 30 s).
wait_synced() {
    local h i out sent acked
    for h in "$@"; do
        for i in $(seq 300); do
            out=$(world_ctrl ctrl/host-diff "$h" 2>&1)
            sent=$(sed -n "s/^host $h: connected, generation \([0-9]*\) sent, .*/\1/p" <<<"$out")
            acked=$(sed -n "s/^host $h: connected, generation [0-9]* sent, \([0-9]*\) acknowledged.*/\1/p" <<<"$out")
            if [ -n "$sent" ] && [ "$sent" = "$acked" ] \
               && grep -q "no difference from the desired state" <<<"$out" \
               && world_ctl "$h" controller/show 2>&1 | grep -q ": in sync$"; then
                break
            fi
            sleep 0.1
        done
        [ "$i" -lt 300 ] || check_fail "host $h not in sync: $(world_ctrl ctrl/host-diff "$h" 2>&1 | head -5) / $(world_ctl "$h" controller/show 2>&1 | head -3)"
    done
}

# wait_assigned HOST...: each HOST holds query subsets and is in sync.
# The controller assigns subsets half a second after hosts join (one
# assignment for a burst of joins), which may be after wait_synced
# returned: a test that counts packets or flows waits for it, so that
# its update does not arrive in the middle.
wait_assigned() {
    local h
    for h in "$@"; do
        world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/$h.ctl' show \
            | grep -Eq ' [1-9][0-9]* of [0-9]+ query subsets here'" \
            || check_fail "host $h holds no query subsets: $(world_ctl "$h" show 2>&1 | grep 'query subsets')"
    done
    wait_synced "$@"
}

# xlate_lines HOST [VNET]: translation entries in a host's dump.
xlate_lines() {
    world_ctl "$1" xlate/dump --limit=100000 ${2:+"$2"} | awk 'NR > 1' | wc -l
}

# ct_count HOST [FILTER]: the connections in a host's dump-conntrack (its
# rows, after the header).
ct_count() {
    world_ctl "$1" dump-conntrack ${2:+"$2"} | awk 'NR > 1' | wc -l
}

# subsets_of HOST: the subsets the database assigns to HOST, one per line.
subsets_of() {
    world_nb get Host "$1" subsets | tr -d '[] ' | tr ',' '\n' | sed '/^$/d'
}

# Stateful flows.

WORLD_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# conn_serve VM PORT [--udp]: an echo server in VM (tests/lib/conn-tool.py).
conn_serve() {
    local vm=$1 port=$2; shift 2
    world_bg "$vm" "$PYTHON" "$WORLD_LIB/conn-tool.py" serve --port "$port" "$@"
    sleep 0.3
}

# conn_ok VM IP PORT [ARGS...]: connections from VM that must all work.
conn_ok() {
    local vm=$1 ip=$2 port=$3; shift 3
    local out
    out=$(world_exec "$vm" "$PYTHON" "$WORLD_LIB/conn-tool.py" connect \
          --to "$ip" --port "$port" "$@" 2>&1) \
        || check_fail "$vm -> $ip:$port: $(tail -3 <<<"$out" | tr '\n' ' ')"
}

# conn_refused VM IP PORT [ARGS...]: a connection from VM that must fail.
conn_refused() {
    local vm=$1 ip=$2 port=$3; shift 3
    if world_exec "$vm" "$PYTHON" "$WORLD_LIB/conn-tool.py" connect \
          --to "$ip" --port "$port" --timeout 2 "$@" >/dev/null 2>&1; then
        check_fail "$vm -> $ip:$port went through"
    fi
}

# check_owners RULE MIN HOST...: the ownership checker
# (tests/lib/owner-check.py) over the hosts' conntrack, with the VM
# addresses and host VTEPs the database holds; at least MIN connections.
check_owners() {
    local rule=$1 min=$2; shift 2
    local args=() h vtep ips ip out
    for h in "$@"; do
        vtep=$(world_nb get Host "$h" vtep | tr -d '"')
        world_ctl "$h" dump-conntrack --format=json >"$WORLD_DIR/ct-$h.json" \
            || check_fail "dump-conntrack on $h"
        args+=(--dump "$vtep=$WORLD_DIR/ct-$h.json")
    done
    # VM addresses and their hosts' VTEPs (a port's host is a reference).
    local -A vtep_of
    local uuid host
    while IFS=, read -r uuid vtep; do
        vtep_of[$uuid]=$vtep
    done < <(world_nb --format=csv --data=bare --no-headings \
                      --columns=_uuid,vtep list Host)
    while IFS=, read -r ips host; do
        [ -n "$host" ] && [ -n "${vtep_of[$host]:-}" ] || continue
        for ip in $ips; do
            args+=(--vm "$ip=${vtep_of[$host]}")
        done
    done < <(world_nb --format=csv --data=bare --no-headings \
                      --columns=ips,host list Port)
    out=$("$PYTHON" "$WORLD_LIB/owner-check.py" --rule "$rule" --min "$min" \
          "${args[@]}") || check_fail "ownership: $out"
    printf '%s\n' "$out" | tail -1
}
