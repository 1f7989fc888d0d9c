/* vplane/ctl-capture.c: capture/start, capture/stop, capture/show (see
 * capture.h).  `vplane-ctl capture` drives them.
 *
 *   capture/start PORT|fabric FILE [count=N] [vni=N]
 *
 * PORT is a VM port or the uplink; "fabric" is the interface holding the
 * VTEP address, VXLAN only (vni=N: of that VNI only).  FILE is an absolute
 * path that vplaned writes. */
#include <config.h>
#include "ctl.h"

#include <net/if.h>
#include <string.h>
#include "capture.h"
#include "dataplane.h"
#include "fabric.h"
#include "openvswitch/dynamic-string.h"
#include "port.h"
#include "tables-config.h"
#include "tables.h"
#include "unixctl.h"
#include "util.h"

static void
cmd_capture_start(struct unixctl_conn *conn, int argc, const char *argv[],
                  void *ctx_)
{
    struct ctl_context *ctx = ctx_;
    const char *what = argv[1], *path = argv[2];
    unsigned long long int count = 0;
    uint32_t vni = 0;
    char ifname[IFNAMSIZ];
    char *error = NULL;

    for (int i = 3; i < argc && !error; i++) {
        if (!strncmp(argv[i], "count=", 6)) {
            if (!str_to_ullong(argv[i] + 6, 10, &count)) {
                error = xasprintf("count: \"%s\" is not a number",
                                  argv[i] + 6);
            }
        } else if (!strncmp(argv[i], "vni=", 4)) {
            error = vp_parse_vni("vni", argv[i] + 4, &vni);
        } else {
            error = xasprintf("\"%s\": expected count=N or vni=N", argv[i]);
        }
    }
    if (!error && path[0] != '/') {
        error = xasprintf("%s: the file must be an absolute path (vplaned "
                          "writes it)", path);
    }

    bool fabric = !strcmp(what, "fabric");
    if (!error && fabric) {
        if (!fabric_vtep_ifname(ctx->dp->opts.vtep, ifname)) {
            error = xstrdup("fabric: no interface holds the VTEP address");
        }
    } else if (!error) {
        const struct vp_port *uplink = tables_uplink(ctx->tables);
        if (vni) {
            error = xstrdup("vni: only a fabric capture filters by VNI");
        } else if (!tables_port_by_name(ctx->tables, what)
                   && !(uplink && !strcmp(uplink->name, what))) {
            error = xasprintf("port: no port named \"%s\"", what);
        } else {
            ovs_strzcpy(ifname, what, sizeof ifname);
        }
    }
    if (!error) {
        char *label = (fabric
                       ? (vni ? xasprintf("fabric (%s, VXLAN VNI %"PRIu32")",
                                          ifname, vni)
                              : xasprintf("fabric (%s, VXLAN)", ifname))
                       : xasprintf("port %s", what));
        error = capture_start(ifname, label, path, count,
                              fabric ? ctx->dp->opts.vxlan_port : 0, vni);
        free(label);
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return;
    }
    struct ds s = DS_EMPTY_INITIALIZER;
    capture_format(&s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

static void
cmd_capture_stop(struct unixctl_conn *conn, int argc OVS_UNUSED,
                 const char *argv[] OVS_UNUSED, void *ctx OVS_UNUSED)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    capture_stop();
    capture_format(&s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

static void
cmd_capture_show(struct unixctl_conn *conn, int argc OVS_UNUSED,
                 const char *argv[] OVS_UNUSED, void *ctx OVS_UNUSED)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    capture_format(&s);
    unixctl_command_reply(conn, ds_cstr(&s));
    ds_destroy(&s);
}

void
ctl_register_capture_commands(struct ctl_context *ctx)
{
    unixctl_command_register("capture/start",
                             "PORT|fabric FILE [count=N] [vni=N]", 2, 4,
                             cmd_capture_start, ctx);
    unixctl_command_register("capture/stop", "", 0, 0, cmd_capture_stop,
                             ctx);
    unixctl_command_register("capture/show", "", 0, 0, cmd_capture_show,
                             ctx);
}
