/* vplane/libvirt-nics.c: the NICs of libvirt's domains on this host --
 * attached as port/add does, detached as port/del does, and, under a
 * controller, the ports of VMs that went away while vplaned was down.  See
 * libvirt-watch.h. */
#include <config.h>
#include "libvirt-private.h"

#include <string.h>
#include "coverage.h"
#include "ctl.h"
#include "ctrl-client.h"
#include "openvswitch/vlog.h"
#include "port.h"
#include "tables-config.h"
#include "tables.h"
#include "util.h"

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
        /* Without a controller the port is this NIC's only if it still has
         * its MAC: someone may have put another one under the name. */
        const struct vp_port *port = tables_port_by_name(w->ctx->tables,
                                                         nic->spec.tap);
        char *error = (w->ctx->client
                       || (port && eth_addr_equals(port->mac, nic->spec.mac))
                       ? ctl_port_down(w->ctx, nic->spec.tap)
                       : xasprintf("port %s is not this NIC's any more",
                                   nic->spec.tap));
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
    shash_delete(&w->nics, nic->node);
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

/* Attaches 'nic' as port/add does, or reports it; returns NULL or an
 * error. */
static char *
nic_port_up(struct lv_watch *w, const struct lv_nic *nic)
{
    struct vp_port_spec port = {
        .name = nic->spec.tap,
        .vnet = nic->spec.vnet,
        .mac = nic->spec.mac,
        .n_ips = nic->spec.n_ips,
        .ips = CONST_CAST(ovs_be32 *, nic->spec.ips),
    };
    char *vm = xasprintf(LV_VM_PREFIX"%s", nic->uuid);
    char *error = ctl_port_up(w->ctx, &port, vm);
    free(vm);
    return error;
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
    /* A valid entry is the only one with its MAC (libvirt-xml.c refuses a
     * MAC listed twice); a refused one may share it, so it is keyed by its
     * position.  Sorted, both keep a domain's NICs together. */
    nic->key = (nic->spec.error
                ? xasprintf("%s entry %"PRIuSIZE, uuid, index)
                : xasprintf("%s "ETH_ADDR_FMT, uuid,
                            ETH_ADDR_ARGS(nic->spec.mac)));
    nic->node = shash_add(&w->nics, nic->key, nic);

    if (!nic->spec.error && !nic->spec.tap) {
        nic->spec.error = xstrdup("the interface has no tap name "
                                  "(<target dev>)");
    }
    if (!nic->spec.error) {
        nic->spec.error = nic_port_up(w, nic);
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
        } else if (nic->attached && w->ctx->client
                   && !ctrl_client_port_reported(w->ctx->client,
                                                 nic->spec.tap)) {
            /* The controller moved the port away (a migration that then
             * failed, say) and this host stopped reporting it; the NIC is
             * here and running, so it is reported again. */
            VLOG_INFO("domain %s: NIC %s reported again", domain,
                      nic->spec.tap);
            free(nic_port_up(w, nic));   /* No error under a controller. */
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!unchanged[i]) {
            nic_add(w, uuid, domain, &specs[i], i);
        }
    }
    free(unchanged);
}

/* Under a controller: the controller's tables may hold a port of a VM that
 * went away while this vplaned was down (or disconnected from libvirt).
 * Once a full resync has read every domain, and the controller's snapshot
 * is in, every port whose VM identity is libvirt's ("libvirt:UUID", as
 * this watcher reports them) but that no running NIC here matches is
 * reported down.  Ports attached with port/add, whatever their identity,
 * are left alone. */
void
lv_nics_report_stale(struct lv_watch *w)
{
    struct vp_tables *t = w->ctx->tables;

    if (!w->stale_check || !w->ctx->client || !w->conn
        || !ctrl_client_is_synced(w->ctx->client)) {
        return;
    }
    w->stale_check = false;

    struct sset attached = SSET_INITIALIZER(&attached);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &w->nics) {
        const struct lv_nic *nic = node->data;
        if (nic->attached) {
            sset_add_and_free(&attached, xasprintf("%s "LV_VM_PREFIX"%s",
                                                   nic->spec.tap, nic->uuid));
        }
    }

    struct sset stale = SSET_INITIALIZER(&stale);
    const struct vp_port *port;
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        if (port->vm && !strncmp(port->vm, LV_VM_PREFIX,
                                 strlen(LV_VM_PREFIX))) {
            char *key = xasprintf("%s %s", port->name, port->vm);
            if (!sset_contains(&attached, key)) {
                VLOG_INFO("port %s: %s runs no such NIC here; reported down",
                          port->name, port->vm);
                sset_add(&stale, port->name);
            }
            free(key);
        }
    }
    const char *name;
    SSET_FOR_EACH (name, &stale) {
        free(ctl_port_down(w->ctx, name));
    }
    sset_destroy(&stale);
    sset_destroy(&attached);
}
