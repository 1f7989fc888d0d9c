/* vplane/capture.h: pcap captures of a port or of the fabric, for
 * `vplane-ctl capture`.
 *
 * A capture reads the interface with its own AF_PACKET socket, as tcpdump
 * would, so it sees what the interface really carries in both directions:
 * on a VM port, what the VM sent and what vplaned delivered to it; on the
 * fabric, the VXLAN datagrams (optionally of one VNI only) with their outer
 * headers.  It runs on the main thread, apart from forwarding, and writes
 * with Open vSwitch's pcap writer.  One capture at a time. */
#ifndef VPLANE_CAPTURE_H
#define VPLANE_CAPTURE_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/compiler.h"

struct ds;

/* Starts capturing on interface 'ifname' into pcap file 'path' until
 * 'count' frames are written (0: until capture_stop()).  With 'vxlan_port'
 * nonzero only VXLAN datagrams to or from that UDP port are kept, and of
 * those only VNI 'vni' if 'vni' is nonzero.  'label' names what is
 * captured, for capture_format().  Returns NULL or an error. */
char *capture_start(const char *ifname, const char *label, const char *path,
                    uint64_t count, uint16_t vxlan_port, uint32_t vni)
    OVS_WARN_UNUSED_RESULT;
void capture_stop(void);
bool capture_active(void);

void capture_run(void);
void capture_wait(void);

/* "capturing PORT into FILE: N of M frames" or the last capture's end. */
void capture_format(struct ds *);

#endif /* vplane/capture.h */
