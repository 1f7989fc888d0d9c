/* vplane/tables-json.c: vPlane's tables as JSON, the format of a tables file
 * (`vplane-ctl load`) and of `tables/export` (docs/ctl.md):
 *
 *   {"vnets":  [{"name", "vni", "tenant",
 *                "subnets": ["GW/LEN"...] (optional: an L2-only VNet),
 *                "gateway-mac" (optional)}],
 *    "ports":  [{"name", "vnet", "mac", "ips": [...] (optional),
 *                "allowed-sources": ["PREFIX/LEN"...] (optional),
 *                "vm" (optional: the VM's identity)}],
 *    "xlate":  [{"vnet", "mac", "ip" (optional), "vtep"}],
 *    "routes": [{"tenant", "prefix", "nexthop"}]}
 *
 * Parsing checks types and syntax and names the offending path
 * ("xlate[17].vtep: ..."); whether the entries fit the current tables is
 * tables_apply()'s business.  Each kind (include/vplane/kinds.h) has its
 * section here, its parser beside its export; table_kinds[] binds them to
 * the list.  Open vSwitch's JSON library does the parsing:
 * vplaned links it, and one binary never carries two JSON libraries. */
#include <config.h>
#include "tables-json.h"

#include <stdlib.h>
#include <string.h>
#include "json-members.h"
#include "tables-config.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "tables-private.h"
#include "util.h"
#include "vplane/kinds.h"

/* What the kinds share. */

/* Short for json_members_at(): every field below is named this way. */
static char *
at(const char *path, char *error)
{
    return json_members_at(path, error);
}

static char *
parse_strings(const char *path, const char *field, const struct json *array,
              char *(*parse)(const char *field, const char *s, void *out),
              void *out, size_t size, size_t *n)
{
    const struct json_array *a = json_array(array);

    *n = 0;
    for (size_t i = 0; i < a->n; i++) {
        char *name = xasprintf("%s[%"PRIuSIZE"]", field, i);
        char *error = NULL;

        if (a->elems[i]->type != JSON_STRING) {
            error = xasprintf("%s: must be a string", name);
        } else {
            error = parse(name, json_string(a->elems[i]),
                          (char *) out + i * size);
        }
        free(name);
        if (error) {
            return at(path, error);
        }
        (*n)++;
    }
    return NULL;
}

static char *
parse_subnet_cb(const char *field, const char *s, void *out)
{
    return vp_parse_subnet(field, s, out);
}

static char *
parse_ip_cb(const char *field, const char *s, void *out)
{
    return vp_parse_unicast_ip(field, s, out);
}

static struct json *
ip_json(ovs_be32 ip)
{
    return json_string_create_nocopy(xasprintf(IP_FMT, IP_ARGS(ip)));
}

static struct json *
mac_json(struct eth_addr mac)
{
    return json_string_create_nocopy(xasprintf(ETH_ADDR_FMT,
                                               ETH_ADDR_ARGS(mac)));
}

/* VNets. */

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
    error = at(path, vp_parse_name("name", json_string(name)));
    if (!error) {
        error = at(path, vp_parse_name("tenant", json_string(tenant)));
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
        error = at(path, vp_parse_vm_mac("gateway-mac", json_string(gw_mac),
                                         &spec->gw_mac));
    }
    if (!error && subnets) {
        spec->subnets = xcalloc(json_array(subnets)->n + 1,
                                sizeof *spec->subnets);
        error = parse_strings(path, "subnets", subnets, parse_subnet_cb,
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
    size_t n = tables_sorted_vnets(t, &vnet_list);
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
            json_object_put(o, "gateway-mac", mac_json(cfg->gw_mac));
        }
        json_array_add(vnets, o);
    }
    free(vnet_list);
    return vnets;
}

/* Ports. */

static char *
parse_allowed_cb(const char *field, const char *s, void *out)
{
    return vp_parse_allowed(field, s, out);
}

static char *
parse_port(struct vp_config *c, const char *path, const struct json *j)
{
    const struct json *name, *vnet, *mac, *ips, *allowed, *vm;
    struct json_member m[] = {
        { "name", JSON_STRING, false, &name },
        { "vnet", JSON_STRING, false, &vnet },
        { "mac", JSON_STRING, false, &mac },
        { "ips", JSON_ARRAY, true, &ips },
        { "allowed-sources", JSON_ARRAY, true, &allowed },
        { "vm", JSON_STRING, true, &vm },
    };
    char *error = json_members_get(path, j, m, ARRAY_SIZE(m), true);
    if (error) {
        return error;
    }

    struct vp_port_spec *spec = vp_config_add_port(c);
    error = at(path, vp_parse_ifname("name", json_string(name)));
    if (!error) {
        spec->name = xstrdup(json_string(name));
        error = at(path, vp_parse_name("vnet", json_string(vnet)));
    }
    if (!error) {
        spec->vnet = vp_config_intern(c, json_string(vnet));
        error = at(path, vp_parse_vm_mac("mac", json_string(mac),
                                         &spec->mac));
    }
    if (!error && ips) {
        spec->ips = xcalloc(json_array(ips)->n + 1, sizeof *spec->ips);
        error = parse_strings(path, "ips", ips, parse_ip_cb, spec->ips,
                              sizeof *spec->ips, &spec->n_ips);
    }
    if (!error && allowed) {
        spec->allowed = xcalloc(json_array(allowed)->n + 1,
                                sizeof *spec->allowed);
        error = parse_strings(path, "allowed-sources", allowed,
                              parse_allowed_cb, spec->allowed,
                              sizeof *spec->allowed, &spec->n_allowed);
    }
    if (!error && vm) {
        error = at(path, vp_parse_name("vm", json_string(vm)));
        if (!error) {
            spec->vm = xstrdup(json_string(vm));
        }
    }
    return error;
}

static struct json *
export_ports(const struct vp_tables *t)
{
    struct json *ports = json_array_create_empty();
    const struct vp_port **port_list;
    size_t n = tables_sorted_ports(t, &port_list);
    for (size_t i = 0; i < n; i++) {
        const struct vp_port *port = port_list[i];
        struct json *o = json_object_create();
        struct json *ips = json_array_create_empty();

        json_object_put_string(o, "name", port->name);
        json_object_put_string(o, "vnet", port->vnet->name);
        json_object_put(o, "mac", mac_json(port->mac));
        for (size_t j = 0; j < port->n_ips; j++) {
            json_array_add(ips, ip_json(port->ips[j]));
        }
        json_object_put(o, "ips", ips);
        if (port->n_allowed) {
            struct json *allowed = json_array_create_empty();
            for (size_t j = 0; j < port->n_allowed; j++) {
                json_array_add(allowed, json_string_create_nocopy(
                                   xasprintf(IP_FMT"/%u",
                                             IP_ARGS(port->allowed[j].prefix),
                                             port->allowed[j].plen)));
            }
            json_object_put(o, "allowed-sources", allowed);
        }
        if (port->vm) {
            json_object_put_string(o, "vm", port->vm);
        }
        json_array_add(ports, o);
    }
    free(port_list);
    return ports;
}

/* Routes. */

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
    error = at(path, vp_parse_name("tenant", json_string(tenant)));
    if (!error) {
        spec->tenant = vp_config_intern(c, json_string(tenant));
        error = at(path, vp_parse_prefix("prefix", json_string(prefix),
                                         &spec->prefix, &spec->plen));
    }
    if (!error) {
        error = at(path, vp_parse_unicast_ip("nexthop", json_string(nexthop),
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
        json_object_put(o, "nexthop", ip_json(refs[i].route->nexthop));
        json_array_add(routes, o);
    }
    free(refs);
    return routes;
}

/* VM locations (translation entries). */

static char *
parse_xlate(struct vp_config *c, const char *path, const struct json *j)
{
    const struct json *vnet, *mac, *ip, *vtep;
    struct json_member m[] = {
        { "vnet", JSON_STRING, false, &vnet },
        { "mac", JSON_STRING, false, &mac },
        { "ip", JSON_STRING, true, &ip },
        { "vtep", JSON_STRING, false, &vtep },
    };
    char *error = json_members_get(path, j, m, ARRAY_SIZE(m), true);
    if (error) {
        return error;
    }

    struct vp_xlate_spec *spec = vp_config_add_xlate(c);
    error = at(path, vp_parse_name("vnet", json_string(vnet)));
    if (!error) {
        spec->vnet = vp_config_intern(c, json_string(vnet));
        error = at(path, vp_parse_vm_mac("mac", json_string(mac),
                                         &spec->mac));
    }
    if (!error && ip) {
        error = at(path, vp_parse_unicast_ip("ip", json_string(ip),
                                             &spec->ip));
    }
    if (!error) {
        error = at(path, vp_parse_unicast_ip("vtep", json_string(vtep),
                                             &spec->vtep));
    }
    return error;
}

static struct json *
export_xlates(const struct vp_tables *t)
{
    struct json *xlates = json_array_create_empty();
    const struct vp_xlate **xlate_list;
    size_t n = tables_sorted_xlates(t, &xlate_list);
    for (size_t i = 0; i < n; i++) {
        const struct vp_xlate *x = xlate_list[i];
        struct json *o = json_object_create();

        json_object_put_string(o, "vnet", x->vnet->name);
        json_object_put(o, "mac", mac_json(x->mac));
        if (x->ip) {
            json_object_put(o, "ip", ip_json(x->ip));
        }
        json_object_put(o, "vtep", ip_json(xlate_vtep(x)));
        json_array_add(xlates, o);
    }
    free(xlate_list);
    return xlates;
}

/* The kinds together. */

/* The kinds a tables file holds (VP_KIND_TABLES in include/vplane/kinds.h),
 * each with its parser and its export; the rest are the controller's
 * (peers.c, services.c). */
static const struct {
    char *(*parse)(struct vp_config *, const char *path, const struct json *);
    struct json *(*export)(const struct vp_tables *);
} table_kinds[VP_N_KINDS] = {
    [VP_KIND_VNET] = { parse_vnet, export_vnets },
    [VP_KIND_PORT] = { parse_port, export_ports },
    [VP_KIND_ROUTE] = { parse_route, export_routes },
    [VP_KIND_XLATE] = { parse_xlate, export_xlates },
};

char *
tables_json_parse(const struct json *json, struct vp_config *c)
{
    if (json->type != JSON_OBJECT) {
        return xstrdup("tables: must be a JSON object");
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, json->object) {
        const struct vp_kind_info *k = vp_kind_by_key(node->name);
        if (!k || k->owner != VP_KIND_TABLES) {
            char *keys = vp_kinds_keys(VP_KIND_TABLES);
            char *error = xasprintf("tables: unknown member \"%s\" "
                                    "(expected %s)", node->name, keys);
            free(keys);
            return error;
        }
    }

    VP_KIND_FOR_EACH (k) {
        const struct json *array = shash_find_data(json->object, k->key);
        if (!array) {
            continue;
        }
        if (array->type != JSON_ARRAY) {
            return xasprintf("%s: must be an array", k->key);
        }
        const struct json_array *a = json_array(array);
        for (size_t i = 0; i < a->n; i++) {
            char path[64];
            snprintf(path, sizeof path, "%s[%"PRIuSIZE"]", k->key, i);
            char *error = table_kinds[k->kind].parse(c, path,
                                                     a->elems[i]);
            if (error) {
                return error;
            }
        }
    }
    return NULL;
}

/* Sorted, so that two exports of the same tables are the same text. */
struct json *
tables_json_export(const struct vp_tables *t)
{
    struct json *top = json_object_create();

    VP_KIND_FOR_EACH (k) {
        if (k->owner == VP_KIND_TABLES) {
            json_object_put(top, k->key, table_kinds[k->kind].export(t));
        }
    }
    return top;
}
