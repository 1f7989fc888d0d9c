/* ctrl/subsets.h: spreading the query subsets over the live hosts.
 *
 * Stateful-flow resolution (DESIGN 2) maps a flow nobody's address rules
 * can place to one of a fixed number of query subsets, and each subset to
 * one helper host.  The controller keeps the assignment even and, when
 * hosts come and go, moves as few subsets as possible: a host that stays
 * keeps what it has unless it now holds more than its share. */
#ifndef VPLANE_CTRL_SUBSETS_H
#define VPLANE_CTRL_SUBSETS_H 1

#include <stddef.h>

/* Assigns 'n_subsets' subsets to hosts 0..n_hosts-1.  'current[s]' is the
 * live host holding subset s now, or -1.  Writes 'assign[s]' (-1 only if
 * there is no host).  Returns how many subsets changed hands.  Deterministic:
 * the same input gives the same output. */
size_t subsets_assign(size_t n_subsets, const int *current, size_t n_hosts,
                      int *assign);

#endif /* ctrl/subsets.h */
