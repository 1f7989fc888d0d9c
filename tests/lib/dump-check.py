#!/usr/bin/env python3
"""The rows of a vplaned dump, from its text or its --format=json output,
in one form, so that a test can compare the two (docs/ctl.md: both formats
show the same rows with the same values).

  dump-check.py text DUMP <TEXT       the text's rows, one per line
  dump-check.py json DUMP <JSON       the JSON's rows, the same way (fails
                                      if it does not parse)
  dump-check.py filter DUMP FILTER ALL FILTERED
                                      FILTERED (JSON of DUMP FILTER) must
                                      hold exactly the rows of ALL (JSON of
                                      DUMP) that FILTER matches, at least
                                      one and fewer than all

DUMP: show, port/list, vnet/dump, xlate/dump, route/dump, subsets/dump,
dump-flows, dump-owners, dump-conntrack.  Ages, which change from one call
to the next, are left out.
"""
import json
import re
import sys


def text_rows(dump, lines):
    rows = []
    if dump in ("show", "port/list"):
        lines = lines[next(i for i, l in enumerate(lines)
                           if l.startswith("PORT ")) + 1:]
        for l in lines:
            if l.startswith("  ("):
                continue
            f = l.split()
            rows.append(f[:4] + [" ".join(f[11:])])
    elif dump == "vnet/dump":
        for l in lines[1:]:
            f = l.split()
            rows.append(f[:7] + [" ".join(f[7:])])
    elif dump == "xlate/dump":
        for l in lines[1:]:
            f = l.split()
            rows.append(f[:4] + [str(l.endswith(" (this host)"))])
    elif dump == "route/dump":
        for l in lines[1:]:
            rows.append(l.split()[:5])
    elif dump == "subsets/dump":
        start = next(i for i, l in enumerate(lines) if l.startswith("HOST "))
        for l in lines[start + 1:]:
            if l.startswith("records held"):
                break
            m = re.match(r"(\S+)( \*)?\s+(\S+)\s+(yes|no)\s+(\d+)\s+(\S+)"
                         r"\s+(.*)$", l)
            rows.append([m.group(1), str(bool(m.group(2)))]
                        + list(m.groups()[2:]))
    elif dump == "dump-flows":
        for l in lines[1:]:
            m = re.match(r"(\d+) +(fwd|rev) thread=(\d+) in=(\S+) vnet=(\S+) "
                         r"(.*) packets=(\d+) bytes=(\d+) age=\S+ used=\S+ "
                         r"owner=(\S+) actions=(\S+)$", l)
            rows.append(list(m.groups()))
    elif dump == "dump-owners":
        for l in lines[1:]:
            m = re.match(r"in=(\S+) (.*) owner=(\S+) by=(\S+)", l)
            rows.append(list(m.groups()))
    elif dump == "dump-conntrack":
        for l in lines[1:]:
            rows.append(l.split())
    else:
        sys.exit(f"dump-check: unknown dump {dump}")
    return rows


def owner(e):
    return e["owner"] + ("(self)" if e.get("self") else "")


def tuple_text(t):
    return ",".join(f"{k}={t[k]}" for k in
                    ("src", "dst", "sport", "dport", "id", "type", "code")
                    if k in t)


def table(dump, doc):
    key = {"show": "ports", "port/list": "ports", "vnet/dump": "vnets",
           "xlate/dump": "xlate", "route/dump": "routes",
           "subsets/dump": "hosts", "dump-flows": "flows",
           "dump-owners": "owners", "dump-conntrack": "connections"}[dump]
    return doc[key]


def json_rows(dump, doc):
    rows = []
    for r in table(dump, doc):
        if dump in ("show", "port/list"):
            rows.append([r["port"], str(r["id"]), r["vnet"], r["mac"],
                         " ".join(r["ips"]) or "-"])
        elif dump == "vnet/dump":
            rows.append([r["vnet"], str(r["vni"]), r["tenant"],
                         r["gateway-mac"], str(r["ports"]), str(r["xlate"]),
                         str(r["hosts"]), " ".join(r["subnets"]) or "-"])
        elif dump == "xlate/dump":
            rows.append([r["vnet"], r["mac"], r["ip"], r["vtep"],
                         str(r["this-host"])])
        elif dump == "route/dump":
            rows.append([r["tenant"], r["prefix"], r["nexthop"], r["vnet"],
                         r["state"]])
        elif dump == "subsets/dump":
            rows.append([r["host"], str(r["self"]), r["vtep"],
                         "yes" if r["gateway"] else "no",
                         str(r["subsets"]), r["which"], r["blocks"]])
        elif dump == "dump-flows":
            for d, e in (("fwd", r["forward"]), ("rev", r["reverse"])):
                if e is not None:
                    rows.append([str(r["flow"]), d, str(e["thread"]),
                                 e["in"], e["vnet"], e["flow"],
                                 str(e["packets"]), str(e["bytes"]),
                                 owner(e), e["actions"]])
        elif dump == "dump-owners":
            rows.append([r["in"], r["flow"], owner(r), r["by"]])
        elif dump == "dump-conntrack":
            rows.append([r["tenant"], str(r["zone"]), r["proto"], r["state"],
                         str(r["mark"]), tuple_text(r["orig"]),
                         tuple_text(r["reply"])])
    return rows


# The columns each dump's filter looks at (docs/ctl.md).
FILTER_COLS = {
    "show": ("port", "vnet", "ips"), "port/list": ("port", "vnet", "ips"),
    "vnet/dump": ("vnet", "tenant", "gateway-mac", "subnets"),
    "xlate/dump": ("vnet", "mac", "ip", "vtep"),
    "route/dump": ("tenant", "vnet", "prefix", "nexthop"),
    "subsets/dump": ("host", "vtep"),
    "dump-flows": ("vnet", "tenant", "in", "eth-src", "eth-dst", "ip-src",
                   "ip-dst"),
    "dump-owners": ("in", "vnet", "tenant", "eth-src", "eth-dst", "ip-src",
                    "ip-dst", "owner", "helper"),
}


def matches(dump, row, f):
    def has(obj, cols):
        for c in cols:
            v = obj.get(c)
            if v == f or (isinstance(v, list) and f in v):
                return True
        return False
    if dump == "dump-flows":
        return any(e is not None and has(e, FILTER_COLS[dump])
                   for e in (row["forward"], row["reverse"]))
    if dump == "dump-conntrack":
        return (has(row, ("tenant", "proto"))
                or has(row["orig"], ("src", "dst"))
                or has(row["reply"], ("src", "dst")))
    return has(row, FILTER_COLS[dump])


def without_ages(x):
    if isinstance(x, dict):
        return {k: without_ages(v) for k, v in x.items()
                if k not in ("age-ms", "used-ms", "idle-ms", "refreshed-ms")}
    if isinstance(x, list):
        return [without_ages(v) for v in x]
    return x


def main():
    mode, dump = sys.argv[1], sys.argv[2]
    if mode == "text":
        lines = [l for l in sys.stdin.read().split("\n") if l]
        rows = text_rows(dump, lines)
    elif mode == "json":
        rows = json_rows(dump, json.load(sys.stdin))
    elif mode == "filter":
        f = sys.argv[3]
        with open(sys.argv[4]) as a, open(sys.argv[5]) as b:
            all_rows = table(dump, json.load(a))
            got = table(dump, json.load(b))
        # (dump-flows: the flow numbers are those of the whole dump.)
        want = [r for r in all_rows if matches(dump, r, f)]
        if without_ages(got) != without_ages(want):
            sys.exit(f"dump-check: {dump} {f}: {len(got)} rows, expected "
                     f"{len(want)}:\n{json.dumps(got)}\nvs\n"
                     f"{json.dumps(want)}")
        if not got or len(got) >= len(all_rows):
            sys.exit(f"dump-check: {dump} {f}: {len(got)} of "
                     f"{len(all_rows)} rows: the filter should keep some")
        print(f"{len(got)} of {len(all_rows)}")
        return
    else:
        sys.exit(__doc__)
    for r in rows:
        print(" | ".join(r))


if __name__ == "__main__":
    main()
