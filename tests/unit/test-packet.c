/* tests/unit/test-packet.c: packet parsing into flow keys, and VXLAN
 * encapsulation and decapsulation. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "dp-packet.h"
#include "flow-key.h"
#include "packets.h"
#include "vxlan.h"

#define MAC_A "02:00:00:00:01:01"
#define MAC_B "02:00:00:00:01:02"

static void
test_udp_key(void **state OVS_UNUSED)
{
    struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1234, 53, 10);
    struct vp_flow_key key;

    assert_int_equal(vp_flow_key_extract(p, 3, 0, 0, &key),
                     VP_N_DROP_REASONS);
    assert_int_equal(key.in_port, 3);
    assert_true(eth_addr_equals(key.dl_src, t_mac(MAC_A)));
    assert_true(eth_addr_equals(key.dl_dst, t_mac(MAC_B)));
    assert_int_equal(key.dl_type, htons(ETH_TYPE_IP));
    assert_int_equal(key.nw_src, t_ip("10.1.0.11"));
    assert_int_equal(key.nw_dst, t_ip("10.1.0.12"));
    assert_int_equal(key.nw_proto, IPPROTO_UDP);
    assert_int_equal(ntohs(key.tp_src), 1234);
    assert_int_equal(ntohs(key.tp_dst), 53);
    assert_non_null(dp_packet_l4(p));

    /* The same flow, another packet: the same key and hash. */
    struct dp_packet *q = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1234, 53, 500);
    struct vp_flow_key key2;
    assert_int_equal(vp_flow_key_extract(q, 3, 0, 0, &key2),
                     VP_N_DROP_REASONS);
    assert_memory_equal(&key, &key2, sizeof key);
    assert_int_equal(vp_flow_key_hash(&key), vp_flow_key_hash(&key2));
    dp_packet_delete(p);
    dp_packet_delete(q);
}

static void
test_arp_key(void **state OVS_UNUSED)
{
    struct dp_packet *p = t_arp_request(MAC_A, "10.1.0.11", "10.1.0.1");
    struct vp_flow_key key;

    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_N_DROP_REASONS);
    assert_int_equal(key.dl_type, htons(ETH_TYPE_ARP));
    assert_int_equal(key.nw_proto, ARP_OP_REQUEST);
    assert_int_equal(key.nw_src, t_ip("10.1.0.11"));
    assert_int_equal(key.nw_dst, t_ip("10.1.0.1"));
    assert_true(eth_addr_is_broadcast(key.dl_dst));

    /* An ARP header for another protocol is malformed for us. */
    struct arp_eth_header *arp = dp_packet_l3(p);
    arp->ar_pro = htons(0x1234);
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_DROP_MALFORMED);
    dp_packet_delete(p);
}

static void
test_malformed(void **state OVS_UNUSED)
{
    struct vp_flow_key key;

    /* Shorter than an Ethernet header. */
    struct dp_packet *p = dp_packet_new(64);
    dp_packet_put_zeros(p, 10);
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_DROP_MALFORMED);
    dp_packet_delete(p);

    /* IPv4 cut in the middle of its header. */
    p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12", 1, 2, 0);
    dp_packet_set_size(p, ETH_HEADER_LEN + 12);
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_DROP_MALFORMED);
    dp_packet_delete(p);

    /* IPv4 total length longer than the frame. */
    p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12", 1, 2, 20);
    struct ip_header *ip = (struct ip_header *) ((char *) dp_packet_data(p)
                                                 + ETH_HEADER_LEN);
    ip->ip_tot_len = htons(1000);
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_DROP_MALFORMED);
    dp_packet_delete(p);

    /* A truncated ARP. */
    p = t_arp_request(MAC_A, "10.1.0.11", "10.1.0.1");
    dp_packet_set_size(p, ETH_HEADER_LEN + 20);
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_DROP_MALFORMED);
    dp_packet_delete(p);
}

static void
test_vlan_tagged(void **state OVS_UNUSED)
{
    struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1, 2, 10);
    struct vp_flow_key key;

    eth_push_vlan(p, htons(ETH_TYPE_VLAN), htons(100));
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_N_DROP_REASONS);
    assert_int_equal(key.vlan, 1);
    dp_packet_delete(p);
}

static void
test_vxlan_roundtrip(void **state OVS_UNUSED)
{
    struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1, 2, 10);
    size_t frame_len = dp_packet_size(p);
    struct vxlanhdr *vxh = dp_packet_push_uninit(p, VXLAN_HLEN);
    uint32_t vni = 0;

    vxlan_header_init(vxh, 0xabcdef);
    /* RFC 7348: flags 0x08, 24 reserved bits, VNI, 8 reserved bits. */
    const uint8_t *b = (const uint8_t *) vxh;
    assert_int_equal(b[0], 0x08);
    assert_int_equal(b[1] | b[2] | b[3] | b[7], 0);
    assert_int_equal(b[4], 0xab);
    assert_int_equal(b[5], 0xcd);
    assert_int_equal(b[6], 0xef);

    assert_int_equal(vxlan_decap(p, &vni), VP_N_DROP_REASONS);
    assert_int_equal(vni, 0xabcdef);
    assert_int_equal(dp_packet_size(p), frame_len);
    dp_packet_delete(p);
}

static void
test_vxlan_bad_input(void **state OVS_UNUSED)
{
    uint32_t vni;

    /* I flag clear. */
    struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1, 2, 10);
    struct vxlanhdr *vxh = dp_packet_push_uninit(p, VXLAN_HLEN);
    vxlan_header_init(vxh, 5);
    ((uint8_t *) vxh)[0] = 0x00;
    assert_int_equal(vxlan_decap(p, &vni), VP_DROP_VXLAN_BAD_FLAGS);

    /* Reserved bits are ignored on receipt (RFC 7348). */
    ((uint8_t *) vxh)[0] = 0xff;
    ((uint8_t *) vxh)[7] = 0xff;
    assert_int_equal(vxlan_decap(p, &vni), VP_N_DROP_REASONS);
    assert_int_equal(vni, 5);
    dp_packet_delete(p);

    /* A VXLAN header with no room for an Ethernet header after it. */
    p = dp_packet_new(64);
    vxh = dp_packet_put_zeros(p, VXLAN_HLEN + 6);
    vxlan_header_init(vxh, 5);
    assert_int_equal(vxlan_decap(p, &vni), VP_DROP_VXLAN_SHORT);
    dp_packet_set_size(p, 3);
    assert_int_equal(vxlan_decap(p, &vni), VP_DROP_VXLAN_SHORT);
    dp_packet_delete(p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_udp_key),
        cmocka_unit_test(test_arp_key),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_vlan_tagged),
        cmocka_unit_test(test_vxlan_roundtrip),
        cmocka_unit_test(test_vxlan_bad_input),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
