/* vplane/kind-port.c: the port kind (include/vplane/kinds.h's PORT row): a
 * local VM port's entry in a tables file ({"name", "vnet", "mac", "ips",
 * "allowed-sources", "vm"}), its identity (the name), its checks (names,
 * MACs and addresses unique in the VNet, port ids left), adding and
 * deleting it.  Port ids and the uplink are tables-ports.c's; port/list is
 * ctl-show.c's, with the port's counters.  See vplane/table-kind.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "json-members.h"
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

/* Parse and export. */

static char *
parse_ip_cb(const char *field, const char *s, void *out)
{
    return vp_parse_unicast_ip(field, s, out);
}

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
    error = json_members_at(path, vp_parse_ifname("name", json_string(name)));
    if (!error) {
        spec->name = xstrdup(json_string(name));
        error = json_members_at(path, vp_parse_name("vnet",
                                                    json_string(vnet)));
    }
    if (!error) {
        spec->vnet = vp_config_intern(c, json_string(vnet));
        error = json_members_at(path, vp_parse_vm_mac("mac", json_string(mac),
                                                      &spec->mac));
    }
    if (!error && ips) {
        spec->ips = xcalloc(json_array(ips)->n + 1, sizeof *spec->ips);
        error = tables_parse_strings(path, "ips", ips, parse_ip_cb, spec->ips,
                              sizeof *spec->ips, &spec->n_ips);
    }
    if (!error && allowed) {
        spec->allowed = xcalloc(json_array(allowed)->n + 1,
                                sizeof *spec->allowed);
        error = tables_parse_strings(path, "allowed-sources", allowed,
                              parse_allowed_cb, spec->allowed,
                              sizeof *spec->allowed, &spec->n_allowed);
    }
    if (!error && vm) {
        error = json_members_at(path, vp_parse_name("vm", json_string(vm)));
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
        json_object_put(o, "mac", tables_mac_json(port->mac));
        for (size_t j = 0; j < port->n_ips; j++) {
            json_array_add(ips, tables_ip_json(port->ips[j]));
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


static int
compare_ports(const void *a_, const void *b_)
{
    const struct vp_port *const *a = a_, *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

size_t
tables_sorted_ports(const struct vp_tables *t, const struct vp_port ***portsp)
{
    const struct vp_port **ports;
    const struct vp_port *port;
    size_t n = 0;

    ports = xmalloc((hmap_count(&t->ports_by_name) + 1) * sizeof *ports);
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        ports[n++] = port;
    }
    qsort(ports, n, sizeof *ports, compare_ports);
    *portsp = ports;
    return n;
}

/* Identity: the name. */

static void
port_hide(struct check_ctx *ctx, const void *id_)
{
    const char *const *id = id_;
    const struct vp_port *port = tables_port_by_name(ctx->t, *id);

    if (port) {
        hmapx_add(&ctx->gone[VP_KIND_PORT],
                  CONST_CAST(struct vp_port *, port));
    }
}

/* A port that changed is removed and added again. */
static void
port_stale(const struct vp_tables *t, const struct vp_config *snap,
           struct vp_config *pool, struct vp_removal *r)
{
    struct shash specs = SHASH_INITIALIZER(&specs);

    for (size_t i = 0; i < snap->n_ports; i++) {
        shash_add_once(&specs, snap->ports[i].name, &snap->ports[i]);
    }
    const struct vp_port *port;
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        const struct vp_port_spec *spec = shash_find_data(&specs, port->name);
        if (!spec || !port_matches_spec(port, spec)) {
            const char **id = vp_removal_add(r, VP_KIND_PORT);
            *id = vp_config_intern(pool, port->name);
        }
    }
    shash_destroy(&specs);
}

/* Check. */

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

/* Apply and remove. */

bool
tables_apply_port(struct vp_tables *t, const struct vp_port_spec *spec)
{
    struct vp_port *old = tables_port_by_name(t, spec->name);
    if (old) {
        /* Identical, as tables-check.c verified, but perhaps for the VM
         * identity: only the main thread reads it, so it changes in place
         * rather than taking the port down and up. */
        if (!nullable_string_is_equal(old->vm, spec->vm)) {
            free(old->vm);
            old->vm = nullable_xstrdup(spec->vm);
        }
        return false;
    }

    struct vp_vnet *vnet = tables_vnet_by_name(t, spec->vnet);
    struct vp_port *port = port_create(tables_alloc_port_id(t), spec, vnet);
    hmap_insert(&t->ports_by_name, &port->name_node,
                hash_string(port->name, 0));
    /* The dataplane records the port's counter base and attaches it before
     * lookups can send anything to it. */
    if (t->port_link) {
        t->port_link(port, t->port_hooks_aux);
    }
    cmap_insert(&t->ports_by_mac, &port->mac_node,
                tables_hash_mac(vnet->vni, port->mac));
    for (size_t i = 0; i < port->n_ips; i++) {
        cmap_insert(&t->port_ips, &port->ip_nodes[i].node,
                    tables_hash_ip(vnet->vni, port->ips[i]));
    }
    ovs_list_push_back(&vnet->ports, &port->vnet_node);
    vnet->n_ports++;
    vnet_rebuild_flood(vnet);
    return true;
}


char *
tables_port_del(struct vp_tables *t, const char *name)
{
    struct vp_port *port = tables_port_by_name(t, name);

    if (!port) {
        return xasprintf("port: no port named \"%s\"", name);
    }

    struct vp_vnet *vnet = port->vnet;
    hmap_remove(&t->ports_by_name, &port->name_node);
    cmap_remove(&t->ports_by_mac, &port->mac_node,
                tables_hash_mac(vnet->vni, port->mac));
    for (size_t i = 0; i < port->n_ips; i++) {
        cmap_remove(&t->port_ips, &port->ip_nodes[i].node,
                    tables_hash_ip(vnet->vni, port->ips[i]));
    }
    ovs_list_remove(&port->vnet_node);
    vnet->n_ports--;
    vnet_rebuild_flood(vnet);
    /* Take the port out of the forwarding threads' poll lists before its
     * destruction is postponed, so the grace period covers them. */
    if (t->port_unlink) {
        t->port_unlink(port, t->port_hooks_aux);
    }
    tables_changed(t);

    tables_port_release(t, port);
    return NULL;
}


static size_t
port_n_specs(const struct vp_config *c)
{
    return c->n_ports;
}

static bool
port_apply(struct apply_ctx *ctx, const struct vp_config *c, size_t i)
{
    return tables_apply_port(ctx->t, &c->ports[i]);
}

static void
port_remove(struct vp_tables *t, const void *id)
{
    free(tables_port_del(t, *(const char *const *) id));
}

/* No dump here: port/list (ctl-show.c) shows ports with their counters. */
const struct vp_table_kind vp_table_kind_PORT = {
    .parse = parse_port,
    .export = export_ports,
    .id_size = sizeof(const char *),
    .parse_id = tables_parse_name_id,
    .stale = port_stale,
    .noun = "ports",
    .hide = port_hide,
    .check = check_ports,
    .n_specs = port_n_specs,
    .apply = port_apply,
    .remove = port_remove,
};
