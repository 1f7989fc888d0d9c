/* vplane/stateful.c: see stateful.h. */
#include <config.h>
#include "stateful.h"

#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "openvswitch/shash.h"
#include "ovs-rcu.h"
#include "packets.h"
#include "peers.h"
#include "tables.h"
#include "util.h"
#include "vplane/protocol.h"

struct stateful_vtep {
    struct hmap_node node;
    ovs_be32 vtep;
    bool gateway;
    struct vp_snat_block *blocks;   /* Owned, sorted by address. */
    size_t n_blocks;
};

/* Immutable once published. */
struct stateful_live {
    size_t n_down;
    ovs_be32 *down;             /* Not alive, sorted (may name gateways the
                                 * snapshot no longer lists). */
    size_t n_up;
    ovs_be32 *up;               /* The snapshot's gateways not in 'down',
                                 * sorted; none: every gateway is used. */
};

struct stateful_fw {
    struct hmap_node node;      /* Hash of VNet name and MAC. */
    const struct vp_fw_port *port;  /* Owned (a copy). */
};

struct stateful_nat {
    struct hmap_node node;
    const struct vp_nat_rule *rule;   /* Owned (a copy) in 'nat_ext'. */
};

static uint32_t
fw_hash(const char *vnet, struct eth_addr mac)
{
    return hash_string(vnet, hash_uint64(eth_addr_to_uint64(mac)));
}

static struct vp_stateful *
stateful_empty(ovs_be32 self)
{
    struct vp_stateful *sf = xzalloc(sizeof *sf);

    sf->self = self;
    sf->wan_vni = VP_DEFAULT_WAN_VNI;
    hmap_init(&sf->peers);
    hmap_init(&sf->fw);
    hmap_init(&sf->nat_ext);
    hmap_init(&sf->nat_int);
    hmap_init(&sf->snat);
    return sf;
}

static void
nat_copy_free(const struct vp_nat_rule *r)
{
    free(r->tenant);
    free(r->vnet);
    free(CONST_CAST(struct vp_nat_rule *, r));
}

static void
live_free(struct stateful_live *l)
{
    if (l) {
        free(l->down);
        free(l->up);
        free(l);
    }
}

static int compare_be32(const void *, const void *);

/* The live set of 'sf' when 'down' (sorted) are not alive. */
static struct stateful_live *
live_build(const struct vp_stateful *sf, const ovs_be32 *down, size_t n_down)
{
    struct stateful_live *l = xzalloc(sizeof *l);

    l->n_down = n_down;
    l->down = n_down ? xmemdup(down, n_down * sizeof *down) : NULL;
    l->up = xmalloc((sf->n_gateways + 1) * sizeof *l->up);
    for (size_t i = 0; i < sf->n_gateways; i++) {
        if (!n_down || !bsearch(&sf->gateways[i], down, n_down,
                                sizeof *down, compare_be32)) {
            l->up[l->n_up++] = sf->gateways[i];
        }
    }
    return l;
}

/* The gateways WAN flows are hashed over when 'l' is the live set (see
 * stateful_gateway()): stores them in '*gw' and returns how many. */
static size_t
live_in_use(const struct vp_stateful *sf, const struct stateful_live *l,
            const ovs_be32 **gw)
{
    if (l && l->n_up) {
        *gw = l->up;
        return l->n_up;
    }
    *gw = sf->gateways;
    return sf->n_gateways;
}

static const struct stateful_live *
live_get(const struct vp_stateful *sf)
{
    return ovsrcu_get(struct stateful_live *, &sf->live);
}

static void
stateful_free(struct vp_stateful *sf)
{
    struct stateful_vtep *v;
    struct stateful_fw *f;
    struct stateful_nat *n;

    if (!sf) {
        return;
    }
    HMAP_FOR_EACH_POP (v, node, &sf->peers) {
        free(v->blocks);
        free(v);
    }
    HMAP_FOR_EACH_POP (f, node, &sf->fw) {
        free(f->port->vnet);
        free(f->port->rules);
        free(CONST_CAST(struct vp_fw_port *, f->port));
        free(f);
    }
    HMAP_FOR_EACH_POP (n, node, &sf->nat_ext) {
        nat_copy_free(n->rule);
        free(n);
    }
    HMAP_FOR_EACH_POP (n, node, &sf->nat_int) {
        free(n);                /* The rule belongs to 'nat_ext'. */
    }
    HMAP_FOR_EACH_POP (n, node, &sf->snat) {
        free(n);
    }
    hmap_destroy(&sf->peers);
    hmap_destroy(&sf->fw);
    hmap_destroy(&sf->nat_ext);
    hmap_destroy(&sf->nat_int);
    hmap_destroy(&sf->snat);
    free(sf->helpers);
    free(sf->gateways);
    live_free(ovsrcu_get_protected(struct stateful_live *, &sf->live));
    free(sf);
}

const struct vp_stateful *
stateful_get(const struct vp_tables *t)
{
    return ovsrcu_get(struct vp_stateful *, &t->stateful);
}

static int
compare_be32(const void *a_, const void *b_)
{
    uint32_t a = ntohl(*(const ovs_be32 *) a_);
    uint32_t b = ntohl(*(const ovs_be32 *) b_);
    return a < b ? -1 : a > b;
}

static void
add_peers(struct vp_stateful *sf, const struct vp_peers *peers)
{
    struct shash_node *node;

    sf->higher = peers->owner_rule && !strcmp(peers->owner_rule, "higher");
    sf->query_mode = peers->query_mode && !strcmp(peers->query_mode,
                                                  "query");
    sf->wan_vni = peers->wan_vni;
    sf->gateways = xmalloc((shash_count(&peers->hosts) + 1)
                           * sizeof *sf->gateways);
    SHASH_FOR_EACH (node, &peers->hosts) {
        const struct vp_peer_host *ph = node->data;
        struct stateful_vtep *v = xmalloc(sizeof *v);
        v->vtep = ph->vtep;
        v->gateway = ph->gateway;
        v->blocks = (ph->n_blocks
                     ? xmemdup(ph->blocks, ph->n_blocks * sizeof *ph->blocks)
                     : NULL);
        v->n_blocks = ph->n_blocks;
        hmap_insert(&sf->peers, &v->node, hash_int(ntohl(ph->vtep), 0));
        if (ph->gateway) {
            sf->gateways[sf->n_gateways++] = ph->vtep;
        }
    }
    qsort(sf->gateways, sf->n_gateways, sizeof *sf->gateways, compare_be32);

    sf->n_subsets = peers->n_subsets;
    sf->helpers = xcalloc(peers->n_subsets + 1, sizeof *sf->helpers);
    for (size_t i = 0; i < peers->n_subsets; i++) {
        const struct vp_peer_host *ph = (peers->subset_host[i]
                                         ? shash_find_data(
                                               &peers->hosts,
                                               peers->subset_host[i])
                                         : NULL);
        sf->helpers[i] = ph ? ph->vtep : 0;
    }
}

static void
add_services(struct vp_stateful *sf, const struct vp_services *svc)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, &svc->firewall) {
        const struct vp_fw_port *p = node->data;
        struct vp_fw_port *copy = xmemdup(p, sizeof *p);
        copy->vnet = xstrdup(p->vnet);
        copy->rules = xmemdup(p->rules, (p->n_rules + 1) * sizeof *p->rules);

        struct stateful_fw *f = xmalloc(sizeof *f);
        f->port = copy;
        hmap_insert(&sf->fw, &f->node, fw_hash(p->vnet, p->mac));
    }
    SHASH_FOR_EACH (node, &svc->nat) {
        const struct vp_nat_rule *r = node->data;
        struct vp_nat_rule *copy = xmemdup(r, sizeof *r);
        copy->tenant = xstrdup(r->tenant);
        copy->vnet = nullable_xstrdup(r->vnet);

        struct stateful_nat *n = xmalloc(sizeof *n);
        n->rule = copy;
        hmap_insert(&sf->nat_ext, &n->node, hash_int(ntohl(r->external_ip),
                                                     0));
        if (r->type != VP_NAT_SNAT) {
            /* Order-independent: the same rules give the same value. */
            sf->nat_owners ^= hash_3words(ntohl(r->external_ip),
                                          r->protocol << 16
                                          | r->external_port,
                                          ntohl(r->owner));
        }
        if (r->type == VP_NAT_FLOATING) {
            n = xmalloc(sizeof *n);
            n->rule = copy;
            hmap_insert(&sf->nat_int, &n->node,
                        hash_string(r->tenant,
                                    hash_int(ntohl(r->internal_ip), 0)));
        } else if (r->type == VP_NAT_SNAT) {
            n = xmalloc(sizeof *n);
            n->rule = copy;
            hmap_insert(&sf->snat, &n->node, hash_string(r->tenant, 0));
        }
        sf->n_nat++;
    }
    sf->uplink = svc->uplink;
}

void
stateful_publish(struct vp_tables *t, const struct vp_peers *peers,
                 const struct vp_services *svc)
{
    static uint64_t seqno;      /* Main thread only. */
    struct vp_stateful *sf = stateful_empty(t->self_vtep);
    struct vp_stateful *old;

    sf->seqno = ++seqno;

    if (peers) {
        add_peers(sf, peers);
    }
    if (svc) {
        add_services(sf, svc);
    }
    old = ovsrcu_get_protected(struct vp_stateful *, &t->stateful);
    /* The gateways found dead stay unused in the new snapshot: the probes
     * (gwlive.h), not the controller, say which are alive. */
    const struct stateful_live *old_live = (old
                                            ? ovsrcu_get_protected(
                                                  struct stateful_live *,
                                                  &old->live)
                                            : NULL);
    ovsrcu_set_hidden(&sf->live,
                      live_build(sf, old_live ? old_live->down : NULL,
                                 old_live ? old_live->n_down : 0));
    ovsrcu_set(&t->stateful, sf);
    tables_invalidate(t);
    if (old && old->higher != sf->higher && t->ct_flush) {
        /* Every flow between two vplaneds changes owner: the new owners
         * start afresh (connections open now are reset, as documented), and
         * no state stays behind on the old ones. */
        t->ct_flush(NULL, t->ct_flush_aux);
    }
    if (old) {
        ovsrcu_postpone(stateful_free, old);
    }
}

void
stateful_destroy(struct vp_tables *t)
{
    stateful_free(ovsrcu_get_protected(struct vp_stateful *, &t->stateful));
    ovsrcu_set_hidden(&t->stateful, NULL);
}

static const struct stateful_vtep *
find_vtep(const struct vp_stateful *sf, ovs_be32 vtep)
{
    const struct stateful_vtep *v;

    HMAP_FOR_EACH_WITH_HASH (v, node, hash_int(ntohl(vtep), 0), &sf->peers) {
        if (v->vtep == vtep) {
            return v;
        }
    }
    return NULL;
}

bool
stateful_is_peer(const struct vp_stateful *sf, ovs_be32 vtep)
{
    return find_vtep(sf, vtep) != NULL;
}

bool
stateful_is_gateway(const struct vp_stateful *sf, ovs_be32 vtep)
{
    const struct stateful_vtep *v = find_vtep(sf, vtep);
    return v && v->gateway;
}

bool
stateful_port_block(const struct vp_stateful *sf, ovs_be32 vtep,
                    ovs_be32 address, uint16_t *min, uint16_t *max)
{
    const struct stateful_vtep *v = find_vtep(sf, vtep);
    const struct vp_snat_block *b = (v ? vp_snat_block_find(v->blocks,
                                                            v->n_blocks,
                                                            address)
                                     : NULL);

    if (!b) {
        *min = *max = 0;
        return false;
    }
    *min = b->first;
    *max = b->last;
    return true;
}

const struct vp_fw_port *
stateful_fw_port(const struct vp_stateful *sf, const char *vnet,
                 struct eth_addr mac)
{
    const struct stateful_fw *f;

    HMAP_FOR_EACH_WITH_HASH (f, node, fw_hash(vnet, mac), &sf->fw) {
        if (eth_addr_equals(f->port->mac, mac)
            && !strcmp(f->port->vnet, vnet)) {
            return f->port;
        }
    }
    return NULL;
}

const struct vp_nat_rule *
stateful_nat_out(const struct vp_stateful *sf, const char *tenant,
                 const char *vnet, ovs_be32 ip)
{
    const struct stateful_nat *n;
    const struct vp_nat_rule *tenant_wide = NULL;

    HMAP_FOR_EACH_WITH_HASH (n, node, hash_string(tenant,
                                                  hash_int(ntohl(ip), 0)),
                             &sf->nat_int) {
        if (n->rule->internal_ip == ip && !strcmp(n->rule->tenant, tenant)) {
            return n->rule;
        }
    }
    /* Of a pool of several SNAT addresses, the one this host has a block
     * on (ctrl/snat-blocks.h); with none, any (the packet is dropped as
     * snat-no-block). */
    const struct vp_nat_rule *in_vnet = NULL;
    bool vnet_block = false, tenant_block = false;
    HMAP_FOR_EACH_WITH_HASH (n, node, hash_string(tenant, 0), &sf->snat) {
        const struct vp_nat_rule *r = n->rule;
        uint16_t min, max;
        if (strcmp(r->tenant, tenant)
            || (r->vnet && strcmp(r->vnet, vnet))) {
            continue;
        }
        bool block = stateful_port_block(sf, sf->self, r->external_ip,
                                         &min, &max);
        if (r->vnet && (!in_vnet || (block && !vnet_block))) {
            in_vnet = r;
            vnet_block = block;
        } else if (!r->vnet && (!tenant_wide || (block && !tenant_block))) {
            tenant_wide = r;
            tenant_block = block;
        }
    }
    return in_vnet ? in_vnet : tenant_wide;
}

const struct vp_nat_rule *
stateful_nat_in(const struct vp_stateful *sf, ovs_be32 ip, uint8_t proto,
                uint16_t port)
{
    const struct vp_nat_rule *floating = NULL, *snat = NULL;
    const struct stateful_nat *n;

    HMAP_FOR_EACH_WITH_HASH (n, node, hash_int(ntohl(ip), 0), &sf->nat_ext) {
        const struct vp_nat_rule *r = n->rule;
        if (r->external_ip != ip) {
            continue;
        }
        switch ((enum vp_nat_type) r->type) {
        case VP_NAT_FORWARD:
            if (r->protocol == proto && r->external_port == port) {
                return r;
            }
            break;
        case VP_NAT_FLOATING:
            floating = r;
            break;
        case VP_NAT_SNAT:
            snat = r;
            break;
        }
    }
    return floating ? floating : snat;
}

bool
stateful_is_public(const struct vp_stateful *sf, ovs_be32 ip)
{
    const struct stateful_nat *n;

    HMAP_FOR_EACH_WITH_HASH (n, node, hash_int(ntohl(ip), 0), &sf->nat_ext) {
        if (n->rule->external_ip == ip) {
            return true;
        }
    }
    return false;
}

uint32_t
stateful_subset(const struct vp_stateful *sf, ovs_be32 dst, uint8_t proto,
                uint16_t dst_port)
{
    uint32_t hash = hash_int(ntohl(dst), (proto << 16) | dst_port);
    return sf->n_subsets ? hash % sf->n_subsets : 0;
}

ovs_be32
stateful_helper(const struct vp_stateful *sf, uint32_t subset)
{
    return subset < sf->n_subsets ? sf->helpers[subset] : 0;
}

ovs_be32
stateful_gateway(const struct vp_stateful *sf, uint32_t hash)
{
    const struct stateful_live *l = live_get(sf);

    if (l && l->n_up) {
        return l->up[hash % l->n_up];
    }
    /* None alive (or none probed yet): every gateway, as the controller
     * lists them.  When a host hears from no gateway at all, its own link
     * or the probes are the likelier fault; dropping every WAN flow would
     * be no better than trying. */
    return sf->n_gateways ? sf->gateways[hash % sf->n_gateways] : 0;
}

bool
stateful_gateway_is_live(const struct vp_stateful *sf, ovs_be32 vtep)
{
    const struct stateful_live *l = live_get(sf);

    return (!l || !l->n_up
            || bsearch(&vtep, l->up, l->n_up, sizeof vtep, compare_be32));
}

size_t
stateful_n_live_gateways(const struct vp_stateful *sf)
{
    const struct stateful_live *l = live_get(sf);
    return l ? l->n_up : 0;
}

void
stateful_set_gateways_down(struct vp_tables *t, const ovs_be32 *down_,
                           size_t n)
{
    struct vp_stateful *sf = ovsrcu_get_protected(struct vp_stateful *,
                                                  &t->stateful);
    struct stateful_live *old = ovsrcu_get_protected(struct stateful_live *,
                                                     &sf->live);
    ovs_be32 *down = n ? xmemdup(down_, n * sizeof *down_) : NULL;

    if (n) {
        qsort(down, n, sizeof *down, compare_be32);
    }
    if (old && old->n_down == n
        && (!n || !memcmp(old->down, down, n * sizeof *down))) {
        free(down);
        return;
    }
    struct stateful_live *l = live_build(sf, down, n);
    const ovs_be32 *was, *is;
    size_t n_was = live_in_use(sf, old, &was);
    size_t n_is = live_in_use(sf, l, &is);
    /* A gateway found alive that was used anyway (every gateway is, while
     * none has answered yet) changes no decision. */
    bool same_use = (n_was == n_is
                     && (!n_is || !memcmp(was, is, n_is * sizeof *is)));
    free(down);
    ovsrcu_set(&sf->live, l);
    if (old) {
        ovsrcu_postpone(live_free, old);
    }
    if (!same_use) {
        /* Cached decisions name the gateway they chose. */
        tables_invalidate(t);
    }
}
