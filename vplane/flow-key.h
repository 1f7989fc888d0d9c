/* vplane/flow-key.h: the compact key a packet is switched by.
 *
 * Open vSwitch's miniflow_extract() parses and validates the headers; the key
 * keeps only what vPlane's forwarding decisions depend on, so one cache entry
 * covers a whole flow (TCP flags, TTL and length are not in it: they are
 * looked at per packet).  The key is also what `dump-flows` shows. */
#ifndef VPLANE_FLOW_KEY_H
#define VPLANE_FLOW_KEY_H 1

#include <stdint.h>
#include "openvswitch/types.h"
#include "hash.h"
#include "util.h"
#include "vplane/drop-reasons.h"

struct dp_packet;
struct ds;

struct vp_flow_key {
    uint16_t in_port;           /* Port id; VP_FABRIC_PORT_ID for VXLAN. */
    ovs_be16 dl_type;           /* Ethertype (after no VLAN tag). */
    uint32_t vni;               /* VXLAN VNI, fabric only. */
    ovs_be32 outer_src;         /* Sending VTEP, fabric only. */
    struct eth_addr dl_dst;
    struct eth_addr dl_src;
    ovs_be32 nw_src;            /* IPv4 source, or ARP sender address. */
    ovs_be32 nw_dst;            /* IPv4 destination, or ARP target. */
    ovs_be16 tp_src;            /* TCP/UDP port; ICMP type. */
    ovs_be16 tp_dst;            /* TCP/UDP port; ICMP code. */
    uint8_t nw_proto;           /* IPv4 protocol, or ARP opcode. */
    uint8_t vlan;               /* The frame carried an 802.1Q/ad tag. */
    struct eth_addr arp_sha;    /* ARP sender MAC (anti-spoofing). */
    ovs_be16 icmp_id;           /* ICMP echo identifier (conntrack's key). */
    uint8_t mark;               /* VXLAN owner mark (vxlan.h), fabric only. */
    uint8_t pad;
};
BUILD_ASSERT_DECL(sizeof(struct vp_flow_key) == 48);

/* Parses 'pkt' (whose data starts at its Ethernet header) and fills 'key'.
 * 'vni' may carry VP_VNI_OWNER (vxlan.h), which goes to key->mark.
 * Sets the packet's l3/l4 offsets.  Returns VP_N_DROP_REASONS if the packet
 * is well formed, otherwise the reason to drop it. */
enum vp_drop_reason vp_flow_key_extract(struct dp_packet *pkt,
                                        uint16_t in_port, uint32_t vni,
                                        ovs_be32 outer_src,
                                        struct vp_flow_key *key);

static inline uint32_t
vp_flow_key_hash(const struct vp_flow_key *key)
{
    return hash_words((const uint32_t *) key, sizeof *key / 4, 0);
}

void vp_flow_key_format(const struct vp_flow_key *, struct ds *);

#endif /* vplane/flow-key.h */
