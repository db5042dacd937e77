/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The benchmark's reference: a minimal raw rtnetlink client, as one would
 * write it with libmnl: messages built by hand into a buffer, one socket,
 * no parsing beyond counting.  Two ways to send: one request then wait for
 * its ACK, and pipelined (many requests per send(), ACK asked of the last
 * one only; the kernel still answers each failure).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

#include "bench.h"

#define BUF_SIZE (1 << 20)
static uint8_t rbuf[BUF_SIZE];

int raw_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int rcv = 8 << 20, snd = 4 << 20, one = 1;

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("raw socket: %m");
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return fd;
}

/* ------------------------------------------------------------ building */

struct mb {
	uint8_t *p;
	size_t len;
};

static struct nlmsghdr *put_hdr(struct mb *b, uint16_t type, uint16_t flags, uint32_t seq,
				const void *hdr, size_t hlen)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)(b->p + b->len);

	memset(nlh, 0, NLMSG_SPACE(hlen));
	nlh->nlmsg_len = NLMSG_LENGTH(hlen);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	memcpy(NLMSG_DATA(nlh), hdr, hlen);
	return nlh;
}

static void put_attr(struct nlmsghdr *nlh, uint16_t type, const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)((uint8_t *)nlh + NLMSG_ALIGN(nlh->nlmsg_len));

	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

static struct rtattr *nest_start(struct nlmsghdr *nlh, uint16_t type)
{
	struct rtattr *a = (struct rtattr *)((uint8_t *)nlh + NLMSG_ALIGN(nlh->nlmsg_len));

	a->rta_type = type;
	a->rta_len = RTA_LENGTH(0);
	nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + a->rta_len;
	return a;
}

static void nest_end(struct nlmsghdr *nlh, struct rtattr *a)
{
	a->rta_len = (unsigned short)((uint8_t *)nlh + nlh->nlmsg_len - (uint8_t *)a);
}

static void finish(struct mb *b, struct nlmsghdr *nlh)
{
	b->len += NLMSG_ALIGN(nlh->nlmsg_len);
}

/* Route i: 10.0.0.0 + i /32, scope link, dev oif (what `ip route add
 * 10.x.y.z/32 dev D` sends). */
static void route_msg(struct mb *b, int type, uint16_t flags, uint32_t seq, uint32_t i, int oif)
{
	struct rtmsg rtm = { .rtm_family = AF_INET, .rtm_dst_len = 32, .rtm_table = RT_TABLE_MAIN };
	uint32_t dst = htonl(bench_route_addr(i));
	struct nlmsghdr *nlh;

	if (type == RTM_NEWROUTE) {
		rtm.rtm_protocol = RTPROT_BOOT;
		rtm.rtm_scope = RT_SCOPE_LINK;
		rtm.rtm_type = RTN_UNICAST;
		flags |= NLM_F_CREATE | NLM_F_EXCL;
	} else {
		rtm.rtm_scope = RT_SCOPE_NOWHERE;
	}
	nlh = put_hdr(b, (uint16_t)type, flags, seq, &rtm, sizeof(rtm));
	put_attr(nlh, RTA_DST, &dst, 4);
	put_attr(nlh, RTA_OIF, &oif, 4);
	finish(b, nlh);
}

static void addr_msg(struct mb *b, uint16_t flags, uint32_t seq, uint32_t i, int ifindex)
{
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = 32,
				 .ifa_index = (uint32_t)ifindex };
	uint32_t a = htonl(bench_route_addr(i));
	struct nlmsghdr *nlh = put_hdr(b, RTM_NEWADDR, flags | NLM_F_CREATE | NLM_F_EXCL, seq,
				       &ifa, sizeof(ifa));

	put_attr(nlh, IFA_LOCAL, &a, 4);
	put_attr(nlh, IFA_ADDRESS, &a, 4);
	finish(b, nlh);
}

/* ------------------------------------------------------------ I/O */

static void xsend(int fd, const void *p, size_t len)
{
	if (send(fd, p, len, 0) != (ssize_t)len)
		die("raw send: %m");
}

/* Reads answers until the ACK/error of seq last; counts errors. */
static int wait_ack(int fd, uint32_t last)
{
	int errors = 0;

	for (;;) {
		ssize_t n = recv(fd, rbuf, sizeof(rbuf), 0);
		int len = (int)n;

		if (n < 0)
			die("raw recv: %m");
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)rbuf; NLMSG_OK(nlh, len);
		     nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			if (((struct nlmsgerr *)NLMSG_DATA(nlh))->error)
				errors++;
			if (nlh->nlmsg_seq == last)
				return errors;
		}
	}
}

int raw_route_1by1(int fd, int type, uint32_t first, uint32_t n, int oif)
{
	uint8_t buf[256];
	int errors = 0;

	for (uint32_t i = 0; i < n; i++) {
		struct mb b = { buf, 0 };

		route_msg(&b, type, NLM_F_REQUEST | NLM_F_ACK, i + 1, first + i, oif);
		xsend(fd, buf, b.len);
		errors += wait_ack(fd, i + 1);
	}
	return errors;
}

#define PIPE_BYTES (256 * 1024)

int raw_route_pipelined(int fd, int type, uint32_t first, uint32_t n, int oif)
{
	static uint8_t buf[PIPE_BYTES + 256];
	int errors = 0;

	for (uint32_t i = 0; i < n;) {
		struct mb b = { buf, 0 };
		struct nlmsghdr *last = NULL;

		while (i < n && b.len < PIPE_BYTES) {
			last = (struct nlmsghdr *)(buf + b.len);
			route_msg(&b, type, NLM_F_REQUEST, i + 1, first + i, oif);
			i++;
		}
		last->nlmsg_flags |= NLM_F_ACK;
		xsend(fd, buf, b.len);
		errors += wait_ack(fd, last->nlmsg_seq);
	}
	return errors;
}

int raw_addr_1by1(int fd, uint32_t n, int ifindex)
{
	uint8_t buf[256];
	int errors = 0;

	for (uint32_t i = 0; i < n; i++) {
		struct mb b = { buf, 0 };

		addr_msg(&b, NLM_F_REQUEST | NLM_F_ACK, i + 1, i, ifindex);
		xsend(fd, buf, b.len);
		errors += wait_ack(fd, i + 1);
	}
	return errors;
}

int raw_veth_add(int fd, const char *name, const char *peer)
{
	uint8_t buf[512];
	struct mb b = { buf, 0 };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlmsghdr *nlh = put_hdr(&b, RTM_NEWLINK,
				       NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1,
				       &ifi, sizeof(ifi));
	struct rtattr *li, *data, *pi;

	put_attr(nlh, IFLA_IFNAME, name, strlen(name) + 1);
	li = nest_start(nlh, IFLA_LINKINFO);
	put_attr(nlh, IFLA_INFO_KIND, "veth", 5);
	data = nest_start(nlh, IFLA_INFO_DATA);
	pi = nest_start(nlh, VETH_INFO_PEER);
	memset((uint8_t *)nlh + nlh->nlmsg_len, 0, sizeof(ifi));
	nlh->nlmsg_len += NLMSG_ALIGN(sizeof(ifi));
	put_attr(nlh, IFLA_IFNAME, peer, strlen(peer) + 1);
	nest_end(nlh, pi);
	nest_end(nlh, data);
	nest_end(nlh, li);
	finish(&b, nlh);
	xsend(fd, buf, b.len);
	return wait_ack(fd, 1);
}

int raw_link_del(int fd, const char *name)
{
	uint8_t buf[256];
	struct mb b = { buf, 0 };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlmsghdr *nlh = put_hdr(&b, RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, 2, &ifi,
				       sizeof(ifi));

	put_attr(nlh, IFLA_IFNAME, name, strlen(name) + 1);
	finish(&b, nlh);
	xsend(fd, buf, b.len);
	return wait_ack(fd, 2);
}

/* RTM_GETLINK by name: the link's index, or -1. */
int raw_link_by_name(int fd, const char *name)
{
	uint8_t buf[256];
	struct mb b = { buf, 0 };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlmsghdr *nlh = put_hdr(&b, RTM_GETLINK, NLM_F_REQUEST, 3, &ifi, sizeof(ifi));
	uint32_t mask = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;
	ssize_t n;

	put_attr(nlh, IFLA_IFNAME, name, strlen(name) + 1);
	put_attr(nlh, IFLA_EXT_MASK, &mask, 4);
	finish(&b, nlh);
	xsend(fd, buf, b.len);
	n = recv(fd, rbuf, sizeof(rbuf), 0);
	nlh = (struct nlmsghdr *)rbuf;
	if (n < (ssize_t)NLMSG_LENGTH(sizeof(ifi)) || nlh->nlmsg_type != RTM_NEWLINK)
		return -1;
	return ((struct ifinfomsg *)NLMSG_DATA(nlh))->ifi_index;
}

/* A dump of type with header hdr; the number of objects. */
static long raw_dump(int fd, uint16_t type, const void *hdr, size_t hlen)
{
	uint8_t buf[128];
	struct mb b = { buf, 0 };
	struct nlmsghdr *nlh = put_hdr(&b, type, NLM_F_REQUEST | NLM_F_DUMP, 4, hdr, hlen);
	long count = 0;

	finish(&b, nlh);
	xsend(fd, buf, b.len);
	for (;;) {
		ssize_t n = recv(fd, rbuf, sizeof(rbuf), 0);
		int len = (int)n;

		if (n < 0)
			die("raw dump: %m");
		for (nlh = (struct nlmsghdr *)rbuf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR)
				return count;
			count++;
		}
	}
}

long raw_route_dump(int fd)
{
	struct rtmsg rtm = { .rtm_family = AF_INET };

	return raw_dump(fd, RTM_GETROUTE, &rtm, sizeof(rtm));
}

long raw_link_dump(int fd)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };

	return raw_dump(fd, RTM_GETLINK, &ifi, sizeof(ifi));
}
