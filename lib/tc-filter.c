/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Filters: tc filter add/replace/del/show.  The common tcmsg part (priority
 * and protocol packed in tcm_info, the protocol in network order) lives
 * here; the kinds are lib/tc-u32.c, lib/tc-flower.c, lib/tc-filter-kinds.c.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_ether.h>

#include "internal-tc.h"
#include "internal-codec.h"

static const struct nlhl__filter_ops *const all_ops[] = {
	&nlhl__u32_ops, &nlhl__matchall_ops, &nlhl__flower_ops, &nlhl__bpf_ops,
	&nlhl__fw_ops, &nlhl__basic_ops,
};

static const struct nlhl__filter_ops *ops_by_type(enum nlhl_filter_type t)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(all_ops); i++)
		if (all_ops[i]->type == t)
			return all_ops[i];
	return NULL;
}

static const struct nlhl__filter_ops *ops_by_kind(const char *kind)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(all_ops); i++)
		if (!strcmp(all_ops[i]->kind, kind))
			return all_ops[i];
	return NULL;
}

static int filter_ops(const struct nlhl_filter *f, const char *op,
		      const struct nlhl__filter_ops **ret)
{
	size_t len = strnlen(f->kind, sizeof(f->kind));

	if (len == sizeof(f->kind))
		return nlhl__fail(-EINVAL, "%s: kind is not NUL-terminated", op);
	if (f->type != NLHL_FILTER_UNKNOWN) {
		*ret = ops_by_type(f->type);
		if (!*ret)
			return nlhl__fail(-EINVAL, "%s: unknown filter type %d", op, (int)f->type);
		if (len && strcmp(f->kind, (*ret)->kind))
			return nlhl__fail(-EINVAL, "%s: kind \"%s\" does not match the type's kind \"%s\"",
					  op, f->kind, (*ret)->kind);
		return 0;
	}
	if (!len)
		return nlhl__fail(-EINVAL, "%s: neither type nor kind set", op);
	*ret = ops_by_kind(f->kind);
	if (!*ret)
		return nlhl__fail(-EINVAL, "%s: unknown filter kind \"%s\"", op, f->kind);
	return 0;
}

int nlhl__filter_build(const struct nlhl_filter *f, int type, int nlflags, const char *op,
		       struct nl_msg **ret)
{
	const struct nlhl__filter_ops *ops = NULL;
	uint16_t proto = f->attrs.protocol;
	struct nl_msg *msg;
	int r;

	if (f->attrs.link_index <= 0)
		return nlhl__fail(-EINVAL, "%s: link_index %d is not a link", op, f->attrs.link_index);
	if (type == RTM_NEWTFILTER || f->type != NLHL_FILTER_UNKNOWN || f->kind[0]) {
		r = filter_ops(f, op, &ops);
		if (r < 0)
			return r;
	}
	if (type == RTM_NEWTFILTER && !proto)
		proto = ETH_P_ALL;
	if (f->n_actions > NLHL_TC_MAX_ACTIONS)
		return nlhl__fail(-EINVAL, "%s: n_actions %zu above %d", op, f->n_actions,
				  NLHL_TC_MAX_ACTIONS);
	msg = nlhl__tc_msg(type, nlflags, f->attrs.link_index, f->attrs.handle, f->attrs.parent,
			   TC_H_MAKE((uint32_t)f->attrs.priority << 16, htons(proto)));
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	if ((ops && nla_put_string(msg, TCA_KIND, ops->kind) < 0) ||
	    (f->attrs.chain && nla_put_u32(msg, TCA_CHAIN, f->attrs.chain) < 0)) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
	}
	if (type == RTM_NEWTFILTER) {
		r = ops->put(msg, f, op);
		if (r < 0) {
			nlmsg_free(msg);
			return r;
		}
	}
	*ret = msg;
	return 0;
}

int nlhl__filter_parse(const struct nlmsghdr *nlh, struct nlhl_filter *ret)
{
	const struct nlhl__filter_ops *ops;
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
	ret->attrs.priority = (uint16_t)(tcm->tcm_info >> 16);
	ret->attrs.protocol = ntohs((uint16_t)(tcm->tcm_info & 0xffff));
	if (tb[TCA_CHAIN] && nla_len(tb[TCA_CHAIN]) >= 4)
		ret->attrs.chain = nlhl__get_u32(tb[TCA_CHAIN]);
	if (tb[TCA_KIND])
		nla_strlcpy(ret->kind, tb[TCA_KIND], sizeof(ret->kind));
	ops = ops_by_kind(ret->kind);
	if (!ops)
		return 0;
	ret->type = ops->type;
	return tb[TCA_OPTIONS] ? ops->parse(tb[TCA_OPTIONS], ret) : 0;
}

/* ------------------------------------------------------------ API */

static int filter_request(nlhl_handle *h, const struct nlhl_filter *f, int type, int nlflags,
			  const char *verb)
{
	char op[112];
	struct nl_msg *msg;
	struct nlhl_filter copy;
	int r, pinned_fd = -1;

	if (!f)
		return nlhl__fail(-EINVAL, "filter %s: f is NULL", verb);
	snprintf(op, sizeof(op), "filter %s %.16s dev #%d parent %x:%x pref %u", verb,
		 f->kind[0] ? f->kind : ops_by_type(f->type) ? ops_by_type(f->type)->kind : "?",
		 f->attrs.link_index, f->attrs.parent >> 16, f->attrs.parent & 0xffff,
		 f->attrs.priority);
	if (type == RTM_NEWTFILTER && f->type == NLHL_FILTER_BPF && f->bpf.fd <= 0 &&
	    f->bpf.pinned_path && f->bpf.pinned_path[0]) {
		/* the fd must stay open until the kernel has the request */
		pinned_fd = nlhl__bpf_obj_get(f->bpf.pinned_path);
		if (pinned_fd < 0)
			return nlhl__fail(pinned_fd, "%s: open pinned bpf program %s", op,
					  f->bpf.pinned_path);
		copy = *f;
		copy.bpf.fd = pinned_fd;
		f = &copy;
	}
	r = nlhl__filter_build(f, type, nlflags, op, &msg);
	if (r == 0) {
		r = nlhl__request(h, msg, NULL, NULL);
		nlmsg_free(msg);
		if (r < 0)
			r = nlhl__fail_req(r, "%s", op);
	}
	if (pinned_fd >= 0)
		close(pinned_fd);
	return r;
}

NLHL_API int nlhl_filter_add(nlhl_handle *h, const struct nlhl_filter *f)
{
	return filter_request(h, f, RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL, "add");
}

NLHL_API int nlhl_filter_replace(nlhl_handle *h, const struct nlhl_filter *f)
{
	return filter_request(h, f, RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_REPLACE, "replace");
}

NLHL_API int nlhl_filter_del(nlhl_handle *h, const struct nlhl_filter *f)
{
	return filter_request(h, f, RTM_DELTFILTER, 0, "del");
}

NLHL_API int nlhl_filter_list_by_index(nlhl_handle *h, int link_index, uint32_t parent,
				       struct nlhl_filter **ret, size_t *ret_n)
{
	char op[64];

	NLHL_CHECK_PTR(ret, "filter list");
	NLHL_CHECK_PTR(ret_n, "filter list");
	if (link_index <= 0)
		return nlhl__fail(-EINVAL, "filter list: link_index %d is not a link", link_index);
	snprintf(op, sizeof(op), "filter list dev #%d parent %x:%x", link_index,
		 parent >> 16, parent & 0xffff);
	return nlhl__tc_list(h, &nlhl__filter_codec, link_index, parent, NULL, NULL, op, ret,
			     ret_n);
}

NLHL_API void nlhl_filter_list_free(struct nlhl_filter *list, size_t n)
{
	(void)n;
	free(list);
}

/* ---------------------------------------------------------------- codec */


static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__filter_parse(nlh, obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	return nlhl__filter_build(obj, type, flags, op, ret);
}

/* Not a monitor object (yet): RTNLGRP_TC carries filters, but no event
 * kind names them. */
const struct nlhl__codec nlhl__filter_codec = {
	.name = "filter",
	.new_type = RTM_NEWTFILTER, .del_type = RTM_DELTFILTER, .get_type = RTM_GETTFILTER,
	.hdrlen = sizeof(struct tcmsg),
	.obj_size = sizeof(struct nlhl_filter),
	.parse = codec_parse, .build = codec_build,
};
