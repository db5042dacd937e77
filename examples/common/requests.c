/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Changes that -batch pipelines.  Outside -batch each request runs at once.
 * In -batch mode route, address and rule changes are queued on an
 * nlhl_batch and sent together when a line needs the kernel's answer (a
 * show, a link change, a failed line) or at the end of the file; each
 * result is reported with its own line number.
 *
 * Semantics stay ip's: without -force the batch is made with
 * stop_on_error, so no request after a failed one reaches the kernel (ip
 * stops at the first failing line); with -force every request is tried,
 * pipelined, and every failure is reported (ip -force).
 *
 * Queued requests only add or remove routes, addresses and rules, so the
 * lookups that later lines make (links by name) see the same state as if
 * the lines had run one by one.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <errno.h>
#include <stdlib.h>

int tool_batch_begin(struct tool_ctx *c)
{
	struct nlhl_batch_opts o = { .sz = sizeof(o), .stop_on_error = !c->force };

	if (nlhl_batch_new(c->h, &o, &c->batch) < 0)
		return tool_fail(c);
	return TOOL_OK;
}

/* Sends what is queued; reports each failed request as the failure of its
 * line.  Returns TOOL_OK, or TOOL_FAIL when a request failed. */
int tool_batch_flush(struct tool_ctx *c)
{
	size_t n;
	int ret = TOOL_OK;

	if (!c->batch || c->n_queued == 0)
		return TOOL_OK;
	nlhl_batch_send(c->batch);  /* per-request results below */
	n = nlhl_batch_len(c->batch);
	for (size_t i = 0; i < n; i++) {
		const char *msg = "";
		int err = 0;

		if (nlhl_batch_result(c->batch, i, &err, &msg) < 0 || err == 0)
			continue;
		if (err == -ECANCELED)
			continue;  /* after a failure without -force: never ran */
		fprintf(stderr, "%s: %s\n", c->prog, msg);
		fprintf(stderr, "Command failed %s:%d\n", c->batch_name, c->queued_lines[i]);
		ret = TOOL_FAIL;
	}
	nlhl_batch_reset(c->batch);
	c->n_queued = 0;
	return ret;
}

void tool_batch_end(struct tool_ctx *c)
{
	nlhl_batch_free(c->batch);
	c->batch = NULL;
	free(c->queued_lines);
	c->queued_lines = NULL;
	c->n_queued = c->cap_queued = 0;
}

static int remember_line(struct tool_ctx *c)
{
	if (c->n_queued == c->cap_queued) {
		size_t cap = c->cap_queued ? 2 * c->cap_queued : 64;
		int *grown = realloc(c->queued_lines, cap * sizeof(*grown));

		if (!grown)
			return tool_error(c, "out of memory");
		c->queued_lines = grown;
		c->cap_queued = cap;
	}
	c->queued_lines[c->n_queued++] = c->lineno;
	return TOOL_OK;
}

/* A queueing call failed (bad input the library refused before sending). */
static int queued(struct tool_ctx *c, int r)
{
	if (r < 0)
		return tool_fail(c);
	return remember_line(c);
}

int tool_route(struct tool_ctx *c, enum tool_op op, const struct nlhl_route *r)
{
	if (c->batch) {
		switch (op) {
		case TOOL_OP_ADD: return queued(c, nlhl_batch_route_add(c->batch, r));
		case TOOL_OP_APPEND: return queued(c, nlhl_batch_route_append(c->batch, r));
		case TOOL_OP_REPLACE: return queued(c, nlhl_batch_route_replace(c->batch, r));
		case TOOL_OP_DEL: return queued(c, nlhl_batch_route_del(c->batch, r));
		}
	}
	switch (op) {
	case TOOL_OP_ADD: return nlhl_route_add(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
	case TOOL_OP_APPEND: return nlhl_route_append(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
	case TOOL_OP_REPLACE: return nlhl_route_replace(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
	case TOOL_OP_DEL: return nlhl_route_del(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
	}
	return TOOL_FAIL;
}

int tool_addr(struct tool_ctx *c, enum tool_op op, const struct nlhl_link *l,
	      const struct nlhl_addr *a)
{
	if (c->batch) {
		switch (op) {
		case TOOL_OP_ADD: return queued(c, nlhl_batch_addr_add(c->batch, l, a));
		case TOOL_OP_APPEND:
		case TOOL_OP_REPLACE: return queued(c, nlhl_batch_addr_replace(c->batch, l, a));
		case TOOL_OP_DEL: return queued(c, nlhl_batch_addr_del(c->batch, l, a));
		}
	}
	switch (op) {
	case TOOL_OP_ADD: return nlhl_addr_add(c->h, l, a) < 0 ? tool_fail(c) : TOOL_OK;
	case TOOL_OP_APPEND:
	case TOOL_OP_REPLACE: return nlhl_addr_replace(c->h, l, a) < 0 ? tool_fail(c) : TOOL_OK;
	case TOOL_OP_DEL: return nlhl_addr_del(c->h, l, a) < 0 ? tool_fail(c) : TOOL_OK;
	}
	return TOOL_FAIL;
}

int tool_rule(struct tool_ctx *c, enum tool_op op, const struct nlhl_rule *r)
{
	if (c->batch && (op == TOOL_OP_ADD || op == TOOL_OP_DEL))
		return queued(c, op == TOOL_OP_ADD ? nlhl_batch_rule_add(c->batch, r) :
						     nlhl_batch_rule_del(c->batch, r));
	if (op == TOOL_OP_ADD)
		return nlhl_rule_add(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
	return nlhl_rule_del(c->h, r) < 0 ? tool_fail(c) : TOOL_OK;
}
