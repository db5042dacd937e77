/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tc handles ("1:10"), rates ("10mbit"), sizes ("15k"), times ("10ms"), and
 * the tick arithmetic of tc's tc_core.c: the kernel still reads burst and
 * buffer values in "ticks" and wants rate tables computed the way tc does,
 * so these follow iproute2 exactly (including /proc/net/psched).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal-tc.h"

/* ------------------------------------------------------------ handles */

NLHL_API uint32_t nlhl_make_handle(uint16_t major, uint16_t minor)
{
	return ((uint32_t)major << 16) | minor;
}

NLHL_API void nlhl_major_minor(uint32_t handle, uint16_t *major, uint16_t *minor)
{
	if (major)
		*major = handle >> 16;
	if (minor)
		*minor = handle & 0xffff;
}

/* One hex part of a handle: 1 to 4 hex digits. */
static int handle_part(const char *s, size_t len, uint16_t *ret)
{
	unsigned long v = 0;

	if (len == 0)
		return -ENODATA;
	for (size_t i = 0; i < len; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -EINVAL;
		v = v * 16 + (unsigned long)(isdigit((unsigned char)s[i]) ? s[i] - '0'
				 : tolower((unsigned char)s[i]) - 'a' + 10);
		if (v > 0xffff)
			return -ERANGE;
	}
	*ret = (uint16_t)v;
	return 0;
}

NLHL_API int nlhl_parse_handle(const char *s, uint32_t *ret)
{
	static const struct { const char *name; uint32_t h; } names[] = {
		{ "root", NLHL_HANDLE_ROOT }, { "ingress", NLHL_HANDLE_INGRESS },
		{ "clsact", NLHL_HANDLE_CLSACT }, { "none", NLHL_HANDLE_NONE },
	};
	const char *colon;
	uint16_t maj, min;
	int r;

	NLHL_CHECK_PTR(s, "parse handle");
	NLHL_CHECK_PTR(ret, "parse handle");
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i].name)) {
			*ret = names[i].h;
			return 0;
		}
	colon = strchr(s, ':');
	if (!colon)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": no ':' (want MAJ:MIN in hex, e.g. 1:10)", s);
	r = handle_part(s, (size_t)(colon - s), &maj);
	if (r == -ENODATA)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": major number missing", s);
	if (r == -ERANGE)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": major number above ffff", s);
	if (r < 0)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": major number is not hexadecimal", s);
	r = handle_part(colon + 1, strlen(colon + 1), &min);
	if (r == -ENODATA)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": minor number missing (write %.*s:0 for a qdisc)",
				  s, (int)(colon - s), s);
	if (r == -ERANGE)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": minor number above ffff", s);
	if (r < 0)
		return nlhl__fail(-EINVAL, "parse handle \"%s\": minor number is not hexadecimal", s);
	*ret = nlhl_make_handle(maj, min);
	return 0;
}

NLHL_API int nlhl_format_handle(uint32_t handle, char *buf, size_t size)
{
	int n;

	NLHL_CHECK_PTR(buf, "format handle");
	switch (handle) {
	case NLHL_HANDLE_NONE:
		n = snprintf(buf, size, "none");
		break;
	case NLHL_HANDLE_ROOT:
		n = snprintf(buf, size, "root");
		break;
	case NLHL_HANDLE_INGRESS:
		n = snprintf(buf, size, "ingress");
		break;
	default:
		n = snprintf(buf, size, "%x:%x", handle >> 16, handle & 0xffff);
	}
	if (n < 0 || (size_t)n >= size)
		return nlhl__fail(-ENOSPC, "format handle %08x: buffer of %zu bytes too small", handle, size);
	return 0;
}

/* ------------------------------------------------------------ units */

struct unit {
	const char *name;
	double scale;
};

/* Number then unit; the unit must be one of units[] (case-insensitive, as
 * tc) or empty (scale def). */
static int parse_scaled(const char *s, const struct unit *units, size_t n_units,
			double def, double *ret, const char **bad_unit)
{
	char *end;
	double v;

	*bad_unit = NULL;
	if (!*s || isspace((unsigned char)*s) || *s == '-' || *s == '+')
		return -EINVAL;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno || !isfinite(v) || v < 0)
		return -EINVAL;
	if (!*end) {
		*ret = v * def;
		return 0;
	}
	for (size_t i = 0; i < n_units; i++)
		if (!strcasecmp(end, units[i].name)) {
			*ret = v * units[i].scale;
			return 0;
		}
	*bad_unit = end;
	return -EINVAL;
}

/* iproute2's utils.c units for rates (bits/s): SI, IEC, bytes. */
static const struct unit rate_units[] = {
	{ "bit", 1. }, { "kbit", 1000. }, { "mbit", 1e6 }, { "gbit", 1e9 }, { "tbit", 1e12 },
	{ "kibit", 1024. }, { "mibit", 1048576. }, { "gibit", 1073741824. },
	{ "tibit", 1099511627776. },
	{ "bps", 8. }, { "kbps", 8000. }, { "mbps", 8e6 }, { "gbps", 8e9 }, { "tbps", 8e12 },
	{ "kibps", 8192. }, { "mibps", 8388608. }, { "gibps", 8589934592. },
	{ "tibps", 8796093022208. },
};

NLHL_API int nlhl_parse_rate(const char *s, uint64_t *ret_bytes_per_sec)
{
	const char *bad;
	double bits;

	NLHL_CHECK_PTR(s, "parse rate");
	NLHL_CHECK_PTR(ret_bytes_per_sec, "parse rate");
	if (parse_scaled(s, rate_units, NLHL_ARRAY_SIZE(rate_units), 1., &bits, &bad) < 0) {
		if (bad)
			return nlhl__fail(-EINVAL, "parse rate \"%s\": unknown unit \"%s\" (bit, kbit, mbit, gbit, bps, ...)",
					  s, bad);
		return nlhl__fail(-EINVAL, "parse rate \"%s\": not a number followed by a unit", s);
	}
	if (bits / 8. >= 18446744073709551615.)
		return nlhl__fail(-EINVAL, "parse rate \"%s\": too large", s);
	*ret_bytes_per_sec = (uint64_t)(bits / 8.);
	return 0;
}

NLHL_API int nlhl_format_rate(uint64_t bytes_per_sec, char *buf, size_t size)
{
	static const char *units[] = { "", "K", "M", "G", "T" };
	uint64_t bits = bytes_per_sec << 3;
	size_t i;
	int n;

	NLHL_CHECK_PTR(buf, "format rate");
	/* tc's print_rate(): divide while the rest is exact or the number
	 * stays above a million. */
	for (i = 0; i < NLHL_ARRAY_SIZE(units) - 1; i++) {
		if (bits < 1000)
			break;
		if (bits % 1000 != 0 && bits < 1000 * 1000)
			break;
		bits /= 1000;
	}
	n = snprintf(buf, size, "%llu%sbit", (unsigned long long)bits, units[i]);
	if (n < 0 || (size_t)n >= size)
		return nlhl__fail(-ENOSPC, "format rate: buffer of %zu bytes too small", size);
	return 0;
}

static const struct unit size_units[] = {
	{ "b", 1. }, { "k", 1024. }, { "kb", 1024. }, { "m", 1048576. }, { "mb", 1048576. },
	{ "g", 1073741824. }, { "gb", 1073741824. },
	{ "kbit", 128. }, { "mbit", 131072. }, { "gbit", 134217728. },
};

NLHL_API int nlhl_parse_size(const char *s, uint32_t *ret_bytes)
{
	const char *bad;
	double v;

	NLHL_CHECK_PTR(s, "parse size");
	NLHL_CHECK_PTR(ret_bytes, "parse size");
	if (parse_scaled(s, size_units, NLHL_ARRAY_SIZE(size_units), 1., &v, &bad) < 0) {
		if (bad)
			return nlhl__fail(-EINVAL, "parse size \"%s\": unknown unit \"%s\" (b, k, kb, m, mb, g, gb, kbit, ...)",
					  s, bad);
		return nlhl__fail(-EINVAL, "parse size \"%s\": not a number followed by a unit", s);
	}
	if (v > 4294967295.)
		return nlhl__fail(-EINVAL, "parse size \"%s\": larger than 4 GiB", s);
	*ret_bytes = (uint32_t)v;
	return 0;
}

static const struct unit time_units[] = {
	{ "s", 1e6 }, { "sec", 1e6 }, { "secs", 1e6 },
	{ "ms", 1e3 }, { "msec", 1e3 }, { "msecs", 1e3 },
	{ "us", 1. }, { "usec", 1. }, { "usecs", 1. },
};

NLHL_API int nlhl_parse_time(const char *s, uint32_t *ret_usec)
{
	const char *bad;
	double v;

	NLHL_CHECK_PTR(s, "parse time");
	NLHL_CHECK_PTR(ret_usec, "parse time");
	if (parse_scaled(s, time_units, NLHL_ARRAY_SIZE(time_units), 1., &v, &bad) < 0) {
		if (bad)
			return nlhl__fail(-EINVAL, "parse time \"%s\": unknown unit \"%s\" (s, ms, us)", s, bad);
		return nlhl__fail(-EINVAL, "parse time \"%s\": not a number followed by a unit", s);
	}
	if (v > 4294967295.)
		return nlhl__fail(-EINVAL, "parse time \"%s\": longer than %u us", s, UINT32_MAX);
	*ret_usec = (uint32_t)v;
	return 0;
}

/* ------------------------------------------------------------ ticks */

/* iproute2 tc_core.c: tick_in_usec and clock_factor from /proc/net/psched
 * (read once per process, like tc; the fallback is the kernel's constant
 * answer since 2.6.x: 1000 ns per us, 64 ns per tick, 1 MHz clock). */
static double tick_in_usec = 1000. / 64.;
static double clock_factor = 1.;
static unsigned int psched_hz = 1000000000U;
static pthread_once_t psched_once = PTHREAD_ONCE_INIT;

static void psched_init(void)
{
	unsigned int t2us, us2t, clock_res, hz;
	FILE *f = fopen("/proc/net/psched", "re");

	if (!f)
		return;
	if (fscanf(f, "%08x%08x%08x%08x", &t2us, &us2t, &clock_res, &hz) == 4 &&
	    us2t && clock_res) {
		if (clock_res == 1000000000U)
			t2us = us2t;
		clock_factor = (double)clock_res / 1e6;
		tick_in_usec = (double)t2us / us2t * clock_factor;
		/* iproute2's get_hz(): the 4th field when the 3rd is 1 MHz */
		if (clock_res == 1000000U && hz)
			psched_hz = hz;
	}
	fclose(f);
}

static void psched(void)
{
	pthread_once(&psched_once, psched_init);
}

unsigned int nlhl__tc_hz(void)
{
	psched();
	return psched_hz;
}

uint32_t nlhl__tc_time2tick(uint32_t usec)
{
	double t;

	psched();
	t = usec * tick_in_usec;
	return t >= 4294967295. ? UINT32_MAX : (uint32_t)t;
}

uint32_t nlhl__tc_tick2time(uint32_t tick)
{
	psched();
	return (uint32_t)(tick / tick_in_usec);
}

/* tc_calc_xmittime(): tc truncates the time to whole microseconds before
 * converting to ticks; so do we, to send the same numbers. */
uint32_t nlhl__tc_xmittime(uint64_t rate, uint32_t size)
{
	double us;

	if (!rate)
		return 0;
	us = 1e6 * ((double)size / (double)rate);
	if (us >= 4294967295.)
		us = 4294967295.;
	return nlhl__tc_time2tick((uint32_t)us);
}

/* tc_calc_xmitsize(), with tc's truncations. */
uint32_t nlhl__tc_xmitsize(uint64_t rate, uint32_t ticks)
{
	double sz = (double)rate * nlhl__tc_tick2time(ticks) / 1e6;

	return sz >= 4294967295. ? UINT32_MAX : (uint32_t)sz;
}

int nlhl__tc_calc_rtable(struct tc_ratespec *r, uint32_t rtab[256], int cell_log,
			 unsigned int mtu, uint64_t rate)
{
	if (mtu == 0)
		mtu = 2047;
	if (cell_log < 0) {
		cell_log = 0;
		while ((mtu >> cell_log) > 255)
			cell_log++;
	}
	for (unsigned int i = 0; i < 256; i++) {
		unsigned int sz = (i + 1) << cell_log;

		if (sz < r->mpu)
			sz = r->mpu;
		rtab[i] = nlhl__tc_xmittime(rate, sz);
	}
	r->cell_align = -1;
	r->cell_log = (unsigned char)cell_log;
	r->linklayer = TC_LINKLAYER_ETHERNET;
	return cell_log;
}

void nlhl__tc_ratespec(struct tc_ratespec *r, uint64_t rate)
{
	r->rate = rate >= (1ULL << 32) ? UINT32_MAX : (uint32_t)rate;
}
