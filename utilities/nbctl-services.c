/* utilities/nbctl-services.c: the stateful services in the controller's
 * database -- firewall rules of VM ports and NAT rules of tenants (see
 * nbctl.h; docs/controller.md).  The hosts that own a flow apply them
 * (DESIGN 2); here they are only stored, checked and listed. */
#include <config.h>
#include "nbctl.h"

#include <stdlib.h>
#include <string.h>
#include "nbctl-private.h"
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "util.h"
#include "vplane/tables-config.h"

static bool
is_one_of(const char *s, const char *const *set)
{
    for (; *set; set++) {
        if (!strcmp(s, *set)) {
            return true;
        }
    }
    return false;
}

/* A firewall rule as given on the command line. */
struct fw_args {
    const char *direction;
    const char *protocol;
    int port_min, port_max;
    char *remote;               /* Canonical prefix. */
    int dscp;                   /* -1: none. */
};

static bool
parse_port_range(struct ctl_context *ctx, const char *s, int *min, int *max)
{
    char *copy = xstrdup(s);
    char *dash = strchr(copy, '-');
    bool ok;

    if (dash) {
        *dash = '\0';
    }
    ok = (str_to_int(copy, 10, min) && *min >= 1 && *min <= 65535
          && (!dash || (str_to_int(dash + 1, 10, max) && *max >= *min
                        && *max <= 65535)));
    if (!dash) {
        *max = *min;
    }
    free(copy);
    if (!ok) {
        ctl_error(ctx, "ports: \"%s\" must be PORT or MIN-MAX, 1 to 65535",
                  s);
    }
    return ok;
}

static bool
parse_fw_args(struct ctl_context *ctx, struct fw_args *a)
{
    static const char *const directions[] = { "ingress", "egress", NULL };
    static const char *const protocols[] = { "any", "tcp", "udp", "icmp",
                                             NULL };

    memset(a, 0, sizeof *a);
    a->direction = ctx->argv[3];
    a->protocol = ctx->argv[4];
    a->dscp = -1;
    if (!is_one_of(a->direction, directions)) {
        ctl_error(ctx, "direction: \"%s\" must be ingress or egress",
                  a->direction);
        return false;
    }
    if (!is_one_of(a->protocol, protocols)) {
        ctl_error(ctx, "protocol: \"%s\" must be any, tcp, udp or icmp",
                  a->protocol);
        return false;
    }
    for (int i = 5; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i], *v;
        unsigned int plen;
        ovs_be32 prefix;

        if ((v = nbctl_keyword(arg, "ports"))) {
            if (strcmp(a->protocol, "tcp") && strcmp(a->protocol, "udp")) {
                ctl_error(ctx, "ports: only for tcp or udp");
                return false;
            }
            if (!parse_port_range(ctx, v, &a->port_min, &a->port_max)) {
                return false;
            }
        } else if ((v = nbctl_keyword(arg, "remote"))) {
            if (nb_failed(ctx, vp_parse_prefix("remote", v, &prefix,
                                               &plen))) {
                return false;
            }
            free(a->remote);
            a->remote = xasprintf(IP_FMT"/%u", IP_ARGS(prefix), plen);
        } else if ((v = nbctl_keyword(arg, "dscp"))) {
            if (!str_to_int(v, 10, &a->dscp) || a->dscp < 0
                || a->dscp > 63) {
                ctl_error(ctx, "dscp: \"%s\" must be 0 to 63", v);
                return false;
            }
        } else {
            ctl_error(ctx, "\"%s\": expected ports=, remote= or dscp=", arg);
            return false;
        }
    }
    if (!a->remote) {
        a->remote = xstrdup("0.0.0.0/0");
    }
    return true;
}

static bool
fw_matches(const struct vprec_firewall_rule *r, const struct fw_args *a)
{
    return (!strcmp(r->direction, a->direction)
            && !strcmp(r->protocol, a->protocol)
            && r->port_min == a->port_min && r->port_max == a->port_max
            && !strcmp(r->remote_prefix, a->remote));
}

static const struct vprec_port *
fw_port(struct ctl_context *ctx, bool must_exist)
{
    const struct vprec_vnet *v = nb_vnet(ctx, "vnet", ctx->argv[1],
                                         must_exist);
    const struct vprec_port *p = NULL;
    char *mac;

    if (v && (mac = nb_canonical_mac(ctx, "mac", ctx->argv[2]))) {
        p = nb_port(ctx, v, mac);
        if (!p && must_exist) {
            ctl_error(ctx, "mac: VNet \"%s\" has no port %s", v->name, mac);
        }
        free(mac);
    }
    return p;
}

/* Writes 'p''s rules with 'add' added or 'del' removed: the whole column,
 * since set mutations reach the IDL only at commit, out of sight of the
 * whole-state check and of later commands. */
static void
write_fw_rules(const struct vprec_port *p,
               const struct vprec_firewall_rule *add,
               const struct vprec_firewall_rule *del)
{
    struct vprec_firewall_rule **rules = xmalloc((p->n_firewall_rules + 1)
                                                 * sizeof *rules);
    size_t n = 0;

    for (size_t i = 0; i < p->n_firewall_rules; i++) {
        if (p->firewall_rules[i] != del) {
            rules[n++] = p->firewall_rules[i];
        }
    }
    if (add) {
        rules[n++] = CONST_CAST(struct vprec_firewall_rule *, add);
    }
    vprec_port_set_firewall_rules(p, rules, n);
    free(rules);
}

static void
write_nat_rules(const struct vprec_tenant *t,
                const struct vprec_nat_rule *add,
                const struct vprec_nat_rule *del)
{
    struct vprec_nat_rule **rules = xmalloc((t->n_nat_rules + 1)
                                            * sizeof *rules);
    size_t n = 0;

    for (size_t i = 0; i < t->n_nat_rules; i++) {
        if (t->nat_rules[i] != del) {
            rules[n++] = t->nat_rules[i];
        }
    }
    if (add) {
        rules[n++] = CONST_CAST(struct vprec_nat_rule *, add);
    }
    vprec_tenant_set_nat_rules(t, rules, n);
    free(rules);
}

/* fw-add VNET MAC ingress|egress any|tcp|udp|icmp [ports=N[-M]]
 *        [remote=PREFIX/LEN] [dscp=N] */
static void
cmd_fw_add(struct ctl_context *ctx)
{
    const struct vprec_port *p = fw_port(ctx, true);
    struct fw_args a;

    if (!p || !parse_fw_args(ctx, &a)) {
        return;
    }
    for (size_t i = 0; i < p->n_firewall_rules; i++) {
        if (fw_matches(p->firewall_rules[i], &a)) {
            if (!shash_find(&ctx->options, "--may-exist")) {
                ctl_error(ctx, "port %s already has this rule", p->mac);
            }
            free(a.remote);
            return;
        }
    }
    struct vprec_firewall_rule *r = vprec_firewall_rule_insert(ctx->txn);
    vprec_firewall_rule_set_direction(r, a.direction);
    vprec_firewall_rule_set_protocol(r, a.protocol);
    vprec_firewall_rule_set_port_min(r, a.port_min);
    vprec_firewall_rule_set_port_max(r, a.port_max);
    vprec_firewall_rule_set_remote_prefix(r, a.remote);
    if (a.dscp >= 0) {
        int64_t dscp = a.dscp;
        vprec_firewall_rule_set_dscp(r, &dscp, 1);
    }
    write_fw_rules(p, r, NULL);
    free(a.remote);
}

/* fw-del VNET MAC DIRECTION PROTOCOL [ports=] [remote=]: the rule with
 * exactly these fields. */
static void
cmd_fw_del(struct ctl_context *ctx)
{
    const struct vprec_port *p = fw_port(ctx, !shash_find(&ctx->options,
                                                          "--if-exists"));
    struct fw_args a;

    if (!p || !parse_fw_args(ctx, &a)) {
        return;
    }
    for (size_t i = 0; i < p->n_firewall_rules; i++) {
        if (fw_matches(p->firewall_rules[i], &a)) {
            write_fw_rules(p, NULL, p->firewall_rules[i]);
            free(a.remote);
            return;
        }
    }
    if (!shash_find(&ctx->options, "--if-exists")) {
        ctl_error(ctx, "port %s has no such rule", p->mac);
    }
    free(a.remote);
}

/* NAT. */

struct nat_args {
    const char *type;
    char *external_ip;
    const char *protocol;       /* Port-forward only. */
    int external_port, internal_port;
    char *internal_ip;
    const struct vprec_vnet *vnet;
};

static void
nat_args_destroy(struct nat_args *a)
{
    free(a->external_ip);
    free(a->internal_ip);
}

/* TYPE EXTERNAL_IP ... from argv[2] on, with 'n_fixed' positional
 * arguments for the type. */
static bool
parse_nat_args(struct ctl_context *ctx, bool for_add, struct nat_args *a)
{
    static const char *const types[] = { "snat", "floating-ip",
                                         "port-forward", NULL };
    int i = 4;

    memset(a, 0, sizeof *a);
    a->type = ctx->argv[2];
    if (!is_one_of(a->type, types)) {
        ctl_error(ctx, "type: \"%s\" must be snat, floating-ip or "
                  "port-forward", a->type);
        return false;
    }
    if (!(a->external_ip = nb_canonical_ip(ctx, "external_ip",
                                           ctx->argv[3]))) {
        return false;
    }
    if (!strcmp(a->type, "floating-ip") && for_add) {
        if (ctx->argc <= i) {
            ctl_error(ctx, "internal_ip: missing (floating-ip EXTERNAL_IP "
                      "INTERNAL_IP)");
            return false;
        }
        if (!(a->internal_ip = nb_canonical_ip(ctx, "internal_ip",
                                               ctx->argv[i++]))) {
            return false;
        }
    } else if (!strcmp(a->type, "port-forward")) {
        int needed = for_add ? 4 : 2;
        if (ctx->argc < i + needed) {
            ctl_error(ctx, "port-forward: expected EXTERNAL_IP tcp|udp "
                      "EXTERNAL_PORT%s", for_add ? " INTERNAL_IP "
                      "INTERNAL_PORT" : "");
            return false;
        }
        a->protocol = ctx->argv[i++];
        if (strcmp(a->protocol, "tcp") && strcmp(a->protocol, "udp")) {
            ctl_error(ctx, "protocol: \"%s\" must be tcp or udp",
                      a->protocol);
            return false;
        }
        if (!str_to_int(ctx->argv[i], 10, &a->external_port)
            || a->external_port < 1 || a->external_port > 65535) {
            ctl_error(ctx, "external_port: \"%s\" must be 1 to 65535",
                      ctx->argv[i]);
            return false;
        }
        i++;
        if (for_add) {
            if (!(a->internal_ip = nb_canonical_ip(ctx, "internal_ip",
                                                   ctx->argv[i++]))) {
                return false;
            }
            if (!str_to_int(ctx->argv[i], 10, &a->internal_port)
                || a->internal_port < 1 || a->internal_port > 65535) {
                ctl_error(ctx, "internal_port: \"%s\" must be 1 to 65535",
                          ctx->argv[i]);
                return false;
            }
            i++;
        }
    }
    for (; i < ctx->argc; i++) {
        const char *v = nbctl_keyword(ctx->argv[i], "vnet");
        if (!v || !for_add) {
            ctl_error(ctx, "\"%s\": unexpected argument", ctx->argv[i]);
            return false;
        }
        if (!(a->vnet = nb_vnet(ctx, "vnet", v, true))) {
            return false;
        }
    }
    return true;
}

/* The same external address (and port, for a port forward). */
static bool
nat_same_external(const struct vprec_nat_rule *r, const struct nat_args *a)
{
    if (strcmp(r->external_ip, a->external_ip)) {
        return false;
    }
    bool r_pf = !strcmp(r->type, "port-forward");
    bool a_pf = !strcmp(a->type, "port-forward");
    if (r_pf && a_pf) {
        return (r->protocol && !strcmp(r->protocol, a->protocol)
                && r->n_external_port
                && r->external_port[0] == a->external_port);
    }
    return true;
}

/* nat-add TENANT snat EXTERNAL_IP [vnet=VNET]
 * nat-add TENANT floating-ip EXTERNAL_IP INTERNAL_IP [vnet=VNET]
 * nat-add TENANT port-forward EXTERNAL_IP tcp|udp EXT_PORT INTERNAL_IP
 *         INT_PORT [vnet=VNET] */
static void
cmd_nat_add(struct ctl_context *ctx)
{
    const struct vprec_tenant *tenant, *t;
    struct nat_args a;

    if (!(tenant = nb_tenant(ctx, "tenant", ctx->argv[1], true))) {
        return;
    }
    if (!parse_nat_args(ctx, true, &a)) {
        goto out;
    }
    if (a.vnet && a.vnet->tenant != tenant) {
        ctl_error(ctx, "vnet: \"%s\" is tenant \"%s\"'s", a.vnet->name,
                  a.vnet->tenant->name);
        goto out;
    }
    /* An external address (or address and port) is one rule's, whatever
     * the tenant: the outside world cannot tell tenants apart. */
    VPREC_TENANT_FOR_EACH (t, ctx->idl) {
        for (size_t i = 0; i < t->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = t->nat_rules[i];
            if (!nat_same_external(r, &a)) {
                continue;
            }
            if (t == tenant && !strcmp(r->type, a.type)
                && nullable_string_is_equal(r->internal_ip, a.internal_ip)
                && shash_find(&ctx->options, "--may-exist")) {
                goto out;       /* This very rule exists. */
            }
            {
                ctl_error(ctx, "external_ip: %s is already used by a %s rule "
                          "of tenant \"%s\"", a.external_ip,
                          r->type, t->name);
                goto out;
            }
        }
    }

    struct vprec_nat_rule *r = vprec_nat_rule_insert(ctx->txn);
    vprec_nat_rule_set_type(r, a.type);
    vprec_nat_rule_set_external_ip(r, a.external_ip);
    if (a.internal_ip) {
        vprec_nat_rule_set_internal_ip(r, a.internal_ip);
    }
    if (a.protocol) {
        int64_t ext = a.external_port, in = a.internal_port;
        vprec_nat_rule_set_protocol(r, a.protocol);
        vprec_nat_rule_set_external_port(r, &ext, 1);
        vprec_nat_rule_set_internal_port(r, &in, 1);
    }
    if (a.vnet) {
        vprec_nat_rule_set_vnet(r, a.vnet);
    }
    write_nat_rules(tenant, r, NULL);
out:
    nat_args_destroy(&a);
}

/* nat-del TENANT TYPE EXTERNAL_IP [tcp|udp EXT_PORT] */
static void
cmd_nat_del(struct ctl_context *ctx)
{
    const struct vprec_tenant *tenant;
    struct nat_args a;

    if (!(tenant = nb_tenant(ctx, "tenant", ctx->argv[1],
                             !shash_find(&ctx->options, "--if-exists")))) {
        return;
    }
    if (parse_nat_args(ctx, false, &a)) {
        for (size_t i = 0; i < tenant->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = tenant->nat_rules[i];
            if (!strcmp(r->type, a.type) && nat_same_external(r, &a)) {
                write_nat_rules(tenant, NULL, r);
                nat_args_destroy(&a);
                return;
            }
        }
        if (!shash_find(&ctx->options, "--if-exists")) {
            ctl_error(ctx, "tenant \"%s\" has no such %s rule",
                      tenant->name, a.type);
        }
    }
    nat_args_destroy(&a);
}

static void
format_fw(struct ds *s, const struct vprec_port *p,
          const struct vprec_firewall_rule *r)
{
    ds_put_format(s, "firewall %s %s %s %s", p->vnet->name, p->mac,
                  r->direction, r->protocol);
    if (r->port_min) {
        ds_put_format(s, " ports=%"PRId64, r->port_min);
        if (r->port_max != r->port_min) {
            ds_put_format(s, "-%"PRId64, r->port_max);
        }
    }
    ds_put_format(s, " remote=%s", r->remote_prefix);
    if (r->n_dscp) {
        ds_put_format(s, " dscp=%"PRId64, r->dscp[0]);
    }
    ds_put_char(s, '\n');
}

static void
format_nat(struct ds *s, const struct vprec_tenant *t,
           const struct vprec_nat_rule *r)
{
    ds_put_format(s, "nat %s %s %s", t->name, r->type, r->external_ip);
    if (r->protocol && r->n_external_port) {
        ds_put_format(s, " %s %"PRId64, r->protocol, r->external_port[0]);
    }
    if (r->internal_ip) {
        ds_put_format(s, " %s", r->internal_ip);
    }
    if (r->n_internal_port) {
        ds_put_format(s, " %"PRId64, r->internal_port[0]);
    }
    if (r->vnet) {
        ds_put_format(s, " vnet=%s", r->vnet->name);
    }
    ds_put_char(s, '\n');
}

/* service-list [TENANT]: one line per rule, sorted. */
static void
cmd_service_list(struct ctl_context *ctx)
{
    const struct vprec_tenant *only = NULL, *t;
    const struct vprec_port *p;
    struct sset lines = SSET_INITIALIZER(&lines);
    struct ds s = DS_EMPTY_INITIALIZER;

    if (ctx->argc > 1 && !(only = nb_tenant(ctx, "tenant", ctx->argv[1],
                                            true))) {
        return;
    }
    VPREC_PORT_FOR_EACH (p, ctx->idl) {
        if (only && p->vnet->tenant != only) {
            continue;
        }
        for (size_t i = 0; i < p->n_firewall_rules; i++) {
            ds_clear(&s);
            format_fw(&s, p, p->firewall_rules[i]);
            sset_add(&lines, ds_cstr(&s));
        }
    }
    VPREC_TENANT_FOR_EACH (t, ctx->idl) {
        if (only && t != only) {
            continue;
        }
        for (size_t i = 0; i < t->n_nat_rules; i++) {
            ds_clear(&s);
            format_nat(&s, t, t->nat_rules[i]);
            sset_add(&lines, ds_cstr(&s));
        }
    }
    const char **sorted = sset_sort(&lines);
    for (size_t i = 0; i < sset_count(&lines); i++) {
        ds_put_cstr(&ctx->output, sorted[i]);
    }
    free(sorted);
    sset_destroy(&lines);
    ds_destroy(&s);
}

static const struct ctl_command_syntax commands[] = {
    {"fw-add", 4, 7, "VNET MAC ingress|egress any|tcp|udp|icmp "
     "[ports=N[-M]] [remote=PREFIX/LEN] [dscp=N]", NULL, cmd_fw_add, NULL,
     "--may-exist", RW},
    {"fw-del", 4, 6, "VNET MAC ingress|egress any|tcp|udp|icmp "
     "[ports=N[-M]] [remote=PREFIX/LEN]", NULL, cmd_fw_del, NULL,
     "--if-exists", RW},
    {"nat-add", 3, 8, "TENANT snat|floating-ip|port-forward EXTERNAL_IP "
     "...", NULL, cmd_nat_add, NULL, "--may-exist", RW},
    {"nat-del", 3, 5, "TENANT TYPE EXTERNAL_IP [tcp|udp PORT]", NULL,
     cmd_nat_del, NULL, "--if-exists", RW},
    {"service-list", 0, 1, "[TENANT]", NULL, cmd_service_list, NULL, "",
     RO},
    {NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, RO},
};

void
nbctl_register_services(void)
{
    ctl_register_commands(commands);
}
