# The forwarding plane: the library its pieces form, and vplaned.
noinst_LIBRARIES += vplane/libvplane.a
vplane_libvplane_a_SOURCES = \
	vplane/tables-config.c vplane/tables-config.h \
	vplane/json-members.c vplane/json-members.h \
	vplane/kinds.c \
	vplane/kind-port.c vplane/kind-route.c vplane/kind-vnet.c \
	vplane/kind-xlate.c vplane/table-kind.c vplane/table-kind.h \
	vplane/coalesce.c vplane/coalesce.h \
	vplane/ctrl-client.c vplane/ctrl-client.h vplane/ctrl-client-private.h \
	vplane/ctrl-ports.c \
	vplane/ctl.h vplane/ctl-dumps.c vplane/ctl-flows.c vplane/ctl-show.c \
	vplane/ctl-table-dumps.c \
	vplane/ctl-stateful.c \
	vplane/ctl-tables.c vplane/ctl-trace.c vplane/ctl-trace.h \
	vplane/ctl-trace-ct.c \
	vplane/dataplane.c vplane/dataplane.h \
	vplane/capture.c vplane/capture.h \
	vplane/ctl-capture.c vplane/ctl-drops.c vplane/ctl-memory.c \
	vplane/ctl-stats.c \
	vplane/drop-log.c vplane/drop-log.h \
	vplane/drop-reasons.c \
	vplane/fabric.c vplane/fabric.h \
	vplane/flow-cache.c vplane/flow-cache.h \
	vplane/flow-key.c vplane/flow-key.h \
	vplane/metrics.c vplane/metrics.h \
	vplane/prom.c vplane/prom.h \
	vplane/fwd-thread.c vplane/fwd-thread.h \
	vplane/libvirt-loop.c vplane/libvirt-loop.h \
	vplane/libvirt-nics.c vplane/libvirt-private.h \
	vplane/libvirt-tap.c vplane/libvirt-tap.h \
	vplane/libvirt-watch.c vplane/libvirt-watch.h \
	vplane/libvirt-xml.c vplane/libvirt-xml.h \
	vplane/peers.c vplane/peers.h \
	vplane/pipeline.c vplane/pipeline.h vplane/pipeline-private.h \
	vplane/pipeline-actions.c \
	vplane/port.c vplane/port.h \
	vplane/gwlive.c vplane/gwlive.h \
	vplane/owner.c vplane/owner-msg.c vplane/owner-msg.h \
	vplane/owner-sweep.c vplane/owner-sweep.h \
	vplane/resolver.c vplane/resolver.h vplane/resolver-private.h \
	vplane/resolver-run.c vplane/resolver-dump.c \
	vplane/port-socket.c vplane/port-socket.h \
	vplane/responder.c vplane/responder.h \
	vplane/services.c vplane/services.h \
	vplane/stateful.c vplane/stateful.h \
	vplane/stats.c vplane/stats.h \
	vplane/tables.c vplane/tables.h vplane/tables-private.h \
	vplane/tables-apply.c \
	vplane/tables-check.c vplane/tables-check-live.c \
	vplane/tables-check-private.h vplane/tables-ports.c \
	vplane/tables-json.c vplane/tables-json.h \
	vplane/tables-sync.c vplane/tables-sync.h \
	vplane/tso.c vplane/tso.h \
	vplane/udp-bind.c vplane/udp-bind.h \
	vplane/uplink.c vplane/uplink.h \
	vplane/vxlan.c vplane/vxlan.h \
	vplane/xlate.c vplane/xlate.h vplane/xlate-private.h

sbin_PROGRAMS += vplane/vplaned
vplane_vplaned_SOURCES = vplane/vplaned.c
vplane_vplaned_LDADD = vplane/libvplane.a $(OVS_LIBS)
