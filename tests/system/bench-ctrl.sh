#!/bin/bash
# utilities/vplane-bench-ctrl keeps working: a smoke run of 20 simulated
# hosts (20 tenants, 400 ports, 2 changes of each kind) against a private
# ovsdb-server and vplane-ctrl on loopback.  Checks that every host synced
# and got every change, that the report parses, and that no port change
# reached a host that does not serve the tenant.  No timing is asserted:
# the figures are the benchmark's business (docs/performance.md).
. "$(dirname "$0")/../lib/check.sh"
check_require_tools "$PYTHON"

top=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d /tmp/bb-bench-ctrl.XXXXXX)
trap 'rm -rf "$out"' EXIT

check_step "smoke run"
VPLANE_BUILDDIR=${WORLD_TOP:-$top} "$PYTHON" "$top/utilities/vplane-bench-ctrl" \
    --smoke --json "$out/r.json" >"$out/table" 2>"$out/log" \
    || { cat "$out/log" >&2; check_fail "vplane-bench-ctrl --smoke failed"; }
cat "$out/table"

check_step "the report"
check_contains "$(cat "$out/table")" "| port-add | 2 |" "the changes table"
check_contains "$(cat "$out/table")" "| full sync from cold" "the comparison table"
"$PYTHON" - "$out/r.json" <<'PY' || check_fail "report checks"
import json, sys
r = json.load(open(sys.argv[1]))
def need(cond, what):
    if not cond:
        sys.exit("FAIL: %s" % what)
need(r["synced_hosts"] == 20, "every host synced: %d" % r["synced_hosts"])
need(r["synced_end"] == 20, "every host still synced at the end")
need(r["sync_refusals"] == 0, "no hello refused")
need(r["drops_total"] == 0, "no session dropped: %d" % r["drops_total"])
for kind, rows in r["changes_detail"].items():
    need(len(rows) == 2, "%s: 2 changes" % kind)
    for c in rows:
        need(c["missing"] == 0, "%s: every concerned host got it" % kind)
        need(c["last_after_cmd_s"] is not None, "%s: a time" % kind)
        if kind.startswith("port"):
            need(not c["unneeded"], "%s: reached %s" % (kind, c["unneeded"]))
print("report ok")
PY
