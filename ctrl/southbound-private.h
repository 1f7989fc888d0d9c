/* ctrl/southbound-private.h: the southbound server's sessions, shared by
 * southbound.c (sessions and passes) and sb-messages.c (what a host
 * sends). */
#ifndef VPLANE_CTRL_SOUTHBOUND_PRIVATE_H
#define VPLANE_CTRL_SOUTHBOUND_PRIVATE_H 1

#include "hmapx.h"
#include "openvswitch/list.h"
#include "southbound.h"

struct jsonrpc;
struct pstream;
struct reconnect;

/* A session is a JSON-RPC connection and Open vSwitch's reconnect state
 * machine, used for its inactivity probes only (a server does not
 * reconnect).  Not a jsonrpc_session: that one answers "echo" messages out
 * of sight, which would hide where messages start and so the size of the
 * one being received. */
struct sb_session {
    struct ovs_list node;       /* In server->sessions. */
    struct sb_server *server;
    int fd;                     /* Its socket, in server->ready; -1 if
                                 * not identified (run on every pass). */
    bool watched;               /* In server->watched. */
    bool hot;                   /* Its last run stopped before the input
                                 * was drained: run it again. */
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

/* A listener, and its socket if it is in the server's 'listen_ready' set:
 * without one, it is tried on every pass, as Open vSwitch would. */
struct sb_listener {
    struct pstream *pstream;
    int fd;
};

struct sb_server {
    struct ctrl *ctrl;
    struct sb_listener *listeners;
    size_t n_listeners;
    struct sb_ready *listen_ready;  /* The listeners' sockets. */
    struct ovs_list sessions;

    /* A pass over every session costs a recv() and a timer per session
     * (and, through poll(), a descriptor per session on every wakeup):
     * at a thousand idle hosts, each probing every few seconds, a pass
     * for each message took a sixth of a CPU (152 ms/s), and two thirds
     * of the controller's CPU still after passes were spaced out.  So a
     * pass runs only the sessions 'ready' says have input, and those
     * 'watched' (see session_needs_watch()); every SB_FULL_PASS_MS one
     * runs them all, for their timers.  After a pass that received
     * something, while no session has output queued or waits for its
     * hello, the next pass waits a little, in proportion to the sessions
     * that pass ran, and takes in every message that came meanwhile. */
    struct sb_ready *ready;     /* NULL: every pass runs every session. */
    struct hmapx watched;       /* struct sb_session *s run on every pass. */
    long long int next_full;    /* When a pass runs every session. */
    long long int last_pass;
    size_t n_last_run;          /* Sessions the last pass ran. */
    bool busy;                  /* Some session has output or no hello. */
    bool had_input;             /* The last pass received a message. */
    unsigned long long int next_serial;
};

/* sb-messages.c. */
void sb_hello_free(struct sb_hello *);
void sb_hello_settle(struct sb_session *, long long int now);
void sb_hello_abandoned(const struct sb_session *);
bool sb_handle_echo(struct sb_session *, const struct jsonrpc_msg *,
                    long long int now);
void sb_handle_message(struct sb_session *, struct jsonrpc_msg *,
                       long long int now);

#endif /* ctrl/southbound-private.h */
