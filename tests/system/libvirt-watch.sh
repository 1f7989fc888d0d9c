#!/bin/bash
# vplaned --libvirt against libvirt's test driver (served by a private
# libvirtd in the host's namespace; no QEMU): defining a domain with vPlane
# metadata makes its managed='no' tap, starting it attaches the NIC and the
# controller binds it to the host with the domain's UUID, destroying it
# detaches it, undefining it removes the tap.  A domain without vPlane
# metadata is ignored; metadata naming an unknown VNet leaves the NIC
# detached and says why (log, counter, show) until the VNet exists.  A
# libvirtd restart and a vplaned restart are each followed by a resync
# that leaves no NIC attached wrongly or missing.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/libvirt.sh"
check_require_root
check_require_tools virsh libvirtd virtlogd unshare nsenter

world_init lvwatch
trap 'lv_cleanup; world_cleanup' EXIT
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
WORLD_NO_VPLANED=1 world_host h1 192.168.100.1
lv_start h1 "$(world_ns h1)" "$WORLD_DIR/lv-h1" || check_fail "libvirtd did not start"
uri=$(lv_test_uri h1)
# The test driver forgets its domains when its last connection closes: a
# second client keeps one open while vplaned restarts.
world_bg h1 virsh -q -c "$uri" event --loop --all >"$WORLD_DIR/events.log" 2>&1
keeper_pid=$WORLD_BG_PID
world_start_vplaned h1 192.168.100.1 --controller="$WORLD_CTRL" --libvirt="$uri" \
    || check_fail "vplaned did not start"

# dom_xml NAME UUID MAC TAP VNET IP: a test-driver domain with one vPlane NIC
# (docs/libvirt.md's form).  VNET "-" leaves the metadata out.
dom_xml() {
    local name=$1 uuid=$2 mac=$3 tap=$4 vnet=$5 ip=$6 meta=""
    if [ "$vnet" != - ]; then
        meta="<metadata><vplane:interfaces xmlns:vplane='http://vplane.dev/xmlns/libvirt/1'>
      <vplane:interface mac='$mac' vnet='$vnet'><vplane:ip address='$ip'/></vplane:interface>
    </vplane:interfaces></metadata>"
    fi
    cat <<XML
<domain type='test'>
  <name>$name</name><uuid>$uuid</uuid><memory>65536</memory>
  <os><type>hvm</type></os>
  $meta
  <devices>
    <interface type='ethernet'>
      <mac address='$mac'/><target dev='$tap' managed='no'/><model type='virtio'/>
    </interface>
  </devices>
</domain>
XML
}

tvirsh() { virsh -q -c "$uri" "$@"; }
define() {
    dom_xml "$@" >"$WORLD_DIR/$1.xml"
    tvirsh define "$WORLD_DIR/$1.xml" >/dev/null || check_fail "define $1"
}
lvshow() { world_ctl h1 libvirt/show; }
bound() { world_nb port-list | awk -v m="$1" '$2 == m { print $4 " " $8 }'; }
# counter NAME: a coverage counter's total (they are summed every 5 s, so
# this waits up to 10 s for a non-zero one).
counter() {
    local i v
    for i in $(seq 100); do
        v=$(world_ctl h1 coverage/show | awk -v n="$1" '$1 == n { print $NF }')
        [ -n "$v" ] && break
        sleep 0.1
    done
    echo "${v:-0}"
}
has_tap() { world_exec h1 ip link show "$1" >/dev/null 2>&1; }

uuid1=6695eb01-f6a4-8304-79aa-97f2502e1001
mac1=52:54:00:00:01:01

check_step "define: vPlane makes the managed='no' tap"
define vm1 $uuid1 $mac1 vp-vm1 web 10.1.0.11
world_wait_for has_tap vp-vm1 || check_fail "no tap vp-vm1 after define"
check_contains "$(world_exec h1 ip link show vp-vm1)" "alias vplane:$uuid1" "tap alias"
check_not_contains "$(world_ctl h1 port/list)" "vp-vm1" "a defined domain is not attached"

check_step "start: the NIC is attached and bound to h1 with the VM's UUID"
tvirsh start vm1 >/dev/null || check_fail "start vm1"
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' port/list | grep -q '^vp-vm1 .* up '" \
    || check_fail "vp-vm1 not up: $(world_ctl h1 port/list)"
check_eq "$(bound $mac1)" "h1 libvirt:$uuid1" "controller binding"
check_contains "$(lvshow)" "vm1              vp-vm1          $mac1 web              attached" "libvirt/show"
# The libvirt commands exist only with --libvirt, so ctl.sh's check of
# every command through ovs-appctl does not see them.
APPCTL=${OVS_BUILDDIR:+$OVS_BUILDDIR/utilities/ovs-appctl}
[ -x "${APPCTL:-}" ] || APPCTL=$(command -v ovs-appctl) || check_fail "no ovs-appctl"
check_eq "$("$APPCTL" -t "$WORLD_DIR/h1.ctl" libvirt/show | sed 's/[0-9][0-9]*/N/g')" \
    "$(lvshow | sed 's/[0-9][0-9]*/N/g')" "ovs-appctl libvirt/show"
check_eq "$("$APPCTL" -t "$WORLD_DIR/h1.ctl" libvirt/resync)" "$(world_ctl h1 libvirt/resync)" \
    "ovs-appctl libvirt/resync"

check_step "a domain without vPlane metadata is ignored"
define plain 6695eb01-f6a4-8304-79aa-97f2502e1002 52:54:00:00:01:02 vp-plain - -
events=$(lvshow | sed -n 's/.*events \([0-9]*\),.*/\1/p')
tvirsh start plain >/dev/null || check_fail "start plain"
# Its start was seen (an event) before looking.
for i in $(seq 100); do
    [ "$(lvshow | sed -n 's/.*events \([0-9]*\),.*/\1/p')" -ge $((events + 1)) ] && break
    sleep 0.1
done
check_ge "$(lvshow | sed -n 's/.*events \([0-9]*\),.*/\1/p')" $((events + 1)) "events of plain's start"
check_not_contains "$(world_ctl h1 port/list)" "vp-plain" "port list"
check_not_contains "$(lvshow)" "plain" "libvirt/show"
has_tap vp-plain && check_fail "a tap was made for a domain without vPlane metadata"

check_step "metadata naming an unknown VNet: detached, and why"
mac9=52:54:00:00:01:09
define bad 6695eb01-f6a4-8304-79aa-97f2502e1009 $mac9 vp-bad nosuch 10.9.0.11
tvirsh start bad >/dev/null || check_fail "start bad"
why="detached: the controller refused it: no VNet named \"nosuch\""
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' show | grep -qF 'NIC $mac9 $why'" \
    || check_fail "show does not say why: $(world_ctl h1 show | grep -i libvirt -A3)"
check_contains "$(lvshow)" "$why" "libvirt/show"
check_contains "$(world_ctl h1 controller/show)" "refused: no VNet named \"nosuch\"" "controller/show"
check_ge "$(counter ctrl_port_refused)" 1 \
    "ctrl_port_refused counter"
grep -q 'port vp-bad (52:54:00:00:01:09 in VNet nosuch): the controller refused it' \
    "$WORLD_DIR/h1.log" || check_fail "no log line for the refusal"
check_not_contains "$(world_ctl h1 port/list)" "vp-bad" "port list"
check_eq "$(bound $mac9)" "" "not in the database"

check_step "the VNet created: the refused NIC is bound on its next report"
world_nb vnet-add nosuch 5009 acme 10.9.0.1/24
for i in $(seq 150); do
    [ "$(bound $mac9)" = "h1 libvirt:6695eb01-f6a4-8304-79aa-97f2502e1009" ] && break
    sleep 0.1
done
check_eq "$(bound $mac9)" "h1 libvirt:6695eb01-f6a4-8304-79aa-97f2502e1009" "bound after the VNet exists"
world_wait_for sh -c "! '$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' show | grep -q detached" \
    || check_fail "still detached: $(world_ctl h1 show | grep detached)"

check_step "destroy: detached here and unbound in the controller"
tvirsh destroy vm1 >/dev/null || check_fail "destroy vm1"
world_wait_for sh -c "! '$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' port/list | grep -q vp-vm1" \
    || check_fail "vp-vm1 still attached"
for i in $(seq 100); do [ -z "$(bound $mac1)" ] && break; sleep 0.1; done
check_eq "$(bound $mac1)" "" "controller binding after destroy"
has_tap vp-vm1 || check_fail "the tap went with the VM's stop (it must stay until undefine)"

check_step "undefine: the tap is removed"
tvirsh undefine vm1 >/dev/null || check_fail "undefine vm1"
world_wait_for sh -c "! ip -n '$(world_ns h1)' link show vp-vm1" \
    || check_fail "tap vp-vm1 still there after undefine"

check_step "vplaned restart: resync finds what changed while it was down"
uuid3=6695eb01-f6a4-8304-79aa-97f2502e1003 uuid4=6695eb01-f6a4-8304-79aa-97f2502e1004
mac3=52:54:00:00:01:03 mac4=52:54:00:00:01:04
define vm3 $uuid3 $mac3 vp-vm3 web 10.1.0.13
define vm4 $uuid4 $mac4 vp-vm4 web 10.1.0.14
tvirsh start vm3 >/dev/null || check_fail "start vm3"
for i in $(seq 100); do [ -n "$(bound $mac3)" ] && break; sleep 0.1; done
check_eq "$(bound $mac3)" "h1 libvirt:$uuid3" "vm3 bound"
# A port attached by hand with a VM identity of its own (a UUID too) is not
# the watcher's: it must survive the restart.
uuidm=6695eb01-f6a4-8304-79aa-97f2502e1020
world_ctl h1 port/add vp-man web 52:54:00:00:01:20 10.1.0.20 vm=$uuidm >/dev/null
for i in $(seq 100); do [ -n "$(bound 52:54:00:00:01:20)" ] && break; sleep 0.1; done
check_eq "$(bound 52:54:00:00:01:20)" "h1 $uuidm" "hand-attached port bound"
wait_synced h1
world_stop_vplaned h1
log_lines=$(wc -l <"$WORLD_DIR/h1.log")
tvirsh destroy vm3 >/dev/null || check_fail "destroy vm3"
tvirsh start vm4 >/dev/null || check_fail "start vm4"
world_start_vplaned h1 192.168.100.1 --controller="$WORLD_CTRL" --libvirt="$uri" \
    || check_fail "vplaned did not restart"
for i in $(seq 150); do
    [ -z "$(bound $mac3)" ] && [ "$(bound $mac4)" = "h1 libvirt:$uuid4" ] && break
    sleep 0.1
done
check_eq "$(bound $mac3)" "" "vm3 (stopped while vplaned was down) unbound"
check_eq "$(bound $mac4)" "h1 libvirt:$uuid4" "vm4 (started while vplaned was down) bound"
wait_synced h1
check_not_contains "$(world_ctl h1 port/list)" "vp-vm3" "vm3 detached"
check_contains "$(world_ctl h1 port/list)" "vp-vm4" "vm4 attached"
check_eq "$(bound 52:54:00:00:01:20)" "h1 $uuidm" "hand-attached port still bound"
check_eq "$(bound $mac9)" "h1 libvirt:6695eb01-f6a4-8304-79aa-97f2502e1009" \
    "bad (running throughout) still bound"
after_restart=$(tail -n +"$log_lines" "$WORLD_DIR/h1.log")
check_contains "$after_restart" "port vp-vm3: libvirt:$uuid3 runs no such NIC here; reported down" \
    "the stale port's log line"
downs=$(grep -E 'reported down|detached' <<<"$after_restart")
check_not_contains "$downs" "vp-bad" "bad not taken down"
check_not_contains "$downs" "vp-man" "hand-attached port not taken down"

check_step "libvirtd restart: the watcher reconnects and resyncs"
kill $keeper_pid 2>/dev/null
# The test driver keeps its domains in libvirtd's memory: after a restart
# they are gone, so every NIC must be detached (a real libvirtd keeps its
# running guests: tests/system/libvirt-qemu.sh).
lv_restart h1 || check_fail "libvirtd did not restart"
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' libvirt/show | grep -q 'connections 2,'" \
    || check_fail "no reconnection: $(lvshow | head -3)"
for i in $(seq 100); do [ -z "$(bound $mac4)" ] && break; sleep 0.1; done
check_eq "$(bound $mac4)" "" "vm4 (gone with the test driver's state) unbound"
check_ge "$(counter libvirt_reconnect)" 1 \
    "libvirt_reconnect counter"
echo "PASS"
