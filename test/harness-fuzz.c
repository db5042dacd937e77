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
#include "../lib/internal-codec.h"
#include "../lib/internal-monitor.h"
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

/* Message-to-struct parsers, one per family codec (lib/codecs.c): every
 * message of the input (its type forced to the codec's, so the fuzzer
 * spends its time on the payload) is parsed; the result is 0 or one of the
 * documented refusals, holds memory only on success (released with the
 * codec's clear; the leak checkers see the rest), and a parsed struct that
 * the builder accepts builds a message that parses again. */
static bool msg_refusal(int r)
{
	return r == -EPROTO || r == -EAFNOSUPPORT || r == -ENOMEM || r == -EINVAL ||
	       r == -EBADMSG;
}

/* tc parsers have one documented refusal. */
static bool tc_refusal(int r)
{
	return r == -EBADMSG;
}

/* What a parsed struct lacks to make a request that parses back: a link
 * named "" builds no IFLA_IFNAME (the kernel names it); addresses and tc
 * objects need their link; a bpf filter's build opens its program. */
static bool link_builds(const void *obj)
{
	return ((const struct nlhl_link *)obj)->attrs.name[0] != 0;
}

static bool addr_builds(const void *obj)
{
	return ((const struct nlhl_addr *)obj)->link_index > 0;
}

static bool qdisc_builds(const void *obj)
{
	return ((const struct nlhl_qdisc *)obj)->attrs.link_index > 0;
}

static bool class_builds(const void *obj)
{
	return ((const struct nlhl_class *)obj)->attrs.link_index > 0;
}

static bool filter_builds(const void *obj)
{
	const struct nlhl_filter *f = obj;

	return f->attrs.link_index > 0 && f->type != NLHL_FILTER_BPF;
}

/* A create request carries no ifindex (the kernel picks it), which the
 * parser rightly refuses: put the parsed one in before re-parsing. */
static void link_fixup(const void *obj, struct nl_msg *msg)
{
	((struct ifinfomsg *)nlmsg_data(nlmsg_hdr(msg)))->ifi_index =
		((const struct nlhl_link *)obj)->attrs.index;
}

/* The harness's view of a codec: which refusals are documented, and the
 * quirks of its round trip (NULL: none). */
struct msg_codec {
	const struct nlhl__codec *codec;
	bool (*refusal)(int r);
	bool (*builds)(const void *obj);
	void (*fixup)(const void *obj, struct nl_msg *msg);
};

static const struct msg_codec msg_codecs[] = {
	{ &nlhl__link_codec, msg_refusal, link_builds, link_fixup },
	{ &nlhl__neigh_codec, msg_refusal, NULL, NULL },
	{ &nlhl__route_codec, msg_refusal, NULL, NULL },
	{ &nlhl__addr_codec, msg_refusal, addr_builds, NULL },
	{ &nlhl__rule_codec, msg_refusal, NULL, NULL },
	{ &nlhl__nexthop_codec, msg_refusal, NULL, NULL },
	{ &nlhl__qdisc_codec, tc_refusal, qdisc_builds, NULL },
	{ &nlhl__class_codec, tc_refusal, class_builds, NULL },
	{ &nlhl__filter_codec, tc_refusal, filter_builds, NULL },
};

static const struct msg_codec *msg_codec(const char *name)
{
	for (size_t i = 0; i < NLHL_ARRAY_SIZE(msg_codecs); i++)
		if (!strcmp(msg_codecs[i].codec->name, name))
			return &msg_codecs[i];
	return NULL;
}

static void clear_obj(const struct nlhl__codec *c, void *obj)
{
	if (c->clear)
		c->clear(obj);
}

/* The monitor's and the batch's view of the same message: its identity
 * key, the ifindex/nsid it is about and its failure text read only what
 * the message holds (the sanitizers watch), and a key is identical when
 * computed twice (it decides what a monitor reports as changed). */
static int views(const struct nlhl__codec *c, const struct nlmsghdr *nlh)
{
	uint8_t key[NLHL_CODEC_KEY_MAX], again[NLHL_CODEC_KEY_MAX];
	uint64_t content = 0, content2 = 0;
	int ifindex, family;
	int32_t nsid;
	char what[128];
	size_t n;

	n = nlhl__mon_key(nlh, key, &content);
	if (n > sizeof(key))
		return why("%s key of %zu bytes", c->name, n);
	if (n != nlhl__mon_key(nlh, again, &content2) || memcmp(key, again, n) ||
	    content != content2)
		return why("%s key differs between two reads of one message", c->name);
	nlhl__mon_ids(nlh, &ifindex, &family, &nsid);
	if (c->describe) {
		c->describe(nlh, what, sizeof(what));
		if (!memchr(what, 0, sizeof(what)))
			return why("%s describe left no terminator", c->name);
	}
	return 0;
}

/* Parse, build, parse again; obj and back are obj_size bytes each (on the
 * heap: a filter or a link is large). */
static int roundtrip(const struct msg_codec *m, const struct nlmsghdr *nlh, void *obj,
		     void *back)
{
	const struct nlhl__codec *c = m->codec;
	struct nl_msg *msg;
	int r = views(c, nlh);

	if (r != 0)
		return r;
	r = c->parse(nlh, obj);
	if (r != 0)
		return m->refusal(r) ? 0 : why("%s parse returned %d", c->name, r);
	if ((!m->builds || m->builds(obj)) &&
	    c->build(c->new_type, NLM_F_CREATE, obj, "fuzz", &msg) == 0) {
		if (m->fixup)
			m->fixup(obj, msg);
		r = c->parse(nlmsg_hdr(msg), back);
		nlmsg_free(msg);
		if (r != 0)
			r = why("%s built from a parsed struct does not parse: %d", c->name, r);
		else
			clear_obj(c, back);
	}
	clear_obj(c, obj);
	return r;
}

/* Every message of the input through the named codecs in turn (types
 * forced to the codec's when force_type), stopping at the first broken
 * invariant. */
static int fuzz_codecs(const uint8_t *data, size_t size, const char *const *names,
		       bool force_type)
{
	void *buf = malloc(size ? size : 1), *obj = NULL, *back = NULL;
	int len = (int)size, ret = 0;

	if (!buf || size > 1 << 20)
		goto out;
	memcpy(buf, data, size);
	for (struct nlmsghdr *nlh = buf; NLMSG_OK(nlh, len) && !ret; nlh = NLMSG_NEXT(nlh, len)) {
		for (const char *const *n = names; *n && !ret; n++) {
			const struct msg_codec *m = msg_codec(*n);

			free(obj);
			free(back);
			obj = malloc(m->codec->obj_size);
			back = malloc(m->codec->obj_size);
			if (!obj || !back)
				goto out;
			if (force_type)
				nlh->nlmsg_type = m->codec->new_type;
			ret = roundtrip(m, nlh, obj, back);
		}
	}
out:
	free(obj);
	free(back);
	free(buf);
	return ret;
}

#define MSG_TARGET(fn, ...)                                             \
	static int fn(const uint8_t *data, size_t size)                 \
	{                                                               \
		static const char *const names[] = { __VA_ARGS__, NULL }; \
		return fuzz_codecs(data, size, names, true);            \
	}

MSG_TARGET(fuzz_msg_link, "link")
MSG_TARGET(fuzz_msg_neigh, "neigh")
MSG_TARGET(fuzz_msg_route, "route")
MSG_TARGET(fuzz_msg_addr, "addr")
MSG_TARGET(fuzz_msg_rule, "rule")
MSG_TARGET(fuzz_msg_nexthop, "nexthop")

/* Traffic control: each message, as it came, parsed as a qdisc, a class
 * and a filter. */
static int fuzz_msg_tc(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "qdisc", "class", "filter", NULL };

	return fuzz_codecs(data, size, names, false);
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
