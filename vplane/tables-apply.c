/* vplane/tables-apply.c: changing the tables -- tables_apply(), which
 * applies a checked batch of VNets, ports (tables-ports.c), translation
 * entries and routes, and the deletions of a VNet, a translation entry or a
 * route -- with what a change brings along: each VNet's flood list and each
 * tenant's set of hosts, kept from reference counts of the VTEPs its
 * translation entries name.
 *
 * Nothing here checks a batch (tables-check.c does, before anything
 * changes) or looks anything up for forwarding (tables.c). */
#include <config.h>
#include "tables.h"

#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "hmapx.h"
#include "packets.h"
#include "port.h"
#include "tables-config.h"
#include "tables-private.h"
#include "util.h"

/* VNets. */

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
    vnet->tenant = tables_tenant_get(t, spec->tenant);
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
    tables_tenant_put(t, tenant);
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
    struct vp_tenant *tenant = tables_tenant_get(t, spec->tenant);
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
    tables_tenant_put(t, tenant);
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
