/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-monitor: the kernel's events, as `ip monitor`.  Text lines follow
 * ip's (a "Deleted " prefix for removals, "[LINK]" style labels with
 * `label`); -j prints one JSON object a line ({"event": "new"|"del",
 * "object": "link", ...the fields of `ip -j OBJECT show`}), which ip 6.1
 * does not offer, so scripts can `jq` the stream.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <signal.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>

static nlhl_monitor *running;

static void on_signal(int sig)
{
	(void)sig;
	if (running)
		nlhl_monitor_stop(running);  /* async-signal-safe */
}

struct mon {
	struct tool_ctx *c;
	bool label;
	long count;   /* events left to print; -1: no limit */
};

static const char *object_name(enum nlhl_event_object o)
{
	switch (o) {
	case NLHL_OBJ_LINK: return "link";
	case NLHL_OBJ_ADDR: return "address";
	case NLHL_OBJ_ROUTE: return "route";
	case NLHL_OBJ_NEIGH: return "neigh";
	case NLHL_OBJ_RULE: return "rule";
	case NLHL_OBJ_NEXTHOP: return "nexthop";
	case NLHL_OBJ_NSID: return "nsid";
	case NLHL_OBJ_QDISC: return "qdisc";
	default: return "none";
	}
}

static void print_event(struct mon *m, const struct nlhl_event *ev, json_object *o,
			void (*text)(struct tool_ctx *c, json_object *o))
{
	struct tool_ctx *c = m->c;

	if (c->json) {
		json_object *line = json_object_new_object();

		tool_jstr(line, "event", ev->type == NLHL_EVENT_NEW ? "new" : "del");
		tool_jstr(line, "object", object_name(ev->object));
		json_object_object_foreach(o, k, v)
			json_object_object_add(line, k, json_object_get(v));
		puts(json_object_to_json_string_ext(line, JSON_C_TO_STRING_PLAIN |
						     JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(line);
	} else {
		if (m->label) {
			char up[16];
			const char *n = object_name(ev->object);
			size_t i;

			for (i = 0; n[i] && i < sizeof(up) - 1; i++)
				up[i] = (char)(n[i] >= 'a' && n[i] <= 'z' ? n[i] - 32 : n[i]);
			up[i] = '\0';
			printf("[%s]", up);
		}
		if (ev->type == NLHL_EVENT_DEL)
			printf("Deleted ");
		text(c, o);
	}
	json_object_put(o);
	fflush(stdout);
}

static int on_event(const struct nlhl_event *ev, void *arg)
{
	struct mon *m = arg;
	struct tool_ctx *c = m->c;

	if (ev->type != NLHL_EVENT_NEW && ev->type != NLHL_EVENT_DEL) {
		if (ev->type == NLHL_EVENT_OVERRUN)
			fprintf(stderr, "%s: events were lost (receive buffer overrun)\n", c->prog);
		return 0;
	}
	if (!ev->obj)
		return 0;
	/* Names of links change with the events: look them up afresh. */
	tool_links_reset(c);
	switch (ev->object) {
	case NLHL_OBJ_LINK:
		print_event(m, ev, tool_link_json(c, ev->link), tool_link_print_text);
		break;
	case NLHL_OBJ_ADDR:
		print_event(m, ev, tool_addr_event_json(c, ev->addr), tool_addr_event_text);
		break;
	case NLHL_OBJ_ROUTE:
		print_event(m, ev, tool_route_json(c, ev->route), tool_route_print_text);
		break;
	case NLHL_OBJ_NEIGH:
		print_event(m, ev, tool_neigh_json(c, ev->neigh), tool_neigh_print_text);
		break;
	case NLHL_OBJ_RULE:
		print_event(m, ev, tool_rule_json(c, ev->rule), tool_rule_print_text);
		break;
	default:
		return 0;
	}
	if (m->count > 0 && --m->count == 0)
		nlhl_monitor_stop(running);
	return 0;
}

static int do_monitor(struct tool_ctx *c, int argc, char **argv)
{
	struct nlhl_monitor_opts o = { .sz = sizeof(o) };
	struct mon m = { .c = c, .count = -1 };
	struct sigaction sa = { .sa_handler = on_signal };
	nlhl_monitor *mon;
	int r;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (tool_is(w, "all")) {
			o.groups = NLHL_MONITOR_ALL;
		} else if (tool_matches(w, "link")) {
			o.groups |= NLHL_MONITOR_LINK;
		} else if (tool_matches(w, "address")) {
			o.groups |= c->family == AF_INET6 ? NLHL_MONITOR_ADDR6 :
				    c->family == AF_INET ? NLHL_MONITOR_ADDR4 : NLHL_MONITOR_ADDR;
		} else if (tool_matches(w, "route")) {
			o.groups |= c->family == AF_INET6 ? NLHL_MONITOR_ROUTE6 :
				    c->family == AF_INET ? NLHL_MONITOR_ROUTE4 : NLHL_MONITOR_ROUTE;
		} else if (tool_matches(w, "neigh")) {
			o.groups |= NLHL_MONITOR_NEIGH;
		} else if (tool_matches(w, "rule")) {
			o.groups |= c->family == AF_INET6 ? NLHL_MONITOR_RULE6 :
				    c->family == AF_INET ? NLHL_MONITOR_RULE4 : NLHL_MONITOR_RULE;
		} else if (tool_is(w, "label")) {
			m.label = true;
		} else if (tool_is(w, "list")) {
			o.list_existing = true;
		} else if (tool_is(w, "count")) {
			int n;

			TOOL_NEXT(c, argc, argv);
			if (tool_parse_int(argv[0], 1, 0x7fffffff, &n) < 0)
				return tool_syntax(c, "count \"%s\" is not a positive number", argv[0]);
			m.count = n;
		} else {
			return tool_syntax(c, "\"%s\" is not an object to watch", w);
		}
	}
	if (!o.groups)
		o.groups = NLHL_MONITOR_LINK | NLHL_MONITOR_ADDR | NLHL_MONITOR_ROUTE |
			   NLHL_MONITOR_NEIGH | NLHL_MONITOR_RULE;
	if (c->netns_fd >= 0)
		r = nlhl_monitor_new_at(c->netns_fd, &o, on_event, &m, &mon);
	else
		r = nlhl_monitor_new(NULL, &o, on_event, &m, &mon);
	if (r < 0)
		return tool_fail(c);
	running = mon;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	r = nlhl_monitor_run(mon);
	running = NULL;
	nlhl_monitor_free(mon);
	return r < 0 ? tool_fail(c) : TOOL_OK;
}

static const struct tool_cmd monitor_cmds[] = {
	{ "monitor", do_monitor, false, false },
	{ NULL, NULL, false, false },
};

/* `nlhl-monitor [OBJECTS]`: one command, every word is its argument. */
const struct tool_object tool_obj_monitor = {
	.one_command = true,
	.name = "monitor",
	.usage = "  [all | link | address | route | neigh | rule]... [label] [list] [count N]\n"
		 "  (-j: one JSON object a line; stops on SIGINT/SIGTERM or after count events)",
	.cmds = monitor_cmds,
};
