#!/bin/sh
. "$(dirname "$0")/_lib.sh"
run ex-multipath
has '^192\.168\.0\.0/16 has 2 paths$'
has 'via 10\.0\.1\.2 ifindex [0-9]+ weight 1$'
has 'via 10\.0\.2\.2 ifindex [0-9]+ weight 2$'
ip -j route show 192.168.0.0/16 | jq -e '.[0].nexthops | length == 2 and (map(.gateway) | sort == ["10.0.1.2", "10.0.2.2"]) and (map(.weight) | sort == [1, 2])' >/dev/null ||
	fail "ip: not a 2-path route: $(ip -j route show 192.168.0.0/16)"
echo "ex-multipath: ok"
