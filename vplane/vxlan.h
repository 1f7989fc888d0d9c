/* vplane/vxlan.h: the VXLAN header (RFC 7348) on the fabric.
 *
 * The fabric side of vplaned is a UDP socket on the host's VTEP address, so
 * the kernel builds and strips the outer Ethernet, IP and UDP headers (and
 * resolves the next hop); what vplaned puts on the wire is the 8-byte VXLAN
 * header followed by the inner Ethernet frame.  Open vSwitch's struct
 * vxlanhdr is the header's layout. */
#ifndef VPLANE_VXLAN_H
#define VPLANE_VXLAN_H 1

#include <stdint.h>
#include "packets.h"
#include "vplane/drop-reasons.h"

struct dp_packet;

#define VXLAN_DST_PORT 4789
#define VXLAN_HLEN sizeof(struct vxlanhdr)
/* What encapsulation adds to an inner Ethernet frame on an IPv4 fabric:
 * outer IPv4 (20), UDP (8) and VXLAN (8).  The inner Ethernet header (14)
 * is part of the frame. */
#define VXLAN_IPV4_OVERHEAD (IP_HEADER_LEN + UDP_HEADER_LEN + VXLAN_HLEN)

void vxlan_header_init(struct vxlanhdr *, uint32_t vni);

/* Validates the VXLAN header at the start of 'pkt' and pulls it, leaving
 * the inner frame.  Returns VP_N_DROP_REASONS and sets '*vni' on success,
 * otherwise the reason to drop.  The reserved bits are ignored on receipt,
 * as RFC 7348 says. */
enum vp_drop_reason vxlan_decap(struct dp_packet *, uint32_t *vni);

#endif /* vplane/vxlan.h */
