/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Routes: every call and field through the library and through the
 * iproute2 oracle (`ip -j -d route`), both directions.
 */
#include "harness-route.h"
#include "../lib/internal-route.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

/* Routes of list whose dst prints as dst ("default" too). */
static int count_dst(const struct nlhl_route *list, size_t n, const char *dst)
{
	char buf[NLHL_IPNET_STRLEN];
	int c = 0;

	for (size_t i = 0; i < n; i++)
		if (!strcmp(nlt_dst(&list[i], buf, sizeof(buf)), dst))
			c++;
	return c;
}

static const struct nlhl_route *find_dst(const struct nlhl_route *list, size_t n,
					 const char *dst)
{
	char buf[NLHL_IPNET_STRLEN];

	for (size_t i = 0; i < n; i++)
		if (!strcmp(nlt_dst(&list[i], buf, sizeof(buf)), dst))
			return &list[i];
	return NULL;
}

static const char *ipstr(const struct nlhl_ip *ip, char *buf)
{
	if (nlhl_format_ip(ip, buf, NLHL_IP_STRLEN) < 0)
		strcpy(buf, "-");
	return buf;
}

/* One route by dst from the library (all tables). */
static void lib_route1(nlhl_handle *h, int family, const char *dst, uint32_t table,
		       struct nlhl_route *ret)
{
	struct nlhl_route f = { .dst = nlt_net(dst), .table = table };
	struct nlhl_route *list;
	size_t n;

	NLT_OK(nlhl_route_list_filtered(h, family, &f, NLHL_RT_FILTER_DST | NLHL_RT_FILTER_TABLE,
					&list, &n));
	ck_assert_msg(n == 1, "%zu routes to %s, want 1", n, dst);
	*ret = list[0];
	list[0].multipath = NULL;
	nlhl_route_list_free(list, n);
}

START_TEST(route_add_del_oracle)
{
	nlhl_handle *h;
	char buf[NLHL_IP_STRLEN];
	int va;
	json_object *o;
	struct nlhl_route got;
	struct nlhl_route r = {
		.dst = nlt_net("10.1.0.0/16"),
		.gw = nlt_ip("10.0.0.2"),
		.priority = 100,
		.protocol = NLHL_RTPROT_STATIC,
		.src = nlt_ip("10.0.0.1"),
	};

	nlt_rt_setup();
	va = nlt_ifindex("va");
	r.link_index = va;
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_route_add(h, &r));
	NLT_ERR(nlhl_route_add(h, &r), -EEXIST);
	NLT_ERRMSG_HAS("route add 10.1.0.0/16");

	o = nlt_ip_route1("route show 10.1.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.2");
	ck_assert_str_eq(nlt_jstr(o, "dev"), "va");
	ck_assert_str_eq(nlt_jstr(o, "protocol"), "static");
	ck_assert_str_eq(nlt_jstr(o, "prefsrc"), "10.0.0.1");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "global");
	ck_assert_str_eq(nlt_jstr(o, "type"), "unicast");
	ck_assert_int_eq(nlt_jint(o, "metric", -1), 100);
	json_object_put(o);

	lib_route1(h, AF_INET, "10.1.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.family, AF_INET);
	ck_assert_int_eq(got.link_index, va);
	ck_assert_str_eq(ipstr(&got.gw, buf), "10.0.0.2");
	ck_assert_str_eq(ipstr(&got.src, buf), "10.0.0.1");
	ck_assert_uint_eq(got.priority, 100);
	ck_assert_int_eq(got.protocol, NLHL_RTPROT_STATIC);
	ck_assert_uint_eq(got.table, RT_TABLE_MAIN);
	ck_assert_int_eq(got.type, NLHL_RTN_UNICAST);
	ck_assert_int_eq(got.scope, NLHL_SCOPE_UNIVERSE);

	/* With the peer down the kernel reports linkdown; a listed route
	 * still replaces (state flags are not sent back) ... */
	nlhl_route_clear(&got);
	/* Carrier changes reach routes through linkwatch, asynchronously. */
	NLT_SH_OK("ip link set vb down; for i in $(seq 100); do"
		  " ip route show 10.1.0.0/16 | grep -q linkdown && exit 0; sleep 0.05; done; exit 1");
	lib_route1(h, AF_INET, "10.1.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert(got.flags & NLHL_RTNH_F_LINKDOWN);
	got.priority = 100;
	NLT_OK(nlhl_route_replace(h, &got));
	/* ... and deletes as it is. */
	NLT_OK(nlhl_route_del(h, &got));
	nlhl_route_clear(&got);
	ck_assert(nlt_output_is("", "ip route show 10.1.0.0/16"));
	NLT_ERR(nlhl_route_del(h, &r), -ESRCH);
	NLT_ERRMSG_HAS("route del 10.1.0.0/16");
	nlhl_handle_free(h);
}
END_TEST

/* Default route (dst family 0), a dev-only route (iproute2 picks link
 * scope), replace and append; through the default handle. */
START_TEST(route_default_replace_append)
{
	struct nlhl_route r = { .gw = nlt_ip("10.0.0.254") };
	struct nlhl_route dev = { .dst = nlt_net("10.3.0.0/16") };
	struct nlhl_route *list;
	size_t n;
	json_object *o;

	nlt_rt_setup();
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("route show default");
	ck_assert_str_eq(nlt_jstr(o, "dst"), "default");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.254");
	json_object_put(o);

	r.gw = nlt_ip("10.0.0.253");
	NLT_OK(nlhl_route_replace(NULL, &r));
	o = nlt_ip_route1("route show default");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.253");
	json_object_put(o);

	dev.link_index = nlt_ifindex("vb");
	NLT_OK(nlhl_route_add(NULL, &dev));
	o = nlt_ip_route1("route show 10.3.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "link");
	ck_assert_str_eq(nlt_jstr(o, "dev"), "vb");
	json_object_put(o);

	/* Host bits of dst are cleared (parse.h: routes use the prefix). */
	dev.dst = nlt_net("10.3.77.1/24");
	NLT_OK(nlhl_route_add(NULL, &dev));
	o = nlt_ip_route1("route show 10.3.77.0/24");
	ck_assert_str_eq(nlt_jstr(o, "dst"), "10.3.77.0/24");
	json_object_put(o);

	/* Forced universe scope on a dev route. */
	dev.dst = nlt_net("10.4.0.0/16");
	dev.scope = NLHL_SCOPE_UNIVERSE_EXPLICIT;
	NLT_OK(nlhl_route_add(NULL, &dev));
	o = nlt_ip_route1("route show 10.4.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "global");
	json_object_put(o);

	/* Append: a second default route behind the first (IPv4). */
	r.gw = nlt_ip("10.0.1.254");
	NLT_OK(nlhl_route_append(NULL, &r));
	o = nlt_json("ip -j route show default");
	ck_assert_int_eq(nlt_jlen(o), 2);
	json_object_put(o);

	NLT_OK(nlhl_route_list(NULL, NULL, AF_INET, &list, &n));
	ck_assert_int_eq(count_dst(list, n, "default"), 2);
	ck_assert_int_eq(count_dst(list, n, "10.0.0.0/24"), 1);  /* kernel's prefix route */
	ck_assert_ptr_nonnull(find_dst(list, n, "10.3.0.0/16"));
	ck_assert_int_eq(find_dst(list, n, "10.3.0.0/16")->scope, NLHL_SCOPE_LINK);
	nlhl_route_list_free(list, n);
}
END_TEST

/* Routes that differ only by gateway or only by device are distinct
 * (libnl's cache merges them: docs/design.md trap 1). */
START_TEST(route_differ_by_gw_or_dev)
{
	nlhl_handle *h;
	struct nlhl_route a = { .dst = nlt_net("10.5.0.0/16"), .gw = nlt_ip("10.0.0.2") };
	struct nlhl_route b = { .dst = nlt_net("10.5.0.0/16"), .gw = nlt_ip("10.0.0.3") };
	struct nlhl_route c = { .dst = nlt_net("10.6.0.0/16") };
	struct nlhl_route d = { .dst = nlt_net("10.6.0.0/16") };
	struct nlhl_route v6a = { .dst = nlt_net("2001:db8:5::/48"), .gw = nlt_ip("2001:db8::2"),
				  .priority = 7 };
	struct nlhl_route v6b = { .dst = nlt_net("2001:db8:5::/48"), .gw = nlt_ip("2001:db8:1::2"),
				  .priority = 8 };
	struct nlhl_route *list;
	size_t n;
	json_object *o;
	char buf[NLHL_IP_STRLEN], buf2[NLHL_IP_STRLEN];

	nlt_rt_setup();
	c.link_index = nlt_ifindex("va");
	d.link_index = nlt_ifindex("vb");
	v6a.link_index = c.link_index;
	v6b.link_index = d.link_index;
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_route_add(h, &a));
	NLT_OK(nlhl_route_append(h, &b));
	NLT_OK(nlhl_route_add(h, &c));
	NLT_OK(nlhl_route_append(h, &d));
	NLT_OK(nlhl_route_add(h, &v6a));
	NLT_OK(nlhl_route_add(h, &v6b));
	o = nlt_json("ip -j route show 10.5.0.0/16");
	ck_assert_int_eq(nlt_jlen(o), 2);
	json_object_put(o);
	o = nlt_json("ip -j route show 10.6.0.0/16");
	ck_assert_int_eq(nlt_jlen(o), 2);
	json_object_put(o);

	NLT_OK(nlhl_route_list(h, NULL, AF_UNSPEC, &list, &n));
	ck_assert_int_eq(count_dst(list, n, "10.5.0.0/16"), 2);
	ck_assert_int_eq(count_dst(list, n, "10.6.0.0/16"), 2);
	ck_assert_int_eq(count_dst(list, n, "2001:db8:5::/48"), 2);
	for (size_t i = 0, seen = 0; i < n; i++) {
		if (strcmp(nlt_dst(&list[i], buf, sizeof(buf)), "10.5.0.0/16"))
			continue;
		ck_assert_str_eq(ipstr(&list[i].gw, buf2), seen++ ? "10.0.0.3" : "10.0.0.2");
	}
	nlhl_route_list_free(list, n);

	/* Deleting one by gateway leaves the other. */
	NLT_OK(nlhl_route_del(h, &b));
	o = nlt_ip_route1("route show 10.5.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.2");
	json_object_put(o);
	NLT_OK(nlhl_route_del(h, &d));
	o = nlt_ip_route1("route show 10.6.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "dev"), "va");
	json_object_put(o);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(route_types_tables_tos)
{
	static const struct {
		int type;
		const char *name;
	} types[] = {
		{ NLHL_RTN_BLACKHOLE, "blackhole" }, { NLHL_RTN_UNREACHABLE, "unreachable" },
		{ NLHL_RTN_PROHIBIT, "prohibit" }, { NLHL_RTN_THROW, "throw" },
	};
	nlhl_handle *h;
	struct nlhl_route r = { 0 }, got;
	json_object *o;

	nlt_rt_setup();
	NLT_OK(nlhl_handle_new(&h));
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		char dst[32];

		snprintf(dst, sizeof(dst), "10.%zu.0.0/16", 20 + i);
		memset(&r, 0, sizeof(r));
		r.dst = nlt_net(dst);
		r.type = types[i].type;
		r.table = 100000;  /* > 255: RTA_TABLE */
		NLT_OK(nlhl_route_add(h, &r));
		o = nlt_ip_route1("route show table 100000 %s", dst);
		ck_assert_str_eq(nlt_jstr(o, "type"), types[i].name);
		json_object_put(o);
		lib_route1(h, AF_INET, dst, 100000, &got);
		ck_assert_int_eq(got.type, types[i].type);
		ck_assert_uint_eq(got.table, 100000);
		nlhl_route_clear(&got);
	}
	/* IPv6 unreachable. */
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("2001:db8:99::/48");
	r.type = NLHL_RTN_UNREACHABLE;
	NLT_OK(nlhl_route_add(h, &r));
	o = nlt_ip_route1("-6 route show 2001:db8:99::/48");
	ck_assert_str_eq(nlt_jstr(o, "type"), "unreachable");
	json_object_put(o);

	/* Local and broadcast routes in the local table get host and link
	 * scope by default, as from iproute2. */
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("10.0.0.77/32");
	r.type = NLHL_RTN_LOCAL;
	r.table = RT_TABLE_LOCAL;
	r.link_index = nlt_ifindex("va");
	NLT_OK(nlhl_route_add(h, &r));
	o = nlt_ip_route1("route show table local 10.0.0.77");
	ck_assert_str_eq(nlt_jstr(o, "type"), "local");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "host");
	json_object_put(o);
	r.dst = nlt_net("10.0.0.78/32");
	r.type = NLHL_RTN_BROADCAST;
	NLT_OK(nlhl_route_add(h, &r));
	o = nlt_ip_route1("route show table local 10.0.0.78");
	ck_assert_str_eq(nlt_jstr(o, "type"), "broadcast");
	ck_assert_str_eq(nlt_jstr(o, "scope"), "link");
	json_object_put(o);

	/* TOS, onlink (gateway outside every prefix), realm. */
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("10.30.0.0/16");
	r.tos = 0x10;
	r.gw = nlt_ip("192.168.77.1");
	r.link_index = nlt_ifindex("va");
	r.flags = NLHL_RTNH_F_ONLINK;
	r.realm = 5;
	NLT_OK(nlhl_route_add(h, &r));
	o = nlt_ip_route1("route show 10.30.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "192.168.77.1");
	ck_assert_str_eq(nlt_jstr(o, "tos"), "0x10");
	ck_assert_str_eq(nlt_jstr(nlt_jpath(o, "flow", NULL), "to"), "5");
	ck_assert_str_eq(json_object_to_json_string(json_object_object_get(o, "flags")),
			 "[ \"onlink\" ]");
	json_object_put(o);
	lib_route1(h, AF_INET, "10.30.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.tos, 0x10);
	ck_assert_uint_eq(got.realm, 5);
	ck_assert(got.flags & NLHL_RTNH_F_ONLINK);
	NLT_OK(nlhl_route_del(h, &got));
	nlhl_route_clear(&got);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(route_metrics)
{
	struct nlhl_route r = {
		.dst = nlt_net("10.40.0.0/16"),
		.gw = nlt_ip("10.0.0.2"),
		.metrics = {
			.mtu = 1400, .lock = 1u << NLHL_RTAX_MTU, .advmss = 1300,
			.window = 1000, .rtt = 10, .rttvar = 20, .hoplimit = 10, .initcwnd = 11,
			.initrwnd = 12, .reordering = 3, .ssthresh = 100, .cwnd = 13,
			.quickack = 1, .rto_min = 200, .fastopen_no_cookie = 1,
			.features = 1, .congctl = "cubic",
		},
	};
	struct nlhl_route got;
	json_object *o, *m;

	nlt_rt_setup();
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("route show 10.40.0.0/16");
	m = nlt_jpath(o, "metrics", NULL);
	ck_assert_msg(m && nlt_jlen(m) == 1, "no metrics: %s", json_object_to_json_string(o));
	m = json_object_array_get_idx(m, 0);
	ck_assert_int_eq(nlt_jint(m, "advmss", -1), 1300);
	ck_assert_int_eq(nlt_jint(m, "window", -1), 1000);
	ck_assert_int_eq(nlt_jint(m, "hoplimit", -1), 10);
	ck_assert_int_eq(nlt_jint(m, "initcwnd", -1), 11);
	ck_assert_int_eq(nlt_jint(m, "initrwnd", -1), 12);
	ck_assert_int_eq(nlt_jint(m, "reordering", -1), 3);
	ck_assert_int_eq(nlt_jint(m, "ssthresh", -1), 100);
	ck_assert_int_eq(nlt_jint(m, "cwnd", -1), 13);
	ck_assert_int_eq(nlt_jint(m, "quickack", -1), 1);
	ck_assert_int_eq(nlt_jint(m, "fastopen_no_cookie", -1), 1);
	ck_assert_str_eq(nlt_jstr(m, "congestion"), "cubic");
	/* Locked mtu: iproute2 shows {"mtu": {"lock": true, "value": ...}}
	 * or "lock" in the text form. */
	ck_assert_msg(nlt_output_has("mtu lock 1400", "ip route show 10.40.0.0/16"), "mtu not locked");
	ck_assert(nlt_output_has("rtt 10ms", "ip route show 10.40.0.0/16"));
	ck_assert_msg(nlt_output_has("rto_min 200ms", "ip route show 10.40.0.0/16"), "rto_min");
	json_object_put(o);

	lib_route1(NULL, AF_INET, "10.40.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_uint_eq(got.metrics.mtu, 1400);
	ck_assert(got.metrics.lock & (1u << NLHL_RTAX_MTU));
	ck_assert_uint_eq(got.metrics.advmss, 1300);
	ck_assert_uint_eq(got.metrics.rtt, 10);
	ck_assert_uint_eq(got.metrics.rttvar, 20);
	ck_assert_uint_eq(got.metrics.rto_min, 200);
	ck_assert_uint_eq(got.metrics.initcwnd, 11);
	ck_assert_uint_eq(got.metrics.features, 1);
	ck_assert_str_eq(got.metrics.congctl, "cubic");
	nlhl_route_clear(&got);

	/* Reverse: metrics set by ip read back. */
	NLT_SH_OK("ip route add 10.41.0.0/16 via 10.0.0.2 mtu 1280 advmss 1000 hoplimit 5"
		  " initcwnd 4 window 800 rtt 30ms rttvar 8ms congctl reno");
	lib_route1(NULL, AF_INET, "10.41.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_uint_eq(got.metrics.mtu, 1280);
	ck_assert_uint_eq(got.metrics.lock, 0);
	ck_assert_uint_eq(got.metrics.advmss, 1000);
	ck_assert_uint_eq(got.metrics.hoplimit, 5);
	ck_assert_uint_eq(got.metrics.initcwnd, 4);
	ck_assert_uint_eq(got.metrics.window, 800);
	ck_assert_uint_eq(got.metrics.rtt, 30);
	ck_assert_uint_eq(got.metrics.rttvar, 8);
	ck_assert_str_eq(got.metrics.congctl, "reno");
	nlhl_route_clear(&got);
}
END_TEST

START_TEST(route_multipath_v4_v6)
{
	struct nlhl_nexthop_info paths[2] = {
		{ .gw = nlt_ip("10.0.0.2"), .weight = 3 },
		{ .gw = nlt_ip("10.0.1.2"), .weight = 1 },
	};
	struct nlhl_nexthop_info paths6[2] = {
		{ .gw = nlt_ip("2001:db8::2"), .weight = 2 },
		{ .gw = nlt_ip("2001:db8:1::2") },
	};
	struct nlhl_route r = { .dst = nlt_net("10.50.0.0/16"), .multipath = paths,
				.n_multipath = 2 };
	struct nlhl_route r6 = { .dst = nlt_net("2001:db8:50::/48"), .multipath = paths6,
				 .n_multipath = 2 };
	struct nlhl_route got;
	char buf[NLHL_IP_STRLEN];
	json_object *o, *nhs;
	int va, vb;

	nlt_rt_setup();
	va = nlt_ifindex("va");
	vb = nlt_ifindex("vb");
	paths[0].link_index = paths6[0].link_index = va;
	paths[1].link_index = paths6[1].link_index = vb;
	NLT_OK(nlhl_route_add(NULL, &r));
	NLT_OK(nlhl_route_add(NULL, &r6));

	o = nlt_ip_route1("route show 10.50.0.0/16");
	nhs = nlt_jpath(o, "nexthops", NULL);
	ck_assert_int_eq(nlt_jlen(nhs), 2);
	ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(nhs, 0), "gateway"), "10.0.0.2");
	ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(nhs, 0), "dev"), "va");
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(nhs, 0), "weight", -1), 3);
	ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(nhs, 1), "dev"), "vb");
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(nhs, 1), "weight", -1), 1);
	json_object_put(o);
	o = nlt_ip_route1("-6 route show 2001:db8:50::/48");
	nhs = nlt_jpath(o, "nexthops", NULL);
	ck_assert_int_eq(nlt_jlen(nhs), 2);
	ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(nhs, 0), "gateway"), "2001:db8::2");
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(nhs, 0), "weight", -1), 2);
	ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(nhs, 1), "gateway"), "2001:db8:1::2");
	json_object_put(o);

	lib_route1(NULL, AF_INET, "10.50.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_uint_eq(got.n_multipath, 2);
	ck_assert_int_eq(got.link_index, 0);
	ck_assert_str_eq(ipstr(&got.multipath[0].gw, buf), "10.0.0.2");
	ck_assert_int_eq(got.multipath[0].weight, 3);
	ck_assert_int_eq(got.multipath[0].link_index, va);
	ck_assert_str_eq(ipstr(&got.multipath[1].gw, buf), "10.0.1.2");
	ck_assert_int_eq(got.multipath[1].weight, 1);
	ck_assert_int_eq(got.multipath[1].link_index, vb);
	NLT_OK(nlhl_route_del(NULL, &got));
	nlhl_route_clear(&got);
	ck_assert(nlt_output_is("", "ip route show 10.50.0.0/16"));

	lib_route1(NULL, AF_INET6, "2001:db8:50::/48", RT_TABLE_MAIN, &got);
	ck_assert_uint_eq(got.n_multipath, 2);
	ck_assert_int_eq(got.multipath[0].weight, 2);
	ck_assert_str_eq(ipstr(&got.multipath[1].gw, buf), "2001:db8:1::2");
	nlhl_route_clear(&got);

	/* Reverse: made by ip. */
	NLT_SH_OK("ip route add 10.51.0.0/16 nexthop via 10.0.0.2 dev va weight 5"
		  " nexthop via 10.0.1.2 dev vb weight 7");
	lib_route1(NULL, AF_INET, "10.51.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_uint_eq(got.n_multipath, 2);
	ck_assert_int_eq(got.multipath[0].weight, 5);
	ck_assert_int_eq(got.multipath[1].weight, 7);
	ck_assert_int_eq(got.multipath[1].link_index, vb);
	nlhl_route_clear(&got);
}
END_TEST

/* An IPv4 route via an IPv6 gateway (RTA_VIA). */
START_TEST(route_v4_via_v6)
{
	struct nlhl_route r = { .dst = nlt_net("10.60.0.0/16"), .gw = nlt_ip("2001:db8::2") };
	struct nlhl_route got;
	char buf[NLHL_IP_STRLEN];
	json_object *o;

	nlt_rt_setup();
	r.link_index = nlt_ifindex("va");
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("route show 10.60.0.0/16");
	ck_assert_str_eq(nlt_jstr(nlt_jpath(o, "via", NULL), "host"), "2001:db8::2");
	ck_assert_str_eq(nlt_jstr(nlt_jpath(o, "via", NULL), "family"), "inet6");
	json_object_put(o);
	lib_route1(NULL, AF_INET, "10.60.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.family, AF_INET);
	ck_assert_int_eq(got.gw.family, AF_INET6);
	ck_assert_str_eq(ipstr(&got.gw, buf), "2001:db8::2");
	NLT_OK(nlhl_route_del(NULL, &got));
	nlhl_route_clear(&got);
	ck_assert(nlt_output_is("", "ip route show 10.60.0.0/16"));
}
END_TEST

/* IPv6: preference, expiry, source prefix, pref src. */
START_TEST(route_v6_pref_expires)
{
	struct nlhl_route r = {
		.dst = nlt_net("2001:db8:70::/48"),
		.gw = nlt_ip("2001:db8::2"),
		.pref = NLHL_ROUTE_PREF_HIGH,
		.expires = 300,
		.priority = 55,
	};
	struct nlhl_route got;
	json_object *o;

	nlt_rt_setup();
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("-6 route show 2001:db8:70::/48");
	ck_assert_str_eq(nlt_jstr(o, "pref"), "high");
	ck_assert_int_eq(nlt_jint(o, "metric", -1), 55);
	ck_assert_msg(nlt_jint(o, "expires", -1) > 200 && nlt_jint(o, "expires", -1) <= 300,
		      "expires %lld", nlt_jint(o, "expires", -1));
	json_object_put(o);
	lib_route1(NULL, AF_INET6, "2001:db8:70::/48", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.pref, NLHL_ROUTE_PREF_HIGH);
	ck_assert_msg(got.expires > 200 && got.expires <= 300, "expires %u", got.expires);
	ck_assert_uint_eq(got.priority, 55);
	nlhl_route_clear(&got);

	NLT_SH_OK("ip -6 route add 2001:db8:71::/48 via 2001:db8::3 pref low");
	lib_route1(NULL, AF_INET6, "2001:db8:71::/48", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.pref, NLHL_ROUTE_PREF_LOW);
	ck_assert_uint_eq(got.expires, 0);
	ck_assert_uint_eq(got.priority, 1024);  /* kernel default */
	nlhl_route_clear(&got);
}
END_TEST

/* State made by ip reads back identically through the library: every
 * route `ip -j route show table all` prints, with its fields. */
START_TEST(route_ip_made_read_back)
{
	struct nlhl_route f = { .table = 0 };
	struct nlhl_route *list;
	size_t n;
	json_object *arr;
	int matched = 0;

	nlt_rt_setup();
	NLT_SH_OK("ip route add 10.80.0.0/16 via 10.0.0.2 metric 9 proto static"
		  " && ip route add 10.81.0.0/24 dev vb src 10.0.1.1 table 300"
		  " && ip route add blackhole 10.82.0.0/16 table 77"
		  " && ip route add default via 10.0.1.9"
		  " && ip -6 route add 2001:db8:80::/64 via 2001:db8::5 dev va metric 3");
	NLT_OK(nlhl_route_list_filtered(NULL, AF_INET, &f, NLHL_RT_FILTER_TABLE, &list, &n));
	arr = nlt_json("ip -4 -j route show table all");
	ck_assert_int_eq((int)n, nlt_jlen(arr));
	for (int i = 0; i < nlt_jlen(arr); i++) {
		json_object *o = json_object_array_get_idx(arr, i);
		const char *dst = nlt_jstr(o, "dst");
		char want[64], buf[NLHL_IPNET_STRLEN], gw[NLHL_IP_STRLEN];
		const struct nlhl_route *r;

		/* ip prints host routes without /32. */
		snprintf(want, sizeof(want), "%s%s", dst,
			 strchr(dst, '/') || !strcmp(dst, "default") ? "" : "/32");
		r = NULL;
		for (size_t j = 0; j < n && !r; j++)
			if (!strcmp(nlt_dst(&list[j], buf, sizeof(buf)), want) &&
			    list[j].priority == (uint32_t)nlt_jint(o, "metric", 0) &&
			    (nlt_jstr(o, "table") ? 1 : list[j].table == RT_TABLE_MAIN))
				r = &list[j];
		ck_assert_msg(r, "ip route %s missing from the library list", want);
		if (nlt_jstr(o, "gateway"))
			ck_assert_str_eq(ipstr(&r->gw, gw), nlt_jstr(o, "gateway"));
		if (nlt_jstr(o, "prefsrc"))
			ck_assert_str_eq(ipstr(&r->src, gw), nlt_jstr(o, "prefsrc"));
		if (nlt_jstr(o, "dev"))
			ck_assert_int_eq(r->link_index, nlt_ifindex(nlt_jstr(o, "dev")));
		matched++;
	}
	ck_assert_int_ge(matched, 8);
	json_object_put(arr);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.82.0.0/16"));
	ck_assert_int_eq(find_dst(list, n, "10.82.0.0/16")->type, NLHL_RTN_BLACKHOLE);
	ck_assert_uint_eq(find_dst(list, n, "10.82.0.0/16")->table, 77);
	ck_assert_uint_eq(find_dst(list, n, "10.81.0.0/24")->table, 300);
	ck_assert_int_eq(find_dst(list, n, "10.80.0.0/16")->protocol, NLHL_RTPROT_STATIC);
	nlhl_route_list_free(list, n);

	NLT_OK(nlhl_route_list(NULL, NULL, AF_INET6, &list, &n));
	ck_assert_int_eq(count_dst(list, n, "2001:db8:80::/64"), 1);
	ck_assert_uint_eq(find_dst(list, n, "2001:db8:80::/64")->priority, 3);
	nlhl_route_list_free(list, n);
}
END_TEST

START_TEST(route_list_filtered)
{
	nlhl_handle *h;
	struct nlhl_route f = { 0 };
	struct nlhl_route *list;
	size_t n;
	int vb;

	nlt_rt_setup();
	vb = nlt_ifindex("vb");
	NLT_SH_OK("ip route add 10.90.0.0/16 via 10.0.0.2 proto static"
		  " && ip route add 10.91.0.0/16 via 10.0.1.2 proto 99"
		  " && ip route add 10.92.0.0/16 via 10.0.0.3 table 500"
		  " && ip route add unreachable 10.93.0.0/16"
		  " && ip route add 10.94.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.1.3");
	NLT_OK(nlhl_handle_new(&h));

	f.protocol = 99;
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_PROTOCOL, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.91.0.0/16"));
	nlhl_route_list_free(list, n);

	f.table = 500;
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.92.0.0/16"));
	nlhl_route_list_free(list, n);
	/* AF_UNSPEC with a table only IPv4 has. */
	NLT_OK(nlhl_route_list_filtered(h, AF_UNSPEC, &f, NLHL_RT_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 1);
	nlhl_route_list_free(list, n);
	/* A table nobody has: empty, not an error. */
	f.table = 4242;
	NLT_OK(nlhl_route_list_filtered(h, AF_UNSPEC, &f, NLHL_RT_FILTER_TABLE, &list, &n));
	ck_assert_uint_eq(n, 0);
	nlhl_route_list_free(list, n);

	f.type = NLHL_RTN_UNREACHABLE;
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_TYPE, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.93.0.0/16"));
	nlhl_route_list_free(list, n);

	/* Output device: 10.0.1.0/24, 10.91/16 and the multipath route. */
	f.link_index = vb;
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_OIF, &list, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.0.1.0/24"));
	ck_assert_ptr_nonnull(find_dst(list, n, "10.91.0.0/16"));
	ck_assert_ptr_nonnull(find_dst(list, n, "10.94.0.0/16"));
	nlhl_route_list_free(list, n);

	f.gw = nlt_ip("10.0.0.2");
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_GW, &list, &n));
	ck_assert_uint_eq(n, 2);  /* 10.90/16 and a path of 10.94/16 */
	ck_assert_ptr_nonnull(find_dst(list, n, "10.90.0.0/16"));
	ck_assert_ptr_nonnull(find_dst(list, n, "10.94.0.0/16"));
	nlhl_route_list_free(list, n);

	f.dst = nlt_net("10.90.1.2/16");  /* host bits ignored */
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_DST, &list, &n));
	ck_assert_uint_eq(n, 1);
	nlhl_route_list_free(list, n);

	/* Several at once: gw 10.0.0.2 and protocol static. */
	f.protocol = NLHL_RTPROT_STATIC;
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_GW | NLHL_RT_FILTER_PROTOCOL,
					&list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(find_dst(list, n, "10.90.0.0/16"));
	nlhl_route_list_free(list, n);

	/* Default routes: dst of family 0. */
	NLT_SH_OK("ip route add default via 10.0.0.254");
	memset(&f, 0, sizeof(f));
	NLT_OK(nlhl_route_list_filtered(h, AF_INET, &f, NLHL_RT_FILTER_DST, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(list[0].dst.family, 0);
	nlhl_route_list_free(list, n);

	NLT_ERR(nlhl_route_list_filtered(h, 99, NULL, 0, &list, &n), -EINVAL);
	NLT_ERR(nlhl_route_list_filtered(h, AF_INET, NULL, NLHL_RT_FILTER_DST, &list, &n), -EINVAL);
	NLT_ERR(nlhl_route_list_filtered(h, AF_INET, &f, 1u << 30, &list, &n), -EINVAL);
	NLT_ERR(nlhl_route_list_filtered(h, AF_INET, NULL, 0, NULL, &n), -EINVAL);
	nlhl_handle_free(h);
}
END_TEST

struct fe {
	int n;
	int stop_at;
};

static int fe_cb(const struct nlhl_route *r, void *arg)
{
	struct fe *f = arg;

	ck_assert_int_eq(r->family, AF_INET);
	if (++f->n == f->stop_at)
		return -ECANCELED;
	return 0;
}

START_TEST(route_foreach_streams)
{
	nlhl_handle *h;
	struct fe f = { 0 };
	struct nlhl_route *list;
	size_t n;

	nlt_rt_setup();
	NLT_SH_OK("for i in $(seq 0 199); do echo route add 10.100.$i.0/24 via 10.0.0.2; done"
		  " | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_route_foreach(h, AF_INET, NULL, 0, fe_cb, &f));
	NLT_OK(nlhl_route_list(h, NULL, AF_INET, &list, &n));
	ck_assert_int_eq(f.n, (int)n);
	ck_assert_int_eq(f.n, 202);
	nlhl_route_list_free(list, n);
	/* The callback stops the stream; the handle stays in sync. */
	f.n = 0;
	f.stop_at = 10;
	NLT_ERR(nlhl_route_foreach(h, AF_INET, NULL, 0, fe_cb, &f), -ECANCELED);
	ck_assert_int_eq(f.n, 10);
	f.n = 0;
	f.stop_at = 0;
	NLT_OK(nlhl_route_foreach(h, AF_INET, NULL, 0, fe_cb, &f));
	ck_assert_int_eq(f.n, 202);
	NLT_ERR(nlhl_route_foreach(h, AF_INET, NULL, 0, NULL, NULL), -EINVAL);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(route_get_lookup)
{
	struct nlhl_ip dst = nlt_ip("10.110.1.1");
	struct nlhl_route_get_options o = { 0 };
	struct nlhl_route got;
	char buf[NLHL_IP_STRLEN];
	json_object *j;

	nlt_rt_setup();
	NLT_SH_OK("ip route add 10.110.0.0/16 via 10.0.0.2"
		  " && ip route add 10.110.0.0/16 via 10.0.1.2 table 10"
		  " && ip rule add fwmark 7 table 10");
	NLT_OK(nlhl_route_get(NULL, &dst, NULL, &got));
	j = nlt_ip_route1("route get 10.110.1.1");
	ck_assert_str_eq(ipstr(&got.gw, buf), nlt_jstr(j, "gateway"));
	ck_assert_str_eq(ipstr(&got.src, buf), nlt_jstr(j, "prefsrc"));
	ck_assert_int_eq(got.link_index, nlt_ifindex(nlt_jstr(j, "dev")));
	ck_assert_str_eq(nlt_dst(&got, buf, sizeof(buf)), "10.110.1.1/32");
	json_object_put(j);
	nlhl_route_clear(&got);

	/* Mark selects table 10 through the rule. */
	o.mark = 7;
	NLT_OK(nlhl_route_get(NULL, &dst, &o, &got));
	ck_assert_str_eq(ipstr(&got.gw, buf), "10.0.1.2");
	nlhl_route_clear(&got);

	/* Output device, source address and uid. */
	memset(&o, 0, sizeof(o));
	o.oif_index = nlt_ifindex("vb");
	o.src = nlt_ip("10.0.1.1");
	o.uid = 1000;
	o.has_uid = 1;
	NLT_OK(nlhl_route_get(NULL, &(struct nlhl_ip){ .family = AF_INET, .addr = { 10, 0, 1, 5 } },
			      &o, &got));
	ck_assert_int_eq(got.link_index, o.oif_index);
	/* The answer carries the given source as RTA_SRC. */
	ck_assert_int_eq(got.src_net.family, AF_INET);
	ck_assert_int_eq(got.src_net.prefixlen, 32);
	ck_assert_mem_eq(got.src_net.addr, o.src.addr, 4);
	j = nlt_ip_route1("route get 10.0.1.5 from 10.0.1.1 oif vb uid 1000");
	ck_assert_int_eq(nlt_jint(j, "uid", -1), 1000);
	ck_assert_str_eq(nlt_jstr(j, "from"), "10.0.1.1");
	json_object_put(j);
	nlhl_route_clear(&got);

	/* Input interface: a forwarded packet from vb. */
	NLT_SH_OK("sysctl -qw net.ipv4.ip_forward=1");
	memset(&o, 0, sizeof(o));
	o.iif_index = nlt_ifindex("vb");
	o.src = nlt_ip("10.0.1.5");
	NLT_OK(nlhl_route_get(NULL, &dst, &o, &got));
	ck_assert_int_eq(got.ilink_index, o.iif_index);
	ck_assert_int_eq(got.link_index, nlt_ifindex("va"));
	ck_assert_str_eq(ipstr(&got.gw, buf), "10.0.0.2");
	j = nlt_ip_route1("route get 10.110.1.1 from 10.0.1.5 iif vb");
	ck_assert_str_eq(nlt_jstr(j, "iif"), "vb");
	ck_assert_str_eq(nlt_jstr(j, "gateway"), "10.0.0.2");
	json_object_put(j);
	nlhl_route_clear(&got);

	/* fib-match: the FIB entry itself. */
	memset(&o, 0, sizeof(o));
	o.fib_match = 1;
	NLT_OK(nlhl_route_get(NULL, &dst, &o, &got));
	ck_assert_str_eq(nlt_dst(&got, buf, sizeof(buf)), "10.110.0.0/16");
	j = nlt_ip_route1("route get 10.110.1.1 fibmatch");
	ck_assert_str_eq(nlt_jstr(j, "dst"), "10.110.0.0/16");
	json_object_put(j);
	nlhl_route_clear(&got);

	/* IPv6. */
	dst = nlt_ip("2001:db8:1::77");
	NLT_OK(nlhl_route_get(NULL, &dst, NULL, &got));
	ck_assert_int_eq(got.family, AF_INET6);
	ck_assert_int_eq(got.link_index, nlt_ifindex("vb"));
	nlhl_route_clear(&got);

	/* No route: the kernel's errno. */
	NLT_SH_OK("ip route del 10.0.0.0/24 dev va");
	NLT_SH_OK("ip route flush table main");
	dst = nlt_ip("192.0.2.1");
	NLT_ERR(nlhl_route_get(NULL, &dst, NULL, &got), -ENETUNREACH);
	NLT_ERRMSG_HAS("route get 192.0.2.1");
	NLT_ERR(nlhl_route_get(NULL, NULL, NULL, &got), -EINVAL);
}
END_TEST

/*
 * A route dump raced by route changes, IPv4 and IPv6.  The kernel does not
 * flag route dumps as interrupted: IPv4 resumes by key, so every stable
 * route comes exactly once; IPv6 re-walks and skips as many routes as it
 * sent, which repeats or hides routes, so the library watches the IPv6
 * route group during the dump and starts again when anything changed.
 * Each list holds every stable route exactly once, or fails with -EINTR
 * and says so.  The churn runs on its own handle in a tight loop, between
 * the stable routes.
 */
static void *churn(void *arg)
{
	volatile int *stop = arg;
	struct nlhl_route r4 = { .dst = nlt_net("10.125.250.0/24"), .gw = nlt_ip("10.0.0.2") };
	struct nlhl_route r6 = { .dst = nlt_net("2001:db8:125:ff00::/64"), .gw = nlt_ip("2001:db8::2") };
	nlhl_handle *h;

	if (nlhl_handle_new(&h) < 0)
		return NULL;
	while (!*stop)
		for (int i = 0; i < 50 && !*stop; i++) {
			r4.dst.addr[2] = (uint8_t)(250 + i % 5);
			r4.dst.addr[1] = (uint8_t)(120 + i % 16);
			r6.dst.addr[7] = (uint8_t)i;
			nlhl_route_add(h, &r4);
			nlhl_route_add(h, &r6);
			nlhl_route_del(h, &r4);
			nlhl_route_del(h, &r6);
		}
	nlhl_handle_free(h);
	return NULL;
}

static int cmp16(const void *a, const void *b)
{
	return memcmp(a, b, 16);
}

static int fe6_cb(const struct nlhl_route *r, void *arg)
{
	ck_assert_int_eq(r->family, AF_INET6);
	((struct fe *)arg)->n++;
	return 0;
}

START_TEST(route_dump_interrupted)
{
	nlhl_handle *h;
	pthread_t t;
	volatile int stop = 0;
	int ok4 = 0, ok6 = 0, intr6 = 0, fe_intr = 0;

	nlt_rt_setup();
	NLT_SH_OK("for i in $(seq 0 15); do for j in $(seq 0 249); do"
		  " echo route add 10.$((120+i)).$j.0/24 via 10.0.0.2;"
		  " echo route add 2001:db8:$((120+i)):$j::/64 via 2001:db8::2;"
		  " done; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	ck_assert_int_eq(pthread_create(&t, NULL, churn, (void *)&stop), 0);
	for (int i = 0; i < 40; i++) {
		static uint8_t seen6[16 * 250][16];
		int family = i % 2 ? AF_INET6 : AF_INET;
		struct nlhl_route *list;
		size_t n;
		int r = nlhl_route_list(h, NULL, family, &list, &n);
		int stable4 = 0, stable6 = 0;

		if (r == -EINTR && family == AF_INET6) {
			NLT_ERRMSG_HAS("route list: dump interrupted by concurrent changes");
			intr6++;
			continue;
		}
		NLT_OK(r);
		family == AF_INET ? ok4++ : ok6++;
		for (size_t k = 0; k < n; k++) {
			const uint8_t *a = list[k].dst.addr;

			if (list[k].dst.family == AF_INET && a[0] == 10 && a[1] >= 120 &&
			    a[1] < 136 && a[2] < 250)
				stable4++;
			/* 2001:db8:120:: ... 2001:db8:135:: (hex groups) */
			if (list[k].dst.family == AF_INET6 &&
			    !memcmp(a, "\x20\x01\x0d\xb8\x01", 5) && a[5] >= 0x20 && a[5] <= 0x35 &&
			    a[6] != 0xff) {
				ck_assert_int_lt(stable6, 16 * 250);
				memcpy(seen6[stable6++], a, 16);
			}
		}
		nlhl_route_list_free(list, n);
		if (family == AF_INET) {
			ck_assert_int_eq(stable4, 16 * 250);
			continue;
		}
		ck_assert_int_eq(stable6, 16 * 250);
		qsort(seen6, (size_t)stable6, 16, cmp16);
		for (int k = 1; k < stable6; k++)
			ck_assert_msg(memcmp(seen6[k - 1], seen6[k], 16), "IPv6 route listed twice");
	}
	/* A stream cannot start over: it reports the race at its end. */
	for (int i = 0; i < 5; i++) {
		struct fe f = { 0 };
		int r = nlhl_route_foreach(h, AF_INET6, NULL, 0, fe6_cb, &f);

		ck_assert_msg(r == 0 || r == -EINTR, "foreach: %d", r);
		if (r == -EINTR) {
			NLT_ERRMSG_HAS("route foreach: dump interrupted by concurrent changes; "
				       "routes may be missing or repeated");
			fe_intr++;
		}
	}
	stop = 1;
	pthread_join(t, NULL);
	ck_assert_int_eq(ok4, 20);
	ck_assert_int_eq(ok6 + intr6, 20);
	(void)fe_intr;
	nlhl_handle_free(h);
}
END_TEST

/* Deterministic: a route added from inside the callback of an IPv6 stream
 * races it; the stream reports -EINTR at its end. */
struct inject {
	nlhl_handle *other;
	int n;
};

static int inject_cb(const struct nlhl_route *r, void *arg)
{
	struct inject *in = arg;

	(void)r;
	if (++in->n == 5) {
		struct nlhl_route x = { .dst = nlt_net("2001:db8:fff::/48"),
					.gw = nlt_ip("2001:db8::2") };

		ck_assert_int_eq(nlhl_route_add(in->other, &x), 0);
	}
	return 0;
}

START_TEST(route_foreach_v6_race_reported)
{
	struct inject in = { 0 };
	nlhl_handle *h;

	nlt_rt_setup();
	NLT_SH_OK("for j in $(seq 0 999); do echo route add 2001:db8:5:$j::/64 via 2001:db8::2;"
		  " done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_handle_new(&in.other));
	NLT_ERR(nlhl_route_foreach(h, AF_INET6, NULL, 0, inject_cb, &in), -EINTR);
	NLT_ERRMSG_HAS("routes may be missing or repeated");
	ck_assert_int_ge(in.n, 1000);
	/* Quiet again: whole. */
	in.n = 100000;
	NLT_OK(nlhl_route_foreach(h, AF_INET6, NULL, 0, inject_cb, &in));
	nlhl_handle_free(in.other);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(route_bad_input)
{
	nlhl_handle *h;
	int rv;
	struct nlhl_route r = { .dst = nlt_net("10.1.0.0/16"), .gw = nlt_ip("192.168.50.1") };

	nlt_rt_setup();
	NLT_OK(nlhl_handle_new(&h));
	/* Gateway outside every connected prefix: the kernel's own words. */
	/* (-ENETUNREACH on recent kernels, -EINVAL on older ones) */
	rv = nlhl_route_add(h, &r);
	ck_assert_msg(rv == -ENETUNREACH || rv == -EINVAL, "%d", rv);
	NLT_ERRMSG_HAS("route add 10.1.0.0/16: ");
	NLT_ERRMSG_HAS("Nexthop has invalid gateway");
	r.link_index = nlt_ifindex("va");
	rv = nlhl_route_add(h, &r);
	ck_assert_msg(rv == -ENETUNREACH || rv == -EINVAL, "%d", rv);
	NLT_ERRMSG_HAS("Nexthop has invalid gateway");

	/* Prefix length 33. */
	r.gw = nlt_ip("10.0.0.2");
	r.dst.prefixlen = 33;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("prefix length 33 is over 32");
	r.dst = nlt_net("2001:db8::/32");
	r.dst.prefixlen = 129;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("prefix length 129");

	/* dst and gateway families differ (IPv6 via IPv4). */
	r.dst = nlt_net("2001:db8:9::/48");
	r.gw = nlt_ip("10.0.0.2");
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("gateway family");
	r.family = AF_INET;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("dst family");

	/* A missing table. */
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("10.1.0.0/16");
	r.table = 777;
	NLT_ERR(nlhl_route_del(h, &r), -ESRCH);
	NLT_ERRMSG_HAS("route del 10.1.0.0/16");
	NLT_ERRMSG_HAS("table does not exist");

	/* Deleting a route that is not there. */
	r.table = 0;
	NLT_ERR(nlhl_route_del(h, &r), -ESRCH);
	NLT_ERRMSG_HAS("route del 10.1.0.0/16");
	r.dst = nlt_net("2001:db8:77::/48");
	NLT_ERR(nlhl_route_del(h, &r), -ESRCH);

	/* Contradictions caught before the kernel. */
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("10.1.0.0/16");
	r.multipath = &(struct nlhl_nexthop_info){ .gw = nlt_ip("10.0.0.2") };
	r.n_multipath = 1;
	r.gw = nlt_ip("10.0.0.3");
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("multipath");
	r.gw.family = 0;
	r.multipath[0].weight = 300;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("weight");
	memset(&r, 0, sizeof(r));
	r.dst = nlt_net("10.1.0.0/16");
	r.type = 99;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	r.type = 0;
	r.scope = 300;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	r.scope = 0;
	r.encap.type = NLHL_ENCAP_MPLS;
	NLT_ERR(nlhl_route_add(h, &r), -EINVAL);
	NLT_ERRMSG_HAS("labels");
	NLT_ERR(nlhl_route_add(h, NULL), -EINVAL);
	NLT_ERR(nlhl_route_del(NULL, NULL), -EINVAL);
	/* Nothing reached the kernel. */
	ck_assert(nlt_output_is("", "ip route show 10.1.0.0/16"));
	nlhl_handle_free(h);
}
END_TEST

static bool has_mpls_encap(void)
{
	return nlt_sh("ip route add 10.250.0.0/16 encap mpls 100 via 10.0.0.2 dev va 2>/dev/null"
		      " && ip route del 10.250.0.0/16") == 0;
}

START_TEST(route_mpls_encap)
{
	struct nlhl_route r = {
		.dst = nlt_net("10.140.0.0/16"), .gw = nlt_ip("10.0.0.2"),
		.encap = { .type = NLHL_ENCAP_MPLS, .n_labels = 2, .labels = { 100, 200 }, .ttl = 9 },
	};
	struct nlhl_route got;
	json_object *o;

	nlt_rt_setup();
	nlt_sh("modprobe mpls_iptunnel 2>/dev/null");
	if (!has_mpls_encap())
		NLT_SKIP("host kernel lacks MPLS lightweight tunnels (mpls_iptunnel; runs in make check-vm)");
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("route show 10.140.0.0/16");
	ck_assert_str_eq(nlt_jstr(o, "encap"), "mpls");
	/* ip -j prints the label stack under a second "dst" key (json-c
	 * keeps the last and escapes '/'); the text form is unambiguous. */
	ck_assert(nlt_output_has("100/200", "ip route show 10.140.0.0/16"));
	ck_assert(nlt_output_has("ttl 9", "ip route show 10.140.0.0/16"));
	json_object_put(o);
	lib_route1(NULL, AF_INET, "10.140.0.0/16", RT_TABLE_MAIN, &got);
	ck_assert_int_eq(got.encap.type, NLHL_ENCAP_MPLS);
	ck_assert_int_eq(got.encap.n_labels, 2);
	ck_assert_uint_eq(got.encap.labels[0], 100);
	ck_assert_uint_eq(got.encap.labels[1], 200);
	ck_assert_int_eq(got.encap.ttl, 9);
	nlhl_route_clear(&got);
}
END_TEST

/* The private parser takes any bytes: truncated and lying lengths. */
START_TEST(route_parse_untrusted)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
		uint8_t attrs[64];
	} m;
	struct nlhl_route r;

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = NLMSG_LENGTH(2);
	m.h.nlmsg_type = RTM_NEWROUTE;
	ck_assert_int_eq(nlhl__route_parse(&m.h, &r), -EPROTO);
	m.h.nlmsg_len = NLMSG_LENGTH(sizeof(m.r) + 8);
	m.r.rtm_family = AF_INET;
	m.r.rtm_dst_len = 40;
	ck_assert_int_eq(nlhl__route_parse(&m.h, &r), -EPROTO);
	m.r.rtm_dst_len = 24;
	/* RTA_DST claiming 200 bytes in an 8-byte space. */
	m.attrs[0] = 200;
	m.attrs[2] = RTA_DST;
	ck_assert_int_le(nlhl__route_parse(&m.h, &r), 0);
	nlhl_route_clear(&r);
	/* RTA_MULTIPATH with an rtnexthop that lies about its length. */
	memset(m.attrs, 0, sizeof(m.attrs));
	m.attrs[0] = 4 + 8;
	m.attrs[2] = RTA_MULTIPATH;
	m.attrs[4] = 60;  /* rtnh_len */
	m.h.nlmsg_len = NLMSG_LENGTH(sizeof(m.r) + 12);
	m.r.rtm_dst_len = 0;
	ck_assert_int_eq(nlhl__route_parse(&m.h, &r), -EPROTO);
	m.r.rtm_family = 28;  /* AF_MPLS */
	ck_assert_int_eq(nlhl__route_parse(&m.h, &r), -EAFNOSUPPORT);
}
END_TEST

NLT_SUITE(route_suite)
static Suite *route_suite(void)
{
	Suite *s = suite_create("route");
	TCase *tc = nlt_tcase(s, "route");

	tcase_add_test(tc, route_add_del_oracle);
	tcase_add_test(tc, route_default_replace_append);
	tcase_add_test(tc, route_differ_by_gw_or_dev);
	tcase_add_test(tc, route_types_tables_tos);
	tcase_add_test(tc, route_metrics);
	tcase_add_test(tc, route_multipath_v4_v6);
	tcase_add_test(tc, route_v4_via_v6);
	tcase_add_test(tc, route_v6_pref_expires);
	tcase_add_test(tc, route_ip_made_read_back);
	tcase_add_test(tc, route_list_filtered);
	tcase_add_test(tc, route_foreach_streams);
	tcase_add_test(tc, route_get_lookup);
	tcase_add_test(tc, route_dump_interrupted);
	tcase_add_test(tc, route_foreach_v6_race_reported);
	tcase_add_test(tc, route_bad_input);
	tcase_add_test(tc, route_mpls_encap);
	tcase_add_test(tc, route_parse_untrusted);
	return s;
}
