/* vplane/drop-reasons.c: names and meanings of the drop reasons (the list
 * itself is include/vplane/drop-reasons.h). */
#include <config.h>
#include "vplane/drop-reasons.h"

#include <string.h>

static const char *const names[] = {
#define VP_DROP(ENUM, NAME, HELP) NAME,
    VP_DROP_REASONS
#undef VP_DROP
};

static const char *const helps[] = {
#define VP_DROP(ENUM, NAME, HELP) HELP,
    VP_DROP_REASONS
#undef VP_DROP
};

const char *
vp_drop_reason_name(enum vp_drop_reason reason)
{
    return reason < VP_N_DROP_REASONS ? names[reason] : "unknown";
}

const char *
vp_drop_reason_help(enum vp_drop_reason reason)
{
    return reason < VP_N_DROP_REASONS ? helps[reason] : "unknown";
}

bool
vp_drop_reason_from_name(const char *name, enum vp_drop_reason *reason)
{
    for (int i = 0; i < VP_N_DROP_REASONS; i++) {
        if (!strcmp(names[i], name)) {
            *reason = i;
            return true;
        }
    }
    return false;
}
