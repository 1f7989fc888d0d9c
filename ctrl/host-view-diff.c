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

static const struct vp_kind_info *
kind_info(char kind)
{
    const struct vp_kind_info *k = vp_kind_by_letter(kind);

    ovs_assert(k);              /* Keys are made from the kinds list. */
    return k;
}

/* Adds entry 'e' of kind 'kind' to tables object 'tables'. */
static void
put_entry(struct json *tables, char kind, const struct view_entry *e)
{
    const struct vp_kind_info *k = kind_info(kind);

    if (k->shape == VP_KIND_WHOLE) {
        json_object_put(tables, k->key, json_clone(e->json));
        return;
    }
    struct json *array = shash_find_data(json_object(tables), k->key);
    if (!array) {
        array = json_array_create_empty();
        json_object_put(tables, k->key, array);
    }
    json_array_add(array, json_clone(e->json));
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
    const struct vp_kind_info *k = kind_info(kind);
    struct json *array = shash_find_data(json_object(remove), k->key);
    if (!array) {
        array = json_array_create_empty();
        json_object_put(remove, k->key, array);
    }
    json_array_add(array, vp_kind_identity(k, e->json));
}

size_t
host_view_to_parts(const struct host_view *v, size_t max_entries,
                   struct json ***partsp)
{
    struct json **parts = NULL;
    size_t n_parts = 0, allocated = 0, in_part = max_entries;
    /* VNets and what refers to them first (the kinds list's order): a
     * host applies the parts in order, but only after the last one, all at
     * once. */
    VP_KIND_FOR_EACH (k) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &v->entries) {
            if (node->name[0] != k->letter) {
                continue;
            }
            if (in_part >= max_entries) {
                if (n_parts >= allocated) {
                    parts = x2nrealloc(parts, &allocated, sizeof *parts);
                }
                parts[n_parts++] = json_object_create();
                in_part = 0;
            }
            put_entry(parts[n_parts - 1], k->letter, node->data);
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

        if (kind_info(kind)->shape == VP_KIND_WHOLE
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
