/* vplane/libvirt-tap.c: persistent taps for libvirt domains.  See
 * libvirt-tap.h.  The kernel's tun driver makes them (TUNSETIFF,
 * TUNSETPERSIST); the alias is the interface's sysfs "ifalias".  sysfs
 * shows the network namespace of whoever mounted it: run vplaned in a
 * network namespace with its own sysfs mount (as `ip netns exec` does), or
 * in the host's. */
#include <config.h>
#include "libvirt-tap.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "openvswitch/vlog.h"
#include "smap.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(libvirt_tap);

#define ALIAS_PREFIX "vplane:"

/* Reads interface 'name''s alias into 'alias'.  Returns 0, ENODEV if there
 * is no such interface, or another errno. */
static int
read_alias(const char *name, char *alias, size_t size)
{
    char path[128];

    snprintf(path, sizeof path, "/sys/class/net/%s/ifalias", name);
    FILE *f = fopen(path, "r");
    if (!f) {
        return errno == ENOENT ? ENODEV : errno;
    }
    if (!fgets(alias, size, f)) {
        alias[0] = '\0';
    }
    fclose(f);
    alias[strcspn(alias, "\n")] = '\0';
    return 0;
}

static int
write_alias(const char *name, const char *alias)
{
    char path[128];

    snprintf(path, sizeof path, "/sys/class/net/%s/ifalias", name);
    FILE *f = fopen(path, "w");
    if (!f) {
        return errno;
    }
    int error = fputs(alias, f) < 0 ? errno : 0;
    if (fclose(f) && !error) {
        error = errno;
    }
    return error;
}

/* Attaches to tap 'name' (creating it if needed) and sets it persistent or
 * not.  Making it not persistent and closing it removes it. */
static int
set_persist(const char *name, bool persist)
{
    struct ifreq ifr;
    int error = 0;

    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    ovs_strzcpy(ifr.ifr_name, name, sizeof ifr.ifr_name);
    if (ioctl(fd, TUNSETIFF, &ifr) || ioctl(fd, TUNSETPERSIST, persist)) {
        error = errno;
    }
    close(fd);
    return error;
}

int
lv_tap_create(const char *name, const char *uuid)
{
    char alias[256], want[256];
    int error;

    snprintf(want, sizeof want, ALIAS_PREFIX"%s", uuid);
    error = read_alias(name, alias, sizeof alias);
    if (!error) {
        return strcmp(alias, want) ? EEXIST : 0;
    } else if (error != ENODEV) {
        return error;
    }

    error = set_persist(name, true);
    if (!error) {
        error = write_alias(name, want);
        if (error) {
            set_persist(name, false);
        }
    }
    if (!error) {
        VLOG_INFO("tap %s: created for domain %s", name, uuid);
    }
    return error;
}

int
lv_tap_remove(const char *name, const char *uuid)
{
    char alias[256], want[256];
    int error = read_alias(name, alias, sizeof alias);

    snprintf(want, sizeof want, ALIAS_PREFIX"%s", uuid);
    if (error) {
        return error == ENODEV ? 0 : error;
    } else if (strcmp(alias, want)) {
        return EPERM;           /* Not ours: leave it alone. */
    }
    error = set_persist(name, false);
    if (!error) {
        VLOG_INFO("tap %s: removed (%s)", name, alias);
    }
    return error;
}

void
lv_tap_list(struct smap *taps)
{
    DIR *dir = opendir("/sys/class/net");
    struct dirent *de;

    if (!dir) {
        return;
    }
    while ((de = readdir(dir)) != NULL) {
        char alias[256];

        if (de->d_name[0] != '.'
            && !read_alias(de->d_name, alias, sizeof alias)
            && !strncmp(alias, ALIAS_PREFIX, strlen(ALIAS_PREFIX))) {
            smap_replace(taps, de->d_name, alias + strlen(ALIAS_PREFIX));
        }
    }
    closedir(dir);
}
