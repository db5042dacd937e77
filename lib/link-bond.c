/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Bonds (IFLA_BOND_*) and bond slave state (IFLA_BOND_SLAVE_*).  Enums are
 * shifted by one in the public API so that zero stays "unset"; slaves are
 * added with nlhl_link_set_master() (the slave must be down).
 */
#include "internal-link.h"

static int bond_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_bond *b = &link->bond;

	if (b->mode > NLHL_BOND_MODE_BALANCE_ALB || (int)b->mode < 0)
		return nlhl__fail(-EINVAL, "%s %s: unknown bond mode %d", op, link->attrs.name,
				  (int)b->mode);
	if (b->xmit_hash_policy > NLHL_BOND_XMIT_VLAN_SRCMAC || (int)b->xmit_hash_policy < 0)
		return nlhl__fail(-EINVAL, "%s %s: unknown xmit hash policy %d", op,
				  link->attrs.name, (int)b->xmit_hash_policy);
	if (b->lacp_rate > NLHL_BOND_LACP_RATE_FAST || (int)b->lacp_rate < 0)
		return nlhl__fail(-EINVAL, "%s %s: unknown lacp rate %d", op, link->attrs.name,
				  (int)b->lacp_rate);
	if (b->miimon < NLHL_ZERO || b->updelay < NLHL_ZERO || b->downdelay < NLHL_ZERO ||
	    b->min_links < NLHL_ZERO || b->arp_interval < NLHL_ZERO ||
	    b->num_peer_notif < NLHL_ZERO || b->resend_igmp < NLHL_ZERO ||
	    b->num_peer_notif > 255)
		return nlhl__fail(-EINVAL, "%s %s: bond option out of range", op, link->attrs.name);
	return 0;
}

static int bond_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_bond *b = &link->bond;
	int r = 0;

	if (b->mode)
		r |= nla_put_u8(msg, IFLA_BOND_MODE, (uint8_t)(b->mode - 1));
	r |= nlhl__put_zint(msg, IFLA_BOND_MIIMON, b->miimon);
	r |= nlhl__put_zint(msg, IFLA_BOND_UPDELAY, b->updelay);
	r |= nlhl__put_zint(msg, IFLA_BOND_DOWNDELAY, b->downdelay);
	if (b->xmit_hash_policy)
		r |= nla_put_u8(msg, IFLA_BOND_XMIT_HASH_POLICY, (uint8_t)(b->xmit_hash_policy - 1));
	if (b->lacp_rate)
		r |= nla_put_u8(msg, IFLA_BOND_AD_LACP_RATE, (uint8_t)(b->lacp_rate - 1));
	r |= nlhl__put_zint(msg, IFLA_BOND_MIN_LINKS, b->min_links);
	r |= nlhl__put_zint(msg, IFLA_BOND_ARP_INTERVAL, b->arp_interval);
	r |= nlhl__put_opt(msg, IFLA_BOND_USE_CARRIER, b->use_carrier);
	r |= nlhl__put_opt(msg, IFLA_BOND_ALL_SLAVES_ACTIVE, b->all_slaves_active);
	r |= nlhl__put_opt(msg, IFLA_BOND_TLB_DYNAMIC_LB, b->tlb_dynamic_lb);
	if (b->num_peer_notif)
		r |= nla_put_u8(msg, IFLA_BOND_NUM_PEER_NOTIF,
				b->num_peer_notif == NLHL_ZERO ? 0 : (uint8_t)b->num_peer_notif);
	r |= nlhl__put_zint(msg, IFLA_BOND_RESEND_IGMP, b->resend_igmp);
	if (b->primary_index)
		r |= nla_put_u32(msg, IFLA_BOND_PRIMARY, (uint32_t)b->primary_index);
	if (b->active_slave_index)
		r |= nla_put_u32(msg, IFLA_BOND_ACTIVE_SLAVE, (uint32_t)b->active_slave_index);
	return r ? -EMSGSIZE : 0;
}

static int bond_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_BOND_MAX + 1];
	struct nlhl_bond *b = &link->bond;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_BOND_MAX, data) < 0)
		return -EBADMSG;
	if (tb[IFLA_BOND_MODE])
		b->mode = (enum nlhl_bond_mode)(nlhl__get_u8(tb[IFLA_BOND_MODE]) + 1);
	b->miimon = (int32_t)nlhl__get_u32(tb[IFLA_BOND_MIIMON]);
	b->updelay = (int32_t)nlhl__get_u32(tb[IFLA_BOND_UPDELAY]);
	b->downdelay = (int32_t)nlhl__get_u32(tb[IFLA_BOND_DOWNDELAY]);
	if (tb[IFLA_BOND_XMIT_HASH_POLICY])
		b->xmit_hash_policy = (enum nlhl_bond_xmit_hash_policy)
			(nlhl__get_u8(tb[IFLA_BOND_XMIT_HASH_POLICY]) + 1);
	if (tb[IFLA_BOND_AD_LACP_RATE])
		b->lacp_rate = (enum nlhl_bond_lacp_rate)(nlhl__get_u8(tb[IFLA_BOND_AD_LACP_RATE]) + 1);
	b->min_links = (int32_t)nlhl__get_u32(tb[IFLA_BOND_MIN_LINKS]);
	b->arp_interval = (int32_t)nlhl__get_u32(tb[IFLA_BOND_ARP_INTERVAL]);
	b->use_carrier = nlhl__get_opt(tb[IFLA_BOND_USE_CARRIER]);
	b->all_slaves_active = nlhl__get_opt(tb[IFLA_BOND_ALL_SLAVES_ACTIVE]);
	b->tlb_dynamic_lb = nlhl__get_opt(tb[IFLA_BOND_TLB_DYNAMIC_LB]);
	b->ad_select = nlhl__get_u8(tb[IFLA_BOND_AD_SELECT]);
	b->num_peer_notif = nlhl__get_u8(tb[IFLA_BOND_NUM_PEER_NOTIF]);
	b->resend_igmp = (int32_t)nlhl__get_u32(tb[IFLA_BOND_RESEND_IGMP]);
	b->primary_index = (int)nlhl__get_u32(tb[IFLA_BOND_PRIMARY]);
	b->active_slave_index = (int)nlhl__get_u32(tb[IFLA_BOND_ACTIVE_SLAVE]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_bond = {
	.type = NLHL_LINK_BOND,
	.kind = "bond",
	.check = bond_check,
	.put = bond_put,
	.parse = bond_parse,
};

void nlhl__bond_slave_parse(const struct nlattr *data, struct nlhl_bond_slave *s)
{
	struct nlattr *tb[IFLA_BOND_SLAVE_MAX + 1];

	memset(s, 0, sizeof(*s));
	if (nlhl__parse_nested(tb, IFLA_BOND_SLAVE_MAX, data) < 0)
		return;
	s->state = nlhl__get_u8(tb[IFLA_BOND_SLAVE_STATE]);
	s->mii_status = nlhl__get_u8(tb[IFLA_BOND_SLAVE_MII_STATUS]);
	s->link_failure_count = nlhl__get_u32(tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT]);
	nlhl__get_hwaddr(tb[IFLA_BOND_SLAVE_PERM_HWADDR], &s->perm_hw_addr);
	s->queue_id = nlhl__get_u16(tb[IFLA_BOND_SLAVE_QUEUE_ID]);
	s->aggregator_id = nlhl__get_u16(tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID]);
}
