/* vplane/prom.c: the Prometheus text format and the atomic rewrite of a
 * textfile-collector file (prom.h).  What the metrics are is the callers'
 * business (vplane/metrics.c, ctrl/metrics.c), not this file's. */
#include <config.h>
#include "prom.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "coverage.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(prom);

COVERAGE_DEFINE(prom_write_error);
COVERAGE_DEFINE(prom_truncated);

struct prom_file {
    char *path;                 /* DIR/NAME.prom */
    char *tmp;                  /* DIR/.NAME.prom.tmp: a collector only
                                 * reads "*.prom". */
    int interval_ms;
    long long int next;         /* When to write next. */
    prom_build_func *build;
    void *aux;
    uint64_t n_written;
    uint64_t n_errors;
    uint64_t n_truncated;
};

void
prom_init(struct prom *p)
{
    ds_init(&p->text);
    p->family = NULL;
    p->n_skipped = 0;
}

void
prom_destroy(struct prom *p)
{
    ds_destroy(&p->text);
}

/* HELP text escapes '\' and newline; label values also '"'. */
static void
put_escaped(struct ds *s, const char *text, bool quote)
{
    for (; *text; text++) {
        if (*text == '\\') {
            ds_put_cstr(s, "\\\\");
        } else if (*text == '\n') {
            ds_put_cstr(s, "\\n");
        } else if (*text == '"' && quote) {
            ds_put_cstr(s, "\\\"");
        } else {
            ds_put_char(s, *text);
        }
    }
}

void
prom_family(struct prom *p, const char *name, enum prom_type type,
            const char *help)
{
    p->family = name;
    if (p->text.length >= PROM_MAX_BYTES) {
        return;
    }
    ds_put_format(&p->text, "# HELP %s ", name);
    put_escaped(&p->text, help, false);
    ds_put_format(&p->text, "\n# TYPE %s %s\n", name,
                  type == PROM_COUNTER ? "counter" : "gauge");
}

void
prom_sample(struct prom *p, uint64_t value, ...)
{
    const char *label;
    va_list args;

    if (p->text.length >= PROM_MAX_BYTES) {
        p->n_skipped++;
        return;
    }
    ds_put_cstr(&p->text, p->family);
    va_start(args, value);
    int i;
    for (i = 0; (label = va_arg(args, const char *)); i++) {
        const char *v = va_arg(args, const char *);
        ds_put_format(&p->text, "%c%s=\"", i ? ',' : '{', label);
        put_escaped(&p->text, v ? v : "", true);
        ds_put_char(&p->text, '"');
    }
    va_end(args);
    if (i) {
        ds_put_char(&p->text, '}');
    }
    ds_put_format(&p->text, " %"PRIu64"\n", value);
}

static char *
check_dir(const char *dir)
{
    struct stat st;

    if (!dir[0]) {
        return xstrdup("--metrics-dir: the directory name is empty");
    }
    if (stat(dir, &st)) {
        return xasprintf("--metrics-dir: %s: %s", dir, ovs_strerror(errno));
    }
    if (!S_ISDIR(st.st_mode)) {
        return xasprintf("--metrics-dir: %s is not a directory", dir);
    }
    return NULL;
}

char *
prom_dir_option(const char *arg)
{
    char *error = check_dir(arg);

    if (error) {
        ovs_fatal(0, "%s", error);
    }
    return abs_file_name(NULL, arg);
}

int
prom_interval_option(const char *arg)
{
    int secs;

    if (!str_to_int(arg, 10, &secs) || secs < 1 || secs > 3600) {
        ovs_fatal(0, "--metrics-interval: \"%s\" is not a number of "
                  "seconds from 1 to 3600", arg);
    }
    return secs;
}

struct prom_file *
prom_file_create(const char *dir, const char *name, int interval_ms,
                 prom_build_func *build, void *aux)
{
    struct prom_file *f = xzalloc(sizeof *f);

    f->path = xasprintf("%s/%s.prom", dir, name);
    f->tmp = xasprintf("%s/.%s.prom.tmp", dir, name);
    f->interval_ms = interval_ms;
    f->next = time_msec();
    f->build = build;
    f->aux = aux;
    return f;
}

void
prom_file_destroy(struct prom_file *f)
{
    if (f) {
        free(f->path);
        free(f->tmp);
        free(f);
    }
}

static int
write_all(int fd, const char *data, size_t n)
{
    while (n) {
        ssize_t r = write(fd, data, n);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        data += r;
        n -= r;
    }
    return 0;
}

/* Writes 's' to the temporary file and renames it over the real one.
 * Returns 0 or an errno value; '*what' says which step failed. */
static int
replace_file(const struct prom_file *f, const struct ds *s,
             const char **what)
{
    int fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int error;

    if (fd < 0) {
        *what = "open";
        return errno;
    }
    error = write_all(fd, s->string ? s->string : "", s->length);
    *what = "write";
    if (close(fd) && !error) {
        error = errno;
        *what = "close";
    }
    if (!error && rename(f->tmp, f->path)) {
        error = errno;
        *what = "rename";
    }
    if (error) {
        unlink(f->tmp);
    }
    return error;
}

/* The writer's own counters, last in every file and past PROM_MAX_BYTES
 * on purpose: these few lines say why a file was cut. */
static void
put_own_metrics(const struct prom_file *f, struct prom *out)
{
    struct prom p;

    prom_init(&p);
    prom_family(&p, "vplane_metrics_writes_total", PROM_COUNTER,
                "Metrics files written by this program.");
    prom_sample(&p, f->n_written, NULL);
    prom_family(&p, "vplane_metrics_write_errors_total", PROM_COUNTER,
                "Metrics files that could not be written (see the log).");
    prom_sample(&p, f->n_errors, NULL);
    prom_family(&p, "vplane_metrics_truncated_total", PROM_COUNTER,
                "Metrics files cut short at PROM_MAX_BYTES.");
    prom_sample(&p, f->n_truncated, NULL);
    ds_put_buffer(&out->text, p.text.string, p.text.length);
    prom_destroy(&p);
}

void
prom_file_run(struct prom_file *f)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
    long long int now = time_msec();
    struct prom p;
    const char *what;

    if (now < f->next) {
        return;
    }
    f->next = now + f->interval_ms;

    prom_init(&p);
    f->build(&p, f->aux);
    if (p.n_skipped) {
        f->n_truncated++;
        COVERAGE_INC(prom_truncated);
        VLOG_WARN_RL(&rl, "%s: %"PRIuSIZE" samples left out: the file would "
                     "exceed %d bytes", f->path, p.n_skipped, PROM_MAX_BYTES);
    }
    f->n_written++;
    put_own_metrics(f, &p);
    int error = replace_file(f, &p.text, &what);
    if (error) {
        f->n_written--;
        f->n_errors++;
        COVERAGE_INC(prom_write_error);
        VLOG_WARN_RL(&rl, "%s: %s failed (%s); trying again in %d ms",
                     what[0] == 'o' ? f->tmp : f->path, what,
                     ovs_strerror(error), f->interval_ms);
    }
    prom_destroy(&p);
}

void
prom_file_wait(const struct prom_file *f)
{
    poll_timer_wait_until(f->next);
}
