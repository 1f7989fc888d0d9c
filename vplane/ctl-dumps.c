/* vplane/ctl-dumps.c: what every dump shares -- the arguments
 * [--format=json|text] [FILTER], the filter, the reply -- and the table
 * dumps vnet/dump, xlate/dump, route/dump and subsets/dump.
 *
 * A dump makes each row as a JSON object and formats the text from it, so
 * that the two formats cannot disagree about rows or values; and it adds
 * each row to the reply as it is made (struct ctl_dump), so that a dump of
 * a large table never holds the table as JSON objects, and pages, so that
 * one reply holds at most CTL_DUMP_MAX_LIMIT rows.  The formats are
 * documented in docs/ctl.md; scripts rely on the columns. */
#include <config.h>
#include "ctl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "ctrl-client.h"
#include "dataplane.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "peers.h"
#include "resolver.h"
#include "tables-config.h"
#include "tables-private.h"
#include "unixctl.h"
#include "util.h"
#include "vplane/kinds.h"

bool
ctl_parse_dump_args(struct unixctl_conn *conn, int argc, const char *argv[],
                    bool *json, const char **filter)
{
    *json = false;
    *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format=json")) {
            *json = true;
        } else if (!strcmp(argv[i], "--format=text")) {
            *json = false;
        } else if (argv[i][0] == '-' || *filter) {
            char *error = xasprintf("usage: %s [--format=json|text] "
                                    "[FILTER]", argv[0]);
            unixctl_command_reply_error(conn, error);
            free(error);
            return false;
        } else {
            *filter = argv[i];
        }
    }
    return true;
}

/* Parses "--NAME=N" in 'arg' into '*value' (MIN to MAX).  Returns false
 * if 'arg' is no such option, else true, with '*error' set if N is bad. */
static bool
parse_count_option(const char *arg, const char *name, long long int min,
                   long long int max, long long int *value, char **error)
{
    size_t len = strlen(name);
    long long int n;
    int pos = 0;

    if (strncmp(arg, name, len) || arg[len] != '=') {
        return false;
    }
    if (!ovs_scan(arg + len + 1, "%lld%n", &n, &pos) || arg[len + 1 + pos]
        || n < min || n > max) {
        *error = xasprintf("%s: expected a number from %lld to %lld",
                           arg, min, max);
    } else {
        *value = n;
    }
    return true;
}

bool
ctl_dump_start(struct ctl_dump *d, struct unixctl_conn *conn, int argc,
               const char *argv[], const char *key,
               void (*format)(const struct json *, struct ds *))
{
    char *error = NULL;

    *d = (struct ctl_dump) {
        .conn = conn, .command = argv[0], .key = key, .format = format,
        .limit = CTL_DUMP_DEFAULT_LIMIT, .s = DS_EMPTY_INITIALIZER,
    };
    for (int i = 1; i < argc && !error; i++) {
        if (!strcmp(argv[i], "--format=json")) {
            d->json = true;
        } else if (!strcmp(argv[i], "--format=text")) {
            d->json = false;
        } else if (parse_count_option(argv[i], "--limit", 1,
                                      CTL_DUMP_MAX_LIMIT, &d->limit, &error)
                   || parse_count_option(argv[i], "--offset", 0, LLONG_MAX,
                                         &d->offset, &error)) {
            /* Parsed, or 'error' says why not. */
        } else if (argv[i][0] == '-' || d->filter) {
            error = xasprintf("usage: %s "CTL_DUMP_USAGE, argv[0]);
        } else {
            d->filter = argv[i];
        }
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return false;
    }
    if (d->json) {
        ds_put_char(&d->s, '{');
        json_string_escape(key, &d->s);
        ds_put_cstr(&d->s, ":[");
    }
    return true;
}

bool
ctl_dump_need_row(struct ctl_dump *d)
{
    if (!d->filter && (d->n_matched < d->offset
                       || d->n_shown >= d->limit)) {
        d->n_matched++;
        return false;
    }
    return true;
}

void
ctl_dump_row(struct ctl_dump *d, struct json *row, bool matches)
{
    if (matches) {
        d->n_matched++;
        if (d->n_matched > d->offset && d->n_shown < d->limit) {
            if (!d->json) {
                d->format(row, &d->s);
            } else {
                if (d->n_shown) {
                    ds_put_char(&d->s, ',');
                }
                json_to_ds(row, JSSF_SORT, &d->s);
            }
            d->n_shown++;
        }
    }
    json_destroy(row);
}

void
ctl_dump_finish(struct ctl_dump *d, const struct json *extra)
{
    long long int next = d->offset + d->n_shown;
    long long int more = d->n_matched - MIN(d->n_matched, next);

    if (d->json) {
        ds_put_char(&d->s, ']');
        if (more) {
            ds_put_format(&d->s, ",\"more\":%lld,\"next-offset\":%lld",
                          more, next);
        }
        if (extra) {
            const struct shash_node **nodes = shash_sort(json_object(extra));
            for (size_t i = 0; i < shash_count(json_object(extra)); i++) {
                ds_put_char(&d->s, ',');
                json_string_escape(nodes[i]->name, &d->s);
                ds_put_char(&d->s, ':');
                json_to_ds(nodes[i]->data, JSSF_SORT, &d->s);
            }
            free(nodes);
        }
        ds_put_cstr(&d->s, "}\n");
    } else if (more) {
        ds_put_format(&d->s, "(%lld more rows: next page with --offset=%lld; "
                      "at most %d rows a page with --limit)\n", more, next,
                      CTL_DUMP_MAX_LIMIT);
    }
    unixctl_command_reply(d->conn, ds_cstr(&d->s));
    ds_destroy(&d->s);
}

void
ctl_reply_json(struct unixctl_conn *conn, struct json *o)
{
    char *s = json_to_string(o, JSSF_SORT);
    char *reply = xasprintf("%s\n", s);

    unixctl_command_reply(conn, reply);
    free(reply);
    free(s);
    json_destroy(o);
}

void
ctl_reply_dump(struct unixctl_conn *conn, bool json, const char *key,
               struct json *rows, struct ds *s)
{
    if (json) {
        struct json *o = json_object_create();
        json_object_put(o, key, rows);
        ctl_reply_json(conn, o);
    } else {
        json_destroy(rows);
        unixctl_command_reply(conn, ds_cstr(s));
    }
    ds_destroy(s);
}

static bool
value_matches(const struct json *v, const char *filter)
{
    if (v && v->type == JSON_STRING) {
        return !strcmp(json_string(v), filter);
    } else if (v && v->type == JSON_ARRAY) {
        for (size_t i = 0; i < json_array(v)->n; i++) {
            if (value_matches(json_array(v)->elems[i], filter)) {
                return true;
            }
        }
    }
    return false;
}

bool
ctl_row_matches(const struct json *row, const char *filter,
                const char *const cols[])
{
    char mac[ETH_ADDR_STRLEN + 1];
    struct eth_addr ea;

    if (!filter) {
        return true;
    }
    /* MACs are shown in lower case; "02:AA:..." means the same MAC.  The
     * whole filter must be the MAC ("02:..:01x" is no MAC). */
    int n = 0;
    if (ovs_scan(filter, ETH_ADDR_SCAN_FMT"%n", ETH_ADDR_SCAN_ARGS(ea), &n)
        && !filter[n]) {
        snprintf(mac, sizeof mac, ETH_ADDR_FMT, ETH_ADDR_ARGS(ea));
        filter = mac;
    }
    for (size_t i = 0; cols[i]; i++) {
        if (value_matches(shash_find_data(json_object(row), cols[i]),
                          filter)) {
            return true;
        }
    }
    return false;
}

/* Adds 'row' to 'rows' if 'filter' matches it in 'cols', else frees it. */
static void
add_row(struct json *rows, struct json *row, const char *filter,
        const char *const cols[])
{
    if (ctl_row_matches(row, filter, cols)) {
        json_array_add(rows, row);
    } else {
        json_destroy(row);
    }
}

const char *
ctl_row_string(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_STRING ? json_string(v) : "-";
}

long long int
ctl_row_integer(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_INTEGER ? json_integer(v) : 0;
}

bool
ctl_row_boolean(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_TRUE;
}

struct json *
ctl_ip_json(ovs_be32 ip)
{
    return json_string_create_nocopy(xasprintf(IP_FMT, IP_ARGS(ip)));
}

struct json *
ctl_mac_json(struct eth_addr mac)
{
    return json_string_create_nocopy(xasprintf(ETH_ADDR_FMT,
                                               ETH_ADDR_ARGS(mac)));
}

static void
table_row(struct ctl_dump *d, struct json *row, const char *const cols[])
{
    ctl_dump_row(d, row, ctl_row_matches(row, d->filter, cols));
}

/* vnet/dump. */

static void
vnet_rows(const struct ctl_context *ctx, struct ctl_dump *d,
          const char *const cols[])
{
    const struct vp_vnet **vnets;
    size_t n = tables_sorted_vnets(ctx->tables, &vnets);

    for (size_t i = 0; i < n; i++) {
        const struct vp_vnet *v = vnets[i];
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(v);
        struct json *o = json_object_create();
        struct json *subnets = json_array_create_empty();

        json_object_put_string(o, "vnet", v->name);
        json_object_put(o, "vni", json_integer_create(v->vni));
        json_object_put_string(o, "tenant", v->tenant->name);
        json_object_put(o, "gateway-mac", ctl_mac_json(cfg->gw_mac));
        json_object_put(o, "ports", json_integer_create(v->n_ports));
        json_object_put(o, "xlate", json_integer_create(v->n_xlate));
        json_object_put(o, "hosts",
                        json_integer_create(hmap_count(&v->vtep_refs)));
        for (size_t j = 0; j < cfg->n_subnets; j++) {
            struct ds subnet = DS_EMPTY_INITIALIZER;
            vp_format_subnet(&cfg->subnets[j], &subnet);
            json_array_add(subnets, json_string_create_nocopy(
                               ds_steal_cstr(&subnet)));
        }
        json_object_put(o, "subnets", subnets);
        table_row(d, o, cols);
    }
    free(vnets);
}

static void
vnet_header(struct ds *s)
{
    ds_put_format(s, "%-16s %-8s %-16s %-17s %5s %7s %5s  %s\n", "VNET",
                  "VNI", "TENANT", "GATEWAY-MAC", "PORTS", "XLATE", "HOSTS",
                  "SUBNETS");
}

static void
format_vnet(const struct json *o, struct ds *s)
{
    const struct json *subnets = shash_find_data(json_object(o),
                                                 "subnets");

    ds_put_format(s, "%-16s %-8lld %-16s %-17s %5lld %7lld %5lld ",
                  ctl_row_string(o, "vnet"), ctl_row_integer(o, "vni"),
                  ctl_row_string(o, "tenant"),
                  ctl_row_string(o, "gateway-mac"),
                  ctl_row_integer(o, "ports"),
                  ctl_row_integer(o, "xlate"),
                  ctl_row_integer(o, "hosts"));
    for (size_t j = 0; j < json_array(subnets)->n; j++) {
        ds_put_format(s, " %s",
                      json_string(json_array(subnets)->elems[j]));
    }
    ds_put_cstr(s, json_array(subnets)->n ? "\n" : " -\n");
}


/* xlate/dump. */

static void
xlate_rows(const struct ctl_context *ctx, struct ctl_dump *d,
           const char *const cols[])
{
    const struct vp_xlate **xlates;
    size_t n = tables_sorted_xlates(ctx->tables, &xlates);

    for (size_t i = 0; i < n; i++) {
        const struct vp_xlate *x = xlates[i];

        if (!ctl_dump_need_row(d)) {
            continue;
        }
        ovs_be32 vtep = xlate_vtep(x);
        struct json *o = json_object_create();

        json_object_put_string(o, "vnet", x->vnet->name);
        json_object_put(o, "mac", ctl_mac_json(x->mac));
        json_object_put(o, "ip", x->ip ? ctl_ip_json(x->ip)
                                       : json_string_create("-"));
        json_object_put(o, "vtep", ctl_ip_json(vtep));
        json_object_put(o, "this-host",
                        json_boolean_create(vtep == ctx->tables->self_vtep));
        table_row(d, o, cols);
    }
    free(xlates);
}

static void
xlate_header(struct ds *s)
{
    ds_put_format(s, "%-16s %-17s %-15s %s\n", "VNET", "MAC", "IP", "VTEP");
}

static void
format_xlate(const struct json *o, struct ds *s)
{
    ds_put_format(s, "%-16s %-17s %-15s %s%s\n", ctl_row_string(o, "vnet"),
                  ctl_row_string(o, "mac"), ctl_row_string(o, "ip"),
                  ctl_row_string(o, "vtep"),
                  ctl_row_boolean(o, "this-host") ? " (this host)" : "");
}


/* route/dump. */

static void
route_rows(const struct ctl_context *ctx, struct ctl_dump *d,
           const char *const cols[])
{
    struct vp_route_row *r;
    size_t n = tables_route_rows(ctx->tables, &r);

    for (size_t i = 0; i < n; i++) {
        struct json *o = json_object_create();

        json_object_put_string(o, "tenant", r[i].tenant);
        json_object_put(o, "prefix", json_string_create_nocopy(
                            xasprintf(IP_FMT"/%u", IP_ARGS(r[i].prefix),
                                      r[i].plen)));
        json_object_put(o, "nexthop", r[i].nexthop
                        ? ctl_ip_json(r[i].nexthop)
                        : json_string_create("connected"));
        json_object_put_string(o, "vnet", r[i].vnet ? r[i].vnet : "-");
        json_object_put_string(o, "state",
                               r[i].vnet ? "active" : "unresolved");
        table_row(d, o, cols);
    }
    free(r);
}

static void
route_header(struct ds *s)
{
    ds_put_format(s, "%-16s %-18s %-15s %-16s %s\n", "TENANT", "PREFIX",
                  "NEXTHOP", "VNET", "STATE");
}

static void
format_route(const struct json *o, struct ds *s)
{
    const char *state = ctl_row_string(o, "state");

    ds_put_format(s, "%-16s %-18s %-15s %-16s %s%s\n",
                  ctl_row_string(o, "tenant"),
                  ctl_row_string(o, "prefix"),
                  ctl_row_string(o, "nexthop"), ctl_row_string(o, "vnet"),
                  state, strcmp(state, "unresolved") ? ""
                  : " (next hop in no subnet)");
}


/* The table dumps, by the kind they show (include/vplane/kinds.h): the
 * command, the rows ('each_row' makes them in order and gives each to
 * table_row()), the columns a filter looks at, and the text.  The JSON
 * reply's key is the kind's.  A kind without a command has no dump here. */
struct table_dump {
    const char *command;
    void (*each_row)(const struct ctl_context *, struct ctl_dump *,
                     const char *const cols[]);
    const char *const *cols;
    void (*header)(struct ds *);
    void (*format)(const struct json *row, struct ds *);
};

static const struct table_dump table_dumps[VP_N_KINDS] = {
    /* vnet/dump [--format=json|text] [VNET|TENANT|MAC|SUBNET] */
    [VP_KIND_VNET] = {
        "vnet/dump", vnet_rows,
        (const char *const[]) { "vnet", "tenant", "gateway-mac", "subnets",
                                NULL },
        vnet_header, format_vnet,
    },
    /* route/dump [--format=json|text] [TENANT|VNET|PREFIX|NEXTHOP] */
    [VP_KIND_ROUTE] = {
        "route/dump", route_rows,
        (const char *const[]) { "tenant", "vnet", "prefix", "nexthop",
                                NULL },
        route_header, format_route,
    },
    /* xlate/dump [--format=json|text] [VNET|MAC|IP|VTEP] */
    [VP_KIND_XLATE] = {
        "xlate/dump", xlate_rows,
        (const char *const[]) { "vnet", "mac", "ip", "vtep", NULL },
        xlate_header, format_xlate,
    },
};

/* What a table dump command is registered with. */
struct table_dump_aux {
    const struct ctl_context *ctx;
    enum vp_kind kind;
};

static void
cmd_table_dump(struct unixctl_conn *conn, int argc, const char *argv[],
               void *aux_)
{
    const struct table_dump_aux *aux = aux_;
    const struct table_dump *td = &table_dumps[aux->kind];
    struct ctl_dump d;

    if (!ctl_dump_start(&d, conn, argc, argv, vp_kinds[aux->kind].key,
                        td->format)) {
        return;
    }
    if (!d.json) {
        td->header(&d.s);
    }
    td->each_row(aux->ctx, &d, td->cols);
    ctl_dump_finish(&d, NULL);
}

/* subsets/dump [--format=json|text] [HOST|VTEP]: the filter applies to the
 * host rows; the summary, the records and the counters are always shown. */
static void
cmd_subsets_dump(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *ctx_)
{
    static const char *const cols[] = { "host", "vtep", NULL };
    struct ctl_context *ctx = ctx_;
    struct resolver *resolver = ctx->dp->shared.resolver;
    struct ds s = DS_EMPTY_INITIALIZER;
    const char *filter;
    struct vp_peers none;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    vp_peers_init(&none);
    const struct vp_peers *peers = ctx->client
                                   ? ctrl_client_peers(ctx->client) : &none;
    struct json *o = vp_peers_summary_json(peers);
    struct json *all = vp_peers_host_rows(peers, ctx->host_name);
    struct json *rows = json_array_create_empty();
    for (size_t i = 0; i < json_array(all)->n; i++) {
        add_row(rows, json_clone(json_array(all)->elems[i]), filter, cols);
    }
    json_destroy(all);
    vp_peers_destroy(&none);

    if (json) {
        json_object_put(o, "hosts", rows);
        if (resolver) {
            json_object_put(o, "records", resolver_records_json(resolver));
            json_object_put(o, "counters", resolver_counters_json(resolver));
        }
        ctl_reply_json(conn, o);
        return;
    }

    if (!shash_find(json_object(o), "query-subsets")) {
        ds_put_cstr(&s, "no query-subset assignment received\n");
    } else {
        ds_put_format(&s, "%lld query subsets, owner rule %s, query mode %s, "
                      "WAN VNI %lld, %lld unassigned\n",
                      ctl_row_integer(o, "query-subsets"),
                      ctl_row_string(o, "owner-rule"),
                      ctl_row_string(o, "query-mode"),
                      ctl_row_integer(o, "wan-vni"),
                      ctl_row_integer(o, "unassigned"));
    }
    ds_put_format(&s, "%-16s %-15s %-7s %7s  %-16s %s\n", "HOST", "VTEP",
                  "GATEWAY", "SUBSETS", "WHICH", "SNAT_BLOCKS");
    for (size_t i = 0; i < json_array(rows)->n; i++) {
        const struct json *h = json_array(rows)->elems[i];
        char name[80];

        /* The star marks this host. */
        snprintf(name, sizeof name, "%s%s", ctl_row_string(h, "host"),
                 ctl_row_boolean(h, "self") ? " *" : "");
        ds_put_format(&s, "%-16s %-15s %-7s %7lld  %-16s %s\n", name,
                      ctl_row_string(h, "vtep"),
                      ctl_row_boolean(h, "gateway") ? "yes" : "no",
                      ctl_row_integer(h, "subsets"),
                      ctl_row_string(h, "which"),
                      ctl_row_string(h, "blocks"));
    }
    json_destroy(rows);
    json_destroy(o);
    if (resolver) {
        ds_put_cstr(&s, "records held as helper (SNAT replies):\n");
        resolver_format_records(resolver, &s);
        ds_put_cstr(&s, "owner messages and lookups:\n");
        resolver_format_counters(resolver, &s);
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

void
ctl_register_dump_commands(struct ctl_context *ctx)
{
    static struct table_dump_aux auxes[VP_N_KINDS];

    VP_KIND_FOR_EACH (k) {
        if (table_dumps[k->kind].command) {
            auxes[k->kind] = (struct table_dump_aux) { ctx, k->kind };
            unixctl_command_register(table_dumps[k->kind].command,
                                     CTL_DUMP_USAGE, 0, CTL_DUMP_MAX_ARGS,
                                     cmd_table_dump, &auxes[k->kind]);
        }
    }
    unixctl_command_register("subsets/dump", "[--format=json|text] [FILTER]",
                             0, 2, cmd_subsets_dump, ctx);
    unixctl_command_register("dump-subsets", "[--format=json|text] [FILTER]",
                             0, 2, cmd_subsets_dump, ctx);
}
