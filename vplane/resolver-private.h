/* vplane/resolver-private.h: what resolver.c (the per-packet side) and
 * resolver-run.c (the main thread's side: messages, timers, soft state,
 * dumps) share.  Nothing else uses it.  See resolver.h for the design.
 *
 * Four tables of struct rentry, all cmaps so that forwarding threads look
 * them up without a lock; every change is made under 'mutex' and an entry
 * is freed only after an RCU grace period:
 *   cache    owners this host learnt (answers, notifications): a gateway's;
 *   records  SNAT owners recorded with this host as helper;
 *   mine     SNAT connections this host owns, with the helper recorded
 *            with; 'ready' once acknowledged;
 *   queries  questions in flight (query mode), with their held packets.
 * Entries waiting for an answer (queries, 'mine' not yet ready) are also
 * on the 'pending' list, which the main thread's timers walk. */
#ifndef VPLANE_RESOLVER_PRIVATE_H
#define VPLANE_RESOLVER_PRIVATE_H 1

#include "resolver.h"

#include "cmap.h"
#include "gwlive.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/thread.h"
#include "ovs-atomic.h"
#include "owner-msg.h"

struct seq;

#define RESOLVER_COUNTERS                                                   \
    C(TO_HELPER, "to-helper",                                               \
      "packets this gateway sent to their subset's helper (forward mode)")  \
    C(QUERIES_SENT, "queries-sent", "queries this host asked (query mode)") \
    C(RETRIES, "retries", "queries and records sent again")                 \
    C(ANSWERS, "answers", "answers received")                               \
    C(NOTIFIES, "notifies", "notifications received")                       \
    C(NOTIFIES_REFUSED, "notifies-refused",                                 \
      "notifications refused: this host is no gateway, or no NAT rule "     \
      "maps the flow's public end to the owner named")                      \
    C(NOTIFIES_RATE_LIMITED, "notifies-rate-limited",                       \
      "notifications of flows this gateway did not ask about, dropped: "    \
      "over the sending helper's rate")                                     \
    C(CACHE_HITS, "cache-hits", "packets sent to an owner from the cache")  \
    C(QUERIES_ANSWERED, "queries-answered", "queries answered as helper")   \
    C(HELPER_RELAYED, "helper-relayed",                                     \
      "packets sent on to their owner as helper (forward mode)")            \
    C(NOTIFIES_SENT, "notifies-sent", "notifications sent as helper")       \
    C(RECORDS_SENT, "records-sent", "records sent as owner (and repeats)")  \
    C(RECORDS_ACKED, "records-acked", "new records acknowledged")           \
    C(RECORDS_HELD, "records-held", "records received as helper")          \
    C(RECORD_CONFLICTS, "record-conflicts",                                 \
      "records refused: another owner holds the flow")                      \
    C(RECORDS_REFUSED, "records-refused",                                   \
      "records refused: not an SNAT address, a port outside the sender's "  \
      "block, or the table full")                                           \
    C(CACHE_FULL, "cache-full", "owners not cached: the cache was full")   \
    C(HELD_SENT, "held-sent",                                               \
      "held packets sent on once answered (not in the fabric's counters)") \
    C(BAD_NOT_PEER, "rejected-not-peer",                                    \
      "messages from an address that is no vplaned of the deployment")      \
    C(BAD_MALFORMED, "rejected-malformed", "messages of the wrong form")    \
    C(BAD_UNEXPECTED, "rejected-unexpected",                                \
      "answers, notifications and acknowledgements that no question of "    \
      "this host or current helper explains")

enum resolver_counter {
#define C(ENUM, NAME, HELP) RC_##ENUM,
    RESOLVER_COUNTERS
#undef C
    RC_N
};

struct held {
    struct dp_packet *pkt;
    ovs_be32 vtep;              /* Records: the gateway; queries: 0 (the
                                 * owner the answer names). */
    uint32_t vni;
};

struct rentry {
    struct cmap_node node;
    struct wan_flow flow;
    ovs_be32 peer;              /* cache, records: the owner; mine,
                                 * queries: the helper asked. */
    uint8_t how;                /* cache: OWNER_MSG_ANSWER or _NOTIFY;
                                 * queries: OWNER_MSG_QUERY (query mode)
                                 * or _NOTIFY (forward mode: the first
                                 * packet went to the helper, the next
                                 * ones wait for its notification). */
    atomic_bool ready;          /* mine: acknowledged. */
    atomic_llong used;
    long long int created;
    long long int refreshed;    /* records: last RECORD; mine: last sent. */
    unsigned int alive_gen;     /* mine: last conntrack sweep seeing it. */

    /* Until answered (under 'mutex'). */
    struct ovs_list pending_node;   /* In 'pending' while unanswered. */
    uint32_t xid;
    int tries;
    long long int deadline;
    size_t n_held;
    struct held *held;          /* RESOLVER_HOLD_PER_FLOW, or NULL. */
};

struct resolver {
    struct vp_tables *tables;
    struct conntrack *ct;
    ovs_be32 vtep;
    uint16_t owner_port, vxlan_port;
    int fd;

    struct ovs_mutex mutex;
    struct cmap cache, records, mine, queries;
    struct ovs_list pending OVS_GUARDED;    /* Questions and records not
                                             * answered yet, oldest first. */
    size_t n_held OVS_GUARDED;
    struct seq *wake;               /* A question was added. */

    atomic_uint64_t counters[RC_N];
    atomic_uint64_t drops[VP_N_DROP_REASONS];

    /* Main thread. */
    uint64_t sf_seqno;              /* Of the snapshot last seen. */
    size_t n_helpers;
    ovs_be32 *helpers;              /* The assignment last seen. */
    uint32_t nat_owners;            /* stateful's, last seen. */
    long long int next_sweep, next_refresh;
    unsigned int alive_gen;
    uint64_t seq_seen;
    struct hmap notify_buckets;     /* struct notify_bucket, by sender: one
                                     * per listed vplaned at most. */
    struct gwlive *gwlive;          /* The gateways' liveness probes. */
};

void resolver_count(struct resolver *, enum resolver_counter, uint64_t n);
void resolver_count_drop(struct resolver *, enum vp_drop_reason, uint64_t n);
uint64_t resolver_read_counter(const atomic_uint64_t *);

struct rentry *rentry_find(const struct cmap *, const struct wan_flow *,
                           uint32_t hash);
/* NULL if 'map' is the cache or the records and it is full. */
struct rentry *rentry_insert(struct resolver *, struct cmap *,
                             const struct wan_flow *, uint32_t hash,
                             ovs_be32 peer, uint8_t how, long long int now)
    OVS_REQUIRES(r->mutex);
void rentry_remove(struct resolver *, struct cmap *, struct rentry *)
    OVS_REQUIRES(r->mutex);
void rentry_start_pending(struct resolver *, struct rentry *,
                          long long int now)
    OVS_REQUIRES(r->mutex);
void rentry_stop_pending(struct resolver *, struct rentry *)
    OVS_REQUIRES(r->mutex);
/* Sends (to 'owner', or each to its own VTEP if 'owner' is 0) or drops
 * (for 'reason', unless VP_N_DROP_REASONS) what 'e' holds. */
void rentry_release(struct resolver *, struct rentry *, ovs_be32 owner,
                    enum vp_drop_reason reason)
    OVS_REQUIRES(r->mutex);

uint32_t wan_flow_subset(const struct vp_stateful *, const struct wan_flow *);
ovs_be32 resolver_answer(const struct resolver *, const struct vp_stateful *,
                         const struct wan_flow *);
bool resolver_record(struct resolver *, const struct wan_flow *,
                     ovs_be32 owner, long long int now)
    OVS_REQUIRES(r->mutex);
void resolver_send_msg(struct resolver *, ovs_be32 to, enum owner_msg_type,
                       uint32_t xid, const struct wan_flow *, ovs_be32 owner,
                       enum owner_msg_status);
void resolver_notify_buckets_destroy(struct resolver *);
void resolver_notify_gateways(struct resolver *, const struct vp_stateful *,
                              const struct wan_flow *, ovs_be32 owner,
                              ovs_be32 except);

#endif /* vplane/resolver-private.h */
