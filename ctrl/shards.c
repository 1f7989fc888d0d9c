/* ctrl/shards.c: the OVSDB locks of the shards (see shards.h); whether a
 * lock is really held on a clustered database's leader. */
#include <config.h>
#include "shards.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "crc32c.h"
#include "leader-seek.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(shards);

/* How long a controller waits before it queues for the shards it does not
 * prefer: long enough for controllers started together to take their own
 * first, short next to a host's reconnection backoff. */
#define SHARDS_QUEUE_DELAY_MS 2000

struct shard_lock {
    struct ovsdb_idl *idl;
    struct leader_seek seek;    /* For 'idl'. */
    unsigned int unlocked_seqno;
    bool held;
    bool preferred;
    bool queued;                /* In line for the lock, or holding it. */
    long long int aside_until;  /* Stood aside (shards_stand_aside()):
                                 * not in line again before this. */
    long long int waiting_since; /* In line and not holding it since. */
};

struct shards {
    char *db_remote;
    unsigned int n;
    struct shard_lock *locks;
    long long int queue_at;     /* When to request the non-preferred. */
};

/* Lamping and Veach's jump consistent hash ("A Fast, Minimal Memory,
 * Consistent Hash Algorithm", 2014): from n to n + 1 buckets, only the keys
 * that land in the new bucket move (1/(n + 1) of them), where a modulo
 * moves most of them.  It keeps no state, and its arithmetic (64-bit
 * integers, IEEE doubles) gives the same bucket on any machine. */
static unsigned int
jump_consistent_hash(uint64_t key, unsigned int n_buckets)
{
    int64_t b = -1, j = 0;

    while (j < n_buckets) {
        b = j;
        key = key * UINT64_C(2862933555777941757) + 1;
        j = (b + 1) * ((double) (UINT64_C(1) << 31)
                       / (double) ((key >> 33) + 1));
    }
    return b;
}

unsigned int
shard_of_host(const char *name, unsigned int n_shards)
{
    /* Every controller and vplane-ctl must agree, whatever machine and
     * build: hash_string() is not that (Open vSwitch builds it on the CPU's
     * CRC32 instruction when compiled for SSE 4.2 or ARMv8 CRC, on murmur
     * otherwise), but crc32c() is one checksum, RFC 3720's, in software.
     * Its value is computed in host order and only typed big-endian (for
     * SCTP's header): taken as it is, it is the standard CRC32C on any
     * machine.  A consistent mapping of it rather than a modulo, so that
     * changing Deployment.shards moves few hosts. */
    uint32_t crc = (OVS_FORCE uint32_t) crc32c((const uint8_t *) name,
                                               strlen(name));
    return n_shards > 1 ? jump_consistent_hash(crc, n_shards) : 0;
}

const char *
shard_lock_name(unsigned int k, char buf[32])
{
    if (!k) {
        return "vplane_ctrl";
    }
    snprintf(buf, 32, "vplane_shard_%u", k);
    return buf;
}

char *
shards_parse_prefs(const char *s, bool prefs[SHARDS_MAX])
{
    char *copy = xstrdup(s), *save = NULL;
    char *error = NULL;

    memset(prefs, 0, SHARDS_MAX * sizeof *prefs);
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        unsigned int k;
        if (!str_to_uint(tok, 10, &k) || k >= SHARDS_MAX) {
            error = xasprintf("--shards: \"%s\" is not a shard number "
                              "(0 to %d)", tok, SHARDS_MAX - 1);
            break;
        }
        prefs[k] = true;
    }
    free(copy);
    return error;
}

static void
shard_request(struct shards *sh, unsigned int k)
{
    struct shard_lock *l = &sh->locks[k];
    char buf[32];

    ovsdb_idl_set_lock(l->idl, shard_lock_name(k, buf));
    l->unlocked_seqno = ovsdb_idl_get_seqno(l->idl);
    l->queued = true;
    l->waiting_since = time_msec();
    VLOG_INFO("shard %u: asking for lock %s%s", k, shard_lock_name(k, buf),
              l->preferred ? " (preferred)" : "");
}

struct shards *
shards_create(const char *db_remote, unsigned int n, const bool *prefs)
{
    struct shards *sh = xzalloc(sizeof *sh);

    sh->db_remote = xstrdup(db_remote);
    sh->n = MIN(MAX(n, 1), SHARDS_MAX);
    sh->locks = xcalloc(sh->n, sizeof *sh->locks);
    sh->queue_at = time_msec() + SHARDS_QUEUE_DELAY_MS;
    for (unsigned int k = 0; k < sh->n; k++) {
        struct shard_lock *l = &sh->locks[k];
        l->preferred = !prefs || prefs[k];
        /* Connected at once, in line later (shards_run()). */
        l->idl = ovsdb_idl_create(sh->db_remote, &vprec_idl_class, false,
                                  true);
        leader_seek_init(&l->seek, sh->db_remote);
        /* A column to monitor: the IDL's seqno moves once it monitors the
         * leader, which is what shards_idl_lock_is_ours() waits for. */
        ovsdb_idl_add_column(l->idl, &vprec_deployment_col_shards);
        if (l->preferred) {
            shard_request(sh, k);
        }
    }
    return sh;
}

void
shards_destroy(struct shards *sh)
{
    if (sh) {
        for (unsigned int k = 0; k < sh->n; k++) {
            ovsdb_idl_destroy(sh->locks[k].idl);
            leader_seek_destroy(&sh->locks[k].seek);
        }
        free(sh->locks);
        free(sh->db_remote);
        free(sh);
    }
}

unsigned int
shards_count(const struct shards *sh)
{
    return sh->n;
}

/* The IDL asks for its lock as soon as it connects, before it checks that
 * a clustered server is the leader, and each server of a Raft cluster has
 * locks of its own: a follower grants the lock for the moment until the
 * IDL moves on, even while another vplane-ctrl holds it on the leader.
 * The IDL's seqno changes only once the data is monitored (on the leader)
 * or once a lock is granted while monitoring, so a lock counts only after
 * the seqno has moved since the last time it was not held. */
bool
shards_idl_lock_is_ours(struct ovsdb_idl *idl, unsigned int *unlocked_seqno,
                        bool held_before)
{
    if (!ovsdb_idl_has_lock(idl)) {
        *unlocked_seqno = ovsdb_idl_get_seqno(idl);
        return false;
    }
    return held_before || ovsdb_idl_get_seqno(idl) != *unlocked_seqno;
}

/* When lock 'l' may join the line: a preferred one at once, the others
 * after the queue delay, and none before the end of a stand-aside. */
static long long int
queue_time(const struct shards *sh, const struct shard_lock *l)
{
    return MAX(l->preferred ? 0 : sh->queue_at, l->aside_until);
}

void
shards_run(struct shards *sh)
{
    long long int now = time_msec();

    for (unsigned int k = 0; k < sh->n; k++) {
        struct shard_lock *l = &sh->locks[k];

        ovsdb_idl_run(l->idl);
        leader_seek_run(&l->seek, l->idl);
        if (!l->preferred && !l->seek.ready) {
            /* The IDL would ask for the lock again the moment it reaches a
             * (new) leader, where every lock is free: the controllers that
             * prefer the shard get the same 2 s head start as when they
             * all start, rather than whoever reconnects first taking it. */
            shards_stand_aside(sh, k, now + SHARDS_QUEUE_DELAY_MS);
        }
        if (!l->queued && now >= queue_time(sh, l)) {
            shard_request(sh, k);
        }
        bool held = shards_idl_lock_is_ours(l->idl, &l->unlocked_seqno,
                                            l->held);
        if (l->held && !held) {
            l->waiting_since = now;
        }
        l->held = held;
    }
}

void
shards_wait(struct shards *sh)
{
    for (unsigned int k = 0; k < sh->n; k++) {
        const struct shard_lock *l = &sh->locks[k];
        ovsdb_idl_wait(l->idl);
        leader_seek_wait(&l->seek);
        if (!l->queued) {
            poll_timer_wait_until(queue_time(sh, l));
        }
    }
}

/* Leaves the line for shard 'k''s lock, or gives the lock up, and stays
 * out of it until 'until' at least (ovsdb-server hands a lock to the
 * first in line: see ctrl-shards.c's rebalancing).  The IDL stays
 * connected: joining the line again is one message. */
void
shards_stand_aside(struct shards *sh, unsigned int k, long long int until)
{
    struct shard_lock *l = &sh->locks[k];

    l->aside_until = MAX(l->aside_until, until);
    if (l->queued) {
        VLOG_INFO("shard %u: %s its lock", k,
                  l->held ? "giving up" : "leaving the line for");
        ovsdb_idl_set_lock(l->idl, NULL);
        l->queued = false;
        l->held = false;
    }
}

/* Since when this controller has been in line for shard 'k''s lock
 * without holding it, or LLONG_MAX. */
long long int
shards_waiting_since(const struct shards *sh, unsigned int k)
{
    const struct shard_lock *l = &sh->locks[k];
    return l->queued && !l->held ? l->waiting_since : LLONG_MAX;
}

bool
shards_held(const struct shards *sh, unsigned int k)
{
    return k < sh->n && sh->locks[k].held;
}

bool
shards_preferred(const struct shards *sh, unsigned int k)
{
    return k < sh->n && sh->locks[k].preferred;
}

bool
shards_requested(const struct shards *sh, unsigned int k)
{
    return k < sh->n && sh->locks[k].queued;
}
