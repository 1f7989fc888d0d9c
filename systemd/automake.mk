# Running vPlane as services: systemd units, the configuration files they
# read (EnvironmentFiles in $(sysconfdir)/vplane) and the helper that creates
# and upgrades the controller's database.  docs/install.md walks through them.

SYSTEMD_UNITS = \
	systemd/vplaned.service \
	systemd/vplane-ctrl.service \
	systemd/vplane-ovsdb.service
SUBST_FILES += $(SYSTEMD_UNITS)
if INSTALL_SYSTEMD_UNITS
systemdsystemunit_DATA = $(SYSTEMD_UNITS)
endif

pkglibexec_SCRIPTS = systemd/vplane-ovsdb-prepare
SUBST_FILES += systemd/vplane-ovsdb-prepare

# The configuration files are the operator's once installed: a reinstall
# (an upgrade) leaves an edited one alone and puts the new default next to
# it as FILE.new; uninstall removes only unedited ones.
VPLANE_CONF = systemd/vplaned.conf systemd/vplane-ctrl.conf
SUBST_FILES += $(VPLANE_CONF)
vplaneconfdir = $(sysconfdir)/vplane
noinst_DATA = $(VPLANE_CONF)

install-data-local: install-vplane-conf
install-vplane-conf: $(VPLANE_CONF)
	$(MKDIR_P) '$(DESTDIR)$(vplaneconfdir)'
	@for f in $(VPLANE_CONF); do \
	  dest='$(DESTDIR)$(vplaneconfdir)'/`basename $$f`; \
	  if test -f "$$dest" && ! cmp -s "$$f" "$$dest"; then \
	    echo "keeping $$dest (edited); the new default is $$dest.new"; \
	    echo " $(INSTALL_DATA) $$f $$dest.new"; \
	    $(INSTALL_DATA) "$$f" "$$dest.new" || exit 1; \
	  else \
	    echo " $(INSTALL_DATA) $$f $$dest"; \
	    $(INSTALL_DATA) "$$f" "$$dest" || exit 1; \
	  fi; \
	done

uninstall-local: uninstall-vplane-conf
uninstall-vplane-conf: $(VPLANE_CONF)
	@for f in $(VPLANE_CONF); do \
	  dest='$(DESTDIR)$(vplaneconfdir)'/`basename $$f`; \
	  rm -f "$$dest.new"; \
	  if test -f "$$dest" && ! cmp -s "$$f" "$$dest"; then \
	    echo "keeping $$dest (edited)"; \
	  else \
	    echo " rm -f $$dest"; rm -f "$$dest"; \
	  fi; \
	done
.PHONY: install-vplane-conf uninstall-vplane-conf
