/* vplane/xlate-private.h: what xlate.c (switching, routing) and owner.c
 * (stateful flows) share.  Nothing else uses it. */
#ifndef VPLANE_XLATE_PRIVATE_H
#define VPLANE_XLATE_PRIVATE_H 1

#include "openvswitch/compiler.h"
#include "openvswitch/types.h"
#include "xlate.h"

struct ds;
struct vp_flow_key;
struct vp_stateful;
struct vp_tables;
struct vp_vnet;

void xlate_trace(struct ds *, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);
void xlate_drop(struct vp_action *, enum vp_drop_reason, struct ds *);

/* Where a VM's packet enters the decision: a local port, or (a frame sent
 * to this host as its flow's owner) the fabric. */
struct xlate_src {
    const struct vp_vnet *vnet; /* The VM's VNet. */
    ovs_be32 host;              /* The VM's host: self for a local port. */
};

/* owner.c: after xlate.c decided where a VM's packet goes, whether a
 * stateful service applies, who owns the flow, and what the owner runs. */
void owner_decide_vm(const struct vp_tables *, const struct vp_stateful *,
                     const struct vp_flow_key *, const struct xlate_src *,
                     struct vp_action *, struct ds *trace);

/* A broadcast or multicast frame in 'vnet': drops it if it is IPv4 to the
 * (unicast) address of a firewalled port. */
void owner_check_flood(const struct vp_tables *, const struct vp_stateful *,
                       const struct vp_flow_key *, const struct vp_vnet *,
                       struct vp_action *, struct ds *trace);

/* A VM's packet to an address outside its tenant: out through a gateway,
 * if a NAT rule lets it.  Sets a drop otherwise. */
void owner_decide_wan_out(const struct vp_tables *,
                          const struct vp_stateful *,
                          const struct vp_flow_key *,
                          const struct xlate_src *, struct vp_action *,
                          struct ds *trace);

/* A packet from the WAN: from this gateway's uplink, or sent here (WAN
 * VNI, marked) by a gateway or a helper. */
void owner_decide_wan_in(const struct vp_tables *, const struct vp_stateful *,
                         const struct vp_flow_key *, bool from_uplink,
                         struct vp_action *, struct ds *trace);

#endif /* vplane/xlate-private.h */
