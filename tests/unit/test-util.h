/* tests/unit/test-util.h: what the unit tests share -- building frames with
 * Open vSwitch's packet helpers, and a small set of tables to test against.
 *
 * cmocka's assertions report the failing test's own file and line; the
 * helpers here return values for the tests to assert on rather than
 * asserting themselves, so a failure points at the test, not at this file. */
#ifndef VPLANE_TEST_UTIL_H
#define VPLANE_TEST_UTIL_H 1

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "openvswitch/types.h"

struct dp_packet;
struct vp_config;
struct vp_tables;

/* Addresses used throughout the tests. */
#define T_SELF_VTEP "192.168.100.1"
#define T_PEER_VTEP "192.168.100.2"

struct eth_addr t_mac(const char *);
ovs_be32 t_ip(const char *);

/* Frames, with their l3/l4 offsets unset (as received). */
struct dp_packet *t_udp_frame(const char *src_mac, const char *dst_mac,
                              const char *src_ip, const char *dst_ip,
                              uint16_t sport, uint16_t dport,
                              size_t payload_len);
struct dp_packet *t_tcp_frame(const char *src_mac, const char *dst_mac,
                              const char *src_ip, const char *dst_ip,
                              uint32_t seq, const uint8_t *payload,
                              size_t payload_len);
struct dp_packet *t_arp_request(const char *src_mac, const char *src_ip,
                                const char *target_ip);

/* Applies a JSON tables text (parse + tables_apply); returns the error. */
char *t_apply_json(struct vp_tables *, const char *json_text);

/* A world of two tenants:
 *   acme:   VNet web (5001, 10.1.0.1/24), VNet db (5002, 10.2.0.1/24)
 *   globex: VNet red (6001, 10.1.0.1/24) -- overlaps acme's web
 *   local ports: w1 (web, 02:00:00:00:01:01, 10.1.0.11),
 *                r1 (red, 02:00:00:00:06:01, 10.1.0.11)
 *   translation: web 02:00:00:00:01:02 10.1.0.12 at the peer,
 *                db  02:00:00:00:02:02 10.2.0.12 at the peer,
 *                web/db/red local ports at this host. */
struct vp_tables *t_tables_fixture(void);

#endif /* tests/unit/test-util.h */
