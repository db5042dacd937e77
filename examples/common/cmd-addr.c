/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-addr: interface addresses, as `ip address`.  `show` prints one
 * object per link with its "addr_info" array, as `ip -j address show`.
 */
#define _GNU_SOURCE
#include "tool.h"
#include "names.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Parsed command line of add/del/replace. */
struct addr_args {
	struct nlhl_addr a;
	const char *dev;
};

static int parse_lft(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret)
{
	if (!strcmp(s, "forever")) {
		*ret = NLHL_ADDR_LFT_FOREVER;
		return TOOL_OK;
	}
	if (tool_parse_u32(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not a number of seconds or forever", kw, s);
	return TOOL_OK;
}

static int parse_change(struct tool_ctx *c, int argc, char **argv, struct addr_args *p)
{
	bool have_local = false;
	int r;

	memset(p, 0, sizeof(*p));
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			p->dev = argv[0];
		} else if (tool_matches(w, "peer") || tool_matches(w, "remote")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_ipnet(argv[0], &p->a.peer) < 0)
				return tool_syntax(c, "peer \"%s\" is not an address", argv[0]);
		} else if (tool_matches(w, "broadcast") || tool_is(w, "brd")) {
			TOOL_NEXT(c, argc, argv);
			if (!strcmp(argv[0], "+"))
				p->a.auto_broadcast = 1;
			else if (nlhl_parse_ip(argv[0], &p->a.broadcast) < 0)
				return tool_syntax(c, "broadcast \"%s\" is not an address", argv[0]);
		} else if (tool_matches(w, "label")) {
			TOOL_NEXT(c, argc, argv);
			if (strlen(argv[0]) >= sizeof(p->a.label))
				return tool_syntax(c, "label \"%s\" is too long", argv[0]);
			strcpy(p->a.label, argv[0]);
		} else if (tool_matches(w, "scope")) {
			uint32_t v;

			TOOL_NEXT(c, argc, argv);
			if (names_scope_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "scope \"%s\" is unknown", argv[0]);
			p->a.scope = v == 0 ? NLHL_SCOPE_UNIVERSE_EXPLICIT : (int)v;
		} else if (tool_matches(w, "valid_lft")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_lft(c, "valid_lft", argv[0], &p->a.valid_lft)))
				return r;
		} else if (tool_matches(w, "preferred_lft")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_lft(c, "preferred_lft", argv[0], &p->a.preferred_lft)))
				return r;
		} else if (tool_is(w, "metric") || tool_is(w, "priority")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &p->a.rt_priority) < 0)
				return tool_syntax(c, "metric \"%s\" is not a number", argv[0]);
		} else if (tool_is(w, "nodad")) {
			p->a.flags |= NLHL_IFA_F_NODAD;
		} else if (tool_is(w, "noprefixroute")) {
			p->a.flags |= NLHL_IFA_F_NOPREFIXROUTE;
		} else if (tool_is(w, "home")) {
			p->a.flags |= NLHL_IFA_F_HOMEADDRESS;
		} else if (tool_is(w, "mngtmpaddr")) {
			p->a.flags |= NLHL_IFA_F_MANAGETEMPADDR;
		} else if (tool_is(w, "autojoin")) {
			p->a.flags |= NLHL_IFA_F_MCAUTOJOIN;
		} else {
			if (tool_is(w, "local")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (have_local)
				return tool_syntax(c, "\"%s\" is unexpected (an address was given already)", w);
			if (nlhl_parse_ipnet(w, &p->a.ipnet) < 0)
				return tool_syntax(c, "\"%s\" is not an address or a keyword", w);
			have_local = true;
		}
	}
	if (!have_local)
		return tool_syntax(c, "an address is needed");
	if (!p->dev)
		return tool_syntax(c, "\"dev IFNAME\" is needed");
	if (!tool_valid_ifname(p->dev))
		return tool_syntax(c, "\"%s\" is not a valid interface name", p->dev);
	if (p->a.peer.family)
		p->a.peer.prefixlen = p->a.ipnet.prefixlen;
	if (c->family && c->family != p->a.ipnet.family)
		return tool_syntax(c, "the address is not of the family asked for with -4/-6");
	return TOOL_OK;
}

static int change(struct tool_ctx *c, int argc, char **argv, enum tool_op op)
{
	struct addr_args p;
	struct nlhl_link link;
	int r = parse_change(c, argc, argv, &p);

	if (r)
		return r;
	r = tool_dev(c, p.dev, &link);
	if (r)
		return r;
	return tool_addr(c, op, &link, &p.a);
}

static int do_add(struct tool_ctx *c, int argc, char **argv)
{
	return change(c, argc, argv, TOOL_OP_ADD);
}

static int do_replace(struct tool_ctx *c, int argc, char **argv)
{
	return change(c, argc, argv, TOOL_OP_REPLACE);
}

static int do_del(struct tool_ctx *c, int argc, char **argv)
{
	return change(c, argc, argv, TOOL_OP_DEL);
}

/* One address as ip's addr_info element. */
static json_object *addr_json(const struct nlhl_addr *a)
{
	json_object *o = json_object_new_object();
	char buf[NLHL_IPNET_STRLEN], num[16];
	struct nlhl_ip ip;
	uint32_t f = a->flags;

	tool_jstr(o, "family", a->ipnet.family == AF_INET6 ? "inet6" : "inet");
	nlhl_ipnet_ip(&a->ipnet, &ip);
	if (nlhl_format_ip(&ip, buf, sizeof(buf)) == 0)
		tool_jstr(o, "local", buf);
	if (a->peer.family) {
		nlhl_ipnet_ip(&a->peer, &ip);
		if (nlhl_format_ip(&ip, buf, sizeof(buf)) == 0)
			tool_jstr(o, "address", buf);
	}
	tool_jint(o, "prefixlen", a->ipnet.prefixlen);
	if (a->broadcast.family && nlhl_format_ip(&a->broadcast, buf, sizeof(buf)) == 0)
		tool_jstr(o, "broadcast", buf);
	tool_jstr(o, "scope", names_scope((unsigned)a->scope & 0xff, num));
	if (f & NLHL_IFA_F_SECONDARY)
		tool_jbool(o, a->ipnet.family == AF_INET6 ? "temporary" : "secondary", true);
	if (f & NLHL_IFA_F_TENTATIVE)
		tool_jbool(o, "tentative", true);
	if (f & NLHL_IFA_F_DEPRECATED)
		tool_jbool(o, "deprecated", true);
	if (f & NLHL_IFA_F_HOMEADDRESS)
		tool_jbool(o, "home", true);
	if (f & NLHL_IFA_F_NODAD)
		tool_jbool(o, "nodad", true);
	if (f & NLHL_IFA_F_MANAGETEMPADDR)
		tool_jbool(o, "mngtmpaddr", true);
	if (f & NLHL_IFA_F_NOPREFIXROUTE)
		tool_jbool(o, "noprefixroute", true);
	if (f & NLHL_IFA_F_MCAUTOJOIN)
		tool_jbool(o, "autojoin", true);
	if (!(f & NLHL_IFA_F_PERMANENT))
		tool_jbool(o, "dynamic", true);
	if (f & NLHL_IFA_F_DADFAILED)
		tool_jbool(o, "dadfailed", true);
	if (f & NLHL_IFA_F_OPTIMISTIC)
		tool_jbool(o, "optimistic", true);
	if (f & NLHL_IFA_F_STABLE_PRIVACY)
		tool_jbool(o, "stable-privacy", true);
	if (a->label[0])
		tool_jstr(o, "label", a->label);
	tool_jint(o, "valid_life_time", a->valid_lft);
	tool_jint(o, "preferred_life_time", a->preferred_lft);
	if (a->rt_priority)
		tool_jint(o, "metric", a->rt_priority);
	return o;
}

static void print_lft(const char *name, int64_t v)
{
	if (v == NLHL_ADDR_LFT_FOREVER)
		printf(" %s forever", name);
	else
		printf(" %s %llusec", name, (unsigned long long)v);
}

/* One addr_info element as ip prints it (two lines). */
static void print_addr_info(json_object *a)
{
	int64_t v = 0;

	printf("    %s %s", tool_jget_str(a, "family"), tool_jget_str(a, "local"));
	if (tool_jget_str(a, "address"))
		printf(" peer %s", tool_jget_str(a, "address"));
	tool_jget_int(a, "prefixlen", &v);
	printf("/%lld", (long long)v);
	if (tool_jget_str(a, "broadcast"))
		printf(" brd %s", tool_jget_str(a, "broadcast"));
	printf(" scope %s", tool_jget_str(a, "scope"));
	json_object_object_foreach(a, key, val) {
		if (json_object_is_type(val, json_type_boolean))
			printf(" %s", key);
	}
	if (tool_jget_str(a, "label"))
		printf(" %s", tool_jget_str(a, "label"));
	if (tool_jget_int(a, "metric", &v))
		printf(" metric %lld", (long long)v);
	printf("\n      ");
	tool_jget_int(a, "valid_life_time", &v);
	print_lft("valid_lft", v);
	tool_jget_int(a, "preferred_life_time", &v);
	print_lft("preferred_lft", v);
	printf("\n");
}

static void print_text(struct tool_ctx *c, json_object *link)
{
	json_object *infos = json_object_object_get(link, "addr_info");

	tool_link_print_text(c, link);
	for (size_t i = 0; i < json_object_array_length(infos); i++)
		print_addr_info(json_object_array_get_idx(infos, i));
}

/* An address event (nlhl-monitor): {ifindex, ifname, addr_info: [one]}. */
json_object *tool_addr_event_json(struct tool_ctx *c, const struct nlhl_addr *a)
{
	json_object *o = json_object_new_object(), *infos = json_object_new_array();
	char buf[16];

	tool_jint(o, "ifindex", a->link_index);
	tool_jstr(o, "ifname", tool_ifname(c, a->link_index, buf));
	json_object_array_add(infos, addr_json(a));
	json_object_object_add(o, "addr_info", infos);
	return o;
}

void tool_addr_event_text(struct tool_ctx *c, json_object *o)
{
	json_object *infos = json_object_object_get(o, "addr_info");
	int64_t idx = 0;

	tool_jget_int(o, "ifindex", &idx);
	printf("%lld: %s\n", (long long)idx, tool_jget_str(o, "ifname"));
	for (size_t i = 0; i < json_object_array_length(infos); i++)
		print_addr_info(json_object_array_get_idx(infos, i));
}

static int do_show(struct tool_ctx *c, int argc, char **argv)
{
	const char *dev = NULL, *label = NULL;
	struct nlhl_link link;
	struct nlhl_addr *addrs = NULL;
	size_t n = 0;
	bool up = false;
	int scope = -1;
	struct nlhl_ipnet to = { 0 };
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			dev = argv[0];
		} else if (tool_is(w, "up")) {
			up = true;
		} else if (tool_matches(w, "scope")) {
			uint32_t v;

			TOOL_NEXT(c, argc, argv);
			if (names_scope_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "scope \"%s\" is unknown", argv[0]);
			scope = (int)v;
		} else if (tool_matches(w, "label")) {
			TOOL_NEXT(c, argc, argv);
			label = argv[0];
		} else if (tool_is(w, "to")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_ipnet(argv[0], &to) < 0)
				return tool_syntax(c, "\"%s\" is not a prefix", argv[0]);
		} else if (!dev) {
			dev = w;
		} else {
			return tool_syntax(c, "\"%s\" is unexpected", w);
		}
	}
	if (dev && !tool_valid_ifname(dev))
		return tool_syntax(c, "\"%s\" is not a valid interface name", dev);
	if (dev) {
		r = tool_dev(c, dev, &link);
		if (r)
			return r;
	}
	if (nlhl_addr_list(c->h, dev ? &link : NULL, c->family, &addrs, &n) < 0)
		return tool_fail(c);
	/* One object per link, in link order, as ip. */
	if (tool_links_load(c) < 0) {
		nlhl_addr_list_free(addrs, n);
		return tool_fail(c);
	}
	for (size_t li = 0; li < c->n_links; li++) {
		const struct nlhl_link *l = &c->links[li];
		json_object *o, *infos;

		if (dev && l->attrs.index != link.attrs.index)
			continue;
		if (up && !(l->attrs.flags & 1 /* IFF_UP */))
			continue;
		infos = json_object_new_array();
		for (size_t i = 0; i < n; i++) {
			const struct nlhl_addr *a = &addrs[i];
			struct nlhl_ipnet m1, m2;

			if (a->link_index != l->attrs.index)
				continue;
			if (scope >= 0 && (a->scope & 0xff) != scope)
				continue;
			if (label && strcmp(label, a->label))
				continue;
			if (to.family) {
				struct nlhl_ipnet x = a->ipnet;

				x.prefixlen = to.prefixlen;
				nlhl_ipnet_mask(&x, &m1);
				nlhl_ipnet_mask(&to, &m2);
				if (x.family != to.family || memcmp(m1.addr, m2.addr, 16))
					continue;
			}
			json_object_array_add(infos, addr_json(a));
		}
		/* With a filter other than dev, links without a match are left out. */
		if ((scope >= 0 || label || to.family || c->family) &&
		    json_object_array_length(infos) == 0) {
			json_object_put(infos);
			continue;
		}
		o = tool_link_json(c, l);
		json_object_object_add(o, "addr_info", infos);
		tool_emit(c, o, print_text);
	}
	nlhl_addr_list_free(addrs, n);
	return TOOL_OK;
}

/* Deletes every address that show would list (at least dev is needed, as
 * ip asks). */
static int do_flush(struct tool_ctx *c, int argc, char **argv)
{
	const char *dev = NULL;
	struct nlhl_link link;
	struct nlhl_addr *addrs = NULL;
	size_t n = 0;
	int r, ret = TOOL_OK;

	for (; argc > 0; argc--, argv++) {
		if (tool_is(argv[0], "dev")) {
			TOOL_NEXT(c, argc, argv);
			dev = argv[0];
		} else if (!dev) {
			dev = argv[0];
		} else {
			return tool_syntax(c, "\"%s\" is unexpected", argv[0]);
		}
	}
	if (!dev)
		return tool_syntax(c, "flush needs \"dev IFNAME\"");
	r = tool_dev(c, dev, &link);
	if (r)
		return r;
	if (nlhl_addr_list(c->h, &link, c->family, &addrs, &n) < 0)
		return tool_fail(c);
	/* Deleting a primary IPv4 address takes its secondaries with it:
	 * those are then gone already (-EADDRNOTAVAIL), which is fine. */
	for (size_t i = 0; i < n; i++) {
		r = nlhl_addr_del(c->h, &link, &addrs[i]);
		if (r < 0 && r != -EADDRNOTAVAIL && ret == TOOL_OK)
			ret = tool_fail(c);
	}
	nlhl_addr_list_free(addrs, n);
	return ret;
}

static const struct tool_cmd addr_cmds[] = {
	{ "show", do_show, true, false },
	{ "add", do_add, false, true },
	{ "change", do_replace, false, true },
	{ "replace", do_replace, false, true },
	{ "delete", do_del, false, true },
	{ "list", do_show, true, false },
	{ "lst", do_show, true, false },
	{ "flush", do_flush, false, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_addr = {
	.name = "address",
	.usage = "  add | change | replace IFADDR dev IFNAME [peer PREFIX] [broadcast ADDR|+]\n"
		 "        [label IFNAME:LABEL] [scope SCOPE] [valid_lft LFT] [preferred_lft LFT]\n"
		 "        [metric N] [nodad] [noprefixroute] [home] [mngtmpaddr] [autojoin]\n"
		 "  delete IFADDR dev IFNAME\n"
		 "  show [[dev] IFNAME] [up] [scope SCOPE] [label LABEL] [to PREFIX]\n"
		 "  flush [dev] IFNAME\n"
		 "IFADDR := ADDR[/PLEN]   SCOPE := global | site | link | host | NUMBER\n"
		 "LFT := forever | SECONDS",
	.cmds = addr_cmds,
};
