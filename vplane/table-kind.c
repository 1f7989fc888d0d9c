/* vplane/table-kind.c: the tables' kinds, bound to include/vplane/kinds.h's
 * rows (each TABLES row to its unit's vp_table_kind_NAME), and what more
 * than one unit uses to name an entry.  See vplane/table-kind.h. */
#include <config.h>
#include "table-kind.h"

#include "openvswitch/json.h"
#include "tables-config.h"
#include "util.h"

const struct vp_table_kind *const vp_table_kinds[VP_N_KINDS] = {
#define VP_KIND(NAME, LETTER, KEY, SHAPE, IDENTITY, OWNER) \
    [VP_KIND_##NAME] = VP_TABLE_KIND_##OWNER(NAME),
    VP_KINDS
#undef VP_KIND
};

char *
tables_parse_name_id(const struct json *e, const char *key, size_t i,
                     struct vp_config *pool, void *id_)
{
    const char **id = id_;

    if (e->type != JSON_STRING) {
        return xasprintf("remove.%s[%"PRIuSIZE"]: must be a string", key, i);
    }
    *id = vp_config_intern(pool, json_string(e));
    return NULL;
}
