/* ctrl/snat-blocks.c: see snat-blocks.h.  It does not send anything: the
 * Host rows it writes reach the hosts through host-view.c. */
#include <config.h>
#include "snat-blocks.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "bitmap.h"
#include "coverage.h"
#include "ctrl/vplane-idl.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "snat-needs.h"
#include "sset.h"
#include "util.h"
#include "vplane/peers.h"

VLOG_DEFINE_THIS_MODULE(snat_blocks);

COVERAGE_DEFINE(ctrl_snat_block_given);
COVERAGE_DEFINE(ctrl_snat_block_freed);
COVERAGE_DEFINE(ctrl_snat_pool_exhausted);

struct snat_blocks {
    struct snat_needs needs;    /* Which host needs which pool. */
    bool hosts_changed;         /* Host rows came, went or were edited. */
    struct shash idle;          /* "HOST ADDRESS" -> long long int *: since
                                 * when the host holds the block unused. */
    struct shash shown;         /* Host name -> char *, for ctrl/hosts. */
    struct sset missing;        /* Hosts with a need left unmet. */
    long long int next_check;
    size_t n_assigns;           /* Passes of snat_blocks_assign(). */
};

/* The pools of a host that needs none. */
static const struct hmap empty = HMAP_INITIALIZER(&empty);

/* One SNAT address's blocks. */
struct address {
    unsigned long *taken;
    size_t n_free;
};

/* A host's blocks as this pass decides them. */
struct host_blocks {
    const struct vprec_host *row;
    const struct snat_host_needs *needs;    /* NULL: needs none. */
    struct shash blocks;        /* Address -> (intptr_t) block + 1. */
    struct sset used;           /* Addresses a need of this pass uses. */
    struct sset unmet;          /* Pool names left without a block. */
};

struct snat_blocks *
snat_blocks_create(void)
{
    struct snat_blocks *sb = xzalloc(sizeof *sb);

    snat_needs_init(&sb->needs);
    sb->hosts_changed = true;
    shash_init(&sb->idle);
    shash_init(&sb->shown);
    sset_init(&sb->missing);
    sb->next_check = LLONG_MAX;
    return sb;
}

void
snat_blocks_destroy(struct snat_blocks *sb)
{
    if (sb) {
        snat_needs_destroy(&sb->needs);
        shash_destroy_free_data(&sb->idle);
        shash_destroy_free_data(&sb->shown);
        sset_destroy(&sb->missing);
        free(sb);
    }
}

void
snat_blocks_track(struct snat_blocks *sb, const struct ovsdb_idl *idl)
{
    const struct vprec_host *host;

    snat_needs_track(&sb->needs, idl);
    VPREC_HOST_FOR_EACH_TRACKED (host, idl) {
        if (vprec_host_is_new(host) || vprec_host_is_deleted(host)
            || vprec_host_is_updated(host, VPREC_HOST_COL_SNAT_BLOCKS)) {
            sb->hosts_changed = true;
        }
    }
}

void
snat_blocks_recheck(struct snat_blocks *sb, bool rebuild)
{
    sb->hosts_changed = true;
    sb->needs.stale |= rebuild;
}

size_t
snat_blocks_verify(const struct snat_blocks *sb, const struct ovsdb_idl *idl,
                   struct ds *s)
{
    return snat_needs_verify(&sb->needs, idl, s);
}

bool
snat_blocks_pending(const struct snat_blocks *sb, long long int now)
{
    return (sb->hosts_changed || sb->needs.stale || sb->needs.changed
            || now >= sb->next_check);
}

int64_t
snat_block_size(const struct vprec_deployment *d)
{
    return (d && d->n_snat_block_size
            && d->snat_block_size[0] >= VP_SNAT_MIN_BLOCK_SIZE
            && d->snat_block_size[0] <= VP_SNAT_PORTS
            ? d->snat_block_size[0] : VP_SNAT_DEFAULT_BLOCK_SIZE);
}

int64_t
snat_blocks_per_address(int64_t size)
{
    return VP_SNAT_PORTS / size;
}

/* The blocks of every address some pool names, all free. */
static void
build_addresses(const struct snat_needs *needs, struct shash *addresses,
                int64_t n_per)
{
    const struct snat_pool *p;

    HMAP_FOR_EACH (p, node, &needs->pools) {
        const char *addr;
        SSET_FOR_EACH (addr, &p->addresses) {
            if (!shash_find(addresses, addr)) {
                struct address *a = xmalloc(sizeof *a);
                a->taken = bitmap_allocate(n_per);
                a->n_free = n_per;
                shash_add(addresses, addr, a);
            }
        }
    }
}

static int
compare_hosts(const void *a_, const void *b_)
{
    const struct host_blocks *a = a_, *b = b_;
    return strcmp(a->row->name, b->row->name);
}

static struct host_blocks *
collect_hosts(const struct ovsdb_idl *idl, const struct snat_needs *needs,
              size_t *n)
{
    const struct vprec_host *row;
    struct host_blocks *hosts = NULL;
    size_t allocated = 0;

    *n = 0;
    VPREC_HOST_FOR_EACH (row, idl) {
        if (*n >= allocated) {
            hosts = x2nrealloc(hosts, &allocated, sizeof *hosts);
        }
        hosts[*n].row = row;
        hosts[(*n)++].needs = snat_needs_host(needs, row->name);
    }
    if (*n) {
        qsort(hosts, *n, sizeof *hosts, compare_hosts);
    }
    /* Only now that they stay put: an empty hmap points into itself. */
    for (size_t i = 0; i < *n; i++) {
        shash_init(&hosts[i].blocks);
        sset_init(&hosts[i].used);
        sset_init(&hosts[i].unmet);
    }
    return hosts;
}

/* Keeps each host's valid blocks: on an address some pool still has, in
 * range for the block size, and not already another host's (of two, the
 * first by name keeps it: a hand edit). */
static void
keep_held(struct host_blocks *hosts, size_t n, struct shash *addresses,
          int64_t n_per)
{
    for (size_t i = 0; i < n; i++) {
        const struct vprec_host *row = hosts[i].row;
        for (size_t j = 0; j < row->n_snat_blocks; j++) {
            const char *addr = row->key_snat_blocks[j];
            int64_t b = row->value_snat_blocks[j];
            struct address *a = shash_find_data(addresses, addr);
            if (a && b >= 0 && b < n_per && !bitmap_is_set(a->taken, b)) {
                bitmap_set1(a->taken, b);
                a->n_free--;
                shash_add(&hosts[i].blocks, addr, (void *) (intptr_t) (b + 1));
            } else {
                VLOG_INFO("host %s: SNAT block %"PRId64" on %s dropped (no "
                          "such address or block any more, or another "
                          "host's)", row->name, b, addr);
            }
        }
    }
}

static void
free_block(struct host_blocks *h, struct shash *addresses,
           struct shash_node *node)
{
    struct address *a = shash_find_data(addresses, node->name);
    intptr_t b = (intptr_t) node->data - 1;

    bitmap_set0(a->taken, b);
    a->n_free++;
    COVERAGE_INC(ctrl_snat_block_freed);
    VLOG_INFO("host %s: SNAT block %"PRIdPTR" on %s taken back (idle)",
              h->row->name, b, node->name);
    shash_delete(&h->blocks, node);
}

/* Marks the blocks the hosts' needs use; frees those idle past the grace
 * period, and notes when the next one will be. */
static void
use_and_free_idle(struct snat_blocks *sb, struct host_blocks *hosts,
                  size_t n, struct shash *addresses, long long int now,
                  long long int grace_ms)
{
    struct shash idle = SHASH_INITIALIZER(&idle);

    sb->next_check = LLONG_MAX;
    for (size_t i = 0; i < n; i++) {
        struct host_blocks *h = &hosts[i];
        const struct snat_need *need;
        HMAP_FOR_EACH (need, node, h->needs ? &h->needs->pools : &empty) {
            const char *addr;
            SSET_FOR_EACH (addr, &need->pool->addresses) {
                if (shash_find(&h->blocks, addr)) {
                    sset_add(&h->used, addr);
                    break;
                }
            }
        }

        struct shash_node *node, *next;
        SHASH_FOR_EACH_SAFE (node, next, &h->blocks) {
            if (sset_contains(&h->used, node->name)) {
                continue;
            }
            char *k = xasprintf("%s %s", h->row->name, node->name);
            long long int *since = shash_find_and_delete(&sb->idle, k);
            if (!since) {
                since = xmemdup(&now, sizeof now);
            }
            if (now >= *since + grace_ms) {
                free(since);
                free(k);
                free_block(h, addresses, node);
            } else {
                sb->next_check = MIN(sb->next_check, *since + grace_ms);
                shash_add_nocopy(&idle, k, since);
            }
        }
    }
    shash_clear_free_data(&sb->idle);
    shash_swap(&sb->idle, &idle);
    shash_destroy(&idle);
}

/* Gives host 'h' a block from pool 'p': on the address with the most free
 * blocks (so that the pool fills evenly), the lowest free one. */
static bool
give_block(struct host_blocks *h, const struct snat_pool *p,
           struct shash *addresses, int64_t n_per, int64_t size)
{
    struct address *best = NULL;
    const char *best_addr = NULL;
    const char *addr;

    SSET_FOR_EACH (addr, &p->addresses) {
        struct address *a = shash_find_data(addresses, addr);
        if (a->n_free && (!best || a->n_free > best->n_free)
            && !shash_find(&h->blocks, addr)) {
            best = a;
            best_addr = addr;
        }
    }
    if (!best) {
        return false;
    }
    size_t b = bitmap_scan(best->taken, false, 0, n_per);
    bitmap_set1(best->taken, b);
    best->n_free--;
    shash_add(&h->blocks, best_addr, (void *) (intptr_t) (b + 1));
    sset_add(&h->used, best_addr);
    COVERAGE_INC(ctrl_snat_block_given);
    VLOG_INFO("host %s: SNAT block %"PRIuSIZE" on %s (ports %"PRId64"-%"
              PRId64", %s)", h->row->name, b, best_addr,
              VP_SNAT_PORT_FIRST + (int64_t) b * size,
              VP_SNAT_PORT_FIRST + ((int64_t) b + 1) * size - 1, p->name);
    return true;
}

static bool
write_row(struct host_blocks *h)
{
    const struct vprec_host *row = h->row;
    size_t n = shash_count(&h->blocks);
    bool same = n == row->n_snat_blocks;

    for (size_t i = 0; same && i < n; i++) {
        intptr_t b = (intptr_t) shash_find_data(&h->blocks,
                                                row->key_snat_blocks[i]);
        same = b && b - 1 == row->value_snat_blocks[i];
    }
    if (same) {
        return false;
    }

    const char **keys = xmalloc((n + 1) * sizeof *keys);
    int64_t *values = xmalloc((n + 1) * sizeof *values);
    struct shash_node *node;
    size_t i = 0;
    SHASH_FOR_EACH (node, &h->blocks) {
        keys[i] = node->name;
        values[i++] = (intptr_t) node->data - 1;
    }
    vprec_host_set_snat_blocks(row, keys, values, n);
    free(keys);
    free(values);
    return true;
}

/* What ctrl/hosts shows for 'h'. */
static char *
describe(const struct host_blocks *h, int64_t size)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct shash_node **nodes = shash_sort(&h->blocks);

    for (size_t i = 0; i < shash_count(&h->blocks); i++) {
        int64_t b = (intptr_t) nodes[i]->data - 1;
        ds_put_format(&s, "%s%s:%"PRId64"-%"PRId64, i ? "," : "",
                      nodes[i]->name, VP_SNAT_PORT_FIRST + b * size,
                      VP_SNAT_PORT_FIRST + (b + 1) * size - 1);
    }
    free(nodes);
    if (!sset_is_empty(&h->unmet)) {
        const char *name;
        ds_put_format(&s, "%snone: pool exhausted (", s.length ? " + " : "");
        SSET_FOR_EACH (name, &h->unmet) {
            ds_put_format(&s, "%s, ", name);
        }
        ds_chomp(&s, ' ');
        ds_chomp(&s, ',');
        ds_put_char(&s, ')');
    }
    if (!s.length) {
        ds_put_char(&s, '-');
    }
    return ds_steal_cstr(&s);
}

/* Meets every host's needs the blocks kept do not; says which it could
 * not, once per host that newly has such a need. */
static void
give_missing(struct snat_blocks *sb, struct host_blocks *hosts, size_t n,
             struct shash *addresses, int64_t n_per, int64_t size)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 5);
    struct sset missing = SSET_INITIALIZER(&missing);

    for (size_t i = 0; i < n; i++) {
        struct host_blocks *h = &hosts[i];
        const struct snat_need *need;
        HMAP_FOR_EACH (need, node, h->needs ? &h->needs->pools : &empty) {
            const struct snat_pool *p = need->pool;
            const char *addr;
            bool met = false;
            SSET_FOR_EACH (addr, &p->addresses) {
                met = met || sset_contains(&h->used, addr);
            }
            if (!met && !give_block(h, p, addresses, n_per, size)) {
                sset_add(&h->unmet, p->name);
            }
        }
        if (!sset_is_empty(&h->unmet)) {
            sset_add(&missing, h->row->name);
            if (!sset_contains(&sb->missing, h->row->name)) {
                COVERAGE_INC(ctrl_snat_pool_exhausted);
                VLOG_WARN_RL(&rl, "host %s: no SNAT block: pool exhausted "
                             "(%s: every block of %"PRId64" ports is "
                             "taken); its VMs' SNAT traffic is dropped as "
                             "snat-no-block until a block is free (add "
                             "SNAT addresses, or set a smaller "
                             "snat-block-size)", h->row->name,
                             SSET_FIRST(&h->unmet), size);
            }
        }
    }
    if (!sset_is_empty(&missing) && !sset_equals(&missing, &sb->missing)) {
        VLOG_WARN_RL(&rl, "SNAT pools exhausted: %"PRIuSIZE" hosts need a "
                     "block and have none", sset_count(&missing));
    } else if (sset_is_empty(&missing) && !sset_is_empty(&sb->missing)) {
        VLOG_INFO("SNAT pools: every host that needs a block has one");
    }
    sset_swap(&sb->missing, &missing);
    sset_destroy(&missing);
}

size_t
snat_blocks_assign(struct snat_blocks *sb, struct ovsdb_idl *idl,
                   long long int now, long long int grace_ms)
{
    int64_t size = snat_block_size(vprec_deployment_first(idl));
    int64_t n_per = snat_blocks_per_address(size);
    struct shash addresses = SHASH_INITIALIZER(&addresses);
    size_t n, n_written = 0;

    snat_needs_refresh(&sb->needs, idl);
    sb->needs.changed = false;
    sb->hosts_changed = false;
    sb->n_assigns++;

    build_addresses(&sb->needs, &addresses, n_per);
    struct host_blocks *hosts = collect_hosts(idl, &sb->needs, &n);
    keep_held(hosts, n, &addresses, n_per);
    use_and_free_idle(sb, hosts, n, &addresses, now, grace_ms);
    give_missing(sb, hosts, n, &addresses, n_per, size);

    shash_clear_free_data(&sb->shown);
    for (size_t i = 0; i < n; i++) {
        struct host_blocks *h = &hosts[i];
        n_written += write_row(h);
        shash_add_nocopy(&sb->shown, xstrdup(h->row->name),
                         describe(h, size));
        shash_destroy(&h->blocks);
        sset_destroy(&h->used);
        sset_destroy(&h->unmet);
    }
    free(hosts);

    struct shash_node *node;
    SHASH_FOR_EACH (node, &addresses) {
        struct address *a = node->data;
        bitmap_free(a->taken);
    }
    shash_destroy_free_data(&addresses);
    return n_written;
}

/* A block out of range for the block size, or given twice (a hand edit),
 * is left out, as the controller's next assignment will have it. */
struct json *
snat_blocks_host_json(const struct vprec_host *h, int64_t size,
                      struct sset *taken)
{
    struct json *blocks = json_array_create_empty();

    for (size_t i = 0; i < h->n_snat_blocks; i++) {
        int64_t b = h->value_snat_blocks[i];
        const char *addr = h->key_snat_blocks[i];
        ovs_be32 ip;
        if (b < 0 || b >= snat_blocks_per_address(size)
            || !ip_parse(addr, &ip)) {
            continue;
        }
        char *key = xasprintf("%s/%"PRId64, addr, b);
        if (sset_add(taken, key)) {
            struct json *block = json_object_create();
            json_object_put_string(block, "address", addr);
            json_object_put(block, "first", json_integer_create(
                                VP_SNAT_PORT_FIRST + b * size));
            json_object_put(block, "last", json_integer_create(
                                VP_SNAT_PORT_FIRST + (b + 1) * size - 1));
            json_array_add(blocks, block);
        }
        free(key);
    }
    if (!json_array(blocks)->n) {
        json_destroy(blocks);
        return NULL;
    }
    return blocks;
}

long long int
snat_blocks_next_check(const struct snat_blocks *sb)
{
    return sb->next_check;
}

void
snat_blocks_format_host(const struct snat_blocks *sb, const char *host,
                        struct ds *s)
{
    const char *shown = shash_find_data(&sb->shown, host);
    ds_put_cstr(s, shown ? shown : "-");
}

size_t
snat_blocks_n_missing(const struct snat_blocks *sb)
{
    return sset_count(&sb->missing);
}
