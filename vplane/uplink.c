/* vplane/uplink.c: see uplink.h. */
#include <config.h>
#include "uplink.h"

#include <string.h>
#include "dp-packet.h"
#include "netdev.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "port.h"
#include "stateful.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(uplink);

#define UPLINK_RETRY_MSEC 1000
#define UPLINK_ARP_REFRESH_MSEC 30000

struct uplink *
uplink_create(void)
{
    struct uplink *u = xzalloc(sizeof *u);

    atomic_init(&u->router_mac, 0);
    return u;
}

void
uplink_destroy(struct uplink *u)
{
    if (u) {
        free(u->error);
        free(u);
    }
}

static void
set_error(struct uplink *u, char *error)
{
    static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);

    if (error && (!u->error || strcmp(error, u->error))) {
        VLOG_WARN_RL(&rl, "uplink %s: %s", u->cfg.name, error);
    }
    free(u->error);
    u->error = error;
}

/* Makes the port for the configured interface, once it exists. */
static void
open_port(struct uplink *u, struct vp_tables *t, long long int now)
{
    struct netdev *netdev;
    struct eth_addr mac;
    int error;

    u->next_try = now + UPLINK_RETRY_MSEC;
    error = netdev_open(u->cfg.name, "system", &netdev);
    if (!error) {
        error = netdev_get_etheraddr(netdev, &mac);
        netdev_close(netdev);
    }
    if (error) {
        set_error(u, xasprintf("cannot open: %s (retrying)",
                               ovs_strerror(error)));
    } else if (!tables_set_uplink(t, u->cfg.name, mac)) {
        set_error(u, xstrdup("no port id left (retrying)"));
    } else {
        set_error(u, NULL);
        VLOG_INFO("uplink %s ("ETH_ADDR_FMT"), address "IP_FMT"/%u, router "
                  IP_FMT, u->cfg.name, ETH_ADDR_ARGS(mac),
                  IP_ARGS(u->cfg.address), u->cfg.plen,
                  IP_ARGS(u->cfg.router));
    }
}

static void
ask_router(struct uplink *u, struct vp_port *port)
{
    struct dp_packet *pkt = dp_packet_new(ETH_HEADER_LEN + ARP_ETH_HEADER_LEN);
    struct dp_packet_batch batch;

    compose_arp(pkt, ARP_OP_REQUEST, port->mac, eth_addr_zero, true,
                u->cfg.address, u->cfg.router);
    dp_packet_batch_init_packet(&batch, pkt);
    /* netdev_send() frees the batch; the forwarding threads send on the
     * same netdev, which takes concurrent senders. */
    netdev_send(port->netdev, 0, &batch, true);
}

void
uplink_run(struct uplink *u, struct vp_tables *t)
{
    const struct vp_uplink_cfg *want = &stateful_get(t)->uplink;
    struct vp_port *port = tables_uplink(t);
    long long int now = time_msec();

    if (memcmp(want, &u->cfg, sizeof *want)) {
        if (port && strcmp(port->name, want->name)) {
            VLOG_INFO("uplink %s removed", port->name);
            tables_set_uplink(t, NULL, eth_addr_zero);
            port = NULL;
        }
        if (want->router != u->cfg.router || !want->name[0]) {
            atomic_store_relaxed(&u->router_mac, 0);
        }
        u->cfg = *want;
        u->next_try = u->next_arp = 0;
        set_error(u, NULL);
    }
    if (!u->cfg.name[0]) {
        return;
    }
    if (!port) {
        if (now >= u->next_try) {
            open_port(u, t, now);
        }
        return;
    }
    if (port->state == VP_PORT_UP && now >= u->next_arp) {
        struct eth_addr mac;
        ask_router(u, port);
        u->next_arp = now + (uplink_router_mac(u, &mac)
                             ? UPLINK_ARP_REFRESH_MSEC : UPLINK_RETRY_MSEC);
    }
}

void
uplink_wait(const struct uplink *u)
{
    if (u->cfg.name[0]) {
        poll_timer_wait_until(MIN(u->next_try ? u->next_try : LLONG_MAX,
                                  u->next_arp ? u->next_arp : LLONG_MAX));
    }
}

bool
uplink_router_mac(const struct uplink *u, struct eth_addr *mac)
{
    uint64_t v;

    atomic_read_relaxed(&CONST_CAST(struct uplink *, u)->router_mac, &v);
    eth_addr_from_uint64(v, mac);
    return v != 0;
}

void
uplink_learn(struct uplink *u, const struct dp_packet *pkt)
{
    const struct arp_eth_header *arp = dp_packet_l3(pkt);

    if (arp && !eth_addr_is_multicast(arp->ar_sha)
        && !eth_addr_is_zero(arp->ar_sha)) {
        atomic_store_relaxed(&u->router_mac, eth_addr_to_uint64(arp->ar_sha));
    }
}

void
uplink_format(const struct uplink *u, const struct vp_tables *t,
              struct ds *s)
{
    const struct vp_port *port = tables_uplink(t);
    struct eth_addr mac;

    if (!u->cfg.name[0]) {
        return;
    }
    ds_put_format(s, "  uplink: %s address "IP_FMT"/%u router "IP_FMT,
                  u->cfg.name, IP_ARGS(u->cfg.address), u->cfg.plen,
                  IP_ARGS(u->cfg.router));
    if (uplink_router_mac(u, &mac)) {
        ds_put_format(s, " at "ETH_ADDR_FMT, ETH_ADDR_ARGS(mac));
    } else {
        ds_put_cstr(s, " (router MAC not known yet)");
    }
    if (!port) {
        ds_put_format(s, ": %s", u->error ? u->error : "not open yet");
    } else if (port->state != VP_PORT_UP) {
        ds_put_format(s, ": %s", port->error ? port->error : "down");
    }
    ds_put_char(s, '\n');
}
