/* utilities/nbctl-cmds.c: tenants, routes, hosts and deployment settings
 * in the controller's database (see nbctl.h; docs/controller.md), and the
 * table and argument helpers the command files share (nbctl-private.h).
 * VNets, subnets and VM ports are nbctl-vnets.c's. */
#include <config.h>
#include "nbctl.h"
#include "nbctl-private.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/nb-check.h"
#include "ctrl/shards.h"
#include "ctrl/snat-blocks.h"
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-idl-provider.h"
#include "packets.h"
#include "smap.h"
#include "table.h"
#include "util.h"
#include "vplane/peers.h"
#include "vplane/tables-config.h"

/* "key=value" argument 'arg' with key 'key': its value, or NULL. */
const char *
nbctl_keyword(const char *arg, const char *key)
{
    size_t n = strlen(key);
    return !strncmp(arg, key, n) && arg[n] == '=' ? arg + n + 1 : NULL;
}

bool
nbctl_has_option(const struct ctl_context *ctx, const char *option)
{
    return shash_find(&ctx->options, option) != NULL;
}

struct table *
nbctl_new_table(struct ctl_context *ctx, const char *const *headings,
                size_t n)
{
    ctx->table = xmalloc(sizeof *ctx->table);
    table_init(ctx->table);
    for (size_t i = 0; i < n; i++) {
        table_add_column(ctx->table, "%s", headings[i]);
    }
    return ctx->table;
}

/* Rows in order of their cells' text, first column first: lists come out
 * the same every time, whatever the database's order. */
static size_t sort_n_columns;

static int
compare_rows(const void *a_, const void *b_)
{
    const struct cell *a = a_, *b = b_;

    for (size_t i = 0; i < sort_n_columns; i++) {
        int cmp = strcmp(a[i].text ? a[i].text : "",
                         b[i].text ? b[i].text : "");
        if (cmp) {
            return cmp;
        }
    }
    return 0;
}

void
nbctl_sort_rows(struct table *t)
{
    if (t->n_rows > 1) {
        sort_n_columns = t->n_columns;
        qsort(t->cells, t->n_rows, t->n_columns * sizeof *t->cells,
              compare_rows);
    }
}

void
nbctl_cell(struct table *t, const char *format, ...)
{
    struct cell *c = table_add_cell(t);
    va_list args;

    va_start(args, format);
    c->text = xvasprintf(format, args);
    va_end(args);
}

/* Tenants. */

/* tenant-add [--may-exist] TENANT [external-access=true|false] */
static void
cmd_tenant_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    bool external = false, set_external = false;

    if (nb_failed(ctx, vp_parse_name("tenant", name))) {
        return;
    }
    for (int i = 2; i < ctx->argc; i++) {
        const char *v = nbctl_keyword(ctx->argv[i], "external-access");
        if (!v) {
            ctl_error(ctx, "\"%s\": expected external-access=true|false",
                      ctx->argv[i]);
            return;
        } else if (!nb_parse_bool(ctx, "external-access", v, &external)) {
            return;
        }
        set_external = true;
    }

    const struct vprec_tenant *t = nb_tenant(ctx, "tenant", name, false);
    if (t && !nbctl_has_option(ctx, "--may-exist")) {
        ctl_error(ctx, "tenant: \"%s\" exists", name);
        return;
    }
    if (!t) {
        struct vprec_tenant *nt = vprec_tenant_insert(ctx->txn);
        vprec_tenant_set_name(nt, name);
        t = nt;
    }
    if (set_external) {
        vprec_tenant_set_external_access(t, external);
    }
}

static void
cmd_tenant_del(struct ctl_context *ctx)
{
    const struct vprec_tenant *t;
    const struct vprec_vnet *v;
    const struct vprec_route *r;
    struct ds users = DS_EMPTY_INITIALIZER;

    t = nb_tenant(ctx, "tenant", ctx->argv[1],
                  !nbctl_has_option(ctx, "--if-exists"));
    if (!t) {
        return;
    }
    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        if (v->tenant == t) {
            ds_put_format(&users, " VNet \"%s\"", v->name);
        }
    }
    VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
        if (r->tenant == t) {
            ds_put_format(&users, " route %s", r->prefix);
        }
    }
    if (users.length) {
        ctl_error(ctx, "tenant: \"%s\" still has%s (delete them first)",
                  t->name, ds_cstr(&users));
    } else {
        nbctl_delete(&t->header_);
    }
    ds_destroy(&users);
}

static void
cmd_tenant_list(struct ctl_context *ctx)
{
    static const char *const headings[] = { "TENANT", "EXTERNAL", "VNETS",
                                            "ROUTES", "NAT" };
    struct table *t = nbctl_new_table(ctx, headings, ARRAY_SIZE(headings));
    const struct vprec_tenant *tenant;

    VPREC_TENANT_FOR_EACH (tenant, ctx->idl) {
        const struct vprec_vnet *v;
        const struct vprec_route *r;
        size_t n_vnets = 0, n_routes = 0;

        VPREC_VNET_FOR_EACH (v, ctx->idl) {
            n_vnets += v->tenant == tenant;
        }
        VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
            n_routes += r->tenant == tenant;
        }
        table_add_row(t);
        nbctl_cell(t, "%s", tenant->name);
        nbctl_cell(t, "%s", tenant->external_access ? "yes" : "no");
        nbctl_cell(t, "%"PRIuSIZE, n_vnets);
        nbctl_cell(t, "%"PRIuSIZE, n_routes);
        nbctl_cell(t, "%"PRIuSIZE, tenant->n_nat_rules);
    }
    nbctl_sort_rows(t);
}

/* Routes. */

static char *
canonical_prefix(struct ctl_context *ctx, const char *s)
{
    unsigned int plen;
    ovs_be32 prefix;

    if (nb_failed(ctx, vp_parse_prefix("prefix", s, &prefix, &plen))) {
        return NULL;
    }
    return xasprintf(IP_FMT"/%u", IP_ARGS(prefix), plen);
}

static const struct vprec_route *
find_route(struct ctl_context *ctx, const struct vprec_tenant *tenant,
           const char *prefix)
{
    const struct vprec_route *r;

    VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
        if (r->tenant == tenant && !strcmp(r->prefix, prefix)) {
            return r;
        }
    }
    return NULL;
}

/* route-add [--may-exist] TENANT PREFIX NEXTHOP */
static void
cmd_route_add(struct ctl_context *ctx)
{
    const struct vprec_tenant *tenant;
    char *prefix = NULL, *nexthop = NULL;

    if (!(tenant = nb_tenant(ctx, "tenant", ctx->argv[1], true))
        || !(prefix = canonical_prefix(ctx, ctx->argv[2]))
        || !(nexthop = nb_canonical_ip(ctx, "nexthop", ctx->argv[3]))) {
        goto out;
    }
    const struct vprec_route *r = find_route(ctx, tenant, prefix);
    if (r && !nbctl_has_option(ctx, "--may-exist")) {
        ctl_error(ctx, "prefix: tenant \"%s\" already has a route to %s "
                  "(use --may-exist to change it)", tenant->name, prefix);
        goto out;
    }
    if (!r) {
        struct vprec_route *nr = vprec_route_insert(ctx->txn);
        vprec_route_set_tenant(nr, tenant);
        vprec_route_set_prefix(nr, prefix);
        r = nr;
    }
    vprec_route_set_nexthop(r, nexthop);
out:
    free(prefix);
    free(nexthop);
}

static void
cmd_route_del(struct ctl_context *ctx)
{
    const struct vprec_tenant *tenant;
    char *prefix;

    if (!(tenant = nb_tenant(ctx, "tenant", ctx->argv[1],
                             !nbctl_has_option(ctx, "--if-exists")))
        || !(prefix = canonical_prefix(ctx, ctx->argv[2]))) {
        return;
    }
    const struct vprec_route *r = find_route(ctx, tenant, prefix);
    if (r) {
        nbctl_delete(&r->header_);
    } else if (!nbctl_has_option(ctx, "--if-exists")) {
        ctl_error(ctx, "prefix: tenant \"%s\" has no route to %s",
                  tenant->name, prefix);
    }
    free(prefix);
}

static void
cmd_route_list(struct ctl_context *ctx)
{
    static const char *const headings[] = { "TENANT", "PREFIX", "NEXTHOP" };
    const struct vprec_tenant *tenant = NULL;
    const struct vprec_route *r;

    if (ctx->argc > 1 && !(tenant = nb_tenant(ctx, "tenant", ctx->argv[1],
                                              true))) {
        return;
    }
    struct table *t = nbctl_new_table(ctx, headings, ARRAY_SIZE(headings));
    VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
        if (!tenant || r->tenant == tenant) {
            table_add_row(t);
            nbctl_cell(t, "%s", r->tenant->name);
            nbctl_cell(t, "%s", r->prefix);
            nbctl_cell(t, "%s", r->nexthop);
        }
    }
    nbctl_sort_rows(t);
}

/* Hosts. */

/* host-add [--may-exist] HOST VTEP [gateway=true|false] [uplink=IFACE]
 *          [uplink-address=ADDR/PLEN] [uplink-router=IP] */
static void
cmd_host_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    bool gateway = false, set_gateway = false;
    const char *uplink = NULL, *uplink_address = NULL, *uplink_router = NULL;
    char *vtep, *address = NULL, *router = NULL;

    if (nb_failed(ctx, vp_parse_name("host", name))
        || !(vtep = nb_canonical_ip(ctx, "vtep", ctx->argv[2]))) {
        return;
    }
    for (int i = 3; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i], *v;
        if ((v = nbctl_keyword(arg, "gateway"))) {
            if (!nb_parse_bool(ctx, "gateway", v, &gateway)) {
                goto out;
            }
            set_gateway = true;
        } else if ((v = nbctl_keyword(arg, "uplink"))) {
            uplink = v;
        } else if ((v = nbctl_keyword(arg, "uplink-address"))) {
            uplink_address = v;
        } else if ((v = nbctl_keyword(arg, "uplink-router"))) {
            uplink_router = v;
        } else {
            ctl_error(ctx, "\"%s\": expected gateway=, uplink=, "
                      "uplink-address= or uplink-router=", arg);
            goto out;
        }
    }
    /* An empty value clears; the whole-state check wants all three or
     * none. */
    if (uplink && *uplink
        && nb_failed(ctx, vp_parse_new_ifname("uplink", uplink))) {
        goto out;
    }
    if (uplink_address && *uplink_address) {
        struct vp_subnet sn;
        if (nb_failed(ctx, vp_parse_subnet("uplink-address", uplink_address,
                                           &sn))) {
            goto out;
        }
        address = xstrdup(uplink_address);
    }
    if (uplink_router && *uplink_router
        && !(router = nb_canonical_ip(ctx, "uplink-router", uplink_router))) {
        goto out;
    }

    const struct vprec_host *h;
    VPREC_HOST_FOR_EACH (h, ctx->idl) {
        if (!strcmp(h->vtep, vtep) && strcmp(h->name, name)) {
            ctl_error(ctx, "vtep: %s is host \"%s\"'s", vtep, h->name);
            goto out;
        }
    }
    h = nb_host(ctx, "host", name, false);
    if (h) {
        if (!nbctl_has_option(ctx, "--may-exist")) {
            ctl_error(ctx, "host: \"%s\" exists", name);
            goto out;
        }
    } else {
        struct vprec_host *nh = vprec_host_insert(ctx->txn);
        vprec_host_set_name(nh, name);
        h = nh;
    }
    vprec_host_set_vtep(h, vtep);
    if (set_gateway) {
        vprec_host_set_gateway(h, gateway);
    }
    if (uplink) {
        vprec_host_set_uplink(h, *uplink ? uplink : NULL);
    }
    if (uplink_address) {
        vprec_host_set_uplink_address(h, address);
    }
    if (uplink_router) {
        vprec_host_set_uplink_router(h, router);
    }
out:
    free(vtep);
    free(address);
    free(router);
}

static void
cmd_host_del(struct ctl_context *ctx)
{
    bool must_exist = !nbctl_has_option(ctx, "--if-exists");
    const struct vprec_host *h = nb_host(ctx, "host", ctx->argv[1],
                                         must_exist);
    if (h) {
        /* Ports bound to it lose their binding (a weak reference). */
        nbctl_delete(&h->header_);
    }
}

static void
cmd_host_list(struct ctl_context *ctx)
{
    static const char *const headings[] = { "HOST", "VTEP", "GATEWAY",
                                            "UPLINK", "CONNECTED",
                                            "GENERATION", "ACKED", "SUBSETS",
                                            "SNAT_BLOCKS", "PORTS", "ERROR" };
    struct table *t = nbctl_new_table(ctx, headings, ARRAY_SIZE(headings));
    int64_t size = snat_block_size(vprec_deployment_first(ctx->idl));
    const struct vprec_host *h;

    VPREC_HOST_FOR_EACH (h, ctx->idl) {
        const struct vprec_port *p;
        size_t n_ports = 0;

        VPREC_PORT_FOR_EACH (p, ctx->idl) {
            n_ports += p->host == h;
        }
        table_add_row(t);
        nbctl_cell(t, "%s", h->name);
        nbctl_cell(t, "%s", h->vtep);
        nbctl_cell(t, "%s", h->gateway ? "yes" : "no");
        if (h->uplink) {
            nbctl_cell(t, "%s %s via %s", h->uplink,
                       h->uplink_address ? h->uplink_address : "?",
                       h->uplink_router ? h->uplink_router : "?");
        } else {
            nbctl_cell(t, "-");
        }
        nbctl_cell(t, "%s", smap_get_def(&h->status, "connected", "never"));
        nbctl_cell(t, "%s", smap_get_def(&h->status, "generation", "0"));
        nbctl_cell(t, "%s", smap_get_def(&h->status, "acked", "0"));
        nbctl_cell(t, "%"PRIuSIZE, h->n_subsets);
        struct ds blocks = DS_EMPTY_INITIALIZER;
        for (size_t i = 0; i < h->n_snat_blocks; i++) {
            int64_t b = h->value_snat_blocks[i];
            ds_put_format(&blocks, "%s%s:%"PRId64"-%"PRId64, i ? "," : "",
                          h->key_snat_blocks[i],
                          VP_SNAT_PORT_FIRST + b * size,
                          VP_SNAT_PORT_FIRST + (b + 1) * size - 1);
        }
        nbctl_cell(t, "%s", blocks.length ? ds_cstr(&blocks) : "-");
        ds_destroy(&blocks);
        nbctl_cell(t, "%"PRIuSIZE, n_ports);
        nbctl_cell(t, "%s", smap_get_def(&h->status, "error", "-"));
    }
    nbctl_sort_rows(t);
}

/* Deployment settings. */

static bool
parse_int(struct ctl_context *ctx, const char *field, const char *s,
          int min, int max, int *value)
{
    if (!str_to_int(s, 10, value) || *value < min || *value > max) {
        ctl_error(ctx, "%s: \"%s\" must be an integer from %d to %d", field,
                  s, min, max);
        return false;
    }
    return true;
}

/* set-deployment KEY=VALUE... */
static void
cmd_set_deployment(struct ctl_context *ctx)
{
    const struct vprec_deployment *d = nb_deployment(ctx);

    for (int i = 1; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i], *v;
        bool b;
        int n;

        if ((v = nbctl_keyword(arg, "owner-rule"))) {
            if (strcmp(v, "lower") && strcmp(v, "higher")) {
                ctl_error(ctx, "owner-rule: \"%s\" must be lower or higher",
                          v);
                return;
            }
            vprec_deployment_set_owner_rule(d, v);
        } else if ((v = nbctl_keyword(arg, "query-mode"))) {
            if (strcmp(v, "forward") && strcmp(v, "query")) {
                ctl_error(ctx, "query-mode: \"%s\" must be forward or query",
                          v);
                return;
            }
            vprec_deployment_set_query_mode(d, v);
        } else if ((v = nbctl_keyword(arg, "subsets"))) {
            if (!parse_int(ctx, "subsets", v, 1, 4096, &n)) {
                return;
            }
            vprec_deployment_set_n_subsets(d, n);
        } else if ((v = nbctl_keyword(arg, "grace-period"))) {
            if (!parse_int(ctx, "grace-period", v, 0, 3600, &n)) {
                return;
            }
            vprec_deployment_set_grace_period(d, n);
        } else if ((v = nbctl_keyword(arg, "wan-vni"))) {
            uint32_t vni;
            if (nb_failed(ctx, vp_parse_vni("wan-vni", v, &vni))) {
                return;
            }
            int64_t vni64 = vni;
            vprec_deployment_set_wan_vni(d, &vni64, 1);
        } else if ((v = nbctl_keyword(arg, "snat-block-size"))) {
            if (!parse_int(ctx, "snat-block-size", v, VP_SNAT_MIN_BLOCK_SIZE,
                           VP_SNAT_PORTS, &n)) {
                return;
            }
            int64_t size = n;
            vprec_deployment_set_snat_block_size(d, &size, 1);
        } else if ((v = nbctl_keyword(arg, "shards"))) {
            /* Hosts' shards are hashes of their names (ctrl/shards.h):
             * changing the count moves most hosts to another controller. */
            if (!parse_int(ctx, "shards", v, 1, SHARDS_MAX, &n)) {
                return;
            }
            int64_t shards = n;
            vprec_deployment_set_shards(d, &shards, 1);
        } else if ((v = nbctl_keyword(arg, "auto-register"))) {
            if (!nb_parse_bool(ctx, "auto-register", v, &b)) {
                return;
            }
            vprec_deployment_set_auto_register(d, b);
        } else {
            ctl_error(ctx, "\"%s\": expected owner-rule=, query-mode=, "
                      "subsets=, grace-period=, wan-vni=, snat-block-size=, "
                      "shards= or auto-register=",
                      arg);
            return;
        }
    }
}

static void
cmd_deployment_show(struct ctl_context *ctx)
{
    const struct vprec_deployment *d = vprec_deployment_first(ctx->idl);

    if (!d) {
        ds_put_cstr(&ctx->output, "no Deployment row yet: the defaults "
                    "apply (owner-rule=lower query-mode=forward subsets=64 "
                    "grace-period=10 wan-vni=16777215 "
                    "snat-block-size=256 shards=1 auto-register=false)\n");
        return;
    }
    ds_put_format(&ctx->output, "owner-rule=%s\nquery-mode=%s\nsubsets=%"
                  PRId64"\ngrace-period=%"PRId64"\nwan-vni=%"PRId64"\n"
                  "snat-block-size=%"PRId64"\nshards=%"PRId64"\n"
                  "auto-register=%s\ngeneration=%"PRId64"\n", d->owner_rule,
                  d->query_mode, d->n_subsets, d->grace_period,
                  nb_wan_vni(d), snat_block_size(d),
                  d->n_shards ? d->shards[0] : 1,
                  d->auto_register ? "true" : "false",
                  d->generation);
}

static const struct ctl_command_syntax commands[] = {
    {"tenant-add", 1, 2, "TENANT [external-access=BOOL]", NULL,
     cmd_tenant_add, NULL, "--may-exist", RW},
    {"tenant-del", 1, 1, "TENANT", NULL, cmd_tenant_del, NULL, "--if-exists",
     RW},
    {"tenant-list", 0, 0, "", NULL, cmd_tenant_list, NULL, "", RO},
    {"route-add", 3, 3, "TENANT PREFIX NEXTHOP", NULL, cmd_route_add, NULL,
     "--may-exist", RW},
    {"route-del", 2, 2, "TENANT PREFIX", NULL, cmd_route_del, NULL,
     "--if-exists", RW},
    {"route-list", 0, 1, "[TENANT]", NULL, cmd_route_list, NULL, "", RO},
    {"host-add", 2, 6, "HOST VTEP [gateway=BOOL] [uplink=IFACE] "
     "[uplink-address=ADDR/PLEN] [uplink-router=IP]", NULL, cmd_host_add,
     NULL, "--may-exist", RW},
    {"host-del", 1, 1, "HOST", NULL, cmd_host_del, NULL, "--if-exists", RW},
    {"host-list", 0, 0, "", NULL, cmd_host_list, NULL, "", RO},
    {"set-deployment", 1, INT_MAX, "KEY=VALUE...", NULL, cmd_set_deployment,
     NULL, "", RW},
    {"deployment-show", 0, 0, "", NULL, cmd_deployment_show, NULL, "", RO},
    {NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, RO},
};

void
nbctl_register_cmds(void)
{
    ctl_register_commands(commands);
}

/* Open vSwitch's ovsdb_idl_txn_delete() of a row that the same transaction
 * wrote ("set Host h3 vtep=... -- host-del h3") frees the written data
 * without parsing the row again, so its parsed columns (the strings a
 * vprec_host points at) dangle; an aborted transaction does not parse it
 * again either, since the row no longer says it was written.  A check that
 * reaches the row through a reference then reads freed memory, and in the
 * vplane-ctl daemon the row stays so for the next commands.  So the row is
 * parsed again from its committed data, as the IDL parses rows. */
void
nbctl_delete(const struct ovsdb_idl_row *row_)
{
    struct ovsdb_idl_row *row = CONST_CAST(struct ovsdb_idl_row *, row_);
    /* A row inserted by this transaction (no committed data) is freed by
     * the delete: look before. */
    bool reparse = row->written && row->old_datum;

    ovsdb_idl_txn_delete(row);
    if (reparse) {
        const struct ovsdb_idl_table_class *class = row->table->class_;

        for (size_t i = 0; i < class->n_columns; i++) {
            class->columns[i].unparse(row);
        }
        for (size_t i = 0; i < class->n_columns; i++) {
            class->columns[i].parse(row, &row->old_datum[i]);
        }
        row->parsed = true;
    }
}
