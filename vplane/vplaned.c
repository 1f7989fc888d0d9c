/* vplaned: vPlane's per-host forwarding daemon.
 *
 * Sets up the tables, the dataplane (forwarding threads and the VXLAN
 * socket) and the control socket, then runs the main thread's poll loop:
 * control commands, port attachment, netdev notifications.  Packets never
 * pass through this thread. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "capture.h"
#include "command-line.h"
#include "ctl.h"
#include "ctrl-client.h"
#include "daemon.h"
#include "daemon-private.h"
#include "dataplane.h"
#include "owner-msg.h"
#include "drop-log.h"
#include "fatal-signal.h"
#include "memory.h"
#include "metrics.h"
#include "prom.h"
#include "simap.h"
#include "libvirt-watch.h"
#include "netdev.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "ovs-rcu.h"
#include "ovs-thread.h"
#include "packets.h"
#include "smap.h"
#include "stream-ssl.h"
#include "stream.h"
#include "svec.h"
#include "tables.h"
#include "tables-config.h"
#include "timeval.h"
#include "udp-bind.h"
#include "unixctl.h"
#include "userspace-tso.h"
#include "util.h"
#include "vxlan.h"

VLOG_DEFINE_THIS_MODULE(vplaned);

#define VPLANE_RUNDIR "/run/vplane"
#define VPLANE_LOGDIR "/var/log/vplane"

struct vplaned_options {
    char *host_name;
    struct dataplane_options dp;
    bool offloads;
    char *unixctl_path;
    char *tables_file;
    struct svec controllers;    /* --controller remotes, in order. */
    char *libvirt_uri;          /* --libvirt, or NULL. */
    size_t drop_log_size;       /* --drop-log. */
    int stats_interval;         /* --stats-interval, in seconds. */
    char *metrics_dir;          /* --metrics-dir, or NULL: no metrics. */
    int metrics_interval;       /* --metrics-interval, in seconds. */
};

static void parse_options(int argc, char *argv[], struct vplaned_options *);
OVS_NO_RETURN static void usage(void);

/* Open vSwitch's library puts pidfiles, control sockets and logs under its
 * own prefix unless told otherwise; vPlane's defaults are its own. */
static void
set_default_dirs(void)
{
    const char *rundir = getenv("VPLANE_RUNDIR");

    setenv("OVS_RUNDIR", rundir ? rundir : VPLANE_RUNDIR, 0);
    setenv("OVS_LOGDIR", getenv("VPLANE_LOGDIR") ? getenv("VPLANE_LOGDIR")
                                                 : VPLANE_LOGDIR, 0);
    mkdir(getenv("OVS_RUNDIR"), 0755);
}

/* The process holding a lock on pidfile 'name' (Open vSwitch's daemons
 * lock theirs), or 0. */
static pid_t
pidfile_holder(const char *name)
{
    struct flock lck = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    int fd = open(name, O_RDONLY | O_CLOEXEC);
    pid_t pid = 0;

    if (fd >= 0) {
        if (!fcntl(fd, F_GETLK, &lck) && lck.l_type != F_UNLCK) {
            pid = lck.l_pid;
        }
        close(fd);
    }
    return pid;
}

/* daemonize_start() gives up at once on a pidfile that a live process
 * holds.  A vplaned told to stop removes its pidfile first thing, but a
 * new one started right after the signal can look before it has: wait,
 * as for its UDP ports (udp-bind.h).  ('pidfile', the --pidfile name, is
 * in daemon-private.h: daemon.h has no getter.) */
static void
wait_for_pidfile(void)
{
    long long int start = time_msec();
    pid_t pid;

    if (!pidfile) {
        return;
    }
    while ((pid = pidfile_holder(pidfile))
           && time_msec() - start < UDP_BIND_WAIT_MSEC) {
        VLOG_INFO_ONCE("%s is held by pid %ld, perhaps a vplaned still "
                       "exiting: waiting up to %d s for it", pidfile,
                       (long int) pid, UDP_BIND_WAIT_MSEC / 1000);
        xnanosleep(10 * 1000 * 1000);
    }
}

int
main(int argc, char *argv[])
{
    struct vplaned_options opts;
    struct unixctl_server *unixctl;
    struct ctl_context ctx;
    struct vp_tables *tables;
    struct dataplane *dp;
    struct prom_file *metrics = NULL;
    int error;

    set_program_name(argv[0]);
    ovsthread_id_init();
    set_default_dirs();
    /* Forwarding threads are busy by design under load; Open vSwitch's poll
     * loop would log their wakeups at INFO whenever a thread uses more than
     * half a CPU.  "vlog/set poll_loop:info" brings that back. */
    vlog_set_levels(vlog_module_from_name("poll_loop"), VLF_ANY_DESTINATION,
                    VLL_WARN);
    parse_options(argc, argv, &opts);
    fatal_ignore_sigpipe();

    /* Before any thread: forking afterwards would lose them. */
    wait_for_pidfile();
    daemonize_start(false);

    if (opts.offloads) {
        /* Virtio-net headers on VM ports: checksums left to the device and
         * TSO superframes arrive intact (see tso.c). */
        struct smap cfg = SMAP_INITIALIZER(&cfg);
        smap_add(&cfg, "userspace-tso-enable", "true");
        userspace_tso_init(&cfg);
        smap_destroy(&cfg);
    }

    tables = tables_create(opts.dp.vtep);
    error = dataplane_create(tables, &opts.dp, &dp);
    if (error) {
        ovs_fatal(0, "cannot set up the dataplane on "IP_FMT": %s",
                  IP_ARGS(opts.dp.vtep), ovs_strerror(error));
    }

    error = unixctl_server_create(opts.unixctl_path, &unixctl);
    if (error) {
        ovs_fatal(error, "cannot create control socket %s",
                  opts.unixctl_path ? opts.unixctl_path : "(default)");
    }
    memset(&ctx, 0, sizeof ctx);
    ctx.tables = tables;
    ctx.dp = dp;
    ctx.host_name = opts.host_name;
    ctx.offloads = opts.offloads;
    if (opts.controllers.n) {
        ctx.client = ctrl_client_create(&opts.controllers, tables,
                                        opts.host_name, opts.dp.vtep);
    }
    ctl_register_table_commands(&ctx);
    ctl_register_show_commands(&ctx);
    ctl_register_dump_commands(&ctx);
    ctl_register_flow_commands(&ctx);
    ctl_register_trace_command(&ctx);
    ctl_register_stateful_commands(&ctx);
    ctl_register_drop_commands(&ctx);
    ctl_register_capture_commands(&ctx);
    drop_log_set_size(opts.drop_log_size);
    if (opts.libvirt_uri) {
        ctx.libvirt = lv_watch_create(opts.libvirt_uri, &ctx);
    }
    if (ctx.client) {
        ctrl_client_set_stats(ctx.client, opts.stats_interval * 1000,
                              ctl_stats_report, &ctx);
    }

    dataplane_start(dp);
    if (opts.tables_file) {
        char *summary;
        char *err = ctl_load_tables_file(tables, opts.tables_file, &summary);
        if (err) {
            ovs_fatal(0, "%s", err);
        }
        VLOG_INFO("%s", summary);
        free(summary);
    }
    if (opts.metrics_dir) {
        char *name = xasprintf("vplaned-%s", opts.host_name);
        metrics = prom_file_create(opts.metrics_dir, name,
                                   opts.metrics_interval * 1000,
                                   vplaned_metrics_build, &ctx);
        free(name);
    }
    daemonize_complete();
    VLOG_INFO("vplaned %s (vPlane %s) started", opts.host_name,
              VPLANE_VERSION);

    while (!ctx.exiting) {
        unixctl_server_run(unixctl);
        if (ctx.client) {
            ctrl_client_run(ctx.client);
        }
        if (ctx.libvirt) {
            lv_watch_run(ctx.libvirt);
        }
        dataplane_run(dp);
        netdev_run();
        capture_run();
        if (metrics) {
            prom_file_run(metrics);
        }
        memory_run();
        if (memory_should_report()) {
            struct simap usage = SIMAP_INITIALIZER(&usage);
            ctl_get_memory_usage(&ctx, &usage);
            memory_report(&usage);
            simap_destroy(&usage);
        }

        unixctl_server_wait(unixctl);
        if (ctx.client) {
            ctrl_client_wait(ctx.client);
        }
        if (ctx.libvirt) {
            lv_watch_wait(ctx.libvirt);
        }
        dataplane_wait(dp);
        netdev_wait();
        capture_wait();
        if (metrics) {
            prom_file_wait(metrics);
        }
        memory_wait();
        if (ctx.exiting) {
            poll_immediate_wake();
        }
        poll_block();
    }

    VLOG_INFO("exiting");
    capture_stop();
    prom_file_destroy(metrics);
    lv_watch_destroy(ctx.libvirt);
    ctrl_client_destroy(ctx.client);
    dataplane_destroy(dp);
    /* Postponed frees refer to the tables: let them run first. */
    ovsrcu_barrier();
    tables_destroy(tables);
    unixctl_server_destroy(unixctl);
    free(opts.host_name);
    free(opts.unixctl_path);
    free(opts.tables_file);
    svec_destroy(&opts.controllers);
    free(opts.libvirt_uri);
    free(opts.metrics_dir);
    return 0;
}

/* "--controller=A,B" (the remote-list form of OVS's own clients) and a
 * repeated --controller both add to the list the session cycles through. */
static void
parse_controllers(const char *arg, struct svec *remotes)
{
    char *copy = xstrdup(arg);
    char *save_ptr = NULL;
    bool any = false;

    for (char *r = strtok_r(copy, ",", &save_ptr); r;
         r = strtok_r(NULL, ",", &save_ptr)) {
        if (stream_verify_name(r)) {
            ovs_fatal(0, "--controller: \"%s\" is not a remote "
                      "(tcp:IP:PORT, ssl:IP:PORT, unix:FILE)", r);
        }
        if (svec_contains_unsorted(remotes, r)) {
            ovs_fatal(0, "--controller: \"%s\" is listed twice", r);
        }
        svec_add(remotes, r);
        any = true;
    }
    if (!any) {
        ovs_fatal(0, "--controller: \"%s\" names no remote", arg);
    }
    free(copy);
}

static void
parse_options(int argc, char *argv[], struct vplaned_options *o)
{
    enum {
        OPT_HOST_NAME = UCHAR_MAX + 1,
        OPT_VTEP,
        OPT_VXLAN_PORT,
        OPT_FABRIC_MTU,
        OPT_THREADS,
        OPT_TABLES,
        OPT_NO_OFFLOADS,
        OPT_PORT_RXBUF,
        OPT_OWNER_PORT,
        OPT_UNIXCTL,
        OPT_CONTROLLER,
        OPT_LIBVIRT,
        OPT_DROP_LOG,
        OPT_STATS_INTERVAL,
        OPT_BOOTSTRAP_CA_CERT,
        OPT_GW_PROBE_INTERVAL,
        OPT_GW_PROBE_MULTIPLIER,
        OPT_GW_UP_AFTER,
        OPT_METRICS_DIR,
        OPT_METRICS_INTERVAL,
        VLOG_OPTION_ENUMS,
        DAEMON_OPTION_ENUMS,
        SSL_OPTION_ENUMS,
    };
    static const struct option long_options[] = {
        {"host-name", required_argument, NULL, OPT_HOST_NAME},
        {"vtep", required_argument, NULL, OPT_VTEP},
        {"vxlan-port", required_argument, NULL, OPT_VXLAN_PORT},
        {"owner-port", required_argument, NULL, OPT_OWNER_PORT},
        {"fabric-mtu", required_argument, NULL, OPT_FABRIC_MTU},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"tables", required_argument, NULL, OPT_TABLES},
        {"no-offloads", no_argument, NULL, OPT_NO_OFFLOADS},
        {"port-rxbuf", required_argument, NULL, OPT_PORT_RXBUF},
        {"unixctl", required_argument, NULL, OPT_UNIXCTL},
        {"controller", required_argument, NULL, OPT_CONTROLLER},
        {"libvirt", optional_argument, NULL, OPT_LIBVIRT},
        {"drop-log", required_argument, NULL, OPT_DROP_LOG},
        {"stats-interval", required_argument, NULL, OPT_STATS_INTERVAL},
        {"bootstrap-ca-cert", required_argument, NULL,
         OPT_BOOTSTRAP_CA_CERT},
        {"gateway-probe-interval", required_argument, NULL,
         OPT_GW_PROBE_INTERVAL},
        {"gateway-probe-multiplier", required_argument, NULL,
         OPT_GW_PROBE_MULTIPLIER},
        {"gateway-up-after", required_argument, NULL, OPT_GW_UP_AFTER},
        {"metrics-dir", required_argument, NULL, OPT_METRICS_DIR},
        {"metrics-interval", required_argument, NULL, OPT_METRICS_INTERVAL},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        VLOG_LONG_OPTIONS,
        DAEMON_LONG_OPTIONS,
        STREAM_SSL_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    char *short_options = ovs_cmdl_long_options_to_short_options(long_options);
    unsigned int value;

    memset(o, 0, sizeof *o);
    o->dp.vxlan_port = VXLAN_DST_PORT;
    o->dp.owner_port = OWNER_MSG_PORT;
    o->dp.n_threads = 1;
    o->dp.port_rxbuf = 4 * 1024 * 1024;
    o->dp.gw_probe = (struct gwlive_options) GWLIVE_OPTIONS_DEFAULT;
    o->offloads = true;
    o->drop_log_size = DROP_LOG_DEFAULT_SIZE;
    o->stats_interval = 10;
    o->metrics_interval = 10;

    for (;;) {
        int c = getopt_long(argc, argv, short_options, long_options, NULL);
        if (c == -1) {
            break;
        }

        switch (c) {
        case OPT_HOST_NAME: {
            char *error = vp_parse_name("--host-name", optarg);
            if (error) {
                ovs_fatal(0, "%s", error);
            }
            free(o->host_name);
            o->host_name = xstrdup(optarg);
            break;
        }

        case OPT_VTEP:
            if (!ip_parse(optarg, &o->dp.vtep) || !o->dp.vtep
                || ip_is_multicast(o->dp.vtep)) {
                ovs_fatal(0, "--vtep: \"%s\" is not a unicast IPv4 address",
                          optarg);
            }
            break;

        case OPT_VXLAN_PORT:
            if (!str_to_uint(optarg, 10, &value) || !value || value > 65535) {
                ovs_fatal(0, "--vxlan-port: \"%s\" is not a UDP port", optarg);
            }
            o->dp.vxlan_port = value;
            break;

        case OPT_OWNER_PORT:
            if (!str_to_uint(optarg, 10, &value) || !value || value > 65535) {
                ovs_fatal(0, "--owner-port: \"%s\" is not a UDP port", optarg);
            }
            o->dp.owner_port = value;
            break;

        case OPT_FABRIC_MTU:
            if (!str_to_uint(optarg, 10, &value) || value < 576
                || value > 65535) {
                ovs_fatal(0, "--fabric-mtu: \"%s\" is not an MTU (576 to "
                          "65535)", optarg);
            }
            o->dp.fabric_mtu = value;
            break;

        case OPT_THREADS:
            if (!str_to_uint(optarg, 10, &value) || !value || value > 64) {
                ovs_fatal(0, "--threads: \"%s\" is not 1 to 64", optarg);
            }
            o->dp.n_threads = value;
            break;

        case OPT_TABLES:
            free(o->tables_file);
            o->tables_file = xstrdup(optarg);
            break;

        case OPT_NO_OFFLOADS:
            o->offloads = false;
            break;

        case OPT_PORT_RXBUF:
            if (!str_to_uint(optarg, 10, &value) || value < 65536
                || value > 256 * 1024 * 1024) {
                ovs_fatal(0, "--port-rxbuf: \"%s\" is not 65536 to "
                          "268435456 bytes", optarg);
            }
            o->dp.port_rxbuf = value;
            break;

        case OPT_UNIXCTL:
            free(o->unixctl_path);
            o->unixctl_path = xstrdup(optarg);
            break;

        case OPT_CONTROLLER:
            parse_controllers(optarg, &o->controllers);
            break;

        case OPT_LIBVIRT:
            if (optarg && !optarg[0]) {
                ovs_fatal(0, "--libvirt: the URI is empty (--libvirt alone "
                          "means %s)", LV_DEFAULT_URI);
            }
            free(o->libvirt_uri);
            o->libvirt_uri = xstrdup(optarg ? optarg : LV_DEFAULT_URI);
            break;

        case OPT_DROP_LOG: {
            unsigned int n;
            if (!str_to_uint(optarg, 10, &n) || n > DROP_LOG_MAX_SIZE) {
                ovs_fatal(0, "--drop-log: \"%s\" is not a number of drops "
                          "from 0 to %d", optarg, DROP_LOG_MAX_SIZE);
            }
            o->drop_log_size = n;
            break;
        }

        case OPT_STATS_INTERVAL:
            if (!str_to_int(optarg, 10, &o->stats_interval)
                || o->stats_interval < 0 || o->stats_interval > 3600) {
                ovs_fatal(0, "--stats-interval: \"%s\" is not a number of "
                          "seconds from 0 to 3600", optarg);
            }
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

        case OPT_GW_PROBE_INTERVAL:
        case OPT_GW_PROBE_MULTIPLIER:
        case OPT_GW_UP_AFTER: {
            int *v = (c == OPT_GW_PROBE_INTERVAL ? &o->dp.gw_probe.interval_ms
                      : c == OPT_GW_PROBE_MULTIPLIER
                      ? &o->dp.gw_probe.multiplier
                      : &o->dp.gw_probe.up_after);
            if (!str_to_int(optarg, 10, v)) {
                ovs_fatal(0, "\"%s\" is not a number", optarg);
            }
            break;
        }

        case 'h':
            usage();

        case 'V':
            printf("vplaned (vPlane) %s, built on Open vSwitch %s\n",
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
    const char *probe_error = gwlive_options_check(&o->dp.gw_probe);
    if (probe_error) {
        ovs_fatal(0, "--gateway-probe-interval, --gateway-probe-multiplier, "
                  "--gateway-up-after: %s", probe_error);
    }
    if (!o->dp.vtep) {
        ovs_fatal(0, "--vtep is required (this host's VXLAN address); "
                  "use --help for usage");
    }
    if (o->controllers.n && o->tables_file) {
        ovs_fatal(0, "--tables and --controller exclude each other: under "
                  "a controller the tables come from it");
    }
    if (!o->host_name) {
        char name[256];
        o->host_name = xstrdup(gethostname(name, sizeof name) ? "localhost"
                               : name);
    }
    if (!o->unixctl_path) {
        o->unixctl_path = xasprintf("%s/vplaned.ctl", getenv("OVS_RUNDIR"));
    }
}

static void
usage(void)
{
    printf("%s: vPlane's per-host forwarding daemon\n"
           "usage: %s --vtep=IP [OPTIONS]\n"
           "\nvPlane options:\n"
           "  --vtep=IP               this host's VXLAN tunnel address "
           "(required)\n"
           "  --host-name=NAME        name of this host (default: "
           "hostname)\n"
           "  --vxlan-port=PORT       VXLAN UDP port (default: 4789)\n"
           "  --owner-port=PORT       UDP port of the messages that find "
           "flow owners\n"
           "                          (default: 4788)\n"
           "  --fabric-mtu=N          MTU of the fabric (default: the MTU of\n"
           "                          the interface holding the VTEP "
           "address)\n"
           "  --threads=N             forwarding threads (default: 1)\n"
           "  --tables=FILE           load a JSON tables file at start\n"
           "  --drop-log=N            keep the last N drops for drop-log "
           "(default: %d)\n"
           "  --libvirt[=URI]         attach the NICs of libvirt domains that carry\n"
           "                          vPlane metadata (default URI: "
           LV_DEFAULT_URI")\n"
           "  --stats-interval=SECS   report counters to the controller so "
           "often\n"
           "                          (default: 10; 0: never)\n"
           "  --controller=REMOTE[,REMOTE...]  take the tables from "
           "vplane-ctrl at\n"
           "                          REMOTE (tcp:IP:PORT, ssl:IP:PORT or "
           "unix:FILE);\n"
           "                          with several, the next when one "
           "fails\n"
           "  --port-rxbuf=BYTES      kernel receive queue of each VM port\n"
           "                          (default: 4194304)\n"
           "  --gateway-probe-interval=MS  probe each gateway so often "
           "(default: %d)\n"
           "  --gateway-probe-multiplier=N  a gateway silent for N "
           "intervals is down\n"
           "                          (default: %d)\n"
           "  --gateway-up-after=K    a gateway is used again after K "
           "answers in a row\n"
           "                          (default: %d)\n"
           "  --metrics-dir=DIR       write Prometheus metrics to "
           "DIR/vplaned-HOST.prom\n"
           "                          (node_exporter's textfile collector)\n"
           "  --metrics-interval=SECS rewrite the metrics file so often "
           "(default: 10)\n"
           "  --no-offloads           no virtio-net headers on VM ports\n"
           "                          (VMs must then send full checksums)\n"
           "  --unixctl=SOCKET        control socket (default: "
           "%s/vplaned.ctl)\n",
           program_name, program_name, DROP_LOG_DEFAULT_SIZE,
           GWLIVE_DEFAULT_INTERVAL_MS, GWLIVE_DEFAULT_MULTIPLIER,
           GWLIVE_DEFAULT_UP_AFTER, getenv("OVS_RUNDIR"));
    stream_usage("--controller", true, false, true);
    daemon_usage();
    vlog_usage();
    printf("\nOther options:\n"
           "  -h, --help              display this help message\n"
           "  -V, --version           display version information\n");
    exit(EXIT_SUCCESS);
}
