/* tests/unit/test-util.c: see test-util.h. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "tables-config.h"
#include "csum.h"
#include "dp-packet.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "tables-json.h"
#include "tables.h"
#include "util.h"

struct eth_addr
t_mac(const char *s)
{
    struct eth_addr mac;

    ovs_assert(eth_addr_from_string(s, &mac));
    return mac;
}

ovs_be32
t_ip(const char *s)
{
    ovs_be32 ip;

    ovs_assert(ip_parse(s, &ip));
    return ip;
}

static struct ip_header *
put_ipv4(struct dp_packet *p, const char *src, const char *dst, uint8_t proto,
         size_t l4_len)
{
    struct ip_header *ip = dp_packet_put_zeros(p, IP_HEADER_LEN);

    ip->ip_ihl_ver = IP_IHL_VER(5, 4);
    ip->ip_tot_len = htons(IP_HEADER_LEN + l4_len);
    ip->ip_frag_off = htons(IP_DONT_FRAGMENT);
    ip->ip_ttl = 64;
    ip->ip_proto = proto;
    put_16aligned_be32(&ip->ip_src, t_ip(src));
    put_16aligned_be32(&ip->ip_dst, t_ip(dst));
    ip->ip_csum = csum(ip, IP_HEADER_LEN);
    return ip;
}

static void
put_eth(struct dp_packet *p, const char *src, const char *dst, uint16_t type)
{
    struct eth_header *eth = dp_packet_put_zeros(p, ETH_HEADER_LEN);

    eth->eth_dst = t_mac(dst);
    eth->eth_src = t_mac(src);
    eth->eth_type = htons(type);
}

struct dp_packet *
t_udp_frame(const char *src_mac, const char *dst_mac, const char *src_ip,
            const char *dst_ip, uint16_t sport, uint16_t dport,
            size_t payload_len)
{
    /* Room for all of it: the header pointers below must stay valid. */
    struct dp_packet *p = dp_packet_new_with_headroom(64 + payload_len, 64);
    size_t l4_len = UDP_HEADER_LEN + payload_len;

    put_eth(p, src_mac, dst_mac, ETH_TYPE_IP);
    struct ip_header *ip = put_ipv4(p, src_ip, dst_ip, IPPROTO_UDP, l4_len);
    struct udp_header *udp = dp_packet_put_zeros(p, UDP_HEADER_LEN);
    udp->udp_src = htons(sport);
    udp->udp_dst = htons(dport);
    udp->udp_len = htons(l4_len);
    uint8_t *data = dp_packet_put_uninit(p, payload_len);
    for (size_t i = 0; i < payload_len; i++) {
        data[i] = i;
    }
    udp->udp_csum = csum_finish(csum_continue(packet_csum_pseudoheader(ip),
                                              udp, l4_len));
    return p;
}

struct dp_packet *
t_tcp_frame(const char *src_mac, const char *dst_mac, const char *src_ip,
            const char *dst_ip, uint32_t seq, const uint8_t *payload,
            size_t payload_len)
{
    struct dp_packet *p = dp_packet_new_with_headroom(64 + payload_len, 64);
    size_t l4_len = TCP_HEADER_LEN + payload_len;

    put_eth(p, src_mac, dst_mac, ETH_TYPE_IP);
    struct ip_header *ip = put_ipv4(p, src_ip, dst_ip, IPPROTO_TCP, l4_len);
    struct tcp_header *tcp = dp_packet_put_zeros(p, TCP_HEADER_LEN);
    tcp->tcp_src = htons(40000);
    tcp->tcp_dst = htons(5201);
    put_16aligned_be32(&tcp->tcp_seq, htonl(seq));
    tcp->tcp_ctl = TCP_CTL(TCP_ACK | TCP_PSH, 5);
    tcp->tcp_winsz = htons(1024);
    dp_packet_put(p, payload, payload_len);
    tcp->tcp_csum = csum_finish(csum_continue(packet_csum_pseudoheader(ip),
                                              tcp, l4_len));
    return p;
}

struct dp_packet *
t_arp_request(const char *src_mac, const char *src_ip, const char *target_ip)
{
    struct dp_packet *p = dp_packet_new(ETH_HEADER_LEN + ARP_ETH_HEADER_LEN);

    compose_arp(p, ARP_OP_REQUEST, t_mac(src_mac), eth_addr_zero, true,
                t_ip(src_ip), t_ip(target_ip));
    dp_packet_reset_offsets(p);
    return p;
}

char *
t_apply_json(struct vp_tables *t, const char *text)
{
    struct json *json = json_from_string(text);
    struct vp_config c;
    char *error;

    if (json->type == JSON_STRING) {
        error = xstrdup(json_string(json));
        json_destroy(json);
        return error;
    }
    vp_config_init(&c);
    c.redefine_vnets = true;            /* As a tables file does. */
    error = tables_json_parse(json, &c);
    if (!error) {
        error = tables_apply(t, &c);
    }
    vp_config_destroy(&c);
    json_destroy(json);
    return error;
}

struct vp_tables *
t_tables_fixture(void)
{
    struct vp_tables *t = tables_create(t_ip(T_SELF_VTEP));
    char *error = t_apply_json(t,
        "{\"vnets\": ["
        "  {\"name\": \"web\", \"vni\": 5001, \"tenant\": \"acme\","
        "   \"subnets\": [\"10.1.0.1/24\"]},"
        "  {\"name\": \"db\", \"vni\": 5002, \"tenant\": \"acme\","
        "   \"subnets\": [\"10.2.0.1/24\"]},"
        "  {\"name\": \"red\", \"vni\": 6001, \"tenant\": \"globex\","
        "   \"subnets\": [\"10.1.0.1/24\"]}],"
        " \"ports\": ["
        "  {\"name\": \"w1\", \"vnet\": \"web\","
        "   \"mac\": \"02:00:00:00:01:01\", \"ips\": [\"10.1.0.11\"]},"
        "  {\"name\": \"r1\", \"vnet\": \"red\","
        "   \"mac\": \"02:00:00:00:06:01\", \"ips\": [\"10.1.0.11\"]}],"
        " \"xlate\": ["
        "  {\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:01\","
        "   \"ip\": \"10.1.0.11\", \"vtep\": \"" T_SELF_VTEP "\"},"
        "  {\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:02\","
        "   \"ip\": \"10.1.0.12\", \"vtep\": \"" T_PEER_VTEP "\"},"
        "  {\"vnet\": \"db\", \"mac\": \"02:00:00:00:02:02\","
        "   \"ip\": \"10.2.0.12\", \"vtep\": \"" T_PEER_VTEP "\"},"
        "  {\"vnet\": \"red\", \"mac\": \"02:00:00:00:06:01\","
        "   \"ip\": \"10.1.0.11\", \"vtep\": \"" T_SELF_VTEP "\"}]}");

    ovs_assert(!error);
    return t;
}
