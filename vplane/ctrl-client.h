/* vplane/ctrl-client.h: vplaned's side of the protocol with vplane-ctrl
 * (docs/protocol.md).
 *
 * One Open vSwitch JSON-RPC session to the controller, with reconnection,
 * backoff and inactivity probes.  After each connection: a hello, then the
 * controller's snapshot, staged part by part and applied at its end marker
 * with tables_sync() (what the snapshot no longer holds is removed, the rest
 * keeps forwarding), then incremental updates.  Every generation applied or
 * refused is acknowledged.  Without a controller the tables stay as they
 * are: a controller outage never stops forwarding.
 *
 * Under a controller the host's VM ports are reported, not configured:
 * port/add and port/del become port-status notifications, and the port's
 * configuration comes back from the controller like every other table. */
#ifndef VPLANE_CTRL_CLIENT_H
#define VPLANE_CTRL_CLIENT_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"

struct ds;
struct json;
struct svec;
struct vp_peers;
struct vp_tables;

struct ctrl_client *ctrl_client_create(const struct svec *remotes,
                                       struct vp_tables *,
                                       const char *host_name, ovs_be32 vtep);
void ctrl_client_destroy(struct ctrl_client *);
void ctrl_client_run(struct ctrl_client *);
void ctrl_client_wait(struct ctrl_client *);

/* A VM port that came up on this host, or went away.  Reported now, or at
 * the next connection. */
void ctrl_client_port_up(struct ctrl_client *, const char *port,
                         const char *vnet, struct eth_addr mac,
                         const ovs_be32 *ips, size_t n_ips, const char *vm);
char *ctrl_client_port_down(struct ctrl_client *, const char *port)
    OVS_WARN_UNUSED_RESULT;

/* Why the controller refused to bind port 'name' that this host reported
 * up, or NULL. */
const char *ctrl_client_port_refusal(const struct ctrl_client *,
                                     const char *name);

/* Sends the controller build(aux) (a vplane.1.stats report, whose
 * ownership passes) every 'interval_ms' while connected; 0 stops it. */
void ctrl_client_set_stats(struct ctrl_client *, int interval_ms,
                           struct json *(*build)(void *aux), void *aux);

/* Whether this host reports port 'name' up (it may have stopped: the
 * controller moved the port to another host). */
bool ctrl_client_port_reported(const struct ctrl_client *, const char *name);
/* Whether the controller's snapshot is applied and updates follow. */
bool ctrl_client_is_synced(const struct ctrl_client *);

const struct vp_peers *ctrl_client_peers(const struct ctrl_client *);
/* The controller connected to, or tried next. */
const char *ctrl_client_remote(const struct ctrl_client *);

/* One line for "show"; the whole state for "controller/show". */
void ctrl_client_format_brief(const struct ctrl_client *, struct ds *);
/* The same as JSON, for show --format=json: {"remote" (the current one),
 * "remotes" (all of --controller), "state",
 * "generation", "hosts", "subsets-here", "subsets"}. */
struct json *ctrl_client_brief_json(const struct ctrl_client *);
void ctrl_client_format(const struct ctrl_client *, struct ds *);

#endif /* vplane/ctrl-client.h */
