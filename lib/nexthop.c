/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Nexthop objects (`ip nexthop`): add/replace/del/get/list, built and
 * parsed directly on the message.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "internal-attr.h"
#include "internal-nexthop.h"
#include "internal-route.h"

NLHL_API void nlhl_nexthop_clear(struct nlhl_nexthop *nh)
{
	if (!nh)
		return;
	free(nh->group);
	memset(nh, 0, sizeof(*nh));
}

static const char *nh_op(int type, int flags)
{
	if (type == RTM_DELNEXTHOP)
		return "nexthop del";
	if (type == RTM_GETNEXTHOP)
		return "nexthop get";
	return (flags & NLM_F_REPLACE) ? "nexthop replace" : "nexthop add";
}

static int nh_family(const struct nlhl_nexthop *nh)
{
	if (nh->family)
		return nh->family;
	if (nh->gw.family)
		return nh->gw.family;
	if (nh->n_group)
		return AF_UNSPEC;
	return AF_INET;
}

static int validate(const char *op, const struct nlhl_nexthop *nh, int family)
{
	const char *why = NULL;

	if (family != AF_UNSPEC && !nlhl__family_len(family))
		why = "family is not AF_INET or AF_INET6";
	else if (family == AF_UNSPEC && !nh->n_group)
		why = "family AF_UNSPEC is for groups only";
	else if (nh->gw.family && nh->gw.family != family && family != AF_INET)
		why = "gateway family does not match the nexthop's family";
	else if (nh->gw.family && !nlhl__family_len(nh->gw.family))
		why = "gateway family is not IPv4 or IPv6";
	else if (nh->n_group && !nh->group)
		why = "n_group is set but group is NULL";
	else if (nh->n_group && (nh->gw.family || nh->link_index || nh->blackhole ||
				 nh->encap.type))
		why = "a group takes no gateway, link, blackhole or encap";
	else if (nh->blackhole && (nh->gw.family || nh->link_index || nh->encap.type || nh->fdb))
		why = "a blackhole nexthop takes no gateway, link, encap or fdb";
	else if (!nh->n_group && !nh->blackhole && !nh->link_index && !nh->fdb)
		why = "a nexthop needs a link, a group, blackhole or fdb";
	else if (nh->link_index < 0 || nh->protocol < 0 || nh->protocol > 255)
		why = "link_index or protocol out of range";
	else if (nh->group_type != NLHL_NEXTHOP_GRP_MPATH && nh->group_type != NLHL_NEXTHOP_GRP_RES)
		why = "unknown group type";
	else
		why = nlhl__encap_check(&nh->encap);
	for (size_t i = 0; !why && i < nh->n_group; i++)
		if (!nh->group[i].id || nh->group[i].weight < 0 || nh->group[i].weight > 256)
			why = "group member needs an id and a weight of 1 to 256";
	if (why)
		return nlhl__fail(-EINVAL, "%s %u: %s", op, nh->id, why);
	return 0;
}

int nlhl__nexthop_build(int type, int flags, const struct nlhl_nexthop *nh, struct nl_msg **ret)
{
	const char *op = nh_op(type, flags);
	struct nhmsg nhm = { 0 };
	struct nl_msg *msg;
	int family, r;

	if (!nh)
		return nlhl__fail(-EINVAL, "%s: nexthop is NULL", op);
	family = nh_family(nh);
	if (type == RTM_NEWNEXTHOP && (r = validate(op, nh, family)) < 0)
		return r;
	if (type != RTM_NEWNEXTHOP && !nh->id)
		return nlhl__fail(-EINVAL, "%s: id 0 is not a nexthop", op);
	if (nh->n_group > 4096)
		return nlhl__fail(-EINVAL, "%s %u: more than 4096 group members", op, nh->id);
	msg = nlmsg_alloc_size(512 + nh->n_group * sizeof(struct nexthop_grp));
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s %u: out of memory", op, nh->id);
	nlmsg_hdr(msg)->nlmsg_type = (uint16_t)type;
	nlmsg_hdr(msg)->nlmsg_flags = (uint16_t)flags;
	if (type == RTM_NEWNEXTHOP) {
		nhm.nh_family = (uint8_t)family;
		nhm.nh_protocol = (uint8_t)(nh->protocol ? nh->protocol : RTPROT_BOOT);
		nhm.nh_flags = nh->flags & 0xff;
	}
	if (nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
	    (nh->id && nla_put_u32(msg, NHA_ID, nh->id) < 0))
		goto full;
	if (type != RTM_NEWNEXTHOP)
		goto done;
	if (nh->n_group) {
		struct nexthop_grp *g;
		struct nlattr *a = nla_reserve(msg, NHA_GROUP,
					       (int)(nh->n_group * sizeof(*g)));

		if (!a)
			goto full;
		g = nla_data(a);
		for (size_t i = 0; i < nh->n_group; i++) {
			memset(&g[i], 0, sizeof(g[i]));
			g[i].id = nh->group[i].id;
			g[i].weight = (uint8_t)(nh->group[i].weight > 0 ? nh->group[i].weight - 1 : 0);
		}
		if (nh->group_type && nla_put_u16(msg, NHA_GROUP_TYPE, (uint16_t)nh->group_type) < 0)
			goto full;
	}
	if (nh->blackhole && nla_put_flag(msg, NHA_BLACKHOLE) < 0)
		goto full;
	if (nh->fdb && nla_put_flag(msg, NHA_FDB) < 0)
		goto full;
	if (nh->link_index && nla_put_u32(msg, NHA_OIF, (uint32_t)nh->link_index) < 0)
		goto full;
	if (nh->gw.family &&
	    nla_put(msg, NHA_GATEWAY, nlhl__family_len(nh->gw.family), nh->gw.addr) < 0)
		goto full;
	if (nlhl__encap_put(msg, NHA_ENCAP_TYPE, NHA_ENCAP, &nh->encap) < 0)
		goto full;
done:
	*ret = msg;
	return 0;
full:
	nlmsg_free(msg);
	return nlhl__fail(-EMSGSIZE, "%s %u: does not fit in a message", op, nh->id);
}

int nlhl__nexthop_parse(const struct nlmsghdr *nlh, struct nlhl_nexthop *nh)
{
	struct nlattr *tb[NHA_MAX + 1];
	const struct nhmsg *nhm;

	memset(nh, 0, sizeof(*nh));
	if (!nlh || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*nhm)))
		return -EPROTO;
	nhm = nlmsg_data(nlh);
	if (nlhl__parse_msg(tb, NHA_MAX, nlh, sizeof(*nhm)) < 0)
		return -EPROTO;
	nh->family = nhm->nh_family;
	nh->protocol = nhm->nh_protocol;
	nh->scope = nhm->nh_scope;
	nh->flags = nhm->nh_flags;
	nh->id = nlhl__get_u32(tb[NHA_ID]);
	nh->link_index = (int)nlhl__get_u32(tb[NHA_OIF]);
	if (tb[NHA_GATEWAY]) {
		int len = nla_len(tb[NHA_GATEWAY]);
		int fam = len == 4 ? AF_INET : len == 16 ? AF_INET6 : 0;

		if (fam) {
			nh->gw.family = fam;
			memcpy(nh->gw.addr, nla_data(tb[NHA_GATEWAY]), (size_t)len);
		}
	}
	nh->blackhole = tb[NHA_BLACKHOLE] != NULL;
	nh->fdb = tb[NHA_FDB] != NULL;
	nh->group_type = nlhl__get_u16(tb[NHA_GROUP_TYPE]);
	nlhl__encap_get(tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP], &nh->encap);
	if (tb[NHA_GROUP]) {
		size_t n = (size_t)nla_len(tb[NHA_GROUP]) / sizeof(struct nexthop_grp);
		const uint8_t *p = nla_data(tb[NHA_GROUP]);

		if (n) {
			nh->group = calloc(n, sizeof(*nh->group));
			if (!nh->group)
				return -ENOMEM;
			nh->n_group = n;
			for (size_t i = 0; i < n; i++) {
				struct nexthop_grp g;

				memcpy(&g, p + i * sizeof(g), sizeof(g));
				nh->group[i].id = g.id;
				nh->group[i].weight = g.weight + 1;
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------ calls */

static int echo_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlhl_nexthop nh;

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP || nlhl__nexthop_parse(nlh, &nh) < 0)
		return 0;
	*(uint32_t *)arg = nh.id;
	free(nh.group);
	return 0;
}

static int nh_request(nlhl_handle *h, int type, int flags, const struct nlhl_nexthop *nh,
		      nlhl_msg_cb cb, void *arg)
{
	struct nl_msg *msg;
	int r = nlhl__nexthop_build(type, flags, nh, &msg);

	if (r < 0)
		return r;
	r = nlhl__request(h, msg, cb, arg);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "%s %u", nh_op(type, flags), nh->id);
	return 0;
}

NLHL_API int nlhl_nexthop_add(nlhl_handle *h, struct nlhl_nexthop *nh)
{
	uint32_t id = 0;
	int r;

	NLHL_CHECK_PTR(nh, "nexthop add");
	/* NLM_F_ECHO: the kernel's answer carries the id it assigned. */
	r = nh_request(h, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ECHO, nh,
		       echo_cb, &id);
	if (r < 0)
		return r;
	if (id)
		nh->id = id;
	return 0;
}

NLHL_API int nlhl_nexthop_replace(nlhl_handle *h, const struct nlhl_nexthop *nh)
{
	NLHL_CHECK_PTR(nh, "nexthop replace");
	if (!nh->id)
		return nlhl__fail(-EINVAL, "nexthop replace: id must be set");
	return nh_request(h, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, nh, NULL, NULL);
}

NLHL_API int nlhl_nexthop_del(nlhl_handle *h, uint32_t id)
{
	struct nlhl_nexthop nh = { .id = id };

	return nh_request(h, RTM_DELNEXTHOP, 0, &nh, NULL, NULL);
}

struct nh_get {
	struct nlhl_nexthop nh;
	bool got;
	int err;
};

static int get_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nh_get *g = arg;
	int r;

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP || g->got)
		return 0;
	r = nlhl__nexthop_parse(nlh, &g->nh);
	if (r < 0)
		return r;
	g->got = true;
	return 0;
}

NLHL_API int nlhl_nexthop_get(nlhl_handle *h, uint32_t id, struct nlhl_nexthop *ret)
{
	struct nlhl_nexthop key = { .id = id };
	struct nh_get g = { 0 };
	int r;

	NLHL_CHECK_PTR(ret, "nexthop get");
	r = nh_request(h, RTM_GETNEXTHOP, 0, &key, get_cb, &g);
	if (r == 0 && !g.got)
		r = nlhl__fail(-ENODATA, "nexthop get %u: the kernel answered without a nexthop", id);
	if (r < 0) {
		nlhl_nexthop_clear(&g.nh);
		return r;
	}
	*ret = g.nh;
	return 0;
}

struct nh_list {
	struct nlhl__vec v;  /* of struct nlhl_nexthop */
	int family;
};

static int list_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nh_list *l = arg;
	struct nlhl_nexthop *slot;
	int r;

	if (nlh->nlmsg_type != RTM_NEWNEXTHOP)
		return 0;
	slot = nlhl__vec_push(&l->v);
	if (!slot)
		return -ENOMEM;
	r = nlhl__nexthop_parse(nlh, slot);
	if (r < 0)
		nlhl__vec_pop(&l->v);
	return r;
}

static int list_restart(void *arg)
{
	struct nh_list *l = arg;
	struct nlhl_nexthop *list = l->v.items;

	for (size_t i = 0; i < l->v.n; i++)
		free(list[i].group);
	return nlhl__vec_reset(&l->v);
}

NLHL_API void nlhl_nexthop_list_free(struct nlhl_nexthop *list, size_t n)
{
	if (!list)
		return;
	for (size_t i = 0; i < n; i++)
		free(list[i].group);
	free(list);
}

NLHL_API int nlhl_nexthop_list(nlhl_handle *h, int family, struct nlhl_nexthop **ret,
			       size_t *ret_n)
{
	struct nhmsg nhm = { .nh_family = (uint8_t)family };
	struct nh_list l = { .v = NLHL__VEC(struct nlhl_nexthop), .family = family };
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(ret, "nexthop list");
	NLHL_CHECK_PTR(ret_n, "nexthop list");
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return nlhl__fail(-EINVAL, "nexthop list: family %d is not AF_INET, AF_INET6 "
				  "or AF_UNSPEC", family);
	msg = nlmsg_alloc_size(128);
	if (!msg)
		return nlhl__fail(-ENOMEM, "nexthop list: out of memory");
	nlmsg_hdr(msg)->nlmsg_type = RTM_GETNEXTHOP;
	if (nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "nexthop list: message too large");
	}
	r = nlhl__dump(h, msg, list_cb, list_restart, &l);
	nlmsg_free(msg);
	if (r < 0)
		list_restart(&l);  /* frees the groups; nlhl__vec_end the array */
	return nlhl__vec_end(&l.v, r, "nexthop list", ret, ret_n);
}

/* ---------------------------------------------------------------- codec */

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__nexthop_parse(nlh, obj);
}

static void codec_clear(void *obj)
{
	nlhl_nexthop_clear(obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	(void)op;
	return nlhl__nexthop_build(type, flags, obj, ret);
}

/* The id is all a nexthop request needs to be found again. */
static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELNEXTHOP ? "nexthop del"
			 : (nlh->nlmsg_flags & NLM_F_REPLACE) ? "nexthop replace" : "nexthop add";
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];

	nlhl__codec_attrs(nlh, sizeof(struct nhmsg), tb);
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct nhmsg)) || !tb[NHA_ID] ||
	    nla_len(tb[NHA_ID]) < 4)
		snprintf(buf, size, "%s", op);
	else
		snprintf(buf, size, "%s id %u", op, nla_get_u32(tb[NHA_ID]));
}

static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct nhmsg nhm;

	nlhl__codec_hdr(nlh, &nhm, sizeof(nhm));
	nlhl__codec_attrs(nlh, sizeof(nhm), tb);
	if (!tb[NHA_ID])
		return false;
	nlhl__key_attr(k, tb[NHA_ID], NHA_ID);
	*content = nlhl__content_hash(nlh, &nhm, sizeof(nhm), NULL, 0);
	return true;
}

const struct nlhl__codec nlhl__nexthop_codec = {
	.name = "nexthop",
	.new_type = RTM_NEWNEXTHOP, .del_type = RTM_DELNEXTHOP, .get_type = RTM_GETNEXTHOP,
	.hdrlen = sizeof(struct nhmsg),
	.object = NLHL_OBJ_NEXTHOP, .group_bit = NLHL_MONITOR_NEXTHOP,
	.groups = { { NLHL_MONITOR_NEXTHOP, RTNLGRP_NEXTHOP, AF_UNSPEC } },
	.obj_size = sizeof(struct nlhl_nexthop),
	.parse = codec_parse, .clear = codec_clear, .build = codec_build,
	.describe = codec_describe,
	.key = codec_key, .key_tag = 'H',
};
