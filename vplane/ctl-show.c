/* vplane/ctl-show.c: show, port/list, drop-stats, controller/show and exit.
 * The table dumps are in ctl-dumps.c, dump-flows in ctl-flows.c.  Output
 * formats are documented in docs/ctl.md. */
#include <config.h>
#include "ctl.h"

#include <stdlib.h>
#include <string.h>
#include "conntrack.h"
#include "ctrl-client.h"
#include "libvirt-watch.h"
#include "dataplane.h"
#include "owner-sweep.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "port.h"
#include "resolver.h"
#include "stats.h"
#include "tables.h"
#include "tables-private.h"
#include "timeval.h"
#include "unixctl.h"
#include "uplink.h"
#include "util.h"

static void
reply_no_such(struct unixctl_conn *conn, const char *field, const char *what,
              const char *name)
{
    char *error = xasprintf("%s: no %s named \"%s\"", field, what, name);

    unixctl_command_reply_error(conn, error);
    free(error);
}


/* One row of port/list (and show): text, or a JSON object added to 'rows'
 * when it is not NULL.  Rows that 'filter' (a port, VNet or address) does
 * not match are left out. */
static void
put_port_row(struct ds *s, struct json *rows, const char *filter,
             const char *name, unsigned int id, const char *vnet,
             const char *mac, const char *state, int mtu,
             const struct vp_port_counters *c, const ovs_be32 *ips,
             size_t n_ips, const char *error)
{
    ovs_be32 ip;
    bool match = !filter || !strcmp(filter, name) || !strcmp(filter, vnet);
    if (!match && ip_parse(filter, &ip)) {
        for (size_t i = 0; i < n_ips && !match; i++) {
            match = ips[i] == ip;
        }
    }
    if (!match) {
        return;
    }
    if (rows) {
        struct json *o = json_object_create();
        struct json *j_ips = json_array_create_empty();
        json_object_put_string(o, "port", name);
        json_object_put(o, "id", json_integer_create(id));
        json_object_put_string(o, "vnet", vnet);
        json_object_put_string(o, "mac", mac);
        json_object_put_string(o, "state", state);
        json_object_put(o, "mtu", json_integer_create(mtu));
        json_object_put(o, "rx-packets", json_integer_create(c->rx_packets));
        json_object_put(o, "rx-bytes", json_integer_create(c->rx_bytes));
        json_object_put(o, "tx-packets", json_integer_create(c->tx_packets));
        json_object_put(o, "tx-bytes", json_integer_create(c->tx_bytes));
        json_object_put(o, "drops", json_integer_create(
                            vp_port_counters_total_drops(c)));
        for (size_t i = 0; i < n_ips; i++) {
            json_array_add(j_ips, json_string_create_nocopy(
                               xasprintf(IP_FMT, IP_ARGS(ips[i]))));
        }
        json_object_put(o, "ips", j_ips);
        if (error) {
            json_object_put_string(o, "error", error);
        }
        json_array_add(rows, o);
        return;
    }
    ds_put_format(s, "%-15s %4u %-16s %-17s %-7s %5d %10"PRIu64" %12"PRIu64
                  " %10"PRIu64" %12"PRIu64" %8"PRIu64" ", name, id, vnet, mac,
                  state, mtu, c->rx_packets, c->rx_bytes, c->tx_packets,
                  c->tx_bytes, vp_port_counters_total_drops(c));
    for (size_t i = 0; i < n_ips; i++) {
        ds_put_format(s, " "IP_FMT, IP_ARGS(ips[i]));
    }
    ds_put_cstr(s, n_ips ? "\n" : " -\n");
    if (error) {
        ds_put_format(s, "  (%s: %s)\n", name, error);
    }
}

static void
put_port(struct ds *s, struct json *rows, const char *filter,
         const struct ctl_context *ctx, const struct vp_port *port,
         const char *vnet)
{
    struct vp_port_counters c;
    char mac[ETH_ADDR_STRLEN + 1];
    int mtu;

    snprintf(mac, sizeof mac, ETH_ADDR_FMT, ETH_ADDR_ARGS(port->mac));
    atomic_read_relaxed(CONST_CAST(atomic_int *, &port->mtu), &mtu);
    dataplane_port_counters(ctx->dp, port, &c);
    put_port_row(s, rows, filter, port->name, port->id, vnet, mac,
                 port_state_name(port->state),
                 port->state == VP_PORT_UP ? mtu : 0, &c, port->ips,
                 port->n_ips, port->error);
}

/* The ports: the fabric, the VM ports, the uplink. */
static void
format_ports(const struct ctl_context *ctx, struct ds *s, struct json *rows,
             const char *filter)
{
    const struct vp_port **ports;
    size_t n = tables_sorted_ports(ctx->tables, &ports);
    struct vp_port_counters c;

    if (!rows) {
        ds_put_format(s, "%-15s %4s %-16s %-17s %-7s %5s %10s %12s %10s "
                      "%12s %8s  %s\n", "PORT", "ID", "VNET", "MAC", "STATE",
                      "MTU", "RX_PKTS", "RX_BYTES", "TX_PKTS", "TX_BYTES",
                      "DROPS", "IPS");
    }
    dataplane_fabric_counters(ctx->dp, &c);
    put_port_row(s, rows, filter, "fabric", VP_FABRIC_PORT_ID, "-", "-",
                 "up", dataplane_get_fabric_mtu(ctx->dp), &c, NULL, 0, NULL);
    for (size_t i = 0; i < n; i++) {
        put_port(s, rows, filter, ctx, ports[i], ports[i]->vnet->name);
    }
    free(ports);

    const struct vp_port *up = tables_uplink(ctx->tables);
    if (up) {
        put_port(s, rows, filter, ctx, up, "(uplink)");
    }
}


/* Lines of 's' from 'start' as a JSON array of strings, without their
 * indentation. */
static struct json *
lines_json(const struct ds *s, size_t start)
{
    struct json *lines = json_array_create_empty();
    char *copy = xstrdup(ds_cstr_ro(s) + start);
    char *save_ptr = NULL;

    for (char *line = strtok_r(copy, "\n", &save_ptr); line;
         line = strtok_r(NULL, "\n", &save_ptr)) {
        json_array_add(lines, json_string_create(line + strspn(line, " ")));
    }
    free(copy);
    return lines;
}

/* show [--format=json|text] [FILTER]: the host, then its ports as port/list
 * shows them (FILTER applies to the ports). */
static void
cmd_show(struct unixctl_conn *conn, int argc, const char *argv[], void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const struct vp_tables *t = ctx->tables;
    struct ds s = DS_EMPTY_INITIALIZER;
    uint64_t fast, slow;
    const char *filter;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    dataplane_path_counters(ctx->dp, &fast, &slow);
    long long int uptime = (time_msec() - ctx->dp->started) / 1000;
    uint32_t n_conns = 0;
    if (dataplane_conntrack(ctx->dp)) {
        conntrack_get_nconns(dataplane_conntrack(ctx->dp), &n_conns);
    }
    struct owner_sweep_stats sweep;
    owner_sweep_get_stats(ctx->dp->sweep, &sweep);

    if (json) {
        struct json *o = json_object_create();
        struct json *rows = json_array_create_empty();

        json_object_put_string(o, "host", ctx->host_name);
        json_object_put_string(o, "version", VPLANE_VERSION);
        json_object_put(o, "vtep", ctl_ip_json(t->self_vtep));
        json_object_put(o, "vxlan-port",
                        json_integer_create(ctx->dp->opts.vxlan_port));
        json_object_put(o, "fabric-mtu", json_integer_create(
                            dataplane_get_fabric_mtu(ctx->dp)));
        json_object_put(o, "offloads", json_boolean_create(ctx->offloads));
        json_object_put(o, "uptime", json_integer_create(uptime));
        json_object_put(o, "generation", json_integer_create(tables_gen(t)));
        json_object_put(o, "vnets", json_integer_create(
                            hmap_count(&t->vnets_by_name)));
        json_object_put(o, "tenants",
                        json_integer_create(hmap_count(&t->tenants)));
        json_object_put(o, "n-ports", json_integer_create(
                            hmap_count(&t->ports_by_name)));
        json_object_put(o, "xlate", json_integer_create(tables_n_xlate(t)));
        json_object_put(o, "routes", json_integer_create(t->n_routes));
        json_object_put(o, "fast-path", json_integer_create(fast));
        json_object_put(o, "slow-path", json_integer_create(slow));
        json_object_put(o, "conntrack", json_integer_create(n_conns));
        json_object_put(o, "conntrack-removed",
                        json_integer_create(sweep.removed));
        json_object_put(o, "owner-sweeps", json_integer_create(sweep.passes));
        json_object_put(o, "owner-sweep-running",
                        json_boolean_create(sweep.running));
        json_object_put(o, "controller", ctx->client
                        ? ctrl_client_brief_json(ctx->client)
                        : json_null_create());
        if (ctx->libvirt) {
            lv_watch_format_brief(ctx->libvirt, &s);
            json_object_put(o, "libvirt", lines_json(&s, 0));
            ds_clear(&s);
        }
        if (ctx->dp->shared.uplink) {
            uplink_format(ctx->dp->shared.uplink, t, &s);
            if (s.length) {
                json_object_put(o, "uplink", lines_json(&s, 0));
            }
            ds_clear(&s);
        }
        json_object_put(o, "threads", dataplane_threads_json(ctx->dp));
        format_ports(ctx, &s, rows, filter);
        json_object_put(o, "ports", rows);
        ds_destroy(&s);
        ctl_reply_json(conn, o);
        return;
    }

    ds_put_format(&s, "vplaned %s (vPlane %s)\n", ctx->host_name,
                  VPLANE_VERSION);
    ds_put_format(&s, "  vtep "IP_FMT", VXLAN port %"PRIu16", fabric MTU %d,"
                  " offloads %s\n", IP_ARGS(t->self_vtep),
                  ctx->dp->opts.vxlan_port,
                  dataplane_get_fabric_mtu(ctx->dp),
                  ctx->offloads ? "on" : "off");
    ds_put_format(&s, "  uptime %llds, tables generation %"PRIu64"\n",
                  uptime, tables_gen(t));
    ds_put_format(&s, "  tables: %"PRIuSIZE" VNets in %"PRIuSIZE" tenants, "
                  "%"PRIuSIZE" ports, %"PRIuSIZE" translation entries, "
                  "%"PRIuSIZE" routes\n", hmap_count(&t->vnets_by_name),
                  hmap_count(&t->tenants), hmap_count(&t->ports_by_name),
                  tables_n_xlate(t), t->n_routes);
    ds_put_format(&s, "  packets: %"PRIu64" fast path, %"PRIu64" slow path\n",
                  fast, slow);
    ds_put_format(&s, "  conntrack: %"PRIu32" connections (stateful flows "
                  "this host owns)\n", n_conns);
    ds_put_format(&s, "  owner changes: %"PRIu64" connections removed "
                  "(another host owns them now), %"PRIu64" walks%s\n",
                  sweep.removed, sweep.passes,
                  sweep.running ? ", walking" : "");
    if (ctx->client) {
        ctrl_client_format_brief(ctx->client, &s);
    } else {
        ds_put_cstr(&s, "  no controller: tables are configured locally\n");
    }
    if (ctx->libvirt) {
        lv_watch_format_brief(ctx->libvirt, &s);
    }
    if (ctx->dp->shared.uplink) {
        uplink_format(ctx->dp->shared.uplink, t, &s);
    }
    dataplane_format_threads(ctx->dp, &s);
    ds_put_char(&s, '\n');
    format_ports(ctx, &s, NULL, filter);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

static void
cmd_controller_show(struct unixctl_conn *conn, int argc OVS_UNUSED,
                    const char *argv[] OVS_UNUSED, void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct ds s = DS_EMPTY_INITIALIZER;

    if (ctx->client) {
        ctrl_client_format(ctx->client, &s);
    } else {
        ds_put_cstr(&s, "no controller: tables are configured locally "
                        "(vplaned --controller=REMOTE to use one)\n");
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

/* port/list [--format=json] [PORT|VNET|IP] */
static void
cmd_port_list(struct unixctl_conn *conn, int argc, const char *argv[],
              void *ctx_)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    const char *filter;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    struct json *rows = json_array_create_empty();
    format_ports(ctx_, &s, json ? rows : NULL, filter);
    ctl_reply_dump(conn, json, "ports", rows, &s);
}

const char **
port_names_by_id(const struct vp_tables *t)
{
    const char **names = xcalloc(VP_MAX_PORTS, sizeof *names);
    const struct vp_port *port;

    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        names[port->id] = port->name;
    }
    port = tables_uplink(t);
    if (port) {
        names[port->id] = port->name;
    }
    names[VP_FABRIC_PORT_ID] = "fabric";
    return names;
}

static void
format_drops(struct ds *s, struct json *rows, const char *port,
             const struct vp_port_counters *c)
{
    for (int r = 0; r < VP_N_DROP_REASONS; r++) {
        if (!c->drops[r]) {
            continue;
        } else if (rows) {
            struct json *o = json_object_create();
            json_object_put_string(o, "port", port);
            json_object_put_string(o, "reason", vp_drop_reason_name(r));
            json_object_put(o, "packets", json_integer_create(c->drops[r]));
            json_array_add(rows, o);
        } else {
            ds_put_format(s, "%-15s %-20s %12"PRIu64"\n", port,
                          vp_drop_reason_name(r), c->drops[r]);
        }
    }
}

/* drop-stats [PORT]: nonzero drop counters by port and reason. */
static void
cmd_drop_stats(struct unixctl_conn *conn, int argc, const char *argv[],
               void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct ds s = DS_EMPTY_INITIALIZER;
    struct vp_port_counters c;
    const char *filter;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    const struct vp_port *uplink = tables_uplink(ctx->tables);
    if (filter && strcmp(filter, "fabric") && strcmp(filter, "resolver")
        && !tables_port_by_name(ctx->tables, filter)
        && !(uplink && !strcmp(filter, uplink->name))) {
        reply_no_such(conn, "port", "port", filter);
        ds_destroy(&s);
        return;
    }
    struct json *rows = json ? json_array_create_empty() : NULL;
    if (!json) {
        ds_put_format(&s, "%-15s %-20s %12s\n", "PORT", "REASON", "PACKETS");
    }
    if (!filter || !strcmp(filter, "fabric")) {
        dataplane_fabric_counters(ctx->dp, &c);
        format_drops(&s, rows, "fabric", &c);
    }

    const struct vp_port **ports;
    size_t n = tables_sorted_ports(ctx->tables, &ports);
    for (size_t i = 0; i < n; i++) {
        if (!filter || !strcmp(filter, ports[i]->name)) {
            dataplane_port_counters(ctx->dp, ports[i], &c);
            format_drops(&s, rows, ports[i]->name, &c);
        }
    }
    free(ports);
    if (uplink && (!filter || !strcmp(filter, uplink->name))) {
        dataplane_port_counters(ctx->dp, uplink, &c);
        format_drops(&s, rows, uplink->name, &c);
    }
    if (ctx->dp->shared.resolver && (!filter || !strcmp(filter, "resolver"))) {
        /* Packets the resolver held for an answer and had to drop. */
        memset(&c, 0, sizeof c);
        resolver_add_drops(ctx->dp->shared.resolver, c.drops);
        format_drops(&s, rows, "resolver", &c);
    }
    ctl_reply_dump(conn, json, "drops",
                   rows ? rows : json_array_create_empty(), &s);
}

static void
cmd_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
         const char *argv[] OVS_UNUSED, void *ctx_)
{
    struct ctl_context *ctx = ctx_;

    ctx->exiting = true;
    unixctl_command_reply(conn, NULL);
}

void
ctl_register_show_commands(struct ctl_context *ctx)
{
    unixctl_command_register("show", "[--format=json|text] [FILTER]", 0, 2,
                             cmd_show, ctx);
    unixctl_command_register("port/list", "[--format=json|text] [FILTER]",
                             0, 2, cmd_port_list, ctx);
    unixctl_command_register("drop-stats", "[--format=json|text] [PORT]", 0,
                             2, cmd_drop_stats, ctx);
    unixctl_command_register("controller/show", "", 0, 0,
                             cmd_controller_show, ctx);
    unixctl_command_register("exit", "", 0, 0, cmd_exit, ctx);
}
