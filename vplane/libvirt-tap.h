/* vplane/libvirt-tap.h: the taps vPlane makes for libvirt domains.
 *
 * In the recommended form a domain's NIC names a tap with
 * <target dev='NAME' managed='no'/>: libvirt opens it but does not create
 * it, so it must exist before the domain starts.  vplaned creates such a
 * tap, persistent, when it sees the domain defined, and removes it when the
 * domain is undefined.  Each tap it makes carries the interface alias
 * "vplane:UUID" (the domain's), so that after a restart vplaned knows which
 * taps are its own and never removes one it did not make. */
#ifndef VPLANE_LIBVIRT_TAP_H
#define VPLANE_LIBVIRT_TAP_H 1

#include "openvswitch/compiler.h"

struct smap;

/* Makes persistent tap 'name' for domain 'uuid', or finds it already there.
 * Returns 0 or a positive errno (EEXIST: an interface of that name that is
 * not a tap vPlane made for this domain). */
int lv_tap_create(const char *name, const char *uuid);

/* Removes tap 'name' if vPlane made it for domain 'uuid'.  Returns 0 (also
 * if it is already gone), EPERM if it is not that tap, or another positive
 * errno (EBUSY while a process still has it open). */
int lv_tap_remove(const char *name, const char *uuid);

/* Fills 'taps' (name -> domain UUID) with the taps vPlane made. */
void lv_tap_list(struct smap *taps);

#endif /* vplane/libvirt-tap.h */
