/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private core helper: watch a multicast group while a dump runs, for
 * dumps the kernel does not flag as interrupted (IPv6 routes resume by
 * count after a tree change and silently repeat or skip entries).  Knows no
 * family: the caller names the group.
 */
#ifndef NLHL_INTERNAL_WATCH_H
#define NLHL_INTERNAL_WATCH_H

#include "internal.h"

/*
 * Opens a non-blocking NETLINK_ROUTE socket in the netns of h's socket,
 * joined to group (RTNLGRP_*).  *ret_fd is -1 when no watch can be had
 * (no CAP_NET_ADMIN to learn the handle's netns, ...): the caller then
 * runs unwatched.  Returns 0 or a negative errno (ENOMEM, EMFILE).
 */
NLHL_INTERNAL int nlhl__watch_open(nlhl_handle *h, unsigned int group, int *ret_fd);
/* 1 if anything arrived (or the watch overflowed) since the last call,
 * else 0; drains what is queued.  fd -1: always 0. */
NLHL_INTERNAL int nlhl__watch_fired(int fd);
NLHL_INTERNAL void nlhl__watch_close(int fd);

#endif
