/* vplane/stats.h: packet counters kept per forwarding thread.
 *
 * Each forwarding thread owns one struct vp_thread_stats and is its only
 * writer, so counting a packet costs a plain add and no cache line bounces
 * between cores.  The main thread sums the threads' copies when an operator
 * asks; it reads with relaxed atomic loads, so a value can lag by a batch but
 * is never torn.  Counters are never reset: a port shows the difference from
 * the 'base' recorded when its id was assigned (see port.h). */
#ifndef VPLANE_STATS_H
#define VPLANE_STATS_H 1

#include <stdint.h>
#include "ovs-atomic.h"
#include "vplane/drop-reasons.h"

#define VP_MAX_PORTS 4096

struct vp_port_counters {
    uint64_t rx_packets;
    uint64_t rx_bytes;
    uint64_t tx_packets;
    uint64_t tx_bytes;
    uint64_t drops[VP_N_DROP_REASONS];
};

/* The same, as one thread's live copy. */
struct vp_port_counters_live {
    atomic_uint64_t rx_packets;
    atomic_uint64_t rx_bytes;
    atomic_uint64_t tx_packets;
    atomic_uint64_t tx_bytes;
    atomic_uint64_t drops[VP_N_DROP_REASONS];
};

struct vp_thread_stats {
    atomic_uint64_t fast_path;      /* Packets decided by the flow cache. */
    atomic_uint64_t slow_path;      /* Packets that needed table lookups. */
    atomic_uint64_t busy_usec;      /* Time spent processing batches. */
    atomic_uint64_t idle_usec;      /* Time spent waiting for packets. */
    struct vp_port_counters_live ports[VP_MAX_PORTS];
};

/* Adds 'n' to a counter that only the calling thread writes. */
static inline void
vp_counter_add(atomic_uint64_t *counter, uint64_t n)
{
    uint64_t value;

    atomic_read_relaxed(counter, &value);
    atomic_store_relaxed(counter, value + n);
}

static inline uint64_t
vp_counter_read(const atomic_uint64_t *counter)
{
    uint64_t value;

    atomic_read_relaxed(CONST_CAST(atomic_uint64_t *, counter), &value);
    return value;
}

struct vp_thread_stats *vp_thread_stats_create(void);
void vp_port_counters_accumulate(struct vp_port_counters *,
                                 const struct vp_thread_stats *,
                                 unsigned int port_id);
void vp_port_counters_subtract(struct vp_port_counters *,
                               const struct vp_port_counters *base);
void vp_port_counters_add(struct vp_port_counters *sum,
                          const struct vp_port_counters *);
uint64_t vp_port_counters_total_drops(const struct vp_port_counters *);

#endif /* vplane/stats.h */
