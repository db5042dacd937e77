/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Interface addresses: add/replace/del, list and foreach on the library's
 * own dump loop (libnl's address cache piles up duplicates when a dump is
 * interrupted: docs/design.md trap 1), nlhl_parse_addr / nlhl_format_addr.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "internal-attr.h"
#include "internal-addr.h"
#include "internal-link.h"

#ifndef IFA_RT_PRIORITY
#define IFA_RT_PRIORITY 9
#endif

/* ------------------------------------------------------------ text */

NLHL_API int nlhl_parse_addr(const char *s, struct nlhl_addr *ret)
{
	char buf[NLHL_IPNET_STRLEN + 1];
	const char *sp;
	struct nlhl_addr a = { 0 };
	size_t len;
	int r;

	NLHL_CHECK_PTR(s, "parse addr");
	NLHL_CHECK_PTR(ret, "parse addr");
	sp = strchr(s, ' ');
	len = sp ? (size_t)(sp - s) : strlen(s);
	if (len >= sizeof(buf))
		return nlhl__fail(-EINVAL, "parse addr: \"%s\" is not an address", s);
	memcpy(buf, s, len);
	buf[len] = '\0';
	r = nlhl_parse_ipnet(buf, &a.ipnet);
	if (r < 0)
		return nlhl__fail(r, "parse addr: \"%s\" is not an address with a prefix", s);
	if (sp) {
		const char *label = sp + 1;

		if (!*label || strlen(label) >= sizeof(a.label) || strchr(label, ' '))
			return nlhl__fail(-EINVAL, "parse addr: \"%s\": label is empty, "
					  "longer than 15 bytes or has spaces", s);
		strcpy(a.label, label);
	}
	*ret = a;
	return 0;
}

NLHL_API int nlhl_format_addr(const struct nlhl_addr *addr, char *buf, size_t size)
{
	char tmp[NLHL_ADDR_STRLEN];
	int r;

	NLHL_CHECK_PTR(addr, "format addr");
	NLHL_CHECK_PTR(buf, "format addr");
	r = nlhl_format_ipnet(&addr->ipnet, tmp, NLHL_IPNET_STRLEN);
	if (r < 0)
		return r;
	if (addr->label[0])
		snprintf(tmp + strlen(tmp), sizeof(tmp) - strlen(tmp), " %.*s",
			 (int)sizeof(addr->label) - 1, addr->label);
	if (strlen(tmp) >= size)
		return nlhl__fail(-ENOSPC, "format addr: buffer of %zu bytes too small", size);
	strcpy(buf, tmp);
	return 0;
}

/* ------------------------------------------------------------ build */

static const char *addr_op(int type, int flags)
{
	if (type == RTM_DELADDR)
		return "addr del";
	return (flags & NLM_F_REPLACE) ? "addr replace" : "addr add";
}

static void describe(const struct nlhl_addr *a, char *buf, size_t size)
{
	if (nlhl__family_len(a->ipnet.family) && a->ipnet.prefixlen <= 128) {
		char tmp[INET6_ADDRSTRLEN];

		inet_ntop(a->ipnet.family, a->ipnet.addr, tmp, sizeof(tmp));
		snprintf(buf, size, "%s/%u", tmp, a->ipnet.prefixlen);
	} else {
		snprintf(buf, size, "?");
	}
}

static bool ip_set(const struct nlhl_ip *ip)
{
	return ip->family != 0;
}

int nlhl__addr_build(int type, int flags, int ifindex, const struct nlhl_addr *a,
		     struct nl_msg **ret)
{
	const char *op = addr_op(type, flags);
	struct ifaddrmsg ifa = { 0 };
	char what[NLHL_IPNET_STRLEN];
	struct nl_msg *msg;
	const uint8_t *peer;
	int family, len, scope;

	if (!a)
		return nlhl__fail(-EINVAL, "%s: addr is NULL", op);
	describe(a, what, sizeof(what));
	family = a->ipnet.family;
	len = nlhl__family_len(family);
	if (!len)
		return nlhl__fail(-EINVAL, "%s %s: address family is not IPv4 or IPv6", op, what);
	if (a->ipnet.prefixlen > len * 8)
		return nlhl__fail(-EINVAL, "%s %s: prefix length %u is over %d", op, what,
				  a->ipnet.prefixlen, len * 8);
	if (ifindex <= 0)
		return nlhl__fail(-EINVAL, "%s %s: link index %d is not valid", op, what, ifindex);
	if (a->peer.family && a->peer.family != family)
		return nlhl__fail(-EINVAL, "%s %s: peer family does not match", op, what);
	if (ip_set(&a->broadcast) && (a->broadcast.family != AF_INET || family != AF_INET))
		return nlhl__fail(-EINVAL, "%s %s: broadcast addresses are IPv4 only", op, what);
	if (a->scope < 0 || (a->scope > 255 && a->scope != NLHL_SCOPE_UNIVERSE_EXPLICIT))
		return nlhl__fail(-EINVAL, "%s %s: scope is not 0 to 255", op, what);
	if (memchr(a->label, '\0', sizeof(a->label)) == NULL)
		return nlhl__fail(-EINVAL, "%s %s: label is not NUL-terminated within 16 bytes",
				  op, what);
	if (a->label[0] && family != AF_INET)
		return nlhl__fail(-EINVAL, "%s %s: labels are IPv4 only", op, what);

	/* iproute2's default_scope(): host for 127.0.0.0/8. */
	scope = a->scope;
	if (scope == NLHL_SCOPE_UNIVERSE_EXPLICIT)
		scope = RT_SCOPE_UNIVERSE;
	else if (!scope && type != RTM_DELADDR && family == AF_INET && a->ipnet.addr[0] == 127)
		scope = RT_SCOPE_HOST;
	ifa.ifa_family = (uint8_t)family;
	ifa.ifa_prefixlen = a->ipnet.prefixlen;
	ifa.ifa_flags = (uint8_t)(a->flags & 0xff);
	ifa.ifa_scope = (uint8_t)scope;
	ifa.ifa_index = (uint32_t)ifindex;

	msg = nlmsg_alloc_size(512);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s %s: out of memory", op, what);
	nlmsg_hdr(msg)->nlmsg_type = (uint16_t)type;
	nlmsg_hdr(msg)->nlmsg_flags = (uint16_t)flags;
	peer = a->peer.family ? a->peer.addr : a->ipnet.addr;
	if (nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, IFA_LOCAL, len, a->ipnet.addr) < 0)
		goto full;
	/* As iproute2: a delete names the peer only when given, so that
	 * "10.9.9.1/32" also deletes a point-to-point address. */
	if ((type != RTM_DELADDR || a->peer.family) && nla_put(msg, IFA_ADDRESS, len, peer) < 0)
		goto full;
	if (a->label[0] && nla_put_string(msg, IFA_LABEL, a->label) < 0)
		goto full;
	if (type != RTM_DELADDR) {
		if (ip_set(&a->broadcast)) {
			if (nla_put(msg, IFA_BROADCAST, 4, a->broadcast.addr) < 0)
				goto full;
		} else if (a->auto_broadcast && family == AF_INET && a->ipnet.prefixlen < 31) {
			/* Go's AddrAdd: local address with the host bits set. */
			uint8_t brd[4];

			for (int i = 0; i < 4; i++) {
				int bits = (int)a->ipnet.prefixlen - i * 8;
				uint8_t host = bits >= 8 ? 0 : bits <= 0 ? 0xff : (uint8_t)(0xff >> bits);

				brd[i] = a->ipnet.addr[i] | host;
			}
			if (nla_put(msg, IFA_BROADCAST, 4, brd) < 0)
				goto full;
		}
		if (a->flags && nla_put_u32(msg, IFA_FLAGS, a->flags) < 0)
			goto full;
		if (a->valid_lft || a->preferred_lft) {
			struct ifa_cacheinfo ci = {
				.ifa_prefered = a->preferred_lft ? a->preferred_lft
								 : NLHL_ADDR_LFT_FOREVER,
				.ifa_valid = a->valid_lft ? a->valid_lft : NLHL_ADDR_LFT_FOREVER,
			};

			if (nla_put(msg, IFA_CACHEINFO, sizeof(ci), &ci) < 0)
				goto full;
		}
		if (a->rt_priority && nla_put_u32(msg, IFA_RT_PRIORITY, a->rt_priority) < 0)
			goto full;
	}
	*ret = msg;
	return 0;
full:
	nlmsg_free(msg);
	return nlhl__fail(-EMSGSIZE, "%s %s: address does not fit in a message", op, what);
}

/* ------------------------------------------------------------ parse */

int nlhl__addr_parse(const struct nlmsghdr *nlh, struct nlhl_addr *a)
{
	struct nlattr *tb[IFA_MAX + 1];
	const struct ifaddrmsg *ifa;
	const struct nlattr *local, *address;
	int len;

	memset(a, 0, sizeof(*a));
	if (!nlh || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
		return -EPROTO;
	ifa = nlmsg_data(nlh);
	len = nlhl__family_len(ifa->ifa_family);
	if (!len)
		return -EAFNOSUPPORT;
	if (ifa->ifa_prefixlen > len * 8)
		return -EPROTO;
	if (nlhl__parse_msg(tb, IFA_MAX, nlh, sizeof(*ifa)) < 0)
		return -EPROTO;
	local = tb[IFA_LOCAL];
	address = tb[IFA_ADDRESS];
	if (local && nla_len(local) < len)
		local = NULL;
	if (address && nla_len(address) < len)
		address = NULL;
	if (!local)
		local = address;
	if (!local)
		return -EPROTO;

	a->ipnet.family = ifa->ifa_family;
	a->ipnet.prefixlen = ifa->ifa_prefixlen;
	memcpy(a->ipnet.addr, nla_data(local), (size_t)len);
	/* Point-to-point: IFA_ADDRESS is the peer when it differs. */
	if (address && address != local && memcmp(nla_data(address), nla_data(local), (size_t)len)) {
		a->peer.family = ifa->ifa_family;
		a->peer.prefixlen = ifa->ifa_prefixlen;
		memcpy(a->peer.addr, nla_data(address), (size_t)len);
	}
	a->link_index = (int)ifa->ifa_index;
	a->scope = ifa->ifa_scope;
	a->flags = nlhl__get_u32_or(tb[IFA_FLAGS], ifa->ifa_flags);
	nlhl__get_str(tb[IFA_LABEL], a->label, sizeof(a->label));
	if (tb[IFA_BROADCAST] && nla_len(tb[IFA_BROADCAST]) >= 4 && ifa->ifa_family == AF_INET) {
		a->broadcast.family = AF_INET;
		memcpy(a->broadcast.addr, nla_data(tb[IFA_BROADCAST]), 4);
	}
	if (tb[IFA_CACHEINFO] && nla_len(tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo)) {
		struct ifa_cacheinfo ci;

		memcpy(&ci, nla_data(tb[IFA_CACHEINFO]), sizeof(ci));
		a->valid_lft = ci.ifa_valid;
		a->preferred_lft = ci.ifa_prefered;
	}
	a->rt_priority = nlhl__get_u32(tb[IFA_RT_PRIORITY]);
	return 0;
}

int nlhl__link_ifindex(nlhl_handle *h, const struct nlhl_link *link, const char *op, int *ret)
{
	return nlhl__link_index(h, link, op, ret);
}

/* ------------------------------------------------------------ changes */

static int addr_change(nlhl_handle *h, int type, int flags, const struct nlhl_link *link,
		       const struct nlhl_addr *addr)
{
	const char *op = addr_op(type, flags);
	char what[NLHL_IPNET_STRLEN];
	struct nl_msg *msg;
	int ifindex = 0, r;

	NLHL_CHECK_PTR(addr, op);
	r = nlhl__link_index(h, link, op, &ifindex);
	if (r < 0)
		return r;
	r = nlhl__addr_build(type, flags, ifindex, addr, &msg);
	if (r < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0) {
		describe(addr, what, sizeof(what));
		return nlhl__fail_req(r, "%s %s", op, what);
	}
	return 0;
}

NLHL_API int nlhl_addr_add(nlhl_handle *h, const struct nlhl_link *link,
			   const struct nlhl_addr *addr)
{
	return addr_change(h, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, link, addr);
}

NLHL_API int nlhl_addr_replace(nlhl_handle *h, const struct nlhl_link *link,
			       const struct nlhl_addr *addr)
{
	return addr_change(h, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, link, addr);
}

NLHL_API int nlhl_addr_del(nlhl_handle *h, const struct nlhl_link *link,
			   const struct nlhl_addr *addr)
{
	return addr_change(h, RTM_DELADDR, 0, link, addr);
}

/* ------------------------------------------------------------ lists */

struct addr_dump {
	struct nlhl__vec v;  /* of struct nlhl_addr; first: nlhl__vec_reset */
	int ifindex;
	nlhl_addr_cb cb;
	void *arg;
};

static int addr_collect_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct addr_dump *d = arg;
	struct nlhl_addr *slot;
	int r;

	if (nlh->nlmsg_type != RTM_NEWADDR)
		return 0;
	slot = nlhl__vec_push(&d->v);
	if (!slot)
		return -ENOMEM;
	r = nlhl__addr_parse(nlh, slot);
	/* The kernel filters by index; the check guards old kernels. */
	if (r < 0 || (d->ifindex && slot->link_index != d->ifindex))
		nlhl__vec_pop(&d->v);
	return r == -EAFNOSUPPORT ? 0 : r;
}

static int addr_stream_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct addr_dump *d = arg;
	struct nlhl_addr a;
	int r;

	if (nlh->nlmsg_type != RTM_NEWADDR)
		return 0;
	r = nlhl__addr_parse(nlh, &a);
	if (r == -EAFNOSUPPORT)
		return 0;
	if (r < 0)
		return r;
	if (d->ifindex && a.link_index != d->ifindex)
		return 0;
	r = d->cb(&a, d->arg);
	return r < 0 ? r : 0;
}

static int addr_dump(nlhl_handle *h, const struct nlhl_link *link, int family,
		     struct addr_dump *d, bool stream, const char *op)
{
	struct ifaddrmsg ifa = { 0 };
	struct nl_msg *msg;
	int r;

	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return nlhl__fail(-EINVAL, "%s: family %d is not AF_INET, AF_INET6 or AF_UNSPEC",
				  op, family);
	if (link) {
		r = nlhl__link_index(h, link, op, &d->ifindex);
		if (r < 0)
			return r;
	}
	ifa.ifa_family = (uint8_t)family;
	ifa.ifa_index = (uint32_t)d->ifindex;
	msg = nlmsg_alloc_size(128);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	nlmsg_hdr(msg)->nlmsg_type = RTM_GETADDR;
	if (nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
	}
	if (stream)
		r = nlhl__dump(h, msg, addr_stream_cb, NULL, d);
	else
		r = nlhl__dump(h, msg, addr_collect_cb, nlhl__vec_reset, d);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "%s", op);
	return 0;
}

NLHL_API int nlhl_addr_list(nlhl_handle *h, const struct nlhl_link *link, int family,
			    struct nlhl_addr **ret, size_t *ret_n)
{
	struct addr_dump d = { .v = NLHL__VEC(struct nlhl_addr) };
	int r;

	NLHL_CHECK_PTR(ret, "addr list");
	NLHL_CHECK_PTR(ret_n, "addr list");
	r = addr_dump(h, link, family, &d, false, "addr list");
	if (r < 0)
		nlhl__vec_failed(&d.v, r);  /* addr_dump described it */
	return nlhl__vec_end(&d.v, r, "addr list", ret, ret_n);
}

NLHL_API void nlhl_addr_list_free(struct nlhl_addr *list, size_t n)
{
	(void)n;
	free(list);
}

NLHL_API int nlhl_addr_foreach(nlhl_handle *h, const struct nlhl_link *link, int family,
			       nlhl_addr_cb cb, void *arg)
{
	struct addr_dump d = { .cb = cb, .arg = arg };

	NLHL_CHECK_PTR(cb, "addr foreach");
	return addr_dump(h, link, family, &d, true, "addr foreach");
}

/* ---------------------------------------------------------------- codec */

#include <stddef.h>

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__addr_parse(nlh, obj);
}

/* The address's own link_index says where it goes. */
static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	const struct nlhl_addr *a = obj;

	(void)op;
	return nlhl__addr_build(type, flags, a->link_index, a, ret);
}

static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELADDR ? "addr del"
			 : (nlh->nlmsg_flags & NLM_F_REPLACE) ? "addr replace" : "addr add";
	struct nlhl_addr a;
	char what[NLHL_IPNET_STRLEN];

	if (nlhl__addr_parse(nlh, &a) < 0 || nlhl_format_ipnet(&a.ipnet, what, sizeof(what)) < 0)
		snprintf(buf, size, "%s", op);
	else
		snprintf(buf, size, "%s %s dev %d", op, what, a.link_index);
}

static const uint16_t volatile_attrs[] = { IFA_CACHEINFO };

/* An address is its link, prefix and local/peer address. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct ifaddrmsg ifa;

	nlhl__codec_hdr(nlh, &ifa, sizeof(ifa));
	nlhl__codec_attrs(nlh, sizeof(ifa), tb);
	nlhl__key_put(k, &ifa.ifa_family, 1);
	nlhl__key_put(k, &ifa.ifa_prefixlen, 1);
	nlhl__key_put(k, &ifa.ifa_index, sizeof(ifa.ifa_index));
	nlhl__key_attr(k, tb[IFA_LOCAL], IFA_LOCAL);
	nlhl__key_attr(k, tb[IFA_ADDRESS], IFA_ADDRESS);
	*content = nlhl__content_hash(nlh, &ifa, sizeof(ifa), volatile_attrs,
				      NLHL_ARRAY_SIZE(volatile_attrs));
	return true;
}

const struct nlhl__codec nlhl__addr_codec = {
	.name = "addr",
	.new_type = RTM_NEWADDR, .del_type = RTM_DELADDR, .get_type = RTM_GETADDR,
	.hdrlen = sizeof(struct ifaddrmsg),
	.object = NLHL_OBJ_ADDR, .group_bit = NLHL_MONITOR_ADDR,
	.groups = { { NLHL_MONITOR_ADDR4, RTNLGRP_IPV4_IFADDR, AF_INET },
		    { NLHL_MONITOR_ADDR6, RTNLGRP_IPV6_IFADDR, AF_INET6 } },
	.obj_size = sizeof(struct nlhl_addr),
	.parse = codec_parse, .build = codec_build, .describe = codec_describe,
	.key = codec_key, .key_tag = 'A', .ifindex_off = offsetof(struct ifaddrmsg, ifa_index),
};
