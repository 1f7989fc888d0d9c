/* vplane/ctl-trace-ct.c: what `trace` (ctl-trace.c) predicts for a
 * stateful flow's packet past its decision, on this host: whether the
 * resolver runs it here (no-resolver, the resolver's verdict), what
 * conntrack does with it (firewall, ct-invalid, no-nat), and the checks a
 * WAN packet meets after that (no-resolver for an SNAT record,
 * wan-no-arp).
 *
 * Conntrack is looked at read-only: the packet's tuple is searched among
 * the zone's connections as dump-conntrack lists them; nothing is
 * created, updated or expired.  What only conntrack's own update can tell
 * is said, never guessed: whether a TCP segment fits its connection's
 * window, whether a destination NAT or a nearly full SNAT port block finds
 * a free tuple (nat-exhausted), and which connection an ICMP error
 * quotes.  Checksums are checked as conntrack checks a packet without
 * offload data, which a traced packet is (the forwarding threads complete
 * the checksums a device was to finish before conntrack sees them). */
#include <config.h>
#include "ctl-trace.h"

#include <sys/socket.h>
#include "bitmap.h"
#include "conntrack.h"
#include "csum.h"
#include "ct-dpif.h"
#include "dataplane.h"
#include "dp-packet.h"
#include "flow-key.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"
#include "resolver.h"
#include "stateful.h"
#include "tables.h"
#include "uplink.h"
#include "xlate.h"

/* What conntrack would make of the packet, as far as a lookup can tell. */
enum ct_guess {
    CT_GUESS_EST,               /* Of a connection: passes. */
    CT_GUESS_NEW,               /* A new connection: the rules decide. */
    CT_GUESS_INVALID,           /* ct-invalid. */
    CT_GUESS_UNKNOWN,           /* Only conntrack can tell. */
};

/* 'icmp_id': the packet's identifier, which conntrack keys every ICMP
 * query by (the flow key has it for echo only). */
static bool
tuple_matches(const struct ct_dpif_tuple *t, const struct vp_flow_key *key,
              ovs_be16 icmp_id)
{
    if (t->l3_type != AF_INET || t->ip_proto != key->nw_proto
        || t->src.ip != key->nw_src || t->dst.ip != key->nw_dst) {
        return false;
    }
    if (key->nw_proto == IPPROTO_ICMP) {
        /* The key keeps the ICMP type in tp_src; conntrack's tuple of
         * either direction has its own type (request, reply). */
        return (t->icmp_id == icmp_id
                && t->icmp_type == ntohs(key->tp_src));
    }
    return t->src_port == key->tp_src && t->dst_port == key->tp_dst;
}

/* Finds the connection of 'key' in 'zone': its description in 's' and
 * its TCP peers' states (sender first) in 'states', or false. */
static bool
ct_find(struct conntrack *ct, uint16_t zone, const struct vp_flow_key *key,
        ovs_be16 icmp_id, bool *reply, uint8_t states[2], struct ds *s)
{
    struct conntrack_dump dump;
    struct ct_dpif_entry e;
    bool found = false;
    int n_buckets;

    conntrack_dump_start(ct, &dump, &zone, &n_buckets);
    while (!found && !conntrack_dump_next(&dump, &e)) {
        bool orig = tuple_matches(&e.tuple_orig, key, icmp_id);
        if (orig || tuple_matches(&e.tuple_reply, key, icmp_id)) {
            found = true;
            *reply = !orig;
            states[0] = orig ? e.protoinfo.tcp.state_orig
                             : e.protoinfo.tcp.state_reply;
            states[1] = orig ? e.protoinfo.tcp.state_reply
                             : e.protoinfo.tcp.state_orig;
            ct_dpif_format_entry(&e, s, false, false);
        }
        ct_dpif_entry_uninit(&e);
    }
    conntrack_dump_done(&dump);
    return found;
}

/* conntrack-tcp.c's tcp_invalid_flags(): flags never accepted. */
static bool
tcp_flags_invalid(uint16_t flags)
{
    if (flags & TCP_SYN ? flags & (TCP_RST | TCP_FIN)
        : !(flags & (TCP_ACK | TCP_RST))) {
        return true;
    }
    return !(flags & TCP_ACK) && flags & (TCP_FIN | TCP_PSH | TCP_URG);
}

/* Whether the L4 checksum is right, as conntrack checks it for a packet
 * without offload data (a zero UDP checksum is none). */
static bool
l4_csum_ok(const struct ip_header *ip, const void *l4, size_t size,
           uint8_t proto)
{
    if (proto == IPPROTO_ICMP) {
        return !csum(l4, size);
    } else if (proto == IPPROTO_UDP
               && !((const struct udp_header *) l4)->udp_csum) {
        return true;
    }
    return !csum_finish(csum_continue(packet_csum_pseudoheader(ip), l4,
                                      size));
}

/* What conntrack makes of 'pkt' whatever its connections: CT_GUESS_NEW if
 * that depends on them (the lookup decides), with the reason in 'why'. */
static enum ct_guess
ct_by_packet(const struct dp_packet *pkt, const struct vp_flow_key *key,
             uint16_t *tcp_flags, ovs_be16 *icmp_id, const char **why)
{
    const struct ip_header *ip = dp_packet_l3(pkt);
    const struct icmp_header *icmp = dp_packet_l4(pkt);
    const struct tcp_header *tcp = dp_packet_l4(pkt);
    size_t l4_size = dp_packet_l4_size(pkt);

    *tcp_flags = 0;
    *icmp_id = 0;
    if (IP_IS_FRAGMENT(ip->ip_frag_off)) {
        *why = "an IPv4 fragment, which conntrack does not take";
        return CT_GUESS_INVALID;
    }
    if (csum(ip, IP_IHL(ip->ip_ihl_ver) * 4)) {
        *why = "its IPv4 header checksum is wrong";
        return CT_GUESS_INVALID;
    }
    if (key->nw_proto != IPPROTO_TCP && key->nw_proto != IPPROTO_UDP
        && key->nw_proto != IPPROTO_ICMP) {
        return CT_GUESS_NEW;
    }
    if (l4_size < (key->nw_proto == IPPROTO_TCP ? TCP_HEADER_LEN
                   : key->nw_proto == IPPROTO_UDP ? UDP_HEADER_LEN
                   : ICMP_HEADER_LEN)) {
        *why = "its TCP, UDP or ICMP header is cut short";
        return CT_GUESS_INVALID;
    }
    /* conntrack.c's check_l4_*() and extract_l4_*(). */
    const struct udp_header *udp = dp_packet_l4(pkt);
    size_t l4_len = (key->nw_proto == IPPROTO_TCP
                     ? TCP_OFFSET(tcp->tcp_ctl) * 4
                     : key->nw_proto == IPPROTO_UDP ? ntohs(udp->udp_len)
                     : l4_size);
    if (l4_len < (key->nw_proto == IPPROTO_TCP ? TCP_HEADER_LEN
                  : key->nw_proto == IPPROTO_UDP ? UDP_HEADER_LEN : 0)
        || l4_len > l4_size) {
        *why = "its TCP data offset or UDP length lies outside the packet";
        return CT_GUESS_INVALID;
    }
    if (key->nw_proto != IPPROTO_ICMP && (!key->tp_src || !key->tp_dst)) {
        *why = "port 0, which conntrack refuses";
        return CT_GUESS_INVALID;
    }
    if (!l4_csum_ok(ip, dp_packet_l4(pkt), l4_size, key->nw_proto)) {
        *why = "its TCP, UDP or ICMP checksum is wrong (a traced frame "
               "carries no offload data: its checksums are checked)";
        return CT_GUESS_INVALID;
    }
    if (key->nw_proto == IPPROTO_TCP) {
        *tcp_flags = TCP_FLAGS(tcp->tcp_ctl);
        if (tcp_flags_invalid(*tcp_flags)) {
            *why = "TCP flags conntrack never accepts";
            return CT_GUESS_INVALID;
        }
    } else if (key->nw_proto == IPPROTO_ICMP) {
        switch (icmp->icmp_type) {
        case ICMP4_ECHO_REQUEST: case ICMP4_ECHO_REPLY:
        case ICMP4_TIMESTAMP: case ICMP4_TIMESTAMPREPLY:
        case ICMP4_INFOREQUEST: case ICMP4_INFOREPLY:
            if (icmp->icmp_code) {
                *why = "an ICMP query with a nonzero code";
                return CT_GUESS_INVALID;
            }
            *icmp_id = icmp->icmp_fields.echo.id;
            break;
        case ICMP4_DST_UNREACH: case ICMP4_TIME_EXCEEDED:
        case ICMP4_PARAM_PROB: case ICMP4_SOURCEQUENCH: case ICMP4_REDIRECT:
            *why = ("an ICMP error: related if it quotes a connection of the "
                    "zone, else ct-invalid (trace does not follow the quote)");
            return CT_GUESS_UNKNOWN;
        default:
            *why = "an ICMP type conntrack does not take";
            return CT_GUESS_INVALID;
        }
    }
    return CT_GUESS_NEW;
}

/* The tuple the reply of 'key' has once its source is 'nat_ip': conntrack
 * finds a NAT "unique" only if no connection of the zone has it yet (OVS's
 * nat_get_unique_tuple()).  TCP and UDP: with a port of the block in
 * '*port' (host byte order) if it matches but for that port. */
static bool
snat_reply_taken(const struct ct_dpif_tuple *t, const struct vp_flow_key *key,
                 ovs_be32 nat_ip, ovs_be16 icmp_id, uint16_t *port)
{
    if (t->l3_type != AF_INET || t->ip_proto != key->nw_proto
        || t->src.ip != key->nw_dst || t->dst.ip != nat_ip) {
        return false;
    }
    if (key->nw_proto == IPPROTO_ICMP) {
        /* Only queries open connections here, and a query's reply type is
         * its own plus one (echo 8 -> 0 is the exception). */
        uint8_t type = ntohs(key->tp_src);
        uint8_t reply = type == ICMP4_ECHO_REQUEST ? ICMP4_ECHO_REPLY
                        : type + 1;
        return t->icmp_id == icmp_id && t->icmp_type == reply;
    }
    *port = ntohs(t->dst_port);
    return t->src_port == key->tp_dst;
}

/* Whether source NAT finds a free reply tuple for the new connection of
 * 'key', as conntrack searches for one when it commits, with a read-only
 * walk of the zone.  ICMP identifiers are not translated: one taken reply
 * tuple is a certain nat-exhausted.  TCP and UDP take a port of this host's
 * block: all taken is a certain drop; conntrack tries only some ports, at
 * random (at most 240), so a nearly full block may drop too, which is said
 * but not predicted. */
static enum vp_drop_reason
trace_snat(struct conntrack *ct, const struct vp_ct_action *ca,
           const struct vp_flow_key *key, ovs_be16 icmp_id, struct ds *s)
{
    bool pat = key->nw_proto == IPPROTO_TCP || key->nw_proto == IPPROTO_UDP;

    if (pat && !ca->nat_port) {
        ds_put_cstr(s, "  NAT at commit: conntrack picks the port (not "
                    "predicted)\n");
        return VP_N_DROP_REASONS;
    } else if (!pat && key->nw_proto != IPPROTO_ICMP) {
        return VP_N_DROP_REASONS;
    }

    uint16_t min = ca->nat_port, max = MAX(ca->nat_port_max, min);
    size_t n_ports = pat ? max - min + 1 : 0;
    unsigned long *taken = pat ? bitmap_allocate(n_ports) : NULL;
    size_t n_taken = 0;
    struct conntrack_dump dump;
    uint16_t zone = ca->zone;
    struct ct_dpif_entry e;
    int n_buckets;

    conntrack_dump_start(ct, &dump, &zone, &n_buckets);
    while (!conntrack_dump_next(&dump, &e)) {
        const struct ct_dpif_tuple *tuples[2] = { &e.tuple_orig,
                                                  &e.tuple_reply };
        for (int i = 0; i < 2; i++) {
            uint16_t port = 0;

            if (!snat_reply_taken(tuples[i], key, ca->nat_ip, icmp_id,
                                  &port)) {
                continue;
            } else if (!pat) {
                n_taken = 1;
            } else if (port >= min && port <= max
                       && !bitmap_is_set(taken, port - min)) {
                bitmap_set1(taken, port - min);
                n_taken++;
            }
        }
        ct_dpif_entry_uninit(&e);
    }
    conntrack_dump_done(&dump);
    free(taken);

    if (!pat) {
        ds_put_format(s, "  NAT at commit: ICMP identifier %"PRIu16" is kept "
                      "(not translated)%s\n", ntohs(icmp_id),
                      n_taken ? "; a connection holds that reply tuple "
                      "already: drop(nat-exhausted)" : "");
    } else {
        ds_put_format(s, "  NAT at commit: port block %"PRIu16"-%"PRIu16
                      ": %"PRIuSIZE" of %"PRIuSIZE" taken towards "IP_FMT
                      ":%"PRIu16"%s\n", min, max, n_taken, n_ports,
                      IP_ARGS(key->nw_dst), ntohs(key->tp_dst),
                      n_taken == n_ports ? ": drop(nat-exhausted)"
                      : n_taken * 2 > n_ports ? " (conntrack tries at most "
                      "240 at random: it may find none, nat-exhausted)" : "");
    }
    return (pat ? n_taken == n_ports : n_taken) ? VP_DROP_NAT_EXHAUSTED
            : VP_N_DROP_REASONS;
}

/* What conntrack does with 'pkt' in the decision's zone: a drop reason,
 * or VP_N_DROP_REASONS if the packet goes on (or only conntrack can
 * tell).  '*reply': the packet is in its connection's reply direction. */
static enum vp_drop_reason
trace_conntrack(struct ctl_context *ctx, const struct dp_packet *pkt,
                const struct vp_flow_key *key, const struct vp_action *act,
                bool *reply, struct ds *s)
{
    const struct vp_ct_action *ca = &act->ct;
    struct conntrack *ct = dataplane_conntrack(ctx->dp);
    struct ds conn = DS_EMPTY_INITIALIZER;
    uint8_t states[2];
    ovs_be16 icmp_id;
    uint16_t flags;
    const char *why;

    *reply = false;
    if (!ct) {
        ds_put_cstr(s, "  conntrack: forwarding has not started\n");
        return VP_N_DROP_REASONS;
    }
    ds_put_format(s, "  conntrack: zone %"PRIu16": ", ca->zone);
    enum ct_guess guess = ct_by_packet(pkt, key, &flags, &icmp_id, &why);
    if (guess == CT_GUESS_NEW
        && ct_find(ct, ca->zone, key, icmp_id, reply, states, &conn)) {
        ds_put_format(s, "established connection %s (%s direction)",
                      ds_cstr(&conn), *reply ? "reply" : "original");
        guess = CT_GUESS_EST;
        if ((flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
            /* conntrack-tcp.c's tcp_conn_update(). */
            if (states[0] >= CT_DPIF_TCPS_FIN_WAIT_2
                && states[1] >= CT_DPIF_TCPS_FIN_WAIT_2) {
                ds_put_cstr(s, ", closed: this SYN opens it anew");
                guess = CT_GUESS_NEW;
            } else if (states[0] <= CT_DPIF_TCPS_SYN_SENT) {
                ds_put_cstr(s, ", not answered yet: this SYN is new again");
                guess = CT_GUESS_NEW;
            }
        }
        if (guess == CT_GUESS_EST) {
            ds_put_format(s, ": passes%s\n", key->nw_proto != IPPROTO_TCP ? ""
                          : " (if the segment is in the connection's window, "
                          "which only conntrack judges: else ct-invalid)");
        } else {
            ds_put_cstr(s, ": ");
        }
    } else if (guess == CT_GUESS_NEW) {
        ds_put_cstr(s, "no connection: ");
        if (key->nw_proto == IPPROTO_TCP && flags & TCP_SYN
            && flags & TCP_ACK) {
            why = "a TCP SYN+ACK, which cannot open a connection";
            guess = CT_GUESS_INVALID;
        } else if (key->nw_proto == IPPROTO_ICMP
                   && key->tp_src != htons(ICMP4_ECHO_REQUEST)
                   && key->tp_src != htons(ICMP4_TIMESTAMP)
                   && key->tp_src != htons(ICMP4_INFOREQUEST)) {
            why = "an ICMP reply, which cannot open a connection";
            guess = CT_GUESS_INVALID;
        }
    }
    ds_destroy(&conn);

    enum vp_drop_reason drop = VP_N_DROP_REASONS;
    if (guess == CT_GUESS_INVALID) {
        drop = VP_DROP_CT_INVALID;
        ds_put_format(s, "%s", why);
    } else if (guess == CT_GUESS_UNKNOWN) {
        ds_put_format(s, "%s\n", why);
    } else if (guess == CT_GUESS_NEW && !ca->commit) {
        drop = ca->nat == VP_CT_NAT_REPLY ? VP_DROP_NO_NAT : VP_DROP_FIREWALL;
        ds_put_cstr(s, drop == VP_DROP_NO_NAT
                    ? "a new connection, and replies only come in here"
                    : "a new connection, which no firewall rule allows");
    } else if (guess == CT_GUESS_NEW) {
        ds_put_cstr(s, "a new connection, allowed: commit\n");
        if (ca->nat == VP_CT_NAT_SRC) {
            return trace_snat(ct, ca, key, icmp_id, s);
        } else if (ca->nat == VP_CT_NAT_DST) {
            ds_put_cstr(s, "  NAT: conntrack picks the destination's port as "
                        "it commits; none free: nat-exhausted, which trace "
                        "does not predict for DNAT\n");
        }
    }
    if (drop != VP_N_DROP_REASONS) {
        ds_put_format(s, ": drop(%s)\n", vp_drop_reason_name(drop));
    }
    return drop;
}

enum vp_drop_reason
trace_stateful_before(struct ctl_context *ctx, const struct dp_packet *pkt,
                      const struct vp_flow_key *key,
                      const struct vp_action *act, bool from_port,
                      struct trace_stateful *ts, struct ds *s)
{
    struct resolver *r = ctx->dp->shared.resolver;
    enum vp_drop_reason drop = VP_N_DROP_REASONS;

    ts->here = true;
    ts->reply = false;
    if (act->resolve) {
        if (!r) {
            ds_put_cstr(s, "  resolve: this host has no owner-message socket "
                        "(see the log)\n");
            return VP_DROP_NO_RESOLVER;
        }
        enum resolver_verdict v = resolver_trace(r, stateful_get(ctx->tables),
                                                 key, act, from_port, &drop,
                                                 s);
        if (v == RESOLVER_DROP) {
            return drop;
        }
        ts->here = v == RESOLVER_HERE;
    }
    if (ts->here && act->ct.active) {
        drop = trace_conntrack(ctx, pkt, key, act, &ts->reply, s);
    }
    return drop;
}

enum vp_drop_reason
trace_stateful_after(struct ctl_context *ctx, const struct vp_action *act,
                     const struct trace_stateful *ts, struct ds *s)
{
    struct eth_addr router;

    if (!ts->here) {
        return VP_N_DROP_REASONS;
    }
    if (act->type == VP_ACT_ENCAP && act->ct.record && !ts->reply
        && !ctx->dp->shared.resolver) {
        /* pipeline-actions.c's output_recorded(): a connection this
         * host source-NATs leaves only once its record is acknowledged. */
        ds_put_cstr(s, "Per packet: an SNAT connection's packet waits for "
                    "its record, but this host has no owner-message "
                    "socket (see the log)\n");
        return VP_DROP_NO_RESOLVER;
    }
    if (act->type == VP_ACT_UPLINK
        && !uplink_router_mac(ctx->dp->shared.uplink, &router)) {
        ds_put_cstr(s, "Per packet: the WAN router's MAC is not known yet "
                    "(ARP asked)\n");
        return VP_DROP_WAN_NO_ARP;
    }
    return VP_N_DROP_REASONS;
}
