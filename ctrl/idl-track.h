/* ctrl/idl-track.h: whether a row the IDL tracks changed itself.
 *
 * Open vSwitch's IDL tracks as modified not only the rows that changed but
 * every row that refers to one (and those that refer to them, and so on):
 * a Host row the controller rewrites (its subsets, its SNAT blocks) brings
 * every port bound to it, and at a thousand hosts a subset assignment
 * brought most of the database.  The controller's handlers deal with what
 * a referenced row's change means where it matters (a host's VTEP or name,
 * a VNet's tenant), so a row tracked only because of a row it refers to is
 * no change of its own. */
#ifndef VPLANE_CTRL_IDL_TRACK_H
#define VPLANE_CTRL_IDL_TRACK_H 1

#include <stdbool.h>
#include <stddef.h>
#include "ovsdb-idl.h"

static inline bool
idl_row_changed_itself(const struct ovsdb_idl_row *row,
                       const struct ovsdb_idl_column *columns, size_t n)
{
    if (ovsdb_idl_row_get_seqno(row, OVSDB_IDL_CHANGE_INSERT) > 0
        || ovsdb_idl_row_get_seqno(row, OVSDB_IDL_CHANGE_DELETE) > 0) {
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        if (ovsdb_idl_track_is_updated(row, &columns[i])) {
            return true;
        }
    }
    return false;
}

/* For a row of table TABLE ("port" for struct vprec_port). */
#define IDL_ROW_CHANGED_ITSELF(ROW, TABLE, UPPER)                      \
    idl_row_changed_itself(&(ROW)->header_, vprec_##TABLE##_columns,  \
                           VPREC_##UPPER##_N_COLUMNS)

#endif /* ctrl/idl-track.h */
