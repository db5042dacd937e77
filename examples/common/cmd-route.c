/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-route: routes, as `ip route` (IPv4 unless -6 or an IPv6 prefix, as
 * ip).  JSON objects carry ip's fields: type, dst, gateway, dev, table,
 * protocol, scope, prefsrc, metric, flags, nexthops, metrics, pref.
 */
#define _GNU_SOURCE
#include "tool.h"
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define MAX_NEXTHOPS 64

struct route_args {
	struct nlhl_route r;
	struct nlhl_nexthop_info nh[MAX_NEXTHOPS];
	const char *dev;
	const char *nh_dev[MAX_NEXTHOPS];
	bool have_dst;
};

static int parse_addr_any(struct tool_ctx *c, const char *kw, const char *s, struct nlhl_ip *ret)
{
	if (!strcmp(s, "inet") || !strcmp(s, "inet6"))
		return tool_syntax(c, "%s: give the address without a family word", kw);
	if (nlhl_parse_ip(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not an address", kw, s);
	return TOOL_OK;
}

/* "nexthop via ADDR dev IFNAME weight N onlink" ... up to the next
 * "nexthop" word. */
static int parse_nexthop(struct tool_ctx *c, int *argcp, char ***argvp, struct route_args *p)
{
	int argc = *argcp;
	char **argv = *argvp;
	struct nlhl_nexthop_info *nh;
	int r;

	if (p->r.n_multipath >= MAX_NEXTHOPS)
		return tool_syntax(c, "too many nexthops (at most %d)", MAX_NEXTHOPS);
	nh = &p->nh[p->r.n_multipath];
	while (argc > 1 && strcmp(argv[1], "nexthop")) {
		argc--;
		argv++;
		if (tool_is(argv[0], "via")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_addr_any(c, "via", argv[0], &nh->gw)))
				return r;
		} else if (tool_is(argv[0], "dev")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			p->nh_dev[p->r.n_multipath] = argv[0];
		} else if (tool_matches(argv[0], "weight")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 1, 256, &nh->weight) < 0)
				return tool_syntax(c, "weight \"%s\" is not 1..256", argv[0]);
		} else if (tool_is(argv[0], "onlink")) {
			nh->flags |= NLHL_RTNH_F_ONLINK;
		} else {
			return tool_syntax(c, "\"%s\" is unexpected in a nexthop", argv[0]);
		}
	}
	if (!nh->gw.family && !p->nh_dev[p->r.n_multipath])
		return tool_syntax(c, "a nexthop needs \"via ADDR\" or \"dev IFNAME\"");
	p->r.n_multipath++;
	*argcp = argc;
	*argvp = argv;
	return TOOL_OK;
}

static int parse_u32_kw(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret)
{
	if (tool_parse_u32(s, ret) < 0)
		return tool_syntax(c, "%s \"%s\" is not a number", kw, s);
	return TOOL_OK;
}

static int parse_route(struct tool_ctx *c, int argc, char **argv, struct route_args *p)
{
	uint32_t v;
	int r;

	memset(p, 0, sizeof(*p));
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "via")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_addr_any(c, "via", argv[0], &p->r.gw)))
				return r;
		} else if (tool_is(w, "dev") || tool_is(w, "oif")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			p->dev = argv[0];
		} else if (tool_is(w, "src")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_addr_any(c, "src", argv[0], &p->r.src)))
				return r;
		} else if (tool_is(w, "from")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_ipnet(argv[0], &p->r.src_net) < 0)
				return tool_syntax(c, "from \"%s\" is not a prefix", argv[0]);
		} else if (tool_matches(w, "table")) {
			TOOL_NEXT(c, argc, argv);
			if (names_table_parse(argv[0], &p->r.table) < 0)
				return tool_syntax(c, "table \"%s\" is unknown", argv[0]);
		} else if (tool_is(w, "metric") || tool_matches(w, "priority") ||
			   tool_is(w, "preference")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "metric", argv[0], &p->r.priority)))
				return r;
		} else if (tool_matches(w, "protocol")) {
			TOOL_NEXT(c, argc, argv);
			if (names_proto_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "protocol \"%s\" is unknown", argv[0]);
			p->r.protocol = (int)v;
		} else if (tool_matches(w, "scope")) {
			TOOL_NEXT(c, argc, argv);
			if (names_scope_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "scope \"%s\" is unknown", argv[0]);
			p->r.scope = v == 0 ? NLHL_SCOPE_UNIVERSE_EXPLICIT : (int)v;
		} else if (tool_is(w, "tos") || tool_is(w, "dsfield")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 0, 255, &p->r.tos) < 0)
				return tool_syntax(c, "tos \"%s\" is not 0..255", argv[0]);
		} else if (tool_is(w, "realm") || tool_is(w, "realms")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "realm", argv[0], &p->r.realm)))
				return r;
		} else if (tool_is(w, "nhid")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "nhid", argv[0], &p->r.nh_id)))
				return r;
		} else if (tool_is(w, "mtu")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_is(argv[0], "lock")) {
				TOOL_NEXT(c, argc, argv);
				p->r.metrics.lock |= 1u << NLHL_RTAX_MTU;
			}
			if ((r = parse_u32_kw(c, "mtu", argv[0], &p->r.metrics.mtu)))
				return r;
		} else if (tool_is(w, "advmss")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "advmss", argv[0], &p->r.metrics.advmss)))
				return r;
		} else if (tool_is(w, "hoplimit")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "hoplimit", argv[0], &p->r.metrics.hoplimit)))
				return r;
		} else if (tool_is(w, "initcwnd")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "initcwnd", argv[0], &p->r.metrics.initcwnd)))
				return r;
		} else if (tool_is(w, "congctl")) {
			TOOL_NEXT(c, argc, argv);
			if (strlen(argv[0]) >= sizeof(p->r.metrics.congctl))
				return tool_syntax(c, "congctl \"%s\" is too long", argv[0]);
			strcpy(p->r.metrics.congctl, argv[0]);
		} else if (tool_is(w, "onlink")) {
			p->r.flags |= NLHL_RTNH_F_ONLINK;
		} else if (tool_is(w, "pref")) {
			TOOL_NEXT(c, argc, argv);
			if (!strcmp(argv[0], "low"))
				p->r.pref = NLHL_ROUTE_PREF_LOW;
			else if (!strcmp(argv[0], "medium"))
				p->r.pref = NLHL_ROUTE_PREF_MEDIUM;
			else if (!strcmp(argv[0], "high"))
				p->r.pref = NLHL_ROUTE_PREF_HIGH;
			else
				return tool_syntax(c, "pref \"%s\" is not low, medium or high", argv[0]);
		} else if (tool_is(w, "nexthop")) {
			if ((r = parse_nexthop(c, &argc, &argv, p)))
				return r;
		} else {
			if (tool_is(w, "to")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (!p->have_dst && !p->r.type && names_rtype_parse(w, &v) == 0 &&
			    !strchr(w, '.') && !strchr(w, ':') && argc > 1) {
				p->r.type = (int)v;  /* "blackhole 10.0.0.0/8" */
				continue;
			}
			if (p->have_dst)
				return tool_syntax(c, "\"%s\" is unexpected (the prefix was given already)", w);
			if (!strcmp(w, "default") || !strcmp(w, "all") || !strcmp(w, "any")) {
				p->r.family = c->family;
			} else if (nlhl_parse_ipnet(w, &p->r.dst) < 0) {
				return tool_syntax(c, "\"%s\" is not a prefix or a keyword", w);
			}
			p->have_dst = true;
		}
	}
	if (!p->have_dst)
		return tool_syntax(c, "a PREFIX (or default) is needed");
	if (p->r.n_multipath && (p->r.gw.family || p->dev))
		return tool_syntax(c, "give via/dev either in nexthops or for the route");
	if (!p->r.family)
		p->r.family = p->r.dst.family ? p->r.dst.family :
			      p->r.gw.family ? p->r.gw.family :
			      p->r.n_multipath && p->nh[0].gw.family ? p->nh[0].gw.family :
			      c->family ? c->family : AF_INET;
	if (c->family && p->r.family != c->family)
		return tool_syntax(c, "the route is not of the family asked for with -4/-6");
	return TOOL_OK;
}

/* Turns device names into indexes (after the whole line parsed). */
static int resolve(struct tool_ctx *c, struct route_args *p)
{
	int ifi;
	int r;

	if (p->dev) {
		if ((r = tool_ifindex(c, p->dev, &ifi)))
			return r;
		p->r.link_index = ifi;
	}
	for (size_t i = 0; i < p->r.n_multipath; i++) {
		if (!p->nh_dev[i])
			continue;
		if ((r = tool_ifindex(c, p->nh_dev[i], &ifi)))
			return r;
		p->nh[i].link_index = ifi;
	}
	if (p->r.n_multipath)
		p->r.multipath = p->nh;
	return TOOL_OK;
}

static int change(struct tool_ctx *c, int argc, char **argv, enum tool_op op)
{
	struct route_args *p = calloc(1, sizeof(*p));
	int r;

	if (!p)
		return tool_error(c, "out of memory");
	r = parse_route(c, argc, argv, p);
	if (!r)
		r = resolve(c, p);
	if (!r)
		r = tool_route(c, op, &p->r);
	free(p);
	return r;
}

static int do_add(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, TOOL_OP_ADD); }
static int do_append(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, TOOL_OP_APPEND); }
static int do_replace(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, TOOL_OP_REPLACE); }
static int do_del(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, TOOL_OP_DEL); }

static json_object *flags_json(uint32_t flags)
{
	json_object *a = json_object_new_array();

	if (flags & NLHL_RTNH_F_DEAD)
		json_object_array_add(a, json_object_new_string("dead"));
	if (flags & NLHL_RTNH_F_ONLINK)
		json_object_array_add(a, json_object_new_string("onlink"));
	if (flags & NLHL_RTNH_F_PERVASIVE)
		json_object_array_add(a, json_object_new_string("pervasive"));
	if (flags & NLHL_RTNH_F_OFFLOAD)
		json_object_array_add(a, json_object_new_string("offload"));
	if (flags & NLHL_RTNH_F_LINKDOWN)
		json_object_array_add(a, json_object_new_string("linkdown"));
	if (flags & NLHL_RTNH_F_UNRESOLVED)
		json_object_array_add(a, json_object_new_string("unresolved"));
	return a;
}

static void jip(json_object *o, const char *key, const struct nlhl_ip *ip)
{
	char buf[NLHL_IP_STRLEN];

	if (ip->family && nlhl_format_ip(ip, buf, sizeof(buf)) == 0)
		tool_jstr(o, key, buf);
}

/* ip prints a host prefix without its length. */
static void jnet(json_object *o, const char *key, const struct nlhl_ipnet *n)
{
	char buf[NLHL_IPNET_STRLEN];
	int host = n->family == AF_INET6 ? 128 : 32;

	if (n->prefixlen == host) {
		struct nlhl_ip ip;

		nlhl_ipnet_ip(n, &ip);
		jip(o, key, &ip);
	} else if (nlhl_format_ipnet(n, buf, sizeof(buf)) == 0) {
		tool_jstr(o, key, buf);
	}
}

/* The gateway, as "gateway" when of the route's family, else as ip's
 * "via": {"family", "host"}. */
static void jgw(json_object *o, int family, const struct nlhl_ip *gw)
{
	if (!gw->family)
		return;
	if (gw->family == family) {
		jip(o, "gateway", gw);
	} else {
		json_object *via = json_object_new_object();

		tool_jstr(via, "family", gw->family == AF_INET6 ? "inet6" : "inet");
		jip(via, "host", gw);
		json_object_object_add(o, "via", via);
	}
}

/*
 * ip's JSON object of a route.  As ip, a listing leaves out what its
 * filter fixes: hide holds NLHL_RT_FILTER_* bits (dev, protocol, scope,
 * gateway, metric, tos), and the table is named only in a listing of all
 * tables (for tables other than main, or with -d).
 */
static json_object *route_json(struct tool_ctx *c, const struct nlhl_route *rt, uint32_t hide,
			       bool all_tables)
{
	json_object *o = json_object_new_object();
	char buf[16];

	if ((rt->type && rt->type != NLHL_RTN_UNICAST) || c->details)
		tool_jstr(o, "type", names_rtype(rt->type ? (unsigned)rt->type : 1, buf));
	if (rt->dst.family)
		jnet(o, "dst", &rt->dst);
	else
		tool_jstr(o, "dst", "default");
	if (rt->src_net.family)
		jnet(o, "from", &rt->src_net);
	if (rt->tos && !(hide & NLHL_RT_FILTER_TOS)) {
		snprintf(buf, sizeof(buf), "0x%x", (unsigned)rt->tos);
		tool_jstr(o, "tos", buf);
	}
	if (rt->nh_id)
		tool_jint(o, "nhid", rt->nh_id);
	if (!(hide & NLHL_RT_FILTER_GW))
		jgw(o, rt->family, &rt->gw);
	if (rt->link_index && !(hide & NLHL_RT_FILTER_OIF))
		tool_jstr(o, "dev", tool_ifname(c, rt->link_index, buf));
	if (all_tables && ((rt->table != NLHL_RT_TABLE_MAIN && rt->table) || c->details))
		tool_jstr(o, "table", names_table(rt->table, buf));
	if ((rt->protocol != NLHL_RTPROT_BOOT || c->details) && !(hide & NLHL_RT_FILTER_PROTOCOL))
		tool_jstr(o, "protocol", names_proto((unsigned)rt->protocol, buf));
	if ((rt->scope || c->details) && !(hide & NLHL_RT_FILTER_SCOPE))
		tool_jstr(o, "scope", names_scope((unsigned)rt->scope & 0xff, buf));
	jip(o, "prefsrc", &rt->src);
	/* The kernel always reports an IPv6 route's metric, an IPv4 one's
	 * only when set; ip prints what it gets. */
	if ((rt->priority || rt->family == AF_INET6) && !(hide & NLHL_RT_FILTER_PRIORITY))
		tool_jint(o, "metric", rt->priority);
	json_object_object_add(o, "flags", flags_json(rt->flags));
	if (rt->metrics.mtu || rt->metrics.advmss || rt->metrics.hoplimit ||
	    rt->metrics.initcwnd || rt->metrics.congctl[0]) {
		json_object *ms = json_object_new_array(), *m = json_object_new_object();

		if (rt->metrics.mtu)
			tool_jint(m, "mtu", rt->metrics.mtu);
		if (rt->metrics.advmss)
			tool_jint(m, "advmss", rt->metrics.advmss);
		if (rt->metrics.hoplimit)
			tool_jint(m, "hoplimit", rt->metrics.hoplimit);
		if (rt->metrics.initcwnd)
			tool_jint(m, "initcwnd", rt->metrics.initcwnd);
		if (rt->metrics.congctl[0])
			tool_jstr(m, "congctl", rt->metrics.congctl);
		json_object_array_add(ms, m);
		json_object_object_add(o, "metrics", ms);
	}
	if (rt->family == AF_INET6 && !rt->n_multipath)
		tool_jstr(o, "pref", rt->pref == NLHL_ROUTE_PREF_LOW ? "low" :
				     rt->pref == NLHL_ROUTE_PREF_HIGH ? "high" : "medium");
	if (rt->n_multipath) {
		json_object *nhs = json_object_new_array();

		for (size_t i = 0; i < rt->n_multipath; i++) {
			const struct nlhl_nexthop_info *nh = &rt->multipath[i];
			json_object *j = json_object_new_object();

			jgw(j, rt->family, &nh->gw);
			if (nh->link_index)
				tool_jstr(j, "dev", tool_ifname(c, nh->link_index, buf));
			tool_jint(j, "weight", nh->weight ? nh->weight : 1);
			json_object_object_add(j, "flags", flags_json(nh->flags));
			json_object_array_add(nhs, j);
		}
		json_object_object_add(o, "nexthops", nhs);
	}
	return o;
}

void tool_route_print_text(struct tool_ctx *c, json_object *o)
{
	static const char *const words[][2] = {
		{ "from", "from" }, { "tos", "tos" }, { "nhid", "nhid" },
		{ "gateway", "via" }, { "dev", "dev" }, { "table", "table" },
		{ "protocol", "proto" }, { "scope", "scope" }, { "prefsrc", "src" },
		{ "metric", "metric" },
	};
	json_object *v;
	char buf[256];

	if (tool_jget_str(o, "type"))
		printf("%s ", tool_jget_str(o, "type"));
	printf("%s", tool_jget_str(o, "dst"));
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (json_object_object_get_ex(o, words[i][0], &v))
			printf(" %s %s", words[i][1], json_object_get_string(v));
	if (json_object_object_get_ex(o, "via", &v))
		printf(" via %s %s", tool_jget_str(v, "family"), tool_jget_str(v, "host"));
	if (json_object_object_get_ex(o, "flags", &v) && json_object_array_length(v))
		printf(" %s", names_join(v, " ", buf, sizeof(buf)));
	if (json_object_object_get_ex(o, "metrics", &v)) {
		json_object_object_foreach(json_object_array_get_idx(v, 0), k, mv)
			printf(" %s %s", k, json_object_get_string(mv));
	}
	if (tool_jget_str(o, "pref"))
		printf(" pref %s", tool_jget_str(o, "pref"));
	if (json_object_object_get_ex(o, "nexthops", &v)) {
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			json_object *nh = json_object_array_get_idx(v, i), *x;

			printf("\n\tnexthop");
			if (tool_jget_str(nh, "gateway"))
				printf(" via %s", tool_jget_str(nh, "gateway"));
			if (json_object_object_get_ex(nh, "via", &x))
				printf(" via %s %s", tool_jget_str(x, "family"), tool_jget_str(x, "host"));
			if (tool_jget_str(nh, "dev"))
				printf(" dev %s", tool_jget_str(nh, "dev"));
			if (json_object_object_get_ex(nh, "weight", &x))
				printf(" weight %s", json_object_get_string(x));
			if (json_object_object_get_ex(nh, "flags", &x) && json_object_array_length(x))
				printf(" %s", names_join(x, " ", buf, sizeof(buf)));
		}
	}
	printf("\n");
}

struct show_ctx {
	struct tool_ctx *c;
	uint32_t mask;
	bool all_tables;
};

/* Streams: a table of any size is printed without being held. */
static int show_one(const struct nlhl_route *rt, void *arg)
{
	struct show_ctx *s = arg;

	/* ip's dev filter is the kernel's: routes without an output device
	 * (multipath) do not match it, though the library's filter would. */
	if ((s->mask & NLHL_RT_FILTER_OIF) && rt->n_multipath)
		return 0;
	tool_emit(s->c, route_json(s->c, rt, s->mask, s->all_tables), tool_route_print_text);
	return 0;
}

/* Parses show/flush filters into a filter route and mask. */
static int parse_filter(struct tool_ctx *c, int argc, char **argv, struct nlhl_route *f,
			uint32_t *mask, bool *all_tables)
{
	int ifi;
	uint32_t v;
	int r;

	memset(f, 0, sizeof(*f));
	*mask = 0;
	*all_tables = false;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_matches(w, "table")) {
			TOOL_NEXT(c, argc, argv);
			if (names_table_parse(argv[0], &f->table) < 0)
				return tool_syntax(c, "table \"%s\" is unknown", argv[0]);
			*mask |= NLHL_RT_FILTER_TABLE;
			*all_tables = f->table == 0;
		} else if (tool_is(w, "dev") || tool_is(w, "oif")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tool_ifindex(c, argv[0], &ifi)))
				return r;
			f->link_index = ifi;
			*mask |= NLHL_RT_FILTER_OIF;
		} else if (tool_matches(w, "protocol")) {
			TOOL_NEXT(c, argc, argv);
			if (names_proto_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "protocol \"%s\" is unknown", argv[0]);
			f->protocol = (int)v;
			*mask |= NLHL_RT_FILTER_PROTOCOL;
		} else if (tool_matches(w, "scope")) {
			TOOL_NEXT(c, argc, argv);
			if (names_scope_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "scope \"%s\" is unknown", argv[0]);
			f->scope = (int)v;
			*mask |= NLHL_RT_FILTER_SCOPE;
		} else if (tool_matches(w, "type")) {
			TOOL_NEXT(c, argc, argv);
			if (names_rtype_parse(argv[0], &v) < 0)
				return tool_syntax(c, "type \"%s\" is unknown", argv[0]);
			f->type = (int)v;
			*mask |= NLHL_RT_FILTER_TYPE;
		} else if (tool_is(w, "via")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_addr_any(c, "via", argv[0], &f->gw)))
				return r;
			*mask |= NLHL_RT_FILTER_GW;
		} else if (tool_is(w, "metric") || tool_matches(w, "priority")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "metric", argv[0], &f->priority)))
				return r;
			*mask |= NLHL_RT_FILTER_PRIORITY;
		} else {
			if (tool_is(w, "exact") || tool_is(w, "to")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (*mask & NLHL_RT_FILTER_DST)
				return tool_syntax(c, "\"%s\" is unexpected", w);
			if (!strcmp(w, "default")) {
				memset(&f->dst, 0, sizeof(f->dst));
			} else if (nlhl_parse_ipnet(w, &f->dst) < 0) {
				return tool_syntax(c, "\"%s\" is not a prefix or a keyword", w);
			}
			*mask |= NLHL_RT_FILTER_DST;
		}
	}
	return TOOL_OK;
}

static int route_family(struct tool_ctx *c, const struct nlhl_route *f, uint32_t mask)
{
	if (c->family)
		return c->family;
	if ((mask & NLHL_RT_FILTER_DST) && f->dst.family)
		return f->dst.family;
	if ((mask & NLHL_RT_FILTER_GW) && f->gw.family)
		return f->gw.family;
	if ((mask & NLHL_RT_FILTER_TABLE) && f->table == 0)
		return AF_UNSPEC;  /* ip: "table all" lists both families */
	return AF_INET;  /* as ip: IPv4 unless asked */
}

static int do_show(struct tool_ctx *c, int argc, char **argv)
{
	struct show_ctx s = { .c = c };
	struct nlhl_route f;
	uint32_t mask;
	int r = parse_filter(c, argc, argv, &f, &mask, &s.all_tables);

	if (r)
		return r;
	s.mask = mask;
	/* Names are looked up on this handle: not in the middle of the dump. */
	if (tool_links_load(c) < 0)
		return tool_fail(c);
	if (nlhl_route_foreach(c->h, route_family(c, &f, mask), &f, mask, show_one, &s) < 0)
		return tool_fail(c);
	return TOOL_OK;
}

static int do_flush(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_route f, *list = NULL;
	uint32_t mask;
	size_t n = 0;
	bool all;
	int r = parse_filter(c, argc, argv, &f, &mask, &all), ret = TOOL_OK;

	if (r)
		return r;
	if (!mask)
		return tool_syntax(c, "flush needs a selector (e.g. dev IFNAME, table ID, PREFIX)");
	/* Collect first: deleting inside a dump would disturb it. */
	if (nlhl_route_list_filtered(c->h, route_family(c, &f, mask), &f, mask, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++)
		if (nlhl_route_del(c->h, &list[i]) < 0 && ret == TOOL_OK)
			ret = tool_fail(c);
	nlhl_route_list_free(list, n);
	return ret;
}

static int do_get(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_route_get_options o = { 0 };
	struct nlhl_route rt;
	struct nlhl_ip dst = { 0 };
	int ifi;
	const char *iif = NULL, *oif = NULL;
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "from")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_addr_any(c, "from", argv[0], &o.src)))
				return r;
		} else if (tool_is(w, "iif")) {
			TOOL_NEXT(c, argc, argv);
			iif = argv[0];
		} else if (tool_is(w, "oif") || tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			oif = argv[0];
		} else if (tool_is(w, "mark")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "mark", argv[0], &o.mark)))
				return r;
		} else if (tool_is(w, "uid")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = parse_u32_kw(c, "uid", argv[0], &o.uid)))
				return r;
			o.has_uid = 1;
		} else if (tool_is(w, "fibmatch")) {
			o.fib_match = 1;
		} else {
			if (tool_is(w, "to")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (dst.family)
				return tool_syntax(c, "\"%s\" is unexpected", w);
			if ((r = parse_addr_any(c, "to", w, &dst)))
				return r;
		}
	}
	if (!dst.family)
		return tool_syntax(c, "get needs an address");
	if (iif) {
		if ((r = tool_ifindex(c, iif, &ifi)))
			return r;
		o.iif_index = ifi;
	}
	if (oif) {
		if ((r = tool_ifindex(c, oif, &ifi)))
			return r;
		o.oif_index = ifi;
	}
	if (nlhl_route_get(c->h, &dst, &o, &rt) < 0)
		return tool_fail(c);
	tool_emit(c, route_json(c, &rt, 0, false), tool_route_print_text);
	nlhl_route_clear(&rt);
	return TOOL_OK;
}

static const struct tool_cmd route_cmds[] = {
	{ "list", do_show, true, false },
	{ "add", do_add, false, true },
	{ "append", do_append, false, true },
	{ "change", do_replace, false, true },
	{ "replace", do_replace, false, true },
	{ "delete", do_del, false, true },
	{ "show", do_show, true, false },
	{ "get", do_get, true, false },
	{ "flush", do_flush, false, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_route = {
	.name = "route",
	.usage = "  { add | append | replace | change | delete } ROUTE\n"
		 "  { show | list } [table TABLE|all] [dev IFNAME] [proto P] [scope S]\n"
		 "        [type T] [via ADDR] [metric N] [[exact] PREFIX]\n"
		 "  flush SELECTOR (as show)\n"
		 "  get ADDR [from ADDR] [iif IFNAME] [oif IFNAME] [mark N] [uid N] [fibmatch]\n"
		 "ROUTE := [TYPE] PREFIX|default [via ADDR] [dev IFNAME] [src ADDR] [table TABLE]\n"
		 "        [metric N] [proto P] [scope S] [tos N] [onlink] [mtu [lock] N]\n"
		 "        [advmss N] [hoplimit N] [initcwnd N] [congctl NAME] [pref low|medium|high]\n"
		 "        [nhid ID] [realm N] [nexthop via ADDR [dev IFNAME] [weight N] [onlink]]...\n"
		 "TYPE := unicast | local | broadcast | multicast | blackhole | unreachable | prohibit | throw",
	.cmds = route_cmds,
};

json_object *tool_route_json(struct tool_ctx *c, const struct nlhl_route *rt)
{
	return route_json(c, rt, 0, true);
}
