/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * netem: delay, jitter, loss, duplication, corruption, reordering, rate.
 * Its TCA_OPTIONS is not a plain nest: a struct tc_netem_qopt comes first,
 * then attributes (iproute2 q_netem.c), so it is laid out by hand.
 */
#include <string.h>

#include "internal-tc.h"

static int check_pct(double v, const char *what, const char *op)
{
	if (!(v >= 0. && v <= 100.))
		return nlhl__fail(-EINVAL, "%s: netem %s %g is not a percentage 0..100", op, what, v);
	return 0;
}

static int netem_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_netem *n = &q->netem;
	const struct { double v; const char *what; } pcts[] = {
		{ n->delay_corr, "delay correlation" }, { n->loss, "loss" },
		{ n->loss_corr, "loss correlation" }, { n->duplicate, "duplicate" },
		{ n->duplicate_corr, "duplicate correlation" }, { n->corrupt, "corrupt" },
		{ n->corrupt_corr, "corrupt correlation" }, { n->reorder, "reorder" },
		{ n->reorder_corr, "reorder correlation" },
	};
	struct tc_netem_qopt opt = {
		.latency = nlhl__tc_time2tick(n->latency_us),
		.jitter = nlhl__tc_time2tick(n->jitter_us),
		.limit = n->limit ? n->limit : 1000,
		.loss = nlhl__tc_percent(n->loss),
		.gap = n->gap,
		.duplicate = nlhl__tc_percent(n->duplicate),
	};
	struct tc_netem_corr corr = {
		.delay_corr = nlhl__tc_percent(n->delay_corr),
		.loss_corr = nlhl__tc_percent(n->loss_corr),
		.dup_corr = nlhl__tc_percent(n->duplicate_corr),
	};
	struct tc_netem_reorder reorder = {
		.probability = nlhl__tc_percent(n->reorder),
		.correlation = nlhl__tc_percent(n->reorder_corr),
	};
	struct tc_netem_corrupt corrupt = {
		.probability = nlhl__tc_percent(n->corrupt),
		.correlation = nlhl__tc_percent(n->corrupt_corr),
	};
	struct tc_netem_rate rate = { .rate = n->rate >= (1ULL << 32) ? UINT32_MAX : (uint32_t)n->rate };
	struct nlmsghdr *hdr = nlmsg_hdr(msg);
	struct nlattr *start;

	for (size_t i = 0; i < NLHL_ARRAY_SIZE(pcts); i++)
		if (check_pct(pcts[i].v, pcts[i].what, op) < 0)
			return -EINVAL;
	if (reorder.probability) {
		if (!n->latency_us)
			return nlhl__fail(-EINVAL, "%s: netem reorder needs a latency", op);
		if (!opt.gap)
			opt.gap = 1;  /* as tc */
	} else if (n->gap) {
		return nlhl__fail(-EINVAL, "%s: netem gap needs reorder", op);
	}
	if (n->jitter_us && !n->latency_us)
		return nlhl__fail(-EINVAL, "%s: netem jitter needs a latency", op);

	start = nlmsg_tail(hdr);
	if (nla_put(msg, TCA_OPTIONS, 0, NULL) < 0 ||
	    nlmsg_append(msg, &opt, sizeof(opt), NLMSG_ALIGNTO) < 0)
		goto nomem;
	if ((corr.delay_corr || corr.loss_corr || corr.dup_corr) &&
	    nla_put(msg, TCA_NETEM_CORR, sizeof(corr), &corr) < 0)
		goto nomem;
	if (reorder.probability && nla_put(msg, TCA_NETEM_REORDER, sizeof(reorder), &reorder) < 0)
		goto nomem;
	if (corrupt.probability && nla_put(msg, TCA_NETEM_CORRUPT, sizeof(corrupt), &corrupt) < 0)
		goto nomem;
	if (n->rate >= (1ULL << 32) && nla_put_u64(msg, TCA_NETEM_RATE64, n->rate) < 0)
		goto nomem;
	if (n->rate && nla_put(msg, TCA_NETEM_RATE, sizeof(rate), &rate) < 0)
		goto nomem;
	/* exact nanoseconds beside the tick values (kernel >= 4.15) */
	if (n->latency_us && nla_put_s64(msg, TCA_NETEM_LATENCY64, (int64_t)n->latency_us * 1000) < 0)
		goto nomem;
	if (n->jitter_us && nla_put_s64(msg, TCA_NETEM_JITTER64, (int64_t)n->jitter_us * 1000) < 0)
		goto nomem;
	start->nla_len = (uint16_t)((char *)nlmsg_tail(hdr) - (char *)start);
	return 0;
nomem:
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

static int netem_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlhl_netem *n = &q->netem;
	struct nlattr *tb[TCA_NETEM_MAX + 1];
	struct tc_netem_qopt opt;
	int len;

	if (!opts)
		return 0;
	nlhl__get_struct(opts, &opt, sizeof(opt));
	memset(tb, 0, sizeof(tb));
	/* the attributes follow struct tc_netem_qopt inside TCA_OPTIONS */
	len = nla_len(opts) - NLA_ALIGN((int)sizeof(opt));
	if (len > 0 &&
	    nlhl__parse_attrs(tb, TCA_NETEM_MAX, (char *)nla_data(opts) + NLA_ALIGN(sizeof(opt)),
			      len) < 0)
		return -EBADMSG;
	n->latency_us = nlhl__tc_tick2time(opt.latency);
	n->jitter_us = nlhl__tc_tick2time(opt.jitter);
	if (tb[TCA_NETEM_LATENCY64] && nla_len(tb[TCA_NETEM_LATENCY64]) >= 8)
		n->latency_us = (uint32_t)((int64_t)nlhl__get_u64(tb[TCA_NETEM_LATENCY64]) / 1000);
	if (tb[TCA_NETEM_JITTER64] && nla_len(tb[TCA_NETEM_JITTER64]) >= 8)
		n->jitter_us = (uint32_t)((int64_t)nlhl__get_u64(tb[TCA_NETEM_JITTER64]) / 1000);
	n->limit = opt.limit;
	n->loss = nlhl__tc_from_percent(opt.loss);
	n->gap = opt.gap;
	n->duplicate = nlhl__tc_from_percent(opt.duplicate);
	if (tb[TCA_NETEM_CORR]) {
		struct tc_netem_corr c;

		nlhl__get_struct(tb[TCA_NETEM_CORR], &c, sizeof(c));
		n->delay_corr = nlhl__tc_from_percent(c.delay_corr);
		n->loss_corr = nlhl__tc_from_percent(c.loss_corr);
		n->duplicate_corr = nlhl__tc_from_percent(c.dup_corr);
	}
	if (tb[TCA_NETEM_REORDER]) {
		struct tc_netem_reorder r;

		nlhl__get_struct(tb[TCA_NETEM_REORDER], &r, sizeof(r));
		n->reorder = nlhl__tc_from_percent(r.probability);
		n->reorder_corr = nlhl__tc_from_percent(r.correlation);
	}
	if (tb[TCA_NETEM_CORRUPT]) {
		struct tc_netem_corrupt c;

		nlhl__get_struct(tb[TCA_NETEM_CORRUPT], &c, sizeof(c));
		n->corrupt = nlhl__tc_from_percent(c.probability);
		n->corrupt_corr = nlhl__tc_from_percent(c.correlation);
	}
	if (tb[TCA_NETEM_RATE]) {
		struct tc_netem_rate r;

		nlhl__get_struct(tb[TCA_NETEM_RATE], &r, sizeof(r));
		n->rate = r.rate;
	}
	if (tb[TCA_NETEM_RATE64] && nla_len(tb[TCA_NETEM_RATE64]) >= 8)
		n->rate = nlhl__get_u64(tb[TCA_NETEM_RATE64]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__netem_ops = { NLHL_QDISC_NETEM, "netem", netem_put, netem_parse };
