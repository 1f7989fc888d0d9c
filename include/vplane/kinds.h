/* include/vplane/kinds.h: the kinds of entries a controller sends a host, a
 * tables file holds and vplane-ctl dumps, listed once.
 *
 * Each row is VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER):
 *
 *   NAME      the kind, as in enum vp_kind's VP_KIND_NAME.
 *   LETTER    the first letter of the controller's view keys ("x/VNET/...").
 *   KEY       the member of a tables object ("add", "remove", a snapshot
 *             part, a tables file) that holds the kind (docs/protocol.md).
 *   SHAPE     ARRAY: an array of entries, each added and removed on its own;
 *             WHOLE: one object, replaced whole and never removed.
 *   IDENTITY  the members of an entry that name it in a "remove": one member
 *             (the removal holds its value) or several, comma-separated (the
 *             removal holds an object of those the entry has).  "" for WHOLE.
 *   OWNER     the host module that checks and holds it: TABLES (vp_tables,
 *             also in a tables file), PEERS (peers.c), SERVICES (services.c).
 *
 * The rows are in the order a host applies additions: VNets before what
 * refers to them.  Removals go in the reverse order.  Adding a kind is one
 * row here and one unit that parses, formats, checks and applies it; see
 * docs/architecture.md.  This header holds no code: kinds.c does. */
#ifndef VPLANE_KINDS_H
#define VPLANE_KINDS_H 1

#include <stdbool.h>
#include <stddef.h>

#define VP_KINDS                                                        \
    VP_KIND(VNET,     'v', "vnets",    ARRAY, "name",          TABLES)  \
    VP_KIND(PORT,     'p', "ports",    ARRAY, "name",          TABLES)  \
    VP_KIND(ROUTE,    'r', "routes",   ARRAY, "tenant,prefix", TABLES)  \
    VP_KIND(HOST,     'h', "hosts",    ARRAY, "name",          PEERS)   \
    VP_KIND(SUBSETS,  's', "subsets",  WHOLE, "",              PEERS)   \
    VP_KIND(UPLINK,   'u', "uplink",   WHOLE, "",              SERVICES) \
    VP_KIND(NAT,      'n', "nat",      ARRAY, "id",            SERVICES) \
    VP_KIND(FIREWALL, 'f', "firewall", ARRAY, "id",            SERVICES) \
    VP_KIND(XLATE,    'x', "xlate",    ARRAY, "vnet,mac,ip",   TABLES)

enum vp_kind {
#define VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER) VP_KIND_##NAME,
    VP_KINDS
#undef VP_KIND
    VP_N_KINDS
};

enum vp_kind_shape {
    VP_KIND_ARRAY,
    VP_KIND_WHOLE,
};

enum vp_kind_owner {
    VP_KIND_TABLES,
    VP_KIND_PEERS,
    VP_KIND_SERVICES,
};

struct vp_kind_info {
    enum vp_kind kind;
    char letter;
    const char *key;
    enum vp_kind_shape shape;
    const char *identity;
    enum vp_kind_owner owner;
};

/* Indexed by enum vp_kind, in the order of application. */
extern const struct vp_kind_info vp_kinds[VP_N_KINDS];

#define VP_KIND_FOR_EACH(INFO)                                          \
    for (const struct vp_kind_info *INFO = vp_kinds;                    \
         INFO < &vp_kinds[VP_N_KINDS]; INFO++)

/* The kind whose key is 'key' (or whose view keys start with 'letter'), or
 * NULL. */
const struct vp_kind_info *vp_kind_by_key(const char *key);
const struct vp_kind_info *vp_kind_by_letter(char letter);

/* The removal that names 'entry', an entry of 'k' (ARRAY kinds only), as
 * "remove" carries it.  The caller owns the result. */
struct json;
struct json *vp_kind_identity(const struct vp_kind_info *k,
                              const struct json *entry);

/* "vnets, ports, ..." for the kinds of 'owner', for error messages.  The
 * caller frees the result. */
char *vp_kinds_keys(enum vp_kind_owner owner);

#endif /* include/vplane/kinds.h */
