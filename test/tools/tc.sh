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

# ---------------------------------------------------------------- actions,
# flower, fw, basic, bpf, hfsc.  The host kernel may lack a module: each
# part is probed with tc first and prints a SKIP line naming what is missing
# (it runs for real in make check-vm).
# can WHAT TC-FILTER-ARGS...: tc can add this filter on t0 parent 1: pref 99.
can() {
	what=$1; shift
	if tc filter add dev t0 parent 1: pref 99 "$@" >/dev/null 2>&1; then
		tc filter del dev t0 parent 1: pref 99
		return 0
	fi
	echo "SKIP tc: $what (the kernel lacks it)"
	return 1
}
# act PREF NLHL-ACTION-WORDS -- JQ-FIELDS: a u32 filter with that action made
# by nlhl-tc reads the same through tc -j and nlhl-tc -j.
act() {
	pref=$1; shift
	words=""
	while [ "$1" != "--" ]; do words="$words $1"; shift; done
	ok nlhl-tc filter add dev t0 parent 1: protocol ip pref "$pref" u32 match ip dst 10.9.0.0/16 flowid 1:10 action $words
	same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
		"[.[] | select(.pref == $pref) | .options.actions // empty | .[] | $2]"
	n=$(nlhl-tc -j filter show dev t0 parent 1: | jq "[.[] | select(.pref == $pref) | .options.actions // empty | .[]] | length")
	[ "$n" -ge 1 ] || fail "action$words: not read back"
	ok nlhl-tc filter del dev t0 parent 1: pref "$pref"
}
U32="protocol ip u32 match ip dst 1.1.1.1/32"
# mirred: made by nlhl-tc, and made by tc read back
act 10 mirred egress redirect dev t1 -- '{order, kind, mirred_action, direction, to_dev, control_action, index}'
tc filter add dev t0 parent 1: pref 11 protocol ip u32 match ip dst 1.1.1.1/32 action mirred ingress mirror dev t1
same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
	'[.[] | .options.actions // empty | .[] | {kind, mirred_action, direction, to_dev, control_action}]'
ok nlhl-tc filter show dev t0 parent 1:
out_has "action order 1: mirred mirred_action mirror direction ingress to_dev t1 control_action pipe"
tc filter del dev t0 parent 1: pref 11
if can "action gact" $U32 action drop; then
	act 12 drop -- '{kind, control_action}'
	act 13 gact pass index 7 -- '{kind, control_action, index}'
fi
if can "action police" $U32 action police rate 1mbit burst 10k; then
	# (tc -j writes police's control_action twice, exceed then conform)
	act 14 police rate 1mbit burst 10k conform-exceed drop/continue -- '{kind, index}'
	ok nlhl-tc filter add dev t0 parent 1: pref 14 $U32 action police rate 1mbit burst 10k conform-exceed drop/continue
	tc filter show dev t0 parent 1: | grep -q 'action drop/continue' || fail "police verdicts: $(tc filter show dev t0 parent 1:)"
	ok nlhl-tc -j filter show dev t0 parent 1:
	jq -e '[.[] | select(.pref == 14) | .options.actions // empty | .[]][0] | .rate == 125000 and .burst == 10240 and .control_action.type == "drop" and .conform_action.type == "continue"' "$T/out" >/dev/null ||
		fail "police read back: $(cat "$T/out")"
	ok nlhl-tc filter del dev t0 parent 1: pref 14
	tc filter add dev t0 parent 1: pref 15 $U32 action police rate 2mbit burst 20k drop
	ok nlhl-tc -j filter show dev t0 parent 1:
	jq -e '[.[] | select(.pref == 15) | .options.actions // empty | .[]][0] | .rate == 250000 and .burst == 20480 and .control_action.type == "drop"' "$T/out" >/dev/null ||
		fail "police read back: $(cat "$T/out")"
	tc filter del dev t0 parent 1: pref 15
fi
if can "action skbedit" $U32 action skbedit mark 5; then
	act 16 skbedit mark 5 priority 1:10 -- '{kind, mark, priority, control_action}'
fi
if can "action vlan" $U32 action vlan pop; then
	act 17 vlan push id 10 -- '{kind, vlan_action, id, protocol, control_action}'
	act 18 vlan pop -- '{kind, vlan_action, control_action}'
fi
if can "action nat" $U32 action nat ingress 10.0.0.0/8 192.0.2.1; then
	act 19 nat egress 10.1.1.1 192.0.2.9 -- '{direction, old_addr, new_addr, control_action}'  # (tc -j has no kind for nat)
fi
# two actions, in order
if can "action gact" $U32 action drop; then
	ok nlhl-tc filter add dev t0 parent 1: pref 20 $U32 action mirred egress mirror dev t1 action drop
	tc -j filter show dev t0 parent 1: | jq -e '[.[] | select(.pref == 20) | .options.actions // empty | .[] | .kind] == ["mirred", "gact"]' >/dev/null ||
		fail "two actions: $(tc filter show dev t0 parent 1:)"
	ok nlhl-tc filter del dev t0 parent 1: pref 20
fi
# filters
if can "cls_flower" protocol ip flower ip_proto tcp dst_port 80 classid 1:10; then
	ok nlhl-tc filter add dev t0 parent 1: protocol ip pref 21 flower ip_proto tcp dst_ip 10.0.0.0/8 dst_port 80 classid 1:10
	same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
		'[.[] | select(.options.keys) | {pref, classid: .options.classid, k: (.options.keys | {ip_proto, dst_ip, dst_port, src_port})}]'
	tc filter add dev t0 parent 1: protocol ip pref 22 flower ip_proto udp src_ip 192.0.2.1 src_port 53 classid 1:20
	same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
		'[.[] | select(.options.keys) | {pref, classid: .options.classid, k: (.options.keys | {ip_proto, src_ip, dst_port, src_port})}]'
	if can "action gact" $U32 action drop; then
		ok nlhl-tc filter add dev t0 parent 1: protocol ip pref 23 flower ip_proto tcp dst_port 80 action drop
		tc filter show dev t0 parent 1: | grep -q 'gact action drop' || fail "flower action drop: $(tc filter show dev t0 parent 1:)"
	fi
	ok nlhl-tc filter del dev t0 parent 1: pref 21
	ok nlhl-tc filter del dev t0 parent 1: pref 22
	nlhl-tc filter del dev t0 parent 1: pref 23 2>/dev/null || true
fi
if can "cls_matchall" matchall classid 1:10; then
	ok nlhl-tc filter add dev t0 parent 1: pref 24 matchall action mirred egress redirect dev t1
	same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
		'[.[] | select(.kind == "matchall") | .options.actions // empty | .[] | {kind, to_dev, mirred_action}]'
	ok nlhl-tc filter del dev t0 parent 1: pref 24
fi
if can "cls_fw" handle 1 fw classid 1:10; then
	ok nlhl-tc filter add dev t0 parent 1: pref 25 fw handle 5 classid 1:10
	tc filter show dev t0 parent 1: | grep -q 'handle 0x5 classid 1:10' || fail "fw: $(tc filter show dev t0 parent 1:)"
	ok nlhl-tc -j filter show dev t0 parent 1:
	jq -e '[.[] | select(.kind == "fw" and .options.classid)][0].options | .classid == "1:10" and .handle == "0x5"' "$T/out" >/dev/null ||
		fail "fw read back: $(cat "$T/out")"
	tc filter add dev t0 parent 1: pref 26 handle 7 fw classid 1:20
	ok nlhl-tc -j filter show dev t0 parent 1:
	jq -e '[.[] | select(.pref == 26 and .options.classid)][0].options | .classid == "1:20" and .handle == "0x7"' "$T/out" >/dev/null ||
		fail "fw made by tc: $(cat "$T/out")"
	ok nlhl-tc filter del dev t0 parent 1: pref 25
	ok nlhl-tc filter del dev t0 parent 1: pref 26
fi
if can "cls_basic" basic classid 1:10; then
	ok nlhl-tc filter add dev t0 parent 1: pref 27 basic classid 1:10
	same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
		'[.[] | select(.kind == "basic" and .options.flowid) | {pref, flowid: .options.flowid}]'
	ok nlhl-tc filter del dev t0 parent 1: pref 27
fi
# bpf: a program tc loads from an object clang builds, read back by nlhl-tc
if ! command -v clang >/dev/null 2>&1; then
	echo "SKIP tc: bpf (no clang to build a program)"
else
	printf '__attribute__((section("classifier"), used)) int cls(void *skb) { return -1; }\nchar _license[] __attribute__((section("license"), used)) = "GPL";\n' >"$T/p.c"
	if ! clang -O2 -target bpf -c "$T/p.c" -o "$T/p.o" 2>/dev/null; then
		echo "SKIP tc: bpf (clang cannot build a bpf program here)"
	elif can "cls_bpf" bpf obj "$T/p.o" sec classifier classid 1:10; then
		tc filter add dev t0 parent 1: pref 28 bpf obj "$T/p.o" sec classifier classid 1:10 da
		# the same program by fd (BPF_PROG_GET_FD_BY_ID, x86-64 syscall 321)
		id=$(tc -j filter show dev t0 parent 1: | jq '[.[] | .options.prog.id // empty][0]')
		if [ "$(uname -m)" = x86_64 ] && command -v python3 >/dev/null 2>&1; then
			ok python3 -c 'import ctypes, os, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
a = ctypes.create_string_buffer(struct.pack("I", int(sys.argv[1])) + bytes(124), 128)
fd = libc.syscall(321, 13, a, 128)
assert fd >= 0, os.strerror(ctypes.get_errno())
os.set_inheritable(fd, True)
os.execvp("nlhl-tc", ["nlhl-tc", "filter", "add", "dev", "t0", "parent", "1:", "pref", "29", "bpf", "fd", str(fd), "da", "classid", "1:20"])' "$id"
		else
			echo "SKIP tc: bpf by fd (needs python3 on x86-64 to pass a program fd)"
		fi
		same_as_ip "nlhl-tc -j filter show dev t0 parent 1:" "tc -j filter show dev t0 parent 1:" \
			'[.[] | select(.kind == "bpf" and .options.flowid) | {pref, flowid: .options.flowid, da: .options["direct-action"], id: .options.prog.id}]'
		ok nlhl-tc filter del dev t0 parent 1: pref 28
		nlhl-tc filter del dev t0 parent 1: pref 29 2>/dev/null || true
	fi
fi
# hfsc classes (on a device of their own)
ip link add t2 type veth peer name t3
if ! tc qdisc add dev t2 root handle 1: hfsc default 10 2>/dev/null; then
	echo "SKIP tc: hfsc (the kernel lacks sch_hfsc)"
else
	tc qdisc del dev t2 root
	ok nlhl-tc qdisc add dev t2 root handle 1: hfsc default 10
	tc qdisc show dev t2 | grep -q 'qdisc hfsc 1: root .*default 10' || fail "hfsc qdisc: $(tc qdisc show dev t2)"
	ok nlhl-tc class add dev t2 parent 1: classid 1:10 hfsc sc rate 1mbit ul rate 2mbit
	tc class show dev t2 | grep '1:10' | grep -Eq 'sc m1 0bit d 0(us)? m2 1Mbit ul m1 0bit d 0(us)? m2 2Mbit' ||
		fail "hfsc class: $(tc class show dev t2)"
	tc class add dev t2 parent 1: classid 1:20 hfsc rt m1 2mbit d 10ms m2 1mbit ls rate 3mbit
	ok nlhl-tc -j class show dev t2
	jq -e '[.[] | select(.handle == "1:10")][0].options | .sc.m2 == 125000 and .ul.m2 == 250000' "$T/out" >/dev/null ||
		fail "hfsc 1:10 read back: $(cat "$T/out")"
	jq -e '[.[] | select(.handle == "1:20")][0].options | .rt.m1 == 250000 and .rt.d == 10000 and .rt.m2 == 125000 and .ls.m2 == 375000' "$T/out" >/dev/null ||
		fail "hfsc 1:20 read back: $(cat "$T/out")"
	ok nlhl-tc class show dev t2
	out_has "class hfsc 1:10 root sc m1 0bit d 0us m2 1Mbit ul"
	ok nlhl-tc class del dev t2 classid 1:20
	tc class show dev t2 | grep -q '1:20' && fail "hfsc class del"
fi
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/8 action frob
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/8 action police rate 1mbit
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/8 action mirred egress redirect
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/8 action vlan push
usage_err nlhl-tc filter add dev t0 parent 1: u32 match ip dst 10.0.0.0/8 action nat ingress 10.0.0.1
usage_err nlhl-tc filter add dev t0 parent 1: protocol ip flower dst_port 80
usage_err nlhl-tc filter add dev t0 parent 1: fw handle x classid 1:10
usage_err nlhl-tc filter add dev t0 parent 1: bpf da
usage_err nlhl-tc class add dev t0 parent 1: classid 1:30 hfsc sc m1 1mbit

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
