/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness-link.h"

#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int nlt_link_ifindex(const char *name)
{
	json_object *l = nlt_ip_link(name);
	int i;

	if (!l)
		return 0;
	i = (int)nlt_jint(l, "ifindex", 0);
	json_object_put(l);
	return i;
}

static json_object *info_field(json_object *l, const char *data, const char *key)
{
	return nlt_jpath(l, "linkinfo", data, key, NULL);
}

long long nlt_info_int(const char *name, const char *key, long long def)
{
	json_object *l = nlt_ip_link(name), *v;
	long long r = def;

	ck_assert_msg(l, "no link %s", name);
	if ((v = info_field(l, "info_data", key)))
		r = json_object_is_type(v, json_type_boolean) ? json_object_get_boolean(v)
							       : json_object_get_int64(v);
	json_object_put(l);
	return r;
}

char *nlt_info_str(const char *name, const char *key)
{
	json_object *l = nlt_ip_link(name), *v;
	char *r = NULL;

	ck_assert_msg(l, "no link %s", name);
	if ((v = info_field(l, "info_data", key)))
		r = strdup(json_object_get_string(v));
	json_object_put(l);
	return r;
}

long long nlt_slave_int(const char *name, const char *key, long long def)
{
	json_object *l = nlt_ip_link(name), *v;
	long long r = def;

	ck_assert_msg(l, "no link %s", name);
	if ((v = info_field(l, "info_slave_data", key)))
		r = json_object_is_type(v, json_type_boolean) ? json_object_get_boolean(v)
							       : json_object_get_int64(v);
	json_object_put(l);
	return r;
}

static bool has_flag(json_object *l, const char *flag)
{
	json_object *f;

	if (!json_object_object_get_ex(l, "flags", &f))
		return false;
	for (size_t i = 0; i < json_object_array_length(f); i++)
		if (!strcmp(json_object_get_string(json_object_array_get_idx(f, i)), flag))
			return true;
	return false;
}

void nlt_link_matches_ip(const struct nlhl_link *l)
{
	json_object *o = nlt_ip_link(l->attrs.name);
	const char *s;
	char buf[NLHL_HWADDR_STRLEN];

	ck_assert_msg(o, "ip does not know %s", l->attrs.name);
	ck_assert_int_eq(nlt_jint(o, "ifindex", -1), l->attrs.index);
	ck_assert_int_eq(nlt_jint(o, "mtu", -1), l->attrs.mtu);
	ck_assert_int_eq(nlt_jint(o, "txqlen", 0), l->attrs.txqlen);
	ck_assert_int_eq(nlt_jint(o, "num_tx_queues", -1), l->attrs.num_tx_queues);
	ck_assert_int_eq(nlt_jint(o, "num_rx_queues", -1), l->attrs.num_rx_queues);
	ck_assert_int_eq(nlt_jint(o, "gso_max_size", -1), l->attrs.gso_max_size);
	ck_assert_int_eq(nlt_jint(o, "gso_max_segs", -1), l->attrs.gso_max_segs);
	ck_assert_int_eq(nlt_jint(o, "promiscuity", -1), l->attrs.promiscuity);
	ck_assert_int_eq(has_flag(o, "UP"), !!(l->attrs.flags & IFF_UP));
	ck_assert_int_eq(has_flag(o, "PROMISC"), !!(l->attrs.flags & IFF_PROMISC));
	ck_assert_int_eq(has_flag(o, "NOARP"), !!(l->attrs.flags & IFF_NOARP));
	ck_assert_int_eq(has_flag(o, "MULTICAST"), !!(l->attrs.flags & IFF_MULTICAST));
	/* Tunnels show their address in IP form: compare Ethernet ones. */
	if ((s = nlt_jstr(o, "address")) && l->attrs.hw_addr.len &&
	    nlt_jstr(o, "link_type") && !strcmp(nlt_jstr(o, "link_type"), "ether")) {
		ck_assert_int_eq(nlhl_format_hwaddr(&l->attrs.hw_addr, buf, sizeof(buf)), 0);
		ck_assert_str_eq(s, buf);
	}
	s = nlt_jstr(o, "ifalias");
	ck_assert_str_eq(s ? s : "", l->attrs.alias);
	s = nlt_jstr(o, "master");
	if (s)
		ck_assert_int_eq(nlt_link_ifindex(s), l->attrs.master_index);
	else
		ck_assert_int_eq(l->attrs.master_index, 0);
	/* The operational state changes asynchronously (linkwatch) after a
	 * link goes up: compare once both views agree, or time out. */
	if (nlt_jstr(o, "operstate")) {
		static const char *const names[] = { "UNKNOWN", "NOTPRESENT", "DOWN",
			"LOWERLAYERDOWN", "TESTING", "DORMANT", "UP" };
		enum nlhl_oper_state st = l->attrs.oper_state;
		struct nlhl_link now;
		char *ip = NULL;

		for (int i = 0; i < 100; i++) {
			free(ip);
			ip = nlt_output("ip -j link show dev %s | jq -r '.[0].operstate'", l->attrs.name);
			ip[strcspn(ip, "\n")] = 0;
			if ((unsigned)st < 7 && !strcmp(ip, names[st]))
				break;
			usleep(20000);
			if (nlhl_link_by_index(NULL, l->attrs.index, &now) == 0)
				st = now.attrs.oper_state;
		}
		ck_assert_msg((unsigned)st < 7 && !strcmp(ip, names[st]),
			      "%s: operstate %s by ip, %d by the library", l->attrs.name, ip, st);
		free(ip);
	}
	s = nlt_jstr(nlt_jpath(o, "linkinfo", NULL), "info_kind");
	ck_assert_str_eq(s ? s : "", l->kind);
	json_object_put(o);
}

void nlt_ip_veth(const char *a, const char *b)
{
	NLT_SH_OK("ip link add %s type veth peer name %s", a, b);
}

void nlt_link_init(struct nlhl_link *l, enum nlhl_link_type t, const char *name)
{
	memset(l, 0, sizeof(*l));
	l->type = t;
	snprintf(l->attrs.name, sizeof(l->attrs.name), "%s", name);
}

bool nlt_has_bridge_vlan(void)
{
	bool ok = nlt_sh("ip link add nltprobebr type bridge vlan_filtering 1 >/dev/null 2>&1") == 0;

	nlt_sh("ip link del nltprobebr >/dev/null 2>&1");
	return ok;
}
