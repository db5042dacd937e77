/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Events: the kernel's rtnetlink notifications of one netns, one callback
 * per event with the parsed object (`ip monitor`, Go's LinkSubscribe /
 * AddrSubscribe / RouteSubscribe / NeighSubscribe).
 *
 *     static int on_event(const struct nlhl_event *ev, void *arg) {
 *         if (ev->object == NLHL_OBJ_LINK)
 *             printf("%s link %s\n", ev->type == NLHL_EVENT_NEW ? "new" : "del",
 *                    ev->link->attrs.name);
 *         return 0;
 *     }
 *     struct nlhl_monitor_opts o = { .sz = sizeof(o), .groups = NLHL_MONITOR_LINK,
 *                                    .list_existing = true };
 *     nlhl_monitor *m;
 *     nlhl_monitor_new(NULL, &o, on_event, NULL, &m);
 *     nlhl_monitor_run(m);          // until nlhl_monitor_stop(m) or cb < 0
 *     nlhl_monitor_free(m);
 *
 * or, in an event loop: poll nlhl_monitor_fd(m) for POLLIN and call
 * nlhl_monitor_process(m) when it is readable.
 *
 * Ownership: the event and every object it points to belong to the
 * monitor and are valid only during the callback (copy what you keep).
 * A monitor is used by one thread at a time, except nlhl_monitor_stop(),
 * which any thread or a signal handler may call.
 */
#ifndef NETLINKHL_MONITOR_H
#define NETLINKHL_MONITOR_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/netlink.h>
#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>

NLHL_BEGIN_DECLS

typedef struct nlhl_monitor nlhl_monitor;

struct nlhl_link;
struct nlhl_addr;
struct nlhl_route;
struct nlhl_neigh;
struct nlhl_rule;
struct nlhl_nexthop;
struct nlhl_qdisc;

/* What to subscribe to (bits of nlhl_monitor_opts.groups). */
#define NLHL_MONITOR_LINK    (1u << 0)
#define NLHL_MONITOR_ADDR4   (1u << 1)
#define NLHL_MONITOR_ADDR6   (1u << 2)
#define NLHL_MONITOR_ROUTE4  (1u << 3)
#define NLHL_MONITOR_ROUTE6  (1u << 4)
#define NLHL_MONITOR_NEIGH   (1u << 5)
#define NLHL_MONITOR_RULE4   (1u << 6)
#define NLHL_MONITOR_RULE6   (1u << 7)
#define NLHL_MONITOR_NEXTHOP (1u << 8)
#define NLHL_MONITOR_NSID    (1u << 9)
#define NLHL_MONITOR_QDISC   (1u << 10)
#define NLHL_MONITOR_ADDR    (NLHL_MONITOR_ADDR4 | NLHL_MONITOR_ADDR6)
#define NLHL_MONITOR_ROUTE   (NLHL_MONITOR_ROUTE4 | NLHL_MONITOR_ROUTE6)
#define NLHL_MONITOR_RULE    (NLHL_MONITOR_RULE4 | NLHL_MONITOR_RULE6)
#define NLHL_MONITOR_ALL     ((1u << 11) - 1)

enum nlhl_event_type {
	NLHL_EVENT_NEW = 1,     /* created or changed (RTM_NEW*) */
	NLHL_EVENT_DEL,         /* deleted (RTM_DEL*) */
	/* The kernel dropped events (ENOBUFS: the receive buffer was full).
	 * Without the resync option the monitor's view may now be wrong;
	 * with it, NEW/DEL events flagged NLHL_EVENT_F_RESYNC follow, then
	 * NLHL_EVENT_SYNCED. */
	NLHL_EVENT_OVERRUN,
	/* The listing asked by list_existing (or a resync) is complete:
	 * from here on, events are live. */
	NLHL_EVENT_SYNCED,
};

enum nlhl_event_object {
	NLHL_OBJ_NONE = 0,      /* OVERRUN, SYNCED */
	NLHL_OBJ_LINK,
	NLHL_OBJ_ADDR,
	NLHL_OBJ_ROUTE,
	NLHL_OBJ_NEIGH,
	NLHL_OBJ_RULE,
	NLHL_OBJ_NEXTHOP,
	NLHL_OBJ_NSID,
	NLHL_OBJ_QDISC,
};

/* nlhl_event.flags */
#define NLHL_EVENT_F_EXISTING (1u << 0) /* from the initial listing */
#define NLHL_EVENT_F_RESYNC   (1u << 1) /* a difference found by a resync */

struct nlhl_event {
	enum nlhl_event_type type;
	enum nlhl_event_object object;
	uint32_t flags;                 /* NLHL_EVENT_F_* */
	/* The kernel's message (the raw escape hatch; NULL for OVERRUN and
	 * SYNCED). */
	const struct nlmsghdr *nlh;
	/* The parsed object, by object kind (NLHL_OBJ_NSID has none: see
	 * nsid below; NULL if the family's parser refused the message). */
	union {
		const void *obj;
		const struct nlhl_link *link;
		const struct nlhl_addr *addr;
		const struct nlhl_route *route;
		const struct nlhl_neigh *neigh;
		const struct nlhl_rule *rule;
		const struct nlhl_nexthop *nexthop;
		const struct nlhl_qdisc *qdisc;
	};
	/* NLHL_OBJ_NSID: the id a peer netns got (NETNSA_NSID), and the
	 * ifindex of the link whose event this is (0 for others). */
	int32_t nsid;
	int ifindex;
	/* Address family of the object (AF_INET, AF_INET6, AF_BRIDGE ...). */
	int family;
};

/* Returns 0 to go on; a negative errno stops nlhl_monitor_run() /
 * nlhl_monitor_process(), which return it. */
typedef int (*nlhl_monitor_cb)(const struct nlhl_event *ev, void *arg);

/* Options, extensible the libbpf way: sz = sizeof(struct
 * nlhl_monitor_opts) first.  NULL = all groups, no listing. */
struct nlhl_monitor_opts {
	size_t sz;
	uint32_t groups;        /* NLHL_MONITOR_*; 0 = NLHL_MONITOR_ALL */
	/* Report the objects that exist first (flag NLHL_EVENT_F_EXISTING),
	 * then NLHL_EVENT_SYNCED, then live events: the monitor subscribes
	 * before it lists, so no change is missed, and no object is reported
	 * twice.  Delivered by the first nlhl_monitor_process()/_run(). */
	bool list_existing;
	/* After an overrun, list everything again and report the difference
	 * to what was reported before (flag NLHL_EVENT_F_RESYNC).  Keeps a
	 * copy of every object's message (memory grows with the tables). */
	bool resync;
	/* Receive buffer of the event socket in bytes; 0 = 4 MiB.  Larger
	 * makes overruns rarer. */
	int rcvbuf;
};

/*
 * A monitor of the netns of handle h (NULL: the calling thread's current
 * netns).  The monitor has its own sockets; h is not kept.  cb gets every
 * event with arg.  opts may be NULL.
 */
NLHL_API int nlhl_monitor_new(nlhl_handle *h, const struct nlhl_monitor_opts *opts,
			      nlhl_monitor_cb cb, void *arg, nlhl_monitor **ret);
/* The same for the netns referred to by netns_fd (not kept). */
NLHL_API int nlhl_monitor_new_at(int netns_fd, const struct nlhl_monitor_opts *opts,
				 nlhl_monitor_cb cb, void *arg, nlhl_monitor **ret);
/* Closes the sockets and frees everything.  NULL is allowed. */
NLHL_API void nlhl_monitor_free(nlhl_monitor *m);

/* A file descriptor that polls readable (POLLIN / EPOLLIN) when
 * nlhl_monitor_process() has work.  Owned by the monitor. */
NLHL_API int nlhl_monitor_fd(const nlhl_monitor *m);
/*
 * Delivers every event ready now without waiting (and the initial listing
 * or a resync when one is due, which does wait for the kernel's dumps).
 * 0, or the first negative value a callback returned, or a socket error.
 * A callback that fails during the initial listing stops it; the next
 * call lists again from the start.
 */
NLHL_API int nlhl_monitor_process(nlhl_monitor *m);
/* Delivers events until nlhl_monitor_stop() (returns 0) or a callback or
 * socket error (returns it). */
NLHL_API int nlhl_monitor_run(nlhl_monitor *m);
/* Makes nlhl_monitor_run() return.  Async-signal-safe and callable from
 * any thread; a stop before run() makes the next run() return at once. */
NLHL_API int nlhl_monitor_stop(nlhl_monitor *m);

NLHL_END_DECLS

#endif
