/* tests/unit/test-gwlive.c: the gateway liveness state machine (gwlive.h)
 * on a simulated clock -- a gateway is used only after K answers in a row,
 * is down 'multiplier' intervals after its last answer, comes back after K
 * answers again; late and stray replies prove nothing; probes are
 * jittered within 75-100% of the interval; this host is never probed. */
#include <config.h>
#include "test-util.h"

#include <stdlib.h>
#include <string.h>
#include "gwlive.h"
#include "openvswitch/json.h"
#include "stateful.h"

#define GW1 0x0a000015          /* 10.0.0.21, in host order. */
#define GW2 0x0a000016
#define SELF 0x0a000001

struct sent {
    int n;
    uint32_t xid[2];            /* Last xid per gateway (GW1, GW2). */
    long long int at[2];
};

static void
record_send(ovs_be32 gw, uint32_t xid, void *s_)
{
    struct sent *s = s_;
    int i = ntohl(gw) == GW1 ? 0 : 1;

    s->n++;
    s->xid[i] = xid;
}

static struct gwlive *
make(struct sent *s, long long int now)
{
    static const struct gwlive_options o = GWLIVE_OPTIONS_DEFAULT;
    ovs_be32 gws[3] = { htonl(SELF), htonl(GW1), htonl(GW2) };
    struct vp_stateful sf;
    struct gwlive *gl = gwlive_create(&o, htonl(SELF));

    memset(&sf, 0, sizeof sf);
    sf.gateways = gws;
    sf.n_gateways = 3;
    gwlive_set_gateways(gl, &sf, now);
    memset(s, 0, sizeof *s);
    return gl;
}

static size_t
n_down(struct gwlive *gl)
{
    ovs_be32 *down;
    size_t n = gwlive_down(gl, &down);
    free(down);
    return n;
}

/* Runs the clock from '*now' to 'until' in 10 ms steps; each probe to GW1
 * is answered if 'gw1_alive', each to GW2 always. */
static void
run_until(struct gwlive *gl, struct sent *s, long long int *now,
          long long int until, bool gw1_alive)
{
    for (; *now <= until; *now += 10) {
        uint32_t x1 = s->xid[0], x2 = s->xid[1];
        gwlive_run(gl, *now, record_send, s);
        if (gw1_alive && s->xid[0] != x1) {
            assert_true(gwlive_reply(gl, htonl(GW1), s->xid[0], *now));
        }
        if (s->xid[1] != x2) {
            assert_true(gwlive_reply(gl, htonl(GW2), s->xid[1], *now));
        }
    }
}

static void
test_up_down_up(void **state OVS_UNUSED)
{
    struct sent s;
    long long int now = 1000;
    struct gwlive *gl = make(&s, now);

    /* Both start unused ("probing"); this host is not probed. */
    assert_true(gwlive_run(gl, now, record_send, &s));
    assert_int_equal(s.n, 2);
    assert_int_equal(n_down(gl), 2);

    /* 3 answers in a row (at most 3 intervals): both up. */
    run_until(gl, &s, &now, 2600, true);
    assert_int_equal(n_down(gl), 0);
    /* 2 probes a second or a little more (jitter: 375-500 ms). */
    assert_in_range(s.n, 2 * 4, 2 * 5);

    /* GW1 dies: down 1.5 s after its last answer, not before 1 s. */
    long long int died = now;
    run_until(gl, &s, &now, died + 990, false);
    assert_int_equal(n_down(gl), 0);
    run_until(gl, &s, &now, died + 1510, false);
    assert_int_equal(n_down(gl), 1);

    /* A late reply to an old probe proves nothing. */
    assert_false(gwlive_reply(gl, htonl(GW1), s.xid[0] - 1, now));
    /* Nor does a reply from no gateway probed. */
    assert_false(gwlive_reply(gl, htonl(0x0a000063), 1, now));

    /* It returns: used again only after 3 answers in a row. */
    long long int back = now;
    run_until(gl, &s, &now, back + 700, true);
    assert_int_equal(n_down(gl), 1);
    run_until(gl, &s, &now, back + 1600, true);
    assert_int_equal(n_down(gl), 0);

    struct json *rows = gwlive_rows_json(gl, now);
    assert_int_equal(json_array(rows)->n, 2);
    const struct json *r = json_array(rows)->elems[0];
    assert_string_equal(json_string(shash_find_data(json_object(r),
                                                    "gateway")),
                        "10.0.0.21");
    assert_int_equal(json_integer(shash_find_data(json_object(r),
                                                  "went-down")), 1);
    assert_int_equal(json_integer(shash_find_data(json_object(r),
                                                  "went-up")), 2);
    assert_true(json_integer(shash_find_data(json_object(r), "missed")) >= 3);
    json_destroy(rows);
    gwlive_destroy(gl);
}

static void
test_options(void **state OVS_UNUSED)
{
    struct gwlive_options o = GWLIVE_OPTIONS_DEFAULT;

    assert_null(gwlive_options_check(&o));
    o.interval_ms = 10;
    assert_non_null(gwlive_options_check(&o));
    o = (struct gwlive_options) GWLIVE_OPTIONS_DEFAULT;
    o.multiplier = 1;
    assert_non_null(gwlive_options_check(&o));
    o = (struct gwlive_options) GWLIVE_OPTIONS_DEFAULT;
    o.up_after = 0;
    assert_non_null(gwlive_options_check(&o));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_up_down_up),
        cmocka_unit_test(test_options),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
