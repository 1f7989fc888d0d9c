/* tests/unit/test-peers.c: the hosts and query-subset assignment a vplaned
 * receives from its controller -- checked field by field, and a change is
 * checked as a whole before it replaces anything. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "peers.h"
#include "util.h"

/* Applies 'hosts' and 'subsets' (JSON text, or NULL) to 'p'; returns the
 * first error, or NULL. */
static char *
apply(struct vp_peers *p, const char *hosts, const char *subsets)
{
    char *error = NULL;

    if (hosts) {
        struct json *j = json_from_string(hosts);
        error = vp_peers_add_hosts(p, j);
        json_destroy(j);
    }
    if (!error && subsets) {
        struct json *j = json_from_string(subsets);
        error = vp_peers_set_subsets(p, j);
        json_destroy(j);
    }
    return error ? error : vp_peers_check(p);
}

static void
expect_error(const char *hosts, const char *subsets, const char *needle)
{
    struct vp_peers p;
    vp_peers_init(&p);
    char *error = apply(&p, hosts, subsets);
    assert_non_null(error);
    if (!strstr(error, needle)) {
        fail_msg("error \"%s\" lacks \"%s\"", error, needle);
    }
    free(error);
    vp_peers_destroy(&p);
}

static const char *const two_hosts =
    "[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\"},"
    " {\"name\": \"h2\", \"vtep\": \"192.168.100.2\", \"snat-blocks\":"
    " [{\"address\": \"192.0.2.11\", \"first\": 1280, \"last\": 1535},"
    "  {\"address\": \"192.0.2.10\", \"first\": 65280, \"last\": 65535}]}]";

static void
test_good(void **state OVS_UNUSED)
{
    struct vp_peers p;
    struct ds s = DS_EMPTY_INITIALIZER;

    vp_peers_init(&p);
    char *error = apply(&p, two_hosts,
                        "{\"count\": 8, \"owner-rule\": \"higher\","
                        " \"assignment\": {\"h1\": [0, 1, 2, 5],"
                        " \"h2\": [3, 4, 6]}}");
    assert_null(error);
    assert_int_equal(vp_peers_count_held(&p, "h1"), 4);
    assert_int_equal(vp_peers_count_held(&p, "h2"), 3);
    assert_string_equal(p.owner_rule, "higher");
    assert_string_equal(p.query_mode, "forward");
    const struct vp_peer_host *h1 = shash_find_data(&p.hosts, "h1");
    const struct vp_peer_host *h2 = shash_find_data(&p.hosts, "h2");
    assert_int_equal(h1->n_blocks, 0);
    assert_int_equal(h2->n_blocks, 2);
    ovs_be32 a10 = htonl(0xc000020a), a11 = htonl(0xc000020b);
    const struct vp_snat_block *b = vp_snat_block_find(h2->blocks, 2, a11);
    assert_non_null(b);
    assert_int_equal(b->first, 1280);
    assert_int_equal(b->last, 1535);
    assert_null(vp_snat_block_find(h2->blocks, 2, htonl(0xc000020c)));
    assert_null(vp_snat_block_find(h1->blocks, 0, a10));
    struct json *summary = vp_peers_summary_json(&p);
    struct json *rows = vp_peers_host_rows(&p, "h1");
    ds_put_and_free_cstr(&s, json_to_string(summary, JSSF_SORT));
    ds_put_and_free_cstr(&s, json_to_string(rows, JSSF_SORT));
    assert_non_null(strstr(ds_cstr(&s), "\"unassigned\":1"));
    assert_non_null(strstr(ds_cstr(&s), "\"owner-rule\":\"higher\""));
    assert_non_null(strstr(ds_cstr(&s),
                           "{\"blocks\":\"-\",\"gateway\":false,\"host\":"
                           "\"h1\",\"self\":true,\"subsets\":4,\"vtep\":"));
    assert_non_null(strstr(ds_cstr(&s), "\"which\":\"0-2,5\"}"));
    assert_non_null(strstr(ds_cstr(&s),
                           "{\"blocks\":\"192.0.2.10:65280-65535,"
                           "192.0.2.11:1280-1535\",\"gateway\":false,"
                           "\"host\":\"h2\",\"self\":false,\"subsets\":3,"));
    assert_non_null(strstr(ds_cstr(&s), "\"which\":\"3-4,6\"}"));
    json_destroy(summary);
    json_destroy(rows);
    ds_destroy(&s);
    vp_peers_destroy(&p);
}

static void
test_bad_fields(void **state OVS_UNUSED)
{
    expect_error("{}", NULL, "hosts: must be an array");
    expect_error("[{\"name\": \"h1\"}]", NULL, "hosts[0]");
    expect_error("[{\"name\": \"h 1\", \"vtep\": \"192.168.100.1\"}]", NULL,
                 "hosts[0].name");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"224.0.0.1\"}]", NULL,
                 "hosts[0].vtep");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"port-block\": 64}]", NULL, "hosts[0].port-block");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\"},"
                 " {\"name\": \"h2\", \"vtep\": \"192.168.100.2\","
                 " \"port-block\": -1}]", NULL, "hosts[1].port-block");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"port-block\": \"3\"}]", NULL, "hosts[0].port-block");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"snat-blocks\": {}}]", NULL, "hosts[0].snat-blocks");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"snat-blocks\": [{\"address\": \"192.0.2.1\","
                 " \"first\": 1023, \"last\": 2000}]}]", NULL,
                 "hosts[0].snat-blocks[0]");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"snat-blocks\": [{\"address\": \"192.0.2.1\","
                 " \"first\": 3000, \"last\": 2000}]}]", NULL,
                 "hosts[0].snat-blocks[0]");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"snat-blocks\": [{\"address\": \"192.0.2.1\","
                 " \"first\": 2000, \"last\": 2100}, {\"address\":"
                 " \"192.0.2.1\", \"first\": 3000, \"last\": 3100}]}]",
                 NULL, "hosts[0].snat-blocks[1]");
    expect_error("[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                 " \"snat-blocks\": [{\"address\": \"nowhere\","
                 " \"first\": 2000, \"last\": 2100}]}]", NULL,
                 "hosts[0].snat-blocks[0]");
    expect_error(two_hosts, "{\"count\": 9999, \"assignment\": {}}",
                 "subsets.count");
    expect_error(two_hosts, "{\"count\": 4}", "subsets.assignment");
    expect_error(two_hosts, "{\"count\": 4, \"assignment\": {\"h1\": [4]}}",
                 "subsets.assignment.h1[0]");
    expect_error(two_hosts, "{\"count\": 4, \"assignment\": {\"h1\": [1],"
                 " \"h2\": [1]}}", "subset 1 is also");
    expect_error(two_hosts, "{\"count\": 4, \"owner-rule\": \"middle\","
                 " \"assignment\": {}}", "owner-rule");
    expect_error(two_hosts, "{\"count\": 4, \"assignment\": {\"h9\": [1]}}",
                 "not a known host");
}

/* A change is built on a copy: a bad one leaves the original as it was. */
static void
test_copy_untouched(void **state OVS_UNUSED)
{
    struct vp_peers p, copy;

    vp_peers_init(&p);
    assert_null(apply(&p, two_hosts,
                      "{\"count\": 2, \"assignment\": {\"h1\": [0],"
                      " \"h2\": [1]}}"));
    vp_peers_clone(&copy, &p);
    const struct vp_peer_host *h2 = shash_find_data(&copy.hosts, "h2");
    assert_int_equal(h2->n_blocks, 2);      /* The clone has every field. */
    assert_int_equal(h2->blocks[1].last, 1535);
    struct json *names = json_from_string("[\"h2\"]");
    assert_null(vp_peers_remove_hosts(&copy, names));
    json_destroy(names);
    char *error = vp_peers_check(&copy);
    assert_non_null(error);         /* Subset 1 is still h2's. */
    free(error);
    vp_peers_destroy(&copy);

    assert_int_equal(shash_count(&p.hosts), 2);
    assert_int_equal(vp_peers_count_held(&p, "h2"), 1);
    vp_peers_destroy(&p);
}

/* A controller from before "snat-blocks" sends "port-block": 1008 ports on
 * any SNAT address. */
static void
test_legacy_port_block(void **state OVS_UNUSED)
{
    struct vp_peers p;

    vp_peers_init(&p);
    assert_null(apply(&p, "[{\"name\": \"h1\", \"vtep\": \"192.168.100.1\","
                      " \"port-block\": 3}]",
                      "{\"count\": 1, \"assignment\": {\"h1\": [0]}}"));
    const struct vp_peer_host *h1 = shash_find_data(&p.hosts, "h1");
    const struct vp_snat_block *b = vp_snat_block_find(h1->blocks,
                                                       h1->n_blocks,
                                                       htonl(0xc000020a));
    assert_non_null(b);
    assert_int_equal(b->first, 4048);
    assert_int_equal(b->last, 5055);
    vp_peers_destroy(&p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad_fields),
        cmocka_unit_test(test_copy_untouched),
        cmocka_unit_test(test_legacy_port_block),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
