#!/bin/sh
# nlhl-rule against `ip rule`.
. "$(dirname "$0")/_lib.sh"
ip link add u0 type veth peer name u1

ok nlhl-rule add from 10.0.0.0/8 to 192.168.1.1 table 100 pref 100
ok nlhl-rule add not fwmark 0x10/0xff iif u0 oif u1 lookup main pref 200 tos 0x10
ok nlhl-rule add ipproto tcp dport 80-90 sport 22 goto 300 pref 250
ok nlhl-rule add pref 300 uidrange 10-20 prohibit
ok nlhl-rule add pref 310 suppress_prefixlength 0 table main
ok nlhl-rule add pref 320 from all unreachable protocol static
ok nlhl-rule -6 add from 2001:db8::/32 table 200 pref 400
ip -j rule show | jq -e '.[] | select(.priority == 100) | .table == "100" and .src == "10.0.0.0"' >/dev/null || fail "ip lacks rule 100"

same_as_ip "nlhl-rule -j show" "ip -j rule show" '.'
same_as_ip "nlhl-rule -j -6 show" "ip -j -6 rule show" '.'
same_as_ip "nlhl-rule -j show pref 250" "ip -j rule show pref 250" '.'
same_as_ip "nlhl-rule -j show table 100" "ip -j rule show table 100" '.'

ok nlhl-rule show
out_has "100:	from 10.0.0.0/8 to 192.168.1.1 lookup 100"
out_has "250:	from all ipproto tcp sport 22 dport 80-90 goto 300"
ok nlhl ru l
out_has "32766:	from all lookup main"

ok nlhl-rule del pref 100
[ "$(ip -j rule show pref 100 | jq length)" = 0 ] || fail "del"
rc 2 nlhl-rule add pref 300 uidrange 10-20 prohibit
err_has "File exists"
rc 2 nlhl-rule del pref 12345
usage_err nlhl-rule add from 10.0.0.0/33 table 100
usage_err nlhl-rule add fwmark x table 100
usage_err nlhl-rule add sport 99999 table 100
usage_err nlhl-rule add frob
usage_err nlhl-rule del

printf 'add pref 500 table 50\nadd pref 500 table 50\nadd pref 501 table 51\n' >"$T/b"
rc 1 nlhl-rule -batch "$T/b"
err_has "Command failed $T/b:2"
[ "$(ip -j rule show pref 501 | jq length)" = 0 ] || fail "batch went on"
echo "rule: ok"
