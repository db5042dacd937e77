/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: struct nlhl_neigh <-> RTM_*NEIGH messages, shared by
 * lib/neigh.c, the event monitor, pipelined batches and the fuzz targets.
 * The parser takes any message (lengths from the kernel are never
 * trusted).
 */
#ifndef NLHL_INTERNAL_NEIGH_H
#define NLHL_INTERNAL_NEIGH_H

#include "internal.h"
#include "netlinkhl/neigh.h"

/*
 * Fills *ret (zeroed first) from an RTM_NEWNEIGH/RTM_DELNEIGH message of
 * family AF_INET, AF_INET6 or AF_BRIDGE.  Returns 0; -EAFNOSUPPORT for
 * other families (callers skip them); -EPROTO for a malformed message.
 */
NLHL_INTERNAL int nlhl__neigh_parse(const struct nlmsghdr *nlh, struct nlhl_neigh *ret);

/*
 * Builds an RTM_NEWNEIGH (flags: NLM_F_CREATE | NLM_F_EXCL / REPLACE /
 * APPEND) or RTM_DELNEIGH message for neigh; NLM_F_REQUEST/ACK are added by
 * the request engine.  Validates first: -EINVAL with nlhl_errmsg() set as
 * "neigh add <what>: <what is wrong>".  *ret is freed with nlmsg_free().
 */
NLHL_INTERNAL int nlhl__neigh_build(int type, int flags, const struct nlhl_neigh *neigh,
				    struct nl_msg **ret);

/* "10.0.0.2 dev 3" / "fdb 02:00:00:00:00:01 dev 3 vlan 10", for messages. */
NLHL_INTERNAL void nlhl__neigh_describe(const struct nlhl_neigh *neigh, char *buf, size_t size);

/* "neigh add", "neigh set", "neigh append", "neigh del" (or "fdb ..."). */
NLHL_INTERNAL const char *nlhl__neigh_op(int type, int flags, int family);

/*
 * Drops from list[0..*n) the entries whose link_index names no existing
 * link in h's netns (one RTM_GETLINK per distinct index; the list is
 * compacted in place, order kept).  Used after a dump: a link deleted
 * while the dump ran leaves entries with a dangling index behind.
 */
NLHL_INTERNAL int nlhl__neigh_drop_vanished(nlhl_handle *h, struct nlhl_neigh *list, size_t *n);

#endif
