/* vplane/ctl-stateful.c: the control commands about stateful flows --
 * which host owns each flow this host has decided, the connection state
 * this host holds, and which gateways it finds alive (docs/ctl.md,
 * docs/stateful-flows.md). */
#include <config.h>
#include "ctl.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "conntrack.h"
#include "ct-dpif.h"
#include "dataplane.h"
#include "flow-cache.h"
#include "gwlive.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "resolver.h"
#include "stateful.h"
#include "tables.h"
#include "tables-private.h"
#include "timeval.h"
#include "unixctl.h"
#include "xlate.h"

static const char *const owner_cols[] = { "in", "vnet", "tenant", "eth-src",
                                          "eth-dst", "ip-src", "ip-dst",
                                          "owner", "helper", NULL };

static void
format_owner_row(const struct json *o, struct ds *s)
{
    const struct json *idle = shash_find_data(json_object(o), "idle-ms");

    ds_put_format(s, "in=%s %s ", ctl_row_string(o, "in"),
                  ctl_row_string(o, "flow"));
    ctl_format_owner(o, s);
    ds_put_format(s, " by=%s", ctl_row_string(o, "by"));
    if (shash_find(json_object(o), "helper")) {
        ds_put_format(s, " helper=%s%s", ctl_row_string(o, "helper"),
                      ctl_row_boolean(o, "waiting")
                      ? " (waiting for the helper)" : "");
    }
    ds_put_format(s, " age=%.1fs", ctl_row_integer(o, "age-ms") / 1000.0);
    if (idle) {
        ds_put_format(s, " idle=%.1fs",
                      ctl_row_integer(o, "idle-ms") / 1000.0);
    }
    ds_put_char(s, '\n');
}

static void
add_owner_row(struct json *row, void *d_)
{
    struct ctl_dump *d = d_;

    ctl_dump_row(d, row, ctl_row_matches(row, d->filter, owner_cols));
}

/* dump-owners [--format=json|text] [--limit=N] [--offset=N] [FILTER]:
 * every cached flow that a stateful service applies to, with its owner and
 * how the owner was found (rows as dump-flows' entries), then the owners
 * of WAN flows the resolver knows (resolver_owner_rows()).  FILTER: VNet,
 * tenant, input port, MAC, IPv4 address, or owner. */
static void
cmd_dump_owners(struct unixctl_conn *conn, int argc, const char *argv[],
                void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct dataplane_flow *flows;
    struct ctl_dump d;

    if (!ctl_dump_start(&d, conn, argc, argv, "owners", format_owner_row)) {
        return;
    }
    size_t n = dataplane_dump_flows(ctx->dp, &flows);
    const char **names = port_names_by_id(ctx->tables);
    long long int now = time_msec();

    if (!d.json) {
        ds_put_cstr(&d.s, "IN FLOW OWNER BY AGE\n");
    }
    for (size_t i = 0; i < n; i++) {
        if (flows[i].entry.action.owner_how != VP_OWNER_NONE
            && ctl_dump_need_row(&d)) {
            add_owner_row(ctl_flow_entry_json(ctx, &flows[i].entry,
                                              flows[i].thread, names, now),
                          &d);
        }
    }
    if (ctx->dp->shared.resolver) {
        resolver_owner_rows(ctx->dp->shared.resolver, add_owner_row, &d);
    }
    ctl_dump_finish(&d, NULL);
    free(names);
    free(flows);
}

static const struct vp_tenant *
tenant_by_zone(const struct vp_tables *tables, uint16_t zone)
{
    const struct vp_tenant *tenant;

    HMAP_FOR_EACH (tenant, node, &tables->tenants) {
        if (tenant->zone == zone) {
            return tenant;
        }
    }
    return NULL;
}

static struct json *
ct_tuple_json(const struct ct_dpif_tuple *t)
{
    struct json *o = json_object_create();

    json_object_put(o, "src", ctl_ip_json(t->src.ip));
    json_object_put(o, "dst", ctl_ip_json(t->dst.ip));
    if (t->ip_proto == IPPROTO_ICMP) {
        json_object_put(o, "id", json_integer_create(ntohs(t->icmp_id)));
        json_object_put(o, "type", json_integer_create(t->icmp_type));
        json_object_put(o, "code", json_integer_create(t->icmp_code));
    } else if (t->ip_proto == IPPROTO_TCP || t->ip_proto == IPPROTO_UDP) {
        json_object_put(o, "sport", json_integer_create(ntohs(t->src_port)));
        json_object_put(o, "dport", json_integer_create(ntohs(t->dst_port)));
    }
    return o;
}

/* A tuple as Open vSwitch writes it: "src=A,dst=B,sport=P,dport=Q". */
static void
format_ct_tuple(const struct json *t, struct ds *s)
{
    static const char *const keys[] = { "src", "dst", "sport", "dport",
                                        "id", "type", "code" };
    const char *sep = "";

    for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
        const struct json *v = shash_find_data(json_object(t), keys[i]);
        if (v && v->type == JSON_STRING) {
            ds_put_format(s, "%s%s=%s", sep, keys[i], json_string(v));
        } else if (v && v->type == JSON_INTEGER) {
            ds_put_format(s, "%s%s=%lld", sep, keys[i],
                          (long long int) json_integer(v));
        }
        sep = ",";
    }
}

static struct json *
ct_entry_json(const struct vp_tables *tables, const struct ct_dpif_entry *e)
{
    const struct vp_tenant *tenant = tenant_by_zone(tables, e->zone);
    struct json *o = json_object_create();
    struct ds d = DS_EMPTY_INITIALIZER;

    json_object_put_string(o, "tenant", tenant ? tenant->name : "(gone)");
    json_object_put(o, "zone", json_integer_create(e->zone));
    ct_dpif_format_ipproto(&d, e->tuple_orig.ip_proto);
    json_object_put(o, "proto", json_string_create_nocopy(ds_steal_cstr(&d)));
    if (e->protoinfo.proto == IPPROTO_TCP) {
        uint8_t state = ct_dpif_coalesce_tcp_state(
            MAX(e->protoinfo.tcp.state_orig, e->protoinfo.tcp.state_reply));
        json_object_put_string(o, "state", state < CT_DPIF_TCPS_MAX_NUM
                                           ? ct_dpif_tcp_state_string[state]
                                           : "?");
    } else {
        json_object_put_string(o, "state", "-");
    }
    json_object_put(o, "mark", json_integer_create(e->mark));
    json_object_put(o, "orig", ct_tuple_json(&e->tuple_orig));
    json_object_put(o, "reply", ct_tuple_json(&e->tuple_reply));
    return o;
}

static bool
ct_row_matches(const struct json *row, const char *filter)
{
    static const char *const row_cols[] = { "tenant", "proto", NULL };
    static const char *const tuple_cols[] = { "src", "dst", NULL };
    const struct shash *o = json_object(row);

    return (ctl_row_matches(row, filter, row_cols)
            || ctl_row_matches(shash_find_data(o, "orig"), filter, tuple_cols)
            || ctl_row_matches(shash_find_data(o, "reply"), filter,
                               tuple_cols));
}

static void
format_ct_row(const struct json *o, struct ds *s)
{
    ds_put_format(s, "%-16s %5lld %-5s %-11s %5lld ",
                  ctl_row_string(o, "tenant"), ctl_row_integer(o, "zone"),
                  ctl_row_string(o, "proto"), ctl_row_string(o, "state"),
                  ctl_row_integer(o, "mark"));
    format_ct_tuple(shash_find_data(json_object(o), "orig"), s);
    ds_put_char(s, ' ');
    format_ct_tuple(shash_find_data(json_object(o), "reply"), s);
    ds_put_char(s, '\n');
}

/* dump-conntrack [--format=json|text] [--limit=N] [--offset=N] [FILTER]:
 * the connections this host tracks, as owner of their flows, each with its
 * tenant.  FILTER: a tenant (only its zone is dumped), a protocol, or an
 * address of either tuple.  The rows are made as conntrack's dump walks
 * its table, and only those of the page (or, with a filter, those it is
 * tried on): a table of millions of connections is never copied. */
static void
cmd_dump_conntrack(struct unixctl_conn *conn, int argc, const char *argv[],
                   void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct conntrack *ct = dataplane_conntrack(ctx->dp);
    const struct vp_tenant *only;
    struct conntrack_dump dump;
    struct ct_dpif_entry entry;
    struct ctl_dump d;
    int n_buckets;

    if (!ctl_dump_start(&d, conn, argc, argv, "connections",
                        format_ct_row)) {
        return;
    }
    if (!ct) {
        unixctl_command_reply_error(conn, "forwarding has not started");
        ds_destroy(&d.s);
        return;
    }
    only = d.filter ? tables_tenant_by_name(ctx->tables, d.filter) : NULL;

    if (!d.json) {
        ds_put_format(&d.s, "%-16s %5s %-5s %-11s %5s %s %s\n", "TENANT",
                      "ZONE", "PROTO", "STATE", "MARK", "ORIG", "REPLY");
    }
    conntrack_dump_start(ct, &dump, only ? &only->zone : NULL, &n_buckets);
    while (!conntrack_dump_next(&dump, &entry)) {
        if (entry.tuple_orig.l3_type == AF_INET && ctl_dump_need_row(&d)) {
            struct json *row = ct_entry_json(ctx->tables, &entry);
            ctl_dump_row(&d, row, ct_row_matches(row, d.filter));
        }
        ct_dpif_entry_uninit(&entry);
    }
    conntrack_dump_done(&dump);
    ctl_dump_finish(&d, NULL);
}

static void
format_gateway_row(const struct json *o, struct ds *s)
{
    const struct json *rtt = shash_find_data(json_object(o), "rtt-us");

    ds_put_format(s, "%-16s %-8s %9.1fs %8lld %8lld %6lld %5lld %5lld %5lld ",
                  ctl_row_string(o, "gateway"), ctl_row_string(o, "state"),
                  ctl_row_integer(o, "since-ms") / 1000.0,
                  ctl_row_integer(o, "sent"), ctl_row_integer(o, "answered"),
                  ctl_row_integer(o, "missed"), ctl_row_integer(o, "late"),
                  ctl_row_integer(o, "went-down"),
                  ctl_row_integer(o, "went-up"));
    if (rtt) {
        ds_put_format(s, "%lldus\n", ctl_row_integer(o, "rtt-us"));
    } else {
        ds_put_cstr(s, "-\n");
    }
}

/* gateway/show [--format=json|text] [FILTER]: each gateway as this host's
 * probes find it (gwlive.h).  FILTER: a gateway's address or a state. */
static void
cmd_gateway_show(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *ctx_)
{
    static const char *const cols[] = { "gateway", "state", NULL };
    struct ctl_context *ctx = ctx_;
    const struct resolver *r = ctx->dp->shared.resolver;
    const struct vp_stateful *sf = stateful_get(ctx->tables);
    const char *filter;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    if (!r) {
        unixctl_command_reply_error(conn, "no owner-message socket: "
                                    "gateways are not probed");
        return;
    }

    const struct gwlive *gl = resolver_gwlive(r);
    struct json *all = gwlive_rows_json(gl, time_msec());
    struct json *rows = json_array_create_empty();
    for (size_t i = 0; i < json_array(all)->n; i++) {
        struct json *row = json_array(all)->elems[i];
        if (ctl_row_matches(row, filter, cols)) {
            json_array_add(rows, json_clone(row));
        }
    }
    json_destroy(all);

    struct json *info = gwlive_info_json(gl);
    bool self = stateful_is_gateway(sf, ctx->tables->self_vtep);
    size_t in_use = stateful_n_live_gateways(sf);
    in_use = in_use ? in_use : sf->n_gateways;
    if (json) {
        json_object_put(info, "gateways", rows);
        json_object_put(info, "listed", json_integer_create(sf->n_gateways));
        json_object_put(info, "in-use", json_integer_create(in_use));
        json_object_put(info, "self", json_boolean_create(self));
        ctl_reply_json(conn, info);
        return;
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_format(&s, "probes every %lld ms (jittered), down after %lld "
                  "missed, up after %lld answered\n",
                  ctl_row_integer(info, "interval-ms"),
                  ctl_row_integer(info, "multiplier"),
                  ctl_row_integer(info, "up-after"));
    ds_put_format(&s, "gateways: %"PRIuSIZE" listed, %"PRIuSIZE" in use%s\n",
                  sf->n_gateways, in_use,
                  (sf->n_gateways && !stateful_n_live_gateways(sf)
                   ? " (none alive: all)" : ""));
    if (self) {
        ds_put_format(&s, "this host is a gateway: %lld probes answered\n",
                      ctl_row_integer(info, "answered-as-gateway"));
    }
    ds_put_format(&s, "%-16s %-8s %10s %8s %8s %6s %5s %5s %5s %s\n",
                  "GATEWAY", "STATE", "SINCE", "SENT", "ANSWERED", "MISSED",
                  "LATE", "DOWNS", "UPS", "RTT");
    for (size_t i = 0; i < json_array(rows)->n; i++) {
        format_gateway_row(json_array(rows)->elems[i], &s);
    }
    json_destroy(info);
    ctl_reply_dump(conn, false, "gateways", rows, &s);
}

void
ctl_register_stateful_commands(struct ctl_context *ctx)
{
    unixctl_command_register("gateway/show", "[--format=json|text] [FILTER]",
                             0, 2, cmd_gateway_show, ctx);
    unixctl_command_register("dump-owners", CTL_DUMP_USAGE, 0,
                             CTL_DUMP_MAX_ARGS, cmd_dump_owners, ctx);
    unixctl_command_register("dump-conntrack", CTL_DUMP_USAGE, 0,
                             CTL_DUMP_MAX_ARGS, cmd_dump_conntrack, ctx);
}
