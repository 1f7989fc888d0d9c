dist_doc_DATA += \
	docs/architecture.md \
	docs/controller.md \
	docs/ctl.md \
	docs/install.md \
	docs/libvirt.md \
	docs/metrics.md \
	docs/performance.md \
	docs/protocol.md \
	docs/stateful-flows.md \
	docs/troubleshooting.md
EXTRA_DIST += docs/refresh-transcript.py

# Man pages, made from docs/man/*.8.in with the configured paths.
VPLANE_MANS = \
	docs/man/vplaned.8 \
	docs/man/vplane-ctrl.8 \
	docs/man/vplane-ctl.8
SUBST_FILES += $(VPLANE_MANS)
nodist_man8_MANS = $(VPLANE_MANS)
