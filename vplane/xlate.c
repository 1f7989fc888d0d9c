/* vplane/xlate.c: deciding what happens to a flow (see xlate.h).
 *
 * Runs in forwarding threads as an RCU reader of the tables.  The steps, in
 * order: ingress checks (VLAN tag, spoofed source), the ARP responder, the
 * distributed gateway (routing between the VNets of a tenant), then L2
 * switching inside the VNet.  Frames from the fabric are only ever switched
 * to local ports: the sending host already routed them. */
#include <config.h>
#include "xlate.h"
#include "xlate-private.h"

#include <stdarg.h>
#include <string.h>
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "stateful.h"
#include "tables.h"
#include "vxlan.h"

void
xlate_trace(struct ds *t, const char *format, ...)
{
    if (t) {
        va_list args;

        va_start(args, format);
        ds_put_cstr(t, "  ");
        ds_put_format_valist(t, format, args);
        ds_put_char(t, '\n');
        va_end(args);
    }
}

void
xlate_drop(struct vp_action *act, enum vp_drop_reason reason, struct ds *t)
{
    act->type = VP_ACT_DROP;
    act->drop_reason = reason;
    xlate_trace(t, "drop: %s (%s)", vp_drop_reason_name(reason),
                vp_drop_reason_help(reason));
}

static void
decide_output(struct vp_action *act, struct vp_port *port, struct ds *t)
{
    act->type = VP_ACT_OUTPUT;
    act->port = port;
    xlate_trace(t, "output to local port %s", port->name);
}

static void
decide_encap(struct vp_action *act, ovs_be32 vtep, const struct vp_vnet *vnet,
             struct ds *t)
{
    act->type = VP_ACT_ENCAP;
    act->vtep = vtep;
    act->vni = vnet->vni;
    xlate_trace(t, "VXLAN vni %"PRIu32" to host "IP_FMT, vnet->vni,
                IP_ARGS(vtep));
}

/* One decision in the making. */
struct xlate_ctx {
    const struct vp_tables *tables;
    const struct vp_stateful *sf;
    const struct vp_flow_key *key;
    const struct vp_port *in;   /* Ingress VM port, or NULL. */
    struct xlate_src src;       /* The sending VM, if a VM sent it. */
    bool relay;                 /* From the fabric, already decided by the
                                 * sender: only ever to local ports. */
    struct vp_action *act;
    struct ds *t;
};

/* The gateway address ICMP errors to 'src' come from: the gateway of the
 * sender's subnet, or of the VNet's first subnet. */
static ovs_be32
error_source(const struct vp_vnet_cfg *cfg, ovs_be32 src)
{
    const struct vp_subnet *sn = vnet_subnet_for(cfg, src);

    return sn ? sn->gateway : cfg->n_subnets ? cfg->subnets[0].gateway : 0;
}

/* Sends a frame to the VM with 'mac' in 'vnet': a local port, or the host
 * the translation table names (not for a relayed frame), or a flood. */
static void
switch_to_mac(struct xlate_ctx *x, const struct vp_vnet *vnet,
              struct eth_addr mac)
{
    struct vp_action *act = x->act;
    struct ds *t = x->t;
    struct vp_port *port = tables_port_by_mac(x->tables, vnet, mac);

    act->out_vnet = vnet;
    if (port) {
        xlate_trace(t, "destination "ETH_ADDR_FMT" is local port %s",
                    ETH_ADDR_ARGS(mac), port->name);
        if (port == x->in && !act->route) {
            xlate_drop(act, VP_DROP_HAIRPIN, t);
        } else {
            decide_output(act, port, t);
        }
        return;
    }
    if (x->relay) {
        xlate_trace(t, "destination "ETH_ADDR_FMT" is not a local port",
                    ETH_ADDR_ARGS(mac));
        xlate_drop(act, VP_DROP_FABRIC_DST_UNKNOWN, t);
        return;
    }

    const struct vp_xlate *xe = tables_xlate_by_mac(x->tables, vnet, mac);
    if (xe) {
        ovs_be32 vtep = xlate_vtep(xe);
        xlate_trace(t, "translation: "ETH_ADDR_FMT" in VNet %s is at host "
                    IP_FMT, ETH_ADDR_ARGS(mac), vnet->name, IP_ARGS(vtep));
        if (vtep == x->tables->self_vtep) {
            xlate_drop(act, VP_DROP_XLATE_NO_PORT, t);
        } else {
            decide_encap(act, vtep, vnet, t);
        }
        return;
    }

    xlate_trace(t, "destination "ETH_ADDR_FMT" is unknown in VNet %s: flood",
                ETH_ADDR_ARGS(mac), vnet->name);
    act->type = VP_ACT_FLOOD;
    act->vnet = vnet;
}

/* ARP responder: the answer for 'ip' in 'vnet', if vplaned knows it. */
static bool
arp_answer(const struct vp_tables *tables, const struct vp_vnet *vnet,
           const struct vp_vnet_cfg *cfg, ovs_be32 ip, struct eth_addr *mac,
           struct ds *t)
{
    for (size_t i = 0; i < cfg->n_subnets; i++) {
        if (cfg->subnets[i].gateway == ip) {
            *mac = cfg->gw_mac;
            xlate_trace(t, "ARP: "IP_FMT" is the gateway of VNet %s",
                        IP_ARGS(ip), vnet->name);
            return true;
        }
    }
    const struct vp_port *port = tables_port_by_ip(tables, vnet, ip);
    if (port) {
        *mac = port->mac;
        xlate_trace(t, "ARP: "IP_FMT" is local port %s", IP_ARGS(ip),
                    port->name);
        return true;
    }
    const struct vp_xlate *x = tables_xlate_by_ip(tables, vnet, ip);
    if (x) {
        *mac = x->mac;
        xlate_trace(t, "ARP: "IP_FMT" is in the translation table",
                    IP_ARGS(ip));
        return true;
    }
    return false;
}

static bool
is_gateway_of(const struct vp_vnet *vnet, ovs_be32 ip)
{
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &vnet->cfg);

    for (size_t i = 0; i < cfg->n_subnets; i++) {
        if (cfg->subnets[i].gateway == ip) {
            return true;
        }
    }
    return false;
}

/* The distributed gateway: routes an IPv4 packet sent to the gateway MAC of
 * the sender's VNet to its target in any VNet of the same tenant, or out to
 * the WAN if a NAT rule lets it. */
static void
route(struct xlate_ctx *x, const struct vp_vnet_cfg *in_cfg)
{
    const struct vp_flow_key *key = x->key;
    const struct vp_vnet *vnet = x->src.vnet;
    struct vp_action *act = x->act;
    struct ds *t = x->t;

    if (key->dl_type != htons(ETH_TYPE_IP)) {
        xlate_drop(act, VP_DROP_NOT_ROUTABLE, t);
        return;
    }
    act->gw_ip = error_source(in_cfg, key->nw_src);
    act->eth_src = in_cfg->gw_mac;

    const struct vp_rib_entry *e = tenant_route_lookup(vnet->tenant,
                                                       key->nw_dst);
    if (!e) {
        xlate_trace(t, "route: tenant %s has no route to "IP_FMT,
                    vnet->tenant->name, IP_ARGS(key->nw_dst));
        if (x->sf->n_nat) {
            owner_decide_wan_out(x->tables, x->sf, key, &x->src, act, t);
        } else {
            xlate_drop(act, VP_DROP_NO_ROUTE, t);
        }
        return;
    }
    ovs_be32 target = e->nexthop ? e->nexthop : key->nw_dst;
    xlate_trace(t, "route: "IP_FMT" matches "IP_FMT"/%u, %s "IP_FMT
                " in VNet %s", IP_ARGS(key->nw_dst), IP_ARGS(e->prefix),
                e->plen, e->nexthop ? "next hop" : "connected, target",
                IP_ARGS(target), e->vnet->name);

    if (is_gateway_of(e->vnet, target)) {
        xlate_trace(t, IP_FMT" is a gateway address", IP_ARGS(target));
        if (!x->in) {
            /* Routed from the fabric (marked for this owner): the VM's own
             * host answers for its gateway, and here the answer would have
             * no port to go out of. */
            xlate_drop(act, VP_DROP_OWNER_MISMATCH, t);
            return;
        }
        act->type = VP_ACT_GATEWAY;
        act->gw_ip = target;
        return;
    }

    const struct vp_vnet_cfg *out_cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                                   &e->vnet->cfg);
    struct vp_port *port = tables_port_by_ip(x->tables, e->vnet, target);
    const struct vp_xlate *xe = (port ? NULL
                                 : tables_xlate_by_ip(x->tables, e->vnet,
                                                      target));
    if (!port && !xe) {
        xlate_trace(t, IP_FMT" is no known VM in VNet %s", IP_ARGS(target),
                    e->vnet->name);
        xlate_drop(act, VP_DROP_DST_IP_UNKNOWN, t);
        return;
    }

    act->route = true;
    act->eth_src = out_cfg->gw_mac;
    act->eth_dst = port ? port->mac : xe->mac;
    xlate_trace(t, "rewrite: eth "ETH_ADDR_FMT"->"ETH_ADDR_FMT", ttl-1",
                ETH_ADDR_ARGS(act->eth_src), ETH_ADDR_ARGS(act->eth_dst));
    switch_to_mac(x, e->vnet, act->eth_dst);
}

/* Routing or switching of a VM's frame, wherever it entered: what the
 * sender's host does, or the flow's owner for it. */
static void
decide_for_vm(struct xlate_ctx *x)
{
    const struct vp_flow_key *key = x->key;
    const struct vp_vnet *vnet = x->src.vnet;
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &vnet->cfg);
    struct vp_action *act = x->act;

    if (key->dl_type == htons(ETH_TYPE_ARP)
        && key->nw_proto == ARP_OP_REQUEST && key->nw_src != key->nw_dst
        && x->in) {
        struct eth_addr mac;
        if (arp_answer(x->tables, vnet, cfg, key->nw_dst, &mac, x->t)) {
            act->type = VP_ACT_ARP_REPLY;
            act->eth_dst = mac;
            xlate_trace(x->t, "answer ARP: "IP_FMT" is-at "ETH_ADDR_FMT,
                        IP_ARGS(key->nw_dst), ETH_ADDR_ARGS(mac));
            return;
        }
    }

    if (eth_addr_equals(key->dl_dst, cfg->gw_mac)) {
        xlate_trace(x->t, "to the gateway MAC: route");
        route(x, cfg);
    } else if (eth_addr_is_multicast(key->dl_dst)) {
        xlate_trace(x->t, "broadcast/multicast: flood to the VNet's ports "
                    "and hosts");
        act->type = VP_ACT_FLOOD;
        owner_check_flood(x->tables, x->sf, key, vnet, act, x->t);
        return;
    } else {
        switch_to_mac(x, vnet, key->dl_dst);
    }
    owner_decide_vm(x->tables, x->sf, key, &x->src, act, x->t);
}

static void
decide_from_port(struct xlate_ctx *x)
{
    const struct vp_flow_key *key = x->key;
    const struct vp_port *in = x->in;
    const struct vp_vnet *vnet = in->vnet;
    struct vp_action *act = x->act;
    struct ds *t = x->t;

    act->vnet = vnet;
    x->src.vnet = vnet;
    x->src.host = x->tables->self_vtep;
    xlate_trace(t, "port %s, VNet %s (vni %"PRIu32", tenant %s)", in->name,
                vnet->name, vnet->vni, vnet->tenant->name);
    if (key->vlan) {
        xlate_drop(act, VP_DROP_VLAN_TAGGED, t);
        return;
    }
    if (!eth_addr_equals(key->dl_src, in->mac)) {
        xlate_trace(t, "source "ETH_ADDR_FMT" is not the port's "ETH_ADDR_FMT,
                    ETH_ADDR_ARGS(key->dl_src), ETH_ADDR_ARGS(in->mac));
        xlate_drop(act, VP_DROP_SRC_MAC_SPOOF, t);
        return;
    }
    bool is_arp = key->dl_type == htons(ETH_TYPE_ARP);
    bool is_ip = key->dl_type == htons(ETH_TYPE_IP);
    if (is_arp && !eth_addr_equals(key->arp_sha, in->mac)) {
        xlate_trace(t, "ARP sender "ETH_ADDR_FMT" is not the port's MAC",
                    ETH_ADDR_ARGS(key->arp_sha));
        xlate_drop(act, VP_DROP_SRC_MAC_SPOOF, t);
        return;
    }
    if ((is_arp || is_ip) && !port_allows_source(in, key->nw_src)) {
        xlate_trace(t, "source "IP_FMT" is neither an address nor an "
                    "allowed source of the port", IP_ARGS(key->nw_src));
        xlate_drop(act, VP_DROP_SRC_IP_SPOOF, t);
        return;
    }
    /* An address not yet configured (0.0.0.0) may probe with ARP and ask
     * DHCP for one, and do nothing else. */
    if (is_ip && !key->nw_src
        && !(key->nw_proto == IPPROTO_UDP && key->tp_src == htons(68)
             && key->tp_dst == htons(67))) {
        xlate_trace(t, "source 0.0.0.0 is only for DHCP requests");
        xlate_drop(act, VP_DROP_SRC_IP_SPOOF, t);
        return;
    }
    decide_for_vm(x);
}

/* A frame sent here for its flow's owner to run (marked): from a vplaned
 * that hosts the sending VM, which this host checks. */
static void
decide_as_owner(struct xlate_ctx *x, const struct vp_vnet *vnet)
{
    const struct vp_flow_key *key = x->key;
    struct vp_action *act = x->act;
    struct ds *t = x->t;
    const struct vp_xlate *src = tables_xlate_by_mac(x->tables, vnet,
                                                     key->dl_src);

    xlate_trace(t, "marked: sent here to be run by the flow's owner");
    if (!src || xlate_vtep(src) != key->outer_src) {
        xlate_trace(t, "the sender does not host VM "ETH_ADDR_FMT,
                    ETH_ADDR_ARGS(key->dl_src));
        xlate_drop(act, VP_DROP_VXLAN_UNKNOWN_VTEP, t);
        return;
    }
    x->src.vnet = vnet;
    x->src.host = key->outer_src;
    decide_for_vm(x);
    if (act->type == VP_ACT_TO_OWNER) {
        /* Not the owner after all: no host sends a flow on twice. */
        memset(act, 0, sizeof *act);
        xlate_drop(act, VP_DROP_OWNER_MISMATCH, t);
    }
}

/* VXLAN in the WAN VNI: from an owner, a WAN-bound packet this gateway
 * sends out; marked, a packet from the WAN sent to its owner or helper. */
static void
decide_from_wan_vni(struct xlate_ctx *x)
{
    const struct vp_flow_key *key = x->key;
    struct vp_action *act = x->act;
    struct ds *t = x->t;

    xlate_trace(t, "WAN VNI");
    if (key->dl_type != htons(ETH_TYPE_IP)) {
        xlate_drop(act, VP_DROP_NOT_ROUTABLE, t);
    } else if (key->mark) {
        owner_decide_wan_in(x->tables, x->sf, key, false, act, t);
    } else if (!x->sf->uplink.name[0]) {
        xlate_trace(t, "this host has no uplink");
        xlate_drop(act, VP_DROP_NO_GATEWAY, t);
    } else if (!stateful_is_public(x->sf, key->nw_src)) {
        xlate_trace(t, "source "IP_FMT" is no public address of a NAT rule",
                    IP_ARGS(key->nw_src));
        xlate_drop(act, VP_DROP_NO_NAT, t);
    } else if (!(act->port = tables_uplink(x->tables))) {
        xlate_trace(t, "the uplink %s is not open", x->sf->uplink.name);
        xlate_drop(act, VP_DROP_NO_GATEWAY, t);
    } else {
        act->type = VP_ACT_UPLINK;
        xlate_trace(t, "out of the uplink %s to the WAN router "IP_FMT,
                    x->sf->uplink.name, IP_ARGS(x->sf->uplink.router));
    }
}

static void
decide_from_fabric(struct xlate_ctx *x)
{
    const struct vp_flow_key *key = x->key;
    struct vp_action *act = x->act;
    struct ds *t = x->t;

    xlate_trace(t, "fabric: VXLAN from "IP_FMT" vni %"PRIu32"%s",
                IP_ARGS(key->outer_src), key->vni,
                key->mark ? " (marked for the owner)" : "");
    if (key->vlan) {
        xlate_drop(act, VP_DROP_VLAN_TAGGED, t);
        return;
    }
    if ((key->mark || key->vni == x->sf->wan_vni)
        && !stateful_is_peer(x->sf, key->outer_src)) {
        xlate_trace(t, IP_FMT" is no vplaned of the deployment",
                    IP_ARGS(key->outer_src));
        xlate_drop(act, VP_DROP_NOT_PEER, t);
        return;
    }
    if (key->vni == x->sf->wan_vni) {
        decide_from_wan_vni(x);
        return;
    }

    const struct vp_vnet *vnet = tables_vnet_by_vni(x->tables, key->vni);
    if (!vnet) {
        xlate_drop(act, VP_DROP_VXLAN_UNKNOWN_VNI, t);
        return;
    }
    act->vnet = vnet;
    xlate_trace(t, "VNet %s (tenant %s)", vnet->name, vnet->tenant->name);
    /* Any host of the tenant may send into any of its VNets: it routes
     * before it encapsulates (distributed gateway). */
    if (!tenant_has_vtep(vnet->tenant, key->outer_src)) {
        xlate_trace(t, IP_FMT" hosts no VM of tenant %s",
                    IP_ARGS(key->outer_src), vnet->tenant->name);
        xlate_drop(act, VP_DROP_VXLAN_UNKNOWN_VTEP, t);
        return;
    }
    if (key->mark) {
        decide_as_owner(x, vnet);
        return;
    }
    if (eth_addr_is_multicast(key->dl_dst)) {
        xlate_trace(t, "broadcast/multicast: flood to the VNet's local "
                    "ports");
        act->type = VP_ACT_FLOOD;
        owner_check_flood(x->tables, x->sf, key, vnet, act, t);
        return;
    }
    x->relay = true;
    switch_to_mac(x, vnet, key->dl_dst);
    if (act->type == VP_ACT_OUTPUT
        && !stateful_is_peer(x->sf, key->outer_src)) {
        /* From a VTEP that is no vplaned: this host may own the flow. */
        x->src.vnet = vnet;
        x->src.host = key->outer_src;
        owner_decide_vm(x->tables, x->sf, key, &x->src, act, t);
    }
}

/* This gateway's uplink to the WAN: ARP for its address and from the
 * router, and packets to public addresses. */
static void
decide_from_uplink(struct xlate_ctx *x)
{
    const struct vp_flow_key *key = x->key;
    const struct vp_uplink_cfg *u = &x->sf->uplink;
    struct vp_action *act = x->act;
    struct ds *t = x->t;

    xlate_trace(t, "uplink %s (WAN)", x->in->name);
    if (key->vlan) {
        xlate_drop(act, VP_DROP_VLAN_TAGGED, t);
    } else if (key->dl_type == htons(ETH_TYPE_ARP)) {
        if (key->nw_src == u->router) {
            /* Requests and replies alike tell the router's MAC. */
            act->type = VP_ACT_ARP_LEARN;
            act->learn_router = true;
            xlate_trace(t, "ARP from the router: learn its MAC");
            if (key->nw_proto == ARP_OP_REQUEST && key->nw_dst == u->address) {
                act->type = VP_ACT_ARP_REPLY;
                act->eth_dst = x->in->mac;
                xlate_trace(t, "and answer: "IP_FMT" is-at "ETH_ADDR_FMT,
                            IP_ARGS(u->address), ETH_ADDR_ARGS(x->in->mac));
            }
        } else if (key->nw_proto == ARP_OP_REQUEST
                   && key->nw_dst == u->address) {
            act->type = VP_ACT_ARP_REPLY;
            act->eth_dst = x->in->mac;
            xlate_trace(t, "answer ARP: "IP_FMT" is-at "ETH_ADDR_FMT,
                        IP_ARGS(u->address), ETH_ADDR_ARGS(x->in->mac));
        } else {
            xlate_drop(act, VP_DROP_NO_DESTINATION, t);
        }
    } else if (key->dl_type != htons(ETH_TYPE_IP)) {
        xlate_drop(act, VP_DROP_NOT_ROUTABLE, t);
    } else if (key->nw_dst == u->address) {
        act->type = VP_ACT_GATEWAY;
        act->gw_ip = u->address;
        act->eth_src = x->in->mac;
        xlate_trace(t, "to the uplink address itself");
    } else {
        owner_decide_wan_in(x->tables, x->sf, key, true, act, t);
    }
}

void
xlate_decide(const struct vp_tables *tables, const struct vp_flow_key *key,
             const struct vp_port *in, struct vp_action *act, struct ds *t)
{
    struct xlate_ctx x = {
        .tables = tables,
        .sf = stateful_get(tables),
        .key = key,
        .in = in,
        .act = act,
        .t = t,
    };

    memset(act, 0, sizeof *act);
    act->ct.dscp = -1;
    if (in && in->vnet) {
        decide_from_port(&x);
    } else if (in) {
        decide_from_uplink(&x);
    } else {
        decide_from_fabric(&x);
    }
}

const char *
vp_action_type_name(enum vp_action_type type)
{
    switch (type) {
    case VP_ACT_DROP: return "drop";
    case VP_ACT_OUTPUT: return "output";
    case VP_ACT_ENCAP: return "vxlan";
    case VP_ACT_FLOOD: return "flood";
    case VP_ACT_ARP_REPLY: return "arp-reply";
    case VP_ACT_GATEWAY: return "gateway";
    case VP_ACT_TO_OWNER: return "to-owner";
    case VP_ACT_RESOLVE: return "resolve";
    case VP_ACT_UPLINK: return "uplink";
    case VP_ACT_DELIVER_IP: return "deliver-ip";
    case VP_ACT_ARP_LEARN: return "arp-learn";
    }
    return "?";
}

const char *
vp_owner_how_name(enum vp_owner_how how)
{
    switch (how) {
    case VP_OWNER_NONE: return "none";
    case VP_OWNER_RULE_PAIR: return "rule-pair";
    case VP_OWNER_RULE_ONE: return "rule-one";
    case VP_OWNER_SUBSET: return "subset";
    }
    return "?";
}

void
vp_action_format(const struct vp_action *act, struct ds *s)
{
    if (act->resolve) {
        ds_put_cstr(s, "resolve-owner,");
    }
    if (act->ct.active) {
        static const char *const nats[] = { "", ",nat(src=", ",nat(dst=",
                                            ",nat(reply" };
        ds_put_format(s, "ct(zone=%"PRIu16"%s", act->ct.zone,
                      act->ct.commit ? ",commit" : "");
        if (act->ct.nat) {
            ds_put_cstr(s, nats[act->ct.nat]);
            if (act->ct.nat != VP_CT_NAT_REPLY) {
                ds_put_format(s, IP_FMT, IP_ARGS(act->ct.nat_ip));
                if (act->ct.nat_port_max) {
                    ds_put_format(s, ":%"PRIu16"-%"PRIu16, act->ct.nat_port,
                                  act->ct.nat_port_max);
                } else if (act->ct.nat_port) {
                    ds_put_format(s, ":%"PRIu16, act->ct.nat_port);
                }
            }
            ds_put_char(s, ')');
        }
        if (act->ct.record) {
            ds_put_cstr(s, ",record");
        }
        if (act->ct.dscp >= 0) {
            ds_put_format(s, ",dscp=%d", act->ct.dscp);
        }
        ds_put_cstr(s, "),");
    }
    if (act->route) {
        ds_put_format(s, "route(eth="ETH_ADDR_FMT"->"ETH_ADDR_FMT",ttl-1),",
                      ETH_ADDR_ARGS(act->eth_src),
                      ETH_ADDR_ARGS(act->eth_dst));
    }
    switch ((enum vp_action_type) act->type) {
    case VP_ACT_DROP:
        ds_put_format(s, "drop(%s)", vp_drop_reason_name(act->drop_reason));
        break;
    case VP_ACT_OUTPUT:
        ds_put_format(s, "output(%s)", act->port->name);
        break;
    case VP_ACT_ENCAP:
        ds_put_format(s, "vxlan(vni=%"PRIu32",vtep="IP_FMT")", act->vni,
                      IP_ARGS(act->vtep));
        break;
    case VP_ACT_FLOOD:
        ds_put_format(s, "flood(%s)", act->vnet->name);
        break;
    case VP_ACT_ARP_REPLY:
        ds_put_format(s, "arp-reply("ETH_ADDR_FMT")",
                      ETH_ADDR_ARGS(act->eth_dst));
        break;
    case VP_ACT_GATEWAY:
        ds_put_format(s, "gateway("IP_FMT")", IP_ARGS(act->gw_ip));
        break;
    case VP_ACT_TO_OWNER:
        ds_put_format(s, "to-owner(vni=%"PRIu32",vtep="IP_FMT")", act->vni,
                      IP_ARGS(act->vtep));
        break;
    case VP_ACT_RESOLVE:
        ds_put_format(s, "to-owner(vni=%"PRIu32")", act->vni);
        break;
    case VP_ACT_UPLINK:
        ds_put_format(s, "uplink(%s)", act->port->name);
        break;
    case VP_ACT_DELIVER_IP:
        ds_put_format(s, "deliver(%s)", act->vnet ? act->vnet->name : "?");
        break;
    case VP_ACT_ARP_LEARN:
        ds_put_cstr(s, "arp-learn");
        break;
    }
}
