/* vplane/kind-vnet.c: the VNet kind (include/vplane/kinds.h's VNET row), all
 * of it: its entry in a tables file ({"name", "vni", "tenant", "subnets",
 * "gateway-mac"}), its identity (the name), its checks (VNIs, tenants,
 * subnets that overlap in a tenant or no longer hold their ports and
 * translation entries), creating, changing and deleting a VNet (with what
 * it holds), and vnet/dump.  The flood lists, VTEP counts, tenants and
 * their zones that a VNet brings along are the framework's
 * (tables-apply.c, tables.c); see vplane/table-kind.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "ctl.h"
#include "hash.h"
#include "json-members.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "table-kind.h"
#include "tables-check-private.h"
#include "tables-config.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

/* In a stable order, for the export and the dump. */

static int
compare_vnets(const void *a_, const void *b_)
{
    const struct vp_vnet *const *a = a_, *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

static size_t
sorted_vnets(const struct vp_tables *t, const struct vp_vnet ***vnetsp)
{
    const struct vp_vnet **vnets;
    const struct vp_vnet *vnet;
    size_t n = 0;

    vnets = xmalloc((hmap_count(&t->vnets_by_name) + 1) * sizeof *vnets);
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        vnets[n++] = vnet;
    }
    qsort(vnets, n, sizeof *vnets, compare_vnets);
    *vnetsp = vnets;
    return n;
}

/* Parse and export. */

static char *
parse_subnet_cb(const char *field, const char *s, void *out)
{
    return vp_parse_subnet(field, s, out);
}

static char *
parse_vnet(struct vp_config *c, const char *path, const struct json *j)
{
    const struct json *name, *vni, *tenant, *subnets, *gw_mac;
    struct json_member m[] = {
        { "name", JSON_STRING, false, &name },
        { "vni", JSON_INTEGER, false, &vni },
        { "tenant", JSON_STRING, false, &tenant },
        { "subnets", JSON_ARRAY, true, &subnets },
        { "gateway-mac", JSON_STRING, true, &gw_mac },
    };
    char *error = json_members_get(path, j, m, ARRAY_SIZE(m), true);
    if (error) {
        return error;
    }

    struct vp_vnet_spec *spec = vp_config_add_vnet(c);
    error = json_members_at(path, vp_parse_name("name", json_string(name)));
    if (!error) {
        error = json_members_at(path, vp_parse_name("tenant",
                                                    json_string(tenant)));
    }
    if (error) {
        return error;
    }
    spec->name = vp_config_intern(c, json_string(name));
    spec->tenant = vp_config_intern(c, json_string(tenant));
    if (vni->integer < 1 || vni->integer > 0xffffff) {
        return xasprintf("%s.vni: %lld is not a VNI (1 to 16777215)", path,
                         vni->integer);
    }
    spec->vni = vni->integer;
    if (gw_mac) {
        spec->has_gw_mac = true;
        error = json_members_at(path, vp_parse_vm_mac("gateway-mac",
                                                      json_string(gw_mac),
                                                      &spec->gw_mac));
    }
    if (!error && subnets) {
        spec->subnets = xcalloc(json_array(subnets)->n + 1,
                                sizeof *spec->subnets);
        error = tables_parse_strings(path, "subnets", subnets, parse_subnet_cb,
                              spec->subnets, sizeof *spec->subnets,
                              &spec->n_subnets);
    }
    return error;
}

static struct json *
export_vnets(const struct vp_tables *t)
{
    struct json *vnets = json_array_create_empty();
    const struct vp_vnet **vnet_list;
    size_t n = sorted_vnets(t, &vnet_list);
    for (size_t i = 0; i < n; i++) {
        const struct vp_vnet *vnet = vnet_list[i];
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(vnet);
        struct json *o = json_object_create();
        struct json *subnets = json_array_create_empty();

        json_object_put_string(o, "name", vnet->name);
        json_object_put(o, "vni", json_integer_create(vnet->vni));
        json_object_put_string(o, "tenant", vnet->tenant->name);
        for (size_t j = 0; j < cfg->n_subnets; j++) {
            struct ds s = DS_EMPTY_INITIALIZER;
            vp_format_subnet(&cfg->subnets[j], &s);
            json_array_add(subnets, json_string_create(ds_cstr(&s)));
            ds_destroy(&s);
        }
        json_object_put(o, "subnets", subnets);
        if (!eth_addr_equals(cfg->gw_mac, vnet_default_gw_mac(vnet->vni))) {
            json_object_put(o, "gateway-mac", tables_mac_json(cfg->gw_mac));
        }
        json_array_add(vnets, o);
    }
    free(vnet_list);
    return vnets;
}

/* Identity: the name. */

static void
vnet_hide(struct check_ctx *ctx, const void *id_)
{
    const char *const *id = id_;
    const struct vp_vnet *vnet = tables_vnet_by_name(ctx->t, *id);

    if (vnet) {
        hmapx_add(&ctx->gone[VP_KIND_VNET],
                  CONST_CAST(struct vp_vnet *, vnet));
    }
}

/* A VNet whose VNI or tenant changed goes with everything in it, and comes
 * back. */
static void
vnet_stale(const struct vp_tables *t, const struct vp_config *snap,
           struct vp_config *pool, struct vp_removal *r)
{
    struct shash specs = SHASH_INITIALIZER(&specs);

    for (size_t i = 0; i < snap->n_vnets; i++) {
        shash_add_once(&specs, snap->vnets[i].name, &snap->vnets[i]);
    }
    const struct vp_vnet *vnet;
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        const struct vp_vnet_spec *spec = shash_find_data(&specs, vnet->name);
        if (!spec || spec->vni != vnet->vni
            || strcmp(spec->tenant, vnet->tenant->name)) {
            const char **id = vp_removal_add(r, VP_KIND_VNET);
            *id = vp_config_intern(pool, vnet->name);
        }
    }
    shash_destroy(&specs);
}

/* Check. */

static bool
subnets_overlap(const struct vp_subnet *a, const struct vp_subnet *b)
{
    ovs_be32 mask = a->plen < b->plen ? a->mask : b->mask;

    return (a->prefix & mask) == (b->prefix & mask);
}

static bool
subnets_equal(const struct vp_subnet *a, size_t n_a,
              const struct vp_subnet *b, size_t n_b)
{
    if (n_a != n_b) {
        return false;
    }
    for (size_t i = 0; i < n_a; i++) {
        if (a[i].prefix != b[i].prefix || a[i].plen != b[i].plen
            || a[i].gateway != b[i].gateway) {
            return false;
        }
    }
    return true;
}

/* Subnets of the VNets of one tenant may not overlap: the tenant routes
 * between them.  Different tenants may reuse any addresses. */
static char *
check_tenant_subnets(const struct check_ctx *ctx)
{
    struct subnet_owner {
        const char *tenant, *vnet;
        const struct vp_subnet *sn;
    } *all = NULL;
    size_t n = 0, allocated = 0;
    char *error = NULL;

    const struct vp_vnet *vnet;
    HMAP_FOR_EACH (vnet, name_node, &ctx->t->vnets_by_name) {
        if (check_vnet_gone(ctx, vnet)
            || shash_find(&ctx->vnet_specs, vnet->name)) {
            continue;
        }
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(vnet);
        for (size_t i = 0; i < cfg->n_subnets; i++) {
            if (n >= allocated) {
                all = x2nrealloc(all, &allocated, sizeof *all);
            }
            all[n++] = (struct subnet_owner) { vnet->tenant->name,
                                               vnet->name, &cfg->subnets[i] };
        }
    }
    for (size_t v = 0; v < ctx->c->n_vnets; v++) {
        const struct vp_vnet_spec *spec = &ctx->c->vnets[v];
        for (size_t i = 0; i < spec->n_subnets; i++) {
            if (n >= allocated) {
                all = x2nrealloc(all, &allocated, sizeof *all);
            }
            all[n++] = (struct subnet_owner) { spec->tenant, spec->name,
                                               &spec->subnets[i] };
        }
    }

    for (size_t i = 0; i < n && !error; i++) {
        for (size_t j = i + 1; j < n && !error; j++) {
            if (!strcmp(all[i].tenant, all[j].tenant)
                && subnets_overlap(all[i].sn, all[j].sn)) {
                struct ds a = DS_EMPTY_INITIALIZER;
                struct ds b = DS_EMPTY_INITIALIZER;
                vp_format_subnet(all[i].sn, &a);
                vp_format_subnet(all[j].sn, &b);
                error = xasprintf("vnet \"%s\": subnets: %s overlaps %s of "
                                  "VNet \"%s\" in tenant \"%s\"",
                                  all[j].vnet, ds_cstr(&b), ds_cstr(&a),
                                  all[i].vnet, all[i].tenant);
                ds_destroy(&a);
                ds_destroy(&b);
            }
        }
    }
    free(all);
    return error;
}

/* An existing VNet whose subnets change must still hold the addresses of
 * its ports and translation entries. */
static char *
check_resubnet(const struct check_ctx *ctx, const struct vp_vnet *vnet,
               const struct vp_vnet_spec *spec)
{
    struct eff_vnet ev = { .existing = vnet, .spec = spec,
                           .subnets = spec->subnets,
                           .n_subnets = spec->n_subnets };
    char *error;

    const struct vp_port *port;
    LIST_FOR_EACH (port, vnet_node, &vnet->ports) {
        if (check_port_gone(ctx, port)) {
            continue;
        }
        for (size_t i = 0; i < port->n_ips; i++) {
            error = check_vm_ip(&ev, vnet->name, port->ips[i]);
            if (error) {
                char *e = xasprintf("vnet \"%s\": subnets: port \"%s\": %s",
                                    vnet->name, port->name, error);
                free(error);
                return e;
            }
        }
    }
    const struct vp_xlate *x;
    CMAP_FOR_EACH (x, ip_node, &ctx->t->xlate_by_ip) {
        if (x->vnet == vnet && !check_xlate_gone(ctx, x)) {
            error = check_vm_ip(&ev, vnet->name, x->ip);
            if (error) {
                char *e = xasprintf("vnet \"%s\": subnets: translation entry "
                                    ETH_ADDR_FMT": %s", vnet->name,
                                    ETH_ADDR_ARGS(x->mac), error);
                free(error);
                return e;
            }
        }
    }
    return NULL;
}

static char *
check_vnets(struct check_ctx *ctx)
{
    const struct vp_config *c = ctx->c;
    struct hmap vnis = HMAP_INITIALIZER(&vnis);
    char *error = NULL;

    for (size_t i = 0; i < c->n_vnets && !error; i++) {
        const struct vp_vnet_spec *spec = &c->vnets[i];
        const struct vp_vnet *old = check_live_vnet_by_name(ctx, spec->name);
        const struct vp_vnet *by_vni = check_live_vnet_by_vni(ctx, spec->vni);
        const struct seen *dup = seen_find(&vnis, NULL, spec->vni);

        if (!shash_add_once(&ctx->vnet_specs, spec->name, spec)) {
            error = xasprintf("vnet \"%s\": name: defined twice", spec->name);
        } else if (dup) {
            error = xasprintf("vnet \"%s\": vni: %"PRIu32" is also given to "
                              "VNet \"%s\"", spec->name, spec->vni,
                              c->vnets[dup->idx].name);
        } else if (old && old->vni != spec->vni) {
            error = xasprintf("vnet \"%s\": vni: the VNet has VNI %"PRIu32"; "
                              "delete it to change its VNI", spec->name,
                              old->vni);
        } else if (old && strcmp(old->tenant->name, spec->tenant)) {
            error = xasprintf("vnet \"%s\": tenant: the VNet belongs to "
                              "\"%s\"; delete it to move it", spec->name,
                              old->tenant->name);
        } else if (!old && by_vni) {
            error = xasprintf("vnet \"%s\": vni: %"PRIu32" is in use by VNet "
                              "\"%s\"", spec->name, spec->vni, by_vni->name);
        } else if (old) {
            const struct vp_vnet_cfg *cfg = vnet_cfg_protected(old);
            bool same_mac = eth_addr_equals(cfg->gw_mac,
                                            spec->has_gw_mac ? spec->gw_mac
                                            : vnet_default_gw_mac(spec->vni));
            bool same_subnets = subnets_equal(cfg->subnets, cfg->n_subnets,
                                              spec->subnets,
                                              spec->n_subnets);
            struct eth_addr mac = (spec->has_gw_mac ? spec->gw_mac
                                   : vnet_default_gw_mac(spec->vni));
            if (!ctx->c->redefine_vnets && (!same_mac || !same_subnets)) {
                error = xasprintf("vnet \"%s\": the VNet exists with other "
                                  "%s; delete it, or load a tables file to "
                                  "redefine it", spec->name,
                                  same_subnets ? "gateway MAC" : "subnets");
            } else if (!same_mac && (check_live_port_by_mac(ctx, old, mac)
                                     || check_live_xlate_has_mac(ctx, old,
                                                                 mac))) {
                error = xasprintf("vnet \"%s\": gateway-mac: "ETH_ADDR_FMT
                                  " is a VM's MAC in the VNet", spec->name,
                                  ETH_ADDR_ARGS(mac));
            } else if (!same_subnets) {
                error = check_resubnet(ctx, old, spec);
            }
        }
        seen_add(&vnis, NULL, spec->vni, 0, i);
    }
    seen_destroy(&vnis);
    return error ? error : check_tenant_subnets(ctx);
}

/* Apply and remove. */

static struct vp_vnet_cfg *
vnet_cfg_from_spec(const struct vp_vnet_spec *spec)
{
    struct vp_vnet_cfg *cfg;

    cfg = xzalloc(sizeof *cfg + spec->n_subnets * sizeof cfg->subnets[0]);
    cfg->gw_mac = (spec->has_gw_mac ? spec->gw_mac
                   : vnet_default_gw_mac(spec->vni));
    cfg->n_subnets = spec->n_subnets;
    memcpy(cfg->subnets, spec->subnets,
           spec->n_subnets * sizeof cfg->subnets[0]);
    return cfg;
}

static void
vnet_free(struct vp_vnet *vnet)
{
    free(CONST_CAST(struct vp_vnet_cfg *,
                    ovsrcu_get_protected(const struct vp_vnet_cfg *,
                                         &vnet->cfg)));
    free(CONST_CAST(struct vp_flood *,
                    ovsrcu_get_protected(const struct vp_flood *,
                                         &vnet->flood)));
    hmap_destroy(&vnet->vtep_refs);
    free(vnet->name);
    free(vnet);
}

/* Creates the VNet of 'spec', or replaces the subnets and gateway MAC of the
 * existing one (its VNI and tenant cannot change; tables-check.c ensures
 * they do not).  Returns its tenant, whose RIB must be rebuilt, or NULL if
 * nothing changed. */
static struct vp_tenant *
apply_vnet(struct vp_tables *t, const struct vp_vnet_spec *spec)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, spec->name);
    struct vp_vnet_cfg *cfg = vnet_cfg_from_spec(spec);

    if (vnet) {
        const struct vp_vnet_cfg *old = vnet_cfg_protected(vnet);
        if (eth_addr_equals(old->gw_mac, cfg->gw_mac)
            && old->n_subnets == cfg->n_subnets
            && !memcmp(old->subnets, cfg->subnets,
                       cfg->n_subnets * sizeof cfg->subnets[0])) {
            free(cfg);
            return NULL;
        }
        ovsrcu_set(&vnet->cfg, cfg);
        ovsrcu_postpone(free, CONST_CAST(struct vp_vnet_cfg *, old));
        return vnet->tenant;
    }

    vnet = xzalloc(sizeof *vnet);
    vnet->name = xstrdup(spec->name);
    vnet->vni = spec->vni;
    vnet->tenant = tables_tenant_get(t, spec->tenant);
    vnet->tenant->n_vnets++;
    ovsrcu_set_hidden(&vnet->cfg, cfg);
    ovsrcu_set_hidden(&vnet->flood, xzalloc(sizeof(struct vp_flood)));
    hmap_init(&vnet->vtep_refs);
    ovs_list_init(&vnet->ports);
    hmap_insert(&t->vnets_by_name, &vnet->name_node,
                hash_string(vnet->name, 0));
    cmap_insert(&t->vnets_by_vni, &vnet->vni_node, hash_int(vnet->vni, 0));
    return vnet->tenant;
}

char *
tables_vnet_del(struct vp_tables *t, const char *name)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, name);

    if (!vnet) {
        return xasprintf("vnet: no VNet named \"%s\"", name);
    }
    if (vnet->n_ports || vnet->n_xlate) {
        return xasprintf("vnet: VNet \"%s\" still has %"PRIuSIZE" port(s) "
                         "and %"PRIuSIZE" translation entries; delete them "
                         "first", name, vnet->n_ports, vnet->n_xlate);
    }
    if (vnet->tenant->n_vnets == 1 && !hmap_is_empty(&vnet->tenant->routes)) {
        return xasprintf("vnet: \"%s\" is the last VNet of tenant \"%s\", "
                         "which still has %"PRIuSIZE" route(s); delete them "
                         "first", name, vnet->tenant->name,
                         hmap_count(&vnet->tenant->routes));
    }

    struct vp_tenant *tenant = vnet->tenant;
    cmap_remove(&t->vnets_by_vni, &vnet->vni_node, hash_int(vnet->vni, 0));
    hmap_remove(&t->vnets_by_name, &vnet->name_node);
    tenant->n_vnets--;
    /* The RIB points at the VNet: replace it before the VNet can go. */
    tenant_rebuild_rib(t, tenant);
    ovsrcu_postpone(vnet_free, vnet);
    tables_tenant_put(t, tenant);
    tables_changed(t);
    return NULL;
}

static size_t
vnet_n_specs(const struct vp_config *c)
{
    return c->n_vnets;
}

static bool
vnet_apply(struct apply_ctx *ctx, const struct vp_config *c, size_t i)
{
    struct vp_tenant *tenant = apply_vnet(ctx->t, &c->vnets[i]);

    if (tenant) {
        hmapx_add(&ctx->tenants, tenant);
    }
    return false;
}

/* Removes the VNet 'name' with everything in it: its ports, translation
 * entries, and -- if it is its tenant's last VNet -- the tenant's routes. */
static void
remove_vnet_and_contents(struct vp_tables *t, const char *name)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, name);
    char *error;

    if (!vnet) {
        return;
    }
    struct vp_port *port;
    LIST_FOR_EACH_SAFE (port, vnet_node, &vnet->ports) {
        free(tables_port_del(t, port->name));
    }
    struct vp_xlate *x;
    CMAP_FOR_EACH (x, mac_node, &t->xlate_by_mac) {
        if (x->vnet == vnet) {
            free(tables_xlate_del(t, name, x->mac, x->ip, false));
        }
    }
    error = tables_vnet_del(t, name);
    if (error) {
        /* The tenant's last VNet, and it has routes: they go too. */
        free(error);
        struct vp_tenant *tenant = vnet->tenant;
        struct vp_route *route;
        HMAP_FOR_EACH_SAFE (route, node, &tenant->routes) {
            free(tables_route_del(t, tenant->name, route->prefix,
                                  route->plen));
        }
        free(tables_vnet_del(t, name));
    }
}

static void
vnet_remove(struct vp_tables *t, const void *id)
{
    remove_vnet_and_contents(t, *(const char *const *) id);
}

/* Dump: vnet/dump [--format=json|text] [VNET|TENANT|MAC|SUBNET]. */

static void
vnet_rows(const struct vp_tables *t, struct ctl_dump *d,
          const char *const cols[])
{
    const struct vp_vnet **vnets;
    size_t n = sorted_vnets(t, &vnets);

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
        ctl_dump_row(d, o, ctl_row_matches(o, d->filter, cols));
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

const struct vp_table_kind vp_table_kind_VNET = {
    .parse = parse_vnet,
    .export = export_vnets,
    .id_size = sizeof(const char *),
    .parse_id = tables_parse_name_id,
    .stale = vnet_stale,
    .noun = "VNets",
    .hide = vnet_hide,
    .check = check_vnets,
    .n_specs = vnet_n_specs,
    .apply = vnet_apply,
    .remove = vnet_remove,
    .dump_command = "vnet/dump",
    .dump_rows = vnet_rows,
    .dump_cols = (const char *const[]) { "vnet", "tenant", "gateway-mac",
                                         "subnets", NULL },
    .dump_header = vnet_header,
    .dump_format = format_vnet,
};
