/* ctrl/snat-needs.c: see snat-needs.h. */
#include <config.h>
#include "snat-needs.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "hash.h"
#include "idl-track.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(snat_needs);

/* What one port row needs: a block of 'need''s pool on 'host'. */
struct port_need {
    struct hmap_node node;      /* In snat_needs.ports, by 'port'. */
    struct uuid port;
    struct snat_host_needs *host;
    struct snat_need *need;
};

void
snat_needs_init(struct snat_needs *n)
{
    hmap_init(&n->pools);
    hmap_init(&n->hosts);
    hmap_init(&n->ports);
    n->stale = true;
    n->changed = true;
    n->n_rebuilds = 0;
}

static void
snat_needs_clear(struct snat_needs *n)
{
    struct port_need *pn;
    HMAP_FOR_EACH_POP (pn, node, &n->ports) {
        free(pn);
    }
    struct snat_host_needs *h;
    HMAP_FOR_EACH_POP (h, node, &n->hosts) {
        struct snat_need *need;
        HMAP_FOR_EACH_POP (need, node, &h->pools) {
            free(need);
        }
        hmap_destroy(&h->pools);
        free(h->name);
        free(h);
    }
    struct snat_pool *p;
    HMAP_FOR_EACH_POP (p, node, &n->pools) {
        free(p->name);
        sset_destroy(&p->addresses);
        free(p);
    }
}

void
snat_needs_destroy(struct snat_needs *n)
{
    snat_needs_clear(n);
    hmap_destroy(&n->pools);
    hmap_destroy(&n->hosts);
    hmap_destroy(&n->ports);
}

static struct snat_pool *
pool_find(const struct snat_needs *n, const struct uuid *key)
{
    struct snat_pool *p;

    HMAP_FOR_EACH_WITH_HASH (p, node, uuid_hash(key), &n->pools) {
        if (uuid_equals(&p->key, key)) {
            return p;
        }
    }
    return NULL;
}

static struct snat_pool *
pool_get(struct snat_needs *n, const struct uuid *key, const char *kind,
         const char *name)
{
    struct snat_pool *p = pool_find(n, key);

    if (!p) {
        p = xmalloc(sizeof *p);
        p->key = *key;
        p->name = xasprintf("%s %s", kind, name);
        sset_init(&p->addresses);
        hmap_insert(&n->pools, &p->node, uuid_hash(key));
    }
    return p;
}

/* Every SNAT rule of a tenant with external access, as pools: by VNet for
 * rules with one, by tenant for the others (as vplaned's
 * stateful_nat_out() picks them). */
static void
build_pools(struct snat_needs *n, const struct ovsdb_idl *idl)
{
    const struct vprec_tenant *t;

    VPREC_TENANT_FOR_EACH (t, idl) {
        if (!t->external_access) {
            continue;
        }
        for (size_t i = 0; i < t->n_nat_rules; i++) {
            const struct vprec_nat_rule *r = t->nat_rules[i];
            ovs_be32 ip;
            if (strcmp(r->type, "snat") || !ip_parse(r->external_ip, &ip)) {
                continue;
            }
            struct snat_pool *p = (r->vnet
                                   ? pool_get(n, &r->vnet->header_.uuid,
                                              "VNet", r->vnet->name)
                                   : pool_get(n, &t->header_.uuid, "tenant",
                                              t->name));
            sset_add(&p->addresses, r->external_ip);
        }
    }
}

/* The pool a port's VM leaves from: its VNet's, else its tenant's. */
static const struct snat_pool *
port_pool(const struct snat_needs *n, const struct vprec_port *port)
{
    if (!port->host || !port->vnet) {
        return NULL;
    }
    const struct snat_pool *p = pool_find(n, &port->vnet->header_.uuid);
    if (!p && port->vnet->tenant) {
        p = pool_find(n, &port->vnet->tenant->header_.uuid);
    }
    return p;
}

static struct snat_host_needs *
host_find(const struct snat_needs *n, const char *name)
{
    struct snat_host_needs *h;

    HMAP_FOR_EACH_WITH_HASH (h, node, hash_string(name, 0), &n->hosts) {
        if (!strcmp(h->name, name)) {
            return h;
        }
    }
    return NULL;
}

const struct snat_host_needs *
snat_needs_host(const struct snat_needs *n, const char *name)
{
    return host_find(n, name);
}

static struct port_need *
port_find(const struct snat_needs *n, const struct uuid *port)
{
    struct port_need *pn;

    HMAP_FOR_EACH_WITH_HASH (pn, node, uuid_hash(port), &n->ports) {
        if (uuid_equals(&pn->port, port)) {
            return pn;
        }
    }
    return NULL;
}

static void
port_forget(struct snat_needs *n, struct port_need *pn)
{
    struct snat_host_needs *h = pn->host;

    if (!--pn->need->n_ports) {
        hmap_remove(&h->pools, &pn->need->node);
        free(pn->need);
        n->changed = true;
    }
    if (hmap_is_empty(&h->pools)) {
        hmap_remove(&n->hosts, &h->node);
        hmap_destroy(&h->pools);
        free(h->name);
        free(h);
    }
    hmap_remove(&n->ports, &pn->node);
    free(pn);
}

static void
port_note(struct snat_needs *n, const struct vprec_port *port)
{
    const struct snat_pool *pool = port_pool(n, port);
    if (!pool) {
        return;
    }

    const char *name = port->host->name;
    struct snat_host_needs *h = host_find(n, name);
    if (!h) {
        h = xmalloc(sizeof *h);
        h->name = xstrdup(name);
        hmap_init(&h->pools);
        hmap_insert(&n->hosts, &h->node, hash_string(name, 0));
    }

    struct snat_need *need;
    bool found = false;
    HMAP_FOR_EACH_WITH_HASH (need, node, hash_pointer(pool, 0), &h->pools) {
        if (need->pool == pool) {
            found = true;
            break;
        }
    }
    if (!found) {
        need = xmalloc(sizeof *need);
        need->pool = pool;
        need->n_ports = 0;
        hmap_insert(&h->pools, &need->node, hash_pointer(pool, 0));
        n->changed = true;
    }
    need->n_ports++;

    struct port_need *pn = xmalloc(sizeof *pn);
    pn->port = port->header_.uuid;
    pn->host = h;
    pn->need = need;
    hmap_insert(&n->ports, &pn->node, uuid_hash(&pn->port));
}

void
snat_needs_track(struct snat_needs *n, const struct ovsdb_idl *idl)
{
    /* What the pools are made of. */
    if (vprec_tenant_track_get_first(idl)
        || vprec_nat_rule_track_get_first(idl)
        || vprec_deployment_track_get_first(idl)) {
        n->stale = true;
    }
    const struct vprec_vnet *vnet;
    VPREC_VNET_FOR_EACH_TRACKED (vnet, idl) {
        if (vprec_vnet_is_deleted(vnet)
            || vprec_vnet_is_updated(vnet, VPREC_VNET_COL_TENANT)) {
            n->stale = true;
        }
    }
    const struct vprec_host *host;
    VPREC_HOST_FOR_EACH_TRACKED (host, idl) {
        if (vprec_host_is_deleted(host)
            || vprec_host_is_updated(host, VPREC_HOST_COL_NAME)) {
            n->stale = true;
        }
    }
    if (n->stale) {
        return;                 /* The rebuild reads every port anyway. */
    }

    const struct vprec_port *port;
    VPREC_PORT_FOR_EACH_TRACKED (port, idl) {
        if (!IDL_ROW_CHANGED_ITSELF(port, port, PORT)) {
            continue;
        }
        struct port_need *pn = port_find(n, &port->header_.uuid);
        bool deleted = vprec_port_is_deleted(port);
        if (pn && !deleted && pn->need->pool == port_pool(n, port)
            && !strcmp(pn->host->name, port->host->name)) {
            continue;       /* Its state or name, as hosts report them. */
        }
        if (pn) {
            port_forget(n, pn);
        }
        if (!deleted) {
            port_note(n, port);
        }
    }
}

void
snat_needs_refresh(struct snat_needs *n, const struct ovsdb_idl *idl)
{
    if (!n->stale) {
        return;
    }
    snat_needs_clear(n);
    build_pools(n, idl);
    if (!hmap_is_empty(&n->pools)) {
        const struct vprec_port *port;
        VPREC_PORT_FOR_EACH (port, idl) {
            port_note(n, port);
        }
    }
    n->stale = false;
    n->changed = true;
    n->n_rebuilds++;
    VLOG_DBG("rebuilt: %"PRIuSIZE" pools, %"PRIuSIZE" hosts need one",
             hmap_count(&n->pools), hmap_count(&n->hosts));
}

/* Verification. */

static void
format_host_needs(const struct snat_host_needs *h, struct ds *s)
{
    const struct snat_need *need;

    if (!h) {
        ds_put_cstr(s, "none");
        return;
    }
    HMAP_FOR_EACH (need, node, &h->pools) {
        ds_put_format(s, "%s (%"PRIuSIZE" ports) ", need->pool->name,
                      need->n_ports);
    }
    ds_chomp(s, ' ');
}

/* Whether 'a' and 'b' need the same pools for the same number of ports.
 * Pools are compared by their rows, as the two sides have their own. */
static bool
host_needs_equal(const struct snat_host_needs *a,
                 const struct snat_host_needs *b)
{
    if (!a || !b) {
        return !a && !b;
    }
    if (hmap_count(&a->pools) != hmap_count(&b->pools)) {
        return false;
    }
    const struct snat_need *x, *y;
    HMAP_FOR_EACH (x, node, &a->pools) {
        bool found = false;
        HMAP_FOR_EACH (y, node, &b->pools) {
            if (uuid_equals(&x->pool->key, &y->pool->key)
                && x->n_ports == y->n_ports) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

size_t
snat_needs_verify(const struct snat_needs *n, const struct ovsdb_idl *idl,
                  struct ds *s)
{
    if (n->stale) {
        ds_put_cstr(s, "SNAT needs: a rebuild from the database is due (the "
                    "next assignment does it)\n");
        return 0;
    }

    struct snat_needs whole;
    snat_needs_init(&whole);
    snat_needs_refresh(&whole, idl);

    size_t n_differ = 0;
    const struct vprec_host *row;
    VPREC_HOST_FOR_EACH (row, idl) {
        const struct snat_host_needs *inc = host_find(n, row->name);
        const struct snat_host_needs *all = host_find(&whole, row->name);
        if (!host_needs_equal(inc, all)) {
            ds_put_format(s, "host %s: SNAT needs kept: ", row->name);
            format_host_needs(inc, s);
            ds_put_cstr(s, "; from the whole database: ");
            format_host_needs(all, s);
            ds_put_char(s, '\n');
            n_differ++;
        }
    }
    if (hmap_count(&n->ports) != hmap_count(&whole.ports)) {
        ds_put_format(s, "SNAT needs: %"PRIuSIZE" ports kept, %"PRIuSIZE
                      " from the whole database\n", hmap_count(&n->ports),
                      hmap_count(&whole.ports));
        n_differ++;
    }
    ds_put_format(s, "SNAT needs: %"PRIuSIZE" hosts need a pool, %"PRIuSIZE
                  " differ; %"PRIuSIZE" rebuilds since start\n",
                  hmap_count(&n->hosts), n_differ, n->n_rebuilds);
    snat_needs_destroy(&whole);
    return n_differ;
}
