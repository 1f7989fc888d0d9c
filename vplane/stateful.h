/* vplane/stateful.h: what forwarding threads need to run stateful flows,
 * as one immutable snapshot published through RCU.
 *
 * It joins what the controller sends for them (peers.h: the vplaneds, the
 * gateways, the query-subset assignment and the deployment's owner rule
 * and mode; services.h: firewall rules, NAT rules, this host's uplink) with
 * indexes for the lookups the slow path makes.  The main thread builds a
 * new one whenever any of it changes (stateful_publish()) and the flow
 * caches are invalidated, so a cached decision never outlives the rules it
 * was made from.  DESIGN 2 and docs/stateful-flows.md explain the rules. */
#ifndef VPLANE_STATEFUL_H
#define VPLANE_STATEFUL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <arpa/inet.h>
#include "openvswitch/hmap.h"
#include "openvswitch/types.h"
#include "ovs-rcu.h"
#include "services.h"

struct ds;
struct stateful_live;
struct vp_peers;
struct vp_tables;

struct vp_stateful {
    uint64_t seqno;             /* Grows with every snapshot published. */
    ovs_be32 self;              /* This host's VTEP. */

    /* The deployment. */
    bool higher;                /* Owner rule: the higher VTEP owns. */
    bool query_mode;            /* Unresolved owners: query, not forward. */
    uint32_t wan_vni;
    size_t n_subsets;
    ovs_be32 *helpers;          /* The helper of each subset, or 0. */
    struct hmap peers;          /* struct stateful_vtep: the vplaneds. */
    size_t n_gateways;
    ovs_be32 *gateways;         /* Hosts with an uplink, sorted. */
    /* The gateways this host's probes find alive (gwlive.h): the one part
     * of the snapshot that changes in place.  Written by the main thread
     * (stateful_set_gateways_down()), read through RCU; carried over to the
     * next snapshot. */
    OVSRCU_TYPE(struct stateful_live *) live;
    uint32_t nat_owners;        /* A hash of every floating IP's and port
                                 * forward's owner: changes when one
                                 * does (resolver.c). */

    /* Services. */
    struct hmap fw;             /* struct stateful_fw, by (VNet, MAC). */
    struct hmap nat_ext;        /* struct stateful_nat, by external IP. */
    struct hmap nat_int;        /* struct stateful_nat, by internal IP. */
    struct hmap snat;           /* struct stateful_nat, by tenant. */
    size_t n_nat;
    struct vp_uplink_cfg uplink;
};

/* The snapshot now, for an RCU reader (never NULL). */
const struct vp_stateful *stateful_get(const struct vp_tables *);

/* Builds and publishes a new snapshot (main thread), and invalidates every
 * cached decision.  'peers' may be NULL (no controller). */
void stateful_publish(struct vp_tables *, const struct vp_peers *,
                      const struct vp_services *);
void stateful_destroy(struct vp_tables *);

/* Lookups. */
bool stateful_is_peer(const struct vp_stateful *, ovs_be32 vtep);
bool stateful_is_gateway(const struct vp_stateful *, ovs_be32 vtep);
/* The SNAT port block of host 'vtep' on SNAT address 'address'; false if
 * it has none. */
bool stateful_port_block(const struct vp_stateful *, ovs_be32 vtep,
                         ovs_be32 address, uint16_t *min, uint16_t *max);
const struct vp_fw_port *stateful_fw_port(const struct vp_stateful *,
                                          const char *vnet,
                                          struct eth_addr mac);

/* The NAT rule that gives VM 'ip' of 'tenant' (in VNet 'vnet') its way
 * out: its floating IP, else its VNet's SNAT, else the tenant's. */
const struct vp_nat_rule *stateful_nat_out(const struct vp_stateful *,
                                           const char *tenant,
                                           const char *vnet, ovs_be32 ip);
/* The rule a packet from the WAN to 'ip' 'proto' 'port' falls under: a
 * port forward, a floating IP, or an SNAT address (replies only). */
const struct vp_nat_rule *stateful_nat_in(const struct vp_stateful *,
                                          ovs_be32 ip, uint8_t proto,
                                          uint16_t port);
bool stateful_is_public(const struct vp_stateful *, ovs_be32 ip);

/* The query subset of a flow from the WAN (its destination: the public
 * address, protocol and port), and its helper (0 if none). */
uint32_t stateful_subset(const struct vp_stateful *, ovs_be32 dst,
                         uint8_t proto, uint16_t dst_port);
ovs_be32 stateful_helper(const struct vp_stateful *, uint32_t subset);

/* The gateway a WAN-bound flow with hash 'hash' leaves through, or 0: one
 * of the live gateways (all of them if none is), in the same sorted order
 * on every host. */
ovs_be32 stateful_gateway(const struct vp_stateful *, uint32_t hash);
/* Whether gateway 'vtep' is used: alive, or no gateway is. */
bool stateful_gateway_is_live(const struct vp_stateful *, ovs_be32 vtep);
/* The live gateways: their number, or 0 if none (then all are used). */
size_t stateful_n_live_gateways(const struct vp_stateful *);
/* Main thread: the gateways this host's probes do not find alive are the
 * 'n' in 'down' (any order); the others are used.  Invalidates every
 * cached decision when this changes what is used. */
void stateful_set_gateways_down(struct vp_tables *, const ovs_be32 *down,
                                size_t n);

/* The owner of a flow between two VMs at 'a' and 'b' (rule 1). */
static inline ovs_be32
stateful_owner_of_pair(const struct vp_stateful *sf, ovs_be32 a, ovs_be32 b)
{
    bool a_first = ntohl(a) < ntohl(b);
    return sf->higher ? (a_first ? b : a) : (a_first ? a : b);
}

#endif /* vplane/stateful.h */
