/* ctrl/view-parts.c: see view-parts.h.
 *
 * Which part a row belongs to is read from the row when it exists, and
 * from 'refs' -- recorded when a part was computed -- when it changed or
 * went: a port that moves to another VNet, host or tenant changes the parts
 * it left as well as the ones it joins.  Parts are found through IDL
 * indexes (a tenant's VNets, a VNet's ports, a host's ports, a tenant's
 * routes), so computing one costs its own rows.  Each part also holds the
 * rows the hosts' checks refuse in it (row-check.h), which it leaves out.
 * Parts are computed for every tenant and host of the database (not only
 * those a connected host needs), so that those lists are complete. */
#include <config.h>
#include "view-parts-private.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "hmapx.h"
#include "host-view.h"
#include "host-view-private.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"
#include "openvswitch/vlog.h"
#include "ovsdb-idl.h"
#include "row-check.h"
#include "sset.h"
#include "util.h"
#include "uuid.h"

VLOG_DEFINE_THIS_MODULE(view_parts);

struct view_parts *
view_parts_create(struct ovsdb_idl *idl)
{
    struct view_parts *p = xzalloc(sizeof *p);

    p->tenant_by_name = ovsdb_idl_index_create1(idl, &vprec_tenant_col_name);
    p->vnets_by_tenant = ovsdb_idl_index_create1(idl,
                                                 &vprec_vnet_col_tenant);
    p->ports_by_vnet = ovsdb_idl_index_create1(idl, &vprec_port_col_vnet);
    p->ports_by_host = ovsdb_idl_index_create1(idl, &vprec_port_col_host);
    p->routes_by_tenant = ovsdb_idl_index_create1(idl,
                                                  &vprec_route_col_tenant);
    p->host_by_name = ovsdb_idl_index_create1(idl, &vprec_host_col_name);
    ovsdb_idl_track_add_all(idl);
    shash_init(&p->tenants);
    shash_init(&p->hosts);
    hmap_init(&p->refs);
    shash_init(&p->prev_tenants);
    shash_init(&p->prev_hosts);
    sset_init(&p->changed_tenants);
    sset_init(&p->missing_tenants);
    sset_init(&p->missing_hosts);
    host_view_init(&p->global_was);
    host_view_init(&p->global_is);
    return p;
}

static struct part *
part_create(void)
{
    struct part *part = xmalloc(sizeof *part);

    host_view_init(&part->view);
    refusals_init(&part->refused);
    return part;
}

void
vpp_part_free(struct part *part)
{
    host_view_destroy(&part->view);
    refusals_destroy(&part->refused);
    free(part);
}

void
vpp_host_part_free(struct host_part *hp)
{
    host_view_destroy(&hp->local);
    sset_destroy(&hp->tenants);
    refusals_destroy(&hp->refused);
    free(hp);
}

void
vpp_ref_free(struct row_ref *r)
{
    free(r->tenant);
    free(r->host);
    free(r);
}

/* Forgets the last change's replaced parts. */
void
vpp_prev_clear(struct view_parts *p)
{
    struct shash_node *node, *next;

    SHASH_FOR_EACH_SAFE (node, next, &p->prev_tenants) {
        vpp_part_free(node->data);
        shash_delete(&p->prev_tenants, node);
    }
    SHASH_FOR_EACH_SAFE (node, next, &p->prev_hosts) {
        vpp_host_part_free(node->data);
        shash_delete(&p->prev_hosts, node);
    }
    if (p->prev_global) {
        vpp_part_free(p->prev_global);
        p->prev_global = NULL;
    }
    sset_clear(&p->changed_tenants);
    p->global_changed = false;
    host_view_destroy(&p->global_was);
    host_view_destroy(&p->global_is);
    host_view_init(&p->global_was);
    host_view_init(&p->global_is);
    p->global_delta_ready = false;
}

void
view_parts_clear(struct view_parts *p)
{
    struct shash_node *node, *next;

    vpp_prev_clear(p);
    SHASH_FOR_EACH_SAFE (node, next, &p->tenants) {
        vpp_part_free(node->data);
        shash_delete(&p->tenants, node);
    }
    SHASH_FOR_EACH_SAFE (node, next, &p->hosts) {
        vpp_host_part_free(node->data);
        shash_delete(&p->hosts, node);
    }
    if (p->global) {
        vpp_part_free(p->global);
        p->global = NULL;
    }
    struct row_ref *r;
    HMAP_FOR_EACH_POP (r, node, &p->refs) {
        vpp_ref_free(r);
    }
    p->complete = false;
    sset_clear(&p->missing_tenants);
    sset_clear(&p->missing_hosts);
}

void
view_parts_destroy(struct view_parts *p)
{
    if (p) {
        view_parts_clear(p);
        shash_destroy(&p->tenants);
        shash_destroy(&p->hosts);
        shash_destroy(&p->prev_tenants);
        shash_destroy(&p->prev_hosts);
        sset_destroy(&p->changed_tenants);
        sset_destroy(&p->missing_tenants);
        sset_destroy(&p->missing_hosts);
        host_view_destroy(&p->global_was);
        host_view_destroy(&p->global_is);
        hmap_destroy(&p->refs);
        free(p);
    }
}

const struct view_parts_stats *
view_parts_stats(const struct view_parts *p)
{
    return &p->stats;
}

/* Row references. */

struct row_ref *
vpp_ref_find(const struct view_parts *p, const struct uuid *uuid)
{
    struct row_ref *r;

    HMAP_FOR_EACH_WITH_HASH (r, node, uuid_hash(uuid), &p->refs) {
        if (uuid_equals(&r->uuid, uuid)) {
            return r;
        }
    }
    return NULL;
}

static struct row_ref *
ref_get(struct view_parts *p, const struct uuid *uuid)
{
    struct row_ref *r = vpp_ref_find(p, uuid);

    if (!r) {
        r = xzalloc(sizeof *r);
        r->uuid = *uuid;
        hmap_insert(&p->refs, &r->node, uuid_hash(uuid));
    }
    return r;
}

/* Whether a NAT rule of 't' names a VM address: its owner, in the global
 * part, is where a port of the tenant is (nat_port()). */
bool
vpp_nat_follows_ports(const struct vprec_tenant *t)
{
    for (size_t i = 0; i < t->n_nat_rules; i++) {
        if (t->nat_rules[i]->internal_ip) {
            return true;
        }
    }
    return false;
}

/* Records that 'uuid' is part of tenant 't'.  'nat': a change of the row
 * changes the global part too (the NAT rules name the tenant's ports or
 * VNIs). */
static void
ref_tenant(struct view_parts *p, const struct uuid *uuid,
           const struct vprec_tenant *t, bool nat)
{
    struct row_ref *r = ref_get(p, uuid);

    if (!r->tenant || strcmp(r->tenant, t->name)) {
        free(r->tenant);
        r->tenant = xstrdup(t->name);
    }
    r->nat = nat;
}

static void
ref_host(struct view_parts *p, const struct uuid *uuid, const char *host)
{
    struct row_ref *r = ref_get(p, uuid);

    if (!r->host || strcmp(r->host, host)) {
        free(r->host);
        r->host = xstrdup(host);
    }
}

/* Computing parts. */

static const struct vprec_tenant *
tenant_by_name(const struct view_parts *p, const char *name)
{
    struct vprec_tenant *key = vprec_tenant_index_init_row(p->tenant_by_name);
    vprec_tenant_index_set_name(key, name);
    const struct vprec_tenant *t = vprec_tenant_index_find(p->tenant_by_name,
                                                           key);
    vprec_tenant_index_destroy_row(key);
    return t;
}

/* Rows found through an index, as an array. */
struct rows {
    const void **rows;
    size_t n, allocated;
};

static void
rows_add(struct rows *r, const void *row)
{
    if (r->n >= r->allocated) {
        r->rows = x2nrealloc(r->rows, &r->allocated, sizeof *r->rows);
    }
    r->rows[r->n++] = row;
}

static void
vnet_ports(const struct view_parts *p, const struct vprec_vnet *vnet,
           struct rows *ports)
{
    struct vprec_port *key = vprec_port_index_init_row(p->ports_by_vnet);
    const struct vprec_port *port;

    vprec_port_index_set_vnet(key, vnet);
    VPREC_PORT_FOR_EACH_EQUAL (port, key, p->ports_by_vnet) {
        rows_add(ports, port);
    }
    vprec_port_index_destroy_row(key);
}

/* A tenant's rows: its VNets, their ports, its routes. */
static void
tenant_rows(const struct view_parts *p, const struct vprec_tenant *t,
            struct rows *vnets, struct rows *ports, struct rows *routes)
{
    struct vprec_vnet *vkey = vprec_vnet_index_init_row(p->vnets_by_tenant);
    const struct vprec_vnet *vnet;
    vprec_vnet_index_set_tenant(vkey, t);
    VPREC_VNET_FOR_EACH_EQUAL (vnet, vkey, p->vnets_by_tenant) {
        rows_add(vnets, vnet);
    }
    vprec_vnet_index_destroy_row(vkey);
    for (size_t i = 0; i < vnets->n; i++) {
        vnet_ports(p, vnets->rows[i], ports);
    }

    struct vprec_route *rkey = vprec_route_index_init_row(p->routes_by_tenant);
    const struct vprec_route *route;
    vprec_route_index_set_tenant(rkey, t);
    VPREC_ROUTE_FOR_EACH_EQUAL (route, rkey, p->routes_by_tenant) {
        rows_add(routes, route);
    }
    vprec_route_index_destroy_row(rkey);
}

/* A tenant's part: as host_view_compute() adds it for a host that serves
 * the tenant, less what the hosts' checks refuse. */
static struct part *
compute_tenant(struct view_parts *p, const struct vprec_tenant *t)
{
    struct rows vnets = { NULL, 0, 0 }, ports = { NULL, 0, 0 };
    struct rows routes = { NULL, 0, 0 };
    struct part *part = part_create();
    struct host_view *v = &part->view;
    const struct refusals *rs = &part->refused;

    p->stats.tenant_parts++;
    ref_tenant(p, &t->header_.uuid, t, t->n_nat_rules > 0);
    tenant_rows(p, t, &vnets, &ports, &routes);
    row_check_tenant(&part->refused,
                     (const struct vprec_vnet *const *) vnets.rows, vnets.n,
                     (const struct vprec_port *const *) ports.rows, ports.n,
                     (const struct vprec_route *const *) routes.rows,
                     routes.n);

    struct hmapx sent_vnets = HMAPX_INITIALIZER(&sent_vnets);
    for (size_t i = 0; i < vnets.n; i++) {
        const struct vprec_vnet *vnet = vnets.rows[i];
        ref_tenant(p, &vnet->header_.uuid, t, t->n_nat_rules > 0);
        if (hv_vnet_ok(v, vnet)
            && !refusals_has(rs, &vnet->header_.uuid, REFUSED_ROW)) {
            hv_add_vnet(v, vnet);
            hmapx_add(&sent_vnets, CONST_CAST(struct vprec_vnet *, vnet));
        }
    }
    for (size_t i = 0; i < ports.n; i++) {
        const struct vprec_port *port = ports.rows[i];
        ref_tenant(p, &port->header_.uuid, t, vpp_nat_follows_ports(t));
        for (size_t j = 0; j < port->n_firewall_rules; j++) {
            ref_tenant(p, &port->firewall_rules[j]->header_.uuid, t, false);
        }
        if (!hmapx_contains(&sent_vnets, port->vnet) || !hv_port_ok(v, port)
            || refusals_has(rs, &port->header_.uuid, REFUSED_ROW)) {
            continue;
        }
        if (host_view_port_vtep(port)) {
            hv_add_xlates(v, port);
        }
        if (port->n_firewall_rules
            && !refusals_has(rs, &port->header_.uuid, REFUSED_FIREWALL)) {
            hv_add_firewall(v, port);
        }
    }
    for (size_t i = 0; i < routes.n; i++) {
        const struct vprec_route *route = routes.rows[i];
        ref_tenant(p, &route->header_.uuid, t, false);
        if (!refusals_has(rs, &route->header_.uuid, REFUSED_ROW)) {
            hv_add_route(v, route);
        }
    }
    hmapx_destroy(&sent_vnets);
    free(vnets.rows);
    free(ports.rows);
    free(routes.rows);
    return part;
}

const struct part *
vpp_tenant_part(struct view_parts *p, const char *name)
{
    struct part *part = shash_find_data(&p->tenants, name);

    if (!part) {
        const struct vprec_tenant *t = tenant_by_name(p, name);
        if (!t) {
            return NULL;
        }
        part = compute_tenant(p, t);
        shash_add(&p->tenants, name, part);
    }
    return part;
}

const struct part *
vpp_global_part(struct view_parts *p, const struct ovsdb_idl *idl)
{
    if (!p->global) {
        p->global = part_create();
        row_check_nat(&p->global->refused, idl);
        hv_add_hosts_and_subsets(&p->global->view, idl);
        hv_add_nat_rules(&p->global->view, idl, &p->global->refused);
        p->stats.global_parts++;
    }
    return p->global;
}

/* Whether the tenant part of 'port' sends it and its VNet. */
static bool
port_sent(struct view_parts *p, struct host_view *v,
          const struct vprec_port *port)
{
    const struct part *tp = vpp_tenant_part(p, port->vnet->tenant->name);

    return (tp && hv_vnet_ok(v, port->vnet)
            && !refusals_has(&tp->refused, &port->vnet->header_.uuid,
                             REFUSED_ROW)
            && hv_port_ok(v, port)
            && !refusals_has(&tp->refused, &port->header_.uuid,
                             REFUSED_ROW));
}

/* A host's own part: its VM ports (those whose tenant part sends them,
 * and which the host's own checks take), its uplink, and the tenants it
 * serves -- those of its ports and, on a gateway, every tenant with
 * external access. */
struct host_part *
vpp_host_part(struct view_parts *p, const struct ovsdb_idl *idl,
          const struct vprec_host *host)
{
    struct host_part *hp = shash_find_data(&p->hosts, host->name);

    if (hp) {
        return hp;
    }
    hp = xmalloc(sizeof *hp);
    host_view_init(&hp->local);
    sset_init(&hp->tenants);
    refusals_init(&hp->refused);
    p->stats.host_parts++;
    ref_host(p, &host->header_.uuid, host->name);

    struct rows ports = { NULL, 0, 0 };
    struct vprec_port *key = vprec_port_index_init_row(p->ports_by_host);
    const struct vprec_port *port;
    vprec_port_index_set_host(key, host);
    VPREC_PORT_FOR_EACH_EQUAL (port, key, p->ports_by_host) {
        rows_add(&ports, port);
    }
    vprec_port_index_destroy_row(key);
    row_check_host(&hp->refused, host,
                   (const struct vprec_port *const *) ports.rows, ports.n);

    for (size_t i = 0; i < ports.n; i++) {
        port = ports.rows[i];
        ref_host(p, &port->header_.uuid, host->name);
        if (!port->name[0]) {
            continue;
        }
        sset_add(&hp->tenants, port->vnet->tenant->name);
        if (port_sent(p, &hp->local, port)
            && !refusals_has(&hp->refused, &port->header_.uuid,
                             REFUSED_LOCAL)) {
            hv_add_port(&hp->local, port);
        }
    }
    free(ports.rows);
    if (host->gateway) {
        const struct vprec_tenant *t;
        VPREC_TENANT_FOR_EACH (t, idl) {
            if (t->external_access) {
                sset_add(&hp->tenants, t->name);
            }
        }
    }
    hv_add_uplink(&hp->local, host);
    shash_add(&p->hosts, host->name, hp);
    return hp;
}

/* Computes every part the database has and the cache lacks, so that the
 * lists of refused rows are complete.  After a change that is the parts
 * it dropped. */
static const struct vprec_host *
host_by_name(const struct view_parts *p, const char *name)
{
    struct vprec_host *key = vprec_host_index_init_row(p->host_by_name);
    vprec_host_index_set_name(key, name);
    const struct vprec_host *h = vprec_host_index_find(p->host_by_name, key);
    vprec_host_index_destroy_row(key);
    return h;
}

void
vpp_complete(struct view_parts *p, const struct ovsdb_idl *idl)
{
    const char *name;

    if (!p->complete) {
        const struct vprec_tenant *t;
        VPREC_TENANT_FOR_EACH (t, idl) {
            vpp_tenant_part(p, t->name);
        }
        const struct vprec_host *h;
        VPREC_HOST_FOR_EACH (h, idl) {
            vpp_host_part(p, idl, h);
        }
    } else {
        SSET_FOR_EACH (name, &p->missing_tenants) {
            vpp_tenant_part(p, name);
        }
        SSET_FOR_EACH (name, &p->missing_hosts) {
            const struct vprec_host *h = host_by_name(p, name);
            if (h) {
                vpp_host_part(p, idl, h);
            }
        }
    }
    sset_clear(&p->missing_tenants);
    sset_clear(&p->missing_hosts);
    vpp_global_part(p, idl);
    p->complete = true;
}

void
vpp_add_all(struct host_view *v, const struct host_view *part)
{
    struct shash_node *node;

    SHASH_FOR_EACH (node, &part->entries) {
        host_view_add_shared(v, node->name, node->data);
    }
}

void
view_parts_assemble(struct view_parts *p, const struct ovsdb_idl *idl,
                    const struct vprec_host *host, struct host_view *v)
{
    const struct host_part *hp = vpp_host_part(p, idl, host);
    const char *name;
    SSET_FOR_EACH (name, &hp->tenants) {
        const struct part *tp = vpp_tenant_part(p, name);
        if (tp) {
            vpp_add_all(v, &tp->view);
        }
    }
    vpp_add_all(v, &hp->local);
    vpp_add_all(v, &vpp_global_part(p, idl)->view);
}

size_t
view_parts_refusals(struct view_parts *p, const struct ovsdb_idl *idl,
                    const struct refusals ***setsp)
{
    size_t n = 0;

    if (!p->complete) {
        vpp_complete(p, idl);
    }
    const struct refusals **sets = xmalloc((shash_count(&p->tenants)
                                            + shash_count(&p->hosts) + 1)
                                           * sizeof *sets);
    struct shash_node *node;
    SHASH_FOR_EACH (node, &p->tenants) {
        const struct part *part = node->data;
        sets[n++] = &part->refused;
    }
    SHASH_FOR_EACH (node, &p->hosts) {
        const struct host_part *hp = node->data;
        sets[n++] = &hp->refused;
    }
    sets[n++] = &p->global->refused;
    *setsp = sets;
    return n;
}

/* Verification. */

size_t
view_parts_verify(struct view_parts *p, const struct ovsdb_idl *idl,
                  struct ds *s)
{
    const struct vprec_host *host;
    size_t n_differ = 0, n = 0;
    struct refusals whole_refused;

    refusals_init(&whole_refused);
    row_check_all(&whole_refused, idl);
    VPREC_HOST_FOR_EACH (host, idl) {
        struct host_view parts, whole;

        host_view_init(&parts);
        host_view_init(&whole);
        view_parts_assemble(p, idl, host, &parts);
        host_view_compute(idl, host, &whole_refused, &whole);
        size_t before = s->length;
        ds_put_format(s, "host %s: the parts differ from the whole "
                      "computation:\n", host->name);
        size_t header = s->length;
        host_view_format_diff(&parts, &whole, s);
        if (s->length == header) {
            ds_truncate(s, before);
        } else {
            n_differ++;
        }
        host_view_destroy(&parts);
        host_view_destroy(&whole);
        n++;
    }
    refusals_destroy(&whole_refused);
    ds_put_format(s, "%"PRIuSIZE" hosts, %"PRIuSIZE" differ\n", n, n_differ);
    return n_differ;
}
