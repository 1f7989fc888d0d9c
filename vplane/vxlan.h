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

/* A frame that one vplaned sends another for the owner of its flow to
 * process (DESIGN 2): it travels with this value in the VXLAN header's last
 * reserved byte, which RFC 7348 has receivers ignore, so other VTEPs never
 * see a difference.  Inside vplaned it rides in bits 24-31 of a VNI
 * argument. */
#define VP_VXLAN_OWNER_MARK 0x01
#define VP_VNI_OWNER (1u << 24)
#define VP_VNI_MASK 0xffffffu

/* 'vni' may carry VP_VNI_OWNER. */
void vxlan_header_init(struct vxlanhdr *, uint32_t vni);

/* Validates the VXLAN header at the start of 'pkt' and pulls it, leaving
 * the inner frame.  Returns VP_N_DROP_REASONS and sets '*vni' on success,
 * otherwise the reason to drop.  The reserved bits are ignored on receipt,
 * as RFC 7348 says, except that the owner mark adds VP_VNI_OWNER to
 * '*vni'. */
enum vp_drop_reason vxlan_decap(struct dp_packet *, uint32_t *vni);

#endif /* vplane/vxlan.h */
