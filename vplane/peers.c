/* vplane/peers.c: see peers.h. */
#include <config.h>
#include "peers.h"

#include <arpa/inet.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "json-members.h"
#include "openvswitch/json.h"
#include "packets.h"
#include "tables-config.h"
#include "util.h"
#include "vplane/protocol.h"

void
vp_peers_init(struct vp_peers *p)
{
    shash_init(&p->hosts);
    p->n_subsets = 0;
    p->subset_host = NULL;
    p->owner_rule = NULL;
    p->query_mode = NULL;
    p->wan_vni = VP_DEFAULT_WAN_VNI;
}

static void
peer_host_free(void *ph_)
{
    struct vp_peer_host *ph = ph_;
    if (ph) {
        free(ph->blocks);
        free(ph);
    }
}

static struct vp_peer_host *
peer_host_clone(const struct vp_peer_host *src)
{
    struct vp_peer_host *ph = xmemdup(src, sizeof *src);
    ph->blocks = (src->n_blocks
                  ? xmemdup(src->blocks, src->n_blocks * sizeof *ph->blocks)
                  : NULL);
    return ph;
}

const struct vp_snat_block *
vp_snat_block_find(const struct vp_snat_block *blocks, size_t n,
                   ovs_be32 address)
{
    for (size_t i = 0; i < n; i++) {
        if (blocks[i].address == address || !blocks[i].address) {
            return &blocks[i];
        }
    }
    return NULL;
}

void
vp_snat_blocks_format(const struct vp_snat_block *blocks, size_t n,
                      struct ds *s)
{
    for (size_t i = 0; i < n; i++) {
        if (blocks[i].address) {
            ds_put_format(s, "%s"IP_FMT":%u-%u", i ? "," : "",
                          IP_ARGS(blocks[i].address), blocks[i].first,
                          blocks[i].last);
        } else {
            ds_put_format(s, "%sany:%u-%u", i ? "," : "", blocks[i].first,
                          blocks[i].last);
        }
    }
    if (!n) {
        ds_put_char(s, '-');
    }
}

static int
compare_blocks(const void *a_, const void *b_)
{
    const struct vp_snat_block *a = a_, *b = b_;
    uint32_t x = ntohl(a->address), y = ntohl(b->address);
    return x < y ? -1 : x > y;
}

static bool
port_member(const struct json *o, const char *name, int min, int *port)
{
    const struct json *v = shash_find_data(json_object(o), name);
    if (!v || v->type != JSON_INTEGER || v->integer < min
        || v->integer > 65535) {
        return false;
    }
    *port = v->integer;
    return true;
}

/* Parses "snat-blocks" ([{"address", "first", "last"}]), or a legacy
 * "port-block" (0..63: 1008 ports on any address) from a controller before
 * it, into 'ph'. */
static char *
parse_blocks(const struct json *h, size_t i, struct vp_peer_host *ph)
{
    const struct json *pb = shash_find_data(json_object(h), "port-block");
    const struct json *sb = shash_find_data(json_object(h), "snat-blocks");

    ph->blocks = NULL;
    ph->n_blocks = 0;
    if (sb) {
        if (sb->type != JSON_ARRAY
            || json_array(sb)->n > VP_SNAT_MAX_BLOCKS_PER_HOST) {
            return xasprintf("hosts[%"PRIuSIZE"].snat-blocks: must be an "
                             "array of at most %d blocks", i,
                             VP_SNAT_MAX_BLOCKS_PER_HOST);
        }
        const struct json_array *a = json_array(sb);
        ph->blocks = xcalloc(a->n + 1, sizeof *ph->blocks);
        for (size_t j = 0; j < a->n; j++) {
            const struct json *b = a->elems[j];
            const char *addr = (b->type == JSON_OBJECT
                                ? json_members_string(b, "address") : NULL);
            struct vp_snat_block *blk = &ph->blocks[j];
            int first, last;
            if (!addr || !ip_parse(addr, &blk->address) || !blk->address
                || !port_member(b, "first", VP_SNAT_PORT_FIRST, &first)
                || !port_member(b, "last", first, &last)
                || vp_snat_block_find(ph->blocks, j, blk->address)) {
                return xasprintf("hosts[%"PRIuSIZE"].snat-blocks[%"PRIuSIZE
                                 "]: must be {\"address\": IPV4, \"first\": "
                                 "PORT, \"last\": PORT} with %d <= first <= "
                                 "last, one per address", i, j,
                                 VP_SNAT_PORT_FIRST);
            }
            blk->first = first;
            blk->last = last;
            ph->n_blocks++;
        }
        qsort(ph->blocks, ph->n_blocks, sizeof *ph->blocks, compare_blocks);
    } else if (pb) {
        if (pb->type != JSON_INTEGER || pb->integer < 0
            || pb->integer >= VP_LEGACY_PORT_BLOCKS) {
            return xasprintf("hosts[%"PRIuSIZE"].port-block: must be an "
                             "integer from 0 to %d", i,
                             VP_LEGACY_PORT_BLOCKS - 1);
        }
        ph->blocks = xzalloc(sizeof *ph->blocks);
        ph->blocks[0].first = (VP_SNAT_PORT_FIRST
                               + pb->integer * VP_LEGACY_PORT_BLOCK_SIZE);
        ph->blocks[0].last = (ph->blocks[0].first
                              + VP_LEGACY_PORT_BLOCK_SIZE - 1);
        ph->n_blocks = 1;
    }
    return NULL;
}

static void
clear_subsets(struct vp_peers *p)
{
    for (size_t i = 0; i < p->n_subsets; i++) {
        free(p->subset_host[i]);
    }
    free(p->subset_host);
    free(p->owner_rule);
    free(p->query_mode);
    p->n_subsets = 0;
    p->subset_host = NULL;
    p->owner_rule = p->query_mode = NULL;
}

void
vp_peers_destroy(struct vp_peers *p)
{
    if (p) {
        struct shash_node *node;
        SHASH_FOR_EACH (node, &p->hosts) {
            peer_host_free(node->data);
        }
        shash_destroy(&p->hosts);
        clear_subsets(p);
    }
}

void
vp_peers_clone(struct vp_peers *dst, const struct vp_peers *src)
{
    struct shash_node *node;

    vp_peers_init(dst);
    SHASH_FOR_EACH (node, &src->hosts) {
        shash_add(&dst->hosts, node->name, peer_host_clone(node->data));
    }
    dst->n_subsets = src->n_subsets;
    dst->subset_host = xcalloc(src->n_subsets + 1,
                               sizeof *dst->subset_host);
    for (size_t i = 0; i < src->n_subsets; i++) {
        dst->subset_host[i] = nullable_xstrdup(src->subset_host[i]);
    }
    dst->owner_rule = nullable_xstrdup(src->owner_rule);
    dst->query_mode = nullable_xstrdup(src->query_mode);
    dst->wan_vni = src->wan_vni;
}

void
vp_peers_swap(struct vp_peers *a, struct vp_peers *b)
{
    struct vp_peers tmp = *a;

    *a = *b;
    *b = tmp;
    shash_moved(&a->hosts);
    shash_moved(&b->hosts);
}

char *
vp_peers_add_hosts(struct vp_peers *p, const struct json *hosts)
{
    if (hosts->type != JSON_ARRAY) {
        return xstrdup("hosts: must be an array");
    }
    const struct json_array *a = json_array(hosts);
    for (size_t i = 0; i < a->n; i++) {
        const struct json *h = a->elems[i];
        const char *name, *vtep_s;
        ovs_be32 vtep;
        char *error;

        if (h->type != JSON_OBJECT
            || !(name = json_members_string(h, "name"))
            || !(vtep_s = json_members_string(h, "vtep"))) {
            return xasprintf("hosts[%"PRIuSIZE"]: must be {\"name\": "
                             "STRING, \"vtep\": STRING}", i);
        }
        const struct json *gw = shash_find_data(json_object(h), "gateway");
        if (gw && gw->type != JSON_TRUE && gw->type != JSON_FALSE) {
            return xasprintf("hosts[%"PRIuSIZE"].gateway: must be true or "
                             "false", i);
        }
        error = vp_parse_name("name", name);
        if (!error) {
            error = vp_parse_unicast_ip("vtep", vtep_s, &vtep);
        }
        if (error) {
            char *e = xasprintf("hosts[%"PRIuSIZE"].%s", i, error);
            free(error);
            return e;
        }
        struct vp_peer_host *ph = xmalloc(sizeof *ph);
        ph->vtep = vtep;
        ph->gateway = gw && gw->type == JSON_TRUE;
        error = parse_blocks(h, i, ph);
        if (error) {
            peer_host_free(ph);
            return error;
        }
        peer_host_free(shash_replace(&p->hosts, name, ph));
    }
    return NULL;
}

char *
vp_peers_remove_hosts(struct vp_peers *p, const struct json *names)
{
    if (names->type != JSON_ARRAY) {
        return xstrdup("remove.hosts: must be an array");
    }
    const struct json_array *a = json_array(names);
    for (size_t i = 0; i < a->n; i++) {
        if (a->elems[i]->type != JSON_STRING) {
            return xasprintf("remove.hosts[%"PRIuSIZE"]: must be a string",
                             i);
        }
        peer_host_free(shash_find_and_delete(&p->hosts,
                                             json_string(a->elems[i])));
    }
    return NULL;
}

char *
vp_peers_set_subsets(struct vp_peers *p, const struct json *s)
{
    const struct json *count, *assignment;
    const char *owner_rule, *query_mode;

    if (s->type != JSON_OBJECT) {
        return xstrdup("subsets: must be an object");
    }
    count = shash_find_data(json_object(s), "count");
    assignment = shash_find_data(json_object(s), "assignment");
    owner_rule = json_members_string(s, "owner-rule");
    query_mode = json_members_string(s, "query-mode");
    const struct json *wan_vni = shash_find_data(json_object(s), "wan-vni");
    if (wan_vni && (wan_vni->type != JSON_INTEGER || wan_vni->integer < 1
                    || wan_vni->integer > 0xffffff)) {
        return xstrdup("subsets.wan-vni: must be a VNI");
    }
    if (!count || count->type != JSON_INTEGER || count->integer < 0
        || count->integer > VP_MAX_SUBSETS) {
        return xasprintf("subsets.count: must be an integer from 0 to %d",
                         VP_MAX_SUBSETS);
    }
    if (!assignment || assignment->type != JSON_OBJECT) {
        return xstrdup("subsets.assignment: must be an object");
    }
    if (owner_rule && strcmp(owner_rule, "lower")
        && strcmp(owner_rule, "higher")) {
        return xstrdup("subsets.owner-rule: must be \"lower\" or "
                       "\"higher\"");
    }
    if (query_mode && strcmp(query_mode, "forward")
        && strcmp(query_mode, "query")) {
        return xstrdup("subsets.query-mode: must be \"forward\" or "
                       "\"query\"");
    }

    size_t n = count->integer;
    char **owners = xcalloc(n + 1, sizeof *owners);
    char *error = NULL;
    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(assignment)) {
        const struct json *list = node->data;
        if (list->type != JSON_ARRAY) {
            error = xasprintf("subsets.assignment.%s: must be an array",
                              node->name);
            break;
        }
        for (size_t i = 0; !error && i < json_array(list)->n; i++) {
            const struct json *v = json_array(list)->elems[i];
            if (v->type != JSON_INTEGER || v->integer < 0
                || v->integer >= n) {
                error = xasprintf("subsets.assignment.%s[%"PRIuSIZE"]: "
                                  "must be a subset from 0 to %"PRIuSIZE,
                                  node->name, i, n ? n - 1 : 0);
            } else if (owners[v->integer]) {
                error = xasprintf("subsets.assignment.%s: subset %lld is "
                                  "also %s's", node->name, v->integer,
                                  owners[v->integer]);
            } else {
                owners[v->integer] = xstrdup(node->name);
            }
        }
        if (error) {
            break;
        }
    }
    if (error) {
        for (size_t i = 0; i < n; i++) {
            free(owners[i]);
        }
        free(owners);
        return error;
    }
    clear_subsets(p);
    p->n_subsets = n;
    p->subset_host = owners;
    p->owner_rule = xstrdup(owner_rule ? owner_rule : "lower");
    p->query_mode = xstrdup(query_mode ? query_mode : "forward");
    p->wan_vni = wan_vni ? wan_vni->integer : VP_DEFAULT_WAN_VNI;
    return NULL;
}

char *
vp_peers_check(const struct vp_peers *p)
{
    for (size_t i = 0; i < p->n_subsets; i++) {
        if (p->subset_host[i] && !shash_find(&p->hosts,
                                             p->subset_host[i])) {
            return xasprintf("subsets: subset %"PRIuSIZE" is assigned to "
                             "\"%s\", which is not a known host", i,
                             p->subset_host[i]);
        }
    }
    return NULL;
}

size_t
vp_peers_count_held(const struct vp_peers *p, const char *host)
{
    size_t n = 0;

    for (size_t i = 0; i < p->n_subsets; i++) {
        n += p->subset_host[i] && !strcmp(p->subset_host[i], host);
    }
    return n;
}

/* "0-3,7,9-10" */
static void
format_ranges(const struct vp_peers *p, const char *host, struct ds *s)
{
    size_t i = 0;
    bool first = true;

    while (i < p->n_subsets) {
        if (!p->subset_host[i] || strcmp(p->subset_host[i], host)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < p->n_subsets && p->subset_host[j + 1]
               && !strcmp(p->subset_host[j + 1], host)) {
            j++;
        }
        ds_put_format(s, "%s%"PRIuSIZE, first ? "" : ",", i);
        if (j > i) {
            ds_put_format(s, "-%"PRIuSIZE, j);
        }
        first = false;
        i = j + 1;
    }
    if (first) {
        ds_put_char(s, '-');
    }
}

struct json *
vp_peers_summary_json(const struct vp_peers *p)
{
    struct json *o = json_object_create();
    size_t unassigned = 0;

    if (!p->n_subsets) {
        return o;
    }
    for (size_t i = 0; i < p->n_subsets; i++) {
        unassigned += !p->subset_host[i];
    }
    json_object_put(o, "query-subsets", json_integer_create(p->n_subsets));
    json_object_put_string(o, "owner-rule", p->owner_rule);
    json_object_put_string(o, "query-mode", p->query_mode);
    json_object_put(o, "wan-vni", json_integer_create(p->wan_vni));
    json_object_put(o, "unassigned", json_integer_create(unassigned));
    return o;
}

struct json *
vp_peers_host_rows(const struct vp_peers *p, const char *self)
{
    const struct shash_node **nodes = shash_sort(&p->hosts);
    struct json *rows = json_array_create_empty();

    for (size_t i = 0; i < shash_count(&p->hosts); i++) {
        const struct vp_peer_host *ph = nodes[i]->data;
        const char *name = nodes[i]->name;
        struct json *o = json_object_create();
        struct ds which = DS_EMPTY_INITIALIZER;

        format_ranges(p, name, &which);
        json_object_put_string(o, "host", name);
        bool is_self = self && !strcmp(self, name);
        json_object_put(o, "self", json_boolean_create(is_self));
        json_object_put(o, "vtep", json_string_create_nocopy(
                            xasprintf(IP_FMT, IP_ARGS(ph->vtep))));
        json_object_put(o, "gateway", json_boolean_create(ph->gateway));
        struct ds blocks = DS_EMPTY_INITIALIZER;
        vp_snat_blocks_format(ph->blocks, ph->n_blocks, &blocks);
        json_object_put(o, "blocks", json_string_create_nocopy(
                            ds_steal_cstr(&blocks)));
        json_object_put(o, "subsets", json_integer_create(
                            vp_peers_count_held(p, name)));
        json_object_put(o, "which", json_string_create_nocopy(
                            ds_steal_cstr(&which)));
        json_array_add(rows, o);
    }
    free(nodes);
    return rows;
}
