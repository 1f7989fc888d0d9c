/* vplane/gwlive.h: gateway liveness -- which gateways this host finds
 * alive over the fabric, so that WAN flows are hashed over those only
 * (docs/stateful-flows.md, "Gateway liveness").
 *
 * Every vplaned probes every gateway the controller lists (but itself)
 * with a small echo, BFD-like: an owner message of type PROBE (owner-msg.h,
 * on the owner-message socket the resolver owns), every 'interval_ms'
 * jittered down to 75% of it; the gateway answers PROBE_REPLY with the
 * probe's number.  A gateway is down when no probe has been answered for
 * 'multiplier' intervals, and up again (or up at first) once it has
 * answered 'up_after' probes in a row, so that a gateway coming and going
 * does not move flows back and forth.  The controller's view does not
 * enter into it: a gateway whose vplaned lost its controller session
 * forwards on, headless, and answers its probes.
 *
 * This module keeps the state and decides; it sends through a callback
 * and does no I/O itself.  Main thread only. */
#ifndef VPLANE_GWLIVE_H
#define VPLANE_GWLIVE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"

struct ds;
struct json;
struct vp_stateful;

struct gwlive_options {
    int interval_ms;            /* Between probes to one gateway. */
    int multiplier;             /* Intervals without an answer: down. */
    int up_after;               /* Answers in a row: up. */
};

/* Detection in 1.5 s at most (plus a round trip), well inside 3 s. */
#define GWLIVE_DEFAULT_INTERVAL_MS 500
#define GWLIVE_DEFAULT_MULTIPLIER 3
#define GWLIVE_DEFAULT_UP_AFTER 3
#define GWLIVE_MIN_INTERVAL_MS 50
#define GWLIVE_MAX_INTERVAL_MS 60000

#define GWLIVE_OPTIONS_DEFAULT { GWLIVE_DEFAULT_INTERVAL_MS, \
                                 GWLIVE_DEFAULT_MULTIPLIER, \
                                 GWLIVE_DEFAULT_UP_AFTER }

/* Returns NULL if 'o' is valid, otherwise what is wrong with it. */
const char *gwlive_options_check(const struct gwlive_options *o);

struct gwlive *gwlive_create(const struct gwlive_options *, ovs_be32 self);
void gwlive_destroy(struct gwlive *);

/* Follows the gateways of snapshot 'sf': new ones start unused (until they
 * answer), gone ones are forgotten. */
void gwlive_set_gateways(struct gwlive *, const struct vp_stateful *sf,
                         long long int now);

/* Sends the probes due (through 'send'), and marks down the gateways
 * silent for too long.  Returns true if the set of gateways not alive
 * changed since the last gwlive_down() call. */
typedef void gwlive_send_func(ovs_be32 gateway, uint32_t xid, void *aux);
bool gwlive_run(struct gwlive *, long long int now, gwlive_send_func *,
                void *aux);
void gwlive_wait(const struct gwlive *);

/* A PROBE_REPLY numbered 'xid' from 'src'.  Returns false (counted) if it
 * answers no probe of this host's: late, repeated, or not a gateway's. */
bool gwlive_reply(struct gwlive *, ovs_be32 src, uint32_t xid,
                  long long int now);
/* This host answered a probe as a gateway, or refused one (it is no
 * gateway). */
void gwlive_count_answered(struct gwlive *, bool refused);

/* The gateways not alive (down, or not yet up): a malloc'd array in
 * '*down', and their number. */
size_t gwlive_down(struct gwlive *, ovs_be32 **down);

/* gateway/show: rows {"gateway", "state", "since-ms", "sent", "answered",
 * "missed", "late", "went-down", "went-up", "rtt-us"?}, and the settings
 * and counters. */
struct json *gwlive_rows_json(const struct gwlive *, long long int now);
struct json *gwlive_info_json(const struct gwlive *);

#endif /* vplane/gwlive.h */
