/* ctrl/ctrl-show.c: what vplane-ctrl's commands print of its hosts and
 * sessions: ctrl/hosts, ctrl/host-diff, ctrl/sessions (docs/controller.md). */
#include <config.h>
#include "ctrl-private.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "ovsdb-idl.h"
#include "shards.h"
#include "smap.h"
#include "snat-blocks.h"
#include "southbound.h"
#include "timeval.h"
#include "util.h"

static int
compare_host_names(const void *a_, const void *b_)
{
    const struct vprec_host *const *a = a_, *const *b = b_;
    return strcmp((*a)->name, (*b)->name);
}

const struct vprec_host **
ctrl_sorted_host_rows(const struct ctrl *c, size_t *np)
{
    const struct vprec_host **rows = NULL, *row;
    size_t n = 0, allocated = 0;

    VPREC_HOST_FOR_EACH (row, c->idl) {
        if (n >= allocated) {
            rows = x2nrealloc(rows, &allocated, sizeof *rows);
        }
        rows[n++] = row;
    }
    if (n) {
        qsort(rows, n, sizeof *rows, compare_host_names);
    }
    *np = n;
    return rows;
}

void
ctrl_format_hosts(const struct ctrl *c, struct ds *s)
{
    long long int now = time_msec();
    const struct vprec_host *row;

    if (!c->active) {
        ds_put_cstr(s, c->shards ? "standby: other vplane-ctrls hold the "
                    "locks of every shard\n" : "standby: another vplane-ctrl "
                    "holds the database lock\n");
        return;
    }
    ctrl_shards_format_header(c, s);
    ds_put_format(s, "%-16s %-15s %-24s %-5s %10s %10s %7s  %-24s %s%s\n",
                  "HOST", "VTEP", "CONNECTION", "LIVE", "GENERATION",
                  "ACKED", "SUBSETS", "SNAT_BLOCKS",
                  c->shards ? "SHARD  SERVED_BY        " : "", "ERROR");
    size_t n;
    const struct vprec_host **rows = ctrl_sorted_host_rows(c, &n);
    for (size_t i = 0; i < n; i++) {
        const struct ctrl_host *h = ctrl_host_find(c, rows[i]->name);
        char conn[64];

        row = rows[i];
        if (!ctrl_serves(c, row->name)) {
            ctrl_shards_format_other(c, row, s);
            continue;
        }

        if (h && h->session) {
            snprintf(conn, sizeof conn, "up %llds",
                     (now - h->connected_at) / 1000);
        } else if (h && h->lost_at) {
            if (h->lost_before_active) {
                ovs_strlcpy(conn, "not since activation", sizeof conn);
            } else {
                snprintf(conn, sizeof conn, "lost %llds ago",
                         (now - h->lost_at) / 1000);
            }
        } else {
            ovs_strlcpy(conn, "never", sizeof conn);
        }
        ds_put_format(s, "%-16s %-15s %-24s %-5s %10lld %10lld %7"PRIuSIZE
                      "  ", row->name, row->vtep, conn,
                      h && h->live ? "yes" : "no", h ? h->sent_gen : 0,
                      h ? h->acked_gen : 0, row->n_subsets);
        size_t start = s->length;
        snat_blocks_format_host(c->snat, row->name, s);
        ds_put_char_multiple(s, ' ', MAX(1, 25 - (int) (s->length - start)));
        if (c->shards) {
            ctrl_shards_format_host(c, row, s);
        }
        ds_put_format(s, "%s\n", h && h->error ? h->error : "-");
    }
    free(rows);
    if (!ovs_list_is_empty(&c->snapshot_queue)) {
        ds_put_format(s, "%"PRIuSIZE" connected hosts wait for their snapshot "
                      "(a few at a time are sent)\n",
                      ovs_list_size(&c->snapshot_queue));
    }
    size_t n_missing = snat_blocks_n_missing(c->snat);
    if (n_missing) {
        ds_put_format(s, "%"PRIuSIZE" hosts need an SNAT port block and have "
                      "none: pool exhausted\n", n_missing);
    }
    const struct refusals **sets;
    size_t n_sets = ctrl_refusals(CONST_CAST(struct ctrl *, c), &sets);
    size_t n_refused = 0;
    for (size_t i = 0; i < n_sets; i++) {
        n_refused += refusals_count(sets[i]);
    }
    free(sets);
    if (n_refused) {
        ds_put_format(s, "%"PRIuSIZE" database rows are left out of the "
                      "hosts' tables as hosts would refuse them: see "
                      "ctrl/refused-rows\n", n_refused);
    }
}

char *
ctrl_format_diff(struct ctrl *c, const char *name, struct ds *s)
{
    const struct vprec_host *row = ctrl_host_row(c, name);
    const struct ctrl_host *h = ctrl_host_find(c, name);
    struct host_view want, none;

    if (!row) {
        return xasprintf("host: no host named \"%s\"", name);
    }
    host_view_init(&want);
    host_view_init(&none);
    ctrl_host_view(c, row, &want);
    ds_put_format(s, "host %s: %s, generation %lld sent, %lld "
                  "acknowledged, %"PRIuSIZE" entries desired\n", name,
                  h && h->session ? "connected" : "not connected",
                  h ? h->sent_gen : 0, h ? h->acked_gen : 0,
                  shash_count(&want.entries));
    if (!h || !h->sent_gen) {
        ds_put_cstr(s, "  this controller has sent the host nothing yet; "
                       "everything is missing:\n");
    } else if (h->acked_gen != h->sent_gen) {
        ds_put_cstr(s, "  the last generation sent is not acknowledged "
                       "yet; compared with what was sent:\n");
    }
    size_t before = s->length;
    host_view_format_diff(h ? &h->sent : &none, &want, s);
    if (s->length == before) {
        ds_put_cstr(s, "  no difference from the desired state\n");
    }
    host_view_destroy(&want);
    host_view_destroy(&none);
    return NULL;
}

void
ctrl_format_sessions(const struct ctrl *c, struct ds *s)
{
    sb_server_format(c->sb, s);
}
