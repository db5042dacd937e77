/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Options of the simpler qdisc kinds: pfifo, bfifo, prio, pfifo_fast, htb,
 * hfsc, sfq, fq, fq_codel, codel, cake, and the option-less ingress,
 * clsact and mq.  Each put mirrors what tc(8) sends for the same command
 * line; each parse reads what the kernel dumps.
 */
#include <string.h>

#include "internal-tc.h"

static int nomem(const char *op)
{
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

static bool power_of_two(uint32_t v)
{
	return v && !(v & (v - 1));
}

/* ------------------------------------------------------------ fifo */

static int fifo_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct tc_fifo_qopt opt = { .limit = q->fifo.limit };

	if (!q->fifo.limit)
		return 0;  /* tc sends nothing: the kernel derives it from txqueuelen */
	return nla_put(msg, TCA_OPTIONS, sizeof(opt), &opt) < 0 ? nomem(op) : 0;
}

static int fifo_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct tc_fifo_qopt opt;

	nlhl__get_struct(opts, &opt, sizeof(opt));
	q->fifo.limit = opt.limit;
	return 0;
}

const struct nlhl__qdisc_ops nlhl__fifo_ops[2] = {
	{ NLHL_QDISC_PFIFO, "pfifo", fifo_put, fifo_parse },
	{ NLHL_QDISC_BFIFO, "bfifo", fifo_put, fifo_parse },
};

/* ------------------------------------------------------------ prio */

static const uint8_t default_priomap[16] = { 1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1 };

static int prio_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct tc_prio_qopt opt = { .bands = 3 };

	if (q->type == NLHL_QDISC_PFIFO_FAST)
		return 0;  /* takes no options */
	memcpy(opt.priomap, default_priomap, sizeof(opt.priomap));
	if (q->prio.bands) {
		if (q->prio.bands < TCQ_MIN_PRIO_BANDS || q->prio.bands > TCQ_PRIO_BANDS)
			return nlhl__fail(-EINVAL, "%s: prio bands %u out of range %d..%d", op,
					  q->prio.bands, TCQ_MIN_PRIO_BANDS, TCQ_PRIO_BANDS);
		opt.bands = (int)q->prio.bands;
		memcpy(opt.priomap, q->prio.priomap, sizeof(opt.priomap));
		for (int i = 0; i < 16; i++)
			if (opt.priomap[i] >= opt.bands)
				return nlhl__fail(-EINVAL, "%s: priomap[%d] = %u is not a band below %d",
						  op, i, opt.priomap[i], opt.bands);
	}
	return nla_put(msg, TCA_OPTIONS, sizeof(opt), &opt) < 0 ? nomem(op) : 0;
}

static int prio_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct tc_prio_qopt opt;

	nlhl__get_struct(opts, &opt, sizeof(opt));
	q->prio.bands = opt.bands > 0 ? (uint32_t)opt.bands : 0;
	memcpy(q->prio.priomap, opt.priomap, sizeof(opt.priomap));
	return 0;
}

const struct nlhl__qdisc_ops nlhl__prio_ops[2] = {
	{ NLHL_QDISC_PRIO, "prio", prio_put, prio_parse },
	{ NLHL_QDISC_PFIFO_FAST, "pfifo_fast", prio_put, prio_parse },
};

/* ------------------------------------------------------------ htb */

static int htb_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct tc_htb_glob glob = {
		.version = 3,
		.rate2quantum = q->htb.r2q ? q->htb.r2q : 10,
		.defcls = q->htb.defcls,
	};
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);

	if (!nest || nla_put(msg, TCA_HTB_INIT, sizeof(glob), &glob) < 0)
		return nomem(op);
	if (q->htb.direct_qlen && nla_put_u32(msg, TCA_HTB_DIRECT_QLEN, q->htb.direct_qlen) < 0)
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int htb_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_HTB_MAX + 1];
	struct tc_htb_glob glob;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_HTB_MAX, opts) < 0)
		return -EBADMSG;
	nlhl__get_struct(tb[TCA_HTB_INIT], &glob, sizeof(glob));
	q->htb.defcls = glob.defcls;
	q->htb.r2q = glob.rate2quantum;
	q->htb.version = glob.version;
	if (tb[TCA_HTB_DIRECT_QLEN] && nla_len(tb[TCA_HTB_DIRECT_QLEN]) >= 4)
		q->htb.direct_qlen = nlhl__get_u32(tb[TCA_HTB_DIRECT_QLEN]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__htb_ops = { NLHL_QDISC_HTB, "htb", htb_put, htb_parse };

/* ------------------------------------------------------------ hfsc */

static int hfsc_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct tc_hfsc_qopt opt = { .defcls = q->hfsc.defcls };

	return nla_put(msg, TCA_OPTIONS, sizeof(opt), &opt) < 0 ? nomem(op) : 0;
}

static int hfsc_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct tc_hfsc_qopt opt;

	nlhl__get_struct(opts, &opt, sizeof(opt));
	q->hfsc.defcls = opt.defcls;
	return 0;
}

const struct nlhl__qdisc_ops nlhl__hfsc_ops = { NLHL_QDISC_HFSC, "hfsc", hfsc_put, hfsc_parse };

/* ------------------------------------------------------------ sfq */

static int sfq_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct tc_sfq_qopt_v1 opt;

	memset(&opt, 0, sizeof(opt));
	if (q->sfq.divisor && (!power_of_two(q->sfq.divisor) || q->sfq.divisor > 65536))
		return nlhl__fail(-EINVAL, "%s: sfq divisor %u is not a power of two up to 65536",
				  op, q->sfq.divisor);
	opt.v0.quantum = q->sfq.quantum;
	opt.v0.perturb_period = (int)q->sfq.perturb_sec;
	opt.v0.limit = q->sfq.limit;
	opt.v0.divisor = q->sfq.divisor;
	opt.v0.flows = q->sfq.flows;
	opt.depth = q->sfq.depth;
	return nla_put(msg, TCA_OPTIONS, sizeof(opt), &opt) < 0 ? nomem(op) : 0;
}

static int sfq_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct tc_sfq_qopt_v1 opt;

	nlhl__get_struct(opts, &opt, sizeof(opt));
	q->sfq.quantum = opt.v0.quantum;
	q->sfq.perturb_sec = opt.v0.perturb_period > 0 ? (uint32_t)opt.v0.perturb_period : 0;
	q->sfq.limit = opt.v0.limit;
	q->sfq.divisor = opt.v0.divisor;
	q->sfq.flows = opt.v0.flows;
	q->sfq.depth = opt.depth;
	return 0;
}

const struct nlhl__qdisc_ops nlhl__sfq_ops = { NLHL_QDISC_SFQ, "sfq", sfq_put, sfq_parse };

/* ------------------------------------------------------------ nested u32s */

/* Puts u32 attributes that are non-zero. */
static int put_u32s(struct nl_msg *msg, const int *types, const uint32_t *vals, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (vals[i] && nla_put_u32(msg, types[i], vals[i]) < 0)
			return -EMSGSIZE;
	return 0;
}

static int put_flag(struct nl_msg *msg, int type, enum nlhl_tc_flag f)
{
	if (f == NLHL_TC_DEFAULT)
		return 0;
	return nla_put_u32(msg, type, f == NLHL_TC_ON ? 1 : 0) < 0 ? -EMSGSIZE : 0;
}

static enum nlhl_tc_flag get_flag(struct nlattr *a)
{
	if (!a || nla_len(a) < 4)
		return NLHL_TC_DEFAULT;
	return nlhl__get_u32(a) ? NLHL_TC_ON : NLHL_TC_OFF;
}

/* ------------------------------------------------------------ fq */

static int fq_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_fq *f = &q->fq;
	const int types[] = { TCA_FQ_PLIMIT, TCA_FQ_FLOW_PLIMIT, TCA_FQ_QUANTUM,
			      TCA_FQ_INITIAL_QUANTUM, TCA_FQ_CE_THRESHOLD };
	const uint32_t vals[] = { f->plimit, f->flow_plimit, f->quantum, f->initial_quantum,
				  f->ce_threshold_us };
	struct nlattr *nest;
	uint32_t log = 0;

	if (f->buckets) {
		if (!power_of_two(f->buckets))
			return nlhl__fail(-EINVAL, "%s: fq buckets %u is not a power of two", op, f->buckets);
		while ((1U << log) < f->buckets)
			log++;
	}
	if (f->maxrate >= UINT32_MAX)
		return nlhl__fail(-EINVAL, "%s: fq maxrate %llu bytes/s does not fit 32 bits", op,
				  (unsigned long long)f->maxrate);
	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest || put_u32s(msg, types, vals, NLHL_ARRAY_SIZE(types)) < 0 ||
	    (f->buckets && nla_put_u32(msg, TCA_FQ_BUCKETS_LOG, log) < 0) ||
	    (f->maxrate && nla_put_u32(msg, TCA_FQ_FLOW_MAX_RATE, (uint32_t)f->maxrate) < 0) ||
	    put_flag(msg, TCA_FQ_RATE_ENABLE, f->pacing) < 0)
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int fq_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_FQ_MAX + 1];
	uint32_t v;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_FQ_MAX, opts) < 0)
		return -EBADMSG;
	q->fq.plimit = nlhl__get_u32(tb[TCA_FQ_PLIMIT]);
	q->fq.flow_plimit = nlhl__get_u32(tb[TCA_FQ_FLOW_PLIMIT]);
	q->fq.quantum = nlhl__get_u32(tb[TCA_FQ_QUANTUM]);
	q->fq.initial_quantum = nlhl__get_u32(tb[TCA_FQ_INITIAL_QUANTUM]);
	v = nlhl__get_u32(tb[TCA_FQ_FLOW_MAX_RATE]);
	q->fq.maxrate = v == UINT32_MAX ? 0 : v;
	v = nlhl__get_u32(tb[TCA_FQ_BUCKETS_LOG]);
	q->fq.buckets = v < 32 && tb[TCA_FQ_BUCKETS_LOG] ? 1U << v : 0;
	v = nlhl__get_u32(tb[TCA_FQ_CE_THRESHOLD]);
	q->fq.ce_threshold_us = v == UINT32_MAX ? 0 : v;
	q->fq.pacing = get_flag(tb[TCA_FQ_RATE_ENABLE]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__fq_ops = { NLHL_QDISC_FQ, "fq", fq_put, fq_parse };

/* ------------------------------------------------------------ fq_codel */

static int fq_codel_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_fq_codel *f = &q->fq_codel;
	const int types[] = { TCA_FQ_CODEL_LIMIT, TCA_FQ_CODEL_FLOWS, TCA_FQ_CODEL_QUANTUM,
			      TCA_FQ_CODEL_TARGET, TCA_FQ_CODEL_INTERVAL,
			      TCA_FQ_CODEL_CE_THRESHOLD, TCA_FQ_CODEL_MEMORY_LIMIT,
			      TCA_FQ_CODEL_DROP_BATCH_SIZE };
	const uint32_t vals[] = { f->limit, f->flows, f->quantum, f->target_us, f->interval_us,
				  f->ce_threshold_us, f->memory_limit, f->drop_batch_size };
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);

	if (!nest || put_u32s(msg, types, vals, NLHL_ARRAY_SIZE(types)) < 0 ||
	    put_flag(msg, TCA_FQ_CODEL_ECN, f->ecn) < 0)
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int fq_codel_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_FQ_CODEL_MAX + 1];
	struct nlhl_fq_codel *f = &q->fq_codel;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_FQ_CODEL_MAX, opts) < 0)
		return -EBADMSG;
	f->limit = nlhl__get_u32(tb[TCA_FQ_CODEL_LIMIT]);
	f->flows = nlhl__get_u32(tb[TCA_FQ_CODEL_FLOWS]);
	f->quantum = nlhl__get_u32(tb[TCA_FQ_CODEL_QUANTUM]);
	f->target_us = nlhl__get_u32(tb[TCA_FQ_CODEL_TARGET]);
	f->interval_us = nlhl__get_u32(tb[TCA_FQ_CODEL_INTERVAL]);
	f->ce_threshold_us = nlhl__get_u32(tb[TCA_FQ_CODEL_CE_THRESHOLD]);
	f->memory_limit = nlhl__get_u32(tb[TCA_FQ_CODEL_MEMORY_LIMIT]);
	f->drop_batch_size = nlhl__get_u32(tb[TCA_FQ_CODEL_DROP_BATCH_SIZE]);
	f->ecn = get_flag(tb[TCA_FQ_CODEL_ECN]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__fq_codel_ops = {
	NLHL_QDISC_FQ_CODEL, "fq_codel", fq_codel_put, fq_codel_parse
};

/* ------------------------------------------------------------ codel */

static int codel_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	const struct nlhl_codel *c = &q->codel;
	const int types[] = { TCA_CODEL_LIMIT, TCA_CODEL_TARGET, TCA_CODEL_INTERVAL,
			      TCA_CODEL_CE_THRESHOLD };
	const uint32_t vals[] = { c->limit, c->target_us, c->interval_us, c->ce_threshold_us };
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);

	if (!nest || put_u32s(msg, types, vals, NLHL_ARRAY_SIZE(types)) < 0 ||
	    put_flag(msg, TCA_CODEL_ECN, c->ecn) < 0)
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int codel_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_CODEL_MAX + 1];
	struct nlhl_codel *c = &q->codel;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_CODEL_MAX, opts) < 0)
		return -EBADMSG;
	c->limit = nlhl__get_u32(tb[TCA_CODEL_LIMIT]);
	c->target_us = nlhl__get_u32(tb[TCA_CODEL_TARGET]);
	c->interval_us = nlhl__get_u32(tb[TCA_CODEL_INTERVAL]);
	c->ce_threshold_us = nlhl__get_u32(tb[TCA_CODEL_CE_THRESHOLD]);
	c->ecn = get_flag(tb[TCA_CODEL_ECN]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__codel_ops = { NLHL_QDISC_CODEL, "codel", codel_put, codel_parse };

/* ------------------------------------------------------------ cake */

static int cake_put(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op)
{
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);

	if (!nest ||
	    (q->cake.bandwidth && nla_put_u64(msg, TCA_CAKE_BASE_RATE64, q->cake.bandwidth) < 0) ||
	    (q->cake.rtt_us && nla_put_u32(msg, TCA_CAKE_RTT, q->cake.rtt_us) < 0))
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int cake_parse(const struct nlattr *opts, struct nlhl_qdisc *q)
{
	struct nlattr *tb[TCA_CAKE_MAX + 1];

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_CAKE_MAX, opts) < 0)
		return -EBADMSG;
	if (tb[TCA_CAKE_BASE_RATE64] && nla_len(tb[TCA_CAKE_BASE_RATE64]) >= 8)
		q->cake.bandwidth = nlhl__get_u64(tb[TCA_CAKE_BASE_RATE64]);
	q->cake.rtt_us = nlhl__get_u32(tb[TCA_CAKE_RTT]);
	return 0;
}

const struct nlhl__qdisc_ops nlhl__cake_ops = { NLHL_QDISC_CAKE, "cake", cake_put, cake_parse };

/* ------------------------------------------------------------ no options */

const struct nlhl__qdisc_ops nlhl__noopt_ops[3] = {
	{ NLHL_QDISC_INGRESS, "ingress", NULL, NULL },
	{ NLHL_QDISC_CLSACT, "clsact", NULL, NULL },
	{ NLHL_QDISC_MQ, "mq", NULL, NULL },
};
