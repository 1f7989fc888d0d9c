#!/bin/bash
# The central view: every vplaned reports its counters to the controller
# (--stats-interval); after a traffic run the controller's per-VNet packet
# counts are the sums of the hosts' own counts, in text and JSON alike.
# ctrl/lagging names the hosts whose state is not the desired one.  A
# report that does not check out is refused and changes nothing.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"

world_init cstats
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 -- host-add h9 192.168.100.9
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24 -- vnet-add db 5002 acme 10.2.0.1/24
for i in 1 2; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL" --stats-interval=1
done
world_vm v1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm v2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_vm d1 h1 02:00:00:00:02:01 10.2.0.11/24 10.2.0.1
world_vm d2 h2 02:00:00:00:02:02 10.2.0.12/24 10.2.0.1
world_ctl h1 port/add v1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add v2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
world_ctl h1 port/add d1 db 02:00:00:00:02:01 10.2.0.11 >/dev/null
world_ctl h2 port/add d2 db 02:00:00:00:02:02 10.2.0.12 >/dev/null
wait_synced h1 h2

check_step "traffic in both VNets"
world_exec v1 ping -q -c 30 -i 0.02 10.1.0.12 >/dev/null || check_fail "ping web"
world_exec d1 ping -q -c 10 -i 0.02 10.2.0.12 >/dev/null || check_fail "ping db"

# host_sum VNET FIELD: the hosts' own counts of their ports in VNET
# (port/list: RX_PKTS is field 7, TX_PKTS field 9).
host_sum() {
    local h sum=0 n
    for h in h1 h2; do
        n=$(world_ctl $h port/list | awk -v v="$1" -v f="$2" '$3 == v { s += $f } END { print s + 0 }')
        sum=$((sum + n))
    done
    echo $sum
}
ctrl_total() {     # ctrl_total VNET KEY: the controller's per-VNet total
    world_ctrl ctrl/stats --format=json | "$PYTHON" -c '
import json, sys
d = json.load(sys.stdin)
print(sum(v[sys.argv[2]] for v in d["vnets"] if v["name"] == sys.argv[1]))' "$1" "$2"
}

check_step "the controller's per-VNet counts are the sums of the hosts'"
# Equal once a report has come after the last packet (every second).
for i in $(seq 50); do
    ok=1
    for v in web db; do
        [ "$(ctrl_total $v rx-packets)" = "$(host_sum $v 7)" ] || ok=
        [ "$(ctrl_total $v tx-packets)" = "$(host_sum $v 9)" ] || ok=
    done
    [ -n "$ok" ] && break
    sleep 0.2
done
for v in web db; do
    check_eq "$(ctrl_total $v rx-packets)" "$(host_sum $v 7)" "$v received, controller vs hosts"
    check_eq "$(ctrl_total $v tx-packets)" "$(host_sum $v 9)" "$v sent, controller vs hosts"
done
check_ge "$(ctrl_total web rx-packets)" 60 "web packets counted (30 requests, 30 replies)"
# Within a VNet, what its VMs sent is nearly what its VMs got (vplaned
# answers some ARP itself), and both are the pings plus a few ARP: a host
# counted twice, or missing, would be far off.
for v in "web 60" "db 20"; do
    set -- $v
    rx=$(ctrl_total $1 rx-packets) tx=$(ctrl_total $1 tx-packets)
    check_ge "$rx" "$2" "$1 received"
    check_ge "$(($2 + 12))" "$rx" "$1 received, at most the pings and a few ARP"
    check_ge 4 "$(( rx > tx ? rx - tx : tx - rx ))" "$1 sent vs received ($tx vs $rx)"
done
check_eq "$(world_ctrl ctrl/stats --format=json | "$PYTHON" -c '
import json, sys
print([v["hosts"] for v in json.load(sys.stdin)["vnets"]])')" "[2, 2]" "hosts per VNet"
check_ge "$(ctrl_total db rx-packets)" 20 "db packets counted"

check_step "text and JSON hold the same rows; filters"
text=$(world_ctrl ctrl/stats)
echo "$text" | sed 's/^/   /'
json=$(world_ctrl ctrl/stats --format=json)
rows_json=$(echo "$json" | "$PYTHON" -c '
import json, sys
d = json.load(sys.stdin)
for h in d["hosts"]:
    for v in h["vnets"]:
        print(h["host"], v["name"], v["rx-packets"], v["tx-packets"])
    print(h["host"], "(fabric)", h["fabric"]["rx-packets"], h["fabric"]["tx-packets"])
for v in d["vnets"]:
    print(v["name"], v["hosts"], v["rx-packets"], v["tx-packets"])')
rows_text=$(echo "$text" | awk 'NF == 8 && $1 != "HOST" && $1 != "VNET" { print $1, $3, $4, $6 }
                                NF == 7 && $1 != "VNET" { print $1, $2, $3, $5 }')
check_eq "$rows_text" "$rows_json" "rows of ctrl/stats, text vs JSON"
check_not_contains "$(world_ctrl ctrl/stats h1)" "h2 " "ctrl/stats h1"
check_not_contains "$(world_ctrl ctrl/stats h1)" "HOSTS" "ctrl/stats h1: no totals"
check_not_contains "$(world_ctrl ctrl/stats web)" " db " "ctrl/stats web"

check_step "a fake host's reports: the bad ones refused"
"$PYTHON" - "$WORLD_DIR/ctrl.sock" >"$WORLD_DIR/fake.out" 2>&1 <<'PY' || check_fail "fake host: $(cat "$WORLD_DIR/fake.out")"
import json, socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
def send(m):
    s.sendall(json.dumps(m).encode())
send({"method": "vplane.1.hello", "id": 1,
      "params": [{"host": "h9", "vtep": "192.168.100.9", "version": "x", "protocol": 1}]})
time.sleep(0.5)
c = {"rx-packets": 7, "rx-bytes": 700, "tx-packets": 7, "tx-bytes": 700, "drops": 0}
good = {"vnets": [dict(c, name="web")], "fabric": c, "drops": {"firewall": 1}}
def stats(p):
    send({"method": "vplane.1.stats", "params": [p], "id": None})
stats(good)
bad_ones = [dict(good, vnets=[dict(c, name="we b")]),
            dict(good, vnets=[{"name": "web", "rx-packets": -1}]),
            dict(good, vnets=[dict(c, name="web"), dict(c, name="web")]),
            dict(good, fabric="x"),
            {"vnets": "web"}] * 4      # 20: more than closes a session
for b in bad_ones:
    stats(b)
time.sleep(1)
PY
out=$(world_ctrl ctrl/stats h9)
check_contains "$out" "h9" "the good report kept"
check_eq "$(world_ctrl ctrl/stats --format=json h9 | "$PYTHON" -c '
import json, sys
d = json.load(sys.stdin)
print([(v["name"], v["rx-packets"]) for h in d["hosts"] for v in h["vnets"]])')" \
    "[('web', 7)]" "h9's report is the good one"
check_ge "$(grep -c 'stats report ignored' "$WORLD_DIR/ctrl.log")" 1 "bad reports logged"
check_eq "$(world_ctrl coverage/show | awk '$1 == "sb_bad_stats" { print $NF }')" 20 \
    "bad reports counted"
check_not_contains "$(cat "$WORLD_DIR/ctrl.log")" "too many bad messages" \
    "bad reports do not close the session"

check_step "ctrl/lagging"
world_nb host-del h9 >/dev/null 2>&1 || true
# The controller hears of h9's going from the database a moment after the
# delete returns, and the hosts then acknowledge it: until both, h9 or a
# host may still lag.
for i in $(seq 100); do
    [ "$(world_ctrl ctrl/lagging)" = "every host has the desired state" ] && break
    sleep 0.1
done
out=$(world_ctrl ctrl/lagging)
check_eq "$out" "every host has the desired state" "nothing lags"
world_stop_vplaned h2
for i in $(seq 50); do
    world_ctrl ctrl/lagging | grep -q '^h2 .*not connected' && break
    sleep 0.1
done
out=$(world_ctrl ctrl/lagging)
check_contains "$out" "not connected" "a stopped host lags"
check_not_contains "$out" "h1 " "h1 does not"
echo PASS
