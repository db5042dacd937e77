/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Classes: htb (host) and hfsc (full kernel), through the library and tc. */
#include "harness-tc.h"

#include <stdlib.h>
#include <string.h>

#define H(maj, min) nlhl_make_handle((maj), (min))

static bool lib_class(int ifindex, uint32_t parent, uint32_t handle, struct nlhl_class *ret)
{
	struct nlhl_class *list = NULL;
	size_t n = 0;
	bool found = false;

	NLT_OK(nlhl_class_list_by_index(NULL, ifindex, parent, &list, &n));
	for (size_t i = 0; i < n; i++)
		if (list[i].attrs.handle == handle) {
			*ret = list[i];
			found = true;
		}
	nlhl_class_list_free(list, n);
	return found;
}

static void add_root(int ifi, enum nlhl_qdisc_type type)
{
	struct nlhl_qdisc q;

	memset(&q, 0, sizeof(q));
	q.attrs.link_index = ifi;
	q.attrs.handle = H(1, 0);
	q.type = type;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
}

static struct nlhl_class mkc(int ifi, uint32_t parent, uint32_t handle, enum nlhl_class_type t)
{
	struct nlhl_class c;

	memset(&c, 0, sizeof(c));
	c.attrs.link_index = ifi;
	c.attrs.parent = parent;
	c.attrs.handle = handle;
	c.type = t;
	return c;
}

START_TEST(class_htb)
{
	int ifi = nlt_tc_veth("ca");
	struct nlhl_class c, got;
	char *txt;

	add_root(ifi, NLHL_QDISC_HTB);
	c = mkc(ifi, H(1, 0), H(1, 1), NLHL_CLASS_HTB);
	c.htb.rate = 1250000;   /* 10mbit */
	c.htb.ceil = 2500000;   /* 20mbit */
	c.htb.burst = 15360;
	c.htb.prio = 2;
	c.htb.quantum = 1500;
	NLT_OK(nlhl_class_add(NULL, &c));
	/* tc 6.1 prints htb classes only as text, even with -j */
	txt = nlt_tc_text("tc -d class show dev ca");
	NLT_HAS(txt, "class htb 1:1 root prio 2 quantum 1500 rate 10Mbit ceil 20Mbit");
	NLT_HAS(txt, "burst 15Kb/1");
	NLT_HAS(txt, "cburst 1600b/1");  /* tc's default: ceil/HZ + 1600 */
	free(txt);
	ck_assert(lib_class(ifi, 0, H(1, 1), &got));
	ck_assert_int_eq(got.type, NLHL_CLASS_HTB);
	ck_assert_str_eq(got.kind, "htb");
	ck_assert_uint_eq(got.attrs.parent, NLHL_HANDLE_ROOT);
	ck_assert_uint_eq(got.htb.rate, 1250000);
	ck_assert_uint_eq(got.htb.ceil, 2500000);
	ck_assert_uint_eq(got.htb.burst, 15360);
	ck_assert_uint_eq(got.htb.cburst, 1600);
	ck_assert_uint_eq(got.htb.prio, 2);
	ck_assert_uint_eq(got.htb.quantum, 1500);
	NLT_ERR(nlhl_class_add(NULL, &c), -EEXIST);

	/* a child class, a 64-bit rate, and change */
	c = mkc(ifi, H(1, 1), H(1, 0x10), NLHL_CLASS_HTB);
	c.htb.rate = 625000;   /* 5mbit, ceil = rate */
	NLT_OK(nlhl_class_add(NULL, &c));
	ck_assert(lib_class(ifi, H(1, 1), H(1, 0x10), &got));
	ck_assert_uint_eq(got.attrs.parent, H(1, 1));
	ck_assert_uint_eq(got.htb.ceil, 625000);
	ck_assert(!lib_class(ifi, H(1, 0x10), H(1, 1), &got));  /* parent filter */
	c.htb.rate = 10000000000ULL;  /* 80gbit */
	NLT_OK(nlhl_class_change(NULL, &c));
	txt = nlt_tc_text("tc class show dev ca classid 1:10");
	NLT_HAS(txt, "rate 80Gbit ceil 80Gbit");
	free(txt);
	ck_assert(lib_class(ifi, 0, H(1, 0x10), &got));
	ck_assert_uint_eq(got.htb.rate, 10000000000ULL);
	c.htb.rate = 125000;
	NLT_OK(nlhl_class_replace(NULL, &c));
	ck_assert(lib_class(ifi, 0, H(1, 0x10), &got));
	ck_assert_uint_eq(got.htb.rate, 125000);

	/* a qdisc under the class, through the library; it shows in
	 * attrs.leaf */
	{
		struct nlhl_qdisc q;

		memset(&q, 0, sizeof(q));
		q.attrs.link_index = ifi;
		q.attrs.parent = H(1, 0x10);
		q.attrs.handle = H(0x20, 0);
		q.type = NLHL_QDISC_PFIFO;
		q.fifo.limit = 5;
		NLT_OK(nlhl_qdisc_add(NULL, &q));
		txt = nlt_tc_text("tc qdisc show dev ca");
		NLT_HAS(txt, "qdisc pfifo 20: parent 1:10 limit 5p");
		free(txt);
	}
	ck_assert(lib_class(ifi, 0, H(1, 0x10), &got));
	ck_assert_uint_eq(got.attrs.leaf, H(0x20, 0));

	NLT_OK(nlhl_class_del(NULL, &c));
	ck_assert(!lib_class(ifi, 0, H(1, 0x10), &got));
	txt = nlt_tc_text("tc class show dev ca");
	ck_assert_ptr_null(strstr(txt, "1:10"));
	free(txt);
}
END_TEST

START_TEST(class_htb_reverse)
{
	int ifi = nlt_tc_veth("cb");
	struct nlhl_class got;

	NLT_SH_OK("tc qdisc add dev cb root handle 2: htb default 20");
	NLT_SH_OK("tc class add dev cb parent 2: classid 2:20 htb rate 3mbit ceil 6mbit burst 20k cburst 30k prio 5");
	ck_assert(lib_class(ifi, H(2, 0), H(2, 0x20), &got));
	ck_assert_int_eq(got.type, NLHL_CLASS_HTB);
	ck_assert_uint_eq(got.htb.rate, 375000);
	ck_assert_uint_eq(got.htb.ceil, 750000);
	/* tick arithmetic truncates like tc's (which shows "20Kb" for it) */
	ck_assert_uint_le(20480 - got.htb.burst, 1);
	ck_assert_uint_le(30720 - got.htb.cburst, 1);
	ck_assert_uint_eq(got.htb.prio, 5);
	ck_assert_uint_eq(got.htb.quantum, 375000 / 10);  /* rate / r2q */
}
END_TEST

START_TEST(class_bad_input)
{
	int ifi = nlt_tc_veth("cc");
	struct nlhl_qdisc q;
	struct nlhl_class c;

	memset(&q, 0, sizeof(q));
	q.attrs.link_index = ifi;
	q.attrs.handle = H(1, 0);
	q.type = NLHL_QDISC_PFIFO;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	c = mkc(ifi, H(1, 0), H(1, 0x10), NLHL_CLASS_HTB);
	c.htb.rate = 1000;
	/* a class under a classless qdisc */
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("class add 1:10");
	NLT_ERRMSG_HAS("qdisc 1:0 is pfifo, which is not classful");

	NLT_SH_OK("tc qdisc del dev cc root && tc qdisc add dev cc root handle 1: htb");
	c.htb.rate = 0;
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("needs a rate");
	c.htb.rate = 1000;
	c.htb.ceil = 10;
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("below rate");
	c.htb.ceil = 0;
	c.attrs.handle = H(1, 0);
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("class id 1:0");
	c.attrs.handle = H(2, 5);
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("not of the class's qdisc");
	c.attrs.handle = H(1, 5);
	c.type = NLHL_CLASS_UNKNOWN;
	snprintf(c.kind, sizeof(c.kind), "bogus");
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("unknown class kind \"bogus\"");
	c.kind[0] = 0;
	c.type = NLHL_CLASS_HTB;
	c.attrs.link_index = 0;
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERR(nlhl_class_add(NULL, NULL), -EINVAL);
	c.attrs.link_index = ifi;
	NLT_ERR(nlhl_class_del(NULL, &c), -ENOENT);
}
END_TEST

START_TEST(class_hfsc)
{
	int ifi;
	struct nlhl_qdisc q;
	struct nlhl_class c, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("hfsc");
	ifi = nlt_tc_veth("cd");
	memset(&q, 0, sizeof(q));
	q.attrs.link_index = ifi;
	q.attrs.handle = H(1, 0);
	q.type = NLHL_QDISC_HFSC;
	q.hfsc.defcls = 0x11;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	txt = nlt_tc_text("tc qdisc show dev cd");
	NLT_HAS(txt, "qdisc hfsc 1: root");
	NLT_HAS(txt, "default 11");
	free(txt);

	c = mkc(ifi, H(1, 0), H(1, 1), NLHL_CLASS_HFSC);
	c.hfsc.rsc = (struct nlhl_hfsc_curve){ .m1 = 250000, .d_us = 10000, .m2 = 125000 };
	c.hfsc.fsc = (struct nlhl_hfsc_curve){ .m2 = 250000 };
	c.hfsc.usc = (struct nlhl_hfsc_curve){ .m2 = 500000 };
	NLT_OK(nlhl_class_add(NULL, &c));
	txt = nlt_tc_text("tc class show dev cd classid 1:1");
	NLT_HAS(txt, "rt m1 2Mbit d 10ms m2 1Mbit");
	NLT_HAS(txt, "ls m1 0bit d 0us m2 2Mbit");
	NLT_HAS(txt, "ul m1 0bit d 0us m2 4Mbit");
	free(txt);
	ck_assert(lib_class(ifi, 0, H(1, 1), &got));
	ck_assert_int_eq(got.type, NLHL_CLASS_HFSC);
	ck_assert_uint_eq(got.hfsc.rsc.m1, 250000);
	ck_assert_uint_eq(got.hfsc.rsc.d_us, 10000);
	ck_assert_uint_eq(got.hfsc.rsc.m2, 125000);
	ck_assert_uint_eq(got.hfsc.fsc.m2, 250000);
	ck_assert_uint_eq(got.hfsc.usc.m2, 500000);

	/* reverse */
	NLT_SH_OK("tc class add dev cd parent 1: classid 1:2 hfsc sc rate 3mbit ul rate 6mbit");
	ck_assert(lib_class(ifi, 0, H(1, 2), &got));
	ck_assert_uint_eq(got.hfsc.rsc.m2, 375000);
	ck_assert_uint_eq(got.hfsc.fsc.m2, 375000);
	ck_assert_uint_eq(got.hfsc.usc.m2, 750000);

	memset(&c.hfsc, 0, sizeof(c.hfsc));
	c.attrs.handle = H(1, 3);
	NLT_ERR(nlhl_class_add(NULL, &c), -EINVAL);
	NLT_ERRMSG_HAS("needs a service curve");
}
END_TEST

/* Class statistics against tc -s (packets sent through the default class). */
START_TEST(class_stats)
{
	int ifi = nlt_tc_veth("ce");
	struct nlhl_class a, b;
	unsigned long long pkts = 0, bytes = 0;
	char *txt, *p;

	NLT_SH_OK("sysctl -qw net.ipv6.conf.ce.disable_ipv6=1");
	NLT_SH_OK("tc qdisc add dev ce root handle 1: htb default 10 && "
		  "tc class add dev ce parent 1: classid 1:10 htb rate 100mbit quantum 1514");
	NLT_SH_OK("ip addr add 192.0.2.1/24 dev ce && ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev ce");
	nlt_sh("ping -c 4 -i 0.01 -W 1 192.0.2.2 >/dev/null 2>&1");
	ck_assert(lib_class(ifi, 0, H(1, 0x10), &a));
	txt = nlt_tc_text("tc -s class show dev ce classid 1:10");
	ck_assert(lib_class(ifi, 0, H(1, 0x10), &b));
	p = strstr(txt, "Sent ");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(sscanf(p, "Sent %llu bytes %llu pkt", &bytes, &pkts), 2);
	free(txt);
	ck_assert_uint_ge(a.stats.packets, 4);
	ck_assert_uint_le(a.stats.packets, pkts);
	ck_assert_uint_ge(b.stats.packets, pkts);
	ck_assert_uint_le(a.stats.bytes, bytes);
	ck_assert_uint_ge(b.stats.bytes, bytes);
}
END_TEST

NLT_SUITE(tc_class_suite)
static Suite *tc_class_suite(void)
{
	Suite *s = suite_create("tc-class");
	TCase *tc = nlt_tcase(s, "class");

	tcase_add_test(tc, class_htb);
	tcase_add_test(tc, class_htb_reverse);
	tcase_add_test(tc, class_bad_input);
	tcase_add_test(tc, class_hfsc);
	tcase_add_test(tc, class_stats);
	return s;
}
