/* tests/unit/test-owner-msg.c: the owner messages' format (owner-msg.h) --
 * a message built by owner_msg_init() passes owner_msg_check(), and every
 * way a datagram from the network can be wrong is refused by name. */
#include <config.h>
#include "test-util.h"

#include <netinet/in.h>
#include <string.h>
#include "owner-msg.h"

static struct wan_flow
flow(void)
{
    struct wan_flow f = {
        .remote = htonl(0xcb00710a),        /* 203.0.113.10 */
        .public = htonl(0xc000020b),        /* 192.0.2.11 */
        .remote_port = htons(40000),
        .public_port = htons(7000),
        .proto = IPPROTO_TCP,
    };
    return f;
}

static void
test_valid(void **state OVS_UNUSED)
{
    struct wan_flow f = flow();
    struct owner_msg m;

    owner_msg_init(&m, OWNER_MSG_QUERY, 77, &f, 0, OWNER_STATUS_OK);
    assert_null(owner_msg_check(&m, sizeof m));
    assert_int_equal(ntohl(m.xid), 77);
    assert_true(wan_flow_equal(&m.flow, &f));

    owner_msg_init(&m, OWNER_MSG_ANSWER, 1, &f, htonl(0xc0a86401),
                   OWNER_STATUS_OK);
    assert_null(owner_msg_check(&m, sizeof m));
    owner_msg_init(&m, OWNER_MSG_ANSWER, 1, &f, 0, OWNER_STATUS_UNKNOWN);
    assert_null(owner_msg_check(&m, sizeof m));
}

static void
test_invalid(void **state OVS_UNUSED)
{
    struct wan_flow f = flow();
    struct owner_msg m, bad;
    uint8_t big[sizeof m + 1];

    owner_msg_init(&m, OWNER_MSG_NOTIFY, 1, &f, htonl(0xc0a86401),
                   OWNER_STATUS_OK);
    assert_string_equal(owner_msg_check(&m, sizeof m - 1), "wrong size");
    memcpy(big, &m, sizeof m);
    big[sizeof m] = 0;
    assert_string_equal(owner_msg_check(big, sizeof big), "wrong size");

    bad = m; bad.version = 2;
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "unknown version");
    bad = m; bad.type = 0;
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "unknown type");
    bad = m; bad.type = 8;
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "unknown type");
    /* Gateway liveness probes: every flow and owner field zero. */
    owner_msg_init(&bad, OWNER_MSG_PROBE, 7, NULL, 0, OWNER_STATUS_OK);
    assert_null(owner_msg_check(&bad, sizeof bad));
    owner_msg_init(&bad, OWNER_MSG_PROBE_REPLY, 7, NULL, 0, OWNER_STATUS_OK);
    assert_null(owner_msg_check(&bad, sizeof bad));
    bad = m; bad.type = OWNER_MSG_PROBE;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "probe with fields set");
    owner_msg_init(&bad, OWNER_MSG_PROBE, 7, NULL, htonl(1), OWNER_STATUS_OK);
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "probe with fields set");
    bad = m; bad.status = 4;
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "unknown status");
    bad = m; bad.reserved2 = htonl(1);
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "reserved bits set");
    bad = m; bad.flow.pad[1] = 1;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "reserved bits set");
    bad = m; bad.flow.proto = IPPROTO_SCTP;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "unknown protocol");
    bad = m; bad.flow.public = 0;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "flow without addresses");
    bad = m; bad.owner = 0;
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "no owner");
    owner_msg_init(&bad, OWNER_MSG_RECORD, 1, &f, 0, OWNER_STATUS_OK);
    assert_string_equal(owner_msg_check(&bad, sizeof bad), "no owner");
    bad = m; bad.status = OWNER_STATUS_UNKNOWN;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "status in a request");
    owner_msg_init(&bad, OWNER_MSG_QUERY, 1, &f, htonl(1), OWNER_STATUS_OK);
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "owner in a query");
    bad = m; bad.flow.proto = IPPROTO_ICMP;
    assert_string_equal(owner_msg_check(&bad, sizeof bad),
                        "ICMP flow with two identifiers");
    owner_msg_init(&bad, OWNER_MSG_RECORD_ACK, 1, &f, 0,
                   OWNER_STATUS_CONFLICT);
    assert_null(owner_msg_check(&bad, sizeof bad));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_invalid),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
