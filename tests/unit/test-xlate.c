/* tests/unit/test-xlate.c: forwarding decisions and the flow cache that
 * holds them -- including invalidation when a table changes. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "dp-packet.h"
#include "flow-cache.h"
#include "flow-key.h"
#include "packets.h"
#include "port.h"
#include "tables.h"
#include "xlate.h"

#define W1_MAC "02:00:00:00:01:01"
#define WEB_PEER_MAC "02:00:00:00:01:02"
#define WEB_GW_MAC "02:76:70:00:13:89"      /* Derived from VNI 5001. */

struct ctx {
    struct vp_tables *t;
    struct vp_port *w1;
    struct vp_port *r1;
};

static int
setup(void **state)
{
    struct ctx *c = calloc(1, sizeof *c);

    c->t = t_tables_fixture();
    c->w1 = tables_port_by_name(c->t, "w1");
    c->r1 = tables_port_by_name(c->t, "r1");
    *state = c;
    return 0;
}

static int
teardown(void **state)
{
    struct ctx *c = *state;

    tables_destroy(c->t);
    free(c);
    return 0;
}

/* Decides for 'p' arriving on 'in' (NULL: from the fabric). */
static struct vp_action
decide(struct ctx *c, struct dp_packet *p, struct vp_port *in, uint32_t vni,
       const char *outer_src)
{
    struct vp_flow_key key;
    struct vp_action act;

    assert_int_equal(vp_flow_key_extract(p, in ? in->id : 0, vni,
                                         outer_src ? t_ip(outer_src) : 0,
                                         &key),
                     VP_N_DROP_REASONS);
    xlate_decide(c->t, &key, in, &act, NULL);
    dp_packet_delete(p);
    return act;
}

static void
test_l2_to_remote_host(void **state)
{
    struct ctx *c = *state;
    struct vp_action a = decide(c, t_udp_frame(W1_MAC, WEB_PEER_MAC,
                                               "10.1.0.11", "10.1.0.12", 1, 2,
                                               10), c->w1, 0, NULL);

    assert_int_equal(a.type, VP_ACT_ENCAP);
    assert_int_equal(a.vni, 5001);
    assert_int_equal(a.vtep, t_ip(T_PEER_VTEP));
    assert_false(a.route);
}

static void
test_unknown_and_broadcast_flood(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    a = decide(c, t_udp_frame(W1_MAC, "02:00:00:00:0f:0f", "10.1.0.11",
                              "10.1.0.99", 1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_FLOOD);
    assert_string_equal(a.vnet->name, "web");

    a = decide(c, t_arp_request(W1_MAC, "10.1.0.11", "10.1.0.99"), c->w1, 0,
               NULL);
    assert_int_equal(a.type, VP_ACT_FLOOD);
}

static void
test_spoofing(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    a = decide(c, t_udp_frame("02:00:00:00:01:99", WEB_PEER_MAC, "10.1.0.11",
                              "10.1.0.12", 1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_DROP);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_MAC_SPOOF);

    a = decide(c, t_udp_frame(W1_MAC, WEB_PEER_MAC, "10.1.0.66",
                              "10.1.0.12", 1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_DROP);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_IP_SPOOF);

    a = decide(c, t_arp_request(W1_MAC, "10.1.0.66", "10.1.0.12"), c->w1, 0,
               NULL);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_IP_SPOOF);

    /* The ARP sender MAC must be the port's too. */
    struct dp_packet *arp = t_arp_request(W1_MAC, "10.1.0.11", "10.1.0.12");
    struct arp_eth_header *ah = (struct arp_eth_header *)
                                ((char *) dp_packet_data(arp) + ETH_HEADER_LEN);
    ah->ar_sha = t_mac("02:00:00:00:01:55");
    a = decide(c, arp, c->w1, 0, NULL);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_MAC_SPOOF);

    /* 0.0.0.0 is for DHCP requests only. */
    a = decide(c, t_udp_frame(W1_MAC, "ff:ff:ff:ff:ff:ff", "0.0.0.0",
                              "255.255.255.255", 68, 67, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_FLOOD);
    a = decide(c, t_udp_frame(W1_MAC, WEB_PEER_MAC, "0.0.0.0", "10.1.0.12",
                              1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_IP_SPOOF);

    /* A router VM's port may send from the ranges it is allowed. */
    char *error = t_apply_json(c->t, "{\"ports\": [{\"name\": \"rt\", "
                               "\"vnet\": \"web\", "
                               "\"mac\": \"02:00:00:00:01:0a\", "
                               "\"ips\": [\"10.1.0.10\"], "
                               "\"allowed-sources\": [\"10.9.0.0/16\"]}]}");
    assert_null(error);
    struct vp_port *rt = tables_port_by_name(c->t, "rt");
    a = decide(c, t_udp_frame("02:00:00:00:01:0a", WEB_PEER_MAC, "10.9.3.4",
                              "10.1.0.12", 1, 2, 10), rt, 0, NULL);
    assert_int_equal(a.type, VP_ACT_ENCAP);
    a = decide(c, t_udp_frame("02:00:00:00:01:0a", WEB_PEER_MAC, "10.8.3.4",
                              "10.1.0.12", 1, 2, 10), rt, 0, NULL);
    assert_int_equal(a.drop_reason, VP_DROP_SRC_IP_SPOOF);
}

static void
test_arp_responder(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    a = decide(c, t_arp_request(W1_MAC, "10.1.0.11", "10.1.0.1"), c->w1, 0,
               NULL);
    assert_int_equal(a.type, VP_ACT_ARP_REPLY);
    assert_true(eth_addr_equals(a.eth_dst, t_mac(WEB_GW_MAC)));

    a = decide(c, t_arp_request(W1_MAC, "10.1.0.11", "10.1.0.12"), c->w1, 0,
               NULL);
    assert_int_equal(a.type, VP_ACT_ARP_REPLY);
    assert_true(eth_addr_equals(a.eth_dst, t_mac(WEB_PEER_MAC)));

    /* Gratuitous ARP is flooded, not answered. */
    a = decide(c, t_arp_request(W1_MAC, "10.1.0.11", "10.1.0.11"), c->w1, 0,
               NULL);
    assert_int_equal(a.type, VP_ACT_FLOOD);
}

static void
test_routing(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    /* web -> db through the gateway MAC: routed to the db VM's host. */
    a = decide(c, t_udp_frame(W1_MAC, WEB_GW_MAC, "10.1.0.11", "10.2.0.12",
                              1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_ENCAP);
    assert_true(a.route);
    assert_int_equal(a.vni, 5002);
    assert_true(eth_addr_equals(a.eth_dst, t_mac("02:00:00:00:02:02")));
    assert_true(eth_addr_equals(a.eth_src, t_mac("02:76:70:00:13:8a")));

    /* No route out of the tenant's subnets. */
    a = decide(c, t_udp_frame(W1_MAC, WEB_GW_MAC, "10.1.0.11", "8.8.8.8",
                              1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.drop_reason, VP_DROP_NO_ROUTE);

    /* A subnet of the tenant, but no VM there. */
    a = decide(c, t_udp_frame(W1_MAC, WEB_GW_MAC, "10.1.0.11", "10.2.0.99",
                              1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.drop_reason, VP_DROP_DST_IP_UNKNOWN);

    /* The gateway's own address. */
    a = decide(c, t_udp_frame(W1_MAC, WEB_GW_MAC, "10.1.0.11", "10.2.0.1",
                              1, 2, 10), c->w1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_GATEWAY);
}

/* globex's red has the same subnet as acme's web: nothing of one reaches
 * the other. */
static void
test_tenant_isolation(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    /* From red, acme's db subnet does not exist. */
    a = decide(c, t_udp_frame("02:00:00:00:06:01", "02:76:70:00:17:71",
                              "10.1.0.11", "10.2.0.12", 1, 2, 10), c->r1, 0,
               NULL);
    assert_int_equal(a.drop_reason, VP_DROP_NO_ROUTE);

    /* From red, web's remote VM's MAC is unknown: flooded in red only. */
    a = decide(c, t_udp_frame("02:00:00:00:06:01", WEB_PEER_MAC, "10.1.0.11",
                              "10.1.0.12", 1, 2, 10), c->r1, 0, NULL);
    assert_int_equal(a.type, VP_ACT_FLOOD);
    assert_string_equal(a.vnet->name, "red");
}

static void
test_from_fabric(void **state)
{
    struct ctx *c = *state;
    struct vp_action a;

    a = decide(c, t_udp_frame(WEB_PEER_MAC, W1_MAC, "10.1.0.12", "10.1.0.11",
                              1, 2, 10), NULL, 5001, T_PEER_VTEP);
    assert_int_equal(a.type, VP_ACT_OUTPUT);
    assert_ptr_equal(a.port, c->w1);

    a = decide(c, t_udp_frame(WEB_PEER_MAC, W1_MAC, "10.1.0.12", "10.1.0.11",
                              1, 2, 10), NULL, 9999, T_PEER_VTEP);
    assert_int_equal(a.drop_reason, VP_DROP_VXLAN_UNKNOWN_VNI);

    a = decide(c, t_udp_frame(WEB_PEER_MAC, W1_MAC, "10.1.0.12", "10.1.0.11",
                              1, 2, 10), NULL, 5001, "192.168.100.77");
    assert_int_equal(a.drop_reason, VP_DROP_VXLAN_UNKNOWN_VTEP);

    /* A host with VMs only in db (same tenant) may send into web: it
     * routed before encapsulating.  A host of another tenant may not. */
    char *error = t_apply_json(c->t, "{\"xlate\": [{\"vnet\": \"db\", "
                               "\"mac\": \"02:00:00:00:02:05\", "
                               "\"vtep\": \"192.168.100.5\"},"
                               "{\"vnet\": \"red\", "
                               "\"mac\": \"02:00:00:00:06:06\", "
                               "\"vtep\": \"192.168.100.6\"}]}");
    assert_null(error);
    a = decide(c, t_udp_frame("02:76:70:00:13:89", W1_MAC, "10.2.0.5",
                              "10.1.0.11", 1, 2, 10), NULL, 5001,
               "192.168.100.5");
    assert_int_equal(a.type, VP_ACT_OUTPUT);
    a = decide(c, t_udp_frame("02:76:70:00:13:89", W1_MAC, "10.2.0.5",
                              "10.1.0.11", 1, 2, 10), NULL, 5001,
               "192.168.100.6");
    assert_int_equal(a.drop_reason, VP_DROP_VXLAN_UNKNOWN_VTEP);

    /* The same MAC in another VNet's VNI is not our port. */
    a = decide(c, t_udp_frame(WEB_PEER_MAC, "02:00:00:00:07:07", "10.1.0.12",
                              "10.1.0.11", 1, 2, 10), NULL, 5001, T_PEER_VTEP);
    assert_int_equal(a.drop_reason, VP_DROP_FABRIC_DST_UNKNOWN);
}

static void
test_cache_invalidation(void **state)
{
    struct ctx *c = *state;
    struct flow_cache *fc = flow_cache_create();
    struct dp_packet *p = t_udp_frame(W1_MAC, WEB_PEER_MAC, "10.1.0.11",
                                      "10.1.0.12", 1, 2, 10);
    struct vp_flow_key key;
    struct vp_action act;

    vp_flow_key_extract(p, c->w1->id, 0, 0, &key);
    uint32_t hash = vp_flow_key_hash(&key);
    uint64_t gen = tables_gen(c->t);

    assert_null(flow_cache_lookup(fc, &key, hash, gen));
    xlate_decide(c->t, &key, c->w1, &act, NULL);
    flow_cache_insert(fc, &key, hash, gen, &act, 0);
    struct flow_cache_entry *e = flow_cache_lookup(fc, &key, hash, gen);
    assert_non_null(e);
    assert_int_equal(e->action.vtep, t_ip(T_PEER_VTEP));

    /* The VM moves: the cached decision must not be used any more. */
    char *error = t_apply_json(c->t, "{\"xlate\": [{\"vnet\": \"web\", "
                               "\"mac\": \"" WEB_PEER_MAC "\", "
                               "\"ip\": \"10.1.0.12\", "
                               "\"vtep\": \"192.168.100.9\"}]}");
    assert_null(error);
    uint64_t gen2 = tables_gen(c->t);
    assert_true(gen2 != gen);
    assert_null(flow_cache_lookup(fc, &key, hash, gen2));
    xlate_decide(c->t, &key, c->w1, &act, NULL);
    assert_int_equal(act.vtep, t_ip("192.168.100.9"));

    /* Another flow, decided under the new generation, lands in the other
     * slot of the same set: a snapshot must skip the stale entry. */
    struct vp_flow_key key2 = key;
    key2.tp_src = htons(7);
    flow_cache_insert(fc, &key2, hash, gen2, &act, 0);
    assert_non_null(flow_cache_lookup(fc, &key2, hash, gen2));
    struct flow_cache_entry *entries;
    size_t n = flow_cache_snapshot(fc, gen2, &entries);
    assert_int_equal(n, 1);
    assert_int_equal(entries[0].action.vtep, t_ip("192.168.100.9"));
    assert_int_equal(entries[0].key.tp_src, htons(7));
    free(entries);

    /* A failed change does not invalidate. */
    error = t_apply_json(c->t, "{\"xlate\": [{\"vnet\": \"nope\", "
                         "\"mac\": \"02:00:00:00:01:02\", "
                         "\"vtep\": \"192.168.100.9\"}]}");
    assert_non_null(error);
    free(error);
    assert_int_equal(tables_gen(c->t), gen2);
    assert_non_null(flow_cache_lookup(fc, &key2, hash, gen2));

    dp_packet_delete(p);
    flow_cache_destroy(fc);
}

static void
test_cache_collisions(void **state OVS_UNUSED)
{
    struct flow_cache *fc = flow_cache_create();
    struct vp_action act = { .type = VP_ACT_DROP };
    struct vp_flow_key keys[3];

    /* Three keys that all map to the same two slots: the least recently
     * used one is replaced. */
    for (int i = 0; i < 3; i++) {
        memset(&keys[i], 0, sizeof keys[i]);
        keys[i].in_port = i + 1;
        flow_cache_insert(fc, &keys[i], 42, 1, &act, i * 10);
    }
    assert_null(flow_cache_lookup(fc, &keys[0], 42, 1));
    assert_non_null(flow_cache_lookup(fc, &keys[1], 42, 1));
    assert_non_null(flow_cache_lookup(fc, &keys[2], 42, 1));
    flow_cache_destroy(fc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_l2_to_remote_host, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unknown_and_broadcast_flood,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_spoofing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_arp_responder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_routing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tenant_isolation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_from_fabric, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_invalidation, setup,
                                        teardown),
        cmocka_unit_test(test_cache_collisions),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
