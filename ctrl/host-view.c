/* ctrl/host-view.c: see host-view.h. */
#include <config.h>
#include "host-view.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "hmapx.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "sset.h"
#include "util.h"
#include "nb-check.h"
#include "vplane/peers.h"
#include "vplane/tables-config.h"

VLOG_DEFINE_THIS_MODULE(host_view);

/* The kinds of entries, by the first letter of their keys, in the order a
 * host must apply additions (VNets before what is in them). */
enum entry_kind {
    KIND_VNET = 'v',
    KIND_PORT = 'p',
    KIND_XLATE = 'x',
    KIND_ROUTE = 'r',
    KIND_HOST = 'h',
    KIND_SUBSETS = 's',
    KIND_UPLINK = 'u',          /* This host's, replaced whole. */
    KIND_FIREWALL = 'f',        /* A port's rules, by "VNET/MAC". */
    KIND_NAT = 'n',             /* A NAT rule, by "TENANT/TYPE/ADDR...". */
};

struct view_entry {
    struct json *json;          /* What the host gets. */
    char *text;                 /* 'json' serialized, to compare. */
};

void
host_view_init(struct host_view *v)
{
    shash_init(&v->entries);
    v->n_skipped = 0;
}

static void
entry_free(void *e_)
{
    struct view_entry *e = e_;

    json_destroy(e->json);
    free(e->text);
    free(e);
}

void
host_view_destroy(struct host_view *v)
{
    if (v) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &v->entries) {
            entry_free(node->data);
        }
        shash_destroy(&v->entries);
    }
}

void
host_view_swap(struct host_view *a, struct host_view *b)
{
    struct host_view tmp = *a;

    *a = *b;
    *b = tmp;
    shash_moved(&a->entries);
    shash_moved(&b->entries);
}

static void
add_entry(struct host_view *v, char *key, struct json *json)
{
    struct view_entry *e = xmalloc(sizeof *e);

    e->json = json;
    e->text = json_to_string(json, JSSF_SORT);
    if (!shash_add_once(&v->entries, key, e)) {
        entry_free(e);          /* Duplicate identity: the first wins. */
    }
    free(key);
}

static int
compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static int
compare_int64(const void *a_, const void *b_)
{
    const int64_t *a = a_, *b = b_;
    return *a < *b ? -1 : *a > *b;
}

static struct json *
strings_json(char **strings, size_t n)
{
    struct json *array = json_array_create_empty();
    char **sorted = xmemdup(strings, n * sizeof *strings);

    qsort(sorted, n, sizeof *sorted, compare_strings);
    for (size_t i = 0; i < n; i++) {
        json_array_add(array, json_string_create(sorted[i]));
    }
    free(sorted);
    return array;
}

/* Rows written around vplane-ctl's checks are possible (an orchestrator on
 * the database): check each field's syntax and leave bad rows out, so one
 * of them cannot make every host refuse its tables. */
static bool
row_ok(struct host_view *v, const char *what, const char *name, char *error)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 30);

    if (error) {
        VLOG_WARN_RL(&rl, "%s %s left out of the hosts' tables: %s", what,
                     name, error);
        free(error);
        v->n_skipped++;
        return false;
    }
    return true;
}

static bool
vnet_ok(struct host_view *v, const struct vprec_vnet *vnet)
{
    struct vp_subnet sn;
    struct eth_addr mac;
    uint32_t vni = vnet->vni;
    char *error = vp_parse_name("name", vnet->name);

    if (!error) {
        error = vp_parse_name("tenant", vnet->tenant->name);
    }
    if (!error && (vni < 1 || vni > 0xffffff)) {
        error = xstrdup("vni out of range");
    }
    for (size_t i = 0; !error && i < vnet->n_subnets; i++) {
        error = vp_parse_subnet("subnets", vnet->subnets[i], &sn);
    }
    if (!error && vnet->gateway_mac) {
        error = vp_parse_vm_mac("gateway_mac", vnet->gateway_mac, &mac);
    }
    return row_ok(v, "VNet", vnet->name, error);
}

static void
add_vnet(struct host_view *v, const struct vprec_vnet *vnet)
{
    struct json *o = json_object_create();

    json_object_put_string(o, "name", vnet->name);
    json_object_put(o, "vni", json_integer_create(vnet->vni));
    json_object_put_string(o, "tenant", vnet->tenant->name);
    json_object_put(o, "subnets", strings_json(vnet->subnets,
                                               vnet->n_subnets));
    if (vnet->gateway_mac) {
        json_object_put_string(o, "gateway-mac", vnet->gateway_mac);
    }
    add_entry(v, xasprintf("v/%s", vnet->name), o);
}

static bool
port_ok(struct host_view *v, const struct vprec_port *port)
{
    struct vp_prefix prefix;
    struct eth_addr mac;
    ovs_be32 ip;
    char *error = vp_parse_vm_mac("mac", port->mac, &mac);

    for (size_t i = 0; !error && i < port->n_ips; i++) {
        error = vp_parse_unicast_ip("ips", port->ips[i], &ip);
    }
    for (size_t i = 0; !error && i < port->n_allowed_sources; i++) {
        error = vp_parse_allowed("allowed_sources",
                                 port->allowed_sources[i], &prefix);
    }
    if (!error && port->name[0]) {
        error = vp_parse_ifname("name", port->name);
    }
    if (!error && port->vtep) {
        error = vp_parse_unicast_ip("vtep", port->vtep, &ip);
    }
    return row_ok(v, "port", port->mac, error);
}

static void
add_port(struct host_view *v, const struct vprec_port *port)
{
    struct json *o = json_object_create();

    json_object_put_string(o, "name", port->name);
    json_object_put_string(o, "vnet", port->vnet->name);
    json_object_put_string(o, "mac", port->mac);
    json_object_put(o, "ips", strings_json(port->ips, port->n_ips));
    if (port->n_allowed_sources) {
        json_object_put(o, "allowed-sources",
                        strings_json(port->allowed_sources,
                                     port->n_allowed_sources));
    }
    if (port->vm_id) {
        json_object_put_string(o, "vm", port->vm_id);
    }
    add_entry(v, xasprintf("p/%s", port->name), o);
}

/* Whether a Host row can be sent to hosts (rows written around vplane-ctl
 * may not). */
static bool
host_row_valid(const struct vprec_host *h)
{
    ovs_be32 vtep;
    char *error = vp_parse_name("name", h->name);

    if (!error) {
        error = vp_parse_unicast_ip("vtep", h->vtep, &vtep);
    }
    free(error);
    return !error;
}

/* The host a port's VM is on, as a VTEP address, or NULL. */
static const char *
port_vtep(const struct vprec_port *port)
{
    if (port->host) {
        return host_row_valid(port->host) ? port->host->vtep : NULL;
    }
    return port->vtep;
}

static void
add_xlates(struct host_view *v, const struct vprec_port *port)
{
    const char *vtep = port_vtep(port);
    size_t n = MAX(port->n_ips, 1);

    for (size_t i = 0; i < n; i++) {
        const char *ip = port->n_ips ? port->ips[i] : NULL;
        struct json *o = json_object_create();

        json_object_put_string(o, "vnet", port->vnet->name);
        json_object_put_string(o, "mac", port->mac);
        if (ip) {
            json_object_put_string(o, "ip", ip);
        }
        json_object_put_string(o, "vtep", vtep);
        add_entry(v, xasprintf("x/%s/%s/%s", port->vnet->name, port->mac,
                               ip ? ip : "-"), o);
    }
}

static void
add_route(struct host_view *v, const struct vprec_route *route)
{
    unsigned int plen;
    ovs_be32 prefix, nexthop;
    char *error = vp_parse_prefix("prefix", route->prefix, &prefix, &plen);

    if (!error) {
        error = vp_parse_name("tenant", route->tenant->name);
    }
    if (!error) {
        error = vp_parse_unicast_ip("nexthop", route->nexthop, &nexthop);
    }
    if (!row_ok(v, "route", route->prefix, error)) {
        return;
    }

    struct json *o = json_object_create();
    json_object_put_string(o, "tenant", route->tenant->name);
    json_object_put_string(o, "prefix", route->prefix);
    json_object_put_string(o, "nexthop", route->nexthop);
    add_entry(v, xasprintf("r/%s/%s", route->tenant->name, route->prefix),
              o);
}

static int
compare_host_names(const void *a_, const void *b_)
{
    const struct vprec_host *const *a = a_, *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

/* The hosts and the subset assignment.  The assignment is sent as one
 * consistent whole even when the database is momentarily not: a subset
 * beyond the count (the count just went down) or given twice is left
 * unassigned here, as the controller's next assignment will have it.  So is
 * a SNAT port block given twice (a hand edit): two hosts must never NAT to
 * the same ports. */
static void
add_hosts_and_subsets(struct host_view *v, const struct ovsdb_idl *idl)
{
    const struct vprec_deployment *d = vprec_deployment_first(idl);
    int64_t count = d ? d->n_subsets : 0;
    struct json *assignment = json_object_create();
    const struct vprec_host *h;
    size_t n = 0, allocated = 0;
    const struct vprec_host **hosts = NULL;

    VPREC_HOST_FOR_EACH (h, idl) {
        if (!row_ok(v, "host", h->name, host_row_valid(h) ? NULL
                    : xstrdup("bad name or VTEP"))) {
            continue;
        }
        if (n >= allocated) {
            hosts = x2nrealloc(hosts, &allocated, sizeof *hosts);
        }
        hosts[n++] = h;
    }
    if (n) {
        qsort(hosts, n, sizeof *hosts, compare_host_names);
    }

    uint8_t *taken = xzalloc(MAX(count, 1));
    bool block_taken[VP_N_PORT_BLOCKS] = { false };
    for (size_t i = 0; i < n; i++) {
        h = hosts[i];
        struct json *o = json_object_create();
        json_object_put_string(o, "name", h->name);
        json_object_put_string(o, "vtep", h->vtep);
        if (h->gateway && h->uplink) {
            json_object_put(o, "gateway", json_boolean_create(true));
        }
        int64_t block = h->n_port_block ? h->port_block[0] : -1;
        if (block >= 0 && block < VP_N_PORT_BLOCKS
            && !block_taken[block]) {
            block_taken[block] = true;
            json_object_put(o, "port-block", json_integer_create(block));
        }
        add_entry(v, xasprintf("h/%s", h->name), o);

        int64_t *sorted = xmemdup(h->subsets,
                                  h->n_subsets * sizeof *h->subsets);
        qsort(sorted, h->n_subsets, sizeof *sorted, compare_int64);
        struct json *subsets = json_array_create_empty();
        for (size_t j = 0; j < h->n_subsets; j++) {
            int64_t s = sorted[j];
            if (s >= 0 && s < count && !taken[s]) {
                taken[s] = 1;
                json_array_add(subsets, json_integer_create(s));
            }
        }
        free(sorted);
        json_object_put(assignment, h->name, subsets);
    }
    free(taken);
    free(hosts);

    struct json *o = json_object_create();
    json_object_put(o, "count", json_integer_create(count));
    json_object_put(o, "assignment", assignment);
    if (d) {
        json_object_put_string(o, "owner-rule", d->owner_rule);
        json_object_put_string(o, "query-mode", d->query_mode);
    }
    json_object_put(o, "wan-vni", json_integer_create(nb_wan_vni(d)));
    add_entry(v, xstrdup("s/"), o);
}

/* This host's uplink to the WAN, if it is a gateway with one. */
static void
add_uplink(struct host_view *v, const struct vprec_host *host)
{
    struct json *o = json_object_create();

    if (host->gateway && host->uplink && host->uplink_address
        && host->uplink_router) {
        json_object_put_string(o, "name", host->uplink);
        json_object_put_string(o, "address", host->uplink_address);
        json_object_put_string(o, "router", host->uplink_router);
    }
    add_entry(v, xstrdup("u/"), o);
}

static int
compare_json_text(const void *a_, const void *b_)
{
    const struct json *const *a = a_, *const *b = b_;
    char *sa = json_to_string(*a, JSSF_SORT);
    char *sb = json_to_string(*b, JSSF_SORT);
    int cmp = strcmp(sa, sb);

    free(sa);
    free(sb);
    return cmp;
}

/* A port's firewall rules, for every host that may own its flows. */
static void
add_firewall(struct host_view *v, const struct vprec_port *port)
{
    struct json **rules = xmalloc(port->n_firewall_rules * sizeof *rules);
    struct json *array = json_array_create_empty();

    for (size_t i = 0; i < port->n_firewall_rules; i++) {
        const struct vprec_firewall_rule *r = port->firewall_rules[i];
        struct json *o = json_object_create();
        json_object_put_string(o, "direction", r->direction);
        json_object_put_string(o, "protocol", r->protocol);
        json_object_put(o, "port-min", json_integer_create(r->port_min));
        json_object_put(o, "port-max", json_integer_create(r->port_max));
        json_object_put_string(o, "remote", r->remote_prefix);
        if (r->n_dscp) {
            json_object_put(o, "dscp", json_integer_create(r->dscp[0]));
        }
        rules[i] = o;
    }
    qsort(rules, port->n_firewall_rules, sizeof *rules, compare_json_text);
    for (size_t i = 0; i < port->n_firewall_rules; i++) {
        json_array_add(array, rules[i]);
    }
    free(rules);

    struct json *o = json_object_create();
    char *id = xasprintf("%s/%s", port->vnet->name, port->mac);
    json_object_put_string(o, "id", id);
    json_object_put_string(o, "vnet", port->vnet->name);
    json_object_put_string(o, "mac", port->mac);
    json_object_put(o, "rules", array);
    add_entry(v, xasprintf("f/%s", id), o);
    free(id);
}

/* The port of the VM behind a floating IP or port forward, if it is on a
 * host: its host owns the rule's flows, and a helper gives that out. */
static const struct vprec_port *
nat_port(const struct ovsdb_idl *idl, const struct vprec_tenant *tenant,
         const struct vprec_nat_rule *r)
{
    const struct vprec_port *port;

    if (!r->internal_ip) {
        return NULL;
    }
    VPREC_PORT_FOR_EACH (port, idl) {
        if (port->vnet->tenant != tenant || !port->host
            || !host_row_valid(port->host)
            || (r->vnet && port->vnet != r->vnet)) {
            continue;
        }
        for (size_t i = 0; i < port->n_ips; i++) {
            if (!strcmp(port->ips[i], r->internal_ip)) {
                return port;
            }
        }
    }
    return NULL;
}

/* A VNI of the rule's tenant, by which an owner finds the tenant (its
 * conntrack zone) from a NAT rule: the VM's VNet, the rule's, or the
 * tenant's first by name. */
static int64_t
nat_tenant_vni(const struct ovsdb_idl *idl, const struct vprec_tenant *tenant,
               const struct vprec_nat_rule *r, const struct vprec_port *port)
{
    const struct vprec_vnet *v, *first = NULL;

    if (port) {
        return port->vnet->vni;
    } else if (r->vnet) {
        return r->vnet->vni;
    }
    VPREC_VNET_FOR_EACH (v, idl) {
        if (v->tenant == tenant && (!first || strcmp(v->name,
                                                     first->name) < 0)) {
            first = v;
        }
    }
    return first ? first->vni : 0;
}

/* Every NAT rule of every tenant with external access goes to every host:
 * any host may be the helper a gateway asks about a WAN flow. */
static void
add_nat_rules(struct host_view *v, const struct ovsdb_idl *idl)
{
    const struct vprec_tenant *t;
    ovs_be32 ip;

    VPREC_TENANT_FOR_EACH (t, idl) {
        if (!t->external_access) {
            continue;
        }
        for (size_t i = 0; i < t->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = t->nat_rules[i];
            char *error = vp_parse_unicast_ip("external_ip", r->external_ip,
                                              &ip);
            if (!error && r->internal_ip) {
                error = vp_parse_unicast_ip("internal_ip", r->internal_ip,
                                            &ip);
            }
            if (!row_ok(v, "NAT rule", r->external_ip, error)) {
                continue;
            }

            struct json *o = json_object_create();
            char *id = (r->protocol && r->n_external_port
                        ? xasprintf("%s/%s/%s/%s/%"PRId64, t->name, r->type,
                                    r->external_ip, r->protocol,
                                    r->external_port[0])
                        : xasprintf("%s/%s/%s", t->name, r->type,
                                    r->external_ip));
            json_object_put_string(o, "id", id);
            json_object_put_string(o, "tenant", t->name);
            json_object_put_string(o, "type", r->type);
            json_object_put_string(o, "external-ip", r->external_ip);
            if (r->internal_ip) {
                json_object_put_string(o, "internal-ip", r->internal_ip);
            }
            if (r->protocol) {
                json_object_put_string(o, "protocol", r->protocol);
            }
            if (r->n_external_port) {
                json_object_put(o, "external-port",
                                json_integer_create(r->external_port[0]));
            }
            if (r->n_internal_port) {
                json_object_put(o, "internal-port",
                                json_integer_create(r->internal_port[0]));
            }
            if (r->vnet) {
                json_object_put_string(o, "vnet", r->vnet->name);
            }
            const struct vprec_port *port = nat_port(idl, t, r);
            if (port) {
                json_object_put_string(o, "owner", port->host->vtep);
            }
            int64_t vni = nat_tenant_vni(idl, t, r, port);
            if (vni) {
                json_object_put(o, "tenant-vni", json_integer_create(vni));
            }
            add_entry(v, xasprintf("n/%s", id), o);
            free(id);
        }
    }
}

void
host_view_compute(const struct ovsdb_idl *idl, const struct vprec_host *host,
                  struct host_view *v)
{
    struct hmapx tenants = HMAPX_INITIALIZER(&tenants);
    struct hmapx vnets = HMAPX_INITIALIZER(&vnets);
    const struct vprec_port *port;
    const struct vprec_vnet *vnet;

    /* The tenants this host serves. */
    VPREC_PORT_FOR_EACH (port, idl) {
        if (port->host == host && port->name[0]) {
            hmapx_add(&tenants, port->vnet->tenant);
        }
    }
    if (host->gateway) {
        const struct vprec_tenant *tenant;
        VPREC_TENANT_FOR_EACH (tenant, idl) {
            if (tenant->external_access) {
                hmapx_add(&tenants, CONST_CAST(struct vprec_tenant *,
                                               tenant));
            }
        }
    }

    VPREC_VNET_FOR_EACH (vnet, idl) {
        if (hmapx_contains(&tenants, vnet->tenant) && vnet_ok(v, vnet)) {
            hmapx_add(&vnets, CONST_CAST(struct vprec_vnet *, vnet));
            add_vnet(v, vnet);
        }
    }
    VPREC_PORT_FOR_EACH (port, idl) {
        if (!hmapx_contains(&vnets, port->vnet) || !port_ok(v, port)) {
            continue;
        }
        if (port->host == host && port->name[0]) {
            add_port(v, port);
        }
        if (port_vtep(port)) {
            add_xlates(v, port);
        }
        if (port->n_firewall_rules) {
            add_firewall(v, port);
        }
    }
    const struct vprec_route *route;
    VPREC_ROUTE_FOR_EACH (route, idl) {
        if (hmapx_contains(&tenants, route->tenant)) {
            add_route(v, route);
        }
    }
    add_hosts_and_subsets(v, idl);
    add_uplink(v, host);
    add_nat_rules(v, idl);
    hmapx_destroy(&tenants);
    hmapx_destroy(&vnets);
}

static const char *
section_of(char kind)
{
    switch (kind) {
    case KIND_VNET: return "vnets";
    case KIND_PORT: return "ports";
    case KIND_XLATE: return "xlate";
    case KIND_ROUTE: return "routes";
    case KIND_HOST: return "hosts";
    case KIND_SUBSETS: return "subsets";
    case KIND_UPLINK: return "uplink";
    case KIND_FIREWALL: return "firewall";
    case KIND_NAT: return "nat";
    }
    return NULL;
}

/* Adds entry 'e' of kind 'kind' to tables object 'tables'. */
static void
put_entry(struct json *tables, char kind, const struct view_entry *e)
{
    const char *section = section_of(kind);

    if (kind == KIND_SUBSETS || kind == KIND_UPLINK) {
        json_object_put(tables, section, json_clone(e->json));
        return;
    }
    struct json *array = shash_find_data(json_object(tables), section);
    if (!array) {
        array = json_array_create_empty();
        json_object_put(tables, section, array);
    }
    json_array_add(array, json_clone(e->json));
}

/* The identity of entry 'e' of kind 'kind', as a removal names it. */
static struct json *
identity(char kind, const struct view_entry *e)
{
    const struct json *j = e->json;
    struct json *id;

    switch (kind) {
    case KIND_VNET:
    case KIND_PORT:
    case KIND_HOST:
        return json_clone(shash_find_data(json_object(j), "name"));
    case KIND_FIREWALL:
    case KIND_NAT:
        return json_clone(shash_find_data(json_object(j), "id"));
    case KIND_XLATE:
        id = json_object_create();
        json_object_put(id, "vnet",
                        json_clone(shash_find_data(json_object(j), "vnet")));
        json_object_put(id, "mac",
                        json_clone(shash_find_data(json_object(j), "mac")));
        if (shash_find(json_object(j), "ip")) {
            json_object_put(id, "ip",
                            json_clone(shash_find_data(json_object(j),
                                                       "ip")));
        }
        return id;
    case KIND_ROUTE:
        id = json_object_create();
        json_object_put(id, "tenant",
                        json_clone(shash_find_data(json_object(j),
                                                   "tenant")));
        json_object_put(id, "prefix",
                        json_clone(shash_find_data(json_object(j),
                                                   "prefix")));
        return id;
    }
    return NULL;
}

/* The VNet of a port or translation entry. */
static const char *
entry_vnet(char kind OVS_UNUSED, const struct view_entry *e)
{
    const struct json *v = shash_find_data(json_object(e->json), "vnet");
    return v && v->type == JSON_STRING ? json_string(v) : "";
}

static void
put_removal(struct json *remove, char kind, const struct view_entry *e)
{
    struct json *array = shash_find_data(json_object(remove),
                                         section_of(kind));
    if (!array) {
        array = json_array_create_empty();
        json_object_put(remove, section_of(kind), array);
    }
    json_array_add(array, identity(kind, e));
}

size_t
host_view_to_parts(const struct host_view *v, size_t max_entries,
                   struct json ***partsp)
{
    struct json **parts = NULL;
    size_t n_parts = 0, allocated = 0, in_part = max_entries;
    static const char kinds[] = { KIND_VNET, KIND_PORT, KIND_ROUTE,
                                  KIND_HOST, KIND_SUBSETS, KIND_UPLINK,
                                  KIND_NAT, KIND_FIREWALL, KIND_XLATE };

    /* VNets and what refers to them first: a host applies the parts in
     * order, but only after the last one, all at once. */
    for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &v->entries) {
            if (node->name[0] != kinds[k]) {
                continue;
            }
            if (in_part >= max_entries) {
                if (n_parts >= allocated) {
                    parts = x2nrealloc(parts, &allocated, sizeof *parts);
                }
                parts[n_parts++] = json_object_create();
                in_part = 0;
            }
            put_entry(parts[n_parts - 1], kinds[k], node->data);
            in_part++;
        }
    }
    if (!n_parts) {
        parts = xmalloc(sizeof *parts);
        parts[n_parts++] = json_object_create();
    }
    *partsp = parts;
    return n_parts;
}

size_t
host_view_diff(const struct host_view *old, const struct host_view *new,
               struct json **addp, struct json **removep)
{
    struct json *add = json_object_create();
    struct json *remove = json_object_create();
    struct shash_node *node;
    size_t n = 0;

    SHASH_FOR_EACH (node, &new->entries) {
        const struct view_entry *e = node->data;
        const struct view_entry *o = shash_find_data(&old->entries,
                                                     node->name);
        char kind = node->name[0];

        if (o && !strcmp(o->text, e->text)) {
            continue;
        }
        /* A port changes by going and coming back; everything else is
         * redefined in place. */
        if (o && kind == KIND_PORT) {
            put_removal(remove, kind, o);
        }
        put_entry(add, kind, e);
        n++;
    }
    /* Removing a VNet removes what is in it: its ports and translation
     * entries need not be named too (a host that stops serving a tenant
     * would otherwise get every entry of it back as a removal). */
    struct sset gone_vnets = SSET_INITIALIZER(&gone_vnets);
    SHASH_FOR_EACH (node, &old->entries) {
        if (node->name[0] == KIND_VNET
            && !shash_find(&new->entries, node->name)) {
            sset_add(&gone_vnets, node->name + 2);
        }
    }
    SHASH_FOR_EACH (node, &old->entries) {
        char kind = node->name[0];

        if (kind == KIND_SUBSETS || kind == KIND_UPLINK
            || shash_find(&new->entries, node->name)) {
            continue;
        }
        n++;
        if ((kind == KIND_XLATE || kind == KIND_PORT)
            && !sset_is_empty(&gone_vnets)
            && sset_contains(&gone_vnets, entry_vnet(kind, node->data))) {
            continue;
        }
        put_removal(remove, kind, node->data);
    }
    sset_destroy(&gone_vnets);

    if (!n) {
        json_destroy(add);
        json_destroy(remove);
        add = remove = NULL;
    }
    *addp = add;
    *removep = remove;
    return n;
}

bool
host_view_needs_snapshot(const struct host_view *old,
                         const struct host_view *new)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, &new->entries) {
        const struct view_entry *e = node->data, *o;
        if (node->name[0] != KIND_VNET
            || !(o = shash_find_data(&old->entries, node->name))
            || !strcmp(o->text, e->text)) {
            continue;
        }
        const struct json *eo = e->json, *oo = o->json;
        if (!json_equal(shash_find_data(json_object(eo), "vni"),
                        shash_find_data(json_object(oo), "vni"))
            || !json_equal(shash_find_data(json_object(eo), "tenant"),
                           shash_find_data(json_object(oo), "tenant"))) {
            return true;
        }
    }
    return false;
}

void
host_view_format_diff(const struct host_view *have,
                      const struct host_view *want, struct ds *s)
{
    const struct shash_node **nodes = shash_sort(&want->entries);
    size_t n = shash_count(&want->entries);

    for (size_t i = 0; i < n; i++) {
        const struct view_entry *w = nodes[i]->data;
        const struct view_entry *h = shash_find_data(&have->entries,
                                                     nodes[i]->name);
        if (!h) {
            ds_put_format(s, "  missing  %s\n", nodes[i]->name);
        } else if (strcmp(h->text, w->text)) {
            ds_put_format(s, "  differs  %s: has %s, should have %s\n",
                          nodes[i]->name, h->text, w->text);
        }
    }
    free(nodes);

    nodes = shash_sort(&have->entries);
    n = shash_count(&have->entries);
    for (size_t i = 0; i < n; i++) {
        if (!shash_find(&want->entries, nodes[i]->name)) {
            ds_put_format(s, "  extra    %s\n", nodes[i]->name);
        }
    }
    free(nodes);
}
