/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Pipelined batches: one result per request at its own index. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

/* A hand-made RTM_NEWROUTE/RTM_DELROUTE of 10.<i>/32 in the main table:
 * blackhole (needs no device) or, with gw, unicast via gw (which fails
 * with an extended ACK text when gw is not reachable). */
struct raw_route {
	struct nlmsghdr nlh;
	struct rtmsg rtm;
	struct rtattr dst_hdr;
	uint32_t dst;
	struct rtattr gw_hdr;
	uint32_t gw;
};

static size_t raw_route(struct raw_route *m, int type, uint32_t i, const char *gw)
{
	memset(m, 0, sizeof(*m));
	m->nlh.nlmsg_type = (uint16_t)type;
	m->nlh.nlmsg_flags = type == RTM_NEWROUTE ? NLM_F_CREATE | NLM_F_EXCL : 0;
	m->rtm.rtm_family = AF_INET;
	m->rtm.rtm_dst_len = 32;
	m->rtm.rtm_table = RT_TABLE_MAIN;
	m->rtm.rtm_protocol = RTPROT_STATIC;
	m->rtm.rtm_scope = RT_SCOPE_UNIVERSE;
	m->rtm.rtm_type = gw ? RTN_UNICAST : RTN_BLACKHOLE;
	m->dst_hdr.rta_type = RTA_DST;
	m->dst_hdr.rta_len = RTA_LENGTH(4);
	m->dst = htonl(0x0a000000u | i);
	m->nlh.nlmsg_len = offsetof(struct raw_route, gw_hdr);
	if (gw) {
		m->gw_hdr.rta_type = RTA_GATEWAY;
		m->gw_hdr.rta_len = RTA_LENGTH(4);
		inet_pton(AF_INET, gw, &m->gw);
		m->nlh.nlmsg_len = sizeof(*m);
	}
	return m->nlh.nlmsg_len;
}

static int count_blackholes(void)
{
	char *s = nlt_output("ip -j route show type blackhole | jq length");
	int n = atoi(s);

	free(s);
	return n;
}

#define IS_DUP(i) ((i) % 50 == 49 && (i - 1) % 97 != 13)

/* 1,000 requests, some failing: every failure is reported at its own
 * index with the kernel's errno and text, and every success applied. */
static void batch_1000(const struct nlhl_batch_opts *opts)
{
	nlhl_handle *h;
	nlhl_batch *b;
	struct raw_route m;
	int want_ok = 0, err;
	const char *msg;

	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_batch_new(h, opts, &b));
	for (uint32_t i = 0; i < 1000; i++) {
		char what[64];
		size_t len;

		snprintf(what, sizeof(what), "route add 10.0.%u.%u/32", i >> 8, i & 255);
		if (i % 97 == 13)       /* unreachable gateway: extended ACK text */
			len = raw_route(&m, RTM_NEWROUTE, i, "192.0.2.1");
		else if (IS_DUP(i))     /* the route of request i - 1 again */
			len = raw_route(&m, RTM_NEWROUTE, i - 1, NULL);
		else {
			len = raw_route(&m, RTM_NEWROUTE, i, NULL);
			want_ok++;
		}
		NLT_OK(nlhl_batch_add_raw(b, &m, len, what));
	}
	ck_assert_uint_eq(nlhl_batch_len(b), 1000);
	NLT_ERR(nlhl_batch_result(b, 0, &err, &msg), -EAGAIN);

	/* the first failure is #13 (index 13 % 97 == 13) */
	NLT_ERR(nlhl_batch_send(b), -ENETUNREACH);
	NLT_ERRMSG_HAS("first #13");
	NLT_ERRMSG_HAS("of 1000 requests failed");
	ck_assert_uint_eq(nlhl_batch_failed(b), 1000 - (size_t)want_ok);

	for (size_t i = 0; i < 1000; i++) {
		NLT_OK(nlhl_batch_result(b, i, &err, &msg));
		if (i % 97 == 13) {
			ck_assert_msg(err == -ENETUNREACH, "#%zu: %d %s", i, err, msg);
			ck_assert_msg(strstr(msg, "Nexthop has invalid gateway"), "#%zu: %s", i, msg);
		} else if (IS_DUP(i)) {
			ck_assert_msg(err == -EEXIST, "#%zu: %d %s", i, err, msg);
			ck_assert_msg(strstr(msg, "route add") && strstr(msg, "File exists"),
				      "#%zu: %s", i, msg);
		} else {
			ck_assert_msg(err == 0, "#%zu: %d %s", i, err, msg);
			ck_assert_str_eq(msg, "");
		}
	}
	NLT_ERR(nlhl_batch_result(b, 1000, &err, &msg), -ERANGE);
	ck_assert_int_eq(count_blackholes(), want_ok);

	/* the same batch object again: delete 10.0.0.0 .. 10.0.3.231 */
	nlhl_batch_reset(b);
	ck_assert_uint_eq(nlhl_batch_len(b), 0);
	for (uint32_t i = 0; i < 1000; i++)
		NLT_OK(nlhl_batch_add_raw(b, &m, raw_route(&m, RTM_DELROUTE, i, NULL), NULL));
	NLT_ERR(nlhl_batch_send(b), -ESRCH);
	/* the ones that failed to add fail to delete, at the same index */
	ck_assert_uint_eq(nlhl_batch_failed(b), 1000 - (size_t)want_ok);
	for (size_t i = 0; i < 1000; i++) {
		NLT_OK(nlhl_batch_result(b, i, &err, &msg));
		ck_assert_int_eq(err, i % 97 == 13 || IS_DUP(i) ? -ESRCH : 0);
		if (err)
			ck_assert_msg(strstr(msg, "request type 25"), "%s", msg);
	}
	ck_assert_int_eq(count_blackholes(), 0);
	nlhl_batch_free(b);
	nlhl_handle_free(h);
}

START_TEST(batch_1000_ack_last)
{
	batch_1000(NULL);
}
END_TEST

START_TEST(batch_1000_ack_each_small_sends)
{
	struct nlhl_batch_opts o = { .sz = sizeof(o), .ack_each = true, .send_bytes = 4096 };

	batch_1000(&o);
}
END_TEST

/* stop_on_error: nothing after the first failure reaches the kernel. */
START_TEST(batch_stop_on_error)
{
	struct nlhl_batch_opts o = { .sz = sizeof(o), .stop_on_error = true };
	nlhl_batch *b;
	struct raw_route m;
	int err;
	const char *msg;

	NLT_OK(nlhl_batch_new(NULL, &o, &b));  /* the default handle */
	for (uint32_t i = 0; i < 10; i++)
		NLT_OK(nlhl_batch_add_raw(b, &m, raw_route(&m, RTM_NEWROUTE, i == 5 ? 4 : i, NULL),
					  "route add"));
	NLT_ERR(nlhl_batch_send(b), -EEXIST);
	NLT_ERRMSG_HAS("first #5");
	for (size_t i = 0; i < 10; i++) {
		NLT_OK(nlhl_batch_result(b, i, &err, &msg));
		ck_assert_int_eq(err, i < 5 ? 0 : i == 5 ? -EEXIST : -ECANCELED);
	}
	ck_assert_int_eq(count_blackholes(), 5);
	/* more requests, one more send: indexes keep counting */
	NLT_OK(nlhl_batch_add_raw(b, &m, raw_route(&m, RTM_NEWROUTE, 100, NULL), NULL));
	NLT_OK(nlhl_batch_send(b));
	NLT_OK(nlhl_batch_result(b, 10, &err, &msg));
	ck_assert_int_eq(err, 0);
	ck_assert_int_eq(count_blackholes(), 6);
	nlhl_batch_free(b);
}
END_TEST

START_TEST(batch_bad_input)
{
	nlhl_batch *b;
	struct raw_route m;
	struct nlhl_batch_opts o = { .sz = 0 };

	NLT_ERR(nlhl_batch_new(NULL, NULL, NULL), -EINVAL);
	NLT_ERR(nlhl_batch_new(NULL, &o, &b), -EINVAL);
	NLT_OK(nlhl_batch_new(NULL, NULL, &b));
	NLT_OK(nlhl_batch_send(b));  /* empty: nothing to do */
	raw_route(&m, RTM_NEWROUTE, 1, NULL);
	NLT_ERR(nlhl_batch_add_raw(b, &m, 8, NULL), -EINVAL);
	NLT_ERR(nlhl_batch_add_raw(b, NULL, 8, NULL), -EINVAL);
	m.nlh.nlmsg_type = NLMSG_ERROR;
	NLT_ERR(nlhl_batch_add_raw(b, &m, m.nlh.nlmsg_len, NULL), -EINVAL);
	NLT_ERRMSG_HAS("control message");
	ck_assert_uint_eq(nlhl_batch_len(b), 0);
	NLT_ERR(nlhl_batch_send(NULL), -EINVAL);
	nlhl_batch_free(b);
	nlhl_batch_free(NULL);
}
END_TEST

/* Options of any size: an older caller's 8-byte struct is read no further
 * than its sz (an over-read shows under ASan), a newer caller's larger one
 * is taken when the fields this library does not know are zero and refused
 * when they are set.  Each ends in a batch that works. */
START_TEST(batch_opts_sizes)
{
	struct {
		struct nlhl_batch_opts o;
		uint64_t newer;
	} big;
	size_t *tiny = malloc(sizeof(size_t));
	struct raw_route m;
	nlhl_batch *b;

	ck_assert_ptr_nonnull(tiny);
	*tiny = sizeof(size_t);
	NLT_OK(nlhl_batch_new(NULL, (const struct nlhl_batch_opts *)tiny, &b));
	free(tiny);
	NLT_OK(nlhl_batch_add_raw(b, &m, raw_route(&m, RTM_NEWROUTE, 1, NULL), NULL));
	NLT_OK(nlhl_batch_send(b));
	nlhl_batch_free(b);
	ck_assert_int_eq(count_blackholes(), 1);

	memset(&big, 0, sizeof(big));
	big.o.sz = sizeof(big);
	big.o.ack_each = true;
	NLT_OK(nlhl_batch_new(NULL, &big.o, &b));
	NLT_OK(nlhl_batch_add_raw(b, &m, raw_route(&m, RTM_NEWROUTE, 2, NULL), NULL));
	NLT_OK(nlhl_batch_send(b));
	nlhl_batch_free(b);
	ck_assert_int_eq(count_blackholes(), 2);

	big.newer = 1;
	b = NULL;
	NLT_ERR(nlhl_batch_new(NULL, &big.o, &b), -EINVAL);
	NLT_ERRMSG_HAS("struct nlhl_batch_opts");
	ck_assert_ptr_null(b);
}
END_TEST

/* ---------------------------------------------------- typed entries */

static void route_n(struct nlhl_route *r, uint32_t i)
{
	memset(r, 0, sizeof(*r));
	r->type = NLHL_RTN_BLACKHOLE;
	r->dst.family = AF_INET;
	r->dst.prefixlen = 32;
	r->dst.addr[0] = 10;
	r->dst.addr[1] = (uint8_t)(i >> 16);
	r->dst.addr[2] = (uint8_t)(i >> 8);
	r->dst.addr[3] = (uint8_t)i;
}

/* Routes through the route family's own builder: failures carry the
 * route's name and the kernel's text; bad input is refused when queued. */
START_TEST(batch_routes_typed)
{
	nlhl_batch *b;
	struct nlhl_route r;
	const char *msg;
	int err;

	NLT_SH_OK("ip link add bt0 type veth peer name bt1 && ip link set bt0 up && "
		  "ip addr add 10.200.0.1/24 dev bt0");
	NLT_OK(nlhl_batch_new(NULL, NULL, &b));
	for (uint32_t i = 0; i < 300; i++) {
		route_n(&r, i);
		NLT_OK(nlhl_batch_route_add(b, &r));
	}
	/* #300: a gateway outside every connected prefix */
	route_n(&r, 300);
	r.type = 0;
	NLT_OK(nlhl_parse_ip("192.0.2.77", &r.gw));
	NLT_OK(nlhl_batch_route_add(b, &r));
	/* #301: the route of #5 again */
	route_n(&r, 5);
	NLT_OK(nlhl_batch_route_add(b, &r));
	/* #302: replace #6 with a unicast route via bt0 */
	route_n(&r, 6);
	r.type = 0;
	NLT_OK(nlhl_parse_ip("10.200.0.2", &r.gw));
	NLT_OK(nlhl_batch_route_replace(b, &r));
	/* refused at once, not queued: prefix length 33 */
	route_n(&r, 7);
	r.dst.prefixlen = 33;
	NLT_ERR(nlhl_batch_route_add(b, &r), -EINVAL);
	ck_assert_uint_eq(nlhl_batch_len(b), 303);

	NLT_ERR(nlhl_batch_send(b), -ENETUNREACH);
	NLT_ERRMSG_HAS("first #300: route add 10.0.1.44/32: Nexthop has invalid gateway");
	ck_assert_uint_eq(nlhl_batch_failed(b), 2);
	NLT_OK(nlhl_batch_result(b, 300, &err, &msg));
	ck_assert_int_eq(err, -ENETUNREACH);
	ck_assert_msg(strstr(msg, "route add 10.0.1.44/32: Nexthop has invalid gateway"), "%s", msg);
	NLT_OK(nlhl_batch_result(b, 301, &err, &msg));
	ck_assert_int_eq(err, -EEXIST);
	ck_assert_msg(strstr(msg, "route add 10.0.0.5/32"), "%s", msg);
	NLT_OK(nlhl_batch_result(b, 302, &err, &msg));
	ck_assert_int_eq(err, 0);
	/* the oracle */
	ck_assert_int_eq(count_blackholes(), 299);
	{
		json_object *j = nlt_json("ip -j route show 10.0.0.6/32");

		ck_assert_int_eq(json_object_array_length(j), 1);
		ck_assert_str_eq(nlt_jstr(json_object_array_get_idx(j, 0), "gateway"), "10.200.0.2");
		json_object_put(j);
	}
	/* delete them all in one more send on the same batch */
	for (uint32_t i = 0; i < 300; i++) {
		route_n(&r, i);
		if (i == 6)
			r.type = 0;
		NLT_OK(nlhl_batch_route_del(b, &r));
	}
	NLT_OK(nlhl_batch_send(b));
	ck_assert_uint_eq(nlhl_batch_failed(b), 2);  /* the earlier two */
	ck_assert_int_eq(count_blackholes(), 0);
	nlhl_batch_free(b);
}
END_TEST

/* Addresses (link by name: one lookup when queued) and neighbours. */
START_TEST(batch_addrs_neighs_typed)
{
	nlhl_batch *b;
	struct nlhl_addr a;
	struct nlhl_link l = { 0 };
	struct nlhl_neigh n = { 0 };
	const char *msg;
	char *out;
	int err;

	NLT_SH_OK("ip link add bt0 type veth peer name bt1 && ip link set bt0 up");
	snprintf(l.attrs.name, sizeof(l.attrs.name), "bt0");
	NLT_OK(nlhl_batch_new(NULL, NULL, &b));
	for (int i = 0; i < 500; i++) {
		char s[32];

		snprintf(s, sizeof(s), "10.%d.%d.1/24", 50 + i / 256, i % 256);
		NLT_OK(nlhl_parse_addr(s, &a));
		NLT_OK(nlhl_batch_addr_add(b, &l, &a));
	}
	NLT_OK(nlhl_parse_addr("10.50.0.1/24", &a));  /* #500: again */
	NLT_OK(nlhl_batch_addr_add(b, &l, &a));
	/* #501..#600: neighbours on the new prefixes */
	n.link_index = nlhl_link_by_name(NULL, "bt0", &l) == 0 ? l.attrs.index : 0;
	ck_assert_int_gt(n.link_index, 0);
	for (int i = 0; i < 100; i++) {
		char s[32];

		snprintf(s, sizeof(s), "10.50.%d.2", i);
		NLT_OK(nlhl_parse_ip(s, &n.ip));
		NLT_OK(nlhl_parse_mac("02:00:00:00:00:07", &n.hw_addr));
		NLT_OK(nlhl_batch_neigh_add(b, &n));
	}
	/* a name that does not exist fails when queued */
	snprintf(l.attrs.name, sizeof(l.attrs.name), "nosuch0");
	l.attrs.index = 0;
	ck_assert_int_lt(nlhl_batch_addr_add(b, &l, &a), 0);
	ck_assert_uint_eq(nlhl_batch_len(b), 601);

	NLT_ERR(nlhl_batch_send(b), -EEXIST);
	ck_assert_uint_eq(nlhl_batch_failed(b), 1);
	NLT_OK(nlhl_batch_result(b, 500, &err, &msg));
	ck_assert_int_eq(err, -EEXIST);
	ck_assert_msg(strstr(msg, "addr add 10.50.0.1/24"), "%s", msg);
	out = nlt_output("ip -j addr show dev bt0 | jq '[.[0].addr_info[] | select(.family == \"inet\")] | length'");
	ck_assert_int_eq(atoi(out), 500);
	free(out);
	out = nlt_output("ip -j neigh show dev bt0 | jq '[.[] | select(.lladdr == \"02:00:00:00:00:07\")] | length'");
	ck_assert_int_eq(atoi(out), 100);
	free(out);
	nlhl_batch_free(b);
}
END_TEST

/* ------------------------------------------------- streaming, memory */

static long status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, strlen(field)))
			v = atol(line + strlen(field) + 1);
	fclose(f);
	return v;
}

static int count_route(const struct nlhl_route *r, void *arg)
{
	if (r->type == NLHL_RTN_BLACKHOLE)
		(*(long *)arg)++;
	return 0;
}

/* nlhl_route_foreach over 100k routes: the peak RSS grows by far less
 * than holding the list would take. */
START_TEST(foreach_100k_flat_memory)
{
	enum { N = 100000 };
	nlhl_batch *b;
	nlhl_handle *h;
	struct nlhl_route r;
	long before, peak, n = 0;
	FILE *f;

	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_batch_new(h, NULL, &b));
	for (uint32_t i = 0; i < N; i++) {
		route_n(&r, i);
		NLT_OK(nlhl_batch_route_add(b, &r));
	}
	NLT_OK(nlhl_batch_send(b));
	nlhl_batch_free(b);
	/* warm up the handle's buffer, then reset the peak (clear_refs 5) */
	NLT_OK(nlhl_route_foreach(h, AF_INET, NULL, 0, count_route, &n));
	ck_assert_int_eq(n, N);
	f = fopen("/proc/self/clear_refs", "w");
	ck_assert_ptr_nonnull(f);
	fputs("5", f);
	fclose(f);
	before = status_kb("VmRSS:");
	n = 0;
	NLT_OK(nlhl_route_foreach(h, AF_INET, NULL, 0, count_route, &n));
	peak = status_kb("VmHWM:");
	ck_assert_int_eq(n, N);
	/* holding them would take N * sizeof(struct nlhl_route) */
	ck_assert_msg(peak - before < 2048, "foreach grew RSS by %ld kB (a list: %zu kB)",
		      peak - before, N * sizeof(struct nlhl_route) / 1024);
	/* the oracle counts the same table */
	{
		char *c = nlt_output("ip route show type blackhole | wc -l");

		ck_assert_int_eq(atoi(c), N);
		free(c);
	}
	nlhl_handle_free(h);
}
END_TEST

static Suite *batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = nlt_tcase(s, "batch");

	tcase_add_test(tc, batch_1000_ack_last);
	tcase_add_test(tc, batch_1000_ack_each_small_sends);
	tcase_add_test(tc, batch_stop_on_error);
	tcase_add_test(tc, batch_bad_input);
	tcase_add_test(tc, batch_opts_sizes);
	tcase_add_test(tc, batch_routes_typed);
	tcase_add_test(tc, batch_addrs_neighs_typed);
	tc = nlt_tcase(s, "streaming");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, foreach_100k_flat_memory);
	return s;
}
NLT_SUITE(batch_suite)
