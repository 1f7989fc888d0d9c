/* vplane/drop-log.c: the ring of the last drops.  See drop-log.h. */
#include <config.h>
#include "drop-log.h"

#include <netinet/in.h>
#include <string.h>
#include "dp-packet.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "ovs-atomic.h"
#include "ovs-thread.h"
#include "packets.h"
#include "timeval.h"
#include "util.h"
#include "vxlan.h"

static struct ovs_mutex mutex = OVS_MUTEX_INITIALIZER;
static struct drop_log_entry *ring OVS_GUARDED_BY(mutex);
static size_t size OVS_GUARDED_BY(mutex) = 0;
static uint64_t n_recorded OVS_GUARDED_BY(mutex);   /* Since start. */
static uint64_t n_in_ring OVS_GUARDED_BY(mutex);    /* Since the last clear. */
static atomic_uint64_t n_missed = ATOMIC_VAR_INIT(0);

void
drop_log_set_size(size_t new_size)
{
    ovs_mutex_lock(&mutex);
    free(ring);
    size = MIN(new_size, DROP_LOG_MAX_SIZE);
    ring = size ? xcalloc(size, sizeof *ring) : NULL;
    n_in_ring = 0;
    ovs_mutex_unlock(&mutex);
}

size_t
drop_log_get_size(void)
{
    ovs_mutex_lock(&mutex);
    size_t n = size;
    ovs_mutex_unlock(&mutex);
    return n;
}

static const char *
proto_name(uint8_t proto, char buf[8])
{
    switch (proto) {
    case IPPROTO_TCP: return "tcp";
    case IPPROTO_UDP: return "udp";
    case IPPROTO_ICMP: return "icmp";
    default:
        snprintf(buf, 8, "ip%u", proto);
        return buf;
    }
}

/* Describes the packet's addresses in 'e->flow'.  Open vSwitch's own
 * parser reads the frame, whatever state it is in. */
static void
describe(const struct dp_packet *pkt_, struct drop_log_entry *e)
{
    struct dp_packet *pkt = CONST_CAST(struct dp_packet *, pkt_);
    size_t len = sizeof e->flow;
    struct flow f;
    char p[8];

    /* flow_extract() sets the packet's header offsets; the packet is about
     * to be freed, so that changes nothing anyone sees. */
    flow_extract(pkt, &f);
    if (f.dl_type == htons(ETH_TYPE_IP)) {
        if (f.nw_proto == IPPROTO_ICMP) {
            snprintf(e->flow, len, "icmp "IP_FMT" > "IP_FMT" type %u code %u",
                     IP_ARGS(f.nw_src), IP_ARGS(f.nw_dst),
                     ntohs(f.tp_src), ntohs(f.tp_dst));
        } else if (f.nw_proto == IPPROTO_TCP || f.nw_proto == IPPROTO_UDP) {
            snprintf(e->flow, len, "%s "IP_FMT":%u > "IP_FMT":%u",
                     proto_name(f.nw_proto, p), IP_ARGS(f.nw_src),
                     ntohs(f.tp_src), IP_ARGS(f.nw_dst), ntohs(f.tp_dst));
        } else {
            snprintf(e->flow, len, "%s "IP_FMT" > "IP_FMT,
                     proto_name(f.nw_proto, p), IP_ARGS(f.nw_src),
                     IP_ARGS(f.nw_dst));
        }
    } else if (f.dl_type == htons(ETH_TYPE_ARP)) {
        snprintf(e->flow, len, "arp %s "IP_FMT" > "IP_FMT,
                 f.nw_proto == ARP_OP_REQUEST ? "request"
                 : f.nw_proto == ARP_OP_REPLY ? "reply" : "op?",
                 IP_ARGS(f.nw_src), IP_ARGS(f.nw_dst));
    } else {
        snprintf(e->flow, len, "eth "ETH_ADDR_FMT" > "ETH_ADDR_FMT
                 " type 0x%04"PRIx16, ETH_ADDR_ARGS(f.dl_src),
                 ETH_ADDR_ARGS(f.dl_dst), ntohs(f.dl_type));
    }
}

void
drop_log_record(const struct dp_packet *pkt, unsigned int port_id,
                uint32_t vni, enum vp_drop_reason reason)
{
    if (ovs_mutex_trylock(&mutex)) {
        atomic_add_relaxed(&n_missed, 1, &(uint64_t) { 0 });
        return;
    }
    if (size) {
        struct drop_log_entry *e = &ring[n_recorded % size];

        memset(e, 0, sizeof *e);
        e->when = time_wall_msec();
        e->seq = ++n_recorded;
        n_in_ring++;
        e->port_id = MIN(port_id, UINT16_MAX);
        e->reason = reason;
        e->vni = vni & VP_VNI_MASK;     /* Without the owner mark. */
        e->len = dp_packet_size(pkt);
        e->n_head = MIN(e->len, sizeof e->head);
        memcpy(e->head, dp_packet_data(pkt), e->n_head);
        describe(pkt, e);
    }
    ovs_mutex_unlock(&mutex);
}

size_t
drop_log_snapshot(struct drop_log_entry **entries, uint64_t *missed,
                  uint64_t *total)
{
    ovs_mutex_lock(&mutex);
    size_t n = size ? MIN(n_in_ring, size) : 0;
    *entries = xcalloc(n + 1, sizeof **entries);
    for (size_t i = 0; i < n; i++) {
        (*entries)[i] = ring[(n_recorded - n + i) % size];
    }
    *total = n_recorded;
    ovs_mutex_unlock(&mutex);
    atomic_read_relaxed(&n_missed, missed);
    return n;
}

void
drop_log_clear(void)
{
    ovs_mutex_lock(&mutex);
    n_in_ring = 0;
    ovs_mutex_unlock(&mutex);
}
