/* vplane/dataplane.h: the forwarding threads and the ports they poll.
 *
 * The dataplane owns the forwarding threads (fwd-thread.c), one fabric
 * socket each, and the attachment of VM ports to their interfaces.  It hooks
 * into the tables: a port added to the tables is attached (or retried until
 * its interface appears), a port deleted is first taken out of its thread's
 * poll list.  Everything here runs on the main thread except the threads
 * themselves.  What a packet goes through is pipeline.h. */
#ifndef VPLANE_DATAPLANE_H
#define VPLANE_DATAPLANE_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/types.h"
#include "flow-cache.h"
#include "gwlive.h"
#include "ovs-atomic.h"
#include "pipeline.h"
#include "stats.h"

struct ds;
struct json;
struct fwd_thread;
struct owner_sweep;
struct vp_flow_key;
struct vp_port;
struct vp_tables;

struct dataplane_options {
    ovs_be32 vtep;              /* This host's VTEP address. */
    int port_rxbuf;             /* Receive buffer of each port's socket. */
    uint16_t vxlan_port;        /* UDP port, normally 4789. */
    uint16_t owner_port;        /* Owner messages (owner-msg.h), 4788. */
    int fabric_mtu;             /* 0: the MTU of the VTEP's interface. */
    size_t n_threads;           /* Forwarding threads. */
    struct gwlive_options gw_probe; /* Gateway liveness probes. */
};

struct dataplane {
    struct vp_tables *tables;
    struct dataplane_options opts;
    atomic_int fabric_mtu;      /* Read by forwarding threads per batch. */
    size_t n_threads;
    struct fwd_thread **threads;
    long long int next_check;   /* Next port/MTU check (main thread). */
    long long int started;      /* time_msec() at creation. */
    /* What the threads share: conntrack is created when they start (its
     * cleaner is a thread, and vplaned may daemonize before). */
    struct pipeline_shared shared;
    /* Connection state to forget, after every thread is done with the
     * decisions that made it (dataplane_run()). */
    bool flush_all;
    unsigned long *flush_zones;     /* Bitmap of zones. */
    bool flush_pending;
    /* Connection state another host owns after a change of the tables
     * (owner-sweep.h). */
    struct owner_sweep *sweep;
};

int dataplane_create(struct vp_tables *, const struct dataplane_options *,
                     struct dataplane **);
void dataplane_start(struct dataplane *);
void dataplane_destroy(struct dataplane *);

void dataplane_run(struct dataplane *);
void dataplane_wait(struct dataplane *);

/* Counters summed over the threads, since the port's id was assigned. */
void dataplane_port_counters(const struct dataplane *, const struct vp_port *,
                             struct vp_port_counters *);
void dataplane_fabric_counters(const struct dataplane *,
                               struct vp_port_counters *);
void dataplane_path_counters(const struct dataplane *, uint64_t *fast,
                             uint64_t *slow);
int dataplane_get_fabric_mtu(const struct dataplane *);

/* Connection tracking (one zone per tenant): NULL before the threads
 * start. */
struct conntrack *dataplane_conntrack(const struct dataplane *);

/* Finds the cache entry of 'key' in some forwarding thread: a copy in
 * '*copy' and the thread's index in '*thread', or false. */
bool dataplane_find_flow(struct dataplane *, const struct vp_flow_key *,
                         struct flow_cache_entry *copy, unsigned int *thread);

/* The flow caches' current entries, each tagged with its thread: copies in
 * '*flows' (malloc'd). */
struct dataplane_flow {
    unsigned int thread;
    struct flow_cache_entry entry;
};
size_t dataplane_dump_flows(struct dataplane *, struct dataplane_flow **flows);
void dataplane_format_threads(const struct dataplane *, struct ds *);
/* The same as rows {"thread", "ports", "busy-ms", "idle-ms"}. */
struct json *dataplane_threads_json(const struct dataplane *);

#endif /* vplane/dataplane.h */
