#!/bin/bash
# A dump of a large table does not grow vplaned by the table's size: rows
# are formatted one by one into the reply (never held as a JSON tree), and
# a reply holds at most one page of rows (docs/ctl.md, "Dumps").  Loads
# 10^5 translation entries and checks vplaned's peak RSS (VmHWM) while
# xlate/dump pages through them, and while one reply holds them all.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

N=100000
world_init fdmem
world_host h1 192.168.100.1
pid=$(cat "$WORLD_DIR/h1.pid")
[ -w "/proc/$pid/clear_refs" ] || check_skip "cannot reset VmHWM of vplaned"

check_step "load $N translation entries"
"$PYTHON" - "$N" >"$WORLD_DIR/big.json" <<'PY'
import json, sys
n = int(sys.argv[1])
xl = [{"vnet": "big", "mac": "02:%02x:%02x:%02x:00:01" % (i >> 16, (i >> 8) & 255, i & 255),
       "ip": "10.%d.%d.%d" % (i >> 16, (i >> 8) & 255, i & 255),
       "vtep": "192.168.100.%d" % (2 + i % 200)} for i in range(n)]
json.dump({"vnets": [{"name": "big", "vni": 9001, "tenant": "fd"}], "xlate": xl}, sys.stdout)
PY
world_ctl h1 load "$WORLD_DIR/big.json" >/dev/null || check_fail "load"

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }

# measure NAME CMD...: runs a dump with vplaned's VmHWM reset first and
# prints (and keeps in GROWTH, kB) how far VmHWM rose above VmRSS.
measure() {
    local name=$1 rss hwm; shift
    echo 5 >"/proc/$pid/clear_refs"
    rss=$(kb VmRSS)
    "$@" >"$WORLD_DIR/out" || check_fail "$name"
    hwm=$(kb VmHWM)
    GROWTH=$((hwm - rss))
    printf '   %-40s rows %7s  reply %6s kB  VmRSS %6s kB  VmHWM %6s kB  growth %6s kB\n' \
        "$name" "$(grep -c . "$WORLD_DIR/out")" "$(($(wc -c <"$WORLD_DIR/out") / 1024))" \
        "$rss" "$hwm" "$GROWTH"
}

# bound KB WHAT: GROWTH stays under KB.  Not under AddressSanitizer: its
# quarantine keeps freed memory resident (256 MB by default), so VmHWM
# says nothing there; the figures are still printed.  A dump that builds
# its rows as a JSON tree needs about 1 kB per row.
bound() {
    if [ -n "${ASAN_OPTIONS:-}" ]; then
        echo "   (AddressSanitizer build: bound of $1 kB not checked)"
    else
        [ "$GROWTH" -lt "$1" ] || check_fail "$2: VmHWM grew by $GROWTH kB"
    fi
}
check_step "default pages of 10000 rows: VmHWM grows < 16 MB"
measure "xlate/dump" world_ctl h1 xlate/dump
bound 16384 "xlate/dump"
check_contains "$(tail -1 "$WORLD_DIR/out")" "(90000 more rows: next page with --offset=10000" "closing line"
measure "xlate/dump --format=json" world_ctl h1 xlate/dump --format=json
bound 16384 "xlate/dump --format=json"

# One reply of 10^5 rows is held about four times over (the text, unixctl's
# copy, its JSON-RPC serialization) but never as a JSON tree.
check_step "one reply of all $N rows (--limit=$N): VmHWM grows < 64 MB (text), 96 MB (JSON)"
measure "xlate/dump --limit=$N" world_ctl h1 xlate/dump --limit=$N
check_eq "$(grep -c . "$WORLD_DIR/out")" $((N + 1)) "rows of xlate/dump --limit=$N"
bound 65536 "xlate/dump"
measure "xlate/dump --limit=$N --format=json" \
    world_ctl h1 xlate/dump --limit=$N --format=json
bound 98304 "xlate/dump --format=json"

check_step "the pages hold every row once; a bad --limit is refused"
out=$(world_ctl h1 xlate/dump --limit=100001 2>&1) && check_fail "--limit=100001 taken"
check_contains "$out" "--limit=100001: expected a number from 1 to 100000" "--limit=100001"
: >"$WORLD_DIR/pages"
for off in $(seq 0 10000 $((N - 1))); do
    world_ctl h1 xlate/dump --offset=$off | sed -n '2,10001p' | grep -v '^(' \
        >>"$WORLD_DIR/pages" || check_fail "page at $off"
done
check_eq "$(sort -u "$WORLD_DIR/pages" | wc -l)" "$N" "rows over all pages"

echo PASS
