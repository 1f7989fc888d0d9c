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
#include "openvswitch/dynamic-string.h"
#include "openvswitch/types.h"

struct ctrl_client;
struct ds;
struct json;
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
void ctl_register_dump_commands(struct ctl_context *);
void ctl_register_flow_commands(struct ctl_context *);
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

/* The dumps (ctl-dumps.c): every one takes [--format=json|text] [FILTER],
 * makes its rows as JSON objects, keeps those FILTER matches and formats
 * the text from them, so that both formats show the same rows.  The small
 * ones (show, port/list, drop-stats, subsets/dump) reply with all rows;
 * the others are paged (struct ctl_dump below).
 *
 * Parses a dump's arguments.  Returns true, or replies to 'conn' with the
 * usage and returns false. */
bool ctl_parse_dump_args(struct unixctl_conn *, int argc, const char *argv[],
                         bool *json, const char **filter);
/* Whether 'filter' (NULL: every row) equals the string in one of the
 * columns 'cols' (NULL-terminated) of 'row', or a string of an array
 * there.  A MAC filter matches in any letter case. */
bool ctl_row_matches(const struct json *row, const char *filter,
                     const char *const cols[]);

/* A paged dump (dump-flows, dump-owners, dump-conntrack, drop-log and the
 * table dumps): [--format=json|text] [--limit=N] [--offset=N] [FILTER].
 * Rows are formatted into the reply one at a time, as they are made, so
 * that a dump never holds its table as JSON objects; and one reply holds
 * at most 'limit' rows (CTL_DUMP_DEFAULT_LIMIT unless --limit says, at most
 * CTL_DUMP_MAX_LIMIT), so that a table of millions of rows does not make a
 * reply of millions of rows: the rest are counted and the reply says how to
 * get the next page. */
#define CTL_DUMP_DEFAULT_LIMIT 10000
#define CTL_DUMP_MAX_LIMIT 100000
#define CTL_DUMP_USAGE "[--format=json|text] [--limit=N] [--offset=N] [FILTER]"
#define CTL_DUMP_MAX_ARGS 4

struct ctl_dump {
    struct unixctl_conn *conn;
    const char *command;        /* argv[0]. */
    const char *key;            /* The rows' member in JSON: "flows"... */
    const char *filter;         /* NULL: every row. */
    bool json;
    long long int offset;       /* Matching rows to skip first. */
    long long int limit;        /* Matching rows to show at most. */
    long long int n_matched;    /* Rows the filter kept so far. */
    long long int n_shown;
    void (*format)(const struct json *row, struct ds *); /* Text of a row. */
    struct ds s;                /* The reply so far. */
};

/* Parses the arguments into 'dump'.  Returns true, or replies to 'conn'
 * with the usage and returns false.  The caller then puts its text header
 * into dump->s (if !dump->json), and rows with ctl_dump_row(). */
bool ctl_dump_start(struct ctl_dump *, struct unixctl_conn *, int argc,
                    const char *argv[], const char *key,
                    void (*format)(const struct json *row, struct ds *));
/* Whether the next row could be shown.  False (the row counted, as left
 * out) when it cannot, whatever it holds: then the caller need not make
 * it. */
bool ctl_dump_need_row(struct ctl_dump *);
/* Adds 'row' (if 'matches' the filter and is in the page) and frees it. */
void ctl_dump_row(struct ctl_dump *, struct json *row, bool matches);
/* Ends the rows (the text's closing line, if rows were left out; JSON's
 * "more" and "next-offset", and the members of 'extra', if not NULL),
 * replies and frees the dump (not 'extra'). */
void ctl_dump_finish(struct ctl_dump *, const struct json *extra);

/* Replies with {"KEY": rows} if 'json', else with 's'; frees both. */
void ctl_reply_dump(struct unixctl_conn *, bool json, const char *key,
                    struct json *rows, struct ds *);
/* Replies with 'o' (sorted keys, one line) and frees it. */
void ctl_reply_json(struct unixctl_conn *, struct json *o);
/* A row's values, for the text: a string ("-" when absent or not a
 * string), an integer (0), a boolean (false). */
const char *ctl_row_string(const struct json *row, const char *key);
long long int ctl_row_integer(const struct json *row, const char *key);
bool ctl_row_boolean(const struct json *row, const char *key);
struct json *ctl_ip_json(ovs_be32);
struct json *ctl_mac_json(struct eth_addr);

/* A flow-cache entry as dump-flows shows it: {"thread", "in", "vnet",
 * "tenant", "flow" (the key as text), "eth-src", "eth-dst", "ip-src"?,
 * "ip-dst"?, "packets", "bytes", "age-ms", "used-ms", "owner", "self", "by",
 * "actions"}; 'names' from port_names_by_id(). */
struct flow_cache_entry;
struct json *ctl_flow_entry_json(const struct ctl_context *,
                                 const struct flow_cache_entry *,
                                 unsigned int thread, const char **names,
                                 long long int now);
/* "owner=IP", "owner=IP(self)", "owner=per-packet" or "owner=-", from such
 * an entry (or a dump-owners row). */
void ctl_format_owner(const struct json *, struct ds *);

/* Port names by id (the fabric's too), for showing flow keys: an array of
 * VP_MAX_PORTS, NULL where no port has the id.  Free it with free(). */
const char **port_names_by_id(const struct vp_tables *);

/* Loads the tables file 'file_name' into the tables.  Returns NULL and a
 * summary in '*summary', or an error. */
char *ctl_load_tables_file(struct vp_tables *, const char *file_name,
                           char **summary) OVS_WARN_UNUSED_RESULT;

#endif /* vplane/ctl.h */
