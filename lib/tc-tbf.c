/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tbf: token bucket.  The kernel still takes the bucket as a time in ticks
 * plus tc's rate tables; we send exactly what `tc qdisc add ... tbf rate R
 * burst B limit L|latency T [peakrate P mtu M]` sends (iproute2 q_tbf.c).
 */
#include <string.h>

#include "internal-tc.h"

static int tbf_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_tbf *t = &q->tbf;
	struct tc_tbf_qopt opt;
	uint32_t rtab[256], ptab[256], burst = t->burst, mtu = t->mtu;
	struct nlattr *nest;

	memset(&opt, 0, sizeof(opt));
	if (!t->rate)
		return nlhl__fail(-EINVAL, "%s: tbf needs a rate", op);
	if (!t->burst)
		return nlhl__fail(-EINVAL, "%s: tbf needs a burst", op);
	if (!t->limit && !t->latency_us)
		return nlhl__fail(-EINVAL, "%s: tbf needs a limit or a latency", op);
	if (t->peakrate && !t->mtu)
		return nlhl__fail(-EINVAL, "%s: tbf peakrate needs mtu (minburst)", op);
	nlhl__tc_ratespec(&opt.rate, t->rate);
	nlhl__tc_ratespec(&opt.peakrate, t->peakrate);
	opt.limit = t->limit;
	if (!opt.limit) {
		double lim = (double)t->rate * t->latency_us / 1e6 + burst;

		if (t->peakrate) {
			double lim2 = (double)t->peakrate * t->latency_us / 1e6 + mtu;

			if (lim2 < lim)
				lim = lim2;
		}
		opt.limit = lim >= 4294967295. ? UINT32_MAX : (uint32_t)lim;
	}
	nlhl__tc_calc_rtable(&opt.rate, rtab, -1, mtu, t->rate);
	opt.buffer = nlhl__tc_xmittime(t->rate, burst);
	if (t->peakrate) {
		nlhl__tc_calc_rtable(&opt.peakrate, ptab, -1, mtu, t->peakrate);
		opt.mtu = nlhl__tc_xmittime(t->peakrate, mtu);
	}
	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest || nla_put(msg, TCA_TBF_PARMS, sizeof(opt), &opt) < 0 ||
	    nla_put_u32(msg, TCA_TBF_BURST, burst) < 0 ||
	    (t->rate >= (1ULL << 32) && nla_put_u64(msg, TCA_TBF_RATE64, t->rate) < 0) ||
	    nla_put(msg, TCA_TBF_RTAB, sizeof(rtab), rtab) < 0)
		goto nomem;
	if (t->peakrate &&
	    ((t->peakrate >= (1ULL << 32) && nla_put_u64(msg, TCA_TBF_PRATE64, t->peakrate) < 0) ||
	     nla_put_u32(msg, TCA_TBF_PBURST, mtu) < 0 ||
	     nla_put(msg, TCA_TBF_PTAB, sizeof(ptab), ptab) < 0))
		goto nomem;
	nla_nest_end(msg, nest);
	return 0;
nomem:
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

static int tbf_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_TBF_MAX + 1];
	struct tc_tbf_qopt opt;
	struct nlhl_tbf *t = &q->tbf;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_TBF_MAX, opts) < 0)
		return -EBADMSG;
	nlhl__get_struct(tb[TCA_TBF_PARMS], &opt, sizeof(opt));
	t->rate = opt.rate.rate;
	if (tb[TCA_TBF_RATE64] && nla_len(tb[TCA_TBF_RATE64]) >= 8)
		t->rate = nlhl__get_u64(tb[TCA_TBF_RATE64]);
	t->peakrate = opt.peakrate.rate;
	if (tb[TCA_TBF_PRATE64] && nla_len(tb[TCA_TBF_PRATE64]) >= 8)
		t->peakrate = nlhl__get_u64(tb[TCA_TBF_PRATE64]);
	t->limit = opt.limit;
	t->burst = nlhl__tc_xmitsize(t->rate, opt.buffer);
	if (t->peakrate)
		t->mtu = nlhl__tc_xmitsize(t->peakrate, opt.mtu);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__tbf_ops = { NLHL_QDISC_TBF, "tbf", tbf_put, tbf_parse };
