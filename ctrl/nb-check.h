/* ctrl/nb-check.h: whether the desired state in the database is one every
 * host can take.
 *
 * vplane-ctl runs this on the database as its transaction would leave it,
 * before committing: the VNets, the translation entries of every placed
 * port and the routes must pass the same checks a vplaned applies to a
 * snapshot (tables_check_config()), and a host's interface names must be
 * unique.  Anything the database accepts this way, every host accepts.
 *
 * The rules hold within parts: a tenant's VNets, ports and routes, a
 * host's ports, the NAT rules (VNet names and VNIs are unique in the
 * database).  So a transaction only needs the parts it touches checked
 * (nb_check_scope()): in a database that was consistent, that refuses
 * exactly what the whole check refuses, at the cost of what it touches. */
#ifndef VPLANE_CTRL_NB_CHECK_H
#define VPLANE_CTRL_NB_CHECK_H 1

#include <stdbool.h>
#include "openvswitch/compiler.h"

#include <stdint.h>
#include "hmapx.h"
#include "uuidset.h"

struct ovsdb_datum;
struct ovsdb_idl;
struct ovsdb_idl_index;
struct ovsdb_idl_row;
struct vprec_port;
struct vprec_deployment;
struct vprec_vnet;

/* 'complete': also require what a transaction must leave (the Deployment
 * row), not only what the database holds. */
char *nb_check(const struct ovsdb_idl *, bool complete)
    OVS_WARN_UNUSED_RESULT;

/* The parts a transaction in progress touches (nb-check-scope.c). */
struct nb_scope {
    bool all;                   /* Everything: a host, a deployment
                                 * setting or a firewall rule changed. */
    bool nat;                   /* The NAT rules. */
    struct uuidset tenants;     /* A tenant's VNets, ports and routes. */
    struct uuidset vnets;       /* Deleted VNets' uuids. */
    struct uuidset hosts;       /* A host's ports (their local part). */
    struct hmapx committed;     /* Tenant, VNet, Host rows at the start. */
    struct uuidset written_ports;

    /* Optional IDL indexes of Port by "vnet" and by "host": with them, the
     * ports of the parts in scope are found without a walk over all. */
    struct ovsdb_idl_index *ports_by_vnet;
    struct ovsdb_idl_index *ports_by_host;
};

void nb_scope_init(struct nb_scope *);
void nb_scope_destroy(struct nb_scope *);
/* Before the transaction writes anything. */
void nb_scope_start(struct nb_scope *, const struct ovsdb_idl *);
/* Once it wrote everything (before committing or aborting it). */
void nb_scope_finish(struct nb_scope *, const struct ovsdb_idl *);

/* nb_check() of the parts in 'scope' only (NULL: everything).  After the
 * transaction is aborted, the same scope checks those parts as committed
 * (for the repair rule, nbctl.c). */
char *nb_check_scope(const struct ovsdb_idl *, bool complete,
                     const struct nb_scope *scope) OVS_WARN_UNUSED_RESULT;

/* For nb-check.c. */
enum nb_port_part {
    NB_PORT_OUT,                /* Not checked. */
    NB_PORT_HOST,               /* Only its place on its host. */
    NB_PORT_ALL,
};
struct nb_scoped_port {
    const struct vprec_port *port;
    enum nb_port_part part;     /* NB_PORT_HOST or NB_PORT_ALL. */
};
/* The ports to check, in '*ports' (the caller frees it). */
size_t nb_scope_ports(const struct nb_scope *, const struct ovsdb_idl *,
                      struct nb_scoped_port **ports);
bool nb_scope_has_tenant_ref(const struct nb_scope *,
                             const struct ovsdb_idl_row *,
                             const struct ovsdb_datum *tenant);
bool nb_scope_has_vnet(const struct nb_scope *, const struct vprec_vnet *);
enum nb_port_part nb_scope_port(const struct nb_scope *,
                                const struct ovsdb_idl *,
                                const struct vprec_port *);

/* Whether VM address 'ip' belongs in VNet 'vnet': inside one of its
 * subnets (if it has any: a VNet without is layer 2 only) and not a
 * gateway address.  For errors that name a port's field ("ips: ..."). */
char *nb_check_vm_ip(const struct vprec_vnet *vnet, const char *ip)
    OVS_WARN_UNUSED_RESULT;

/* The deployment's WAN VNI (its default when unset). */
int64_t nb_wan_vni(const struct vprec_deployment *);

#endif /* ctrl/nb-check.h */
