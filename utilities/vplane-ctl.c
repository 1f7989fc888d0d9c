/* vplane-ctl: the operator's tool for a vplaned.
 *
 * Sends one command to a vplaned's control socket and prints the answer.
 * The commands are the daemon's own (its unixctl commands), so
 * `ovs-appctl -t SOCKET COMMAND` does the same; vplane-ctl adds a default
 * socket, exit status 1 with a one-line error on failure, and `load FILE`,
 * which resolves FILE against the caller's directory.  Every command is in
 * docs/ctl.md. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "command-line.h"
#include "jsonrpc.h"
#include "openvswitch/vlog.h"
#include "unixctl.h"
#include "util.h"

#define DEFAULT_RUNDIR "/run/vplane"

OVS_NO_RETURN static void usage(void);

OVS_NO_RETURN static void OVS_PRINTF_FORMAT(1, 2)
fail(const char *format, ...)
{
    va_list args;

    fprintf(stderr, "%s: ", program_name);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    exit(EXIT_FAILURE);
}

static unsigned int timeout;

/* A daemon that does not answer in time: one line and status 1, like every
 * other failure (write() and _exit(): this runs in a signal handler). */
static void
timed_out(int sig OVS_UNUSED)
{
    static const char msg[] = "vplane-ctl: no answer in time (--timeout)\n";

    ignore(write(STDERR_FILENO, msg, sizeof msg - 1));
    _exit(EXIT_FAILURE);
}

static char *
default_target(void)
{
    const char *rundir = getenv("VPLANE_RUNDIR");

    return xasprintf("%s/vplaned.ctl", rundir ? rundir : DEFAULT_RUNDIR);
}

int
main(int argc, char *argv[])
{
    static const struct option long_options[] = {
        {"target", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    char *short_options;
    char *target = NULL;

    set_program_name(argv[0]);
    /* Errors are ours to print, as one line: keep the library quiet. */
    vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_OFF);
    short_options = ovs_cmdl_long_options_to_short_options(long_options);
    for (;;) {
        int c = getopt_long(argc, argv, short_options, long_options, NULL);
        if (c == -1) {
            break;
        }
        switch (c) {
        case 't':
            free(target);
            target = xstrdup(optarg);
            break;
        case 'T':
            if (!str_to_uint(optarg, 10, &timeout) || !timeout) {
                fail("--timeout: \"%s\" is not a number of seconds", optarg);
            }
            break;
        case 'h':
            usage();
        case 'V':
            printf("vplane-ctl (vPlane) %s\n", VPLANE_VERSION);
            exit(EXIT_SUCCESS);
        case '?':
            exit(EXIT_FAILURE);
        default:
            abort();
        }
    }
    free(short_options);
    if (optind >= argc) {
        fail("missing command; use --help for usage");
    }
    if (timeout) {
        signal(SIGALRM, timed_out);
        alarm(timeout);
    }
    if (!target) {
        target = default_target();
    }

    const char *cmd = argv[optind++];
    int cmd_argc = argc - optind;
    char **cmd_argv = argv + optind;
    char *path = NULL;

    if (!strcmp(cmd, "help")) {
        cmd = "list-commands";
    } else if (!strcmp(cmd, "load")) {
        /* The daemon reads the file: hand it a path that does not depend
         * on the caller's working directory. */
        if (cmd_argc != 1) {
            fail("usage: load FILE");
        }
        path = realpath(cmd_argv[0], NULL);
        if (!path) {
            fail("%s: %s", cmd_argv[0], ovs_strerror(errno));
        }
        cmd = "tables/load";
        cmd_argv = &path;
    }

    struct jsonrpc *client;
    int error = unixctl_client_create(target, &client);
    if (error) {
        fail("cannot connect to %s: %s (is vplaned running?)", target,
             ovs_strerror(error));
    }

    char *result, *err;
    error = unixctl_client_transact(client, cmd, cmd_argc, cmd_argv, &result,
                                    &err);
    if (error) {
        fail("%s: %s", target, ovs_strerror(error));
    }
    jsonrpc_close(client);
    if (err) {
        size_t len = strlen(err);
        while (len && err[len - 1] == '\n') {
            err[--len] = '\0';
        }
        fail("%s", err);
    }
    fputs(result, stdout);
    free(result);
    free(path);
    free(target);
    return 0;
}

static void
usage(void)
{
    printf("%s: vPlane's operator tool\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n"
           "\n"
           "Host (vplaned) commands:\n"
           "  show                          host, tables, threads, ports\n"
           "  port/add NAME VNET MAC [IP]... [allow=PREFIX/LEN]...\n"
           "                                attach a VM interface\n"
           "  port/del NAME                 detach it\n"
           "  port/list                     ports with counters\n"
           "  vnet/add NAME VNI TENANT [GATEWAY/PLEN]... "
           "[gateway-mac=MAC]\n"
           "  vnet/del NAME\n"
           "  vnet/dump [NAME]\n"
           "  xlate/add VNET MAC IP|- VTEP  where a VM lives\n"
           "  xlate/del VNET MAC [IP|-]\n"
           "  xlate/dump [VNET]\n"
           "  route/add TENANT PREFIX NEXTHOP\n"
           "  route/del TENANT PREFIX\n"
           "  route/dump [TENANT]\n"
           "  load FILE                     load a JSON tables file\n"
           "  tables/export                 all tables as JSON\n"
           "  dump-flows                    the flow cache\n"
           "  flows/flush                   make every cached decision stale\n"
           "  drop-stats [PORT]             drops by port and reason\n"
           "  vlog/set SPEC, vlog/list      logging\n"
           "  help                          every command the daemon has\n"
           "\n"
           "Options:\n"
           "  -t, --target=SOCKET  vplaned's control socket (default:\n"
           "                       $VPLANE_RUNDIR/vplaned.ctl, "
           "%s/vplaned.ctl)\n"
           "  --timeout=SECS       give up after SECS seconds\n"
           "  -h, --help           this help\n"
           "  -V, --version        version\n"
           "\n"
           "Exit status: 0 on success, 1 with a one-line error otherwise.\n",
           program_name, program_name, DEFAULT_RUNDIR);
    exit(EXIT_SUCCESS);
}
