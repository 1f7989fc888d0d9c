/* vplane/coalesce.c: TCP receive coalescing for VM ports (see coalesce.h).
 *
 * The rules are the kernel's GRO rules for TCP (net/ipv4/tcp_offload.c),
 * so a merged frame is one the VM's kernel would have built itself: same
 * flow, consecutive sequence numbers, equal segment sizes (the last may be
 * shorter), the same IP header apart from length and ID, the same TCP
 * header apart from sequence number, checksum and PSH, and no SYN, FIN,
 * RST, URG or IP options.  Every segment's checksum is verified before it
 * is merged: the merged frame goes to the VM with its checksum marked as
 * already taken care of, so a corrupted segment must never get in. */
#include <config.h>
#include "coalesce.h"

#include <string.h>
#include "csum.h"
#include "dp-packet.h"
#include "packets.h"

/* The TCP payload a merged frame may carry (IPv4 total length limit). */
#define COALESCE_MAX_PAYLOAD (65535 - IP_HEADER_LEN - 60)

/* A segment the coalescer can use: IPv4 without options, TCP with only ACK
 * (and PSH), some payload, a valid checksum, no pending offload. */
static bool
segment_ok(const struct dp_packet *pkt, size_t *hdr_len, size_t *payload)
{
    const struct eth_header *eth = dp_packet_eth(pkt);
    const struct ip_header *ip = dp_packet_l3(pkt);
    const struct tcp_header *tcp = dp_packet_l4(pkt);

    if (!eth || eth->eth_type != htons(ETH_TYPE_IP) || !ip || !tcp
        || pkt->l3_ofs != ETH_HEADER_LEN
        || ip->ip_proto != IPPROTO_TCP || ip->ip_ihl_ver != IP_IHL_VER(5, 4)
        || IP_IS_FRAGMENT(ip->ip_frag_off)
        || dp_packet_hwol_is_tso(pkt) || dp_packet_hwol_tx_l4_checksum(pkt)
        || dp_packet_l4_size(pkt) < TCP_HEADER_LEN
        || (TCP_FLAGS(tcp->tcp_ctl) & ~TCP_PSH) != TCP_ACK) {
        return false;
    }
    size_t tcp_len = dp_packet_l4_size(pkt);
    size_t thl = TCP_OFFSET(tcp->tcp_ctl) * 4;
    if (thl < TCP_HEADER_LEN || thl >= tcp_len
        || ntohs(ip->ip_tot_len) != IP_HEADER_LEN + tcp_len) {
        return false;
    }
    if (csum_finish(csum_continue(packet_csum_pseudoheader(ip), tcp,
                                  tcp_len))) {
        return false;
    }
    *hdr_len = pkt->l4_ofs + thl;
    *payload = tcp_len - thl;
    return true;
}

static uint32_t
tcp_seq(const struct dp_packet *pkt)
{
    const struct tcp_header *tcp = dp_packet_l4(pkt);

    return ntohl(get_16aligned_be32(&tcp->tcp_seq));
}

/* Whether 'next' continues the run that 'first' starts and 'last' ends. */
static bool
continues(const struct dp_packet *first, size_t hdr_len, size_t mss,
          const struct dp_packet *last, size_t last_payload,
          const struct dp_packet *next, size_t next_hdr, size_t next_payload)
{
    const struct ip_header *ip1 = dp_packet_l3(first);
    const struct ip_header *ip2 = dp_packet_l3(next);
    const struct tcp_header *t1 = dp_packet_l4(first);
    const struct tcp_header *t2 = dp_packet_l4(next);
    const struct tcp_header *tl = dp_packet_l4(last);
    const uint8_t *f = dp_packet_data(first), *n = dp_packet_data(next);

    return (next_hdr == hdr_len
            && last_payload == mss          /* Only the last is shorter. */
            && next_payload <= mss
            && !(TCP_FLAGS(tl->tcp_ctl) & TCP_PSH)   /* PSH ends a run. */
            && !memcmp(f, n, ETH_HEADER_LEN)
            && ip1->ip_tos == ip2->ip_tos && ip1->ip_ttl == ip2->ip_ttl
            && ip1->ip_frag_off == ip2->ip_frag_off
            && !memcmp(&ip1->ip_src, &ip2->ip_src, 8)
            && t1->tcp_src == t2->tcp_src && t1->tcp_dst == t2->tcp_dst
            && !memcmp(&t1->tcp_ack, &t2->tcp_ack, sizeof t1->tcp_ack)
            && t1->tcp_winsz == t2->tcp_winsz
            && !memcmp(t1 + 1, t2 + 1, hdr_len - next->l4_ofs
                                       - TCP_HEADER_LEN)
            && tcp_seq(next) == tcp_seq(last) + last_payload);
}

/* Builds one superframe from 'segs[0..n)' (a run 'continues' accepted). */
static struct dp_packet *
merge(struct dp_packet **segs, size_t n, size_t hdr_len)
{
    size_t total = 0;

    for (size_t i = 0; i < n; i++) {
        total += dp_packet_size(segs[i]) - hdr_len;
    }

    /* Room in front for the virtio-net header the output pushes. */
    struct dp_packet *m = dp_packet_new_with_headroom(hdr_len + total, 64);
    bool psh = false;
    dp_packet_put(m, dp_packet_data(segs[0]), hdr_len);
    for (size_t i = 0; i < n; i++) {
        const struct tcp_header *t = dp_packet_l4(segs[i]);
        psh |= TCP_FLAGS(t->tcp_ctl) & TCP_PSH;
        dp_packet_put(m, (const char *) dp_packet_data(segs[i]) + hdr_len,
                      dp_packet_size(segs[i]) - hdr_len);
    }
    m->l3_ofs = segs[0]->l3_ofs;
    m->l4_ofs = segs[0]->l4_ofs;

    struct ip_header *ip = dp_packet_l3(m);
    ip->ip_tot_len = htons(dp_packet_size(m) - ETH_HEADER_LEN);
    ip->ip_csum = 0;
    ip->ip_csum = csum(ip, IP_HEADER_LEN);

    struct tcp_header *tcp = dp_packet_l4(m);
    if (psh) {
        tcp->tcp_ctl |= htons(TCP_PSH);
    }
    /* Left to the "device" (virtio-net NEEDS_CSUM): the field holds the
     * folded pseudo-header sum, as the kernel's own TSO frames do. */
    tcp->tcp_csum = ~csum_finish(packet_csum_pseudoheader(ip));
    dp_packet_hwol_set_tcp_seg(m);
    dp_packet_hwol_set_csum_tcp(m);
    dp_packet_hwol_set_tx_ipv4(m);
    return m;
}

size_t
coalesce_tcp_batch(struct dp_packet_batch *batch)
{
    size_t n = dp_packet_batch_size(batch), out = 0, merged = 0;
    struct dp_packet **pkts = batch->packets;

    for (size_t i = 0; i < n; ) {
        size_t hdr_len, mss, end = i + 1;

        if (segment_ok(pkts[i], &hdr_len, &mss)) {
            size_t total = mss, last_payload = mss;
            size_t next_hdr, next_payload;

            while (end < n
                   && segment_ok(pkts[end], &next_hdr, &next_payload)
                   && total + next_payload <= COALESCE_MAX_PAYLOAD
                   && continues(pkts[i], hdr_len, mss, pkts[end - 1],
                                last_payload, pkts[end], next_hdr,
                                next_payload)) {
                total += next_payload;
                last_payload = next_payload;
                end++;
            }
        }
        if (end - i > 1) {
            struct dp_packet *m = merge(&pkts[i], end - i, hdr_len);
            for (size_t j = i; j < end; j++) {
                dp_packet_delete(pkts[j]);
            }
            merged += end - i - 1;
            pkts[out++] = m;
        } else {
            pkts[out++] = pkts[i];
        }
        i = end;
    }
    batch->count = out;
    return merged;
}
