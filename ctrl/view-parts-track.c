/* ctrl/view-parts-track.c: what a database change does to the cached
 * view parts (see view-parts.h): the IDL's tracked rows drop the parts
 * they belonged to, before the change (their row_refs) and after it, and
 * name the hosts concerned; the parts dropped are kept as the change's
 * 'prev', so that a concerned host's update is the diff of those parts
 * only (view_parts_host_delta()).  Computing parts is view-parts.c's. */
#include <config.h>
#include "view-parts-private.h"

#include <stdlib.h>
#include <string.h>
#include "ctrl/vplane-idl.h"
#include "host-view-private.h"
#include "idl-track.h"
#include "ovsdb-idl.h"
#include "util.h"

/* Changes. */

struct change {
    struct sset tenants;        /* Parts dropped. */
    struct sset *hosts;         /* The hosts concerned. */
    bool all;
};

/* Drops a cached part, keeping it as the last change's 'prev' (the first
 * one replaced in this change). */
static void
drop_part(struct shash *parts, struct shash *prev, const char *name,
          void (*free_part)(void *))
{
    struct shash_node *node = shash_find(parts, name);

    if (node) {
        if (shash_find(prev, name)) {
            free_part(node->data);
        } else {
            shash_add(prev, name, node->data);
        }
        shash_delete(parts, node);
    }
}

static void
part_free_cb(void *part)
{
    vpp_part_free(part);
}

static void
host_part_free_cb(void *hp)
{
    vpp_host_part_free(hp);
}

/* ('name' may be the cached part's own key: noted before it goes.) */
static void
drop_tenant(struct view_parts *p, struct change *ch, const char *name)
{
    sset_add(&ch->tenants, name);
    sset_add(&p->missing_tenants, name);
    drop_part(&p->tenants, &p->prev_tenants, name, part_free_cb);
}

static void
drop_host(struct view_parts *p, struct change *ch, const char *name)
{
    sset_add(ch->hosts, name);
    sset_add(&p->missing_hosts, name);
    drop_part(&p->hosts, &p->prev_hosts, name, host_part_free_cb);
}

/* What 'uuid' was part of; a deleted row is forgotten. */
static void
drop_ref(struct view_parts *p, struct change *ch, const struct uuid *uuid,
         bool deleted)
{
    struct row_ref *r = vpp_ref_find(p, uuid);

    if (!r) {
        return;
    }
    if (r->tenant) {
        drop_tenant(p, ch, r->tenant);
    }
    if (r->host) {
        drop_host(p, ch, r->host);
    }
    ch->all |= r->nat;
    if (deleted) {
        hmap_remove(&p->refs, &r->node);
        vpp_ref_free(r);
    }
}

static void
port_changed(struct view_parts *p, struct change *ch,
             const struct vprec_port *port)
{
    bool deleted = vprec_port_is_deleted(port);

    drop_ref(p, ch, &port->header_.uuid, deleted);
    if (!deleted) {
        const struct vprec_tenant *t = port->vnet->tenant;
        drop_tenant(p, ch, t->name);
        ch->all |= vpp_nat_follows_ports(t);
        if (port->host) {
            drop_host(p, ch, port->host->name);
        }
    }
}

/* The hosts of a VNet's ports: their local ports, and the tenants they
 * serve if the VNet changed tenant. */
static void
drop_vnet_hosts(struct view_parts *p, struct change *ch,
                const struct vprec_vnet *vnet)
{
    struct vprec_port *key = vprec_port_index_init_row(p->ports_by_vnet);
    const struct vprec_port *port;

    vprec_port_index_set_vnet(key, vnet);
    VPREC_PORT_FOR_EACH_EQUAL (port, key, p->ports_by_vnet) {
        if (port->host) {
            drop_host(p, ch, port->host->name);
        }
    }
    vprec_port_index_destroy_row(key);
}

/* Every host's entry (with its subsets and SNAT blocks, which the
 * controller rewrites when hosts come and go) is in the global part; only
 * what its own part holds drops that, and only its VTEP the parts of the
 * tenants of its ports (their VMs' locations). */
static void
host_changed(struct view_parts *p, struct change *ch,
             const struct vprec_host *h)
{
    bool deleted = vprec_host_is_deleted(h);

    ch->all = true;
    if (deleted || vprec_host_is_new(h)
        || vprec_host_is_updated(h, VPREC_HOST_COL_NAME)) {
        drop_ref(p, ch, &h->header_.uuid, deleted);
        if (!deleted) {
            drop_host(p, ch, h->name);
        }
        return;
    }
    if (vprec_host_is_updated(h, VPREC_HOST_COL_GATEWAY)
        || vprec_host_is_updated(h, VPREC_HOST_COL_UPLINK)
        || vprec_host_is_updated(h, VPREC_HOST_COL_UPLINK_ADDRESS)
        || vprec_host_is_updated(h, VPREC_HOST_COL_UPLINK_ROUTER)) {
        drop_host(p, ch, h->name);
    }
    if (vprec_host_is_updated(h, VPREC_HOST_COL_VTEP)) {
        struct vprec_port *key = vprec_port_index_init_row(p->ports_by_host);
        const struct vprec_port *port;
        vprec_port_index_set_host(key, h);
        VPREC_PORT_FOR_EACH_EQUAL (port, key, p->ports_by_host) {
            drop_tenant(p, ch, port->vnet->tenant->name);
        }
        vprec_port_index_destroy_row(key);
    }
}

bool
view_parts_changed(struct view_parts *p, struct ovsdb_idl *idl,
                   struct sset *hosts)
{
    struct change ch = { .tenants = SSET_INITIALIZER(&ch.tenants),
                         .hosts = hosts };

    p->stats.changes++;
    vpp_prev_clear(p);

    const struct vprec_vnet *vnet;
    VPREC_VNET_FOR_EACH_TRACKED (vnet, idl) {
        if (!IDL_ROW_CHANGED_ITSELF(vnet, vnet, VNET)) {
            continue;
        }
        bool deleted = vprec_vnet_is_deleted(vnet);
        drop_ref(p, &ch, &vnet->header_.uuid, deleted);
        if (deleted) {
            continue;
        }
        drop_tenant(p, &ch, vnet->tenant->name);
        drop_vnet_hosts(p, &ch, vnet);
        /* A NAT rule names a VNI of its tenant (nat_tenant_vni()). */
        ch.all |= vnet->tenant->n_nat_rules > 0;
    }
    const struct vprec_port *port;
    VPREC_PORT_FOR_EACH_TRACKED (port, idl) {
        if (IDL_ROW_CHANGED_ITSELF(port, port, PORT)) {
            port_changed(p, &ch, port);
        }
    }
    const struct vprec_route *route;
    VPREC_ROUTE_FOR_EACH_TRACKED (route, idl) {
        if (!IDL_ROW_CHANGED_ITSELF(route, route, ROUTE)) {
            continue;
        }
        bool deleted = vprec_route_is_deleted(route);
        drop_ref(p, &ch, &route->header_.uuid, deleted);
        if (!deleted) {
            drop_tenant(p, &ch, route->tenant->name);
        }
    }
    const struct vprec_firewall_rule *rule;
    VPREC_FIREWALL_RULE_FOR_EACH_TRACKED (rule, idl) {
        if (!IDL_ROW_CHANGED_ITSELF(rule, firewall_rule, FIREWALL_RULE)) {
            continue;
        }
        drop_ref(p, &ch, &rule->header_.uuid,
                 vprec_firewall_rule_is_deleted(rule));
    }
    /* A tenant's external access decides what gateways serve, and its NAT
     * rules are in the global part. */
    const struct vprec_tenant *t;
    bool tenants_changed = false;
    VPREC_TENANT_FOR_EACH_TRACKED (t, idl) {
        bool deleted = vprec_tenant_is_deleted(t);
        drop_ref(p, &ch, &t->header_.uuid, deleted);
        if (!deleted) {
            drop_tenant(p, &ch, t->name);
        }
        tenants_changed = ch.all = true;
    }
    if (tenants_changed) {
        /* What gateways serve follows the tenants' external access. */
        struct shash_node *node, *next;
        SHASH_FOR_EACH_SAFE (node, next, &p->hosts) {
            drop_host(p, &ch, node->name);
        }
    }
    /* Every host has every host's entry, and the subset assignment. */
    const struct vprec_host *h;
    VPREC_HOST_FOR_EACH_TRACKED (h, idl) {
        host_changed(p, &ch, h);
    }
    const struct vprec_nat_rule *nat;
    VPREC_NAT_RULE_FOR_EACH_TRACKED (nat, idl) {
        ch.all |= IDL_ROW_CHANGED_ITSELF(nat, nat_rule, NAT_RULE);
    }
    const struct vprec_deployment *d;
    VPREC_DEPLOYMENT_FOR_EACH_TRACKED (d, idl) {
        ch.all = true;
    }
    ovsdb_idl_track_clear(idl);

    if (ch.all) {
        p->prev_global = p->global;
        p->global = NULL;
        p->global_changed = true;
        p->stats.all_hosts++;
    }
    vpp_complete(p, idl);

    /* The hosts that serve a tenant whose part changed.  Their own ports
     * follow what the tenant's part refuses: if that changed, their parts
     * are computed again too. */
    struct sset refusals_changed = SSET_INITIALIZER(&refusals_changed);
    const char *name;
    SSET_FOR_EACH (name, &ch.tenants) {
        const struct part *old = shash_find_data(&p->prev_tenants, name);
        const struct part *new = shash_find_data(&p->tenants, name);
        if (!old || !new || !refusals_equal(&old->refused, &new->refused)) {
            sset_add(&refusals_changed, name);
        }
    }
    struct shash_node *node, *next;
    SHASH_FOR_EACH_SAFE (node, next, &p->hosts) {
        const struct host_part *hp = node->data;
        SSET_FOR_EACH (name, &ch.tenants) {
            if (sset_contains(&hp->tenants, name)) {
                sset_add(hosts, node->name);
                if (sset_contains(&refusals_changed, name)) {
                    drop_host(p, &ch, node->name);
                }
                break;
            }
        }
    }
    sset_destroy(&refusals_changed);
    vpp_complete(p, idl);
    sset_swap(&p->changed_tenants, &ch.tenants);
    sset_destroy(&ch.tenants);
    return ch.all;
}

/* The global part's entries the last change replaced, removed or added
 * (view_parts.global_was and global_is), computed on first use. */
static void
global_delta(struct view_parts *p, const struct ovsdb_idl *idl)
{
    const struct host_view *is = &vpp_global_part(p, idl)->view;
    const struct host_view *was = p->prev_global ? &p->prev_global->view
                                                 : NULL;
    struct shash_node *node;

    if (p->global_delta_ready) {
        return;
    }
    SHASH_FOR_EACH (node, &is->entries) {
        struct view_entry *e = node->data;
        struct view_entry *o = was ? shash_find_data(&was->entries,
                                                     node->name) : NULL;
        if (!o || (o != e && strcmp(o->text, e->text))) {
            host_view_add_shared(&p->global_is, node->name, e);
            if (o) {
                host_view_add_shared(&p->global_was, node->name, o);
            }
        }
    }
    if (was) {
        SHASH_FOR_EACH (node, &was->entries) {
            if (!shash_find(&is->entries, node->name)) {
                host_view_add_shared(&p->global_was, node->name,
                                     node->data);
            }
        }
    }
    p->global_delta_ready = true;
}

bool
view_parts_host_delta(struct view_parts *p, const struct ovsdb_idl *idl,
                      const struct vprec_host *host, struct host_view *old,
                      struct host_view *new)
{
    const struct host_part *hp = vpp_host_part(p, idl, host);
    const struct host_part *prev = shash_find_data(&p->prev_hosts,
                                                   host->name);

    if (prev) {
        if (!sset_equals(&prev->tenants, &hp->tenants)) {
            return false;
        }
        vpp_add_all(old, &prev->local);
        vpp_add_all(new, &hp->local);
    }
    const char *name;
    SSET_FOR_EACH (name, &hp->tenants) {
        if (sset_contains(&p->changed_tenants, name)) {
            const struct part *was = shash_find_data(&p->prev_tenants, name);
            const struct part *is = vpp_tenant_part(p, name);
            if (was) {
                vpp_add_all(old, &was->view);
            }
            if (is) {
                vpp_add_all(new, &is->view);
            }
        }
    }
    if (p->global_changed) {
        global_delta(p, idl);
        vpp_add_all(old, &p->global_was);
        vpp_add_all(new, &p->global_is);
    }
    return true;
}

