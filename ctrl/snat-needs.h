/* ctrl/snat-needs.h: which host needs a block of which SNAT pool, kept up
 * to date from the database's tracked changes (snat-blocks.h decides the
 * blocks from it).
 *
 * A host needs a pool while it has a port of a VNet whose tenant has
 * external access and an SNAT rule for it: the VNet's own SNAT addresses,
 * else the tenant-wide ones.  Counting each host's ports per pool lets a
 * port change cost one lookup, and say whether a host's needs changed at
 * all (its first port of a pool came, or its last one left): most port
 * changes need no new assignment.  Pools follow the tenants' NAT rules, so
 * a change to a tenant, a NAT rule, the deployment or a deleted VNet or
 * host rebuilds everything from the database, once, at the next
 * snat_needs_refresh(). */
#ifndef VPLANE_CTRL_SNAT_NEEDS_H
#define VPLANE_CTRL_SNAT_NEEDS_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/hmap.h"
#include "openvswitch/uuid.h"
#include "sset.h"

struct ds;
struct ovsdb_idl;

/* The SNAT addresses one VNet's (or one tenant's) VMs may leave from. */
struct snat_pool {
    struct hmap_node node;      /* In snat_needs.pools, by 'key'. */
    struct uuid key;            /* The VNet's or the tenant's row. */
    char *name;                 /* "tenant acme" or "VNet web". */
    struct sset addresses;
};

/* How many of a host's ports need one pool. */
struct snat_need {
    struct hmap_node node;      /* In snat_host_needs.pools, by pool. */
    const struct snat_pool *pool;
    size_t n_ports;
};

struct snat_host_needs {
    struct hmap_node node;      /* In snat_needs.hosts, by name. */
    char *name;
    struct hmap pools;          /* struct snat_need. */
};

struct snat_needs {
    struct hmap pools;          /* struct snat_pool. */
    struct hmap hosts;          /* struct snat_host_needs. */
    struct hmap ports;          /* Port row -> what it needs (private). */
    bool stale;                 /* Rebuild from the database. */
    bool changed;               /* Some host's set of pools changed. */
    size_t n_rebuilds;          /* Whole rebuilds, for ctrl/show. */
};

void snat_needs_init(struct snat_needs *);
void snat_needs_destroy(struct snat_needs *);

/* Takes in the IDL's tracked changes; must see every change (call it
 * before anything clears the tracked rows). */
void snat_needs_track(struct snat_needs *, const struct ovsdb_idl *);
/* Rebuilds everything if a change made that necessary. */
void snat_needs_refresh(struct snat_needs *, const struct ovsdb_idl *);

/* Compares what was kept with what the whole database gives, into 's';
 * returns how many hosts (or counts) differ. */
size_t snat_needs_verify(const struct snat_needs *, const struct ovsdb_idl *,
                         struct ds *);

const struct snat_host_needs *snat_needs_host(const struct snat_needs *,
                                              const char *name);

#endif /* ctrl/snat-needs.h */
