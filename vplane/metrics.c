/* vplane/metrics.c: what vplaned writes to its metrics file
 * (--metrics-dir): ports, drops, flow caches, conntrack, resolver,
 * gateways and the controller session, read from the counters that
 * vplane-ctl's commands show.  Labels are bounded by the tables (ports,
 * tenants, gateways) or by fixed lists (drop reasons, resolver counters),
 * never by flows.  The format itself is prom.c's. */
#include <config.h>
#include "metrics.h"

#include <string.h>
#include "conntrack.h"
#include "ct-dpif.h"
#include "ctl.h"
#include "ctrl-client.h"
#include "dataplane.h"
#include "gwlive.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "port.h"
#include "prom.h"
#include "resolver.h"
#include "stats.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"

static const struct {
    const char *name;
    const char *help;
    size_t offset;
} port_families[] = {
    { "vplane_port_rx_packets_total", "Packets received from the VM.",
      offsetof(struct vp_port_counters, rx_packets) },
    { "vplane_port_rx_bytes_total", "Bytes received from the VM.",
      offsetof(struct vp_port_counters, rx_bytes) },
    { "vplane_port_tx_packets_total", "Packets sent to the VM.",
      offsetof(struct vp_port_counters, tx_packets) },
    { "vplane_port_tx_bytes_total", "Bytes sent to the VM.",
      offsetof(struct vp_port_counters, tx_bytes) },
};

/* Per VM port, and the drops of every port, the fabric and the resolver
 * by reason (as drop-stats sums them). */
static void
put_ports_and_drops(struct prom *p, const struct ctl_context *ctx)
{
    const struct vp_tables *t = ctx->tables;
    size_t n = hmap_count(&t->ports_by_name);
    const struct vp_port **ports = xmalloc((n + 1) * sizeof *ports);
    struct vp_port_counters *counters = xmalloc((n + 1) * sizeof *counters);
    struct vp_port_counters all, c;
    const struct vp_port *port;
    size_t i = 0;

    memset(&all, 0, sizeof all);
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        ports[i] = port;
        dataplane_port_counters(ctx->dp, port, &counters[i]);
        vp_port_counters_add(&all, &counters[i]);
        i++;
    }
    for (size_t f = 0; f < ARRAY_SIZE(port_families); f++) {
        prom_family(p, port_families[f].name, PROM_COUNTER,
                    port_families[f].help);
        for (i = 0; i < n; i++) {
            const uint64_t *v = (const uint64_t *)
                ((const char *) &counters[i] + port_families[f].offset);
            prom_sample(p, *v, "port", ports[i]->name,
                        "vnet", ports[i]->vnet->name,
                        "tenant", ports[i]->vnet->tenant->name, NULL);
        }
    }
    free(ports);
    free(counters);

    const struct vp_port *uplink = tables_uplink(t);
    if (uplink) {
        dataplane_port_counters(ctx->dp, uplink, &c);
        vp_port_counters_add(&all, &c);
    }
    dataplane_fabric_counters(ctx->dp, &c);
    vp_port_counters_add(&all, &c);
    if (ctx->dp->shared.resolver) {
        resolver_add_drops(ctx->dp->shared.resolver, all.drops);
    }
    prom_family(p, "vplane_drops_total", PROM_COUNTER,
                "Packets dropped, by reason (vplane-ctl drop-stats).");
    for (int r = 0; r < VP_N_DROP_REASONS; r++) {
        prom_sample(p, all.drops[r], "reason", vp_drop_reason_name(r), NULL);
    }
}

static void
put_flow_cache(struct prom *p, const struct ctl_context *ctx)
{
    struct dataplane_flow *flows;
    uint64_t fast, slow;

    dataplane_path_counters(ctx->dp, &fast, &slow);
    size_t n = dataplane_dump_flows(ctx->dp, &flows);
    free(flows);

    prom_family(p, "vplane_flow_cache_hits_total", PROM_COUNTER,
                "Packets decided by a flow cache (the fast path).");
    prom_sample(p, fast, NULL);
    prom_family(p, "vplane_flow_cache_misses_total", PROM_COUNTER,
                "Packets that needed the tables (the slow path).");
    prom_sample(p, slow, NULL);
    prom_family(p, "vplane_flow_cache_entries", PROM_GAUGE,
                "Entries of the current generation in the flow caches.");
    prom_sample(p, n, NULL);
}

/* Conntrack's total, and per tenant (its zone) up to METRICS_CT_WALK_MAX
 * entries walked. */
static void
put_conntrack(struct prom *p, const struct ctl_context *ctx)
{
    struct conntrack *ct = dataplane_conntrack(ctx->dp);
    const struct vp_tables *t = ctx->tables;
    uint32_t *per_zone = xzalloc(65536 * sizeof *per_zone);
    uint32_t n_conns = 0;
    bool complete = true;

    if (ct) {
        struct conntrack_dump dump;
        struct ct_dpif_entry entry;
        size_t n_walked = 0;
        int n_buckets;

        conntrack_get_nconns(ct, &n_conns);
        conntrack_dump_start(ct, &dump, NULL, &n_buckets);
        while (!conntrack_dump_next(&dump, &entry)) {
            per_zone[entry.zone]++;
            ct_dpif_entry_uninit(&entry);
            if (++n_walked >= METRICS_CT_WALK_MAX) {
                complete = false;
                break;
            }
        }
        conntrack_dump_done(&dump);
    }

    prom_family(p, "vplane_conntrack_entries", PROM_GAUGE,
                "Connections tracked (stateful flows), all tenants.");
    prom_sample(p, n_conns, NULL);
    prom_family(p, "vplane_conntrack_tenant_entries", PROM_GAUGE,
                "Connections tracked in a tenant's zone.");
    if (complete) {
        const struct vp_tenant *tenant;
        HMAP_FOR_EACH (tenant, node, &t->tenants) {
            char zone[8];
            snprintf(zone, sizeof zone, "%"PRIu16, tenant->zone);
            prom_sample(p, per_zone[tenant->zone], "tenant", tenant->name,
                        "zone", zone, NULL);
        }
    }
    prom_family(p, "vplane_conntrack_tenant_entries_complete", PROM_GAUGE,
                "1 if vplane_conntrack_tenant_entries counted every "
                "connection, 0 if the walk stopped at its bound.");
    prom_sample(p, complete, NULL);
    free(per_zone);
}

/* The resolver's counters (dump-owners' counters) by their names there,
 * and its tables' sizes; gateway liveness. */
/* Integer members of the resolver's counters, sorted (stable files):
 * those named "size-..." if 'sizes', the others if not. */
static void
put_resolver_members(struct prom *p, const struct json *counters,
                     const char *label, bool sizes)
{
    if (!counters) {
        return;
    }
    const struct shash_node **nodes = shash_sort(json_object(counters));
    for (size_t i = 0; i < shash_count(json_object(counters)); i++) {
        const struct json *v = nodes[i]->data;
        const char *name = nodes[i]->name;
        bool is_size = !strncmp(name, "size-", 5);
        if (v->type == JSON_INTEGER && is_size == sizes) {
            prom_sample(p, json_integer(v), label, sizes ? name + 5 : name,
                        NULL);
        }
    }
    free(nodes);
}

/* The resolver's counters (dump-owners' counters) by their names there,
 * and its tables' sizes; gateway liveness. */
static void
put_resolver(struct prom *p, const struct ctl_context *ctx)
{
    const struct resolver *r = ctx->dp->shared.resolver;
    struct json *counters = r ? resolver_counters_json(r) : NULL;

    prom_family(p, "vplane_resolver_events_total", PROM_COUNTER,
                "Owner and resolver events, by counter (vplane-ctl "
                "dump-owners).");
    put_resolver_members(p, counters, "counter", false);
    prom_family(p, "vplane_resolver_table_entries", PROM_GAUGE,
                "Entries in the resolver's tables, by table.");
    put_resolver_members(p, counters, "table", true);
    json_destroy(counters);

    prom_family(p, "vplane_gateway_up", PROM_GAUGE,
                "1 if the gateway answers its probes, 0 if not (down or "
                "still probing).");
    if (r) {
        struct json *rows = gwlive_rows_json(resolver_gwlive(r), time_msec());
        for (size_t i = 0; i < json_array(rows)->n; i++) {
            const struct json *row = json_array(rows)->elems[i];
            const struct json *gw = shash_find_data(json_object(row),
                                                    "gateway");
            const struct json *st = shash_find_data(json_object(row),
                                                    "state");
            prom_sample(p, !strcmp(json_string(st), "up"),
                        "gateway", json_string(gw), NULL);
        }
        json_destroy(rows);
    }
}

static void
put_controller(struct prom *p, const struct ctl_context *ctx)
{
    struct json *brief = ctx->client ? ctrl_client_brief_json(ctx->client)
                                     : NULL;
    const char *state = "";
    long long int gen = 0;

    if (brief) {
        const struct json *s = shash_find_data(json_object(brief), "state");
        const struct json *g = shash_find_data(json_object(brief),
                                               "generation");
        state = s ? json_string(s) : "";
        gen = g ? json_integer(g) : 0;
    }
    prom_family(p, "vplane_controller_connected", PROM_GAUGE,
                "1 if a session with the controller is up (hello done).");
    prom_sample(p, brief && strcmp(state, "disconnected")
                && strcmp(state, "connecting"), NULL);
    prom_family(p, "vplane_controller_in_sync", PROM_GAUGE,
                "1 if the tables are the controller's last generation.");
    prom_sample(p, brief && !strcmp(state, "in sync"), NULL);
    prom_family(p, "vplane_controller_generation", PROM_GAUGE,
                "The controller's generation of the tables applied here "
                "(0 without a controller).");
    prom_sample(p, MAX(gen, 0), NULL);
    prom_family(p, "vplane_tables_generation", PROM_GAUGE,
                "This host's own count of changes applied to its tables.");
    prom_sample(p, tables_gen(ctx->tables), NULL);
    json_destroy(brief);
}

void
vplaned_metrics_build(struct prom *p, void *ctx_)
{
    const struct ctl_context *ctx = ctx_;

    put_ports_and_drops(p, ctx);
    put_flow_cache(p, ctx);
    put_conntrack(p, ctx);
    put_resolver(p, ctx);
    put_controller(p, ctx);
}
