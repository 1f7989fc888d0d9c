/* vplane/port-socket.h: the kernel socket behind a VM port.
 *
 * Open vSwitch's netdev-linux receives a "system" port's frames on an
 * AF_PACKET socket and offers no API to it.  A switch needs two things
 * from it that an operator cannot do without: a queue deep enough for TSO
 * superframes (the default 208 KB holds three, and a TCP flow then starves
 * every other flow of the port), and the kernel's count of frames dropped
 * because that queue was full.  Nothing else touches the socket.
 *
 * The same reliance on the pinned tree lets us read one more thing Open
 * vSwitch 3.1 drops: the segment size of a VM's UDP superframe.  netdev-linux
 * pulls the virtio-net header off the front of the frame but leaves it in
 * the buffer, right before the frame, where this file reads it. */
#ifndef VPLANE_PORT_SOCKET_H
#define VPLANE_PORT_SOCKET_H 1

#include <stdbool.h>
#include <stdint.h>

struct dp_packet;
struct vp_port;

/* Sets the receive queue of the attached 'port' to 'size' bytes, and
 * stops the kernel from copying what vplaned sends to the port back to it
 * (Linux 4.20+). */
void port_socket_tune(const struct vp_port *, int size);

/* Returns the frames the kernel dropped since the last call. */
uint64_t port_socket_take_drops(const struct vp_port *);

/* For a frame just received from a port with offloads: if its virtio-net
 * header marks UDP segmentation offload, stores the segment size in
 * '*gso_size' and returns true. */
bool port_socket_udp_gso_size(const struct dp_packet *, uint16_t *gso_size);

#endif /* vplane/port-socket.h */
