/* utilities/nbctl-daemon.c: vplane-ctl --detach, and sending commands to
 * it (see nbctl.h).
 *
 * A one-shot vplane-ctl loads the whole database before it can run a
 * command: seconds at 100,000 ports, whatever the command.  As
 * ovn-nbctl's daemon mode does, the daemon keeps one IDL connected and up
 * to date; an invocation with VPLANE_CTL_SOCKET set sends its commands as
 * one unixctl "run" request and the daemon runs them exactly as a one-shot
 * vplane-ctl would (nbctl_run_commands(): the same checks, the same
 * Deployment.nb_seqno serialization and retries), then answers with the
 * output or the error.  Requests are served one at a time.  Not here: the
 * daemon commands (-t), which never touch the database. */
#include <config.h>
#include "nbctl.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ctrl/vplane-idl.h"
#include "daemon.h"
#include "db-ctl-base.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "ovsdb-idl.h"
#include "table.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

/* How long a request waits for the database (connection, a retry). */
#define DAEMON_WAIT_MS 30000

/* Marks the end of the options in a "run" request. */
#define COMMANDS_MARK "--commands"

/* Runs 'idl' until its contents change (a first copy, or a newer one
 * after a transaction to retry): NULL, or why not. */
static char *
wait_for_change(struct ovsdb_idl *idl, unsigned int seqno)
{
    long long int deadline = time_msec() + DAEMON_WAIT_MS;

    for (;;) {
        ovsdb_idl_run(idl);
        if (!ovsdb_idl_is_alive(idl)) {
            int e = ovsdb_idl_get_last_error(idl);
            return xasprintf("database connection failed (%s)",
                             e ? ovs_retval_to_string(e) : "closed");
        }
        if (ovsdb_idl_get_seqno(idl) != seqno
            && ovsdb_idl_has_ever_connected(idl)) {
            return NULL;
        }
        if (time_msec() >= deadline) {
            return xasprintf("no answer from the database in %d s",
                             DAEMON_WAIT_MS / 1000);
        }
        ovsdb_idl_wait(idl);
        poll_timer_wait_until(deadline);
        poll_block();
    }
}

static void
free_commands(struct ctl_command *commands, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        shash_destroy_free_data(&commands[i].options);
    }
    free(commands);
}

/* "run [--style=F,C,H,J,W] [--dry-run] [--OPTION[=VALUE]]... --commands
 * COMMAND...". */
static void
daemon_run(struct unixctl_conn *conn, int argc, const char *argv[],
           void *idl_)
{
    struct table_style style = { TF_TABLE, CF_STRING, true, JSSF_SORT, 0 };
    struct shash options = SHASH_INITIALIZER(&options);
    struct ovsdb_idl *idl = idl_;
    struct ds out = DS_EMPTY_INITIALIZER;
    struct ds args = DS_EMPTY_INITIALIZER;
    struct ctl_command *commands = NULL;
    size_t n_commands = 0;
    bool dry_run = false;
    char *error = NULL;
    int i;

    for (i = 1; i < argc && strcmp(argv[i], COMMANDS_MARK); i++) {
        int f, c, h, j, w;
        if (!strcmp(argv[i], "--dry-run")) {
            dry_run = true;
        } else if (sscanf(argv[i], "--style=%d,%d,%d,%d,%d", &f, &c, &h, &j,
                          &w) == 5) {
            style = (struct table_style) { f, c, h, j, w };
        } else if (!strncmp(argv[i], "--", 2)) {
            const char *eq = strchr(argv[i], '=');
            char *name = eq ? xmemdup0(argv[i], eq - argv[i])
                         : xstrdup(argv[i]);
            if (!shash_add_once(&options, name, eq ? xstrdup(eq + 1)
                                                   : NULL)) {
                error = xasprintf("%s given twice", name);
            }
            free(name);
        } else {
            error = xasprintf("\"%s\": not an option", argv[i]);
        }
        if (error) {
            goto out;
        }
    }
    if (i + 1 >= argc) {
        error = xstrdup("missing command");
        goto out;
    }
    i++;
    for (int k = i; k < argc; k++) {
        ds_put_format(&args, "%s%s", k > i ? " " : "", argv[k]);
    }
    error = ctl_parse_commands(argc - i, (char **) (argv + i),
                               &options, &commands, &n_commands);
    if (error) {
        goto out;
    }
    table_format_reset();       /* Each answer is a fresh output. */
    ovsdb_idl_run(idl);         /* What the server already sent. */
    if (!ovsdb_idl_has_ever_connected(idl)) {
        error = wait_for_change(idl, ovsdb_idl_get_seqno(idl));
    }
    while (!error) {
        unsigned int seqno = ovsdb_idl_get_seqno(idl);
        int retval = nbctl_run_commands(commands, n_commands, idl,
                                        ds_cstr(&args), dry_run, &style,
                                        &out, &error);
        if (retval != EAGAIN) {
            break;
        }
        ds_clear(&out);
        error = wait_for_change(idl, seqno);
    }

out:
    if (error) {
        unixctl_command_reply_error(conn, error);
    } else {
        unixctl_command_reply(conn, ds_cstr(&out));
    }
    free(error);
    free_commands(commands, n_commands);
    shash_destroy_free_data(&options);
    ds_destroy(&out);
    ds_destroy(&args);
}

static void
daemon_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
            const char *argv[] OVS_UNUSED, void *exiting_)
{
    bool *exiting = exiting_;
    *exiting = true;
    unixctl_command_reply(conn, NULL);
}

void
nbctl_daemon(const char *db, const char *rundir)
{
    struct unixctl_server *server;
    bool exiting = false;

    set_detach();
    daemonize_start(false);

    struct ovsdb_idl *idl = ovsdb_idl_create(db, &vprec_idl_class, true,
                                             strchr(db, ',') != NULL);
    nbctl_create_indexes(idl);
    char *path = xasprintf("%s/vplane-ctl.%ld.ctl", rundir,
                           (long int) getpid());
    int error = unixctl_server_create(path, &server);
    if (error) {
        ctl_fatal("%s: %s", path, ovs_strerror(error));
    }
    unixctl_command_register("run", "[OPTIONS] --commands COMMAND...", 2,
                             INT_MAX, daemon_run, idl);
    unixctl_command_register("exit", "", 0, 0, daemon_exit, &exiting);
    puts(path);
    fflush(stdout);
    daemonize_complete();

    while (!exiting) {
        ovsdb_idl_run(idl);
        unixctl_server_run(server);
        ovsdb_idl_wait(idl);
        unixctl_server_wait(server);
        if (exiting) {
            poll_immediate_wake();
        }
        poll_block();
    }
    unixctl_server_destroy(server);
    ovsdb_idl_destroy(idl);
    free(path);
    exit(EXIT_SUCCESS);
}

void
nbctl_forward(int argc, char *argv[], const struct shash *options,
              bool dry_run, const struct table_style *style)
{
    const char *path = getenv("VPLANE_CTL_SOCKET");
    struct jsonrpc *client;

    if (!path || !path[0]) {
        return;
    }
    int error = unixctl_client_create(path, &client);
    if (error) {
        ctl_fatal("VPLANE_CTL_SOCKET=%s: %s (is vplane-ctl --detach "
                  "running?)", path, ovs_strerror(error));
    }

    /* Options, then the commands; xlate-import's file by its absolute
     * path, as the daemon's working directory is not ours. */
    size_t n = 0;
    char **req = xcalloc(shash_count(options) + argc + 3, sizeof *req);
    req[n++] = xasprintf("--style=%d,%d,%d,%d,%d", style->format,
                         style->cell_format, style->headings,
                         style->json_flags, style->max_column_width);
    if (dry_run) {
        req[n++] = xstrdup("--dry-run");
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, options) {
        req[n++] = (node->data ? xasprintf("%s=%s", node->name,
                                           (char *) node->data)
                    : xstrdup(node->name));
    }
    req[n++] = xstrdup(COMMANDS_MARK);
    for (int i = 0; i < argc; i++) {
        char *abs = (i && !strcmp(argv[i - 1], "xlate-import")
                     ? realpath(argv[i], NULL) : NULL);
        req[n++] = abs ? abs : xstrdup(argv[i]);
    }

    char *result = NULL, *err = NULL;
    error = unixctl_client_transact(client, "run", n, req, &result, &err);
    jsonrpc_close(client);
    for (size_t i = 0; i < n; i++) {
        free(req[i]);
    }
    free(req);
    if (error) {
        ctl_fatal("%s: %s", path, ovs_strerror(error));
    } else if (err) {
        ctl_fatal("%s", err[0] && err[strlen(err) - 1] == '\n'
                  ? (err[strlen(err) - 1] = '\0', err) : err);
    }
    fputs(result, stdout);
    exit(EXIT_SUCCESS);
}
