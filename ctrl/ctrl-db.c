/* ctrl/ctrl-db.c: what the controller writes to the database.
 *
 * Operators own the desired state; the controller writes only what it alone
 * knows: the Deployment row's defaults, hosts that registered themselves,
 * port bindings the hosts report, the query-subset assignment, each host's
 * SNAT port block, Host.status and the generation counter.  Everything
 * pending goes into one transaction at a time.  A transaction that fails
 * because the database moved under it (TRY_AGAIN) is redone from the new
 * contents; one the database refuses is logged and dropped, so a bad report
 * cannot wedge the controller. */
#include <config.h>
#include "ctrl-private.h"

#include <stdlib.h>
#include <string.h>
#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "nb-check.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "jsonrpc.h"
#include "ovsdb-idl.h"
#include "smap.h"
#include "snat-blocks.h"
#include "southbound.h"
#include "vplane/protocol.h"
#include "subsets.h"
#include "timeval.h"
#include "util.h"
#include "vplane/peers.h"

VLOG_DEFINE_THIS_MODULE(ctrl_db);

COVERAGE_DEFINE(ctrl_port_refused);
COVERAGE_DEFINE(ctrl_port_report_dropped);

#define DEFAULT_N_SUBSETS 64
#define DEFAULT_GRACE_S 10
#define STATUS_INTERVAL_MS 1000

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
port_event_free(struct port_event *e)
{
    if (e) {
        free(e->host);
        free(e->port);
        free(e->vnet);
        free(e->mac);
        free(e->vm);
        for (size_t i = 0; i < e->n_ips; i++) {
            free(e->ips[i]);
        }
        free(e->ips);
        free(e);
    }
}

static const struct vprec_deployment *
ensure_deployment(struct ctrl *c, struct ovsdb_idl_txn *txn)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);

    if (!d) {
        struct vprec_deployment *nd = vprec_deployment_insert(txn);
        vprec_deployment_set_owner_rule(nd, "lower");
        vprec_deployment_set_query_mode(nd, "forward");
        vprec_deployment_set_n_subsets(nd, DEFAULT_N_SUBSETS);
        vprec_deployment_set_grace_period(nd, DEFAULT_GRACE_S);
        vprec_deployment_set_auto_register(nd, false);
        vprec_deployment_set_generation(nd, c->generation);
        VLOG_INFO("created the Deployment row with defaults");
        d = nd;
    }
    return d;
}

static const struct vprec_host *
host_by_vtep(const struct ctrl *c, const char *vtep)
{
    const struct vprec_host *row;

    VPREC_HOST_FOR_EACH (row, c->idl) {
        if (!strcmp(row->vtep, vtep)) {
            return row;
        }
    }
    return NULL;
}

/* Hosts that said hello while Deployment.auto_register is true. */
static void
register_hosts(struct ctrl *c, struct ovsdb_idl_txn *txn)
{
    const char *entry;

    SSET_FOR_EACH (entry, &c->to_register) {
        char *name = xstrdup(entry);
        char *vtep = strchr(name, ' ');

        *vtep++ = '\0';
        if (ctrl_host_row(c, name)) {
            /* Registered meanwhile. */
        } else if (host_by_vtep(c, vtep)) {
            VLOG_WARN_RL(&rl, "host %s: not registered, VTEP %s belongs to "
                         "host %s", name, vtep,
                         host_by_vtep(c, vtep)->name);
        } else {
            struct vprec_host *row = vprec_host_insert(txn);
            vprec_host_set_name(row, name);
            vprec_host_set_vtep(row, vtep);
            VLOG_INFO("host %s (VTEP %s) registered itself", name, vtep);
        }
        free(name);
    }
    sset_clear(&c->to_register);
}

static const struct vprec_vnet *
vnet_by_name(const struct ctrl *c, const char *name)
{
    const struct vprec_vnet *vnet;

    VPREC_VNET_FOR_EACH (vnet, c->idl) {
        if (!strcmp(vnet->name, name)) {
            return vnet;
        }
    }
    return NULL;
}

/* The port of 'vnet' that has 'mac' (MACs are stored canonical). */
static const struct vprec_port *
port_by_mac(const struct ctrl *c, const struct vprec_vnet *vnet,
            const char *mac)
{
    const struct vprec_port *port;

    VPREC_PORT_FOR_EACH (port, c->idl) {
        if (port->vnet == vnet && !strcmp(port->mac, mac)) {
            return port;
        }
    }
    return NULL;
}

/* A port of 'vnet' other than 'self' that has address 'ip', or NULL. */
static const struct vprec_port *
port_by_ip(const struct ctrl *c, const struct vprec_vnet *vnet,
           const char *ip, const struct vprec_port *self)
{
    const struct vprec_port *port;

    VPREC_PORT_FOR_EACH (port, c->idl) {
        if (port->vnet != vnet || port == self) {
            continue;
        }
        for (size_t i = 0; i < port->n_ips; i++) {
            if (!strcmp(port->ips[i], ip)) {
                return port;
            }
        }
    }
    return NULL;
}

/* The origin a port row created from a host's report carries, so that it
 * goes away with the VM rather than lingering as desired state. */
#define ORIGIN_KEY "vplane-origin"
#define ORIGIN_HOST "host"

/* Takes 'port' off its host: a row that exists only because a host
 * reported it goes away with the report. */
static void
unbind(const struct vprec_port *port)
{
    if (!strcmp(smap_get_def(&port->external_ids, ORIGIN_KEY, ""),
                ORIGIN_HOST)) {
        vprec_port_delete(port);
    } else {
        vprec_port_set_host(port, NULL);
        vprec_port_set_name(port, "");
        vprec_port_set_up(port, false);
    }
}

/* A port report the database cannot take: counted, logged, and told to the
 * host (vplane.1.port-refused), which shows it and reports the port again
 * later.  Takes 'error'. */
static void
refuse_port(struct ctrl *c, const struct port_event *e, char *error)
{
    COVERAGE_INC(ctrl_port_refused);
    VLOG_WARN_RL(&rl, "host %s: port %s (%s) not bound: %s", e->host,
                 e->port, e->mac, error);

    const struct ctrl_host *h = ctrl_host_find(c, e->host);
    if (h && h->session && e->up) {
        struct json *p = json_object_create();
        json_object_put_string(p, "port", e->port);
        json_object_put_string(p, "vnet", e->vnet);
        json_object_put_string(p, "mac", e->mac);
        json_object_put_string(p, "error", error);
        sb_session_send(h->session, jsonrpc_create_notify(
                            VP_METHOD_PORT_REFUSED, json_array_create_1(p)));
    }
    free(error);
}

/* Binds the reported port to its host.  Returns whether anything changed. */
static bool
port_up(struct ctrl *c, const struct port_event *e,
        const struct vprec_host *host, const struct vprec_vnet *vnet)
{
    const struct vprec_port *port = port_by_mac(c, vnet, e->mac);
    const struct vprec_port *other;

    if (port && port->host == host && !strcmp(port->name, e->port)
        && port->up && (!e->vm || (port->vm_id
                                    && !strcmp(port->vm_id, e->vm)))) {
        return false;           /* Nothing new: a repeated report. */
    }
    if (e->refresh && port && port->host && port->host != host) {
        /* The VM moved to another host while this one was away. */
        VLOG_INFO("host %s: port %s (%s) is now on host %s: its repeated "
                  "report is ignored", e->host, e->port, e->mac,
                  port->host->name);
        return false;
    }
    for (size_t i = 0; i < e->n_ips; i++) {
        if (port && port->n_ips) {
            break;              /* The database's addresses win. */
        }
        char *error = nb_check_vm_ip(vnet, e->ips[i]);
        if (error) {
            refuse_port(c, e, error);
            return false;
        }
        other = port_by_ip(c, vnet, e->ips[i], port);
        if (other) {
            refuse_port(c, e, xasprintf("IP %s is port %s's in VNet %s",
                                        e->ips[i], other->mac, e->vnet));
            return false;
        }
    }

    /* One interface name on a host is one port: a different port that had
     * it (a VM that went without a "down") loses it. */
    const struct vprec_port *next;
    VPREC_PORT_FOR_EACH_SAFE (other, next, c->idl) {
        if (other != port && other->host == host
            && !strcmp(other->name, e->port)) {
            unbind(other);
        }
    }

    if (!port) {
        struct vprec_port *np = vprec_port_insert(c->txn);
        vprec_port_set_vnet(np, vnet);
        vprec_port_set_mac(np, e->mac);
        vprec_port_update_external_ids_setkey(np, ORIGIN_KEY, ORIGIN_HOST);
        port = np;
    }
    if (!port->n_ips && e->n_ips) {
        vprec_port_set_ips(port, (const char **) e->ips, e->n_ips);
    }
    if (port->host && port->host != host) {
        VLOG_INFO("port %s in VNet %s moves from host %s to host %s",
                  e->mac, e->vnet, port->host->name, e->host);
    }
    vprec_port_set_host(port, host);
    vprec_port_set_vtep(port, NULL);
    vprec_port_set_name(port, e->port);
    vprec_port_set_up(port, true);
    if (e->vm) {
        vprec_port_set_vm_id(port, e->vm);
    }
    return true;
}

static bool
port_down(struct ctrl *c, const struct port_event *e,
          const struct vprec_host *host, const struct vprec_vnet *vnet)
{
    const struct vprec_port *port = port_by_mac(c, vnet, e->mac);

    if (!port || port->host != host || strcmp(port->name, e->port)) {
        /* Already elsewhere (a VM that moved) or already gone. */
        VLOG_DBG("host %s: port %s down, not bound there: ignored", e->host,
                 e->port);
        return false;
    }
    unbind(port);
    return true;
}

/* Drops the pending port reports of hosts this controller no longer
 * serves (a shard lost).  Returns how many. */
size_t
ctrl_db_drop_reports(struct ctrl *c)
{
    struct port_event *e, *next;
    size_t n = 0;

    LIST_FOR_EACH_SAFE (e, next, node, &c->port_events) {
        if (!ctrl_serves(c, e->host)) {
            ovs_list_remove(&e->node);
            port_event_free(e);
            n++;
        }
    }
    COVERAGE_ADD(ctrl_port_report_dropped, n);
    return n;
}

/* Whether report 'e' waits until this controller is recorded as its
 * host's shard's holder; counted and logged once. */
static bool
report_withheld(struct ctrl *c, struct port_event *e)
{
    if (ctrl_shards_recorded(c, e->host)) {
        return false;
    }
    if (!e->withheld) {
        e->withheld = true;
        ctrl_shards_may_write(c, e->host);
    }
    return true;
}

static void
write_port_events(struct ctrl *c, const struct vprec_deployment *d)
{
    struct ovs_list withheld = OVS_LIST_INITIALIZER(&withheld);
    struct port_event *e;
    bool changed = false;

    LIST_FOR_EACH_POP (e, node, &c->port_events) {
        const struct vprec_host *host = ctrl_host_row(c, e->host);
        const struct vprec_vnet *vnet = vnet_by_name(c, e->vnet);

        if (!ctrl_serves(c, e->host)) {
            /* Put back by a failed transaction after its shard was lost:
             * the host reports it again to the new holder. */
            COVERAGE_INC(ctrl_port_report_dropped);
            VLOG_INFO_RL(&rl, "host %s: port %s report dropped: its shard "
                         "is no longer served here", e->host, e->port);
            port_event_free(e);
            continue;
        } else if (report_withheld(c, e)) {
            ovs_list_push_back(&withheld, &e->node);
            continue;
        } else if (!host) {
            VLOG_WARN_RL(&rl, "host %s: port %s report dropped: host not in "
                         "the database", e->host, e->port);
            port_event_free(e);
            continue;
        } else if (!vnet) {
            refuse_port(c, e, xasprintf("no VNet named \"%s\"", e->vnet));
            port_event_free(e);
            continue;
        }
        changed |= (e->up ? port_up(c, e, host, vnet)
                    : port_down(c, e, host, vnet));
        ovs_list_push_back(&c->txn_events, &e->node);
    }
    ovs_list_push_back_all(&c->port_events, &withheld);
    if (changed) {
        /* Port bindings are desired state too: serialize with vplane-ctl's
         * transactions (nbctl.h), so that its checks and ours see one
         * order. */
        ovsdb_idl_txn_verify(&d->header_, &vprec_deployment_col_nb_seqno);
        vprec_deployment_set_nb_seqno(d, d->nb_seqno + 1);
    }
}

static int
compare_host_rows(const void *a_, const void *b_)
{
    const struct vprec_host *const *a = a_, *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

static int
compare_int64(const void *a_, const void *b_)
{
    const int64_t *a = a_, *b = b_;
    return *a < *b ? -1 : *a > *b;
}

/* Spreads the subsets over the live hosts, moving as few as possible, and
 * writes the Host rows whose share changed. */
static void
assign_subsets(struct ctrl *c, const struct vprec_deployment *d)
{
    size_t n_subsets = d->n_subsets > 0 ? d->n_subsets : DEFAULT_N_SUBSETS;
    size_t n_rows = 0, n_live = 0;
    const struct vprec_host *row;

    VPREC_HOST_FOR_EACH (row, c->idl) {
        n_rows++;
    }
    const struct vprec_host **rows = xmalloc((n_rows + 1) * sizeof *rows);
    const struct vprec_host **live = xmalloc((n_rows + 1) * sizeof *live);
    n_rows = 0;
    VPREC_HOST_FOR_EACH (row, c->idl) {
        rows[n_rows++] = row;
    }
    /* By name, so that the outcome does not depend on row order. */
    qsort(rows, n_rows, sizeof *rows, compare_host_rows);
    int *live_idx = xmalloc((n_rows + 1) * sizeof *live_idx);
    for (size_t i = 0; i < n_rows; i++) {
        live_idx[i] = -1;
        if (ctrl_shards_host_live(c, rows[i])) {
            live_idx[i] = n_live;
            live[n_live++] = rows[i];
        }
    }

    int *current = xmalloc(n_subsets * sizeof *current);
    int *assign = xmalloc(n_subsets * sizeof *assign);
    for (size_t s = 0; s < n_subsets; s++) {
        current[s] = -1;
    }
    for (size_t i = 0; i < n_live; i++) {
        for (size_t j = 0; j < live[i]->n_subsets; j++) {
            int64_t s = live[i]->subsets[j];
            if (s >= 0 && s < n_subsets && current[s] < 0) {
                current[s] = i;
            }
        }
    }
    size_t moved = subsets_assign(n_subsets, current, n_live, assign);

    /* Write every row whose set differs, including hosts no longer live
     * (they hold nothing) and rows with duplicates or out-of-range
     * subsets. */
    int64_t *mine = xmalloc(n_subsets * sizeof *mine);
    size_t n_written = 0;
    for (size_t i = 0; i < n_rows; i++) {
        int idx = live_idx[i];
        size_t n = 0;
        for (size_t s = 0; idx >= 0 && s < n_subsets; s++) {
            if (assign[s] == idx) {
                mine[n++] = s;
            }
        }
        int64_t *have = xmemdup(rows[i]->subsets,
                                rows[i]->n_subsets * sizeof *have);
        qsort(have, rows[i]->n_subsets, sizeof *have, compare_int64);
        if (n != rows[i]->n_subsets || memcmp(have, mine, n * sizeof *mine)) {
            vprec_host_set_subsets(rows[i], mine, n);
            n_written++;
        }
        free(have);
    }
    if (n_written) {
        VLOG_INFO("query subsets: %"PRIuSIZE" subsets over %"PRIuSIZE" live "
                  "hosts, %"PRIuSIZE" moved", n_subsets, n_live, moved);
    }
    free(mine);
    free(live_idx);
    free(current);
    free(assign);
    free(rows);
    free(live);
}

/* The changes that the assignments (subsets, SNAT port blocks) follow:
 * hosts added or deleted, a hand-edited assignment, the subset count, and
 * (snat-needs.h) which hosts need which SNAT pool.  Must see every change,
 * so ctrl_run() calls it before anything clears the tracked rows. */
void
ctrl_db_track(struct ctrl *c)
{
    const struct vprec_host *row;

    VPREC_HOST_FOR_EACH_TRACKED (row, c->idl) {
        if (vprec_host_is_new(row) || vprec_host_is_deleted(row)
            || vprec_host_is_updated(row, VPREC_HOST_COL_NAME)
            || vprec_host_is_updated(row, VPREC_HOST_COL_SUBSETS)) {
            c->subsets_dirty = true;
        }
    }
    if (vprec_deployment_track_get_first(c->idl)) {
        c->subsets_dirty = true;
        c->liveness_due = 0;    /* The grace period may have changed. */
    }
    snat_blocks_track(c->snat, c->idl);
}

/* Whether the assignments need a look: hosts came or went (here or in the
 * database), the database changed what they follow, or an idle SNAT
 * block's grace period ended. */
static bool
subsets_need_check(struct ctrl *c)
{
    /* The holder of shard 0 makes them for every shard, and reads other
     * shards' hosts' liveness from their status now and then. */
    return (ctrl_is_global(c)
            && (c->subsets_dirty
                || snat_blocks_pending(c->snat, time_msec())
                || (c->shards && time_msec() >= c->next_global_check)));
}

static void
write_status(struct ctrl *c, const struct vprec_deployment *d)
{
    long long int now = time_msec();
    struct sset withheld = SSET_INITIALIZER(&withheld);
    const char *name;

    SSET_FOR_EACH (name, &c->status_dirty) {
        const struct ctrl_host *h = ctrl_host_find(c, name);
        const struct vprec_host *row = h ? ctrl_host_row(c, name) : NULL;
        if (!row) {
            continue;
        } else if (!ctrl_shards_may_write(c, h->name)) {
            sset_add(&withheld, name);
            continue;
        }
        struct smap status = SMAP_INITIALIZER(&status);
        smap_add(&status, "connected", h->session ? "true" : "false");
        if (h->address) {
            smap_add(&status, "address", h->address);
        }
        smap_add_format(&status, "generation", "%lld", h->sent_gen);
        smap_add_format(&status, "acked", "%lld", h->acked_gen);
        if (h->error) {
            smap_add(&status, "error", h->error);
        }
        if (c->shards) {
            /* Who serves whom, for ctrl/hosts on the other controllers,
             * and the liveness shard 0's holder assigns subsets by. */
            smap_add(&status, "controller", c->name);
            smap_add(&status, "live", h->live ? "true" : "false");
        }
        if (!smap_equal(&status, &row->status)) {
            vprec_host_set_status(row, &status);
        }
        smap_destroy(&status);
    }
    /* What is withheld stays to write, until the lock is seen gone. */
    sset_swap(&c->status_dirty, &withheld);
    sset_destroy(&withheld);
    if (d->generation != c->generation && ctrl_is_global(c)) {
        vprec_deployment_set_generation(d, c->generation);
    }
    c->status_gen = c->generation;
    c->next_status = now + STATUS_INTERVAL_MS;
}

/* Whether a port report waits that this controller can write (or drop):
 * those withheld (ctrl_shards_may_write()) wait for the database to
 * change, not for the next loop. */
bool
ctrl_db_reports_ready(struct ctrl *c)
{
    struct port_event *e;

    LIST_FOR_EACH (e, node, &c->port_events) {
        if (!ctrl_serves(c, e->host) || !report_withheld(c, e)) {
            return true;
        }
    }
    return false;
}

static bool
status_due(const struct ctrl *c)
{
    return (time_msec() >= c->next_status
            && (c->status_gen != c->generation
                || !sset_is_empty(&c->status_dirty)));
}

bool
ctrl_db_can_write(const struct ctrl *c)
{
    return (!c->txn
            && (!c->retry_wait
                || ovsdb_idl_get_seqno(c->idl) != c->retry_seqno));
}

void
ctrl_db_write(struct ctrl *c)
{
    if (!c->loaded || !ctrl_db_can_write(c)) {
        return;
    }
    c->retry_wait = false;
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);
    if (d && sset_is_empty(&c->to_register)
        && !ctrl_db_reports_ready(c) && !subsets_need_check(c)
        && !status_due(c) && !c->holders_dirty
        && !ctrl_shards_requests_due(c)) {
        return;
    }

    c->txn = ovsdb_idl_txn_create(c->idl);
    c->txn_seqno = ovsdb_idl_get_seqno(c->idl);
    ovsdb_idl_txn_add_comment(c->txn, "vplane-ctrl");
    d = ensure_deployment(c, c->txn);
    ctrl_shards_verify(c, d);
    register_hosts(c, c->txn);
    write_port_events(c, d);
    if (ctrl_is_global(c)
        && (c->subsets_dirty
            || (c->shards && time_msec() >= c->next_global_check))) {
        assign_subsets(c, d);
        c->subsets_dirty = false;
        c->next_global_check = time_msec() + 1000;
    }
    if (ctrl_is_global(c) && snat_blocks_pending(c->snat, time_msec())) {
        snat_blocks_assign(c->snat, c->idl, time_msec(), ctrl_grace_ms(c));
    }
    ctrl_shards_write(c, d);
    ctrl_shards_write_requests(c, d);
    if (status_due(c)) {
        write_status(c, d);
    }
}

/* What a failed transaction carried must be written again. */
static void
ctrl_db_redo_all(struct ctrl *c)
{
    struct ctrl_host *h;

    HMAP_FOR_EACH (h, node, &c->hosts) {
        ctrl_host_status_changed(c, h);
    }
    c->status_gen = -1;
    c->next_status = 0;
    c->subsets_dirty = true;
    snat_blocks_recheck(c->snat, false);
    c->holders_dirty = c->shards != NULL;
}

void
ctrl_db_txn_done(struct ctrl *c, enum ovsdb_idl_txn_status status)
{
    struct port_event *e;

    if (status == TXN_TRY_AGAIN) {
        c->n_txn_retried++;
    } else if (status == TXN_SUCCESS || status == TXN_UNCHANGED) {
        c->n_txn_committed++;
    } else {
        c->n_txn_failed++;
    }
    if (status == TXN_TRY_AGAIN) {
        /* The database moved under it, or the IDL cannot send now: the
         * redo waits for contents newer than those the transaction was
         * made from, as ovs-vsctl does, rather than failing again at
         * once. */
        c->retry_seqno = c->txn_seqno;
        c->retry_wait = true;
        /* Redo the reports against the database's new contents, ahead of
         * anything reported since. */
        while (!ovs_list_is_empty(&c->txn_events)) {
            e = CONTAINER_OF(ovs_list_pop_back(&c->txn_events),
                             struct port_event, node);
            ovs_list_push_front(&c->port_events, &e->node);
        }
        ctrl_db_redo_all(c);
        return;
    }
    LIST_FOR_EACH_POP (e, node, &c->txn_events) {
        if (status != TXN_SUCCESS && status != TXN_UNCHANGED) {
            VLOG_WARN_RL(&rl, "host %s: port %s %s not recorded", e->host,
                         e->port, e->up ? "up" : "down");
        }
        port_event_free(e);
    }
    if (status != TXN_SUCCESS && status != TXN_UNCHANGED) {
        ctrl_db_redo_all(c);
    }
}
