/* vplane/tables-check-private.h: what the checks share -- tables-check.c
 * (the framework and its helpers), tables-check-live.c (the live tables as
 * a removal leaves them) and each kind's check in its unit (kind-*.c).
 * Nothing else uses it. */
#ifndef VPLANE_TABLES_CHECK_PRIVATE_H
#define VPLANE_TABLES_CHECK_PRIVATE_H 1

#include "hmapx.h"
#include "openvswitch/shash.h"
#include "tables.h"
#include "vplane/kinds.h"

struct vp_config;
struct vp_vnet_spec;
struct vp_removal;

struct check_ctx {
    struct vp_tables *t;
    const struct vp_config *c;
    struct shash vnet_specs;            /* Name -> struct vp_vnet_spec. */
    struct hmap port_ips;               /* The batch's port addresses, in
                                         * each VNet's scope -> MAC. */

    /* What a removal takes away first (all empty without one), by kind:
     * the live entries (struct vp_vnet *, vp_port *...) its unit's
     * hide() resolved. */
    struct hmapx gone[VP_N_KINDS];
};

/* A key seen earlier in the batch, in some scope (an interned VNet or tenant
 * name), with the value it was given and where (tables-check.c). */
struct seen {
    struct hmap_node node;
    const void *scope;
    uint64_t key;
    uint64_t value;
    size_t idx;
};

struct seen *seen_find(const struct hmap *, const void *scope, uint64_t key);
void seen_add(struct hmap *, const void *scope, uint64_t key, uint64_t value,
              size_t idx);
void seen_destroy(struct hmap *);

/* A VNet as it will be once the batch is applied. */
struct eff_vnet {
    const struct vp_vnet *existing;     /* NULL if the batch creates it. */
    const struct vp_vnet_spec *spec;    /* NULL if the batch leaves it. */
    const struct vp_subnet *subnets;
    size_t n_subnets;
};

/* Whether VNet 'name' will exist; if so, fills 'ev'. */
bool eff_vnet_get(const struct check_ctx *, const char *name,
                  struct eff_vnet *ev);
/* The gateway MAC VNet 'ev' will have. */
struct eth_addr eff_vnet_gw_mac(const struct eff_vnet *ev);
/* Checks that 'ip', a VM address in VNet 'ev', fits its subnets. */
char *check_vm_ip(const struct eff_vnet *ev, const char *vnet_name,
                  ovs_be32 ip) OVS_WARN_UNUSED_RESULT;

/* The live tables as the batch's removal leaves them
 * (tables-check-live.c): every lookup of the live tables goes through
 * these, which hide what the removal takes away. */
void check_ctx_remove(struct check_ctx *, const struct vp_removal *);
/* Whether the removal takes 'entry', a live entry of 'kind', away itself
 * (not counting what goes with its VNet). */
bool check_hidden(const struct check_ctx *, enum vp_kind, const void *entry);
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
