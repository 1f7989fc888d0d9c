/* utilities/nbctl.h: vplane-ctl's controller-database ("northbound")
 * commands, in the style of ovs-vsctl and ovn-nbctl, on Open vSwitch's
 * db-ctl-base.
 *
 * All the commands of one invocation (joined with "--") are one OVSDB
 * transaction.  Each command checks its arguments and names the offending
 * field; then, before committing, the desired state as the transaction
 * would leave it is checked as a whole (ctrl/nb-check.h).  Any error:
 * nothing is committed.  Every NB transaction also verifies and bumps
 * Deployment.nb_seqno, so two concurrent ones cannot both pass their checks
 * against the same old state: the second is retried on the new one.
 * docs/controller.md documents every command. */
#ifndef VPLANE_UTILITIES_NBCTL_H
#define VPLANE_UTILITIES_NBCTL_H 1

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct ctl_command;
struct ctl_context;
struct ds;
struct option;
struct ovsdb_idl;
struct shash;
struct table_style;
struct vprec_deployment;
struct vprec_host;
struct vprec_port;
struct vprec_tenant;
struct vprec_vnet;

/* Registers the commands (before option parsing: their options are parsed
 * with the global ones). */
void nbctl_init(void);

/* Runs the commands in 'argv' against database 'db'. */
OVS_NO_RETURN void nbctl_run(int argc, char *argv[], struct shash *options,
                             const char *db, bool dry_run,
                             const struct table_style *);

/* Runs the parsed 'commands' once on 'idl' (connected, with the whole
 * database): 0 with their output in 'out', EAGAIN to retry on a newer copy
 * of the database, or EINVAL with the error in '*errorp' (the caller frees
 * it).  'args' is the transaction's comment.  For nbctl-daemon.c. */
int nbctl_run_commands(struct ctl_command *, size_t n_commands,
                       struct ovsdb_idl *, const char *args, bool dry_run,
                       const struct table_style *, struct ds *out,
                       char **errorp);

/* vplane-ctl --detach (nbctl-daemon.c): keeps a copy of database 'db' and
 * runs the commands later invocations send it over a unixctl socket in
 * 'rundir' (its path printed on stdout), so that a command costs its own
 * work rather than loading the whole database. */
OVS_NO_RETURN void nbctl_daemon(const char *db, const char *rundir);

/* Whether VPLANE_CTL_SOCKET names a daemon; if so, sends it the commands
 * (with 'options', 'dry_run' and 'style'), prints their output and exits
 * (with status 1 and the error on stderr if they failed). */
void nbctl_forward(int argc, char *argv[], const struct shash *options,
                   bool dry_run, const struct table_style *);

/* For the command files. */
void nbctl_register_cmds(void);
void nbctl_register_vnets(void);
void nbctl_register_services(void);
void nbctl_register_xlate(void);

/* Lookups.  With 'must_exist', a missing row is an error ("FIELD: no ...
 * named ..."), set with ctl_error(), and NULL is returned. */
const struct vprec_tenant *nb_tenant(struct ctl_context *, const char *field,
                                     const char *name, bool must_exist);
const struct vprec_vnet *nb_vnet(struct ctl_context *, const char *field,
                                 const char *name, bool must_exist);
const struct vprec_host *nb_host(struct ctl_context *, const char *field,
                                 const char *name, bool must_exist);
const struct vprec_port *nb_port(struct ctl_context *,
                                 const struct vprec_vnet *, const char *mac);
const struct vprec_port *nb_port_by_ip(struct ctl_context *,
                                       const struct vprec_vnet *,
                                       const char *ip,
                                       const struct vprec_port *except,
                                       const char *mac);

/* Creates the IDL indexes the lookups above and the checks use (once, for
 * the IDL the commands run on). */
void nbctl_create_indexes(struct ovsdb_idl *);
const struct vprec_deployment *nb_deployment(struct ctl_context *);

/* Sets 'error' on 'ctx' and returns true if 'error' is nonnull (frees it). */
bool nb_failed(struct ctl_context *, char *error);

/* Canonical spellings, so that the same MAC or address is one string. */
char *nb_canonical_mac(struct ctl_context *, const char *field,
                       const char *s) OVS_WARN_UNUSED_RESULT;
char *nb_canonical_ip(struct ctl_context *, const char *field,
                      const char *s) OVS_WARN_UNUSED_RESULT;
bool nb_parse_bool(struct ctl_context *, const char *field, const char *s,
                   bool *value);

#endif /* utilities/nbctl.h */
