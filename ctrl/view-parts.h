/* ctrl/view-parts.h: what hosts should have, kept in parts that many hosts
 * share, and changed by what changed in the database.
 *
 * A host's view (host-view.h) is the union of:
 *   - the part of each tenant it serves: the tenant's VNets, its VMs'
 *     locations, its routes and firewall rules -- the same for every host
 *     that serves the tenant, so computed once and shared;
 *   - the global part: the hosts, the subset assignment, the NAT rules --
 *     the same for every host;
 *   - the host's own part: its local VM ports and its uplink, and which
 *     tenants it serves.
 * Parts are cached.  A database change (the IDL's change tracking) drops
 * the parts its rows belonged to, before and after the change, and says
 * which hosts it concerns; a part is computed again when a view needs it.
 * So a change costs the rows of the parts it touches and the hosts they
 * concern, not hosts x rows.  Each part holds what the hosts' checks
 * refuse of its rows (row-check.h) and leaves it out.  host_view_compute()
 * with row_check_all() stays as the whole computation, which
 * ctrl/verify-views compares the parts with. */
#ifndef VPLANE_CTRL_VIEW_PARTS_H
#define VPLANE_CTRL_VIEW_PARTS_H 1

#include <stdbool.h>
#include <stddef.h>

struct ds;
struct host_view;
struct ovsdb_idl;
struct refusals;
struct sset;
struct vprec_host;

struct view_parts_stats {
    unsigned long long tenant_parts;    /* Tenant parts computed. */
    unsigned long long global_parts;
    unsigned long long host_parts;
    unsigned long long changes;         /* Database changes handled. */
    unsigned long long all_hosts;       /* ...that concerned every host. */
};

/* Creates the engine for 'idl', which must not have run yet (it adds
 * indexes and change tracking). */
struct view_parts *view_parts_create(struct ovsdb_idl *);
void view_parts_destroy(struct view_parts *);

/* Forgets every part (the database may be another one now). */
void view_parts_clear(struct view_parts *);

/* Handles the rows 'idl' tracked since the last call, then clears its
 * tracking.  Returns true if the change concerns every host; otherwise
 * adds the names of the hosts it concerns to 'hosts'. */
bool view_parts_changed(struct view_parts *, struct ovsdb_idl *,
                        struct sset *hosts);

/* The view of 'host', from the parts (computing those it lacks). */
void view_parts_assemble(struct view_parts *, const struct ovsdb_idl *,
                         const struct vprec_host *, struct host_view *);

/* What the last change (view_parts_changed()) changed of the view of
 * 'host': the entries of the parts it replaced, as they were, into 'old',
 * and those parts now into 'new'.  A host that had the whole view before
 * that change has it now once 'old' is replaced by 'new'.  Returns false,
 * filling nothing, if the change changed which tenants 'host' serves: then
 * its view must be assembled whole. */
bool view_parts_host_delta(struct view_parts *, const struct ovsdb_idl *,
                           const struct vprec_host *, struct host_view *old,
                           struct host_view *new);

/* The sets of rows the parts leave out as hosts would refuse them
 * (row-check.h), for ctrl/refused-rows: stores a malloc'd array of them in
 * '*sets' (the sets stay the parts'), returns how many. */
size_t view_parts_refusals(struct view_parts *, const struct ovsdb_idl *,
                           const struct refusals ***sets);

const struct view_parts_stats *view_parts_stats(const struct view_parts *);

/* ctrl/verify-views: every host's view from the parts against the whole
 * computation; the differences go to 's'.  Returns how many hosts
 * differ. */
size_t view_parts_verify(struct view_parts *, const struct ovsdb_idl *,
                         struct ds *s);

#endif /* ctrl/view-parts.h */
