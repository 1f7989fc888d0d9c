/* vplane/tables-check.c: whether a batch of entries may be applied.
 *
 * tables_check() looks at a whole struct vp_config against the current
 * tables and against itself (a batch may define a VNet and use it), and
 * returns the first problem as one line that names the entry and the field:
 * each kind's check is in its unit (kind-*.c); here are the walk over the
 * kinds list and what the checks share.
 * tables_check_update() does the same for the tables as they will be once
 * a struct vp_removal has been applied, without applying it: every lookup
 * of the live tables below goes through tables-check-live.c, which hides
 * what the removal takes away.  Neither changes anything; tables_apply()
 * and tables_update() run them first so that a batch is applied entirely
 * or not at all. */
#include <config.h>

#include <string.h>
#include "tables-config.h"
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "openvswitch/shash.h"
#include "table-kind.h"
#include "tables-check-private.h"
#include "tables-private.h"
#include "tables-sync.h"
#include "util.h"

static uint32_t
seen_hash(const void *scope, uint64_t key)
{
    return hash_uint64_basis(key, hash_pointer(scope, 0));
}

struct seen *
seen_find(const struct hmap *map, const void *scope, uint64_t key)
{
    struct seen *s;

    HMAP_FOR_EACH_WITH_HASH (s, node, seen_hash(scope, key), map) {
        if (s->scope == scope && s->key == key) {
            return s;
        }
    }
    return NULL;
}

void
seen_add(struct hmap *map, const void *scope, uint64_t key, uint64_t value,
         size_t idx)
{
    struct seen *s = xmalloc(sizeof *s);

    s->scope = scope;
    s->key = key;
    s->value = value;
    s->idx = idx;
    hmap_insert(map, &s->node, seen_hash(scope, key));
}

void
seen_destroy(struct hmap *map)
{
    struct seen *s;

    HMAP_FOR_EACH_POP (s, node, map) {
        free(s);
    }
    hmap_destroy(map);
}

bool
eff_vnet_get(const struct check_ctx *ctx, const char *name,
             struct eff_vnet *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->existing = check_live_vnet_by_name(ctx, name);
    ev->spec = shash_find_data(&ctx->vnet_specs, name);
    if (ev->spec) {
        ev->subnets = ev->spec->subnets;
        ev->n_subnets = ev->spec->n_subnets;
    } else if (ev->existing) {
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(ev->existing);
        ev->subnets = cfg->subnets;
        ev->n_subnets = cfg->n_subnets;
    }
    return ev->existing || ev->spec;
}

struct eth_addr
eff_vnet_gw_mac(const struct eff_vnet *ev)
{
    if (ev->spec) {
        return (ev->spec->has_gw_mac ? ev->spec->gw_mac
                : vnet_default_gw_mac(ev->spec->vni));
    }
    return vnet_cfg_protected(ev->existing)->gw_mac;
}

char *
check_vm_ip(const struct eff_vnet *ev, const char *vnet_name, ovs_be32 ip)
{
    if (!ev->n_subnets) {
        return NULL;            /* A VNet without subnets is L2 only. */
    }
    for (size_t i = 0; i < ev->n_subnets; i++) {
        const struct vp_subnet *sn = &ev->subnets[i];
        if ((ip & sn->mask) == sn->prefix) {
            if (ip == sn->gateway) {
                return xasprintf(IP_FMT" is the gateway address of VNet "
                                 "\"%s\"", IP_ARGS(ip), vnet_name);
            } else if (ip == sn->prefix || (ip | sn->mask) == OVS_BE32_MAX) {
                return xasprintf(IP_FMT" is the network or broadcast address "
                                 "of a subnet of VNet \"%s\"", IP_ARGS(ip),
                                 vnet_name);
            }
            return NULL;
        }
    }
    return xasprintf(IP_FMT" is in no subnet of VNet \"%s\"", IP_ARGS(ip),
                     vnet_name);
}

char *
tables_check(struct vp_tables *t, const struct vp_config *c)
{
    return tables_check_update(t, NULL, c);
}

char *
tables_check_update(struct vp_tables *t, const struct vp_removal *r,
                    const struct vp_config *c)
{
    struct check_ctx ctx = { .t = t, .c = c };
    char *error;

    shash_init(&ctx.vnet_specs);
    hmap_init(&ctx.port_ips);
    for (size_t i = 0; i < VP_N_KINDS; i++) {
        hmapx_init(&ctx.gone[i]);
    }
    if (r) {
        check_ctx_remove(&ctx, r);
    }
    /* In the order of application: a kind may look at what the kinds
     * before it left in 'ctx' (the VNets' specs, the ports' addresses). */
    error = NULL;
    VP_TABLE_KIND_FOR_EACH (k, tk) {
        if (!error) {
            error = tk->check(&ctx);
        }
    }
    shash_destroy(&ctx.vnet_specs);
    seen_destroy(&ctx.port_ips);
    for (size_t i = 0; i < VP_N_KINDS; i++) {
        hmapx_destroy(&ctx.gone[i]);
    }
    return error;
}
