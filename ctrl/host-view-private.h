/* ctrl/host-view-private.h: a host view's entries, shared by host-view.c
 * (computing a view) and host-view-diff.c (sending and comparing views).
 * Nothing else uses it. */
#ifndef VPLANE_CTRL_HOST_VIEW_PRIVATE_H
#define VPLANE_CTRL_HOST_VIEW_PRIVATE_H 1

struct json;

/* The kinds of entries, by the first letter of their keys, in the order a
 * host must apply additions (VNets before what is in them). */
enum entry_kind {
    KIND_VNET = 'v',
    KIND_PORT = 'p',
    KIND_XLATE = 'x',
    KIND_ROUTE = 'r',
    KIND_HOST = 'h',
    KIND_SUBSETS = 's',
    KIND_UPLINK = 'u',          /* This host's, replaced whole. */
    KIND_FIREWALL = 'f',        /* A port's rules, by "VNET/MAC". */
    KIND_NAT = 'n',             /* A NAT rule, by "TENANT/TYPE/ADDR...". */
};

struct view_entry {
    struct json *json;          /* What the host gets. */
    char *text;                 /* 'json' serialized, to compare. */
};

/* Entries as hosts get them, built from a row: host_view_compute() sends
 * them and row-check.c checks them with the hosts' own code. */
struct ovsdb_idl;
struct vprec_nat_rule;
struct vprec_port;
struct vprec_route;
struct vprec_tenant;
struct vprec_vnet;
struct json *host_view_vnet_json(const struct vprec_vnet *);
struct json *host_view_port_json(const struct vprec_port *);
struct json *host_view_xlate_json(const struct vprec_port *, const char *ip,
                                  const char *vtep);
struct json *host_view_route_json(const struct vprec_route *);
struct json *host_view_firewall_json(const struct vprec_port *);
struct json *host_view_nat_json(const struct ovsdb_idl *,
                                const struct vprec_tenant *,
                                const struct vprec_nat_rule *);
/* The VTEP of the host a port's VM is on, or NULL. */
const char *host_view_port_vtep(const struct vprec_port *);

#endif /* ctrl/host-view-private.h */
