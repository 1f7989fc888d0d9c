/* vplane/resolver-run.c: the resolver's main-thread side (resolver.h):
 * owner messages, retries and timeouts, soft state (records repeated,
 * owners and records forgotten).  The dumps for vplane-ctl are in
 * resolver-dump.c. */
#include <config.h>
#include "resolver-private.h"

#include <errno.h>
#include <malloc.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include "conntrack.h"
#include "ct-dpif.h"
#include "dp-packet.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/token-bucket.h"
#include "openvswitch/vlog.h"
#include "ovs-rcu.h"
#include "packets.h"
#include "random.h"
#include "seq.h"
#include "stateful.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(resolver_run);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);
/* Notifications refused and over a helper's rate: a flood of one kind
 * must not hide the others from the log. */
static struct vlog_rate_limit refused_rl = VLOG_RATE_LIMIT_INIT(5, 20);
static struct vlog_rate_limit rate_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* Messages. */

static void
handle_query(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
             const struct owner_msg *m)
{
    uint32_t xid = ntohl(m->xid);

    if (stateful_helper(sf, wan_flow_subset(sf, &m->flow)) != r->vtep) {
        resolver_send_msg(r, src, OWNER_MSG_ANSWER, xid, &m->flow, 0,
                          OWNER_STATUS_NOT_HELPER);
        return;
    }
    ovs_be32 owner = resolver_answer(r, sf, &m->flow);
    resolver_count(r, RC_QUERIES_ANSWERED, 1);
    resolver_send_msg(r, src, OWNER_MSG_ANSWER, xid, &m->flow, owner,
                      owner ? OWNER_STATUS_OK : OWNER_STATUS_UNKNOWN);
    if (owner) {
        resolver_notify_gateways(r, sf, &m->flow, owner, src);
    }
}

/* Caches 'owner' for 'f' (replacing what the cache had), and sends it
 * what this host held while it asked. */
static void
learn_owner(struct resolver *r, const struct wan_flow *f, ovs_be32 owner,
            uint8_t how, long long int now)
    OVS_REQUIRES(r->mutex)
{
    uint32_t hash = wan_flow_hash(f);
    struct rentry *q = rentry_find(&r->queries, f, hash);

    /* The held packets first: the flow's next ones, sent from the cache
     * by the forwarding threads, then come after them. */
    if (q) {
        rentry_release(r, q, owner, VP_N_DROP_REASONS);
        rentry_remove(r, &r->queries, q);
    }
    struct rentry *c = rentry_find(&r->cache, f, hash);
    if (c && c->peer == owner) {
        return;
    }
    if (c) {
        rentry_remove(r, &r->cache, c);
    }
    rentry_insert(r, &r->cache, f, hash, owner, how, now);
}

static void
handle_answer(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
              const struct owner_msg *m, long long int now)
{
    uint32_t hash = wan_flow_hash(&m->flow);

    ovs_mutex_lock(&r->mutex);
    struct rentry *q = rentry_find(&r->queries, &m->flow, hash);
    struct rentry *c = rentry_find(&r->cache, &m->flow, hash);
    if (!q && c && c->peer == m->owner && m->status == OWNER_STATUS_OK) {
        /* The helper's notification, prompted by another gateway's
         * question, came first and answered this one. */
        resolver_count(r, RC_ANSWERS, 1);
    } else if (!q || q->peer != src || q->xid != ntohl(m->xid)
        || q->how != OWNER_MSG_QUERY
        || (m->status == OWNER_STATUS_OK
            && !stateful_is_peer(sf, m->owner))) {
        resolver_count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "answer from "IP_FMT" to no question asked of it, "
                     "or naming no vplaned", IP_ARGS(src));
    } else if (m->status == OWNER_STATUS_OK) {
        resolver_count(r, RC_ANSWERS, 1);
        learn_owner(r, &m->flow, m->owner, OWNER_MSG_ANSWER, now);
    } else if (m->status == OWNER_STATUS_UNKNOWN) {
        resolver_count(r, RC_ANSWERS, 1);
        rentry_release(r, q, 0, VP_DROP_OWNER_UNKNOWN);
        rentry_remove(r, &r->queries, q);
    }
    /* NOT_HELPER: the assignment is moving; the retry asks again. */
    ovs_mutex_unlock(&r->mutex);
}

/* The NAT rule the public end of 'f' falls under, as the helper finds it
 * (resolver_answer()), or NULL. */
static const struct vp_nat_rule *
nat_rule_of(const struct vp_stateful *sf, const struct wan_flow *f)
{
    return stateful_nat_in(sf, f->public, f->proto, ntohs(f->public_port));
}

/* Whether host 'owner' may own the SNAT reply 'f': (TCP, UDP) its public
 * port is in the owner's block, where conntrack picks its SNAT ports. */
static bool
snat_port_ok(const struct vp_stateful *sf, ovs_be32 owner,
             const struct wan_flow *f)
{
    uint16_t min, max;

    if (f->proto == IPPROTO_ICMP) {
        return true;            /* Conntrack keeps echo identifiers. */
    }
    return (stateful_port_block(sf, owner, f->public, &min, &max)
            && ntohs(f->public_port) >= min && ntohs(f->public_port) <= max);
}

/* Whether 'owner' may record 'f': the public end is an SNAT address, and
 * (TCP, UDP) its port is in the owner's block. */
static bool
record_allowed(const struct vp_stateful *sf, ovs_be32 owner,
               const struct wan_flow *f)
{
    const struct vp_nat_rule *rule = nat_rule_of(sf, f);

    return rule && rule->type == VP_NAT_SNAT && snat_port_ok(sf, owner, f);
}

/* Whether this host could ask about 'f' and be told 'owner'.  Only a
 * gateway looks owners up (for packets from its uplink), never about its
 * own flows, and only for a public end that a NAT rule maps, whose owner
 * the rule decides just as it does for the helper: a floating IP's or port
 * forward's VM host, or for an SNAT reply a host whose block holds the
 * port.  Anything else would only fill the cache. */
static bool
notify_allowed(const struct resolver *r, const struct vp_stateful *sf,
               ovs_be32 owner, const struct wan_flow *f)
{
    if (!stateful_is_gateway(sf, r->vtep) || owner == r->vtep) {
        return false;
    }
    const struct vp_nat_rule *rule = nat_rule_of(sf, f);
    if (!rule) {
        return false;
    }
    return (rule->type == VP_NAT_SNAT ? snat_port_ok(sf, owner, f)
            : rule->owner == owner);
}

/* Notifications from one helper (resolver.h, RESOLVER_NOTIFY_RATE). */
struct notify_bucket {
    struct hmap_node node;      /* In 'notify_buckets', by 'vtep'. */
    ovs_be32 vtep;
    struct token_bucket tb;
};

/* A token bucket's rate is in tokens per millisecond: a notification
 * costs this many, so that the rate is per second. */
#define NOTIFY_TOKENS 1000

/* Whether one more notification from 'src' fits in its rate.  Buckets
 * exist for listed vplaneds only (receive() drops the others, and
 * forget_buckets() those no longer listed). */
static bool
notify_within_rate(struct resolver *r, ovs_be32 src)
{
    uint32_t hash = hash_int(ntohl(src), 0);
    struct notify_bucket *b;

    HMAP_FOR_EACH_WITH_HASH (b, node, hash, &r->notify_buckets) {
        if (b->vtep == src) {
            return token_bucket_withdraw(&b->tb, NOTIFY_TOKENS);
        }
    }
    b = xmalloc(sizeof *b);
    b->vtep = src;
    token_bucket_init(&b->tb, RESOLVER_NOTIFY_RATE,
                      RESOLVER_NOTIFY_BURST * NOTIFY_TOKENS);
    hmap_insert(&r->notify_buckets, &b->node, hash);
    return token_bucket_withdraw(&b->tb, NOTIFY_TOKENS);
}

/* Drops the buckets of hosts the controller no longer lists. */
static void
forget_buckets(struct resolver *r, const struct vp_stateful *sf)
{
    struct notify_bucket *b;

    HMAP_FOR_EACH_SAFE (b, node, &r->notify_buckets) {
        if (!stateful_is_peer(sf, b->vtep)) {
            hmap_remove(&r->notify_buckets, &b->node);
            free(b);
        }
    }
}

void
resolver_notify_buckets_destroy(struct resolver *r)
{
    struct notify_bucket *b;

    HMAP_FOR_EACH_POP (b, node, &r->notify_buckets) {
        free(b);
    }
    hmap_destroy(&r->notify_buckets);
}

static void
handle_notify(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
              const struct owner_msg *m, long long int now)
{
    if (!notify_allowed(r, sf, m->owner, &m->flow)) {
        resolver_count(r, RC_NOTIFIES_REFUSED, 1);
        if (!VLOG_DROP_WARN(&refused_rl)) {
            struct ds s = DS_EMPTY_INITIALIZER;

            wan_flow_format(&m->flow, &s);
            VLOG_WARN("notification from "IP_FMT" that "IP_FMT" owns %s "
                      "refused: %s", IP_ARGS(src), IP_ARGS(m->owner),
                      ds_cstr(&s), (stateful_is_gateway(sf, r->vtep)
                                    ? "no NAT rule maps it to that owner"
                                    : "this host is no gateway"));
            ds_destroy(&s);
        }
        return;
    }
    if (stateful_helper(sf, wan_flow_subset(sf, &m->flow)) != src
        || !stateful_is_peer(sf, m->owner)) {
        resolver_count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "notification from "IP_FMT", which is not the "
                     "helper of its flow's subset, or naming no vplaned",
                     IP_ARGS(src));
        return;
    }

    /* A notification of a flow this gateway asked about answers it, as an
     * answer would; any other tells of a flow ahead of its packets, and a
     * helper's word for those is taken at a bounded pace. */
    const struct rentry *q = rentry_find(&r->queries, &m->flow,
                                         wan_flow_hash(&m->flow));
    if ((!q || q->peer != src) && !notify_within_rate(r, src)) {
        resolver_count(r, RC_NOTIFIES_RATE_LIMITED, 1);
        VLOG_WARN_RL(&rate_rl, "notifications from "IP_FMT" beyond %d per "
                     "second: dropped", IP_ARGS(src), RESOLVER_NOTIFY_RATE);
        return;
    }
    resolver_count(r, RC_NOTIFIES, 1);
    ovs_mutex_lock(&r->mutex);
    learn_owner(r, &m->flow, m->owner, OWNER_MSG_NOTIFY, now);
    ovs_mutex_unlock(&r->mutex);
}

static void
handle_record(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
              const struct owner_msg *m, long long int now)
{
    uint32_t xid = ntohl(m->xid);
    enum owner_msg_status status;

    if (m->owner != src) {
        resolver_count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "record from "IP_FMT" for another owner "IP_FMT,
                     IP_ARGS(src), IP_ARGS(m->owner));
        return;
    }
    if (stateful_helper(sf, wan_flow_subset(sf, &m->flow)) != r->vtep) {
        status = OWNER_STATUS_NOT_HELPER;
    } else if (!record_allowed(sf, src, &m->flow)) {
        resolver_count(r, RC_RECORDS_REFUSED, 1);
        VLOG_WARN_RL(&rl, "record from "IP_FMT" for no SNAT address, or a "
                     "port outside its block", IP_ARGS(src));
        status = OWNER_STATUS_CONFLICT;
    } else {
        ovs_mutex_lock(&r->mutex);
        status = (resolver_record(r, &m->flow, src, now) ? OWNER_STATUS_OK
                  : OWNER_STATUS_CONFLICT);
        ovs_mutex_unlock(&r->mutex);
    }
    resolver_send_msg(r, src, OWNER_MSG_RECORD_ACK, xid, &m->flow, src,
                      status);
}

static void
handle_record_ack(struct resolver *r, ovs_be32 src, const struct owner_msg *m)
{
    uint32_t hash = wan_flow_hash(&m->flow);

    ovs_mutex_lock(&r->mutex);
    struct rentry *e = rentry_find(&r->mine, &m->flow, hash);
    bool ready = false;
    if (e) {
        atomic_read_relaxed(&e->ready, &ready);
    }
    if (!e || e->peer != src || e->xid != ntohl(m->xid)) {
        resolver_count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "record acknowledgement from "IP_FMT" for no "
                     "record sent to it", IP_ARGS(src));
    } else if (m->status == OWNER_STATUS_OK) {
        if (!ready) {
            /* The held packets first: the connection's next ones, sent
             * by the forwarding threads once it is ready, come after. */
            resolver_count(r, RC_RECORDS_ACKED, 1);
            rentry_release(r, e, 0, VP_N_DROP_REASONS);
            atomic_store_relaxed(&e->ready, true);
        }
        rentry_stop_pending(r, e);
    } else if (m->status == OWNER_STATUS_CONFLICT) {
        struct ds s = DS_EMPTY_INITIALIZER;
        wan_flow_format(&m->flow, &s);
        VLOG_WARN_RL(&rl, "helper "IP_FMT" has another owner for %s",
                     IP_ARGS(src), ds_cstr(&s));
        ds_destroy(&s);
        rentry_release(r, e, 0, VP_DROP_OWNER_MISMATCH);
        rentry_remove(r, &r->mine, e);
    }
    ovs_mutex_unlock(&r->mutex);
}

/* Gateway liveness (gwlive.h): a gateway answers every vplaned's probes;
 * a host that is none refuses them, so that a host the controller has not
 * yet made a gateway (or has unmade) is not used as one. */
static void
handle_probe(struct resolver *r, const struct vp_stateful *sf, ovs_be32 src,
             const struct owner_msg *m)
{
    if (!stateful_is_gateway(sf, r->vtep)) {
        gwlive_count_answered(r->gwlive, true);
        VLOG_WARN_RL(&rl, "probe from "IP_FMT" not answered: this host is "
                     "no gateway", IP_ARGS(src));
        return;
    }
    gwlive_count_answered(r->gwlive, false);
    resolver_send_msg(r, src, OWNER_MSG_PROBE_REPLY, ntohl(m->xid), NULL, 0,
                      OWNER_STATUS_OK);
}

static void
handle_probe_reply(struct resolver *r, ovs_be32 src,
                   const struct owner_msg *m, long long int now)
{
    if (!gwlive_reply(r->gwlive, src, ntohl(m->xid), now)) {
        resolver_count(r, RC_BAD_UNEXPECTED, 1);
        VLOG_WARN_RL(&rl, "probe reply from "IP_FMT" to no probe in flight "
                     "(late, repeated, or from no gateway)", IP_ARGS(src));
    }
}

static void
send_probe(ovs_be32 gateway, uint32_t xid, void *r_)
{
    struct resolver *r = r_;

    resolver_send_msg(r, gateway, OWNER_MSG_PROBE, xid, NULL, 0,
                      OWNER_STATUS_OK);
}

/* Probes the gateways, and hashes WAN flows over those alive. */
static void
run_gateway_probes(struct resolver *r, long long int now)
{
    if (gwlive_run(r->gwlive, now, send_probe, r)) {
        ovs_be32 *down;
        size_t n = gwlive_down(r->gwlive, &down);
        stateful_set_gateways_down(r->tables, down, n);
        free(down);
    }
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
            resolver_count(r, RC_BAD_NOT_PEER, 1);
            VLOG_WARN_RL(&rl, "dropped a message from "IP_FMT", which is no "
                         "vplaned of the deployment", IP_ARGS(src));
            continue;
        }
        const char *error = owner_msg_check(buf, n);
        if (error) {
            resolver_count(r, RC_BAD_MALFORMED, 1);
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
            handle_answer(r, sf, src, m, now);
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
        case OWNER_MSG_PROBE:
            handle_probe(r, sf, src, m);
            break;
        case OWNER_MSG_PROBE_REPLY:
            handle_probe_reply(r, src, m, now);
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
        bool is_query = rentry_find(&r->queries, &e->flow,
                                    wan_flow_hash(&e->flow)) == e;
        bool ready;
        atomic_read_relaxed(&e->ready, &ready);
        if (is_query && e->how == OWNER_MSG_NOTIFY) {
            /* Forward mode, no notification in time: what waited goes to
             * the helper too, which sends it on. */
            resolver_count(r, RC_TO_HELPER, e->n_held);
            rentry_release(r, e, e->peer, VP_N_DROP_REASONS);
            rentry_remove(r, &r->queries, e);
        } else if (e->tries < RESOLVER_TRIES) {
            e->tries++;
            e->deadline = now + RESOLVER_RETRY_MSEC;
            resolver_count(r, RC_RETRIES, 1);
            if (is_query) {
                resolver_send_msg(r, e->peer, OWNER_MSG_QUERY, e->xid,
                                  &e->flow, 0, OWNER_STATUS_OK);
            } else {
                resolver_send_msg(r, e->peer, OWNER_MSG_RECORD, e->xid,
                                  &e->flow, r->vtep, OWNER_STATUS_OK);
            }
        } else if (ready) {
            /* A record repeated to a subset's new helper: the next
             * repeat tries again; the connection is not affected. */
            rentry_stop_pending(r, e);
        } else {
            rentry_release(r, e, 0, VP_DROP_OWNER_TIMEOUT);
            rentry_remove(r, is_query ? &r->queries : &r->mine, e);
        }
    }
    ovs_mutex_unlock(&r->mutex);
}

/* The WAN flow of a connection's replies, from its reply tuple; false if
 * it cannot be one (not IPv4). */
static bool
wan_flow_from_reply(const struct ct_dpif_tuple *t, struct wan_flow *f)
{
    if (t->l3_type != AF_INET) {
        return false;
    }
    memset(f, 0, sizeof *f);
    f->remote = t->src.ip;
    f->public = t->dst.ip;
    f->proto = t->ip_proto;
    if (t->ip_proto == IPPROTO_ICMP) {
        f->remote_port = f->public_port = t->icmp_id;
    } else {
        f->remote_port = t->src_port;
        f->public_port = t->dst_port;
    }
    return true;
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
        struct wan_flow f;
        if (wan_flow_from_reply(&entry.tuple_reply, &f)) {
            struct rentry *m = rentry_find(&r->mine, &f, wan_flow_hash(&f));
            if (m) {
                m->alive_gen = r->alive_gen;
            }
        }
        ct_dpif_entry_uninit(&entry);
    }
    conntrack_dump_done(&dump);
}

void
resolver_forget_connection(struct resolver *r,
                           const struct ct_dpif_tuple *reply)
{
    struct wan_flow f;

    if (!wan_flow_from_reply(reply, &f)) {
        return;
    }
    ovs_mutex_lock(&r->mutex);
    struct rentry *m = rentry_find(&r->mine, &f, wan_flow_hash(&f));
    if (m) {
        /* Its first packets may still wait for the helper's answer. */
        rentry_release(r, m, 0, VP_DROP_OWNER_MISMATCH);
        rentry_remove(r, &r->mine, m);
    }
    ovs_mutex_unlock(&r->mutex);
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
        long long int used;
        atomic_read_relaxed(&e->used, &used);
        if (e->alive_gen != r->alive_gen
            && now - e->created > RESOLVER_RECORD_REFRESH_MSEC
            && now - used > RESOLVER_RECORD_REFRESH_MSEC) {
            /* Conntrack no longer has it (the dump may miss a connection
             * made while it ran: hence only entries neither new nor
             * recently used).  The helper forgets it in turn. */
            rentry_remove(r, &r->mine, e);
            continue;
        }
        ovs_be32 helper = stateful_helper(sf, wan_flow_subset(sf, &e->flow));
        bool moved = helper != e->peer;
        if (!all && !moved) {
            continue;
        }
        e->peer = helper;
        e->refreshed = now;
        if (helper == r->vtep || !helper) {
            rentry_stop_pending(r, e);
        }
        if (helper == r->vtep) {
            resolver_record(r, &e->flow, r->vtep, now);
        } else if (helper) {
            e->xid = random_uint32();
            resolver_count(r, RC_RECORDS_SENT, 1);
            resolver_send_msg(r, helper, OWNER_MSG_RECORD, e->xid, &e->flow,
                              r->vtep, OWNER_STATUS_OK);
            if (moved) {
                /* The new helper must learn it before the gateways ask:
                 * repeated until it acknowledges. */
                rentry_stop_pending(r, e);
                rentry_start_pending(r, e, now);
            }
        }
    }
    ovs_mutex_unlock(&r->mutex);
}

/* Gives the memory of many entries just removed back to the system,
 * where the allocator allows: once the postponed frees (rentry_remove(),
 * the cmap's smaller copies) have run, which is why it is postponed
 * after them (one thread's postponed calls run in order).  A flood of
 * owners, gone, should not leave the daemon tens of MB larger. */
static void
trim_memory(struct resolver *r OVS_UNUSED)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void
trim_after(struct resolver *r, size_t n_removed)
{
    if (n_removed >= RESOLVER_TRIM_MIN) {
        ovsrcu_postpone(trim_memory, r);
    }
}

/* Forgets cached owners not used for a while and records not repeated. */
static void
expire(struct resolver *r, long long int now)
{
    size_t n_removed = 0;
    struct rentry *e;

    ovs_mutex_lock(&r->mutex);
    CMAP_FOR_EACH (e, node, &r->cache) {
        long long int used;
        atomic_read_relaxed(&e->used, &used);
        if (now - used > RESOLVER_CACHE_IDLE_MSEC) {
            rentry_remove(r, &r->cache, e);
            n_removed++;
        }
    }
    CMAP_FOR_EACH (e, node, &r->records) {
        if (now - e->refreshed > 3 * RESOLVER_RECORD_REFRESH_MSEC) {
            rentry_remove(r, &r->records, e);
            n_removed++;
        }
    }
    ovs_mutex_unlock(&r->mutex);
    trim_after(r, n_removed);
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
    if (sf->seqno != r->sf_seqno) {
        r->sf_seqno = sf->seqno;
        if (sf->nat_owners != r->nat_owners) {
            /* A floating IP or port forward has a new owner: owners
             * cached from the old rules may be stale.  (A subset moving
             * changes no owner: an SNAT connection's is its VM's host.) */
            struct rentry *e;
            size_t n = cmap_count(&r->cache);
            r->nat_owners = sf->nat_owners;
            ovs_mutex_lock(&r->mutex);
            CMAP_FOR_EACH (e, node, &r->cache) {
                rentry_remove(r, &r->cache, e);
            }
            ovs_mutex_unlock(&r->mutex);
            trim_after(r, n);
        }
        forget_buckets(r, sf);
        gwlive_set_gateways(r->gwlive, sf, now);
        if (helpers_changed(r, sf)) {
            /* Records go to the new helpers now. */
            refresh_records(r, sf, now, false);
        }
    }
    receive(r, sf, now);
    run_gateway_probes(r, time_msec());
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
    gwlive_wait(r->gwlive);
    poll_fd_wait(r->fd, POLLIN);
    seq_wait(r->wake, r->seq_seen);
}
