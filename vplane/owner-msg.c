/* vplane/owner-msg.c: see owner-msg.h. */
#include <config.h>
#include "owner-msg.h"

#include <netinet/in.h>
#include <string.h>
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"

void
owner_msg_init(struct owner_msg *m, enum owner_msg_type type, uint32_t xid,
               const struct wan_flow *flow, ovs_be32 owner,
               enum owner_msg_status status)
{
    memset(m, 0, sizeof *m);
    m->version = OWNER_MSG_VERSION;
    m->type = type;
    m->status = status;
    m->xid = htonl(xid);
    if (flow) {
        m->flow = *flow;
        memset(m->flow.pad, 0, sizeof m->flow.pad);
    }
    m->owner = owner;
}

const char *
owner_msg_check(const void *data, size_t len)
{
    const struct owner_msg *m = data;

    if (len != sizeof *m) {
        return "wrong size";
    }
    if (m->version != OWNER_MSG_VERSION) {
        return "unknown version";
    }
    if (m->type < OWNER_MSG_QUERY || m->type > OWNER_MSG_PROBE_REPLY) {
        return "unknown type";
    }
    if (m->type == OWNER_MSG_PROBE || m->type == OWNER_MSG_PROBE_REPLY) {
        static const struct wan_flow zero;
        return (m->status || m->reserved || m->reserved2 || m->owner
                || memcmp(&m->flow, &zero, sizeof zero)
                ? "probe with fields set" : NULL);
    }
    if (m->status > OWNER_STATUS_CONFLICT) {
        return "unknown status";
    }
    if (m->reserved || m->reserved2 || m->flow.pad[0] || m->flow.pad[1]
        || m->flow.pad[2]) {
        return "reserved bits set";
    }
    if (m->flow.proto != IPPROTO_TCP && m->flow.proto != IPPROTO_UDP
        && m->flow.proto != IPPROTO_ICMP) {
        return "unknown protocol";
    }
    if (!m->flow.remote || !m->flow.public) {
        return "flow without addresses";
    }
    bool answer = (m->type == OWNER_MSG_ANSWER
                   || m->type == OWNER_MSG_RECORD_ACK);
    if (!answer && m->status != OWNER_STATUS_OK) {
        return "status in a request";
    }
    bool needs_owner = (m->type != OWNER_MSG_QUERY
                        && (!answer || m->status == OWNER_STATUS_OK));
    if (needs_owner && !m->owner) {
        return "no owner";
    }
    if (!needs_owner && m->owner && m->type == OWNER_MSG_QUERY) {
        return "owner in a query";
    }
    if (m->flow.proto == IPPROTO_ICMP
        && m->flow.remote_port != m->flow.public_port) {
        return "ICMP flow with two identifiers";
    }
    return NULL;
}

const char *
owner_msg_type_name(enum owner_msg_type type)
{
    switch (type) {
    case OWNER_MSG_QUERY: return "query";
    case OWNER_MSG_ANSWER: return "answer";
    case OWNER_MSG_NOTIFY: return "notify";
    case OWNER_MSG_RECORD: return "record";
    case OWNER_MSG_RECORD_ACK: return "record-ack";
    case OWNER_MSG_PROBE: return "probe";
    case OWNER_MSG_PROBE_REPLY: return "probe-reply";
    }
    return "?";
}

const char *
owner_msg_status_name(enum owner_msg_status status)
{
    switch (status) {
    case OWNER_STATUS_OK: return "ok";
    case OWNER_STATUS_UNKNOWN: return "unknown";
    case OWNER_STATUS_NOT_HELPER: return "not-helper";
    case OWNER_STATUS_CONFLICT: return "conflict";
    }
    return "?";
}

void
wan_flow_format(const struct wan_flow *f, struct ds *s)
{
    const char *proto = (f->proto == IPPROTO_TCP ? "tcp"
                         : f->proto == IPPROTO_UDP ? "udp" : "icmp");

    ds_put_format(s, "%s,remote="IP_FMT":%"PRIu16",public="IP_FMT":%"PRIu16,
                  proto, IP_ARGS(f->remote), ntohs(f->remote_port),
                  IP_ARGS(f->public), ntohs(f->public_port));
}

uint32_t
wan_flow_hash(const struct wan_flow *f)
{
    return hash_bytes(f, sizeof *f, 0);
}

bool
wan_flow_equal(const struct wan_flow *a, const struct wan_flow *b)
{
    return !memcmp(a, b, sizeof *a);
}
