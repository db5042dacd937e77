#!/bin/sh
# nlhl-route against `ip route`.
. "$(dirname "$0")/_lib.sh"

ip link add r0 type veth peer name r1
ip link add s0 type veth peer name s1
for l in r0 r1 s0 s1 lo; do ip link set $l up; done
ip addr add 10.0.1.1/24 dev r0
ip addr add 10.0.2.1/24 dev s0
ip -6 addr add 2001:db8:1::1/64 dev r0 nodad

ok nlhl-route add 10.10.0.0/16 via 10.0.1.2
ok nlhl-route add 10.11.0.0/16 via 10.0.1.2 dev r0 metric 7 proto static
ok nlhl-route add 10.12.0.0/16 dev s0 table 100 mtu 1400
ok nlhl-route add blackhole 10.13.0.0/16
ok nlhl-route add 10.14.0.0/16 nexthop via 10.0.1.2 weight 2 nexthop via 10.0.2.2 dev s0
ok nlhl-route add default via 10.0.2.2
ok nlhl-route add 2001:db8:5::/48 via 2001:db8:1::2
ok nlhl-route add 10.15.0.1 dev r0 src 10.0.1.1 scope link
ip -j route show 10.10.0.0/16 | jq -e '.[0].gateway == "10.0.1.2" and .[0].dev == "r0"' >/dev/null || fail "ip lacks 10.10/16"

# show -j equals ip -j
same_as_ip "nlhl-route -j show" "ip -j route show" '.'
same_as_ip "nlhl-route -j show table 100" "ip -j route show table 100" '.'
same_as_ip "nlhl-route -j show table all" "ip -j route show table all" '.'
same_as_ip "nlhl-route -j -6 show" "ip -j -6 route show" '.'
same_as_ip "nlhl-route -j show dev s0" "ip -j route show dev s0" '.'
same_as_ip "nlhl-route -j show proto static" "ip -j route show proto static" '.'
same_as_ip "nlhl-route -j show type blackhole" "ip -j route show type blackhole" '.'
same_as_ip "nlhl-route -j get 10.10.1.1" "ip -j route get 10.10.1.1" '[.[] | {dst, gateway, dev, prefsrc}]'
# jq filters written for ip
[ "$(nlhl-route -j show | jq -r '.[] | select(.nexthops) | .nexthops | length')" = 2 ] || fail "nexthops"

# text
ok nlhl-route show
out_has "default via 10.0.2.2 dev s0"
out_has "10.11.0.0/16 via 10.0.1.2 dev r0 proto static metric 7"
out_has "blackhole 10.13.0.0/16"
out_has "nexthop via 10.0.1.2 dev r0 weight 2"
ok nlhl r l t 100
out_has "10.12.0.0/16 dev s0"
out_has "mtu 1400"

# replace, append, del
ok nlhl-route replace 10.10.0.0/16 via 10.0.2.2
ip -j route show 10.10.0.0/16 | jq -e '.[0].gateway == "10.0.2.2"' >/dev/null || fail "replace"
ok nlhl-route del 10.10.0.0/16
[ "$(ip -j route show 10.10.0.0/16 | jq length)" = 0 ] || fail "del"
ok nlhl-route del 10.12.0.0/16 table 100

# kernel errors: exit 2 with the extended ACK text
rc 2 nlhl-route add 10.11.0.0/16 via 10.0.1.2 dev r0 metric 7
err_has "File exists"
rc 2 nlhl-route add 10.20.0.0/16 via 10.99.0.1
err_has "Nexthop has invalid gateway"
rc 2 nlhl-route del 10.99.0.0/16

# bad lines
usage_err nlhl-route add
usage_err nlhl-route add 10.30.0.0/16 via
usage_err nlhl-route add 10.30.0.0/16 via 10.0.1.300
usage_err nlhl-route add 10.30.0.0/16 via 10.0.1.2 metric lots
usage_err nlhl-route add 10.30.0.0/16 10.31.0.0/16
usage_err nlhl-route add 10.30.0.0/16 nexthop weight 2
usage_err nlhl-route show table nosuchtable
usage_err nlhl-route frob

# batch
printf 'add 10.40.0.0/16 via 10.0.1.2\nadd 10.41.0.0/16 via 10.99.0.1\nadd 10.42.0.0/16 via 10.0.1.2\n' >"$T/b"
rc 1 nlhl-route -batch "$T/b"
err_has "Command failed $T/b:2"
err_has "Nexthop has invalid gateway"
[ "$(ip -j route show 10.42.0.0/16 | jq length)" = 0 ] || fail "batch went on"
ok nlhl-route del 10.40.0.0/16
rc 1 nlhl-route -force -batch "$T/b"
[ "$(ip -j route show 10.42.0.0/16 | jq length)" = 1 ] || fail "-force"

# flush
ok nlhl-route flush dev s0
[ "$(ip -j route show dev s0 | jq '[.[] | select(.protocol != "kernel")] | length')" = 0 ] || fail "flush"
echo "route: ok"
