/* vplane/tables-check.c: whether a batch of entries may be applied.
 *
 * tables_check() looks at a whole struct vp_config against the current
 * tables and against itself (a batch may define a VNet and use it), and
 * returns the first problem as one line that names the entry and the field.
 * tables_check_update() does the same for the tables as they will be once
 * a struct vp_removal has been applied, without applying it: every lookup
 * of the live tables below goes through tables-check-live.c, which hides
 * what the removal takes away.  Neither changes anything; tables_apply()
 * and tables_update() run them first so that a batch is applied entirely
 * or not at all. */
#include <config.h>

#include <string.h>
#include "tables-config.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "openvswitch/shash.h"
#include "tables-check-private.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

/* A key seen earlier in the batch, in some scope (an interned VNet or tenant
 * name), with the value it was given and where. */
struct seen {
    struct hmap_node node;
    const void *scope;
    uint64_t key;
    uint64_t value;
    size_t idx;
};

static uint32_t
seen_hash(const void *scope, uint64_t key)
{
    return hash_uint64_basis(key, hash_pointer(scope, 0));
}

static struct seen *
seen_find(const struct hmap *map, const void *scope, uint64_t key)
{
    struct seen *s;

    HMAP_FOR_EACH_WITH_HASH (s, node, seen_hash(scope, key), map) {
        if (s->scope == scope && s->key == key) {
            return s;
        }
    }
    return NULL;
}

static void
seen_add(struct hmap *map, const void *scope, uint64_t key, uint64_t value,
         size_t idx)
{
    struct seen *s = xmalloc(sizeof *s);

    s->scope = scope;
    s->key = key;
    s->value = value;
    s->idx = idx;
    hmap_insert(map, &s->node, seen_hash(scope, key));
}

static void
seen_destroy(struct hmap *map)
{
    struct seen *s;

    HMAP_FOR_EACH_POP (s, node, map) {
        free(s);
    }
    hmap_destroy(map);
}

/* A VNet as it will be once the batch is applied. */
struct eff_vnet {
    const struct vp_vnet *existing;     /* NULL if the batch creates it. */
    const struct vp_vnet_spec *spec;    /* NULL if the batch leaves it. */
    const struct vp_subnet *subnets;
    size_t n_subnets;
};

static bool
eff_vnet_get(const struct check_ctx *ctx, const char *name,
             struct eff_vnet *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->existing = check_live_vnet_by_name(ctx, name);
    ev->spec = shash_find_data(&ctx->vnet_specs, name);
    if (ev->spec) {
        ev->subnets = ev->spec->subnets;
        ev->n_subnets = ev->spec->n_subnets;
    } else if (ev->existing) {
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(ev->existing);
        ev->subnets = cfg->subnets;
        ev->n_subnets = cfg->n_subnets;
    }
    return ev->existing || ev->spec;
}

/* The gateway MAC VNet 'ev' will have. */
static struct eth_addr
eff_vnet_gw_mac(const struct eff_vnet *ev)
{
    if (ev->spec) {
        return (ev->spec->has_gw_mac ? ev->spec->gw_mac
                : vnet_default_gw_mac(ev->spec->vni));
    }
    return vnet_cfg_protected(ev->existing)->gw_mac;
}

/* Checks that 'ip', a VM address in VNet 'ev', fits its subnets. */
static char *
check_vm_ip(const struct eff_vnet *ev, const char *vnet_name, ovs_be32 ip)
{
    if (!ev->n_subnets) {
        return NULL;            /* A VNet without subnets is L2 only. */
    }
    for (size_t i = 0; i < ev->n_subnets; i++) {
        const struct vp_subnet *sn = &ev->subnets[i];
        if ((ip & sn->mask) == sn->prefix) {
            if (ip == sn->gateway) {
                return xasprintf(IP_FMT" is the gateway address of VNet "
                                 "\"%s\"", IP_ARGS(ip), vnet_name);
            } else if (ip == sn->prefix || (ip | sn->mask) == OVS_BE32_MAX) {
                return xasprintf(IP_FMT" is the network or broadcast address "
                                 "of a subnet of VNet \"%s\"", IP_ARGS(ip),
                                 vnet_name);
            }
            return NULL;
        }
    }
    return xasprintf(IP_FMT" is in no subnet of VNet \"%s\"", IP_ARGS(ip),
                     vnet_name);
}

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

bool
port_matches_spec(const struct vp_port *port, const struct vp_port_spec *spec)
{
    /* Not the VM identity: tables_apply_port() updates it in place. */
    if (strcmp(port->vnet->name, spec->vnet)
        || !eth_addr_equals(port->mac, spec->mac)
        || port->n_ips != spec->n_ips) {
        return false;
    }
    for (size_t i = 0; i < spec->n_ips; i++) {
        if (!port_has_ip(port, spec->ips[i])) {
            return false;
        }
    }
    return (port->n_allowed == spec->n_allowed
            && (!spec->n_allowed
                || !memcmp(port->allowed, spec->allowed,
                           spec->n_allowed * sizeof *spec->allowed)));
}

static char *
check_port(struct check_ctx *ctx, const struct vp_port_spec *spec, size_t idx,
           struct shash *names, struct hmap *macs, struct hmap *ips)
{
    const struct vp_port *old = check_live_port_by_name(ctx, spec->name);
    struct eff_vnet ev;

    if (!shash_add_once(names, spec->name, spec)) {
        return xasprintf("port \"%s\": name: defined twice", spec->name);
    }
    if (!eff_vnet_get(ctx, spec->vnet, &ev)) {
        return xasprintf("port \"%s\": vnet: no VNet named \"%s\"",
                         spec->name, spec->vnet);
    }
    if (old) {
        return (port_matches_spec(old, spec) ? NULL
                : xasprintf("port \"%s\": the port exists with other "
                            "settings; delete it first", spec->name));
    }

    if (eth_addr_equals(spec->mac, eff_vnet_gw_mac(&ev))) {
        return xasprintf("port \"%s\": mac: "ETH_ADDR_FMT" is the gateway "
                         "MAC of VNet \"%s\"", spec->name,
                         ETH_ADDR_ARGS(spec->mac), spec->vnet);
    }
    uint64_t mac = eth_addr_to_uint64(spec->mac);
    const struct vp_port *other = (ev.existing
                                   ? check_live_port_by_mac(ctx, ev.existing,
                                                      spec->mac)
                                   : NULL);
    const struct seen *dup = seen_find(macs, spec->vnet, mac);
    if (other || dup) {
        return xasprintf("port \"%s\": mac: "ETH_ADDR_FMT" is already port "
                         "\"%s\"'s in VNet \"%s\"", spec->name,
                         ETH_ADDR_ARGS(spec->mac),
                         other ? other->name : ctx->c->ports[dup->idx].name,
                         spec->vnet);
    }
    seen_add(macs, spec->vnet, mac, 0, idx);

    for (size_t i = 0; i < spec->n_ips; i++) {
        ovs_be32 ip = spec->ips[i];
        char *error = check_vm_ip(&ev, spec->vnet, ip);
        if (error) {
            char *e = xasprintf("port \"%s\": ips: %s", spec->name, error);
            free(error);
            return e;
        }
        other = (ev.existing ? check_live_port_by_ip(ctx, ev.existing, ip)
                 : NULL);
        dup = seen_find(ips, spec->vnet, ip);
        if (other || dup) {
            return xasprintf("port \"%s\": ips: "IP_FMT" is already port "
                             "\"%s\"'s in VNet \"%s\"", spec->name,
                             IP_ARGS(ip),
                             other ? other->name
                                   : ctx->c->ports[dup->idx].name,
                             spec->vnet);
        }
        const struct vp_xlate *x = (ev.existing
                                    ? check_live_xlate_by_ip(ctx,
                                                             ev.existing, ip)
                                    : NULL);
        if (x && !eth_addr_equals(x->mac, spec->mac)) {
            return xasprintf("port \"%s\": ips: "IP_FMT" belongs to "
                             ETH_ADDR_FMT" in the translation table",
                             spec->name, IP_ARGS(ip), ETH_ADDR_ARGS(x->mac));
        }
        seen_add(ips, spec->vnet, ip, mac, idx);
    }
    return NULL;
}

static char *
check_ports(struct check_ctx *ctx)
{
    struct shash names = SHASH_INITIALIZER(&names);
    struct hmap macs = HMAP_INITIALIZER(&macs);
    size_t n_new = 0;
    char *error = NULL;

    for (size_t i = 0; i < ctx->c->n_ports && !error; i++) {
        const struct vp_port_spec *spec = &ctx->c->ports[i];
        /* A removed port's id comes back only after an RCU grace period,
         * so a port removed and added again counts as new. */
        n_new += !check_live_port_by_name(ctx, spec->name);
        error = check_port(ctx, spec, i, &names, &macs, &ctx->port_ips);
    }
    if (!error && n_new > tables_n_free_port_ids(ctx->t)) {
        error = xasprintf("port: a host holds at most %d ports",
                          VP_MAX_PORTS - 1);
    }
    shash_destroy(&names);
    seen_destroy(&macs);
    return error;
}

static char *
xlate_error(const struct vp_xlate_spec *spec, const char *field, char *msg)
{
    char *e = xasprintf("xlate %s "ETH_ADDR_FMT" "IP_FMT": %s: %s",
                        spec->vnet, ETH_ADDR_ARGS(spec->mac),
                        IP_ARGS(spec->ip), field, msg);
    free(msg);
    return e;
}

static char *
check_xlates(struct check_ctx *ctx)
{
    const struct vp_config *c = ctx->c;
    struct hmap ips = HMAP_INITIALIZER(&ips);       /* -> MAC */
    struct hmap macs = HMAP_INITIALIZER(&macs);     /* -> VTEP */
    const char *last_name = NULL;
    struct eff_vnet ev;
    char *error = NULL;

    for (size_t i = 0; i < c->n_xlates && !error; i++) {
        const struct vp_xlate_spec *spec = &c->xlates[i];
        uint64_t mac = eth_addr_to_uint64(spec->mac);

        /* Entries come in runs of one VNet: resolve each name once. */
        if (spec->vnet != last_name) {
            if (!eff_vnet_get(ctx, spec->vnet, &ev)) {
                return xlate_error(spec, "vnet",
                                   xasprintf("no VNet named \"%s\"",
                                             spec->vnet));
            }
            last_name = spec->vnet;
        }

        if (eth_addr_equals(spec->mac, eff_vnet_gw_mac(&ev))) {
            error = xlate_error(spec, "mac",
                                xstrdup("the MAC is the VNet's gateway MAC"));
            break;
        }
        const struct seen *m = seen_find(&macs, spec->vnet, mac);
        if (m && m->value != spec->vtep) {
            error = xlate_error(spec, "vtep",
                                xasprintf("the MAC is also placed at "IP_FMT
                                          " in this batch",
                                          IP_ARGS((ovs_be32) m->value)));
            break;
        } else if (!m) {
            seen_add(&macs, spec->vnet, mac, spec->vtep, i);
        }

        if (!spec->ip) {
            continue;
        }
        error = check_vm_ip(&ev, spec->vnet, spec->ip);
        if (error) {
            error = xlate_error(spec, "ip", error);
            break;
        }
        const struct vp_xlate *other = (ev.existing
                                        ? check_live_xlate_by_ip(ctx,
                                                                 ev.existing,
                                                           spec->ip)
                                        : NULL);
        const struct seen *dup = seen_find(&ips, spec->vnet, spec->ip);
        const struct vp_port *port = (ev.existing
                                      ? check_live_port_by_ip(ctx, ev.existing,
                                                        spec->ip)
                                      : NULL);
        const struct seen *batch_port = seen_find(&ctx->port_ips, spec->vnet,
                                                  spec->ip);
        if ((port && !eth_addr_equals(port->mac, spec->mac))
            || (batch_port && batch_port->value != mac)) {
            error = xlate_error(spec, "ip",
                                xasprintf("the address is local port "
                                          "\"%s\"'s",
                                          port ? port->name
                                          : ctx->c->ports[batch_port->idx]
                                            .name));
        } else if (other && !eth_addr_equals(other->mac, spec->mac)) {
            error = xlate_error(spec, "ip",
                                xasprintf("the address belongs to "
                                          ETH_ADDR_FMT"; delete that entry "
                                          "first", ETH_ADDR_ARGS(other->mac)));
        } else if (dup && dup->value != mac) {
            error = xlate_error(spec, "ip",
                                xstrdup("the address is given to two MACs "
                                        "in this batch"));
        } else if (!dup) {
            seen_add(&ips, spec->vnet, spec->ip, mac, i);
        }
    }
    seen_destroy(&ips);
    seen_destroy(&macs);
    return error;
}

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

char *
tables_check(struct vp_tables *t, const struct vp_config *c)
{
    return tables_check_update(t, NULL, c);
}

char *
tables_check_update(struct vp_tables *t, const struct vp_removal *r,
                    const struct vp_config *c)
{
    struct check_ctx ctx = { .t = t, .c = c };
    char *error;

    shash_init(&ctx.vnet_specs);
    hmap_init(&ctx.port_ips);
    hmapx_init(&ctx.gone_vnets);
    hmapx_init(&ctx.gone_ports);
    hmapx_init(&ctx.gone_xlates);
    hmapx_init(&ctx.gone_routes);
    if (r) {
        check_ctx_remove(&ctx, r);
    }
    error = check_vnets(&ctx);
    if (!error) {
        error = check_ports(&ctx);
    }
    if (!error) {
        error = check_xlates(&ctx);
    }
    if (!error) {
        error = check_routes(&ctx);
    }
    shash_destroy(&ctx.vnet_specs);
    seen_destroy(&ctx.port_ips);
    hmapx_destroy(&ctx.gone_vnets);
    hmapx_destroy(&ctx.gone_ports);
    hmapx_destroy(&ctx.gone_xlates);
    hmapx_destroy(&ctx.gone_routes);
    return error;
}
