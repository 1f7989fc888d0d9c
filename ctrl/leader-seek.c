/* ctrl/leader-seek.c: a quick search for a clustered database's new leader
 * after an IDL lost its connection (see leader-seek.h).  It changes only
 * when the IDL tries; what the IDL accepts (the leader, fresh data) stays
 * the IDL's. */
#include <config.h>
#include "leader-seek.h"

#include <stdlib.h>
#include "coverage.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(leader_seek);

COVERAGE_DEFINE(ctrl_db_leader_seek);

void
leader_seek_init(struct leader_seek *ls, const char *remote)
{
    *ls = (struct leader_seek) { .remote = xstrdup(remote) };
}

void
leader_seek_destroy(struct leader_seek *ls)
{
    free(ls->remote);
    ls->remote = NULL;
}

/* A new session on the same members: ovsdb_idl_set_remote() starts one
 * only for a remote that differs from the last as a string, and the
 * remote parser skips leading white space, so one space more or less
 * names the same members.  The IDL keeps its data and a live connection
 * (there is none here), and shuffles the members as at creation. */
static void
start_round(struct leader_seek *ls, struct ovsdb_idl *idl)
{
    ls->spaced = !ls->spaced;
    char *remote = xasprintf("%s%s", ls->spaced ? " " : "", ls->remote);
    ovsdb_idl_set_remote(idl, remote, true);
    free(remote);
    COVERAGE_INC(ctrl_db_leader_seek);
}

void
leader_seek_run(struct leader_seek *ls, struct ovsdb_idl *idl)
{
    long long int now = time_msec();
    unsigned int seqno = ovsdb_idl_get_seqno(idl);

    if (!ovsdb_idl_is_connected(idl)) {
        if (ls->ready) {
            ls->ready = false;
            ls->armed = true;
            ls->lost_at = now;
            ls->next_round = now + LEADER_SEEK_INTERVAL_MS;
            ls->lost_seqno = seqno;
        }
    } else if (!ls->ready && (!ls->armed || seqno != ls->lost_seqno)) {
        /* The seqno moves on a monitor reply, which a member sends only
         * once it accepted the IDL (the leader, for a leader-only IDL):
         * a member that refuses it connects it for a moment only. */
        if (ls->armed || ovsdb_idl_has_ever_connected(idl)) {
            if (ls->armed) {
                VLOG_INFO("%s: monitoring again %.1f s after the connection "
                          "was lost", ls->remote, (now - ls->lost_at) / 1000.0);
            }
            ls->ready = true;
            ls->armed = false;
        }
        return;
    }
    if (ls->armed && !ls->ready && now >= ls->next_round
        && now - ls->lost_at < LEADER_SEEK_WINDOW_MS) {
        ls->next_round = now + LEADER_SEEK_INTERVAL_MS;
        if (!ovsdb_idl_is_connected(idl)) {
            start_round(ls, idl);
        }
    }
}

void
leader_seek_wait(const struct leader_seek *ls)
{
    if (ls->armed && !ls->ready
        && ls->next_round - ls->lost_at < LEADER_SEEK_WINDOW_MS) {
        poll_timer_wait_until(ls->next_round);
    }
}
