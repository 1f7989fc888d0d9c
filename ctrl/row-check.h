/* ctrl/row-check.h: the database rows hosts would refuse (row-check.c).
 *
 * vplane-ctl checks what it writes (nb-check.c), but rows can be written
 * around it: an orchestrator on the database, ovsdb-client.  A host checks
 * a snapshot whole, so one row it refuses would make it refuse every
 * snapshot until the database is mended.  The controller therefore puts
 * rows through the hosts' own parsers and checks and leaves what they
 * refuse out of every host's view.  The checks go by the parts of a view
 * (view-parts.h), since nothing in one tenant can conflict with another
 * tenant's rows (VNet names and VNIs are unique in the database): a
 * tenant's rows, a host's own ports, the NAT rules. */
#ifndef VPLANE_CTRL_ROW_CHECK_H
#define VPLANE_CTRL_ROW_CHECK_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/uuid.h"

struct ds;
struct json;
struct ovsdb_idl;
struct vprec_host;
struct vprec_port;
struct vprec_route;
struct vprec_tenant;
struct vprec_vnet;

/* What of a row is left out. */
enum refusal_kind {
    REFUSED_ROW,                /* All of it (a VNet, port, route, NAT). */
    REFUSED_FIREWALL,           /* A port's firewall rules. */
    REFUSED_LOCAL,              /* A port on its own host (not its VM's
                                 * location elsewhere). */
};

/* A set of rows left out, and why. */
struct refusals {
    struct hmap rows;           /* struct refused_row. */
};

void refusals_init(struct refusals *);
void refusals_destroy(struct refusals *);
bool refusals_has(const struct refusals *, const struct uuid *,
                  enum refusal_kind);
size_t refusals_count(const struct refusals *);
/* Whether 'a' and 'b' leave out the same rows, the same way. */
bool refusals_equal(const struct refusals *, const struct refusals *);

/* The checks.  Each adds what it refuses to 'out' and logs it
 * (rate-limited).  A tenant's: its VNets, then its ports' locations (of
 * VNets not refused), its routes and its ports' firewall rules.  A host's:
 * its own ports, as it would add them.  The NAT rules of every tenant with
 * external access. */
void row_check_tenant(struct refusals *out,
                      const struct vprec_vnet *const *vnets, size_t n_vnets,
                      const struct vprec_port *const *ports, size_t n_ports,
                      const struct vprec_route *const *, size_t n_routes);
void row_check_host(struct refusals *out, const struct vprec_host *,
                    const struct vprec_port *const *ports, size_t n_ports);
void row_check_nat(struct refusals *out, const struct ovsdb_idl *);

/* Every check over the whole database: the reference the cached parts are
 * compared with (ctrl/verify-views). */
void row_check_all(struct refusals *out, const struct ovsdb_idl *);

/* ctrl/refused-rows: the rows of 'sets', sorted. */
void refusals_format(const struct refusals *const *sets, size_t n,
                     struct ds *);
struct json *refusals_to_json(const struct refusals *const *sets, size_t n);

#endif /* ctrl/row-check.h */
