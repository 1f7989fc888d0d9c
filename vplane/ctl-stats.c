/* vplane/ctl-stats.c: this host's counters as one report for the
 * controller (vplane.1.stats, docs/protocol.md): per VNet, the sum of the
 * host's VM ports in it; the fabric; drops by reason.  The counters are
 * cumulative since vplaned started, as `port/list` and `drop-stats` show
 * them. */
#include <config.h>
#include "ctl.h"

#include <string.h>
#include "dataplane.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "port.h"
#include "resolver.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

static uint64_t
total_drops(const struct vp_port_counters *c)
{
    return vp_port_counters_total_drops(c);
}

static struct json *
counts_json(const struct vp_port_counters *c)
{
    struct json *o = json_object_create();

    json_object_put(o, "rx-packets", json_integer_create(c->rx_packets));
    json_object_put(o, "rx-bytes", json_integer_create(c->rx_bytes));
    json_object_put(o, "tx-packets", json_integer_create(c->tx_packets));
    json_object_put(o, "tx-bytes", json_integer_create(c->tx_bytes));
    json_object_put(o, "drops", json_integer_create(total_drops(c)));
    return o;
}

struct json *
ctl_stats_report(void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const struct vp_tables *t = ctx->tables;
    struct vp_port_counters all, c;
    struct shash vnets = SHASH_INITIALIZER(&vnets);

    /* The VNets with a port here (at most one per port: the report stays
     * within what the controller takes). */
    memset(&all, 0, sizeof all);
    const struct vp_port *port;
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        dataplane_port_counters(ctx->dp, port, &c);
        vp_port_counters_add(&all, &c);
        struct vp_port_counters *sum = shash_find_data(&vnets,
                                                       port->vnet->name);
        if (!sum) {
            sum = xzalloc(sizeof *sum);
            shash_add(&vnets, port->vnet->name, sum);
        }
        vp_port_counters_add(sum, &c);
    }
    const struct vp_port *uplink = tables_uplink(t);
    if (uplink) {
        dataplane_port_counters(ctx->dp, uplink, &c);
        vp_port_counters_add(&all, &c);
    }

    struct json *j_vnets = json_array_create_empty();
    const struct shash_node **nodes = shash_sort(&vnets);
    for (size_t i = 0; i < shash_count(&vnets); i++) {
        struct json *o = counts_json(nodes[i]->data);
        json_object_put_string(o, "name", nodes[i]->name);
        json_array_add(j_vnets, o);
    }
    free(nodes);
    shash_destroy_free_data(&vnets);

    dataplane_fabric_counters(ctx->dp, &c);
    struct json *fabric = counts_json(&c);
    vp_port_counters_add(&all, &c);
    if (ctx->dp->shared.resolver) {
        resolver_add_drops(ctx->dp->shared.resolver, all.drops);
    }
    struct json *drops = json_object_create();
    for (int r = 0; r < VP_N_DROP_REASONS; r++) {
        if (all.drops[r]) {
            json_object_put(drops, vp_drop_reason_name(r),
                            json_integer_create(all.drops[r]));
        }
    }

    struct json *report = json_object_create();
    json_object_put(report, "vnets", j_vnets);
    json_object_put(report, "fabric", fabric);
    json_object_put(report, "drops", drops);
    return report;
}
