#!/bin/sh
# nlhl-netns against `ip netns`.
. "$(dirname "$0")/_lib.sh"

n1=nlhlt-tools-$$-a
n2=nlhlt-tools-$$-b
n3=nlhlt-tools-$$-c
at_exit "for n in $n1 $n2 $n3; do ip netns del \$n 2>/dev/null; done; true"

# add: ip sees it; list in text and JSON equals ip's (restricted to ours).
ok nlhl-netns add "$n1"
ip netns list | grep -qw "$n1" || fail "ip netns list lacks $n1"
ok nlhl-netns list
out_has "$n1"
ours=$(nlhl-netns -j list | jq -c "[.[].name | select(startswith(\"nlhlt-tools-$$\"))]")
theirs=$(ip -j netns list | jq -c "[.[].name | select(startswith(\"nlhlt-tools-$$\"))]")
same_json "$ours" "$theirs"
# abbreviations, as in ip
ok nlhl-netns l
out_has "$n1"
ok nlhl netns sh
out_has "$n1"

# the fresh netns has only lo
ok nlhl-netns exec "$n1" ip -j link show
[ "$(jq -r '[.[].ifname] | join(",")' "$T/out")" = lo ] || fail "exec: not a fresh netns"

# pids and identify agree with ip
ip netns exec "$n1" sleep 60 &
sleeper=$!
at_exit "kill $sleeper 2>/dev/null"
for i in 1 2 3 4 5 6 7 8 9 10; do
	ip netns pids "$n1" | grep -qx "$sleeper" && break
	sleep 0.2
done
ok nlhl-netns pids "$n1"
[ "$(sort "$T/out")" = "$(ip netns pids "$n1" | sort)" ] || fail "pids differ from ip"
out_has "$sleeper"
ok nlhl-netns -j pids "$n1"
jq -e "map(.pid) | index($sleeper) != null" "$T/out" >/dev/null || fail "-j pids lacks $sleeper"
ok nlhl-netns identify "$sleeper"
[ "$(cat "$T/out")" = "$(ip netns identify "$sleeper")" ] || fail "identify differs from ip"

# -n NAME / PATH / PID reach the same netns (through another tool's handle)
ok nlhl-netns -n "$n1" list
ok nlhl-netns -n "/run/netns/$n1" list
ok nlhl-netns -n "$sleeper" list
rc 2 nlhl-netns -n nlhlt-tools-nonexistent-$$ list
err_has "nlhlt-tools-nonexistent-$$"
kill "$sleeper"

# errors from the library: exit 2, the reason on stderr
rc 2 nlhl-netns add "$n1"
err_has "File exists"
rc 2 nlhl-netns delete "$n2"
err_has "$n2"

# bad command lines: usage, exit 1, nothing changed
usage_err nlhl-netns add
usage_err nlhl-netns add "$n2" extra
usage_err nlhl-netns add a/b
usage_err nlhl-netns frobnicate
usage_err nlhl-netns -frob list
usage_err nlhl-netns exec "$n1"
[ ! -e "/run/netns/$n2" ] || fail "a bad command created $n2"

# --help and help: usage on stdout, exit 0
ok nlhl-netns --help
out_has "Usage:"
ok nlhl-netns help
out_has "identify"

# -batch: stops at the failing line 3 and names it; -force goes on
cat >"$T/b" <<EOB
# a comment, then a blank line

add $n2
add $n2
add $n3
EOB
rc 1 nlhl-netns -batch "$T/b"
err_has "Command failed $T/b:4"
err_has "File exists"
[ -e "/run/netns/$n2" ] || fail "batch line 3 did not run"
[ ! -e "/run/netns/$n3" ] || fail "batch went on after the failing line"
ok nlhl-netns delete "$n2"
rc 1 nlhl-netns -force -batch "$T/b"
err_has "Command failed $T/b:4"
[ -e "/run/netns/$n3" ] || fail "-force did not go on"
# a syntax error on a line is reported with its number too; stdin works
printf 'delete %s\nlist extra\ndelete %s\n' "$n2" "$n3" | { rc 1 nlhl-netns -batch -; }
err_has "Command failed <stdin>:2"
[ -e "/run/netns/$n3" ] || fail "batch went on after the bad line"
# nlhl -batch takes ip's form: OBJECT COMMAND
printf 'netns delete %s\nnetns del %s\n' "$n3" "$n1" | { ok nlhl -batch -; }
[ ! -e "/run/netns/$n1" ] && [ ! -e "/run/netns/$n3" ] || fail "nlhl -batch did not delete"

# setuid: refused
cp "$NLHL_BIN/nlhl-netns" "$T/suid"
chmod 4755 "$T/suid"
chmod 755 "$T"
rc 1 setpriv --reuid=65534 --regid=65534 --clear-groups "$T/suid" list
err_has "refusing to run setuid"
echo "netns: ok"
