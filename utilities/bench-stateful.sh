# bench-stateful.sh: what vplane-bench measures of stateful flows
# (docs/stateful-flows.md), on its two-host topology.  Sourced by
# utilities/vplane-bench after bench-peers.sh.
#
# Two more topologies:
#   vplane-fw  vPlane under its controller, vb's port firewalled (egress
#              any, ingress tcp and udp): every va <-> vb flow is stateful,
#              owned by h1 (the lower VTEP), which runs conntrack on it
#   ovs-ct     Open vSwitch as in "ovs", with the usual conntrack firewall
#              flows on br-int (ct(table=1); +new: ct(commit),NORMAL;
#              +est/+rel: NORMAL) on both hosts
# Two more measurements, on every topology:
#   connect    median time of a TCP connect() va -> vb over 500 new
#              connections, one after the other: the first-packet delay
#              of a new flow (SYN and SYN-ACK both new to every cache)
#   new flows  64-byte UDP frames va -> vb delivered per second when every
#              frame has random ports: each is a new flow (and, on
#              vplane-fw and ovs-ct, a new connection committed)

STATEFUL_PORT=7000

# vPlane with a controller; the same hosts and VMs as the others.
build_vplane_fw() {
    world_controller
    world_nb host-add h1 "$VTEP1" -- host-add h2 "$VTEP2" >/dev/null
    world_nb tenant-add bench \
        -- vnet-add bench "$VNI" bench "$GATEWAY/24" >/dev/null
    build_hosts_and_vms
    world_start_vplaned h1 "$VTEP1" --controller="$WORLD_CTRL"
    world_start_vplaned h2 "$VTEP2" --controller="$WORLD_CTRL"
    world_ctl h1 port/add va bench "$MAC_A" "$IP_A" >/dev/null
    world_ctl h2 port/add vb bench "$MAC_B" "$IP_B" >/dev/null
    world_nb fw-add bench "$MAC_B" egress any \
        -- fw-add bench "$MAC_B" ingress tcp \
        -- fw-add bench "$MAC_B" ingress udp \
        -- fw-add bench "$MAC_B" ingress icmp >/dev/null
    retry 100 fw_applied h1
}

# fw_applied H: whether host H decides va -> vb flows with conntrack.
fw_applied() {
    world_ctl "$1" trace va "tcp,dl_dst=$MAC_B,nw_src=$IP_A,nw_dst=$IP_B,tp_dst=$STATEFUL_PORT" \
        | grep -q 'Result: ct(zone='
}

# Open vSwitch with a conntrack firewall on br-int.
build_ovs_ct() {
    build_ovs
    local h
    for h in h1 h2; do
        ovs_run "$h" utilities/ovs-ofctl add-flows br-int - <<'EOF'
table=0,priority=10,ip,actions=ct(table=1,zone=1)
table=1,priority=10,ct_state=+trk+new,ip,actions=ct(commit,zone=1),NORMAL
table=1,priority=10,ct_state=+trk+est,ip,actions=NORMAL
table=1,priority=10,ct_state=+trk+rel,ip,actions=NORMAL
table=1,priority=0,actions=drop
EOF
    done
}

# Median and 99th percentile TCP connect() time va -> vb, in microseconds:
# prints the median.
measure_connect() {
    local out
    world_bg vb "$PYTHON" -c "import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('0.0.0.0', $STATEFUL_PORT)); s.listen(1024)
while True:
    c, _ = s.accept(); c.close()"
    retry 50 port_listening vb "$STATEFUL_PORT"
    out=$(world_exec va "$PYTHON" -c "import socket, time
ts = []
for i in range(500):
    s = socket.socket()
    t = time.perf_counter()
    s.connect(('$IP_B', $STATEFUL_PORT))
    ts.append(time.perf_counter() - t)
    s.close()
ts.sort()
print('%.1f %.1f' % (ts[len(ts) // 2] * 1e6, ts[len(ts) * 99 // 100] * 1e6))")
    kill "$WORLD_BG_PID" 2>/dev/null || true
    say "  TCP connect: median ${out% *} us, p99 ${out#* } us"
    echo "${out% *}"
}

# trafgen_conf_newflows: as trafgen_conf, with random UDP source and
# destination ports in every frame (bytes 34-37: 2^32 flows; random source
# ports alone would repeat after 65536).
trafgen_conf_newflows() {
    trafgen_conf | "$PYTHON" -c "import sys
b = sys.stdin.read().strip()[2:-2].split(', ')
b[34:38] = ['drnd(4)']
print('{ ' + ', '.join(b) + ' }')"
}

# New flows delivered per second va -> vb (as measure_pps).  On vPlane
# with the firewall, the owner's connection count must have grown with them.
measure_newflows() {
    local pps
    pps=$(TRAFGEN_CONF=trafgen_conf_newflows measure_pps)
    if [ -e "$WORLD_DIR/h1.ctl" ]; then
        say "  h1: $(world_ctl h1 show | grep -o 'conntrack: [0-9]* connections')"
    fi
    echo "$pps"
}

# The stateful rows, "|"-separated, header first: connect time on every
# topology, new flows per second, and the ratios that matter.
stateful_rows() {
    echo "metric|vPlane|vPlane+firewall|OVS-userspace|OVS+ct|kernel|vPlane+fw/OVS+ct"
    srow "TCP connect, median (us)" conn "%.1f" 1
    srow "new flows delivered (kflows/s)" newflows "%.1f" 1e3
}

srow() {
    local v=${R[vplane:$2]:-} f=${R[vplane-fw:$2]:-} o=${R[ovs:$2]:-}
    local c=${R[ovs-ct:$2]:-} k=${R[kernel:$2]:-}
    printf '%s|%s|%s|%s|%s|%s|%s\n' "$1" "$(fmt "$3" "$4" "$v")" \
        "$(fmt "$3" "$4" "$f")" "$(fmt "$3" "$4" "$o")" \
        "$(fmt "$3" "$4" "$c")" "$(fmt "$3" "$4" "$k")" "$(ratio "$f" "$c")"
}

# The first-packet delay the rule path adds: vplane-fw's connect time less
# vplane's, "label|value".
stateful_delay_rows() {
    local v=${R[vplane:conn]:-} f=${R[vplane-fw:conn]:-}
    [ -n "$v" ] && [ -n "$f" ] || return 0
    echo "first-packet delay added by the rule path (owner runs conntrack)|$(awk -v v="$v" -v f="$f" 'BEGIN { printf "%.1f us", f - v }')"
}
