/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The small filter kinds: matchall, bpf, fw, basic.
 */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/bpf.h>

#include "internal-tc.h"

static int nomem(const char *op)
{
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

/* ------------------------------------------------------------ matchall */

static int matchall_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	const struct nlhl_matchall *m = &f->matchall;
	uint32_t flags = (m->skip_hw ? TCA_CLS_FLAGS_SKIP_HW : 0) |
			 (m->skip_sw ? TCA_CLS_FLAGS_SKIP_SW : 0);
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);
	int r;

	if (!nest || (m->classid && nla_put_u32(msg, TCA_MATCHALL_CLASSID, m->classid) < 0) ||
	    (flags && nla_put_u32(msg, TCA_MATCHALL_FLAGS, flags) < 0))
		return nomem(op);
	r = nlhl__actions_put(msg, TCA_MATCHALL_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static int matchall_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_MATCHALL_MAX + 1];
	uint32_t flags;

	if (nlhl__parse_nested(tb, TCA_MATCHALL_MAX, opts) < 0)
		return -EBADMSG;
	f->matchall.classid = nlhl__get_u32(tb[TCA_MATCHALL_CLASSID]);
	flags = nlhl__get_u32(tb[TCA_MATCHALL_FLAGS]);
	f->matchall.skip_hw = flags & TCA_CLS_FLAGS_SKIP_HW;
	f->matchall.skip_sw = flags & TCA_CLS_FLAGS_SKIP_SW;
	return nlhl__actions_parse(tb[TCA_MATCHALL_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
}

const struct nlhl__filter_ops nlhl__matchall_ops = {
	NLHL_FILTER_MATCHALL, "matchall", matchall_put, matchall_parse
};

/* ------------------------------------------------------------ bpf */

int nlhl__bpf_obj_get(const char *path)
{
	union bpf_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.pathname = (uint64_t)(uintptr_t)path;
	attr.file_flags = BPF_F_RDONLY;
	fd = syscall(__NR_bpf, BPF_OBJ_GET, &attr, sizeof(attr));
	if (fd < 0) {
		/* some kernels refuse file_flags on programs; plain open */
		attr.file_flags = 0;
		fd = syscall(__NR_bpf, BPF_OBJ_GET, &attr, sizeof(attr));
	}
	return fd < 0 ? -errno : (int)fd;
}

/* A pinned path was opened into fd by filter_request() before this. */
static int bpf_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	const struct nlhl_bpf_filter *b = &f->bpf;
	size_t nlen = strnlen(b->name, sizeof(b->name));
	struct nlattr *nest;
	int r;

	if (b->fd <= 0)
		return nlhl__fail(-EINVAL, "%s: bpf needs a program fd or a pinned path", op);
	if (nlen == sizeof(b->name))
		return nlhl__fail(-EINVAL, "%s: bpf name is not NUL-terminated", op);
	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest || nla_put_u32(msg, TCA_BPF_FD, (uint32_t)b->fd) < 0 ||
	    nla_put_string(msg, TCA_BPF_NAME, nlen ? b->name : "nlhl") < 0 ||
	    (b->direct_action && nla_put_u32(msg, TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT) < 0) ||
	    (b->classid && nla_put_u32(msg, TCA_BPF_CLASSID, b->classid) < 0))
		return nomem(op);
	r = nlhl__actions_put(msg, TCA_BPF_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static int bpf_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_BPF_MAX + 1];
	struct nlhl_bpf_filter *b = &f->bpf;

	if (nlhl__parse_nested(tb, TCA_BPF_MAX, opts) < 0)
		return -EBADMSG;
	if (tb[TCA_BPF_NAME])
		nla_strlcpy(b->name, tb[TCA_BPF_NAME], sizeof(b->name));
	b->direct_action = nlhl__get_u32(tb[TCA_BPF_FLAGS]) & TCA_BPF_FLAG_ACT_DIRECT;
	b->classid = nlhl__get_u32(tb[TCA_BPF_CLASSID]);
	b->id = nlhl__get_u32(tb[TCA_BPF_ID]);
	if (tb[TCA_BPF_TAG])
		nlhl__get_struct(tb[TCA_BPF_TAG], b->tag, sizeof(b->tag));
	return nlhl__actions_parse(tb[TCA_BPF_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
}

const struct nlhl__filter_ops nlhl__bpf_ops = { NLHL_FILTER_BPF, "bpf", bpf_put, bpf_parse };

/* ------------------------------------------------------------ fw */

static int fw_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);
	int r;

	if (!nest || (f->fw.classid && nla_put_u32(msg, TCA_FW_CLASSID, f->fw.classid) < 0) ||
	    (f->fw.mask && f->fw.mask != UINT32_MAX && nla_put_u32(msg, TCA_FW_MASK, f->fw.mask) < 0))
		return nomem(op);
	r = nlhl__actions_put(msg, TCA_FW_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static int fw_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_FW_MAX + 1];

	if (nlhl__parse_nested(tb, TCA_FW_MAX, opts) < 0)
		return -EBADMSG;
	f->fw.classid = nlhl__get_u32(tb[TCA_FW_CLASSID]);
	f->fw.mask = tb[TCA_FW_MASK] ? nlhl__get_u32(tb[TCA_FW_MASK]) : 0;
	return nlhl__actions_parse(tb[TCA_FW_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
}

const struct nlhl__filter_ops nlhl__fw_ops = { NLHL_FILTER_FW, "fw", fw_put, fw_parse };

/* ------------------------------------------------------------ basic */

static int basic_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	struct nlattr *nest = nla_nest_start(msg, TCA_OPTIONS);
	int r;

	if (!nest || (f->basic.classid && nla_put_u32(msg, TCA_BASIC_CLASSID, f->basic.classid) < 0))
		return nomem(op);
	r = nlhl__actions_put(msg, TCA_BASIC_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static int basic_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_BASIC_MAX + 1];

	if (nlhl__parse_nested(tb, TCA_BASIC_MAX, opts) < 0)
		return -EBADMSG;
	f->basic.classid = nlhl__get_u32(tb[TCA_BASIC_CLASSID]);
	return nlhl__actions_parse(tb[TCA_BASIC_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
}

const struct nlhl__filter_ops nlhl__basic_ops = { NLHL_FILTER_BASIC, "basic", basic_put, basic_parse };
