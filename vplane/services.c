/* vplane/services.c: see services.h. */
#include <config.h>
#include "services.h"

#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "json-members.h"
#include "tables-config.h"
#include "util.h"
#include "vplane/kinds.h"

static void
fw_port_free(struct vp_fw_port *p)
{
    if (p) {
        free(p->vnet);
        free(p->rules);
        free(p);
    }
}

static void
nat_rule_free(struct vp_nat_rule *r)
{
    if (r) {
        free(r->tenant);
        free(r->vnet);
        free(r);
    }
}

void
vp_services_init(struct vp_services *s)
{
    shash_init(&s->firewall);
    shash_init(&s->nat);
    memset(&s->uplink, 0, sizeof s->uplink);
}

void
vp_services_destroy(struct vp_services *s)
{
    struct shash_node *node;

    if (!s) {
        return;
    }
    SHASH_FOR_EACH (node, &s->firewall) {
        fw_port_free(node->data);
    }
    shash_destroy(&s->firewall);
    SHASH_FOR_EACH (node, &s->nat) {
        nat_rule_free(node->data);
    }
    shash_destroy(&s->nat);
}

static struct vp_fw_port *
fw_port_clone(const struct vp_fw_port *p)
{
    struct vp_fw_port *c = xmemdup(p, sizeof *p);

    c->vnet = xstrdup(p->vnet);
    c->rules = xmemdup(p->rules, (p->n_rules + 1) * sizeof *p->rules);
    return c;
}

static struct vp_nat_rule *
nat_rule_clone(const struct vp_nat_rule *r)
{
    struct vp_nat_rule *c = xmemdup(r, sizeof *r);

    c->tenant = xstrdup(r->tenant);
    c->vnet = nullable_xstrdup(r->vnet);
    return c;
}

void
vp_services_clone(struct vp_services *dst, const struct vp_services *src)
{
    struct shash_node *node;

    vp_services_init(dst);
    SHASH_FOR_EACH (node, &src->firewall) {
        shash_add(&dst->firewall, node->name, fw_port_clone(node->data));
    }
    SHASH_FOR_EACH (node, &src->nat) {
        shash_add(&dst->nat, node->name, nat_rule_clone(node->data));
    }
    dst->uplink = src->uplink;
}

void
vp_services_swap(struct vp_services *a, struct vp_services *b)
{
    struct vp_services tmp = *a;

    *a = *b;
    *b = tmp;
    shash_moved(&a->firewall);
    shash_moved(&a->nat);
    shash_moved(&b->firewall);
    shash_moved(&b->nat);
}

bool
vp_services_equal_uplink(const struct vp_services *a,
                         const struct vp_services *b)
{
    return !memcmp(&a->uplink, &b->uplink, sizeof a->uplink);
}

bool
vp_services_section(const char *section)
{
    const struct vp_kind_info *k = vp_kind_by_key(section);
    return k && k->owner == VP_KIND_SERVICES;
}

/* Parsing.  Every error is "PATH: FIELD: what", PATH as in
 * "firewall[3].rules[1]". */

/* One member of 'o', checked by the shared helper (json-members.h); unknown
 * members are allowed, for a newer controller.  Once '*error' is set, the
 * rest are skipped, so that a parser reads its members in a row and checks
 * once. */
static const struct json *
member(const struct json *o, const char *name, enum json_type type,
       bool optional, const char *path, char **error)
{
    const struct json *v = NULL;

    if (!*error) {
        struct json_member m = { name, type, optional, &v };
        *error = json_members_get(path, o, &m, 1, false);
    }
    return *error ? NULL : v;
}

static const char *
member_string(const struct json *o, const char *name, bool optional,
              const char *path, char **error)
{
    const struct json *v = member(o, name, JSON_STRING, optional, path,
                                  error);
    return v ? json_string(v) : NULL;
}

static long long int
member_int(const struct json *o, const char *name, bool optional,
           long long int min, long long int max, long long int dflt,
           const char *path, char **error)
{
    const struct json *v = member(o, name, JSON_INTEGER, optional, path,
                                  error);
    if (!v) {
        return dflt;
    }
    if (v->integer < min || v->integer > max) {
        *error = xasprintf("%s.%s: %lld is not %lld to %lld", path, name,
                           v->integer, min, max);
        return dflt;
    }
    return v->integer;
}

static char *
parse_fw_rule(const struct json *o, const char *path, struct vp_fw_rule *r)
{
    const char *direction, *protocol, *remote;
    unsigned int plen;
    char *error = NULL;

    if (o->type != JSON_OBJECT) {
        return xasprintf("%s: must be an object", path);
    }
    direction = member_string(o, "direction", false, path, &error);
    protocol = member_string(o, "protocol", false, path, &error);
    remote = member_string(o, "remote", true, path, &error);
    r->port_min = member_int(o, "port-min", true, 0, 65535, 0, path, &error);
    r->port_max = member_int(o, "port-max", true, 0, 65535, 0, path, &error);
    r->dscp = member_int(o, "dscp", true, 0, 63, -1, path, &error);
    if (error) {
        return error;
    }
    if (!strcmp(direction, "ingress")) {
        r->direction = VP_FW_INGRESS;
    } else if (!strcmp(direction, "egress")) {
        r->direction = VP_FW_EGRESS;
    } else {
        return xasprintf("%s.direction: \"%s\" must be ingress or egress",
                         path, direction);
    }
    if (!strcmp(protocol, "any")) {
        r->protocol = 0;
    } else if (!strcmp(protocol, "tcp")) {
        r->protocol = IPPROTO_TCP;
    } else if (!strcmp(protocol, "udp")) {
        r->protocol = IPPROTO_UDP;
    } else if (!strcmp(protocol, "icmp")) {
        r->protocol = IPPROTO_ICMP;
    } else {
        return xasprintf("%s.protocol: \"%s\" must be any, tcp, udp or icmp",
                         path, protocol);
    }
    if (r->port_min > r->port_max) {
        return xasprintf("%s.port-min: %u is above port-max %u", path,
                         r->port_min, r->port_max);
    }
    if (r->port_max && r->protocol != IPPROTO_TCP
        && r->protocol != IPPROTO_UDP) {
        return xasprintf("%s.port-min: ports only for tcp or udp", path);
    }
    r->remote = r->remote_mask = 0;
    if (remote) {
        error = vp_parse_prefix("remote", remote, &r->remote, &plen);
        if (error) {
            return json_members_at(path, error);
        }
        r->remote_mask = be32_prefix_mask(plen);
    }
    return NULL;
}

static char *
parse_fw_port(const struct json *o, const char *path, char **idp,
              struct vp_fw_port **pp)
{
    const char *id, *vnet, *mac;
    const struct json *rules;
    char *error = NULL;

    *pp = NULL;
    if (o->type != JSON_OBJECT) {
        return xasprintf("%s: must be an object", path);
    }
    id = member_string(o, "id", false, path, &error);
    vnet = member_string(o, "vnet", false, path, &error);
    mac = member_string(o, "mac", false, path, &error);
    rules = member(o, "rules", JSON_ARRAY, false, path, &error);
    if (error) {
        return error;
    }

    struct vp_fw_port *p = xzalloc(sizeof *p);
    error = vp_parse_name("vnet", vnet);
    if (!error) {
        error = vp_parse_vm_mac("mac", mac, &p->mac);
    }
    if (error) {
        fw_port_free(p);
        return json_members_at(path, error);
    }
    p->vnet = xstrdup(vnet);
    p->n_rules = json_array(rules)->n;
    p->rules = xcalloc(p->n_rules + 1, sizeof *p->rules);
    for (size_t i = 0; i < p->n_rules; i++) {
        char *rpath = xasprintf("%s.rules[%"PRIuSIZE"]", path, i);
        error = parse_fw_rule(json_array(rules)->elems[i], rpath,
                              &p->rules[i]);
        free(rpath);
        if (error) {
            fw_port_free(p);
            return error;
        }
    }
    *idp = xstrdup(id);
    *pp = p;
    return NULL;
}

static char *
parse_nat_rule(const struct json *o, const char *path, char **idp,
               struct vp_nat_rule **rp)
{
    const char *id, *tenant, *type, *ext, *in, *protocol, *vnet, *owner;
    char *error = NULL;

    *rp = NULL;
    if (o->type != JSON_OBJECT) {
        return xasprintf("%s: must be an object", path);
    }
    id = member_string(o, "id", false, path, &error);
    tenant = member_string(o, "tenant", false, path, &error);
    type = member_string(o, "type", false, path, &error);
    ext = member_string(o, "external-ip", false, path, &error);
    in = member_string(o, "internal-ip", true, path, &error);
    protocol = member_string(o, "protocol", true, path, &error);
    vnet = member_string(o, "vnet", true, path, &error);
    owner = member_string(o, "owner", true, path, &error);
    long long int ext_port = member_int(o, "external-port", true, 1, 65535,
                                        0, path, &error);
    long long int in_port = member_int(o, "internal-port", true, 1, 65535,
                                       0, path, &error);
    long long int tenant_vni = member_int(o, "tenant-vni", true, 1, 0xffffff,
                                          0, path, &error);
    if (error) {
        return error;
    }

    struct vp_nat_rule *r = xzalloc(sizeof *r);
    if (!strcmp(type, "snat")) {
        r->type = VP_NAT_SNAT;
    } else if (!strcmp(type, "floating-ip")) {
        r->type = VP_NAT_FLOATING;
    } else if (!strcmp(type, "port-forward")) {
        r->type = VP_NAT_FORWARD;
    } else {
        error = xasprintf("type: \"%s\" must be snat, floating-ip or "
                          "port-forward", type);
    }
    if (!error) {
        error = vp_parse_name("tenant", tenant);
    }
    if (!error && vnet) {
        error = vp_parse_name("vnet", vnet);
    }
    if (!error) {
        error = vp_parse_unicast_ip("external-ip", ext, &r->external_ip);
    }
    if (!error && r->type != VP_NAT_SNAT) {
        error = (in ? vp_parse_unicast_ip("internal-ip", in, &r->internal_ip)
                 : xasprintf("internal-ip: missing for %s", type));
    }
    if (!error && owner) {
        error = vp_parse_unicast_ip("owner", owner, &r->owner);
    }
    if (!error && r->type == VP_NAT_FORWARD) {
        if (!protocol || (strcmp(protocol, "tcp") && strcmp(protocol, "udp"))) {
            error = xstrdup("protocol: must be tcp or udp");
        } else if (!ext_port || !in_port) {
            error = xstrdup("external-port: a port forward needs both ports");
        } else {
            r->protocol = !strcmp(protocol, "tcp") ? IPPROTO_TCP
                          : IPPROTO_UDP;
            r->external_port = ext_port;
            r->internal_port = in_port;
        }
    }
    if (error) {
        nat_rule_free(r);
        return json_members_at(path, error);
    }
    r->tenant = xstrdup(tenant);
    r->vnet = nullable_xstrdup(vnet);
    r->tenant_vni = tenant_vni;
    *idp = xstrdup(id);
    *rp = r;
    return NULL;
}

static char *
parse_uplink(const struct json *o, struct vp_uplink_cfg *u)
{
    const char *name, *address, *router;
    struct vp_subnet sn;
    char *error = NULL;

    if (o->type != JSON_OBJECT) {
        return xstrdup("uplink: must be an object");
    }
    memset(u, 0, sizeof *u);
    if (shash_is_empty(json_object(o))) {
        return NULL;
    }
    name = member_string(o, "name", false, "uplink", &error);
    address = member_string(o, "address", false, "uplink", &error);
    router = member_string(o, "router", false, "uplink", &error);
    if (error) {
        return error;
    }
    error = vp_parse_ifname("name", name);
    if (!error) {
        error = vp_parse_subnet("address", address, &sn);
    }
    if (!error) {
        error = vp_parse_unicast_ip("router", router, &u->router);
    }
    if (error) {
        memset(u, 0, sizeof *u);
        return json_members_at("uplink", error);
    }
    ovs_strlcpy(u->name, name, sizeof u->name);
    u->address = sn.gateway;
    u->plen = sn.plen;
    return NULL;
}

char *
vp_services_add(struct vp_services *s, const char *section,
                const struct json *json)
{
    if (!strcmp(section, "uplink")) {
        struct vp_uplink_cfg u;
        char *error = parse_uplink(json, &u);
        if (!error) {
            s->uplink = u;
        }
        return error;
    }
    bool fw = !strcmp(section, "firewall");
    if (json->type != JSON_ARRAY) {
        return xasprintf("%s: must be an array", section);
    }
    for (size_t i = 0; i < json_array(json)->n; i++) {
        const struct json *e = json_array(json)->elems[i];
        char *path = xasprintf("%s[%"PRIuSIZE"]", section, i);
        char *id = NULL, *error;

        if (fw) {
            struct vp_fw_port *p;
            error = parse_fw_port(e, path, &id, &p);
            if (!error) {
                fw_port_free(shash_replace(&s->firewall, id, p));
            }
        } else {
            struct vp_nat_rule *r;
            error = parse_nat_rule(e, path, &id, &r);
            if (!error) {
                nat_rule_free(shash_replace(&s->nat, id, r));
            }
        }
        free(path);
        if (error) {
            return error;
        }
        free(id);
    }
    return NULL;
}

char *
vp_services_remove(struct vp_services *s, const char *section,
                   const struct json *json)
{
    bool fw = !strcmp(section, "firewall");

    if (!fw && strcmp(section, "nat")) {
        return xasprintf("remove.%s: not a services section", section);
    }
    if (json->type != JSON_ARRAY) {
        return xasprintf("remove.%s: must be an array", section);
    }
    for (size_t i = 0; i < json_array(json)->n; i++) {
        const struct json *id = json_array(json)->elems[i];
        if (id->type != JSON_STRING) {
            return xasprintf("remove.%s[%"PRIuSIZE"]: must be a string",
                             section, i);
        }
        if (fw) {
            fw_port_free(shash_find_and_delete(&s->firewall,
                                               json_string(id)));
        } else {
            nat_rule_free(shash_find_and_delete(&s->nat, json_string(id)));
        }
    }
    return NULL;
}

const char *
vp_nat_type_name(enum vp_nat_type type)
{
    switch (type) {
    case VP_NAT_SNAT: return "snat";
    case VP_NAT_FLOATING: return "floating-ip";
    case VP_NAT_FORWARD: return "port-forward";
    }
    return "?";
}

static const char *
proto_name(uint8_t proto)
{
    return (proto == IPPROTO_TCP ? "tcp" : proto == IPPROTO_UDP ? "udp"
            : proto == IPPROTO_ICMP ? "icmp" : "any");
}

void
vp_fw_rule_format(const struct vp_fw_rule *r, struct ds *s)
{
    ds_put_format(s, "%s %s", r->direction == VP_FW_INGRESS ? "ingress"
                  : "egress", proto_name(r->protocol));
    if (r->port_max) {
        ds_put_format(s, " ports=%"PRIu16, r->port_min);
        if (r->port_max != r->port_min) {
            ds_put_format(s, "-%"PRIu16, r->port_max);
        }
    }
    ds_put_format(s, " remote="IP_FMT"/%d", IP_ARGS(r->remote),
                  ip_count_cidr_bits(r->remote_mask));
    if (r->dscp >= 0) {
        ds_put_format(s, " dscp=%d", r->dscp);
    }
}

void
vp_nat_rule_format(const struct vp_nat_rule *r, struct ds *s)
{
    ds_put_format(s, "%s %s "IP_FMT, r->tenant, vp_nat_type_name(r->type),
                  IP_ARGS(r->external_ip));
    if (r->type == VP_NAT_FORWARD) {
        ds_put_format(s, " %s %"PRIu16" -> "IP_FMT" %"PRIu16,
                      proto_name(r->protocol), r->external_port,
                      IP_ARGS(r->internal_ip), r->internal_port);
    } else if (r->type == VP_NAT_FLOATING) {
        ds_put_format(s, " -> "IP_FMT, IP_ARGS(r->internal_ip));
    }
    if (r->vnet) {
        ds_put_format(s, " vnet=%s", r->vnet);
    }
    if (r->owner) {
        ds_put_format(s, " owner="IP_FMT, IP_ARGS(r->owner));
    }
}
