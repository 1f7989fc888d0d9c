/* vplane/xlate.c: deciding what happens to a flow (see xlate.h).
 *
 * Runs in forwarding threads as an RCU reader of the tables.  The steps, in
 * order: ingress checks (VLAN tag, spoofed source), the ARP responder, the
 * distributed gateway (routing between the VNets of a tenant), then L2
 * switching inside the VNet.  Frames from the fabric are only ever switched
 * to local ports: the sending host already routed them. */
#include <config.h>
#include "xlate.h"

#include <stdarg.h>
#include <string.h>
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "tables.h"

static void OVS_PRINTF_FORMAT(2, 3)
trace(struct ds *t, const char *format, ...)
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

static void
decide_drop(struct vp_action *act, enum vp_drop_reason reason, struct ds *t)
{
    act->type = VP_ACT_DROP;
    act->drop_reason = reason;
    trace(t, "drop: %s (%s)", vp_drop_reason_name(reason),
          vp_drop_reason_help(reason));
}

static void
decide_output(struct vp_action *act, struct vp_port *port, struct ds *t)
{
    act->type = VP_ACT_OUTPUT;
    act->port = port;
    trace(t, "output to local port %s", port->name);
}

static void
decide_encap(struct vp_action *act, ovs_be32 vtep, const struct vp_vnet *vnet,
             struct ds *t)
{
    act->type = VP_ACT_ENCAP;
    act->vtep = vtep;
    act->vni = vnet->vni;
    trace(t, "VXLAN vni %"PRIu32" to host "IP_FMT, vnet->vni, IP_ARGS(vtep));
}

/* The gateway address ICMP errors to 'src' come from: the gateway of the
 * sender's subnet, or of the VNet's first subnet. */
static ovs_be32
error_source(const struct vp_vnet_cfg *cfg, ovs_be32 src)
{
    const struct vp_subnet *sn = vnet_subnet_for(cfg, src);

    return sn ? sn->gateway : cfg->n_subnets ? cfg->subnets[0].gateway : 0;
}

/* Sends a frame to the VM with 'mac' in 'vnet': a local port, or the host
 * the translation table names.  'in' is the ingress port (NULL for the
 * fabric) and 'unknown' what to do if the MAC is nowhere. */
static void
switch_to_mac(const struct vp_tables *tables, const struct vp_vnet *vnet,
              struct eth_addr mac, const struct vp_port *in,
              struct vp_action *act, struct ds *t)
{
    struct vp_port *port = tables_port_by_mac(tables, vnet, mac);

    if (port) {
        trace(t, "destination "ETH_ADDR_FMT" is local port %s",
              ETH_ADDR_ARGS(mac), port->name);
        if (port == in && !act->route) {
            decide_drop(act, VP_DROP_HAIRPIN, t);
        } else {
            decide_output(act, port, t);
        }
        return;
    }
    if (!in) {
        trace(t, "destination "ETH_ADDR_FMT" is not a local port",
              ETH_ADDR_ARGS(mac));
        decide_drop(act, VP_DROP_FABRIC_DST_UNKNOWN, t);
        return;
    }

    const struct vp_xlate *x = tables_xlate_by_mac(tables, vnet, mac);
    if (x) {
        ovs_be32 vtep = xlate_vtep(x);
        trace(t, "translation: "ETH_ADDR_FMT" in VNet %s is at host "IP_FMT,
              ETH_ADDR_ARGS(mac), vnet->name, IP_ARGS(vtep));
        if (vtep == tables->self_vtep) {
            decide_drop(act, VP_DROP_XLATE_NO_PORT, t);
        } else {
            decide_encap(act, vtep, vnet, t);
        }
        return;
    }

    trace(t, "destination "ETH_ADDR_FMT" is unknown in VNet %s: flood",
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
            trace(t, "ARP: "IP_FMT" is the gateway of VNet %s", IP_ARGS(ip),
                  vnet->name);
            return true;
        }
    }
    const struct vp_port *port = tables_port_by_ip(tables, vnet, ip);
    if (port) {
        *mac = port->mac;
        trace(t, "ARP: "IP_FMT" is local port %s", IP_ARGS(ip), port->name);
        return true;
    }
    const struct vp_xlate *x = tables_xlate_by_ip(tables, vnet, ip);
    if (x) {
        *mac = x->mac;
        trace(t, "ARP: "IP_FMT" is in the translation table", IP_ARGS(ip));
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
 * the ingress VNet to its target in any VNet of the same tenant. */
static void
route(const struct vp_tables *tables, const struct vp_flow_key *key,
      const struct vp_port *in, const struct vp_vnet_cfg *in_cfg,
      struct vp_action *act, struct ds *t)
{
    const struct vp_vnet *vnet = in->vnet;

    if (key->dl_type != htons(ETH_TYPE_IP)) {
        decide_drop(act, VP_DROP_NOT_ROUTABLE, t);
        return;
    }
    act->gw_ip = error_source(in_cfg, key->nw_src);
    act->eth_src = in_cfg->gw_mac;

    const struct vp_rib_entry *e = tenant_route_lookup(vnet->tenant,
                                                       key->nw_dst);
    if (!e) {
        trace(t, "route: tenant %s has no route to "IP_FMT,
              vnet->tenant->name, IP_ARGS(key->nw_dst));
        decide_drop(act, VP_DROP_NO_ROUTE, t);
        return;
    }
    ovs_be32 target = e->nexthop ? e->nexthop : key->nw_dst;
    trace(t, "route: "IP_FMT" matches "IP_FMT"/%u, %s "IP_FMT" in VNet %s",
          IP_ARGS(key->nw_dst), IP_ARGS(e->prefix), e->plen,
          e->nexthop ? "next hop" : "connected, target",
          IP_ARGS(target), e->vnet->name);

    if (is_gateway_of(e->vnet, target)) {
        trace(t, IP_FMT" is a gateway address", IP_ARGS(target));
        act->type = VP_ACT_GATEWAY;
        act->gw_ip = target;
        return;
    }

    const struct vp_vnet_cfg *out_cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                                   &e->vnet->cfg);
    struct vp_port *port = tables_port_by_ip(tables, e->vnet, target);
    const struct vp_xlate *x = port ? NULL
                               : tables_xlate_by_ip(tables, e->vnet, target);
    if (!port && !x) {
        trace(t, IP_FMT" is no known VM in VNet %s", IP_ARGS(target),
              e->vnet->name);
        decide_drop(act, VP_DROP_DST_IP_UNKNOWN, t);
        return;
    }

    act->route = true;
    act->eth_src = out_cfg->gw_mac;
    act->eth_dst = port ? port->mac : x->mac;
    trace(t, "rewrite: eth "ETH_ADDR_FMT"->"ETH_ADDR_FMT", ttl-1",
          ETH_ADDR_ARGS(act->eth_src), ETH_ADDR_ARGS(act->eth_dst));
    switch_to_mac(tables, e->vnet, act->eth_dst, in, act, t);
}

static void
decide_from_port(const struct vp_tables *tables, const struct vp_flow_key *key,
                 const struct vp_port *in, struct vp_action *act,
                 struct ds *t)
{
    const struct vp_vnet *vnet = in->vnet;
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &vnet->cfg);

    act->vnet = vnet;
    trace(t, "port %s, VNet %s (vni %"PRIu32", tenant %s)", in->name,
          vnet->name, vnet->vni, vnet->tenant->name);
    if (key->vlan) {
        decide_drop(act, VP_DROP_VLAN_TAGGED, t);
        return;
    }
    if (!eth_addr_equals(key->dl_src, in->mac)) {
        trace(t, "source "ETH_ADDR_FMT" is not the port's "ETH_ADDR_FMT,
              ETH_ADDR_ARGS(key->dl_src), ETH_ADDR_ARGS(in->mac));
        decide_drop(act, VP_DROP_SRC_MAC_SPOOF, t);
        return;
    }
    bool is_arp = key->dl_type == htons(ETH_TYPE_ARP);
    bool is_ip = key->dl_type == htons(ETH_TYPE_IP);
    if (is_arp && !eth_addr_equals(key->arp_sha, in->mac)) {
        trace(t, "ARP sender "ETH_ADDR_FMT" is not the port's MAC",
              ETH_ADDR_ARGS(key->arp_sha));
        decide_drop(act, VP_DROP_SRC_MAC_SPOOF, t);
        return;
    }
    if ((is_arp || is_ip) && !port_allows_source(in, key->nw_src)) {
        trace(t, "source "IP_FMT" is neither an address nor an allowed "
              "source of the port", IP_ARGS(key->nw_src));
        decide_drop(act, VP_DROP_SRC_IP_SPOOF, t);
        return;
    }
    /* An address not yet configured (0.0.0.0) may probe with ARP and ask
     * DHCP for one, and do nothing else. */
    if (is_ip && !key->nw_src
        && !(key->nw_proto == IPPROTO_UDP && key->tp_src == htons(68)
             && key->tp_dst == htons(67))) {
        trace(t, "source 0.0.0.0 is only for DHCP requests");
        decide_drop(act, VP_DROP_SRC_IP_SPOOF, t);
        return;
    }

    if (key->dl_type == htons(ETH_TYPE_ARP)
        && key->nw_proto == ARP_OP_REQUEST && key->nw_src != key->nw_dst) {
        struct eth_addr mac;
        if (arp_answer(tables, vnet, cfg, key->nw_dst, &mac, t)) {
            act->type = VP_ACT_ARP_REPLY;
            act->eth_dst = mac;
            trace(t, "answer ARP: "IP_FMT" is-at "ETH_ADDR_FMT,
                  IP_ARGS(key->nw_dst), ETH_ADDR_ARGS(mac));
            return;
        }
    }

    if (eth_addr_equals(key->dl_dst, cfg->gw_mac)) {
        trace(t, "to the gateway MAC: route");
        route(tables, key, in, cfg, act, t);
        return;
    }
    if (eth_addr_is_multicast(key->dl_dst)) {
        trace(t, "broadcast/multicast: flood to the VNet's ports and hosts");
        act->type = VP_ACT_FLOOD;
        return;
    }
    switch_to_mac(tables, vnet, key->dl_dst, in, act, t);
}

static void
decide_from_fabric(const struct vp_tables *tables,
                   const struct vp_flow_key *key, struct vp_action *act,
                   struct ds *t)
{
    const struct vp_vnet *vnet = tables_vnet_by_vni(tables, key->vni);

    trace(t, "fabric: VXLAN from "IP_FMT" vni %"PRIu32,
          IP_ARGS(key->outer_src), key->vni);
    if (!vnet) {
        decide_drop(act, VP_DROP_VXLAN_UNKNOWN_VNI, t);
        return;
    }
    act->vnet = vnet;
    trace(t, "VNet %s (tenant %s)", vnet->name, vnet->tenant->name);
    /* Any host of the tenant may send into any of its VNets: it routes
     * before it encapsulates (distributed gateway). */
    if (!tenant_has_vtep(vnet->tenant, key->outer_src)) {
        trace(t, IP_FMT" hosts no VM of tenant %s", IP_ARGS(key->outer_src),
              vnet->tenant->name);
        decide_drop(act, VP_DROP_VXLAN_UNKNOWN_VTEP, t);
        return;
    }
    if (key->vlan) {
        decide_drop(act, VP_DROP_VLAN_TAGGED, t);
        return;
    }
    if (eth_addr_is_multicast(key->dl_dst)) {
        trace(t, "broadcast/multicast: flood to the VNet's local ports");
        act->type = VP_ACT_FLOOD;
        return;
    }
    switch_to_mac(tables, vnet, key->dl_dst, NULL, act, t);
}

void
xlate_decide(const struct vp_tables *tables, const struct vp_flow_key *key,
             const struct vp_port *in, struct vp_action *act, struct ds *t)
{
    memset(act, 0, sizeof *act);
    if (in) {
        decide_from_port(tables, key, in, act, t);
    } else {
        decide_from_fabric(tables, key, act, t);
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
    }
    return "?";
}

void
vp_action_format(const struct vp_action *act, struct ds *s)
{
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
    }
}
