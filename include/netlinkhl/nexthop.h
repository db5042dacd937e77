/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Nexthop objects (RTM_NEWNEXTHOP / RTM_DELNEXTHOP / RTM_GETNEXTHOP, kernel
 * >= 5.3; `ip nexthop`).  Routes use one through nlhl_route.nh_id.
 *
 * Ownership: a nexthop the library fills (nlhl_nexthop_get, list
 * elements) owns its group array: free it with nlhl_nexthop_clear() or
 * nlhl_nexthop_list_free().  On input group is only read.
 */
#ifndef NETLINKHL_NEXTHOP_H
#define NETLINKHL_NEXTHOP_H

#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>
#include <netlinkhl/route.h>

NLHL_BEGIN_DECLS

/* One member of a nexthop group. */
struct nlhl_nexthop_grp {
	uint32_t id;
	int weight;             /* 1..256; 0 = 1 */
};

/* Group types (NEXTHOP_GRP_TYPE_*). */
#define NLHL_NEXTHOP_GRP_MPATH 0
#define NLHL_NEXTHOP_GRP_RES 1

struct nlhl_nexthop {
	uint32_t id;            /* 0 on add: the kernel picks one */
	/* AF_INET / AF_INET6; 0 on add = the gateway's family, AF_UNSPEC
	 * for a group, else AF_INET. */
	int family;
	int link_index;         /* NHA_OIF */
	struct nlhl_ip gw;      /* NHA_GATEWAY */
	int blackhole;          /* nonzero: NHA_BLACKHOLE */
	int fdb;                /* nonzero: NHA_FDB (for vxlan FDB entries) */
	uint32_t flags;         /* NLHL_RTNH_F_ONLINK, ... */
	int protocol;           /* 0 on add = boot */
	int scope;              /* read only (the kernel's choice) */
	struct nlhl_encap encap;
	/* Group of other nexthops (NHA_GROUP) */
	struct nlhl_nexthop_grp *group;
	size_t n_group;
	int group_type;         /* NLHL_NEXTHOP_GRP_* */
};

NLHL_API void nlhl_nexthop_clear(struct nlhl_nexthop *nh);

/* Creates the nexthop (NLM_F_EXCL: -EEXIST if the id is taken) and writes
 * the id back into nh->id (the kernel's choice when it was 0). */
NLHL_API int nlhl_nexthop_add(nlhl_handle *h, struct nlhl_nexthop *nh);
/* Replaces the nexthop nh->id (must be set) in place; routes using it
 * follow. */
NLHL_API int nlhl_nexthop_replace(nlhl_handle *h, const struct nlhl_nexthop *nh);
/* -ENOENT if there is no such nexthop. */
NLHL_API int nlhl_nexthop_del(nlhl_handle *h, uint32_t id);
NLHL_API int nlhl_nexthop_get(nlhl_handle *h, uint32_t id, struct nlhl_nexthop *ret);
/* Every nexthop of family (AF_UNSPEC: all). */
NLHL_API int nlhl_nexthop_list(nlhl_handle *h, int family, struct nlhl_nexthop **ret,
			       size_t *ret_n);
NLHL_API void nlhl_nexthop_list_free(struct nlhl_nexthop *list, size_t n);

NLHL_END_DECLS

#endif
