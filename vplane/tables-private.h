/* vplane/tables-private.h: what tables.c, tables-apply.c, tables-check.c
 * and tables-dump.c share and nothing else should use. */
#ifndef VPLANE_TABLES_PRIVATE_H
#define VPLANE_TABLES_PRIVATE_H 1

#include "hmapx.h"
#include "tables.h"

struct vtep_ref {
    struct hmap_node node;      /* In vnet->vtep_refs. */
    ovs_be32 vtep;
    size_t n;                   /* Translation entries naming it. */
};

uint32_t tables_hash_mac(uint32_t vni, struct eth_addr);
uint32_t tables_hash_ip(uint32_t vni, ovs_be32);
void tables_changed(struct vp_tables *);
char *tables_check(struct vp_tables *, const struct vp_config *)
    OVS_WARN_UNUSED_RESULT;
/* tables_check() for the tables as they will be once 'r' (may be NULL) is
 * removed: tables_remove() then tables_apply() will not fail. */
struct vp_removal;
char *tables_check_update(struct vp_tables *, const struct vp_removal *r,
                          const struct vp_config *) OVS_WARN_UNUSED_RESULT;
size_t tables_n_free_port_ids(struct vp_tables *);
struct vp_port_spec;
/* Adds the port of 'spec' (checked); false if it was there already. */
bool tables_apply_port(struct vp_tables *, const struct vp_port_spec *);
bool port_matches_spec(const struct vp_port *, const struct vp_port_spec *);

const struct vp_vnet_cfg *vnet_cfg_protected(const struct vp_vnet *);
struct eth_addr vnet_default_gw_mac(uint32_t vni);
void vnet_rebuild_flood(struct vp_vnet *);
/* The tenant named 'name', created if there is none; tables_tenant_put()
 * frees it (and gives its conntrack zone back) once it has no VNet and no
 * route. */
struct vp_tenant *tables_tenant_get(struct vp_tables *, const char *name);
void tables_tenant_put(struct vp_tables *, struct vp_tenant *);
void tenant_rebuild_rib(struct vp_tables *, struct vp_tenant *);
void tenant_rebuild_vteps(struct vp_tenant *);
struct vp_route *tenant_route_find(const struct vp_tenant *, ovs_be32 prefix,
                                   unsigned int plen);

/* Sorted views for stable dumps and exports (main thread).  Each returns
 * the number of elements and a malloc'd array of pointers. */
size_t tables_sorted_vnets(const struct vp_tables *,
                           const struct vp_vnet ***);
size_t tables_sorted_ports(const struct vp_tables *,
                           const struct vp_port ***);
size_t tables_sorted_xlates(const struct vp_tables *,
                            const struct vp_xlate ***);

/* A row of route/dump: a connected subnet ('nexthop' 0) or a route
 * ('vnet' NULL: its next hop is in no subnet). */
struct vp_route_row {
    const char *tenant;
    ovs_be32 prefix;
    unsigned int plen;
    ovs_be32 nexthop;
    const char *vnet;
};
size_t tables_route_rows(const struct vp_tables *, struct vp_route_row **);

#endif /* vplane/tables-private.h */
