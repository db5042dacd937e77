/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Links: struct nlhl_link <-> RTM_*LINK messages, add/del/modify, lookups
 * and lists.  Messages are built with nla_put directly (libnl's rtnl_link
 * objects do not return the ifindex, crash on veths read back and abort on
 * misuse: DESIGN.md rules 3-5); per-kind options live in lib/link-<kind>.c.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_arp.h>

#include "internal-link.h"

/* Test hook: pretend the kernel does not echo RTM_NEWLINK (< 6.3), so the
 * fallback lookup runs on any kernel. */
NLHL_INTERNAL bool nlhl__link_no_echo;

/* Kinds with no options of their own. */
static const struct nlhl__link_kind kind_dummy = { NLHL_LINK_DUMMY, "dummy", NULL, NULL, NULL };
static const struct nlhl__link_kind kind_ifb = { NLHL_LINK_IFB, "ifb", NULL, NULL, NULL };
static const struct nlhl__link_kind kind_wireguard = { NLHL_LINK_WIREGUARD, "wireguard", NULL, NULL, NULL };

static const struct nlhl__link_kind *const kinds[] = {
	&nlhl__kind_veth,   &nlhl__kind_bridge,  &nlhl__kind_vlan,   &nlhl__kind_macvlan,
	&nlhl__kind_macvtap, &nlhl__kind_ipvlan, &nlhl__kind_ipvtap, &nlhl__kind_vxlan,
	&nlhl__kind_geneve, &nlhl__kind_bond,    &kind_dummy,        &kind_ifb,
	&nlhl__kind_tuntap, &nlhl__kind_gre,     &nlhl__kind_gretap, &nlhl__kind_ip6gre,
	&nlhl__kind_ip6gretap, &nlhl__kind_ipip, &nlhl__kind_sit,    &nlhl__kind_ip6tnl,
	&nlhl__kind_vti,    &nlhl__kind_vti6,    &nlhl__kind_vrf,    &kind_wireguard,
	&nlhl__kind_netkit,
};

const struct nlhl__link_kind *nlhl__link_kind_by_type(enum nlhl_link_type type)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(kinds); i++)
		if (kinds[i]->type == type)
			return kinds[i];
	return NULL;
}

const struct nlhl__link_kind *nlhl__link_kind_by_name(const char *kind)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i]->kind, kind))
			return kinds[i];
	return NULL;
}

NLHL_API const char *nlhl_link_type_kind(enum nlhl_link_type type)
{
	const struct nlhl__link_kind *k = nlhl__link_kind_by_type(type);

	return k ? k->kind : NULL;
}

const char *nlhl__link_id(const struct nlhl_link *link, char *buf, size_t size)
{
	if (link->attrs.name[0])
		snprintf(buf, size, "%.*s", NLHL_IFNAMSIZ - 1, link->attrs.name);
	else
		snprintf(buf, size, "#%d", link->attrs.index);
	return buf;
}

/* ------------------------------------------------------------ building */

static int check_link(enum nlhl__link_op op, const struct nlhl_link *link, const char *opname,
		      const struct nlhl__link_kind **ret_kind)
{
	const struct nlhl__link_kind *k = NULL;
	const struct nlhl_link_attrs *a = &link->attrs;
	char id[NLHL_IFNAMSIZ + 16];
	int r;

	nlhl__link_id(link, id, sizeof(id));
	if (a->index < 0)
		return nlhl__fail(-EINVAL, "%s: negative ifindex %d", opname, a->index);
	if (a->name[0] || (!a->index && op != NLHL__LINK_CREATE)) {
		if (strnlen(a->name, NLHL_IFNAMSIZ) >= NLHL_IFNAMSIZ)
			return nlhl__fail(-EINVAL, "%s: interface name is not NUL-terminated "
					  "within %d bytes", opname, NLHL_IFNAMSIZ);
		if (!a->name[0] && !a->index)
			return nlhl__fail(-EINVAL, "%s: link has neither index nor name", opname);
		if ((r = nlhl__check_ifname(a->name, opname)) < 0)
			return r;
	}
	if (op != NLHL__LINK_CREATE && op != NLHL__LINK_MODIFY) {
		*ret_kind = NULL;
		return 0;
	}
	if (a->mtu < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative mtu %d", opname, id, a->mtu);
	if (a->txqlen < 0 && a->txqlen != NLHL_ZERO)
		return nlhl__fail(-EINVAL, "%s %s: negative txqlen %d", opname, id, a->txqlen);
	if (a->master_index < 0 || a->parent_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative master/parent index", opname, id);
	if (a->hw_addr.len > NLHL_HWADDR_MAX)
		return nlhl__fail(-EINVAL, "%s %s: hardware address longer than %d bytes",
				  opname, id, NLHL_HWADDR_MAX);
	if (strnlen(a->alias, NLHL_IFALIASZ) >= NLHL_IFALIASZ)
		return nlhl__fail(-EINVAL, "%s %s: alias is not NUL-terminated", opname, id);
	if (a->netns_fd && (r = nlhl__netns_check_fd(a->netns_fd, opname)) < 0)
		return r;
	if (strnlen(link->kind, NLHL_KINDSIZ) >= NLHL_KINDSIZ)
		return nlhl__fail(-EINVAL, "%s %s: kind is not NUL-terminated", opname, id);

	if (link->type == NLHL_LINK_UNSPEC) {
		if (link->kind[0])
			k = nlhl__link_kind_by_name(link->kind);
		else if (op == NLHL__LINK_CREATE)
			return nlhl__fail(-EINVAL, "%s %s: neither type nor kind given", opname, id);
	} else if (link->type == NLHL_LINK_DEVICE || link->type == NLHL_LINK_GENERIC) {
		if (op == NLHL__LINK_CREATE && !link->kind[0])
			return nlhl__fail(-EINVAL, "%s %s: a link of type %s needs a kind", opname,
					  id, link->type == NLHL_LINK_DEVICE ? "device" : "generic");
		if (link->kind[0])
			k = nlhl__link_kind_by_name(link->kind);
	} else {
		k = nlhl__link_kind_by_type(link->type);
		if (!k)
			return nlhl__fail(-EINVAL, "%s %s: unknown link type %d", opname, id,
					  (int)link->type);
		if (link->kind[0] && strcmp(link->kind, k->kind))
			return nlhl__fail(-EINVAL, "%s %s: kind \"%s\" does not match type %s",
					  opname, id, link->kind, k->kind);
	}
	/* A kind named with its type's options would be sent without them. */
	if (k && link->type != k->type && link->type != NLHL_LINK_UNSPEC &&
	    link->type != NLHL_LINK_GENERIC && link->type != NLHL_LINK_DEVICE)
		return nlhl__fail(-EINVAL, "%s %s: kind/type mismatch", opname, id);
	if (k && link->type == k->type && k->check && (r = k->check(link, opname, op == NLHL__LINK_CREATE)) < 0)
		return r;
	*ret_kind = (k && link->type == k->type) ? k : NULL;
	return 0;
}

static int put_common(struct nl_msg *msg, const struct nlhl_link *link, enum nlhl__link_op op)
{
	const struct nlhl_link_attrs *a = &link->attrs;
	int r = 0;

	if (a->name[0])
		r |= nla_put_string(msg, IFLA_IFNAME, a->name);
	if (a->mtu)
		r |= nla_put_u32(msg, IFLA_MTU, (uint32_t)a->mtu);
	if (a->txqlen)
		r |= nla_put_u32(msg, IFLA_TXQLEN, a->txqlen == NLHL_ZERO ? 0 : (uint32_t)a->txqlen);
	if (a->hw_addr.len)
		r |= nla_put(msg, IFLA_ADDRESS, a->hw_addr.len, a->hw_addr.addr);
	if (a->master_index)
		r |= nla_put_u32(msg, IFLA_MASTER, (uint32_t)a->master_index);
	if (a->parent_index)
		r |= nla_put_u32(msg, IFLA_LINK, (uint32_t)a->parent_index);
	if (a->alias[0])
		r |= nla_put_string(msg, IFLA_IFALIAS, a->alias);
	if (a->group)
		r |= nla_put_u32(msg, IFLA_GROUP, a->group);
	if (a->netns_fd)
		r |= nla_put_u32(msg, IFLA_NET_NS_FD, (uint32_t)a->netns_fd);
	if (op == NLHL__LINK_CREATE) {
		if (a->num_tx_queues)
			r |= nla_put_u32(msg, IFLA_NUM_TX_QUEUES, a->num_tx_queues);
		if (a->num_rx_queues)
			r |= nla_put_u32(msg, IFLA_NUM_RX_QUEUES, a->num_rx_queues);
	}
	if (a->gso_max_size)
		r |= nla_put_u32(msg, IFLA_GSO_MAX_SIZE, a->gso_max_size);
	if (a->gso_max_segs)
		r |= nla_put_u32(msg, IFLA_GSO_MAX_SEGS, a->gso_max_segs);
	if (a->gro_max_size)
		r |= nla_put_u32(msg, IFLA_GRO_MAX_SIZE, a->gro_max_size);
	if (a->gso_ipv4_max_size)
		r |= nla_put_u32(msg, NLHL_IFLA_GSO_IPV4_MAX_SIZE, a->gso_ipv4_max_size);
	if (a->gro_ipv4_max_size)
		r |= nla_put_u32(msg, NLHL_IFLA_GRO_IPV4_MAX_SIZE, a->gro_ipv4_max_size);
	return r ? -EMSGSIZE : 0;
}

static int put_linkinfo(struct nl_msg *msg, const struct nlhl_link *link,
			const struct nlhl__link_kind *k, bool create)
{
	const char *kind = k ? k->kind : link->kind;
	struct nlattr *info, *data;
	int r;

	if (!kind[0])
		return 0;
	if (!(info = nla_nest_start(msg, IFLA_LINKINFO)))
		return -EMSGSIZE;
	if (nla_put_string(msg, IFLA_INFO_KIND, kind) < 0)
		return -EMSGSIZE;
	if (k && k->put) {
		if (!(data = nla_nest_start(msg, IFLA_INFO_DATA)))
			return -EMSGSIZE;
		if ((r = k->put(msg, link, create)) < 0)
			return r;
		/* libnl's nla_nest_end drops a nest left empty. */
		nla_nest_end(msg, data);
	}
	nla_nest_end(msg, info);
	return 0;
}

int nlhl__link_msg(enum nlhl__link_op op, const struct nlhl_link *link, const char *opname,
		   struct nl_msg **ret)
{
	static const int types[] = {
		[NLHL__LINK_CREATE] = RTM_NEWLINK, [NLHL__LINK_MODIFY] = RTM_NEWLINK,
		[NLHL__LINK_SET] = RTM_SETLINK,    [NLHL__LINK_DEL] = RTM_DELLINK,
		[NLHL__LINK_GET] = RTM_GETLINK,
	};
	const struct nlhl__link_kind *k = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(link, opname);
	if ((r = check_link(op, link, opname, &k)) < 0)
		return r;
	ifi.ifi_index = link->attrs.index;
	if (op == NLHL__LINK_CREATE || op == NLHL__LINK_MODIFY) {
		/* Only the flags the caller set are changed (ifi_change). */
		unsigned int f = link->attrs.flags &
				 (IFF_UP | IFF_PROMISC | IFF_ALLMULTI | IFF_NOARP);
		ifi.ifi_flags = f;
		ifi.ifi_change = f;
	}
	msg = nlmsg_alloc_simple(types[op], op == NLHL__LINK_CREATE ?
				 NLM_F_CREATE | NLM_F_EXCL : 0);
	if (!msg)
		return nlhl__fail(-ENOMEM, "%s", opname);
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		goto too_big;
	switch (op) {
	case NLHL__LINK_CREATE:
	case NLHL__LINK_MODIFY:
		if ((r = put_common(msg, link, op)) < 0)
			goto too_big;
		if ((r = put_linkinfo(msg, link, k, op == NLHL__LINK_CREATE)) < 0) {
			nlmsg_free(msg);
			return r == -EMSGSIZE ? nlhl__fail(r, "%s: message too big", opname) : r;
		}
		break;
	case NLHL__LINK_SET:
	case NLHL__LINK_DEL:
	case NLHL__LINK_GET:
		if (!link->attrs.index && nla_put_string(msg, IFLA_IFNAME, link->attrs.name) < 0)
			goto too_big;
		break;
	}
	*ret = msg;
	return 0;
too_big:
	nlmsg_free(msg);
	return nlhl__fail(-EMSGSIZE, "%s: message too big", opname);
}

/* ------------------------------------------------------------- parsing */

static void parse_stats(const struct nlattr *a, struct nlhl_link_stats *s)
{
	struct rtnl_link_stats64 st;
	size_t n;

	if (!a)
		return;
	memset(&st, 0, sizeof(st));
	n = (size_t)nla_len(a) < sizeof(st) ? (size_t)nla_len(a) : sizeof(st);
	memcpy(&st, nla_data(a), n);
	s->rx_packets = st.rx_packets;
	s->tx_packets = st.tx_packets;
	s->rx_bytes = st.rx_bytes;
	s->tx_bytes = st.tx_bytes;
	s->rx_errors = st.rx_errors;
	s->tx_errors = st.tx_errors;
	s->rx_dropped = st.rx_dropped;
	s->tx_dropped = st.tx_dropped;
	s->multicast = st.multicast;
	s->collisions = st.collisions;
	s->rx_length_errors = st.rx_length_errors;
	s->rx_over_errors = st.rx_over_errors;
	s->rx_crc_errors = st.rx_crc_errors;
	s->rx_frame_errors = st.rx_frame_errors;
	s->rx_fifo_errors = st.rx_fifo_errors;
	s->rx_missed_errors = st.rx_missed_errors;
	s->tx_aborted_errors = st.tx_aborted_errors;
	s->tx_carrier_errors = st.tx_carrier_errors;
	s->tx_fifo_errors = st.tx_fifo_errors;
	s->tx_heartbeat_errors = st.tx_heartbeat_errors;
	s->tx_window_errors = st.tx_window_errors;
	s->rx_compressed = st.rx_compressed;
	s->tx_compressed = st.tx_compressed;
	s->rx_nohandler = st.rx_nohandler;
}

static int parse_xdp(const struct nlattr *a, struct nlhl_link_xdp *x)
{
	struct nlattr *tb[IFLA_XDP_MAX + 1];

	if (!a)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_XDP_MAX, a) < 0)
		return -EBADMSG;
	x->attach_mode = nlhl__get_u8(tb[IFLA_XDP_ATTACHED]);
	x->attached = x->attach_mode != XDP_ATTACHED_NONE;
	x->prog_id = nlhl__get_u32(tb[IFLA_XDP_PROG_ID]);
	x->flags = nlhl__get_u32(tb[IFLA_XDP_FLAGS]);
	return 0;
}

static int parse_linkinfo(const struct nlattr *a, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_INFO_MAX + 1];
	const struct nlhl__link_kind *k;

	if (nlhl__parse_nested(tb, IFLA_INFO_MAX, a) < 0)
		return -EBADMSG;
	nlhl__get_str(tb[IFLA_INFO_KIND], link->kind, sizeof(link->kind));
	nlhl__get_str(tb[IFLA_INFO_SLAVE_KIND], link->attrs.slave_kind,
		      sizeof(link->attrs.slave_kind));
	if (tb[IFLA_INFO_SLAVE_DATA]) {
		if (!strcmp(link->attrs.slave_kind, "bridge"))
			nlhl__brport_parse(tb[IFLA_INFO_SLAVE_DATA], &link->attrs.slave.brport);
		else if (!strcmp(link->attrs.slave_kind, "bond"))
			nlhl__bond_slave_parse(tb[IFLA_INFO_SLAVE_DATA], &link->attrs.slave.bond);
	}
	if (!link->kind[0]) {
		link->type = NLHL_LINK_DEVICE;
		return 0;
	}
	k = nlhl__link_kind_by_name(link->kind);
	if (!k) {
		link->type = NLHL_LINK_GENERIC;
		return 0;
	}
	link->type = k->type;
	if (k->parse)
		return k->parse(tb[IFLA_INFO_DATA], link);
	return 0;
}

int nlhl__link_parse(const struct nlmsghdr *nlh, struct nlhl_link *ret)
{
	struct nlattr *tb[NLHL_IFLA_MAX + 1];
	const struct ifinfomsg *ifi;
	struct nlhl_link_attrs *a = &ret->attrs;
	int r;

	memset(ret, 0, sizeof(*ret));
	if ((nlh->nlmsg_type != RTM_NEWLINK && nlh->nlmsg_type != RTM_DELLINK) ||
	    !nlmsg_valid_hdr(nlh, sizeof(*ifi)))
		return -EBADMSG;
	if (!nlhl__attrs_whole(nlmsg_attrdata(nlh, sizeof(*ifi)), nlmsg_attrlen(nlh, sizeof(*ifi))) ||
	    nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, NLHL_IFLA_MAX, NULL) < 0)
		return -EBADMSG;
	ifi = nlmsg_data(nlh);
	a->index = ifi->ifi_index;
	a->flags = ifi->ifi_flags;
	a->hw_type = ifi->ifi_type;
	a->link_netnsid = -1;
	if (!tb[IFLA_IFNAME] || a->index <= 0)
		return -EBADMSG;
	nlhl__get_str(tb[IFLA_IFNAME], a->name, sizeof(a->name));
	a->mtu = (int)nlhl__get_u32(tb[IFLA_MTU]);
	a->txqlen = (int)nlhl__get_u32(tb[IFLA_TXQLEN]);
	nlhl__get_hwaddr(tb[IFLA_ADDRESS], &a->hw_addr);
	nlhl__get_hwaddr(tb[IFLA_PERM_ADDRESS], &a->perm_hw_addr);
	a->master_index = (int)nlhl__get_u32(tb[IFLA_MASTER]);
	a->parent_index = (int)nlhl__get_u32(tb[IFLA_LINK]);
	/* Devices without a lower one report themselves (IFLA_LINK == index). */
	if (a->parent_index == a->index && !tb[IFLA_LINK_NETNSID])
		a->parent_index = 0;
	nlhl__get_str(tb[IFLA_IFALIAS], a->alias, sizeof(a->alias));
	a->oper_state = (enum nlhl_oper_state)nlhl__get_u8(tb[IFLA_OPERSTATE]);
	a->group = nlhl__get_u32(tb[IFLA_GROUP]);
	if (tb[IFLA_LINK_NETNSID] && nla_len(tb[IFLA_LINK_NETNSID]) >= 4)
		a->link_netnsid = (int32_t)nla_get_u32(tb[IFLA_LINK_NETNSID]);
	a->num_tx_queues = nlhl__get_u32(tb[IFLA_NUM_TX_QUEUES]);
	a->num_rx_queues = nlhl__get_u32(tb[IFLA_NUM_RX_QUEUES]);
	a->gso_max_size = nlhl__get_u32(tb[IFLA_GSO_MAX_SIZE]);
	a->gso_max_segs = nlhl__get_u32(tb[IFLA_GSO_MAX_SEGS]);
	a->gro_max_size = nlhl__get_u32(tb[IFLA_GRO_MAX_SIZE]);
	a->gso_ipv4_max_size = nlhl__get_u32(tb[NLHL_IFLA_GSO_IPV4_MAX_SIZE]);
	a->gro_ipv4_max_size = nlhl__get_u32(tb[NLHL_IFLA_GRO_IPV4_MAX_SIZE]);
	a->tso_max_size = nlhl__get_u32(tb[IFLA_TSO_MAX_SIZE]);
	a->tso_max_segs = nlhl__get_u32(tb[IFLA_TSO_MAX_SEGS]);
	a->min_mtu = nlhl__get_u32(tb[IFLA_MIN_MTU]);
	a->max_mtu = nlhl__get_u32(tb[IFLA_MAX_MTU]);
	a->promiscuity = nlhl__get_u32(tb[IFLA_PROMISCUITY]);
	a->allmulti = nlhl__get_u32(tb[IFLA_ALLMULTI]);
	a->carrier = nlhl__get_u8(tb[IFLA_CARRIER]);
	a->carrier_changes = nlhl__get_u32(tb[IFLA_CARRIER_CHANGES]);
	nlhl__get_str(tb[IFLA_QDISC], a->qdisc, sizeof(a->qdisc));
	parse_stats(tb[IFLA_STATS64], &a->stats);
	if ((r = parse_xdp(tb[IFLA_XDP], &a->xdp)) < 0)
		return r;
	if (tb[IFLA_LINKINFO]) {
		if ((r = parse_linkinfo(tb[IFLA_LINKINFO], ret)) < 0)
			return r;
	} else {
		ret->type = NLHL_LINK_DEVICE;
	}
	/* A veth's IFLA_LINK is its peer. */
	if (ret->type == NLHL_LINK_VETH)
		ret->veth.peer_index = a->parent_index;
	return 0;
}

/* ------------------------------------------------------ add/del/modify */

struct echo {
	struct nlhl_link *link;
	bool got;
};

/* NLM_F_ECHO answer (kernel >= 6.3): the new link as the kernel made it. */
static int echo_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct echo *e = arg;
	struct nlhl_link got;

	if (e->got || nlh->nlmsg_type != RTM_NEWLINK || nlhl__link_parse(nlh, &got) < 0)
		return 0;
	if (e->link->attrs.name[0] && strcmp(got.attrs.name, e->link->attrs.name))
		return 0;
	e->link->attrs.index = got.attrs.index;
	if (e->link->type == NLHL_LINK_VETH)
		e->link->veth.peer_index = got.attrs.parent_index;
	e->got = true;
	return 0;
}

/* Fallback for kernels without NLM_F_ECHO on RTM_NEWLINK, and for links
 * created straight into another netns (the echo would go to that netns):
 * one RTM_GETLINK by name, in the netns the link now lives in. */
static int lookup_new(nlhl_handle *in, struct nlhl_link *link)
{
	struct nlhl_link got;
	int r;

	if (!link->attrs.name[0])
		return 0;  /* the kernel chose the name: no way to ask */
	if ((r = nlhl_link_by_name(in, link->attrs.name, &got)) < 0)
		return r;
	link->attrs.index = got.attrs.index;
	if (link->type == NLHL_LINK_VETH)
		link->veth.peer_index = got.attrs.parent_index;
	return 0;
}

/* What RTM_NEWLINK ignores when it creates a link (the kernel applies
 * IFLA_IFALIAS only in do_setlink): set right after creation. */
static int after_create(nlhl_handle *in, const struct nlhl_link *link)
{
	struct nlhl_link by_index;

	if (!link->attrs.alias[0] || !link->attrs.index)
		return 0;
	memset(&by_index, 0, sizeof(by_index));
	by_index.attrs.index = link->attrs.index;
	return nlhl_link_set_alias(in, &by_index, link->attrs.alias);
}

NLHL_API int nlhl_link_add(nlhl_handle *h, struct nlhl_link *link)
{
	char id[NLHL_IFNAMSIZ + 16];
	struct echo e = { .link = link };
	struct nl_msg *msg;
	nlhl_handle *use, *in;
	int r, index_before;

	NLHL_CHECK_PTR(link, "link add");
	if ((r = nlhl__link_msg(NLHL__LINK_CREATE, link, "link add", &msg)) < 0)
		return r;
	if (link->type == NLHL_LINK_TUNTAP) {
		nlmsg_free(msg);  /* checked; tun/tap is made through /dev/net/tun */
		return nlhl__tuntap_add(h, link);
	}
	if (!link->attrs.netns_fd && !nlhl__link_no_echo)
		nlmsg_hdr(msg)->nlmsg_flags |= NLM_F_ECHO;
	if ((r = nlhl__handle_acquire(h, &use)) < 0) {
		nlmsg_free(msg);
		return r;
	}
	index_before = link->attrs.index;
	r = nlhl__request(use, msg, echo_cb, &e);
	nlmsg_free(msg);
	if (r < 0) {
		link->attrs.index = index_before;
		nlhl__handle_release(h, use);
		return nlhl__fail_req(r, "link add %s", nlhl__link_id(link, id, sizeof(id)));
	}
	in = use;
	if ((!e.got || link->attrs.alias[0]) && link->attrs.netns_fd)
		r = nlhl_handle_new_at(link->attrs.netns_fd, &in);
	if (r == 0 && !e.got)
		r = lookup_new(in, link);
	if (r == 0)
		r = after_create(in, link);
	if (in != use)
		nlhl_handle_free(in);
	nlhl__handle_release(h, use);
	if (r < 0)
		return nlhl__fail_prefix(r, "link add %s: created, but then: ",
					 nlhl__link_id(link, id, sizeof(id)));
	return 0;
}

NLHL_API int nlhl_link_del(nlhl_handle *h, const struct nlhl_link *link)
{
	char id[NLHL_IFNAMSIZ + 16];
	struct nl_msg *msg;
	int r;

	if ((r = nlhl__link_msg(NLHL__LINK_DEL, link, "link del", &msg)) < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "link del %s", nlhl__link_id(link, id, sizeof(id)));
	return 0;
}

NLHL_API int nlhl_link_modify(nlhl_handle *h, const struct nlhl_link *link)
{
	char id[NLHL_IFNAMSIZ + 16];
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(link, "link modify");
	if (link->attrs.netns_fd)
		return nlhl__fail(-EINVAL, "link modify %s: use nlhl_link_set_ns_fd to move a link",
				  nlhl__link_id(link, id, sizeof(id)));
	if ((r = nlhl__link_msg(NLHL__LINK_MODIFY, link, "link modify", &msg)) < 0)
		return r;
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "link modify %s", nlhl__link_id(link, id, sizeof(id)));
	return 0;
}

int nlhl__link_send(nlhl_handle *h, struct nl_msg *msg, const struct nlhl_link *link,
		    const char *op)
{
	char id[NLHL_IFNAMSIZ + 16];
	int r = nlhl__request(h, msg, NULL, NULL);

	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "%s %s", op, nlhl__link_id(link, id, sizeof(id)));
	return 0;
}

int nlhl__link_index(nlhl_handle *h, const struct nlhl_link *link, const char *op, int *ret)
{
	struct nlhl_link got;
	int r;

	NLHL_CHECK_PTR(link, op);
	if (link->attrs.index > 0) {
		*ret = link->attrs.index;
		return 0;
	}
	if (link->attrs.index < 0)
		return nlhl__fail(-EINVAL, "%s: negative ifindex %d", op, link->attrs.index);
	if ((r = nlhl__check_ifname(link->attrs.name, op)) < 0)
		return r;
	if ((r = nlhl_link_by_name(h, link->attrs.name, &got)) < 0)
		return nlhl__fail(r, "%s %s: no such link", op, link->attrs.name);
	*ret = got.attrs.index;
	return 0;
}

/* ------------------------------------------------------------- lookups */

struct one {
	struct nlhl_link *ret;
	bool got;
	int err;
};

static int one_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct one *o = arg;

	if (o->got || nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	o->err = nlhl__link_parse(nlh, o->ret);
	o->got = true;
	return 0;
}

/* One RTM_GETLINK (DESIGN.md rule 8); *ret untouched on failure. */
static int get_one(nlhl_handle *h, int index, const char *name, const char *what,
		   struct nlhl_link *ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = index };
	struct nlhl_link got;
	struct one o = { .ret = &got };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	int r = -EMSGSIZE;

	if (!msg)
		return nlhl__fail(-ENOMEM, "link get %s", what);
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		goto out;
	if (name && nla_put_string(msg, strlen(name) < NLHL_IFNAMSIZ ? IFLA_IFNAME : IFLA_ALT_IFNAME,
				   name) < 0)
		goto out;
	r = nlhl__request_get(h, msg, one_cb, &o);
out:
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "link get %s", what);
	if (!o.got)
		return nlhl__fail(-ENODEV, "link get %s: the kernel sent no link", what);
	if (o.err < 0)
		return nlhl__fail(o.err, "link get %s: malformed answer", what);
	*ret = got;
	return 0;
}

NLHL_API int nlhl_link_by_name(nlhl_handle *h, const char *name, struct nlhl_link *ret)
{
	size_t len;

	NLHL_CHECK_PTR(name, "link get");
	NLHL_CHECK_PTR(ret, "link get");
	len = strnlen(name, NLHL_ALTIFNAMSIZ);
	if (len == 0 || len >= NLHL_ALTIFNAMSIZ)
		return nlhl__fail(-EINVAL, "link get: name must have 1 to %d bytes",
				  NLHL_ALTIFNAMSIZ - 1);
	return get_one(h, 0, name, name, ret);
}

NLHL_API int nlhl_link_by_index(nlhl_handle *h, int index, struct nlhl_link *ret)
{
	char what[24];

	NLHL_CHECK_PTR(ret, "link get");
	if (index <= 0)
		return nlhl__fail(-EINVAL, "link get: ifindex %d is not positive", index);
	snprintf(what, sizeof(what), "#%d", index);
	return get_one(h, index, NULL, what, ret);
}

/* --------------------------------------------------------------- dumps */

static bool filter_match(const struct nlhl_link_filter *f, const struct nlhl_link *l)
{
	if (!f)
		return true;
	if (f->type && l->type != f->type)
		return false;
	if (f->kind && strcmp(f->kind, l->kind))
		return false;
	if (f->master_index && l->attrs.master_index != f->master_index)
		return false;
	if (f->no_master && l->attrs.master_index)
		return false;
	if ((l->attrs.flags & f->flags_set) != f->flags_set)
		return false;
	return true;
}

/* RTM_GETLINK dump; the kernel filters by master and kind itself (the
 * result is filtered again here, which also covers older kernels). */
static int dump_msg(const struct nlhl_link_filter *f, struct nl_msg **ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	const char *kind = NULL;
	struct nlattr *info;

	if (!msg)
		return nlhl__fail(-ENOMEM, "link list");
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		goto too_big;
	if (f) {
		if (f->kind)
			kind = f->kind;
		else if (f->type)
			kind = nlhl_link_type_kind(f->type);
		if (f->master_index && nla_put_u32(msg, IFLA_MASTER, (uint32_t)f->master_index) < 0)
			goto too_big;
		if (kind) {
			if (!(info = nla_nest_start(msg, IFLA_LINKINFO)) ||
			    nla_put_string(msg, IFLA_INFO_KIND, kind) < 0)
				goto too_big;
			nla_nest_end(msg, info);
		}
	}
	*ret = msg;
	return 0;
too_big:
	nlmsg_free(msg);
	return nlhl__fail(-EMSGSIZE, "link list: message too big");
}

static int check_filter(const struct nlhl_link_filter *f, const char *op)
{
	if (!f)
		return 0;
	if ((int)f->type < 0 || f->type >= NLHL_LINK_TYPE_COUNT)
		return nlhl__fail(-EINVAL, "%s: unknown link type %d", op, (int)f->type);
	if (f->kind && (!f->kind[0] || strlen(f->kind) >= NLHL_KINDSIZ))
		return nlhl__fail(-EINVAL, "%s: kind must have 1 to %d bytes", op, NLHL_KINDSIZ - 1);
	if (f->master_index < 0)
		return nlhl__fail(-EINVAL, "%s: negative master index", op);
	if (f->master_index && f->no_master)
		return nlhl__fail(-EINVAL, "%s: master_index and no_master exclude each other", op);
	return 0;
}

struct collect {
	const struct nlhl_link_filter *filter;
	struct nlhl_link *list;
	size_t n, cap;
};

static int collect_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct collect *c = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct nlhl_link *l = realloc(c->list, cap * sizeof(*l));

		if (!l)
			return -ENOMEM;
		c->list = l;
		c->cap = cap;
	}
	/* A link that does not parse is dropped, never half filled. */
	if (nlhl__link_parse(nlh, &c->list[c->n]) < 0)
		return 0;
	if (filter_match(c->filter, &c->list[c->n]))
		c->n++;
	return 0;
}

static int collect_restart(void *arg)
{
	((struct collect *)arg)->n = 0;
	return 0;
}

struct by_index {
	int index;
	size_t pos;
};

static int cmp_index(const void *a, const void *b)
{
	int x = ((const struct by_index *)a)->index, y = ((const struct by_index *)b)->index;

	return (x > y) - (x < y);
}

/* Fills veth.peer_name of veths whose peer is in the same netns (sorted
 * index table: lists of thousands of veths stay O(n log n)). */
static void resolve_peers(struct nlhl_link *list, size_t n)
{
	struct by_index *t, key, *hit;
	size_t veths = 0;

	for (size_t i = 0; i < n; i++)
		veths += list[i].type == NLHL_LINK_VETH;
	if (!veths || !(t = malloc(n * sizeof(*t))))
		return;  /* names stay empty without memory: indexes are set */
	for (size_t i = 0; i < n; i++)
		t[i] = (struct by_index){ list[i].attrs.index, i };
	qsort(t, n, sizeof(*t), cmp_index);
	for (size_t i = 0; i < n; i++) {
		struct nlhl_link *l = &list[i];

		if (l->type != NLHL_LINK_VETH || l->attrs.link_netnsid != -1 || !l->veth.peer_index)
			continue;
		key.index = l->veth.peer_index;
		if ((hit = bsearch(&key, t, n, sizeof(*t), cmp_index)))
			memcpy(l->veth.peer_name, list[hit->pos].attrs.name, NLHL_IFNAMSIZ);
	}
	free(t);
}

NLHL_API int nlhl_link_list_filtered(nlhl_handle *h, const struct nlhl_link_filter *filter,
				     struct nlhl_link **ret, size_t *ret_n)
{
	struct collect c = { .filter = filter };
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(ret, "link list");
	NLHL_CHECK_PTR(ret_n, "link list");
	if ((r = check_filter(filter, "link list")) < 0)
		return r;
	if ((r = dump_msg(filter, &msg)) < 0)
		return r;
	r = nlhl__dump(h, msg, collect_cb, collect_restart, &c);
	nlmsg_free(msg);
	if (r < 0) {
		free(c.list);
		return nlhl__fail_req(r, "link list");
	}
	if (!c.n) {
		free(c.list);
		c.list = NULL;
	} else {
		resolve_peers(c.list, c.n);
	}
	*ret = c.list;
	*ret_n = c.n;
	return 0;
}

NLHL_API int nlhl_link_list(nlhl_handle *h, struct nlhl_link **ret, size_t *ret_n)
{
	return nlhl_link_list_filtered(h, NULL, ret, ret_n);
}

NLHL_API void nlhl_link_list_free(struct nlhl_link *list, size_t n)
{
	(void)n;  /* links hold no heap memory of their own */
	free(list);
}

struct stream {
	const struct nlhl_link_filter *filter;
	nlhl_link_cb cb;
	void *arg;
	struct nlhl_link link;
};

static int stream_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct stream *s = arg;

	if (nlh->nlmsg_type != RTM_NEWLINK || nlhl__link_parse(nlh, &s->link) < 0)
		return 0;
	if (!filter_match(s->filter, &s->link))
		return 0;
	return s->cb(&s->link, s->arg);
}

NLHL_API int nlhl_link_foreach_filtered(nlhl_handle *h, const struct nlhl_link_filter *filter,
					nlhl_link_cb cb, void *arg)
{
	struct stream *s;
	struct nl_msg *msg;
	int r;

	NLHL_CHECK_PTR(cb, "link foreach");
	if ((r = check_filter(filter, "link foreach")) < 0)
		return r;
	if ((r = dump_msg(filter, &msg)) < 0)
		return r;
	/* One link buffer for the whole walk (a struct nlhl_link is ~1.5 KiB:
	 * too big to want on every caller's stack). */
	if (!(s = malloc(sizeof(*s)))) {
		nlmsg_free(msg);
		return nlhl__fail(-ENOMEM, "link foreach");
	}
	s->filter = filter;
	s->cb = cb;
	s->arg = arg;
	r = nlhl__dump(h, msg, stream_cb, NULL, s);
	nlmsg_free(msg);
	free(s);
	if (r < 0)
		return nlhl__fail_req(r, "link foreach");
	return 0;
}

NLHL_API int nlhl_link_foreach(nlhl_handle *h, nlhl_link_cb cb, void *arg)
{
	return nlhl_link_foreach_filtered(h, NULL, cb, arg);
}

struct by_alias {
	const char *alias;
	struct nlhl_link *ret;
	bool got;
};

static int alias_cb(const struct nlhl_link *link, void *arg)
{
	struct by_alias *b = arg;

	if (!b->got && !strcmp(link->attrs.alias, b->alias)) {
		*b->ret = *link;
		b->got = true;
	}
	return 0;
}

NLHL_API int nlhl_link_by_alias(nlhl_handle *h, const char *alias, struct nlhl_link *ret)
{
	struct nlhl_link *got;
	struct by_alias b;
	int r;

	NLHL_CHECK_PTR(alias, "link get by alias");
	NLHL_CHECK_PTR(ret, "link get by alias");
	if (!alias[0] || strnlen(alias, NLHL_IFALIASZ) >= NLHL_IFALIASZ)
		return nlhl__fail(-EINVAL, "link get by alias: alias must have 1 to %d bytes",
				  NLHL_IFALIASZ - 1);
	if (!(got = malloc(sizeof(*got))))
		return nlhl__fail(-ENOMEM, "link get by alias %s", alias);
	b = (struct by_alias){ .alias = alias, .ret = got };
	r = nlhl_link_foreach(h, alias_cb, &b);
	if (r == 0 && !b.got)
		r = nlhl__fail(-ENODEV, "link get by alias %s: no link has this alias", alias);
	if (r == 0)
		*ret = *got;
	free(got);
	return r;
}

/* ---------------------------------------------------------------- codec */

#include <stddef.h>

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__link_parse(nlh, obj);
}

/* RTM_DELLINK deletes, any other type creates (the flags are the op's). */
static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	(void)flags;
	return nlhl__link_msg(type == RTM_DELLINK ? NLHL__LINK_DEL : NLHL__LINK_CREATE, obj, op,
			      ret);
}

/* The name from IFLA_IFNAME, else the index: a failure text needs no
 * parsed 896-byte link. */
static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	const char *op = nlh->nlmsg_type == RTM_DELLINK ? "link del" : "link add";
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct ifinfomsg ifi = { 0 };
	const struct nlattr *name;

	nlhl__codec_hdr(nlh, &ifi, sizeof(ifi));
	nlhl__codec_attrs(nlh, sizeof(ifi), tb);
	name = tb[IFLA_IFNAME];
	if (name && nla_len(name) > 0 && *(const char *)nla_data(name))
		snprintf(buf, size, "%s %.*s", op, (int)strnlen(nla_data(name), (size_t)nla_len(name)),
			 (const char *)nla_data(name));
	else
		snprintf(buf, size, "%s #%d", op, ifi.ifi_index);
}

/* What changes all the time without the link changing. */
static const uint16_t volatile_attrs[] = { IFLA_STATS, IFLA_STATS64, IFLA_AF_SPEC,
					   IFLA_CARRIER_UP_COUNT, IFLA_CARRIER_DOWN_COUNT,
					   IFLA_CARRIER_CHANGES, IFLA_MAP, IFLA_EVENT };

/* A link is its ifindex. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	struct ifinfomsg ifi;

	nlhl__codec_hdr(nlh, &ifi, sizeof(ifi));
	if (ifi.ifi_family != AF_UNSPEC)
		return false;  /* bridge port messages: no dump lists them */
	nlhl__key_put(k, &ifi.ifi_index, sizeof(ifi.ifi_index));
	ifi.ifi_change = 0;
	*content = nlhl__content_hash(nlh, &ifi, sizeof(ifi), volatile_attrs,
				      NLHL_ARRAY_SIZE(volatile_attrs));
	return true;
}

const struct nlhl__codec nlhl__link_codec = {
	.name = "link",
	.new_type = RTM_NEWLINK, .del_type = RTM_DELLINK, .get_type = RTM_GETLINK,
	.hdrlen = sizeof(struct ifinfomsg),
	.object = NLHL_OBJ_LINK, .group_bit = NLHL_MONITOR_LINK,
	.groups = { { NLHL_MONITOR_LINK, RTNLGRP_LINK, AF_UNSPEC } },
	.obj_size = sizeof(struct nlhl_link),
	.parse = codec_parse, .build = codec_build, .describe = codec_describe,
	.key = codec_key, .key_tag = 'L', .ifindex_off = offsetof(struct ifinfomsg, ifi_index),
};
