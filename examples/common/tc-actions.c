/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-tc's actions, as tc-actions(8) writes them after a filter:
 *
 *   action drop | pass | ... (gact)       action gact VERDICT
 *   action mirred { egress | ingress } { redirect | mirror } dev DEV
 *   action police rate R burst B [mtu B] [peakrate R] [conform-exceed E[/C]]
 *   action skbedit [priority H] [mark M[/MASK]] [queue_mapping N] [ptype P]
 *   action vlan { pop | push id N [protocol P] [priority N] | modify ... }
 *   action nat { ingress | egress } OLD[/LEN] NEW
 *
 * each optionally followed by a verdict and "index N".  -j prints tc -j's
 * action objects (order, kind, control_action, index and each kind's
 * fields: mirred_action, direction, to_dev; vlan_action, id, protocol,
 * priority; direction, old_addr, new_addr; ...).
 */
#define _GNU_SOURCE
#include "tc-tool.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88a8

/* tc's words of a verdict; index = enum nlhl_tc_verdict. */
static const char *const verdicts[] = {
	[NLHL_TC_VERDICT_DEFAULT] = NULL,
	[NLHL_TC_VERDICT_PASS] = "pass",
	[NLHL_TC_VERDICT_RECLASSIFY] = "reclassify",
	[NLHL_TC_VERDICT_DROP] = "drop",
	[NLHL_TC_VERDICT_PIPE] = "pipe",
	[NLHL_TC_VERDICT_STOLEN] = "stolen",
	[NLHL_TC_VERDICT_QUEUED] = "queued",
	[NLHL_TC_VERDICT_REPEAT] = "repeat",
	[NLHL_TC_VERDICT_REDIRECT] = "redirect",
	[NLHL_TC_VERDICT_TRAP] = "trap",
	[NLHL_TC_VERDICT_CONTINUE] = "continue",
};

/* A verdict word (tc also takes "ok" and "shot"); 0 when s is none. */
static enum nlhl_tc_verdict verdict_of(const char *s)
{
	if (!strcmp(s, "ok"))
		return NLHL_TC_VERDICT_PASS;
	if (!strcmp(s, "shot"))
		return NLHL_TC_VERDICT_DROP;
	for (size_t i = 1; i < sizeof(verdicts) / sizeof(verdicts[0]); i++)
		if (!strcmp(s, verdicts[i]))
			return (enum nlhl_tc_verdict)i;
	return NLHL_TC_VERDICT_DEFAULT;
}

/* The verdict tc shows when the action was added without one. */
static enum nlhl_tc_verdict verdict_shown(const struct nlhl_action *a)
{
	if (a->verdict)
		return a->verdict;
	switch (a->type) {
	case NLHL_ACTION_MIRRED:
		return a->mirred.op == NLHL_MIRRED_EGRESS_MIRROR ||
		       a->mirred.op == NLHL_MIRRED_INGRESS_MIRROR ? NLHL_TC_VERDICT_PIPE :
		       NLHL_TC_VERDICT_STOLEN;
	case NLHL_ACTION_SKBEDIT:
	case NLHL_ACTION_VLAN:
		return NLHL_TC_VERDICT_PIPE;
	default:
		return NLHL_TC_VERDICT_PASS;
	}
}

static int parse_mirred(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	int argc = *argcp, r;
	char **argv = *argvp;
	bool ingress = false, mirror = false, dev = false;

	for (; argc > 0; argc--, argv++) {
		if (tool_is(argv[0], "egress") || tool_is(argv[0], "ingress")) {
			ingress = argv[0][0] == 'i';
		} else if (tool_is(argv[0], "redirect") || tool_is(argv[0], "mirror")) {
			mirror = argv[0][0] == 'm';
		} else if (tool_is(argv[0], "dev")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tool_ifindex(c, argv[0], &a->mirred.ifindex)))
				return r;
			dev = true;
		} else {
			break;
		}
	}
	if (!dev)
		return tool_syntax(c, "mirred needs \"dev DEV\"");
	a->mirred.op = ingress ? (mirror ? NLHL_MIRRED_INGRESS_MIRROR : NLHL_MIRRED_INGRESS_REDIRECT) :
			(mirror ? NLHL_MIRRED_EGRESS_MIRROR : NLHL_MIRRED_EGRESS_REDIRECT);
	*argcp = argc;
	*argvp = argv;
	return TOOL_OK;
}

static int parse_police(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	int argc = *argcp, r;
	char **argv = *argvp;
	struct nlhl_police *p = &a->police;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "rate") || tool_is(w, "peakrate")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tc_parse_rate(c, w, argv[0], w[0] == 'r' ? &p->rate : &p->peakrate)))
				return r;
		} else if (tool_is(w, "burst") || tool_is(w, "buffer") || tool_is(w, "mtu")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tc_parse_size(c, w, argv[0], w[0] == 'm' ? &p->mtu : &p->burst)))
				return r;
		} else if (!strcmp(w, "conform-exceed")) {
			char buf[32], *slash;

			TOOL_NEXT(c, argc, argv);
			snprintf(buf, sizeof(buf), "%s", argv[0]);
			if ((slash = strchr(buf, '/')))
				*slash++ = '\0';
			p->exceed = verdict_of(buf);
			p->conform = slash ? verdict_of(slash) : NLHL_TC_VERDICT_DEFAULT;
			if (!p->exceed || (slash && !p->conform))
				return tool_syntax(c, "conform-exceed \"%s\" is not VERDICT[/VERDICT]", argv[0]);
		} else if (verdict_of(w) && !p->exceed) {
			p->exceed = verdict_of(w);  /* tc: "police ... drop" */
		} else {
			break;
		}
	}
	if (!p->rate || !p->burst)
		return tool_syntax(c, "police needs rate and burst");
	*argcp = argc;
	*argvp = argv;
	return TOOL_OK;
}

static int parse_skbedit(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	static const char *const ptypes[] = { "host", "broadcast", "multicast", "otherhost" };
	int argc = *argcp, r;
	char **argv = *argvp;
	struct nlhl_skbedit *s = &a->skbedit;
	uint32_t v;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "priority")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tc_parse_handle(c, argv[0], &s->priority)))
				return r;
			s->has_priority = true;
		} else if (tool_is(w, "mark")) {
			char buf[32], *slash;

			TOOL_NEXT(c, argc, argv);
			snprintf(buf, sizeof(buf), "%s", argv[0]);
			if ((slash = strchr(buf, '/')))
				*slash++ = '\0';
			if (tool_parse_u32(buf, &s->mark) < 0 ||
			    (slash && tool_parse_u32(slash, &s->mark_mask) < 0))
				return tool_syntax(c, "mark \"%s\" is not MARK[/MASK]", argv[0]);
			s->has_mark = true;
		} else if (tool_is(w, "queue_mapping")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &v) < 0 || v > 0xffff)
				return tool_syntax(c, "queue_mapping \"%s\" is not 0..65535", argv[0]);
			s->queue_mapping = (uint16_t)v;
			s->has_queue_mapping = true;
		} else if (tool_is(w, "ptype")) {
			TOOL_NEXT(c, argc, argv);
			for (v = 0; v < 4 && strcmp(argv[0], ptypes[v]); v++)
				;
			if (v == 4)
				return tool_syntax(c, "ptype \"%s\" is not host, otherhost, broadcast or multicast", argv[0]);
			s->ptype = (uint16_t)v;  /* PACKET_HOST 0 .. PACKET_OTHERHOST 3 */
			s->has_ptype = true;
		} else {
			break;
		}
	}
	if (!s->has_priority && !s->has_mark && !s->has_queue_mapping && !s->has_ptype)
		return tool_syntax(c, "skbedit needs priority, mark, queue_mapping or ptype");
	*argcp = argc;
	*argvp = argv;
	return TOOL_OK;
}

static int parse_vlan(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	int argc = *argcp;
	char **argv = *argvp;
	struct nlhl_vlan_act *v = &a->vlan;
	uint32_t n;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (!strcmp(w, "pop") || !strcmp(w, "push") || !strcmp(w, "modify")) {
			v->op = w[1] == 'o' ? NLHL_VLAN_POP : w[1] == 'u' ? NLHL_VLAN_PUSH : NLHL_VLAN_MODIFY;
		} else if (tool_is(w, "id")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &n) < 0 || n > 4095)
				return tool_syntax(c, "vlan id \"%s\" is not 0..4095", argv[0]);
			v->id = (uint16_t)n;
		} else if (tool_is(w, "priority")) {
			TOOL_NEXT(c, argc, argv);
			if (tool_parse_u32(argv[0], &n) < 0 || n > 7)
				return tool_syntax(c, "vlan priority \"%s\" is not 0..7", argv[0]);
			v->prio = (uint8_t)n;
		} else if (tool_is(w, "protocol")) {
			TOOL_NEXT(c, argc, argv);
			if (!strcasecmp(argv[0], "802.1q"))
				v->proto = ETH_P_8021Q;
			else if (!strcasecmp(argv[0], "802.1ad"))
				v->proto = ETH_P_8021AD;
			else
				return tool_syntax(c, "vlan protocol \"%s\" is not 802.1q or 802.1ad", argv[0]);
		} else {
			break;
		}
	}
	if (!v->op)
		return tool_syntax(c, "vlan needs pop, push or modify");
	if (v->op != NLHL_VLAN_POP && !v->id)
		return tool_syntax(c, "vlan push/modify needs \"id N\"");
	*argcp = argc;
	*argvp = argv;
	return TOOL_OK;
}

static int parse_nat(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	char **argv = *argvp;

	if (*argcp < 3 || (!tool_is(argv[0], "ingress") && !tool_is(argv[0], "egress")))
		return tool_syntax(c, "nat needs { ingress | egress } OLD[/LEN] NEW");
	a->nat.egress = argv[0][0] == 'e';
	if (nlhl_parse_ipnet(argv[1], &a->nat.old_addr) < 0 || a->nat.old_addr.family != AF_INET ||
	    nlhl_parse_ip(argv[2], &a->nat.new_addr) < 0 || a->nat.new_addr.family != AF_INET)
		return tool_syntax(c, "nat \"%s %s\" is not IPv4 OLD[/LEN] NEW", argv[1], argv[2]);
	*argcp -= 3;
	*argvp += 3;
	return TOOL_OK;
}

/* One action after the word "action": its kind, options, verdict, index. */
static int parse_one(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_action *a)
{
	const char *kind = (*argvp)[0];
	int r = TOOL_OK;

	(*argcp)--;
	(*argvp)++;
	if (verdict_of(kind)) {
		a->type = NLHL_ACTION_GACT;
		a->verdict = verdict_of(kind);
	} else if (!strcmp(kind, "gact")) {
		a->type = NLHL_ACTION_GACT;
	} else if (!strcmp(kind, "mirred")) {
		a->type = NLHL_ACTION_MIRRED;
		r = parse_mirred(c, argcp, argvp, a);
	} else if (!strcmp(kind, "police")) {
		a->type = NLHL_ACTION_POLICE;
		r = parse_police(c, argcp, argvp, a);
	} else if (!strcmp(kind, "skbedit")) {
		a->type = NLHL_ACTION_SKBEDIT;
		r = parse_skbedit(c, argcp, argvp, a);
	} else if (!strcmp(kind, "vlan")) {
		a->type = NLHL_ACTION_VLAN;
		r = parse_vlan(c, argcp, argvp, a);
	} else if (!strcmp(kind, "nat")) {
		a->type = NLHL_ACTION_NAT;
		r = parse_nat(c, argcp, argvp, a);
	} else {
		return tool_syntax(c, "action \"%s\" is not supported (gact, mirred, police, skbedit, vlan, nat are)", kind);
	}
	if (r)
		return r;
	for (; *argcp > 0; (*argcp)--, (*argvp)++) {
		const char *w = (*argvp)[0];

		if (a->type != NLHL_ACTION_POLICE && !a->verdict && verdict_of(w)) {
			a->verdict = verdict_of(w);
		} else if (tool_is(w, "index") && *argcp > 1) {
			(*argcp)--;
			(*argvp)++;
			if (tool_parse_u32((*argvp)[0], &a->index) < 0 || !a->index)
				return tool_syntax(c, "index \"%s\" is not 1..", (*argvp)[0]);
		} else {
			break;
		}
	}
	if (a->type == NLHL_ACTION_GACT && !a->verdict)
		return tool_syntax(c, "gact needs a verdict (drop, pass, ...)");
	return TOOL_OK;
}

int tc_parse_actions(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_filter *f)
{
	int r;

	while (*argcp > 0 && (tool_is((*argvp)[0], "action") || !strcmp((*argvp)[0], "actions"))) {
		if (*argcp < 2)
			return tool_syntax(c, "\"action\" needs a kind");
		if (f->n_actions == NLHL_TC_MAX_ACTIONS)
			return tool_syntax(c, "at most %d actions", NLHL_TC_MAX_ACTIONS);
		(*argcp)--;
		(*argvp)++;
		if ((r = parse_one(c, argcp, argvp, &f->actions[f->n_actions++])))
			return r;
	}
	return TOOL_OK;
}

static void jverdict(json_object *o, const char *key, enum nlhl_tc_verdict v)
{
	json_object *ca = json_object_new_object();

	tool_jstr(ca, "type", (size_t)v < sizeof(verdicts) / sizeof(verdicts[0]) && verdicts[v] ?
			      verdicts[v] : "unknown");
	json_object_object_add(o, key, ca);
}

static void kind_json(struct tool_ctx *c, const struct nlhl_action *a, json_object *o)
{
	char buf[NLHL_IPNET_STRLEN];

	switch (a->type) {
	case NLHL_ACTION_MIRRED:
		tool_jstr(o, "mirred_action", a->mirred.op == NLHL_MIRRED_EGRESS_MIRROR ||
					      a->mirred.op == NLHL_MIRRED_INGRESS_MIRROR ? "mirror" : "redirect");
		tool_jstr(o, "direction", a->mirred.op >= NLHL_MIRRED_INGRESS_REDIRECT ? "ingress" : "egress");
		tool_jstr(o, "to_dev", tool_ifname(c, a->mirred.ifindex, buf));
		break;
	case NLHL_ACTION_POLICE:
		tool_jint(o, "rate", (int64_t)a->police.rate);
		tool_jint(o, "burst", a->police.burst);
		if (a->police.mtu)
			tool_jint(o, "mtu", a->police.mtu);
		if (a->police.peakrate)
			tool_jint(o, "peakrate", (int64_t)a->police.peakrate);
		jverdict(o, "conform_action", a->police.conform ? a->police.conform : NLHL_TC_VERDICT_PASS);
		break;
	case NLHL_ACTION_SKBEDIT:
		if (a->skbedit.has_priority)
			tool_jstr(o, "priority", tc_handle_str(a->skbedit.priority, buf));
		if (a->skbedit.has_queue_mapping)
			tool_jint(o, "queue_mapping", a->skbedit.queue_mapping);
		if (a->skbedit.has_mark) {
			tool_jint(o, "mark", a->skbedit.mark);
			if (a->skbedit.mark_mask && a->skbedit.mark_mask != 0xffffffffu) {
				snprintf(buf, sizeof(buf), "%#x", a->skbedit.mark_mask);
				tool_jstr(o, "mask", buf);
			}
		}
		if (a->skbedit.has_ptype)
			tool_jstr(o, "ptype", a->skbedit.ptype == 0 ? "host" : a->skbedit.ptype == 1 ? "broadcast" :
					      a->skbedit.ptype == 2 ? "multicast" : "otherhost");
		break;
	case NLHL_ACTION_VLAN:
		tool_jstr(o, "vlan_action", a->vlan.op == NLHL_VLAN_POP ? "pop" :
					    a->vlan.op == NLHL_VLAN_PUSH ? "push" : "modify");
		if (a->vlan.op != NLHL_VLAN_POP) {
			tool_jint(o, "id", a->vlan.id);
			tool_jstr(o, "protocol", a->vlan.proto == ETH_P_8021AD ? "802.1ad" : "802.1Q");
			tool_jint(o, "priority", a->vlan.prio);
		}
		break;
	case NLHL_ACTION_NAT:
		/* tc: "old_addr": "10.0.0.0/8", the prefix always written */
		tool_jstr(o, "direction", a->nat.egress ? "egress" : "ingress");
		if (nlhl_format_ipnet(&a->nat.old_addr, buf, sizeof(buf)) == 0) {
			char *slash = strchr(buf, '/');

			if (slash)
				*slash = '\0';
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "/%u", a->nat.old_addr.prefixlen);
			tool_jstr(o, "old_addr", buf);
		}
		if (nlhl_format_ip(&a->nat.new_addr, buf, sizeof(buf)) == 0)
			tool_jstr(o, "new_addr", buf);
		break;
	default:
		break;
	}
}

json_object *tc_actions_json(struct tool_ctx *c, const struct nlhl_filter *f)
{
	json_object *arr;

	if (!f->n_actions)
		return NULL;
	arr = json_object_new_array();
	for (size_t i = 0; i < f->n_actions; i++) {
		const struct nlhl_action *a = &f->actions[i];
		json_object *o = json_object_new_object();

		tool_jint(o, "order", (int64_t)i + 1);
		tool_jstr(o, "kind", a->kind);
		kind_json(c, a, o);
		/* police: tc's control_action is the exceed verdict */
		jverdict(o, "control_action", a->type == NLHL_ACTION_POLICE ?
			 (a->police.exceed ? a->police.exceed : NLHL_TC_VERDICT_RECLASSIFY) : verdict_shown(a));
		tool_jint(o, "index", a->index);
		if (c->stats) {
			tool_jint(o, "bytes", (int64_t)a->stats.bytes);
			tool_jint(o, "packets", (int64_t)a->stats.packets);
			tool_jint(o, "drops", a->stats.drops);
		}
		json_object_array_add(arr, o);
	}
	return arr;
}

void tc_actions_print(json_object *actions)
{
	size_t n = actions ? json_object_array_length(actions) : 0;

	for (size_t i = 0; i < n; i++) {
		json_object *a = json_object_array_get_idx(actions, i), *v;
		int64_t order = 0;

		tool_jget_int(a, "order", &order);
		printf("\taction order %lld: %s", (long long)order, tool_jget_str(a, "kind"));
		json_object_object_foreach(a, k, val) {
			if (!strcmp(k, "order") || !strcmp(k, "kind"))
				continue;
			if (json_object_is_type(val, json_type_object) &&
			    json_object_object_get_ex(val, "type", &v))
				printf(" %s %s", k, json_object_get_string(v));
			else
				printf(" %s %s", k, json_object_get_string(val));
		}
		printf("\n");
	}
}
