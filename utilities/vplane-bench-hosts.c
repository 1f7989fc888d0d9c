/* utilities/vplane-bench-hosts.c: many simulated vplaneds in one process,
 * for utilities/vplane-bench-ctrl.  Each host opens its own JSON-RPC session
 * to the controller and speaks the real protocol (docs/protocol.md): the
 * hello, acks for every snapshot (on its end marker) and update, echo
 * replies (jsonrpc_session answers them).  It applies nothing: it records
 * when things arrived and which tenants they touched, so that the driver can
 * tell when the last concerned host got a change and who got what it did not
 * need.  One poll loop for all hosts, no thread per host.
 *
 * Usage: vplane-bench-hosts REMOTE HOSTFILE
 * HOSTFILE has one "NAME VTEP" per line.  Commands come on stdin, one per
 * line; each gets one JSON line on stdout (times are CLOCK_MONOTONIC
 * seconds, as Python's time.monotonic()):
 *   status                        counts (connected, synced, drops...)
 *   wait-synced TIMEOUT_S         until every host has acked a snapshot
 *                                 on its current session
 *   mark                          forget what arrived so far
 *   wait KEY TIMEOUT_S HOST...    until every HOST got a message touching
 *                                 KEY since the mark ("t:TENANT", "hosts")
 *   quiet SECONDS TIMEOUT_S       until nothing arrived for SECONDS
 *   since                         per host, what arrived since the mark
 *   report                        per host counters
 *   quit */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "command-line.h"
#include "fatal-signal.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "sset.h"
#include "util.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(bench_hosts);

/* As vplaned (vplane/ctrl-client.c), whose session this is too: Open
 * vSwitch's jsonrpc_session with its default reconnection backoff (1 s,
 * doubling up to 8 s).  The hosts must be no more patient than vplaned,
 * or the bench would hide drops. */
#define PROBE_INTERVAL_MS 5000

struct bhost {
    char *name;
    char *vtep;
    struct jsonrpc_session *js;
    unsigned int seqno;
    bool connected;
    bool synced;                /* Acked a snapshot on this session. */
    struct json *hello_id;
    int connects, drops, refusals, bad;
    double first_sync;          /* First snapshot acked, 0 if none. */
    double last_sync;
    long long int last_gen;
    unsigned long long snapshots, updates, entries;
    struct shash ports;         /* Own port name -> VNet name. */

    /* Since the mark. */
    unsigned int mark_msgs, mark_snapshots;
    unsigned long long mark_entries;
    struct shash mark_keys;     /* Key -> double *: first arrival. */
};

static struct bhost *hosts;
static size_t n_hosts;
static struct shash vnet_tenant;   /* VNet name -> tenant name. */
static double last_msg;            /* Last message from any host. */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
touch(struct bhost *h, const char *key, double t)
{
    if (!shash_find(&h->mark_keys, key)) {
        double *p = xmalloc(sizeof *p);
        *p = t;
        shash_add(&h->mark_keys, key, p);
    }
}

static void
touch_vnet(struct bhost *h, const char *vnet, double t)
{
    const char *tenant = shash_find_data(&vnet_tenant, vnet);
    char *key = tenant ? xasprintf("t:%s", tenant) : xasprintf("v:%s", vnet);
    touch(h, key, t);
    free(key);
}

static const char *
get_string(const struct json *o, const char *name)
{
    const struct json *v = o && o->type == JSON_OBJECT
                           ? shash_find_data(json_object(o), name) : NULL;
    return v && v->type == JSON_STRING ? json_string(v) : NULL;
}

static long long int
get_int(const struct json *o, const char *name)
{
    const struct json *v = o && o->type == JSON_OBJECT
                           ? shash_find_data(json_object(o), name) : NULL;
    return v && v->type == JSON_INTEGER ? v->integer : -1;
}

/* Records the keys the sections of 'tables' (an update's "add" or a
 * snapshot's "tables", or an update's "remove" if 'removal') touch. */
static void
scan_tables(struct bhost *h, const struct json *tables, bool removal,
            double t)
{
    struct shash_node *node;

    if (!tables || tables->type != JSON_OBJECT) {
        return;
    }
    SHASH_FOR_EACH (node, json_object(tables)) {
        const struct json *sec = node->data;
        const char *name = node->name;

        if (!strcmp(name, "hosts") || !strcmp(name, "subsets")
            || !strcmp(name, "uplink")) {
            touch(h, name, t);
            continue;
        }
        if (sec->type != JSON_ARRAY) {
            continue;
        }
        const struct json_array *a = json_array(sec);
        h->entries += a->n;
        h->mark_entries += a->n;
        for (size_t i = 0; i < a->n; i++) {
            const struct json *e = a->elems[i];
            const char *s = e->type == JSON_STRING ? json_string(e) : NULL;

            if (!strcmp(name, "vnets")) {
                if (removal) {
                    if (s) {
                        touch_vnet(h, s, t);
                    }
                    continue;
                }
                const char *vnet = get_string(e, "name");
                const char *tenant = get_string(e, "tenant");
                if (vnet && tenant) {
                    free(shash_replace_nocopy(&vnet_tenant, xstrdup(vnet),
                                              xstrdup(tenant)));
                    touch_vnet(h, vnet, t);
                }
            } else if (!strcmp(name, "ports")) {
                if (removal) {
                    const char *vnet = s ? shash_find_data(&h->ports, s)
                                         : NULL;
                    if (vnet) {
                        touch_vnet(h, vnet, t);
                    }
                    continue;
                }
                const char *port = get_string(e, "name");
                const char *vnet = get_string(e, "vnet");
                if (port && vnet) {
                    free(shash_replace_nocopy(&h->ports, xstrdup(port),
                                              xstrdup(vnet)));
                    touch_vnet(h, vnet, t);
                }
            } else if (!strcmp(name, "xlate")) {
                const char *vnet = get_string(e, "vnet");
                if (vnet) {
                    touch_vnet(h, vnet, t);
                }
            } else if (!strcmp(name, "routes") || !strcmp(name, "nat")) {
                const char *tenant = get_string(e, "tenant");
                char *key = tenant ? xasprintf("t:%s", tenant)
                                   : xstrdup(name);
                touch(h, key, t);
                free(key);
            } else if (!strcmp(name, "firewall")) {
                const char *id = s ? s : get_string(e, "id");
                char *vnet = id ? xstrdup(id) : NULL;
                char *slash = vnet ? strchr(vnet, '/') : NULL;
                if (slash) {
                    *slash = '\0';
                    touch_vnet(h, vnet, t);
                } else {
                    touch(h, name, t);
                }
                free(vnet);
            } else {
                touch(h, name, t);
            }
        }
    }
}

static void
send_ack(struct bhost *h, long long int gen)
{
    struct json *p = json_object_create();

    json_object_put(p, "generation", json_integer_create(gen));
    jsonrpc_session_send(h->js, jsonrpc_create_notify(
                             VP_METHOD_ACK, json_array_create_1(p)));
    h->last_gen = gen;
}

static void
send_hello(struct bhost *h)
{
    struct json *p = json_object_create();

    json_object_put_string(p, "host", h->name);
    json_object_put_string(p, "vtep", h->vtep);
    json_object_put_string(p, "version", VPLANE_VERSION);
    json_object_put(p, "protocol", json_integer_create(VP_PROTOCOL_VERSION));
    json_object_put(p, "capabilities", json_array_create_1(
                        json_string_create(VP_CAPABILITY_TABLES)));
    struct jsonrpc_msg *msg = jsonrpc_create_request(
        VP_METHOD_HELLO, json_array_create_1(p), NULL);
    json_destroy(h->hello_id);
    h->hello_id = json_clone(msg->id);
    jsonrpc_session_send(h->js, msg);
}

static void
handle_msg(struct bhost *h, const struct jsonrpc_msg *msg)
{
    double t = now_s();
    const struct json *p = (msg->params && msg->params->type == JSON_ARRAY
                            && json_array(msg->params)->n == 1
                            ? json_array(msg->params)->elems[0] : NULL);

    last_msg = t;
    if (msg->type == JSONRPC_ERROR) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);
        char *error = msg->error ? json_to_string(msg->error, 0) : NULL;
        h->refusals++;
        VLOG_WARN_RL(&rl, "%s: the controller refused the hello: %s",
                     h->name, error ? error : "(no reason)");
        free(error);
        return;
    } else if (msg->type == JSONRPC_REPLY) {
        return;
    } else if (msg->type != JSONRPC_NOTIFY) {
        h->bad++;               /* The controller asks nothing but echo. */
        return;
    }
    if (!strcmp(msg->method, VP_METHOD_SNAPSHOT)) {
        long long int gen = get_int(p, "generation");
        long long int part = get_int(p, "part");
        long long int parts = get_int(p, "parts");
        scan_tables(h, p ? shash_find_data(json_object(p), "tables") : NULL,
                    false, t);
        h->mark_msgs++;
        if (gen < 0 || part < 1 || parts < part) {
            h->bad++;
        } else if (part == parts) {
            send_ack(h, gen);
            h->snapshots++;
            h->mark_snapshots++;
            h->synced = true;
            h->last_sync = t;
            if (!h->first_sync) {
                h->first_sync = t;
            }
        }
    } else if (!strcmp(msg->method, VP_METHOD_UPDATE)) {
        long long int gen = get_int(p, "generation");
        const struct shash *o = p && p->type == JSON_OBJECT
                                ? json_object(p) : NULL;
        if (o) {
            scan_tables(h, shash_find_data(o, "remove"), true, t);
            scan_tables(h, shash_find_data(o, "add"), false, t);
        }
        h->mark_msgs++;
        h->updates++;
        if (gen >= 0) {
            send_ack(h, gen);
        } else {
            h->bad++;
        }
    } else if (strcmp(msg->method, VP_METHOD_PORT_REFUSED)) {
        h->bad++;
    }
}

static void
run_host(struct bhost *h)
{
    jsonrpc_session_run(h->js);
    unsigned int seqno = jsonrpc_session_get_seqno(h->js);
    if (seqno != h->seqno) {
        h->seqno = seqno;
        if (h->connected) {
            h->drops++;
        }
        h->connected = jsonrpc_session_is_connected(h->js);
        h->synced = false;
        if (h->connected) {
            h->connects++;
            send_hello(h);
        }
    }
    for (int i = 0; i < 50; i++) {
        struct jsonrpc_msg *msg = jsonrpc_session_recv(h->js);
        if (!msg) {
            break;
        }
        handle_msg(h, msg);
        jsonrpc_msg_destroy(msg);
    }
}

/* Commands. */

struct waiter {
    enum { W_NONE, W_SYNCED, W_KEY, W_QUIET } type;
    double deadline;
    double quiet;
    char *key;
    struct sset hosts;
};

static struct waiter w;

static void
reply(struct json *j)
{
    char *s = json_to_string(j, 0);
    printf("%s\n", s);
    fflush(stdout);
    free(s);
    json_destroy(j);
}

static void
put_double(struct json *o, const char *name, double v)
{
    json_object_put(o, name, json_real_create(v));
}

static struct json *
status_json(void)
{
    struct json *o = json_object_create();
    int connected = 0, synced = 0, drops = 0, connects = 0, refusals = 0;
    int bad = 0, ever_synced = 0;
    double last_first_sync = 0, last_sync = 0;

    for (size_t i = 0; i < n_hosts; i++) {
        struct bhost *h = &hosts[i];
        connected += h->connected;
        synced += h->synced;
        ever_synced += h->first_sync != 0;
        drops += h->drops;
        connects += h->connects;
        refusals += h->refusals;
        bad += h->bad;
        last_first_sync = MAX(last_first_sync, h->first_sync);
        if (h->synced) {
            last_sync = MAX(last_sync, h->last_sync);
        }
    }
    put_double(o, "now", now_s());
    json_object_put(o, "hosts", json_integer_create(n_hosts));
    json_object_put(o, "connected", json_integer_create(connected));
    json_object_put(o, "synced", json_integer_create(synced));
    json_object_put(o, "ever_synced", json_integer_create(ever_synced));
    json_object_put(o, "drops", json_integer_create(drops));
    json_object_put(o, "connects", json_integer_create(connects));
    json_object_put(o, "refusals", json_integer_create(refusals));
    json_object_put(o, "bad", json_integer_create(bad));
    put_double(o, "last_first_sync", last_first_sync);
    /* Once every host is synced: when the last one became so. */
    put_double(o, "last_sync", last_sync);
    put_double(o, "last_msg", last_msg);
    return o;
}

static struct bhost *
find_host(const char *name)
{
    for (size_t i = 0; i < n_hosts; i++) {
        if (!strcmp(hosts[i].name, name)) {
            return &hosts[i];
        }
    }
    return NULL;
}

/* Replies to the pending wait if it is over. */
static void
check_waiter(void)
{
    double t = now_s();
    bool timed_out = t >= w.deadline;

    if (w.type == W_SYNCED) {
        bool all = true;
        for (size_t i = 0; i < n_hosts && all; i++) {
            all = hosts[i].synced;
        }
        if (all || timed_out) {
            struct json *o = status_json();
            json_object_put(o, "ok", json_boolean_create(all));
            reply(o);
            w.type = W_NONE;
        }
    } else if (w.type == W_KEY) {
        struct json *missing = json_array_create_empty();
        double last = 0;
        const char *name;
        SSET_FOR_EACH (name, &w.hosts) {
            struct bhost *h = find_host(name);
            double *p = h ? shash_find_data(&h->mark_keys, w.key) : NULL;
            if (p) {
                last = MAX(last, *p);
            } else {
                json_array_add(missing, json_string_create(name));
            }
        }
        bool ok = !json_array(missing)->n;
        if (ok || timed_out) {
            struct json *o = json_object_create();
            json_object_put(o, "ok", json_boolean_create(ok));
            put_double(o, "last", last);
            json_object_put(o, "missing", missing);
            reply(o);
            w.type = W_NONE;
            free(w.key);
            sset_clear(&w.hosts);
        } else {
            json_destroy(missing);
        }
    } else if (w.type == W_QUIET) {
        if (t - last_msg >= w.quiet || timed_out) {
            struct json *o = status_json();
            json_object_put(o, "ok", json_boolean_create(!timed_out));
            reply(o);
            w.type = W_NONE;
        }
    }
}

static void
cmd_since(void)
{
    struct json *o = json_object_create();

    for (size_t i = 0; i < n_hosts; i++) {
        struct bhost *h = &hosts[i];
        if (!h->mark_msgs) {
            continue;
        }
        struct json *e = json_object_create();
        struct json *keys = json_array_create_empty();
        struct shash_node *node;
        SHASH_FOR_EACH (node, &h->mark_keys) {
            json_array_add(keys, json_string_create(node->name));
        }
        json_object_put(e, "msgs", json_integer_create(h->mark_msgs));
        json_object_put(e, "snapshots",
                        json_integer_create(h->mark_snapshots));
        json_object_put(e, "entries", json_integer_create(h->mark_entries));
        json_object_put(e, "keys", keys);
        json_object_put(o, h->name, e);
    }
    struct json *r = status_json();
    json_object_put(r, "since", o);
    reply(r);
}

static void
cmd_report(void)
{
    struct json *o = json_object_create();

    for (size_t i = 0; i < n_hosts; i++) {
        struct bhost *h = &hosts[i];
        struct json *e = json_object_create();
        json_object_put(e, "connects", json_integer_create(h->connects));
        json_object_put(e, "drops", json_integer_create(h->drops));
        json_object_put(e, "snapshots", json_integer_create(h->snapshots));
        json_object_put(e, "updates", json_integer_create(h->updates));
        json_object_put(e, "entries", json_integer_create(h->entries));
        json_object_put(e, "generation", json_integer_create(h->last_gen));
        put_double(e, "first_sync", h->first_sync);
        json_object_put(o, h->name, e);
    }
    struct json *r = status_json();
    json_object_put(r, "report", o);
    reply(r);
}

/* Handles one command line; returns false on "quit". */
static bool
command(char *line)
{
    char *save = NULL;
    char *verb = strtok_r(line, " \t\r", &save);
    char *arg;

    if (!verb) {
        return true;
    } else if (!strcmp(verb, "quit")) {
        return false;
    } else if (!strcmp(verb, "status")) {
        reply(status_json());
    } else if (!strcmp(verb, "report")) {
        cmd_report();
    } else if (!strcmp(verb, "since")) {
        cmd_since();
    } else if (!strcmp(verb, "mark")) {
        for (size_t i = 0; i < n_hosts; i++) {
            hosts[i].mark_msgs = hosts[i].mark_snapshots = 0;
            hosts[i].mark_entries = 0;
            shash_clear_free_data(&hosts[i].mark_keys);
        }
        reply(status_json());
    } else if (!strcmp(verb, "wait-synced")) {
        arg = strtok_r(NULL, " \t\r", &save);
        w.type = W_SYNCED;
        w.deadline = now_s() + (arg ? atof(arg) : 60);
    } else if (!strcmp(verb, "quiet")) {
        arg = strtok_r(NULL, " \t\r", &save);
        w.quiet = arg ? atof(arg) : 0.5;
        arg = strtok_r(NULL, " \t\r", &save);
        w.type = W_QUIET;
        w.deadline = now_s() + (arg ? atof(arg) : 60);
    } else if (!strcmp(verb, "wait")) {
        arg = strtok_r(NULL, " \t\r", &save);
        w.key = xstrdup(arg ? arg : "");
        arg = strtok_r(NULL, " \t\r", &save);
        w.deadline = now_s() + (arg ? atof(arg) : 60);
        while ((arg = strtok_r(NULL, " \t\r", &save)) != NULL) {
            sset_add(&w.hosts, arg);
        }
        w.type = W_KEY;
    } else {
        struct json *o = json_object_create();
        json_object_put_format(o, "error", "unknown command \"%s\"", verb);
        reply(o);
    }
    return true;
}

static void
load_hosts(const char *file)
{
    FILE *f = fopen(file, "r");
    size_t allocated = 0;
    char name[128], vtep[64];

    if (!f) {
        ovs_fatal(errno, "%s: cannot open", file);
    }
    while (fscanf(f, "%127s %63s", name, vtep) == 2) {
        if (n_hosts >= allocated) {
            hosts = x2nrealloc(hosts, &allocated, sizeof *hosts);
        }
        struct bhost *h = &hosts[n_hosts++];
        memset(h, 0, sizeof *h);
        h->name = xstrdup(name);
        h->vtep = xstrdup(vtep);
    }
    fclose(f);
    /* Not before: an hmap points into itself, and 'hosts' moved. */
    for (size_t i = 0; i < n_hosts; i++) {
        shash_init(&hosts[i].ports);
        shash_init(&hosts[i].mark_keys);
    }
}

int
main(int argc, char *argv[])
{
    struct ds input = DS_EMPTY_INITIALIZER;
    bool eof = false;

    set_program_name(argv[0]);
    fatal_ignore_sigpipe();
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    vlog_set_levels_from_string_assert("reconnect:console:err");
    vlog_set_levels_from_string_assert("jsonrpc:console:err");
    if (argc != 3) {
        ovs_fatal(0, "usage: %s REMOTE HOSTFILE (commands on stdin)",
                  program_name);
    }
    shash_init(&vnet_tenant);
    sset_init(&w.hosts);
    load_hosts(argv[2]);
    for (size_t i = 0; i < n_hosts; i++) {
        hosts[i].js = jsonrpc_session_open(argv[1], true);
        jsonrpc_session_set_probe_interval(hosts[i].js, PROBE_INTERVAL_MS);
    }
    /* OVS's poll loop takes fd 0 for "no fd". */
    int in_fd = dup(STDIN_FILENO);
    if (in_fd < 0) {
        ovs_fatal(errno, "dup");
    }
    fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) | O_NONBLOCK);
    reply(status_json());

    for (;;) {
        for (size_t i = 0; i < n_hosts; i++) {
            run_host(&hosts[i]);
        }
        if (w.type != W_NONE) {
            check_waiter();
        }
        while (w.type == W_NONE) {
            char *nl = strchr(ds_cstr(&input), '\n');
            if (nl) {
                size_t len = nl - input.string + 1;
                char *line = xmemdup0(input.string, len - 1);
                memmove(input.string, input.string + len,
                        input.length - len + 1);
                input.length -= len;
                bool go_on = command(line);
                free(line);
                if (!go_on) {
                    goto out;
                }
                if (w.type != W_NONE) {
                    check_waiter();
                }
                continue;
            }
            char buf[4096];
            ssize_t n = read(in_fd, buf, sizeof buf);
            if (n > 0) {
                ds_put_buffer(&input, buf, n);
            } else if (n == 0 || errno != EAGAIN) {
                eof = true;
                break;
            } else {
                break;
            }
        }
        if (eof && w.type == W_NONE) {
            break;
        }
        for (size_t i = 0; i < n_hosts; i++) {
            jsonrpc_session_wait(hosts[i].js);
            jsonrpc_session_recv_wait(hosts[i].js);
        }
        if (w.type == W_NONE && !eof) {
            poll_fd_wait(in_fd, POLLIN);
        } else if (w.type != W_NONE) {
            poll_timer_wait(10);
        }
        poll_block();
    }
out:
    for (size_t i = 0; i < n_hosts; i++) {
        jsonrpc_session_close(hosts[i].js);
    }
    ds_destroy(&input);
    return 0;
}
