/* vplane/ctl-stateful.c: the control commands about stateful flows --
 * which host owns each flow this host has decided, and the connection state
 * this host holds (docs/ctl.md, docs/stateful-flows.md). */
#include <config.h>
#include "ctl.h"

#include <stdlib.h>
#include <string.h>
#include "conntrack.h"
#include "ct-dpif.h"
#include "dataplane.h"
#include "flow-cache.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "resolver.h"
#include "tables.h"
#include "tables-private.h"
#include "timeval.h"
#include "unixctl.h"
#include "xlate.h"

/* dump-owners: every cached flow that a stateful service applies to, with
 * its owner and how the owner was found. */
static void
cmd_dump_owners(struct unixctl_conn *conn, int argc OVS_UNUSED,
                const char *argv[] OVS_UNUSED, void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct ds s = DS_EMPTY_INITIALIZER;
    struct flow_cache_entry *entries;
    unsigned int *threads;
    size_t n = dataplane_dump_flows(ctx->dp, &entries, &threads);
    const char **names = port_names_by_id(ctx->tables);
    long long int now = time_msec();
    size_t n_rows = 0;

    for (size_t i = 0; i < n; i++) {
        const struct flow_cache_entry *e = &entries[i];
        const struct vp_action *act = &e->action;
        const char *in = names[e->key.in_port];

        if (act->owner_how == VP_OWNER_NONE) {
            continue;
        }
        ds_put_format(&s, "in=%s ", in ? in : "?");
        vp_flow_key_format(&e->key, &s);
        if (act->owner_how == VP_OWNER_SUBSET) {
            /* Rule 3: found per packet; the "wan" lines below. */
            ds_put_cstr(&s, " owner=per-packet");
        } else {
            ds_put_format(&s, " owner="IP_FMT"%s", IP_ARGS(act->owner),
                          act->owner == ctx->tables->self_vtep ? "(self)"
                          : "");
        }
        ds_put_format(&s, " by=%s age=%.1fs\n",
                      vp_owner_how_name(act->owner_how),
                      (now - e->created) / 1000.0);
        n_rows++;
    }
    if (ctx->dp->shared.resolver) {
        size_t len = s.length;
        resolver_format_owners(ctx->dp->shared.resolver, &s);
        n_rows += s.length > len;
    }
    if (!n_rows) {
        ds_put_cstr(&s, "no stateful flows in the flow cache\n");
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    free(names);
    free(entries);
    free(threads);
    ds_destroy(&s);
}

static const struct vp_tenant *
tenant_by_zone(const struct vp_tables *tables, uint16_t zone)
{
    const struct vp_tenant *tenant;

    HMAP_FOR_EACH (tenant, node, &tables->tenants) {
        if (tenant->zone == zone) {
            return tenant;
        }
    }
    return NULL;
}

/* dump-conntrack [TENANT]: the connections this host tracks, as owner of
 * their flows, each with its tenant. */
static void
cmd_dump_conntrack(struct unixctl_conn *conn, int argc, const char *argv[],
                   void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    struct conntrack *ct = dataplane_conntrack(ctx->dp);
    const struct vp_tenant *only = NULL;
    struct ds s = DS_EMPTY_INITIALIZER;
    struct conntrack_dump dump;
    struct ct_dpif_entry entry;
    size_t n_rows = 0;
    int n_buckets;

    if (argc > 1) {
        const struct vp_tenant *tenant;
        HMAP_FOR_EACH (tenant, node, &ctx->tables->tenants) {
            if (!strcmp(tenant->name, argv[1])) {
                only = tenant;
            }
        }
        if (!only) {
            unixctl_command_reply_error(conn, "no such tenant on this host");
            return;
        }
    }
    if (!ct) {
        unixctl_command_reply_error(conn, "forwarding has not started");
        return;
    }

    conntrack_dump_start(ct, &dump, only ? &only->zone : NULL, &n_buckets);
    while (!conntrack_dump_next(&dump, &entry)) {
        const struct vp_tenant *tenant = tenant_by_zone(ctx->tables,
                                                        entry.zone);
        ds_put_format(&s, "tenant=%s ", tenant ? tenant->name : "(gone)");
        ct_dpif_format_entry(&entry, &s, false, false);
        ds_put_char(&s, '\n');
        ct_dpif_entry_uninit(&entry);
        n_rows++;
    }
    conntrack_dump_done(&dump);
    if (!n_rows) {
        ds_put_cstr(&s, "no connections\n");
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

void
ctl_register_stateful_commands(struct ctl_context *ctx)
{
    unixctl_command_register("dump-owners", "", 0, 0, cmd_dump_owners, ctx);
    unixctl_command_register("dump-conntrack", "[TENANT]", 0, 1,
                             cmd_dump_conntrack, ctx);
}
