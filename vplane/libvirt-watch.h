/* vplane/libvirt-watch.h: vplaned follows libvirt's domains.
 *
 * With --libvirt[=URI] vplaned keeps a connection to libvirt (default
 * qemu:///system) and attaches the NICs of running domains that vPlane's
 * metadata claims (libvirt-xml.h), the way `port/add` does: under a
 * controller each NIC is reported up or down with its MAC and the domain's
 * UUID, otherwise it goes straight into the tables.  Domain lifecycle,
 * device and metadata events drive it; it also makes the taps of
 * <target managed='no'/> NICs when a domain is defined and removes them
 * when it is undefined (libvirt-tap.h).
 *
 * If libvirt goes away (libvirtd restarts) the NICs stay attached and
 * forwarding goes on; the watcher reconnects with backoff and
 * resynchronises with every domain, as it does at start.  It runs on the
 * main thread, on the OVS poll loop (libvirt-loop.h).  libvirt calls are
 * synchronous: a libvirtd that hangs delays this thread's other work (the
 * control socket, the controller session, attaching ports, owner queries);
 * forwarding goes on. */
#ifndef VPLANE_LIBVIRT_WATCH_H
#define VPLANE_LIBVIRT_WATCH_H 1

struct ctl_context;
struct ds;

#define LV_DEFAULT_URI "qemu:///system"

struct lv_watch *lv_watch_create(const char *uri, struct ctl_context *);
void lv_watch_destroy(struct lv_watch *);
void lv_watch_run(struct lv_watch *);
void lv_watch_wait(struct lv_watch *);

/* Output of "libvirt/show"; a few lines for "show". */
void lv_watch_format(const struct lv_watch *, struct ds *);
void lv_watch_format_brief(const struct lv_watch *, struct ds *);

/* Forgets what is known (without detaching) and reads every domain again:
 * every NIC is attached, or reported, again. */
void lv_watch_resync(struct lv_watch *);

#endif /* vplane/libvirt-watch.h */
