/* ctrl/nb-check-scope.c: which parts of the database a transaction in
 * progress touches, for nb_check_scope() (see nb-check.h).
 *
 * Rows are found by comparing their datums (an IDL row a transaction wrote
 * has new_datum != old_datum): a pointer comparison a row, not a check.
 * What a written row concerns is read from both its committed and its new
 * data, so that a port moved from one VNet or host to another makes both
 * parts checked.  Deletions cannot be found this way (an IDL iteration
 * skips deleted rows), so nb_scope_start() remembers the committed
 * tenants, VNets and hosts, a few rows beside the ports; a deleted port,
 * route or rule takes nothing from the checks of what remains. */
#include <config.h>
#include "nb-check.h"

#include "bitmap.h"
#include "hash.h"
#include "ctrl/vplane-idl.h"
#include "ovsdb-data.h"
#include "ovsdb-idl-provider.h"

void
nb_scope_init(struct nb_scope *s)
{
    s->all = s->nat = false;
    s->ports_by_vnet = s->ports_by_host = NULL;
    uuidset_init(&s->written_ports);
    uuidset_init(&s->tenants);
    uuidset_init(&s->vnets);
    uuidset_init(&s->hosts);
    hmapx_init(&s->committed);
}

void
nb_scope_destroy(struct nb_scope *s)
{
    uuidset_destroy(&s->tenants);
    uuidset_destroy(&s->vnets);
    uuidset_destroy(&s->hosts);
    hmapx_destroy(&s->committed);
    uuidset_destroy(&s->written_ports);
}

void
nb_scope_start(struct nb_scope *s, const struct ovsdb_idl *idl)
{
    const struct vprec_tenant *t;
    const struct vprec_vnet *v;
    const struct vprec_host *h;

    VPREC_TENANT_FOR_EACH (t, idl) {
        hmapx_add(&s->committed, CONST_CAST(struct ovsdb_idl_row *,
                                            &t->header_));
    }
    VPREC_VNET_FOR_EACH (v, idl) {
        hmapx_add(&s->committed, CONST_CAST(struct ovsdb_idl_row *,
                                            &v->header_));
    }
    VPREC_HOST_FOR_EACH (h, idl) {
        hmapx_add(&s->committed, CONST_CAST(struct ovsdb_idl_row *,
                                            &h->header_));
    }
}

static bool
written(const struct ovsdb_idl_row *row)
{
    return row->new_datum != row->old_datum;
}

/* Column 'col' of 'row': committed ('new' false, NULL if inserted) or as
 * the transaction leaves it (NULL if deleted).  A modified row's new_datum
 * holds only the columns written (ovsdb-idl-provider.h). */
static const struct ovsdb_datum *
column(const struct ovsdb_idl_row *row, size_t col, bool new)
{
    if (new && !row->new_datum) {
        return NULL;
    } else if (new && row->written && bitmap_is_set(row->written, col)) {
        return &row->new_datum[col];
    }
    return row->old_datum ? &row->old_datum[col] : NULL;
}

/* The uuid that column 'col' of 'row' (committed or new) refers to. */
static const struct uuid *
ref(const struct ovsdb_idl_row *row, size_t col, bool new)
{
    const struct ovsdb_datum *d = column(row, col, new);
    return d && d->n ? &d->keys[0].uuid : NULL;
}

static void
add_uuid(struct uuidset *set, const struct uuid *uuid)
{
    if (uuid && !uuidset_find(set, uuid)) {
        uuidset_insert(set, uuid);
    }
}

/* Adds what column 'col' of 'row' refers to, before and after, to 'set'. */
static void
add_refs(struct uuidset *set, const struct ovsdb_idl_row *row, size_t col)
{
    add_uuid(set, ref(row, col, false));
    add_uuid(set, ref(row, col, true));
}

/* The tenants of the VNet that 'uuid' names, before and after; if there
 * is no such VNet, its uuid. */
static void
add_vnet_tenant(struct nb_scope *s, const struct ovsdb_idl *idl,
                const struct uuid *uuid)
{
    const struct vprec_vnet *v;

    if (uuid && (v = vprec_vnet_get_for_uuid(idl, uuid))) {
        add_refs(&s->tenants, &v->header_, VPREC_VNET_COL_TENANT);
    } else {
        add_uuid(&s->vnets, uuid);      /* Gone: what refers to it fails. */
    }
}

static void
scope_deployment(struct nb_scope *s, const struct ovsdb_idl *idl)
{
    const struct vprec_deployment *d = vprec_deployment_first(idl);
    const struct ovsdb_idl_row *row = d ? &d->header_ : NULL;

    if (!row || !written(row)) {
        return;
    }
    if (!row->old_datum || !row->written) {
        s->all = true;
        return;
    }
    /* Every transaction bumps nb_seqno (nbctl.h); any other setting (the
     * WAN VNI, ...) may concern every VNet. */
    for (size_t i = 0; i < VPREC_DEPLOYMENT_N_COLUMNS; i++) {
        if (i != VPREC_DEPLOYMENT_COL_NB_SEQNO
            && bitmap_is_set(row->written, i)) {
            s->all = true;
        }
    }
}

void
nb_scope_finish(struct nb_scope *s, const struct ovsdb_idl *idl)
{
    struct hmapx_node *node;

    scope_deployment(s, idl);
    HMAPX_FOR_EACH (node, &s->committed) {
        const struct ovsdb_idl_row *row = node->data;
        if (row->new_datum) {
            continue;
        }
        /* Deleted: what referred to it is checked (and fails). */
        if (row->table->class_ == &vprec_table_tenant) {
            add_uuid(&s->tenants, &row->uuid);
            s->nat = true;
        } else if (row->table->class_ == &vprec_table_vnet) {
            add_uuid(&s->vnets, &row->uuid);
            add_refs(&s->tenants, row, VPREC_VNET_COL_TENANT);
            s->nat = true;
        } else {
            s->all = true;  /* A host: rare, and its VTEP concerns all. */
        }
    }

    const struct vprec_host *h;
    VPREC_HOST_FOR_EACH (h, idl) {
        s->all |= written(&h->header_);
    }
    const struct vprec_tenant *t;
    VPREC_TENANT_FOR_EACH (t, idl) {
        if (written(&t->header_)) {
            add_uuid(&s->tenants, &t->header_.uuid);
            s->nat = true;
        }
    }
    const struct vprec_vnet *v;
    VPREC_VNET_FOR_EACH (v, idl) {
        if (written(&v->header_)) {
            add_refs(&s->tenants, &v->header_, VPREC_VNET_COL_TENANT);
            s->nat = true;
        }
    }
    const struct vprec_route *r;
    VPREC_ROUTE_FOR_EACH (r, idl) {
        if (written(&r->header_)) {
            add_refs(&s->tenants, &r->header_, VPREC_ROUTE_COL_TENANT);
        }
    }
    const struct vprec_nat_rule *n;
    VPREC_NAT_RULE_FOR_EACH (n, idl) {
        s->nat |= written(&n->header_);
    }
    /* A new rule is referred to only by a port written here (checked
     * whole); a changed one (`set`, rare) may be any port's. */
    const struct vprec_firewall_rule *f;
    VPREC_FIREWALL_RULE_FOR_EACH (f, idl) {
        s->all |= written(&f->header_) && f->header_.old_datum;
    }
    const struct vprec_port *p;
    VPREC_PORT_FOR_EACH (p, idl) {
        const struct ovsdb_idl_row *row = &p->header_;
        if (written(row)) {
            add_uuid(&s->written_ports, &row->uuid);
            add_vnet_tenant(s, idl, ref(row, VPREC_PORT_COL_VNET, false));
            add_vnet_tenant(s, idl, ref(row, VPREC_PORT_COL_VNET, true));
            add_refs(&s->hosts, row, VPREC_PORT_COL_HOST);
        }
    }
}

/* Predicates for nb-check.c.  A row whose reference leads nowhere is in
 * every scope: the check reports it. */

bool
nb_scope_has_tenant_ref(const struct nb_scope *s,
                        const struct ovsdb_idl_row *row,
                        const struct ovsdb_datum *tenant)
{
    return (!s || s->all || written(row) || !tenant->n
            || uuidset_find(&s->tenants, &tenant->keys[0].uuid));
}

bool
nb_scope_has_vnet(const struct nb_scope *s, const struct vprec_vnet *v)
{
    return (!s || s->all || uuidset_find(&s->vnets, &v->header_.uuid)
            || nb_scope_has_tenant_ref(s, &v->header_,
                                       vprec_vnet_get_tenant(
                                           v, OVSDB_TYPE_UUID)));
}

enum nb_port_part
nb_scope_port(const struct nb_scope *s, const struct ovsdb_idl *idl,
              const struct vprec_port *p)
{
    const struct ovsdb_datum *vnet = vprec_port_get_vnet(p, OVSDB_TYPE_UUID);
    const struct ovsdb_datum *host = vprec_port_get_host(p, OVSDB_TYPE_UUID);
    const struct vprec_vnet *v;

    if (!s || s->all || written(&p->header_) || !vnet->n
        || uuidset_find(&s->vnets, &vnet->keys[0].uuid)
        || !(v = vprec_vnet_get_for_uuid(idl, &vnet->keys[0].uuid))
        || nb_scope_has_vnet(s, v)) {
        return NB_PORT_ALL;
    }
    return (host->n && uuidset_find(&s->hosts, &host->keys[0].uuid)
            ? NB_PORT_HOST : NB_PORT_OUT);
}

/* A port already in the list, and where. */
struct seen_port {
    struct hmap_node node;      /* In a hmap, by hash_pointer(port). */
    const struct vprec_port *port;
    size_t idx;
};

static void
add_port(struct hmap *seen, struct nb_scoped_port **ports, size_t *n,
         size_t *allocated, const struct vprec_port *p,
         enum nb_port_part part)
{
    uint32_t hash = hash_pointer(p, 0);
    struct seen_port *sp;

    HMAP_FOR_EACH_WITH_HASH (sp, node, hash, seen) {
        if (sp->port == p) {
            /* Seen as a host's: perhaps now as its tenant's too. */
            (*ports)[sp->idx].part = MAX((*ports)[sp->idx].part, part);
            return;
        }
    }
    if (*n >= *allocated) {
        *ports = x2nrealloc(*ports, allocated, sizeof **ports);
    }
    (*ports)[*n] = (struct nb_scoped_port) { p, part };
    sp = xmalloc(sizeof *sp);
    sp->port = p;
    sp->idx = (*n)++;
    hmap_insert(seen, &sp->node, hash);
}

static void
seen_destroy(struct hmap *seen)
{
    struct seen_port *sp;

    HMAP_FOR_EACH_POP (sp, node, seen) {
        free(sp);
    }
    hmap_destroy(seen);
}

/* With the indexes: the ports of the VNets in scope, of the hosts in scope
 * and those written.  Without (or when a VNet was deleted: its ports are
 * found by its uuid only), a walk over every port. */
size_t
nb_scope_ports(const struct nb_scope *s, const struct ovsdb_idl *idl,
               struct nb_scoped_port **ports)
{
    struct hmap seen = HMAP_INITIALIZER(&seen);
    size_t n = 0, allocated = 0;
    const struct vprec_port *p;

    *ports = NULL;
    if (!s || s->all || !s->ports_by_vnet || !s->ports_by_host
        || !uuidset_is_empty(&s->vnets)) {
        VPREC_PORT_FOR_EACH (p, idl) {
            enum nb_port_part part = nb_scope_port(s, idl, p);
            if (part != NB_PORT_OUT) {
                add_port(&seen, ports, &n, &allocated, p, part);
            }
        }
        seen_destroy(&seen);
        return n;
    }

    /* (By uuid: once the transaction is aborted, for the check of the
     * database as committed, those it inserted are gone.) */
    struct uuidset_node *un;
    UUIDSET_FOR_EACH (un, &s->written_ports) {
        if ((p = vprec_port_get_for_uuid(idl, &un->uuid))) {
            add_port(&seen, ports, &n, &allocated, p, NB_PORT_ALL);
        }
    }
    const struct vprec_vnet *v;
    VPREC_VNET_FOR_EACH (v, idl) {
        if (!nb_scope_has_vnet(s, v)) {
            continue;
        }
        struct vprec_port *key = vprec_port_index_init_row(s->ports_by_vnet);
        vprec_port_index_set_vnet(key, v);
        VPREC_PORT_FOR_EACH_EQUAL (p, key, s->ports_by_vnet) {
            add_port(&seen, ports, &n, &allocated, p, NB_PORT_ALL);
        }
        vprec_port_index_destroy_row(key);
    }
    UUIDSET_FOR_EACH (un, &s->hosts) {
        const struct vprec_host *h = vprec_host_get_for_uuid(idl, &un->uuid);
        if (!h) {
            continue;
        }
        struct vprec_port *key = vprec_port_index_init_row(s->ports_by_host);
        vprec_port_index_set_host(key, h);
        VPREC_PORT_FOR_EACH_EQUAL (p, key, s->ports_by_host) {
            add_port(&seen, ports, &n, &allocated, p, NB_PORT_HOST);
        }
        vprec_port_index_destroy_row(key);
    }
    seen_destroy(&seen);
    return n;
}
