/* vplane/tables-check-private.h: what tables-check.c (the checks) and
 * tables-check-live.c (the live tables as a removal leaves them) share.
 * Nothing else uses it. */
#ifndef VPLANE_TABLES_CHECK_PRIVATE_H
#define VPLANE_TABLES_CHECK_PRIVATE_H 1

#include "hmapx.h"
#include "openvswitch/shash.h"
#include "tables.h"

struct vp_config;
struct vp_removal;

struct check_ctx {
    struct vp_tables *t;
    const struct vp_config *c;
    struct shash vnet_specs;            /* Name -> struct vp_vnet_spec. */
    struct hmap port_ips;               /* The batch's port addresses, in
                                         * each VNet's scope -> MAC. */

    /* What a removal takes away first (all empty without one). */
    struct hmapx gone_vnets;            /* struct vp_vnet *. */
    struct hmapx gone_ports;            /* struct vp_port *. */
    struct hmapx gone_xlates;           /* struct vp_xlate *. */
    struct hmapx gone_routes;           /* struct vp_route *. */
};

/* The live tables as the batch's removal leaves them
 * (tables-check-live.c): every lookup of the live tables goes through
 * these, which hide what the removal takes away. */
void check_ctx_remove(struct check_ctx *, const struct vp_removal *);
bool check_vnet_gone(const struct check_ctx *, const struct vp_vnet *);
bool check_port_gone(const struct check_ctx *, const struct vp_port *);
bool check_xlate_gone(const struct check_ctx *, const struct vp_xlate *);
bool check_route_gone(const struct check_ctx *, const struct vp_tenant *,
                      const struct vp_route *);
const struct vp_vnet *check_live_vnet_by_name(const struct check_ctx *,
                                              const char *);
const struct vp_vnet *check_live_vnet_by_vni(const struct check_ctx *,
                                             uint32_t vni);
const struct vp_port *check_live_port_by_name(const struct check_ctx *,
                                              const char *);
const struct vp_port *check_live_port_by_mac(const struct check_ctx *,
                                             const struct vp_vnet *,
                                             struct eth_addr);
const struct vp_port *check_live_port_by_ip(const struct check_ctx *,
                                            const struct vp_vnet *, ovs_be32);
const struct vp_xlate *check_live_xlate_by_ip(const struct check_ctx *,
                                              const struct vp_vnet *,
                                              ovs_be32);
bool check_live_xlate_has_mac(const struct check_ctx *,
                              const struct vp_vnet *, struct eth_addr);

#endif /* vplane/tables-check-private.h */
