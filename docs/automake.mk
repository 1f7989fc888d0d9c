dist_doc_DATA += \
	docs/architecture.md \
	docs/ctl.md \
	docs/performance.md
