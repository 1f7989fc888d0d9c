/* Generated automatically -- do not modify!    -*- buffer-read-only: t -*- */

#ifndef VPREC_IDL_HEADER
#define VPREC_IDL_HEADER 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/json.h"
#include "ovsdb-data.h"
#include "ovsdb-idl-provider.h"
#include "smap.h"
#include "uuid.h"

#ifdef  __cplusplus
extern "C" {
#endif


/* Deployment table. */
struct vprec_deployment {
	struct ovsdb_idl_row header_;

	/* auto_register column. */
	bool auto_register;

	/* external_ids column. */
	struct smap external_ids;

	/* generation column. */
	int64_t generation;

	/* grace_period column. */
	int64_t grace_period;

	/* n_subsets column. */
	int64_t n_subsets;

	/* owner_rule column. */
	char *owner_rule;	/* Always nonnull. */

	/* query_mode column. */
	char *query_mode;	/* Always nonnull. */
};

enum vprec_deployment_column_id {
    VPREC_DEPLOYMENT_COL_AUTO_REGISTER,
    VPREC_DEPLOYMENT_COL_EXTERNAL_IDS,
    VPREC_DEPLOYMENT_COL_GENERATION,
    VPREC_DEPLOYMENT_COL_GRACE_PERIOD,
    VPREC_DEPLOYMENT_COL_N_SUBSETS,
    VPREC_DEPLOYMENT_COL_OWNER_RULE,
    VPREC_DEPLOYMENT_COL_QUERY_MODE,
    VPREC_DEPLOYMENT_N_COLUMNS
};

#define vprec_deployment_col_auto_register (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_AUTO_REGISTER])
#define vprec_deployment_col_external_ids (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_EXTERNAL_IDS])
#define vprec_deployment_col_generation (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_GENERATION])
#define vprec_deployment_col_grace_period (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_GRACE_PERIOD])
#define vprec_deployment_col_n_subsets (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_N_SUBSETS])
#define vprec_deployment_col_owner_rule (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_OWNER_RULE])
#define vprec_deployment_col_query_mode (vprec_deployment_columns[VPREC_DEPLOYMENT_COL_QUERY_MODE])

extern struct ovsdb_idl_column vprec_deployment_columns[VPREC_DEPLOYMENT_N_COLUMNS];
bool vprec_server_has_deployment_table_col_auto_register(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_external_ids(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_generation(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_grace_period(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_n_subsets(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_owner_rule(const struct ovsdb_idl *); 
bool vprec_server_has_deployment_table_col_query_mode(const struct ovsdb_idl *); 

bool vprec_server_has_deployment_table(const struct ovsdb_idl *);
const struct vprec_deployment_table *vprec_deployment_table_get(const struct ovsdb_idl *);
const struct vprec_deployment *vprec_deployment_table_first(const struct vprec_deployment_table *);

#define VPREC_DEPLOYMENT_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_deployment_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_deployment_next(ROW))
#define VPREC_DEPLOYMENT_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_deployment_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_deployment_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_DEPLOYMENT_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_deployment * ROW__next = ((ROW) = vprec_deployment_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_deployment_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_DEPLOYMENT_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_DEPLOYMENT_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_DEPLOYMENT_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_deployment *vprec_deployment_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_deployment *vprec_deployment_table_get_for_uuid(const struct vprec_deployment_table *, const struct uuid *);
const struct vprec_deployment *vprec_deployment_first(const struct ovsdb_idl *);
const struct vprec_deployment *vprec_deployment_next(const struct vprec_deployment *);
#define VPREC_DEPLOYMENT_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_deployment_first(IDL); \
             (ROW); \
             (ROW) = vprec_deployment_next(ROW))
#define VPREC_DEPLOYMENT_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_deployment_first(IDL); \
             (ROW) ? ((NEXT) = vprec_deployment_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_DEPLOYMENT_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_deployment * ROW__next = ((ROW) = vprec_deployment_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_deployment_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_DEPLOYMENT_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_DEPLOYMENT_FOR_EACH_SAFE_LONG,                    \
                            VPREC_DEPLOYMENT_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_deployment_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_deployment_row_get_seqno(const struct vprec_deployment *row, enum ovsdb_idl_change change);
const struct vprec_deployment *vprec_deployment_track_get_first(const struct ovsdb_idl *);
const struct vprec_deployment *vprec_deployment_track_get_next(const struct vprec_deployment *);
#define VPREC_DEPLOYMENT_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_deployment_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_deployment_track_get_next(ROW))

const struct vprec_deployment *vprec_deployment_table_track_get_first(const struct vprec_deployment_table *);
#define VPREC_DEPLOYMENT_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_deployment_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_deployment_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_deployment_is_new(const struct vprec_deployment *row)
{
    return vprec_deployment_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_deployment_is_deleted(const struct vprec_deployment *row)
{
    return vprec_deployment_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_deployment_index_destroy_row(const struct vprec_deployment *);

struct vprec_deployment *vprec_deployment_index_find(struct ovsdb_idl_index *, const struct vprec_deployment *);

int vprec_deployment_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_deployment *, 
    const struct vprec_deployment *);
struct ovsdb_idl_cursor vprec_deployment_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_deployment_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_deployment *);
struct ovsdb_idl_cursor vprec_deployment_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_deployment *);

struct vprec_deployment *vprec_deployment_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_DEPLOYMENT_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_deployment_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_deployment_cursor_data(&cursor__), \
                  !(TO) || vprec_deployment_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_DEPLOYMENT_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_deployment_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_deployment_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_DEPLOYMENT_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_deployment_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_deployment_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_deployment_init(struct vprec_deployment *);
void vprec_deployment_delete(const struct vprec_deployment *);
struct vprec_deployment *vprec_deployment_insert(struct ovsdb_idl_txn *);
struct vprec_deployment *vprec_deployment_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_deployment_column_id' of
 * the row referenced by 'struct vprec_deployment *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_deployment_is_updated(const struct vprec_deployment *, enum vprec_deployment_column_id);

void vprec_deployment_verify_auto_register(const struct vprec_deployment *);
void vprec_deployment_verify_external_ids(const struct vprec_deployment *);
void vprec_deployment_verify_generation(const struct vprec_deployment *);
void vprec_deployment_verify_grace_period(const struct vprec_deployment *);
void vprec_deployment_verify_n_subsets(const struct vprec_deployment *);
void vprec_deployment_verify_owner_rule(const struct vprec_deployment *);
void vprec_deployment_verify_query_mode(const struct vprec_deployment *);

const struct ovsdb_datum *vprec_deployment_get_auto_register(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_deployment_get_external_ids(const struct vprec_deployment *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_deployment_get_generation(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_deployment_get_grace_period(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_deployment_get_n_subsets(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_deployment_get_owner_rule(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_deployment_get_query_mode(const struct vprec_deployment *, enum ovsdb_atomic_type key_type);

void vprec_deployment_set_auto_register(const struct vprec_deployment *, bool auto_register);
void vprec_deployment_set_external_ids(const struct vprec_deployment *, const struct smap *);
void vprec_deployment_set_generation(const struct vprec_deployment *, int64_t generation);
void vprec_deployment_set_grace_period(const struct vprec_deployment *, int64_t grace_period);
void vprec_deployment_set_n_subsets(const struct vprec_deployment *, int64_t n_subsets);
void vprec_deployment_set_owner_rule(const struct vprec_deployment *, const char *owner_rule);
void vprec_deployment_set_query_mode(const struct vprec_deployment *, const char *query_mode);

void vprec_deployment_add_clause_auto_register(struct ovsdb_idl_condition *, enum ovsdb_function function, bool auto_register);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_update_external_ids_setkey(const struct vprec_deployment *,  const char *, const char *);
void vprec_deployment_update_external_ids_delkey(const struct vprec_deployment *,  const char *);
void vprec_deployment_add_clause_external_ids(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_add_clause_generation(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t generation);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_add_clause_grace_period(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t grace_period);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_add_clause_n_subsets(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t n_subsets);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_add_clause_owner_rule(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *owner_rule);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_deployment_add_clause_query_mode(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *query_mode);
unsigned int vprec_deployment_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_deployment *vprec_deployment_index_init_row(struct ovsdb_idl_index *);
void vprec_deployment_index_set_auto_register(const struct vprec_deployment *,
bool auto_register);
void vprec_deployment_index_set_external_ids(const struct vprec_deployment *,
const struct smap *);
void vprec_deployment_index_set_generation(const struct vprec_deployment *,
int64_t generation);
void vprec_deployment_index_set_grace_period(const struct vprec_deployment *,
int64_t grace_period);
void vprec_deployment_index_set_n_subsets(const struct vprec_deployment *,
int64_t n_subsets);
void vprec_deployment_index_set_owner_rule(const struct vprec_deployment *,
const char *owner_rule);
void vprec_deployment_index_set_query_mode(const struct vprec_deployment *,
const char *query_mode);

/* Firewall_Rule table. */
struct vprec_firewall_rule {
	struct ovsdb_idl_row header_;

	/* direction column. */
	char *direction;	/* Always nonnull. */

	/* dscp column. */
	int64_t *dscp;
	size_t n_dscp;

	/* port_max column. */
	int64_t port_max;

	/* port_min column. */
	int64_t port_min;

	/* protocol column. */
	char *protocol;	/* Always nonnull. */

	/* remote_prefix column. */
	char *remote_prefix;	/* Always nonnull. */
};

enum vprec_firewall_rule_column_id {
    VPREC_FIREWALL_RULE_COL_DIRECTION,
    VPREC_FIREWALL_RULE_COL_DSCP,
    VPREC_FIREWALL_RULE_COL_PORT_MAX,
    VPREC_FIREWALL_RULE_COL_PORT_MIN,
    VPREC_FIREWALL_RULE_COL_PROTOCOL,
    VPREC_FIREWALL_RULE_COL_REMOTE_PREFIX,
    VPREC_FIREWALL_RULE_N_COLUMNS
};

#define vprec_firewall_rule_col_direction (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_DIRECTION])
#define vprec_firewall_rule_col_dscp (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_DSCP])
#define vprec_firewall_rule_col_port_max (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_PORT_MAX])
#define vprec_firewall_rule_col_port_min (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_PORT_MIN])
#define vprec_firewall_rule_col_protocol (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_PROTOCOL])
#define vprec_firewall_rule_col_remote_prefix (vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_COL_REMOTE_PREFIX])

extern struct ovsdb_idl_column vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_N_COLUMNS];
bool vprec_server_has_firewall_rule_table_col_direction(const struct ovsdb_idl *); 
bool vprec_server_has_firewall_rule_table_col_dscp(const struct ovsdb_idl *); 
bool vprec_server_has_firewall_rule_table_col_port_max(const struct ovsdb_idl *); 
bool vprec_server_has_firewall_rule_table_col_port_min(const struct ovsdb_idl *); 
bool vprec_server_has_firewall_rule_table_col_protocol(const struct ovsdb_idl *); 
bool vprec_server_has_firewall_rule_table_col_remote_prefix(const struct ovsdb_idl *); 

bool vprec_server_has_firewall_rule_table(const struct ovsdb_idl *);
const struct vprec_firewall_rule_table *vprec_firewall_rule_table_get(const struct ovsdb_idl *);
const struct vprec_firewall_rule *vprec_firewall_rule_table_first(const struct vprec_firewall_rule_table *);

#define VPREC_FIREWALL_RULE_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_firewall_rule_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_firewall_rule_next(ROW))
#define VPREC_FIREWALL_RULE_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_firewall_rule_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_firewall_rule_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_FIREWALL_RULE_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_firewall_rule * ROW__next = ((ROW) = vprec_firewall_rule_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_firewall_rule_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_FIREWALL_RULE_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_FIREWALL_RULE_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_FIREWALL_RULE_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_firewall_rule *vprec_firewall_rule_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_firewall_rule *vprec_firewall_rule_table_get_for_uuid(const struct vprec_firewall_rule_table *, const struct uuid *);
const struct vprec_firewall_rule *vprec_firewall_rule_first(const struct ovsdb_idl *);
const struct vprec_firewall_rule *vprec_firewall_rule_next(const struct vprec_firewall_rule *);
#define VPREC_FIREWALL_RULE_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_firewall_rule_first(IDL); \
             (ROW); \
             (ROW) = vprec_firewall_rule_next(ROW))
#define VPREC_FIREWALL_RULE_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_firewall_rule_first(IDL); \
             (ROW) ? ((NEXT) = vprec_firewall_rule_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_FIREWALL_RULE_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_firewall_rule * ROW__next = ((ROW) = vprec_firewall_rule_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_firewall_rule_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_FIREWALL_RULE_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_FIREWALL_RULE_FOR_EACH_SAFE_LONG,                    \
                            VPREC_FIREWALL_RULE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_firewall_rule_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_firewall_rule_row_get_seqno(const struct vprec_firewall_rule *row, enum ovsdb_idl_change change);
const struct vprec_firewall_rule *vprec_firewall_rule_track_get_first(const struct ovsdb_idl *);
const struct vprec_firewall_rule *vprec_firewall_rule_track_get_next(const struct vprec_firewall_rule *);
#define VPREC_FIREWALL_RULE_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_firewall_rule_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_firewall_rule_track_get_next(ROW))

const struct vprec_firewall_rule *vprec_firewall_rule_table_track_get_first(const struct vprec_firewall_rule_table *);
#define VPREC_FIREWALL_RULE_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_firewall_rule_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_firewall_rule_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_firewall_rule_is_new(const struct vprec_firewall_rule *row)
{
    return vprec_firewall_rule_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_firewall_rule_is_deleted(const struct vprec_firewall_rule *row)
{
    return vprec_firewall_rule_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_firewall_rule_index_destroy_row(const struct vprec_firewall_rule *);

struct vprec_firewall_rule *vprec_firewall_rule_index_find(struct ovsdb_idl_index *, const struct vprec_firewall_rule *);

int vprec_firewall_rule_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_firewall_rule *, 
    const struct vprec_firewall_rule *);
struct ovsdb_idl_cursor vprec_firewall_rule_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_firewall_rule_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_firewall_rule *);
struct ovsdb_idl_cursor vprec_firewall_rule_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_firewall_rule *);

struct vprec_firewall_rule *vprec_firewall_rule_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_FIREWALL_RULE_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_firewall_rule_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_firewall_rule_cursor_data(&cursor__), \
                  !(TO) || vprec_firewall_rule_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_FIREWALL_RULE_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_firewall_rule_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_firewall_rule_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_FIREWALL_RULE_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_firewall_rule_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_firewall_rule_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_firewall_rule_init(struct vprec_firewall_rule *);
void vprec_firewall_rule_delete(const struct vprec_firewall_rule *);
struct vprec_firewall_rule *vprec_firewall_rule_insert(struct ovsdb_idl_txn *);
struct vprec_firewall_rule *vprec_firewall_rule_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_firewall_rule_column_id' of
 * the row referenced by 'struct vprec_firewall_rule *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_firewall_rule_is_updated(const struct vprec_firewall_rule *, enum vprec_firewall_rule_column_id);

void vprec_firewall_rule_verify_direction(const struct vprec_firewall_rule *);
void vprec_firewall_rule_verify_dscp(const struct vprec_firewall_rule *);
void vprec_firewall_rule_verify_port_max(const struct vprec_firewall_rule *);
void vprec_firewall_rule_verify_port_min(const struct vprec_firewall_rule *);
void vprec_firewall_rule_verify_protocol(const struct vprec_firewall_rule *);
void vprec_firewall_rule_verify_remote_prefix(const struct vprec_firewall_rule *);

const struct ovsdb_datum *vprec_firewall_rule_get_direction(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_firewall_rule_get_dscp(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_firewall_rule_get_port_max(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_firewall_rule_get_port_min(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_firewall_rule_get_protocol(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_firewall_rule_get_remote_prefix(const struct vprec_firewall_rule *, enum ovsdb_atomic_type key_type);

void vprec_firewall_rule_set_direction(const struct vprec_firewall_rule *, const char *direction);
void vprec_firewall_rule_set_dscp(const struct vprec_firewall_rule *, const int64_t *dscp, size_t n_dscp);
void vprec_firewall_rule_set_port_max(const struct vprec_firewall_rule *, int64_t port_max);
void vprec_firewall_rule_set_port_min(const struct vprec_firewall_rule *, int64_t port_min);
void vprec_firewall_rule_set_protocol(const struct vprec_firewall_rule *, const char *protocol);
void vprec_firewall_rule_set_remote_prefix(const struct vprec_firewall_rule *, const char *remote_prefix);

void vprec_firewall_rule_add_clause_direction(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *direction);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_firewall_rule_update_dscp_addvalue(const struct vprec_firewall_rule *,  int64_t );
void vprec_firewall_rule_update_dscp_delvalue(const struct vprec_firewall_rule *,  int64_t );
void vprec_firewall_rule_add_clause_dscp(struct ovsdb_idl_condition *, enum ovsdb_function function, const int64_t *dscp, size_t n_dscp);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_firewall_rule_add_clause_port_max(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t port_max);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_firewall_rule_add_clause_port_min(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t port_min);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_firewall_rule_add_clause_protocol(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *protocol);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_firewall_rule_add_clause_remote_prefix(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *remote_prefix);
unsigned int vprec_firewall_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_firewall_rule *vprec_firewall_rule_index_init_row(struct ovsdb_idl_index *);
void vprec_firewall_rule_index_set_direction(const struct vprec_firewall_rule *,
const char *direction);
void vprec_firewall_rule_index_set_dscp(const struct vprec_firewall_rule *,
const int64_t *dscp, size_t n_dscp);
void vprec_firewall_rule_index_set_port_max(const struct vprec_firewall_rule *,
int64_t port_max);
void vprec_firewall_rule_index_set_port_min(const struct vprec_firewall_rule *,
int64_t port_min);
void vprec_firewall_rule_index_set_protocol(const struct vprec_firewall_rule *,
const char *protocol);
void vprec_firewall_rule_index_set_remote_prefix(const struct vprec_firewall_rule *,
const char *remote_prefix);

/* Host table. */
struct vprec_host {
	struct ovsdb_idl_row header_;

	/* external_ids column. */
	struct smap external_ids;

	/* gateway column. */
	bool gateway;

	/* name column. */
	char *name;	/* Always nonnull. */

	/* status column. */
	struct smap status;

	/* subsets column. */
	int64_t *subsets;
	size_t n_subsets;

	/* vtep column. */
	char *vtep;	/* Always nonnull. */
};

enum vprec_host_column_id {
    VPREC_HOST_COL_EXTERNAL_IDS,
    VPREC_HOST_COL_GATEWAY,
    VPREC_HOST_COL_NAME,
    VPREC_HOST_COL_STATUS,
    VPREC_HOST_COL_SUBSETS,
    VPREC_HOST_COL_VTEP,
    VPREC_HOST_N_COLUMNS
};

#define vprec_host_col_external_ids (vprec_host_columns[VPREC_HOST_COL_EXTERNAL_IDS])
#define vprec_host_col_gateway (vprec_host_columns[VPREC_HOST_COL_GATEWAY])
#define vprec_host_col_name (vprec_host_columns[VPREC_HOST_COL_NAME])
#define vprec_host_col_status (vprec_host_columns[VPREC_HOST_COL_STATUS])
#define vprec_host_col_subsets (vprec_host_columns[VPREC_HOST_COL_SUBSETS])
#define vprec_host_col_vtep (vprec_host_columns[VPREC_HOST_COL_VTEP])

extern struct ovsdb_idl_column vprec_host_columns[VPREC_HOST_N_COLUMNS];
bool vprec_server_has_host_table_col_external_ids(const struct ovsdb_idl *); 
bool vprec_server_has_host_table_col_gateway(const struct ovsdb_idl *); 
bool vprec_server_has_host_table_col_name(const struct ovsdb_idl *); 
bool vprec_server_has_host_table_col_status(const struct ovsdb_idl *); 
bool vprec_server_has_host_table_col_subsets(const struct ovsdb_idl *); 
bool vprec_server_has_host_table_col_vtep(const struct ovsdb_idl *); 

bool vprec_server_has_host_table(const struct ovsdb_idl *);
const struct vprec_host_table *vprec_host_table_get(const struct ovsdb_idl *);
const struct vprec_host *vprec_host_table_first(const struct vprec_host_table *);

#define VPREC_HOST_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_host_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_host_next(ROW))
#define VPREC_HOST_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_host_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_host_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_HOST_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_host * ROW__next = ((ROW) = vprec_host_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_host_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_HOST_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_HOST_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_HOST_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_host *vprec_host_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_host *vprec_host_table_get_for_uuid(const struct vprec_host_table *, const struct uuid *);
const struct vprec_host *vprec_host_first(const struct ovsdb_idl *);
const struct vprec_host *vprec_host_next(const struct vprec_host *);
#define VPREC_HOST_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_host_first(IDL); \
             (ROW); \
             (ROW) = vprec_host_next(ROW))
#define VPREC_HOST_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_host_first(IDL); \
             (ROW) ? ((NEXT) = vprec_host_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_HOST_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_host * ROW__next = ((ROW) = vprec_host_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_host_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_HOST_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_HOST_FOR_EACH_SAFE_LONG,                    \
                            VPREC_HOST_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_host_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_host_row_get_seqno(const struct vprec_host *row, enum ovsdb_idl_change change);
const struct vprec_host *vprec_host_track_get_first(const struct ovsdb_idl *);
const struct vprec_host *vprec_host_track_get_next(const struct vprec_host *);
#define VPREC_HOST_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_host_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_host_track_get_next(ROW))

const struct vprec_host *vprec_host_table_track_get_first(const struct vprec_host_table *);
#define VPREC_HOST_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_host_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_host_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_host_is_new(const struct vprec_host *row)
{
    return vprec_host_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_host_is_deleted(const struct vprec_host *row)
{
    return vprec_host_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_host_index_destroy_row(const struct vprec_host *);

struct vprec_host *vprec_host_index_find(struct ovsdb_idl_index *, const struct vprec_host *);

int vprec_host_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_host *, 
    const struct vprec_host *);
struct ovsdb_idl_cursor vprec_host_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_host_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_host *);
struct ovsdb_idl_cursor vprec_host_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_host *);

struct vprec_host *vprec_host_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_HOST_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_host_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_host_cursor_data(&cursor__), \
                  !(TO) || vprec_host_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_HOST_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_host_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_host_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_HOST_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_host_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_host_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_host_init(struct vprec_host *);
void vprec_host_delete(const struct vprec_host *);
struct vprec_host *vprec_host_insert(struct ovsdb_idl_txn *);
struct vprec_host *vprec_host_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_host_column_id' of
 * the row referenced by 'struct vprec_host *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_host_is_updated(const struct vprec_host *, enum vprec_host_column_id);

void vprec_host_verify_external_ids(const struct vprec_host *);
void vprec_host_verify_gateway(const struct vprec_host *);
void vprec_host_verify_name(const struct vprec_host *);
void vprec_host_verify_status(const struct vprec_host *);
void vprec_host_verify_subsets(const struct vprec_host *);
void vprec_host_verify_vtep(const struct vprec_host *);

const struct ovsdb_datum *vprec_host_get_external_ids(const struct vprec_host *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_host_get_gateway(const struct vprec_host *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_host_get_name(const struct vprec_host *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_host_get_status(const struct vprec_host *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_host_get_subsets(const struct vprec_host *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_host_get_vtep(const struct vprec_host *, enum ovsdb_atomic_type key_type);

void vprec_host_set_external_ids(const struct vprec_host *, const struct smap *);
void vprec_host_set_gateway(const struct vprec_host *, bool gateway);
void vprec_host_set_name(const struct vprec_host *, const char *name);
void vprec_host_set_status(const struct vprec_host *, const struct smap *);
void vprec_host_set_subsets(const struct vprec_host *, const int64_t *subsets, size_t n_subsets);
void vprec_host_set_vtep(const struct vprec_host *, const char *vtep);

void vprec_host_update_external_ids_setkey(const struct vprec_host *,  const char *, const char *);
void vprec_host_update_external_ids_delkey(const struct vprec_host *,  const char *);
void vprec_host_add_clause_external_ids(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_host_add_clause_gateway(struct ovsdb_idl_condition *, enum ovsdb_function function, bool gateway);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_host_add_clause_name(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *name);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_host_update_status_setkey(const struct vprec_host *,  const char *, const char *);
void vprec_host_update_status_delkey(const struct vprec_host *,  const char *);
void vprec_host_add_clause_status(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_host_update_subsets_addvalue(const struct vprec_host *,  int64_t );
void vprec_host_update_subsets_delvalue(const struct vprec_host *,  int64_t );
void vprec_host_add_clause_subsets(struct ovsdb_idl_condition *, enum ovsdb_function function, const int64_t *subsets, size_t n_subsets);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_host_add_clause_vtep(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *vtep);
unsigned int vprec_host_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_host *vprec_host_index_init_row(struct ovsdb_idl_index *);
void vprec_host_index_set_external_ids(const struct vprec_host *,
const struct smap *);
void vprec_host_index_set_gateway(const struct vprec_host *,
bool gateway);
void vprec_host_index_set_name(const struct vprec_host *,
const char *name);
void vprec_host_index_set_status(const struct vprec_host *,
const struct smap *);
void vprec_host_index_set_subsets(const struct vprec_host *,
const int64_t *subsets, size_t n_subsets);
void vprec_host_index_set_vtep(const struct vprec_host *,
const char *vtep);

/* NAT_Rule table. */
struct vprec_nat_rule {
	struct ovsdb_idl_row header_;

	/* external_ip column. */
	char *external_ip;	/* Always nonnull. */

	/* external_port column. */
	int64_t *external_port;
	size_t n_external_port;

	/* internal_ip column. */
	char *internal_ip;

	/* internal_port column. */
	int64_t *internal_port;
	size_t n_internal_port;

	/* protocol column. */
	char *protocol;

	/* type column. */
	char *type;	/* Always nonnull. */

	/* vnet column. */
	struct vprec_vnet *vnet;
};

enum vprec_nat_rule_column_id {
    VPREC_NAT_RULE_COL_EXTERNAL_IP,
    VPREC_NAT_RULE_COL_EXTERNAL_PORT,
    VPREC_NAT_RULE_COL_INTERNAL_IP,
    VPREC_NAT_RULE_COL_INTERNAL_PORT,
    VPREC_NAT_RULE_COL_PROTOCOL,
    VPREC_NAT_RULE_COL_TYPE,
    VPREC_NAT_RULE_COL_VNET,
    VPREC_NAT_RULE_N_COLUMNS
};

#define vprec_nat_rule_col_external_ip (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_EXTERNAL_IP])
#define vprec_nat_rule_col_external_port (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_EXTERNAL_PORT])
#define vprec_nat_rule_col_internal_ip (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_INTERNAL_IP])
#define vprec_nat_rule_col_internal_port (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_INTERNAL_PORT])
#define vprec_nat_rule_col_protocol (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_PROTOCOL])
#define vprec_nat_rule_col_type (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_TYPE])
#define vprec_nat_rule_col_vnet (vprec_nat_rule_columns[VPREC_NAT_RULE_COL_VNET])

extern struct ovsdb_idl_column vprec_nat_rule_columns[VPREC_NAT_RULE_N_COLUMNS];
bool vprec_server_has_nat_rule_table_col_external_ip(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_external_port(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_internal_ip(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_internal_port(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_protocol(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_type(const struct ovsdb_idl *); 
bool vprec_server_has_nat_rule_table_col_vnet(const struct ovsdb_idl *); 

bool vprec_server_has_nat_rule_table(const struct ovsdb_idl *);
const struct vprec_nat_rule_table *vprec_nat_rule_table_get(const struct ovsdb_idl *);
const struct vprec_nat_rule *vprec_nat_rule_table_first(const struct vprec_nat_rule_table *);

#define VPREC_NAT_RULE_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_nat_rule_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_nat_rule_next(ROW))
#define VPREC_NAT_RULE_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_nat_rule_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_nat_rule_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_NAT_RULE_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_nat_rule * ROW__next = ((ROW) = vprec_nat_rule_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_nat_rule_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_NAT_RULE_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_NAT_RULE_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_NAT_RULE_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_nat_rule *vprec_nat_rule_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_nat_rule *vprec_nat_rule_table_get_for_uuid(const struct vprec_nat_rule_table *, const struct uuid *);
const struct vprec_nat_rule *vprec_nat_rule_first(const struct ovsdb_idl *);
const struct vprec_nat_rule *vprec_nat_rule_next(const struct vprec_nat_rule *);
#define VPREC_NAT_RULE_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_nat_rule_first(IDL); \
             (ROW); \
             (ROW) = vprec_nat_rule_next(ROW))
#define VPREC_NAT_RULE_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_nat_rule_first(IDL); \
             (ROW) ? ((NEXT) = vprec_nat_rule_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_NAT_RULE_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_nat_rule * ROW__next = ((ROW) = vprec_nat_rule_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_nat_rule_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_NAT_RULE_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_NAT_RULE_FOR_EACH_SAFE_LONG,                    \
                            VPREC_NAT_RULE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_nat_rule_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_nat_rule_row_get_seqno(const struct vprec_nat_rule *row, enum ovsdb_idl_change change);
const struct vprec_nat_rule *vprec_nat_rule_track_get_first(const struct ovsdb_idl *);
const struct vprec_nat_rule *vprec_nat_rule_track_get_next(const struct vprec_nat_rule *);
#define VPREC_NAT_RULE_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_nat_rule_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_nat_rule_track_get_next(ROW))

const struct vprec_nat_rule *vprec_nat_rule_table_track_get_first(const struct vprec_nat_rule_table *);
#define VPREC_NAT_RULE_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_nat_rule_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_nat_rule_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_nat_rule_is_new(const struct vprec_nat_rule *row)
{
    return vprec_nat_rule_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_nat_rule_is_deleted(const struct vprec_nat_rule *row)
{
    return vprec_nat_rule_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_nat_rule_index_destroy_row(const struct vprec_nat_rule *);

struct vprec_nat_rule *vprec_nat_rule_index_find(struct ovsdb_idl_index *, const struct vprec_nat_rule *);

int vprec_nat_rule_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_nat_rule *, 
    const struct vprec_nat_rule *);
struct ovsdb_idl_cursor vprec_nat_rule_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_nat_rule_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_nat_rule *);
struct ovsdb_idl_cursor vprec_nat_rule_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_nat_rule *);

struct vprec_nat_rule *vprec_nat_rule_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_NAT_RULE_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_nat_rule_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_nat_rule_cursor_data(&cursor__), \
                  !(TO) || vprec_nat_rule_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_NAT_RULE_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_nat_rule_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_nat_rule_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_NAT_RULE_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_nat_rule_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_nat_rule_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_nat_rule_init(struct vprec_nat_rule *);
void vprec_nat_rule_delete(const struct vprec_nat_rule *);
struct vprec_nat_rule *vprec_nat_rule_insert(struct ovsdb_idl_txn *);
struct vprec_nat_rule *vprec_nat_rule_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_nat_rule_column_id' of
 * the row referenced by 'struct vprec_nat_rule *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_nat_rule_is_updated(const struct vprec_nat_rule *, enum vprec_nat_rule_column_id);

void vprec_nat_rule_verify_external_ip(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_external_port(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_internal_ip(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_internal_port(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_protocol(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_type(const struct vprec_nat_rule *);
void vprec_nat_rule_verify_vnet(const struct vprec_nat_rule *);

const struct ovsdb_datum *vprec_nat_rule_get_external_ip(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_external_port(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_internal_ip(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_internal_port(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_protocol(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_type(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_nat_rule_get_vnet(const struct vprec_nat_rule *, enum ovsdb_atomic_type key_type);

void vprec_nat_rule_set_external_ip(const struct vprec_nat_rule *, const char *external_ip);
void vprec_nat_rule_set_external_port(const struct vprec_nat_rule *, const int64_t *external_port, size_t n_external_port);
void vprec_nat_rule_set_internal_ip(const struct vprec_nat_rule *, const char *internal_ip);
void vprec_nat_rule_set_internal_port(const struct vprec_nat_rule *, const int64_t *internal_port, size_t n_internal_port);
void vprec_nat_rule_set_protocol(const struct vprec_nat_rule *, const char *protocol);
void vprec_nat_rule_set_type(const struct vprec_nat_rule *, const char *type);
void vprec_nat_rule_set_vnet(const struct vprec_nat_rule *, const struct vprec_vnet *vnet);

void vprec_nat_rule_add_clause_external_ip(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *external_ip);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_update_external_port_addvalue(const struct vprec_nat_rule *,  int64_t );
void vprec_nat_rule_update_external_port_delvalue(const struct vprec_nat_rule *,  int64_t );
void vprec_nat_rule_add_clause_external_port(struct ovsdb_idl_condition *, enum ovsdb_function function, const int64_t *external_port, size_t n_external_port);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_update_internal_ip_addvalue(const struct vprec_nat_rule *,  const char *);
void vprec_nat_rule_update_internal_ip_delvalue(const struct vprec_nat_rule *,  const char *);
void vprec_nat_rule_add_clause_internal_ip(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *internal_ip);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_update_internal_port_addvalue(const struct vprec_nat_rule *,  int64_t );
void vprec_nat_rule_update_internal_port_delvalue(const struct vprec_nat_rule *,  int64_t );
void vprec_nat_rule_add_clause_internal_port(struct ovsdb_idl_condition *, enum ovsdb_function function, const int64_t *internal_port, size_t n_internal_port);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_update_protocol_addvalue(const struct vprec_nat_rule *,  const char *);
void vprec_nat_rule_update_protocol_delvalue(const struct vprec_nat_rule *,  const char *);
void vprec_nat_rule_add_clause_protocol(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *protocol);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_add_clause_type(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *type);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_nat_rule_update_vnet_addvalue(const struct vprec_nat_rule *,  const struct vprec_vnet *);
void vprec_nat_rule_update_vnet_delvalue(const struct vprec_nat_rule *,  const struct vprec_vnet *);
void vprec_nat_rule_add_clause_vnet(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct uuid *vnet);
unsigned int vprec_nat_rule_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_nat_rule *vprec_nat_rule_index_init_row(struct ovsdb_idl_index *);
void vprec_nat_rule_index_set_external_ip(const struct vprec_nat_rule *,
const char *external_ip);
void vprec_nat_rule_index_set_external_port(const struct vprec_nat_rule *,
const int64_t *external_port, size_t n_external_port);
void vprec_nat_rule_index_set_internal_ip(const struct vprec_nat_rule *,
const char *internal_ip);
void vprec_nat_rule_index_set_internal_port(const struct vprec_nat_rule *,
const int64_t *internal_port, size_t n_internal_port);
void vprec_nat_rule_index_set_protocol(const struct vprec_nat_rule *,
const char *protocol);
void vprec_nat_rule_index_set_type(const struct vprec_nat_rule *,
const char *type);
void vprec_nat_rule_index_set_vnet(const struct vprec_nat_rule *,
const struct vprec_vnet *vnet);

/* Port table. */
struct vprec_port {
	struct ovsdb_idl_row header_;

	/* allowed_sources column. */
	char **allowed_sources;
	size_t n_allowed_sources;

	/* external_ids column. */
	struct smap external_ids;

	/* firewall_rules column. */
	struct vprec_firewall_rule **firewall_rules;
	size_t n_firewall_rules;

	/* host column. */
	struct vprec_host *host;

	/* ips column. */
	char **ips;
	size_t n_ips;

	/* mac column. */
	char *mac;	/* Always nonnull. */

	/* name column. */
	char *name;	/* Always nonnull. */

	/* up column. */
	bool up;

	/* vm_id column. */
	char *vm_id;

	/* vnet column. */
	struct vprec_vnet *vnet;

	/* vtep column. */
	char *vtep;
};

enum vprec_port_column_id {
    VPREC_PORT_COL_ALLOWED_SOURCES,
    VPREC_PORT_COL_EXTERNAL_IDS,
    VPREC_PORT_COL_FIREWALL_RULES,
    VPREC_PORT_COL_HOST,
    VPREC_PORT_COL_IPS,
    VPREC_PORT_COL_MAC,
    VPREC_PORT_COL_NAME,
    VPREC_PORT_COL_UP,
    VPREC_PORT_COL_VM_ID,
    VPREC_PORT_COL_VNET,
    VPREC_PORT_COL_VTEP,
    VPREC_PORT_N_COLUMNS
};

#define vprec_port_col_allowed_sources (vprec_port_columns[VPREC_PORT_COL_ALLOWED_SOURCES])
#define vprec_port_col_external_ids (vprec_port_columns[VPREC_PORT_COL_EXTERNAL_IDS])
#define vprec_port_col_firewall_rules (vprec_port_columns[VPREC_PORT_COL_FIREWALL_RULES])
#define vprec_port_col_host (vprec_port_columns[VPREC_PORT_COL_HOST])
#define vprec_port_col_ips (vprec_port_columns[VPREC_PORT_COL_IPS])
#define vprec_port_col_mac (vprec_port_columns[VPREC_PORT_COL_MAC])
#define vprec_port_col_name (vprec_port_columns[VPREC_PORT_COL_NAME])
#define vprec_port_col_up (vprec_port_columns[VPREC_PORT_COL_UP])
#define vprec_port_col_vm_id (vprec_port_columns[VPREC_PORT_COL_VM_ID])
#define vprec_port_col_vnet (vprec_port_columns[VPREC_PORT_COL_VNET])
#define vprec_port_col_vtep (vprec_port_columns[VPREC_PORT_COL_VTEP])

extern struct ovsdb_idl_column vprec_port_columns[VPREC_PORT_N_COLUMNS];
bool vprec_server_has_port_table_col_allowed_sources(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_external_ids(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_firewall_rules(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_host(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_ips(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_mac(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_name(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_up(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_vm_id(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_vnet(const struct ovsdb_idl *); 
bool vprec_server_has_port_table_col_vtep(const struct ovsdb_idl *); 

bool vprec_server_has_port_table(const struct ovsdb_idl *);
const struct vprec_port_table *vprec_port_table_get(const struct ovsdb_idl *);
const struct vprec_port *vprec_port_table_first(const struct vprec_port_table *);

#define VPREC_PORT_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_port_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_port_next(ROW))
#define VPREC_PORT_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_port_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_port_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_PORT_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_port * ROW__next = ((ROW) = vprec_port_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_port_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_PORT_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_PORT_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_PORT_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_port *vprec_port_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_port *vprec_port_table_get_for_uuid(const struct vprec_port_table *, const struct uuid *);
const struct vprec_port *vprec_port_first(const struct ovsdb_idl *);
const struct vprec_port *vprec_port_next(const struct vprec_port *);
#define VPREC_PORT_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_port_first(IDL); \
             (ROW); \
             (ROW) = vprec_port_next(ROW))
#define VPREC_PORT_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_port_first(IDL); \
             (ROW) ? ((NEXT) = vprec_port_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_PORT_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_port * ROW__next = ((ROW) = vprec_port_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_port_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_PORT_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_PORT_FOR_EACH_SAFE_LONG,                    \
                            VPREC_PORT_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_port_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_port_row_get_seqno(const struct vprec_port *row, enum ovsdb_idl_change change);
const struct vprec_port *vprec_port_track_get_first(const struct ovsdb_idl *);
const struct vprec_port *vprec_port_track_get_next(const struct vprec_port *);
#define VPREC_PORT_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_port_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_port_track_get_next(ROW))

const struct vprec_port *vprec_port_table_track_get_first(const struct vprec_port_table *);
#define VPREC_PORT_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_port_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_port_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_port_is_new(const struct vprec_port *row)
{
    return vprec_port_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_port_is_deleted(const struct vprec_port *row)
{
    return vprec_port_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_port_index_destroy_row(const struct vprec_port *);

struct vprec_port *vprec_port_index_find(struct ovsdb_idl_index *, const struct vprec_port *);

int vprec_port_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_port *, 
    const struct vprec_port *);
struct ovsdb_idl_cursor vprec_port_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_port_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_port *);
struct ovsdb_idl_cursor vprec_port_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_port *);

struct vprec_port *vprec_port_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_PORT_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_port_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_port_cursor_data(&cursor__), \
                  !(TO) || vprec_port_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_PORT_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_port_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_port_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_PORT_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_port_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_port_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_port_init(struct vprec_port *);
void vprec_port_delete(const struct vprec_port *);
struct vprec_port *vprec_port_insert(struct ovsdb_idl_txn *);
struct vprec_port *vprec_port_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_port_column_id' of
 * the row referenced by 'struct vprec_port *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_port_is_updated(const struct vprec_port *, enum vprec_port_column_id);

void vprec_port_verify_allowed_sources(const struct vprec_port *);
void vprec_port_verify_external_ids(const struct vprec_port *);
void vprec_port_verify_firewall_rules(const struct vprec_port *);
void vprec_port_verify_host(const struct vprec_port *);
void vprec_port_verify_ips(const struct vprec_port *);
void vprec_port_verify_mac(const struct vprec_port *);
void vprec_port_verify_name(const struct vprec_port *);
void vprec_port_verify_up(const struct vprec_port *);
void vprec_port_verify_vm_id(const struct vprec_port *);
void vprec_port_verify_vnet(const struct vprec_port *);
void vprec_port_verify_vtep(const struct vprec_port *);

const struct ovsdb_datum *vprec_port_get_allowed_sources(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_external_ids(const struct vprec_port *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_port_get_firewall_rules(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_host(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_ips(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_mac(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_name(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_up(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_vm_id(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_vnet(const struct vprec_port *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_port_get_vtep(const struct vprec_port *, enum ovsdb_atomic_type key_type);

void vprec_port_set_allowed_sources(const struct vprec_port *, const char **allowed_sources, size_t n_allowed_sources);
void vprec_port_set_external_ids(const struct vprec_port *, const struct smap *);
void vprec_port_set_firewall_rules(const struct vprec_port *, struct vprec_firewall_rule **firewall_rules, size_t n_firewall_rules);
void vprec_port_set_host(const struct vprec_port *, const struct vprec_host *host);
void vprec_port_set_ips(const struct vprec_port *, const char **ips, size_t n_ips);
void vprec_port_set_mac(const struct vprec_port *, const char *mac);
void vprec_port_set_name(const struct vprec_port *, const char *name);
void vprec_port_set_up(const struct vprec_port *, bool up);
void vprec_port_set_vm_id(const struct vprec_port *, const char *vm_id);
void vprec_port_set_vnet(const struct vprec_port *, const struct vprec_vnet *vnet);
void vprec_port_set_vtep(const struct vprec_port *, const char *vtep);

void vprec_port_update_allowed_sources_addvalue(const struct vprec_port *,  const char *);
void vprec_port_update_allowed_sources_delvalue(const struct vprec_port *,  const char *);
void vprec_port_add_clause_allowed_sources(struct ovsdb_idl_condition *, enum ovsdb_function function, const char **allowed_sources, size_t n_allowed_sources);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_external_ids_setkey(const struct vprec_port *,  const char *, const char *);
void vprec_port_update_external_ids_delkey(const struct vprec_port *,  const char *);
void vprec_port_add_clause_external_ids(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_firewall_rules_addvalue(const struct vprec_port *,  const struct vprec_firewall_rule *);
void vprec_port_update_firewall_rules_delvalue(const struct vprec_port *,  const struct vprec_firewall_rule *);
void vprec_port_add_clause_firewall_rules(struct ovsdb_idl_condition *, enum ovsdb_function function, struct uuid **firewall_rules, size_t n_firewall_rules);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_host_addvalue(const struct vprec_port *,  const struct vprec_host *);
void vprec_port_update_host_delvalue(const struct vprec_port *,  const struct vprec_host *);
void vprec_port_add_clause_host(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct uuid *host);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_ips_addvalue(const struct vprec_port *,  const char *);
void vprec_port_update_ips_delvalue(const struct vprec_port *,  const char *);
void vprec_port_add_clause_ips(struct ovsdb_idl_condition *, enum ovsdb_function function, const char **ips, size_t n_ips);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_add_clause_mac(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *mac);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_add_clause_name(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *name);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_add_clause_up(struct ovsdb_idl_condition *, enum ovsdb_function function, bool up);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_vm_id_addvalue(const struct vprec_port *,  const char *);
void vprec_port_update_vm_id_delvalue(const struct vprec_port *,  const char *);
void vprec_port_add_clause_vm_id(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *vm_id);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_add_clause_vnet(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct uuid *vnet);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_port_update_vtep_addvalue(const struct vprec_port *,  const char *);
void vprec_port_update_vtep_delvalue(const struct vprec_port *,  const char *);
void vprec_port_add_clause_vtep(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *vtep);
unsigned int vprec_port_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_port *vprec_port_index_init_row(struct ovsdb_idl_index *);
void vprec_port_index_set_allowed_sources(const struct vprec_port *,
const char **allowed_sources, size_t n_allowed_sources);
void vprec_port_index_set_external_ids(const struct vprec_port *,
const struct smap *);
void vprec_port_index_set_firewall_rules(const struct vprec_port *,
struct vprec_firewall_rule **firewall_rules, size_t n_firewall_rules);
void vprec_port_index_set_host(const struct vprec_port *,
const struct vprec_host *host);
void vprec_port_index_set_ips(const struct vprec_port *,
const char **ips, size_t n_ips);
void vprec_port_index_set_mac(const struct vprec_port *,
const char *mac);
void vprec_port_index_set_name(const struct vprec_port *,
const char *name);
void vprec_port_index_set_up(const struct vprec_port *,
bool up);
void vprec_port_index_set_vm_id(const struct vprec_port *,
const char *vm_id);
void vprec_port_index_set_vnet(const struct vprec_port *,
const struct vprec_vnet *vnet);
void vprec_port_index_set_vtep(const struct vprec_port *,
const char *vtep);

/* Route table. */
struct vprec_route {
	struct ovsdb_idl_row header_;

	/* nexthop column. */
	char *nexthop;	/* Always nonnull. */

	/* prefix column. */
	char *prefix;	/* Always nonnull. */

	/* tenant column. */
	struct vprec_tenant *tenant;
};

enum vprec_route_column_id {
    VPREC_ROUTE_COL_NEXTHOP,
    VPREC_ROUTE_COL_PREFIX,
    VPREC_ROUTE_COL_TENANT,
    VPREC_ROUTE_N_COLUMNS
};

#define vprec_route_col_nexthop (vprec_route_columns[VPREC_ROUTE_COL_NEXTHOP])
#define vprec_route_col_prefix (vprec_route_columns[VPREC_ROUTE_COL_PREFIX])
#define vprec_route_col_tenant (vprec_route_columns[VPREC_ROUTE_COL_TENANT])

extern struct ovsdb_idl_column vprec_route_columns[VPREC_ROUTE_N_COLUMNS];
bool vprec_server_has_route_table_col_nexthop(const struct ovsdb_idl *); 
bool vprec_server_has_route_table_col_prefix(const struct ovsdb_idl *); 
bool vprec_server_has_route_table_col_tenant(const struct ovsdb_idl *); 

bool vprec_server_has_route_table(const struct ovsdb_idl *);
const struct vprec_route_table *vprec_route_table_get(const struct ovsdb_idl *);
const struct vprec_route *vprec_route_table_first(const struct vprec_route_table *);

#define VPREC_ROUTE_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_route_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_route_next(ROW))
#define VPREC_ROUTE_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_route_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_route_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_ROUTE_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_route * ROW__next = ((ROW) = vprec_route_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_route_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_ROUTE_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_ROUTE_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_ROUTE_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_route *vprec_route_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_route *vprec_route_table_get_for_uuid(const struct vprec_route_table *, const struct uuid *);
const struct vprec_route *vprec_route_first(const struct ovsdb_idl *);
const struct vprec_route *vprec_route_next(const struct vprec_route *);
#define VPREC_ROUTE_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_route_first(IDL); \
             (ROW); \
             (ROW) = vprec_route_next(ROW))
#define VPREC_ROUTE_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_route_first(IDL); \
             (ROW) ? ((NEXT) = vprec_route_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_ROUTE_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_route * ROW__next = ((ROW) = vprec_route_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_route_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_ROUTE_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_ROUTE_FOR_EACH_SAFE_LONG,                    \
                            VPREC_ROUTE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_route_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_route_row_get_seqno(const struct vprec_route *row, enum ovsdb_idl_change change);
const struct vprec_route *vprec_route_track_get_first(const struct ovsdb_idl *);
const struct vprec_route *vprec_route_track_get_next(const struct vprec_route *);
#define VPREC_ROUTE_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_route_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_route_track_get_next(ROW))

const struct vprec_route *vprec_route_table_track_get_first(const struct vprec_route_table *);
#define VPREC_ROUTE_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_route_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_route_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_route_is_new(const struct vprec_route *row)
{
    return vprec_route_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_route_is_deleted(const struct vprec_route *row)
{
    return vprec_route_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_route_index_destroy_row(const struct vprec_route *);

struct vprec_route *vprec_route_index_find(struct ovsdb_idl_index *, const struct vprec_route *);

int vprec_route_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_route *, 
    const struct vprec_route *);
struct ovsdb_idl_cursor vprec_route_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_route_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_route *);
struct ovsdb_idl_cursor vprec_route_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_route *);

struct vprec_route *vprec_route_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_ROUTE_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_route_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_route_cursor_data(&cursor__), \
                  !(TO) || vprec_route_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_ROUTE_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_route_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_route_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_ROUTE_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_route_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_route_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_route_init(struct vprec_route *);
void vprec_route_delete(const struct vprec_route *);
struct vprec_route *vprec_route_insert(struct ovsdb_idl_txn *);
struct vprec_route *vprec_route_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_route_column_id' of
 * the row referenced by 'struct vprec_route *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_route_is_updated(const struct vprec_route *, enum vprec_route_column_id);

void vprec_route_verify_nexthop(const struct vprec_route *);
void vprec_route_verify_prefix(const struct vprec_route *);
void vprec_route_verify_tenant(const struct vprec_route *);

const struct ovsdb_datum *vprec_route_get_nexthop(const struct vprec_route *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_route_get_prefix(const struct vprec_route *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_route_get_tenant(const struct vprec_route *, enum ovsdb_atomic_type key_type);

void vprec_route_set_nexthop(const struct vprec_route *, const char *nexthop);
void vprec_route_set_prefix(const struct vprec_route *, const char *prefix);
void vprec_route_set_tenant(const struct vprec_route *, const struct vprec_tenant *tenant);

void vprec_route_add_clause_nexthop(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *nexthop);
unsigned int vprec_route_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_route_add_clause_prefix(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *prefix);
unsigned int vprec_route_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_route_add_clause_tenant(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct uuid *tenant);
unsigned int vprec_route_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_route *vprec_route_index_init_row(struct ovsdb_idl_index *);
void vprec_route_index_set_nexthop(const struct vprec_route *,
const char *nexthop);
void vprec_route_index_set_prefix(const struct vprec_route *,
const char *prefix);
void vprec_route_index_set_tenant(const struct vprec_route *,
const struct vprec_tenant *tenant);

/* Tenant table. */
struct vprec_tenant {
	struct ovsdb_idl_row header_;

	/* external_access column. */
	bool external_access;

	/* external_ids column. */
	struct smap external_ids;

	/* name column. */
	char *name;	/* Always nonnull. */

	/* nat_rules column. */
	struct vprec_nat_rule **nat_rules;
	size_t n_nat_rules;
};

enum vprec_tenant_column_id {
    VPREC_TENANT_COL_EXTERNAL_ACCESS,
    VPREC_TENANT_COL_EXTERNAL_IDS,
    VPREC_TENANT_COL_NAME,
    VPREC_TENANT_COL_NAT_RULES,
    VPREC_TENANT_N_COLUMNS
};

#define vprec_tenant_col_external_access (vprec_tenant_columns[VPREC_TENANT_COL_EXTERNAL_ACCESS])
#define vprec_tenant_col_external_ids (vprec_tenant_columns[VPREC_TENANT_COL_EXTERNAL_IDS])
#define vprec_tenant_col_name (vprec_tenant_columns[VPREC_TENANT_COL_NAME])
#define vprec_tenant_col_nat_rules (vprec_tenant_columns[VPREC_TENANT_COL_NAT_RULES])

extern struct ovsdb_idl_column vprec_tenant_columns[VPREC_TENANT_N_COLUMNS];
bool vprec_server_has_tenant_table_col_external_access(const struct ovsdb_idl *); 
bool vprec_server_has_tenant_table_col_external_ids(const struct ovsdb_idl *); 
bool vprec_server_has_tenant_table_col_name(const struct ovsdb_idl *); 
bool vprec_server_has_tenant_table_col_nat_rules(const struct ovsdb_idl *); 

bool vprec_server_has_tenant_table(const struct ovsdb_idl *);
const struct vprec_tenant_table *vprec_tenant_table_get(const struct ovsdb_idl *);
const struct vprec_tenant *vprec_tenant_table_first(const struct vprec_tenant_table *);

#define VPREC_TENANT_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_tenant_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_tenant_next(ROW))
#define VPREC_TENANT_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_tenant_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_tenant_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_TENANT_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_tenant * ROW__next = ((ROW) = vprec_tenant_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_tenant_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_TENANT_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_TENANT_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_TENANT_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_tenant *vprec_tenant_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_tenant *vprec_tenant_table_get_for_uuid(const struct vprec_tenant_table *, const struct uuid *);
const struct vprec_tenant *vprec_tenant_first(const struct ovsdb_idl *);
const struct vprec_tenant *vprec_tenant_next(const struct vprec_tenant *);
#define VPREC_TENANT_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_tenant_first(IDL); \
             (ROW); \
             (ROW) = vprec_tenant_next(ROW))
#define VPREC_TENANT_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_tenant_first(IDL); \
             (ROW) ? ((NEXT) = vprec_tenant_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_TENANT_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_tenant * ROW__next = ((ROW) = vprec_tenant_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_tenant_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_TENANT_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_TENANT_FOR_EACH_SAFE_LONG,                    \
                            VPREC_TENANT_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_tenant_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_tenant_row_get_seqno(const struct vprec_tenant *row, enum ovsdb_idl_change change);
const struct vprec_tenant *vprec_tenant_track_get_first(const struct ovsdb_idl *);
const struct vprec_tenant *vprec_tenant_track_get_next(const struct vprec_tenant *);
#define VPREC_TENANT_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_tenant_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_tenant_track_get_next(ROW))

const struct vprec_tenant *vprec_tenant_table_track_get_first(const struct vprec_tenant_table *);
#define VPREC_TENANT_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_tenant_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_tenant_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_tenant_is_new(const struct vprec_tenant *row)
{
    return vprec_tenant_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_tenant_is_deleted(const struct vprec_tenant *row)
{
    return vprec_tenant_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_tenant_index_destroy_row(const struct vprec_tenant *);

struct vprec_tenant *vprec_tenant_index_find(struct ovsdb_idl_index *, const struct vprec_tenant *);

int vprec_tenant_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_tenant *, 
    const struct vprec_tenant *);
struct ovsdb_idl_cursor vprec_tenant_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_tenant_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_tenant *);
struct ovsdb_idl_cursor vprec_tenant_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_tenant *);

struct vprec_tenant *vprec_tenant_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_TENANT_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_tenant_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_tenant_cursor_data(&cursor__), \
                  !(TO) || vprec_tenant_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_TENANT_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_tenant_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_tenant_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_TENANT_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_tenant_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_tenant_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_tenant_init(struct vprec_tenant *);
void vprec_tenant_delete(const struct vprec_tenant *);
struct vprec_tenant *vprec_tenant_insert(struct ovsdb_idl_txn *);
struct vprec_tenant *vprec_tenant_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_tenant_column_id' of
 * the row referenced by 'struct vprec_tenant *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_tenant_is_updated(const struct vprec_tenant *, enum vprec_tenant_column_id);

void vprec_tenant_verify_external_access(const struct vprec_tenant *);
void vprec_tenant_verify_external_ids(const struct vprec_tenant *);
void vprec_tenant_verify_name(const struct vprec_tenant *);
void vprec_tenant_verify_nat_rules(const struct vprec_tenant *);

const struct ovsdb_datum *vprec_tenant_get_external_access(const struct vprec_tenant *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_tenant_get_external_ids(const struct vprec_tenant *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_tenant_get_name(const struct vprec_tenant *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_tenant_get_nat_rules(const struct vprec_tenant *, enum ovsdb_atomic_type key_type);

void vprec_tenant_set_external_access(const struct vprec_tenant *, bool external_access);
void vprec_tenant_set_external_ids(const struct vprec_tenant *, const struct smap *);
void vprec_tenant_set_name(const struct vprec_tenant *, const char *name);
void vprec_tenant_set_nat_rules(const struct vprec_tenant *, struct vprec_nat_rule **nat_rules, size_t n_nat_rules);

void vprec_tenant_add_clause_external_access(struct ovsdb_idl_condition *, enum ovsdb_function function, bool external_access);
unsigned int vprec_tenant_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_tenant_update_external_ids_setkey(const struct vprec_tenant *,  const char *, const char *);
void vprec_tenant_update_external_ids_delkey(const struct vprec_tenant *,  const char *);
void vprec_tenant_add_clause_external_ids(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_tenant_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_tenant_add_clause_name(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *name);
unsigned int vprec_tenant_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_tenant_update_nat_rules_addvalue(const struct vprec_tenant *,  const struct vprec_nat_rule *);
void vprec_tenant_update_nat_rules_delvalue(const struct vprec_tenant *,  const struct vprec_nat_rule *);
void vprec_tenant_add_clause_nat_rules(struct ovsdb_idl_condition *, enum ovsdb_function function, struct uuid **nat_rules, size_t n_nat_rules);
unsigned int vprec_tenant_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_tenant *vprec_tenant_index_init_row(struct ovsdb_idl_index *);
void vprec_tenant_index_set_external_access(const struct vprec_tenant *,
bool external_access);
void vprec_tenant_index_set_external_ids(const struct vprec_tenant *,
const struct smap *);
void vprec_tenant_index_set_name(const struct vprec_tenant *,
const char *name);
void vprec_tenant_index_set_nat_rules(const struct vprec_tenant *,
struct vprec_nat_rule **nat_rules, size_t n_nat_rules);

/* VNet table. */
struct vprec_vnet {
	struct ovsdb_idl_row header_;

	/* external_ids column. */
	struct smap external_ids;

	/* gateway_mac column. */
	char *gateway_mac;

	/* name column. */
	char *name;	/* Always nonnull. */

	/* subnets column. */
	char **subnets;
	size_t n_subnets;

	/* tenant column. */
	struct vprec_tenant *tenant;

	/* vni column. */
	int64_t vni;
};

enum vprec_vnet_column_id {
    VPREC_VNET_COL_EXTERNAL_IDS,
    VPREC_VNET_COL_GATEWAY_MAC,
    VPREC_VNET_COL_NAME,
    VPREC_VNET_COL_SUBNETS,
    VPREC_VNET_COL_TENANT,
    VPREC_VNET_COL_VNI,
    VPREC_VNET_N_COLUMNS
};

#define vprec_vnet_col_external_ids (vprec_vnet_columns[VPREC_VNET_COL_EXTERNAL_IDS])
#define vprec_vnet_col_gateway_mac (vprec_vnet_columns[VPREC_VNET_COL_GATEWAY_MAC])
#define vprec_vnet_col_name (vprec_vnet_columns[VPREC_VNET_COL_NAME])
#define vprec_vnet_col_subnets (vprec_vnet_columns[VPREC_VNET_COL_SUBNETS])
#define vprec_vnet_col_tenant (vprec_vnet_columns[VPREC_VNET_COL_TENANT])
#define vprec_vnet_col_vni (vprec_vnet_columns[VPREC_VNET_COL_VNI])

extern struct ovsdb_idl_column vprec_vnet_columns[VPREC_VNET_N_COLUMNS];
bool vprec_server_has_vnet_table_col_external_ids(const struct ovsdb_idl *); 
bool vprec_server_has_vnet_table_col_gateway_mac(const struct ovsdb_idl *); 
bool vprec_server_has_vnet_table_col_name(const struct ovsdb_idl *); 
bool vprec_server_has_vnet_table_col_subnets(const struct ovsdb_idl *); 
bool vprec_server_has_vnet_table_col_tenant(const struct ovsdb_idl *); 
bool vprec_server_has_vnet_table_col_vni(const struct ovsdb_idl *); 

bool vprec_server_has_vnet_table(const struct ovsdb_idl *);
const struct vprec_vnet_table *vprec_vnet_table_get(const struct ovsdb_idl *);
const struct vprec_vnet *vprec_vnet_table_first(const struct vprec_vnet_table *);

#define VPREC_VNET_TABLE_FOR_EACH(ROW, TABLE) \
        for ((ROW) = vprec_vnet_table_first(TABLE); \
             (ROW); \
             (ROW) = vprec_vnet_next(ROW))
#define VPREC_VNET_TABLE_FOR_EACH_SAFE_LONG(ROW, NEXT, TABLE) \
        for ((ROW) = vprec_vnet_table_first(TABLE); \
             (ROW) ? ((NEXT) = vprec_vnet_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_VNET_TABLE_FOR_EACH_SAFE_SHORT(ROW, TABLE) \
        for (const struct vprec_vnet * ROW__next = ((ROW) = vprec_vnet_table_first(TABLE), NULL); \
             (ROW) ? (ROW__next = vprec_vnet_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_VNET_TABLE_FOR_EACH_SAFE(...)                                        \
        OVERLOAD_SAFE_MACRO(VPREC_VNET_TABLE_FOR_EACH_SAFE_LONG,                   \
                            VPREC_VNET_TABLE_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)


const struct vprec_vnet *vprec_vnet_get_for_uuid(const struct ovsdb_idl *, const struct uuid *);
const struct vprec_vnet *vprec_vnet_table_get_for_uuid(const struct vprec_vnet_table *, const struct uuid *);
const struct vprec_vnet *vprec_vnet_first(const struct ovsdb_idl *);
const struct vprec_vnet *vprec_vnet_next(const struct vprec_vnet *);
#define VPREC_VNET_FOR_EACH(ROW, IDL) \
        for ((ROW) = vprec_vnet_first(IDL); \
             (ROW); \
             (ROW) = vprec_vnet_next(ROW))
#define VPREC_VNET_FOR_EACH_SAFE_LONG(ROW, NEXT, IDL) \
        for ((ROW) = vprec_vnet_first(IDL); \
             (ROW) ? ((NEXT) = vprec_vnet_next(ROW), 1) : 0; \
             (ROW) = (NEXT))
#define VPREC_VNET_FOR_EACH_SAFE_SHORT(ROW, IDL) \
        for (const struct vprec_vnet * ROW__next = ((ROW) = vprec_vnet_first(IDL), NULL); \
             (ROW) ? (ROW__next = vprec_vnet_next(ROW), 1) : (ROW__next = NULL, 0); \
             (ROW) = ROW__next)
#define VPREC_VNET_FOR_EACH_SAFE(...)                                         \
        OVERLOAD_SAFE_MACRO(VPREC_VNET_FOR_EACH_SAFE_LONG,                    \
                            VPREC_VNET_FOR_EACH_SAFE_SHORT, 3, __VA_ARGS__)

unsigned int vprec_vnet_get_seqno(const struct ovsdb_idl *);
unsigned int vprec_vnet_row_get_seqno(const struct vprec_vnet *row, enum ovsdb_idl_change change);
const struct vprec_vnet *vprec_vnet_track_get_first(const struct ovsdb_idl *);
const struct vprec_vnet *vprec_vnet_track_get_next(const struct vprec_vnet *);
#define VPREC_VNET_FOR_EACH_TRACKED(ROW, IDL) \
        for ((ROW) = vprec_vnet_track_get_first(IDL); \
             (ROW); \
             (ROW) = vprec_vnet_track_get_next(ROW))

const struct vprec_vnet *vprec_vnet_table_track_get_first(const struct vprec_vnet_table *);
#define VPREC_VNET_TABLE_FOR_EACH_TRACKED(ROW, TABLE) \
        for ((ROW) = vprec_vnet_table_track_get_first(TABLE); \
             (ROW); \
             (ROW) = vprec_vnet_track_get_next(ROW))


/* Returns true if 'row' was inserted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally is new or it
 * may given unexpected results. */
static inline bool vprec_vnet_is_new(const struct vprec_vnet *row)
{
    return vprec_vnet_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0;
}

/* Returns true if 'row' was deleted since the last change tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * deleted or it may given unexpected results. */
static inline bool vprec_vnet_is_deleted(const struct vprec_vnet *row)
{
    return vprec_vnet_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0;
}

void vprec_vnet_index_destroy_row(const struct vprec_vnet *);

struct vprec_vnet *vprec_vnet_index_find(struct ovsdb_idl_index *, const struct vprec_vnet *);

int vprec_vnet_index_compare(
    struct ovsdb_idl_index *, 
    const struct vprec_vnet *, 
    const struct vprec_vnet *);
struct ovsdb_idl_cursor vprec_vnet_cursor_first(struct ovsdb_idl_index *);
struct ovsdb_idl_cursor vprec_vnet_cursor_first_eq(
    struct ovsdb_idl_index *, const struct vprec_vnet *);
struct ovsdb_idl_cursor vprec_vnet_cursor_first_ge(
    struct ovsdb_idl_index *, const struct vprec_vnet *);

struct vprec_vnet *vprec_vnet_cursor_data(struct ovsdb_idl_cursor *);

#define VPREC_VNET_FOR_EACH_RANGE(ROW, FROM, TO, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_vnet_cursor_first_ge(INDEX, FROM); \
             (cursor__.position \
              && ((ROW) = vprec_vnet_cursor_data(&cursor__), \
                  !(TO) || vprec_vnet_index_compare(INDEX, ROW, TO) <= 0)); \
             ovsdb_idl_cursor_next(&cursor__))
#define VPREC_VNET_FOR_EACH_EQUAL(ROW, KEY, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_vnet_cursor_first_eq(INDEX, KEY); \
             (cursor__.position \
              ? ((ROW) = vprec_vnet_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next_eq(&cursor__), \
                 true) \
              : false); \
            )
#define VPREC_VNET_FOR_EACH_BYINDEX(ROW, INDEX) \
        for (struct ovsdb_idl_cursor cursor__ = vprec_vnet_cursor_first(INDEX); \
             (cursor__.position \
              ? ((ROW) = vprec_vnet_cursor_data(&cursor__), \
                 ovsdb_idl_cursor_next(&cursor__), \
                 true) \
              : false); \
            )

void vprec_vnet_init(struct vprec_vnet *);
void vprec_vnet_delete(const struct vprec_vnet *);
struct vprec_vnet *vprec_vnet_insert(struct ovsdb_idl_txn *);
struct vprec_vnet *vprec_vnet_insert_persist_uuid(
    struct ovsdb_idl_txn *txn, const struct uuid *uuid);

/* Returns true if the tracked column referenced by 'enum vprec_vnet_column_id' of
 * the row referenced by 'struct vprec_vnet *' was updated since the last change
 * tracking reset.
 *
 * Note: This can only be used to test rows of tracked changes. This cannot be
 * used to test if an uncommitted row that has been added locally has been
 * updated or it may given unexpected results. */
bool vprec_vnet_is_updated(const struct vprec_vnet *, enum vprec_vnet_column_id);

void vprec_vnet_verify_external_ids(const struct vprec_vnet *);
void vprec_vnet_verify_gateway_mac(const struct vprec_vnet *);
void vprec_vnet_verify_name(const struct vprec_vnet *);
void vprec_vnet_verify_subnets(const struct vprec_vnet *);
void vprec_vnet_verify_tenant(const struct vprec_vnet *);
void vprec_vnet_verify_vni(const struct vprec_vnet *);

const struct ovsdb_datum *vprec_vnet_get_external_ids(const struct vprec_vnet *, enum ovsdb_atomic_type key_type, enum ovsdb_atomic_type value_type);
const struct ovsdb_datum *vprec_vnet_get_gateway_mac(const struct vprec_vnet *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_vnet_get_name(const struct vprec_vnet *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_vnet_get_subnets(const struct vprec_vnet *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_vnet_get_tenant(const struct vprec_vnet *, enum ovsdb_atomic_type key_type);
const struct ovsdb_datum *vprec_vnet_get_vni(const struct vprec_vnet *, enum ovsdb_atomic_type key_type);

void vprec_vnet_set_external_ids(const struct vprec_vnet *, const struct smap *);
void vprec_vnet_set_gateway_mac(const struct vprec_vnet *, const char *gateway_mac);
void vprec_vnet_set_name(const struct vprec_vnet *, const char *name);
void vprec_vnet_set_subnets(const struct vprec_vnet *, const char **subnets, size_t n_subnets);
void vprec_vnet_set_tenant(const struct vprec_vnet *, const struct vprec_tenant *tenant);
void vprec_vnet_set_vni(const struct vprec_vnet *, int64_t vni);

void vprec_vnet_update_external_ids_setkey(const struct vprec_vnet *,  const char *, const char *);
void vprec_vnet_update_external_ids_delkey(const struct vprec_vnet *,  const char *);
void vprec_vnet_add_clause_external_ids(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct smap *);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_vnet_update_gateway_mac_addvalue(const struct vprec_vnet *,  const char *);
void vprec_vnet_update_gateway_mac_delvalue(const struct vprec_vnet *,  const char *);
void vprec_vnet_add_clause_gateway_mac(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *gateway_mac);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_vnet_add_clause_name(struct ovsdb_idl_condition *, enum ovsdb_function function, const char *name);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_vnet_update_subnets_addvalue(const struct vprec_vnet *,  const char *);
void vprec_vnet_update_subnets_delvalue(const struct vprec_vnet *,  const char *);
void vprec_vnet_add_clause_subnets(struct ovsdb_idl_condition *, enum ovsdb_function function, const char **subnets, size_t n_subnets);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_vnet_add_clause_tenant(struct ovsdb_idl_condition *, enum ovsdb_function function, const struct uuid *tenant);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);
void vprec_vnet_add_clause_vni(struct ovsdb_idl_condition *, enum ovsdb_function function, int64_t vni);
unsigned int vprec_vnet_set_condition(struct ovsdb_idl *, struct ovsdb_idl_condition *);

struct vprec_vnet *vprec_vnet_index_init_row(struct ovsdb_idl_index *);
void vprec_vnet_index_set_external_ids(const struct vprec_vnet *,
const struct smap *);
void vprec_vnet_index_set_gateway_mac(const struct vprec_vnet *,
const char *gateway_mac);
void vprec_vnet_index_set_name(const struct vprec_vnet *,
const char *name);
void vprec_vnet_index_set_subnets(const struct vprec_vnet *,
const char **subnets, size_t n_subnets);
void vprec_vnet_index_set_tenant(const struct vprec_vnet *,
const struct vprec_tenant *tenant);
void vprec_vnet_index_set_vni(const struct vprec_vnet *,
int64_t vni);

enum vprec_table_id {
    VPREC_TABLE_DEPLOYMENT,
    VPREC_TABLE_FIREWALL_RULE,
    VPREC_TABLE_HOST,
    VPREC_TABLE_NAT_RULE,
    VPREC_TABLE_PORT,
    VPREC_TABLE_ROUTE,
    VPREC_TABLE_TENANT,
    VPREC_TABLE_VNET,
    VPREC_N_TABLES
};

#define vprec_table_deployment (vprec_table_classes[VPREC_TABLE_DEPLOYMENT])
#define vprec_table_firewall_rule (vprec_table_classes[VPREC_TABLE_FIREWALL_RULE])
#define vprec_table_host (vprec_table_classes[VPREC_TABLE_HOST])
#define vprec_table_nat_rule (vprec_table_classes[VPREC_TABLE_NAT_RULE])
#define vprec_table_port (vprec_table_classes[VPREC_TABLE_PORT])
#define vprec_table_route (vprec_table_classes[VPREC_TABLE_ROUTE])
#define vprec_table_tenant (vprec_table_classes[VPREC_TABLE_TENANT])
#define vprec_table_vnet (vprec_table_classes[VPREC_TABLE_VNET])

extern struct ovsdb_idl_table_class vprec_table_classes[VPREC_N_TABLES];

extern struct ovsdb_idl_class vprec_idl_class;

const char * vprec_get_db_version(void);

#ifdef  __cplusplus
}
#endif

#endif /* VPREC_IDL_HEADER */
