/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: struct nlhl_route <-> RTM_*ROUTE messages, shared by lib/route.c,
 * the event monitor, pipelined batches and the fuzz targets.  The parsers
 * take any message (lengths from the kernel are never trusted).
 */
#ifndef NLHL_INTERNAL_ROUTE_H
#define NLHL_INTERNAL_ROUTE_H

#include "internal.h"
#include "netlinkhl/route.h"

/*
 * Fills *ret (zeroed first) from an RTM_NEWROUTE/RTM_DELROUTE message.
 * ret->multipath is malloc'd when the route has several paths: release
 * with nlhl_route_clear().  Returns 0; -EAFNOSUPPORT for routes that are
 * not IPv4/IPv6 (MPLS, multicast tables: callers skip them); -EPROTO for a
 * malformed message; -ENOMEM.  On failure *ret holds no memory.
 */
NLHL_INTERNAL int nlhl__route_parse(const struct nlmsghdr *nlh, struct nlhl_route *ret);

/*
 * Builds an RTM_NEWROUTE (flags: NLM_F_CREATE | NLM_F_EXCL, ...) or
 * RTM_DELROUTE message for route; NLM_F_REQUEST/ACK are added by the
 * request engine.  Validates the route first: -EINVAL with nlhl_errmsg()
 * set as "route add <dst>: <what is wrong>".  *ret is freed with
 * nlmsg_free().
 */
NLHL_INTERNAL int nlhl__route_build(int type, int flags, const struct nlhl_route *route,
				    struct nl_msg **ret);

/* "10.0.0.0/24", "default" (family from the route), for messages. */
NLHL_INTERNAL void nlhl__route_describe(const struct nlhl_route *route, char *buf, size_t size);

/* "route add", "route del", "route replace", ... from type and flags. */
NLHL_INTERNAL const char *nlhl__route_op(int type, int flags);

/* Lightweight-tunnel encap, shared with nexthop objects (attribute numbers
 * differ: RTA_ENCAP_TYPE/RTA_ENCAP vs NHA_ENCAP_TYPE/NHA_ENCAP).  check
 * returns NULL or what is wrong; put returns 0 or -EMSGSIZE; get leaves
 * *e untouched unless both attributes are present and well formed. */
NLHL_INTERNAL const char *nlhl__encap_check(const struct nlhl_encap *e);
NLHL_INTERNAL int nlhl__encap_put(struct nl_msg *msg, int type_attr, int encap_attr,
				  const struct nlhl_encap *e);
NLHL_INTERNAL void nlhl__encap_get(const struct nlattr *type, const struct nlattr *encap,
				   struct nlhl_encap *e);

#endif
