/* vplane/udp-bind.c: UDP ports a restarted vplaned can take over at once
 * (see udp-bind.h).  Not the sockets' options or their use: fabric.c and
 * resolver.c own those. */
#include <config.h>
#include "udp-bind.h"

#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "coverage.h"
#include "fatal-signal.h"
#include "openvswitch/vlog.h"
#include "ovs-thread.h"
#include "packets.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(udp_bind);

COVERAGE_DEFINE(udp_bind_waited);

/* How often a bind is tried again while the port is in use. */
#define UDP_BIND_RETRY_MSEC 10

/* The descriptors of the bound sockets, to let go of at a fatal signal.
 * Added and removed by the main thread; read by whichever thread runs the
 * fatal-signal hooks. */
static struct ovs_mutex mutex = OVS_MUTEX_INITIALIZER;
static int *bound_fds OVS_GUARDED_BY(mutex);
static size_t n_bound_fds OVS_GUARDED_BY(mutex);
static size_t allocated_fds OVS_GUARDED_BY(mutex);

/* Runs before the process dies of a signal (or exits), while forwarding
 * threads may still be inside a send or a receive on these descriptors.
 * dup2() replaces each socket under them with an unbound one in a single
 * step, so a thread never meets a closed or reused descriptor; the bound
 * socket goes once the last call using it returns, not after the kernel
 * has closed every VM port (udp-bind.h). */
static void
udp_release_all(void *aux OVS_UNUSED)
{
    ovs_mutex_lock(&mutex);
    if (n_bound_fds) {
        int spare = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                           0);
        for (size_t i = 0; spare >= 0 && i < n_bound_fds; i++) {
            dup2(spare, bound_fds[i]);
        }
        if (spare >= 0) {
            close(spare);
        }
        n_bound_fds = 0;
    }
    ovs_mutex_unlock(&mutex);
}

static void
udp_remember(int fd)
{
    static bool hooked;

    ovs_mutex_lock(&mutex);
    if (!hooked) {
        fatal_signal_add_hook(udp_release_all, NULL, NULL, true);
        hooked = true;
    }
    if (n_bound_fds >= allocated_fds) {
        bound_fds = x2nrealloc(bound_fds, &allocated_fds, sizeof *bound_fds);
    }
    bound_fds[n_bound_fds++] = fd;
    ovs_mutex_unlock(&mutex);
}

/* Binds 'fd' to 'ip':'port'.  While another socket holds the port, tries
 * again for up to UDP_BIND_WAIT_MSEC, logging once.  'what' names the port
 * in the log ("VXLAN").  On success, 'fd' must be closed with udp_close().
 * Returns 0 or a positive errno value. */
int
udp_bind(int fd, ovs_be32 ip, uint16_t port, const char *what)
{
    struct sockaddr_in sin = { .sin_family = AF_INET,
                               .sin_port = htons(port),
                               .sin_addr.s_addr = ip };
    long long int start = time_msec();
    bool waited = false;
    int error;

    for (;;) {
        error = bind(fd, (struct sockaddr *) &sin, sizeof sin) ? errno : 0;
        if (error != EADDRINUSE
            || time_msec() - start >= UDP_BIND_WAIT_MSEC) {
            break;
        }
        if (!waited) {
            VLOG_INFO("%s port "IP_FMT":%"PRIu16" is in use, perhaps by a "
                      "vplaned still exiting: waiting up to %d s for it",
                      what, IP_ARGS(ip), port, UDP_BIND_WAIT_MSEC / 1000);
            COVERAGE_INC(udp_bind_waited);
            waited = true;
        }
        xnanosleep(UDP_BIND_RETRY_MSEC * 1000 * 1000);
    }

    if (error == EADDRINUSE) {
        VLOG_ERR("%s port "IP_FMT":%"PRIu16" is still in use after %d s: "
                 "another program holds it (another vplaned on this VTEP? a "
                 "kernel VXLAN device?)", what, IP_ARGS(ip), port,
                 UDP_BIND_WAIT_MSEC / 1000);
    } else if (!error) {
        if (waited) {
            VLOG_INFO("%s port "IP_FMT":%"PRIu16" free after %lld ms",
                      what, IP_ARGS(ip), port, time_msec() - start);
        }
        udp_remember(fd);
    }
    return error;
}

/* Waits, as udp_bind() does, until no socket holds 'ip':'port', with a
 * socket of its own that it closes at once.  For sockets that will share
 * the port with SO_REUSEPORT (a forwarding thread each): they would
 * otherwise join the group of another process of the same user, a
 * vplaned exiting or one started twice.  Returns 0 or a positive errno
 * value. */
int
udp_wait_free(ovs_be32 ip, uint16_t port, const char *what)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return errno;
    }
    int error = udp_bind(fd, ip, port, what);
    if (error) {
        close(fd);
    } else {
        udp_close(fd);
    }
    return error;
}

/* Closes 'fd', bound by udp_bind(). */
void
udp_close(int fd)
{
    ovs_mutex_lock(&mutex);
    for (size_t i = 0; i < n_bound_fds; i++) {
        if (bound_fds[i] == fd) {
            bound_fds[i] = bound_fds[--n_bound_fds];
            break;
        }
    }
    ovs_mutex_unlock(&mutex);
    close(fd);
}
