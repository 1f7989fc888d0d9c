/* vplane/resolver-dump.c: the resolver's tables and counters as vplane-ctl
 * shows them (dump-owners, dump-subsets, memory/show, drop-stats).  It only
 * reads: what changes the tables is in resolver.c and resolver-run.c. */
#include <config.h>
#include "resolver-private.h"

#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "simap.h"
#include "timeval.h"
#include "util.h"

static const char *const counter_names[RC_N] = {
#define C(ENUM, NAME, HELP) NAME,
    RESOLVER_COUNTERS
#undef C
};

static void
format_age(struct ds *s, const char *name, long long int since,
           long long int now)
{
    ds_put_format(s, " %s=%.1fs", name, (now - since) / 1000.0);
}

static struct json *
wan_flow_json(const struct wan_flow *f)
{
    struct ds d = DS_EMPTY_INITIALIZER;

    wan_flow_format(f, &d);
    return json_string_create_nocopy(ds_steal_cstr(&d));
}

static struct json *
ip_json(ovs_be32 ip)
{
    return json_string_create_nocopy(xasprintf(IP_FMT, IP_ARGS(ip)));
}

/* Rows of dump-owners (ctl-stateful.c formats them): the owners of WAN flows
 * this host knows per packet, from its cache and its own SNAT records. */
void
resolver_owner_rows(const struct resolver *r,
                    void (*add_row)(struct json *row, void *aux), void *aux)
{
    long long int now = time_msec();
    const struct rentry *e;

    CMAP_FOR_EACH (e, node, &r->cache) {
        struct json *o = json_object_create();
        long long int used;

        atomic_read_relaxed(&CONST_CAST(struct rentry *, e)->used, &used);
        json_object_put_string(o, "in", "wan");
        json_object_put(o, "flow", wan_flow_json(&e->flow));
        json_object_put(o, "owner", ip_json(e->peer));
        json_object_put(o, "self", json_boolean_create(false));
        json_object_put_string(o, "by", e->how == OWNER_MSG_NOTIFY
                                        ? "subset-notify" : "subset-answer");
        json_object_put(o, "age-ms", json_integer_create(now - e->created));
        json_object_put(o, "idle-ms", json_integer_create(now - used));
        add_row(o, aux);
    }
    CMAP_FOR_EACH (e, node, &r->mine) {
        struct json *o = json_object_create();
        bool ready;

        atomic_read_relaxed(&CONST_CAST(struct rentry *, e)->ready, &ready);
        json_object_put_string(o, "in", "wan");
        json_object_put(o, "flow", wan_flow_json(&e->flow));
        json_object_put(o, "owner", ip_json(r->vtep));
        json_object_put(o, "self", json_boolean_create(true));
        json_object_put_string(o, "by", "snat-record");
        json_object_put(o, "helper", ip_json(e->peer));
        json_object_put(o, "waiting", json_boolean_create(!ready));
        json_object_put(o, "age-ms", json_integer_create(now - e->created));
        add_row(o, aux);
    }
}

/* dump-subsets --format=json: the records held as helper, as rows. */
struct json *
resolver_records_json(const struct resolver *r)
{
    struct json *rows = json_array_create_empty();
    long long int now = time_msec();
    const struct rentry *e;

    CMAP_FOR_EACH (e, node, &r->records) {
        struct json *o = json_object_create();

        json_object_put(o, "flow", wan_flow_json(&e->flow));
        json_object_put(o, "owner", ip_json(e->peer));
        json_object_put(o, "refreshed-ms",
                        json_integer_create(now - e->refreshed));
        json_array_add(rows, o);
    }
    return rows;
}

/* dump-subsets --format=json: the counters resolver_format_counters()
 * shows, by the same names. */
struct json *
resolver_counters_json(const struct resolver *r)
{
    struct json *o = json_object_create();
    struct json *drops = json_object_create();

    for (size_t i = 0; i < RC_N; i++) {
        json_object_put(o, counter_names[i], json_integer_create(
                            resolver_read_counter(&r->counters[i])));
    }
    json_object_put(o, "size-cached-owners",
                    json_integer_create(cmap_count(&r->cache)));
    json_object_put(o, "size-records",
                    json_integer_create(cmap_count(&r->records)));
    json_object_put(o, "size-own-records",
                    json_integer_create(cmap_count(&r->mine)));
    json_object_put(o, "size-questions",
                    json_integer_create(cmap_count(&r->queries)));
    for (size_t i = 0; i < VP_N_DROP_REASONS; i++) {
        uint64_t n = resolver_read_counter(&r->drops[i]);
        if (n) {
            json_object_put(drops, vp_drop_reason_name(i),
                            json_integer_create(n));
        }
    }
    json_object_put(o, "held-dropped", drops);
    return o;
}

void
resolver_format_records(const struct resolver *r, struct ds *s)
{
    long long int now = time_msec();
    const struct rentry *e;
    size_t n = 0;

    CMAP_FOR_EACH (e, node, &r->records) {
        ds_put_cstr(s, "  ");
        wan_flow_format(&e->flow, s);
        ds_put_format(s, " owner="IP_FMT, IP_ARGS(e->peer));
        format_age(s, "refreshed", e->refreshed, now);
        ds_put_char(s, '\n');
        n++;
    }
    if (!n) {
        ds_put_cstr(s, "  (none)\n");
    }
}

void
resolver_format_counters(const struct resolver *r, struct ds *s)
{
    for (size_t i = 0; i < RC_N; i++) {
        ds_put_format(s, "  %s: %"PRIu64"\n", counter_names[i],
                      resolver_read_counter(&r->counters[i]));
    }
    ds_put_format(s, "  cached owners: %"PRIuSIZE", records held: %"PRIuSIZE
                  ", own records: %"PRIuSIZE", questions in flight: %"
                  PRIuSIZE"\n", cmap_count(&r->cache),
                  cmap_count(&r->records), cmap_count(&r->mine),
                  cmap_count(&r->queries));
    for (size_t i = 0; i < VP_N_DROP_REASONS; i++) {
        uint64_t n = resolver_read_counter(&r->drops[i]);
        if (n) {
            ds_put_format(s, "  held packets dropped (%s): %"PRIu64"\n",
                          vp_drop_reason_name(i), n);
        }
    }
}

void
resolver_add_drops(const struct resolver *r, uint64_t *drops)
{
    for (size_t i = 0; i < VP_N_DROP_REASONS; i++) {
        drops[i] += resolver_read_counter(&r->drops[i]);
    }
}

void
resolver_get_memory_usage(const struct resolver *r, struct simap *usage)
{
    simap_increase(usage, "owner-cache", cmap_count(&r->cache));
    simap_increase(usage, "owner-records", cmap_count(&r->records));
    simap_increase(usage, "owner-queries", cmap_count(&r->queries)
                   + cmap_count(&r->mine));
    struct ovs_mutex *mutex = CONST_CAST(struct ovs_mutex *, &r->mutex);
    ovs_mutex_lock(mutex);
    simap_increase(usage, "held-packets", r->n_held);
    ovs_mutex_unlock(mutex);
}
