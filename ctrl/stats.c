/* ctrl/stats.c: hosts' counters and lagging hosts, for operators.  See
 * stats.h; the report's format is in docs/protocol.md. */
#include <config.h>
#include "stats.h"

#include <limits.h>
#include <string.h>
#include "ctrl-private.h"
#include "ctrl/vplane-idl.h"
#include "host-view.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "sset.h"
#include "timeval.h"
#include "util.h"
#include "vplane/tables-config.h"

#define MAX_VNETS 4096

static const char *const counter_names[] = {
    "rx-packets", "rx-bytes", "tx-packets", "tx-bytes", "drops",
};
#define N_COUNTERS ARRAY_SIZE(counter_names)

struct counts {
    unsigned long long int v[N_COUNTERS];
};

/* Checking. */

static char *
check_counts(const char *what, const struct json *o)
{
    if (!o || o->type != JSON_OBJECT) {
        return xasprintf("%s: must be an object of counters", what);
    }
    for (size_t i = 0; i < N_COUNTERS; i++) {
        const struct json *v = shash_find_data(json_object(o),
                                               counter_names[i]);
        if (!v || v->type != JSON_INTEGER || v->integer < 0) {
            return xasprintf("%s: %s: missing or not a count", what,
                             counter_names[i]);
        }
    }
    return NULL;
}

char *
ctrl_stats_check(const struct json *p)
{
    const struct json *vnets = shash_find_data(json_object(p), "vnets");
    const struct json *fabric = shash_find_data(json_object(p), "fabric");
    const struct json *drops = shash_find_data(json_object(p), "drops");

    if (!vnets || vnets->type != JSON_ARRAY
        || json_array(vnets)->n > MAX_VNETS) {
        return xasprintf("vnets: must be an array of at most %d VNets",
                         MAX_VNETS);
    }
    struct sset names = SSET_INITIALIZER(&names);
    for (size_t i = 0; i < json_array(vnets)->n; i++) {
        const struct json *v = json_array(vnets)->elems[i];
        const struct json *name = (v->type == JSON_OBJECT
                                   ? shash_find_data(json_object(v), "name")
                                   : NULL);
        if (!name || name->type != JSON_STRING) {
            return xasprintf("vnets[%"PRIuSIZE"]: no name", i);
        }
        char *error = vp_parse_name("vnets name", json_string(name));
        if (!error && !sset_add(&names, json_string(name))) {
            error = xasprintf("vnets: \"%s\" twice", json_string(name));
        }
        if (!error) {
            error = check_counts("vnets", v);
        }
        if (error) {
            sset_destroy(&names);
            return error;
        }
    }
    sset_destroy(&names);
    char *error = check_counts("fabric", fabric);
    if (error) {
        return error;
    }
    if (!drops || drops->type != JSON_OBJECT) {
        return xstrdup("drops: must be an object of counts by reason");
    }
    /* Reasons this controller does not know (a newer host's) are kept and
     * shown as they are. */
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(drops)) {
        const struct json *v = node->data;
        if (strlen(node->name) > 64) {
            return xstrdup("drops: a reason name longer than 64 bytes");
        } else if (v->type != JSON_INTEGER || v->integer < 0) {
            return xasprintf("drops: %s: not a count", node->name);
        }
    }
    return NULL;
}

void
ctrl_stats_report(struct ctrl_host *h, const struct json *p)
{
    json_destroy(h->stats);
    h->stats = json_clone(p);
    h->stats_at = time_msec();
}

/* Output. */

static void
read_counts(const struct json *o, struct counts *c)
{
    for (size_t i = 0; i < N_COUNTERS; i++) {
        const struct json *v = shash_find_data(json_object(o),
                                               counter_names[i]);
        c->v[i] = v ? v->integer : 0;
    }
}

/* Saturating at the largest count JSON carries here (a host reporting
 * nonsense must not wrap the totals round). */
static void
add_counts(struct counts *sum, const struct counts *c)
{
    for (size_t i = 0; i < N_COUNTERS; i++) {
        sum->v[i] = (c->v[i] > LLONG_MAX - sum->v[i] ? LLONG_MAX
                     : sum->v[i] + c->v[i]);
    }
}

static void
put_counts_text(struct ds *s, const struct counts *c)
{
    for (size_t i = 0; i < N_COUNTERS; i++) {
        ds_put_format(s, " %12llu", c->v[i]);
    }
    ds_put_char(s, '\n');
}

static struct json *
counts_json(const struct counts *c)
{
    struct json *o = json_object_create();
    for (size_t i = 0; i < N_COUNTERS; i++) {
        json_object_put(o, counter_names[i], json_integer_create(c->v[i]));
    }
    return o;
}

/* Per-VNet totals over the hosts: name -> struct vnet_total. */
struct vnet_total {
    struct counts counts;
    size_t n_hosts;
};

char *
ctrl_stats_format(const struct ctrl *c, int argc, const char *argv[],
                  struct ds *s)
{
    const char *filter = NULL;
    bool json = false;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format=json")) {
            json = true;
        } else if (!strcmp(argv[i], "--format=text")) {
            json = false;
        } else if (argv[i][0] == '-' || filter) {
            return xstrdup("usage: ctrl/stats [--format=json|text] "
                           "[HOST|VNET]");
        } else {
            filter = argv[i];
        }
    }

    long long int now = time_msec();
    const struct ctrl_host **hosts = xcalloc(hmap_count(&c->hosts) + 1,
                                             sizeof *hosts);
    size_t n_hosts = 0;
    const struct ctrl_host *h;
    HMAP_FOR_EACH (h, node, &c->hosts) {
        /* A host deleted from the database no longer counts. */
        if (h->stats && ctrl_host_row(c, h->name)) {
            hosts[n_hosts++] = h;
        }
    }
    for (size_t i = 1; i < n_hosts; i++) {      /* Few hosts: insertion. */
        for (size_t j = i; j && strcmp(hosts[j - 1]->name,
                                       hosts[j]->name) > 0; j--) {
            const struct ctrl_host *t = hosts[j];
            hosts[j] = hosts[j - 1];
            hosts[j - 1] = t;
        }
    }

    struct shash totals = SHASH_INITIALIZER(&totals);
    struct json *j_hosts = json_array_create_empty();
    if (!json) {
        ds_put_format(s, "%-16s %-9s %-16s %12s %12s %12s %12s %12s\n",
                      "HOST", "REPORTED", "VNET", "RX_PKTS", "RX_BYTES",
                      "TX_PKTS", "TX_BYTES", "DROPS");
    }
    for (size_t i = 0; i < n_hosts; i++) {
        h = hosts[i];
        bool host_match = !filter || !strcmp(filter, h->name);
        const struct json *vnets = shash_find_data(json_object(h->stats),
                                                   "vnets");
        char age[32];
        snprintf(age, sizeof age, "%llds", (now - h->stats_at) / 1000);

        struct json *j_vnets = json_array_create_empty();
        for (size_t k = 0; k < json_array(vnets)->n; k++) {
            const struct json *v = json_array(vnets)->elems[k];
            const char *name = json_string(shash_find_data(json_object(v),
                                                           "name"));
            struct counts cnt;
            read_counts(v, &cnt);

            struct vnet_total *t = shash_find_data(&totals, name);
            if (!t) {
                t = xzalloc(sizeof *t);
                shash_add(&totals, name, t);
            }
            add_counts(&t->counts, &cnt);
            t->n_hosts++;

            if (!host_match && strcmp(filter, name)) {
                continue;
            }
            if (json) {
                struct json *o = counts_json(&cnt);
                json_object_put_string(o, "name", name);
                json_array_add(j_vnets, o);
            } else {
                ds_put_format(s, "%-16s %-9s %-16s", h->name, age, name);
                put_counts_text(s, &cnt);
            }
        }
        if (!host_match) {
            if (json && json_array(j_vnets)->n) {
                struct json *o = json_object_create();
                json_object_put_string(o, "host", h->name);
                json_object_put(o, "age-ms",
                                json_integer_create(now - h->stats_at));
                json_object_put(o, "vnets", j_vnets);
                json_array_add(j_hosts, o);
            } else {
                json_destroy(j_vnets);
            }
            continue;
        }
        struct counts fab;
        read_counts(shash_find_data(json_object(h->stats), "fabric"), &fab);
        if (json) {
            struct json *o = json_object_create();
            json_object_put_string(o, "host", h->name);
            json_object_put(o, "age-ms",
                            json_integer_create(now - h->stats_at));
            json_object_put(o, "vnets", j_vnets);
            json_object_put(o, "fabric", counts_json(&fab));
            json_object_put(o, "drops", json_clone(
                                shash_find_data(json_object(h->stats),
                                                "drops")));
            json_array_add(j_hosts, o);
        } else {
            json_destroy(j_vnets);
            ds_put_format(s, "%-16s %-9s %-16s", h->name, age, "(fabric)");
            put_counts_text(s, &fab);
        }
    }

    /* A host's view has no per-VNet totals, so no header for them. */
    bool host_view = filter && ctrl_host_row(c, filter);
    struct json *j_totals = json_array_create_empty();
    if (!json && !host_view) {
        ds_put_format(s, "\n%-16s %-9s %-16s %12s %12s %12s %12s %12s\n",
                      "VNET", "HOSTS", "", "RX_PKTS", "RX_BYTES", "TX_PKTS",
                      "TX_BYTES", "DROPS");
    }
    const struct shash_node **nodes = shash_sort(&totals);
    for (size_t i = 0; i < shash_count(&totals); i++) {
        const struct vnet_total *t = nodes[i]->data;
        const char *name = nodes[i]->name;
        if (host_view || (filter && strcmp(filter, name))) {
            continue;
        }
        if (json) {
            struct json *o = counts_json(&t->counts);
            json_object_put_string(o, "name", name);
            json_object_put(o, "hosts", json_integer_create(t->n_hosts));
            json_array_add(j_totals, o);
        } else {
            ds_put_format(s, "%-16s %-9"PRIuSIZE" %-16s", name, t->n_hosts,
                          "");
            put_counts_text(s, &t->counts);
        }
    }
    free(nodes);
    shash_destroy_free_data(&totals);
    free(hosts);

    if (json) {
        struct json *o = json_object_create();
        json_object_put(o, "hosts", j_hosts);
        json_object_put(o, "vnets", j_totals);
        ds_put_and_free_cstr(s, json_to_string(o, JSSF_SORT));
        ds_put_char(s, '\n');
        json_destroy(o);
    } else {
        json_destroy(j_hosts);
        json_destroy(j_totals);
    }
    return NULL;
}

/* Lagging hosts. */

void
ctrl_format_lagging(struct ctrl *c, struct ds *s)
{
    long long int now = time_msec();
    size_t n = 0, n_rows;
    const struct vprec_host **rows = ctrl_sorted_host_rows(c, &n_rows);

    for (size_t i = 0; i < n_rows; i++) {
        const struct vprec_host *row = rows[i];
        const struct ctrl_host *h = ctrl_host_find(c, row->name);
        struct host_view want;
        struct ds why = DS_EMPTY_INITIALIZER;

        host_view_init(&want);
        ctrl_host_view(c, row, &want);
        if (!h || !h->session) {
            if (h && h->lost_before_active) {
                ds_put_format(&why, "not connected since this controller "
                              "became active %llds ago",
                              (now - h->lost_at) / 1000);
            } else if (h && h->lost_at) {
                ds_put_format(&why, "not connected (lost %llds ago)",
                              (now - h->lost_at) / 1000);
            } else {
                ds_put_cstr(&why, "never connected");
            }
        } else if (h->error) {
            ds_put_format(&why, "refused generation %lld: %s", h->sent_gen,
                          h->error);
        } else if (h->acked_gen != h->sent_gen) {
            ds_put_format(&why, "generation %lld sent, %lld acknowledged",
                          h->sent_gen, h->acked_gen);
        } else {
            struct ds diff = DS_EMPTY_INITIALIZER;
            host_view_format_diff(&h->sent, &want, &diff);
            if (diff.length) {
                size_t lines = 0;
                for (const char *p = ds_cstr(&diff); *p; p++) {
                    lines += *p == '\n';
                }
                ds_put_format(&why, "%"PRIuSIZE" entries differ from the "
                              "desired state (ctrl/host-diff %s)", lines,
                              row->name);
            }
            ds_destroy(&diff);
        }
        if (why.length) {
            ds_put_format(s, "%-16s %s\n", row->name, ds_cstr(&why));
            n++;
        }
        ds_destroy(&why);
        host_view_destroy(&want);
    }
    free(rows);
    if (!n) {
        ds_put_cstr(s, "every host has the desired state\n");
    }
}
