/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness.h"
#include "harness-reliability.h"
#include "../lib/internal.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

int nlt_rel_loops(int n)
{
	const char *p = getenv("NLT_LOOP_PERCENT");
	long pct = p ? strtol(p, NULL, 10) : 100;
	long v = (long)n * pct / 100;

	return v < 1 ? 1 : (int)v;
}

static int count_cb(const struct nlmsghdr *nlh, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int zero(void *arg)
{
	*(int *)arg = 0;
	return 0;
}

static struct nl_msg *getlink_msg(int type, int flags, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct nl_msg *msg = nlmsg_alloc_simple(type, flags);

	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	return msg;
}

int nlt_rel_link_count(nlhl_handle *h, int *ret)
{
	struct nl_msg *msg = getlink_msg(RTM_GETLINK, 0, 0);
	int n = 0, r = nlhl__dump(h, msg, count_cb, zero, &n);

	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "link dump");
	*ret = n;
	return 0;
}

int nlt_rel_link_get(nlhl_handle *h, int ifindex)
{
	struct nl_msg *msg = getlink_msg(RTM_GETLINK, 0, ifindex);
	int n = 0, r = nlhl__request(h, msg, count_cb, &n);

	nlmsg_free(msg);
	if (r == 0 && n != 1)
		r = -EPROTO;
	if (r < 0)
		return nlhl__fail_req(r, "link get %d", ifindex);
	return 0;
}

int nlt_rel_addr4(nlhl_handle *h, bool add, int ifindex, uint32_t addr_be, int plen)
{
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = plen,
				 .ifa_index = ifindex };
	struct nl_msg *msg = nlmsg_alloc_simple(add ? RTM_NEWADDR : RTM_DELADDR,
						add ? NLM_F_CREATE | NLM_F_EXCL : 0);
	int r;

	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) == 0);
	ck_assert(nla_put(msg, IFA_LOCAL, 4, &addr_be) == 0);
	ck_assert(nla_put(msg, IFA_ADDRESS, 4, &addr_be) == 0);
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "addr %s", add ? "add" : "del");
	return 0;
}

static struct nl_msg *getaddr_msg(int family)
{
	struct ifaddrmsg ifa = { .ifa_family = family };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETADDR, 0);

	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) == 0);
	return msg;
}

int nlt_rel_addr_count(nlhl_handle *h, int family, int *ret)
{
	struct nl_msg *msg = getaddr_msg(family);
	int n = 0, r = nlhl__dump(h, msg, count_cb, zero, &n);

	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "addr dump");
	*ret = n;
	return 0;
}

int nlt_rel_addr_stream_count(nlhl_handle *h, int family, int *ret)
{
	struct nl_msg *msg = getaddr_msg(family);
	int n = 0, r = nlhl__dump(h, msg, count_cb, NULL, &n);

	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "addr dump (streaming)");
	*ret = n;
	return 0;
}

static int collect_cb(const struct nlmsghdr *nlh, void *arg)
{
	struct nlt_rel_addrs *a = arg;
	const struct ifaddrmsg *ifa = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1];
	struct nlt_rel_addr *e;

	if (nlh->nlmsg_type != RTM_NEWADDR ||
	    nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifa), tb, IFA_MAX, NULL) < 0)
		return -EPROTO;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		void *p = realloc(a->v, cap * sizeof(*a->v));

		if (!p)
			return -ENOMEM;
		a->v = p;
		a->cap = cap;
	}
	e = &a->v[a->n++];
	memset(e, 0, sizeof(*e));
	e->ifindex = (int)ifa->ifa_index;
	e->family = ifa->ifa_family;
	e->plen = ifa->ifa_prefixlen;
	if (tb[IFA_ADDRESS] && nla_len(tb[IFA_ADDRESS]) <= 16)
		memcpy(e->addr, nla_data(tb[IFA_ADDRESS]), nla_len(tb[IFA_ADDRESS]));
	return 0;
}

static int collect_restart(void *arg)
{
	((struct nlt_rel_addrs *)arg)->n = 0;
	return 0;
}

int nlt_rel_addr_collect(nlhl_handle *h, int family, struct nlt_rel_addrs *ret)
{
	struct nl_msg *msg = getaddr_msg(family);
	int r;

	ret->n = 0;
	r = nlhl__dump(h, msg, collect_cb, collect_restart, ret);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "addr dump");
	return 0;
}

static int addr_cmp(const void *x, const void *y)
{
	return memcmp(x, y, sizeof(struct nlt_rel_addr));
}

bool nlt_rel_addrs_unique(const struct nlt_rel_addrs *a)
{
	struct nlt_rel_addr *v = malloc((a->n ? a->n : 1) * sizeof(*v));
	bool ok = true;

	ck_assert(v);
	memcpy(v, a->v, a->n * sizeof(*v));
	qsort(v, a->n, sizeof(*v), addr_cmp);
	for (size_t i = 1; i < a->n && ok; i++)
		ok = addr_cmp(&v[i - 1], &v[i]) != 0;
	free(v);
	return ok;
}

int nlt_rel_addrs_in_range(const struct nlt_rel_addrs *a, uint32_t net_be, int plen)
{
	uint32_t mask = plen ? htonl(~0u << (32 - plen)) : 0;
	int n = 0;

	for (size_t i = 0; i < a->n; i++) {
		uint32_t v;

		if (a->v[i].family != AF_INET)
			continue;
		memcpy(&v, a->v[i].addr, 4);
		if ((v & mask) == (net_be & mask))
			n++;
	}
	return n;
}

void nlt_rel_addrs_free(struct nlt_rel_addrs *a)
{
	free(a->v);
	memset(a, 0, sizeof(*a));
}

int nlt_rel_fill_addrs(const char *dev, int n)
{
	char path[] = "/tmp/nlt-batch-XXXXXX";
	int fd = mkstemp(path), r;
	FILE *f;

	ck_assert(fd >= 0);
	f = fdopen(fd, "w");
	ck_assert(f);
	for (int i = 1; i <= n; i++)
		fprintf(f, "addr add 2001:db8:1::%x/128 dev %s nodad\n", i, dev);
	fclose(f);
	r = nlt_sh("ip -batch %s", path);
	unlink(path);
	return r == 0 ? 0 : -EIO;
}

const char *nlt_rel_output_trim(const char *fmt, ...)
{
	static char buf[4096];
	char *cmd, *out;
	va_list ap;
	size_t len;

	va_start(ap, fmt);
	ck_assert(vasprintf(&cmd, fmt, ap) >= 0);
	va_end(ap);
	out = nlt_output("%s", cmd);
	free(cmd);
	snprintf(buf, sizeof(buf), "%s", out);
	free(out);
	len = strlen(buf);
	while (len && buf[len - 1] == '\n')
		buf[--len] = '\0';
	return buf;
}

int nlt_rel_forge(int fd, uint32_t port, int type, uint32_t seq, int val)
{
	struct sockaddr_nl to = { .nl_family = AF_NETLINK, .nl_pid = port };
	uint8_t buf[256] __attribute__((aligned(4))) = { 0 };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	nlh->nlmsg_type = type;
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_flags = type == RTM_NEWLINK ? NLM_F_MULTI : 0;
	if (type == NLMSG_ERROR) {
		struct nlmsgerr *e = NLMSG_DATA(nlh);

		e->error = val;
		e->msg.nlmsg_len = NLMSG_HDRLEN;
		e->msg.nlmsg_seq = seq;
		nlh->nlmsg_len = NLMSG_LENGTH(sizeof(*e));
	} else if (type == NLMSG_DONE) {
		memcpy(NLMSG_DATA(nlh), &val, sizeof(val));
		nlh->nlmsg_len = NLMSG_LENGTH(sizeof(int));
		nlh->nlmsg_flags = NLM_F_MULTI;
	} else {
		struct ifinfomsg *ifi = NLMSG_DATA(nlh);
		struct rtattr *rta = (struct rtattr *)((uint8_t *)ifi + NLMSG_ALIGN(sizeof(*ifi)));

		ifi->ifi_index = val;
		rta->rta_type = IFLA_IFNAME;
		rta->rta_len = RTA_LENGTH(7);
		memcpy(RTA_DATA(rta), "forged", 7);
		nlh->nlmsg_len = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(*ifi)) + RTA_ALIGN(rta->rta_len));
	}
	if (sendto(fd, buf, nlh->nlmsg_len, 0, (struct sockaddr *)&to, sizeof(to)) < 0)
		return -errno;
	return 0;
}

int nlt_rel_forge_big(int fd, uint32_t port, size_t bytes)
{
	struct sockaddr_nl to = { .nl_family = AF_NETLINK, .nl_pid = port };
	size_t hdr = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct ifinfomsg)));
	uint8_t *buf = calloc(1, NLMSG_ALIGN(bytes));
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	int snd = (int)bytes * 4, r = 0;

	bytes = NLMSG_ALIGN(bytes);
	if (!buf || bytes < hdr + 64)
		return buf ? (free(buf), -EINVAL) : -ENOMEM;
	nlh->nlmsg_len = (uint32_t)bytes;
	nlh->nlmsg_type = RTM_NEWLINK;
	((struct ifinfomsg *)NLMSG_DATA(nlh))->ifi_index = 4242;
	/* attributes of at most 32 KiB (nla_len is 16 bits) */
	for (size_t off = hdr; off < bytes;) {
		struct nlattr *pad = (struct nlattr *)(buf + off);
		size_t len = bytes - off > 32768 ? 32768 : bytes - off;

		pad->nla_type = 0x7ff0;  /* unknown to every parser */
		pad->nla_len = (uint16_t)len;
		off += len;
	}
	setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd));
	if (sendto(fd, buf, bytes, 0, (struct sockaddr *)&to, sizeof(to)) < 0)
		r = -errno;
	free(buf);
	return r;
}

uint32_t nlt_rel_port(int fd)
{
	struct sockaddr_nl sa;
	socklen_t sl = sizeof(sa);

	if (getsockname(fd, (struct sockaddr *)&sa, &sl) < 0)
		return 0;
	return sa.nl_pid;
}
