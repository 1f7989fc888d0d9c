/* ctrl/host-view-diff.c: host views as what vplaned receives (see
 * host-view.h): a whole view as snapshot parts, the update that turns one
 * view into another and whether a snapshot must be sent instead, and the
 * per-entry diff operators read.  Computing a view from the database is
 * host-view.c's; this file reads no database and talks to no host. */
#include <config.h>
#include "host-view.h"
#include "host-view-private.h"

#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "sset.h"
#include "util.h"

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

        if (o && (o == e || !strcmp(o->text, e->text))) {
            continue;           /* Shared entries are often the same. */
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
