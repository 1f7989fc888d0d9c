/* vplane/tables-sync.h: the tables under a controller (tables-sync.c). */
#ifndef VPLANE_TABLES_SYNC_H
#define VPLANE_TABLES_SYNC_H 1

#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"
#include "vplane/kinds.h"

struct json;
struct vp_config;
struct vp_tables;

/* Entries to remove, by identity: for each of the tables' kinds, an array
 * of its identities (struct vp_table_kind's 'id_size' bytes each, as its
 * unit defines them).  Empty for the other kinds. */
struct vp_removal_ids {
    void *ids;
    size_t n, allocated;
};

struct vp_removal {
    struct vp_removal_ids kinds[VP_N_KINDS];
};

void vp_removal_init(struct vp_removal *);
void vp_removal_destroy(struct vp_removal *);
/* A new identity of 'kind' at the end of 'r', zeroed, for its unit to
 * fill; vp_removal_id() the i-th, vp_removal_count() how many. */
void *vp_removal_add(struct vp_removal *, enum vp_kind);
const void *vp_removal_id(const struct vp_removal *, enum vp_kind, size_t i);
size_t vp_removal_count(const struct vp_removal *, enum vp_kind);

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
