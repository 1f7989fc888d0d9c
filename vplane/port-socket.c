/* vplane/port-socket.c: see port-socket.h. */
#include <config.h>
#include "port-socket.h"

#include <errno.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <sys/socket.h>
#include "dp-packet.h"
#include "openvswitch/vlog.h"
#include "port.h"
#include "util.h"

/* The private header of the pinned 3.1.0 tree gives the layout of
 * netdev-linux's receive queue.  It also defines a helper we do not use. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "netdev-linux-private.h"
#pragma GCC diagnostic pop

VLOG_DEFINE_THIS_MODULE(port_socket);

static int
port_rx_fd(const struct vp_port *port)
{
    return netdev_rxq_linux_cast(port->rxq)->fd;
}

void
port_socket_tune(const struct vp_port *port, int size)
{
    int fd = port_rx_fd(port);
    int one = 1;

    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size)
        && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size)) {
        VLOG_WARN("port %s: cannot set a %d-byte receive queue: %s",
                  port->name, size, ovs_strerror(errno));
    }
    /* Otherwise the kernel clones every frame vplaned sends to the port
     * for this socket, whose filter (inbound only) then discards it. */
    setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
}

uint64_t
port_socket_take_drops(const struct vp_port *port)
{
    struct tpacket_stats st;
    socklen_t len = sizeof st;

    /* Reading PACKET_STATISTICS resets the kernel's counters. */
    if (!port->rxq
        || getsockopt(port_rx_fd(port), SOL_PACKET, PACKET_STATISTICS, &st,
                      &len)) {
        return 0;
    }
    return st.tp_drops;
}

#ifndef VIRTIO_NET_HDR_GSO_UDP_L4
#define VIRTIO_NET_HDR_GSO_UDP_L4 5
#endif

bool
port_socket_udp_gso_size(const struct dp_packet *pkt, uint16_t *gso_size)
{
    const struct virtio_net_hdr *vnet;

    if (dp_packet_headroom(pkt) < sizeof *vnet) {
        return false;
    }
    vnet = (const struct virtio_net_hdr *) ((const char *) dp_packet_data(pkt)
                                            - sizeof *vnet);
    if ((vnet->gso_type & ~VIRTIO_NET_HDR_GSO_ECN)
        != VIRTIO_NET_HDR_GSO_UDP_L4 || !vnet->gso_size) {
        return false;
    }
    *gso_size = vnet->gso_size;
    return true;
}
