/* ctrl/subsets.c: see subsets.h. */
#include <config.h>
#include "subsets.h"

#include <stdlib.h>
#include "util.h"

struct host_load {
    size_t host;
    size_t held;        /* Subsets it holds now. */
    size_t cap;         /* Subsets it may hold after. */
    size_t kept;
};

/* Hosts holding most first, so that the ones that get a share one larger
 * than the others are those that would otherwise give one away. */
static int
compare_by_held(const void *a_, const void *b_)
{
    const struct host_load *a = a_, *b = b_;

    if (a->held != b->held) {
        return a->held > b->held ? -1 : 1;
    }
    return a->host < b->host ? -1 : a->host > b->host;
}

size_t
subsets_assign(size_t n_subsets, const int *current, size_t n_hosts,
               int *assign)
{
    if (!n_hosts) {
        size_t moved = 0;
        for (size_t s = 0; s < n_subsets; s++) {
            moved += current[s] >= 0;
            assign[s] = -1;
        }
        return moved;
    }

    struct host_load *loads = xcalloc(n_hosts, sizeof *loads);
    for (size_t h = 0; h < n_hosts; h++) {
        loads[h].host = h;
    }
    for (size_t s = 0; s < n_subsets; s++) {
        if (current[s] >= 0 && (size_t) current[s] < n_hosts) {
            loads[current[s]].held++;
        }
    }
    qsort(loads, n_hosts, sizeof *loads, compare_by_held);
    size_t base = n_subsets / n_hosts, extra = n_subsets % n_hosts;
    size_t *by_host = xmalloc(n_hosts * sizeof *by_host);
    for (size_t i = 0; i < n_hosts; i++) {
        loads[i].cap = base + (i < extra);
        by_host[loads[i].host] = i;
    }

    /* Keep what each live host holds, up to its share. */
    for (size_t s = 0; s < n_subsets; s++) {
        int h = current[s];
        assign[s] = -1;
        if (h >= 0 && (size_t) h < n_hosts) {
            struct host_load *l = &loads[by_host[h]];
            if (l->kept < l->cap) {
                l->kept++;
                assign[s] = h;
            }
        }
    }

    /* Give the rest to the hosts below their share, in order. */
    size_t moved = 0, next = 0;
    for (size_t s = 0; s < n_subsets; s++) {
        if (assign[s] >= 0) {
            continue;
        }
        while (loads[next].kept >= loads[next].cap) {
            next++;
        }
        loads[next].kept++;
        assign[s] = loads[next].host;
        moved += current[s] != assign[s];
    }
    free(by_host);
    free(loads);
    return moved;
}
