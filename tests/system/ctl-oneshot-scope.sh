#!/bin/bash
# A one-shot vplane-ctl loads only the parts of the database its command's
# checks read (utilities/nbctl-scope.h), yet refuses what the whole load
# refuses.  A database with 1,200 ports of other tenants and hosts:
#   - port-add, port-del and vnet-add load a few rows, not all (the trace of
#     VPLANE_CTL_SCOPE=trace counts them);
#   - each refusal whose rule compares rows of different parts still
#     happens (an address held by a port on another host of the VNet, an
#     interface name taken on the host by another tenant's port, a VNI of
#     another tenant, a VTEP that is a host's, overlapping subnets, ...);
#   - a random sequence of commands run on two copies of one database,
#     scoped on one, with the whole database loaded on the other, gives the
#     same outcome each time (VERIFY_SEED replays one).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init csone
bin=$(world_ovsdb_bin) || check_fail "no ovsdb-server"
start_db() {
    "$bin/ovsdb-tool" create "$WORLD_DIR/$1.db" "$VPLANE_SCHEMA" \
        || check_fail "ovsdb-tool create"
    "$bin/ovsdb-server" "$WORLD_DIR/$1.db" \
        --remote="punix:$WORLD_DIR/$1.sock" --unixctl="$WORLD_DIR/$1.ctl" \
        --pidfile="$WORLD_DIR/$1.pid" -vconsole:off \
        --log-file="$WORLD_DIR/$1.log" --detach --no-chdir \
        || check_fail "ovsdb-server $1"
}
start_db main
start_db rnd
start_db full
DB=unix:$WORLD_DIR/main.sock
nb() { "$VPLANE_CTL" --timeout=60 --db="$DB" "$@"; }

check_step "a database of 1,200 ports of other tenants (bulk-loaded)"
nb set-deployment subsets=64 >/dev/null || check_fail "set-deployment"
"$PYTHON" - "$WORLD_DIR/main.sock" <<'PY' || check_fail "bulk load"
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
ops = [{"op": "insert", "table": "Host", "uuid-name": "h%d" % h,
        "row": {"name": "bulk%d" % h, "vtep": "192.168.9.%d" % (h + 1)}}
       for h in range(4)]
for t in range(12):
    ops.append({"op": "insert", "table": "Tenant", "uuid-name": "t%d" % t,
                "row": {"name": "bulk%d" % t}})
    ops.append({"op": "insert", "table": "VNet", "uuid-name": "v%d" % t,
                "row": {"name": "bulk%d" % t, "vni": 1000 + t,
                        "tenant": ["named-uuid", "t%d" % t],
                        "subnets": "10.1.0.1/16"}})
    for i in range(100):
        ops.append({"op": "insert", "table": "Port", "row": {
            "vnet": ["named-uuid", "v%d" % t],
            "mac": "02:bb:00:00:%02x:%02x" % (t, i),
            "ips": "10.1.%d.%d" % (i // 200, i % 200 + 10),
            "host": ["named-uuid", "h%d" % (i % 4)],
            "name": "b%d" % (t * 100 + i)}})
s.sendall(json.dumps({"method": "transact", "params": ["VPlane"] + ops,
                      "id": 1}).encode())
buf, dec = "", json.JSONDecoder()
while True:
    buf += s.recv(1 << 20).decode()
    try:
        msg, _ = dec.raw_decode(buf)
        break
    except ValueError:
        pass
sys.exit(any(r is None or "error" in r for r in msg["result"]))
PY
nb tenant-add ta -- tenant-add tb || check_fail "tenants"
nb vnet-add ta-v1 1 ta 10.1.0.1/24 -- vnet-add ta-v2 2 ta 10.2.0.1/24 \
   -- vnet-add tb-v 3 tb 10.1.0.1/24 || check_fail "VNets"
nb host-add h1 192.168.0.1 -- host-add h2 192.168.0.2 \
   -- host-add h3 192.168.0.3 || check_fail "hosts"
nb port-add ta-v1 02:00:00:00:0a:01 10.1.0.5 host=h2 iface=a1 \
    || check_fail "first port"
nb port-add tb-v 02:00:00:00:0b:01 10.1.0.6 host=h1 iface=x1 \
    || check_fail "tb's port"

check_step "port-add, port-del, vnet-add load a few rows, not every port"
rows() {   # COMMAND...: the number of ports the scoped load held.
    VPLANE_CTL_SCOPE=trace nb "$@" 2>&1 >/dev/null \
        | sed -n 's/.*scope: .* Port \([0-9]*\) .*/\1/p'
}
few() {   # N WHAT: (the trace may count the port just written.)
    [ -n "$1" ] && [ "$1" -le 3 ] || check_fail "$2: ${1:-no trace} ports"
}
few "$(rows port-add ta-v1 02:00:00:00:0a:02 10.1.0.7 host=h3 iface=a2)" \
    "ports loaded for a port-add"
few "$(rows port-del ta-v1 02:00:00:00:0a:02)" "ports loaded for a port-del"
few "$(rows vnet-add ta-v3 4 ta 10.3.0.1/24)" "ports loaded for a vnet-add"
n=$(rows port-add bulk3 02:00:00:00:0c:01 host=bulk1 iface=c1)
check_ge "${n:-0}" 300 "ports of the VNet and of the host"
[ "$n" -lt 1200 ] || check_fail "every port loaded ($n)"

check_step "refusals that compare rows of other parts still happen"
refused() {   # PATTERN COMMAND...
    local pattern=$1 out; shift
    out=$(nb "$@" 2>&1) && check_fail "went in: $*"
    check_contains "$out" "$pattern" "$*"
}
refused "10.1.0.5 is already port 02:00:00:00:0a:01's" \
    port-add ta-v1 02:00:00:00:0a:03 10.1.0.5 host=h1 iface=a3
refused 'iface: "x1" on host "h1" is also port 02:00:00:00:0b:01' \
    port-add ta-v2 02:00:00:00:0a:04 host=h1 iface=x1
refused 'iface: "x1" on host "h1" is also port 02:00:00:00:0b:01' \
    --may-exist port-add ta-v1 02:00:00:00:0a:01 host=h1 iface=x1
refused 'iface: "b1" on host "bulk1" is also port 02:bb:00:00:00:01' \
    port-add ta-v2 02:00:00:00:0a:05 host=bulk1 iface=b1
refused 'vtep: 192.168.0.3 is host "h3"' \
    port-add ta-v2 02:00:00:00:0a:06 vtep=192.168.0.3
refused 'vni: 3 is in use by VNet "tb-v"' vnet-add ta-v4 3 ta
refused 'vni: 1005 is in use by VNet "bulk5"' vnet-add ta-v4 1005 ta
refused 'overlaps 10.1.0.1/24 of VNet "ta-v1"' \
    vnet-add ta-v4 5 ta 10.1.0.1/16
refused 'overlaps 10.1.0.1/24 of VNet "ta-v1"' \
    subnet-add ta-v2 10.1.0.129/25
refused 'no VNet named "nosuch"' port-add nosuch 02:00:00:00:0a:07
refused 'no host named "nosuch"' \
    port-add ta-v1 02:00:00:00:0a:07 host=nosuch
refused 'no tenant named "nosuch"' vnet-add ta-v4 5 nosuch
refused '"ta-v1" still has 1 ports' vnet-del ta-v1
refused 'VNet "ta-v1" has no port 02:00:00:00:0a:09' \
    port-del ta-v1 02:00:00:00:0a:09
refused 'vnet: "ta-v1" exists' vnet-add ta-v1 1 ta
nb port-add ta-v1 02:00:00:00:0a:08 10.1.0.6 host=h1 iface=a8 \
    || check_fail "tb's address in ta"
nb port-del ta-v1 02:00:00:00:0a:08 || check_fail "port-del"

check_step "random commands: scoped and whole loads agree"
seed=${VERIFY_SEED:-$RANDOM}
"$PYTHON" - "$seed" "$VPLANE_CTL" "unix:$WORLD_DIR/rnd.sock" \
    "unix:$WORLD_DIR/full.sock" \
    <<'PY' || check_fail "seed $seed"
import os, random, subprocess, sys

seed, ctl, main, full = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rnd = random.Random(seed)
tenants, hosts = ["ta", "tb", "tc"], ["h1", "h2", "h3", "h4"]
env_full = dict(os.environ, VPLANE_CTL_SCOPE="full")

def run(db, env, args):
    return subprocess.run([ctl, "--timeout=60", "--db=" + db] + args,
                          capture_output=True, text=True, env=env)

def one():
    t, h = rnd.choice(tenants), rnd.choice(hosts)
    v = "%s-v%d" % (rnd.choice(tenants), rnd.randint(1, 3))
    ip = "10.%d.0.%d" % (rnd.randint(1, 2), rnd.choice([1, 5, 6, 7, 255]))
    mac = "02:00:00:00:00:%02x" % rnd.randint(1, 6)
    c = rnd.randint(0, 11)
    if c <= 3:
        args = ((["--may-exist"] if rnd.random() < .3 else []) + ["port-add"])
        args += [v, mac] + [ip] * rnd.randint(0, 1)
        r = rnd.random()
        if r < .6:
            args += ["host=" + h, "iface=p%d" % rnd.randint(1, 3)]
        elif r < .8:
            args += ["vtep=192.168.0.%d" % rnd.randint(1, 6)]
        return args
    if c == 4:
        return ["port-del", v, mac]
    if c in (5, 6):
        return ["vnet-add", v, str(rnd.randint(1, 9)), t,
                rnd.choice(["10.1.0.1/24", "10.1.0.1/16", "10.2.0.1/24"])]
    if c == 7:
        return ["vnet-del", v]
    if c == 8:
        return [rnd.choice(["subnet-add", "subnet-del"]), v,
                rnd.choice(["10.1.0.1/24", "10.2.0.129/25"])]
    if c == 9:
        return ["route-add", t, "10.50.0.0/16", ip]
    if c == 10:
        return ["host-add", h, "192.168.0.%d" % rnd.randint(1, 5)]
    return ["nat-add", t, "floating-ip", "192.168.0.%d" % rnd.randint(1, 8),
            ip]

start = []
for n, t in enumerate(tenants):
    start.append(["tenant-add", t, "--", "vnet-add", t + "-v1", str(n + 1), t,
                  "10.1.0.1/24"])
start += [["host-add", h, "192.168.0.%d" % (n + 1)]
          for n, h in enumerate(hosts[:3])]
agreed = {0: 0, 1: 0}
for step, args in enumerate(start + [one() for _ in range(200)]):
    a, b = run(main, os.environ, args), run(full, env_full, args)
    if a.returncode != b.returncode or a.returncode not in (0, 1):
        print("step %d: %s\nscoped: %d %s\nwhole: %d %s"
              % (step, " ".join(args), a.returncode, a.stderr,
                 b.returncode, b.stderr))
        sys.exit(1)
    agreed[a.returncode] += 1
print("%d committed, %d refused, the same in both" % (agreed[0], agreed[1]))
sys.exit(0 if agreed[0] >= 15 and agreed[1] >= 15 else 1)
PY
echo PASS
