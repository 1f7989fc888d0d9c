/* tests/unit/test-libvirt-nics.c: how the libvirt watcher makes a domain's
 * NICs on this host match its XML (libvirt-nics.c), without a controller:
 * attached into the tables, unchanged ones left alone, changed ones
 * attached again, gone ones detached -- and a MAC listed twice, or
 * entries in error, never confusing one NIC with another. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "ctl.h"
#include "libvirt-private.h"
#include "libvirt-xml.h"
#include "port.h"
#include "tables.h"
#include "util.h"

#define UUID "6695eb01-f6a4-8304-79aa-97f2502e1001"

struct fixture {
    struct ctl_context ctx;
    struct lv_watch w;
};

static int
setup(void **state)
{
    struct fixture *f = xzalloc(sizeof *f);

    f->ctx.tables = t_tables_fixture();
    f->w.ctx = &f->ctx;
    shash_init(&f->w.nics);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *f = *state;
    struct shash_node *node;

    SHASH_FOR_EACH (node, &f->w.nics) {
        lv_nic_free(node->data);
    }
    shash_destroy(&f->w.nics);
    tables_destroy(f->ctx.tables);
    free(f);
    return 0;
}

/* Applies a domain whose metadata entries and devices are given. */
static void
apply(struct fixture *f, const char *metadata, const char *devices)
{
    char *xml = xasprintf("<domain><name>vm1</name><metadata>"
                          "<vplane:interfaces xmlns:vplane='"LV_XMLNS"'>%s"
                          "</vplane:interfaces></metadata><devices>%s"
                          "</devices></domain>", metadata, devices);
    struct lv_nic_spec *specs;
    size_t n;

    assert_null(lv_parse_domain_nics(xml, &specs, &n));
    lv_nics_apply(&f->w, UUID, "vm1", specs, n);
    lv_nic_specs_free(specs, n);
    free(xml);
}

#define NIC(MAC, TAP) \
    "<interface type='ethernet'><mac address='" MAC "'/>" \
    "<target dev='" TAP "' managed='no'/></interface>"

static const struct vp_port *
port(struct fixture *f, const char *name)
{
    return tables_port_by_name(f->ctx.tables, name);
}

static void
test_attach_change_detach(void **state)
{
    struct fixture *f = *state;

    apply(f, "<vplane:interface mac='52:54:00:00:01:31' vnet='web'>"
          "<vplane:ip address='10.1.0.31'/></vplane:interface>",
          NIC("52:54:00:00:01:31", "tap31"));
    const struct vp_port *p = port(f, "tap31");
    assert_non_null(p);
    assert_string_equal(p->vnet->name, "web");
    assert_int_equal(shash_count(&f->w.nics), 1);

    /* The same again: the very same port stays. */
    apply(f, "<vplane:interface mac='52:54:00:00:01:31' vnet='web'>"
          "<vplane:ip address='10.1.0.31'/></vplane:interface>",
          NIC("52:54:00:00:01:31", "tap31"));
    assert_ptr_equal(port(f, "tap31"), p);

    /* Another VNet: detached and attached again there. */
    apply(f, "<vplane:interface mac='52:54:00:00:01:31' vnet='db'/>",
          NIC("52:54:00:00:01:31", "tap31"));
    assert_non_null(port(f, "tap31"));
    assert_string_equal(port(f, "tap31")->vnet->name, "db");

    /* Not running any more: detached. */
    lv_nics_apply(&f->w, UUID, "vm1", NULL, 0);
    assert_null(port(f, "tap31"));
    assert_int_equal(shash_count(&f->w.nics), 0);
}

static void
test_unknown_vnet(void **state)
{
    struct fixture *f = *state;

    apply(f, "<vplane:interface mac='52:54:00:00:01:32' vnet='nosuch'/>",
          NIC("52:54:00:00:01:32", "tap32"));
    assert_null(port(f, "tap32"));
    assert_int_equal(shash_count(&f->w.nics), 1);
    const struct lv_nic *nic = shash_first(&f->w.nics)->data;
    assert_false(nic->attached);
    assert_string_equal(nic->spec.error,
                        "port \"tap32\": vnet: no VNet named \"nosuch\"");
    assert_int_equal(f->w.n_refused, 1);
}

static void
test_mac_listed_twice(void **state)
{
    struct fixture *f = *state;

    /* The first entry is in error (a bad address), the second repeats its
     * MAC: two NICs in error, neither standing for the other. */
    apply(f, "<vplane:interface mac='52:54:00:00:01:33' vnet='web'>"
          "<vplane:ip address='300.1.1.1'/></vplane:interface>"
          "<vplane:interface mac='52:54:00:00:01:33' vnet='web'/>",
          NIC("52:54:00:00:01:33", "tap33"));
    assert_int_equal(shash_count(&f->w.nics), 2);
    assert_null(port(f, "tap33"));

    /* The second entry changes: each NIC is replaced or kept on its own
     * (under AddressSanitizer, a mix-up is a use after free). */
    apply(f, "<vplane:interface mac='52:54:00:00:01:33' vnet='web'>"
          "<vplane:ip address='300.1.1.1'/></vplane:interface>"
          "<vplane:interface mac='52:54:00:00:01:33' vnet='db'/>",
          NIC("52:54:00:00:01:33", "tap33"));
    assert_int_equal(shash_count(&f->w.nics), 2);

    /* Fixed: one NIC, attached. */
    apply(f, "<vplane:interface mac='52:54:00:00:01:33' vnet='web'/>",
          NIC("52:54:00:00:01:33", "tap33"));
    assert_int_equal(shash_count(&f->w.nics), 1);
    assert_non_null(port(f, "tap33"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_attach_change_detach, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unknown_vnet, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mac_listed_twice, setup,
                                        teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
