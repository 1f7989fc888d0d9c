#!/usr/bin/python3
"""fake-ctrl.py: a controller that speaks docs/protocol.md, for tests.

It listens on a unix socket, answers one vplaned's hello, and then sends
what a scenario file says, a message at a time, checking the host's acks:

    fake-ctrl.py SOCKET SCENARIO.json CTL...

SCENARIO is a list of steps, each one of
    {"snapshot": TABLES, "generation": N}      expects an ack without error
    {"update": {"add": ..., "remove": ...}, "generation": N,
     "refused": "TEXT"}                        expects an error ack with TEXT
                                               (or none without "refused")
    {"same": "NAME"}  runs CTL tables/export and checks that it equals what
                      an earlier {"save": "NAME"} step saw
    {"save": "NAME"}
    {"show": "TEXT"}  runs CTL controller/show, checks that TEXT is in it
CTL is the vplane-ctl command line for the host (program and -t target).
Prints each step; exits 1 on the first unexpected answer, 0 at the end.
"""
import json
import os
import socket
import subprocess
import sys
import time


class Session:
    def __init__(self, conn):
        self.conn = conn
        self.buf = ""
        self.decoder = json.JSONDecoder()

    def send(self, msg):
        self.conn.sendall(json.dumps(msg).encode())

    def recv(self, timeout=30):
        """The next message (echo requests are answered here)."""
        deadline = time.time() + timeout
        while True:
            self.buf = self.buf.lstrip()
            if self.buf:
                try:
                    msg, end = self.decoder.raw_decode(self.buf)
                    self.buf = self.buf[end:]
                    if msg.get("method") == "echo":
                        self.send({"result": msg["params"], "error": None,
                                   "id": msg["id"]})
                        continue
                    return msg
                except ValueError:
                    pass
            left = deadline - time.time()
            if left <= 0:
                sys.exit("fake-ctrl: nothing from the host for %d s" % timeout)
            self.conn.settimeout(left)
            data = self.conn.recv(65536)
            if not data:
                sys.exit("fake-ctrl: the host closed the session")
            self.buf += data.decode()

    def recv_method(self, method):
        while True:
            msg = self.recv()
            if msg.get("method") == method:
                return msg


def ctl(cmd, *args):
    return subprocess.run(cmd + list(args), check=True, capture_output=True,
                          text=True).stdout


def main():
    path, scenario, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    steps = json.load(open(scenario))
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    server.settimeout(30)
    conn, _ = server.accept()
    s = Session(conn)

    hello = s.recv()
    if hello.get("method") != "vplane.1.hello":
        sys.exit("fake-ctrl: expected a hello, got %s" % hello)
    s.send({"result": {"controller": "fake-ctrl"}, "error": None,
            "id": hello["id"]})
    saved = {}
    for i, step in enumerate(steps):
        print("step %d: %s" % (i, json.dumps(step)[:150]), flush=True)
        if "snapshot" in step or "update" in step:
            gen = step["generation"]
            if "snapshot" in step:
                s.send({"method": "vplane.1.snapshot", "id": None,
                        "params": [{"generation": gen, "part": 1,
                                    "parts": 1, "tables": step["snapshot"]}]})
            else:
                params = dict(step["update"], generation=gen)
                s.send({"method": "vplane.1.update", "id": None,
                        "params": [params]})
            ack = s.recv_method("vplane.1.ack")["params"][0]
            if ack.get("generation") != gen:
                sys.exit("fake-ctrl: ack of %s, expected %d"
                         % (ack.get("generation"), gen))
            error = ack.get("error")
            want = step.get("refused")
            if want is None and error:
                sys.exit("fake-ctrl: generation %d refused: %s" % (gen, error))
            if want is not None and (not error or want not in error):
                sys.exit("fake-ctrl: generation %d: expected a refusal "
                         "naming '%s', got %s" % (gen, want, error))
            print("  ack: %s" % (error or "applied"), flush=True)
        elif "save" in step:
            saved[step["save"]] = json.loads(ctl(cmd, "tables/export"))
        elif "same" in step:
            now = json.loads(ctl(cmd, "tables/export"))
            if now != saved[step["same"]]:
                sys.exit("fake-ctrl: the tables changed:\nbefore: %s\nafter:  "
                         "%s" % (json.dumps(saved[step["same"]], sort_keys=True),
                                 json.dumps(now, sort_keys=True)))
        elif "show" in step:
            out = ctl(cmd, "controller/show")
            if step["show"] not in out:
                sys.exit("fake-ctrl: '%s' not in controller/show:\n%s"
                         % (step["show"], out))
    conn.close()


if __name__ == "__main__":
    main()
