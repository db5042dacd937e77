/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Actions attached to filters: gact, mirred, skbedit, vlan, police, nat.
 * The layout is the kernel's: a nest (TCA_U32_ACT, ...) of numbered nests,
 * each with TCA_ACT_KIND and TCA_ACT_OPTIONS; defaults are tc's (m_*.c).
 */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_ether.h>
#include <linux/tc_act/tc_gact.h>
#include <linux/tc_act/tc_mirred.h>
#include <linux/tc_act/tc_skbedit.h>
#include <linux/tc_act/tc_vlan.h>
#include <linux/tc_act/tc_nat.h>

#include "internal-tc.h"

static const char *const action_kinds[] = {
	[NLHL_ACTION_GACT] = "gact", [NLHL_ACTION_MIRRED] = "mirred",
	[NLHL_ACTION_SKBEDIT] = "skbedit", [NLHL_ACTION_VLAN] = "vlan",
	[NLHL_ACTION_POLICE] = "police", [NLHL_ACTION_NAT] = "nat",
};

static int nomem(const char *op)
{
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

static int put_gact(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	struct tc_gact p = { .index = a->index,
			     .action = nlhl__tc_verdict_to_kernel(a->verdict, TC_ACT_OK) };

	return nla_put(msg, TCA_GACT_PARMS, sizeof(p), &p) < 0 ? nomem(op) : 0;
}

static int put_mirred(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	static const int eactions[] = { [NLHL_MIRRED_EGRESS_REDIRECT] = TCA_EGRESS_REDIR,
					[NLHL_MIRRED_EGRESS_MIRROR] = TCA_EGRESS_MIRROR,
					[NLHL_MIRRED_INGRESS_REDIRECT] = TCA_INGRESS_REDIR,
					[NLHL_MIRRED_INGRESS_MIRROR] = TCA_INGRESS_MIRROR };
	enum nlhl_mirred_op mop = a->mirred.op ? a->mirred.op : NLHL_MIRRED_EGRESS_REDIRECT;
	struct tc_mirred p = { .index = a->index };
	bool redirect;

	if ((int)mop < 1 || mop > NLHL_MIRRED_INGRESS_MIRROR)
		return nlhl__fail(-EINVAL, "%s: mirred op %d unknown", op, (int)mop);
	if (a->mirred.ifindex <= 0)
		return nlhl__fail(-EINVAL, "%s: mirred needs the target ifindex", op);
	redirect = mop == NLHL_MIRRED_EGRESS_REDIRECT || mop == NLHL_MIRRED_INGRESS_REDIRECT;
	p.eaction = eactions[mop];
	p.ifindex = (uint32_t)a->mirred.ifindex;
	p.action = nlhl__tc_verdict_to_kernel(a->verdict, redirect ? TC_ACT_STOLEN : TC_ACT_PIPE);
	return nla_put(msg, TCA_MIRRED_PARMS, sizeof(p), &p) < 0 ? nomem(op) : 0;
}

static int put_skbedit(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	const struct nlhl_skbedit *s = &a->skbedit;
	struct tc_skbedit p = { .index = a->index,
				.action = nlhl__tc_verdict_to_kernel(a->verdict, TC_ACT_PIPE) };

	if (!s->has_priority && !s->has_mark && !s->has_queue_mapping && !s->has_ptype)
		return nlhl__fail(-EINVAL, "%s: skbedit sets nothing (no has_* flag)", op);
	if (nla_put(msg, TCA_SKBEDIT_PARMS, sizeof(p), &p) < 0 ||
	    (s->has_priority && nla_put_u32(msg, TCA_SKBEDIT_PRIORITY, s->priority) < 0) ||
	    (s->has_queue_mapping && nla_put_u16(msg, TCA_SKBEDIT_QUEUE_MAPPING, s->queue_mapping) < 0) ||
	    (s->has_mark && nla_put_u32(msg, TCA_SKBEDIT_MARK, s->mark) < 0) ||
	    (s->has_mark && s->mark_mask && nla_put_u32(msg, TCA_SKBEDIT_MASK, s->mark_mask) < 0) ||
	    (s->has_ptype && nla_put_u16(msg, TCA_SKBEDIT_PTYPE, s->ptype) < 0))
		return nomem(op);
	return 0;
}

static int put_vlan(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	const struct nlhl_vlan_act *v = &a->vlan;
	struct tc_vlan p = { .index = a->index,
			     .action = nlhl__tc_verdict_to_kernel(a->verdict, TC_ACT_PIPE) };

	switch (v->op) {
	case NLHL_VLAN_POP:
		p.v_action = TCA_VLAN_ACT_POP;
		break;
	case NLHL_VLAN_PUSH:
		p.v_action = TCA_VLAN_ACT_PUSH;
		break;
	case NLHL_VLAN_MODIFY:
		p.v_action = TCA_VLAN_ACT_MODIFY;
		break;
	default:
		return nlhl__fail(-EINVAL, "%s: vlan op %d unknown (pop, push, modify)", op, (int)v->op);
	}
	if (v->op != NLHL_VLAN_POP && (v->id == 0 || v->id >= 4095))
		return nlhl__fail(-EINVAL, "%s: vlan id %u out of range 1..4094", op, v->id);
	if (v->prio > 7)
		return nlhl__fail(-EINVAL, "%s: vlan priority %u out of range 0..7", op, v->prio);
	if (nla_put(msg, TCA_VLAN_PARMS, sizeof(p), &p) < 0)
		return nomem(op);
	if (v->op != NLHL_VLAN_POP &&
	    (nla_put_u16(msg, TCA_VLAN_PUSH_VLAN_ID, v->id) < 0 ||
	     /* the protocol is big endian on the wire (docs/design.md trap 9) */
	     nla_put_u16(msg, TCA_VLAN_PUSH_VLAN_PROTOCOL, htons(v->proto ? v->proto : ETH_P_8021Q)) < 0 ||
	     nla_put_u8(msg, TCA_VLAN_PUSH_VLAN_PRIORITY, v->prio) < 0))
		return nomem(op);
	return 0;
}

static int put_police(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	const struct nlhl_police *pol = &a->police;
	uint32_t rtab[256], ptab[256];
	struct tc_police p;

	if (!pol->rate)
		return nlhl__fail(-EINVAL, "%s: police needs a rate", op);
	if (!pol->burst)
		return nlhl__fail(-EINVAL, "%s: police needs a burst", op);
	if (pol->peakrate && !pol->mtu)
		return nlhl__fail(-EINVAL, "%s: police peakrate needs mtu", op);
	memset(&p, 0, sizeof(p));
	p.index = a->index;
	p.action = nlhl__tc_verdict_to_kernel(pol->exceed, TC_ACT_RECLASSIFY);
	nlhl__tc_ratespec(&p.rate, pol->rate);
	nlhl__tc_calc_rtable(&p.rate, rtab, -1, pol->mtu, pol->rate);
	p.burst = nlhl__tc_xmittime(pol->rate, pol->burst);
	p.mtu = pol->mtu;
	if (pol->peakrate) {
		nlhl__tc_ratespec(&p.peakrate, pol->peakrate);
		nlhl__tc_calc_rtable(&p.peakrate, ptab, -1, pol->mtu, pol->peakrate);
	}
	if ((pol->rate >= (1ULL << 32) && nla_put_u64(msg, TCA_POLICE_RATE64, pol->rate) < 0) ||
	    nla_put(msg, TCA_POLICE_TBF, sizeof(p), &p) < 0 ||
	    nla_put(msg, TCA_POLICE_RATE, sizeof(rtab), rtab) < 0 ||
	    (pol->peakrate && nla_put(msg, TCA_POLICE_PEAKRATE, sizeof(ptab), ptab) < 0) ||
	    (pol->peakrate >= (1ULL << 32) && nla_put_u64(msg, TCA_POLICE_PEAKRATE64, pol->peakrate) < 0) ||
	    (pol->conform && nla_put_u32(msg, TCA_POLICE_RESULT,
					  (uint32_t)nlhl__tc_verdict_to_kernel(pol->conform, TC_ACT_OK)) < 0))
		return nomem(op);
	return 0;
}

static int put_nat(struct nl_msg *msg, const struct nlhl_action *a, const char *op)
{
	const struct nlhl_nat *n = &a->nat;
	struct tc_nat p = { .index = a->index,
			    .action = nlhl__tc_verdict_to_kernel(a->verdict, TC_ACT_OK) };

	if (n->old_addr.family != AF_INET || n->new_addr.family != AF_INET)
		return nlhl__fail(-EINVAL, "%s: nat needs IPv4 old and new addresses", op);
	if (n->old_addr.prefixlen > 32)
		return nlhl__fail(-EINVAL, "%s: nat prefix /%u too long", op, n->old_addr.prefixlen);
	memcpy(&p.old_addr, n->old_addr.addr, 4);
	memcpy(&p.new_addr, n->new_addr.addr, 4);
	p.mask = n->old_addr.prefixlen ? htonl(~0U << (32 - n->old_addr.prefixlen)) : 0;
	p.flags = n->egress ? TCA_NAT_FLAG_EGRESS : 0;
	return nla_put(msg, TCA_NAT_PARMS, sizeof(p), &p) < 0 ? nomem(op) : 0;
}

static int put_action(struct nl_msg *msg, int order, const struct nlhl_action *a, const char *op)
{
	const char *kind;
	struct nlattr *nest, *opts;
	int r;

	if ((int)a->type <= NLHL_ACTION_UNKNOWN || a->type > NLHL_ACTION_NAT) {
		if (a->kind[0])
			return nlhl__fail(-EINVAL, "%s: action %d: unsupported action kind \"%.16s\"",
					  op, order, a->kind);
		return nlhl__fail(-EINVAL, "%s: action %d: no action type", op, order);
	}
	kind = action_kinds[a->type];
	if (a->kind[0] && strncmp(a->kind, kind, sizeof(a->kind)))
		return nlhl__fail(-EINVAL, "%s: action %d: kind \"%.16s\" does not match the type's \"%s\"",
				  op, order, a->kind, kind);
	nest = nla_nest_start(msg, order);
	if (!nest || nla_put_string(msg, TCA_ACT_KIND, kind) < 0)
		return nomem(op);
	opts = nla_nest_start(msg, TCA_ACT_OPTIONS);
	if (!opts)
		return nomem(op);
	switch (a->type) {
	case NLHL_ACTION_GACT:
		r = put_gact(msg, a, op);
		break;
	case NLHL_ACTION_MIRRED:
		r = put_mirred(msg, a, op);
		break;
	case NLHL_ACTION_SKBEDIT:
		r = put_skbedit(msg, a, op);
		break;
	case NLHL_ACTION_VLAN:
		r = put_vlan(msg, a, op);
		break;
	case NLHL_ACTION_POLICE:
		r = put_police(msg, a, op);
		break;
	default:
		r = put_nat(msg, a, op);
		break;
	}
	if (r < 0)
		return r;
	nla_nest_end(msg, opts);
	nla_nest_end(msg, nest);
	return 0;
}

int nlhl__actions_put(struct nl_msg *msg, int attrtype, const struct nlhl_action *acts,
		      size_t n, const char *op)
{
	struct nlattr *nest;

	if (!n)
		return 0;
	if (n > NLHL_TC_MAX_ACTIONS)
		return nlhl__fail(-EINVAL, "%s: %zu actions, at most %d", op, n, NLHL_TC_MAX_ACTIONS);
	nest = nla_nest_start(msg, attrtype);
	if (!nest)
		return nomem(op);
	for (size_t i = 0; i < n; i++) {
		int r = put_action(msg, (int)i + 1, &acts[i], op);

		if (r < 0)
			return r;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* ------------------------------------------------------------ parse */

static int parse_options(struct nlhl_action *a, struct nlattr *opts)
{
	struct nlattr *tb[32];  /* every TCA_<kind>_MAX is below 32 */

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, 31, opts) < 0)
		return -EBADMSG;
	switch (a->type) {
	case NLHL_ACTION_GACT: {
		struct tc_gact p;

		nlhl__get_struct(tb[TCA_GACT_PARMS], &p, sizeof(p));
		a->index = p.index;
		a->verdict = nlhl__tc_verdict_from_kernel(p.action);
		break;
	}
	case NLHL_ACTION_MIRRED: {
		struct tc_mirred p;

		nlhl__get_struct(tb[TCA_MIRRED_PARMS], &p, sizeof(p));
		a->index = p.index;
		a->verdict = nlhl__tc_verdict_from_kernel(p.action);
		a->mirred.ifindex = (int)p.ifindex;
		a->mirred.op = p.eaction == TCA_EGRESS_REDIR ? NLHL_MIRRED_EGRESS_REDIRECT
			     : p.eaction == TCA_EGRESS_MIRROR ? NLHL_MIRRED_EGRESS_MIRROR
			     : p.eaction == TCA_INGRESS_REDIR ? NLHL_MIRRED_INGRESS_REDIRECT
			     : p.eaction == TCA_INGRESS_MIRROR ? NLHL_MIRRED_INGRESS_MIRROR
			     : (enum nlhl_mirred_op)0;
		break;
	}
	case NLHL_ACTION_SKBEDIT: {
		struct nlhl_skbedit *s = &a->skbedit;
		struct tc_skbedit p;

		nlhl__get_struct(tb[TCA_SKBEDIT_PARMS], &p, sizeof(p));
		a->index = p.index;
		a->verdict = nlhl__tc_verdict_from_kernel(p.action);
		s->has_priority = tb[TCA_SKBEDIT_PRIORITY] != NULL;
		s->priority = nlhl__get_u32(tb[TCA_SKBEDIT_PRIORITY]);
		s->has_mark = tb[TCA_SKBEDIT_MARK] != NULL;
		s->mark = nlhl__get_u32(tb[TCA_SKBEDIT_MARK]);
		s->mark_mask = nlhl__get_u32(tb[TCA_SKBEDIT_MASK]);
		s->has_queue_mapping = tb[TCA_SKBEDIT_QUEUE_MAPPING] != NULL;
		s->queue_mapping = nlhl__get_u16(tb[TCA_SKBEDIT_QUEUE_MAPPING]);
		s->has_ptype = tb[TCA_SKBEDIT_PTYPE] != NULL;
		s->ptype = nlhl__get_u16(tb[TCA_SKBEDIT_PTYPE]);
		break;
	}
	case NLHL_ACTION_VLAN: {
		struct tc_vlan p;

		nlhl__get_struct(tb[TCA_VLAN_PARMS], &p, sizeof(p));
		a->index = p.index;
		a->verdict = nlhl__tc_verdict_from_kernel(p.action);
		a->vlan.op = p.v_action == TCA_VLAN_ACT_POP ? NLHL_VLAN_POP
			   : p.v_action == TCA_VLAN_ACT_PUSH ? NLHL_VLAN_PUSH
			   : p.v_action == TCA_VLAN_ACT_MODIFY ? NLHL_VLAN_MODIFY
			   : (enum nlhl_vlan_op)0;
		a->vlan.id = nlhl__get_u16(tb[TCA_VLAN_PUSH_VLAN_ID]);
		a->vlan.proto = ntohs(nlhl__get_u16(tb[TCA_VLAN_PUSH_VLAN_PROTOCOL]));
		if (tb[TCA_VLAN_PUSH_VLAN_PRIORITY] && nla_len(tb[TCA_VLAN_PUSH_VLAN_PRIORITY]) >= 1)
			a->vlan.prio = nlhl__get_u8(tb[TCA_VLAN_PUSH_VLAN_PRIORITY]);
		break;
	}
	case NLHL_ACTION_POLICE: {
		struct nlhl_police *pol = &a->police;
		struct tc_police p;

		nlhl__get_struct(tb[TCA_POLICE_TBF], &p, sizeof(p));
		a->index = p.index;
		pol->rate = p.rate.rate;
		if (tb[TCA_POLICE_RATE64] && nla_len(tb[TCA_POLICE_RATE64]) >= 8)
			pol->rate = nlhl__get_u64(tb[TCA_POLICE_RATE64]);
		pol->peakrate = p.peakrate.rate;
		if (tb[TCA_POLICE_PEAKRATE64] && nla_len(tb[TCA_POLICE_PEAKRATE64]) >= 8)
			pol->peakrate = nlhl__get_u64(tb[TCA_POLICE_PEAKRATE64]);
		pol->burst = nlhl__tc_xmitsize(pol->rate, p.burst);
		pol->mtu = p.mtu;
		pol->exceed = nlhl__tc_verdict_from_kernel(p.action);
		pol->conform = nlhl__tc_verdict_from_kernel((int)nlhl__get_u32(tb[TCA_POLICE_RESULT]));
		break;
	}
	case NLHL_ACTION_NAT: {
		struct tc_nat p;
		uint32_t mask;
		int len = 0;

		nlhl__get_struct(tb[TCA_NAT_PARMS], &p, sizeof(p));
		a->index = p.index;
		a->verdict = nlhl__tc_verdict_from_kernel(p.action);
		a->nat.old_addr.family = AF_INET;
		memcpy(a->nat.old_addr.addr, &p.old_addr, 4);
		for (mask = ntohl(p.mask); mask & 0x80000000U; mask <<= 1)
			len++;
		a->nat.old_addr.prefixlen = (uint8_t)len;
		a->nat.new_addr.family = AF_INET;
		memcpy(a->nat.new_addr.addr, &p.new_addr, 4);
		a->nat.egress = p.flags & TCA_NAT_FLAG_EGRESS;
		break;
	}
	default:
		break;
	}
	return 0;
}

int nlhl__actions_parse(const struct nlattr *nest, struct nlhl_action *acts, size_t max, size_t *n)
{
	struct nlattr *tb[TCA_ACT_MAX_PRIO + 1];
	size_t got = 0;

	*n = 0;
	if (!nest)
		return 0;
	if (nlhl__parse_nested(tb, TCA_ACT_MAX_PRIO, nest) < 0)
		return -EBADMSG;
	for (int i = 1; i <= TCA_ACT_MAX_PRIO && got < max; i++) {
		struct nlattr *at[TCA_ACT_MAX + 1];
		struct nlhl_action *a;
		int r;

		if (!tb[i])
			continue;
		if (nlhl__parse_nested(at, TCA_ACT_MAX, tb[i]) < 0)
			return -EBADMSG;
		a = &acts[got++];
		memset(a, 0, sizeof(*a));
		if (at[TCA_ACT_KIND])
			nla_strlcpy(a->kind, at[TCA_ACT_KIND], sizeof(a->kind));
		for (size_t k = 1; k < NLHL_ARRAY_SIZE(action_kinds); k++)
			if (!strcmp(a->kind, action_kinds[k]))
				a->type = (enum nlhl_action_type)k;
		if (at[TCA_ACT_INDEX])
			a->index = nlhl__get_u32(at[TCA_ACT_INDEX]);
		nlhl__tc_parse_stats(at[TCA_ACT_STATS], NULL, &a->stats);
		r = parse_options(a, at[TCA_ACT_OPTIONS]);
		if (r < 0)
			return r;
	}
	*n = got;
	return 0;
}
