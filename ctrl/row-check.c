/* ctrl/row-check.c: see row-check.h.
 *
 * Each row is turned into the entries hosts would get (host-view.c's JSON)
 * and given to the hosts' own code: tables_json_parse() and tables_apply()
 * on scratch tables for VNets, VM locations and routes, vp_services_add()
 * on scratch services for firewall and NAT rules.  So the controller and
 * the hosts cannot disagree on what is valid.  Rows of a kind are tried as
 * one batch first, which is what a sane database costs; only when the batch
 * is refused are they tried one at a time, in name order, so that of two
 * rows that conflict the first stays and the second is named.
 *
 * This file sends nothing and decides nothing about which host gets what
 * (host-view.c and view-parts.c do). */
#include <config.h>
#include "row-check.h"

#include <stdlib.h>
#include <string.h>
#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "hmapx.h"
#include "host-view-private.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl-provider.h"
#include "sset.h"
#include "util.h"
#include "vplane/kinds.h"
#include "vplane/services.h"
#include "vplane/stats.h"
#include "vplane/tables-config.h"
#include "vplane/tables-json.h"
#include "vplane/tables.h"

VLOG_DEFINE_THIS_MODULE(row_check);

COVERAGE_DEFINE(row_check_refused);

struct refused_row {
    struct hmap_node node;      /* In refusals->rows. */
    struct uuid uuid;
    enum refusal_kind kind;
    char *what;                 /* "port 02:00:00:00:01:01 in VNet web". */
    char *error;                /* What the hosts' check says. */
};

/* One row, as the entries of one section that hosts would get. */
struct item {
    const void *row;            /* The IDL row. */
    const struct uuid *uuid;
    char *key;                  /* Sort order. */
    char *what;
    struct json *entries;       /* Array; NULL once refused. */
};

void
refusals_init(struct refusals *rs)
{
    hmap_init(&rs->rows);
}

void
refusals_destroy(struct refusals *rs)
{
    if (rs) {
        struct refused_row *r;
        HMAP_FOR_EACH_POP (r, node, &rs->rows) {
            free(r->what);
            free(r->error);
            free(r);
        }
        hmap_destroy(&rs->rows);
    }
}

static uint32_t
refusal_hash(const struct uuid *uuid, enum refusal_kind kind)
{
    return uuid_hash(uuid) ^ kind;
}

bool
refusals_has(const struct refusals *rs, const struct uuid *uuid,
             enum refusal_kind kind)
{
    const struct refused_row *r;

    HMAP_FOR_EACH_WITH_HASH (r, node, refusal_hash(uuid, kind), &rs->rows) {
        if (r->kind == kind && uuid_equals(&r->uuid, uuid)) {
            return true;
        }
    }
    return false;
}

bool
refusals_equal(const struct refusals *a, const struct refusals *b)
{
    const struct refused_row *r;

    if (hmap_count(&a->rows) != hmap_count(&b->rows)) {
        return false;
    }
    HMAP_FOR_EACH (r, node, &a->rows) {
        if (!refusals_has(b, &r->uuid, r->kind)) {
            return false;
        }
    }
    return true;
}

size_t
refusals_count(const struct refusals *rs)
{
    return hmap_count(&rs->rows);
}

static void
refuse(struct refusals *out, const struct uuid *uuid, enum refusal_kind kind,
       const char *what, char *error)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 60);
    struct refused_row *r = xmalloc(sizeof *r);

    r->uuid = *uuid;
    r->kind = kind;
    r->what = xstrdup(what);
    r->error = error;
    hmap_insert(&out->rows, &r->node, refusal_hash(uuid, kind));
    COVERAGE_INC(row_check_refused);
    VLOG_WARN_RL(&rl, "%s left out of the hosts' tables: %s", what, error);
}

static int
compare_items(const void *a_, const void *b_)
{
    const struct item *a = a_, *b = b_;
    return strcmp(a->key, b->key);
}

static void
items_destroy(struct item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(items[i].key);
        free(items[i].what);
        json_destroy(items[i].entries);
    }
    free(items);
}

static struct item *
item_add(struct item **items, size_t *n, size_t *allocated,
         const struct ovsdb_idl_row *row, char *key, char *what,
         struct json *entry)
{
    if (*n >= *allocated) {
        *items = x2nrealloc(*items, allocated, sizeof **items);
    }
    struct item *it = &(*items)[(*n)++];
    it->row = row;
    it->uuid = &row->uuid;
    it->key = key;
    it->what = what;
    it->entries = json_array_create_empty();
    if (entry) {
        json_array_add(it->entries, entry);
    }
    return it;
}

/* The hosts' code on a section of entries: tables sections on the scratch
 * tables (which change only if it accepts; only parsed without them),
 * services sections on 'services'. */
static char *
apply_section(struct vp_tables *tables, struct vp_services *services,
              enum vp_kind kind, const struct json *entries)
{
    const char *section = vp_kinds[kind].key;

    if (vp_kinds[kind].owner == VP_KIND_SERVICES) {
        return vp_services_add(services, section, entries);
    }

    struct json *o = json_object_create();
    struct vp_config c;

    json_object_put(o, section, json_clone(entries));
    vp_config_init(&c);
    c.redefine_vnets = true;
    char *error = tables_json_parse(o, &c);
    if (!error && tables) {
        error = tables_apply(tables, &c);
    }
    vp_config_destroy(&c);
    json_destroy(o);
    return error;
}

/* Tries 'items' as one batch, and if that is refused, one at a time;
 * refused items go into 'out' as 'kind' and lose their entries. */
static void
check_items(struct vp_tables *tables, enum vp_kind section,
            struct item *items, size_t n, enum refusal_kind kind,
            struct refusals *out)
{
    struct vp_services services;
    struct json *all = json_array_create_empty();
    char *error;

    if (!n) {
        json_destroy(all);
        return;
    }
    qsort(items, n, sizeof *items, compare_items);
    for (size_t i = 0; i < n; i++) {
        const struct json_array *a = json_array(items[i].entries);
        for (size_t j = 0; j < a->n; j++) {
            json_array_add(all, json_clone(a->elems[j]));
        }
    }
    vp_services_init(&services);
    error = apply_section(tables, &services, section, all);
    vp_services_destroy(&services);
    json_destroy(all);
    if (!error) {
        return;
    }
    free(error);

    vp_services_init(&services);
    for (size_t i = 0; i < n; i++) {
        error = apply_section(tables, &services, section, items[i].entries);
        if (error) {
            refuse(out, items[i].uuid, kind, items[i].what, error);
            json_destroy(items[i].entries);
            items[i].entries = NULL;
        }
    }
    vp_services_destroy(&services);
}

/* A tenant's VNets; the refused go into 'refused_vnets'. */
static void
check_vnets(struct refusals *out, struct vp_tables *scratch,
            const struct vprec_vnet *const *vnets, size_t n_vnets,
            struct hmapx *refused_vnets)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;

    for (size_t i = 0; i < n_vnets; i++) {
        const struct vprec_vnet *v = vnets[i];
        item_add(&items, &n, &allocated, &v->header_, xstrdup(v->name),
                 xasprintf("VNet %s", v->name), host_view_vnet_json(v));
    }
    check_items(scratch, VP_KIND_VNET, items, n, REFUSED_ROW, out);
    for (size_t i = 0; i < n; i++) {
        if (!items[i].entries) {
            hmapx_add(refused_vnets, CONST_CAST(void *, items[i].row));
        }
    }
    items_destroy(items, n);
}

/* The VMs' locations of a tenant's ports, as every host that serves the
 * tenant gets them. */
static void
check_locations(struct refusals *out, struct vp_tables *scratch,
                const struct vprec_port *const *ports, size_t n_ports,
                const struct hmapx *refused_vnets)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;

    for (size_t i = 0; i < n_ports; i++) {
        const struct vprec_port *p = ports[i];
        const char *vtep = host_view_port_vtep(p);
        if (!vtep || hmapx_contains(refused_vnets, p->vnet)) {
            continue;
        }
        struct item *it = item_add(&items, &n, &allocated, &p->header_,
                                   xasprintf("%s/%s", p->vnet->name, p->mac),
                                   xasprintf("port %s in VNet %s", p->mac,
                                             p->vnet->name), NULL);
        for (size_t j = 0; j < MAX(p->n_ips, 1); j++) {
            json_array_add(it->entries, host_view_xlate_json(
                               p, p->n_ips ? p->ips[j] : NULL, vtep));
        }
    }
    check_items(scratch, VP_KIND_XLATE, items, n, REFUSED_ROW, out);
    items_destroy(items, n);
}

static void
check_routes(struct refusals *out, struct vp_tables *scratch,
             const struct vprec_route *const *routes, size_t n_routes)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;

    for (size_t i = 0; i < n_routes; i++) {
        const struct vprec_route *r = routes[i];
        item_add(&items, &n, &allocated, &r->header_,
                 xasprintf("%s/%s", r->tenant->name, r->prefix),
                 xasprintf("route %s of tenant %s", r->prefix,
                           r->tenant->name),
                 host_view_route_json(r));
    }
    check_items(scratch, VP_KIND_ROUTE, items, n, REFUSED_ROW, out);
    items_destroy(items, n);
}

static void
check_firewalls(struct refusals *out, const struct vprec_port *const *ports,
                size_t n_ports)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;

    for (size_t i = 0; i < n_ports; i++) {
        const struct vprec_port *p = ports[i];
        if (p->n_firewall_rules) {
            item_add(&items, &n, &allocated, &p->header_,
                     xasprintf("%s/%s", p->vnet->name, p->mac),
                     xasprintf("firewall rules of port %s in VNet %s",
                               p->mac, p->vnet->name),
                     host_view_firewall_json(p));
        }
    }
    check_items(NULL, VP_KIND_FIREWALL, items, n, REFUSED_FIREWALL, out);
    items_destroy(items, n);
}

void
row_check_tenant(struct refusals *out,
                 const struct vprec_vnet *const *vnets, size_t n_vnets,
                 const struct vprec_port *const *ports, size_t n_ports,
                 const struct vprec_route *const *routes, size_t n_routes)
{
    struct hmapx refused_vnets = HMAPX_INITIALIZER(&refused_vnets);
    struct vp_tables *scratch = tables_create(0);

    check_vnets(out, scratch, vnets, n_vnets, &refused_vnets);
    check_locations(out, scratch, ports, n_ports, &refused_vnets);
    check_routes(out, scratch, routes, n_routes);
    check_firewalls(out, ports, n_ports);
    tables_destroy(scratch);
    hmapx_destroy(&refused_vnets);
}

/* What a host checks of its own ports beyond their locations: their other
 * fields, one name each, and how many it holds. */
void
row_check_host(struct refusals *out, const struct vprec_host *host,
               const struct vprec_port *const *ports, size_t n_ports)
{
    struct sset names = SSET_INITIALIZER(&names);
    size_t n = 0;

    for (size_t i = 0; i < n_ports; i++) {
        const struct vprec_port *p = ports[i];
        if (!p->name[0]) {
            continue;
        }
        struct json *entries = json_array_create_1(host_view_port_json(p));
        char *error = apply_section(NULL, NULL, VP_KIND_PORT, entries);
        json_destroy(entries);
        if (!error && !sset_add(&names, p->name)) {
            error = xasprintf("port \"%s\": name: host %s has another port "
                              "of that name", p->name, host->name);
        }
        if (!error && ++n >= VP_MAX_PORTS) {
            error = xasprintf("host: \"%s\" holds at most %d ports",
                              host->name, VP_MAX_PORTS - 1);
        }
        if (error) {
            char *what = xasprintf("port %s in VNet %s on host %s", p->mac,
                                   p->vnet->name, host->name);
            refuse(out, &p->header_.uuid, REFUSED_LOCAL, what, error);
            free(what);
        }
    }
    sset_destroy(&names);
}

void
row_check_nat(struct refusals *out, const struct ovsdb_idl *idl)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;
    const struct vprec_tenant *t;

    VPREC_TENANT_FOR_EACH (t, idl) {
        for (size_t i = 0; t->external_access && i < t->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = t->nat_rules[i];
            struct json *o = host_view_nat_json(idl, t, r);
            const struct json *id = shash_find_data(json_object(o), "id");
            item_add(&items, &n, &allocated, &r->header_,
                     xstrdup(json_string(id)),
                     xasprintf("NAT rule %s", json_string(id)), o);
        }
    }
    check_items(NULL, VP_KIND_NAT, items, n, REFUSED_ROW, out);
    items_destroy(items, n);
}

/* Rows grouped by what they are part of, for row_check_all(). */
struct group {
    const void **rows;
    size_t n, allocated;
};

static void
group_add(struct shash *groups, const char *name, const void *row)
{
    struct group *g = shash_find_data(groups, name);

    if (!g) {
        g = xzalloc(sizeof *g);
        shash_add(groups, name, g);
    }
    if (g->n >= g->allocated) {
        g->rows = x2nrealloc(g->rows, &g->allocated, sizeof *g->rows);
    }
    g->rows[g->n++] = row;
}

static const struct group *
group_get(const struct shash *groups, const char *name)
{
    static const struct group empty;
    const struct group *g = shash_find_data(groups, name);
    return g ? g : &empty;
}

static void
groups_destroy(struct shash *groups)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, groups) {
        struct group *g = node->data;
        free(g->rows);
        free(g);
    }
    shash_destroy(groups);
}

void
row_check_all(struct refusals *out, const struct ovsdb_idl *idl)
{
    struct shash vnets = SHASH_INITIALIZER(&vnets);
    struct shash ports = SHASH_INITIALIZER(&ports);
    struct shash routes = SHASH_INITIALIZER(&routes);
    struct shash local = SHASH_INITIALIZER(&local);

    const struct vprec_vnet *v;
    VPREC_VNET_FOR_EACH (v, idl) {
        group_add(&vnets, v->tenant->name, v);
    }
    const struct vprec_port *p;
    VPREC_PORT_FOR_EACH (p, idl) {
        group_add(&ports, p->vnet->tenant->name, p);
        if (p->host) {
            group_add(&local, p->host->name, p);
        }
    }
    const struct vprec_route *r;
    VPREC_ROUTE_FOR_EACH (r, idl) {
        group_add(&routes, r->tenant->name, r);
    }
    const struct vprec_tenant *t;
    VPREC_TENANT_FOR_EACH (t, idl) {
        const struct group *gv = group_get(&vnets, t->name);
        const struct group *gp = group_get(&ports, t->name);
        const struct group *gr = group_get(&routes, t->name);
        row_check_tenant(out, (const struct vprec_vnet *const *) gv->rows,
                         gv->n, (const struct vprec_port *const *) gp->rows,
                         gp->n, (const struct vprec_route *const *) gr->rows,
                         gr->n);
    }
    const struct vprec_host *h;
    VPREC_HOST_FOR_EACH (h, idl) {
        const struct group *g = group_get(&local, h->name);
        row_check_host(out, h, (const struct vprec_port *const *) g->rows,
                       g->n);
    }
    row_check_nat(out, idl);
    groups_destroy(&vnets);
    groups_destroy(&ports);
    groups_destroy(&routes);
    groups_destroy(&local);
}

static int
compare_rows(const void *a_, const void *b_)
{
    const struct refused_row *const *a = a_, *const *b = b_;
    return strcmp((*a)->what, (*b)->what);
}

/* The rows of 'sets', sorted; the caller frees the array. */
static const struct refused_row **
sorted_rows(const struct refusals *const *sets, size_t n_sets, size_t *np)
{
    const struct refused_row **rows = NULL;
    size_t n = 0, allocated = 0;

    for (size_t i = 0; i < n_sets; i++) {
        const struct refused_row *r;
        HMAP_FOR_EACH (r, node, &sets[i]->rows) {
            if (n >= allocated) {
                rows = x2nrealloc(rows, &allocated, sizeof *rows);
            }
            rows[n++] = r;
        }
    }
    if (n) {
        qsort(rows, n, sizeof *rows, compare_rows);
    }
    *np = n;
    return rows;
}

void
refusals_format(const struct refusals *const *sets, size_t n_sets,
                struct ds *s)
{
    size_t n;
    const struct refused_row **rows = sorted_rows(sets, n_sets, &n);

    ds_put_format(s, "%"PRIuSIZE" rows left out of the hosts' tables\n", n);
    for (size_t i = 0; i < n; i++) {
        ds_put_format(s, "  %s ("UUID_FMT"): %s\n", rows[i]->what,
                      UUID_ARGS(&rows[i]->uuid), rows[i]->error);
    }
    free(rows);
}

struct json *
refusals_to_json(const struct refusals *const *sets, size_t n_sets)
{
    size_t n;
    const struct refused_row **rows = sorted_rows(sets, n_sets, &n);
    struct json *array = json_array_create_empty();

    for (size_t i = 0; i < n; i++) {
        struct json *o = json_object_create();
        json_object_put_string(o, "row", rows[i]->what);
        json_object_put_format(o, "uuid", UUID_FMT,
                               UUID_ARGS(&rows[i]->uuid));
        json_object_put_string(o, "error", rows[i]->error);
        json_array_add(array, o);
    }
    free(rows);
    return array;
}
