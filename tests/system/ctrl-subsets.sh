#!/bin/bash
# Query-subset assignment: with 3 hosts each holds a third (+-1) of the
# subsets; a fourth host takes about a quarter and nothing else moves; a
# host that goes away (past the grace period) gives up only its own.
# Every host gets the assignment.  (SNAT port blocks go only to hosts with
# VMs that need them: tests/system/stateful-snat-scale.sh.)
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root

world_init csub
world_controller || check_fail "controller did not start"
world_nb set-deployment subsets=64 grace-period=2
for i in 1 2 3 4; do
    world_nb host-add h$i 192.168.100.$i
done

# snapshot FILE: "SUBSET HOST" lines of the database's assignment.
snapshot() {
    local h s
    for h in h1 h2 h3 h4; do
        for s in $(subsets_of $h); do
            echo "$s $h"
        done
    done | LC_ALL=C sort >"$1"
}

# held HOST FILE
held() { awk -v h="$1" '$2 == h' "$2" | wc -l; }

# wait_held HOST N: up to 20 s for HOST to hold N subsets.
wait_held() {
    local i
    for i in $(seq 200); do
        [ "$(subsets_of "$1" | wc -l)" -eq "$2" ] && return 0
        sleep 0.1
    done
    check_fail "$1 holds $(subsets_of "$1" | wc -l) subsets, not $2"
}

# check_complete FILE: every subset 0..63 has exactly one host.
check_complete() {
    check_eq "$(awk '{print $1}' "$1" | sort -n | uniq | wc -l)" 64 "distinct subsets assigned"
    check_eq "$(wc -l <"$1")" 64 "assignments (no subset twice)"
}

check_step "three hosts: a third each"
for i in 1 2 3; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
# Hosts joining together get one assignment, up to 500 ms after the
# first of them (docs/controller.md): wait for it.
for i in $(seq 200); do
    snapshot "$WORLD_DIR/a3"
    [ "$(wc -l <"$WORLD_DIR/a3")" -eq 64 ] \
        && [ "$(held h1 "$WORLD_DIR/a3")" -ge 21 ] \
        && [ "$(held h2 "$WORLD_DIR/a3")" -ge 21 ] \
        && [ "$(held h3 "$WORLD_DIR/a3")" -ge 21 ] && break
    sleep 0.1
done
wait_synced h1 h2 h3
check_complete "$WORLD_DIR/a3"
for h in h1 h2 h3; do
    n=$(held $h "$WORLD_DIR/a3")
    [ "$n" -ge 21 ] && [ "$n" -le 22 ] || check_fail "$h holds $n of 64 with 3 hosts"
    echo "   $h: $n"
done

check_step "every host has the assignment"
for h in h1 h2 h3; do
    out=$(world_ctl $h subsets/dump)
    for o in h1 h2 h3; do
        n=$(held $o "$WORLD_DIR/a3")
        check_contains "$out" "$(printf '%-16s' "$o$([ $o = $h ] && echo ' *')") 192.168.100.${o#h}" "$h: subsets/dump row of $o"
        line=$(echo "$out" | awk -v o=$o '$1 == o')
        check_contains "$line" " $n " "$h: $o's count in subsets/dump"
        check_contains "$line" "$(printf '%-7s %7s' no "$n")" "$h: $o's row in subsets/dump"
    done
done

check_step "a fourth host takes a quarter, nothing else moves"
world_host h4 192.168.100.4 --controller="$WORLD_CTRL"
wait_held h4 16
wait_synced h1 h2 h3 h4
snapshot "$WORLD_DIR/a4"
check_complete "$WORLD_DIR/a4"
moved=$(LC_ALL=C join "$WORLD_DIR/a3" "$WORLD_DIR/a4" | awk '$2 != $3' | wc -l)
check_eq "$moved" 16 "subsets that changed hands"
for h in h1 h2 h3; do
    gained=$(LC_ALL=C join "$WORLD_DIR/a3" "$WORLD_DIR/a4" | awk -v h=$h '$3 == h && $2 != h' | wc -l)
    check_eq "$gained" 0 "subsets $h gained"
    check_eq "$(held $h "$WORLD_DIR/a4")" 16 "$h's share of 4"
done

check_step "a host that goes away: within the grace period nothing moves"
world_stop_vplaned h2
sleep 0.5
snapshot "$WORLD_DIR/a4b"
check_eq "$(diff "$WORLD_DIR/a4" "$WORLD_DIR/a4b" && echo same)" same "assignment within the grace period"

check_step "past the grace period only its subsets move"
wait_held h2 0
snapshot "$WORLD_DIR/a5"
check_complete "$WORLD_DIR/a5"
moved=$(LC_ALL=C join "$WORLD_DIR/a4" "$WORLD_DIR/a5" | awk '$2 != $3' | wc -l)
check_eq "$moved" 16 "subsets that changed hands"
moved_other=$(LC_ALL=C join "$WORLD_DIR/a4" "$WORLD_DIR/a5" | awk '$2 != $3 && $2 != "h2"' | wc -l)
check_eq "$moved_other" 0 "subsets of the remaining hosts that moved"
for h in h1 h3 h4; do
    n=$(held $h "$WORLD_DIR/a5")
    [ "$n" -ge 21 ] && [ "$n" -le 22 ] || check_fail "$h holds $n of 64 with 3 hosts"
done
wait_synced h1 h3 h4
out=$(world_ctl h1 subsets/dump)
check_contains "$(echo "$out" | awk '$1 == "h2"')" " 0 " "h1 sees h2 holding nothing"

check_step "the subset count is a setting"
world_nb set-deployment subsets=12
wait_held h1 4
wait_synced h1 h3 h4
check_contains "$(world_ctl h3 subsets/dump)" "12 query subsets" "h3: new count"

check_step "a deleted host leaves every host's list, a new one joins it"
world_nb host-del h2
world_nb host-add h5 192.168.100.5
wait_synced h1 h3 h4
out=$(world_ctl h1 subsets/dump)
check_eq "$(echo "$out" | awk '$1 == "h2"')" "" "h1 no longer lists h2"
check_contains "$(echo "$out" | awk '$1 == "h5"')" "192.168.100.5" "h1 lists h5"

for h in h1 h3 h4; do
    check_contains "$(world_ctl $h controller/show)" "refused 0," "$h took every change"
done
echo "PASS"
