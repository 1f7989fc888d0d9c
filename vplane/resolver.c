/* vplane/resolver.c: see resolver.h.
 *
 * Four tables of struct rentry, all cmaps so that forwarding threads look
 * them up without a lock; every change is made under 'mutex' and an entry
 * is freed only after an RCU grace period:
 *   cache    owners this host learnt (answers, notifications): a gateway's;
 *   records  SNAT owners recorded with this host as helper;
 *   mine     SNAT connections this host owns, with the helper recorded
 *            with; 'ready' once acknowledged;
 *   queries  questions in flight (query mode), with their held packets. */
#include <config.h>
#include "resolver.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "cmap.h"
#include "conntrack.h"
#include "ct-dpif.h"
#include "dp-packet.h"
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovs-atomic.h"
#include "ovs-rcu.h"
#include "ovs-thread.h"
#include "owner-msg.h"
#include "packets.h"
#include "random.h"
#include "seq.h"
#include "socket-util.h"
#include "stateful.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"
#include "vxlan.h"
#include "xlate.h"

VLOG_DEFINE_THIS_MODULE(resolver);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

#define RESOLVER_COUNTERS                                                   \
    C(TO_HELPER, "to-helper",                                               \
      "packets this gateway sent to their subset's helper (forward mode)")  \
    C(QUERIES_SENT, "queries-sent", "queries this host asked (query mode)") \
    C(RETRIES, "retries", "queries and records sent again")                 \
    C(ANSWERS, "answers", "answers received")                               \
    C(NOTIFIES, "notifies", "notifications received (forward mode)")        \
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

static const char *const counter_names[RC_N] = {
#define C(ENUM, NAME, HELP) NAME,
    RESOLVER_COUNTERS
#undef C
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
    uint8_t how;                /* cache: OWNER_MSG_ANSWER or _NOTIFY. */
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
    const struct vp_stateful *last_sf;
    size_t n_helpers;
    ovs_be32 *helpers;              /* The assignment last seen. */
    long long int next_sweep, next_refresh;
    unsigned int alive_gen;
    uint64_t seq_seen;
};

static void
count(struct resolver *r, enum resolver_counter c, uint64_t n)
{
    atomic_add_relaxed(&r->counters[c], n, &(uint64_t) { 0 });
}

static void
count_drop(struct resolver *r, enum vp_drop_reason reason, uint64_t n)
{
    atomic_add_relaxed(&r->drops[reason], n, &(uint64_t) { 0 });
}

static uint64_t
read_counter(const atomic_uint64_t *c)
{
    uint64_t v;
    atomic_read_relaxed(CONST_CAST(atomic_uint64_t *, c), &v);
    return v;
}

int
resolver_create(struct vp_tables *tables, struct conntrack *ct,
                ovs_be32 vtep, uint16_t owner_port, uint16_t vxlan_port,
                struct resolver **rp)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_port = htons(owner_port),
        .sin_addr.s_addr = vtep,
    };
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int pmtu = IP_PMTUDISC_DO;

    *rp = NULL;
    if (fd < 0) {
        return errno;
    }
    if (bind(fd, (struct sockaddr *) &sin, sizeof sin) < 0
        || setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof pmtu)
        || set_nonblocking(fd)) {
        int error = errno;
        close(fd);
        return error;
    }

    struct resolver *r = xzalloc(sizeof *r);
    r->tables = tables;
    r->ct = ct;
    r->vtep = vtep;
    r->owner_port = owner_port;
    r->vxlan_port = vxlan_port;
    r->fd = fd;
    ovs_mutex_init(&r->mutex);
    cmap_init(&r->cache);
    cmap_init(&r->records);
    cmap_init(&r->mine);
    cmap_init(&r->queries);
    ovs_list_init(&r->pending);
    r->wake = seq_create();
    r->seq_seen = seq_read(r->wake);
    *rp = r;
    return 0;
}

static void
rentry_free(struct rentry *e)
{
    free(e->held);
    free(e);
}

static void
destroy_map(struct cmap *map)
{
    struct rentry *e;

    CMAP_FOR_EACH (e, node, map) {
        for (size_t i = 0; i < e->n_held; i++) {
            dp_packet_delete(e->held[i].pkt);
        }
        rentry_free(e);
    }
    cmap_destroy(map);
}

void
resolver_destroy(struct resolver *r)
{
    if (!r) {
        return;
    }
    /* Forwarding threads are gone: nothing reads the maps any more. */
    destroy_map(&r->cache);
    destroy_map(&r->records);
    destroy_map(&r->mine);
    destroy_map(&r->queries);
    seq_destroy(r->wake);
    ovs_mutex_destroy(&r->mutex);
    close(r->fd);
    free(r->helpers);
    free(r);
}

static struct rentry *
find(const struct cmap *map, const struct wan_flow *f, uint32_t hash)
{
    struct rentry *e;

    CMAP_FOR_EACH_WITH_HASH (e, node, hash, map) {
        if (wan_flow_equal(&e->flow, f)) {
            return e;
        }
    }
    return NULL;
}

static void
touch(struct rentry *e, long long int now)
{
    long long int used;

    atomic_read_relaxed(&e->used, &used);
    if (now - used >= 1000) {
        atomic_store_relaxed(&e->used, now);
    }
}

static struct rentry *
insert(struct resolver *r OVS_UNUSED, struct cmap *map,
       const struct wan_flow *f, uint32_t hash, ovs_be32 peer,
       long long int now)
    OVS_REQUIRES(r->mutex)
{
    struct rentry *e = xzalloc(sizeof *e);

    e->flow = *f;
    e->peer = peer;
    atomic_init(&e->ready, false);
    atomic_init(&e->used, now);
    e->created = e->refreshed = now;
    cmap_insert(map, &e->node, hash);
    return e;
}

/* Starts waiting for an answer to what was just sent about 'e'. */
static void
start_pending(struct resolver *r, struct rentry *e, long long int now)
    OVS_REQUIRES(r->mutex)
{
    e->tries = 1;
    e->deadline = now + RESOLVER_RETRY_MSEC;
    ovs_list_push_back(&r->pending, &e->pending_node);
}

static void
stop_pending(struct resolver *r OVS_UNUSED, struct rentry *e)
    OVS_REQUIRES(r->mutex)
{
    if (e->tries) {
        ovs_list_remove(&e->pending_node);
        e->tries = 0;
    }
}

static void
remove_entry(struct resolver *r OVS_UNUSED, struct cmap *map,
             struct rentry *e)
    OVS_REQUIRES(r->mutex)
{
    cmap_remove(map, &e->node, wan_flow_hash(&e->flow));
    stop_pending(r, e);
    ovs_assert(!e->n_held);
    ovsrcu_postpone(rentry_free, e);
}

/* Holds 'pkt' in 'e'; false if there is no room. */
static bool
hold(struct resolver *r, struct rentry *e, struct dp_packet *pkt,
     ovs_be32 vtep, uint32_t vni)
    OVS_REQUIRES(r->mutex)
{
    if (e->n_held >= RESOLVER_HOLD_PER_FLOW
        || r->n_held >= RESOLVER_HOLD_MAX) {
        return false;
    }
    if (!e->held) {
        e->held = xmalloc(RESOLVER_HOLD_PER_FLOW * sizeof *e->held);
    }
    e->held[e->n_held++] = (struct held) { pkt, vtep, vni };
    r->n_held++;
    return true;
}

/* The WAN flow of a packet from the WAN. */
static void
flow_from_key(const struct vp_flow_key *key, struct wan_flow *f)
{
    memset(f, 0, sizeof *f);
    f->remote = key->nw_src;
    f->public = key->nw_dst;
    f->proto = key->nw_proto;
    if (key->nw_proto == IPPROTO_ICMP) {
        f->remote_port = f->public_port = key->icmp_id;
    } else {
        f->remote_port = key->tp_src;
        f->public_port = key->tp_dst;
    }
}

static uint32_t
flow_subset(const struct vp_stateful *sf, const struct wan_flow *f)
{
    return stateful_subset(sf, f->public, f->proto, ntohs(f->public_port));
}

/* What this host, as helper, knows of the owner of 'f' (0: nothing): the
 * VM's host for a floating IP or port forward, else a record. */
static ovs_be32
answer(const struct resolver *r, const struct vp_stateful *sf,
       const struct wan_flow *f)
{
    const struct vp_nat_rule *rule = stateful_nat_in(sf, f->public, f->proto,
                                                     ntohs(f->public_port));
    if (rule && rule->type != VP_NAT_SNAT) {
        return rule->owner;
    }
    const struct rentry *e = find(&r->records, f, wan_flow_hash(f));
    return e ? e->peer : 0;
}

static void
send_msg(struct resolver *r, ovs_be32 to, enum owner_msg_type type,
         uint32_t xid, const struct wan_flow *f, ovs_be32 owner,
         enum owner_msg_status status)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_port = htons(r->owner_port),
        .sin_addr.s_addr = to,
    };
    struct owner_msg m;

    owner_msg_init(&m, type, xid, f, owner, status);
    if (sendto(r->fd, &m, sizeof m, 0, (struct sockaddr *) &sin,
               sizeof sin) < 0) {
        VLOG_WARN_RL(&rl, "sending %s to "IP_FMT": %s",
                     owner_msg_type_name(type), IP_ARGS(to),
                     ovs_strerror(errno));
    }
}

/* Sends a held frame, VXLAN in 'vni', to 'vtep', and frees it. */
static void
send_frame(struct resolver *r, struct dp_packet *pkt, ovs_be32 vtep,
           uint32_t vni)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_port = htons(r->vxlan_port),
        .sin_addr.s_addr = vtep,
    };
    struct vxlanhdr vxh;
    struct iovec iov[2] = {
        { &vxh, sizeof vxh },
        { dp_packet_data(pkt), dp_packet_size(pkt) },
    };
    struct msghdr msg = {
        .msg_name = &sin, .msg_namelen = sizeof sin,
        .msg_iov = iov, .msg_iovlen = 2,
    };

    vxlan_header_init(&vxh, vni);
    if (sendmsg(r->fd, &msg, 0) < 0) {
        VLOG_WARN_RL(&rl, "sending a held frame to "IP_FMT": %s",
                     IP_ARGS(vtep), ovs_strerror(errno));
        count_drop(r, VP_DROP_TX_ERROR, 1);
    }
    dp_packet_delete(pkt);
}

/* Sends (to 'owner', or each to its own VTEP if 'owner' is 0) or drops
 * (for 'reason') what 'e' holds.  Called with the mutex held; sending
 * under it is short and rare (answers). */
static void
release(struct resolver *r, struct rentry *e, ovs_be32 owner,
        enum vp_drop_reason reason)
    OVS_REQUIRES(r->mutex)
{
    for (size_t i = 0; i < e->n_held; i++) {
        struct held *h = &e->held[i];
        if (reason != VP_N_DROP_REASONS) {
            dp_packet_delete(h->pkt);
        } else {
            send_frame(r, h->pkt, owner ? owner : h->vtep, h->vni);
        }
    }
    if (reason != VP_N_DROP_REASONS && e->n_held) {
        count_drop(r, reason, e->n_held);
    }
    r->n_held -= e->n_held;
    e->n_held = 0;
}

/* Where a packet from the WAN goes, without side effects: what
 * resolver_route() does, and what trace shows.  RESOLVER_HELD here means
 * "ask the helper '*to' and hold it" (query mode). */
enum lookup_how {
    LOOKUP_OWNER,               /* This host owns it. */
    LOOKUP_CACHE,               /* The cached owner. */
    LOOKUP_HELPER,              /* This host is the helper: its answer. */
    LOOKUP_FORWARD,             /* Forward mode: to the helper. */
    LOOKUP_QUERY,               /* Query mode: ask the helper. */
    LOOKUP_DROP,
};

static enum lookup_how
lookup(const struct resolver *r, const struct vp_stateful *sf,
       const struct wan_flow *f, uint32_t hash, const struct vp_action *act,
       bool from_uplink, ovs_be32 *to, enum vp_drop_reason *reason,
       struct rentry **entry)
{
    *entry = NULL;
    /* This host runs it if it can: the VM of the floating IP or port
     * forward is here (the decision says so), or this host made the SNAT
     * connection the packet replies to. */
    if (act->type != VP_ACT_RESOLVE) {
        if (act->ct.nat != VP_CT_NAT_REPLY) {
            return LOOKUP_OWNER;
        }
        struct rentry *m = find(&r->mine, f, hash);
        bool ready = false;
        if (m) {
            atomic_read_relaxed(&m->ready, &ready);
        }
        if (ready) {
            *entry = m;
            return LOOKUP_OWNER;
        }
    }

    struct rentry *c = find(&r->cache, f, hash);
    if (c && c->peer != r->vtep) {
        *entry = c;
        *to = c->peer;
        return LOOKUP_CACHE;
    }

    ovs_be32 helper = stateful_helper(sf, flow_subset(sf, f));
    if (helper == r->vtep) {
        ovs_be32 owner = answer(r, sf, f);
        if (!owner || owner == r->vtep) {
            *reason = owner ? VP_DROP_OWNER_MISMATCH : VP_DROP_OWNER_UNKNOWN;
            return LOOKUP_DROP;
        }
        *to = owner;
        return LOOKUP_HELPER;
    }
    if (!from_uplink) {
        /* Only a helper sends on what it did not get from the WAN. */
        *reason = VP_DROP_OWNER_MISMATCH;
        return LOOKUP_DROP;
    }
    if (!helper) {
        *reason = VP_DROP_OWNER_UNKNOWN;
        return LOOKUP_DROP;
    }
    *to = helper;
    return sf->query_mode ? LOOKUP_QUERY : LOOKUP_FORWARD;
}

enum resolver_verdict
resolver_route(struct resolver *r, const struct vp_stateful *sf,
               const struct vp_flow_key *key, const struct vp_action *act,
               bool from_uplink, struct dp_packet *pkt, ovs_be32 *to,
               enum vp_drop_reason *reason)
{
    long long int now = time_msec();
    struct rentry *e;
    struct wan_flow f;

    flow_from_key(key, &f);
    uint32_t hash = wan_flow_hash(&f);
    switch (lookup(r, sf, &f, hash, act, from_uplink, to, reason, &e)) {
    case LOOKUP_OWNER:
        if (e) {
            touch(e, now);
        }
        return RESOLVER_HERE;
    case LOOKUP_CACHE:
        touch(e, now);
        count(r, RC_CACHE_HITS, 1);
        return RESOLVER_SEND;
    case LOOKUP_HELPER:
        if (!from_uplink) {
            /* Forward mode: tell the gateway where the rest goes. */
            count(r, RC_HELPER_RELAYED, 1);
            if (key->outer_src != *to) {
                count(r, RC_NOTIFIES_SENT, 1);
                send_msg(r, key->outer_src, OWNER_MSG_NOTIFY, 0, &f, *to,
                         OWNER_STATUS_OK);
            }
        }
        return RESOLVER_SEND;
    case LOOKUP_FORWARD:
        count(r, RC_TO_HELPER, 1);
        return RESOLVER_SEND;
    case LOOKUP_DROP:
        if (!VLOG_DROP_INFO(&rl)) {
            struct ds d = DS_EMPTY_INITIALIZER;
            wan_flow_format(&f, &d);
            VLOG_INFO("%s from %s: %s", ds_cstr(&d),
                      from_uplink ? "the WAN" : "the fabric",
                      vp_drop_reason_name(*reason));
            ds_destroy(&d);
        }
        return RESOLVER_DROP;
    case LOOKUP_QUERY:
        break;
    }

    /* Query mode: hold it and ask. */
    ovs_be32 helper = *to;
    bool added = false, held;
    ovs_mutex_lock(&r->mutex);
    struct rentry *q = find(&r->queries, &f, hash);
    if (!q && r->n_held < RESOLVER_HOLD_MAX) {
        q = insert(r, &r->queries, &f, hash, helper, now);
        q->xid = random_uint32();
        start_pending(r, q, now);
        send_msg(r, helper, OWNER_MSG_QUERY, q->xid, &f, 0, OWNER_STATUS_OK);
        count(r, RC_QUERIES_SENT, 1);
        added = true;
    }
    held = q && hold(r, q, pkt, 0, sf->wan_vni | VP_VNI_OWNER);
    ovs_mutex_unlock(&r->mutex);
    if (added) {
        seq_change(r->wake);
    }
    if (!held) {
        *reason = VP_DROP_OWNER_QUEUE_FULL;
        return RESOLVER_DROP;
    }
    return RESOLVER_HELD;
}

void
resolver_trace(const struct resolver *r, const struct vp_stateful *sf,
               const struct vp_flow_key *key, const struct vp_action *act,
               bool from_uplink, struct ds *s)
{
    enum vp_drop_reason reason = VP_N_DROP_REASONS;
    ovs_be32 to = 0;
    struct rentry *e;
    struct wan_flow f;

    flow_from_key(key, &f);
    uint32_t subset = flow_subset(sf, &f);
    ds_put_format(s, "  resolve: WAN flow ");
    wan_flow_format(&f, s);
    ds_put_format(s, ", subset %"PRIu32" (helper "IP_FMT")\n", subset,
                  IP_ARGS(stateful_helper(sf, subset)));
    switch (lookup(r, sf, &f, wan_flow_hash(&f), act, from_uplink, &to,
                   &reason, &e)) {
    case LOOKUP_OWNER:
        ds_put_format(s, "  resolve: this host owns it%s: run it here\n",
                      e ? " (its SNAT record)" : "");
        break;
    case LOOKUP_CACHE:
        ds_put_format(s, "  resolve: cached owner "IP_FMT" (by %s)\n",
                      IP_ARGS(to), e->how == OWNER_MSG_NOTIFY ? "notify"
                      : "answer");
        break;
    case LOOKUP_HELPER:
        ds_put_format(s, "  resolve: this host is the helper: owner "IP_FMT
                      "%s\n", IP_ARGS(to),
                      from_uplink ? "" : ", and notify the sender");
        break;
    case LOOKUP_FORWARD:
        ds_put_format(s, "  resolve: forward mode: send it to the helper "
                      IP_FMT"\n", IP_ARGS(to));
        break;
    case LOOKUP_QUERY:
        ds_put_format(s, "  resolve: query mode: hold it, ask the helper "
                      IP_FMT"\n", IP_ARGS(to));
        break;
    case LOOKUP_DROP:
        ds_put_format(s, "  resolve: drop: %s (%s)\n",
                      vp_drop_reason_name(reason),
                      vp_drop_reason_help(reason));
        break;
    }
}

/* The reply flow of a packet this host source-NATed, as the WAN will send
 * it. */
static bool
flow_from_snat(const struct dp_packet *pkt, struct wan_flow *f)
{
    const struct ip_header *ip = dp_packet_l3(pkt);
    const void *l4 = dp_packet_l4(pkt);

    memset(f, 0, sizeof *f);
    if (!ip || !l4) {
        return false;
    }
    f->remote = get_16aligned_be32(&ip->ip_dst);
    f->public = get_16aligned_be32(&ip->ip_src);
    f->proto = ip->ip_proto;
    if (f->proto == IPPROTO_TCP || f->proto == IPPROTO_UDP) {
        /* TCP and UDP headers start with the same two ports. */
        const struct udp_header *udp = l4;
        f->remote_port = udp->udp_dst;
        f->public_port = udp->udp_src;
    } else if (f->proto == IPPROTO_ICMP) {
        const struct icmp_header *icmp = l4;
        f->remote_port = f->public_port = icmp->icmp_fields.echo.id;
    } else {
        return false;
    }
    return true;
}

/* Records 'owner' for 'f' as this host's own record (helper side); false
 * if another live owner holds it. */
static bool
record(struct resolver *r, const struct wan_flow *f, ovs_be32 owner,
       long long int now)
    OVS_REQUIRES(r->mutex)
{
    uint32_t hash = wan_flow_hash(f);
    struct rentry *e = find(&r->records, f, hash);

    if (e && e->peer != owner) {
        if (now - e->refreshed < 3 * RESOLVER_RECORD_REFRESH_MSEC) {
            count(r, RC_RECORD_CONFLICTS, 1);
            return false;
        }
        remove_entry(r, &r->records, e);
        e = NULL;
    }
    if (!e) {
        e = insert(r, &r->records, f, hash, owner, now);
    }
    e->refreshed = now;
    count(r, RC_RECORDS_HELD, 1);
    return true;
}

enum resolver_verdict
resolver_check_record(struct resolver *r, const struct vp_stateful *sf,
                      struct dp_packet *pkt, ovs_be32 gateway, uint32_t vni,
                      enum vp_drop_reason *reason)
{
    long long int now = time_msec();
    struct wan_flow f;

    if (!flow_from_snat(pkt, &f)) {
        *reason = VP_DROP_NO_NAT;
        return RESOLVER_DROP;
    }
    uint32_t hash = wan_flow_hash(&f);
    struct rentry *m = find(&r->mine, &f, hash);
    bool ready = false;
    if (m) {
        atomic_read_relaxed(&m->ready, &ready);
    }
    if (ready) {
        touch(m, now);
        return RESOLVER_HERE;
    }

    ovs_be32 helper = stateful_helper(sf, flow_subset(sf, &f));
    if (!helper) {
        *reason = VP_DROP_OWNER_UNKNOWN;
        return RESOLVER_DROP;
    }

    enum resolver_verdict v = RESOLVER_HELD;
    bool added = false;
    ovs_mutex_lock(&r->mutex);
    m = find(&r->mine, &f, hash);
    if (m) {
        atomic_read_relaxed(&m->ready, &ready);
    }
    if (ready) {
        v = RESOLVER_HERE;
    } else if (!m && helper == r->vtep) {
        /* This host is the reply's helper too: no message needed. */
        if (record(r, &f, r->vtep, now)) {
            m = insert(r, &r->mine, &f, hash, helper, now);
            atomic_store_relaxed(&m->ready, true);
            v = RESOLVER_HERE;
        } else {
            *reason = VP_DROP_OWNER_MISMATCH;
            v = RESOLVER_DROP;
        }
    } else {
        if (!m && r->n_held < RESOLVER_HOLD_MAX) {
            m = insert(r, &r->mine, &f, hash, helper, now);
            m->xid = random_uint32();
            start_pending(r, m, now);
            send_msg(r, helper, OWNER_MSG_RECORD, m->xid, &f, r->vtep,
                     OWNER_STATUS_OK);
            count(r, RC_RECORDS_SENT, 1);
            added = true;
        }
        if (!m || !hold(r, m, pkt, gateway, vni)) {
            *reason = VP_DROP_OWNER_QUEUE_FULL;
            v = RESOLVER_DROP;
        }
    }
    ovs_mutex_unlock(&r->mutex);
    if (added) {
        seq_change(r->wake);
    }
    if (v == RESOLVER_HERE) {
        touch(m, now);
    }
    return v;
}

/* Messages. */

static void
handle_query(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
             const struct owner_msg *m)
{
    uint32_t xid = ntohl(m->xid);

    if (stateful_helper(sf, flow_subset(sf, &m->flow)) != r->vtep) {
        send_msg(r, src, OWNER_MSG_ANSWER, xid, &m->flow, 0,
                 OWNER_STATUS_NOT_HELPER);
        return;
    }
    ovs_be32 owner = answer(r, sf, &m->flow);
    count(r, RC_QUERIES_ANSWERED, 1);
    send_msg(r, src, OWNER_MSG_ANSWER, xid, &m->flow, owner,
             owner ? OWNER_STATUS_OK : OWNER_STATUS_UNKNOWN);
}

static void
handle_answer(struct resolver *r, ovs_be32 src, const struct owner_msg *m,
              long long int now)
{
    uint32_t hash = wan_flow_hash(&m->flow);

    ovs_mutex_lock(&r->mutex);
    struct rentry *q = find(&r->queries, &m->flow, hash);
    if (!q || q->peer != src || q->xid != ntohl(m->xid)) {
        count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "answer from "IP_FMT" to no question asked of it",
                     IP_ARGS(src));
    } else if (m->status == OWNER_STATUS_OK) {
        count(r, RC_ANSWERS, 1);
        struct rentry *c = find(&r->cache, &m->flow, hash);
        if (c) {
            remove_entry(r, &r->cache, c);
        }
        c = insert(r, &r->cache, &m->flow, hash, m->owner, now);
        c->how = OWNER_MSG_ANSWER;
        release(r, q, m->owner, VP_N_DROP_REASONS);
        remove_entry(r, &r->queries, q);
    } else if (m->status == OWNER_STATUS_UNKNOWN) {
        count(r, RC_ANSWERS, 1);
        release(r, q, 0, VP_DROP_OWNER_UNKNOWN);
        remove_entry(r, &r->queries, q);
    }
    /* NOT_HELPER: the assignment is moving; the retry asks again. */
    ovs_mutex_unlock(&r->mutex);
}

static void
handle_notify(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
              const struct owner_msg *m, long long int now)
{
    uint32_t hash = wan_flow_hash(&m->flow);

    if (stateful_helper(sf, flow_subset(sf, &m->flow)) != src) {
        count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "notification from "IP_FMT", which is not the "
                     "helper of its flow's subset", IP_ARGS(src));
        return;
    }
    count(r, RC_NOTIFIES, 1);
    ovs_mutex_lock(&r->mutex);
    struct rentry *c = find(&r->cache, &m->flow, hash);
    if (!c || c->peer != m->owner) {
        if (c) {
            remove_entry(r, &r->cache, c);
        }
        c = insert(r, &r->cache, &m->flow, hash, m->owner, now);
        c->how = OWNER_MSG_NOTIFY;
    }
    ovs_mutex_unlock(&r->mutex);
}

static void
handle_record(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
              const struct owner_msg *m, long long int now)
{
    uint32_t xid = ntohl(m->xid);
    enum owner_msg_status status;

    if (m->owner != src) {
        count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "record from "IP_FMT" for another owner "IP_FMT,
                     IP_ARGS(src), IP_ARGS(m->owner));
        return;
    }
    if (stateful_helper(sf, flow_subset(sf, &m->flow)) != r->vtep) {
        status = OWNER_STATUS_NOT_HELPER;
    } else {
        ovs_mutex_lock(&r->mutex);
        status = (record(r, &m->flow, src, now) ? OWNER_STATUS_OK
                  : OWNER_STATUS_CONFLICT);
        ovs_mutex_unlock(&r->mutex);
    }
    send_msg(r, src, OWNER_MSG_RECORD_ACK, xid, &m->flow, src, status);
}

static void
handle_record_ack(struct resolver *r, ovs_be32 src, const struct owner_msg *m)
{
    uint32_t hash = wan_flow_hash(&m->flow);

    ovs_mutex_lock(&r->mutex);
    struct rentry *e = find(&r->mine, &m->flow, hash);
    bool ready = false;
    if (e) {
        atomic_read_relaxed(&e->ready, &ready);
    }
    if (!e || e->peer != src || e->xid != ntohl(m->xid)) {
        count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "record acknowledgement from "IP_FMT" for no "
                     "record sent to it", IP_ARGS(src));
    } else if (m->status == OWNER_STATUS_OK) {
        if (!ready) {
            count(r, RC_RECORDS_ACKED, 1);
            atomic_store_relaxed(&e->ready, true);
            release(r, e, 0, VP_N_DROP_REASONS);
        }
        stop_pending(r, e);
    } else if (m->status == OWNER_STATUS_CONFLICT) {
        struct ds s = DS_EMPTY_INITIALIZER;
        wan_flow_format(&m->flow, &s);
        VLOG_WARN_RL(&rl, "helper "IP_FMT" has another owner for %s",
                     IP_ARGS(src), ds_cstr(&s));
        ds_destroy(&s);
        release(r, e, 0, VP_DROP_OWNER_MISMATCH);
        remove_entry(r, &r->mine, e);
    }
    ovs_mutex_unlock(&r->mutex);
}

static void
receive(struct resolver *r, const struct vp_stateful *sf, long long int now)
{
    for (int i = 0; i < 64; i++) {
        struct sockaddr_in sin;
        socklen_t len = sizeof sin;
        uint8_t buf[sizeof(struct owner_msg) + 1];
        ssize_t n = recvfrom(r->fd, buf, sizeof buf, 0,
                             (struct sockaddr *) &sin, &len);
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR) {
                VLOG_WARN_RL(&rl, "receiving: %s", ovs_strerror(errno));
            }
            return;
        }

        ovs_be32 src = sin.sin_addr.s_addr;
        if (!stateful_is_peer(sf, src) || src == r->vtep) {
            count(r, RC_BAD_NOT_PEER, 1);
            VLOG_WARN_RL(&rl, "dropped a message from "IP_FMT", which is no "
                         "vplaned of the deployment", IP_ARGS(src));
            continue;
        }
        const char *error = owner_msg_check(buf, n);
        if (error) {
            count(r, RC_BAD_MALFORMED, 1);
            VLOG_WARN_RL(&rl, "dropped a message from "IP_FMT": %s",
                         IP_ARGS(src), error);
            continue;
        }

        const struct owner_msg *m = ALIGNED_CAST(const struct owner_msg *,
                                                 buf);
        switch ((enum owner_msg_type) m->type) {
        case OWNER_MSG_QUERY:
            handle_query(r, sf, src, m);
            break;
        case OWNER_MSG_ANSWER:
            handle_answer(r, src, m, now);
            break;
        case OWNER_MSG_NOTIFY:
            handle_notify(r, sf, src, m, now);
            break;
        case OWNER_MSG_RECORD:
            handle_record(r, sf, src, m, now);
            break;
        case OWNER_MSG_RECORD_ACK:
            handle_record_ack(r, src, m);
            break;
        }
    }
}

/* Retries and timeouts of questions and new records. */
static void
run_timers(struct resolver *r, long long int now)
{
    struct rentry *e;

    ovs_mutex_lock(&r->mutex);
    LIST_FOR_EACH_SAFE (e, pending_node, &r->pending) {
        if (now < e->deadline) {
            continue;
        }
        struct cmap *map = (find(&r->queries, &e->flow,
                                 wan_flow_hash(&e->flow)) == e
                            ? &r->queries : &r->mine);
        if (e->tries < RESOLVER_TRIES) {
            e->tries++;
            e->deadline = now + RESOLVER_RETRY_MSEC;
            count(r, RC_RETRIES, 1);
            if (map == &r->queries) {
                send_msg(r, e->peer, OWNER_MSG_QUERY, e->xid, &e->flow, 0,
                         OWNER_STATUS_OK);
            } else {
                send_msg(r, e->peer, OWNER_MSG_RECORD, e->xid, &e->flow,
                         r->vtep, OWNER_STATUS_OK);
            }
        } else {
            release(r, e, 0, VP_DROP_OWNER_TIMEOUT);
            remove_entry(r, map, e);
        }
    }
    ovs_mutex_unlock(&r->mutex);
}

/* Marks the records this host made whose connection conntrack still
 * holds: a reply tuple is the WAN flow of the replies. */
static void
mark_alive(struct resolver *r)
{
    struct conntrack_dump dump;
    struct ct_dpif_entry entry;
    int n_buckets;

    r->alive_gen++;
    if (!r->ct || cmap_is_empty(&r->mine)) {
        return;
    }
    conntrack_dump_start(r->ct, &dump, NULL, &n_buckets);
    while (!conntrack_dump_next(&dump, &entry)) {
        const struct ct_dpif_tuple *t = &entry.tuple_reply;
        struct wan_flow f = {
            .remote = t->src.ip,
            .public = t->dst.ip,
            .proto = t->ip_proto,
        };
        if (t->l3_type != AF_INET) {
            ct_dpif_entry_uninit(&entry);
            continue;
        }
        if (t->ip_proto == IPPROTO_ICMP) {
            f.remote_port = f.public_port = t->icmp_id;
        } else {
            f.remote_port = t->src_port;
            f.public_port = t->dst_port;
        }
        struct rentry *m = find(&r->mine, &f, wan_flow_hash(&f));
        if (m) {
            m->alive_gen = r->alive_gen;
        }
        ct_dpif_entry_uninit(&entry);
    }
    conntrack_dump_done(&dump);
}

/* Repeats the records of live connections (to the subset's helper now, so
 * a moved subset's new helper learns them), forgets the others. */
static void
refresh_records(struct resolver *r, const struct vp_stateful *sf,
                long long int now, bool all)
{
    struct rentry *e;

    mark_alive(r);
    ovs_mutex_lock(&r->mutex);
    CMAP_FOR_EACH (e, node, &r->mine) {
        bool ready;
        atomic_read_relaxed(&e->ready, &ready);
        if (!ready) {
            continue;
        }
        if (e->alive_gen != r->alive_gen) {
            remove_entry(r, &r->mine, e);
            continue;
        }
        ovs_be32 helper = stateful_helper(sf, flow_subset(sf, &e->flow));
        if (!all && helper == e->peer) {
            continue;
        }
        e->peer = helper;
        e->refreshed = now;
        if (helper == r->vtep) {
            record(r, &e->flow, r->vtep, now);
        } else if (helper) {
            e->xid = random_uint32();
            count(r, RC_RECORDS_SENT, 1);
            send_msg(r, helper, OWNER_MSG_RECORD, e->xid, &e->flow, r->vtep,
                     OWNER_STATUS_OK);
        }
    }
    ovs_mutex_unlock(&r->mutex);
}

/* Forgets cached owners not used for a while and records not repeated. */
static void
expire(struct resolver *r, long long int now)
{
    struct rentry *e;

    ovs_mutex_lock(&r->mutex);
    CMAP_FOR_EACH (e, node, &r->cache) {
        long long int used;
        atomic_read_relaxed(&e->used, &used);
        if (now - used > RESOLVER_CACHE_IDLE_MSEC) {
            remove_entry(r, &r->cache, e);
        }
    }
    CMAP_FOR_EACH (e, node, &r->records) {
        if (e->peer != r->vtep
            && now - e->refreshed > 3 * RESOLVER_RECORD_REFRESH_MSEC) {
            remove_entry(r, &r->records, e);
        }
    }
    ovs_mutex_unlock(&r->mutex);
}

/* Whether the assignment of subsets to helpers changed since last seen. */
static bool
helpers_changed(struct resolver *r, const struct vp_stateful *sf)
{
    if (sf->n_subsets == r->n_helpers
        && !memcmp(sf->helpers, r->helpers,
                   sf->n_subsets * sizeof *sf->helpers)) {
        return false;
    }
    free(r->helpers);
    r->n_helpers = sf->n_subsets;
    r->helpers = xmemdup(sf->helpers, sf->n_subsets * sizeof *sf->helpers);
    return true;
}

void
resolver_run(struct resolver *r)
{
    const struct vp_stateful *sf = stateful_get(r->tables);
    long long int now = time_msec();

    r->seq_seen = seq_read(r->wake);
    if (sf != r->last_sf) {
        r->last_sf = sf;
        if (helpers_changed(r, sf)) {
            /* Owners learnt under the old assignment may be stale: ask
             * again.  Records go to the new helpers now. */
            struct rentry *e;
            ovs_mutex_lock(&r->mutex);
            CMAP_FOR_EACH (e, node, &r->cache) {
                remove_entry(r, &r->cache, e);
            }
            ovs_mutex_unlock(&r->mutex);
            refresh_records(r, sf, now, false);
        }
    }
    receive(r, sf, now);
    run_timers(r, now);
    if (now >= r->next_sweep) {
        expire(r, now);
        r->next_sweep = now + 1000;
    }
    if (now >= r->next_refresh) {
        refresh_records(r, sf, now, true);
        r->next_refresh = now + RESOLVER_RECORD_REFRESH_MSEC;
    }
}

void
resolver_wait(struct resolver *r)
{
    long long int next = MIN(r->next_sweep, r->next_refresh);

    ovs_mutex_lock(&r->mutex);
    const struct rentry *e;
    LIST_FOR_EACH (e, pending_node, &r->pending) {
        next = MIN(next, e->deadline);
    }
    ovs_mutex_unlock(&r->mutex);
    poll_timer_wait_until(next);
    poll_fd_wait(r->fd, POLLIN);
    seq_wait(r->wake, r->seq_seen);
}

/* vplane-ctl. */

static void
format_age(struct ds *s, const char *name, long long int since,
           long long int now)
{
    ds_put_format(s, " %s=%.1fs", name, (now - since) / 1000.0);
}

void
resolver_format_owners(const struct resolver *r, struct ds *s)
{
    long long int now = time_msec();
    const struct rentry *e;

    CMAP_FOR_EACH (e, node, &r->cache) {
        long long int used;
        atomic_read_relaxed(&CONST_CAST(struct rentry *, e)->used, &used);
        ds_put_cstr(s, "wan ");
        wan_flow_format(&e->flow, s);
        ds_put_format(s, " owner="IP_FMT" by=%s", IP_ARGS(e->peer),
                      e->how == OWNER_MSG_NOTIFY ? "subset-notify"
                      : "subset-answer");
        format_age(s, "age", e->created, now);
        format_age(s, "idle", used, now);
        ds_put_char(s, '\n');
    }
    CMAP_FOR_EACH (e, node, &r->mine) {
        bool ready;
        atomic_read_relaxed(&CONST_CAST(struct rentry *, e)->ready, &ready);
        ds_put_cstr(s, "wan ");
        wan_flow_format(&e->flow, s);
        ds_put_format(s, " owner="IP_FMT"(self) by=snat-record helper="IP_FMT
                      "%s", IP_ARGS(r->vtep), IP_ARGS(e->peer),
                      ready ? "" : " (waiting for the helper)");
        format_age(s, "age", e->created, now);
        ds_put_char(s, '\n');
    }
}

void
resolver_format_records(const struct resolver *r, struct ds *s)
{
    long long int now = time_msec();
    const struct rentry *e;
    size_t n = 0;

    CMAP_FOR_EACH (e, node, &r->records) {
        ds_put_cstr(s, "  ");
        wan_flow_format(&e->flow, s);
        ds_put_format(s, " owner="IP_FMT, IP_ARGS(e->peer));
        format_age(s, "refreshed", e->refreshed, now);
        ds_put_char(s, '\n');
        n++;
    }
    if (!n) {
        ds_put_cstr(s, "  (none)\n");
    }
}

void
resolver_format_counters(const struct resolver *r, struct ds *s)
{
    for (size_t i = 0; i < RC_N; i++) {
        ds_put_format(s, "  %s: %"PRIu64"\n", counter_names[i],
                      read_counter(&r->counters[i]));
    }
    ds_put_format(s, "  cached owners: %"PRIuSIZE", records held: %"PRIuSIZE
                  ", own records: %"PRIuSIZE", questions in flight: %"
                  PRIuSIZE"\n", cmap_count(&r->cache),
                  cmap_count(&r->records), cmap_count(&r->mine),
                  cmap_count(&r->queries));
    for (size_t i = 0; i < VP_N_DROP_REASONS; i++) {
        uint64_t n = read_counter(&r->drops[i]);
        if (n) {
            ds_put_format(s, "  held packets dropped (%s): %"PRIu64"\n",
                          vp_drop_reason_name(i), n);
        }
    }
}

void
resolver_add_drops(const struct resolver *r, uint64_t *drops)
{
    for (size_t i = 0; i < VP_N_DROP_REASONS; i++) {
        drops[i] += read_counter(&r->drops[i]);
    }
}
