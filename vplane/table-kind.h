/* vplane/table-kind.h: what a kind of entry held by the tables (a TABLES row
 * of include/vplane/kinds.h) is to the host, as one set of operations that
 * its unit (kind-vnet.c, kind-port.c, kind-route.c, kind-xlate.c) defines:
 * parse and export, identity, check, apply and remove, dump.  The framework
 * (tables-json.c, tables-check.c, tables-apply.c, tables-sync.c,
 * table-kind.c, ctl-dumps.c) walks the kinds list and calls these; it names
 * no kind.  The peers' and services' kinds are not here: their state lives
 * in struct vp_peers and vp_services, which the session clones per update,
 * and their modules take a whole section (ctrl-client.c dispatches by
 * owner).
 *
 * Private to the tables and vplane-ctl's dumps. */
#ifndef VPLANE_TABLE_KIND_H
#define VPLANE_TABLE_KIND_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hmapx.h"
#include "openvswitch/compiler.h"
#include "openvswitch/types.h"
#include "vplane/kinds.h"

struct check_ctx;
struct ctl_dump;
struct ds;
struct json;
struct vp_config;
struct vp_removal;
struct vp_tables;

/* What applying a batch collects, rebuilt once at the end (tables_apply()):
 * tenants whose RIB and VNets whose flood list and hosts changed. */
struct apply_ctx {
    struct vp_tables *t;
    struct hmapx tenants;       /* struct vp_tenant *. */
    struct hmapx floods;        /* struct vp_vnet *. */
};

struct vp_table_kind {
    /* Parse and format (tables files, snapshots, updates, exports).
     *
     * Adds the entry 'j' found at 'path' (e.g. "xlate[3]") to 'c', checking
     * types and syntax only; or returns an error that names 'path'. */
    char *(*parse)(struct vp_config *c, const char *path,
                   const struct json *j);
    /* The kind's entries in 't', sorted, as a tables file holds them. */
    struct json *(*export)(const struct vp_tables *t);

    /* Identity: what a "remove" names (kinds.h's IDENTITY column).
     *
     * Parses element 'i' of the "remove" section 'key' into 'id'
     * ('id_size' bytes), names interned in 'pool'. */
    size_t id_size;
    char *(*parse_id)(const struct json *e, const char *key, size_t i,
                      struct vp_config *pool, void *id);
    /* Adds to 'r' the identities of the entries of 't' that the snapshot
     * 'snap' does not hold as they are, names interned in 'pool'. */
    void (*stale)(const struct vp_tables *t, const struct vp_config *snap,
                  struct vp_config *pool, struct vp_removal *r);
    const char *noun;           /* Plural, for log lines: "VNets". */

    /* Check (tables-check.c calls these in the kinds' order).
     *
     * Hides the entry 'id' names from the check's view of the live tables
     * (ctx->gone[kind]), as a removal will take it away. */
    void (*hide)(struct check_ctx *ctx, const void *id);
    /* Checks the batch's entries of this kind against the live tables as
     * the removal leaves them and against the batch. */
    char *(*check)(struct check_ctx *ctx);

    /* Apply and remove.
     *
     * How many entries of this kind 'c' holds; applies the checked entry
     * 'i' of them, returning whether the tables changed in a way that is
     * not recorded in 'ctx'. */
    size_t (*n_specs)(const struct vp_config *c);
    bool (*apply)(struct apply_ctx *ctx, const struct vp_config *c,
                  size_t i);
    /* Removes the entry 'id' names, with what depends on it; an entry that
     * is not there is not an error. */
    void (*remove)(struct vp_tables *t, const void *id);

    /* Dump (ctl-dumps.c): 'dump_command' NULL for none.  'dump_rows' gives
     * each row to ctl_dump_row(), filtered on 'dump_cols'. */
    const char *dump_command;
    void (*dump_rows)(const struct vp_tables *, struct ctl_dump *,
                      const char *const cols[]);
    const char *const *dump_cols;
    void (*dump_header)(struct ds *);
    void (*dump_format)(const struct json *row, struct ds *);
};

/* A TABLES row of VP_KINDS refers to vp_table_kind_NAME, defined in its
 * unit; the other owners' rows to nothing.  So the kinds list stays the
 * only list: a TABLES row without a unit does not link. */
#define VP_TABLE_KIND_TABLES(NAME) &vp_table_kind_##NAME
#define VP_TABLE_KIND_PEERS(NAME) NULL
#define VP_TABLE_KIND_SERVICES(NAME) NULL
#define VP_TABLE_KIND_DECLARE_TABLES(NAME) \
    extern const struct vp_table_kind vp_table_kind_##NAME;
#define VP_TABLE_KIND_DECLARE_PEERS(NAME)
#define VP_TABLE_KIND_DECLARE_SERVICES(NAME)
#define VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER) \
    VP_TABLE_KIND_DECLARE_##OWNER(NAME)
VP_KINDS
#undef VP_KIND

/* Indexed by enum vp_kind: NULL for a kind the tables do not hold. */
extern const struct vp_table_kind *const vp_table_kinds[VP_N_KINDS];

/* Walks the tables' kinds in the order of application, INFO the row and
 * TK its operations. */
#define VP_TABLE_KIND_FOR_EACH(INFO, TK)                                \
    VP_KIND_FOR_EACH (INFO)                                             \
        for (const struct vp_table_kind *TK = vp_table_kinds[INFO->kind]; \
             TK; TK = NULL)

/* Identities of the snapshot that tables_sync() compares with the live
 * tables (tables-sync.c): (scope, a, b) with 'scope' a VNet or tenant
 * name. */
struct hmap;
void tables_sync_key_add(struct hmap *, const char *scope, uint64_t a,
                         uint64_t b);
bool tables_sync_key_find(const struct hmap *, const char *scope, uint64_t a,
                          uint64_t b);
void tables_sync_keys_destroy(struct hmap *);

/* An identity that is one name (a "remove" section of strings): parse_id
 * for kinds whose 'id_size' is sizeof(const char *). */
char *tables_parse_name_id(const struct json *e, const char *key, size_t i,
                           struct vp_config *pool, void *id)
    OVS_WARN_UNUSED_RESULT;

/* Shared by the units' exports. */
struct json *tables_ip_json(ovs_be32);
struct json *tables_mac_json(struct eth_addr);
/* Parses the JSON array of strings 'array', member 'field' of the entry at
 * 'path', into 'out' (an array of 'size'-byte elements) with 'parse'. */
char *tables_parse_strings(const char *path, const char *field,
                           const struct json *array,
                           char *(*parse)(const char *field, const char *s,
                                          void *out),
                           void *out, size_t size, size_t *n)
    OVS_WARN_UNUSED_RESULT;

#endif /* vplane/table-kind.h */
