/* vplane/json-members.h: the one helper that checks a JSON object's members
 * for every parser of controller messages, tables files and vplane-ctl
 * input (json-members.c). */
#ifndef VPLANE_JSON_MEMBERS_H
#define VPLANE_JSON_MEMBERS_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"
#include "openvswitch/json.h"

struct json_member {
    const char *name;
    enum json_type type;        /* JSON_INTEGER, JSON_STRING, JSON_ARRAY... */
    bool optional;
    const struct json **value;  /* Set to the member, or NULL if absent. */
};

/* Checks that 'obj' is an object whose members have the types 'm' gives,
 * that those not optional are there and, if 'strict', that it has no
 * others.  Returns NULL or a malloc'd error naming the member by its path:
 * "PATH: must be an object", "PATH.NAME: missing", "PATH.NAME: must be a
 * string", "PATH: unknown member \"NAME\"". */
char *json_members_get(const char *path, const struct json *obj,
                       struct json_member m[], size_t n, bool strict)
    OVS_WARN_UNUSED_RESULT;

/* The one object parameter of 'msg' ("params": [ {...} ], as every method
 * of the vPlane protocol takes), or NULL. */
struct jsonrpc_msg;
const struct json *json_members_object_param(const struct jsonrpc_msg *msg);

/* The string member 'name' of 'obj', or NULL if 'obj' is no object or has
 * no such string: where absence is the caller's to report. */
const char *json_members_string(const struct json *obj, const char *name);

/* "PATH.ERROR", taking 'error' (NULL stays NULL): a field parser names the
 * field, this names where it is. */
char *json_members_at(const char *path, char *error) OVS_WARN_UNUSED_RESULT;

#endif /* vplane/json-members.h */
