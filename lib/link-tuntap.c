/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tun/tap: the kernel creates these only through /dev/net/tun (its
 * rtnetlink newlink refuses), so nlhl_link_add comes here.  The device is
 * made in the netns of the handle's socket (found with SIOCGSKNS) or in
 * attrs.netns_fd, then the common attributes are applied by RTM_NEWLINK.
 * Read back (kind "tun", IFLA_TUN_*) goes through the normal parser.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>

#include "internal-link.h"

static int tuntap_check(const struct nlhl_link *link, const char *op, bool create)
{
	const struct nlhl_tuntap *t = &link->tuntap;

	if (create && t->mode != NLHL_TUNTAP_MODE_TUN && t->mode != NLHL_TUNTAP_MODE_TAP)
		return nlhl__fail(-EINVAL, "%s %s: tuntap mode must be tun or tap", op,
				  link->attrs.name);
	if (t->queues < 0 || t->queues > NLHL_TUNTAP_MAX_QUEUES)
		return nlhl__fail(-EINVAL, "%s %s: %d queues (1..%d)", op, link->attrs.name,
				  t->queues, NLHL_TUNTAP_MAX_QUEUES);
	if (t->queues > 1 && t->multi_queue <= 0)
		return nlhl__fail(-EINVAL, "%s %s: several queues need multi_queue", op,
				  link->attrs.name);
	return 0;
}

static int tuntap_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_TUN_MAX + 1];
	struct nlhl_tuntap *t = &link->tuntap;
	uint8_t type;

	for (int i = 0; i < NLHL_TUNTAP_MAX_QUEUES; i++)
		t->fds[i] = -1;
	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_TUN_MAX, data) < 0)
		return -EBADMSG;
	type = nlhl__get_u8(tb[IFLA_TUN_TYPE]);
	t->mode = type == IFF_TUN ? NLHL_TUNTAP_MODE_TUN :
		  type == IFF_TAP ? NLHL_TUNTAP_MODE_TAP : 0;
	t->pi = nlhl__get_opt(tb[IFLA_TUN_PI]);
	t->vnet_hdr = nlhl__get_opt(tb[IFLA_TUN_VNET_HDR]);
	t->persist = nlhl__get_opt(tb[IFLA_TUN_PERSIST]);
	t->multi_queue = nlhl__get_opt(tb[IFLA_TUN_MULTI_QUEUE]);
	t->queues = (int)nlhl__get_u32(tb[IFLA_TUN_NUM_QUEUES]);
	if (tb[IFLA_TUN_OWNER]) {
		t->owner_set = true;
		t->owner = nlhl__get_u32(tb[IFLA_TUN_OWNER]);
	}
	if (tb[IFLA_TUN_GROUP]) {
		t->group_set = true;
		t->group = nlhl__get_u32(tb[IFLA_TUN_GROUP]);
	}
	return 0;
}

const struct nlhl__link_kind nlhl__kind_tuntap = {
	.type = NLHL_LINK_TUNTAP,
	.kind = "tun",
	.check = tuntap_check,
	.put = NULL,  /* nothing to change through rtnetlink */
	.parse = tuntap_parse,
};

/* Opens the queues; fds[] gets them, the name the kernel used goes to name. */
static int open_queues(struct nlhl_link *link, int *fds, int n, char *name)
{
	const struct nlhl_tuntap *t = &link->tuntap;
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = (short)((t->mode == NLHL_TUNTAP_MODE_TUN ? IFF_TUN : IFF_TAP) | IFF_TUN_EXCL);
	if (t->pi <= 0)
		ifr.ifr_flags |= IFF_NO_PI;
	if (t->vnet_hdr > 0)
		ifr.ifr_flags |= IFF_VNET_HDR;
	if (t->multi_queue > 0)
		ifr.ifr_flags |= IFF_MULTI_QUEUE;
	memcpy(ifr.ifr_name, link->attrs.name, IFNAMSIZ);
	for (int i = 0; i < n; i++) {
		fds[i] = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
		if (fds[i] < 0)
			return nlhl__fail(-errno, "link add %s: /dev/net/tun", link->attrs.name);
		/* Later queues attach to the device the first one made. */
		if (i > 0)
			ifr.ifr_flags &= (short)~IFF_TUN_EXCL;
		if (ioctl(fds[i], TUNSETIFF, &ifr) < 0) {
			int e = errno;

			if (e == EBUSY && i == 0)
				return nlhl__fail(-EEXIST, "link add %s: a link of this name exists",
						  link->attrs.name);
			return nlhl__fail(-e, "link add %s: TUNSETIFF", link->attrs.name);
		}
		if (i == 0)
			memcpy(name, ifr.ifr_name, IFNAMSIZ);
	}
	if (t->owner_set && ioctl(fds[0], TUNSETOWNER, (unsigned long)t->owner) < 0)
		return nlhl__fail(-errno, "link add %s: TUNSETOWNER", name);
	if (t->group_set && ioctl(fds[0], TUNSETGROUP, (unsigned long)t->group) < 0)
		return nlhl__fail(-errno, "link add %s: TUNSETGROUP", name);
	if (t->persist >= 0 && ioctl(fds[0], TUNSETPERSIST, 1UL) < 0)
		return nlhl__fail(-errno, "link add %s: TUNSETPERSIST", name);
	return 0;
}

static void close_queues(int *fds, int n, bool unpersist)
{
	if (unpersist && fds[0] >= 0)
		(void)ioctl(fds[0], TUNSETPERSIST, 0UL);
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

/* The common attributes RTM_NEWLINK can apply to the existing device. */
static bool has_common(const struct nlhl_link_attrs *a)
{
	return a->mtu || a->txqlen || a->hw_addr.len || a->master_index || a->alias[0] ||
	       a->group || (a->flags & (IFF_UP | IFF_PROMISC | IFF_ALLMULTI | IFF_NOARP)) ||
	       a->gso_max_size || a->gso_max_segs || a->gro_max_size;
}

int nlhl__tuntap_add(nlhl_handle *h, struct nlhl_link *link)
{
	struct nlhl_tuntap *t = &link->tuntap;
	int fds[NLHL_TUNTAP_MAX_QUEUES];
	int n = t->queues ? t->queues : 1;
	char name[IFNAMSIZ] = "";
	int nsfd = -1, saved = -1, r;
	nlhl_handle *in = h;
	struct nlhl_link got, mod;

	for (int i = 0; i < NLHL_TUNTAP_MAX_QUEUES; i++)
		fds[i] = -1;
	if (link->attrs.num_tx_queues || link->attrs.num_rx_queues)
		return nlhl__fail(-EINVAL, "link add %s: tuntap takes tuntap.queues, not "
				  "num_tx/rx_queues", link->attrs.name);
	/* Enter the netns the device belongs in (the thread comes back). */
	if (link->attrs.netns_fd) {
		nsfd = link->attrs.netns_fd;
	} else if (h && (nsfd = nlhl__handle_netns(h)) < 0) {
		return nlhl__fail(nsfd, "link add %s: netns of the handle", link->attrs.name);
	}
	if (nsfd >= 0 && (r = nlhl__netns_enter(nsfd, &saved)) < 0) {
		if (nsfd != link->attrs.netns_fd)
			close(nsfd);
		return nlhl__fail(r, "link add %s: entering the netns", link->attrs.name);
	}
	r = open_queues(link, fds, n, name);
	if (saved >= 0)
		nlhl__netns_leave(saved);
	if (nsfd >= 0 && nsfd != link->attrs.netns_fd)
		close(nsfd);
	if (r < 0) {
		close_queues(fds, n, false);
		return r;
	}

	/* Index (and the rest of the attributes) through rtnetlink. */
	if (link->attrs.netns_fd && (r = nlhl_handle_new_at(link->attrs.netns_fd, &in)) < 0)
		goto fail;
	if ((r = nlhl_link_by_name(in, name, &got)) < 0)
		goto fail;
	if (has_common(&link->attrs)) {
		mod = *link;
		mod.type = NLHL_LINK_UNSPEC;
		mod.kind[0] = 0;
		mod.attrs.netns_fd = 0;
		mod.attrs.index = got.attrs.index;
		memcpy(mod.attrs.name, name, IFNAMSIZ);
		if ((r = nlhl_link_modify(in, &mod)) < 0)
			goto fail;
	}
	if (in != h)
		nlhl_handle_free(in);
	link->attrs.index = got.attrs.index;
	if (!link->attrs.name[0])
		memcpy(link->attrs.name, name, IFNAMSIZ);
	if (t->persist >= 0) {
		close_queues(fds, n, false);
		for (int i = 0; i < NLHL_TUNTAP_MAX_QUEUES; i++)
			t->fds[i] = -1;
	} else {
		memcpy(t->fds, fds, sizeof(fds));
	}
	return 0;
fail:
	if (in != h)
		nlhl_handle_free(in);
	close_queues(fds, n, t->persist >= 0);
	return r;
}
