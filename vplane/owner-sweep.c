/* vplane/owner-sweep.c: removing the connection state this host no longer
 * owns (see owner-sweep.h).
 *
 * The rule is never written twice: for each connection the walk builds the
 * flow key of a packet of each direction as it would reach this host now
 * (from the sender VM's local port; over the fabric from the host the
 * translation table names, marked if that host is a vplaned; or from the
 * WAN), and xlate_decide() says who runs it.  A connection is removed only
 * when a decision names another host (to-owner, owner-mismatch, or a WAN
 * flow whose VM is not here) and neither direction is run here; one that
 * cannot be judged (no sender is known for either direction, a flow that
 * is no longer stateful, a transient drop such as no gateway) is kept, so
 * that a flow this host still owns is never cut. */
#include <config.h>
#include "owner-sweep.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "conntrack.h"
#include "coverage.h"
#include "ct-dpif.h"
#include "flow-key.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovs-rcu.h"
#include "packets.h"
#include "port.h"
#include "resolver.h"
#include "stateful.h"
#include "tables.h"
#include "util.h"
#include "xlate.h"

VLOG_DEFINE_THIS_MODULE(owner_sweep);
COVERAGE_DEFINE(owner_sweep_removed);

struct owner_sweep {
    uint64_t gen_seen;          /* Tables generation last walked for. */
    bool active;                /* 'dump' is under way. */
    bool again;                 /* Walk once more when this one ends. */
    struct conntrack_dump dump;
    uint64_t pass_removed;
    struct owner_sweep_stats stats;
};

/* The VNets of one tenant (by its zone), for one poll-loop iteration:
 * the tables may change, and free VNets, between iterations. */
struct sweep_tenant {
    struct hmap_node node;      /* By zone. */
    uint16_t zone;
    size_t n_vnets, allocated;
    const struct vp_vnet **vnets;
};

/* A connection's packet, as seen by the host that decides it. */
enum sweep_verdict {
    SWEEP_UNKNOWN,              /* Cannot say: keep the state. */
    SWEEP_OWNED,                /* This host runs conntrack for it. */
    SWEEP_ELSEWHERE,            /* Another host owns it. */
};

struct owner_sweep *
owner_sweep_create(void)
{
    return xzalloc(sizeof(struct owner_sweep));
}

void
owner_sweep_destroy(struct owner_sweep *s)
{
    free(s);
}

static void
index_build(const struct vp_tables *t, struct hmap *index)
{
    const struct vp_vnet *vnet;

    hmap_init(index);
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        uint16_t zone = vnet->tenant->zone;
        struct sweep_tenant *st;

        HMAP_FOR_EACH_WITH_HASH (st, node, hash_int(zone, 0), index) {
            if (st->zone == zone) {
                break;
            }
        }
        if (!st) {
            st = xzalloc(sizeof *st);
            st->zone = zone;
            hmap_insert(index, &st->node, hash_int(zone, 0));
        }
        if (st->n_vnets >= st->allocated) {
            st->vnets = x2nrealloc(st->vnets, &st->allocated,
                                   sizeof *st->vnets);
        }
        st->vnets[st->n_vnets++] = vnet;
    }
}

static void
index_destroy(struct hmap *index)
{
    struct sweep_tenant *st;

    HMAP_FOR_EACH_POP (st, node, index) {
        free(st->vnets);
        free(st);
    }
    hmap_destroy(index);
}

static const struct sweep_tenant *
index_find(const struct hmap *index, uint16_t zone)
{
    const struct sweep_tenant *st;

    HMAP_FOR_EACH_WITH_HASH (st, node, hash_int(zone, 0), index) {
        if (st->zone == zone) {
            return st;
        }
    }
    return NULL;
}

/* Where a packet from 'ip' of the tenant enters: a local port (its
 * address, else one of its allowed source ranges), or the host of a
 * translation entry.  False if no VM of the tenant sends from 'ip', or if
 * its entry names this host, which has no port for it (yet). */
static bool
place_sender(const struct vp_tables *t, const struct sweep_tenant *st,
             ovs_be32 ip, struct vp_flow_key *key, const struct vp_port **in,
             const struct vp_vnet **vnetp)
{
    for (size_t i = 0; i < st->n_vnets; i++) {
        struct vp_port *port = tables_port_by_ip(t, st->vnets[i], ip);
        if (port) {
            *in = port;
            *vnetp = port->vnet;
            key->in_port = port->id;
            key->dl_src = port->mac;
            return true;
        }
    }
    for (size_t i = 0; i < st->n_vnets; i++) {
        const struct vp_xlate *xe = tables_xlate_by_ip(t, st->vnets[i], ip);
        if (xe) {
            ovs_be32 host = xlate_vtep(xe);
            if (host == t->self_vtep) {
                return false;
            }
            *in = NULL;
            *vnetp = xe->vnet;
            key->in_port = VP_FABRIC_PORT_ID;
            key->vni = xe->vnet->vni;
            key->outer_src = host;
            key->mark = stateful_is_peer(stateful_get(t), host);
            key->dl_src = xe->mac;
            return true;
        }
    }
    for (size_t i = 0; i < st->n_vnets; i++) {
        const struct vp_port *port;
        LIST_FOR_EACH (port, vnet_node, &st->vnets[i]->ports) {
            if (port->n_allowed && port_allows_source(port, ip)) {
                *in = port;
                *vnetp = port->vnet;
                key->in_port = port->id;
                key->dl_src = port->mac;
                return true;
            }
        }
    }
    return false;
}

/* The destination MAC a VM in 'vnet' sends a packet to 'ip' with: the
 * VM's in the same VNet, else the gateway's (routed). */
static struct eth_addr
dst_mac(const struct vp_tables *t, const struct vp_vnet *vnet, ovs_be32 ip)
{
    const struct vp_port *port = tables_port_by_ip(t, vnet, ip);
    if (port) {
        return port->mac;
    }
    const struct vp_xlate *xe = tables_xlate_by_ip(t, vnet, ip);
    if (xe) {
        return xe->mac;
    }
    return ovsrcu_get(const struct vp_vnet_cfg *, &vnet->cfg)->gw_mac;
}

static void
key_from_tuple(const struct ct_dpif_tuple *tp, struct vp_flow_key *key)
{
    memset(key, 0, sizeof *key);
    key->dl_type = htons(ETH_TYPE_IP);
    key->nw_src = tp->src.ip;
    key->nw_dst = tp->dst.ip;
    key->nw_proto = tp->ip_proto;
    if (tp->ip_proto == IPPROTO_ICMP) {
        key->tp_src = htons(tp->icmp_type);
        key->tp_dst = htons(tp->icmp_code);
        key->icmp_id = tp->icmp_id;
    } else {
        key->tp_src = tp->src_port;
        key->tp_dst = tp->dst_port;
    }
}

static enum sweep_verdict
verdict_of(const struct vp_action *act, uint16_t zone)
{
    switch ((enum vp_action_type) act->type) {
    case VP_ACT_TO_OWNER:
    case VP_ACT_RESOLVE:
        return SWEEP_ELSEWHERE;
    case VP_ACT_DROP:
        return (act->drop_reason == VP_DROP_OWNER_MISMATCH ? SWEEP_ELSEWHERE
                : SWEEP_UNKNOWN);
    case VP_ACT_OUTPUT:
    case VP_ACT_ENCAP:
    case VP_ACT_FLOOD:
    case VP_ACT_ARP_REPLY:
    case VP_ACT_GATEWAY:
    case VP_ACT_UPLINK:
    case VP_ACT_DELIVER_IP:
    case VP_ACT_ARP_LEARN:
    default:
        return (act->ct.active && act->ct.zone == zone ? SWEEP_OWNED
                : SWEEP_UNKNOWN);
    }
}

/* A packet sent by a VM of the tenant, with the addresses and ports of
 * 'tp'. */
static enum sweep_verdict
judge_from_vm(const struct vp_tables *t, const struct sweep_tenant *st,
              const struct ct_dpif_tuple *tp)
{
    const struct vp_vnet *vnet;
    const struct vp_port *in;
    struct vp_flow_key key;
    struct vp_action act;

    key_from_tuple(tp, &key);
    if (!place_sender(t, st, tp->src.ip, &key, &in, &vnet)) {
        return SWEEP_UNKNOWN;
    }
    key.dl_dst = dst_mac(t, vnet, tp->dst.ip);
    xlate_decide(t, &key, in, &act, NULL);
    return verdict_of(&act, st->zone);
}

/* A packet from the WAN to a public address, as it reaches this host:
 * from its uplink, or sent here by a gateway. */
static enum sweep_verdict
judge_from_wan(const struct vp_tables *t, const struct sweep_tenant *st,
               const struct ct_dpif_tuple *tp)
{
    const struct vp_port *uplink = tables_uplink(t);
    struct vp_flow_key key;
    struct vp_action act;

    key_from_tuple(tp, &key);
    if (uplink) {
        key.in_port = uplink->id;
        key.dl_dst = uplink->mac;
    } else {
        key.in_port = VP_FABRIC_PORT_ID;
        key.vni = stateful_get(t)->wan_vni;
        key.outer_src = t->self_vtep;
        key.mark = 1;
    }
    xlate_decide(t, &key, uplink, &act, NULL);
    return verdict_of(&act, st->zone);
}

/* Whether the connection 'e' is now another host's to own. */
static bool
owned_elsewhere(const struct vp_tables *t, const struct hmap *index,
                const struct ct_dpif_entry *e)
{
    const struct sweep_tenant *st = index_find(index, e->zone);

    if (!st || e->tuple_orig.l3_type != AF_INET) {
        /* A tenant that left takes its zone's state with it (tables.h's
         * ct_flush); vPlane tracks no IPv6. */
        return false;
    }
    enum sweep_verdict orig = judge_from_vm(t, st, &e->tuple_orig);
    enum sweep_verdict reply = judge_from_vm(t, st, &e->tuple_reply);
    if (orig == SWEEP_OWNED || reply == SWEEP_OWNED) {
        return false;
    }
    if (orig == SWEEP_ELSEWHERE || reply == SWEEP_ELSEWHERE) {
        return true;
    }
    /* No VM at either end: a connection from the WAN to a public address
     * whose VM this host no longer has. */
    return (stateful_is_public(stateful_get(t), e->tuple_orig.dst.ip)
            && judge_from_wan(t, st, &e->tuple_orig) == SWEEP_ELSEWHERE);
}

static void
start_pass(struct owner_sweep *s, struct conntrack *ct)
{
    uint32_t n_conns = 0;
    int n_buckets;

    s->again = false;
    conntrack_get_nconns(ct, &n_conns);
    if (!n_conns) {
        return;
    }
    /* A forwarding thread may still be in a batch decided under the old
     * tables, and commit a connection there: judge after every thread has
     * left such decisions, as the ct_flush hook does. */
    ovsrcu_synchronize();
    conntrack_dump_start(ct, &s->dump, NULL, &n_buckets);
    s->active = true;
    s->pass_removed = 0;
}

static void
finish_pass(struct owner_sweep *s, struct conntrack *ct)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

    conntrack_dump_done(&s->dump);
    s->active = false;
    s->stats.passes++;
    if (s->pass_removed) {
        VLOG_INFO_RL(&rl, "removed %"PRIu64" connection(s) that another host "
                     "owns now (tables generation %"PRIu64")",
                     s->pass_removed, s->gen_seen);
        /* Removing shrinks conntrack's table, and a walk may skip entries
         * when the table is resized under it: one more walk. */
        s->again = true;
    }
    if (s->again) {
        start_pass(s, ct);
    }
}

void
owner_sweep_run(struct owner_sweep *s, const struct vp_tables *t,
                struct conntrack *ct, struct resolver *resolver)
{
    uint64_t gen = tables_gen(t);
    if (!ct) {
        s->gen_seen = gen;      /* No state yet (threads not started). */
        return;
    }
    if (gen != s->gen_seen) {
        s->gen_seen = gen;
        if (s->active) {
            s->again = true;    /* Entries already judged: again. */
        } else {
            start_pass(s, ct);
        }
    }
    if (!s->active) {
        return;
    }

    struct hmap index;
    index_build(t, &index);
    for (int i = 0; i < OWNER_SWEEP_BATCH; i++) {
        struct ct_dpif_entry e;
        if (conntrack_dump_next(&s->dump, &e)) {
            finish_pass(s, ct);
            break;
        }
        if (owned_elsewhere(t, &index, &e)
            && !conntrack_flush_tuple(ct, &e.tuple_orig, e.zone)) {
            if (resolver) {
                resolver_forget_connection(resolver, &e.tuple_reply);
            }
            s->pass_removed++;
            s->stats.removed++;
            COVERAGE_INC(owner_sweep_removed);
        }
        ct_dpif_entry_uninit(&e);
    }
    index_destroy(&index);
}

void
owner_sweep_wait(const struct owner_sweep *s, const struct vp_tables *t)
{
    if (s->active || tables_gen(t) != s->gen_seen) {
        poll_immediate_wake();
    }
}

void
owner_sweep_get_stats(const struct owner_sweep *s,
                      struct owner_sweep_stats *stats)
{
    *stats = s->stats;
    stats->running = s->active;
}
