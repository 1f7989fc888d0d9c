/* utilities/nbctl-private.h: the argument and table helpers shared by the
 * command files: nbctl-cmds.c defines them; nbctl-vnets.c and
 * nbctl-services.c use them.
 * Nothing else uses it; what every command file uses is in nbctl.h. */
#ifndef VPLANE_UTILITIES_NBCTL_PRIVATE_H
#define VPLANE_UTILITIES_NBCTL_PRIVATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"

struct ctl_context;
struct ovsdb_idl_row;
struct table;

/* "key=value" argument 'arg' with key 'key': its value, or NULL. */
const char *nbctl_keyword(const char *arg, const char *key);

/* Whether the command was given option 'option' ("--may-exist"). */
bool nbctl_has_option(const struct ctl_context *, const char *option);

/* Sets up 'ctx''s output as a table with 'n' columns 'headings'. */
struct table *nbctl_new_table(struct ctl_context *,
                              const char *const *headings, size_t n);

/* Adds a cell to the current row of 't'. */
void nbctl_cell(struct table *t, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);

/* Sorts 't''s rows by their cells' text, first column first. */
void nbctl_sort_rows(struct table *);

/* Deletes 'row' in the transaction in progress (ovsdb_idl_txn_delete()),
 * leaving its parsed columns valid: see nbctl.c. */
void nbctl_delete(const struct ovsdb_idl_row *row);

#endif /* utilities/nbctl-private.h */
