/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * UDP tunnels: vxlan and geneve.  Ports are host byte order in the public
 * structs and big-endian on the wire (IFLA_VXLAN_PORT, IFLA_GENEVE_PORT,
 * IFLA_VXLAN_PORT_RANGE): built here, not with libnl 3.7, whose port
 * setters disagree about the byte order and width (rules 9 and 10).
 */
#include <arpa/inet.h>
#include <sys/socket.h>

#include "internal-link.h"

static int put_ip(struct nl_msg *msg, int type4, int type6, const struct nlhl_ip *ip)
{
	if (ip->family == AF_INET)
		return nla_put(msg, type4, 4, ip->addr);
	if (ip->family == AF_INET6)
		return nla_put(msg, type6, 16, ip->addr);
	return 0;
}

static int check_ip(const struct nlhl_ip *ip, const char *what, const struct nlhl_link *link,
		    const char *op)
{
	if (ip->family && ip->family != AF_INET && ip->family != AF_INET6)
		return nlhl__fail(-EINVAL, "%s %s: %s has unknown family %d", op, link->attrs.name,
				  what, ip->family);
	return 0;
}

/* ----------------------------------------------------------------- vxlan */

static int vxlan_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_vxlan *v = &link->vxlan;
	int r;

	if (v->vni > 0xffffff)
		return nlhl__fail(-EINVAL, "%s %s: vni %u does not fit 24 bits", op, link->attrs.name,
				  v->vni);
	if ((v->ttl < 0 && v->ttl != NLHL_ZERO) || v->ttl > 255)
		return nlhl__fail(-EINVAL, "%s %s: ttl %d is not 0..255", op, link->attrs.name, v->ttl);
	if (v->ageing < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative ageing", op, link->attrs.name);
	if ((v->port_low || v->port_high) && v->port_low > v->port_high)
		return nlhl__fail(-EINVAL, "%s %s: source port range %u-%u is backwards", op,
				  link->attrs.name, v->port_low, v->port_high);
	if ((r = check_ip(&v->group, "group", link, op)) < 0 ||
	    (r = check_ip(&v->local, "local", link, op)) < 0)
		return r;
	if (v->group.family && v->local.family && v->group.family != v->local.family)
		return nlhl__fail(-EINVAL, "%s %s: group and local of different families", op,
				  link->attrs.name);
	return 0;
}

static int vxlan_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_vxlan *v = &link->vxlan;
	int r = 0;

	if (create || v->vni)
		r |= nla_put_u32(msg, IFLA_VXLAN_ID, v->vni);
	r |= put_ip(msg, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, &v->group);
	r |= put_ip(msg, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, &v->local);
	if (v->vtep_index)
		r |= nla_put_u32(msg, IFLA_VXLAN_LINK, (uint32_t)v->vtep_index);
	if (v->port)
		r |= nla_put_u16(msg, IFLA_VXLAN_PORT, htons(v->port));
	if (v->port_low || v->port_high) {
		struct ifla_vxlan_port_range pr = { htons(v->port_low), htons(v->port_high) };

		r |= nla_put(msg, IFLA_VXLAN_PORT_RANGE, sizeof(pr), &pr);
	}
	if (v->ttl)
		r |= nla_put_u8(msg, IFLA_VXLAN_TTL, v->ttl == NLHL_ZERO ? 0 : (uint8_t)v->ttl);
	if (v->tos)
		r |= nla_put_u8(msg, IFLA_VXLAN_TOS, v->tos);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_LEARNING, v->learning);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_PROXY, v->proxy);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_RSC, v->rsc);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_L2MISS, v->l2miss);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_L3MISS, v->l3miss);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_UDP_CSUM, v->udp_csum);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, v->udp6_zero_csum_tx);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, v->udp6_zero_csum_rx);
	r |= nlhl__put_opt(msg, IFLA_VXLAN_COLLECT_METADATA, v->flow_based);
	if (v->gbp > 0)
		r |= nla_put_flag(msg, IFLA_VXLAN_GBP);
	if (v->ageing)
		r |= nla_put_u32(msg, IFLA_VXLAN_AGEING, (uint32_t)v->ageing);
	if (v->limit)
		r |= nla_put_u32(msg, IFLA_VXLAN_LIMIT, v->limit);
	return r ? -EMSGSIZE : 0;
}

static int vxlan_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_VXLAN_MAX + 1];
	struct nlhl_vxlan *v = &link->vxlan;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_VXLAN_MAX, data) < 0)
		return -EBADMSG;
	v->vni = nlhl__get_u32(tb[IFLA_VXLAN_ID]);
	nlhl__get_ip(tb[IFLA_VXLAN_GROUP] ? tb[IFLA_VXLAN_GROUP] : tb[IFLA_VXLAN_GROUP6], &v->group);
	nlhl__get_ip(tb[IFLA_VXLAN_LOCAL] ? tb[IFLA_VXLAN_LOCAL] : tb[IFLA_VXLAN_LOCAL6], &v->local);
	/* The kernel reports 0.0.0.0 for "no group": unset here. */
	if (v->group.family == AF_INET && !memcmp(v->group.addr, "\0\0\0\0", 4))
		memset(&v->group, 0, sizeof(v->group));
	if (v->local.family == AF_INET && !memcmp(v->local.addr, "\0\0\0\0", 4))
		memset(&v->local, 0, sizeof(v->local));
	v->vtep_index = (int)nlhl__get_u32(tb[IFLA_VXLAN_LINK]);
	v->port = ntohs(nlhl__get_u16(tb[IFLA_VXLAN_PORT]));
	if (tb[IFLA_VXLAN_PORT_RANGE] &&
	    nla_len(tb[IFLA_VXLAN_PORT_RANGE]) >= (int)sizeof(struct ifla_vxlan_port_range)) {
		struct ifla_vxlan_port_range pr;

		memcpy(&pr, nla_data(tb[IFLA_VXLAN_PORT_RANGE]), sizeof(pr));
		v->port_low = ntohs(pr.low);
		v->port_high = ntohs(pr.high);
	}
	v->ttl = nlhl__get_u8(tb[IFLA_VXLAN_TTL]);
	v->tos = nlhl__get_u8(tb[IFLA_VXLAN_TOS]);
	v->learning = nlhl__get_opt(tb[IFLA_VXLAN_LEARNING]);
	v->proxy = nlhl__get_opt(tb[IFLA_VXLAN_PROXY]);
	v->rsc = nlhl__get_opt(tb[IFLA_VXLAN_RSC]);
	v->l2miss = nlhl__get_opt(tb[IFLA_VXLAN_L2MISS]);
	v->l3miss = nlhl__get_opt(tb[IFLA_VXLAN_L3MISS]);
	v->udp_csum = nlhl__get_opt(tb[IFLA_VXLAN_UDP_CSUM]);
	v->udp6_zero_csum_tx = nlhl__get_opt(tb[IFLA_VXLAN_UDP_ZERO_CSUM6_TX]);
	v->udp6_zero_csum_rx = nlhl__get_opt(tb[IFLA_VXLAN_UDP_ZERO_CSUM6_RX]);
	v->flow_based = nlhl__get_opt(tb[IFLA_VXLAN_COLLECT_METADATA]);
	v->gbp = tb[IFLA_VXLAN_GBP] ? NLHL_ON : NLHL_OFF;
	v->ageing = (int32_t)nlhl__get_u32(tb[IFLA_VXLAN_AGEING]);
	v->limit = nlhl__get_u32(tb[IFLA_VXLAN_LIMIT]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_vxlan = {
	.type = NLHL_LINK_VXLAN,
	.kind = "vxlan",
	.check = vxlan_check,
	.put = vxlan_put,
	.parse = vxlan_parse,
};

/* ---------------------------------------------------------------- geneve */

static int geneve_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_geneve *g = &link->geneve;
	int r;

	if (g->id > 0xffffff)
		return nlhl__fail(-EINVAL, "%s %s: vni %u does not fit 24 bits", op, link->attrs.name,
				  g->id);
	if ((g->ttl < 0 && g->ttl != NLHL_ZERO) || g->ttl > 255)
		return nlhl__fail(-EINVAL, "%s %s: ttl %d is not 0..255", op, link->attrs.name, g->ttl);
	if (g->flow_label > 0xfffff)
		return nlhl__fail(-EINVAL, "%s %s: flow label %u does not fit 20 bits", op,
				  link->attrs.name, g->flow_label);
	if ((r = check_ip(&g->remote, "remote", link, op)) < 0)
		return r;
	if (create && !g->remote.family && g->flow_based <= 0)
		return nlhl__fail(-EINVAL, "%s %s: geneve needs a remote or flow_based", op,
				  link->attrs.name);
	return 0;
}

static int geneve_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_geneve *g = &link->geneve;
	int r = 0;

	if (create || g->id)
		r |= nla_put_u32(msg, IFLA_GENEVE_ID, g->id);
	r |= put_ip(msg, IFLA_GENEVE_REMOTE, IFLA_GENEVE_REMOTE6, &g->remote);
	if (g->ttl)
		r |= nla_put_u8(msg, IFLA_GENEVE_TTL, g->ttl == NLHL_ZERO ? 0 : (uint8_t)g->ttl);
	if (g->tos)
		r |= nla_put_u8(msg, IFLA_GENEVE_TOS, g->tos);
	if (g->port)
		r |= nla_put_u16(msg, IFLA_GENEVE_PORT, htons(g->port));
	r |= nlhl__put_opt(msg, IFLA_GENEVE_UDP_CSUM, g->udp_csum);
	r |= nlhl__put_opt(msg, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, g->udp6_zero_csum_tx);
	r |= nlhl__put_opt(msg, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, g->udp6_zero_csum_rx);
	if (g->flow_based > 0)
		r |= nla_put_flag(msg, IFLA_GENEVE_COLLECT_METADATA);
	if (g->flow_label)
		r |= nla_put_u32(msg, IFLA_GENEVE_LABEL, htonl(g->flow_label));
	return r ? -EMSGSIZE : 0;
}

static int geneve_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_GENEVE_MAX + 1];
	struct nlhl_geneve *g = &link->geneve;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_GENEVE_MAX, data) < 0)
		return -EBADMSG;
	g->id = nlhl__get_u32(tb[IFLA_GENEVE_ID]);
	nlhl__get_ip(tb[IFLA_GENEVE_REMOTE] ? tb[IFLA_GENEVE_REMOTE] : tb[IFLA_GENEVE_REMOTE6],
		     &g->remote);
	g->ttl = nlhl__get_u8(tb[IFLA_GENEVE_TTL]);
	g->tos = nlhl__get_u8(tb[IFLA_GENEVE_TOS]);
	g->port = ntohs(nlhl__get_u16(tb[IFLA_GENEVE_PORT]));
	g->udp_csum = nlhl__get_opt(tb[IFLA_GENEVE_UDP_CSUM]);
	g->udp6_zero_csum_tx = nlhl__get_opt(tb[IFLA_GENEVE_UDP_ZERO_CSUM6_TX]);
	g->udp6_zero_csum_rx = nlhl__get_opt(tb[IFLA_GENEVE_UDP_ZERO_CSUM6_RX]);
	g->flow_based = tb[IFLA_GENEVE_COLLECT_METADATA] ? NLHL_ON : NLHL_OFF;
	g->flow_label = ntohl(nlhl__get_u32(tb[IFLA_GENEVE_LABEL]));
	return 0;
}

const struct nlhl__link_kind nlhl__kind_geneve = {
	.type = NLHL_LINK_GENEVE,
	.kind = "geneve",
	.check = geneve_check,
	.put = geneve_put,
	.parse = geneve_parse,
};
