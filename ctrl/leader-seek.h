/* ctrl/leader-seek.h: after an IDL loses a clustered database's leader,
 * look for the new one every second for a while, rather than wait out the
 * IDL's growing backoff (docs/controller.md, "A clustered database").
 *
 * Open vSwitch's IDL doubles its reconnection backoff (1, 2, 4, up to 8 s)
 * each time a member refuses it, and during an election every follower
 * refuses ("not cluster leader"): a client could take 10 s or more to find
 * a leader elected in one.  The IDL exposes no way to change that backoff,
 * but giving it its remotes again starts a new session, whose first round
 * through the members is free.  So, while the IDL is not monitoring
 * anything, for LEADER_SEEK_WINDOW_MS after it last was, this module
 * starts such a round once a second; after that, the IDL's own backoff
 * applies again, so a cluster that is really down is not hammered.  Before
 * the first successful connection nothing changes. */
#ifndef VPLANE_CTRL_LEADER_SEEK_H
#define VPLANE_CTRL_LEADER_SEEK_H 1

#include <stdbool.h>

struct ovsdb_idl;

#define LEADER_SEEK_INTERVAL_MS 1000
#define LEADER_SEEK_WINDOW_MS 30000

struct leader_seek {
    char *remote;               /* As given to ovsdb_idl_create(). */
    bool ready;                 /* Monitoring since the last loss. */
    bool armed;                 /* Lost after having been ready. */
    bool spaced;                /* The remote last given had a leading ' '. */
    unsigned int lost_seqno;    /* The IDL's seqno when it was lost. */
    long long int lost_at;
    long long int next_round;
};

void leader_seek_init(struct leader_seek *, const char *remote);
void leader_seek_destroy(struct leader_seek *);
void leader_seek_run(struct leader_seek *, struct ovsdb_idl *);
void leader_seek_wait(const struct leader_seek *);

#endif /* ctrl/leader-seek.h */
