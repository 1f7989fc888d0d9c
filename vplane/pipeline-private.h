/* vplane/pipeline-private.h: what pipeline.c (the per-packet path up to
 * the decision) and pipeline-actions.c (what happens after it) share.
 * Nothing else uses it. */
#ifndef VPLANE_PIPELINE_PRIVATE_H
#define VPLANE_PIPELINE_PRIVATE_H 1

#include "pipeline.h"
#include "stats.h"
#include "vplane/drop-reasons.h"

struct vp_action;
struct vp_flow_key;

/* ICMP errors: 100 per second per port, in bursts of up to 100. */
#define ICMP_TOKENS_PER_MSG 10

/* Inline: both halves count every batch, and this is one address. */
static inline struct vp_port_counters_live *
pipeline_counters(struct pipeline *p, unsigned int port_id)
{
    return &p->stats->ports[port_id];
}

/* Counts 'pkt' as dropped on 'port_id' for 'reason', logs it in the drop
 * log, and frees it. */
void pipeline_drop(struct pipeline *, struct dp_packet *,
                   unsigned int port_id, enum vp_drop_reason);
/* Acts on 'pkt' as its decision 'act' says; 'in' is the port it came in
 * on (NULL: the fabric, 'in_id' VP_FABRIC_PORT_ID). */
void pipeline_execute(struct pipeline *, struct dp_packet *,
                      const struct vp_flow_key *, const struct vp_action *,
                      struct vp_port *in, unsigned int in_id);

#endif /* vplane/pipeline-private.h */
