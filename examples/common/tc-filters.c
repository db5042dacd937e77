/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-tc's flower, fw, basic and bpf filters (u32 and matchall are in
 * cmd-tc.c), each followed by tc's actions:
 *
 *   flower [classid H] [skip_hw | skip_sw] [ip_proto tcp|udp|sctp|icmp|N]
 *          [src_ip P] [dst_ip P] [src_port N] [dst_port N]
 *          [vlan_id N] [vlan_prio N] [vlan_ethtype ip|ipv6|N]
 *   fw [handle MARK[/MASK]] [classid H]        (the mark is the handle)
 *   basic [classid H]
 *   bpf { pinned | object-pinned } PATH | fd N [da | direct-action] [classid H]
 *
 * -j: tc -j's options (flower: classid, keys {eth_type, ip_proto, src_ip,
 * dst_ip, src_port, dst_port, vlan_id, vlan_prio, vlan_ethtype}, skip_hw,
 * skip_sw; fw: classid, mask; basic and bpf: flowid; bpf: bpf_name,
 * direct-action) and actions.
 */
#define _GNU_SOURCE
#include "tc-tool.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86dd

static const struct { const char *name; uint8_t proto; } ip_protos[] = {
	{ "tcp", IPPROTO_TCP }, { "udp", IPPROTO_UDP }, { "sctp", IPPROTO_SCTP },
	{ "icmp", IPPROTO_ICMP }, { "ipv6-icmp", IPPROTO_ICMPV6 },
};

static int parse_port(struct tool_ctx *c, const char *kw, const char *s, uint16_t *ret)
{
	uint32_t v;

	if (tool_parse_u32(s, &v) < 0 || v == 0 || v > 0xffff)
		return tool_syntax(c, "%s \"%s\" is not 1..65535", kw, s);
	*ret = (uint16_t)v;
	return TOOL_OK;
}

static int parse_flower(struct tool_ctx *c, int argc, char **argv, struct nlhl_filter *f)
{
	struct nlhl_flower *fl = &f->flower;
	uint32_t v;
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "action") || !strcmp(w, "actions")) {
			if ((r = tc_parse_actions(c, &argc, &argv, f)))
				return r;
			if (argc == 0)
				break;
			return tool_syntax(c, "\"%s\" is not an action option here", argv[0]);
		} else if (!strcmp(w, "skip_hw") || !strcmp(w, "skip_sw")) {
			*(w[5] == 'h' ? &fl->skip_hw : &fl->skip_sw) = true;
			continue;
		}
		TOOL_NEXT(c, argc, argv);
		if (!strcmp(w, "classid") || !strcmp(w, "flowid")) {
			if ((r = tc_parse_handle(c, argv[0], &fl->classid)))
				return r;
		} else if (!strcmp(w, "ip_proto")) {
			size_t i;

			for (i = 0; i < sizeof(ip_protos) / sizeof(ip_protos[0]); i++)
				if (!strcmp(argv[0], ip_protos[i].name))
					break;
			if (i < sizeof(ip_protos) / sizeof(ip_protos[0]))
				fl->ip_proto = ip_protos[i].proto;
			else if (tool_parse_u32(argv[0], &v) == 0 && v > 0 && v < 256)
				fl->ip_proto = (uint8_t)v;
			else
				return tool_syntax(c, "ip_proto \"%s\" is not tcp, udp, sctp, icmp or 1..255", argv[0]);
		} else if (!strcmp(w, "src_ip") || !strcmp(w, "dst_ip")) {
			if (nlhl_parse_ipnet(argv[0], w[0] == 's' ? &fl->src : &fl->dst) < 0)
				return tool_syntax(c, "%s \"%s\" is not an address or prefix", w, argv[0]);
		} else if (!strcmp(w, "src_port") || !strcmp(w, "dst_port")) {
			if ((r = parse_port(c, w, argv[0], w[0] == 's' ? &fl->sport : &fl->dport)))
				return r;
		} else if (!strcmp(w, "vlan_id")) {
			if (tool_parse_u32(argv[0], &v) < 0 || v == 0 || v > 4095)
				return tool_syntax(c, "vlan_id \"%s\" is not 1..4095", argv[0]);
			fl->vlan_id = (uint16_t)v;
		} else if (!strcmp(w, "vlan_prio")) {
			if (tool_parse_u32(argv[0], &v) < 0 || v > 7)
				return tool_syntax(c, "vlan_prio \"%s\" is not 0..7", argv[0]);
			fl->vlan_prio = (uint8_t)v;
			fl->has_vlan_prio = true;
		} else if (!strcmp(w, "vlan_ethtype")) {
			fl->vlan_eth_type = !strcmp(argv[0], "ip") || !strcmp(argv[0], "ipv4") ? ETH_P_IP :
					    !strcmp(argv[0], "ipv6") ? ETH_P_IPV6 : 0;
			if (!fl->vlan_eth_type) {
				if (tool_parse_u32(argv[0], &v) < 0 || v == 0 || v > 0xffff)
					return tool_syntax(c, "vlan_ethtype \"%s\" is not ip, ipv6 or a number", argv[0]);
				fl->vlan_eth_type = (uint16_t)v;
			}
		} else {
			return tool_syntax(c, "\"%s\" is not a flower option here", w);
		}
	}
	if ((fl->sport || fl->dport) && fl->ip_proto != IPPROTO_TCP && fl->ip_proto != IPPROTO_UDP &&
	    fl->ip_proto != IPPROTO_SCTP)
		return tool_syntax(c, "flower ports need ip_proto tcp, udp or sctp");
	return TOOL_OK;
}

/* fw, basic and bpf: a few words, a classid, actions. */
static int parse_simple(struct tool_ctx *c, int argc, char **argv, struct nlhl_filter *f)
{
	uint32_t *classid = f->type == NLHL_FILTER_FW ? &f->fw.classid :
			    f->type == NLHL_FILTER_BASIC ? &f->basic.classid : &f->bpf.classid;
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "action") || !strcmp(w, "actions")) {
			if ((r = tc_parse_actions(c, &argc, &argv, f)))
				return r;
			if (argc == 0)
				break;
			return tool_syntax(c, "\"%s\" is not an action option here", argv[0]);
		} else if ((!strcmp(w, "classid") || !strcmp(w, "flowid")) && argc > 1) {
			argc--, argv++;
			if ((r = tc_parse_handle(c, argv[0], classid)))
				return r;
		} else if (f->type == NLHL_FILTER_FW && !strcmp(w, "handle") && argc > 1) {
			char buf[32], *slash;

			argc--, argv++;
			snprintf(buf, sizeof(buf), "%s", argv[0]);
			if ((slash = strchr(buf, '/')))
				*slash++ = '\0';
			if (tool_parse_u32(buf, &f->attrs.handle) < 0 || !f->attrs.handle ||
			    (slash && tool_parse_u32(slash, &f->fw.mask) < 0))
				return tool_syntax(c, "fw handle \"%s\" is not MARK[/MASK]", argv[0]);
		} else if (f->type == NLHL_FILTER_BPF && (!strcmp(w, "pinned") || !strcmp(w, "object-pinned")) &&
			   argc > 1) {
			argc--, argv++;
			f->bpf.pinned_path = argv[0];
		} else if (f->type == NLHL_FILTER_BPF && !strcmp(w, "fd") && argc > 1) {
			argc--, argv++;
			if (tool_parse_int(argv[0], 1, 1 << 30, &f->bpf.fd) < 0)
				return tool_syntax(c, "fd \"%s\" is not a file descriptor", argv[0]);
		} else if (f->type == NLHL_FILTER_BPF && (!strcmp(w, "da") || !strcmp(w, "direct-action"))) {
			f->bpf.direct_action = true;
		} else {
			return tool_syntax(c, "\"%s\" is not a %s option here", w, f->type == NLHL_FILTER_FW ?
					  "fw" : f->type == NLHL_FILTER_BASIC ? "basic" : "bpf");
		}
	}
	if (f->type == NLHL_FILTER_BPF && !f->bpf.pinned_path && !f->bpf.fd)
		return tool_syntax(c, "bpf needs \"pinned PATH\" or \"fd N\"");
	return TOOL_OK;
}

int tc_parse_filter_kind(struct tool_ctx *c, int argc, char **argv, struct nlhl_filter *f)
{
	const char *kind = argv[0];

	f->type = !strcmp(kind, "flower") ? NLHL_FILTER_FLOWER : !strcmp(kind, "fw") ? NLHL_FILTER_FW :
		  !strcmp(kind, "basic") ? NLHL_FILTER_BASIC : !strcmp(kind, "bpf") ? NLHL_FILTER_BPF :
		  NLHL_FILTER_UNKNOWN;
	if (f->type == NLHL_FILTER_UNKNOWN)
		return tool_syntax(c, "filter kind \"%s\" is not supported (u32, matchall, flower, fw, basic, bpf are)",
				   kind);
	if (f->type == NLHL_FILTER_FLOWER)
		return parse_flower(c, argc - 1, argv + 1, f);
	return parse_simple(c, argc - 1, argv + 1, f);
}

/* tc prints a full-length prefix as a bare address. */
static void jprefix(json_object *o, const char *key, const struct nlhl_ipnet *p)
{
	char buf[NLHL_IPNET_STRLEN], *slash;

	if (!p->family || nlhl_format_ipnet(p, buf, sizeof(buf)) < 0)
		return;
	if ((slash = strchr(buf, '/')) && p->prefixlen == (p->family == AF_INET ? 32 : 128))
		*slash = '\0';
	tool_jstr(o, key, buf);
}

static const char *eth_name(uint16_t t, char *buf)
{
	if (t == ETH_P_IP)
		return "ipv4";
	if (t == ETH_P_IPV6)
		return "ipv6";
	snprintf(buf, 16, "%04x", t);
	return buf;
}

static void flower_json(const struct nlhl_flower *fl, json_object *opts)
{
	json_object *keys = json_object_new_object();
	char buf[16];

	if (fl->vlan_id)
		tool_jint(keys, "vlan_id", fl->vlan_id);
	if (fl->has_vlan_prio)
		tool_jint(keys, "vlan_prio", fl->vlan_prio);
	if (fl->vlan_eth_type)
		tool_jstr(keys, "vlan_ethtype", eth_name(fl->vlan_eth_type, buf));
	if (fl->eth_type)
		tool_jstr(keys, "eth_type", eth_name(fl->eth_type, buf));
	if (fl->ip_proto) {
		const char *name = NULL;

		for (size_t i = 0; i < sizeof(ip_protos) / sizeof(ip_protos[0]); i++)
			if (ip_protos[i].proto == fl->ip_proto)
				name = ip_protos[i].name;
		if (name)
			tool_jstr(keys, "ip_proto", name);
		else
			tool_jint(keys, "ip_proto", fl->ip_proto);
	}
	jprefix(keys, "dst_ip", &fl->dst);
	jprefix(keys, "src_ip", &fl->src);
	if (fl->dport)
		tool_jint(keys, "dst_port", fl->dport);
	if (fl->sport)
		tool_jint(keys, "src_port", fl->sport);
	if (fl->classid)
		tool_jstr(opts, "classid", tc_handle_str(fl->classid, buf));
	if (json_object_object_length(keys) > 0)  /* tc: no keys on the head entry */
		json_object_object_add(opts, "keys", keys);
	else
		json_object_put(keys);
	if (fl->skip_hw)
		tool_jbool(opts, "skip_hw", true);
	if (fl->skip_sw)
		tool_jbool(opts, "skip_sw", true);
}

void tc_filter_kind_json(struct tool_ctx *c, const struct nlhl_filter *f, json_object *opts)
{
	char buf[32];

	(void)c;
	switch (f->type) {
	case NLHL_FILTER_FLOWER:
		flower_json(&f->flower, opts);
		break;
	case NLHL_FILTER_FW:
		if (f->attrs.handle) {
			snprintf(buf, sizeof(buf), "%#x", f->attrs.handle);
			tool_jstr(opts, "handle", buf);
		}
		if (f->fw.classid)
			tool_jstr(opts, "classid", tc_handle_str(f->fw.classid, buf));
		if (f->fw.mask && f->fw.mask != 0xffffffffu) {
			snprintf(buf, sizeof(buf), "%#x", f->fw.mask);
			tool_jstr(opts, "mask", buf);
		}
		break;
	case NLHL_FILTER_BASIC:
		if (f->basic.classid)
			tool_jstr(opts, "flowid", tc_handle_str(f->basic.classid, buf));
		break;
	case NLHL_FILTER_BPF:
		if (f->bpf.classid)
			tool_jstr(opts, "flowid", tc_handle_str(f->bpf.classid, buf));
		if (f->bpf.name[0])
			tool_jstr(opts, "bpf_name", f->bpf.name);
		if (f->bpf.direct_action)
			tool_jbool(opts, "direct-action", true);
		if (f->bpf.id) {
			json_object *prog = json_object_new_object();

			tool_jint(prog, "id", f->bpf.id);
			json_object_object_add(opts, "prog", prog);
		}
		break;
	default:
		break;
	}
}
