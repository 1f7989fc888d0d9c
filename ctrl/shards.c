/* ctrl/shards.c: the OVSDB locks of the shards (see shards.h); whether a
 * lock is really held on a clustered database's leader. */
#include <config.h>
#include "shards.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "crc32c.h"
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
    struct ovsdb_idl *idl;      /* NULL until requested. */
    unsigned int unlocked_seqno;
    bool held;
    bool preferred;
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

    l->idl = ovsdb_idl_create(sh->db_remote, &vprec_idl_class, false, true);
    /* A column to monitor: the IDL's seqno moves once it monitors the
     * leader, which is what shards_idl_lock_is_ours() waits for. */
    ovsdb_idl_add_column(l->idl, &vprec_deployment_col_shards);
    ovsdb_idl_set_lock(l->idl, shard_lock_name(k, buf));
    l->unlocked_seqno = ovsdb_idl_get_seqno(l->idl);
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
        sh->locks[k].preferred = !prefs || prefs[k];
        if (sh->locks[k].preferred) {
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
            if (sh->locks[k].idl) {
                ovsdb_idl_destroy(sh->locks[k].idl);
            }
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

void
shards_run(struct shards *sh)
{
    bool queue = time_msec() >= sh->queue_at;

    for (unsigned int k = 0; k < sh->n; k++) {
        struct shard_lock *l = &sh->locks[k];
        if (!l->idl && queue) {
            shard_request(sh, k);
        }
        if (l->idl) {
            ovsdb_idl_run(l->idl);
            l->held = shards_idl_lock_is_ours(l->idl, &l->unlocked_seqno,
                                              l->held);
        }
    }
}

void
shards_wait(struct shards *sh)
{
    for (unsigned int k = 0; k < sh->n; k++) {
        if (sh->locks[k].idl) {
            ovsdb_idl_wait(sh->locks[k].idl);
        } else {
            poll_timer_wait_until(sh->queue_at);
        }
    }
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
    return k < sh->n && sh->locks[k].idl;
}
