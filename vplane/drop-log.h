/* vplane/drop-log.h: the last drops, for `vplane-ctl drop-log`.
 *
 * drop-stats says how many packets were dropped and why; the drop log says
 * which: the last N drops (--drop-log=N) with their time, reason, port,
 * VNet, addresses and the first bytes of the frame.  Any thread records
 * into one ring.  Recording never waits: a drop that finds the ring busy
 * (another thread recording at the same instant) is counted as not logged
 * instead, so a flood of drops cannot slow forwarding down.  What the
 * kernel dropped before vplaned saw it (rx-queue-full) and frames a device
 * refused as a batch (tx-error on send) are counted, not logged. */
#ifndef VPLANE_DROP_LOG_H
#define VPLANE_DROP_LOG_H 1

#include <stddef.h>
#include <stdint.h>
#include "vplane/drop-reasons.h"

struct dp_packet;
struct ds;
struct json;

#define DROP_LOG_DEFAULT_SIZE 1000
#define DROP_LOG_MAX_SIZE 100000
/* Port ids beside the ports' own (tables.h): a packet the resolver held
 * for an owner answer and dropped. */
#define DROP_LOG_RESOLVER_PORT UINT16_MAX

void drop_log_set_size(size_t);
size_t drop_log_get_size(void);

/* Records that 'pkt', received on port 'port_id' (0: the fabric) in the
 * VNet of 'vni' (0: none known), is dropped for 'reason'.  Does not free
 * it. */
void drop_log_record(const struct dp_packet *pkt, unsigned int port_id,
                     uint32_t vni, enum vp_drop_reason reason);

/* One drop, as drop_log_snapshot() returns them. */
struct drop_log_entry {
    long long int when;         /* Wall clock, ms. */
    uint64_t seq;               /* 1, 2, ...: the drop's number. */
    uint16_t port_id;
    uint8_t reason;             /* enum vp_drop_reason. */
    uint8_t n_head;             /* Bytes in 'head'. */
    uint32_t vni;
    uint32_t len;               /* The frame's length. */
    char flow[96];              /* "tcp 10.1.0.11:40000 > 10.1.0.12:22". */
    uint8_t head[64];           /* The frame's first bytes. */
};

/* Copies the logged drops, oldest first, into '*entries' (free() it).
 * Returns how many; '*n_missed' gets the drops not logged because the ring
 * was busy, '*total' every drop recorded since start. */
size_t drop_log_snapshot(struct drop_log_entry **entries, uint64_t *n_missed,
                         uint64_t *total);
void drop_log_clear(void);

#endif /* vplane/drop-log.h */
