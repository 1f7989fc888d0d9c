#!/usr/bin/env python3
"""Connections for stateful-flow tests: an echo server, and a client that
opens many connections at once and checks every byte that comes back.

  conn-tool.py serve --port P [--udp]
  conn-tool.py connect --to IP --port P [--udp] [--count N] [--bytes B]
                       [--hold SECS] [--every SECS] [--timeout SECS]

connect prints "ok N/N" (exit 0) when every connection got its own data
back, else one line per failed connection and "failed K/N" (exit 1).
--hold keeps each connection open that long, sending its data again every
--every seconds (default 0.2: a long-lived connection), before it
finishes.
"""
import argparse
import hashlib
import socket
import sys
import threading
import time


def serve_tcp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port))
    s.listen(1024)

    def echo(c):
        with c:
            while True:
                data = c.recv(65536)
                if not data:
                    return
                c.sendall(data)

    while True:
        c, _ = s.accept()
        threading.Thread(target=echo, args=(c,), daemon=True).start()


def serve_udp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", port))
    while True:
        data, peer = s.recvfrom(65536)
        s.sendto(data, peer)


def payload(i, n):
    out = b""
    seed = str(i).encode()
    while len(out) < n:
        seed = hashlib.sha256(seed).digest()
        out += seed
    return out[:n]


def one_tcp(a, i, results):
    want = payload(i, a.bytes)
    try:
        with socket.create_connection((a.to, a.port), timeout=a.timeout) as c:
            c.settimeout(a.timeout)
            end = time.monotonic() + a.hold
            while True:
                c.sendall(want)
                got = b""
                while len(got) < len(want):
                    data = c.recv(65536)
                    if not data:
                        raise OSError("closed early")
                    got += data
                if got != want:
                    results[i] = "wrong data"
                    return
                if time.monotonic() >= end:
                    break
                time.sleep(a.every)
        results[i] = None
    except OSError as e:
        results[i] = str(e) or type(e).__name__


def one_udp(a, i, results):
    want = payload(i, min(a.bytes, 1200))
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    deadline = time.monotonic() + a.timeout
    with s:
        while time.monotonic() < deadline:
            s.sendto(want, (a.to, a.port))
            try:
                data, _ = s.recvfrom(65536)
            except socket.timeout:
                continue
            results[i] = None if data == want else "wrong data"
            return
    results[i] = "no answer"


def connect(a):
    results = [("not run")] * a.count
    fn = one_udp if a.udp else one_tcp
    threads = [threading.Thread(target=fn, args=(a, i, results))
               for i in range(a.count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = [(i, r) for i, r in enumerate(results) if r]
    for i, r in failed[:10]:
        print(f"connection {i}: {r}")
    if failed:
        print(f"failed {len(failed)}/{a.count}")
        return 1
    print(f"ok {a.count}/{a.count}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("serve", "connect"))
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--to")
    ap.add_argument("--udp", action="store_true")
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--bytes", type=int, default=1000)
    ap.add_argument("--hold", type=float, default=0)
    ap.add_argument("--every", type=float, default=0.2)
    ap.add_argument("--timeout", type=float, default=5)
    a = ap.parse_args()
    if a.mode == "serve":
        (serve_udp if a.udp else serve_tcp)(a.port)
        return 0
    return connect(a)


if __name__ == "__main__":
    sys.exit(main())
