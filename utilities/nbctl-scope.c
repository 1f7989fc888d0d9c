/* utilities/nbctl-scope.c: the rows a one-shot vplane-ctl asks the server
 * for (see nbctl-scope.h).
 *
 * The commands' arguments give seeds (names, a VNI, a MAC, a VTEP).  From
 * the rows loaded so far, scope_want() derives every clause the checks
 * need; they only grow as rows arrive, and the view is complete when a
 * pass asks for nothing new and the server has acknowledged the last
 * conditions.  The parts follow what nb_check_scope() checks for the
 * transaction (ctrl/nb-check-scope.c):
 *   - the part of each tenant touched: the tenant, its VNets, all their
 *     ports (with their firewall rules), its routes and NAT rules;
 *   - the part of each host a port is placed on or leaves: all its ports;
 *   - for every port loaded, its VNet (the checks resolve references
 *     and call a dangling one an error);
 *   - every tenant and host (nb_check_scope() checks all their names).
 * Rows outside those parts are absent from the view, so a check over "all
 * rows" sees a subset of them; the rules that compare rows across parts
 * (VNet names and VNIs, host names and VTEPs, a port's MAC in its VNet)
 * are the schema's unique indexes, and the named rows they concern are
 * seeds.  This file validates nothing the commands do not: a seed that
 * does not parse is left out, and the command then fails on it itself. */
#include <config.h>
#include "nbctl-scope.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "ovsdb-idl-provider.h"
#include "packets.h"
#include "sset.h"
#include "util.h"
#include "uuidset.h"
#include "vplane/tables-config.h"

struct nbctl_scope {
    /* Seeds. */
    struct sset vnets;          /* VNet names (the row only). */
    struct sset part_vnets;     /* VNet names: their tenant's part too. */
    struct sset tenants;        /* Tenant names: their part. */
    struct sset hosts;          /* Host names: their part. */
    struct sset vteps;          /* Host VTEPs (the rows only). */
    struct sset vnis;           /* VNet VNIs (the rows only). */
    struct sset macs;           /* Port MACs (the rows only). */
    struct sset moves;          /* "VNET MAC": that port's host's part. */

    /* Asked for: per table, its clauses as "COLUMN=VALUE". */
    struct sset asked[VPREC_N_TABLES];
    unsigned int cond_seqno;    /* Reached once the server has them. */
    int n_requests;             /* Rounds of conditions sent. */
};

/* The rows' own uuid, which the IDL has no column for. */
static const struct ovsdb_idl_column uuid_column = {
    .name = (char *) "_uuid",
    .type = OVSDB_TYPE_SCALAR_INITIALIZER(OVSDB_BASE_UUID_INIT),
};

static void
add_name(struct sset *set, const char *name)
{
    char *error = vp_parse_name("name", name);
    if (error) {
        free(error);
    } else {
        sset_add(set, name);
    }
}

/* The canonical spelling of MAC 's' (as the database holds it), or NULL. */
static char *
canonical_mac(const char *s)
{
    struct eth_addr mac;
    char *error = vp_parse_vm_mac("mac", s, &mac);

    if (error) {
        free(error);
        return NULL;
    }
    return xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(mac));
}

static const char *
keyword(const char *arg, const char *key)
{
    size_t n = strlen(key);
    return !strncmp(arg, key, n) && arg[n] == '=' ? arg + n + 1 : NULL;
}

/* port-add VNET MAC [IP]... [host=HOST] [vtep=IP] ...: the VNet's tenant's
 * part, the host's, and that of the host the port is on now (if it
 * exists). */
static void
seed_port_add(struct nbctl_scope *s, int argc, char *argv[])
{
    char *mac = canonical_mac(argv[2]);
    const char *v;
    ovs_be32 ip;

    add_name(&s->part_vnets, argv[1]);
    if (mac) {
        sset_add_and_free(&s->moves, xasprintf("%s %s", argv[1], mac));
        free(mac);
    }
    for (int i = 3; i < argc; i++) {
        if ((v = keyword(argv[i], "host"))) {
            add_name(&s->hosts, v);
        } else if ((v = keyword(argv[i], "vtep")) && ip_parse(v, &ip)) {
            sset_add_and_free(&s->vteps, xasprintf(IP_FMT, IP_ARGS(ip)));
        }
    }
}

/* port-del VNET MAC: the VNet and the port; a deletion takes nothing from
 * the checks of what remains (nb-check-scope.c). */
static void
seed_port_del(struct nbctl_scope *s, int argc OVS_UNUSED, char *argv[])
{
    char *mac = canonical_mac(argv[2]);

    add_name(&s->vnets, argv[1]);
    if (mac) {
        sset_add_and_free(&s->macs, mac);
    }
}

/* vnet-add VNET VNI TENANT ...: the tenant's part, the VNet named (and its
 * tenant's part, if it exists elsewhere) and whatever holds the VNI. */
static void
seed_vnet_add(struct nbctl_scope *s, int argc OVS_UNUSED, char *argv[])
{
    unsigned int vni;

    add_name(&s->part_vnets, argv[1]);
    if (str_to_uint(argv[2], 10, &vni)) {
        sset_add_and_free(&s->vnis, xasprintf("%u", vni));
    }
    add_name(&s->tenants, argv[3]);
}

/* vnet-del VNET, subnet-add|subnet-del VNET SUBNET: the VNet's tenant's
 * part. */
static void
seed_vnet(struct nbctl_scope *s, int argc OVS_UNUSED, char *argv[])
{
    add_name(&s->part_vnets, argv[1]);
}

/* route-add|route-del|tenant-add TENANT ...: the tenant's part. */
static void
seed_tenant(struct nbctl_scope *s, int argc OVS_UNUSED, char *argv[])
{
    add_name(&s->tenants, argv[1]);
}

static const struct {
    const char *name;
    void (*seed)(struct nbctl_scope *, int argc, char *argv[]);
} scoped_commands[] = {
    { "port-add", seed_port_add },
    { "port-del", seed_port_del },
    { "vnet-add", seed_vnet_add },
    { "vnet-del", seed_vnet },
    { "subnet-add", seed_vnet },
    { "subnet-del", seed_vnet },
    { "route-add", seed_tenant },
    { "route-del", seed_tenant },
    { "tenant-add", seed_tenant },
};

static bool
seed(struct nbctl_scope *s, const struct ctl_command *c)
{
    for (size_t i = 0; i < ARRAY_SIZE(scoped_commands); i++) {
        if (!strcmp(c->argv[0], scoped_commands[i].name)) {
            /* db-ctl-base checked the number of arguments. */
            scoped_commands[i].seed(s, c->argc, c->argv);
            return true;
        }
    }
    return false;
}

static void
scope_free(struct nbctl_scope *s)
{
    sset_destroy(&s->vnets);
    sset_destroy(&s->part_vnets);
    sset_destroy(&s->tenants);
    sset_destroy(&s->hosts);
    sset_destroy(&s->vteps);
    sset_destroy(&s->vnis);
    sset_destroy(&s->macs);
    sset_destroy(&s->moves);
    for (size_t t = 0; t < VPREC_N_TABLES; t++) {
        sset_destroy(&s->asked[t]);
    }
    free(s);
}

struct nbctl_scope *
nbctl_scope_create(const struct ctl_command *commands, size_t n,
                   struct ovsdb_idl *idl)
{
    const char *env = getenv("VPLANE_CTL_SCOPE");
    struct nbctl_scope *s;

    if (env && !strcmp(env, "full")) {
        return NULL;
    }
    s = xzalloc(sizeof *s);
    sset_init(&s->vnets);
    sset_init(&s->part_vnets);
    sset_init(&s->tenants);
    sset_init(&s->hosts);
    sset_init(&s->vteps);
    sset_init(&s->vnis);
    sset_init(&s->macs);
    sset_init(&s->moves);
    for (size_t t = 0; t < VPREC_N_TABLES; t++) {
        sset_init(&s->asked[t]);
    }
    for (size_t i = 0; i < n; i++) {
        if (!seed(s, &commands[i])) {
            scope_free(s);
            return NULL;
        }
    }
    /* Before the connection: the first monitor request already carries
     * the seeds' conditions, so nothing else is sent the whole database. */
    nbctl_scope_ready(s, idl);
    /* Conditions set before the connection go with its monitor request,
     * which does not count as a condition change (ovsdb-cs.c): the
     * contents that request brings are the answer. */
    s->cond_seqno = ovsdb_idl_get_condition_seqno(idl);
    return s;
}

void
nbctl_scope_destroy(struct nbctl_scope *s)
{
    if (s) {
        scope_free(s);
    }
}

static void
want(struct sset *want, enum vprec_table_id t, const char *column,
     const char *value)
{
    sset_add_and_free(&want[t], xasprintf("%s=%s", column, value));
}

static void
want_uuid(struct sset *want, enum vprec_table_id t, const char *column,
          const struct uuid *uuid)
{
    if (uuid) {
        sset_add_and_free(&want[t], xasprintf("%s="UUID_FMT, column,
                                              UUID_ARGS(uuid)));
    }
}

static void
want_all(struct sset *want_, enum vprec_table_id t, const char *column,
         const struct sset *values)
{
    const char *value;

    SSET_FOR_EACH (value, values) {
        want(want_, t, column, value);
    }
}

/* The uuid a reference datum holds, or NULL. */
static const struct uuid *
ref(const struct ovsdb_datum *d)
{
    return d->n ? &d->keys[0].uuid : NULL;
}

static void
add_uuid(struct uuidset *set, const struct uuid *uuid)
{
    if (uuid && !uuidset_find(set, uuid)) {
        uuidset_insert(set, uuid);
    }
}

/* Every clause the seeds and the rows in 'idl' call for, into 'w'. */
static void
scope_want(const struct nbctl_scope *s, const struct ovsdb_idl *idl,
           struct sset *w)
{
    struct uuidset tenants = UUIDSET_INITIALIZER(&tenants);
    struct uuidset vnets = UUIDSET_INITIALIZER(&vnets);
    struct uuidset hosts = UUIDSET_INITIALIZER(&hosts);
    const struct vprec_tenant *t;
    const struct vprec_vnet *v;
    const struct vprec_host *h;
    const struct vprec_port *p;
    struct uuidset_node *un;

    want_all(w, VPREC_TABLE_VNET, "name", &s->vnets);
    want_all(w, VPREC_TABLE_VNET, "name", &s->part_vnets);
    want_all(w, VPREC_TABLE_VNET, "vni", &s->vnis);
    want_all(w, VPREC_TABLE_TENANT, "name", &s->tenants);
    want_all(w, VPREC_TABLE_HOST, "name", &s->hosts);
    want_all(w, VPREC_TABLE_HOST, "vtep", &s->vteps);
    want_all(w, VPREC_TABLE_PORT, "mac", &s->macs);

    /* The parts: tenants and hosts named, directly or through a VNet or
     * a port. */
    VPREC_TENANT_FOR_EACH (t, idl) {
        if (sset_contains(&s->tenants, t->name)) {
            add_uuid(&tenants, &t->header_.uuid);
        }
    }
    VPREC_VNET_FOR_EACH (v, idl) {
        if (sset_contains(&s->part_vnets, v->name)) {
            add_uuid(&tenants, ref(vprec_vnet_get_tenant(v,
                                                         OVSDB_TYPE_UUID)));
        }
    }
    VPREC_HOST_FOR_EACH (h, idl) {
        if (sset_contains(&s->hosts, h->name)) {
            add_uuid(&hosts, &h->header_.uuid);
        }
    }
    UUIDSET_FOR_EACH (un, &tenants) {
        want_uuid(w, VPREC_TABLE_TENANT, "_uuid", &un->uuid);
        want_uuid(w, VPREC_TABLE_VNET, "tenant", &un->uuid);
        want_uuid(w, VPREC_TABLE_ROUTE, "tenant", &un->uuid);
        /* (A row only referred to so far is in the IDL without data.) */
        t = vprec_tenant_get_for_uuid(idl, &un->uuid);
        if (t && t->header_.old_datum) {
            const struct ovsdb_datum *d = vprec_tenant_get_nat_rules(
                t, OVSDB_TYPE_UUID);
            for (size_t i = 0; i < d->n; i++) {
                want_uuid(w, VPREC_TABLE_NAT_RULE, "_uuid",
                          &d->keys[i].uuid);
            }
        }
    }
    VPREC_VNET_FOR_EACH (v, idl) {
        const struct uuid *tenant = ref(vprec_vnet_get_tenant(
                                            v, OVSDB_TYPE_UUID));
        want_uuid(w, VPREC_TABLE_TENANT, "_uuid", tenant);
        if (tenant && uuidset_find(&tenants, tenant)) {
            add_uuid(&vnets, &v->header_.uuid);
            want_uuid(w, VPREC_TABLE_PORT, "vnet", &v->header_.uuid);
        }
    }
    VPREC_PORT_FOR_EACH (p, idl) {
        const struct uuid *vnet = ref(vprec_port_get_vnet(p,
                                                          OVSDB_TYPE_UUID));
        const struct uuid *host = ref(vprec_port_get_host(p,
                                                          OVSDB_TYPE_UUID));
        want_uuid(w, VPREC_TABLE_VNET, "_uuid", vnet);
        want_uuid(w, VPREC_TABLE_HOST, "_uuid", host);
        if (vnet && uuidset_find(&vnets, vnet)) {
            const struct ovsdb_datum *d = vprec_port_get_firewall_rules(
                p, OVSDB_TYPE_UUID);
            for (size_t i = 0; i < d->n; i++) {
                want_uuid(w, VPREC_TABLE_FIREWALL_RULE, "_uuid",
                          &d->keys[i].uuid);
            }
        }
        if (p->vnet && host) {
            char *key = xasprintf("%s %s", p->vnet->name, p->mac);
            if (sset_contains(&s->moves, key)) {
                add_uuid(&hosts, host);
            }
            free(key);
        }
    }
    UUIDSET_FOR_EACH (un, &hosts) {
        want_uuid(w, VPREC_TABLE_PORT, "host", &un->uuid);
    }
    uuidset_destroy(&tenants);
    uuidset_destroy(&vnets);
    uuidset_destroy(&hosts);
}

static const struct ovsdb_idl_column *
find_column(const struct ovsdb_idl_table_class *tc, const char *name)
{
    if (!strcmp(name, "_uuid")) {
        return &uuid_column;
    }
    for (size_t i = 0; i < tc->n_columns; i++) {
        if (!strcmp(tc->columns[i].name, name)) {
            return &tc->columns[i];
        }
    }
    OVS_NOT_REACHED();
}

/* Sets 'tc''s condition to the clauses in 'clauses'. */
static unsigned int
set_condition(struct ovsdb_idl *idl, const struct ovsdb_idl_table_class *tc,
              const struct sset *clauses)
{
    struct ovsdb_idl_condition cond = OVSDB_IDL_CONDITION_INIT(&cond);
    const char *clause;

    SSET_FOR_EACH (clause, clauses) {
        const char *eq = strchr(clause, '=');
        char *name = xmemdup0(clause, eq - clause);
        const struct ovsdb_idl_column *column = find_column(tc, name);
        /* One atom, the whole value (a datum's syntax would split a MAC
         * at its colons). */
        union ovsdb_atom atom;
        char *error = ovsdb_atom_from_string(&atom, NULL, &column->type.key,
                                             eq + 1, NULL);
        if (error) {
            free(error);        /* The command will not find the row. */
        } else {
            struct ovsdb_datum arg;
            ovsdb_datum_init_empty(&arg);
            ovsdb_datum_add_unsafe(&arg, &atom, NULL, &column->type, NULL);
            ovsdb_idl_condition_add_clause(&cond, OVSDB_F_EQ, column, &arg);
            ovsdb_datum_destroy(&arg, &column->type);
            ovsdb_atom_destroy(&atom, column->type.key.type);
        }
        free(name);
    }
    unsigned int seqno = ovsdb_idl_set_condition(idl, tc, &cond);
    ovsdb_idl_condition_destroy(&cond);
    return seqno;
}

/* The tables loaded whole: the Deployment row, and every tenant and host,
 * since nb_check_scope() checks all their names and VTEPs (a tenant
 * renamed around vplane-ctl makes the database inconsistent for every
 * change, tests/system/ctrl-nb.sh).  They are few and small beside the
 * ports. */
static bool
whole_table(size_t t)
{
    return (t == VPREC_TABLE_DEPLOYMENT || t == VPREC_TABLE_TENANT
            || t == VPREC_TABLE_HOST);
}

bool
nbctl_scope_ready(struct nbctl_scope *s, struct ovsdb_idl *idl)
{
    struct sset w[VPREC_N_TABLES];
    bool asked = false;

    for (size_t t = 0; t < VPREC_N_TABLES; t++) {
        sset_init(&w[t]);
    }
    scope_want(s, idl, w);
    for (size_t t = 0; t < VPREC_N_TABLES; t++) {
        if (!whole_table(t) && (!s->n_requests
                                            || !sset_equals(&w[t],
                                                            &s->asked[t]))) {
            s->cond_seqno = set_condition(idl, &vprec_table_classes[t],
                                          &w[t]);
            sset_swap(&w[t], &s->asked[t]);
            asked = true;
        }
        sset_destroy(&w[t]);
    }
    s->n_requests += asked;
    /* Each acknowledged change counts one (a reconnection may send again
     * one that was in flight, and count it then). */
    return !asked && (int) (ovsdb_idl_get_condition_seqno(idl)
                            - s->cond_seqno) >= 0;
}

void
nbctl_scope_trace(const struct nbctl_scope *s, const struct ovsdb_idl *idl,
                  struct ds *out)
{
    ds_put_format(out, "scope: %d requests;", s->n_requests);
    for (size_t t = 0; t < VPREC_N_TABLES; t++) {
        const struct ovsdb_idl_table_class *tc = &vprec_table_classes[t];
        const struct ovsdb_idl_row *row;
        size_t n = 0;

        for (row = ovsdb_idl_first_row(idl, tc); row;
             row = ovsdb_idl_next_row(row)) {
            n++;
        }
        ds_put_format(out, " %s %"PRIuSIZE, tc->name, n);
    }
}
