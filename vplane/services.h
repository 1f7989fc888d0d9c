/* vplane/services.h: the stateful services a vplaned applies to the flows
 * it owns, as the controller sends them (docs/protocol.md): firewall rules
 * per VM port, NAT rules per tenant, and this host's uplink to the WAN if it
 * is a gateway.
 *
 * The main thread keeps them in a struct vp_services, entry by entry (by
 * the "id" the controller gives each), so that snapshots and updates can
 * add, replace and remove single entries.  Forwarding threads never see
 * this form: stateful.h builds an immutable snapshot from it. */
#ifndef VPLANE_SERVICES_H
#define VPLANE_SERVICES_H 1

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include "openvswitch/compiler.h"
#include "openvswitch/shash.h"
#include "openvswitch/types.h"

struct ds;
struct json;

enum vp_fw_direction { VP_FW_INGRESS, VP_FW_EGRESS };

/* One firewall rule: a flow matches if its protocol, destination port
 * (TCP, UDP) and remote address fit. */
struct vp_fw_rule {
    uint8_t direction;          /* enum vp_fw_direction. */
    uint8_t protocol;           /* IPPROTO_*; 0 for any. */
    uint16_t port_min, port_max;    /* 0, 0: any port. */
    ovs_be32 remote, remote_mask;
    int8_t dscp;                /* -1: leave DSCP alone. */
};

/* The rules of one VM port.  A port with rules is "firewalled": in both
 * directions only what a rule allows may start a connection. */
struct vp_fw_port {
    char *vnet;
    struct eth_addr mac;
    size_t n_rules;
    struct vp_fw_rule *rules;
};

enum vp_nat_type { VP_NAT_SNAT, VP_NAT_FLOATING, VP_NAT_FORWARD };

struct vp_nat_rule {
    char *tenant;
    char *vnet;                 /* Limited to one VNet, or NULL. */
    uint8_t type;               /* enum vp_nat_type. */
    uint8_t protocol;           /* VP_NAT_FORWARD: IPPROTO_TCP or UDP. */
    ovs_be32 external_ip;
    ovs_be32 internal_ip;       /* VP_NAT_FLOATING, VP_NAT_FORWARD. */
    uint16_t external_port;     /* VP_NAT_FORWARD. */
    uint16_t internal_port;     /* VP_NAT_FORWARD. */
    ovs_be32 owner;             /* Host of the VM behind it, or 0. */
    uint32_t tenant_vni;        /* A VNet of the tenant (its VM's), or 0. */
};

struct vp_uplink_cfg {
    char name[IFNAMSIZ];        /* "" when this host has no uplink. */
    ovs_be32 address;
    unsigned int plen;
    ovs_be32 router;
};

struct vp_services {
    struct shash firewall;      /* id -> struct vp_fw_port. */
    struct shash nat;           /* id -> struct vp_nat_rule. */
    struct vp_uplink_cfg uplink;
};

void vp_services_init(struct vp_services *);
void vp_services_destroy(struct vp_services *);
void vp_services_clone(struct vp_services *dst, const struct vp_services *);
void vp_services_swap(struct vp_services *, struct vp_services *);
bool vp_services_equal_uplink(const struct vp_services *,
                              const struct vp_services *);

/* The sections of a snapshot or update's "add" ("firewall", "nat":
 * arrays; "uplink": an object, {} for none), and of its "remove"
 * ("firewall", "nat": arrays of ids).  Errors name the path. */
char *vp_services_add(struct vp_services *, const char *section,
                      const struct json *) OVS_WARN_UNUSED_RESULT;
char *vp_services_remove(struct vp_services *, const char *section,
                         const struct json *) OVS_WARN_UNUSED_RESULT;

/* Whether 'section' is one of services'. */
bool vp_services_section(const char *section);

const char *vp_nat_type_name(enum vp_nat_type);
void vp_fw_rule_format(const struct vp_fw_rule *, struct ds *);
void vp_nat_rule_format(const struct vp_nat_rule *, struct ds *);

#endif /* vplane/services.h */
