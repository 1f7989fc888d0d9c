/* ctrl/listen-queue.h: a deeper listen queue for vplane-ctrl's listeners.
 *
 * Open vSwitch listens on TCP with a queue of 10 connections; a thousand
 * hosts reconnecting at once (a controller restart, a failover) overflow
 * it by far. */
#ifndef VPLANE_CTRL_LISTEN_QUEUE_H
#define VPLANE_CTRL_LISTEN_QUEUE_H 1

struct pstream;

/* Gives 'listener''s socket a queue of a thousand connections, if it is a
 * TCP or SSL one (a Unix socket's is 64 already). */
void listen_queue_deepen(const struct pstream *listener);

#endif /* ctrl/listen-queue.h */
