/* utilities/nbctl.c: running the northbound commands (see nbctl.h). */
#include <config.h>
#include "nbctl.h"
#include "nbctl-scope.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ctrl/nb-check.h"
#include "ctrl/vplane-idl.h"
#include "db-ctl-base.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "packets.h"
#include "table.h"
#include "timeval.h"
#include "util.h"
#include "vplane/tables-config.h"

VLOG_DEFINE_THIS_MODULE(nbctl);

/* Rows the generic commands (get, set, list, ...) can name by a column. */
static const struct ctl_table_class tables[VPREC_N_TABLES] = {
    [VPREC_TABLE_HOST].row_ids[0] = { &vprec_host_col_name, NULL, NULL },
    [VPREC_TABLE_TENANT].row_ids[0] = { &vprec_tenant_col_name, NULL, NULL },
    [VPREC_TABLE_VNET].row_ids[0] = { &vprec_vnet_col_name, NULL, NULL },
};

void
nbctl_init(void)
{
    ctl_init__(&vprec_idl_class, tables, NULL, NULL);
    nbctl_register_cmds();
    nbctl_register_vnets();
    nbctl_register_services();
    nbctl_register_xlate();
}

/* Lookups. */

bool
nb_failed(struct ctl_context *ctx, char *error)
{
    if (error) {
        ctl_error(ctx, "%s", error);
        free(error);
        return true;
    }
    return false;
}

const struct vprec_tenant *
nb_tenant(struct ctl_context *ctx, const char *field, const char *name,
          bool must_exist)
{
    const struct vprec_tenant *t;

    VPREC_TENANT_FOR_EACH (t, ctx->idl) {
        if (!strcmp(t->name, name)) {
            return t;
        }
    }
    if (must_exist) {
        ctl_error(ctx, "%s: no tenant named \"%s\"", field, name);
    }
    return NULL;
}

const struct vprec_vnet *
nb_vnet(struct ctl_context *ctx, const char *field, const char *name,
        bool must_exist)
{
    const struct vprec_vnet *v;

    VPREC_VNET_FOR_EACH (v, ctx->idl) {
        if (!strcmp(v->name, name)) {
            return v;
        }
    }
    if (must_exist) {
        ctl_error(ctx, "%s: no VNet named \"%s\"", field, name);
    }
    return NULL;
}

const struct vprec_host *
nb_host(struct ctl_context *ctx, const char *field, const char *name,
        bool must_exist)
{
    const struct vprec_host *h;

    VPREC_HOST_FOR_EACH (h, ctx->idl) {
        if (!strcmp(h->name, name)) {
            return h;
        }
    }
    if (must_exist) {
        ctl_error(ctx, "%s: no host named \"%s\"", field, name);
    }
    return NULL;
}

/* Ports by VNet and by host, so that a command and the checks read the
 * ports of what they touch, not every port (nb-check.h).  Only the daemon
 * (nbctl-daemon.c) has them: a one-shot vplane-ctl would spend more
 * building them while loading the database than walking the ports. */
static struct ovsdb_idl_index *ports_by_vnet;
static struct ovsdb_idl_index *ports_by_host;

void
nbctl_create_indexes(struct ovsdb_idl *idl)
{
    ports_by_vnet = ovsdb_idl_index_create1(idl, &vprec_port_col_vnet);
    ports_by_host = ovsdb_idl_index_create1(idl, &vprec_port_col_host);
}

const struct vprec_port *
nb_port(struct ctl_context *ctx, const struct vprec_vnet *vnet,
        const char *mac)
{
    return nb_port_by_ip(ctx, vnet, NULL, NULL, mac);
}

static bool
port_matches(const struct vprec_port *p, const char *ip, const char *mac)
{
    if (!ip) {
        return !strcmp(p->mac, mac);
    }
    for (size_t i = 0; i < p->n_ips; i++) {
        if (!strcmp(p->ips[i], ip)) {
            return true;
        }
    }
    return false;
}

/* 'vnet''s port (other than 'except') with address 'ip', or (NULL 'ip')
 * with MAC 'mac'. */
const struct vprec_port *
nb_port_by_ip(struct ctl_context *ctx,
              const struct vprec_vnet *vnet, const char *ip,
              const struct vprec_port *except, const char *mac)
{
    const struct vprec_port *p, *found = NULL;

    if (!ports_by_vnet) {
        VPREC_PORT_FOR_EACH (p, ctx->idl) {
            if (p->vnet == vnet && p != except && port_matches(p, ip, mac)) {
                return p;
            }
        }
        return NULL;
    }
    struct vprec_port *key = vprec_port_index_init_row(ports_by_vnet);
    vprec_port_index_set_vnet(key, vnet);
    VPREC_PORT_FOR_EACH_EQUAL (p, key, ports_by_vnet) {
        if (p != except && port_matches(p, ip, mac)) {
            found = p;
            break;
        }
    }
    vprec_port_index_destroy_row(key);
    return found;
}

/* The Deployment row, created with the controller's defaults if the
 * database has none yet (a fresh database, before vplane-ctrl ran). */
const struct vprec_deployment *
nb_deployment(struct ctl_context *ctx)
{
    const struct vprec_deployment *d = vprec_deployment_first(ctx->idl);

    if (!d && ctx->txn) {
        struct vprec_deployment *nd = vprec_deployment_insert(ctx->txn);
        vprec_deployment_set_owner_rule(nd, "lower");
        vprec_deployment_set_query_mode(nd, "forward");
        vprec_deployment_set_n_subsets(nd, 64);
        vprec_deployment_set_grace_period(nd, 10);
        d = nd;
    }
    return d;
}

char *
nb_canonical_mac(struct ctl_context *ctx, const char *field, const char *s)
{
    struct eth_addr mac;

    if (nb_failed(ctx, vp_parse_vm_mac(field, s, &mac))) {
        return NULL;
    }
    return xasprintf(ETH_ADDR_FMT, ETH_ADDR_ARGS(mac));
}

char *
nb_canonical_ip(struct ctl_context *ctx, const char *field, const char *s)
{
    ovs_be32 ip;

    if (nb_failed(ctx, vp_parse_unicast_ip(field, s, &ip))) {
        return NULL;
    }
    return xasprintf(IP_FMT, IP_ARGS(ip));
}

bool
nb_parse_bool(struct ctl_context *ctx, const char *field, const char *s,
              bool *value)
{
    if (!strcmp(s, "true")) {
        *value = true;
    } else if (!strcmp(s, "false")) {
        *value = false;
    } else {
        ctl_error(ctx, "%s: \"%s\" must be true or false", field, s);
        return false;
    }
    return true;
}

/* Running. */

/* With VPLANE_CTL_CHECK_ALL=1 in the environment, the whole database is
 * checked too, and any disagreement is an error
 * (tests/system/ctl-check-scope.sh). */
static bool
check_all(void)
{
    const char *env = getenv("VPLANE_CTL_CHECK_ALL");
    return env && !strcmp(env, "1");
}

/* The checks of the parts the transaction touches: NULL, or the error
 * (the transaction is then aborted).  'whole_before': with check_all(),
 * the whole check of the database as committed (a part written around
 * vplane-ctl that the transaction does not touch fails the whole check
 * only: not a disagreement). */
static char *
check_txn(struct ovsdb_idl *idl, struct ovsdb_idl_txn *txn,
          struct nb_scope *scope, const char *whole_before)
{
    char *result = NULL;

    nb_scope_finish(scope, idl);
    char *error = nb_check_scope(idl, true, scope);
    if (check_all()) {
        char *whole = nb_check(idl, true);
        if (!error != !whole && !(whole && whole_before)) {
            result = xasprintf("check-all: the checks disagree: the parts "
                               "touched %s, the whole database %s",
                               error ? error : "pass",
                               whole ? whole : "passes");
        }
        free(whole);
    }
    if (!error && !result) {
        return NULL;
    }
    /* Undone, the IDL shows the database as committed: if that was already
     * inconsistent in the parts this change touches (written around
     * vplane-ctl), say so, or the error would blame this command for it. */
    ovsdb_idl_txn_abort(txn);
    char *before = result ? NULL : nb_check_scope(idl, false, scope);
    if (check_all() && !result) {
        char *whole = nb_check(idl, false);
        if (!before != !whole && !(whole && !before)) {
            result = xasprintf("check-all: the checks of the database before "
                               "this change disagree: the parts touched %s, "
                               "the whole database %s",
                               before ? before : "pass",
                               whole ? whole : "passes");
        }
        free(whole);
    }
    if (!result) {
        result = (before
                  ? xasprintf("the database is inconsistent (%s); only a "
                              "change that repairs it can go in (this one "
                              "leaves: %s)", before, error)
                  : xstrdup(error));
    }
    free(before);
    free(error);
    return result;
}

/* Runs the commands once: 0 (their output in 'out'), EAGAIN if the
 * transaction must be retried on a newer copy of the database, or EINVAL
 * with the error in '*errorp' (nothing committed). */
static int
run_once(struct ctl_command *commands, size_t n_commands,
         struct ovsdb_idl *idl, const char *args, bool dry_run,
         const struct table_style *style, struct ds *out, char **errorp)
{
    struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
    struct ovsdb_idl_txn *txn = ovsdb_idl_txn_create(idl);
    bool writes = ctl_might_write_to_db(commands, n_commands);
    enum ovsdb_idl_txn_status status;
    struct ctl_context ctx;
    struct ctl_command *c;
    struct nb_scope scope;
    char *whole_before = NULL;
    char *error = NULL;
    int retval = 0;

    if (dry_run) {
        ovsdb_idl_txn_set_dry_run(txn);
    }
    ovsdb_idl_txn_add_comment(txn, "vplane-ctl: %s", args);
    for (c = commands; c < &commands[n_commands]; c++) {
        ds_init(&c->output);
        c->table = NULL;
    }

    nb_scope_init(&scope);
    scope.ports_by_vnet = ports_by_vnet;
    scope.ports_by_host = ports_by_host;
    ctl_context_init(&ctx, NULL, idl, txn, symtab, NULL);
    if (writes) {
        nb_scope_start(&scope, idl);
        whole_before = check_all() ? nb_check(idl, false) : NULL;
        /* Serializes NB transactions: see nbctl.h. */
        const struct vprec_deployment *d = nb_deployment(&ctx);
        ovsdb_idl_txn_verify(&d->header_, &vprec_deployment_col_nb_seqno);
        vprec_deployment_set_nb_seqno(d, d->nb_seqno + 1);
    }
    for (c = commands; c < &commands[n_commands]; c++) {
        ctl_context_init_command(&ctx, c, false);
        if (c->syntax->run) {
            c->syntax->run(&ctx);
        }
        if (ctx.error) {
            error = xstrdup(ctx.error);
            ctl_context_done(&ctx, c);
            goto out;
        }
        ctl_context_done_command(&ctx, c);
        if (ctx.try_again) {
            ctl_context_done(&ctx, NULL);
            retval = EAGAIN;
            goto out;
        }
    }
    ctl_context_done(&ctx, NULL);

    struct shash_node *node;
    SHASH_FOR_EACH (node, &symtab->sh) {
        struct ovsdb_symbol *symbol = node->data;
        if (!symbol->created) {
            error = xasprintf("row id \"%s\" is referenced but never "
                              "created (e.g. with \"-- --id=%s create "
                              "...\")", node->name, node->name);
            goto out;
        }
    }
    if (writes) {
        error = check_txn(idl, txn, &scope, whole_before);
        if (error) {
            goto out;
        }
    }

    status = ovsdb_idl_txn_commit_block(txn);
    if (status == TXN_UNCHANGED || status == TXN_SUCCESS) {
        for (c = commands; c < &commands[n_commands]; c++) {
            if (c->syntax->postprocess) {
                ctl_context_init(&ctx, c, idl, txn, symtab, NULL);
                c->syntax->postprocess(&ctx);
                if (ctx.error) {
                    error = xstrdup(ctx.error);
                    ctl_context_done(&ctx, c);
                    goto out;
                }
                ctl_context_done(&ctx, c);
            }
        }
    }
    switch (status) {
    case TXN_UNCOMMITTED:
    case TXN_INCOMPLETE:
    case TXN_ABORTED:
    case TXN_NOT_LOCKED:
        OVS_NOT_REACHED();
    case TXN_UNCHANGED:
    case TXN_SUCCESS:
        break;
    case TXN_TRY_AGAIN:
        retval = EAGAIN;
        goto out;
    case TXN_ERROR:
        error = xasprintf("transaction error: %s",
                          ovsdb_idl_txn_get_error(txn));
        goto out;
    default:
        OVS_NOT_REACHED();
    }

    for (c = commands; c < &commands[n_commands]; c++) {
        if (c->table) {
            table_format(c->table, style, out);
        } else {
            ds_put_cstr(out, ds_cstr(&c->output));
        }
    }

out:
    if (error) {
        retval = EINVAL;
        *errorp = error;
    }
    nb_scope_destroy(&scope);
    free(whole_before);
    ovsdb_idl_txn_destroy(txn);     /* Aborts it if need be. */
    ovsdb_symbol_table_destroy(symtab);
    for (c = commands; c < &commands[n_commands]; c++) {
        ds_destroy(&c->output);
        table_destroy(c->table);
        free(c->table);
        c->table = NULL;
    }
    return retval;
}

int
nbctl_run_commands(struct ctl_command *commands, size_t n_commands,
                   struct ovsdb_idl *idl, const char *args, bool dry_run,
                   const struct table_style *style, struct ds *out,
                   char **errorp)
{
    return run_once(commands, n_commands, idl, args, dry_run, style, out,
                    errorp);
}

/* How long vplane-ctl given several database remotes waits for a leader. */
#define CLUSTER_WAIT_MS 30000

void
nbctl_run(int argc, char *argv[], struct shash *options, const char *db,
          bool dry_run, const struct table_style *style)
{
    struct ctl_command *commands;
    size_t n_commands;
    struct ds args = DS_EMPTY_INITIALIZER;
    char *error;

    for (int i = 0; i < argc; i++) {
        ds_put_format(&args, "%s%s", i ? " " : "", argv[i]);
    }
    error = ctl_parse_commands(argc, argv, options, &commands, &n_commands);
    if (error) {
        ctl_fatal("%s", error);
    }

    /* Without change alerts: a one-shot client.  The commands operators
     * run most load only the parts their checks read (nbctl-scope.h);
     * the others, and the comparison with the whole check
     * (VPLANE_CTL_CHECK_ALL), load everything. */
    struct ovsdb_idl *idl = ovsdb_idl_create_unconnected(&vprec_idl_class,
                                                         true);
    struct nbctl_scope *scope = (check_all() ? NULL
                                 : nbctl_scope_create(commands, n_commands,
                                                      idl));
    const char *env = getenv("VPLANE_CTL_SCOPE");
    bool trace = scope && env && !strcmp(env, "trace");
    /* One server: fail at once if it is not there.  A cluster's list
     * (A,B,C): members are expected to be down now and then and an
     * election takes seconds, so keep cycling through them (the IDL finds
     * the leader) for up to CLUSTER_WAIT_MS, from the start and after
     * each transaction cut short by a lost connection. */
    bool cluster = strchr(db, ',') != NULL;
    long long int give_up = time_msec() + CLUSTER_WAIT_MS;
    ovsdb_idl_set_remote(idl, db, cluster);
    unsigned int seqno = ovsdb_idl_get_seqno(idl);
    for (;;) {
        ovsdb_idl_run(idl);
        if (cluster && time_msec() >= give_up) {
            int last_error = ovsdb_idl_get_last_error(idl);
            ctl_fatal("%s: no cluster leader reachable in %d s (%s)", db,
                      CLUSTER_WAIT_MS / 1000,
                      last_error ? ovs_retval_to_string(last_error)
                      : "no error");
        }
        if (!ovsdb_idl_is_alive(idl)) {
            int last_error = ovsdb_idl_get_last_error(idl);
            ctl_fatal("%s: database connection failed (%s)", db,
                      last_error ? ovs_retval_to_string(last_error)
                      : "closed by the other end: is it vPlane's "
                        "ovsdb-server?");
        }
        /* Scoped: once the rows asked for are all there.  A change that
         * brings rows calling for more asks for them first. */
        bool ready = !scope || nbctl_scope_ready(scope, idl);
        if (ready && seqno != ovsdb_idl_get_seqno(idl)) {
            seqno = ovsdb_idl_get_seqno(idl);
            struct ds out = DS_EMPTY_INITIALIZER;
            int retval = run_once(commands, n_commands, idl, ds_cstr(&args),
                                  dry_run, style, &out, &error);
            if (trace) {
                struct ds line = DS_EMPTY_INITIALIZER;
                nbctl_scope_trace(scope, idl, &line);
                fprintf(stderr, "vplane-ctl: %s\n", ds_cstr(&line));
                ds_destroy(&line);
            }
            if (retval == EINVAL) {
                ctl_fatal("%s", error);
            } else if (!retval) {
                fputs(ds_cstr(&out), stdout);
                exit(EXIT_SUCCESS);
            }
            ds_destroy(&out);
            give_up = time_msec() + CLUSTER_WAIT_MS;
        }
        if (!ready || seqno == ovsdb_idl_get_seqno(idl)) {
            ovsdb_idl_wait(idl);
            if (cluster) {
                poll_timer_wait_until(give_up);
            }
            poll_block();
        }
    }
}

