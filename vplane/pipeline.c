/* vplane/pipeline.c: the per-packet path (see pipeline.h for the stages)
 * up to the decision: counting a batch in, VXLAN decapsulation, the flow
 * key, the flow cache or on a miss the slow path, and a VM's UDP
 * superframes cut into datagrams; also the pipeline's setup, and
 * pipeline_drop(), which both halves use.
 *
 * What happens to a packet after its decision -- routing, conntrack, the
 * resolver, ICMP errors, ARP and echo answers, flooding, and the output
 * queues -- is in pipeline-actions.c. */
#include <config.h>
#include "pipeline.h"
#include "pipeline-private.h"

#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "flow-cache.h"
#include "flow-key.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "drop-log.h"
#include "port.h"
#include "port-socket.h"
#include "stats.h"
#include "tables.h"
#include "tso.h"
#include "userspace-tso.h"
#include "vxlan.h"
#include "xlate.h"

VLOG_DEFINE_THIS_MODULE(pipeline);

/* Log lines about dropped flows and frames: a flood of bad input must not
 * flood the log.  A flow is logged once, when its drop is decided. */
static struct vlog_rate_limit drop_rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
pipeline_init(struct pipeline *p, struct vp_tables *tables,
              struct fabric_sock *fabric, struct flow_cache *cache,
              struct vp_thread_stats *stats, const atomic_int *fabric_mtu,
              const struct pipeline_shared *shared)
{
    memset(p, 0, sizeof *p);
    p->shared = *shared;
    p->tables = tables;
    p->fabric = fabric;
    p->cache = cache;
    p->stats = stats;
    p->fabric_mtu = fabric_mtu;
    p->coalesce = userspace_tso_enabled();
    p->icmp_tb = xmalloc(VP_MAX_PORTS * sizeof *p->icmp_tb);
    for (size_t i = 0; i < VP_MAX_PORTS; i++) {
        token_bucket_init(&p->icmp_tb[i], 1, 100 * ICMP_TOKENS_PER_MSG);
    }
}

void
pipeline_uninit(struct pipeline *p)
{
    for (size_t i = 0; i < p->n_tx; i++) {
        dp_packet_delete_batch(&p->tx[i].batch, true);
    }
    for (size_t i = 0; i < p->fq.n; i++) {
        dp_packet_delete(p->fq.pkts[i]);
    }
    free(p->icmp_tb);
}

void
pipeline_start(struct pipeline *p, long long int now)
{
    p->gen = tables_gen(p->tables);
    p->now = now;
    atomic_read_relaxed(CONST_CAST(atomic_int *, p->fabric_mtu), &p->mtu);
}

void
pipeline_drop(struct pipeline *p, struct dp_packet *pkt,
              unsigned int port_id, enum vp_drop_reason reason)
{
    vp_counter_add(&pipeline_counters(p, port_id)->drops[reason], 1);
    drop_log_record(pkt, port_id, p->vni, reason);
    dp_packet_delete(pkt);
}

/* A VM's UDP superframe (UDP segmentation offload): Open vSwitch 3.1 does
 * not mark it, so the segment size comes from its virtio-net header.  Each
 * segment then goes its way as an ordinary datagram. */
static bool
execute_udp_gso(struct pipeline *p, struct dp_packet *pkt,
                const struct vp_flow_key *key, const struct vp_action *act,
                struct vp_port *in)
{
    uint16_t gso_size;
    int mtu;

    atomic_read_relaxed(&in->mtu, &mtu);
    if (dp_packet_size(pkt) <= mtu + ETH_HEADER_LEN
        || !dp_packet_hwol_l4_is_udp(pkt)
        || !port_socket_udp_gso_size(pkt, &gso_size)) {
        return false;
    }

    struct dp_packet *segs[TSO_MAX_UDP_SEGS];
    size_t n = tso_segment_udp(pkt, gso_size, segs, ARRAY_SIZE(segs));
    if (!n) {
        pipeline_drop(p, pkt, in->id, VP_DROP_GSO_UNSUPPORTED);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        pipeline_execute(p, segs[i], key, act, in, in->id);
    }
    dp_packet_delete(pkt);
    return true;
}

/* Parses, looks up or decides, and acts on one packet. */
static void
process_packet(struct pipeline *p, struct dp_packet *pkt, struct vp_port *in,
               uint32_t vni, ovs_be32 outer_src, uint64_t *n_fast)
{
    unsigned int in_id = in ? in->id : VP_FABRIC_PORT_ID;
    struct vp_flow_key key;
    enum vp_drop_reason reason;

    p->vni = in ? (in->vnet ? in->vnet->vni : 0) : vni;

    reason = vp_flow_key_extract(pkt, in_id, vni, outer_src, &key);
    if (reason != VP_N_DROP_REASONS) {
        VLOG_WARN_RL(&drop_rl, "%s: dropped a %"PRIu32"-byte frame: %s",
                     in ? in->name : "fabric", dp_packet_size(pkt),
                     vp_drop_reason_name(reason));
        pipeline_drop(p, pkt, in_id, reason);
        return;
    }

    uint32_t hash = vp_flow_key_hash(&key);
    struct flow_cache_entry *e = flow_cache_lookup(p->cache, &key, hash,
                                                   p->gen);
    if (e) {
        (*n_fast)++;
    } else {
        struct vp_action act;

        vp_counter_add(&p->stats->slow_path, 1);
        xlate_decide(p->tables, &key, in, &act, NULL);
        e = flow_cache_insert(p->cache, &key, hash, p->gen, &act, p->now);
        if (act.type == VP_ACT_DROP && !VLOG_DROP_INFO(&drop_rl)) {
            struct ds s = DS_EMPTY_INITIALIZER;
            vp_flow_key_format(&key, &s);
            VLOG_INFO("%s: dropping flow %s: %s", in ? in->name : "fabric",
                      ds_cstr(&s), vp_drop_reason_name(act.drop_reason));
            ds_destroy(&s);
        }
    }
    e->packets++;
    e->bytes += dp_packet_size(pkt);
    e->used = p->now;
    if (!in || !execute_udp_gso(p, pkt, &key, &e->action, in)) {
        pipeline_execute(p, pkt, &key, &e->action, in, in_id);
    }
}

static uint64_t
batch_bytes(const struct dp_packet_batch *batch)
{
    const struct dp_packet *pkt;
    uint64_t bytes = 0;

    DP_PACKET_BATCH_FOR_EACH (i, pkt, batch) {
        bytes += dp_packet_size(pkt);
    }
    return bytes;
}

void
pipeline_process_port(struct pipeline *p, struct vp_port *in,
                      struct dp_packet_batch *batch)
{
    struct vp_port_counters_live *c = pipeline_counters(p, in->id);
    struct dp_packet *pkt;
    uint64_t n_fast = 0;

    vp_counter_add(&c->rx_packets, dp_packet_batch_size(batch));
    vp_counter_add(&c->rx_bytes, batch_bytes(batch));
    DP_PACKET_BATCH_FOR_EACH (i, pkt, batch) {
        process_packet(p, pkt, in, 0, 0, &n_fast);
    }
    vp_counter_add(&p->stats->fast_path, n_fast);
}

void
pipeline_process_fabric(struct pipeline *p, struct dp_packet_batch *batch,
                        const ovs_be32 srcs[])
{
    struct vp_port_counters_live *c = pipeline_counters(p, VP_FABRIC_PORT_ID);
    struct dp_packet *pkt;
    uint64_t n_fast = 0;

    vp_counter_add(&c->rx_packets, dp_packet_batch_size(batch));
    vp_counter_add(&c->rx_bytes, batch_bytes(batch));
    DP_PACKET_BATCH_FOR_EACH (i, pkt, batch) {
        enum vp_drop_reason reason;
        uint32_t vni;

        reason = vxlan_decap(pkt, &vni);
        if (reason != VP_N_DROP_REASONS) {
            VLOG_WARN_RL(&drop_rl, "dropped VXLAN datagram from "IP_FMT": %s",
                         IP_ARGS(srcs[i]), vp_drop_reason_name(reason));
            p->vni = 0;
            pipeline_drop(p, pkt, VP_FABRIC_PORT_ID, reason);
            continue;
        }
        process_packet(p, pkt, NULL, vni, srcs[i], &n_fast);
    }
    vp_counter_add(&p->stats->fast_path, n_fast);
}
