/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * red: Random Early Detection.  The kernel wants tc's precomputed Wlog,
 * Plog, Scell_log and idle-damping table; this is iproute2's tc_red.c and
 * q_red.c arithmetic (defaults from Sally Floyd's recommendations, as tc).
 */
#include <string.h>

#include "internal-tc.h"

/* Without libm: x^n by squaring, and -ln(1 - x) by its series (x <= 1/2
 * here, so 60 terms are far beyond double precision). */
static double powi(double x, uint32_t n)
{
	double r = 1.;

	for (; n; n >>= 1, x *= x)
		if (n & 1)
			r *= x;
	return r;
}

static double neg_log1m(double x)
{
	double sum = 0., term = 1.;

	for (int k = 1; k <= 60; k++) {
		term *= x;
		sum += term / k;
	}
	return sum;
}

static int red_eval_P(uint32_t qmin, uint32_t qmax, double prob)
{
	int i;

	if (qmax == qmin)
		return 0;
	if (qmax < qmin)
		return -1;
	prob /= qmax - qmin;
	for (i = 0; i < 32; i++) {
		if (prob > 1.0)
			break;
		prob *= 2;
	}
	return i >= 32 ? -1 : i;
}

static int red_eval_ewma(uint32_t qmin, uint32_t burst, uint32_t avpkt)
{
	double W = 0.5, a = (double)burst + 1 - (double)qmin / avpkt;

	if (a < 1.0)
		return -1;
	for (int wlog = 1; wlog < 32; wlog++, W /= 2)
		if (a <= (1 - powi(1 - W, burst)) / W)
			return wlog;
	return -1;
}

static int red_eval_idle_damping(int wlog, uint32_t avpkt, uint64_t bps, uint8_t sbuf[256])
{
	double xmp_time = nlhl__tc_xmittime(bps, avpkt);
	double lW, maxtime;
	int clog;

	if (xmp_time <= 0)
		return -1;
	lW = neg_log1m(1.0 / (1 << wlog)) / xmp_time;
	maxtime = 31 / lW;
	for (clog = 0; clog < 32; clog++)
		if (maxtime / (double)(1ULL << clog) < 512)
			break;
	if (clog >= 32)
		return -1;
	sbuf[0] = 0;
	for (int i = 1; i < 255; i++) {
		double v = (double)((uint64_t)i << clog) * lW;

		sbuf[i] = v > 31 ? 31 : (uint8_t)v;
	}
	sbuf[255] = 31;
	return clog;
}

static int red_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_red *r = &q->red;
	double prob = r->probability ? r->probability : 0.02;
	uint64_t rate = r->bandwidth ? r->bandwidth : 1250000;  /* tc: 10Mbit */
	struct tc_red_qopt opt;
	uint8_t sbuf[256];
	uint32_t burst = r->burst, max_P;
	struct nlattr *nest;
	int parm;

	memset(&opt, 0, sizeof(opt));
	if (!r->limit || !r->avpkt)
		return nlhl__fail(-EINVAL, "%s: red needs limit and avpkt", op);
	if (!(prob > 0. && prob <= 1.))
		return nlhl__fail(-EINVAL, "%s: red probability %g is not in (0, 1]", op, prob);
	opt.limit = r->limit;
	opt.qth_max = r->max ? r->max : (r->min ? r->min * 3 : r->limit / 4);
	opt.qth_min = r->min ? r->min : opt.qth_max / 3;
	if (opt.qth_min >= opt.qth_max)
		return nlhl__fail(-EINVAL, "%s: red min %u is not below max %u", op, opt.qth_min, opt.qth_max);
	if (!burst)
		burst = (2 * opt.qth_min + opt.qth_max) / (3 * r->avpkt);
	parm = red_eval_ewma(opt.qth_min, burst, r->avpkt);
	if (parm < 0)
		return nlhl__fail(-EINVAL, "%s: red burst %u too small (try %u)", op, burst,
				  1 + opt.qth_min / r->avpkt);
	opt.Wlog = (unsigned char)parm;
	parm = red_eval_P(opt.qth_min, opt.qth_max, prob);
	if (parm < 0)
		return nlhl__fail(-EINVAL, "%s: red probability %g out of range", op, prob);
	opt.Plog = (unsigned char)parm;
	parm = red_eval_idle_damping(opt.Wlog, r->avpkt, rate, sbuf);
	if (parm < 0)
		return nlhl__fail(-EINVAL, "%s: red bandwidth or avpkt out of range", op);
	opt.Scell_log = (unsigned char)parm;
	if (r->ecn)
		opt.flags |= TC_RED_ECN;
	if (r->harddrop)
		opt.flags |= TC_RED_HARDDROP;
	if (r->adaptive)
		opt.flags |= TC_RED_ADAPTATIVE;
	max_P = prob * 4294967296. >= 4294967295. ? UINT32_MAX : (uint32_t)(prob * 4294967296.);
	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest || nla_put(msg, TCA_RED_PARMS, sizeof(opt), &opt) < 0 ||
	    nla_put(msg, TCA_RED_STAB, sizeof(sbuf), sbuf) < 0 ||
	    nla_put_u32(msg, TCA_RED_MAX_P, max_P) < 0)
		return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
	nla_nest_end(msg, nest);
	return 0;
}

/* The kernel keeps limit, min, max, the flags and max_P; avpkt, burst and
 * bandwidth were only inputs of the arithmetic and read back as zero. */
static int red_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_RED_MAX + 1];
	struct tc_red_qopt opt;
	struct nlhl_red *r = &q->red;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_RED_MAX, opts) < 0)
		return -EBADMSG;
	nlhl__get_struct(tb[TCA_RED_PARMS], &opt, sizeof(opt));
	r->limit = opt.limit;
	r->min = opt.qth_min;
	r->max = opt.qth_max;
	r->ecn = opt.flags & TC_RED_ECN;
	r->harddrop = opt.flags & TC_RED_HARDDROP;
	r->adaptive = opt.flags & TC_RED_ADAPTATIVE;
	if (tb[TCA_RED_MAX_P] && nla_len(tb[TCA_RED_MAX_P]) >= 4)
		r->probability = nlhl__get_u32(tb[TCA_RED_MAX_P]) / 4294967296.;
	return 0;
}

const struct nlhl__qdisc_ops nlhl__red_ops = { NLHL_QDISC_RED, "red", red_put, red_parse };
