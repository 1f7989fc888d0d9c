/* vplane/fabric.c: the VXLAN UDP socket (see fabric.h). */
#include <config.h>
#include "fabric.h"

#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/udp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "dp-packet.h"
#include "openvswitch/vlog.h"
#include "openvswitch/poll-loop.h"
#include "socket-util.h"
#include "util.h"
#include "vxlan.h"

VLOG_DEFINE_THIS_MODULE(fabric);

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif

/* Room in front of a received frame for the headers a later output pushes
 * (a virtio-net header on a VM port). */
#define FABRIC_RX_HEADROOM 64
#define FABRIC_SOCKBUF (8 * 1024 * 1024)

static void
set_sockbuf(int fd, int force_opt, int opt)
{
    int size = FABRIC_SOCKBUF;

    if (setsockopt(fd, SOL_SOCKET, force_opt, &size, sizeof size)) {
        setsockopt(fd, SOL_SOCKET, opt, &size, sizeof size);
    }
}

int
fabric_sock_open(ovs_be32 vtep, uint16_t port, bool reuseport, int mtu,
                 struct fabric_sock **sockp)
{
    struct sockaddr_in sin = { .sin_family = AF_INET,
                               .sin_port = htons(port),
                               .sin_addr.s_addr = vtep };
    int fd, one = 1, pmtu = IP_PMTUDISC_DO;
    int error;

    *sockp = NULL;
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return errno;
    }
    if ((reuseport
         && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one))
        || setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof pmtu)
        || bind(fd, (struct sockaddr *) &sin, sizeof sin)) {
        error = errno;
        close(fd);
        return error;
    }
    set_sockbuf(fd, SO_RCVBUFFORCE, SO_RCVBUF);
    set_sockbuf(fd, SO_SNDBUFFORCE, SO_SNDBUF);

    struct fabric_sock *s = xzalloc(sizeof *s);
    s->fd = fd;
    s->vtep = vtep;
    s->port = port;
    /* The largest unfragmented VXLAN payload, but never less than a full
     * 1500-byte frame: a peer may send to us through a bigger MTU. */
    s->rx_buf_size = MAX(mtu - IP_HEADER_LEN - UDP_HEADER_LEN,
                         (int) (VXLAN_HLEN + ETH_HEADER_LEN + VLAN_HEADER_LEN
                                + ETH_PAYLOAD_MAX));
    s->gso = true;
    *sockp = s;
    return 0;
}

void
fabric_sock_close(struct fabric_sock *s)
{
    if (s) {
        for (size_t i = 0; i < NETDEV_MAX_BURST; i++) {
            dp_packet_delete(s->rx_bufs[i]);
        }
        close(s->fd);
        free(s);
    }
}

void
fabric_sock_wait(const struct fabric_sock *s)
{
    poll_fd_wait(s->fd, POLLIN);
}

int
fabric_recv(struct fabric_sock *s, struct dp_packet_batch *batch,
            ovs_be32 srcs[], size_t *n_too_long)
{
    struct mmsghdr msgs[NETDEV_MAX_BURST];
    struct iovec iovs[NETDEV_MAX_BURST];
    struct sockaddr_in addrs[NETDEV_MAX_BURST];
    int n;

    for (size_t i = 0; i < NETDEV_MAX_BURST; i++) {
        if (!s->rx_bufs[i]) {
            s->rx_bufs[i] = dp_packet_new_with_headroom(s->rx_buf_size,
                                                        FABRIC_RX_HEADROOM);
        }
        iovs[i].iov_base = dp_packet_data(s->rx_bufs[i]);
        iovs[i].iov_len = s->rx_buf_size;
        msgs[i].msg_hdr = (struct msghdr) {
            .msg_name = &addrs[i], .msg_namelen = sizeof addrs[i],
            .msg_iov = &iovs[i], .msg_iovlen = 1,
        };
    }

    do {
        n = recvmmsg(s->fd, msgs, NETDEV_MAX_BURST, MSG_TRUNC, NULL);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        return n < 0 ? errno : EAGAIN;
    }

    dp_packet_batch_init(batch);
    for (int i = 0; i < n; i++) {
        if (msgs[i].msg_hdr.msg_flags & MSG_TRUNC) {
            /* Keep the buffer for the next datagram. */
            (*n_too_long)++;
            continue;
        }
        struct dp_packet *pkt = s->rx_bufs[i];
        s->rx_bufs[i] = NULL;
        dp_packet_set_size(pkt, msgs[i].msg_len);
        srcs[dp_packet_batch_size(batch)] = addrs[i].sin_addr.s_addr;
        dp_packet_batch_add(batch, pkt);
    }
    return 0;
}

void
fabric_txq_push(struct fabric_txq *q, struct dp_packet *pkt, ovs_be32 vtep,
                uint16_t port, uint32_t vni)
{
    size_t i = q->n++;

    q->pkts[i] = pkt;
    vxlan_header_init(&q->hdrs[i], vni);
    q->dsts[i] = (struct sockaddr_in) { .sin_family = AF_INET,
                                        .sin_port = htons(port),
                                        .sin_addr.s_addr = vtep };
    q->iovs[i][0] = (struct iovec) { &q->hdrs[i], VXLAN_HLEN };
    q->iovs[i][1] = (struct iovec) { dp_packet_data(pkt),
                                     dp_packet_size(pkt) };
    q->msgs[i].msg_hdr = (struct msghdr) {
        .msg_name = &q->dsts[i], .msg_namelen = sizeof q->dsts[i],
        .msg_iov = q->iovs[i], .msg_iovlen = 2,
    };
}

static void
count_error(struct fabric_tx_result *r, int error)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

    if (error == EMSGSIZE) {
        r->too_big++;
    } else {
        r->errors++;
        VLOG_WARN_RL(&rl, "VXLAN send failed: %s", ovs_strerror(error));
    }
}

void
fabric_txq_flush(struct fabric_sock *s, struct fabric_txq *q,
                 struct fabric_tx_result *r)
{
    size_t i = 0;

    while (i < q->n) {
        int n = sendmmsg(s->fd, &q->msgs[i], q->n - i, 0);
        if (n > 0) {
            for (int j = 0; j < n; j++) {
                r->sent_bytes += dp_packet_size(q->pkts[i + j]);
            }
            r->sent += n;
            i += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            /* The first remaining message failed: count it, go on. */
            count_error(r, n < 0 ? errno : EIO);
            i++;
        }
    }
    for (i = 0; i < q->n; i++) {
        dp_packet_delete(q->pkts[i]);
    }
    q->n = 0;
}

/* Without UDP_SEGMENT, the run of datagrams goes out one by one. */
static void
send_segments(struct fabric_sock *s, const struct sockaddr_in *dst,
              const uint8_t *buf, size_t len, size_t seg_size,
              struct fabric_tx_result *r, size_t n_segs, size_t inner_bytes)
{
    for (size_t ofs = 0; ofs < len; ofs += seg_size) {
        size_t n = MIN(seg_size, len - ofs);
        if (sendto(s->fd, buf + ofs, n, 0, (const struct sockaddr *) dst,
                   sizeof *dst) < 0) {
            count_error(r, errno);
            n_segs--;
            inner_bytes -= n - VXLAN_HLEN;
        }
    }
    r->sent += n_segs;
    r->sent_bytes += inner_bytes;
}

void
fabric_send_gso(struct fabric_sock *s, ovs_be32 vtep, const void *buf,
                size_t len, size_t seg_size, size_t n_segs,
                size_t inner_bytes, struct fabric_tx_result *r)
{
    struct sockaddr_in dst = { .sin_family = AF_INET,
                               .sin_port = htons(s->port),
                               .sin_addr.s_addr = vtep };

    if (!s->gso || n_segs == 1) {
        send_segments(s, &dst, buf, len, seg_size, r, n_segs, inner_bytes);
        return;
    }

    union {
        struct cmsghdr cm;
        char buf[CMSG_SPACE(sizeof(uint16_t))];
    } control;
    struct iovec iov = { CONST_CAST(void *, buf), len };
    struct msghdr msg = {
        .msg_name = &dst, .msg_namelen = sizeof dst,
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = control.buf, .msg_controllen = sizeof control.buf,
    };
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    uint16_t gso_size = seg_size;

    cm->cmsg_level = SOL_UDP;
    cm->cmsg_type = UDP_SEGMENT;
    cm->cmsg_len = CMSG_LEN(sizeof gso_size);
    memcpy(CMSG_DATA(cm), &gso_size, sizeof gso_size);

    ssize_t retval;
    do {
        retval = sendmsg(s->fd, &msg, 0);
    } while (retval < 0 && errno == EINTR);
    if (retval >= 0) {
        r->sent += n_segs;
        r->sent_bytes += inner_bytes;
    } else if (errno == EINVAL || errno == ENOPROTOOPT || errno == EIO) {
        VLOG_INFO("UDP segmentation offload unavailable (%s); sending "
                  "segments one by one", ovs_strerror(errno));
        s->gso = false;
        send_segments(s, &dst, buf, len, seg_size, r, n_segs, inner_bytes);
    } else {
        count_error(r, errno);
    }
}

int
fabric_mtu_for_vtep(ovs_be32 vtep)
{
    struct ifaddrs *ifas;
    int mtu = 0;

    if (getifaddrs(&ifas)) {
        return 0;
    }
    for (struct ifaddrs *ifa = ifas; ifa; ifa = ifa->ifa_next) {
        if (ifa->ifa_addr && ifa->ifa_addr->sa_family == AF_INET
            && ((struct sockaddr_in *) ifa->ifa_addr)->sin_addr.s_addr
               == vtep) {
            struct ifreq ifr;
            int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

            memset(&ifr, 0, sizeof ifr);
            ovs_strlcpy(ifr.ifr_name, ifa->ifa_name, sizeof ifr.ifr_name);
            if (fd >= 0 && !ioctl(fd, SIOCGIFMTU, &ifr)) {
                mtu = ifr.ifr_mtu;
            }
            if (fd >= 0) {
                close(fd);
            }
            break;
        }
    }
    freeifaddrs(ifas);
    return mtu;
}
