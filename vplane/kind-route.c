/* vplane/kind-route.c: the route kind (include/vplane/kinds.h's ROUTE row):
 * a tenant's static route in a tables file ({"tenant", "prefix",
 * "nexthop"}), its identity (tenant and prefix), its checks (the tenant has
 * a VNet, the next hop is no gateway address, a prefix once), adding and
 * deleting it, and route/dump (with the connected subnets).  Each tenant's
 * RIB, rebuilt from its routes and subnets, is the framework's (tables.c);
 * see vplane/table-kind.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "ctl.h"
#include "hash.h"
#include "json-members.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "table-kind.h"
#include "tables-check-private.h"
#include "tables-config.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

/* What names a route in a "remove". */
struct vp_route_id {
    const char *tenant;         /* Interned. */
    ovs_be32 prefix;
    unsigned int plen;
};

/* A row of route/dump: a connected subnet ('nexthop' 0) or a route
 * ('vnet' NULL: its next hop is in no subnet). */
struct vp_route_row {
    const char *tenant;
    ovs_be32 prefix;
    unsigned int plen;
    ovs_be32 nexthop;
    const char *vnet;
};

/* In a stable order, for the export and the dump. */

static int
compare_route_rows(const void *a_, const void *b_)
{
    const struct vp_route_row *a = a_, *b = b_;
    int cmp = strcmp(a->tenant, b->tenant);

    if (cmp) {
        return cmp;
    }
    if (a->plen != b->plen) {
        return a->plen > b->plen ? -1 : 1;
    }
    return ntohl(a->prefix) < ntohl(b->prefix) ? -1
           : ntohl(a->prefix) > ntohl(b->prefix);
}

/* Connected subnets and configured routes of each tenant, longest prefix
 * first; a route whose next hop is in no subnet has a null 'vnet'. */
static size_t
route_rows_sorted(const struct vp_tables *t, struct vp_route_row **rowsp)
{
    struct vp_route_row *rows = NULL;
    size_t n = 0, allocated = 0;
    const struct vp_tenant *tenant;

    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        const struct vp_rib *rib = ovsrcu_get(const struct vp_rib *,
                                              &tenant->rib);
        for (size_t i = 0; i < rib->n; i++) {
            const struct vp_rib_entry *e = &rib->entries[i];
            if (!e->nexthop) {
                if (n >= allocated) {
                    rows = x2nrealloc(rows, &allocated, sizeof *rows);
                }
                rows[n++] = (struct vp_route_row) {
                    tenant->name, e->prefix, e->plen, 0, e->vnet->name };
            }
        }
        const struct vp_route *r;
        HMAP_FOR_EACH (r, node, &tenant->routes) {
            const char *vnet = NULL;
            for (size_t i = 0; i < rib->n; i++) {
                if (rib->entries[i].nexthop == r->nexthop
                    && rib->entries[i].prefix == r->prefix
                    && rib->entries[i].plen == r->plen) {
                    vnet = rib->entries[i].vnet->name;
                }
            }
            if (n >= allocated) {
                rows = x2nrealloc(rows, &allocated, sizeof *rows);
            }
            rows[n++] = (struct vp_route_row) { tenant->name, r->prefix,
                                                r->plen, r->nexthop, vnet };
        }
    }
    if (n) {
        qsort(rows, n, sizeof *rows, compare_route_rows);
    }
    *rowsp = rows;
    return n;
}

/* Parse and export. */

static char *
parse_route(struct vp_config *c, const char *path, const struct json *j)
{
    const struct json *tenant, *prefix, *nexthop;
    struct json_member m[] = {
        { "tenant", JSON_STRING, false, &tenant },
        { "prefix", JSON_STRING, false, &prefix },
        { "nexthop", JSON_STRING, false, &nexthop },
    };
    char *error = json_members_get(path, j, m, ARRAY_SIZE(m), true);
    if (error) {
        return error;
    }

    struct vp_route_spec *spec = vp_config_add_route(c);
    error = json_members_at(path, vp_parse_name("tenant",
                                                json_string(tenant)));
    if (!error) {
        spec->tenant = vp_config_intern(c, json_string(tenant));
        error = json_members_at(path, vp_parse_prefix("prefix",
                                                      json_string(prefix),
                                                      &spec->prefix,
                                                      &spec->plen));
    }
    if (!error) {
        error = json_members_at(path, vp_parse_unicast_ip("nexthop",
                                                          json_string(nexthop),
                                                          &spec->nexthop));
    }
    return error;
}

struct route_ref {
    const char *tenant;
    const struct vp_route *route;
};

static int
compare_route_refs(const void *a_, const void *b_)
{
    const struct route_ref *a = a_, *b = b_;
    int cmp = strcmp(a->tenant, b->tenant);

    if (cmp) {
        return cmp;
    }
    if (a->route->plen != b->route->plen) {
        return a->route->plen > b->route->plen ? -1 : 1;
    }
    return (ntohl(a->route->prefix) > ntohl(b->route->prefix))
           - (ntohl(a->route->prefix) < ntohl(b->route->prefix));
}

static struct json *
export_routes(const struct vp_tables *t)
{
    struct route_ref *refs = xmalloc((t->n_routes + 1) * sizeof *refs);
    struct json *routes = json_array_create_empty();
    const struct vp_tenant *tenant;
    size_t n = 0;

    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        const struct vp_route *r;
        HMAP_FOR_EACH (r, node, &tenant->routes) {
            refs[n++] = (struct route_ref) { tenant->name, r };
        }
    }
    qsort(refs, n, sizeof *refs, compare_route_refs);
    for (size_t i = 0; i < n; i++) {
        struct json *o = json_object_create();

        json_object_put_string(o, "tenant", refs[i].tenant);
        json_object_put_format(o, "prefix", IP_FMT"/%u",
                               IP_ARGS(refs[i].route->prefix),
                               refs[i].route->plen);
        json_object_put(o, "nexthop", tables_ip_json(refs[i].route->nexthop));
        json_array_add(routes, o);
    }
    free(refs);
    return routes;
}

/* Identity: tenant and prefix. */

static char *
route_parse_id(const struct json *e, const char *key, size_t i,
               struct vp_config *pool, void *id_)
{
    const char *tenant = json_members_string(e, "tenant");
    const char *prefix = json_members_string(e, "prefix");
    struct vp_route_id *id = id_;

    if (!tenant || !prefix) {
        return xasprintf("remove.%s[%"PRIuSIZE"]: needs tenant and prefix",
                         key, i);
    }
    id->tenant = vp_config_intern(pool, tenant);
    return vp_parse_prefix("prefix", prefix, &id->prefix, &id->plen);
}

static void
route_hide(struct check_ctx *ctx, const void *id_)
{
    const struct vp_route_id *id = id_;
    const struct vp_tenant *tenant = tables_tenant_by_name(ctx->t,
                                                           id->tenant);
    struct vp_route *route = (tenant
                              ? tenant_route_find(tenant, id->prefix,
                                                  id->plen)
                              : NULL);
    if (route) {
        hmapx_add(&ctx->gone[VP_KIND_ROUTE], route);
    }
}

static void
route_stale(const struct vp_tables *t, const struct vp_config *snap,
            struct vp_config *pool, struct vp_removal *r)
{
    struct hmap keys = HMAP_INITIALIZER(&keys);

    for (size_t i = 0; i < snap->n_routes; i++) {
        const struct vp_route_spec *rt = &snap->routes[i];
        tables_sync_key_add(&keys, rt->tenant, rt->prefix, rt->plen);
    }
    const struct vp_tenant *tenant;
    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        const struct vp_route *route;
        HMAP_FOR_EACH (route, node, &tenant->routes) {
            if (!tables_sync_key_find(&keys, tenant->name, route->prefix,
                                      route->plen)) {
                struct vp_route_id *id = vp_removal_add(r, VP_KIND_ROUTE);
                *id = (struct vp_route_id) {
                    vp_config_intern(pool, tenant->name), route->prefix,
                    route->plen
                };
            }
        }
    }
    tables_sync_keys_destroy(&keys);
}

/* Check. */

/* Whether 'tenant' will have a VNet once the batch is applied, and whether
 * 'ip' will be one of its gateway addresses. */
static bool
tenant_exists(const struct check_ctx *ctx, const char *tenant, ovs_be32 ip,
              bool *is_gateway)
{
    bool exists = false;

    *is_gateway = false;
    const struct vp_vnet *vnet;
    HMAP_FOR_EACH (vnet, name_node, &ctx->t->vnets_by_name) {
        struct eff_vnet ev;
        /* The batch's VNets are counted below, by their specs. */
        if (!check_vnet_gone(ctx, vnet)
            && !shash_find(&ctx->vnet_specs, vnet->name)
            && !strcmp(vnet->tenant->name, tenant)
            && eff_vnet_get(ctx, vnet->name, &ev)) {
            exists = true;
            for (size_t i = 0; i < ev.n_subnets; i++) {
                *is_gateway |= ev.subnets[i].gateway == ip;
            }
        }
    }
    for (size_t v = 0; v < ctx->c->n_vnets; v++) {
        const struct vp_vnet_spec *spec = &ctx->c->vnets[v];
        if (!strcmp(spec->tenant, tenant)) {
            exists = true;
            for (size_t i = 0; i < spec->n_subnets; i++) {
                *is_gateway |= spec->subnets[i].gateway == ip;
            }
        }
    }
    return exists;
}

/* Existing routes must not end up with a gateway address as next hop when
 * the batch changes their tenant's subnets. */
static char *
check_existing_routes(struct check_ctx *ctx)
{
    for (size_t v = 0; v < ctx->c->n_vnets; v++) {
        const struct vp_tenant *tenant;
        tenant = tables_tenant_by_name(ctx->t, ctx->c->vnets[v].tenant);
        if (!tenant) {
            continue;
        }
        const struct vp_route *r;
        HMAP_FOR_EACH (r, node, &tenant->routes) {
            bool is_gateway;
            if (check_route_gone(ctx, tenant, r)) {
                continue;
            }
            tenant_exists(ctx, tenant->name, r->nexthop, &is_gateway);
            if (is_gateway) {
                return xasprintf("vnet \"%s\": subnets: route "IP_FMT"/%u "
                                 "of tenant \"%s\" has next hop "IP_FMT", "
                                 "which would be a gateway address",
                                 ctx->c->vnets[v].name, IP_ARGS(r->prefix),
                                 r->plen, tenant->name, IP_ARGS(r->nexthop));
            }
        }
    }
    return NULL;
}

static char *
check_routes(struct check_ctx *ctx)
{
    struct hmap seen = HMAP_INITIALIZER(&seen);
    char *error = check_existing_routes(ctx);

    for (size_t i = 0; i < ctx->c->n_routes && !error; i++) {
        const struct vp_route_spec *spec = &ctx->c->routes[i];
        uint64_t key = ((uint64_t) spec->plen << 32) | spec->prefix;
        bool is_gateway;

        if (!tenant_exists(ctx, spec->tenant, spec->nexthop, &is_gateway)) {
            error = xasprintf("route "IP_FMT"/%u: tenant: \"%s\" has no "
                              "VNet", IP_ARGS(spec->prefix), spec->plen,
                              spec->tenant);
        } else if (is_gateway) {
            error = xasprintf("route "IP_FMT"/%u in tenant \"%s\": nexthop: "
                              IP_FMT" is a gateway address; the next hop "
                              "must be a VM", IP_ARGS(spec->prefix),
                              spec->plen, spec->tenant,
                              IP_ARGS(spec->nexthop));
        } else if (seen_find(&seen, spec->tenant, key)) {
            error = xasprintf("route "IP_FMT"/%u in tenant \"%s\": prefix: "
                              "given twice", IP_ARGS(spec->prefix),
                              spec->plen, spec->tenant);
        }
        seen_add(&seen, spec->tenant, key, 0, i);
    }
    seen_destroy(&seen);
    return error;
}

/* Apply and remove. */

/* Adds or updates a route; returns its tenant if anything changed. */
static struct vp_tenant *
apply_route(struct vp_tables *t, const struct vp_route_spec *spec)
{
    struct vp_tenant *tenant = tables_tenant_get(t, spec->tenant);
    struct vp_route *route = tenant_route_find(tenant, spec->prefix,
                                               spec->plen);

    if (route && route->nexthop == spec->nexthop) {
        return NULL;
    }
    if (!route) {
        route = xzalloc(sizeof *route);
        route->prefix = spec->prefix;
        route->plen = spec->plen;
        hmap_insert(&tenant->routes, &route->node,
                    hash_2words(route->prefix, route->plen));
        t->n_routes++;
    }
    route->nexthop = spec->nexthop;
    return tenant;
}

char *
tables_route_del(struct vp_tables *t, const char *tenant_name,
                 ovs_be32 prefix, unsigned int plen)
{
    struct vp_tenant *tenant = tables_tenant_by_name(t, tenant_name);
    struct vp_route *route = (tenant
                              ? tenant_route_find(tenant, prefix, plen)
                              : NULL);

    if (!route) {
        return xasprintf("route: tenant \"%s\" has no route to "IP_FMT"/%u",
                         tenant_name, IP_ARGS(prefix), plen);
    }
    hmap_remove(&tenant->routes, &route->node);
    free(route);
    t->n_routes--;
    tenant_rebuild_rib(t, tenant);
    tables_tenant_put(t, tenant);
    tables_changed(t);
    return NULL;
}

static size_t
route_n_specs(const struct vp_config *c)
{
    return c->n_routes;
}

static bool
route_apply(struct apply_ctx *ctx, const struct vp_config *c, size_t i)
{
    struct vp_tenant *tenant = apply_route(ctx->t, &c->routes[i]);

    if (tenant) {
        hmapx_add(&ctx->tenants, tenant);
    }
    return false;
}

static void
route_remove(struct vp_tables *t, const void *id_)
{
    const struct vp_route_id *id = id_;

    free(tables_route_del(t, id->tenant, id->prefix, id->plen));
}

/* Dump: route/dump [--format=json|text] [TENANT|VNET|PREFIX|NEXTHOP]. */

static void
route_rows(const struct vp_tables *t, struct ctl_dump *d,
           const char *const cols[])
{
    struct vp_route_row *r;
    size_t n = route_rows_sorted(t, &r);

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
        ctl_dump_row(d, o, ctl_row_matches(o, d->filter, cols));
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

const struct vp_table_kind vp_table_kind_ROUTE = {
    .parse = parse_route,
    .export = export_routes,
    .id_size = sizeof(struct vp_route_id),
    .parse_id = route_parse_id,
    .stale = route_stale,
    .noun = "routes",
    .hide = route_hide,
    .check = check_routes,
    .n_specs = route_n_specs,
    .apply = route_apply,
    .remove = route_remove,
    .dump_command = "route/dump",
    .dump_rows = route_rows,
    .dump_cols = (const char *const[]) { "tenant", "vnet", "prefix",
                                         "nexthop", NULL },
    .dump_header = route_header,
    .dump_format = format_route,
};
