/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: struct nlhl_rule <-> RTM_*RULE messages, shared by lib/rule.c,
 * the event monitor, pipelined batches and the fuzz targets.  The parser
 * takes any message (lengths from the kernel are never trusted).
 */
#ifndef NLHL_INTERNAL_RULE_H
#define NLHL_INTERNAL_RULE_H

#include "internal.h"
#include "netlinkhl/rule.h"

/*
 * Fills *ret (zeroed first) from an RTM_NEWRULE/RTM_DELRULE message.
 * Returns 0; -EAFNOSUPPORT for rules that are not IPv4/IPv6 (ipmr, ...:
 * callers skip them); -EPROTO for a malformed message.
 */
NLHL_INTERNAL int nlhl__rule_parse(const struct nlmsghdr *nlh, struct nlhl_rule *ret);

/*
 * Builds an RTM_NEWRULE (flags e.g. NLM_F_CREATE | NLM_F_EXCL) or
 * RTM_DELRULE message for rule; NLM_F_REQUEST/ACK are added by the request
 * engine.  Validates first: -EINVAL with nlhl_errmsg() set as
 * "rule add <what>: <what is wrong>".  *ret is freed with nlmsg_free().
 */
NLHL_INTERNAL int nlhl__rule_build(int type, int flags, const struct nlhl_rule *rule,
				   struct nl_msg **ret);

/* "pref 100 from 10.0.0.0/8 lookup 100"-style short text, for messages. */
NLHL_INTERNAL void nlhl__rule_describe(const struct nlhl_rule *rule, char *buf, size_t size);

#endif
