# Shared helpers of the tool tests (sourced).  Each test runs in a fresh,
# throw-away network namespace: test-tools.c (make check) or `unshare -n`
# (make check-tools).  NLHL_BIN is the folder of the built tools.
set -eu
: "${NLHL_BIN:?NLHL_BIN must name the folder of the built tools}"
PATH="$NLHL_BIN:$PATH"
export PATH
T=$(mktemp -d /tmp/nlhl-tooltest.XXXXXX)
cleanup_hooks=""
on_exit() { st=$?; set +e; eval "$cleanup_hooks"; rm -rf "$T"; exit $st; }
trap on_exit EXIT
# No IPv6 duplicate address detection on the links a test makes: their
# addresses are then final at once.
sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0 2>/dev/null || true
at_exit() { cleanup_hooks="$1; $cleanup_hooks"; }

fail() { echo "FAIL ($(basename "$0")): $*" >&2; exit 1; }
note() { echo "# $*"; }

# rc N CMD...: runs CMD (stdout -> $T/out, stderr -> $T/err), asserts exit N.
rc() {
	want=$1; shift
	set +e
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	set -e
	[ "$got" = "$want" ] || fail "\"$*\" exited $got, want $want; stderr: $(cat "$T/err")"
}
# ok CMD...: rc 0.
ok() { rc 0 "$@"; }
# err_has TEXT: the last rc/ok's stderr contains TEXT.
err_has() { grep -qF -- "$1" "$T/err" || fail "stderr lacks \"$1\": $(cat "$T/err")"; }
out_has() { grep -qF -- "$1" "$T/out" || fail "stdout lacks \"$1\": $(cat "$T/out")"; }
out_lacks() { ! grep -qF -- "$1" "$T/out" || fail "stdout has \"$1\": $(cat "$T/out")"; }

# same_json A B: two JSON texts equal (jq -S normalised).
same_json() {
	a=$(printf '%s' "$1" | jq -S .) || fail "not JSON: $1"
	b=$(printf '%s' "$2" | jq -S .) || fail "not JSON: $2"
	[ "$a" = "$b" ] || fail "JSON differs:
--- ours
$a
--- ip
$b"
}

# usage_err CMD...: a bad command line exits 1, prints the usage on stderr
# and changes nothing (`ip -j` snapshots of the state before and after).
# (Carrier and IPv6 duplicate address detection change by themselves: the
# snapshot leaves out link flags, operstate and link-local addresses.)
snapshot() {
	{ ip -d -j link show | jq -c '[.[] | del(.flags, .operstate, .stats64)]'
	  ip -j addr show | jq -c '[.[] | .addr_info[]? | select(.scope != "link") | del(.tentative, .valid_life_time, .preferred_life_time)]'
	  ip -j route show table all | jq -c '[.[] | select(.dst | startswith("fe80") | not)]'
	  ip -j -6 route show table all | jq -c 'length'
	  ip -j rule show; ip -j -6 rule show; ip -j neigh show nud permanent
	  tc -j qdisc show; ls /run/netns 2>/dev/null | grep "^nlhlt-[a-z]*-$$" || true; } 2>/dev/null
}
usage_err() {
	before=$(snapshot)
	rc 1 "$@"
	err_has "Usage:"
	after=$(snapshot)
	[ "$before" = "$after" ] || fail "\"$*\" changed the state:
$(printf '%s\n' "$before" >"$T/before"; printf '%s\n' "$after" | diff "$T/before" - )"
}

# same_as_ip "OUR COMMAND" "IP COMMAND" JQ: both print JSON; JQ projects
# each to the fields compared.  Retried a few times, since the kernel may
# change a link's carrier between the two reads.
same_as_ip() {
	i=0
	while :; do
		a=$(eval "$1" | jq -S "$3") || fail "not JSON from: $1"
		b=$(eval "$2" | jq -S "$3") || fail "not JSON from: $2"
		[ "$a" = "$b" ] && return 0
		i=$((i + 1))
		[ $i -lt 5 ] || fail "\"$1\" differs from \"$2\" (through $3):
--- ours
$a
--- ip
$b"
		sleep 0.3
	done
}
