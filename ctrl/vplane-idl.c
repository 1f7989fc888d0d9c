/* Generated automatically -- do not modify!    -*- buffer-read-only: t -*- */

#include <config.h>
#include "ctrl/vplane-idl.h"
#include <limits.h>
#include "ovs-thread.h"
#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "util.h"





static struct vprec_deployment *
vprec_deployment_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_deployment, header_) : NULL;
}

static struct vprec_firewall_rule *
vprec_firewall_rule_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_firewall_rule, header_) : NULL;
}

static struct vprec_host *
vprec_host_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_host, header_) : NULL;
}

static struct vprec_nat_rule *
vprec_nat_rule_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_nat_rule, header_) : NULL;
}

static struct vprec_port *
vprec_port_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_port, header_) : NULL;
}

static struct vprec_route *
vprec_route_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_route, header_) : NULL;
}

static struct vprec_tenant *
vprec_tenant_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_tenant, header_) : NULL;
}

static struct vprec_vnet *
vprec_vnet_cast(const struct ovsdb_idl_row *row)
{
    return row ? CONTAINER_OF(row, struct vprec_vnet, header_) : NULL;
}

/* Deployment table. */

bool
vprec_server_has_deployment_table_col_auto_register(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_auto_register);
}


bool
vprec_server_has_deployment_table_col_external_ids(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_external_ids);
}


bool
vprec_server_has_deployment_table_col_generation(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_generation);
}


bool
vprec_server_has_deployment_table_col_grace_period(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_grace_period);
}


bool
vprec_server_has_deployment_table_col_n_subsets(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_n_subsets);
}


bool
vprec_server_has_deployment_table_col_owner_rule(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_owner_rule);
}


bool
vprec_server_has_deployment_table_col_query_mode(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_deployment_col_query_mode);
}


bool
vprec_server_has_deployment_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}


const struct vprec_deployment_table *
vprec_deployment_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_deployment_table *) idl;
}

const struct vprec_deployment *
vprec_deployment_table_first(const struct vprec_deployment_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_deployment_first(idl);
}


const struct vprec_deployment *
vprec_deployment_table_track_get_first(const struct vprec_deployment_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_deployment_track_get_first(idl);
}


static void
vprec_deployment_parse_auto_register(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->auto_register = datum->keys[0].boolean;
    } else {
        row->auto_register = false;
    }
}

static void
vprec_deployment_parse_external_ids(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);
    smap_init(&row->external_ids);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->external_ids,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_deployment_parse_generation(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->generation = datum->keys[0].integer;
    } else {
        row->generation = 0;
    }
}

static void
vprec_deployment_parse_grace_period(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->grace_period = datum->keys[0].integer;
    } else {
        row->grace_period = 0;
    }
}

static void
vprec_deployment_parse_n_subsets(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->n_subsets = datum->keys[0].integer;
    } else {
        row->n_subsets = 0;
    }
}

static void
vprec_deployment_parse_owner_rule(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->owner_rule = datum->keys[0].s->string;
    } else {
        row->owner_rule = "";
    }
}

static void
vprec_deployment_parse_query_mode(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);

    if (datum->n >= 1) {
        row->query_mode = datum->keys[0].s->string;
    } else {
        row->query_mode = "";
    }
}

static void
vprec_deployment_unparse_auto_register(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_unparse_external_ids(struct ovsdb_idl_row *row_)
{
    struct vprec_deployment *row = vprec_deployment_cast(row_);
    smap_destroy(&row->external_ids);
}

static void
vprec_deployment_unparse_generation(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_unparse_grace_period(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_unparse_n_subsets(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_unparse_owner_rule(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_unparse_query_mode(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_deployment_init__(struct ovsdb_idl_row *row)
{
    vprec_deployment_init(vprec_deployment_cast(row));
}

/* Clears the contents of 'row' in table "Deployment". */
void
vprec_deployment_init(struct vprec_deployment *row)
{
    memset(row, 0, sizeof *row); 
    smap_init(&row->external_ids);
    row->owner_rule = "";
    row->query_mode = "";
}

/* Searches table "Deployment" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_deployment *
vprec_deployment_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_deployment_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_deployment, uuid));
}

/* Searches table "Deployment" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_deployment *
vprec_deployment_table_get_for_uuid(const struct vprec_deployment_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_deployment_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Deployment" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_deployment *
vprec_deployment_first(const struct ovsdb_idl *idl)
{
    return vprec_deployment_cast(ovsdb_idl_first_row(idl, &vprec_table_deployment));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_deployment *
vprec_deployment_next(const struct vprec_deployment *row)
{
    return vprec_deployment_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_deployment_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_deployment);
}

unsigned int vprec_deployment_row_get_seqno(const struct vprec_deployment *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_deployment *
vprec_deployment_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_deployment_cast(ovsdb_idl_track_get_first(idl, &vprec_table_deployment));
}

const struct vprec_deployment
*vprec_deployment_track_get_next(const struct vprec_deployment *row)
{
    return vprec_deployment_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Deployment".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_delete(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Deployment" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_deployment *
vprec_deployment_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_deployment_cast(ovsdb_idl_txn_insert(txn, &vprec_table_deployment, NULL));
}

/* Inserts and returns a new row in the table "Deployment" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_deployment *
vprec_deployment_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_deployment_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_deployment, uuid));
}

bool
vprec_deployment_is_updated(const struct vprec_deployment *row, enum vprec_deployment_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_deployment_columns[column]);
}

/* Causes the original contents of column "auto_register" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "auto_register" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "auto_register" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "auto_register" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "auto_register" has already been modified (with
 *     vprec_deployment_set_auto_register()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_auto_register() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_auto_register(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_auto_register);
}

/* Causes the original contents of column "external_ids" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ids" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ids" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ids" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "external_ids" has already been modified (with
 *     vprec_deployment_set_external_ids()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_external_ids() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_external_ids(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_external_ids);
}

/* Causes the original contents of column "generation" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "generation" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "generation" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "generation" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "generation" has already been modified (with
 *     vprec_deployment_set_generation()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_generation() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_generation(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_generation);
}

/* Causes the original contents of column "grace_period" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "grace_period" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "grace_period" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "grace_period" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "grace_period" has already been modified (with
 *     vprec_deployment_set_grace_period()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_grace_period() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_grace_period(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_grace_period);
}

/* Causes the original contents of column "n_subsets" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "n_subsets" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "n_subsets" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "n_subsets" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "n_subsets" has already been modified (with
 *     vprec_deployment_set_n_subsets()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_n_subsets() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_n_subsets(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_n_subsets);
}

/* Causes the original contents of column "owner_rule" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "owner_rule" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "owner_rule" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "owner_rule" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "owner_rule" has already been modified (with
 *     vprec_deployment_set_owner_rule()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_owner_rule() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_owner_rule(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_owner_rule);
}

/* Causes the original contents of column "query_mode" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "query_mode" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "query_mode" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "query_mode" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_deployment_insert()).
 *
 *   - If "query_mode" has already been modified (with
 *     vprec_deployment_set_query_mode()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_deployment_set_query_mode() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_deployment_verify_query_mode(const struct vprec_deployment *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_deployment_col_query_mode);
}

/* Returns the "auto_register" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_BOOLEAN.
 * (This helps to avoid silent bugs if someone changes auto_register's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "auto_register" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_auto_register(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_BOOLEAN);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_auto_register);
}

/* Returns the "external_ids" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ids's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ids" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_external_ids(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_external_ids);
}

/* Returns the "generation" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes generation's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "generation" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_generation(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_generation);
}

/* Returns the "grace_period" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes grace_period's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "grace_period" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_grace_period(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_grace_period);
}

/* Returns the "n_subsets" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes n_subsets's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "n_subsets" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_n_subsets(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_n_subsets);
}

/* Returns the "owner_rule" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes owner_rule's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "owner_rule" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_owner_rule(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_owner_rule);
}

/* Returns the "query_mode" column's value from the "Deployment" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes query_mode's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "query_mode" member in vprec_deployment. */
const struct ovsdb_datum *
vprec_deployment_get_query_mode(const struct vprec_deployment *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_deployment_col_query_mode);
}

/* Sets the "auto_register" column from the "Deployment" table in 'row' to
 * 'auto_register'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_auto_register(const struct vprec_deployment *row, bool auto_register)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = auto_register;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_auto_register, &datum);
}

/* Sets the "external_ids" column's value from the "Deployment" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_deployment_set_external_ids(const struct vprec_deployment *row, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_deployment_col_external_ids,
                        &datum);
}


/* Sets the "generation" column from the "Deployment" table in 'row' to
 * 'generation'.
 *
 * Argument constraints: at least 0
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_generation(const struct vprec_deployment *row, int64_t generation)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = generation;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_generation, &datum);
}

/* Sets the "grace_period" column from the "Deployment" table in 'row' to
 * 'grace_period'.
 *
 * Argument constraints: in range 0 to 3,600
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_grace_period(const struct vprec_deployment *row, int64_t grace_period)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = grace_period;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_grace_period, &datum);
}

/* Sets the "n_subsets" column from the "Deployment" table in 'row' to
 * 'n_subsets'.
 *
 * Argument constraints: in range 1 to 4,096
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_n_subsets(const struct vprec_deployment *row, int64_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = n_subsets;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_n_subsets, &datum);
}

/* Sets the "owner_rule" column from the "Deployment" table in 'row' to
 * 'owner_rule'.
 *
 * Argument constraints: either "higher" or "lower"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_owner_rule(const struct vprec_deployment *row, const char *owner_rule)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(owner_rule);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_owner_rule, &datum);
}

/* Sets the "query_mode" column from the "Deployment" table in 'row' to
 * 'query_mode'.
 *
 * Argument constraints: either "forward" or "query"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_set_query_mode(const struct vprec_deployment *row, const char *query_mode)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(query_mode);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_deployment_col_query_mode, &datum);
}

/* Sets an element of the "external_ids" map column from the "Deployment" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_deployment_update_external_ids_setkey(const struct vprec_deployment *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_deployment_col_external_ids,
                                    datum);
}

/* Deletes an element of the "external_ids" map column from the "Deployment" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_deployment_update_external_ids_delkey(const struct vprec_deployment *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_deployment_col_external_ids,
                                    datum);
}

/* Sets the "auto_register" column from the "Deployment" table in 'row' to
 * 'auto_register'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_auto_register(struct ovsdb_idl_condition *cond, enum ovsdb_function function, bool auto_register)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = auto_register;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_auto_register,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_auto_register.type);
}

/* Sets the "external_ids" column's value from the "Deployment" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_deployment_add_clause_external_ids(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_deployment_col_external_ids,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_deployment_col_external_ids.type);
}


/* Sets the "generation" column from the "Deployment" table in 'row' to
 * 'generation'.
 *
 * Argument constraints: at least 0
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_generation(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t generation)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = generation;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_generation,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_generation.type);
}

/* Sets the "grace_period" column from the "Deployment" table in 'row' to
 * 'grace_period'.
 *
 * Argument constraints: in range 0 to 3,600
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_grace_period(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t grace_period)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = grace_period;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_grace_period,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_grace_period.type);
}

/* Sets the "n_subsets" column from the "Deployment" table in 'row' to
 * 'n_subsets'.
 *
 * Argument constraints: in range 1 to 4,096
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_n_subsets(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = n_subsets;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_n_subsets,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_n_subsets.type);
}

/* Sets the "owner_rule" column from the "Deployment" table in 'row' to
 * 'owner_rule'.
 *
 * Argument constraints: either "higher" or "lower"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_owner_rule(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *owner_rule)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(owner_rule);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_owner_rule,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_owner_rule.type);
}

/* Sets the "query_mode" column from the "Deployment" table in 'row' to
 * 'query_mode'.
 *
 * Argument constraints: either "forward" or "query"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_add_clause_query_mode(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *query_mode)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(query_mode);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_deployment_col_query_mode,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_deployment_col_query_mode.type);
}

/* Destroy 'row' of kind "Deployment". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_deployment_index_destroy_row(const struct vprec_deployment *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Deployment". */
struct vprec_deployment *
vprec_deployment_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_deployment);
    return ALIGNED_CAST(struct vprec_deployment *, ovsdb_idl_index_init_row(index));
}

struct vprec_deployment *
vprec_deployment_index_find(struct ovsdb_idl_index *index, const struct vprec_deployment *target)
{
    ovs_assert(index->table->class_ == &vprec_table_deployment);
    return vprec_deployment_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_deployment_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_deployment *a, 
    const struct vprec_deployment *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_deployment_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_deployment);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_deployment_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_deployment *target)
{
    ovs_assert(index->table->class_ == &vprec_table_deployment);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_deployment_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_deployment *target)
{
    ovs_assert(index->table->class_ == &vprec_table_deployment);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_deployment *
vprec_deployment_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_deployment_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "auto_register" column from the "Deployment" table in 'row' to
 * 'auto_register'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_auto_register(const struct vprec_deployment *row, bool auto_register)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->boolean = auto_register;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_AUTO_REGISTER ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

/* Sets the "external_ids" column's value from the "Deployment" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_deployment_index_set_external_ids(const struct vprec_deployment *row, const struct smap *external_ids)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (external_ids) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(external_ids);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, external_ids) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_deployment_col_external_ids.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_deployment_columns[VPREC_DEPLOYMENT_COL_EXTERNAL_IDS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
    free(datum);
}


/* Sets the "generation" column from the "Deployment" table in 'row' to
 * 'generation'.
 *
 * Argument constraints: at least 0
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_generation(const struct vprec_deployment *row, int64_t generation)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = generation;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_GENERATION ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

/* Sets the "grace_period" column from the "Deployment" table in 'row' to
 * 'grace_period'.
 *
 * Argument constraints: in range 0 to 3,600
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_grace_period(const struct vprec_deployment *row, int64_t grace_period)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = grace_period;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_GRACE_PERIOD ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

/* Sets the "n_subsets" column from the "Deployment" table in 'row' to
 * 'n_subsets'.
 *
 * Argument constraints: in range 1 to 4,096
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_n_subsets(const struct vprec_deployment *row, int64_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = n_subsets;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_N_SUBSETS ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

/* Sets the "owner_rule" column from the "Deployment" table in 'row' to
 * 'owner_rule'.
 *
 * Argument constraints: either "higher" or "lower"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_owner_rule(const struct vprec_deployment *row, const char *owner_rule)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(owner_rule);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_OWNER_RULE ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

/* Sets the "query_mode" column from the "Deployment" table in 'row' to
 * 'query_mode'.
 *
 * Argument constraints: either "forward" or "query"
 *
 * The caller retains ownership of the arguments. */
void
vprec_deployment_index_set_query_mode(const struct vprec_deployment *row, const char *query_mode)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(query_mode);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_deployment_columns[ VPREC_DEPLOYMENT_COL_QUERY_MODE ], &datum, &vprec_table_classes[VPREC_TABLE_DEPLOYMENT]);
}

struct ovsdb_idl_column vprec_deployment_columns[VPREC_DEPLOYMENT_N_COLUMNS];

unsigned int
vprec_deployment_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_deployment, condition);
}
static struct json Deployment_col_owner_rule_key_enum_key_strings[2] = {
    { .type = JSON_STRING, .string = "higher", .count = 2 },
    { .type = JSON_STRING, .string = "lower", .count = 2 },
};
static union ovsdb_atom Deployment_col_owner_rule_key_enum_keys[2] = {
    { .s = &Deployment_col_owner_rule_key_enum_key_strings[0] },
    { .s = &Deployment_col_owner_rule_key_enum_key_strings[1] },
};
static struct ovsdb_datum Deployment_col_owner_rule_key_enum = {
    .n = 2,
    .keys = Deployment_col_owner_rule_key_enum_keys,
};
static struct json Deployment_col_query_mode_key_enum_key_strings[2] = {
    { .type = JSON_STRING, .string = "forward", .count = 2 },
    { .type = JSON_STRING, .string = "query", .count = 2 },
};
static union ovsdb_atom Deployment_col_query_mode_key_enum_keys[2] = {
    { .s = &Deployment_col_query_mode_key_enum_key_strings[0] },
    { .s = &Deployment_col_query_mode_key_enum_key_strings[1] },
};
static struct ovsdb_datum Deployment_col_query_mode_key_enum = {
    .n = 2,
    .keys = Deployment_col_query_mode_key_enum_keys,
};

struct ovsdb_idl_column vprec_deployment_columns[VPREC_DEPLOYMENT_N_COLUMNS] = {
    [VPREC_DEPLOYMENT_COL_AUTO_REGISTER] = {
         .name = "auto_register",
         .type = {
            .key = {
               .type = OVSDB_TYPE_BOOLEAN,
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_auto_register,
         .unparse = vprec_deployment_unparse_auto_register,
    },

    [VPREC_DEPLOYMENT_COL_EXTERNAL_IDS] = {
         .name = "external_ids",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_external_ids,
         .unparse = vprec_deployment_unparse_external_ids,
    },

    [VPREC_DEPLOYMENT_COL_GENERATION] = {
         .name = "generation",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_generation,
         .unparse = vprec_deployment_unparse_generation,
    },

    [VPREC_DEPLOYMENT_COL_GRACE_PERIOD] = {
         .name = "grace_period",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_C(3600) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_grace_period,
         .unparse = vprec_deployment_unparse_grace_period,
    },

    [VPREC_DEPLOYMENT_COL_N_SUBSETS] = {
         .name = "n_subsets",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(1), .max = INT64_C(4096) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_n_subsets,
         .unparse = vprec_deployment_unparse_n_subsets,
    },

    [VPREC_DEPLOYMENT_COL_OWNER_RULE] = {
         .name = "owner_rule",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &Deployment_col_owner_rule_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_owner_rule,
         .unparse = vprec_deployment_unparse_owner_rule,
    },

    [VPREC_DEPLOYMENT_COL_QUERY_MODE] = {
         .name = "query_mode",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &Deployment_col_query_mode_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_deployment_parse_query_mode,
         .unparse = vprec_deployment_unparse_query_mode,
    },

};

/* Firewall_Rule table. */

bool
vprec_server_has_firewall_rule_table_col_direction(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_direction);
}


bool
vprec_server_has_firewall_rule_table_col_dscp(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_dscp);
}


bool
vprec_server_has_firewall_rule_table_col_port_max(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_port_max);
}


bool
vprec_server_has_firewall_rule_table_col_port_min(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_port_min);
}


bool
vprec_server_has_firewall_rule_table_col_protocol(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_protocol);
}


bool
vprec_server_has_firewall_rule_table_col_remote_prefix(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_firewall_rule_col_remote_prefix);
}


bool
vprec_server_has_firewall_rule_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}


const struct vprec_firewall_rule_table *
vprec_firewall_rule_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_firewall_rule_table *) idl;
}

const struct vprec_firewall_rule *
vprec_firewall_rule_table_first(const struct vprec_firewall_rule_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_firewall_rule_first(idl);
}


const struct vprec_firewall_rule *
vprec_firewall_rule_table_track_get_first(const struct vprec_firewall_rule_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_firewall_rule_track_get_first(idl);
}


static void
vprec_firewall_rule_parse_direction(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);

    if (datum->n >= 1) {
        row->direction = datum->keys[0].s->string;
    } else {
        row->direction = "";
    }
}

static void
vprec_firewall_rule_parse_dscp(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);
    size_t n = MIN(1, datum->n);
    row->dscp = NULL;
    row->n_dscp = 0;
    for (size_t i = 0; i < n; i++) {
        if (!row->n_dscp) {
            row->dscp = xmalloc(n * sizeof *row->dscp);
        }
        row->dscp[row->n_dscp] = datum->keys[i].integer;
        row->n_dscp++;
    }
}

static void
vprec_firewall_rule_parse_port_max(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);

    if (datum->n >= 1) {
        row->port_max = datum->keys[0].integer;
    } else {
        row->port_max = 0;
    }
}

static void
vprec_firewall_rule_parse_port_min(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);

    if (datum->n >= 1) {
        row->port_min = datum->keys[0].integer;
    } else {
        row->port_min = 0;
    }
}

static void
vprec_firewall_rule_parse_protocol(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);

    if (datum->n >= 1) {
        row->protocol = datum->keys[0].s->string;
    } else {
        row->protocol = "";
    }
}

static void
vprec_firewall_rule_parse_remote_prefix(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);

    if (datum->n >= 1) {
        row->remote_prefix = datum->keys[0].s->string;
    } else {
        row->remote_prefix = "";
    }
}

static void
vprec_firewall_rule_unparse_direction(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_firewall_rule_unparse_dscp(struct ovsdb_idl_row *row_)
{
    struct vprec_firewall_rule *row = vprec_firewall_rule_cast(row_);
    free(row->dscp);
}

static void
vprec_firewall_rule_unparse_port_max(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_firewall_rule_unparse_port_min(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_firewall_rule_unparse_protocol(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_firewall_rule_unparse_remote_prefix(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_firewall_rule_init__(struct ovsdb_idl_row *row)
{
    vprec_firewall_rule_init(vprec_firewall_rule_cast(row));
}

/* Clears the contents of 'row' in table "Firewall_Rule". */
void
vprec_firewall_rule_init(struct vprec_firewall_rule *row)
{
    memset(row, 0, sizeof *row); 
    row->direction = "";
    row->protocol = "";
    row->remote_prefix = "";
}

/* Searches table "Firewall_Rule" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_firewall_rule *
vprec_firewall_rule_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_firewall_rule_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_firewall_rule, uuid));
}

/* Searches table "Firewall_Rule" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_firewall_rule *
vprec_firewall_rule_table_get_for_uuid(const struct vprec_firewall_rule_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_firewall_rule_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Firewall_Rule" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_firewall_rule *
vprec_firewall_rule_first(const struct ovsdb_idl *idl)
{
    return vprec_firewall_rule_cast(ovsdb_idl_first_row(idl, &vprec_table_firewall_rule));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_firewall_rule *
vprec_firewall_rule_next(const struct vprec_firewall_rule *row)
{
    return vprec_firewall_rule_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_firewall_rule_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_firewall_rule);
}

unsigned int vprec_firewall_rule_row_get_seqno(const struct vprec_firewall_rule *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_firewall_rule *
vprec_firewall_rule_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_firewall_rule_cast(ovsdb_idl_track_get_first(idl, &vprec_table_firewall_rule));
}

const struct vprec_firewall_rule
*vprec_firewall_rule_track_get_next(const struct vprec_firewall_rule *row)
{
    return vprec_firewall_rule_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Firewall_Rule".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_delete(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Firewall_Rule" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_firewall_rule *
vprec_firewall_rule_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_firewall_rule_cast(ovsdb_idl_txn_insert(txn, &vprec_table_firewall_rule, NULL));
}

/* Inserts and returns a new row in the table "Firewall_Rule" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_firewall_rule *
vprec_firewall_rule_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_firewall_rule_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_firewall_rule, uuid));
}

bool
vprec_firewall_rule_is_updated(const struct vprec_firewall_rule *row, enum vprec_firewall_rule_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_firewall_rule_columns[column]);
}

/* Causes the original contents of column "direction" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "direction" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "direction" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "direction" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "direction" has already been modified (with
 *     vprec_firewall_rule_set_direction()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_direction() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_direction(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_direction);
}

/* Causes the original contents of column "dscp" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "dscp" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "dscp" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "dscp" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "dscp" has already been modified (with
 *     vprec_firewall_rule_set_dscp()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_dscp() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_dscp(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_dscp);
}

/* Causes the original contents of column "port_max" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "port_max" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "port_max" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "port_max" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "port_max" has already been modified (with
 *     vprec_firewall_rule_set_port_max()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_port_max() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_port_max(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_port_max);
}

/* Causes the original contents of column "port_min" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "port_min" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "port_min" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "port_min" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "port_min" has already been modified (with
 *     vprec_firewall_rule_set_port_min()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_port_min() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_port_min(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_port_min);
}

/* Causes the original contents of column "protocol" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "protocol" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "protocol" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "protocol" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "protocol" has already been modified (with
 *     vprec_firewall_rule_set_protocol()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_protocol() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_protocol(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_protocol);
}

/* Causes the original contents of column "remote_prefix" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "remote_prefix" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "remote_prefix" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "remote_prefix" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_firewall_rule_insert()).
 *
 *   - If "remote_prefix" has already been modified (with
 *     vprec_firewall_rule_set_remote_prefix()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_firewall_rule_set_remote_prefix() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_firewall_rule_verify_remote_prefix(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_firewall_rule_col_remote_prefix);
}

/* Returns the "direction" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes direction's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "direction" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_direction(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_direction);
}

/* Returns the "dscp" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes dscp's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "dscp" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_dscp(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_dscp);
}

/* Returns the "port_max" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes port_max's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "port_max" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_port_max(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_port_max);
}

/* Returns the "port_min" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes port_min's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "port_min" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_port_min(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_port_min);
}

/* Returns the "protocol" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes protocol's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "protocol" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_protocol(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_protocol);
}

/* Returns the "remote_prefix" column's value from the "Firewall_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes remote_prefix's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "remote_prefix" member in vprec_firewall_rule. */
const struct ovsdb_datum *
vprec_firewall_rule_get_remote_prefix(const struct vprec_firewall_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_firewall_rule_col_remote_prefix);
}

/* Sets the "direction" column from the "Firewall_Rule" table in 'row' to
 * 'direction'.
 *
 * Argument constraints: either "egress" or "ingress"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_direction(const struct vprec_firewall_rule *row, const char *direction)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(direction);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_direction, &datum);
}

/* Sets the "dscp" column from the "Firewall_Rule" table in 'row' to
 * the 'dscp' set with 'n_dscp' entries.
 *
 * 'n_dscp' may be 0 or 1; if it is 0, then 'dscp'
 * may be NULL.
 *
 * Argument constraints: in range 0 to 63
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_dscp(const struct vprec_firewall_rule *row, const int64_t *dscp, size_t n_dscp)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_dscp) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *dscp;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_dscp, &datum);
}

/* Sets the "port_max" column from the "Firewall_Rule" table in 'row' to
 * 'port_max'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_port_max(const struct vprec_firewall_rule *row, int64_t port_max)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = port_max;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_port_max, &datum);
}

/* Sets the "port_min" column from the "Firewall_Rule" table in 'row' to
 * 'port_min'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_port_min(const struct vprec_firewall_rule *row, int64_t port_min)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = port_min;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_port_min, &datum);
}

/* Sets the "protocol" column from the "Firewall_Rule" table in 'row' to
 * 'protocol'.
 *
 * Argument constraints: one of "any", "icmp", "tcp", or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_protocol(const struct vprec_firewall_rule *row, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(protocol);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_protocol, &datum);
}

/* Sets the "remote_prefix" column from the "Firewall_Rule" table in 'row' to
 * 'remote_prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_set_remote_prefix(const struct vprec_firewall_rule *row, const char *remote_prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(remote_prefix);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_firewall_rule_col_remote_prefix, &datum);
}

/* Adds the value 'new_value' to the "dscp" set column from the "Firewall_Rule" table
 * in 'row'.
 *
 */
void
vprec_firewall_rule_update_dscp_addvalue(const struct vprec_firewall_rule *row, int64_t new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = new_value;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_firewall_rule_col_dscp,
                                    datum);
}

/* Deletes the value 'delete_value' from the "dscp" set column from the
 * "Firewall_Rule" table in 'row'.
 *
 */
void
vprec_firewall_rule_update_dscp_delvalue(const struct vprec_firewall_rule *row, int64_t delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = delete_value;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_firewall_rule_col_dscp,
                                    datum);
}

/* Sets the "direction" column from the "Firewall_Rule" table in 'row' to
 * 'direction'.
 *
 * Argument constraints: either "egress" or "ingress"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_direction(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *direction)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(direction);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_direction,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_direction.type);
}

/* Sets the "dscp" column from the "Firewall_Rule" table in 'row' to
 * the 'dscp' set with 'n_dscp' entries.
 *
 * 'n_dscp' may be 0 or 1; if it is 0, then 'dscp'
 * may be NULL.
 *
 * Argument constraints: in range 0 to 63
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_dscp(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const int64_t *dscp, size_t n_dscp)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_dscp) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *dscp;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_dscp,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_dscp.type);
}

/* Sets the "port_max" column from the "Firewall_Rule" table in 'row' to
 * 'port_max'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_port_max(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t port_max)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = port_max;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_port_max,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_port_max.type);
}

/* Sets the "port_min" column from the "Firewall_Rule" table in 'row' to
 * 'port_min'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_port_min(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t port_min)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = port_min;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_port_min,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_port_min.type);
}

/* Sets the "protocol" column from the "Firewall_Rule" table in 'row' to
 * 'protocol'.
 *
 * Argument constraints: one of "any", "icmp", "tcp", or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_protocol(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(protocol);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_protocol,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_protocol.type);
}

/* Sets the "remote_prefix" column from the "Firewall_Rule" table in 'row' to
 * 'remote_prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_add_clause_remote_prefix(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *remote_prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(remote_prefix);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_firewall_rule_col_remote_prefix,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_firewall_rule_col_remote_prefix.type);
}

/* Destroy 'row' of kind "Firewall_Rule". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_firewall_rule_index_destroy_row(const struct vprec_firewall_rule *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Firewall_Rule". */
struct vprec_firewall_rule *
vprec_firewall_rule_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_firewall_rule);
    return ALIGNED_CAST(struct vprec_firewall_rule *, ovsdb_idl_index_init_row(index));
}

struct vprec_firewall_rule *
vprec_firewall_rule_index_find(struct ovsdb_idl_index *index, const struct vprec_firewall_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_firewall_rule);
    return vprec_firewall_rule_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_firewall_rule_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_firewall_rule *a, 
    const struct vprec_firewall_rule *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_firewall_rule_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_firewall_rule);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_firewall_rule_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_firewall_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_firewall_rule);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_firewall_rule_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_firewall_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_firewall_rule);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_firewall_rule *
vprec_firewall_rule_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_firewall_rule_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "direction" column from the "Firewall_Rule" table in 'row' to
 * 'direction'.
 *
 * Argument constraints: either "egress" or "ingress"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_direction(const struct vprec_firewall_rule *row, const char *direction)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(direction);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_DIRECTION ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

/* Sets the "dscp" column from the "Firewall_Rule" table in 'row' to
 * the 'dscp' set with 'n_dscp' entries.
 *
 * 'n_dscp' may be 0 or 1; if it is 0, then 'dscp'
 * may be NULL.
 *
 * Argument constraints: in range 0 to 63
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_dscp(const struct vprec_firewall_rule *row, const int64_t *dscp, size_t n_dscp)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (n_dscp) {
        key = xmalloc(sizeof(union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->integer = *dscp;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_DSCP ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

/* Sets the "port_max" column from the "Firewall_Rule" table in 'row' to
 * 'port_max'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_port_max(const struct vprec_firewall_rule *row, int64_t port_max)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = port_max;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_PORT_MAX ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

/* Sets the "port_min" column from the "Firewall_Rule" table in 'row' to
 * 'port_min'.
 *
 * Argument constraints: in range 0 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_port_min(const struct vprec_firewall_rule *row, int64_t port_min)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = port_min;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_PORT_MIN ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

/* Sets the "protocol" column from the "Firewall_Rule" table in 'row' to
 * 'protocol'.
 *
 * Argument constraints: one of "any", "icmp", "tcp", or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_protocol(const struct vprec_firewall_rule *row, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(protocol);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_PROTOCOL ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

/* Sets the "remote_prefix" column from the "Firewall_Rule" table in 'row' to
 * 'remote_prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_firewall_rule_index_set_remote_prefix(const struct vprec_firewall_rule *row, const char *remote_prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(remote_prefix);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_firewall_rule_columns[ VPREC_FIREWALL_RULE_COL_REMOTE_PREFIX ], &datum, &vprec_table_classes[VPREC_TABLE_FIREWALL_RULE]);
}

struct ovsdb_idl_column vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_N_COLUMNS];

unsigned int
vprec_firewall_rule_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_firewall_rule, condition);
}
static struct json Firewall_Rule_col_direction_key_enum_key_strings[2] = {
    { .type = JSON_STRING, .string = "egress", .count = 2 },
    { .type = JSON_STRING, .string = "ingress", .count = 2 },
};
static union ovsdb_atom Firewall_Rule_col_direction_key_enum_keys[2] = {
    { .s = &Firewall_Rule_col_direction_key_enum_key_strings[0] },
    { .s = &Firewall_Rule_col_direction_key_enum_key_strings[1] },
};
static struct ovsdb_datum Firewall_Rule_col_direction_key_enum = {
    .n = 2,
    .keys = Firewall_Rule_col_direction_key_enum_keys,
};
static struct json Firewall_Rule_col_protocol_key_enum_key_strings[4] = {
    { .type = JSON_STRING, .string = "any", .count = 2 },
    { .type = JSON_STRING, .string = "icmp", .count = 2 },
    { .type = JSON_STRING, .string = "tcp", .count = 2 },
    { .type = JSON_STRING, .string = "udp", .count = 2 },
};
static union ovsdb_atom Firewall_Rule_col_protocol_key_enum_keys[4] = {
    { .s = &Firewall_Rule_col_protocol_key_enum_key_strings[0] },
    { .s = &Firewall_Rule_col_protocol_key_enum_key_strings[1] },
    { .s = &Firewall_Rule_col_protocol_key_enum_key_strings[2] },
    { .s = &Firewall_Rule_col_protocol_key_enum_key_strings[3] },
};
static struct ovsdb_datum Firewall_Rule_col_protocol_key_enum = {
    .n = 4,
    .keys = Firewall_Rule_col_protocol_key_enum_keys,
};

struct ovsdb_idl_column vprec_firewall_rule_columns[VPREC_FIREWALL_RULE_N_COLUMNS] = {
    [VPREC_FIREWALL_RULE_COL_DIRECTION] = {
         .name = "direction",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &Firewall_Rule_col_direction_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_direction,
         .unparse = vprec_firewall_rule_unparse_direction,
    },

    [VPREC_FIREWALL_RULE_COL_DSCP] = {
         .name = "dscp",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_C(63) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_dscp,
         .unparse = vprec_firewall_rule_unparse_dscp,
    },

    [VPREC_FIREWALL_RULE_COL_PORT_MAX] = {
         .name = "port_max",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_C(65535) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_port_max,
         .unparse = vprec_firewall_rule_unparse_port_max,
    },

    [VPREC_FIREWALL_RULE_COL_PORT_MIN] = {
         .name = "port_min",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_C(65535) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_port_min,
         .unparse = vprec_firewall_rule_unparse_port_min,
    },

    [VPREC_FIREWALL_RULE_COL_PROTOCOL] = {
         .name = "protocol",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &Firewall_Rule_col_protocol_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_protocol,
         .unparse = vprec_firewall_rule_unparse_protocol,
    },

    [VPREC_FIREWALL_RULE_COL_REMOTE_PREFIX] = {
         .name = "remote_prefix",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_firewall_rule_parse_remote_prefix,
         .unparse = vprec_firewall_rule_unparse_remote_prefix,
    },

};

/* Host table. */

bool
vprec_server_has_host_table_col_external_ids(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_external_ids);
}


bool
vprec_server_has_host_table_col_gateway(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_gateway);
}


bool
vprec_server_has_host_table_col_name(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_name);
}


bool
vprec_server_has_host_table_col_status(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_status);
}


bool
vprec_server_has_host_table_col_subsets(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_subsets);
}


bool
vprec_server_has_host_table_col_vtep(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_host_col_vtep);
}


bool
vprec_server_has_host_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_HOST]);
}


const struct vprec_host_table *
vprec_host_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_host_table *) idl;
}

const struct vprec_host *
vprec_host_table_first(const struct vprec_host_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_host_first(idl);
}


const struct vprec_host *
vprec_host_table_track_get_first(const struct vprec_host_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_host_track_get_first(idl);
}


static void
vprec_host_parse_external_ids(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);
    smap_init(&row->external_ids);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->external_ids,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_host_parse_gateway(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);

    if (datum->n >= 1) {
        row->gateway = datum->keys[0].boolean;
    } else {
        row->gateway = false;
    }
}

static void
vprec_host_parse_name(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);

    if (datum->n >= 1) {
        row->name = datum->keys[0].s->string;
    } else {
        row->name = "";
    }
}

static void
vprec_host_parse_status(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);
    smap_init(&row->status);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->status,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_host_parse_subsets(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);
    row->subsets = NULL;
    row->n_subsets = 0;
    for (size_t i = 0; i < datum->n; i++) {
        if (!row->n_subsets) {
            row->subsets = xmalloc(datum->n * sizeof *row->subsets);
        }
        row->subsets[row->n_subsets] = datum->keys[i].integer;
        row->n_subsets++;
    }
}

static void
vprec_host_parse_vtep(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_host *row = vprec_host_cast(row_);

    if (datum->n >= 1) {
        row->vtep = datum->keys[0].s->string;
    } else {
        row->vtep = "";
    }
}

static void
vprec_host_unparse_external_ids(struct ovsdb_idl_row *row_)
{
    struct vprec_host *row = vprec_host_cast(row_);
    smap_destroy(&row->external_ids);
}

static void
vprec_host_unparse_gateway(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_host_unparse_name(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_host_unparse_status(struct ovsdb_idl_row *row_)
{
    struct vprec_host *row = vprec_host_cast(row_);
    smap_destroy(&row->status);
}

static void
vprec_host_unparse_subsets(struct ovsdb_idl_row *row_)
{
    struct vprec_host *row = vprec_host_cast(row_);
    free(row->subsets);
}

static void
vprec_host_unparse_vtep(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_host_init__(struct ovsdb_idl_row *row)
{
    vprec_host_init(vprec_host_cast(row));
}

/* Clears the contents of 'row' in table "Host". */
void
vprec_host_init(struct vprec_host *row)
{
    memset(row, 0, sizeof *row); 
    smap_init(&row->external_ids);
    row->name = "";
    smap_init(&row->status);
    row->vtep = "";
}

/* Searches table "Host" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_host *
vprec_host_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_host_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_host, uuid));
}

/* Searches table "Host" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_host *
vprec_host_table_get_for_uuid(const struct vprec_host_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_host_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Host" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_host *
vprec_host_first(const struct ovsdb_idl *idl)
{
    return vprec_host_cast(ovsdb_idl_first_row(idl, &vprec_table_host));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_host *
vprec_host_next(const struct vprec_host *row)
{
    return vprec_host_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_host_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_host);
}

unsigned int vprec_host_row_get_seqno(const struct vprec_host *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_host *
vprec_host_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_host_cast(ovsdb_idl_track_get_first(idl, &vprec_table_host));
}

const struct vprec_host
*vprec_host_track_get_next(const struct vprec_host *row)
{
    return vprec_host_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Host".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_delete(const struct vprec_host *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Host" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_host *
vprec_host_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_host_cast(ovsdb_idl_txn_insert(txn, &vprec_table_host, NULL));
}

/* Inserts and returns a new row in the table "Host" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_host *
vprec_host_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_host_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_host, uuid));
}

bool
vprec_host_is_updated(const struct vprec_host *row, enum vprec_host_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_host_columns[column]);
}

/* Causes the original contents of column "external_ids" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ids" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ids" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ids" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "external_ids" has already been modified (with
 *     vprec_host_set_external_ids()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_external_ids() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_external_ids(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_external_ids);
}

/* Causes the original contents of column "gateway" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "gateway" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "gateway" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "gateway" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "gateway" has already been modified (with
 *     vprec_host_set_gateway()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_gateway() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_gateway(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_gateway);
}

/* Causes the original contents of column "name" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "name" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "name" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "name" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "name" has already been modified (with
 *     vprec_host_set_name()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_name() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_name(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_name);
}

/* Causes the original contents of column "status" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "status" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "status" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "status" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "status" has already been modified (with
 *     vprec_host_set_status()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_status() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_status(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_status);
}

/* Causes the original contents of column "subsets" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "subsets" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "subsets" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "subsets" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "subsets" has already been modified (with
 *     vprec_host_set_subsets()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_subsets() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_subsets(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_subsets);
}

/* Causes the original contents of column "vtep" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vtep" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vtep" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vtep" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_host_insert()).
 *
 *   - If "vtep" has already been modified (with
 *     vprec_host_set_vtep()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_host_set_vtep() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_host_verify_vtep(const struct vprec_host *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_host_col_vtep);
}

/* Returns the "external_ids" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ids's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ids" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_external_ids(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_external_ids);
}

/* Returns the "gateway" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_BOOLEAN.
 * (This helps to avoid silent bugs if someone changes gateway's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "gateway" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_gateway(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_BOOLEAN);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_gateway);
}

/* Returns the "name" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes name's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "name" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_name(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_name);
}

/* Returns the "status" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes status's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "status" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_status(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_status);
}

/* Returns the "subsets" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes subsets's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "subsets" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_subsets(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_subsets);
}

/* Returns the "vtep" column's value from the "Host" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes vtep's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vtep" member in vprec_host. */
const struct ovsdb_datum *
vprec_host_get_vtep(const struct vprec_host *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_host_col_vtep);
}

/* Sets the "external_ids" column's value from the "Host" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_host_set_external_ids(const struct vprec_host *row, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_host_col_external_ids,
                        &datum);
}


/* Sets the "gateway" column from the "Host" table in 'row' to
 * 'gateway'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_set_gateway(const struct vprec_host *row, bool gateway)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = gateway;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_host_col_gateway, &datum);
}

/* Sets the "name" column from the "Host" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_set_name(const struct vprec_host *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_host_col_name, &datum);
}

/* Sets the "status" column's value from the "Host" table in 'row'
 * to 'status'.
 *
 * The caller retains ownership of 'status' and everything in it. */
void
vprec_host_set_status(const struct vprec_host *row, const struct smap *status)
{
    struct ovsdb_datum datum;

    if (status) {
        ovsdb_datum_from_smap(&datum, status);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_host_col_status,
                        &datum);
}


/* Sets the "subsets" column from the "Host" table in 'row' to
 * the 'subsets' set with 'n_subsets' entries.
 *
 * Argument constraints: in range 0 to 4,095
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_set_subsets(const struct vprec_host *row, const int64_t *subsets, size_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_subsets;
    datum.keys = n_subsets ? xmalloc(n_subsets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_subsets; i++) {
        datum.keys[i].integer = subsets[i];
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_host_col_subsets, &datum);
}

/* Sets the "vtep" column from the "Host" table in 'row' to
 * 'vtep'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_set_vtep(const struct vprec_host *row, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(vtep);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_host_col_vtep, &datum);
}

/* Sets an element of the "external_ids" map column from the "Host" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_host_update_external_ids_setkey(const struct vprec_host *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_host_col_external_ids,
                                    datum);
}

/* Deletes an element of the "external_ids" map column from the "Host" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_host_update_external_ids_delkey(const struct vprec_host *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_host_col_external_ids,
                                    datum);
}

/* Sets an element of the "status" map column from the "Host" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_host_update_status_setkey(const struct vprec_host *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_host_col_status,
                                    datum);
}

/* Deletes an element of the "status" map column from the "Host" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_host_update_status_delkey(const struct vprec_host *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_host_col_status,
                                    datum);
}

/* Adds the value 'new_value' to the "subsets" set column from the "Host" table
 * in 'row'.
 *
 */
void
vprec_host_update_subsets_addvalue(const struct vprec_host *row, int64_t new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = new_value;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_host_col_subsets,
                                    datum);
}

/* Deletes the value 'delete_value' from the "subsets" set column from the
 * "Host" table in 'row'.
 *
 */
void
vprec_host_update_subsets_delvalue(const struct vprec_host *row, int64_t delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = delete_value;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_host_col_subsets,
                                    datum);
}

/* Sets the "external_ids" column's value from the "Host" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_host_add_clause_external_ids(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_host_col_external_ids,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_host_col_external_ids.type);
}


/* Sets the "gateway" column from the "Host" table in 'row' to
 * 'gateway'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_add_clause_gateway(struct ovsdb_idl_condition *cond, enum ovsdb_function function, bool gateway)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = gateway;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_host_col_gateway,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_host_col_gateway.type);
}

/* Sets the "name" column from the "Host" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_add_clause_name(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_host_col_name,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_host_col_name.type);
}

/* Sets the "status" column's value from the "Host" table in 'row'
 * to 'status'.
 *
 * The caller retains ownership of 'status' and everything in it. */
void
vprec_host_add_clause_status(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *status)
{
    struct ovsdb_datum datum;

    if (status) {
        ovsdb_datum_from_smap(&datum, status);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_host_col_status,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_host_col_status.type);
}


/* Sets the "subsets" column from the "Host" table in 'row' to
 * the 'subsets' set with 'n_subsets' entries.
 *
 * Argument constraints: in range 0 to 4,095
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_add_clause_subsets(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const int64_t *subsets, size_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_subsets;
    datum.keys = n_subsets ? xmalloc(n_subsets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_subsets; i++) {
        datum.keys[i].integer = subsets[i];
    }
    ovsdb_datum_sort_unique(&datum, &vprec_host_col_subsets.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_host_col_subsets,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_host_col_subsets.type);
}

/* Sets the "vtep" column from the "Host" table in 'row' to
 * 'vtep'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_add_clause_vtep(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(vtep);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_host_col_vtep,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_host_col_vtep.type);
}

/* Destroy 'row' of kind "Host". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_host_index_destroy_row(const struct vprec_host *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Host". */
struct vprec_host *
vprec_host_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_host);
    return ALIGNED_CAST(struct vprec_host *, ovsdb_idl_index_init_row(index));
}

struct vprec_host *
vprec_host_index_find(struct ovsdb_idl_index *index, const struct vprec_host *target)
{
    ovs_assert(index->table->class_ == &vprec_table_host);
    return vprec_host_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_host_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_host *a, 
    const struct vprec_host *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_host_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_host);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_host_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_host *target)
{
    ovs_assert(index->table->class_ == &vprec_table_host);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_host_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_host *target)
{
    ovs_assert(index->table->class_ == &vprec_table_host);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_host *
vprec_host_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_host_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "external_ids" column's value from the "Host" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_host_index_set_external_ids(const struct vprec_host *row, const struct smap *external_ids)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (external_ids) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(external_ids);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, external_ids) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_host_col_external_ids.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_host_columns[VPREC_HOST_COL_EXTERNAL_IDS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_HOST]);
    free(datum);
}


/* Sets the "gateway" column from the "Host" table in 'row' to
 * 'gateway'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_index_set_gateway(const struct vprec_host *row, bool gateway)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->boolean = gateway;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_host_columns[ VPREC_HOST_COL_GATEWAY ], &datum, &vprec_table_classes[VPREC_TABLE_HOST]);
}

/* Sets the "name" column from the "Host" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_index_set_name(const struct vprec_host *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_host_columns[ VPREC_HOST_COL_NAME ], &datum, &vprec_table_classes[VPREC_TABLE_HOST]);
}

/* Sets the "status" column's value from the "Host" table in 'row'
 * to 'status'.
 *
 * The caller retains ownership of 'status' and everything in it. */
void
vprec_host_index_set_status(const struct vprec_host *row, const struct smap *status)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (status) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(status);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, status) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_host_col_status.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_host_columns[VPREC_HOST_COL_STATUS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_HOST]);
    free(datum);
}


/* Sets the "subsets" column from the "Host" table in 'row' to
 * the 'subsets' set with 'n_subsets' entries.
 *
 * Argument constraints: in range 0 to 4,095
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_index_set_subsets(const struct vprec_host *row, const int64_t *subsets, size_t n_subsets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_subsets;
    datum.keys = n_subsets ? xmalloc(n_subsets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_subsets; i++) {
        datum.keys[i].integer = subsets[i];
    }
    ovsdb_datum_sort_unique(&datum, &vprec_host_col_subsets.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_host_columns[ VPREC_HOST_COL_SUBSETS ], &datum, &vprec_table_classes[VPREC_TABLE_HOST]);
}

/* Sets the "vtep" column from the "Host" table in 'row' to
 * 'vtep'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_host_index_set_vtep(const struct vprec_host *row, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(vtep);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_host_columns[ VPREC_HOST_COL_VTEP ], &datum, &vprec_table_classes[VPREC_TABLE_HOST]);
}

struct ovsdb_idl_column vprec_host_columns[VPREC_HOST_N_COLUMNS];

unsigned int
vprec_host_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_host, condition);
}

struct ovsdb_idl_column vprec_host_columns[VPREC_HOST_N_COLUMNS] = {
    [VPREC_HOST_COL_EXTERNAL_IDS] = {
         .name = "external_ids",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_external_ids,
         .unparse = vprec_host_unparse_external_ids,
    },

    [VPREC_HOST_COL_GATEWAY] = {
         .name = "gateway",
         .type = {
            .key = {
               .type = OVSDB_TYPE_BOOLEAN,
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_gateway,
         .unparse = vprec_host_unparse_gateway,
    },

    [VPREC_HOST_COL_NAME] = {
         .name = "name",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_name,
         .unparse = vprec_host_unparse_name,
    },

    [VPREC_HOST_COL_STATUS] = {
         .name = "status",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_status,
         .unparse = vprec_host_unparse_status,
    },

    [VPREC_HOST_COL_SUBSETS] = {
         .name = "subsets",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(0), .max = INT64_C(4095) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_subsets,
         .unparse = vprec_host_unparse_subsets,
    },

    [VPREC_HOST_COL_VTEP] = {
         .name = "vtep",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_host_parse_vtep,
         .unparse = vprec_host_unparse_vtep,
    },

};

/* NAT_Rule table. */

bool
vprec_server_has_nat_rule_table_col_external_ip(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_external_ip);
}


bool
vprec_server_has_nat_rule_table_col_external_port(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_external_port);
}


bool
vprec_server_has_nat_rule_table_col_internal_ip(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_internal_ip);
}


bool
vprec_server_has_nat_rule_table_col_internal_port(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_internal_port);
}


bool
vprec_server_has_nat_rule_table_col_protocol(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_protocol);
}


bool
vprec_server_has_nat_rule_table_col_type(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_type);
}


bool
vprec_server_has_nat_rule_table_col_vnet(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_nat_rule_col_vnet);
}


bool
vprec_server_has_nat_rule_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}


const struct vprec_nat_rule_table *
vprec_nat_rule_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_nat_rule_table *) idl;
}

const struct vprec_nat_rule *
vprec_nat_rule_table_first(const struct vprec_nat_rule_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_nat_rule_first(idl);
}


const struct vprec_nat_rule *
vprec_nat_rule_table_track_get_first(const struct vprec_nat_rule_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_nat_rule_track_get_first(idl);
}


static void
vprec_nat_rule_parse_external_ip(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);

    if (datum->n >= 1) {
        row->external_ip = datum->keys[0].s->string;
    } else {
        row->external_ip = "";
    }
}

static void
vprec_nat_rule_parse_external_port(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);
    size_t n = MIN(1, datum->n);
    row->external_port = NULL;
    row->n_external_port = 0;
    for (size_t i = 0; i < n; i++) {
        if (!row->n_external_port) {
            row->external_port = xmalloc(n * sizeof *row->external_port);
        }
        row->external_port[row->n_external_port] = datum->keys[i].integer;
        row->n_external_port++;
    }
}

static void
vprec_nat_rule_parse_internal_ip(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);

    if (datum->n >= 1) {
        row->internal_ip = datum->keys[0].s->string;
    } else {
        row->internal_ip = NULL;
    }
}

static void
vprec_nat_rule_parse_internal_port(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);
    size_t n = MIN(1, datum->n);
    row->internal_port = NULL;
    row->n_internal_port = 0;
    for (size_t i = 0; i < n; i++) {
        if (!row->n_internal_port) {
            row->internal_port = xmalloc(n * sizeof *row->internal_port);
        }
        row->internal_port[row->n_internal_port] = datum->keys[i].integer;
        row->n_internal_port++;
    }
}

static void
vprec_nat_rule_parse_protocol(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);

    if (datum->n >= 1) {
        row->protocol = datum->keys[0].s->string;
    } else {
        row->protocol = NULL;
    }
}

static void
vprec_nat_rule_parse_type(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);

    if (datum->n >= 1) {
        row->type = datum->keys[0].s->string;
    } else {
        row->type = "";
    }
}

static void
vprec_nat_rule_parse_vnet(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);

    if (datum->n >= 1) {
        row->vnet = vprec_vnet_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_vnet, &datum->keys[0].uuid));
    } else {
        row->vnet = NULL;
    }
}

static void
vprec_nat_rule_unparse_external_ip(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_nat_rule_unparse_external_port(struct ovsdb_idl_row *row_)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);
    free(row->external_port);
}

static void
vprec_nat_rule_unparse_internal_ip(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_nat_rule_unparse_internal_port(struct ovsdb_idl_row *row_)
{
    struct vprec_nat_rule *row = vprec_nat_rule_cast(row_);
    free(row->internal_port);
}

static void
vprec_nat_rule_unparse_protocol(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_nat_rule_unparse_type(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_nat_rule_unparse_vnet(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_nat_rule_init__(struct ovsdb_idl_row *row)
{
    vprec_nat_rule_init(vprec_nat_rule_cast(row));
}

/* Clears the contents of 'row' in table "NAT_Rule". */
void
vprec_nat_rule_init(struct vprec_nat_rule *row)
{
    memset(row, 0, sizeof *row); 
    row->external_ip = "";
    row->type = "";
}

/* Searches table "NAT_Rule" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_nat_rule *
vprec_nat_rule_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_nat_rule_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_nat_rule, uuid));
}

/* Searches table "NAT_Rule" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_nat_rule *
vprec_nat_rule_table_get_for_uuid(const struct vprec_nat_rule_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_nat_rule_get_for_uuid(idl, uuid);
}

/* Returns a row in table "NAT_Rule" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_nat_rule *
vprec_nat_rule_first(const struct ovsdb_idl *idl)
{
    return vprec_nat_rule_cast(ovsdb_idl_first_row(idl, &vprec_table_nat_rule));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_nat_rule *
vprec_nat_rule_next(const struct vprec_nat_rule *row)
{
    return vprec_nat_rule_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_nat_rule_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_nat_rule);
}

unsigned int vprec_nat_rule_row_get_seqno(const struct vprec_nat_rule *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_nat_rule *
vprec_nat_rule_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_nat_rule_cast(ovsdb_idl_track_get_first(idl, &vprec_table_nat_rule));
}

const struct vprec_nat_rule
*vprec_nat_rule_track_get_next(const struct vprec_nat_rule *row)
{
    return vprec_nat_rule_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "NAT_Rule".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_delete(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "NAT_Rule" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_nat_rule *
vprec_nat_rule_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_nat_rule_cast(ovsdb_idl_txn_insert(txn, &vprec_table_nat_rule, NULL));
}

/* Inserts and returns a new row in the table "NAT_Rule" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_nat_rule *
vprec_nat_rule_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_nat_rule_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_nat_rule, uuid));
}

bool
vprec_nat_rule_is_updated(const struct vprec_nat_rule *row, enum vprec_nat_rule_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_nat_rule_columns[column]);
}

/* Causes the original contents of column "external_ip" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ip" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ip" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ip" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "external_ip" has already been modified (with
 *     vprec_nat_rule_set_external_ip()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_external_ip() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_external_ip(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_external_ip);
}

/* Causes the original contents of column "external_port" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_port" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_port" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_port" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "external_port" has already been modified (with
 *     vprec_nat_rule_set_external_port()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_external_port() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_external_port(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_external_port);
}

/* Causes the original contents of column "internal_ip" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "internal_ip" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "internal_ip" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "internal_ip" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "internal_ip" has already been modified (with
 *     vprec_nat_rule_set_internal_ip()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_internal_ip() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_internal_ip(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_internal_ip);
}

/* Causes the original contents of column "internal_port" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "internal_port" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "internal_port" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "internal_port" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "internal_port" has already been modified (with
 *     vprec_nat_rule_set_internal_port()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_internal_port() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_internal_port(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_internal_port);
}

/* Causes the original contents of column "protocol" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "protocol" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "protocol" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "protocol" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "protocol" has already been modified (with
 *     vprec_nat_rule_set_protocol()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_protocol() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_protocol(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_protocol);
}

/* Causes the original contents of column "type" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "type" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "type" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "type" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "type" has already been modified (with
 *     vprec_nat_rule_set_type()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_type() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_type(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_type);
}

/* Causes the original contents of column "vnet" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vnet" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vnet" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vnet" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_nat_rule_insert()).
 *
 *   - If "vnet" has already been modified (with
 *     vprec_nat_rule_set_vnet()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_nat_rule_set_vnet() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_nat_rule_verify_vnet(const struct vprec_nat_rule *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_nat_rule_col_vnet);
}

/* Returns the "external_ip" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ip's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ip" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_external_ip(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_external_ip);
}

/* Returns the "external_port" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes external_port's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_port" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_external_port(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_external_port);
}

/* Returns the "internal_ip" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes internal_ip's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "internal_ip" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_internal_ip(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_internal_ip);
}

/* Returns the "internal_port" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes internal_port's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "internal_port" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_internal_port(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_internal_port);
}

/* Returns the "protocol" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes protocol's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "protocol" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_protocol(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_protocol);
}

/* Returns the "type" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes type's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "type" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_type(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_type);
}

/* Returns the "vnet" column's value from the "NAT_Rule" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes vnet's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vnet" member in vprec_nat_rule. */
const struct ovsdb_datum *
vprec_nat_rule_get_vnet(const struct vprec_nat_rule *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_nat_rule_col_vnet);
}

/* Sets the "external_ip" column from the "NAT_Rule" table in 'row' to
 * 'external_ip'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_external_ip(const struct vprec_nat_rule *row, const char *external_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(external_ip);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_external_ip, &datum);
}

/* Sets the "external_port" column from the "NAT_Rule" table in 'row' to
 * the 'external_port' set with 'n_external_port' entries.
 *
 * 'n_external_port' may be 0 or 1; if it is 0, then 'external_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_external_port(const struct vprec_nat_rule *row, const int64_t *external_port, size_t n_external_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_external_port) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *external_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_external_port, &datum);
}

/* Sets the "internal_ip" column from the "NAT_Rule" table in 'row' to
 * the 'internal_ip' set.
 *
 * If "internal_ip" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_internal_ip(const struct vprec_nat_rule *row, const char *internal_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (internal_ip) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(internal_ip);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_internal_ip, &datum);
}

/* Sets the "internal_port" column from the "NAT_Rule" table in 'row' to
 * the 'internal_port' set with 'n_internal_port' entries.
 *
 * 'n_internal_port' may be 0 or 1; if it is 0, then 'internal_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_internal_port(const struct vprec_nat_rule *row, const int64_t *internal_port, size_t n_internal_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_internal_port) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *internal_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_internal_port, &datum);
}

/* Sets the "protocol" column from the "NAT_Rule" table in 'row' to
 * the 'protocol' set.
 *
 * If "protocol" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * Argument constraints: either "tcp" or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_protocol(const struct vprec_nat_rule *row, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (protocol) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(protocol);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_protocol, &datum);
}

/* Sets the "type" column from the "NAT_Rule" table in 'row' to
 * 'type'.
 *
 * Argument constraints: one of "floating-ip", "port-forward", or "snat"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_type(const struct vprec_nat_rule *row, const char *type)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(type);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_type, &datum);
}

/* Sets the "vnet" column from the "NAT_Rule" table in 'row' to
 * the 'vnet' set.
 *
 * If "vnet" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_set_vnet(const struct vprec_nat_rule *row, const struct vprec_vnet *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vnet) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->uuid = vnet->header_.uuid;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_nat_rule_col_vnet, &datum);
}

/* Adds the value 'new_value' to the "external_port" set column from the "NAT_Rule" table
 * in 'row'.
 *
 */
void
vprec_nat_rule_update_external_port_addvalue(const struct vprec_nat_rule *row, int64_t new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = new_value;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_nat_rule_col_external_port,
                                    datum);
}

/* Deletes the value 'delete_value' from the "external_port" set column from the
 * "NAT_Rule" table in 'row'.
 *
 */
void
vprec_nat_rule_update_external_port_delvalue(const struct vprec_nat_rule *row, int64_t delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = delete_value;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_nat_rule_col_external_port,
                                    datum);
}

/* Adds the value 'new_value' to the "internal_ip" set column from the "NAT_Rule" table
 * in 'row'.
 *
 */
void
vprec_nat_rule_update_internal_ip_addvalue(const struct vprec_nat_rule *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_nat_rule_col_internal_ip,
                                    datum);
}

/* Deletes the value 'delete_value' from the "internal_ip" set column from the
 * "NAT_Rule" table in 'row'.
 *
 */
void
vprec_nat_rule_update_internal_ip_delvalue(const struct vprec_nat_rule *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_nat_rule_col_internal_ip,
                                    datum);
}

/* Adds the value 'new_value' to the "internal_port" set column from the "NAT_Rule" table
 * in 'row'.
 *
 */
void
vprec_nat_rule_update_internal_port_addvalue(const struct vprec_nat_rule *row, int64_t new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = new_value;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_nat_rule_col_internal_port,
                                    datum);
}

/* Deletes the value 'delete_value' from the "internal_port" set column from the
 * "NAT_Rule" table in 'row'.
 *
 */
void
vprec_nat_rule_update_internal_port_delvalue(const struct vprec_nat_rule *row, int64_t delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].integer = delete_value;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_nat_rule_col_internal_port,
                                    datum);
}

/* Adds the value 'new_value' to the "protocol" set column from the "NAT_Rule" table
 * in 'row'.
 *
 */
void
vprec_nat_rule_update_protocol_addvalue(const struct vprec_nat_rule *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_nat_rule_col_protocol,
                                    datum);
}

/* Deletes the value 'delete_value' from the "protocol" set column from the
 * "NAT_Rule" table in 'row'.
 *
 */
void
vprec_nat_rule_update_protocol_delvalue(const struct vprec_nat_rule *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_nat_rule_col_protocol,
                                    datum);
}

/* Adds the value 'new_value' to the "vnet" set column from the "NAT_Rule" table
 * in 'row'.
 *
 */
void
vprec_nat_rule_update_vnet_addvalue(const struct vprec_nat_rule *row, const struct vprec_vnet *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = new_value->header_.uuid;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_nat_rule_col_vnet,
                                    datum);
}

/* Deletes the value 'delete_value' from the "vnet" set column from the
 * "NAT_Rule" table in 'row'.
 *
 */
void
vprec_nat_rule_update_vnet_delvalue(const struct vprec_nat_rule *row, const struct vprec_vnet *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = delete_value->header_.uuid;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_nat_rule_col_vnet,
                                    datum);
}

/* Sets the "external_ip" column from the "NAT_Rule" table in 'row' to
 * 'external_ip'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_external_ip(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *external_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(external_ip);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_external_ip,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_external_ip.type);
}

/* Sets the "external_port" column from the "NAT_Rule" table in 'row' to
 * the 'external_port' set with 'n_external_port' entries.
 *
 * 'n_external_port' may be 0 or 1; if it is 0, then 'external_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_external_port(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const int64_t *external_port, size_t n_external_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_external_port) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *external_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_external_port,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_external_port.type);
}

/* Sets the "internal_ip" column from the "NAT_Rule" table in 'row' to
 * the 'internal_ip' set.
 *
 * If "internal_ip" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_internal_ip(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *internal_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (internal_ip) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(internal_ip);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_internal_ip,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_internal_ip.type);
}

/* Sets the "internal_port" column from the "NAT_Rule" table in 'row' to
 * the 'internal_port' set with 'n_internal_port' entries.
 *
 * 'n_internal_port' may be 0 or 1; if it is 0, then 'internal_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_internal_port(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const int64_t *internal_port, size_t n_internal_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (n_internal_port) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->integer = *internal_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_internal_port,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_internal_port.type);
}

/* Sets the "protocol" column from the "NAT_Rule" table in 'row' to
 * the 'protocol' set.
 *
 * If "protocol" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * Argument constraints: either "tcp" or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_protocol(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (protocol) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(protocol);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_protocol,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_protocol.type);
}

/* Sets the "type" column from the "NAT_Rule" table in 'row' to
 * 'type'.
 *
 * Argument constraints: one of "floating-ip", "port-forward", or "snat"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_type(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *type)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(type);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_type,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_type.type);
}

/* Sets the "vnet" column from the "NAT_Rule" table in 'row' to
 * the 'vnet' set.
 *
 * If "vnet" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_add_clause_vnet(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct uuid *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vnet) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->uuid = *vnet;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_nat_rule_col_vnet,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_nat_rule_col_vnet.type);
}

/* Destroy 'row' of kind "NAT_Rule". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_nat_rule_index_destroy_row(const struct vprec_nat_rule *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "NAT_Rule". */
struct vprec_nat_rule *
vprec_nat_rule_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_nat_rule);
    return ALIGNED_CAST(struct vprec_nat_rule *, ovsdb_idl_index_init_row(index));
}

struct vprec_nat_rule *
vprec_nat_rule_index_find(struct ovsdb_idl_index *index, const struct vprec_nat_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_nat_rule);
    return vprec_nat_rule_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_nat_rule_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_nat_rule *a, 
    const struct vprec_nat_rule *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_nat_rule_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_nat_rule);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_nat_rule_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_nat_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_nat_rule);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_nat_rule_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_nat_rule *target)
{
    ovs_assert(index->table->class_ == &vprec_table_nat_rule);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_nat_rule *
vprec_nat_rule_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_nat_rule_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "external_ip" column from the "NAT_Rule" table in 'row' to
 * 'external_ip'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_external_ip(const struct vprec_nat_rule *row, const char *external_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(external_ip);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_EXTERNAL_IP ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "external_port" column from the "NAT_Rule" table in 'row' to
 * the 'external_port' set with 'n_external_port' entries.
 *
 * 'n_external_port' may be 0 or 1; if it is 0, then 'external_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_external_port(const struct vprec_nat_rule *row, const int64_t *external_port, size_t n_external_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (n_external_port) {
        key = xmalloc(sizeof(union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->integer = *external_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_EXTERNAL_PORT ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "internal_ip" column from the "NAT_Rule" table in 'row' to
 * the 'internal_ip' set.
 *
 * If "internal_ip" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_internal_ip(const struct vprec_nat_rule *row, const char *internal_ip)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (internal_ip) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(internal_ip);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_INTERNAL_IP ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "internal_port" column from the "NAT_Rule" table in 'row' to
 * the 'internal_port' set with 'n_internal_port' entries.
 *
 * 'n_internal_port' may be 0 or 1; if it is 0, then 'internal_port'
 * may be NULL.
 *
 * Argument constraints: in range 1 to 65,535
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_internal_port(const struct vprec_nat_rule *row, const int64_t *internal_port, size_t n_internal_port)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (n_internal_port) {
        key = xmalloc(sizeof(union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->integer = *internal_port;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_INTERNAL_PORT ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "protocol" column from the "NAT_Rule" table in 'row' to
 * the 'protocol' set.
 *
 * If "protocol" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * Argument constraints: either "tcp" or "udp"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_protocol(const struct vprec_nat_rule *row, const char *protocol)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (protocol) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(protocol);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_PROTOCOL ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "type" column from the "NAT_Rule" table in 'row' to
 * 'type'.
 *
 * Argument constraints: one of "floating-ip", "port-forward", or "snat"
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_type(const struct vprec_nat_rule *row, const char *type)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(type);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_TYPE ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

/* Sets the "vnet" column from the "NAT_Rule" table in 'row' to
 * the 'vnet' set.
 *
 * If "vnet" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_nat_rule_index_set_vnet(const struct vprec_nat_rule *row, const struct vprec_vnet *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (vnet) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->uuid = vnet->header_.uuid;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_nat_rule_columns[ VPREC_NAT_RULE_COL_VNET ], &datum, &vprec_table_classes[VPREC_TABLE_NAT_RULE]);
}

struct ovsdb_idl_column vprec_nat_rule_columns[VPREC_NAT_RULE_N_COLUMNS];

unsigned int
vprec_nat_rule_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_nat_rule, condition);
}
static struct json NAT_Rule_col_protocol_key_enum_key_strings[2] = {
    { .type = JSON_STRING, .string = "tcp", .count = 2 },
    { .type = JSON_STRING, .string = "udp", .count = 2 },
};
static union ovsdb_atom NAT_Rule_col_protocol_key_enum_keys[2] = {
    { .s = &NAT_Rule_col_protocol_key_enum_key_strings[0] },
    { .s = &NAT_Rule_col_protocol_key_enum_key_strings[1] },
};
static struct ovsdb_datum NAT_Rule_col_protocol_key_enum = {
    .n = 2,
    .keys = NAT_Rule_col_protocol_key_enum_keys,
};
static struct json NAT_Rule_col_type_key_enum_key_strings[3] = {
    { .type = JSON_STRING, .string = "floating-ip", .count = 2 },
    { .type = JSON_STRING, .string = "port-forward", .count = 2 },
    { .type = JSON_STRING, .string = "snat", .count = 2 },
};
static union ovsdb_atom NAT_Rule_col_type_key_enum_keys[3] = {
    { .s = &NAT_Rule_col_type_key_enum_key_strings[0] },
    { .s = &NAT_Rule_col_type_key_enum_key_strings[1] },
    { .s = &NAT_Rule_col_type_key_enum_key_strings[2] },
};
static struct ovsdb_datum NAT_Rule_col_type_key_enum = {
    .n = 3,
    .keys = NAT_Rule_col_type_key_enum_keys,
};

struct ovsdb_idl_column vprec_nat_rule_columns[VPREC_NAT_RULE_N_COLUMNS] = {
    [VPREC_NAT_RULE_COL_EXTERNAL_IP] = {
         .name = "external_ip",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_external_ip,
         .unparse = vprec_nat_rule_unparse_external_ip,
    },

    [VPREC_NAT_RULE_COL_EXTERNAL_PORT] = {
         .name = "external_port",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(1), .max = INT64_C(65535) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_external_port,
         .unparse = vprec_nat_rule_unparse_external_port,
    },

    [VPREC_NAT_RULE_COL_INTERNAL_IP] = {
         .name = "internal_ip",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_internal_ip,
         .unparse = vprec_nat_rule_unparse_internal_ip,
    },

    [VPREC_NAT_RULE_COL_INTERNAL_PORT] = {
         .name = "internal_port",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(1), .max = INT64_C(65535) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_internal_port,
         .unparse = vprec_nat_rule_unparse_internal_port,
    },

    [VPREC_NAT_RULE_COL_PROTOCOL] = {
         .name = "protocol",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &NAT_Rule_col_protocol_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_protocol,
         .unparse = vprec_nat_rule_unparse_protocol,
    },

    [VPREC_NAT_RULE_COL_TYPE] = {
         .name = "type",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .enum_ = &NAT_Rule_col_type_key_enum,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_type,
         .unparse = vprec_nat_rule_unparse_type,
    },

    [VPREC_NAT_RULE_COL_VNET] = {
         .name = "vnet",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "VNet", .refType = OVSDB_REF_WEAK },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_nat_rule_parse_vnet,
         .unparse = vprec_nat_rule_unparse_vnet,
    },

};

/* Port table. */

bool
vprec_server_has_port_table_col_allowed_sources(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_allowed_sources);
}


bool
vprec_server_has_port_table_col_external_ids(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_external_ids);
}


bool
vprec_server_has_port_table_col_firewall_rules(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_firewall_rules);
}


bool
vprec_server_has_port_table_col_host(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_host);
}


bool
vprec_server_has_port_table_col_ips(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_ips);
}


bool
vprec_server_has_port_table_col_mac(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_mac);
}


bool
vprec_server_has_port_table_col_name(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_name);
}


bool
vprec_server_has_port_table_col_up(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_up);
}


bool
vprec_server_has_port_table_col_vm_id(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_vm_id);
}


bool
vprec_server_has_port_table_col_vnet(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_vnet);
}


bool
vprec_server_has_port_table_col_vtep(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_port_col_vtep);
}


bool
vprec_server_has_port_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_PORT]);
}


const struct vprec_port_table *
vprec_port_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_port_table *) idl;
}

const struct vprec_port *
vprec_port_table_first(const struct vprec_port_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_port_first(idl);
}


const struct vprec_port *
vprec_port_table_track_get_first(const struct vprec_port_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_port_track_get_first(idl);
}


static void
vprec_port_parse_allowed_sources(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);
    row->allowed_sources = NULL;
    row->n_allowed_sources = 0;
    for (size_t i = 0; i < datum->n; i++) {
        if (!row->n_allowed_sources) {
            row->allowed_sources = xmalloc(datum->n * sizeof *row->allowed_sources);
        }
        row->allowed_sources[row->n_allowed_sources] = datum->keys[i].s->string;
        row->n_allowed_sources++;
    }
}

static void
vprec_port_parse_external_ids(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);
    smap_init(&row->external_ids);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->external_ids,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_port_parse_firewall_rules(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);
    row->firewall_rules = NULL;
    row->n_firewall_rules = 0;
    for (size_t i = 0; i < datum->n; i++) {
        struct vprec_firewall_rule *keyRow = vprec_firewall_rule_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_firewall_rule, &datum->keys[i].uuid));
        if (!keyRow) {
            continue;
        }
        if (!row->n_firewall_rules) {
            row->firewall_rules = xmalloc(datum->n * sizeof *row->firewall_rules);
        }
        row->firewall_rules[row->n_firewall_rules] = keyRow;
        row->n_firewall_rules++;
    }
}

static void
vprec_port_parse_host(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->host = vprec_host_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_host, &datum->keys[0].uuid));
    } else {
        row->host = NULL;
    }
}

static void
vprec_port_parse_ips(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);
    row->ips = NULL;
    row->n_ips = 0;
    for (size_t i = 0; i < datum->n; i++) {
        if (!row->n_ips) {
            row->ips = xmalloc(datum->n * sizeof *row->ips);
        }
        row->ips[row->n_ips] = datum->keys[i].s->string;
        row->n_ips++;
    }
}

static void
vprec_port_parse_mac(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->mac = datum->keys[0].s->string;
    } else {
        row->mac = "";
    }
}

static void
vprec_port_parse_name(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->name = datum->keys[0].s->string;
    } else {
        row->name = "";
    }
}

static void
vprec_port_parse_up(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->up = datum->keys[0].boolean;
    } else {
        row->up = false;
    }
}

static void
vprec_port_parse_vm_id(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->vm_id = datum->keys[0].s->string;
    } else {
        row->vm_id = NULL;
    }
}

static void
vprec_port_parse_vnet(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->vnet = vprec_vnet_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_vnet, &datum->keys[0].uuid));
    } else {
        row->vnet = NULL;
    }
}

static void
vprec_port_parse_vtep(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_port *row = vprec_port_cast(row_);

    if (datum->n >= 1) {
        row->vtep = datum->keys[0].s->string;
    } else {
        row->vtep = NULL;
    }
}

static void
vprec_port_unparse_allowed_sources(struct ovsdb_idl_row *row_)
{
    struct vprec_port *row = vprec_port_cast(row_);
    free(row->allowed_sources);
}

static void
vprec_port_unparse_external_ids(struct ovsdb_idl_row *row_)
{
    struct vprec_port *row = vprec_port_cast(row_);
    smap_destroy(&row->external_ids);
}

static void
vprec_port_unparse_firewall_rules(struct ovsdb_idl_row *row_)
{
    struct vprec_port *row = vprec_port_cast(row_);
    free(row->firewall_rules);
}

static void
vprec_port_unparse_host(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_ips(struct ovsdb_idl_row *row_)
{
    struct vprec_port *row = vprec_port_cast(row_);
    free(row->ips);
}

static void
vprec_port_unparse_mac(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_name(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_up(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_vm_id(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_vnet(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_unparse_vtep(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_port_init__(struct ovsdb_idl_row *row)
{
    vprec_port_init(vprec_port_cast(row));
}

/* Clears the contents of 'row' in table "Port". */
void
vprec_port_init(struct vprec_port *row)
{
    memset(row, 0, sizeof *row); 
    smap_init(&row->external_ids);
    row->mac = "";
    row->name = "";
}

/* Searches table "Port" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_port *
vprec_port_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_port_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_port, uuid));
}

/* Searches table "Port" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_port *
vprec_port_table_get_for_uuid(const struct vprec_port_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_port_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Port" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_port *
vprec_port_first(const struct ovsdb_idl *idl)
{
    return vprec_port_cast(ovsdb_idl_first_row(idl, &vprec_table_port));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_port *
vprec_port_next(const struct vprec_port *row)
{
    return vprec_port_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_port_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_port);
}

unsigned int vprec_port_row_get_seqno(const struct vprec_port *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_port *
vprec_port_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_port_cast(ovsdb_idl_track_get_first(idl, &vprec_table_port));
}

const struct vprec_port
*vprec_port_track_get_next(const struct vprec_port *row)
{
    return vprec_port_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Port".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_delete(const struct vprec_port *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Port" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_port *
vprec_port_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_port_cast(ovsdb_idl_txn_insert(txn, &vprec_table_port, NULL));
}

/* Inserts and returns a new row in the table "Port" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_port *
vprec_port_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_port_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_port, uuid));
}

bool
vprec_port_is_updated(const struct vprec_port *row, enum vprec_port_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_port_columns[column]);
}

/* Causes the original contents of column "allowed_sources" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "allowed_sources" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "allowed_sources" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "allowed_sources" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "allowed_sources" has already been modified (with
 *     vprec_port_set_allowed_sources()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_allowed_sources() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_allowed_sources(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_allowed_sources);
}

/* Causes the original contents of column "external_ids" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ids" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ids" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ids" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "external_ids" has already been modified (with
 *     vprec_port_set_external_ids()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_external_ids() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_external_ids(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_external_ids);
}

/* Causes the original contents of column "firewall_rules" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "firewall_rules" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "firewall_rules" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "firewall_rules" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "firewall_rules" has already been modified (with
 *     vprec_port_set_firewall_rules()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_firewall_rules() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_firewall_rules(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_firewall_rules);
}

/* Causes the original contents of column "host" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "host" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "host" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "host" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "host" has already been modified (with
 *     vprec_port_set_host()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_host() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_host(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_host);
}

/* Causes the original contents of column "ips" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "ips" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "ips" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "ips" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "ips" has already been modified (with
 *     vprec_port_set_ips()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_ips() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_ips(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_ips);
}

/* Causes the original contents of column "mac" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "mac" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "mac" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "mac" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "mac" has already been modified (with
 *     vprec_port_set_mac()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_mac() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_mac(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_mac);
}

/* Causes the original contents of column "name" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "name" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "name" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "name" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "name" has already been modified (with
 *     vprec_port_set_name()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_name() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_name(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_name);
}

/* Causes the original contents of column "up" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "up" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "up" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "up" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "up" has already been modified (with
 *     vprec_port_set_up()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_up() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_up(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_up);
}

/* Causes the original contents of column "vm_id" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vm_id" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vm_id" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vm_id" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "vm_id" has already been modified (with
 *     vprec_port_set_vm_id()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_vm_id() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_vm_id(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_vm_id);
}

/* Causes the original contents of column "vnet" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vnet" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vnet" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vnet" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "vnet" has already been modified (with
 *     vprec_port_set_vnet()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_vnet() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_vnet(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_vnet);
}

/* Causes the original contents of column "vtep" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vtep" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vtep" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vtep" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_port_insert()).
 *
 *   - If "vtep" has already been modified (with
 *     vprec_port_set_vtep()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_port_set_vtep() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_port_verify_vtep(const struct vprec_port *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_port_col_vtep);
}

/* Returns the "allowed_sources" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes allowed_sources's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "allowed_sources" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_allowed_sources(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_allowed_sources);
}

/* Returns the "external_ids" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ids's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ids" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_external_ids(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_external_ids);
}

/* Returns the "firewall_rules" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes firewall_rules's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "firewall_rules" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_firewall_rules(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_firewall_rules);
}

/* Returns the "host" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes host's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "host" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_host(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_host);
}

/* Returns the "ips" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes ips's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "ips" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_ips(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_ips);
}

/* Returns the "mac" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes mac's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "mac" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_mac(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_mac);
}

/* Returns the "name" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes name's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "name" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_name(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_name);
}

/* Returns the "up" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_BOOLEAN.
 * (This helps to avoid silent bugs if someone changes up's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "up" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_up(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_BOOLEAN);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_up);
}

/* Returns the "vm_id" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes vm_id's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vm_id" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_vm_id(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_vm_id);
}

/* Returns the "vnet" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes vnet's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vnet" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_vnet(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_vnet);
}

/* Returns the "vtep" column's value from the "Port" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes vtep's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vtep" member in vprec_port. */
const struct ovsdb_datum *
vprec_port_get_vtep(const struct vprec_port *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_port_col_vtep);
}

/* Sets the "allowed_sources" column from the "Port" table in 'row' to
 * the 'allowed_sources' set with 'n_allowed_sources' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_allowed_sources(const struct vprec_port *row, const char **allowed_sources, size_t n_allowed_sources)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_allowed_sources;
    datum.keys = n_allowed_sources ? xmalloc(n_allowed_sources * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_allowed_sources; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(allowed_sources[i]);
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_allowed_sources, &datum);
}

/* Sets the "external_ids" column's value from the "Port" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_port_set_external_ids(const struct vprec_port *row, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_port_col_external_ids,
                        &datum);
}


/* Sets the "firewall_rules" column from the "Port" table in 'row' to
 * the 'firewall_rules' set with 'n_firewall_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_firewall_rules(const struct vprec_port *row, struct vprec_firewall_rule **firewall_rules, size_t n_firewall_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_firewall_rules;
    datum.keys = n_firewall_rules ? xmalloc(n_firewall_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_firewall_rules; i++) {
        datum.keys[i].uuid = firewall_rules[i]->header_.uuid;
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_firewall_rules, &datum);
}

/* Sets the "host" column from the "Port" table in 'row' to
 * the 'host' set.
 *
 * If "host" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_host(const struct vprec_port *row, const struct vprec_host *host)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (host) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->uuid = host->header_.uuid;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_host, &datum);
}

/* Sets the "ips" column from the "Port" table in 'row' to
 * the 'ips' set with 'n_ips' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_ips(const struct vprec_port *row, const char **ips, size_t n_ips)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_ips;
    datum.keys = n_ips ? xmalloc(n_ips * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_ips; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(ips[i]);
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_ips, &datum);
}

/* Sets the "mac" column from the "Port" table in 'row' to
 * 'mac'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_mac(const struct vprec_port *row, const char *mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(mac);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_mac, &datum);
}

/* Sets the "name" column from the "Port" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_name(const struct vprec_port *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_name, &datum);
}

/* Sets the "up" column from the "Port" table in 'row' to
 * 'up'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_up(const struct vprec_port *row, bool up)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = up;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_up, &datum);
}

/* Sets the "vm_id" column from the "Port" table in 'row' to
 * the 'vm_id' set.
 *
 * If "vm_id" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_vm_id(const struct vprec_port *row, const char *vm_id)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vm_id) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vm_id);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_vm_id, &datum);
}

/* Sets the "vnet" column from the "Port" table in 'row' to
 * 'vnet'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_vnet(const struct vprec_port *row, const struct vprec_vnet *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = vnet->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_vnet, &datum);
}

/* Sets the "vtep" column from the "Port" table in 'row' to
 * the 'vtep' set.
 *
 * If "vtep" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_set_vtep(const struct vprec_port *row, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vtep) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vtep);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_port_col_vtep, &datum);
}

/* Adds the value 'new_value' to the "allowed_sources" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_allowed_sources_addvalue(const struct vprec_port *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_allowed_sources,
                                    datum);
}

/* Deletes the value 'delete_value' from the "allowed_sources" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_allowed_sources_delvalue(const struct vprec_port *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_allowed_sources,
                                    datum);
}

/* Sets an element of the "external_ids" map column from the "Port" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_port_update_external_ids_setkey(const struct vprec_port *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_port_col_external_ids,
                                    datum);
}

/* Deletes an element of the "external_ids" map column from the "Port" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_port_update_external_ids_delkey(const struct vprec_port *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_port_col_external_ids,
                                    datum);
}

/* Adds the value 'new_value' to the "firewall_rules" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_firewall_rules_addvalue(const struct vprec_port *row, const struct vprec_firewall_rule *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = new_value->header_.uuid;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_firewall_rules,
                                    datum);
}

/* Deletes the value 'delete_value' from the "firewall_rules" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_firewall_rules_delvalue(const struct vprec_port *row, const struct vprec_firewall_rule *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = delete_value->header_.uuid;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_firewall_rules,
                                    datum);
}

/* Adds the value 'new_value' to the "host" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_host_addvalue(const struct vprec_port *row, const struct vprec_host *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = new_value->header_.uuid;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_host,
                                    datum);
}

/* Deletes the value 'delete_value' from the "host" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_host_delvalue(const struct vprec_port *row, const struct vprec_host *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = delete_value->header_.uuid;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_host,
                                    datum);
}

/* Adds the value 'new_value' to the "ips" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_ips_addvalue(const struct vprec_port *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_ips,
                                    datum);
}

/* Deletes the value 'delete_value' from the "ips" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_ips_delvalue(const struct vprec_port *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_ips,
                                    datum);
}

/* Adds the value 'new_value' to the "vm_id" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_vm_id_addvalue(const struct vprec_port *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_vm_id,
                                    datum);
}

/* Deletes the value 'delete_value' from the "vm_id" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_vm_id_delvalue(const struct vprec_port *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_vm_id,
                                    datum);
}

/* Adds the value 'new_value' to the "vtep" set column from the "Port" table
 * in 'row'.
 *
 */
void
vprec_port_update_vtep_addvalue(const struct vprec_port *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_port_col_vtep,
                                    datum);
}

/* Deletes the value 'delete_value' from the "vtep" set column from the
 * "Port" table in 'row'.
 *
 */
void
vprec_port_update_vtep_delvalue(const struct vprec_port *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_port_col_vtep,
                                    datum);
}

/* Sets the "allowed_sources" column from the "Port" table in 'row' to
 * the 'allowed_sources' set with 'n_allowed_sources' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_allowed_sources(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char **allowed_sources, size_t n_allowed_sources)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_allowed_sources;
    datum.keys = n_allowed_sources ? xmalloc(n_allowed_sources * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_allowed_sources; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(allowed_sources[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_allowed_sources.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_allowed_sources,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_allowed_sources.type);
}

/* Sets the "external_ids" column's value from the "Port" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_port_add_clause_external_ids(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_port_col_external_ids,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_port_col_external_ids.type);
}


/* Sets the "firewall_rules" column from the "Port" table in 'row' to
 * the 'firewall_rules' set with 'n_firewall_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_firewall_rules(struct ovsdb_idl_condition *cond, enum ovsdb_function function, struct uuid **firewall_rules, size_t n_firewall_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_firewall_rules;
    datum.keys = n_firewall_rules ? xmalloc(n_firewall_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_firewall_rules; i++) {
        datum.keys[i].uuid = *firewall_rules[i];
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_firewall_rules.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_firewall_rules,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_firewall_rules.type);
}

/* Sets the "host" column from the "Port" table in 'row' to
 * the 'host' set.
 *
 * If "host" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_host(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct uuid *host)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (host) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->uuid = *host;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_host,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_host.type);
}

/* Sets the "ips" column from the "Port" table in 'row' to
 * the 'ips' set with 'n_ips' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_ips(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char **ips, size_t n_ips)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_ips;
    datum.keys = n_ips ? xmalloc(n_ips * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_ips; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(ips[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_ips.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_ips,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_ips.type);
}

/* Sets the "mac" column from the "Port" table in 'row' to
 * 'mac'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_mac(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(mac);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_mac,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_mac.type);
}

/* Sets the "name" column from the "Port" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_name(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_name,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_name.type);
}

/* Sets the "up" column from the "Port" table in 'row' to
 * 'up'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_up(struct ovsdb_idl_condition *cond, enum ovsdb_function function, bool up)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = up;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_up,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_up.type);
}

/* Sets the "vm_id" column from the "Port" table in 'row' to
 * the 'vm_id' set.
 *
 * If "vm_id" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_vm_id(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *vm_id)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vm_id) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vm_id);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_vm_id,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_vm_id.type);
}

/* Sets the "vnet" column from the "Port" table in 'row' to
 * 'vnet'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_vnet(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct uuid *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = *vnet;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_vnet,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_vnet.type);
}

/* Sets the "vtep" column from the "Port" table in 'row' to
 * the 'vtep' set.
 *
 * If "vtep" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_add_clause_vtep(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (vtep) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vtep);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_port_col_vtep,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_port_col_vtep.type);
}

/* Destroy 'row' of kind "Port". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_port_index_destroy_row(const struct vprec_port *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Port". */
struct vprec_port *
vprec_port_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_port);
    return ALIGNED_CAST(struct vprec_port *, ovsdb_idl_index_init_row(index));
}

struct vprec_port *
vprec_port_index_find(struct ovsdb_idl_index *index, const struct vprec_port *target)
{
    ovs_assert(index->table->class_ == &vprec_table_port);
    return vprec_port_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_port_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_port *a, 
    const struct vprec_port *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_port_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_port);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_port_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_port *target)
{
    ovs_assert(index->table->class_ == &vprec_table_port);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_port_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_port *target)
{
    ovs_assert(index->table->class_ == &vprec_table_port);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_port *
vprec_port_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_port_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "allowed_sources" column from the "Port" table in 'row' to
 * the 'allowed_sources' set with 'n_allowed_sources' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_allowed_sources(const struct vprec_port *row, const char **allowed_sources, size_t n_allowed_sources)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_allowed_sources;
    datum.keys = n_allowed_sources ? xmalloc(n_allowed_sources * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_allowed_sources; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(allowed_sources[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_allowed_sources.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_ALLOWED_SOURCES ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "external_ids" column's value from the "Port" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_port_index_set_external_ids(const struct vprec_port *row, const struct smap *external_ids)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (external_ids) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(external_ids);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, external_ids) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_port_col_external_ids.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_port_columns[VPREC_PORT_COL_EXTERNAL_IDS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_PORT]);
    free(datum);
}


/* Sets the "firewall_rules" column from the "Port" table in 'row' to
 * the 'firewall_rules' set with 'n_firewall_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_firewall_rules(const struct vprec_port *row, struct vprec_firewall_rule **firewall_rules, size_t n_firewall_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_firewall_rules;
    datum.keys = n_firewall_rules ? xmalloc(n_firewall_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_firewall_rules; i++) {
        datum.keys[i].uuid = firewall_rules[i]->header_.uuid;
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_firewall_rules.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_FIREWALL_RULES ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "host" column from the "Port" table in 'row' to
 * the 'host' set.
 *
 * If "host" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_host(const struct vprec_port *row, const struct vprec_host *host)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (host) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->uuid = host->header_.uuid;
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_HOST ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "ips" column from the "Port" table in 'row' to
 * the 'ips' set with 'n_ips' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_ips(const struct vprec_port *row, const char **ips, size_t n_ips)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_ips;
    datum.keys = n_ips ? xmalloc(n_ips * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_ips; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(ips[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_port_col_ips.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_IPS ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "mac" column from the "Port" table in 'row' to
 * 'mac'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_mac(const struct vprec_port *row, const char *mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(mac);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_MAC ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "name" column from the "Port" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_name(const struct vprec_port *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_NAME ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "up" column from the "Port" table in 'row' to
 * 'up'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_up(const struct vprec_port *row, bool up)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->boolean = up;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_UP ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "vm_id" column from the "Port" table in 'row' to
 * the 'vm_id' set.
 *
 * If "vm_id" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_vm_id(const struct vprec_port *row, const char *vm_id)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (vm_id) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vm_id);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_VM_ID ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "vnet" column from the "Port" table in 'row' to
 * 'vnet'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_vnet(const struct vprec_port *row, const struct vprec_vnet *vnet)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->uuid = vnet->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_VNET ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

/* Sets the "vtep" column from the "Port" table in 'row' to
 * the 'vtep' set.
 *
 * If "vtep" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_port_index_set_vtep(const struct vprec_port *row, const char *vtep)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (vtep) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(vtep);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_port_columns[ VPREC_PORT_COL_VTEP ], &datum, &vprec_table_classes[VPREC_TABLE_PORT]);
}

struct ovsdb_idl_column vprec_port_columns[VPREC_PORT_N_COLUMNS];

unsigned int
vprec_port_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_port, condition);
}

struct ovsdb_idl_column vprec_port_columns[VPREC_PORT_N_COLUMNS] = {
    [VPREC_PORT_COL_ALLOWED_SOURCES] = {
         .name = "allowed_sources",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_allowed_sources,
         .unparse = vprec_port_unparse_allowed_sources,
    },

    [VPREC_PORT_COL_EXTERNAL_IDS] = {
         .name = "external_ids",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_external_ids,
         .unparse = vprec_port_unparse_external_ids,
    },

    [VPREC_PORT_COL_FIREWALL_RULES] = {
         .name = "firewall_rules",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "Firewall_Rule", .refType = OVSDB_REF_STRONG },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_firewall_rules,
         .unparse = vprec_port_unparse_firewall_rules,
    },

    [VPREC_PORT_COL_HOST] = {
         .name = "host",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "Host", .refType = OVSDB_REF_WEAK },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_host,
         .unparse = vprec_port_unparse_host,
    },

    [VPREC_PORT_COL_IPS] = {
         .name = "ips",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_ips,
         .unparse = vprec_port_unparse_ips,
    },

    [VPREC_PORT_COL_MAC] = {
         .name = "mac",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_mac,
         .unparse = vprec_port_unparse_mac,
    },

    [VPREC_PORT_COL_NAME] = {
         .name = "name",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_name,
         .unparse = vprec_port_unparse_name,
    },

    [VPREC_PORT_COL_UP] = {
         .name = "up",
         .type = {
            .key = {
               .type = OVSDB_TYPE_BOOLEAN,
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_up,
         .unparse = vprec_port_unparse_up,
    },

    [VPREC_PORT_COL_VM_ID] = {
         .name = "vm_id",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_vm_id,
         .unparse = vprec_port_unparse_vm_id,
    },

    [VPREC_PORT_COL_VNET] = {
         .name = "vnet",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "VNet", .refType = OVSDB_REF_STRONG },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_vnet,
         .unparse = vprec_port_unparse_vnet,
    },

    [VPREC_PORT_COL_VTEP] = {
         .name = "vtep",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_port_parse_vtep,
         .unparse = vprec_port_unparse_vtep,
    },

};

/* Route table. */

bool
vprec_server_has_route_table_col_nexthop(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_route_col_nexthop);
}


bool
vprec_server_has_route_table_col_prefix(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_route_col_prefix);
}


bool
vprec_server_has_route_table_col_tenant(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_route_col_tenant);
}


bool
vprec_server_has_route_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_ROUTE]);
}


const struct vprec_route_table *
vprec_route_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_route_table *) idl;
}

const struct vprec_route *
vprec_route_table_first(const struct vprec_route_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_route_first(idl);
}


const struct vprec_route *
vprec_route_table_track_get_first(const struct vprec_route_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_route_track_get_first(idl);
}


static void
vprec_route_parse_nexthop(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_route *row = vprec_route_cast(row_);

    if (datum->n >= 1) {
        row->nexthop = datum->keys[0].s->string;
    } else {
        row->nexthop = "";
    }
}

static void
vprec_route_parse_prefix(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_route *row = vprec_route_cast(row_);

    if (datum->n >= 1) {
        row->prefix = datum->keys[0].s->string;
    } else {
        row->prefix = "";
    }
}

static void
vprec_route_parse_tenant(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_route *row = vprec_route_cast(row_);

    if (datum->n >= 1) {
        row->tenant = vprec_tenant_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_tenant, &datum->keys[0].uuid));
    } else {
        row->tenant = NULL;
    }
}

static void
vprec_route_unparse_nexthop(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_route_unparse_prefix(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_route_unparse_tenant(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_route_init__(struct ovsdb_idl_row *row)
{
    vprec_route_init(vprec_route_cast(row));
}

/* Clears the contents of 'row' in table "Route". */
void
vprec_route_init(struct vprec_route *row)
{
    memset(row, 0, sizeof *row); 
    row->nexthop = "";
    row->prefix = "";
}

/* Searches table "Route" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_route *
vprec_route_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_route_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_route, uuid));
}

/* Searches table "Route" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_route *
vprec_route_table_get_for_uuid(const struct vprec_route_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_route_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Route" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_route *
vprec_route_first(const struct ovsdb_idl *idl)
{
    return vprec_route_cast(ovsdb_idl_first_row(idl, &vprec_table_route));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_route *
vprec_route_next(const struct vprec_route *row)
{
    return vprec_route_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_route_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_route);
}

unsigned int vprec_route_row_get_seqno(const struct vprec_route *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_route *
vprec_route_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_route_cast(ovsdb_idl_track_get_first(idl, &vprec_table_route));
}

const struct vprec_route
*vprec_route_track_get_next(const struct vprec_route *row)
{
    return vprec_route_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Route".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_route_delete(const struct vprec_route *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Route" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_route *
vprec_route_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_route_cast(ovsdb_idl_txn_insert(txn, &vprec_table_route, NULL));
}

/* Inserts and returns a new row in the table "Route" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_route *
vprec_route_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_route_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_route, uuid));
}

bool
vprec_route_is_updated(const struct vprec_route *row, enum vprec_route_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_route_columns[column]);
}

/* Causes the original contents of column "nexthop" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "nexthop" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "nexthop" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "nexthop" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_route_insert()).
 *
 *   - If "nexthop" has already been modified (with
 *     vprec_route_set_nexthop()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_route_set_nexthop() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_route_verify_nexthop(const struct vprec_route *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_route_col_nexthop);
}

/* Causes the original contents of column "prefix" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "prefix" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "prefix" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "prefix" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_route_insert()).
 *
 *   - If "prefix" has already been modified (with
 *     vprec_route_set_prefix()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_route_set_prefix() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_route_verify_prefix(const struct vprec_route *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_route_col_prefix);
}

/* Causes the original contents of column "tenant" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "tenant" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "tenant" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "tenant" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_route_insert()).
 *
 *   - If "tenant" has already been modified (with
 *     vprec_route_set_tenant()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_route_set_tenant() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_route_verify_tenant(const struct vprec_route *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_route_col_tenant);
}

/* Returns the "nexthop" column's value from the "Route" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes nexthop's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "nexthop" member in vprec_route. */
const struct ovsdb_datum *
vprec_route_get_nexthop(const struct vprec_route *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_route_col_nexthop);
}

/* Returns the "prefix" column's value from the "Route" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes prefix's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "prefix" member in vprec_route. */
const struct ovsdb_datum *
vprec_route_get_prefix(const struct vprec_route *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_route_col_prefix);
}

/* Returns the "tenant" column's value from the "Route" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes tenant's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "tenant" member in vprec_route. */
const struct ovsdb_datum *
vprec_route_get_tenant(const struct vprec_route *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_route_col_tenant);
}

/* Sets the "nexthop" column from the "Route" table in 'row' to
 * 'nexthop'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_set_nexthop(const struct vprec_route *row, const char *nexthop)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(nexthop);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_route_col_nexthop, &datum);
}

/* Sets the "prefix" column from the "Route" table in 'row' to
 * 'prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_set_prefix(const struct vprec_route *row, const char *prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(prefix);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_route_col_prefix, &datum);
}

/* Sets the "tenant" column from the "Route" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_set_tenant(const struct vprec_route *row, const struct vprec_tenant *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = tenant->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_route_col_tenant, &datum);
}

/* Sets the "nexthop" column from the "Route" table in 'row' to
 * 'nexthop'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_add_clause_nexthop(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *nexthop)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(nexthop);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_route_col_nexthop,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_route_col_nexthop.type);
}

/* Sets the "prefix" column from the "Route" table in 'row' to
 * 'prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_add_clause_prefix(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(prefix);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_route_col_prefix,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_route_col_prefix.type);
}

/* Sets the "tenant" column from the "Route" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_add_clause_tenant(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct uuid *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = *tenant;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_route_col_tenant,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_route_col_tenant.type);
}

/* Destroy 'row' of kind "Route". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_route_index_destroy_row(const struct vprec_route *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Route". */
struct vprec_route *
vprec_route_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_route);
    return ALIGNED_CAST(struct vprec_route *, ovsdb_idl_index_init_row(index));
}

struct vprec_route *
vprec_route_index_find(struct ovsdb_idl_index *index, const struct vprec_route *target)
{
    ovs_assert(index->table->class_ == &vprec_table_route);
    return vprec_route_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_route_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_route *a, 
    const struct vprec_route *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_route_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_route);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_route_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_route *target)
{
    ovs_assert(index->table->class_ == &vprec_table_route);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_route_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_route *target)
{
    ovs_assert(index->table->class_ == &vprec_table_route);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_route *
vprec_route_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_route_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "nexthop" column from the "Route" table in 'row' to
 * 'nexthop'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_index_set_nexthop(const struct vprec_route *row, const char *nexthop)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(nexthop);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_route_columns[ VPREC_ROUTE_COL_NEXTHOP ], &datum, &vprec_table_classes[VPREC_TABLE_ROUTE]);
}

/* Sets the "prefix" column from the "Route" table in 'row' to
 * 'prefix'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_index_set_prefix(const struct vprec_route *row, const char *prefix)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(prefix);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_route_columns[ VPREC_ROUTE_COL_PREFIX ], &datum, &vprec_table_classes[VPREC_TABLE_ROUTE]);
}

/* Sets the "tenant" column from the "Route" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_route_index_set_tenant(const struct vprec_route *row, const struct vprec_tenant *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->uuid = tenant->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_route_columns[ VPREC_ROUTE_COL_TENANT ], &datum, &vprec_table_classes[VPREC_TABLE_ROUTE]);
}

struct ovsdb_idl_column vprec_route_columns[VPREC_ROUTE_N_COLUMNS];

unsigned int
vprec_route_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_route, condition);
}

struct ovsdb_idl_column vprec_route_columns[VPREC_ROUTE_N_COLUMNS] = {
    [VPREC_ROUTE_COL_NEXTHOP] = {
         .name = "nexthop",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_route_parse_nexthop,
         .unparse = vprec_route_unparse_nexthop,
    },

    [VPREC_ROUTE_COL_PREFIX] = {
         .name = "prefix",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_route_parse_prefix,
         .unparse = vprec_route_unparse_prefix,
    },

    [VPREC_ROUTE_COL_TENANT] = {
         .name = "tenant",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "Tenant", .refType = OVSDB_REF_STRONG },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_route_parse_tenant,
         .unparse = vprec_route_unparse_tenant,
    },

};

/* Tenant table. */

bool
vprec_server_has_tenant_table_col_external_access(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_tenant_col_external_access);
}


bool
vprec_server_has_tenant_table_col_external_ids(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_tenant_col_external_ids);
}


bool
vprec_server_has_tenant_table_col_name(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_tenant_col_name);
}


bool
vprec_server_has_tenant_table_col_nat_rules(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_tenant_col_nat_rules);
}


bool
vprec_server_has_tenant_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_TENANT]);
}


const struct vprec_tenant_table *
vprec_tenant_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_tenant_table *) idl;
}

const struct vprec_tenant *
vprec_tenant_table_first(const struct vprec_tenant_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_tenant_first(idl);
}


const struct vprec_tenant *
vprec_tenant_table_track_get_first(const struct vprec_tenant_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_tenant_track_get_first(idl);
}


static void
vprec_tenant_parse_external_access(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);

    if (datum->n >= 1) {
        row->external_access = datum->keys[0].boolean;
    } else {
        row->external_access = false;
    }
}

static void
vprec_tenant_parse_external_ids(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);
    smap_init(&row->external_ids);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->external_ids,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_tenant_parse_name(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);

    if (datum->n >= 1) {
        row->name = datum->keys[0].s->string;
    } else {
        row->name = "";
    }
}

static void
vprec_tenant_parse_nat_rules(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);
    row->nat_rules = NULL;
    row->n_nat_rules = 0;
    for (size_t i = 0; i < datum->n; i++) {
        struct vprec_nat_rule *keyRow = vprec_nat_rule_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_nat_rule, &datum->keys[i].uuid));
        if (!keyRow) {
            continue;
        }
        if (!row->n_nat_rules) {
            row->nat_rules = xmalloc(datum->n * sizeof *row->nat_rules);
        }
        row->nat_rules[row->n_nat_rules] = keyRow;
        row->n_nat_rules++;
    }
}

static void
vprec_tenant_unparse_external_access(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_tenant_unparse_external_ids(struct ovsdb_idl_row *row_)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);
    smap_destroy(&row->external_ids);
}

static void
vprec_tenant_unparse_name(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_tenant_unparse_nat_rules(struct ovsdb_idl_row *row_)
{
    struct vprec_tenant *row = vprec_tenant_cast(row_);
    free(row->nat_rules);
}

static void
vprec_tenant_init__(struct ovsdb_idl_row *row)
{
    vprec_tenant_init(vprec_tenant_cast(row));
}

/* Clears the contents of 'row' in table "Tenant". */
void
vprec_tenant_init(struct vprec_tenant *row)
{
    memset(row, 0, sizeof *row); 
    smap_init(&row->external_ids);
    row->name = "";
}

/* Searches table "Tenant" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_tenant *
vprec_tenant_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_tenant_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_tenant, uuid));
}

/* Searches table "Tenant" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_tenant *
vprec_tenant_table_get_for_uuid(const struct vprec_tenant_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_tenant_get_for_uuid(idl, uuid);
}

/* Returns a row in table "Tenant" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_tenant *
vprec_tenant_first(const struct ovsdb_idl *idl)
{
    return vprec_tenant_cast(ovsdb_idl_first_row(idl, &vprec_table_tenant));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_tenant *
vprec_tenant_next(const struct vprec_tenant *row)
{
    return vprec_tenant_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_tenant_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_tenant);
}

unsigned int vprec_tenant_row_get_seqno(const struct vprec_tenant *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_tenant *
vprec_tenant_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_tenant_cast(ovsdb_idl_track_get_first(idl, &vprec_table_tenant));
}

const struct vprec_tenant
*vprec_tenant_track_get_next(const struct vprec_tenant *row)
{
    return vprec_tenant_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "Tenant".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_tenant_delete(const struct vprec_tenant *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "Tenant" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_tenant *
vprec_tenant_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_tenant_cast(ovsdb_idl_txn_insert(txn, &vprec_table_tenant, NULL));
}

/* Inserts and returns a new row in the table "Tenant" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_tenant *
vprec_tenant_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_tenant_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_tenant, uuid));
}

bool
vprec_tenant_is_updated(const struct vprec_tenant *row, enum vprec_tenant_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_tenant_columns[column]);
}

/* Causes the original contents of column "external_access" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_access" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_access" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_access" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_tenant_insert()).
 *
 *   - If "external_access" has already been modified (with
 *     vprec_tenant_set_external_access()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_tenant_set_external_access() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_tenant_verify_external_access(const struct vprec_tenant *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_tenant_col_external_access);
}

/* Causes the original contents of column "external_ids" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ids" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ids" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ids" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_tenant_insert()).
 *
 *   - If "external_ids" has already been modified (with
 *     vprec_tenant_set_external_ids()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_tenant_set_external_ids() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_tenant_verify_external_ids(const struct vprec_tenant *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_tenant_col_external_ids);
}

/* Causes the original contents of column "name" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "name" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "name" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "name" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_tenant_insert()).
 *
 *   - If "name" has already been modified (with
 *     vprec_tenant_set_name()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_tenant_set_name() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_tenant_verify_name(const struct vprec_tenant *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_tenant_col_name);
}

/* Causes the original contents of column "nat_rules" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "nat_rules" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "nat_rules" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "nat_rules" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_tenant_insert()).
 *
 *   - If "nat_rules" has already been modified (with
 *     vprec_tenant_set_nat_rules()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_tenant_set_nat_rules() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_tenant_verify_nat_rules(const struct vprec_tenant *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_tenant_col_nat_rules);
}

/* Returns the "external_access" column's value from the "Tenant" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_BOOLEAN.
 * (This helps to avoid silent bugs if someone changes external_access's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_access" member in vprec_tenant. */
const struct ovsdb_datum *
vprec_tenant_get_external_access(const struct vprec_tenant *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_BOOLEAN);
    return ovsdb_idl_read(&row->header_, &vprec_tenant_col_external_access);
}

/* Returns the "external_ids" column's value from the "Tenant" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ids's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ids" member in vprec_tenant. */
const struct ovsdb_datum *
vprec_tenant_get_external_ids(const struct vprec_tenant *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_tenant_col_external_ids);
}

/* Returns the "name" column's value from the "Tenant" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes name's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "name" member in vprec_tenant. */
const struct ovsdb_datum *
vprec_tenant_get_name(const struct vprec_tenant *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_tenant_col_name);
}

/* Returns the "nat_rules" column's value from the "Tenant" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes nat_rules's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "nat_rules" member in vprec_tenant. */
const struct ovsdb_datum *
vprec_tenant_get_nat_rules(const struct vprec_tenant *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_tenant_col_nat_rules);
}

/* Sets the "external_access" column from the "Tenant" table in 'row' to
 * 'external_access'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_set_external_access(const struct vprec_tenant *row, bool external_access)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = external_access;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_tenant_col_external_access, &datum);
}

/* Sets the "external_ids" column's value from the "Tenant" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_tenant_set_external_ids(const struct vprec_tenant *row, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_tenant_col_external_ids,
                        &datum);
}


/* Sets the "name" column from the "Tenant" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_set_name(const struct vprec_tenant *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_tenant_col_name, &datum);
}

/* Sets the "nat_rules" column from the "Tenant" table in 'row' to
 * the 'nat_rules' set with 'n_nat_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_set_nat_rules(const struct vprec_tenant *row, struct vprec_nat_rule **nat_rules, size_t n_nat_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_nat_rules;
    datum.keys = n_nat_rules ? xmalloc(n_nat_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_nat_rules; i++) {
        datum.keys[i].uuid = nat_rules[i]->header_.uuid;
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_tenant_col_nat_rules, &datum);
}

/* Sets an element of the "external_ids" map column from the "Tenant" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_tenant_update_external_ids_setkey(const struct vprec_tenant *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_tenant_col_external_ids,
                                    datum);
}

/* Deletes an element of the "external_ids" map column from the "Tenant" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_tenant_update_external_ids_delkey(const struct vprec_tenant *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_tenant_col_external_ids,
                                    datum);
}

/* Adds the value 'new_value' to the "nat_rules" set column from the "Tenant" table
 * in 'row'.
 *
 */
void
vprec_tenant_update_nat_rules_addvalue(const struct vprec_tenant *row, const struct vprec_nat_rule *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = new_value->header_.uuid;

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_tenant_col_nat_rules,
                                    datum);
}

/* Deletes the value 'delete_value' from the "nat_rules" set column from the
 * "Tenant" table in 'row'.
 *
 */
void
vprec_tenant_update_nat_rules_delvalue(const struct vprec_tenant *row, const struct vprec_nat_rule *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].uuid = delete_value->header_.uuid;

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_tenant_col_nat_rules,
                                    datum);
}

/* Sets the "external_access" column from the "Tenant" table in 'row' to
 * 'external_access'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_add_clause_external_access(struct ovsdb_idl_condition *cond, enum ovsdb_function function, bool external_access)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->boolean = external_access;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_tenant_col_external_access,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_tenant_col_external_access.type);
}

/* Sets the "external_ids" column's value from the "Tenant" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_tenant_add_clause_external_ids(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_tenant_col_external_ids,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_tenant_col_external_ids.type);
}


/* Sets the "name" column from the "Tenant" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_add_clause_name(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_tenant_col_name,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_tenant_col_name.type);
}

/* Sets the "nat_rules" column from the "Tenant" table in 'row' to
 * the 'nat_rules' set with 'n_nat_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_add_clause_nat_rules(struct ovsdb_idl_condition *cond, enum ovsdb_function function, struct uuid **nat_rules, size_t n_nat_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_nat_rules;
    datum.keys = n_nat_rules ? xmalloc(n_nat_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_nat_rules; i++) {
        datum.keys[i].uuid = *nat_rules[i];
    }
    ovsdb_datum_sort_unique(&datum, &vprec_tenant_col_nat_rules.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_tenant_col_nat_rules,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_tenant_col_nat_rules.type);
}

/* Destroy 'row' of kind "Tenant". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_tenant_index_destroy_row(const struct vprec_tenant *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "Tenant". */
struct vprec_tenant *
vprec_tenant_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_tenant);
    return ALIGNED_CAST(struct vprec_tenant *, ovsdb_idl_index_init_row(index));
}

struct vprec_tenant *
vprec_tenant_index_find(struct ovsdb_idl_index *index, const struct vprec_tenant *target)
{
    ovs_assert(index->table->class_ == &vprec_table_tenant);
    return vprec_tenant_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_tenant_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_tenant *a, 
    const struct vprec_tenant *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_tenant_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_tenant);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_tenant_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_tenant *target)
{
    ovs_assert(index->table->class_ == &vprec_table_tenant);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_tenant_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_tenant *target)
{
    ovs_assert(index->table->class_ == &vprec_table_tenant);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_tenant *
vprec_tenant_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_tenant_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "external_access" column from the "Tenant" table in 'row' to
 * 'external_access'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_index_set_external_access(const struct vprec_tenant *row, bool external_access)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->boolean = external_access;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_tenant_columns[ VPREC_TENANT_COL_EXTERNAL_ACCESS ], &datum, &vprec_table_classes[VPREC_TABLE_TENANT]);
}

/* Sets the "external_ids" column's value from the "Tenant" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_tenant_index_set_external_ids(const struct vprec_tenant *row, const struct smap *external_ids)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (external_ids) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(external_ids);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, external_ids) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_tenant_col_external_ids.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_tenant_columns[VPREC_TENANT_COL_EXTERNAL_IDS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_TENANT]);
    free(datum);
}


/* Sets the "name" column from the "Tenant" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_index_set_name(const struct vprec_tenant *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_tenant_columns[ VPREC_TENANT_COL_NAME ], &datum, &vprec_table_classes[VPREC_TABLE_TENANT]);
}

/* Sets the "nat_rules" column from the "Tenant" table in 'row' to
 * the 'nat_rules' set with 'n_nat_rules' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_tenant_index_set_nat_rules(const struct vprec_tenant *row, struct vprec_nat_rule **nat_rules, size_t n_nat_rules)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_nat_rules;
    datum.keys = n_nat_rules ? xmalloc(n_nat_rules * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_nat_rules; i++) {
        datum.keys[i].uuid = nat_rules[i]->header_.uuid;
    }
    ovsdb_datum_sort_unique(&datum, &vprec_tenant_col_nat_rules.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_tenant_columns[ VPREC_TENANT_COL_NAT_RULES ], &datum, &vprec_table_classes[VPREC_TABLE_TENANT]);
}

struct ovsdb_idl_column vprec_tenant_columns[VPREC_TENANT_N_COLUMNS];

unsigned int
vprec_tenant_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_tenant, condition);
}

struct ovsdb_idl_column vprec_tenant_columns[VPREC_TENANT_N_COLUMNS] = {
    [VPREC_TENANT_COL_EXTERNAL_ACCESS] = {
         .name = "external_access",
         .type = {
            .key = {
               .type = OVSDB_TYPE_BOOLEAN,
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_tenant_parse_external_access,
         .unparse = vprec_tenant_unparse_external_access,
    },

    [VPREC_TENANT_COL_EXTERNAL_IDS] = {
         .name = "external_ids",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_tenant_parse_external_ids,
         .unparse = vprec_tenant_unparse_external_ids,
    },

    [VPREC_TENANT_COL_NAME] = {
         .name = "name",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_tenant_parse_name,
         .unparse = vprec_tenant_unparse_name,
    },

    [VPREC_TENANT_COL_NAT_RULES] = {
         .name = "nat_rules",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "NAT_Rule", .refType = OVSDB_REF_STRONG },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_tenant_parse_nat_rules,
         .unparse = vprec_tenant_unparse_nat_rules,
    },

};

/* VNet table. */

bool
vprec_server_has_vnet_table_col_external_ids(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_external_ids);
}


bool
vprec_server_has_vnet_table_col_gateway_mac(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_gateway_mac);
}


bool
vprec_server_has_vnet_table_col_name(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_name);
}


bool
vprec_server_has_vnet_table_col_subnets(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_subnets);
}


bool
vprec_server_has_vnet_table_col_tenant(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_tenant);
}


bool
vprec_server_has_vnet_table_col_vni(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_column(idl, &vprec_vnet_col_vni);
}


bool
vprec_server_has_vnet_table(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_server_has_table(idl, &vprec_table_classes[VPREC_TABLE_VNET]);
}


const struct vprec_vnet_table *
vprec_vnet_table_get(const struct ovsdb_idl *idl)
{
    return (const struct vprec_vnet_table *) idl;
}

const struct vprec_vnet *
vprec_vnet_table_first(const struct vprec_vnet_table *table)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_vnet_first(idl);
}


const struct vprec_vnet *
vprec_vnet_table_track_get_first(const struct vprec_vnet_table *table)
{
    const struct ovsdb_idl *idl =  (const struct ovsdb_idl *) table;
    return vprec_vnet_track_get_first(idl);
}


static void
vprec_vnet_parse_external_ids(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);
    smap_init(&row->external_ids);
    for (size_t i = 0; i < datum->n; i++) {
        smap_add(&row->external_ids,
                 json_string(datum->keys[i].s),
                 json_string(datum->values[i].s));
    }
}

static void
vprec_vnet_parse_gateway_mac(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);

    if (datum->n >= 1) {
        row->gateway_mac = datum->keys[0].s->string;
    } else {
        row->gateway_mac = NULL;
    }
}

static void
vprec_vnet_parse_name(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);

    if (datum->n >= 1) {
        row->name = datum->keys[0].s->string;
    } else {
        row->name = "";
    }
}

static void
vprec_vnet_parse_subnets(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);
    row->subnets = NULL;
    row->n_subnets = 0;
    for (size_t i = 0; i < datum->n; i++) {
        if (!row->n_subnets) {
            row->subnets = xmalloc(datum->n * sizeof *row->subnets);
        }
        row->subnets[row->n_subnets] = datum->keys[i].s->string;
        row->n_subnets++;
    }
}

static void
vprec_vnet_parse_tenant(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);

    if (datum->n >= 1) {
        row->tenant = vprec_tenant_cast(ovsdb_idl_get_row_arc(row_, &vprec_table_tenant, &datum->keys[0].uuid));
    } else {
        row->tenant = NULL;
    }
}

static void
vprec_vnet_parse_vni(struct ovsdb_idl_row *row_, const struct ovsdb_datum *datum)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);

    if (datum->n >= 1) {
        row->vni = datum->keys[0].integer;
    } else {
        row->vni = 0;
    }
}

static void
vprec_vnet_unparse_external_ids(struct ovsdb_idl_row *row_)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);
    smap_destroy(&row->external_ids);
}

static void
vprec_vnet_unparse_gateway_mac(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_vnet_unparse_name(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_vnet_unparse_subnets(struct ovsdb_idl_row *row_)
{
    struct vprec_vnet *row = vprec_vnet_cast(row_);
    free(row->subnets);
}

static void
vprec_vnet_unparse_tenant(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_vnet_unparse_vni(struct ovsdb_idl_row *row OVS_UNUSED)
{
    /* Nothing to do. */
}

static void
vprec_vnet_init__(struct ovsdb_idl_row *row)
{
    vprec_vnet_init(vprec_vnet_cast(row));
}

/* Clears the contents of 'row' in table "VNet". */
void
vprec_vnet_init(struct vprec_vnet *row)
{
    memset(row, 0, sizeof *row); 
    smap_init(&row->external_ids);
    row->name = "";
}

/* Searches table "VNet" in 'idl' for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_vnet *
vprec_vnet_get_for_uuid(const struct ovsdb_idl *idl, const struct uuid *uuid)
{
    return vprec_vnet_cast(ovsdb_idl_get_row_for_uuid(idl, &vprec_table_vnet, uuid));
}

/* Searches table "VNet" for a row with UUID 'uuid'.  Returns
 * a pointer to the row if there is one, otherwise a null pointer.  */
const struct vprec_vnet *
vprec_vnet_table_get_for_uuid(const struct vprec_vnet_table *table, const struct uuid *uuid)
{
    const struct ovsdb_idl *idl = (const struct ovsdb_idl *) table;
    return vprec_vnet_get_for_uuid(idl, uuid);
}

/* Returns a row in table "VNet" in 'idl', or a null pointer if that
 * table is empty.
 *
 * Database tables are internally maintained as hash tables, so adding or
 * removing rows while traversing the same table can cause some rows to be
 * visited twice or not at apply. */
const struct vprec_vnet *
vprec_vnet_first(const struct ovsdb_idl *idl)
{
    return vprec_vnet_cast(ovsdb_idl_first_row(idl, &vprec_table_vnet));
}

/* Returns a row following 'row' within its table, or a null pointer if 'row'
 * is the last row in its table. */
const struct vprec_vnet *
vprec_vnet_next(const struct vprec_vnet *row)
{
    return vprec_vnet_cast(ovsdb_idl_next_row(&row->header_));
}

unsigned int vprec_vnet_get_seqno(const struct ovsdb_idl *idl)
{
    return ovsdb_idl_table_get_seqno(idl, &vprec_table_vnet);
}

unsigned int vprec_vnet_row_get_seqno(const struct vprec_vnet *row, enum ovsdb_idl_change change)
{
    return ovsdb_idl_row_get_seqno(&row->header_, change);
}

const struct vprec_vnet *
vprec_vnet_track_get_first(const struct ovsdb_idl *idl)
{
    return vprec_vnet_cast(ovsdb_idl_track_get_first(idl, &vprec_table_vnet));
}

const struct vprec_vnet
*vprec_vnet_track_get_next(const struct vprec_vnet *row)
{
    return vprec_vnet_cast(ovsdb_idl_track_get_next(&row->header_));
}


/* Deletes 'row' from table "VNet".  'row' may be freed, so it must not be
 * accessed afterward.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_delete(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_delete(&row->header_);
}

/* Inserts and returns a new row in the table "VNet" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned a randomly generated provisional UUID.
 * ovsdb-server will assign a different UUID when 'txn' is committed,
 * but the IDL will replace any uses of the provisional UUID in the
 * data to be to be committed by the UUID assigned by ovsdb-server. */
struct vprec_vnet *
vprec_vnet_insert(struct ovsdb_idl_txn *txn)
{
    return vprec_vnet_cast(ovsdb_idl_txn_insert(txn, &vprec_table_vnet, NULL));
}

/* Inserts and returns a new row in the table "VNet" in the database
 * with open transaction 'txn'.
 *
 * The new row is assigned the UUID specified in the 'uuid' parameter
 * (which cannot be null).  ovsdb-server will try to assign the same
 * UUID when 'txn' is committed. */
struct vprec_vnet *
vprec_vnet_insert_persist_uuid(struct ovsdb_idl_txn *txn, const struct uuid *uuid)
{
    return vprec_vnet_cast(ovsdb_idl_txn_insert_persist_uuid(
        txn, &vprec_table_vnet, uuid));
}

bool
vprec_vnet_is_updated(const struct vprec_vnet *row, enum vprec_vnet_column_id column)
{
    return ovsdb_idl_track_is_updated(&row->header_, &vprec_vnet_columns[column]);
}

/* Causes the original contents of column "external_ids" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "external_ids" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "external_ids" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "external_ids" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "external_ids" has already been modified (with
 *     vprec_vnet_set_external_ids()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_external_ids() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_external_ids(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_external_ids);
}

/* Causes the original contents of column "gateway_mac" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "gateway_mac" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "gateway_mac" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "gateway_mac" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "gateway_mac" has already been modified (with
 *     vprec_vnet_set_gateway_mac()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_gateway_mac() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_gateway_mac(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_gateway_mac);
}

/* Causes the original contents of column "name" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "name" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "name" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "name" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "name" has already been modified (with
 *     vprec_vnet_set_name()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_name() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_name(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_name);
}

/* Causes the original contents of column "subnets" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "subnets" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "subnets" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "subnets" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "subnets" has already been modified (with
 *     vprec_vnet_set_subnets()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_subnets() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_subnets(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_subnets);
}

/* Causes the original contents of column "tenant" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "tenant" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "tenant" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "tenant" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "tenant" has already been modified (with
 *     vprec_vnet_set_tenant()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_tenant() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_tenant(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_tenant);
}

/* Causes the original contents of column "vni" in 'row' to be
 * verified as a prerequisite to completing the transaction.  That is, if
 * "vni" in 'row' changed (or if 'row' was deleted) between the
 * time that the IDL originally read its contents and the time that the
 * transaction aborts and ovsdb_idl_txn_commit() returns TXN_TRY_AGAIN.
 *
 * The intention is that, to ensure that no transaction commits based on dirty
 * reads, an application should call this function any time "vni" is
 * read as part of a read-modify-write operation.
 *
 * In some cases this function reduces to a no-op, because the current value
 * of "vni" is already known:
 *
 *   - If 'row' is a row created by the current transaction (returned by
 *     vprec_vnet_insert()).
 *
 *   - If "vni" has already been modified (with
 *     vprec_vnet_set_vni()) within the current transaction.
 *
 * Because of the latter property, always call this function *before*
 * vprec_vnet_set_vni() for a given read-modify-write.
 *
 * The caller must have started a transaction with ovsdb_idl_txn_create(). */
void
vprec_vnet_verify_vni(const struct vprec_vnet *row)
{
    ovsdb_idl_txn_verify(&row->header_, &vprec_vnet_col_vni);
}

/* Returns the "external_ids" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * 'value_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes external_ids's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "external_ids" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_external_ids(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED,
	enum ovsdb_atomic_type value_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    ovs_assert(value_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_external_ids);
}

/* Returns the "gateway_mac" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes gateway_mac's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "gateway_mac" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_gateway_mac(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_gateway_mac);
}

/* Returns the "name" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes name's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "name" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_name(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_name);
}

/* Returns the "subnets" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_STRING.
 * (This helps to avoid silent bugs if someone changes subnets's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "subnets" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_subnets(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_STRING);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_subnets);
}

/* Returns the "tenant" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_UUID.
 * (This helps to avoid silent bugs if someone changes tenant's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "tenant" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_tenant(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_UUID);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_tenant);
}

/* Returns the "vni" column's value from the "VNet" table in 'row'
 * as a struct ovsdb_datum.  This is useful occasionally: for example,
 * ovsdb_datum_find_key() is an easier and more efficient way to search
 * for a given key than implementing the same operation on the "cooked"
 * form in 'row'.
 *
 * 'key_type' must be OVSDB_TYPE_INTEGER.
 * (This helps to avoid silent bugs if someone changes vni's
 * type without updating the caller.)
 *
 * The caller must not modify or free the returned value.
 *
 * Various kinds of changes can invalidate the returned value: modifying
 * 'column' within 'row', deleting 'row', or completing an ongoing transaction.
 * If the returned value is needed for a long time, it is best to make a copy
 * of it with ovsdb_datum_clone().
 *
 * This function is rarely useful, since it is easier to access the value
 * directly through the "vni" member in vprec_vnet. */
const struct ovsdb_datum *
vprec_vnet_get_vni(const struct vprec_vnet *row,
	enum ovsdb_atomic_type key_type OVS_UNUSED)
{
    ovs_assert(key_type == OVSDB_TYPE_INTEGER);
    return ovsdb_idl_read(&row->header_, &vprec_vnet_col_vni);
}

/* Sets the "external_ids" column's value from the "VNet" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_vnet_set_external_ids(const struct vprec_vnet *row, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }
    ovsdb_idl_txn_write(&row->header_,
                        &vprec_vnet_col_external_ids,
                        &datum);
}


/* Sets the "gateway_mac" column from the "VNet" table in 'row' to
 * the 'gateway_mac' set.
 *
 * If "gateway_mac" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_set_gateway_mac(const struct vprec_vnet *row, const char *gateway_mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (gateway_mac) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(gateway_mac);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_vnet_col_gateway_mac, &datum);
}

/* Sets the "name" column from the "VNet" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_set_name(const struct vprec_vnet *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_vnet_col_name, &datum);
}

/* Sets the "subnets" column from the "VNet" table in 'row' to
 * the 'subnets' set with 'n_subnets' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_set_subnets(const struct vprec_vnet *row, const char **subnets, size_t n_subnets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    datum.n = n_subnets;
    datum.keys = n_subnets ? xmalloc(n_subnets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_subnets; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(subnets[i]);
    }
    ovsdb_idl_txn_write(&row->header_, &vprec_vnet_col_subnets, &datum);
}

/* Sets the "tenant" column from the "VNet" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_set_tenant(const struct vprec_vnet *row, const struct vprec_tenant *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = tenant->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_vnet_col_tenant, &datum);
}

/* Sets the "vni" column from the "VNet" table in 'row' to
 * 'vni'.
 *
 * Argument constraints: in range 1 to 16,777,215
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_set_vni(const struct vprec_vnet *row, int64_t vni)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = vni;
    datum.values = NULL;
    ovsdb_idl_txn_write(&row->header_, &vprec_vnet_col_vni, &datum);
}

/* Sets an element of the "external_ids" map column from the "VNet" table in 'row'
 * to 'new_value' given the key value 'new_key'.
 *
 */
void
vprec_vnet_update_external_ids_setkey(const struct vprec_vnet *row, const char *new_key, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = xmalloc(datum->n * sizeof *datum->values);
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_key);
    datum->values[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_map(&row->header_,
                                    &vprec_vnet_col_external_ids,
                                    datum);
}

/* Deletes an element of the "external_ids" map column from the "VNet" table in 'row'
 * given the key value 'delete_key'.
 *
 */
void
vprec_vnet_update_external_ids_delkey(const struct vprec_vnet *row, const char *delete_key)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->keys);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_key);

    ovsdb_idl_txn_delete_partial_map(&row->header_,
                                    &vprec_vnet_col_external_ids,
                                    datum);
}

/* Adds the value 'new_value' to the "gateway_mac" set column from the "VNet" table
 * in 'row'.
 *
 */
void
vprec_vnet_update_gateway_mac_addvalue(const struct vprec_vnet *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_vnet_col_gateway_mac,
                                    datum);
}

/* Deletes the value 'delete_value' from the "gateway_mac" set column from the
 * "VNet" table in 'row'.
 *
 */
void
vprec_vnet_update_gateway_mac_delvalue(const struct vprec_vnet *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_vnet_col_gateway_mac,
                                    datum);
}

/* Adds the value 'new_value' to the "subnets" set column from the "VNet" table
 * in 'row'.
 *
 */
void
vprec_vnet_update_subnets_addvalue(const struct vprec_vnet *row, const char *new_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(new_value);

    ovsdb_idl_txn_write_partial_set(&row->header_,
                                    &vprec_vnet_col_subnets,
                                    datum);
}

/* Deletes the value 'delete_value' from the "subnets" set column from the
 * "VNet" table in 'row'.
 *
 */
void
vprec_vnet_update_subnets_delvalue(const struct vprec_vnet *row, const char *delete_value)
{
    struct ovsdb_datum *datum;

    datum = xmalloc(sizeof *datum);
    datum->n = 1;
    datum->keys = xmalloc(datum->n * sizeof *datum->values);
    datum->values = NULL;
    datum->refcnt = NULL;

    datum->keys[0].s = ovsdb_atom_string_create(delete_value);

    ovsdb_idl_txn_delete_partial_set(&row->header_,
                                    &vprec_vnet_col_subnets,
                                    datum);
}

/* Sets the "external_ids" column's value from the "VNet" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_vnet_add_clause_external_ids(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct smap *external_ids)
{
    struct ovsdb_datum datum;

    if (external_ids) {
        ovsdb_datum_from_smap(&datum, external_ids);
    } else {
        ovsdb_datum_init_empty(&datum);
    }

    ovsdb_idl_condition_add_clause(cond,
                                   function,
                                   &vprec_vnet_col_external_ids,
                                   &datum);

    ovsdb_datum_destroy(&datum, &vprec_vnet_col_external_ids.type);
}


/* Sets the "gateway_mac" column from the "VNet" table in 'row' to
 * the 'gateway_mac' set.
 *
 * If "gateway_mac" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_add_clause_gateway_mac(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *gateway_mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    if (gateway_mac) {
        union ovsdb_atom *key = xmalloc(sizeof *key);
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(gateway_mac);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_vnet_col_gateway_mac,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_vnet_col_gateway_mac.type);
}

/* Sets the "name" column from the "VNet" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_add_clause_name(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_vnet_col_name,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_vnet_col_name.type);
}

/* Sets the "subnets" column from the "VNet" table in 'row' to
 * the 'subnets' set with 'n_subnets' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_add_clause_subnets(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const char **subnets, size_t n_subnets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    datum.n = n_subnets;
    datum.keys = n_subnets ? xmalloc(n_subnets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (size_t i = 0; i < n_subnets; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(subnets[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_vnet_col_subnets.type);
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_vnet_col_subnets,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_vnet_col_subnets.type);
}

/* Sets the "tenant" column from the "VNet" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_add_clause_tenant(struct ovsdb_idl_condition *cond, enum ovsdb_function function, const struct uuid *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->uuid = *tenant;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_vnet_col_tenant,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_vnet_col_tenant.type);
}

/* Sets the "vni" column from the "VNet" table in 'row' to
 * 'vni'.
 *
 * Argument constraints: in range 1 to 16,777,215
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_add_clause_vni(struct ovsdb_idl_condition *cond, enum ovsdb_function function, int64_t vni)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;

    union ovsdb_atom *key = xmalloc(sizeof *key);

    datum.n = 1;
    datum.keys = key;
    key->integer = vni;
    datum.values = NULL;
    ovsdb_idl_condition_add_clause(cond,
                          function,
                          &vprec_vnet_col_vni,
                          &datum);
    ovsdb_datum_destroy(&datum, &vprec_vnet_col_vni.type);
}

/* Destroy 'row' of kind "VNet". The row must have been
 * created with ovsdb_idl_index_init_row.
 */
void
vprec_vnet_index_destroy_row(const struct vprec_vnet *row)
{
    ovsdb_idl_index_destroy_row(&row->header_);
}
        

/* Creates a new row of kind "VNet". */
struct vprec_vnet *
vprec_vnet_index_init_row(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_vnet);
    return ALIGNED_CAST(struct vprec_vnet *, ovsdb_idl_index_init_row(index));
}

struct vprec_vnet *
vprec_vnet_index_find(struct ovsdb_idl_index *index, const struct vprec_vnet *target)
{
    ovs_assert(index->table->class_ == &vprec_table_vnet);
    return vprec_vnet_cast(ovsdb_idl_index_find(index, &target->header_));
}

/* Compares 'a' to 'b' and returns a strcmp()-type result. */
int
vprec_vnet_index_compare(
    struct ovsdb_idl_index *index, 
    const struct vprec_vnet *a, 
    const struct vprec_vnet *b)
{
    return ovsdb_idl_index_compare(index, &a->header_, &b->header_);
}

struct ovsdb_idl_cursor
vprec_vnet_cursor_first(struct ovsdb_idl_index *index)
{
    ovs_assert(index->table->class_ == &vprec_table_vnet);
    return ovsdb_idl_cursor_first(index);
}

struct ovsdb_idl_cursor
vprec_vnet_cursor_first_eq(
    struct ovsdb_idl_index *index, const struct vprec_vnet *target)
{
    ovs_assert(index->table->class_ == &vprec_table_vnet);
    return ovsdb_idl_cursor_first_eq(index, &target->header_);
}

struct ovsdb_idl_cursor
vprec_vnet_cursor_first_ge(
    struct ovsdb_idl_index *index, const struct vprec_vnet *target)
{
    ovs_assert(index->table->class_ == &vprec_table_vnet);
    return ovsdb_idl_cursor_first_ge(index, target ? &target->header_ : NULL);
}

struct vprec_vnet *
vprec_vnet_cursor_data(struct ovsdb_idl_cursor *cursor)
{
    return vprec_vnet_cast(ovsdb_idl_cursor_data(cursor));
}


/* Sets the "external_ids" column's value from the "VNet" table in 'row'
 * to 'external_ids'.
 *
 * The caller retains ownership of 'external_ids' and everything in it. */
void
vprec_vnet_index_set_external_ids(const struct vprec_vnet *row, const struct smap *external_ids)
{
    struct ovsdb_datum *datum = xmalloc(sizeof(struct ovsdb_datum));

    if (external_ids) {
        struct smap_node *node;
        size_t i;

        datum->n = smap_count(external_ids);
        datum->keys = xmalloc(datum->n * sizeof *datum->keys);
        datum->values = xmalloc(datum->n * sizeof *datum->values);
        datum->refcnt = NULL;

        i = 0;
        SMAP_FOR_EACH (node, external_ids) {
            datum->keys[i].s = ovsdb_atom_string_create(node->key);
            datum->values[i].s = ovsdb_atom_string_create(node->value);
            i++;
        }
        ovsdb_datum_sort_unique(datum, &vprec_vnet_col_external_ids.type);
    } else {
        ovsdb_datum_init_empty(datum);
    }
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_),
                          &vprec_vnet_columns[VPREC_VNET_COL_EXTERNAL_IDS],
                          datum,
                          &vprec_table_classes[VPREC_TABLE_VNET]);
    free(datum);
}


/* Sets the "gateway_mac" column from the "VNet" table in 'row' to
 * the 'gateway_mac' set.
 *
 * If "gateway_mac" is null, the column will be the empty set,
 * otherwise it will contain the specified value.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_index_set_gateway_mac(const struct vprec_vnet *row, const char *gateway_mac)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key;

    if (gateway_mac) {
        key = xmalloc(sizeof (union ovsdb_atom));
        datum.n = 1;
        datum.keys = key;
        key->s = ovsdb_atom_string_create(gateway_mac);
    } else {
        datum.n = 0;
        datum.keys = NULL;
    }
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_vnet_columns[ VPREC_VNET_COL_GATEWAY_MAC ], &datum, &vprec_table_classes[VPREC_TABLE_VNET]);
}

/* Sets the "name" column from the "VNet" table in 'row' to
 * 'name'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_index_set_name(const struct vprec_vnet *row, const char *name)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->s = ovsdb_atom_string_create(name);
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_vnet_columns[ VPREC_VNET_COL_NAME ], &datum, &vprec_table_classes[VPREC_TABLE_VNET]);
}

/* Sets the "subnets" column from the "VNet" table in 'row' to
 * the 'subnets' set with 'n_subnets' entries.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_index_set_subnets(const struct vprec_vnet *row, const char **subnets, size_t n_subnets)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    size_t i;

    datum.n = n_subnets;
    datum.keys = n_subnets ? xmalloc(n_subnets * sizeof *datum.keys) : NULL;
    datum.values = NULL;
    for (i = 0; i < n_subnets; i++) {
        datum.keys[i].s = ovsdb_atom_string_create(subnets[i]);
    }
    ovsdb_datum_sort_unique(&datum, &vprec_vnet_col_subnets.type);
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_vnet_columns[ VPREC_VNET_COL_SUBNETS ], &datum, &vprec_table_classes[VPREC_TABLE_VNET]);
}

/* Sets the "tenant" column from the "VNet" table in 'row' to
 * 'tenant'.
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_index_set_tenant(const struct vprec_vnet *row, const struct vprec_tenant *tenant)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->uuid = tenant->header_.uuid;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_vnet_columns[ VPREC_VNET_COL_TENANT ], &datum, &vprec_table_classes[VPREC_TABLE_VNET]);
}

/* Sets the "vni" column from the "VNet" table in 'row' to
 * 'vni'.
 *
 * Argument constraints: in range 1 to 16,777,215
 *
 * The caller retains ownership of the arguments. */
void
vprec_vnet_index_set_vni(const struct vprec_vnet *row, int64_t vni)
{
    struct ovsdb_datum datum;

    datum.refcnt = NULL;
    union ovsdb_atom *key = xmalloc(sizeof(union ovsdb_atom));

    datum.n = 1;
    datum.keys = key;
    key->integer = vni;
    datum.values = NULL;
    ovsdb_idl_index_write(CONST_CAST(struct ovsdb_idl_row *, &row->header_), &vprec_vnet_columns[ VPREC_VNET_COL_VNI ], &datum, &vprec_table_classes[VPREC_TABLE_VNET]);
}

struct ovsdb_idl_column vprec_vnet_columns[VPREC_VNET_N_COLUMNS];

unsigned int
vprec_vnet_set_condition(struct ovsdb_idl *idl, struct ovsdb_idl_condition *condition)
{
    return ovsdb_idl_set_condition(idl, &vprec_table_vnet, condition);
}

struct ovsdb_idl_column vprec_vnet_columns[VPREC_VNET_N_COLUMNS] = {
    [VPREC_VNET_COL_EXTERNAL_IDS] = {
         .name = "external_ids",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = {
                .type = OVSDB_TYPE_STRING,
                .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_external_ids,
         .unparse = vprec_vnet_unparse_external_ids,
    },

    [VPREC_VNET_COL_GATEWAY_MAC] = {
         .name = "gateway_mac",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_gateway_mac,
         .unparse = vprec_vnet_unparse_gateway_mac,
    },

    [VPREC_VNET_COL_NAME] = {
         .name = "name",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_name,
         .unparse = vprec_vnet_unparse_name,
    },

    [VPREC_VNET_COL_SUBNETS] = {
         .name = "subnets",
         .type = {
            .key = {
               .type = OVSDB_TYPE_STRING,
               .string = { .minLen = 0, .maxLen = UINT_MAX },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 0,
            .n_max = UINT_MAX,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_subnets,
         .unparse = vprec_vnet_unparse_subnets,
    },

    [VPREC_VNET_COL_TENANT] = {
         .name = "tenant",
         .type = {
            .key = {
               .type = OVSDB_TYPE_UUID,
               .uuid = { .refTableName = "Tenant", .refType = OVSDB_REF_STRONG },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_tenant,
         .unparse = vprec_vnet_unparse_tenant,
    },

    [VPREC_VNET_COL_VNI] = {
         .name = "vni",
         .type = {
            .key = {
               .type = OVSDB_TYPE_INTEGER,
               .integer = { .min = INT64_C(1), .max = INT64_C(16777215) },
            },
            .value = OVSDB_BASE_VOID_INIT,
            .n_min = 1,
            .n_max = 1,
         },
         .is_mutable = true,
         .is_synthetic = false,
         .parse = vprec_vnet_parse_vni,
         .unparse = vprec_vnet_unparse_vni,
    },

};

struct ovsdb_idl_table_class vprec_table_classes[VPREC_N_TABLES] = {
    {"Deployment", true, true,
     vprec_deployment_columns, ARRAY_SIZE(vprec_deployment_columns),
     sizeof(struct vprec_deployment), vprec_deployment_init__},
    {"Firewall_Rule", false, false,
     vprec_firewall_rule_columns, ARRAY_SIZE(vprec_firewall_rule_columns),
     sizeof(struct vprec_firewall_rule), vprec_firewall_rule_init__},
    {"Host", true, false,
     vprec_host_columns, ARRAY_SIZE(vprec_host_columns),
     sizeof(struct vprec_host), vprec_host_init__},
    {"NAT_Rule", false, false,
     vprec_nat_rule_columns, ARRAY_SIZE(vprec_nat_rule_columns),
     sizeof(struct vprec_nat_rule), vprec_nat_rule_init__},
    {"Port", true, false,
     vprec_port_columns, ARRAY_SIZE(vprec_port_columns),
     sizeof(struct vprec_port), vprec_port_init__},
    {"Route", true, false,
     vprec_route_columns, ARRAY_SIZE(vprec_route_columns),
     sizeof(struct vprec_route), vprec_route_init__},
    {"Tenant", true, false,
     vprec_tenant_columns, ARRAY_SIZE(vprec_tenant_columns),
     sizeof(struct vprec_tenant), vprec_tenant_init__},
    {"VNet", true, false,
     vprec_vnet_columns, ARRAY_SIZE(vprec_vnet_columns),
     sizeof(struct vprec_vnet), vprec_vnet_init__},
};

struct ovsdb_idl_class vprec_idl_class = {
    "VPlane", vprec_table_classes, ARRAY_SIZE(vprec_table_classes)
};

/* Return the schema version.  The caller must not free the returned value. */
const char *
vprec_get_db_version(void)
{
    return "1.0.0";
}

