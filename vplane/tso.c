/* vplane/tso.c: checksum completion and TCP segmentation for frames that a
 * VM handed over with offloads.
 *
 * A VM's kernel (or QEMU's virtio-net) leaves TCP/UDP checksums to the
 * "device" and sends TCP superframes of up to 64 KB (TSO).  On a local port
 * vplaned passes both through with a virtio-net header and the receiving
 * kernel finishes the job.  Across the fabric nobody will: before VXLAN
 * encapsulation the checksum is completed here, and a superframe is cut into
 * segments that fit the fabric, each a complete TCP/IP packet with its own
 * checksums, written back to back as VXLAN datagrams and handed to the
 * kernel as UDP GSO messages (one system call per up to 64 KB). */
#include <config.h>
#include "tso.h"

#include <string.h>
#include "crc32c.h"
#include "csum.h"
#include "dp-packet.h"
#include "fabric.h"
#include "packets.h"
#include "vxlan.h"

/* The most a UDP GSO message may carry: the UDP length field is 16 bits. */
#define GSO_MAX_PAYLOAD (65535 - IP_HEADER_LEN - UDP_HEADER_LEN)
#define GSO_MAX_SEGS 64

bool
tso_complete_csum(struct dp_packet *pkt)
{
    if (!dp_packet_hwol_tx_l4_checksum(pkt) || dp_packet_hwol_is_tso(pkt)) {
        return true;
    }

    size_t l4_size = dp_packet_l4_size(pkt);
    void *l4 = dp_packet_l4(pkt);
    /* The checksum field holds the pseudo-header sum (virtio-net
     * NEEDS_CSUM); summing from the L4 header to the end finishes it. */
    if (dp_packet_hwol_l4_is_tcp(pkt) && l4_size >= TCP_HEADER_LEN) {
        struct tcp_header *tcp = l4;
        tcp->tcp_csum = csum(l4, l4_size);
    } else if (dp_packet_hwol_l4_is_udp(pkt) && l4_size >= UDP_HEADER_LEN) {
        struct udp_header *udp = l4;
        udp->udp_csum = csum(l4, l4_size);
        if (!udp->udp_csum) {
            udp->udp_csum = htons(0xffff);
        }
    } else if (dp_packet_hwol_l4_is_sctp(pkt) && l4_size >= SCTP_HEADER_LEN) {
        /* SCTP's is a CRC32c of the whole packet, field zeroed. */
        struct sctp_header *sctp = l4;
        put_16aligned_be32(&sctp->sctp_csum, 0);
        put_16aligned_be32(&sctp->sctp_csum, crc32c(l4, l4_size));
    } else {
        return false;
    }
    dp_packet_reset_offload(pkt);
    return true;
}

/* Pseudo-header sum for an L4 segment of 'len' bytes of 'proto'. */
static uint32_t
l4_pseudo_sum(const void *l3, bool ipv6, uint8_t proto, size_t len)
{
    uint32_t sum = 0;

    if (ipv6) {
        const struct ovs_16aligned_ip6_hdr *ip6 = l3;
        sum = csum_continue(sum, &ip6->ip6_src, sizeof ip6->ip6_src);
        sum = csum_continue(sum, &ip6->ip6_dst, sizeof ip6->ip6_dst);
        sum = csum_add32(sum, htonl(len));
        sum = csum_add16(sum, htons(proto));
    } else {
        const struct ip_header *ip = l3;
        sum = csum_add32(sum, get_16aligned_be32(&ip->ip_src));
        sum = csum_add32(sum, get_16aligned_be32(&ip->ip_dst));
        sum = csum_add16(sum, htons(proto));
        sum = csum_add16(sum, htons(len));
    }
    return sum;
}

/* Sets the IP header of a segment whose L4 part is 'l4_len' bytes. */
static void
fix_ip_header(void *l3, bool ipv6, size_t l3_to_l4, size_t l4_len,
              size_t k)
{
    if (ipv6) {
        struct ovs_16aligned_ip6_hdr *ip6 = l3;
        ip6->ip6_ctlun.ip6_un1.ip6_un1_plen = htons(l3_to_l4
                                                    - IPV6_HEADER_LEN
                                                    + l4_len);
    } else {
        struct ip_header *ip = l3;
        ip->ip_tot_len = htons(l3_to_l4 + l4_len);
        ip->ip_id = htons(ntohs(ip->ip_id) + k);
        ip->ip_csum = 0;
        ip->ip_csum = csum(ip, IP_IHL(ip->ip_ihl_ver) * 4);
    }
}

size_t
tso_segment_udp(const struct dp_packet *pkt, size_t gso_size,
                struct dp_packet **segs, size_t max)
{
    const struct udp_header *udp = dp_packet_l4(pkt);
    bool ipv6 = !dp_packet_hwol_is_ipv4(pkt);

    if (!udp || dp_packet_l4_size(pkt) < UDP_HEADER_LEN || !gso_size) {
        return 0;
    }
    size_t hdr_len = pkt->l4_ofs + UDP_HEADER_LEN;
    size_t payload = dp_packet_size(pkt) - hdr_len;
    size_t n = DIV_ROUND_UP(payload, gso_size);
    if (!n || n > max) {
        return 0;
    }

    const uint8_t *frame = dp_packet_data(pkt);
    for (size_t k = 0; k < n; k++) {
        size_t len = MIN(gso_size, payload - k * gso_size);
        struct dp_packet *seg = dp_packet_new_with_headroom(hdr_len + len,
                                                            64);

        dp_packet_put(seg, frame, hdr_len);
        dp_packet_put(seg, frame + hdr_len + k * gso_size, len);
        seg->l3_ofs = pkt->l3_ofs;
        seg->l4_ofs = pkt->l4_ofs;
        fix_ip_header(dp_packet_l3(seg), ipv6, pkt->l4_ofs - pkt->l3_ofs,
                      UDP_HEADER_LEN + len, k);

        struct udp_header *u = dp_packet_l4(seg);
        u->udp_len = htons(UDP_HEADER_LEN + len);
        u->udp_csum = 0;
        u->udp_csum = csum_finish(csum_continue(
                          l4_pseudo_sum(dp_packet_l3(seg), ipv6, IPPROTO_UDP,
                                        UDP_HEADER_LEN + len),
                          u, UDP_HEADER_LEN + len));
        if (!u->udp_csum) {
            u->udp_csum = htons(0xffff);
        }
        segs[k] = seg;
    }
    return n;
}

/* Writes segment 'k' (payload bytes 'ofs'..'ofs'+'len' of the superframe
 * 'pkt') at 'out' as a complete Ethernet frame. */
static void
write_segment(const struct dp_packet *pkt, bool ipv6, size_t hdr_len,
              size_t ofs, size_t len, size_t k, bool last, uint8_t *out)
{
    const uint8_t *frame = dp_packet_data(pkt);
    size_t l3_ofs = pkt->l3_ofs, l4_ofs = pkt->l4_ofs;
    size_t tcp_len = hdr_len - l4_ofs + len;

    memcpy(out, frame, hdr_len);
    memcpy(out + hdr_len, frame + hdr_len + ofs, len);

    void *l3 = out + l3_ofs;
    fix_ip_header(l3, ipv6, l4_ofs - l3_ofs, tcp_len, k);

    struct tcp_header *tcp = (struct tcp_header *) (out + l4_ofs);
    uint32_t seq = ntohl(get_16aligned_be32(&tcp->tcp_seq)) + ofs;
    uint16_t flags = TCP_FLAGS(tcp->tcp_ctl);
    put_16aligned_be32(&tcp->tcp_seq, htonl(seq));
    if (!last) {
        flags &= ~(TCP_FIN | TCP_PSH);
    }
    if (k) {
        flags &= ~TCP_CWR;
    }
    tcp->tcp_ctl = TCP_CTL(flags, TCP_OFFSET(tcp->tcp_ctl));
    tcp->tcp_csum = 0;
    tcp->tcp_csum = csum_finish(csum_continue(l4_pseudo_sum(l3, ipv6,
                                                            IPPROTO_TCP,
                                                            tcp_len),
                                              tcp, tcp_len));
}

bool
tso_send_vxlan(struct fabric_sock *s, const struct dp_packet *pkt,
               ovs_be32 vtep, uint32_t vni, size_t max_ip_len,
               struct fabric_tx_result *r)
{
    static __thread uint8_t buf[GSO_MAX_PAYLOAD];
    const struct tcp_header *tcp = dp_packet_l4(pkt);
    bool ipv6 = !dp_packet_hwol_is_ipv4(pkt);

    if (!tcp || dp_packet_l4_size(pkt) < TCP_HEADER_LEN) {
        return false;
    }
    size_t hdr_len = pkt->l4_ofs + TCP_OFFSET(tcp->tcp_ctl) * 4;
    size_t ip_hdr_len = hdr_len - pkt->l3_ofs;
    if (hdr_len > dp_packet_size(pkt) || max_ip_len <= ip_hdr_len + 8) {
        return false;
    }
    size_t payload = dp_packet_size(pkt) - hdr_len;
    size_t mss = max_ip_len - ip_hdr_len;
    size_t seg_size = VXLAN_HLEN + hdr_len + mss;
    size_t per_msg = MIN(GSO_MAX_SEGS, GSO_MAX_PAYLOAD / seg_size);
    size_t k = 0;

    if (!per_msg) {
        return false;           /* Not even one segment fits a datagram. */
    }

    for (size_t ofs = 0; ofs < payload || !k; ) {
        size_t len = 0, n = 0, inner = 0;

        for (; n < per_msg && (ofs < payload || !k); n++, k++) {
            size_t seg = MIN(mss, payload - ofs);
            uint8_t *out = buf + n * seg_size;

            vxlan_header_init((struct vxlanhdr *) out, vni);
            write_segment(pkt, ipv6, hdr_len, ofs, seg, k,
                          ofs + seg >= payload, out + VXLAN_HLEN);
            len = n * seg_size + VXLAN_HLEN + hdr_len + seg;
            inner += hdr_len + seg;
            ofs += seg;
        }
        fabric_send_gso(s, vtep, buf, len, seg_size, n, inner, r);
    }
    return true;
}
