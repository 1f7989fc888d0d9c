#!/bin/bash
# bench-ctl-scale.sh: what one vplane-ctl database command costs against
# a big database (docs/performance.md, "vplane-ctl at scale").  Starts a
# private ovsdb-server on a unix socket in a temporary directory, loads
# PORTS ports (tenants of 10 VNets of 100 ports, 2000 ports a host) with
# JSON-RPC transactions in chunks (ovsdb-client's command line cannot hold
# them), then times RUNS port-adds and RUNS read-only commands (which cost
# only the loading of the database) and prints the medians, then RUNS
# port-adds through a vplane-ctl --detach daemon if the vplane-ctl has it.
# One-shot port-adds load only the parts they touch; RUNS more with
# VPLANE_CTL_SCOPE=full give the whole-database figure beside them.
# Measures;
# asserts nothing.
#
#   utilities/bench-ctl-scale.sh [PORTS [RUNS]]
#   VPLANE_CTL=/path/to/other/vplane-ctl utilities/bench-ctl-scale.sh
set -e
ports=${1:-10000}
runs=${2:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
ctl=${VPLANE_CTL:-$top/utilities/vplane-ctl}
bin=
for b in "${OVS_BUILDDIR:-}/ovsdb" /var/cache/vplane/ovs-*/build/ovsdb; do
    [ -x "$b/ovsdb-server" ] && { bin=$b; break; }
done
[ -n "$bin" ] || { echo "no ovsdb-server (set OVS_BUILDDIR)" >&2; exit 1; }
dir=$(mktemp -d /tmp/bench-ctl.XXXXXX)
trap 'kill $(cat "$dir/ovsdb.pid" 2>/dev/null) 2>/dev/null; rm -rf "$dir"' EXIT
"$bin/ovsdb-tool" create "$dir/vplane.db" "$top/ctrl/vplane.ovsschema"
"$bin/ovsdb-server" "$dir/vplane.db" --remote="punix:$dir/db.sock" \
    --unixctl="$dir/ovsdb.ctl" --pidfile="$dir/ovsdb.pid" -vconsole:off \
    --log-file="$dir/ovsdb.log" --detach --no-chdir
db=unix:$dir/db.sock
"$ctl" --db="$db" set-deployment subsets=64 >/dev/null

python3 - "$dir/db.sock" "$ports" <<'PY'
import json, socket, sys

path, n = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_UNIX)
s.connect(path)
dec = json.JSONDecoder()
buf = ""
seq = 0

def transact(ops):
    global buf, seq
    seq += 1
    s.sendall(json.dumps({"method": "transact", "params": ["VPlane"] + ops,
                          "id": seq}).encode())
    while True:
        try:
            msg, end = dec.raw_decode(buf)
        except ValueError:
            buf += s.recv(1 << 20).decode()
            continue
        buf = buf[end:].lstrip()
        if msg.get("id") == seq:
            break
    for r in msg["result"]:
        if r is None or "error" in r:
            sys.exit("transaction failed: %s" % msg["result"])
    return msg["result"]

n_hosts = max(1, (n + 1999) // 2000)
transact([{"op": "insert", "table": "Host",
           "row": {"name": "h%d" % h, "vtep": "192.168.%d.%d"
                   % (h // 250, h % 250 + 1)}, "uuid-name": "h%d" % h}
          for h in range(n_hosts)])
hosts = {r["name"]: r["_uuid"][1] for r in transact(
    [{"op": "select", "table": "Host", "where": [],
      "columns": ["_uuid", "name"]}])[0]["rows"]}
vnets = (n + 99) // 100
for t in range((vnets + 9) // 10):
    ops = [{"op": "insert", "table": "Tenant", "row": {"name": "t%d" % t},
            "uuid-name": "t"}]
    for j in range(10):
        ops.append({"op": "insert", "table": "VNet", "row": {
            "name": "t%d-v%d" % (t, j), "vni": t * 10 + j + 1,
            "tenant": ["named-uuid", "t"],
            "subnets": "10.%d.0.1/16" % j}})
    transact(ops)
vnet_uuid = {r["name"]: r["_uuid"][1] for r in transact(
    [{"op": "select", "table": "VNet", "where": [],
      "columns": ["_uuid", "name"]}])[0]["rows"]}
chunk = []
for i in range(n):
    v = i // 100
    name = "t%d-v%d" % (v // 10, v % 10)
    k = i % 100
    chunk.append({"op": "insert", "table": "Port", "row": {
        "vnet": ["uuid", vnet_uuid[name]],
        "mac": "02:00:%02x:%02x:%02x:%02x" % (i >> 24 & 255, i >> 16 & 255,
                                              i >> 8 & 255, i & 255),
        "ips": "10.%d.%d.%d" % (v % 10, k // 200, k % 200 + 10),
        "host": ["uuid", hosts["h%d" % (i // 2000)]],
        "name": "p%d" % i}})
    if len(chunk) == 5000:
        transact(chunk)
        chunk = []
if chunk:
    transact(chunk)
PY

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local t0 t1; t0=$(date +%s%N)
       "$@" >/dev/null || echo "failed: $*" >&2; t1=$(date +%s%N)
       echo $(( (t1 - t0) / 1000000 )); }
add=$(for i in $(seq "$runs"); do
    ms "$ctl" --db="$db" port-add t0-v0 "02:99:00:00:00:$(printf %02x "$i")" \
        "10.0.9.$i" host=h0 iface="bench$i"
done | median)
# The same with the whole database loaded, as before the scoped load
# (utilities/nbctl-scope.h).
full=$(for i in $(seq "$runs"); do
    VPLANE_CTL_SCOPE=full ms "$ctl" --db="$db" port-add t0-v2 \
        "02:97:00:00:00:$(printf %02x "$i")" "10.2.9.$i" host=h0 \
        iface="full$i"
done | median)
read=$(for i in $(seq "$runs"); do
    ms "$ctl" --db="$db" get Deployment . nb_seqno
done | median)
echo "$ports ports: one-shot port-add ${add} ms (scoped load), ${full} ms" \
     "with the whole database loaded (before: 2634 ms at 100000 ports);" \
     "a read-only command ${read} ms (median of $runs; $ctl)"

# Through vplane-ctl --detach, once it has loaded the database.
if sock=$(VPLANE_RUNDIR=$dir "$ctl" --db="$db" --detach 2>/dev/null); then
    VPLANE_CTL_SOCKET=$sock "$ctl" get Deployment . nb_seqno >/dev/null
    add=$(for i in $(seq "$runs"); do
        VPLANE_CTL_SOCKET=$sock ms "$ctl" port-add t0-v1 \
            "02:98:00:00:00:$(printf %02x "$i")" "10.1.9.$i" host=h0 \
            iface="daemon$i"
    done | median)
    "$ctl" -t "$sock" exit
    echo "$ports ports: port-add through vplane-ctl --detach ${add} ms" \
         "(median of $runs; before: 33 ms at 100000 ports)"
fi
