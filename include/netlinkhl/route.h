/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Routes (RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE), IPv4 and IPv6.
 *
 * Go: netlink.Route -> struct nlhl_route, RouteAdd -> nlhl_route_add,
 * RouteListFiltered -> nlhl_route_list_filtered, RouteGet ->
 * nlhl_route_get.
 *
 * Ownership: struct nlhl_route is plain data except `multipath`.  On input
 * the library only reads multipath[0..n_multipath).  A route the library
 * fills (nlhl_route_get, and every element of a list) owns its multipath
 * array: free it with nlhl_route_clear() (single routes) or
 * nlhl_route_list_free() (lists).  A route passed to a foreach callback is
 * only valid during the call.
 *
 * Lists are run on the library's own dump loop, never on libnl caches: two
 * routes that differ only by device or gateway are both listed, and a dump
 * interrupted by concurrent changes is restarted from scratch (each route
 * exactly once) or fails with -EINTR after 10 attempts.  The kernel never
 * flags route dumps itself: IPv4 dumps resume by key and stay exact; IPv6
 * dumps resume by count and would repeat or hide routes, so the library
 * watches the IPv6 route group while one runs (this needs CAP_NET_ADMIN in
 * the handle's netns; without it, repeats are dropped but a route removed
 * during the dump can hide another).
 */
#ifndef NETLINKHL_ROUTE_H
#define NETLINKHL_ROUTE_H

#include <netlinkhl/common.h>
#include <netlinkhl/parse.h>
#include <netlinkhl/addr.h>

NLHL_BEGIN_DECLS

struct nlhl_link;

/* Route types (the kernel's RTN_* values).  0 (RTN_UNSPEC) means unicast
 * when adding and "any type" when deleting. */
enum nlhl_route_type {
	NLHL_RTN_UNICAST = 1,
	NLHL_RTN_LOCAL = 2,
	NLHL_RTN_BROADCAST = 3,
	NLHL_RTN_ANYCAST = 4,
	NLHL_RTN_MULTICAST = 5,
	NLHL_RTN_BLACKHOLE = 6,
	NLHL_RTN_UNREACHABLE = 7,
	NLHL_RTN_PROHIBIT = 8,
	NLHL_RTN_THROW = 9,
	NLHL_RTN_NAT = 10,
};

/* Scopes: NLHL_SCOPE_* in <netlinkhl/addr.h>.  The kernel's "universe"
 * scope is 0, which here means "unset": on add the library picks the scope
 * as iproute2 does (host for local routes, link for broadcast, anycast and
 * multicast routes and for unicast routes without a gateway, universe
 * otherwise); on delete any scope matches.  To force universe where
 * iproute2 would pick link, use NLHL_SCOPE_UNIVERSE_EXPLICIT.  Routes read
 * from the kernel carry the kernel's value (0 for universe). */

/* Tables.  0 means main on add/del/get. */
#define NLHL_RT_TABLE_UNSPEC 0
#define NLHL_RT_TABLE_DEFAULT 253
#define NLHL_RT_TABLE_MAIN 254
#define NLHL_RT_TABLE_LOCAL 255

/* Protocols (RTPROT_*).  0 means "boot" on add (as iproute2) and "any" on
 * delete. */
#define NLHL_RTPROT_KERNEL 2
#define NLHL_RTPROT_BOOT 3
#define NLHL_RTPROT_STATIC 4

/* Route and nexthop flags (RTNH_F_*), e.g. onlink. */
#define NLHL_RTNH_F_DEAD 1
#define NLHL_RTNH_F_PERVASIVE 2
#define NLHL_RTNH_F_ONLINK 4
#define NLHL_RTNH_F_OFFLOAD 8
#define NLHL_RTNH_F_LINKDOWN 16
#define NLHL_RTNH_F_UNRESOLVED 32

/* IPv6 router preference (RTA_PREF); 0 is medium, the kernel default. */
#define NLHL_ROUTE_PREF_MEDIUM 0
#define NLHL_ROUTE_PREF_HIGH 1
#define NLHL_ROUTE_PREF_LOW 3

/* Lightweight tunnel encapsulation of a route or of one nexthop. */
enum nlhl_encap_type {
	NLHL_ENCAP_NONE = 0,
	NLHL_ENCAP_MPLS = 1,    /* LWTUNNEL_ENCAP_MPLS, needs mpls_iptunnel */
};
#define NLHL_MPLS_MAX_LABELS 16
struct nlhl_encap {
	enum nlhl_encap_type type;
	/* MPLS: labels (20-bit values), outermost first, and the TTL of
	 * the pushed labels (0: kernel default). */
	uint8_t n_labels;
	uint8_t ttl;
	uint32_t labels[NLHL_MPLS_MAX_LABELS];
};

/*
 * Route metrics (RTA_METRICS).  0 = unset.  lock is a bit mask of
 * (1 << NLHL_RTAX_*) values that iproute2 shows as "lock".  Units are the
 * kernel's: rtt/rttvar/rto_min in milliseconds as iproute2 takes them.
 */
#define NLHL_RTAX_MTU 2
#define NLHL_RTAX_WINDOW 3
#define NLHL_RTAX_RTT 4
#define NLHL_RTAX_RTTVAR 5
#define NLHL_RTAX_SSTHRESH 6
#define NLHL_RTAX_CWND 7
#define NLHL_RTAX_ADVMSS 8
#define NLHL_RTAX_REORDERING 9
#define NLHL_RTAX_HOPLIMIT 10
#define NLHL_RTAX_INITCWND 11
#define NLHL_RTAX_FEATURES 12
#define NLHL_RTAX_RTO_MIN 13
#define NLHL_RTAX_INITRWND 14
#define NLHL_RTAX_QUICKACK 15
#define NLHL_RTAX_CC_ALGO 16
#define NLHL_RTAX_FASTOPEN_NO_COOKIE 17
struct nlhl_route_metrics {
	uint32_t lock;
	uint32_t mtu, window, rtt, rttvar, ssthresh, cwnd, advmss, reordering;
	uint32_t hoplimit, initcwnd, features, rto_min, initrwnd, quickack;
	uint32_t fastopen_no_cookie;
	char congctl[16];       /* "cubic", ...; "" = unset */
};

/* One path of a multipath route (Go: netlink.NexthopInfo). */
struct nlhl_nexthop_info {
	int link_index;
	struct nlhl_ip gw;      /* may be IPv6 for an IPv4 route (RTA_VIA) */
	int weight;             /* 1..256; 0 = 1 */
	uint32_t flags;         /* NLHL_RTNH_F_* */
	struct nlhl_encap encap;
};

struct nlhl_route {
	/* AF_INET or AF_INET6; 0 on add = taken from dst, gw or src. */
	int family;
	int link_index;         /* RTA_OIF; 0 = none */
	int ilink_index;        /* RTA_IIF (read only: route get, input routes) */
	struct nlhl_ipnet dst;  /* family 0: the default route */
	struct nlhl_ipnet src_net; /* RTA_SRC, IPv6 source-specific routes */
	struct nlhl_ip src;     /* preferred source (RTA_PREFSRC) */
	struct nlhl_ip gw;      /* gateway; an IPv6 gateway on an IPv4
				 * route is sent as RTA_VIA */
	uint32_t table;         /* 0 = main; values > 255 go in RTA_TABLE */
	int scope;              /* see NLHL_SCOPE_* */
	int protocol;           /* see NLHL_RTPROT_* */
	uint32_t priority;      /* metric; 0 = kernel default */
	int type;               /* enum nlhl_route_type; 0 = unicast */
	int tos;                /* IPv4 TOS / IPv6 traffic class */
	uint32_t flags;         /* NLHL_RTNH_F_*, e.g. onlink.  Only onlink
				 * and pervasive are sent; the others (and
				 * RTM_F_* bits) are state the kernel reports */
	uint32_t realm;         /* RTA_FLOW */
	uint32_t nh_id;         /* RTA_NH_ID: uses nexthop object nh_id */
	int pref;               /* IPv6: NLHL_ROUTE_PREF_* */
	uint32_t expires;       /* IPv6: seconds until the route expires;
				 * 0 = never */
	struct nlhl_route_metrics metrics;
	struct nlhl_encap encap;
	/* Multipath (ECMP): n_multipath paths; when set, link_index, gw and
	 * encap of the route itself must be unset. */
	struct nlhl_nexthop_info *multipath;
	size_t n_multipath;
};

/* Frees what the library allocated in a route it filled (multipath) and
 * zeroes the struct.  NULL is allowed. */
NLHL_API void nlhl_route_clear(struct nlhl_route *route);

/* RTM_NEWROUTE with NLM_F_CREATE | NLM_F_EXCL: -EEXIST if the route is
 * there (Go: RouteAdd). */
NLHL_API int nlhl_route_add(nlhl_handle *h, const struct nlhl_route *route);
/* NLM_F_CREATE | NLM_F_APPEND (IPv6: another path of the route; IPv4: a
 * route behind the existing one) (Go: RouteAppend). */
NLHL_API int nlhl_route_append(nlhl_handle *h, const struct nlhl_route *route);
/* NLM_F_CREATE | NLM_F_REPLACE (Go: RouteReplace). */
NLHL_API int nlhl_route_replace(nlhl_handle *h, const struct nlhl_route *route);
/* RTM_DELROUTE; unset fields match any route.  -ESRCH if none matches. */
NLHL_API int nlhl_route_del(nlhl_handle *h, const struct nlhl_route *route);

/* The routes of the main table (like `ip route` and Go's RouteList), of
 * family AF_INET, AF_INET6 or AF_UNSPEC (both), whose output device is
 * link (any path of a multipath route) or any device when link is NULL.
 * link is looked up by attrs.index, or by attrs.name when the index is 0. */
NLHL_API int nlhl_route_list(nlhl_handle *h, const struct nlhl_link *link, int family,
			     struct nlhl_route **ret, size_t *ret_n);
NLHL_API void nlhl_route_list_free(struct nlhl_route *list, size_t n);

/* Which fields of the filter route must match (Go: RT_FILTER_*). */
#define NLHL_RT_FILTER_PROTOCOL (1u << 0)
#define NLHL_RT_FILTER_SCOPE (1u << 1)
#define NLHL_RT_FILTER_TYPE (1u << 2)
#define NLHL_RT_FILTER_TOS (1u << 3)
#define NLHL_RT_FILTER_IIF (1u << 4)
#define NLHL_RT_FILTER_DST (1u << 5)
#define NLHL_RT_FILTER_SRC (1u << 6)
#define NLHL_RT_FILTER_GW (1u << 7)
#define NLHL_RT_FILTER_TABLE (1u << 8)
#define NLHL_RT_FILTER_OIF (1u << 9)
#define NLHL_RT_FILTER_PRIORITY (1u << 10)

/*
 * Routes of family (AF_INET, AF_INET6, AF_UNSPEC = both) whose fields
 * named in mask equal filter's.  Without NLHL_RT_FILTER_TABLE only the
 * main table is listed; with it, filter->table selects one table, or all
 * tables when it is 0.  A filter on dst with dst.family 0 selects default
 * routes; on gw, a multipath route matches when one of its paths does.
 * Table, protocol, type and output device are filtered by the kernel.
 * filter may be NULL when mask is 0.
 */
NLHL_API int nlhl_route_list_filtered(nlhl_handle *h, int family,
				      const struct nlhl_route *filter, uint32_t mask,
				      struct nlhl_route **ret, size_t *ret_n);

/*
 * Streams the routes nlhl_route_list_filtered() would return to cb, one
 * at a time, without holding them: memory stays flat for any table size.
 * cb returns 0 to go on, or a negative errno to stop; foreach then returns
 * that value.  A stream cannot be restarted: when concurrent changes raced
 * the dump (see above), foreach returns -EINTR after the last route
 * (routes may then have been missed or repeated).
 */
typedef int (*nlhl_route_cb)(const struct nlhl_route *route, void *arg);
NLHL_API int nlhl_route_foreach(nlhl_handle *h, int family, const struct nlhl_route *filter,
				uint32_t mask, nlhl_route_cb cb, void *arg);

/* Options of a route lookup (Go: RouteGetOptions).  Zero = unset. */
struct nlhl_route_get_options {
	struct nlhl_ip src;     /* source address of the packet */
	int iif_index;          /* input device (a forwarded packet) */
	int oif_index;          /* output device */
	uint32_t mark;          /* fwmark */
	uint32_t uid;           /* sent when has_uid is nonzero */
	int has_uid;
	int fib_match;          /* return the FIB entry, not the resolved
				 * route (`ip route get ... fibmatch`) */
};

/* Asks the kernel which route a packet to dst would take (`ip route get`).
 * opts may be NULL.  *ret is filled (release with nlhl_route_clear()): dst
 * is the address as a host prefix (the FIB entry's prefix with fib_match),
 * src the source the kernel picks (when opts->src is unset), src_net the
 * given opts->src, ilink_index the given input device. */
NLHL_API int nlhl_route_get(nlhl_handle *h, const struct nlhl_ip *dst,
			    const struct nlhl_route_get_options *opts, struct nlhl_route *ret);

NLHL_END_DECLS

#endif
