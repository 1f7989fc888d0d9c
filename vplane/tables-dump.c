/* vplane/tables-dump.c: the tables as text, with stable columns (the
 * formats are documented in docs/ctl.md; scripts may rely on them).  Rows
 * are sorted so that two dumps of the same tables are identical. */
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

void
tables_format_vnets(const struct vp_tables *t, const char *filter,
                    struct ds *s)
{
    const struct vp_vnet **vnets;
    size_t n = tables_sorted_vnets(t, &vnets);

    ds_put_format(s, "%-16s %-8s %-16s %-17s %5s %7s %5s  %s\n", "NAME", "VNI",
                  "TENANT", "GATEWAY-MAC", "PORTS", "XLATE", "HOSTS",
                  "SUBNETS");
    for (size_t i = 0; i < n; i++) {
        const struct vp_vnet_cfg *cfg = vnet_cfg_protected(vnets[i]);

        if (filter && strcmp(filter, vnets[i]->name)) {
            continue;
        }

        ds_put_format(s, "%-16s %-8"PRIu32" %-16s "ETH_ADDR_FMT" %5"PRIuSIZE
                      " %7"PRIuSIZE" %5"PRIuSIZE" ", vnets[i]->name,
                      vnets[i]->vni, vnets[i]->tenant->name,
                      ETH_ADDR_ARGS(cfg->gw_mac), vnets[i]->n_ports,
                      vnets[i]->n_xlate, hmap_count(&vnets[i]->vtep_refs));
        for (size_t j = 0; j < cfg->n_subnets; j++) {
            ds_put_char(s, ' ');
            vp_format_subnet(&cfg->subnets[j], s);
        }
        if (!cfg->n_subnets) {
            ds_put_cstr(s, " -");
        }
        ds_put_char(s, '\n');
    }
    free(vnets);
}

void
tables_format_xlate(const struct vp_tables *t, const char *vnet_filter,
                    struct ds *s)
{
    const struct vp_xlate **xlates;
    size_t n = tables_sorted_xlates(t, &xlates);

    ds_put_format(s, "%-16s %-17s %-15s %s\n", "VNET", "MAC", "IP", "VTEP");
    for (size_t i = 0; i < n; i++) {
        const struct vp_xlate *x = xlates[i];
        char ip[INET_ADDRSTRLEN];
        ovs_be32 vtep = xlate_vtep(x);

        if (vnet_filter && strcmp(vnet_filter, x->vnet->name)) {
            continue;
        }
        if (x->ip) {
            snprintf(ip, sizeof ip, IP_FMT, IP_ARGS(x->ip));
        } else {
            ovs_strlcpy(ip, "-", sizeof ip);
        }
        ds_put_format(s, "%-16s "ETH_ADDR_FMT" %-15s "IP_FMT"%s\n",
                      x->vnet->name, ETH_ADDR_ARGS(x->mac), ip,
                      IP_ARGS(vtep), vtep == t->self_vtep ? " (this host)"
                                                          : "");
    }
    free(xlates);
}

struct route_row {
    const char *tenant;
    ovs_be32 prefix;
    unsigned int plen;
    ovs_be32 nexthop;           /* 0: connected. */
    const char *vnet;           /* NULL: unresolved. */
};

static int
compare_route_rows(const void *a_, const void *b_)
{
    const struct route_row *a = a_, *b = b_;
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
 * first; a route whose next hop is in no subnet is shown "unresolved". */
void
tables_format_routes(const struct vp_tables *t, const char *tenant_filter,
                     struct ds *s)
{
    struct route_row *rows = NULL;
    size_t n = 0, allocated = 0;
    const struct vp_tenant *tenant;

    HMAP_FOR_EACH (tenant, node, &t->tenants) {
        if (tenant_filter && strcmp(tenant_filter, tenant->name)) {
            continue;
        }
        const struct vp_rib *rib = ovsrcu_get(const struct vp_rib *,
                                              &tenant->rib);
        for (size_t i = 0; i < rib->n; i++) {
            const struct vp_rib_entry *e = &rib->entries[i];
            if (!e->nexthop) {
                if (n >= allocated) {
                    rows = x2nrealloc(rows, &allocated, sizeof *rows);
                }
                rows[n++] = (struct route_row) { tenant->name, e->prefix,
                                                 e->plen, 0, e->vnet->name };
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
            rows[n++] = (struct route_row) { tenant->name, r->prefix, r->plen,
                                             r->nexthop, vnet };
        }
    }
    qsort(rows, n, sizeof *rows, compare_route_rows);

    ds_put_format(s, "%-16s %-18s %-15s %-16s %s\n", "TENANT", "PREFIX",
                  "NEXTHOP", "VNET", "STATE");
    for (size_t i = 0; i < n; i++) {
        char prefix[32], nexthop[INET_ADDRSTRLEN];

        snprintf(prefix, sizeof prefix, IP_FMT"/%u", IP_ARGS(rows[i].prefix),
                 rows[i].plen);
        if (rows[i].nexthop) {
            snprintf(nexthop, sizeof nexthop, IP_FMT,
                     IP_ARGS(rows[i].nexthop));
        } else {
            ovs_strlcpy(nexthop, "connected", sizeof nexthop);
        }
        ds_put_format(s, "%-16s %-18s %-15s %-16s %s\n", rows[i].tenant,
                      prefix, nexthop, rows[i].vnet ? rows[i].vnet : "-",
                      rows[i].vnet ? "active"
                      : "unresolved (next hop in no subnet)");
    }
    free(rows);
}
