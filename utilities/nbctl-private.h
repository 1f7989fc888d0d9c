/* utilities/nbctl-private.h: the argument and table helpers shared by the
 * command files nbctl-cmds.c (which defines them) and nbctl-vnets.c.
 * Nothing else uses it; what every command file uses is in nbctl.h. */
#ifndef VPLANE_UTILITIES_NBCTL_PRIVATE_H
#define VPLANE_UTILITIES_NBCTL_PRIVATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include "openvswitch/compiler.h"

struct ctl_context;
struct table;

/* "key=value" argument 'arg' with key 'key': its value, or NULL. */
const char *keyword(const char *arg, const char *key);

/* Whether the command was given option 'option' ("--may-exist"). */
bool has_option(const struct ctl_context *, const char *option);

/* Sets up 'ctx''s output as a table with 'n' columns 'headings'. */
struct table *new_table(struct ctl_context *, const char *const *headings,
                        size_t n);

/* Adds a cell to the current row of 't'. */
void cell(struct table *t, const char *format, ...) OVS_PRINTF_FORMAT(2, 3);

/* Sorts 't''s rows by their cells' text, first column first. */
void sort_rows(struct table *);

#endif /* utilities/nbctl-private.h */
