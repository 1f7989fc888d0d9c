#!/usr/bin/python3
"""owner-forge.py: sends owner messages (docs/stateful-flows.md, "Messages")
with any source address, as frames on a bridge port, the way a host on the
fabric could forge them.  For tests only: it reads nothing back.

  owner-forge.py --iface br0 --dst-mac MAC --src IP --dst IP \\
      --owner IP [--public A.B.C.D|random] [--port N|LO-HI|random] \\
      [--proto 6|17|1] [--type 3] [--count N] [--seed N]

Each message is a notification (type 3) by default, of a flow with a random
remote address and port (from --seed, so a run is repeatable), to --public
(random: an address of 198.18.0.0/15, which no test gives a NAT rule) and
--port (a port, a range, or random).  scapy builds the frame once; the
messages then go out of a raw socket with only their 32 bytes changed, so
that tens of thousands leave in a fraction of a second."""

import argparse
import logging
import random
import socket
import struct

logging.getLogger("scapy").setLevel(logging.ERROR)
from scapy.all import Ether, IP, UDP, raw  # noqa: E402

OWNER_PORT = 4788


def message(mtype, remote, public, rport, pport, proto, owner):
    if proto == 1:
        rport = pport           # An ICMP echo's identifier is both ports.
    return struct.pack("!BBBBI4s4sHHB3x4s4x", 1, mtype, 0, 0, 0,
                       socket.inet_aton(remote), socket.inet_aton(public),
                       rport, pport, proto, socket.inet_aton(owner))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--iface", required=True)
    p.add_argument("--dst-mac", required=True)
    p.add_argument("--src", required=True)
    p.add_argument("--dst", required=True)
    p.add_argument("--owner", required=True)
    p.add_argument("--public", default="random")
    p.add_argument("--port", default="random")
    p.add_argument("--proto", type=int, default=6)
    p.add_argument("--type", type=int, default=3)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    rnd = random.Random(a.seed)
    if a.port == "random":
        lo, hi = 1, 65535
    elif "-" in a.port:
        lo, hi = (int(x) for x in a.port.split("-"))
    else:
        lo = hi = int(a.port)

    # UDP checksum 0 (none, allowed for IPv4): only the payload changes.
    frame = raw(Ether(dst=a.dst_mac) / IP(src=a.src, dst=a.dst)
                / UDP(sport=OWNER_PORT, dport=OWNER_PORT, chksum=0)
                / (b"\0" * 32))
    head = frame[:-32]
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((a.iface, 0))
    for _ in range(a.count):
        remote = "%d.%d.%d.%d" % (rnd.randrange(1, 224), rnd.randrange(256),
                                  rnd.randrange(256), rnd.randrange(1, 255))
        public = a.public
        if public == "random":
            public = "198.%d.%d.%d" % (rnd.randrange(18, 20), rnd.randrange(256),
                                       rnd.randrange(1, 255))
        m = message(a.type, remote, public, rnd.randrange(1024, 65536),
                    rnd.randint(lo, hi), a.proto, a.owner)
        while True:
            try:
                s.send(head + m)
                break
            except BlockingIOError:
                pass
            except OSError as e:
                if e.errno != 105:      # ENOBUFS: the queue is full.
                    raise


if __name__ == "__main__":
    main()
