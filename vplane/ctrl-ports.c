/* vplane/ctrl-ports.c: the VM ports this host reports to the controller
 * (vplane.1.port-status), repeated after every hello, and the controller's
 * refusals (vplane.1.port-refused), reported again every 10 s.  See
 * ctrl-client.h. */
#include <config.h>
#include "ctrl-client.h"
#include "ctrl-client-private.h"

#include <string.h>
#include "coverage.h"
#include "json-members.h"
#include "jsonrpc.h"
#include "openvswitch/json.h"
#include "openvswitch/vlog.h"
#include "port.h"
#include "tables.h"
#include "timeval.h"
#include "util.h"
#include "vplane/protocol.h"

VLOG_DEFINE_THIS_MODULE(ctrl_ports);

COVERAGE_DEFINE(ctrl_port_refused);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);

void
reported_port_free(struct reported_port *p)
{
    if (p) {
        free(p->name);
        free(p->vnet);
        free(p->ips);
        free(p->vm);
        free(p->refusal);
        free(p);
    }
}

static void
send_port_status(struct ctrl_client *c, struct reported_port *p, bool up)
{
    struct json *o = json_object_create();
    struct json *ips = json_array_create_empty();

    json_object_put_string(o, "port", p->name);
    json_object_put_string(o, "vnet", p->vnet);
    json_object_put_format(o, "mac", ETH_ADDR_FMT, ETH_ADDR_ARGS(p->mac));
    for (size_t i = 0; i < p->n_ips; i++) {
        json_array_add(ips, json_string_create_nocopy(
                           xasprintf(IP_FMT, IP_ARGS(p->ips[i]))));
    }
    json_object_put(o, "ips", ips);
    if (p->vm) {
        json_object_put_string(o, "vm", p->vm);
    }
    json_object_put(o, "up", json_boolean_create(up));
    if (p->delivered) {
        json_object_put(o, "refresh", json_boolean_create(true));
    }
    ctrl_client_send_notify(c, VP_METHOD_PORT_STATUS, o);
    p->delivered = true;
}

/* Everything the controller should know about this host's ports, after
 * every hello. */
void
report_ports(struct ctrl_client *c)
{
    struct reported_port *p;
    struct shash_node *node;

    LIST_FOR_EACH (p, node, &c->downs) {
        send_port_status(c, p, false);
    }
    SHASH_FOR_EACH (node, &c->ports) {
        send_port_status(c, node->data, true);
    }
}

/* After the controller changed this host's tables: ports it configured
 * are marked so; ports it configured and no longer sends have left this
 * host (moved or deleted) and are not reported any more; downs it acted on
 * are done. */
void
reconcile_ports(struct ctrl_client *c)
{
    struct shash_node *node;
    struct reported_port *p;

    SHASH_FOR_EACH_SAFE (node, &c->ports) {
        p = node->data;
        const struct vp_port *port = tables_port_by_name(c->tables, p->name);
        if (port && eth_addr_equals(port->mac, p->mac)) {
            p->configured = true;
            free(p->refusal);
            p->refusal = NULL;
        } else if (p->configured) {
            VLOG_INFO("port %s: the controller no longer has it on this "
                      "host (moved or deleted); no longer reported",
                      p->name);
            shash_delete(&c->ports, node);
            reported_port_free(p);
        }
    }
    LIST_FOR_EACH_SAFE (p, node, &c->downs) {
        if (p->delivered && !tables_port_by_name(c->tables, p->name)) {
            ovs_list_remove(&p->node);
            reported_port_free(p);
        }
    }
}

/* The controller did not bind a port this host reported: remember why, for
 * "show", and report it again later. */
void
handle_port_refused(struct ctrl_client *c, const struct jsonrpc_msg *msg)
{
    const struct json *p = json_members_object_param(msg);
    const struct json *port = p ? shash_find_data(json_object(p), "port")
                                : NULL;
    const struct json *mac = p ? shash_find_data(json_object(p), "mac")
                               : NULL;
    const struct json *error = p ? shash_find_data(json_object(p), "error")
                                 : NULL;
    struct eth_addr ea;

    if (!port || port->type != JSON_STRING || !mac || mac->type != JSON_STRING
        || !eth_addr_from_string(json_string(mac), &ea)
        || !error || error->type != JSON_STRING) {
        ctrl_client_bad_message(c, msg, "params: must be [{\"port\", \"mac\", "
                    "\"error\"}]");
        return;
    }
    struct reported_port *rp = shash_find_data(&c->ports, json_string(port));
    if (!rp || !eth_addr_equals(rp->mac, ea) || rp->configured) {
        /* Gone, replaced or bound since: stale news. */
        c->n_refusals_ignored++;
        return;
    }
    /* One short line of printable text, whatever the controller sent. */
    char *why = xmemdup0(json_string(error),
                         MIN(strlen(json_string(error)), 200));
    for (char *q = why; *q; q++) {
        if ((unsigned char) *q < 0x20 || *q == 0x7f) {
            *q = ' ';
        }
    }
    if (!rp->refusal || strcmp(rp->refusal, why)) {
        VLOG_WARN_RL(&rl, "port %s ("ETH_ADDR_FMT" in VNet %s): the "
                     "controller refused it: %s", rp->name,
                     ETH_ADDR_ARGS(rp->mac), rp->vnet, why);
    }
    free(rp->refusal);
    rp->refusal = why;
    rp->retry_at = time_msec() + REFUSED_RETRY_MS;
    c->n_ports_refused++;
    COVERAGE_INC(ctrl_port_refused);
}

/* Reports the ports the controller refused again, in case the cause is
 * gone.  A port still refused is refused again (and retried again). */
void
retry_refused_ports(struct ctrl_client *c)
{
    long long int now = time_msec();
    struct shash_node *node;

    if (!ctrl_client_ready(c)) {
        return;
    }
    SHASH_FOR_EACH (node, &c->ports) {
        struct reported_port *p = node->data;
        if (p->refusal && p->retry_at <= now) {
            p->retry_at = LLONG_MAX;
            send_port_status(c, p, true);
        }
    }
}

void
ctrl_client_port_up(struct ctrl_client *c, const char *name,
                    const char *vnet, struct eth_addr mac,
                    const ovs_be32 *ips, size_t n_ips, const char *vm)
{
    struct reported_port *old = shash_find_and_delete(&c->ports, name);
    struct reported_port *p;

    if (old && (strcmp(old->vnet, vnet) || !eth_addr_equals(old->mac, mac))) {
        /* The interface now belongs to another port. */
        old->delivered = false;
        ovs_list_push_back(&c->downs, &old->node);
        if (ctrl_client_ready(c)) {
            send_port_status(c, old, false);
        }
    } else {
        reported_port_free(old);
    }
    /* Downs of this name the controller already has are superseded; one
     * not sent yet must still go first. */
    LIST_FOR_EACH_SAFE (p, node, &c->downs) {
        if (p->delivered && !strcmp(p->name, name) && p != old) {
            ovs_list_remove(&p->node);
            reported_port_free(p);
        }
    }

    p = xzalloc(sizeof *p);
    p->name = xstrdup(name);
    p->vnet = xstrdup(vnet);
    p->mac = mac;
    p->ips = xmemdup(ips, n_ips * sizeof *ips);
    p->n_ips = n_ips;
    p->vm = nullable_xstrdup(vm);
    shash_add(&c->ports, name, p);
    if (ctrl_client_ready(c)) {
        send_port_status(c, p, true);
    }
}

char *
ctrl_client_port_down(struct ctrl_client *c, const char *name)
{
    struct reported_port *p = shash_find_and_delete(&c->ports, name);

    if (!p) {
        /* A port this vplaned did not report itself (reported before a
         * restart, or bound in the controller's database): the controller
         * sent it, so the tables know what to report. */
        const struct vp_port *port = tables_port_by_name(c->tables, name);
        if (!port) {
            return xasprintf("name: no port named \"%s\" on this host",
                             name);
        }
        p = xzalloc(sizeof *p);
        p->name = xstrdup(name);
        p->vnet = xstrdup(port->vnet->name);
        p->mac = port->mac;
        p->ips = xmemdup(port->ips, port->n_ips * sizeof *port->ips);
        p->n_ips = port->n_ips;
    }
    p->delivered = false;
    ovs_list_push_back(&c->downs, &p->node);
    if (ctrl_client_ready(c)) {
        send_port_status(c, p, false);
    }
    return NULL;
}

bool
ctrl_client_port_reported(const struct ctrl_client *c, const char *name)
{
    return shash_find(&c->ports, name) != NULL;
}

const char *
ctrl_client_port_refusal(const struct ctrl_client *c, const char *name)
{
    const struct reported_port *p = shash_find_data(&c->ports, name);
    return p ? p->refusal : NULL;
}
