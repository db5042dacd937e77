/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libnetlinkhl - Linux network configuration in the shape of iproute2 and of
 * Go's vishvananda/netlink, on libnl-3.  Umbrella header: include this.
 *
 * Ownership rules, everywhere in the API:
 *  - Structs passed in are only read, never kept.
 *  - Lists returned through (**ret, *ret_n) belong to the caller and are
 *    freed with the matching nlhl_*_list_free(list, n).
 *  - A struct filled by value holds no heap memory unless its header names
 *    the _clear call that frees it.
 */
#ifndef NETLINKHL_H
#define NETLINKHL_H

#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/netns.h>
#include <netlinkhl/parse.h>

/* links */
#include <netlinkhl/link.h>


/* addresses, routes, rules, neighbours */
#include <netlinkhl/addr.h>
#include <netlinkhl/route.h>
#include <netlinkhl/nexthop.h>

#include <netlinkhl/rule.h>
#include <netlinkhl/neigh.h>


/* traffic control */
#include <netlinkhl/tc.h>


/* events, batches */
#include <netlinkhl/batch.h>
#include <netlinkhl/monitor.h>


#endif
