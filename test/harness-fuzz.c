/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fuzz target bodies (see harness-fuzz.h).  Text parsers: whatever the
 * input, a parser either refuses it with -EINVAL, a message and its output
 * untouched, or accepts it and then the value formats and parses back to
 * itself.  Message parsers: fed arbitrary bytes laid out as netlink
 * messages, in a buffer of exactly that size so that any read past the
 * end is a sanitizer / valgrind error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "harness-fuzz.h"
#include "netlinkhl.h"
#include "../lib/internal.h"
#include "../lib/internal-addr.h"
#include "../lib/internal-link.h"
#include "../lib/internal-neigh.h"
#include "../lib/internal-nexthop.h"
#include "../lib/internal-route.h"
#include "../lib/internal-rule.h"
#include "../lib/internal-tc.h"
#include <linux/rtnetlink.h>

char nlt_fuzz_why[256];

static int why(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int why(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(nlt_fuzz_why, sizeof(nlt_fuzz_why), fmt, ap);
	va_end(ap);
	return -1;
}

/* The input as a C string (stops at an embedded NUL, as C callers would). */
static char *cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* A refusal must be -EINVAL with a message, and leave the output as it was. */
static int check_refusal(int r, const void *out, size_t out_size, const char *s)
{
	const uint8_t *p = out;

	if (r != -EINVAL)
		return why("\"%s\": returned %d, want 0 or -EINVAL", s, r);
	if (!nlhl_errmsg()[0])
		return why("\"%s\": refused without a message", s);
	for (size_t i = 0; i < out_size; i++)
		if (p[i] != 0xa5)
			return why("\"%s\": refused but wrote the output", s);
	return 0;
}

static int fuzz_parse_ip(const uint8_t *data, size_t size)
{
	char *s = cstr(data, size), buf[NLHL_IP_STRLEN];
	struct nlhl_ip ip, back;
	int r, ret = 0;

	if (!s)
		return 0;
	memset(&ip, 0xa5, sizeof(ip));
	r = nlhl_parse_ip(s, &ip);
	if (r != 0) {
		ret = check_refusal(r, &ip, sizeof(ip), s);
		goto out;
	}
	if (ip.family != AF_INET && ip.family != AF_INET6) {
		ret = why("\"%s\": accepted with family %d", s, ip.family);
		goto out;
	}
	if (nlhl_format_ip(&ip, buf, sizeof(buf)) != 0 || nlhl_parse_ip(buf, &back) != 0 ||
	    memcmp(&ip, &back, sizeof(ip)) != 0)
		ret = why("\"%s\": does not format and parse back (\"%s\")", s, buf);
out:
	free(s);
	return ret;
}

static int fuzz_parse_ipnet(const uint8_t *data, size_t size)
{
	char *s = cstr(data, size), buf[NLHL_IPNET_STRLEN];
	struct nlhl_ipnet net, back, m1, m2;
	int r, ret = 0;

	if (!s)
		return 0;
	memset(&net, 0xa5, sizeof(net));
	r = nlhl_parse_ipnet(s, &net);
	if (r != 0) {
		ret = check_refusal(r, &net, sizeof(net), s);
		goto out;
	}
	if ((net.family != AF_INET || net.prefixlen > 32) &&
	    (net.family != AF_INET6 || net.prefixlen > 128)) {
		ret = why("\"%s\": accepted as family %d /%u", s, net.family, net.prefixlen);
		goto out;
	}
	if (nlhl_format_ipnet(&net, buf, sizeof(buf)) != 0 || nlhl_parse_ipnet(buf, &back) != 0 ||
	    memcmp(&net, &back, sizeof(net)) != 0) {
		ret = why("\"%s\": does not format and parse back (\"%s\")", s, buf);
		goto out;
	}
	/* Masking is idempotent and keeps family and length. */
	if (nlhl_ipnet_mask(&net, &m1) != 0 || nlhl_ipnet_mask(&m1, &m2) != 0 ||
	    memcmp(&m1, &m2, sizeof(m1)) != 0 || m1.prefixlen != net.prefixlen ||
	    m1.family != net.family)
		ret = why("\"%s\": mask is not idempotent", s);
out:
	free(s);
	return ret;
}

static int fuzz_parse_hwaddr(const uint8_t *data, size_t size)
{
	char *s = cstr(data, size), buf[NLHL_HWADDR_STRLEN];
	struct nlhl_hwaddr hw, back, mac;
	int r, ret = 0;

	if (!s)
		return 0;
	memset(&hw, 0xa5, sizeof(hw));
	r = nlhl_parse_hwaddr(s, &hw);
	memset(&mac, 0xa5, sizeof(mac));
	if (nlhl_parse_mac(s, &mac) != r || (r == 0 && memcmp(&hw, &mac, sizeof(hw)) != 0)) {
		ret = why("\"%s\": parse_mac differs from parse_hwaddr", s);
		goto out;
	}
	if (r != 0) {
		ret = check_refusal(r, &hw, sizeof(hw), s);
		goto out;
	}
	if (hw.len < 1 || hw.len > NLHL_HWADDR_MAX) {
		ret = why("\"%s\": accepted with length %u", s, hw.len);
		goto out;
	}
	if (nlhl_format_hwaddr(&hw, buf, sizeof(buf)) != 0 || nlhl_parse_hwaddr(buf, &back) != 0 ||
	    memcmp(&hw, &back, sizeof(hw)) != 0)
		ret = why("\"%s\": does not format and parse back (\"%s\")", s, buf);
out:
	free(s);
	return ret;
}

static int fuzz_parse_addr(const uint8_t *data, size_t size)
{
	char *s = cstr(data, size), buf[NLHL_ADDR_STRLEN];
	struct nlhl_addr a, back;
	int r, ret = 0;

	if (!s)
		return 0;
	memset(&a, 0xa5, sizeof(a));
	r = nlhl_parse_addr(s, &a);
	if (r != 0) {
		ret = check_refusal(r, &a, sizeof(a), s);
		goto out;
	}
	if (strnlen(a.label, sizeof(a.label)) >= sizeof(a.label)) {
		ret = why("\"%s\": label not terminated", s);
		goto out;
	}
	if (nlhl_format_addr(&a, buf, sizeof(buf)) != 0 || nlhl_parse_addr(buf, &back) != 0 ||
	    memcmp(&a.ipnet, &back.ipnet, sizeof(a.ipnet)) != 0 || strcmp(a.label, back.label) != 0)
		ret = why("\"%s\": does not format and parse back (\"%s\")", s, buf);
out:
	free(s);
	return ret;
}

/*
 * The input as a datagram from the kernel: a heap buffer of exactly its
 * size (aligned by malloc), walked with NLMSG_OK/NLMSG_NEXT as the request
 * engine does, each message handed to fn.
 */
static int each_msg(const uint8_t *data, size_t size,
		    int (*fn)(const struct nlmsghdr *nlh))
{
	void *buf = malloc(size ? size : 1);
	int len = (int)size, ret = 0;

	if (!buf || size > 1 << 20) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	for (struct nlmsghdr *nlh = buf; NLMSG_OK(nlh, len) && !ret; nlh = NLMSG_NEXT(nlh, len))
		ret = fn(nlh);
	free(buf);
	return ret;
}

/* The ACK / NLMSG_DONE parser with its extended ACK TLVs. */
static int one_ack(const struct nlmsghdr *nlh)
{
	int r;

	nlhl__detail_clear();
	r = nlhl__parse_ack(nlh);
	if (r > 0)
		return why("parse_ack returned %d > 0 for type %u", r, nlh->nlmsg_type);
	if (strnlen(nlhl__detail(), 4096) >= 512)
		return why("detail text is not bounded");
	if (r < 0)  /* as the engine uses it */
		nlhl__fail_req(r, "fuzz");
	return 0;
}

static int fuzz_netlink_ack(const uint8_t *data, size_t size)
{
	return each_msg(data, size, one_ack);
}

/* Message-to-struct parsers: every message of the input (its type forced
 * to the parser's, so the fuzzer spends its time on the payload) is parsed;
 * the result is 0 or one of the documented errors, holds memory only on
 * success (released with the family's _clear; the leak checkers see the
 * rest), and a parsed struct that the builder accepts builds a message
 * that parses again. */
static int check_parse_result(const char *what, int r)
{
	if (r != 0 && r != -EPROTO && r != -EAFNOSUPPORT && r != -ENOMEM && r != -EINVAL &&
	    r != -EBADMSG)
		return why("%s parse returned %d", what, r);
	return 0;
}

static int reparse(const char *what, struct nl_msg *msg,
		   int (*parse)(const struct nlmsghdr *, void *), void *out)
{
	int r = parse(nlmsg_hdr(msg), out);

	nlmsg_free(msg);
	if (r != 0)
		return why("%s built from a parsed struct does not parse: %d", what, r);
	return 0;
}

static int route_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__route_parse(nlh, out);
}

static int one_route(const struct nlmsghdr *nlh)
{
	struct nlhl_route rt, back;
	struct nl_msg *msg;
	int r = nlhl__route_parse(nlh, &rt);

	if (r != 0)
		return check_parse_result("route", r);
	if (nlhl__route_build(RTM_NEWROUTE, NLM_F_CREATE, &rt, &msg) == 0) {
		r = reparse("route", msg, route_parse_v, &back);
		if (r == 0)
			nlhl_route_clear(&back);
	}
	nlhl_route_clear(&rt);
	return r;
}

static int addr_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__addr_parse(nlh, out);
}

static int one_addr(const struct nlmsghdr *nlh)
{
	struct nlhl_addr a, back;
	struct nl_msg *msg;
	int r = nlhl__addr_parse(nlh, &a);

	if (r != 0)
		return check_parse_result("addr", r);
	if (a.link_index > 0 &&
	    nlhl__addr_build(RTM_NEWADDR, NLM_F_CREATE, a.link_index, &a, &msg) == 0)
		r = reparse("addr", msg, addr_parse_v, &back);
	return r;
}

static int rule_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__rule_parse(nlh, out);
}

static int one_rule(const struct nlmsghdr *nlh)
{
	struct nlhl_rule ru, back;
	struct nl_msg *msg;
	int r = nlhl__rule_parse(nlh, &ru);

	if (r != 0)
		return check_parse_result("rule", r);
	if (nlhl__rule_build(RTM_NEWRULE, NLM_F_CREATE, &ru, &msg) == 0)
		r = reparse("rule", msg, rule_parse_v, &back);
	return r;
}

static int nexthop_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__nexthop_parse(nlh, out);
}

static int one_nexthop(const struct nlmsghdr *nlh)
{
	struct nlhl_nexthop nh, back;
	struct nl_msg *msg;
	int r = nlhl__nexthop_parse(nlh, &nh);

	if (r != 0)
		return check_parse_result("nexthop", r);
	if (nlhl__nexthop_build(RTM_NEWNEXTHOP, NLM_F_CREATE, &nh, &msg) == 0) {
		r = reparse("nexthop", msg, nexthop_parse_v, &back);
		if (r == 0)
			nlhl_nexthop_clear(&back);
	}
	nlhl_nexthop_clear(&nh);
	return r;
}

static int link_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__link_parse(nlh, out);
}

static int one_link(const struct nlmsghdr *nlh)
{
	struct nlhl_link l, back;
	struct nl_msg *msg;
	int r = nlhl__link_parse(nlh, &l);

	if (r != 0)
		return check_parse_result("link", r);
	/* A create request carries no ifindex (the kernel picks it), which
	 * the parser rightly refuses: put the parsed one in, then re-parse.
	 * An empty IFLA_IFNAME parses as name "" and builds no IFLA_IFNAME
	 * (the kernel then names the link): no round trip for those. */
	if (nlhl__link_msg(NLHL__LINK_CREATE, &l, "link add", &msg) != 0)
		return 0;
	if (!l.attrs.name[0]) {
		nlmsg_free(msg);
		return 0;
	}
	((struct ifinfomsg *)nlmsg_data(nlmsg_hdr(msg)))->ifi_index = l.attrs.index;
	return reparse("link", msg, link_parse_v, &back);
}

static int neigh_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__neigh_parse(nlh, out);
}

static int one_neigh(const struct nlmsghdr *nlh)
{
	struct nlhl_neigh n, back;
	struct nl_msg *msg;
	int r = nlhl__neigh_parse(nlh, &n);

	if (r != 0)
		return check_parse_result("neigh", r);
	if (nlhl__neigh_build(RTM_NEWNEIGH, NLM_F_CREATE, &n, &msg) == 0)
		r = reparse("neigh", msg, neigh_parse_v, &back);
	return r;
}

/* each_msg() with every message's type forced to type. */
static int each_msg_as(const uint8_t *data, size_t size, uint16_t type,
		       int (*fn)(const struct nlmsghdr *nlh))
{
	void *buf = malloc(size ? size : 1);
	int len = (int)size, ret = 0;

	if (!buf || size > 1 << 20) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	for (struct nlmsghdr *nlh = buf; NLMSG_OK(nlh, len) && !ret; nlh = NLMSG_NEXT(nlh, len)) {
		nlh->nlmsg_type = type;
		ret = fn(nlh);
	}
	free(buf);
	return ret;
}

static int fuzz_msg_link(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWLINK, one_link);
}

static int fuzz_msg_neigh(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWNEIGH, one_neigh);
}

static int fuzz_msg_route(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWROUTE, one_route);
}

static int fuzz_msg_addr(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWADDR, one_addr);
}

static int fuzz_msg_rule(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWRULE, one_rule);
}

static int fuzz_msg_nexthop(const uint8_t *data, size_t size)
{
	return each_msg_as(data, size, RTM_NEWNEXTHOP, one_nexthop);
}


/* Traffic control: each message parsed as a qdisc, a class and a filter
 * (-EBADMSG is the one documented refusal); what parses and builds again
 * must parse again. */
static int tc_check(const char *what, int r)
{
	if (r != 0 && r != -EBADMSG)
		return why("%s parse returned %d", what, r);
	return 0;
}

static int qdisc_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__qdisc_parse(nlh, out);
}

static int class_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__class_parse(nlh, out);
}

static int filter_parse_v(const struct nlmsghdr *nlh, void *out)
{
	return nlhl__filter_parse(nlh, out);
}

static int one_tc(const struct nlmsghdr *nlh)
{
	struct nlhl_qdisc q, qb;
	struct nlhl_class c, cb;
	struct nlhl_filter *f = malloc(sizeof(*f)), *fb = malloc(sizeof(*fb));
	struct nl_msg *msg;
	int r;

	if (!f || !fb) {
		free(f);
		free(fb);
		return 0;
	}
	r = nlhl__qdisc_parse(nlh, &q);
	if (r == 0 && q.attrs.link_index > 0 &&
	    nlhl__qdisc_build(&q, RTM_NEWQDISC, NLM_F_CREATE, "fuzz", &msg) == 0)
		r = reparse("qdisc", msg, qdisc_parse_v, &qb);
	else
		r = tc_check("qdisc", r);
	if (r == 0) {
		r = nlhl__class_parse(nlh, &c);
		if (r == 0 && c.attrs.link_index > 0 &&
		    nlhl__class_build(&c, RTM_NEWTCLASS, NLM_F_CREATE, "fuzz", &msg) == 0)
			r = reparse("class", msg, class_parse_v, &cb);
		else
			r = tc_check("class", r);
	}
	if (r == 0) {
		r = nlhl__filter_parse(nlh, f);
		if (r == 0 && f->attrs.link_index > 0 && f->type != NLHL_FILTER_BPF &&
		    nlhl__filter_build(f, RTM_NEWTFILTER, NLM_F_CREATE, "fuzz", &msg) == 0)
			r = reparse("filter", msg, filter_parse_v, fb);
		else
			r = tc_check("filter", r);
	}
	free(f);
	free(fb);
	return r;
}

static int fuzz_msg_tc(const uint8_t *data, size_t size)
{
	return each_msg(data, size, one_tc);
}

/* Handles: whatever parses formats back to text that parses to the same. */
static int fuzz_parse_handle(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[NLHL_HANDLE_STRLEN];
	uint32_t h = 0x5a5a5a5a, back;
	uint64_t rate;
	uint32_t v;
	int r = 0;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	if (nlhl_parse_handle(s, &h) == 0) {
		if (nlhl_format_handle(h, buf, sizeof(buf)) != 0 || nlhl_parse_handle(buf, &back) != 0 ||
		    back != h)
			r = why("handle \"%s\" -> %08x -> \"%s\" does not round-trip", s, h, buf);
	} else if (h != 0x5a5a5a5a) {
		r = why("failed parse of \"%s\" wrote its output", s);
	}
	(void)nlhl_parse_rate(s, &rate);
	(void)nlhl_parse_size(s, &v);
	(void)nlhl_parse_time(s, &v);
	free(s);
	return r;
}

const struct nlt_fuzz_target nlt_fuzz_targets[] = {
	{ "msg-link", fuzz_msg_link },
	{ "msg-neigh", fuzz_msg_neigh },
	{ "msg-route", fuzz_msg_route },
	{ "msg-addr", fuzz_msg_addr },
	{ "msg-rule", fuzz_msg_rule },
	{ "msg-nexthop", fuzz_msg_nexthop },
	{ "parse-ip", fuzz_parse_ip },
	{ "parse-ipnet", fuzz_parse_ipnet },
	{ "parse-hwaddr", fuzz_parse_hwaddr },
	{ "parse-addr", fuzz_parse_addr },
	{ "netlink-ack", fuzz_netlink_ack },
	{ "msg-tc", fuzz_msg_tc },
	{ "parse-handle", fuzz_parse_handle },
	{ NULL, NULL },
};

const struct nlt_fuzz_target *nlt_fuzz_find(const char *name)
{
	for (const struct nlt_fuzz_target *t = nlt_fuzz_targets; t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}
