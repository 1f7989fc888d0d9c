/* utilities/nbctl-vnets.c: VNets, their subnets and their VM ports in the
 * controller's database (see nbctl.h; docs/controller.md).  Tenants, routes,
 * hosts and deployment settings are nbctl-cmds.c's, as are the table and
 * argument helpers used here (nbctl-private.h). */
#include <config.h>
#include "nbctl.h"
#include "nbctl-private.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/nb-check.h"
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "sset.h"
#include "table.h"
#include "util.h"
#include "vplane/tables-config.h"

static void
strings_cell(struct table *t, char **strings, size_t n)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    for (size_t i = 0; i < n; i++) {
        ds_put_format(&s, "%s%s", i ? "," : "", strings[i]);
    }
    nbctl_cell(t, "%s", n ? ds_cstr(&s) : "-");
    ds_destroy(&s);
}

/* VNets and subnets. */

static char *
canonical_subnet(struct ctl_context *ctx, const char *s)
{
    struct ds out = DS_EMPTY_INITIALIZER;
    struct vp_subnet sn;

    if (nb_failed(ctx, vp_parse_subnet("subnet", s, &sn))) {
        return NULL;
    }
    vp_format_subnet(&sn, &out);
    return ds_steal_cstr(&out);
}

/* vnet-add [--may-exist] VNET VNI TENANT [GATEWAY/PLEN]... [gateway-mac=MAC]
 */
static void
cmd_vnet_add(struct ctl_context *ctx)
{
    const char *name = ctx->argv[1];
    const struct vprec_tenant *tenant;
    const struct vprec_vnet *v;
    struct sset subnets = SSET_INITIALIZER(&subnets);
    char *gw_mac = NULL;
    uint32_t vni;

    if (nb_failed(ctx, vp_parse_name("vnet", name))
        || nb_failed(ctx, vp_parse_vni("vni", ctx->argv[2], &vni))
        || !(tenant = nb_tenant(ctx, "tenant", ctx->argv[3], true))) {
        return;
    }
    for (int i = 4; i < ctx->argc; i++) {
        const char *mac = nbctl_keyword(ctx->argv[i], "gateway-mac");
        if (mac) {
            free(gw_mac);
            if (!(gw_mac = nb_canonical_mac(ctx, "gateway-mac", mac))) {
                goto out;
            }
        } else {
            char *sn = canonical_subnet(ctx, ctx->argv[i]);
            if (!sn) {
                goto out;
            }
            sset_add_and_free(&subnets, sn);
        }
    }

    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        if (v->vni == vni && strcmp(v->name, name)) {
            ctl_error(ctx, "vni: %"PRIu32" is in use by VNet \"%s\"", vni,
                      v->name);
            goto out;
        }
    }
    v = nb_vnet(ctx, "vnet", name, false);
    if (v) {
        if (!nbctl_has_option(ctx, "--may-exist")) {
            ctl_error(ctx, "vnet: \"%s\" exists (use --may-exist to change "
                      "its subnets or gateway MAC)", name);
            goto out;
        } else if (v->vni != vni || v->tenant != tenant) {
            ctl_error(ctx, "vnet: \"%s\" exists with VNI %"PRId64" in tenant "
                      "\"%s\"", name, v->vni, v->tenant->name);
            goto out;
        }
        /* --may-exist: the subnets and gateway MAC given replace the
         * VNet's (none given: kept). */
    } else {
        struct vprec_vnet *nv = vprec_vnet_insert(ctx->txn);
        vprec_vnet_set_name(nv, name);
        vprec_vnet_set_vni(nv, vni);
        vprec_vnet_set_tenant(nv, tenant);
        v = nv;
    }
    if (!sset_is_empty(&subnets) || !v->n_subnets) {
        const char **array = sset_array(&subnets);
        vprec_vnet_set_subnets(v, array, sset_count(&subnets));
        free(array);
    }
    if (gw_mac) {
        vprec_vnet_set_gateway_mac(v, gw_mac);
    }
out:
    sset_destroy(&subnets);
    free(gw_mac);
}

static void
cmd_vnet_del(struct ctl_context *ctx)
{
    const struct vprec_vnet *v;
    const struct vprec_port *p;
    size_t n_ports = 0;

    v = nb_vnet(ctx, "vnet", ctx->argv[1],
                !nbctl_has_option(ctx, "--if-exists"));
    if (!v) {
        return;
    }
    VPREC_PORT_FOR_EACH (p, ctx->idl) {
        n_ports += p->vnet == v;
    }
    if (n_ports) {
        ctl_error(ctx, "vnet: \"%s\" still has %"PRIuSIZE" ports (port-del "
                  "them first)", v->name, n_ports);
        return;
    }
    /* A NAT rule limited to the VNet would silently apply to the whole
     * tenant once the VNet is gone (its reference is weak). */
    for (size_t i = 0; i < v->tenant->n_nat_rules; i++) {
        const struct vprec_nat_rule *r = v->tenant->nat_rules[i];
        if (r->vnet == v) {
            ctl_error(ctx, "vnet: \"%s\" is named by the %s rule for %s "
                      "(nat-del it first)", v->name, r->type,
                      r->external_ip);
            return;
        }
    }
    nbctl_delete(&v->header_);
}

static void
cmd_vnet_list(struct ctl_context *ctx)
{
    static const char *const headings[] = { "VNET", "VNI", "TENANT",
                                            "SUBNETS", "GATEWAY_MAC",
                                            "PORTS" };
    struct table *t = nbctl_new_table(ctx, headings, ARRAY_SIZE(headings));
    const struct vprec_tenant *tenant = NULL;
    const struct vprec_vnet *v;

    if (ctx->argc > 1 && !(tenant = nb_tenant(ctx, "tenant", ctx->argv[1],
                                              true))) {
        return;
    }
    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        const struct vprec_port *p;
        size_t n_ports = 0;

        if (tenant && v->tenant != tenant) {
            continue;
        }
        VPREC_PORT_FOR_EACH (p, ctx->idl) {
            n_ports += p->vnet == v;
        }
        table_add_row(t);
        nbctl_cell(t, "%s", v->name);
        nbctl_cell(t, "%"PRId64, v->vni);
        nbctl_cell(t, "%s", v->tenant->name);
        strings_cell(t, v->subnets, v->n_subnets);
        nbctl_cell(t, "%s", v->gateway_mac ? v->gateway_mac : "default");
        nbctl_cell(t, "%"PRIuSIZE, n_ports);
    }
    nbctl_sort_rows(t);
}

/* Writes 'v''s subnets with 'add' added or 'del' removed.  The whole
 * column is written, not a set mutation: mutations reach the IDL only at
 * commit, so the whole-state check and later commands would not see them. */
static void
write_subnets(const struct vprec_vnet *v, const char *add, const char *del)
{
    const char **subnets = xmalloc((v->n_subnets + 1) * sizeof *subnets);
    size_t n = 0;

    for (size_t i = 0; i < v->n_subnets; i++) {
        if (!del || strcmp(v->subnets[i], del)) {
            subnets[n++] = v->subnets[i];
        }
    }
    if (add) {
        subnets[n++] = add;
    }
    vprec_vnet_set_subnets(v, subnets, n);
    free(subnets);
}

static bool
vnet_has_subnet(const struct vprec_vnet *v, const char *sn)
{
    for (size_t i = 0; i < v->n_subnets; i++) {
        if (!strcmp(v->subnets[i], sn)) {
            return true;
        }
    }
    return false;
}

static void
cmd_subnet_add(struct ctl_context *ctx)
{
    const struct vprec_vnet *v = nb_vnet(ctx, "vnet", ctx->argv[1], true);
    char *sn;

    if (!v || !(sn = canonical_subnet(ctx, ctx->argv[2]))) {
        return;
    }
    if (!vnet_has_subnet(v, sn)) {
        write_subnets(v, sn, NULL);
    } else if (!nbctl_has_option(ctx, "--may-exist")) {
        ctl_error(ctx, "subnet: VNet \"%s\" already has %s", v->name, sn);
    }
    free(sn);
}

static void
cmd_subnet_del(struct ctl_context *ctx)
{
    bool if_exists = nbctl_has_option(ctx, "--if-exists");
    const struct vprec_vnet *v = nb_vnet(ctx, "vnet", ctx->argv[1],
                                         !if_exists);
    char *sn;

    if (!v || !(sn = canonical_subnet(ctx, ctx->argv[2]))) {
        return;
    }
    if (vnet_has_subnet(v, sn)) {
        write_subnets(v, NULL, sn);
    } else if (!if_exists) {
        ctl_error(ctx, "subnet: VNet \"%s\" has no subnet %s", v->name, sn);
    }
    free(sn);
}

/* VM ports. */

struct port_args {
    struct sset ips;
    bool set_ips;
    const struct vprec_host *host;
    bool set_host;
    char *iface;
    char *vtep;
    bool set_vtep;
    struct sset allowed;
    bool set_allowed;
    const char *vm;
};

static void
port_args_destroy(struct port_args *a)
{
    sset_destroy(&a->ips);
    sset_destroy(&a->allowed);
    free(a->iface);
    free(a->vtep);
}

static bool
parse_port_args(struct ctl_context *ctx, int first, struct port_args *a)
{
    memset(a, 0, sizeof *a);
    sset_init(&a->ips);
    sset_init(&a->allowed);
    for (int i = first; i < ctx->argc; i++) {
        const char *arg = ctx->argv[i], *v;
        struct vp_prefix prefix;

        if ((v = nbctl_keyword(arg, "host"))) {
            a->set_host = true;
            if (*v && !(a->host = nb_host(ctx, "host", v, true))) {
                return false;
            }
        } else if ((v = nbctl_keyword(arg, "iface"))) {
            if (*v && nb_failed(ctx, vp_parse_new_ifname("iface", v))) {
                return false;
            }
            free(a->iface);
            a->iface = xstrdup(v);
        } else if ((v = nbctl_keyword(arg, "vtep"))) {
            a->set_vtep = true;
            free(a->vtep);
            a->vtep = NULL;
            if (*v && !(a->vtep = nb_canonical_ip(ctx, "vtep", v))) {
                return false;
            }
        } else if ((v = nbctl_keyword(arg, "allow"))) {
            a->set_allowed = true;
            if (nb_failed(ctx, vp_parse_allowed("allow", v, &prefix))) {
                return false;
            }
            sset_add_and_free(&a->allowed,
                              xasprintf(IP_FMT"/%u", IP_ARGS(prefix.prefix),
                                        prefix.plen));
        } else if ((v = nbctl_keyword(arg, "vm"))) {
            if (nb_failed(ctx, vp_parse_name("vm", v))) {
                return false;
            }
            a->vm = v;
        } else if (strchr(arg, '=')) {
            ctl_error(ctx, "\"%s\": unknown keyword (host=, iface=, vtep=, "
                      "allow=, vm=)", arg);
            return false;
        } else {
            char *ip = nb_canonical_ip(ctx, "ips", arg);
            if (!ip) {
                return false;
            }
            a->set_ips = true;
            sset_add_and_free(&a->ips, ip);
        }
    }
    if (a->host && a->vtep) {
        ctl_error(ctx, "vtep: a port is on a host (host=) or at a VTEP "
                  "(vtep=), not both");
        return false;
    }
    return true;
}

/* port-add [--may-exist] VNET MAC [IP]... [host=HOST] [iface=NAME]
 *          [vtep=IP] [allow=PREFIX/LEN]... [vm=ID] */
static void
cmd_port_add(struct ctl_context *ctx)
{
    const struct vprec_vnet *v = nb_vnet(ctx, "vnet", ctx->argv[1], true);
    struct port_args a;
    char *mac;

    if (!v || !(mac = nb_canonical_mac(ctx, "mac", ctx->argv[2]))) {
        return;
    }
    if (!parse_port_args(ctx, 3, &a)) {
        goto out;
    }

    const struct vprec_port *p = nb_port(ctx, v, mac);
    if (p && !nbctl_has_option(ctx, "--may-exist")) {
        ctl_error(ctx, "mac: %s is already a port of VNet \"%s\" (use "
                  "--may-exist to change it)", mac, v->name);
        goto out;
    }
    if (a.iface && *a.iface && !a.host && (a.set_host || !p || !p->host)) {
        ctl_error(ctx, "iface: an interface name needs host=");
        goto out;
    }
    const char *ip;
    SSET_FOR_EACH (ip, &a.ips) {
        if (nb_failed(ctx, nb_check_vm_ip(v, ip))) {
            goto out;
        }
        const struct vprec_port *other = nb_port_by_ip(ctx, v, ip, p, NULL);
        if (other) {
            ctl_error(ctx, "ips: %s is already port %s's in VNet \"%s\"",
                      ip, other->mac, v->name);
            goto out;
        }
    }

    if (!p) {
        struct vprec_port *np = vprec_port_insert(ctx->txn);
        vprec_port_set_vnet(np, v);
        vprec_port_set_mac(np, mac);
        vprec_port_set_name(np, "");
        p = np;
    }
    if (a.set_ips || !p->n_ips) {
        const char **array = sset_array(&a.ips);
        vprec_port_set_ips(p, array, sset_count(&a.ips));
        free(array);
    }
    if (a.set_allowed) {
        const char **array = sset_array(&a.allowed);
        vprec_port_set_allowed_sources(p, array, sset_count(&a.allowed));
        free(array);
    }
    if (a.set_host) {
        vprec_port_set_host(p, a.host);
        if (a.host) {
            vprec_port_set_vtep(p, NULL);
        }
    }
    if (a.set_vtep) {
        vprec_port_set_vtep(p, a.vtep);
        if (a.vtep) {
            vprec_port_set_host(p, NULL);
            vprec_port_set_name(p, "");
        }
    }
    if (a.iface) {
        vprec_port_set_name(p, a.iface);
    } else if (a.set_host && !a.host) {
        vprec_port_set_name(p, "");
    }
    if (a.vm) {
        vprec_port_set_vm_id(p, a.vm);
    }
out:
    port_args_destroy(&a);
    free(mac);
}

static void
cmd_port_del(struct ctl_context *ctx)
{
    bool must_exist = !nbctl_has_option(ctx, "--if-exists");
    const struct vprec_vnet *v = nb_vnet(ctx, "vnet", ctx->argv[1],
                                         must_exist);
    const struct vprec_port *p;
    char *mac;

    if (!v || !(mac = nb_canonical_mac(ctx, "mac", ctx->argv[2]))) {
        return;
    }
    p = nb_port(ctx, v, mac);
    if (p) {
        nbctl_delete(&p->header_);
    } else if (!nbctl_has_option(ctx, "--if-exists")) {
        ctl_error(ctx, "mac: VNet \"%s\" has no port %s", v->name, mac);
    }
    free(mac);
}

static void
cmd_port_list(struct ctl_context *ctx)
{
    static const char *const headings[] = { "VNET", "MAC", "IPS", "HOST",
                                            "IFACE", "VTEP", "UP", "VM" };
    const struct vprec_vnet *vnet = NULL;
    const struct vprec_port *p;

    if (ctx->argc > 1 && !(vnet = nb_vnet(ctx, "vnet", ctx->argv[1],
                                          true))) {
        return;
    }
    struct table *t = nbctl_new_table(ctx, headings, ARRAY_SIZE(headings));
    VPREC_PORT_FOR_EACH (p, ctx->idl) {
        if (vnet && p->vnet != vnet) {
            continue;
        }
        table_add_row(t);
        nbctl_cell(t, "%s", p->vnet->name);
        nbctl_cell(t, "%s", p->mac);
        strings_cell(t, p->ips, p->n_ips);
        nbctl_cell(t, "%s", p->host ? p->host->name : "-");
        nbctl_cell(t, "%s", p->name[0] ? p->name : "-");
        nbctl_cell(t, "%s", p->host ? p->host->vtep : p->vtep ? p->vtep : "-");
        nbctl_cell(t, "%s", p->up ? "yes" : "no");
        nbctl_cell(t, "%s", p->vm_id ? p->vm_id : "-");
    }
    nbctl_sort_rows(t);
}

static const struct ctl_command_syntax commands[] = {
    {"vnet-add", 3, INT_MAX, "VNET VNI TENANT [GATEWAY/PLEN]... "
     "[gateway-mac=MAC]", NULL, cmd_vnet_add, NULL, "--may-exist", RW},
    {"vnet-del", 1, 1, "VNET", NULL, cmd_vnet_del, NULL, "--if-exists", RW},
    {"vnet-list", 0, 1, "[TENANT]", NULL, cmd_vnet_list, NULL, "", RO},
    {"subnet-add", 2, 2, "VNET GATEWAY/PLEN", NULL, cmd_subnet_add, NULL,
     "--may-exist", RW},
    {"subnet-del", 2, 2, "VNET GATEWAY/PLEN", NULL, cmd_subnet_del, NULL,
     "--if-exists", RW},
    {"port-add", 2, INT_MAX, "VNET MAC [IP]... [host=HOST] [iface=NAME] "
     "[vtep=IP] [allow=PREFIX/LEN]... [vm=ID]", NULL, cmd_port_add, NULL,
     "--may-exist", RW},
    {"port-del", 2, 2, "VNET MAC", NULL, cmd_port_del, NULL, "--if-exists",
     RW},
    {"port-list", 0, 1, "[VNET]", NULL, cmd_port_list, NULL, "", RO},
    {NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, RO},
};

void
nbctl_register_vnets(void)
{
    ctl_register_commands(commands);
}
