/* vplane/libvirt-watch.c: attaches the NICs of libvirt's domains.  See
 * libvirt-watch.h.
 *
 * Events only mark a domain "dirty"; lv_watch_run() then reads each dirty
 * domain's XML and makes this host's NICs match it (resync_domain()).  So
 * an event lost while disconnected, or two events for one change, cost
 * nothing: the XML read after them is the truth.  A full resync (at every
 * connection) does the same for every domain and also lets go of NICs and
 * taps whose domain no longer exists.  Attaching and detaching the NICs
 * themselves is libvirt-nics.c's. */
#include <config.h>
#include "libvirt-watch.h"

#include <errno.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include "coverage.h"
#include "ctl.h"
#include "ctrl-client.h"
#include "libvirt-loop.h"
#include "libvirt-private.h"
#include "libvirt-tap.h"
#include "libvirt-xml.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "smap.h"
#include "sset.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(libvirt_watch);

COVERAGE_DEFINE(libvirt_event);
COVERAGE_DEFINE(libvirt_reconnect);

#define BACKOFF_MIN_MSEC 1000
#define BACKOFF_MAX_MSEC 8000

/* NICs that could not be attached (a VNet not there yet...) are tried
 * again this often. */
#define RETRY_MSEC 10000

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);


/* libvirt prints every error to stderr unless told otherwise; ours go to
 * the log, with context, through last_error(). */
static void
quiet_error(void *opaque OVS_UNUSED, virErrorPtr error OVS_UNUSED)
{
}

static const char *
last_error(void)
{
    const char *msg = virGetLastErrorMessage();
    return msg ? msg : "unknown libvirt error";
}

/* Taps. */

/* Makes the taps of 'specs' that are vPlane's to make, and removes the
 * taps made for domain 'uuid' that it no longer names.  Returns false if a
 * tap could not be made (to be tried again). */
static bool
sync_domain_taps(struct lv_watch *w, const char *uuid, const char *domain,
                 const struct lv_nic_spec *specs, size_t n)
{
    struct sset wanted = SSET_INITIALIZER(&wanted);
    bool ok = true;

    for (size_t i = 0; i < n; i++) {
        const struct lv_nic_spec *s = &specs[i];
        if (s->tap && s->tap_unmanaged && !s->error) {
            int error = lv_tap_create(s->tap, uuid);
            if (error) {
                w->n_errors++;
                ok = false;
                VLOG_WARN_RL(&rl, "domain %s: cannot make tap %s: %s",
                             domain, s->tap,
                             error == EEXIST ? "another interface has that "
                             "name" : ovs_strerror(error));
            } else {
                smap_replace(&w->taps, s->tap, uuid);
                sset_add(&wanted, s->tap);
            }
        }
    }

    struct smap_node *node;
    SMAP_FOR_EACH_SAFE (node, &w->taps) {
        if (!strcmp(node->value, uuid) && !sset_contains(&wanted, node->key)
            && !lv_tap_remove(node->key, uuid)) {
            smap_remove_node(&w->taps, node);
        }
    }
    sset_destroy(&wanted);
    return ok;
}

/* Removes the taps of domains that no longer exist; 'uuids' holds the
 * domains that do.  A tap still open (EBUSY) is tried again next time. */
static void
remove_orphan_taps(struct lv_watch *w, const struct sset *uuids)
{
    struct smap_node *node;

    SMAP_FOR_EACH_SAFE (node, &w->taps) {
        if (!sset_contains(uuids, node->value)) {
            int error = lv_tap_remove(node->key, node->value);
            if (!error || error == EPERM) {
                smap_remove_node(&w->taps, node);
            } else {
                VLOG_WARN_RL(&rl, "tap %s: cannot remove: %s", node->key,
                             ovs_strerror(error));
            }
        }
    }
}

/* Domains. */

/* Reads the NICs of 'dom' from its XML ('flags' as virDomainGetXMLDesc()).
 * Returns false on a libvirt error. */
static bool
read_nics(struct lv_watch *w, virDomainPtr dom, unsigned int flags,
          struct lv_nic_spec **specs, size_t *n)
{
    char *xml = virDomainGetXMLDesc(dom, flags);

    *specs = NULL;
    *n = 0;
    if (!xml) {
        w->n_errors++;
        VLOG_WARN_RL(&rl, "domain %s: cannot read its XML: %s",
                     virDomainGetName(dom), last_error());
        return false;
    }
    char *error = lv_parse_domain_nics(xml, specs, n);
    free(xml);
    if (error) {
        w->n_errors++;
        VLOG_WARN_RL(&rl, "domain %s: %s", virDomainGetName(dom), error);
        free(error);
    }
    return true;
}

/* Whether a domain in 'state' for 'reason' (virDomainGetState()) has its
 * NICs attached.  One paused for a migration, or not yet started, is not
 * running here yet (an incoming migration) or any more (the end of an
 * outgoing one): its port is where the VM runs, and if the migration
 * fails, the RESUMED event on the source attaches it again. */
static bool
domain_runs(int state, int reason)
{
    switch (state) {
    case VIR_DOMAIN_NOSTATE:
    case VIR_DOMAIN_SHUTOFF:
    case VIR_DOMAIN_CRASHED:
        return false;
    case VIR_DOMAIN_PAUSED:
        return (reason != VIR_DOMAIN_PAUSED_MIGRATION
                && reason != VIR_DOMAIN_PAUSED_STARTING_UP
                && reason != VIR_DOMAIN_PAUSED_POSTCOPY_FAILED);
    default:
        return true;
    }
}

/* Makes this host's taps and NICs of domain 'uuid' ('dom', or NULL if it
 * no longer exists) match it.  Returns false if libvirt failed us: the
 * domain is tried again later. */
static bool
resync_domain(struct lv_watch *w, const char *uuid, virDomainPtr dom)
{
    struct lv_nic_spec *specs = NULL;
    size_t n = 0;
    bool ok = true;

    if (!dom) {
        /* Gone (undefined, or a transient domain that stopped). */
        lv_nics_apply(w, uuid, "", NULL, 0);
        return sync_domain_taps(w, uuid, "", NULL, 0);
    }

    const char *name = virDomainGetName(dom);
    if (read_nics(w, dom, VIR_DOMAIN_XML_INACTIVE, &specs, &n)) {
        ok = sync_domain_taps(w, uuid, name, specs, n);
        lv_nic_specs_free(specs, n);
    } else {
        ok = false;
    }

    int state, reason;
    if (virDomainGetState(dom, &state, &reason, 0) < 0) {
        w->n_errors++;
        VLOG_WARN_RL(&rl, "domain %s: %s", name, last_error());
        return false;       /* Left as it is, and tried again. */
    }
    specs = NULL;
    n = 0;
    if (domain_runs(state, reason) && !read_nics(w, dom, 0, &specs, &n)) {
        return false;
    }
    lv_nics_apply(w, uuid, name, specs, n);
    lv_nic_specs_free(specs, n);
    return ok;
}

/* After a failed call: a connection that died says so here rather than
 * only when its close callback runs. */
static void
check_alive(struct lv_watch *w)
{
    if (w->conn && virConnectIsAlive(w->conn) != 1) {
        w->lost = true;
    }
}

static void
resync_dirty(struct lv_watch *w)
{
    const char *uuid;

    SSET_FOR_EACH (uuid, &w->dirty) {
        virDomainPtr dom = virDomainLookupByUUIDString(w->conn, uuid);
        bool ok;
        if (!dom && virGetLastErrorCode() != VIR_ERR_NO_DOMAIN) {
            w->n_errors++;
            VLOG_WARN_RL(&rl, "domain %s: %s", uuid, last_error());
            ok = false;
        } else {
            ok = resync_domain(w, uuid, dom);
        }
        if (dom) {
            virDomainFree(dom);
        }
        if (!ok) {
            sset_add(&w->retry, uuid);
        }
    }
    sset_clear(&w->dirty);
    if (!sset_is_empty(&w->retry)) {
        check_alive(w);
    }
}

static void
resync_all(struct lv_watch *w)
{
    struct sset uuids = SSET_INITIALIZER(&uuids);
    virDomainPtr *doms = NULL;
    bool complete = true;

    int n = virConnectListAllDomains(w->conn, &doms, 0);
    if (n < 0) {
        w->n_errors++;
        VLOG_WARN_RL(&rl, "%s: cannot list domains: %s", w->uri,
                     last_error());
        w->next_full_resync = time_msec() + w->backoff;
        w->backoff = MIN(w->backoff * 2, BACKOFF_MAX_MSEC);
        check_alive(w);
        return;
    }
    w->full_resync = false;
    w->backoff = BACKOFF_MIN_MSEC;
    w->n_resyncs++;
    sset_clear(&w->dirty);
    for (int i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (!virDomainGetUUIDString(doms[i], uuid)) {
            sset_add(&uuids, uuid);
            complete &= resync_domain(w, uuid, doms[i]);
        } else {
            complete = false;
        }
        virDomainFree(doms[i]);
    }
    free(doms);

    struct shash_node *node;
    SHASH_FOR_EACH_SAFE (node, &w->nics) {
        struct lv_nic *nic = node->data;
        if (!sset_contains(&uuids, nic->uuid)) {
            lv_nic_remove(w, nic);
        }
    }
    lv_tap_list(&w->taps);
    remove_orphan_taps(w, &uuids);
    sset_destroy(&uuids);
    if (complete) {
        /* Every domain read: what is not attached now is not running. */
        w->stale_check = true;
        sset_clear(&w->retry);
    } else {
        /* Read everything again later rather than judge from half. */
        check_alive(w);
        w->full_resync = true;
        w->next_full_resync = time_msec() + RETRY_MSEC;
    }
    VLOG_INFO("%s: %d domains read%s, %"PRIuSIZE" vPlane NICs", w->uri, n,
              complete ? "" : " (some failed: again in 10 s)",
              shash_count(&w->nics));
}

/* Events: they only say which domain to read again. */

static void
mark_dirty(struct lv_watch *w, virDomainPtr dom)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    w->n_events++;
    COVERAGE_INC(libvirt_event);
    if (!virDomainGetUUIDString(dom, uuid)) {
        sset_add(&w->dirty, uuid);
    }
    poll_immediate_wake();
}

static int
on_lifecycle(virConnectPtr conn OVS_UNUSED, virDomainPtr dom, int event,
             int detail, void *w)
{
    VLOG_DBG("domain %s: lifecycle event %d/%d", virDomainGetName(dom),
             event, detail);
    mark_dirty(w, dom);
    return 0;
}

static void
on_device(virConnectPtr conn OVS_UNUSED, virDomainPtr dom,
          const char *alias, void *w)
{
    VLOG_DBG("domain %s: device %s added or removed", virDomainGetName(dom),
             alias);
    mark_dirty(w, dom);
}

static void
on_metadata(virConnectPtr conn OVS_UNUSED, virDomainPtr dom,
            int type OVS_UNUSED, const char *nsuri OVS_UNUSED, void *w)
{
    mark_dirty(w, dom);
}

static void
on_close(virConnectPtr conn OVS_UNUSED, int reason, void *w_)
{
    struct lv_watch *w = w_;

    VLOG_WARN("%s: connection to libvirt lost (reason %d); NICs stay "
              "attached, reconnecting", w->uri, reason);
    w->lost = true;
    poll_immediate_wake();
}

/* Connection. */

static void
disconnect(struct lv_watch *w)
{
    if (!w->conn) {
        return;
    }
    for (int i = 0; i < LV_N_EVENTS; i++) {
        if (w->callbacks[i] >= 0) {
            virConnectDomainEventDeregisterAny(w->conn, w->callbacks[i]);
            w->callbacks[i] = -1;
        }
    }
    virConnectUnregisterCloseCallback(w->conn, on_close);
    virConnectClose(w->conn);
    w->conn = NULL;
    w->lost = false;
    w->connected_at = 0;
}

static void
try_connect(struct lv_watch *w)
{
    static const struct {
        int id;
        virConnectDomainEventGenericCallback cb;
    } events[LV_N_EVENTS] = {
        [LV_EV_LIFECYCLE] = { VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                           VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle) },
        [LV_EV_DEVICE_ADDED] = { VIR_DOMAIN_EVENT_ID_DEVICE_ADDED,
                              VIR_DOMAIN_EVENT_CALLBACK(on_device) },
        [LV_EV_DEVICE_REMOVED] = { VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
                                VIR_DOMAIN_EVENT_CALLBACK(on_device) },
        [LV_EV_METADATA] = { VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                          VIR_DOMAIN_EVENT_CALLBACK(on_metadata) },
    };

    w->conn = virConnectOpen(w->uri);
    if (!w->conn) {
        const char *why = last_error();
        if (!w->conn_error || strcmp(w->conn_error, why)) {
            VLOG_WARN("%s: cannot connect: %s (retrying)", w->uri, why);
        }
        free(w->conn_error);
        w->conn_error = xstrdup(why);
        w->next_connect = time_msec() + w->backoff;
        w->backoff = MIN(w->backoff * 2, BACKOFF_MAX_MSEC);
        return;
    }

    /* Keepalives find a libvirtd that died without closing the socket;
     * drivers without them (test:///) say so, which is fine.  Without the
     * close callback or the events the watcher would be blind: that is a
     * failed connection, tried again. */
    virConnectSetKeepAlive(w->conn, 5, 3);
    char *error = NULL;
    if (virConnectRegisterCloseCallback(w->conn, on_close, w, NULL) < 0) {
        error = xasprintf("cannot follow the connection: %s", last_error());
    }
    for (int i = 0; i < LV_N_EVENTS && !error; i++) {
        w->callbacks[i] = virConnectDomainEventRegisterAny(
            w->conn, NULL, events[i].id, events[i].cb, w, NULL);
        if (w->callbacks[i] < 0) {
            error = xasprintf("cannot follow events %d: %s", events[i].id,
                              last_error());
        }
    }
    if (error) {
        VLOG_WARN("%s: %s (retrying)", w->uri, error);
        free(w->conn_error);
        w->conn_error = error;
        disconnect(w);
        w->next_connect = time_msec() + w->backoff;
        w->backoff = MIN(w->backoff * 2, BACKOFF_MAX_MSEC);
        return;
    }
    free(w->conn_error);
    w->conn_error = NULL;
    w->backoff = BACKOFF_MIN_MSEC;
    w->n_connects++;
    w->connected_at = time_msec();
    w->full_resync = true;
    w->next_full_resync = 0;
    if (w->n_connects > 1) {
        COVERAGE_INC(libvirt_reconnect);
    }
    VLOG_INFO("%s: connected", w->uri);
}

void
lv_watch_run(struct lv_watch *w)
{
    lv_loop_run();
    if (w->lost) {
        disconnect(w);
        w->next_connect = time_msec() + w->backoff;
    }
    if (!w->conn && time_msec() >= w->next_connect) {
        try_connect(w);
    }
    if (w->conn && w->full_resync && time_msec() >= w->next_full_resync) {
        resync_all(w);
    }
    if (w->conn && time_msec() >= w->next_retry) {
        /* NICs refused, and domains libvirt failed to tell about. */
        struct shash_node *node;
        SHASH_FOR_EACH (node, &w->nics) {
            const struct lv_nic *nic = node->data;
            if (nic->spec.error) {
                sset_add(&w->dirty, nic->uuid);
            }
        }
        const char *uuid;
        SSET_FOR_EACH (uuid, &w->retry) {
            sset_add(&w->dirty, uuid);
        }
        sset_clear(&w->retry);
        w->next_retry = time_msec() + RETRY_MSEC;
    }
    if (w->conn && !sset_is_empty(&w->dirty)) {
        resync_dirty(w);
    }
    lv_nics_report_stale(w);
}

void
lv_watch_wait(struct lv_watch *w)
{
    lv_loop_wait();
    if (w->lost || (w->conn && !sset_is_empty(&w->dirty))) {
        poll_immediate_wake();
    } else if (!w->conn) {
        poll_timer_wait_until(w->next_connect);
    } else {
        if (w->full_resync) {
            poll_timer_wait_until(w->next_full_resync);
        }
        poll_timer_wait_until(w->next_retry);
    }
}

void
lv_watch_resync(struct lv_watch *w)
{
    /* Forgotten without detaching: read again, each NIC is attached (or
     * reported) again, which changes nothing where nothing changed. */
    struct shash_node *node;
    SHASH_FOR_EACH (node, &w->nics) {
        lv_nic_free(node->data);
    }
    shash_clear(&w->nics);
    w->full_resync = true;
    w->next_full_resync = 0;
}

/* Control commands. */

static void
cmd_show(struct unixctl_conn *conn, int argc OVS_UNUSED,
         const char *argv[] OVS_UNUSED, void *w)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    lv_watch_format(w, &s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

static void
cmd_resync(struct unixctl_conn *conn, int argc OVS_UNUSED,
           const char *argv[] OVS_UNUSED, void *w_)
{
    struct lv_watch *w = w_;

    if (!w->conn) {
        unixctl_command_reply_error(conn, "not connected to libvirt");
        return;
    }
    lv_watch_resync(w);
    lv_watch_run(w);
    unixctl_command_reply(conn, NULL);
}

struct lv_watch *
lv_watch_create(const char *uri, struct ctl_context *ctx)
{
    static bool registered;
    struct lv_watch *w = xzalloc(sizeof *w);

    if (!registered) {
        lv_loop_register();
        virSetErrorFunc(NULL, quiet_error);
        registered = true;
    }
    w->uri = xstrdup(uri);
    w->ctx = ctx;
    for (int i = 0; i < LV_N_EVENTS; i++) {
        w->callbacks[i] = -1;
    }
    w->backoff = BACKOFF_MIN_MSEC;
    shash_init(&w->nics);
    sset_init(&w->dirty);
    smap_init(&w->taps);
    sset_init(&w->retry);
    unixctl_command_register("libvirt/show", "", 0, 0, cmd_show, w);
    unixctl_command_register("libvirt/resync", "", 0, 0, cmd_resync, w);
    /* The first connection is made by lv_watch_run(), once vplaned runs:
     * a libvirtd that is slow to answer must not hold up its start. */
    return w;
}

void
lv_watch_destroy(struct lv_watch *w)
{
    if (!w) {
        return;
    }
    /* The NICs stay attached: vplaned is stopping, and the ports the
     * controller knows stay bound until a new vplaned says otherwise. */
    disconnect(w);
    lv_loop_purge();
    struct shash_node *node;
    SHASH_FOR_EACH (node, &w->nics) {
        lv_nic_free(node->data);
    }
    shash_destroy(&w->nics);
    sset_destroy(&w->dirty);
    smap_destroy(&w->taps);
    sset_destroy(&w->retry);
    free(w->conn_error);
    free(w->uri);
    free(w);
}

/* Output. */

static const char *
connection_state(const struct lv_watch *w)
{
    return w->conn ? "connected" : "disconnected";
}

/* "attached", or "detached: " and why.  Returns whether it is attached. */
static bool
format_nic_state(const struct lv_watch *w, const struct lv_nic *nic,
                 struct ds *s)
{
    const char *refusal = (nic->attached && w->ctx->client
                           ? ctrl_client_port_refusal(w->ctx->client,
                                                      nic->spec.tap)
                           : NULL);
    if (nic->spec.error) {
        ds_put_format(s, "detached: %s", nic->spec.error);
    } else if (refusal) {
        ds_put_format(s, "detached: the controller refused it: %s", refusal);
    } else {
        ds_put_cstr(s, "attached");
    }
    return !nic->spec.error && !refusal;
}

static void
format_nic(const struct lv_watch *w, const struct lv_nic *nic, struct ds *s)
{
    ds_put_format(s, "  %-16s %-15s "ETH_ADDR_FMT" %-16s ",
                  nic->domain, nic->spec.tap ? nic->spec.tap : "-",
                  ETH_ADDR_ARGS(nic->spec.mac),
                  nic->spec.vnet ? nic->spec.vnet : "-");
    format_nic_state(w, nic, s);
    ds_put_char(s, '\n');
}

void
lv_watch_format(const struct lv_watch *w, struct ds *s)
{
    long long int now = time_msec();

    ds_put_format(s, "libvirt %s: %s", w->uri, connection_state(w));
    if (w->conn) {
        ds_put_format(s, " for %llds", (now - w->connected_at) / 1000);
    } else if (w->conn_error) {
        ds_put_format(s, " (%s)", w->conn_error);
    }
    ds_put_format(s, "\n  connections %llu, events %llu, full resyncs %llu, "
                  "NICs refused %llu, libvirt errors %llu\n",
                  w->n_connects, w->n_events, w->n_resyncs, w->n_refused,
                  w->n_errors);
    ds_put_format(s, "  %-16s %-15s %-17s %-16s %s\n", "DOMAIN", "TAP", "MAC",
                  "VNET", "STATE");
    const struct shash_node **nodes = shash_sort(&w->nics);
    for (size_t i = 0; i < shash_count(&w->nics); i++) {
        format_nic(w, nodes[i]->data, s);
    }
    free(nodes);

    const struct smap_node **taps = smap_sort(&w->taps);
    if (smap_count(&w->taps)) {
        ds_put_cstr(s, "  taps made by vPlane:");
        for (size_t i = 0; i < smap_count(&w->taps); i++) {
            ds_put_format(s, " %s", taps[i]->key);
        }
        ds_put_char(s, '\n');
    }
    free(taps);
}

void
lv_watch_format_brief(const struct lv_watch *w, struct ds *s)
{
    struct ds problems = DS_EMPTY_INITIALIZER;
    size_t n_attached = 0;

    const struct shash_node **nodes = shash_sort(&w->nics);
    for (size_t i = 0; i < shash_count(&w->nics); i++) {
        const struct lv_nic *nic = nodes[i]->data;
        size_t mark = problems.length;

        ds_put_format(&problems, "    domain %s NIC "ETH_ADDR_FMT" ",
                      nic->domain, ETH_ADDR_ARGS(nic->spec.mac));
        if (format_nic_state(w, nic, &problems)) {
            n_attached++;
            ds_truncate(&problems, mark);
        } else {
            ds_put_char(&problems, '\n');
        }
    }
    free(nodes);
    ds_put_format(s, "  libvirt %s: %s, %"PRIuSIZE" NICs attached\n", w->uri,
                  connection_state(w), n_attached);
    ds_put_cstr(s, ds_cstr(&problems));
    ds_destroy(&problems);
}
