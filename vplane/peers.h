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

/* SNAT port blocks: the controller gives every host one of
 * VP_N_PORT_BLOCKS blocks (Host.port_block), so that hosts doing source NAT
 * to one external address never pick the same source port.  Block b is
 * ports VP_PORT_BLOCK_FIRST + b * VP_PORT_BLOCK_SIZE and the
 * VP_PORT_BLOCK_SIZE - 1 after it: 64 blocks of 1008 fill 1024..65535. */
#define VP_N_PORT_BLOCKS 64
#define VP_PORT_BLOCK_FIRST 1024
#define VP_PORT_BLOCK_SIZE 1008

/* One vplaned of the deployment. */
struct vp_peer_host {
    ovs_be32 vtep;
    bool gateway;               /* It has an uplink to the WAN. */
    int port_block;             /* 0..VP_N_PORT_BLOCKS-1, or -1: none. */
};

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
 * [{"name", "vtep", "gateway"?, "port-block"?}]. */
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
 * "self" (whether it is 'self'), "vtep", "gateway", "block" (null: none),
 * "subsets" (how many), "which" (as ranges, "0-3,7"; "-": none)}. */
struct json *vp_peers_summary_json(const struct vp_peers *);
struct json *vp_peers_host_rows(const struct vp_peers *, const char *self);

#endif /* vplane/peers.h */
