/* vplane/tables.c: the forwarding tables' structures and lookups, and the
 * tenants: created as their first VNet or route arrives, freed (their
 * conntrack zone given back) when the last goes, with the RIB that routing
 * reads rebuilt from their VNets' subnets and routes.
 *
 * What changes a table lives elsewhere: VNets, translation entries, routes
 * and tables_apply() in tables-apply.c, ports in tables-ports.c.
 * Validation of a batch lives in tables-check.c and runs before anything
 * changes a table; dumps live in tables-dump.c. */
#include <config.h>
#include "tables.h"
#include "stateful.h"

#include <stdlib.h>
#include <string.h>
#include "bitmap.h"
#include "tables-config.h"
#include "hash.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "port.h"
#include "tables-private.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(tables);

static void tenant_free(struct vp_tenant *);

uint32_t
tables_hash_mac(uint32_t vni, struct eth_addr mac)
{
    return hash_uint64_basis(eth_addr_to_uint64(mac), vni);
}

uint32_t
tables_hash_ip(uint32_t vni, ovs_be32 ip)
{
    return hash_2words(vni, (OVS_FORCE uint32_t) ip);
}

struct vp_tables *
tables_create(ovs_be32 self_vtep)
{
    struct vp_tables *t = xzalloc(sizeof *t);

    t->self_vtep = self_vtep;
    cmap_init(&t->vnets_by_vni);
    cmap_init(&t->ports_by_mac);
    cmap_init(&t->port_ips);
    cmap_init(&t->xlate_by_mac);
    cmap_init(&t->xlate_by_ip);
    atomic_init(&t->gen, 1);
    hmap_init(&t->vnets_by_name);
    hmap_init(&t->tenants);
    hmap_init(&t->ports_by_name);
    ovs_mutex_init(&t->port_ids_mutex);
    t->port_ids = bitmap_allocate(VP_MAX_PORTS);
    bitmap_set1(t->port_ids, VP_FABRIC_PORT_ID);
    t->zones = bitmap_allocate(UINT16_MAX + 1);
    bitmap_set1(t->zones, 0);
    stateful_publish(t, NULL, NULL);
    return t;
}

/* Frees everything at once; only for exit and tests, when no forwarding
 * thread can be reading. */
void
tables_destroy(struct vp_tables *t)
{
    if (!t) {
        return;
    }

    struct vp_xlate *x;
    CMAP_FOR_EACH (x, mac_node, &t->xlate_by_mac) {
        free(x);
    }
    struct vp_port *port = tables_uplink(t);
    if (port) {
        if (t->port_unlink) {
            t->port_unlink(port, t->port_hooks_aux);
        }
        port_destroy(port);
    }
    HMAP_FOR_EACH_POP (port, name_node, &t->ports_by_name) {
        if (t->port_unlink) {
            t->port_unlink(port, t->port_hooks_aux);
        }
        port_destroy(port);
    }
    struct vp_vnet *vnet;
    HMAP_FOR_EACH_POP (vnet, name_node, &t->vnets_by_name) {
        struct vtep_ref *ref;
        HMAP_FOR_EACH_POP (ref, node, &vnet->vtep_refs) {
            free(ref);
        }
        hmap_destroy(&vnet->vtep_refs);
        free(CONST_CAST(struct vp_vnet_cfg *,
                        ovsrcu_get_protected(const struct vp_vnet_cfg *,
                                             &vnet->cfg)));
        free(CONST_CAST(struct vp_flood *,
                        ovsrcu_get_protected(const struct vp_flood *,
                                             &vnet->flood)));
        free(vnet->name);
        free(vnet);
    }
    struct vp_tenant *tenant;
    HMAP_FOR_EACH_POP (tenant, node, &t->tenants) {
        struct vp_route *route;
        HMAP_FOR_EACH_POP (route, node, &tenant->routes) {
            free(route);
        }
        struct vtep_ref *ref;
        HMAP_FOR_EACH_POP (ref, node, &tenant->vtep_refs) {
            free(ref);
        }
        tenant_free(tenant);
    }
    stateful_destroy(t);
    free(t->zones);
    cmap_destroy(&t->vnets_by_vni);
    cmap_destroy(&t->ports_by_mac);
    cmap_destroy(&t->port_ips);
    cmap_destroy(&t->xlate_by_mac);
    cmap_destroy(&t->xlate_by_ip);
    hmap_destroy(&t->vnets_by_name);
    hmap_destroy(&t->tenants);
    hmap_destroy(&t->ports_by_name);
    bitmap_free(t->port_ids);
    ovs_mutex_destroy(&t->port_ids_mutex);
    free(t);
}

void
tables_set_port_hooks(struct vp_tables *t,
                      void (*link)(struct vp_port *, void *aux),
                      void (*unlink)(struct vp_port *, void *aux), void *aux)
{
    t->port_link = link;
    t->port_unlink = unlink;
    t->port_hooks_aux = aux;
}

/* Readers see a change only after its lookups are visible: the release here
 * pairs with the acquire in tables_gen(). */
void
tables_changed(struct vp_tables *t)
{
    uint64_t orig;

    atomic_add_explicit(&t->gen, 1, &orig, memory_order_release);
}

void
tables_invalidate(struct vp_tables *t)
{
    tables_changed(t);
}

uint64_t
tables_gen(const struct vp_tables *t)
{
    uint64_t gen;

    atomic_read_explicit(CONST_CAST(atomic_uint64_t *, &t->gen), &gen,
                         memory_order_acquire);
    return gen;
}

/* Lookups for forwarding threads. */

const struct vp_vnet *
tables_vnet_by_vni(const struct vp_tables *t, uint32_t vni)
{
    const struct vp_vnet *vnet;

    CMAP_FOR_EACH_WITH_HASH (vnet, vni_node, hash_int(vni, 0),
                             &t->vnets_by_vni) {
        if (vnet->vni == vni) {
            return vnet;
        }
    }
    return NULL;
}

struct vp_port *
tables_port_by_mac(const struct vp_tables *t, const struct vp_vnet *vnet,
                   struct eth_addr mac)
{
    struct vp_port *port;

    CMAP_FOR_EACH_WITH_HASH (port, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->ports_by_mac) {
        if (port->vnet == vnet && eth_addr_equals(port->mac, mac)) {
            return port;
        }
    }
    return NULL;
}

struct vp_port *
tables_port_by_ip(const struct vp_tables *t, const struct vp_vnet *vnet,
                  ovs_be32 ip)
{
    const struct vp_port_ip *pip;

    CMAP_FOR_EACH_WITH_HASH (pip, node, tables_hash_ip(vnet->vni, ip),
                             &t->port_ips) {
        if (pip->ip == ip && pip->port->vnet == vnet) {
            return pip->port;
        }
    }
    return NULL;
}

const struct vp_xlate *
tables_xlate_by_mac(const struct vp_tables *t, const struct vp_vnet *vnet,
                    struct eth_addr mac)
{
    const struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac)) {
            return x;
        }
    }
    return NULL;
}

const struct vp_xlate *
tables_xlate_by_ip(const struct vp_tables *t, const struct vp_vnet *vnet,
                   ovs_be32 ip)
{
    const struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, ip_node, tables_hash_ip(vnet->vni, ip),
                             &t->xlate_by_ip) {
        if (x->vnet == vnet && x->ip == ip) {
            return x;
        }
    }
    return NULL;
}

ovs_be32
xlate_vtep(const struct vp_xlate *x)
{
    ovs_be32 vtep;

    atomic_read_relaxed(CONST_CAST(ATOMIC(ovs_be32) *, &x->vtep), &vtep);
    return vtep;
}

const struct vp_subnet *
vnet_subnet_for(const struct vp_vnet_cfg *cfg, ovs_be32 ip)
{
    for (size_t i = 0; i < cfg->n_subnets; i++) {
        const struct vp_subnet *sn = &cfg->subnets[i];
        if ((ip & sn->mask) == sn->prefix) {
            return sn;
        }
    }
    return NULL;
}

const struct vp_rib_entry *
tenant_route_lookup(const struct vp_tenant *tenant, ovs_be32 dst)
{
    const struct vp_rib *rib = ovsrcu_get(const struct vp_rib *, &tenant->rib);

    for (size_t i = 0; i < rib->n; i++) {
        const struct vp_rib_entry *e = &rib->entries[i];
        if ((dst & e->mask) == e->prefix) {
            return e;
        }
    }
    return NULL;
}

bool
vnet_has_vtep(const struct vp_vnet *vnet, ovs_be32 vtep)
{
    const struct vp_flood *flood = ovsrcu_get(const struct vp_flood *,
                                              &vnet->flood);

    for (size_t i = 0; i < flood->n_vteps; i++) {
        if (flood->vteps[i] == vtep) {
            return true;
        }
    }
    return false;
}

bool
tenant_has_vtep(const struct vp_tenant *tenant, ovs_be32 vtep)
{
    const struct vp_vteps *vteps = ovsrcu_get(const struct vp_vteps *,
                                              &tenant->vteps);

    for (size_t i = 0; i < vteps->n; i++) {
        if (vteps->vteps[i] == vtep) {
            return true;
        }
    }
    return false;
}

/* Main-thread lookups. */

struct vp_vnet *
tables_vnet_by_name(const struct vp_tables *t, const char *name)
{
    struct vp_vnet *vnet;

    HMAP_FOR_EACH_WITH_HASH (vnet, name_node, hash_string(name, 0),
                             &t->vnets_by_name) {
        if (!strcmp(vnet->name, name)) {
            return vnet;
        }
    }
    return NULL;
}

struct vp_tenant *
tables_tenant_by_name(const struct vp_tables *t, const char *name)
{
    struct vp_tenant *tenant;

    HMAP_FOR_EACH_WITH_HASH (tenant, node, hash_string(name, 0),
                             &t->tenants) {
        if (!strcmp(tenant->name, name)) {
            return tenant;
        }
    }
    return NULL;
}

struct vp_port *
tables_port_by_name(const struct vp_tables *t, const char *name)
{
    struct vp_port *port;

    HMAP_FOR_EACH_WITH_HASH (port, name_node, hash_string(name, 0),
                             &t->ports_by_name) {
        if (!strcmp(port->name, name)) {
            return port;
        }
    }
    return NULL;
}

size_t
tables_n_xlate(const struct vp_tables *t)
{
    return cmap_count(&t->xlate_by_mac);
}

struct vp_route *
tenant_route_find(const struct vp_tenant *tenant, ovs_be32 prefix,
                  unsigned int plen)
{
    struct vp_route *route;

    HMAP_FOR_EACH_WITH_HASH (route, node, hash_2words(prefix, plen),
                             &tenant->routes) {
        if (route->prefix == prefix && route->plen == plen) {
            return route;
        }
    }
    return NULL;
}

const struct vp_vnet_cfg *
vnet_cfg_protected(const struct vp_vnet *vnet)
{
    return ovsrcu_get_protected(const struct vp_vnet_cfg *, &vnet->cfg);
}

/* Tenants. */

struct vp_tenant *
tables_tenant_get(struct vp_tables *t, const char *name)
{
    struct vp_tenant *tenant = tables_tenant_by_name(t, name);

    if (!tenant) {
        struct vp_rib *rib = xzalloc(sizeof *rib);

        tenant = xzalloc(sizeof *tenant);
        tenant->name = xstrdup(name);
        /* Zone 0 is conntrack's default: never a tenant's. */
        size_t zone = bitmap_scan(t->zones, 0, 1, UINT16_MAX + 1);
        ovs_assert(zone <= UINT16_MAX);     /* At most 65535 tenants. */
        bitmap_set1(t->zones, zone);
        tenant->zone = zone;
        ovsrcu_set_hidden(&tenant->rib, rib);
        ovsrcu_set_hidden(&tenant->vteps, xzalloc(sizeof(struct vp_vteps)));
        hmap_init(&tenant->routes);
        hmap_init(&tenant->vtep_refs);
        hmap_insert(&t->tenants, &tenant->node, hash_string(name, 0));
    }
    return tenant;
}

static void
tenant_free(struct vp_tenant *tenant)
{
    free(CONST_CAST(struct vp_rib *,
                    ovsrcu_get_protected(const struct vp_rib *,
                                         &tenant->rib)));
    free(CONST_CAST(struct vp_vteps *,
                    ovsrcu_get_protected(const struct vp_vteps *,
                                         &tenant->vteps)));
    hmap_destroy(&tenant->vtep_refs);
    hmap_destroy(&tenant->routes);
    free(tenant->name);
    free(tenant);
}

void
tables_release_zone(struct vp_tables *t, uint16_t zone)
{
    bitmap_set0(t->zones, zone);
}

void
tables_tenant_put(struct vp_tables *t, struct vp_tenant *tenant)
{
    if (!tenant->n_vnets && hmap_is_empty(&tenant->routes)) {
        hmap_remove(&t->tenants, &tenant->node);
        if (t->ct_flush) {
            /* The hook gives the zone back once its state is gone. */
            t->ct_flush(&tenant->zone, t->ct_flush_aux);
        } else {
            tables_release_zone(t, tenant->zone);
        }
        ovsrcu_postpone(tenant_free, tenant);
    }
}

static int
compare_rib_entries(const void *a_, const void *b_)
{
    const struct vp_rib_entry *a = a_, *b = b_;

    if (a->plen != b->plen) {
        return a->plen > b->plen ? -1 : 1;
    }
    /* Equal lengths cannot overlap unless equal; a connected subnet wins
     * over a route for the same prefix. */
    return (a->nexthop != 0) - (b->nexthop != 0);
}

/* Finds the VNet of 'tenant' whose subnets contain 'ip'. */
static const struct vp_vnet *
tenant_vnet_for_ip(const struct vp_tables *t, const struct vp_tenant *tenant,
                   ovs_be32 ip)
{
    const struct vp_vnet *vnet;

    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        if (vnet->tenant == tenant
            && vnet_subnet_for(vnet_cfg_protected(vnet), ip)) {
            return vnet;
        }
    }
    return NULL;
}

/* Rebuilds the tenant's RIB from its VNets' subnets and its routes.  A route
 * whose next hop is in none of the subnets stays configured but is left out
 * (tables_format_routes() shows it as unresolved). */
void
tenant_rebuild_rib(struct vp_tables *t, struct vp_tenant *tenant)
{
    size_t n = hmap_count(&tenant->routes);
    const struct vp_vnet *vnet;

    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        if (vnet->tenant == tenant) {
            n += vnet_cfg_protected(vnet)->n_subnets;
        }
    }

    struct vp_rib *rib = xzalloc(sizeof *rib + n * sizeof rib->entries[0]);
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        if (vnet->tenant == tenant) {
            const struct vp_vnet_cfg *cfg = vnet_cfg_protected(vnet);
            for (size_t i = 0; i < cfg->n_subnets; i++) {
                rib->entries[rib->n++] = (struct vp_rib_entry) {
                    .prefix = cfg->subnets[i].prefix,
                    .mask = cfg->subnets[i].mask,
                    .plen = cfg->subnets[i].plen,
                    .vnet = vnet,
                };
            }
        }
    }
    const struct vp_route *route;
    HMAP_FOR_EACH (route, node, &tenant->routes) {
        const struct vp_vnet *nh = tenant_vnet_for_ip(t, tenant,
                                                      route->nexthop);
        const struct vp_subnet *sn = (nh ? vnet_subnet_for(
                                          vnet_cfg_protected(nh),
                                          route->nexthop) : NULL);
        if (sn && sn->gateway != route->nexthop) {
            rib->entries[rib->n++] = (struct vp_rib_entry) {
                .prefix = route->prefix,
                .mask = be32_prefix_mask(route->plen),
                .plen = route->plen,
                .nexthop = route->nexthop,
                .vnet = nh,
            };
        }
    }
    qsort(rib->entries, rib->n, sizeof rib->entries[0], compare_rib_entries);

    const struct vp_rib *old = ovsrcu_get_protected(const struct vp_rib *,
                                                    &tenant->rib);
    ovsrcu_set(&tenant->rib, rib);
    ovsrcu_postpone(free, CONST_CAST(struct vp_rib *, old));
}
