/* vplane/ctl-tables.c: the commands that add, delete and load table entries
 * (see ctl.h; arguments and examples in docs/ctl.md). */
#include <config.h>
#include "ctl.h"

#include <malloc.h>
#include <string.h>
#include "tables-config.h"
#include "ctrl-client.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "tables-json.h"
#include "tables.h"
#include "unixctl.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(ctl_tables);

/* Replies to 'conn' with 'error' (and frees it) or with 'ok', and logs
 * either way: the log is the record of who changed what, when. */
static void
reply(struct unixctl_conn *conn, int argc, const char *argv[], char *error,
      const char *ok)
{
    struct ds cmd = DS_EMPTY_INITIALIZER;

    for (int i = 0; i < argc; i++) {
        ds_put_format(&cmd, "%s%s", i ? " " : "", argv[i]);
    }
    if (error) {
        VLOG_INFO("refused: %s: %s", ds_cstr(&cmd), error);
        unixctl_command_reply_error(conn, error);
        free(error);
    } else {
        VLOG_INFO("applied: %s", ds_cstr(&cmd));
        unixctl_command_reply(conn, ok);
    }
    ds_destroy(&cmd);
}

/* Under a controller the tables are the controller's: a local change would
 * be undone by the next snapshot, so it is refused with where to go. */
static bool
refuse_managed(struct unixctl_conn *conn, int argc, const char *argv[],
               const struct ctl_context *ctx)
{
    if (!ctx->client) {
        return false;
    }
    reply(conn, argc, argv,
          xasprintf("this vplaned's tables come from the controller at %s: "
                    "change them there (vplane-ctl vnet-add, port-add, "
                    "route-add, xlate-import...)",
                    ctrl_client_remote(ctx->client)), NULL);
    return true;
}

static void
apply_and_reply(struct unixctl_conn *conn, int argc, const char *argv[],
                struct ctl_context *ctx, struct vp_config *c, char *error)
{
    if (!error) {
        error = tables_apply(ctx->tables, c);
    }
    vp_config_destroy(c);
    reply(conn, argc, argv, error, NULL);
}

/* vnet/add NAME VNI TENANT [GATEWAY/PLEN]... [gateway-mac=MAC] */
static void
cmd_vnet_add(struct unixctl_conn *conn, int argc, const char *argv[],
             void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct vp_config c;
    char *error;

    vp_config_init(&c);
    struct vp_vnet_spec *spec = vp_config_add_vnet(&c);
    spec->subnets = xcalloc(argc, sizeof *spec->subnets);
    error = vp_parse_name("name", argv[1]);
    if (!error) {
        spec->name = vp_config_intern(&c, argv[1]);
        error = vp_parse_vni("vni", argv[2], &spec->vni);
    }
    if (!error) {
        error = vp_parse_name("tenant", argv[3]);
        spec->tenant = vp_config_intern(&c, argv[3]);
    }
    for (int i = 4; i < argc && !error; i++) {
        if (!strncmp(argv[i], "gateway-mac=", 12)) {
            spec->has_gw_mac = true;
            error = vp_parse_vm_mac("gateway-mac", argv[i] + 12,
                                    &spec->gw_mac);
        } else {
            error = vp_parse_subnet("subnet", argv[i],
                                    &spec->subnets[spec->n_subnets++]);
        }
    }
    apply_and_reply(conn, argc, argv, ctx_, &c, error);
}

static void
cmd_vnet_del(struct unixctl_conn *conn, int argc,
             const char *argv[], void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct ctl_context *ctx = ctx_;

    reply(conn, argc, argv, tables_vnet_del(ctx->tables, argv[1]), NULL);
}

/* Under a controller a port is reported, and its configuration comes back
 * from the controller with everything else. */
static void
report_port(struct unixctl_conn *conn, int argc, const char *argv[],
            struct ctl_context *ctx, const struct vp_port_spec *spec,
            const char *vm, char *error)
{
    if (!error && spec->n_allowed) {
        error = xstrdup("allow: under a controller, allowed sources are "
                        "set there (vplane-ctl port-add ... allow=)");
    }
    if (error) {
        reply(conn, argc, argv, error, NULL);
        return;
    }
    error = ctl_port_up(ctx, spec, vm);   /* Under a controller: no error. */
    ovs_assert(!error);
    unixctl_command_reply(conn, "reported to the controller; the port is "
                          "configured when the controller sends it\n");
}

/* port/add NAME VNET MAC [IP]... [allow=PREFIX/LEN]... [vm=ID] */
static void
cmd_port_add(struct unixctl_conn *conn, int argc, const char *argv[],
             void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const char *vm = NULL;
    struct vp_config c;
    char *error;

    vp_config_init(&c);
    struct vp_port_spec *spec = vp_config_add_port(&c);
    spec->ips = xcalloc(argc, sizeof *spec->ips);
    spec->allowed = xcalloc(argc, sizeof *spec->allowed);
    error = vp_parse_new_ifname("name", argv[1]);
    if (!error) {
        spec->name = xstrdup(argv[1]);
        error = vp_parse_name("vnet", argv[2]);
    }
    if (!error) {
        spec->vnet = vp_config_intern(&c, argv[2]);
        error = vp_parse_vm_mac("mac", argv[3], &spec->mac);
    }
    for (int i = 4; i < argc && !error; i++) {
        if (!strncmp(argv[i], "allow=", 6)) {
            error = vp_parse_allowed("allow", argv[i] + 6,
                                     &spec->allowed[spec->n_allowed++]);
        } else if (!strncmp(argv[i], "vm=", 3)) {
            vm = argv[i] + 3;
            error = vp_parse_name("vm", vm);
        } else {
            error = vp_parse_unicast_ip("ip", argv[i],
                                        &spec->ips[spec->n_ips++]);
        }
    }
    if (ctx->client) {
        report_port(conn, argc, argv, ctx, spec, vm, error);
        vp_config_destroy(&c);
        return;
    }
    if (!error && vm) {
        error = xstrdup("vm: a VM identity is for the controller; this "
                        "vplaned has none (--controller)");
    }
    apply_and_reply(conn, argc, argv, ctx_, &c, error);
}

static void
cmd_port_del(struct unixctl_conn *conn, int argc,
             const char *argv[], void *ctx_)
{
    reply(conn, argc, argv, ctl_port_down(ctx_, argv[1]), NULL);
}

char *
ctl_port_up(struct ctl_context *ctx, const struct vp_port_spec *spec,
            const char *vm)
{
    if (ctx->client) {
        ctrl_client_port_up(ctx->client, spec->name, spec->vnet, spec->mac,
                            spec->ips, spec->n_ips, vm);
        VLOG_INFO("reported up: port %s in VNet %s", spec->name, spec->vnet);
        return NULL;
    }

    struct vp_config c;
    vp_config_init(&c);
    struct vp_port_spec *p = vp_config_add_port(&c);
    p->name = xstrdup(spec->name);
    p->vnet = vp_config_intern(&c, spec->vnet);
    p->mac = spec->mac;
    p->ips = xmemdup(spec->ips, spec->n_ips * sizeof *spec->ips);
    p->n_ips = spec->n_ips;
    char *error = tables_apply(ctx->tables, &c);
    vp_config_destroy(&c);
    return error;
}

char *
ctl_port_down(struct ctl_context *ctx, const char *name)
{
    if (ctx->client) {
        char *error = ctrl_client_port_down(ctx->client, name);
        if (!error) {
            VLOG_INFO("reported down: port %s", name);
        }
        return error;
    }
    return tables_port_del(ctx->tables, name);
}

/* An optional address argument: "-" means none (a MAC-only entry). */
static char *
parse_optional_ip(const char *field, const char *s, ovs_be32 *ip)
{
    if (!strcmp(s, "-")) {
        *ip = 0;
        return NULL;
    }
    return vp_parse_unicast_ip(field, s, ip);
}

/* xlate/add VNET MAC IP|- VTEP */
static void
cmd_xlate_add(struct unixctl_conn *conn, int argc,
              const char *argv[], void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct vp_config c;
    char *error;

    vp_config_init(&c);
    struct vp_xlate_spec *spec = vp_config_add_xlate(&c);
    error = vp_parse_name("vnet", argv[1]);
    if (!error) {
        spec->vnet = vp_config_intern(&c, argv[1]);
        error = vp_parse_vm_mac("mac", argv[2], &spec->mac);
    }
    if (!error) {
        error = parse_optional_ip("ip", argv[3], &spec->ip);
    }
    if (!error) {
        error = vp_parse_unicast_ip("vtep", argv[4], &spec->vtep);
    }
    apply_and_reply(conn, argc, argv, ctx_, &c, error);
}

/* xlate/del VNET MAC [IP|-] */
static void
cmd_xlate_del(struct unixctl_conn *conn, int argc, const char *argv[],
              void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct ctl_context *ctx = ctx_;
    struct eth_addr mac;
    ovs_be32 ip = 0;
    char *error;

    error = vp_parse_vm_mac("mac", argv[2], &mac);
    if (!error && argc > 3) {
        error = parse_optional_ip("ip", argv[3], &ip);
    }
    if (!error) {
        error = tables_xlate_del(ctx->tables, argv[1], mac, ip, argc <= 3);
    }
    reply(conn, argc, argv, error, NULL);
}

/* route/add TENANT PREFIX NEXTHOP */
static void
cmd_route_add(struct unixctl_conn *conn, int argc,
              const char *argv[], void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct vp_config c;
    char *error;

    vp_config_init(&c);
    struct vp_route_spec *spec = vp_config_add_route(&c);
    error = vp_parse_name("tenant", argv[1]);
    if (!error) {
        spec->tenant = vp_config_intern(&c, argv[1]);
        error = vp_parse_prefix("prefix", argv[2], &spec->prefix,
                                &spec->plen);
    }
    if (!error) {
        error = vp_parse_unicast_ip("nexthop", argv[3], &spec->nexthop);
    }
    apply_and_reply(conn, argc, argv, ctx_, &c, error);
}

static void
cmd_route_del(struct unixctl_conn *conn, int argc,
              const char *argv[], void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct ctl_context *ctx = ctx_;
    unsigned int plen;
    ovs_be32 prefix;
    char *error;

    error = vp_parse_prefix("prefix", argv[2], &prefix, &plen);
    if (!error) {
        error = tables_route_del(ctx->tables, argv[1], prefix, plen);
    }
    reply(conn, argc, argv, error, NULL);
}

char *
ctl_load_tables_file(struct vp_tables *tables, const char *file_name,
                     char **summary)
{
    struct json *json = json_from_file(file_name);
    struct vp_config c;
    char *error;

    *summary = NULL;
    if (json->type == JSON_STRING) {
        /* json_from_file() reports I/O and syntax errors this way. */
        error = xasprintf("%s: %s", file_name, json_string(json));
        json_destroy(json);
        return error;
    }

    vp_config_init(&c);
    c.redefine_vnets = true;
    error = tables_json_parse(json, &c);
    /* A big file's parse tree is many times the size of the tables it
     * fills: give it back before the tables grow. */
    json_destroy(json);
    malloc_trim(0);
    if (!error) {
        error = tables_apply(tables, &c);
    }
    if (!error) {
        *summary = xasprintf("loaded %"PRIuSIZE" VNets, %"PRIuSIZE" ports, "
                             "%"PRIuSIZE" translation entries, %"PRIuSIZE
                             " routes from %s", c.n_vnets, c.n_ports,
                             c.n_xlates, c.n_routes, file_name);
    } else {
        char *e = xasprintf("%s: %s", file_name, error);
        free(error);
        error = e;
    }
    vp_config_destroy(&c);
    malloc_trim(0);
    return error;
}

/* tables/load FILE */
static void
cmd_tables_load(struct unixctl_conn *conn, int argc,
                const char *argv[], void *ctx_)
{
    if (refuse_managed(conn, argc, argv, ctx_)) {
        return;
    }
    struct ctl_context *ctx = ctx_;
    char *summary;
    char *error = ctl_load_tables_file(ctx->tables, argv[1], &summary);

    reply(conn, argc, argv, error, summary);
    free(summary);
}

static void
cmd_tables_export(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[] OVS_UNUSED, void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct json *json = tables_json_export(ctx->tables);
    char *s = json_to_string(json, JSSF_PRETTY | JSSF_SORT);

    unixctl_command_reply(conn, s);
    free(s);
    json_destroy(json);
}

static void
cmd_flows_flush(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *ctx_)
{
    struct ctl_context *ctx = ctx_;

    tables_invalidate(ctx->tables);
    unixctl_command_reply(conn, NULL);
}

void
ctl_register_table_commands(struct ctl_context *ctx)
{
    unixctl_command_register("vnet/add", "NAME VNI TENANT [GATEWAY/PLEN]... "
                             "[gateway-mac=MAC]", 3, 64, cmd_vnet_add, ctx);
    unixctl_command_register("vnet/del", "NAME", 1, 1, cmd_vnet_del, ctx);
    unixctl_command_register("port/add", "NAME VNET MAC [IP]... "
                             "[allow=PREFIX/LEN]... [vm=ID]", 3, 64,
                             cmd_port_add, ctx);
    unixctl_command_register("port/del", "NAME", 1, 1, cmd_port_del, ctx);
    unixctl_command_register("xlate/add", "VNET MAC IP|- VTEP", 4, 4,
                             cmd_xlate_add, ctx);
    unixctl_command_register("xlate/del", "VNET MAC [IP|-]", 2, 3,
                             cmd_xlate_del, ctx);
    unixctl_command_register("route/add", "TENANT PREFIX NEXTHOP", 3, 3,
                             cmd_route_add, ctx);
    unixctl_command_register("route/del", "TENANT PREFIX", 2, 2,
                             cmd_route_del, ctx);
    unixctl_command_register("tables/load", "FILE", 1, 1, cmd_tables_load,
                             ctx);
    unixctl_command_register("tables/export", "", 0, 0, cmd_tables_export,
                             ctx);
    unixctl_command_register("flows/flush", "", 0, 0, cmd_flows_flush, ctx);
}
