/* ctrl/view-parts-private.h: the cache of view parts, shared by
 * view-parts.c (computing parts and views) and view-parts-track.c (what a
 * database change does to them).  Nothing else uses it. */
#ifndef VPLANE_CTRL_VIEW_PARTS_PRIVATE_H
#define VPLANE_CTRL_VIEW_PARTS_PRIVATE_H 1

#include "host-view.h"
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"
#include "openvswitch/uuid.h"
#include "row-check.h"
#include "sset.h"
#include "view-parts.h"

struct ovsdb_idl;
struct ovsdb_idl_index;
struct vprec_host;
struct vprec_tenant;

/* What a row was part of when its parts were last computed. */
struct row_ref {
    struct hmap_node node;      /* In view_parts->refs, by uuid. */
    struct uuid uuid;
    char *tenant;               /* Its tenant's part, or NULL. */
    char *host;                 /* Its host's own part (a port), or NULL. */
    bool nat;                   /* Its tenant has NAT rules whose owners
                                 * (global part) follow its ports. */
};

/* A tenant's part, and the global part. */
struct part {
    struct host_view view;
    struct refusals refused;    /* Rows of it the hosts' checks refuse. */
};

/* A host's own part. */
struct host_part {
    struct host_view local;     /* Its ports and uplink. */
    struct sset tenants;        /* The tenants it serves. */
    struct refusals refused;    /* Of its ports, as local ports. */
};

struct view_parts {
    struct ovsdb_idl_index *tenant_by_name;
    struct ovsdb_idl_index *vnets_by_tenant;
    struct ovsdb_idl_index *ports_by_vnet;
    struct ovsdb_idl_index *ports_by_host;
    struct ovsdb_idl_index *routes_by_tenant;

    struct shash tenants;       /* Name -> struct part. */
    struct part *global;        /* NULL until computed. */
    struct shash hosts;         /* Name -> struct host_part. */
    struct hmap refs;           /* struct row_ref. */
    bool complete;              /* Every part of the database computed. */
    /* The parts dropped since, to compute again: a change costs its own
     * parts, not a look at every tenant and host. */
    struct sset missing_tenants;
    struct sset missing_hosts;
    struct ovsdb_idl_index *host_by_name;

    /* The last change: the parts it replaced, as they were (what a host
     * that was up to date had of them), and which parts it changed. */
    struct shash prev_tenants;  /* Name -> struct part. */
    struct part *prev_global;
    struct shash prev_hosts;    /* Name -> struct host_part. */
    struct sset changed_tenants;
    bool global_changed;
    /* What the last change did to the global part, computed once for
     * every host (view_parts_host_delta()): its entries that went or
     * changed, as they were, and those that came or changed.  At a
     * thousand hosts, a host added changes one entry of a thousand; each
     * host's update then costs that entry, not the whole part. */
    struct host_view global_was;
    struct host_view global_is;
    bool global_delta_ready;
    struct view_parts_stats stats;
};

/* view-parts.c's, for view-parts-track.c. */
void vpp_part_free(struct part *);
void vpp_host_part_free(struct host_part *);
void vpp_prev_clear(struct view_parts *);
struct row_ref *vpp_ref_find(const struct view_parts *,
                             const struct uuid *);
void vpp_ref_free(struct row_ref *);
bool vpp_nat_follows_ports(const struct vprec_tenant *);
const struct part *vpp_tenant_part(struct view_parts *, const char *name);
const struct part *vpp_global_part(struct view_parts *,
                                   const struct ovsdb_idl *);
struct host_part *vpp_host_part(struct view_parts *, const struct ovsdb_idl *,
                                const struct vprec_host *);
void vpp_complete(struct view_parts *, const struct ovsdb_idl *);
void vpp_add_all(struct host_view *, const struct host_view *part);

#endif /* ctrl/view-parts-private.h */
