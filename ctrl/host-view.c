/* ctrl/host-view.c: computing what one host should have from the database
 * (see host-view.h): the entries of each kind, each row checked and a bad
 * one left out; and a view's life (init, destroy, swap).  Turning views into
 * snapshot parts, updates and the operators' diff is host-view-diff.c's;
 * this file talks to no host. */
#include <config.h>
#include "host-view.h"
#include "host-view-private.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "hmapx.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "util.h"
#include "nb-check.h"
#include "row-check.h"
#include "snat-blocks.h"
#include "sset.h"
#include "vplane/peers.h"
#include "vplane/tables-config.h"

VLOG_DEFINE_THIS_MODULE(host_view);

void
host_view_init(struct host_view *v)
{
    shash_init(&v->entries);
    v->n_skipped = 0;
}

/* Entries are shared: a tenant's, held by the controller's cache, are in
 * the view of every host that serves the tenant and in what each was
 * sent. */
static void
entry_unref(struct view_entry *e)
{
    if (e && !--e->refcount) {
        json_destroy(e->json);
        free(e->text);
        free(e);
    }
}

void
host_view_add_shared(struct host_view *v, const char *key,
                     struct view_entry *e)
{
    if (shash_add_once(&v->entries, key, e)) {
        e->refcount++;
    }
}

void
host_view_destroy(struct host_view *v)
{
    if (v) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &v->entries) {
            entry_unref(node->data);
        }
        shash_destroy(&v->entries);
    }
}

void
host_view_replace(struct host_view *v, const struct host_view *old,
                  const struct host_view *new)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, &old->entries) {
        entry_unref(shash_find_and_delete(&v->entries, node->name));
    }
    SHASH_FOR_EACH (node, &new->entries) {
        host_view_add_shared(v, node->name, node->data);
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

/* Adds 'json', an entry of 'kind', under the view key that the kind's
 * letter (include/vplane/kinds.h) and the printf-style rest make. */
static void OVS_PRINTF_FORMAT(4, 5)
add_entry(struct host_view *v, enum vp_kind kind, struct json *json,
          const char *format, ...)
{
    struct view_entry *e = xmalloc(sizeof *e);
    struct ds key = DS_EMPTY_INITIALIZER;
    va_list args;

    ds_put_format(&key, "%c/", vp_kinds[kind].letter);
    va_start(args, format);
    ds_put_format_valist(&key, format, args);
    va_end(args);

    e->json = json;
    e->text = json_to_string(json, JSSF_SORT);
    e->refcount = 1;
    if (!shash_add_once(&v->entries, ds_cstr(&key), e)) {
        entry_unref(e);         /* Duplicate identity: the first wins. */
    }
    ds_destroy(&key);
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

bool
hv_vnet_ok(struct host_view *v, const struct vprec_vnet *vnet)
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

struct json *
host_view_vnet_json(const struct vprec_vnet *vnet)
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
    return o;
}

void
hv_add_vnet(struct host_view *v, const struct vprec_vnet *vnet)
{
    add_entry(v, VP_KIND_VNET, host_view_vnet_json(vnet), "%s", vnet->name);
}

bool
hv_port_ok(struct host_view *v, const struct vprec_port *port)
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

struct json *
host_view_port_json(const struct vprec_port *port)
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
    return o;
}

void
hv_add_port(struct host_view *v, const struct vprec_port *port)
{
    add_entry(v, VP_KIND_PORT, host_view_port_json(port), "%s", port->name);
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
const char *
host_view_port_vtep(const struct vprec_port *port)
{
    if (port->host) {
        return host_row_valid(port->host) ? port->host->vtep : NULL;
    }
    return port->vtep;
}

struct json *
host_view_xlate_json(const struct vprec_port *port, const char *ip,
                     const char *vtep)
{
    struct json *o = json_object_create();

    json_object_put_string(o, "vnet", port->vnet->name);
    json_object_put_string(o, "mac", port->mac);
    if (ip) {
        json_object_put_string(o, "ip", ip);
    }
    json_object_put_string(o, "vtep", vtep);
    return o;
}

void
hv_add_xlates(struct host_view *v, const struct vprec_port *port)
{
    const char *vtep = host_view_port_vtep(port);
    size_t n = MAX(port->n_ips, 1);

    for (size_t i = 0; i < n; i++) {
        const char *ip = port->n_ips ? port->ips[i] : NULL;
        add_entry(v, VP_KIND_XLATE, host_view_xlate_json(port, ip, vtep),
                  "%s/%s/%s", port->vnet->name, port->mac, ip ? ip : "-");
    }
}

struct json *
host_view_route_json(const struct vprec_route *route)
{
    struct json *o = json_object_create();

    json_object_put_string(o, "tenant", route->tenant->name);
    json_object_put_string(o, "prefix", route->prefix);
    json_object_put_string(o, "nexthop", route->nexthop);
    return o;
}

void
hv_add_route(struct host_view *v, const struct vprec_route *route)
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
    add_entry(v, VP_KIND_ROUTE, host_view_route_json(route), "%s/%s",
              route->tenant->name, route->prefix);
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
 * an SNAT port block given twice (a hand edit): two hosts must never NAT to
 * the same ports. */
void
hv_add_hosts_and_subsets(struct host_view *v, const struct ovsdb_idl *idl)
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
    struct sset blocks_taken = SSET_INITIALIZER(&blocks_taken);
    int64_t block_size = snat_block_size(d);
    for (size_t i = 0; i < n; i++) {
        h = hosts[i];
        struct json *o = json_object_create();
        json_object_put_string(o, "name", h->name);
        json_object_put_string(o, "vtep", h->vtep);
        if (h->gateway && h->uplink) {
            json_object_put(o, "gateway", json_boolean_create(true));
        }
        struct json *blocks = snat_blocks_host_json(h, block_size,
                                                    &blocks_taken);
        if (blocks) {
            json_object_put(o, "snat-blocks", blocks);
        }
        add_entry(v, VP_KIND_HOST, o, "%s", h->name);

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
    sset_destroy(&blocks_taken);
    free(hosts);

    struct json *o = json_object_create();
    json_object_put(o, "count", json_integer_create(count));
    json_object_put(o, "assignment", assignment);
    if (d) {
        json_object_put_string(o, "owner-rule", d->owner_rule);
        json_object_put_string(o, "query-mode", d->query_mode);
    }
    json_object_put(o, "wan-vni", json_integer_create(nb_wan_vni(d)));
    add_entry(v, VP_KIND_SUBSETS, o, "%s", "");
}

/* This host's uplink to the WAN, if it is a gateway with one. */
void
hv_add_uplink(struct host_view *v, const struct vprec_host *host)
{
    struct json *o = json_object_create();

    if (host->gateway && host->uplink && host->uplink_address
        && host->uplink_router) {
        json_object_put_string(o, "name", host->uplink);
        json_object_put_string(o, "address", host->uplink_address);
        json_object_put_string(o, "router", host->uplink_router);
    }
    add_entry(v, VP_KIND_UPLINK, o, "%s", "");
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
struct json *
host_view_firewall_json(const struct vprec_port *port)
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
    free(id);
    return o;
}

void
hv_add_firewall(struct host_view *v, const struct vprec_port *port)
{
    add_entry(v, VP_KIND_FIREWALL, host_view_firewall_json(port), "%s/%s",
              port->vnet->name, port->mac);
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

/* A NAT rule as hosts get it; its "id" is its identity. */
struct json *
host_view_nat_json(const struct ovsdb_idl *idl,
                   const struct vprec_tenant *t,
                   const struct vprec_nat_rule *r)
{
    struct json *o = json_object_create();
    char *id = (r->protocol && r->n_external_port
                ? xasprintf("%s/%s/%s/%s/%"PRId64, t->name, r->type,
                            r->external_ip, r->protocol, r->external_port[0])
                : xasprintf("%s/%s/%s", t->name, r->type, r->external_ip));

    json_object_put_string(o, "id", id);
    free(id);
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
    return o;
}

/* Every NAT rule of every tenant with external access goes to every host:
 * any host may be the helper a gateway asks about a WAN flow. */
void
hv_add_nat_rules(struct host_view *v, const struct ovsdb_idl *idl,
                 const struct refusals *rs)
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
            if (!row_ok(v, "NAT rule", r->external_ip, error)
                || (rs && refusals_has(rs, &r->header_.uuid, REFUSED_ROW))) {
                continue;
            }
            struct json *o = host_view_nat_json(idl, t, r);
            const struct json *id = shash_find_data(json_object(o), "id");
            add_entry(v, VP_KIND_NAT, o, "%s", json_string(id));
        }
    }
}

void
host_view_compute(const struct ovsdb_idl *idl, const struct vprec_host *host,
                  const struct refusals *rs, struct host_view *v)
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
        if (hmapx_contains(&tenants, vnet->tenant) && hv_vnet_ok(v, vnet)
            && !(rs && refusals_has(rs, &vnet->header_.uuid, REFUSED_ROW))) {
            hmapx_add(&vnets, CONST_CAST(struct vprec_vnet *, vnet));
            hv_add_vnet(v, vnet);
        }
    }
    VPREC_PORT_FOR_EACH (port, idl) {
        if (!hmapx_contains(&vnets, port->vnet) || !hv_port_ok(v, port)
            || (rs && refusals_has(rs, &port->header_.uuid, REFUSED_ROW))) {
            continue;
        }
        if (port->host == host && port->name[0]
            && !(rs && refusals_has(rs, &port->header_.uuid,
                                    REFUSED_LOCAL))) {
            hv_add_port(v, port);
        }
        if (host_view_port_vtep(port)) {
            hv_add_xlates(v, port);
        }
        if (port->n_firewall_rules
            && !(rs && refusals_has(rs, &port->header_.uuid,
                                    REFUSED_FIREWALL))) {
            hv_add_firewall(v, port);
        }
    }
    const struct vprec_route *route;
    VPREC_ROUTE_FOR_EACH (route, idl) {
        if (hmapx_contains(&tenants, route->tenant)
            && !(rs && refusals_has(rs, &route->header_.uuid, REFUSED_ROW))) {
            hv_add_route(v, route);
        }
    }
    hv_add_hosts_and_subsets(v, idl);
    hv_add_uplink(v, host);
    hv_add_nat_rules(v, idl, rs);
    hmapx_destroy(&tenants);
    hmapx_destroy(&vnets);
}
