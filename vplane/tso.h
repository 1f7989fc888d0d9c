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

/* If 'pkt' (parsed) left its TCP or UDP checksum to the device, computes
 * it now and clears the offload flags.  Does nothing to TSO superframes. */
void tso_complete_csum(struct dp_packet *pkt);

/* Cuts the TCP superframe 'pkt' (parsed, TSO flagged) into segments whose
 * IP packets are at most 'max_ip_len' bytes, each with correct checksums,
 * and sends them to 'vtep' in 'vni'.  Does not free 'pkt'.  Returns false if
 * the frame cannot be segmented (no room for any payload, bad header). */
bool tso_send_vxlan(struct fabric_sock *, const struct dp_packet *pkt,
                    ovs_be32 vtep, uint32_t vni, size_t max_ip_len,
                    struct fabric_tx_result *);

#endif /* vplane/tso.h */
