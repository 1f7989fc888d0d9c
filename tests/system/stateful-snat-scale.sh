#!/bin/bash
# SNAT port blocks beyond 64 hosts (docs/stateful-flows.md, "Source NAT
# ports"): 100 simulated hosts in the database each have a VM port of a
# tenant with SNAT, and each gets its own block of the SNAT address; a real
# host added after them gets one too, and its VM's connections to a WAN
# server work.  Then blocks four times larger leave too few for everyone:
# the controller says so (log, counter, ctrl/hosts), the real host drops its
# VM's new SNAT connections as snat-no-block, and once simulated hosts lose
# their ports their blocks come back after the grace period and the real
# host's VM reaches the WAN again.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
. "$(dirname "$0")/../lib/wan.sh"
check_require_root
check_require_tools "$PYTHON"

N_SIM=100
world_init snscale
world_controller || check_fail "controller did not start"
world_nb set-deployment grace-period=1
world_nb tenant-add acme external-access=true -- vnet-add web 5001 acme 10.1.0.1/24 \
    -- vnet-add bulk 5002 acme 10.2.0.1/24
world_nb nat-add acme snat 192.0.2.10

check_step "$N_SIM simulated hosts with a VM port of a SNAT tenant each get a block"
args=()
for i in $(seq $N_SIM); do
    s=$(printf 'sim%03d' "$i")
    args+=(-- host-add "$s" "192.168.101.$i")
    args+=(-- port-add bulk "$(printf '02:00:00:00:02:%02x' "$i")" "10.2.0.$((i + 10))" host="$s")
done
world_nb "${args[@]:1}"
have() { [ "$(world_nb --format=csv --no-headings --columns=snat_blocks list Host | grep -c '192.0.2.10')" -ge "$1" ]; }
world_wait_for have $N_SIM || check_fail "not every simulated host got a SNAT block: $(world_nb host-list | tail -3)"
n_distinct=$(world_nb --format=csv --no-headings --columns=snat_blocks list Host | sort -u | grep -c '192.0.2.10')
check_eq "$n_distinct" $N_SIM "distinct SNAT blocks"

check_step "a real host added after them gets a block, and its VM reaches the WAN"
# shellcheck disable=SC2046
world_nb host-add h1 192.168.100.1 -- host-add gw1 192.168.100.21 $(wan_uplink_args 0)
for h in h1:1 gw1:21; do
    world_host "${h%:*}" "192.168.100.${h#*:}" --controller="$WORLD_CTRL"
done
wan_router gw1
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
wait_synced h1 gw1
world_bg srv "$PYTHON" "$WORLD_LIB/conn-tool.py" serve --port 80
wan_wait_router gw1 || check_fail "gw1 does not know the WAN router"
h1_has() { world_ctrl ctrl/hosts | grep -q "^h1 .* 192\.0\.2\.10:"; }
world_wait_for h1_has || check_fail "h1 has no SNAT block: $(world_ctrl ctrl/hosts | grep '^h1 ')"
wait_synced h1 gw1
conn_ok vm1 "$WAN_SRV" 80 --count 5 --bytes 2000 --timeout 10
check_contains "$(world_ctl h1 dump-subsets | grep '^h1 \*')" "192.0.2.10:" "h1 knows its own block"
check_eq "$(world_ctrl ctrl/hosts | grep -c 'pool exhausted')" 0 "no host without a block"

check_step "blocks of 1008 ports: 64 per address, too few: said, and dropped by name"
world_nb set-deployment snat-block-size=1008
h1_none() { world_ctrl ctrl/hosts | grep -q "^h1 .*none: pool exhausted"; }
world_wait_for h1_none || check_fail "h1 not shown without a block: $(world_ctrl ctrl/hosts | grep '^h1 ')"
out=$(world_ctrl ctrl/hosts)
check_contains "$out" "hosts need an SNAT port block and have none: pool exhausted" "ctrl/hosts counts them"
check_eq "$(grep -c '192\.0\.2\.10:' <<<"$out")" 64 "hosts with a block"
check_contains "$(cat "$WORLD_DIR/ctrl.log")" "host h1: no SNAT block: pool exhausted" "the controller's log"
# (The counters' totals are brought up to date once a second.)
exhausted() { world_ctrl coverage/show | awk '$1 == "ctrl_snat_pool_exhausted" { n = $NF } END { print n + 0 }'; }
counted() { [ "$(exhausted)" -ge 1 ]; }
world_wait_for counted
check_ge "$(exhausted)" 1 "ctrl_snat_pool_exhausted"
wait_synced h1
conn_refused vm1 "$WAN_SRV" 80 --count 1
check_ge "$(drop_count h1 vm1 snat-no-block)" 1 "h1's snat-no-block drops"

check_step "blocks of idle hosts come back after the grace period"
args=()
for i in $(seq 40); do
    args+=(-- port-del bulk "$(printf '02:00:00:00:02:%02x' "$i")")
done
world_nb "${args[@]:1}"
world_wait_for h1_has || check_fail "h1 got no block back: $(world_ctrl ctrl/hosts | grep '^h1 ')"
check_contains "$(cat "$WORLD_DIR/ctrl.log")" "taken back (idle)" "the controller's log"
wait_synced h1
conn_ok vm1 "$WAN_SRV" 80 --count 3 --bytes 2000 --timeout 10
check_eq "$(world_ctrl ctrl/hosts | grep -c 'none: pool exhausted')" 0 "no host without a block"
echo "PASS"
