/* vplane/kinds.c: the kinds list (include/vplane/kinds.h) as data, and what
 * follows from a row alone: lookups and an entry's identity.  The host, the
 * controller and vplane-ctl link it; what a kind means to the tables is its
 * unit's (kind-*.c, bound to the rows in table-kind.c), to the peers and
 * services peers.c's and services.c's. */
#include <config.h>
#include "vplane/kinds.h"

#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "util.h"

const struct vp_kind_info vp_kinds[VP_N_KINDS] = {
#define VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER)      \
    [VP_KIND_##NAME] = { VP_KIND_##NAME, LETTER, KEY, VP_KIND_##SHAPE, \
                         IDENTITY, VP_KIND_##OWNER },
    VP_KINDS
#undef VP_KIND
};

const struct vp_kind_info *
vp_kind_by_key(const char *key)
{
    VP_KIND_FOR_EACH (k) {
        if (!strcmp(k->key, key)) {
            return k;
        }
    }
    return NULL;
}

const struct vp_kind_info *
vp_kind_by_letter(char letter)
{
    VP_KIND_FOR_EACH (k) {
        if (k->letter == letter) {
            return k;
        }
    }
    return NULL;
}

struct json *
vp_kind_identity(const struct vp_kind_info *k, const struct json *entry)
{
    const struct shash *o = json_object(entry);

    if (!strchr(k->identity, ',')) {
        const struct json *v = shash_find_data(o, k->identity);
        return v ? json_clone(v) : json_null_create();
    }

    struct json *id = json_object_create();
    char *members = xstrdup(k->identity), *save = NULL;
    for (char *m = strtok_r(members, ",", &save); m;
         m = strtok_r(NULL, ",", &save)) {
        const struct json *v = shash_find_data(o, m);
        if (v) {
            json_object_put(id, m, json_clone(v));
        }
    }
    free(members);
    return id;
}

char *
vp_kinds_keys(enum vp_kind_owner owner)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    VP_KIND_FOR_EACH (k) {
        if (k->owner == owner) {
            ds_put_format(&s, "%s%s", s.length ? ", " : "", k->key);
        }
    }
    return ds_steal_cstr(&s);
}
