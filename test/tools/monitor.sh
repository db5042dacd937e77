#!/bin/sh
# nlhl-monitor: the events of changes made by ip, in text and as JSON lines.
. "$(dirname "$0")/_lib.sh"

# JSON lines, stopped by count: a veth pair comes (2 links), an address
# on it, then the pair goes.  Wait until the monitor listens: make and
# remove a probe link until it reports one.
nlhl-monitor -j link address >"$T/ev" 2>"$T/everr" &
mon=$!
at_exit "kill $mon 2>/dev/null"
i=0
until grep -q '"ifname":"probe0"' "$T/ev" 2>/dev/null; do
	ip link add probe0 type veth peer name probe1 && ip link del probe0
	i=$((i + 1))
	[ $i -lt 100 ] || fail "the monitor reported nothing: $(cat "$T/everr")"
	sleep 0.1
done
ip link add m0 type veth peer name m1
ip addr add 10.9.0.1/24 dev m0
ip link del m0
i=0
until grep -q '"event":"del","object":"link".*"ifname":"m0"' "$T/ev"; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "no deletion event of m0: $(cat "$T/ev")"
	sleep 0.1
done
kill -INT $mon
wait $mon || fail "the monitor did not exit 0 on SIGINT"
# every line is a JSON object with event and object
jq -e -s 'all(.[]; has("event") and has("object"))' "$T/ev" >/dev/null || fail "not JSON lines: $(cat "$T/ev")"
jq -e -s 'any(.[]; .event == "new" and .object == "link" and .ifname == "m0" and .link_type == "ether")' "$T/ev" >/dev/null ||
	fail "no new-link event of m0"
jq -e -s 'any(.[]; .event == "new" and .object == "address" and .ifname == "m0" and .addr_info[0].local == "10.9.0.1" and .addr_info[0].prefixlen == 24)' "$T/ev" >/dev/null ||
	fail "no address event of 10.9.0.1/24"
jq -e -s 'any(.[]; .event == "del" and .object == "link" and .ifname == "m1")' "$T/ev" >/dev/null ||
	fail "no deletion of m1"

# text, with labels; "count" stops it; routes too
ip link set lo up
nlhl-monitor label route count 1 >"$T/txt" 2>&1 &
mon=$!
at_exit "kill $mon 2>/dev/null"
i=0
while kill -0 $mon 2>/dev/null; do
	ip route add 10.77.$i.0/24 dev lo 2>/dev/null || true
	i=$((i + 1))
	[ $i -lt 100 ] || fail "count 1 did not stop the monitor"
	sleep 0.1
done
wait $mon || fail "the monitor failed"
grep -q '^\[ROUTE\]10\.77\.[0-9]*\.0/24 dev lo' "$T/txt" || fail "text route event: $(cat "$T/txt")"

# -n: events of another netns
ns=nlhlt-mon-$$
ip netns add $ns
at_exit "ip netns del $ns 2>/dev/null"
nlhl-monitor -n $ns -j link count 1 >"$T/nsev" 2>&1 &
mon=$!
at_exit "kill $mon 2>/dev/null"
i=0
while kill -0 $mon 2>/dev/null; do
	ip -n $ns link add n$i type veth peer name p$i 2>/dev/null || true
	i=$((i + 1))
	[ $i -lt 100 ] || fail "no event from $ns"
	sleep 0.1
done
wait $mon
jq -e '.ifname | startswith("n") or startswith("p")' "$T/nsev" >/dev/null || fail "-n event: $(cat "$T/nsev")"

usage_err nlhl-monitor frob
usage_err nlhl-monitor count x
echo "monitor: ok"
