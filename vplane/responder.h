/* vplane/responder.h: packets the distributed gateway writes itself. */
#ifndef VPLANE_RESPONDER_H
#define VPLANE_RESPONDER_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"

struct dp_packet;

/* ICMP codes not named by Open vSwitch's packets.h. */
#define ICMP4_CODE_FRAG_NEEDED 4        /* With ICMP4_DST_UNREACH. */
#define ICMP4_CODE_TTL_EXCEEDED 0       /* With ICMP4_TIME_EXCEEDED. */

/* Returns a new ARP reply to 'request' (parsed: l3 set) saying that its
 * target address is at 'answer'. */
struct dp_packet *responder_arp_reply(const struct dp_packet *request,
                                      struct eth_addr answer);

/* Returns a new ICMP error about the IPv4 packet 'orig' (parsed), addressed
 * back to its sender, at 'dst_mac', from 'gw_mac'/'gw_ip', or NULL if none
 * may be sent about it (RFC 1122: not about ICMP errors, fragments,
 * broadcasts).  'mtu' is the next-hop MTU for "fragmentation needed". */
struct dp_packet *responder_icmp_error(const struct dp_packet *orig,
                                       struct eth_addr dst_mac,
                                       struct eth_addr gw_mac,
                                       ovs_be32 gw_ip, uint8_t type,
                                       uint8_t code, uint16_t mtu);

/* Turns the ICMP echo request 'pkt' into the gateway's reply, in place.
 * Returns false (and leaves 'pkt' alone) if it is not an echo request. */
bool responder_icmp_echo_reply(struct dp_packet *pkt, struct eth_addr gw_mac);

#endif /* vplane/responder.h */
