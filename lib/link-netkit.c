/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * netkit (kernel >= 6.7): a veth-like pair for BPF; the peer is described
 * the way veth does it (struct ifinfomsg + attributes).  The IFLA_NETKIT_*
 * numbers are spelled here: the build's <linux/if_link.h> may predate them.
 */
#include "internal-link.h"

enum {
	NK_UNSPEC,
	NK_PEER_INFO,
	NK_PRIMARY,
	NK_POLICY,
	NK_PEER_POLICY,
	NK_MODE,
	NK_MAX = NK_MODE
};

static int netkit_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_netkit *n = &link->netkit;
	int r;

	if ((int)n->mode < 0 || n->mode > NLHL_NETKIT_MODE_L3)
		return nlhl__fail(-EINVAL, "%s %s: unknown netkit mode %d", op, link->attrs.name,
				  (int)n->mode);
	if ((n->policy && n->policy != NLHL_NETKIT_POLICY_PASS &&
	     n->policy != NLHL_NETKIT_POLICY_DROP) ||
	    (n->peer_policy && n->peer_policy != NLHL_NETKIT_POLICY_PASS &&
	     n->peer_policy != NLHL_NETKIT_POLICY_DROP))
		return nlhl__fail(-EINVAL, "%s %s: netkit policy is neither pass nor drop", op,
				  link->attrs.name);
	if (n->peer_name[0]) {
		if (strnlen(n->peer_name, NLHL_IFNAMSIZ) >= NLHL_IFNAMSIZ)
			return nlhl__fail(-EINVAL, "%s %s: peer name is not NUL-terminated", op,
					  link->attrs.name);
		if ((r = nlhl__check_ifname(n->peer_name, op)) < 0)
			return r;
	}
	return 0;
}

static int netkit_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_netkit *n = &link->netkit;
	int r = 0;

	if (!create)
		return 0;  /* netkit has no changelink */
	if (n->peer_name[0]) {
		struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
		struct nlattr *peer = nla_nest_start(msg, NK_PEER_INFO);

		if (!peer || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
		    nla_put_string(msg, IFLA_IFNAME, n->peer_name) < 0)
			return -EMSGSIZE;
		nla_nest_end(msg, peer);
	}
	if (n->mode)
		r |= nla_put_u32(msg, NK_MODE, (uint32_t)(n->mode - 1));
	if (n->policy)
		r |= nla_put_u32(msg, NK_POLICY, (uint32_t)(n->policy - 1));
	if (n->peer_policy)
		r |= nla_put_u32(msg, NK_PEER_POLICY, (uint32_t)(n->peer_policy - 1));
	return r ? -EMSGSIZE : 0;
}

static int netkit_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[NK_MAX + 1];
	struct nlhl_netkit *n = &link->netkit;

	n->peer_index = link->attrs.parent_index;
	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, NK_MAX, data) < 0)
		return -EBADMSG;
	n->primary = nlhl__get_u8(tb[NK_PRIMARY]) != 0;
	if (tb[NK_MODE])
		n->mode = (enum nlhl_netkit_mode)(nlhl__get_u32(tb[NK_MODE]) + 1);
	if (tb[NK_POLICY])
		n->policy = (enum nlhl_netkit_policy)(nlhl__get_u32(tb[NK_POLICY]) + 1);
	if (tb[NK_PEER_POLICY])
		n->peer_policy = (enum nlhl_netkit_policy)(nlhl__get_u32(tb[NK_PEER_POLICY]) + 1);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_netkit = {
	.type = NLHL_LINK_NETKIT,
	.kind = "netkit",
	.check = netkit_check,
	.put = netkit_put,
	.parse = netkit_parse,
};
