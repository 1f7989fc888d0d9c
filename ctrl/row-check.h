/* ctrl/row-check.h: the database rows hosts would refuse (row-check.c).
 *
 * vplane-ctl checks what it writes (nb-check.c), but rows can be written
 * around it: an orchestrator on the database, ovsdb-client.  A host checks
 * a snapshot whole, so one row it refuses would make it refuse every
 * snapshot until the database is mended.  The controller therefore puts
 * every row through the hosts' own parsers and checks, once per database
 * change, and leaves what they refuse out of every host's view. */
#ifndef VPLANE_CTRL_ROW_CHECK_H
#define VPLANE_CTRL_ROW_CHECK_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/uuid.h"

struct ds;
struct json;
struct ovsdb_idl;

struct row_check {
    unsigned int seqno;         /* IDL seqno checked; 0: never. */
    struct hmap rows;           /* struct refused_row: left out whole. */
    struct hmap firewalls;      /* struct refused_row: a port whose
                                 * firewall rules are left out. */
    unsigned long long n_runs;  /* Database contents checked. */
    unsigned long long gen;     /* Bumped when the rows left out change. */
};

void row_check_init(struct row_check *);
void row_check_destroy(struct row_check *);

/* Checks the database's rows again if they changed since the last call.
 * Logs each row newly refused. */
void row_check_run(struct row_check *, const struct ovsdb_idl *);

/* Whether the VNet, Port, Route or NAT_Rule row 'uuid' is left out. */
bool row_check_refused(const struct row_check *, const struct uuid *);
/* Whether the firewall rules of Port row 'uuid' are left out. */
bool row_check_refused_firewall(const struct row_check *,
                                const struct uuid *);
size_t row_check_count(const struct row_check *);
/* Changes whenever the set of rows left out does. */
unsigned long long row_check_generation(const struct row_check *);

/* ctrl/refused-rows: each row left out and why, sorted. */
void row_check_format(const struct row_check *, struct ds *);
struct json *row_check_to_json(const struct row_check *);

#endif /* ctrl/row-check.h */
