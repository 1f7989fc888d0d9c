/* vplane/tables-sync.h: the tables under a controller (tables-sync.c). */
#ifndef VPLANE_TABLES_SYNC_H
#define VPLANE_TABLES_SYNC_H 1

#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"

struct json;
struct vp_config;
struct vp_tables;

struct vp_xlate_id {
    const char *vnet;
    struct eth_addr mac;
    ovs_be32 ip;                /* 0: the MAC-only entry. */
};

struct vp_route_id {
    const char *tenant;
    ovs_be32 prefix;
    unsigned int plen;
};

/* Entries to remove, by identity. */
struct vp_removal {
    const char **vnets;
    size_t n_vnets;
    const char **ports;
    size_t n_ports;
    struct vp_xlate_id *xlates;
    size_t n_xlates;
    struct vp_route_id *routes;
    size_t n_routes;
};

void vp_removal_init(struct vp_removal *);
void vp_removal_destroy(struct vp_removal *);

/* Parses an update's "remove" object; names are interned in 'pool'. */
char *vp_removal_parse(const struct json *, struct vp_config *pool,
                       struct vp_removal *) OVS_WARN_UNUSED_RESULT;

/* Removes what 'r' names; what is already gone is not an error.  Removing a
 * VNet removes everything in it. */
void tables_remove(struct vp_tables *, const struct vp_removal *r);

/* An update: removes what 'r' names and applies 'c', if the tables as
 * they will be after the removal accept 'c'.  Otherwise changes nothing
 * (not even the removals) and returns the error. */
char *tables_update(struct vp_tables *, const struct vp_removal *r,
                    const struct vp_config *c) OVS_WARN_UNUSED_RESULT;

/* Whether 'c' is consistent on its own, as a snapshot must be (the
 * controller checks the desired state with it).  Changes nothing. */
char *tables_check_config(const struct vp_config *c) OVS_WARN_UNUSED_RESULT;

/* Makes the tables exactly 'c' (a controller's snapshot): changes nothing
 * and returns an error if 'c' is inconsistent in itself or cannot replace
 * the live tables (e.g. no port id left); otherwise removes only what 'c'
 * does not hold and applies 'c'. */
char *tables_sync(struct vp_tables *, const struct vp_config *c)
    OVS_WARN_UNUSED_RESULT;

#endif /* vplane/tables-sync.h */
