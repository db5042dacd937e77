/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * flower: flow-dissector matches.  Byte order per attribute (docs/design.md trap 9): eth
 * types and L4 ports are big endian, VLAN id is host order, addresses are
 * network order with a mask attribute (as iproute2 f_flower.c sends them).
 */
#include <arpa/inet.h>
#include <string.h>
#include <netinet/in.h>
#include <linux/if_ether.h>

#include "internal-tc.h"

static bool is_vlan(uint16_t eth)
{
	return eth == ETH_P_8021Q || eth == ETH_P_8021AD;
}

static int put_addr(struct nl_msg *msg, const struct nlhl_ipnet *n, int t4, int m4, int t6, int m6)
{
	uint8_t mask[16] = { 0 };
	int len = n->family == AF_INET ? 4 : 16;

	for (int i = 0; i < n->prefixlen; i++)
		mask[i / 8] |= (uint8_t)(0x80 >> (i % 8));
	if (nla_put(msg, n->family == AF_INET ? t4 : t6, len, n->addr) < 0 ||
	    nla_put(msg, n->family == AF_INET ? m4 : m6, len, mask) < 0)
		return -EMSGSIZE;
	return 0;
}

static int port_types(uint8_t proto, int *src, int *dst)
{
	switch (proto) {
	case IPPROTO_TCP:
		*src = TCA_FLOWER_KEY_TCP_SRC;
		*dst = TCA_FLOWER_KEY_TCP_DST;
		return 0;
	case IPPROTO_UDP:
		*src = TCA_FLOWER_KEY_UDP_SRC;
		*dst = TCA_FLOWER_KEY_UDP_DST;
		return 0;
	case IPPROTO_SCTP:
		*src = TCA_FLOWER_KEY_SCTP_SRC;
		*dst = TCA_FLOWER_KEY_SCTP_DST;
		return 0;
	}
	return -EINVAL;
}

static int flower_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	const struct nlhl_flower *fl = &f->flower;
	uint16_t eth = fl->eth_type ? fl->eth_type : f->attrs.protocol;
	uint16_t l3 = is_vlan(eth) ? fl->vlan_eth_type : eth;
	uint32_t flags = (fl->skip_hw ? TCA_CLS_FLAGS_SKIP_HW : 0) |
			 (fl->skip_sw ? TCA_CLS_FLAGS_SKIP_SW : 0);
	struct nlattr *nest;
	int sport_t = 0, dport_t = 0, r;

	if (eth == ETH_P_ALL)
		eth = 0;
	if ((fl->src.family || fl->dst.family || fl->ip_proto) && l3 != ETH_P_IP && l3 != ETH_P_IPV6)
		return nlhl__fail(-EINVAL, "%s: flower IP matches need eth_type (or protocol) ip or ipv6", op);
	if ((fl->src.family && fl->src.family != (l3 == ETH_P_IP ? AF_INET : AF_INET6)) ||
	    (fl->dst.family && fl->dst.family != (l3 == ETH_P_IP ? AF_INET : AF_INET6)))
		return nlhl__fail(-EINVAL, "%s: flower address family does not match eth_type", op);
	if ((fl->sport || fl->dport) && port_types(fl->ip_proto, &sport_t, &dport_t) < 0)
		return nlhl__fail(-EINVAL, "%s: flower ports need ip_proto tcp, udp or sctp", op);
	if ((fl->vlan_id || fl->has_vlan_prio || fl->vlan_eth_type) && !is_vlan(eth))
		return nlhl__fail(-EINVAL, "%s: flower VLAN matches need protocol 802.1Q or 802.1ad", op);
	if (fl->vlan_id >= 4095)
		return nlhl__fail(-EINVAL, "%s: flower vlan_id %u out of range", op, fl->vlan_id);
	if (fl->has_vlan_prio && fl->vlan_prio > 7)
		return nlhl__fail(-EINVAL, "%s: flower vlan_prio %u out of range 0..7", op, fl->vlan_prio);

	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest ||
	    (fl->classid && nla_put_u32(msg, TCA_FLOWER_CLASSID, fl->classid) < 0) ||
	    (flags && nla_put_u32(msg, TCA_FLOWER_FLAGS, flags) < 0) ||
	    (eth && nla_put_u16(msg, TCA_FLOWER_KEY_ETH_TYPE, htons(eth)) < 0) ||
	    (fl->vlan_id && nla_put_u16(msg, TCA_FLOWER_KEY_VLAN_ID, fl->vlan_id) < 0) ||
	    (fl->has_vlan_prio && nla_put_u8(msg, TCA_FLOWER_KEY_VLAN_PRIO, fl->vlan_prio) < 0) ||
	    (fl->vlan_eth_type && nla_put_u16(msg, TCA_FLOWER_KEY_VLAN_ETH_TYPE, htons(fl->vlan_eth_type)) < 0) ||
	    (fl->ip_proto && nla_put_u8(msg, TCA_FLOWER_KEY_IP_PROTO, fl->ip_proto) < 0) ||
	    (fl->src.family && put_addr(msg, &fl->src, TCA_FLOWER_KEY_IPV4_SRC, TCA_FLOWER_KEY_IPV4_SRC_MASK,
					TCA_FLOWER_KEY_IPV6_SRC, TCA_FLOWER_KEY_IPV6_SRC_MASK) < 0) ||
	    (fl->dst.family && put_addr(msg, &fl->dst, TCA_FLOWER_KEY_IPV4_DST, TCA_FLOWER_KEY_IPV4_DST_MASK,
					TCA_FLOWER_KEY_IPV6_DST, TCA_FLOWER_KEY_IPV6_DST_MASK) < 0) ||
	    (fl->sport && nla_put_u16(msg, sport_t, htons(fl->sport)) < 0) ||
	    (fl->dport && nla_put_u16(msg, dport_t, htons(fl->dport)) < 0))
		return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
	r = nlhl__actions_put(msg, TCA_FLOWER_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
}

static uint16_t be16_attr(struct nlattr *a)
{
	return a && nla_len(a) >= 2 ? ntohs(nlhl__get_u16(a)) : 0;
}

static void get_addr(struct nlattr *a, struct nlattr *m, int family, struct nlhl_ipnet *n)
{
	int len = family == AF_INET ? 4 : 16, plen = 0;

	if (!a || nla_len(a) < len)
		return;
	n->family = family;
	memcpy(n->addr, nla_data(a), (size_t)len);
	if (m && nla_len(m) >= len) {
		const uint8_t *mask = nla_data(m);

		for (int i = 0; i < len * 8 && (mask[i / 8] & (0x80 >> (i % 8))); i++)
			plen++;
	} else {
		plen = len * 8;
	}
	n->prefixlen = (uint8_t)plen;
}

static int flower_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_FLOWER_MAX + 1];
	struct nlhl_flower *fl = &f->flower;
	int s = 0, d = 0;
	uint32_t flags = 0;

	if (nlhl__parse_nested(tb, TCA_FLOWER_MAX, opts) < 0)
		return -EBADMSG;
	if (tb[TCA_FLOWER_CLASSID] && nla_len(tb[TCA_FLOWER_CLASSID]) >= 4)
		fl->classid = nlhl__get_u32(tb[TCA_FLOWER_CLASSID]);
	if (tb[TCA_FLOWER_FLAGS] && nla_len(tb[TCA_FLOWER_FLAGS]) >= 4)
		flags = nlhl__get_u32(tb[TCA_FLOWER_FLAGS]);
	fl->skip_hw = flags & TCA_CLS_FLAGS_SKIP_HW;
	fl->skip_sw = flags & TCA_CLS_FLAGS_SKIP_SW;
	fl->eth_type = be16_attr(tb[TCA_FLOWER_KEY_ETH_TYPE]);
	fl->vlan_eth_type = be16_attr(tb[TCA_FLOWER_KEY_VLAN_ETH_TYPE]);
	if (tb[TCA_FLOWER_KEY_VLAN_ID] && nla_len(tb[TCA_FLOWER_KEY_VLAN_ID]) >= 2)
		fl->vlan_id = nlhl__get_u16(tb[TCA_FLOWER_KEY_VLAN_ID]);
	if (tb[TCA_FLOWER_KEY_VLAN_PRIO] && nla_len(tb[TCA_FLOWER_KEY_VLAN_PRIO]) >= 1) {
		fl->has_vlan_prio = true;
		fl->vlan_prio = nlhl__get_u8(tb[TCA_FLOWER_KEY_VLAN_PRIO]);
	}
	if (tb[TCA_FLOWER_KEY_IP_PROTO] && nla_len(tb[TCA_FLOWER_KEY_IP_PROTO]) >= 1)
		fl->ip_proto = nlhl__get_u8(tb[TCA_FLOWER_KEY_IP_PROTO]);
	get_addr(tb[TCA_FLOWER_KEY_IPV4_SRC], tb[TCA_FLOWER_KEY_IPV4_SRC_MASK], AF_INET, &fl->src);
	get_addr(tb[TCA_FLOWER_KEY_IPV4_DST], tb[TCA_FLOWER_KEY_IPV4_DST_MASK], AF_INET, &fl->dst);
	if (!fl->src.family)
		get_addr(tb[TCA_FLOWER_KEY_IPV6_SRC], tb[TCA_FLOWER_KEY_IPV6_SRC_MASK], AF_INET6, &fl->src);
	if (!fl->dst.family)
		get_addr(tb[TCA_FLOWER_KEY_IPV6_DST], tb[TCA_FLOWER_KEY_IPV6_DST_MASK], AF_INET6, &fl->dst);
	if (port_types(fl->ip_proto, &s, &d) == 0) {
		fl->sport = be16_attr(tb[s]);
		fl->dport = be16_attr(tb[d]);
	}
	return nlhl__actions_parse(tb[TCA_FLOWER_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
}

const struct nlhl__filter_ops nlhl__flower_ops = { NLHL_FILTER_FLOWER, "flower", flower_put, flower_parse };
