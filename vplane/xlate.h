/* vplane/xlate.h: the slow path -- what to do with a flow.
 *
 * Given a flow key and the port it came in on, xlate_decide() consults the
 * tables (ports, translation table, routes) and returns a struct vp_action,
 * which the flow cache then holds for every later packet of the flow.  The
 * decision is a pure function of the key and the tables: things that vary
 * per packet (TTL, length, checksum state) are left to the actions
 * (pipeline.c).  When 'trace' is nonnull each step is explained in it. */
#ifndef VPLANE_XLATE_H
#define VPLANE_XLATE_H 1

#include <stdbool.h>
#include "openvswitch/types.h"
#include "vplane/drop-reasons.h"

struct ds;
struct vp_flow_key;
struct vp_port;
struct vp_tables;
struct vp_vnet;

enum vp_action_type {
    VP_ACT_DROP,                /* Count under 'drop_reason' and free. */
    VP_ACT_OUTPUT,              /* Send to local 'port'. */
    VP_ACT_ENCAP,               /* VXLAN with 'vni' to host 'vtep'. */
    VP_ACT_FLOOD,               /* Local ports of 'vnet' (and, from a VM
                                 * port, every other host of 'vnet'). */
    VP_ACT_ARP_REPLY,           /* Answer the ARP request with 'eth_dst'. */
    VP_ACT_GATEWAY,             /* For the distributed gateway itself. */
};

struct vp_action {
    uint8_t type;               /* enum vp_action_type. */
    uint8_t drop_reason;        /* enum vp_drop_reason, for VP_ACT_DROP. */
    bool route;                 /* Routed: rewrite MACs, decrement TTL. */
    struct eth_addr eth_src;    /* Routed: the egress VNet's gateway MAC. */
    struct eth_addr eth_dst;    /* Routed: the target's MAC; ARP answer. */
    ovs_be32 gw_ip;             /* Address ICMP errors are sent from. */
    ovs_be32 vtep;              /* VP_ACT_ENCAP. */
    uint32_t vni;               /* VP_ACT_ENCAP. */
    struct vp_port *port;       /* VP_ACT_OUTPUT. */
    const struct vp_vnet *vnet; /* VP_ACT_FLOOD; ingress VNet otherwise. */
};

void xlate_decide(const struct vp_tables *, const struct vp_flow_key *,
                  const struct vp_port *in_port, struct vp_action *,
                  struct ds *trace);

const char *vp_action_type_name(enum vp_action_type);
void vp_action_format(const struct vp_action *, struct ds *);

#endif /* vplane/xlate.h */
