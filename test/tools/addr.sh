#!/bin/sh
# nlhl-addr against `ip address`.
. "$(dirname "$0")/_lib.sh"

ip link add a0 type veth peer name a1
ip link set a0 up
ip link set a1 up
ip link set lo up

ok nlhl-addr add 10.1.0.1/24 dev a0
ok nlhl-addr add 10.1.0.2/24 dev a0 label a0:1
ok nlhl-addr add 10.2.0.1/16 brd + dev a0
ok nlhl-addr add 2001:db8::1/64 dev a0 nodad
ok nlhl-addr add 169.254.169.254/32 dev lo scope host
ok nlhl-addr add local 10.3.0.1 peer 10.3.0.2 dev a1 valid_lft 600 preferred_lft 300
ip -j addr show dev a0 | jq -e '[.[0].addr_info[] | .local] | index("10.1.0.2") != null' >/dev/null || fail "ip lacks 10.1.0.2"
ip -j addr show dev a0 | jq -e '.[0].addr_info[] | select(.local == "10.2.0.1") | .broadcast == "10.2.255.255"' >/dev/null || fail "brd +"

# show -j equals ip -j (lifetimes of the dynamic address tick: not compared)
P='[.[] | {ifindex, ifname, addr_info: [.addr_info[] | del(.valid_life_time, .preferred_life_time)]}]'
same_as_ip "nlhl-addr -j show" "ip -j addr show" "$P"
same_as_ip "nlhl-addr -j show dev a0" "ip -j addr show dev a0" "$P"
same_as_ip "nlhl-addr -j -4 show" "ip -j -4 addr show" "$P"
same_as_ip "nlhl-addr -j -6 show dev a0" "ip -j -6 addr show dev a0" "$P"
same_as_ip "nlhl-addr -j show scope host" "ip -j addr show scope host" "$P"
same_as_ip "nlhl-addr -j show dev lo" "ip -j addr show dev lo" \
	'[.[] | {ifname, addr_info: [.addr_info[] | {local, valid_life_time, preferred_life_time}]}]'
# ip's jq filters work
[ "$(nlhl-addr -j show dev a0 | jq -r '.[0].addr_info[] | select(.label == "a0:1") | .local')" = 10.1.0.2 ] ||
	fail "jq filter on label"

# text
ok nlhl-addr show dev a0
out_has "inet 10.1.0.1/24"
out_has "inet 10.2.0.1/16 brd 10.2.255.255 scope global"
out_has "inet6 2001:db8::1/64 scope global nodad"
ok nlhl-addr show a1
out_has "inet 10.3.0.1 peer 10.3.0.2/32"
out_has "valid_lft"
ok nlhl a s lo
out_has "169.254.169.254/32"

# replace changes lifetimes, del removes
# Lifetimes long enough that the address never turns deprecated during a
# slow run (qemu TCG), which would change the state snapshots below.
ok nlhl-addr replace 10.1.0.1/24 dev a0 valid_lft 100000 preferred_lft 50000
ip -j addr show dev a0 | jq -e '.[0].addr_info[] | select(.local == "10.1.0.1") | .valid_life_time <= 100000 and .preferred_life_time <= 50000 and .preferred_life_time > 40000' >/dev/null || fail "replace"
ok nlhl-addr del 10.1.0.2/24 dev a0
ip -j addr show dev a0 | jq -e '[.[0].addr_info[] | .local] | index("10.1.0.2") == null' >/dev/null || fail "del"

# kernel errors: exit 2
rc 2 nlhl-addr add 10.1.0.1/24 dev a0
err_has "File exists"
rc 2 nlhl-addr del 10.9.9.9/24 dev a0
rc 2 nlhl-addr add 10.9.9.9/24 dev nosuch0
err_has "nosuch0"

# bad lines
usage_err nlhl-addr add 10.1.0.5/24
usage_err nlhl-addr add dev a0
usage_err nlhl-addr add 10.1.0.5/33 dev a0
usage_err nlhl-addr add 10.1.0.5/24 dev a0 scope nowhere-land
usage_err nlhl-addr add 10.1.0.5/24 dev a0 valid_lft soon
usage_err nlhl-addr add 10.1.0.5/24 10.1.0.6/24 dev a0
usage_err nlhl-addr flush
usage_err nlhl-addr frob

# batch with a failing line 2
printf 'add 10.5.0.1/24 dev a1\nadd 10.5.0.1/24 dev a1\nadd 10.5.0.2/24 dev a1\n' >"$T/b"
rc 1 nlhl-addr -batch "$T/b"
err_has "Command failed $T/b:2"
ip -j addr show dev a1 | jq -e '[.[0].addr_info[] | .local] | (index("10.5.0.1") != null and index("10.5.0.2") == null)' >/dev/null ||
	fail "batch did not stop at line 2"
rc 1 nlhl-addr -force -batch "$T/b"
ip -j addr show dev a1 | jq -e '[.[0].addr_info[] | .local] | index("10.5.0.2") != null' >/dev/null || fail "-force"

# flush
ok nlhl-addr flush dev a1
[ "$(ip -j -4 addr show dev a1 | jq '.[0].addr_info | length')" = 0 ] || fail "flush"
echo "addr: ok"
