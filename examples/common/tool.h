/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Shared code of the nlhl-* tools: iproute2's command grammar (keywords may
 * be abbreviated, the first match in table order wins, as in ip), global
 * options (-j, -p, -d, -s, -4/-6, -n NETNS, -batch FILE, -force), JSON
 * output through json-c with iproute2's field names, and ip's exit status:
 * 0 success, 1 bad command line, 2 the kernel (or the library) refused.
 *
 * The tools use only the public API of libnetlinkhl (<netlinkhl.h>).
 */
#ifndef NLHL_TOOL_H
#define NLHL_TOOL_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>

#include <netlinkhl.h>

/* Exit codes, as ip(8) documents them.  TOOL_STOPPED (never an exit code):
 * a -batch stops before a line because an earlier queued line failed. */
enum { TOOL_OK = 0, TOOL_SYNTAX = 1, TOOL_FAIL = 2, TOOL_STOPPED = 3 };

struct tool_ctx {
	const char *prog;        /* "nlhl-link", for messages */
	nlhl_handle *h;          /* a handle in the -n netns (or ours) */
	int netns_fd;            /* -1 unless -n was given */
	const char *netns_arg;   /* -n's argument as given */
	bool json, pretty, details, stats, force, oneline;
	int family;              /* -4/-6/-f: AF_INET, AF_INET6, AF_UNSPEC */
	json_object *out;        /* -j: the array that show commands fill */
	const struct tool_object *obj; /* the object being run */
	/* The links of the netns, listed once per command for names. */
	struct nlhl_link *links;
	size_t n_links;
	bool links_loaded;
	/* -batch: where we are, and the pipeline (requests.c). */
	const char *batch_name;
	int lineno;
	nlhl_batch *batch;
	int *queued_lines;       /* line of each queued request */
	size_t n_queued, cap_queued;
	bool batch_failed;       /* a queued request failed (reported) */
};

/* A command: "add", "show", ... with its handler.  Handlers parse the whole
 * command line before they change anything, so that a syntax error leaves
 * the state untouched, and return one of the TOOL_* codes. */
struct tool_cmd {
	const char *name;
	int (*run)(struct tool_ctx *c, int argc, char **argv);
	bool lists;              /* with -j, prints [] even when empty */
	bool queues;             /* -batch may queue its request (requests.c) */
};

/* An object ("link", "address", ...): its commands and help text. */
struct tool_object {
	const char *name;        /* "link" */
	const char *usage;       /* text after "Usage: " lines, no trailing \n */
	const struct tool_cmd *cmds; /* NULL-name terminated; [0] is the default */
	bool one_command;        /* every word is an argument of cmds[0] */
};

/* Objects the tools know (tool-objects.c). */
extern const struct tool_object tool_obj_netns;
extern const struct tool_object tool_obj_link;
extern const struct tool_object tool_obj_addr;
extern const struct tool_object tool_obj_monitor;
extern const struct tool_object tool_obj_tc;
extern const struct tool_object tool_obj_rule;
extern const struct tool_object tool_obj_route;
extern const struct tool_object tool_obj_neigh;
extern const struct tool_object *const tool_objects[];

/* main() of a single-object tool (nlhl-link, ...) and of `nlhl`. */
int tool_main(const struct tool_object *obj, int argc, char **argv);
int tool_main_multi(int argc, char **argv);

/* Runs one command line of obj (argv[0] is the command). */
int tool_run(struct tool_ctx *c, const struct tool_object *obj, int argc, char **argv);

/* iproute2's matches(): arg is a non-empty prefix of keyword. */
bool tool_matches(const char *arg, const char *keyword);
/* Same, but exact for one-letter keywords (e.g. "up" vs "u"). */
bool tool_is(const char *arg, const char *keyword);

/*
 * Syntax errors: print "PROG: message" and the object's usage to stderr and
 * return TOOL_SYNTAX.  Use as `return tool_syntax(c, "...", ...);`.
 */
int tool_syntax(struct tool_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Library failures: print "PROG: " and nlhl_errmsg(), return TOOL_FAIL. */
int tool_fail(struct tool_ctx *c);
/* Failures found by the tool itself that are not syntax errors (e.g. a
 * netns that does not exist): "PROG: message", TOOL_FAIL. */
int tool_error(struct tool_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Argument helpers: each takes the next word after a keyword; on a missing
 * word they report "KEYWORD needs an argument" and return TOOL_SYNTAX. */
#define TOOL_NEXT(c, argc, argv)                                                        \
	do {                                                                            \
		if ((argc) < 2)                                                         \
			return tool_syntax((c), "\"%s\" needs an argument", (argv)[0]);  \
		(argc)--;                                                               \
		(argv)++;                                                               \
	} while (0)

/* Number parsing in iproute2's bases (0x.., 0..); -1 on junk or range. */
int tool_parse_u32(const char *s, uint32_t *ret);
int tool_parse_int(const char *s, int min, int max, int *ret);

/* An ifname: non-empty, < 16 bytes, no '/' or blanks (ip's check). */
bool tool_valid_ifname(const char *s);

/* Opens the netns named by a word of the command line the way -n reads it:
 * all digits = a pid, containing '/' = a path, else a /run/netns name.
 * Returns an fd or a negative errno (nlhl_errmsg() says why). */
int tool_netns_open(const char *arg);

/* Output: adds obj to the -j array (taking ownership) or prints it as text
 * with the given printer. */
void tool_emit(struct tool_ctx *c, json_object *obj,
	       void (*print_text)(struct tool_ctx *c, json_object *obj));

/* json-c helpers for building iproute2-shaped objects. */
void tool_jstr(json_object *o, const char *key, const char *val); /* NULL: skip */
void tool_jint(json_object *o, const char *key, int64_t val);
void tool_jbool(json_object *o, const char *key, bool val);
const char *tool_jget_str(json_object *o, const char *key);  /* NULL if absent */
bool tool_jget_int(json_object *o, const char *key, int64_t *ret);

/* Links of the tool's netns (links.c).  One nlhl_link_list() per command
 * answers every index -> name question; tool_links_reset() forgets it. */
int tool_links_load(struct tool_ctx *c);
void tool_links_reset(struct tool_ctx *c);
const struct nlhl_link *tool_link_by_index(struct tool_ctx *c, int index);
/* The name of ifindex, or "ifN" when unknown (buf: 16 bytes). */
const char *tool_ifname(struct tool_ctx *c, int index, char *buf);
/* Looks a device up by name (one RTM_GETLINK): a bad name is a syntax
 * error (TOOL_SYNTAX), a missing device TOOL_FAIL ("cannot find device"),
 * both reported. */
int tool_dev(struct tool_ctx *c, const char *name, struct nlhl_link *ret);
int tool_ifindex(struct tool_ctx *c, const char *name, int *ret);

/* ip's JSON objects and text of each family, shared with nlhl-monitor. */
json_object *tool_link_json(struct tool_ctx *c, const struct nlhl_link *l);
void tool_link_print_text(struct tool_ctx *c, json_object *o);
json_object *tool_addr_event_json(struct tool_ctx *c, const struct nlhl_addr *a);
void tool_addr_event_text(struct tool_ctx *c, json_object *o);
json_object *tool_route_json(struct tool_ctx *c, const struct nlhl_route *rt);
void tool_route_print_text(struct tool_ctx *c, json_object *o);
json_object *tool_neigh_json(struct tool_ctx *c, const struct nlhl_neigh *n);
void tool_neigh_print_text(struct tool_ctx *c, json_object *o);
json_object *tool_rule_json(struct tool_ctx *c, const struct nlhl_rule *r);
void tool_rule_print_text(struct tool_ctx *c, json_object *o);

/* Changes that -batch pipelines (requests.c): run at once, or queued on
 * the batch with the current line number.  TOOL_OK or TOOL_FAIL
 * (reported). */
enum tool_op { TOOL_OP_ADD, TOOL_OP_APPEND, TOOL_OP_REPLACE, TOOL_OP_DEL };
int tool_route(struct tool_ctx *c, enum tool_op op, const struct nlhl_route *r);
int tool_addr(struct tool_ctx *c, enum tool_op op, const struct nlhl_link *l,
	      const struct nlhl_addr *a);
int tool_rule(struct tool_ctx *c, enum tool_op op, const struct nlhl_rule *r);
int tool_batch_begin(struct tool_ctx *c);
/* Sends what is queued and reports each failure with its line: TOOL_OK,
 * or TOOL_FAIL when one failed. */
int tool_batch_flush(struct tool_ctx *c);
void tool_batch_end(struct tool_ctx *c);

#endif
