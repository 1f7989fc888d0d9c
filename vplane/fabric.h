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
 * several).  The kernel's cost is per datagram, and for small frames it is
 * most of the cost of forwarding, so datagrams travel in trains: a batch's
 * packets to one host go as UDP GSO messages (one skb through the stack,
 * the veths and bridges of the fabric), and the socket accepts UDP GRO
 * trains on receive.  TSO superframes are segmented in userspace into such
 * trains too (tso.c).
 * Outer DF is always set: a frame too big for the fabric is dropped with its
 * reason before it is sent, never fragmented or truncated. */
#ifndef VPLANE_FABRIC_H
#define VPLANE_FABRIC_H 1

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "openvswitch/types.h"
#include "dp-packet.h"
#include "packets.h"

struct dp_packet;
struct dp_packet_batch;

/* Datagrams per receive call, the most segments a GRO train may bring
 * (the kernel's UDP_MAX_SEGMENTS is 128; anything beyond is refused, never
 * written past the arrays), and the most packets one call can yield. */
#define FABRIC_RX_MSGS 32
#define FABRIC_RX_SEGS 128
#define FABRIC_RX_MAX (FABRIC_RX_MSGS * FABRIC_RX_SEGS)
#define FABRIC_RX_BUF 65536

struct fabric_sock {
    int fd;
    ovs_be32 vtep;
    uint16_t port;              /* Host byte order. */
    bool gso;                   /* UDP_SEGMENT works on this socket. */
    unsigned int gso_failures;  /* Trains refused in a row. */
    bool gro;                   /* UDP_GRO is enabled on this socket. */
    uint32_t rxq_ovfl;          /* Kernel's count of dropped datagrams. */
    uint8_t *rx_bufs;           /* FABRIC_RX_MSGS buffers of FABRIC_RX_BUF. */
};

/* What one fabric_recv() got: Ethernet frames with their VXLAN header. */
struct fabric_rx {
    size_t n;
    size_t n_queue_drops;       /* Dropped by the kernel, queue full. */
    size_t n_refused;           /* Trains too long, datagrams truncated. */
    struct dp_packet *pkts[FABRIC_RX_MAX];
    ovs_be32 srcs[FABRIC_RX_MAX];       /* Sending VTEP of each. */
};

int fabric_sock_open(ovs_be32 vtep, uint16_t port, bool reuseport,
                     struct fabric_sock **);
void fabric_sock_close(struct fabric_sock *);
void fabric_sock_wait(const struct fabric_sock *);

/* Receives what is waiting (up to FABRIC_RX_MSGS datagrams, each possibly
 * a GRO train of equal-size datagrams) into 'rx', one packet per VXLAN
 * datagram, each packet's data starting at its VXLAN header.  Returns 0,
 * or EAGAIN if there was nothing to receive. */
int fabric_recv(struct fabric_sock *, struct fabric_rx *);

#define FABRIC_TXQ_MAX 64

/* Packets waiting to be encapsulated and sent. */
struct fabric_txq {
    size_t n;
    struct dp_packet *pkts[FABRIC_TXQ_MAX];
    ovs_be32 vteps[FABRIC_TXQ_MAX];
    uint32_t vnis[FABRIC_TXQ_MAX];
};

/* Result of sending a queue or a GSO message. */
struct fabric_tx_result {
    size_t sent, sent_bytes;    /* Packets and bytes of inner frames. */
    size_t too_big;             /* Refused for their size (path MTU). */
    size_t errors;              /* Refused for any other reason. */
};

static inline bool
fabric_txq_full(const struct fabric_txq *q)
{
    return q->n >= FABRIC_TXQ_MAX;
}

/* Queues 'pkt' (an Ethernet frame) for 'vtep' in 'vni'; takes ownership. */
static inline void
fabric_txq_push(struct fabric_txq *q, struct dp_packet *pkt, ovs_be32 vtep,
                uint32_t vni)
{
    q->pkts[q->n] = pkt;
    q->vteps[q->n] = vtep;
    q->vnis[q->n] = vni;
    q->n++;
}

/* Sends and frees every queued packet with one system call, adding what
 * happened to '*r'.  Runs of equal-size packets to one host go as single
 * UDP GSO messages: one trip through the kernel for the whole run. */
void fabric_txq_flush(struct fabric_sock *, struct fabric_txq *,
                      struct fabric_tx_result *r);

/* Sends 'len' bytes at 'buf', a run of VXLAN datagrams of 'seg_size' bytes
 * each (the last may be shorter), to 'vtep' as one UDP GSO message. */
void fabric_send_gso(struct fabric_sock *, ovs_be32 vtep, const void *buf,
                     size_t len, size_t seg_size, size_t n_segs,
                     size_t inner_bytes, struct fabric_tx_result *r);

/* The MTU of the interface that holds 'vtep' (at most 65535), or 0 if none
 * does. */
int fabric_mtu_for_vtep(ovs_be32 vtep);

/* The name of the interface that holds 'vtep', if one does. */
bool fabric_vtep_ifname(ovs_be32 vtep, char name[IFNAMSIZ]);

#endif /* vplane/fabric.h */
