/* utilities/nbctl-scope.h: what a one-shot vplane-ctl loads of the
 * database for the commands operators run most, instead of every row.
 *
 * The commands name a few rows (a VNet, a tenant, a host); the checks of
 * their transaction (ctrl/nb-check.h, nb_check_scope()) read the parts
 * those rows belong to: a tenant's VNets, ports, routes and NAT rules, a
 * host's ports.  nbctl_scope asks the server for exactly those with OVSDB
 * conditional monitoring, in a few round trips (the rows named first,
 * then their parts, then what those refer to), so that a command costs
 * what it touches rather than the size of the database.  Any other
 * command, or VPLANE_CTL_SCOPE=full, loads everything as before.
 * Writers stay safe as before: every database transaction verifies and
 * bumps Deployment.nb_seqno (nbctl.h), and the Deployment row is always
 * loaded whole. */
#ifndef VPLANE_UTILITIES_NBCTL_SCOPE_H
#define VPLANE_UTILITIES_NBCTL_SCOPE_H 1

#include <stdbool.h>
#include <stddef.h>

struct ctl_command;
struct ds;
struct ovsdb_idl;

/* A scope for 'commands', or NULL if one of them needs the whole database
 * (or the environment asks for it).  Call before connecting 'idl'. */
struct nbctl_scope *nbctl_scope_create(const struct ctl_command *commands,
                                       size_t n, struct ovsdb_idl *idl);
void nbctl_scope_destroy(struct nbctl_scope *);

/* Asks for the rows the contents of 'idl' show to be needed: true once
 * 'idl' holds all of them (nothing more to ask, the server agreed). */
bool nbctl_scope_ready(struct nbctl_scope *, struct ovsdb_idl *);

/* With VPLANE_CTL_SCOPE=trace: a line on what was loaded, into 'out'. */
void nbctl_scope_trace(const struct nbctl_scope *, const struct ovsdb_idl *,
                       struct ds *out);

#endif /* utilities/nbctl-scope.h */
