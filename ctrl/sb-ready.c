/* ctrl/sb-ready.c: see sb-ready.h. */
#include <config.h>
#include "sb-ready.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "coverage.h"
#include "hmapx.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(sb_ready);

COVERAGE_DEFINE(sb_ready_unwatched);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

struct sb_ready {
    int epfd;
};

struct sb_ready *
sb_ready_create(void)
{
    int epfd = epoll_create1(EPOLL_CLOEXEC);

    if (epfd < 0) {
        VLOG_WARN("epoll_create1 failed (%s): every session is run on "
                  "every pass", ovs_strerror(errno));
        return NULL;
    }
    struct sb_ready *r = xmalloc(sizeof *r);
    r->epfd = epfd;
    return r;
}

void
sb_ready_destroy(struct sb_ready *r)
{
    if (r) {
        close(r->epfd);
        free(r);
    }
}

/* POSIX gives a new descriptor the lowest free number, and this process
 * opens descriptors from its main thread only, so the next accept() takes
 * the number a dup() takes now. */
int
sb_ready_next_fd(const struct sb_ready *r)
{
    if (!r) {
        return -1;
    }
    int fd = fcntl(r->epfd, F_DUPFD_CLOEXEC, 0);
    if (fd >= 0) {
        close(fd);
    }
    return fd;
}

/* Whether 'fd' is the socket of 'stream': a socket whose peer is the
 * address the stream is named after ("tcp:IP:PORT", "ssl:IP:PORT", as
 * OVS's accept names it).  A Unix socket's stream names no address: the
 * descriptor's number and type must do. */
static bool
fd_is_stream(int fd, const struct stream *stream)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    struct stat st;

    if (fstat(fd, &st) || !S_ISSOCK(st.st_mode)
        || getpeername(fd, (struct sockaddr *) &ss, &len)) {
        return false;
    }
    if (ss.ss_family == AF_UNIX) {
        return true;
    } else if (ss.ss_family != AF_INET && ss.ss_family != AF_INET6) {
        return false;
    }

    const char *name = stream_get_name(stream);
    const char *colon = strchr(name, ':');
    struct ds peer = DS_EMPTY_INITIALIZER;
    ss_format_address(&ss, &peer);
    ds_put_format(&peer, ":%"PRIu16, ss_get_port(&ss));
    bool same = colon && !strcmp(colon + 1, ds_cstr(&peer));
    ds_destroy(&peer);
    return same;
}

/* Whether 'fd' is the listening socket of 'pstream': a socket that
 * accepts connections, bound to the pstream's port (TCP, SSL) or a Unix
 * one (a punix pstream says no more). */
static bool
fd_is_pstream(int fd, const struct pstream *pstream)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int accepting = 0;
    socklen_t alen = sizeof accepting;

    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &alen)
        || !accepting
        || getsockname(fd, (struct sockaddr *) &ss, &len)) {
        return false;
    }
    if (ss.ss_family == AF_UNIX) {
        return !pstream_get_bound_port(pstream);
    }
    return ((ss.ss_family == AF_INET || ss.ss_family == AF_INET6)
            && htons(ss_get_port(&ss)) == pstream_get_bound_port(pstream));
}

static int
watch(struct sb_ready *r, int fd, bool identified, const char *name,
      void *ptr)
{
    if (!r) {
        return -1;
    } else if (!identified) {
        COVERAGE_INC(sb_ready_unwatched);
        VLOG_WARN_RL(&rl, "%s: socket not identified: it is polled on every "
                     "pass", name);
        return -1;
    }

    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = ptr };
    if (epoll_ctl(r->epfd, EPOLL_CTL_ADD, fd, &ev)) {
        COVERAGE_INC(sb_ready_unwatched);
        VLOG_WARN_RL(&rl, "%s: epoll_ctl failed (%s): it is polled on every "
                     "pass", name, ovs_strerror(errno));
        return -1;
    }
    return fd;
}

int
sb_ready_add_stream(struct sb_ready *r, int candidate,
                    const struct stream *stream, void *session)
{
    return watch(r, candidate,
                 candidate >= 0 && fd_is_stream(candidate, stream),
                 stream_get_name(stream), session);
}

int
sb_ready_add_pstream(struct sb_ready *r, int candidate,
                     const struct pstream *pstream, void *listener)
{
    return watch(r, candidate,
                 candidate >= 0 && fd_is_pstream(candidate, pstream),
                 pstream_get_name(pstream), listener);
}

void
sb_ready_remove(struct sb_ready *r, int fd)
{
    if (r && fd >= 0) {
        /* Before the stream closes it: a closed descriptor leaves the set
         * only once no duplicate of it remains. */
        epoll_ctl(r->epfd, EPOLL_CTL_DEL, fd, NULL);
    }
}

size_t
sb_ready_collect(struct sb_ready *r, struct hmapx *ready)
{
    enum { BATCH = 256 };
    struct epoll_event evs[BATCH];
    size_t n = 0;
    int got;

    if (!r) {
        return 0;
    }
    size_t added;
    do {
        got = epoll_wait(r->epfd, evs, BATCH, 0);
        added = 0;
        for (int i = 0; i < got; i++) {
            added += hmapx_add(ready, evs[i].data.ptr) != NULL;
        }
        n += added;
        /* Level-triggered: a socket returned goes to the back of the
         * kernel's ready list, so a full batch is followed by the next
         * ones; a call that adds nothing new has come round. */
    } while (got == BATCH && added);
    if (got < 0 && errno != EINTR) {
        VLOG_WARN_RL(&rl, "epoll_wait failed: %s", ovs_strerror(errno));
    }
    return n;
}

void
sb_ready_wait(const struct sb_ready *r)
{
    if (r) {
        poll_fd_wait(r->epfd, POLLIN);
    }
}
