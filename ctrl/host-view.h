/* ctrl/host-view.h: what one host's vplaned should have, as the controller
 * computes it from the database.
 *
 * A host serves the tenants of the VM ports bound to it (and, if it is a
 * gateway, every tenant with external access).  Its view holds those
 * tenants' VNets and routes, its own ports, the translation entries of
 * every bound port of those VNets, the list of hosts, and the query-subset
 * assignment.  Each entry is keyed by its identity ("x/VNET/MAC/IP" for a
 * translation entry) and held as the JSON vplaned receives, in the format
 * of a tables file (tables-json.c), so that two views can be compared entry
 * by entry into an incremental update.  This file talks to no host. */
#ifndef VPLANE_CTRL_HOST_VIEW_H
#define VPLANE_CTRL_HOST_VIEW_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/shash.h"

struct ds;
struct json;
struct ovsdb_idl;
struct vprec_host;

struct host_view {
    struct shash entries;       /* Key -> struct view_entry. */
    size_t n_skipped;           /* Database rows left out as invalid. */
};

void host_view_init(struct host_view *);
void host_view_destroy(struct host_view *);
void host_view_swap(struct host_view *, struct host_view *);
/* Takes the entries of 'old' out of 'v' and puts those of 'new' in (a
 * change of some parts of a view, view-parts.h). */
void host_view_replace(struct host_view *v, const struct host_view *old,
                       const struct host_view *new);

/* Computes what 'host' should have. */
/* What 'host' should have, from every row of the database (the reference
 * the controller's cached parts are compared with).  Rows in 'rs' (may be
 * NULL) are left out. */
struct refusals;
void host_view_compute(const struct ovsdb_idl *, const struct vprec_host *,
                       const struct refusals *rs, struct host_view *);

/* The whole view as snapshot parts: '*parts' gets a malloc'd array of
 * tables objects with at most 'max_entries' entries each. */
size_t host_view_to_parts(const struct host_view *, size_t max_entries,
                          struct json ***parts);

/* What turns 'old' into 'new': '*add' (tables format) and '*remove'
 * (identities).  Returns the number of changed entries; 0 means none (and
 * '*add', '*remove' are NULL). */
size_t host_view_diff(const struct host_view *old,
                      const struct host_view *new,
                      struct json **add, struct json **remove);

/* Whether going from 'old' to 'new' takes a snapshot rather than an update:
 * a VNet that changed VNI or tenant is, to a host, another VNet, and
 * everything in it must come again. */
bool host_view_needs_snapshot(const struct host_view *old,
                              const struct host_view *new);

/* One line per differing entry, for operators ("host/diff"). */
void host_view_format_diff(const struct host_view *have,
                           const struct host_view *want, struct ds *);

#endif /* ctrl/host-view.h */
