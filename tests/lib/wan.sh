# wan.sh: a WAN for worlds with gateways (world.sh must be sourced first).
#
#   wan_router GW...   namespace "router": one /30 link per gateway (router
#                      198.51.100.(4i+1), gateway .(4i+2) on an interface
#                      "wan0" in the gateway's namespace, left without an
#                      address: vplaned owns it as the uplink), and behind
#                      it namespace "srv" at $WAN_SRV (router 203.0.113.1).
#                      Packets from srv to the public range 192.0.2.0/24 go
#                      to the gateways in turn, packet by packet (nftables
#                      numgen), so every flow reaches every gateway.
#   wan_router_use I...  the router sends to the gateways of these indexes
#                      (0-based) only, as its own liveness detection of
#                      the uplinks would make it (BFD, BGP: the WAN side
#                      of a gateway's failure is the router's business)
#   wan_uplink_args I  the host-add arguments of the I-th gateway (0-based)
#   wan_wait_router GW...  waits (10 s) until each gateway's vplaned knows
#                      the WAN router's MAC; false, naming the first that
#                      does not, otherwise
#
# Everything stays inside the world's namespaces.

WAN_SRV=203.0.113.10
WAN_PUBLIC=192.0.2.0/24

wan_uplink_args() {
    local i=$1
    printf 'gateway=true uplink=wan0 uplink-address=198.51.100.%d/30 uplink-router=198.51.100.%d' \
        $((4 * i + 2)) $((4 * i + 1))
}

wan_router() {
    local r; r=$(world_ns router)
    local s; s=$(world_ns srv)
    ip netns add "$r"
    ip -n "$r" link set lo up
    # No IPv6 chatter from the router or the server: tests compare drop
    # counters and the drop log on the uplink around a trace.
    [ -n "${WORLD_VM_IPV6:-}" ] || world_no_ipv6 "$r"
    world_exec router sysctl -qw net.ipv4.ip_forward=1
    world_exec router sysctl -qw net.ipv4.conf.all.rp_filter=0
    world_exec router sysctl -qw net.ipv4.conf.default.rp_filter=0

    ip netns add "$s"
    ip -n "$s" link set lo up
    [ -n "${WORLD_VM_IPV6:-}" ] || world_no_ipv6 "$s"
    ip link add srv0 netns "$s" type veth peer name rsrv netns "$r"
    ip -n "$s" addr add "$WAN_SRV/24" dev srv0
    ip -n "$s" link set srv0 up
    ip -n "$s" route add default via 203.0.113.1
    ip -n "$r" addr add 203.0.113.1/24 dev rsrv
    ip -n "$r" link set rsrv up

    local i=0 gw all=()
    for gw in "$@"; do
        ip link add "wan$i" netns "$r" type veth peer name wan0 netns "$(world_ns "$gw")"
        ip -n "$r" addr add "198.51.100.$((4 * i + 1))/30" dev "wan$i"
        ip -n "$r" link set "wan$i" up
        world_exec router sysctl -qw "net.ipv4.conf.wan$i.rp_filter=0"
        ip -n "$(world_ns "$gw")" link set wan0 up
        all+=("$i")
        i=$((i + 1))
    done
    wan_router_use "${all[@]}"
}

wan_router_use() {
    local i chains="" vmap="" n=0
    for i in "$@"; do
        chains+="    chain gw$i {
        fwd ip to 198.51.100.$((4 * i + 2)) device \"wan$i\"
    }
"
        vmap+="${vmap:+, }$n : jump gw$i"
        n=$((n + 1))
    done
    # The route for anything the nftables rule does not take (ARP, the
    # router's own packets): the first gateway used.
    ip -n "$(world_ns router)" route replace "$WAN_PUBLIC" via "198.51.100.$((4 * $1 + 2))"
    world_exec router nft delete table netdev wan 2>/dev/null || true
    world_exec router nft -f - <<NFT
table netdev wan {
$chains
    chain spread {
        type filter hook ingress device "rsrv" priority 0;
        ip daddr $WAN_PUBLIC numgen inc mod $n vmap { $vmap }
    }
}
NFT
}

wan_wait_router() {
    local gw
    for gw in "$@"; do
        if ! world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/$gw.ctl' show | grep -q 'uplink: wan0 .* at '"; then
            world_log "$gw: $(world_ctl "$gw" show | grep uplink)"
            return 1
        fi
    done
}
