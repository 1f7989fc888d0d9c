/* vplane/libvirt-loop.h: libvirt's event loop, driven by Open vSwitch's.
 *
 * libvirt needs an event loop for a connection's events, keepalives and
 * close notification.  Its default loop wants a thread of its own; vplaned's
 * main thread already has one, the OVS poll loop, so this module registers
 * an implementation of libvirt's event API (virEventRegisterImpl) whose
 * handles and timeouts are waited on by lv_loop_wait() and dispatched by
 * lv_loop_run().  It holds no libvirt connection itself (libvirt-watch.c
 * does). */
#ifndef VPLANE_LIBVIRT_LOOP_H
#define VPLANE_LIBVIRT_LOOP_H 1

/* Registers the implementation with libvirt.  Call once, before the first
 * virConnectOpen(). */
void lv_loop_register(void);

void lv_loop_run(void);
void lv_loop_wait(void);

/* Frees what libvirt removed (and runs its free callbacks), without
 * dispatching anything: after a last virConnectClose(). */
void lv_loop_purge(void);

#endif /* vplane/libvirt-loop.h */
