/* vplane/tables.h: the forwarding tables of one vplaned.
 *
 * VNets (each in a tenant, with subnets and a distributed gateway), local VM
 * ports, the translation table (VNet, VM MAC, VM IP -> host VTEP) and
 * per-tenant routes.  The main thread is the only writer.  Forwarding threads
 * read without locks: indexes are cmaps, mutable aggregates are immutable
 * snapshots behind ovsrcu pointers, and freed objects go through
 * ovsrcu_postpone().  Every change bumps tables->gen, which invalidates the
 * flow caches.
 *
 * Changes arrive as a struct vp_config (see tables-config.h), checked as a whole
 * before anything is applied: a change is applied entirely or not at all.
 * This file does not do port I/O (port.h) or packet processing (xlate.h). */
#ifndef VPLANE_TABLES_H
#define VPLANE_TABLES_H 1

#include <stddef.h>
#include <stdint.h>
#include "cmap.h"
#include "openvswitch/hmap.h"
#include "openvswitch/list.h"
#include "openvswitch/types.h"
#include "ovs-atomic.h"
#include "ovs-rcu.h"
#include "ovs-thread.h"
#include "stats.h"

struct ds;
struct vp_config;
struct vp_port;
struct vp_stateful;

/* Port ids index per-thread counters (stats.h).  0 is the fabric side. */
#define VP_FABRIC_PORT_ID 0

/* One subnet of a VNet and the address its distributed gateway answers on. */
struct vp_subnet {
    ovs_be32 prefix;            /* Network address (host bits zero). */
    ovs_be32 mask;
    unsigned int plen;
    ovs_be32 gateway;           /* Inside the subnet. */
};

/* The part of a VNet that may change after creation; replaced as a whole. */
struct vp_vnet_cfg {
    struct eth_addr gw_mac;     /* Source MAC of routed frames, ARP answer. */
    size_t n_subnets;
    struct vp_subnet subnets[];
};

/* Where broadcast, unknown unicast and multicast go in a VNet. */
struct vp_flood {
    size_t n_ports;
    struct vp_port **ports;     /* Local ports of the VNet. */
    size_t n_vteps;
    ovs_be32 *vteps;            /* Other hosts with VMs in the VNet. */
};

struct vp_vnet {
    /* Immutable after creation. */
    char *name;
    uint32_t vni;
    struct vp_tenant *tenant;

    /* Replaced by the main thread, read through RCU. */
    OVSRCU_TYPE(const struct vp_vnet_cfg *) cfg;
    OVSRCU_TYPE(const struct vp_flood *) flood;
    struct cmap_node vni_node;  /* In tables->vnets_by_vni. */

    /* Main thread only. */
    struct hmap_node name_node; /* In tables->vnets_by_name. */
    struct hmap vtep_refs;      /* struct vtep_ref: remote VTEP -> users. */
    struct ovs_list ports;      /* struct vp_port's vnet_node. */
    size_t n_ports;
    size_t n_xlate;
};

/* A route configured for a tenant. */
struct vp_route {
    struct hmap_node node;      /* In tenant->routes.  Main thread only. */
    ovs_be32 prefix;
    unsigned int plen;
    ovs_be32 nexthop;           /* A VM address in one of the tenant's VNets. */
};

/* One entry of a tenant's routing information base: a connected subnet or a
 * route whose next hop is resolved to the VNet that holds it. */
struct vp_rib_entry {
    ovs_be32 prefix;
    ovs_be32 mask;
    unsigned int plen;
    ovs_be32 nexthop;           /* 0: the destination itself is the target. */
    const struct vp_vnet *vnet; /* Where the target is. */
};

/* Immutable; longest prefix first, so the first match is the best. */
struct vp_rib {
    size_t n;
    struct vp_rib_entry entries[];
};

/* The hosts a tenant's VMs are on. */
struct vp_vteps {
    size_t n;
    ovs_be32 vteps[];
};

struct vp_tenant {
    char *name;                                 /* Immutable. */
    uint16_t zone;              /* Conntrack zone (immutable), 1 to 65535. */
    OVSRCU_TYPE(const struct vp_rib *) rib;     /* RCU. */
    /* Other hosts with VMs in any VNet of the tenant: VXLAN is accepted in
     * the tenant's VNets from these, since with distributed routing a host
     * sends into the destination VNet even if it has no VM there.  RCU. */
    OVSRCU_TYPE(const struct vp_vteps *) vteps;

    /* Main thread only.  A tenant exists while it has VNets or routes. */
    struct hmap_node node;      /* In tables->tenants. */
    struct hmap routes;         /* struct vp_route. */
    struct hmap vtep_refs;      /* struct vtep_ref: VTEP -> VNets using it. */
    size_t n_vnets;
};

/* A translation-table entry: where a VM of a VNet lives. */
struct vp_xlate {
    struct cmap_node mac_node;  /* In tables->xlate_by_mac. */
    struct cmap_node ip_node;   /* In tables->xlate_by_ip, if ip != 0. */
    struct vp_vnet *vnet;       /* Immutable. */
    struct eth_addr mac;        /* Immutable. */
    ovs_be32 ip;                /* Immutable; 0 for a MAC-only entry. */
    ATOMIC(ovs_be32) vtep;      /* Host VTEP; updated in place on a move. */
};

/* An address of a local port, for lookups by IP. */
struct vp_port_ip {
    struct cmap_node node;      /* In tables->port_ips. */
    struct vp_port *port;
    ovs_be32 ip;
};

struct vp_tables {
    ovs_be32 self_vtep;         /* This host's VTEP address. */

    /* Read by forwarding threads. */
    struct cmap vnets_by_vni;   /* struct vp_vnet. */
    struct cmap ports_by_mac;   /* struct vp_port, hash of (VNI, MAC). */
    struct cmap port_ips;       /* struct vp_port_ip, hash of (VNI, IP). */
    struct cmap xlate_by_mac;   /* struct vp_xlate, hash of (VNI, MAC). */
    struct cmap xlate_by_ip;    /* struct vp_xlate, hash of (VNI, IP). */
    OVSRCU_TYPE(struct vp_stateful *) stateful;   /* stateful.h. */
    OVSRCU_TYPE(struct vp_port *) uplink;   /* This gateway's uplink to the
                                             * WAN: a port in no VNet, kept
                                             * out of 'ports_by_name'. */
    atomic_uint64_t gen;        /* Bumped after every change. */

    /* Main thread only. */
    struct hmap vnets_by_name;  /* struct vp_vnet. */
    struct hmap tenants;        /* struct vp_tenant. */
    unsigned long *zones;       /* Conntrack zones in use. */
    /* Forgets connection state (main thread): of one zone when its tenant
     * goes -- the hook then calls tables_release_zone() once the state is
     * gone, so the zone is not given again before; of every zone (NULL)
     * when the owner rule changes and this host may own none of it any
     * more. */
    void (*ct_flush)(const uint16_t *zone, void *aux);
    void *ct_flush_aux;
    struct hmap ports_by_name;  /* struct vp_port. */
    size_t n_routes;

    /* Called (main thread) when a port enters the tables and before one
     * leaves them, so that the dataplane can attach it and, on removal, take
     * it out of the poll lists before its destruction is postponed. */
    void (*port_link)(struct vp_port *, void *aux);
    void (*port_unlink)(struct vp_port *, void *aux);
    void *port_hooks_aux;

    /* Port ids in use.  Freed ids return from the RCU thread, hence the
     * mutex. */
    struct ovs_mutex port_ids_mutex;
    unsigned long *port_ids OVS_GUARDED;
};

struct vp_tables *tables_create(ovs_be32 self_vtep);
void tables_destroy(struct vp_tables *);
void tables_set_port_hooks(struct vp_tables *,
                           void (*link)(struct vp_port *, void *aux),
                           void (*unlink)(struct vp_port *, void *aux),
                           void *aux);

/* Changes.  All return NULL on success or a malloc'd one-line error that
 * names the offending entry and field; on error nothing has changed. */
char *tables_apply(struct vp_tables *, const struct vp_config *)
    OVS_WARN_UNUSED_RESULT;
char *tables_vnet_del(struct vp_tables *, const char *name)
    OVS_WARN_UNUSED_RESULT;
char *tables_port_del(struct vp_tables *, const char *name)
    OVS_WARN_UNUSED_RESULT;
char *tables_xlate_del(struct vp_tables *, const char *vnet,
                       struct eth_addr mac, ovs_be32 ip, bool all_ips)
    OVS_WARN_UNUSED_RESULT;
char *tables_route_del(struct vp_tables *, const char *tenant,
                       ovs_be32 prefix, unsigned int plen)
    OVS_WARN_UNUSED_RESULT;

/* The uplink port (main thread): creates it ('name', MAC 'mac') in place
 * of any other, or with a null 'name' removes it.  The port hooks attach
 * and detach it like a VM port.  False if no port id is left. */
bool tables_set_uplink(struct vp_tables *, const char *name,
                       struct eth_addr mac);
struct vp_port *tables_uplink(const struct vp_tables *);

/* Makes every cached forwarding decision stale (flows/flush). */
void tables_invalidate(struct vp_tables *);

/* Gives conntrack zone 'zone' back for another tenant (see ct_flush). */
void tables_release_zone(struct vp_tables *, uint16_t zone);

/* Lookups for any thread (RCU readers). */
uint64_t tables_gen(const struct vp_tables *);
const struct vp_vnet *tables_vnet_by_vni(const struct vp_tables *,
                                         uint32_t vni);
struct vp_port *tables_port_by_mac(const struct vp_tables *,
                                   const struct vp_vnet *, struct eth_addr);
struct vp_port *tables_port_by_ip(const struct vp_tables *,
                                  const struct vp_vnet *, ovs_be32 ip);
const struct vp_xlate *tables_xlate_by_mac(const struct vp_tables *,
                                           const struct vp_vnet *,
                                           struct eth_addr);
const struct vp_xlate *tables_xlate_by_ip(const struct vp_tables *,
                                          const struct vp_vnet *, ovs_be32);
ovs_be32 xlate_vtep(const struct vp_xlate *);
bool vnet_has_vtep(const struct vp_vnet *, ovs_be32 vtep);
bool tenant_has_vtep(const struct vp_tenant *, ovs_be32 vtep);
const struct vp_subnet *vnet_subnet_for(const struct vp_vnet_cfg *,
                                        ovs_be32 ip);
const struct vp_rib_entry *tenant_route_lookup(const struct vp_tenant *,
                                               ovs_be32 dst);

/* Main-thread lookups. */
struct vp_vnet *tables_vnet_by_name(const struct vp_tables *, const char *);
struct vp_tenant *tables_tenant_by_name(const struct vp_tables *,
                                        const char *);
struct vp_port *tables_port_by_name(const struct vp_tables *, const char *);
size_t tables_n_xlate(const struct vp_tables *);

#endif /* vplane/tables.h */
