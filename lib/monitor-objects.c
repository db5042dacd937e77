/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The object kinds the event monitor knows: groups, dump requests,
 * identity keys and content hashes of rtnetlink messages.  Parsing into
 * public structs is the families' job (lib/internal-<family>.h); this file
 * only looks at headers and a few key attributes, never trusting a length.
 */
#define _GNU_SOURCE
#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/fib_rules.h>
#include <linux/nexthop.h>
#include <linux/net_namespace.h>

#include "internal-monitor.h"
#include "internal-route.h"
#include "internal-addr.h"
#include "internal-rule.h"
#include "internal-nexthop.h"
#include "internal-link.h"
#include "internal-neigh.h"
#include "internal-tc.h"

/* ---------------------------------------------------- kinds and parsers */

/* The families' own parsers, behind one signature. */
static int parse_addr(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__addr_parse(nlh, ret);
}

static int parse_route(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__route_parse(nlh, ret);
}

static void clear_route(void *obj)
{
	nlhl_route_clear(obj);
}

static int parse_link(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__link_parse(nlh, ret);
}

static int parse_neigh(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__neigh_parse(nlh, ret);
}

static int parse_qdisc(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__qdisc_parse(nlh, ret);
}

static int parse_rule(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__rule_parse(nlh, ret);
}

static int parse_nexthop(const struct nlmsghdr *nlh, void *ret)
{
	return nlhl__nexthop_parse(nlh, ret);
}

static void clear_nexthop(void *obj)
{
	nlhl_nexthop_clear(obj);
}

static const struct nlhl__mon_kind kinds[] = {
	{ NLHL_OBJ_LINK, "link", NLHL_MONITOR_LINK, sizeof(struct nlhl_link), parse_link, NULL },
	{ NLHL_OBJ_ADDR, "addr", NLHL_MONITOR_ADDR, sizeof(struct nlhl_addr), parse_addr, NULL },
	{ NLHL_OBJ_ROUTE, "route", NLHL_MONITOR_ROUTE, sizeof(struct nlhl_route), parse_route,
	  clear_route },
	{ NLHL_OBJ_NEIGH, "neigh", NLHL_MONITOR_NEIGH, sizeof(struct nlhl_neigh), parse_neigh, NULL },
	{ NLHL_OBJ_RULE, "rule", NLHL_MONITOR_RULE, sizeof(struct nlhl_rule), parse_rule, NULL },
	{ NLHL_OBJ_NEXTHOP, "nexthop", NLHL_MONITOR_NEXTHOP, sizeof(struct nlhl_nexthop),
	  parse_nexthop, clear_nexthop },
	{ NLHL_OBJ_NSID, "nsid", NLHL_MONITOR_NSID, 0, NULL, NULL },
	{ NLHL_OBJ_QDISC, "qdisc", NLHL_MONITOR_QDISC, sizeof(struct nlhl_qdisc), parse_qdisc, NULL },
};

const struct nlhl__mon_kind *nlhl__mon_kind_of(uint16_t type)
{
	switch (type) {
	case RTM_NEWLINK: case RTM_DELLINK: return &kinds[0];
	case RTM_NEWADDR: case RTM_DELADDR: return &kinds[1];
	case RTM_NEWROUTE: case RTM_DELROUTE: return &kinds[2];
	case RTM_NEWNEIGH: case RTM_DELNEIGH: return &kinds[3];
	case RTM_NEWRULE: case RTM_DELRULE: return &kinds[4];
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: return &kinds[5];
	case RTM_NEWNSID: case RTM_DELNSID: return &kinds[6];
	case RTM_NEWQDISC: case RTM_DELQDISC: return &kinds[7];
	default: return NULL;
	}
}

bool nlhl__mon_is_del(uint16_t type)
{
	switch (type) {
	case RTM_DELLINK: case RTM_DELADDR: case RTM_DELROUTE: case RTM_DELNEIGH:
	case RTM_DELRULE: case RTM_DELNEXTHOP: case RTM_DELNSID: case RTM_DELQDISC:
		return true;
	default:
		return false;
	}
}

/* ------------------------------------------------------------- groups */

int nlhl__mon_rtnl_groups(uint32_t groups, unsigned int *out)
{
	static const struct { uint32_t bit; unsigned int grp; } map[] = {
		{ NLHL_MONITOR_LINK, RTNLGRP_LINK },
		{ NLHL_MONITOR_ADDR4, RTNLGRP_IPV4_IFADDR },
		{ NLHL_MONITOR_ADDR6, RTNLGRP_IPV6_IFADDR },
		{ NLHL_MONITOR_ROUTE4, RTNLGRP_IPV4_ROUTE },
		{ NLHL_MONITOR_ROUTE6, RTNLGRP_IPV6_ROUTE },
		{ NLHL_MONITOR_NEIGH, RTNLGRP_NEIGH },
		{ NLHL_MONITOR_RULE4, RTNLGRP_IPV4_RULE },
		{ NLHL_MONITOR_RULE6, RTNLGRP_IPV6_RULE },
		{ NLHL_MONITOR_NEXTHOP, RTNLGRP_NEXTHOP },
		{ NLHL_MONITOR_NSID, RTNLGRP_NSID },
		{ NLHL_MONITOR_QDISC, RTNLGRP_TC },
	};
	int n = 0;

	for (size_t i = 0; i < NLHL_ARRAY_SIZE(map); i++)
		if (groups & map[i].bit)
			out[n++] = map[i].grp;
	return n;
}

/* -------------------------------------------------------------- dumps */

/* Dump requests in the order the listing runs them; each carries the
 * header struct NETLINK_GET_STRICT_CHK wants. */
static const struct dump_req {
	uint32_t bit;
	uint16_t type;
	uint8_t family;
	size_t hdrlen;
} dumps[] = {
	{ NLHL_MONITOR_NSID, RTM_GETNSID, AF_UNSPEC, sizeof(struct rtgenmsg) },
	{ NLHL_MONITOR_LINK, RTM_GETLINK, AF_UNSPEC, sizeof(struct ifinfomsg) },
	{ NLHL_MONITOR_ADDR4, RTM_GETADDR, AF_INET, sizeof(struct ifaddrmsg) },
	{ NLHL_MONITOR_ADDR6, RTM_GETADDR, AF_INET6, sizeof(struct ifaddrmsg) },
	{ NLHL_MONITOR_NEXTHOP, RTM_GETNEXTHOP, AF_UNSPEC, sizeof(struct nhmsg) },
	{ NLHL_MONITOR_ROUTE4, RTM_GETROUTE, AF_INET, sizeof(struct rtmsg) },
	{ NLHL_MONITOR_ROUTE6, RTM_GETROUTE, AF_INET6, sizeof(struct rtmsg) },
	{ NLHL_MONITOR_NEIGH, RTM_GETNEIGH, AF_UNSPEC, sizeof(struct ndmsg) },
	{ NLHL_MONITOR_RULE4, RTM_GETRULE, AF_INET, sizeof(struct fib_rule_hdr) },
	{ NLHL_MONITOR_RULE6, RTM_GETRULE, AF_INET6, sizeof(struct fib_rule_hdr) },
	{ NLHL_MONITOR_QDISC, RTM_GETQDISC, AF_UNSPEC, sizeof(struct tcmsg) },
};

int nlhl__mon_dump_next(uint32_t groups, int *i, struct nl_msg **ret)
{
	for (; *i < (int)NLHL_ARRAY_SIZE(dumps); (*i)++) {
		const struct dump_req *d = &dumps[*i];
		uint8_t hdr[64] = { 0 };
		struct nl_msg *msg;

		if (!(groups & d->bit))
			continue;
		(*i)++;
		hdr[0] = d->family;  /* every one of these structs starts with it */
		msg = nlmsg_alloc_simple(d->type, 0);
		if (!msg || nlmsg_append(msg, hdr, d->hdrlen, NLMSG_ALIGNTO) < 0) {
			nlmsg_free(msg);
			return -ENOMEM;
		}
		*ret = msg;
		return 1;
	}
	return 0;
}

/* --------------------------------------------------- keys and content */

struct keybuf {
	uint8_t *p;
	size_t len;
	bool full;
};

static void kput(struct keybuf *k, const void *data, size_t len)
{
	if (k->len + len > NLHL_MON_KEY_MAX) {
		k->full = true;
		return;
	}
	memcpy(k->p + k->len, data, len);
	k->len += len;
}

/* An attribute into the key as (type, length, bytes), absent = (type, 0). */
static void kattr(struct keybuf *k, const struct nlattr *a, uint16_t type)
{
	uint16_t t = type, l = a ? (uint16_t)nla_len(a) : 0;

	kput(k, &t, 2);
	kput(k, &l, 2);
	if (a)
		kput(k, nla_data(a), l);
}

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* The attributes of a message, found without trusting lengths: tb[type]
 * is the first of its type (types above max are only hashed). */
#define MAX_ATTR 64

static void find_attrs(const struct nlmsghdr *nlh, size_t hdrlen, const struct nlattr **tb)
{
	const struct nlattr *a;
	int rem;

	memset(tb, 0, sizeof(*tb) * MAX_ATTR);
	if (nlh->nlmsg_len < NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen))
		return;
	a = (const struct nlattr *)((const uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hdrlen));
	rem = (int)(nlh->nlmsg_len - NLMSG_HDRLEN - NLMSG_ALIGN(hdrlen));
	for (; nla_ok(a, rem); a = nla_next(a, &rem)) {
		int t = nla_type(a);

		if (t < MAX_ATTR && !tb[t])
			tb[t] = a;
	}
}

/* Hash of the header (with volatile bytes zeroed by the caller in hdr)
 * and every attribute but the volatile ones. */
static uint64_t content_hash(const struct nlmsghdr *nlh, const void *hdr, size_t hdrlen,
			     const uint16_t *skip, size_t nskip)
{
	uint64_t h = fnv(0xcbf29ce484222325ull, &nlh->nlmsg_type, 0);
	const struct nlattr *a;
	int rem;

	h = fnv(h, hdr, hdrlen);
	a = (const struct nlattr *)((const uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hdrlen));
	rem = (int)(nlh->nlmsg_len - NLMSG_HDRLEN - NLMSG_ALIGN(hdrlen));
	for (; nla_ok(a, rem); a = nla_next(a, &rem)) {
		bool volatile_attr = false;

		for (size_t i = 0; i < nskip; i++)
			if (nla_type(a) == skip[i])
				volatile_attr = true;
		if (!volatile_attr)
			h = fnv(h, a, (size_t)a->nla_len);
	}
	return h;
}

static const uint16_t link_skip[] = { IFLA_STATS, IFLA_STATS64, IFLA_AF_SPEC,
				      IFLA_CARRIER_UP_COUNT, IFLA_CARRIER_DOWN_COUNT,
				      IFLA_CARRIER_CHANGES, IFLA_MAP, IFLA_EVENT };
static const uint16_t addr_skip[] = { IFA_CACHEINFO };
static const uint16_t route_skip[] = { RTA_CACHEINFO, RTA_EXPIRES };
static const uint16_t neigh_skip[] = { NDA_CACHEINFO, NDA_PROBES };
static const uint16_t qdisc_skip[] = { TCA_STATS, TCA_STATS2, TCA_XSTATS };

#define HDR_OK(nlh, T) ((nlh)->nlmsg_len >= NLMSG_LENGTH(sizeof(T)))

size_t nlhl__mon_key(const struct nlmsghdr *nlh, uint8_t *key, uint64_t *content)
{
	const struct nlattr *tb[MAX_ATTR];
	struct keybuf k = { key, 0, false };
	uint8_t tag;

	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK: case RTM_DELLINK: {
		struct ifinfomsg ifi;

		if (!HDR_OK(nlh, ifi))
			return 0;
		memcpy(&ifi, NLMSG_DATA(nlh), sizeof(ifi));
		if (ifi.ifi_family != AF_UNSPEC)
			return 0;  /* bridge port messages: no dump lists them */
		tag = 'L';
		kput(&k, &tag, 1);
		kput(&k, &ifi.ifi_index, sizeof(ifi.ifi_index));
		ifi.ifi_change = 0;
		*content = content_hash(nlh, &ifi, sizeof(ifi), link_skip, NLHL_ARRAY_SIZE(link_skip));
		break;
	}
	case RTM_NEWADDR: case RTM_DELADDR: {
		struct ifaddrmsg ifa;

		if (!HDR_OK(nlh, ifa))
			return 0;
		memcpy(&ifa, NLMSG_DATA(nlh), sizeof(ifa));
		find_attrs(nlh, sizeof(ifa), tb);
		tag = 'A';
		kput(&k, &tag, 1);
		kput(&k, &ifa.ifa_family, 1);
		kput(&k, &ifa.ifa_prefixlen, 1);
		kput(&k, &ifa.ifa_index, sizeof(ifa.ifa_index));
		kattr(&k, tb[IFA_LOCAL], IFA_LOCAL);
		kattr(&k, tb[IFA_ADDRESS], IFA_ADDRESS);
		*content = content_hash(nlh, &ifa, sizeof(ifa), addr_skip, NLHL_ARRAY_SIZE(addr_skip));
		break;
	}
	case RTM_NEWROUTE: case RTM_DELROUTE: {
		struct rtmsg rtm;
		uint32_t table;

		if (!HDR_OK(nlh, rtm))
			return 0;
		memcpy(&rtm, NLMSG_DATA(nlh), sizeof(rtm));
		if (rtm.rtm_flags & RTM_F_CLONED)
			return 0;  /* route cache entries are not listed */
		find_attrs(nlh, sizeof(rtm), tb);
		table = tb[RTA_TABLE] && nla_len(tb[RTA_TABLE]) >= 4 ? nla_get_u32(tb[RTA_TABLE])
								     : rtm.rtm_table;
		tag = 'R';
		kput(&k, &tag, 1);
		kput(&k, &rtm.rtm_family, 1);
		kput(&k, &rtm.rtm_dst_len, 1);
		kput(&k, &rtm.rtm_src_len, 1);
		kput(&k, &rtm.rtm_tos, 1);
		kput(&k, &rtm.rtm_type, 1);
		kput(&k, &table, 4);
		kattr(&k, tb[RTA_DST], RTA_DST);
		kattr(&k, tb[RTA_SRC], RTA_SRC);
		kattr(&k, tb[RTA_PRIORITY], RTA_PRIORITY);
		kattr(&k, tb[RTA_OIF], RTA_OIF);
		kattr(&k, tb[RTA_GATEWAY], RTA_GATEWAY);
		kattr(&k, tb[RTA_VIA], RTA_VIA);
		kattr(&k, tb[RTA_NH_ID], RTA_NH_ID);
		kattr(&k, tb[RTA_MULTIPATH], RTA_MULTIPATH);
		rtm.rtm_flags &= ~RTM_F_OFFLOAD;
		*content = content_hash(nlh, &rtm, sizeof(rtm), route_skip, NLHL_ARRAY_SIZE(route_skip));
		break;
	}
	case RTM_NEWNEIGH: case RTM_DELNEIGH: {
		struct ndmsg ndm;

		if (!HDR_OK(nlh, ndm))
			return 0;
		memcpy(&ndm, NLMSG_DATA(nlh), sizeof(ndm));
		if (ndm.ndm_flags & NTF_PROXY)
			return 0;  /* proxies have their own dump */
		find_attrs(nlh, sizeof(ndm), tb);
		tag = 'N';
		kput(&k, &tag, 1);
		kput(&k, &ndm.ndm_family, 1);
		kput(&k, &ndm.ndm_ifindex, sizeof(ndm.ndm_ifindex));
		kattr(&k, tb[NDA_DST], NDA_DST);
		if (ndm.ndm_family == AF_BRIDGE) {
			uint8_t master = ndm.ndm_flags & (NTF_SELF | NTF_MASTER);

			kput(&k, &master, 1);
			kattr(&k, tb[NDA_LLADDR], NDA_LLADDR);
			kattr(&k, tb[NDA_VLAN], NDA_VLAN);
			kattr(&k, tb[NDA_VNI], NDA_VNI);
		}
		*content = content_hash(nlh, &ndm, sizeof(ndm), neigh_skip, NLHL_ARRAY_SIZE(neigh_skip));
		break;
	}
	case RTM_NEWRULE: case RTM_DELRULE: {
		/* a rule is all it says: the whole message is its key */
		size_t len = nlh->nlmsg_len - NLMSG_HDRLEN;

		if (!HDR_OK(nlh, struct fib_rule_hdr))
			return 0;
		tag = 'U';
		kput(&k, &tag, 1);
		kput(&k, NLMSG_DATA(nlh), len);
		*content = fnv(0xcbf29ce484222325ull, NLMSG_DATA(nlh), len);
		break;
	}
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP: {
		struct nhmsg nhm;

		if (!HDR_OK(nlh, nhm))
			return 0;
		memcpy(&nhm, NLMSG_DATA(nlh), sizeof(nhm));
		find_attrs(nlh, sizeof(nhm), tb);
		if (!tb[NHA_ID])
			return 0;
		tag = 'H';
		kput(&k, &tag, 1);
		kattr(&k, tb[NHA_ID], NHA_ID);
		*content = content_hash(nlh, &nhm, sizeof(nhm), NULL, 0);
		break;
	}
	case RTM_NEWNSID: case RTM_DELNSID: {
		struct rtgenmsg g;

		if (!HDR_OK(nlh, g))
			return 0;
		memcpy(&g, NLMSG_DATA(nlh), sizeof(g));
		find_attrs(nlh, sizeof(g), tb);
		if (!tb[NETNSA_NSID])
			return 0;
		tag = 'S';
		kput(&k, &tag, 1);
		kattr(&k, tb[NETNSA_NSID], NETNSA_NSID);
		*content = content_hash(nlh, &g, sizeof(g), NULL, 0);
		break;
	}
	case RTM_NEWQDISC: case RTM_DELQDISC: {
		struct tcmsg tcm;

		if (!HDR_OK(nlh, tcm))
			return 0;
		memcpy(&tcm, NLMSG_DATA(nlh), sizeof(tcm));
		tag = 'Q';
		kput(&k, &tag, 1);
		kput(&k, &tcm.tcm_ifindex, sizeof(tcm.tcm_ifindex));
		kput(&k, &tcm.tcm_parent, sizeof(tcm.tcm_parent));
		kput(&k, &tcm.tcm_handle, sizeof(tcm.tcm_handle));
		tcm.tcm_info = 0;  /* the refcount */
		*content = content_hash(nlh, &tcm, sizeof(tcm), qdisc_skip, NLHL_ARRAY_SIZE(qdisc_skip));
		break;
	}
	default:
		return 0;
	}
	return k.full ? 0 : k.len;
}

void nlhl__mon_ids(const struct nlmsghdr *nlh, int *ifindex, int *family, int32_t *nsid)
{
	const struct nlattr *tb[MAX_ATTR];

	*ifindex = 0;
	*family = 0;
	*nsid = 0;
	if (nlh->nlmsg_len < NLMSG_LENGTH(1))
		return;
	*family = *(const uint8_t *)NLMSG_DATA(nlh);  /* every header starts with it */
	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK: case RTM_DELLINK:
		if (HDR_OK(nlh, struct ifinfomsg))
			*ifindex = ((const struct ifinfomsg *)NLMSG_DATA(nlh))->ifi_index;
		break;
	case RTM_NEWADDR: case RTM_DELADDR:
		if (HDR_OK(nlh, struct ifaddrmsg))
			*ifindex = (int)((const struct ifaddrmsg *)NLMSG_DATA(nlh))->ifa_index;
		break;
	case RTM_NEWNEIGH: case RTM_DELNEIGH:
		if (HDR_OK(nlh, struct ndmsg))
			*ifindex = ((const struct ndmsg *)NLMSG_DATA(nlh))->ndm_ifindex;
		break;
	case RTM_NEWQDISC: case RTM_DELQDISC:
		if (HDR_OK(nlh, struct tcmsg))
			*ifindex = ((const struct tcmsg *)NLMSG_DATA(nlh))->tcm_ifindex;
		break;
	case RTM_NEWROUTE: case RTM_DELROUTE:
		find_attrs(nlh, sizeof(struct rtmsg), tb);
		if (tb[RTA_OIF] && nla_len(tb[RTA_OIF]) >= 4)
			*ifindex = (int)nla_get_u32(tb[RTA_OIF]);
		break;
	case RTM_NEWNSID: case RTM_DELNSID:
		find_attrs(nlh, sizeof(struct rtgenmsg), tb);
		if (tb[NETNSA_NSID] && nla_len(tb[NETNSA_NSID]) >= 4)
			*nsid = (int32_t)nla_get_u32(tb[NETNSA_NSID]);
		break;
	default:
		break;
	}
}
