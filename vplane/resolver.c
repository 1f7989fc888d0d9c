/* vplane/resolver.c: see resolver.h -- the resolver's tables
 * (resolver-private.h), and what forwarding threads do per packet;
 * resolver-run.c is the main thread's side. */
#include <config.h>
#include "resolver-private.h"

#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "conntrack.h"
#include "ct-dpif.h"
#include "dp-packet.h"
#include "drop-log.h"
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
#include "udp-bind.h"
#include "util.h"
#include "vxlan.h"
#include "xlate.h"

VLOG_DEFINE_THIS_MODULE(resolver);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
resolver_count(struct resolver *r, enum resolver_counter c, uint64_t n)
{
    atomic_add_relaxed(&r->counters[c], n, &(uint64_t) { 0 });
}

void
resolver_count_drop(struct resolver *r, enum vp_drop_reason reason, uint64_t n)
{
    atomic_add_relaxed(&r->drops[reason], n, &(uint64_t) { 0 });
}

uint64_t
resolver_read_counter(const atomic_uint64_t *c)
{
    uint64_t v;
    atomic_read_relaxed(CONST_CAST(atomic_uint64_t *, c), &v);
    return v;
}

int
resolver_create(struct vp_tables *tables, struct conntrack *ct,
                ovs_be32 vtep, uint16_t owner_port, uint16_t vxlan_port,
                const struct gwlive_options *gw_probe, struct resolver **rp)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int pmtu = IP_PMTUDISC_DO;

    *rp = NULL;
    if (fd < 0) {
        return errno;
    }
    /* Room for a burst of record repeats (resolver-run.c). */
    int rcvbuf = 4 * 1024 * 1024;
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf)) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    }
    if (setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof pmtu)
        || set_nonblocking(fd)) {
        int error = errno;
        close(fd);
        return error;
    }
    int error = udp_bind(fd, vtep, owner_port, "owner-message");
    if (error) {
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
    hmap_init(&r->notify_buckets);
    r->wake = seq_create();
    r->seq_seen = seq_read(r->wake);
    r->gwlive = gwlive_create(gw_probe, vtep);
    *rp = r;
    return 0;
}

const struct gwlive *
resolver_gwlive(const struct resolver *r)
{
    return r->gwlive;
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
    resolver_notify_buckets_destroy(r);
    seq_destroy(r->wake);
    ovs_mutex_destroy(&r->mutex);
    udp_close(r->fd);
    free(r->helpers);
    gwlive_destroy(r->gwlive);
    free(r);
}

struct rentry *
rentry_find(const struct cmap *map, const struct wan_flow *f, uint32_t hash)
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

/* Adds an entry for 'f' to 'map', complete before readers can see it. */
struct rentry *
rentry_insert(struct resolver *r, struct cmap *map,
              const struct wan_flow *f, uint32_t hash, ovs_be32 peer,
              uint8_t how, long long int now)
    OVS_REQUIRES(r->mutex)
{
    if ((map == &r->cache && cmap_count(map) >= RESOLVER_MAX_CACHE)
        || (map == &r->records && cmap_count(map) >= RESOLVER_MAX_RECORDS)) {
        resolver_count(r, (map == &r->cache ? RC_CACHE_FULL
                           : RC_RECORDS_REFUSED), 1);
        return NULL;
    }

    struct rentry *e = xzalloc(sizeof *e);

    e->flow = *f;
    e->peer = peer;
    e->how = how;
    atomic_init(&e->ready, false);
    atomic_init(&e->used, now);
    e->created = e->refreshed = now;
    cmap_insert(map, &e->node, hash);
    return e;
}

/* Starts waiting for an answer to what was just sent about 'e'. */
void
rentry_start_pending(struct resolver *r, struct rentry *e, long long int now)
    OVS_REQUIRES(r->mutex)
{
    e->tries = 1;
    e->deadline = now + RESOLVER_RETRY_MSEC;
    ovs_list_push_back(&r->pending, &e->pending_node);
}

void
rentry_stop_pending(struct resolver *r OVS_UNUSED, struct rentry *e)
    OVS_REQUIRES(r->mutex)
{
    if (e->tries) {
        ovs_list_remove(&e->pending_node);
        e->tries = 0;
    }
}

void
rentry_remove(struct resolver *r OVS_UNUSED, struct cmap *map,
              struct rentry *e)
    OVS_REQUIRES(r->mutex)
{
    cmap_remove(map, &e->node, wan_flow_hash(&e->flow));
    rentry_stop_pending(r, e);
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

uint32_t
wan_flow_subset(const struct vp_stateful *sf, const struct wan_flow *f)
{
    return stateful_subset(sf, f->public, f->proto, ntohs(f->public_port));
}

/* What this host, as helper, knows of the owner of 'f' (0: nothing): the
 * VM's host for a floating IP or port forward, else a record. */
ovs_be32
resolver_answer(const struct resolver *r, const struct vp_stateful *sf,
                const struct wan_flow *f)
{
    const struct vp_nat_rule *rule = stateful_nat_in(sf, f->public, f->proto,
                                                     ntohs(f->public_port));
    if (rule && rule->type != VP_NAT_SNAT) {
        return rule->owner;
    }
    const struct rentry *e = rentry_find(&r->records, f, wan_flow_hash(f));
    return e ? e->peer : 0;
}

void
resolver_send_msg(struct resolver *r, ovs_be32 to, enum owner_msg_type type,
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
        resolver_count_drop(r, VP_DROP_TX_ERROR, 1);
    } else {
        resolver_count(r, RC_HELD_SENT, 1);
    }
    dp_packet_delete(pkt);
}

/* Sends (to 'owner', or each to its own VTEP if 'owner' is 0) or drops
 * (for 'reason') what 'e' holds.  Called with the mutex held; sending
 * under it is short and rare (answers). */
void
rentry_release(struct resolver *r, struct rentry *e, ovs_be32 owner,
               enum vp_drop_reason reason)
    OVS_REQUIRES(r->mutex)
{
    for (size_t i = 0; i < e->n_held; i++) {
        struct held *h = &e->held[i];
        if (reason != VP_N_DROP_REASONS) {
            drop_log_record(h->pkt, DROP_LOG_RESOLVER_PORT, h->vni, reason);
            dp_packet_delete(h->pkt);
        } else {
            send_frame(r, h->pkt, owner ? owner : h->vtep, h->vni);
        }
    }
    if (reason != VP_N_DROP_REASONS && e->n_held) {
        resolver_count_drop(r, reason, e->n_held);
    }
    r->n_held -= e->n_held;
    e->n_held = 0;
    free(e->held);
    e->held = NULL;
}

/* Tells the gateways (all but 'except', this host and those found dead)
 * that 'owner' owns 'f': the helper is consulted for a flow's first packet
 * only, whichever gateway the next ones reach.  A gateway accepts it only
 * from the flow's helper, for a flow a NAT rule maps to 'owner', at a
 * bounded rate (resolver-run.c). */
void
resolver_notify_gateways(struct resolver *r, const struct vp_stateful *sf,
                         const struct wan_flow *f, ovs_be32 owner,
                         ovs_be32 except)
{
    for (size_t i = 0; i < sf->n_gateways; i++) {
        ovs_be32 gw = sf->gateways[i];
        if (gw != r->vtep && gw != except && gw != owner
            && stateful_gateway_is_live(sf, gw)) {
            resolver_count(r, RC_NOTIFIES_SENT, 1);
            resolver_send_msg(r, gw, OWNER_MSG_NOTIFY, 0, f, owner,
                              OWNER_STATUS_OK);
        }
    }
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
    /* Whether this host may hold the connection of an SNAT reply. */
    bool snat_reply = (act->type != VP_ACT_RESOLVE
                       && act->ct.nat == VP_CT_NAT_REPLY);

    *entry = NULL;
    /* This host runs it if it can: the VM of the floating IP or port
     * forward is here (the decision says so), or this host made the SNAT
     * connection the packet replies to. */
    if (act->type != VP_ACT_RESOLVE) {
        if (!snat_reply) {
            return LOOKUP_OWNER;
        }
        struct rentry *m = rentry_find(&r->mine, f, hash);
        bool ready = false;
        if (m) {
            atomic_read_relaxed(&m->ready, &ready);
        }
        if (ready) {
            *entry = m;
            return LOOKUP_OWNER;
        }
    }

    /* The cache serves what comes from the WAN only: a frame from the
     * fabric is sent on by the helper alone, so no two stale caches can
     * bounce it between them. */
    struct rentry *c = from_uplink ? rentry_find(&r->cache, f, hash) : NULL;
    if (c && c->peer != r->vtep) {
        *entry = c;
        *to = c->peer;
        return LOOKUP_CACHE;
    }

    ovs_be32 helper = stateful_helper(sf, wan_flow_subset(sf, f));
    if (helper == r->vtep) {
        ovs_be32 owner = resolver_answer(r, sf, f);
        if (owner && owner != r->vtep) {
            *to = owner;
            return LOOKUP_HELPER;
        }
    }
    if (!from_uplink || helper == r->vtep) {
        if (snat_reply) {
            /* Sent here as the owner (or this host is the helper and names
             * itself), yet no record says so: conntrack decides.  A reply
             * of a connection this host made is delivered; anything else
             * is new and dropped as no-nat. */
            return LOOKUP_OWNER;
        }
        *reason = (helper == r->vtep ? VP_DROP_OWNER_UNKNOWN
                   : VP_DROP_OWNER_MISMATCH);
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
    enum lookup_how how = lookup(r, sf, &f, hash, act, from_uplink, to,
                                 reason, &e);
    switch (how) {
    case LOOKUP_OWNER:
        if (e) {
            touch(e, now);
        }
        return RESOLVER_HERE;
    case LOOKUP_CACHE:
        touch(e, now);
        resolver_count(r, RC_CACHE_HITS, 1);
        return RESOLVER_SEND;
    case LOOKUP_HELPER:
        if (!from_uplink) {
            /* Forward mode: tell the gateways where the flow goes (the
             * one that sent this, and the others, which its next packets
             * may reach). */
            resolver_count(r, RC_HELPER_RELAYED, 1);
            resolver_notify_gateways(r, sf, &f, *to, 0);
        } else {
            /* From the WAN to this gateway, which helps the subset: the
             * other gateways learn the owner now, and this one caches it
             * so that it tells them only once. */
            ovs_mutex_lock(&r->mutex);
            if (!rentry_find(&r->cache, &f, hash)
                && rentry_insert(r, &r->cache, &f, hash, *to,
                                 OWNER_MSG_ANSWER, now)) {
                resolver_notify_gateways(r, sf, &f, *to, r->vtep);
            }
            ovs_mutex_unlock(&r->mutex);
        }
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
    case LOOKUP_FORWARD:
    case LOOKUP_QUERY:
        break;
    }

    /* Ask the helper -- forward mode: with this packet, holding the next
     * ones until the notification comes; query mode: with a query, holding
     * this one too -- once per flow. */
    bool query = how == LOOKUP_QUERY;
    if (dp_packet_hwol_is_tso(pkt)) {
        /* A TCP superframe is cut to size only by the fabric sockets, not
         * by the held packets' path: it goes to the helper as it is (any
         * helper sends on what it gets). */
        resolver_count(r, RC_TO_HELPER, 1);
        return RESOLVER_SEND;
    }
    ovs_be32 helper = *to;
    enum resolver_verdict v = RESOLVER_HELD;
    bool added = false;
    ovs_mutex_lock(&r->mutex);
    struct rentry *q = rentry_find(&r->queries, &f, hash);
    struct rentry *c = rentry_find(&r->cache, &f, hash);
    if (c && c->peer != r->vtep) {
        /* Learnt since the lookup. */
        *to = c->peer;
        resolver_count(r, RC_CACHE_HITS, 1);
        v = RESOLVER_SEND;
    } else if (q) {
        if (!hold(r, q, pkt, 0, sf->wan_vni | VP_VNI_OWNER)) {
            *reason = VP_DROP_OWNER_QUEUE_FULL;
            v = RESOLVER_DROP;
        }
    } else if (r->n_held >= RESOLVER_HOLD_MAX
               || cmap_count(&r->queries) >= RESOLVER_HOLD_MAX) {
        if (query) {
            *reason = VP_DROP_OWNER_QUEUE_FULL;
            v = RESOLVER_DROP;
        } else {
            resolver_count(r, RC_TO_HELPER, 1);
            v = RESOLVER_SEND;
        }
    } else {
        q = rentry_insert(r, &r->queries, &f, hash, helper,
                          query ? OWNER_MSG_QUERY : OWNER_MSG_NOTIFY, now);
        rentry_start_pending(r, q, now);
        added = true;
        if (query) {
            q->xid = random_uint32();
            resolver_send_msg(r, helper, OWNER_MSG_QUERY, q->xid, &f, 0,
                              OWNER_STATUS_OK);
            resolver_count(r, RC_QUERIES_SENT, 1);
            if (!hold(r, q, pkt, 0, sf->wan_vni | VP_VNI_OWNER)) {
                *reason = VP_DROP_OWNER_QUEUE_FULL;
                v = RESOLVER_DROP;
            }
        } else {
            resolver_count(r, RC_TO_HELPER, 1);
            v = RESOLVER_SEND;
        }
    }
    ovs_mutex_unlock(&r->mutex);
    if (added) {
        seq_change(r->wake);
    }
    return v;
}

enum resolver_verdict
resolver_trace(const struct resolver *r, const struct vp_stateful *sf,
               const struct vp_flow_key *key, const struct vp_action *act,
               bool from_uplink, enum vp_drop_reason *reason, struct ds *s)
{
    enum resolver_verdict v = RESOLVER_SEND;
    ovs_be32 to = 0;
    struct rentry *e;
    struct wan_flow f;

    flow_from_key(key, &f);
    uint32_t subset = wan_flow_subset(sf, &f);
    ds_put_format(s, "  resolve: WAN flow ");
    wan_flow_format(&f, s);
    ds_put_format(s, ", subset %"PRIu32" (helper "IP_FMT")\n", subset,
                  IP_ARGS(stateful_helper(sf, subset)));
    *reason = VP_N_DROP_REASONS;
    switch (lookup(r, sf, &f, wan_flow_hash(&f), act, from_uplink, &to,
                   reason, &e)) {
    case LOOKUP_OWNER:
        ds_put_format(s, "  resolve: this host owns it%s: run it here\n",
                      e ? " (its SNAT record)" : "");
        v = RESOLVER_HERE;
        break;
    case LOOKUP_CACHE:
        ds_put_format(s, "  resolve: cached owner "IP_FMT" (by %s)\n",
                      IP_ARGS(to), e->how == OWNER_MSG_NOTIFY ? "notify"
                      : "answer");
        break;
    case LOOKUP_HELPER:
        ds_put_format(s, "  resolve: this host is the helper: owner "IP_FMT
                      ", and notify the gateways\n", IP_ARGS(to));
        break;
    case LOOKUP_FORWARD:
        ds_put_format(s, "  resolve: forward mode: send it to the helper "
                      IP_FMT" (the flow's next packets wait for its "
                      "notification)\n", IP_ARGS(to));
        break;
    case LOOKUP_QUERY:
        ds_put_format(s, "  resolve: query mode: hold it, ask the helper "
                      IP_FMT"\n", IP_ARGS(to));
        v = RESOLVER_HELD;
        break;
    case LOOKUP_DROP:
        ds_put_format(s, "  resolve: drop: %s (%s)\n",
                      vp_drop_reason_name(*reason),
                      vp_drop_reason_help(*reason));
        v = RESOLVER_DROP;
        break;
    }
    return v;
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
        if (icmp->icmp_type != ICMP4_ECHO_REQUEST) {
            return false;
        }
        f->remote_port = f->public_port = icmp->icmp_fields.echo.id;
    } else {
        return false;
    }
    return true;
}

/* Records 'owner' for 'f' as this host's own record (helper side); false
 * if another live owner holds it. */
bool
resolver_record(struct resolver *r, const struct wan_flow *f, ovs_be32 owner,
                long long int now)
    OVS_REQUIRES(r->mutex)
{
    uint32_t hash = wan_flow_hash(f);
    struct rentry *e = rentry_find(&r->records, f, hash);

    if (e && e->peer != owner) {
        if (now - e->refreshed < 3 * RESOLVER_RECORD_REFRESH_MSEC) {
            resolver_count(r, RC_RECORD_CONFLICTS, 1);
            return false;
        }
        rentry_remove(r, &r->records, e);
        e = NULL;
    }
    if (!e) {
        e = rentry_insert(r, &r->records, f, hash, owner, 0, now);
        if (!e) {
            return false;
        }
    }
    e->refreshed = now;
    resolver_count(r, RC_RECORDS_HELD, 1);
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
        return RESOLVER_HERE;   /* Nothing the WAN can start a reply to. */
    }
    uint32_t hash = wan_flow_hash(&f);
    struct rentry *m = rentry_find(&r->mine, &f, hash);
    bool ready = false;
    if (m) {
        atomic_read_relaxed(&m->ready, &ready);
    }
    if (ready) {
        touch(m, now);
        return RESOLVER_HERE;
    }

    ovs_be32 helper = stateful_helper(sf, wan_flow_subset(sf, &f));
    if (!helper) {
        *reason = VP_DROP_OWNER_UNKNOWN;
        return RESOLVER_DROP;
    }
    if (dp_packet_hwol_is_tso(pkt) && helper != r->vtep) {
        /* Held packets go out whole: a superframe cannot wait for the
         * record (the VM sends it again). */
        *reason = VP_DROP_GSO_UNSUPPORTED;
        return RESOLVER_DROP;
    }

    enum resolver_verdict v = RESOLVER_HELD;
    bool added = false;
    ovs_mutex_lock(&r->mutex);
    m = rentry_find(&r->mine, &f, hash);
    if (m) {
        atomic_read_relaxed(&m->ready, &ready);
    }
    if (ready) {
        v = RESOLVER_HERE;
    } else if (!m && helper == r->vtep) {
        /* This host is the reply's helper too: no message needed. */
        if (resolver_record(r, &f, r->vtep, now)) {
            m = rentry_insert(r, &r->mine, &f, hash, helper, 0, now);
            atomic_store_relaxed(&m->ready, true);
            v = RESOLVER_HERE;
        } else {
            *reason = VP_DROP_OWNER_MISMATCH;
            v = RESOLVER_DROP;
        }
    } else {
        if (!m && r->n_held < RESOLVER_HOLD_MAX) {
            m = rentry_insert(r, &r->mine, &f, hash, helper, 0, now);
            m->xid = random_uint32();
            rentry_start_pending(r, m, now);
            resolver_send_msg(r, helper, OWNER_MSG_RECORD, m->xid, &f, r->vtep,
                              OWNER_STATUS_OK);
            resolver_count(r, RC_RECORDS_SENT, 1);
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
