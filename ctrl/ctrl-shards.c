/* ctrl/ctrl-shards.c: several active vplane-ctrl, each serving the hosts of
 * the shards whose locks it holds (shards.h; docs/controller.md, "Shards").
 *
 * Switches between the single controller (the main IDL's lock
 * "vplane_ctrl", as always) and shards when Deployment.shards changes,
 * loads and drops the hosts of the shards gained and lost, refuses the
 * hellos of other shards' hosts, and records who holds which shard
 * (Deployment.shard_holders) and who serves which host (Host.status
 * "controller", "live"), and gives a shard back to the controller that
 * prefers it (Deployment.shard_requests).  What serving a host means stays
 * ctrl.c's. */
#include <config.h>
#include "ctrl-private.h"

#include <string.h>
#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "shards.h"
#include "smap.h"
#include "snat-blocks.h"
#include "southbound.h"
#include "timeval.h"
#include "util.h"
#include "vplane/tables-config.h"

VLOG_DEFINE_THIS_MODULE(ctrl_shards);

COVERAGE_DEFINE(ctrl_hello_other_shard);
COVERAGE_DEFINE(ctrl_shard_superseded);
COVERAGE_DEFINE(ctrl_shard_write_withheld);
COVERAGE_DEFINE(ctrl_shard_handback_asked);
COVERAGE_DEFINE(ctrl_shard_handback_given);
COVERAGE_DEFINE(ctrl_shard_handback_refused);

/* Rebalancing: how long a controller waits in line for a shard it prefers
 * before it asks the holder for it (a controller that keeps restarting
 * does not pull the shard's hosts over each time), how long an asked
 * holder waits before it gives the lock up (the others in line see the
 * request meanwhile and leave the line), and how long both stay out of
 * the line afterwards. */
#define HANDBACK_ASK_MS 10000
#define HANDBACK_YIELD_MS 1000
#define HANDBACK_REQUEUE_MS 2000

/* How often the holder of shard 0 reads the other controllers' hosts'
 * liveness for the subset assignment: Host.status does not wake it. */
#define GLOBAL_CHECK_MS 1000

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

static unsigned int
n_shards(const struct ctrl *c)
{
    return c->shards ? shards_count(c->shards) : 1;
}

bool
ctrl_serves(const struct ctrl *c, const char *host)
{
    return !c->shards || c->serving[shard_of_host(host, n_shards(c))];
}

static const char *recorded_holder(const struct ctrl *, unsigned int k);

/* The global decisions (subsets, SNAT port blocks, the generation counter,
 * registering hosts) are the holder's of shard 0: its lock is the one a
 * single controller holds.  In sharded mode the main IDL, which writes
 * them, holds no lock, so holding shard 0's lock is not enough: the
 * database must also record this controller as shard 0's holder, and each
 * of its transactions verifies that record (ctrl_shards_verify()).  A
 * holder that lost the lock but has not seen it yet then writes nothing
 * global once the new holder has recorded itself: its transaction fails
 * (TRY_AGAIN) and, redone, sees another holder. */
bool
ctrl_is_global(const struct ctrl *c)
{
    if (!c->shards) {
        return true;
    }
    const char *holder = recorded_holder(c, 0);
    return c->serving[0] && holder && !strcmp(holder, c->name);
}

/* Whether this controller may write host 'host''s rows (its status, its
 * port bindings): it serves the host's shard and the database records it
 * as the shard's holder.  A holder that lost the lock but has not seen it
 * yet still serves, but once the new holder has recorded itself it writes
 * nothing of the shard's hosts: with ctrl_shards_verify() in the same
 * transaction, not even what it built before it saw the record.  What it
 * withholds it keeps (a shard not yet recorded is recorded by this very
 * controller in a moment) until it knows it lost the shard. */
bool
ctrl_shards_recorded(const struct ctrl *c, const char *host)
{
    if (!c->shards) {
        return true;
    }
    unsigned int k = shard_of_host(host, n_shards(c));
    const char *holder = recorded_holder(c, k);
    return c->serving[k] && holder && !strcmp(holder, c->name);
}

/* ctrl_shards_recorded(), counted and logged when not. */
bool
ctrl_shards_may_write(const struct ctrl *c, const char *host)
{
    if (ctrl_shards_recorded(c, host)) {
        return true;
    }
    unsigned int k = shard_of_host(host, n_shards(c));
    const char *holder = recorded_holder(c, k);
    COVERAGE_INC(ctrl_shard_write_withheld);
    VLOG_INFO_RL(&rl, "host %s: its rows not written: the database records "
                 "%s as the holder of its shard %u", host,
                 holder ? holder : "nobody", k);
    return false;
}

/* Makes the transaction being built fail if Deployment.shard_holders moved
 * since this controller read it: see ctrl_is_global() and
 * ctrl_shards_may_write().  OVSDB locks do not protect these writes:
 * ovsdb-server checks a lock only for an "assert" in a transaction of the
 * session that holds it (here another IDL), and each server of a cluster
 * has locks of its own, whereas a verified column is checked by the leader
 * in the transaction's own order.  The column changes only when a shard
 * changes hands. */
void
ctrl_shards_verify(const struct ctrl *c, const struct vprec_deployment *d)
{
    if (c->shards) {
        ovsdb_idl_txn_verify(&d->header_,
                             &vprec_deployment_col_shard_holders);
    }
}

char *
ctrl_set_identity(struct ctrl *c, const char *name, const char *prefs)
{
    if (name) {
        char *error = vp_parse_name("--name", name);
        if (error) {
            return error;
        }
        free(c->name);
        c->name = xstrdup(name);
    }
    if (prefs) {
        bool *p = xcalloc(SHARDS_MAX, sizeof *p);
        char *error = shards_parse_prefs(prefs, p);
        if (error) {
            free(p);
            return error;
        }
        free(c->prefs);
        c->prefs = p;
    }
    return NULL;
}

static const char *
recorded_holder(const struct ctrl *c, unsigned int k)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);

    for (size_t i = 0; d && i < d->n_shard_holders; i++) {
        if (d->key_shard_holders[i] == k) {
            return d->value_shard_holders[i];
        }
    }
    return NULL;
}

/* Whether the deployment's number of shards changed, in which case every
 * session is to close (the caller deactivates) and the locks are taken
 * anew. */
bool
ctrl_shards_mode_changed(struct ctrl *c)
{
    if (!ovsdb_idl_has_ever_connected(c->idl)) {
        return false;
    }
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);
    unsigned int n = d && d->n_shards ? d->shards[0] : 1;
    if (n == n_shards(c)) {
        return false;
    }
    VLOG_INFO("the deployment has %u shards (was %u): taking the locks "
              "anew", n, n_shards(c));
    shards_destroy(c->shards);
    c->shards = NULL;
    free(c->serving);
    c->serving = NULL;
    free(c->claimed);
    c->claimed = NULL;
    free(c->handback);
    c->handback = NULL;
    if (n > 1) {
        /* Writes are each shard holder's own (see ctrl-db.c), not one
         * lock's. */
        ovsdb_idl_set_lock(c->idl, NULL);
        c->shards = shards_create(c->db_remote, n, c->prefs);
        c->serving = xcalloc(n, sizeof *c->serving);
        c->claimed = xcalloc(n, sizeof *c->claimed);
        c->handback = xcalloc(n, sizeof *c->handback);
    } else {
        ovsdb_idl_set_lock(c->idl, "vplane_ctrl");
        c->unlocked_seqno = ovsdb_idl_get_seqno(c->idl);
    }
    return true;
}

/* Its hosts go: they reconnect, and the controller that takes the shard
 * serves them. */
static void
shard_lost(struct ctrl *c, unsigned int k)
{
    struct ctrl_host *h, *next;
    size_t n = 0;

    c->serving[k] = false;
    c->claimed[k] = false;
    c->handback[k].yield_at = 0;
    c->handback[k].yielding = false;
    HMAP_FOR_EACH_SAFE (h, next, node, &c->hosts) {
        if (shard_of_host(h->name, n_shards(c)) == k) {
            if (h->session) {
                sb_session_set_host(h->session, NULL);
                sb_session_close(h->session);
                n++;
            }
            hmap_remove(&c->hosts, &h->node);
            ctrl_host_free(h);
        }
    }
    /* Their reports not yet written go too: the new holder hears them
     * again, since a host reports its ports anew on each session.  Their
     * last status (connected=false...) is the new holder's to write, as
     * after a crash; what a transaction in flight carries for them commits
     * or not as it is (a redo drops it, ctrl_db_write()). */
    size_t n_reports = ctrl_db_drop_reports(c);
    if (!k) {
        /* The new holder of shard 0 reads the blocks from the database. */
        snat_blocks_destroy(c->snat);
        c->snat = snat_blocks_create();
    }
    VLOG_WARN("shard %u: lost its lock: %"PRIuSIZE" of its hosts' sessions "
              "closed, %"PRIuSIZE" port reports dropped", k, n, n_reports);
}

static void
shard_gained(struct ctrl *c, unsigned int k)
{
    const struct vprec_host *row;

    c->serving[k] = true;
    c->claimed[k] = false;
    c->holders_dirty = true;
    if (c->loaded) {
        VPREC_HOST_FOR_EACH (row, c->idl) {
            if (shard_of_host(row->name, n_shards(c)) == k
                && !ctrl_host_find(c, row->name)) {
                ctrl_load_host(c, row);
            }
        }
    }
    if (!k) {
        c->subsets_dirty = true;
    }
    VLOG_INFO("shard %u of %u: holding its lock: serving its hosts", k,
              n_shards(c));
}

/* Rebalancing (docs/controller.md, "Shards"): a shard goes back to the
 * controller that prefers it (--shards) when that one comes back.  OVSDB
 * locks have no priorities: ovsdb-server hands a lock to the first in
 * line, and a holder keeps it until it lets go.  So the preferred
 * controller, once it has waited in line HANDBACK_ASK_MS, asks through the
 * database (Deployment.shard_requests: shard -> its name); every
 * controller that does not prefer the shard and is in line leaves the line
 * while a request stands, so that the preferred one is first; the holder,
 * HANDBACK_YIELD_MS later, clears the request and, once the database shows
 * it cleared, gives the lock up.  The lock then goes straight to the
 * preferred controller and the shard's hosts move once.  A holder that
 * prefers the shard too clears the request and keeps the lock; a
 * requester that gets the lock clears its own.  The request lives only as
 * long as the shard's holder does not see it, so a requester that dies
 * leaves nothing behind for long. */
enum handback_action {
    HANDBACK_NONE,
    HANDBACK_ASK,               /* Write this controller's request. */
    HANDBACK_CLEAR,             /* Held: clear the request. */
};

static const char *
requested_by(const struct ctrl *c, unsigned int k)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);

    for (size_t i = 0; d && i < d->n_shard_requests; i++) {
        if (d->key_shard_requests[i] == k) {
            return d->value_shard_requests[i];
        }
    }
    return NULL;
}

static enum handback_action
handback_action(const struct ctrl *c, unsigned int k, long long int now)
{
    const struct shard_handback *hb = &c->handback[k];
    const char *req = requested_by(c, k);
    bool mine = req && !strcmp(req, c->name);

    if (shards_held(c->shards, k)) {
        if (req && (mine || shards_preferred(c->shards, k)
                    || (hb->yield_at && now >= hb->yield_at))) {
            return HANDBACK_CLEAR;
        }
        return HANDBACK_NONE;
    }
    const char *holder = recorded_holder(c, k);
    long long int since = shards_waiting_since(c->shards, k);
    if (shards_preferred(c->shards, k) && !req
        && since != LLONG_MAX && now >= since + HANDBACK_ASK_MS
        && now >= hb->request_at && holder && strcmp(holder, c->name)) {
        return HANDBACK_ASK;
    }
    return HANDBACK_NONE;
}

/* Whether ctrl_shards_write_requests() has something to write. */
bool
ctrl_shards_requests_due(const struct ctrl *c)
{
    long long int now = time_msec();

    if (!c->shards || !ovsdb_idl_is_connected(c->idl)
        || !vprec_deployment_first(c->idl)) {
        return false;
    }
    for (unsigned int k = 0; k < n_shards(c); k++) {
        if (handback_action(c, k, now) != HANDBACK_NONE) {
            return true;
        }
    }
    return false;
}

void
ctrl_shards_write_requests(struct ctrl *c, const struct vprec_deployment *d)
{
    long long int now = time_msec();

    for (unsigned int k = 0; c->shards && k < n_shards(c); k++) {
        struct shard_handback *hb = &c->handback[k];
        const char *req = requested_by(c, k);

        switch (handback_action(c, k, now)) {
        case HANDBACK_ASK:
            COVERAGE_INC(ctrl_shard_handback_asked);
            VLOG_INFO("shard %u: waited %d s in line for it: asking %s to "
                      "give it back", k, HANDBACK_ASK_MS / 1000,
                      recorded_holder(c, k));
            vprec_deployment_update_shard_requests_setkey(d, k, c->name);
            hb->request_at = now + HANDBACK_ASK_MS;
            break;
        case HANDBACK_CLEAR:
            if (!strcmp(req, c->name)) {
                VLOG_INFO("shard %u: holding it: its request done", k);
            } else if (shards_preferred(c->shards, k)) {
                COVERAGE_INC(ctrl_shard_handback_refused);
                VLOG_WARN_RL(&rl, "shard %u: %s asks for it, but this "
                             "controller prefers it too (--shards): kept",
                             k, req);
            } else {
                VLOG_INFO("shard %u: %s prefers it: giving it back", k, req);
                hb->yielding = true;
            }
            vprec_deployment_update_shard_requests_delkey(d, k);
            break;
        case HANDBACK_NONE:
            break;
        }
    }
}

static void
handback_run(struct ctrl *c)
{
    long long int now = time_msec();

    for (unsigned int k = 0; k < n_shards(c); k++) {
        struct shard_handback *hb = &c->handback[k];
        const char *req = requested_by(c, k);
        bool other = req && strcmp(req, c->name);

        if (shards_preferred(c->shards, k)) {
            continue;
        } else if (shards_held(c->shards, k)) {
            if (hb->yielding && !req) {
                /* The database shows the request cleared: the others in
                 * line have left it, the preferred controller has not. */
                COVERAGE_INC(ctrl_shard_handback_given);
                shards_stand_aside(c->shards, k, now + HANDBACK_REQUEUE_MS);
                hb->yielding = false;
                hb->yield_at = 0;
            } else if (other && !hb->yield_at) {
                hb->yield_at = now + HANDBACK_YIELD_MS;
            }
        } else if (other) {
            shards_stand_aside(c->shards, k, now + HANDBACK_REQUEUE_MS);
        }
    }
}

static void
handback_wait(const struct ctrl *c)
{
    long long int now = time_msec();

    for (unsigned int k = 0; k < n_shards(c); k++) {
        const struct shard_handback *hb = &c->handback[k];
        long long int since = shards_waiting_since(c->shards, k);
        long long int t = LLONG_MAX;

        if (hb->yield_at > now) {
            t = hb->yield_at;
        } else if (since != LLONG_MAX && shards_preferred(c->shards, k)) {
            t = MAX(since + HANDBACK_ASK_MS, hb->request_at);
        }
        if (t > now && t != LLONG_MAX) {
            poll_timer_wait_until(t);
        }
    }
    if (!c->active && !c->txn && ctrl_shards_requests_due(c)) {
        poll_immediate_wake();
    }
}

/* A controller that serves no shard is not active and writes nothing else,
 * but may still have to ask for a shard back (or clear a request). */
void
ctrl_shards_run_idle(struct ctrl *c)
{
    if (!c->shards) {
        return;
    }
    if (c->txn) {
        enum ovsdb_idl_txn_status status = ovsdb_idl_txn_commit(c->txn);
        if (status != TXN_INCOMPLETE) {
            if (status != TXN_SUCCESS && status != TXN_UNCHANGED) {
                VLOG_INFO_RL(&rl, "shard request not written (%s)",
                             ovsdb_idl_txn_status_to_string(status));
            }
            ovsdb_idl_txn_destroy(c->txn);
            c->txn = NULL;
        }
    } else if (ctrl_shards_requests_due(c)) {
        c->txn = ovsdb_idl_txn_create(c->idl);
        ovsdb_idl_txn_add_comment(c->txn, "vplane-ctrl %s: shard request",
                                  c->name);
        ctrl_shards_write_requests(c, vprec_deployment_first(c->idl));
        ovsdb_idl_txn_commit(c->txn);
    }
}

/* Returns whether this controller serves any shard. */
bool
ctrl_shards_run(struct ctrl *c)
{
    bool any = false;

    shards_run(c->shards);
    handback_run(c);
    for (unsigned int k = 0; k < n_shards(c); k++) {
        bool held = shards_held(c->shards, k);
        if (!held && c->serving[k]) {
            shard_lost(c, k);
        } else if (held && !c->serving[k]) {
            shard_gained(c, k);
        }
        if (c->serving[k] && !c->claimed[k]) {
            const char *holder = recorded_holder(c, k);
            c->claimed[k] = holder && !strcmp(holder, c->name);
        }
        any |= held;
    }
    return any;
}

void
ctrl_shards_wait(struct ctrl *c)
{
    if (c->shards) {
        shards_wait(c->shards);
        handback_wait(c);
        if (c->active && ctrl_is_global(c) && ctrl_db_can_write(c)) {
            poll_timer_wait_until(c->next_global_check);
        }
    }
}

/* The error a hello of another shard's host gets: the host then tries its
 * next controller. */
char *
ctrl_shards_refuse(const struct ctrl *c, const char *host)
{
    if (ctrl_serves(c, host)) {
        return NULL;
    }
    unsigned int k = shard_of_host(host, n_shards(c));
    const char *holder = recorded_holder(c, k);

    COVERAGE_INC(ctrl_hello_other_shard);
    VLOG_INFO_RL(&rl, "host %s: refused, its shard %u is not this "
                 "controller's", host, k);
    return xasprintf("shard: host \"%s\" is in shard %u of %u, which "
                     "vplane-ctrl %s does not serve (%s%s): try another "
                     "controller", host, k, n_shards(c), c->name,
                     holder ? "last recorded holder: " : "no holder recorded",
                     holder ? holder : "");
}

/* Records the shards held, each key on its own (a mutation), so that
 * controllers writing their own shards never conflict.  Once recorded, a
 * shard is not recorded again: another name there since means another
 * controller took the shard and this one has not yet seen its lock go
 * (writing it back would take shard 0's global decisions back from the
 * new holder, ctrl_is_global()). */
void
ctrl_shards_write(struct ctrl *c, const struct vprec_deployment *d)
{
    if (!c->shards || !c->holders_dirty) {
        return;
    }
    for (unsigned int k = 0; k < n_shards(c); k++) {
        const char *holder = recorded_holder(c, k);
        if (!c->serving[k] || (holder && !strcmp(holder, c->name))) {
            continue;
        } else if (c->claimed[k]) {
            COVERAGE_INC(ctrl_shard_superseded);
            VLOG_WARN_RL(&rl, "shard %u: the database records %s as its "
                         "holder: this controller's lock is going",
                         k, holder ? holder : "nobody");
        } else {
            vprec_deployment_update_shard_holders_setkey(d, k, c->name);
        }
    }
    c->holders_dirty = false;
}

/* Whether another controller's host counts as live for the subsets: as
 * its controller last wrote. */
bool
ctrl_shards_host_live(const struct ctrl *c, const struct vprec_host *row)
{
    const struct ctrl_host *h = ctrl_host_find(c, row->name);

    if (ctrl_serves(c, row->name)) {
        return h && h->live;
    }
    return smap_get_bool(&row->status, "live", false);
}

static void
format_list(const struct ctrl *c, bool serving, struct ds *s)
{
    size_t start = s->length;

    for (unsigned int k = 0; k < n_shards(c); k++) {
        if (c->serving[k] == serving) {
            ds_put_format(s, "%s%u", s->length > start ? "," : "", k);
        }
    }
    if (s->length == start) {
        ds_put_cstr(s, "none");
    }
}

void
ctrl_shards_format_header(const struct ctrl *c, struct ds *s)
{
    if (!c->shards) {
        return;
    }
    ds_put_format(s, "%u shards; this vplane-ctrl (%s) serves ",
                  n_shards(c), c->name);
    format_list(c, true, s);
    ds_put_cstr(s, "\n");
}

/* SHARD and SERVED_BY: this controller, or the shard's holder recorded in
 * the database. */
void
ctrl_shards_format_host(const struct ctrl *c, const struct vprec_host *row,
                        struct ds *s)
{
    unsigned int k = shard_of_host(row->name, n_shards(c));
    const char *holder = (ctrl_serves(c, row->name) ? c->name
                          : recorded_holder(c, k));

    ds_put_format(s, "%5u  %-16s ", k, holder ? holder : "-");
}

/* Another controller's host, from the status its controller wrote. */
void
ctrl_shards_format_other(const struct ctrl *c, const struct vprec_host *row,
                         struct ds *s)
{
    const char *via = smap_get(&row->status, "controller");
    char conn[64];

    if (smap_get_bool(&row->status, "connected", false)) {
        snprintf(conn, sizeof conn, "up via %s", via ? via : "?");
    } else {
        ovs_strlcpy(conn, "not connected", sizeof conn);
    }
    ds_put_format(s, "%-16s %-15s %-24s %-5s %10s %10s %7"PRIuSIZE"  ",
                  row->name, row->vtep, conn,
                  smap_get_bool(&row->status, "live", false) ? "yes" : "no",
                  smap_get_def(&row->status, "generation", "0"),
                  smap_get_def(&row->status, "acked", "0"), row->n_subsets);
    /* Only shard 0's holder hands the blocks out and knows them. */
    size_t start = s->length;
    if (ctrl_is_global(c)) {
        snat_blocks_format_host(c->snat, row->name, s);
    } else {
        ds_put_cstr(s, "(shard 0's holder)");
    }
    ds_put_char_multiple(s, ' ', MAX(1, 25 - (int) (s->length - start)));
    ctrl_shards_format_host(c, row, s);
    ds_put_format(s, "%s\n", smap_get_def(&row->status, "error", "-"));
}

/* ctrl/shards: every shard, who holds it, how many hosts it has. */
void
ctrl_format_shards(const struct ctrl *c, struct ds *s)
{
    if (!c->shards) {
        ds_put_format(s, "1 shard (Deployment.shards unset or 1): %s\n",
                      c->active ? "this vplane-ctrl serves every host"
                      : "standby: another vplane-ctrl holds the database "
                        "lock");
        return;
    }
    unsigned int n = n_shards(c);
    size_t *hosts = xcalloc(n, sizeof *hosts);
    const struct vprec_host *row;
    VPREC_HOST_FOR_EACH (row, c->idl) {
        hosts[shard_of_host(row->name, n)]++;
    }
    ctrl_shards_format_header(c, s);
    ds_put_format(s, "%-5s %-6s %-9s %-10s %s\n", "SHARD", "HOSTS",
                  "PREFERRED", "HERE", "RECORDED_HOLDER");
    for (unsigned int k = 0; k < n; k++) {
        const char *holder = recorded_holder(c, k);
        ds_put_format(s, "%-5u %-6"PRIuSIZE" %-9s %-10s %s\n", k, hosts[k],
                      shards_preferred(c->shards, k) ? "yes" : "no",
                      c->serving[k] ? "serving"
                      : shards_requested(c->shards, k) ? "queued"
                      : "waiting",
                      holder ? holder : "-");
    }
    free(hosts);
}
