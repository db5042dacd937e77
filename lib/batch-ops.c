/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The typed batch entries: each family's codec builds the message
 * (lib/internal-codec.h, the same builder nlhl_<family>_add() runs), the
 * batch stores it.  Texts of failures come from the stored message through
 * the codec's describe hook, only for requests that failed.
 */
#define _GNU_SOURCE
#include <linux/rtnetlink.h>

#include "internal-batch.h"
#include "internal-codec.h"
#include "internal-addr.h"
#include "internal-route.h"
#include "internal-neigh.h"
#include "internal-link.h"
#include "netlinkhl/nexthop.h"

static int queue_built(nlhl_batch *b, struct nl_msg *msg, const struct nlhl__codec *c,
		       const char *op)
{
	int r = nlhl__batch_queue(b, nlmsg_hdr(msg), c->describe, op);

	nlhl__msg_free(msg);
	return r;
}

/* One request of the codec's family: built, then queued. */
static int batch_obj(nlhl_batch *b, const struct nlhl__codec *c, int type, int flags,
		     const char *op, const void *obj)
{
	struct nl_msg *msg;
	int r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = c->build(type, flags, obj, op, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, c, op);
}

/* ------------------------------------------------------------- routes */

static int batch_route(nlhl_batch *b, int type, int flags, const struct nlhl_route *route)
{
	return batch_obj(b, &nlhl__route_codec, type, flags, nlhl__route_op(type, flags), route);
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

/* The link comes apart from the address (by name: one lookup now, on the
 * batch's handle), so the family builder is called with its ifindex. */
static int batch_addr(nlhl_batch *b, int type, int flags, const char *op,
		      const struct nlhl_link *link, const struct nlhl_addr *addr)
{
	struct nl_msg *msg;
	int ifindex, r;

	if (!b)
		return nlhl__fail(-EINVAL, "batch %s: b is NULL", op);
	r = nlhl__link_index(nlhl__batch_handle(b), link, op, &ifindex);
	if (r < 0)
		return r;
	r = nlhl__addr_build(type, flags, ifindex, addr, &msg);
	if (r < 0)
		return r;
	return queue_built(b, msg, &nlhl__addr_codec, op);
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

NLHL_API int nlhl_batch_rule_add(nlhl_batch *b, const struct nlhl_rule *rule)
{
	return batch_obj(b, &nlhl__rule_codec, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, "rule add",
			 rule);
}

NLHL_API int nlhl_batch_rule_del(nlhl_batch *b, const struct nlhl_rule *rule)
{
	return batch_obj(b, &nlhl__rule_codec, RTM_DELRULE, 0, "rule del", rule);
}

/* ----------------------------------------------------------- nexthops */

NLHL_API int nlhl_batch_nexthop_add(nlhl_batch *b, const struct nlhl_nexthop *nh)
{
	return batch_obj(b, &nlhl__nexthop_codec, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL,
			 "nexthop add", nh);
}

NLHL_API int nlhl_batch_nexthop_replace(nlhl_batch *b, const struct nlhl_nexthop *nh)
{
	return batch_obj(b, &nlhl__nexthop_codec, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE,
			 "nexthop replace", nh);
}

NLHL_API int nlhl_batch_nexthop_del(nlhl_batch *b, uint32_t id)
{
	struct nlhl_nexthop nh = { .id = id };

	return batch_obj(b, &nlhl__nexthop_codec, RTM_DELNEXTHOP, 0, "nexthop del", &nh);
}

/* --------------------------------------------------------- neighbours */

static int batch_neigh(nlhl_batch *b, int type, int flags, const struct nlhl_neigh *neigh)
{
	return batch_obj(b, &nlhl__neigh_codec, type, flags,
			 nlhl__neigh_op(type, flags, neigh ? neigh->family : 0), neigh);
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

NLHL_API int nlhl_batch_link_add(nlhl_batch *b, const struct nlhl_link *link)
{
	return batch_obj(b, &nlhl__link_codec, RTM_NEWLINK, 0, "link add", link);
}

NLHL_API int nlhl_batch_link_del(nlhl_batch *b, const struct nlhl_link *link)
{
	return batch_obj(b, &nlhl__link_codec, RTM_DELLINK, 0, "link del", link);
}
