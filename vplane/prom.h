/* vplane/prom.h: the Prometheus text format (version 0.0.4), written the
 * node_exporter textfile-collector way, shared by vplaned and vplane-ctrl.
 *
 * A program builds its metrics into a struct prom from the counters it
 * already keeps (prom_family() then prom_sample()s), and a struct
 * prom_file rewrites DIR/NAME.prom with them every interval: a temporary
 * file in DIR, then rename(), so that a collector never reads half a
 * file.  No HTTP here: node_exporter serves the directory.  Writing never
 * fails the program: a failure is counted, logged (rate-limited) and tried
 * again at the next interval.  docs/metrics.md lists every metric. */
#ifndef VPLANE_PROM_H
#define VPLANE_PROM_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/dynamic-string.h"

/* Text larger than this is cut at a sample (and the cut counted): a
 * runaway label set cannot fill the collector's disk. */
#define PROM_MAX_BYTES (8 * 1024 * 1024)

enum prom_type { PROM_COUNTER, PROM_GAUGE };

struct prom {
    struct ds text;
    const char *family;         /* Name of the family being written. */
    size_t n_skipped;           /* Samples left out by PROM_MAX_BYTES. */
};

void prom_init(struct prom *);
void prom_destroy(struct prom *);

/* Starts family 'name' (a counter's ends in "_total") with its # HELP and
 * # TYPE lines.  Every family is started once. */
void prom_family(struct prom *, const char *name, enum prom_type,
                 const char *help);
/* Adds a sample of the current family: 'value', then label names and
 * values as pairs of strings ending with NULL.  Label values are escaped
 * here. */
void prom_sample(struct prom *, uint64_t value, ...)
    __attribute__((__sentinel__));

/* One metrics file, rewritten every 'interval_ms'. */
struct prom_file;

typedef void prom_build_func(struct prom *, void *aux);

/* 'dir' must exist; 'name' is the file's name without ".prom" (it is
 * checked by the caller: a vPlane name has no '/'). */
struct prom_file *prom_file_create(const char *dir, const char *name,
                                   int interval_ms, prom_build_func *,
                                   void *aux);
void prom_file_destroy(struct prom_file *);
void prom_file_run(struct prom_file *);
void prom_file_wait(const struct prom_file *);

/* The options both daemons take: --metrics-dir=DIR (an existing
 * directory, returned absolute: --detach changes to "/") and
 * --metrics-interval=SECS (1 to 3600).  Exit with an error otherwise. */
char *prom_dir_option(const char *arg);
int prom_interval_option(const char *arg);

#endif /* vplane/prom.h */
