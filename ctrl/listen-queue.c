/* ctrl/listen-queue.c: see listen-queue.h. */
#include <config.h>
#include "listen-queue.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(listen_queue);

/* The listen queue a TCP or SSL listener gets instead of OVS's 10. */
#define LISTEN_QUEUE_LENGTH 1024

/* OVS listens on TCP with a backlog of 10.  When a thousand hosts connect
 * at once, the kernel drops the handshakes' last ACKs beyond it: the hosts
 * believe they are connected and send their hellos, which the kernel only
 * takes seconds later, after retransmissions -- past the hosts' patience,
 * so they give up and reconnect, and the abandoned connections come in
 * later still.  A second listen() on the socket deepens its queue; the
 * pstream does not expose its socket, so it is found among this process's
 * listening sockets by its port. */
void
listen_queue_deepen(const struct pstream *listener)
{
    ovs_be16 port = pstream_get_bound_port(listener);
    DIR *dir = port ? opendir("/proc/self/fd") : NULL;
    struct dirent *de;

    if (!dir) {
        return;                 /* Unix sockets' queue is 64. */
    }
    while ((de = readdir(dir)) != NULL) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        int fd = atoi(de->d_name), accepting = 0;
        socklen_t alen = sizeof accepting;

        if (fd <= 2 || fd == dirfd(dir)
            || getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &alen)
            || !accepting
            || getsockname(fd, (struct sockaddr *) &ss, &len)) {
            continue;
        }
        ovs_be16 bound = (ss.ss_family == AF_INET
                          ? ((struct sockaddr_in *) &ss)->sin_port
                          : ss.ss_family == AF_INET6
                          ? ((struct sockaddr_in6 *) &ss)->sin6_port : 0);
        if (bound == port && listen(fd, LISTEN_QUEUE_LENGTH)) {
            VLOG_WARN("%s: cannot deepen the listen queue: %s",
                      pstream_get_name(listener), ovs_strerror(errno));
        }
    }
    closedir(dir);
}

