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
 * (host-view.c does). */
#include <config.h>
#include "row-check.h"

#include <stdlib.h>
#include <string.h>
#include "coverage.h"
#include "hmapx.h"
#include "ctrl/vplane-idl.h"
#include "host-view-private.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl-provider.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "util.h"
#include "vplane/services.h"
#include "vplane/tables-config.h"
#include "vplane/tables-json.h"
#include "vplane/stats.h"
#include "vplane/tables.h"

VLOG_DEFINE_THIS_MODULE(row_check);

COVERAGE_DEFINE(row_check_refused);

struct refused_row {
    struct hmap_node node;
    struct uuid uuid;
    char *what;                 /* "port 02:00:00:00:01:01 in VNet web". */
    char *error;                /* What the hosts' check says. */
};

/* One row, as the entries of one section that hosts would get. */
struct item {
    const void *row;            /* The IDL row. */
    const struct uuid *uuid;
    char *key;                  /* Sort order. */
    char *what;
    struct json *entries;       /* Array. */
};

struct check_run {
    struct vp_tables *tables;   /* Scratch: what hosts would hold. */
    struct hmap rows, firewalls;
    struct hmapx refused_vnets; /* const struct vprec_vnet *. */
};

void
row_check_init(struct row_check *rc)
{
    rc->seqno = 0;
    hmap_init(&rc->rows);
    hmap_init(&rc->firewalls);
    rc->n_runs = 0;
    rc->gen = 0;
}

static void
refused_rows_clear(struct hmap *rows)
{
    struct refused_row *r;

    HMAP_FOR_EACH_POP (r, node, rows) {
        free(r->what);
        free(r->error);
        free(r);
    }
}

void
row_check_destroy(struct row_check *rc)
{
    if (rc) {
        refused_rows_clear(&rc->rows);
        hmap_destroy(&rc->rows);
        refused_rows_clear(&rc->firewalls);
        hmap_destroy(&rc->firewalls);
    }
}

static struct refused_row *
refused_find(const struct hmap *rows, const struct uuid *uuid)
{
    struct refused_row *r;

    HMAP_FOR_EACH_WITH_HASH (r, node, uuid_hash(uuid), rows) {
        if (uuid_equals(&r->uuid, uuid)) {
            return r;
        }
    }
    return NULL;
}

bool
row_check_refused(const struct row_check *rc, const struct uuid *uuid)
{
    return refused_find(&rc->rows, uuid) != NULL;
}

bool
row_check_refused_firewall(const struct row_check *rc,
                           const struct uuid *uuid)
{
    return refused_find(&rc->firewalls, uuid) != NULL;
}

unsigned long long
row_check_generation(const struct row_check *rc)
{
    return rc->gen;
}

size_t
row_check_count(const struct row_check *rc)
{
    return hmap_count(&rc->rows) + hmap_count(&rc->firewalls);
}

static void
refuse(struct hmap *rows, const struct item *it, char *error)
{
    struct refused_row *r = xmalloc(sizeof *r);

    r->uuid = *it->uuid;
    r->what = xstrdup(it->what);
    r->error = error;
    hmap_insert(rows, &r->node, uuid_hash(&r->uuid));
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
 * tables (which change only if it accepts), services sections on
 * 'services'. */
static char *
apply_section(struct vp_tables *tables, struct vp_services *services,
              const char *section, const struct json *entries)
{
    if (vp_services_section(section)) {
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
 * refused items go into 'refused' and are flagged (entries set to NULL). */
static void
check_items(struct vp_tables *tables, const char *section,
            struct item *items, size_t n, struct hmap *refused)
{
    struct vp_services services;
    struct json *all = json_array_create_empty();
    char *error;

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
            refuse(refused, &items[i], error);
            json_destroy(items[i].entries);
            items[i].entries = NULL;
        }
    }
    vp_services_destroy(&services);
}

static void
check_vnets(struct check_run *run, const struct ovsdb_idl *idl)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;
    const struct vprec_vnet *v;

    VPREC_VNET_FOR_EACH (v, idl) {
        item_add(&items, &n, &allocated, &v->header_,
                 xstrdup(v->name), xasprintf("VNet %s", v->name),
                 host_view_vnet_json(v));
    }
    check_items(run->tables, "vnets", items, n, &run->rows);
    /* Their ports go with them. */
    for (size_t i = 0; i < n; i++) {
        if (!items[i].entries) {
            hmapx_add(&run->refused_vnets, CONST_CAST(void *, items[i].row));
        }
    }
    items_destroy(items, n);
}

/* A port that reaches a host is its VM's location in every host that
 * serves its tenant, and a local port on its own host: checked as both. */
static void
check_ports(struct check_run *run, const struct ovsdb_idl *idl)
{
    struct sset names = SSET_INITIALIZER(&names);
    struct shash per_host = SHASH_INITIALIZER(&per_host);   /* -> count. */
    struct item *items = NULL;
    size_t n = 0, allocated = 0;
    const struct vprec_port *p;

    VPREC_PORT_FOR_EACH (p, idl) {
        const char *vtep = host_view_port_vtep(p);
        if (!vtep || hmapx_contains(&run->refused_vnets, p->vnet)) {
            continue;
        }
        struct item *it = item_add(&items, &n, &allocated, &p->header_,
                                   xasprintf("%s/%s", p->vnet->name, p->mac),
                                   xasprintf("port %s in VNet %s", p->mac,
                                             p->vnet->name), NULL);
        size_t n_ips = MAX(p->n_ips, 1);
        for (size_t i = 0; i < n_ips; i++) {
            json_array_add(it->entries, host_view_xlate_json(
                               p, p->n_ips ? p->ips[i] : NULL, vtep));
        }
    }
    check_items(run->tables, "xlate", items, n, &run->rows);

    /* What a host checks of its own ports beyond their locations. */
    for (size_t i = 0; i < n; i++) {
        struct item *it = &items[i];
        if (!it->entries) {
            continue;
        }
        p = it->row;
        if (!p->host || !p->name[0]) {
            continue;
        }
        struct json *ports = json_array_create_1(host_view_port_json(p));
        char *error = apply_section(NULL, NULL, "ports", ports);
        json_destroy(ports);
        char *name = xasprintf("%s/%s", p->host->name, p->name);
        if (!error && !sset_add(&names, name)) {
            error = xasprintf("port \"%s\": name: host %s has another "
                              "port of that name", p->name, p->host->name);
        }
        free(name);
        struct shash_node *count = shash_find(&per_host, p->host->name);
        if (!count) {
            count = shash_add(&per_host, p->host->name, NULL);
        }
        if (!error) {
            count->data = (void *) ((uintptr_t) count->data + 1);
            if ((uintptr_t) count->data >= VP_MAX_PORTS) {
                error = xasprintf("host: \"%s\" holds at most %d ports",
                                  p->host->name, VP_MAX_PORTS - 1);
            }
        }
        if (error) {
            refuse(&run->rows, it, error);
        }
    }
    sset_destroy(&names);
    shash_destroy(&per_host);
    items_destroy(items, n);
}

static void
check_routes(struct check_run *run, const struct ovsdb_idl *idl)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;
    const struct vprec_route *r;

    VPREC_ROUTE_FOR_EACH (r, idl) {
        item_add(&items, &n, &allocated, &r->header_,
                 xasprintf("%s/%s", r->tenant->name, r->prefix),
                 xasprintf("route %s of tenant %s", r->prefix,
                           r->tenant->name),
                 host_view_route_json(r));
    }
    check_items(run->tables, "routes", items, n, &run->rows);
    items_destroy(items, n);
}

static void
check_services(struct check_run *run, const struct ovsdb_idl *idl)
{
    struct item *items = NULL;
    size_t n = 0, allocated = 0;
    const struct vprec_port *p;

    VPREC_PORT_FOR_EACH (p, idl) {
        if (p->n_firewall_rules) {
            item_add(&items, &n, &allocated, &p->header_,
                     xasprintf("%s/%s", p->vnet->name, p->mac),
                     xasprintf("firewall rules of port %s in VNet %s",
                               p->mac, p->vnet->name),
                     host_view_firewall_json(p));
        }
    }
    check_items(NULL, "firewall", items, n, &run->firewalls);
    items_destroy(items, n);

    items = NULL;
    n = allocated = 0;
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
    check_items(NULL, "nat", items, n, &run->rows);
    items_destroy(items, n);
}

/* Logs the rows of 'now' that 'before' did not have; true if the two
 * differ. */
static bool
log_new(const struct hmap *before, const struct hmap *now)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 60);
    const struct refused_row *r;
    bool changed = hmap_count(before) != hmap_count(now);

    HMAP_FOR_EACH (r, node, now) {
        if (!refused_find(before, &r->uuid)) {
            COVERAGE_INC(row_check_refused);
            VLOG_WARN_RL(&rl, "%s left out of every host's tables: %s",
                         r->what, r->error);
            changed = true;
        }
    }
    return changed;
}

void
row_check_run(struct row_check *rc, const struct ovsdb_idl *idl)
{
    unsigned int seqno = ovsdb_idl_get_seqno(idl);

    if (rc->seqno && rc->seqno == seqno) {
        return;
    }

    struct check_run run;
    run.tables = tables_create(0);
    hmap_init(&run.rows);
    hmap_init(&run.firewalls);
    hmapx_init(&run.refused_vnets);

    check_vnets(&run, idl);
    check_ports(&run, idl);
    check_routes(&run, idl);
    check_services(&run, idl);

    bool changed = log_new(&rc->rows, &run.rows);
    changed |= log_new(&rc->firewalls, &run.firewalls);
    rc->gen += changed;
    if (row_check_count(rc) && hmap_is_empty(&run.rows)
        && hmap_is_empty(&run.firewalls)) {
        VLOG_INFO("every database row is valid again");
    }
    refused_rows_clear(&rc->rows);
    hmap_swap(&rc->rows, &run.rows);
    refused_rows_clear(&rc->firewalls);
    hmap_swap(&rc->firewalls, &run.firewalls);
    hmap_destroy(&run.rows);
    hmap_destroy(&run.firewalls);
    hmapx_destroy(&run.refused_vnets);
    tables_destroy(run.tables);
    rc->seqno = seqno;
    rc->n_runs++;
}

static int
compare_rows(const void *a_, const void *b_)
{
    const struct refused_row *const *a = a_, *const *b = b_;
    return strcmp((*a)->what, (*b)->what);
}

/* Both maps' rows, sorted; the caller frees the array. */
static const struct refused_row **
sorted_rows(const struct row_check *rc, size_t *np)
{
    size_t n = 0;
    const struct refused_row **rows = xmalloc(MAX(row_check_count(rc), 1)
                                              * sizeof *rows);
    const struct refused_row *r;

    HMAP_FOR_EACH (r, node, &rc->rows) {
        rows[n++] = r;
    }
    HMAP_FOR_EACH (r, node, &rc->firewalls) {
        rows[n++] = r;
    }
    qsort(rows, n, sizeof *rows, compare_rows);
    *np = n;
    return rows;
}

void
row_check_format(const struct row_check *rc, struct ds *s)
{
    size_t n;
    const struct refused_row **rows = sorted_rows(rc, &n);

    ds_put_format(s, "%"PRIuSIZE" rows left out of the hosts' tables\n", n);
    for (size_t i = 0; i < n; i++) {
        ds_put_format(s, "  %s ("UUID_FMT"): %s\n", rows[i]->what,
                      UUID_ARGS(&rows[i]->uuid), rows[i]->error);
    }
    free(rows);
}

struct json *
row_check_to_json(const struct row_check *rc)
{
    size_t n;
    const struct refused_row **rows = sorted_rows(rc, &n);
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
