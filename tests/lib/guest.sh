# guest.sh: a tiny QEMU guest made of Debian packages, for system tests that
# run real VMs under libvirt (see libvirt.sh).  Source it from bash.
#
#   guest_build                     make (once, cached) a kernel and an
#                                   initramfs; sets GUEST_KERNEL and
#                                   GUEST_INITRD
#   guest_xml NAME TAP MAC VNET IP/LEN PEER [managed]
#                                   print a libvirt domain XML: TCG, direct
#                                   kernel boot, serial console written to
#                                   $GUEST_CONSOLE_DIR/NAME.log, one virtio
#                                   NIC of the vPlane form and vPlane's
#                                   metadata (MAC in VNET with IP).  The tap
#                                   is TAP, made beforehand (managed='no');
#                                   with "libvirt" as 7th argument libvirt
#                                   creates it (named TAP, or vnetN when TAP
#                                   is "" or "-").  PEER ("" or "-": none)
#                                   is pinged once a second.
#   guest_console NAME              the console log's path
#   guest_wait_up NAME [SECS]       wait (default 120 s) until the guest's
#                                   eth0 is up; false (and the log's tail
#                                   on stderr) otherwise
#   guest_wait_ping NAME PEER [SECS]
#                                   wait until the guest has had a reply
#                                   from PEER after the console's current
#                                   end (so it says "pings work now")
#
# Environment:
#   GUEST_CACHE        cache directory (/var/cache/vplane/guest)
#   GUEST_CONSOLE_DIR  where consoles are written (must exist; default
#                      /tmp; libvirtd opens the files, so not under the
#                      paths libvirt.sh mounts over in its namespace)
#   GUEST_MEMORY_MIB   guest memory (256)
#   GUEST_MTU          if set, the guest's eth0 MTU
#   GUEST_GW           if set, the guest's default gateway
#
# The guest's /init prints, on ttyS0, lines a test can grep:
#   vplane-guest: eth0 up 10.1.0.11/24 mac 52:54:00:00:01:01 mtu 1500
#   vplane-guest: ping 10.1.0.12 seq=3 ok time=1.234 ms
#   vplane-guest: ping 10.1.0.12 seq=4 timeout
# and it answers pings all along (that is the kernel's job).  A serial
# line ends lines with CR LF: strip the \r before matching a line's end.
# Kernel messages show up there too, only warnings and worse ("quiet").
#
# The kernel is the one Debian's linux-image-amd64 points at, downloaded
# with "apt-get download" and unpacked, never installed: that takes seconds
# and leaves the machine alone.  Userland is busybox-static.

GUEST_CACHE=${GUEST_CACHE:-/var/cache/vplane/guest}
GUEST_CONSOLE_DIR=${GUEST_CONSOLE_DIR:-/tmp}
GUEST_MEMORY_MIB=${GUEST_MEMORY_MIB:-256}

# Loaded in this order: each needs the ones before it (no modprobe, no
# modules.dep in the guest).  The virtio ones make eth0; button and evdev
# let the guest see the ACPI power button, so "virsh shutdown" works.
GUEST_MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev
virtio_pci failover net_failover virtio_net button evdev"

guest_log() { printf 'guest: %s\n' "$*" >&2; }

# The /init of the initramfs.  Quoted here-document: nothing is expanded
# now, everything in the guest.
guest_init_script() {
    cat <<'EOF'
#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

say() { echo "vplane-guest: $*"; }

for m in $(cat /modules.order); do
    insmod "/modules/$m.ko" || say "insmod $m failed"
done

# ACPI power button (virsh shutdown): power off at its first event.
for e in /sys/class/input/event*; do
    if [ "$(cat "$e/device/name" 2>/dev/null)" = "Power Button" ]; then
        (head -c 1 "/dev/input/${e##*/}" >/dev/null && say "power button" \
            && poweroff -f) &
    fi
done

ip= peer= mtu= gw=
for arg in $(cat /proc/cmdline); do
    case $arg in
        vplane.ip=*) ip=${arg#vplane.ip=} ;;
        vplane.ping=*) peer=${arg#vplane.ping=} ;;
        vplane.mtu=*) mtu=${arg#vplane.mtu=} ;;
        vplane.gw=*) gw=${arg#vplane.gw=} ;;
    esac
done

# virtio_net probes asynchronously: wait for eth0.
i=0
while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
ip link set lo up
if [ ! -e /sys/class/net/eth0 ]; then
    say "no eth0"
else
    [ -n "$mtu" ] && ip link set eth0 mtu "$mtu"
    [ -n "$ip" ] && ip addr add "$ip" dev eth0
    ip link set eth0 up
    [ -n "$gw" ] && ip route add default via "$gw"
    say "eth0 up ${ip:-noaddress} mac $(cat /sys/class/net/eth0/address)" \
        "mtu $(cat /sys/class/net/eth0/mtu)${gw:+ gw $gw}"
fi

# One ping a second, each result on its own line.  A reply is followed by
# a sleep; a timeout has already waited its second.
seq=0
while [ -n "$peer" ]; do
    out=$(ping -c 1 -W 1 "$peer" 2>&1 | grep 'bytes from')
    if [ -n "$out" ]; then
        say "ping $peer seq=$seq ok time=${out#*time=}"
        sleep 1
    else
        say "ping $peer seq=$seq timeout"
    fi
    seq=$((seq + 1))
done
# Never return: the kernel would panic.
while :; do sleep 3600; done
EOF
}

# The recipe the cached initramfs was made from: a change to the init
# script, the module list or busybox makes a new one.
guest_recipe() {
    {
        guest_init_script
        echo "$GUEST_MODULES"
        sha256sum </bin/busybox
    } | sha256sum | cut -c1-16
}

guest_build() {
    local pkg kver dir recipe tmp
    # The guest has no libc: Debian's other busybox (dynamic, also
    # /bin/busybox) would not run there.
    if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q "ok installed"; then
        guest_log "busybox-static is not installed"
        return 1
    fi
    # linux-image-amd64 is a metapackage; its dependency is the real kernel.
    pkg=$(apt-cache depends linux-image-amd64 2>/dev/null \
        | awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }')
    [ -n "$pkg" ] || { guest_log "cannot tell which kernel linux-image-amd64 wants"; return 1; }
    kver=${pkg#linux-image-}
    dir=$GUEST_CACHE/$kver
    recipe=$(guest_recipe)
    GUEST_KERNEL=$dir/vmlinuz
    GUEST_INITRD=$dir/initrd-$recipe.gz
    if [ -f "$GUEST_KERNEL" ] && [ -f "$GUEST_INITRD" ]; then
        guest_log "using cached kernel $kver and initramfs $recipe"
        export GUEST_KERNEL GUEST_INITRD
        return 0
    fi
    mkdir -p "$dir" || return 1
    # Built in a private directory next to the cache, then renamed into
    # place file by file: rename(2) is atomic, so a concurrent build or user
    # sees either nothing or a whole file.
    tmp=$(mktemp -d "$dir/.build.XXXXXX") || return 1
    if ! guest_build_in "$tmp" "$pkg" "$kver"; then
        rm -rf "$tmp"
        return 1
    fi
    mv -f "$tmp/vmlinuz" "$GUEST_KERNEL" && mv -f "$tmp/initrd.gz" "$GUEST_INITRD"
    local rc=$?
    rm -rf "$tmp"
    [ $rc -eq 0 ] || return 1
    guest_log "kernel $GUEST_KERNEL, initramfs $GUEST_INITRD"
    export GUEST_KERNEL GUEST_INITRD
}

guest_build_in() {
    local tmp=$1 pkg=$2 kver=$3 deb m f
    guest_log "downloading $pkg"
    # As root apt-get download warns that it cannot drop to _apt in a
    # directory _apt cannot write; that is harmless.
    (cd "$tmp" && apt-get download -q "$pkg" >download.log 2>&1) \
        || { guest_log "apt-get download $pkg failed:"; cat "$tmp/download.log" >&2; return 1; }
    local debs=("$tmp/$pkg"_*.deb)
    deb=${debs[0]}
    [ -f "$deb" ] || { guest_log "no .deb downloaded"; return 1; }
    # Only the kernel and the modules we load: unpacking the whole package
    # would write some 400 MB.
    guest_log "unpacking vmlinuz and the virtio_net modules"
    mkdir -p "$tmp/x"
    local patterns=("./boot/vmlinuz-$kver")
    for m in $GUEST_MODULES; do
        patterns+=("./lib/modules/$kver/kernel/*/$m.ko*")
    done
    dpkg-deb --fsys-tarfile "$deb" \
        | tar -x -C "$tmp/x" --wildcards "${patterns[@]}" \
        || { guest_log "unpacking $deb failed"; return 1; }
    rm -f "$deb"
    mv "$tmp/x/boot/vmlinuz-$kver" "$tmp/vmlinuz" || return 1

    local root=$tmp/root
    mkdir -p "$root/bin" "$root/modules" "$root/dev"
    cp /bin/busybox "$root/bin/busybox"
    : >"$root/modules.order"
    for m in $GUEST_MODULES; do
        f=$(find "$tmp/x/lib/modules" -name "$m.ko*" | head -n 1)
        [ -n "$f" ] || { guest_log "module $m not in $pkg"; return 1; }
        # busybox insmod cannot read compressed modules: decompress here.
        case $f in
            *.ko) cp "$f" "$root/modules/$m.ko" ;;
            *.ko.xz) xz -dc "$f" >"$root/modules/$m.ko" ;;
            *.ko.zst) zstd -qdc "$f" >"$root/modules/$m.ko" ;;
            *.ko.gz) gzip -dc "$f" >"$root/modules/$m.ko" ;;
            *) guest_log "module $f: unknown compression"; return 1 ;;
        esac || { guest_log "cannot decompress $f"; return 1; }
        echo "$m" >>"$root/modules.order"
    done
    guest_init_script >"$root/init"
    chmod 755 "$root/init"
    guest_log "making the initramfs"
    # busybox's cpio makes the newc archive the kernel wants (no cpio
    # package needed).  Sorted names keep the archive reproducible.
    (cd "$root" && find . | sort | busybox cpio -o -H newc 2>/dev/null) \
        | gzip -9n >"$tmp/initrd.gz" || { guest_log "cpio failed"; return 1; }
}

guest_console() { printf '%s/%s.log' "$GUEST_CONSOLE_DIR" "$1"; }

# XML text for an attribute or element value (names, paths).
guest_xml_escape() {
    local s=$1
    s=${s//&/&amp;}
    s=${s//</&lt;}
    s=${s//>/&gt;}
    s=${s//\'/&apos;}
    s=${s//\"/&quot;}
    printf '%s' "$s"
}

guest_xml() {
    local name=$1 tap=$2 mac=$3 vnet=$4 addr=$5 peer=$6 managed=${7:-no}
    : "${GUEST_KERNEL:?guest_build first}" "${GUEST_INITRD:?guest_build first}"
    local cmdline="console=ttyS0 quiet panic=-1 vplane.ip=$addr"
    case $peer in "" | -) ;; *) cmdline+=" vplane.ping=$peer" ;; esac
    [ -n "${GUEST_MTU:-}" ] && cmdline+=" vplane.mtu=$GUEST_MTU"
    [ -n "${GUEST_GW:-}" ] && cmdline+=" vplane.gw=$GUEST_GW"
    local target
    case $managed in
        no) target="<target dev='$(guest_xml_escape "$tap")' managed='no'/>" ;;
        libvirt)
            case $tap in
                "" | -) target= ;;
                *) target="<target dev='$(guest_xml_escape "$tap")'/>" ;;
            esac
            ;;
        *) guest_log "guest_xml: 7th argument is 'libvirt' or nothing"; return 1 ;;
    esac
    # machine 'pc' with ACPI: PCI hot-plug (attach-interface and, with the
    # guest's consent through ACPI, detach) works on its root bus without
    # extra controllers.  No USB, balloon or graphics: less for TCG to
    # emulate.
    [ -n "$target" ] && target="
      $target"
    cat <<EOF
<domain type='qemu'>
  <name>$(guest_xml_escape "$name")</name>
  <memory unit='MiB'>$GUEST_MEMORY_MIB</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$(guest_xml_escape "$GUEST_KERNEL")</kernel>
    <initrd>$(guest_xml_escape "$GUEST_INITRD")</initrd>
    <cmdline>$cmdline</cmdline>
  </os>
  <features>
    <acpi/>
  </features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <metadata>
    <vplane:interfaces xmlns:vplane="http://vplane.dev/xmlns/libvirt/1">
      <vplane:interface mac="$mac" vnet="$(guest_xml_escape "$vnet")">
        <vplane:ip address="${addr%/*}"/>
      </vplane:interface>
    </vplane:interfaces>
  </metadata>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <interface type='ethernet'>
      <mac address='$mac'/>${target}
      <model type='virtio'/>
    </interface>
    <serial type='file'>
      <source path='$(guest_xml_escape "$(guest_console "$name")")'/>
      <target port='0'/>
    </serial>
    <controller type='usb' model='none'/>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
}

# guest_wait_up NAME [SECS]
guest_wait_up() {
    local name=$1 secs=${2:-120} log i
    log=$(guest_console "$name")
    for ((i = 0; i < secs * 10; i++)); do
        grep -q '^vplane-guest: eth0 up' "$log" 2>/dev/null && return 0
        sleep 0.1
    done
    guest_log "$name: eth0 not up after $secs s; console:"
    tail -n 20 "$log" >&2 2>/dev/null
    return 1
}

# guest_wait_ping NAME PEER [SECS]: a reply counted only if it is printed
# after this call started (the line count now is the starting point).
guest_wait_ping() {
    local name=$1 peer=$2 secs=${3:-60} log start i
    log=$(guest_console "$name")
    start=$(wc -l <"$log" 2>/dev/null || echo 0)
    for ((i = 0; i < secs * 10; i++)); do
        tail -n +"$((start + 1))" "$log" 2>/dev/null \
            | grep -q "^vplane-guest: ping $peer seq=[0-9]* ok" && return 0
        sleep 0.1
    done
    guest_log "$name: no reply from $peer in $secs s; console:"
    tail -n 10 "$log" >&2 2>/dev/null
    return 1
}
