/* ctrl/southbound.h: the controller's side of the protocol with vplaneds.
 *
 * Listens on tcp/ssl/unix remotes, runs one Open vSwitch JSON-RPC session
 * per connected vplaned (inactivity probes included), and checks every
 * message before the controller sees it: the method must be known, the
 * parameters of the right types, the message smaller than
 * VP_MAX_HOST_MESSAGE, and a hello must come within SB_HELLO_TIMEOUT.
 * Anything else gets an error reply or a closed session, a counter and a
 * rate-limited log line; the other sessions carry on.  What the messages
 * mean is ctrl.c's business. */
#ifndef VPLANE_CTRL_SOUTHBOUND_H
#define VPLANE_CTRL_SOUTHBOUND_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctrl;
struct ctrl_host;
struct ds;
struct json;
struct jsonrpc_msg;
struct sb_server;
struct sb_session;

#define SB_HELLO_TIMEOUT_MS 8000
#define SB_PROBE_INTERVAL_MS 5000
/* How long a second hello for a host waits for the host's older session to
 * answer a probe before it replaces it (southbound.c, struct sb_hello). */
#define SB_CONTEST_MS 5000

/* A VM port that came up or went down on a host. */
struct sb_port_status {
    const char *port;           /* Interface name on the host. */
    const char *vnet;
    const char *mac;
    const char *vm;             /* VM identity, or NULL. */
    const struct json *ips;     /* Array of strings, or NULL. */
    bool up;
    bool refresh;               /* Repeated after a reconnection. */
};

struct sb_server *sb_server_create(struct ctrl *);
void sb_server_destroy(struct sb_server *);
int sb_server_listen(struct sb_server *, const char *remote);
void sb_server_run(struct sb_server *);
void sb_server_wait(struct sb_server *);
void sb_server_format(const struct sb_server *, struct ds *);
size_t sb_server_n_sessions(const struct sb_server *);

void sb_session_send(struct sb_session *, struct jsonrpc_msg *);
void sb_session_close(struct sb_session *);
const char *sb_session_peer(const struct sb_session *);
struct ctrl_host *sb_session_host(const struct sb_session *);
void sb_session_set_host(struct sb_session *, struct ctrl_host *);

#endif /* ctrl/southbound.h */
