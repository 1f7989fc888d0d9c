/* ctrl/ctrl-private.h: the controller's state, shared by ctrl.c (hosts,
 * liveness, pushing) and ctrl-db.c (what the controller writes to the
 * database).  Nothing else uses it. */
#ifndef VPLANE_CTRL_PRIVATE_H
#define VPLANE_CTRL_PRIVATE_H 1

#include "ctrl.h"
#include "host-view.h"
#include "leader-seek.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/shash.h"
#include "ovsdb-idl.h"
#include "row-check.h"
#include "view-parts.h"
#include "sset.h"

struct ovsdb_idl;
struct ovsdb_idl_txn;
struct ds;
struct json;
struct shards;
struct vprec_deployment;
struct vprec_host;

struct ctrl_host {
    struct hmap_node node;      /* In ctrl->hosts, by name. */
    char *name;
    struct sb_session *session; /* After a hello; NULL when not connected. */
    char *address;              /* Peer of the last session. */
    long long int connected_at;
    long long int lost_at;      /* When the last session ended, or 0. */
    bool lost_before_active;    /* It ended before this controller became
                                 * active (started, or took the lock
                                 * over), which is what lost_at holds. */
    bool live;                  /* Counts for the subset assignment. */

    bool synced;                /* The session got its snapshot. */
    bool dirty;                 /* A change concerns it: to push. */
    bool full;                  /* Its view changed by more than the last
                                 * change: diff it whole, not by parts. */
    long long int snapshot_gen; /* Generation of the last snapshot sent. */
    long long int snapshot_at;  /* When it was sent. */
    struct ovs_list queue_node; /* In ctrl->snapshot_queue, if 'queued'. */
    bool queued;                /* Waits for a snapshot slot. */
    bool need_snapshot;         /* Refused a snapshot: the next change goes
                                 * as a snapshot, not an update. */
    struct host_view sent;      /* What the host was sent, in all. */
    long long int sent_gen;
    long long int acked_gen;    /* 'sent' is what the host has once this
                                 * equals 'sent_gen'. */
    char *error;                /* The host's last refusal, if any. */

    struct json *stats;         /* Last vplane.1.stats report, checked. */
    long long int stats_at;     /* When it came. */
};

/* A port reported up or down by a host, waiting to be written. */
struct port_event {
    struct ovs_list node;
    char *host;
    char *port;
    char *vnet;
    char *mac;
    char *vm;                   /* Or NULL. */
    char **ips;
    size_t n_ips;
    bool up;
    bool refresh;               /* A repeat after a reconnection. */
    bool withheld;              /* Counted as withheld by a stale shard
                                 * holder (ctrl_shards_may_write()). */
};

/* Per shard, its return to the controller that prefers it (ctrl-shards.c,
 * "rebalancing"). */
struct shard_handback {
    long long int request_at;   /* Preferred and waiting: when to write a
                                 * request in Deployment.shard_requests. */
    long long int yield_at;     /* Held, another asks: when to clear the
                                 * request and give the lock up. */
    bool yielding;              /* The request cleared: give the lock up
                                 * once the database shows it gone. */
};

struct ctrl {
    struct ovsdb_idl *idl;
    struct ovsdb_idl_txn *txn;  /* In flight, or NULL. */
    struct ovs_list txn_events; /* Port events in 'txn'. */
    struct sb_server *sb;
    struct sset remotes;        /* Where to listen, once active. */
    bool active;                /* Holds the lock and listens. */
    bool loaded;                /* Has seen the database's contents. */
    unsigned int unlocked_seqno;    /* IDL seqno when last without the
                                     * lock (see lock_is_ours()). */

    struct hmap hosts;          /* struct ctrl_host. */
    struct sset to_register;    /* "name vtep" of hosts to add. */
    struct ovs_list port_events;
    bool subsets_dirty;
    bool joins_pending;         /* Hosts joined: assign after joins_due. */
    long long int joins_due;
    long long int next_status;  /* Host.status is written at most so often. */
    struct sset status_dirty;   /* Names of hosts whose Host.status is to
                                 * write: names, not pointers, so that a
                                 * host freed meanwhile is just skipped. */
    unsigned int txn_seqno;     /* IDL seqno 'txn' was made from. */
    unsigned int retry_seqno;   /* The 'txn_seqno' of one that had to be
                                 * tried again: wait for it to move. */
    bool retry_wait;
    long long int liveness_due; /* update_liveness() has work to do: a lost
                                 * host's grace period ends (0: look). */

    long long int generation;   /* The last one given out. */
    unsigned int pushed_seqno;  /* IDL seqno of the last push. */
    long long int status_gen;   /* Generation last written to the DB. */
    long long int started;
    struct view_parts *parts;   /* What hosts should have, by part. */
    struct ovsdb_idl_index *host_by_name;
    bool push_more;             /* push() stopped at its budget. */
    bool push_pending;          /* push() has hosts to walk: a change came,
                                 * or it left some for later. */
    struct ovs_list snapshot_queue; /* Hosts waiting for a snapshot, in
                                     * the order of their hellos. */
    struct snat_blocks *snat;   /* Who holds which SNAT port block. */

    /* Shards (ctrl-shards.c): 'shards' is NULL while the deployment has
     * one, as a single vplane-ctrl on the lock "vplane_ctrl" serves it. */
    char *db_remote;
    struct leader_seek seek;    /* For 'idl'. */
    char *name;                 /* This vplane-ctrl's, in the database. */
    bool *prefs;                /* --shards (SHARDS_MAX), or NULL: all. */
    struct shards *shards;
    bool *serving;              /* Per shard: held, its hosts loaded. */
    bool *claimed;              /* Per shard served: the database has
                                 * recorded this controller as its holder
                                 * since it took it (ctrl_shards_write()). */
    bool holders_dirty;         /* Deployment.shard_holders to write. */
    struct shard_handback *handback; /* Per shard: rebalancing. */
    long long int next_global_check; /* Other controllers' hosts' status. */

    /* Database transactions ended, by result (ctrl_db_txn_done()), for
     * the metrics (ctrl/metrics.c). */
    unsigned long long int n_txn_committed;
    unsigned long long int n_txn_retried;   /* TXN_TRY_AGAIN. */
    unsigned long long int n_txn_failed;
};

/* ctrl-push.c: sends every connected host what changed for it. */
void ctrl_push(struct ctrl *);
/* Queues 'h' for a snapshot (sent as slots free up, see ctrl-push.c). */
void ctrl_push_queue_snapshot(struct ctrl *, struct ctrl_host *);
void ctrl_push_dequeue(struct ctrl_host *);
void ctrl_push_wait(const struct ctrl *);
/* Snapshots sent and not acknowledged yet (within their slot). */
size_t ctrl_push_n_in_flight(const struct ctrl *);

/* The view 'row' should have (from the cached parts). */
void ctrl_host_view(struct ctrl *, const struct vprec_host *row,
                    struct host_view *);

/* Notes that 'h''s Host.status is to be written, or that its session
 * ended: so that neither costs a walk of every host per main-loop
 * iteration to find. */
void ctrl_host_status_changed(struct ctrl *, struct ctrl_host *);
void ctrl_host_lost(struct ctrl *, struct ctrl_host *);

struct ctrl_host *ctrl_host_find(const struct ctrl *, const char *name);
struct ctrl_host *ctrl_host_get(struct ctrl *, const char *name);
/* The database's hosts sorted by name, for the operators' commands;
 * the caller frees the array. */
const struct vprec_host **ctrl_sorted_host_rows(const struct ctrl *,
                                                size_t *n);
const struct vprec_host *ctrl_host_row(const struct ctrl *,
                                       const char *name);
int ctrl_grace_ms(const struct ctrl *);

void ctrl_host_free(struct ctrl_host *);
/* Adds what the database says of host 'row' as lost before activation. */
void ctrl_load_host(struct ctrl *, const struct vprec_host *row);

/* ctrl-shards.c. */
bool ctrl_serves(const struct ctrl *, const char *host);
bool ctrl_is_global(const struct ctrl *);
bool ctrl_shards_recorded(const struct ctrl *, const char *host);
bool ctrl_shards_may_write(const struct ctrl *, const char *host);
void ctrl_shards_verify(const struct ctrl *,
                        const struct vprec_deployment *);
bool ctrl_shards_mode_changed(struct ctrl *);
bool ctrl_shards_run(struct ctrl *);
void ctrl_shards_wait(struct ctrl *);
char *ctrl_shards_refuse(const struct ctrl *, const char *host)
    OVS_WARN_UNUSED_RESULT;
void ctrl_shards_write(struct ctrl *, const struct vprec_deployment *);
bool ctrl_shards_requests_due(const struct ctrl *);
void ctrl_shards_write_requests(struct ctrl *, const struct vprec_deployment *);
void ctrl_shards_run_idle(struct ctrl *);
bool ctrl_shards_host_live(const struct ctrl *, const struct vprec_host *);
void ctrl_shards_format_header(const struct ctrl *, struct ds *);
void ctrl_shards_format_host(const struct ctrl *, const struct vprec_host *,
                             struct ds *);
void ctrl_shards_format_other(const struct ctrl *, const struct vprec_host *,
                              struct ds *);

/* ctrl-db.c: one transaction with everything pending, if anything is. */
void ctrl_db_track(struct ctrl *);
size_t ctrl_db_drop_reports(struct ctrl *);
void ctrl_db_write(struct ctrl *);
/* Whether ctrl_db_write() may start a transaction: none in flight, and
 * the database moved since the last one had to be tried again. */
bool ctrl_db_can_write(const struct ctrl *);
bool ctrl_db_reports_ready(struct ctrl *);
void ctrl_db_txn_done(struct ctrl *, enum ovsdb_idl_txn_status);
void port_event_free(struct port_event *);

#endif /* ctrl/ctrl-private.h */
