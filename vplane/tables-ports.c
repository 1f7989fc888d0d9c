/* vplane/tables-ports.c: the port ids that index the counters of the ports
 * in the tables, and a gateway's uplink.  VM ports themselves are
 * kind-port.c's.  See tables.h. */
#include <config.h>
#include "tables.h"

#include <stdlib.h>
#include <string.h>
#include "bitmap.h"
#include "hash.h"
#include "port.h"
#include "tables-config.h"
#include "tables-private.h"
#include "util.h"

unsigned int
tables_alloc_port_id(struct vp_tables *t)
{
    ovs_mutex_lock(&t->port_ids_mutex);
    size_t id = bitmap_scan(t->port_ids, 0, 1, VP_MAX_PORTS);
    ovs_assert(id < VP_MAX_PORTS);  /* tables-check.c counted free ids. */
    bitmap_set1(t->port_ids, id);
    ovs_mutex_unlock(&t->port_ids_mutex);
    return id;
}

size_t
tables_n_free_port_ids(struct vp_tables *t)
{
    ovs_mutex_lock(&t->port_ids_mutex);
    size_t n = VP_MAX_PORTS - bitmap_count1(t->port_ids, VP_MAX_PORTS);
    ovs_mutex_unlock(&t->port_ids_mutex);
    return n;
}

/* Port ids are reused only after every reader is done with the old port, so
 * a new port never inherits counts made for the old one. */
struct port_release {
    struct vp_tables *t;
    struct vp_port *port;
};

static void
port_release_cb(struct port_release *r)
{
    /* Runs in the RCU thread.  A forwarding thread that still had the old
     * poll list may have cached decisions under this id with the current
     * generation; bumping it (atomic) before the id can be reused makes
     * them stale, so the next port with this id never inherits them. */
    tables_changed(r->t);
    ovs_mutex_lock(&r->t->port_ids_mutex);
    bitmap_set0(r->t->port_ids, r->port->id);
    ovs_mutex_unlock(&r->t->port_ids_mutex);
    port_destroy(r->port);
    free(r);
}

void
tables_port_release(struct vp_tables *t, struct vp_port *port)
{
    struct port_release *r = xmalloc(sizeof *r);

    r->t = t;
    r->port = port;
    ovsrcu_postpone(port_release_cb, r);
}

struct vp_port *
tables_uplink(const struct vp_tables *t)
{
    return ovsrcu_get(struct vp_port *, &t->uplink);
}

bool
tables_set_uplink(struct vp_tables *t, const char *name, struct eth_addr mac)
{
    struct vp_port *old = tables_uplink(t);

    if (old) {
        ovsrcu_set(&t->uplink, NULL);
        if (t->port_unlink) {
            t->port_unlink(old, t->port_hooks_aux);
        }
        tables_port_release(t, old);
    }
    if (name && !tables_n_free_port_ids(t)) {
        tables_changed(t);
        return false;
    }
    if (name) {
        struct vp_port_spec spec = { .name = CONST_CAST(char *, name),
                                     .mac = mac };
        struct vp_port *port = port_create(tables_alloc_port_id(t), &spec,
                                           NULL);
        /* Published first: attaching puts it in a poll list, which
         * looks for it here. */
        ovsrcu_set(&t->uplink, port);
        if (t->port_link) {
            t->port_link(port, t->port_hooks_aux);
        }
    }
    tables_changed(t);
    return true;
}

