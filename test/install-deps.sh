#!/bin/sh
# Installs the Debian packages a task needs when they are missing and we are
# root; otherwise names them and fails.  Usage: install-deps.sh GROUP...
# Groups: build test asan valgrind vm docs fuzz
set -eu
pkgs=""
for g in "$@"; do
	case "$g" in
	build)    pkgs="$pkgs gcc make pkg-config libnl-3-dev libnl-route-3-dev libjson-c-dev" ;;
	test)     pkgs="$pkgs check iproute2 jq g++ procps clang" ;;  # clang: the bpf program of the tc tool test
	asan)     pkgs="$pkgs gcc" ;;
	valgrind) pkgs="$pkgs valgrind" ;;
	vm)       pkgs="$pkgs qemu-system-x86 busybox-static cpio kmod" ;;
	docs)     pkgs="$pkgs doxygen scdoc" ;;
	fuzz)     pkgs="$pkgs clang libclang-rt-14-dev" ;;
	*) echo "install-deps.sh: unknown group $g" >&2; exit 2 ;;
	esac
done
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "missing Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install$missing" >&2
	exit 1
fi
echo "installing Debian packages:$missing" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
