/* tests/unit/test-subsets.c: the query-subset assignment -- even, and
 * moving as little as possible when hosts come and go. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "ctrl/subsets.h"

#define N 64

static void
count(const int *assign, size_t n_hosts, size_t *counts)
{
    memset(counts, 0, n_hosts * sizeof *counts);
    for (size_t s = 0; s < N; s++) {
        assert_true(assign[s] >= 0 && (size_t) assign[s] < n_hosts);
        counts[assign[s]]++;
    }
}

static size_t
differences(const int *a, const int *b)
{
    size_t n = 0;

    for (size_t s = 0; s < N; s++) {
        n += a[s] != b[s];
    }
    return n;
}

static void
test_even_join_leave(void **state OVS_UNUSED)
{
    int none[N], three[N], four[N], after[N];
    size_t counts[4];

    for (size_t s = 0; s < N; s++) {
        none[s] = -1;
    }

    /* Three hosts: a third each, +-1. */
    assert_int_equal(subsets_assign(N, none, 3, three), N);
    count(three, 3, counts);
    for (size_t h = 0; h < 3; h++) {
        assert_in_range(counts[h], N / 3, N / 3 + 1);
    }

    /* A fourth joins: it gets a quarter, taken from the others; no subset
     * moves between the three. */
    size_t moved = subsets_assign(N, three, 4, four);
    count(four, 4, counts);
    for (size_t h = 0; h < 4; h++) {
        assert_int_equal(counts[h], N / 4);
    }
    assert_int_equal(moved, N / 4);
    assert_int_equal(differences(three, four), N / 4);
    for (size_t s = 0; s < N; s++) {
        if (three[s] != four[s]) {
            assert_int_equal(four[s], 3);
        }
    }

    /* Host 1 leaves (hosts renumbered: 0, 2, 3 -> 0, 1, 2): only its
     * subsets move. */
    int current[N];
    for (size_t s = 0; s < N; s++) {
        current[s] = (four[s] == 1 ? -1 : four[s] > 1 ? four[s] - 1 : 0);
    }
    moved = subsets_assign(N, current, 3, after);
    assert_int_equal(moved, N / 4);
    count(after, 3, counts);
    for (size_t h = 0; h < 3; h++) {
        assert_in_range(counts[h], N / 3, N / 3 + 1);
    }
    for (size_t s = 0; s < N; s++) {
        if (current[s] >= 0) {
            assert_int_equal(after[s], current[s]);
        }
    }

    /* Stable: the same input again moves nothing. */
    int again[N];
    assert_int_equal(subsets_assign(N, after, 3, again), 0);
    assert_memory_equal(after, again, sizeof after);

    /* Nobody left. */
    assert_int_equal(subsets_assign(N, after, 0, again), N);
    for (size_t s = 0; s < N; s++) {
        assert_int_equal(again[s], -1);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_even_join_leave),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
