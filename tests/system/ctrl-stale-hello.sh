#!/bin/bash
# A second hello for a host that already has a session (issue 14's cold
# start: a connection the host gave up on while it waited in the listen
# queue, accepted only later).  While the host's session answers, the
# newcomer is refused and the live session stays: the real vplaned h1 keeps
# its one connection.  A newcomer that closes before it is answered changes
# nothing either.  The newcomer takes over when the older session closes
# (a restarted vplaned) or stops answering (a host that vanished).
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools "$PYTHON"

world_init cshello
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
world_host h1 192.168.100.1 --controller="$WORLD_CTRL"
wait_synced h1

check_step "stale hellos for a live host are refused; silent or closed sessions are replaced"
"$PYTHON" - "$WORLD_DIR/ctrl.sock" >"$WORLD_DIR/rpc.out" 2>&1 <<'PY' || check_fail "client: $(cat "$WORLD_DIR/rpc.out")"
import json, socket, sys, time

path = sys.argv[1]

class Conn:
    def __init__(self):
        self.s = socket.socket(socket.AF_UNIX)
        self.s.connect(path)
        self.buf = b""

    def send(self, m):
        self.s.sendall(json.dumps(m).encode())

    def hello(self, host, vtep):
        self.send({"method": "vplane.1.hello", "id": "hi",
                   "params": [{"host": host, "vtep": vtep, "version": "t",
                               "protocol": 1}]})

    def next(self, timeout, answer_echo=True):
        """The next message but echoes (answered unless told not to), or
        None when closed or after 'timeout' seconds."""
        deadline = time.time() + timeout
        dec = json.JSONDecoder()
        while True:
            try:
                text = self.buf.decode()
                m, end = dec.raw_decode(text)
                self.buf = text[end:].encode()
                if m.get("method") == "echo":
                    if answer_echo:
                        self.send({"result": m["params"], "error": None,
                                   "id": m["id"]})
                    continue
                return m
            except ValueError:
                pass
            left = deadline - time.time()
            if left <= 0:
                return None
            self.s.settimeout(left)
            try:
                data = self.s.recv(65536)
            except socket.timeout:
                return None
            except (ConnectionResetError, BrokenPipeError):
                return None
            if not data:
                return None
            self.buf += data

    def closed(self, timeout, answer_echo=True):
        """Whether the controller closes the session within 'timeout'
        seconds, whatever it sends before."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.next(deadline - time.time(), answer_echo) is None:
                return time.time() < deadline
        return False

    def answer(self, timeout=20):
        """The hello's answer, skipping what comes before it."""
        while True:
            m = self.next(timeout)
            if m is None or m.get("id") == "hi":
                return m

fails = []
def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails.append(what)

# h1's vplaned answers its session: a second hello is refused.
c = Conn()
c.hello("h1", "192.168.100.1")
r = c.answer()
expect(r is not None and "not the host's live one" in json.dumps(r.get("error")),
       "hello for live h1: refused: %s" % r)
expect(c.closed(15), "refused hello: session closed")

# The same, from a client that leaves at once (the cold start's case).
c = Conn()
c.hello("h1", "192.168.100.1")
c.s.close()

# h2's session stops reading: after a while the newcomer replaces it.
a = Conn()
a.hello("h2", "192.168.100.2")
r = a.answer()
expect(r is not None and r.get("result") is not None, "h2 first hello: %s" % r)
b = Conn()
b.hello("h2", "192.168.100.2")
t0 = time.time()
r = b.answer(30)
expect(r is not None and r.get("result") is not None,
       "hello while h2's session is silent: answered: %s" % r)
print("answered after %.1f s" % (time.time() - t0))
expect(a.closed(10, answer_echo=False), "silent session closed")

# b answers; a third hello waits, and b's close settles it at once.
c = Conn()
c.hello("h2", "192.168.100.2")
time.sleep(0.2)
b.s.close()
r = c.answer(30)
expect(r is not None and r.get("result") is not None,
       "hello after the old session closed: answered: %s" % r)
sys.exit(1 if fails else 0)
PY
sed 's/^/   /' "$WORLD_DIR/rpc.out"

check_step "h1 kept its one session"
sleep 1
out=$(world_ctl h1 controller/show)
check_contains "$out" "connections 1," "h1's vplaned never reconnected"
check_not_contains "$(cat "$WORLD_DIR/ctrl.log")" "host h1: a new session" \
    "no replacement of h1"
stale=$(world_ctrl coverage/show | awk '$1 == "sb_stale_hello" { print $NF }')
check_ge "${stale:-0}" 2 "stale hellos counted"
check_contains "$(world_ctrl ctrl/hosts)" "h2 " "ctrl/hosts lists h2"
check_contains "$(cat "$WORLD_DIR/ctrl.log")" "stale hello refused" "log line"
wait_synced h1
echo "PASS"
