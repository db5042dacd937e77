#!/bin/sh
. "$(dirname "$0")/_lib.sh"
run ex-link-events
has '^new link ev0$'
has '^new link ev0 up$'
has '^del link ev0$'
# deletion last, as the kernel sent it
[ "$(grep ' ev0' "$T/out" | tail -1)" = "del link ev0" ] || fail "del is not the last event of ev0"
echo "ex-link-events: ok"
