/* vplane/tables-config.c: batches of table entries and the parsers of their fields.
 * See tables-config.h.  Nothing here looks at the current tables. */
#include <config.h>
#include "tables-config.h"

#include <ctype.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "util.h"

void
vp_config_init(struct vp_config *c)
{
    memset(c, 0, sizeof *c);
    shash_init(&c->names);
}

void
vp_config_destroy(struct vp_config *c)
{
    if (!c) {
        return;
    }
    for (size_t i = 0; i < c->n_vnets; i++) {
        free(c->vnets[i].subnets);
    }
    for (size_t i = 0; i < c->n_ports; i++) {
        free(c->ports[i].name);
        free(c->ports[i].ips);
        free(c->ports[i].allowed);
        free(c->ports[i].vm);
    }
    free(c->vnets);
    free(c->ports);
    free(c->xlates);
    free(c->routes);
    shash_destroy(&c->names);
}

bool
vp_config_is_empty(const struct vp_config *c)
{
    return !c->n_vnets && !c->n_ports && !c->n_xlates && !c->n_routes;
}

/* Returns a copy of 's' that lives as long as 'c'; equal strings share one
 * copy, so a million translation entries do not hold a million VNet names. */
const char *
vp_config_intern(struct vp_config *c, const char *s)
{
    struct shash_node *node = shash_find(&c->names, s);
    if (!node) {
        node = shash_add(&c->names, s, NULL);
    }
    return node->name;
}

#define VP_CONFIG_ADD(TYPE, ARRAY, N, ALLOCATED)                  \
    if (c->N >= c->ALLOCATED) {                                   \
        c->ARRAY = x2nrealloc(c->ARRAY, &c->ALLOCATED,            \
                              sizeof *c->ARRAY);                  \
    }                                                             \
    TYPE *spec = &c->ARRAY[c->N++];                               \
    memset(spec, 0, sizeof *spec);                                \
    return spec;

struct vp_vnet_spec *
vp_config_add_vnet(struct vp_config *c)
{
    VP_CONFIG_ADD(struct vp_vnet_spec, vnets, n_vnets, allocated_vnets);
}

struct vp_port_spec *
vp_config_add_port(struct vp_config *c)
{
    VP_CONFIG_ADD(struct vp_port_spec, ports, n_ports, allocated_ports);
}

struct vp_xlate_spec *
vp_config_add_xlate(struct vp_config *c)
{
    VP_CONFIG_ADD(struct vp_xlate_spec, xlates, n_xlates, allocated_xlates);
}

struct vp_route_spec *
vp_config_add_route(struct vp_config *c)
{
    VP_CONFIG_ADD(struct vp_route_spec, routes, n_routes, allocated_routes);
}

/* Names of VNets and tenants: what an operator can type and a shell does not
 * mangle, short enough for a column. */
char *
vp_parse_name(const char *field, const char *s)
{
    size_t len = strlen(s);

    if (!len || len > 64) {
        return xasprintf("%s: \"%s\" must be 1 to 64 characters", field, s);
    }
    for (const char *p = s; *p; p++) {
        if (!isalnum((unsigned char) *p) && !strchr("_.:-", *p)) {
            return xasprintf("%s: \"%s\" may contain only letters, digits "
                             "and _.:-", field, s);
        }
    }
    return NULL;
}

/* Linux interface names: at most IFNAMSIZ - 1 bytes, no '/' or spaces. */
char *
vp_parse_ifname(const char *field, const char *s)
{
    size_t len = strlen(s);

    if (!len || len > 15) {
        return xasprintf("%s: \"%s\" must be 1 to 15 characters", field, s);
    }
    if (!strcmp(s, ".") || !strcmp(s, "..")
        || strcspn(s, "/: \t\n") != len) {
        return xasprintf("%s: \"%s\" is not a valid interface name",
                         field, s);
    }
    return NULL;
}

/* An interface name for a new port or uplink.  "fabric" and "resolver" are
 * taken: trace, capture and drop-stats name the VXLAN fabric and the owner
 * resolver so where they take a port name.  Only where a name is created:
 * a name already in a database or a snapshot is accepted, so that one port
 * so named cannot make a host refuse its whole state. */
char *
vp_parse_new_ifname(const char *field, const char *s)
{
    char *error = vp_parse_ifname(field, s);

    if (!error && (!strcmp(s, "fabric") || !strcmp(s, "resolver"))) {
        error = xasprintf("%s: \"%s\" is reserved: vplane-ctl's commands "
                          "name the VXLAN fabric and the owner resolver "
                          "\"fabric\" and \"resolver\"", field, s);
    }
    return error;
}

char *
vp_parse_vni(const char *field, const char *s, uint32_t *vni)
{
    unsigned int value;

    if (!isdigit((unsigned char) s[0]) || !str_to_uint(s, 10, &value)
        || value < 1 || value > 0xffffff) {
        return xasprintf("%s: \"%s\" is not a VNI (1 to 16777215)", field, s);
    }
    *vni = value;
    return NULL;
}

char *
vp_parse_vm_mac(const char *field, const char *s, struct eth_addr *mac)
{
    if (!eth_addr_from_string(s, mac)) {
        return xasprintf("%s: \"%s\" is not a MAC address", field, s);
    }
    if (eth_addr_is_multicast(*mac) || eth_addr_is_zero(*mac)) {
        return xasprintf("%s: \"%s\" is not a unicast MAC address", field, s);
    }
    return NULL;
}

char *
vp_parse_unicast_ip(const char *field, const char *s, ovs_be32 *ip)
{
    if (!ip_parse(s, ip)) {
        return xasprintf("%s: \"%s\" is not an IPv4 address", field, s);
    }
    if (!*ip || ip_is_multicast(*ip) || *ip == htonl(0xffffffff)) {
        return xasprintf("%s: \"%s\" is not a unicast IPv4 address",
                         field, s);
    }
    return NULL;
}

/* "A.B.C.D/LEN", strictly: Open vSwitch's ip_parse_cidr() also takes a
 * netmask after the slash and lets an octet such as 300 wrap around. */
static bool
parse_cidr(const char *s, ovs_be32 *ip, unsigned int *plen)
{
    const char *slash = strchr(s, '/');
    char addr[INET_ADDRSTRLEN];
    size_t len = slash ? slash - s : 0;

    if (!slash || !len || len >= sizeof addr || !slash[1]
        || strspn(slash + 1, "0123456789") != strlen(slash + 1)
        || strlen(slash + 1) > 2) {
        return false;
    }
    memcpy(addr, s, len);
    addr[len] = '\0';
    return (ip_parse(addr, ip) && str_to_uint(slash + 1, 10, plen)
            && *plen <= 32);
}

/* A subnet is written as its gateway address and prefix length, the way
 * "ip addr" writes an interface address: "10.1.0.1/24". */
char *
vp_parse_subnet(const char *field, const char *s, struct vp_subnet *sn)
{
    ovs_be32 ip;
    unsigned int plen;

    if (!strchr(s, '/')) {
        return xasprintf("%s: \"%s\" must be GATEWAY/PREFIXLEN, "
                         "e.g. 10.1.0.1/24", field, s);
    }
    if (!parse_cidr(s, &ip, &plen)) {
        return xasprintf("%s: \"%s\" is not GATEWAY/PREFIXLEN", field, s);
    }
    if (plen < 1 || plen > 30) {
        return xasprintf("%s: \"%s\": prefix length must be 1 to 30",
                         field, s);
    }
    sn->mask = be32_prefix_mask(plen);
    sn->plen = plen;
    sn->prefix = ip & sn->mask;
    sn->gateway = ip;
    if (ip == sn->prefix || (ip | ~sn->mask) == OVS_BE32_MAX
        || ip_is_multicast(ip)) {
        return xasprintf("%s: \"%s\": the gateway must be a host address "
                         "of the subnet", field, s);
    }
    return NULL;
}

/* A route prefix: "10.2.0.0/16", host bits zero; "0.0.0.0/0" is default. */
char *
vp_parse_prefix(const char *field, const char *s, ovs_be32 *prefix,
                unsigned int *plen)
{

    if (!strchr(s, '/')) {
        return xasprintf("%s: \"%s\" must be PREFIX/LEN, e.g. 10.2.0.0/16",
                         field, s);
    }
    if (!parse_cidr(s, prefix, plen)) {
        return xasprintf("%s: \"%s\" is not PREFIX/LEN", field, s);
    }
    if (*prefix & ~be32_prefix_mask(*plen)) {
        return xasprintf("%s: \"%s\" has host bits set", field, s);
    }
    return NULL;
}

char *
vp_parse_allowed(const char *field, const char *s, struct vp_prefix *p)
{
    char *error = vp_parse_prefix(field, s, &p->prefix, &p->plen);

    if (!error) {
        p->mask = be32_prefix_mask(p->plen);
    }
    return error;
}

void
vp_format_subnet(const struct vp_subnet *sn, struct ds *s)
{
    ds_put_format(s, IP_FMT"/%u", IP_ARGS(sn->gateway), sn->plen);
}
