/* ctrl/snat-blocks.h: SNAT port blocks, handed to the hosts that need them.
 *
 * Hosts source-NAT each on their own, and many share one external address,
 * so the ports of each SNAT address are cut into blocks of
 * Deployment.snat_block_size ports (default VP_SNAT_DEFAULT_BLOCK_SIZE),
 * and a block -- an address and a port range -- belongs to one host at a
 * time (Host.snat_blocks: address -> block index).  Like a cloud's NAT
 * gateway, the controller gives blocks only to the hosts whose VMs need
 * them: a host with a port of a VNet whose tenant has external access and
 * an SNAT rule for it gets one block from that rule's pool (the VNet's own
 * SNAT addresses, else the tenant-wide ones: any of them), keeps it as
 * long as it needs it, and gives it back a grace period after its last such
 * port left.  A pool with no free block leaves the host without one, said
 * by a counter, a log line and ctrl/hosts; the host then drops that traffic
 * as snat-no-block.  This file decides; ctrl-db.c writes, host-view.c
 * sends. */
#ifndef VPLANE_CTRL_SNAT_BLOCKS_H
#define VPLANE_CTRL_SNAT_BLOCKS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ds;
struct json;
struct ovsdb_idl;
struct sset;
struct vprec_deployment;
struct vprec_host;

struct snat_blocks *snat_blocks_create(void);
void snat_blocks_destroy(struct snat_blocks *);

/* Takes in the IDL's tracked changes: call it on every change, before
 * anything clears the tracked rows.  A port change costs a lookup
 * (snat-needs.h). */
void snat_blocks_track(struct snat_blocks *, const struct ovsdb_idl *);
/* Whether snat_blocks_assign() has something to do: a host's needs or the
 * Host rows changed, or an idle block's grace period ended. */
bool snat_blocks_pending(const struct snat_blocks *, long long int now);
/* Compares the needs kept from the tracked changes with the whole
 * database's (ctrl/verify-views); returns how many differ. */
size_t snat_blocks_verify(const struct snat_blocks *,
                          const struct ovsdb_idl *, struct ds *);
/* Run snat_blocks_assign() again (its rows were not written), rebuilding
 * the needs from the database if 'rebuild' (tracked changes were missed). */
void snat_blocks_recheck(struct snat_blocks *, bool rebuild);

/* The deployment's block size, and how many blocks one address has. */
int64_t snat_block_size(const struct vprec_deployment *);
int64_t snat_blocks_per_address(int64_t size);

/* Frees the blocks idle for
 * 'grace_ms', gives a block to each host that needs one and has none, and
 * writes the Host rows that change into the IDL's open transaction.
 * Returns how many rows it wrote. */
size_t snat_blocks_assign(struct snat_blocks *, struct ovsdb_idl *,
                          long long int now, long long int grace_ms);

/* When snat_blocks_assign() should run again for an idle block's grace
 * period to end (LLONG_MAX: none pending). */
long long int snat_blocks_next_check(const struct snat_blocks *);

/* For ctrl/hosts: the host's blocks as "ADDRESS:FIRST-LAST,...", "-" if it
 * needs none, or "none: pool exhausted" for a need left unmet. */
void snat_blocks_format_host(const struct snat_blocks *, const char *host,
                             struct ds *);
/* What a host entry of the hosts' tables says of 'h''s blocks
 * ("snat-blocks": [{"address", "first", "last"}], docs/protocol.md), or
 * NULL for none.  'taken' collects "ADDRESS/BLOCK" of the blocks sent, so
 * that a block two rows have (a hand edit) goes to the first only. */
struct json *snat_blocks_host_json(const struct vprec_host *h, int64_t size,
                                   struct sset *taken);

/* How many hosts need a block and have none. */
size_t snat_blocks_n_missing(const struct snat_blocks *);

#endif /* ctrl/snat-blocks.h */
