/* ctrl/metrics.h: vplane-ctrl's metrics file (--metrics-dir), in the
 * Prometheus text format (vplane/prom.h).  docs/metrics.md lists the
 * metrics. */
#ifndef CTRL_METRICS_H
#define CTRL_METRICS_H 1

struct ctrl;
struct prom_file;

/* DIR/vplane-ctrl-NAME.prom, NAME this controller's --name. */
struct prom_file *ctrl_metrics_create(struct ctrl *, const char *dir,
                                      int interval_ms);

#endif /* ctrl/metrics.h */
