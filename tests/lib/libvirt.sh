# libvirt.sh: one private libvirtd (and virtlogd) per vPlane host, for
# system tests that run real QEMU guests (see guest.sh).  Source it from
# bash.
#
#   qemu_usable                     true if QEMU (TCG) and libvirtd can run
#                                   guests here; otherwise prints one
#                                   sentence saying why not (exit 77 then)
#   lv_start H NETNS DIR            start virtlogd + libvirtd for host H in
#                                   network namespace NETNS with all their
#                                   state under DIR (an absolute path, new
#                                   or empty or left by an earlier lv_start);
#                                   returns once libvirtd answers
#   lv_uri H                        the URI of H's libvirtd (qemu driver),
#                                   usable from any namespace
#   lv_test_uri H                   the same for libvirt's test driver,
#                                   served by the same libvirtd
#   lv_virsh H ARGS...              virsh against H's libvirtd
#   lv_restart H [SIGNAL]           stop libvirtd (SIGTERM, or SIGNAL, e.g.
#                                   KILL for a crash) and start it again in
#                                   the same namespaces; the guests keep
#                                   running; returns once it answers
#   lv_stop H                       destroy and undefine H's domains, stop
#                                   its processes, remove DIR; safe to call
#                                   twice and after a half-done lv_start
#   lv_cleanup                      lv_stop for every host started here
#                                   (put it in the test's EXIT trap, before
#                                   world_cleanup: that one deletes the
#                                   namespaces)
#
# State, per host H: LV_DIR[H] (DIR) and LV_NETNS[H] (NETNS).  Start hosts
# one after the other in the test's shell (not in subshells: these arrays
# are how the other functions find a host).
#
# Environment:
#   LV_KEEP=1          lv_stop leaves DIR (logs: DIR/log/libvirtd.log,
#                      DIR/log/qemu/<domain>.log)
#   LV_TIMEOUT         seconds to wait for a daemon to answer (30)
#   LV_CAPS_CACHE      where QEMU's capabilities, as libvirtd probed them,
#                      are kept between runs and shared by the hosts
#                      (/var/cache/vplane/libvirt-qemu-caps)
#
# How: a privileged libvirtd uses fixed paths (/run/libvirt,
# /var/lib/libvirt, /var/cache/libvirt, /var/log/libvirt, /etc/libvirt).
# Each host gets a "holder" process, started in NETNS with a new private
# mount namespace, where DIR/run, DIR/lib, DIR/cache, DIR/log and DIR/etc
# are bind-mounted over those paths, and a new PID namespace, whose init
# reaps the daemons and QEMU and takes them all down when it is killed.
# The daemons are started with nsenter into those namespaces, so a
# restarted libvirtd finds the same state and the same guests (QEMU runs
# as libvirtd's child, so its taps are in NETNS).  The mounts exist only in
# that mount namespace and disappear with its last process.  Unix sockets
# are reached by path, so DIR/run/libvirt-sock is libvirtd's socket for
# clients in any namespace.  PIDs that libvirt reports (and its pidfiles)
# are those of the host's PID namespace.
# The five mount points are created on the machine if missing (empty
# directories a libvirt installation has anyway).

declare -gA LV_DIR=() LV_NETNS=()
LV_TIMEOUT=${LV_TIMEOUT:-30}
LV_CAPS_CACHE=${LV_CAPS_CACHE:-/var/cache/vplane/libvirt-qemu-caps}
LV_PATHS="run:/run/libvirt lib:/var/lib/libvirt cache:/var/cache/libvirt
log:/var/log/libvirt etc:/etc/libvirt"

lv_log() { printf 'libvirt: %s\n' "$*" >&2; }

# lv_alive PID: true if PID is running.  Not kill -0: a dead process whose
# parent is gone stays a zombie until PID 1 reaps it, and here PID 1 takes
# up to two seconds to do that.
lv_alive() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

qemu_usable() {
    local c
    if [ "$(id -u)" -ne 0 ]; then
        echo "QEMU guests under libvirtd need root."
        return 1
    fi
    for c in qemu-system-x86_64 libvirtd virtlogd virsh busybox unshare nsenter; do
        if ! command -v "$c" >/dev/null 2>&1; then
            echo "$c is not installed (utilities/vplane-setup installs it)."
            return 1
        fi
    done
    if [ ! -c /dev/net/tun ]; then
        echo "/dev/net/tun is missing, so there can be no taps."
        return 1
    fi
    # Start a TCG machine, stopped, and quit it from its monitor: this is
    # what fails when QEMU cannot run at all (missing firmware or modules,
    # no memory, seccomp or the like).
    local out
    if ! out=$(echo quit | timeout 30 qemu-system-x86_64 -machine pc -accel tcg \
            -nodefaults -no-user-config -display none -m 64 -S -monitor stdio 2>&1); then
        echo "QEMU cannot start a TCG machine here: $(printf '%s' "$out" | tail -n 1)"
        return 1
    fi
    return 0
}

lv_uri() { printf 'qemu+unix:///system?socket=%s/run/libvirt-sock' "${LV_DIR[$1]:?unknown libvirt host $1}"; }
lv_test_uri() { printf 'test+unix:///default?socket=%s/run/libvirt-sock' "${LV_DIR[$1]:?unknown libvirt host $1}"; }

lv_virsh() {
    local h=$1; shift
    virsh -c "$(lv_uri "$h")" "$@"
}

# lv_answers H: true if libvirtd answers on its socket.
lv_answers() {
    timeout 10 virsh -c "$(lv_uri "$1")" uri >/dev/null 2>&1
}

lv_wait_answers() {
    local h=$1 i
    for ((i = 0; i < LV_TIMEOUT * 10; i++)); do
        lv_answers "$h" && return 0
        # libvirtd -d returns before its drivers start; one that fails
        # (a bad configuration) exits then: no point waiting for it.
        lv_daemon_pid "$h" libvirtd >/dev/null || break
        sleep 0.1
    done
    lv_log "$h: libvirtd does not answer; the end of its log:"
    tail -n 15 "${LV_DIR[$h]}/log/libvirtd.log" >&2 2>/dev/null
    return 1
}

lv_write_config() {
    local dir=$1
    # Logs in files: the daemons detach, their stderr is gone.
    cat >"$dir/etc/libvirtd.conf" <<'EOF'
# Written by tests/lib/libvirt.sh.  Root clients only, through the socket.
unix_sock_group = "root"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
EOF
    cat >"$dir/etc/virtlogd.conf" <<'EOF'
# Written by tests/lib/libvirt.sh.
log_outputs = "3:file:/var/log/libvirt/virtlogd.log"
EOF
    # QEMU runs as root with no security labels (there is no libvirt-qemu
    # user, no AppArmor or SELinux here), no cgroups (the netns's /sys has
    # none mounted) and no private /dev per guest (nothing to hide, and one
    # mount namespace fewer to get wrong).
    cat >"$dir/etc/qemu.conf" <<'EOF'
# Written by tests/lib/libvirt.sh.
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
EOF
}

# A new libvirtd probes QEMU's capabilities when first asked about QEMU:
# four seconds here, for every host of every test.  libvirtd keeps the
# result in /var/cache/libvirt/qemu/capabilities and checks it against the
# QEMU binary, libvirt's version and the kernel before reusing it, so a
# copy from an earlier host is safe to offer: lv_start seeds each host with
# the shared copy, lv_stop saves a host's result (atomically, by rename).
lv_caps_seed() {
    local dir=$1 f
    for f in "$LV_CAPS_CACHE"/*.xml; do
        [ -f "$f" ] || continue
        mkdir -p "$dir/cache/qemu/capabilities" && cp "$f" "$dir/cache/qemu/capabilities/"
    done
}

lv_caps_save() {
    local dir=$1 f dst tmp
    for f in "$dir"/cache/qemu/capabilities/*.xml; do
        [ -f "$f" ] || continue
        dst=$LV_CAPS_CACHE/${f##*/}
        cmp -s "$f" "$dst" && continue
        mkdir -p "$LV_CAPS_CACHE" || return 0
        tmp=$(mktemp "$dst.XXXXXX") || return 0
        if cp "$f" "$tmp"; then
            mv -f "$tmp" "$dst"
        else
            rm -f "$tmp"
        fi
    done
}

# lv_host_pids DIR: the processes of the host whose state is in DIR: those
# that see DIR/run as their /run/libvirt (QEMU, libvirtd, virtlogd, the
# holder; -ef compares device and inode, through /proc/PID/root into the
# process's own mount namespace), and the holder if it is still on its way
# there (its command line names DIR).  No pidfiles and no namespace IDs:
# after a crash those can name someone else's process by now.
lv_host_pids() {
    local dir=$1 p holder
    [ -d "$dir/run" ] || return 0
    for p in /proc/[0-9]*; do
        [ "$p/root/run/libvirt" -ef "$dir/run" ] && printf '%s\n' "${p#/proc/}"
    done
    holder=$(cat "$dir/holder.pid" 2>/dev/null)
    if [ -n "$holder" ] && tr '\0' ' ' 2>/dev/null <"/proc/$holder/cmdline" \
            | grep -qF "$dir/run"; then
        printf '%s\n' "$holder"
    fi
}

# lv_kill_all DIR: kills the host's processes.  SIGKILL: the state is
# thrown away anyway, and libvirtd takes two seconds to exit on SIGTERM.
lv_kill_all() {
    local dir=$1 pids f i alive
    pids=$(lv_host_pids "$dir")
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null
    for ((i = 0; i < 50; i++)); do
        alive=
        for f in $pids; do
            lv_alive "$f" && alive=1
        done
        [ -n "$alive" ] || return 0
        sleep 0.1
    done
    lv_log "still running after SIGKILL: $pids"
    return 1
}

lv_start() {
    local h=$1 netns=$2 dir=${3%/} p
    case $dir in
        /*) ;;
        *) lv_log "lv_start: DIR must be absolute ($dir)"; return 1 ;;
    esac
    # sun_path holds 107 characters.
    if [ ${#dir} -gt 80 ]; then
        lv_log "lv_start: DIR is too long for a socket path ($dir)"
        return 1
    fi
    ip netns pids "$netns" >/dev/null 2>&1 \
        || { lv_log "lv_start: no network namespace $netns"; return 1; }
    if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
        # Ours from an earlier run (killed before lv_stop): clear it.
        # Anything else is not ours to remove.
        [ -f "$dir/.lv-state" ] \
            || { lv_log "lv_start: $dir is not empty and not libvirt.sh's"; return 1; }
        lv_log "$h: removing the leftovers of an earlier run in $dir"
        lv_kill_all "$dir"
        rm -rf "$dir"
    fi
    mkdir -p "$dir" && : >"$dir/.lv-state" || return 1
    LV_DIR[$h]=$dir
    # shellcheck disable=SC2034  # for tests (documented above)
    LV_NETNS[$h]=$netns

    for p in $LV_PATHS; do
        mkdir -p "$dir/${p%%:*}" "${p#*:}" || { lv_stop "$h"; return 1; }
    done
    lv_write_config "$dir"
    lv_caps_seed "$dir"
    if ! cp /etc/passwd "$dir/passwd" || ! cp /etc/group "$dir/group"; then
        lv_stop "$h"
        return 1
    fi
    getent group libvirt-qemu >/dev/null \
        || echo "libvirt-qemu:x:64055:" >>"$dir/group"
    getent passwd libvirt-qemu >/dev/null \
        || echo "libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin" \
            >>"$dir/passwd"

    # The holder: ip netns exec puts it in NETNS (and in a mount namespace
    # of its own, a slave of the machine's, for NETNS's /sys); unshare
    # makes a private mount namespace under it, so nothing mounted there
    # shows outside, and a PID namespace whose init (the holder's child,
    # bash) mounts the directories, then only waits (an init ignores
    # signals it has no handler for: hence the trap).  The daemons are
    # started in that PID namespace too, for two reasons.  They detach,
    # and so does QEMU: their parent is then that init, which reaps them
    # at once when they die (PID 1 of this machine takes up to two seconds,
    # and libvirt waits for a destroyed QEMU to be reaped).  And when that
    # init dies, the kernel kills everything in the namespace: lv_stop
    # cannot leave a daemon or a guest behind.
    # Output goes to a file, not to the test's stdout (a pipe held open by
    # a stray process would hang whoever reads it).
    lv_log "$h: starting libvirtd in $netns, state in $dir"
    local binds=
    for p in $LV_PATHS; do
        binds+="mount --bind '$dir/${p%%:*}' '${p#*:}' && "
    done
    # Debian's libvirtd looks up its built-in QEMU user libvirt-qemu
    # before it reads qemu.conf's user = "root", and fails without it.
    # libvirt-daemon-system would add the user to the machine; a copy of
    # passwd and group with it, seen only in this mount namespace, does.
    binds+="mount --bind '$dir/passwd' /etc/passwd && "
    binds+="mount --bind '$dir/group' /etc/group"
    # Started from a subshell that exits at once: the holder is then no
    # child of the test's shell, which would otherwise report "Killed"
    # when lv_stop kills it.  Every exec keeps the PID: $! is unshare's.
    (
        ip netns exec "$netns" unshare --mount --propagation private \
            --pid --fork --kill-child --mount-proc -- \
            /bin/bash -c "trap 'exit 0' TERM; $binds || exit 1; while :; do sleep 3600 & wait; done" \
            </dev/null >>"$dir/holder.log" 2>&1 &
        echo $! >"$dir/holder.pid"
    )
    local holder init='' i
    holder=$(cat "$dir/holder.pid")
    # Ready when the init has the last mount in its mount table.
    for ((i = 0; i < 100; i++)); do
        lv_alive "$holder" || break
        init=$(pgrep -P "$holder" | head -n 1)
        if [ -n "$init" ] && grep -q " /etc/group " "/proc/$init/mountinfo" 2>/dev/null; then
            echo "$init" >"$dir/init.pid"
            break
        fi
        sleep 0.05
    done
    if [ ! -f "$dir/init.pid" ]; then
        lv_log "$h: the namespaces' holder failed:"
        cat "$dir/holder.log" >&2
        lv_stop "$h"
        return 1
    fi

    lv_nsenter "$h" virtlogd -d -f /etc/libvirt/virtlogd.conf \
        -p /run/libvirt/virtlogd.pid \
        || { lv_log "$h: virtlogd failed"; lv_stop "$h"; return 1; }
    lv_start_libvirtd "$h" || { lv_stop "$h"; return 1; }
}

# lv_nsenter H COMMAND...: runs COMMAND in H's network, mount and PID
# namespaces (those of the holder's init).
lv_nsenter() {
    local h=$1; shift
    local init; init=$(cat "${LV_DIR[$h]}/init.pid" 2>/dev/null)
    if [ -z "$init" ] || ! lv_alive "$init"; then
        lv_log "$h: the namespaces' holder is gone"
        return 1
    fi
    nsenter -t "$init" -m -n -p -- "$@" </dev/null >>"${LV_DIR[$h]}/holder.log" 2>&1
}

# lv_daemon_pid H NAME: the PID (as seen here, not in the host's PID
# namespace where its pidfile was written) of H's daemon NAME.
lv_daemon_pid() {
    local p
    for p in $(lv_host_pids "${LV_DIR[$1]}"); do
        if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$2" ] && lv_alive "$p"; then
            printf '%s\n' "$p"
            return 0
        fi
    done
    return 1
}

lv_start_libvirtd() {
    local h=$1
    lv_nsenter "$h" libvirtd -d -f /etc/libvirt/libvirtd.conf \
        -p /run/libvirt/libvirtd.pid \
        || { lv_log "$h: libvirtd failed to start"; return 1; }
    lv_wait_answers "$h"
}

lv_restart() {
    local h=$1 sig=${2:-TERM} pid i
    : "${LV_DIR[$h]:?unknown libvirt host $h}"
    if pid=$(lv_daemon_pid "$h" libvirtd); then
        lv_log "$h: stopping libvirtd ($pid, SIG$sig)"
        kill -s "$sig" "$pid"
        for ((i = 0; i < 100; i++)); do
            lv_alive "$pid" || break
            sleep 0.1
        done
        if lv_alive "$pid"; then
            lv_log "$h: libvirtd still there after 10 s; killing it"
            kill -9 "$pid"
            sleep 0.2
        fi
    fi
    lv_log "$h: starting libvirtd again"
    lv_start_libvirtd "$h"
}

lv_stop() {
    local h=$1 dir=${LV_DIR[$1]:-} name
    [ -n "$dir" ] || return 0
    if [ -S "$dir/run/libvirt-sock" ] && lv_answers "$h"; then
        # Through libvirt first, so that it tears down what it set up
        # (taps it created, its state files).
        for name in $(timeout 30 virsh -c "$(lv_uri "$h")" list --all --name 2>/dev/null); do
            timeout 30 virsh -c "$(lv_uri "$h")" destroy "$name" >/dev/null 2>&1
            timeout 30 virsh -c "$(lv_uri "$h")" undefine "$name" >/dev/null 2>&1
        done
    fi
    lv_kill_all "$dir"
    lv_caps_save "$dir"
    if [ -z "${LV_KEEP:-}" ]; then
        rm -rf "$dir"
    else
        lv_log "$h: keeping $dir"
    fi
    unset "LV_DIR[$h]" "LV_NETNS[$h]"
    return 0
}

lv_cleanup() {
    local h
    for h in "${!LV_DIR[@]}"; do
        lv_stop "$h"
    done
}
