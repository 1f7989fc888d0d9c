/* vplane/tables-json.c: vPlane's tables as JSON, the format of a tables file
 * (`vplane-ctl load`) and of `tables/export` (docs/ctl.md):
 *
 *   {"vnets":  [{"name", "vni", "tenant",
 *                "subnets": ["GW/LEN"...] (optional: an L2-only VNet),
 *                "gateway-mac" (optional)}],
 *    "ports":  [{"name", "vnet", "mac", "ips": [...] (optional),
 *                "allowed-sources": ["PREFIX/LEN"...] (optional),
 *                "vm" (optional: the VM's identity)}],
 *    "xlate":  [{"vnet", "mac", "ip" (optional), "vtep"}],
 *    "routes": [{"tenant", "prefix", "nexthop"}]}
 *
 * Parsing checks types and syntax and names the offending path
 * ("xlate[17].vtep: ..."); whether the entries fit the current tables is
 * tables_apply()'s business.  Each kind's parser and export are in its unit
 * (kind-*.c, vplane/table-kind.h); here are the whole object, walking the
 * kinds list, and what the units share.  Open vSwitch's JSON library does
 * the parsing: vplaned links it, and one binary never carries two JSON
 * libraries. */
#include <config.h>
#include "tables-json.h"

#include <stdlib.h>
#include <string.h>
#include "json-members.h"
#include "tables-config.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "packets.h"
#include "port.h"
#include "table-kind.h"
#include "tables-private.h"
#include "util.h"
#include "vplane/kinds.h"

/* What the kinds share. */

char *
tables_parse_strings(const char *path, const char *field,
                     const struct json *array,
                     char *(*parse)(const char *field, const char *s,
                                    void *out),
                     void *out, size_t size, size_t *n)
{
    const struct json_array *a = json_array(array);

    *n = 0;
    for (size_t i = 0; i < a->n; i++) {
        char *name = xasprintf("%s[%"PRIuSIZE"]", field, i);
        char *error = NULL;

        if (a->elems[i]->type != JSON_STRING) {
            error = xasprintf("%s: must be a string", name);
        } else {
            error = parse(name, json_string(a->elems[i]),
                          (char *) out + i * size);
        }
        free(name);
        if (error) {
            return json_members_at(path, error);
        }
        (*n)++;
    }
    return NULL;
}

struct json *
tables_ip_json(ovs_be32 ip)
{
    return json_string_create_nocopy(xasprintf(IP_FMT, IP_ARGS(ip)));
}

struct json *
tables_mac_json(struct eth_addr mac)
{
    return json_string_create_nocopy(xasprintf(ETH_ADDR_FMT,
                                               ETH_ADDR_ARGS(mac)));
}

/* The kinds together. */

char *
tables_json_parse(const struct json *json, struct vp_config *c)
{
    if (json->type != JSON_OBJECT) {
        return xstrdup("tables: must be a JSON object");
    }
    struct shash_node *node;
    SHASH_FOR_EACH (node, json->object) {
        const struct vp_kind_info *k = vp_kind_by_key(node->name);
        if (!k || k->owner != VP_KIND_TABLES) {
            char *keys = vp_kinds_keys(VP_KIND_TABLES);
            char *error = xasprintf("tables: unknown member \"%s\" "
                                    "(expected %s)", node->name, keys);
            free(keys);
            return error;
        }
    }

    VP_TABLE_KIND_FOR_EACH (k, tk) {
        const struct json *array = shash_find_data(json->object, k->key);
        if (!array) {
            continue;
        }
        if (array->type != JSON_ARRAY) {
            return xasprintf("%s: must be an array", k->key);
        }
        const struct json_array *a = json_array(array);
        for (size_t i = 0; i < a->n; i++) {
            char path[64];
            snprintf(path, sizeof path, "%s[%"PRIuSIZE"]", k->key, i);
            char *error = tk->parse(c, path, a->elems[i]);
            if (error) {
                return error;
            }
        }
    }
    return NULL;
}

/* Sorted, so that two exports of the same tables are the same text. */
struct json *
tables_json_export(const struct vp_tables *t)
{
    struct json *top = json_object_create();

    VP_TABLE_KIND_FOR_EACH (k, tk) {
        json_object_put(top, k->key, tk->export(t));
    }
    return top;
}
