/* ctrl/nb-check.c: see nb-check.h. */
#include <config.h>
#include "nb-check.h"

#include <string.h>
#include "ctrl/vplane-idl.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "util.h"
#include "vplane/tables-config.h"
#include "vplane/tables-sync.h"

/* Where a port is does not matter to consistency, and a MAC is in one Port
 * row only (the table's index), so every entry gets the same stand-in VTEP
 * (TEST-NET-1, RFC 5737). */
#define ANY_VTEP htonl(0xc0000201)

static char *
prefixed(char *error, const char *format, ...) OVS_PRINTF_FORMAT(2, 3);

/* "PREFIX: ERROR", freeing 'error'. */
static char *
prefixed(char *error, const char *format, ...)
{
    va_list args;
    char *prefix, *result;

    if (!error) {
        return NULL;
    }
    va_start(args, format);
    prefix = xvasprintf(format, args);
    va_end(args);
    result = xasprintf("%s: %s", prefix, error);
    free(prefix);
    free(error);
    return result;
}

static char *
add_vnet(struct vp_config *c, const struct vprec_vnet *vnet)
{
    char *error = vp_parse_name("name", vnet->name);
    struct vp_vnet_spec *spec;

    if (!error) {
        error = vp_parse_name("tenant", vnet->tenant->name);
    }
    if (error) {
        return prefixed(error, "vnet \"%s\"", vnet->name);
    }
    spec = vp_config_add_vnet(c);
    spec->name = vp_config_intern(c, vnet->name);
    spec->tenant = vp_config_intern(c, vnet->tenant->name);
    spec->vni = vnet->vni;
    spec->subnets = xcalloc(vnet->n_subnets + 1, sizeof *spec->subnets);
    for (size_t i = 0; !error && i < vnet->n_subnets; i++) {
        error = vp_parse_subnet("subnets", vnet->subnets[i],
                                &spec->subnets[spec->n_subnets++]);
    }
    if (!error && vnet->gateway_mac) {
        spec->has_gw_mac = true;
        error = vp_parse_vm_mac("gateway_mac", vnet->gateway_mac,
                                &spec->gw_mac);
    }
    return prefixed(error, "vnet \"%s\"", vnet->name);
}

static char *
add_port(struct vp_config *c, struct shash *ifaces,
         const struct vprec_port *port)
{
    struct eth_addr mac;
    struct vp_prefix allowed;
    ovs_be32 ip;
    char *error = vp_parse_vm_mac("mac", port->mac, &mac);

    for (size_t i = 0; !error && i < port->n_allowed_sources; i++) {
        error = vp_parse_allowed("allowed_sources",
                                 port->allowed_sources[i], &allowed);
    }
    if (!error && port->vtep) {
        error = vp_parse_unicast_ip("vtep", port->vtep, &ip);
    }
    if (!error && port->name[0]) {
        error = vp_parse_ifname("iface", port->name);
    }
    if (!error && port->name[0] && port->host) {
        char *key = xasprintf("%s/%s", port->host->name, port->name);
        const struct vprec_port *other = shash_find_data(ifaces, key);
        if (other) {
            error = xasprintf("iface: \"%s\" on host \"%s\" is also port "
                              "%s's", port->name, port->host->name,
                              other->mac);
            free(key);
        } else {
            shash_add_nocopy(ifaces, key, port);
        }
    }
    for (size_t i = 0; !error && i < MAX(port->n_ips, 1); i++) {
        struct vp_xlate_spec *spec = vp_config_add_xlate(c);
        spec->vnet = vp_config_intern(c, port->vnet->name);
        spec->mac = mac;
        spec->vtep = ANY_VTEP;
        spec->ip = 0;
        if (port->n_ips) {
            error = vp_parse_unicast_ip("ips", port->ips[i], &spec->ip);
        }
    }
    return prefixed(error, "port %s in VNet \"%s\"", port->mac,
                    port->vnet->name);
}

static char *
add_route(struct vp_config *c, const struct vprec_route *route)
{
    struct vp_route_spec *spec = vp_config_add_route(c);
    char *error;

    spec->tenant = vp_config_intern(c, route->tenant->name);
    error = vp_parse_prefix("prefix", route->prefix, &spec->prefix,
                            &spec->plen);
    if (!error) {
        error = vp_parse_unicast_ip("nexthop", route->nexthop,
                                    &spec->nexthop);
    }
    return prefixed(error, "route %s in tenant \"%s\"", route->prefix,
                    route->tenant->name);
}

static char *
check_hosts(const struct ovsdb_idl *idl)
{
    const struct vprec_host *host;
    char *error = NULL;
    ovs_be32 vtep;

    VPREC_HOST_FOR_EACH (host, idl) {
        error = vp_parse_name("name", host->name);
        if (!error) {
            error = vp_parse_unicast_ip("vtep", host->vtep, &vtep);
        }
        if (error) {
            return prefixed(error, "host \"%s\"", host->name);
        }
    }
    return NULL;
}

char *
nb_check_vm_ip(const struct vprec_vnet *v, const char *ip_s)
{
    ovs_be32 ip;

    if (!ip_parse(ip_s, &ip)) {
        return xasprintf("ips: \"%s\" is not an IPv4 address", ip_s);
    }
    if (!v->n_subnets) {
        return NULL;
    }
    for (size_t i = 0; i < v->n_subnets; i++) {
        struct vp_subnet sn;
        char *error = vp_parse_subnet("subnet", v->subnets[i], &sn);
        if (error) {
            free(error);        /* nb_check() reports it. */
            continue;
        }
        if ((ip & sn.mask) == sn.prefix) {
            return (ip == sn.gateway
                    ? xasprintf("ips: %s is the gateway address of VNet "
                                "\"%s\"", ip_s, v->name)
                    : NULL);
        }
    }
    return xasprintf("ips: %s is in no subnet of VNet \"%s\"", ip_s,
                     v->name);
}

char *
nb_check(const struct ovsdb_idl *idl)
{
    struct shash ifaces = SHASH_INITIALIZER(&ifaces);
    const struct vprec_vnet *vnet;
    const struct vprec_port *port;
    const struct vprec_route *route;
    struct vp_config c;
    char *error = check_hosts(idl);

    vp_config_init(&c);
    VPREC_VNET_FOR_EACH (vnet, idl) {
        if (!error) {
            error = add_vnet(&c, vnet);
        }
    }
    VPREC_PORT_FOR_EACH (port, idl) {
        if (!error) {
            error = add_port(&c, &ifaces, port);
        }
    }
    VPREC_ROUTE_FOR_EACH (route, idl) {
        if (!error) {
            error = add_route(&c, route);
        }
    }
    if (!error) {
        error = tables_check_config(&c);
    }
    shash_destroy(&ifaces);
    vp_config_destroy(&c);
    return error;
}
