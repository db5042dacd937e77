#!/bin/sh
# nlhl-tc against tc.
. "$(dirname "$0")/_lib.sh"
ip link add t0 type veth peer name t1

ok nlhl-tc qdisc add dev t0 root handle 1: htb default 20
ok nlhl-tc class add dev t0 parent 1: classid 1:1 htb rate 10mbit
ok nlhl-tc class add dev t0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit
ok nlhl-tc class add dev t0 parent 1:1 classid 1:20 htb rate 1mbit ceil 10mbit prio 2
ok nlhl-tc filter add dev t0 parent 1: protocol ip pref 1 u32 match ip dst 10.0.0.0/8 match ip dport 22 0xffff flowid 1:10
ok nlhl-tc qdisc add dev t1 root pfifo limit 50
ok nlhl-tc qdisc add dev t1 ingress

# qdiscs: -j equals tc -j on kind, handle, root/parent, options tc and we both print
same_as_ip "nlhl-tc -j qdisc show dev t0" "tc -j qdisc show dev t0" '[.[] | {kind, handle, root, parent, refcnt, r2q: .options.r2q, default: .options.default}]'
same_as_ip "nlhl-tc -j qdisc show dev t1" "tc -j qdisc show dev t1" '[.[] | {kind, handle, root, parent, limit: .options.limit}]'
same_as_ip "nlhl-tc -j qdisc show" "tc -j qdisc show" '[.[] | {kind, handle, dev, root}]'
# classes (tc 6.1 has no JSON for htb classes: its text)
tc class show dev t0 >"$T/tc"
ok nlhl-tc class show dev t0
for k in "1:1 root rate 10Mbit ceil 10Mbit" "1:10 parent 1:1 rate 5Mbit ceil 10Mbit" "1:20 parent 1:1 rate 1Mbit ceil 10Mbit"; do
	out_has "class htb $k"
done
grep -q 'class htb 1:20 parent 1:1 prio 2 rate 1Mbit ceil 10Mbit' "$T/tc" || fail "tc: class 1:20"
# the filter: tc's keys
tc filter show dev t0 | grep -q 'match 0a000000/ff000000 at 16' || fail "tc: dst key"
tc filter show dev t0 | grep -q 'match 00000016/0000ffff at 20' || fail "tc: dport key"
tc filter show dev t0 | grep -q 'flowid 1:10' || fail "tc: flowid"
ok nlhl-tc -j filter show dev t0 parent 1:
jq -e '.[] | select(.options.flowid) | .options.dst == "10.0.0.0/8" and .options.dport == 22 and .pref == 1 and .protocol == "ip"' "$T/out" >/dev/null ||
	fail "filter read back: $(cat "$T/out")"
ok nlhl tc q s dev t0
out_has "qdisc htb 1: root"

# delete
ok nlhl-tc filter del dev t0 parent 1: pref 1
[ -z "$(tc filter show dev t0)" ] || fail "filter del"
ok nlhl-tc class del dev t0 classid 1:20
tc class show dev t0 | grep -q '1:20' && fail "class del"

# errors: kernel (2), command line (1, nothing changed)
rc 2 nlhl-tc qdisc add dev t0 root handle 1: htb
err_has "File exists"
rc 2 nlhl-tc class add dev nosuch0 parent 1: classid 1:30 htb rate 1mbit
err_has "nosuch0"
usage_err nlhl-tc qdisc add dev t0 handle 2: htb
usage_err nlhl-tc qdisc add dev t1 root tbf rate 1mbit
usage_err nlhl-tc class add dev t0 parent 1: classid 1:30 htb rate fast
usage_err nlhl-tc class add dev t0 parent 1: classid 1:30 htb
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/33 flowid 1:10
usage_err nlhl-tc filter del dev t0 parent 1:
usage_err nlhl-tc frob
usage_err nlhl-tc qdisc frob

# batch
printf 'qdisc del dev t1 root\nqdisc del dev t1 root\nqdisc add dev t1 root pfifo\n' >"$T/b"
rc 1 nlhl-tc -batch "$T/b"
err_has "Command failed $T/b:2"
[ "$(tc -j qdisc show dev t1 | jq -r '[.[] | select(.root) | .kind][0]')" != pfifo ] || fail "batch went on"
echo "tc: ok"
