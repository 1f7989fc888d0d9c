# vPlane's configure checks.

dnl VPLANE_CHECK_OVS
dnl
dnl Finds an Open vSwitch source tree and the build tree made from it, the way
dnl OVN does (--with-ovs-source, --with-ovs-build).  libopenvswitch is an
dnl internal library whose structure layouts depend on its own config.h (for
dnl example DPDK_NETDEV changes struct dp_packet), so rather than re-running
dnl its checks we compile against the build tree's own config.h.
AC_DEFUN([VPLANE_CHECK_OVS], [
  AC_ARG_WITH([ovs-source],
    [AS_HELP_STRING([--with-ovs-source=DIR],
                    [Open vSwitch 3.1.0 source tree])],
    [OVS_SRCDIR=$withval],
    [OVS_SRCDIR=/var/cache/vplane/ovs-3.1.0/src])
  AC_ARG_WITH([ovs-build],
    [AS_HELP_STRING([--with-ovs-build=DIR],
                    [Open vSwitch build tree (default: the source tree)])],
    [OVS_BUILDDIR=$withval],
    [OVS_BUILDDIR=$OVS_SRCDIR])
  OVS_SRCDIR=`cd "$OVS_SRCDIR" 2>/dev/null && pwd` \
    || AC_MSG_ERROR([Open vSwitch source tree not found; run utilities/vplane-setup])
  OVS_BUILDDIR=`cd "$OVS_BUILDDIR" 2>/dev/null && pwd` \
    || AC_MSG_ERROR([Open vSwitch build tree not found; run utilities/vplane-setup])
  AC_MSG_CHECKING([for Open vSwitch 3.1.0 in $OVS_SRCDIR])
  if grep -q 'openvswitch, 3\.1\.0,' "$OVS_SRCDIR/configure.ac" 2>/dev/null; then
    AC_MSG_RESULT([yes])
  else
    AC_MSG_ERROR([vPlane needs the Open vSwitch 3.1.0 source (internal APIs drift between releases)])
  fi
  AC_MSG_CHECKING([for libopenvswitch in $OVS_BUILDDIR])
  if test -f "$OVS_BUILDDIR/lib/libopenvswitch.la" \
     && test -f "$OVS_BUILDDIR/config.h"; then
    AC_MSG_RESULT([yes])
  else
    AC_MSG_ERROR([$OVS_BUILDDIR has no lib/libopenvswitch.la; build Open vSwitch first])
  fi
  AC_SUBST([OVS_SRCDIR])
  AC_SUBST([OVS_BUILDDIR])
])

dnl VPLANE_CHECK_LIBS: the other libraries of the design card.
AC_DEFUN([VPLANE_CHECK_LIBS], [
  PKG_CHECK_MODULES([JANSSON], [jansson >= 2.13])
  PKG_CHECK_MODULES([CMOCKA], [cmocka >= 1.1])
  dnl libvirt's event API with virConnectRegisterCloseCallback and
  dnl metadata-change events (3.0); libxml2 reads the domain XML.
  PKG_CHECK_MODULES([LIBVIRT], [libvirt >= 3.0])
  PKG_CHECK_MODULES([LIBXML], [libxml-2.0])
])

dnl VPLANE_ENABLE_SANITIZERS: --enable-sanitizers builds with ASan and UBSan.
AC_DEFUN([VPLANE_ENABLE_SANITIZERS], [
  AC_ARG_ENABLE([sanitizers],
    [AS_HELP_STRING([--enable-sanitizers],
                    [build with AddressSanitizer and UndefinedBehaviorSanitizer])],
    [], [enable_sanitizers=no])
  SANITIZER_FLAGS=
  if test "$enable_sanitizers" = yes; then
    SANITIZER_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer"
  fi
  AC_SUBST([SANITIZER_FLAGS])
])

dnl VPLANE_INSTALL_PATHS: where "make install" puts the systemd units, and
dnl the Open vSwitch database programs those units run.  The programs come
dnl from Debian's openvswitch-common on the installed host, not from the
dnl Open vSwitch build vPlane links with (that one is never installed), so
dnl the defaults are Debian's paths rather than a PATH search here.
AC_DEFUN([VPLANE_INSTALL_PATHS], [
  AC_ARG_WITH([systemdsystemunitdir],
    [AS_HELP_STRING([--with-systemdsystemunitdir=DIR],
                    [install the systemd units in DIR (default:
                     PREFIX/lib/systemd/system, which systemd reads for
                     PREFIX /usr/local and /usr); "no" installs none])],
    [systemdsystemunitdir=$withval],
    [systemdsystemunitdir='${prefix}/lib/systemd/system'])
  AC_SUBST([systemdsystemunitdir])
  AM_CONDITIONAL([INSTALL_SYSTEMD_UNITS], [test "$systemdsystemunitdir" != no])

  AC_ARG_VAR([OVSDB_SERVER],
    [ovsdb-server that vplane-ovsdb.service runs (default: /usr/sbin/ovsdb-server)])
  AC_ARG_VAR([OVSDB_TOOL],
    [ovsdb-tool that vplane-ovsdb.service runs (default: /usr/bin/ovsdb-tool)])
  : "${OVSDB_SERVER:=/usr/sbin/ovsdb-server}"
  : "${OVSDB_TOOL:=/usr/bin/ovsdb-tool}"
  for prog in "$OVSDB_SERVER" "$OVSDB_TOOL"; do
    if test ! -x "$prog"; then
      AC_MSG_WARN([$prog is not on this machine: vplane-ovsdb.service needs it where the controller runs (Debian: apt-get install openvswitch-common)])
    fi
  done
])
