/* ctrl/southbound.c: sessions with vplaneds -- accepting them, and the
 * passes that run them (see southbound.h; sb-messages.c handles what
 * they send). */
#include <config.h>
#include "southbound-private.h"

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
#include "sb-ready.h"
#include "socket-util.h"
#include "stats.h"
#include "stream.h"
#include "timeval.h"
#include "util.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(southbound);

COVERAGE_DEFINE(sb_oversized);
COVERAGE_DEFINE(sb_silent);
COVERAGE_DEFINE(sb_pass_full);
COVERAGE_DEFINE(sb_pass_ready);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

/* How long the next pass waits after one that received something: per
 * session the last pass ran, and at most.  After a pass over every
 * session, 50 ms at a thousand hosts, a delay their messages (acks, echo
 * requests, port reports) can take; after a pass over the few sessions
 * with input, none. */
#define SB_PASS_US_PER_SESSION 50
#define SB_PASS_MAX_GAP_MS 100

/* How often a pass runs every session, for their timers (inactivity
 * probes, hello deadlines): those run this much late at most. */
#define SB_FULL_PASS_MS 1000

struct sb_server *
sb_server_create(struct ctrl *ctrl)
{
    struct sb_server *s = xzalloc(sizeof *s);

    s->ctrl = ctrl;
    ovs_list_init(&s->sessions);
    hmapx_init(&s->watched);
    s->ready = sb_ready_create();
    s->listen_ready = sb_ready_create();
    return s;
}

static void
session_destroy(struct sb_session *s)
{
    if (s->host) {
        ctrl_session_closed(s->server->ctrl, s);
    }
    sb_hello_free(s->hello);
    ovs_list_remove(&s->node);
    if (s->watched) {
        hmapx_find_and_delete(&s->server->watched, s);
    }
    sb_ready_remove(s->server->ready, s->fd);
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
            sb_ready_remove(s->listen_ready, s->listeners[i].fd);
            pstream_close(s->listeners[i].pstream);
        }
        free(s->listeners);
        hmapx_destroy(&s->watched);
        sb_ready_destroy(s->ready);
        sb_ready_destroy(s->listen_ready);
        free(s);
    }
}

int
sb_server_listen(struct sb_server *s, const char *remote)
{
    struct pstream *listener;
    int fd = sb_ready_next_fd(s->listen_ready);
    int error = jsonrpc_pstream_open(remote, &listener, DSCP_DEFAULT);

    if (error) {
        VLOG_ERR("%s: cannot listen: %s", remote, ovs_strerror(error));
        return error;
    }
    s->listeners = xrealloc(s->listeners,
                            (s->n_listeners + 1) * sizeof *s->listeners);
    /* The listeners' array does not move again before the server's next
     * wait: the ones already in 'listen_ready' are given their new place. */
    for (size_t i = 0; i < s->n_listeners; i++) {
        struct sb_listener *l = &s->listeners[i];
        if (l->fd >= 0) {
            sb_ready_remove(s->listen_ready, l->fd);
            l->fd = sb_ready_add_pstream(s->listen_ready, l->fd, l->pstream,
                                         l);
        }
    }
    struct sb_listener *l = &s->listeners[s->n_listeners++];
    l->pstream = listener;
    l->fd = sb_ready_add_pstream(s->listen_ready, fd, listener, l);
    listen_queue_deepen(listener);
    VLOG_INFO("listening for vplaneds on %s", pstream_get_name(listener));
    return 0;
}

/* Whether 's' must run on every pass, not only when its socket has
 * input: its socket is not watched, it owes output, it awaits or contests
 * a hello, it closes, or it stopped before it read all its input. */
static bool
session_needs_watch(const struct sb_session *s)
{
    return (s->fd < 0 || s->hot || s->closing || !s->host || s->hello
            || jsonrpc_get_backlog(s->rpc));
}

static void
session_watch(struct sb_session *s, bool on)
{
    if (on != s->watched) {
        s->watched = on;
        if (on) {
            hmapx_add(&s->server->watched, s);
        } else {
            hmapx_find_and_delete(&s->server->watched, s);
        }
    }
}

#define SB_ACCEPTS_PER_RUN 64

/* Accepts a connection on 'l', if it has one. */
static bool
accept_one(struct sb_server *s, struct sb_listener *l)
{
    int fd = sb_ready_next_fd(s->ready);
    struct stream *stream;
    int error = pstream_accept(l->pstream, &stream);

    if (error) {
        if (error != EAGAIN) {
            VLOG_WARN_RL(&rl, "%s: accept failed: %s",
                         pstream_get_name(l->pstream), ovs_strerror(error));
        }
        return false;
    }

    struct sb_session *session = xzalloc(sizeof *session);
    long long int now = time_msec();
    session->server = s;
    session->fd = sb_ready_add_stream(s->ready, fd, stream, session);
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
    session_watch(session, true);   /* Its hello is awaited. */
    s->busy = true;
    VLOG_INFO("%s: connected", session->peer);
    return true;
}

/* Accepts what the listeners have: those whose sockets are watched only
 * when they have connections waiting (an accept() that finds none, on
 * every wakeup, was a seventh of the controller's CPU at 1,000 hosts). */
static void
accept_sessions(struct sb_server *s)
{
    struct hmapx ready = HMAPX_INITIALIZER(&ready);

    sb_ready_collect(s->listen_ready, &ready);
    for (size_t i = 0; i < s->n_listeners; i++) {
        struct sb_listener *l = &s->listeners[i];

        if (l->fd >= 0 && !hmapx_contains(&ready, l)) {
            continue;
        }
        /* OVS listens with a backlog of 10 (listen-queue.c deepens it):
         * take many per iteration, so that thousands of hosts connecting
         * at once do not wait. */
        for (int n = 0; n < SB_ACCEPTS_PER_RUN; n++) {
            if (!accept_one(s, l)) {
                break;
            }
        }
    }
    hmapx_destroy(&ready);
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
    s->hot = true;
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
            if (!sb_handle_echo(s, msg, now)) {
                sb_handle_message(s, msg, now);
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
            s->hot = false;     /* The socket has nothing more. */
            break;
        }
    }
    if (!s->closing && jsonrpc_get_status(s->rpc)) {
        s->error = jsonrpc_get_status(s->rpc);
        s->closing = true;
    }
    if (s->hello && !s->closing) {
        sb_hello_settle(s, now);
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
    return MIN(server->n_last_run * SB_PASS_US_PER_SESSION / 1000,
               SB_PASS_MAX_GAP_MS);
}

/* Whether the next pass over the sessions waits (see struct sb_server). */
static bool
pass_waits(const struct sb_server *server, long long int now)
{
    return (server->had_input && !server->busy
            && now < server->last_pass + pass_gap(server));
}

/* Runs 's' in a pass. */
static void
run_one(struct sb_session *s, long long int now)
{
    struct sb_server *server = s->server;

    run_session(s, now);
    server->busy |= (s->closing || !s->host || jsonrpc_get_backlog(s->rpc));
    if (!s->closing) {
        session_watch(s, session_needs_watch(s));
        return;
    }
    if (s->hello) {
        sb_hello_abandoned(s);
    }
    VLOG_INFO("%s: disconnected%s%s%s%s%s", s->peer,
              s->host ? " (host " : "",
              s->host ? ctrl_host_name(s->host) : "",
              s->host ? ")" : "",
              s->error && s->error != EOF ? ": " : "",
              s->error && s->error != EOF
              ? ovs_retval_to_string(s->error) : "");
    session_destroy(s);
}

void
sb_server_run(struct sb_server *server)
{
    long long int now = time_msec();

    accept_sessions(server);
    if (pass_waits(server, now)) {
        /* Woken by something else (the database, a command): the pass
         * is due at its time, sb_server_wait()'s timer. */
        return;
    }
    server->last_pass = now;
    server->busy = false;
    server->had_input = false;
    if (!server->ready || now >= server->next_full) {
        struct sb_session *s;

        COVERAGE_INC(sb_pass_full);
        server->next_full = now + SB_FULL_PASS_MS;
        server->n_last_run = 0;
        LIST_FOR_EACH_SAFE (s, node, &server->sessions) {
            server->n_last_run++;
            run_one(s, now);
        }
        return;
    }

    /* The sessions to run are found first: running one may change which
     * others are watched, but destroys none but itself. */
    struct hmapx run = HMAPX_INITIALIZER(&run);
    struct hmapx_node *node;

    COVERAGE_INC(sb_pass_ready);
    HMAPX_FOR_EACH (node, &server->watched) {
        hmapx_add(&run, node->data);
    }
    sb_ready_collect(server->ready, &run);
    server->n_last_run = hmapx_count(&run);
    HMAPX_FOR_EACH (node, &run) {
        run_one(node->data, now);
    }
    hmapx_destroy(&run);
}

static void
session_wait(struct sb_session *s, long long int now)
{
    if (s->closing) {
        poll_immediate_wake();
        return;
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

void
sb_server_wait(struct sb_server *server)
{
    long long int now = time_msec();

    if (pass_waits(server, now)) {
        poll_timer_wait_until(server->last_pass + pass_gap(server));
        return;
    }
    sb_ready_wait(server->listen_ready);
    for (size_t i = 0; i < server->n_listeners; i++) {
        if (server->listeners[i].fd < 0) {
            pstream_wait(server->listeners[i].pstream);
        }
    }
    if (server->ready) {
        struct hmapx_node *node;

        sb_ready_wait(server->ready);
        poll_timer_wait_until(server->next_full);
        HMAPX_FOR_EACH (node, &server->watched) {
            session_wait(node->data, now);
        }
    } else {
        struct sb_session *s;

        LIST_FOR_EACH (s, node, &server->sessions) {
            session_wait(s, now);
        }
    }
}

void
sb_server_format(const struct sb_server *server, struct ds *out)
{
    const struct sb_session *s;
    long long int now = time_msec();

    ds_put_format(out, "%-28s %-16s %-10s %s\n", "PEER", "HOST", "RUN",
                  "AGE");
    LIST_FOR_EACH (s, node, &server->sessions) {
        ds_put_format(out, "%-28s %-16s %-10s %llds%s\n", s->peer,
                      s->host ? ctrl_host_name(s->host)
                      : s->hello ? s->hello->host : "(no hello)",
                      s->fd >= 0 ? "on-input" : "each-pass",
                      (now - s->created) / 1000,
                      s->hello ? "  (hello waits: is the host's other "
                      "session alive?)" : "");
    }
}

size_t
sb_server_n_sessions(const struct sb_server *server)
{
    return ovs_list_size(&server->sessions);
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
    if (s->closing || jsonrpc_get_backlog(s->rpc)) {
        s->server->busy = true;
        session_watch(s, true);
    }
}

/* The session ends at the next sb_server_run(), not now: callers may be in
 * the middle of handling one of its messages. */
void
sb_session_close(struct sb_session *s)
{
    s->closing = true;
    s->server->busy = true;
    session_watch(s, true);
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
