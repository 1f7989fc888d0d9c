#!/usr/bin/env python3
"""The ownership checker: every tracked connection must be on exactly one
host, and that host must be its flow's owner (docs/stateful-flows.md).

Input, all from the world the test built:
  --rule lower|higher       the deployment's owner rule
  --vm IP=VTEP              every VM address and the VTEP of its host
  --dump VTEP=FILE          `vplane-ctl dump-conntrack --format=json` of
                            each host
Expected owner of a connection: of the VM addresses among its tuples'
addresses, the lower (or higher) of their hosts' VTEPs when there are two
hosts, that host when there is one.  A connection with no VM address at
all is an error too (no host should track it).

Prints one line per problem and a summary; exits 1 if there is a problem.
"""
import argparse
import ipaddress
import json
import sys


def tuple_of(t):
    """(src, dst, sport, dport, id) of a tuple of dump-conntrack's JSON."""
    return (t["src"], t["dst"], t.get("sport"), t.get("dport"), t.get("id"))


def key_of(c):
    """A connection's identity, the same on every host: its protocol, tenant
    and both tuples (so a NATed connection is one key)."""
    return (c["tenant"], c["proto"], tuple_of(c["orig"]),
            tuple_of(c["reply"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rule", choices=("lower", "higher"), required=True)
    ap.add_argument("--vm", action="append", default=[])
    ap.add_argument("--dump", action="append", default=[])
    ap.add_argument("--min", type=int, default=0,
                    help="fail if fewer connections than this are tracked")
    a = ap.parse_args()

    vms = dict(v.split("=", 1) for v in a.vm)
    holders = {}
    problems = []
    for d in a.dump:
        vtep, path = d.split("=", 1)
        with open(path) as f:
            try:
                conns = json.load(f)["connections"]
            except (ValueError, KeyError) as e:
                problems.append(f"{vtep}: cannot parse {path}: {e}")
                continue
        for c in conns:
            holders.setdefault(key_of(c), []).append(vtep)

    for key, hosts in sorted(holders.items(), key=str):
        tenant, proto, orig, reply = key
        addrs = {orig[0], orig[1], reply[0], reply[1]}
        vm_hosts = sorted({vms[x] for x in addrs if x in vms},
                          key=lambda h: int(ipaddress.IPv4Address(h)))
        desc = (f"{tenant} {proto} {orig[0]}:{orig[2] or orig[4]}->"
                f"{orig[1]}:{orig[3] or ''}")
        if len(hosts) > 1:
            problems.append(f"{desc}: state on {len(hosts)} hosts: "
                            + ", ".join(sorted(hosts)))
        if not vm_hosts:
            problems.append(f"{desc}: no VM address, tracked on "
                            + ", ".join(hosts))
            continue
        if len(vm_hosts) == 1:
            want = vm_hosts[0]
        else:
            want = vm_hosts[0] if a.rule == "lower" else vm_hosts[-1]
        for h in hosts:
            if h != want:
                problems.append(f"{desc}: state on {h}, owner is {want}")

    for p in problems:
        print("owner-check: " + p)
    print(f"owner-check: {len(holders)} connection(s) on "
          f"{len(a.dump)} host(s), {len(problems)} problem(s)")
    if len(holders) < a.min:
        print(f"owner-check: expected at least {a.min} connection(s)")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
