/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: struct nlhl_addr <-> RTM_*ADDR messages (lib/addr.c), shared
 * with the event monitor, pipelined batches and the fuzz targets.
 */
#ifndef NLHL_INTERNAL_ADDR_H
#define NLHL_INTERNAL_ADDR_H

#include "internal.h"
#include "netlinkhl/addr.h"

/* Fills *ret (zeroed first) from an RTM_NEWADDR/RTM_DELADDR message.
 * 0; -EAFNOSUPPORT for families other than IPv4/IPv6; -EPROTO when
 * malformed.  No memory is allocated. */
NLHL_INTERNAL int nlhl__addr_parse(const struct nlmsghdr *nlh, struct nlhl_addr *ret);

/* RTM_NEWADDR (flags NLM_F_CREATE | NLM_F_EXCL / NLM_F_REPLACE) or
 * RTM_DELADDR of addr on link ifindex.  Validates first (-EINVAL, message
 * "addr add 10.0.0.1/24: ..."). */
NLHL_INTERNAL int nlhl__addr_build(int type, int flags, int ifindex,
				   const struct nlhl_addr *addr, struct nl_msg **ret);

/* The ifindex of link (attrs.index, or looked up by attrs.name); kept for
 * the batch and monitor code that uses it: same as nlhl__link_index. */
NLHL_INTERNAL int nlhl__link_ifindex(nlhl_handle *h, const struct nlhl_link *link,
				     const char *op, int *ret);

#endif
