/* vplane/ctl-dumps.c: what every dump shares -- the arguments
 * [--format=json|text] [FILTER], the filter, the reply, a row's values.
 * The commands are elsewhere (ctl-table-dumps.c, ctl-flows.c...): this
 * file depends on no module of the daemon, so that the kinds' units, which
 * hold their dumps' rows and text, link into the controller's programs
 * too.
 *
 * A dump makes each row as a JSON object and formats the text from it, so
 * that the two formats cannot disagree about rows or values; and it adds
 * each row to the reply as it is made (struct ctl_dump), so that a dump of
 * a large table never holds the table as JSON objects, and pages, so that
 * one reply holds at most CTL_DUMP_MAX_LIMIT rows.  The formats are
 * documented in docs/ctl.md; scripts rely on the columns. */
#include <config.h>
#include "ctl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "unixctl.h"
#include "util.h"

bool
ctl_parse_dump_args(struct unixctl_conn *conn, int argc, const char *argv[],
                    bool *json, const char **filter)
{
    *json = false;
    *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--format=json")) {
            *json = true;
        } else if (!strcmp(argv[i], "--format=text")) {
            *json = false;
        } else if (argv[i][0] == '-' || *filter) {
            char *error = xasprintf("usage: %s [--format=json|text] "
                                    "[FILTER]", argv[0]);
            unixctl_command_reply_error(conn, error);
            free(error);
            return false;
        } else {
            *filter = argv[i];
        }
    }
    return true;
}

/* Parses "--NAME=N" in 'arg' into '*value' (MIN to MAX).  Returns false
 * if 'arg' is no such option, else true, with '*error' set if N is bad. */
static bool
parse_count_option(const char *arg, const char *name, long long int min,
                   long long int max, long long int *value, char **error)
{
    size_t len = strlen(name);
    long long int n;
    int pos = 0;

    if (strncmp(arg, name, len) || arg[len] != '=') {
        return false;
    }
    if (!ovs_scan(arg + len + 1, "%lld%n", &n, &pos) || arg[len + 1 + pos]
        || n < min || n > max) {
        *error = xasprintf("%s: expected a number from %lld to %lld",
                           arg, min, max);
    } else {
        *value = n;
    }
    return true;
}

bool
ctl_dump_start(struct ctl_dump *d, struct unixctl_conn *conn, int argc,
               const char *argv[], const char *key,
               void (*format)(const struct json *, struct ds *))
{
    char *error = NULL;

    *d = (struct ctl_dump) {
        .conn = conn, .command = argv[0], .key = key, .format = format,
        .limit = CTL_DUMP_DEFAULT_LIMIT, .s = DS_EMPTY_INITIALIZER,
    };
    for (int i = 1; i < argc && !error; i++) {
        if (!strcmp(argv[i], "--format=json")) {
            d->json = true;
        } else if (!strcmp(argv[i], "--format=text")) {
            d->json = false;
        } else if (parse_count_option(argv[i], "--limit", 1,
                                      CTL_DUMP_MAX_LIMIT, &d->limit, &error)
                   || parse_count_option(argv[i], "--offset", 0, LLONG_MAX,
                                         &d->offset, &error)) {
            /* Parsed, or 'error' says why not. */
        } else if (argv[i][0] == '-' || d->filter) {
            error = xasprintf("usage: %s "CTL_DUMP_USAGE, argv[0]);
        } else {
            d->filter = argv[i];
        }
    }
    if (error) {
        unixctl_command_reply_error(conn, error);
        free(error);
        return false;
    }
    if (d->json) {
        ds_put_char(&d->s, '{');
        json_string_escape(key, &d->s);
        ds_put_cstr(&d->s, ":[");
    }
    return true;
}

bool
ctl_dump_need_row(struct ctl_dump *d)
{
    if (!d->filter && (d->n_matched < d->offset
                       || d->n_shown >= d->limit)) {
        d->n_matched++;
        return false;
    }
    return true;
}

void
ctl_dump_row(struct ctl_dump *d, struct json *row, bool matches)
{
    if (matches) {
        d->n_matched++;
        if (d->n_matched > d->offset && d->n_shown < d->limit) {
            if (!d->json) {
                d->format(row, &d->s);
            } else {
                if (d->n_shown) {
                    ds_put_char(&d->s, ',');
                }
                json_to_ds(row, JSSF_SORT, &d->s);
            }
            d->n_shown++;
        }
    }
    json_destroy(row);
}

void
ctl_dump_finish(struct ctl_dump *d, const struct json *extra)
{
    long long int next = d->offset + d->n_shown;
    long long int more = d->n_matched - MIN(d->n_matched, next);

    if (d->json) {
        ds_put_char(&d->s, ']');
        if (more) {
            ds_put_format(&d->s, ",\"more\":%lld,\"next-offset\":%lld",
                          more, next);
        }
        if (extra) {
            const struct shash_node **nodes = shash_sort(json_object(extra));
            for (size_t i = 0; i < shash_count(json_object(extra)); i++) {
                ds_put_char(&d->s, ',');
                json_string_escape(nodes[i]->name, &d->s);
                ds_put_char(&d->s, ':');
                json_to_ds(nodes[i]->data, JSSF_SORT, &d->s);
            }
            free(nodes);
        }
        ds_put_cstr(&d->s, "}\n");
    } else if (more) {
        ds_put_format(&d->s, "(%lld more rows: next page with --offset=%lld; "
                      "at most %d rows a page with --limit)\n", more, next,
                      CTL_DUMP_MAX_LIMIT);
    }
    unixctl_command_reply(d->conn, ds_cstr(&d->s));
    ds_destroy(&d->s);
}

void
ctl_reply_json(struct unixctl_conn *conn, struct json *o)
{
    char *s = json_to_string(o, JSSF_SORT);
    char *reply = xasprintf("%s\n", s);

    unixctl_command_reply(conn, reply);
    free(reply);
    free(s);
    json_destroy(o);
}

void
ctl_reply_dump(struct unixctl_conn *conn, bool json, const char *key,
               struct json *rows, struct ds *s)
{
    if (json) {
        struct json *o = json_object_create();
        json_object_put(o, key, rows);
        ctl_reply_json(conn, o);
    } else {
        json_destroy(rows);
        unixctl_command_reply(conn, ds_cstr(s));
    }
    ds_destroy(s);
}

static bool
value_matches(const struct json *v, const char *filter)
{
    if (v && v->type == JSON_STRING) {
        return !strcmp(json_string(v), filter);
    } else if (v && v->type == JSON_ARRAY) {
        for (size_t i = 0; i < json_array(v)->n; i++) {
            if (value_matches(json_array(v)->elems[i], filter)) {
                return true;
            }
        }
    }
    return false;
}

bool
ctl_row_matches(const struct json *row, const char *filter,
                const char *const cols[])
{
    char mac[ETH_ADDR_STRLEN + 1];
    struct eth_addr ea;

    if (!filter) {
        return true;
    }
    /* MACs are shown in lower case; "02:AA:..." means the same MAC.  The
     * whole filter must be the MAC ("02:..:01x" is no MAC). */
    int n = 0;
    if (ovs_scan(filter, ETH_ADDR_SCAN_FMT"%n", ETH_ADDR_SCAN_ARGS(ea), &n)
        && !filter[n]) {
        snprintf(mac, sizeof mac, ETH_ADDR_FMT, ETH_ADDR_ARGS(ea));
        filter = mac;
    }
    for (size_t i = 0; cols[i]; i++) {
        if (value_matches(shash_find_data(json_object(row), cols[i]),
                          filter)) {
            return true;
        }
    }
    return false;
}

const char *
ctl_row_string(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_STRING ? json_string(v) : "-";
}

long long int
ctl_row_integer(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_INTEGER ? json_integer(v) : 0;
}

bool
ctl_row_boolean(const struct json *row, const char *key)
{
    const struct json *v = shash_find_data(json_object(row), key);

    return v && v->type == JSON_TRUE;
}

struct json *
ctl_ip_json(ovs_be32 ip)
{
    return json_string_create_nocopy(xasprintf(IP_FMT, IP_ARGS(ip)));
}

struct json *
ctl_mac_json(struct eth_addr mac)
{
    return json_string_create_nocopy(xasprintf(ETH_ADDR_FMT,
                                               ETH_ADDR_ARGS(mac)));
}
