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
#include "udp-bind.h"
#include "util.h"
#include "vxlan.h"

VLOG_DEFINE_THIS_MODULE(fabric);


/* Room in front of a received frame for the headers a later output pushes
 * (a virtio-net header on a VM port). */
#define FABRIC_RX_HEADROOM 64
#define FABRIC_SOCKBUF (8 * 1024 * 1024)

/* A UDP GSO message holds at most this many segments and this much. */
#define GSO_MAX_SEGS 64
#define GSO_MAX_PAYLOAD (65535 - IP_HEADER_LEN - UDP_HEADER_LEN)

static void
set_sockbuf(int fd, int force_opt, int opt)
{
    int size = FABRIC_SOCKBUF;

    if (setsockopt(fd, SOL_SOCKET, force_opt, &size, sizeof size)) {
        setsockopt(fd, SOL_SOCKET, opt, &size, sizeof size);
    }
}

/* Whether the kernel takes UDP_SEGMENT on this socket (Linux 4.18+). */
static bool
probe_gso(int fd)
{
    int size = 1400;

    if (setsockopt(fd, SOL_UDP, UDP_SEGMENT, &size, sizeof size)) {
        return false;
    }
    size = 0;
    setsockopt(fd, SOL_UDP, UDP_SEGMENT, &size, sizeof size);
    return true;
}

int
fabric_sock_open(ovs_be32 vtep, uint16_t port, bool reuseport,
                 struct fabric_sock **sockp)
{
    int fd, one = 1, pmtu = IP_PMTUDISC_DO;
    int error;

    *sockp = NULL;
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return errno;
    }
    if ((reuseport
         && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one))
        || setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof pmtu)) {
        error = errno;
        close(fd);
        return error;
    }
    error = udp_bind(fd, vtep, port, "VXLAN");
    if (error) {
        close(fd);
        return error;
    }
    set_sockbuf(fd, SO_RCVBUFFORCE, SO_RCVBUF);
    set_sockbuf(fd, SO_SNDBUFFORCE, SO_SNDBUF);

    struct fabric_sock *s = xzalloc(sizeof *s);
    s->fd = fd;
    s->vtep = vtep;
    s->port = port;
    s->gso = probe_gso(fd);
    s->gro = !setsockopt(fd, SOL_UDP, UDP_GRO, &one, sizeof one);
    /* Each receive then says how many datagrams the kernel dropped because
     * the queue was full: they are counted, not lost silently. */
    setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof one);
    if (!s->gso || !s->gro) {
        VLOG_INFO("UDP %s%s%s not available: one datagram per system call",
                  s->gso ? "" : "segmentation offload",
                  !s->gso && !s->gro ? " and " : "",
                  s->gro ? "" : "receive offload");
    }
    s->rx_bufs = xmalloc(FABRIC_RX_MSGS * FABRIC_RX_BUF);
    *sockp = s;
    return 0;
}

void
fabric_sock_close(struct fabric_sock *s)
{
    if (s) {
        udp_close(s->fd);
        free(s->rx_bufs);
        free(s);
    }
}

void
fabric_sock_wait(const struct fabric_sock *s)
{
    poll_fd_wait(s->fd, POLLIN);
}

/* The segment size of a GRO train (0 for a single datagram), and the
 * socket's drop counter if the message carries it. */
static size_t
parse_cmsgs(struct msghdr *msg, uint32_t *ovfl)
{
    size_t gro = 0;

    for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm;
         cm = CMSG_NXTHDR(msg, cm)) {
        if (cm->cmsg_level == SOL_UDP && cm->cmsg_type == UDP_GRO) {
            int size;
            memcpy(&size, CMSG_DATA(cm), sizeof size);
            gro = size > 0 ? size : 0;
        } else if (cm->cmsg_level == SOL_SOCKET
                   && cm->cmsg_type == SO_RXQ_OVFL) {
            memcpy(ovfl, CMSG_DATA(cm), sizeof *ovfl);
        }
    }
    return gro;
}

int
fabric_recv(struct fabric_sock *s, struct fabric_rx *rx)
{
    struct mmsghdr msgs[FABRIC_RX_MSGS];
    struct iovec iovs[FABRIC_RX_MSGS];
    struct sockaddr_in addrs[FABRIC_RX_MSGS];
    union {
        struct cmsghdr cm;
        char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(uint32_t))];
    } controls[FABRIC_RX_MSGS];
    int n;

    for (size_t i = 0; i < FABRIC_RX_MSGS; i++) {
        iovs[i].iov_base = s->rx_bufs + i * FABRIC_RX_BUF;
        iovs[i].iov_len = FABRIC_RX_BUF;
        msgs[i].msg_hdr = (struct msghdr) {
            .msg_name = &addrs[i], .msg_namelen = sizeof addrs[i],
            .msg_iov = &iovs[i], .msg_iovlen = 1,
            .msg_control = controls[i].buf,
            .msg_controllen = sizeof controls[i].buf,
        };
    }

    do {
        n = recvmmsg(s->fd, msgs, FABRIC_RX_MSGS, 0, NULL);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        return n < 0 ? errno : EAGAIN;
    }

    /* Each datagram becomes a packet of its own: the rest of the pipeline
     * handles frames one by one, and the buffers here are reused. */
    rx->n = 0;
    rx->n_queue_drops = 0;
    rx->n_refused = 0;
    for (int i = 0; i < n; i++) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
        const uint8_t *data = iovs[i].iov_base;
        size_t len = msgs[i].msg_len;
        uint32_t ovfl = s->rxq_ovfl;
        size_t seg = parse_cmsgs(&msgs[i].msg_hdr, &ovfl);
        ovs_be32 src = addrs[i].sin_addr.s_addr;

        rx->n_queue_drops += (uint32_t) (ovfl - s->rxq_ovfl);
        s->rxq_ovfl = ovfl;

        if (!seg || seg > len) {
            seg = len;
        }
        size_t n_segs = len ? DIV_ROUND_UP(len, seg) : 1;
        if (msgs[i].msg_hdr.msg_flags & (MSG_TRUNC | MSG_CTRUNC)
            || n_segs > FABRIC_RX_SEGS) {
            VLOG_WARN_RL(&rl, "refused a UDP datagram of %"PRIuSIZE" bytes "
                         "(%"PRIuSIZE" segments) from "IP_FMT, len, n_segs,
                         IP_ARGS(src));
            rx->n_refused += n_segs;
            continue;
        }
        for (size_t ofs = 0; ofs < len || !ofs; ofs += seg) {
            size_t this = MIN(seg, len - ofs);
            struct dp_packet *pkt;

            pkt = dp_packet_clone_data_with_headroom(data + ofs, this,
                                                     FABRIC_RX_HEADROOM);
            rx->srcs[rx->n] = src;
            rx->pkts[rx->n++] = pkt;
            if (!len) {
                break;          /* An empty datagram is still one. */
            }
        }
    }
    return 0;
}

static void
count_error(struct fabric_tx_result *r, int error, size_t n)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);

    if (error == EMSGSIZE) {
        r->too_big += n;
    } else {
        r->errors += n;
        VLOG_WARN_RL(&rl, "VXLAN send failed: %s", ovs_strerror(error));
    }
}

/* Messages of one flush: a single datagram or a GSO train each. */
struct tx_msgs {
    size_t n;
    struct mmsghdr msgs[FABRIC_TXQ_MAX];
    struct sockaddr_in dsts[FABRIC_TXQ_MAX];
    union {
        struct cmsghdr cm;
        char buf[CMSG_SPACE(sizeof(uint16_t))];
    } controls[FABRIC_TXQ_MAX];
    size_t first[FABRIC_TXQ_MAX];       /* Index of its first packet... */
    size_t count[FABRIC_TXQ_MAX];       /* ...and how many it carries. */
    struct vxlanhdr hdrs[FABRIC_TXQ_MAX];
    struct iovec iovs[2 * FABRIC_TXQ_MAX];
    size_t n_iovs;
};

/* Adds a message for packets 'order[i..i+count)' of 'q' to 'm'. */
static void
add_message(struct tx_msgs *m, struct fabric_txq *q, const size_t order[],
            size_t i, size_t count, uint16_t port)
{
    size_t k = m->n++;
    struct iovec *iov = &m->iovs[m->n_iovs];

    for (size_t j = 0; j < count; j++) {
        size_t p = order[i + j];
        vxlan_header_init(&m->hdrs[p], q->vnis[p]);
        m->iovs[m->n_iovs++] = (struct iovec) { &m->hdrs[p], VXLAN_HLEN };
        m->iovs[m->n_iovs++] = (struct iovec) {
            dp_packet_data(q->pkts[p]), dp_packet_size(q->pkts[p])
        };
    }
    m->first[k] = i;
    m->count[k] = count;
    m->dsts[k] = (struct sockaddr_in) { .sin_family = AF_INET,
                                        .sin_port = htons(port),
                                        .sin_addr.s_addr =
                                            q->vteps[order[i]] };
    m->msgs[k].msg_hdr = (struct msghdr) {
        .msg_name = &m->dsts[k], .msg_namelen = sizeof m->dsts[k],
        .msg_iov = iov, .msg_iovlen = 2 * count,
    };
    if (count > 1) {
        uint16_t gso_size = VXLAN_HLEN + dp_packet_size(q->pkts[order[i]]);
        struct msghdr *msg = &m->msgs[k].msg_hdr;
        struct cmsghdr *cm;

        msg->msg_control = m->controls[k].buf;
        msg->msg_controllen = sizeof m->controls[k].buf;
        cm = CMSG_FIRSTHDR(msg);
        cm->cmsg_level = SOL_UDP;
        cm->cmsg_type = UDP_SEGMENT;
        cm->cmsg_len = CMSG_LEN(sizeof gso_size);
        memcpy(CMSG_DATA(cm), &gso_size, sizeof gso_size);
    }
}

/* Orders the queue by destination, keeping each destination's packets in
 * their order (packets to different hosts may pass each other), then cuts
 * each destination's run into trains of equal-size datagrams: UDP GSO
 * splits a message into equal segments, only the last may be shorter. */
static void
build_messages(struct fabric_sock *s, struct fabric_txq *q, size_t order[],
               struct tx_msgs *m)
{
    bool taken[FABRIC_TXQ_MAX] = { false };
    size_t n = 0;

    for (size_t i = 0; i < q->n; i++) {
        if (taken[i]) {
            continue;
        }
        for (size_t j = i; j < q->n; j++) {
            if (!taken[j] && q->vteps[j] == q->vteps[i]) {
                taken[j] = true;
                order[n++] = j;
            }
        }
    }

    m->n = m->n_iovs = 0;
    for (size_t i = 0; i < q->n; ) {
        size_t size = dp_packet_size(q->pkts[order[i]]);
        size_t total = VXLAN_HLEN + size, count = 1;

        while (s->gso && i + count < q->n && count < GSO_MAX_SEGS) {
            size_t next = order[i + count];
            size_t next_size = dp_packet_size(q->pkts[next]);

            if (q->vteps[next] != q->vteps[order[i]] || next_size > size
                || total + VXLAN_HLEN + next_size > GSO_MAX_PAYLOAD) {
                break;
            }
            total += VXLAN_HLEN + next_size;
            count++;
            if (next_size < size) {
                break;          /* A shorter one ends the train. */
            }
        }
        add_message(m, q, order, i, count, s->port);
        i += count;
    }
}

/* Sends message 'k' of 'm', a train, as separate datagrams. */
static void
resend_train(struct fabric_sock *s, struct tx_msgs *m, size_t k,
             struct fabric_tx_result *r)
{
    struct msghdr *msg = &m->msgs[k].msg_hdr;

    for (size_t c = 0; c < m->count[k]; c++) {
        struct msghdr one = {
            .msg_name = msg->msg_name, .msg_namelen = msg->msg_namelen,
            .msg_iov = &msg->msg_iov[2 * c], .msg_iovlen = 2,
        };
        if (sendmsg(s->fd, &one, 0) < 0) {
            count_error(r, errno, 1);
        } else {
            r->sent++;
            r->sent_bytes += msg->msg_iov[2 * c + 1].iov_len;
        }
    }
}

/* A socket whose trains keep being refused stops sending trains. */
static void
note_gso_failure(struct fabric_sock *s)
{
    if (++s->gso_failures >= 16 && s->gso) {
        VLOG_WARN("UDP segmentation keeps failing on this route; sending "
                  "one datagram per message from now on");
        s->gso = false;
    }
}

void
fabric_txq_flush(struct fabric_sock *s, struct fabric_txq *q,
                 struct fabric_tx_result *r)
{
    size_t order[FABRIC_TXQ_MAX];
    struct tx_msgs m;
    size_t k = 0;

    if (!q->n) {
        return;
    }
    build_messages(s, q, order, &m);
    while (k < m.n) {
        int n = sendmmsg(s->fd, &m.msgs[k], m.n - k, 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            int error = n < 0 ? errno : EIO;

            if (m.count[k] > 1 && (error == EINVAL || error == EIO)) {
                /* The kernel refused the train as a whole (EINVAL: a
                 * segment above the path MTU; EIO: no segmentation on the
                 * route): each datagram gets its own verdict. */
                resend_train(s, &m, k, r);
                note_gso_failure(s);
            } else {
                count_error(r, error, m.count[k]);
            }
            k++;
            continue;
        }
        for (size_t j = k; j < k + n; j++) {
            if (m.count[j] > 1) {
                s->gso_failures = 0;
            }
            for (size_t c = 0; c < m.count[j]; c++) {
                r->sent_bytes += dp_packet_size(q->pkts[order[m.first[j]
                                                             + c]]);
            }
            r->sent += m.count[j];
        }
        k += n;
    }
    for (size_t i = 0; i < q->n; i++) {
        dp_packet_delete(q->pkts[i]);
    }
    q->n = 0;
}

/* Without UDP_SEGMENT, a train goes out one datagram at a time. */
static void
send_segments(struct fabric_sock *s, const struct sockaddr_in *dst,
              const uint8_t *buf, size_t len, size_t seg_size,
              struct fabric_tx_result *r)
{
    for (size_t ofs = 0; ofs < len; ofs += seg_size) {
        size_t n = MIN(seg_size, len - ofs);
        if (sendto(s->fd, buf + ofs, n, 0, (const struct sockaddr *) dst,
                   sizeof *dst) < 0) {
            count_error(r, errno, 1);
        } else {
            r->sent++;
            r->sent_bytes += n - VXLAN_HLEN;
        }
    }
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
        send_segments(s, &dst, buf, len, seg_size, r);
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
    } else if (errno == EINVAL || errno == EIO) {
        /* The kernel refuses a train whose segments exceed the path MTU
         * with EINVAL, one it cannot segment on this route with EIO; one
         * at a time, each gets its own verdict. */
        send_segments(s, &dst, buf, len, seg_size, r);
        note_gso_failure(s);
    } else {
        count_error(r, errno, n_segs);
    }
}

bool
fabric_vtep_ifname(ovs_be32 vtep, char name[IFNAMSIZ])
{
    struct ifaddrs *ifas;
    bool found = false;

    if (getifaddrs(&ifas)) {
        return false;
    }
    for (struct ifaddrs *ifa = ifas; ifa && !found; ifa = ifa->ifa_next) {
        if (ifa->ifa_addr && ifa->ifa_addr->sa_family == AF_INET
            && ((struct sockaddr_in *) ifa->ifa_addr)->sin_addr.s_addr
               == vtep) {
            ovs_strlcpy(name, ifa->ifa_name, IFNAMSIZ);
            found = true;
        }
    }
    freeifaddrs(ifas);
    return found;
}

int
fabric_mtu_for_vtep(ovs_be32 vtep)
{
    char name[IFNAMSIZ];
    struct ifreq ifr;
    int mtu = 0;

    if (!fabric_vtep_ifname(vtep, name)) {
        return 0;
    }
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    memset(&ifr, 0, sizeof ifr);
    ovs_strlcpy(ifr.ifr_name, name, sizeof ifr.ifr_name);
    if (fd >= 0 && !ioctl(fd, SIOCGIFMTU, &ifr)) {
        mtu = ifr.ifr_mtu;
    }
    if (fd >= 0) {
        close(fd);
    }
    /* A VTEP on lo (MTU 65536) still sends IPv4 datagrams: at most 65535
     * bytes each. */
    return MIN(mtu, 65535);
}
