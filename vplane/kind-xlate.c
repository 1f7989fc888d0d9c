/* vplane/kind-xlate.c: the VM location kind (include/vplane/kinds.h's XLATE
 * row, the translation table): an entry in a tables file ({"vnet", "mac",
 * "ip", "vtep"}), its identity (VNet, MAC and address), its checks (in a
 * subnet, no local port's or other MAC's address, one VTEP per MAC), adding,
 * moving and deleting entries, and xlate/dump.  The VTEP reference counts
 * that make each VNet's flood list and each tenant's hosts are the
 * framework's (tables-apply.c); see vplane/table-kind.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "ctl.h"
#include "hash.h"
#include "hmapx.h"
#include "json-members.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "table-kind.h"
#include "tables-check-private.h"
#include "tables-config.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

/* What names a translation entry in a "remove". */
struct vp_xlate_id {
    const char *vnet;           /* Interned. */
    struct eth_addr mac;
    ovs_be32 ip;                /* 0: the MAC-only entry. */
};

/* In a stable order, for the export and the dump. */

static int
compare_xlates(const void *a_, const void *b_)
{
    const struct vp_xlate *a = *(const struct vp_xlate *const *) a_;
    const struct vp_xlate *b = *(const struct vp_xlate *const *) b_;
    int cmp = strcmp(a->vnet->name, b->vnet->name);

    if (cmp) {
        return cmp;
    }
    uint64_t ma = eth_addr_to_uint64(a->mac), mb = eth_addr_to_uint64(b->mac);
    if (ma != mb) {
        return ma < mb ? -1 : 1;
    }
    return ntohl(a->ip) < ntohl(b->ip) ? -1 : ntohl(a->ip) > ntohl(b->ip);
}

static size_t
sorted_xlates(const struct vp_tables *t,
                     const struct vp_xlate ***xlatesp)
{
    size_t max = cmap_count(&t->xlate_by_mac), n = 0;
    const struct vp_xlate **xlates = xmalloc((max + 1) * sizeof *xlates);
    const struct vp_xlate *x;

    CMAP_FOR_EACH (x, mac_node, &t->xlate_by_mac) {
        if (n < max) {
            xlates[n++] = x;
        }
    }
    qsort(xlates, n, sizeof *xlates, compare_xlates);
    *xlatesp = xlates;
    return n;
}

/* Parse and export. */

static char *
parse_xlate(struct vp_config *c, const char *path, const struct json *j)
{
    const struct json *vnet, *mac, *ip, *vtep;
    struct json_member m[] = {
        { "vnet", JSON_STRING, false, &vnet },
        { "mac", JSON_STRING, false, &mac },
        { "ip", JSON_STRING, true, &ip },
        { "vtep", JSON_STRING, false, &vtep },
    };
    char *error = json_members_get(path, j, m, ARRAY_SIZE(m), true);
    if (error) {
        return error;
    }

    struct vp_xlate_spec *spec = vp_config_add_xlate(c);
    error = json_members_at(path, vp_parse_name("vnet", json_string(vnet)));
    if (!error) {
        spec->vnet = vp_config_intern(c, json_string(vnet));
        error = json_members_at(path, vp_parse_vm_mac("mac", json_string(mac),
                                                      &spec->mac));
    }
    if (!error && ip) {
        error = json_members_at(path, vp_parse_unicast_ip("ip",
                                                          json_string(ip),
                                                          &spec->ip));
    }
    if (!error) {
        error = json_members_at(path, vp_parse_unicast_ip("vtep",
                                                          json_string(vtep),
                                                          &spec->vtep));
    }
    return error;
}

static struct json *
export_xlates(const struct vp_tables *t)
{
    struct json *xlates = json_array_create_empty();
    const struct vp_xlate **xlate_list;
    size_t n = sorted_xlates(t, &xlate_list);
    for (size_t i = 0; i < n; i++) {
        const struct vp_xlate *x = xlate_list[i];
        struct json *o = json_object_create();

        json_object_put_string(o, "vnet", x->vnet->name);
        json_object_put(o, "mac", tables_mac_json(x->mac));
        if (x->ip) {
            json_object_put(o, "ip", tables_ip_json(x->ip));
        }
        json_object_put(o, "vtep", tables_ip_json(xlate_vtep(x)));
        json_array_add(xlates, o);
    }
    free(xlate_list);
    return xlates;
}

/* Identity: VNet, MAC and address. */

static char *
xlate_parse_id(const struct json *e, const char *key, size_t i,
               struct vp_config *pool, void *id_)
{
    const char *vnet = json_members_string(e, "vnet");
    const char *mac = json_members_string(e, "mac");
    const char *ip = json_members_string(e, "ip");
    struct vp_xlate_id *id = id_;

    id->ip = 0;
    if (!vnet || !mac || !eth_addr_from_string(mac, &id->mac)
        || (ip && !ip_parse(ip, &id->ip))) {
        return xasprintf("remove.%s[%"PRIuSIZE"]: needs vnet, mac and an "
                         "optional ip", key, i);
    }
    id->vnet = vp_config_intern(pool, vnet);
    return NULL;
}

static void
xlate_hide(struct check_ctx *ctx, const void *id_)
{
    const struct vp_xlate_id *id = id_;
    const struct vp_vnet *vnet = tables_vnet_by_name(ctx->t, id->vnet);
    const struct vp_xlate *x;

    if (!vnet) {
        return;
    }
    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, id->mac),
                             &ctx->t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, id->mac)
            && x->ip == id->ip) {
            hmapx_add(&ctx->gone[VP_KIND_XLATE],
                      CONST_CAST(struct vp_xlate *, x));
        }
    }
}

static void
xlate_stale(const struct vp_tables *t, const struct vp_config *snap,
            struct vp_config *pool, struct vp_removal *r)
{
    struct hmap keys = HMAP_INITIALIZER(&keys);

    for (size_t i = 0; i < snap->n_xlates; i++) {
        const struct vp_xlate_spec *x = &snap->xlates[i];
        tables_sync_key_add(&keys, x->vnet, eth_addr_to_uint64(x->mac),
                            x->ip);
    }
    const struct vp_xlate *x;
    CMAP_FOR_EACH (x, mac_node, &t->xlate_by_mac) {
        if (!tables_sync_key_find(&keys, x->vnet->name,
                                  eth_addr_to_uint64(x->mac), x->ip)) {
            struct vp_xlate_id *id = vp_removal_add(r, VP_KIND_XLATE);
            *id = (struct vp_xlate_id) {
                vp_config_intern(pool, x->vnet->name), x->mac, x->ip
            };
        }
    }
    tables_sync_keys_destroy(&keys);
}

/* Check. */

static char *
xlate_error(const struct vp_xlate_spec *spec, const char *field, char *msg)
{
    char *e = xasprintf("xlate %s "ETH_ADDR_FMT" "IP_FMT": %s: %s",
                        spec->vnet, ETH_ADDR_ARGS(spec->mac),
                        IP_ARGS(spec->ip), field, msg);
    free(msg);
    return e;
}

static char *
check_xlates(struct check_ctx *ctx)
{
    const struct vp_config *c = ctx->c;
    struct hmap ips = HMAP_INITIALIZER(&ips);       /* -> MAC */
    struct hmap macs = HMAP_INITIALIZER(&macs);     /* -> VTEP */
    const char *last_name = NULL;
    struct eff_vnet ev;
    char *error = NULL;

    for (size_t i = 0; i < c->n_xlates && !error; i++) {
        const struct vp_xlate_spec *spec = &c->xlates[i];
        uint64_t mac = eth_addr_to_uint64(spec->mac);

        /* Entries come in runs of one VNet: resolve each name once. */
        if (spec->vnet != last_name) {
            if (!eff_vnet_get(ctx, spec->vnet, &ev)) {
                return xlate_error(spec, "vnet",
                                   xasprintf("no VNet named \"%s\"",
                                             spec->vnet));
            }
            last_name = spec->vnet;
        }

        if (eth_addr_equals(spec->mac, eff_vnet_gw_mac(&ev))) {
            error = xlate_error(spec, "mac",
                                xstrdup("the MAC is the VNet's gateway MAC"));
            break;
        }
        const struct seen *m = seen_find(&macs, spec->vnet, mac);
        if (m && m->value != spec->vtep) {
            error = xlate_error(spec, "vtep",
                                xasprintf("the MAC is also placed at "IP_FMT
                                          " in this batch",
                                          IP_ARGS((ovs_be32) m->value)));
            break;
        } else if (!m) {
            seen_add(&macs, spec->vnet, mac, spec->vtep, i);
        }

        if (!spec->ip) {
            continue;
        }
        error = check_vm_ip(&ev, spec->vnet, spec->ip);
        if (error) {
            error = xlate_error(spec, "ip", error);
            break;
        }
        const struct vp_xlate *other = (ev.existing
                                        ? check_live_xlate_by_ip(ctx,
                                                                 ev.existing,
                                                           spec->ip)
                                        : NULL);
        const struct seen *dup = seen_find(&ips, spec->vnet, spec->ip);
        const struct vp_port *port = (ev.existing
                                      ? check_live_port_by_ip(ctx, ev.existing,
                                                        spec->ip)
                                      : NULL);
        const struct seen *batch_port = seen_find(&ctx->port_ips, spec->vnet,
                                                  spec->ip);
        if ((port && !eth_addr_equals(port->mac, spec->mac))
            || (batch_port && batch_port->value != mac)) {
            error = xlate_error(spec, "ip",
                                xasprintf("the address is local port "
                                          "\"%s\"'s",
                                          port ? port->name
                                          : ctx->c->ports[batch_port->idx]
                                            .name));
        } else if (other && !eth_addr_equals(other->mac, spec->mac)) {
            error = xlate_error(spec, "ip",
                                xasprintf("the address belongs to "
                                          ETH_ADDR_FMT"; delete that entry "
                                          "first", ETH_ADDR_ARGS(other->mac)));
        } else if (dup && dup->value != mac) {
            error = xlate_error(spec, "ip",
                                xstrdup("the address is given to two MACs "
                                        "in this batch"));
        } else if (!dup) {
            seen_add(&ips, spec->vnet, spec->ip, mac, i);
        }
    }
    seen_destroy(&ips);
    seen_destroy(&macs);
    return error;
}

/* Apply and remove. */

static struct vp_xlate *
xlate_find(const struct vp_tables *t, const struct vp_vnet *vnet,
           struct eth_addr mac, ovs_be32 ip)
{
    struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac) && x->ip == ip) {
            return x;
        }
    }
    return NULL;
}

static bool
xlate_set_vtep(struct vp_tables *t, struct vp_xlate *x, ovs_be32 vtep,
               bool *flood_changed)
{
    ovs_be32 old = xlate_vtep(x);

    if (old == vtep) {
        return false;
    } else {
        *flood_changed |= tables_vnet_vtep_ref(t, x->vnet, old, -1);
        *flood_changed |= tables_vnet_vtep_ref(t, x->vnet, vtep, 1);
        atomic_store_relaxed(&x->vtep, vtep);
        return true;
    }
}

/* Adds or updates one entry.  A MAC lives on one host: when the entry puts
 * it at a new VTEP, every entry of that MAC in the VNet moves with it (a VM
 * migration updates one row, not one per address). */
static bool
apply_xlate(struct vp_tables *t, const struct vp_xlate_spec *spec,
            struct hmapx *flood_vnets)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, spec->vnet);
    bool flood_changed = false, changed = false;
    struct vp_xlate *x;

    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni,
                                                           spec->mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, spec->mac)) {
            changed |= xlate_set_vtep(t, x, spec->vtep, &flood_changed);
        }
    }

    if (!xlate_find(t, vnet, spec->mac, spec->ip)) {
        x = xzalloc(sizeof *x);
        x->vnet = vnet;
        x->mac = spec->mac;
        x->ip = spec->ip;
        atomic_init(&x->vtep, spec->vtep);
        cmap_insert(&t->xlate_by_mac, &x->mac_node,
                    tables_hash_mac(vnet->vni, x->mac));
        if (x->ip) {
            cmap_insert(&t->xlate_by_ip, &x->ip_node,
                        tables_hash_ip(vnet->vni, x->ip));
        }
        vnet->n_xlate++;
        flood_changed |= tables_vnet_vtep_ref(t, vnet, spec->vtep, 1);
        changed = true;
    }
    if (flood_changed) {
        hmapx_add(flood_vnets, vnet);
    }
    return changed;
}

static void
xlate_remove(struct vp_tables *t, struct vp_xlate *x, struct hmapx *floods)
{
    struct vp_vnet *vnet = x->vnet;

    cmap_remove(&t->xlate_by_mac, &x->mac_node,
                tables_hash_mac(vnet->vni, x->mac));
    if (x->ip) {
        cmap_remove(&t->xlate_by_ip, &x->ip_node,
                    tables_hash_ip(vnet->vni, x->ip));
    }
    vnet->n_xlate--;
    if (tables_vnet_vtep_ref(t, vnet, xlate_vtep(x), -1)) {
        hmapx_add(floods, vnet);
    }
    ovsrcu_postpone(free, x);
}

/* Deletes the entry (VNet, MAC, IP), or with 'all_ips' every entry of the
 * MAC in the VNet. */
char *
tables_xlate_del(struct vp_tables *t, const char *vnet_name,
                 struct eth_addr mac, ovs_be32 ip, bool all_ips)
{
    struct vp_vnet *vnet = tables_vnet_by_name(t, vnet_name);
    struct hmapx floods = HMAPX_INITIALIZER(&floods);
    size_t n = 0;

    if (!vnet) {
        return xasprintf("xlate: vnet: no VNet named \"%s\"", vnet_name);
    }

    struct vp_xlate *x;
    CMAP_FOR_EACH_WITH_HASH (x, mac_node, tables_hash_mac(vnet->vni, mac),
                             &t->xlate_by_mac) {
        if (x->vnet == vnet && eth_addr_equals(x->mac, mac)
            && (all_ips || x->ip == ip)) {
            xlate_remove(t, x, &floods);
            n++;
        }
    }
    if (!n) {
        hmapx_destroy(&floods);
        return xasprintf("xlate: no entry for "ETH_ADDR_FMT"%s in VNet "
                         "\"%s\"", ETH_ADDR_ARGS(mac),
                         all_ips ? "" : " with that address", vnet_name);
    }
    tables_rebuild_floods(&floods);
    hmapx_destroy(&floods);
    tables_changed(t);
    return NULL;
}

static size_t
xlate_n_specs(const struct vp_config *c)
{
    return c->n_xlates;
}

static bool
xlate_apply(struct apply_ctx *ctx, const struct vp_config *c, size_t i)
{
    return apply_xlate(ctx->t, &c->xlates[i], &ctx->floods);
}

static void
xlate_remove_id(struct vp_tables *t, const void *id_)
{
    const struct vp_xlate_id *id = id_;

    free(tables_xlate_del(t, id->vnet, id->mac, id->ip, false));
}

/* Dump: xlate/dump [--format=json|text] [VNET|MAC|IP|VTEP]. */

static void
xlate_rows(const struct vp_tables *t, struct ctl_dump *d,
           const char *const cols[])
{
    const struct vp_xlate **xlates;
    size_t n = sorted_xlates(t, &xlates);

    for (size_t i = 0; i < n; i++) {
        const struct vp_xlate *x = xlates[i];

        if (!ctl_dump_need_row(d)) {
            continue;
        }
        ovs_be32 vtep = xlate_vtep(x);
        struct json *o = json_object_create();

        json_object_put_string(o, "vnet", x->vnet->name);
        json_object_put(o, "mac", ctl_mac_json(x->mac));
        json_object_put(o, "ip", x->ip ? ctl_ip_json(x->ip)
                                       : json_string_create("-"));
        json_object_put(o, "vtep", ctl_ip_json(vtep));
        json_object_put(o, "this-host",
                        json_boolean_create(vtep == t->self_vtep));
        ctl_dump_row(d, o, ctl_row_matches(o, d->filter, cols));
    }
    free(xlates);
}

static void
xlate_header(struct ds *s)
{
    ds_put_format(s, "%-16s %-17s %-15s %s\n", "VNET", "MAC", "IP", "VTEP");
}

static void
format_xlate(const struct json *o, struct ds *s)
{
    ds_put_format(s, "%-16s %-17s %-15s %s%s\n", ctl_row_string(o, "vnet"),
                  ctl_row_string(o, "mac"), ctl_row_string(o, "ip"),
                  ctl_row_string(o, "vtep"),
                  ctl_row_boolean(o, "this-host") ? " (this host)" : "");
}

const struct vp_table_kind vp_table_kind_XLATE = {
    .parse = parse_xlate,
    .export = export_xlates,
    .id_size = sizeof(struct vp_xlate_id),
    .parse_id = xlate_parse_id,
    .stale = xlate_stale,
    .noun = "translation entries",
    .hide = xlate_hide,
    .check = check_xlates,
    .n_specs = xlate_n_specs,
    .apply = xlate_apply,
    .remove = xlate_remove_id,
    .dump_command = "xlate/dump",
    .dump_rows = xlate_rows,
    .dump_cols = (const char *const[]) { "vnet", "mac", "ip", "vtep",
                                         NULL },
    .dump_header = xlate_header,
    .dump_format = format_xlate,
};
