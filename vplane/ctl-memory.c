/* vplane/ctl-memory.c: what vplaned holds, for Open vSwitch's memory/show
 * (lib/memory.c registers the command and logs large RSS growth; the main
 * loop hands it these numbers when it asks). */
#include <config.h>
#include "ctl.h"

#include "conntrack.h"
#include "dataplane.h"
#include "drop-log.h"
#include "flow-cache.h"
#include "resolver.h"
#include "simap.h"
#include "tables.h"

/* Kibibytes of 'n' objects of 'size' bytes, rounded up. */
static unsigned int
kib(size_t n, size_t size)
{
    return (n * size + 1023) / 1024;
}

void
ctl_get_memory_usage(const struct ctl_context *ctx, struct simap *usage)
{
    const struct vp_tables *t = ctx->tables;
    size_t n_xlate = tables_n_xlate(t);

    simap_increase(usage, "tenants", hmap_count(&t->tenants));
    simap_increase(usage, "vnets", hmap_count(&t->vnets_by_name));
    simap_increase(usage, "ports", hmap_count(&t->ports_by_name));
    simap_increase(usage, "xlate", n_xlate);
    simap_increase(usage, "xlate-kB", kib(n_xlate, sizeof(struct vp_xlate)));
    simap_increase(usage, "routes", t->n_routes);
    /* The flow caches are fixed arrays, one per forwarding thread. */
    simap_increase(usage, "flow-cache-slots",
                   ctx->dp->n_threads * FLOW_CACHE_ENTRIES);
    simap_increase(usage, "flow-cache-kB",
                   kib(ctx->dp->n_threads, sizeof(struct flow_cache)));
    if (dataplane_conntrack(ctx->dp)) {
        uint32_t n_conns = 0;
        conntrack_get_nconns(dataplane_conntrack(ctx->dp), &n_conns);
        simap_increase(usage, "conntrack", n_conns);
    }
    if (ctx->dp->shared.resolver) {
        resolver_get_memory_usage(ctx->dp->shared.resolver, usage);
    }
    simap_increase(usage, "drop-log", drop_log_get_size());
    simap_increase(usage, "drop-log-kB",
                   kib(drop_log_get_size(), sizeof(struct drop_log_entry)));
}
