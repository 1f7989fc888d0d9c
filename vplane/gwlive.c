/* vplane/gwlive.c: see gwlive.h -- the probe timers and the up/down state
 * of each gateway; the messages go through the resolver's socket. */
#include <config.h>
#include "gwlive.h"

#include <limits.h>
#include <stdlib.h>
#include "coverage.h"
#include "hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "random.h"
#include "stateful.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(gwlive);

COVERAGE_DEFINE(gwlive_down);
COVERAGE_DEFINE(gwlive_up);
COVERAGE_DEFINE(gwlive_late_reply);

/* Transitions are few by design (up_after); the limit is for a flapping
 * link, whose every transition is counted anyway. */
static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 60);

enum gw_state {
    GW_INIT,                    /* Not yet up: not used. */
    GW_UP,
    GW_DOWN,
};

struct gw {
    struct hmap_node node;      /* In 'gateways', by VTEP. */
    ovs_be32 vtep;
    enum gw_state state;
    long long int since;        /* In 'state' since then. */
    long long int next_probe;
    long long int last_answer;  /* LLONG_MIN: never. */
    long long int sent_us;      /* Of the last probe (time_usec()). */
    uint32_t xid;               /* Of the last probe. */
    bool answered;              /* The last probe was. */
    bool seen;                  /* Still listed (gwlive_set_gateways()). */
    unsigned int streak;        /* Probes answered in a row. */
    long long int rtt_us;       /* Of the last answer, or -1. */
    uint64_t sent, n_answered, missed, late, went_down, went_up;
};

struct gwlive {
    struct gwlive_options o;
    ovs_be32 self;
    struct hmap gateways;       /* struct gw. */
    bool changed;               /* Since the last gwlive_down(). */
    uint64_t answered_as_gateway, refused, unexpected;
};

const char *
gwlive_options_check(const struct gwlive_options *o)
{
    if (o->interval_ms < GWLIVE_MIN_INTERVAL_MS
        || o->interval_ms > GWLIVE_MAX_INTERVAL_MS) {
        return "the probe interval must be from 50 to 60000 ms";
    }
    if (o->multiplier < 2 || o->multiplier > 50) {
        return "the detect multiplier must be from 2 to 50";
    }
    if (o->up_after < 1 || o->up_after > 100) {
        return "the answers before use must be from 1 to 100";
    }
    return NULL;
}

struct gwlive *
gwlive_create(const struct gwlive_options *o, ovs_be32 self)
{
    struct gwlive *gl = xzalloc(sizeof *gl);

    gl->o = *o;
    gl->self = self;
    hmap_init(&gl->gateways);
    return gl;
}

void
gwlive_destroy(struct gwlive *gl)
{
    struct gw *g;

    if (!gl) {
        return;
    }
    HMAP_FOR_EACH_POP (g, node, &gl->gateways) {
        free(g);
    }
    hmap_destroy(&gl->gateways);
    free(gl);
}

static struct gw *
gw_find(const struct gwlive *gl, ovs_be32 vtep)
{
    struct gw *g;

    HMAP_FOR_EACH_WITH_HASH (g, node, hash_int(ntohl(vtep), 0),
                             &gl->gateways) {
        if (g->vtep == vtep) {
            return g;
        }
    }
    return NULL;
}

/* Jittered, as BFD's are (RFC 5880 6.8.7): 75% to 100% of the interval, so
 * that the probes of a thousand hosts restarted together spread out. */
static long long int
next_interval(const struct gwlive *gl)
{
    int quarter = gl->o.interval_ms / 4;
    return gl->o.interval_ms - quarter + random_range(quarter + 1);
}

void
gwlive_set_gateways(struct gwlive *gl, const struct vp_stateful *sf,
                    long long int now)
{
    struct gw *g;

    HMAP_FOR_EACH (g, node, &gl->gateways) {
        g->seen = false;
    }
    for (size_t i = 0; i < sf->n_gateways; i++) {
        ovs_be32 vtep = sf->gateways[i];
        if (vtep == gl->self) {
            continue;           /* A gateway is alive to itself. */
        }
        g = gw_find(gl, vtep);
        if (!g) {
            g = xzalloc(sizeof *g);
            g->vtep = vtep;
            g->state = GW_INIT;
            g->since = now;
            g->next_probe = now;    /* At once: a new host needs them. */
            g->last_answer = LLONG_MIN;
            g->answered = true;     /* No probe missed yet. */
            g->rtt_us = -1;
            hmap_insert(&gl->gateways, &g->node, hash_int(ntohl(vtep), 0));
            gl->changed = true;
        }
        g->seen = true;
    }
    HMAP_FOR_EACH_SAFE (g, node, &gl->gateways) {
        if (!g->seen) {
            hmap_remove(&gl->gateways, &g->node);
            free(g);
            gl->changed = true;
        }
    }
}

static void
set_state(struct gwlive *gl, struct gw *g, enum gw_state state,
          long long int now)
{
    long long int was = now - g->since;

    if (state == GW_DOWN) {
        g->went_down++;
        COVERAGE_INC(gwlive_down);
        VLOG_WARN_RL(&rl, "gateway "IP_FMT" is down: no answer to %d probes "
                     "(%lld ms); WAN flows go to the other gateways",
                     IP_ARGS(g->vtep), gl->o.multiplier,
                     g->last_answer == LLONG_MIN ? was
                     : now - g->last_answer);
    } else {
        g->went_up++;
        COVERAGE_INC(gwlive_up);
        VLOG_INFO_RL(&rl, "gateway "IP_FMT" is up: %u probes answered "
                     "(after %lld ms %s)", IP_ARGS(g->vtep), g->streak, was,
                     g->state == GW_INIT ? "probing" : "down");
    }
    g->state = state;
    g->since = now;
    gl->changed = true;
}

bool
gwlive_run(struct gwlive *gl, long long int now, gwlive_send_func *send,
           void *aux)
{
    long long int detect = (long long int) gl->o.interval_ms
                           * gl->o.multiplier;
    struct gw *g;

    HMAP_FOR_EACH (g, node, &gl->gateways) {
        if (g->state == GW_UP && now - g->last_answer >= detect) {
            set_state(gl, g, GW_DOWN, now);
        }
        if (now >= g->next_probe) {
            if (!g->answered) {
                g->missed++;
                g->streak = 0;
            }
            g->xid++;
            g->answered = false;
            g->sent++;
            g->sent_us = time_usec();
            g->next_probe = now + next_interval(gl);
            send(g->vtep, g->xid, aux);
        }
    }
    return gl->changed;
}

void
gwlive_wait(const struct gwlive *gl)
{
    long long int detect = (long long int) gl->o.interval_ms
                           * gl->o.multiplier;
    const struct gw *g;

    HMAP_FOR_EACH (g, node, &gl->gateways) {
        poll_timer_wait_until(g->next_probe);
        if (g->state == GW_UP) {
            poll_timer_wait_until(g->last_answer + detect);
        }
    }
}

bool
gwlive_reply(struct gwlive *gl, ovs_be32 src, uint32_t xid,
             long long int now)
{
    struct gw *g = gw_find(gl, src);

    if (!g) {
        gl->unexpected++;
        return false;
    }
    if (g->answered || xid != g->xid) {
        /* An answer after the next probe left is no proof of life for the
         * next one: counted, and the missed probe stays missed. */
        g->late++;
        COVERAGE_INC(gwlive_late_reply);
        return false;
    }
    g->answered = true;
    g->n_answered++;
    g->streak++;
    g->last_answer = now;
    g->rtt_us = time_usec() - g->sent_us;
    if (g->state != GW_UP && g->streak >= (unsigned int) gl->o.up_after) {
        set_state(gl, g, GW_UP, now);
    }
    return true;
}

void
gwlive_count_answered(struct gwlive *gl, bool refused)
{
    if (refused) {
        gl->refused++;
    } else {
        gl->answered_as_gateway++;
    }
}

size_t
gwlive_down(struct gwlive *gl, ovs_be32 **downp)
{
    ovs_be32 *down = xmalloc((hmap_count(&gl->gateways) + 1) * sizeof *down);
    const struct gw *g;
    size_t n = 0;

    HMAP_FOR_EACH (g, node, &gl->gateways) {
        if (g->state != GW_UP) {
            down[n++] = g->vtep;
        }
    }
    gl->changed = false;
    *downp = down;
    return n;
}

static const char *
state_name(enum gw_state state)
{
    return (state == GW_UP ? "up" : state == GW_DOWN ? "down" : "probing");
}

static int
compare_gw(const void *a_, const void *b_)
{
    const struct gw *const *a = a_;
    const struct gw *const *b = b_;
    uint32_t x = ntohl((*a)->vtep), y = ntohl((*b)->vtep);
    return x < y ? -1 : x > y;
}

struct json *
gwlive_rows_json(const struct gwlive *gl, long long int now)
{
    size_t n = hmap_count(&gl->gateways);
    const struct gw **all = xmalloc((n + 1) * sizeof *all);
    struct json *rows = json_array_create_empty();
    const struct gw *g;
    size_t i = 0;

    HMAP_FOR_EACH (g, node, &gl->gateways) {
        all[i++] = g;
    }
    qsort(all, n, sizeof *all, compare_gw);
    for (i = 0; i < n; i++) {
        struct json *o = json_object_create();
        g = all[i];
        json_object_put_format(o, "gateway", IP_FMT, IP_ARGS(g->vtep));
        json_object_put_string(o, "state", state_name(g->state));
        json_object_put(o, "since-ms", json_integer_create(now - g->since));
        json_object_put(o, "sent", json_integer_create(g->sent));
        json_object_put(o, "answered", json_integer_create(g->n_answered));
        json_object_put(o, "missed", json_integer_create(g->missed));
        json_object_put(o, "late", json_integer_create(g->late));
        json_object_put(o, "went-down", json_integer_create(g->went_down));
        json_object_put(o, "went-up", json_integer_create(g->went_up));
        if (g->rtt_us >= 0) {
            json_object_put(o, "rtt-us", json_integer_create(g->rtt_us));
        }
        json_array_add(rows, o);
    }
    free(all);
    return rows;
}

struct json *
gwlive_info_json(const struct gwlive *gl)
{
    struct json *o = json_object_create();

    json_object_put(o, "interval-ms", json_integer_create(gl->o.interval_ms));
    json_object_put(o, "multiplier", json_integer_create(gl->o.multiplier));
    json_object_put(o, "up-after", json_integer_create(gl->o.up_after));
    json_object_put(o, "answered-as-gateway",
                    json_integer_create(gl->answered_as_gateway));
    json_object_put(o, "refused-not-gateway",
                    json_integer_create(gl->refused));
    json_object_put(o, "replies-unexpected",
                    json_integer_create(gl->unexpected));
    return o;
}
