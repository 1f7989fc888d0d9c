bin_PROGRAMS += utilities/vplane-ctl
utilities_vplane_ctl_SOURCES = utilities/vplane-ctl.c \
	utilities/nbctl.c utilities/nbctl.h utilities/nbctl-private.h \
	utilities/nbctl-cmds.c utilities/nbctl-vnets.c \
	utilities/nbctl-services.c utilities/nbctl-xlate.c \
	utilities/nbctl-daemon.c utilities/nbctl-scope.c \
	utilities/nbctl-scope.h
utilities_vplane_ctl_LDADD = ctrl/libvplanectrl.a ctrl/libvplanedb.a \
	vplane/libvplane.a $(OVS_LIBS)

# The simulated hosts of utilities/vplane-bench-ctrl.
noinst_PROGRAMS += utilities/vplane-bench-hosts
utilities_vplane_bench_hosts_SOURCES = utilities/vplane-bench-hosts.c
utilities_vplane_bench_hosts_LDADD = $(OVS_LIBS)

EXTRA_DIST += \
	utilities/vplane-setup \
	utilities/vplane-sandbox \
	utilities/vplane-bench \
	utilities/bench-peers.sh \
	utilities/bench-stateful.sh \
	utilities/bench-ctl-scale.sh \
	utilities/vplane-bench-wan \
	utilities/vplane-bench-ctrl
