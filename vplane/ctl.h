/* vplane/ctl.h: vplaned's control commands (unixctl).
 *
 * Every command vplane-ctl sends is a unixctl command of the daemon, so
 * `ovs-appctl -t SOCKET COMMAND ...` works the same way.  Commands that
 * change the tables build a struct vp_config and go through tables_apply():
 * a bad argument is a one-line error and nothing is applied.  The commands
 * and their output formats are documented in docs/ctl.md. */
#ifndef VPLANE_CTL_H
#define VPLANE_CTL_H 1

#include <stdbool.h>
#include "openvswitch/types.h"

struct ctrl_client;
struct dataplane;
struct lv_watch;
struct simap;
struct unixctl_conn;
struct vp_port_spec;
struct vp_tables;

struct ctl_context {
    struct vp_tables *tables;
    struct dataplane *dp;
    const char *host_name;
    bool offloads;
    struct ctrl_client *client; /* Under a controller, or NULL. */
    struct lv_watch *libvirt;   /* Following libvirt, or NULL. */
    bool exiting;               /* Set by "exit". */
};

void ctl_register_table_commands(struct ctl_context *);
void ctl_register_show_commands(struct ctl_context *);
void ctl_register_trace_command(struct ctl_context *);
void ctl_register_stateful_commands(struct ctl_context *);
void ctl_register_drop_commands(struct ctl_context *);
void ctl_register_capture_commands(struct ctl_context *);

/* This host's counters, as a vplane.1.stats report ('ctx' is a struct
 * ctl_context; the signature suits ctrl_client_set_stats()). */
struct json *ctl_stats_report(void *ctx);

/* Entries per table and their size, for memory/show. */
void ctl_get_memory_usage(const struct ctl_context *, struct simap *);

/* A VM port came up or went away, as port/add and port/del say: reported
 * to the controller under one (with 'vm', the VM's identity), otherwise
 * applied to the tables.  Returns NULL or an error. */
char *ctl_port_up(struct ctl_context *, const struct vp_port_spec *,
                  const char *vm) OVS_WARN_UNUSED_RESULT;
char *ctl_port_down(struct ctl_context *, const char *name)
    OVS_WARN_UNUSED_RESULT;

/* Parses a dump's arguments: [--format=json|text] [FILTER].  Returns true,
 * or replies to 'conn' with the usage and returns false. */
bool ctl_parse_dump_args(struct unixctl_conn *, int argc, const char *argv[],
                         bool *json, const char **filter);

/* Port names by id (the fabric's too), for showing flow keys: an array of
 * VP_MAX_PORTS, NULL where no port has the id.  Free it with free(). */
const char **port_names_by_id(const struct vp_tables *);

/* Loads the tables file 'file_name' into the tables.  Returns NULL and a
 * summary in '*summary', or an error. */
char *ctl_load_tables_file(struct vp_tables *, const char *file_name,
                           char **summary) OVS_WARN_UNUSED_RESULT;

#endif /* vplane/ctl.h */
