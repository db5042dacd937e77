/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-tc's pieces shared between its files: tc's handle and unit words,
 * the actions ("action gact drop ...") and the filter kinds beyond u32 and
 * matchall.
 */
#ifndef NLHL_TC_TOOL_H
#define NLHL_TC_TOOL_H

#include "tool.h"

/* "1:" / "1:10" -> handle; a syntax error (reported) otherwise. */
int tc_parse_handle(struct tool_ctx *c, const char *s, uint32_t *ret);
/* tc's text of a handle: "1:", "1:10" (buf: 16 bytes). */
const char *tc_handle_str(uint32_t h, char *buf);
int tc_parse_rate(struct tool_ctx *c, const char *kw, const char *s, uint64_t *ret);
int tc_parse_size(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret);
int tc_parse_time(struct tool_ctx *c, const char *kw, const char *s, uint32_t *ret);

/* Parses "action KIND ARGS [action KIND ARGS ...]" (tc-actions(8)) from
 * *argvp into f->actions, stops at the first word that is neither. */
int tc_parse_actions(struct tool_ctx *c, int *argcp, char ***argvp, struct nlhl_filter *f);
/* tc -j's "actions" array of a filter (NULL when it has none). */
json_object *tc_actions_json(struct tool_ctx *c, const struct nlhl_filter *f);
/* The text lines of a filter's "actions" array, as tc prints them. */
void tc_actions_print(json_object *actions);

/* Options of flower, fw, basic and bpf filters after the kind word (the
 * actions included); and their tc -j "options". */
int tc_parse_filter_kind(struct tool_ctx *c, int argc, char **argv, struct nlhl_filter *f);
void tc_filter_kind_json(struct tool_ctx *c, const struct nlhl_filter *f, json_object *opts);

#endif
