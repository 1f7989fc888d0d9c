/* vplane/flow-cache.h: exact-match cache of forwarding decisions.
 *
 * One cache per forwarding thread, so lookups and counter updates take no
 * lock and touch no shared cache line.  An entry holds a flow key, the
 * decision the slow path made for it, and packet/byte counters.  Entries are
 * stamped with the tables' generation: any table change makes every older
 * entry a miss (the slow path then decides again), so the cache never has to
 * be walked to be invalidated.  Two-way set associative: a new flow replaces
 * a stale entry or the less recently used of its two slots.
 *
 * The owning thread holds 'mutex' while it processes a batch; a dump takes
 * it to copy entries out consistently. */
#ifndef VPLANE_FLOW_CACHE_H
#define VPLANE_FLOW_CACHE_H 1

#include <stdint.h>
#include "flow-key.h"
#include "ovs-thread.h"
#include "xlate.h"

#define FLOW_CACHE_SHIFT 13
#define FLOW_CACHE_ENTRIES (1u << FLOW_CACHE_SHIFT)

struct flow_cache_entry {
    struct vp_flow_key key;
    uint32_t hash;
    uint64_t gen;               /* 0: empty. */
    struct vp_action action;
    uint64_t packets;
    uint64_t bytes;
    long long int created;      /* Milliseconds, time_msec(). */
    long long int used;
};

struct flow_cache {
    struct ovs_mutex mutex;
    struct flow_cache_entry entries[FLOW_CACHE_ENTRIES];
};

struct flow_cache *flow_cache_create(void);
void flow_cache_destroy(struct flow_cache *);

struct flow_cache_entry *flow_cache_lookup(struct flow_cache *,
                                           const struct vp_flow_key *,
                                           uint32_t hash, uint64_t gen);
struct flow_cache_entry *flow_cache_insert(struct flow_cache *,
                                           const struct vp_flow_key *,
                                           uint32_t hash, uint64_t gen,
                                           const struct vp_action *,
                                           long long int now);

/* Copies the entry for 'key' of generation 'gen' into '*copy', taking the
 * owning thread's mutex only for the two slots 'key' may be in.  Returns
 * false if there is none.  Changes nothing (a trace's look). */
bool flow_cache_find_copy(struct flow_cache *, const struct vp_flow_key *,
                          uint32_t hash, uint64_t gen,
                          struct flow_cache_entry *copy);

/* Copies the entries of generation 'gen' into '*entries' (malloc'd). */
size_t flow_cache_snapshot(struct flow_cache *, uint64_t gen,
                           struct flow_cache_entry **entries);

#endif /* vplane/flow-cache.h */
