/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Policy routing rules: every field through the library and `ip -j rule`,
 * both directions, filters and bad input. */
#include "harness-neigh.h"
#include "../lib/internal-rule.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

/* The rule with priority pref in a library list, copied to *ret. */
static bool find_pref(nlhl_handle *h, int family, uint32_t pref, struct nlhl_rule *ret)
{
	struct nlhl_rule *list;
	size_t n;
	bool found = false;

	NLT_OK(nlhl_rule_list(h, family, &list, &n));
	for (size_t i = 0; i < n; i++)
		if (list[i].priority == pref && list[i].family == family) {
			*ret = list[i];
			found = true;
			break;
		}
	nlhl_rule_list_free(list, n);
	return found;
}

static void assert_prefix(const struct nlhl_ipnet *got, const char *want)
{
	struct nlhl_ipnet w = nb_ipnet(want);

	ck_assert_int_eq(got->family, w.family);
	ck_assert_int_eq(got->prefixlen, w.prefixlen);
	ck_assert(!memcmp(got->addr, w.addr, 16));
}

START_TEST(rule_add_ipv4_all_fields)
{
	nlhl_handle *h;
	struct nlhl_rule r = { 0 }, got;
	json_object *j;

	NLT_OK(nlhl_handle_new(&h));
	r.priority = 100;
	r.table = 100;
	r.src = nb_ipnet("10.0.0.0/8");
	r.dst = nb_ipnet("192.168.0.0/16");
	r.mark = 0x10;
	r.mask = 0xff;
	strcpy(r.iif_name, "lo");
	strcpy(r.oif_name, "lo");
	r.tos = 0x10;
	r.protocol = RTPROT_STATIC;
	r.ip_proto = IPPROTO_TCP;
	r.sport.start = 80;
	r.sport.end = 90;
	r.dport.start = 443;  /* end 0: a single port */
	r.has_uid_range = true;
	r.uid_range.start = 100;
	r.uid_range.end = 200;
	r.flow = (3 << 16) | 4;
	NLT_OK(nlhl_rule_add(h, &r));

	j = nb_rule_json(AF_INET, 100);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "src"), "10.0.0.0");
	ck_assert_int_eq(nlt_jint(j, "srclen", -1), 8);
	ck_assert_str_eq(nlt_jstr(j, "dst"), "192.168.0.0");
	ck_assert_int_eq(nlt_jint(j, "dstlen", -1), 16);
	ck_assert_str_eq(nlt_jstr(j, "fwmark"), "0x10");
	ck_assert_str_eq(nlt_jstr(j, "fwmask"), "0xff");
	ck_assert_str_eq(nlt_jstr(j, "iif"), "lo");
	ck_assert_str_eq(nlt_jstr(j, "oif"), "lo");
	ck_assert_str_eq(nlt_jstr(j, "tos"), "0x10");
	ck_assert_str_eq(nlt_jstr(j, "table"), "100");
	ck_assert_str_eq(nlt_jstr(j, "protocol"), "static");
	ck_assert_str_eq(nlt_jstr(j, "ipproto"), "tcp");
	ck_assert_int_eq(nlt_jint(j, "sport_start", -1), 80);
	ck_assert_int_eq(nlt_jint(j, "sport_end", -1), 90);
	ck_assert_int_eq(nlt_jint(j, "dport", -1), 443);
	ck_assert_int_eq(nlt_jint(j, "uid_start", -1), 100);
	ck_assert_int_eq(nlt_jint(j, "uid_end", -1), 200);
	ck_assert_str_eq(nlt_jstr(j, "flow_from"), "3");
	ck_assert_str_eq(nlt_jstr(j, "flow_to"), "4");
	ck_assert(!nb_jhas(j, "not"));
	json_object_put(j);

	ck_assert(find_pref(h, AF_INET, 100, &got));
	ck_assert_int_eq(got.family, AF_INET);
	ck_assert(got.has_priority);
	ck_assert_uint_eq(got.table, 100);
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_TO_TBL);
	assert_prefix(&got.src, "10.0.0.0/8");
	assert_prefix(&got.dst, "192.168.0.0/16");
	ck_assert(got.has_mark);
	ck_assert_uint_eq(got.mark, 0x10);
	ck_assert_uint_eq(got.mask, 0xff);
	ck_assert_str_eq(got.iif_name, "lo");
	ck_assert_str_eq(got.oif_name, "lo");
	ck_assert_uint_eq(got.tos, 0x10);
	ck_assert_uint_eq(got.protocol, RTPROT_STATIC);
	ck_assert_uint_eq(got.ip_proto, IPPROTO_TCP);
	ck_assert_uint_eq(got.sport.start, 80);
	ck_assert_uint_eq(got.sport.end, 90);
	ck_assert_uint_eq(got.dport.start, 443);
	ck_assert_uint_eq(got.dport.end, 443);
	ck_assert(got.has_uid_range);
	ck_assert_uint_eq(got.uid_range.start, 100);
	ck_assert_uint_eq(got.uid_range.end, 200);
	ck_assert_uint_eq(got.flow, (3 << 16) | 4);
	ck_assert(!got.invert);
	ck_assert(!got.has_suppress_prefixlen);
	ck_assert(!got.has_suppress_ifgroup);
	ck_assert_uint_eq(got.l3mdev, 0);

	/* The same rule again: the kernel refuses (NLM_F_EXCL). */
	NLT_ERR(nlhl_rule_add(h, &r), -EEXIST);
	NLT_ERRMSG_HAS("rule add pref 100 from 10.0.0.0/8");

	/* A rule read back deletes itself. */
	NLT_OK(nlhl_rule_del(h, &got));
	ck_assert(!find_pref(h, AF_INET, 100, &got));
	ck_assert_ptr_null(nb_rule_json(AF_INET, 100));
	nlhl_handle_free(h);
}
END_TEST

START_TEST(rule_add_ipv4_more_fields)
{
	struct nlhl_rule r = { 0 }, got;
	json_object *j;

	/* Through the default handle. */
	r.priority = 101;
	r.invert = true;
	r.src = nb_ipnet("1.2.3.4/32");
	r.table = 1000;  /* > 255: FRA_TABLE */
	r.has_suppress_prefixlen = true;  /* 0 is the value meant */
	r.suppress_ifgroup = 5;
	r.tun_id = 77;
	NLT_OK(nlhl_rule_add(NULL, &r));
	j = nb_rule_json(AF_INET, 101);
	ck_assert_ptr_nonnull(j);
	ck_assert(nb_jhas(j, "not"));
	ck_assert_str_eq(nlt_jstr(j, "src"), "1.2.3.4");
	ck_assert_str_eq(nlt_jstr(j, "table"), "1000");
	ck_assert_int_eq(nlt_jint(j, "suppress_prefixlen", -1), 0);
	ck_assert_str_eq(nlt_jstr(j, "suppress_ifgroup"), "5");
	ck_assert_int_eq(nlt_jint(j, "tun_id", -1), 77);
	json_object_put(j);

	ck_assert(find_pref(NULL, AF_INET, 101, &got));
	ck_assert(got.invert);
	ck_assert(got.flags & FIB_RULE_INVERT);
	ck_assert_uint_eq(got.table, 1000);
	ck_assert(got.has_suppress_prefixlen);
	ck_assert_uint_eq(got.suppress_prefixlen, 0);
	ck_assert(got.has_suppress_ifgroup);
	ck_assert_uint_eq(got.suppress_ifgroup, 5);
	ck_assert_uint_eq(got.tun_id, 77);
	ck_assert(!got.has_mark);
	ck_assert(!got.has_uid_range);

	/* Delete by priority only. */
	struct nlhl_rule del = { .priority = 101 };
	NLT_OK(nlhl_rule_del(NULL, &del));
	ck_assert_ptr_null(nb_rule_json(AF_INET, 101));
	NLT_ERR(nlhl_rule_del(NULL, &del), -ENOENT);
	NLT_ERRMSG_HAS("rule del pref 101");
}
END_TEST

START_TEST(rule_actions)
{
	nlhl_handle *h;
	struct nlhl_rule r, got;
	json_object *j;
	static const struct { uint8_t act; const char *name; } acts[] = {
		{ NLHL_RULE_ACT_BLACKHOLE, "blackhole" },
		{ NLHL_RULE_ACT_UNREACHABLE, "unreachable" },
		{ NLHL_RULE_ACT_PROHIBIT, "prohibit" },
		{ NLHL_RULE_ACT_NOP, "nop" },
	};

	NLT_OK(nlhl_handle_new(&h));
	for (size_t i = 0; i < 4; i++) {
		r = (struct nlhl_rule){ .priority = 200 + i, .action = acts[i].act };
		NLT_OK(nlhl_rule_add(h, &r));
		j = nb_rule_json(AF_INET, 200 + i);
		ck_assert_ptr_nonnull(j);
		if (acts[i].act == NLHL_RULE_ACT_NOP)
			ck_assert(nb_jhas(j, "nop"));
		else
			ck_assert_str_eq(nlt_jstr(j, "action"), acts[i].name);
		json_object_put(j);
		ck_assert(find_pref(h, AF_INET, 200 + i, &got));
		ck_assert_uint_eq(got.action, acts[i].act);
		ck_assert_uint_eq(got.table, 0);
	}
	/* A goto rule: action 0 with a target becomes goto. */
	r = (struct nlhl_rule){ .priority = 150, .goto_priority = 201 };
	NLT_OK(nlhl_rule_add(h, &r));
	j = nb_rule_json(AF_INET, 150);
	ck_assert_int_eq(nlt_jint(j, "goto", -1), 201);
	json_object_put(j);
	ck_assert(find_pref(h, AF_INET, 150, &got));
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_GOTO);
	ck_assert_uint_eq(got.goto_priority, 201);
	/* Action 0, no table: lookup main (iproute2's default). */
	r = (struct nlhl_rule){ .priority = 160, .src = nb_ipnet("9.9.9.9") };
	NLT_OK(nlhl_rule_add(h, &r));
	j = nb_rule_json(AF_INET, 160);
	ck_assert_str_eq(nlt_jstr(j, "table"), "main");
	json_object_put(j);
	/* Priority 0 on purpose: has_priority. */
	r = (struct nlhl_rule){ .has_priority = true, .table = 42, .mark = 7 };
	NLT_OK(nlhl_rule_add(h, &r));
	j = nlt_json("ip -j rule show pref 0 | jq -c '[.[] | select(.table == \"42\")]'");
	ck_assert_int_eq(json_object_array_length(j), 1);
	json_object_put(j);
	/* Mark 0 with a mask: has_mark. */
	r = (struct nlhl_rule){ .priority = 170, .has_mark = true, .mask = 0xf0, .table = 5 };
	NLT_OK(nlhl_rule_add(h, &r));
	j = nb_rule_json(AF_INET, 170);
	ck_assert_str_eq(nlt_jstr(j, "fwmark"), "0");
	ck_assert_str_eq(nlt_jstr(j, "fwmask"), "0xf0");
	json_object_put(j);
	ck_assert(find_pref(h, AF_INET, 170, &got));
	ck_assert(got.has_mark);
	ck_assert_uint_eq(got.mark, 0);
	ck_assert_uint_eq(got.mask, 0xf0);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(rule_l3mdev)
{
	struct nlhl_rule r = { .priority = 300, .l3mdev = 1 }, got;
	json_object *j;
	int err = nlhl_rule_add(NULL, &r);

	if (err == -EINVAL || err == -EOPNOTSUPP)
		NLT_SKIP("host kernel lacks l3mdev rules (CONFIG_NET_L3_MASTER_DEV): %s",
			 nlhl_errmsg());
	NLT_OK(err);
	j = nb_rule_json(AF_INET, 300);
	ck_assert(nb_jhas(j, "l3mdev"));
	json_object_put(j);
	ck_assert(find_pref(NULL, AF_INET, 300, &got));
	ck_assert_uint_eq(got.l3mdev, 1);
	ck_assert_uint_eq(got.table, 0);
	r.family = AF_INET6;
	NLT_OK(nlhl_rule_add(NULL, &r));
	ck_assert(find_pref(NULL, AF_INET6, 300, &got));
	ck_assert_uint_eq(got.l3mdev, 1);
	/* With a vrf (full kernel only) the rule sends its traffic to the
	 * vrf's table: check `ip route get` through it. */
	if (nlt_sh("ip link add vrf1 type vrf table 10 2>/dev/null") != 0)
		return;
	NLT_SH_OK("ip link set vrf1 up && ip route add unreachable 10.9.9.0/24 vrf vrf1");
	ck_assert_int_ne(nlt_sh("ip route get 10.9.9.1 vrf vrf1 2>/dev/null"), 0);
}
END_TEST

START_TEST(rule_ipv6)
{
	nlhl_handle *h;
	struct nlhl_rule r = { 0 }, got;
	json_object *j;

	NLT_OK(nlhl_handle_new(&h));
	/* family from src */
	r.priority = 50;
	r.src = nb_ipnet("2001:db8::/32");
	r.dst = nb_ipnet("2001:db8:1::/48");
	r.action = NLHL_RULE_ACT_PROHIBIT;
	r.ip_proto = IPPROTO_UDP;
	r.dport.start = 53;
	r.dport.end = 54;
	r.tos = 0x20;
	NLT_OK(nlhl_rule_add(h, &r));
	j = nb_rule_json(AF_INET6, 50);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "src"), "2001:db8::");
	ck_assert_int_eq(nlt_jint(j, "srclen", -1), 32);
	ck_assert_str_eq(nlt_jstr(j, "dst"), "2001:db8:1::");
	ck_assert_int_eq(nlt_jint(j, "dstlen", -1), 48);
	ck_assert_str_eq(nlt_jstr(j, "action"), "prohibit");
	ck_assert_str_eq(nlt_jstr(j, "ipproto"), "udp");
	ck_assert_int_eq(nlt_jint(j, "dport_start", -1), 53);
	ck_assert_int_eq(nlt_jint(j, "dport_end", -1), 54);
	json_object_put(j);
	ck_assert(find_pref(h, AF_INET6, 50, &got));
	assert_prefix(&got.src, "2001:db8::/32");
	assert_prefix(&got.dst, "2001:db8:1::/48");
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_PROHIBIT);
	ck_assert_uint_eq(got.tos, 0x20);
	ck_assert_uint_eq(got.dport.end, 54);
	/* Not in the IPv4 list. */
	ck_assert(!find_pref(h, AF_INET, 50, &got));
	/* In the AF_UNSPEC list. */
	ck_assert(find_pref(h, AF_INET6, 50, &got));

	r = (struct nlhl_rule){ .family = AF_INET6, .priority = 60, .table = 300,
				.mark = 0x1234, .has_uid_range = true };
	NLT_OK(nlhl_rule_add(h, &r));  /* uid range 0-0 (root) on purpose */
	j = nb_rule_json(AF_INET6, 60);
	ck_assert_str_eq(nlt_jstr(j, "table"), "300");
	ck_assert_str_eq(nlt_jstr(j, "fwmark"), "0x1234");
	ck_assert_int_eq(nlt_jint(j, "uid_start", -1), 0);
	ck_assert_int_eq(nlt_jint(j, "uid_end", -1), 0);
	json_object_put(j);
	ck_assert(find_pref(h, AF_INET6, 60, &got));
	ck_assert_uint_eq(got.mask, 0xffffffff);  /* the kernel's default */
	ck_assert(got.has_uid_range);
	NLT_OK(nlhl_rule_del(h, &got));
	ck_assert_ptr_null(nb_rule_json(AF_INET6, 60));
	nlhl_handle_free(h);
}
END_TEST

/* Made by ip, read by the library. */
START_TEST(rule_reverse)
{
	struct nlhl_rule got;

	NLT_SH_OK("ip rule add pref 100 from 10.0.0.0/8 to 192.168.0.0/16 fwmark 0x10/0xff "
		  "iif lo oif lo tos 0x10 table 100 protocol static");
	NLT_SH_OK("ip rule add pref 101 not from 1.2.3.4 uidrange 100-200 ipproto tcp "
		  "sport 80-90 dport 443 suppress_prefixlength 0 suppress_ifgroup 5 lookup 1000");
	NLT_SH_OK("ip rule add pref 102 goto 200");
	NLT_SH_OK("ip rule add pref 103 unreachable");
	NLT_SH_OK("ip rule add pref 104 realms 3/4 tun_id 77 lookup main");
	NLT_SH_OK("ip -6 rule add pref 50 from 2001:db8::/32 blackhole");

	ck_assert(find_pref(NULL, AF_INET, 100, &got));
	assert_prefix(&got.src, "10.0.0.0/8");
	assert_prefix(&got.dst, "192.168.0.0/16");
	ck_assert_uint_eq(got.mark, 0x10);
	ck_assert_uint_eq(got.mask, 0xff);
	ck_assert_str_eq(got.iif_name, "lo");
	ck_assert_str_eq(got.oif_name, "lo");
	ck_assert_uint_eq(got.tos, 0x10);
	ck_assert_uint_eq(got.table, 100);
	ck_assert_uint_eq(got.protocol, RTPROT_STATIC);
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_TO_TBL);

	ck_assert(find_pref(NULL, AF_INET, 101, &got));
	ck_assert(got.invert);
	assert_prefix(&got.src, "1.2.3.4/32");
	ck_assert_uint_eq(got.uid_range.start, 100);
	ck_assert_uint_eq(got.uid_range.end, 200);
	ck_assert_uint_eq(got.ip_proto, IPPROTO_TCP);
	ck_assert_uint_eq(got.sport.start, 80);
	ck_assert_uint_eq(got.sport.end, 90);
	ck_assert_uint_eq(got.dport.start, 443);
	ck_assert_uint_eq(got.dport.end, 443);
	ck_assert(got.has_suppress_prefixlen);
	ck_assert_uint_eq(got.suppress_prefixlen, 0);
	ck_assert_uint_eq(got.suppress_ifgroup, 5);
	ck_assert_uint_eq(got.table, 1000);

	ck_assert(find_pref(NULL, AF_INET, 102, &got));
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_GOTO);
	ck_assert_uint_eq(got.goto_priority, 200);
	ck_assert(got.flags & FIB_RULE_UNRESOLVED);  /* no rule 200 yet */
	/* Read back, it deletes as it is (the read-only flags are not sent). */
	NLT_OK(nlhl_rule_del(NULL, &got));
	ck_assert_ptr_null(nb_rule_json(AF_INET, 102));
	NLT_OK(nlhl_rule_add(NULL, &got));
	ck_assert(find_pref(NULL, AF_INET, 102, &got));
	ck_assert_uint_eq(got.goto_priority, 200);
	ck_assert(find_pref(NULL, AF_INET, 103, &got));
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_UNREACHABLE);
	ck_assert(find_pref(NULL, AF_INET, 104, &got));
	ck_assert_uint_eq(got.flow, (3 << 16) | 4);
	ck_assert_uint_eq(got.tun_id, 77);
	ck_assert_uint_eq(got.table, RT_TABLE_MAIN);
	ck_assert(find_pref(NULL, AF_INET6, 50, &got));
	assert_prefix(&got.src, "2001:db8::/32");
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_BLACKHOLE);
	/* The default rules are there too, in kernel order. */
	ck_assert(find_pref(NULL, AF_INET, 0, &got));
	ck_assert_uint_eq(got.table, RT_TABLE_LOCAL);
	ck_assert(find_pref(NULL, AF_INET, 32766, &got));
	ck_assert_uint_eq(got.table, RT_TABLE_MAIN);

	/* Every rule read back deletes itself: only the defaults remain. */
	struct nlhl_rule *list;
	size_t n;
	char *out;
	NLT_OK(nlhl_rule_list(NULL, AF_UNSPEC, &list, &n));
	for (size_t i = 0; i < n; i++)
		if (list[i].priority != 0 && list[i].priority < 32766)
			NLT_OK(nlhl_rule_del(NULL, &list[i]));
	nlhl_rule_list_free(list, n);
	out = nlt_output("ip -4 -j rule | jq -c '[.[].priority]'");
	ck_assert_str_eq(out, "[0,32766,32767]\n");
	free(out);
	out = nlt_output("ip -6 -j rule | jq -c '[.[].priority]'");
	ck_assert_str_eq(out, "[0,32766]\n");
	free(out);
}
END_TEST

START_TEST(rule_list_counts_match_ip)
{
	struct nlhl_rule *list;
	size_t n, n4 = 0, n6 = 0;
	char *out;

	NLT_SH_OK("for i in $(seq 1000 1099); do echo rule add pref $i from 10.$((i%%250)).0.0/16 "
		  "table $i; done | ip -batch -");
	NLT_SH_OK("for i in $(seq 1000 1099); do echo rule add pref $i table $i; done | ip -6 -batch -");
	NLT_OK(nlhl_rule_list(NULL, AF_UNSPEC, &list, &n));
	for (size_t i = 0; i < n; i++) {
		if (list[i].family == AF_INET)
			n4++;
		else if (list[i].family == AF_INET6)
			n6++;
		else
			ck_abort_msg("family %d in list", list[i].family);
		if (list[i].priority >= 1000 && list[i].priority < 1100)
			ck_assert_uint_eq(list[i].table, list[i].priority);
	}
	nlhl_rule_list_free(list, n);
	out = nlt_output("ip -4 -j rule | jq length");
	ck_assert_uint_eq(n4, strtoul(out, NULL, 10));
	free(out);
	out = nlt_output("ip -6 -j rule | jq length");
	ck_assert_uint_eq(n6, strtoul(out, NULL, 10));
	free(out);
	ck_assert_uint_eq(n4, 103);
	ck_assert_uint_eq(n6, 102);
}
END_TEST

START_TEST(rule_list_filtered)
{
	nlhl_handle *h;
	struct nlhl_rule *list, f = { 0 };
	size_t n;

	NLT_SH_OK("ip rule add pref 10 from 10.1.0.0/16 fwmark 1 table 7 iif lo");
	NLT_SH_OK("ip rule add pref 11 from 10.2.0.0/16 fwmark 2/0xf table 7 protocol static");
	NLT_SH_OK("ip rule add pref 12 to 10.3.0.0/16 tos 8 table 8 ipproto udp");
	NLT_SH_OK("ip -6 rule add pref 13 table 7 oif lo");
	NLT_OK(nlhl_handle_new(&h));

	f.table = 7;
	NLT_OK(nlhl_rule_list_filtered(h, AF_UNSPEC, &f, NLHL_RULE_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 3);
	nlhl_rule_list_free(list, n);
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f, NLHL_RULE_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(list[0].priority, 10);
	ck_assert_uint_eq(list[1].priority, 11);
	nlhl_rule_list_free(list, n);

	f = (struct nlhl_rule){ .src = nb_ipnet("10.2.0.0/16") };
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f, NLHL_RULE_FILTER_SRC, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].priority, 11);
	nlhl_rule_list_free(list, n);

	f = (struct nlhl_rule){ .mark = 2, .mask = 0xf };
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f,
				       NLHL_RULE_FILTER_MARK | NLHL_RULE_FILTER_MASK, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].priority, 11);
	nlhl_rule_list_free(list, n);

	f = (struct nlhl_rule){ .dst = nb_ipnet("10.3.0.0/16"), .tos = 8, .ip_proto = IPPROTO_UDP };
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f, NLHL_RULE_FILTER_DST | NLHL_RULE_FILTER_TOS |
				       NLHL_RULE_FILTER_IP_PROTO, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].priority, 12);
	nlhl_rule_list_free(list, n);

	f = (struct nlhl_rule){ .priority = 12, .action = NLHL_RULE_ACT_TO_TBL };
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f, NLHL_RULE_FILTER_PRIORITY |
				       NLHL_RULE_FILTER_ACTION, &list, &n));
	ck_assert_uint_eq(n, 1);
	nlhl_rule_list_free(list, n);

	strcpy(f.iif_name, "lo");
	NLT_OK(nlhl_rule_list_filtered(h, AF_INET, &f, NLHL_RULE_FILTER_IIF, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].priority, 10);
	nlhl_rule_list_free(list, n);
	f = (struct nlhl_rule){ 0 };
	strcpy(f.oif_name, "lo");
	NLT_OK(nlhl_rule_list_filtered(h, AF_UNSPEC, &f, NLHL_RULE_FILTER_OIF, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(list[0].family, AF_INET6);
	nlhl_rule_list_free(list, n);
	f = (struct nlhl_rule){ .protocol = RTPROT_STATIC };
	NLT_OK(nlhl_rule_list_filtered(h, AF_UNSPEC, &f, NLHL_RULE_FILTER_PROTOCOL, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].priority, 11);
	nlhl_rule_list_free(list, n);
	/* Nothing matches: an empty list, not an error. */
	f = (struct nlhl_rule){ .table = 99 };
	NLT_OK(nlhl_rule_list_filtered(h, AF_UNSPEC, &f, NLHL_RULE_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 0);
	nlhl_rule_list_free(list, n);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(rule_bad_input)
{
	struct nlhl_rule r, *list = (struct nlhl_rule *)0x1;
	size_t n = 77;

	NLT_ERR(nlhl_rule_add(NULL, NULL), -EINVAL);
	NLT_ERRMSG_HAS("rule is NULL");
	r = (struct nlhl_rule){ .priority = 5, .src = nb_ipnet("10.0.0.0/8") };
	r.src.prefixlen = 33;
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("prefix length 33");
	r = (struct nlhl_rule){ .family = AF_INET6, .src = nb_ipnet("10.0.0.0/8") };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("not of the rule's family");
	r = (struct nlhl_rule){ .src = nb_ipnet("10.0.0.0/8"), .dst = nb_ipnet("::/0") };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	r = (struct nlhl_rule){ .family = AF_PACKET };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("is not AF_INET or AF_INET6");
	r = (struct nlhl_rule){ .action = 4 };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("unknown action 4");
	r = (struct nlhl_rule){ .action = NLHL_RULE_ACT_GOTO };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("goto rule needs goto_priority");
	r = (struct nlhl_rule){ .action = NLHL_RULE_ACT_BLACKHOLE, .goto_priority = 9 };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	r = (struct nlhl_rule){ .sport = { 90, 80 } };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("sport range 90-80");
	r = (struct nlhl_rule){ .dport = { 0, 80 } };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("no start");
	r = (struct nlhl_rule){ .has_uid_range = true, .uid_range = { 5, 1 } };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	r = (struct nlhl_rule){ 0 };
	memset(r.iif_name, 'a', sizeof(r.iif_name));
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("not NUL-terminated");
	r = (struct nlhl_rule){ 0 };
	strcpy(r.oif_name, "a/b");
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	r = (struct nlhl_rule){ .l3mdev = 2 };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	/* The kernel's own check reaches nlhl_errmsg(): a backward goto. */
	r = (struct nlhl_rule){ .priority = 100, .goto_priority = 50 };
	NLT_ERR(nlhl_rule_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("rule add pref 100: ");
	NLT_ERRMSG_HAS("goto");
	/* Delete with no selecting field is refused (it would hit the local rule). */
	r = (struct nlhl_rule){ 0 };
	NLT_ERR(nlhl_rule_del(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("no field selects");
	r = (struct nlhl_rule){ .priority = 4242 };
	NLT_ERR(nlhl_rule_del(NULL, &r), -ENOENT);
	/* Lists. */
	NLT_ERR(nlhl_rule_list(NULL, AF_BRIDGE, &list, &n), -EINVAL);
	NLT_ERR(nlhl_rule_list(NULL, AF_INET, NULL, &n), -EINVAL);
	NLT_ERR(nlhl_rule_list(NULL, AF_INET, &list, NULL), -EINVAL);
	NLT_ERR(nlhl_rule_list_filtered(NULL, AF_INET, NULL, NLHL_RULE_FILTER_TABLE, &list, &n),
		-EINVAL);
	NLT_ERR(nlhl_rule_list_filtered(NULL, AF_INET, &r, 1u << 30, &list, &n), -EINVAL);
	NLT_ERRMSG_HAS("unknown filter bits");
	/* Outputs untouched on failure. */
	ck_assert_ptr_eq(list, (struct nlhl_rule *)0x1);
	ck_assert_uint_eq(n, 77);
	/* The kernel's default rules are still all there. */
	NLT_OK(nlhl_rule_list(NULL, AF_INET, &list, &n));
	ck_assert_uint_eq(n, 3);
	nlhl_rule_list_free(list, n);
}
END_TEST

/* Messages the parser must refuse without reading past them. */
START_TEST(rule_parse_malformed)
{
	struct {
		struct nlmsghdr nlh;
		struct fib_rule_hdr frh;
		struct nlattr a;
		uint8_t addr[16];
	} m;
	struct nlhl_rule r = { .priority = 99 };

	memset(&m, 0, sizeof(m));
	m.nlh.nlmsg_type = RTM_NEWRULE;
	m.nlh.nlmsg_len = NLMSG_HDRLEN + 2;  /* shorter than fib_rule_hdr */
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), -EPROTO);
	m.nlh.nlmsg_len = sizeof(m);
	m.frh.family = AF_INET;
	m.frh.src_len = 24;
	m.a.nla_type = FRA_SRC;
	m.a.nla_len = NLA_HDRLEN + 16;  /* 16 bytes of address for IPv4 */
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), -EPROTO);
	m.a.nla_len = NLA_HDRLEN + 64;  /* runs past the message: not read, */
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), -EPROTO);  /* so src_len lacks it */
	m.a.nla_len = NLA_HDRLEN + 4;
	m.frh.src_len = 40;  /* longer than the address */
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), -EPROTO);
	ck_assert_uint_eq(r.priority, 99);  /* untouched */
	m.frh.src_len = 24;
	m.nlh.nlmsg_len = NLMSG_HDRLEN + sizeof(m.frh) + NLA_HDRLEN + 4;
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), 0);
	ck_assert_int_eq(r.src.prefixlen, 24);
	m.frh.family = 128;  /* RTNL_FAMILY_IPMR: skipped, not an error */
	ck_assert_int_eq(nlhl__rule_parse(&m.nlh, &r), -EAFNOSUPPORT);
}
END_TEST

/* The builder's message is what the parser reads back (the monitor and
 * the batch use both halves). */
START_TEST(rule_build_parse_roundtrip)
{
	struct nlhl_rule r = { .priority = 7, .table = 4000, .src = nb_ipnet("10.0.0.0/8"),
			       .mark = 3, .mask = 7, .ip_proto = 6, .sport = { 1, 2 },
			       .has_uid_range = true, .uid_range = { 1, 9 }, .tun_id = 5 }, got;
	struct nl_msg *msg;
	struct nlmsghdr *nlh;

	strcpy(r.iif_name, "eth0");
	NLT_OK(nlhl__rule_build(RTM_NEWRULE, NLM_F_CREATE, &r, &msg));
	nlh = nlmsg_hdr(msg);
	ck_assert_int_eq(nlhl__rule_parse(nlh, &got), 0);
	ck_assert_uint_eq(got.priority, 7);
	ck_assert_uint_eq(got.table, 4000);
	ck_assert_uint_eq(got.action, NLHL_RULE_ACT_TO_TBL);
	assert_prefix(&got.src, "10.0.0.0/8");
	ck_assert_uint_eq(got.mark, 3);
	ck_assert_uint_eq(got.mask, 7);
	ck_assert_str_eq(got.iif_name, "eth0");
	ck_assert_uint_eq(got.sport.end, 2);
	ck_assert_uint_eq(got.uid_range.end, 9);
	ck_assert_uint_eq(got.tun_id, 5);
	nlmsg_free(msg);
}
END_TEST

static Suite *rule_suite(void)
{
	Suite *s = suite_create("rule");
	TCase *tc = nlt_tcase(s, "rule");

	tcase_add_test(tc, rule_add_ipv4_all_fields);
	tcase_add_test(tc, rule_add_ipv4_more_fields);
	tcase_add_test(tc, rule_actions);
	tcase_add_test(tc, rule_l3mdev);
	tcase_add_test(tc, rule_ipv6);
	tcase_add_test(tc, rule_reverse);
	tcase_add_test(tc, rule_list_counts_match_ip);
	tcase_add_test(tc, rule_list_filtered);
	tcase_add_test(tc, rule_bad_input);
	tcase_add_test(tc, rule_parse_malformed);
	tcase_add_test(tc, rule_build_parse_roundtrip);
	return s;
}
NLT_SUITE(rule_suite)
