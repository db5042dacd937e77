/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Interface addresses (RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR), IPv4 and
 * IPv6.
 *
 * Go: netlink.Addr -> struct nlhl_addr, AddrAdd -> nlhl_addr_add,
 * AddrList -> nlhl_addr_list, ParseAddr -> nlhl_parse_addr.
 *
 * struct nlhl_addr is plain data (no heap memory).  Calls that take a
 * `const struct nlhl_link *` use link->attrs.index, or look the link up by
 * link->attrs.name (one RTM_GETLINK) when the index is 0.
 */
#ifndef NETLINKHL_ADDR_H
#define NETLINKHL_ADDR_H

#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>

NLHL_BEGIN_DECLS

struct nlhl_link;

/* Scopes (the kernel's RT_SCOPE_* values), for addresses and routes.
 * Universe is 0, which on add means "unset": the library then picks the
 * scope as iproute2 does (addresses: host for 127.0.0.0/8, else universe;
 * routes: see <netlinkhl/route.h>).  NLHL_SCOPE_UNIVERSE_EXPLICIT forces
 * universe. */
#define NLHL_SCOPE_UNIVERSE 0
#define NLHL_SCOPE_SITE 200
#define NLHL_SCOPE_LINK 253
#define NLHL_SCOPE_HOST 254
#define NLHL_SCOPE_NOWHERE 255
#define NLHL_SCOPE_UNIVERSE_EXPLICIT 0x100

/* Address flags (IFA_F_*). */
#define NLHL_IFA_F_SECONDARY 0x01
#define NLHL_IFA_F_NODAD 0x02
#define NLHL_IFA_F_OPTIMISTIC 0x04
#define NLHL_IFA_F_DADFAILED 0x08
#define NLHL_IFA_F_HOMEADDRESS 0x10
#define NLHL_IFA_F_DEPRECATED 0x20
#define NLHL_IFA_F_TENTATIVE 0x40
#define NLHL_IFA_F_PERMANENT 0x80
#define NLHL_IFA_F_MANAGETEMPADDR 0x100
#define NLHL_IFA_F_NOPREFIXROUTE 0x200
#define NLHL_IFA_F_MCAUTOJOIN 0x400
#define NLHL_IFA_F_STABLE_PRIVACY 0x800

/* A lifetime that never ends (the kernel's INFINITY_LIFE_TIME). */
#define NLHL_ADDR_LFT_FOREVER 0xffffffffu

struct nlhl_addr {
	/* The address and its prefix length (IFA_LOCAL, for IPv6 without a
	 * peer IFA_ADDRESS); ipnet.family is the address family. */
	struct nlhl_ipnet ipnet;
	/* The link the address is on (filled by lists; on add/del the link
	 * argument names the link). */
	int link_index;
	/* IPv4 label, e.g. "eth0:1" (kernel default: the link's name). */
	char label[16];
	/* Point-to-point peer (IFA_ADDRESS when it differs from the local
	 * address); peer.prefixlen is ipnet.prefixlen. */
	struct nlhl_ipnet peer;
	/* IPv4 broadcast address (IFA_BROADCAST). */
	struct nlhl_ip broadcast;
	/* On add/replace: nonzero computes the broadcast address from ipnet
	 * when broadcast is unset (IPv4, prefix shorter than /31), as Go's
	 * AddrAdd does (`ip addr add ... brd +`).  Never set by reads. */
	int auto_broadcast;
	/* NLHL_SCOPE_*; see above for 0. */
	int scope;
	/* NLHL_IFA_F_* (nodad, noprefixroute, homeaddress, mngtmpaddr ...;
	 * reads also show secondary, tentative, permanent ...). */
	uint32_t flags;
	/* Lifetimes in seconds.  On add 0 means forever (both must be set
	 * together to have an effect); reads report NLHL_ADDR_LFT_FOREVER
	 * for forever. */
	uint32_t valid_lft;
	uint32_t preferred_lft;
	/* Metric of the prefix route the kernel adds (IFA_RT_PRIORITY);
	 * 0 = kernel default. */
	uint32_t rt_priority;
};

/* "10.0.0.1/24" or "10.0.0.1/24 eth0:1" (address, then an optional label
 * after one space), as Go's ParseAddr.  Only ipnet and label are set. */
NLHL_API int nlhl_parse_addr(const char *s, struct nlhl_addr *ret);
/* "10.0.0.1/24" or "10.0.0.1/24 eth0:1"; -ENOSPC if buf is too small
 * (NLHL_ADDR_STRLEN is always enough). */
#define NLHL_ADDR_STRLEN (NLHL_IPNET_STRLEN + 16)
NLHL_API int nlhl_format_addr(const struct nlhl_addr *addr, char *buf, size_t size);

/* RTM_NEWADDR with NLM_F_CREATE | NLM_F_EXCL: -EEXIST if present. */
NLHL_API int nlhl_addr_add(nlhl_handle *h, const struct nlhl_link *link,
			   const struct nlhl_addr *addr);
/* NLM_F_CREATE | NLM_F_REPLACE: adds, or changes flags, lifetimes, ... of
 * the existing address. */
NLHL_API int nlhl_addr_replace(nlhl_handle *h, const struct nlhl_link *link,
			       const struct nlhl_addr *addr);
/* RTM_DELADDR of addr->ipnet (and peer, label when set); -EADDRNOTAVAIL
 * if the link has no such address. */
NLHL_API int nlhl_addr_del(nlhl_handle *h, const struct nlhl_link *link,
			   const struct nlhl_addr *addr);

/* The addresses of link (NULL: every link) of family (AF_INET, AF_INET6,
 * AF_UNSPEC: both), filtered by the kernel.  Free with
 * nlhl_addr_list_free(). */
NLHL_API int nlhl_addr_list(nlhl_handle *h, const struct nlhl_link *link, int family,
			    struct nlhl_addr **ret, size_t *ret_n);
NLHL_API void nlhl_addr_list_free(struct nlhl_addr *list, size_t n);

/* Streams the same addresses to cb (0: go on, negative errno: stop and
 * return it).  Not restartable: -EINTR after the last address when the
 * kernel flagged the dump as interrupted by concurrent changes. */
typedef int (*nlhl_addr_cb)(const struct nlhl_addr *addr, void *arg);
NLHL_API int nlhl_addr_foreach(nlhl_handle *h, const struct nlhl_link *link, int family,
			       nlhl_addr_cb cb, void *arg);

NLHL_END_DECLS

#endif
