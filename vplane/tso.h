/* vplane/tso.h: finishing offloads before VXLAN encapsulation (tso.c). */
#ifndef VPLANE_TSO_H
#define VPLANE_TSO_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/types.h"

struct dp_packet;
struct fabric_sock;
struct fabric_tx_result;

/* If 'pkt' (parsed) left its TCP, UDP or SCTP checksum to the device,
 * computes it now and clears the offload flags.  Does nothing to TSO
 * superframes.  Returns false if the checksum cannot be completed. */
bool tso_complete_csum(struct dp_packet *pkt);

/* The most datagrams a UDP superframe may be cut into (the kernel's
 * UDP_MAX_SEGMENTS). */
#define TSO_MAX_UDP_SEGS 128

/* Cuts the UDP superframe 'pkt' (parsed, from a VM using UDP segmentation
 * offload) into datagrams of 'gso_size' payload bytes, each with complete
 * headers and checksums, stored in 'segs'.  Returns how many, or 0 if it
 * cannot be done (bad sizes, more than 'max' segments). */
size_t tso_segment_udp(const struct dp_packet *pkt, size_t gso_size,
                       struct dp_packet **segs, size_t max);

/* Cuts the TCP superframe 'pkt' (parsed, TSO flagged) into segments whose
 * IP packets are at most 'max_ip_len' bytes, each with correct checksums,
 * and sends them to 'vtep' in 'vni'.  Does not free 'pkt'.  Returns false if
 * the frame cannot be segmented (no room for any payload, bad header). */
bool tso_send_vxlan(struct fabric_sock *, const struct dp_packet *pkt,
                    ovs_be32 vtep, uint32_t vni, size_t max_ip_len,
                    struct fabric_tx_result *);

#endif /* vplane/tso.h */
