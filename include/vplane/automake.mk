noinst_HEADERS += \
	include/vplane/drop-reasons.h \
	include/vplane/kinds.h \
	include/vplane/protocol.h
