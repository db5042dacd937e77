/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Interface names <-> indexes in the tool's network namespace (the one of
 * -n, else ours), for the families whose calls take ifindexes.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

struct query {
	const char *name;
	int index;
	char buf[IF_NAMESIZE];
};

static int by_name(void *arg)
{
	struct query *q = arg;

	q->index = (int)if_nametoindex(q->name);
	return q->index ? 0 : -ENODEV;
}

static int by_index(void *arg)
{
	struct query *q = arg;

	return if_indextoname((unsigned)q->index, q->buf) ? 0 : -ENODEV;
}

/* Runs fn in the tool's netns: ioctls on a socket made there. */
static int in_netns(struct tool_ctx *c, int (*fn)(void *), struct query *q)
{
	if (c->netns_fd < 0)
		return fn(q);
	return nlhl_netns_exec(c->netns_fd, fn, q);
}

int tool_ifindex(struct tool_ctx *c, const char *name, int *ret)
{
	struct query q = { .name = name };

	if (!tool_valid_ifname(name))
		return tool_syntax(c, "\"%s\" is not a valid interface name", name);
	if (in_netns(c, by_name, &q) < 0)
		return tool_error(c, "cannot find device \"%s\"", name);
	*ret = q.index;
	return TOOL_OK;
}

const char *tool_ifname(struct tool_ctx *c, int index, char *buf)
{
	struct query q = { .index = index };

	if (in_netns(c, by_index, &q) == 0)
		snprintf(buf, 16, "%s", q.buf);
	else
		snprintf(buf, 16, "if%d", index);
	return buf;
}
