/* vplane-ctrl: vPlane's central controller.
 *
 * Reads the desired state from an OVSDB database (ovsdb-server, schema
 * ctrl/vplane.ovsschema) and programs every vplaned over JSON-RPC (see
 * ctrl.h and docs/protocol.md).  Several may run against one database: the
 * one holding the database lock serves, the others wait; or, in a
 * deployment of several shards, each serves the shards it holds. */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "command-line.h"
#include "ctrl.h"
#include "metrics.h"
#include "row-check.h"
#include "stats.h"
#include "daemon.h"
#include "fatal-signal.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "sset.h"
#include "stream-ssl.h"
#include "stream.h"
#include "unixctl.h"
#include "util.h"
#include "vplane/prom.h"

VLOG_DEFINE_THIS_MODULE(vplane_ctrl);

#define VPLANE_RUNDIR "/run/vplane"
#define VPLANE_LOGDIR "/var/log/vplane"

struct options {
    char *db;
    struct sset remotes;
    char *unixctl_path;
    char *name;                 /* --name, or NULL. */
    char *shards;               /* --shards, or NULL. */
    char *metrics_dir;          /* --metrics-dir, or NULL: no metrics. */
    int metrics_interval;       /* --metrics-interval, in seconds. */
};

static bool exiting;

static void parse_options(int argc, char *argv[], struct options *);
OVS_NO_RETURN static void usage(void);

static void
set_default_dirs(void)
{
    const char *rundir = getenv("VPLANE_RUNDIR");

    setenv("OVS_RUNDIR", rundir ? rundir : VPLANE_RUNDIR, 0);
    setenv("OVS_LOGDIR", getenv("VPLANE_LOGDIR") ? getenv("VPLANE_LOGDIR")
                                                 : VPLANE_LOGDIR, 0);
    mkdir(getenv("OVS_RUNDIR"), 0755);
}

/* Replies with 'error' if there is one (and frees it), else with 's';
 * destroys 's'. */
static void
reply(struct unixctl_conn *conn, char *error, struct ds *s)
{
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
    } else {
        unixctl_command_reply(conn, ds_cstr(s));
    }
    ds_destroy(s);
}

static void
cmd_hosts(struct unixctl_conn *conn, int argc OVS_UNUSED,
          const char *argv[] OVS_UNUSED, void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ctrl_format_hosts(ctrl_, &s);
    reply(conn, NULL, &s);
}

static void
cmd_host_diff(struct unixctl_conn *conn, int argc OVS_UNUSED,
              const char *argv[], void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    reply(conn, ctrl_format_diff(ctrl_, argv[1], &s), &s);
}

static void
cmd_sessions(struct unixctl_conn *conn, int argc OVS_UNUSED,
             const char *argv[] OVS_UNUSED, void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ctrl_format_sessions(ctrl_, &s);
    reply(conn, NULL, &s);
}

static void
cmd_stats(struct unixctl_conn *conn, int argc, const char *argv[],
          void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    reply(conn, ctrl_stats_format(ctrl_, argc, argv, &s), &s);
}

static void
cmd_lagging(struct unixctl_conn *conn, int argc OVS_UNUSED,
            const char *argv[] OVS_UNUSED, void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ctrl_format_lagging(ctrl_, &s);
    reply(conn, NULL, &s);
}

static void
cmd_refused_rows(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *ctrl_)
{
    if (argc > 1 && strcmp(argv[1], "--format=json")) {
        unixctl_command_reply_error(conn, "usage: ctrl/refused-rows "
                                    "[--format=json]");
        return;
    }

    const struct refusals **sets;
    size_t n = ctrl_refusals(ctrl_, &sets);
    if (argc > 1) {
        struct json *json = refusals_to_json(sets, n);
        char *text = json_to_string(json, JSSF_PRETTY | JSSF_SORT);
        unixctl_command_reply(conn, text);
        free(text);
        json_destroy(json);
    } else {
        struct ds s = DS_EMPTY_INITIALIZER;
        refusals_format(sets, n, &s);
        unixctl_command_reply(conn, ds_cstr(&s));
        ds_destroy(&s);
    }
    free(sets);
}

static void
cmd_verify_views(struct unixctl_conn *conn, int argc OVS_UNUSED,
                 const char *argv[] OVS_UNUSED, void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    if (ctrl_verify_views(ctrl_, &s)) {
        unixctl_command_reply_error(conn, ds_cstr(&s));
    } else {
        unixctl_command_reply(conn, ds_cstr(&s));
    }
    ds_destroy(&s);
}

static void
cmd_shards(struct unixctl_conn *conn, int argc OVS_UNUSED,
           const char *argv[] OVS_UNUSED, void *ctrl_)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ctrl_format_shards(ctrl_, &s);
    reply(conn, NULL, &s);
}

static void
cmd_exit(struct unixctl_conn *conn, int argc OVS_UNUSED,
         const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    exiting = true;
    unixctl_command_reply(conn, NULL);
}

int
main(int argc, char *argv[])
{
    struct unixctl_server *unixctl;
    struct options opts;
    struct ctrl *ctrl;
    struct prom_file *metrics = NULL;
    int error;

    set_program_name(argv[0]);
    set_default_dirs();
    service_start(&argc, &argv);
    parse_options(argc, argv, &opts);
    fatal_ignore_sigpipe();

    daemonize_start(false);
    error = unixctl_server_create(opts.unixctl_path, &unixctl);
    if (error) {
        ovs_fatal(error, "cannot create control socket %s",
                  opts.unixctl_path);
    }

    ctrl = ctrl_create(opts.db);
    char *identity_error = ctrl_set_identity(ctrl, opts.name, opts.shards);
    if (identity_error) {
        ovs_fatal(0, "%s", identity_error);
    }
    const char *remote;
    SSET_FOR_EACH (remote, &opts.remotes) {
        ctrl_add_remote(ctrl, remote);
    }
    unixctl_command_register("ctrl/hosts", "", 0, 0, cmd_hosts, ctrl);
    unixctl_command_register("ctrl/host-diff", "HOST", 1, 1, cmd_host_diff,
                             ctrl);
    unixctl_command_register("ctrl/sessions", "", 0, 0, cmd_sessions, ctrl);
    unixctl_command_register("ctrl/stats", "[--format=json] [HOST|VNET]", 0,
                             2, cmd_stats, ctrl);
    unixctl_command_register("ctrl/lagging", "", 0, 0, cmd_lagging, ctrl);
    unixctl_command_register("ctrl/verify-views", "", 0, 0,
                             cmd_verify_views, ctrl);
    unixctl_command_register("ctrl/refused-rows", "[--format=json]", 0, 1,
                             cmd_refused_rows, ctrl);
    unixctl_command_register("ctrl/shards", "", 0, 0, cmd_shards, ctrl);
    unixctl_command_register("exit", "", 0, 0, cmd_exit, NULL);
    if (opts.metrics_dir) {
        metrics = ctrl_metrics_create(ctrl, opts.metrics_dir,
                                      opts.metrics_interval * 1000);
    }
    daemonize_complete();
    VLOG_INFO("vplane-ctrl %s started, database %s", VPLANE_VERSION,
              opts.db);

    while (!exiting) {
        ctrl_run(ctrl);
        unixctl_server_run(unixctl);
        if (metrics) {
            prom_file_run(metrics);
        }

        ctrl_wait(ctrl);
        unixctl_server_wait(unixctl);
        if (metrics) {
            prom_file_wait(metrics);
        }
        if (exiting) {
            poll_immediate_wake();
        }
        poll_block();
    }

    VLOG_INFO("exiting");
    prom_file_destroy(metrics);
    ctrl_destroy(ctrl);
    unixctl_server_destroy(unixctl);
    sset_destroy(&opts.remotes);
    free(opts.db);
    free(opts.unixctl_path);
    free(opts.name);
    free(opts.shards);
    free(opts.metrics_dir);
    service_stop();
    return 0;
}

static void
parse_options(int argc, char *argv[], struct options *o)
{
    enum {
        OPT_DB = UCHAR_MAX + 1,
        OPT_REMOTE,
        OPT_UNIXCTL,
        OPT_NAME,
        OPT_SHARDS,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_METRICS_DIR,
        OPT_METRICS_INTERVAL,
        VLOG_OPTION_ENUMS,
        DAEMON_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"remote", required_argument, NULL, OPT_REMOTE},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        {"name", required_argument, NULL, OPT_NAME},
        {"shards", required_argument, NULL, OPT_SHARDS},
        {"metrics-dir", required_argument, NULL, OPT_METRICS_DIR},
        {"metrics-interval", required_argument, NULL, OPT_METRICS_INTERVAL},
        {"bootstrap-ca-cert", required_argument, NULL,
         OPT_BOOTSTRAP_CA_CERT},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(long_options);

    o->db = NULL;
    o->unixctl_path = NULL;
    o->name = NULL;
    o->shards = NULL;
    o->metrics_dir = NULL;
    o->metrics_interval = 10;
    sset_init(&o->remotes);

    for (;;) {
        int c = getopt_long(argc, argv, short_options, long_options, NULL);
        if (c == -1) {
            break;
        }

        switch (c) {
        case OPT_DB:
            free(o->db);
            o->db = xstrdup(optarg);
            break;

        case OPT_REMOTE:
            if (pstream_verify_name(optarg)) {
                ovs_fatal(0, "--remote: \"%s\" is not a passive remote "
                          "(ptcp:PORT[:IP], pssl:PORT[:IP], punix:FILE)",
                          optarg);
            }
            sset_add(&o->remotes, optarg);
            break;

        case OPT_UNIXCTL:
            free(o->unixctl_path);
            o->unixctl_path = xstrdup(optarg);
            break;

        case OPT_NAME:
            free(o->name);
            o->name = xstrdup(optarg);
            break;

        case OPT_SHARDS:
            free(o->shards);
            o->shards = xstrdup(optarg);
            break;

        case OPT_BOOTSTRAP_CA_CERT:
            stream_ssl_set_ca_cert_file(optarg, true);
            break;

        case OPT_METRICS_DIR:
            free(o->metrics_dir);
            o->metrics_dir = prom_dir_option(optarg);
            break;

        case OPT_METRICS_INTERVAL:
            o->metrics_interval = prom_interval_option(optarg);
            break;

        case 'h':
            usage();

        case 'V':
            printf("vplane-ctrl (vPlane) %s, built on Open vSwitch %s\n",
                   VPLANE_VERSION, VERSION);
            exit(EXIT_SUCCESS);

        VLOG_OPTION_HANDLERS
        DAEMON_OPTION_HANDLERS
        STREAM_SSL_OPTION_HANDLERS

        case '?':
            exit(EXIT_FAILURE);

        default:
            abort();
        }
    }
    free(short_options);

    if (optind < argc) {
        ovs_fatal(0, "unexpected argument \"%s\"; use --help for usage",
                  argv[optind]);
    }
    if (!o->db) {
        o->db = xasprintf("unix:%s/db.sock", getenv("OVS_RUNDIR"));
    }
    if (sset_is_empty(&o->remotes)) {
        sset_add_and_free(&o->remotes,
                          xasprintf("punix:%s/ctrl.sock",
                                    getenv("OVS_RUNDIR")));
    }
    if (!o->unixctl_path) {
        o->unixctl_path = xasprintf("%s/vplane-ctrl.ctl",
                                    getenv("OVS_RUNDIR"));
    }
}

static void
usage(void)
{
    printf("%s: vPlane's central controller\n"
           "usage: %s [OPTIONS]\n"
           "\nvPlane options:\n"
           "  --db=REMOTE[,REMOTE...] the database (default: "
           "unix:%s/db.sock);\n"
           "                          a clustered one: every member\n"
           "  --remote=PREMOTE        listen for vplaneds on PREMOTE: "
           "ptcp:PORT[:IP],\n"
           "                          pssl:PORT[:IP] or punix:FILE; may be "
           "repeated\n"
           "                          (default: punix:%s/ctrl.sock)\n"
           "  --unixctl=SOCKET        control socket (default: "
           "%s/vplane-ctrl.ctl)\n"
           "  --name=NAME             this controller's name in the "
           "database\n"
           "                          (default: the host name)\n"
           "  --shards=K[,K...]       the shards to take first when the "
           "deployment\n"
           "                          has several (default: all)\n"
           "  --metrics-dir=DIR       write Prometheus metrics to "
           "DIR/vplane-ctrl-NAME.prom\n"
           "                          (node_exporter's textfile collector)\n"
           "  --metrics-interval=SECS rewrite the metrics file so often "
           "(default: 10)\n",
           program_name, program_name, getenv("OVS_RUNDIR"),
           getenv("OVS_RUNDIR"), getenv("OVS_RUNDIR"));
    stream_usage("--db", true, false, true);
    daemon_usage();
    vlog_usage();
    printf("\nOther options:\n"
           "  -h, --help              display this help message\n"
           "  -V, --version           display version information\n");
    exit(EXIT_SUCCESS);
}
