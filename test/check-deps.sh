#!/bin/sh
# Proves the header dependencies (-MMD -MP in the Makefile): in a copy of
# the tree, after one build, touching each header makes `make -n` recompile
# exactly the objects whose sources include it, directly or through another
# header (the oracle is grep, not the compiler).  Usage: sh test/check-deps.sh
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nlhl-deps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$src"
tar cf - --exclude='./build*' --exclude=./.git . | (cd "$tmp" && tar xf -)
cd "$tmp"
goals="lib build/test/nlhl-tests all"
echo "check-deps: building $goals in $tmp"
make -s -j2 $goals >/dev/null

# The sources that include $1 (directly or through other headers).
includers() {
	todo=$1 seen=""
	while [ -n "$todo" ]; do
		set -- $todo; h=$1; shift; todo="$*"
		case "$h" in include/*) name=${h#include/} ;; *) name=${h##*/} ;; esac
		pat="^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]([^>\"]*/)?$(printf %s "$name" | sed 's/\./\\./g')[>\"]"
		for f in $(grep -lE "$pat" lib/*.[ch] include/*.h include/netlinkhl/*.h include/netlinkhl/sys/*.h \
			test/*.[ch] examples/*.c examples/common/*.[ch] 2>/dev/null); do
			case " $seen " in *" $f "*) continue ;; esac
			seen="$seen $f"
			case "$f" in *.h) todo="$todo $f" ;; esac
		done
	done
	for f in $seen; do
		case "$f" in
		lib/*.c) echo "build/lib/$(basename "$f" .c).o"; echo "build/pic/$(basename "$f" .c).o" ;;
		test/*.c) echo "build/test/$(basename "$f" .c).o" ;;
		examples/*.c) echo "build/${f%.c}.o" ;;
		esac
	done | sort
}

fails=0 n=0
for h in $(ls lib/*.h include/netlinkhl.h include/netlinkhl/*.h include/netlinkhl/sys/*.h test/*.h \
	examples/common/*.h 2>/dev/null); do
	old=$(stat -c %Y "$h")
	touch "$h"
	got=$(make -n $goals 2>/dev/null | grep -oE ' -c [^ ]+ -o [^ ]+\.o' | awk '{print $4}' | sort)
	touch -d "@$old" "$h"
	want=$(includers "$h")
	n=$((n + 1))
	if [ "$got" = "$want" ]; then
		echo "ok   $h: $(printf '%s\n' "$got" | grep -c . || true) objects"
	else
		echo "FAIL $h"; fails=$((fails + 1))
		printf '%s\n' "$want" > want; printf '%s\n' "$got" > got
		diff want got | sed 's/^/    /' || true
	fi
done
for h in lib/internal-link.h test/harness-link.h; do
	[ -f "$h" ] || continue
	echo "includers of $h (grep -l):" $(grep -l "$(basename "$h")" lib/*.c test/*.c | tr '\n' ' ')
done
echo "check-deps: $n headers, $fails wrong"
[ "$fails" = 0 ]
