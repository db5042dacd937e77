/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Links stacked on a lower device (attrs.parent_index, IFLA_LINK): vlan,
 * macvlan, macvtap, ipvlan, ipvtap.
 */
#include <arpa/inet.h>
#include <linux/if_vlan.h>

#include "internal-link.h"

static int need_parent(const struct nlhl_link *link, const char *op, bool create)
{
	if (create && !link->attrs.parent_index)
		return nlhl__fail(-EINVAL, "%s %s: a %s needs a lower device (attrs.parent_index)",
				  op, link->attrs.name, nlhl_link_type_kind(link->type));
	return 0;
}

/* ------------------------------------------------------------------ vlan */

static int vlan_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_vlan *v = &link->vlan;

	if (create && !v->id)
		return nlhl__fail(-EINVAL, "%s %s: vlan needs an id (NLHL_ZERO for 0)", op,
				  link->attrs.name);
	if ((v->id < 0 && v->id != NLHL_ZERO) || v->id > 4094)
		return nlhl__fail(-EINVAL, "%s %s: vlan id %d is not in 0..4094", op,
				  link->attrs.name, v->id);
	if (v->protocol && v->protocol != NLHL_VLAN_PROTOCOL_8021Q &&
	    v->protocol != NLHL_VLAN_PROTOCOL_8021AD)
		return nlhl__fail(-EINVAL, "%s %s: vlan protocol 0x%x is neither 802.1Q nor 802.1ad",
				  op, link->attrs.name, v->protocol);
	return need_parent(link, op, create);
}

static void vlan_flag(struct ifla_vlan_flags *f, nlhl_opt v, uint32_t bit)
{
	if (!v)
		return;
	f->mask |= bit;
	if (v > 0)
		f->flags |= bit;
}

static int vlan_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_vlan *v = &link->vlan;
	struct ifla_vlan_flags f = { 0 };
	int r = 0;

	if (v->id)
		r |= nla_put_u16(msg, IFLA_VLAN_ID, v->id == NLHL_ZERO ? 0 : (uint16_t)v->id);
	/* Network byte order on the wire. */
	if (v->protocol)
		r |= nla_put_u16(msg, IFLA_VLAN_PROTOCOL, htons(v->protocol));
	vlan_flag(&f, v->reorder_hdr, VLAN_FLAG_REORDER_HDR);
	vlan_flag(&f, v->gvrp, VLAN_FLAG_GVRP);
	vlan_flag(&f, v->mvrp, VLAN_FLAG_MVRP);
	vlan_flag(&f, v->loose_binding, VLAN_FLAG_LOOSE_BINDING);
	if (f.mask)
		r |= nla_put(msg, IFLA_VLAN_FLAGS, sizeof(f), &f);
	return r ? -EMSGSIZE : 0;
}

static int vlan_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_VLAN_MAX + 1];
	struct nlhl_vlan *v = &link->vlan;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_VLAN_MAX, data) < 0)
		return -EBADMSG;
	v->id = nlhl__get_u16(tb[IFLA_VLAN_ID]);
	v->protocol = ntohs(nlhl__get_u16(tb[IFLA_VLAN_PROTOCOL]));
	if (tb[IFLA_VLAN_FLAGS] && nla_len(tb[IFLA_VLAN_FLAGS]) >= (int)sizeof(struct ifla_vlan_flags)) {
		struct ifla_vlan_flags f;

		memcpy(&f, nla_data(tb[IFLA_VLAN_FLAGS]), sizeof(f));
		v->reorder_hdr = f.flags & VLAN_FLAG_REORDER_HDR ? NLHL_ON : NLHL_OFF;
		v->gvrp = f.flags & VLAN_FLAG_GVRP ? NLHL_ON : NLHL_OFF;
		v->mvrp = f.flags & VLAN_FLAG_MVRP ? NLHL_ON : NLHL_OFF;
		v->loose_binding = f.flags & VLAN_FLAG_LOOSE_BINDING ? NLHL_ON : NLHL_OFF;
	}
	return 0;
}

const struct nlhl__link_kind nlhl__kind_vlan = {
	.type = NLHL_LINK_VLAN,
	.kind = "vlan",
	.check = vlan_check,
	.put = vlan_put,
	.parse = vlan_parse,
};

/* --------------------------------------------------------- macvlan/tap */

static int macvlan_check(const struct nlhl_link *link, const char *op, bool create)
{
	unsigned int m = link->macvlan.mode;

	if (m && m != NLHL_MACVLAN_MODE_PRIVATE && m != NLHL_MACVLAN_MODE_VEPA &&
	    m != NLHL_MACVLAN_MODE_BRIDGE && m != NLHL_MACVLAN_MODE_PASSTHRU &&
	    m != NLHL_MACVLAN_MODE_SOURCE)
		return nlhl__fail(-EINVAL, "%s %s: unknown macvlan mode %u", op, link->attrs.name, m);
	return need_parent(link, op, create);
}

static int macvlan_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_macvlan *m = &link->macvlan;
	int r = 0;

	if (m->mode)
		r |= nla_put_u32(msg, IFLA_MACVLAN_MODE, (uint32_t)m->mode);
	if (m->nopromisc)
		r |= nla_put_u16(msg, IFLA_MACVLAN_FLAGS, m->nopromisc > 0 ? MACVLAN_FLAG_NOPROMISC : 0);
	return r ? -EMSGSIZE : 0;
}

static int macvlan_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_MACVLAN_MAX + 1];
	struct nlhl_macvlan *m = &link->macvlan;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_MACVLAN_MAX, data) < 0)
		return -EBADMSG;
	m->mode = (enum nlhl_macvlan_mode)nlhl__get_u32(tb[IFLA_MACVLAN_MODE]);
	if (tb[IFLA_MACVLAN_FLAGS])
		m->nopromisc = nlhl__get_u16(tb[IFLA_MACVLAN_FLAGS]) & MACVLAN_FLAG_NOPROMISC ?
			       NLHL_ON : NLHL_OFF;
	m->bc_queue_len = nlhl__get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_macvlan = {
	.type = NLHL_LINK_MACVLAN,
	.kind = "macvlan",
	.check = macvlan_check,
	.put = macvlan_put,
	.parse = macvlan_parse,
};

const struct nlhl__link_kind nlhl__kind_macvtap = {
	.type = NLHL_LINK_MACVTAP,
	.kind = "macvtap",
	.check = macvlan_check,
	.put = macvlan_put,
	.parse = macvlan_parse,
};

/* ------------------------------------------------------------ ipvlan/tap */

static int ipvlan_check(const struct nlhl_link *link, const char *op, bool create)
{
	if ((int)link->ipvlan.mode < 0 || link->ipvlan.mode > NLHL_IPVLAN_MODE_L3S)
		return nlhl__fail(-EINVAL, "%s %s: unknown ipvlan mode %d", op, link->attrs.name,
				  (int)link->ipvlan.mode);
	if ((int)link->ipvlan.flag < 0 || link->ipvlan.flag > NLHL_IPVLAN_FLAG_VEPA)
		return nlhl__fail(-EINVAL, "%s %s: unknown ipvlan flag %d", op, link->attrs.name,
				  (int)link->ipvlan.flag);
	return need_parent(link, op, create);
}

/* Kernel flag bits of the shifted public enum. */
static const uint16_t ipvlan_flag_bits[] = {
	[NLHL_IPVLAN_FLAG_BRIDGE] = 0,
	[NLHL_IPVLAN_FLAG_PRIVATE] = IPVLAN_F_PRIVATE,
	[NLHL_IPVLAN_FLAG_VEPA] = IPVLAN_F_VEPA,
};

static int ipvlan_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_ipvlan *v = &link->ipvlan;
	int r = 0;

	if (v->mode)
		r |= nla_put_u16(msg, IFLA_IPVLAN_MODE, (uint16_t)(v->mode - 1));
	if (v->flag)
		r |= nla_put_u16(msg, IFLA_IPVLAN_FLAGS, ipvlan_flag_bits[v->flag]);
	return r ? -EMSGSIZE : 0;
}

static int ipvlan_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_IPVLAN_MAX + 1];
	struct nlhl_ipvlan *v = &link->ipvlan;
	uint16_t f;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_IPVLAN_MAX, data) < 0)
		return -EBADMSG;
	if (tb[IFLA_IPVLAN_MODE])
		v->mode = (enum nlhl_ipvlan_mode)(nlhl__get_u16(tb[IFLA_IPVLAN_MODE]) + 1);
	if (tb[IFLA_IPVLAN_FLAGS]) {
		f = nlhl__get_u16(tb[IFLA_IPVLAN_FLAGS]);
		v->flag = f & IPVLAN_F_PRIVATE ? NLHL_IPVLAN_FLAG_PRIVATE :
			  f & IPVLAN_F_VEPA ? NLHL_IPVLAN_FLAG_VEPA : NLHL_IPVLAN_FLAG_BRIDGE;
	}
	return 0;
}

const struct nlhl__link_kind nlhl__kind_ipvlan = {
	.type = NLHL_LINK_IPVLAN,
	.kind = "ipvlan",
	.check = ipvlan_check,
	.put = ipvlan_put,
	.parse = ipvlan_parse,
};

const struct nlhl__link_kind nlhl__kind_ipvtap = {
	.type = NLHL_LINK_IPVTAP,
	.kind = "ipvtap",
	.check = ipvlan_check,
	.put = ipvlan_put,
	.parse = ipvlan_parse,
};
