/* vplane/uplink.h: a gateway's uplink to the WAN.
 *
 * A host the controller gives an uplink (an interface, its address and
 * the WAN router) sends the WAN-bound packets of every owner through it
 * and takes the WAN's packets for the deployment's public addresses from
 * it (owner.c, resolver.h).  The interface becomes a port in no VNet
 * (tables_set_uplink()), polled and counted like a VM's; this file follows
 * the configuration, answers for the uplink's address and learns the
 * router's MAC from its ARP (asking for it every second until known, then
 * every 30 seconds). */
#ifndef VPLANE_UPLINK_H
#define VPLANE_UPLINK_H 1

#include <stdbool.h>
#include "openvswitch/types.h"
#include "ovs-atomic.h"
#include "services.h"

struct dp_packet;
struct ds;
struct vp_tables;

struct uplink {
    atomic_uint64_t router_mac;     /* eth_addr_to_uint64(); 0: unknown. */

    /* Main thread. */
    struct vp_uplink_cfg cfg;       /* What the port was made for. */
    long long int next_try;         /* Open the interface again. */
    long long int next_arp;         /* Ask for the router's MAC. */
    char *error;                    /* Why there is no port, for show. */
};

struct uplink *uplink_create(void);
void uplink_destroy(struct uplink *);
void uplink_run(struct uplink *, struct vp_tables *);
void uplink_wait(const struct uplink *);
/* show's line for the uplink, indented as show's other lines; nothing on a
 * host that has no uplink. */
void uplink_format(const struct uplink *, const struct vp_tables *,
                   struct ds *);

/* Forwarding threads. */
bool uplink_router_mac(const struct uplink *, struct eth_addr *);
/* An ARP packet from the router (xlate.c checked its sender address). */
void uplink_learn(struct uplink *, const struct dp_packet *);

#endif /* vplane/uplink.h */
