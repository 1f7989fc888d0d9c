/* vplane/peers.h: the other hosts and the query-subset assignment, as the
 * controller pushes them to a vplaned.
 *
 * Stateful-flow resolution (DESIGN 2) needs, on every host, the VTEP of
 * every other vplaned and which of them answers for each query subset.
 * The controller sends both in its snapshots and updates ("hosts" and
 * "subsets", docs/protocol.md); this file checks and holds them.  A change
 * is built on a copy and checked as a whole (every subset's host must be a
 * known host) before it replaces the current set: nothing half-applied.
 * Main thread only. */
#ifndef VPLANE_PEERS_H
#define VPLANE_PEERS_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/shash.h"
#include "openvswitch/types.h"

struct ds;
struct json;

#define VP_MAX_SUBSETS 4096

/* SNAT port blocks: the ports VP_SNAT_PORT_FIRST..65535 of each SNAT
 * address are cut into blocks of Deployment.snat_block_size ports, and the
 * controller gives a block (an address and a port range) to each host whose
 * VMs need one (ctrl/snat-blocks.h), so that hosts doing source NAT to one
 * address never pick the same source port.  A host may hold blocks on
 * several addresses (one per SNAT pool its VMs use). */
#define VP_SNAT_PORT_FIRST 1024
#define VP_SNAT_PORTS (65536 - VP_SNAT_PORT_FIRST)
#define VP_SNAT_MIN_BLOCK_SIZE 8
#define VP_SNAT_DEFAULT_BLOCK_SIZE 256
#define VP_SNAT_MAX_BLOCKS_PER_HOST 1024

/* The layout of the "port-block" a controller from before "snat-blocks"
 * sends: 64 blocks of 1008 ports, valid on every SNAT address. */
#define VP_LEGACY_PORT_BLOCKS 64
#define VP_LEGACY_PORT_BLOCK_SIZE 1008

/* One SNAT port block of a host. */
struct vp_snat_block {
    ovs_be32 address;           /* 0: any (a legacy "port-block"). */
    uint16_t first, last;
};

/* One vplaned of the deployment. */
struct vp_peer_host {
    ovs_be32 vtep;
    bool gateway;               /* It has an uplink to the WAN. */
    struct vp_snat_block *blocks;   /* Owned; sorted by address. */
    size_t n_blocks;
};

/* The block of 'h' on SNAT address 'address', or NULL. */
const struct vp_snat_block *vp_snat_block_find(const struct vp_snat_block *,
                                               size_t n, ovs_be32 address);
/* "ADDRESS:FIRST-LAST,..." ("any" for a legacy block), "-" for none. */
void vp_snat_blocks_format(const struct vp_snat_block *, size_t n,
                           struct ds *);

struct vp_peers {
    struct shash hosts;         /* Host name -> struct vp_peer_host. */
    size_t n_subsets;           /* 0: no assignment received yet. */
    char **subset_host;         /* Host name per subset, NULL: none. */
    char *owner_rule;           /* "lower" or "higher". */
    char *query_mode;           /* "forward" or "query". */
    uint32_t wan_vni;
};

void vp_peers_init(struct vp_peers *);
void vp_peers_destroy(struct vp_peers *);
void vp_peers_clone(struct vp_peers *dst, const struct vp_peers *src);
void vp_peers_swap(struct vp_peers *, struct vp_peers *);

/* Adds (or redefines) the hosts of a "hosts" array:
 * [{"name", "vtep", "gateway"?, "snat-blocks"?, "port-block"?}]. */
char *vp_peers_add_hosts(struct vp_peers *, const struct json *)
    OVS_WARN_UNUSED_RESULT;
/* Removes the hosts named in an array of strings. */
char *vp_peers_remove_hosts(struct vp_peers *, const struct json *)
    OVS_WARN_UNUSED_RESULT;
/* Replaces the assignment with a "subsets" object. */
char *vp_peers_set_subsets(struct vp_peers *, const struct json *)
    OVS_WARN_UNUSED_RESULT;
/* Whether the whole is consistent: every subset's host is known. */
char *vp_peers_check(const struct vp_peers *) OVS_WARN_UNUSED_RESULT;

size_t vp_peers_count_held(const struct vp_peers *, const char *host);
/* For dump-subsets (ctl-dumps.c formats them): the assignment's settings,
 * {"query-subsets", "owner-rule", "query-mode", "wan-vni", "unassigned"}
 * ({} before one is received); the hosts sorted by name, as rows {"host",
 * "self" (whether it is 'self'), "vtep", "gateway", "blocks" (as vp_snat_blocks_format() writes them),
 * "subsets" (how many), "which" (as ranges, "0-3,7"; "-": none)}. */
struct json *vp_peers_summary_json(const struct vp_peers *);
struct json *vp_peers_host_rows(const struct vp_peers *, const char *self);

#endif /* vplane/peers.h */
