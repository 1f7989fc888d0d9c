/* vplane/libvirt-private.h: what libvirt-watch.c (the connection, events
 * and resyncs) and libvirt-nics.c (attaching and detaching NICs) share. */
#ifndef VPLANE_LIBVIRT_PRIVATE_H
#define VPLANE_LIBVIRT_PRIVATE_H 1

#include <stdbool.h>
#include <stdint.h>
#include <libvirt/libvirt.h>
#include "libvirt-xml.h"
#include "openvswitch/shash.h"
#include "smap.h"
#include "sset.h"

struct ctl_context;

/* The VM identity the watcher reports: "libvirt:" and the domain's UUID.
 * It says which ports are the watcher's to take down after a restart. */
#define LV_VM_PREFIX "libvirt:"

/* One vPlane NIC of a running domain. */
struct lv_nic {
    struct shash_node *node;    /* In 'nics'. */
    char *key;                  /* "UUID MAC": its node's name in 'nics'. */
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *domain;               /* The domain's name, for people. */
    struct lv_nic_spec spec;    /* 'spec.error': why it is not attached. */
    bool attached;              /* Given to port/add (or reported). */
};

/* The domain events the watcher follows. */
enum { LV_EV_LIFECYCLE, LV_EV_DEVICE_ADDED, LV_EV_DEVICE_REMOVED,
       LV_EV_METADATA, LV_N_EVENTS };

struct lv_watch {
    char *uri;
    struct ctl_context *ctx;

    virConnectPtr conn;         /* NULL while disconnected. */
    int callbacks[LV_N_EVENTS];
    bool lost;                  /* The close callback ran. */
    long long int next_connect;
    int backoff;
    char *conn_error;           /* Why the last connection attempt failed. */
    long long int connected_at;

    struct shash nics;          /* "UUID MAC" -> struct lv_nic. */
    struct sset dirty;          /* UUIDs of domains to read again. */
    struct sset retry;          /* The same, at the next retry tick. */
    bool full_resync;
    long long int next_full_resync; /* Not before (after a failure). */
    long long int next_retry;   /* When to try refused NICs again. */
    struct smap taps;           /* Tap -> domain UUID: taps we made. */
    bool stale_check;           /* A full resync read every domain: look
                                 * for ports of VMs gone (libvirt-nics.c). */

    unsigned long long n_connects, n_events, n_resyncs, n_refused, n_errors;
};

/* Makes this host's NICs of domain 'uuid' those of 'specs' (none for a
 * domain that is not running), taking the specs that change something. */
void lv_nics_apply(struct lv_watch *, const char *uuid, const char *domain,
                   struct lv_nic_spec *specs, size_t n);
/* Detaches 'nic' if attached and forgets it. */
void lv_nic_remove(struct lv_watch *, struct lv_nic *);
void lv_nic_free(struct lv_nic *);
/* Under a controller: reports down the ports of VMs not running here. */
void lv_nics_report_stale(struct lv_watch *);

#endif /* vplane/libvirt-private.h */
