/* vplane/tables-check-live.c: the live tables as a batch's removal will
 * leave them, for tables_check_update() (tables-check.c), without applying
 * the removal: what it takes away is hidden from every lookup.  Removing a
 * VNet takes what is in it, and a tenant's last VNet its routes, as
 * tables_remove() does. */
#include <config.h>
#include "tables-check-private.h"

#include <string.h>
#include "packets.h"
#include "port.h"
#include "table-kind.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

/* The live tables as the removal leaves them.  Removing a VNet removes
 * what is in it (tables_remove()), so a port or entry of a removed VNet is
 * gone too. */
bool
check_vnet_gone(const struct check_ctx *ctx, const struct vp_vnet *vnet)
{
    return hmapx_contains(&ctx->gone[VP_KIND_VNET], vnet);
}

bool
check_port_gone(const struct check_ctx *ctx, const struct vp_port *port)
{
    return (hmapx_contains(&ctx->gone[VP_KIND_PORT], port)
            || check_vnet_gone(ctx, port->vnet));
}

bool
check_xlate_gone(const struct check_ctx *ctx, const struct vp_xlate *x)
{
    return (hmapx_contains(&ctx->gone[VP_KIND_XLATE], x)
            || check_vnet_gone(ctx, x->vnet));
}

const struct vp_vnet *
check_live_vnet_by_name(const struct check_ctx *ctx, const char *name)
{
    const struct vp_vnet *vnet = tables_vnet_by_name(ctx->t, name);
    return vnet && !check_vnet_gone(ctx, vnet) ? vnet : NULL;
}

const struct vp_vnet *
check_live_vnet_by_vni(const struct check_ctx *ctx, uint32_t vni)
{
    const struct vp_vnet *vnet = tables_vnet_by_vni(ctx->t, vni);
    return vnet && !check_vnet_gone(ctx, vnet) ? vnet : NULL;
}

const struct vp_port *
check_live_port_by_name(const struct check_ctx *ctx, const char *name)
{
    const struct vp_port *port = tables_port_by_name(ctx->t, name);
    return port && !check_port_gone(ctx, port) ? port : NULL;
}

const struct vp_port *
check_live_port_by_mac(const struct check_ctx *ctx, const struct vp_vnet *vnet,
                 struct eth_addr mac)
{
    const struct vp_port *port = tables_port_by_mac(ctx->t, vnet, mac);
    return port && !check_port_gone(ctx, port) ? port : NULL;
}

const struct vp_port *
check_live_port_by_ip(const struct check_ctx *ctx, const struct vp_vnet *vnet,
                ovs_be32 ip)
{
    const struct vp_port *port = tables_port_by_ip(ctx->t, vnet, ip);
    return port && !check_port_gone(ctx, port) ? port : NULL;
}

const struct vp_xlate *
check_live_xlate_by_ip(const struct check_ctx *ctx, const struct vp_vnet *vnet,
                 ovs_be32 ip)
{
    const struct vp_xlate *x = tables_xlate_by_ip(ctx->t, vnet, ip);
    return x && !check_xlate_gone(ctx, x) ? x : NULL;
}

/* A MAC may have several entries (one per address): any that stays. */
bool
check_live_xlate_has_mac(const struct check_ctx *ctx,
                         const struct vp_vnet *vnet,
                   struct eth_addr mac)
{
    const struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &ctx->t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac)
            && !check_xlate_gone(ctx, x)) {
            return true;
        }
    }
    return false;
}

/* Routes go with their tenant's last VNet (tables_remove()). */
bool
check_route_gone(const struct check_ctx *ctx, const struct vp_tenant *tenant,
           const struct vp_route *route)
{
    if (hmapx_contains(&ctx->gone[VP_KIND_ROUTE], route)) {
        return true;
    }
    size_t n_gone = 0;
    struct hmapx_node *node;
    HMAPX_FOR_EACH (node, &ctx->gone[VP_KIND_VNET]) {
        const struct vp_vnet *vnet = node->data;
        n_gone += vnet->tenant == tenant;
    }
    return n_gone && n_gone == tenant->n_vnets;
}

bool
check_hidden(const struct check_ctx *ctx, enum vp_kind kind,
             const void *entry)
{
    return hmapx_contains(&ctx->gone[kind], entry);
}

/* Resolves what 'r' names in the live tables, each kind by its unit; what
 * is not there is not an error, as for tables_remove(). */
void
check_ctx_remove(struct check_ctx *ctx, const struct vp_removal *r)
{
    VP_TABLE_KIND_FOR_EACH (k, tk) {
        for (size_t i = 0; i < vp_removal_count(r, k->kind); i++) {
            tk->hide(ctx, vp_removal_id(r, k->kind, i));
        }
    }
}
