/* vplane/tables-dump.c: the tables' rows in a stable order, for the dumps
 * (ctl-dumps.c formats them) and the exports: two dumps of the same tables
 * are identical. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "tables-config.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "port.h"
#include "tables-private.h"
#include "util.h"

static int
compare_vnets(const void *a_, const void *b_)
{
    const struct vp_vnet *const *a = a_, *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

size_t
tables_sorted_vnets(const struct vp_tables *t, const struct vp_vnet ***vnetsp)
{
    const struct vp_vnet **vnets;
    const struct vp_vnet *vnet;
    size_t n = 0;

    vnets = xmalloc((hmap_count(&t->vnets_by_name) + 1) * sizeof *vnets);
    HMAP_FOR_EACH (vnet, name_node, &t->vnets_by_name) {
        vnets[n++] = vnet;
    }
    qsort(vnets, n, sizeof *vnets, compare_vnets);
    *vnetsp = vnets;
    return n;
}

static int
compare_ports(const void *a_, const void *b_)
{
    const struct vp_port *const *a = a_, *const *b = b_;

    return strcmp((*a)->name, (*b)->name);
}

size_t
tables_sorted_ports(const struct vp_tables *t, const struct vp_port ***portsp)
{
    const struct vp_port **ports;
    const struct vp_port *port;
    size_t n = 0;

    ports = xmalloc((hmap_count(&t->ports_by_name) + 1) * sizeof *ports);
    HMAP_FOR_EACH (port, name_node, &t->ports_by_name) {
        ports[n++] = port;
    }
    qsort(ports, n, sizeof *ports, compare_ports);
    *portsp = ports;
    return n;
}

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

size_t
tables_sorted_xlates(const struct vp_tables *t,
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

static int
compare_route_rows(const void *a_, const void *b_)
{
    const struct vp_route_row *a = a_, *b = b_;
    int cmp = strcmp(a->tenant, b->tenant);

    if (cmp) {
        return cmp;
    }
    if (a->plen != b->plen) {
        return a->plen > b->plen ? -1 : 1;
    }
    return ntohl(a->prefix) < ntohl(b->prefix) ? -1
           : ntohl(a->prefix) > ntohl(b->prefix);
}

/* Connected subnets and configured routes of each tenant, longest prefix
 * first; a route whose next hop is in no subnet has a null 'vnet'. */
size_t
tables_route_rows(const struct vp_tables *t, struct vp_route_row **rowsp)
{
    struct vp_route_row *rows = NULL;
    size_t n = 0, allocated = 0;
    const struct vp_tenant *tenant;

    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        const struct vp_rib *rib = ovsrcu_get(const struct vp_rib *,
                                              &tenant->rib);
        for (size_t i = 0; i < rib->n; i++) {
            const struct vp_rib_entry *e = &rib->entries[i];
            if (!e->nexthop) {
                if (n >= allocated) {
                    rows = x2nrealloc(rows, &allocated, sizeof *rows);
                }
                rows[n++] = (struct vp_route_row) {
                    tenant->name, e->prefix, e->plen, 0, e->vnet->name };
            }
        }
        const struct vp_route *r;
        HMAP_FOR_EACH (r, node, &tenant->routes) {
            const char *vnet = NULL;
            for (size_t i = 0; i < rib->n; i++) {
                if (rib->entries[i].nexthop == r->nexthop
                    && rib->entries[i].prefix == r->prefix
                    && rib->entries[i].plen == r->plen) {
                    vnet = rib->entries[i].vnet->name;
                }
            }
            if (n >= allocated) {
                rows = x2nrealloc(rows, &allocated, sizeof *rows);
            }
            rows[n++] = (struct vp_route_row) { tenant->name, r->prefix,
                                                r->plen, r->nexthop, vnet };
        }
    }
    if (n) {
        qsort(rows, n, sizeof *rows, compare_route_rows);
    }
    *rowsp = rows;
    return n;
}
