/* vplane/ctl-trace.h: the parts of `trace` (ctl-trace.c) that predict
 * what happens to a stateful flow's packet past its decision on this host
 * (ctl-trace-ct.c): the resolver, conntrack, and the WAN checks after
 * them.  Nothing here changes any state. */
#ifndef VPLANE_CTL_TRACE_H
#define VPLANE_CTL_TRACE_H 1

#include <stdbool.h>
#include "ctl.h"
#include "vplane/drop-reasons.h"

struct dp_packet;
struct ds;
struct vp_action;
struct vp_flow_key;

struct trace_stateful {
    bool here;                  /* This host runs the action (not sent on
                                 * to the owner or a helper, not held). */
    bool reply;                 /* Of a connection, in its reply
                                 * direction. */
};

/* Before the action, as pipeline_execute() runs them: the resolver (a
 * packet from the WAN) and conntrack.  Explains each in 's' and
 * returns the reason the packet is dropped, or VP_N_DROP_REASONS.
 * 'from_port': from a port (the uplink), not the fabric. */
enum vp_drop_reason trace_stateful_before(struct ctl_context *,
                                          const struct dp_packet *,
                                          const struct vp_flow_key *,
                                          const struct vp_action *,
                                          bool from_port,
                                          struct trace_stateful *,
                                          struct ds *);

/* After the per-packet checks: an SNAT connection's record, and the WAN
 * router's MAC. */
enum vp_drop_reason trace_stateful_after(struct ctl_context *,
                                         const struct vp_action *,
                                         const struct trace_stateful *,
                                         struct ds *);

#endif /* vplane/ctl-trace.h */
