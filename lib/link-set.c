/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Link setters (Go: LinkSetUp, LinkSetMTU, ...): one RTM_SETLINK each, the
 * link named by index (or name), one attribute or flag changed.
 */
#include <stdlib.h>
#include <net/if.h>

#include "internal-link.h"

/* RTM_SETLINK for link with flags (ifi_flags/ifi_change) set. */
static int set_msg(const struct nlhl_link *link, const char *op, unsigned int flags,
		   unsigned int change, struct nl_msg **ret)
{
	struct nl_msg *msg;
	int r;

	if ((r = nlhl__link_msg(NLHL__LINK_SET, link, op, &msg)) < 0)
		return r;
	((struct ifinfomsg *)nlmsg_data(nlmsg_hdr(msg)))->ifi_flags = flags;
	((struct ifinfomsg *)nlmsg_data(nlmsg_hdr(msg)))->ifi_change = change;
	*ret = msg;
	return 0;
}

static int set_flags(nlhl_handle *h, const struct nlhl_link *link, const char *op,
		     unsigned int flag, bool on)
{
	struct nl_msg *msg;
	int r;

	if ((r = set_msg(link, op, on ? flag : 0, flag, &msg)) < 0)
		return r;
	return nlhl__link_send(h, msg, link, op);
}

static int set_u32(nlhl_handle *h, const struct nlhl_link *link, const char *op, int type,
		   uint32_t v)
{
	struct nl_msg *msg;
	int r;

	if ((r = set_msg(link, op, 0, 0, &msg)) < 0)
		return r;
	if (nla_put_u32(msg, type, v) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_set_up(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set up", IFF_UP, true);
}

NLHL_API int nlhl_link_set_down(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set down", IFF_UP, false);
}

NLHL_API int nlhl_set_promisc_on(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set promisc on", IFF_PROMISC, true);
}

NLHL_API int nlhl_set_promisc_off(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set promisc off", IFF_PROMISC, false);
}

NLHL_API int nlhl_link_set_promisc_on(nlhl_handle *h, const struct nlhl_link *link)
{
	return nlhl_set_promisc_on(h, link);
}

NLHL_API int nlhl_link_set_promisc_off(nlhl_handle *h, const struct nlhl_link *link)
{
	return nlhl_set_promisc_off(h, link);
}

NLHL_API int nlhl_link_set_allmulticast_on(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set allmulticast on", IFF_ALLMULTI, true);
}

NLHL_API int nlhl_link_set_allmulticast_off(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set allmulticast off", IFF_ALLMULTI, false);
}

NLHL_API int nlhl_link_set_multicast_on(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set multicast on", IFF_MULTICAST, true);
}

NLHL_API int nlhl_link_set_multicast_off(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set multicast off", IFF_MULTICAST, false);
}

/* ARP on is the absence of IFF_NOARP. */
NLHL_API int nlhl_link_set_arp_on(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set arp on", IFF_NOARP, false);
}

NLHL_API int nlhl_link_set_arp_off(nlhl_handle *h, const struct nlhl_link *link)
{
	return set_flags(h, link, "link set arp off", IFF_NOARP, true);
}

NLHL_API int nlhl_link_set_mtu(nlhl_handle *h, const struct nlhl_link *link, int mtu)
{
	if (mtu <= 0)
		return nlhl__fail(-EINVAL, "link set mtu: mtu %d is not positive", mtu);
	return set_u32(h, link, "link set mtu", IFLA_MTU, (uint32_t)mtu);
}

NLHL_API int nlhl_link_set_txqlen(nlhl_handle *h, const struct nlhl_link *link, int qlen)
{
	if (qlen < 0)
		return nlhl__fail(-EINVAL, "link set txqlen: txqlen %d is negative", qlen);
	return set_u32(h, link, "link set txqlen", IFLA_TXQLEN, (uint32_t)qlen);
}

NLHL_API int nlhl_link_set_group(nlhl_handle *h, const struct nlhl_link *link, uint32_t group)
{
	return set_u32(h, link, "link set group", IFLA_GROUP, group);
}

NLHL_API int nlhl_link_set_master_by_index(nlhl_handle *h, const struct nlhl_link *link,
					   int master_index)
{
	if (master_index < 0)
		return nlhl__fail(-EINVAL, "link set master: negative master index %d", master_index);
	return set_u32(h, link, master_index ? "link set master" : "link set nomaster",
		       IFLA_MASTER, (uint32_t)master_index);
}

NLHL_API int nlhl_link_set_master(nlhl_handle *h, const struct nlhl_link *link,
				  const struct nlhl_link *master)
{
	int index, r;

	NLHL_CHECK_PTR(master, "link set master");
	if ((r = nlhl__link_index(h, master, "link set master", &index)) < 0)
		return r;
	return nlhl_link_set_master_by_index(h, link, index);
}

NLHL_API int nlhl_link_set_no_master(nlhl_handle *h, const struct nlhl_link *link)
{
	return nlhl_link_set_master_by_index(h, link, 0);
}

NLHL_API int nlhl_link_set_ns_fd(nlhl_handle *h, const struct nlhl_link *link, int netns_fd)
{
	int r;

	if ((r = nlhl__netns_check_fd(netns_fd, "link set netns")) < 0)
		return r;
	return set_u32(h, link, "link set netns", IFLA_NET_NS_FD, (uint32_t)netns_fd);
}

NLHL_API int nlhl_link_set_ns_pid(nlhl_handle *h, const struct nlhl_link *link, int pid)
{
	if (pid <= 0)
		return nlhl__fail(-EINVAL, "link set netns: pid %d is not positive", pid);
	return set_u32(h, link, "link set netns", IFLA_NET_NS_PID, (uint32_t)pid);
}

NLHL_API int nlhl_link_set_gso_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size)
{
	return set_u32(h, link, "link set gso_max_size", IFLA_GSO_MAX_SIZE, size);
}

NLHL_API int nlhl_link_set_gso_max_segs(nlhl_handle *h, const struct nlhl_link *link, uint32_t segs)
{
	return set_u32(h, link, "link set gso_max_segs", IFLA_GSO_MAX_SEGS, segs);
}

NLHL_API int nlhl_link_set_gro_max_size(nlhl_handle *h, const struct nlhl_link *link, uint32_t size)
{
	return set_u32(h, link, "link set gro_max_size", IFLA_GRO_MAX_SIZE, size);
}

NLHL_API int nlhl_link_set_gso_ipv4_max_size(nlhl_handle *h, const struct nlhl_link *link,
					     uint32_t size)
{
	return set_u32(h, link, "link set gso_ipv4_max_size", NLHL_IFLA_GSO_IPV4_MAX_SIZE, size);
}

NLHL_API int nlhl_link_set_gro_ipv4_max_size(nlhl_handle *h, const struct nlhl_link *link,
					     uint32_t size)
{
	return set_u32(h, link, "link set gro_ipv4_max_size", NLHL_IFLA_GRO_IPV4_MAX_SIZE, size);
}

NLHL_API int nlhl_link_set_hardware_addr(nlhl_handle *h, const struct nlhl_link *link,
					 const struct nlhl_hwaddr *hw)
{
	const char *op = "link set address";
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(hw, op);
	if (hw->len == 0 || hw->len > NLHL_HWADDR_MAX)
		return nlhl__fail(-EINVAL, "%s: address length %u is not 1..%d", op, hw->len,
				  NLHL_HWADDR_MAX);
	if ((r = set_msg(link, op, 0, 0, &msg)) < 0)
		return r;
	if (nla_put(msg, IFLA_ADDRESS, hw->len, hw->addr) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_set_alias(nlhl_handle *h, const struct nlhl_link *link, const char *alias)
{
	const char *op = "link set alias";
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(alias, op);
	if (strnlen(alias, NLHL_IFALIASZ) >= NLHL_IFALIASZ)
		return nlhl__fail(-EINVAL, "%s: alias longer than %d bytes", op, NLHL_IFALIASZ - 1);
	if ((r = set_msg(link, op, 0, 0, &msg)) < 0)
		return r;
	/* An empty IFLA_IFALIAS (not "\0") removes the alias. */
	if (nla_put(msg, IFLA_IFALIAS, (int)strlen(alias), alias) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_set_name(nlhl_handle *h, const struct nlhl_link *link, const char *name)
{
	const char *op = "link set name";
	struct nlhl_link by_index;
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(link, op);
	if ((r = nlhl__check_ifname(name, op)) < 0)
		return r;
	/* The new name goes in IFLA_IFNAME, so the link must go by index. */
	memset(&by_index, 0, sizeof(by_index));
	if ((r = nlhl__link_index(h, link, op, &by_index.attrs.index)) < 0)
		return r;
	if ((r = set_msg(&by_index, op, 0, 0, &msg)) < 0)
		return r;
	if (nla_put_string(msg, IFLA_IFNAME, name) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_set_xdp_fd_with_flags(nlhl_handle *h, const struct nlhl_link *link,
					     int prog_fd, uint32_t flags)
{
	const char *op = prog_fd < 0 ? "link set xdp off" : "link set xdp";
	struct nlattr *nest;
	struct nl_msg *msg;
	int r;

	if (prog_fd < -1)
		return nlhl__fail(-EBADF, "%s: program fd %d (use -1 to detach)", op, prog_fd);
	if ((r = set_msg(link, op, 0, 0, &msg)) < 0)
		return r;
	if (!(nest = nla_nest_start(msg, IFLA_XDP | NLA_F_NESTED)) ||
	    nla_put_s32(msg, IFLA_XDP_FD, prog_fd) < 0 ||
	    (flags && nla_put_u32(msg, IFLA_XDP_FLAGS, flags) < 0)) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	nla_nest_end(msg, nest);
	return nlhl__link_send(h, msg, link, op);
}

NLHL_API int nlhl_link_set_xdp_fd(nlhl_handle *h, const struct nlhl_link *link, int prog_fd)
{
	return nlhl_link_set_xdp_fd_with_flags(h, link, prog_fd, 0);
}

/* ------------------------------------------------------ alternative names */

static int altname_change(nlhl_handle *h, int type, const struct nlhl_link *link,
			  const char *name, const char *op)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr *list;
	struct nl_msg *msg;
	size_t len;
	int r;

	NLHL_CHECK_PTR(link, op);
	NLHL_CHECK_PTR(name, op);
	len = strnlen(name, NLHL_ALTIFNAMSIZ);
	if (len == 0 || len >= NLHL_ALTIFNAMSIZ)
		return nlhl__fail(-EINVAL, "%s: alternative name must have 1 to %d bytes", op,
				  NLHL_ALTIFNAMSIZ - 1);
	if ((r = nlhl__link_index(h, link, op, &ifi.ifi_index)) < 0)
		return r;
	if (!(msg = nlmsg_alloc_simple(type, 0)))
		return nlhl__fail(-ENOMEM, "%s", op);
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    !(list = nla_nest_start(msg, IFLA_PROP_LIST | NLA_F_NESTED)) ||
	    nla_put_string(msg, IFLA_ALT_IFNAME, name) < 0) {
		nlmsg_free(msg);
		return nlhl__fail(-EMSGSIZE, "%s", op);
	}
	nla_nest_end(msg, list);
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "%s %s", op, name);
	return 0;
}

NLHL_API int nlhl_link_add_alt_name(nlhl_handle *h, const struct nlhl_link *link, const char *name)
{
	return altname_change(h, RTM_NEWLINKPROP, link, name, "link property add altname");
}

NLHL_API int nlhl_link_del_alt_name(nlhl_handle *h, const struct nlhl_link *link, const char *name)
{
	return altname_change(h, RTM_DELLINKPROP, link, name, "link property del altname");
}

struct altnames {
	struct nlhl_altname *list;
	size_t n;
	bool got;
};

static int altnames_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[IFLA_MAX + 1], *a;
	struct altnames *an = arg;
	int rem;

	if (an->got || nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	an->got = true;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL) < 0)
		return -EBADMSG;
	if (!tb[IFLA_PROP_LIST])
		return 0;
	nla_for_each_nested(a, tb[IFLA_PROP_LIST], rem) {
		struct nlhl_altname *l;

		if (nla_type(a) != IFLA_ALT_IFNAME)
			continue;
		if (!(l = realloc(an->list, (an->n + 1) * sizeof(*l))))
			return -ENOMEM;
		an->list = l;
		nlhl__get_str(a, l[an->n].name, sizeof(l[an->n].name));
		an->n++;
	}
	return 0;
}

NLHL_API int nlhl_link_alt_names(nlhl_handle *h, const struct nlhl_link *link,
				 struct nlhl_altname **ret, size_t *ret_n)
{
	const char *op = "link get altnames";
	struct altnames an = { 0 };
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(ret, op);
	NLHL_CHECK_PTR(ret_n, op);
	if ((r = nlhl__link_msg(NLHL__LINK_GET, link, op, &msg)) < 0)
		return r;
	r = nlhl__request(h, msg, altnames_cb, &an);
	nlmsg_free(msg);
	if (r == 0 && !an.got)
		r = -ENODEV;
	if (r < 0) {
		char id[NLHL_IFNAMSIZ + 16];

		free(an.list);
		return nlhl__fail_req(r, "%s %s", op, nlhl__link_id(link, id, sizeof(id)));
	}
	*ret = an.list;
	*ret_n = an.n;
	return 0;
}
