/* vplane/pipeline-actions.c: what happens to a packet after its decision
 * (the "act" and "tx" stages of pipeline.h): the resolver and conntrack
 * before the action, routing (header check, TTL, MACs), the MTU and the
 * ICMP errors it makes, ARP and ICMP echo answers, flooding, the WAN's
 * outputs, and the per-output queues pipeline_flush() sends.
 *
 * Nothing here decides (xlate.c did, for the whole flow) or parses and looks
 * up a packet (pipeline.c). */
#include <config.h>
#include "pipeline.h"
#include "pipeline-private.h"

#include <string.h>
#include "conntrack.h"
#include "csum.h"
#include "netdev.h"
#include "packets.h"
#include "coalesce.h"
#include "port.h"
#include "resolver.h"
#include "responder.h"
#include "stateful.h"
#include "stats.h"
#include "tables.h"
#include "tso.h"
#include "uplink.h"
#include "vxlan.h"
#include "xlate.h"

static void enqueue_port(struct pipeline *, struct dp_packet *,
                         struct vp_port *);

static void
flush_port(struct pipeline *p, struct pipeline_tx_port *tx)
{
    struct vp_port_counters_live *c = pipeline_counters(p, tx->port->id);
    size_t n = dp_packet_batch_size(&tx->batch);
    uint64_t bytes = 0;
    struct dp_packet *pkt;

    DP_PACKET_BATCH_FOR_EACH (i, pkt, &tx->batch) {
        bytes += dp_packet_size(pkt);
    }
    /* Counted as the segments they were; sent as the superframes the
     * segments of a flow make (with offloads the port takes those). */
    if (p->coalesce && n > 1) {
        coalesce_tcp_batch(&tx->batch);
    }
    /* netdev_send() frees the batch whatever happens.  On an error it does
     * not say how many went out, so all of them count as refused. */
    if (!netdev_send(tx->netdev, 0, &tx->batch, true)) {
        vp_counter_add(&c->tx_packets, n);
        vp_counter_add(&c->tx_bytes, bytes);
    } else {
        vp_counter_add(&c->drops[VP_DROP_TX_ERROR], n);
    }
    dp_packet_batch_init(&tx->batch);
}

static void
account_fabric_tx(struct pipeline *p, const struct fabric_tx_result *r)
{
    struct vp_port_counters_live *c = pipeline_counters(p, VP_FABRIC_PORT_ID);

    vp_counter_add(&c->tx_packets, r->sent);
    vp_counter_add(&c->tx_bytes, r->sent_bytes);
    if (r->too_big) {
        vp_counter_add(&c->drops[VP_DROP_TOO_BIG], r->too_big);
    }
    if (r->errors) {
        vp_counter_add(&c->drops[VP_DROP_TX_ERROR], r->errors);
    }
}

static void
flush_fabric(struct pipeline *p)
{
    if (p->fq.n) {
        struct fabric_tx_result r = { 0 };

        fabric_txq_flush(p->fabric, &p->fq, &r);
        account_fabric_tx(p, &r);
    }
}

void
pipeline_flush(struct pipeline *p)
{
    for (size_t i = 0; i < p->n_tx; i++) {
        flush_port(p, &p->tx[i]);
    }
    p->n_tx = 0;
    flush_fabric(p);
}

/* Sends an ICMP error about 'orig', which VM port 'in' sent, back to the VM
 * from the gateway of its subnet.  Each port has its own budget, so one VM
 * cannot use up the answers other VMs need (PMTU discovery). */
static void
send_icmp_error(struct pipeline *p, const struct dp_packet *orig,
                struct vp_port *in, uint8_t type, uint8_t code, uint16_t mtu)
{
    if (!in || !in->vnet) {
        /* Routed by this host as the flow's owner, or from the WAN: the
         * sender is not a VM here to answer. */
        return;
    }
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &in->vnet->cfg);
    const struct ip_header *ip = dp_packet_l3(orig);
    const struct vp_subnet *sn;
    struct dp_packet *err;

    sn = vnet_subnet_for(cfg, get_16aligned_be32(&ip->ip_src));
    if (!sn && cfg->n_subnets) {
        sn = &cfg->subnets[0];
    }
    if (!sn || !token_bucket_withdraw(&p->icmp_tb[in->id],
                                      ICMP_TOKENS_PER_MSG)) {
        return;
    }
    /* To the port's MAC, the only source a frame from it can have (the
     * frame itself may already carry routed MACs). */
    err = responder_icmp_error(orig, in->mac, cfg->gw_mac, sn->gateway, type,
                               code, mtu);
    if (err) {
        enqueue_port(p, err, in);
    }
}

/* A frame that does not fit: counted, and if it is IPv4 with DF from a VM,
 * answered with "fragmentation needed" carrying the MTU that would fit. */
static void
too_big(struct pipeline *p, struct dp_packet *pkt, struct vp_port *in,
        unsigned int in_id, int fit_mtu)
{
    const struct eth_header *eth = dp_packet_eth(pkt);
    const struct ip_header *ip = dp_packet_l3(pkt);

    if (in && ip && fit_mtu > 0 && eth->eth_type == htons(ETH_TYPE_IP)
        && ip->ip_frag_off & htons(IP_DONT_FRAGMENT)) {
        send_icmp_error(p, pkt, in, ICMP4_DST_UNREACH, ICMP4_CODE_FRAG_NEEDED,
                        fit_mtu);
    }
    pipeline_drop(p, pkt, in_id, VP_DROP_TOO_BIG);
}

/* Whether 'pkt' fits its output: local 'port', or the fabric if 'port' is
 * NULL.  If not, '*fit' is the largest IP packet that would.  A TCP
 * superframe fits either way: it is segmented to size. */
static bool
fits(const struct pipeline *p, const struct dp_packet *pkt,
     const struct vp_port *port, int *fit)
{
    if (port) {
        atomic_read_relaxed(CONST_CAST(atomic_int *, &port->mtu), fit);
    } else {
        *fit = p->mtu - VXLAN_IPV4_OVERHEAD - ETH_HEADER_LEN;
    }
    return (dp_packet_hwol_is_tso(pkt)
            || dp_packet_size(pkt) <= *fit + ETH_HEADER_LEN);
}

/* Queues 'pkt' for local 'port' (sizes already checked). */
static void
enqueue_port(struct pipeline *p, struct dp_packet *pkt, struct vp_port *port)
{
    struct netdev *netdev = ovsrcu_get(struct netdev *, &port->tx_netdev);

    if (!netdev) {
        pipeline_drop(p, pkt, port->id, VP_DROP_TX_ERROR);
        return;
    }

    struct pipeline_tx_port *tx = NULL;
    for (size_t i = 0; i < p->n_tx; i++) {
        if (p->tx[i].port == port) {
            tx = &p->tx[i];
            break;
        }
    }
    if (!tx) {
        if (p->n_tx >= PIPELINE_MAX_TX_PORTS) {
            pipeline_flush(p);
        }
        tx = &p->tx[p->n_tx++];
        tx->port = port;
        tx->netdev = netdev;
        dp_packet_batch_init(&tx->batch);
    } else if (dp_packet_batch_is_full(&tx->batch)) {
        flush_port(p, tx);
    }
    dp_packet_batch_add(&tx->batch, pkt);
}

/* Queues 'pkt' for 'vtep' in 'vni' (sizes already checked): finishes its
 * checksum, or segments it if it is a TCP superframe. */
static void
enqueue_fabric(struct pipeline *p, struct dp_packet *pkt, ovs_be32 vtep,
               uint32_t vni, unsigned int in_id)
{
    if (dp_packet_hwol_is_tso(pkt)) {
        struct fabric_tx_result r = { 0 };
        int fit = p->mtu - VXLAN_IPV4_OVERHEAD - ETH_HEADER_LEN;

        flush_fabric(p);        /* Keep the flow's packets in order. */
        if (tso_send_vxlan(p->fabric, pkt, vtep, vni, fit, &r)) {
            account_fabric_tx(p, &r);
            dp_packet_delete(pkt);
        } else {
            pipeline_drop(p, pkt, in_id, VP_DROP_GSO_UNSUPPORTED);
        }
        return;
    }
    if (!tso_complete_csum(pkt)) {
        pipeline_drop(p, pkt, in_id, VP_DROP_GSO_UNSUPPORTED);
        return;
    }
    if (fabric_txq_full(&p->fq)) {
        flush_fabric(p);
    }
    fabric_txq_push(&p->fq, pkt, vtep, vni);
}

/* Checks of a routed packet, before anything is rewritten: a sane IPv4
 * header, and TTL left (ICMP time exceeded otherwise). */
static bool
route_check(struct pipeline *p, struct dp_packet *pkt, struct vp_port *in,
            unsigned int in_id)
{
    struct ip_header *ip = dp_packet_l3(pkt);

    if (csum(ip, IP_IHL(ip->ip_ihl_ver) * 4)) {
        pipeline_drop(p, pkt, in_id, VP_DROP_BAD_IP_HEADER);
        return false;
    }
    if (ip->ip_ttl <= 1) {
        send_icmp_error(p, pkt, in, ICMP4_TIME_EXCEEDED,
                        ICMP4_CODE_TTL_EXCEEDED, 0);
        pipeline_drop(p, pkt, in_id, VP_DROP_TTL_EXCEEDED);
        return false;
    }
    return true;
}

/* Routes 'pkt': decrements its TTL and gives it the egress MACs. */
static void
route_rewrite(struct dp_packet *pkt, const struct vp_action *act)
{
    struct ip_header *ip = dp_packet_l3(pkt);
    struct eth_header *eth = dp_packet_eth(pkt);

    /* TTL shares a 16-bit checksum word with the protocol. */
    ovs_be16 old = htons(ip->ip_ttl << 8 | ip->ip_proto);
    ip->ip_ttl--;
    ip->ip_csum = recalc_csum16(ip->ip_csum, old,
                                htons(ip->ip_ttl << 8 | ip->ip_proto));
    eth->eth_src = act->eth_src;
    eth->eth_dst = act->eth_dst;
}

/* Sends 'pkt' to local 'port' or, if 'port' is NULL, over VXLAN in 'vni'
 * to 'vtep' -- routing it first if 'act' says so.  The size is checked
 * before routing rewrites the frame, so an ICMP error quotes what the VM
 * sent. */
static void
output(struct pipeline *p, struct dp_packet *pkt, const struct vp_action *act,
       struct vp_port *port, ovs_be32 vtep, uint32_t vni, struct vp_port *in,
       unsigned int in_id)
{
    int fit;

    if (act && act->route && !route_check(p, pkt, in, in_id)) {
        return;
    }
    if (!fits(p, pkt, port, &fit)) {
        too_big(p, pkt, in, in_id, fit);
        return;
    }
    if (act && act->route) {
        route_rewrite(pkt, act);
    }
    if (port) {
        enqueue_port(p, pkt, port);
    } else {
        enqueue_fabric(p, pkt, vtep, vni, in_id);
    }
}

static void
flood(struct pipeline *p, struct dp_packet *pkt, const struct vp_vnet *vnet,
      struct vp_port *in, unsigned int in_id)
{
    const struct vp_flood *f = ovsrcu_get(const struct vp_flood *,
                                          &vnet->flood);
    size_t n = 0;

    for (size_t i = 0; i < f->n_ports; i++) {
        struct vp_port *port = f->ports[i];
        if (port != in && ovsrcu_get(struct netdev *, &port->tx_netdev)) {
            output(p, dp_packet_clone(pkt), NULL, port, 0, 0, in, in_id);
            n++;
        }
    }
    /* Split horizon: what came from the fabric goes back to no host. */
    for (size_t i = 0; in && i < f->n_vteps; i++) {
        output(p, dp_packet_clone(pkt), NULL, NULL, f->vteps[i], vnet->vni,
               in, in_id);
        n++;
    }
    if (n) {
        dp_packet_delete(pkt);
    } else {
        pipeline_drop(p, pkt, in_id, VP_DROP_NO_DESTINATION);
    }
}

/* Gives IPv4 packet 'pkt' DSCP 'dscp', keeping its ECN bits. */
static void
set_dscp(struct dp_packet *pkt, uint8_t dscp)
{
    struct ip_header *ip = dp_packet_l3(pkt);
    uint8_t tos = (ip->ip_tos & IP_ECN_MASK) | (dscp << 2);

    if (tos != ip->ip_tos) {
        ovs_be16 old = htons(ip->ip_ihl_ver << 8 | ip->ip_tos);
        ip->ip_tos = tos;
        ip->ip_csum = recalc_csum16(ip->ip_csum, old,
                                    htons(ip->ip_ihl_ver << 8 | ip->ip_tos));
    }
}

/* The conntrack NAT action for 'ca': only a new connection's is used;
 * any given makes conntrack apply an existing connection's NAT. */
static void
nat_info(const struct vp_ct_action *ca, struct nat_action_info_t *ni)
{
    memset(ni, 0, sizeof *ni);
    switch ((enum vp_nat_kind) ca->nat) {
    case VP_CT_NAT_NONE:
    case VP_CT_NAT_REPLY:
        break;
    case VP_CT_NAT_SRC:
        ni->nat_action = NAT_ACTION_SRC;
        ni->min_addr.ipv4 = ni->max_addr.ipv4 = ca->nat_ip;
        if (ca->nat_port) {
            /* SNAT: a port of this host's own block, so that hosts
             * sharing the address never pick the same one. */
            ni->nat_action |= NAT_ACTION_SRC_PORT;
            ni->min_port = ca->nat_port;
            ni->max_port = ca->nat_port_max;
        }
        break;
    case VP_CT_NAT_DST:
        ni->nat_action = NAT_ACTION_DST;
        ni->min_addr.ipv4 = ni->max_addr.ipv4 = ca->nat_ip;
        if (ca->nat_port) {
            ni->nat_action |= NAT_ACTION_DST_PORT;
            ni->min_port = ni->max_port = ca->nat_port;
        }
        break;
    }
}

/* What the owner of a stateful flow runs before the packet goes on
 * (owner.c decided it): conntrack in the tenant's zone, committing a new
 * connection only if the rules allow it, with the rule's NAT.  Returns
 * false if 'pkt' was dropped. */
static bool
run_ct(struct pipeline *p, struct dp_packet *pkt, const struct vp_action *act,
       unsigned int in_id)
{
    const struct vp_ct_action *ca = &act->ct;
    struct nat_action_info_t ni;
    struct dp_packet_batch b;

    /* Conntrack checks L4 checksums, and checksums the device was to
     * finish are not there yet: finish them (a TCP superframe is flagged,
     * which conntrack knows to trust).  NAT then adjusts them. */
    if (!p->shared.ct || !tso_complete_csum(pkt)) {
        pipeline_drop(p, pkt, in_id, VP_DROP_GSO_UNSUPPORTED);
        return false;
    }
    nat_info(ca, &ni);
    dp_packet_batch_init_packet(&b, pkt);
    conntrack_execute(p->shared.ct, &b, htons(ETH_TYPE_IP), false,
                      ca->commit, ca->zone, NULL, NULL, 0, 0, NULL,
                      ca->nat ? &ni : NULL, p->now, 0);

    uint8_t state = pkt->md.ct_state;
    if (state & CS_INVALID) {
        pipeline_drop(p, pkt, in_id, VP_DROP_CT_INVALID);
        return false;
    }
    if (state & CS_NEW && !ca->commit) {
        pipeline_drop(p, pkt, in_id, (ca->nat == VP_CT_NAT_REPLY
                                      ? VP_DROP_NO_NAT : VP_DROP_FIREWALL));
        return false;
    }
    if (state & CS_NEW
        && (ca->nat == VP_CT_NAT_SRC || ca->nat == VP_CT_NAT_DST)
        && !(state & (CS_SRC_NAT | CS_DST_NAT))) {
        /* Conntrack found no free tuple and tracks the packet untranslated:
         * it must not leave with its private address. */
        pipeline_drop(p, pkt, in_id, VP_DROP_NAT_EXHAUSTED);
        return false;
    }
    if (ca->dscp >= 0) {
        set_dscp(pkt, ca->dscp);
    }
    return true;
}

/* A packet from the WAN (resolver.h): true if this host runs it, else it
 * was sent on, held or dropped. */
static bool
resolve(struct pipeline *p, struct dp_packet *pkt,
        const struct vp_flow_key *key, const struct vp_action *act,
        struct vp_port *in, unsigned int in_id)
{
    const struct vp_stateful *sf = stateful_get(p->tables);
    enum vp_drop_reason reason = VP_DROP_OWNER_MISMATCH;
    ovs_be32 to = 0;

    if (!p->shared.resolver) {
        pipeline_drop(p, pkt, in_id, VP_DROP_NO_RESOLVER);
        return false;
    }
    if (!tso_complete_csum(pkt)) {
        pipeline_drop(p, pkt, in_id, VP_DROP_GSO_UNSUPPORTED);
        return false;
    }
    switch (resolver_route(p->shared.resolver, sf, key, act, in != NULL, pkt,
                           &to, &reason)) {
    case RESOLVER_HERE:
        if (act->type != VP_ACT_RESOLVE) {
            return true;
        }
        pipeline_drop(p, pkt, in_id, VP_DROP_OWNER_MISMATCH);
        break;
    case RESOLVER_SEND:
        output(p, pkt, NULL, NULL, to, sf->wan_vni | VP_VNI_OWNER, in, in_id);
        break;
    case RESOLVER_HELD:
        break;
    case RESOLVER_DROP:
        pipeline_drop(p, pkt, in_id, reason);
        break;
    }
    return false;
}

/* The first packets of a connection this host source-NATs wait for its
 * record with the reply's helper (resolver.h) before they leave. */
static void
output_recorded(struct pipeline *p, struct dp_packet *pkt,
                const struct vp_action *act, struct vp_port *in,
                unsigned int in_id)
{
    enum vp_drop_reason reason = VP_DROP_OWNER_UNKNOWN;
    int fit;

    if (!route_check(p, pkt, in, in_id)) {
        return;
    }
    if (!fits(p, pkt, NULL, &fit)) {
        too_big(p, pkt, in, in_id, fit);
        return;
    }
    route_rewrite(pkt, act);
    uint8_t state = pkt->md.ct_state;
    if (!(state & CS_SRC_NAT) || state & (CS_REPLY_DIR | CS_RELATED)) {
        /* Not a connection this host started through SNAT (a reply of a
         * port forward, an ICMP error): there is nothing to record. */
        enqueue_fabric(p, pkt, act->vtep, act->vni, in_id);
        return;
    }
    if (!p->shared.resolver) {
        pipeline_drop(p, pkt, in_id, VP_DROP_NO_RESOLVER);
        return;
    }
    switch (resolver_check_record(p->shared.resolver,
                                  stateful_get(p->tables), pkt, act->vtep,
                                  act->vni, &reason)) {
    case RESOLVER_HERE:
    case RESOLVER_SEND:
        enqueue_fabric(p, pkt, act->vtep, act->vni, in_id);
        break;
    case RESOLVER_HELD:
        break;
    case RESOLVER_DROP:
        pipeline_drop(p, pkt, in_id, reason);
        break;
    }
}

/* Out of this gateway's uplink to the WAN router. */
static void
output_uplink(struct pipeline *p, struct dp_packet *pkt,
              const struct vp_action *act, unsigned int in_id)
{
    struct eth_addr router;
    int fit;

    if (!uplink_router_mac(p->shared.uplink, &router)) {
        pipeline_drop(p, pkt, in_id, VP_DROP_WAN_NO_ARP);
        return;
    }
    if (!fits(p, pkt, act->port, &fit)) {
        too_big(p, pkt, NULL, in_id, fit);
        return;
    }
    struct eth_header *eth = dp_packet_eth(pkt);
    eth->eth_src = act->port->mac;
    eth->eth_dst = router;
    enqueue_port(p, pkt, act->port);
}

/* After conntrack turned an SNAT reply back: to the local VM its
 * destination now names, routed from its VNet's gateway. */
static void
deliver_ip(struct pipeline *p, struct dp_packet *pkt,
           const struct vp_action *act, struct vp_port *in,
           unsigned int in_id)
{
    const struct ip_header *ip = dp_packet_l3(pkt);
    ovs_be32 dst = get_16aligned_be32(&ip->ip_dst);
    const struct vp_rib_entry *e = tenant_route_lookup(act->vnet->tenant,
                                                       dst);
    struct vp_port *port = (e ? tables_port_by_ip(p->tables, e->vnet, dst)
                            : NULL);

    if (!port) {
        pipeline_drop(p, pkt, in_id, VP_DROP_DST_IP_UNKNOWN);
        return;
    }
    const struct vp_vnet_cfg *cfg = ovsrcu_get(const struct vp_vnet_cfg *,
                                               &e->vnet->cfg);
    struct vp_action routed = *act;
    routed.eth_src = cfg->gw_mac;
    routed.eth_dst = port->mac;
    routed.route = true;
    output(p, pkt, &routed, port, 0, 0, in, in_id);
}

void
pipeline_execute(struct pipeline *p, struct dp_packet *pkt,
                 const struct vp_flow_key *key, const struct vp_action *act,
                 struct vp_port *in, unsigned int in_id)
{
    if (act->resolve && !resolve(p, pkt, key, act, in, in_id)) {
        return;
    }
    if (act->ct.active && !run_ct(p, pkt, act, in_id)) {
        return;
    }
    switch ((enum vp_action_type) act->type) {
    case VP_ACT_DROP:
        pipeline_drop(p, pkt, in_id, act->drop_reason);
        break;
    case VP_ACT_OUTPUT:
        output(p, pkt, act, act->port, 0, 0, in, in_id);
        break;
    case VP_ACT_ENCAP:
        if (act->ct.record) {
            output_recorded(p, pkt, act, in, in_id);
        } else {
            output(p, pkt, act, NULL, act->vtep, act->vni, in, in_id);
        }
        break;
    case VP_ACT_FLOOD:
        flood(p, pkt, act->vnet, in, in_id);
        break;
    case VP_ACT_ARP_REPLY:
        if (act->learn_router) {
            uplink_learn(p->shared.uplink, pkt);
        }
        enqueue_port(p, responder_arp_reply(pkt, act->eth_dst), in);
        dp_packet_delete(pkt);
        break;
    case VP_ACT_GATEWAY:
        if (responder_icmp_echo_reply(pkt, act->eth_src)) {
            enqueue_port(p, pkt, in);
        } else {
            pipeline_drop(p, pkt, in_id, VP_DROP_TO_GATEWAY);
        }
        break;
    case VP_ACT_TO_OWNER:
        /* Unrouted and untouched: the owner routes it. */
        output(p, pkt, NULL, NULL, act->vtep, act->vni | VP_VNI_OWNER, in,
               in_id);
        break;
    case VP_ACT_RESOLVE:
        /* resolve() sent it on. */
        pipeline_drop(p, pkt, in_id, VP_DROP_OWNER_MISMATCH);
        break;
    case VP_ACT_UPLINK:
        output_uplink(p, pkt, act, in_id);
        break;
    case VP_ACT_DELIVER_IP:
        deliver_ip(p, pkt, act, in, in_id);
        break;
    case VP_ACT_ARP_LEARN:
        uplink_learn(p->shared.uplink, pkt);
        dp_packet_delete(pkt);
        break;
    }
}
