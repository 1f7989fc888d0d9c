/* tests/unit/test-tables.c: table operations -- validation that names the
 * field, all-or-nothing batches and updates, VM moves, deletions, routing
 * lookups. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "openvswitch/json.h"
#include "packets.h"
#include "port.h"
#include "tables-config.h"
#include "tables-json.h"
#include "tables-sync.h"
#include "tables.h"
#include "util.h"

static char *
export(const struct vp_tables *t)
{
    struct json *json = tables_json_export(t);
    char *s = json_to_string(json, JSSF_SORT);

    json_destroy(json);
    return s;
}

/* Runs 'change' on the fixture (with 'a' and 'b'), expecting an error
 * that contains 'expect', and checks that the tables and their generation
 * did not change at all. */
static void
expect_unchanged(char *(*change)(struct vp_tables *, const char *a,
                                 const char *b),
                 const char *a, const char *b, const char *expect)
{
    struct vp_tables *t = t_tables_fixture();
    char *before = export(t);
    uint64_t gen = tables_gen(t);
    char *error = change(t, a, b);
    char *after = export(t);

    assert_non_null(error);
    if (!strstr(error, expect)) {
        fail_msg("error \"%s\" does not mention \"%s\"", error, expect);
    }
    assert_string_equal(before, after);
    assert_int_equal(gen, tables_gen(t));
    free(error);
    free(before);
    free(after);
    tables_destroy(t);
}

static char *
apply_json(struct vp_tables *t, const char *json, const char *unused OVS_UNUSED)
{
    return t_apply_json(t, json);
}

/* Applies 'json' expecting an error that contains 'expect', and checks
 * that the tables did not change at all. */
static void
expect_refused(const char *json, const char *expect)
{
    expect_unchanged(apply_json, json, NULL, expect);
}

static void
test_fixture_lookups(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    const struct vp_vnet *red = tables_vnet_by_vni(t, 6001);

    assert_non_null(web);
    assert_non_null(red);
    assert_string_equal(web->name, "web");
    assert_null(tables_vnet_by_vni(t, 7));

    /* Same address in two tenants: each VNet finds its own port. */
    struct vp_port *w1 = tables_port_by_ip(t, web, t_ip("10.1.0.11"));
    struct vp_port *r1 = tables_port_by_ip(t, red, t_ip("10.1.0.11"));
    assert_non_null(w1);
    assert_non_null(r1);
    assert_string_equal(w1->name, "w1");
    assert_string_equal(r1->name, "r1");
    assert_null(tables_port_by_mac(t, red, t_mac("02:00:00:00:01:01")));

    const struct vp_xlate *x = tables_xlate_by_ip(t, web, t_ip("10.1.0.12"));
    assert_non_null(x);
    assert_int_equal(xlate_vtep(x), t_ip(T_PEER_VTEP));
    assert_true(vnet_has_vtep(web, t_ip(T_PEER_VTEP)));
    assert_false(vnet_has_vtep(web, t_ip(T_SELF_VTEP)));
    assert_false(vnet_has_vtep(red, t_ip(T_PEER_VTEP)));
    tables_destroy(t);
}

static void
test_refuses_unknown_vnet(void **state OVS_UNUSED)
{
    expect_refused("{\"xlate\": [{\"vnet\": \"nope\", "
                   "\"mac\": \"02:00:00:00:09:09\", \"ip\": \"10.1.0.9\", "
                   "\"vtep\": \"192.168.100.3\"}]}", "vnet: no VNet named");
    expect_refused("{\"ports\": [{\"name\": \"p9\", \"vnet\": \"nope\", "
                   "\"mac\": \"02:00:00:00:09:09\"}]}", "vnet: no VNet named");
}

static void
test_refuses_duplicates(void **state OVS_UNUSED)
{
    /* A port MAC already used in the VNet. */
    expect_refused("{\"ports\": [{\"name\": \"w2\", \"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:01\"}]}", "mac:");
    /* An address already another port's. */
    expect_refused("{\"ports\": [{\"name\": \"w2\", \"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:09\", \"ips\": [\"10.1.0.11\"]}"
                   "]}", "ips: 10.1.0.11 is already port \"w1\"'s");
    /* A translation entry giving an address to a second MAC. */
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:09\", \"ip\": \"10.1.0.12\", "
                   "\"vtep\": \"192.168.100.3\"}]}",
                   "ip: the address belongs to 02:00:00:00:01:02");
    /* The same inside one batch. */
    expect_refused("{\"xlate\": ["
                   "{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:08\", "
                   "\"ip\": \"10.1.0.50\", \"vtep\": \"192.168.100.3\"},"
                   "{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:09\", "
                   "\"ip\": \"10.1.0.50\", \"vtep\": \"192.168.100.3\"}]}",
                   "given to two MACs");
    /* A VNet name twice. */
    expect_refused("{\"vnets\": ["
                   "{\"name\": \"x\", \"vni\": 9, \"tenant\": \"t\"},"
                   "{\"name\": \"x\", \"vni\": 10, \"tenant\": \"t\"}]}",
                   "name: defined twice");
}

static void
test_refuses_vni_in_use(void **state OVS_UNUSED)
{
    expect_refused("{\"vnets\": [{\"name\": \"other\", \"vni\": 5001, "
                   "\"tenant\": \"acme\"}]}",
                   "vni: 5001 is in use by VNet \"web\"");
    expect_refused("{\"vnets\": [{\"name\": \"web\", \"vni\": 5009, "
                   "\"tenant\": \"acme\"}]}", "delete it to change its VNI");
    expect_refused("{\"vnets\": [{\"name\": \"x\", \"vni\": 16777216, "
                   "\"tenant\": \"acme\"}]}", "vnets[0].vni");
}

static void
test_refuses_bad_fields(void **state OVS_UNUSED)
{
    expect_refused("{\"vnets\": [{\"name\": \"x\", \"vni\": 9, "
                   "\"tenant\": \"t\", \"subnets\": [\"10.9.0.0/33\"]}]}",
                   "vnets[0].subnets[0]");
    expect_refused("{\"vnets\": [{\"name\": \"x\", \"vni\": 9, "
                   "\"tenant\": \"t\", \"subnets\": [\"10.9.0.0/24\"]}]}",
                   "gateway must be a host address");
    expect_refused("{\"routes\": [{\"tenant\": \"acme\", "
                   "\"prefix\": \"10.5.0.1/16\", \"nexthop\": \"10.1.0.12\"}]}",
                   "routes[0].prefix: \"10.5.0.1/16\" has host bits set");
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"zz\", "
                   "\"vtep\": \"192.168.100.3\"}]}", "xlate[0].mac");
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", "
                   "\"mac\": \"01:00:00:00:00:01\", "
                   "\"vtep\": \"192.168.100.3\"}]}", "not a unicast MAC");
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:77\", \"ip\": \"10.3.0.5\", "
                   "\"vtep\": \"192.168.100.3\"}]}",
                   "10.3.0.5 is in no subnet of VNet \"web\"");
    expect_refused("{\"ports\": [{\"name\": \"this-name-is-too-long\", "
                   "\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:77\"}]}",
                   "ports[0].name");
    expect_refused("{\"vnets\": [], \"bogus\": []}", "unknown member");
    expect_refused("{\"vnets\": [{\"name\": \"x\", \"vni\": \"9\", "
                   "\"tenant\": \"t\"}]}", "vnets[0].vni: must be an integer");
    expect_refused("[1, 2]", "must be a JSON object");
    expect_refused("{\"vnets\": [", "unexpected end of input");
}

/* "fabric" and "resolver" are refused as new interface names only: a
 * snapshot or a file that holds one is still taken whole. */
static void
test_reserved_ifnames(void **state OVS_UNUSED)
{
    static const char *const reserved[] = { "fabric", "resolver" };

    for (size_t i = 0; i < ARRAY_SIZE(reserved); i++) {
        char *error = vp_parse_new_ifname("iface", reserved[i]);
        assert_non_null(error);
        assert_non_null(strstr(error, "is reserved"));
        free(error);
        assert_null(vp_parse_ifname("iface", reserved[i]));
    }
    assert_null(vp_parse_new_ifname("iface", "fabric0"));
    char *error = vp_parse_new_ifname("iface", "a/b");
    assert_non_null(strstr(error, "not a valid interface name"));
    free(error);

    struct vp_tables *t = t_tables_fixture();
    assert_null(t_apply_json(t, "{\"ports\": [{\"name\": \"fabric\", "
                             "\"vnet\": \"web\", "
                             "\"mac\": \"02:00:00:00:01:77\"}]}"));
    assert_non_null(tables_port_by_name(t, "fabric"));
    tables_destroy(t);
}

/* Conflicts between kinds of entries, which each kind alone allows. */
static void
test_refuses_conflicts(void **state OVS_UNUSED)
{
    /* A VM with the VNet's gateway MAC (02:76:70 + VNI). */
    expect_refused("{\"ports\": [{\"name\": \"w9\", \"vnet\": \"web\", "
                   "\"mac\": \"02:76:70:00:13:89\"}]}",
                   "is the gateway MAC of VNet \"web\"");
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", "
                   "\"mac\": \"02:76:70:00:13:89\", "
                   "\"vtep\": \"192.168.100.3\"}]}",
                   "the MAC is the VNet's gateway MAC");
    /* A gateway MAC a VM already has. */
    expect_refused("{\"vnets\": [{\"name\": \"web\", \"vni\": 5001, "
                   "\"tenant\": \"acme\", \"subnets\": [\"10.1.0.1/24\"],"
                   " \"gateway-mac\": \"02:00:00:00:01:02\"}]}",
                   "gateway-mac: 02:00:00:00:01:02 is a VM's MAC");
    /* A port address that the translation table gives another MAC, and
     * the other way round. */
    expect_refused("{\"ports\": [{\"name\": \"w9\", \"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:09\", "
                   "\"ips\": [\"10.1.0.12\"]}]}",
                   "10.1.0.12 belongs to 02:00:00:00:01:02 in the translation");
    expect_refused("{\"xlate\": [{\"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:09\", \"ip\": \"10.1.0.11\", "
                   "\"vtep\": \"192.168.100.3\"}]}",
                   "the address is local port \"w1\"'s");
    /* A route via a gateway address, or for a tenant without VNets. */
    expect_refused("{\"routes\": [{\"tenant\": \"acme\", "
                   "\"prefix\": \"10.9.0.0/16\", \"nexthop\": \"10.2.0.1\"}]}",
                   "is a gateway address");
    expect_refused("{\"routes\": [{\"tenant\": \"nobody\", "
                   "\"prefix\": \"10.9.0.0/16\", \"nexthop\": \"10.2.0.9\"}]}",
                   "tenant: \"nobody\" has no VNet");

    /* New subnets that would make a route's next hop a gateway. */
    struct vp_tables *t = t_tables_fixture();
    assert_null(t_apply_json(t, "{\"routes\": [{\"tenant\": \"acme\", "
                             "\"prefix\": \"10.9.0.0/16\", "
                             "\"nexthop\": \"10.2.0.50\"}]}"));
    char *before = export(t);
    char *error = t_apply_json(t, "{\"vnets\": [{\"name\": \"db\", "
                               "\"vni\": 5002, \"tenant\": \"acme\", "
                               "\"subnets\": [\"10.2.0.50/24\"]}]}");
    assert_non_null(error);
    assert_non_null(strstr(error, "which would be a gateway address"));
    char *after = export(t);
    assert_string_equal(before, after);
    free(error);
    free(before);
    free(after);
    tables_destroy(t);
}

static void
test_refuses_overlap_in_tenant(void **state OVS_UNUSED)
{
    expect_refused("{\"vnets\": [{\"name\": \"app\", \"vni\": 5003, "
                   "\"tenant\": \"acme\", \"subnets\": [\"10.0.0.1/15\"]}]}",
                   "overlaps 10.1.0.1/24 of VNet \"web\"");

    /* Another tenant may reuse the addresses. */
    struct vp_tables *t = t_tables_fixture();
    char *error = t_apply_json(t, "{\"vnets\": [{\"name\": \"blue\", "
                               "\"vni\": 7001, \"tenant\": \"initech\", "
                               "\"subnets\": [\"10.1.0.1/24\"]}]}");
    assert_null(error);
    tables_destroy(t);
}

/* One bad entry at the end of a big batch: nothing of it is applied. */
static void
test_batch_is_atomic(void **state OVS_UNUSED)
{
    expect_refused("{\"vnets\": [{\"name\": \"new\", \"vni\": 8001, "
                   "\"tenant\": \"acme\", \"subnets\": [\"10.8.0.1/24\"]}],"
                   " \"ports\": [{\"name\": \"n1\", \"vnet\": \"new\", "
                   "\"mac\": \"02:00:00:00:08:01\", \"ips\": [\"10.8.0.11\"]}],"
                   " \"xlate\": [{\"vnet\": \"new\", "
                   "\"mac\": \"02:00:00:00:08:02\", \"ip\": \"10.8.0.12\", "
                   "\"vtep\": \"192.168.100.3\"},"
                   "{\"vnet\": \"new\", \"mac\": \"02:00:00:00:08:03\", "
                   "\"ip\": \"10.9.0.13\", \"vtep\": \"192.168.100.3\"}]}",
                   "xlate new 02:00:00:00:08:03 10.9.0.13: ip:");
}

static void
test_vm_move(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    uint64_t gen = tables_gen(t);
    char *error;

    /* A second address for the peer's VM, then it moves to a third host:
     * both of its entries follow, and the flood list changes. */
    error = t_apply_json(t, "{\"xlate\": [{\"vnet\": \"web\", "
                         "\"mac\": \"02:00:00:00:01:02\", "
                         "\"ip\": \"10.1.0.13\", \"vtep\": \"" T_PEER_VTEP
                         "\"}]}");
    assert_null(error);
    error = t_apply_json(t, "{\"xlate\": [{\"vnet\": \"web\", "
                         "\"mac\": \"02:00:00:00:01:02\", "
                         "\"ip\": \"10.1.0.12\", "
                         "\"vtep\": \"192.168.100.3\"}]}");
    assert_null(error);
    assert_true(tables_gen(t) > gen);
    assert_int_equal(xlate_vtep(tables_xlate_by_ip(t, web,
                                                   t_ip("10.1.0.13"))),
                     t_ip("192.168.100.3"));
    assert_true(vnet_has_vtep(web, t_ip("192.168.100.3")));
    assert_false(vnet_has_vtep(web, t_ip(T_PEER_VTEP)));
    tables_destroy(t);
}

static void
test_deletions(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    char *error;

    error = tables_vnet_del(t, "web");
    assert_non_null(error);
    assert_non_null(strstr(error, "delete them first"));
    free(error);

    error = tables_xlate_del(t, "web", t_mac("02:00:00:00:01:02"), 0, true);
    assert_null(error);
    assert_null(tables_xlate_by_ip(t, web, t_ip("10.1.0.12")));
    assert_false(vnet_has_vtep(web, t_ip(T_PEER_VTEP)));

    error = tables_xlate_del(t, "web", t_mac("02:00:00:00:01:02"), 0, true);
    assert_non_null(error);
    free(error);

    assert_null(tables_xlate_del(t, "web", t_mac("02:00:00:00:01:01"),
                                 t_ip("10.1.0.11"), false));
    assert_null(tables_port_del(t, "w1"));
    error = tables_port_del(t, "w1");
    assert_non_null(error);
    free(error);
    assert_null(tables_vnet_del(t, "web"));
    assert_null(tables_vnet_by_vni(t, 5001));
    tables_destroy(t);
}

static void
test_routes(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    const struct vp_rib_entry *e;
    char *error;

    /* Connected subnets route between the tenant's VNets. */
    e = tenant_route_lookup(web->tenant, t_ip("10.2.0.12"));
    assert_non_null(e);
    assert_string_equal(e->vnet->name, "db");
    assert_int_equal(e->nexthop, 0);
    assert_null(tenant_route_lookup(web->tenant, t_ip("8.8.8.8")));

    /* A default route via a VM in db; a more specific one wins. */
    error = t_apply_json(t, "{\"routes\": ["
                         "{\"tenant\": \"acme\", \"prefix\": \"0.0.0.0/0\","
                         " \"nexthop\": \"10.2.0.12\"},"
                         "{\"tenant\": \"acme\", \"prefix\": \"10.2.0.0/16\","
                         " \"nexthop\": \"10.1.0.12\"}]}");
    assert_null(error);
    e = tenant_route_lookup(web->tenant, t_ip("8.8.8.8"));
    assert_non_null(e);
    assert_int_equal(e->nexthop, t_ip("10.2.0.12"));
    e = tenant_route_lookup(web->tenant, t_ip("10.2.9.9"));
    assert_int_equal(e->nexthop, t_ip("10.1.0.12"));
    e = tenant_route_lookup(web->tenant, t_ip("10.2.0.12"));
    assert_int_equal(e->nexthop, 0);        /* Connected /24 is longer. */

    /* Another tenant's routes are its own. */
    const struct vp_vnet *red = tables_vnet_by_vni(t, 6001);
    assert_null(tenant_route_lookup(red->tenant, t_ip("8.8.8.8")));

    assert_null(tables_route_del(t, "acme", t_ip("0.0.0.0"), 0));
    assert_null(tenant_route_lookup(web->tenant, t_ip("8.8.8.8")));
    error = tables_route_del(t, "acme", t_ip("0.0.0.0"), 0);
    assert_non_null(error);
    free(error);
    tables_destroy(t);
}

static void
test_idempotent_port_add(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    char *error;

    error = t_apply_json(t, "{\"ports\": [{\"name\": \"w1\", "
                         "\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:01\", "
                         "\"ips\": [\"10.1.0.11\"]}]}");
    assert_null(error);
    tables_destroy(t);
    expect_refused("{\"ports\": [{\"name\": \"w1\", \"vnet\": \"web\", "
                   "\"mac\": \"02:00:00:00:01:05\"}]}",
                   "exists with other settings");
}

static void
test_export_roundtrip(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    struct vp_tables *u = tables_create(t_ip(T_SELF_VTEP));
    char *a = export(t);

    assert_null(t_apply_json(u, a));
    char *b = export(u);
    assert_string_equal(a, b);
    free(a);
    free(b);
    tables_destroy(t);
    tables_destroy(u);
}

static char *
sync_json(struct vp_tables *t, const char *text)
{
    struct json *json = json_from_string(text);
    struct vp_config c;

    vp_config_init(&c);
    c.redefine_vnets = true;
    char *error = tables_json_parse(json, &c);
    if (!error) {
        error = tables_sync(t, &c);
    }
    vp_config_destroy(&c);
    json_destroy(json);
    return error;
}

/* A snapshot: web and red stay (red's port changes), db goes, a
 * translation entry goes and one comes. */
#define SNAPSHOT \
    "{\"vnets\": [" \
    "  {\"name\": \"web\", \"vni\": 5001, \"tenant\": \"acme\"," \
    "   \"subnets\": [\"10.1.0.1/24\"]}," \
    "  {\"name\": \"red\", \"vni\": 6001, \"tenant\": \"globex\"," \
    "   \"subnets\": [\"10.1.0.1/24\"]}]," \
    " \"ports\": [" \
    "  {\"name\": \"w1\", \"vnet\": \"web\"," \
    "   \"mac\": \"02:00:00:00:01:01\", \"ips\": [\"10.1.0.11\"]}," \
    "  {\"name\": \"r1\", \"vnet\": \"red\"," \
    "   \"mac\": \"02:00:00:00:06:01\", \"ips\": [\"10.1.0.99\"]}]," \
    " \"xlate\": [" \
    "  {\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:02\"," \
    "   \"ip\": \"10.1.0.12\", \"vtep\": \"" T_PEER_VTEP "\"}," \
    "  {\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:03\"," \
    "   \"ip\": \"10.1.0.13\", \"vtep\": \"" T_PEER_VTEP "\"}]}"

static void
test_sync(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    const struct vp_xlate *kept = tables_xlate_by_ip(t, web,
                                                     t_ip("10.1.0.12"));
    struct vp_port *w1 = tables_port_by_name(t, "w1");

    assert_null(sync_json(t, SNAPSHOT));
    /* What the snapshot keeps is the same object: never removed. */
    assert_ptr_equal(tables_vnet_by_vni(t, 5001), web);
    assert_ptr_equal(tables_xlate_by_ip(t, web, t_ip("10.1.0.12")), kept);
    assert_ptr_equal(tables_port_by_name(t, "w1"), w1);
    /* The rest is gone, changed or new. */
    assert_null(tables_vnet_by_vni(t, 5002));
    assert_null(tables_xlate_by_ip(t, web, t_ip("10.1.0.11")));
    assert_non_null(tables_xlate_by_ip(t, web, t_ip("10.1.0.13")));
    assert_true(port_has_ip(tables_port_by_name(t, "r1"), t_ip("10.1.0.99")));

    /* The same snapshot again changes nothing at all. */
    uint64_t gen = tables_gen(t);
    assert_null(sync_json(t, SNAPSHOT));
    assert_int_equal(tables_gen(t), gen);

    /* An inconsistent snapshot is refused whole. */
    char *before = export(t);
    char *error = sync_json(t, "{\"vnets\": [{\"name\": \"web\", "
                            "\"vni\": 5001, \"tenant\": \"acme\"}], "
                            "\"xlate\": [{\"vnet\": \"nope\", "
                            "\"mac\": \"02:00:00:00:01:02\", "
                            "\"vtep\": \"192.168.100.3\"}]}");
    assert_non_null(error);
    free(error);
    char *after = export(t);
    assert_string_equal(before, after);
    free(before);
    free(after);

    /* A VNet whose VNI changed is recreated, with its contents. */
    assert_null(sync_json(t, "{\"vnets\": [{\"name\": \"web\", "
                          "\"vni\": 5009, \"tenant\": \"acme\"}], "
                          "\"xlate\": [{\"vnet\": \"web\", "
                          "\"mac\": \"02:00:00:00:01:02\", "
                          "\"vtep\": \"192.168.100.3\"}]}"));
    assert_null(tables_vnet_by_vni(t, 5001));
    web = tables_vnet_by_vni(t, 5009);
    assert_non_null(web);
    assert_non_null(tables_xlate_by_mac(t, web, t_mac("02:00:00:00:01:02")));
    assert_null(tables_port_by_name(t, "w1"));
    tables_destroy(t);
}

static void
test_removal(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    struct json *json = json_from_string(
        "{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:02\","
        " \"ip\": \"10.1.0.12\"}], \"ports\": [\"r1\", \"nope\"],"
        " \"vnets\": [\"db\"]}");
    struct vp_removal r;
    struct vp_config pool;

    vp_config_init(&pool);
    vp_removal_init(&r);
    assert_null(vp_removal_parse(json, &pool, &r));
    tables_remove(t, &r);
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);
    assert_null(tables_xlate_by_ip(t, web, t_ip("10.1.0.12")));
    assert_null(tables_port_by_name(t, "r1"));
    assert_null(tables_vnet_by_vni(t, 5002));      /* With its entry. */
    assert_non_null(tables_port_by_name(t, "w1"));
    vp_removal_destroy(&r);
    vp_config_destroy(&pool);
    json_destroy(json);

    json = json_from_string("{\"xlate\": [{\"vnet\": 7}]}");
    vp_config_init(&pool);
    vp_removal_init(&r);
    char *error = vp_removal_parse(json, &pool, &r);
    assert_non_null(error);
    free(error);
    vp_removal_destroy(&r);
    vp_config_destroy(&pool);
    json_destroy(json);
    tables_destroy(t);
}

/* An update as the controller sends it: removals, then additions. */
static char *
update_json(struct vp_tables *t, const char *remove, const char *add)
{
    struct json *rj = json_from_string(remove);
    struct json *aj = json_from_string(add);
    struct vp_removal r;
    struct vp_config c;

    vp_config_init(&c);
    c.redefine_vnets = true;
    vp_removal_init(&r);
    char *error = vp_removal_parse(rj, &c, &r);
    if (!error) {
        error = tables_json_parse(aj, &c);
    }
    if (!error) {
        error = tables_update(t, &r, &c);
    }
    vp_removal_destroy(&r);
    vp_config_destroy(&c);
    json_destroy(rj);
    json_destroy(aj);
    return error;
}

/* A refused update keeps its removals too: the tables and their generation
 * are exactly as before. */
static void
expect_update_refused(const char *remove, const char *add, const char *expect)
{
    expect_unchanged(update_json, remove, add, expect);
}

static void
test_refused_update_changes_nothing(void **state OVS_UNUSED)
{
    /* A VM's location removed, an invalid one added. */
    expect_update_refused(
        "{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:02\","
        " \"ip\": \"10.1.0.12\"}]}",
        "{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:09\","
        " \"ip\": \"10.9.0.9\", \"vtep\": \"" T_PEER_VTEP "\"}]}",
        "in no subnet");
    /* A port removed and added back with an address outside its subnet. */
    expect_update_refused(
        "{\"ports\": [\"w1\"]}",
        "{\"ports\": [{\"name\": \"w1\", \"vnet\": \"web\","
        " \"mac\": \"02:00:00:00:01:01\", \"ips\": [\"10.7.0.11\"]}]}",
        "in no subnet");
    /* A VNet removed, and something invalid added. */
    expect_update_refused(
        "{\"vnets\": [\"web\"]}",
        "{\"routes\": [{\"tenant\": \"nobody\", \"prefix\": \"0.0.0.0/0\","
        " \"nexthop\": \"10.1.0.11\"}]}",
        "has no VNet");
    /* What the removal takes away is gone for the check: the route's
     * tenant loses its only VNet. */
    expect_update_refused(
        "{\"vnets\": [\"red\"]}",
        "{\"routes\": [{\"tenant\": \"globex\", \"prefix\": \"0.0.0.0/0\","
        " \"nexthop\": \"10.1.0.11\"}]}",
        "has no VNet");
    /* A removed VNet cannot be used by the additions. */
    expect_update_refused(
        "{\"vnets\": [\"db\"]}",
        "{\"xlate\": [{\"vnet\": \"db\", \"mac\": \"02:00:00:00:02:09\","
        " \"ip\": \"10.2.0.9\", \"vtep\": \"" T_PEER_VTEP "\"}]}",
        "no VNet named");
}

/* Updates that are valid only once their removals are applied. */
static void
test_update_checks_after_removals(void **state OVS_UNUSED)
{
    struct vp_tables *t = t_tables_fixture();
    const struct vp_vnet *web = tables_vnet_by_vni(t, 5001);

    /* An address moves from one MAC to another in one update. */
    assert_null(update_json(t,
        "{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:02\","
        " \"ip\": \"10.1.0.12\"}]}",
        "{\"xlate\": [{\"vnet\": \"web\", \"mac\": \"02:00:00:00:01:07\","
        " \"ip\": \"10.1.0.12\", \"vtep\": \"" T_PEER_VTEP "\"}]}"));
    const struct vp_xlate *x = tables_xlate_by_ip(t, web, t_ip("10.1.0.12"));
    assert_non_null(x);
    assert_true(eth_addr_equals(x->mac, t_mac("02:00:00:00:01:07")));

    /* A port comes back with another address. */
    assert_null(update_json(t, "{\"ports\": [\"w1\"]}",
        "{\"ports\": [{\"name\": \"w1\", \"vnet\": \"web\","
        " \"mac\": \"02:00:00:00:01:01\", \"ips\": [\"10.1.0.11\","
        " \"10.1.0.21\"]}]}"));
    assert_true(port_has_ip(tables_port_by_name(t, "w1"), t_ip("10.1.0.21")));

    /* A VNet comes back with another VNI, and its VNI goes to another. */
    assert_null(update_json(t, "{\"vnets\": [\"db\"]}",
        "{\"vnets\": [{\"name\": \"db\", \"vni\": 5003, \"tenant\": \"acme\","
        " \"subnets\": [\"10.2.0.1/24\"]}, {\"name\": \"db2\", \"vni\": 5002,"
        " \"tenant\": \"acme\", \"subnets\": [\"10.3.0.1/24\"]}]}"));
    assert_string_equal(tables_vnet_by_vni(t, 5002)->name, "db2");
    assert_string_equal(tables_vnet_by_vni(t, 5003)->name, "db");
    assert_null(tables_xlate_by_ip(t, tables_vnet_by_vni(t, 5003),
                                   t_ip("10.2.0.12")));
    tables_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_lookups),
        cmocka_unit_test(test_refuses_unknown_vnet),
        cmocka_unit_test(test_refuses_duplicates),
        cmocka_unit_test(test_refuses_vni_in_use),
        cmocka_unit_test(test_refuses_bad_fields),
        cmocka_unit_test(test_reserved_ifnames),
        cmocka_unit_test(test_refuses_overlap_in_tenant),
        cmocka_unit_test(test_refuses_conflicts),
        cmocka_unit_test(test_batch_is_atomic),
        cmocka_unit_test(test_vm_move),
        cmocka_unit_test(test_deletions),
        cmocka_unit_test(test_routes),
        cmocka_unit_test(test_idempotent_port_add),
        cmocka_unit_test(test_export_roundtrip),
        cmocka_unit_test(test_sync),
        cmocka_unit_test(test_removal),
        cmocka_unit_test(test_refused_update_changes_nothing),
        cmocka_unit_test(test_update_checks_after_removals),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
