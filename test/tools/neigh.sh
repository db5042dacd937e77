#!/bin/sh
# nlhl-neigh against `ip neigh`.
. "$(dirname "$0")/_lib.sh"
ip link add n0 type veth peer name n1
ip link set n0 up
ip link set n1 up
ip addr add 10.0.0.1/24 dev n0

ok nlhl-neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev n0
ok nlhl-neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev n0 nud reachable
ok nlhl-neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev n0 nud noarp
ok nlhl-neigh add proxy 10.0.0.10 dev n0
ok nlhl-neigh add 2001:db8::5 lladdr 02:00:00:00:00:05 dev n0 router
ip -j neigh show 10.0.0.7 | jq -e '.[0].lladdr == "02:00:00:00:00:07"' >/dev/null || fail "ip lacks 10.0.0.7"

P='[.[] | {dst, dev, lladdr, router, proxy, state}]'
# the reachable entry may turn stale: compare the permanent ones strictly
same_as_ip "nlhl-neigh -j show nud permanent" "ip -j neigh show nud permanent" "$P"
same_as_ip "nlhl-neigh -j show nud noarp" "ip -j neigh show nud noarp" "$P"
same_as_ip "nlhl-neigh -j show nud all" "ip -j neigh show nud all" '[.[] | {dst, dev, lladdr}]'
same_as_ip "nlhl-neigh -j show proxy" "ip -j neigh show proxy" "$P"
same_as_ip "nlhl-neigh -j -6 show" "ip -j -6 neigh show" "$P"
same_as_ip "nlhl-neigh -j show dev n0 nud permanent" "ip -j neigh show dev n0 nud permanent" "$P"

ok nlhl-neigh show
out_has "10.0.0.7 dev n0 lladdr 02:00:00:00:00:07 PERMANENT"
out_lacks "10.0.0.9"
ok nlhl n s nud all
out_has "10.0.0.9 dev n0 lladdr 02:00:00:00:00:09 NOARP"

ok nlhl-neigh replace 10.0.0.7 lladdr 02:00:00:00:00:77 dev n0
ip -j neigh show 10.0.0.7 | jq -e '.[0].lladdr == "02:00:00:00:00:77"' >/dev/null || fail "replace"
ok nlhl-neigh del 10.0.0.7 dev n0
[ "$(ip -j neigh show 10.0.0.7 | jq length)" = 0 ] || fail "del"

rc 2 nlhl-neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev n0
err_has "File exists"
rc 2 nlhl-neigh del 10.0.0.99 dev n0
usage_err nlhl-neigh add 10.0.0.20 lladdr 02:00:00:00:00:20
usage_err nlhl-neigh add 10.0.0.20 lladdr zz dev n0
usage_err nlhl-neigh add 10.0.0.20 lladdr 02:00:00:00:00:20 dev n0 nud sleepy
usage_err nlhl-neigh add lladdr 02:00:00:00:00:20 dev n0
usage_err nlhl-neigh frob

printf 'add 10.0.0.30 lladdr 02:00:00:00:00:30 dev n0\nadd 10.0.0.8 lladdr 02:00:00:00:00:08 dev n0\nadd 10.0.0.31 lladdr 02:00:00:00:00:31 dev n0\n' >"$T/b"
rc 1 nlhl-neigh -batch "$T/b"
err_has "Command failed $T/b:2"
[ "$(ip -j neigh show 10.0.0.31 | jq length)" = 0 ] || fail "batch went on"
ok nlhl-neigh flush dev n0 nud all
[ "$(ip -j -4 neigh show dev n0 nud all | jq length)" = 0 ] || fail "flush"
echo "neigh: ok"
