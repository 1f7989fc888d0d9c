/* vplane/fwd-thread.h: a forwarding thread.
 *
 * Each thread polls its ports' receive queues and its fabric socket, runs
 * every batch through the pipeline, and blocks in the poll loop when there
 * is nothing to do (so an idle host costs no CPU and a ping is answered as
 * soon as it arrives).  Its list of ports is an immutable array that the
 * main thread replaces through RCU and announces by changing 'wakeup'. */
#ifndef VPLANE_FWD_THREAD_H
#define VPLANE_FWD_THREAD_H 1

#include <pthread.h>
#include <stddef.h>
#include "ovs-atomic.h"
#include "ovs-rcu.h"

struct fabric_sock;
struct flow_cache;
struct netdev_rxq;
struct seq;
struct pipeline_shared;
struct vp_port;
struct vp_tables;
struct vp_thread_stats;

struct fwd_rxq {
    struct vp_port *port;
    struct netdev_rxq *rxq;
};

struct fwd_poll_list {
    size_t n;
    struct fwd_rxq rxqs[];
};

struct fwd_thread {
    /* Set before the thread starts. */
    unsigned int index;
    struct vp_tables *tables;
    struct fabric_sock *fabric;         /* Owned. */
    struct fabric_rx *rx;               /* Owned; the thread's. */
    struct flow_cache *cache;           /* Owned; its mutex for dumps. */
    struct vp_thread_stats *stats;      /* Owned; written by the thread. */
    const atomic_int *fabric_mtu;
    const struct pipeline_shared *shared;   /* The dataplane's; filled in
                                             * before the thread starts. */
    struct seq *wakeup;

    /* Replaced by the main thread, read by the thread through RCU. */
    OVSRCU_TYPE(const struct fwd_poll_list *) poll_list;
    atomic_bool exiting;

    /* Main thread only. */
    pthread_t thread;
    bool started;
    size_t n_ports;
};

struct fwd_thread *fwd_thread_create(unsigned int index, struct vp_tables *,
                                     struct fabric_sock *,
                                     const atomic_int *fabric_mtu,
                                     const struct pipeline_shared *);
void fwd_thread_start(struct fwd_thread *);
void fwd_thread_destroy(struct fwd_thread *);
void fwd_thread_set_ports(struct fwd_thread *, struct fwd_poll_list *);

#endif /* vplane/fwd-thread.h */
