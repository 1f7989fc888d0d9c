/* ctrl/ctrl.c: hosts, liveness and pushing tables (see ctrl.h). */
#include <config.h>
#include "ctrl-private.h"

#include <string.h>
#include <unistd.h>
#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "hash.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "smap.h"
#include "shards.h"
#include "snat-blocks.h"
#include "southbound.h"
#include "timeval.h"
#include "util.h"
#include "vplane/protocol.h"
#include "vplane/tables-config.h"

VLOG_DEFINE_THIS_MODULE(ctrl);


/* The lock only one vplane-ctrl of a database holds. */
#define CTRL_LOCK "vplane_ctrl"
#define DEFAULT_GRACE_MS 10000
/* More generations than a controller gives out between two writes of the
 * counter (at most a second apart). */
#define GENERATION_SKIP 1000000

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

/* How long the subset assignment waits after a host joins, for the rest
 * of a burst of joins. */
#define SUBSETS_SETTLE_MS 500

struct ctrl *
ctrl_create(const char *db_remote)
{
    struct ctrl *c = xzalloc(sizeof *c);

    c->idl = ovsdb_idl_create(db_remote, &vprec_idl_class, true, true);
    c->db_remote = xstrdup(db_remote);
    leader_seek_init(&c->seek, db_remote);
    char hostname[256];
    c->name = xstrdup(gethostname(hostname, sizeof hostname) ? "vplane-ctrl"
                      : hostname);
    ovsdb_idl_set_lock(c->idl, CTRL_LOCK);
    /* Before the omissions below: tracking every column would alert on
     * them again. */
    c->parts = view_parts_create(c->idl);
    c->host_by_name = ovsdb_idl_index_create1(c->idl, &vprec_host_col_name);
    c->unlocked_seqno = ovsdb_idl_get_seqno(c->idl);
    /* What only the controller writes and no host view reads: writing it
     * must not look like a change of the desired state (every host's view
     * would be recomputed for nothing). */
    ovsdb_idl_omit_alert(c->idl, &vprec_host_col_status);
    ovsdb_idl_omit_alert(c->idl, &vprec_deployment_col_generation);
    ovsdb_idl_omit_alert(c->idl, &vprec_deployment_col_nb_seqno);
    /* Deployment.shard_holders alerts, although no host view reads it: it
     * changes only when a shard changes hands, and a transaction that
     * failed because it moved (ctrl_shards_verify()) is redone only once
     * the seqno moves (ctrl_db_can_write()). */
    c->sb = sb_server_create(c);
    sset_init(&c->remotes);
    hmap_init(&c->hosts);
    sset_init(&c->to_register);
    sset_init(&c->status_dirty);
    ovs_list_init(&c->port_events);
    ovs_list_init(&c->txn_events);
    ovs_list_init(&c->snapshot_queue);
    c->started = time_msec();
    c->snat = snat_blocks_create();
    c->subsets_dirty = true;
    c->push_pending = true;
    return c;
}

size_t
ctrl_refusals(struct ctrl *c, const struct refusals ***sets)
{
    return view_parts_refusals(c->parts, c->idl, sets);
}

void
ctrl_host_free(struct ctrl_host *h)
{
    ctrl_push_dequeue(h);
    host_view_destroy(&h->sent);
    json_destroy(h->stats);
    free(h->name);
    free(h->address);
    free(h->error);
    free(h);
}

void
ctrl_destroy(struct ctrl *c)
{
    if (!c) {
        return;
    }
    sb_server_destroy(c->sb);
    struct ctrl_host *h;
    HMAP_FOR_EACH_POP (h, node, &c->hosts) {
        ctrl_host_free(h);
    }
    hmap_destroy(&c->hosts);
    struct port_event *e;
    LIST_FOR_EACH_POP (e, node, &c->port_events) {
        port_event_free(e);
    }
    LIST_FOR_EACH_POP (e, node, &c->txn_events) {
        port_event_free(e);
    }
    sset_destroy(&c->to_register);
    sset_destroy(&c->status_dirty);
    sset_destroy(&c->remotes);
    if (c->txn) {
        ovsdb_idl_txn_destroy(c->txn);
    }
    view_parts_destroy(c->parts);
    ovsdb_idl_destroy(c->idl);
    snat_blocks_destroy(c->snat);
    shards_destroy(c->shards);
    free(c->serving);
    free(c->claimed);
    free(c->prefs);
    free(c->name);
    free(c->db_remote);
    leader_seek_destroy(&c->seek);
    free(c->handback);
    free(c);
}

void
ctrl_add_remote(struct ctrl *c, const char *remote)
{
    sset_add(&c->remotes, remote);
}

bool
ctrl_is_active(const struct ctrl *c)
{
    return c->active;
}

const char *
ctrl_host_name(const struct ctrl_host *h)
{
    return h->name;
}

struct ctrl_host *
ctrl_host_find(const struct ctrl *c, const char *name)
{
    struct ctrl_host *h;

    HMAP_FOR_EACH_WITH_HASH (h, node, hash_string(name, 0), &c->hosts) {
        if (!strcmp(h->name, name)) {
            return h;
        }
    }
    return NULL;
}

struct ctrl_host *
ctrl_host_get(struct ctrl *c, const char *name)
{
    struct ctrl_host *h = ctrl_host_find(c, name);

    if (!h) {
        h = xzalloc(sizeof *h);
        h->name = xstrdup(name);
        host_view_init(&h->sent);
        hmap_insert(&c->hosts, &h->node, hash_string(name, 0));
    }
    return h;
}

const struct vprec_host *
ctrl_host_row(const struct ctrl *c, const char *name)
{
    struct vprec_host *key = vprec_host_index_init_row(c->host_by_name);
    vprec_host_index_set_name(key, name);
    const struct vprec_host *row = vprec_host_index_find(c->host_by_name,
                                                         key);
    vprec_host_index_destroy_row(key);
    return row;
}

size_t
ctrl_verify_views(struct ctrl *c, struct ds *s)
{
    size_t n = view_parts_verify(c->parts, c->idl, s);
    n += snat_blocks_verify(c->snat, c->idl, s);
    const struct view_parts_stats *st = view_parts_stats(c->parts);

    ds_put_format(s, "parts computed since start: %llu tenant, %llu global, "
                  "%llu host; %llu changes, %llu of them for every host\n",
                  st->tenant_parts, st->global_parts, st->host_parts,
                  st->changes, st->all_hosts);
    return n;
}

void
ctrl_host_view(struct ctrl *c, const struct vprec_host *row,
               struct host_view *v)
{
    view_parts_assemble(c->parts, c->idl, row, v);
}

int
ctrl_grace_ms(const struct ctrl *c)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);

    return d ? d->grace_period * 1000 : DEFAULT_GRACE_MS;
}

/* Southbound callbacks. */

char *
ctrl_hello(struct ctrl *c, struct sb_session *s, const char *name,
           const char *vtep_s, const char *version)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);
    const struct vprec_host *row;
    ovs_be32 vtep;
    char *error;

    error = vp_parse_name("host", name);
    if (!error) {
        error = vp_parse_unicast_ip("vtep", vtep_s, &vtep);
    }
    if (!error) {
        error = ctrl_shards_refuse(c, name);
    }
    if (error) {
        return error;
    }
    row = ctrl_host_row(c, name);
    if (!row && !(d && d->auto_register)) {
        return xasprintf("host: \"%s\" is not a registered host "
                         "(vplane-ctl host-add, or auto_register)", name);
    }
    if (row && strcmp(row->vtep, vtep_s)) {
        return xasprintf("vtep: host \"%s\" is registered with VTEP %s, "
                         "not %s", name, row->vtep, vtep_s);
    }
    if (!row) {
        sset_add_and_free(&c->to_register, xasprintf("%s %s", name, vtep_s));
    }

    struct ctrl_host *h = ctrl_host_get(c, name);
    if (h->session && h->session != s) {
        VLOG_WARN("host %s: a new session from %s replaces the one from %s",
                  name, sb_session_peer(s), sb_session_peer(h->session));
        sb_session_set_host(h->session, NULL);
        sb_session_close(h->session);
    }
    h->session = s;
    sb_session_set_host(s, h);
    free(h->address);
    h->address = xstrdup(sb_session_peer(s));
    h->connected_at = time_msec();
    h->lost_at = 0;
    h->lost_before_active = false;
    h->synced = false;
    ctrl_push_queue_snapshot(c, h);
    ctrl_host_status_changed(c, h);
    if (!h->live) {
        h->live = true;
        /* Hosts come in bursts (a controller restart, a cold start): one
         * new assignment for a burst, not one per host, each of which
         * every host would get. */
        if (!c->joins_pending) {
            c->joins_pending = true;
            c->joins_due = time_msec() + SUBSETS_SETTLE_MS;
        }
    }
    VLOG_INFO("host %s (VTEP %s, vplaned %s) connected from %s", name,
              vtep_s, version, sb_session_peer(s));
    return NULL;
}

struct sb_session *
ctrl_host_session(const struct ctrl *c, const char *name)
{
    const struct ctrl_host *h = ctrl_host_find(c, name);
    return h ? h->session : NULL;
}

void
ctrl_session_closed(struct ctrl *c, struct sb_session *s)
{
    struct ctrl_host *h = sb_session_host(s);

    if (h && h->session == s) {
        h->session = NULL;
        ctrl_host_lost(c, h);
        h->synced = false;
        ctrl_host_status_changed(c, h);
        VLOG_INFO("host %s: session lost; its subsets stay with it for the "
                  "grace period", h->name);
    }
}

void
ctrl_ack(struct ctrl *c OVS_UNUSED, struct sb_session *s,
         long long int generation, const char *error)
{
    struct ctrl_host *h = sb_session_host(s);

    if (error) {
        VLOG_WARN_RL(&rl, "host %s refused generation %lld: %s", h->name,
                     generation, error);
        free(h->error);
        h->error = xstrdup(error);
        /* A refused update leaves the host somewhere between two
         * generations: a snapshot puts it right.  A refused snapshot would
         * be refused again, so the next one waits for a change. */
        if (generation == h->snapshot_gen && h->sent_gen == generation) {
            h->need_snapshot = true;
        } else {
            /* An update, or a snapshot followed by updates the host
             * ignored: they are lost on it, a snapshot now. */
            h->synced = false;
        }
    } else if (generation > h->sent_gen) {
        VLOG_WARN_RL(&rl, "host %s acknowledged generation %lld, which it "
                     "was never sent (last sent: %lld)", h->name, generation,
                     h->sent_gen);
    } else {
        free(h->error);
        h->error = NULL;
        h->acked_gen = generation;
    }
    ctrl_host_status_changed(c, h);
}

char *
ctrl_port_status(struct ctrl *c, struct sb_session *s,
                 const struct sb_port_status *ps)
{
    struct ctrl_host *h = sb_session_host(s);
    struct eth_addr mac;
    char *error;

    error = vp_parse_ifname("port", ps->port);
    if (!error) {
        error = vp_parse_name("vnet", ps->vnet);
    }
    if (!error) {
        error = vp_parse_vm_mac("mac", ps->mac, &mac);
    }
    if (!error && ps->vm) {
        /* Hosts get it back in their tables, which check it the same way. */
        error = vp_parse_name("vm", ps->vm);
    }

    struct port_event *e = xzalloc(sizeof *e);
    size_t n = ps->ips ? json_array(ps->ips)->n : 0;
    e->ips = xcalloc(n + 1, sizeof *e->ips);
    for (size_t i = 0; !error && i < n; i++) {
        const struct json *ip = json_array(ps->ips)->elems[i];
        ovs_be32 addr;
        if (ip->type != JSON_STRING) {
            error = xstrdup("ips: must be strings");
        } else if (!(error = vp_parse_unicast_ip("ips", json_string(ip),
                                                 &addr))) {
            e->ips[e->n_ips++] = xstrdup(json_string(ip));
        }
    }
    if (error) {
        port_event_free(e);
        return error;
    }
    e->host = xstrdup(h->name);
    e->port = xstrdup(ps->port);
    e->vnet = xstrdup(ps->vnet);
    e->mac = xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(mac));
    e->vm = nullable_xstrdup(ps->vm);
    e->up = ps->up;
    e->refresh = ps->refresh;
    ovs_list_push_back(&c->port_events, &e->node);
    if (e->refresh) {
        VLOG_DBG("host %s: port %s (%s in VNet %s) still %s", h->name,
                 e->port, e->mac, e->vnet, e->up ? "up" : "down");
    } else {
        VLOG_INFO("host %s: port %s (%s in VNet %s) %s", h->name, e->port,
                  e->mac, e->vnet, e->up ? "up" : "down");
    }
    return NULL;
}

/* Liveness: a host that lost its session is taken out of the subset
 * assignment only after the grace period, so a restart or a short network
 * problem moves nothing. */
void
ctrl_host_status_changed(struct ctrl *c, struct ctrl_host *h)
{
    sset_add(&c->status_dirty, h->name);
}

void
ctrl_host_lost(struct ctrl *c, struct ctrl_host *h)
{
    h->lost_at = time_msec();
    c->liveness_due = 0;
}

static void
update_liveness(struct ctrl *c)
{
    long long int now = time_msec();
    long long int next = LLONG_MAX;
    int grace = ctrl_grace_ms(c);
    struct ctrl_host *h;

    if (now < c->liveness_due) {
        return;
    }
    HMAP_FOR_EACH (h, node, &c->hosts) {
        if (!h->live || h->session || !h->lost_at) {
            continue;
        } else if (now - h->lost_at >= grace) {
            VLOG_INFO("host %s: gone for %d ms, its subsets move", h->name,
                      grace);
            h->live = false;
            ctrl_host_status_changed(c, h);
            c->subsets_dirty = true;
        } else {
            next = MIN(next, h->lost_at + grace);
        }
    }
    c->liveness_due = next;
}

/* A host that held subsets counts as just lost, so it keeps them while it
 * reconnects (a controller restart moves nothing). */
void
ctrl_load_host(struct ctrl *c, const struct vprec_host *row)
{
    /* Its generations go on above the last one its previous controller
     * recorded sending it (Host.status "generation", written at most a
     * second late, hence the skip): with shards, that controller's counter
     * was not this one's, and Deployment.generation is shard 0's holder's
     * alone, so a restart or a takeover would otherwise send this host
     * generations it already saw. */
    unsigned long long int seen = smap_get_ullong(&row->status,
                                                  "generation", 0);
    if (seen && seen < LLONG_MAX - GENERATION_SKIP
        && c->generation < (long long int) seen + GENERATION_SKIP) {
        c->generation = seen + GENERATION_SKIP;
    }

    /* A host that ever connected has its last peer in its status. */
    const char *address = smap_get(&row->status, "address");
    if (row->n_subsets || address) {
        /* ctrl/hosts and ctrl/lagging say it was lost before this
         * controller became active, rather than "never connected";
         * its address stays in its status. */
        struct ctrl_host *h = ctrl_host_get(c, row->name);
        ctrl_host_lost(c, h);
        h->lost_before_active = true;
        h->live = row->n_subsets > 0;
        if (address && !h->address) {
            h->address = xstrdup(address);
        }
    }
    if (smap_get_bool(&row->status, "connected", false)) {
        /* Written by the previous controller: not true any more. */
        ctrl_host_status_changed(c, ctrl_host_get(c, row->name));
    }
}

/* First contact with the database: the hosts served here are loaded, and
 * the generation goes on from where it was. */
static void
load_state(struct ctrl *c)
{
    const struct vprec_deployment *d = vprec_deployment_first(c->idl);
    const struct vprec_host *row;

    /* Generations are written at most once a second: the ones given out
     * since the last write are skipped, so that no host ever sees a
     * generation twice. */
    c->generation = MAX(c->generation, (d && d->generation
                                        ? d->generation + GENERATION_SKIP
                                        : 0));
    VPREC_HOST_FOR_EACH (row, c->idl) {
        if (ctrl_serves(c, row->name)) {
            ctrl_load_host(c, row);
        }
    }
    c->loaded = true;
}

/* Without the lock another vplane-ctrl may be active: serving on would
 * give hosts two masters.  Hosts keep forwarding with what they have and
 * reconnect to whichever controller is active. */
static void
deactivate(struct ctrl *c)
{
    struct ctrl_host *h;

    sb_server_destroy(c->sb);
    c->sb = sb_server_create(c);
    HMAP_FOR_EACH_POP (h, node, &c->hosts) {
        ctrl_host_free(h);
    }
    sset_clear(&c->to_register);
    sset_clear(&c->status_dirty);
    struct port_event *e;
    LIST_FOR_EACH_POP (e, node, &c->port_events) {
        port_event_free(e);
    }
    if (c->txn) {
        ovsdb_idl_txn_destroy(c->txn);
        c->txn = NULL;
        LIST_FOR_EACH_POP (e, node, &c->txn_events) {
            port_event_free(e);
        }
    }
    c->active = false;
    c->loaded = false;
    c->pushed_seqno = 0;
    c->push_more = false;
    c->push_pending = true;
    c->joins_pending = false;
    view_parts_clear(c->parts);
    c->liveness_due = 0;
    c->retry_wait = false;
    /* The tracked changes are cleared while standing by. */
    c->subsets_dirty = true;
    snat_blocks_recheck(c->snat, true);
    for (unsigned int k = 0; c->shards && k < shards_count(c->shards); k++) {
        c->serving[k] = false;
        c->claimed[k] = false;
    }
}

/* Whether this vplane-ctrl holds the lock of the database's leader.
 *
 * The IDL asks for the lock as soon as it connects, before it checks that
 * a clustered server is the leader, and each server of a Raft cluster has
 * locks of its own: a follower grants the lock for the moment until the
 * IDL moves on, even while another vplane-ctrl holds it on the leader.
 * The IDL's seqno changes only once the data is monitored (on the leader)
 * or once a lock is granted while monitoring, so a lock counts only after
 * the seqno has moved since the last time it was not held. */
static bool
lock_is_ours(struct ctrl *c)
{
    return shards_idl_lock_is_ours(c->idl, &c->unlocked_seqno, c->active);
}

/* In sharded mode the main IDL takes no lock (the shards' IDLs do): it
 * counts once connected and its data monitored since, as lock_is_ours()
 * counts the lock -- not while it reconnects and still holds what it read
 * before. */
static bool
main_idl_ready(struct ctrl *c)
{
    if (!ovsdb_idl_is_connected(c->idl)) {
        c->unlocked_seqno = ovsdb_idl_get_seqno(c->idl);
        return false;
    }
    return c->active || ovsdb_idl_get_seqno(c->idl) != c->unlocked_seqno;
}

void
ctrl_run(struct ctrl *c)
{
    ovsdb_idl_run(c->idl);
    leader_seek_run(&c->seek, c->idl);
    if (ctrl_shards_mode_changed(c) && c->active) {
        deactivate(c);
    }
    if (c->shards ? !ctrl_shards_run(c) || !main_idl_ready(c)
                  : !lock_is_ours(c)) {
        if (c->active) {
            VLOG_WARN("lost the database lock%s (or the database): this "
                      "vplane-ctrl stops serving until it holds one again",
                      c->shards ? "s of its shards" : "");
            deactivate(c);
        }
        /* Nothing is cached while standing by: activation starts anew. */
        ovsdb_idl_track_clear(c->idl);
        ctrl_shards_run_idle(c);
        return;
    }
    if (!c->loaded) {
        if (!ovsdb_idl_has_ever_connected(c->idl)) {
            return;
        }
        load_state(c);
    }
    /* Before ctrl_push() clears the tracked rows. */
    ctrl_db_track(c);
    if (!c->active) {
        /* Every part of every view, before any host can connect: at a
         * thousand hosts that takes seconds, which hosts waiting for their
         * hello's answer would take for a dead controller (and their
         * abandoned connections, accepted later, would replace the live
         * ones). */
        ctrl_push(c);

        const char *remote;
        SSET_FOR_EACH (remote, &c->remotes) {
            sb_server_listen(c->sb, remote);
        }
        c->active = true;
        VLOG_INFO("holding the database lock%s: active",
                  c->shards ? " of a shard" : "");
    }

    sb_server_run(c->sb);
    update_liveness(c);
    if (c->joins_pending && time_msec() >= c->joins_due) {
        c->joins_pending = false;
        c->subsets_dirty = true;
    }
    ctrl_db_write(c);
    if (c->txn) {
        enum ovsdb_idl_txn_status status = ovsdb_idl_txn_commit(c->txn);
        if (status != TXN_INCOMPLETE) {
            if (status != TXN_SUCCESS && status != TXN_UNCHANGED
                && status != TXN_TRY_AGAIN) {
                VLOG_WARN_RL(&rl, "database transaction failed (%s): %s",
                             ovsdb_idl_txn_status_to_string(status),
                             ovsdb_idl_txn_get_error(c->txn));
            }
            ovsdb_idl_txn_destroy(c->txn);
            c->txn = NULL;
            ctrl_db_txn_done(c, status);
        }
    }
    ctrl_push(c);
}

void
ctrl_wait(struct ctrl *c)
{
    ovsdb_idl_wait(c->idl);
    leader_seek_wait(&c->seek);
    if (c->txn) {
        ovsdb_idl_txn_wait(c->txn);
    }
    ctrl_shards_wait(c);
    if (!c->active) {
        return;
    }
    sb_server_wait(c->sb);
    if (c->push_more) {
        poll_immediate_wake();
    }
    ctrl_push_wait(c);
    if (c->joins_pending) {
        poll_timer_wait_until(c->joins_due);
    }
    poll_timer_wait_until(c->liveness_due);
    /* What ctrl_db_write() does waits while a transaction is in flight,
     * or after one was to be tried again until the database moves
     * (ovsdb_idl_wait() and ovsdb_idl_txn_wait() wake us for both): its
     * deadlines, passed meanwhile, would wake us for nothing, over and
     * over. */
    if (!ctrl_db_can_write(c)) {
        return;
    }
    if (ctrl_is_global(c)) {
        poll_timer_wait_until(snat_blocks_next_check(c->snat));
    }
    if (!sset_is_empty(&c->status_dirty)) {
        poll_timer_wait_until(c->next_status);
    }
    if ((ctrl_db_reports_ready(c)
                    || ((c->subsets_dirty
                         || snat_blocks_pending(c->snat, time_msec()))
                        && ctrl_is_global(c))
                    || c->holders_dirty
                    || ctrl_shards_requests_due(c)
                    || !sset_is_empty(&c->to_register))) {
        poll_immediate_wake();
    }
}
