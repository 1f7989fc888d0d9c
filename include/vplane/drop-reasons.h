/* Every reason vplaned drops a packet, as one X-macro list.
 *
 * The per-port counters, `vplane-ctl drop-stats`, the flow-cache dump and
 * docs/ctl.md all come from this list, so a reason exists everywhere or
 * nowhere.  Each entry is VP_DROP(ENUM, "name", "what it means").  Names are
 * stable: scripts and dashboards match on them.  Append; never renumber. */
#ifndef VPLANE_DROP_REASONS_H
#define VPLANE_DROP_REASONS_H 1

#define VP_DROP_REASONS                                                     \
    VP_DROP(MALFORMED, "malformed",                                         \
            "frame too short for its headers, or headers inconsistent")     \
    VP_DROP(VLAN_TAGGED, "vlan-tagged",                                     \
            "802.1Q-tagged frame from a VM port (VNets carry no VLANs)")    \
    VP_DROP(SRC_MAC_SPOOF, "src-mac-spoof",                                 \
            "source MAC is not the MAC configured for the port")            \
    VP_DROP(SRC_IP_SPOOF, "src-ip-spoof",                                   \
            "IPv4/ARP source address is not one of the port's addresses")   \
    VP_DROP(HAIRPIN, "hairpin",                                             \
            "destination is the port the frame came in on")                 \
    VP_DROP(XLATE_NO_PORT, "xlate-no-port",                                 \
            "translation table places the MAC on this host, no port has it") \
    VP_DROP(NO_ROUTE, "no-route",                                           \
            "no subnet or route of the tenant covers the destination")      \
    VP_DROP(DST_IP_UNKNOWN, "dst-ip-unknown",                               \
            "routed destination address is not a known VM")                 \
    VP_DROP(TTL_EXCEEDED, "ttl-exceeded",                                   \
            "IPv4 TTL ran out while routing (ICMP time exceeded sent)")     \
    VP_DROP(BAD_IP_HEADER, "bad-ip-header",                                 \
            "routed IPv4 packet with a bad header checksum or length")      \
    VP_DROP(NOT_ROUTABLE, "not-routable",                                   \
            "frame to the gateway MAC that is not IPv4")                    \
    VP_DROP(TO_GATEWAY, "to-gateway",                                       \
            "packet for the gateway address that the gateway does not serve") \
    VP_DROP(TOO_BIG, "too-big",                                             \
            "larger than the fabric MTU after encapsulation or the output "  \
            "port's MTU (ICMP fragmentation needed sent when DF is set)")   \
    VP_DROP(GSO_UNSUPPORTED, "gso-unsupported",                             \
            "segmentation offload of a kind vplaned cannot segment")        \
    VP_DROP(VXLAN_SHORT, "vxlan-short",                                     \
            "UDP payload too short for a VXLAN header and an Ethernet frame") \
    VP_DROP(VXLAN_BAD_FLAGS, "vxlan-bad-flags",                             \
            "VXLAN header without the I (valid VNI) flag")                  \
    VP_DROP(VXLAN_UNKNOWN_VNI, "vxlan-unknown-vni",                         \
            "VXLAN VNI of no VNet on this host")                            \
    VP_DROP(VXLAN_UNKNOWN_VTEP, "vxlan-unknown-vtep",                       \
            "VXLAN sender hosts no VM of the VNet's tenant")                      \
    VP_DROP(FABRIC_DST_UNKNOWN, "fabric-dst-unknown",                       \
            "frame from the fabric for a MAC that is not on this host")     \
    VP_DROP(TX_ERROR, "tx-error",                                           \
            "the output port is not attached, or its device or socket "     \
            "refused the frame")                                            \
    VP_DROP(NO_DESTINATION, "no-destination",                               \
            "flooded frame with no other port or host in its VNet")         \
    VP_DROP(RX_QUEUE_FULL, "rx-queue-full",                                 \
            "the kernel's receive queue of the port or of the VXLAN socket " \
            "was full: vplaned did not read fast enough")                   \
    VP_DROP(FIREWALL, "firewall",                                           \
            "a new connection that no firewall rule of the ports allows")   \
    VP_DROP(CT_INVALID, "ct-invalid",                                       \
            "conntrack found the packet invalid for its connection")        \
    VP_DROP(OWNER_MISMATCH, "owner-mismatch",                               \
            "sent here for processing, but this host is not the flow's "    \
            "owner")                                                        \
    VP_DROP(OWNER_UNKNOWN, "owner-unknown",                                 \
            "the helper of the flow's query subset knows no owner for it")  \
    VP_DROP(OWNER_TIMEOUT, "owner-timeout",                                 \
            "held for an owner query (or an owner record) that got no "     \
            "answer in time")                                               \
    VP_DROP(OWNER_QUEUE_FULL, "owner-queue-full",                           \
            "no room left to hold packets while their owner is asked for")  \
    VP_DROP(NO_NAT, "no-nat",                                               \
            "to or from the WAN without a NAT rule that allows it")         \
    VP_DROP(NAT_EXHAUSTED, "nat-exhausted",                                 \
            "NAT found no free address and port for a new connection "      \
            "(this host's SNAT port block is used up towards that "        \
            "destination)")                                                 \
    VP_DROP(NO_RESOLVER, "no-resolver",                                     \
            "from or to the WAN, but this host's owner-message socket "     \
            "could not be opened (see the log)")                            \
    VP_DROP(NO_GATEWAY, "no-gateway",                                       \
            "for the WAN, but no host has an uplink")                       \
    VP_DROP(WAN_NO_ARP, "wan-no-arp",                                       \
            "the WAN router's MAC is not known yet (ARP asked)")            \
    VP_DROP(NOT_PEER, "not-peer",                                           \
            "stateful-flow traffic from an address that is no vplaned of "  \
            "the deployment")                                               \
    VP_DROP(SNAT_NO_BLOCK, "snat-no-block",                                 \
            "to the WAN through source NAT, but the controller gave this "  \
            "host no port block on the SNAT address: its pool is "          \
            "exhausted (ctrl/hosts)")

enum vp_drop_reason {
#define VP_DROP(ENUM, NAME, HELP) VP_DROP_##ENUM,
    VP_DROP_REASONS
#undef VP_DROP
    VP_N_DROP_REASONS
};

#include <stdbool.h>

const char *vp_drop_reason_name(enum vp_drop_reason);
const char *vp_drop_reason_help(enum vp_drop_reason);
bool vp_drop_reason_from_name(const char *, enum vp_drop_reason *);

#endif /* vplane/drop-reasons.h */
