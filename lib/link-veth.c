/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * veth: the peer is described inside IFLA_INFO_DATA/VETH_INFO_PEER as a
 * struct ifinfomsg followed by link attributes.  The kernel reports no
 * options back: the peer is found through IFLA_LINK (its ifindex) and
 * IFLA_LINK_NETNSID (its netns), never through libnl's
 * rtnl_link_veth_get_peer(), which crashes on veths read back (rule 4).
 */
#include <net/if.h>
#include <linux/veth.h>

#include "internal-link.h"

static int veth_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_veth *v = &link->veth;
	int r;

	if (!create)
		return 0;
	if (!v->peer_name[0])
		return nlhl__fail(-EINVAL, "%s %s: veth needs a peer name", op, link->attrs.name);
	if (strnlen(v->peer_name, NLHL_IFNAMSIZ) >= NLHL_IFNAMSIZ)
		return nlhl__fail(-EINVAL, "%s %s: veth peer name is not NUL-terminated", op,
				  link->attrs.name);
	if ((r = nlhl__check_ifname(v->peer_name, op)) < 0)
		return r;
	if (v->peer_hw_addr.len > NLHL_HWADDR_MAX)
		return nlhl__fail(-EINVAL, "%s %s: peer hardware address too long", op,
				  link->attrs.name);
	if (v->peer_mtu < 0 || (v->peer_txqlen < 0 && v->peer_txqlen != NLHL_ZERO))
		return nlhl__fail(-EINVAL, "%s %s: negative peer mtu/txqlen", op, link->attrs.name);
	if (v->peer_netns_fd && (r = nlhl__netns_check_fd(v->peer_netns_fd, op)) < 0)
		return r;
	return 0;
}

static int veth_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	const struct nlhl_veth *v = &link->veth;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr *peer;
	int r = 0;

	/* The peer exists only at creation: changelink takes no peer. */
	if (!create)
		return 0;
	if (!(peer = nla_nest_start(msg, VETH_INFO_PEER)))
		return -EMSGSIZE;
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return -EMSGSIZE;
	r |= nla_put_string(msg, IFLA_IFNAME, v->peer_name);
	if (v->peer_hw_addr.len)
		r |= nla_put(msg, IFLA_ADDRESS, v->peer_hw_addr.len, v->peer_hw_addr.addr);
	if (v->peer_mtu)
		r |= nla_put_u32(msg, IFLA_MTU, (uint32_t)v->peer_mtu);
	if (v->peer_txqlen)
		r |= nla_put_u32(msg, IFLA_TXQLEN,
				 v->peer_txqlen == NLHL_ZERO ? 0 : (uint32_t)v->peer_txqlen);
	if (v->peer_netns_fd)
		r |= nla_put_u32(msg, IFLA_NET_NS_FD, (uint32_t)v->peer_netns_fd);
	if (r)
		return -EMSGSIZE;
	nla_nest_end(msg, peer);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_veth = {
	.type = NLHL_LINK_VETH,
	.kind = "veth",
	.check = veth_check,
	.put = veth_put,
};

NLHL_API int nlhl_link_veth_peer(nlhl_handle *h, const struct nlhl_link *veth,
				 struct nlhl_link *ret)
{
	struct nlhl_link got;
	int r;

	NLHL_CHECK_PTR(veth, "link get veth peer");
	NLHL_CHECK_PTR(ret, "link get veth peer");
	if (veth->type != NLHL_LINK_VETH || veth->veth.peer_index <= 0)
		return nlhl__fail(-EINVAL, "link get veth peer %s: not a veth read back from the kernel",
				  veth->attrs.name);
	if (veth->attrs.link_netnsid >= 0)
		return nlhl__fail(-EXDEV, "link get veth peer %s: the peer is in netnsid %d",
				  veth->attrs.name, veth->attrs.link_netnsid);
	if ((r = nlhl_link_by_index(h, veth->veth.peer_index, &got)) < 0)
		return r;
	*ret = got;
	return 0;
}
