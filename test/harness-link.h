/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Test helpers of the link suites: the iproute2 oracle for links. */
#ifndef NLT_HARNESS_LINK_H
#define NLT_HARNESS_LINK_H

#include "harness.h"

/* ifindex of NAME by `ip -j link show`, 0 if there is no such link. */
int nlt_link_ifindex(const char *name);
/* `ip -d -j link show dev NAME` .linkinfo.info_data[key] as integer / string
 * (def / NULL when missing); the string is malloc'd. */
long long nlt_info_int(const char *name, const char *key, long long def);
char *nlt_info_str(const char *name, const char *key);
/* Same for .linkinfo.info_slave_data. */
long long nlt_slave_int(const char *name, const char *key, long long def);
/* Asserts that the library's view of a link matches `ip -d -j`: index, name,
 * kind, mtu, txqlen, address, flags UP, master, alias, group, queues,
 * operstate. */
void nlt_link_matches_ip(const struct nlhl_link *l);
/* A veth pair a/b made with ip (fails the test otherwise). */
void nlt_ip_veth(const char *a, const char *b);
/* Bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING), which the host
 * kernel may lack. */
bool nlt_has_bridge_vlan(void);
#define NLT_REQUIRE_BRIDGE_VLAN()                                                   \
	do {                                                                        \
		if (!nlt_has_bridge_vlan())                                         \
			NLT_SKIP("host kernel lacks bridge vlan filtering (runs in make check-vm)"); \
	} while (0)
/* Fills a struct for a new link of type t named name. */
void nlt_link_init(struct nlhl_link *l, enum nlhl_link_type t, const char *name);

#endif
