/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Private: struct nlhl_nexthop <-> RTM_*NEXTHOP messages (lib/nexthop.c),
 * for the event monitor and the fuzz targets. */
#ifndef NLHL_INTERNAL_NEXTHOP_H
#define NLHL_INTERNAL_NEXTHOP_H

#include "internal.h"
#include "netlinkhl/nexthop.h"

/* Fills *ret (zeroed first); ret->group is malloc'd for groups (release
 * with nlhl_nexthop_clear()).  0, -EPROTO when malformed, -ENOMEM. */
NLHL_INTERNAL int nlhl__nexthop_parse(const struct nlmsghdr *nlh, struct nlhl_nexthop *ret);
/* RTM_NEWNEXTHOP (flags NLM_F_CREATE | ...) or RTM_DELNEXTHOP; validates
 * first (-EINVAL, "nexthop add 5: ..."). */
NLHL_INTERNAL int nlhl__nexthop_build(int type, int flags, const struct nlhl_nexthop *nh,
				      struct nl_msg **ret);

#endif
