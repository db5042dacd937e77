/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Routes: add/append/replace/del, lists (own dump loop, never libnl
 * caches: DESIGN.md rule 1), streaming foreach and route get.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

#include "internal-attr.h"
#include "internal-route.h"
#include "internal-link.h"
#include "internal-watch.h"

/* ------------------------------------------------------------ changes */

static int route_change(nlhl_handle *h, int type, int flags, const struct nlhl_route *route)
{
	struct nl_msg *msg;
	char what[NLHL_IPNET_STRLEN];
	int r;

	r = nlhl__route_build(type, flags, route, &msg);
	if (r < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0) {
		nlhl__route_describe(route, what, sizeof(what));
		return nlhl__fail_req(r, "%s %s", nlhl__route_op(type, flags), what);
	}
	return 0;
}

NLHL_API int nlhl_route_add(nlhl_handle *h, const struct nlhl_route *route)
{
	return route_change(h, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, route);
}

NLHL_API int nlhl_route_append(nlhl_handle *h, const struct nlhl_route *route)
{
	return route_change(h, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, route);
}

NLHL_API int nlhl_route_replace(nlhl_handle *h, const struct nlhl_route *route)
{
	return route_change(h, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, route);
}

NLHL_API int nlhl_route_del(nlhl_handle *h, const struct nlhl_route *route)
{
	return route_change(h, RTM_DELROUTE, 0, route);
}

/* ------------------------------------------------------------ filters */

struct filter {
	const struct nlhl_route *f;   /* NULL: no filter */
	uint32_t mask;
	uint32_t table;               /* after defaulting; 0 = every table */
};

static bool ip_eq(const struct nlhl_ip *a, const struct nlhl_ip *b)
{
	return a->family == b->family &&
	       !memcmp(a->addr, b->addr, (size_t)nlhl__family_len(a->family));
}

static bool net_eq(const struct nlhl_ipnet *a, const struct nlhl_ipnet *b)
{
	struct nlhl_ipnet ma, mb;

	if (a->family != b->family)
		return false;
	if (!a->family)
		return true;
	if (a->prefixlen != b->prefixlen || nlhl_ipnet_mask(a, &ma) < 0 ||
	    nlhl_ipnet_mask(b, &mb) < 0)
		return false;
	return !memcmp(ma.addr, mb.addr, 16);
}

static bool any_path(const struct nlhl_route *r, const struct nlhl_route *f, bool by_gw)
{
	if (by_gw ? ip_eq(&r->gw, &f->gw) : r->link_index == f->link_index)
		return true;
	for (size_t i = 0; i < r->n_multipath; i++)
		if (by_gw ? ip_eq(&r->multipath[i].gw, &f->gw)
			  : r->multipath[i].link_index == f->link_index)
			return true;
	return false;
}

/* Cloned routes (exceptions) are never listed: the kernel leaves them out
 * of dumps without RTM_F_CLONED; the check covers old kernels. */
static bool keep(const struct filter *flt, const struct nlhl_route *r)
{
	const struct nlhl_route *f = flt->f;
	uint32_t m = flt->mask;

	if (r->flags & RTM_F_CLONED)
		return false;
	if (flt->table && r->table != flt->table)
		return false;
	if (!f)
		return true;
	if ((m & NLHL_RT_FILTER_PROTOCOL) && r->protocol != f->protocol)
		return false;
	if ((m & NLHL_RT_FILTER_SCOPE) && r->scope != f->scope)
		return false;
	if ((m & NLHL_RT_FILTER_TYPE) && r->type != f->type)
		return false;
	if ((m & NLHL_RT_FILTER_TOS) && r->tos != f->tos)
		return false;
	if ((m & NLHL_RT_FILTER_IIF) && r->ilink_index != f->ilink_index)
		return false;
	if ((m & NLHL_RT_FILTER_DST) && !net_eq(&r->dst, &f->dst))
		return false;
	if ((m & NLHL_RT_FILTER_SRC) && !ip_eq(&r->src, &f->src))
		return false;
	if ((m & NLHL_RT_FILTER_GW) && !any_path(r, f, true))
		return false;
	if ((m & NLHL_RT_FILTER_OIF) && !any_path(r, f, false))
		return false;
	if ((m & NLHL_RT_FILTER_PRIORITY) && r->priority != f->priority)
		return false;
	return true;
}

static int check_filter(int family, const struct nlhl_route *f, uint32_t mask,
			struct filter *flt, const char *op)
{
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return nlhl__fail(-EINVAL, "%s: family %d is not AF_INET, AF_INET6 or AF_UNSPEC",
				  op, family);
	if (mask && !f)
		return nlhl__fail(-EINVAL, "%s: filter is NULL but mask is set", op);
	if (mask & ~((NLHL_RT_FILTER_PRIORITY << 1) - 1))
		return nlhl__fail(-EINVAL, "%s: unknown filter bits 0x%x", op, mask);
	flt->f = mask ? f : NULL;
	flt->mask = mask;
	flt->table = (mask & NLHL_RT_FILTER_TABLE) ? f->table : RT_TABLE_MAIN;
	if ((mask & NLHL_RT_FILTER_PROTOCOL) && (f->protocol < 0 || f->protocol > 255))
		return nlhl__fail(-EINVAL, "%s: filter protocol is not 0 to 255", op);
	if ((mask & NLHL_RT_FILTER_TYPE) && (f->type < 0 || f->type > 255))
		return nlhl__fail(-EINVAL, "%s: filter type is not 0 to 255", op);
	if ((mask & NLHL_RT_FILTER_OIF) && f->link_index <= 0)
		return nlhl__fail(-EINVAL, "%s: filter link_index must be set", op);
	return 0;
}

/* A dump request that lets the kernel filter what it can under strict
 * checking: table, protocol, type (rtmsg) and output device (RTA_OIF). */
static int dump_msg(int family, const struct filter *flt, struct nl_msg **ret)
{
	struct rtmsg rtm = { .rtm_family = (uint8_t)family };
	struct nl_msg *msg = nlmsg_alloc_size(256);

	if (!msg)
		return -ENOMEM;
	nlmsg_hdr(msg)->nlmsg_type = RTM_GETROUTE;
	if (flt->table)
		rtm.rtm_table = flt->table < 256 ? (uint8_t)flt->table : RT_TABLE_COMPAT;
	if (flt->mask & NLHL_RT_FILTER_PROTOCOL)
		rtm.rtm_protocol = (uint8_t)flt->f->protocol;
	if (flt->mask & NLHL_RT_FILTER_TYPE)
		rtm.rtm_type = (uint8_t)flt->f->type;
	if (nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO) < 0 ||
	    (flt->table >= 256 && nla_put_u32(msg, RTA_TABLE, flt->table) < 0) ||
	    ((flt->mask & NLHL_RT_FILTER_OIF) &&
	     nla_put_u32(msg, RTA_OIF, (uint32_t)flt->f->link_index) < 0)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	*ret = msg;
	return 0;
}

/*
 * Runs one dump per family (AF_UNSPEC: IPv4 then IPv6, so that a table
 * filter works for both: the kernel rejects a missing table in an
 * AF_UNSPEC dump but returns nothing for one family).
 *
 * The kernel never flags route dumps as interrupted.  IPv4 dumps resume by
 * key and stay exact; IPv6 dumps resume by count after a tree change and
 * repeat or skip routes.  So the IPv6 dump runs under a watch of the IPv6
 * route group: *changed (when not NULL) tells whether anything changed
 * while it ran.
 */
static int run_dumps(nlhl_handle *h, int family, const struct filter *flt, nlhl_msg_cb cb,
		     int (*restart)(void *), void *arg, bool *changed)
{
	static const int both[] = { AF_INET, AF_INET6 };
	nlhl_handle *use;
	int r = 0;

	if (changed)
		*changed = false;
	r = nlhl__handle_acquire(h, &use);
	if (r < 0)
		return r;
	for (int i = 0; i < 2 && r == 0; i++) {
		int fam = family ? family : both[i];
		struct nl_msg *msg;
		int watch = -1;

		r = dump_msg(fam, flt, &msg);
		if (r < 0)
			break;
		if (changed && fam == AF_INET6)
			r = nlhl__watch_open(use, RTNLGRP_IPV6_ROUTE, &watch);
		if (r == 0)
			r = nlhl__dump(use, msg, cb, restart, arg);
		nlmsg_free(msg);
		/* A table that one family lacks is an empty result for that
		 * family (some kernels fail the dump with -ENOENT). */
		if (r == -ENOENT && flt->table) {
			nlhl__detail_clear();
			r = 0;
		}
		if (r == 0 && nlhl__watch_fired(watch))
			*changed = true;
		nlhl__watch_close(watch);
		if (family)
			break;
	}
	nlhl__handle_release(h, use);
	return r;
}

/* ------------------------------------------------------------ lists */

struct collect {
	struct nlhl__vec v;  /* of struct nlhl_route */
	struct filter flt;
	size_t first;   /* start of the current family's dump */
};

static struct nlhl_route *routes(struct collect *c)
{
	return c->v.items;
}

static int collect_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct collect *c = arg;
	struct nlhl_route *slot;
	int r;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	slot = nlhl__vec_push(&c->v);
	if (!slot)
		return -ENOMEM;
	/* parsed in place: a route is 300 bytes, copying it costs */
	r = nlhl__route_parse(nlh, slot);
	if (r == -EAFNOSUPPORT || (r == 0 && !keep(&c->flt, slot))) {
		nlhl_route_clear(slot);
		nlhl__vec_pop(&c->v);
		return 0;
	}
	if (r < 0)
		nlhl__vec_pop(&c->v);
	return r;
}

/* An interrupted dump starts over: drop this family's routes. */
static int collect_restart(void *arg)
{
	struct collect *c = arg;

	for (size_t i = c->first; i < c->v.n; i++)
		free(routes(c)[i].multipath);
	c->v.n = c->first;
	return 0;
}

/* The identity of an IPv6 route in its table: the kernel keeps at most
 * one route per (table, dst, src, metric, device, gateway). */
static int v6_key_cmp(const void *pa, const void *pb)
{
	const struct nlhl_route *a = *(const struct nlhl_route *const *)pa;
	const struct nlhl_route *b = *(const struct nlhl_route *const *)pb;
	int c;

	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	if (a->link_index != b->link_index)
		return a->link_index < b->link_index ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if ((c = memcmp(&a->dst, &b->dst, sizeof(a->dst))) ||
	    (c = memcmp(&a->src_net, &b->src_net, sizeof(a->src_net))) ||
	    (c = memcmp(&a->gw, &b->gw, sizeof(a->gw))))
		return c;
	/* Equal keys: keep dump order, so the first copy survives. */
	return a < b ? -1 : a > b;
}

/*
 * The kernel resumes an IPv6 route dump after a tree change by walking from
 * the root again and skipping as many routes as it already sent, without
 * flagging NLM_F_DUMP_INTR: a route added meanwhile before the resume point
 * makes one route come twice.  Drop such repeats (same identity), keeping
 * the first (memcmp is exact: the parser zeroes each struct first).
 */
static int drop_v6_repeats(struct collect *c)
{
	size_t n = c->v.n - c->first, k = 0;
	struct nlhl_route **idx;
	bool any = false;

	if (n < 2)
		return 0;
	idx = malloc(n * sizeof(*idx));
	if (!idx)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		idx[i] = &routes(c)[c->first + i];
	qsort(idx, n, sizeof(*idx), v6_key_cmp);
	for (size_t i = 1; i < n; i++) {
		const struct nlhl_route *a = idx[i - 1], *b = idx[i];

		if (a->table == b->table && a->priority == b->priority &&
		    a->link_index == b->link_index && a->type == b->type &&
		    !memcmp(&a->dst, &b->dst, sizeof(a->dst)) &&
		    !memcmp(&a->src_net, &b->src_net, sizeof(a->src_net)) &&
		    !memcmp(&a->gw, &b->gw, sizeof(a->gw))) {
			idx[i]->family = 0;  /* mark the later copy */
			any = true;
			/* keep idx[i-1] as the reference for a third copy */
			idx[i] = idx[i - 1];
		}
	}
	free(idx);
	if (!any)
		return 0;
	for (size_t i = c->first; i < c->v.n; i++) {
		if (!routes(c)[i].family) {
			free(routes(c)[i].multipath);
			continue;
		}
		routes(c)[c->first + k++] = routes(c)[i];
	}
	c->v.n = c->first + k;
	return 0;
}

/* One family into c; an IPv6 dump that changes raced is run again from
 * scratch, as the engine does with dumps the kernel flags. */
static int collect_family(nlhl_handle *h, int family, struct collect *c)
{
	bool changed;
	int r;

	c->first = c->v.n;
	for (int attempt = 0;; attempt++) {
		r = run_dumps(h, family, &c->flt, collect_cb, collect_restart, c, &changed);
		if (r < 0 || !changed)
			break;
		collect_restart(c);
		if (attempt + 1 >= NLHL_DUMP_RETRIES) {
			nlhl__detail_set("dump interrupted by concurrent changes %d times in a row",
					 NLHL_DUMP_RETRIES);
			return -EINTR;
		}
	}
	/* Without a watch (no CAP_NET_ADMIN) repeats can still come. */
	if (r == 0 && family == AF_INET6)
		r = drop_v6_repeats(c);
	return r;
}

NLHL_API void nlhl_route_list_free(struct nlhl_route *list, size_t n)
{
	if (!list)
		return;
	for (size_t i = 0; i < n; i++)
		free(list[i].multipath);
	free(list);
}

NLHL_API int nlhl_route_list_filtered(nlhl_handle *h, int family, const struct nlhl_route *filter,
				      uint32_t mask, struct nlhl_route **ret, size_t *ret_n)
{
	const char *op = "route list";
	struct collect c = { .v = NLHL__VEC(struct nlhl_route) };
	nlhl_handle *use;
	int r;

	NLHL_CHECK_PTR(ret, op);
	NLHL_CHECK_PTR(ret_n, op);
	r = check_filter(family, filter, mask, &c.flt, op);
	if (r < 0)
		return r;
	r = nlhl__handle_acquire(h, &use);
	if (r < 0)
		return nlhl__fail_req(r, "%s", op);
	if (family)
		r = collect_family(use, family, &c);
	else if ((r = collect_family(use, AF_INET, &c)) == 0)
		r = collect_family(use, AF_INET6, &c);
	nlhl__handle_release(h, use);
	if (r < 0) {
		for (size_t i = 0; i < c.v.n; i++)
			free(routes(&c)[i].multipath);
	}
	return nlhl__vec_end(&c.v, r, op, ret, ret_n);
}

NLHL_API int nlhl_route_list(nlhl_handle *h, const struct nlhl_link *link, int family,
			     struct nlhl_route **ret, size_t *ret_n)
{
	struct nlhl_route f = { 0 };
	int r;

	NLHL_CHECK_PTR(ret, "route list");
	NLHL_CHECK_PTR(ret_n, "route list");
	if (!link)
		return nlhl_route_list_filtered(h, family, NULL, 0, ret, ret_n);
	r = nlhl__link_index(h, link, "route list", &f.link_index);
	if (r < 0)
		return r;
	return nlhl_route_list_filtered(h, family, &f, NLHL_RT_FILTER_OIF, ret, ret_n);
}

/* ------------------------------------------------------------ foreach */

struct stream {
	struct filter flt;
	nlhl_route_cb cb;
	void *arg;
};

static int stream_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct stream *s = arg;
	struct nlhl_route route;
	int r;

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	r = nlhl__route_parse(nlh, &route);
	if (r == -EAFNOSUPPORT)
		return 0;
	if (r < 0)
		return r;
	if (keep(&s->flt, &route))
		r = s->cb(&route, s->arg);
	free(route.multipath);
	return r < 0 ? r : 0;
}

NLHL_API int nlhl_route_foreach(nlhl_handle *h, int family, const struct nlhl_route *filter,
				uint32_t mask, nlhl_route_cb cb, void *arg)
{
	const char *op = "route foreach";
	struct stream s = { .cb = cb, .arg = arg };
	bool changed;
	int r;

	NLHL_CHECK_PTR(cb, op);
	r = check_filter(family, filter, mask, &s.flt, op);
	if (r < 0)
		return r;
	r = run_dumps(h, family, &s.flt, stream_cb, NULL, &s, &changed);
	if (r == 0 && changed) {
		nlhl__detail_set("dump interrupted by concurrent changes; "
				 "routes may be missing or repeated");
		r = -EINTR;
	}
	if (r < 0)
		return nlhl__fail_req(r, "%s", op);
	return 0;
}

/* ------------------------------------------------------------ get */

struct get_answer {
	struct nlhl_route route;
	bool got;
};

static int get_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct get_answer *a = arg;
	int r;

	if (nlh->nlmsg_type != RTM_NEWROUTE || a->got)
		return 0;
	r = nlhl__route_parse(nlh, &a->route);
	if (r < 0)
		return r;
	a->got = true;
	return 0;
}

NLHL_API int nlhl_route_get(nlhl_handle *h, const struct nlhl_ip *dst,
			    const struct nlhl_route_get_options *opts, struct nlhl_route *ret)
{
	const char *op = "route get";
	struct nlhl_route_get_options o = { 0 };
	struct get_answer a = { 0 };
	struct rtmsg rtm = { 0 };
	char what[NLHL_IP_STRLEN] = "?";
	struct nl_msg *msg;
	int len, r;

	NLHL_CHECK_PTR(dst, op);
	NLHL_CHECK_PTR(ret, op);
	if (opts)
		o = *opts;
	len = nlhl__family_len(dst->family);
	if (!len)
		return nlhl__fail(-EINVAL, "%s: dst family is not IPv4 or IPv6", op);
	nlhl_format_ip(dst, what, sizeof(what));
	if (o.src.family && o.src.family != dst->family)
		return nlhl__fail(-EINVAL, "%s %s: src family does not match dst", op, what);
	if (o.iif_index < 0 || o.oif_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative link index", op, what);
	rtm.rtm_family = (uint8_t)dst->family;
	rtm.rtm_dst_len = (uint8_t)(len * 8);
	rtm.rtm_src_len = o.src.family ? (uint8_t)(len * 8) : 0;
	if (o.fib_match)
		rtm.rtm_flags |= RTM_F_FIB_MATCH;
	msg = nlmsg_alloc_size(256);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s %s: out of memory", op, what);
	nlmsg_hdr(msg)->nlmsg_type = RTM_GETROUTE;
	if (nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, RTA_DST, len, dst->addr) < 0 ||
	    (o.src.family && nla_put(msg, RTA_SRC, len, o.src.addr) < 0) ||
	    (o.iif_index && nla_put_u32(msg, RTA_IIF, (uint32_t)o.iif_index) < 0) ||
	    (o.oif_index && nla_put_u32(msg, RTA_OIF, (uint32_t)o.oif_index) < 0) ||
	    (o.mark && nla_put_u32(msg, RTA_MARK, o.mark) < 0) ||
	    (o.has_uid && nla_put_u32(msg, RTA_UID, o.uid) < 0)) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s %s: message too large", op, what);
	}
	r = nlhl__request(h, msg, get_cb, &a);
	nlmsg_free(msg);
	if (r == 0 && !a.got) {
		nlhl__detail_set("the kernel answered without a route");
		r = -ENODATA;
	}
	if (r < 0) {
		nlhl_route_clear(&a.route);
		return nlhl__fail_req(r, "%s %s", op, what);
	}
	*ret = a.route;
	return 0;
}

/* ---------------------------------------------------------------- codec */

#include <stdio.h>

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__route_parse(nlh, obj);
}

static void codec_clear(void *obj)
{
	nlhl_route_clear(obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	(void)op;
	return nlhl__route_build(type, flags, obj, ret);
}

static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlhl__route_op(nlh->nlmsg_type, nlh->nlmsg_flags);
	struct nlhl_route r;
	char what[64];

	if (nlhl__route_parse(nlh, &r) < 0) {
		snprintf(buf, size, "%s", op);
		return;
	}
	nlhl__route_describe(&r, what, sizeof(what));
	snprintf(buf, size, "%s %s", op, what);
	nlhl_route_clear(&r);
}

/* What changes all the time without the route changing. */
static const uint16_t volatile_attrs[] = { RTA_CACHEINFO, RTA_EXPIRES };

static const uint16_t key_attrs[] = { RTA_DST, RTA_SRC, RTA_PRIORITY, RTA_OIF, RTA_GATEWAY,
				      RTA_VIA, RTA_NH_ID, RTA_MULTIPATH };

/* A route is its table, prefix, metric, tos, type and paths. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct rtmsg rtm;
	uint32_t table;

	nlhl__codec_hdr(nlh, &rtm, sizeof(rtm));
	if (rtm.rtm_flags & RTM_F_CLONED)
		return false;  /* route cache entries are not listed */
	nlhl__codec_attrs(nlh, sizeof(rtm), tb);
	table = nlhl__get_u32_or(tb[RTA_TABLE], rtm.rtm_table);
	nlhl__key_put(k, &rtm.rtm_family, 1);
	nlhl__key_put(k, &rtm.rtm_dst_len, 1);
	nlhl__key_put(k, &rtm.rtm_src_len, 1);
	nlhl__key_put(k, &rtm.rtm_tos, 1);
	nlhl__key_put(k, &rtm.rtm_type, 1);
	nlhl__key_put(k, &table, 4);
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(key_attrs); i++)
		nlhl__key_attr(k, tb[key_attrs[i]], key_attrs[i]);
	rtm.rtm_flags &= ~RTM_F_OFFLOAD;
	*content = nlhl__content_hash(nlh, &rtm, sizeof(rtm), volatile_attrs,
				      NLHL_ARRAY_SIZE(volatile_attrs));
	return true;
}

static void codec_ids(const struct nlmsghdr *nlh, int *ifindex, int32_t *nsid)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];

	(void)nsid;
	nlhl__codec_attrs(nlh, sizeof(struct rtmsg), tb);
	*ifindex = (int)nlhl__get_u32_or(tb[RTA_OIF], 0);
}

const struct nlhl__codec nlhl__route_codec = {
	.name = "route",
	.new_type = RTM_NEWROUTE, .del_type = RTM_DELROUTE, .get_type = RTM_GETROUTE,
	.hdrlen = sizeof(struct rtmsg),
	.object = NLHL_OBJ_ROUTE, .group_bit = NLHL_MONITOR_ROUTE,
	.groups = { { NLHL_MONITOR_ROUTE4, RTNLGRP_IPV4_ROUTE, AF_INET },
		    { NLHL_MONITOR_ROUTE6, RTNLGRP_IPV6_ROUTE, AF_INET6 } },
	.obj_size = sizeof(struct nlhl_route),
	.parse = codec_parse, .clear = codec_clear, .build = codec_build,
	.describe = codec_describe,
	.key = codec_key, .key_tag = 'R', .ids = codec_ids,
};
