/* vplane/tables-apply.c: changing the tables -- tables_apply(), which
 * applies a checked batch kind by kind (each kind's apply is in its unit,
 * kind-*.c) -- with what a change brings along: each VNet's flood list and
 * each tenant's set of hosts, kept from reference counts of the VTEPs its
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
#include "table-kind.h"
#include "tables-private.h"
#include "util.h"

/* VNets, flood lists and VTEPs. */

/* The gateway MAC a VNet gets unless configured: locally administered,
 * "vp" in the second and third bytes, then the VNI, so that every host
 * derives the same address without being told. */
struct eth_addr
vnet_default_gw_mac(uint32_t vni)
{
    return (struct eth_addr) { .ea = { 0x02, 'v', 'p', (vni >> 16) & 0xff,
                                       (vni >> 8) & 0xff, vni & 0xff } };
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
bool
tables_vnet_vtep_ref(struct vp_tables *t, struct vp_vnet *vnet,
                     ovs_be32 vtep, int delta)
{
    if (vtep == t->self_vtep || !vtep_ref(&vnet->vtep_refs, vtep, delta)) {
        return false;
    }
    vtep_ref(&vnet->tenant->vtep_refs, vtep, delta);
    return true;
}

/* Rebuilds the flood lists of the VNets in 'floods', whose sets of hosts
 * changed, and the host sets of their tenants. */
void
tables_rebuild_floods(struct hmapx *floods)
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

/* Applies 'c' if all of it is consistent with the tables and with itself;
 * otherwise changes nothing and returns the first error. */
char *
tables_apply(struct vp_tables *t, const struct vp_config *c)
{
    char *error = tables_check(t, c);
    if (error) {
        return error;
    }

    struct apply_ctx ctx = {
        .t = t,
        .tenants = HMAPX_INITIALIZER(&ctx.tenants),
        .floods = HMAPX_INITIALIZER(&ctx.floods),
    };
    bool changed = false;

    VP_TABLE_KIND_FOR_EACH (k, tk) {
        size_t n = tk->n_specs(c);
        for (size_t i = 0; i < n; i++) {
            changed |= tk->apply(&ctx, c, i);
        }
    }

    struct hmapx_node *node;
    HMAPX_FOR_EACH (node, &ctx.tenants) {
        tenant_rebuild_rib(t, node->data);
    }
    tables_rebuild_floods(&ctx.floods);
    /* Only a real change makes the flow caches stale: loading the same
     * tables again, or a snapshot of what the host has, costs no flow its
     * cached decision. */
    if (changed || !hmapx_is_empty(&ctx.tenants)) {
        tables_changed(t);
    }
    hmapx_destroy(&ctx.tenants);
    hmapx_destroy(&ctx.floods);
    return NULL;
}
