/* vplane/ctl-trace.c: `trace`, which shows what vplaned would do with a
 * packet and why, in the manner of `ovs-appctl ofproto/trace`.
 *
 *   trace PORT FLOW|HEX             a packet from a VM port
 *   trace fabric VNI VTEP FLOW|HEX  a VXLAN packet from host VTEP
 *   trace fabric VTEP HEX           the same, HEX being the whole UDP
 *                                   payload (VXLAN header and frame)
 *
 * FLOW is written as for ovs-ofctl (dl_src=..,dl_dst=..,tcp,nw_src=..,
 * tp_dst=80, ...); Open vSwitch parses it and composes the packet.  HEX is
 * a frame's bytes as tcpdump -xx prints them (without the offsets), so
 * that a packet seen on the wire (or one no FLOW can describe: truncated,
 * tagged, bad VXLAN flags) can be traced exactly.  The packet then goes
 * through the real parser and the real decision code with tracing on, and
 * the checks the pipeline makes on each packet after the decision are made
 * on it (docs/ctl.md, "Which drops
 * trace predicts").  Nothing is sent, cached, logged or counted (but
 * for Open vSwitch's parser coverage counters). */
#include <config.h>
#include "ctl-trace.h"

#include <ctype.h>
#include <string.h>
#include "csum.h"
#include "dataplane.h"
#include "dp-packet.h"
#include "flow.h"
#include "flow-cache.h"
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-flow.h"
#include "packets.h"
#include "port.h"
#include "responder.h"
#include "tables.h"
#include "tables-config.h"
#include "unixctl.h"
#include "util.h"
#include "vxlan.h"
#include "xlate.h"

/* The source port of a TCP or UDP FLOW that names none: the first of the
 * dynamic ports (RFC 6335). */
#define TRACE_DEFAULT_SRC_PORT 49152

/* The largest frame a trace takes: a UDP payload. */
#define TRACE_MAX_FRAME 65535

/* Whether 's' is a frame in hex (hex digits, maybe spaced as tcpdump and
 * ovs-ofctl print them) rather than a flow: no flow keyword or field is
 * made of hex digits alone, and a flow has no spaces. */
static bool
is_hex_frame(const char *s)
{
    size_t n_digits = 0;

    for (; *s; s++) {
        if (isxdigit((unsigned char) *s)) {
            n_digits++;
        } else if (!strchr(" .\t\r\n", *s)) {
            return false;
        }
    }
    return n_digits >= 2;
}

/* Reads the frame 'hex' into '*pktp'.  Unlike eth_from_hex(), a frame
 * shorter than an Ethernet header is taken: the parser's verdict on it is
 * what the trace is for. */
static char *
read_hex_frame(const char *hex, struct dp_packet **pktp)
{
    struct dp_packet *pkt = dp_packet_new_with_headroom(strlen(hex) / 2, 2);
    const char *end = dp_packet_put_hex(pkt, hex, NULL);

    if (*end) {
        dp_packet_delete(pkt);
        return xasprintf("frame: not hex at \"%.16s\" (hex digits in pairs, "
                         "as tcpdump -xx prints them, without the offsets)",
                         end);
    } else if (dp_packet_size(pkt) > TRACE_MAX_FRAME) {
        uint32_t size = dp_packet_size(pkt);

        dp_packet_delete(pkt);
        return xasprintf("frame: %"PRIu32" bytes, more than %d", size,
                         TRACE_MAX_FRAME);
    }
    *pktp = pkt;
    return NULL;
}

/* Builds the packet 'flow_s' describes, or reads it if it is in hex.
 * Unset source MAC: the port's; unset TTL: 64; unset TCP flags: SYN. */
static char *
compose_packet(const char *flow_s, const struct vp_port *in,
               struct dp_packet **pktp)
{
    struct flow_wildcards wc;
    struct flow flow;
    char *error;

    if (is_hex_frame(flow_s)) {
        return read_hex_frame(flow_s, pktp);
    }
    error = parse_ofp_exact_flow(&flow, &wc, NULL, flow_s, NULL);
    if (error) {
        char *e = xasprintf("flow: %s", error);
        free(error);
        return e;
    }
    if (in && eth_addr_is_zero(wc.masks.dl_src)) {
        flow.dl_src = in->mac;
    }
    if (!wc.masks.nw_ttl) {
        flow.nw_ttl = 64;
    }
    if (flow.nw_proto == IPPROTO_TCP && !wc.masks.tcp_flags) {
        /* A connection's first segment: conntrack refuses a segment with
         * no flags at all, and that is not what a trace asks about. */
        flow.tcp_flags = htons(TCP_SYN);
    }
    if ((flow.nw_proto == IPPROTO_TCP || flow.nw_proto == IPPROTO_UDP)
        && !wc.masks.tp_src) {
        /* A client's port: conntrack refuses port 0. */
        flow.tp_src = htons(TRACE_DEFAULT_SRC_PORT);
    }
    struct dp_packet *pkt = dp_packet_new(0);
    flow_compose(pkt, &flow, NULL, 64);
    *pktp = pkt;
    return NULL;
}

/* Whether the flow has a cache entry in some forwarding thread: a look at
 * the two slots the key may be in, per thread, not a copy of the caches. */
static void
trace_cache(struct dataplane *dp, const struct vp_flow_key *key,
            struct ds *s)
{
    struct flow_cache_entry e;
    unsigned int thread;

    if (dataplane_find_flow(dp, key, &e, &thread)) {
        ds_put_format(s, "Cache: hit in thread %u (%"PRIu64" packets so "
                      "far): the fast path would apply the decision "
                      "below\n", thread, e.packets);
    } else {
        ds_put_cstr(s, "Cache: miss: the slow path decides, and caches what "
                       "it decides\n");
    }
}

/* Per packet, a routed packet's own checks (pipeline-actions.c's
 * route_check()): its IPv4 header checksum, then its TTL. */
static enum vp_drop_reason
trace_route_check(const struct ip_header *ip, struct ds *s)
{
    if (csum(ip, IP_IHL(ip->ip_ihl_ver) * 4)) {
        ds_put_cstr(s, "Per packet: the IPv4 header checksum is wrong\n");
        return VP_DROP_BAD_IP_HEADER;
    }
    if (ip->ip_ttl <= 1) {
        ds_put_format(s, "Per packet: TTL %u runs out; ICMP time "
                      "exceeded goes to the sender\n", ip->ip_ttl);
        return VP_DROP_TTL_EXCEEDED;
    }
    ds_put_format(s, "Per packet: TTL %u -> %u\n", ip->ip_ttl,
                  ip->ip_ttl - 1);
    return VP_N_DROP_REASONS;
}

/* Per packet, output to a local port, the uplink or the fabric
 * (pipeline-actions.c's output(), output_uplink() and enqueue_port()): the
 * size (a traced packet has no offload metadata, so no TSO superframe is
 * segmented to size), and whether the port is attached. */
static enum vp_drop_reason
trace_output(struct dataplane *dp, const struct dp_packet *pkt,
             const struct vp_action *act, struct ds *s)
{
    bool to_port = (act->type == VP_ACT_OUTPUT
                    || act->type == VP_ACT_UPLINK);
    struct netdev *netdev = NULL;
    int fit;

    if (to_port) {
        atomic_read_relaxed(CONST_CAST(atomic_int *, &act->port->mtu), &fit);
        netdev = ovsrcu_get(struct netdev *, &act->port->tx_netdev);
    } else {
        fit = (dataplane_get_fabric_mtu(dp) - VXLAN_IPV4_OVERHEAD
               - ETH_HEADER_LEN);
    }
    ds_put_format(s, "Per packet: a %"PRIu32"-byte frame; %s takes IP "
                  "packets of up to %d bytes (larger: too-big, and ICMP "
                  "fragmentation needed when DF is set)\n",
                  dp_packet_size(pkt),
                  (act->type == VP_ACT_UPLINK ? "the uplink"
                   : to_port ? "the port" : "the fabric"), fit);
    if (dp_packet_size(pkt) > fit + ETH_HEADER_LEN) {
        return VP_DROP_TOO_BIG;
    }
    if (to_port && !netdev) {
        ds_put_format(s, "Per packet: port %s is not attached to its "
                      "interface\n", act->port->name);
        return VP_DROP_TX_ERROR;
    }
    return VP_N_DROP_REASONS;
}

/* Per packet, a flood (pipeline-actions.c's flood()): whether any copy
 * goes out. */
static enum vp_drop_reason
trace_flood(const struct vp_action *act, const struct vp_port *in,
            struct ds *s)
{
    const struct vp_flood *f = ovsrcu_get(const struct vp_flood *,
                                          &act->vnet->flood);
    size_t n_ports = 0;

    for (size_t i = 0; i < f->n_ports; i++) {
        n_ports += (f->ports[i] != in
                    && ovsrcu_get(struct netdev *, &f->ports[i]->tx_netdev));
    }
    /* What came from the fabric goes back to no host (split horizon). */
    size_t n_vteps = in ? f->n_vteps : 0;
    ds_put_format(s, "Per packet: copies to %"PRIuSIZE" attached port(s) "
                  "and %"PRIuSIZE" host(s)\n", n_ports, n_vteps);
    return n_ports + n_vteps ? VP_N_DROP_REASONS : VP_DROP_NO_DESTINATION;
}

/* Per packet, for the gateway's own address: the responder answers ICMP
 * echo, and nothing else.  It runs on a copy. */
static enum vp_drop_reason
trace_gateway(const struct dp_packet *pkt, const struct vp_action *act,
              struct ds *s)
{
    struct dp_packet *copy = dp_packet_clone(pkt);
    bool answered = responder_icmp_echo_reply(copy, act->eth_src);

    dp_packet_delete(copy);
    ds_put_format(s, "Per packet: the gateway %s\n",
                  answered ? "answers this echo request"
                  : "answers only ICMP echo requests");
    return answered ? VP_N_DROP_REASONS : VP_DROP_TO_GATEWAY;
}

/* What happens per packet after the decision, as pipeline_execute()
 * checks it.  Returns the reason this packet would be dropped for anyway,
 * or VP_N_DROP_REASONS. */
static enum vp_drop_reason
trace_per_packet(struct dataplane *dp, const struct dp_packet *pkt,
                 const struct vp_action *act, const struct vp_port *in,
                 struct ds *s)
{
    const struct ip_header *ip = dp_packet_l3(pkt);
    enum vp_drop_reason reason;

    switch ((enum vp_action_type) act->type) {
    case VP_ACT_OUTPUT:
    case VP_ACT_ENCAP:
        if (act->route && ip) {
            reason = trace_route_check(ip, s);
            if (reason != VP_N_DROP_REASONS) {
                return reason;
            }
        }
        return trace_output(dp, pkt, act, s);
    case VP_ACT_TO_OWNER:
        /* Unrouted, to the owner over the fabric. */
        return trace_output(dp, pkt, act, s);
    case VP_ACT_FLOOD:
        return trace_flood(act, in, s);
    case VP_ACT_GATEWAY:
        return trace_gateway(pkt, act, s);
    default:
        return VP_N_DROP_REASONS;
    }
}

/* The decision for a parsed packet, and what happens to it per packet. */
static void
trace_decide(struct ctl_context *ctx, const struct vp_port *in,
             const struct dp_packet *pkt, const struct vp_flow_key *key,
             struct ds *s)
{
    struct trace_stateful ts;
    struct vp_action act;

    trace_cache(ctx->dp, key, s);
    ds_put_cstr(s, "Decision:\n");
    xlate_decide(ctx->tables, key, in, &act, s);
    /* Then as pipeline_execute(): resolver and conntrack, the per-packet
     * checks, and the WAN's after them. */
    enum vp_drop_reason drop = trace_stateful_before(ctx, pkt, key, &act,
                                                     in != NULL, &ts, s);
    if (drop == VP_N_DROP_REASONS) {
        drop = trace_per_packet(ctx->dp, pkt, &act, in, s);
    }
    if (drop == VP_N_DROP_REASONS) {
        drop = trace_stateful_after(ctx, &act, &ts, s);
    }
    if (drop == VP_N_DROP_REASONS && act.type == VP_ACT_UPLINK) {
        /* pipeline-actions.c's output_uplink(): the size, once the router
         * is known. */
        drop = trace_output(ctx->dp, pkt, &act, s);
    }
    ds_put_cstr(s, "Result: ");
    if (drop == VP_N_DROP_REASONS) {
        vp_action_format(&act, s);
    } else {
        ds_put_format(s, "drop(%s)", vp_drop_reason_name(drop));
    }
    ds_put_char(s, '\n');
}

static void
cmd_trace(struct unixctl_conn *conn, int argc, const char *argv[],
          void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const struct vp_port *in = NULL;
    struct dp_packet *pkt = NULL;
    bool vxlan_payload = false;
    uint32_t vni = 0;
    ovs_be32 vtep = 0;
    char *error = NULL;

    if (!strcmp(argv[1], "fabric")) {
        /* trace fabric VNI VTEP FLOW|HEX, or trace fabric VTEP HEX. */
        vxlan_payload = argc == 4;
        if (argc != 4 && argc != 5) {
            error = xstrdup("usage: trace fabric VNI VTEP FLOW|HEX, or "
                            "trace fabric VTEP HEX");
        } else if (vxlan_payload && !is_hex_frame(argv[3])) {
            error = xstrdup("usage: trace fabric VTEP HEX takes the UDP "
                            "payload in hex (give VNI to trace a FLOW)");
        } else if (!vxlan_payload) {
            error = vp_parse_vni("vni", argv[2], &vni);
        }
        if (!error) {
            error = vp_parse_unicast_ip("vtep", argv[argc - 2], &vtep);
        }
    } else {
        in = tables_port_by_name(ctx->tables, argv[1]);
        if (!in && tables_uplink(ctx->tables)
            && !strcmp(tables_uplink(ctx->tables)->name, argv[1])) {
            in = tables_uplink(ctx->tables);
        }
        if (!in) {
            error = xasprintf("port: no port named \"%s\"", argv[1]);
        } else if (argc != 3) {
            error = xstrdup("usage: trace PORT FLOW|HEX");
        }
    }
    if (!error) {
        error = compose_packet(argv[argc - 1], in, &pkt);
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return;
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    struct vp_flow_key key;
    enum vp_drop_reason reason = VP_N_DROP_REASONS;

    if (vxlan_payload) {
        /* The fabric's own check, as pipeline_process_fabric() runs it. */
        ds_put_format(&s, "VXLAN: a %"PRIu32"-byte payload from "IP_FMT"\n",
                      dp_packet_size(pkt), IP_ARGS(vtep));
        reason = vxlan_decap(pkt, &vni);
    }
    if (reason == VP_N_DROP_REASONS) {
        reason = vp_flow_key_extract(pkt, in ? in->id : VP_FABRIC_PORT_ID,
                                     vni, vtep, &key);
        ds_put_format(&s, "Packet: in=%s ", in ? in->name : "fabric");
        if (reason == VP_N_DROP_REASONS) {
            vp_flow_key_format(&key, &s);
        } else {
            /* The key is half filled in: show what the parser saw. */
            ds_put_format(&s, "a %"PRIu32"-byte frame the parser refuses",
                          dp_packet_size(pkt));
        }
        ds_put_char(&s, '\n');
    }
    if (reason != VP_N_DROP_REASONS) {
        ds_put_format(&s, "Result: drop(%s): %s\n",
                      vp_drop_reason_name(reason),
                      vp_drop_reason_help(reason));
    } else {
        trace_decide(ctx, in, pkt, &key, &s);
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
    dp_packet_delete(pkt);
}

void
ctl_register_trace_command(struct ctl_context *ctx)
{
    unixctl_command_register("trace", "PORT FLOW|HEX | fabric VNI VTEP "
                             "FLOW|HEX | fabric VTEP HEX", 2, 4, cmd_trace,
                             ctx);
}
