/* vplane/owner-msg.h: the messages vplaneds exchange to find the owner of
 * a flow no address rule resolves (DESIGN 2, rule 3; docs/stateful-flows.md
 * "Messages").
 *
 * Every message is one UDP datagram of exactly 32 bytes, from a vplaned's
 * VTEP to another's, on the owner port (default 4788).  A receiver accepts
 * it only from an address the controller lists as a vplaned, with the right
 * size, version and type, and with the fields its type needs; anything
 * else is dropped and counted (resolver.c).  Fixed size, no options, no
 * lists: nothing in a message can make a receiver allocate or loop.
 * The gateway liveness probes (gwlive.h) are two more types of the same
 * message, with every flow and owner field zero. */
#ifndef VPLANE_OWNER_MSG_H
#define VPLANE_OWNER_MSG_H 1

#include <stdbool.h>
#include <stdint.h>
#include "openvswitch/types.h"
#include "openvswitch/util.h"

struct ds;

#define OWNER_MSG_VERSION 1
#define OWNER_MSG_PORT 4788

/* A flow from the WAN as its packets carry it: 'remote' is the WAN end,
 * 'public' the address of a NAT rule (an ICMP echo's identifier is both
 * ports).  The query subset is a function of the public end. */
struct wan_flow {
    ovs_be32 remote;
    ovs_be32 public;
    ovs_be16 remote_port;
    ovs_be16 public_port;
    uint8_t proto;
    uint8_t pad[3];
};
BUILD_ASSERT_DECL(sizeof(struct wan_flow) == 16);

enum owner_msg_type {
    OWNER_MSG_QUERY = 1,        /* Sender -> helper: who owns 'flow'? */
    OWNER_MSG_ANSWER = 2,       /* Helper -> sender: 'owner' (or status). */
    OWNER_MSG_NOTIFY = 3,       /* Helper -> gateways: 'owner' owns 'flow'
                                 * (sent when one gateway consulted the
                                 * helper, so that no other needs to). */
    OWNER_MSG_RECORD = 4,       /* Owner -> helper: 'owner' (the sender)
                                 * owns 'flow' (an SNAT reply). */
    OWNER_MSG_RECORD_ACK = 5,   /* Helper -> owner: recorded (or status). */
    OWNER_MSG_PROBE = 6,        /* Any vplaned -> gateway: alive?  No flow,
                                 * no owner; 'xid' numbers the probes
                                 * (gwlive.h). */
    OWNER_MSG_PROBE_REPLY = 7,  /* Gateway -> prober: the probe's 'xid'. */
};

enum owner_msg_status {
    OWNER_STATUS_OK = 0,
    OWNER_STATUS_UNKNOWN = 1,       /* ANSWER: no owner known. */
    OWNER_STATUS_NOT_HELPER = 2,    /* The receiver does not hold the
                                     * flow's subset (assignment moved). */
    OWNER_STATUS_CONFLICT = 3,      /* RECORD_ACK: another owner holds it. */
};

struct owner_msg {
    uint8_t version;            /* OWNER_MSG_VERSION. */
    uint8_t type;               /* enum owner_msg_type. */
    uint8_t status;             /* enum owner_msg_status (answers). */
    uint8_t reserved;           /* 0. */
    ovs_be32 xid;               /* Chosen by the asker, echoed back. */
    struct wan_flow flow;
    ovs_be32 owner;             /* VTEP, or 0. */
    ovs_be32 reserved2;         /* 0. */
};
BUILD_ASSERT_DECL(sizeof(struct owner_msg) == 32);

void owner_msg_init(struct owner_msg *, enum owner_msg_type, uint32_t xid,
                    const struct wan_flow *, ovs_be32 owner,
                    enum owner_msg_status);

/* Checks 'len' bytes at 'data'; returns NULL if they are a valid message,
 * otherwise what is wrong with them (a static string). */
const char *owner_msg_check(const void *data, size_t len);

const char *owner_msg_type_name(enum owner_msg_type);
const char *owner_msg_status_name(enum owner_msg_status);
void wan_flow_format(const struct wan_flow *, struct ds *);
uint32_t wan_flow_hash(const struct wan_flow *);
bool wan_flow_equal(const struct wan_flow *, const struct wan_flow *);

#endif /* vplane/owner-msg.h */
