/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What qdiscs, classes and filters share: the tcmsg header, statistics,
 * probabilities and verdicts.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/gen_stats.h>

#include "internal-tc.h"
#include "internal-codec.h"

struct nl_msg *nlhl__tc_msg(int type, int flags, int ifindex, uint32_t handle,
			    uint32_t parent, uint32_t info)
{
	struct tcmsg tcm = {
		.tcm_family = AF_UNSPEC,
		.tcm_ifindex = ifindex,
		.tcm_handle = handle,
		.tcm_parent = parent,
		.tcm_info = info,
	};
	struct nl_msg *msg = nlmsg_alloc_simple(type, flags);

	if (!msg)
		return NULL;
	if (nlmsg_append(msg, &tcm, sizeof(tcm), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct tc_list {
	struct nlhl__vec vec;  /* first: nlhl__vec_reset */
	const struct nlhl__codec *codec;
	bool (*keep)(const void *obj, const void *arg);
	const void *arg;
};

/* Parses into the array's next slot, so a big object is not copied. */
static int tc_list_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct tc_list *l = arg;
	void *slot;
	int r;

	if (nlh->nlmsg_type != l->codec->new_type)
		return 0;
	slot = nlhl__vec_push(&l->vec);
	if (!slot)
		return -ENOMEM;
	r = l->codec->parse(nlh, slot);
	if (r < 0 || (l->keep && !l->keep(slot, l->arg)))
		nlhl__vec_pop(&l->vec);
	return r < 0 ? r : 0;
}

int nlhl__tc_list(nlhl_handle *h, const struct nlhl__codec *c, int ifindex, uint32_t parent,
		  bool (*keep)(const void *obj, const void *arg), const void *arg,
		  const char *op, void *ret, size_t *ret_n)
{
	struct tc_list l = { .vec = { .size = c->obj_size }, .codec = c,
			     .keep = keep, .arg = arg };
	struct nl_msg *msg = nlhl__tc_msg(c->get_type, 0, ifindex, 0, parent, 0);
	int r;

	if (!msg)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	r = nlhl__dump(h, msg, tc_list_cb, nlhl__vec_reset, &l);
	nlmsg_free(msg);
	return nlhl__vec_end(&l.vec, r, op, ret, ret_n);
}

int nlhl__tc_parse_msg(const struct nlmsghdr *nlh, struct tcmsg **tcm, struct nlattr **tb)
{
	if (!nlh || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct tcmsg)))
		return -EBADMSG;
	if (nlhl__parse_msg(tb, TCA_MAX, nlh, sizeof(struct tcmsg)) < 0)
		return -EBADMSG;
	*tcm = nlmsg_data(nlh);
	return 0;
}

void nlhl__tc_parse_stats(struct nlattr *stats2, struct nlattr *stats, struct nlhl_tc_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (stats2) {
		struct nlattr *tb[TCA_STATS_MAX + 1];

		if (nlhl__parse_nested(tb, TCA_STATS_MAX, stats2) < 0)
			return;
		if (tb[TCA_STATS_BASIC]) {
			struct gnet_stats_basic b;

			nlhl__get_struct(tb[TCA_STATS_BASIC], &b, sizeof(b));
			st->bytes = b.bytes;
			st->packets = b.packets;
		}
		if (tb[TCA_STATS_QUEUE]) {
			struct gnet_stats_queue q;

			nlhl__get_struct(tb[TCA_STATS_QUEUE], &q, sizeof(q));
			st->drops = q.drops;
			st->overlimits = q.overlimits;
			st->requeues = q.requeues;
			st->backlog = q.backlog;
			st->qlen = q.qlen;
		}
		if (tb[TCA_STATS_RATE_EST64]) {
			struct gnet_stats_rate_est64 e;

			nlhl__get_struct(tb[TCA_STATS_RATE_EST64], &e, sizeof(e));
			st->bps = e.bps;
			st->pps = e.pps;
		} else if (tb[TCA_STATS_RATE_EST]) {
			struct gnet_stats_rate_est e;

			nlhl__get_struct(tb[TCA_STATS_RATE_EST], &e, sizeof(e));
			st->bps = e.bps;
			st->pps = e.pps;
		}
	} else if (stats) {
		struct tc_stats s;

		nlhl__get_struct(stats, &s, sizeof(s));
		st->bytes = s.bytes;
		st->packets = s.packets;
		st->drops = s.drops;
		st->overlimits = s.overlimits;
		st->backlog = s.backlog;
		st->qlen = s.qlen;
		st->bps = s.bps;
		st->pps = s.pps;
	}
}

uint32_t nlhl__tc_percent(double pct)
{
	/* netem's get_percent(): pct / 100 * UINT32_MAX, rounded */
	double v = pct / 100. * 4294967295.;

	if (v <= 0.)
		return 0;
	if (v >= 4294967295.)
		return UINT32_MAX;
	return (uint32_t)(v + 0.5);
}

double nlhl__tc_from_percent(uint32_t v)
{
	return (double)v * 100. / 4294967295.;
}

int nlhl__tc_verdict_to_kernel(enum nlhl_tc_verdict v, int def)
{
	if (v == NLHL_TC_VERDICT_DEFAULT)
		return def;
	if (v == NLHL_TC_VERDICT_CONTINUE)
		return TC_ACT_UNSPEC;
	return (int)v - 1;
}

enum nlhl_tc_verdict nlhl__tc_verdict_from_kernel(int act)
{
	if (act == TC_ACT_UNSPEC)
		return NLHL_TC_VERDICT_CONTINUE;
	if (act >= TC_ACT_OK && act <= TC_ACT_TRAP)
		return (enum nlhl_tc_verdict)(act + 1);
	return NLHL_TC_VERDICT_DEFAULT;  /* goto chain, jump: not modelled */
}
