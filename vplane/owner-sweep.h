/* vplane/owner-sweep.h: after the tables change, removes the connection
 * state this host no longer owns (DESIGN 2: one owner per stateful flow).
 *
 * A VM that moves to another host, a port that leaves, a new owner rule, a
 * NAT rule or a host list that changes: the owner of a flow may now be
 * another host, which picks the flow up, while the old owner's conntrack
 * still holds it.  After every change of the tables the main thread walks
 * conntrack, a bounded number of connections per poll-loop iteration, and
 * asks the packet path's own decision (xlate_decide(), owner.c) what it
 * would do now with a packet of each connection, in either direction, as
 * the packet would reach this host; a connection whose decision names
 * another owner is removed, with this host's SNAT record of it.  State does
 * not move to the new owner (the new owner's conntrack picks a TCP
 * connection up mid-stream, if its rules allow a new one).  Nothing here
 * runs per packet. */
#ifndef VPLANE_OWNER_SWEEP_H
#define VPLANE_OWNER_SWEEP_H 1

#include <stdbool.h>
#include <stdint.h>

struct conntrack;
struct resolver;
struct vp_tables;

/* Connections judged per poll-loop iteration. */
#define OWNER_SWEEP_BATCH 500

struct owner_sweep_stats {
    uint64_t passes;            /* Walks of conntrack finished. */
    uint64_t removed;           /* Connections removed: another host's. */
    bool running;               /* A walk is under way or due. */
};

struct owner_sweep *owner_sweep_create(void);
void owner_sweep_destroy(struct owner_sweep *);

/* Main thread.  'resolver' may be NULL. */
void owner_sweep_run(struct owner_sweep *, const struct vp_tables *,
                     struct conntrack *, struct resolver *);
void owner_sweep_wait(const struct owner_sweep *, const struct vp_tables *);

void owner_sweep_get_stats(const struct owner_sweep *,
                           struct owner_sweep_stats *);

#endif /* vplane/owner-sweep.h */
