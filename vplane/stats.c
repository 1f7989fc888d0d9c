/* vplane/stats.c: summing per-thread counters.  See stats.h. */
#include <config.h>
#include "stats.h"

#include <string.h>
#include "util.h"

/* Large (a few hundred KB per thread) but mostly never touched, so it costs
 * address space, not resident memory, until ports use their rows. */
struct vp_thread_stats *
vp_thread_stats_create(void)
{
    return xzalloc(sizeof(struct vp_thread_stats));
}

void
vp_port_counters_accumulate(struct vp_port_counters *sum,
                            const struct vp_thread_stats *ts,
                            unsigned int port_id)
{
    const struct vp_port_counters_live *c = &ts->ports[port_id];

    sum->rx_packets += vp_counter_read(&c->rx_packets);
    sum->rx_bytes += vp_counter_read(&c->rx_bytes);
    sum->tx_packets += vp_counter_read(&c->tx_packets);
    sum->tx_bytes += vp_counter_read(&c->tx_bytes);
    for (int i = 0; i < VP_N_DROP_REASONS; i++) {
        sum->drops[i] += vp_counter_read(&c->drops[i]);
    }
}

void
vp_port_counters_subtract(struct vp_port_counters *c,
                          const struct vp_port_counters *base)
{
    c->rx_packets -= base->rx_packets;
    c->rx_bytes -= base->rx_bytes;
    c->tx_packets -= base->tx_packets;
    c->tx_bytes -= base->tx_bytes;
    for (int i = 0; i < VP_N_DROP_REASONS; i++) {
        c->drops[i] -= base->drops[i];
    }
}

void
vp_port_counters_add(struct vp_port_counters *sum,
                     const struct vp_port_counters *c)
{
    sum->rx_packets += c->rx_packets;
    sum->rx_bytes += c->rx_bytes;
    sum->tx_packets += c->tx_packets;
    sum->tx_bytes += c->tx_bytes;
    for (int i = 0; i < VP_N_DROP_REASONS; i++) {
        sum->drops[i] += c->drops[i];
    }
}

uint64_t
vp_port_counters_total_drops(const struct vp_port_counters *c)
{
    uint64_t total = 0;

    for (int i = 0; i < VP_N_DROP_REASONS; i++) {
        total += c->drops[i];
    }
    return total;
}
