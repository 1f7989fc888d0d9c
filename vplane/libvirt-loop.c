/* vplane/libvirt-loop.c: libvirt's event API on the OVS poll loop.
 *
 * libvirt asks for file descriptor watches and periodic timeouts; we keep
 * them in two hmaps by id.  lv_loop_wait() turns them into poll_fd_wait()
 * and poll timers, and lv_loop_run(), after poll_block(), asks the kernel
 * which watched descriptors are ready (one poll() with a zero timeout: the
 * OVS loop does not say which descriptor woke it) and calls libvirt back.
 *
 * libvirt may add or remove watches from inside a callback, and requires
 * that a removed watch's free callback run later, never inside the remove
 * call; removed entries are therefore only marked and are freed at the end
 * of the next lv_loop_run().  vplaned calls libvirt from its main thread
 * only, so libvirt calls these from there too; the lock is insurance (a
 * registration from another thread would be safe, but would not wake the
 * main thread's poll: OVS's poll state is per thread).  Callbacks always
 * run without the lock. */
#include <config.h>
#include "libvirt-loop.h"

#include <poll.h>
#include <libvirt/libvirt.h>
#include "hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovs-thread.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(libvirt_loop);

struct lv_handle {
    struct hmap_node node;      /* In 'handles', by id. */
    int id;
    int fd;
    int events;                 /* VIR_EVENT_HANDLE_*. */
    virEventHandleCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool deleted;
};

struct lv_timeout {
    struct hmap_node node;      /* In 'timeouts', by id. */
    int id;
    int interval;               /* ms; -1 disabled, 0 every iteration. */
    long long int next;         /* When it fires next, if interval > 0. */
    virEventTimeoutCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool deleted;
};

static struct ovs_mutex lv_mutex = OVS_MUTEX_INITIALIZER;
static struct hmap handles OVS_GUARDED_BY(lv_mutex)
    = HMAP_INITIALIZER(&handles);
static struct hmap timeouts OVS_GUARDED_BY(lv_mutex)
    = HMAP_INITIALIZER(&timeouts);
static int next_id OVS_GUARDED_BY(lv_mutex) = 1;
static bool any_deleted OVS_GUARDED_BY(lv_mutex);

static struct lv_handle *
handle_find(int id) OVS_REQUIRES(lv_mutex)
{
    struct lv_handle *h;

    HMAP_FOR_EACH_WITH_HASH (h, node, hash_int(id, 0), &handles) {
        if (h->id == id && !h->deleted) {
            return h;
        }
    }
    return NULL;
}

static struct lv_timeout *
timeout_find(int id) OVS_REQUIRES(lv_mutex)
{
    struct lv_timeout *t;

    HMAP_FOR_EACH_WITH_HASH (t, node, hash_int(id, 0), &timeouts) {
        if (t->id == id && !t->deleted) {
            return t;
        }
    }
    return NULL;
}

static int
add_handle(int fd, int events, virEventHandleCallback cb, void *opaque,
           virFreeCallback ff)
{
    struct lv_handle *h = xzalloc(sizeof *h);

    h->fd = fd;
    h->events = events;
    h->cb = cb;
    h->opaque = opaque;
    h->ff = ff;
    ovs_mutex_lock(&lv_mutex);
    h->id = next_id++;
    hmap_insert(&handles, &h->node, hash_int(h->id, 0));
    ovs_mutex_unlock(&lv_mutex);
    return h->id;
}

static void
update_handle(int id, int events)
{
    ovs_mutex_lock(&lv_mutex);
    struct lv_handle *h = handle_find(id);
    if (h) {
        h->events = events;
    }
    ovs_mutex_unlock(&lv_mutex);
}

static int
remove_handle(int id)
{
    ovs_mutex_lock(&lv_mutex);
    struct lv_handle *h = handle_find(id);
    if (h) {
        h->deleted = true;
        any_deleted = true;
    }
    ovs_mutex_unlock(&lv_mutex);
    return h ? 0 : -1;
}

static int
add_timeout(int interval, virEventTimeoutCallback cb, void *opaque,
            virFreeCallback ff)
{
    struct lv_timeout *t = xzalloc(sizeof *t);

    t->interval = interval;
    t->next = time_msec() + MAX(interval, 0);
    t->cb = cb;
    t->opaque = opaque;
    t->ff = ff;
    ovs_mutex_lock(&lv_mutex);
    t->id = next_id++;
    hmap_insert(&timeouts, &t->node, hash_int(t->id, 0));
    ovs_mutex_unlock(&lv_mutex);
    return t->id;
}

static void
update_timeout(int id, int interval)
{
    ovs_mutex_lock(&lv_mutex);
    struct lv_timeout *t = timeout_find(id);
    if (t) {
        t->interval = interval;
        t->next = time_msec() + MAX(interval, 0);
    }
    ovs_mutex_unlock(&lv_mutex);
}

static int
remove_timeout(int id)
{
    ovs_mutex_lock(&lv_mutex);
    struct lv_timeout *t = timeout_find(id);
    if (t) {
        t->deleted = true;
        any_deleted = true;
    }
    ovs_mutex_unlock(&lv_mutex);
    return t ? 0 : -1;
}

void
lv_loop_register(void)
{
    virEventRegisterImpl(add_handle, update_handle, remove_handle,
                         add_timeout, update_timeout, remove_timeout);
}

static short int
to_poll_events(int events)
{
    return ((events & VIR_EVENT_HANDLE_READABLE ? POLLIN : 0)
            | (events & VIR_EVENT_HANDLE_WRITABLE ? POLLOUT : 0));
}

static int
from_poll_events(short int revents)
{
    return ((revents & POLLIN ? VIR_EVENT_HANDLE_READABLE : 0)
            | (revents & POLLOUT ? VIR_EVENT_HANDLE_WRITABLE : 0)
            | (revents & (POLLERR | POLLNVAL) ? VIR_EVENT_HANDLE_ERROR : 0)
            | (revents & POLLHUP ? VIR_EVENT_HANDLE_HANGUP : 0));
}

static void
dispatch_handles(void)
{
    struct pollfd *fds;
    int *ids;
    size_t n = 0;

    ovs_mutex_lock(&lv_mutex);
    fds = xcalloc(hmap_count(&handles) + 1, sizeof *fds);
    ids = xcalloc(hmap_count(&handles) + 1, sizeof *ids);
    struct lv_handle *h;
    HMAP_FOR_EACH (h, node, &handles) {
        if (!h->deleted && h->events) {
            fds[n].fd = h->fd;
            fds[n].events = to_poll_events(h->events);
            ids[n++] = h->id;
        }
    }
    ovs_mutex_unlock(&lv_mutex);

    if (n && poll(fds, n, 0) > 0) {
        for (size_t i = 0; i < n; i++) {
            if (!fds[i].revents) {
                continue;
            }
            /* An earlier callback may have removed or changed this one. */
            ovs_mutex_lock(&lv_mutex);
            h = handle_find(ids[i]);
            virEventHandleCallback cb = h ? h->cb : NULL;
            void *opaque = h ? h->opaque : NULL;
            int fd = h ? h->fd : -1;
            ovs_mutex_unlock(&lv_mutex);
            if (cb && fd == fds[i].fd) {
                cb(ids[i], fd, from_poll_events(fds[i].revents), opaque);
            }
        }
    }
    free(fds);
    free(ids);
}

static void
dispatch_timeouts(void)
{
    long long int now = time_msec();
    int *ids;
    size_t n = 0;

    ovs_mutex_lock(&lv_mutex);
    ids = xcalloc(hmap_count(&timeouts) + 1, sizeof *ids);
    struct lv_timeout *t;
    HMAP_FOR_EACH (t, node, &timeouts) {
        if (!t->deleted && t->interval >= 0 && t->next <= now) {
            t->next = now + t->interval;
            ids[n++] = t->id;
        }
    }
    ovs_mutex_unlock(&lv_mutex);

    for (size_t i = 0; i < n; i++) {
        ovs_mutex_lock(&lv_mutex);
        t = timeout_find(ids[i]);
        virEventTimeoutCallback cb = t ? t->cb : NULL;
        void *opaque = t ? t->opaque : NULL;
        ovs_mutex_unlock(&lv_mutex);
        if (cb) {
            cb(ids[i], opaque);
        }
    }
    free(ids);
}

/* Frees removed watches and timeouts.  Their free callbacks run without the
 * lock: they may call back into libvirt, which may call us. */
static void
purge_deleted(void)
{
    struct free_cb {
        virFreeCallback ff;
        void *opaque;
    } *cbs;
    size_t n = 0;

    ovs_mutex_lock(&lv_mutex);
    if (!any_deleted) {
        ovs_mutex_unlock(&lv_mutex);
        return;
    }
    any_deleted = false;
    cbs = xcalloc(hmap_count(&handles) + hmap_count(&timeouts) + 1,
                  sizeof *cbs);
    struct lv_handle *h;
    HMAP_FOR_EACH_SAFE (h, node, &handles) {
        if (h->deleted) {
            if (h->ff) {
                cbs[n++] = (struct free_cb) { h->ff, h->opaque };
            }
            hmap_remove(&handles, &h->node);
            free(h);
        }
    }
    struct lv_timeout *t;
    HMAP_FOR_EACH_SAFE (t, node, &timeouts) {
        if (t->deleted) {
            if (t->ff) {
                cbs[n++] = (struct free_cb) { t->ff, t->opaque };
            }
            hmap_remove(&timeouts, &t->node);
            free(t);
        }
    }
    ovs_mutex_unlock(&lv_mutex);

    for (size_t i = 0; i < n; i++) {
        cbs[i].ff(cbs[i].opaque);
    }
    free(cbs);
}

void
lv_loop_purge(void)
{
    purge_deleted();
}

void
lv_loop_run(void)
{
    dispatch_handles();
    dispatch_timeouts();
    purge_deleted();
}

void
lv_loop_wait(void)
{
    ovs_mutex_lock(&lv_mutex);
    struct lv_handle *h;
    HMAP_FOR_EACH (h, node, &handles) {
        if (!h->deleted && h->events) {
            poll_fd_wait(h->fd, to_poll_events(h->events));
        }
    }
    struct lv_timeout *t;
    HMAP_FOR_EACH (t, node, &timeouts) {
        if (t->deleted || t->interval < 0) {
            continue;
        } else if (!t->interval) {
            poll_immediate_wake();
        } else {
            poll_timer_wait_until(t->next);
        }
    }
    if (any_deleted) {
        poll_immediate_wake();
    }
    ovs_mutex_unlock(&lv_mutex);
}
