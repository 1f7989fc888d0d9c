/* vplane/tables-json.h: tables files and exports (tables-json.c). */
#ifndef VPLANE_TABLES_JSON_H
#define VPLANE_TABLES_JSON_H 1

#include "openvswitch/compiler.h"

struct json;
struct vp_config;
struct vp_tables;

/* Adds the entries of 'json' to 'c'.  Returns NULL or a malloc'd error that
 * names the offending path, e.g. "xlate[3].vtep: ...". */
char *tables_json_parse(const struct json *, struct vp_config *c)
    OVS_WARN_UNUSED_RESULT;

/* Everything in 't', in the same format (main thread). */
struct json *tables_json_export(const struct vp_tables *);

#endif /* vplane/tables-json.h */
