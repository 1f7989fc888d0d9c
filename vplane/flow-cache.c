/* vplane/flow-cache.c: see flow-cache.h. */
#include <config.h>
#include "flow-cache.h"

#include <string.h>
#include "util.h"

struct flow_cache *
flow_cache_create(void)
{
    struct flow_cache *fc = xzalloc_cacheline(sizeof *fc);

    ovs_mutex_init(&fc->mutex);
    return fc;
}

void
flow_cache_destroy(struct flow_cache *fc)
{
    if (fc) {
        ovs_mutex_destroy(&fc->mutex);
        free_cacheline(fc);
    }
}

static inline struct flow_cache_entry *
slot(struct flow_cache *fc, uint32_t hash, int way)
{
    uint32_t idx = way ? hash >> (32 - FLOW_CACHE_SHIFT) : hash;

    return &fc->entries[idx & (FLOW_CACHE_ENTRIES - 1)];
}

struct flow_cache_entry *
flow_cache_lookup(struct flow_cache *fc, const struct vp_flow_key *key,
                  uint32_t hash, uint64_t gen)
{
    for (int way = 0; way < 2; way++) {
        struct flow_cache_entry *e = slot(fc, hash, way);
        if (e->hash == hash && e->gen == gen
            && !memcmp(&e->key, key, sizeof *key)) {
            return e;
        }
    }
    return NULL;
}

struct flow_cache_entry *
flow_cache_insert(struct flow_cache *fc, const struct vp_flow_key *key,
                  uint32_t hash, uint64_t gen, const struct vp_action *action,
                  long long int now)
{
    struct flow_cache_entry *a = slot(fc, hash, 0);
    struct flow_cache_entry *b = slot(fc, hash, 1);
    struct flow_cache_entry *e;

    if (a->gen != gen) {
        e = a;
    } else if (b->gen != gen) {
        e = b;
    } else {
        e = a->used <= b->used ? a : b;
    }
    e->key = *key;
    e->hash = hash;
    e->gen = gen;
    e->action = *action;
    e->packets = 0;
    e->bytes = 0;
    e->created = now;
    e->used = now;
    return e;
}

bool
flow_cache_find_copy(struct flow_cache *fc, const struct vp_flow_key *key,
                     uint32_t hash, uint64_t gen,
                     struct flow_cache_entry *copy)
{
    ovs_mutex_lock(&fc->mutex);
    struct flow_cache_entry *e = flow_cache_lookup(fc, key, hash, gen);
    if (e) {
        *copy = *e;
    }
    ovs_mutex_unlock(&fc->mutex);
    return e != NULL;
}

size_t
flow_cache_snapshot(struct flow_cache *fc, uint64_t gen,
                    struct flow_cache_entry **entriesp)
{
    struct flow_cache_entry *entries = NULL;
    size_t n = 0, allocated = 0;

    ovs_mutex_lock(&fc->mutex);
    for (size_t i = 0; i < FLOW_CACHE_ENTRIES; i++) {
        if (fc->entries[i].gen == gen) {
            if (n >= allocated) {
                entries = x2nrealloc(entries, &allocated, sizeof *entries);
            }
            entries[n++] = fc->entries[i];
        }
    }
    ovs_mutex_unlock(&fc->mutex);
    *entriesp = entries;
    return n;
}
