/* vplane/metrics.h: vplaned's metrics, built from the counters it already
 * keeps, in the Prometheus text format (prom.h).  docs/metrics.md lists
 * them. */
#ifndef VPLANE_METRICS_H
#define VPLANE_METRICS_H 1

struct prom;

/* A prom_build_func: 'ctx' is vplaned's struct ctl_context. */
void vplaned_metrics_build(struct prom *, void *ctx);

/* At most this many conntrack entries are walked to count them per
 * tenant: past it the per-tenant counts stop, so that a table of millions
 * of connections does not stall the main loop (the total is exact). */
#define METRICS_CT_WALK_MAX 100000

#endif /* vplane/metrics.h */
