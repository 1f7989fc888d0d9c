/* ctrl/ctrl-push.c: sending hosts their tables -- a snapshot after a
 * hello, an update when a database change concerns a host (by the parts it
 * changed, view-parts.h), within a time budget per main-loop iteration.
 * Snapshots are paced: at most SNAPSHOTS_IN_FLIGHT unacknowledged at a
 * time, the other hosts queued in the order of their hellos, so that a
 * thousand hosts connecting at once do not bury their probes' answers
 * under everyone's snapshots.
 * What a host should have is view-parts.c's; the sessions are
 * southbound.c's. */
#include <config.h>
#include "ctrl-private.h"

#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "jsonrpc.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "southbound.h"
#include "timeval.h"
#include "util.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(ctrl_push);

COVERAGE_DEFINE(ctrl_update_by_parts);
COVERAGE_DEFINE(ctrl_update_whole);

static void
send_snapshot(struct ctrl *c, struct ctrl_host *h,
              const struct vprec_host *row)
{
    struct host_view view;
    struct json **parts;

    host_view_init(&view);
    ctrl_host_view(c, row, &view);
    size_t n = host_view_to_parts(&view, VP_SNAPSHOT_PART_ENTRIES, &parts);
    long long int gen = ++c->generation;
    for (size_t i = 0; i < n; i++) {
        struct json *p = json_object_create();
        json_object_put(p, "generation", json_integer_create(gen));
        json_object_put(p, "part", json_integer_create(i + 1));
        json_object_put(p, "parts", json_integer_create(n));
        json_object_put(p, "tables", parts[i]);
        sb_session_send(h->session,
                        jsonrpc_create_notify(VP_METHOD_SNAPSHOT,
                                              json_array_create_1(p)));
    }
    free(parts);
    VLOG_INFO("host %s: snapshot, generation %lld, %"PRIuSIZE" entries in "
              "%"PRIuSIZE" parts", h->name, gen,
              shash_count(&view.entries), n);
    host_view_swap(&h->sent, &view);
    host_view_destroy(&view);
    h->sent_gen = gen;
    h->snapshot_gen = gen;
    h->snapshot_at = time_msec();
    h->synced = true;
    h->full = false;
    h->need_snapshot = false;
    ctrl_host_status_changed(c, h);
}

static void
send_changes(struct ctrl *c, struct ctrl_host *h, struct json *add,
             struct json *remove, size_t n)
{
    long long int gen = ++c->generation;
    struct json *p = json_object_create();

    json_object_put(p, "generation", json_integer_create(gen));
    json_object_put(p, "add", add);
    json_object_put(p, "remove", remove);
    sb_session_send(h->session,
                    jsonrpc_create_notify(VP_METHOD_UPDATE,
                                          json_array_create_1(p)));
    VLOG_DBG("host %s: update, generation %lld, %"PRIuSIZE" changes",
             h->name, gen, n);
    h->sent_gen = gen;
    ctrl_host_status_changed(c, h);
}

/* An update from the parts the last change replaced ('old') and their
 * new contents ('new'): the host was sent the whole view before it. */
static void
send_update_by_parts(struct ctrl *c, struct ctrl_host *h,
                     const struct vprec_host *row, struct host_view *old,
                     struct host_view *new)
{
    struct json *add, *remove;

    if (host_view_needs_snapshot(old, new)) {
        send_snapshot(c, h, row);
        return;
    }
    size_t n = host_view_diff(old, new, &add, &remove);
    if (n) {
        send_changes(c, h, add, remove, n);
        host_view_replace(&h->sent, old, new);
    }
}

static void
send_update(struct ctrl *c, struct ctrl_host *h, const struct vprec_host *row)
{
    struct host_view old, view;
    struct json *add, *remove;

    host_view_init(&old);
    host_view_init(&view);
    if (!h->full && view_parts_host_delta(c->parts, c->idl, row, &old,
                                          &view)) {
        COVERAGE_INC(ctrl_update_by_parts);
        send_update_by_parts(c, h, row, &old, &view);
    } else {
        COVERAGE_INC(ctrl_update_whole);
        ctrl_host_view(c, row, &view);
        if (host_view_needs_snapshot(&h->sent, &view)) {
            send_snapshot(c, h, row);
        } else {
            size_t n = host_view_diff(&h->sent, &view, &add, &remove);
            if (n) {
                send_changes(c, h, add, remove, n);
                host_view_swap(&h->sent, &view);
            }
        }
    }
    h->full = false;
    host_view_destroy(&old);
    host_view_destroy(&view);
}

/* At most this many hosts have a snapshot sent and not acknowledged... */
#define SNAPSHOTS_IN_FLIGHT 32
/* ...unless one has waited this long for its host's ack: a host slow to
 * answer (its session's probes close a dead one) does not hold a slot. */
#define SNAPSHOT_SLOT_MS 10000

void
ctrl_push_queue_snapshot(struct ctrl *c, struct ctrl_host *h)
{
    if (!h->queued) {
        ovs_list_push_back(&c->snapshot_queue, &h->queue_node);
        h->queued = true;
    }
}

void
ctrl_push_dequeue(struct ctrl_host *h)
{
    if (h->queued) {
        ovs_list_remove(&h->queue_node);
        h->queued = false;
    }
}

/* While hosts wait, a slot held by a host that never answers frees up only
 * with time: look again now and then. */
void
ctrl_push_wait(const struct ctrl *c)
{
    if (!ovs_list_is_empty(&c->snapshot_queue)) {
        poll_timer_wait(SNAPSHOT_SLOT_MS / 10);
    }
}

static bool
snapshot_in_flight(const struct ctrl_host *h, long long int now)
{
    return (h->session && h->synced && !h->need_snapshot
            && h->acked_gen < h->snapshot_gen
            && now - h->snapshot_at < SNAPSHOT_SLOT_MS);
}

/* Sends queued hosts their snapshots while slots are free. */
static void
send_queued_snapshots(struct ctrl *c, size_t in_flight,
                      long long int deadline)
{
    while (!ovs_list_is_empty(&c->snapshot_queue)
           && in_flight < SNAPSHOTS_IN_FLIGHT) {
        struct ctrl_host *h = CONTAINER_OF(ovs_list_front(&c->snapshot_queue),
                                           struct ctrl_host, queue_node);
        const struct vprec_host *row;

        if (!h->session || h->synced) {
            ctrl_push_dequeue(h);
            continue;
        }
        row = ctrl_host_row(c, h->name);
        if (!row) {
            /* ctrl_push() closes its session or waits for its
             * registration. */
            ctrl_push_dequeue(h);
            continue;
        }
        if (time_msec() >= deadline) {
            c->push_more = true;
            return;
        }
        ctrl_push_dequeue(h);
        send_snapshot(c, h, row);
        h->dirty = false;
        in_flight++;
    }
}

/* How long one push may take before it leaves the rest of the hosts to
 * the next iteration of the main loop: sessions' probes and hellos must
 * not wait for a whole deployment's updates. */
#define PUSH_BUDGET_MS 20

/* Sends every connected host what changed for it: a snapshot after its
 * hello (or after it refused one, once the database changed), an update
 * when a change concerns it (view-parts.h says which hosts a change
 * concerns). */
void
ctrl_push(struct ctrl *c)
{
    unsigned int seqno = ovsdb_idl_get_seqno(c->idl);
    struct ctrl_host *h;

    if (seqno != c->pushed_seqno) {
        struct sset concerned = SSET_INITIALIZER(&concerned);
        /* A host the previous change has not reached yet has neither the
         * parts this change replaces nor the new ones. */
        HMAP_FOR_EACH (h, node, &c->hosts) {
            h->full |= h->dirty;
        }
        bool all = view_parts_changed(c->parts, c->idl, &concerned);
        HMAP_FOR_EACH (h, node, &c->hosts) {
            if (h->session && (all || h->need_snapshot
                               || sset_contains(&concerned, h->name))) {
                h->dirty = true;
            }
        }
        sset_destroy(&concerned);
        c->pushed_seqno = seqno;
        c->push_pending = true;
    }

    long long int now = time_msec();
    long long int deadline = now + PUSH_BUDGET_MS;
    c->push_more = false;
    /* This runs on every wakeup: the hosts are walked only when a change
     * (or a host left for later) asks for it. */
    if (c->push_pending) {
        c->push_pending = false;
        HMAP_FOR_EACH (h, node, &c->hosts) {
            const struct vprec_host *row;

            /* Nothing to send (a deleted Host row makes every host dirty):
             * no lookup either. */
            if (!h->session || (h->synced && !h->dirty)) {
                continue;
            }
            row = ctrl_host_row(c, h->name);
            if (!row) {
                /* Deleted from the database (or never registered, while
                 * its auto-registration is in flight). */
                if (sset_is_empty(&c->to_register) && !c->txn) {
                    VLOG_INFO("host %s: no longer in the database, closing "
                              "its session", h->name);
                    sb_session_set_host(h->session, NULL);
                    sb_session_close(h->session);
                    h->session = NULL;
                    ctrl_host_lost(c, h);
                } else {
                    c->push_pending = true;     /* Look again later. */
                }
                continue;
            }
            if (!h->synced) {
                /* Its snapshot, when its turn comes, has the change. */
                ctrl_push_queue_snapshot(c, h);
                continue;
            }
            if (time_msec() >= deadline) {
                c->push_more = c->push_pending = true;
                return;
            }
            if (h->need_snapshot) {
                send_snapshot(c, h, row);
            } else {
                send_update(c, h, row);
            }
            h->dirty = false;
        }
    }
    if (!ovs_list_is_empty(&c->snapshot_queue)) {
        size_t in_flight = 0;
        HMAP_FOR_EACH (h, node, &c->hosts) {
            in_flight += snapshot_in_flight(h, now);
        }
        send_queued_snapshots(c, in_flight, deadline);
    }
}


size_t
ctrl_push_n_in_flight(const struct ctrl *c)
{
    long long int now = time_msec();
    const struct ctrl_host *h;
    size_t n = 0;

    HMAP_FOR_EACH (h, node, &c->hosts) {
        n += snapshot_in_flight(h, now);
    }
    return n;
}
