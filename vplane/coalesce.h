/* vplane/coalesce.h: TCP receive coalescing before delivery to a VM port.
 *
 * Segments of a TCP flow arrive from the fabric one by one (the sender cut
 * its superframe to fit the fabric).  Handing each to the VM costs the
 * kernel a trip through its stack per segment -- most of the receiving
 * host's work.  Merged back into one superframe, delivered with a
 * virtio-net header, they cost one.  This is what the kernel's GRO does
 * for its own VXLAN devices. */
#ifndef VPLANE_COALESCE_H
#define VPLANE_COALESCE_H 1

#include <stddef.h>

struct dp_packet_batch;

/* Merges runs of consecutive segments of one TCP flow in 'batch' (all for
 * one VM port, in order) into superframes, in place.  Returns how many
 * packets were absorbed into others. */
size_t coalesce_tcp_batch(struct dp_packet_batch *);

#endif /* vplane/coalesce.h */
