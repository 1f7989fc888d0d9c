/* vplane/ctrl-client.c: see ctrl-client.h. */
#include <config.h>
#include "ctrl-client.h"
#include "ctrl-client-private.h"

#include <malloc.h>
#include <string.h>
#include "coverage.h"
#include "json-members.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/list.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "peers.h"
#include "services.h"
#include "stateful.h"
#include "port.h"
#include "socket-util.h"
#include "svec.h"
#include "tables-config.h"
#include "tables-json.h"
#include "tables-sync.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"
#include "vplane/kinds.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(ctrl_client);

COVERAGE_DEFINE(ctrl_bad_message);
COVERAGE_DEFINE(ctrl_refused);

#define PROBE_INTERVAL_MS 5000

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

static void
reset_staging(struct ctrl_client *c)
{
    vp_config_destroy(&c->snap_cfg);
    vp_config_init(&c->snap_cfg);
    c->snap_cfg.redefine_vnets = true;
    vp_peers_destroy(&c->snap_peers);
    vp_peers_init(&c->snap_peers);
    vp_services_destroy(&c->snap_services);
    vp_services_init(&c->snap_services);
    c->snap_gen = c->snap_parts = c->snap_got = 0;
}

struct ctrl_client *
ctrl_client_create(const struct svec *remotes, struct vp_tables *tables,
                   const char *host_name, ovs_be32 vtep)
{
    struct ctrl_client *c = xzalloc(sizeof *c);

    /* With several remotes the session moves to the next one whenever a
     * connection fails or drops: only the active vplane-ctrl listens, so
     * a host ends up with it. */
    c->js = jsonrpc_session_open_multiple(remotes, true);
    svec_clone(&c->remotes, remotes);
    jsonrpc_session_set_probe_interval(c->js, PROBE_INTERVAL_MS);
    c->seqno = jsonrpc_session_get_seqno(c->js);
    c->tables = tables;
    c->host_name = xstrdup(host_name);
    c->vtep = vtep;
    vp_config_init(&c->snap_cfg);
    vp_peers_init(&c->snap_peers);
    vp_peers_init(&c->peers);
    vp_services_init(&c->snap_services);
    vp_services_init(&c->services);
    shash_init(&c->ports);
    ovs_list_init(&c->downs);
    reset_staging(c);
    return c;
}

void
ctrl_client_destroy(struct ctrl_client *c)
{
    if (!c) {
        return;
    }
    jsonrpc_session_close(c->js);
    vp_config_destroy(&c->snap_cfg);
    vp_peers_destroy(&c->snap_peers);
    vp_peers_destroy(&c->peers);
    vp_services_destroy(&c->snap_services);
    vp_services_destroy(&c->services);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &c->ports) {
        reported_port_free(node->data);
    }
    shash_destroy(&c->ports);
    struct reported_port *p;
    LIST_FOR_EACH_POP (p, node, &c->downs) {
        reported_port_free(p);
    }
    json_destroy(c->hello_id);
    svec_destroy(&c->remotes);
    free(c->controller_version);
    free(c->last_error);
    free(c->host_name);
    free(c);
}

static void
set_error(struct ctrl_client *c, const char *error)
{
    free(c->last_error);
    c->last_error = nullable_xstrdup(error);
}

/* Sending. */

void
ctrl_client_send_notify(struct ctrl_client *c, const char *method, struct json *param)
{
    jsonrpc_session_send(c->js, jsonrpc_create_notify(
                             method, json_array_create_1(param)));
}

static void
send_ack(struct ctrl_client *c, long long int gen, const char *error)
{
    struct json *p = json_object_create();

    json_object_put(p, "generation", json_integer_create(gen));
    if (error) {
        json_object_put_string(p, "error", error);
    }
    ctrl_client_send_notify(c, VP_METHOD_ACK, p);
}

bool
ctrl_client_ready(const struct ctrl_client *c)
{
    return c->hello_done && jsonrpc_session_is_connected(c->js);
}

static void
send_hello(struct ctrl_client *c)
{
    struct json *p = json_object_create();
    struct json *caps = json_array_create_1(
        json_string_create(VP_CAPABILITY_TABLES));

    json_object_put_string(p, "host", c->host_name);
    json_object_put_format(p, "vtep", IP_FMT, IP_ARGS(c->vtep));
    json_object_put_string(p, "version", VPLANE_VERSION);
    json_object_put(p, "protocol", json_integer_create(VP_PROTOCOL_VERSION));
    json_object_put(p, "capabilities", caps);

    struct jsonrpc_msg *msg = jsonrpc_create_request(
        VP_METHOD_HELLO, json_array_create_1(p), NULL);
    json_destroy(c->hello_id);
    c->hello_id = json_clone(msg->id);
    jsonrpc_session_send(c->js, msg);
}

/* Receiving. */

void
ctrl_client_bad_message(struct ctrl_client *c, const struct jsonrpc_msg *msg,
            const char *error)
{
    COVERAGE_INC(ctrl_bad_message);
    c->n_bad++;
    VLOG_WARN_RL(&rl, "%s: bad %s \"%s\" from the controller: %s",
                 ctrl_client_remote(c),
                 jsonrpc_msg_type_to_string(msg->type),
                 msg->method ? msg->method : "", error);
    if (msg->type == JSONRPC_REQUEST) {
        jsonrpc_session_send(c->js, jsonrpc_create_error(
                                 json_string_create(error), msg->id));
    }
}

/* A generation this host could not apply: the controller hears why and
 * answers with a snapshot; until then updates are ignored, since they
 * build on what this host does not have. */
static void
refuse(struct ctrl_client *c, long long int gen, const char *what,
       const char *error)
{
    COVERAGE_INC(ctrl_refused);
    c->n_refused++;
    VLOG_WARN_RL(&rl, "%s: refused %s, generation %lld: %s",
                 ctrl_client_remote(c), what, gen, error);
    set_error(c, error);
    send_ack(c, gen, error);
    c->state = SYNC_REFUSED;
    c->refused_gen = gen;
    reset_staging(c);
}

static bool
int_member(const struct json *o, const char *name, long long int min,
           long long int *value)
{
    const struct json *v = shash_find_data(json_object(o), name);

    if (v && v->type == JSON_INTEGER && v->integer >= min) {
        *value = v->integer;
        return true;
    }
    return false;
}

/* Splits a tables object by the owner of each kind (include/vplane/kinds.h):
 * "hosts" and "subsets" go to 'peers', "firewall", "nat" and "uplink" to
 * 'services', the rest (vnets, ports, xlate, routes, and what no kind names,
 * which tables_json_parse() refuses) to 'cfg'. */
static char *
parse_tables(const struct json *tables, struct vp_config *cfg,
             struct vp_peers *peers, struct vp_services *services)
{
    struct json *rest = json_object_create();
    struct shash_node *node;
    char *error = NULL;

    SHASH_FOR_EACH (node, json_object(tables)) {
        const struct vp_kind_info *k = vp_kind_by_key(node->name);
        enum vp_kind_owner owner = k ? k->owner : VP_KIND_TABLES;

        if (owner == VP_KIND_PEERS) {
            error = (k->shape == VP_KIND_WHOLE
                     ? vp_peers_set_subsets(peers, node->data)
                     : vp_peers_add_hosts(peers, node->data));
        } else if (owner == VP_KIND_SERVICES) {
            error = vp_services_add(services, node->name, node->data);
        } else {
            json_object_put(rest, node->name, json_clone(node->data));
        }
        if (error) {
            break;
        }
    }
    if (!error) {
        error = tables_json_parse(rest, cfg);
    }
    json_destroy(rest);
    return error;
}

static void
handle_snapshot(struct ctrl_client *c, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    const struct json *tables;
    long long int gen, part, parts;
    char *error;

    if (!p || !int_member(p, "generation", 0, &gen)
        || !int_member(p, "part", 1, &part)
        || !int_member(p, "parts", 1, &parts) || part > parts
        || !(tables = shash_find_data(json_object(p), "tables"))
        || tables->type != JSON_OBJECT) {
        ctrl_client_bad_message(c, msg, "params: must be [{\"generation\", \"part\", "
                    "\"parts\", \"tables\"}]");
        /* Whatever it was, the snapshot it belonged to is incomplete: say
         * so, and the controller sends another. */
        if (c->state == SYNC_STAGING) {
            refuse(c, c->snap_gen, "snapshot", "a malformed snapshot part");
        }
        return;
    }

    if (part > 1 && c->state == SYNC_REFUSED && gen == c->refused_gen) {
        /* The rest of a snapshot already refused. */
        c->n_ignored++;
        return;
    }
    if (part == 1) {
        reset_staging(c);
        c->snap_gen = gen;
        c->snap_parts = parts;
        c->state = SYNC_STAGING;
    } else if (c->state != SYNC_STAGING || gen != c->snap_gen
               || parts != c->snap_parts || part != c->snap_got + 1) {
        refuse(c, gen, "snapshot", "snapshot part out of order");
        return;
    }
    error = parse_tables(tables, &c->snap_cfg, &c->snap_peers,
                         &c->snap_services);
    if (error) {
        char *e = xasprintf("part %lld: %s", part, error);
        refuse(c, gen, "snapshot", e);
        free(e);
        free(error);
        return;
    }
    c->snap_got = part;
    if (part < parts) {
        return;
    }

    /* The end marker: all or nothing. */
    error = vp_peers_check(&c->snap_peers);
    if (!error) {
        error = tables_sync(c->tables, &c->snap_cfg);
    }
    if (error) {
        refuse(c, gen, "snapshot", error);
        free(error);
        return;
    }
    vp_peers_swap(&c->peers, &c->snap_peers);
    vp_services_swap(&c->services, &c->snap_services);
    stateful_publish(c->tables, &c->peers, &c->services);
    VLOG_INFO("%s: applied snapshot generation %lld: %"PRIuSIZE" VNets, "
              "%"PRIuSIZE" ports, %"PRIuSIZE" translation entries, "
              "%"PRIuSIZE" routes, %"PRIuSIZE" hosts",
              ctrl_client_remote(c), gen,
              c->snap_cfg.n_vnets, c->snap_cfg.n_ports, c->snap_cfg.n_xlates,
              c->snap_cfg.n_routes, shash_count(&c->peers.hosts));
    reset_staging(c);
    malloc_trim(0);
    c->state = SYNC_DONE;
    c->gen = gen;
    c->synced_at = time_msec();
    c->n_snapshots++;
    set_error(c, NULL);
    send_ack(c, gen, NULL);
    reconcile_ports(c);
}

static void
handle_update(struct ctrl_client *c, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    const struct json *add, *remove;
    long long int gen;

    if (!p || !int_member(p, "generation", 0, &gen)) {
        ctrl_client_bad_message(c, msg, "params: must be [{\"generation\", \"add\", "
                    "\"remove\"}]");
        /* A change this host does not have: it must not go on as if in
         * sync. */
        if (c->state == SYNC_DONE) {
            refuse(c, c->gen, "update", "a malformed update");
        }
        return;
    }
    if (c->state != SYNC_DONE) {
        /* Built on a snapshot this host does not have. */
        c->n_ignored++;
        return;
    }
    add = shash_find_data(json_object(p), "add");
    remove = shash_find_data(json_object(p), "remove");

    struct vp_services services;
    struct vp_removal removal;
    struct vp_peers peers;
    struct vp_config cfg;
    char *error = NULL;

    vp_config_init(&cfg);
    cfg.redefine_vnets = true;
    vp_removal_init(&removal);
    vp_peers_clone(&peers, &c->peers);
    vp_services_clone(&services, &c->services);
    if (add && add->type != JSON_OBJECT) {
        error = xstrdup("add: must be an object");
    } else if (remove && remove->type != JSON_OBJECT) {
        error = xstrdup("remove: must be an object");
    }
    if (!error && remove) {
        error = vp_removal_parse(remove, &cfg, &removal);
        /* The tables' removals are in 'removal'; the others' go to the
         * copies of their owners, kept only if the whole update is. */
        VP_KIND_FOR_EACH (k) {
            const struct json *ids = shash_find_data(json_object(remove),
                                                     k->key);
            if (error || !ids || k->shape != VP_KIND_ARRAY) {
                continue;
            }
            if (k->owner == VP_KIND_PEERS) {
                error = vp_peers_remove_hosts(&peers, ids);
            } else if (k->owner == VP_KIND_SERVICES) {
                error = vp_services_remove(&services, k->key, ids);
            }
        }
    }
    if (!error && add) {
        error = parse_tables(add, &cfg, &peers, &services);
    }
    if (!error) {
        error = vp_peers_check(&peers);
    }
    if (!error) {
        /* Removals first: a port that moved is removed and added back.
         * Checked whole first: a refused update changes nothing. */
        error = tables_update(c->tables, &removal, &cfg);
    }
    if (error) {
        refuse(c, gen, "update", error);
        free(error);
    } else {
        vp_peers_swap(&c->peers, &peers);
        vp_services_swap(&c->services, &services);
        stateful_publish(c->tables, &c->peers, &c->services);
        c->gen = gen;
        c->n_updates++;
        send_ack(c, gen, NULL);
        reconcile_ports(c);
    }
    vp_peers_destroy(&peers);
    vp_services_destroy(&services);
    vp_removal_destroy(&removal);
    vp_config_destroy(&cfg);
}

static void
handle_reply(struct ctrl_client *c, const struct jsonrpc_msg *msg)
{
    if (!c->hello_id || !msg->id || !json_equal(msg->id, c->hello_id)) {
        ctrl_client_bad_message(c, msg, "a reply to nothing this host asked");
        return;
    }
    json_destroy(c->hello_id);
    c->hello_id = NULL;

    if (msg->type == JSONRPC_ERROR) {
        char *error = json_to_string(msg->error, 0);
        VLOG_WARN_RL(&rl, "%s: the controller refused this host: %s",
                     ctrl_client_remote(c), error);
        set_error(c, error);
        free(error);
        return;
    }
    const struct json *r = msg->result;
    const struct json *v = (r && r->type == JSON_OBJECT
                            ? shash_find_data(json_object(r), "controller")
                            : NULL);
    free(c->controller_version);
    c->controller_version = xstrdup(v && v->type == JSON_STRING
                                    ? json_string(v) : "?");
    c->hello_done = true;
    /* When this controller goes, every other one gets a try without
     * waiting, as at start: with several active controllers (shards) the
     * next one may refuse the hello for the moment it takes to be handed
     * the dead one's lock, and the backoff must not start from there. */
    jsonrpc_session_reset_backoff(c->js);
    VLOG_INFO("%s: connected to vplane-ctrl %s", ctrl_client_remote(c),
              c->controller_version);
    report_ports(c);
}

static void
handle_message(struct ctrl_client *c, const struct jsonrpc_msg *msg)
{
    switch (msg->type) {
    case JSONRPC_REPLY:
    case JSONRPC_ERROR:
        handle_reply(c, msg);
        break;
    case JSONRPC_NOTIFY:
        if (!c->hello_done) {
            ctrl_client_bad_message(c, msg, "before the hello's answer");
        } else if (!strcmp(msg->method, VP_METHOD_SNAPSHOT)) {
            handle_snapshot(c, msg);
        } else if (!strcmp(msg->method, VP_METHOD_UPDATE)) {
            handle_update(c, msg);
        } else if (!strcmp(msg->method, VP_METHOD_PORT_REFUSED)) {
            handle_port_refused(c, msg);
        } else {
            ctrl_client_bad_message(c, msg, "unknown method");
        }
        break;
    case JSONRPC_REQUEST:
        ctrl_client_bad_message(c, msg, "unknown method");
        break;
    }
}

static void
connection_changed(struct ctrl_client *c)
{
    json_destroy(c->hello_id);
    c->hello_id = NULL;
    c->hello_done = false;
    reset_staging(c);
    c->state = SYNC_NONE;
    /* Every port is reported again after the hello: refused ones too. */
    struct shash_node *node;
    SHASH_FOR_EACH (node, &c->ports) {
        struct reported_port *p = node->data;
        p->retry_at = LLONG_MAX;
    }
    if (jsonrpc_session_is_connected(c->js)) {
        c->n_connects++;
        send_hello(c);
    } else {
        /* The session names the remote it tries next by now. */
        VLOG_INFO("no controller (next: %s); forwarding goes on with the "
                  "tables of generation %lld", ctrl_client_remote(c), c->gen);
    }
}

void
ctrl_client_run(struct ctrl_client *c)
{
    jsonrpc_session_run(c->js);
    if (jsonrpc_session_get_seqno(c->js) != c->seqno) {
        c->seqno = jsonrpc_session_get_seqno(c->js);
        connection_changed(c);
    }
    /* The session's JSON-RPC connection is private to it, so unlike the
     * controller (which bounds what hosts send) this side cannot bound a
     * message's size: the controller is the one peer it trusts (use ssl:
     * to make sure it is talking to it). */
    for (int i = 0; i < 50; i++) {
        struct jsonrpc_msg *msg = jsonrpc_session_recv(c->js);
        if (!msg) {
            break;
        }
        handle_message(c, msg);
        jsonrpc_msg_destroy(msg);
    }
    retry_refused_ports(c);
    if (c->stats_interval && ctrl_client_ready(c) && time_msec() >= c->next_stats) {
        ctrl_client_send_notify(c, VP_METHOD_STATS, c->stats_build(c->stats_aux));
        c->n_stats++;
        c->next_stats = time_msec() + c->stats_interval;
    }
}

void
ctrl_client_set_stats(struct ctrl_client *c, int interval_ms,
                      struct json *(*build)(void *aux), void *aux)
{
    c->stats_interval = interval_ms;
    c->stats_build = build;
    c->stats_aux = aux;
    c->next_stats = time_msec() + interval_ms;
}

void
ctrl_client_wait(struct ctrl_client *c)
{
    jsonrpc_session_wait(c->js);
    jsonrpc_session_recv_wait(c->js);

    if (c->stats_interval && ctrl_client_ready(c)) {
        poll_timer_wait_until(c->next_stats);
    }
    /* retry_refused_ports() only sends on a live session: without one the
     * timer would fire again at once, forever. */
    struct shash_node *node;
    SHASH_FOR_EACH (node, &c->ports) {
        const struct reported_port *p = node->data;
        if (ctrl_client_ready(c) && p->refusal && p->retry_at != LLONG_MAX) {
            poll_timer_wait_until(p->retry_at);
        }
    }
}

/* Ports. */

bool
ctrl_client_is_synced(const struct ctrl_client *c)
{
    return ctrl_client_ready(c) && c->state == SYNC_DONE;
}

const struct vp_peers *
ctrl_client_peers(const struct ctrl_client *c)
{
    return &c->peers;
}

/* The remote the session is connected to, or trying next. */
const char *
ctrl_client_remote(const struct ctrl_client *c)
{
    return jsonrpc_session_get_name(c->js);
}

/* The other remotes of --controller, for operators. */
static void
put_other_remotes(const struct ctrl_client *c, struct ds *s)
{
    const char *r;
    size_t i;

    if (c->remotes.n < 2) {
        return;
    }
    ds_put_cstr(s, "  other controllers (tried in turn if this one fails):");
    SVEC_FOR_EACH (i, r, &c->remotes) {
        if (strcmp(r, ctrl_client_remote(c))) {
            ds_put_format(s, " %s", r);
        }
    }
    ds_put_char(s, '\n');
}

/* Output. */

static const char *
state_name(const struct ctrl_client *c)
{
    if (!jsonrpc_session_is_connected(c->js)) {
        return "disconnected";
    } else if (!c->hello_done) {
        return "connecting";
    }
    switch (c->state) {
    case SYNC_NONE: return "waiting for a snapshot";
    case SYNC_STAGING: return "receiving a snapshot";
    case SYNC_DONE: return "in sync";
    case SYNC_REFUSED: return "refused the last change, waiting for a "
                              "snapshot";
    }
    return "?";
}

void
ctrl_client_format_brief(const struct ctrl_client *c, struct ds *s)
{
    ds_put_format(s, "  controller %s: %s, generation %lld, %"PRIuSIZE
                  " hosts, %"PRIuSIZE" of %"PRIuSIZE" query subsets here\n",
                  ctrl_client_remote(c), state_name(c), c->gen,
                  shash_count(&c->peers.hosts),
                  vp_peers_count_held(&c->peers, c->host_name),
                  c->peers.n_subsets);
}

struct json *
ctrl_client_brief_json(const struct ctrl_client *c)
{
    struct json *o = json_object_create();

    json_object_put_string(o, "remote", ctrl_client_remote(c));
    struct json *all = json_array_create_empty();
    const char *r;
    size_t i;
    SVEC_FOR_EACH (i, r, &c->remotes) {
        json_array_add(all, json_string_create(r));
    }
    json_object_put(o, "remotes", all);
    json_object_put_string(o, "state", state_name(c));
    json_object_put(o, "generation", json_integer_create(c->gen));
    json_object_put(o, "hosts",
                    json_integer_create(shash_count(&c->peers.hosts)));
    json_object_put(o, "subsets-here", json_integer_create(
                        vp_peers_count_held(&c->peers, c->host_name)));
    json_object_put(o, "subsets", json_integer_create(c->peers.n_subsets));
    return o;
}

void
ctrl_client_format(const struct ctrl_client *c, struct ds *s)
{
    long long int now = time_msec();

    ds_put_format(s, "controller %s: %s\n", ctrl_client_remote(c),
                  state_name(c));
    put_other_remotes(c, s);
    if (c->controller_version) {
        ds_put_format(s, "  vplane-ctrl %s\n", c->controller_version);
    }
    ds_put_format(s, "  generation %lld applied", c->gen);
    if (c->synced_at) {
        ds_put_format(s, ", last snapshot %llds ago",
                      (now - c->synced_at) / 1000);
    }
    ds_put_char(s, '\n');
    if (c->state == SYNC_REFUSED) {
        /* Nothing of a refused generation was applied. */
        ds_put_format(s, "  generation %lld refused: nothing of it applied\n",
                      c->refused_gen);
    }
    if (c->state == SYNC_STAGING) {
        ds_put_format(s, "  receiving snapshot generation %lld: part %lld "
                      "of %lld\n", c->snap_gen, c->snap_got, c->snap_parts);
    }
    if (c->last_error) {
        ds_put_format(s, "  last error: %s\n", c->last_error);
    }
    ds_put_format(s, "  connections %llu, snapshots %llu, updates %llu, "
                  "refused %llu, ignored %llu, bad messages %llu\n",
                  c->n_connects, c->n_snapshots, c->n_updates, c->n_refused,
                  c->n_ignored, c->n_bad);
    if (c->stats_interval) {
        ds_put_format(s, "  counters reported every %d s: %llu reports\n",
                      c->stats_interval / 1000, c->n_stats);
    }

    size_t n_downs = ovs_list_size(&c->downs);
    ds_put_format(s, "  ports reported: %"PRIuSIZE" up, %"PRIuSIZE" down "
                  "not yet acted on; refusals %llu (%llu stale, ignored)\n",
                  shash_count(&c->ports), n_downs, c->n_ports_refused,
                  c->n_refusals_ignored);
    const struct shash_node **nodes = shash_sort(&c->ports);
    for (size_t i = 0; i < shash_count(&c->ports); i++) {
        const struct reported_port *p = nodes[i]->data;
        ds_put_format(s, "    %-15s %-16s "ETH_ADDR_FMT" %-10s%s%s\n",
                      p->name, p->vnet, ETH_ADDR_ARGS(p->mac),
                      p->configured ? "configured"
                      : p->refusal ? "refused"
                      : p->delivered ? "reported" : "to report",
                      p->vm ? " vm " : "", p->vm ? p->vm : "");
        if (p->refusal && !p->configured) {
            ds_put_format(s, "      refused: %s\n", p->refusal);
        }
    }
    free(nodes);
    const struct reported_port *d;
    LIST_FOR_EACH (d, node, &c->downs) {
        ds_put_format(s, "    %-15s %-16s "ETH_ADDR_FMT" down\n", d->name,
                      d->vnet, ETH_ADDR_ARGS(d->mac));
    }
}
