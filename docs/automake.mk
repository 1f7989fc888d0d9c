dist_doc_DATA += \
	docs/architecture.md
