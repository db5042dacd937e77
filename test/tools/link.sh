#!/bin/sh
# nlhl-link against `ip link`.
. "$(dirname "$0")/_lib.sh"
ns=nlhlt-link-$$
at_exit "ip netns del $ns 2>/dev/null"

# add: veth pair and a bridge; ip sees them
ok nlhl-link add v0 type veth peer name v1
ok nlhl-link add name br0 type bridge
ip -j link show v0 | jq -e '.[0].link == "v1"' >/dev/null || fail "veth peer not v1"
ip -d -j link show br0 | jq -e '.[0].linkinfo.info_kind == "bridge"' >/dev/null || fail "br0 not a bridge"

# set: several settings at once, checked through ip
ok nlhl-link set v0 master br0 mtu 1400 alias "a veth" txqueuelen 500 up
j=$(ip -j link show v0)
[ "$(echo "$j" | jq -r '.[0].master')" = br0 ] || fail "master"
[ "$(echo "$j" | jq -r '.[0].mtu')" = 1400 ] || fail "mtu"
[ "$(echo "$j" | jq -r '.[0].ifalias')" = "a veth" ] || fail "alias"
[ "$(echo "$j" | jq -r '.[0].txqlen')" = 500 ] || fail "txqlen"
echo "$j" | jq -e '.[0].flags | index("UP") != null' >/dev/null || fail "up"
ok nlhl-link set dev v1 address 02:00:00:00:00:01 arp off
ip -j link show v1 | jq -e '.[0].address == "02:00:00:00:00:01" and (.[0].flags | index("NOARP") != null)' >/dev/null || fail "address/arp"

# show -j equals ip -j on the fields ip prints (all links, one link, filters)
P='[.[] | select(.ifname != null) | {ifindex, ifname, link, master, mtu, qdisc, group, txqlen, link_type, address, flags, ifalias}]'
same_as_ip "nlhl-link -j show" "ip -j link show" "$P"
same_as_ip "nlhl-link -j show dev v0" "ip -j link show dev v0" "$P"
same_as_ip "nlhl-link -j show br0" "ip -j link show br0" "$P"
same_as_ip "nlhl-link -j show type veth" "ip -j link show type veth" "$P"
same_as_ip "nlhl-link -j show master br0" "ip -j link show master br0" "$P"
# (ip 6.1 prints an empty object for each link "up" filters out)
same_as_ip "nlhl-link -j show up" "ip -j link show up" "$P"
same_as_ip "nlhl-link -j show dev br0" "ip -j link show dev br0" '[.[] | {operstate}]'
same_as_ip "nlhl-link -d -j show" "ip -d -j link show" \
	'[.[] | {ifname, kind: .linkinfo.info_kind, slave: .linkinfo.info_slave_kind, min_mtu, max_mtu, promiscuity, num_tx_queues, num_rx_queues}]'
# a jq filter written for ip -j works on ours
[ "$(nlhl-link -j show | jq -r '.[] | select(.master == "br0") | .ifname')" = v0 ] || fail "jq filter"
ok nlhl-link -s -j show v0
jq -e '.[0].stats64.rx.packets >= 0' "$T/out" >/dev/null || fail "-s stats64"

# text output
ok nlhl-link show v0
out_has "v0@v1:"
out_has "master br0"
out_has "mtu 1400"
out_has "alias a veth"
ok nlhl-link -d show br0
out_has "bridge"
# abbreviations, and the nlhl front end
ok nlhl-link sh dev v0
out_has "v0@v1"
ok nlhl l s v0
out_has "v0@v1"

# rename, nomaster, down (kernels before 6.2 refuse to rename a link that
# is up, as they do for ip: take it down first)
ok nlhl-link set v0 down
ok nlhl-link set v0 name v0x nomaster down
ip link show v0x >/dev/null 2>&1 || fail "rename"
ip -j link show v0x | jq -e '.[0].master == null and (.[0].flags | index("UP") == null)' >/dev/null || fail "nomaster/down"
ok nlhl-link set v0x name v0

# namespaces: move a link, create one straight inside, -n NAME/PATH
ok nlhl-netns add "$ns"
ok nlhl-link set v1 netns "$ns"
ip -n "$ns" link show v1 >/dev/null || fail "v1 not moved"
same_as_ip "nlhl-link -n $ns -j show v1" "ip -n $ns -j link show v1" '[.[] | {ifindex, ifname, mtu, address, flags}]'
same_as_ip "nlhl-link -n /run/netns/$ns -j show" "ip -n $ns -j link show" '[.[] | {ifindex, ifname}]'
ok nlhl-link add v2 netns "$ns" type veth peer name v3
ip -n "$ns" link show v2 >/dev/null || fail "v2 not created in $ns"
ip link show v3 >/dev/null || fail "v3 not here"
ok nlhl-link -n "$ns" delete v2

# errors of the kernel: exit 2 and its text
rc 2 nlhl-link add br0 type bridge
err_has "File exists"
rc 2 nlhl-link set nosuch0 up
err_has "nosuch0"
rc 2 nlhl-link del nosuch0

# bad command lines: usage, exit 1, nothing changed
usage_err nlhl-link add
usage_err nlhl-link add x0 type veth
usage_err nlhl-link add x0 type veth peer name aaaaaaaaaaaaaaaaaaaaaaaaa
usage_err nlhl-link add x0 type bridge stp_state maybe
usage_err nlhl-link set v0 mtu abc
usage_err nlhl-link set v0 frob
usage_err nlhl-link set v0
usage_err nlhl-link set v0 up master br0 nomaster
usage_err nlhl-link del
usage_err nlhl-link frobnicate
ip link show x0 >/dev/null 2>&1 && fail "a bad line created x0"

# -batch: line 3 fails, so line 4 does not run; -force goes on
printf 'add b1 type bridge\n\nadd br0 type bridge\nadd b2 type bridge\n' >"$T/b"
rc 1 nlhl-link -batch "$T/b"
err_has "Command failed $T/b:3"
err_has "File exists"
ip link show b1 >/dev/null 2>&1 || fail "line 1 did not run"
ip link show b2 >/dev/null 2>&1 && fail "batch went on after line 3"
ok nlhl-link del b1
rc 1 nlhl-link -force -batch "$T/b"
err_has "Command failed $T/b:3"
ip link show b2 >/dev/null 2>&1 || fail "-force did not go on"
# a syntax error in a batch names its line too
printf 'del b1\nset b2 mtu x\ndel b2\n' | { rc 1 nlhl-link -batch -; }
err_has "Command failed <stdin>:2"
ip link show b2 >/dev/null 2>&1 || fail "batch went on after the bad line"

# delete
ok nlhl-link delete dev v0
ip link show v0 >/dev/null 2>&1 && fail "v0 still there"
echo "link: ok"
