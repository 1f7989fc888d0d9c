/* ctrl/host-view-private.h: a host view's entries, shared by host-view.c
 * (computing a view) and host-view-diff.c (sending and comparing views).
 * Nothing else uses it. */
#ifndef VPLANE_CTRL_HOST_VIEW_PRIVATE_H
#define VPLANE_CTRL_HOST_VIEW_PRIVATE_H 1

#include "vplane/kinds.h"

struct json;

/* The kinds of entries, by the first letter of their keys: the rows of
 * include/vplane/kinds.h, in the order a host must apply additions (VNets
 * before what is in them). */
enum entry_kind {
#define VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER) \
    KIND_##NAME = LETTER,
    VP_KINDS
#undef VP_KIND
};

struct view_entry {
    struct json *json;          /* What the host gets. */
    char *text;                 /* 'json' serialized, to compare. */
    size_t refcount;            /* Views holding it (immutable). */
};

/* Adds 'e' (shared: another reference) to 'v' as 'key', unless 'v' has
 * an entry of that key. */
struct host_view;
void host_view_add_shared(struct host_view *, const char *key,
                          struct view_entry *);

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
/* The entries of each kind, from a row (host-view.c): what both
 * host_view_compute() and the controller's cached parts (view-parts.c)
 * add.  The _ok checks log a row left out. */
struct refusals;
struct vprec_host;
bool hv_vnet_ok(struct host_view *, const struct vprec_vnet *);
bool hv_port_ok(struct host_view *, const struct vprec_port *);
void hv_add_vnet(struct host_view *, const struct vprec_vnet *);
void hv_add_port(struct host_view *, const struct vprec_port *);
void hv_add_xlates(struct host_view *, const struct vprec_port *);
void hv_add_route(struct host_view *, const struct vprec_route *);
void hv_add_firewall(struct host_view *, const struct vprec_port *);
void hv_add_hosts_and_subsets(struct host_view *, const struct ovsdb_idl *);
void hv_add_uplink(struct host_view *, const struct vprec_host *);
void hv_add_nat_rules(struct host_view *, const struct ovsdb_idl *,
                      const struct refusals *);

/* The VTEP of the host a port's VM is on, or NULL. */
const char *host_view_port_vtep(const struct vprec_port *);

#endif /* ctrl/host-view-private.h */
