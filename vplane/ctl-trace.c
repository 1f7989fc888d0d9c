/* vplane/ctl-trace.c: `trace`, which shows what vplaned would do with a
 * packet and why, in the manner of `ovs-appctl ofproto/trace`.
 *
 *   trace PORT FLOW                 a packet from a VM port
 *   trace fabric VNI VTEP FLOW      a VXLAN packet from host VTEP
 *
 * FLOW is written as for ovs-ofctl (dl_src=..,dl_dst=..,tcp,nw_src=..,
 * tp_dst=80, ...); Open vSwitch parses it and composes the packet.  The
 * packet then goes through the real parser and the real decision code with
 * tracing on.  Nothing is sent, cached or counted. */
#include <config.h>
#include "ctl.h"

#include <string.h>
#include "dataplane.h"
#include "dp-packet.h"
#include "flow.h"
#include "flow-cache.h"
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofp-flow.h"
#include "packets.h"
#include "port.h"
#include "resolver.h"
#include "stateful.h"
#include "tables.h"
#include "tables-config.h"
#include "unixctl.h"
#include "util.h"
#include "vxlan.h"
#include "xlate.h"

/* Builds the packet 'flow_s' describes.  Unset source MAC: the port's;
 * unset TTL: 64. */
static char *
compose_packet(const char *flow_s, const struct vp_port *in,
               struct dp_packet **pktp)
{
    struct flow_wildcards wc;
    struct flow flow;
    char *error;

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
    struct dp_packet *pkt = dp_packet_new(0);
    flow_compose(pkt, &flow, NULL, 64);
    *pktp = pkt;
    return NULL;
}

/* Whether the flow has a cache entry in some forwarding thread. */
static void
trace_cache(struct dataplane *dp, const struct vp_flow_key *key,
            struct ds *s)
{
    struct flow_cache_entry *entries;
    unsigned int *threads;
    size_t n = dataplane_dump_flows(dp, &entries, &threads);

    for (size_t i = 0; i < n; i++) {
        if (!memcmp(&entries[i].key, key, sizeof *key)) {
            ds_put_format(s, "Cache: hit in thread %u (%"PRIu64" packets so "
                          "far): the fast path would apply the decision "
                          "below\n", threads[i], entries[i].packets);
            free(entries);
            free(threads);
            return;
        }
    }
    ds_put_cstr(s, "Cache: miss: the slow path decides, and caches what it "
                   "decides\n");
    free(entries);
    free(threads);
}

/* What happens per packet after the decision: TTL and size.  Returns
 * false if this packet would be dropped anyway. */
static bool
trace_per_packet(struct dataplane *dp, const struct dp_packet *pkt,
                 const struct vp_action *act, struct ds *s)
{
    const struct ip_header *ip = dp_packet_l3(pkt);
    int fit = 0;

    if (act->type == VP_ACT_OUTPUT) {
        atomic_read_relaxed(CONST_CAST(atomic_int *, &act->port->mtu), &fit);
    } else if (act->type == VP_ACT_ENCAP) {
        fit = (dataplane_get_fabric_mtu(dp) - VXLAN_IPV4_OVERHEAD
               - ETH_HEADER_LEN);
    } else {
        return true;
    }
    if (act->route && ip) {
        if (ip->ip_ttl <= 1) {
            ds_put_format(s, "Per packet: TTL %u runs out; ICMP time "
                          "exceeded goes to the sender\n", ip->ip_ttl);
            return false;
        }
        ds_put_format(s, "Per packet: TTL %u -> %u\n", ip->ip_ttl,
                      ip->ip_ttl - 1);
    }
    ds_put_format(s, "Per packet: a %"PRIu32"-byte frame; %s takes IP "
                  "packets of up to %d bytes (larger: too-big, and ICMP "
                  "fragmentation needed when DF is set)\n",
                  dp_packet_size(pkt),
                  act->type == VP_ACT_ENCAP ? "the fabric" : "the port", fit);
    return true;
}

static void
cmd_trace(struct unixctl_conn *conn, int argc, const char *argv[],
          void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const struct vp_port *in = NULL;
    uint32_t vni = 0;
    ovs_be32 vtep = 0;
    const char *flow_s;
    char *error = NULL;

    if (!strcmp(argv[1], "fabric")) {
        if (argc != 5) {
            unixctl_command_reply_error(conn, "usage: trace fabric VNI VTEP "
                                        "FLOW");
            return;
        }
        error = vp_parse_vni("vni", argv[2], &vni);
        if (!error) {
            error = vp_parse_unicast_ip("vtep", argv[3], &vtep);
        }
        flow_s = argv[4];
    } else {
        in = tables_port_by_name(ctx->tables, argv[1]);
        if (!in && tables_uplink(ctx->tables)
            && !strcmp(tables_uplink(ctx->tables)->name, argv[1])) {
            in = tables_uplink(ctx->tables);
        }
        if (!in) {
            error = xasprintf("port: no port named \"%s\"", argv[1]);
        } else if (argc != 3) {
            error = xstrdup("usage: trace PORT FLOW");
        }
        flow_s = argv[argc - 1];
    }

    struct dp_packet *pkt = NULL;
    if (!error) {
        error = compose_packet(flow_s, in, &pkt);
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return;
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    struct vp_flow_key key;
    enum vp_drop_reason reason;

    reason = vp_flow_key_extract(pkt, in ? in->id : VP_FABRIC_PORT_ID, vni,
                                 vtep, &key);
    ds_put_format(&s, "Packet: in=%s ", in ? in->name : "fabric");
    vp_flow_key_format(&key, &s);
    ds_put_char(&s, '\n');
    if (reason != VP_N_DROP_REASONS) {
        ds_put_format(&s, "Result: drop(%s): %s\n",
                      vp_drop_reason_name(reason),
                      vp_drop_reason_help(reason));
    } else {
        struct vp_action act;

        trace_cache(ctx->dp, &key, &s);
        ds_put_cstr(&s, "Decision:\n");
        xlate_decide(ctx->tables, &key, in, &act, &s);
        if (act.resolve && ctx->dp->shared.resolver) {
            resolver_trace(ctx->dp->shared.resolver,
                           stateful_get(ctx->tables), &key, &act, in != NULL,
                           &s);
        }
        bool passes = trace_per_packet(ctx->dp, pkt, &act, &s);
        ds_put_cstr(&s, "Result: ");
        if (passes) {
            vp_action_format(&act, &s);
        } else {
            ds_put_format(&s, "drop(%s)",
                          vp_drop_reason_name(VP_DROP_TTL_EXCEEDED));
        }
        ds_put_char(&s, '\n');
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
    dp_packet_delete(pkt);
}

void
ctl_register_trace_command(struct ctl_context *ctx)
{
    unixctl_command_register("trace", "PORT FLOW | fabric VNI VTEP FLOW",
                             2, 4, cmd_trace, ctx);
}
