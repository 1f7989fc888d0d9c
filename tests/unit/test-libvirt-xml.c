/* tests/unit/test-libvirt-xml.c: reading vPlane's NICs out of a domain XML
 * (libvirt-xml.h) -- the documented form, libvirt's own variants of it, and
 * every way the metadata or the devices can be wrong, each named. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "libvirt-xml.h"
#include "packets.h"
#include "util.h"

#define NS "xmlns:vplane='" LV_XMLNS "'"

/* A domain with 'metadata' inside vPlane's <interfaces> and 'devices'. */
static char *
domain(const char *metadata, const char *devices)
{
    return xasprintf("<domain type='qemu'><name>vm1</name>"
                     "<metadata><vplane:interfaces "NS">%s"
                     "</vplane:interfaces></metadata>"
                     "<devices>%s</devices></domain>", metadata, devices);
}

#define TAP_NIC(MAC, TAP) \
    "<interface type='ethernet'><mac address='" MAC "'/>" \
    "<target dev='" TAP "' managed='no'/><model type='virtio'/></interface>"

static struct lv_nic_spec *
parse(const char *metadata, const char *devices, size_t *n)
{
    char *xml = domain(metadata, devices);
    struct lv_nic_spec *nics;

    assert_null(lv_parse_domain_nics(xml, &nics, n));
    free(xml);
    return nics;
}

static void
test_documented_form(void **state OVS_UNUSED)
{
    size_t n;
    struct lv_nic_spec *nics = parse(
        "<vplane:interface mac='52:54:00:00:01:01' vnet='web'>"
        "<vplane:ip address='10.1.0.11'/><vplane:ip address='10.1.0.21'/>"
        "</vplane:interface>",
        TAP_NIC("52:54:00:00:01:01", "vp-vm1")
        "<interface type='bridge'><mac address='52:54:00:00:09:09'/>"
        "<source bridge='br0'/></interface>", &n);

    assert_int_equal(n, 1);             /* The bridge NIC is not ours. */
    assert_null(nics[0].error);
    assert_string_equal(nics[0].vnet, "web");
    assert_string_equal(nics[0].tap, "vp-vm1");
    assert_true(nics[0].tap_unmanaged);
    assert_true(eth_addr_equals(nics[0].mac, t_mac("52:54:00:00:01:01")));
    assert_int_equal(nics[0].n_ips, 2);
    assert_int_equal(nics[0].ips[1], t_ip("10.1.0.21"));
    lv_nic_specs_free(nics, n);
}

static void
test_libvirt_variants(void **state OVS_UNUSED)
{
    size_t n;
    /* "virsh metadata --set" leaves the entries in no namespace; libvirt
     * writes MACs in lower case, people may not; a tap libvirt creates has
     * no managed='no', and none at all before the domain runs. */
    struct lv_nic_spec *nics = parse(
        "<interface mac='52:54:00:00:01:0A' vnet='web'/>"
        "<interface mac='52:54:00:00:01:02' vnet='db'/>",
        "<interface type='ethernet'><mac address='52:54:00:00:01:0a'/>"
        "<target dev='vnet3'/></interface>"
        "<interface type='ethernet'><mac address='52:54:00:00:01:02'/>"
        "</interface>", &n);

    assert_int_equal(n, 2);
    assert_null(nics[0].error);
    assert_string_equal(nics[0].tap, "vnet3");
    assert_false(nics[0].tap_unmanaged);
    assert_int_equal(nics[0].n_ips, 0);
    assert_null(nics[1].error);
    assert_null(nics[1].tap);
    lv_nic_specs_free(nics, n);
}

static void
test_errors(void **state OVS_UNUSED)
{
    static const struct {
        const char *metadata;
        const char *devices;
        const char *error;
    } cases[] = {
        { "<vplane:interface vnet='web'/>", "",
          "metadata: an interface without mac=\"...\"" },
        { "<vplane:interface mac='52:54:00:00:01:01'/>",
          TAP_NIC("52:54:00:00:01:01", "t1"),
          "metadata: interface 52:54:00:00:01:01 without vnet=\"...\"" },
        { "<vplane:interface mac='01:00:5e:00:00:01' vnet='web'/>", "",
          NULL /* vp_parse_vm_mac's own message */ },
        { "<vplane:interface mac='52:54:00:00:01:01' vnet='we b'/>", "",
          "metadata vnet: \"we b\" may contain only letters, digits and "
          "_.:-" },
        { "<vplane:interface mac='52:54:00:00:01:01' vnet='web'>"
          "<vplane:ip/></vplane:interface>", "",
          "metadata: an ip without address=\"...\"" },
        { "<vplane:interface mac='52:54:00:00:01:01' vnet='web'/>",
          TAP_NIC("52:54:00:00:01:02", "t1"),
          "the domain has no interface with MAC 52:54:00:00:01:01" },
        { "<vplane:interface mac='52:54:00:00:01:01' vnet='web'/>",
          "<interface type='network'><mac address='52:54:00:00:01:01'/>"
          "<source network='default'/></interface>",
          "interface 52:54:00:00:01:01 is type='network'; vPlane attaches "
          "type='ethernet' only" },
        { "<vplane:interface mac='52:54:00:00:01:01' vnet='web'/>",
          TAP_NIC("52:54:00:00:01:01", "a-name-far-too-long"),
          "target dev: \"a-name-far-too-long\" must be 1 to 15 characters" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        size_t n;
        struct lv_nic_spec *nics = parse(cases[i].metadata, cases[i].devices,
                                         &n);
        assert_int_equal(n, 1);
        assert_non_null(nics[0].error);
        if (cases[i].error) {
            assert_string_equal(nics[0].error, cases[i].error);
        }
        lv_nic_specs_free(nics, n);
    }

    size_t n;
    struct lv_nic_spec *nics = parse(
        "<vplane:interface mac='52:54:00:00:01:01' vnet='web'/>"
        "<vplane:interface mac='52:54:00:00:01:01' vnet='db'/>",
        TAP_NIC("52:54:00:00:01:01", "t1"), &n);
    assert_int_equal(n, 2);
    assert_null(nics[0].error);
    assert_string_equal(nics[1].error,
                        "metadata: MAC 52:54:00:00:01:01 is listed twice");
    lv_nic_specs_free(nics, n);
}

static void
test_not_ours_or_not_xml(void **state OVS_UNUSED)
{
    struct lv_nic_spec *nics;
    size_t n;

    /* No metadata, or another application's: nothing to do. */
    assert_null(lv_parse_domain_nics(
                    "<domain><metadata><app:x xmlns:app='urn:app'>"
                    "<interface mac='52:54:00:00:01:01' vnet='web'/>"
                    "</app:x></metadata><devices>"
                    TAP_NIC("52:54:00:00:01:01", "t1")
                    "</devices></domain>", &nics, &n));
    assert_int_equal(n, 0);
    lv_nic_specs_free(nics, n);

    static const char *bad[] = { "<domain", "<network/>", "" };
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        char *error = lv_parse_domain_nics(bad[i], &nics, &n);
        assert_string_equal(error, "not a domain XML");
        assert_int_equal(n, 0);
        free(error);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documented_form),
        cmocka_unit_test(test_libvirt_variants),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_not_ours_or_not_xml),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
