/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Parsers and formatters of addresses, prefixes and MACs. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

START_TEST(parse_ip_v4_v6)
{
	struct nlhl_ip ip;
	char buf[NLHL_IP_STRLEN];

	NLT_OK(nlhl_parse_ip("192.0.2.1", &ip));
	ck_assert_int_eq(ip.family, AF_INET);
	ck_assert_mem_eq(ip.addr, "\xc0\x00\x02\x01", 4);
	NLT_OK(nlhl_format_ip(&ip, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "192.0.2.1");

	NLT_OK(nlhl_parse_ip("2001:DB8::1", &ip));
	ck_assert_int_eq(ip.family, AF_INET6);
	NLT_OK(nlhl_format_ip(&ip, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "2001:db8::1");
}
END_TEST

START_TEST(parse_ipnet_forms)
{
	struct nlhl_ipnet net, m;
	char buf[NLHL_IPNET_STRLEN];

	NLT_OK(nlhl_parse_ipnet("10.1.2.3/16", &net));
	ck_assert_int_eq(net.family, AF_INET);
	ck_assert_int_eq(net.prefixlen, 16);
	NLT_OK(nlhl_format_ipnet(&net, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "10.1.2.3/16");  /* host bits kept */
	NLT_OK(nlhl_ipnet_mask(&net, &m));
	NLT_OK(nlhl_format_ipnet(&m, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "10.1.0.0/16");

	NLT_OK(nlhl_parse_ipnet("10.0.0.1", &net));
	ck_assert_int_eq(net.prefixlen, 32);
	NLT_OK(nlhl_parse_ipnet("0.0.0.0/0", &net));
	ck_assert_int_eq(net.prefixlen, 0);
	NLT_OK(nlhl_parse_ipnet("2001:db8:ffff::1/33", &net));
	NLT_OK(nlhl_ipnet_mask(&net, &m));
	NLT_OK(nlhl_format_ipnet(&m, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "2001:db8:8000::/33");
	NLT_OK(nlhl_parse_ipnet("::/0", &net));
	ck_assert_int_eq(net.family, AF_INET6);
	NLT_OK(nlhl_parse_ipnet("fe80::1/128", &net));
	ck_assert_int_eq(net.prefixlen, 128);
}
END_TEST

static const char *const bad_ipnets[] = {
	"10.0.0/33", "10.0.0.0/33", "1.2.3.4/", "::g", "::1/129", "/24", "",
	"10.0.0.1/-1", "10.0.0.1/+8", "10.0.0.1/ 8", "10.0.0.1/0x8", "10.0.0.1/0008",
	"10.0.0.1/8/8", "256.0.0.1/8", "1.2.3", "1.2.3.4.5", "hello", " 10.0.0.1",
	"10.0.0.1 /8", "2001:db8::1::2/64",
};

START_TEST(parse_ipnet_rejects)
{
	struct nlhl_ipnet net = { .family = 99 };
	const char *s = bad_ipnets[_i];

	NLT_ERR(nlhl_parse_ipnet(s, &net), -EINVAL);
	ck_assert_int_eq(net.family, 99);  /* output untouched on failure */
	NLT_ERRMSG_HAS("parse ipnet");
	ck_assert_msg(strlen(s) == 0 || strstr(nlhl_errmsg(), "\"") != NULL,
		      "message names the input: %s", nlhl_errmsg());
}
END_TEST

START_TEST(parse_ip_rejects)
{
	struct nlhl_ip ip;

	NLT_ERR(nlhl_parse_ip("::g", &ip), -EINVAL);
	NLT_ERRMSG_HAS("::g");
	NLT_ERR(nlhl_parse_ip("10.0.0.1/8", &ip), -EINVAL);
	NLT_ERR(nlhl_parse_ip("", &ip), -EINVAL);
	NLT_ERR(nlhl_parse_ip(NULL, &ip), -EINVAL);
	NLT_ERRMSG_HAS("NULL");
	NLT_ERR(nlhl_parse_ip("10.0.0.1", NULL), -EINVAL);
}
END_TEST

START_TEST(parse_mac_forms)
{
	struct nlhl_hwaddr hw;
	char buf[NLHL_HWADDR_STRLEN];

	NLT_OK(nlhl_parse_mac("02:AB:cd:00:00:01", &hw));
	ck_assert_int_eq(hw.len, 6);
	NLT_OK(nlhl_format_mac(&hw, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "02:ab:cd:00:00:01");
	NLT_OK(nlhl_parse_hwaddr("02-00-00-00-00-02", &hw));
	ck_assert_int_eq(hw.addr[5], 2);
	/* 20-byte InfiniBand address */
	NLT_OK(nlhl_parse_hwaddr("00:00:00:00:fe:80:00:00:00:00:00:00:00:02:c9:03:00:01:02:03", &hw));
	ck_assert_int_eq(hw.len, 20);

	NLT_OK(nlhl_parse_mac("02:00:00:00:00", &hw));  /* any length 1..32 */
	ck_assert_int_eq(hw.len, 5);
	NLT_ERR(nlhl_parse_mac("02:00:00:00:00:0g", &hw), -EINVAL);
	NLT_ERR(nlhl_parse_mac("2:00:00:00:00:01", &hw), -EINVAL);
	NLT_ERR(nlhl_parse_mac("02:00-00:00:00:01", &hw), -EINVAL);
	NLT_ERR(nlhl_parse_mac("02:00:00:00:00:01:", &hw), -EINVAL);
	NLT_ERR(nlhl_parse_mac("", &hw), -EINVAL);
	NLT_ERRMSG_HAS("not a hardware address");
}
END_TEST

START_TEST(format_rejects)
{
	struct nlhl_ip ip = { 0 };
	struct nlhl_ipnet net;
	struct nlhl_hwaddr hw = { 0 };
	char small[4], buf[64];

	NLT_ERR(nlhl_format_ip(&ip, buf, sizeof(buf)), -EINVAL);
	NLT_OK(nlhl_parse_ip("192.0.2.1", &ip));
	NLT_ERR(nlhl_format_ip(&ip, small, sizeof(small)), -ENOSPC);
	NLT_OK(nlhl_parse_ipnet("192.0.2.0/24", &net));
	net.prefixlen = 40;
	NLT_ERR(nlhl_format_ipnet(&net, buf, sizeof(buf)), -EINVAL);
	NLT_ERR(nlhl_format_hwaddr(&hw, buf, sizeof(buf)), -EINVAL);
	NLT_ERR(nlhl_format_hwaddr(NULL, buf, sizeof(buf)), -EINVAL);
}
END_TEST

NLT_SUITE(parse_suite)
static Suite *parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = nlt_tcase(s, "parse");

	tcase_add_test(tc, parse_ip_v4_v6);
	tcase_add_test(tc, parse_ipnet_forms);
	tcase_add_loop_test(tc, parse_ipnet_rejects, 0, (int)(sizeof(bad_ipnets) / sizeof(bad_ipnets[0])));
	tcase_add_test(tc, parse_ip_rejects);
	tcase_add_test(tc, parse_mac_forms);
	tcase_add_test(tc, format_rejects);
	return s;
}
