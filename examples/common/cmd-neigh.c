/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-neigh: the ARP / NDP tables, as `ip neigh`.  JSON objects carry
 * ip's fields: dst, dev, lladdr, router, proxy, extern_learn, state.
 */
#define _GNU_SOURCE
#include "tool.h"
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct neigh_args {
	struct nlhl_neigh n;
	const char *dev;
	bool have_ip;
};

static int parse_neigh(struct tool_ctx *c, int argc, char **argv, struct neigh_args *p)
{
	uint32_t v;

	memset(p, 0, sizeof(*p));
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			if (!tool_valid_ifname(argv[0]))
				return tool_syntax(c, "\"%s\" is not a valid interface name", argv[0]);
			p->dev = argv[0];
		} else if (tool_is(w, "lladdr")) {
			TOOL_NEXT(c, argc, argv);
			if (nlhl_parse_hwaddr(argv[0], &p->n.hw_addr) < 0)
				return tool_syntax(c, "lladdr \"%s\" is not a link-layer address", argv[0]);
		} else if (tool_is(w, "nud")) {
			TOOL_NEXT(c, argc, argv);
			if (names_nud_parse(argv[0], &v) < 0 || v > 0xffff)
				return tool_syntax(c, "nud \"%s\" is not a state", argv[0]);
			p->n.state = (uint16_t)v;
		} else if (tool_is(w, "router")) {
			p->n.flags |= NLHL_NTF_ROUTER;
		} else if (tool_is(w, "extern_learn")) {
			p->n.flags |= NLHL_NTF_EXT_LEARNED;
		} else if (tool_is(w, "managed")) {
			p->n.flags_ext |= NLHL_NTF_EXT_MANAGED;
		} else if (tool_matches(w, "protocol")) {
			TOOL_NEXT(c, argc, argv);
			if (names_proto_parse(argv[0], &v) < 0 || v > 255)
				return tool_syntax(c, "protocol \"%s\" is unknown", argv[0]);
			p->n.protocol = (uint8_t)v;
		} else if (tool_is(w, "proxy")) {
			TOOL_NEXT(c, argc, argv);
			if (p->have_ip || nlhl_parse_ip(argv[0], &p->n.ip) < 0)
				return tool_syntax(c, "proxy \"%s\" is not an address", argv[0]);
			p->n.flags |= NLHL_NTF_PROXY;
			p->have_ip = true;
		} else {
			if (tool_is(w, "to")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (p->have_ip)
				return tool_syntax(c, "\"%s\" is unexpected (the address was given)", w);
			if (nlhl_parse_ip(w, &p->n.ip) < 0)
				return tool_syntax(c, "\"%s\" is not an address or a keyword", w);
			p->have_ip = true;
		}
	}
	if (!p->have_ip)
		return tool_syntax(c, "an address is needed");
	if (!p->dev)
		return tool_syntax(c, "\"dev IFNAME\" is needed");
	p->n.family = p->n.ip.family;
	return TOOL_OK;
}

enum neigh_op { N_ADD, N_REPLACE, N_DEL };

static int change(struct tool_ctx *c, int argc, char **argv, enum neigh_op op)
{
	struct neigh_args p;
	int ifi;
	int r = parse_neigh(c, argc, argv, &p);

	if (r)
		return r;
	if (op != N_DEL && !(p.n.flags & NLHL_NTF_PROXY) && !p.n.hw_addr.len &&
	    p.n.state != NLHL_NUD_NONE && !(p.n.state & (NLHL_NUD_NOARP | NLHL_NUD_FAILED |
							 NLHL_NUD_INCOMPLETE)) && p.n.state)
		return tool_syntax(c, "an lladdr is needed for that state");
	if ((r = tool_ifindex(c, p.dev, &ifi)))
		return r;
	p.n.link_index = ifi;
	r = op == N_ADD ? nlhl_neigh_add(c->h, &p.n) :
	    op == N_REPLACE ? nlhl_neigh_set(c->h, &p.n) : nlhl_neigh_del(c->h, &p.n);
	return r < 0 ? tool_fail(c) : TOOL_OK;
}

static int do_add(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, N_ADD); }
static int do_replace(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, N_REPLACE); }
static int do_del(struct tool_ctx *c, int argc, char **argv) { return change(c, argc, argv, N_DEL); }

/* hide_dev: a listing of one device (ip then leaves "dev" out). */
static json_object *neigh_json(struct tool_ctx *c, const struct nlhl_neigh *n, bool hide_dev)
{
	json_object *o = json_object_new_object();
	char buf[NLHL_HWADDR_STRLEN];

	if (n->ip.family && nlhl_format_ip(&n->ip, buf, sizeof(buf)) == 0)
		tool_jstr(o, "dst", buf);
	if (n->link_index && !hide_dev)
		tool_jstr(o, "dev", tool_ifname(c, n->link_index, buf));
	if (n->hw_addr.len && nlhl_format_hwaddr(&n->hw_addr, buf, sizeof(buf)) == 0)
		tool_jstr(o, "lladdr", buf);
	if (n->flags & NLHL_NTF_ROUTER)
		json_object_object_add(o, "router", NULL);
	if (n->flags & NLHL_NTF_PROXY)
		json_object_object_add(o, "proxy", NULL);
	if (n->flags & NLHL_NTF_EXT_LEARNED)
		json_object_object_add(o, "extern_learn", NULL);
	if (n->flags & NLHL_NTF_OFFLOADED)
		json_object_object_add(o, "offload", NULL);
	if (n->flags_ext & NLHL_NTF_EXT_MANAGED)
		json_object_object_add(o, "managed", NULL);
	if (c->stats) {
		tool_jint(o, "used", n->used / 100);
		tool_jint(o, "confirmed", n->confirmed / 100);
		tool_jint(o, "updated", n->updated / 100);
		if (n->probes)
			tool_jint(o, "probes", n->probes);
	}
	if (!(n->flags & NLHL_NTF_PROXY))
		json_object_object_add(o, "state", names_nud_states(n->state));
	if (n->protocol)
		tool_jstr(o, "protocol", names_proto(n->protocol, buf));
	return o;
}

void tool_neigh_print_text(struct tool_ctx *c, json_object *o)
{
	const char *s;
	json_object *v;
	char buf[256];

	printf("%s", tool_jget_str(o, "dst"));
	if ((s = tool_jget_str(o, "dev")))
		printf(" dev %s", s);
	if ((s = tool_jget_str(o, "lladdr")))
		printf(" lladdr %s", s);
	if (json_object_object_get_ex(o, "router", NULL))
		printf(" router");
	if (json_object_object_get_ex(o, "proxy", NULL))
		printf(" proxy");
	if (json_object_object_get_ex(o, "extern_learn", NULL))
		printf(" extern_learn");
	if (json_object_object_get_ex(o, "state", &v))
		printf(" %s", names_join(v, ",", buf, sizeof(buf)));
	if ((s = tool_jget_str(o, "protocol")))
		printf(" proto %s", s);
	printf("\n");
}

struct show_state {
	struct tool_ctx *c;
	uint32_t nud;  /* shown states; ip hides NOARP and NONE unless asked */
	bool hide_dev;
};

static int show_one(const struct nlhl_neigh *n, void *arg)
{
	struct show_state *s = arg;

	if (!(n->flags & NLHL_NTF_PROXY) &&
	    !(n->state & s->nud) && !(n->state == 0 && (s->nud & 0x10000)))
		return 0;
	tool_emit(s->c, neigh_json(s->c, n, s->hide_dev), tool_neigh_print_text);
	return 0;
}

static int parse_show(struct tool_ctx *c, int argc, char **argv, struct nlhl_neigh *f,
		      uint32_t *mask, uint32_t *nud)
{
	int ifi;
	uint32_t v;
	int r;

	memset(f, 0, sizeof(*f));
	*mask = 0;
	*nud = ~(uint32_t)(NLHL_NUD_NOARP | 0x10000);
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "dev")) {
			TOOL_NEXT(c, argc, argv);
			if ((r = tool_ifindex(c, argv[0], &ifi)))
				return r;
			f->link_index = ifi;
			*mask |= NLHL_NEIGH_FILTER_LINK;
		} else if (tool_is(w, "proxy")) {
			*mask |= NLHL_NEIGH_FILTER_PROXY;
		} else if (tool_is(w, "nud")) {
			TOOL_NEXT(c, argc, argv);
			if (!strcmp(argv[0], "all")) {
				*nud = ~0u;
			} else {
				if (names_nud_parse(argv[0], &v) < 0)
					return tool_syntax(c, "nud \"%s\" is not a state", argv[0]);
				/* the first nud word replaces the default set */
				if (*nud == ~(uint32_t)(NLHL_NUD_NOARP | 0x10000))
					*nud = 0;
				*nud |= v ? v : 0x10000;
			}
		} else if (tool_is(w, "router")) {
			f->flags |= NLHL_NTF_ROUTER;
			*mask |= NLHL_NEIGH_FILTER_FLAGS;
		} else {
			if (tool_is(w, "to")) {
				TOOL_NEXT(c, argc, argv);
				w = argv[0];
			}
			if (nlhl_parse_ip(w, &f->ip) < 0)
				return tool_syntax(c, "\"%s\" is not an address or a keyword", w);
			*mask |= NLHL_NEIGH_FILTER_IP;
		}
	}
	return TOOL_OK;
}

static int do_show(struct tool_ctx *c, int argc, char **argv)
{
	struct show_state s = { .c = c };
	struct nlhl_neigh f;
	uint32_t mask;
	int r = parse_show(c, argc, argv, &f, &mask, &s.nud);

	if (r)
		return r;
	s.hide_dev = (mask & NLHL_NEIGH_FILTER_LINK) != 0;
	/* Names are looked up on this handle: not in the middle of the dump. */
	if (tool_links_load(c) < 0)
		return tool_fail(c);
	if (nlhl_neigh_foreach(c->h, c->family, &f, mask, show_one, &s) < 0)
		return tool_fail(c);
	return TOOL_OK;
}

static int do_flush(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_neigh f, *list = NULL;
	uint32_t mask, nud;
	size_t n = 0;
	int r = parse_show(c, argc, argv, &f, &mask, &nud), ret = TOOL_OK;

	if (r)
		return r;
	if (!(mask & NLHL_NEIGH_FILTER_LINK))
		return tool_syntax(c, "flush needs \"dev IFNAME\"");
	/* As ip: flush leaves permanent and noarp entries unless asked. */
	if (nud == ~(uint32_t)(NLHL_NUD_NOARP | 0x10000))
		nud &= ~(uint32_t)NLHL_NUD_PERMANENT;
	if (nlhl_neigh_list_filtered(c->h, c->family, &f, mask, &list, &n) < 0)
		return tool_fail(c);
	for (size_t i = 0; i < n; i++) {
		if (!(list[i].state & nud))
			continue;
		if (nlhl_neigh_del(c->h, &list[i]) < 0 && ret == TOOL_OK)
			ret = tool_fail(c);
	}
	nlhl_neigh_list_free(list, n);
	return ret;
}

static const struct tool_cmd neigh_cmds[] = {
	{ "show", do_show, true, false },
	{ "add", do_add, false, false },
	{ "change", do_replace, false, false },
	{ "replace", do_replace, false, false },
	{ "delete", do_del, false, false },
	{ "list", do_show, true, false },
	{ "flush", do_flush, false, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_neigh = {
	.name = "neighbour",
	.usage = "  { add | change | replace } { ADDR [lladdr LLADDR] [nud STATE] | proxy ADDR }\n"
		 "        dev IFNAME [router] [extern_learn] [managed] [protocol P]\n"
		 "  delete { ADDR | proxy ADDR } dev IFNAME\n"
		 "  { show | list | flush } [proxy] [to ADDR] [dev IFNAME] [nud STATE|all] [router]\n"
		 "STATE := permanent | noarp | stale | reachable | delay | probe | failed | incomplete | none",
	.cmds = neigh_cmds,
};

json_object *tool_neigh_json(struct tool_ctx *c, const struct nlhl_neigh *n)
{
	return neigh_json(c, n, false);
}
