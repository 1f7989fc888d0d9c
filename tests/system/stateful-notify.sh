#!/bin/bash
# Notifications a listed vplaned could forge (docs/stateful-flows.md,
# "Messages"): a host takes a helper's notification only if it is a
# gateway and a NAT rule maps the flow's public end to the owner named,
# and from one helper at a bounded pace; what it refuses is counted
# (notifies-refused, notifies-rate-limited) and leaves its owner cache as
# it was.  The frames are forged on the fabric bridge with a listed host's
# VTEP address as their source.  (A helper's real notifications:
# stateful-wan-in.sh.)
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools nft "$PYTHON"
"$PYTHON" -c 'import scapy' 2>/dev/null || check_skip "python3-scapy is not installed"

world_init fnotify
world_controller || check_fail "controller did not start"
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 \
    -- host-add gw1 192.168.100.21 $(wan_uplink_args 0)
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24
world_nb nat-add acme snat 192.0.2.10 -- nat-add acme floating-ip 192.0.2.11 10.1.0.11
# Blocks of 1008 ports; h2 gets one through a VM port placed on it.
world_nb set-deployment snat-block-size=1008 \
    -- port-add web 02:00:00:00:02:01 10.1.0.21 host=h2
for h in h1:1 h2:2 gw1:21; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
wan_router gw1
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
wait_synced h1 h2 gw1
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"

counter() { world_ctl "$1" dump-subsets | awk -v k="$2:" '$1 == k { print $2 }'; }
# The notifications HOST has dealt with, whichever way.
handled() {
    local h=$1 n=0 c v
    for c in notifies notifies-refused notifies-rate-limited rejected-unexpected; do
        v=$(counter "$h" "$c")
        n=$((n + ${v:-0}))
    done
    echo "$n"
}
# wait_handled HOST N: up to 10 s for HOST to have dealt with N in all.
wait_handled() {
    world_wait_for sh -c "[ \$('$VPLANE_CTL' -t '$WORLD_DIR/$1.ctl' dump-subsets | awk '\$1 ~ /^(notifies|notifies-refused|notifies-rate-limited|rejected-unexpected):\$/ { n += \$2 } END { print n + 0 }') -ge $2 ]" \
        >/dev/null || check_fail "$1 dealt with $(handled "$1") notifications, not $2"
}
# wait_settled HOST: until HOST has read what its socket holds (the count
# of notifications dealt with stands still).
wait_settled() {
    local i a b
    a=$(handled "$1")
    for i in $(seq 50); do
        sleep 0.2
        b=$(handled "$1")
        [ "$a" = "$b" ] && return 0
        a=$b
    done
    check_fail "$1 keeps reading notifications"
}
cached() { world_ctl "$1" dump-owners | grep -c 'by=subset-notify'; }
mac_of() { world_exec "$1" cat "/sys/class/net/$2/address"; }
rss_of() { awk '/^VmRSS/ { print $2, $3 }' "/proc/$(cat "$WORLD_DIR/$1.pid")/status"; }
# forge HOST FROM ARGS...: owner messages to HOST's VTEP, from FROM's.
forge() {
    local to=$1 from=$2; shift 2
    world_exec fabric "$PYTHON" "$WORLD_LIB/owner-forge.py" --iface br0 \
        --dst-mac "$(mac_of "$to" fab0)" --src "$(vtep_of "$from")" \
        --dst "$(vtep_of "$to")" "$@"
}
vtep_of() { case $1 in h1) echo 192.168.100.1 ;; h2) echo 192.168.100.2 ;; gw1) echo 192.168.100.21 ;; esac; }
# block_of HOST: the number of HOST's SNAT block on 192.0.2.10.
block_of() {
    world_nb get Host "$1" snat_blocks | sed -n 's/.*"192.0.2.10"=\([0-9]*\).*/\1/p'
}
# trace_wan PUBLIC PORT: gw1's trace of a TCP packet from the WAN.
trace_wan() {
    world_ctl gw1 trace wan0 "dl_dst=$(mac_of gw1 wan0),tcp,nw_src=$WAN_SRV,nw_dst=$1,tp_src=40000,tp_dst=$2"
}
# helper_of PUBLIC PORT: the host name of the flow's subset's helper.
helper_of() {
    local ip
    ip=$(trace_wan "$1" "$2" | sed -n 's/.*subset [0-9]* (helper \([0-9.]*\)).*/\1/p' | head -1)
    case $ip in
        192.168.100.1) echo h1 ;; 192.168.100.2) echo h2 ;; *) echo gw1 ;;
    esac
}
world_wait_for sh -c "[ -n \"\$($VPLANE_CTL --db=unix:$WORLD_DIR/db.sock get Host h2 snat_blocks | grep 192.0.2.10)\" ]" \
    || true
b1=$(block_of h1)
b2=$(block_of h2)
[ -n "$b1" ] && [ -n "$b2" ] || check_fail "h1 or h2 has no port block"
lo1=$((1024 + b1 * 1008)); hi1=$((lo1 + 1007))
lo2=$((1024 + b2 * 1008)); hi2=$((lo2 + 1007))
check_contains "$(trace_wan 192.0.2.11 7000)" "owner=192.168.100.1" "gw1 knows the floating IP's owner"

check_step "a host that is no gateway takes no notification"
# As an outside tester did: h1's address, random public ends (some of
# whose subsets h1 helps), then real ones; h2 looks no owner up.
before=$(handled h2)
refused=$(counter h2 notifies-refused)
forge h2 h1 --owner 192.168.100.1 --count 200 --seed 1
forge h2 h1 --owner 192.168.100.1 --public 192.0.2.10 --port "$lo1-$hi1" --count 50 --seed 2
forge h2 h1 --owner 192.168.100.1 --public 192.0.2.11 --count 50 --seed 3
wait_handled h2 $((before + 300))
check_eq "$(world_ctl h2 dump-owners | grep -c 'in=wan ')" 0 "h2's owner cache stays empty"
check_eq "$(counter h2 notifies-refused)" $((${refused:-0} + 300)) "h2 counts the notifications it refused"
check_contains "$(cat "$WORLD_DIR/h2.log")" "this host is no gateway" "h2 logs why"

check_step "a gateway takes only flows a NAT rule maps to the owner named"
before=$(handled gw1)
refused=$(counter gw1 notifies-refused)
for from in h1 h2; do
    # No NAT rule; the floating IP's owner is h1; h2's block is not h1's;
    # gw1 is no owner it asks about.
    forge gw1 "$from" --owner 192.168.100.1 --count 50 --seed 4
    forge gw1 "$from" --owner 192.168.100.2 --public 192.0.2.11 --count 50 --seed 5
    forge gw1 "$from" --owner 192.168.100.1 --public 192.0.2.10 --port "$lo2-$hi2" --count 50 --seed 6
    forge gw1 "$from" --owner 192.168.100.21 --public 192.0.2.11 --count 50 --seed 7
done
wait_handled gw1 $((before + 400))
check_eq "$(counter gw1 notifies-refused)" $((${refused:-0} + 400)) "gw1 refused them all"
check_eq "$(cached gw1)" 0 "gw1's owner cache stays empty"

check_step "a helper's notification of a flow a NAT rule maps is taken"
port=
for p in $(seq 7000 7100); do
    if [ "$(helper_of 192.0.2.11 "$p")" != gw1 ]; then port=$p; break; fi
done
[ -n "$port" ] || check_fail "no port of 192.0.2.11 whose helper is h1 or h2"
helper=$(helper_of 192.0.2.11 "$port")
notifies=$(counter gw1 notifies)
forge gw1 "$helper" --owner 192.168.100.1 --public 192.0.2.11 --port "$port" --count 1 --seed 8
world_wait_for sh -c "'$VPLANE_CTL' -t '$WORLD_DIR/gw1.ctl' dump-owners | grep -q 'public=192.0.2.11:$port owner=192.168.100.1 by=subset-notify'" \
    || check_fail "gw1 did not cache the owner its helper $helper notified: $(world_ctl gw1 dump-owners)"
check_eq "$(counter gw1 notifies)" $((notifies + 1)) "gw1 counts it"

check_step "a helper's notifications are taken at a bounded pace"
# SNAT replies to one port of h1's block (one subset, one helper): 20000
# well-formed notifications at once from that helper's address.
port=
for p in $(seq "$lo1" "$hi1"); do
    if [ "$(helper_of 192.0.2.10 "$p")" != gw1 ]; then port=$p; break; fi
done
[ -n "$port" ] || check_fail "no port of h1's block whose helper is h1 or h2"
helper=$(helper_of 192.0.2.10 "$port")
notifies=$(counter gw1 notifies)
limited=$(counter gw1 notifies-rate-limited)
size=$(cached gw1)
echo "  before: $size owners cached, vplaned RSS $(rss_of gw1)"
forge gw1 "$helper" --owner 192.168.100.1 --public 192.0.2.10 --port "$port" --count 20000 --seed 9
wait_settled gw1
taken=$(( $(counter gw1 notifies) - notifies ))
dropped=$(( $(counter gw1 notifies-rate-limited) - limited ))
echo "  after: $(cached gw1) owners cached, vplaned RSS $(rss_of gw1); $taken taken, $dropped rate-limited"
check_ge "$dropped" 1 "notifications beyond the helper's rate dropped"
check_eq "$(( $(cached gw1) - size ))" "$taken" "only those taken were cached"
check_contains "$(cat "$WORLD_DIR/gw1.log")" "per second: dropped" "gw1 logs the rate limit"

check_step "the refusals are in the JSON counters"
json=$(world_ctl gw1 dump-subsets --format=json)
check_contains "$json" '"notifies-refused":' "JSON counter"
check_contains "$json" '"notifies-rate-limited":' "JSON counter"
