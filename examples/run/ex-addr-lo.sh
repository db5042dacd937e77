#!/bin/sh
. "$(dirname "$0")/_lib.sh"
run ex-addr-lo
has '^lo has 169\.254\.169\.254/32$'
has '^lo has 127\.0\.0\.1/8$'
ip -j addr show dev lo | jq -e '[.[0].addr_info[].local] | index("169.254.169.254") != null' >/dev/null || fail "ip: no address on lo"
echo "ex-addr-lo: ok"
