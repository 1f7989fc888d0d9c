/* vplane/vxlan.c: see vxlan.h. */
#include <config.h>
#include "vxlan.h"

#include "dp-packet.h"

void
vxlan_header_init(struct vxlanhdr *vxh, uint32_t vni)
{
    put_16aligned_be32(&vxh->vx_flags, htonl(VXLAN_FLAGS));
    put_16aligned_be32(&vxh->vx_vni,
                       htonl(((vni & VP_VNI_MASK) << 8)
                             | (vni & VP_VNI_OWNER ? VP_VXLAN_OWNER_MARK
                                : 0)));
}

enum vp_drop_reason
vxlan_decap(struct dp_packet *pkt, uint32_t *vni)
{
    const struct vxlanhdr *vxh;

    if (dp_packet_size(pkt) < VXLAN_HLEN + ETH_HEADER_LEN) {
        return VP_DROP_VXLAN_SHORT;
    }
    vxh = dp_packet_data(pkt);
    if (!(get_16aligned_be32(&vxh->vx_flags) & htonl(VXLAN_FLAGS))) {
        return VP_DROP_VXLAN_BAD_FLAGS;
    }
    uint32_t field = ntohl(get_16aligned_be32(&vxh->vx_vni));
    *vni = field >> 8;
    if ((field & 0xff) == VP_VXLAN_OWNER_MARK) {
        *vni |= VP_VNI_OWNER;
    }
    dp_packet_pull(pkt, VXLAN_HLEN);
    return VP_N_DROP_REASONS;
}
