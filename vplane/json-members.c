/* vplane/json-members.c: checking a JSON object's members (json-members.h).
 *
 * Why not Open vSwitch's ovsdb_parser (lib/ovsdb-parser.h)?  It checks the
 * same things, but its errors are OVSDB's ("Parsing xlate[17] failed:
 * Required 'vtep' member is missing."), returned as struct ovsdb_error, and
 * say nothing of what a member must be.  Ours name the offending path as
 * operators, docs/protocol.md and the tests read it ("xlate[17].vtep:
 * missing", "vnets[0].vni: must be an integer"), and every parser of a
 * tables object, a controller message or a removal shares this one helper
 * instead of each having its own. */
#include <config.h>
#include "json-members.h"

#include "jsonrpc.h"

#include <stdlib.h>
#include <string.h>
#include "openvswitch/shash.h"
#include "util.h"

static const char *
type_name(enum json_type type)
{
    return (type == JSON_INTEGER ? "an integer"
            : type == JSON_STRING ? "a string"
            : type == JSON_ARRAY ? "an array"
            : type == JSON_OBJECT ? "an object" : json_type_to_string(type));
}

char *
json_members_get(const char *path, const struct json *obj,
                 struct json_member m[], size_t n, bool strict)
{
    if (obj->type != JSON_OBJECT) {
        return xasprintf("%s: must be an object", path);
    }

    struct shash_node *node;
    SHASH_FOR_EACH (node, json_object(obj)) {
        size_t i;
        for (i = 0; i < n && strcmp(m[i].name, node->name); i++) {
            continue;
        }
        if (strict && i == n) {
            return xasprintf("%s: unknown member \"%s\"", path, node->name);
        }
    }
    for (size_t i = 0; i < n; i++) {
        const struct json *v = shash_find_data(json_object(obj), m[i].name);
        *m[i].value = v;
        if (!v) {
            if (!m[i].optional) {
                return xasprintf("%s.%s: missing", path, m[i].name);
            }
        } else if (v->type != m[i].type) {
            return xasprintf("%s.%s: must be %s", path, m[i].name,
                             type_name(m[i].type));
        }
    }
    return NULL;
}

const char *
json_members_string(const struct json *obj, const char *name)
{
    const struct json *v = (obj->type == JSON_OBJECT
                            ? shash_find_data(json_object(obj), name) : NULL);
    return v && v->type == JSON_STRING ? json_string(v) : NULL;
}

char *
json_members_at(const char *path, char *error)
{
    char *e = error ? xasprintf("%s.%s", path, error) : NULL;
    free(error);
    return e;
}

const struct json *
json_members_object_param(const struct jsonrpc_msg *msg)
{
    const struct json_array *a;

    if (!msg->params || msg->params->type != JSON_ARRAY) {
        return NULL;
    }
    a = json_array(msg->params);
    return (a->n == 1 && a->elems[0]->type == JSON_OBJECT ? a->elems[0]
            : NULL);
}
