/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness-tc.h"

#include <net/if.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int nlt_tc_ifindex(const char *name)
{
	return (int)if_nametoindex(name);
}

int nlt_tc_veth(const char *name)
{
	NLT_SH_OK("ip link add %s type veth peer name %s-p && ip link set %s up && ip link set %s-p up",
		  name, name, name, name);
	return nlt_tc_ifindex(name);
}

/* Adds "tc filter add dev P parent 1: WHAT" on an htb root.  A filter
 * needs a classid or an action to be accepted by every kernel (6.1 refuses
 * an empty matchall or basic with EINVAL). */
static bool probe(const char *what)
{
	bool ok;

	nlt_sh("ip link add nltprobef type veth peer name nltprobefp >/dev/null 2>&1");
	nlt_sh("tc qdisc add dev nltprobef root handle 1: htb >/dev/null 2>&1");
	ok = nlt_sh("tc filter add dev nltprobef parent 1: %s >/dev/null 2>&1", what) == 0;
	nlt_sh("ip link del nltprobef >/dev/null 2>&1");
	return ok;
}

bool nlt_has_filter_kind(const char *kind)
{
	char what[128];

	if (!strcmp(kind, "bpf"))  /* a classic BPF "ret 0" program */
		return probe("protocol all prio 1 bpf bytecode '1,6 0 0 0' classid 1:1");
	snprintf(what, sizeof(what), "protocol all prio 1 %s%s%s classid 1:1",
		 strcmp(kind, "fw") ? "" : "handle 1 ", kind,  /* fw needs its mark */
		 strcmp(kind, "u32") ? "" : " match u32 0 0");
	return probe(what);
}

bool nlt_has_action_kind(const char *kind)
{
	static const struct { const char *kind, *args; } acts[] = {
		{ "gact", "drop" }, { "mirred", "egress mirror dev nltprobefp" },
		{ "skbedit", "mark 1" }, { "vlan", "pop" }, { "police", "rate 1mbit burst 10k" },
		{ "nat", "ingress 10.0.0.1 10.0.0.2" },
	};
	char what[160];

	for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
		if (!strcmp(kind, acts[i].kind)) {
			snprintf(what, sizeof(what), "protocol ip prio 1 u32 match u32 0 0 action %s %s",
				 kind, acts[i].args);
			return probe(what);
		}
	return false;
}

bool nlt_has_red(void)
{
	bool ok;

	nlt_sh("ip link add nltprober type veth peer name nltproberp >/dev/null 2>&1");
	ok = nlt_sh("tc qdisc add dev nltprober root red limit 100000 min 10000 max 30000 "
		    "avpkt 1000 burst 20 bandwidth 10mbit >/dev/null 2>&1") == 0;
	nlt_sh("ip link del nltprober >/dev/null 2>&1");
	return ok;
}

json_object *nlt_tc_qdisc(const char *dev, const char *handle, json_object **all)
{
	size_t n;

	*all = nlt_json("tc -j -d -s qdisc show dev %s", dev);
	n = json_object_array_length(*all);
	for (size_t i = 0; i < n; i++) {
		json_object *q = json_object_array_get_idx(*all, i);
		const char *h = nlt_jstr(q, "handle");

		if (h && !strcmp(h, handle))
			return q;
	}
	return NULL;
}

char *nlt_tc_text(const char *fmt, ...)
{
	char *cmd, *out;
	va_list ap;

	va_start(ap, fmt);
	ck_assert(vasprintf(&cmd, fmt, ap) >= 0);
	va_end(ap);
	out = nlt_output("%s", cmd);
	free(cmd);
	return out;
}
