/* ctrl/sb-messages.c: what a vplaned sends the controller -- hello (and
 * the contest between two sessions of one host), acks, port reports,
 * counters, echoes -- checked before anything acts on it. */
#include <config.h>
#include "southbound-private.h"

#include <string.h>
#include "coverage.h"
#include "ctrl.h"
#include "jsonrpc.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "stats.h"
#include "util.h"
#include "vplane/json-members.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(sb_messages);

COVERAGE_DEFINE(sb_bad_message);
COVERAGE_DEFINE(sb_bad_stats);
COVERAGE_DEFINE(sb_stale_hello);

/* After this many bad notifications a session is closed. */
#define SB_MAX_BAD_MESSAGES 16

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
sb_hello_free(struct sb_hello *hello)
{
    if (hello) {
        free(hello->host);
        free(hello->vtep);
        free(hello->version);
        json_destroy(hello->id);
        free(hello);
    }
}

/* Member 'name' of 'o' if it has JSON type 'type' ('optional': may be
 * missing).  Sets '*error' (if not set yet) otherwise. */
static const struct json *
member(const struct json *o, const char *name, enum json_type type,
       bool optional, char **error)
{
    const struct json *v = shash_find_data(json_object(o), name);

    if ((!v && !optional) || (v && v->type != type)) {
        if (!*error) {
            *error = xasprintf("%s: %s %s", name,
                               v ? "must be" : "missing, must be",
                               json_type_to_string(type));
        }
        return NULL;
    }
    return v;
}

static const char *
member_string(const struct json *o, const char *name, bool optional,
              char **error)
{
    const struct json *v = member(o, name, JSON_STRING, optional, error);
    return v ? json_string(v) : NULL;
}

/* A message that is not what the protocol allows.  Requests get an error
 * reply; too many bad messages close the session. */
static void
bad_message(struct sb_session *s, const struct jsonrpc_msg *msg,
            const char *error)
{
    COVERAGE_INC(sb_bad_message);
    VLOG_WARN_RL(&rl, "%s: bad %s \"%s\": %s", s->peer,
                 jsonrpc_msg_type_to_string(msg->type),
                 msg->method ? msg->method : "", error);
    if (msg->type == JSONRPC_REQUEST) {
        sb_session_send(s, jsonrpc_create_error(json_string_create(error),
                                                msg->id));
    }
    if (++s->n_bad >= SB_MAX_BAD_MESSAGES) {
        VLOG_WARN_RL(&rl, "%s: too many bad messages, closing", s->peer);
        sb_session_close(s);
    }
}

/* Answers the hello of host 'name' on 's', or refuses it and closes 's'. */
static void
answer_hello(struct sb_session *s, const struct json *id, const char *name,
             const char *vtep, const char *version)
{
    char *error = ctrl_hello(s->server->ctrl, s, name, vtep, version);

    if (error) {
        COVERAGE_INC(sb_bad_message);
        VLOG_WARN_RL(&rl, "%s: bad request \"%s\": %s", s->peer,
                     VP_METHOD_HELLO, error);
        sb_session_send(s, jsonrpc_create_error(json_string_create(error),
                                                json_clone(id)));
        free(error);
        /* A refused host may not stay connected. */
        sb_session_close(s);
        return;
    }

    struct json *result = json_object_create();
    json_object_put_string(result, "controller", VPLANE_VERSION);
    json_object_put(result, "protocol",
                    json_integer_create(VP_PROTOCOL_VERSION));
    sb_session_send(s, jsonrpc_create_reply(result, json_clone(id)));
}

static void
send_live_probe(struct sb_session *s)
{
    struct jsonrpc_msg *probe = jsonrpc_create_request(
        "echo", json_array_create_empty(), NULL);

    json_destroy(probe->id);
    probe->id = json_string_create(SB_LIVE_PROBE_ID);
    sb_session_send(s, probe);
}

/* Holds the hello on 's' until 'old', the host's session, shows whether
 * it is alive (see struct sb_hello). */
static void
contest_hello(struct sb_session *s, struct sb_session *old,
              const struct jsonrpc_msg *msg, const char *name,
              const char *vtep, const char *version, long long int now)
{
    struct sb_hello *hello = xzalloc(sizeof *hello);

    hello->host = xstrdup(name);
    hello->vtep = xstrdup(vtep);
    hello->version = xstrdup(version);
    hello->id = json_clone(msg->id);
    hello->since = now;
    hello->probed = old->serial;
    s->hello = hello;
    send_live_probe(old);
    VLOG_INFO("%s: hello for host %s, which has a session from %s: asking "
              "that one whether it is alive", s->peer, name, old->peer);
}

/* Settles the hello waiting on 's', once the host's older session has
 * answered, closed, or stayed silent for SB_CONTEST_MS. */
void
sb_hello_settle(struct sb_session *s, long long int now)
{
    struct sb_hello *hello = s->hello;
    struct sb_session *old = ctrl_host_session(s->server->ctrl, hello->host);

    if (old && old != s && !old->closing) {
        if (old->serial != hello->probed) {
            /* Another session took the host over meanwhile (a newcomer
             * whose contest ended first): that one is asked now. */
            hello->probed = old->serial;
            hello->since = now;
            send_live_probe(old);
            return;
        } else if (old->live_reply_at >= hello->since) {
            char *error = xasprintf("host: \"%s\" is connected from %s, "
                                    "which answers: this connection is not "
                                    "the host's live one", hello->host,
                                    old->peer);
            COVERAGE_INC(sb_stale_hello);
            VLOG_WARN_RL(&rl, "%s: stale hello refused: %s", s->peer, error);
            sb_session_send(s, jsonrpc_create_error(
                                json_string_create(error),
                                json_clone(hello->id)));
            free(error);
            /* Settled: not also "closed before its hello was answered". */
            s->hello = NULL;
            sb_hello_free(hello);
            sb_session_close(s);
            return;
        } else if (now < hello->since + SB_CONTEST_MS) {
            return;
        }
        VLOG_WARN("%s: host %s's session from %s did not answer in %d ms",
                  s->peer, hello->host, old->peer, SB_CONTEST_MS);
    }
    s->hello = NULL;
    answer_hello(s, hello->id, hello->host, hello->vtep, hello->version);
    sb_hello_free(hello);
}

static void
handle_hello(struct sb_session *s, const struct jsonrpc_msg *msg,
             long long int now)
{
    const struct json *p = json_members_object_param(msg);
    char *error = NULL;

    if (!p) {
        bad_message(s, msg, "params: must be [ {hello} ]");
        return;
    } else if (s->host || s->hello) {
        bad_message(s, msg, "hello: already done on this session");
        return;
    }
    const char *host = member_string(p, "host", false, &error);
    const char *vtep = member_string(p, "vtep", false, &error);
    const char *version = member_string(p, "version", false, &error);
    const struct json *protocol = member(p, "protocol", JSON_INTEGER, false,
                                         &error);
    member(p, "capabilities", JSON_ARRAY, true, &error);
    if (!error && protocol->integer != VP_PROTOCOL_VERSION) {
        error = xasprintf("protocol: %lld not supported (this controller "
                          "speaks %d)", protocol->integer,
                          VP_PROTOCOL_VERSION);
    }
    if (error) {
        bad_message(s, msg, error);
        free(error);
        /* A refused host may not stay connected. */
        sb_session_close(s);
        return;
    }

    struct sb_session *old = ctrl_host_session(s->server->ctrl, host);
    if (old && old != s && !old->closing) {
        contest_hello(s, old, msg, host, vtep, version, now);
    } else {
        answer_hello(s, msg->id, host, vtep, version);
    }
}

static void
handle_ack(struct sb_session *s, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    char *error = NULL;

    if (!p) {
        bad_message(s, msg, "params: must be [ {ack} ]");
        return;
    }
    const struct json *gen = member(p, "generation", JSON_INTEGER, false,
                                    &error);
    const char *failure = member_string(p, "error", true, &error);
    if (error) {
        bad_message(s, msg, error);
        free(error);
        return;
    }
    ctrl_ack(s->server->ctrl, s, gen->integer, failure);
}

static void
handle_port_status(struct sb_session *s, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    struct sb_port_status ps;
    char *error = NULL;

    if (!p) {
        bad_message(s, msg, "params: must be [ {port status} ]");
        return;
    }
    ps.port = member_string(p, "port", false, &error);
    ps.vnet = member_string(p, "vnet", false, &error);
    ps.mac = member_string(p, "mac", false, &error);
    ps.vm = member_string(p, "vm", true, &error);
    ps.ips = member(p, "ips", JSON_ARRAY, true, &error);
    const struct json *up = shash_find_data(json_object(p), "up");
    if (!error && (!up || (up->type != JSON_TRUE && up->type != JSON_FALSE))) {
        error = xstrdup("up: missing, must be true or false");
    }
    const struct json *refresh = shash_find_data(json_object(p), "refresh");
    if (!error && refresh && refresh->type != JSON_TRUE
        && refresh->type != JSON_FALSE) {
        error = xstrdup("refresh: must be true or false");
    }
    if (!error) {
        ps.up = up->type == JSON_TRUE;
        ps.refresh = refresh && refresh->type == JSON_TRUE;
        error = ctrl_port_status(s->server->ctrl, s, &ps);
    }
    if (error) {
        bad_message(s, msg, error);
        free(error);
    }
}

static void
handle_stats(struct sb_session *s, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    char *error = p ? ctrl_stats_check(p) : xstrdup("params: must be "
                                                    "[ {stats} ]");
    if (error) {
        /* Counters are for operators, not for the session: a report this
         * controller cannot take (a newer host's, say) is dropped, not
         * held against the host like a bad message. */
        COVERAGE_INC(sb_bad_stats);
        VLOG_WARN_RL(&rl, "%s: stats report ignored: %s", s->peer, error);
        free(error);
        return;
    }
    ctrl_stats_report(sb_session_host(s), p);
}

void
sb_handle_message(struct sb_session *s, struct jsonrpc_msg *msg,
               long long int now)
{
    if (msg->type == JSONRPC_REQUEST) {
        if (!strcmp(msg->method, VP_METHOD_HELLO)) {
            handle_hello(s, msg, now);
        } else {
            bad_message(s, msg, "unknown method");
        }
    } else if (msg->type == JSONRPC_NOTIFY) {
        if (!s->host) {
            bad_message(s, msg, "no hello yet");
        } else if (!strcmp(msg->method, VP_METHOD_ACK)) {
            handle_ack(s, msg);
        } else if (!strcmp(msg->method, VP_METHOD_PORT_STATUS)) {
            handle_port_status(s, msg);
        } else if (!strcmp(msg->method, VP_METHOD_STATS)) {
            handle_stats(s, msg);
        } else {
            bad_message(s, msg, "unknown method");
        }
    }
    /* Replies: the controller asks nothing (the session answers echoes). */
}

/* Answers the peer's inactivity probes; our own probes' answers only
 * count as activity, or as proof of life (see struct sb_hello).  Returns
 * true if 'msg' was one of those. */
bool
sb_handle_echo(struct sb_session *s, const struct jsonrpc_msg *msg,
            long long int now)
{
    if (msg->type == JSONRPC_REQUEST && !strcmp(msg->method, "echo")) {
        sb_session_send(s, jsonrpc_create_reply(json_clone(msg->params),
                                                msg->id));
        return true;
    } else if (msg->type != JSONRPC_REPLY || !msg->id
               || msg->id->type != JSON_STRING) {
        return false;
    } else if (!strcmp(json_string(msg->id), SB_LIVE_PROBE_ID)) {
        s->live_reply_at = now;
        /* The newcomer waiting on it may be later in the list. */
        poll_immediate_wake();
        return true;
    }
    return !strcmp(json_string(msg->id), "echo");
}

/* 's' closed while its hello waited on the contest: the host's other
 * session stays. */
void
sb_hello_abandoned(const struct sb_session *s)
{
    COVERAGE_INC(sb_stale_hello);
    VLOG_WARN_RL(&rl, "%s: closed before its hello for host %s was "
                 "answered: the host's other session stays",
                 s->peer, s->hello->host);
}
