#!/bin/bash
# The controller's incremental views (ctrl/view-parts.c) against the whole
# computation, over random sequences of database changes: hosts (and their
# VTEPs), tenants, VNets, subnets, ports (bound, moved, unbound), routes,
# firewall and NAT rules, gateways, the subset count.  After every few changes
# ctrl/verify-views compares every host's view from the cached parts with
# host_view_compute(); at the end the connected hosts have exactly the
# desired state (ctrl/lagging), which they can only have if every change
# reached every host it concerned.  VERIFY_SEED picks the sequence (1
# by default, so that make check is repeatable; any other replays or
# explores), VERIFY_EVERY how often to compare (6).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init cinc
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2 gateway=true
world_host h1 192.168.100.1 --controller="$WORLD_CTRL"
world_host h2 192.168.100.2 --controller="$WORLD_CTRL"

seed=${VERIFY_SEED:-1}
check_step "random changes, seed $seed"
"$PYTHON" - "$seed" "$VPLANE_CTL" "$WORLD_DIR" "$(world_ovsdb_bin)" <<'PY' \
    || check_fail "seed $seed"
import os, random, re, subprocess, sys

seed, ctl, d, bin = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rnd = random.Random(seed)
nb = [ctl, "--timeout=60", "--db=unix:%s/db.sock" % d]
ctrl = [ctl, "--timeout=60", "-t", "%s/ctrl.ctl" % d]
hosts = ["h1", "h2"] + ["h%d" % i for i in range(3, 9)]
tenants = ["t%d" % i for i in range(1, 5)]

def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr

def vnet(t, j):
    return "%s-v%d" % (t, j)

def mac(t, j, k):
    return "02:00:%02x:%02x:00:%02x" % (int(t[1:]), j, k)

def ip(t, j, k):
    return "10.%d.%d.%d" % (int(t[1:]), j, 10 + k)

def bad_row_round_trip(step):
    """A port written around vplane-ctl with an address outside its VNet:
    left out (ctrl/refused-rows), the views still equal the whole
    computation, and once it is deleted it is forgotten."""
    t = rnd.choice(tenants)
    j = rnd.randint(1, 2)
    db = "unix:%s/db.sock" % d
    client = [bin + "/ovsdb-client"]
    # The VNet's uuid, then the row.
    ok, out = run(client + ["--format=csv", "--no-headings", "query", db,
                  '["VPlane", {"op": "select", "table": "VNet", "where": '
                  '[["name", "==", "%s"]], "columns": ["_uuid"]}]'
                  % vnet(t, j)])
    m = re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                  r"[0-9a-f]{12}", out) if ok else None
    if not m:
        return 0
    uuid = m.group(0)
    ok, out = run(client + ["--format=csv", "--no-headings", "query", db,
                  '["VPlane", {"op": "select", "table": "Host", "where": '
                  '[["name", "==", "h1"]], "columns": ["_uuid"]}]'])
    host = re.search(r"[0-9a-f-]{36}", out).group(0)
    ok, out = run(client + ["transact", db,
                  '["VPlane", {"op": "insert", "table": "Port", "row": '
                  '{"vnet": ["uuid", "%s"], "mac": "02:99:00:00:00:01", '
                  '"ips": "10.99.0.1", "host": ["uuid", "%s"], '
                  '"name": "bad0"}}]' % (uuid, host)])
    if not ok:
        print("raw insert failed: " + out)
        sys.exit(1)
    for _ in range(50):
        ok, out = run(ctrl + ["ctrl/refused-rows"])
        if "02:99:00:00:00:01" in out:
            break
    else:
        print("after step %d: the bad row is not listed:\n%s" % (step, out))
        sys.exit(1)
    ok, out = run(ctrl + ["ctrl/verify-views"])
    if not ok:
        print("after step %d (a bad row):\n%s" % (step, out))
        sys.exit(1)
    run(client + ["transact", db,
        '["VPlane", {"op": "delete", "table": "Port", "where": '
        '[["mac", "==", "02:99:00:00:00:01"]]}]'])
    return 1

def op():
    t = rnd.choice(tenants)
    j, k = rnd.randint(1, 3), rnd.randint(1, 6)
    h = rnd.choice(hosts)
    n = int(h[1:])
    choice = rnd.randint(0, 18)
    if choice == 0:
        extra = ["gateway=true"] if rnd.random() < 0.3 else []
        return ["host-add", h, "192.168.100.%d" % n] + extra
    if choice == 1 and n > 2:
        return ["host-del", h]
    if choice == 2:
        return ["tenant-add", t] + (["external-access=true"]
                                    if rnd.random() < 0.5 else [])
    if choice == 3:
        return ["tenant-del", t]
    if choice in (4, 5):
        return ["vnet-add", vnet(t, j), str(int(t[1:]) * 100 + j), t,
                "10.%d.%d.1/24" % (int(t[1:]), j)]
    if choice == 6:
        return ["vnet-del", vnet(t, j)]
    if choice == 7:
        return ["subnet-add", vnet(t, j), "10.%d.%d.1/24" % (int(t[1:]), 100 + j)]
    if choice in (8, 9, 10):
        args = ["port-add", vnet(t, j), mac(t, j, k), ip(t, j, k)]
        if rnd.random() < 0.8:
            args += ["host=" + h, "iface=p%d%d%d" % (int(t[1:]), j, k)]
        return args
    if choice == 11:
        return ["port-del", vnet(t, j), mac(t, j, k)]
    if choice == 12:
        return ["route-add", t, "10.%d.%d.0/24" % (200 + j, k), ip(t, j, k)]
    if choice == 13:
        return ["route-del", t, "10.%d.%d.0/24" % (200 + j, k)]
    if choice == 14:
        return ["fw-add", vnet(t, j), mac(t, j, k), "ingress", "tcp",
                "ports=%d" % (80 + k)]
    if choice == 15:
        if rnd.random() < 0.5:
            return ["nat-add", t, "snat", "198.51.100.%d" % int(t[1:])]
        return ["nat-add", t, "floating-ip", "198.51.100.%d" % (10 + k),
                ip(t, j, k)]
    if choice == 16:
        return ["nat-del", t, rnd.choice(["snat", "floating-ip"]),
                "198.51.100.%d" % rnd.choice([int(t[1:]), 10 + k])]
    if choice == 17:
        return ["set", "Host", h, "gateway=%s" % rnd.choice(["true",
                                                             "false"])]
    if choice == 18 and n > 2:
        # A host that moves to another VTEP (not h1 and h2, which run):
        # its VMs' locations change in every tenant they are in, while the
        # ports themselves do not.
        return ["set", "Host", h, "vtep=192.168.%d.%d"
                % (rnd.choice([100, 101]), n)]
    return ["set-deployment", "subsets=%d" % rnd.choice([8, 16, 32])]

# A start that most changes can build on.
for i, t in enumerate(tenants):
    run(nb + ["tenant-add", t] + (["external-access=true"] if i % 2 else []))
    for j in (1, 2):
        run(nb + ["vnet-add", vnet(t, j), str(int(t[1:]) * 100 + j), t,
                  "10.%d.%d.1/24" % (int(t[1:]), j)])
for h in hosts[2:]:
    run(nb + ["host-add", h, "192.168.100.%d" % int(h[1:])])

done = bad = 0
every = int(os.environ.get("VERIFY_EVERY", "6"))
for step in range(1, 241):
    if rnd.random() < 0.05:
        bad += bad_row_round_trip(step)
    args = op()
    ok, out = run(nb + args)
    done += ok
    if os.environ.get("VERIFY_TRACE"):
        print("%d %s: %s" % (step, " ".join(args), "ok" if ok else "refused"))
    if step % every == 0:
        ok, out = run(ctrl + ["ctrl/verify-views"])
        if not ok:
            print("after step %d (%s):\n%s" % (step, " ".join(args), out))
            sys.exit(1)
print("%d changes committed of 240 tried, %d bad rows; views verified "
      "every %d" % (done, bad, every))
ok, out = run(ctrl + ["ctrl/verify-views"])
for line in out.strip().splitlines()[-2:]:
    print(line)
sys.exit(0 if ok else 1)
PY

check_step "the connected hosts have the desired state"
# (Hosts only in the database are listed as never connected.)
connected_lag() {
    "$VPLANE_CTL" -t "$WORLD_DIR/ctrl.ctl" ctrl/lagging | grep -E '^h[12] '
}
world_wait_for sh -c "[ -z \"\$($VPLANE_CTL -t $WORLD_DIR/ctrl.ctl \
    ctrl/lagging | grep -E '^h[12] ')\" ]" || true
lag=$(connected_lag)
check_eq "$lag" "" "ctrl/lagging for h1 and h2"
for h in h1 h2; do
    check_contains "$(world_ctl $h controller/show)" "in sync" "$h"
done
echo PASS
