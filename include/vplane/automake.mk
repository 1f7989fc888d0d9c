noinst_HEADERS += \
	include/vplane/drop-reasons.h
