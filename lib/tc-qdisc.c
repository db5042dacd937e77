/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Qdiscs: tc qdisc add/replace/change/del/show.  The kinds' options live in
 * lib/tc-qdisc-kinds.c, tc-netem.c, tc-red.c and tc-tbf.c behind struct
 * nlhl__qdisc_ops; this file is the common tcmsg part and the dump.
 * Messages are built by hand: libnl 3.7 lacks most kinds and a few it has
 * are wrong (docs/design.md traps 9, 10).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal-tc.h"
#include "internal-codec.h"

/* lib/tc-qdisc-kinds.c, tc-tbf.c, tc-netem.c, tc-red.c */
extern const struct nlhl__qdisc_ops nlhl__fifo_ops[2], nlhl__prio_ops[2], nlhl__htb_ops,
	nlhl__hfsc_ops, nlhl__sfq_ops, nlhl__fq_ops, nlhl__fq_codel_ops, nlhl__codel_ops,
	nlhl__noopt_ops[3], nlhl__cake_ops, nlhl__tbf_ops, nlhl__netem_ops, nlhl__red_ops;

static const struct nlhl__qdisc_ops *const all_ops[] = {
	&nlhl__fifo_ops[0], &nlhl__fifo_ops[1], &nlhl__prio_ops[0], &nlhl__prio_ops[1],
	&nlhl__tbf_ops, &nlhl__htb_ops, &nlhl__hfsc_ops, &nlhl__sfq_ops, &nlhl__fq_ops,
	&nlhl__fq_codel_ops, &nlhl__codel_ops, &nlhl__red_ops, &nlhl__netem_ops,
	&nlhl__noopt_ops[0], &nlhl__noopt_ops[1], &nlhl__noopt_ops[2], &nlhl__cake_ops,
};

/* Kinds the kernel has that we send without options (type UNKNOWN with
 * kind set): anything else is refused here with a clear message instead of
 * the kernel's bare ENOENT. */
static const char *const plain_kinds[] = {
	"pfifo_head_drop", "multiq", "mqprio", "drr", "qfq", "ets", "skbprio", "plug",
	"pie", "fq_pie", "hhf", "choke", "sfb", "gred", "cbs", "etf", "taprio",
	"noqueue", "dualpi2",
};

const struct nlhl__qdisc_ops *nlhl__qdisc_ops_by_type(enum nlhl_qdisc_type t)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(all_ops); i++)
		if (all_ops[i]->type == t)
			return all_ops[i];
	return NULL;
}

const struct nlhl__qdisc_ops *nlhl__qdisc_ops_by_kind(const char *kind)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(all_ops); i++)
		if (!strcmp(all_ops[i]->kind, kind))
			return all_ops[i];
	return NULL;
}

NLHL_API const char *nlhl_qdisc_type_kind(enum nlhl_qdisc_type type)
{
	const struct nlhl__qdisc_ops *ops = nlhl__qdisc_ops_by_type(type);

	return ops ? ops->kind : NULL;
}

/* The kind to send and its ops (NULL for a plain kind). */
static int qdisc_kind(const struct nlhl_qdisc *q, const char *op, const char **kind,
		      const struct nlhl__qdisc_ops **ops)
{
	size_t len = strnlen(q->kind, sizeof(q->kind));

	if (len == sizeof(q->kind))
		return nlhl__fail(-EINVAL, "%s: kind is not NUL-terminated within %d bytes",
				  op, NLHL_TC_KIND_LEN);
	*ops = NULL;
	if (q->type != NLHL_QDISC_UNKNOWN) {
		*ops = nlhl__qdisc_ops_by_type(q->type);
		if (!*ops)
			return nlhl__fail(-EINVAL, "%s: unknown qdisc type %d", op, (int)q->type);
		if (len && strcmp(q->kind, (*ops)->kind))
			return nlhl__fail(-EINVAL, "%s: kind \"%s\" does not match the type's kind \"%s\"",
					  op, q->kind, (*ops)->kind);
		*kind = (*ops)->kind;
		return 0;
	}
	if (!len)
		return nlhl__fail(-EINVAL, "%s: neither type nor kind set", op);
	*ops = nlhl__qdisc_ops_by_kind(q->kind);
	if (*ops) {
		*kind = (*ops)->kind;
		return 0;
	}
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(plain_kinds); i++)
		if (!strcmp(q->kind, plain_kinds[i])) {
			*kind = q->kind;
			return 0;
		}
	return nlhl__fail(-EINVAL, "%s: unknown qdisc kind \"%s\"", op, q->kind);
}

int nlhl__qdisc_build(const struct nlhl_qdisc *q, int type, int nlflags, const char *op,
		      struct nl_msg **ret)
{
	const struct nlhl__qdisc_ops *ops = NULL;
	const char *kind = NULL;
	uint32_t parent, handle;
	struct nl_msg *msg;
	int r;

	if (q->attrs.link_index <= 0)
		return nlhl__fail(-EINVAL, "%s: link_index %d is not a link", op, q->attrs.link_index);
	if (type == RTM_NEWQDISC || q->type != NLHL_QDISC_UNKNOWN || q->kind[0]) {
		r = qdisc_kind(q, op, &kind, &ops);
		if (r < 0)
			return r;
	}
	parent = q->attrs.parent ? q->attrs.parent : NLHL_HANDLE_ROOT;
	handle = q->attrs.handle;
	if (ops && (ops->type == NLHL_QDISC_INGRESS || ops->type == NLHL_QDISC_CLSACT)) {
		if (parent != NLHL_HANDLE_ROOT && parent != NLHL_HANDLE_INGRESS)
			return nlhl__fail(-EINVAL, "%s: %s sits at parent ingress (ffff:fff1), not %x:%x",
					  op, kind, parent >> 16, parent & 0xffff);
		parent = NLHL_HANDLE_INGRESS;
		if (!handle)
			handle = TC_H_MAKE(TC_H_INGRESS, 0);
	}
	if (handle & 0xffff)
		return nlhl__fail(-EINVAL, "%s: handle %x:%x has a minor number (a qdisc handle is MAJ:0)",
				  op, handle >> 16, handle & 0xffff);
	msg = nlhl__tc_msg(type, nlflags, q->attrs.link_index, handle, parent, 0);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	if (kind && nla_put_string(msg, TCA_KIND, kind) < 0)
		goto nomem;
	if (type == RTM_NEWQDISC && ops && ops->put) {
		r = ops->put(msg, q, op);
		if (r < 0) {
			nlmsg_free(msg);
			return r;
		}
	}
	*ret = msg;
	return 0;
nomem:
	nlmsg_free(msg);
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

int nlhl__qdisc_parse(const struct nlmsghdr *nlh, struct nlhl_qdisc *ret)
{
	const struct nlhl__qdisc_ops *ops;
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
	ret->attrs.refcnt = tcm->tcm_info;
	if (tb[TCA_KIND])
		nla_strlcpy(ret->kind, tb[TCA_KIND], sizeof(ret->kind));
	nlhl__tc_parse_stats(tb[TCA_STATS2], tb[TCA_STATS], &ret->stats);
	ops = nlhl__qdisc_ops_by_kind(ret->kind);
	if (!ops)
		return 0;
	ret->type = ops->type;
	if (ops->parse) {
		r = ops->parse(tb[TCA_OPTIONS], ret);
		if (r < 0)
			return r;
	}
	return 0;
}

/* ------------------------------------------------------------ API */

static const char *qname(const struct nlhl_qdisc *q, char buf[NLHL_HANDLE_STRLEN])
{
	if (nlhl_format_handle(q->attrs.handle, buf, NLHL_HANDLE_STRLEN) < 0)
		buf[0] = 0;
	return buf;
}

static int qdisc_request(nlhl_handle *h, const struct nlhl_qdisc *q, int type, int nlflags,
			 const char *verb)
{
	char op[96], hb[NLHL_HANDLE_STRLEN];
	struct nl_msg *msg;
	const char *kind;
	int r;

	if (!q)
		return nlhl__fail(-EINVAL, "qdisc %s: q is NULL", verb);
	kind = q->kind[0] ? q->kind : nlhl_qdisc_type_kind(q->type);
	snprintf(op, sizeof(op), "qdisc %s%s%.16s handle %s dev #%d", verb, kind ? " " : "",
		 kind ? kind : "", qname(q, hb), q->attrs.link_index);
	r = nlhl__qdisc_build(q, type, nlflags, op, &msg);
	if (r < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "%s", op);
	return 0;
}

NLHL_API int nlhl_qdisc_add(nlhl_handle *h, const struct nlhl_qdisc *q)
{
	return qdisc_request(h, q, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_EXCL, "add");
}

NLHL_API int nlhl_qdisc_replace(nlhl_handle *h, const struct nlhl_qdisc *q)
{
	return qdisc_request(h, q, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_REPLACE, "replace");
}

NLHL_API int nlhl_qdisc_change(nlhl_handle *h, const struct nlhl_qdisc *q)
{
	return qdisc_request(h, q, RTM_NEWQDISC, 0, "change");
}

NLHL_API int nlhl_qdisc_del(nlhl_handle *h, const struct nlhl_qdisc *q)
{
	return qdisc_request(h, q, RTM_DELQDISC, 0, "del");
}

static bool qdisc_on_link(const void *obj, const void *arg)
{
	int link_index = *(const int *)arg;

	return !link_index || ((const struct nlhl_qdisc *)obj)->attrs.link_index == link_index;
}

NLHL_API int nlhl_qdisc_list_by_index(nlhl_handle *h, int link_index,
				      struct nlhl_qdisc **ret, size_t *ret_n)
{
	char op[48];

	NLHL_CHECK_PTR(ret, "qdisc list");
	NLHL_CHECK_PTR(ret_n, "qdisc list");
	if (link_index < 0)
		return nlhl__fail(-EINVAL, "qdisc list: link_index %d is negative", link_index);
	snprintf(op, sizeof(op), "qdisc list dev #%d", link_index);
	return nlhl__tc_list(h, &nlhl__qdisc_codec, link_index, 0, qdisc_on_link, &link_index,
			     op, ret, ret_n);
}

NLHL_API void nlhl_qdisc_list_free(struct nlhl_qdisc *list, size_t n)
{
	(void)n;
	free(list);
}

/* ---------------------------------------------------------------- codec */

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__qdisc_parse(nlh, obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	return nlhl__qdisc_build(obj, type, flags, op, ret);
}

/* What changes all the time without the qdisc changing. */
static const uint16_t volatile_attrs[] = { TCA_STATS, TCA_STATS2, TCA_XSTATS };

/* A qdisc is its link, parent and handle. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	struct tcmsg tcm;

	nlhl__codec_hdr(nlh, &tcm, sizeof(tcm));
	nlhl__key_put(k, &tcm.tcm_ifindex, sizeof(tcm.tcm_ifindex));
	nlhl__key_put(k, &tcm.tcm_parent, sizeof(tcm.tcm_parent));
	nlhl__key_put(k, &tcm.tcm_handle, sizeof(tcm.tcm_handle));
	tcm.tcm_info = 0;  /* the refcount */
	*content = nlhl__content_hash(nlh, &tcm, sizeof(tcm), volatile_attrs,
				      NLHL_ARRAY_SIZE(volatile_attrs));
	return true;
}

const struct nlhl__codec nlhl__qdisc_codec = {
	.name = "qdisc",
	.new_type = RTM_NEWQDISC, .del_type = RTM_DELQDISC, .get_type = RTM_GETQDISC,
	.hdrlen = sizeof(struct tcmsg),
	.object = NLHL_OBJ_QDISC, .group_bit = NLHL_MONITOR_QDISC,
	.groups = { { NLHL_MONITOR_QDISC, RTNLGRP_TC, AF_UNSPEC } },
	.obj_size = sizeof(struct nlhl_qdisc),
	.parse = codec_parse, .build = codec_build,
	.key = codec_key, .key_tag = 'Q', .ifindex_off = offsetof(struct tcmsg, tcm_ifindex),
};
