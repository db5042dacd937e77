/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Qdiscs: every kind made through the library and checked through tc (the
 * oracle), and made by tc and read through the library.  Kinds the host
 * kernel lacks skip here and run in make check-vm.
 */
#include "harness-tc.h"
#include "../lib/internal-tc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The qdisc with that handle on the link, through nlhl_qdisc_list_by_index;
 * false if there is none. */
static bool lib_qdisc(int ifindex, uint32_t handle, struct nlhl_qdisc *ret)
{
	struct nlhl_qdisc *list = NULL;
	size_t n = 0;
	bool found = false;

	NLT_OK(nlhl_qdisc_list_by_index(NULL, ifindex, &list, &n));
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(list[i].attrs.link_index, ifindex);
		if (list[i].attrs.handle == handle) {
			*ret = list[i];
			found = true;
		}
	}
	nlhl_qdisc_list_free(list, n);
	return found;
}

static struct nlhl_qdisc mkq(int ifindex, enum nlhl_qdisc_type type, uint32_t handle)
{
	struct nlhl_qdisc q;

	memset(&q, 0, sizeof(q));
	q.attrs.link_index = ifindex;
	q.attrs.handle = handle;
	q.attrs.parent = NLHL_HANDLE_ROOT;
	q.type = type;
	return q;
}

#define H(maj, min) nlhl_make_handle((maj), (min))

START_TEST(qdisc_fifo)
{
	int ifi = nlt_tc_veth("qa");
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_PFIFO, H(1, 0)), got;
	json_object *all, *o;

	q.fifo.limit = 100;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qa", "1:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "pfifo");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "limit", -1), 100);
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_PFIFO);
	ck_assert_str_eq(got.kind, "pfifo");
	ck_assert_uint_eq(got.fifo.limit, 100);
	ck_assert_uint_eq(got.attrs.parent, NLHL_HANDLE_ROOT);

	/* add again: EEXIST; change: new limit */
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EEXIST);
	q.fifo.limit = 200;
	NLT_OK(nlhl_qdisc_change(NULL, &q));
	o = nlt_tc_qdisc("qa", "1:", &all);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "limit", -1), 200);
	json_object_put(all);
	q.fifo.limit = 300;
	NLT_OK(nlhl_qdisc_replace(NULL, &q));
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.fifo.limit, 300);

	/* bfifo in its place (a new kind needs a delete first) */
	NLT_OK(nlhl_qdisc_del(NULL, &q));
	ck_assert(!lib_qdisc(ifi, H(1, 0), &got));
	q = mkq(ifi, NLHL_QDISC_BFIFO, H(2, 0));
	q.fifo.limit = 30000;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qa", "2:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "bfifo");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "limit", -1), 30000);
	json_object_put(all);

	/* a kernel-chosen handle reads back */
	NLT_OK(nlhl_qdisc_del(NULL, &q));
	q = mkq(ifi, NLHL_QDISC_PFIFO, 0);
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	{
		struct nlhl_qdisc *list;
		size_t n;

		NLT_OK(nlhl_qdisc_list_by_index(NULL, ifi, &list, &n));
		ck_assert_uint_eq(n, 1);
		ck_assert_uint_ne(list[0].attrs.handle, 0);
		ck_assert_uint_eq(list[0].attrs.handle & 0xffff, 0);
		nlhl_qdisc_list_free(list, n);
	}
}
END_TEST

/* Made by tc, read by the library. */
START_TEST(qdisc_reverse)
{
	int ifi = nlt_tc_veth("qb");
	int ifp = nlt_tc_ifindex("qb-p");
	struct nlhl_qdisc got;

	NLT_SH_OK("tc qdisc add dev qb root handle 5: tbf rate 1mbit burst 10k limit 20000");
	NLT_SH_OK("tc qdisc add dev qb ingress");
	NLT_SH_OK("tc qdisc add dev qb-p root handle 7: pfifo_fast");
	ck_assert(lib_qdisc(ifi, H(5, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_TBF);
	ck_assert_uint_eq(got.tbf.rate, 125000);
	ck_assert_uint_eq(got.tbf.burst, 10240);
	ck_assert_uint_eq(got.tbf.limit, 20000);
	ck_assert(lib_qdisc(ifi, H(0xffff, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_INGRESS);
	ck_assert_uint_eq(got.attrs.parent, NLHL_HANDLE_INGRESS);
	ck_assert(lib_qdisc(ifp, H(7, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_PFIFO_FAST);
	ck_assert_uint_eq(got.prio.bands, 3);
	ck_assert_uint_eq(got.prio.priomap[0], 1);
	ck_assert_uint_eq(got.prio.priomap[6], 0);
	/* all links at once */
	{
		struct nlhl_qdisc *list;
		size_t n, seen = 0;

		NLT_OK(nlhl_qdisc_list_by_index(NULL, 0, &list, &n));
		for (size_t i = 0; i < n; i++)
			if (list[i].attrs.link_index == ifi || list[i].attrs.link_index == ifp)
				seen++;
		ck_assert_uint_ge(seen, 3);
		nlhl_qdisc_list_free(list, n);
	}
}
END_TEST

START_TEST(qdisc_tbf)
{
	int ifi = nlt_tc_veth("qc");
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_TBF, H(1, 0)), got;
	json_object *all, *o;

	q.tbf.rate = 125000;       /* 1mbit */
	q.tbf.burst = 10240;
	q.tbf.limit = 20000;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qc", "1:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "tbf");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "rate", -1), 125000);
	ck_assert_str_eq(nlt_jstr(nlt_jpath(o, "options", NULL), "burst"), "10Kb/1");
	/* tc shows the limit as latency: (20000 - 10240) / 125000 s */
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "lat", -1), 78080);
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.tbf.rate, 125000);
	ck_assert_uint_eq(got.tbf.burst, 10240);
	ck_assert_uint_eq(got.tbf.limit, 20000);

	/* latency instead of limit, a 64-bit rate and a peak rate */
	q.tbf.limit = 0;
	q.tbf.latency_us = 50000;
	q.tbf.rate = 5000000000ULL;  /* 40gbit */
	q.tbf.burst = 1000000;
	q.tbf.peakrate = 6000000000ULL;
	q.tbf.mtu = 2048;
	NLT_OK(nlhl_qdisc_replace(NULL, &q));
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.tbf.rate, 5000000000ULL);
	ck_assert_uint_eq(got.tbf.peakrate, 6000000000ULL);
	/* tc's limit: min(rate*lat + burst, peak*lat + mtu) */
	ck_assert_uint_eq(got.tbf.limit, (uint32_t)(6000000000.0 * 0.05 + 2048) < (uint32_t)(5000000000.0 * 0.05 + 1000000)
			  ? (uint32_t)(6000000000.0 * 0.05 + 2048) : (uint32_t)(5000000000.0 * 0.05 + 1000000));
	{
		char *txt = nlt_tc_text("tc qdisc show dev qc");

		NLT_HAS(txt, "rate 40Gbit");
		NLT_HAS(txt, "peakrate 48Gbit");
		free(txt);
	}

	/* bad input: no rate, no burst, no limit/latency, peak without mtu */
	q = mkq(ifi, NLHL_QDISC_TBF, H(1, 0));
	q.tbf.burst = 1000;
	q.tbf.limit = 1000;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("tbf needs a rate");
	q.tbf.rate = 1000;
	q.tbf.limit = 0;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("limit or a latency");
}
END_TEST

START_TEST(qdisc_htb)
{
	int ifi = nlt_tc_veth("qd");
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_HTB, H(1, 0)), got;
	json_object *all, *o;

	q.htb.defcls = 0x10;
	q.htb.r2q = 5;
	q.htb.direct_qlen = 77;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qd", "1:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "htb");
	ck_assert_str_eq(nlt_jstr(nlt_jpath(o, "options", NULL), "default"), "0x10");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "r2q", -1), 5);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "options", NULL), "direct_qlen", -1), 77);
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.htb.defcls, 0x10);
	ck_assert_uint_eq(got.htb.r2q, 5);
	ck_assert_uint_eq(got.htb.direct_qlen, 77);
	ck_assert_uint_eq(got.htb.version, 0x30011);

	/* reverse */
	NLT_SH_OK("tc qdisc del dev qd root && tc qdisc add dev qd root handle 3: htb default 22");
	ck_assert(lib_qdisc(ifi, H(3, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_HTB);
	ck_assert_uint_eq(got.htb.defcls, 0x22);
	ck_assert_uint_eq(got.htb.r2q, 10);
}
END_TEST

START_TEST(qdisc_ingress_clsact)
{
	int ifi = nlt_tc_veth("qe");
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_INGRESS, 0), got;
	json_object *all, *o;

	NLT_OK(nlhl_qdisc_add(NULL, &q));  /* parent root is taken as ingress */
	o = nlt_tc_qdisc("qe", "ffff:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "ingress");
	ck_assert_str_eq(nlt_jstr(o, "parent"), "ffff:fff1");
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(0xffff, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_INGRESS);
	NLT_OK(nlhl_qdisc_del(NULL, &q));
	ck_assert(!lib_qdisc(ifi, H(0xffff, 0), &got));

	q.type = NLHL_QDISC_CLSACT;
	q.attrs.parent = NLHL_HANDLE_CLSACT;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qe", "ffff:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "clsact");
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(0xffff, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_CLSACT);
	ck_assert_str_eq(got.kind, "clsact");

	q.attrs.parent = H(1, 0);
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("sits at parent ingress");
}
END_TEST

START_TEST(qdisc_mq)
{
	int ifi;
	struct nlhl_qdisc q, got;
	json_object *all, *o;

	NLT_SH_OK("ip link add qf numtxqueues 4 numrxqueues 4 type veth peer name qf-p "
		  "numtxqueues 4 numrxqueues 4");
	ifi = nlt_tc_ifindex("qf");
	q = mkq(ifi, NLHL_QDISC_MQ, H(1, 0));
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	o = nlt_tc_qdisc("qf", "1:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "mq");
	json_object_put(all);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_MQ);
	/* the per-queue children sit under 1:1 .. 1:4 */
	{
		struct nlhl_qdisc *list;
		size_t n, kids = 0;

		NLT_OK(nlhl_qdisc_list_by_index(NULL, ifi, &list, &n));
		for (size_t i = 0; i < n; i++)
			if ((list[i].attrs.parent >> 16) == 1)
				kids++;
		ck_assert_uint_eq(kids, 4);
		nlhl_qdisc_list_free(list, n);
	}
}
END_TEST

/* The Go-shaped lists on a struct nlhl_link (by index or by name). */
START_TEST(qdisc_list_by_link)
{
	int ifi = nlt_tc_veth("qi");
	struct nlhl_link link;
	struct nlhl_qdisc *ql;
	struct nlhl_class *cl;
	struct nlhl_filter *fl;
	size_t n;

	NLT_SH_OK("tc qdisc add dev qi root handle 1: htb && "
		  "tc class add dev qi parent 1: classid 1:5 htb rate 1mbit && "
		  "tc filter add dev qi parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.1 classid 1:5");
	memset(&link, 0, sizeof(link));
	snprintf(link.attrs.name, sizeof(link.attrs.name), "qi");
	NLT_OK(nlhl_qdisc_list(NULL, &link, &ql, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(ql[0].attrs.link_index, ifi);
	ck_assert_int_eq(ql[0].type, NLHL_QDISC_HTB);
	nlhl_qdisc_list_free(ql, n);
	link.attrs.name[0] = 0;
	link.attrs.index = ifi;
	NLT_OK(nlhl_class_list(NULL, &link, 0, &cl, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(cl[0].attrs.handle, H(1, 5));
	nlhl_class_list_free(cl, n);
	NLT_OK(nlhl_filter_list(NULL, &link, H(1, 0), &fl, &n));
	ck_assert_uint_ge(n, 2);
	nlhl_filter_list_free(fl, n);
	NLT_OK(nlhl_qdisc_list(NULL, NULL, &ql, &n));
	ck_assert_uint_ge(n, 1);  /* qi's htb at least */
	nlhl_qdisc_list_free(ql, n);
	snprintf(link.attrs.name, sizeof(link.attrs.name), "nosuchdev");
	link.attrs.index = 0;
	NLT_ERR(nlhl_qdisc_list(NULL, &link, &ql, &n), -ENODEV);
	NLT_ERR(nlhl_class_list(NULL, NULL, 0, &cl, &n), -EINVAL);
}
END_TEST

/* Qdisc events of the monitor come parsed (ev->qdisc). */
struct qev {
	int n;
	struct nlhl_qdisc last;
	int last_type;
};

static int qev_cb(const struct nlhl_event *ev, void *arg)
{
	struct qev *e = arg;

	if (ev->object == NLHL_OBJ_QDISC && ev->qdisc && ev->qdisc->attrs.handle == H(1, 0)) {
		e->n++;
		e->last = *ev->qdisc;
		e->last_type = ev->type;
	}
	return 0;
}

START_TEST(qdisc_monitor_event)
{
	int ifi = nlt_tc_veth("qj");
	struct nlhl_monitor_opts opts = { .sz = sizeof(opts), .groups = NLHL_MONITOR_QDISC };
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_TBF, H(1, 0));
	struct qev e = { 0 };
	nlhl_monitor *m;

	NLT_OK(nlhl_monitor_new(NULL, &opts, qev_cb, &e, &m));
	q.tbf.rate = 250000;
	q.tbf.burst = 20480;
	q.tbf.limit = 30000;
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	for (int i = 0; i < 50 && e.n == 0; i++) {
		NLT_OK(nlhl_monitor_process(m));
		if (e.n == 0)
			usleep(20000);
	}
	ck_assert_int_ge(e.n, 1);
	ck_assert_int_eq(e.last_type, NLHL_EVENT_NEW);
	ck_assert_int_eq(e.last.type, NLHL_QDISC_TBF);
	ck_assert_int_eq(e.last.attrs.link_index, ifi);
	ck_assert_uint_eq(e.last.tbf.rate, 250000);
	ck_assert_uint_eq(e.last.tbf.limit, 30000);
	NLT_OK(nlhl_qdisc_del(NULL, &q));
	e.n = 0;
	for (int i = 0; i < 50 && e.n == 0; i++) {
		NLT_OK(nlhl_monitor_process(m));
		if (e.n == 0)
			usleep(20000);
	}
	ck_assert_int_ge(e.n, 1);
	ck_assert_int_eq(e.last_type, NLHL_EVENT_DEL);
	nlhl_monitor_free(m);
}
END_TEST

/* A kind the library does not model reads back by name, with statistics,
 * compared with tc -s. */
START_TEST(qdisc_unknown_kind_stats)
{
	int ifi = nlt_tc_veth("qg");
	struct nlhl_qdisc q, got, got2;
	json_object *all, *o;

	memset(&q, 0, sizeof(q));
	q.attrs.link_index = ifi;
	q.attrs.handle = H(1, 0);
	snprintf(q.kind, sizeof(q.kind), "pfifo_head_drop");
	NLT_OK(nlhl_qdisc_add(NULL, &q));
	NLT_SH_OK("ip addr add 192.0.2.1/24 dev qg && ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev qg");
	/* packets to a static neighbour go through the qdisc and out */
	nlt_sh("ping -c 5 -i 0.01 -W 1 192.0.2.2 >/dev/null 2>&1");
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_UNKNOWN);
	ck_assert_str_eq(got.kind, "pfifo_head_drop");
	ck_assert_int_ge(got.stats.packets, 5);
	o = nlt_tc_qdisc("qg", "1:", &all);
	ck_assert_ptr_nonnull(o);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got2));
	/* counters only grow: tc's reading lies between the library's two */
	ck_assert_int_le((long long)got.stats.packets, nlt_jint(o, "packets", -1));
	ck_assert_int_ge((long long)got2.stats.packets, nlt_jint(o, "packets", -1));
	ck_assert_int_le((long long)got.stats.bytes, nlt_jint(o, "bytes", -1));
	ck_assert_int_ge((long long)got2.stats.bytes, nlt_jint(o, "bytes", -1));
	ck_assert_int_eq(got.stats.drops, nlt_jint(o, "drops", -1));
	ck_assert_int_eq(got.stats.overlimits, nlt_jint(o, "overlimits", -1));
	ck_assert_int_eq(got.stats.backlog, nlt_jint(o, "backlog", -1));
	json_object_put(all);
}
END_TEST

START_TEST(qdisc_bad_input)
{
	int ifi = nlt_tc_veth("qh");
	struct nlhl_qdisc q = mkq(ifi, NLHL_QDISC_UNKNOWN, H(1, 0));

	snprintf(q.kind, sizeof(q.kind), "nosuchq");
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("unknown qdisc kind \"nosuchq\"");
	q.kind[0] = 0;
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("neither type nor kind");
	q.type = (enum nlhl_qdisc_type)999;
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("unknown qdisc type");
	q.type = NLHL_QDISC_HTB;
	snprintf(q.kind, sizeof(q.kind), "tbf");
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("does not match");
	q.kind[0] = 0;
	q.attrs.handle = H(1, 0x10);
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("has a minor number");
	q.attrs.handle = H(1, 0);
	q.attrs.link_index = 0;
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("is not a link");
	q.attrs.link_index = 99999;
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -ENODEV);
	NLT_ERR(nlhl_qdisc_add(NULL, NULL), -EINVAL);
	q.attrs.link_index = ifi;
	q.type = NLHL_QDISC_PRIO;
	q.prio.bands = 40;
	NLT_ERR(nlhl_qdisc_add(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("bands 40");
	/* nothing to delete */
	q.type = NLHL_QDISC_UNKNOWN;
	NLT_ERR(nlhl_qdisc_del(NULL, &q), -EINVAL);  /* the kernel's "Invalid handle" */
	NLT_ERRMSG_HAS("qdisc del handle 1:0 dev #");
	{
		struct nlhl_qdisc *list = NULL;
		size_t n = 0;

		NLT_ERR(nlhl_qdisc_list_by_index(NULL, -1, &list, &n), -EINVAL);
		NLT_ERR(nlhl_qdisc_list_by_index(NULL, ifi, NULL, &n), -EINVAL);
	}
}
END_TEST

/* The message parsers trust no length (the monitor and the fuzzers feed
 * them whatever arrives). */
START_TEST(qdisc_parse_truncated)
{
	struct nlhl_qdisc q = mkq(1, NLHL_QDISC_NETEM, H(1, 0)), got;
	struct nl_msg *msg;
	struct nlmsghdr *nlh;
	uint8_t buf[4096];
	size_t len;

	q.netem.latency_us = 1000;
	q.netem.loss = 5;
	NLT_OK(nlhl__qdisc_build(&q, RTM_NEWQDISC, 0, "t", &msg));
	nlh = nlmsg_hdr(msg);
	len = nlh->nlmsg_len;
	ck_assert_uint_le(len, sizeof(buf));
	memcpy(buf, nlh, len);
	nlmsg_free(msg);
	NLT_OK(nlhl__qdisc_parse((struct nlmsghdr *)buf, &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_NETEM);
	ck_assert_uint_eq(got.netem.latency_us, 1000);
	ck_assert(fabs(got.netem.loss - 5) < 1e-6);
	/* every shorter length either parses or is -EBADMSG */
	for (size_t l = 0; l < len; l++) {
		uint8_t *copy = malloc(l ? l : 1);
		int r;

		memcpy(copy, buf, l);
		if (l >= sizeof(struct nlmsghdr))
			((struct nlmsghdr *)copy)->nlmsg_len = (uint32_t)l;
		r = l >= sizeof(struct nlmsghdr) ? nlhl__qdisc_parse((struct nlmsghdr *)copy, &got) : -EBADMSG;
		ck_assert(r == 0 || r == -EBADMSG);
		free(copy);
	}
}
END_TEST


/* ------------------------------------------------------------ full-kernel kinds */

/* codel keeps times in 1024 ns units: 10000 us reads back as 9999 */
#define NLT_US_NEAR(got, want) \
	ck_assert_msg((got) <= (want) && (want) - (got) <= 1, "%s = %u, want %u", #got, (got), (want))

/* Adds q through the library and returns tc's text for the link. */
static char *add_and_show(struct nlhl_qdisc *q, const char *dev)
{
	NLT_OK(nlhl_qdisc_add(NULL, q));
	return nlt_tc_text("tc -d qdisc show dev %s", dev);
}

START_TEST(qdisc_prio)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;
	static const uint8_t map[16] = { 3, 2, 1, 0, 3, 2, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1 };

	NLT_REQUIRE_QDISC_KIND("prio");
	ifi = nlt_tc_veth("ka");
	q = mkq(ifi, NLHL_QDISC_PRIO, H(1, 0));
	q.prio.bands = 4;
	memcpy(q.prio.priomap, map, 16);
	txt = add_and_show(&q, "ka");
	NLT_HAS(txt, "qdisc prio 1: root");
	NLT_HAS(txt, "bands 4 priomap 3 2 1 0 3 2 1 0 0 0 0 0 1 1 1 1");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.prio.bands, 4);
	ck_assert_mem_eq(got.prio.priomap, map, 16);
	/* defaults as tc, and the reverse */
	NLT_SH_OK("tc qdisc add dev ka-p root handle 2: prio bands 5");
	ck_assert(lib_qdisc(nlt_tc_ifindex("ka-p"), H(2, 0), &got));
	ck_assert_uint_eq(got.prio.bands, 5);
	ck_assert_uint_eq(got.prio.priomap[0], 1);
}
END_TEST

START_TEST(qdisc_netem)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("netem");
	ifi = nlt_tc_veth("kb");
	q = mkq(ifi, NLHL_QDISC_NETEM, H(1, 0));
	q.netem.latency_us = 100000;
	q.netem.jitter_us = 10000;
	q.netem.delay_corr = 25;
	q.netem.loss = 1;
	q.netem.duplicate = 2;
	q.netem.corrupt = 0.5;
	q.netem.reorder = 25;
	q.netem.reorder_corr = 50;
	q.netem.gap = 5;
	q.netem.rate = 125000;
	q.netem.limit = 500;
	txt = add_and_show(&q, "kb");
	NLT_HAS(txt, "qdisc netem 1: root");
	NLT_HAS(txt, "limit 500");
	NLT_HAS(txt, "delay 100ms");
	NLT_HAS(txt, "10ms 25%");
	NLT_HAS(txt, "loss 1%");
	NLT_HAS(txt, "duplicate 2%");
	NLT_HAS(txt, "reorder 25% 50%");
	NLT_HAS(txt, "corrupt 0.5%");
	NLT_HAS(txt, "rate 1Mbit");
	NLT_HAS(txt, "gap 5");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_NETEM);
	ck_assert_uint_eq(got.netem.latency_us, 100000);
	ck_assert_uint_eq(got.netem.jitter_us, 10000);
	ck_assert(fabs(got.netem.delay_corr - 25) < 1e-6);
	ck_assert(fabs(got.netem.loss - 1) < 1e-6);
	ck_assert(fabs(got.netem.duplicate - 2) < 1e-6);
	ck_assert(fabs(got.netem.corrupt - 0.5) < 1e-6);
	ck_assert(fabs(got.netem.reorder - 25) < 1e-6);
	ck_assert(fabs(got.netem.reorder_corr - 50) < 1e-6);
	ck_assert_uint_eq(got.netem.gap, 5);
	ck_assert_uint_eq(got.netem.rate, 125000);
	ck_assert_uint_eq(got.netem.limit, 500);

	/* change: only a delay now */
	memset(&q.netem, 0, sizeof(q.netem));
	q.netem.latency_us = 20000;
	NLT_OK(nlhl_qdisc_change(NULL, &q));
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.netem.latency_us, 20000);
	ck_assert(got.netem.loss == 0);
	ck_assert_uint_eq(got.netem.limit, 1000);

	/* reverse */
	NLT_SH_OK("tc qdisc add dev kb-p root handle 3: netem delay 30ms loss 10%% duplicate 1%%");
	ck_assert(lib_qdisc(nlt_tc_ifindex("kb-p"), H(3, 0), &got));
	ck_assert_uint_eq(got.netem.latency_us, 30000);
	ck_assert(fabs(got.netem.loss - 10) < 1e-6);
	ck_assert(fabs(got.netem.duplicate - 1) < 1e-6);

	/* bad */
	q = mkq(ifi, NLHL_QDISC_NETEM, H(1, 0));
	q.netem.loss = 101;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("netem loss 101 is not a percentage");
	q.netem.loss = 0;
	q.netem.reorder = 5;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("reorder needs a latency");
}
END_TEST

START_TEST(qdisc_sfq)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("sfq");
	ifi = nlt_tc_veth("kc");
	q = mkq(ifi, NLHL_QDISC_SFQ, H(1, 0));
	q.sfq.perturb_sec = 10;
	q.sfq.quantum = 3000;
	q.sfq.limit = 100;
	q.sfq.divisor = 512;
	q.sfq.depth = 50;
	txt = add_and_show(&q, "kc");
	NLT_HAS(txt, "qdisc sfq 1: root");
	NLT_HAS(txt, "limit 100p");
	NLT_HAS(txt, "quantum 3000b");
	NLT_HAS(txt, "depth 50");
	NLT_HAS(txt, "divisor 512");
	NLT_HAS(txt, "perturb 10sec");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.sfq.perturb_sec, 10);
	ck_assert_uint_eq(got.sfq.quantum, 3000);
	ck_assert_uint_eq(got.sfq.limit, 100);
	ck_assert_uint_eq(got.sfq.divisor, 512);
	ck_assert_uint_eq(got.sfq.depth, 50);
	q.sfq.divisor = 100;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("divisor 100");
}
END_TEST

START_TEST(qdisc_fq)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("fq");
	ifi = nlt_tc_veth("kd");
	q = mkq(ifi, NLHL_QDISC_FQ, H(1, 0));
	q.fq.plimit = 5000;
	q.fq.flow_plimit = 50;
	q.fq.quantum = 3000;
	q.fq.initial_quantum = 20000;
	q.fq.maxrate = 1250000;
	q.fq.buckets = 256;
	q.fq.pacing = NLHL_TC_OFF;
	txt = add_and_show(&q, "kd");
	NLT_HAS(txt, "qdisc fq 1: root");
	NLT_HAS(txt, "limit 5000p");
	NLT_HAS(txt, "flow_limit 50p");
	NLT_HAS(txt, "buckets 256");
	NLT_HAS(txt, "quantum 3000b");
	NLT_HAS(txt, "initial_quantum 20000b");
	NLT_HAS(txt, "maxrate 10Mbit");
	NLT_HAS(txt, "nopacing");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.fq.plimit, 5000);
	ck_assert_uint_eq(got.fq.flow_plimit, 50);
	ck_assert_uint_eq(got.fq.quantum, 3000);
	ck_assert_uint_eq(got.fq.initial_quantum, 20000);
	ck_assert_uint_eq(got.fq.maxrate, 1250000);
	ck_assert_uint_eq(got.fq.buckets, 256);
	ck_assert_int_eq(got.fq.pacing, NLHL_TC_OFF);
}
END_TEST

START_TEST(qdisc_fq_codel_codel)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("fq_codel");
	NLT_REQUIRE_QDISC_KIND("codel");
	ifi = nlt_tc_veth("ke");
	q = mkq(ifi, NLHL_QDISC_FQ_CODEL, H(1, 0));
	q.fq_codel.limit = 2000;
	q.fq_codel.flows = 512;
	q.fq_codel.quantum = 1000;
	q.fq_codel.target_us = 10000;
	q.fq_codel.interval_us = 200000;
	q.fq_codel.ecn = NLHL_TC_OFF;
	q.fq_codel.memory_limit = 8 << 20;
	q.fq_codel.drop_batch_size = 32;
	txt = add_and_show(&q, "ke");
	NLT_HAS(txt, "qdisc fq_codel 1: root");
	NLT_HAS(txt, "limit 2000p flows 512 quantum 1000 target 10ms interval 200ms memory_limit 8Mb");
	NLT_HAS(txt, "drop_batch 32");
	ck_assert_ptr_null(strstr(txt, " ecn"));
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.fq_codel.limit, 2000);
	ck_assert_uint_eq(got.fq_codel.flows, 512);
	NLT_US_NEAR(got.fq_codel.target_us, 10000);
	NLT_US_NEAR(got.fq_codel.interval_us, 200000);
	ck_assert_int_eq(got.fq_codel.ecn, NLHL_TC_OFF);
	ck_assert_uint_eq(got.fq_codel.memory_limit, 8 << 20);
	ck_assert_uint_eq(got.fq_codel.drop_batch_size, 32);

	q = mkq(nlt_tc_ifindex("ke-p"), NLHL_QDISC_CODEL, H(2, 0));
	q.codel.limit = 600;
	q.codel.target_us = 3000;
	q.codel.interval_us = 50000;
	q.codel.ecn = NLHL_TC_ON;
	q.codel.ce_threshold_us = 1000;
	txt = add_and_show(&q, "ke-p");
	NLT_HAS(txt, "qdisc codel 2: root");
	NLT_HAS(txt, "limit 600p target 3ms ce_threshold 999us interval 50ms ecn");  /* 1024 ns units */
	free(txt);
	ck_assert(lib_qdisc(nlt_tc_ifindex("ke-p"), H(2, 0), &got));
	ck_assert_uint_eq(got.codel.limit, 600);
	NLT_US_NEAR(got.codel.target_us, 3000);
	NLT_US_NEAR(got.codel.interval_us, 50000);
	NLT_US_NEAR(got.codel.ce_threshold_us, 1000);
	ck_assert_int_eq(got.codel.ecn, NLHL_TC_ON);
}
END_TEST

START_TEST(qdisc_red)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	if (!nlt_has_red())
		NLT_SKIP("host kernel lacks qdisc red (runs in make check-vm)");
	ifi = nlt_tc_veth("kf");
	q = mkq(ifi, NLHL_QDISC_RED, H(1, 0));
	q.red.limit = 400000;
	q.red.min = 30000;
	q.red.max = 90000;
	q.red.avpkt = 1000;
	q.red.bandwidth = 1250000;
	q.red.probability = 0.1;
	q.red.ecn = true;
	q.red.harddrop = true;
	txt = add_and_show(&q, "kf");
	NLT_HAS(txt, "qdisc red 1: root");
	NLT_HAS(txt, "limit 400000b min 30000b max 90000b");
	NLT_HAS(txt, "ecn");
	NLT_HAS(txt, "harddrop");
	NLT_HAS(txt, "probability 0.1");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.red.limit, 400000);
	ck_assert_uint_eq(got.red.min, 30000);
	ck_assert_uint_eq(got.red.max, 90000);
	ck_assert(got.red.ecn && got.red.harddrop && !got.red.adaptive);
	ck_assert(fabs(got.red.probability - 0.1) < 1e-6);
	/* tc's own arithmetic gives the same kernel state (Wlog etc. shown by -d) */
	NLT_SH_OK("tc qdisc add dev kf-p root handle 1: red limit 400000 min 30000 max 90000 "
		  "avpkt 1000 bandwidth 10mbit probability 0.1 ecn harddrop");
	{
		char *a = nlt_tc_text("tc -d qdisc show dev kf | sed 's/refcnt [0-9]*//'");
		char *b = nlt_tc_text("tc -d qdisc show dev kf-p | sed 's/refcnt [0-9]*//'");

		ck_assert_str_eq(a, b);
		free(a);
		free(b);
	}
	q.red.min = 100000;
	NLT_ERR(nlhl_qdisc_replace(NULL, &q), -EINVAL);
	NLT_ERRMSG_HAS("red min 100000 is not below max");
}
END_TEST

START_TEST(qdisc_cake)
{
	int ifi;
	struct nlhl_qdisc q, got;
	char *txt;

	NLT_REQUIRE_QDISC_KIND("cake");
	ifi = nlt_tc_veth("kg");
	q = mkq(ifi, NLHL_QDISC_CAKE, H(1, 0));
	q.cake.bandwidth = 1250000;
	q.cake.rtt_us = 50000;
	txt = add_and_show(&q, "kg");
	NLT_HAS(txt, "qdisc cake 1: root");
	NLT_HAS(txt, "bandwidth 10Mbit");
	NLT_HAS(txt, "rtt 50ms");
	free(txt);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_uint_eq(got.cake.bandwidth, 1250000);
	ck_assert_uint_eq(got.cake.rtt_us, 50000);
}
END_TEST

/* A kind of the full kernel the library does not model, with traffic. */
START_TEST(qdisc_unknown_kind_vm)
{
	int ifi;
	struct nlhl_qdisc got, got2;
	json_object *all, *o;

	NLT_REQUIRE_QDISC_KIND("choke limit 1000 bandwidth 10mbit avpkt 1000");
	ifi = nlt_tc_veth("kh");
	NLT_SH_OK("tc qdisc add dev kh root handle 1: choke limit 1000 bandwidth 10mbit avpkt 1000");
	NLT_SH_OK("ip addr add 192.0.2.1/24 dev kh && ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev kh");
	nlt_sh("ping -c 3 -i 0.01 -W 1 192.0.2.2 >/dev/null 2>&1");
	ck_assert(lib_qdisc(ifi, H(1, 0), &got));
	ck_assert_int_eq(got.type, NLHL_QDISC_UNKNOWN);
	ck_assert_str_eq(got.kind, "choke");
	ck_assert_int_ge(got.stats.packets, 3);
	o = nlt_tc_qdisc("kh", "1:", &all);
	ck_assert(lib_qdisc(ifi, H(1, 0), &got2));
	ck_assert_int_le((long long)got.stats.packets, nlt_jint(o, "packets", -1));
	ck_assert_int_ge((long long)got2.stats.packets, nlt_jint(o, "packets", -1));
	ck_assert_int_le((long long)got.stats.bytes, nlt_jint(o, "bytes", -1));
	ck_assert_int_ge((long long)got2.stats.bytes, nlt_jint(o, "bytes", -1));
	json_object_put(all);
}
END_TEST

NLT_SUITE(tc_qdisc_suite)
static Suite *tc_qdisc_suite(void)
{
	Suite *s = suite_create("tc-qdisc");
	TCase *tc = nlt_tcase(s, "qdisc");

	tcase_add_test(tc, qdisc_fifo);
	tcase_add_test(tc, qdisc_reverse);
	tcase_add_test(tc, qdisc_tbf);
	tcase_add_test(tc, qdisc_htb);
	tcase_add_test(tc, qdisc_ingress_clsact);
	tcase_add_test(tc, qdisc_mq);
	tcase_add_test(tc, qdisc_unknown_kind_stats);
	tcase_add_test(tc, qdisc_bad_input);
	tcase_add_test(tc, qdisc_parse_truncated);
	tcase_add_test(tc, qdisc_list_by_link);
	tcase_add_test(tc, qdisc_monitor_event);
	tc = nlt_tcase(s, "qdisc-kinds");
	tcase_add_test(tc, qdisc_prio);
	tcase_add_test(tc, qdisc_netem);
	tcase_add_test(tc, qdisc_sfq);
	tcase_add_test(tc, qdisc_fq);
	tcase_add_test(tc, qdisc_fq_codel_codel);
	tcase_add_test(tc, qdisc_red);
	tcase_add_test(tc, qdisc_cake);
	tcase_add_test(tc, qdisc_unknown_kind_vm);
	return s;
}
