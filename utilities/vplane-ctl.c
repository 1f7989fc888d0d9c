/* vplane-ctl: the operator's tool.
 *
 * Host commands (those with a '/', and show, trace, dump-flows, drop-stats,
 * drop-log, capture, load, help, dump-owners, dump-conntrack, dump-subsets,
 * list-commands, version, exit) go to a vplaned's control socket: they are
 * the daemon's unixctl commands, so `ovs-appctl -t SOCKET COMMAND` does
 * the same; vplane-ctl adds a default socket, exit status 1 with a one-line
 * error, and `load FILE`, which resolves FILE against the caller's
 * directory.
 * Commands "ctrl/..." go to vplane-ctrl's control socket the same way.
 * Every other command is a controller-database command (nbctl.h).  Every
 * command is in docs/ctl.md or docs/controller.md. */
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
#include "db-ctl-base.h"
#include "jsonrpc.h"
#include "nbctl.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "stream-ssl.h"
#include "table.h"
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

static const char *
rundir(void)
{
    const char *dir = getenv("VPLANE_RUNDIR");
    return dir ? dir : DEFAULT_RUNDIR;
}

/* Whether 'cmd' is a daemon's (unixctl) command rather than a database
 * one. */
static bool
is_daemon_command(const char *cmd)
{
    static const char *const plain[] = {
        "show", "trace", "dump-flows", "drop-stats", "drop-log", "capture",
        "load", "help",
        "dump-owners", "dump-conntrack", "dump-subsets",
        "list-commands", "version", "exit",
    };

    if (strchr(cmd, '/')) {
        return true;
    }
    for (size_t i = 0; i < ARRAY_SIZE(plain); i++) {
        if (!strcmp(cmd, plain[i])) {
            return true;
        }
    }
    return false;
}

static struct jsonrpc *
connect_daemon(const char *target, const char *cmd)
{
    struct jsonrpc *client;
    int error = unixctl_client_create(target, &client);
    if (error) {
        fail("cannot connect to %s: %s (is %s running?)", target,
             ovs_strerror(error),
             strncmp(cmd, "ctrl/", 5) ? "vplaned" : "vplane-ctrl");
    }
    return client;
}

/* Runs 'cmd' and returns its answer, or fails with the daemon's error. */
static char *
transact(struct jsonrpc *client, const char *target, const char *cmd,
         int argc, char *argv[])
{
    char *result, *err;
    int error = unixctl_client_transact(client, cmd, argc, argv, &result,
                                        &err);
    if (error) {
        fail("%s: %s", target, ovs_strerror(error));
    }
    if (err) {
        size_t len = strlen(err);
        while (len && err[len - 1] == '\n') {
            err[--len] = '\0';
        }
        fail("%s", err);
    }
    return result;
}

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig OVS_UNUSED)
{
    interrupted = 1;
}

/* capture PORT|fabric [--count N] [-w FILE] [--vni N]: has vplaned write a
 * pcap of PORT (default FILE: PORT.pcap here) and waits until it is done:
 * N frames written, or Ctrl-C. */
OVS_NO_RETURN static void
run_capture(const char *target, int argc, char *argv[])
{
    const char *port = NULL, *file = NULL;
    char *count = NULL, *vni = NULL;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if ((!strcmp(arg, "--count") || !strcmp(arg, "-c")) && value) {
            count = xasprintf("count=%s", value);
            i++;
        } else if (!strncmp(arg, "--count=", 8)) {
            count = xasprintf("count=%s", arg + 8);
        } else if (!strcmp(arg, "-w") && value) {
            file = value;
            i++;
        } else if (!strcmp(arg, "--vni") && value) {
            vni = xasprintf("vni=%s", value);
            i++;
        } else if (!strncmp(arg, "--vni=", 6)) {
            vni = xasprintf("vni=%s", arg + 6);
        } else if (arg[0] != '-' && !port) {
            port = arg;
        } else {
            fail("usage: capture PORT|fabric [--count N] [-w FILE] "
                 "[--vni N]");
        }
    }
    if (!port) {
        fail("usage: capture PORT|fabric [--count N] [-w FILE] [--vni N]");
    }

    /* vplaned writes the file: give it an absolute path. */
    char *path = file ? xstrdup(file) : xasprintf("%s.pcap", port);
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        if (!cwd) {
            fail("cannot find the current directory: %s",
                 ovs_strerror(errno));
        }
        char *abs = xasprintf("%s/%s", cwd, path);
        free(cwd);
        free(path);
        path = abs;
    }

    char *args[4] = { CONST_CAST(char *, port), path };
    int n_args = 2;
    if (count) {
        args[n_args++] = count;
    }
    if (vni) {
        args[n_args++] = vni;
    }
    /* Whatever ends vplane-ctl from here on must stop the capture, or
     * vplaned would go on writing: the signals only set a flag, and
     * --timeout, meant for one answer, no longer applies. */
    signal(SIGINT, on_interrupt);
    signal(SIGTERM, on_interrupt);
    signal(SIGHUP, on_interrupt);
    struct jsonrpc *client = connect_daemon(target, "capture/start");
    char *result = transact(client, target, "capture/start", n_args, args);
    alarm(0);
    fputs(result, stderr);
    free(result);
    for (;;) {
        if (interrupted) {
            result = transact(client, target, "capture/stop", 0, NULL);
            break;
        }
        result = transact(client, target, "capture/show", 0, NULL);
        if (strncmp(result, "capturing", 9)) {
            break;
        }
        free(result);
        usleep(100 * 1000);
    }
    fputs(result, stdout);
    free(result);
    jsonrpc_close(client);
    free(path);
    free(count);
    free(vni);
    exit(EXIT_SUCCESS);
}

/* Sends one command to a daemon's control socket and prints the answer. */
OVS_NO_RETURN static void
run_daemon_command(const char *target, int argc, char *argv[])
{
    const char *cmd = argv[0];
    int cmd_argc = argc - 1;
    char **cmd_argv = argv + 1;
    char *path = NULL;

    if (!strcmp(cmd, "capture")) {
        run_capture(target, argc, argv);
    } else if (!strcmp(cmd, "help")) {
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

    struct jsonrpc *client = connect_daemon(target, cmd);
    char *result = transact(client, target, cmd, cmd_argc, cmd_argv);
    jsonrpc_close(client);
    fputs(result, stdout);
    free(result);
    free(path);
    exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    enum {
        OPT_DB = UCHAR_MAX + 1,
        OPT_DRY_RUN,
        OPT_DETACH,
        OPT_LOCAL,
        OPT_BOOTSTRAP_CA_CERT,
        TABLE_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option global_long_options[] = {
        {"target", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, 'T'},
        {"db", required_argument, NULL, OPT_DB},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"detach", no_argument, NULL, OPT_DETACH},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        TABLE_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {"bootstrap-ca-cert", required_argument, NULL,
         OPT_BOOTSTRAP_CA_CERT},
        {NULL, 0, NULL, 0},
    };
    struct table_style style = { TF_TABLE, CF_STRING, true, JSSF_SORT, 0 };
    struct shash local_options = SHASH_INITIALIZER(&local_options);
    char *target = NULL, *db = NULL;
    bool dry_run = false;
    bool detach = false;

    set_program_name(argv[0]);
    /* Errors are ours to print, as one line: keep the library quiet. */
    vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_OFF);
    nbctl_init();

    /* Global options and the database commands' own ones (--if-exists,
     * --may-exist), as ovs-vsctl does; parsing stops at the command. */
    size_t n_options = ARRAY_SIZE(global_long_options) - 1;
    size_t allocated_options = ARRAY_SIZE(global_long_options);
    struct option *options = xmemdup(global_long_options,
                                     sizeof global_long_options);
    ctl_add_cmd_options(&options, &n_options, &allocated_options, OPT_LOCAL);
    char *tmp = ovs_cmdl_long_options_to_short_options(global_long_options);
    char *short_options = xasprintf("+%s", tmp);
    free(tmp);

    for (;;) {
        int idx;
        int c = getopt_long(argc, argv, short_options, options, &idx);
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
        case OPT_DB:
            free(db);
            db = xstrdup(optarg);
            break;
        case OPT_DRY_RUN:
            dry_run = true;
            break;
        case OPT_DETACH:
            detach = true;
            break;
        case OPT_LOCAL: {
            char *name = xasprintf("--%s", options[idx].name);
            if (shash_find(&local_options, name)) {
                fail("%s given twice", name);
            }
            shash_add_nocopy(&local_options, name, nullable_xstrdup(optarg));
            break;
        }
        case 'h':
            usage();
        case 'V':
            printf("vplane-ctl (vPlane) %s\n", VPLANE_VERSION);
            exit(EXIT_SUCCESS);
        case OPT_BOOTSTRAP_CA_CERT:
            stream_ssl_set_ca_cert_file(optarg, true);
            break;
        TABLE_OPTION_HANDLERS(&style)
        STREAM_SSL_OPTION_HANDLERS
        case '?':
            exit(EXIT_FAILURE);
        default:
            abort();
        }
    }
    free(short_options);
    for (size_t i = ARRAY_SIZE(global_long_options) - 1; options[i].name;
         i++) {
        free(CONST_CAST(char *, options[i].name));
    }
    free(options);

    if (detach) {
        /* A daemon that runs database commands for later invocations. */
        if (optind < argc) {
            fail("--detach takes no command");
        }
        nbctl_daemon(db ? db : xasprintf("unix:%s/db.sock", rundir()),
                     rundir());
    }
    if (optind >= argc) {
        fail("missing command; use --help for usage");
    }
    if (timeout) {
        signal(SIGALRM, timed_out);
        alarm(timeout);
    }

    const char *cmd = argv[optind];
    if (is_daemon_command(cmd)) {
        if (!shash_is_empty(&local_options)) {
            fail("%s: options such as %s are for database commands", cmd,
                 shash_first(&local_options)->name);
        }
        if (!target) {
            target = xasprintf("%s/%s", rundir(),
                               strncmp(cmd, "ctrl/", 5) ? "vplaned.ctl"
                               : "vplane-ctrl.ctl");
        }
        run_daemon_command(target, argc - optind, argv + optind);
    }
    if (!db) {
        /* Unless told which database, a daemon's (nbctl-daemon.c). */
        nbctl_forward(argc - optind, argv + optind, &local_options, dry_run,
                      &style);
        db = xasprintf("unix:%s/db.sock", rundir());
    }
    nbctl_run(argc - optind, argv + optind, &local_options, db, dry_run,
              &style);
}

static void
usage(void)
{
    printf("%s: vPlane's operator tool\n"
           "usage: %s [OPTIONS] COMMAND [ARG...]\n"
           "\n"
           "Host (vplaned) commands:\n"
           "  show                          host, tables, threads, ports\n"
           "  (show and every dump take [--format=json|text] [FILTER]:\n"
           "   a VNet, tenant, port, MAC or address)\n"
           "  port/add NAME VNET MAC [IP]... [allow=PREFIX/LEN]... [vm=ID]\n"
           "                                attach (or, under a controller,"
           " report)\n"
           "                                a VM interface\n"
           "  port/del NAME                 detach it\n"
           "  port/list                     ports with counters\n"
           "  vnet/add NAME VNI TENANT [GATEWAY/PLEN]... "
           "[gateway-mac=MAC]\n"
           "  vnet/del NAME\n"
           "  vnet/dump                     VNets\n"
           "  xlate/add VNET MAC IP|- VTEP  where a VM lives\n"
           "  xlate/del VNET MAC [IP|-]\n"
           "  xlate/dump                    translation table\n"
           "  route/add TENANT PREFIX NEXTHOP\n"
           "  route/del TENANT PREFIX\n"
           "  route/dump                    subnets and routes\n"
           "  load FILE                     load a JSON tables file\n"
           "  tables/export                 all tables as JSON\n"
           "  controller/show               the session with the "
           "controller\n"
           "  subsets/dump, dump-subsets    hosts and query subsets\n"
           "  dump-flows                    the flow cache, by flow\n"
           "  dump-owners                   stateful flows and their owners\n"
           "  dump-conntrack                connections this host tracks\n"
           "  gateway/show                  gateways as this host's probes "
           "find them\n"
           "  flows/flush                   make every cached decision stale\n"
           "  trace PORT FLOW|HEX           what vplaned would do, and why\n"
           "  trace fabric [VNI] VTEP FLOW|HEX   the same from the fabric\n"
           "  drop-stats [PORT]             drops by port and reason\n"
           "  vlog/set SPEC, vlog/list      logging\n"
           "  help                          every command the daemon has\n"
           "\n"
           "Controller (vplane-ctrl) commands:\n"
           "  ctrl/hosts                    hosts: connection, generations, "
           "subsets\n"
           "  ctrl/host-diff HOST           what HOST lacks of the desired "
           "state\n"
           "  ctrl/sessions                 JSON-RPC sessions\n"
           "\n"
           "Database commands (one transaction; join several with --):\n"
           "  tenant-add TENANT [external-access=BOOL]  tenant-del TENANT  "
           "tenant-list\n"
           "  vnet-add VNET VNI TENANT [GATEWAY/PLEN]... [gateway-mac=MAC]\n"
           "  vnet-del VNET  vnet-list [TENANT]\n"
           "  subnet-add VNET GATEWAY/PLEN  subnet-del VNET GATEWAY/PLEN\n"
           "  port-add VNET MAC [IP]... [host=HOST] [iface=NAME] [vtep=IP]\n"
           "           [allow=PREFIX/LEN]... [vm=ID]\n"
           "  port-del VNET MAC  port-list [VNET]\n"
           "  route-add TENANT PREFIX NEXTHOP  route-del TENANT PREFIX  "
           "route-list [TENANT]\n"
           "  host-add HOST VTEP [gateway=BOOL]  host-del HOST  host-list\n"
           "  fw-add VNET MAC ingress|egress any|tcp|udp|icmp [ports=N[-M]]\n"
           "         [remote=PREFIX/LEN] [dscp=N]   fw-del ...\n"
           "  nat-add TENANT snat|floating-ip|port-forward EXTERNAL_IP ...  "
           "nat-del ...\n"
           "  service-list [TENANT]\n"
           "  set-deployment KEY=VALUE...   owner-rule= query-mode= subsets=\n"
           "                                grace-period= wan-vni= auto-register=\n"
           "                                snat-block-size=\n"
           "  deployment-show\n"
           "  xlate-import FILE  xlate-export [VNET]  export\n"
           "  list|get|set|find|create|destroy|add|remove|clear TABLE ...\n"
           "                                generic, as in ovs-vsctl\n"
           "  --may-exist (*-add) and --if-exists (*-del) go before the "
           "command\n"
           "\n"
           "Options:\n"
           "  -t, --target=SOCKET  daemon's control socket (default:\n"
           "                       $VPLANE_RUNDIR/vplaned.ctl or "
           "vplane-ctrl.ctl,\n"
           "                       VPLANE_RUNDIR defaults to %s)\n"
           "  --db=DATABASE        controller database (default:\n"
           "                       unix:$VPLANE_RUNDIR/db.sock); a "
           "clustered one:\n"
           "                       REMOTE,REMOTE,... (waits up to 30 s "
           "for a leader)\n"
           "  --dry-run            check database commands, commit nothing\n"
           "  --detach             keep the database loaded in a daemon; "
           "it prints its\n"
           "                       socket, for VPLANE_CTL_SOCKET\n"
           "  -f, --format=FORMAT  table, list, csv, json or html\n"
           "  --timeout=SECS       give up after SECS seconds\n"
           "  -h, --help           this help\n"
           "  -V, --version        version\n"
           "\n"
           "Exit status: 0 on success, 1 with a one-line error otherwise.\n",
           program_name, program_name, DEFAULT_RUNDIR);
    exit(EXIT_SUCCESS);
}
