/* ctrl/sb-ready.h: which vplaned sessions have input, found without a
 * poll() slot and a recv() per session.
 *
 * Open vSwitch's poll loop is poll(): every pass registers and checks
 * every descriptor, and does not say which one woke it.  At a thousand
 * hosts, that was two thirds of the controller's CPU (a pass over every
 * session for each echo or ack).  An epoll set holds the sessions'
 * sockets; the poll loop waits on the epoll descriptor alone, and a pass
 * runs only the sessions it names.  The rest of the loop stays OVS's. */
#ifndef CTRL_SB_READY_H
#define CTRL_SB_READY_H 1

#include <stdbool.h>
#include <stddef.h>

struct hmapx;
struct pstream;
struct stream;

/* NULL if the kernel has no epoll for us: every session is then run on
 * every pass, as OVS would. */
struct sb_ready *sb_ready_create(void);
void sb_ready_destroy(struct sb_ready *);

/* The descriptor an accept() made now would get: call just before
 * pstream_accept(), give the result to sb_ready_add(). */
int sb_ready_next_fd(const struct sb_ready *);

/* Watches the socket of 'stream', just accepted, which took 'candidate'
 * (from sb_ready_next_fd()) if the process is what we think.  Returns the
 * descriptor watched, or -1 if the stream's socket could not be told for
 * sure (the session is then run on every pass). */
int sb_ready_add_stream(struct sb_ready *, int candidate,
                        const struct stream *, void *session);

/* The same for 'pstream', just opened: its listening socket. */
int sb_ready_add_pstream(struct sb_ready *, int candidate,
                         const struct pstream *, void *listener);
void sb_ready_remove(struct sb_ready *, int fd);

/* Adds to 'ready' the pointers given with the sockets that have input,
 * were closed or (listeners) have connections to accept.  Returns how
 * many. */
size_t sb_ready_collect(struct sb_ready *, struct hmapx *ready);

/* Wakes the poll loop when some watched socket is ready. */
void sb_ready_wait(const struct sb_ready *);

#endif /* ctrl/sb-ready.h */
