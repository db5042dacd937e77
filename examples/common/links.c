/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Links of the tool's namespace (the one of -n, else ours).  Show commands
 * print device names: one nlhl_link_list() per command answers every
 * index -> name question (a batch line may change the links, so the list
 * lives for one command).  Name -> link is one RTM_GETLINK.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <stdlib.h>
#include <string.h>

void tool_links_reset(struct tool_ctx *c)
{
	if (c->links)
		nlhl_link_list_free(c->links, c->n_links);
	c->links = NULL;
	c->n_links = 0;
	c->links_loaded = false;
}

int tool_links_load(struct tool_ctx *c)
{
	int r;

	if (c->links_loaded)
		return 0;
	r = nlhl_link_list(c->h, &c->links, &c->n_links);
	if (r < 0) {
		c->links = NULL;
		c->n_links = 0;
		return r;
	}
	c->links_loaded = true;
	return 0;
}

const struct nlhl_link *tool_link_by_index(struct tool_ctx *c, int index)
{
	tool_links_load(c);
	for (size_t i = 0; i < c->n_links; i++)
		if (c->links[i].attrs.index == index)
			return &c->links[i];
	return NULL;
}

const char *tool_ifname(struct tool_ctx *c, int index, char *buf)
{
	const struct nlhl_link *l = tool_link_by_index(c, index);

	if (l)
		return l->attrs.name;
	snprintf(buf, 16, "if%d", index);
	return buf;
}

int tool_dev(struct tool_ctx *c, const char *name, struct nlhl_link *ret)
{
	if (!tool_valid_ifname(name))
		return tool_syntax(c, "\"%s\" is not a valid interface name", name);
	if (nlhl_link_by_name(c->h, name, ret) < 0)
		return tool_error(c, "cannot find device \"%s\": %s", name, nlhl_errmsg());
	return TOOL_OK;
}

int tool_ifindex(struct tool_ctx *c, const char *name, int *ret)
{
	struct nlhl_link l;
	int r = tool_dev(c, name, &l);

	if (r == TOOL_OK)
		*ret = l.attrs.index;
	return r;
}
