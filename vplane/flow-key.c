/* vplane/flow-key.c: from a packet to its struct vp_flow_key. */
#include <config.h>
#include "flow-key.h"

#include <string.h>
#include "dp-packet.h"
#include "flow.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "vxlan.h"

enum vp_drop_reason
vp_flow_key_extract(struct dp_packet *pkt, uint16_t in_port, uint32_t vni,
                    ovs_be32 outer_src, struct vp_flow_key *key)
{
    struct {
        struct miniflow mf;
        uint64_t buf[FLOW_U64S];
    } m;

    memset(key, 0, sizeof *key);
    key->in_port = in_port;
    key->vni = vni & VP_VNI_MASK;
    key->mark = vni >> 24;
    key->outer_src = outer_src;

    if (dp_packet_size(pkt) < ETH_HEADER_LEN) {
        return VP_DROP_MALFORMED;
    }
    pkt_metadata_init(&pkt->md, u32_to_odp(in_port));
    miniflow_extract(pkt, &m.mf);

    const struct eth_header *eth = dp_packet_eth(pkt);
    key->dl_dst = eth->eth_dst;
    key->dl_src = eth->eth_src;
    if (eth_type_vlan(eth->eth_type)) {
        key->vlan = 1;
        return VP_N_DROP_REASONS;   /* Dropped or switched on MACs only. */
    }
    key->dl_type = eth->eth_type;

    if (key->dl_type == htons(ETH_TYPE_IP)) {
        /* miniflow_extract() sets l4 only for a sane IPv4 header. */
        const struct ip_header *ip = dp_packet_l3(pkt);
        if (!ip || pkt->l4_ofs == UINT16_MAX) {
            return VP_DROP_MALFORMED;
        }
        key->nw_src = get_16aligned_be32(&ip->ip_src);
        key->nw_dst = get_16aligned_be32(&ip->ip_dst);
        key->nw_proto = ip->ip_proto;
        if (IP_IS_FRAGMENT(ip->ip_frag_off)
            && ip->ip_frag_off & htons(IP_FRAG_OFF_MASK)) {
            return VP_N_DROP_REASONS;   /* Later fragment: no L4 header. */
        }

        size_t l4_size = dp_packet_l4_size(pkt);
        const void *l4 = dp_packet_l4(pkt);
        if (key->nw_proto == IPPROTO_TCP && l4_size >= TCP_HEADER_LEN) {
            const struct tcp_header *tcp = l4;
            key->tp_src = tcp->tcp_src;
            key->tp_dst = tcp->tcp_dst;
        } else if (key->nw_proto == IPPROTO_UDP
                   && l4_size >= UDP_HEADER_LEN) {
            const struct udp_header *udp = l4;
            key->tp_src = udp->udp_src;
            key->tp_dst = udp->udp_dst;
        } else if (key->nw_proto == IPPROTO_ICMP
                   && l4_size >= ICMP_HEADER_LEN) {
            const struct icmp_header *icmp = l4;
            key->tp_src = htons(icmp->icmp_type);
            key->tp_dst = htons(icmp->icmp_code);
            if (icmp->icmp_type == ICMP4_ECHO_REQUEST
                || icmp->icmp_type == ICMP4_ECHO_REPLY) {
                key->icmp_id = icmp->icmp_fields.echo.id;
            }
        }
    } else if (key->dl_type == htons(ETH_TYPE_ARP)) {
        const struct arp_eth_header *arp = dp_packet_l3(pkt);
        if (!arp || dp_packet_size(pkt) < ETH_HEADER_LEN + ARP_ETH_HEADER_LEN
            || arp->ar_hrd != htons(1) || arp->ar_pro != htons(ETH_TYPE_IP)
            || arp->ar_hln != ETH_ADDR_LEN || arp->ar_pln != 4
            || ntohs(arp->ar_op) > 0xff) {
            return VP_DROP_MALFORMED;
        }
        key->nw_src = get_16aligned_be32(&arp->ar_spa);
        key->nw_dst = get_16aligned_be32(&arp->ar_tpa);
        key->nw_proto = ntohs(arp->ar_op);
        key->arp_sha = arp->ar_sha;
    }
    return VP_N_DROP_REASONS;
}

void
vp_flow_key_format(const struct vp_flow_key *key, struct ds *s)
{
    /* The port is named by the caller, who knows its name. */
    if (!key->in_port) {
        ds_put_format(s, "vni=%"PRIu32" vtep="IP_FMT"%s ", key->vni,
                      IP_ARGS(key->outer_src),
                      key->mark ? " for-owner" : "");
    }
    ds_put_format(s, ETH_ADDR_FMT"->"ETH_ADDR_FMT,
                  ETH_ADDR_ARGS(key->dl_src), ETH_ADDR_ARGS(key->dl_dst));
    if (key->vlan) {
        ds_put_cstr(s, " vlan");
    } else if (key->dl_type == htons(ETH_TYPE_IP)) {
        ds_put_format(s, " ip "IP_FMT"->"IP_FMT, IP_ARGS(key->nw_src),
                      IP_ARGS(key->nw_dst));
        switch (key->nw_proto) {
        case IPPROTO_TCP:
        case IPPROTO_UDP:
            ds_put_format(s, " %s %"PRIu16"->%"PRIu16,
                          key->nw_proto == IPPROTO_TCP ? "tcp" : "udp",
                          ntohs(key->tp_src), ntohs(key->tp_dst));
            break;
        case IPPROTO_ICMP:
            ds_put_format(s, " icmp type=%"PRIu16" code=%"PRIu16,
                          ntohs(key->tp_src), ntohs(key->tp_dst));
            break;
        default:
            ds_put_format(s, " proto=%"PRIu8, key->nw_proto);
        }
    } else if (key->dl_type == htons(ETH_TYPE_ARP)) {
        ds_put_format(s, " arp %s "IP_FMT"->"IP_FMT,
                      key->nw_proto == ARP_OP_REQUEST ? "request"
                      : key->nw_proto == ARP_OP_REPLY ? "reply" : "op",
                      IP_ARGS(key->nw_src), IP_ARGS(key->nw_dst));
    } else {
        ds_put_format(s, " type=0x%04"PRIx16, ntohs(key->dl_type));
    }
}
