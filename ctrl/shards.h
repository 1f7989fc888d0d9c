/* ctrl/shards.h: which vplane-ctrl serves which hosts, when several are
 * active at once (docs/controller.md, "Shards").
 *
 * A deployment of N shards (Deployment.shards) puts each host in shard
 * shard_of_host(name, N).  Shard K is served by the vplane-ctrl that holds
 * the OVSDB lock shard_lock_name(K); shard 0's is "vplane_ctrl", the lock a
 * single controller takes, so an unsharded controller and a sharded one
 * never serve the same hosts.  Each lock is requested on a connection of its
 * own (an IDL monitoring one column: OVSDB locks are per session, and an IDL
 * finds a clustered database's leader).  A controller asks at once for the
 * shards it prefers and queues for the others only after a delay, so that
 * controllers started together share the shards and a dead one's shards go
 * to a living one.  A controller stands aside from a lock (leaves its line,
 * or gives it up) when asked, and, for the shards it does not prefer, while
 * its connection looks for a new leader.  This module only takes locks:
 * what serving means, and when to stand aside, is ctrl-shards.c's. */
#ifndef VPLANE_CTRL_SHARDS_H
#define VPLANE_CTRL_SHARDS_H 1

#include <stdbool.h>
#include <stddef.h>

struct ds;

#define SHARDS_MAX 256          /* Deployment.shards' maximum. */

/* The shard of host 'name' in a deployment of 'n_shards' (0 if
 * n_shards <= 1).  The one definition: never compute it elsewhere. */
unsigned int shard_of_host(const char *name, unsigned int n_shards);

/* The OVSDB lock of shard 'k', in 'buf' of at least 32 bytes. */
const char *shard_lock_name(unsigned int k, char buf[32]);

/* Parses a --shards list "K[,K...]" into 'prefs' (SHARDS_MAX booleans).
 * Returns NULL or an error to free. */
char *shards_parse_prefs(const char *s, bool prefs[SHARDS_MAX]);

struct shards;
/* Locks for 'n' shards on 'db_remote'; 'prefs' NULL means every shard is
 * preferred. */
struct shards *shards_create(const char *db_remote, unsigned int n,
                             const bool *prefs);
void shards_destroy(struct shards *);
unsigned int shards_count(const struct shards *);
void shards_run(struct shards *);
void shards_wait(struct shards *);
bool shards_held(const struct shards *, unsigned int k);
bool shards_preferred(const struct shards *, unsigned int k);
/* Whether shard 'k''s lock has been requested yet (false while a
 * non-preferred shard waits for its turn to queue, or stands aside). */
bool shards_requested(const struct shards *, unsigned int k);
void shards_stand_aside(struct shards *, unsigned int k, long long int until);
long long int shards_waiting_since(const struct shards *, unsigned int k);

/* Whether 'idl' holds its lock on the database's leader; '*unlocked_seqno'
 * is the IDL's seqno when it last did not, 'held_before' whether it held
 * it at the last call (see shards.c). */
struct ovsdb_idl;
bool shards_idl_lock_is_ours(struct ovsdb_idl *,
                             unsigned int *unlocked_seqno, bool held_before);

#endif /* ctrl/shards.h */
