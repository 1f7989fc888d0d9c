/* vplane/pipeline.h: running a batch of packets to completion.
 *
 * One struct pipeline per forwarding thread.  A batch goes through the
 * stages in order:
 *
 *   rx        count the batch on its port (or the fabric)
 *   decap     fabric only: validate and strip the VXLAN header (vxlan.c)
 *   parse     headers and flow key (flow-key.c)
 *   cache     exact-match lookup (flow-cache.c) ...
 *   slow      ... and on a miss, the decision (xlate.c), then cached
 *   act       per-packet work of the decision (pipeline-actions.c): route
 *             (TTL, checksum, MACs), MTU, checksum completion /
 *             segmentation, ARP and ICMP answers, flooding -- or a drop
 *             with its reason
 *   tx        queued per output and sent once per batch (pipeline_flush)
 *
 * Every packet leaves through exactly one of: an output queue, the fabric
 * queue, or a drop counted under its reason. */
#ifndef VPLANE_PIPELINE_H
#define VPLANE_PIPELINE_H 1

#include <stdint.h>
#include "dp-packet.h"
#include "fabric.h"
#include "openvswitch/token-bucket.h"
#include "ovs-atomic.h"

struct conntrack;
struct flow_cache;
struct netdev;
struct resolver;
struct uplink;
struct vp_port;
struct vp_tables;
struct vp_thread_stats;

/* What every forwarding thread's pipeline shares (owned by the dataplane):
 * connection tracking, the resolver of owners (resolver.h), and this
 * gateway's uplink (uplink.h). */
struct pipeline_shared {
    struct conntrack *ct;
    struct resolver *resolver;
    struct uplink *uplink;
};

#define PIPELINE_MAX_TX_PORTS 16

struct pipeline_tx_port {
    struct vp_port *port;
    struct netdev *netdev;
    struct dp_packet_batch batch;
};

struct pipeline {
    /* Set once. */
    struct vp_tables *tables;
    struct fabric_sock *fabric;
    struct flow_cache *cache;
    struct vp_thread_stats *stats;
    const atomic_int *fabric_mtu;   /* Written by the main thread. */
    bool coalesce;                  /* Ports take TCP superframes. */
    struct pipeline_shared shared;

    /* Per batch. */
    uint64_t gen;                   /* Tables generation for this batch. */
    long long int now;              /* time_msec() at the batch's start. */
    int mtu;                        /* Fabric MTU for this batch. */
    uint32_t vni;                   /* VNet of the packet being processed
                                     * (0: none), for the drop log. */
    size_t n_tx;
    struct pipeline_tx_port tx[PIPELINE_MAX_TX_PORTS];
    struct fabric_txq fq;
    struct token_bucket *icmp_tb;   /* ICMP errors, per port id. */
};

void pipeline_init(struct pipeline *, struct vp_tables *, struct fabric_sock *,
                   struct flow_cache *, struct vp_thread_stats *,
                   const atomic_int *fabric_mtu,
                   const struct pipeline_shared *);
void pipeline_uninit(struct pipeline *);

/* Call pipeline_start() before a round of batches and pipeline_flush()
 * after it; the caller holds the flow cache's mutex in between. */
void pipeline_start(struct pipeline *, long long int now);
void pipeline_process_port(struct pipeline *, struct vp_port *in,
                           struct dp_packet_batch *);
void pipeline_process_fabric(struct pipeline *, struct dp_packet_batch *,
                             const ovs_be32 srcs[]);
void pipeline_flush(struct pipeline *);

#endif /* vplane/pipeline.h */
