#!/bin/bash
# Bad input on the JSON-RPC sessions, both ways.  To the controller: invalid
# JSON, a request with fields of the wrong types, unknown methods, a 50 MB
# message, a client that never speaks, a hello from a stranger -- each gets
# an error or a closed session and a log line, and the controller keeps
# serving its hosts (a ping between them runs throughout).  To a vplaned,
# from a fake controller: malformed snapshots and updates are refused and
# counted, and the tables stay as they were.
. "$(dirname "$0")/../lib/world.sh"
. "$(dirname "$0")/../lib/check.sh"
check_require_root
check_require_tools ping "$PYTHON"

world_init cbad
world_controller || check_fail "controller did not start"
world_nb host-add h1 192.168.100.1 -- host-add h2 192.168.100.2
world_nb tenant-add acme -- vnet-add web 5001 acme 10.1.0.1/24
for i in 1 2; do
    world_host h$i 192.168.100.$i --controller="$WORLD_CTRL"
done
world_vm vm1 h1 02:00:00:00:01:01 10.1.0.11/24 10.1.0.1
world_vm vm2 h2 02:00:00:00:01:02 10.1.0.12/24 10.1.0.1
world_ctl h1 port/add vm1 web 02:00:00:00:01:01 10.1.0.11 >/dev/null
world_ctl h2 port/add vm2 web 02:00:00:00:01:02 10.1.0.12 >/dev/null
wait_synced h1 h2

world_bg vm1 ping -i 0.05 -c 400 -W 1 10.1.0.12 >"$WORLD_DIR/ping.out" 2>&1
ping_pid=$WORLD_BG_PID

check_step "to the controller: each bad client gets an error or a closed session"
"$PYTHON" - "$WORLD_DIR/ctrl.sock" >"$WORLD_DIR/rpc.out" 2>&1 <<'PY' || check_fail "client: $(cat "$WORLD_DIR/rpc.out")"
import json, socket, sys, time

path = sys.argv[1]

def connect():
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.settimeout(15)
    return s

def reply(s):
    """The next JSON message, or None once the server closes."""
    buf = b""
    dec = json.JSONDecoder()
    while True:
        try:
            return dec.raw_decode(buf.decode())[0]
        except ValueError:
            pass
        try:
            data = s.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            return None
        if not data:
            return None
        buf += data

def closed(s):
    while True:
        m = reply(s)
        if m is None:
            return True
        if m.get("method") == "echo":
            continue
        print("unexpected:", m)
        return False

def request(s, method, params, id=1):
    s.sendall(json.dumps({"method": method, "params": params,
                          "id": id}).encode())
    return reply(s)

fails = []
def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails.append(what)

silent = connect()
t0 = time.time()

s = connect()
s.sendall(b'{"method": "vplane.1.hello", "params": [}')
expect(closed(s), "invalid JSON: session closed")

s = connect()
r = request(s, "vplane.1.hello", [{"host": 5, "vtep": "192.168.100.9",
                                   "version": "x", "protocol": 1}])
expect(r is not None and "host" in json.dumps(r.get("error")),
       "hello with a number for host: error naming the field: %s" % r)
expect(closed(s), "refused hello: session closed")

s = connect()
r = request(s, "vplane.1.hello", [{"host": "h1", "vtep": "192.168.100.1",
                                   "version": "x", "protocol": "1"}])
expect(r is not None and "protocol" in json.dumps(r.get("error")),
       "hello with a string for protocol: error: %s" % r)

s = connect()
r = request(s, "no.such.method", [], id=7)
expect(r is not None and r.get("id") == 7 and "unknown method" in json.dumps(r.get("error")),
       "unknown method: error reply: %s" % r)
s.sendall(json.dumps({"method": "vplane.1.ack", "params": [{"generation": 1}],
                      "id": None}).encode())
r = request(s, "vplane.1.hello", [], id=8)
expect(r is not None and r.get("id") == 8 and r.get("error"),
       "hello without its object: error reply: %s" % r)

s = connect()
r = request(s, "vplane.1.hello", [{"host": "intruder", "vtep": "192.168.100.66",
                                   "version": "x", "protocol": 1}])
expect(r is not None and "not a registered host" in json.dumps(r.get("error")),
       "unregistered host: refused: %s" % r)

s = connect()
try:
    s.sendall(b'{"method": "vplane.1.hello", "params": ["' + b"a" * (50 << 20) + b'"], "id": 1}')
except (BrokenPipeError, ConnectionResetError):
    pass
expect(closed(s), "50 MB message: session closed")

expect(closed(silent), "silent client: session closed")
waited = time.time() - t0
expect(6 <= waited <= 30, "silent client closed after %.1f s" % waited)
sys.exit(1 if fails else 0)
PY
cat "$WORLD_DIR/rpc.out" | sed 's/^/   /'

check_step "a host's probes never add up to an oversized message"
world_nb host-add h9 192.168.100.9
"$PYTHON" - "$WORLD_DIR/ctrl.sock" >"$WORLD_DIR/echo.out" 2>&1 <<'PY' || check_fail "echo client: $(cat "$WORLD_DIR/echo.out")"
import json, socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(15)
dec = json.JSONDecoder()
buf = ""
def msgs():
    global buf
    while True:
        try:
            m, n = dec.raw_decode(buf)
            buf = buf[n:].lstrip()
            yield m
        except ValueError:
            data = s.recv(1 << 20)
            if not data:
                return
            buf += data.decode()
s.sendall(json.dumps({"method": "vplane.1.hello", "id": 1, "params": [
    {"host": "h9", "vtep": "192.168.100.9", "version": "t", "protocol": 1}]}).encode())
it = msgs()
# 30,000 probes: 1.3 MB in all, more than the 1 MB a message may have.
probe = json.dumps({"method": "echo", "params": [], "id": "x"}).encode()
for i in range(0, 30000, 1000):
    s.sendall(probe * 1000)
replies = 0
for m in it:
    if m.get("result") == [] and m.get("id") == "x":
        replies += 1
        if replies == 30000:
            break
print("replies", replies)
sys.exit(0 if replies == 30000 else 1)
PY
check_not_contains "$(grep unix "$WORLD_DIR/ctrl.log" | tail -3)" "larger than" "probes counted as one message"

check_step "each was logged"
log=$(cat "$WORLD_DIR/ctrl.log")
check_contains "$log" "error parsing stream" "invalid JSON"
check_contains "$log" "bad request \"vplane.1.hello\": host: must be string" "wrong type"
check_contains "$log" "bad request \"no.such.method\": unknown method" "unknown method"
check_contains "$log" "message larger than" "50 MB message"
check_contains "$log" "no hello in" "silent client"
check_contains "$log" "not a registered host" "stranger"

check_step "the hosts were served throughout"
for h in h1 h2; do
    check_contains "$(world_ctl $h controller/show)" "connections 1," "$h kept its session"
done
world_nb port-add web 02:00:00:00:09:09 10.1.0.99 vtep=192.168.100.9
wait_synced h1 h2
wait $ping_pid
check_contains "$(cat "$WORLD_DIR/ping.out")" " 0% packet loss" "ping vm1 -> vm2"

check_step "to a vplaned, from a fake controller"
world_host h3 192.168.100.3 --controller="unix:$WORLD_DIR/fake.sock"
world_ctl h3 port/add vm9 web 02:00:00:00:01:09 10.1.0.19 >/dev/null
"$PYTHON" - "$WORLD_DIR/fake.sock" >"$WORLD_DIR/fake.out" 2>&1 <<'PY' &
import json, os, socket, sys, time

path = sys.argv[1]
srv = socket.socket(socket.AF_UNIX)
srv.bind(path)
srv.listen(1)
c, _ = srv.accept()
c.settimeout(10)
buf = b""
dec = json.JSONDecoder()
def msg():
    global buf
    while True:
        try:
            m, n = dec.raw_decode(buf.decode())
            buf = buf[n:].lstrip()
            return m
        except ValueError:
            buf += c.recv(65536)
def send(m):
    c.sendall(json.dumps(m).encode())
def notify(method, params):
    send({"method": method, "params": params, "id": None})

hello = msg()
send({"result": {"controller": "fake", "protocol": 1}, "error": None,
      "id": hello["id"]})
good = {"vnets": [{"name": "web", "vni": 5001, "tenant": "acme",
                   "subnets": ["10.1.0.1/24"]}],
        "ports": [{"name": "vm9", "vnet": "web", "mac": "02:00:00:00:01:09",
                   "ips": ["10.1.0.19"]}],
        "xlate": [{"vnet": "web", "mac": "02:00:00:00:01:02",
                   "ip": "10.1.0.12", "vtep": "192.168.100.2"}],
        "hosts": [{"name": "h3", "vtep": "192.168.100.3"}],
        "subsets": {"count": 4, "assignment": {"h3": [0, 1, 2, 3]}}}
notify("vplane.1.snapshot", [{"generation": 5, "part": 1, "parts": 1,
                              "tables": good}])
notify("vplane.1.snapshot", [{"generation": "6", "part": 1, "parts": 1,
                              "tables": good}])
notify("vplane.1.snapshot", [{"generation": 7, "part": 2, "parts": 2,
                              "tables": good}])
bad = json.loads(json.dumps(good))
bad["xlate"][0]["ip"] = "10.9.9.9"
notify("vplane.1.snapshot", [{"generation": 8, "part": 1, "parts": 1,
                              "tables": bad}])
notify("vplane.1.snapshot", [{"generation": 9, "part": 1, "parts": 1,
                              "tables": {"subsets": {"count": 2, "assignment":
                                         {"nobody": [0]}}}}])
notify("vplane.1.update", [{"generation": 10, "add": {"xlate": [5]}}])
notify("vplane.1.frobnicate", [])
send({"method": "vplane.1.snapshot", "params": [], "id": 3})
c.sendall(b'{"method": ]')
time.sleep(1)
PY
fake_pid=$!
# Until the fake controller has said all it has to say (vplaned reconnects
# with a backoff, so this may take a few seconds).
for i in $(seq 150); do
    out=$(world_ctl h3 controller/show)
    case $out in *"bad messages 3"*) break ;; esac
    sleep 0.1
done
out=$(world_ctl h3 controller/show)
echo "$out" | sed 's/^/   /'
check_contains "$out" "snapshots 1," "the good snapshot applied"
check_contains "$out" "refused 3," "bad snapshots refused"
check_contains "$(world_ctl h3 xlate/dump web)" "10.1.0.12 " "h3's tables are the good snapshot's"
check_not_contains "$(world_ctl h3 xlate/dump web)" "10.9.9.9" "h3's tables"
check_contains "$(world_ctl h3 subsets/dump)" "4 query subsets" "h3's subsets are the good snapshot's"
check_contains "$(world_ctl h3 show)" "vplaned h3" "h3 still answers"
wait $fake_pid
grep -q "bad notification" "$WORLD_DIR/h3.log" || check_fail "h3 logged no bad message"
echo "PASS"
