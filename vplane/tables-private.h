/* vplane/tables-private.h: what the tables' framework (tables.c,
 * tables-apply.c, tables-check.c, tables-ports.c, tables-sync.c) and the
 * kinds' units (kind-*.c) share and nothing else should use. */
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
/* A free port id, taken (tables_n_free_port_ids() said there was one). */
unsigned int tables_alloc_port_id(struct vp_tables *);
/* Destroys 'port', unlinked from every index, and gives its id back once
 * no reader can use it. */
struct vp_port;
void tables_port_release(struct vp_tables *, struct vp_port *);
struct vp_port_spec;
/* Adds the port of 'spec' (checked); false if it was there already. */
bool tables_apply_port(struct vp_tables *, const struct vp_port_spec *);
bool port_matches_spec(const struct vp_port *, const struct vp_port_spec *);

const struct vp_vnet_cfg *vnet_cfg_protected(const struct vp_vnet *);
struct eth_addr vnet_default_gw_mac(uint32_t vni);
void vnet_rebuild_flood(struct vp_vnet *);
/* Counts one more (delta > 0) or one fewer translation entry of 'vnet' at
 * 'vtep'; true if the VNet's set of remote hosts changed. */
bool tables_vnet_vtep_ref(struct vp_tables *, struct vp_vnet *,
                          ovs_be32 vtep, int delta);
/* Rebuilds the flood lists of the VNets in 'floods' and the host sets of
 * their tenants. */
void tables_rebuild_floods(struct hmapx *floods);
/* The tenant named 'name', created if there is none; tables_tenant_put()
 * frees it (and gives its conntrack zone back) once it has no VNet and no
 * route. */
struct vp_tenant *tables_tenant_get(struct vp_tables *, const char *name);
void tables_tenant_put(struct vp_tables *, struct vp_tenant *);
void tenant_rebuild_rib(struct vp_tables *, struct vp_tenant *);
void tenant_rebuild_vteps(struct vp_tenant *);
struct vp_route *tenant_route_find(const struct vp_tenant *, ovs_be32 prefix,
                                   unsigned int plen);

/* The ports sorted by name, for stable listings and exports (main
 * thread): returns their number and a malloc'd array of pointers. */
size_t tables_sorted_ports(const struct vp_tables *,
                           const struct vp_port ***);

#endif /* vplane/tables-private.h */
