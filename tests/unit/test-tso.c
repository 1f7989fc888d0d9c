/* tests/unit/test-tso.c: offloads finished before VXLAN encapsulation --
 * checksum completion, and segmentation of a TCP superframe into VXLAN
 * datagrams, sent for real over loopback and checked on arrival. */
#include <config.h>
#include "test-util.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "csum.h"
#include "coalesce.h"
#include "dp-packet.h"
#include "fabric.h"
#include "flow-key.h"
#include "packets.h"
#include "tso.h"
#include "vxlan.h"

#define MAC_A "02:00:00:00:01:01"
#define MAC_B "02:00:00:00:01:02"

/* Sender on 127.0.0.1, receiver on 127.0.0.2, same port (as VTEPs are). */
struct loop {
    struct fabric_sock *tx;
    int rx;
    uint16_t port;
};

static bool
loop_open(struct loop *l)
{
    for (l->port = 47890; l->port < 47990; l->port++) {
        struct sockaddr_in sin = { .sin_family = AF_INET,
                                   .sin_port = htons(l->port),
                                   .sin_addr.s_addr = t_ip("127.0.0.2") };
        l->rx = socket(AF_INET, SOCK_DGRAM, 0);
        if (!bind(l->rx, (struct sockaddr *) &sin, sizeof sin)
            && !fabric_sock_open(t_ip("127.0.0.1"), l->port, false,
                                 &l->tx)) {
            struct timeval tv = { .tv_sec = 2 };
            setsockopt(l->rx, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            return true;
        }
        close(l->rx);
    }
    return false;
}

static void
loop_close(struct loop *l)
{
    fabric_sock_close(l->tx);
    close(l->rx);
}

static bool
ip_csum_ok(const struct ip_header *ip)
{
    return !csum(ip, IP_IHL(ip->ip_ihl_ver) * 4);
}

static bool
tcp_csum_ok(const struct ip_header *ip, const void *l4, size_t l4_len)
{
    uint32_t partial = packet_csum_pseudoheader(ip);

    return !csum_finish(csum_continue(partial, l4, l4_len));
}

static void
test_segmentation(void **state OVS_UNUSED)
{
    enum { PAYLOAD = 5000, MAX_IP = 1450 };
    uint8_t payload[PAYLOAD];
    struct loop l;

    for (size_t i = 0; i < PAYLOAD; i++) {
        payload[i] = i * 7;
    }
    if (!loop_open(&l)) {
        skip();
    }

    struct dp_packet *p = t_tcp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1000000, payload, PAYLOAD);
    struct vp_flow_key key;
    assert_int_equal(vp_flow_key_extract(p, 1, 0, 0, &key),
                     VP_N_DROP_REASONS);
    dp_packet_hwol_set_tcp_seg(p);
    dp_packet_hwol_set_tx_ipv4(p);
    dp_packet_hwol_set_csum_tcp(p);

    struct fabric_tx_result r = { 0 };
    assert_true(tso_send_vxlan(l.tx, p, t_ip("127.0.0.2"), 4242, MAX_IP,
                               &r));
    assert_int_equal(r.errors + r.too_big, 0);

    size_t mss = MAX_IP - IP_HEADER_LEN - TCP_HEADER_LEN;
    size_t n_expected = (PAYLOAD + mss - 1) / mss;
    assert_int_equal(r.sent, n_expected);

    uint8_t got[PAYLOAD];
    size_t got_len = 0;
    uint16_t first_id = 0;
    for (size_t k = 0; k < n_expected; k++) {
        uint8_t buf[2048];
        ssize_t n = recv(l.rx, buf, sizeof buf, 0);
        assert_true(n > 0);

        struct dp_packet d;
        dp_packet_use_stub(&d, buf, sizeof buf);
        dp_packet_set_size(&d, n);
        uint32_t vni;
        assert_int_equal(vxlan_decap(&d, &vni), VP_N_DROP_REASONS);
        assert_int_equal(vni, 4242);
        assert_int_equal(vp_flow_key_extract(&d, 0, vni, 0, &key),
                         VP_N_DROP_REASONS);

        const struct ip_header *ip = dp_packet_l3(&d);
        const struct tcp_header *tcp = dp_packet_l4(&d);
        size_t l4_len = dp_packet_l4_size(&d);
        size_t seg = l4_len - TCP_HEADER_LEN;

        assert_true(ntohs(ip->ip_tot_len) <= MAX_IP);
        assert_true(ip_csum_ok(ip));
        assert_true(tcp_csum_ok(ip, tcp, l4_len));
        if (!k) {
            first_id = ntohs(ip->ip_id);
        }
        assert_int_equal(ntohs(ip->ip_id), (uint16_t) (first_id + k));
        assert_int_equal(ntohl(get_16aligned_be32(&tcp->tcp_seq)),
                         1000000 + got_len);
        /* PSH only on the last segment. */
        assert_int_equal(!!(TCP_FLAGS(tcp->tcp_ctl) & TCP_PSH),
                         k == n_expected - 1);
        memcpy(got + got_len, (const uint8_t *) tcp + TCP_HEADER_LEN, seg);
        got_len += seg;
        dp_packet_uninit(&d);
    }
    assert_int_equal(got_len, PAYLOAD);
    assert_memory_equal(got, payload, PAYLOAD);

    dp_packet_delete(p);
    loop_close(&l);
}

/* A superframe whose headers leave no room under the MTU is refused. */
static void
test_segmentation_refused(void **state OVS_UNUSED)
{
    uint8_t payload[100] = { 0 };
    struct dp_packet *p = t_tcp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1, payload, sizeof payload);
    struct fabric_tx_result r = { 0 };
    struct vp_flow_key key;
    struct loop l;

    if (!loop_open(&l)) {
        skip();
    }
    vp_flow_key_extract(p, 1, 0, 0, &key);
    dp_packet_hwol_set_tcp_seg(p);
    dp_packet_hwol_set_tx_ipv4(p);
    assert_false(tso_send_vxlan(l.tx, p, t_ip("127.0.0.2"), 1, 40, &r));
    assert_int_equal(r.sent, 0);
    dp_packet_delete(p);
    loop_close(&l);
}

/* A VM left its UDP checksum to the "device": the field holds the
 * pseudo-header sum, as with virtio-net's NEEDS_CSUM. */
static void
test_checksum_completion(void **state OVS_UNUSED)
{
    struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      1111, 2222, 77);
    struct vp_flow_key key;

    vp_flow_key_extract(p, 1, 0, 0, &key);
    struct ip_header *ip = dp_packet_l3(p);
    struct udp_header *udp = dp_packet_l4(p);
    ovs_be16 good = udp->udp_csum;
    uint32_t pseudo = packet_csum_pseudoheader(ip);
    udp->udp_csum = ~csum_finish(pseudo);
    dp_packet_hwol_set_csum_udp(p);

    tso_complete_csum(p);
    assert_int_equal(udp->udp_csum, good);
    assert_false(dp_packet_hwol_tx_l4_checksum(p));
    dp_packet_delete(p);
}

/* Sets the TCP flags of the parsed 'p' and its checksum again. */
static void
set_tcp_flags(struct dp_packet *p, uint16_t flags)
{
    struct tcp_header *tcp = dp_packet_l4(p);

    tcp->tcp_ctl = TCP_CTL(flags, 5);
    tcp->tcp_csum = 0;
    tcp->tcp_csum = csum_finish(csum_continue(
                        packet_csum_pseudoheader(dp_packet_l3(p)), tcp,
                        dp_packet_l4_size(p)));
}

/* A segment of the flow 10.1.0.11:40000 -> 10.1.0.12:5201, parsed. */
static struct dp_packet *
segment_flags(uint32_t seq, size_t len, uint16_t flags)
{
    uint8_t payload[1400];
    struct vp_flow_key key;

    for (size_t i = 0; i < len; i++) {
        payload[i] = (seq + i) & 0xff;
    }
    struct dp_packet *p = t_tcp_frame(MAC_A, MAC_B, "10.1.0.11", "10.1.0.12",
                                      seq, payload, len);
    vp_flow_key_extract(p, 0, 5001, 0, &key);
    set_tcp_flags(p, flags);
    return p;
}

static struct dp_packet *
segment(uint32_t seq, size_t len)
{
    return segment_flags(seq, len, TCP_ACK);
}

static void
test_coalescing(void **state OVS_UNUSED)
{
    struct dp_packet_batch b;

    /* Four full segments and a short one: one superframe. */
    dp_packet_batch_init(&b);
    for (int i = 0; i < 4; i++) {
        dp_packet_batch_add(&b, segment(1000 + i * 1400, 1400));
    }
    dp_packet_batch_add(&b, segment(1000 + 4 * 1400, 300));
    assert_int_equal(coalesce_tcp_batch(&b), 4);
    assert_int_equal(dp_packet_batch_size(&b), 1);

    struct dp_packet *m = b.packets[0];
    const struct ip_header *ip = dp_packet_l3(m);
    const struct tcp_header *tcp = dp_packet_l4(m);
    const uint8_t *data = (const uint8_t *) (tcp + 1);
    assert_int_equal(ntohs(ip->ip_tot_len), 20 + 20 + 4 * 1400 + 300);
    assert_true(ip_csum_ok(ip));
    assert_int_equal(ntohl(get_16aligned_be32(&tcp->tcp_seq)), 1000);
    for (size_t i = 0; i < 4 * 1400 + 300; i++) {
        if (data[i] != ((1000 + i) & 0xff)) {
            fail_msg("payload byte %zu is wrong", i);
        }
    }
    assert_true(dp_packet_hwol_is_tso(m));
    assert_true(dp_packet_hwol_l4_is_tcp(m));
    /* The checksum field is the pseudo-header sum, to be finished by the
     * "device" (the VM's kernel trusts it): summing the segment over it
     * must give what the complete checksum would. */
    uint32_t pseudo = packet_csum_pseudoheader(ip);
    assert_int_equal(tcp->tcp_csum, (ovs_be16) ~csum_finish(pseudo));
    dp_packet_delete_batch(&b, true);

    /* What must not merge: a gap in sequence numbers, a bad checksum, a
     * SYN, two flows interleaved, anything after a PSH. */
    dp_packet_batch_init(&b);
    dp_packet_batch_add(&b, segment(1, 1400));
    dp_packet_batch_add(&b, segment(1 + 2800, 1400));          /* gap */
    struct dp_packet *bad = segment(1 + 4200, 1400);
    ((uint8_t *) dp_packet_l4(bad))[30] ^= 0xff;              /* corrupt */
    dp_packet_batch_add(&b, bad);
    dp_packet_batch_add(&b, segment_flags(1 + 5600, 1400, TCP_SYN | TCP_ACK));
    assert_int_equal(coalesce_tcp_batch(&b), 0);
    assert_int_equal(dp_packet_batch_size(&b), 4);
    dp_packet_delete_batch(&b, true);

    dp_packet_batch_init(&b);
    dp_packet_batch_add(&b, segment_flags(1, 1400, TCP_ACK | TCP_PSH));
    dp_packet_batch_add(&b, segment(1401, 1400));
    assert_int_equal(coalesce_tcp_batch(&b), 0);
    dp_packet_delete_batch(&b, true);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_segmentation),
        cmocka_unit_test(test_segmentation_refused),
        cmocka_unit_test(test_checksum_completion),
        cmocka_unit_test(test_coalescing),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
