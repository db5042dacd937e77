/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The typed batch entries: each family's own builder makes the message
 * (lib/internal-<family>.h, the same code nlhl_<family>_add() runs), the
 * batch stores it.  Texts of failures come from the stored message through
 * the family's parser, only for requests that failed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <linux/rtnetlink.h>

#include "internal-batch.h"
#include "internal-route.h"
#include "internal-addr.h"
#include "internal-rule.h"
#include "internal-nexthop.h"
#include "internal-neigh.h"
#include "internal-link.h"

static int queue_built(nlhl_batch *b, struct nl_msg *msg, nlhl__batch_describe_fn d,
		       const char *op)
{
	int r = nlhl__batch_queue(b, nlmsg_hdr(msg), d, op);

	nlhl__msg_free(msg);
	return r;
}

/* ------------------------------------------------------------- routes */

static void describe_route(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	struct nlhl_route r;
	char what[64];

	if (nlhl__route_parse(nlh, &r) < 0) {
		snprintf(buf, size, "%s", nlhl__route_op(nlh->nlmsg_type, nlh->nlmsg_flags));
		return;
	}
	nlhl__route_describe(&r, what, sizeof(what));
	snprintf(buf, size, "%s %s", nlhl__route_op(nlh->nlmsg_type, nlh->nlmsg_flags), what);
	nlhl_route_clear(&r);
}

static int batch_route(nlhl_batch *b, int type, int flags, const struct nlhl_route *route)
{
	const char *op = nlhl__route_op(type, flags);
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = nlhl__route_build(type, flags, route, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_route, op);
}

NLHL_API int nlhl_batch_route_add(nlhl_batch *b, const struct nlhl_route *route)
{
	return batch_route(b, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, route);
}

NLHL_API int nlhl_batch_route_append(nlhl_batch *b, const struct nlhl_route *route)
{
	return batch_route(b, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, route);
}

NLHL_API int nlhl_batch_route_replace(nlhl_batch *b, const struct nlhl_route *route)
{
	return batch_route(b, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, route);
}

NLHL_API int nlhl_batch_route_del(nlhl_batch *b, const struct nlhl_route *route)
{
	return batch_route(b, RTM_DELROUTE, 0, route);
}

/* ---------------------------------------------------------- addresses */

static void describe_addr(const struct nlmsghdr *nlh, char *buf, size_t size)
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

static int batch_addr(nlhl_batch *b, int type, int flags, const char *op,
		      const struct nlhl_link *link, const struct nlhl_addr *addr)
{
	struct nl_msg *msg;
	int ifindex, r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	/* by name: one lookup now, on the batch's handle */
	r = nlhl__link_ifindex(nlhl__batch_handle(b), link, op, &ifindex);
	if (r < 0)
		return r;
	r = nlhl__addr_build(type, flags, ifindex, addr, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_addr, op);
}

NLHL_API int nlhl_batch_addr_add(nlhl_batch *b, const struct nlhl_link *link,
				 const struct nlhl_addr *addr)
{
	return batch_addr(b, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, "addr add", link, addr);
}

NLHL_API int nlhl_batch_addr_replace(nlhl_batch *b, const struct nlhl_link *link,
				     const struct nlhl_addr *addr)
{
	return batch_addr(b, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, "addr replace", link, addr);
}

NLHL_API int nlhl_batch_addr_del(nlhl_batch *b, const struct nlhl_link *link,
				 const struct nlhl_addr *addr)
{
	return batch_addr(b, RTM_DELADDR, 0, "addr del", link, addr);
}

/* -------------------------------------------------------------- rules */

static void describe_rule(const struct nlmsghdr *nlh, char *buf, size_t size)
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

static int batch_rule(nlhl_batch *b, int type, int flags, const struct nlhl_rule *rule)
{
	const char *op = type == RTM_DELRULE ? "rule del" : "rule add";
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = nlhl__rule_build(type, flags, rule, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_rule, op);
}

NLHL_API int nlhl_batch_rule_add(nlhl_batch *b, const struct nlhl_rule *rule)
{
	return batch_rule(b, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, rule);
}

NLHL_API int nlhl_batch_rule_del(nlhl_batch *b, const struct nlhl_rule *rule)
{
	return batch_rule(b, RTM_DELRULE, 0, rule);
}

/* ----------------------------------------------------------- nexthops */

static void describe_nexthop(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELNEXTHOP ? "nexthop del"
			 : (nlh->nlmsg_flags & NLM_F_REPLACE) ? "nexthop replace" : "nexthop add";
	struct nlhl_nexthop nh;

	if (nlhl__nexthop_parse(nlh, &nh) < 0) {
		snprintf(buf, size, "%s", op);
		return;
	}
	snprintf(buf, size, "%s id %u", op, nh.id);
	nlhl_nexthop_clear(&nh);
}

static int batch_nexthop(nlhl_batch *b, int type, int flags, const char *op,
			 const struct nlhl_nexthop *nh)
{
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = nlhl__nexthop_build(type, flags, nh, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_nexthop, op);
}

NLHL_API int nlhl_batch_nexthop_add(nlhl_batch *b, const struct nlhl_nexthop *nh)
{
	return batch_nexthop(b, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL, "nexthop add", nh);
}

NLHL_API int nlhl_batch_nexthop_replace(nlhl_batch *b, const struct nlhl_nexthop *nh)
{
	return batch_nexthop(b, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE, "nexthop replace", nh);
}

NLHL_API int nlhl_batch_nexthop_del(nlhl_batch *b, uint32_t id)
{
	struct nlhl_nexthop nh = { .id = id };

	return batch_nexthop(b, RTM_DELNEXTHOP, 0, "nexthop del", &nh);
}

/* --------------------------------------------------------- neighbours */

static void describe_neigh(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	struct nlhl_neigh n;
	char what[128];

	if (nlhl__neigh_parse(nlh, &n) < 0) {
		snprintf(buf, size, "%s", nlhl__neigh_op(nlh->nlmsg_type, nlh->nlmsg_flags, 0));
		return;
	}
	nlhl__neigh_describe(&n, what, sizeof(what));
	snprintf(buf, size, "%s %s", nlhl__neigh_op(nlh->nlmsg_type, nlh->nlmsg_flags, n.family),
		 what);
}

static int batch_neigh(nlhl_batch *b, int type, int flags, const struct nlhl_neigh *neigh)
{
	const char *op = nlhl__neigh_op(type, flags, neigh ? neigh->family : 0);
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = nlhl__neigh_build(type, flags, neigh, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_neigh, op);
}

NLHL_API int nlhl_batch_neigh_add(nlhl_batch *b, const struct nlhl_neigh *neigh)
{
	return batch_neigh(b, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, neigh);
}

NLHL_API int nlhl_batch_neigh_set(nlhl_batch *b, const struct nlhl_neigh *neigh)
{
	return batch_neigh(b, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, neigh);
}

NLHL_API int nlhl_batch_neigh_del(nlhl_batch *b, const struct nlhl_neigh *neigh)
{
	return batch_neigh(b, RTM_DELNEIGH, 0, neigh);
}

/* -------------------------------------------------------------- links */

static void describe_link(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELLINK ? "link del" : "link add";
	const struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	struct nlhl_link *l = malloc(sizeof(*l));

	if (l && nlhl__link_parse(nlh, l) == 0 && l->attrs.name[0])
		snprintf(buf, size, "%s %s", op, l->attrs.name);
	else
		snprintf(buf, size, "%s #%d", op, ifi->ifi_index);
	free(l);
}

static int batch_link(nlhl_batch *b, enum nlhl__link_op lop, const char *op,
		      const struct nlhl_link *link)
{
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	NLHL_CHECK_PTR(link, op);
	r = nlhl__link_msg(lop, link, op, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, describe_link, op);
}

NLHL_API int nlhl_batch_link_add(nlhl_batch *b, const struct nlhl_link *link)
{
	return batch_link(b, NLHL__LINK_CREATE, "link add", link);
}

NLHL_API int nlhl_batch_link_del(nlhl_batch *b, const struct nlhl_link *link)
{
	return batch_link(b, NLHL__LINK_DEL, "link del", link);
}
