/* ctrl/stats.h: the counters each vplaned reports (vplane.1.stats), kept
 * in memory and shown per host and per VNet by `ctrl/stats`.
 *
 * A report holds cumulative counters (since the vplaned started): per VNet
 * (the sum of the host's VM ports in it), for the fabric, and drops by
 * reason.  The controller keeps each host's last report as it came, after
 * checking it, and sums on demand: nothing here touches the database. */
#ifndef CTRL_STATS_H
#define CTRL_STATS_H 1

#include "openvswitch/compiler.h"

struct ctrl;
struct ctrl_host;
struct ds;
struct json;

/* Checks a report's parameters.  Returns NULL or an error. */
char *ctrl_stats_check(const struct json *) OVS_WARN_UNUSED_RESULT;
/* Keeps host 'h''s report 'p' (checked), replacing the last. */
void ctrl_stats_report(struct ctrl_host *h, const struct json *p);

/* ctrl/stats [--format=json] [HOST|VNET].  Returns NULL or an error. */
char *ctrl_stats_format(const struct ctrl *, int argc, const char *argv[],
                        struct ds *) OVS_WARN_UNUSED_RESULT;

/* ctrl/lagging: hosts whose state is not the desired one, and why. */
void ctrl_format_lagging(struct ctrl *, struct ds *);

#endif /* ctrl/stats.h */
