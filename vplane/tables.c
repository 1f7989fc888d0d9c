/* vplane/tables.c: the forwarding tables' structures, lookups and changes.
 *
 * Validation of a batch lives in tables-check.c and runs before anything
 * here changes a table; the functions that apply a batch assume it passed.
 * Dumps live in tables-dump.c. */
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

struct vtep_ref {
    struct hmap_node node;      /* In vnet->vtep_refs. */
    ovs_be32 vtep;
    size_t n;                   /* Translation entries naming it. */
};

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

/* Tenants. */

static struct vp_tenant *
tenant_get(struct vp_tables *t, const char *name)
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

static void
tenant_put(struct vp_tables *t, struct vp_tenant *tenant)
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

/* VNets. */

const struct vp_vnet_cfg *
vnet_cfg_protected(const struct vp_vnet *vnet)
{
    return ovsrcu_get_protected(const struct vp_vnet_cfg *, &vnet->cfg);
}

/* The gateway MAC a VNet gets unless configured: locally administered,
 * "vp" in the second and third bytes, then the VNI, so that every host
 * derives the same address without being told. */
struct eth_addr
vnet_default_gw_mac(uint32_t vni)
{
    return (struct eth_addr) { .ea = { 0x02, 'v', 'p', (vni >> 16) & 0xff,
                                       (vni >> 8) & 0xff, vni & 0xff } };
}

static struct vp_vnet_cfg *
vnet_cfg_from_spec(const struct vp_vnet_spec *spec)
{
    struct vp_vnet_cfg *cfg;

    cfg = xzalloc(sizeof *cfg + spec->n_subnets * sizeof cfg->subnets[0]);
    cfg->gw_mac = (spec->has_gw_mac ? spec->gw_mac
                   : vnet_default_gw_mac(spec->vni));
    cfg->n_subnets = spec->n_subnets;
    memcpy(cfg->subnets, spec->subnets,
           spec->n_subnets * sizeof cfg->subnets[0]);
    return cfg;
}

/* Rebuilds where flooded frames of 'vnet' go: its local ports that are up
 * and the other hosts the translation table places its VMs on. */
void
vnet_rebuild_flood(struct vp_vnet *vnet)
{
    size_t n_vteps = hmap_count(&vnet->vtep_refs);
    struct vp_flood *flood;
    char *p;

    flood = xzalloc(sizeof *flood + vnet->n_ports * sizeof *flood->ports
                    + n_vteps * sizeof *flood->vteps);
    p = (char *) (flood + 1);
    flood->ports = (struct vp_port **) p;
    flood->vteps = (ovs_be32 *) (p + vnet->n_ports * sizeof *flood->ports);

    struct vp_port *port;
    LIST_FOR_EACH (port, vnet_node, &vnet->ports) {
        flood->ports[flood->n_ports++] = port;
    }
    const struct vtep_ref *ref;
    HMAP_FOR_EACH (ref, node, &vnet->vtep_refs) {
        flood->vteps[flood->n_vteps++] = ref->vtep;
    }

    const struct vp_flood *old = ovsrcu_get_protected(const struct vp_flood *,
                                                      &vnet->flood);
    ovsrcu_set(&vnet->flood, flood);
    ovsrcu_postpone(free, CONST_CAST(struct vp_flood *, old));
}

static uint32_t
vtep_hash(ovs_be32 vtep)
{
    return hash_int((OVS_FORCE uint32_t) vtep, 0);
}

static struct vtep_ref *
find_vtep_ref(const struct hmap *refs, ovs_be32 vtep)
{
    struct vtep_ref *ref;

    HMAP_FOR_EACH_WITH_HASH (ref, node, vtep_hash(vtep), refs) {
        if (ref->vtep == vtep) {
            return ref;
        }
    }
    return NULL;
}

/* Counts one more (delta > 0) or one fewer user of 'vtep' in 'refs'.
 * Returns true if 'vtep' entered or left the set. */
static bool
vtep_ref(struct hmap *refs, ovs_be32 vtep, int delta)
{
    struct vtep_ref *ref = find_vtep_ref(refs, vtep);

    if (delta > 0) {
        if (ref) {
            ref->n++;
            return false;
        }
        ref = xmalloc(sizeof *ref);
        ref->vtep = vtep;
        ref->n = 1;
        hmap_insert(refs, &ref->node, vtep_hash(vtep));
        return true;
    }
    ovs_assert(ref && ref->n > 0);
    if (--ref->n) {
        return false;
    }
    hmap_remove(refs, &ref->node);
    free(ref);
    return true;
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

void
tenant_rebuild_vteps(struct vp_tenant *tenant)
{
    struct vp_vteps *vteps;
    const struct vtep_ref *ref;

    vteps = xzalloc(sizeof *vteps
                    + hmap_count(&tenant->vtep_refs) * sizeof vteps->vteps[0]);
    HMAP_FOR_EACH (ref, node, &tenant->vtep_refs) {
        vteps->vteps[vteps->n++] = ref->vtep;
    }

    const struct vp_vteps *old = ovsrcu_get_protected(const struct vp_vteps *,
                                                      &tenant->vteps);
    ovsrcu_set(&tenant->vteps, vteps);
    ovsrcu_postpone(free, CONST_CAST(struct vp_vteps *, old));
}

/* Counts one more (or one fewer) translation entry of 'vnet' at 'vtep'.
 * Returns true if the VNet's set of remote hosts changed: its flood list
 * and its tenant's host set must then be rebuilt.  This host's own VTEP is
 * in neither. */
static bool
vnet_vtep_ref(struct vp_tables *t, struct vp_vnet *vnet, ovs_be32 vtep,
              int delta)
{
    if (vtep == t->self_vtep || !vtep_ref(&vnet->vtep_refs, vtep, delta)) {
        return false;
    }
    vtep_ref(&vnet->tenant->vtep_refs, vtep, delta);
    return true;
}

static void
vnet_free(struct vp_vnet *vnet)
{
    free(CONST_CAST(struct vp_vnet_cfg *,
                    ovsrcu_get_protected(const struct vp_vnet_cfg *,
                                         &vnet->cfg)));
    free(CONST_CAST(struct vp_flood *,
                    ovsrcu_get_protected(const struct vp_flood *,
                                         &vnet->flood)));
    hmap_destroy(&vnet->vtep_refs);
    free(vnet->name);
    free(vnet);
}

/* Creates the VNet of 'spec', or replaces the subnets and gateway MAC of the
 * existing one (its VNI and tenant cannot change; tables-check.c ensures
 * they do not).  Returns its tenant, whose RIB must be rebuilt, or NULL if
 * nothing changed. */
static struct vp_tenant *
apply_vnet(struct vp_tables *t, const struct vp_vnet_spec *spec)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, spec->name);
    struct vp_vnet_cfg *cfg = vnet_cfg_from_spec(spec);

    if (vnet) {
        const struct vp_vnet_cfg *old = vnet_cfg_protected(vnet);
        if (eth_addr_equals(old->gw_mac, cfg->gw_mac)
            && old->n_subnets == cfg->n_subnets
            && !memcmp(old->subnets, cfg->subnets,
                       cfg->n_subnets * sizeof cfg->subnets[0])) {
            free(cfg);
            return NULL;
        }
        ovsrcu_set(&vnet->cfg, cfg);
        ovsrcu_postpone(free, CONST_CAST(struct vp_vnet_cfg *, old));
        return vnet->tenant;
    }

    vnet = xzalloc(sizeof *vnet);
    vnet->name = xstrdup(spec->name);
    vnet->vni = spec->vni;
    vnet->tenant = tenant_get(t, spec->tenant);
    vnet->tenant->n_vnets++;
    ovsrcu_set_hidden(&vnet->cfg, cfg);
    ovsrcu_set_hidden(&vnet->flood, xzalloc(sizeof(struct vp_flood)));
    hmap_init(&vnet->vtep_refs);
    ovs_list_init(&vnet->ports);
    hmap_insert(&t->vnets_by_name, &vnet->name_node,
                hash_string(vnet->name, 0));
    cmap_insert(&t->vnets_by_vni, &vnet->vni_node, hash_int(vnet->vni, 0));
    return vnet->tenant;
}

char *
tables_vnet_del(struct vp_tables *t, const char *name)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, name);

    if (!vnet) {
        return xasprintf("vnet: no VNet named \"%s\"", name);
    }
    if (vnet->n_ports || vnet->n_xlate) {
        return xasprintf("vnet: VNet \"%s\" still has %"PRIuSIZE" port(s) "
                         "and %"PRIuSIZE" translation entries; delete them "
                         "first", name, vnet->n_ports, vnet->n_xlate);
    }
    if (vnet->tenant->n_vnets == 1 && !hmap_is_empty(&vnet->tenant->routes)) {
        return xasprintf("vnet: \"%s\" is the last VNet of tenant \"%s\", "
                         "which still has %"PRIuSIZE" route(s); delete them "
                         "first", name, vnet->tenant->name,
                         hmap_count(&vnet->tenant->routes));
    }

    struct vp_tenant *tenant = vnet->tenant;
    cmap_remove(&t->vnets_by_vni, &vnet->vni_node, hash_int(vnet->vni, 0));
    hmap_remove(&t->vnets_by_name, &vnet->name_node);
    tenant->n_vnets--;
    /* The RIB points at the VNet: replace it before the VNet can go. */
    tenant_rebuild_rib(t, tenant);
    ovsrcu_postpone(vnet_free, vnet);
    tenant_put(t, tenant);
    tables_changed(t);
    return NULL;
}

/* Translation entries. */

static struct vp_xlate *
xlate_find(const struct vp_tables *t, const struct vp_vnet *vnet,
           struct eth_addr mac, ovs_be32 ip)
{
    struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac) && x->ip == ip) {
            return x;
        }
    }
    return NULL;
}

static bool
xlate_set_vtep(struct vp_tables *t, struct vp_xlate *x, ovs_be32 vtep,
               bool *flood_changed)
{
    ovs_be32 old = xlate_vtep(x);

    if (old == vtep) {
        return false;
    } else {
        *flood_changed |= vnet_vtep_ref(t, x->vnet, old, -1);
        *flood_changed |= vnet_vtep_ref(t, x->vnet, vtep, 1);
        atomic_store_relaxed(&x->vtep, vtep);
        return true;
    }
}

/* Adds or updates one entry.  A MAC lives on one host: when the entry puts
 * it at a new VTEP, every entry of that MAC in the VNet moves with it (a VM
 * migration updates one row, not one per address). */
static bool
apply_xlate(struct vp_tables *t, const struct vp_xlate_spec *spec,
            struct hmapx *flood_vnets)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, spec->vnet);
    bool flood_changed = false, changed = false;
    struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni,
                                                           spec->mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, spec->mac)) {
            changed |= xlate_set_vtep(t, x, spec->vtep, &flood_changed);
        }
    }

    if (!xlate_find(t, vnet, spec->mac, spec->ip)) {
        x = xzalloc(sizeof *x);
        x->vnet = vnet;
        x->mac = spec->mac;
        x->ip = spec->ip;
        atomic_init(&x->vtep, spec->vtep);
        cmap_insert(&t->xlate_by_mac, &x->mac_node,
                    tables_hash_mac(vnet->vni, x->mac));
        if (x->ip) {
            cmap_insert(&t->xlate_by_ip, &x->ip_node,
                        tables_hash_ip(vnet->vni, x->ip));
        }
        vnet->n_xlate++;
        flood_changed |= vnet_vtep_ref(t, vnet, spec->vtep, 1);
        changed = true;
    }
    if (flood_changed) {
        hmapx_add(flood_vnets, vnet);
    }
    return changed;
}

static void
xlate_remove(struct vp_tables *t, struct vp_xlate *x, struct hmapx *floods)
{
    struct vp_vnet *vnet = x->vnet;

    cmap_remove(&t->xlate_by_mac, &x->mac_node,
                tables_hash_mac(vnet->vni, x->mac));
    if (x->ip) {
        cmap_remove(&t->xlate_by_ip, &x->ip_node,
                    tables_hash_ip(vnet->vni, x->ip));
    }
    vnet->n_xlate--;
    if (vnet_vtep_ref(t, vnet, xlate_vtep(x), -1)) {
        hmapx_add(floods, vnet);
    }
    ovsrcu_postpone(free, x);
}

/* Rebuilds the flood lists of the VNets in 'floods', whose sets of hosts
 * changed, and the host sets of their tenants. */
static void
rebuild_floods(struct hmapx *floods)
{
    struct hmapx tenants = HMAPX_INITIALIZER(&tenants);
    struct hmapx_node *node;

    HMAPX_FOR_EACH (node, floods) {
        struct vp_vnet *vnet = node->data;
        vnet_rebuild_flood(vnet);
        hmapx_add(&tenants, vnet->tenant);
    }
    HMAPX_FOR_EACH (node, &tenants) {
        tenant_rebuild_vteps(node->data);
    }
    hmapx_destroy(&tenants);
}

/* Deletes the entry (VNet, MAC, IP), or with 'all_ips' every entry of the
 * MAC in the VNet. */
char *
tables_xlate_del(struct vp_tables *t, const char *vnet_name,
                 struct eth_addr mac, ovs_be32 ip, bool all_ips)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, vnet_name);
    struct hmapx floods = HMAPX_INITIALIZER(&floods);
    size_t n = 0;

    if (!vnet) {
        return xasprintf("xlate: vnet: no VNet named \"%s\"", vnet_name);
    }

    struct vp_xlate *x;
    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac)
            && (all_ips || x->ip == ip)) {
            xlate_remove(t, x, &floods);
            n++;
        }
    }
    if (!n) {
        hmapx_destroy(&floods);
        return xasprintf("xlate: no entry for "ETH_ADDR_FMT"%s in VNet "
                         "\"%s\"", ETH_ADDR_ARGS(mac),
                         all_ips ? "" : " with that address", vnet_name);
    }
    rebuild_floods(&floods);
    hmapx_destroy(&floods);
    tables_changed(t);
    return NULL;
}

/* Routes. */

/* Adds or updates a route; returns its tenant if anything changed. */
static struct vp_tenant *
apply_route(struct vp_tables *t, const struct vp_route_spec *spec)
{
    struct vp_tenant *tenant = tenant_get(t, spec->tenant);
    struct vp_route *route = tenant_route_find(tenant, spec->prefix,
                                               spec->plen);

    if (route && route->nexthop == spec->nexthop) {
        return NULL;
    }
    if (!route) {
        route = xzalloc(sizeof *route);
        route->prefix = spec->prefix;
        route->plen = spec->plen;
        hmap_insert(&tenant->routes, &route->node,
                    hash_2words(route->prefix, route->plen));
        t->n_routes++;
    }
    route->nexthop = spec->nexthop;
    return tenant;
}

char *
tables_route_del(struct vp_tables *t, const char *tenant_name,
                 ovs_be32 prefix, unsigned int plen)
{
    struct vp_tenant *tenant = tables_tenant_by_name(t, tenant_name);
    struct vp_route *route = (tenant
                              ? tenant_route_find(tenant, prefix, plen)
                              : NULL);

    if (!route) {
        return xasprintf("route: tenant \"%s\" has no route to "IP_FMT"/%u",
                         tenant_name, IP_ARGS(prefix), plen);
    }
    hmap_remove(&tenant->routes, &route->node);
    free(route);
    t->n_routes--;
    tenant_rebuild_rib(t, tenant);
    tenant_put(t, tenant);
    tables_changed(t);
    return NULL;
}

/* Applies 'c' if all of it is consistent with the tables and with itself;
 * otherwise changes nothing and returns the first error. */
char *
tables_apply(struct vp_tables *t, const struct vp_config *c)
{
    char *error = tables_check(t, c);
    if (error) {
        return error;
    }

    struct hmapx tenants = HMAPX_INITIALIZER(&tenants);
    struct hmapx floods = HMAPX_INITIALIZER(&floods);
    bool changed = false;

    for (size_t i = 0; i < c->n_vnets; i++) {
        struct vp_tenant *tenant = apply_vnet(t, &c->vnets[i]);
        if (tenant) {
            hmapx_add(&tenants, tenant);
        }
    }
    for (size_t i = 0; i < c->n_ports; i++) {
        changed |= tables_apply_port(t, &c->ports[i]);
    }
    for (size_t i = 0; i < c->n_xlates; i++) {
        changed |= apply_xlate(t, &c->xlates[i], &floods);
    }
    for (size_t i = 0; i < c->n_routes; i++) {
        struct vp_tenant *tenant = apply_route(t, &c->routes[i]);
        if (tenant) {
            hmapx_add(&tenants, tenant);
        }
    }

    struct hmapx_node *node;
    HMAPX_FOR_EACH (node, &tenants) {
        tenant_rebuild_rib(t, node->data);
    }
    rebuild_floods(&floods);
    /* Only a real change makes the flow caches stale: loading the same
     * tables again, or a snapshot of what the host has, costs no flow its
     * cached decision. */
    if (changed || !hmapx_is_empty(&tenants)) {
        tables_changed(t);
    }
    hmapx_destroy(&tenants);
    hmapx_destroy(&floods);
    return NULL;
}
