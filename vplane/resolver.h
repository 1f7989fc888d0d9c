/* vplane/resolver.h: owner rule 3 -- finding, per packet, the owner of a
 * flow from the WAN that no address rule resolves (DESIGN 2, seed 004).
 *
 * A packet from the WAN to a public address (a floating IP, a port
 * forward, an SNAT reply) carries no VM address a host could be found by.
 * Its query subset (stateful_subset(): the public address, protocol and
 * port) names a helper vplaned, which knows the owner: for a floating IP
 * or port forward, the host of its VM (from the controller); for an SNAT
 * reply, the host that recorded the connection when it made it.  A
 * gateway that does not know the owner of a packet either
 *   forward mode: sends it to the helper, which sends it on to the owner
 *                 and notifies the gateway, or
 *   query mode:   holds it (bounded), asks the helper, and sends it to the
 *                 owner when the answer comes;
 * and keeps the owner in a cache with an idle timeout, so the helper is
 * consulted for the first packet of a flow only.  The owner of a new SNAT
 * connection records itself with the helper of the reply's subset, and
 * holds the connection's first packet until the helper acknowledges, so
 * the reply can never arrive first.  Records are soft state: owners repeat
 * them while the connection lives and whenever the subset's helper
 * changes; helpers forget what is not repeated.
 *
 * Forwarding threads call resolver_route() and resolver_check_record()
 * per packet (lock-free lookups; a mutex only to hold a packet); the main
 * thread runs the messages (owner-msg.h), retries, timeouts and expiry in
 * resolver_run(). */
#ifndef VPLANE_RESOLVER_H
#define VPLANE_RESOLVER_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "vplane/drop-reasons.h"

struct conntrack;
struct ct_dpif_tuple;
struct gwlive;
struct gwlive_options;
struct dp_packet;
struct ds;
struct json;
struct simap;
struct vp_action;
struct vp_flow_key;
struct vp_stateful;
struct vp_tables;

/* Packets held per flow, and in all. */
#define RESOLVER_HOLD_PER_FLOW 16
#define RESOLVER_HOLD_MAX 1024
/* A query or record is sent this many times, this far apart, before its
 * held packets are dropped as owner-timeout. */
#define RESOLVER_TRIES 3
#define RESOLVER_RETRY_MSEC 200
/* A cached owner is forgotten after this long without packets. */
#define RESOLVER_CACHE_IDLE_MSEC 30000
/* Owners repeat their records this often; helpers forget them after
 * three missed repeats. */
#define RESOLVER_RECORD_REFRESH_MSEC 10000
/* The most cached owners and records a host keeps (whatever the WAN or a
 * peer sends, memory stays bounded: beyond, nothing new is kept and the
 * refusals are counted). */
#define RESOLVER_MAX_CACHE (1u << 20)
#define RESOLVER_MAX_RECORDS (1u << 20)
/* Notifications a gateway takes from one helper for flows it did not ask
 * about (the owners it learns ahead of the flows' packets): per second,
 * and in a burst.  Beyond, they are dropped and counted; the flow's first
 * packet at this gateway then consults the helper itself.  So one peer,
 * however it is made to send, adds owners to the cache at this pace. */
#define RESOLVER_NOTIFY_RATE 1000
#define RESOLVER_NOTIFY_BURST 2000
/* An expiry sweep that frees at least this many entries gives the
 * memory back to the system (malloc_trim()). */
#define RESOLVER_TRIM_MIN 4096

struct resolver;

/* Also probes the gateways on the owner-message socket (gwlive.h), as
 * 'gw_probe' says. */
int resolver_create(struct vp_tables *, struct conntrack *, ovs_be32 vtep,
                    uint16_t owner_port, uint16_t vxlan_port,
                    const struct gwlive_options *gw_probe,
                    struct resolver **);
void resolver_destroy(struct resolver *);
void resolver_run(struct resolver *);
void resolver_wait(struct resolver *);

enum resolver_verdict {
    RESOLVER_HERE,              /* This host owns it: run the action. */
    RESOLVER_SEND,              /* Send it, marked, in the WAN VNI, to
                                 * '*to' (the owner or the helper). */
    RESOLVER_HELD,              /* Taken: held until an answer comes. */
    RESOLVER_DROP,              /* Drop it for '*reason'. */
};

/* A packet from the WAN whose decision 'act' says resolve (owner.c): from
 * this gateway's uplink if 'from_uplink', else sent here by a gateway or a
 * helper (the key's outer source).  'pkt' must have complete checksums. */
enum resolver_verdict resolver_route(struct resolver *,
                                     const struct vp_stateful *,
                                     const struct vp_flow_key *,
                                     const struct vp_action *,
                                     bool from_uplink, struct dp_packet *,
                                     ovs_be32 *to,
                                     enum vp_drop_reason *reason);

/* A packet of a connection this host source-NATs, after NAT, routed and
 * ready to go to 'gateway' in 'vni': RESOLVER_HERE if the connection's
 * record is acknowledged (send it), RESOLVER_HELD if 'pkt' was taken to
 * wait for that, RESOLVER_DROP otherwise. */
enum resolver_verdict resolver_check_record(struct resolver *,
                                            const struct vp_stateful *,
                                            struct dp_packet *,
                                            ovs_be32 gateway, uint32_t vni,
                                            enum vp_drop_reason *reason);

/* Main thread: the connection with reply tuple 'reply' is gone from
 * conntrack (this host no longer owns it, owner-sweep.h): forgets this
 * host's SNAT record of it, so that it is no longer repeated to the
 * helper, which forgets it in turn. */
void resolver_forget_connection(struct resolver *,
                                const struct ct_dpif_tuple *reply);

/* vplane-ctl: what resolver_route() would do with the packet of 'key',
 * and why, without side effects: its verdict (RESOLVER_HELD: held while
 * the helper is asked) and, for RESOLVER_DROP, '*reason'. */
enum resolver_verdict resolver_trace(const struct resolver *,
                                     const struct vp_stateful *,
                                     const struct vp_flow_key *,
                                     const struct vp_action *,
                                     bool from_uplink,
                                     enum vp_drop_reason *reason,
                                     struct ds *);
/* dump-owners: rows {"in": "wan", "flow", "owner", "self", "by", "age-ms",
 * "idle-ms"?, "helper"?, "waiting"?}, each given to 'add_row' (which owns
 * it) as it is made, so that a dump never holds them all. */
void resolver_owner_rows(const struct resolver *,
                         void (*add_row)(struct json *row, void *aux),
                         void *aux);
/* dump-subsets: the records held as helper and the counters, as text or
 * as JSON (an array of {"flow", "owner", "refreshed-ms"}; an object). */
void resolver_format_records(const struct resolver *, struct ds *);
void resolver_format_counters(const struct resolver *, struct ds *);
struct json *resolver_records_json(const struct resolver *);
struct json *resolver_counters_json(const struct resolver *);
/* The gateways' liveness, for gateway/show. */
const struct gwlive *resolver_gwlive(const struct resolver *);
/* Entries in its tables, for memory/show. */
void resolver_get_memory_usage(const struct resolver *, struct simap *);
/* Packets dropped by the resolver itself (timeouts, full queues), by
 * reason, added to 'drops'. */
void resolver_add_drops(const struct resolver *, uint64_t *drops);

#endif /* vplane/resolver.h */
