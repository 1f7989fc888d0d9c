/* vplane/port.h: local VM ports and their I/O.
 *
 * A port is an existing tap or veth interface, opened by name through Open
 * vSwitch's netdev layer ("system" class: AF_PACKET, with virtio-net headers
 * so that offloaded checksums and TSO frames come through intact).  Its
 * configuration (VNet, MAC, IPs) is immutable; changing it means deleting and
 * adding the port.  If the interface does not exist yet the port is kept and
 * attached when it appears (port_run() retries).
 *
 * This file does not decide where packets go (xlate.h) or poll the ports
 * (fwd-thread.h): it opens and closes them and keeps their counters' bases. */
#ifndef VPLANE_PORT_H
#define VPLANE_PORT_H 1

#include <stdbool.h>
#include "cmap.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/types.h"
#include "ovs-atomic.h"
#include "ovs-rcu.h"
#include "stats.h"

struct netdev;
struct netdev_rxq;
struct netdev_saved_flags;
struct vp_port_spec;
struct vp_prefix;
struct vp_vnet;

enum vp_port_state {
    VP_PORT_MISSING,            /* The interface does not exist (yet). */
    VP_PORT_ERROR,              /* It exists but could not be opened. */
    VP_PORT_UP,                 /* Attached and polled. */
};

struct vp_port {
    /* Immutable after creation. */
    char *name;
    unsigned int id;            /* 1..VP_MAX_PORTS-1; indexes counters. */
    struct vp_vnet *vnet;
    struct eth_addr mac;
    size_t n_ips;
    ovs_be32 *ips;
    struct vp_port_ip *ip_nodes;    /* n_ips entries, in tables->port_ips. */
    size_t n_allowed;               /* Source ranges besides 'ips'. */
    struct vp_prefix *allowed;
    struct cmap_node mac_node;      /* In tables->ports_by_mac. */

    /* Written by the main thread; forwarding threads send through 'netdev'
     * (NULL while detached) and learn the MTU from 'mtu'. */
    OVSRCU_TYPE(struct netdev *) tx_netdev;
    atomic_int mtu;

    /* Main thread only. */
    char *vm;                       /* The VM's identity, or NULL. */
    struct hmap_node name_node;     /* In tables->ports_by_name. */
    struct ovs_list vnet_node;      /* In vnet->ports. */
    enum vp_port_state state;
    char *error;                    /* Why not VP_PORT_UP, for "show". */
    struct netdev *netdev;
    int ifindex;                    /* Of the interface when attached. */
    struct netdev_rxq *rxq;
    struct netdev_saved_flags *saved_flags;
    int thread;                     /* Forwarding thread that polls it. */
    long long int next_retry;       /* When to try attaching again. */
    struct vp_port_counters base;   /* Counter values when the id was
                                     * assigned; shown values are deltas. */
    uint64_t rx_queue_drops;        /* Frames the kernel dropped because the
                                     * receive socket's queue was full. */
};

struct vp_port *port_create(unsigned int id, const struct vp_port_spec *,
                            struct vp_vnet *);
void port_destroy(struct vp_port *);

bool port_has_ip(const struct vp_port *, ovs_be32 ip);
bool port_allows_source(const struct vp_port *, ovs_be32 ip);
const char *port_state_name(enum vp_port_state);

#endif /* vplane/port.h */
