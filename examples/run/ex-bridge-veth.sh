#!/bin/sh
. "$(dirname "$0")/_lib.sh"
run ex-bridge-veth
has '^br0 index [0-9]+$'
has '^veth0 index [0-9]+ master [0-9]+$'
# the oracle: ip sees veth0 enslaved to br0, both up
ip -j link show veth0 | jq -e '.[0].master == "br0" and (.[0].flags | index("UP") != null)' >/dev/null || fail "ip: veth0 not in br0"
ip -d -j link show br0 | jq -e '.[0].linkinfo.info_kind == "bridge"' >/dev/null || fail "ip: br0 not a bridge"
br=$(ip -j link show br0 | jq '.[0].ifindex')
has "master $br\$"
echo "ex-bridge-veth: ok"
