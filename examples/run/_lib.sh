# Shared by the example checks (sourced).  Each runs in a throw-away netns
# (make examples-run: unshare -n; make check: test-tools.c).  NLHL_BIN is
# the folder of the built programs.
set -eu
: "${NLHL_BIN:?NLHL_BIN must name the folder of the built programs}"
T=$(mktemp -d /tmp/nlhl-example.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL ($(basename "$0" .sh)): $*" >&2; [ -s "$T/out" ] && sed 's/^/  | /' "$T/out" >&2; exit 1; }
# run NAME: runs the example, its output in $T/out; it must exit 0.
run() { "$NLHL_BIN/$1" >"$T/out" 2>&1 || fail "$1 exited $?"; }
has() { grep -qE -- "$1" "$T/out" || fail "output lacks /$1/"; }
