#!/bin/bash
# A vplaned stopped with SIGTERM and started again at once, no pause in
# between, comes up and forwards: the new one waits for the old one's
# pidfile and UDP ports (VXLAN, owner messages) instead of failing, and the
# old one lets go of its ports before the kernel closes its VM ports (which
# takes about 12 ms each).  Five restarts in a row, some with two
# forwarding threads (SO_REUSEPORT), with a few VM ports attached.  A
# second vplaned beside a live one still fails: ports are never shared.
# One VM is named "a", which `ip link` reads as the keyword "address"
# unless world.sh says "dev a".
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping ss

world_init frquick
WORLD_NO_VPLANED=1 world_host h1 192.168.100.1
WORLD_NO_VPLANED=1 world_host h2 192.168.100.2
world_vm a h1 02:00:00:00:01:01 10.1.0.11/24
for i in 2 3 4; do
    world_vm "a$i" h1 "02:00:00:00:01:0$i" "10.1.0.1$i/24"
done
world_vm b h2 02:00:00:00:02:01 10.1.0.21/24
check_contains "$(ip -n "$(world_ns h1)" link show dev a)" "mtu 1450 " \
    "world_vm a: the host end of VM a"

# The tables come from files, so each new vplaned has them at start.
ports=$(printf '{"name": "a", "vnet": "web", "mac": "02:00:00:00:01:01", "ips": ["10.1.0.11"]}')
for i in 2 3 4; do
    ports+=$(printf ', {"name": "a%s", "vnet": "web", "mac": "02:00:00:00:01:0%s", "ips": ["10.1.0.1%s"]}' "$i" "$i" "$i")
done
vnets='"vnets": [{"name": "web", "vni": 5001, "tenant": "acme", "subnets": ["10.1.0.1/24"]}]'
cat >"$WORLD_DIR/h1.json" <<JSON
{$vnets, "ports": [$ports],
 "xlate": [{"vnet": "web", "mac": "02:00:00:00:02:01", "ip": "10.1.0.21",
            "vtep": "192.168.100.2"}]}
JSON
cat >"$WORLD_DIR/h2.json" <<JSON
{$vnets,
 "ports": [{"name": "b", "vnet": "web", "mac": "02:00:00:00:02:01", "ips": ["10.1.0.21"]}],
 "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:01", "ip": "10.1.0.11",
            "vtep": "192.168.100.1"}]}
JSON
world_start_vplaned h2 192.168.100.2 --tables="$WORLD_DIR/h2.json" \
    || check_fail "h2's vplaned did not start"
world_start_vplaned h1 192.168.100.1 --tables="$WORLD_DIR/h1.json" \
    || check_fail "h1's vplaned did not start"

# check_forwarding: a (on h1) and b (on h2) reach each other over VXLAN,
# once h1's ports are attached again.
check_forwarding() {
    world_wait_for world_exec a ping -c 1 -W 1 10.1.0.21 \
        || check_fail "$1: a cannot reach b"
    check_ping b 10.1.0.11
}

# check_ports_of PID: h1's VXLAN and owner-message ports are PID's, and
# no other process's.
check_ports_of() {
    local socks port
    socks=$(world_exec h1 ss -Hulnp)
    for port in 4789 4788; do
        check_contains "$(grep "192.168.100.1:$port " <<<"$socks")" "pid=$1," \
            "UDP port $port after restart $i"
        check_not_contains "$(grep "192.168.100.1:$port " <<<"$socks")" \
            "pid=$old," "UDP port $port after restart $i"
    done
}

check_step "before any restart"
check_forwarding "at start"

for i in 1 2 3 4 5; do
    threads=$(( i % 2 + 1 ))
    check_step "restart $i, no pause after SIGTERM (--threads=$threads)"
    old=$(cat "$WORLD_DIR/h1.pid")
    kill -TERM "$old"
    out=$(world_start_vplaned h1 192.168.100.1 --tables="$WORLD_DIR/h1.json" \
              --threads=$threads 2>&1) \
        || check_fail "restart $i: vplaned did not start: $out"
    new=$(cat "$WORLD_DIR/h1.pid")
    [ "$new" != "$old" ] || check_fail "restart $i: the pidfile still says $old"
    check_ports_of "$new"
    check_forwarding "restart $i"
done

check_step "a second vplaned beside a live one fails"
# Both with two threads: SO_REUSEPORT would let the second join the first
# one's sockets and take part of the traffic.  It waits for the port
# (up to 10 s) and gives up.
out=$(world_exec h1 "$VPLANED" -vconsole:warn --vtep=192.168.100.1 \
          --host-name=h1bis --threads=2 --unixctl="$WORLD_DIR/h1bis.ctl" \
          --pidfile="$WORLD_DIR/h1bis.pid" --log-file="$WORLD_DIR/h1bis.log" \
          --detach --no-chdir 2>&1) \
    && check_fail "a second vplaned started on h1's VTEP"
check_contains "$out" "VXLAN port 192.168.100.1:4789 is still in use" \
    "the second vplaned's error"
check_ports_of "$new"
check_forwarding "after the second vplaned"
echo PASS
