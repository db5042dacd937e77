/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: what the event monitor (lib/monitor.c) knows about each object
 * kind (lib/monitor-objects.c, over the families' codecs): its multicast
 * groups, how to dump it, how to tell two messages of the same object
 * apart from two objects, and which family parser turns a message into
 * the public struct.
 */
#ifndef NLHL_INTERNAL_MONITOR_H
#define NLHL_INTERNAL_MONITOR_H

#include "internal.h"
#include "netlinkhl/monitor.h"
#include "internal-codec.h"

/* A kind of object is its family's codec: object, name, group_bit,
 * obj_size, parse and clear are what the monitor reads of it. */
#define NLHL_MON_KEY_MAX NLHL_CODEC_KEY_MAX

/* The kind of an rtnetlink notification type, or NULL (not an object). */
NLHL_INTERNAL const struct nlhl__codec *nlhl__mon_kind_of(uint16_t type);
/* True for RTM_DEL* types. */
NLHL_INTERNAL bool nlhl__mon_is_del(uint16_t type);

/* The rtnetlink groups (RTNLGRP_*) of the NLHL_MONITOR_* bits in groups;
 * returns how many were written to out (room for 16). */
NLHL_INTERNAL int nlhl__mon_rtnl_groups(uint32_t groups, unsigned int *out);

/*
 * The dump requests that list what the groups cover, one at a time:
 * *i starts at 0; fills msg (caller frees) and returns 1, or 0 when there
 * are no more.  -ENOMEM.
 */
NLHL_INTERNAL int nlhl__mon_dump_next(uint32_t groups, int *i, struct nl_msg **msg);

/*
 * The identity of the object of nlh as bytes (same object, same key:
 * link = ifindex, addr = family/ifindex/prefix/address, route = table/
 * dst/metric/tos/paths, ...) and a hash of its content without the
 * counters that change all the time (statistics, cache info).  Returns
 * the key length, or 0 when the message is not tracked (malformed, proxy
 * neighbours, bridge port link messages: objects no dump lists).
 */
NLHL_INTERNAL size_t nlhl__mon_key(const struct nlmsghdr *nlh, uint8_t *key, uint64_t *content);

/* The ifindex and family an event is about (0 when none). */
NLHL_INTERNAL void nlhl__mon_ids(const struct nlmsghdr *nlh, int *ifindex, int *family,
				 int32_t *nsid);

/* The monitor's subscribed socket (tests look at its buffer). */
NLHL_INTERNAL nlhl_handle *nlhl__monitor_handle(const nlhl_monitor *m);

#endif
