/* vplane/port.c: local VM ports' life cycle.  Attaching a port to its
 * interface and polling it is the dataplane's job (dataplane.c). */
#include <config.h>
#include "port.h"

#include <string.h>
#include "netdev.h"
#include "tables.h"
#include "util.h"

struct vp_port *
port_create(unsigned int id, const char *name, struct vp_vnet *vnet,
            struct eth_addr mac, const ovs_be32 *ips, size_t n_ips)
{
    struct vp_port *port = xzalloc(sizeof *port);

    port->name = xstrdup(name);
    port->id = id;
    port->vnet = vnet;
    port->mac = mac;
    port->n_ips = n_ips;
    port->ips = xmemdup(ips, n_ips * sizeof *ips);
    port->ip_nodes = xcalloc(n_ips ? n_ips : 1, sizeof *port->ip_nodes);
    for (size_t i = 0; i < n_ips; i++) {
        port->ip_nodes[i].port = port;
        port->ip_nodes[i].ip = ips[i];
    }
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
