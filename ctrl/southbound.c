/* ctrl/southbound.c: sessions with vplaneds and message checks (see
 * southbound.h). */
#include <config.h>
#include "southbound.h"

#include <errno.h>
#include <string.h>
#include "coverage.h"
#include "ctrl.h"
#include "jsonrpc.h"
#include "listen-queue.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/list.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "reconnect.h"
#include "socket-util.h"
#include "stats.h"
#include "stream.h"
#include "timeval.h"
#include "util.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(southbound);

COVERAGE_DEFINE(sb_bad_message);
COVERAGE_DEFINE(sb_oversized);
COVERAGE_DEFINE(sb_silent);
COVERAGE_DEFINE(sb_bad_stats);
COVERAGE_DEFINE(sb_stale_hello);

/* After this many bad notifications a session is closed. */
#define SB_MAX_BAD_MESSAGES 16

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

/* A session is a JSON-RPC connection and Open vSwitch's reconnect state
 * machine, used for its inactivity probes only (a server does not
 * reconnect).  Not a jsonrpc_session: that one answers "echo" messages out
 * of sight, which would hide where messages start and so the size of the
 * one being received. */
struct sb_session {
    struct ovs_list node;       /* In server->sessions. */
    struct sb_server *server;
    struct jsonrpc *rpc;
    struct reconnect *fsm;
    bool closing;               /* Close at the next run. */
    int error;                  /* Why it closed, if it did. */
    char *peer;
    long long int created;
    unsigned int msg_start;     /* Bytes received when the last message
                                 * ended. */
    unsigned int n_bad;
    struct ctrl_host *host;     /* Set by a successful hello. */
    struct sb_hello *hello;     /* A hello waiting for the host's older
                                 * session to prove it is alive, or NULL. */
    unsigned long long int serial;  /* Which session of this server. */
    long long int live_reply_at;    /* When the last answer to a liveness
                                     * probe (see sb_hello) came, or 0. */
};

/* A hello for a host that already has a session.  The older session is
 * either the one the host still uses (and the new connection one the host
 * gave up on while it waited in the listen queue, accepted only now) or
 * one the host left (a restarted vplaned).  The older session is sent a
 * probe of its own: if it answers, the host reads it and the newcomer is
 * refused; if it closes or stays silent for SB_CONTEST_MS, the newcomer
 * takes over.  A newcomer that closes first was the stale one. */
struct sb_hello {
    char *host;
    char *vtep;
    char *version;
    struct json *id;            /* Of the hello request. */
    long long int since;        /* When the older session was probed. */
    unsigned long long int probed;  /* Its serial: another session of the
                                     * host is asked anew. */
};

/* The id of the probes that decide between two sessions of one host:
 * distinct from the inactivity probes', whose answers may be in flight. */
#define SB_LIVE_PROBE_ID "echo-live"

struct sb_server {
    struct ctrl *ctrl;
    struct pstream **listeners;
    size_t n_listeners;
    struct ovs_list sessions;

    /* Every pass over the sessions costs a poll() slot, a recv() and a
     * timer per session, whatever woke us: at a thousand idle hosts, each
     * probing every few seconds, a pass for each message costs a sixth of
     * a CPU (measured: 152 ms/s).  So after a pass that received
     * something, while no session has output queued or waits for its
     * hello, the next pass waits a little, in proportion to the sessions,
     * and takes in every message that came meanwhile -- even when the
     * database or a command wakes the main loop meanwhile.  A pass that
     * received nothing sleeps until the next message, as before. */
    long long int last_pass;
    size_t n_sessions;
    bool busy;                  /* Some session has output or no hello. */
    bool had_input;             /* The last pass received a message. */
    unsigned long long int next_serial;
};

/* How long the next pass waits after one that received something: per
 * session, and at most.  50 ms at a thousand hosts, a delay their
 * messages (acks, echo requests, port reports) can take; the passes'
 * cost then stays near 1.5% of a CPU at any number of hosts up to the
 * bound. */
#define SB_PASS_US_PER_SESSION 50
#define SB_PASS_MAX_GAP_MS 100

struct sb_server *
sb_server_create(struct ctrl *ctrl)
{
    struct sb_server *s = xzalloc(sizeof *s);

    s->ctrl = ctrl;
    ovs_list_init(&s->sessions);
    return s;
}

static void
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

static void
session_destroy(struct sb_session *s)
{
    if (s->host) {
        ctrl_session_closed(s->server->ctrl, s);
    }
    sb_hello_free(s->hello);
    ovs_list_remove(&s->node);
    jsonrpc_close(s->rpc);
    reconnect_destroy(s->fsm);
    free(s->peer);
    free(s);
}

void
sb_server_destroy(struct sb_server *s)
{
    if (s) {
        struct sb_session *session;
        LIST_FOR_EACH_SAFE (session, node, &s->sessions) {
            session_destroy(session);
        }
        for (size_t i = 0; i < s->n_listeners; i++) {
            pstream_close(s->listeners[i]);
        }
        free(s->listeners);
        free(s);
    }
}

int
sb_server_listen(struct sb_server *s, const char *remote)
{
    struct pstream *listener;
    int error = jsonrpc_pstream_open(remote, &listener, DSCP_DEFAULT);

    if (error) {
        VLOG_ERR("%s: cannot listen: %s", remote, ovs_strerror(error));
        return error;
    }
    s->listeners = xrealloc(s->listeners,
                            (s->n_listeners + 1) * sizeof *s->listeners);
    s->listeners[s->n_listeners++] = listener;
    listen_queue_deepen(listener);
    VLOG_INFO("listening for vplaneds on %s", pstream_get_name(listener));
    return 0;
}

#define SB_ACCEPTS_PER_RUN 64

static bool accept_one(struct sb_server *);

static void
accept_sessions(struct sb_server *s)
{
    /* OVS listens with a backlog of 10: connections beyond the few taken
     * per iteration would wait for the client's SYN retry (a second or
     * more) when thousands of hosts connect at once. */
    for (int n = 0; n < SB_ACCEPTS_PER_RUN; n++) {
        if (!accept_one(s)) {
            break;
        }
    }
}

/* Accepts one connection on each listener that has one; false if none
 * had. */
static bool
accept_one(struct sb_server *s)
{
    bool accepted = false;

    for (size_t i = 0; i < s->n_listeners; i++) {
        struct stream *stream;
        int error = pstream_accept(s->listeners[i], &stream);

        if (error == EAGAIN) {
            continue;
        } else if (error) {
            VLOG_WARN_RL(&rl, "%s: accept failed: %s",
                         pstream_get_name(s->listeners[i]),
                         ovs_strerror(error));
            continue;
        }

        struct sb_session *session = xzalloc(sizeof *session);
        long long int now = time_msec();
        session->server = s;
        session->rpc = jsonrpc_open(stream);
        session->peer = xstrdup(jsonrpc_get_name(session->rpc));
        session->fsm = reconnect_create(now);
        reconnect_set_name(session->fsm, session->peer);
        reconnect_set_max_tries(session->fsm, 0);
        reconnect_set_probe_interval(session->fsm, SB_PROBE_INTERVAL_MS);
        reconnect_connected(session->fsm, now);
        session->created = now;
        session->serial = ++s->next_serial;
        ovs_list_push_back(&s->sessions, &session->node);
        s->busy = true;         /* Its hello is awaited. */
        VLOG_INFO("%s: connected", session->peer);
        accepted = true;
    }
    return accepted;
}

/* The single object parameter of 'msg', or NULL. */
static const struct json *
object_param(const struct jsonrpc_msg *msg)
{
    const struct json_array *a;

    if (!msg->params || msg->params->type != JSON_ARRAY) {
        return NULL;
    }
    a = json_array(msg->params);
    return (a->n == 1 && a->elems[0]->type == JSON_OBJECT ? a->elems[0]
            : NULL);
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
static void
settle_hello(struct sb_session *s, long long int now)
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
    const struct json *p = object_param(msg);
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
    const struct json *p = object_param(msg);
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
    const struct json *p = object_param(msg);
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
    const struct json *p = object_param(msg);
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

static void
handle_message(struct sb_session *s, struct jsonrpc_msg *msg,
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
static bool
handle_echo(struct sb_session *s, const struct jsonrpc_msg *msg,
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

static void
send_probe(struct sb_session *s)
{
    struct jsonrpc_msg *probe = jsonrpc_create_request(
        "echo", json_array_create_empty(), NULL);

    json_destroy(probe->id);
    probe->id = json_string_create("echo");
    sb_session_send(s, probe);
}

static void
run_session(struct sb_session *s, long long int now)
{
    size_t backlog = jsonrpc_get_backlog(s->rpc);

    jsonrpc_run(s->rpc);
    if (jsonrpc_get_backlog(s->rpc) < backlog) {
        reconnect_activity(s->fsm, now);
    }
    for (int i = 0; i < 50 && !s->closing; i++) {
        unsigned int before = jsonrpc_get_received_bytes(s->rpc);
        struct jsonrpc_msg *msg;
        int error = jsonrpc_recv(s->rpc, &msg);
        unsigned int after = jsonrpc_get_received_bytes(s->rpc);

        reconnect_receive_attempted(s->fsm, now);
        if (after != before) {
            reconnect_activity(s->fsm, now);
        }
        if (msg) {
            s->server->had_input = true;
            /* Input already read may hold the start of the next message:
             * at most one buffer's worth, negligible against the limit. */
            s->msg_start = after;
            if (!handle_echo(s, msg, now)) {
                handle_message(s, msg, now);
            }
            jsonrpc_msg_destroy(msg);
        } else if (after - s->msg_start > VP_MAX_HOST_MESSAGE) {
            COVERAGE_INC(sb_oversized);
            VLOG_WARN_RL(&rl, "%s: message larger than %d bytes, closing",
                         s->peer, VP_MAX_HOST_MESSAGE);
            sb_session_close(s);
        } else if (error) {
            if (error != EAGAIN) {
                s->error = error;
                s->closing = true;
            }
            break;
        }
    }
    if (!s->closing && jsonrpc_get_status(s->rpc)) {
        s->error = jsonrpc_get_status(s->rpc);
        s->closing = true;
    }
    if (s->hello && !s->closing) {
        settle_hello(s, now);
    }
    if (!s->host && !s->hello && now - s->created > SB_HELLO_TIMEOUT_MS
        && !s->closing) {
        COVERAGE_INC(sb_silent);
        VLOG_WARN_RL(&rl, "%s: no hello in %d ms, closing", s->peer,
                     SB_HELLO_TIMEOUT_MS);
        sb_session_close(s);
    }
    switch (reconnect_run(s->fsm, now)) {
    case RECONNECT_PROBE:
        send_probe(s);
        break;
    case RECONNECT_DISCONNECT:
        /* reconnect.c logged the unanswered probe. */
        s->error = ETIMEDOUT;
        s->closing = true;
        break;
    case RECONNECT_CONNECT:
        break;
    }
}

static long long int
pass_gap(const struct sb_server *server)
{
    return MIN(server->n_sessions * SB_PASS_US_PER_SESSION / 1000,
               SB_PASS_MAX_GAP_MS);
}

/* Whether the next pass over the sessions waits (see struct sb_server). */
static bool
pass_waits(const struct sb_server *server, long long int now)
{
    return (server->had_input && !server->busy
            && now < server->last_pass + pass_gap(server));
}

void
sb_server_run(struct sb_server *server)
{
    long long int now = time_msec();
    struct sb_session *s;

    accept_sessions(server);
    if (pass_waits(server, now)) {
        /* Woken by something else (the database, a command): the pass
         * is due at its time, sb_server_wait()'s timer. */
        return;
    }
    server->last_pass = now;
    server->n_sessions = 0;
    server->busy = false;
    server->had_input = false;
    LIST_FOR_EACH_SAFE (s, node, &server->sessions) {
        run_session(s, now);
        server->n_sessions++;
        server->busy |= (s->closing || !s->host
                         || jsonrpc_get_backlog(s->rpc));
        if (s->closing && s->hello) {
            COVERAGE_INC(sb_stale_hello);
            VLOG_WARN_RL(&rl, "%s: closed before its hello for host %s was "
                         "answered: the host's other session stays",
                         s->peer, s->hello->host);
        }
        if (s->closing) {
            VLOG_INFO("%s: disconnected%s%s%s%s%s", s->peer,
                      s->host ? " (host " : "",
                      s->host ? ctrl_host_name(s->host) : "",
                      s->host ? ")" : "",
                      s->error && s->error != EOF ? ": " : "",
                      s->error && s->error != EOF
                      ? ovs_retval_to_string(s->error) : "");
            session_destroy(s);
        }
    }
}

void
sb_server_wait(struct sb_server *server)
{
    long long int now = time_msec();
    struct sb_session *s;

    if (pass_waits(server, now)) {
        poll_timer_wait_until(server->last_pass + pass_gap(server));
        return;
    }
    for (size_t i = 0; i < server->n_listeners; i++) {
        pstream_wait(server->listeners[i]);
    }
    LIST_FOR_EACH (s, node, &server->sessions) {
        if (s->closing) {
            poll_immediate_wake();
            continue;
        }
        jsonrpc_wait(s->rpc);
        jsonrpc_recv_wait(s->rpc);
        reconnect_wait(s->fsm, now);
        if (s->hello) {
            poll_timer_wait_until(s->hello->since + SB_CONTEST_MS);
        } else if (!s->host) {
            poll_timer_wait_until(s->created + SB_HELLO_TIMEOUT_MS + 1);
        }
    }
}

void
sb_server_format(const struct sb_server *server, struct ds *out)
{
    const struct sb_session *s;
    long long int now = time_msec();

    ds_put_format(out, "%-28s %-16s %s\n", "PEER", "HOST", "AGE");
    LIST_FOR_EACH (s, node, &server->sessions) {
        ds_put_format(out, "%-28s %-16s %llds%s\n", s->peer,
                      s->host ? ctrl_host_name(s->host)
                      : s->hello ? s->hello->host : "(no hello)",
                      (now - s->created) / 1000,
                      s->hello ? "  (hello waits: is the host's other "
                      "session alive?)" : "");
    }
}

void
sb_session_send(struct sb_session *s, struct jsonrpc_msg *msg)
{
    if (s->closing) {
        jsonrpc_msg_destroy(msg);
        return;
    }
    int error = jsonrpc_send(s->rpc, msg);
    if (error) {
        s->error = error;
        s->closing = true;
    }
    /* What the socket did not take goes out as soon as it can. */
    s->server->busy |= s->closing || jsonrpc_get_backlog(s->rpc);
}

/* The session ends at the next sb_server_run(), not now: callers may be in
 * the middle of handling one of its messages. */
void
sb_session_close(struct sb_session *s)
{
    s->closing = true;
    s->server->busy = true;
}

const char *
sb_session_peer(const struct sb_session *s)
{
    return s->peer;
}

struct ctrl_host *
sb_session_host(const struct sb_session *s)
{
    return s->host;
}

void
sb_session_set_host(struct sb_session *s, struct ctrl_host *host)
{
    s->host = host;
}
