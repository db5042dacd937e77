/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Policy routing rules: struct nlhl_rule <-> RTM_*RULE messages (built with
 * nla_put, parsed with the core readers) and the public calls on top of the
 * core's request and dump loops.  No libnl rule objects or caches.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

#include "internal-attr.h"
#include "internal-rule.h"

#define RULE_FILTER_ALL ((NLHL_RULE_FILTER_IP_PROTO << 1) - 1)

/* ------------------------------------------------------------ text */

static void put_prefix(char *buf, size_t size, size_t *off, const char *key,
		       const struct nlhl_ipnet *net)
{
	char tmp[INET6_ADDRSTRLEN];

	if (*off >= size || !nlhl__family_len(net->family))
		return;
	inet_ntop(net->family, net->addr, tmp, sizeof(tmp));
	*off += snprintf(buf + *off, size - *off, "%s%s %s/%u", *off ? " " : "", key, tmp,
			 net->prefixlen);
}

void nlhl__rule_describe(const struct nlhl_rule *r, char *buf, size_t size)
{
	size_t off = 0;

	buf[0] = '\0';
	if (r->priority || r->has_priority)
		off += snprintf(buf, size, "pref %u", r->priority);
	put_prefix(buf, size, &off, "from", &r->src);
	put_prefix(buf, size, &off, "to", &r->dst);
	if (off < size && r->iif_name[0])
		off += snprintf(buf + off, size - off, "%siif %.15s", off ? " " : "", r->iif_name);
	if (off < size && r->table)
		off += snprintf(buf + off, size - off, "%slookup %u", off ? " " : "", r->table);
	if (off == 0)
		snprintf(buf, size, "(%s)", r->family == AF_INET6 ? "inet6" : "inet");
}

/* ------------------------------------------------------------ build */

static int bad(const char *op, const char *what, const char *why)
{
	return nlhl__fail(-EINVAL, "%s %s: %s", op, what, why);
}

static int check_prefix(const char *op, const char *what, const char *name, int family,
			const struct nlhl_ipnet *net)
{
	int len;

	if (!net->family)
		return 0;
	len = nlhl__family_len(net->family);
	if (!len)
		return nlhl__fail(-EINVAL, "%s %s: %s has unknown family %d", op, what, name,
				  net->family);
	if (net->family != family)
		return nlhl__fail(-EINVAL, "%s %s: %s is not of the rule's family", op, what, name);
	if (net->prefixlen > len * 8)
		return nlhl__fail(-EINVAL, "%s %s: %s prefix length %u is longer than %d", op,
				  what, name, net->prefixlen, len * 8);
	return 0;
}

static int check_ifname(const char *op, const char *what, const char *name, const char *kind)
{
	char ctx[96];

	if (!memchr(name, '\0', NLHL_RULE_IFNAMSIZ))
		return nlhl__fail(-EINVAL, "%s %s: %s name is not NUL-terminated within %d bytes",
				  op, what, kind, NLHL_RULE_IFNAMSIZ);
	if (!name[0])
		return 0;
	snprintf(ctx, sizeof(ctx), "%s %s: %s", op, what, kind);
	return nlhl__check_ifname(name, ctx);
}

static int normalise_range(const char *op, const char *what, const char *name,
			   const struct nlhl_rule_port_range *in, struct fib_rule_port_range *out)
{
	out->start = in->start;
	out->end = in->end ? in->end : in->start;
	if (!in->start && in->end)
		return nlhl__fail(-EINVAL, "%s %s: %s range has end %u but no start", op, what,
				  name, in->end);
	if (out->end < out->start)
		return nlhl__fail(-EINVAL, "%s %s: %s range %u-%u ends before it starts", op, what,
				  name, out->start, out->end);
	if (out->end == 0xffff)
		return nlhl__fail(-EINVAL, "%s %s: %s range may not include port 65535", op,
				  what, name);
	return 0;
}

static bool selects_something(const struct nlhl_rule *r)
{
	return r->priority || r->has_priority || r->table || r->action || r->goto_priority ||
	       r->src.family || r->dst.family || r->mark || r->has_mark || r->mask ||
	       r->iif_name[0] || r->oif_name[0] || r->tos || r->l3mdev || r->has_uid_range ||
	       r->suppress_prefixlen || r->has_suppress_prefixlen || r->suppress_ifgroup ||
	       r->has_suppress_ifgroup || r->ip_proto || r->sport.start || r->dport.start ||
	       r->protocol || r->flow || r->tun_id || r->invert;
}

int nlhl__rule_build(int type, int flags, const struct nlhl_rule *r, struct nl_msg **ret)
{
	const char *op = type == RTM_DELRULE ? "rule del" : "rule add";
	struct fib_rule_hdr frh = { 0 };
	struct fib_rule_port_range sport, dport;
	struct nl_msg *msg;
	char what[160];
	int family, err;
	uint32_t table;
	uint8_t action;

	if (!r)
		return nlhl__fail(-EINVAL, "%s: rule is NULL", op);
	nlhl__rule_describe(r, what, sizeof(what));
	family = r->family;
	if (!family)
		family = r->src.family ? r->src.family : r->dst.family ? r->dst.family : AF_INET;
	if (family != AF_INET && family != AF_INET6)
		return nlhl__fail(-EINVAL, "%s %s: family %d is not AF_INET or AF_INET6", op, what,
				  family);
	if ((err = check_prefix(op, what, "from", family, &r->src)) ||
	    (err = check_prefix(op, what, "to", family, &r->dst)) ||
	    (err = check_ifname(op, what, r->iif_name, "iif")) ||
	    (err = check_ifname(op, what, r->oif_name, "oif")) ||
	    (err = normalise_range(op, what, "sport", &r->sport, &sport)) ||
	    (err = normalise_range(op, what, "dport", &r->dport, &dport)))
		return err;
	if ((r->action > NLHL_RULE_ACT_NOP && r->action < NLHL_RULE_ACT_BLACKHOLE) ||
	    r->action > NLHL_RULE_ACT_PROHIBIT)
		return nlhl__fail(-EINVAL, "%s %s: unknown action %u", op, what, r->action);
	if (r->goto_priority && r->action && r->action != NLHL_RULE_ACT_GOTO)
		return bad(op, what, "goto_priority is set but the action is not goto");
	if (r->action == NLHL_RULE_ACT_GOTO && !r->goto_priority && type == RTM_NEWRULE)
		return bad(op, what, "a goto rule needs goto_priority");
	if (r->has_uid_range && r->uid_range.start > r->uid_range.end)
		return bad(op, what, "uid range ends before it starts");
	if (r->l3mdev > 1)
		return bad(op, what, "l3mdev must be 0 or 1");
	if (type == RTM_DELRULE && !selects_something(r))
		return bad(op, what, "no field selects a rule (it would delete the first one)");

	action = r->action;
	table = r->table;
	if (type == RTM_NEWRULE) {
		/* iproute2's defaults: lookup main, or goto when a target is given. */
		if (!action)
			action = r->goto_priority ? FR_ACT_GOTO : FR_ACT_TO_TBL;
		if (action == FR_ACT_TO_TBL && !table && !r->l3mdev)
			table = RT_TABLE_MAIN;
	}

	frh.family = family;
	frh.dst_len = r->dst.family ? r->dst.prefixlen : 0;
	frh.src_len = r->src.family ? r->src.prefixlen : 0;
	frh.tos = r->tos;
	frh.table = table < 256 ? table : RT_TABLE_UNSPEC;
	frh.action = action;
	/* flags is read only but for INVERT: a rule read back (UNRESOLVED,
	 * DETACHED, ...) must still add and delete as it is. */
	frh.flags = (r->flags & FIB_RULE_INVERT) | (r->invert ? FIB_RULE_INVERT : 0);

	msg = nlmsg_alloc_simple(type, flags);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s %s: out of memory", op, what);
	if (nlmsg_append(msg, &frh, sizeof(frh), NLMSG_ALIGNTO) < 0)
		goto nomem;
	if (table && nla_put_u32(msg, FRA_TABLE, table) < 0)
		goto nomem;
	if ((r->priority || r->has_priority) && nla_put_u32(msg, FRA_PRIORITY, r->priority) < 0)
		goto nomem;
	if (r->src.family && nla_put(msg, FRA_SRC, nlhl__family_len(family), r->src.addr) < 0)
		goto nomem;
	if (r->dst.family && nla_put(msg, FRA_DST, nlhl__family_len(family), r->dst.addr) < 0)
		goto nomem;
	if ((r->mark || r->has_mark) && nla_put_u32(msg, FRA_FWMARK, r->mark) < 0)
		goto nomem;
	if (r->mask && nla_put_u32(msg, FRA_FWMASK, r->mask) < 0)
		goto nomem;
	if (r->iif_name[0] && nla_put_string(msg, FRA_IIFNAME, r->iif_name) < 0)
		goto nomem;
	if (r->oif_name[0] && nla_put_string(msg, FRA_OIFNAME, r->oif_name) < 0)
		goto nomem;
	if (r->goto_priority && nla_put_u32(msg, FRA_GOTO, r->goto_priority) < 0)
		goto nomem;
	if (r->flow && nla_put_u32(msg, FRA_FLOW, r->flow) < 0)
		goto nomem;
	if (r->tun_id) {
		uint64_t be = htobe64(r->tun_id);

		if (nla_put(msg, FRA_TUN_ID, sizeof(be), &be) < 0)
			goto nomem;
	}
	if ((r->suppress_prefixlen || r->has_suppress_prefixlen) &&
	    nla_put_u32(msg, FRA_SUPPRESS_PREFIXLEN, r->suppress_prefixlen) < 0)
		goto nomem;
	if ((r->suppress_ifgroup || r->has_suppress_ifgroup) &&
	    nla_put_u32(msg, FRA_SUPPRESS_IFGROUP, r->suppress_ifgroup) < 0)
		goto nomem;
	if (r->l3mdev && nla_put_u8(msg, FRA_L3MDEV, r->l3mdev) < 0)
		goto nomem;
	if (r->has_uid_range) {
		struct fib_rule_uid_range u = { r->uid_range.start, r->uid_range.end };

		if (nla_put(msg, FRA_UID_RANGE, sizeof(u), &u) < 0)
			goto nomem;
	}
	if (r->protocol && nla_put_u8(msg, FRA_PROTOCOL, r->protocol) < 0)
		goto nomem;
	if (r->ip_proto && nla_put_u8(msg, FRA_IP_PROTO, r->ip_proto) < 0)
		goto nomem;
	if (sport.start && nla_put(msg, FRA_SPORT_RANGE, sizeof(sport), &sport) < 0)
		goto nomem;
	if (dport.start && nla_put(msg, FRA_DPORT_RANGE, sizeof(dport), &dport) < 0)
		goto nomem;
	*ret = msg;
	return 0;
nomem:
	nlmsg_free(msg);
	return nlhl__fail(-ENOMEM, "%s %s: message too large", op, what);
}

/* ------------------------------------------------------------ parse */

static int get_prefix(struct nlattr *a, int family, uint8_t len, struct nlhl_ipnet *net)
{
	int alen = nlhl__family_len(family);

	if (!a)
		return len ? -EPROTO : 0;  /* the kernel sends the address with its length */
	if (nla_len(a) != alen || len > alen * 8)
		return -EPROTO;
	net->family = family;
	memcpy(net->addr, nla_data(a), alen);
	net->prefixlen = len;
	return 0;
}

static void get_name(struct nlattr *a, char *dst)
{
	size_t n;

	if (!a)
		return;
	n = strnlen(nla_data(a), (size_t)nla_len(a));
	if (n >= NLHL_RULE_IFNAMSIZ)
		n = NLHL_RULE_IFNAMSIZ - 1;
	memcpy(dst, nla_data(a), n);
	dst[n] = '\0';
}

int nlhl__rule_parse(const struct nlmsghdr *nlh, struct nlhl_rule *ret)
{
	struct nlattr *tb[FRA_MAX + 1];
	const struct fib_rule_hdr *frh;
	struct nlhl_rule r = { 0 };
	uint32_t v;

	if (!nlh || nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(*frh) ||
	    (nlh->nlmsg_type != RTM_NEWRULE && nlh->nlmsg_type != RTM_DELRULE))
		return -EPROTO;
	frh = nlmsg_data(nlh);
	if (frh->family != AF_INET && frh->family != AF_INET6)
		return -EAFNOSUPPORT;
	if (nlhl__parse_msg(tb, FRA_MAX, nlh, sizeof(*frh)) < 0)
		return -EPROTO;

	r.family = frh->family;
	if (get_prefix(tb[FRA_SRC], r.family, frh->src_len, &r.src) ||
	    get_prefix(tb[FRA_DST], r.family, frh->dst_len, &r.dst))
		return -EPROTO;
	r.tos = frh->tos;
	r.table = nlhl__get_u32_or(tb[FRA_TABLE], frh->table);
	r.action = frh->action;
	r.flags = frh->flags;
	r.invert = !!(frh->flags & FIB_RULE_INVERT);
	/* Every rule has a priority; the kernel leaves out 0. */
	r.has_priority = true;
	r.priority = nlhl__get_u32(tb[FRA_PRIORITY]);
	if (nlhl__attr_ok(tb[FRA_FWMARK], 4) || nlhl__attr_ok(tb[FRA_FWMASK], 4)) {
		r.has_mark = true;
		r.mark = nlhl__get_u32(tb[FRA_FWMARK]);
		r.mask = nlhl__get_u32_or(tb[FRA_FWMASK], 0xffffffffu);
	}
	get_name(tb[FRA_IIFNAME], r.iif_name);
	get_name(tb[FRA_OIFNAME], r.oif_name);
	r.goto_priority = nlhl__get_u32(tb[FRA_GOTO]);
	r.flow = nlhl__get_u32(tb[FRA_FLOW]);
	r.tun_id = be64toh(nlhl__get_u64(tb[FRA_TUN_ID]));
	/* Newer kernels report both always, -1 meaning unset. */
	v = nlhl__get_u32_or(tb[FRA_SUPPRESS_PREFIXLEN], UINT32_MAX);
	if (v != UINT32_MAX) {
		r.suppress_prefixlen = v;
		r.has_suppress_prefixlen = true;
	}
	v = nlhl__get_u32_or(tb[FRA_SUPPRESS_IFGROUP], UINT32_MAX);
	if (v != UINT32_MAX) {
		r.suppress_ifgroup = v;
		r.has_suppress_ifgroup = true;
	}
	r.l3mdev = nlhl__get_u8(tb[FRA_L3MDEV]);
	if (nlhl__attr_ok(tb[FRA_UID_RANGE], sizeof(struct fib_rule_uid_range))) {
		struct fib_rule_uid_range u;

		memcpy(&u, nla_data(tb[FRA_UID_RANGE]), sizeof(u));
		r.uid_range.start = u.start;
		r.uid_range.end = u.end;
		r.has_uid_range = true;
	}
	r.protocol = nlhl__get_u8(tb[FRA_PROTOCOL]);
	r.ip_proto = nlhl__get_u8(tb[FRA_IP_PROTO]);
	if (nlhl__attr_ok(tb[FRA_SPORT_RANGE], sizeof(struct fib_rule_port_range))) {
		struct fib_rule_port_range p;

		memcpy(&p, nla_data(tb[FRA_SPORT_RANGE]), sizeof(p));
		r.sport.start = p.start;
		r.sport.end = p.end;
	}
	if (nlhl__attr_ok(tb[FRA_DPORT_RANGE], sizeof(struct fib_rule_port_range))) {
		struct fib_rule_port_range p;

		memcpy(&p, nla_data(tb[FRA_DPORT_RANGE]), sizeof(p));
		r.dport.start = p.start;
		r.dport.end = p.end;
	}
	*ret = r;
	return 0;
}

/* ------------------------------------------------------------ calls */

static int rule_change(nlhl_handle *h, int type, int flags, const struct nlhl_rule *rule)
{
	const char *op = type == RTM_DELRULE ? "rule del" : "rule add";
	struct nl_msg *msg;
	char what[160];
	int err;

	err = nlhl__rule_build(type, flags, rule, &msg);
	if (err)
		return err;
	err = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (err < 0) {
		nlhl__rule_describe(rule, what, sizeof(what));
		return nlhl__fail_req(err, "%s %s", op, what);
	}
	return 0;
}

NLHL_API int nlhl_rule_add(nlhl_handle *h, const struct nlhl_rule *rule)
{
	return rule_change(h, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, rule);
}

NLHL_API int nlhl_rule_del(nlhl_handle *h, const struct nlhl_rule *rule)
{
	return rule_change(h, RTM_DELRULE, 0, rule);
}

static bool same_prefix(const struct nlhl_ipnet *a, const struct nlhl_ipnet *b)
{
	if (a->family != b->family)
		return false;
	if (!a->family)
		return true;
	return a->prefixlen == b->prefixlen &&
	       !memcmp(a->addr, b->addr, nlhl__family_len(a->family));
}

static bool rule_matches(const struct nlhl_rule *r, const struct nlhl_rule *f, uint32_t m)
{
	if ((m & NLHL_RULE_FILTER_PRIORITY) && r->priority != f->priority)
		return false;
	if ((m & NLHL_RULE_FILTER_TABLE) && r->table != f->table)
		return false;
	if ((m & NLHL_RULE_FILTER_ACTION) && r->action != f->action)
		return false;
	if ((m & NLHL_RULE_FILTER_SRC) && !same_prefix(&r->src, &f->src))
		return false;
	if ((m & NLHL_RULE_FILTER_DST) && !same_prefix(&r->dst, &f->dst))
		return false;
	if ((m & NLHL_RULE_FILTER_MARK) && r->mark != f->mark)
		return false;
	if ((m & NLHL_RULE_FILTER_MASK) && r->mask != f->mask)
		return false;
	if ((m & NLHL_RULE_FILTER_IIF) && strncmp(r->iif_name, f->iif_name, NLHL_RULE_IFNAMSIZ))
		return false;
	if ((m & NLHL_RULE_FILTER_OIF) && strncmp(r->oif_name, f->oif_name, NLHL_RULE_IFNAMSIZ))
		return false;
	if ((m & NLHL_RULE_FILTER_TOS) && r->tos != f->tos)
		return false;
	if ((m & NLHL_RULE_FILTER_PROTOCOL) && r->protocol != f->protocol)
		return false;
	if ((m & NLHL_RULE_FILTER_IP_PROTO) && r->ip_proto != f->ip_proto)
		return false;
	return true;
}

struct rule_vec {
	struct nlhl__vec vec;  /* of struct nlhl_rule; first: nlhl__vec_reset */
	const struct nlhl_rule *filter;
	uint32_t mask;
};

static int rule_collect(const struct nlmsghdr *nlh, void *arg)
{
	struct rule_vec *vec = arg;
	struct nlhl_rule r, *slot;
	int err;

	if (nlh->nlmsg_type != RTM_NEWRULE)
		return 0;
	err = nlhl__rule_parse(nlh, &r);
	if (err == -EAFNOSUPPORT)
		return 0;
	if (err)
		return nlhl__vec_failed(&vec->vec, nlhl__fail(err, "rule list: malformed rule "
							      "message from the kernel"));
	if (vec->mask && !rule_matches(&r, vec->filter, vec->mask))
		return 0;
	slot = nlhl__vec_push(&vec->vec);
	if (!slot)
		return nlhl__vec_failed(&vec->vec, nlhl__fail(-ENOMEM, "rule list: out of memory"));
	*slot = r;
	return 0;
}

NLHL_API int nlhl_rule_list_filtered(nlhl_handle *h, int family, const struct nlhl_rule *filter,
				     uint32_t mask, struct nlhl_rule **ret, size_t *ret_n)
{
	struct rule_vec vec = { .vec = NLHL__VEC(struct nlhl_rule), .filter = filter,
				.mask = mask };
	struct fib_rule_hdr frh = { .family = (uint8_t)family };
	struct nl_msg *msg;
	int err;

	NLHL_CHECK_PTR(ret, "rule list");
	NLHL_CHECK_PTR(ret_n, "rule list");
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return nlhl__fail(-EINVAL, "rule list: family %d is not AF_INET, AF_INET6 or AF_UNSPEC",
				  family);
	if (mask & ~RULE_FILTER_ALL)
		return nlhl__fail(-EINVAL, "rule list: unknown filter bits 0x%x",
				  mask & ~RULE_FILTER_ALL);
	if (mask && !filter)
		return nlhl__fail(-EINVAL, "rule list: filter is NULL but the mask is 0x%x", mask);
	msg = nlmsg_alloc_simple(RTM_GETRULE, 0);
	if (!msg)
		return nlhl__fail(-ENOMEM, "rule list: out of memory");
	if (nlmsg_append(msg, &frh, sizeof(frh), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-ENOMEM, "rule list: out of memory");
	}
	err = nlhl__dump(h, msg, rule_collect, nlhl__vec_reset, &vec);
	nlmsg_free(msg);
	return nlhl__vec_end(&vec.vec, err, "rule list", ret, ret_n);
}

NLHL_API int nlhl_rule_list(nlhl_handle *h, int family, struct nlhl_rule **ret, size_t *ret_n)
{
	return nlhl_rule_list_filtered(h, family, NULL, 0, ret, ret_n);
}

NLHL_API void nlhl_rule_list_free(struct nlhl_rule *list, size_t n)
{
	(void)n;
	free(list);
}

/* ---------------------------------------------------------------- codec */

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__rule_parse(nlh, obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	(void)op;
	return nlhl__rule_build(type, flags, obj, ret);
}

static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELRULE ? "rule del" : "rule add";
	struct nlhl_rule rule;
	char what[192];

	if (nlhl__rule_parse(nlh, &rule) < 0) {
		snprintf(buf, size, "%s", op);
		return;
	}
	nlhl__rule_describe(&rule, what, sizeof(what));
	snprintf(buf, size, "%s %s", op, what);
}

/* A rule is all it says: the whole message is its key. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	size_t len = nlh->nlmsg_len - NLMSG_HDRLEN;

	nlhl__key_put(k, NLMSG_DATA(nlh), len);
	*content = nlhl__fnv(NLHL_FNV_START, NLMSG_DATA(nlh), len);
	return true;
}

const struct nlhl__codec nlhl__rule_codec = {
	.name = "rule",
	.new_type = RTM_NEWRULE, .del_type = RTM_DELRULE, .get_type = RTM_GETRULE,
	.hdrlen = sizeof(struct fib_rule_hdr),
	.object = NLHL_OBJ_RULE, .group_bit = NLHL_MONITOR_RULE,
	.groups = { { NLHL_MONITOR_RULE4, RTNLGRP_IPV4_RULE, AF_INET },
		    { NLHL_MONITOR_RULE6, RTNLGRP_IPV6_RULE, AF_INET6 } },
	.obj_size = sizeof(struct nlhl_rule),
	.parse = codec_parse, .build = codec_build, .describe = codec_describe,
	.key = codec_key, .key_tag = 'U',
};
