/* vplane/fabric.h: the VXLAN side of vplaned -- a UDP socket on the host's
 * VTEP address.
 *
 * A UDP socket rather than AF_PACKET on the fabric NIC: the kernel routes
 * and resolves the next hop with the host's own tables, computes the outer
 * checksums, and does not also push every VXLAN packet through its own stack
 * (which it would if vplaned sniffed the NIC).  Datagrams carry the VXLAN
 * header and the inner frame (vxlan.h), so anything that speaks RFC 7348 on
 * UDP 4789 -- the Linux vxlan device, Open vSwitch -- interoperates.
 *
 * Each forwarding thread owns one socket (SO_REUSEPORT when there are
 * several).  Sends are batched: fabric_txq collects a batch's encapsulated
 * packets and sends them with one sendmmsg(); TCP segmentation offload
 * frames are segmented in userspace and sent as one UDP GSO message (tso.c).
 * Outer DF is always set: a frame too big for the fabric is dropped with its
 * reason before it is sent, never fragmented or truncated. */
#ifndef VPLANE_FABRIC_H
#define VPLANE_FABRIC_H 1

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "openvswitch/types.h"
#include "dp-packet.h"
#include "packets.h"

struct dp_packet;
struct dp_packet_batch;

struct fabric_sock {
    int fd;
    ovs_be32 vtep;
    uint16_t port;              /* Host byte order. */
    size_t rx_buf_size;         /* Largest datagram accepted. */
    bool gso;                   /* UDP_SEGMENT works on this socket. */
    struct dp_packet *rx_bufs[NETDEV_MAX_BURST];
};

int fabric_sock_open(ovs_be32 vtep, uint16_t port, bool reuseport,
                     int fabric_mtu, struct fabric_sock **);
void fabric_sock_close(struct fabric_sock *);
void fabric_sock_wait(const struct fabric_sock *);

/* Receives up to NETDEV_MAX_BURST datagrams into 'batch'; each packet's
 * data is the UDP payload (VXLAN header first) and 'srcs[i]' its sender.
 * Datagrams too long for a buffer are counted in '*n_too_long' and
 * dropped.  Returns 0, or EAGAIN if there was nothing to receive. */
int fabric_recv(struct fabric_sock *, struct dp_packet_batch *,
                ovs_be32 srcs[], size_t *n_too_long);

#define FABRIC_TXQ_MAX 64

/* Packets waiting to be encapsulated and sent. */
struct fabric_txq {
    size_t n;
    struct dp_packet *pkts[FABRIC_TXQ_MAX];
    struct vxlanhdr hdrs[FABRIC_TXQ_MAX];
    struct sockaddr_in dsts[FABRIC_TXQ_MAX];
    struct iovec iovs[FABRIC_TXQ_MAX][2];
    struct mmsghdr msgs[FABRIC_TXQ_MAX];
};

/* Result of sending a queue or a GSO message. */
struct fabric_tx_result {
    size_t sent, sent_bytes;    /* Packets and bytes of inner frames. */
    size_t too_big;             /* Refused with EMSGSIZE (path MTU). */
    size_t errors;              /* Refused for any other reason. */
};

static inline bool
fabric_txq_full(const struct fabric_txq *q)
{
    return q->n >= FABRIC_TXQ_MAX;
}

/* Queues 'pkt' (an Ethernet frame) for 'vtep' in 'vni'; takes ownership. */
void fabric_txq_push(struct fabric_txq *, struct dp_packet *, ovs_be32 vtep,
                     uint16_t port, uint32_t vni);

/* Sends and frees every queued packet, adding what happened to '*r'. */
void fabric_txq_flush(struct fabric_sock *, struct fabric_txq *,
                      struct fabric_tx_result *r);

/* Sends 'len' bytes at 'buf', a run of VXLAN datagrams of 'seg_size' bytes
 * each (the last may be shorter), to 'vtep' as one UDP GSO message. */
void fabric_send_gso(struct fabric_sock *, ovs_be32 vtep, const void *buf,
                     size_t len, size_t seg_size, size_t n_segs,
                     size_t inner_bytes, struct fabric_tx_result *r);

/* The MTU of the interface that holds 'vtep', or 0 if none does. */
int fabric_mtu_for_vtep(ovs_be32 vtep);

#endif /* vplane/fabric.h */
