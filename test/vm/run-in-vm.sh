#!/bin/bash
# run-in-vm.sh - the project's runner of `make check-vm` (test/vm.mk); kept
# self-contained so it works on a fresh machine.  Derived from the shared
# reference recipe (../shared/kernel-vm/run-in-vm.sh).
#
# Runs a command as root inside a full Debian kernel (linux-image-amd64)
# booted under qemu TCG (no KVM needed), with the host root filesystem shared
# read-only and one host folder shared read-write, and return the command's
# exit code.  Meant for testing netlink link types / tc features that the
# host kernel lacks (dummy, vlan, bond, gre, vrf, wireguard, netem, flower, ...).
#
# usage: run-in-vm.sh [-d DIR] [-e NAME=VALUE]... [--] CMD [ARGS...]
#   -d DIR   host folder shared read-write at the same path inside the VM and
#            used as the working directory (default: current directory)
#   -e N=V   export an environment variable to CMD (repeatable)
#   CMD runs under the host's own /bin/bash, libraries and tools: the guest
#   userland IS the host root (9p, read-only), so host-built binaries, libnl,
#   ip, tc, python... run unchanged.  /tmp, /run, /var/tmp, /dev/shm are fresh
#   tmpfs in the guest; everything outside DIR is read-only.
#
# environment knobs:
#   VM_MEM=1G  VM_SMP=2  VM_TIMEOUT=1800 (seconds, whole VM run)
#   VM_PRELOAD="dummy sch_netem ..."  modules to load before CMD ("all" = every
#            module in the initramfs). Default: none; the guest kernel
#            autoloads modules on demand (ip link add type X, tc qdisc add X).
#   VM_EXTRA_MODULES="..."  more module names to put in the initramfs
#   VM_KERNEL_PKG=linux-image-amd64   (metapackage or exact linux-image-* name;
#            the cloud flavour has no 9p, so it cannot be used)
#   VM_CACHE=dir   where the extracted kernel + initramfs are kept
#            (default ${XDG_CACHE_HOME:-$HOME/.cache}/kernel-vm)
#   VM_VERBOSE=1   show firmware/kernel boot output and timings
#
# exit code: CMD's exit code; 124 if the VM timed out, 125 if the VM failed
# (no exit code came back: kernel panic, 9p failure, ...), 126 setup error.
set -euo pipefail

DIR=$PWD
ENVS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DIR=$2; shift 2 ;;
    -e) ENVS+=("$2"); shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-d DIR] [-e N=V]... [--] CMD [ARGS...]" >&2; exit 126; }
DIR=$(cd "$DIR" && pwd -P)

VM_MEM=${VM_MEM:-1G}
VM_SMP=${VM_SMP:-2}
VM_TIMEOUT=${VM_TIMEOUT:-1800}
VM_PRELOAD=${VM_PRELOAD:-}
VM_KERNEL_PKG=${VM_KERNEL_PKG:-linux-image-amd64}
VM_CACHE=${VM_CACHE:-${XDG_CACHE_HOME:-${HOME:-/var/tmp}/.cache}/kernel-vm}
VM_VERBOSE=${VM_VERBOSE:-0}
log() { [ "$VM_VERBOSE" = 1 ] && echo "[run-in-vm] $*" >&2 || true; }
die() { echo "[run-in-vm] $*" >&2; exit 126; }

# ---------------------------------------------------------------- 1. host deps
# The project's dependency installer (group vm: qemu-system-x86,
# busybox-static -- static, so it needs no libraries in the initramfs --,
# cpio, kmod for depmod/modprobe).  As non-root it names what is missing.
APT_UPDATED=0
apt_update() { [ $APT_UPDATED = 1 ] || { apt-get update -qq >&2 || true; APT_UPDATED=1; }; }
HERE=$(cd "$(dirname "$0")" && pwd -P)
sh "$HERE/../install-deps.sh" vm || die "cannot install the VM's host packages"
export PATH=$PATH:/usr/sbin:/sbin

# ------------------------------------------------- 2. kernel (downloaded, not installed)
# The metapackage linux-image-amd64 depends on the versioned image package; we
# only download + extract it (no bootloader hooks, no host initramfs-tools).
resolve_pkg() { apt-cache depends "$VM_KERNEL_PKG" 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
case "$VM_KERNEL_PKG" in
  linux-image-[0-9]*) KPKG=$VM_KERNEL_PKG ;;
  *) KPKG=$(resolve_pkg); [ -n "$KPKG" ] || { apt_update; KPKG=$(resolve_pkg); } ;;
esac
[ -n "$KPKG" ] || die "cannot resolve $VM_KERNEL_PKG (apt-get update?)"
KDIR=$VM_CACHE/$KPKG
if [ ! -e "$KDIR/.extracted" ]; then
  log "downloading $KPKG"
  rm -rf "$KDIR"; mkdir -p "$KDIR/dl"
  ( cd "$KDIR/dl" && apt-get download -o APT::Sandbox::User=root "$KPKG" >&2 ) \
    || { apt_update; ( cd "$KDIR/dl" && apt-get download -o APT::Sandbox::User=root "$KPKG" >&2 ); } \
    || die "apt-get download $KPKG failed"
  dpkg-deb -x "$KDIR"/dl/*.deb "$KDIR/root"
  rm -rf "$KDIR/dl"
  touch "$KDIR/.extracted"
fi
KVER=$(ls "$KDIR/root/lib/modules" | head -1)
VMLINUZ=$KDIR/root/boot/vmlinuz-$KVER
MODROOT=$KDIR/root/lib/modules/$KVER
[ -e "$MODROOT/modules.dep" ] || depmod -b "$KDIR/root" "$KVER"

# ---------------------------------------------------------------- 3. initramfs
# busybox-static + the modules for virtio/9p and for networking features, with
# modules.dep/alias so the kernel's on-demand request_module() (-> busybox
# modprobe in the initramfs root, which kernel helpers keep using even after we
# chroot into the host root) finds them.
MODS="virtio_pci 9pnet_virtio 9p
 dummy 8021q bonding team team_mode_roundrobin team_mode_activebackup team_mode_loadbalance team_mode_broadcast
 bridge veth vxlan geneve macvlan macvtap ipvlan ipvtap ifb tun vrf wireguard macsec nlmon gtp
 ip_gre ip6_gre ipip sit ip6_tunnel ip_vti ip6_vti xfrm_interface fou fou6 mpls_router mpls_gso mpls_iptunnel
 xfrm_user xfrm_ipcomp esp4 esp6 ah4 ah6 ipcomp ipcomp6 xfrm4_tunnel xfrm6_tunnel af_key
 authenc authencesn echainiv seqiv gcm ghash_generic ccm chacha20poly1305 cmac xcbc
 aesni_intel sha512_generic md5 des_generic cbc ctr
 drbg jitterentropy_rng ansi_cprng
 vcan
 psample nf_conntrack nf_nat ip_tables ip6_tables nf_tables nfnetlink
 ${VM_EXTRA_MODULES:-}"
INIT_SH=$(cat <<'INIT_EOF'
#!/bin/sh
export PATH=/bin:/sbin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
grep -q vmverbose=1 /proc/cmdline && VERBOSE=1 || { VERBOSE=0; dmesg -n 1; }
T0=$(cut -d' ' -f1 /proc/uptime)
fail() { echo "@@VM-FAIL@@ $*"; poweroff -f; }
# no gre0/tunl0/sit0/... fallback devices (also in new namespaces)
echo 2 > /proc/sys/net/core/fb_tunnels_only_for_init_net
modprobe virtio_pci; modprobe 9pnet_virtio; modprobe 9p
O=trans=virtio,version=9p2000.L,msize=512000
mkdir -p /ctl /newroot
mount -t 9p -o $O ctl /ctl || fail "9p ctl"
# read-only host root: cache=loose lets the guest cache pages/dentries (exec of
# dynamically linked host binaries is ~4x faster than with no cache)
mount -t 9p -o $O,ro,cache=loose hostroot /newroot || fail "9p hostroot"
. /ctl/vars        # WORKDIR, PRELOAD
R=/newroot
mount -t proc proc $R/proc; mount -t sysfs sys $R/sys; mount -t devtmpfs dev $R/dev
# static nodes for on-demand modules (like kmod static-nodes): /dev/net/tun, ...
sed -n 's/^[^#][^ ]* \([^ ]*\) \([cb]\)\([0-9]*\):\([0-9]*\)$/\1 \2 \3 \4/p' /lib/modules/$(uname -r)/modules.devname |
  while read -r n t ma mi; do [ -e "$R/dev/$n" ] || { case $n in */*) mkdir -p "$R/dev/${n%/*}";; esac; mknod "$R/dev/$n" $t $ma $mi; }; done
mkdir -p $R/dev/pts $R/dev/shm 2>/dev/null; mount -t devpts devpts $R/dev/pts; mount -t tmpfs shm $R/dev/shm
for d in /tmp /run /var/tmp; do mount -t tmpfs -o mode=1777 tmp $R$d; done
mkdir -p $R/run/vm-ctl; mount --bind /ctl $R/run/vm-ctl
mkdir -p "$R$WORKDIR" 2>/dev/null; mount -t 9p -o $O work "$R$WORKDIR" || fail "9p work at $WORKDIR"
[ "$PRELOAD" = all ] && PRELOAD=$(sed 's|.*/||; s|\.ko.*||' /lib/modules/$(uname -r)/modules.order)
for m in $PRELOAD; do modprobe "$m" || echo "[run-in-vm] modprobe $m failed" >&2; done
T1=$(cut -d' ' -f1 /proc/uptime)
[ $VERBOSE = 1 ] && echo "[run-in-vm] guest uptime at init=$T0 before command=$T1"
echo "@@VM-START@@"
chroot $R /bin/bash /run/vm-ctl/cmd.sh </dev/null
echo $? > /ctl/rc
echo "@@VM-END@@"
[ $VERBOSE = 1 ] && echo "[run-in-vm] guest uptime at end=$(cut -d' ' -f1 /proc/uptime)"
sync; umount "$R$WORKDIR" 2>/dev/null; poweroff -f
INIT_EOF
)
STAMP=$(printf '%s\n%s\n' "$MODS" "$INIT_SH" | md5sum | cut -c1-12)
INITRD=$KDIR/initrd-$STAMP.cpio
if [ ! -e "$INITRD" ]; then
  log "building initramfs $INITRD"
  STAGE=$(mktemp -d "$KDIR/stage.XXXXXX")
  mkdir -p "$STAGE"/{bin,sbin,proc,sys,dev,etc/modprobe.d,lib/modules/$KVER}
  cp /bin/busybox "$STAGE/bin/busybox"
  # busybox-static prefers its applets over PATH, so don't rely on /bin/ip etc.
  for a in $("$STAGE/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$STAGE/bin/$a"; done
  ln -sf ../bin/busybox "$STAGE/sbin/modprobe"
  # Debian's defaults: don't create bond0/dummy0/ifb0.. on module load
  printf 'options bonding max_bonds=0\noptions dummy numdummies=0\noptions ifb numifbs=0\n' > "$STAGE/etc/modprobe.d/vm.conf"
  # every tc qdisc/classifier/action/ematch + the list above, with dependencies
  ALL=$(cd "$MODROOT" && find kernel/net/sched -name '*.ko*' | sed 's|.*/||; s|\.ko.*||')
  for m in $MODS $ALL; do
    # a name this kernel lacks must not end the build (set -e + pipefail)
    { modprobe -C /dev/null -d "$KDIR/root" -S "$KVER" --show-depends "$m" 2>/dev/null || true; } |
      awk '$1=="insmod"{print $2}'
  done | sort -u | while read -r p; do
    rel=${p#"$MODROOT"/}; mkdir -p "$STAGE/lib/modules/$KVER/$(dirname "$rel")"; cp "$p" "$STAGE/lib/modules/$KVER/$rel"
  done
  cp "$MODROOT"/modules.builtin* "$STAGE/lib/modules/$KVER/"
  ( cd "$STAGE/lib/modules/$KVER" && find kernel -name '*.ko*' | sort > modules.order )
  depmod -b "$STAGE" "$KVER"
  printf '%s\n' "$INIT_SH" > "$STAGE/init"; chmod 755 "$STAGE/init"
  ( cd "$STAGE" && find . | cpio -o -H newc --quiet ) > "$INITRD.tmp" && mv "$INITRD.tmp" "$INITRD"
  rm -rf "$STAGE"
fi

# ---------------------------------------------------------------- 4. run
CTL=$(mktemp -d "${TMPDIR:-/tmp}/run-in-vm.XXXXXX")
trap 'rm -rf "$CTL"' EXIT
{ printf 'WORKDIR=%q\n' "$DIR"; printf 'PRELOAD=%q\n' "$VM_PRELOAD"; } > "$CTL/vars"
{
  echo 'export HOME=/root TERM=dumb LANG=C.UTF-8'
  printf 'export PATH=%q\n' "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  for e in "${ENVS[@]+"${ENVS[@]}"}"; do printf 'export %q\n' "$e"; done
  printf 'cd %q || exit 125\n' "$DIR"
  printf 'exec'; printf ' %q' "$@"; printf ' 2>&1\n'
} > "$CTL/cmd.sh"

APPEND="console=ttyS0 quiet panic=-1"
[ "$VM_VERBOSE" = 1 ] && APPEND="$APPEND vmverbose=1"
T_START=$(date +%s.%N)
set +e
# Guest output: everything before @@VM-START@@ (BIOS, kernel) goes to a log
# shown only on failure; the command's output is streamed; \r from the serial
# tty is stripped.
timeout -k 10 "$VM_TIMEOUT" qemu-system-x86_64 \
    -machine accel=tcg -cpu max -m "$VM_MEM" -smp "$VM_SMP" \
    -nodefaults -no-user-config -display none -serial stdio -nic none -no-reboot \
    -kernel "$VMLINUZ" -initrd "$INITRD" -append "$APPEND" \
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap,id=hostroot \
    -virtfs local,path="$DIR",mount_tag=work,security_model=none,multidevs=remap,id=work \
    -virtfs local,path="$CTL",mount_tag=ctl,security_model=none,id=ctl \
    </dev/null 2>&1 | tr -d '\r' | {
      on=0
      while IFS= read -r line; do
        case "$line" in
          *@@VM-START@@*) on=1; continue ;;
          *@@VM-END@@*) on=0; continue ;;
        esac
        if [ $on = 1 ]; then printf '%s\n' "$line"
        else printf '%s\n' "$line" >> "$CTL/boot.log"; [ "$VM_VERBOSE" = 1 ] && printf '[vm] %s\n' "$line" >&2; fi
      done
    }
QRC=${PIPESTATUS[0]}
set -e
log "qemu exit=$QRC wall=$(awk -v a="$T_START" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')s"
if [ -s "$CTL/rc" ]; then exit "$(cat "$CTL/rc")"; fi
if [ "$QRC" = 137 ] || [ "$QRC" = 124 ]; then echo "[run-in-vm] VM timed out after ${VM_TIMEOUT}s" >&2; exit 124; fi
echo "[run-in-vm] VM failed (qemu exit $QRC), no exit code; boot log:" >&2
tail -n 40 "$CTL/boot.log" >&2 2>/dev/null || true
exit 125
