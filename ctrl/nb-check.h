/* ctrl/nb-check.h: whether the desired state in the database is one every
 * host can take.
 *
 * vplane-ctl runs this on the database as its transaction would leave it,
 * before committing: the VNets, the translation entries of every placed
 * port and the routes must pass the same checks a vplaned applies to a
 * snapshot (tables_check_config()), and a host's interface names must be
 * unique.  Anything the database accepts this way, every host accepts. */
#ifndef VPLANE_CTRL_NB_CHECK_H
#define VPLANE_CTRL_NB_CHECK_H 1

#include <stdbool.h>
#include "openvswitch/compiler.h"

#include <stdint.h>

struct ovsdb_idl;
struct vprec_deployment;
struct vprec_vnet;

/* 'complete': also require what a transaction must leave (the Deployment
 * row), not only what the database holds. */
char *nb_check(const struct ovsdb_idl *, bool complete)
    OVS_WARN_UNUSED_RESULT;

/* Whether VM address 'ip' belongs in VNet 'vnet': inside one of its
 * subnets (if it has any: a VNet without is layer 2 only) and not a
 * gateway address.  For errors that name a port's field ("ips: ..."). */
char *nb_check_vm_ip(const struct vprec_vnet *vnet, const char *ip)
    OVS_WARN_UNUSED_RESULT;

/* The deployment's WAN VNI (its default when unset). */
int64_t nb_wan_vni(const struct vprec_deployment *);

#endif /* ctrl/nb-check.h */
