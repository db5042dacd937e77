#!/bin/sh
. "$(dirname "$0")/_lib.sh"
run ex-tc-htb
has '^class htb 1:1 parent root rate 10Mbit$'
has '^class htb 1:10 parent 1:1 rate 5Mbit$'
has '^class htb 1:20 parent 1:1 rate 1Mbit$'
# the oracle: tc
tc -j qdisc show dev tc0 | jq -e '.[0].kind == "htb" and .[0].handle == "1:" and .[0].options.default == "0x20"' >/dev/null ||
	fail "tc: qdisc $(tc -j qdisc show dev tc0)"
# (tc 6.1 prints htb classes as text even with -j)
tc class show dev tc0 >"$T/classes"
grep -q '^class htb 1:1 root rate 10Mbit ceil 10Mbit' "$T/classes" || fail "tc: class 1:1: $(cat "$T/classes")"
grep -q '^class htb 1:10 parent 1:1 .*rate 5Mbit ceil 10Mbit' "$T/classes" || fail "tc: class 1:10"
grep -q '^class htb 1:20 parent 1:1 .*rate 1Mbit ceil 10Mbit' "$T/classes" || fail "tc: class 1:20"
tc filter show dev tc0 | grep -q 'flowid 1:10' || fail "tc: no u32 filter to 1:10"
tc filter show dev tc0 | grep -q 'match 00060000/00ff0000 at 8' || fail "tc: no ip protocol tcp key"
tc filter show dev tc0 | grep -q 'match 00000016/0000ffff at 20' || fail "tc: no dport 22 key: $(tc filter show dev tc0)"
echo "ex-tc-htb: ok"
