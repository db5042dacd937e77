/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * IP tunnels: gre, gretap, ip6gre, ip6gretap (IFLA_GRE_*), ipip, sit,
 * ip6tnl (IFLA_IPTUN_*), vti, vti6 (IFLA_VTI_*).  Keys, GRE flags and IPv6
 * flow info are big-endian on the wire; the attributes are built here
 * rather than with libnl 3.7, whose ipgre iflags/oflags handling is wrong
 * (rule 10).
 */
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/if_tunnel.h>

#include "internal-link.h"

static bool is_v6(enum nlhl_link_type t)
{
	return t == NLHL_LINK_IP6GRE || t == NLHL_LINK_IP6GRETAP || t == NLHL_LINK_IP6TNL ||
	       t == NLHL_LINK_VTI6;
}

static int check_ends(const struct nlhl_link *link, const struct nlhl_ip *local,
		      const struct nlhl_ip *remote, const char *op)
{
	int want = is_v6(link->type) ? AF_INET6 : AF_INET;

	/* sit carries IPv6 over IPv4: its endpoints are IPv4. */
	if ((local->family && local->family != want) || (remote->family && remote->family != want))
		return nlhl__fail(-EINVAL, "%s %s: a %s tunnel needs %s endpoints", op,
				  link->attrs.name, nlhl_link_type_kind(link->type),
				  want == AF_INET ? "IPv4" : "IPv6");
	return 0;
}

static int check_ttl(const struct nlhl_link *link, int32_t ttl, const char *op)
{
	if ((ttl < 0 && ttl != NLHL_ZERO) || ttl > 255)
		return nlhl__fail(-EINVAL, "%s %s: ttl %d is not 0..255", op, link->attrs.name, ttl);
	return 0;
}

static int put_end(struct nl_msg *msg, int type, const struct nlhl_ip *ip)
{
	if (!ip->family)
		return 0;
	return nla_put(msg, type, ip->family == AF_INET ? 4 : 16, ip->addr);
}

/* ------------------------------------------------------------------- gre */

static int gre_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_gre *g = &link->gre;
	int r;

	if ((r = check_ends(link, &g->local, &g->remote, op)) < 0 ||
	    (r = check_ttl(link, g->ttl, op)) < 0)
		return r;
	if (g->link_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative link index", op, link->attrs.name);
	if (g->flowinfo > 0xfffff)
		return nlhl__fail(-EINVAL, "%s %s: flow label %u does not fit 20 bits", op,
				  link->attrs.name, g->flowinfo);
	return 0;
}

static int gre_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_gre *g = &link->gre;
	/* GRE_* flags are already big-endian constants; a key implies GRE_KEY
	 * as in `ip link add ... key N`. */
	uint16_t iflags = g->iflags | (g->ikey ? GRE_KEY : 0);
	uint16_t oflags = g->oflags | (g->okey ? GRE_KEY : 0);
	int r = 0;

	if (g->link_index)
		r |= nla_put_u32(msg, IFLA_GRE_LINK, (uint32_t)g->link_index);
	if (iflags)
		r |= nla_put_u16(msg, IFLA_GRE_IFLAGS, iflags);
	if (oflags)
		r |= nla_put_u16(msg, IFLA_GRE_OFLAGS, oflags);
	if (g->ikey)
		r |= nla_put_u32(msg, IFLA_GRE_IKEY, htonl(g->ikey));
	if (g->okey)
		r |= nla_put_u32(msg, IFLA_GRE_OKEY, htonl(g->okey));
	r |= put_end(msg, IFLA_GRE_LOCAL, &g->local);
	r |= put_end(msg, IFLA_GRE_REMOTE, &g->remote);
	if (g->ttl)
		r |= nla_put_u8(msg, IFLA_GRE_TTL, g->ttl == NLHL_ZERO ? 0 : (uint8_t)g->ttl);
	if (g->tos)
		r |= nla_put_u8(msg, IFLA_GRE_TOS, g->tos);
	r |= nlhl__put_opt(msg, IFLA_GRE_PMTUDISC, g->pmtudisc);
	if (g->flow_based > 0)
		r |= nla_put_flag(msg, IFLA_GRE_COLLECT_METADATA);
	if (g->encap_limit)
		r |= nla_put_u8(msg, IFLA_GRE_ENCAP_LIMIT, g->encap_limit);
	if (g->flowinfo)
		r |= nla_put_u32(msg, IFLA_GRE_FLOWINFO, htonl(g->flowinfo));
	return r ? -EMSGSIZE : 0;
}

static int gre_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_GRE_MAX + 1];
	struct nlhl_gre *g = &link->gre;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_GRE_MAX, data) < 0)
		return -EBADMSG;
	g->link_index = (int)nlhl__get_u32(tb[IFLA_GRE_LINK]);
	g->iflags = nlhl__get_u16(tb[IFLA_GRE_IFLAGS]);
	g->oflags = nlhl__get_u16(tb[IFLA_GRE_OFLAGS]);
	g->ikey = ntohl(nlhl__get_u32(tb[IFLA_GRE_IKEY]));
	g->okey = ntohl(nlhl__get_u32(tb[IFLA_GRE_OKEY]));
	nlhl__get_ip(tb[IFLA_GRE_LOCAL], &g->local);
	nlhl__get_ip(tb[IFLA_GRE_REMOTE], &g->remote);
	g->ttl = nlhl__get_u8(tb[IFLA_GRE_TTL]);
	g->tos = nlhl__get_u8(tb[IFLA_GRE_TOS]);
	g->pmtudisc = nlhl__get_opt(tb[IFLA_GRE_PMTUDISC]);
	g->flow_based = tb[IFLA_GRE_COLLECT_METADATA] ? NLHL_ON : NLHL_OFF;
	g->encap_limit = nlhl__get_u8(tb[IFLA_GRE_ENCAP_LIMIT]);
	g->flowinfo = ntohl(nlhl__get_u32(tb[IFLA_GRE_FLOWINFO])) & 0xfffff;
	return 0;
}

#define GRE_KIND(sym, t, name)                                                        \
	const struct nlhl__link_kind sym = {                                          \
		.type = t, .kind = name, .check = gre_check, .put = gre_put,          \
		.parse = gre_parse,                                                   \
	}
GRE_KIND(nlhl__kind_gre, NLHL_LINK_GRE, "gre");
GRE_KIND(nlhl__kind_gretap, NLHL_LINK_GRETAP, "gretap");
GRE_KIND(nlhl__kind_ip6gre, NLHL_LINK_IP6GRE, "ip6gre");
GRE_KIND(nlhl__kind_ip6gretap, NLHL_LINK_IP6GRETAP, "ip6gretap");

/* ---------------------------------------------------- ipip, sit, ip6tnl */

static int iptun_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_iptun *t = &link->iptun;
	int r;

	if ((r = check_ends(link, &t->local, &t->remote, op)) < 0 ||
	    (r = check_ttl(link, t->ttl, op)) < 0)
		return r;
	if (t->link_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative link index", op, link->attrs.name);
	if (t->flowinfo > 0xfffff)
		return nlhl__fail(-EINVAL, "%s %s: flow label %u does not fit 20 bits", op,
				  link->attrs.name, t->flowinfo);
	return 0;
}

static int iptun_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_iptun *t = &link->iptun;
	int r = 0;

	if (t->link_index)
		r |= nla_put_u32(msg, IFLA_IPTUN_LINK, (uint32_t)t->link_index);
	r |= put_end(msg, IFLA_IPTUN_LOCAL, &t->local);
	r |= put_end(msg, IFLA_IPTUN_REMOTE, &t->remote);
	if (t->ttl)
		r |= nla_put_u8(msg, IFLA_IPTUN_TTL, t->ttl == NLHL_ZERO ? 0 : (uint8_t)t->ttl);
	if (t->tos)
		r |= nla_put_u8(msg, IFLA_IPTUN_TOS, t->tos);
	r |= nlhl__put_opt(msg, IFLA_IPTUN_PMTUDISC, t->pmtudisc);
	if (t->flow_based > 0)
		r |= nla_put_flag(msg, IFLA_IPTUN_COLLECT_METADATA);
	if (t->proto)
		r |= nla_put_u8(msg, IFLA_IPTUN_PROTO, t->proto);
	if (link->type == NLHL_LINK_IP6TNL) {
		if (t->encap_limit)
			r |= nla_put_u8(msg, IFLA_IPTUN_ENCAP_LIMIT, t->encap_limit);
		if (t->flowinfo)
			r |= nla_put_u32(msg, IFLA_IPTUN_FLOWINFO, htonl(t->flowinfo));
		if (t->flags)
			r |= nla_put_u32(msg, IFLA_IPTUN_FLAGS, t->flags);
	} else if (t->flags) {
		r |= nla_put_u16(msg, IFLA_IPTUN_FLAGS, (uint16_t)t->flags);
	}
	return r ? -EMSGSIZE : 0;
}

static int iptun_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_IPTUN_MAX + 1];
	struct nlhl_iptun *t = &link->iptun;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_IPTUN_MAX, data) < 0)
		return -EBADMSG;
	t->link_index = (int)nlhl__get_u32(tb[IFLA_IPTUN_LINK]);
	nlhl__get_ip(tb[IFLA_IPTUN_LOCAL], &t->local);
	nlhl__get_ip(tb[IFLA_IPTUN_REMOTE], &t->remote);
	t->ttl = nlhl__get_u8(tb[IFLA_IPTUN_TTL]);
	t->tos = nlhl__get_u8(tb[IFLA_IPTUN_TOS]);
	t->pmtudisc = nlhl__get_opt(tb[IFLA_IPTUN_PMTUDISC]);
	t->flow_based = tb[IFLA_IPTUN_COLLECT_METADATA] ? NLHL_ON : NLHL_OFF;
	t->proto = nlhl__get_u8(tb[IFLA_IPTUN_PROTO]);
	t->encap_limit = nlhl__get_u8(tb[IFLA_IPTUN_ENCAP_LIMIT]);
	t->flowinfo = ntohl(nlhl__get_u32(tb[IFLA_IPTUN_FLOWINFO])) & 0xfffff;
	t->flags = link->type == NLHL_LINK_IP6TNL ? nlhl__get_u32(tb[IFLA_IPTUN_FLAGS])
						  : nlhl__get_u16(tb[IFLA_IPTUN_FLAGS]);
	return 0;
}

#define IPTUN_KIND(sym, t, name)                                                      \
	const struct nlhl__link_kind sym = {                                          \
		.type = t, .kind = name, .check = iptun_check, .put = iptun_put,      \
		.parse = iptun_parse,                                                 \
	}
IPTUN_KIND(nlhl__kind_ipip, NLHL_LINK_IPIP, "ipip");
IPTUN_KIND(nlhl__kind_sit, NLHL_LINK_SIT, "sit");
IPTUN_KIND(nlhl__kind_ip6tnl, NLHL_LINK_IP6TNL, "ip6tnl");

/* ------------------------------------------------------------------- vti */

static int vti_check(const struct nlhl_link *link, const char *op, bool create)
{
	if (link->vti.link_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative link index", op, link->attrs.name);
	return check_ends(link, &link->vti.local, &link->vti.remote, op);
}

static int vti_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_vti *v = &link->vti;
	int r = 0;

	if (v->link_index)
		r |= nla_put_u32(msg, IFLA_VTI_LINK, (uint32_t)v->link_index);
	if (v->ikey)
		r |= nla_put_u32(msg, IFLA_VTI_IKEY, htonl(v->ikey));
	if (v->okey)
		r |= nla_put_u32(msg, IFLA_VTI_OKEY, htonl(v->okey));
	r |= put_end(msg, IFLA_VTI_LOCAL, &v->local);
	r |= put_end(msg, IFLA_VTI_REMOTE, &v->remote);
	if (v->fwmark)
		r |= nla_put_u32(msg, IFLA_VTI_FWMARK, v->fwmark);
	return r ? -EMSGSIZE : 0;
}

static int vti_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_VTI_MAX + 1];
	struct nlhl_vti *v = &link->vti;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_VTI_MAX, data) < 0)
		return -EBADMSG;
	v->link_index = (int)nlhl__get_u32(tb[IFLA_VTI_LINK]);
	v->ikey = ntohl(nlhl__get_u32(tb[IFLA_VTI_IKEY]));
	v->okey = ntohl(nlhl__get_u32(tb[IFLA_VTI_OKEY]));
	nlhl__get_ip(tb[IFLA_VTI_LOCAL], &v->local);
	nlhl__get_ip(tb[IFLA_VTI_REMOTE], &v->remote);
	v->fwmark = nlhl__get_u32(tb[IFLA_VTI_FWMARK]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_vti = {
	.type = NLHL_LINK_VTI, .kind = "vti", .check = vti_check, .put = vti_put,
	.parse = vti_parse,
};
const struct nlhl__link_kind nlhl__kind_vti6 = {
	.type = NLHL_LINK_VTI6, .kind = "vti6", .check = vti_check, .put = vti_put,
	.parse = vti_parse,
};
