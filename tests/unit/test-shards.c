/* tests/unit/test-shards.c: which shard a host is in -- the same on every
 * controller and in every release (a change would move hosts between the
 * controllers of a mixed deployment), spread evenly, few moved when the
 * number of shards grows -- and the shards' lock names and --shards
 * lists. */
#include <config.h>
#include "test-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctrl/shards.h"

static void
test_shard_of_host_stable(void **state OVS_UNUSED)
{
    /* tests/lib/shards.sh relies on these too.  CRC32C of "node1" is
     * 0x088f9a3d (RFC 3720's checksum; any implementation gives it),
     * mapped by jump consistent hash (Lamping and Veach's reference code
     * gives the same). */
    assert_int_equal(shard_of_host("node2", 3), 0);
    assert_int_equal(shard_of_host("node8", 3), 1);
    assert_int_equal(shard_of_host("node11", 3), 1);
    assert_int_equal(shard_of_host("node4", 3), 2);
    assert_int_equal(shard_of_host("node1", 3), 2);
    assert_int_equal(shard_of_host("node1", 2), 0);
    /* One shard, or none configured: everything is shard 0. */
    assert_int_equal(shard_of_host("node4", 1), 0);
    assert_int_equal(shard_of_host("node4", 0), 0);
}

static void
test_shard_of_host_even(void **state OVS_UNUSED)
{
    enum { N_SHARDS = 3, N_HOSTS = 3000 };
    size_t counts[N_SHARDS] = { 0 };

    for (int i = 0; i < N_HOSTS; i++) {
        char name[32];
        snprintf(name, sizeof name, "compute-%04d", i);
        unsigned int k = shard_of_host(name, N_SHARDS);
        assert_true(k < N_SHARDS);
        counts[k]++;
    }
    for (int k = 0; k < N_SHARDS; k++) {
        assert_in_range(counts[k], N_HOSTS / N_SHARDS * 9 / 10,
                        N_HOSTS / N_SHARDS * 11 / 10);
    }
}

/* From N to N + 1 shards a host either stays or goes to the new shard N,
 * and about 1/(N + 1) of them go: a modulo would move most (3/4 from 3 to
 * 4), each move a reconnection and a snapshot. */
static void
test_shard_of_host_minimal_moves(void **state OVS_UNUSED)
{
    enum { N_HOSTS = 4000 };

    for (unsigned int n = 1; n < 8; n++) {
        size_t moved = 0;
        for (int i = 0; i < N_HOSTS; i++) {
            char name[32];
            snprintf(name, sizeof name, "compute-%04d", i);
            unsigned int before = shard_of_host(name, n);
            unsigned int after = shard_of_host(name, n + 1);
            if (before != after) {
                assert_int_equal(after, n);
                moved++;
            }
        }
        assert_in_range(moved, N_HOSTS / (n + 1) * 8 / 10,
                        N_HOSTS / (n + 1) * 12 / 10);
    }
}

static void
test_lock_names_and_prefs(void **state OVS_UNUSED)
{
    char buf[32];
    bool prefs[SHARDS_MAX];
    char *error;

    /* Shard 0's lock is the single controller's. */
    assert_string_equal(shard_lock_name(0, buf), "vplane_ctrl");
    assert_string_equal(shard_lock_name(7, buf), "vplane_shard_7");

    assert_null(shards_parse_prefs("0,2", prefs));
    assert_true(prefs[0] && !prefs[1] && prefs[2] && !prefs[3]);

    error = shards_parse_prefs("1,x", prefs);
    assert_non_null(error);
    assert_non_null(strstr(error, "\"x\" is not a shard number"));
    free(error);
    error = shards_parse_prefs("256", prefs);
    assert_non_null(error);
    free(error);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shard_of_host_stable),
        cmocka_unit_test(test_shard_of_host_even),
        cmocka_unit_test(test_shard_of_host_minimal_moves),
        cmocka_unit_test(test_lock_names_and_prefs),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
