#!/bin/bash
# Two vplane-ctrl on one database: the one holding the database lock
# serves, the other waits without listening.  Hosts list both
# (--controller=A,B).  The active one is killed with SIGKILL while VMs on
# two hosts ping each other: the standby takes the lock and starts
# listening, every host moves to it and takes its snapshot, the ping loses
# nothing (forwarding goes on without a controller), and a change made
# right after reaches every host.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping

world_init fofail
world_controller || check_fail "controller did not start"
world_standby_ctrl || check_fail "second controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/16
ctrl1=$WORLD_CTRL ctrl2=tcp:$WORLD_CTRL2_IP:6653

# is_active NAME: whether controller NAME holds the lock and serves.
is_active() { world_ctrl_at "$1" ctrl/hosts | grep -q '^HOST'; }

check_step "the second controller waits: no lock, not listening"
world_wait_for is_active ctrl || check_fail "ctrl is not active"
check_contains "$(world_ctrl_at ctrl2 ctrl/hosts)" "standby" "ctrl2 ctrl/hosts"
check_not_contains "$(world_exec ctrl2 ss -ltn)" ":6653" "ctrl2's listeners"

# h1 lists the standby first, so it has to move on to find the active one.
world_host h1 192.168.100.1 --controller="$ctrl2,$ctrl1"
world_host h2 192.168.100.2 --controller="$ctrl1" --controller="$ctrl2"
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/16 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/16 10.1.0.1
for i in 1 2; do
    world_ctl h$i port/add vm$i web 02:00:00:00:01:0$i 10.1.0.1$i >/dev/null
done
wait_synced h1 h2
for h in h1 h2; do
    show=$(world_ctl $h controller/show)
    check_contains "$show" "controller $ctrl1: in sync" "$h's controller"
    check_contains "$show" "other controllers (tried in turn if this one fails): $ctrl2" \
        "$h's other controller"
done
check_contains "$(world_ctl h1 show --format=json)" "\"remotes\":[\"$ctrl2\",\"$ctrl1\"]" \
    "h1's remotes in show --format=json"
check_ping vm1 10.1.0.12

check_step "SIGKILL the active controller during a ping"
world_bg vm1 ping -i 0.02 -c 500 -W 1 10.1.0.12 >"$WORLD_DIR/ping.out" 2>&1
ping_pid=$WORLD_BG_PID
sleep 1
kill -9 "$(cat "$WORLD_DIR/ctrl.pid")"
rm -f "$WORLD_DIR/ctrl.pid"

check_step "the standby takes over and every host moves to it"
WORLD_CTRL_NAME=ctrl2
world_wait_for is_active ctrl2 || check_fail "ctrl2 did not take over"
check_contains "$(world_exec ctrl2 ss -ltn)" "$WORLD_CTRL2_IP:6653" "ctrl2's listener"
wait_synced h1 h2
for h in h1 h2; do
    show=$(world_ctl $h controller/show)
    check_contains "$show" "controller $ctrl2: in sync" "$h's controller after the kill"
    check_contains "$show" "other controllers (tried in turn if this one fails): $ctrl1" \
        "$h's other controller after the kill"
done

check_step "a change right after reaches every host"
world_nb port-add web 02:cc:00:00:00:01 10.1.250.1 vtep=192.168.100.77
wait_synced h1 h2
for h in h1 h2; do
    check_contains "$(world_ctl $h xlate/dump web | grep 02:cc:00:00:00:01)" \
        192.168.100.77 "$h: the change made after the failover"
done

check_step "the ping lost nothing"
wait $ping_pid
check_contains "$(cat "$WORLD_DIR/ping.out")" \
    "500 packets transmitted, 500 received, 0% packet loss" \
    "ping vm1 -> vm2 through the failover"
check_ping vm2 10.1.0.11
echo "PASS"
