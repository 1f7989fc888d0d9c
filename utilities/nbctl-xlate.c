/* utilities/nbctl-xlate.c: bulk import and export of translation tables,
 * and an export of the whole desired state (see nbctl.h;
 * docs/controller.md).
 *
 * The import takes the tables-file format vplaned loads (tables-json.c):
 * "vnets", "xlate" and "routes".  Each translation entry places a VM (VNet,
 * MAC, optional IP) at a VTEP; in the database the entries of one MAC
 * become one Port row with those IPs and that VTEP.  The whole file is one
 * transaction, checked like every other change. */
#include <config.h>
#include "nbctl.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/nb-check.h"
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "smap.h"
#include "sset.h"
#include "util.h"
#include "vplane/tables-config.h"
#include "vplane/tables-json.h"

/* The entries of one MAC in the file. */
struct import_port {
    const char *vnet;
    struct eth_addr mac;
    ovs_be32 vtep;
    size_t first;               /* Index of its first entry. */
    struct sset ips;
};

/* Where an address is in the file. */
struct import_ip {
    const struct import_port *port;
    size_t index;               /* Its entry. */
};

static char *
key_of(const char *vnet, struct eth_addr mac)
{
    return xasprintf("%s/"ETH_ADDR_FMT, vnet, ETH_ADDR_ARGS(mac));
}

/* Names given twice in the file: vplaned's own loader refuses them too. */
static bool
check_file_duplicates(struct ctl_context *ctx, const struct vp_config *c)
{
    struct shash seen = SHASH_INITIALIZER(&seen);
    bool ok = true;

    for (size_t i = 0; ok && i < c->n_vnets; i++) {
        if (!shash_add_once(&seen, c->vnets[i].name, NULL)) {
            ctl_error(ctx, "vnets[%"PRIuSIZE"].name: \"%s\" defined twice",
                      i, c->vnets[i].name);
            ok = false;
        }
    }
    shash_clear(&seen);
    for (size_t i = 0; ok && i < c->n_routes; i++) {
        const struct vp_route_spec *r = &c->routes[i];
        char *key = xasprintf("%s/"IP_FMT"/%u", r->tenant, IP_ARGS(r->prefix),
                              r->plen);
        if (!shash_add_once(&seen, key, NULL)) {
            ctl_error(ctx, "routes[%"PRIuSIZE"].prefix: "IP_FMT"/%u of tenant "
                      "\"%s\" given twice", i, IP_ARGS(r->prefix), r->plen,
                      r->tenant);
            ok = false;
        }
        free(key);
    }
    shash_destroy(&seen);
    return ok;
}

static bool
import_vnets(struct ctl_context *ctx, const struct vp_config *c)
{
    for (size_t i = 0; i < c->n_vnets; i++) {
        const struct vp_vnet_spec *spec = &c->vnets[i];
        const struct vprec_tenant *tenant;
        const struct vprec_vnet *v, *other;

        tenant = nb_tenant(ctx, "tenant", spec->tenant, false);
        if (!tenant) {
            struct vprec_tenant *nt = vprec_tenant_insert(ctx->txn);
            vprec_tenant_set_name(nt, spec->tenant);
            tenant = nt;
        }
        VPREC_VNET_FOR_EACH (other, ctx->idl) {
            if (other->vni == spec->vni && strcmp(other->name, spec->name)) {
                ctl_error(ctx, "vnets[%"PRIuSIZE"].vni: %"PRIu32" is in use "
                          "by VNet \"%s\"", i, spec->vni, other->name);
                return false;
            }
        }
        v = nb_vnet(ctx, "vnet", spec->name, false);
        if (v && (v->vni != spec->vni || v->tenant != tenant)) {
            ctl_error(ctx, "vnets[%"PRIuSIZE"]: VNet \"%s\" exists with VNI "
                      "%"PRId64" in tenant \"%s\"", i, v->name, v->vni,
                      v->tenant->name);
            return false;
        }
        if (!v) {
            struct vprec_vnet *nv = vprec_vnet_insert(ctx->txn);
            vprec_vnet_set_name(nv, spec->name);
            vprec_vnet_set_vni(nv, spec->vni);
            vprec_vnet_set_tenant(nv, tenant);
            v = nv;
        }

        struct sset subnets = SSET_INITIALIZER(&subnets);
        for (size_t j = 0; j < spec->n_subnets; j++) {
            struct ds s = DS_EMPTY_INITIALIZER;
            vp_format_subnet(&spec->subnets[j], &s);
            sset_add_and_free(&subnets, ds_steal_cstr(&s));
        }
        const char **array = sset_array(&subnets);
        vprec_vnet_set_subnets(v, array, sset_count(&subnets));
        free(array);
        sset_destroy(&subnets);
        if (spec->has_gw_mac) {
            char *mac = xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(spec->gw_mac));
            vprec_vnet_set_gateway_mac(v, mac);
            free(mac);
        } else {
            vprec_vnet_set_gateway_mac(v, NULL);
        }
    }
    return true;
}

/* Groups the entries by MAC: '*groups' gets "VNET/MAC" -> import_port. */
static bool
group_xlates(struct ctl_context *ctx, const struct vp_config *c,
             struct shash *groups, struct shash *file_ips)
{
    for (size_t i = 0; i < c->n_xlates; i++) {
        const struct vp_xlate_spec *x = &c->xlates[i];
        char *key = key_of(x->vnet, x->mac);
        struct import_port *g = shash_find_data(groups, key);

        if (!g) {
            g = xzalloc(sizeof *g);
            g->vnet = x->vnet;
            g->mac = x->mac;
            g->vtep = x->vtep;
            g->first = i;
            sset_init(&g->ips);
            shash_add(groups, key, g);
        } else if (g->vtep != x->vtep) {
            ctl_error(ctx, "xlate[%"PRIuSIZE"].vtep: "IP_FMT", but xlate[%"
                      PRIuSIZE"] places the same MAC at "IP_FMT, i,
                      IP_ARGS(x->vtep), g->first, IP_ARGS(g->vtep));
            free(key);
            return false;
        }
        if (x->ip) {
            char *ip = xasprintf(IP_FMT, IP_ARGS(x->ip));
            char *ip_key = xasprintf("%s/%s", x->vnet, ip);
            const struct import_ip *other = shash_find_data(file_ips, ip_key);
            if (other && other->port != g) {
                ctl_error(ctx, "xlate[%"PRIuSIZE"].ip: %s is also given to "
                          ETH_ADDR_FMT" at xlate[%"PRIuSIZE"]", i, ip,
                          ETH_ADDR_ARGS(other->port->mac), other->index);
                free(ip_key);
                free(ip);
                free(key);
                return false;
            } else if (!other) {
                struct import_ip *where = xmalloc(sizeof *where);
                where->port = g;
                where->index = i;
                shash_add_nocopy(file_ips, ip_key, where);
            } else {
                free(ip_key);
            }
            sset_add_and_free(&g->ips, ip);
        }
        free(key);
    }
    return true;
}

static bool
same_ips(const struct vprec_port *p, const struct sset *ips)
{
    if (p->n_ips != sset_count(ips)) {
        return false;
    }
    for (size_t i = 0; i < p->n_ips; i++) {
        if (!sset_contains(ips, p->ips[i])) {
            return false;
        }
    }
    return true;
}

static bool
import_xlates(struct ctl_context *ctx, const struct vp_config *c)
{
    struct shash groups = SHASH_INITIALIZER(&groups);
    struct shash file_ips = SHASH_INITIALIZER(&file_ips);
    struct shash ports = SHASH_INITIALIZER(&ports);
    struct shash db_ips = SHASH_INITIALIZER(&db_ips);
    const struct vprec_port *p;
    bool ok = group_xlates(ctx, c, &groups, &file_ips);

    /* Indexes of the existing ports, by MAC and by address: imports are
     * large. */
    VPREC_PORT_FOR_EACH (p, ctx->idl) {
        struct eth_addr mac;
        if (eth_addr_from_string(p->mac, &mac)) {
            shash_add_nocopy(&ports, key_of(p->vnet->name, mac),
                             CONST_CAST(struct vprec_port *, p));
        }
        for (size_t i = 0; i < p->n_ips; i++) {
            shash_add_nocopy(&db_ips, xasprintf("%s/%s", p->vnet->name,
                                                p->ips[i]),
                             CONST_CAST(struct vprec_port *, p));
        }
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, &groups) {
        const struct import_port *g = node->data;
        const struct vprec_vnet *v;
        char vtep[INET_ADDRSTRLEN];

        if (!ok) {
            break;
        }
        snprintf(vtep, sizeof vtep, IP_FMT, IP_ARGS(g->vtep));
        v = nb_vnet(ctx, "vnet", g->vnet, false);
        if (!v) {
            ctl_error(ctx, "xlate[%"PRIuSIZE"].vnet: no VNet named \"%s\"",
                      g->first, g->vnet);
            ok = false;
            break;
        }
        p = shash_find_data(&ports, node->name);

        /* An address the database gives another port, which the file does
         * not move away from it. */
        const char *ip;
        SSET_FOR_EACH (ip, &g->ips) {
            char *ip_key = xasprintf("%s/%s", g->vnet, ip);
            const struct vprec_port *owner = shash_find_data(&db_ips, ip_key);
            if (owner && owner != p) {
                struct eth_addr owner_mac;
                char *owner_key = (eth_addr_from_string(owner->mac,
                                                        &owner_mac)
                                   ? key_of(g->vnet, owner_mac) : NULL);
                const struct import_port *moved = (
                    owner_key ? shash_find_data(&groups, owner_key) : NULL);
                if (!moved || sset_contains(&moved->ips, ip)) {
                    const struct import_ip *where = shash_find_data(
                        &file_ips, ip_key);
                    ctl_error(ctx, "xlate[%"PRIuSIZE"].ip: %s is port %s's "
                              "in VNet \"%s\"",
                              where ? where->index : g->first, ip,
                              owner->mac, g->vnet);
                    ok = false;
                }
                free(owner_key);
            }
            free(ip_key);
            if (!ok) {
                break;
            }
        }
        if (!ok) {
            break;
        }

        if (p && p->host) {
            if (strcmp(p->host->vtep, vtep)
                || (sset_count(&g->ips) && !same_ips(p, &g->ips))) {
                ctl_error(ctx, "xlate[%"PRIuSIZE"]: "ETH_ADDR_FMT" is bound "
                          "to host \"%s\" (VTEP %s) with addresses the "
                          "host or port-add gave it; an import does not "
                          "change them", g->first, ETH_ADDR_ARGS(g->mac),
                          p->host->name, p->host->vtep);
                ok = false;
            }
            continue;           /* Already there. */
        }
        if (!p) {
            struct vprec_port *np = vprec_port_insert(ctx->txn);
            char *mac = xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(g->mac));
            vprec_port_set_vnet(np, v);
            vprec_port_set_mac(np, mac);
            vprec_port_set_name(np, "");
            free(mac);
            p = np;
        }
        /* The file's entries of a MAC are its addresses: they replace the
         * port's (a MAC-only entry: none). */
        const char **ips = sset_array(&g->ips);
        vprec_port_set_ips(p, ips, sset_count(&g->ips));
        free(ips);
        vprec_port_set_vtep(p, vtep);
    }

    SHASH_FOR_EACH (node, &groups) {
        struct import_port *g = node->data;
        sset_destroy(&g->ips);
        free(g);
    }
    shash_destroy(&groups);
    shash_destroy_free_data(&file_ips);
    shash_destroy(&ports);
    shash_destroy(&db_ips);
    return ok;
}

static bool
import_routes(struct ctl_context *ctx, const struct vp_config *c)
{
    struct shash existing = SHASH_INITIALIZER(&existing);
    const struct vprec_route *r;
    bool ok = true;

    VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
        shash_add_nocopy(&existing, xasprintf("%s/%s", r->tenant->name,
                                              r->prefix),
                         CONST_CAST(struct vprec_route *, r));
    }
    for (size_t i = 0; ok && i < c->n_routes; i++) {
        const struct vp_route_spec *spec = &c->routes[i];
        const struct vprec_tenant *tenant;
        const struct vprec_route *found;
        char *prefix, *nexthop;

        tenant = nb_tenant(ctx, "tenant", spec->tenant, false);
        if (!tenant) {
            ctl_error(ctx, "routes[%"PRIuSIZE"].tenant: no tenant named "
                      "\"%s\"", i, spec->tenant);
            ok = false;
            break;
        }
        prefix = xasprintf(IP_FMT"/%u", IP_ARGS(spec->prefix), spec->plen);
        nexthop = xasprintf(IP_FMT, IP_ARGS(spec->nexthop));
        char *key = xasprintf("%s/%s", tenant->name, prefix);
        found = shash_find_data(&existing, key);
        free(key);
        if (!found) {
            struct vprec_route *nr = vprec_route_insert(ctx->txn);
            vprec_route_set_tenant(nr, tenant);
            vprec_route_set_prefix(nr, prefix);
            found = nr;
        }
        vprec_route_set_nexthop(found, nexthop);
        free(prefix);
        free(nexthop);
    }
    shash_destroy(&existing);
    return ok;
}

/* xlate-import FILE */
static void
cmd_xlate_import(struct ctl_context *ctx)
{
    const char *file = ctx->argv[1];
    struct json *json = json_from_file(file);
    struct vp_config c;
    char *error;

    if (json->type == JSON_STRING) {
        ctl_error(ctx, "%s: %s", file, json_string(json));
        json_destroy(json);
        return;
    }
    if (json->type == JSON_OBJECT && shash_find(json_object(json), "ports")) {
        ctl_error(ctx, "%s: ports: VM ports are not imported (hosts report "
                  "them, or use port-add ... host= iface=)", file);
        json_destroy(json);
        return;
    }
    vp_config_init(&c);
    error = tables_json_parse(json, &c);
    json_destroy(json);
    if (error) {
        ctl_error(ctx, "%s: %s", file, error);
        free(error);
    } else if (check_file_duplicates(ctx, &c) && import_vnets(ctx, &c)
               && import_xlates(ctx, &c) && import_routes(ctx, &c)) {
        ds_put_format(&ctx->output, "imported %"PRIuSIZE" VNets, %"PRIuSIZE
                      " translation entries, %"PRIuSIZE" routes from %s\n",
                      c.n_vnets, c.n_xlates, c.n_routes, file);
    } else {
        /* ctl_error() said what, without the file; keep it so. */
    }
    vp_config_destroy(&c);
}

/* Sorting JSON arrays by a key, for stable exports. */

struct keyed {
    char *key;
    struct json *json;
};

static int
compare_keyed(const void *a_, const void *b_)
{
    const struct keyed *a = a_, *b = b_;
    return strcmp(a->key, b->key);
}

struct sorter {
    struct keyed *items;
    size_t n, allocated;
};

static void
sorter_add(struct sorter *s, char *key, struct json *json)
{
    if (s->n >= s->allocated) {
        s->items = x2nrealloc(s->items, &s->allocated, sizeof *s->items);
    }
    s->items[s->n++] = (struct keyed) { key, json };
}

static struct json *
sorter_finish(struct sorter *s)
{
    struct json *array = json_array_create_empty();

    if (s->n) {
        qsort(s->items, s->n, sizeof *s->items, compare_keyed);
    }
    for (size_t i = 0; i < s->n; i++) {
        json_array_add(array, s->items[i].json);
        free(s->items[i].key);
    }
    free(s->items);
    memset(s, 0, sizeof *s);
    return array;
}

static struct json *
strings_json(char **strings, size_t n)
{
    struct sset set = SSET_INITIALIZER(&set);
    struct json *array = json_array_create_empty();

    for (size_t i = 0; i < n; i++) {
        sset_add(&set, strings[i]);
    }
    const char **sorted = sset_sort(&set);
    for (size_t i = 0; i < sset_count(&set); i++) {
        json_array_add(array, json_string_create(sorted[i]));
    }
    free(sorted);
    sset_destroy(&set);
    return array;
}

static const char *
port_location(const struct vprec_port *p)
{
    return p->host ? p->host->vtep : p->vtep;
}

static struct json *
xlate_json(struct ovsdb_idl *idl, const struct vprec_vnet *only)
{
    const struct vprec_port *p;
    struct sorter s = { NULL, 0, 0 };

    VPREC_PORT_FOR_EACH (p, idl) {
        const char *vtep = port_location(p);
        if (!vtep || (only && p->vnet != only)) {
            continue;
        }
        for (size_t i = 0; i < MAX(p->n_ips, 1); i++) {
            struct json *o = json_object_create();
            const char *ip = p->n_ips ? p->ips[i] : NULL;
            json_object_put_string(o, "vnet", p->vnet->name);
            json_object_put_string(o, "mac", p->mac);
            if (ip) {
                json_object_put_string(o, "ip", ip);
            }
            json_object_put_string(o, "vtep", vtep);
            /* Addresses sort by number, not text. */
            ovs_be32 addr = 0;
            if (ip) {
                ip_parse(ip, &addr);
            }
            sorter_add(&s, xasprintf("%s/%s/%08"PRIx32, p->vnet->name,
                                     p->mac, ntohl(addr)), o);
        }
    }
    return sorter_finish(&s);
}

static void
print_json(struct ctl_context *ctx, struct json *json)
{
    char *s = json_to_string(json, JSSF_PRETTY | JSSF_SORT);
    ds_put_format(&ctx->output, "%s\n", s);
    free(s);
    json_destroy(json);
}

/* xlate-export [VNET] */
static void
cmd_xlate_export(struct ctl_context *ctx)
{
    const struct vprec_vnet *only = NULL;

    if (ctx->argc > 1 && !(only = nb_vnet(ctx, "vnet", ctx->argv[1],
                                          true))) {
        return;
    }
    struct json *top = json_object_create();
    json_object_put(top, "xlate", xlate_json(ctx->idl, only));
    print_json(ctx, top);
}

static struct json *
export_ports(struct ovsdb_idl *idl)
{
    const struct vprec_port *p;
    struct sorter s = { NULL, 0, 0 };

    VPREC_PORT_FOR_EACH (p, idl) {
        struct json *o = json_object_create();
        json_object_put_string(o, "vnet", p->vnet->name);
        json_object_put_string(o, "mac", p->mac);
        json_object_put(o, "ips", strings_json(p->ips, p->n_ips));
        json_object_put(o, "allowed-sources",
                        strings_json(p->allowed_sources,
                                     p->n_allowed_sources));
        if (p->host) {
            json_object_put_string(o, "host", p->host->name);
        }
        if (p->name[0]) {
            json_object_put_string(o, "iface", p->name);
        }
        if (p->vtep) {
            json_object_put_string(o, "vtep", p->vtep);
        }
        if (p->vm_id) {
            json_object_put_string(o, "vm", p->vm_id);
        }
        struct sorter fw = { NULL, 0, 0 };
        for (size_t i = 0; i < p->n_firewall_rules; i++) {
            const struct vprec_firewall_rule *r = p->firewall_rules[i];
            struct json *rule = json_object_create();
            json_object_put_string(rule, "direction", r->direction);
            json_object_put_string(rule, "protocol", r->protocol);
            json_object_put(rule, "port-min",
                            json_integer_create(r->port_min));
            json_object_put(rule, "port-max",
                            json_integer_create(r->port_max));
            json_object_put_string(rule, "remote", r->remote_prefix);
            if (r->n_dscp) {
                json_object_put(rule, "dscp",
                                json_integer_create(r->dscp[0]));
            }
            sorter_add(&fw, json_to_string(rule, JSSF_SORT), rule);
        }
        json_object_put(o, "firewall", sorter_finish(&fw));
        sorter_add(&s, xasprintf("%s/%s", p->vnet->name, p->mac), o);
    }
    return sorter_finish(&s);
}

static struct json *
export_tenants(struct ovsdb_idl *idl)
{
    const struct vprec_tenant *t;
    struct sorter s = { NULL, 0, 0 };

    VPREC_TENANT_FOR_EACH (t, idl) {
        struct json *o = json_object_create();
        struct sorter nat = { NULL, 0, 0 };

        json_object_put_string(o, "name", t->name);
        json_object_put(o, "external-access",
                        json_boolean_create(t->external_access));
        for (size_t i = 0; i < t->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = t->nat_rules[i];
            struct json *rule = json_object_create();
            json_object_put_string(rule, "type", r->type);
            json_object_put_string(rule, "external-ip", r->external_ip);
            if (r->internal_ip) {
                json_object_put_string(rule, "internal-ip", r->internal_ip);
            }
            if (r->protocol) {
                json_object_put_string(rule, "protocol", r->protocol);
            }
            if (r->n_external_port) {
                json_object_put(rule, "external-port",
                                json_integer_create(r->external_port[0]));
            }
            if (r->n_internal_port) {
                json_object_put(rule, "internal-port",
                                json_integer_create(r->internal_port[0]));
            }
            if (r->vnet) {
                json_object_put_string(rule, "vnet", r->vnet->name);
            }
            sorter_add(&nat, json_to_string(rule, JSSF_SORT), rule);
        }
        json_object_put(o, "nat", sorter_finish(&nat));
        sorter_add(&s, xstrdup(t->name), o);
    }
    return sorter_finish(&s);
}

/* export: the whole desired state, without what changes at run time
 * (connection status, subset assignment, generations, port "up"). */
static void
cmd_export(struct ctl_context *ctx)
{
    const struct vprec_deployment *d = vprec_deployment_first(ctx->idl);
    struct json *top = json_object_create();
    struct sorter s = { NULL, 0, 0 };

    if (d) {
        struct json *o = json_object_create();
        json_object_put_string(o, "owner-rule", d->owner_rule);
        json_object_put_string(o, "query-mode", d->query_mode);
        json_object_put(o, "subsets", json_integer_create(d->n_subsets));
        json_object_put(o, "grace-period",
                        json_integer_create(d->grace_period));
        json_object_put(o, "auto-register",
                        json_boolean_create(d->auto_register));
        json_object_put(o, "wan-vni", json_integer_create(nb_wan_vni(d)));
        json_object_put(top, "deployment", o);
    }

    const struct vprec_host *h;
    VPREC_HOST_FOR_EACH (h, ctx->idl) {
        struct json *o = json_object_create();
        json_object_put_string(o, "name", h->name);
        json_object_put_string(o, "vtep", h->vtep);
        json_object_put(o, "gateway", json_boolean_create(h->gateway));
        if (h->uplink) {
            json_object_put_string(o, "uplink", h->uplink);
        }
        if (h->uplink_address) {
            json_object_put_string(o, "uplink-address", h->uplink_address);
        }
        if (h->uplink_router) {
            json_object_put_string(o, "uplink-router", h->uplink_router);
        }
        sorter_add(&s, xstrdup(h->name), o);
    }
    json_object_put(top, "hosts", sorter_finish(&s));
    json_object_put(top, "tenants", export_tenants(ctx->idl));

    const struct vprec_vnet *v;
    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        struct json *o = json_object_create();
        json_object_put_string(o, "name", v->name);
        json_object_put(o, "vni", json_integer_create(v->vni));
        json_object_put_string(o, "tenant", v->tenant->name);
        json_object_put(o, "subnets", strings_json(v->subnets,
                                                   v->n_subnets));
        if (v->gateway_mac) {
            json_object_put_string(o, "gateway-mac", v->gateway_mac);
        }
        sorter_add(&s, xstrdup(v->name), o);
    }
    json_object_put(top, "vnets", sorter_finish(&s));
    json_object_put(top, "ports", export_ports(ctx->idl));

    const struct vprec_route *r;
    VPREC_ROUTE_FOR_EACH (r, ctx->idl) {
        struct json *o = json_object_create();
        json_object_put_string(o, "tenant", r->tenant->name);
        json_object_put_string(o, "prefix", r->prefix);
        json_object_put_string(o, "nexthop", r->nexthop);
        sorter_add(&s, xasprintf("%s/%s", r->tenant->name, r->prefix), o);
    }
    json_object_put(top, "routes", sorter_finish(&s));
    print_json(ctx, top);
}

static const struct ctl_command_syntax commands[] = {
    {"xlate-import", 1, 1, "FILE", NULL, cmd_xlate_import, NULL, "", RW},
    {"xlate-export", 0, 1, "[VNET]", NULL, cmd_xlate_export, NULL, "", RO},
    {"export", 0, 0, "", NULL, cmd_export, NULL, "", RO},
    {NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, RO},
};

void
nbctl_register_xlate(void)
{
    ctl_register_commands(commands);
}
