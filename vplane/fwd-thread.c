/* vplane/fwd-thread.c: the forwarding threads' loop (see fwd-thread.h). */
#include <config.h>
#include "fwd-thread.h"

#include "dp-packet.h"
#include "fabric.h"
#include "flow-cache.h"
#include "netdev.h"
#include "openvswitch/poll-loop.h"
#include "ovs-thread.h"
#include "pipeline.h"
#include "seq.h"
#include "stats.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"

struct fwd_thread *
fwd_thread_create(unsigned int index, struct vp_tables *tables,
                  struct fabric_sock *fabric, const atomic_int *fabric_mtu,
                  const struct pipeline_shared *shared)
{
    struct fwd_thread *t = xzalloc(sizeof *t);

    t->index = index;
    t->tables = tables;
    t->fabric = fabric;
    t->rx = xmalloc(sizeof *t->rx);
    t->cache = flow_cache_create();
    t->stats = vp_thread_stats_create();
    t->fabric_mtu = fabric_mtu;
    t->shared = shared;
    t->wakeup = seq_create();
    ovsrcu_set_hidden(&t->poll_list, xzalloc(sizeof(struct fwd_poll_list)));
    atomic_init(&t->exiting, false);
    return t;
}

/* Receives from every source once and runs what came through the pipeline.
 * Returns true if anything was received. */
static bool
fwd_thread_poll_once(struct fwd_thread *t, struct pipeline *p,
                     const struct fwd_poll_list *pl)
{
    struct dp_packet_batch batch;
    bool busy = false;

    ovs_mutex_lock(&t->cache->mutex);
    pipeline_start(p, time_msec());
    for (size_t i = 0; i < pl->n; i++) {
        if (!netdev_rxq_recv(pl->rxqs[i].rxq, &batch, NULL)) {
            pipeline_process_port(p, pl->rxqs[i].port, &batch);
            busy = true;
        }
    }

    if (!fabric_recv(t->fabric, t->rx)) {
        /* A receive can bring many GRO trains: feed them in batches. */
        for (size_t i = 0; i < t->rx->n; i += NETDEV_MAX_BURST) {
            size_t n = MIN(NETDEV_MAX_BURST, t->rx->n - i);

            dp_packet_batch_init(&batch);
            for (size_t j = 0; j < n; j++) {
                dp_packet_batch_add(&batch, t->rx->pkts[i + j]);
            }
            pipeline_process_fabric(p, &batch, &t->rx->srcs[i]);
        }
        vp_counter_add(&t->stats->ports[VP_FABRIC_PORT_ID]
                       .drops[VP_DROP_RX_QUEUE_FULL], t->rx->n_queue_drops);
        vp_counter_add(&t->stats->ports[VP_FABRIC_PORT_ID]
                       .drops[VP_DROP_MALFORMED], t->rx->n_refused);
        busy = true;
    }
    pipeline_flush(p);
    ovs_mutex_unlock(&t->cache->mutex);
    return busy;
}

static void *
fwd_thread_main(void *t_)
{
    struct fwd_thread *t = t_;
    struct pipeline p;
    long long int last = time_usec();

    pipeline_init(&p, t->tables, t->fabric, t->cache, t->stats,
                  t->fabric_mtu, t->shared);
    for (;;) {
        /* Read before the poll list: a change published after this makes
         * seq_wait() below return at once. */
        uint64_t seq = seq_read(t->wakeup);
        const struct fwd_poll_list *pl;
        bool busy, exiting;

        do {
            atomic_read_relaxed(&t->exiting, &exiting);
            if (exiting) {
                goto out;
            }
            pl = ovsrcu_get(const struct fwd_poll_list *, &t->poll_list);
            busy = fwd_thread_poll_once(t, &p, pl);

            long long int now = time_usec();
            vp_counter_add(busy ? &t->stats->busy_usec
                                : &t->stats->idle_usec, now - last);
            last = now;
            /* While there is work, go round again without sleeping, but
             * let RCU see this thread between rounds. */
            ovsrcu_quiesce();
        } while (busy);

        /* The list read above may be gone after ovsrcu_quiesce(). */
        pl = ovsrcu_get(const struct fwd_poll_list *, &t->poll_list);
        for (size_t i = 0; i < pl->n; i++) {
            netdev_rxq_wait(pl->rxqs[i].rxq);
        }
        fabric_sock_wait(t->fabric);
        seq_wait(t->wakeup, seq);
        poll_block();

        long long int now = time_usec();
        vp_counter_add(&t->stats->idle_usec, now - last);
        last = now;
    }
out:
    pipeline_uninit(&p);
    return NULL;
}

void
fwd_thread_start(struct fwd_thread *t)
{
    t->thread = ovs_thread_create("fwd", fwd_thread_main, t);
    t->started = true;
}

/* Publishes a new poll list (taking ownership of 'pl') and wakes the
 * thread.  The old list is freed once the thread can no longer see it. */
void
fwd_thread_set_ports(struct fwd_thread *t, struct fwd_poll_list *pl)
{
    const struct fwd_poll_list *old;

    old = ovsrcu_get_protected(const struct fwd_poll_list *, &t->poll_list);
    ovsrcu_set(&t->poll_list, pl);
    ovsrcu_postpone(free, CONST_CAST(struct fwd_poll_list *, old));
    seq_change(t->wakeup);
}

void
fwd_thread_destroy(struct fwd_thread *t)
{
    if (!t) {
        return;
    }
    if (t->started) {
        atomic_store_relaxed(&t->exiting, true);
        seq_change(t->wakeup);
        xpthread_join(t->thread, NULL);
    }
    free(CONST_CAST(struct fwd_poll_list *,
                    ovsrcu_get_protected(const struct fwd_poll_list *,
                                         &t->poll_list)));
    fabric_sock_close(t->fabric);
    free(t->rx);
    flow_cache_destroy(t->cache);
    free(t->stats);
    seq_destroy(t->wakeup);
    free(t);
}
