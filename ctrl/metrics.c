/* ctrl/metrics.c: what vplane-ctrl writes to its metrics file: sessions,
 * hosts, per host the generations sent and acknowledged, snapshots and
 * database transactions -- what ctrl/hosts and ctrl/sessions show.  The
 * per-host labels are bounded by the hosts this controller serves (its
 * shards'), never by anything a host sends.  The format is
 * vplane/prom.c's. */
#include <config.h>
#include "metrics.h"

#include <stdlib.h>
#include "ctrl-private.h"
#include "southbound.h"
#include "vplane/prom.h"
#include "util.h"

static int
compare_hosts(const void *a_, const void *b_)
{
    const struct ctrl_host *const *a = a_, *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

/* The hosts this controller serves, sorted by name (stable files). */
static const struct ctrl_host **
served_hosts(const struct ctrl *c, size_t *np)
{
    const struct ctrl_host **hosts;
    const struct ctrl_host *h;
    size_t n = 0;

    hosts = xmalloc((hmap_count(&c->hosts) + 1) * sizeof *hosts);
    HMAP_FOR_EACH (h, node, &c->hosts) {
        if (ctrl_serves(c, h->name)) {
            hosts[n++] = h;
        }
    }
    qsort(hosts, n, sizeof *hosts, compare_hosts);
    *np = n;
    return hosts;
}

static void
put_per_host(struct prom *p, const struct ctrl_host **hosts, size_t n)
{
    prom_family(p, "vplane_ctrl_host_connected", PROM_GAUGE,
                "1 if the host has a session with this controller.");
    for (size_t i = 0; i < n; i++) {
        prom_sample(p, hosts[i]->session != NULL, "host", hosts[i]->name,
                    NULL);
    }
    prom_family(p, "vplane_ctrl_host_generation_sent", PROM_GAUGE,
                "The last generation of its tables sent to the host.");
    for (size_t i = 0; i < n; i++) {
        prom_sample(p, MAX(hosts[i]->sent_gen, 0), "host", hosts[i]->name,
                    NULL);
    }
    prom_family(p, "vplane_ctrl_host_generation_acked", PROM_GAUGE,
                "The last generation the host acknowledged.");
    for (size_t i = 0; i < n; i++) {
        prom_sample(p, MAX(hosts[i]->acked_gen, 0), "host", hosts[i]->name,
                    NULL);
    }
    prom_family(p, "vplane_ctrl_host_generation_lag", PROM_GAUGE,
                "Generations sent to the host and not acknowledged yet.");
    for (size_t i = 0; i < n; i++) {
        long long int lag = hosts[i]->sent_gen - hosts[i]->acked_gen;
        prom_sample(p, MAX(lag, 0), "host", hosts[i]->name, NULL);
    }
}

static void
ctrl_metrics_build(struct prom *p, void *c_)
{
    const struct ctrl *c = c_;
    size_t n, n_connected = 0;
    const struct ctrl_host **hosts = served_hosts(c, &n);

    for (size_t i = 0; i < n; i++) {
        n_connected += hosts[i]->session != NULL;
    }
    prom_family(p, "vplane_ctrl_active", PROM_GAUGE,
                "1 if this controller holds the database lock (or a shard's) "
                "and serves hosts, 0 on standby.");
    prom_sample(p, c->active, NULL);
    prom_family(p, "vplane_ctrl_sessions", PROM_GAUGE,
                "Southbound sessions open, with or without a hello.");
    prom_sample(p, c->sb ? sb_server_n_sessions(c->sb) : 0, NULL);
    prom_family(p, "vplane_ctrl_hosts", PROM_GAUGE,
                "Hosts this controller serves.");
    prom_sample(p, n, NULL);
    prom_family(p, "vplane_ctrl_hosts_connected", PROM_GAUGE,
                "Hosts served that have a session (after their hello).");
    prom_sample(p, n_connected, NULL);
    prom_family(p, "vplane_ctrl_generation", PROM_GAUGE,
                "The last generation this controller gave out.");
    prom_sample(p, MAX(c->generation, 0), NULL);
    put_per_host(p, hosts, n);
    free(hosts);

    prom_family(p, "vplane_ctrl_snapshots_in_flight", PROM_GAUGE,
                "Snapshots sent and not acknowledged yet.");
    prom_sample(p, ctrl_push_n_in_flight(c), NULL);
    prom_family(p, "vplane_ctrl_snapshots_queued", PROM_GAUGE,
                "Connected hosts waiting for a snapshot slot.");
    prom_sample(p, ovs_list_size(&c->snapshot_queue), NULL);
    prom_family(p, "vplane_ctrl_db_transactions_total", PROM_COUNTER,
                "Database transactions ended, by result (committed, "
                "retried, failed).");
    prom_sample(p, c->n_txn_committed, "result", "committed", NULL);
    prom_sample(p, c->n_txn_retried, "result", "retried", NULL);
    prom_sample(p, c->n_txn_failed, "result", "failed", NULL);
}

struct prom_file *
ctrl_metrics_create(struct ctrl *c, const char *dir, int interval_ms)
{
    char *name = xasprintf("vplane-ctrl-%s", c->name);
    struct prom_file *f = prom_file_create(dir, name, interval_ms,
                                           ctrl_metrics_build, c);
    free(name);
    return f;
}
