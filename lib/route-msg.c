/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * struct nlhl_route <-> RTM_NEWROUTE/RTM_DELROUTE messages.  Built straight
 * into the message with nla_put (no rtnl_route objects: a route add is on
 * the hot path) and parsed with the core's attribute readers into the caller's struct
 * without allocating, except for the paths of a multipath route.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>

#include "internal-attr.h"
#include "internal-route.h"

#ifndef RTA_NH_ID
#define RTA_NH_ID 30
#endif

/* ------------------------------------------------------------ helpers */

const char *nlhl__route_op(int type, int flags)
{
	if (type == RTM_DELROUTE)
		return "route del";
	if (type == RTM_GETROUTE)
		return "route get";
	if (flags & NLM_F_REPLACE)
		return "route replace";
	if (flags & NLM_F_APPEND)
		return "route append";
	return "route add";
}

void nlhl__route_describe(const struct nlhl_route *r, char *buf, size_t size)
{
	char tmp[NLHL_IPNET_STRLEN];
	int len = nlhl__family_len(r->dst.family);

	if (!len) {
		snprintf(buf, size, "default");
		return;
	}
	inet_ntop(r->dst.family, r->dst.addr, tmp, INET6_ADDRSTRLEN);
	snprintf(buf, size, "%s/%u", tmp, r->dst.prefixlen);
}

NLHL_API void nlhl_route_clear(struct nlhl_route *route)
{
	if (!route)
		return;
	free(route->multipath);
	memset(route, 0, sizeof(*route));
}

/* ------------------------------------------------------------ build */

/* Flags a request may carry; dead, linkdown, offload, cloned ... are state
 * the kernel reports (and refuses on add), so a listed route re-adds as
 * it is. */
#define SETTABLE_FLAGS (RTNH_F_ONLINK | RTNH_F_PERVASIVE)

struct build {
	const char *op;
	const struct nlhl_route *r;  /* named only on failure: batches build millions */
	int family;
};

static int fail(const struct build *b, int err, const char *why)
{
	char what[NLHL_IPNET_STRLEN];

	nlhl__route_describe(b->r, what, sizeof(what));
	return nlhl__fail(err, "%s %s: %s", b->op, what, why);
}

static int bad(const struct build *b, const char *why)
{
	return fail(b, -EINVAL, why);
}

static int put_addr(struct nl_msg *msg, int attr, const struct nlhl_ip *ip)
{
	return nla_put(msg, attr, nlhl__family_len(ip->family), ip->addr);
}

/* A gateway of the route's family is RTA_GATEWAY; an IPv6 gateway of an
 * IPv4 route is RTA_VIA (kernel >= 5.2). */
static int put_gateway(struct nl_msg *msg, int family, const struct nlhl_ip *gw)
{
	struct {
		uint16_t family;
		uint8_t addr[16];
	} __attribute__((packed)) via;
	int len = nlhl__family_len(gw->family);

	if (gw->family == family)
		return nla_put(msg, RTA_GATEWAY, len, gw->addr);
	via.family = (uint16_t)gw->family;
	memcpy(via.addr, gw->addr, (size_t)len);
	return nla_put(msg, RTA_VIA, 2 + len, &via);
}

static int check_gateway(const struct build *b, const struct nlhl_ip *gw)
{
	if (!gw->family)
		return 0;
	if (!nlhl__family_len(gw->family))
		return bad(b, "gateway family is not IPv4 or IPv6");
	/* IPv4 via IPv6 is valid (RTA_VIA); IPv6 via IPv4 is not. */
	if (gw->family != b->family && b->family != AF_INET)
		return bad(b, "gateway family does not match the route's family");
	return 0;
}

static int check_encap(const struct build *b, const struct nlhl_encap *e)
{
	const char *why = nlhl__encap_check(e);

	return why ? bad(b, why) : 0;
}

const char *nlhl__encap_check(const struct nlhl_encap *e)
{
	if (e->type == NLHL_ENCAP_NONE)
		return NULL;
	if (e->type != NLHL_ENCAP_MPLS)
		return "unknown encap type";
	if (e->n_labels == 0 || e->n_labels > NLHL_MPLS_MAX_LABELS)
		return "MPLS encap needs 1 to 16 labels";
	for (int i = 0; i < e->n_labels; i++)
		if (e->labels[i] >= (1u << 20))
			return "MPLS label is over 20 bits";
	return NULL;
}

int nlhl__encap_put(struct nl_msg *msg, int type_attr, int encap_attr,
		    const struct nlhl_encap *e)
{
	uint32_t stack[NLHL_MPLS_MAX_LABELS];
	struct nlattr *nest;

	if (e->type == NLHL_ENCAP_NONE)
		return 0;
	for (int i = 0; i < e->n_labels; i++)
		stack[i] = htonl(e->labels[i] << MPLS_LS_LABEL_SHIFT |
				 (i + 1 == e->n_labels ? 1u << MPLS_LS_S_SHIFT : 0));
	if (nla_put_u16(msg, type_attr, LWTUNNEL_ENCAP_MPLS) < 0)
		return -EMSGSIZE;
	nest = nla_nest_start(msg, encap_attr);
	if (!nest || nla_put(msg, MPLS_IPTUNNEL_DST, 4 * e->n_labels, stack) < 0)
		return -EMSGSIZE;
	if (e->ttl && nla_put_u8(msg, MPLS_IPTUNNEL_TTL, e->ttl) < 0)
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int put_metrics(struct nl_msg *msg, const struct nlhl_route_metrics *m)
{
	const uint32_t vals[] = {
		[RTAX_LOCK] = m->lock, [RTAX_MTU] = m->mtu, [RTAX_WINDOW] = m->window,
		[RTAX_RTT] = m->rtt, [RTAX_RTTVAR] = m->rttvar,
		[RTAX_SSTHRESH] = m->ssthresh, [RTAX_CWND] = m->cwnd,
		[RTAX_ADVMSS] = m->advmss, [RTAX_REORDERING] = m->reordering,
		[RTAX_HOPLIMIT] = m->hoplimit, [RTAX_INITCWND] = m->initcwnd,
		[RTAX_FEATURES] = m->features, [RTAX_RTO_MIN] = m->rto_min,
		[RTAX_INITRWND] = m->initrwnd, [RTAX_QUICKACK] = m->quickack,
		[RTAX_FASTOPEN_NO_COOKIE] = m->fastopen_no_cookie,
	};
	struct nlattr *nest = NULL;

	for (int i = 1; i < (int)NLHL_ARRAY_SIZE(vals); i++) {
		uint32_t v = vals[i];

		if (!v)
			continue;
		/* iproute2 takes rtt and rttvar in ms, the kernel in 1/8
		 * and 1/4 ms units; rto_min in ms as the kernel. */
		if (i == RTAX_RTT)
			v *= 8;
		else if (i == RTAX_RTTVAR)
			v *= 4;
		if (!nest && !(nest = nla_nest_start(msg, RTA_METRICS)))
			return -EMSGSIZE;
		if (nla_put_u32(msg, i, v) < 0)
			return -EMSGSIZE;
	}
	if (m->congctl[0]) {
		if (!nest && !(nest = nla_nest_start(msg, RTA_METRICS)))
			return -EMSGSIZE;
		if (nla_put(msg, RTAX_CC_ALGO, (int)strnlen(m->congctl, sizeof(m->congctl) - 1) + 1,
			    m->congctl) < 0)
			return -EMSGSIZE;
	}
	if (nest)
		nla_nest_end(msg, nest);
	return 0;
}

static int put_multipath(struct nl_msg *msg, int family, const struct nlhl_route *r)
{
	struct nlattr *nest = nla_nest_start(msg, RTA_MULTIPATH);

	if (!nest)
		return -EMSGSIZE;
	for (size_t i = 0; i < r->n_multipath; i++) {
		const struct nlhl_nexthop_info *p = &r->multipath[i];
		struct rtnexthop *rtnh = nlmsg_reserve(msg, sizeof(*rtnh), NLMSG_ALIGNTO);
		size_t start;

		if (!rtnh)
			return -EMSGSIZE;
		start = (size_t)((uint8_t *)rtnh - (uint8_t *)nlmsg_hdr(msg));
		rtnh->rtnh_flags = (uint8_t)(p->flags & SETTABLE_FLAGS);
		rtnh->rtnh_hops = (uint8_t)(p->weight > 0 ? p->weight - 1 : 0);
		rtnh->rtnh_ifindex = p->link_index;
		if (p->gw.family && put_gateway(msg, family, &p->gw) < 0)
			return -EMSGSIZE;
		if (nlhl__encap_put(msg, RTA_ENCAP_TYPE, RTA_ENCAP, &p->encap) < 0)
			return -EMSGSIZE;
		rtnh = (struct rtnexthop *)((uint8_t *)nlmsg_hdr(msg) + start);
		rtnh->rtnh_len = (unsigned short)(nlmsg_hdr(msg)->nlmsg_len - start);
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* iproute2's default scope (see <netlinkhl/route.h>). */
static int auto_scope(int type, int rtm_type, const struct nlhl_route *r)
{
	if (r->scope == NLHL_SCOPE_UNIVERSE_EXPLICIT)
		return RT_SCOPE_UNIVERSE;
	if (r->scope)
		return r->scope;
	if (type == RTM_DELROUTE)
		return RT_SCOPE_NOWHERE;
	if (r->family == AF_INET6 || r->dst.family == AF_INET6)
		return RT_SCOPE_UNIVERSE;
	switch (rtm_type) {
	case RTN_LOCAL:
	case RTN_NAT:
		return RT_SCOPE_HOST;
	case RTN_BROADCAST:
	case RTN_MULTICAST:
	case RTN_ANYCAST:
		return RT_SCOPE_LINK;
	case RTN_UNICAST:
		if (!r->gw.family && !r->n_multipath && !r->nh_id)
			return RT_SCOPE_LINK;
		return RT_SCOPE_UNIVERSE;
	default:
		return RT_SCOPE_UNIVERSE;
	}
}

static int route_family(const struct nlhl_route *r)
{
	if (r->family)
		return r->family;
	if (r->dst.family)
		return r->dst.family;
	if (r->src_net.family)
		return r->src_net.family;
	if (r->src.family)
		return r->src.family;
	if (r->gw.family)
		return r->gw.family;
	if (r->n_multipath && r->multipath && r->multipath[0].gw.family)
		return r->multipath[0].gw.family;
	return AF_INET;
}

static int validate(const struct build *b, int type, const struct nlhl_route *r)
{
	int bits = nlhl__family_len(b->family) * 8;
	int rv;

	if (!bits)
		return bad(b, "family is not AF_INET or AF_INET6");
	if (r->dst.family && r->dst.family != b->family)
		return bad(b, "dst family does not match the route's family");
	if (r->dst.prefixlen > bits) {
		char why[64];

		snprintf(why, sizeof(why), "prefix length %u is over %d", r->dst.prefixlen, bits);
		return bad(b, why);
	}
	if (!r->dst.family && r->dst.prefixlen)
		return bad(b, "dst has a prefix length but no family");
	if (r->src_net.family && (r->src_net.family != b->family || r->src_net.prefixlen > bits))
		return bad(b, "source prefix does not match the route's family");
	if (r->src.family && r->src.family != b->family)
		return bad(b, "preferred source family does not match the route's family");
	if ((rv = check_gateway(b, &r->gw)) < 0)
		return rv;
	if (r->link_index < 0 || r->ilink_index < 0)
		return bad(b, "negative link index");
	if (r->type < 0 || r->type > RTN_MAX)
		return bad(b, "unknown route type");
	if (r->scope < 0 || (r->scope > 255 && r->scope != NLHL_SCOPE_UNIVERSE_EXPLICIT))
		return bad(b, "scope is not 0 to 255");
	if (r->protocol < 0 || r->protocol > 255 || r->tos < 0 || r->tos > 255)
		return bad(b, "protocol or tos is not 0 to 255");
	if (r->pref != 0 && r->pref != NLHL_ROUTE_PREF_HIGH && r->pref != NLHL_ROUTE_PREF_LOW)
		return bad(b, "pref is not low, medium or high");
	if ((rv = check_encap(b, &r->encap)) < 0)
		return rv;
	if (r->n_multipath && !r->multipath)
		return bad(b, "n_multipath is set but multipath is NULL");
	if (r->n_multipath > 512)
		return bad(b, "more than 512 paths");
	if (r->n_multipath && (r->gw.family || r->link_index || r->encap.type))
		return bad(b, "a multipath route takes gw, link and encap per path");
	if (r->nh_id && (r->gw.family || r->link_index || r->n_multipath || r->encap.type) &&
	    type != RTM_DELROUTE)
		return bad(b, "a route using a nexthop object takes no gw, link or paths");
	for (size_t i = 0; i < r->n_multipath; i++) {
		const struct nlhl_nexthop_info *p = &r->multipath[i];

		if ((rv = check_gateway(b, &p->gw)) < 0)
			return rv;
		if (p->weight < 0 || p->weight > 256)
			return bad(b, "path weight is not 1 to 256");
		if (p->link_index < 0)
			return bad(b, "negative link index in a path");
		if ((rv = check_encap(b, &p->encap)) < 0)
			return rv;
	}
	return 0;
}

static void masked(const struct nlhl_ipnet *net, uint8_t out[16])
{
	memcpy(out, net->addr, 16);
	for (int i = 0; i < 16; i++) {
		int bits = (int)net->prefixlen - i * 8;

		if (bits <= 0)
			out[i] = 0;
		else if (bits < 8)
			out[i] &= (uint8_t)(0xff << (8 - bits));
	}
}

int nlhl__route_build(int type, int flags, const struct nlhl_route *r, struct nl_msg **ret)
{
	struct build b = { .op = nlhl__route_op(type, flags), .r = r };
	struct rtmsg rtm = { 0 };
	struct nl_msg *msg;
	uint32_t table;
	uint8_t addr[16];
	int rv;

	if (!r)
		return nlhl__fail(-EINVAL, "%s: route is NULL", b.op);
	b.family = route_family(r);
	if ((rv = validate(&b, type, r)) < 0)
		return rv;

	table = r->table ? r->table : RT_TABLE_MAIN;
	rtm.rtm_family = (uint8_t)b.family;
	rtm.rtm_dst_len = r->dst.family ? r->dst.prefixlen : 0;
	rtm.rtm_src_len = r->src_net.family ? r->src_net.prefixlen : 0;
	rtm.rtm_tos = (uint8_t)r->tos;
	rtm.rtm_table = table < 256 ? (uint8_t)table : RT_TABLE_COMPAT;
	if (type == RTM_DELROUTE) {
		rtm.rtm_protocol = (uint8_t)r->protocol;
		rtm.rtm_type = (uint8_t)r->type;
	} else {
		rtm.rtm_protocol = (uint8_t)(r->protocol ? r->protocol : RTPROT_BOOT);
		rtm.rtm_type = (uint8_t)(r->type ? r->type : RTN_UNICAST);
	}
	rtm.rtm_scope = (uint8_t)auto_scope(type, rtm.rtm_type, r);
	rtm.rtm_flags = r->flags & SETTABLE_FLAGS;

	/* One allocation sized for the whole route: nlmsg_reserve does not
	 * grow libnl messages. */
	msg = nlhl__msg_alloc(1024 + r->n_multipath * 160);
	if (!msg)
		return fail(&b, -ENOMEM, "out of memory");
	nlmsg_hdr(msg)->nlmsg_type = (uint16_t)type;
	nlmsg_hdr(msg)->nlmsg_flags = (uint16_t)flags;
	if (nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO) < 0)
		goto full;
	if (r->dst.family) {
		masked(&r->dst, addr);
		if (nla_put(msg, RTA_DST, nlhl__family_len(b.family), addr) < 0)
			goto full;
	}
	if (r->src_net.family) {
		masked(&r->src_net, addr);
		if (nla_put(msg, RTA_SRC, nlhl__family_len(b.family), addr) < 0)
			goto full;
	}
	if (r->src.family && put_addr(msg, RTA_PREFSRC, &r->src) < 0)
		goto full;
	if (r->table >= 256 && nla_put_u32(msg, RTA_TABLE, table) < 0)
		goto full;
	if (r->priority && nla_put_u32(msg, RTA_PRIORITY, r->priority) < 0)
		goto full;
	if (r->realm && nla_put_u32(msg, RTA_FLOW, r->realm) < 0)
		goto full;
	if (r->pref && nla_put_u8(msg, RTA_PREF, (uint8_t)r->pref) < 0)
		goto full;
	if (r->expires && nla_put_u32(msg, RTA_EXPIRES, r->expires) < 0)
		goto full;
	if (r->nh_id) {
		/* The nexthop object carries gateway, device and paths; a
		 * route read back from the kernel shows them too, so a listed
		 * route can be deleted as it is. */
		if (nla_put_u32(msg, RTA_NH_ID, r->nh_id) < 0)
			goto full;
	} else {
		if (r->link_index && nla_put_u32(msg, RTA_OIF, (uint32_t)r->link_index) < 0)
			goto full;
		if (r->gw.family && put_gateway(msg, b.family, &r->gw) < 0)
			goto full;
		if (nlhl__encap_put(msg, RTA_ENCAP_TYPE, RTA_ENCAP, &r->encap) < 0)
			goto full;
		if (r->n_multipath && put_multipath(msg, b.family, r) < 0)
			goto full;
	}
	if (type != RTM_DELROUTE && put_metrics(msg, &r->metrics) < 0)
		goto full;
	*ret = msg;
	return 0;
full:
	nlmsg_free(msg);
	return fail(&b, -EMSGSIZE, "route does not fit in a message");
}

/* ------------------------------------------------------------ parse */

/* Bytes of an address of family; inline: it runs for every address of
 * every route of a dump. */
static inline int addr_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

static void get_ip(const struct nlattr *a, int family, struct nlhl_ip *ip)
{
	int len = addr_len(family);

	if (!a || !len || nlhl__alen(a) < len)
		return;
	ip->family = family;
	memcpy(ip->addr, nlhl__adata(a), (size_t)len);
}

static void get_net(const struct nlattr *a, int family, uint8_t plen, struct nlhl_ipnet *net)
{
	int len = addr_len(family);

	if (!a || !len || nlhl__alen(a) < len)
		return;
	net->family = family;
	net->prefixlen = plen;
	memcpy(net->addr, nlhl__adata(a), (size_t)len);
}

static void get_via(const struct nlattr *a, struct nlhl_ip *ip)
{
	uint16_t fam;
	int len;

	if (!a || nlhl__alen(a) < 2)
		return;
	memcpy(&fam, nlhl__adata(a), 2);
	len = addr_len(fam);
	if (!len || nlhl__alen(a) < 2 + len)
		return;
	ip->family = fam;
	memcpy(ip->addr, (const uint8_t *)nlhl__adata(a) + 2, (size_t)len);
}

void nlhl__encap_get(const struct nlattr *type, const struct nlattr *encap, struct nlhl_encap *e)
{
	struct nlattr *tb[MPLS_IPTUNNEL_MAX + 1];
	int n;

	if (!encap || nlhl__get_u16(type) != LWTUNNEL_ENCAP_MPLS)
		return;
	if (nlhl__parse_nested(tb, MPLS_IPTUNNEL_MAX, encap) < 0)
		return;
	if (!tb[MPLS_IPTUNNEL_DST])
		return;
	n = nlhl__alen(tb[MPLS_IPTUNNEL_DST]) / 4;
	if (n > NLHL_MPLS_MAX_LABELS)
		n = NLHL_MPLS_MAX_LABELS;
	e->type = NLHL_ENCAP_MPLS;
	e->n_labels = (uint8_t)n;
	for (int i = 0; i < n; i++) {
		uint32_t ls;

		memcpy(&ls, (const uint8_t *)nlhl__adata(tb[MPLS_IPTUNNEL_DST]) + 4 * i, 4);
		e->labels[i] = (ntohl(ls) & MPLS_LS_LABEL_MASK) >> MPLS_LS_LABEL_SHIFT;
	}
	e->ttl = nlhl__get_u8(tb[MPLS_IPTUNNEL_TTL]);
}

static void get_metrics(const struct nlattr *nest, struct nlhl_route_metrics *m)
{
	struct nlattr *tb[RTAX_MAX + 1];
	uint32_t *dst[RTAX_MAX + 1] = {
		[RTAX_LOCK] = &m->lock, [RTAX_MTU] = &m->mtu, [RTAX_WINDOW] = &m->window,
		[RTAX_RTT] = &m->rtt, [RTAX_RTTVAR] = &m->rttvar,
		[RTAX_SSTHRESH] = &m->ssthresh, [RTAX_CWND] = &m->cwnd,
		[RTAX_ADVMSS] = &m->advmss, [RTAX_REORDERING] = &m->reordering,
		[RTAX_HOPLIMIT] = &m->hoplimit, [RTAX_INITCWND] = &m->initcwnd,
		[RTAX_FEATURES] = &m->features, [RTAX_RTO_MIN] = &m->rto_min,
		[RTAX_INITRWND] = &m->initrwnd, [RTAX_QUICKACK] = &m->quickack,
		[RTAX_FASTOPEN_NO_COOKIE] = &m->fastopen_no_cookie,
	};

	if (nlhl__parse_nested(tb, RTAX_MAX, nest) < 0)
		return;
	for (int i = 1; i <= RTAX_MAX; i++) {
		if (!tb[i])
			continue;
		if (i == RTAX_CC_ALGO) {
			int len = nlhl__alen(tb[i]);

			if (len >= (int)sizeof(m->congctl))
				len = sizeof(m->congctl) - 1;
			memcpy(m->congctl, nlhl__adata(tb[i]), (size_t)len);
			m->congctl[len] = '\0';
			continue;
		}
		if (!dst[i] || nlhl__alen(tb[i]) < 4)
			continue;
		*dst[i] = nlhl__get_u32(tb[i]);
		if (i == RTAX_RTT)
			*dst[i] /= 8;
		else if (i == RTAX_RTTVAR)
			*dst[i] /= 4;
	}
}

/* RTA_MULTIPATH: a run of rtnexthop headers each followed by attributes;
 * every length is checked against what is left. */
static int get_multipath(const struct nlattr *a, int family, struct nlhl_route *r)
{
	const uint8_t *p = nlhl__adata(a);
	int left = nlhl__alen(a), n = 0;

	for (int off = 0; left - off >= (int)sizeof(struct rtnexthop);) {
		const struct rtnexthop *rtnh = (const void *)(p + off);

		if (rtnh->rtnh_len < sizeof(*rtnh) || rtnh->rtnh_len > left - off)
			return -EPROTO;
		n++;
		off += RTNH_ALIGN(rtnh->rtnh_len);
	}
	if (!n)
		return 0;
	r->multipath = calloc((size_t)n, sizeof(*r->multipath));
	if (!r->multipath)
		return -ENOMEM;
	r->n_multipath = (size_t)n;
	for (int off = 0, i = 0; i < n; i++) {
		const struct rtnexthop *rtnh = (const void *)(p + off);
		struct nlhl_nexthop_info *nh = &r->multipath[i];
		struct nlattr *tb[RTA_MAX + 1];
		int alen = rtnh->rtnh_len - (int)sizeof(*rtnh);

		nh->link_index = rtnh->rtnh_ifindex;
		nh->weight = rtnh->rtnh_hops + 1;
		nh->flags = rtnh->rtnh_flags;
		if (alen > 0 && nlhl__parse_attrs(tb, RTA_MAX, RTNH_DATA(rtnh), alen) == 0) {
			get_ip(tb[RTA_GATEWAY], family, &nh->gw);
			get_via(tb[RTA_VIA], &nh->gw);
			nlhl__encap_get(tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP], &nh->encap);
		}
		off += RTNH_ALIGN(rtnh->rtnh_len);
	}
	return 0;
}

static long user_hz(void)
{
	static long hz;

	if (!hz) {
		long v = sysconf(_SC_CLK_TCK);

		hz = v > 0 ? v : 100;
	}
	return hz;
}

int nlhl__route_parse(const struct nlmsghdr *nlh, struct nlhl_route *r)
{
	struct nlattr *tb[RTA_MAX + 1];
	const struct rtmsg *rtm;
	int family, bits, rv;

	memset(r, 0, sizeof(*r));
	if (!nlh || nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*rtm)))
		return -EPROTO;
	rtm = nlmsg_data(nlh);
	family = rtm->rtm_family;
	bits = addr_len(family) * 8;
	if (!bits)
		return -EAFNOSUPPORT;
	if (rtm->rtm_dst_len > bits || rtm->rtm_src_len > bits)
		return -EPROTO;
	if (nlhl__parse_msg(tb, RTA_MAX, nlh, sizeof(*rtm)) < 0)
		return -EPROTO;

	r->family = family;
	r->tos = rtm->rtm_tos;
	r->table = nlhl__get_u32_or(tb[RTA_TABLE], rtm->rtm_table);
	r->protocol = rtm->rtm_protocol;
	r->scope = rtm->rtm_scope;
	r->type = rtm->rtm_type;
	r->flags = rtm->rtm_flags;
	/* A default route keeps dst at family 0. */
	if (rtm->rtm_dst_len || tb[RTA_DST]) {
		get_net(tb[RTA_DST], family, rtm->rtm_dst_len, &r->dst);
		if (!r->dst.family && rtm->rtm_dst_len)
			return -EPROTO;
	}
	get_net(tb[RTA_SRC], family, rtm->rtm_src_len, &r->src_net);
	get_ip(tb[RTA_PREFSRC], family, &r->src);
	get_ip(tb[RTA_GATEWAY], family, &r->gw);
	get_via(tb[RTA_VIA], &r->gw);
	r->link_index = (int)nlhl__get_u32(tb[RTA_OIF]);
	r->ilink_index = (int)nlhl__get_u32(tb[RTA_IIF]);
	r->priority = nlhl__get_u32(tb[RTA_PRIORITY]);
	r->realm = nlhl__get_u32(tb[RTA_FLOW]);
	r->nh_id = nlhl__get_u32(tb[RTA_NH_ID]);
	r->pref = nlhl__get_u8(tb[RTA_PREF]);
	if (tb[RTA_CACHEINFO] && nlhl__alen(tb[RTA_CACHEINFO]) >= (int)sizeof(struct rta_cacheinfo)) {
		struct rta_cacheinfo ci;

		memcpy(&ci, nlhl__adata(tb[RTA_CACHEINFO]), sizeof(ci));
		if (ci.rta_expires)
			r->expires = (uint32_t)((int32_t)ci.rta_expires > 0
						? (long)(int32_t)ci.rta_expires / user_hz() : 0);
	}
	if (tb[RTA_METRICS])
		get_metrics(tb[RTA_METRICS], &r->metrics);
	nlhl__encap_get(tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP], &r->encap);
	if (tb[RTA_MULTIPATH] && (rv = get_multipath(tb[RTA_MULTIPATH], family, r)) < 0) {
		nlhl_route_clear(r);
		return rv;
	}
	return 0;
}
