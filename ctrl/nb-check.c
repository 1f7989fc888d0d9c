/* ctrl/nb-check.c: see nb-check.h.
 *
 * The checks run on the IDL as a transaction leaves it, so they cannot
 * trust the parsed references: a row deleted in the same transaction may
 * be gone, or freed if it was also inserted there.  References are read
 * from the datum (a UUID) and looked up among the rows that exist. */
#include <config.h>
#include "nb-check.h"

#include <string.h>
#include "ctrl/vplane-idl.h"
#include "hmapx.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "ovsdb-data.h"
#include "ovsdb-idl-provider.h"
#include "packets.h"
#include "util.h"
#include "vplane/protocol.h"
#include "vplane/stats.h"
#include "vplane/tables-config.h"
#include "vplane/tables-sync.h"

/* Where a port is does not matter to the table checks, and a MAC is in one
 * Port row only (checked below), so every entry gets the same stand-in
 * VTEP (TEST-NET-1, RFC 5737). */
#define ANY_VTEP htonl(0xc0000201)

struct nb_ctx {
    const struct ovsdb_idl *idl;
    struct hmapx tenants;       /* Rows that exist. */
    struct hmapx vnets;
    struct hmapx hosts;
    struct shash host_vteps;    /* VTEP -> host row. */
    struct vp_config cfg;       /* For tables_check_config(). */
    const struct nb_scope *scope;   /* NULL: everything. */
    struct nb_scoped_port *ports;   /* The ports to check. */
    size_t n_ports;
};

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

/* Whether 'row' was written by the transaction in progress.  Rows a
 * transaction touches are checked last, so that an error names what the
 * operator just did rather than what was there before. */
static bool
touched(const struct ovsdb_idl_row *row)
{
    return row->new_datum != row->old_datum;
}

static const struct vprec_tenant *
ref_tenant(const struct nb_ctx *ctx, const struct ovsdb_datum *d)
{
    const struct vprec_tenant *t;

    if (!d->n) {
        return NULL;
    }
    t = vprec_tenant_get_for_uuid(ctx->idl, &d->keys[0].uuid);
    return t && hmapx_contains(&ctx->tenants, t) ? t : NULL;
}

static const struct vprec_vnet *
ref_vnet(const struct nb_ctx *ctx, const struct ovsdb_datum *d)
{
    const struct vprec_vnet *v;

    if (!d->n) {
        return NULL;
    }
    v = vprec_vnet_get_for_uuid(ctx->idl, &d->keys[0].uuid);
    return v && hmapx_contains(&ctx->vnets, v) ? v : NULL;
}

static const struct vprec_host *
ref_host(const struct nb_ctx *ctx, const struct ovsdb_datum *d)
{
    const struct vprec_host *h;

    if (!d->n) {
        return NULL;
    }
    h = vprec_host_get_for_uuid(ctx->idl, &d->keys[0].uuid);
    return h && hmapx_contains(&ctx->hosts, h) ? h : NULL;
}

/* A MAC as stored must be the canonical spelling, or two spellings of one
 * MAC would be two ports. */
static char *
parse_canonical_mac(const char *field, const char *s, struct eth_addr *mac)
{
    char *error = vp_parse_vm_mac(field, s, mac);
    char canonical[ETH_ADDR_STRLEN + 1];

    if (!error) {
        snprintf(canonical, sizeof canonical, ETH_ADDR_FMT,
                 ETH_ADDR_ARGS(*mac));
        if (strcmp(s, canonical)) {
            error = xasprintf("%s: \"%s\" must be written %s", field, s,
                              canonical);
        }
    }
    return error;
}

int64_t
nb_wan_vni(const struct vprec_deployment *d)
{
    return d && d->n_wan_vni ? d->wan_vni[0] : VP_DEFAULT_WAN_VNI;
}

static char *
check_deployment(const struct nb_ctx *ctx)
{
    return (vprec_deployment_first(ctx->idl) ? NULL
            : xstrdup("Deployment: the row may not be deleted "
                      "(set-deployment changes it)"));
}

static char *
check_tenants(const struct nb_ctx *ctx)
{
    struct shash names = SHASH_INITIALIZER(&names);
    const struct vprec_tenant *t;
    char *error = NULL;

    VPREC_TENANT_FOR_EACH (t, ctx->idl) {
        error = vp_parse_name("name", t->name);
        if (!error && !shash_add_once(&names, t->name, t)) {
            error = xstrdup("name: two tenants have it");
        }
        if (error) {
            error = prefixed(error, "tenant \"%s\"", t->name);
            break;
        }
    }
    shash_destroy(&names);
    return error;
}

/* A gateway's uplink: the interface, its address on the WAN and the WAN
 * router, all three or none. */
static char *
check_uplink(const struct vprec_host *h)
{
    struct vp_subnet sn;
    ovs_be32 router;
    char *error;

    if (!h->uplink && !h->uplink_address && !h->uplink_router) {
        return NULL;
    }
    if (!h->uplink || !h->uplink_address || !h->uplink_router) {
        return xstrdup("uplink: give uplink=, uplink-address= and "
                       "uplink-router= together");
    }
    error = vp_parse_ifname("uplink", h->uplink);
    if (!error) {
        error = vp_parse_subnet("uplink-address", h->uplink_address, &sn);
    }
    if (!error) {
        error = vp_parse_unicast_ip("uplink-router", h->uplink_router,
                                    &router);
    }
    if (!error && ((router & sn.mask) != sn.prefix || router == sn.gateway)) {
        error = xasprintf("uplink-router: %s is not another address of %s",
                          h->uplink_router, h->uplink_address);
    }
    return error;
}

static char *
check_hosts(struct nb_ctx *ctx)
{
    struct shash names = SHASH_INITIALIZER(&names);
    const struct vprec_host *h;
    char *error = NULL;
    ovs_be32 vtep;

    for (int pass = 0; pass < 2 && !error; pass++) {
        VPREC_HOST_FOR_EACH (h, ctx->idl) {
            if (touched(&h->header_) != pass) {
                continue;
            }
            error = vp_parse_name("name", h->name);
            if (!error) {
                error = vp_parse_unicast_ip("vtep", h->vtep, &vtep);
            }
            if (!error && !shash_add_once(&names, h->name, h)) {
                error = xstrdup("name: two hosts have it");
            }
            if (!error) {
                error = check_uplink(h);
            }
            if (!error && !shash_add_once(&ctx->host_vteps, h->vtep, h)) {
                error = xasprintf("vtep: %s is also host \"%s\"'s", h->vtep,
                                  ((const struct vprec_host *)
                                   shash_find_data(&ctx->host_vteps,
                                                   h->vtep))->name);
            }
            if (error) {
                error = prefixed(error, "host \"%s\"", h->name);
                break;
            }
        }
    }
    shash_destroy(&names);
    return error;
}

/* A VNet out of scope only holds its name and VNI against the others'
 * (unique in the database: its indexes). */
static void
add_vnet_name(struct shash *names, struct shash *vnis,
              const struct vprec_vnet *vnet)
{
    char *key = xasprintf("%"PRId64, vnet->vni);

    shash_add_once(names, vnet->name, vnet);
    shash_add_once(vnis, key, vnet);
    free(key);
}

static char *
add_vnet(struct nb_ctx *ctx, struct shash *names, struct shash *vnis,
         const struct vprec_vnet *vnet)
{
    const struct vprec_tenant *tenant;
    char *error = vp_parse_name("name", vnet->name);

    if (!error && !shash_add_once(names, vnet->name, vnet)) {
        error = xstrdup("name: two VNets have it");
    }
    if (!error) {
        tenant = ref_tenant(ctx, vprec_vnet_get_tenant(vnet,
                                                       OVSDB_TYPE_UUID));
        if (!tenant) {
            error = xstrdup("tenant: missing (deleted?)");
        }
    }
    if (!error && (vnet->vni < 1 || vnet->vni > 0xffffff)) {
        error = xasprintf("vni: %"PRId64" is not 1 to 16777215", vnet->vni);
    }
    if (!error && vnet->vni == nb_wan_vni(vprec_deployment_first(ctx->idl))) {
        error = xasprintf("vni: %"PRId64" is the deployment's WAN VNI",
                          vnet->vni);
    }
    if (!error) {
        char *key = xasprintf("%"PRId64, vnet->vni);
        const struct vprec_vnet *other = shash_find_data(vnis, key);
        if (other) {
            error = xasprintf("vni: %"PRId64" is in use by VNet \"%s\"",
                              vnet->vni, other->name);
            free(key);
        } else {
            shash_add_nocopy(vnis, key, vnet);
        }
    }
    if (error) {
        return prefixed(error, "vnet \"%s\"", vnet->name);
    }

    struct vp_vnet_spec *spec = vp_config_add_vnet(&ctx->cfg);
    spec->name = vp_config_intern(&ctx->cfg, vnet->name);
    spec->tenant = vp_config_intern(&ctx->cfg, tenant->name);
    spec->vni = vnet->vni;
    spec->subnets = xcalloc(vnet->n_subnets + 1, sizeof *spec->subnets);
    for (size_t i = 0; !error && i < vnet->n_subnets; i++) {
        error = vp_parse_subnet("subnets", vnet->subnets[i],
                                &spec->subnets[spec->n_subnets++]);
    }
    if (!error && vnet->gateway_mac) {
        spec->has_gw_mac = true;
        error = parse_canonical_mac("gateway_mac", vnet->gateway_mac,
                                    &spec->gw_mac);
    }
    return prefixed(error, "vnet \"%s\"", vnet->name);
}

static char *
check_vnets(struct nb_ctx *ctx)
{
    struct shash names = SHASH_INITIALIZER(&names);
    struct shash vnis = SHASH_INITIALIZER(&vnis);
    const struct vprec_vnet *vnet;
    char *error = NULL;

    for (int pass = 0; pass < 2 && !error; pass++) {
        VPREC_VNET_FOR_EACH (vnet, ctx->idl) {
            if (touched(&vnet->header_) != pass || error) {
                continue;
            }
            if (nb_scope_has_vnet(ctx->scope, vnet)) {
                error = add_vnet(ctx, &names, &vnis, vnet);
            } else {
                add_vnet_name(&names, &vnis, vnet);
            }
        }
    }
    shash_destroy(&names);
    shash_destroy(&vnis);
    return error;
}

struct port_ctx {
    struct shash macs;          /* "VNET/MAC" -> port. */
    struct shash ips;           /* "VNET/IP" -> port. */
    struct shash ifaces;        /* "HOST/IFACE" -> port. */
    struct shash per_host;      /* Host name -> count (in the pointer). */
};

/* 'local_only': only what concerns the port's host (its interface name
 * and the host's port count), for a port whose tenant is out of scope. */
static char *
check_port(struct nb_ctx *ctx, struct port_ctx *pc,
           const struct vprec_port *port, bool local_only)
{
    const struct vprec_vnet *vnet;
    const struct vprec_host *host;
    struct vp_prefix allowed;
    struct eth_addr mac;
    ovs_be32 ip;
    char *error;

    vnet = ref_vnet(ctx, vprec_port_get_vnet(port, OVSDB_TYPE_UUID));
    if (!vnet) {
        return xasprintf("port %s: vnet: missing (deleted?)", port->mac);
    }
    host = ref_host(ctx, vprec_port_get_host(port, OVSDB_TYPE_UUID));

    error = parse_canonical_mac("mac", port->mac, &mac);
    if (local_only) {
        goto local;
    }
    if (!error) {
        char *key = xasprintf("%s/%s", vnet->name, port->mac);
        if (!shash_add_once(&pc->macs, key, port)) {
            error = xstrdup("mac: two ports of the VNet have it");
        }
        free(key);
    }
    for (size_t i = 0; !error && i < port->n_ips; i++) {
        error = nb_check_vm_ip(vnet, port->ips[i]);
        if (!error) {
            char *key = xasprintf("%s/%s", vnet->name, port->ips[i]);
            const struct vprec_port *other = shash_find_data(&pc->ips, key);
            if (other) {
                error = xasprintf("ips: %s is also port %s's", port->ips[i],
                                  other->mac);
            } else {
                shash_add(&pc->ips, key, port);
            }
            free(key);
        }
    }
    for (size_t i = 0; !error && i < port->n_allowed_sources; i++) {
        error = vp_parse_allowed("allowed_sources",
                                 port->allowed_sources[i], &allowed);
    }
    if (!error && port->vm_id) {
        error = vp_parse_name("vm", port->vm_id);
    }
    if (!error && host && port->vtep) {
        error = xstrdup("vtep: a port is on a host (host) or at a VTEP "
                        "(vtep), not both");
    }
    if (!error && port->vtep) {
        const struct vprec_host *owner;
        error = vp_parse_unicast_ip("vtep", port->vtep, &ip);
        if (!error && (owner = shash_find_data(&ctx->host_vteps,
                                               port->vtep))) {
            error = xasprintf("vtep: %s is host \"%s\"'s (use host=%s)",
                              port->vtep, owner->name, owner->name);
        }
    }
local:
    if (!error && port->name[0]) {
        error = (host ? vp_parse_ifname("iface", port->name)
                 : xasprintf("iface: \"%s\" without a host", port->name));
    }
    if (!error && port->name[0]) {
        char *key = xasprintf("%s/%s", host->name, port->name);
        const struct vprec_port *other = shash_find_data(&pc->ifaces, key);
        if (other) {
            error = xasprintf("iface: \"%s\" on host \"%s\" is also port "
                              "%s's", port->name, host->name, other->mac);
            free(key);
        } else {
            shash_add_nocopy(&pc->ifaces, key, port);
        }
        struct shash_node *n = shash_find(&pc->per_host, host->name);
        uintptr_t count = n ? (uintptr_t) n->data + 1 : 1;
        if (!error && count >= VP_MAX_PORTS) {
            error = xasprintf("host: \"%s\" would have more than %d VM "
                              "ports", host->name, VP_MAX_PORTS - 1);
        }
        if (n) {
            n->data = (void *) count;
        } else {
            shash_add(&pc->per_host, host->name, (void *) count);
        }
    }
    for (size_t i = 0; !error && !local_only && i < MAX(port->n_ips, 1);
         i++) {
        struct vp_xlate_spec *spec = vp_config_add_xlate(&ctx->cfg);
        spec->vnet = vp_config_intern(&ctx->cfg, vnet->name);
        spec->mac = mac;
        spec->vtep = ANY_VTEP;
        spec->ip = 0;
        if (port->n_ips) {
            ip_parse(port->ips[i], &spec->ip);
        }
    }
    return prefixed(error, "port %s in VNet \"%s\"", port->mac, vnet->name);
}

static char *
check_ports(struct nb_ctx *ctx)
{
    struct port_ctx pc;
    char *error = NULL;

    shash_init(&pc.macs);
    shash_init(&pc.ips);
    shash_init(&pc.ifaces);
    shash_init(&pc.per_host);
    for (int pass = 0; pass < 2 && !error; pass++) {
        for (size_t i = 0; i < ctx->n_ports && !error; i++) {
            const struct nb_scoped_port *sp = &ctx->ports[i];
            if (touched(&sp->port->header_) == pass) {
                error = check_port(ctx, &pc, sp->port,
                                   sp->part == NB_PORT_HOST);
            }
        }
    }
    shash_destroy(&pc.macs);
    shash_destroy(&pc.ips);
    shash_destroy(&pc.ifaces);
    shash_destroy(&pc.per_host);
    return error;
}

static char *
check_routes(struct nb_ctx *ctx)
{
    struct shash seen = SHASH_INITIALIZER(&seen);
    const struct vprec_route *route;
    char *error = NULL;

    for (int pass = 0; pass < 2 && !error; pass++) {
        VPREC_ROUTE_FOR_EACH (route, ctx->idl) {
            if (touched(&route->header_) != pass || error
                || !nb_scope_has_tenant_ref(ctx->scope, &route->header_,
                                            vprec_route_get_tenant(
                                                route, OVSDB_TYPE_UUID))) {
                continue;
            }
            const struct vprec_tenant *tenant = ref_tenant(
                ctx, vprec_route_get_tenant(route, OVSDB_TYPE_UUID));
            if (!tenant) {
                error = xasprintf("route %s: tenant: missing (deleted?)",
                                  route->prefix);
                break;
            }
            struct vp_route_spec *spec = vp_config_add_route(&ctx->cfg);
            spec->tenant = vp_config_intern(&ctx->cfg, tenant->name);
            error = vp_parse_prefix("prefix", route->prefix, &spec->prefix,
                                    &spec->plen);
            if (!error) {
                error = vp_parse_unicast_ip("nexthop", route->nexthop,
                                            &spec->nexthop);
            }
            if (!error) {
                char *key = xasprintf("%s/%s", tenant->name, route->prefix);
                if (!shash_add_once(&seen, key, route)) {
                    error = xstrdup("prefix: the tenant has two routes to "
                                    "it");
                }
                free(key);
            }
            error = prefixed(error, "route %s in tenant \"%s\"",
                             route->prefix, tenant->name);
        }
    }
    shash_destroy(&seen);
    return error;
}

static char *
check_firewall_rule(const struct vprec_firewall_rule *r)
{
    bool has_ports = (!strcmp(r->protocol, "tcp")
                      || !strcmp(r->protocol, "udp"));
    unsigned int plen;
    ovs_be32 prefix;

    if (r->port_min > r->port_max) {
        return xasprintf("ports: %"PRId64"-%"PRId64" is empty", r->port_min,
                         r->port_max);
    }
    if (!has_ports && (r->port_min || r->port_max)) {
        return xasprintf("ports: only for tcp or udp, not %s", r->protocol);
    }
    return vp_parse_prefix("remote", r->remote_prefix, &prefix, &plen);
}

static char *
check_firewall(const struct nb_ctx *ctx)
{
    for (size_t j = 0; j < ctx->n_ports; j++) {
        const struct vprec_port *port = ctx->ports[j].port;
        if (ctx->ports[j].part != NB_PORT_ALL) {
            continue;
        }
        for (size_t i = 0; i < port->n_firewall_rules; i++) {
            char *error = check_firewall_rule(port->firewall_rules[i]);
            if (error) {
                return prefixed(error, "firewall rule of port %s",
                                port->mac);
            }
        }
    }
    return NULL;
}

/* Whether 'ip' is a VM address of 'tenant' (in one of its VNets' subnets,
 * or in 'vnet''s if given). */
static char *
check_internal_ip(const struct nb_ctx *ctx, const struct vprec_tenant *tenant,
                  const struct vprec_vnet *vnet, const char *ip)
{
    const struct vprec_vnet *v;
    char *first = NULL;

    if (vnet) {
        return nb_check_vm_ip(vnet, ip);
    }
    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        if (ref_tenant(ctx, vprec_vnet_get_tenant(v, OVSDB_TYPE_UUID))
            != tenant) {
            continue;
        }
        char *error = nb_check_vm_ip(v, ip);
        if (!error) {
            free(first);
            return NULL;
        }
        if (!first) {
            first = error;
        } else {
            free(error);
        }
    }
    free(first);
    return xasprintf("internal_ip: %s is in none of the tenant's subnets",
                     ip);
}

static char *
check_nat_rule(const struct nb_ctx *ctx, const struct vprec_tenant *tenant,
               const struct vprec_nat_rule *r, struct shash *externals,
               struct shash *internals)
{
    bool pf = !strcmp(r->type, "port-forward");
    bool fip = !strcmp(r->type, "floating-ip");
    const struct vprec_vnet *vnet;
    ovs_be32 ip;
    char *error = vp_parse_unicast_ip("external_ip", r->external_ip, &ip);

    if (!error && shash_find(&ctx->host_vteps, r->external_ip)) {
        error = xasprintf("external_ip: %s is a host's VTEP",
                          r->external_ip);
    }
    vnet = ref_vnet(ctx, vprec_nat_rule_get_vnet(r, OVSDB_TYPE_UUID));
    if (!error && vnet
        && ref_tenant(ctx, vprec_vnet_get_tenant(vnet, OVSDB_TYPE_UUID))
           != tenant) {
        error = xasprintf("vnet: \"%s\" is another tenant's", vnet->name);
    }
    if (!error && (pf || fip) && !r->internal_ip) {
        error = xasprintf("internal_ip: a %s needs one", r->type);
    }
    if (!error && !(pf || fip) && r->internal_ip) {
        error = xstrdup("internal_ip: not for snat");
    }
    if (!error && pf && (!r->protocol || !r->n_external_port
                         || !r->n_internal_port)) {
        error = xstrdup("port-forward: needs protocol, external_port and "
                        "internal_port");
    }
    if (!error && !pf && (r->protocol || r->n_external_port
                          || r->n_internal_port)) {
        error = xasprintf("protocol, ports: only for port-forward, not %s",
                          r->type);
    }
    if (!error && r->internal_ip) {
        error = check_internal_ip(ctx, tenant, vnet, r->internal_ip);
    }

    /* One external address is one rule's (a floating IP's alone; SNAT
     * and port forwards may share one), one internal address has one
     * floating IP. */
    if (!error) {
        char *key = (pf ? xasprintf("%s/%s/%"PRId64, r->external_ip,
                                    r->protocol, r->external_port[0])
                     : xasprintf("%s/%s", r->external_ip,
                                 fip ? "fip" : "snat"));
        char *other_fip = xasprintf("%s/fip", r->external_ip);
        if (shash_find(externals, key)
            || (!fip && shash_find(externals, other_fip))) {
            error = xasprintf("external_ip: %s is already used by another "
                              "rule", r->external_ip);
        } else {
            shash_add(externals, key, r);
            if (fip) {
                /* Nothing else may use a floating IP. */
                struct shash_node *node;
                SHASH_FOR_EACH (node, externals) {
                    size_t len = strlen(r->external_ip);
                    if (node->data != r
                        && !strncmp(node->name, r->external_ip, len)
                        && node->name[len] == '/') {
                        error = xasprintf("external_ip: %s is a floating IP "
                                          "and also used by another rule",
                                          r->external_ip);
                        break;
                    }
                }
            }
        }
        free(key);
        free(other_fip);
    }
    if (!error && fip) {
        char *key = xasprintf("%s/%s", tenant->name, r->internal_ip);
        if (!shash_add_once(internals, key, r)) {
            error = xasprintf("internal_ip: %s already has a floating IP",
                              r->internal_ip);
        }
        free(key);
    }
    return prefixed(error, "%s rule %s of tenant \"%s\"", r->type,
                    r->external_ip, tenant->name);
}

static char *
check_nat(const struct nb_ctx *ctx)
{
    struct shash externals = SHASH_INITIALIZER(&externals);
    struct shash internals = SHASH_INITIALIZER(&internals);
    const struct vprec_tenant *t;
    char *error = NULL;

    if (ctx->scope && !ctx->scope->all && !ctx->scope->nat) {
        return NULL;
    }
    for (int pass = 0; pass < 2 && !error; pass++) {
        VPREC_TENANT_FOR_EACH (t, ctx->idl) {
            if (touched(&t->header_) != pass) {
                continue;
            }
            for (size_t i = 0; !error && i < t->n_nat_rules; i++) {
                error = check_nat_rule(ctx, t, t->nat_rules[i], &externals,
                                       &internals);
            }
        }
    }
    shash_destroy(&externals);
    shash_destroy(&internals);
    return error;
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
            if (ip == sn.gateway) {
                return xasprintf("ips: %s is the gateway address of VNet "
                                 "\"%s\"", ip_s, v->name);
            } else if (ip == sn.prefix || (ip | sn.mask) == OVS_BE32_MAX) {
                return xasprintf("ips: %s is the network or broadcast "
                                 "address of %s", ip_s, v->subnets[i]);
            }
            return NULL;
        }
    }
    return xasprintf("ips: %s is in no subnet of VNet \"%s\"", ip_s,
                     v->name);
}

char *
nb_check(const struct ovsdb_idl *idl, bool complete)
{
    return nb_check_scope(idl, complete, NULL);
}

char *
nb_check_scope(const struct ovsdb_idl *idl, bool complete,
               const struct nb_scope *scope)
{
    struct nb_ctx ctx;
    const struct vprec_tenant *t;
    const struct vprec_vnet *v;
    const struct vprec_host *h;
    char *error;

    ctx.idl = idl;
    ctx.scope = scope;
    ctx.n_ports = nb_scope_ports(scope, idl, &ctx.ports);
    hmapx_init(&ctx.tenants);
    hmapx_init(&ctx.vnets);
    hmapx_init(&ctx.hosts);
    shash_init(&ctx.host_vteps);
    vp_config_init(&ctx.cfg);
    VPREC_TENANT_FOR_EACH (t, idl) {
        hmapx_add(&ctx.tenants, CONST_CAST(struct vprec_tenant *, t));
    }
    VPREC_VNET_FOR_EACH (v, idl) {
        hmapx_add(&ctx.vnets, CONST_CAST(struct vprec_vnet *, v));
    }
    VPREC_HOST_FOR_EACH (h, idl) {
        hmapx_add(&ctx.hosts, CONST_CAST(struct vprec_host *, h));
    }

    error = complete ? check_deployment(&ctx) : NULL;
    if (!error) {
        error = check_tenants(&ctx);
    }
    if (!error) {
        error = check_hosts(&ctx);
    }
    if (!error) {
        error = check_vnets(&ctx);
    }
    if (!error) {
        error = check_ports(&ctx);
    }
    if (!error) {
        error = check_routes(&ctx);
    }
    if (!error) {
        error = check_firewall(&ctx);
    }
    if (!error) {
        error = check_nat(&ctx);
    }
    if (!error) {
        error = tables_check_config(&ctx.cfg);
    }
    hmapx_destroy(&ctx.tenants);
    hmapx_destroy(&ctx.vnets);
    hmapx_destroy(&ctx.hosts);
    shash_destroy(&ctx.host_vteps);
    vp_config_destroy(&ctx.cfg);
    free(ctx.ports);
    return error;
}
