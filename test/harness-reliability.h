/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Helpers of the reliability tests (test/test-reliability.c): small
 * requests made straight through the core engine (nlhl__request /
 * nlhl__dump), so the tests exercise the engine under load and faults
 * whatever families exist, and loop sizes scaled for slow tiers.
 */
#ifndef NLT_HARNESS_RELIABILITY_H
#define NLT_HARNESS_RELIABILITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netlinkhl.h"

/* n scaled by NLT_LOOP_PERCENT (default 100); at least 1. */
int nlt_rel_loops(int n);

/* Links in h's netns (an RTM_GETLINK dump). */
int nlt_rel_link_count(nlhl_handle *h, int *ret);
/* One RTM_GETLINK by index: 0 or the kernel's errno. */
int nlt_rel_link_get(nlhl_handle *h, int ifindex);
/* RTM_NEWADDR (add) or RTM_DELADDR of IPv4 addr_be/plen on ifindex. */
int nlt_rel_addr4(nlhl_handle *h, bool add, int ifindex, uint32_t addr_be, int plen);
/* Addresses of family (AF_UNSPEC: all) in h's netns: a restartable dump. */
int nlt_rel_addr_count(nlhl_handle *h, int family, int *ret);
/* The same as a streaming dump (no restart): -EINTR when interrupted. */
int nlt_rel_addr_stream_count(nlhl_handle *h, int family, int *ret);

/* An address list, for duplicate checks. */
struct nlt_rel_addr {
	int ifindex, family, plen;
	uint8_t addr[16];
};
struct nlt_rel_addrs {
	struct nlt_rel_addr *v;
	size_t n, cap;
};
int nlt_rel_addr_collect(nlhl_handle *h, int family, struct nlt_rel_addrs *ret);
bool nlt_rel_addrs_unique(const struct nlt_rel_addrs *a);
/* How many IPv4 entries lie in net_be/plen. */
int nlt_rel_addrs_in_range(const struct nlt_rel_addrs *a, uint32_t net_be, int plen);
void nlt_rel_addrs_free(struct nlt_rel_addrs *a);

/* n IPv6 addresses 2001:db8:1::N/128 on dev through `ip -batch`. */
int nlt_rel_fill_addrs(const char *dev, int n);

/* Stdout of a command without its trailing newline, in a buffer of the
 * harness (valid until the next call; not thread-safe). */
const char *nlt_rel_output_trim(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Sends from netlink socket fd to port a forged message with sequence
 * number seq: NLMSG_ERROR carrying errno val, NLMSG_DONE carrying val, or
 * RTM_NEWLINK of ifindex val.  0 or -errno. */
int nlt_rel_forge(int fd, uint32_t port, int type, uint32_t seq, int val);

/* Sends from netlink socket fd to port one RTM_NEWLINK datagram of bytes
 * bytes (ifindex 4242, padded with an unknown attribute): larger than any
 * receive buffer a handle starts with.  0 or -errno. */
int nlt_rel_forge_big(int fd, uint32_t port, size_t bytes);
/* The netlink port of fd (getsockname). */
uint32_t nlt_rel_port(int fd);

#endif
