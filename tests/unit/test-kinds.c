/* tests/unit/test-kinds.c: the kinds list (include/vplane/kinds.h) walked
 * row by row -- each kind's sample entry goes through its owner's parser
 * and formatter unchanged, the controller's removal of it (host_view_diff,
 * the identity the list gives) removes exactly it on the host, and a
 * refused batch changes nothing whatever kind refuses it; and each kind the
 * tables hold, through its unit alone (vplane/table-kind.h), round-trips
 * and is removed by its identity.  A kind added to the list without a
 * sample here fails test_every_kind_has_samples. */
#include <config.h>
#include "test-util.h"

#include <string.h>
#include "ctrl/host-view.h"
#include "ctrl/host-view-private.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "peers.h"
#include "services.h"
#include "table-kind.h"
#include "tables-config.h"
#include "tables-json.h"
#include "tables-sync.h"
#include "tables.h"
#include "util.h"
#include "vplane/kinds.h"

/* One valid entry of each kind, as a controller sends it, consistent with
 * the others (the route's next hop is the port's address), and one entry
 * that its owner refuses. */
static const struct {
    const char *good;
    const char *bad;
} samples[VP_N_KINDS] = {
    [VP_KIND_VNET] = {
        "{\"name\": \"kv\", \"vni\": 4242, \"tenant\": \"kt\","
        " \"subnets\": [\"10.9.0.1/24\"]}",
        "{\"name\": \"kv2\", \"vni\": 0, \"tenant\": \"kt\"}" },
    [VP_KIND_PORT] = {
        "{\"name\": \"kp0\", \"vnet\": \"kv\", \"mac\": \"02:00:00:00:09:01\","
        " \"ips\": [\"10.9.0.5\"]}",
        "{\"name\": \"kp1\", \"vnet\": \"kv\", \"mac\": \"02:00:00:00:09:03\","
        " \"ips\": [\"10.8.0.5\"]}" },
    [VP_KIND_ROUTE] = {
        "{\"tenant\": \"kt\", \"prefix\": \"10.99.0.0/16\","
        " \"nexthop\": \"10.9.0.5\"}",
        "{\"tenant\": \"nobody\", \"prefix\": \"0.0.0.0/0\","
        " \"nexthop\": \"10.9.0.5\"}" },
    [VP_KIND_HOST] = {
        "{\"name\": \"kh\", \"vtep\": \"192.168.9.2\"}",
        "{\"name\": \"kh2\"}" },
    [VP_KIND_SUBSETS] = {
        "{\"count\": 2, \"assignment\": {\"kh\": [0, 1]}}",
        "{\"count\": -1, \"assignment\": {}}" },
    [VP_KIND_UPLINK] = {
        "{\"name\": \"kup\", \"address\": \"192.0.2.2/24\","
        " \"router\": \"192.0.2.1\"}",
        "{\"name\": \"kup\"}" },
    [VP_KIND_NAT] = {
        "{\"id\": \"kt/snat/192.0.2.2\", \"tenant\": \"kt\","
        " \"type\": \"snat\", \"external-ip\": \"192.0.2.2\"}",
        "{\"id\": \"kt/x\", \"tenant\": \"kt\", \"type\": \"nope\","
        " \"external-ip\": \"192.0.2.2\"}" },
    [VP_KIND_FIREWALL] = {
        "{\"id\": \"kv/02:00:00:00:09:01\", \"vnet\": \"kv\","
        " \"mac\": \"02:00:00:00:09:01\", \"rules\": [{\"direction\":"
        " \"ingress\", \"protocol\": \"tcp\", \"port-min\": 22,"
        " \"port-max\": 22}]}",
        "{\"id\": \"kv/x\", \"vnet\": \"kv\", \"mac\": \"02:00:00:00:09:01\","
        " \"rules\": [{\"direction\": \"sideways\","
        " \"protocol\": \"tcp\"}]}" },
    [VP_KIND_XLATE] = {
        "{\"vnet\": \"kv\", \"mac\": \"02:00:00:00:09:02\","
        " \"ip\": \"10.9.0.6\", \"vtep\": \"192.168.9.2\"}",
        "{\"vnet\": \"kv\", \"mac\": \"02:00:00:00:09:04\","
        " \"ip\": \"10.7.0.6\", \"vtep\": \"192.168.9.2\"}" },
};

/* What a host holds, split by owner as vplaned's ctrl-client does. */
struct host {
    struct vp_tables *tables;
    struct vp_peers peers;
    struct vp_services services;
};

static void
host_init(struct host *h)
{
    h->tables = tables_create(0);
    vp_peers_init(&h->peers);
    vp_services_init(&h->services);
}

static void
host_destroy(struct host *h)
{
    tables_destroy(h->tables);
    vp_peers_destroy(&h->peers);
    vp_services_destroy(&h->services);
}

/* Adds the tables object 'add' after removing 'remove' (may be NULL), each
 * section to its kind's owner, the tables' part checked whole. */
static char *
host_update(struct host *h, const struct json *remove, const struct json *add)
{
    struct vp_removal r;
    struct vp_config c;
    struct json *rest = json_object_create();
    char *error = NULL;

    vp_config_init(&c);
    c.redefine_vnets = true;
    vp_removal_init(&r);
    if (remove) {
        error = vp_removal_parse(remove, &c, &r);
        VP_KIND_FOR_EACH (k) {
            const struct json *ids = shash_find_data(json_object(remove),
                                                     k->key);
            if (error || !ids) {
                continue;
            } else if (k->owner == VP_KIND_PEERS) {
                error = vp_peers_remove_hosts(&h->peers, ids);
            } else if (k->owner == VP_KIND_SERVICES) {
                error = vp_services_remove(&h->services, k->key, ids);
            }
        }
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(add)) {
        const struct vp_kind_info *k = vp_kind_by_key(node->name);
        if (error) {
            break;
        } else if (k->owner == VP_KIND_PEERS) {
            error = (k->shape == VP_KIND_WHOLE
                     ? vp_peers_set_subsets(&h->peers, node->data)
                     : vp_peers_add_hosts(&h->peers, node->data));
        } else if (k->owner == VP_KIND_SERVICES) {
            error = vp_services_add(&h->services, node->name, node->data);
        } else {
            json_object_put(rest, node->name, json_clone(node->data));
        }
    }
    if (!error) {
        error = tables_json_parse(rest, &c);
    }
    if (!error) {
        error = tables_update(h->tables, &r, &c);
    }
    json_destroy(rest);
    vp_removal_destroy(&r);
    vp_config_destroy(&c);
    return error;
}

/* The entries of kind 'k' the host has, as the number of them. */
static size_t
host_count(const struct host *h, const struct vp_kind_info *k)
{
    if (k->owner == VP_KIND_PEERS) {
        return (k->shape == VP_KIND_WHOLE ? h->peers.n_subsets > 0
                : shash_count(&h->peers.hosts));
    } else if (k->owner == VP_KIND_SERVICES) {
        return (k->shape == VP_KIND_WHOLE ? h->services.uplink.name[0] != 0
                : shash_count(k->kind == VP_KIND_NAT ? &h->services.nat
                              : &h->services.firewall));
    }
    struct json *export = tables_json_export(h->tables);
    size_t n = json_array(shash_find_data(json_object(export), k->key))->n;
    json_destroy(export);
    return n;
}

/* A view holding every sample, as the controller keeps one. */
static void
view_of_samples(struct host_view *v)
{
    host_view_init(v);
    VP_KIND_FOR_EACH (k) {
        struct view_entry *e = xzalloc(sizeof *e);
        char key[32];

        e->json = json_from_string(samples[k->kind].good);
        e->text = json_to_string(e->json, JSSF_SORT);
        snprintf(key, sizeof key, "%c/sample", k->letter);
        host_view_add_shared(v, key, e);      /* The view's only one. */
    }
}

static void
test_every_kind_has_samples(void **state OVS_UNUSED)
{
    assert_int_equal(vp_kinds[0].kind, VP_KIND_VNET);  /* Applied first. */
    VP_KIND_FOR_EACH (k) {
        assert_int_equal(k - vp_kinds, k->kind);
        assert_ptr_equal(vp_kind_by_key(k->key), k);
        assert_ptr_equal(vp_kind_by_letter(k->letter), k);
        assert_int_equal(k->shape == VP_KIND_WHOLE, !k->identity[0]);
        if (!samples[k->kind].good || !samples[k->kind].bad) {
            fail_msg("kind \"%s\" has no samples here", k->key);
        }
    }
    assert_null(vp_kind_by_key("bogus"));
}

/* The samples of every kind, as one snapshot part. */
static struct json *
samples_json(void)
{
    struct host_view v;
    struct json **parts;

    view_of_samples(&v);
    assert_int_equal(host_view_to_parts(&v, SIZE_MAX, &parts), 1);
    host_view_destroy(&v);

    struct json *all = parts[0];
    free(parts);
    return all;
}

/* Every kind's sample is accepted by its owner; a tables kind's comes out
 * of an export as it went in, and the export parses back to the same. */
static void
test_round_trip(void **state OVS_UNUSED)
{
    struct json *all = samples_json();
    struct host h;

    host_init(&h);
    char *error = host_update(&h, NULL, all);
    if (error) {
        fail_msg("samples refused: %s", error);
    }
    struct json *export = tables_json_export(h.tables);
    VP_KIND_FOR_EACH (k) {
        assert_int_equal(host_count(&h, k), 1);
        if (k->owner != VP_KIND_TABLES) {
            continue;
        }
        struct json *sample = json_from_string(samples[k->kind].good);
        const struct json *got = shash_find_data(json_object(export), k->key);
        if (!json_equal(json_array(got)->elems[0], sample)) {
            char *s = json_to_string(got, JSSF_SORT);
            fail_msg("%s: exported as %s", k->key, s);
        }
        json_destroy(sample);
    }

    struct host again;
    host_init(&again);
    assert_null(host_update(&again, NULL, export));
    struct json *export2 = tables_json_export(again.tables);
    assert_true(json_equal(export, export2));
    json_destroy(export2);
    host_destroy(&again);

    json_destroy(export);
    json_destroy(all);
    host_destroy(&h);
}

/* For each kind that can be removed, the controller's update from a view
 * with every sample to one without that kind's removes that entry on the
 * host, and leaves the kinds applied before it. */
static void
test_view_removal_removes(void **state OVS_UNUSED)
{
    struct json *all = samples_json();

    VP_KIND_FOR_EACH (k) {
        if (k->shape != VP_KIND_ARRAY) {
            continue;
        }
        struct host_view old, new;
        struct json *add, *remove;
        struct host h;
        char key[32];

        view_of_samples(&old);
        view_of_samples(&new);
        snprintf(key, sizeof key, "%c/sample", k->letter);
        struct view_entry *e = shash_find_and_delete(&new.entries, key);
        assert_non_null(e);
        json_destroy(e->json);
        free(e->text);
        free(e);
        assert_int_equal(host_view_diff(&old, &new, &add, &remove), 1);
        assert_null(shash_find(json_object(add), k->key));

        host_init(&h);
        assert_null(host_update(&h, NULL, all));
        char *error = host_update(&h, remove, add);
        if (error) {
            fail_msg("removing %s: %s", k->key, error);
        }
        assert_int_equal(host_count(&h, k), 0);
        for (const struct vp_kind_info *before = vp_kinds; before < k;
             before++) {
            assert_int_equal(host_count(&h, before), 1);
        }
        host_destroy(&h);
        json_destroy(add);
        json_destroy(remove);
        host_view_destroy(&old);
        host_view_destroy(&new);
    }
    json_destroy(all);
}

/* A batch that removes every removable sample and adds one bad entry is
 * refused whole, whichever kind the bad entry is, and changes nothing. */
static void
test_refused_batch_changes_nothing(void **state OVS_UNUSED)
{
    struct json *all = samples_json();
    struct json *remove = json_object_create();

    VP_KIND_FOR_EACH (k) {
        if (k->shape == VP_KIND_ARRAY) {
            struct json *entry = json_from_string(samples[k->kind].good);
            struct json *ids = json_array_create_1(
                vp_kind_identity(k, entry));
            json_object_put(remove, k->key, ids);
            json_destroy(entry);
        }
    }

    VP_KIND_FOR_EACH (k) {
        struct json *bad = json_from_string(samples[k->kind].bad);
        struct json *add = json_object_create();
        struct host h;

        json_object_put(add, k->key, (k->shape == VP_KIND_WHOLE ? bad
                                      : json_array_create_1(bad)));
        host_init(&h);
        assert_null(host_update(&h, NULL, all));
        uint64_t gen = tables_gen(h.tables);
        struct json *before = tables_json_export(h.tables);

        char *error = host_update(&h, remove, add);
        if (!error) {
            fail_msg("%s: %s was accepted", k->key, samples[k->kind].bad);
        }
        free(error);
        if (k->owner == VP_KIND_TABLES) {
            /* The peers' and services' copies are the caller's to drop
             * (ctrl-client works on clones); the tables are checked whole
             * before anything changes. */
            struct json *after = tables_json_export(h.tables);
            assert_true(json_equal(before, after));
            assert_int_equal(gen, tables_gen(h.tables));
            json_destroy(after);
        }
        json_destroy(before);
        json_destroy(add);
        host_destroy(&h);
    }
    json_destroy(remove);
    json_destroy(all);
}

/* "A new kind is one row and one unit": every TABLES kind of the list,
 * through its unit's operations alone, parses its sample, applies it,
 * exports it as it came and parses the export back to the same tables;
 * then, the list walked backwards, each entry is removed by the identity
 * the list gives, until the tables are empty. */
static void
test_tables_kinds_by_unit(void **state OVS_UNUSED)
{
    struct vp_tables *t = tables_create(0);
    struct vp_config c;

    vp_config_init(&c);
    VP_KIND_FOR_EACH (k) {
        const struct vp_table_kind *tk = vp_table_kinds[k->kind];
        assert_int_equal(k->owner == VP_KIND_TABLES, tk != NULL);
        if (tk) {
            struct json *sample = json_from_string(samples[k->kind].good);
            char path[64];

            snprintf(path, sizeof path, "%s[0]", k->key);
            assert_null(tk->parse(&c, path, sample));
            assert_int_equal(tk->n_specs(&c), 1);
            json_destroy(sample);
        }
    }
    assert_null(tables_apply(t, &c));
    vp_config_destroy(&c);

    struct vp_tables *again = tables_create(0);
    vp_config_init(&c);
    VP_TABLE_KIND_FOR_EACH (k, tk) {
        struct json *sample = json_from_string(samples[k->kind].good);
        struct json *export = tk->export(t);
        assert_int_equal(json_array(export)->n, 1);
        if (!json_equal(json_array(export)->elems[0], sample)) {
            char *text = json_to_string(export, JSSF_SORT);
            fail_msg("%s: exported as %s", k->key, text);
        }
        assert_null(tk->parse(&c, k->key, json_array(export)->elems[0]));
        json_destroy(export);
        json_destroy(sample);
    }
    assert_null(tables_apply(again, &c));
    vp_config_destroy(&c);
    struct json *a = tables_json_export(t), *b = tables_json_export(again);
    assert_true(json_equal(a, b));
    json_destroy(a);
    json_destroy(b);
    tables_destroy(again);

    for (const struct vp_kind_info *k = &vp_kinds[VP_N_KINDS - 1];
         k >= vp_kinds; k--) {
        const struct vp_table_kind *tk = vp_table_kinds[k->kind];
        if (!tk) {
            continue;
        }
        struct json *sample = json_from_string(samples[k->kind].good);
        struct json *id = vp_kind_identity(k, sample);
        struct vp_removal r;
        struct vp_config pool;

        vp_config_init(&pool);
        vp_removal_init(&r);
        assert_null(tk->parse_id(id, k->key, 0, &pool,
                                 vp_removal_add(&r, k->kind)));
        tables_remove(t, &r);
        struct json *export = tk->export(t);
        assert_int_equal(json_array(export)->n, 0);
        json_destroy(export);
        vp_removal_destroy(&r);
        vp_config_destroy(&pool);
        json_destroy(id);
        json_destroy(sample);
    }
    VP_TABLE_KIND_FOR_EACH (k, tk) {
        struct json *export = tk->export(t);
        assert_int_equal(json_array(export)->n, 0);
        json_destroy(export);
    }
    tables_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_has_samples),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_view_removal_removes),
        cmocka_unit_test(test_refused_batch_changes_nothing),
        cmocka_unit_test(test_tables_kinds_by_unit),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
