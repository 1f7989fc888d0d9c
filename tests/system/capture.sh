#!/bin/bash
# vplane-ctl capture: a capture of a VM port during a ping is a pcap in which
# tshark finds the echo requests and the replies; a capture of the fabric
# filtered by VNI holds VXLAN of that VNI only, while two VNets carry
# traffic.  Captures refuse what they cannot do, and stop on request.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping tshark

world_init capture
for i in 1 2; do world_host h$i 192.168.100.$i; done
for h in h1 h2; do
    world_ctl $h vnet/add web 5001 acme 10.1.0.1/24 >/dev/null
    world_ctl $h vnet/add db 5002 acme 10.2.0.1/24 >/dev/null
    world_ctl $h xlate/add web 02:00:00:00:01:01 10.1.0.11 192.168.100.1 >/dev/null
    world_ctl $h xlate/add web 02:00:00:00:01:02 10.1.0.12 192.168.100.2 >/dev/null
    world_ctl $h xlate/add db 02:00:00:00:02:01 10.2.0.11 192.168.100.1 >/dev/null
    world_ctl $h xlate/add db 02:00:00:00:02:02 10.2.0.12 192.168.100.2 >/dev/null
done
world_vm v1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm v2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm d1 h1 02:00:00:00:02:01 10.2.0.11/24 10.2.0.1
world_vm d2 h2 02:00:00:00:02:02 10.2.0.12/24 10.2.0.1
world_ctl h1 port/add v1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add v2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h1 port/add d1 db 02:00:00:00:02:01 10.2.0.11 >/dev/null
world_ctl h2 port/add d2 db 02:00:00:00:02:02 10.2.0.12 >/dev/null
check_ping v1 10.1.0.12
check_ping d1 10.2.0.12

tsh() { tshark -r "$@" 2>/dev/null; }

check_step "a VM port during a ping"
world_bg v1 ping -q -i 0.05 -c 200 10.1.0.12
world_bg d1 ping -q -i 0.05 -c 200 10.2.0.12
out=$(world_ctl h1 capture v1 --count 20 -w "$WORLD_DIR/v1.pcap" 2>&1) \
    || check_fail "capture v1: $out"
check_contains "$out" "captured port v1 into $WORLD_DIR/v1.pcap: 20 of 20 frames" "capture's summary"
check_eq "$(tsh "$WORLD_DIR/v1.pcap" | wc -l)" 20 "frames in the pcap"
requests=$(tsh "$WORLD_DIR/v1.pcap" -Y "icmp.type == 8 && ip.src == 10.1.0.11 && ip.dst == 10.1.0.12" | wc -l)
replies=$(tsh "$WORLD_DIR/v1.pcap" -Y "icmp.type == 0 && ip.src == 10.1.0.12 && ip.dst == 10.1.0.11" | wc -l)
check_ge "$requests" 5 "echo requests in the pcap"
check_ge "$replies" 5 "echo replies in the pcap"
check_eq "$(tsh "$WORLD_DIR/v1.pcap" -Y "ip.addr == 10.2.0.11" | wc -l)" 0 "another VNet's frames in v1's pcap"

check_step "the fabric, VNI 5002 only, while both VNets carry pings"
(cd "$WORLD_DIR" && world_ctl h1 capture fabric --vni 5002 --count 30 -w fab.pcap >/dev/null 2>&1) \
    || check_fail "capture fabric"
check_eq "$(tsh "$WORLD_DIR/fab.pcap" | wc -l)" 30 "frames in the fabric pcap"
check_eq "$(tsh "$WORLD_DIR/fab.pcap" -T fields -e vxlan.vni | sort -u)" 5002 "VNIs in the fabric pcap"
check_ge "$(tsh "$WORLD_DIR/fab.pcap" -Y "icmp && ip.src == 10.2.0.12" | wc -l)" 5 "inner replies decoded"
(cd "$WORLD_DIR" && world_ctl h1 capture fabric --count 30 -w all.pcap >/dev/null 2>&1) \
    || check_fail "capture fabric, any VNI"
check_eq "$(tsh "$WORLD_DIR/all.pcap" -T fields -e vxlan.vni | sort -u | tr '\n' ' ')" "5001 5002 " \
    "VNIs without a filter"

check_step "stopped on request; refusals"
world_ctl h1 capture/start v1 "$WORLD_DIR/long.pcap" >/dev/null || check_fail "capture/start"
out=$(world_ctl h1 capture/start d1 "$WORLD_DIR/other.pcap" 2>&1) && check_fail "a second capture started"
check_contains "$out" "a capture of port v1 into $WORLD_DIR/long.pcap is running" "second capture refused"
sleep 0.3
out=$(world_ctl h1 capture/stop)
check_contains "$out" "captured port v1 into $WORLD_DIR/long.pcap" "capture/stop"
tsh "$WORLD_DIR/long.pcap" >/dev/null || check_fail "the stopped capture is not a readable pcap"
refused() { local out; out=$(world_ctl h1 "$@" 2>&1) && check_fail "accepted: $*"; echo "$out"; }
check_contains "$(refused capture/start nope /tmp/x.pcap)" 'port: no port named "nope"' "unknown port"
check_contains "$(refused capture/start v1 rel.pcap)" "must be an absolute path" "relative path"
check_contains "$(refused capture/start v1 /tmp/x.pcap vni=5001)" "only a fabric capture filters by VNI" "VNI on a port"
check_contains "$(refused capture/start fabric /nonexistent/dir/x.pcap)" "cannot create" "unwritable file"
check_contains "$(refused capture/start v1 "$WORLD_DIR/v1.pcap")" "captures never overwrite" "existing file"
ln -s "$WORLD_DIR/h1.log" "$WORLD_DIR/link.pcap"
check_contains "$(refused capture/start v1 "$WORLD_DIR/link.pcap")" "cannot create" "symlink"
check_eq "$(stat -c %a "$WORLD_DIR/v1.pcap")" 600 "a capture is readable by root only"
world_ctl h1 capture/show | grep -q "^captured" || check_fail "a refused capture left one running"
echo PASS
