/* vplane/port.c: local VM ports' life cycle.  Attaching a port to its
 * interface and polling it is the dataplane's job (dataplane.c). */
#include <config.h>
#include "port.h"

#include <string.h>
#include "netdev.h"
#include "tables.h"
#include "tables-config.h"
#include "util.h"

struct vp_port *
port_create(unsigned int id, const struct vp_port_spec *spec,
            struct vp_vnet *vnet)
{
    struct vp_port *port = xzalloc(sizeof *port);
    size_t n_ips = spec->n_ips;

    port->name = xstrdup(spec->name);
    port->id = id;
    port->vnet = vnet;
    port->mac = spec->mac;
    port->n_ips = n_ips;
    port->ips = xmemdup(spec->ips, n_ips * sizeof *port->ips);
    port->ip_nodes = xcalloc(n_ips ? n_ips : 1, sizeof *port->ip_nodes);
    for (size_t i = 0; i < n_ips; i++) {
        port->ip_nodes[i].port = port;
        port->ip_nodes[i].ip = spec->ips[i];
    }
    port->n_allowed = spec->n_allowed;
    port->allowed = xmemdup(spec->allowed,
                            spec->n_allowed * sizeof *port->allowed);
    port->vm = nullable_xstrdup(spec->vm);
    ovsrcu_set_hidden(&port->tx_netdev, NULL);
    atomic_init(&port->mtu, 1500);
    port->state = VP_PORT_MISSING;
    port->thread = -1;
    return port;
}

/* Frees 'port' and closes its interface if it is still open.  Callers make
 * sure no forwarding thread can still use it (RCU). */
void
port_destroy(struct vp_port *port)
{
    if (!port) {
        return;
    }
    netdev_rxq_close(port->rxq);
    if (port->saved_flags) {
        netdev_restore_flags(port->saved_flags);
    }
    netdev_close(port->netdev);
    free(port->error);
    free(port->ip_nodes);
    free(port->allowed);
    free(port->vm);
    free(port->ips);
    free(port->name);
    free(port);
}

bool
port_has_ip(const struct vp_port *port, ovs_be32 ip)
{
    for (size_t i = 0; i < port->n_ips; i++) {
        if (port->ips[i] == ip) {
            return true;
        }
    }
    return false;
}

/* IP anti-spoofing: whether the VM behind 'port' may send from 'ip' -- one
 * of its addresses, an allowed range, or 0.0.0.0 (DHCP, ARP probes).  A
 * port configured with neither addresses nor ranges is not checked. */
bool
port_allows_source(const struct vp_port *port, ovs_be32 ip)
{
    if (!ip || (!port->n_ips && !port->n_allowed) || port_has_ip(port, ip)) {
        return true;
    }
    for (size_t i = 0; i < port->n_allowed; i++) {
        if ((ip & port->allowed[i].mask) == port->allowed[i].prefix) {
            return true;
        }
    }
    return false;
}

const char *
port_state_name(enum vp_port_state state)
{
    switch (state) {
    case VP_PORT_MISSING: return "missing";
    case VP_PORT_ERROR: return "error";
    case VP_PORT_UP: return "up";
    }
    return "?";
}
