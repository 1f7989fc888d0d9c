/* tests/unit/test-fabric.c: the VXLAN socket over loopback -- a flush sends
 * each destination's equal-size packets as one UDP GSO train, and a
 * receiving socket splits GRO trains back into one packet per frame. */
#include <config.h>
#include "test-util.h"

#include <netinet/udp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "dp-packet.h"
#include "fabric.h"
#include "vxlan.h"

#define MAC_A "02:00:00:00:01:01"
#define MAC_B "02:00:00:00:01:02"

/* A sender on 127.0.0.1 and receivers on 127.0.0.2 and .3, one port. */
struct trio {
    uint16_t port;
    struct fabric_sock *tx, *rx2, *rx3;
};

static bool
trio_open(struct trio *t)
{
    memset(t, 0, sizeof *t);
    for (t->port = 48890; t->port < 48990; t->port++) {
        if (!fabric_sock_open(t_ip("127.0.0.1"), t->port, false, &t->tx)
            && !fabric_sock_open(t_ip("127.0.0.2"), t->port, false, &t->rx2)
            && !fabric_sock_open(t_ip("127.0.0.3"), t->port, false,
                                 &t->rx3)) {
            return true;
        }
        fabric_sock_close(t->tx);
        fabric_sock_close(t->rx2);
        fabric_sock_close(t->rx3);
        t->tx = t->rx2 = t->rx3 = NULL;
    }
    return false;
}

static void
trio_close(struct trio *t)
{
    fabric_sock_close(t->tx);
    fabric_sock_close(t->rx2);
    fabric_sock_close(t->rx3);
}

/* Receives from 's', waiting up to a second; returns the first message's
 * length and its GRO segment size (0 if it was one datagram). */
static ssize_t
recv_one(struct fabric_sock *s, int *gso_size)
{
    char buf[65536];
    union {
        struct cmsghdr cm;
        char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(uint32_t))];
    } control;
    struct iovec iov = { buf, sizeof buf };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = control.buf,
                          .msg_controllen = sizeof control.buf };
    ssize_t n = -1;

    *gso_size = 0;
    for (int i = 0; i < 100 && n < 0; i++) {
        n = recvmsg(s->fd, &msg, 0);
        if (n < 0) {
            usleep(10000);
        }
    }
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); n > 0 && cm;
         cm = CMSG_NXTHDR(&msg, cm)) {
        if (cm->cmsg_level == SOL_UDP && cm->cmsg_type == UDP_GRO) {
            memcpy(gso_size, CMSG_DATA(cm), sizeof *gso_size);
        }
    }
    return n;
}

static void
test_trains_per_destination(void **state OVS_UNUSED)
{
    struct fabric_txq q = { .n = 0 };
    struct fabric_tx_result r = { 0 };
    struct trio t;

    if (!trio_open(&t) || !t.tx->gso || !t.rx2->gro) {
        skip();
    }
    /* Eight frames, the destinations alternating. */
    size_t frame_len = 0;
    for (int i = 0; i < 8; i++) {
        struct dp_packet *p = t_udp_frame(MAC_A, MAC_B, "10.1.0.11",
                                          "10.1.0.12", 1, 2, 30);
        frame_len = dp_packet_size(p);
        fabric_txq_push(&q, p, t_ip(i % 2 ? "127.0.0.3" : "127.0.0.2"), 77);
    }
    fabric_txq_flush(t.tx, &q, &r);
    assert_int_equal(r.sent, 8);
    assert_int_equal(r.errors + r.too_big, 0);
    assert_int_equal(q.n, 0);

    /* Each receiver gets its four as one train. */
    int gso_size;
    assert_int_equal(recv_one(t.rx2, &gso_size), 4 * (VXLAN_HLEN + frame_len));
    assert_int_equal(gso_size, VXLAN_HLEN + frame_len);
    assert_int_equal(recv_one(t.rx3, &gso_size), 4 * (VXLAN_HLEN + frame_len));
    trio_close(&t);
}

static void
test_gro_split(void **state OVS_UNUSED)
{
    struct fabric_txq q = { .n = 0 };
    struct fabric_tx_result r = { 0 };
    struct fabric_rx *rx = xmalloc(sizeof *rx);
    struct trio t;

    if (!trio_open(&t)) {
        skip();
    }
    /* Five equal frames and a shorter one: one train, six frames. */
    for (int i = 0; i < 6; i++) {
        fabric_txq_push(&q, t_udp_frame(MAC_A, MAC_B, "10.1.0.11",
                                        "10.1.0.12", 1, 2, i < 5 ? 40 : 12),
                        t_ip("127.0.0.2"), 4242);
    }
    fabric_txq_flush(t.tx, &q, &r);
    assert_int_equal(r.sent, 6);

    size_t got = 0;
    for (int i = 0; i < 100 && got < 6; i++) {
        if (!fabric_recv(t.rx2, rx)) {
            for (size_t j = 0; j < rx->n; j++, got++) {
                uint32_t vni;
                assert_int_equal(vxlan_decap(rx->pkts[j], &vni),
                                 VP_N_DROP_REASONS);
                assert_int_equal(vni, 4242);
                assert_int_equal(rx->srcs[j], t_ip("127.0.0.1"));
                dp_packet_delete(rx->pkts[j]);
            }
        } else {
            usleep(10000);
        }
    }
    assert_int_equal(got, 6);
    free(rx);
    trio_close(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trains_per_destination),
        cmocka_unit_test(test_gro_split),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
