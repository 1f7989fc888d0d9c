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
#include "openvswitch/dynamic-string.h"
#include "table-kind.h"
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
    for (size_t i = 0; i < VP_N_KINDS; i++) {
        free(r->kinds[i].ids);
    }
}

void *
vp_removal_add(struct vp_removal *r, enum vp_kind kind)
{
    struct vp_removal_ids *ids = &r->kinds[kind];
    size_t size = vp_table_kinds[kind]->id_size;

    if (ids->n >= ids->allocated) {
        ids->ids = x2nrealloc(ids->ids, &ids->allocated, size);
    }
    void *id = (char *) ids->ids + ids->n++ * size;
    memset(id, 0, size);
    return id;
}

const void *
vp_removal_id(const struct vp_removal *r, enum vp_kind kind, size_t i)
{
    size_t size = vp_table_kinds[kind]->id_size;

    return (const char *) r->kinds[kind].ids + i * size;
}

size_t
vp_removal_count(const struct vp_removal *r, enum vp_kind kind)
{
    return r->kinds[kind].n;
}

char *
vp_removal_parse(const struct json *json, struct vp_config *pool,
                 struct vp_removal *r)
{
    if (json->type != JSON_OBJECT) {
        return xstrdup("remove: must be an object");
    }
    /* The services' removals are services.c's (vp_services_remove()), the
     * hosts' the client's (vp_peers_remove_hosts()). */
    VP_KIND_FOR_EACH (k) {
        const struct json *v = shash_find_data(json_object(json), k->key);
        const struct vp_table_kind *tk = vp_table_kinds[k->kind];
        if (!v || k->shape != VP_KIND_ARRAY
            || k->owner == VP_KIND_SERVICES) {
            continue;
        }
        if (v->type != JSON_ARRAY) {
            return xasprintf("remove.%s: must be an array", k->key);
        }
        const struct json_array *a = json_array(v);
        for (size_t i = 0; tk && i < a->n; i++) {
            char *error = tk->parse_id(a->elems[i], k->key, i, pool,
                                       vp_removal_add(r, k->kind));
            if (error) {
                r->kinds[k->kind].n--;
                return error;
            }
        }
    }
    return NULL;
}

void
tables_remove(struct vp_tables *t, const struct vp_removal *r)
{
    /* In the reverse order of application: what is inside a VNet first,
     * the VNets last. */
    for (const struct vp_kind_info *k = &vp_kinds[VP_N_KINDS - 1];
         k >= vp_kinds; k--) {
        const struct vp_table_kind *tk = vp_table_kinds[k->kind];
        for (size_t i = 0; tk && i < vp_removal_count(r, k->kind); i++) {
            tk->remove(t, vp_removal_id(r, k->kind, i));
        }
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

bool
tables_sync_key_find(const struct hmap *keys, const char *scope, uint64_t a,
                     uint64_t b)
{
    struct sync_key *k;
    uint32_t hash = hash_2words(hash_string(scope, 0), hash_uint64(a ^ b));

    HMAP_FOR_EACH_WITH_HASH (k, node, hash, keys) {
        if (!strcmp(k->scope, scope) && k->a == a && k->b == b) {
            return true;
        }
    }
    return false;
}

void
tables_sync_key_add(struct hmap *keys, const char *scope, uint64_t a,
                    uint64_t b)
{
    struct sync_key *k = xmalloc(sizeof *k);

    k->scope = scope;
    k->a = a;
    k->b = b;
    hmap_insert(keys, &k->node,
                hash_2words(hash_string(scope, 0), hash_uint64(a ^ b)));
}

void
tables_sync_keys_destroy(struct hmap *keys)
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

    /* What the live tables have beyond the snapshot, each kind by its
     * unit.  The identities are copied into 'pool': the removal frees what
     * they name in the live tables. */
    struct vp_config pool;
    struct vp_removal r;
    size_t n_removed = 0;

    vp_config_init(&pool);
    vp_removal_init(&r);
    VP_TABLE_KIND_FOR_EACH (k, tk) {
        tk->stale(t, c, &pool, &r);
        n_removed += vp_removal_count(&r, k->kind);
    }
    error = tables_update(t, &r, c);
    if (!error && n_removed) {
        struct ds s = DS_EMPTY_INITIALIZER;
        VP_TABLE_KIND_FOR_EACH (k, tk) {
            ds_put_format(&s, "%s%"PRIuSIZE" %s", s.length ? ", " : "",
                          vp_removal_count(&r, k->kind), tk->noun);
        }
        VLOG_INFO("snapshot: removed %s it no longer holds", ds_cstr(&s));
        ds_destroy(&s);
    }
    vp_removal_destroy(&r);
    vp_config_destroy(&pool);
    return error;
}
