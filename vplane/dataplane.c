/* vplane/dataplane.c: forwarding threads and port attachment (see
 * dataplane.h). */
#include <config.h>
#include "dataplane.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "conntrack.h"
#include "fabric.h"
#include "bitmap.h"
#include "ipf.h"
#include "flow-cache.h"
#include "fwd-thread.h"
#include "netdev.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "owner-sweep.h"
#include "packets.h"
#include "port.h"
#include "port-socket.h"
#include "resolver.h"
#include "tables.h"
#include "uplink.h"
#include "timeval.h"
#include "udp-bind.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(dataplane);

/* How often missing ports are retried and MTUs re-read. */
#define DATAPLANE_CHECK_MSEC 1000

static void dataplane_port_link(struct vp_port *, void *dp_);
static void dataplane_port_unlink(struct vp_port *, void *dp_);

/* The tables' ct_flush hook (tables.h).  A forwarding thread may still be
 * in a batch decided under the old tables and commit a connection there:
 * the flush waits for the next dataplane_run(), which first waits for every
 * thread to pass a quiescent point. */
static void
dataplane_ct_flush(const uint16_t *zone, void *dp_)
{
    struct dataplane *dp = dp_;

    if (zone) {
        bitmap_set1(dp->flush_zones, *zone);
    } else {
        dp->flush_all = true;
    }
    dp->flush_pending = true;
    dp->next_check = 0;
}

static void
dataplane_flush_ct(struct dataplane *dp)
{
    if (!dp->flush_pending) {
        return;
    }
    ovsrcu_synchronize();
    if (dp->shared.ct && dp->flush_all) {
        conntrack_flush(dp->shared.ct, NULL);
    }
    size_t zone;
    BITMAP_FOR_EACH_1 (zone, UINT16_MAX + 1, dp->flush_zones) {
        uint16_t z = zone;
        if (dp->shared.ct && !dp->flush_all) {
            conntrack_flush(dp->shared.ct, &z);
        }
        tables_release_zone(dp->tables, z);
        bitmap_set0(dp->flush_zones, zone);
    }
    dp->flush_all = false;
    dp->flush_pending = false;
}

struct conntrack *
dataplane_conntrack(const struct dataplane *dp)
{
    return dp->shared.ct;
}

int
dataplane_create(struct vp_tables *tables, const struct dataplane_options *o,
                 struct dataplane **dpp)
{
    struct dataplane *dp = xzalloc(sizeof *dp);
    int mtu = o->fabric_mtu ? o->fabric_mtu : fabric_mtu_for_vtep(o->vtep);

    *dpp = NULL;
    if (!mtu) {
        VLOG_ERR("no interface has the VTEP address "IP_FMT"; add it, or "
                 "give --fabric-mtu", IP_ARGS(o->vtep));
        free(dp);
        return EADDRNOTAVAIL;
    }

    dp->tables = tables;
    dp->opts = *o;
    dp->flush_zones = bitmap_allocate(UINT16_MAX + 1);
    dp->sweep = owner_sweep_create();
    dp->n_threads = MAX(o->n_threads, 1);
    dp->started = time_msec();
    atomic_init(&dp->fabric_mtu, mtu);
    dp->threads = xcalloc(dp->n_threads, sizeof *dp->threads);
    /* Several threads' sockets share the port (SO_REUSEPORT), and would
     * share it with another vplaned's as well: none may hold it first. */
    int error = (dp->n_threads > 1
                 ? udp_wait_free(o->vtep, o->vxlan_port, "VXLAN") : 0);
    for (size_t i = 0; !error && i < dp->n_threads; i++) {
        struct fabric_sock *sock;
        error = fabric_sock_open(o->vtep, o->vxlan_port, dp->n_threads > 1,
                                 &sock);
        if (!error) {
            dp->threads[i] = fwd_thread_create(i, tables, sock,
                                               &dp->fabric_mtu, &dp->shared);
        }
    }
    if (error) {
        VLOG_ERR("cannot open VXLAN socket on "IP_FMT":%"PRIu16": %s",
                 IP_ARGS(o->vtep), o->vxlan_port, ovs_strerror(error));
        dataplane_destroy(dp);      /* Threads not created are NULL. */
        return error;
    }
    tables_set_port_hooks(tables, dataplane_port_link, dataplane_port_unlink,
                          dp);
    tables->ct_flush = dataplane_ct_flush;
    tables->ct_flush_aux = dp;
    VLOG_INFO("VXLAN on "IP_FMT":%"PRIu16", fabric MTU %d, %"PRIuSIZE
              " forwarding thread(s)", IP_ARGS(o->vtep), o->vxlan_port, mtu,
              dp->n_threads);
    *dpp = dp;
    return 0;
}

/* Starts the threads: after daemonizing (a fork would lose them). */
void
dataplane_start(struct dataplane *dp)
{
    dp->shared.ct = conntrack_init();
    /* Fragment reassembly would take packets out of the one-packet batches
     * the pipeline gives conntrack and hand back others: off, so a
     * fragment is simply invalid (docs/stateful-flows.md). */
    ipf_set_enabled(conntrack_ipf_ctx(dp->shared.ct), false, false);
    ipf_set_enabled(conntrack_ipf_ctx(dp->shared.ct), true, false);
    dp->shared.uplink = uplink_create();
    int error = resolver_create(dp->tables, dp->shared.ct, dp->opts.vtep,
                                dp->opts.owner_port, dp->opts.vxlan_port,
                                &dp->opts.gw_probe, &dp->shared.resolver);
    if (error) {
        /* Everything else works; flows to and from the WAN are dropped
         * as no-resolver (pipeline-actions.c), and show says why. */
        VLOG_ERR("cannot open the owner-message socket on "IP_FMT":%"PRIu16
                 ": %s; flows to and from the WAN will be dropped",
                 IP_ARGS(dp->opts.vtep), dp->opts.owner_port,
                 ovs_strerror(error));
    }
    for (size_t i = 0; i < dp->n_threads; i++) {
        fwd_thread_start(dp->threads[i]);
    }
}

void
dataplane_destroy(struct dataplane *dp)
{
    if (!dp) {
        return;
    }
    tables_set_port_hooks(dp->tables, NULL, NULL, NULL);
    dp->tables->ct_flush = NULL;
    for (size_t i = 0; i < dp->n_threads; i++) {
        fwd_thread_destroy(dp->threads[i]);
    }
    /* The uplink port goes with the tables' other ports; its state now. */
    uplink_destroy(dp->shared.uplink);
    resolver_destroy(dp->shared.resolver);
    if (dp->shared.ct) {
        conntrack_destroy(dp->shared.ct);
    }
    bitmap_free(dp->flush_zones);
    owner_sweep_destroy(dp->sweep);
    free(dp->threads);
    free(dp);
}

/* Publishes the poll list of thread 'i': its attached ports. */
static void
rebuild_poll_list(struct dataplane *dp, size_t i)
{
    struct fwd_thread *t = dp->threads[i];
    struct fwd_poll_list *pl;
    struct vp_port *port;

    pl = xzalloc(sizeof *pl + t->n_ports * sizeof pl->rxqs[0]);
    HMAP_FOR_EACH (port, name_node, &dp->tables->ports_by_name) {
        if (port->state == VP_PORT_UP && port->thread == i) {
            ovs_assert(pl->n < t->n_ports);
            pl->rxqs[pl->n++] = (struct fwd_rxq) { port, port->rxq };
        }
    }
    port = tables_uplink(dp->tables);
    if (port && port->state == VP_PORT_UP && port->thread == i) {
        ovs_assert(pl->n < t->n_ports);
        pl->rxqs[pl->n++] = (struct fwd_rxq) { port, port->rxq };
    }
    fwd_thread_set_ports(t, pl);
}

static void
port_set_down(struct vp_port *port, enum vp_port_state state, char *error)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

    if (!port->error || strcmp(port->error, error)) {
        VLOG_WARN_RL(&rl, "port %s: %s", port->name, error);
    }
    free(port->error);
    port->error = error;
    port->state = state;
    port->next_retry = time_msec() + DATAPLANE_CHECK_MSEC;
}

/* Opens the port's interface and gives it to the least busy thread.  On
 * failure the port stays configured and is retried by dataplane_run(). */
static void
port_attach(struct dataplane *dp, struct vp_port *port)
{
    char fabric_if[IFNAMSIZ];
    struct netdev *netdev;
    int error, mtu;

    /* Promiscuous and flooded with tenants' frames, these would put VM
     * traffic on the host's own network unencapsulated. */
    if (!strcmp(port->name, "lo")
        || (fabric_vtep_ifname(dp->opts.vtep, fabric_if)
            && !strcmp(port->name, fabric_if))) {
        port_set_down(port, VP_PORT_ERROR,
                      xstrdup("is the host's loopback or fabric interface, "
                              "not a VM's"));
        return;
    }

    error = netdev_open(port->name, "system", &netdev);
    int ifindex = error ? -error : netdev_get_ifindex(netdev);
    if (ifindex == -ENODEV || ifindex == -ENXIO) {
        netdev_close(error ? NULL : netdev);
        port_set_down(port, VP_PORT_MISSING,
                      xstrdup("no such interface (waiting for it)"));
        return;
    } else if (ifindex < 0) {
        netdev_close(error ? NULL : netdev);
        port_set_down(port, VP_PORT_ERROR,
                      xasprintf("cannot open: %s", ovs_strerror(-ifindex)));
        return;
    }
    error = netdev_turn_flags_on(netdev, NETDEV_UP | NETDEV_PROMISC,
                                 &port->saved_flags);
    if (!error) {
        error = netdev_rxq_open(netdev, &port->rxq, 0);
    }
    if (error) {
        if (port->saved_flags) {
            netdev_restore_flags(port->saved_flags);
            port->saved_flags = NULL;
        }
        netdev_close(netdev);
        port_set_down(port, VP_PORT_ERROR,
                      xasprintf("cannot attach: %s", ovs_strerror(error)));
        return;
    }
    if (netdev_get_mtu(netdev, &mtu)) {
        mtu = ETH_PAYLOAD_MAX;
    }
    port->netdev = netdev;
    port_socket_tune(port, dp->opts.port_rxbuf);
    atomic_store_relaxed(&port->mtu, mtu);

    size_t best = 0;
    for (size_t i = 1; i < dp->n_threads; i++) {
        if (dp->threads[i]->n_ports < dp->threads[best]->n_ports) {
            best = i;
        }
    }
    port->ifindex = ifindex;
    port->thread = best;
    port->state = VP_PORT_UP;
    free(port->error);
    port->error = NULL;
    dp->threads[best]->n_ports++;
    ovsrcu_set(&port->tx_netdev, netdev);
    rebuild_poll_list(dp, best);
    VLOG_INFO("port %s: attached (ifindex %d, MTU %d, thread %"PRIuSIZE")",
              port->name, ifindex, mtu, best);
}

struct port_io {
    struct netdev *netdev;
    struct netdev_rxq *rxq;
};

static void
port_io_close(struct port_io *io)
{
    netdev_rxq_close(io->rxq);
    netdev_close(io->netdev);
    free(io);
}

/* Stops polling and sending to 'port'.  With 'close', also closes its
 * interface once no thread can be using it (the interface went away and
 * the port waits for it to come back); otherwise the port is being deleted
 * and port_destroy() closes it after the same grace period. */
static void
port_detach(struct dataplane *dp, struct vp_port *port, bool close)
{
    if (port->state != VP_PORT_UP) {
        return;
    }
    port->rx_queue_drops += port_socket_take_drops(port);
    ovsrcu_set(&port->tx_netdev, NULL);
    /* Now, not after the grace period: by then the same interface may have
     * been attached again, and restoring would undo that. */
    if (port->saved_flags) {
        netdev_restore_flags(port->saved_flags);
        port->saved_flags = NULL;
    }
    port->state = VP_PORT_MISSING;
    dp->threads[port->thread]->n_ports--;
    rebuild_poll_list(dp, port->thread);
    port->thread = -1;
    if (close) {
        struct port_io *io = xmalloc(sizeof *io);
        io->netdev = port->netdev;
        io->rxq = port->rxq;
        ovsrcu_postpone(port_io_close, io);
        port->netdev = NULL;
        port->rxq = NULL;
    }
}

static void
dataplane_port_link(struct vp_port *port, void *dp_)
{
    struct dataplane *dp = dp_;

    /* Whatever the threads counted under this id before is not the port's:
     * its counters start from here. */
    memset(&port->base, 0, sizeof port->base);
    for (size_t i = 0; i < dp->n_threads; i++) {
        vp_port_counters_accumulate(&port->base, dp->threads[i]->stats,
                                    port->id);
    }
    port_attach(dp, port);
}

static void
dataplane_port_unlink(struct vp_port *port, void *dp_)
{
    port_detach(dp_, port, false);
}

/* Keeps ports in step with their interfaces: attaches the ones whose
 * interface appeared, detaches the ones whose interface went away or was
 * replaced (a new ifindex under the same name), follows MTU changes. */
static void
check_port(struct dataplane *dp, struct vp_port *port, long long int now)
{
    if (port->state != VP_PORT_UP) {
        if (now >= port->next_retry) {
            port_attach(dp, port);
        }
        return;
    }

    int ifindex = netdev_get_ifindex(port->netdev);
    if (ifindex != port->ifindex) {
        port_detach(dp, port, true);
        port_set_down(port, VP_PORT_MISSING,
                      xstrdup(ifindex < 0
                              ? "interface went away (waiting for it)"
                              : "interface was replaced (reattaching)"));
        return;
    }
    int mtu;
    if (!netdev_get_mtu(port->netdev, &mtu)) {
        atomic_store_relaxed(&port->mtu, mtu);
    }
    port->rx_queue_drops += port_socket_take_drops(port);
}

static void
check_ports(struct dataplane *dp, long long int now)
{
    struct vp_port *port;

    HMAP_FOR_EACH (port, name_node, &dp->tables->ports_by_name) {
        check_port(dp, port, now);
    }
    port = tables_uplink(dp->tables);
    if (port) {
        check_port(dp, port, now);
    }
}

void
dataplane_run(struct dataplane *dp)
{
    long long int now = time_msec();

    dataplane_flush_ct(dp);
    if (dp->shared.resolver) {
        resolver_run(dp->shared.resolver);
    }
    owner_sweep_run(dp->sweep, dp->tables, dp->shared.ct,
                    dp->shared.resolver);
    if (dp->shared.uplink) {
        uplink_run(dp->shared.uplink, dp->tables);
    }
    if (now < dp->next_check) {
        return;
    }
    dp->next_check = now + DATAPLANE_CHECK_MSEC;
    check_ports(dp, now);
    if (!dp->opts.fabric_mtu) {
        int mtu = fabric_mtu_for_vtep(dp->opts.vtep);
        int old = dataplane_get_fabric_mtu(dp);
        if (mtu && mtu != old) {
            VLOG_INFO("fabric MTU changed from %d to %d", old, mtu);
            atomic_store_relaxed(&dp->fabric_mtu, mtu);
        }
    }
}

void
dataplane_wait(struct dataplane *dp)
{
    poll_timer_wait_until(dp->next_check);
    owner_sweep_wait(dp->sweep, dp->tables);
    if (dp->shared.resolver) {
        resolver_wait(dp->shared.resolver);
    }
    if (dp->shared.uplink) {
        uplink_wait(dp->shared.uplink);
    }
}

int
dataplane_get_fabric_mtu(const struct dataplane *dp)
{
    int mtu;

    atomic_read_relaxed(CONST_CAST(atomic_int *, &dp->fabric_mtu), &mtu);
    return mtu;
}

void
dataplane_port_counters(const struct dataplane *dp,
                        const struct vp_port *port,
                        struct vp_port_counters *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < dp->n_threads; i++) {
        vp_port_counters_accumulate(c, dp->threads[i]->stats, port->id);
    }
    vp_port_counters_subtract(c, &port->base);
    c->drops[VP_DROP_RX_QUEUE_FULL] += port->rx_queue_drops;
}

void
dataplane_fabric_counters(const struct dataplane *dp,
                          struct vp_port_counters *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < dp->n_threads; i++) {
        vp_port_counters_accumulate(c, dp->threads[i]->stats,
                                    VP_FABRIC_PORT_ID);
    }
}

void
dataplane_path_counters(const struct dataplane *dp, uint64_t *fast,
                        uint64_t *slow)
{
    *fast = *slow = 0;
    for (size_t i = 0; i < dp->n_threads; i++) {
        *fast += vp_counter_read(&dp->threads[i]->stats->fast_path);
        *slow += vp_counter_read(&dp->threads[i]->stats->slow_path);
    }
}

bool
dataplane_find_flow(struct dataplane *dp, const struct vp_flow_key *key,
                    struct flow_cache_entry *copy, unsigned int *thread)
{
    uint64_t gen = tables_gen(dp->tables);
    uint32_t hash = vp_flow_key_hash(key);

    for (size_t i = 0; i < dp->n_threads; i++) {
        if (flow_cache_find_copy(dp->threads[i]->cache, key, hash, gen,
                                 copy)) {
            *thread = i;
            return true;
        }
    }
    return false;
}

size_t
dataplane_dump_flows(struct dataplane *dp, struct dataplane_flow **flowsp)
{
    uint64_t gen = tables_gen(dp->tables);
    struct dataplane_flow *all = NULL;
    size_t n = 0;

    for (size_t i = 0; i < dp->n_threads; i++) {
        struct flow_cache_entry *entries;
        size_t m = flow_cache_snapshot(dp->threads[i]->cache, gen, &entries);

        all = xrealloc(all, (n + m) * sizeof *all);
        for (size_t j = 0; j < m; j++) {
            all[n + j].thread = i;
            all[n + j].entry = entries[j];
        }
        n += m;
        free(entries);
    }
    *flowsp = all;
    return n;
}

struct json *
dataplane_threads_json(const struct dataplane *dp)
{
    struct json *rows = json_array_create_empty();

    for (size_t i = 0; i < dp->n_threads; i++) {
        const struct fwd_thread *t = dp->threads[i];
        struct json *o = json_object_create();

        json_object_put(o, "thread", json_integer_create(i));
        json_object_put(o, "ports", json_integer_create(t->n_ports));
        json_object_put(o, "busy-ms", json_integer_create(
                            vp_counter_read(&t->stats->busy_usec) / 1000));
        json_object_put(o, "idle-ms", json_integer_create(
                            vp_counter_read(&t->stats->idle_usec) / 1000));
        json_array_add(rows, o);
    }
    return rows;
}

void
dataplane_format_threads(const struct dataplane *dp, struct ds *s)
{
    for (size_t i = 0; i < dp->n_threads; i++) {
        const struct fwd_thread *t = dp->threads[i];
        uint64_t busy = vp_counter_read(&t->stats->busy_usec);
        uint64_t idle = vp_counter_read(&t->stats->idle_usec);
        uint64_t total = busy + idle;

        ds_put_format(s, "  thread %"PRIuSIZE": %"PRIuSIZE" ports, busy %.1f%%"
                      " (%"PRIu64" ms busy, %"PRIu64" ms idle)\n", i,
                      t->n_ports, total ? 100.0 * busy / total : 0.0,
                      busy / 1000, idle / 1000);
    }
}
