/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Classes: tc class add/replace/change/del/show for htb and hfsc.  htb
 * wants tc's rate tables and bucket sizes in ticks (iproute2 q_htb.c
 * htb_parse_class_opt); hfsc takes its three service curves as they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal-tc.h"
#include "internal-codec.h"

/* Other classful kinds whose classes are sent without options. */
static const char *const plain_class_kinds[] = { "drr", "qfq", "ets" };

static int nomem(const char *op)
{
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

/* ------------------------------------------------------------ htb */

#define HTB_MTU 1600  /* tc's assumed Ethernet packet size */

static int htb_class_put(struct nl_msg *msg, const struct nlhl_htb_class *c, const char *op)
{
	uint64_t rate = c->rate, ceil = c->ceil ? c->ceil : c->rate;
	uint32_t rtab[256], ctab[256], buffer = c->burst, cbuffer = c->cburst;
	struct tc_htb_opt opt;
	struct nlattr *nest;

	if (!rate)
		return nlhl__fail(-EINVAL, "%s: htb class needs a rate", op);
	if (ceil < rate)
		return nlhl__fail(-EINVAL, "%s: htb ceil %llu is below rate %llu bytes/s", op,
				  (unsigned long long)ceil, (unsigned long long)rate);
	memset(&opt, 0, sizeof(opt));
	nlhl__tc_ratespec(&opt.rate, rate);
	nlhl__tc_ratespec(&opt.ceil, ceil);
	/* tc: the smallest bucket that still holds one packet at HZ */
	if (!buffer)
		buffer = (uint32_t)(rate / nlhl__tc_hz() + HTB_MTU);
	if (!cbuffer)
		cbuffer = (uint32_t)(ceil / nlhl__tc_hz() + HTB_MTU);
	nlhl__tc_calc_rtable(&opt.rate, rtab, -1, HTB_MTU, opt.rate.rate);
	opt.buffer = nlhl__tc_xmittime(rate, buffer);
	nlhl__tc_calc_rtable(&opt.ceil, ctab, -1, HTB_MTU, opt.ceil.rate);
	opt.cbuffer = nlhl__tc_xmittime(ceil, cbuffer);
	opt.prio = c->prio;
	opt.quantum = c->quantum;

	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest ||
	    (rate >= (1ULL << 32) && nla_put_u64(msg, TCA_HTB_RATE64, rate) < 0) ||
	    (ceil >= (1ULL << 32) && nla_put_u64(msg, TCA_HTB_CEIL64, ceil) < 0) ||
	    nla_put(msg, TCA_HTB_PARMS, sizeof(opt), &opt) < 0 ||
	    nla_put(msg, TCA_HTB_RTAB, sizeof(rtab), rtab) < 0 ||
	    nla_put(msg, TCA_HTB_CTAB, sizeof(ctab), ctab) < 0)
		return nomem(op);
	nla_nest_end(msg, nest);
	return 0;
}

static int htb_class_parse(const struct nlattr *opts, struct nlhl_htb_class *c)
{
	struct nlattr *tb[TCA_HTB_MAX + 1];
	struct tc_htb_opt opt;

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_HTB_MAX, opts) < 0)
		return -EBADMSG;
	nlhl__get_struct(tb[TCA_HTB_PARMS], &opt, sizeof(opt));
	c->rate = opt.rate.rate;
	c->ceil = opt.ceil.rate;
	if (tb[TCA_HTB_RATE64] && nla_len(tb[TCA_HTB_RATE64]) >= 8)
		c->rate = nlhl__get_u64(tb[TCA_HTB_RATE64]);
	if (tb[TCA_HTB_CEIL64] && nla_len(tb[TCA_HTB_CEIL64]) >= 8)
		c->ceil = nlhl__get_u64(tb[TCA_HTB_CEIL64]);
	c->burst = nlhl__tc_xmitsize(c->rate, opt.buffer);
	c->cburst = nlhl__tc_xmitsize(c->ceil, opt.cbuffer);
	c->prio = opt.prio;
	c->quantum = opt.quantum;
	c->level = opt.level;
	return 0;
}

/* ------------------------------------------------------------ hfsc */

static bool curve_set(const struct nlhl_hfsc_curve *c)
{
	return c->m1 || c->d_us || c->m2;
}

static int put_curve(struct nl_msg *msg, int type, const struct nlhl_hfsc_curve *c,
		     const char *name, const char *op)
{
	struct tc_service_curve sc = { .d = c->d_us };

	if (!curve_set(c))
		return 0;
	if (c->m1 > UINT32_MAX || c->m2 > UINT32_MAX)
		return nlhl__fail(-EINVAL, "%s: hfsc %s slope above 2^32 bytes/s", op, name);
	sc.m1 = (uint32_t)c->m1;
	sc.m2 = (uint32_t)c->m2;
	return nla_put(msg, type, sizeof(sc), &sc) < 0 ? nomem(op) : 0;
}

static int hfsc_class_put(struct nl_msg *msg, const struct nlhl_hfsc_class *c, const char *op)
{
	struct nlattr *nest;
	int r;

	if (!curve_set(&c->rsc) && !curve_set(&c->fsc) && !curve_set(&c->usc))
		return nlhl__fail(-EINVAL, "%s: hfsc class needs a service curve (rsc, fsc or usc)", op);
	if (curve_set(&c->usc) && !curve_set(&c->fsc))
		return nlhl__fail(-EINVAL, "%s: hfsc upper-limit curve (usc) needs a link-sharing curve (fsc)", op);
	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest)
		return nomem(op);
	if ((r = put_curve(msg, TCA_HFSC_RSC, &c->rsc, "rsc", op)) < 0 ||
	    (r = put_curve(msg, TCA_HFSC_FSC, &c->fsc, "fsc", op)) < 0 ||
	    (r = put_curve(msg, TCA_HFSC_USC, &c->usc, "usc", op)) < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static void get_curve(struct nlattr *a, struct nlhl_hfsc_curve *c)
{
	struct tc_service_curve sc;

	if (!a)
		return;
	nlhl__get_struct(a, &sc, sizeof(sc));
	c->m1 = sc.m1;
	c->d_us = sc.d;
	c->m2 = sc.m2;
}

static int hfsc_class_parse(const struct nlattr *opts, struct nlhl_hfsc_class *c)
{
	struct nlattr *tb[TCA_HFSC_MAX + 1];

	if (!opts)
		return 0;
	if (nlhl__parse_nested(tb, TCA_HFSC_MAX, opts) < 0)
		return -EBADMSG;
	get_curve(tb[TCA_HFSC_RSC], &c->rsc);
	get_curve(tb[TCA_HFSC_FSC], &c->fsc);
	get_curve(tb[TCA_HFSC_USC], &c->usc);
	return 0;
}

/* ------------------------------------------------------------ message */

static const char *class_kind(const struct nlhl_class *c, const char *op, int *err)
{
	static const char *const kinds[] = { [NLHL_CLASS_HTB] = "htb", [NLHL_CLASS_HFSC] = "hfsc" };
	size_t len = strnlen(c->kind, sizeof(c->kind));

	*err = 0;
	if (len == sizeof(c->kind)) {
		*err = nlhl__fail(-EINVAL, "%s: kind is not NUL-terminated", op);
		return NULL;
	}
	if (c->type == NLHL_CLASS_HTB || c->type == NLHL_CLASS_HFSC) {
		if (len && strcmp(c->kind, kinds[c->type])) {
			*err = nlhl__fail(-EINVAL, "%s: kind \"%s\" does not match the type's kind \"%s\"",
					  op, c->kind, kinds[c->type]);
			return NULL;
		}
		return kinds[c->type];
	}
	if (c->type != NLHL_CLASS_UNKNOWN) {
		*err = nlhl__fail(-EINVAL, "%s: unknown class type %d", op, (int)c->type);
		return NULL;
	}
	if (!len) {
		*err = nlhl__fail(-EINVAL, "%s: neither type nor kind set", op);
		return NULL;
	}
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(plain_class_kinds); i++)
		if (!strcmp(c->kind, plain_class_kinds[i]))
			return plain_class_kinds[i];
	*err = nlhl__fail(-EINVAL, "%s: unknown class kind \"%s\"", op, c->kind);
	return NULL;
}

int nlhl__class_build(const struct nlhl_class *c, int type, int nlflags, const char *op,
		      struct nl_msg **ret)
{
	const char *kind = NULL;
	struct nl_msg *msg;
	uint32_t parent;
	int r = 0;

	if (c->attrs.link_index <= 0)
		return nlhl__fail(-EINVAL, "%s: link_index %d is not a link", op, c->attrs.link_index);
	if (!(c->attrs.handle & 0xffff) || (c->attrs.handle >> 16) == 0 ||
	    c->attrs.handle >= NLHL_HANDLE_INGRESS)
		return nlhl__fail(-EINVAL, "%s: class id %x:%x is not MAJ:MIN with both non-zero",
				  op, c->attrs.handle >> 16, c->attrs.handle & 0xffff);
	parent = c->attrs.parent ? c->attrs.parent : (c->attrs.handle & 0xffff0000U);
	if (parent != NLHL_HANDLE_ROOT && (parent >> 16) != (c->attrs.handle >> 16))
		return nlhl__fail(-EINVAL, "%s: parent %x:%x is not of the class's qdisc %x:0", op,
				  parent >> 16, parent & 0xffff, c->attrs.handle >> 16);
	if (type == RTM_NEWTCLASS || c->type != NLHL_CLASS_UNKNOWN || c->kind[0]) {
		kind = class_kind(c, op, &r);
		if (!kind)
			return r;
	}
	msg = nlhl__tc_msg(type, nlflags, c->attrs.link_index, c->attrs.handle, parent, 0);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	if (kind && nla_put_string(msg, TCA_KIND, kind) < 0) {
		nlmsg_free(msg);
		return nomem(op);
	}
	if (type == RTM_NEWTCLASS) {
		if (c->type == NLHL_CLASS_HTB || (kind && !strcmp(kind, "htb")))
			r = htb_class_put(msg, &c->htb, op);
		else if (c->type == NLHL_CLASS_HFSC || (kind && !strcmp(kind, "hfsc")))
			r = hfsc_class_put(msg, &c->hfsc, op);
		if (r < 0) {
			nlmsg_free(msg);
			return r;
		}
	}
	*ret = msg;
	return 0;
}

int nlhl__class_parse(const struct nlmsghdr *nlh, struct nlhl_class *ret)
{
	struct nlattr *tb[TCA_MAX + 1];
	struct tcmsg *tcm;
	int r;

	memset(ret, 0, sizeof(*ret));
	r = nlhl__tc_parse_msg(nlh, &tcm, tb);
	if (r < 0)
		return r;
	ret->attrs.link_index = tcm->tcm_ifindex;
	ret->attrs.handle = tcm->tcm_handle;
	ret->attrs.parent = tcm->tcm_parent;
	ret->attrs.leaf = tcm->tcm_info;
	if (tb[TCA_KIND])
		nla_strlcpy(ret->kind, tb[TCA_KIND], sizeof(ret->kind));
	nlhl__tc_parse_stats(tb[TCA_STATS2], tb[TCA_STATS], &ret->stats);
	if (!strcmp(ret->kind, "htb")) {
		ret->type = NLHL_CLASS_HTB;
		return htb_class_parse(tb[TCA_OPTIONS], &ret->htb);
	}
	if (!strcmp(ret->kind, "hfsc")) {
		ret->type = NLHL_CLASS_HFSC;
		return hfsc_class_parse(tb[TCA_OPTIONS], &ret->hfsc);
	}
	return 0;
}

/* ------------------------------------------------------------ API */

/* After the kernel refused a class with a bare EINVAL: is its qdisc one
 * without classes?  Then say so (kernels before ~6.x send no extended ACK
 * for it).  Writes the qdisc's kind into kind or returns false. */
static bool parent_classless(nlhl_handle *h, const struct nlhl_class *c, char kind[NLHL_TC_KIND_LEN])
{
	static const char *const classless[] = {
		"pfifo", "bfifo", "pfifo_fast", "pfifo_head_drop", "sfq", "fq", "fq_codel",
		"codel", "noqueue", "ingress", "clsact", "cake", "pie", "fq_pie", "choke",
		"hhf", "plug", "skbprio", "red", "gred", "sfb",
	};
	struct nlhl_qdisc *list = NULL;
	size_t n = 0;
	bool ret = false;

	if (nlhl_qdisc_list_by_index(h, c->attrs.link_index, &list, &n) < 0)
		return false;
	for (size_t i = 0; i < n && !ret; i++) {
		if ((list[i].attrs.handle >> 16) != (c->attrs.handle >> 16))
			continue;
		for (size_t k = 0; k < NLHL_ARRAY_SIZE(classless); k++)
			if (!strcmp(list[i].kind, classless[k])) {
				memcpy(kind, list[i].kind, NLHL_TC_KIND_LEN);
				ret = true;
			}
	}
	nlhl_qdisc_list_free(list, n);
	return ret;
}

static int class_request(nlhl_handle *h, const struct nlhl_class *c, int type, int nlflags,
			 const char *verb)
{
	char op[96];
	struct nl_msg *msg;
	int r;

	if (!c)
		return nlhl__fail(-EINVAL, "class %s: c is NULL", verb);
	snprintf(op, sizeof(op), "class %s %x:%x dev #%d", verb, c->attrs.handle >> 16,
		 c->attrs.handle & 0xffff, c->attrs.link_index);
	r = nlhl__class_build(c, type, nlflags, op, &msg);
	if (r < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r == -EINVAL && type == RTM_NEWTCLASS) {
		char kind[NLHL_TC_KIND_LEN];
		char detail[256];

		snprintf(detail, sizeof(detail), "%s", nlhl__detail());
		if (parent_classless(h, c, kind))
			return nlhl__fail(r, "%s: qdisc %x:0 is %s, which is not classful", op,
					  c->attrs.handle >> 16, kind);
		nlhl__detail_set("%s", detail);
	}
	if (r < 0)
		return nlhl__fail_req(r, "%s", op);
	return 0;
}

NLHL_API int nlhl_class_add(nlhl_handle *h, const struct nlhl_class *c)
{
	return class_request(h, c, RTM_NEWTCLASS, NLM_F_CREATE | NLM_F_EXCL, "add");
}

NLHL_API int nlhl_class_replace(nlhl_handle *h, const struct nlhl_class *c)
{
	return class_request(h, c, RTM_NEWTCLASS, NLM_F_CREATE | NLM_F_REPLACE, "replace");
}

NLHL_API int nlhl_class_change(nlhl_handle *h, const struct nlhl_class *c)
{
	return class_request(h, c, RTM_NEWTCLASS, 0, "change");
}

NLHL_API int nlhl_class_del(nlhl_handle *h, const struct nlhl_class *c)
{
	return class_request(h, c, RTM_DELTCLASS, 0, "del");
}

struct class_where {
	int link_index;
	uint32_t parent;
};

static bool class_wanted(const void *obj, const void *arg)
{
	const struct nlhl_class *c = obj;
	const struct class_where *w = arg;

	if (c->attrs.link_index != w->link_index)
		return false;
	if (w->parent == NLHL_HANDLE_ROOT)
		return c->attrs.parent == NLHL_HANDLE_ROOT;
	if (!w->parent)
		return true;
	/* parent MAJ:0 = every class of that qdisc, else direct children */
	if (!(w->parent & 0xffff))
		return (c->attrs.handle >> 16) == (w->parent >> 16);
	return c->attrs.parent == w->parent;
}

NLHL_API int nlhl_class_list_by_index(nlhl_handle *h, int link_index, uint32_t parent,
				      struct nlhl_class **ret, size_t *ret_n)
{
	struct class_where w = { .link_index = link_index, .parent = parent };
	char op[48];

	NLHL_CHECK_PTR(ret, "class list");
	NLHL_CHECK_PTR(ret_n, "class list");
	if (link_index <= 0)
		return nlhl__fail(-EINVAL, "class list: link_index %d is not a link", link_index);
	snprintf(op, sizeof(op), "class list dev #%d", link_index);
	return nlhl__tc_list(h, &nlhl__class_codec, link_index, 0, class_wanted, &w, op, ret,
			     ret_n);
}

NLHL_API void nlhl_class_list_free(struct nlhl_class *list, size_t n)
{
	(void)n;
	free(list);
}

/* ---------------------------------------------------------------- codec */


static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__class_parse(nlh, obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	return nlhl__class_build(obj, type, flags, op, ret);
}

/* Not a monitor object (yet): RTNLGRP_TC carries classes, but no event
 * kind names them. */
const struct nlhl__codec nlhl__class_codec = {
	.name = "class",
	.new_type = RTM_NEWTCLASS, .del_type = RTM_DELTCLASS, .get_type = RTM_GETTCLASS,
	.hdrlen = sizeof(struct tcmsg),
	.obj_size = sizeof(struct nlhl_class),
	.parse = codec_parse, .build = codec_build,
};
