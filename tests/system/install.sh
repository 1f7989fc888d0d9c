#!/bin/bash
# install.sh: "make install DESTDIR=..." installs exactly the files
# docs/install.md lists; a reinstall keeps an edited configuration file and
# uninstall leaves only it; the man pages render without a groff warning;
# vplane-ovsdb-prepare creates, keeps and converts the database; and
# systemd-analyze verify accepts the units, checked against the installed
# tree.  Needs no root and no network; everything is under one temporary
# directory, removed even on failure.
. "$(dirname "$0")/../lib/check.sh"

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${WORLD_TOP:-$srcdir}
check_require_tools make groff

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vplane-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
root=$tmp/root

# make, on its own: not a sub-make of the "make check" running this test
# (whose flags would add directory messages and a jobserver it cannot use).
build_make() {
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory \
        -C "$builddir" "$@"
}

# The build's installation directories, as make expands them (the last
# line: make may first say that it regenerated the Makefile).
make_var() {
    printf 'vplane-print:\n\t@echo $(%s)\n' "$1" \
        | build_make -s -f Makefile -f - vplane-print | tail -n 1
}
for v in bindir sbindir sysconfdir pkgdatadir pkglibexecdir docdir mandir \
         systemdsystemunitdir OVSDB_SERVER OVSDB_TOOL; do
    printf -v "$v" '%s' "$(make_var "$v")"
    [ -n "${!v}" ] || check_fail "make does not know \$($v) in $builddir"
done

run_make() {
    build_make "$@" DESTDIR="$root" >"$tmp/make.log" 2>&1 \
        || { tail -n 20 "$tmp/make.log" >&2; check_fail "make $* failed"; }
}

# The list in docs/install.md is written for utilities/vplane-setup's
# build (the default prefix, --sysconfdir=/etc); each directory it uses,
# most specific first, maps to this build's.
doc_dirs=(
    "/usr/local/lib/systemd/system=$systemdsystemunitdir"
    "/usr/local/libexec/vplane=$pkglibexecdir"
    "/usr/local/share/doc/vplane=$docdir"
    "/usr/local/share/man=$mandir"
    "/usr/local/share/vplane=$pkgdatadir"
    "/usr/local/sbin=$sbindir"
    "/usr/local/bin=$bindir"
    "/etc=$sysconfdir"
)
listed_files() {
    local path entry found
    awk '/^<!-- tests\/system\/install.sh reads this list/ { marked = 1 }
         marked && /^```/ { if (inside) exit; inside = 1; next }
         inside && NF { print $1 }' "$srcdir/docs/install.md" |
    while read -r path; do
        found=
        for entry in "${doc_dirs[@]}"; do
            case $path in
                "${entry%%=*}"/*) found=${entry#*=}${path#"${entry%%=*}"}; break ;;
            esac
        done
        [ -n "$found" ] || { echo "UNMAPPED $path"; continue; }
        echo "$found"
    done
}

check_step "make install DESTDIR=$root"
run_make install
listed=$(listed_files | sort)
[ -n "$listed" ] || check_fail "no file list found in docs/install.md"
check_not_contains "$listed" "UNMAPPED" "docs/install.md's list"
installed=$(cd "$root" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort)
missing=$(comm -23 <(echo "$listed") <(echo "$installed"))
extra=$(comm -13 <(echo "$listed") <(echo "$installed"))
[ -z "$missing" ] || check_fail "docs/install.md lists files make install did not install: $missing"
[ -z "$extra" ] || check_fail "make install installed files docs/install.md does not list: $extra"
echo "   $(echo "$listed" | wc -l) files, as docs/install.md lists"

check_step "reinstall keeps an edited configuration file; uninstall leaves only it"
conf=$root$sysconfdir/vplane/vplaned.conf
echo 'VPLANED_OPTS="--vtep=192.0.2.1"' >>"$conf"
cp "$conf" "$tmp/edited.conf"
run_make install
cmp -s "$conf" "$tmp/edited.conf" || check_fail "make install overwrote the edited $conf"
[ -f "$conf.new" ] || check_fail "make install did not put the new default in $conf.new"
run_make uninstall
left=$(cd "$root" && find . -type f | sed 's|^\.||')
check_eq "$left" "$sysconfdir/vplane/vplaned.conf" "files left after make uninstall"
run_make install

# Every groff warning but "break" (a line it cannot break or adjust to the
# width: that depends on how long the configured paths are, not the page).
check_step "man pages render without warnings"
for page in "$root$mandir"/man8/*.8; do
    out=$(groff -man -Tutf8 -ww -Wbreak -z "$page" 2>&1) \
        || check_fail "groff failed on $page: $out"
    [ -z "$out" ] || check_fail "groff warns about $page: $out"
    check_contains "$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null)" "SEE ALSO" \
        "$page rendered"
done

check_step "vplane-ovsdb-prepare creates, keeps and converts the database"
tool=$OVSDB_TOOL
[ -x "$tool" ] || tool=${OVS_BUILDDIR:-/nonexistent}/ovsdb/ovsdb-tool
[ -x "$tool" ] || check_skip "no ovsdb-tool ($OVSDB_TOOL; apt-get install openvswitch-common)"
prepare() {
    OVSDB_TOOL=$tool "$root$pkglibexecdir/vplane-ovsdb-prepare" "$@" 2>&1 \
        || check_fail "vplane-ovsdb-prepare $* failed"
}
schema=$root$pkgdatadir/vplane.ovsschema
version=$("$tool" schema-version "$schema")
db=$tmp/db/vplane.db
mkdir "$tmp/db"
check_contains "$(prepare "$db" "$schema")" "creating $db with schema $version" "first start"
cp "$db" "$tmp/db.copy"
check_eq "$(prepare "$db" "$schema")" "" "second start"
cmp -s "$db" "$tmp/db.copy" || check_fail "an up-to-date database was changed"
sed "s/\"version\": \"$version\"/\"version\": \"0.0.1\"/" "$schema" >"$tmp/old.ovsschema"
rm "$db"
prepare "$db" "$tmp/old.ovsschema" >/dev/null
check_contains "$(prepare "$db" "$schema")" "converting $db from schema 0.0.1 to $version" \
    "start after an upgrade"
check_eq "$("$tool" db-version "$db")" "$version" "database version after conversion"
ls "$tmp"/db/vplane.db.0.0.1-*.backup >/dev/null 2>&1 \
    || check_fail "no copy of the old database kept"

# systemd-analyze verify, with --root at a tree that is this host's systemd
# units and the Open vSwitch programs the units run, plus what make
# install put there: so it resolves ExecStart= paths and dependencies as on
# a host where vPlane is installed, and finds the man pages Documentation=
# names.
check_step "systemd-analyze verify accepts the units"
command -v systemd-analyze >/dev/null \
    || check_skip "systemd-analyze is not installed: the units are not verified (all else passed)"
for prog in "$OVSDB_SERVER" "$OVSDB_TOOL"; do
    [ -x "$prog" ] || check_skip "$prog is not installed (apt-get install openvswitch-common): the units are not verified (all else passed)"
    mkdir -p "$root$(dirname "$prog")"
    cp "$prog" "$root$prog"
done
mkdir -p "$root/usr/lib/systemd"
cp -a -n /usr/lib/systemd/system "$root/usr/lib/systemd/"
units=("$root$systemdsystemunitdir"/*.service)
check_eq "${#units[@]}" 3 "units installed"
# A build whose unit directory systemd does not read (make distcheck's
# temporary prefix) has its units verified from /etc/systemd/system.
if ! systemd-analyze unit-paths | grep -qx "$systemdsystemunitdir"; then
    echo "   $systemdsystemunitdir is not read by systemd: verifying from /etc/systemd/system"
    mkdir -p "$root/etc/systemd/system"
    cp "${units[@]}" "$root/etc/systemd/system/"
    units=("$root/etc/systemd/system"/vplane*.service)
fi
verify() {
    MANPATH=$root$mandir: systemd-analyze verify --root="$root" "$@" 2>&1
}

# First, that verify fails here on a unit whose program is not installed:
# a check that cannot fail checks nothing.
# (verify looks units up by name in the root's unit directories.)
broken=$root/etc/systemd/system/vplaned-broken.service
mkdir -p "${broken%/*}"
sed "s|^ExecStart=$sbindir/vplaned|ExecStart=$sbindir/vplaned-missing|" \
    "$root$systemdsystemunitdir/vplaned.service" >"$broken"
out=$(verify "$broken") \
    && check_fail "verify accepted a unit whose program is missing: $out"
check_contains "$out" "vplaned-missing" "verify of the broken unit"
rm "$broken"

out=$(verify "${units[@]}") || check_fail "systemd-analyze verify: $out"
# It warns without failing (an unknown key, say): no word about our units
# (their paths, and the temporary directory's name, aside).
check_not_contains "${out//$tmp/}" "vplane" "systemd-analyze verify's output"
echo "   ${units[*]##*/}: no complaint"
echo PASS
