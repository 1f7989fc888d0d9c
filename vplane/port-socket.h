/* vplane/port-socket.h: the kernel socket behind a VM port.
 *
 * Open vSwitch's netdev-linux receives a "system" port's frames on an
 * AF_PACKET socket and offers no API to it.  A switch needs two things
 * from it that an operator cannot do without: a queue deep enough for TSO
 * superframes (the default 208 KB holds three, and a TCP flow then starves
 * every other flow of the port), and the kernel's count of frames dropped
 * because that queue was full.  Nothing else touches the socket. */
#ifndef VPLANE_PORT_SOCKET_H
#define VPLANE_PORT_SOCKET_H 1

#include <stdint.h>

struct vp_port;

/* Sets the receive queue of the attached 'port' to 'size' bytes. */
void port_socket_set_rxbuf(const struct vp_port *, int size);

/* Returns the frames the kernel dropped since the last call. */
uint64_t port_socket_take_drops(const struct vp_port *);

#endif /* vplane/port-socket.h */
