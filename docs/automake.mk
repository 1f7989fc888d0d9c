dist_doc_DATA += \
	docs/architecture.md \
	docs/controller.md \
	docs/libvirt.md \
	docs/ctl.md \
	docs/performance.md \
	docs/protocol.md \
	docs/stateful-flows.md
