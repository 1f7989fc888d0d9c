/* vplane/udp-bind.h: binding vplaned's UDP ports (VXLAN, owner messages)
 * so that a vplaned restarted at once takes them over, without ever
 * sharing them with another live process.
 *
 * A vplaned that ends keeps its sockets until the kernel has torn the
 * whole process down, and that teardown closes every VM port's AF_PACKET
 * socket first, one RCU grace period each: about 12 ms per port, 50 s for
 * a host of 4095 ports.  So
 *   - a fatal signal (SIGTERM, SIGINT, SIGHUP) or exit() lets go of the
 *     ports before anything else: each socket is swapped for an unbound
 *     one under the threads still using its descriptor, and the port is
 *     free as soon as the threads are gone;
 *   - binding waits, up to UDP_BIND_WAIT_MSEC, while the port is in use,
 *     for a vplaned that still exits (killed with SIGKILL, say), and says
 *     so once in the log.
 * Neither SO_REUSEADDR nor SO_REUSEPORT: on UDP both let a second live
 * socket share the port, and the kernel would hand it part of the
 * traffic; EADDRINUSE is what stops two vplaned on one VTEP. */
#ifndef VPLANE_UDP_BIND_H
#define VPLANE_UDP_BIND_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"

/* How long a bind waits for a port in use: a vplaned killed outright
 * frees it only after closing every VM port (see above). */
#define UDP_BIND_WAIT_MSEC 10000

int udp_bind(int fd, ovs_be32 ip, uint16_t port, const char *what);
int udp_wait_free(ovs_be32 ip, uint16_t port, const char *what);
void udp_close(int fd);

#endif /* vplane/udp-bind.h */
