/* vplane/responder.c: packets vplaned writes itself, on behalf of the
 * distributed gateway -- ARP replies, ICMP echo replies, and ICMP errors
 * (time exceeded, fragmentation needed).  Headers come from Open vSwitch's
 * packets.h helpers; nothing here decides when to answer
 * (pipeline-actions.c). */
#include <config.h>
#include "responder.h"

#include <string.h>
#include "csum.h"
#include "dp-packet.h"
#include "packets.h"

/* The most of the offending datagram an ICMP error quotes: what fits in a
 * 576-byte datagram, as RFC 1812 4.3.2.3 suggests. */
#define ICMP_ERROR_QUOTE_MAX (576 - IP_HEADER_LEN - ICMP_HEADER_LEN)

struct dp_packet *
responder_arp_reply(const struct dp_packet *request, struct eth_addr answer)
{
    const struct arp_eth_header *arp = dp_packet_l3(request);
    struct dp_packet *reply = dp_packet_new(ETH_HEADER_LEN
                                            + ARP_ETH_HEADER_LEN);

    compose_arp(reply, ARP_OP_REPLY, answer, arp->ar_sha, false,
                get_16aligned_be32(&arp->ar_tpa),
                get_16aligned_be32(&arp->ar_spa));
    return reply;
}

/* Whether an ICMP error may be sent about 'pkt' (RFC 1122 3.2.2): never
 * about an ICMP error, a later fragment, or a broadcast or multicast. */
static bool
icmp_error_allowed(const struct dp_packet *pkt)
{
    const struct eth_header *eth = dp_packet_eth(pkt);
    const struct ip_header *ip = dp_packet_l3(pkt);

    if (eth_addr_is_multicast(eth->eth_dst) || !ip
        || ip_is_multicast(get_16aligned_be32(&ip->ip_dst))
        || !get_16aligned_be32(&ip->ip_src)
        || ip->ip_frag_off & htons(IP_FRAG_OFF_MASK)) {
        return false;
    }
    if (ip->ip_proto == IPPROTO_ICMP && dp_packet_l4_size(pkt) >= 1) {
        const struct icmp_header *icmp = dp_packet_l4(pkt);
        return (icmp->icmp_type == ICMP4_ECHO_REQUEST
                || icmp->icmp_type == ICMP4_ECHO_REPLY);
    }
    return true;
}

struct dp_packet *
responder_icmp_error(const struct dp_packet *orig, struct eth_addr dst_mac,
                     struct eth_addr gw_mac,
                     ovs_be32 gw_ip, uint8_t type, uint8_t code,
                     uint16_t mtu)
{
    if (!gw_ip || !icmp_error_allowed(orig)) {
        return NULL;
    }

    const struct ip_header *oip = dp_packet_l3(orig);
    size_t quote = MIN((const char *) dp_packet_tail(orig)
                       - (const char *) oip, ICMP_ERROR_QUOTE_MAX);
    size_t l3_len = IP_HEADER_LEN + ICMP_HEADER_LEN + quote;
    struct dp_packet *pkt = dp_packet_new(ETH_HEADER_LEN + l3_len);

    eth_compose(pkt, dst_mac, gw_mac, ETH_TYPE_IP, l3_len);

    struct ip_header *ip = dp_packet_l3(pkt);
    ip->ip_ihl_ver = IP_IHL_VER(5, 4);
    ip->ip_tos = 0;
    ip->ip_tot_len = htons(l3_len);
    ip->ip_id = 0;
    ip->ip_frag_off = htons(IP_DONT_FRAGMENT);
    ip->ip_ttl = 64;
    ip->ip_proto = IPPROTO_ICMP;
    put_16aligned_be32(&ip->ip_src, gw_ip);
    put_16aligned_be32(&ip->ip_dst, get_16aligned_be32(&oip->ip_src));
    ip->ip_csum = 0;
    ip->ip_csum = csum(ip, IP_HEADER_LEN);

    struct icmp_header *icmp = (struct icmp_header *) (ip + 1);
    memset(icmp, 0, ICMP_HEADER_LEN);
    icmp->icmp_type = type;
    icmp->icmp_code = code;
    if (type == ICMP4_DST_UNREACH && code == ICMP4_CODE_FRAG_NEEDED) {
        icmp->icmp_fields.frag.mtu = htons(mtu);
    }
    memcpy(icmp + 1, oip, quote);
    icmp->icmp_csum = csum(icmp, ICMP_HEADER_LEN + quote);
    dp_packet_set_l4(pkt, icmp);
    return pkt;
}

bool
responder_icmp_echo_reply(struct dp_packet *pkt, struct eth_addr gw_mac)
{
    struct eth_header *eth = dp_packet_eth(pkt);
    struct ip_header *ip = dp_packet_l3(pkt);
    struct icmp_header *icmp = dp_packet_l4(pkt);

    if (!ip || !icmp || ip->ip_proto != IPPROTO_ICMP
        || dp_packet_l4_size(pkt) < ICMP_HEADER_LEN
        || icmp->icmp_type != ICMP4_ECHO_REQUEST
        || ip->ip_frag_off & htons(IP_MORE_FRAGMENTS | IP_FRAG_OFF_MASK)) {
        return false;
    }

    eth->eth_dst = eth->eth_src;
    eth->eth_src = gw_mac;

    ovs_be32 src = get_16aligned_be32(&ip->ip_src);
    put_16aligned_be32(&ip->ip_src, get_16aligned_be32(&ip->ip_dst));
    put_16aligned_be32(&ip->ip_dst, src);
    ip->ip_ttl = 64;
    ip->ip_csum = 0;
    ip->ip_csum = csum(ip, IP_IHL(ip->ip_ihl_ver) * 4);

    icmp->icmp_csum = recalc_csum16(icmp->icmp_csum,
                                    htons(ICMP4_ECHO_REQUEST << 8),
                                    htons(ICMP4_ECHO_REPLY << 8));
    icmp->icmp_type = ICMP4_ECHO_REPLY;
    dp_packet_reset_offload(pkt);
    return true;
}
