/* vplane/ctl-table-dumps.c: the table dump commands -- vnet/dump,
 * route/dump, xlate/dump, one per kind that has a dump in its unit
 * (kind-*.c, vplane/table-kind.h), registered by walking the kinds list --
 * and subsets/dump.  What every dump shares is ctl-dumps.c's; the formats
 * are documented in docs/ctl.md. */
#include <config.h>
#include "ctl.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl-client.h"
#include "dataplane.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "peers.h"
#include "resolver.h"
#include "table-kind.h"
#include "unixctl.h"
#include "util.h"
#include "vplane/kinds.h"

/* Adds 'row' to 'rows' if 'filter' matches it in 'cols', else frees it. */
static void
add_row(struct json *rows, struct json *row, const char *filter,
        const char *const cols[])
{
    if (ctl_row_matches(row, filter, cols)) {
        json_array_add(rows, row);
    } else {
        json_destroy(row);
    }
}

/* The table dumps (vnet/dump, route/dump, xlate/dump), each in the unit of
 * the kind it shows (vplane/table-kind.h): the command, the rows, the
 * columns a filter looks at, the text.  The JSON reply's key is the
 * kind's.  What a table dump command is registered with: */
struct table_dump_aux {
    const struct ctl_context *ctx;
    enum vp_kind kind;
};

static void
cmd_table_dump(struct unixctl_conn *conn, int argc, const char *argv[],
               void *aux_)
{
    const struct table_dump_aux *aux = aux_;
    const struct vp_table_kind *tk = vp_table_kinds[aux->kind];
    struct ctl_dump d;

    if (!ctl_dump_start(&d, conn, argc, argv, vp_kinds[aux->kind].key,
                        tk->dump_format)) {
        return;
    }
    if (!d.json) {
        tk->dump_header(&d.s);
    }
    tk->dump_rows(aux->ctx->tables, &d, tk->dump_cols);
    ctl_dump_finish(&d, NULL);
}

/* subsets/dump [--format=json|text] [HOST|VTEP]: the filter applies to the
 * host rows; the summary, the records and the counters are always shown. */
static void
cmd_subsets_dump(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *ctx_)
{
    static const char *const cols[] = { "host", "vtep", NULL };
    struct ctl_context *ctx = ctx_;
    struct resolver *resolver = ctx->dp->shared.resolver;
    struct ds s = DS_EMPTY_INITIALIZER;
    const char *filter;
    struct vp_peers none;
    bool json;

    if (!ctl_parse_dump_args(conn, argc, argv, &json, &filter)) {
        return;
    }
    vp_peers_init(&none);
    const struct vp_peers *peers = ctx->client
                                   ? ctrl_client_peers(ctx->client) : &none;
    struct json *o = vp_peers_summary_json(peers);
    struct json *all = vp_peers_host_rows(peers, ctx->host_name);
    struct json *rows = json_array_create_empty();
    for (size_t i = 0; i < json_array(all)->n; i++) {
        add_row(rows, json_clone(json_array(all)->elems[i]), filter, cols);
    }
    json_destroy(all);
    vp_peers_destroy(&none);

    if (json) {
        json_object_put(o, "hosts", rows);
        if (resolver) {
            json_object_put(o, "records", resolver_records_json(resolver));
            json_object_put(o, "counters", resolver_counters_json(resolver));
        }
        ctl_reply_json(conn, o);
        return;
    }

    if (!shash_find(json_object(o), "query-subsets")) {
        ds_put_cstr(&s, "no query-subset assignment received\n");
    } else {
        ds_put_format(&s, "%lld query subsets, owner rule %s, query mode %s, "
                      "WAN VNI %lld, %lld unassigned\n",
                      ctl_row_integer(o, "query-subsets"),
                      ctl_row_string(o, "owner-rule"),
                      ctl_row_string(o, "query-mode"),
                      ctl_row_integer(o, "wan-vni"),
                      ctl_row_integer(o, "unassigned"));
    }
    ds_put_format(&s, "%-16s %-15s %-7s %7s  %-16s %s\n", "HOST", "VTEP",
                  "GATEWAY", "SUBSETS", "WHICH", "SNAT_BLOCKS");
    for (size_t i = 0; i < json_array(rows)->n; i++) {
        const struct json *h = json_array(rows)->elems[i];
        char name[80];

        /* The star marks this host. */
        snprintf(name, sizeof name, "%s%s", ctl_row_string(h, "host"),
                 ctl_row_boolean(h, "self") ? " *" : "");
        ds_put_format(&s, "%-16s %-15s %-7s %7lld  %-16s %s\n", name,
                      ctl_row_string(h, "vtep"),
                      ctl_row_boolean(h, "gateway") ? "yes" : "no",
                      ctl_row_integer(h, "subsets"),
                      ctl_row_string(h, "which"),
                      ctl_row_string(h, "blocks"));
    }
    json_destroy(rows);
    json_destroy(o);
    if (resolver) {
        ds_put_cstr(&s, "records held as helper (SNAT replies):\n");
        resolver_format_records(resolver, &s);
        ds_put_cstr(&s, "owner messages and lookups:\n");
        resolver_format_counters(resolver, &s);
    }
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

void
ctl_register_dump_commands(struct ctl_context *ctx)
{
    static struct table_dump_aux auxes[VP_N_KINDS];

    VP_TABLE_KIND_FOR_EACH (k, tk) {
        if (tk->dump_command) {
            auxes[k->kind] = (struct table_dump_aux) { ctx, k->kind };
            unixctl_command_register(tk->dump_command,
                                     CTL_DUMP_USAGE, 0, CTL_DUMP_MAX_ARGS,
                                     cmd_table_dump, &auxes[k->kind]);
        }
    }
    unixctl_command_register("subsets/dump", "[--format=json|text] [FILTER]",
                             0, 2, cmd_subsets_dump, ctx);
    unixctl_command_register("dump-subsets", "[--format=json|text] [FILTER]",
                             0, 2, cmd_subsets_dump, ctx);
}
