/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-rule: policy routing rules, as `ip rule` (IPv4 unless -6).  JSON
 * objects carry ip's fields: priority, not, src/srclen, dst/dstlen, tos,
 * fwmark/fwmask, iif, oif, table, goto, action, ipproto, sport, dport,
 * uid_start/uid_end, suppress_prefixlen, protocol.
 */
#define _GNU_SOURCE
#include "tool.h"
#include "names.h"

#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int parse_range16(const char *s, struct nlhl_rule_port_range *r)
{
	uint32_t a, b;
	char buf[32], *dash;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (tool_parse_u32(buf, &a) < 0 || a > 65535)
		return -1;
	b = a;
	if (dash && (tool_parse_u32(dash + 1, &b) < 0 || b > 65535 || b < a))
		return -1;
	r->start = (uint16_t)a;
	r->end = (uint16_t)b;
	return 0;
}

static int parse_ipproto(const char *s, uint8_t *ret)
{
	struct protoent *p;
	uint32_t v;

	if (tool_parse_u32(s, &v) == 0 && v <= 255) {
		*ret = (uint8_t)v;
		return 0;
	}
	if (!strcmp(s, "tcp") || !strcmp(s, "udp") || !strcmp(s, "icmp") ||
	    !strcmp(s, "sctp") || !strcmp(s, "ipv6-icmp") || !strcmp(s, "icmpv6")) {
		*ret = !strcmp(s, "tcp") ? 6 : !strcmp(s, "udp") ? 17 : !strcmp(s, "icmp") ? 1 :
		       !strcmp(s, "sctp") ? 132 : 58;
		return 0;
	}
	p = getprotobyname(s);
	if (!p)
		return -1;
	*ret = (uint8_t)p->p_proto;
	return 0;
}

static const char *ipproto_name(uint8_t v, char *buf)
{
	switch (v) {
	case 1: return "icmp";
	case 6: return "tcp";
	case 17: return "udp";
	case 58: return "ipv6-icmp";
	case 132: return "sctp";
	default:
		snprintf(buf, 16, "%u", v);
		return buf;
	}
}

/* Parses a rule for add/del (del: only what is given selects). */
static int parse_rule(struct tool_ctx *c, int argc, char **argv, struct nlhl_rule *r)
{
	uint32_t v;

	memset(r, 0, sizeof(*r));
	r->family = c->family;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "not")) {
			r->invert = true;
		} else if (tool_is(w, "from")) {
			TOOL_NEXT(c, argc, argv);
			if (strcmp(argv[0], "all") && nlhl_parse_ipnet(argv[0], &r->src) < 0)
				return tool_syntax(c, "from \"%s\" is not a prefix", argv[0]);
		} else if (tool_is(w, "to")) {
			TOOL_NEXT(c, argc, argv);
			if (strcmp(argv[0], "all") && nlhl_parse_ipnet(argv[0], &r->dst) < 0)
				return tool_syntax(c, "to \"%s\" is not a prefix", argv[0]);
		} else if (tool_matches(w, "preference") || tool_matches(w, "priority") ||
			   tool_is(w, "order")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &r->priority) < 0)
				return tool_syntax(c, "pref \"%s\" is not a number", argv[0]);
			r->has_priority = true;
		} else if (tool_is(w, "tos") || tool_is(w, "dsfield")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "tos \"%s\" is not 0..255", argv[0]);
			r->tos = (uint8_t)v;
		} else if (tool_is(w, "fwmark")) {
			char buf[64], *slash;

			TOOL_NEXT(c, argc, argv);
			snprintf(buf, sizeof(buf), "%s", argv[0]);
			slash = strchr(buf, '/');
			if (slash)
				*slash = '\0';
			if (tool_parse_u32(buf, &r->mark) < 0 ||
			    (slash && tool_parse_u32(slash + 1, &r->mask) < 0))
				return tool_syntax(c, "fwmark \"%s\" is not MARK[/MASK]", argv[0]);
			r->has_mark = true;
		} else if (tool_is(w, "iif") || tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			strcpy(r->iif_name, argv[0]);
		} else if (tool_is(w, "oif")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			strcpy(r->oif_name, argv[0]);
		} else if (tool_matches(w, "lookup") || tool_matches(w, "table")) {
			TOOL_NEXT(c, argc, argv);
			if (names_table_parse(argv[0], &r->table) < 0 || r->table == 0)
				return tool_syntax(c, "table \"%s\" is unknown", argv[0]);
			r->action = NLHL_RULE_ACT_TO_TBL;
		} else if (tool_is(w, "goto")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &r->goto_priority) < 0)
				return tool_syntax(c, "goto \"%s\" is not a number", argv[0]);
			r->action = NLHL_RULE_ACT_GOTO;
		} else if (tool_is(w, "nop")) {
			r->action = NLHL_RULE_ACT_NOP;
		} else if (tool_is(w, "blackhole")) {
			r->action = NLHL_RULE_ACT_BLACKHOLE;
		} else if (tool_is(w, "unreachable")) {
			r->action = NLHL_RULE_ACT_UNREACHABLE;
		} else if (tool_is(w, "prohibit")) {
			r->action = NLHL_RULE_ACT_PROHIBIT;
		} else if (tool_is(w, "uidrange")) {
			char buf[64], *dash;

			TOOL_NEXT(c, argc, argv);
			snprintf(buf, sizeof(buf), "%s", argv[0]);
			dash = strchr(buf, '-');
			if (!dash)
				return tool_syntax(c, "uidrange \"%s\" is not START-END", argv[0]);
			*dash = '\0';
			if (tool_parse_u32(buf, &r->uid_range.start) < 0 ||
			    tool_parse_u32(dash + 1, &r->uid_range.end) < 0)
				return tool_syntax(c, "uidrange \"%s\" is not START-END", argv[0]);
			r->has_uid_range = true;
		} else if (tool_matches(w, "suppress_prefixlength")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &r->suppress_prefixlen) < 0)
				return tool_syntax(c, "suppress_prefixlength \"%s\" is not a number", argv[0]);
			r->has_suppress_prefixlen = true;
		} else if (tool_matches(w, "suppress_ifgroup")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &r->suppress_ifgroup) < 0)
				return tool_syntax(c, "suppress_ifgroup \"%s\" is not a number", argv[0]);
			r->has_suppress_ifgroup = true;
		} else if (tool_is(w, "ipproto")) {
			TOOL_NEXT(c, argc, argv);
			if (parse_ipproto(argv[0], &r->ip_proto) < 0)
				return tool_syntax(c, "ipproto \"%s\" is unknown", argv[0]);
		} else if (tool_is(w, "sport")) {
			TOOL_NEXT(c, argc, argv);
			if (parse_range16(argv[0], &r->sport) < 0)
				return tool_syntax(c, "sport \"%s\" is not PORT[-PORT]", argv[0]);
		} else if (tool_is(w, "dport")) {
			TOOL_NEXT(c, argc, argv);
			if (parse_range16(argv[0], &r->dport) < 0)
				return tool_syntax(c, "dport \"%s\" is not PORT[-PORT]", argv[0]);
		} else if (tool_matches(w, "protocol")) {
			TOOL_NEXT(c, argc, argv);
			if (names_proto_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "protocol \"%s\" is unknown", argv[0]);
			r->protocol = (uint8_t)v;
		} else if (tool_is(w, "realms") || tool_is(w, "flow")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &r->flow) < 0)
				return tool_syntax(c, "realms \"%s\" is not a number", argv[0]);
		} else if (tool_is(w, "l3mdev")) {
			r->l3mdev = 1;
		} else {
			/* ip takes a bare table name/number and TYPE words too. */
			if (names_table_parse(w, &v) == 0 && v) {
				r->table = v;
				r->action = NLHL_RULE_ACT_TO_TBL;
				continue;
			}
			return tool_syntax(c, "\"%s\" is not a rule keyword", w);
		}
	}
	if (!r->family)
		r->family = r->src.family ? r->src.family : r->dst.family ? r->dst.family : AF_INET;
	if ((r->src.family && r->src.family != r->family) ||
	    (r->dst.family && r->dst.family != r->family))
		return tool_syntax(c, "the prefixes are not of the rule's family");
	return TOOL_OK;
}

static int do_add(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_rule r;
	int k = parse_rule(c, argc, argv, &r);

	if (k)
		return k;
	return tool_rule(c, TOOL_OP_ADD, &r);
}

static int do_del(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_rule r;
	int k = parse_rule(c, argc, argv, &r);

	if (k)
		return k;
	if (argc == 0)
		return tool_syntax(c, "delete needs a selector (e.g. pref N)");
	return tool_rule(c, TOOL_OP_DEL, &r);
}

static void jprefix(json_object *o, const char *key, const char *lenkey,
		    const struct nlhl_ipnet *n, bool all)
{
	char buf[NLHL_IP_STRLEN];
	struct nlhl_ip ip;

	if (!n->family) {
		if (all)
			tool_jstr(o, key, "all");
		return;
	}
	nlhl_ipnet_ip(n, &ip);
	if (nlhl_format_ip(&ip, buf, sizeof(buf)) == 0)
		tool_jstr(o, key, buf);
	if (n->prefixlen != (n->family == AF_INET6 ? 128 : 32))
		tool_jint(o, lenkey, n->prefixlen);
}

json_object *tool_rule_json(struct tool_ctx *c, const struct nlhl_rule *r)
{
	json_object *o = json_object_new_object();
	char buf[32];

	tool_jint(o, "priority", r->priority);
	if (r->invert)
		json_object_object_add(o, "not", NULL);
	jprefix(o, "src", "srclen", &r->src, true);
	jprefix(o, "dst", "dstlen", &r->dst, false);
	if (r->tos) {
		snprintf(buf, sizeof(buf), "0x%02x", r->tos);
		tool_jstr(o, "tos", buf);
	}
	if (r->has_mark || r->mark || (r->mask && r->mask != 0xffffffffu)) {
		snprintf(buf, sizeof(buf), "0x%x", r->mark);
		tool_jstr(o, "fwmark", buf);
		if (r->mask && r->mask != 0xffffffffu) {
			snprintf(buf, sizeof(buf), "0x%x", r->mask);
			tool_jstr(o, "fwmask", buf);
		}
	}
	if (r->iif_name[0])
		tool_jstr(o, "iif", r->iif_name);
	if (r->oif_name[0])
		tool_jstr(o, "oif", r->oif_name);
	if (r->l3mdev)
		json_object_object_add(o, "l3mdev", NULL);
	if (r->has_uid_range) {
		tool_jint(o, "uid_start", r->uid_range.start);
		tool_jint(o, "uid_end", r->uid_range.end);
	}
	if (r->ip_proto)
		tool_jstr(o, "ipproto", ipproto_name(r->ip_proto, buf));
	if (r->sport.start) {
		if (!r->sport.end || r->sport.end == r->sport.start) {
			tool_jint(o, "sport", r->sport.start);
		} else {
			tool_jint(o, "sport_start", r->sport.start);
			tool_jint(o, "sport_end", r->sport.end);
		}
	}
	if (r->dport.start) {
		if (!r->dport.end || r->dport.end == r->dport.start) {
			tool_jint(o, "dport", r->dport.start);
		} else {
			tool_jint(o, "dport_start", r->dport.start);
			tool_jint(o, "dport_end", r->dport.end);
		}
	}
	if (r->tun_id)
		tool_jint(o, "tun_id", (int64_t)r->tun_id);
	if (r->action == NLHL_RULE_ACT_TO_TBL || (!r->action && r->table)) {
		tool_jstr(o, "table", names_table(r->table, buf));
		if (r->has_suppress_prefixlen)
			tool_jint(o, "suppress_prefixlen", r->suppress_prefixlen);
		if (r->has_suppress_ifgroup)
			tool_jint(o, "suppress_ifgroup", r->suppress_ifgroup);
	} else if (r->action == NLHL_RULE_ACT_GOTO) {
		tool_jint(o, "goto", r->goto_priority);
	} else if (r->action == NLHL_RULE_ACT_NOP) {
		tool_jstr(o, "action", "nop");
	} else if (r->action == NLHL_RULE_ACT_BLACKHOLE) {
		tool_jstr(o, "action", "blackhole");
	} else if (r->action == NLHL_RULE_ACT_UNREACHABLE) {
		tool_jstr(o, "action", "unreachable");
	} else if (r->action == NLHL_RULE_ACT_PROHIBIT) {
		tool_jstr(o, "action", "prohibit");
	}
	if (r->flow)
		tool_jint(o, "flow", r->flow);
	/* As ip: the kernel's own rules say "kernel" only with -d. */
	if ((r->protocol && r->protocol != 2 /* RTPROT_KERNEL */) || c->details)
		tool_jstr(o, "protocol", names_proto(r->protocol, buf));
	return o;
}

void tool_rule_print_text(struct tool_ctx *c, json_object *o)
{
	int64_t v = 0, v2 = 0;
	const char *s;

	tool_jget_int(o, "priority", &v);
	printf("%lld:\t", (long long)v);
	if (json_object_object_get_ex(o, "not", NULL))
		printf("not ");
	printf("from %s", tool_jget_str(o, "src"));
	if (tool_jget_int(o, "srclen", &v))
		printf("/%lld", (long long)v);
	if ((s = tool_jget_str(o, "dst"))) {
		printf(" to %s", s);
		if (tool_jget_int(o, "dstlen", &v))
			printf("/%lld", (long long)v);
	}
	if ((s = tool_jget_str(o, "tos")))
		printf(" tos %s", s);
	if ((s = tool_jget_str(o, "fwmark"))) {
		printf(" fwmark %s", s);
		if ((s = tool_jget_str(o, "fwmask")))
			printf("/%s", s);
	}
	if ((s = tool_jget_str(o, "iif")))
		printf(" iif %s", s);
	if ((s = tool_jget_str(o, "oif")))
		printf(" oif %s", s);
	if (tool_jget_int(o, "uid_start", &v) && tool_jget_int(o, "uid_end", &v2))
		printf(" uidrange %lld-%lld", (long long)v, (long long)v2);
	if ((s = tool_jget_str(o, "ipproto")))
		printf(" ipproto %s", s);
	if (tool_jget_int(o, "sport", &v))
		printf(" sport %lld", (long long)v);
	if (tool_jget_int(o, "sport_start", &v) && tool_jget_int(o, "sport_end", &v2))
		printf(" sport %lld-%lld", (long long)v, (long long)v2);
	if (tool_jget_int(o, "dport", &v))
		printf(" dport %lld", (long long)v);
	if (tool_jget_int(o, "dport_start", &v) && tool_jget_int(o, "dport_end", &v2))
		printf(" dport %lld-%lld", (long long)v, (long long)v2);
	if ((s = tool_jget_str(o, "table")))
		printf(" lookup %s", s);
	if (tool_jget_int(o, "suppress_prefixlen", &v))
		printf(" suppress_prefixlength %lld", (long long)v);
	if (tool_jget_int(o, "goto", &v))
		printf(" goto %lld", (long long)v);
	if ((s = tool_jget_str(o, "action")))
		printf(" %s", s);
	if ((s = tool_jget_str(o, "protocol")))
		printf(" proto %s", s);
	printf("\n");
}

static int do_show(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_rule f, *list = NULL;
	uint32_t mask = 0;
	size_t n = 0;
	int k;

	/* Selectors, as for delete: any field given must match. */
	k = parse_rule(c, argc, argv, &f);
	if (k)
		return k;
	if (f.has_priority)
		mask |= NLHL_RULE_FILTER_PRIORITY;
	if (f.action == NLHL_RULE_ACT_TO_TBL && f.table)
		mask |= NLHL_RULE_FILTER_TABLE;
	if (f.src.family)
		mask |= NLHL_RULE_FILTER_SRC;
	if (f.dst.family)
		mask |= NLHL_RULE_FILTER_DST;
	if (f.has_mark)
		mask |= NLHL_RULE_FILTER_MARK;
	if (f.iif_name[0])
		mask |= NLHL_RULE_FILTER_IIF;
	if (f.oif_name[0])
		mask |= NLHL_RULE_FILTER_OIF;
	if (f.protocol)
		mask |= NLHL_RULE_FILTER_PROTOCOL;
	if (f.ip_proto)
		mask |= NLHL_RULE_FILTER_IP_PROTO;
	if (nlhl_rule_list_filtered(c->h, f.family, &f, mask, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++)
		tool_emit(c, tool_rule_json(c, &list[i]), tool_rule_print_text);
	nlhl_rule_list_free(list, n);
	return TOOL_OK;
}

static const struct tool_cmd rule_cmds[] = {
	{ "list", do_show, true, false },
	{ "add", do_add, false, true },
	{ "delete", do_del, false, true },
	{ "show", do_show, true, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_rule = {
	.name = "rule",
	.usage = "  { add | delete } SELECTOR ACTION\n"
		 "  { show | list } [SELECTOR]\n"
		 "SELECTOR := [not] [from PREFIX] [to PREFIX] [tos TOS] [fwmark MARK[/MASK]]\n"
		 "            [iif IFNAME] [oif IFNAME] [pref N] [uidrange N-M] [ipproto P]\n"
		 "            [sport PORT[-PORT]] [dport PORT[-PORT]] [protocol P] [l3mdev]\n"
		 "ACTION := lookup TABLE [suppress_prefixlength N] [suppress_ifgroup G]\n"
		 "          | goto N | nop | blackhole | unreachable | prohibit",
	.cmds = rule_cmds,
};
