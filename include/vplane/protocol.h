/* vplane/protocol.h: the JSON-RPC protocol between vplane-ctrl and the
 * vplaneds (docs/protocol.md describes every message, with examples).
 *
 * Method names carry the protocol's name and major version, so that a
 * future incompatible protocol gets new names rather than new meanings. */
#ifndef VPLANE_PROTOCOL_H
#define VPLANE_PROTOCOL_H 1

#define VP_PROTOCOL_VERSION 1

/* vplaned -> vplane-ctrl, request: who I am.  Answered with a result, then
 * the controller sends a snapshot. */
#define VP_METHOD_HELLO "vplane.1.hello"
/* vplane-ctrl -> vplaned, notifications: a full snapshot in parts, then
 * incremental updates; each carries a generation. */
#define VP_METHOD_SNAPSHOT "vplane.1.snapshot"
#define VP_METHOD_UPDATE "vplane.1.update"
/* vplaned -> vplane-ctrl, notifications: a generation applied (or not),
 * and a VM port that came up or went down on the host. */
#define VP_METHOD_ACK "vplane.1.ack"
#define VP_METHOD_PORT_STATUS "vplane.1.port-status"
/* vplaned -> vplane-ctrl, notification: the host's counters, every
 * --stats-interval. */
#define VP_METHOD_STATS "vplane.1.stats"
/* vplane-ctrl -> vplaned, notification: a port the host reported up was not
 * bound, and why (an unknown VNet, an address clash...). */
#define VP_METHOD_PORT_REFUSED "vplane.1.port-refused"

/* What a vplaned says it can do, in its hello. */
#define VP_CAPABILITY_TABLES "tables"

/* The VNI that carries traffic between the owners of WAN flows and the
 * gateways, unless the deployment sets another (set-deployment wan-vni=). */
#define VP_DEFAULT_WAN_VNI 16777215

/* Entries per snapshot part. */
#define VP_SNAPSHOT_PART_ENTRIES 5000

/* The largest message a controller accepts from a host (they are small:
 * hello, acks, port status); a bigger one closes the session. */
#define VP_MAX_HOST_MESSAGE (1024 * 1024)

#endif /* vplane/protocol.h */
