/* vplane/libvirt-xml.h: vPlane's NICs in a libvirt domain XML.
 *
 * A NIC is vPlane's when the domain's <metadata> holds, in vPlane's
 * namespace, an <interface> entry with its MAC (docs/libvirt.md):
 *
 *   <metadata>
 *     <vplane:interfaces xmlns:vplane="http://vplane.dev/xmlns/libvirt/1">
 *       <vplane:interface mac="52:54:00:00:01:01" vnet="web">
 *         <vplane:ip address="10.1.0.11"/>
 *       </vplane:interface>
 *     </vplane:interfaces>
 *   </metadata>
 *
 * and the domain's <devices> hold an <interface type='ethernet'> with that
 * MAC and a tap <target dev=.../>.  Only <vplane:interfaces> must be in
 * vPlane's namespace: `virsh metadata --set` leaves its children in none.  Parsing is libxml2's (libvirt's own XML
 * library, which it brings along); this module only reads, it does not talk
 * to libvirt. */
#ifndef VPLANE_LIBVIRT_XML_H
#define VPLANE_LIBVIRT_XML_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/types.h"
#include "packets.h"

#define LV_XMLNS "http://vplane.dev/xmlns/libvirt/1"
#define LV_MAX_IPS 16

/* One NIC the metadata claims for vPlane. */
struct lv_nic_spec {
    struct eth_addr mac;
    char *vnet;
    char *tap;                  /* <target dev>, NULL if none (yet). */
    bool tap_unmanaged;         /* <target managed='no'>: vPlane's tap. */
    size_t n_ips;
    ovs_be32 ips[LV_MAX_IPS];
    char *error;                /* Why it cannot be attached, or NULL. */
};

/* Parses domain XML 'xml'.  Returns NULL and the NICs vPlane's metadata
 * claims in '*nics' (each with 'error' set if it cannot be attached: no NIC
 * with that MAC, not type='ethernet', a bad VNet name...), or an error if the
 * XML itself cannot be read.  Free with lv_nic_specs_free(). */
char *lv_parse_domain_nics(const char *xml, struct lv_nic_spec **nics,
                           size_t *n_nics) OVS_WARN_UNUSED_RESULT;
void lv_nic_specs_free(struct lv_nic_spec *, size_t n);
void lv_nic_spec_clear(struct lv_nic_spec *);

#endif /* vplane/libvirt-xml.h */
