/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Nexthop objects and routes that use them, against `ip -j nexthop`. */
#include "harness-route.h"
#include "../lib/internal-nexthop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

static json_object *ip_nh(uint32_t id)
{
	json_object *arr = nlt_json("ip -j nexthop show id %u", id);
	json_object *o;

	ck_assert_int_eq(nlt_jlen(arr), 1);
	o = json_object_get(json_object_array_get_idx(arr, 0));
	json_object_put(arr);
	return o;
}

START_TEST(nexthop_add_get_list_del)
{
	nlhl_handle *h;
	struct nlhl_nexthop a = { .id = 10, .gw = nlt_ip("10.0.0.2") };
	struct nlhl_nexthop b = { .gw = nlt_ip("10.0.1.2"), .protocol = NLHL_RTPROT_STATIC };
	struct nlhl_nexthop c = { .id = 12, .gw = nlt_ip("2001:db8::2") };
	struct nlhl_nexthop bh = { .id = 13, .blackhole = 1 };
	struct nlhl_nexthop_grp members[2] = { { .id = 10, .weight = 3 }, { .weight = 1 } };
	struct nlhl_nexthop g = { .id = 20, .group = members, .n_group = 2 };
	struct nlhl_nexthop got, *list;
	char buf[NLHL_IP_STRLEN];
	size_t n;
	json_object *o, *grp;
	int va, vb;

	nlt_rt_setup();
	va = nlt_ifindex("va");
	vb = nlt_ifindex("vb");
	a.link_index = va;
	b.link_index = vb;
	c.link_index = va;
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_nexthop_add(h, &a));
	ck_assert_uint_eq(a.id, 10);
	NLT_ERR(nlhl_nexthop_add(h, &a), -EEXIST);
	NLT_ERRMSG_HAS("nexthop add 10");
	NLT_OK(nlhl_nexthop_add(h, &b));
	ck_assert_uint_ne(b.id, 0);  /* chosen by the kernel, echoed back */
	NLT_OK(nlhl_nexthop_add(h, &c));
	NLT_OK(nlhl_nexthop_add(h, &bh));
	members[1].id = b.id;
	NLT_OK(nlhl_nexthop_add(h, &g));

	o = ip_nh(10);
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.2");
	ck_assert_str_eq(nlt_jstr(o, "dev"), "va");
	json_object_put(o);
	o = ip_nh(b.id);
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.1.2");
	ck_assert_str_eq(nlt_jstr(o, "dev"), "vb");
	ck_assert_str_eq(nlt_jstr(o, "protocol"), "static");
	json_object_put(o);
	o = ip_nh(12);
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "2001:db8::2");
	json_object_put(o);
	o = ip_nh(13);
	ck_assert_msg(json_object_object_get_ex(o, "blackhole", NULL), "not blackhole: %s",
		      json_object_to_json_string(o));
	json_object_put(o);
	o = ip_nh(20);
	grp = nlt_jpath(o, "group", NULL);
	ck_assert_int_eq(nlt_jlen(grp), 2);
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(grp, 0), "id", -1), 10);
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(grp, 0), "weight", -1), 3);
	ck_assert_int_eq(nlt_jint(json_object_array_get_idx(grp, 1), "id", -1), (int)b.id);
	json_object_put(o);

	NLT_OK(nlhl_nexthop_get(h, 10, &got));
	ck_assert_uint_eq(got.id, 10);
	ck_assert_int_eq(got.family, AF_INET);
	ck_assert_int_eq(got.link_index, va);
	ck_assert_str_eq(nlhl_format_ip(&got.gw, buf, sizeof(buf)) == 0 ? buf : "-", "10.0.0.2");
	nlhl_nexthop_clear(&got);
	NLT_OK(nlhl_nexthop_get(h, 20, &got));
	ck_assert_uint_eq(got.n_group, 2);
	ck_assert_uint_eq(got.group[0].id, 10);
	ck_assert_int_eq(got.group[0].weight, 3);
	ck_assert_uint_eq(got.group[1].id, b.id);
	ck_assert_int_eq(got.group[1].weight, 1);
	nlhl_nexthop_clear(&got);
	NLT_OK(nlhl_nexthop_get(h, 13, &got));
	ck_assert(got.blackhole);
	nlhl_nexthop_clear(&got);
	NLT_ERR(nlhl_nexthop_get(h, 999, &got), -ENOENT);
	NLT_ERRMSG_HAS("nexthop get 999");

	NLT_OK(nlhl_nexthop_list(h, AF_UNSPEC, &list, &n));
	ck_assert_uint_eq(n, 5);
	nlhl_nexthop_list_free(list, n);
	NLT_OK(nlhl_nexthop_list(h, AF_INET6, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].id, 12);
	nlhl_nexthop_list_free(list, n);

	/* Replace in place. */
	a.gw = nlt_ip("10.0.0.9");
	NLT_OK(nlhl_nexthop_replace(h, &a));
	o = ip_nh(10);
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.0.0.9");
	json_object_put(o);

	NLT_OK(nlhl_nexthop_del(h, 20));
	NLT_ERR(nlhl_nexthop_del(h, 20), -ENOENT);
	o = nlt_json("ip -j nexthop show id 20 2>/dev/null || echo []");
	ck_assert_int_eq(nlt_jlen(o), 0);
	json_object_put(o);

	/* Reverse: made by ip. */
	NLT_SH_OK("ip nexthop add id 30 via 10.0.1.7 dev vb onlink");
	NLT_OK(nlhl_nexthop_get(h, 30, &got));
	ck_assert_int_eq(got.link_index, vb);
	ck_assert(got.flags & NLHL_RTNH_F_ONLINK);
	nlhl_nexthop_clear(&got);

	/* Bad input. */
	NLT_ERR(nlhl_nexthop_add(h, &(struct nlhl_nexthop){ .id = 40 }), -EINVAL);
	NLT_ERRMSG_HAS("needs a link");
	NLT_ERR(nlhl_nexthop_add(h, &(struct nlhl_nexthop){ .id = 41, .blackhole = 1, .link_index = va }),
		-EINVAL);
	NLT_ERR(nlhl_nexthop_add(h, NULL), -EINVAL);
	NLT_ERR(nlhl_nexthop_del(h, 0), -EINVAL);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(route_with_nexthop_object)
{
	struct nlhl_nexthop_grp members[2] = { { .id = 1 }, { .id = 2 } };
	struct nlhl_nexthop nh1 = { .id = 1, .gw = nlt_ip("10.0.0.2") };
	struct nlhl_nexthop nh2 = { .id = 2, .gw = nlt_ip("10.0.1.2") };
	struct nlhl_nexthop g = { .id = 3, .group = members, .n_group = 2 };
	struct nlhl_route r = { .dst = nlt_net("10.160.0.0/16"), .nh_id = 3 };
	struct nlhl_route f = { .dst = nlt_net("10.160.0.0/16") };
	struct nlhl_route *list;
	size_t n;
	json_object *o;

	nlt_rt_setup();
	nh1.link_index = nlt_ifindex("va");
	nh2.link_index = nlt_ifindex("vb");
	NLT_OK(nlhl_nexthop_add(NULL, &nh1));
	NLT_OK(nlhl_nexthop_add(NULL, &nh2));
	NLT_OK(nlhl_nexthop_add(NULL, &g));
	NLT_OK(nlhl_route_add(NULL, &r));
	o = nlt_ip_route1("route show 10.160.0.0/16");
	ck_assert_int_eq(nlt_jint(o, "nhid", -1), 3);
	json_object_put(o);

	NLT_OK(nlhl_route_list_filtered(NULL, AF_INET, &f, NLHL_RT_FILTER_DST, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].nh_id, 3);
	ck_assert_uint_eq(list[0].n_multipath, 2);  /* the kernel shows the group's paths */
	/* A listed nexthop route deletes as it is. */
	NLT_OK(nlhl_route_del(NULL, &list[0]));
	nlhl_route_list_free(list, n);
	ck_assert(nlt_output_is("", "ip route show 10.160.0.0/16"));

	/* A route on a single nexthop, made by ip, reads back. */
	NLT_SH_OK("ip route add 10.161.0.0/16 nhid 1");
	f.dst = nlt_net("10.161.0.0/16");
	NLT_OK(nlhl_route_list_filtered(NULL, AF_INET, &f, NLHL_RT_FILTER_DST, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(list[0].nh_id, 1);
	ck_assert_int_eq(list[0].link_index, nh1.link_index);
	nlhl_route_list_free(list, n);

	/* A missing nexthop: the kernel's words. */
	r.nh_id = 77;
	r.dst = nlt_net("10.162.0.0/16");
	NLT_ERR(nlhl_route_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("Nexthop id does not exist");
	/* nh_id with a gateway is refused before the kernel. */
	r.gw = nlt_ip("10.0.0.2");
	NLT_ERR(nlhl_route_add(NULL, &r), -EINVAL);
	NLT_ERRMSG_HAS("nexthop object");
}
END_TEST

START_TEST(nexthop_parse_untrusted)
{
	struct {
		struct nlmsghdr h;
		struct nhmsg m;
		uint8_t attrs[32];
	} m;
	struct nlhl_nexthop nh;

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = NLMSG_LENGTH(1);
	ck_assert_int_eq(nlhl__nexthop_parse(&m.h, &nh), -EPROTO);
	m.h.nlmsg_len = NLMSG_LENGTH(sizeof(m.m) + 8);
	m.attrs[0] = 250;  /* attribute longer than the message */
	m.attrs[2] = 2;    /* NHA_GROUP */
	ck_assert_int_le(nlhl__nexthop_parse(&m.h, &nh), 0);
	nlhl_nexthop_clear(&nh);
	/* A group of 1.5 entries: only whole entries are read. */
	m.attrs[0] = 4 + 12;
	m.h.nlmsg_len = NLMSG_LENGTH(sizeof(m.m) + 16);
	ck_assert_int_eq(nlhl__nexthop_parse(&m.h, &nh), 0);
	ck_assert_uint_eq(nh.n_group, 1);
	nlhl_nexthop_clear(&nh);
}
END_TEST

NLT_SUITE(nexthop_suite)
static Suite *nexthop_suite(void)
{
	Suite *s = suite_create("nexthop");
	TCase *tc = nlt_tcase(s, "nexthop");

	tcase_add_test(tc, nexthop_add_get_list_del);
	tcase_add_test(tc, route_with_nexthop_object);
	tcase_add_test(tc, nexthop_parse_untrusted);
	return s;
}
