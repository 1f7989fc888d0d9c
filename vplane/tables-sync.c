/* vplane/tables-sync.c: the tables under a controller.
 *
 * A snapshot from the controller is the whole truth for this host:
 * tables_sync() checks it on its own (in scratch tables), then as it will
 * replace the live tables, removes what the live tables have and the
 * snapshot does not -- and only that -- and applies the snapshot.  An
 * update removes named entries and adds others (tables_update()).  Both
 * are checked whole before anything changes, so a refused snapshot or
 * update changes nothing.  Forwarding goes on throughout: entries the
 * snapshot keeps are never removed, so their flows keep flowing. */
#include <config.h>
#include "tables-sync.h"

#include <string.h>
#include "coverage.h"
#include "hash.h"
#include "json-members.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "port.h"
#include "tables-config.h"
#include "tables-private.h"
#include "util.h"
#include "vplane/kinds.h"

VLOG_DEFINE_THIS_MODULE(tables_sync);

COVERAGE_DEFINE(tables_update_mismatch);

void
vp_removal_init(struct vp_removal *r)
{
    memset(r, 0, sizeof *r);
}

void
vp_removal_destroy(struct vp_removal *r)
{
    free(r->vnets);
    free(r->ports);
    free(r->xlates);
    free(r->routes);
}

static char *
string_at(const struct json_array *a, size_t i, const char *section,
          const char **s)
{
    if (a->elems[i]->type != JSON_STRING) {
        return xasprintf("remove.%s[%"PRIuSIZE"]: must be a string", section,
                         i);
    }
    *s = json_string(a->elems[i]);
    return NULL;
}

char *
vp_removal_parse(const struct json *json, struct vp_config *pool,
                 struct vp_removal *r)
{
    if (json->type != JSON_OBJECT) {
        return xstrdup("remove: must be an object");
    }
    /* The services' removals are services.c's (vp_services_remove()). */
    VP_KIND_FOR_EACH (k) {
        const struct json *v = shash_find_data(json_object(json), k->key);
        if (!v || k->shape != VP_KIND_ARRAY
            || k->owner == VP_KIND_SERVICES) {
            continue;
        }
        if (v->type != JSON_ARRAY) {
            return xasprintf("remove.%s: must be an array", k->key);
        }
        const struct json_array *a = json_array(v);
        for (size_t i = 0; i < a->n; i++) {
            const struct json *e = a->elems[i];
            const char *name = NULL, *mac_s, *ip_s, *prefix_s;
            char *error = NULL;

            switch (k->kind) {
            case VP_KIND_VNET:
            case VP_KIND_PORT:
                error = string_at(a, i, k->key, &name);
                if (!error) {
                    bool port = k->kind == VP_KIND_PORT;
                    const char ***names = port ? &r->ports : &r->vnets;
                    size_t *n = port ? &r->n_ports : &r->n_vnets;
                    *names = xrealloc(*names, (*n + 1) * sizeof **names);
                    (*names)[(*n)++] = vp_config_intern(pool, name);
                }
                break;
            case VP_KIND_XLATE:
                name = json_members_string(e, "vnet");
                mac_s = json_members_string(e, "mac");
                ip_s = json_members_string(e, "ip");
                r->xlates = xrealloc(r->xlates,
                                     (r->n_xlates + 1) * sizeof *r->xlates);
                struct vp_xlate_id *x = &r->xlates[r->n_xlates];
                x->ip = 0;
                if (!name || !mac_s
                    || !eth_addr_from_string(mac_s, &x->mac)
                    || (ip_s && !ip_parse(ip_s, &x->ip))) {
                    error = xasprintf("remove.xlate[%"PRIuSIZE"]: needs "
                                      "vnet, mac and an optional ip", i);
                } else {
                    x->vnet = vp_config_intern(pool, name);
                    r->n_xlates++;
                }
                break;
            case VP_KIND_ROUTE:
                name = json_members_string(e, "tenant");
                prefix_s = json_members_string(e, "prefix");
                r->routes = xrealloc(r->routes,
                                     (r->n_routes + 1) * sizeof *r->routes);
                struct vp_route_id *rt = &r->routes[r->n_routes];
                if (!name || !prefix_s) {
                    error = xasprintf("remove.routes[%"PRIuSIZE"]: needs "
                                      "tenant and prefix", i);
                } else {
                    error = vp_parse_prefix("prefix", prefix_s, &rt->prefix,
                                            &rt->plen);
                    rt->tenant = vp_config_intern(pool, name);
                    r->n_routes += !error;
                }
                break;
            default:
                break;          /* Hosts: kept by the client. */
            }
            if (error) {
                return error;
            }
        }
    }
    return NULL;
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

void
tables_remove(struct vp_tables *t, const struct vp_removal *r)
{
    /* What is inside a VNet first, the VNets last. */
    for (size_t i = 0; i < r->n_xlates; i++) {
        const struct vp_xlate_id *x = &r->xlates[i];
        free(tables_xlate_del(t, x->vnet, x->mac, x->ip, false));
    }
    for (size_t i = 0; i < r->n_ports; i++) {
        free(tables_port_del(t, r->ports[i]));
    }
    for (size_t i = 0; i < r->n_routes; i++) {
        const struct vp_route_id *rt = &r->routes[i];
        free(tables_route_del(t, rt->tenant, rt->prefix, rt->plen));
    }
    for (size_t i = 0; i < r->n_vnets; i++) {
        remove_vnet_and_contents(t, r->vnets[i]);
    }
}

char *
tables_update(struct vp_tables *t, const struct vp_removal *r,
              const struct vp_config *c)
{
    char *error = tables_check_update(t, r, c);
    if (error) {
        return error;
    }
    tables_remove(t, r);
    error = tables_apply(t, c);
    if (error) {
        /* tables_check_update() saw the removal differently from how
         * tables_remove() did it: a bug, and the batch is half applied. */
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
        COVERAGE_INC(tables_update_mismatch);
        VLOG_ERR_RL(&rl, "a checked batch was refused once its removals "
                    "were applied (please report): %s", error);
    }
    return error;
}

/* Identities in a snapshot, to find what the live tables have beyond it. */
struct sync_key {
    struct hmap_node node;
    const char *scope;          /* Interned VNet or tenant name. */
    uint64_t a, b;
};

static struct sync_key *
sync_find(const struct hmap *keys, const char *scope, uint64_t a, uint64_t b)
{
    struct sync_key *k;
    uint32_t hash = hash_2words(hash_string(scope, 0), hash_uint64(a ^ b));

    HMAP_FOR_EACH_WITH_HASH (k, node, hash, keys) {
        if (!strcmp(k->scope, scope) && k->a == a && k->b == b) {
            return k;
        }
    }
    return NULL;
}

static void
sync_add(struct hmap *keys, const char *scope, uint64_t a, uint64_t b)
{
    struct sync_key *k = xmalloc(sizeof *k);

    k->scope = scope;
    k->a = a;
    k->b = b;
    hmap_insert(keys, &k->node,
                hash_2words(hash_string(scope, 0), hash_uint64(a ^ b)));
}

static void
sync_keys_destroy(struct hmap *keys)
{
    struct sync_key *k;

    HMAP_FOR_EACH_POP (k, node, keys) {
        free(k);
    }
    hmap_destroy(keys);
}

char *
tables_check_config(const struct vp_config *c)
{
    struct vp_tables *empty = tables_create(0);
    char *error = tables_check(empty, c);

    tables_destroy(empty);
    return error;
}

char *
tables_sync(struct vp_tables *t, const struct vp_config *c)
{
    /* The snapshot alone must be consistent. */
    char *error = tables_check_config(c);
    if (error) {
        return error;
    }

    struct shash vnets = SHASH_INITIALIZER(&vnets);
    struct shash ports = SHASH_INITIALIZER(&ports);
    struct hmap xlates = HMAP_INITIALIZER(&xlates);
    struct hmap routes = HMAP_INITIALIZER(&routes);
    struct vp_removal r;

    for (size_t i = 0; i < c->n_vnets; i++) {
        shash_add_once(&vnets, c->vnets[i].name, &c->vnets[i]);
    }
    for (size_t i = 0; i < c->n_ports; i++) {
        shash_add_once(&ports, c->ports[i].name, &c->ports[i]);
    }
    for (size_t i = 0; i < c->n_xlates; i++) {
        const struct vp_xlate_spec *x = &c->xlates[i];
        sync_add(&xlates, x->vnet, eth_addr_to_uint64(x->mac), x->ip);
    }
    for (size_t i = 0; i < c->n_routes; i++) {
        const struct vp_route_spec *rt = &c->routes[i];
        sync_add(&routes, rt->tenant, rt->prefix, rt->plen);
    }

    /* What the live tables have beyond the snapshot.  A VNet whose VNI or
     * tenant changed goes with everything in it, and comes back. */
    vp_removal_init(&r);
    const struct vp_vnet *vnet;
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        const struct vp_vnet_spec *spec = shash_find_data(&vnets, vnet->name);
        if (!spec || spec->vni != vnet->vni
            || strcmp(spec->tenant, vnet->tenant->name)) {
            r.vnets = xrealloc(r.vnets, (r.n_vnets + 1) * sizeof *r.vnets);
            r.vnets[r.n_vnets++] = vnet->name;
        }
    }
    const struct vp_port *port;
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        const struct vp_port_spec *spec = shash_find_data(&ports, port->name);
        if (!spec || !port_matches_spec(port, spec)) {
            r.ports = xrealloc(r.ports, (r.n_ports + 1) * sizeof *r.ports);
            r.ports[r.n_ports++] = port->name;
        }
    }
    const struct vp_xlate *x;
    CMAP_FOR_EACH (x, mac_node, &t->xlate_by_mac) {
        if (!sync_find(&xlates, x->vnet->name, eth_addr_to_uint64(x->mac),
                       x->ip)) {
            r.xlates = xrealloc(r.xlates, (r.n_xlates + 1) * sizeof *r.xlates);
            r.xlates[r.n_xlates++] = (struct vp_xlate_id) {
                x->vnet->name, x->mac, x->ip
            };
        }
    }
    const struct vp_tenant *tenant;
    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        const struct vp_route *route;
        HMAP_FOR_EACH (route, node, &tenant->routes) {
            if (!sync_find(&routes, tenant->name, route->prefix,
                           route->plen)) {
                r.routes = xrealloc(r.routes,
                                    (r.n_routes + 1) * sizeof *r.routes);
                r.routes[r.n_routes++] = (struct vp_route_id) {
                    tenant->name, route->prefix, route->plen
                };
            }
        }
    }

    /* The names point into the live tables: copy them before removing. */
    struct vp_config pool;
    vp_config_init(&pool);
    for (size_t i = 0; i < r.n_vnets; i++) {
        r.vnets[i] = vp_config_intern(&pool, r.vnets[i]);
    }
    for (size_t i = 0; i < r.n_ports; i++) {
        r.ports[i] = vp_config_intern(&pool, r.ports[i]);
    }
    for (size_t i = 0; i < r.n_xlates; i++) {
        r.xlates[i].vnet = vp_config_intern(&pool, r.xlates[i].vnet);
    }
    for (size_t i = 0; i < r.n_routes; i++) {
        r.routes[i].tenant = vp_config_intern(&pool, r.routes[i].tenant);
    }
    error = tables_update(t, &r, c);
    if (!error && (r.n_vnets || r.n_ports || r.n_xlates || r.n_routes)) {
        VLOG_INFO("snapshot: removed %"PRIuSIZE" VNets, %"PRIuSIZE" ports, "
                  "%"PRIuSIZE" translation entries, %"PRIuSIZE" routes it "
                  "no longer holds", r.n_vnets, r.n_ports, r.n_xlates,
                  r.n_routes);
    }
    vp_removal_destroy(&r);
    vp_config_destroy(&pool);

    shash_destroy(&vnets);
    shash_destroy(&ports);
    sync_keys_destroy(&xlates);
    sync_keys_destroy(&routes);
    return error;
}
