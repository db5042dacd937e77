/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* tc handles, rates, sizes and times: text <-> value, and the bad inputs. */
#include "harness-tc.h"

#include <errno.h>
#include <string.h>

START_TEST(handle_parse)
{
	uint32_t h = 0;

	NLT_OK(nlhl_parse_handle("1:10", &h));
	ck_assert_uint_eq(h, 0x00010010);
	NLT_OK(nlhl_parse_handle("1:0", &h));
	ck_assert_uint_eq(h, 0x00010000);
	NLT_OK(nlhl_parse_handle("ffff:fff1", &h));
	ck_assert_uint_eq(h, NLHL_HANDLE_INGRESS);
	NLT_OK(nlhl_parse_handle("ABCD:Ef", &h));
	ck_assert_uint_eq(h, 0xabcd00ef);
	NLT_OK(nlhl_parse_handle("root", &h));
	ck_assert_uint_eq(h, NLHL_HANDLE_ROOT);
	NLT_OK(nlhl_parse_handle("ingress", &h));
	ck_assert_uint_eq(h, 0xfffffff1);
	NLT_OK(nlhl_parse_handle("clsact", &h));
	ck_assert_uint_eq(h, 0xfffffff1);
	NLT_OK(nlhl_parse_handle("none", &h));
	ck_assert_uint_eq(h, 0);
	ck_assert_uint_eq(nlhl_make_handle(1, 0x10), 0x10010);
	{
		uint16_t maj = 0, min = 0;

		nlhl_major_minor(0xabcd0012, &maj, &min);
		ck_assert_uint_eq(maj, 0xabcd);
		ck_assert_uint_eq(min, 0x12);
		nlhl_major_minor(0, NULL, NULL);
	}
}
END_TEST

START_TEST(handle_parse_bad)
{
	static const struct { const char *s, *msg; } bad[] = {
		{ "1:", "minor number missing" },
		{ "x:y", "major number is not hexadecimal" },
		{ "1:y", "minor number is not hexadecimal" },
		{ "10000:", "major number above ffff" },
		{ "10000:0", "major number above ffff" },
		{ "1:10000", "minor number above ffff" },
		{ ":10", "major number missing" },
		{ "", "no ':'" },
		{ "110", "no ':'" },
		{ "1:2:3", "minor number is not hexadecimal" },
		{ " 1:2", "major number is not hexadecimal" },
	};
	uint32_t h = 0x1234;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		NLT_ERR(nlhl_parse_handle(bad[i].s, &h), -EINVAL);
		NLT_ERRMSG_HAS(bad[i].msg);
		NLT_ERRMSG_HAS(bad[i].s);
		ck_assert_uint_eq(h, 0x1234);  /* untouched on failure */
	}
	NLT_ERR(nlhl_parse_handle(NULL, &h), -EINVAL);
	NLT_ERR(nlhl_parse_handle("1:0", NULL), -EINVAL);
}
END_TEST

START_TEST(handle_format)
{
	char buf[NLHL_HANDLE_STRLEN];
	uint32_t h;

	NLT_OK(nlhl_format_handle(0x10010, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "1:10");
	NLT_OK(nlhl_format_handle(0x10000, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "1:0");
	NLT_OK(nlhl_format_handle(NLHL_HANDLE_ROOT, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "root");
	NLT_OK(nlhl_format_handle(NLHL_HANDLE_INGRESS, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "ingress");
	NLT_OK(nlhl_format_handle(0, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "none");
	NLT_OK(nlhl_format_handle(0xfffffff2, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "ffff:fff2");
	/* round trip */
	for (uint32_t v = 1; v < 0xffff0000U; v = v * 7 + 0x10003) {
		NLT_OK(nlhl_format_handle(v, buf, sizeof(buf)));
		NLT_OK(nlhl_parse_handle(buf, &h));
		ck_assert_uint_eq(h, v);
	}
	NLT_ERR(nlhl_format_handle(0xffff0000U, buf, 4), -ENOSPC);
}
END_TEST

START_TEST(units_parse)
{
	uint64_t rate = 0;
	uint32_t v = 0;
	char buf[32];

	NLT_OK(nlhl_parse_rate("10mbit", &rate));
	ck_assert_uint_eq(rate, 1250000);
	NLT_OK(nlhl_parse_rate("10Mbit", &rate));
	ck_assert_uint_eq(rate, 1250000);
	NLT_OK(nlhl_parse_rate("1gbit", &rate));
	ck_assert_uint_eq(rate, 125000000);
	NLT_OK(nlhl_parse_rate("100kbps", &rate));
	ck_assert_uint_eq(rate, 100000);
	NLT_OK(nlhl_parse_rate("1mibit", &rate));
	ck_assert_uint_eq(rate, 131072);
	NLT_OK(nlhl_parse_rate("8000", &rate));  /* bare: bits */
	ck_assert_uint_eq(rate, 1000);
	NLT_OK(nlhl_parse_rate("1.5mbit", &rate));
	ck_assert_uint_eq(rate, 187500);
	NLT_OK(nlhl_parse_rate("100gbit", &rate));  /* above 32 bits */
	ck_assert_uint_eq(rate, 12500000000ULL);

	rate = 7;
	NLT_ERR(nlhl_parse_rate("10mbitx", &rate), -EINVAL);
	NLT_ERRMSG_HAS("unknown unit \"mbitx\"");
	NLT_ERR(nlhl_parse_rate("mbit", &rate), -EINVAL);
	NLT_ERRMSG_HAS("not a number");
	NLT_ERR(nlhl_parse_rate("-1mbit", &rate), -EINVAL);
	NLT_ERR(nlhl_parse_rate("", &rate), -EINVAL);
	ck_assert_uint_eq(rate, 7);

	NLT_OK(nlhl_format_rate(1250000, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "10Mbit");
	NLT_OK(nlhl_format_rate(187500, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "1500Kbit");
	NLT_OK(nlhl_format_rate(125, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "1Kbit");
	NLT_OK(nlhl_format_rate(12500000000ULL, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "100Gbit");

	NLT_OK(nlhl_parse_size("15k", &v));
	ck_assert_uint_eq(v, 15360);
	NLT_OK(nlhl_parse_size("1500", &v));
	ck_assert_uint_eq(v, 1500);
	NLT_OK(nlhl_parse_size("2mb", &v));
	ck_assert_uint_eq(v, 2097152);
	NLT_OK(nlhl_parse_size("8kbit", &v));
	ck_assert_uint_eq(v, 1024);
	NLT_ERR(nlhl_parse_size("15kx", &v), -EINVAL);
	NLT_ERRMSG_HAS("unknown unit \"kx\"");
	NLT_ERR(nlhl_parse_size("5g", &v), -EINVAL);
	NLT_ERRMSG_HAS("larger than 4 GiB");

	NLT_OK(nlhl_parse_time("10ms", &v));
	ck_assert_uint_eq(v, 10000);
	NLT_OK(nlhl_parse_time("1.5ms", &v));
	ck_assert_uint_eq(v, 1500);
	NLT_OK(nlhl_parse_time("2s", &v));
	ck_assert_uint_eq(v, 2000000);
	NLT_OK(nlhl_parse_time("250", &v));
	ck_assert_uint_eq(v, 250);
	NLT_OK(nlhl_parse_time("7usec", &v));
	ck_assert_uint_eq(v, 7);
	NLT_ERR(nlhl_parse_time("10 ms", &v), -EINVAL);
	NLT_ERR(nlhl_parse_time("10min", &v), -EINVAL);
	NLT_ERRMSG_HAS("unknown unit \"min\"");
}
END_TEST

NLT_SUITE(tc_handle_suite)
static Suite *tc_handle_suite(void)
{
	Suite *s = suite_create("tc-handle");
	TCase *tc = nlt_tcase(s, "handle");

	tcase_add_test(tc, handle_parse);
	tcase_add_test(tc, handle_parse_bad);
	tcase_add_test(tc, handle_format);
	tcase_add_test(tc, units_parse);
	return s;
}
