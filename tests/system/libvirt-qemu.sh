#!/bin/bash
# Real VMs: two QEMU guests (TCG) on two hosts, each host a namespace with
# its own libvirtd and a vplaned following it (--libvirt) under one
# controller.  Each guest is started with `virsh start` from a domain XML of
# docs/libvirt.md's form (a tiny Debian kernel + busybox guest,
# tests/lib/guest.sh); they ping each other through their vplaneds over
# VXLAN.  A libvirtd restart under a running guest leaves it attached and
# its pings going; `virsh destroy` of one detaches its port on its host and
# in the controller.  If QEMU cannot run here the test says why and is
# skipped: it never passes without guests.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/libvirt.sh"
. "$(dirname "$0")/../lib/guest.sh"
check_require_root
why=$(qemu_usable) || check_skip "$why"

check_step "guest image (built once from Debian packages, then cached)"
guest_build || check_fail "cannot build the guest"

world_init lvqemu
trap 'lv_cleanup; world_cleanup' EXIT
GUEST_CONSOLE_DIR=$WORLD_DIR
GUEST_MTU=1450
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24

declare -A MAC=([g1]=52:54:00:00:01:01 [g2]=52:54:00:00:01:02)
declare -A IP=([g1]=10.1.0.11 [g2]=10.1.0.12)
for i in 1 2; do
    WORLD_NO_VPLANED=1 world_host h$i 192.168.100.$i
    lv_start h$i "$(world_ns h$i)" "$WORLD_DIR/lv-h$i" || check_fail "libvirtd h$i did not start"
    world_start_vplaned h$i 192.168.100.$i --controller="$WORLD_CTRL" \
        --libvirt="$(lv_uri h$i)" || check_fail "vplaned h$i did not start"
done
bound() { world_nb port-list web | awk -v m="$1" '$2 == m { print $4 }'; }

check_step "define and virsh start one guest per host"
# g1's tap is vPlane's (managed='no', made when the domain is defined); g2's
# is libvirt's own: both forms of docs/libvirt.md.
guest_xml g1 vp-g1 ${MAC[g1]} web ${IP[g1]}/24 ${IP[g2]} >"$WORLD_DIR/g1.xml"
guest_xml g2 vp-g2 ${MAC[g2]} web ${IP[g2]}/24 ${IP[g1]} libvirt >"$WORLD_DIR/g2.xml"
for i in 1 2; do
    lv_virsh h$i define "$WORLD_DIR/g$i.xml" >/dev/null || check_fail "define g$i"
done
world_wait_for ip -n "$(world_ns h1)" link show vp-g1 || check_fail "tap vp-g1 not made"
for i in 1 2; do
    lv_virsh h$i start g$i >/dev/null || check_fail "virsh start g$i"
done
for g in g1 g2; do
    guest_wait_up $g || check_fail "guest $g did not come up"
done

check_step "the ports are bound to their hosts"
for i in 1 2; do
    for n in $(seq 100); do [ "$(bound ${MAC[g$i]})" = h$i ] && break; sleep 0.1; done
    check_eq "$(bound ${MAC[g$i]})" h$i "g$i's binding"
done
wait_synced h1 h2

check_step "the guests ping each other over VXLAN"
guest_wait_ping g1 ${IP[g2]} 60 || check_fail "g1 gets no replies from g2"
guest_wait_ping g2 ${IP[g1]} 60 || check_fail "g2 gets no replies from g1"
tx=$(world_ctl h1 port/list | awk '$1 == "fabric" { print $9 }')
check_ge "$tx" 1 "h1 sent over the fabric"

check_step "hot-plug and unplug a second NIC on g1"
# Metadata first (the NIC is not vPlane's without it), then the device; a
# tap libvirt makes, since nobody made one for a NIC the definition lacks.
lv_virsh h1 metadata g1 http://vplane.dev/xmlns/libvirt/1 --key vplane --live \
    --set "<interfaces><interface mac='${MAC[g1]}' vnet='web'><ip address='${IP[g1]}'/></interface><interface mac='52:54:00:00:01:11' vnet='web'><ip address='10.1.0.21'/></interface></interfaces>" \
    >/dev/null || check_fail "virsh metadata"
cat >"$WORLD_DIR/nic2.xml" <<XML
<interface type='ethernet'>
  <mac address='52:54:00:00:01:11'/><target dev='vp-g1b'/><model type='virtio'/>
</interface>
XML
lv_virsh h1 attach-device g1 "$WORLD_DIR/nic2.xml" --live >/dev/null || check_fail "attach-device"
for n in $(seq 100); do [ "$(bound 52:54:00:00:01:11)" = h1 ] && break; sleep 0.1; done
check_eq "$(bound 52:54:00:00:01:11)" h1 "hot-plugged NIC bound"
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' port/list | grep -q '^vp-g1b '" \
    || check_fail "vp-g1b not attached: $(world_ctl h1 port/list)"
lv_virsh h1 detach-device g1 "$WORLD_DIR/nic2.xml" --live >/dev/null || check_fail "detach-device"
for n in $(seq 200); do [ -z "$(bound 52:54:00:00:01:11)" ] && break; sleep 0.1; done
check_eq "$(bound 52:54:00:00:01:11)" "" "unplugged NIC unbound"
check_not_contains "$(world_ctl h1 port/list)" "vp-g1b" "unplugged NIC detached"
check_eq "$(bound ${MAC[g1]})" h1 "g1's first NIC untouched"

check_step "libvirtd restarted under the running guest"
log_lines=$(wc -l <"$WORLD_DIR/h1.log")
lv_restart h1 || check_fail "libvirtd h1 did not restart"
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/h1.ctl' libvirt/show | grep -q 'connections 2,'" \
    || check_fail "h1 did not reconnect: $(world_ctl h1 libvirt/show | head -2)"
check_contains "$(world_ctl h1 libvirt/show)" "vp-g1" "g1 still known"
check_contains "$(world_ctl h1 port/list)" "vp-g1" "g1 still attached"
check_eq "$(bound ${MAC[g1]})" h1 "g1 still bound"
guest_wait_ping g2 ${IP[g1]} 30 || check_fail "g1 stopped answering after the restart"
guest_wait_ping g1 ${IP[g2]} 30 || check_fail "g1 stopped getting replies after the restart"
check_not_contains "$(tail -n +"$log_lines" "$WORLD_DIR/h1.log")" "NIC vp-g1 (" \
    "g1's NIC neither detached nor attached again across the restart"

check_step "virsh destroy g2: detached on h2 and in the controller"
lv_virsh h2 destroy g2 >/dev/null || check_fail "destroy g2"
world_wait_for sh -c "! '$VPLANE_CTL' -t '$WORLD_DIR/h2.ctl' port/list | grep -q '52:54:00:00:01:02'" \
    || check_fail "g2 still attached on h2: $(world_ctl h2 port/list)"
for n in $(seq 100); do [ -z "$(bound ${MAC[g2]})" ] && break; sleep 0.1; done
check_eq "$(bound ${MAC[g2]})" "" "g2's binding after destroy"
check_eq "$(bound ${MAC[g1]})" h1 "g1 untouched"
echo "PASS"
