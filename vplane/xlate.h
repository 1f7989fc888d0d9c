/* vplane/xlate.h: the slow path -- what to do with a flow.
 *
 * Given a flow key and the port it came in on, xlate_decide() consults the
 * tables (ports, translation table, routes) and returns a struct vp_action,
 * which the flow cache then holds for every later packet of the flow.  The
 * decision is a pure function of the key and the tables: things that vary
 * per packet (TTL, length, checksum state) are left to the actions
 * (pipeline-actions.c).  When 'trace' is nonnull each step is explained in
 * it. */
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
    VP_ACT_TO_OWNER,            /* The flow's owner runs it: VXLAN, marked
                                 * (vxlan.h), to 'vtep' in 'vni'. */
    VP_ACT_RESOLVE,             /* From the WAN, owner to be found per
                                 * packet (owner.h), and never this host:
                                 * it cannot run the flow. */
    VP_ACT_UPLINK,              /* Out of this gateway's uplink ('port'). */
    VP_ACT_DELIVER_IP,          /* After NAT: to the local VM the packet's
                                 * destination address now names. */
    VP_ACT_ARP_LEARN,           /* ARP from the WAN router: its MAC. */
};

/* What the owner of a stateful flow runs before the action: conntrack in
 * the tenant's zone, with the rules' verdict for a new connection. */
enum vp_nat_kind {
    VP_CT_NAT_NONE,
    VP_CT_NAT_SRC,              /* To the WAN: source becomes 'nat_ip'. */
    VP_CT_NAT_DST,              /* From the WAN: destination becomes
                                 * 'nat_ip' (and 'nat_port'). */
    VP_CT_NAT_REPLY,            /* From the WAN, replies only (SNAT). */
};

struct vp_ct_action {
    bool active;                /* Run conntrack. */
    bool commit;                /* A new connection may start here. */
    bool record;                /* New SNAT connections: record the owner
                                 * with the helper of the reply. */
    uint8_t nat;                /* enum vp_nat_kind. */
    int8_t dscp;                /* Mark a new connection's packets, or -1. */
    uint16_t zone;              /* The tenant's. */
    ovs_be32 nat_ip;
    uint16_t nat_port;          /* Host byte order; 0: keep.  SNAT: the
                                 * lowest port of this host's block... */
    uint16_t nat_port_max;      /* ...and the highest. */
};

/* How the owner of a stateful flow was found (dump-owners, trace). */
enum vp_owner_how {
    VP_OWNER_NONE,              /* Not a stateful flow. */
    VP_OWNER_RULE_PAIR,         /* Rule 1: both VMs on vplaneds. */
    VP_OWNER_RULE_ONE,          /* Rule 2: one VM on a vplaned. */
    VP_OWNER_SUBSET,            /* Rule 3: per packet, from the query
                                 * subset's helper (resolver.h). */
};

struct vp_action {
    uint8_t type;               /* enum vp_action_type. */
    uint8_t drop_reason;        /* enum vp_drop_reason, for VP_ACT_DROP. */
    bool route;                 /* Routed: rewrite MACs, decrement TTL. */
    struct eth_addr eth_src;    /* Routed: the egress VNet's gateway MAC. */
    struct eth_addr eth_dst;    /* Routed: the target's MAC; ARP answer. */
    ovs_be32 gw_ip;             /* Address ICMP errors are sent from. */
    ovs_be32 vtep;              /* VP_ACT_ENCAP, VP_ACT_TO_OWNER. */
    uint32_t vni;               /* VP_ACT_ENCAP, VP_ACT_TO_OWNER. */
    struct vp_port *port;       /* VP_ACT_OUTPUT. */
    const struct vp_vnet *vnet; /* VP_ACT_FLOOD; ingress VNet otherwise;
                                 * VP_ACT_DELIVER_IP: the VNet to look in. */
    const struct vp_vnet *out_vnet; /* The egress VNet of a VM's packet. */
    bool resolve;               /* From the WAN: find the owner per packet
                                 * first; go on here only if it is this
                                 * host (owner.h). */
    bool learn_router;          /* ARP from the WAN router: learn its MAC
                                 * (uplink.h), whatever else is done. */
    struct vp_ct_action ct;
    uint8_t owner_how;          /* enum vp_owner_how. */
    ovs_be32 owner;             /* The flow's owner, if 'owner_how'. */
};

void xlate_decide(const struct vp_tables *, const struct vp_flow_key *,
                  const struct vp_port *in_port, struct vp_action *,
                  struct ds *trace);

const char *vp_action_type_name(enum vp_action_type);
const char *vp_owner_how_name(enum vp_owner_how);
void vp_action_format(const struct vp_action *, struct ds *);

#endif /* vplane/xlate.h */
