/* vplane/ctl-flows.c: dump-flows, the flow caches as flows -- a flow's
 * forward and reverse entries side by side, each with its counters, age and
 * owner (docs/ctl.md, "Flow cache").  The caches know nothing of pairs:
 * entries are paired here, at dump time, by their keys. */
#include <config.h>
#include "ctl.h"

#include <stdlib.h>
#include <string.h>
#include "dataplane.h"
#include "flow-cache.h"
#include "hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "tables.h"
#include "tables-private.h"
#include "timeval.h"
#include "unixctl.h"
#include "xlate.h"

/* The VNet an entry's packets came in on: the input port's, or for VXLAN
 * the VNI's; else the one the decision names (NULL: none, e.g. an unknown
 * VNI). */
static const struct vp_vnet *
entry_vnet(const struct vp_tables *t, const struct flow_cache_entry *e,
           const char **names)
{
    const struct vp_vnet *vnet = NULL;

    if (e->key.in_port == VP_FABRIC_PORT_ID) {
        vnet = tables_vnet_by_vni(t, e->key.vni);
    } else if (names[e->key.in_port]) {
        const struct vp_port *port = tables_port_by_name(
            t, names[e->key.in_port]);
        vnet = port ? port->vnet : NULL;
    }
    return vnet ? vnet : e->action.vnet;
}

static const struct vp_tenant *
entry_tenant(const struct vp_tables *t, const struct flow_cache_entry *e,
             const char **names)
{
    const struct vp_vnet *vnet = entry_vnet(t, e, names);

    return vnet ? vnet->tenant : NULL;
}

/* ICMP message types that answer each other (echo, timestamp, information,
 * address mask); -1 for the others. */
static int
icmp_reply_type(int type)
{
    switch (type) {
    case 8: return 0;
    case 0: return 8;
    case 13: return 14;
    case 14: return 13;
    case 15: return 16;
    case 16: return 15;
    case 17: return 18;
    case 18: return 17;
    default: return -1;
    }
}

/* A hash of 'key' that its reverse (keys_reversed()) has too: each end's
 * part is hashed alone and the two combined in an order-free way. */
static uint32_t
symmetric_hash(const struct vp_flow_key *key)
{
    uint32_t basis = hash_2words(ntohs(key->dl_type), key->nw_proto);
    uint32_t a, b;

    if (key->dl_type == htons(ETH_TYPE_IP)
        && (key->nw_proto == IPPROTO_TCP || key->nw_proto == IPPROTO_UDP)) {
        a = hash_2words((OVS_FORCE uint32_t) key->nw_src, key->tp_src);
        b = hash_2words((OVS_FORCE uint32_t) key->nw_dst, key->tp_dst);
    } else if (key->dl_type == htons(ETH_TYPE_IP)
               || key->dl_type == htons(ETH_TYPE_ARP)) {
        a = hash_int((OVS_FORCE uint32_t) key->nw_src, 0);
        b = hash_int((OVS_FORCE uint32_t) key->nw_dst, 0);
    } else {
        a = hash_bytes(&key->dl_src, sizeof key->dl_src, 0);
        b = hash_bytes(&key->dl_dst, sizeof key->dl_dst, 0);
    }
    return hash_add(basis, a ^ b);
}

/* Whether 'b' is the reverse of 'a': the same protocol with source and
 * destination swapped (addresses and ports; for ICMP, a request and its
 * reply with one identifier; for ARP, a request and its reply; for other
 * frames, the MACs). */
static bool
keys_reversed(const struct vp_flow_key *a, const struct vp_flow_key *b)
{
    if (a->dl_type != b->dl_type || a->vlan || b->vlan) {
        return false;
    }
    if (a->dl_type == htons(ETH_TYPE_IP)) {
        if (a->nw_proto != b->nw_proto || a->nw_src != b->nw_dst
            || a->nw_dst != b->nw_src) {
            return false;
        }
        switch (a->nw_proto) {
        case IPPROTO_TCP:
        case IPPROTO_UDP:
            return a->tp_src == b->tp_dst && a->tp_dst == b->tp_src;
        case IPPROTO_ICMP:
            return (a->icmp_id == b->icmp_id
                    && icmp_reply_type(ntohs(a->tp_src)) == ntohs(b->tp_src)
                    && a->tp_dst == b->tp_dst);
        default:
            return true;
        }
    } else if (a->dl_type == htons(ETH_TYPE_ARP)) {
        return (a->nw_src == b->nw_dst && a->nw_dst == b->nw_src
                && ((a->nw_proto == ARP_OP_REQUEST
                     && b->nw_proto == ARP_OP_REPLY)
                    || (a->nw_proto == ARP_OP_REPLY
                        && b->nw_proto == ARP_OP_REQUEST)));
    }
    return (eth_addr_equals(a->dl_src, b->dl_dst)
            && eth_addr_equals(a->dl_dst, b->dl_src));
}

struct json *
ctl_flow_entry_json(const struct ctl_context *ctx,
                    const struct flow_cache_entry *e, unsigned int thread,
                    const char **names, long long int now)
{
    const struct vp_vnet *vnet = entry_vnet(ctx->tables, e, names);
    const struct vp_action *act = &e->action;
    const char *in = names[e->key.in_port];
    struct json *o = json_object_create();
    struct ds d = DS_EMPTY_INITIALIZER;

    json_object_put(o, "thread", json_integer_create(thread));
    json_object_put_string(o, "in", in ? in : "?");
    json_object_put_string(o, "vnet", vnet ? vnet->name : "-");
    json_object_put_string(o, "tenant", vnet ? vnet->tenant->name : "-");
    vp_flow_key_format(&e->key, &d);
    json_object_put(o, "flow", json_string_create_nocopy(ds_steal_cstr(&d)));
    json_object_put(o, "eth-src", ctl_mac_json(e->key.dl_src));
    json_object_put(o, "eth-dst", ctl_mac_json(e->key.dl_dst));
    if (!e->key.vlan && (e->key.dl_type == htons(ETH_TYPE_IP)
                         || e->key.dl_type == htons(ETH_TYPE_ARP))) {
        json_object_put(o, "ip-src", ctl_ip_json(e->key.nw_src));
        json_object_put(o, "ip-dst", ctl_ip_json(e->key.nw_dst));
    }
    json_object_put(o, "packets", json_integer_create(e->packets));
    json_object_put(o, "bytes", json_integer_create(e->bytes));
    json_object_put(o, "age-ms", json_integer_create(now - e->created));
    json_object_put(o, "used-ms", json_integer_create(now - e->used));
    if (act->owner_how == VP_OWNER_NONE) {
        json_object_put_string(o, "owner", "-");
    } else if (act->owner_how == VP_OWNER_SUBSET) {
        /* Rule 3: found per packet (dump-owners shows the known ones). */
        json_object_put_string(o, "owner", "per-packet");
    } else {
        json_object_put(o, "owner", ctl_ip_json(act->owner));
    }
    json_object_put(o, "self", json_boolean_create(
                        act->owner_how != VP_OWNER_NONE
                        && act->owner_how != VP_OWNER_SUBSET
                        && act->owner == ctx->tables->self_vtep));
    json_object_put_string(o, "by", act->owner_how == VP_OWNER_NONE ? "-"
                           : vp_owner_how_name(act->owner_how));
    vp_action_format(act, &d);
    json_object_put(o, "actions",
                    json_string_create_nocopy(ds_steal_cstr(&d)));
    return o;
}

void
ctl_format_owner(const struct json *o, struct ds *s)
{
    ds_put_format(s, "owner=%s%s", ctl_row_string(o, "owner"),
                  ctl_row_boolean(o, "self") ? "(self)" : "");
}

static void
format_entry(const struct json *o, struct ds *s)
{
    ds_put_format(s, "thread=%lld in=%s vnet=%s %s packets=%lld bytes=%lld "
                  "age=%.1fs used=%.1fs ", ctl_row_integer(o, "thread"),
                  ctl_row_string(o, "in"), ctl_row_string(o, "vnet"),
                  ctl_row_string(o, "flow"), ctl_row_integer(o, "packets"),
                  ctl_row_integer(o, "bytes"),
                  ctl_row_integer(o, "age-ms") / 1000.0,
                  ctl_row_integer(o, "used-ms") / 1000.0);
    ctl_format_owner(o, s);
    ds_put_format(s, " actions=%s\n", ctl_row_string(o, "actions"));
}

/* A row of dump-flows as text: its forward entry's line, and its reverse
 * entry's, if any. */
static void
format_flow(const struct json *o, struct ds *s)
{
    const struct json *rev = shash_find_data(json_object(o), "reverse");

    ds_put_format(s, "%-5lld fwd ", ctl_row_integer(o, "flow"));
    format_entry(shash_find_data(json_object(o), "forward"), s);
    if (rev && rev->type == JSON_OBJECT) {
        ds_put_format(s, "%-5lld rev ", ctl_row_integer(o, "flow"));
        format_entry(rev, s);
    }
}

/* 1 if 'k' looks like the request of an exchange (an ICMP echo, timestamp,
 * information or address-mask request; an ARP request), -1 if it looks like
 * the reply, 0 if it cannot tell. */
static int
request_hint(const struct vp_flow_key *k)
{
    if (k->dl_type == htons(ETH_TYPE_IP) && k->nw_proto == IPPROTO_ICMP) {
        int type = ntohs(k->tp_src);
        return (type == 8 || type == 13 || type == 15 || type == 17 ? 1
                : icmp_reply_type(type) >= 0 ? -1 : 0);
    } else if (k->dl_type == htons(ETH_TYPE_ARP)) {
        return (k->nw_proto == ARP_OP_REQUEST ? 1
                : k->nw_proto == ARP_OP_REPLY ? -1 : 0);
    }
    return 0;
}

/* Whether 'a', paired with 'b', is the flow's forward entry: the request
 * if the protocol says which is; else the older (both entries are often
 * made in the same millisecond, the reply coming at once); else for TCP
 * and UDP the one to the lower port (the server's, usually); else 'a'. */
static bool
is_forward(const struct flow_cache_entry *a, const struct flow_cache_entry *b)
{
    int ha = request_hint(&a->key), hb = request_hint(&b->key);

    if (ha != hb) {
        return ha > hb;
    } else if (a->created != b->created) {
        return a->created < b->created;
    } else if (a->key.dl_type == htons(ETH_TYPE_IP)
               && (a->key.nw_proto == IPPROTO_TCP
                   || a->key.nw_proto == IPPROTO_UDP)
               && a->key.tp_dst != b->key.tp_dst) {
        return ntohs(a->key.tp_dst) < ntohs(b->key.tp_dst);
    }
    return true;
}

/* Older first; ties broken by the key, so that a dump is stable. */
static int
compare_flows(const void *a_, const void *b_)
{
    const struct dataplane_flow *fa = a_, *fb = b_;
    const struct flow_cache_entry *a = &fa->entry, *b = &fb->entry;

    if (a->created != b->created) {
        return a->created < b->created ? -1 : 1;
    }
    return memcmp(&a->key, &b->key, sizeof a->key);
}

/* dump-flows [--format=json|text] [FILTER]: one row per flow, {"flow": N,
 * "forward": ENTRY, "reverse": ENTRY or null} (is_forward() says which is
 * which), in the order of their first entries.  FILTER keeps the flows
 * one of whose entries it matches (VNet, tenant, input port, MAC or IPv4
 * address). */
static void
cmd_dump_flows(struct unixctl_conn *conn, int argc, const char *argv[],
               void *ctx_)
{
    static const char *const cols[] = { "vnet", "tenant", "in", "eth-src",
                                        "eth-dst", "ip-src", "ip-dst", NULL };
    struct ctl_context *ctx = ctx_;
    struct dataplane_flow *flows;
    struct ctl_dump d;

    if (!ctl_dump_start(&d, conn, argc, argv, "flows", format_flow)) {
        return;
    }
    size_t n = dataplane_dump_flows(ctx->dp, &flows);
    const char **names = port_names_by_id(ctx->tables);
    long long int now = time_msec();

    if (n) {
        qsort(flows, n, sizeof *flows, compare_flows);
    }

    /* Pair each entry with the oldest unpaired earlier one that reverses
     * it in the same tenant.  A hash that is the same for a key and its
     * reverse puts both in one bucket, so that pairing takes linear time
     * however full the caches of however many threads are: the dump runs
     * in the main thread. */
    size_t *partner = xmalloc((n + 1) * sizeof *partner);
    const struct vp_tenant **tenants = xmalloc((n + 1) * sizeof *tenants);
    struct hmap_node *nodes = xmalloc((n + 1) * sizeof *nodes);
    struct hmap unpaired = HMAP_INITIALIZER(&unpaired);
    for (size_t i = 0; i < n; i++) {
        uint32_t hash;
        size_t j = SIZE_MAX;

        partner[i] = SIZE_MAX;
        tenants[i] = entry_tenant(ctx->tables, &flows[i].entry, names);
        hash = hash_pointer(tenants[i], symmetric_hash(&flows[i].entry.key));
        for (struct hmap_node *node = hmap_first_with_hash(&unpaired, hash);
             node; node = hmap_next_with_hash(node)) {
            size_t k = node - nodes;
            if (tenants[k] == tenants[i] && k < j
                && keys_reversed(&flows[k].entry.key, &flows[i].entry.key)) {
                j = k;
            }
        }
        if (j != SIZE_MAX) {
            partner[i] = j;
            partner[j] = i;
            hmap_remove(&unpaired, &nodes[j]);
        } else {
            hmap_insert(&unpaired, &nodes[i], hash);
        }
    }
    hmap_destroy(&unpaired);
    free(nodes);

    long long int n_flows = 0;
    if (!d.json) {
        ds_put_cstr(&d.s, "FLOW  DIR THREAD IN VNET KEY PACKETS BYTES AGE "
                    "USED OWNER ACTIONS\n");
    }
    for (size_t i = 0; i < n; i++) {
        if (partner[i] != SIZE_MAX && partner[i] < i) {
            continue;           /* Shown as its partner's reverse. */
        }
        n_flows++;
        if (!ctl_dump_need_row(&d)) {
            continue;
        }
        size_t f = i, r = partner[i];
        if (r != SIZE_MAX && !is_forward(&flows[f].entry, &flows[r].entry)) {
            f = partner[i];
            r = i;
        }
        struct json *fwd = ctl_flow_entry_json(ctx, &flows[f].entry,
                                               flows[f].thread, names, now);
        struct json *rev = (r == SIZE_MAX ? json_null_create()
                            : ctl_flow_entry_json(ctx, &flows[r].entry,
                                                  flows[r].thread, names,
                                                  now));
        bool matches = (ctl_row_matches(fwd, d.filter, cols)
                        || (rev->type == JSON_OBJECT
                            && ctl_row_matches(rev, d.filter, cols)));
        struct json *o = json_object_create();
        json_object_put(o, "flow", json_integer_create(n_flows));
        json_object_put(o, "forward", fwd);
        json_object_put(o, "reverse", rev);
        ctl_dump_row(&d, o, matches);
    }
    ctl_dump_finish(&d, NULL);
    free(partner);
    free(tenants);
    free(names);
    free(flows);
}

void
ctl_register_flow_commands(struct ctl_context *ctx)
{
    unixctl_command_register("dump-flows", CTL_DUMP_USAGE, 0,
                             CTL_DUMP_MAX_ARGS, cmd_dump_flows, ctx);
}
