/* vplane/tables-config.h: a batch of table entries, before it is applied.
 *
 * Every way of changing vplaned's tables -- one vplane-ctl command, a JSON
 * tables file, later the controller -- first builds a struct vp_config.
 * tables_apply() checks the whole batch against the current tables and then
 * applies all of it or none of it.  The parsers here validate the syntax of
 * each field (names, MACs, addresses, prefixes) and name the field in their
 * error; consistency with the tables is tables_apply()'s job.
 *
 * Specs are compact (the translation table may have a million entries):
 * VNet and tenant names are interned once per config. */
#ifndef VPLANE_TABLES_CONFIG_H
#define VPLANE_TABLES_CONFIG_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/shash.h"
#include "openvswitch/types.h"
#include "tables.h"

struct vp_vnet_spec {
    const char *name;           /* Interned. */
    uint32_t vni;
    const char *tenant;         /* Interned. */
    size_t n_subnets;
    struct vp_subnet *subnets;
    bool has_gw_mac;
    struct eth_addr gw_mac;
};

/* An IPv4 prefix, e.g. an allowed source range. */
struct vp_prefix {
    ovs_be32 prefix;
    ovs_be32 mask;
    unsigned int plen;
};

struct vp_port_spec {
    char *name;
    const char *vnet;           /* Interned. */
    struct eth_addr mac;
    size_t n_ips;
    ovs_be32 *ips;
    size_t n_allowed;           /* Source ranges besides 'ips' (a router). */
    struct vp_prefix *allowed;
    char *vm;                   /* The VM's identity, or NULL. */
};

struct vp_xlate_spec {
    const char *vnet;           /* Interned. */
    struct eth_addr mac;
    ovs_be32 ip;                /* 0: MAC-only entry. */
    ovs_be32 vtep;
};

struct vp_route_spec {
    const char *tenant;         /* Interned. */
    ovs_be32 prefix;
    unsigned int plen;
    ovs_be32 nexthop;
};

struct vp_config {
    struct shash names;         /* Interned strings (data unused). */

    /* A tables file (or the controller) declares VNets: an existing VNet
     * takes the batch's subnets and gateway MAC.  A single vnet/add must
     * not change a VNet that exists with other settings. */
    bool redefine_vnets;

    struct vp_vnet_spec *vnets;
    size_t n_vnets, allocated_vnets;
    struct vp_port_spec *ports;
    size_t n_ports, allocated_ports;
    struct vp_xlate_spec *xlates;
    size_t n_xlates, allocated_xlates;
    struct vp_route_spec *routes;
    size_t n_routes, allocated_routes;
};

void vp_config_init(struct vp_config *);
void vp_config_destroy(struct vp_config *);
bool vp_config_is_empty(const struct vp_config *);
const char *vp_config_intern(struct vp_config *, const char *);

struct vp_vnet_spec *vp_config_add_vnet(struct vp_config *);
struct vp_port_spec *vp_config_add_port(struct vp_config *);
struct vp_xlate_spec *vp_config_add_xlate(struct vp_config *);
struct vp_route_spec *vp_config_add_route(struct vp_config *);

/* Field parsers.  Each returns NULL or a malloc'd error naming 'field'. */
char *vp_parse_name(const char *field, const char *s)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_ifname(const char *field, const char *s)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_new_ifname(const char *field, const char *s)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_vni(const char *field, const char *s, uint32_t *vni)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_vm_mac(const char *field, const char *s, struct eth_addr *)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_unicast_ip(const char *field, const char *s, ovs_be32 *)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_subnet(const char *field, const char *s, struct vp_subnet *)
    OVS_WARN_UNUSED_RESULT;
char *vp_parse_prefix(const char *field, const char *s, ovs_be32 *prefix,
                      unsigned int *plen)
    OVS_WARN_UNUSED_RESULT;

char *vp_parse_allowed(const char *field, const char *s, struct vp_prefix *)
    OVS_WARN_UNUSED_RESULT;

void vp_format_subnet(const struct vp_subnet *, struct ds *);

#endif /* vplane/tables-config.h */
