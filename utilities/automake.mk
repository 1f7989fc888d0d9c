bin_PROGRAMS += utilities/vplane-ctl
utilities_vplane_ctl_SOURCES = utilities/vplane-ctl.c
utilities_vplane_ctl_LDADD = $(OVS_LIBS)

EXTRA_DIST += \
	utilities/vplane-setup \
	utilities/vplane-sandbox \
	utilities/vplane-bench \
	utilities/bench-peers.sh
