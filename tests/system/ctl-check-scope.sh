#!/bin/bash
# vplane-ctl checks only the parts of the database a transaction touches
# (ctrl/nb-check-scope.c).  A random sequence of commands, valid and not
# (overlapping subnets, addresses outside their subnets or on a gateway,
# duplicate MACs, addresses and interface names, next hops on a gateway,
# clashing NAT rules, deleted references, generic `set`s), each run with
# VPLANE_CTL_CHECK_ALL=1: vplane-ctl also runs the whole-database check and
# fails with "check-all:" if the two disagree on any command.  Then a row
# written around vplane-ctl breaks one tenant: another tenant's changes
# still go in, the broken tenant's are refused until it is repaired.
# VERIFY_SEED picks the sequence (the seed is printed, to replay it).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init ncscope
bin=$(world_ovsdb_bin) || check_fail "no ovsdb-server"
"$bin/ovsdb-tool" create "$WORLD_DIR/vplane.db" "$VPLANE_SCHEMA" \
    || check_fail "ovsdb-tool create"
"$bin/ovsdb-server" "$WORLD_DIR/vplane.db" \
    --remote="punix:$WORLD_DIR/db.sock" --unixctl="$WORLD_DIR/ovsdb.ctl" \
    --pidfile="$WORLD_DIR/ovsdb.pid" -vconsole:off \
    --log-file="$WORLD_DIR/ovsdb.log" --detach --no-chdir \
    || check_fail "ovsdb-server"
WORLD_DB=unix:$WORLD_DIR/db.sock

seed=${VERIFY_SEED:-$RANDOM}
random_commands() {
VPLANE_CTL_CHECK_ALL=1 "$PYTHON" - "$seed" "$VPLANE_CTL" "$1" \
    <<'PY' || check_fail "seed $seed"
import os, random, subprocess, sys

seed, ctl, db = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(seed)
# "daemon": through vplane-ctl --detach (VPLANE_CTL_SOCKET).
nb = [ctl, "--timeout=60"] + (["--db=" + db] if db != "daemon" else [])
tenants = ["t1", "t2", "t3"]
hosts = ["h1", "h2", "h3"]

def vnet(t, j):
    return "%s-v%d" % (t, j)

def subnet():
    """Few choices, so that VNets of one tenant overlap now and then."""
    return rnd.choice(["10.1.0.1/24", "10.1.1.1/24", "10.1.0.1/16",
                       "10.2.0.1/24", "10.2.0.129/25", "10.3.0.1/24"])

def ip():
    return (rnd.choice(["10.1.0.%d"] * 3 + ["10.2.0.%d"] * 3
                       + ["10.1.1.%d", "10.3.0.%d", "10.9.0.%d"])
            % rnd.choice([5, 6, 7, 5, 6, 7, 1, 130, 255]))

def mac():
    return "02:00:00:00:00:%02x" % rnd.randint(1, 6)

def one():
    t, h = rnd.choice(tenants), rnd.choice(hosts)
    v = vnet(t, rnd.choice([1, 1, 2, 2, 3]))
    c = rnd.randint(0, 21)
    if c == 0:
        return ["host-add", h, "192.168.0.%d" % rnd.randint(1, 4)]
    if c == 1:
        return ["host-del", h]
    if c == 2:
        return ["tenant-add", t, "external-access=true"]
    if c == 3:
        return ["tenant-del", t]
    if c in (4, 5):
        return ["vnet-add", v, str(rnd.randint(1, 12)), t, subnet()]
    if c == 6:
        return ["vnet-del", v]
    if c == 7:
        return ["subnet-add", v, subnet()]
    if c == 8:
        return ["subnet-del", v, subnet()]
    if c in (9, 10, 11):
        # Options go before the command (vplane-ctl --help).
        args = ((["--may-exist"] if rnd.random() < 0.4 else [])
                + ["port-add", v, mac()]
                + [ip() for _ in range(rnd.randint(0, 2))])
        if rnd.random() < 0.7:
            args += ["host=" + h, "iface=p%d" % rnd.randint(1, 3)]
        elif rnd.random() < 0.3:
            args += ["vtep=192.168.0.%d" % rnd.randint(1, 6)]
        return args
    if c == 12:
        return ["port-del", v, mac()]
    if c == 13:
        return ["route-add", t, "10.%d.0.0/16" % rnd.randint(50, 52), ip()]
    if c == 14:
        return ["route-del", t, "10.%d.0.0/16" % rnd.randint(50, 52)]
    if c == 15:
        return ["fw-add", v, mac(), "ingress", "tcp",
                "ports=%d" % rnd.randint(80, 82)]
    if c == 16:
        kind = rnd.choice(["snat", "floating-ip"])
        ext = "192.168.0.%d" % rnd.randint(1, 8)
        return ["nat-add", t, kind, ext] + ([ip()] if kind != "snat" else [])
    if c == 17:
        return ["nat-del", t, rnd.choice(["snat", "floating-ip"]),
                "192.168.0.%d" % rnd.randint(1, 8)]
    if c == 18:     # Around the commands' own checks.
        return ["set", "VNet", v, "subnets=%s" % subnet()]
    if c == 19:
        return ["set", "Tenant", t, "name=%s" % rnd.choice(tenants)]
    if c == 20:
        return ["set", "Host", h, "vtep=192.168.0.%d" % rnd.randint(1, 4)]
    return ["set-deployment", "wan-vni=%d" % rnd.choice([12, 16777215])]

# A start that most commands can build on.
for n, t in enumerate(tenants):
    subprocess.run(nb + ["tenant-add", t, "--", "vnet-add", vnet(t, 1),
                         str(n + 1), t, "10.1.0.1/24", "--", "vnet-add",
                         vnet(t, 2), str(n + 4), t, "10.2.0.1/24"])
for n, h in enumerate(hosts):
    subprocess.run(nb + ["host-add", h, "192.168.0.%d" % (n + 1)])

counts = {"ok": 0, "refused": 0}
for step in range(1, 401):
    args = one()
    for _ in range(rnd.choice([0, 0, 0, 1])):
        args += ["--"] + one()
    r = subprocess.run(nb + args, capture_output=True, text=True)
    out = r.stdout + r.stderr
    if "check-all:" in out or "ovsdb_idl" in out or r.returncode not in (0, 1):
        print("step %d: %s\n%s" % (step, " ".join(args), out))
        sys.exit(1)
    counts["ok" if r.returncode == 0 else "refused"] += 1
    if os.environ.get("VERIFY_TRACE"):
        print("%s: %s" % (" ".join(args), out.strip() or "ok"))
print("%(ok)d committed, %(refused)d refused; the checks agreed on each"
      % counts)
sys.exit(0 if counts["ok"] > 30 and counts["refused"] > 30 else 1)
PY
}
check_step "random commands, both checks, seed $seed"
random_commands "$WORLD_DB"

check_step "a tenant broken around vplane-ctl blocks only its own changes"
nb() { "$VPLANE_CTL" --timeout=60 --db="$WORLD_DB" "$@"; }
nb tenant-add ta -- vnet-add ta-v 401 ta 10.77.0.1/24 || check_fail ta
nb tenant-add tb -- vnet-add tb-v 402 tb 10.77.0.1/24 || check_fail tb
vuuid=$("$bin/ovsdb-client" query "$WORLD_DB" \
    '["VPlane", {"op": "select", "table": "VNet", "where":
      [["name", "==", "tb-v"]], "columns": ["_uuid"]}]' \
    | grep -oE '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}')
out=$("$bin/ovsdb-client" transact "$WORLD_DB" \
    "[\"VPlane\", {\"op\": \"insert\", \"table\": \"Port\", \"row\":
      {\"vnet\": [\"uuid\", \"$vuuid\"], \"mac\": \"02:99:00:00:00:01\",
       \"ips\": \"10.99.0.1\"}}]" 2>&1)
case $out in *error*|"") check_fail "raw insert: $out" ;; esac
out=$(nb port-add ta-v 02:00:00:00:aa:01 10.77.0.11 2>&1) \
    || check_fail "another tenant's port-add refused: $out"
out=$(VPLANE_CTL_CHECK_ALL=1 nb port-add ta-v 02:00:00:00:aa:02 \
      10.77.0.12 2>&1) || check_fail "with VPLANE_CTL_CHECK_ALL=1: $out"
out=$(nb port-add tb-v 02:00:00:00:bb:01 10.77.0.11 2>&1) \
    && check_fail "the broken tenant's port-add went in"
check_contains "$out" "the database is inconsistent" "refusal"
check_contains "$out" "02:99:00:00:00:01" "refusal"
nb port-del tb-v 02:99:00:00:00:01 || check_fail "the repair"
nb port-add tb-v 02:00:00:00:bb:01 10.77.0.11 || check_fail "after repair"

check_step "vplane-ctl --detach: the same commands, through the daemon"
sock=$(VPLANE_RUNDIR=$WORLD_DIR VPLANE_CTL_CHECK_ALL=1 "$VPLANE_CTL" \
       --db="$WORLD_DB" --detach) || check_fail "--detach"
case $sock in "$WORLD_DIR"/vplane-ctl.*.ctl) ;; *) check_fail "$sock" ;; esac
pid=${sock##*/vplane-ctl.}
echo "${pid%.ctl}" >"$WORLD_DIR/ctl-daemon.pid"   # For world.sh's cleanup.
export VPLANE_CTL_SOCKET=$sock
seed=$((seed + 1))
random_commands daemon
out=$("$VPLANE_CTL" port-add ta-v 02:00:00:00:aa:09 10.77.0.11 2>&1) \
    && check_fail "a taken address went in through the daemon"
check_contains "$out" "10.77.0.11 is already port" "refusal"
# A change made around the daemon (a one-shot vplane-ctl): the daemon's
# copy follows, and its transaction is checked against it.
nb port-add ta-v 02:00:00:00:aa:09 10.77.0.19 || check_fail "one-shot"
out=$("$VPLANE_CTL" port-add ta-v 02:00:00:00:aa:0a 10.77.0.19 2>&1) \
    && check_fail "the daemon missed a one-shot change"
check_contains "$out" "10.77.0.19 is already port 02:00:00:00:aa:09" \
    "refusal"
"$VPLANE_CTL" port-list ta-v | grep -q 02:00:00:00:aa:09 \
    || check_fail "port-list through the daemon"
# A row written and then deleted in one refused transaction (the host
# still has a port): the daemon's copy of the row must stay whole (OVS's
# IDL leaves its parsed columns pointing at freed data: nbctl_delete()).
"$VPLANE_CTL" host-add hq 192.168.0.77 -- port-add ta-v 02:00:00:00:aa:0b \
    10.77.0.20 host=hq iface=q1 || check_fail "host hq"
out=$("$VPLANE_CTL" set Host hq vtep=192.168.0.78 -- host-del hq 2>&1) \
    && check_fail "hq deleted under its port"
check_contains "$out" "without a host" "refusal"
out=$("$VPLANE_CTL" host-add hr 192.168.0.77 2>&1) \
    && check_fail "hq's VTEP taken again: the daemon lost hq's row"
check_contains "$out" "is host \"hq\"'s" "refusal naming hq"
"$VPLANE_CTL" -t "$sock" exit || check_fail "exit"
echo PASS
