/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Bridges: bridge options (IFLA_BR_*), bridge port options (IFLA_BRPORT_*,
 * read from IFLA_INFO_SLAVE_DATA, written as AF_BRIDGE IFLA_PROTINFO the way
 * `bridge link set` does) and port VLANs (AF_BRIDGE IFLA_AF_SPEC).  Built by
 * hand: libnl's bridge setters assert on links of family UNSPEC (rule 5).
 */
#include <stdlib.h>
#include <arpa/inet.h>
#include <linux/if_bridge.h>

#include "internal-link.h"

static int bridge_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_bridge *b = &link->bridge;

	if ((b->forward_delay < 0 && b->forward_delay != NLHL_ZERO) ||
	    (b->ageing_time < 0 && b->ageing_time != NLHL_ZERO) ||
	    b->hello_time < 0 || b->max_age < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative bridge timer", op, link->attrs.name);
	if (b->vlan_protocol && b->vlan_protocol != NLHL_VLAN_PROTOCOL_8021Q &&
	    b->vlan_protocol != NLHL_VLAN_PROTOCOL_8021AD)
		return nlhl__fail(-EINVAL, "%s %s: vlan protocol 0x%x is neither 802.1Q nor 802.1ad",
				  op, link->attrs.name, b->vlan_protocol);
	if ((b->vlan_default_pvid < 0 && b->vlan_default_pvid != NLHL_ZERO) ||
	    b->vlan_default_pvid >= 4095)
		return nlhl__fail(-EINVAL, "%s %s: default pvid %d out of range", op,
				  link->attrs.name, b->vlan_default_pvid);
	if ((b->priority < 0 && b->priority != NLHL_ZERO) || b->priority > 65535)
		return nlhl__fail(-EINVAL, "%s %s: bridge priority %d out of range", op,
				  link->attrs.name, b->priority);
	return 0;
}

static int bridge_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_bridge *b = &link->bridge;
	int r = 0;

	if (b->stp)
		r |= nla_put_u32(msg, IFLA_BR_STP_STATE, b->stp > 0);
	r |= nlhl__put_opt(msg, IFLA_BR_VLAN_FILTERING, b->vlan_filtering);
	r |= nlhl__put_opt(msg, IFLA_BR_MCAST_SNOOPING, b->mcast_snooping);
	r |= nlhl__put_opt(msg, IFLA_BR_MCAST_QUERIER, b->mcast_querier);
	r |= nlhl__put_zint(msg, IFLA_BR_FORWARD_DELAY, b->forward_delay);
	r |= nlhl__put_zint(msg, IFLA_BR_HELLO_TIME, b->hello_time);
	r |= nlhl__put_zint(msg, IFLA_BR_MAX_AGE, b->max_age);
	r |= nlhl__put_zint(msg, IFLA_BR_AGEING_TIME, b->ageing_time);
	if (b->priority)
		r |= nla_put_u16(msg, IFLA_BR_PRIORITY,
				 b->priority == NLHL_ZERO ? 0 : (uint16_t)b->priority);
	/* The only IFLA_BR_ attribute in network byte order. */
	if (b->vlan_protocol)
		r |= nla_put_u16(msg, IFLA_BR_VLAN_PROTOCOL, htons(b->vlan_protocol));
	if (b->vlan_default_pvid)
		r |= nla_put_u16(msg, IFLA_BR_VLAN_DEFAULT_PVID,
				 b->vlan_default_pvid == NLHL_ZERO ? 0 : (uint16_t)b->vlan_default_pvid);
	if (b->group_fwd_mask)
		r |= nla_put_u16(msg, IFLA_BR_GROUP_FWD_MASK, (uint16_t)b->group_fwd_mask);
	return r ? -EMSGSIZE : 0;
}

static int bridge_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_BR_MAX + 1];
	struct nlhl_bridge *b = &link->bridge;

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_BR_MAX, data) < 0)
		return -EBADMSG;
	if (tb[IFLA_BR_STP_STATE])
		b->stp = nlhl__get_u32(tb[IFLA_BR_STP_STATE]) ? NLHL_ON : NLHL_OFF;
	b->vlan_filtering = nlhl__get_opt(tb[IFLA_BR_VLAN_FILTERING]);
	b->mcast_snooping = nlhl__get_opt(tb[IFLA_BR_MCAST_SNOOPING]);
	b->mcast_querier = nlhl__get_opt(tb[IFLA_BR_MCAST_QUERIER]);
	b->forward_delay = (int32_t)nlhl__get_u32(tb[IFLA_BR_FORWARD_DELAY]);
	b->hello_time = (int32_t)nlhl__get_u32(tb[IFLA_BR_HELLO_TIME]);
	b->max_age = (int32_t)nlhl__get_u32(tb[IFLA_BR_MAX_AGE]);
	b->ageing_time = (int32_t)nlhl__get_u32(tb[IFLA_BR_AGEING_TIME]);
	b->priority = nlhl__get_u16(tb[IFLA_BR_PRIORITY]);
	b->vlan_protocol = ntohs(nlhl__get_u16(tb[IFLA_BR_VLAN_PROTOCOL]));
	b->vlan_default_pvid = nlhl__get_u16(tb[IFLA_BR_VLAN_DEFAULT_PVID]);
	b->group_fwd_mask = nlhl__get_u16(tb[IFLA_BR_GROUP_FWD_MASK]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_bridge = {
	.type = NLHL_LINK_BRIDGE,
	.kind = "bridge",
	.check = bridge_check,
	.put = bridge_put,
	.parse = bridge_parse,
};

/* ------------------------------------------------------------ bridge ports */

void nlhl__brport_parse(const struct nlattr *data, struct nlhl_bridge_port *p)
{
	struct nlattr *tb[IFLA_BRPORT_MAX + 1];

	memset(p, 0, sizeof(*p));
	if (nlhl__parse_nested(tb, IFLA_BRPORT_MAX, data) < 0)
		return;
	p->hairpin = nlhl__get_opt(tb[IFLA_BRPORT_MODE]);
	p->guard = nlhl__get_opt(tb[IFLA_BRPORT_GUARD]);
	p->fast_leave = nlhl__get_opt(tb[IFLA_BRPORT_FAST_LEAVE]);
	p->learning = nlhl__get_opt(tb[IFLA_BRPORT_LEARNING]);
	p->flood = nlhl__get_opt(tb[IFLA_BRPORT_UNICAST_FLOOD]);
	p->root_block = nlhl__get_opt(tb[IFLA_BRPORT_PROTECT]);
	p->proxy_arp = nlhl__get_opt(tb[IFLA_BRPORT_PROXYARP]);
	p->isolated = nlhl__get_opt(tb[IFLA_BRPORT_ISOLATED]);
	p->neigh_suppress = nlhl__get_opt(tb[IFLA_BRPORT_NEIGH_SUPPRESS]);
	p->mcast_flood = nlhl__get_opt(tb[IFLA_BRPORT_MCAST_FLOOD]);
	p->bcast_flood = nlhl__get_opt(tb[IFLA_BRPORT_BCAST_FLOOD]);
	p->cost = nlhl__get_u32(tb[IFLA_BRPORT_COST]);
	p->priority = nlhl__get_u16(tb[IFLA_BRPORT_PRIORITY]);
	p->state = nlhl__get_u8(tb[IFLA_BRPORT_STATE]);
}

int nlhl__brport_put(struct nl_msg *msg, const struct nlhl_bridge_port *p)
{
	int r = 0;

	r |= nlhl__put_opt(msg, IFLA_BRPORT_MODE, p->hairpin);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_GUARD, p->guard);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_FAST_LEAVE, p->fast_leave);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_LEARNING, p->learning);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_UNICAST_FLOOD, p->flood);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_PROTECT, p->root_block);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_PROXYARP, p->proxy_arp);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_ISOLATED, p->isolated);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_NEIGH_SUPPRESS, p->neigh_suppress);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_MCAST_FLOOD, p->mcast_flood);
	r |= nlhl__put_opt(msg, IFLA_BRPORT_BCAST_FLOOD, p->bcast_flood);
	if (p->cost)
		r |= nla_put_u32(msg, IFLA_BRPORT_COST, p->cost);
	if (p->priority)
		r |= nla_put_u16(msg, IFLA_BRPORT_PRIORITY,
				 p->priority == NLHL_ZERO ? 0 : (uint16_t)p->priority);
	return r ? -EMSGSIZE : 0;
}

/* An AF_BRIDGE request for the port link (by index: the bridge's handlers
 * do not look links up by name). */
static int brport_msg(nlhl_handle *h, int type, const struct nlhl_link *link, const char *op,
		      uint16_t flags, struct nl_msg **ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct nl_msg *msg;
	int r;

	if ((r = nlhl__link_index(h, link, op, &ifi.ifi_index)) < 0)
		return r;
	if (!(msg = nlmsg_alloc_simple(type, flags)))
		return nlhl__fail(-ENOMEM, "%s", op);
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	*ret = msg;
	return 0;
}

NLHL_API int nlhl_link_set_brport(nlhl_handle *h, const struct nlhl_link *link,
				  const struct nlhl_bridge_port *port)
{
	const char *op = "link set brport";
	struct nlattr *nest;
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(link, op);
	NLHL_CHECK_PTR(port, op);
	if (port->priority < 0 && port->priority != NLHL_ZERO)
		return nlhl__fail(-EINVAL, "%s: negative port priority", op);
	if ((r = brport_msg(h, RTM_SETLINK, link, op, 0, &msg)) < 0)
		return r;
	if (!(nest = nla_nest_start(msg, IFLA_PROTINFO | NLA_F_NESTED)) ||
	    nlhl__brport_put(msg, port) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	nla_nest_end(msg, nest);
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_get_protinfo(nlhl_handle *h, const struct nlhl_link *link,
				    struct nlhl_bridge_port *ret)
{
	struct nlhl_link got;
	int r, index;

	NLHL_CHECK_PTR(ret, "link get protinfo");
	if ((r = nlhl__link_index(h, link, "link get protinfo", &index)) < 0)
		return r;
	if ((r = nlhl_link_by_index(h, index, &got)) < 0)
		return r;
	if (strcmp(got.attrs.slave_kind, "bridge"))
		return nlhl__fail(-EINVAL, "link get protinfo %s: not a bridge port", got.attrs.name);
	*ret = got.attrs.slave.brport;
	return 0;
}

#define BRPORT_SETTER(fn, field)                                                      \
	NLHL_API int fn(nlhl_handle *h, const struct nlhl_link *link, bool on)        \
	{                                                                             \
		struct nlhl_bridge_port p = { .field = on ? NLHL_ON : NLHL_OFF };     \
		return nlhl_link_set_brport(h, link, &p);                            \
	}
BRPORT_SETTER(nlhl_link_set_hairpin, hairpin)
BRPORT_SETTER(nlhl_link_set_guard, guard)
BRPORT_SETTER(nlhl_link_set_fast_leave, fast_leave)
BRPORT_SETTER(nlhl_link_set_learning, learning)
BRPORT_SETTER(nlhl_link_set_root_block, root_block)
BRPORT_SETTER(nlhl_link_set_flood, flood)
BRPORT_SETTER(nlhl_link_set_br_proxy_arp, proxy_arp)
BRPORT_SETTER(nlhl_link_set_isolated, isolated)

NLHL_API int nlhl_link_set_brport_cost(nlhl_handle *h, const struct nlhl_link *link, uint32_t cost)
{
	struct nlhl_bridge_port p = { .cost = cost };

	if (!cost)
		return nlhl__fail(-EINVAL, "link set brport cost: cost 0 is not valid");
	return nlhl_link_set_brport(h, link, &p);
}

NLHL_API int nlhl_link_set_brport_priority(nlhl_handle *h, const struct nlhl_link *link,
					   uint16_t prio)
{
	struct nlhl_bridge_port p = { .priority = prio ? prio : NLHL_ZERO };

	return nlhl_link_set_brport(h, link, &p);
}

/* ---------------------------------------------------------- bridge VLANs */

static int vlan_change(nlhl_handle *h, int type, const struct nlhl_link *link, uint16_t vid,
		       bool pvid, bool untagged, bool self, bool master, const char *op)
{
	struct bridge_vlan_info vi = { .vid = vid };
	uint16_t bflags = 0;
	struct nlattr *spec;
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(link, op);
	if (vid < 1 || vid > 4094)
		return nlhl__fail(-EINVAL, "%s: vid %u is not in 1..4094", op, vid);
	if ((r = brport_msg(h, type, link, op, 0, &msg)) < 0)
		return r;
	if (pvid)
		vi.flags |= BRIDGE_VLAN_INFO_PVID;
	if (untagged)
		vi.flags |= BRIDGE_VLAN_INFO_UNTAGGED;
	if (self)
		bflags |= BRIDGE_FLAGS_SELF;
	if (master)
		bflags |= BRIDGE_FLAGS_MASTER;
	if (!(spec = nla_nest_start(msg, IFLA_AF_SPEC)) ||
	    (bflags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS, bflags) < 0) ||
	    nla_put(msg, IFLA_BRIDGE_VLAN_INFO, sizeof(vi), &vi) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	nla_nest_end(msg, spec);
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_bridge_vlan_add(nlhl_handle *h, const struct nlhl_link *link, uint16_t vid,
				  bool pvid, bool untagged, bool self, bool master)
{
	return vlan_change(h, RTM_SETLINK, link, vid, pvid, untagged, self, master,
			   "bridge vlan add");
}

NLHL_API int nlhl_bridge_vlan_del(nlhl_handle *h, const struct nlhl_link *link, uint16_t vid,
				  bool pvid, bool untagged, bool self, bool master)
{
	return vlan_change(h, RTM_DELLINK, link, vid, pvid, untagged, self, master,
			   "bridge vlan del");
}

struct vlans {
	struct nlhl_bridge_vlan *list;
	size_t n, cap;
};

static int vlan_push(struct vlans *v, int index, uint16_t vid, uint16_t flags)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		struct nlhl_bridge_vlan *l = realloc(v->list, cap * sizeof(*l));

		if (!l)
			return -ENOMEM;
		v->list = l;
		v->cap = cap;
	}
	v->list[v->n++] = (struct nlhl_bridge_vlan){
		.link_index = index, .vid = vid,
		.pvid = !!(flags & BRIDGE_VLAN_INFO_PVID),
		.untagged = !!(flags & BRIDGE_VLAN_INFO_UNTAGGED),
	};
	return 0;
}

static int vlan_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[IFLA_MAX + 1], *a;
	const struct ifinfomsg *ifi;
	uint16_t range_start = 0;
	int rem, r;

	if (nlh->nlmsg_type != RTM_NEWLINK || !nlmsg_valid_hdr(nlh, sizeof(*ifi)) ||
	    nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[IFLA_AF_SPEC])
		return 0;
	ifi = nlmsg_data(nlh);
	nla_for_each_nested(a, tb[IFLA_AF_SPEC], rem) {
		struct bridge_vlan_info vi;

		if (nla_type(a) != IFLA_BRIDGE_VLAN_INFO || nla_len(a) < (int)sizeof(vi))
			continue;
		memcpy(&vi, nla_data(a), sizeof(vi));
		/* Ranges come as a BEGIN and an END entry (compressed dumps). */
		if (vi.flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
			range_start = vi.vid;
			continue;
		}
		if ((vi.flags & BRIDGE_VLAN_INFO_RANGE_END) && range_start) {
			for (uint16_t v = range_start; v <= vi.vid && v < 4095; v++)
				if ((r = vlan_push(arg, ifi->ifi_index, v, vi.flags)) < 0)
					return r;
			range_start = 0;
			continue;
		}
		if ((r = vlan_push(arg, ifi->ifi_index, vi.vid, vi.flags)) < 0)
			return r;
	}
	return 0;
}

static int vlan_restart(void *arg)
{
	((struct vlans *)arg)->n = 0;
	return 0;
}

NLHL_API int nlhl_bridge_vlan_list(nlhl_handle *h, struct nlhl_bridge_vlan **ret, size_t *ret_n)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct vlans v = { 0 };
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(ret, "bridge vlan list");
	NLHL_CHECK_PTR(ret_n, "bridge vlan list");
	if (!(msg = nlmsg_alloc_simple(RTM_GETLINK, 0)))
		return nlhl__fail(-ENOMEM, "bridge vlan list");
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, IFLA_EXT_MASK, RTEXT_FILTER_BRVLAN) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "bridge vlan list");
	}
	r = nlhl__dump(h, msg, vlan_cb, vlan_restart, &v);
	nlmsg_free(msg);
	if (r < 0) {
		free(v.list);
		return nlhl__fail_req(r, "bridge vlan list");
	}
	if (!v.n) {
		free(v.list);
		v.list = NULL;
	}
	*ret = v.list;
	*ret_n = v.n;
	return 0;
}
