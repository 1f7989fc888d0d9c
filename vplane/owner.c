/* vplane/owner.c: stateful flows in the slow path -- whether a service
 * applies to a flow, which host owns it, and what the owner runs.
 *
 * A flow is stateful when a firewall rule set covers either VM's port, or
 * when it crosses to or from the WAN (NAT).  Its owner (DESIGN 2):
 *   1. both VMs on vplaneds: the lower VTEP (or higher, per deployment);
 *   2. one: that VM's host;
 *   3. none (a packet from the WAN to a public address): found per packet,
 *      through the query subset's helper (resolver.c), since only the
 *      helper knows where SNAT replies go.
 * A host that is not the owner only switches the frame to the owner,
 * marked (VP_ACT_TO_OWNER), unrouted and untouched; the owner routes, runs
 * conntrack in the tenant's zone with the rules' verdict for a new
 * connection, NATs, and sends the result on as any routed packet.  Both
 * directions compute the same owner, so every packet of a flow meets one
 * conntrack table.  Everything here is a pure function of the flow key and
 * the tables, and is cached with the flow. */
#include <config.h>
#include "xlate-private.h"

#include <string.h>
#include "flow-key.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "services.h"
#include "stateful.h"
#include "tables.h"
#include "vxlan.h"

/* The MAC the frames of WAN flows carry between owners and gateways (a
 * gateway rewrites both MACs when it sends to the WAN router). */
static const struct eth_addr wan_mac = ETH_ADDR_C(02, 76, 70, ff, ff, 01);

static bool
is_stateful_proto(const struct vp_flow_key *key)
{
    return (key->dl_type == htons(ETH_TYPE_IP)
            && (key->nw_proto == IPPROTO_TCP || key->nw_proto == IPPROTO_UDP
                || key->nw_proto == IPPROTO_ICMP));
}

static bool
rule_matches(const struct vp_fw_rule *r, enum vp_fw_direction dir,
             const struct vp_flow_key *key, ovs_be32 remote)
{
    if (r->direction != dir) {
        return false;
    }
    if (r->protocol && r->protocol != key->nw_proto) {
        return false;
    }
    if (r->port_max) {
        uint16_t port = ntohs(key->tp_dst);
        if (port < r->port_min || port > r->port_max) {
            return false;
        }
    }
    return (remote & r->remote_mask) == r->remote;
}

/* Whether 'port' (NULL: not firewalled) lets a new connection of 'key' go
 * in 'dir' with 'remote' at the other end.  A matching rule's DSCP goes to
 * '*dscp'. */
static bool
port_allows(const struct vp_fw_port *port, enum vp_fw_direction dir,
            const struct vp_flow_key *key, ovs_be32 remote, int8_t *dscp,
            struct ds *t)
{
    if (!port) {
        return true;
    }
    for (size_t i = 0; i < port->n_rules; i++) {
        const struct vp_fw_rule *r = &port->rules[i];
        if (rule_matches(r, dir, key, remote)) {
            if (t) {
                struct ds rule = DS_EMPTY_INITIALIZER;
                vp_fw_rule_format(r, &rule);
                xlate_trace(t, "firewall: port "ETH_ADDR_FMT" allows it: %s",
                            ETH_ADDR_ARGS(port->mac), ds_cstr(&rule));
                ds_destroy(&rule);
            }
            if (r->dscp >= 0 && *dscp < 0) {
                *dscp = r->dscp;
            }
            return true;
        }
    }
    xlate_trace(t, "firewall: no %s rule of port "ETH_ADDR_FMT" allows it",
                dir == VP_FW_INGRESS ? "ingress" : "egress",
                ETH_ADDR_ARGS(port->mac));
    return false;
}

static void
set_ct(struct vp_action *act, const struct vp_vnet *vnet, bool commit,
       int8_t dscp, struct ds *t)
{
    act->ct.active = true;
    act->ct.zone = vnet->tenant->zone;
    act->ct.commit = commit;
    act->ct.dscp = dscp;
    xlate_trace(t, "owner: this host: conntrack in zone %"PRIu16" (tenant "
                "%s), new connections %s", act->ct.zone, vnet->tenant->name,
                commit ? "allowed" : "refused (replies only)");
}

static void
to_owner(struct vp_action *act, ovs_be32 owner, const struct vp_vnet *vnet,
         struct ds *t)
{
    memset(act, 0, sizeof *act);
    act->type = VP_ACT_TO_OWNER;
    act->vtep = owner;
    act->vni = vnet->vni;
    act->vnet = vnet;
    xlate_trace(t, "owner: host "IP_FMT": send the frame there as it is "
                "(VXLAN vni %"PRIu32", marked)", IP_ARGS(owner), vnet->vni);
}

void
owner_decide_vm(const struct vp_tables *tables, const struct vp_stateful *sf,
                const struct vp_flow_key *key, const struct xlate_src *src,
                struct vp_action *act, struct ds *t)
{
    if ((act->type != VP_ACT_OUTPUT && act->type != VP_ACT_ENCAP)
        || act->ct.active       /* Already decided: to the WAN. */
        || key->dl_type == htons(ETH_TYPE_ARP)) {
        return;
    }
    const struct vp_vnet *out_vnet = act->out_vnet ? act->out_vnet
                                                   : src->vnet;
    struct eth_addr dst_mac = act->route ? act->eth_dst : key->dl_dst;
    const struct vp_fw_port *fw_src = stateful_fw_port(sf, src->vnet->name,
                                                       key->dl_src);
    const struct vp_fw_port *fw_dst = stateful_fw_port(sf, out_vnet->name,
                                                       dst_mac);
    if (!fw_src && !fw_dst) {
        return;                 /* No service: switched as it is. */
    }
    if (!is_stateful_proto(key)) {
        /* What conntrack cannot follow cannot be let through a firewall:
         * the sender's host refuses it (no owner is needed for that). */
        xlate_trace(t, "firewall: only IPv4 TCP, UDP and ICMP (and ARP) "
                    "reach or leave a firewalled port");
        xlate_drop(act, VP_DROP_FIREWALL, t);
        return;
    }

    ovs_be32 dst_host = (act->type == VP_ACT_OUTPUT ? tables->self_vtep
                         : act->vtep);
    /* Rule 1 needs both VMs' hosts to be vplaneds; under rule 2 the one
     * that is owns the flow.  A frame from a VTEP that is no vplaned (a
     * Linux or OVS VTEP) comes here unmarked, and this host, the VM's,
     * runs it. */
    bool src_peer = (src->host == tables->self_vtep
                     || stateful_is_peer(sf, src->host));
    bool dst_peer = (dst_host == tables->self_vtep
                     || stateful_is_peer(sf, dst_host));
    bool owner_how_pair = src_peer && dst_peer;
    ovs_be32 owner;
    if (owner_how_pair) {
        owner = stateful_owner_of_pair(sf, src->host, dst_host);
        xlate_trace(t, "owner rule 1: both VMs on vplaneds ("IP_FMT", "IP_FMT
                    "): the %s", IP_ARGS(src->host), IP_ARGS(dst_host),
                    sf->higher ? "higher" : "lower");
    } else if (src_peer) {
        owner = src->host;
        xlate_trace(t, "owner rule 2: only the source's host is a vplaned");
    } else {
        owner = dst_host;
        xlate_trace(t, "owner rule 2: only the destination's host is a "
                    "vplaned");
    }

    uint8_t how = owner_how_pair ? VP_OWNER_RULE_PAIR : VP_OWNER_RULE_ONE;
    if (owner != tables->self_vtep) {
        if (src->host != tables->self_vtep) {
            /* Sent here to be run, by a host that thinks otherwise. */
            xlate_trace(t, "owner: "IP_FMT", not this host",
                        IP_ARGS(owner));
            memset(act, 0, sizeof *act);
            xlate_drop(act, VP_DROP_OWNER_MISMATCH, t);
        } else {
            to_owner(act, owner, src->vnet, t);
            act->owner_how = how;
            act->owner = owner;
        }
        return;
    }

    int8_t dscp = -1;
    bool allowed = (port_allows(fw_src, VP_FW_EGRESS, key, key->nw_dst,
                                &dscp, t)
                    && port_allows(fw_dst, VP_FW_INGRESS, key, key->nw_src,
                                   &dscp, t));
    set_ct(act, src->vnet, allowed, allowed ? dscp : -1, t);
    act->owner_how = how;
    act->owner = owner;
}

void
owner_check_flood(const struct vp_tables *tables, const struct vp_stateful *sf,
                  const struct vp_flow_key *key, const struct vp_vnet *vnet,
                  struct vp_action *act, struct ds *t)
{
    if (key->dl_type != htons(ETH_TYPE_IP) || !key->nw_dst
        || key->nw_dst == htonl(INADDR_BROADCAST)
        || ip_is_multicast(key->nw_dst)) {
        return;
    }
    const struct vp_port *port = tables_port_by_ip(tables, vnet, key->nw_dst);
    const struct vp_xlate *xe = (port ? NULL
                                 : tables_xlate_by_ip(tables, vnet,
                                                      key->nw_dst));
    if ((port || xe)
        && stateful_fw_port(sf, vnet->name, port ? port->mac : xe->mac)) {
        /* Linux takes UDP and ICMP to its address in a broadcast frame:
         * that would be a way round the firewall. */
        xlate_trace(t, "firewall: "IP_FMT" is a firewalled port's address, "
                    "in a broadcast frame", IP_ARGS(key->nw_dst));
        xlate_drop(act, VP_DROP_FIREWALL, t);
    }
}

void
owner_decide_wan_out(const struct vp_tables *tables,
                     const struct vp_stateful *sf,
                     const struct vp_flow_key *key,
                     const struct xlate_src *src, struct vp_action *act,
                     struct ds *t)
{
    const struct vp_tenant *tenant = src->vnet->tenant;

    if (!is_stateful_proto(key)) {
        xlate_trace(t, "only IPv4 TCP, UDP and ICMP cross to the WAN");
        xlate_drop(act, VP_DROP_NO_NAT, t);
        return;
    }
    if (src->host != tables->self_vtep) {
        /* Rule 2: a VM's own host owns its WAN flows; nobody sends them
         * elsewhere. */
        xlate_drop(act, VP_DROP_OWNER_MISMATCH, t);
        return;
    }
    ovs_be32 gateway = stateful_gateway(sf, vp_flow_key_hash(key));
    if (!gateway) {
        xlate_drop(act, VP_DROP_NO_GATEWAY, t);
        return;
    }
    act->type = VP_ACT_ENCAP;
    act->route = true;
    act->eth_dst = wan_mac;
    act->vtep = gateway;
    act->vni = sf->wan_vni;
    act->owner_how = VP_OWNER_RULE_ONE;
    act->owner = tables->self_vtep;

    const struct vp_nat_rule *rule = stateful_nat_out(sf, tenant->name,
                                                      src->vnet->name,
                                                      key->nw_src);
    if (!rule) {
        /* A VM reachable only through a port forward answers through it:
         * conntrack turns its replies back; it starts nothing. */
        xlate_trace(t, "no NAT rule takes "IP_FMT" of tenant %s out: "
                    "replies to port forwards only", IP_ARGS(key->nw_src),
                    tenant->name);
        set_ct(act, src->vnet, false, -1, t);
        act->ct.nat = VP_CT_NAT_REPLY;
        xlate_trace(t, "VXLAN vni %"PRIu32" (WAN) to gateway "IP_FMT,
                    sf->wan_vni, IP_ARGS(gateway));
        return;
    }
    struct ds r = DS_EMPTY_INITIALIZER;
    vp_nat_rule_format(rule, &r);
    xlate_trace(t, "to the WAN: NAT rule %s", ds_cstr(&r));
    ds_destroy(&r);
    xlate_trace(t, "owner rule 2: the VM's host, this one");

    int8_t dscp = -1;
    bool allowed = port_allows(stateful_fw_port(sf, src->vnet->name,
                                                key->dl_src),
                               VP_FW_EGRESS, key, key->nw_dst, &dscp, t);
    set_ct(act, src->vnet, allowed, dscp, t);
    act->ct.nat = VP_CT_NAT_SRC;
    act->ct.nat_ip = rule->external_ip;
    /* SNAT picks a port of this host's block; a floating IP keeps it. */
    act->ct.record = rule->type == VP_NAT_SNAT;
    if (act->ct.record) {
        uint16_t min, max;
        if (!stateful_port_block(sf, sf->self, rule->external_ip,
                                 &min, &max)) {
            xlate_trace(t, "this host has no SNAT port block on "IP_FMT
                        " (the controller's pool is exhausted: "
                        "ctrl/hosts)", IP_ARGS(rule->external_ip));
            memset(act, 0, sizeof *act);
            xlate_drop(act, VP_DROP_SNAT_NO_BLOCK, t);
            return;
        }
        act->ct.nat_port = min;
        act->ct.nat_port_max = max;
    }
    xlate_trace(t, "NAT: source becomes "IP_FMT"%s",
                IP_ARGS(rule->external_ip),
                act->ct.record ? ", a port of this host's block, recorded "
                "with the helper of the reply" : "");
    xlate_trace(t, "VXLAN vni %"PRIu32" (WAN) to gateway "IP_FMT,
                sf->wan_vni, IP_ARGS(gateway));
}

/* What the owner of a WAN flow runs: conntrack with the rule's NAT, then
 * the VM.  False if this host cannot run it. */
static bool
decide_wan_owner(const struct vp_tables *tables, const struct vp_stateful *sf,
                 const struct vp_flow_key *key, const struct vp_nat_rule *rule,
                 struct vp_action *act, struct ds *t)
{
    const struct vp_vnet *vnet = (rule->tenant_vni
                                  ? tables_vnet_by_vni(tables,
                                                       rule->tenant_vni)
                                  : NULL);

    if (!vnet || strcmp(vnet->tenant->name, rule->tenant)) {
        xlate_trace(t, "tenant %s is not served here: this host cannot own "
                    "it", rule->tenant);
        return false;
    }
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &vnet->cfg);
    act->vnet = vnet;
    act->route = true;
    act->eth_src = cfg->gw_mac;

    if (rule->type == VP_NAT_SNAT) {
        /* Replies only: the connection's entry says where they go. */
        set_ct(act, vnet, false, -1, t);
        act->ct.nat = VP_CT_NAT_REPLY;
        act->type = VP_ACT_DELIVER_IP;
        xlate_trace(t, "if this host made the connection (its SNAT records): "
                    "conntrack turns the reply back to its VM");
        return true;
    }

    struct vp_port *port = tables_port_by_ip(tables, vnet,
                                             rule->internal_ip);
    if (!port) {
        xlate_trace(t, IP_FMT" is no local VM of VNet %s: this host is not "
                    "the owner", IP_ARGS(rule->internal_ip), vnet->name);
        return false;
    }
    int8_t dscp = -1;
    struct vp_flow_key inner = *key;
    inner.nw_dst = rule->internal_ip;
    if (rule->type == VP_NAT_FORWARD) {
        inner.tp_dst = htons(rule->internal_port);
    }
    bool allowed = port_allows(stateful_fw_port(sf, vnet->name, port->mac),
                               VP_FW_INGRESS, &inner, key->nw_src, &dscp, t);
    set_ct(act, vnet, allowed, dscp, t);
    act->ct.nat = VP_CT_NAT_DST;
    act->ct.nat_ip = rule->internal_ip;
    act->ct.nat_port = rule->type == VP_NAT_FORWARD ? rule->internal_port : 0;
    act->eth_dst = port->mac;
    act->type = VP_ACT_OUTPUT;
    act->port = port;
    xlate_trace(t, "NAT: destination becomes "IP_FMT"%s, local port %s",
                IP_ARGS(rule->internal_ip),
                rule->type == VP_NAT_FORWARD ? " (and its port)" : "",
                port->name);
    return true;
}

void
owner_decide_wan_in(const struct vp_tables *tables,
                    const struct vp_stateful *sf,
                    const struct vp_flow_key *key, bool from_uplink,
                    struct vp_action *act, struct ds *t)
{
    uint16_t port = (key->nw_proto == IPPROTO_ICMP ? ntohs(key->icmp_id)
                     : ntohs(key->tp_dst));
    const struct vp_nat_rule *rule;

    if (!is_stateful_proto(key)
        || !(rule = stateful_nat_in(sf, key->nw_dst, key->nw_proto,
                                    port))) {
        xlate_trace(t, "no NAT rule for "IP_FMT, IP_ARGS(key->nw_dst));
        xlate_drop(act, VP_DROP_NO_NAT, t);
        return;
    }
    struct ds r = DS_EMPTY_INITIALIZER;
    vp_nat_rule_format(rule, &r);
    xlate_trace(t, "from the WAN: NAT rule %s", ds_cstr(&r));
    ds_destroy(&r);

    uint32_t subset = stateful_subset(sf, key->nw_dst, key->nw_proto, port);
    xlate_trace(t, "owner rule 3: neither address is a VM's: query subset "
                "%"PRIu32", helper "IP_FMT, subset,
                IP_ARGS(stateful_helper(sf, subset)));

    /* What this host runs if it turns out to be the owner.  A gateway
     * that serves no tenant of the rule can only pass the flow on. */
    if (!decide_wan_owner(tables, sf, key, rule, act, t)) {
        memset(act, 0, sizeof *act);
        act->type = VP_ACT_RESOLVE;
    }
    act->resolve = true;
    act->vni = sf->wan_vni;
    act->owner_how = VP_OWNER_SUBSET;
    if (from_uplink) {
        xlate_trace(t, "per packet: the owner cache, else the helper (%s "
                    "mode)", sf->query_mode ? "query" : "forward");
    } else {
        xlate_trace(t, "per packet: the owner cache, or this host's records "
                    "as the helper, else this host runs it");
    }
}
