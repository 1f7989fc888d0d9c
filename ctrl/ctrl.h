/* ctrl/ctrl.h: the controller's core.
 *
 * Reads the desired state from OVSDB through the IDL, keeps the run-time
 * state of every host (session, liveness, what it was sent and what it
 * acknowledged), pushes each connected host a snapshot and then
 * incremental updates, and writes back what only the controller knows:
 * port bindings reported by hosts, the query-subset assignment, host
 * status and the generation counter.  It holds an OVSDB lock, so a second
 * vplane-ctrl on the same database waits as a standby; a deployment of
 * several shards has several active, one lock per shard (shards.h).  Transport and
 * message checking are southbound.c's. */
#ifndef VPLANE_CTRL_CTRL_H
#define VPLANE_CTRL_CTRL_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct ctrl;
struct ctrl_host;
struct ds;
struct sb_port_status;
struct sb_session;

struct ctrl *ctrl_create(const char *db_remote);
void ctrl_destroy(struct ctrl *);
void ctrl_add_remote(struct ctrl *, const char *remote);
/* This controller's name in the database (NULL: keep the host name) and its
 * preferred shards, "K[,K...]" (NULL: all).  Returns NULL or an error. */
char *ctrl_set_identity(struct ctrl *, const char *name, const char *prefs)
    OVS_WARN_UNUSED_RESULT;
void ctrl_run(struct ctrl *);
void ctrl_wait(struct ctrl *);
bool ctrl_is_active(const struct ctrl *);

/* Called by southbound.c for checked messages. */
char *ctrl_hello(struct ctrl *, struct sb_session *, const char *host,
                 const char *vtep, const char *version)
    OVS_WARN_UNUSED_RESULT;
void ctrl_ack(struct ctrl *, struct sb_session *, long long int generation,
              const char *error);
char *ctrl_port_status(struct ctrl *, struct sb_session *,
                       const struct sb_port_status *) OVS_WARN_UNUSED_RESULT;
void ctrl_session_closed(struct ctrl *, struct sb_session *);
/* The session host 'name' said hello on, if it has one. */
struct sb_session *ctrl_host_session(const struct ctrl *, const char *name);
const char *ctrl_host_name(const struct ctrl_host *);

/* For the control commands. */
void ctrl_format_hosts(const struct ctrl *, struct ds *);
char *ctrl_format_diff(struct ctrl *, const char *host, struct ds *)
    OVS_WARN_UNUSED_RESULT;
void ctrl_format_sessions(const struct ctrl *, struct ds *);
void ctrl_format_shards(const struct ctrl *, struct ds *);

/* ctrl/verify-views: every host's view from the cached parts against
 * the whole computation; returns how many differ. */
size_t ctrl_verify_views(struct ctrl *, struct ds *);

/* The sets of rows left out of the hosts' tables as hosts would refuse
 * them (row-check.h): a malloc'd array in '*sets', the sets the
 * controller's; returns how many. */
struct refusals;
size_t ctrl_refusals(struct ctrl *, const struct refusals ***sets);

#endif /* ctrl/ctrl.h */
