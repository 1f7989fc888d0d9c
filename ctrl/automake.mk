# The controller: its OVSDB schema, the C IDL generated from it with Open
# vSwitch's ovsdb-idlc, and vplane-ctrl.
OVSDB_IDLC = PYTHONPATH=$(OVS_SRCDIR)/python:$$PYTHONPATH $(PYTHON3) \
	$(OVS_SRCDIR)/ovsdb/ovsdb-idlc.in

ctrl/vplane-idl.ovsidl: ctrl/vplane.ovsschema ctrl/vplane-idl.ann
	$(AM_V_GEN)$(OVSDB_IDLC) annotate $(srcdir)/ctrl/vplane.ovsschema \
		$(srcdir)/ctrl/vplane-idl.ann > $@.tmp && mv $@.tmp $@
ctrl/vplane-idl.c: ctrl/vplane-idl.ovsidl
	$(AM_V_GEN)$(OVSDB_IDLC) c-idl-source $< > $@.tmp && mv $@.tmp $@
ctrl/vplane-idl.h: ctrl/vplane-idl.ovsidl
	$(AM_V_GEN)$(OVSDB_IDLC) c-idl-header $< > $@.tmp && mv $@.tmp $@
BUILT_SOURCES += ctrl/vplane-idl.h ctrl/vplane-idl.c
CLEANFILES += ctrl/vplane-idl.ovsidl ctrl/vplane-idl.h ctrl/vplane-idl.c
EXTRA_DIST += ctrl/vplane.ovsschema ctrl/vplane-idl.ann

pkgdata_DATA += ctrl/vplane.ovsschema

# The IDL, shared by vplane-ctrl and vplane-ctl's controller commands.
noinst_LIBRARIES += ctrl/libvplanedb.a
nodist_ctrl_libvplanedb_a_SOURCES = ctrl/vplane-idl.c ctrl/vplane-idl.h
ctrl_libvplanedb_a_CFLAGS = $(AM_CFLAGS) -Wno-unused-parameter \
	-Wno-missing-prototypes

# The controller's logic, as a library the unit tests link too.
noinst_LIBRARIES += ctrl/libvplanectrl.a
ctrl_libvplanectrl_a_SOURCES = \
	ctrl/host-view.c ctrl/host-view.h ctrl/host-view-private.h \
	ctrl/host-view-diff.c \
	ctrl/snat-blocks.c ctrl/snat-blocks.h \
	ctrl/snat-needs.c ctrl/snat-needs.h \
	ctrl/stats.c ctrl/stats.h ctrl/subsets.c ctrl/subsets.h
ctrl_libvplanectrl_a_SOURCES += \
	ctrl/ctrl.c ctrl/ctrl.h ctrl/ctrl-private.h ctrl/ctrl-show.c ctrl/ctrl-db.c ctrl/ctrl-push.c \
	ctrl/nb-check.c ctrl/nb-check.h ctrl/nb-check-scope.c \
	ctrl/row-check.c ctrl/row-check.h \
	ctrl/shards.c ctrl/shards.h ctrl/ctrl-shards.c \
	ctrl/leader-seek.c ctrl/leader-seek.h \
	ctrl/view-parts.c ctrl/view-parts.h ctrl/view-parts-private.h \
	ctrl/view-parts-track.c ctrl/idl-track.h \
	ctrl/southbound.c ctrl/southbound.h ctrl/southbound-private.h \
	ctrl/sb-messages.c ctrl/sb-ready.c ctrl/sb-ready.h \
	ctrl/listen-queue.c ctrl/listen-queue.h \
	ctrl/metrics.c ctrl/metrics.h

sbin_PROGRAMS += ctrl/vplane-ctrl
ctrl_vplane_ctrl_SOURCES = ctrl/vplane-ctrl.c
ctrl_vplane_ctrl_LDADD = ctrl/libvplanectrl.a ctrl/libvplanedb.a \
	vplane/libvplane.a $(OVS_LIBS)
