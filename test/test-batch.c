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

static Suite *batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = nlt_tcase(s, "batch");

	tcase_add_test(tc, batch_1000_ack_last);
	tcase_add_test(tc, batch_1000_ack_each_small_sends);
	tcase_add_test(tc, batch_stop_on_error);
	tcase_add_test(tc, batch_bad_input);
	return s;
}
NLT_SUITE(batch_suite)
