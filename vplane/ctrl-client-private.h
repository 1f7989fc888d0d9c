/* vplane/ctrl-client-private.h: what ctrl-client.c (the session, snapshots
 * and updates) and ctrl-ports.c (the VM ports this host reports) share. */
#ifndef VPLANE_CTRL_CLIENT_PRIVATE_H
#define VPLANE_CTRL_CLIENT_PRIVATE_H 1

#include <stdbool.h>
#include "openvswitch/list.h"
#include "openvswitch/shash.h"
#include "openvswitch/types.h"
#include "packets.h"
#include "peers.h"
#include "services.h"
#include "svec.h"
#include "tables-config.h"

struct json;
struct jsonrpc_msg;
struct jsonrpc_session;

/* A port the controller refused is reported again this often, so that it
 * is bound once the operator fixes the cause (creates the VNet, say). */
#define REFUSED_RETRY_MS 10000


/* A VM port as this host reports it.
 *
 * Reports are repeated after every hello, since a controller that
 * restarted may have lost them.  A repeated "up" is marked as a refresh:
 * the controller does not let it take a port bound to another host (the VM
 * moved while this host was away).  A port the controller stops sending
 * this host after having sent it has moved or been deleted: it is no
 * longer reported.  A "down" is repeated until the controller stops
 * sending the port. */
struct reported_port {
    struct ovs_list node;       /* In client->downs, once gone. */
    char *name;
    char *vnet;
    struct eth_addr mac;
    ovs_be32 *ips;
    size_t n_ips;
    char *vm;
    bool delivered;             /* Sent on a live session at least once. */
    bool configured;            /* The controller sent it back. */
    char *refusal;              /* Why the controller did not bind it. */
    long long int retry_at;     /* When to report a refused port again. */
};

enum sync_state {
    SYNC_NONE,                  /* Connected, no snapshot applied yet. */
    SYNC_STAGING,               /* Receiving a snapshot's parts. */
    SYNC_DONE,                  /* Applied a snapshot: updates apply. */
    SYNC_REFUSED,               /* Refused one: waiting for a snapshot. */
};

struct ctrl_client {
    struct svec remotes;        /* --controller, in the order given. */
    struct jsonrpc_session *js; /* Cycles through 'remotes'. */
    unsigned int seqno;         /* Of 'js', to see reconnections. */
    struct vp_tables *tables;
    char *host_name;
    ovs_be32 vtep;

    struct json *hello_id;      /* The hello in flight, or NULL. */
    bool hello_done;
    char *controller_version;

    enum sync_state state;
    long long int gen;          /* The last generation applied. */
    long long int synced_at;    /* When the last snapshot was applied. */
    char *last_error;           /* The last refusal, for operators. */

    long long int refused_gen;  /* The last generation refused. */

    /* The snapshot being received. */
    long long int snap_gen;
    long long int snap_parts;
    long long int snap_got;
    struct vp_config snap_cfg;
    struct vp_peers snap_peers;
    struct vp_services snap_services;

    struct vp_peers peers;      /* Hosts and the subset assignment. */
    struct vp_services services;    /* Firewall, NAT, uplink. */

    struct shash ports;         /* Name -> struct reported_port. */
    struct ovs_list downs;      /* Gone ports, until the controller drops
                                 * them from this host's tables. */

    /* Counters, for controller/show. */
    unsigned long long n_connects;
    unsigned long long n_snapshots;
    unsigned long long n_updates;
    unsigned long long n_refused;
    unsigned long long n_bad;
    unsigned long long n_ignored;
    unsigned long long n_ports_refused;
    unsigned long long n_refusals_ignored;

    /* Counter reports (ctrl_client_set_stats()). */
    int stats_interval;         /* ms; 0: none. */
    struct json *(*stats_build)(void *aux);
    void *stats_aux;
    long long int next_stats;
    unsigned long long n_stats;
};


/* ctrl-client.c. */
bool ctrl_client_ready(const struct ctrl_client *);
void ctrl_client_send_notify(struct ctrl_client *, const char *method,
                             struct json *param);
void ctrl_client_bad_message(struct ctrl_client *, const struct jsonrpc_msg *,
                             const char *error);

/* ctrl-ports.c. */
void reported_port_free(struct reported_port *);
void report_ports(struct ctrl_client *);
void reconcile_ports(struct ctrl_client *);
void handle_port_refused(struct ctrl_client *, const struct jsonrpc_msg *);
void retry_refused_ports(struct ctrl_client *);

#endif /* vplane/ctrl-client-private.h */
