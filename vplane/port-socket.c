/* vplane/port-socket.c: see port-socket.h. */
#include <config.h>
#include "port-socket.h"

#include <errno.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
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
port_socket_set_rxbuf(const struct vp_port *port, int size)
{
    int fd = port_rx_fd(port);

    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size)
        && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size)) {
        VLOG_WARN("port %s: cannot set a %d-byte receive queue: %s",
                  port->name, size, ovs_strerror(errno));
    }
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
