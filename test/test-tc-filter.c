/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Filters and their actions, through the library and through tc (text
 * output: tc 6.1's JSON repeats the "match" key of u32), and the reverse.
 */
#include "harness-tc.h"
#include "../lib/internal-tc.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>

#define H(maj, min) nlhl_make_handle((maj), (min))

/* Filters of parent on the link that carry a classid / actions (u32 lists
 * its hash tables too); the first with that priority and kind. */
static bool lib_filter(int ifi, uint32_t parent, uint16_t prio, const char *kind,
		       struct nlhl_filter *ret)
{
	struct nlhl_filter *list = NULL;
	size_t n = 0;
	bool found = false;

	NLT_OK(nlhl_filter_list_by_index(NULL, ifi, parent, &list, &n));
	for (size_t i = 0; i < n && !found; i++) {
		const struct nlhl_filter *f = &list[i];

		ck_assert_int_eq(f->attrs.link_index, ifi);
		if (f->attrs.priority != prio || strcmp(f->kind, kind))
			continue;
		if (!f->attrs.handle || (f->type == NLHL_FILTER_U32 && f->u32.divisor))
			continue;  /* the classifier's own entry, u32's hash tables */
		*ret = *f;
		found = true;
	}
	nlhl_filter_list_free(list, n);
	return found;
}

static int htb_setup(const char *dev)
{
	int ifi = nlt_tc_veth(dev);

	NLT_SH_OK("tc qdisc add dev %s root handle 1: htb && "
		  "tc class add dev %s parent 1: classid 1:10 htb rate 1mbit", dev, dev);
	return ifi;
}

static struct nlhl_filter mkf(int ifi, uint32_t parent, uint16_t prio, uint16_t proto,
			      enum nlhl_filter_type t)
{
	struct nlhl_filter f;

	memset(&f, 0, sizeof(f));
	f.attrs.link_index = ifi;
	f.attrs.parent = parent;
	f.attrs.priority = prio;
	f.attrs.protocol = proto;
	f.type = t;
	return f;
}

START_TEST(filter_u32)
{
	int ifi = htb_setup("fa");
	int peer = nlt_tc_ifindex("fa-p");
	struct nlhl_filter f = mkf(ifi, H(1, 0), 5, ETH_P_IP, NLHL_FILTER_U32), got;
	char *txt;

	NLT_OK(nlhl_parse_ipnet("10.1.0.0/16", &f.u32.src));
	f.u32.ip_proto = IPPROTO_TCP;
	f.u32.dport = 80;
	f.u32.classid = H(1, 0x10);
	f.n_actions = 1;
	f.actions[0].type = NLHL_ACTION_MIRRED;
	f.actions[0].mirred.op = NLHL_MIRRED_EGRESS_REDIRECT;
	f.actions[0].mirred.ifindex = peer;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc -d filter show dev fa parent 1:");
	NLT_HAS(txt, "filter protocol ip pref 5 u32");
	NLT_HAS(txt, "flowid 1:10");
	NLT_HAS(txt, "match 0a010000/ffff0000 at 12");
	NLT_HAS(txt, "match 00060000/00ff0000 at 8");
	NLT_HAS(txt, "match 00000050/0000ffff at 20");
	NLT_HAS(txt, "mirred (Egress Redirect to device fa-p) stolen");
	free(txt);
	ck_assert(lib_filter(ifi, H(1, 0), 5, "u32", &got));
	ck_assert_int_eq(got.type, NLHL_FILTER_U32);
	ck_assert_uint_eq(got.attrs.protocol, ETH_P_IP);
	ck_assert_uint_eq(got.attrs.parent, H(1, 0));
	ck_assert_uint_eq(got.u32.classid, H(1, 0x10));
	ck_assert_int_eq(got.u32.src.family, AF_INET);
	ck_assert_uint_eq(got.u32.src.prefixlen, 16);
	ck_assert_uint_eq(got.u32.src.addr[0], 10);
	ck_assert_uint_eq(got.u32.src.addr[1], 1);
	ck_assert_uint_eq(got.u32.ip_proto, IPPROTO_TCP);
	ck_assert_uint_eq(got.u32.dport, 80);
	ck_assert_uint_eq(got.u32.sport, 0);
	ck_assert_uint_eq(got.u32.n_keys, 0);
	ck_assert_uint_eq(got.n_actions, 1);
	ck_assert_int_eq(got.actions[0].type, NLHL_ACTION_MIRRED);
	ck_assert_str_eq(got.actions[0].kind, "mirred");
	ck_assert_int_eq(got.actions[0].mirred.op, NLHL_MIRRED_EGRESS_REDIRECT);
	ck_assert_int_eq(got.actions[0].mirred.ifindex, peer);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_STOLEN);
	ck_assert_uint_ne(got.actions[0].index, 0);

	/* what was read can be added again; at another priority it must not
	 * name the hash table (800:) and handle it was read from */
	ck_assert_uint_eq(got.u32.hashtable, 0x80000000U);  /* "800:" */
	got.attrs.priority = 6;
	got.attrs.handle = 0;
	got.u32.hashtable = 0;
	got.actions[0].index = 0;
	NLT_OK(nlhl_filter_add(NULL, &got));
	txt = nlt_tc_text("tc filter show dev fa parent 1: pref 6");
	NLT_HAS(txt, "match 0a010000/ffff0000 at 12");
	NLT_HAS(txt, "match 00000050/0000ffff at 20");
	free(txt);

	/* delete by priority */
	f.attrs.priority = 5;
	NLT_OK(nlhl_filter_del(NULL, &f));
	ck_assert(!lib_filter(ifi, H(1, 0), 5, "u32", &got));
	txt = nlt_tc_text("tc filter show dev fa parent 1:");
	ck_assert_ptr_null(strstr(txt, "pref 5"));
	NLT_HAS(txt, "pref 6");
	free(txt);
}
END_TEST

START_TEST(filter_u32_reverse_and_raw)
{
	int ifi = htb_setup("fb");
	struct nlhl_filter f = mkf(ifi, H(1, 0), 3, 0, NLHL_FILTER_U32), got;
	char *txt;

	NLT_SH_OK("tc filter add dev fb parent 1: protocol ip prio 2 u32 match ip dst 192.168.1.0/24 "
		  "match ip sport 53 0xffff classid 1:10 action mirred egress mirror dev fb-p");
	ck_assert(lib_filter(ifi, H(1, 0), 2, "u32", &got));
	ck_assert_int_eq(got.u32.dst.family, AF_INET);
	ck_assert_uint_eq(got.u32.dst.prefixlen, 24);
	ck_assert_uint_eq(got.u32.dst.addr[0], 192);
	ck_assert_uint_eq(got.u32.dst.addr[2], 1);
	ck_assert_uint_eq(got.u32.sport, 53);
	ck_assert_uint_eq(got.u32.classid, H(1, 0x10));
	ck_assert_uint_eq(got.n_actions, 1);
	ck_assert_int_eq(got.actions[0].mirred.op, NLHL_MIRRED_EGRESS_MIRROR);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_PIPE);

	/* raw keys in host order, protocol all (docs/design.md trap 9) */
	f.u32.n_keys = 2;
	f.u32.keys[0] = (struct nlhl_u32_key){ .val = 0x12345678, .mask = 0xffffffff, .off = 0 };
	f.u32.keys[1] = (struct nlhl_u32_key){ .val = 0x00000abc, .mask = 0x00000fff, .off = 24 };
	f.u32.classid = H(1, 0x10);
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fb parent 1: pref 3");
	NLT_HAS(txt, "filter protocol all u32");
	NLT_HAS(txt, "match 12345678/ffffffff at 0");
	NLT_HAS(txt, "match 00000abc/00000fff at 24");
	free(txt);
	ck_assert(lib_filter(ifi, H(1, 0), 3, "u32", &got));
	ck_assert_uint_eq(got.attrs.protocol, ETH_P_ALL);
	ck_assert_uint_eq(got.u32.n_keys, 2);
	ck_assert_uint_eq(got.u32.keys[0].val, 0x12345678);
	ck_assert_uint_eq(got.u32.keys[1].val, 0xabc);
	ck_assert_uint_eq(got.u32.keys[1].mask, 0xfff);
	ck_assert_int_eq(got.u32.keys[1].off, 24);

	/* replace keeps the handle, changes the classid */
	f.attrs.handle = got.attrs.handle;
	f.u32.classid = H(1, 0x20);
	NLT_OK(nlhl_filter_replace(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fb parent 1: pref 3");
	NLT_HAS(txt, "flowid 1:20");
	free(txt);

	/* del with priority 0 flushes every filter of the parent */
	f = mkf(ifi, H(1, 0), 0, 0, NLHL_FILTER_UNKNOWN);
	NLT_OK(nlhl_filter_del(NULL, &f));
	{
		struct nlhl_filter *list;
		size_t n;

		NLT_OK(nlhl_filter_list_by_index(NULL, ifi, H(1, 0), &list, &n));
		ck_assert_uint_eq(n, 0);
		nlhl_filter_list_free(list, n);
	}
	txt = nlt_tc_text("tc filter show dev fb parent 1:");
	ck_assert_str_eq(txt, "");
	free(txt);
}
END_TEST

START_TEST(filter_bad_input)
{
	int ifi = htb_setup("fc");
	struct nlhl_filter f = mkf(ifi, H(1, 0), 1, ETH_P_IP, NLHL_FILTER_UNKNOWN);

	snprintf(f.kind, sizeof(f.kind), "nosuchcls");
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("unknown filter kind \"nosuchcls\"");
	f.kind[0] = 0;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("neither type nor kind");
	f.type = NLHL_FILTER_U32;
	f.u32.n_keys = 2;
	f.u32.keys[0] = (struct nlhl_u32_key){ .val = 1, .mask = 0xff, .off = 0 };
	f.u32.keys[1] = (struct nlhl_u32_key){ .val = 2, .mask = 0xff, .off = 0 };
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("contradict");
	f.u32.n_keys = 1;
	f.u32.keys[0].off = 3;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("multiple of 4");
	f.u32.n_keys = 0;
	f.n_actions = 1;
	f.actions[0].type = NLHL_ACTION_MIRRED;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("mirred needs the target ifindex");
	f.actions[0].type = NLHL_ACTION_UNKNOWN;
	snprintf(f.actions[0].kind, sizeof(f.actions[0].kind), "pedit");
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("unsupported action kind \"pedit\"");
	f.n_actions = NLHL_TC_MAX_ACTIONS + 1;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	f.n_actions = 0;
	f.attrs.link_index = 0;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERR(nlhl_filter_add(NULL, NULL), -EINVAL);
	/* a parent that does not exist: the kernel's answer */
	f.attrs.link_index = ifi;
	f.attrs.parent = H(7, 0);
	ck_assert_int_lt(nlhl_filter_add(NULL, &f), 0);
	NLT_ERRMSG_HAS("filter add u32");
	{
		struct nlhl_filter *list;
		size_t n;

		NLT_ERR(nlhl_filter_list_by_index(NULL, 0, 0, &list, &n), -EINVAL);
	}
}
END_TEST

START_TEST(filter_matchall_gact)
{
	int ifi;
	struct nlhl_filter f, got;
	char *txt;

	NLT_REQUIRE_FILTER_KIND("matchall");
	NLT_REQUIRE_ACTION_KIND("gact");
	ifi = htb_setup("fd");
	f = mkf(ifi, H(1, 0), 1, 0, NLHL_FILTER_MATCHALL);
	f.matchall.classid = H(1, 0x10);
	f.matchall.skip_hw = true;
	f.n_actions = 2;
	f.actions[0].type = NLHL_ACTION_GACT;
	f.actions[0].verdict = NLHL_TC_VERDICT_PIPE;
	f.actions[1].type = NLHL_ACTION_GACT;
	f.actions[1].verdict = NLHL_TC_VERDICT_DROP;
	f.actions[1].index = 77;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc -d filter show dev fd parent 1:");
	NLT_HAS(txt, "matchall");
	NLT_HAS(txt, "flowid 1:10");
	NLT_HAS(txt, "skip_hw");
	NLT_HAS(txt, "gact action pipe");
	NLT_HAS(txt, "gact action drop");
	NLT_HAS(txt, "index 77");
	free(txt);
	ck_assert(lib_filter(ifi, H(1, 0), 1, "matchall", &got));
	ck_assert_int_eq(got.type, NLHL_FILTER_MATCHALL);
	ck_assert_uint_eq(got.matchall.classid, H(1, 0x10));
	ck_assert(got.matchall.skip_hw);
	ck_assert_uint_eq(got.n_actions, 2);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_PIPE);
	ck_assert_int_eq(got.actions[1].type, NLHL_ACTION_GACT);
	ck_assert_int_eq(got.actions[1].verdict, NLHL_TC_VERDICT_DROP);
	ck_assert_uint_eq(got.actions[1].index, 77);

	/* reverse, on clsact ingress */
	NLT_SH_OK("tc qdisc add dev fd clsact && tc filter add dev fd ingress prio 4 matchall action gact pass");
	ck_assert(lib_filter(ifi, NLHL_HANDLE_MIN_INGRESS, 4, "matchall", &got));
	ck_assert_uint_eq(got.attrs.protocol, ETH_P_ALL);
	ck_assert_uint_eq(got.n_actions, 1);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_PASS);
}
END_TEST

START_TEST(filter_flower_skbedit_vlan)
{
	int ifi;
	struct nlhl_filter f, got;
	char *txt;

	NLT_REQUIRE_FILTER_KIND("flower");
	NLT_REQUIRE_ACTION_KIND("skbedit");
	NLT_REQUIRE_ACTION_KIND("vlan");
	ifi = nlt_tc_veth("fe");
	NLT_SH_OK("tc qdisc add dev fe clsact");
	f = mkf(ifi, NLHL_HANDLE_MIN_EGRESS, 10, ETH_P_IP, NLHL_FILTER_FLOWER);
	f.flower.ip_proto = IPPROTO_TCP;
	NLT_OK(nlhl_parse_ipnet("10.0.0.0/8", &f.flower.dst));
	NLT_OK(nlhl_parse_ipnet("192.168.0.1/32", &f.flower.src));
	f.flower.dport = 80;
	f.flower.sport = 1234;
	f.n_actions = 2;
	f.actions[0].type = NLHL_ACTION_SKBEDIT;
	f.actions[0].skbedit.has_mark = true;
	f.actions[0].skbedit.mark = 42;
	f.actions[0].skbedit.has_priority = true;
	f.actions[0].skbedit.priority = H(1, 0x10);
	f.actions[1].type = NLHL_ACTION_VLAN;
	f.actions[1].vlan.op = NLHL_VLAN_PUSH;
	f.actions[1].vlan.id = 100;
	f.actions[1].vlan.prio = 3;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fe egress");
	NLT_HAS(txt, "eth_type ipv4");
	NLT_HAS(txt, "ip_proto tcp");
	NLT_HAS(txt, "dst_ip 10.0.0.0/8");
	NLT_HAS(txt, "src_ip 192.168.0.1");
	NLT_HAS(txt, "dst_port 80");
	NLT_HAS(txt, "src_port 1234");
	NLT_HAS(txt, "mark 42");
	NLT_HAS(txt, "priority 1:10");
	NLT_HAS(txt, "push id 100 protocol 802.1Q priority 3");
	free(txt);
	ck_assert(lib_filter(ifi, NLHL_HANDLE_MIN_EGRESS, 10, "flower", &got));
	ck_assert_uint_eq(got.flower.eth_type, ETH_P_IP);
	ck_assert_uint_eq(got.flower.ip_proto, IPPROTO_TCP);
	ck_assert_uint_eq(got.flower.dst.prefixlen, 8);
	ck_assert_uint_eq(got.flower.dst.addr[0], 10);
	ck_assert_uint_eq(got.flower.src.prefixlen, 32);
	ck_assert_uint_eq(got.flower.dport, 80);
	ck_assert_uint_eq(got.flower.sport, 1234);
	ck_assert_uint_eq(got.n_actions, 2);
	ck_assert(got.actions[0].skbedit.has_mark);
	ck_assert_uint_eq(got.actions[0].skbedit.mark, 42);
	ck_assert_uint_eq(got.actions[0].skbedit.priority, H(1, 0x10));
	ck_assert(!got.actions[0].skbedit.has_queue_mapping);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_PIPE);
	ck_assert_int_eq(got.actions[1].vlan.op, NLHL_VLAN_PUSH);
	ck_assert_uint_eq(got.actions[1].vlan.id, 100);
	ck_assert_uint_eq(got.actions[1].vlan.proto, ETH_P_8021Q);
	ck_assert_uint_eq(got.actions[1].vlan.prio, 3);

	/* reverse: a VLAN match and a UDP port, made by tc */
	NLT_SH_OK("tc filter add dev fe ingress prio 20 protocol 802.1q flower vlan_id 7 vlan_prio 2 "
		  "vlan_ethtype ipv4 ip_proto udp dst_port 4789 action vlan pop");
	ck_assert(lib_filter(ifi, NLHL_HANDLE_MIN_INGRESS, 20, "flower", &got));
	ck_assert_uint_eq(got.attrs.protocol, ETH_P_8021Q);
	ck_assert_uint_eq(got.flower.vlan_id, 7);
	ck_assert(got.flower.has_vlan_prio);
	ck_assert_uint_eq(got.flower.vlan_prio, 2);
	ck_assert_uint_eq(got.flower.vlan_eth_type, ETH_P_IP);
	ck_assert_uint_eq(got.flower.ip_proto, IPPROTO_UDP);
	ck_assert_uint_eq(got.flower.dport, 4789);
	ck_assert_int_eq(got.actions[0].vlan.op, NLHL_VLAN_POP);

	/* and through the library, compared with tc */
	f = mkf(ifi, NLHL_HANDLE_MIN_INGRESS, 21, ETH_P_8021Q, NLHL_FILTER_FLOWER);
	f.flower.vlan_id = 9;
	f.flower.vlan_eth_type = ETH_P_IPV6;
	f.flower.ip_proto = IPPROTO_UDP;
	f.flower.sport = 53;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fe ingress pref 21");
	NLT_HAS(txt, "vlan_id 9");
	NLT_HAS(txt, "vlan_ethtype ipv6");
	NLT_HAS(txt, "src_port 53");
	free(txt);

	/* bad: ports without a protocol, IP match without an IP eth type */
	f = mkf(ifi, NLHL_HANDLE_MIN_INGRESS, 22, ETH_P_IP, NLHL_FILTER_FLOWER);
	f.flower.dport = 1;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("ports need ip_proto");
	f = mkf(ifi, NLHL_HANDLE_MIN_INGRESS, 22, ETH_P_ARP, NLHL_FILTER_FLOWER);
	f.flower.ip_proto = IPPROTO_TCP;
	NLT_ERR(nlhl_filter_add(NULL, &f), -EINVAL);
	NLT_ERRMSG_HAS("IP matches need");
}
END_TEST

START_TEST(filter_fw_police)
{
	int ifi;
	struct nlhl_filter f, got;
	char *txt;

	NLT_REQUIRE_FILTER_KIND("fw");
	NLT_REQUIRE_ACTION_KIND("police");
	ifi = htb_setup("ff");
	f = mkf(ifi, H(1, 0), 1, ETH_P_IP, NLHL_FILTER_FW);
	f.attrs.handle = 5;  /* the fwmark */
	f.fw.classid = H(1, 0x10);
	f.fw.mask = 0xff;
	f.n_actions = 1;
	f.actions[0].type = NLHL_ACTION_POLICE;
	f.actions[0].police.rate = 125000;
	f.actions[0].police.burst = 10240;
	f.actions[0].police.mtu = 2048;
	f.actions[0].police.exceed = NLHL_TC_VERDICT_DROP;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev ff parent 1:");
	NLT_HAS(txt, "fw");
	NLT_HAS(txt, "handle 0x5/0xff");
	NLT_HAS(txt, "classid 1:10");
	NLT_HAS(txt, "rate 1Mbit burst 10Kb mtu 2Kb action drop");
	free(txt);
	ck_assert(lib_filter(ifi, H(1, 0), 1, "fw", &got));
	ck_assert_uint_eq(got.attrs.handle, 5);
	ck_assert_uint_eq(got.fw.classid, H(1, 0x10));
	ck_assert_uint_eq(got.fw.mask, 0xff);
	ck_assert_int_eq(got.actions[0].type, NLHL_ACTION_POLICE);
	ck_assert_uint_eq(got.actions[0].police.rate, 125000);
	ck_assert_uint_le(10240 - got.actions[0].police.burst, 1);
	ck_assert_uint_eq(got.actions[0].police.mtu, 2048);
	ck_assert_int_eq(got.actions[0].police.exceed, NLHL_TC_VERDICT_DROP);

	/* reverse */
	NLT_SH_OK("tc filter add dev ff parent 1: protocol ip prio 2 handle 9 fw classid 1:10 "
		  "action police rate 2mbit burst 20k conform-exceed drop/pipe");
	ck_assert(lib_filter(ifi, H(1, 0), 2, "fw", &got));
	ck_assert_uint_eq(got.attrs.handle, 9);
	ck_assert_uint_eq(got.fw.mask, 0);
	ck_assert_uint_eq(got.actions[0].police.rate, 250000);
	ck_assert_int_eq(got.actions[0].police.exceed, NLHL_TC_VERDICT_DROP);
	ck_assert_int_eq(got.actions[0].police.conform, NLHL_TC_VERDICT_PIPE);
}
END_TEST

START_TEST(filter_basic_nat)
{
	int ifi;
	struct nlhl_filter f, got;
	char *txt;

	NLT_REQUIRE_FILTER_KIND("basic");
	NLT_REQUIRE_ACTION_KIND("nat");
	ifi = htb_setup("fg");
	f = mkf(ifi, H(1, 0), 1, ETH_P_IP, NLHL_FILTER_BASIC);
	f.basic.classid = H(1, 0x10);
	f.n_actions = 1;
	f.actions[0].type = NLHL_ACTION_NAT;
	NLT_OK(nlhl_parse_ipnet("10.0.0.0/24", &f.actions[0].nat.old_addr));
	NLT_OK(nlhl_parse_ip("192.168.0.1", &f.actions[0].nat.new_addr));
	f.actions[0].nat.egress = true;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fg parent 1:");
	NLT_HAS(txt, "basic");
	NLT_HAS(txt, "flowid 1:10");
	NLT_HAS(txt, "nat egress 10.0.0.0/");
	NLT_HAS(txt, "192.168.0.1 pass");
	free(txt);
	/* tc 6.1 prints the prefix length of the (network order) mask wrongly
	 * on little-endian hosts, so compare with the same action made by tc */
	NLT_SH_OK("tc filter add dev fg parent 1: protocol ip prio 3 basic classid 1:10 "
		  "action nat egress 10.0.0.0/24 192.168.0.1");
	{
		char *a = nlt_tc_text("tc filter show dev fg parent 1: pref 1 | grep 'nat egress'");
		char *b = nlt_tc_text("tc filter show dev fg parent 1: pref 3 | grep 'nat egress'");

		ck_assert_str_eq(a, b);
		free(a);
		free(b);
	}
	ck_assert(lib_filter(ifi, H(1, 0), 1, "basic", &got));
	ck_assert_uint_eq(got.basic.classid, H(1, 0x10));
	ck_assert_int_eq(got.actions[0].type, NLHL_ACTION_NAT);
	ck_assert(got.actions[0].nat.egress);
	ck_assert_uint_eq(got.actions[0].nat.old_addr.prefixlen, 24);
	ck_assert_uint_eq(got.actions[0].nat.new_addr.addr[0], 192);
	ck_assert_int_eq(got.actions[0].verdict, NLHL_TC_VERDICT_PASS);

	NLT_SH_OK("tc filter add dev fg parent 1: protocol ip prio 2 basic classid 1:10 "
		  "action nat ingress 172.16.1.1 10.1.1.1");
	ck_assert(lib_filter(ifi, H(1, 0), 2, "basic", &got));
	ck_assert(!got.actions[0].nat.egress);
	ck_assert_uint_eq(got.actions[0].nat.old_addr.prefixlen, 32);
	ck_assert_uint_eq(got.actions[0].nat.old_addr.addr[0], 172);
	ck_assert_uint_eq(got.actions[0].nat.new_addr.addr[3], 1);
}
END_TEST

/* A loaded SCHED_CLS program "r0 = 0; exit". */
static int load_prog(void)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SCHED_CLS;
	attr.insns = (uint64_t)(uintptr_t)insns;
	attr.insn_cnt = 2;
	attr.license = (uint64_t)(uintptr_t)"GPL";
	return (int)syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
}

START_TEST(filter_bpf)
{
	int ifi, fd;
	struct nlhl_filter f, got;
	char dir[64], path[96], *txt;
	union bpf_attr attr;

	NLT_REQUIRE_FILTER_KIND("bpf");
	ifi = nlt_tc_veth("fh");
	NLT_SH_OK("tc qdisc add dev fh clsact");
	fd = load_prog();
	ck_assert_msg(fd >= 0, "BPF_PROG_LOAD: %m");
	f = mkf(ifi, NLHL_HANDLE_MIN_INGRESS, 1, 0, NLHL_FILTER_BPF);
	f.bpf.fd = fd;
	snprintf(f.bpf.name, sizeof(f.bpf.name), "nlt_prog");
	f.bpf.direct_action = true;
	NLT_OK(nlhl_filter_add(NULL, &f));
	txt = nlt_tc_text("tc filter show dev fh ingress");
	NLT_HAS(txt, "bpf");
	NLT_HAS(txt, "nlt_prog");
	NLT_HAS(txt, "direct-action");
	free(txt);
	ck_assert(lib_filter(ifi, NLHL_HANDLE_MIN_INGRESS, 1, "bpf", &got));
	ck_assert_str_eq(got.bpf.name, "nlt_prog");
	ck_assert(got.bpf.direct_action);
	ck_assert_uint_ne(got.bpf.id, 0);
	ck_assert_ptr_null(got.bpf.pinned_path);

	/* a pinned program, on egress */
	snprintf(dir, sizeof(dir), "/tmp/nlt-bpffs-%d", (int)getpid());
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	ck_assert_msg(mount("bpf", dir, "bpf", 0, NULL) == 0, "mount bpffs: %m");
	snprintf(path, sizeof(path), "%s/prog", dir);
	memset(&attr, 0, sizeof(attr));
	attr.pathname = (uint64_t)(uintptr_t)path;
	attr.bpf_fd = (uint32_t)fd;
	ck_assert_int_eq(syscall(__NR_bpf, BPF_OBJ_PIN, &attr, sizeof(attr)), 0);
	f = mkf(ifi, NLHL_HANDLE_MIN_EGRESS, 2, ETH_P_ALL, NLHL_FILTER_BPF);
	f.bpf.pinned_path = path;
	f.bpf.classid = H(1, 1);
	NLT_OK(nlhl_filter_add(NULL, &f));
	ck_assert(lib_filter(ifi, NLHL_HANDLE_MIN_EGRESS, 2, "bpf", &got));
	ck_assert_str_eq(got.bpf.name, "nlhl");
	ck_assert_uint_eq(got.bpf.classid, H(1, 1));
	ck_assert(!got.bpf.direct_action);
	f.bpf.pinned_path = "/tmp/no/such/pin";
	NLT_ERR(nlhl_filter_add(NULL, &f), -ENOENT);
	NLT_ERRMSG_HAS("pinned bpf program /tmp/no/such/pin");
	umount(dir);
	rmdir(dir);
	close(fd);
}
END_TEST

/* Parsers never trust a length: a u32 selector claiming more keys than it
 * carries, and every truncation of a real filter message. */
START_TEST(filter_parse_untrusted)
{
	struct nlhl_filter f = mkf(1, H(1, 0), 1, ETH_P_IP, NLHL_FILTER_U32), got;
	struct nl_msg *msg;
	struct nlmsghdr *nlh;
	size_t len;
	uint8_t *buf;

	f.u32.n_keys = 3;
	for (int i = 0; i < 3; i++)
		f.u32.keys[i] = (struct nlhl_u32_key){ .val = (uint32_t)i, .mask = 0xff, .off = 4 * i + 100 };
	f.n_actions = 1;
	f.actions[0].type = NLHL_ACTION_GACT;
	NLT_OK(nlhl__filter_build(&f, RTM_NEWTFILTER, 0, "t", &msg));
	nlh = nlmsg_hdr(msg);
	len = nlh->nlmsg_len;
	buf = malloc(len);
	memcpy(buf, nlh, len);
	nlmsg_free(msg);
	NLT_OK(nlhl__filter_parse((struct nlmsghdr *)buf, &got));
	ck_assert_uint_eq(got.u32.n_keys, 3);
	ck_assert_uint_eq(got.n_actions, 1);
	/* claim 200 keys: the parser reads only the 3 present */
	for (size_t off = NLMSG_LENGTH(sizeof(struct tcmsg)); off + 4 < len; off += 4) {
		struct nlattr *a = (struct nlattr *)(buf + off);

		if (a->nla_type == TCA_U32_SEL && a->nla_len == 4 + sizeof(struct tc_u32_sel) + 3 * 16) {
			((struct tc_u32_sel *)(a + 1))->nkeys = 200;
			break;
		}
	}
	NLT_OK(nlhl__filter_parse((struct nlmsghdr *)buf, &got));
	ck_assert_uint_eq(got.u32.n_keys, 3);
	for (size_t l = sizeof(struct nlmsghdr); l < len; l++) {
		uint8_t *copy = malloc(l);
		int r;

		memcpy(copy, buf, l);
		((struct nlmsghdr *)copy)->nlmsg_len = (uint32_t)l;
		r = nlhl__filter_parse((struct nlmsghdr *)copy, &got);
		ck_assert(r == 0 || r == -EBADMSG);
		free(copy);
	}
	free(buf);
}
END_TEST

NLT_SUITE(tc_filter_suite)
static Suite *tc_filter_suite(void)
{
	Suite *s = suite_create("tc-filter");
	TCase *tc = nlt_tcase(s, "filter");

	tcase_add_test(tc, filter_u32);
	tcase_add_test(tc, filter_u32_reverse_and_raw);
	tcase_add_test(tc, filter_bad_input);
	tcase_add_test(tc, filter_matchall_gact);
	tcase_add_test(tc, filter_flower_skbedit_vlan);
	tcase_add_test(tc, filter_fw_police);
	tcase_add_test(tc, filter_basic_nat);
	tcase_add_test(tc, filter_bpf);
	tcase_add_test(tc, filter_parse_untrusted);
	return s;
}
