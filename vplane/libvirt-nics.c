/* vplane/libvirt-nics.c: the NICs of libvirt's domains on this host --
 * attached as port/add does, detached as port/del does, and, under a
 * controller, the ports of VMs that went away while vplaned was down.  See
 * libvirt-watch.h. */
#include <config.h>
#include "libvirt-private.h"

#include <string.h>
#include "coverage.h"
#include "ctl.h"
#include "openvswitch/vlog.h"
#include "port.h"
#include "tables-config.h"
#include "tables.h"
#include "util.h"
#include "uuid.h"

VLOG_DEFINE_THIS_MODULE(libvirt_nics);

COVERAGE_DEFINE(libvirt_nic_refused);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
lv_nic_free(struct lv_nic *nic)
{
    if (nic) {
        free(nic->key);
        free(nic->domain);
        lv_nic_spec_clear(&nic->spec);
        free(nic);
    }
}

static void
nic_detach(struct lv_watch *w, struct lv_nic *nic)
{
    if (nic->attached) {
        char *error = ctl_port_down(w->ctx, nic->spec.tap);
        if (error) {
            /* Already gone from the tables (the controller removed it). */
            VLOG_DBG("domain %s: %s", nic->domain, error);
            free(error);
        }
        VLOG_INFO("domain %s: NIC %s ("ETH_ADDR_FMT") detached",
                  nic->domain, nic->spec.tap, ETH_ADDR_ARGS(nic->spec.mac));
        nic->attached = false;
    }
}

void
lv_nic_remove(struct lv_watch *w, struct lv_nic *nic)
{
    nic_detach(w, nic);
    shash_find_and_delete_assert(&w->nics, nic->key);
    lv_nic_free(nic);
}

static bool
spec_equal(const struct lv_nic_spec *a, const struct lv_nic_spec *b)
{
    return (eth_addr_equals(a->mac, b->mac)
            && nullable_string_is_equal(a->vnet, b->vnet)
            && nullable_string_is_equal(a->tap, b->tap)
            && nullable_string_is_equal(a->error, b->error)
            && a->n_ips == b->n_ips
            && !memcmp(a->ips, b->ips, a->n_ips * sizeof *a->ips));
}

/* Takes over 'spec' (and clears it) for a new NIC and attaches it.
 * 'index' is the entry's position in the metadata: it names an entry whose
 * MAC could not be read. */
static void
nic_add(struct lv_watch *w, const char *uuid, const char *domain,
        struct lv_nic_spec *spec, size_t index)
{
    struct lv_nic *nic = xzalloc(sizeof *nic);

    ovs_strzcpy(nic->uuid, uuid, sizeof nic->uuid);
    nic->domain = xstrdup(domain);
    nic->spec = *spec;
    memset(spec, 0, sizeof *spec);
    nic->key = (eth_addr_is_zero(nic->spec.mac)
                ? xasprintf("%s entry %"PRIuSIZE, uuid, index)
                : xasprintf("%s "ETH_ADDR_FMT, uuid,
                            ETH_ADDR_ARGS(nic->spec.mac)));
    shash_add(&w->nics, nic->key, nic);

    if (!nic->spec.error && !nic->spec.tap) {
        nic->spec.error = xstrdup("the interface has no tap name "
                                  "(<target dev>)");
    }
    if (!nic->spec.error) {
        struct vp_port_spec port = {
            .name = nic->spec.tap,
            .vnet = nic->spec.vnet,
            .mac = nic->spec.mac,
            .n_ips = nic->spec.n_ips,
            .ips = nic->spec.ips,
        };
        nic->spec.error = ctl_port_up(w->ctx, &port, uuid);
    }
    if (nic->spec.error) {
        w->n_refused++;
        COVERAGE_INC(libvirt_nic_refused);
        VLOG_WARN_RL(&rl, "domain %s: NIC "ETH_ADDR_FMT" not attached: %s",
                     domain, ETH_ADDR_ARGS(nic->spec.mac), nic->spec.error);
        return;
    }
    nic->attached = true;
    VLOG_INFO("domain %s: NIC %s ("ETH_ADDR_FMT") in VNet %s %s", domain,
              nic->spec.tap, ETH_ADDR_ARGS(nic->spec.mac), nic->spec.vnet,
              w->ctx->client ? "reported up to the controller" : "attached");
}

/* An unchanged NIC is left alone. */
void
lv_nics_apply(struct lv_watch *w, const char *uuid, const char *domain,
                  struct lv_nic_spec *specs, size_t n)
{
    bool *unchanged = xcalloc(n + 1, sizeof *unchanged);
    struct shash_node *node;

    SHASH_FOR_EACH_SAFE (node, &w->nics) {
        struct lv_nic *nic = node->data;
        if (strcmp(nic->uuid, uuid)) {
            continue;
        }
        size_t i;
        for (i = 0; i < n; i++) {
            if (!unchanged[i] && !eth_addr_is_zero(specs[i].mac)
                && spec_equal(&specs[i], &nic->spec)) {
                unchanged[i] = true;
                break;
            }
        }
        if (i == n) {
            lv_nic_remove(w, nic);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!unchanged[i]) {
            nic_add(w, uuid, domain, &specs[i], i);
        }
    }
    free(unchanged);
}

/* Under a controller, after a restart: the controller's tables may hold a
 * port of a VM that went away while vplaned was down.  Ports with a VM
 * identity shaped like a libvirt UUID but no NIC of that domain attached
 * here are reported down.  (A port without a VM identity, attached by
 * port/add, is not libvirt's and is left alone.) */
void
lv_nics_report_stale(struct lv_watch *w)
{
    struct vp_tables *t = w->ctx->tables;

    if (!w->ctx->client || !w->conn || w->full_resync
        || tables_gen(t) == w->stale_gen) {
        return;
    }
    w->stale_gen = tables_gen(t);

    struct sset attached = SSET_INITIALIZER(&attached);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &w->nics) {
        const struct lv_nic *nic = node->data;
        if (nic->attached) {
            sset_add_and_free(&attached, xasprintf("%s %s", nic->spec.tap,
                                                   nic->uuid));
        }
    }

    struct sset present = SSET_INITIALIZER(&present);
    const struct vp_port *port;
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        struct uuid ignored;

        sset_add(&present, port->name);
        if (!port->vm || !uuid_from_string(&ignored, port->vm)
            || sset_contains(&w->stale, port->name)) {
            continue;
        }
        char *key = xasprintf("%s %s", port->name, port->vm);
        if (!sset_contains(&attached, key)) {
            VLOG_INFO("port %s: domain %s runs no such NIC here; reported "
                      "down", port->name, port->vm);
            free(ctl_port_down(w->ctx, port->name));
            sset_add(&w->stale, port->name);
        }
        free(key);
    }

    const char *name;
    SSET_FOR_EACH_SAFE (name, &w->stale) {
        if (!sset_contains(&present, name)) {
            sset_delete(&w->stale, SSET_NODE_FROM_NAME(name));
        }
    }
    sset_destroy(&present);
    sset_destroy(&attached);
}
