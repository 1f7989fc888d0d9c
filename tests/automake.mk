# Tests: cmocka unit tests, and system tests that build worlds of network
# namespaces (tests/lib/world.sh) and drive real tools through them.

UNIT_TESTS = \
	tests/unit/test-fabric \
	tests/unit/test-kinds \
	tests/unit/test-libvirt-nics \
	tests/unit/test-libvirt-xml \
	tests/unit/test-owner-msg \
	tests/unit/test-gwlive \
	tests/unit/test-packet \
	tests/unit/test-peers \
	tests/unit/test-shards \
	tests/unit/test-subsets \
	tests/unit/test-tables \
	tests/unit/test-tso \
	tests/unit/test-xlate
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)

UNIT_TEST_LDADD = tests/unit/libtestutil.a vplane/libvplane.a $(OVS_LIBS) \
	$(CMOCKA_LIBS)
check_LIBRARIES = tests/unit/libtestutil.a
tests_unit_libtestutil_a_SOURCES = tests/unit/test-util.c \
	tests/unit/test-util.h
tests_unit_libtestutil_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/vplane \
	$(CMOCKA_CFLAGS)

tests_unit_test_fabric_SOURCES = tests/unit/test-fabric.c
tests_unit_test_fabric_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_fabric_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_kinds_SOURCES = tests/unit/test-kinds.c
tests_unit_test_kinds_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_kinds_LDADD = ctrl/libvplanectrl.a ctrl/libvplanedb.a \
	$(UNIT_TEST_LDADD)
tests_unit_test_libvirt_nics_SOURCES = tests/unit/test-libvirt-nics.c
tests_unit_test_libvirt_nics_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_libvirt_nics_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_libvirt_xml_SOURCES = tests/unit/test-libvirt-xml.c
tests_unit_test_libvirt_xml_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_libvirt_xml_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_owner_msg_SOURCES = tests/unit/test-owner-msg.c
tests_unit_test_owner_msg_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_owner_msg_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_gwlive_SOURCES = tests/unit/test-gwlive.c
tests_unit_test_gwlive_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_gwlive_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_packet_SOURCES = tests/unit/test-packet.c
tests_unit_test_packet_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_packet_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_peers_SOURCES = tests/unit/test-peers.c
tests_unit_test_peers_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_peers_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_shards_SOURCES = tests/unit/test-shards.c
tests_unit_test_shards_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_shards_LDADD = ctrl/libvplanectrl.a ctrl/libvplanedb.a \
	$(UNIT_TEST_LDADD)
tests_unit_test_subsets_SOURCES = tests/unit/test-subsets.c
tests_unit_test_subsets_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_subsets_LDADD = ctrl/libvplanectrl.a $(UNIT_TEST_LDADD)
tests_unit_test_tables_SOURCES = tests/unit/test-tables.c
tests_unit_test_tables_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_tables_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_tso_SOURCES = tests/unit/test-tso.c
tests_unit_test_tso_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_tso_LDADD = $(UNIT_TEST_LDADD)
tests_unit_test_xlate_SOURCES = tests/unit/test-xlate.c
tests_unit_test_xlate_CPPFLAGS = $(tests_unit_libtestutil_a_CPPFLAGS)
tests_unit_test_xlate_LDADD = $(UNIT_TEST_LDADD)

EXTRA_DIST += tests/lib/world.sh tests/lib/conn-tool.py tests/lib/owner-check.py tests/lib/owner-forge.py tests/lib/dump-check.py \
	tests/lib/wan.sh tests/lib/guest.sh tests/lib/libvirt.sh tests/lib/fake-ctrl.py \
	tests/lib/shards.sh tests/lib/prom-check.py

# System tests: each builds its own world of namespaces and removes it, even
# when it fails.  They need root; without it they report "skipped".
SYSTEM_TESTS = \
	tests/system/install.sh \
	tests/system/l2-one-vnet.sh \
	tests/system/routing.sh \
	tests/system/tenants.sh \
	tests/system/interop-kernel.sh \
	tests/system/bad-input.sh \
	tests/system/drop-reasons.sh \
	tests/system/port-churn.sh \
	tests/system/restart-quick.sh \
	tests/system/ctl.sh \
	tests/system/dumps.sh \
	tests/system/dump-memory.sh \
	tests/system/capture.sh \
	tests/system/trace-real.sh \
	tests/system/ctrl-nb.sh \
	tests/system/ctrl-sync.sh \
	tests/system/ctrl-move.sh \
	tests/system/ctrl-subsets.sh \
	tests/system/ctrl-restart.sh \
	tests/system/ctrl-failover.sh \
	tests/system/ctrl-raft.sh \
	tests/system/ctrl-shards.sh \
	tests/system/ctrl-shards-gen.sh \
	tests/system/ctrl-shards-raft.sh \
	tests/system/ctrl-bad-rpc.sh \
	tests/system/ctrl-stale-hello.sh \
	tests/system/ctrl-refused.sh \
	tests/system/ctrl-incremental.sh \
	tests/system/ctl-check-scope.sh \
	tests/system/ctl-oneshot-scope.sh \
	tests/system/ctrl-stats.sh \
	tests/system/libvirt-watch.sh \
	tests/system/libvirt-qemu.sh \
	tests/system/stateful-rules.sh \
	tests/system/stateful-firewall.sh \
	tests/system/stateful-snat.sh \
	tests/system/stateful-snat-scale.sh \
	tests/system/stateful-wan-in.sh \
	tests/system/stateful-gw-fail.sh \
	tests/system/stateful-notify.sh \
	tests/system/stateful-churn.sh \
	tests/system/stateful-move.sh \
	tests/system/drop-reasons-stateful.sh \
	tests/system/troubleshooting.sh \
	tests/system/bench-ctrl.sh \
	tests/system/metrics.sh
TESTS += $(SYSTEM_TESTS)
EXTRA_DIST += $(SYSTEM_TESTS) tests/lib/check.sh
AM_TESTS_ENVIRONMENT = \
	WORLD_TOP='$(abs_top_builddir)'; export WORLD_TOP; \
	OVS_BUILDDIR='$(OVS_BUILDDIR)'; export OVS_BUILDDIR;
