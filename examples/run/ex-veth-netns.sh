#!/bin/sh
. "$(dirname "$0")/_lib.sh"
command -v ping >/dev/null || fail "ping is not installed (Debian iputils-ping)"
run ex-veth-netns
has '^veth-a has ifindex [0-9]+ in ns1$'
has '^ns1: route 10\.20\.0\.0/24 via 10\.10\.0\.2$'
has '1 packets transmitted, 1 received'
has '^ns1: ping 10\.20\.0\.1 ok$'
# the namespaces died with the program: nothing leaked into ours
[ "$(ip -j link show | jq length)" = 1 ] || fail "links left in the caller's netns"
echo "ex-veth-netns: ok"
