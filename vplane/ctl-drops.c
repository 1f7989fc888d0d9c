/* vplane/ctl-drops.c: `drop-log`, the last drops one by one (drop-log.h).
 *
 *   drop-log [--format=json|text] [--limit=N] [--offset=N] [FILTER]
 *
 * FILTER keeps the drops whose port, VNet or reason has that name, or
 * whose addresses include that IPv4 address.  docs/ctl.md shows the
 * output. */
#include <config.h>
#include "ctl.h"

#include <string.h>
#include "drop-log.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "tables.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

static const char *
port_name(const char **names, const struct drop_log_entry *e)
{
    if (e->port_id == DROP_LOG_RESOLVER_PORT) {
        return "resolver";
    }
    return (e->port_id < VP_MAX_PORTS && names[e->port_id]
            ? names[e->port_id] : "(gone)");
}

static const char *
vnet_name(const struct vp_tables *t, const struct drop_log_entry *e,
          char buf[24])
{
    if (!e->vni) {
        return "-";
    }
    const struct vp_vnet *vnet = tables_vnet_by_vni(t, e->vni);
    if (vnet) {
        return vnet->name;
    }
    snprintf(buf, 24, "vni:%"PRIu32, e->vni);   /* One word: columns. */
    return buf;
}

/* Whether 'flow' (drop_log_entry's text) names address 'ip'. */
static bool
flow_has_ip(const char *flow, ovs_be32 ip)
{
    char s[INET_ADDRSTRLEN + 2];

    for (const char *sep = " :"; *sep; sep++) {
        snprintf(s, sizeof s, " "IP_FMT"%c", IP_ARGS(ip), *sep);
        if (strstr(flow, s)) {
            return true;
        }
    }
    snprintf(s, sizeof s, " "IP_FMT, IP_ARGS(ip));
    size_t n = strlen(flow), m = strlen(s);
    return n >= m && !strcmp(flow + n - m, s);
}

static bool
matches(const char *filter, const char *port, const char *vnet,
        const struct drop_log_entry *e)
{
    ovs_be32 ip;

    return (!filter || !strcmp(filter, port) || !strcmp(filter, vnet)
            || !strcmp(filter, vp_drop_reason_name(e->reason))
            || (ip_parse(filter, &ip) && flow_has_ip(e->flow, ip)));
}

static void
put_time(struct ds *s, long long int when)
{
    ds_put_strftime_msec(s, "%Y-%m-%d %H:%M:%S.###", when, false);
}

static void
put_hex(struct ds *s, const struct drop_log_entry *e)
{
    for (size_t i = 0; i < e->n_head; i++) {
        ds_put_format(s, "%s%02x", i ? " " : "", e->head[i]);
    }
}

static struct json *
drop_row(const struct drop_log_entry *e, const char *port, const char *vnet)
{
    struct json *o = json_object_create();
    struct ds t = DS_EMPTY_INITIALIZER;

    put_time(&t, e->when);
    json_object_put(o, "time", json_string_create(ds_cstr(&t)));
    ds_clear(&t);
    put_hex(&t, e);
    json_object_put(o, "seq", json_integer_create(e->seq));
    json_object_put_string(o, "port", port);
    json_object_put_string(o, "vnet", vnet);
    json_object_put_string(o, "reason", vp_drop_reason_name(e->reason));
    json_object_put(o, "len", json_integer_create(e->len));
    json_object_put_string(o, "flow", e->flow);
    json_object_put(o, "head", json_string_create_nocopy(ds_steal_cstr(&t)));
    return o;
}

/* A drop as text: its line, then the head of the packet in hex. */
static void
format_drop(const struct json *o, struct ds *s)
{
    ds_put_format(s, "%s %-15s %-12s %-18s %5lld  %s\n    %s\n",
                  ctl_row_string(o, "time"), ctl_row_string(o, "port"),
                  ctl_row_string(o, "vnet"), ctl_row_string(o, "reason"),
                  ctl_row_integer(o, "len"), ctl_row_string(o, "flow"),
                  ctl_row_string(o, "head"));
}

static void
cmd_drop_log(struct unixctl_conn *conn, int argc, const char *argv[],
             void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct ctl_dump d;

    if (!ctl_dump_start(&d, conn, argc, argv, "drops", format_drop)) {
        return;
    }

    struct drop_log_entry *entries;
    uint64_t missed, total;
    size_t n = drop_log_snapshot(&entries, &missed, &total);
    const char **names = port_names_by_id(ctx->tables);

    if (!d.json) {
        ds_put_format(&d.s, "drop log: %"PRIuSIZE" of %"PRIu64" drops kept "
                      "(size %"PRIuSIZE"), %"PRIu64" not logged (ring busy)\n",
                      n, total, drop_log_get_size(), missed);
        ds_put_format(&d.s, "%-23s %-15s %-12s %-18s %5s  %s\n", "TIME",
                      "PORT", "VNET", "REASON", "LEN", "FLOW");
    }
    for (size_t i = 0; i < n; i++) {
        const struct drop_log_entry *e = &entries[i];
        const char *port = port_name(names, e);
        char buf[24];
        const char *vnet = vnet_name(ctx->tables, e, buf);

        if (!matches(d.filter, port, vnet, e)) {
            continue;
        }
        if (ctl_dump_need_row(&d)) {
            ctl_dump_row(&d, drop_row(e, port, vnet), true);
        }
    }

    struct json *extra = json_object_create();
    json_object_put(extra, "size", json_integer_create(drop_log_get_size()));
    json_object_put(extra, "total", json_integer_create(total));
    json_object_put(extra, "not-logged", json_integer_create(missed));
    if (!d.json && d.filter && !d.n_matched) {
        ds_put_format(&d.s, "(no drop matches \"%s\")\n", d.filter);
    }
    ctl_dump_finish(&d, extra);
    json_destroy(extra);
    free(names);
    free(entries);
}

static void
cmd_drop_log_clear(struct unixctl_conn *conn, int argc OVS_UNUSED,
                   const char *argv[] OVS_UNUSED, void *ctx OVS_UNUSED)
{
    drop_log_clear();
    unixctl_command_reply(conn, NULL);
}

void
ctl_register_drop_commands(struct ctl_context *ctx)
{
    unixctl_command_register("drop-log", CTL_DUMP_USAGE, 0,
                             CTL_DUMP_MAX_ARGS, cmd_drop_log, ctx);
    unixctl_command_register("drop-log/clear", "", 0, 0, cmd_drop_log_clear,
                             ctx);
}
