/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The driver shared by the nlhl-* tools: global options, -n NETNS, the
 * command dispatch with iproute2's abbreviations, -batch, JSON output and
 * exit status.  See tool.h.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>


static const char global_usage[] =
	"Options: -j[son] -p[retty] -d[etails] -s[tats] -o[neline] -4 -6 -f[amily] inet|inet6\n"
	"         -n[etns] NAME|PATH|PID   run in that network namespace\n"
	"         -b[atch] FILE|-          one command a line (stops at the first error)\n"
	"         -force                   with -batch: go on after errors\n"
	"         -h[elp] -V[ersion]\n";

bool tool_matches(const char *arg, const char *keyword)
{
	size_t n = strlen(arg);

	return n > 0 && n <= strlen(keyword) && strncmp(arg, keyword, n) == 0;
}

bool tool_is(const char *arg, const char *keyword)
{
	return strcmp(arg, keyword) == 0;
}

static void print_usage(FILE *f, const char *prog, const struct tool_object *obj)
{
	if (obj) {
		fprintf(f, "Usage: %s [OPTIONS] COMMAND [ARGS]\n%s\n", prog, obj->usage);
	} else {
		fprintf(f, "Usage: %s [OPTIONS] OBJECT COMMAND [ARGS]\n"
			   "       %s [OPTIONS] -batch FILE   (lines: OBJECT COMMAND [ARGS])\n"
			   "Objects:", prog, prog);
		for (int i = 0; tool_objects[i]; i++)
			fprintf(f, " %s", tool_objects[i]->name);
		fprintf(f, "\n       (%s OBJECT help shows an object's commands)\n", prog);
	}
	fputs(global_usage, f);
}

int tool_syntax(struct tool_ctx *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	print_usage(stderr, c->prog, c->obj);
	return TOOL_SYNTAX;
}

int tool_fail(struct tool_ctx *c)
{
	fprintf(stderr, "%s: %s\n", c->prog, nlhl_errmsg());
	return TOOL_FAIL;
}

int tool_error(struct tool_ctx *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return TOOL_FAIL;
}

int tool_parse_u32(const char *s, uint32_t *ret)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || *s == '-' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > UINT32_MAX)
		return -1;
	*ret = (uint32_t)v;
	return 0;
}

int tool_parse_int(const char *s, int min, int max, int *ret)
{
	long long v;
	char *end;

	if (!s || !*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (errno || *end || v < min || v > max)
		return -1;
	*ret = (int)v;
	return 0;
}

bool tool_valid_ifname(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= 16 || !strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ':' || isspace((unsigned char)*s))
			return false;
	return true;
}

int tool_netns_open(const char *arg)
{
	const char *p = arg;

	while (*p && isdigit((unsigned char)*p))
		p++;
	if (*arg && !*p)
		return nlhl_netns_get_by_pid((pid_t)atoi(arg));
	if (strchr(arg, '/'))
		return nlhl_netns_get_by_path(arg);
	return nlhl_netns_get_by_name(arg);
}

void tool_jstr(json_object *o, const char *key, const char *val)
{
	if (val)
		json_object_object_add(o, key, json_object_new_string(val));
}

void tool_jint(json_object *o, const char *key, int64_t val)
{
	json_object_object_add(o, key, json_object_new_int64(val));
}

void tool_jbool(json_object *o, const char *key, bool val)
{
	json_object_object_add(o, key, json_object_new_boolean(val));
}

const char *tool_jget_str(json_object *o, const char *key)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

bool tool_jget_int(json_object *o, const char *key, int64_t *ret)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
		return false;
	*ret = json_object_get_int64(v);
	return true;
}

void tool_emit(struct tool_ctx *c, json_object *obj,
	       void (*print_text)(struct tool_ctx *c, json_object *obj))
{
	if (c->json) {
		json_object_array_add(c->out, obj);
		return;
	}
	print_text(c, obj);
	json_object_put(obj);
}

static void flush_json(struct tool_ctx *c, bool always)
{
	if (!c->json || !c->out)
		return;
	if (always || json_object_array_length(c->out) > 0) {
		int flags = c->pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
				      : JSON_C_TO_STRING_PLAIN;

		/* ip prints "/" unescaped; so do we (paths in netns lists). */
		flags |= JSON_C_TO_STRING_NOSLASHESCAPE;
		puts(json_object_to_json_string_ext(c->out, flags));
	}
	json_object_put(c->out);
	c->out = NULL;
}

/* Runs one command line of an object (argv does not hold the program or
 * object name) and prints its -j output. */
int tool_run(struct tool_ctx *c, const struct tool_object *obj, int argc, char **argv)
{
	const struct tool_cmd *cmd = &obj->cmds[0];
	int r;

	c->obj = obj;
	if (argc > 0 && tool_matches(argv[0], "help")) {
		print_usage(stdout, c->prog, obj);
		return TOOL_OK;
	}
	if (obj->one_command) {
		/* every word is an argument: pass them all */
		argc++;
		argv--;
	} else if (argc > 0) {
		for (cmd = obj->cmds; cmd->name; cmd++)
			if (tool_matches(argv[0], cmd->name))
				break;
		if (!cmd->name)
			return tool_syntax(c, "command \"%s\" is unknown, try \"%s help\"", argv[0],
					   c->prog);
	}
	/* -batch: a line that needs the kernel's answer (a show, a link
	 * change) first sends what earlier lines queued.  If one of those
	 * failed, ip would have stopped there: so do we, without -force. */
	if (c->batch && !cmd->queues && tool_batch_flush(c) != TOOL_OK) {
		c->batch_failed = true;
		if (!c->force)
			return TOOL_STOPPED;
	}
	if (c->json)
		c->out = json_object_new_array();
	/* Handlers get the words after the command word. */
	r = argc > 0 ? cmd->run(c, argc - 1, argv + 1) : cmd->run(c, 0, argv);
	/* Like ip: a show with nothing to show still prints "[]". */
	flush_json(c, r == TOOL_OK && cmd->lists);
	fflush(stdout);
	tool_links_reset(c);
	return r;
}

/* `nlhl OBJECT COMMAND ...`: picks the object (abbreviations as in ip). */
static int run_multi(struct tool_ctx *c, int argc, char **argv)
{
	if (argc == 0)
		return tool_syntax(c, "which object?");
	for (int i = 0; tool_objects[i]; i++)
		if (tool_matches(argv[0], tool_objects[i]->name))
			return tool_run(c, tool_objects[i], argc - 1, argv + 1);
	if (tool_matches(argv[0], "help")) {
		print_usage(stdout, c->prog, NULL);
		return TOOL_OK;
	}
	return tool_syntax(c, "object \"%s\" is unknown, try \"%s help\"", argv[0], c->prog);
}

static int run_one(struct tool_ctx *c, const struct tool_object *obj, int argc, char **argv)
{
	return obj ? tool_run(c, obj, argc, argv) : run_multi(c, argc, argv);
}

/*
 * Splits a batch line into words as ip's makeargs() does: blanks separate,
 * '...' and "..." quote, a word starting with '#' starts a comment.  Returns
 * the word count, or -1 on an unterminated quote.  Words point into line.
 */
static int split_line(char *line, char ***ret)
{
	char **words = NULL;
	int n = 0, cap = 0;
	char *p = line;

	for (;;) {
		char *w;

		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (n + 1 >= cap) {
			cap = cap ? 2 * cap : 16;
			words = realloc(words, cap * sizeof(*words));
			if (!words)
				return -1;
		}
		if (*p == '"' || *p == '\'') {
			char q = *p++;

			w = p;
			while (*p && *p != q)
				p++;
			if (!*p) {
				free(words);
				return -1;
			}
		} else {
			w = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
		}
		words[n++] = w;
		if (*p)
			*p++ = '\0';
	}
	if (!words)
		words = calloc(1, sizeof(*words));
	if (!words)
		return -1;
	words[n] = NULL;
	*ret = words;
	return n;
}

/*
 * -batch: one command a line.  As in ip, the first failing line is reported
 * as "Command failed FILE:LINE" and stops the batch unless -force; the exit
 * status is then 1.  Route, address and rule changes are pipelined through
 * the library's batch API (requests.c), their failures reported with their
 * own line numbers.
 */
static int run_batch(struct tool_ctx *c, const struct tool_object *obj, const char *file)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	const char *name = strcmp(file, "-") ? file : "<stdin>";
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, ret = TOOL_OK;

	if (!f) {
		fprintf(stderr, "%s: cannot open batch file \"%s\": %s\n", c->prog, file,
			strerror(errno));
		return TOOL_SYNTAX;
	}
	c->batch_name = name;
	while (getline(&line, &cap, f) >= 0) {
		char **words;
		int n, r;

		lineno++;
		c->lineno = lineno;
		n = split_line(line, &words);
		if (n < 0) {
			fprintf(stderr, "%s: %s:%d: unterminated quote\n", c->prog, name, lineno);
			r = TOOL_SYNTAX;
		} else {
			r = n ? run_one(c, obj, n, words) : TOOL_OK;
			free(words);
		}
		if (c->batch_failed) {
			/* an earlier, queued line failed (reported with its line) */
			ret = TOOL_SYNTAX;
			c->batch_failed = false;
			if (!c->force)
				break;
		}
		if (r == TOOL_STOPPED)
			break;
		if (r != TOOL_OK) {
			fprintf(stderr, "Command failed %s:%d\n", name, lineno);
			ret = TOOL_SYNTAX;
			if (!c->force)
				break;
		}
	}
	/* What the last lines queued; failures report their own lines. */
	if (tool_batch_flush(c) != TOOL_OK)
		ret = TOOL_SYNTAX;
	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

static bool opt_is(const char *opt, const char *name)
{
	return tool_matches(opt, name);
}

static int main_common(const struct tool_object *obj, int argc, char **argv)
{
	struct tool_ctx ctx = { .netns_fd = -1, .family = AF_UNSPEC };
	struct tool_ctx *c = &ctx;
	const char *batch = NULL;
	const char *slash = strrchr(argv[0], '/');
	int r;

	c->prog = slash ? slash + 1 : argv[0];
	c->obj = obj;
	/* A tool that changes network configuration on the word of its caller
	 * must not lend root to whoever runs it setuid. */
	if (getuid() != geteuid() || getgid() != getegid()) {
		fprintf(stderr, "%s: refusing to run setuid/setgid\n", c->prog);
		return TOOL_SYNTAX;
	}
	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-' && argv[0][1]) {
		const char *opt = argv[0];

		if (opt[1] == '-' && opt[2])
			opt++;  /* --json is -json, as in ip */
		if (!strcmp(opt, "--")) {
			argc--;
			argv++;
			break;
		}
		if (opt_is(opt, "-family")) {
			if (argc < 2)
				return tool_syntax(c, "-family needs an argument");
			argc--;
			argv++;
			if (!strcmp(argv[0], "inet"))
				c->family = AF_INET;
			else if (!strcmp(argv[0], "inet6"))
				c->family = AF_INET6;
			else if (!strcmp(argv[0], "link") || !strcmp(argv[0], "any"))
				c->family = AF_UNSPEC;
			else
				return tool_syntax(c, "unknown family \"%s\"", argv[0]);
		} else if (!strcmp(opt, "-4")) {
			c->family = AF_INET;
		} else if (!strcmp(opt, "-6")) {
			c->family = AF_INET6;
		} else if (opt_is(opt, "-statistics") || opt_is(opt, "-stats")) {
			c->stats = true;
		} else if (opt_is(opt, "-details")) {
			c->details = true;
		} else if (opt_is(opt, "-oneline")) {
			c->oneline = true;
		} else if (opt_is(opt, "-Version")) {
			printf("%s, libnetlinkhl %d.%d.%d\n", c->prog, NLHL_VERSION_MAJOR,
			       NLHL_VERSION_MINOR, NLHL_VERSION_PATCH);
			return TOOL_OK;
		} else if (opt_is(opt, "-force")) {
			c->force = true;
		} else if (opt_is(opt, "-batch")) {
			if (argc < 2)
				return tool_syntax(c, "-batch needs a file name (or -)");
			argc--;
			argv++;
			batch = argv[0];
		} else if (opt_is(opt, "-help")) {
			print_usage(stdout, c->prog, obj);
			return TOOL_OK;
		} else if (opt_is(opt, "-netns")) {
			if (argc < 2)
				return tool_syntax(c, "-netns needs a name, path or pid");
			argc--;
			argv++;
			c->netns_arg = argv[0];
		} else if (opt_is(opt, "-json")) {
			c->json = true;
		} else if (opt_is(opt, "-pretty")) {
			c->pretty = true;
		} else {
			return tool_syntax(c, "option \"%s\" is unknown, try \"%s -help\"", argv[0],
					   c->prog);
		}
		argc--;
		argv++;
	}
	if (batch && argc > 0)
		return tool_syntax(c, "-batch takes no command on the command line");

	if (c->netns_arg) {
		c->netns_fd = tool_netns_open(c->netns_arg);
		if (c->netns_fd < 0)
			return tool_error(c, "cannot open network namespace \"%s\": %s",
					  c->netns_arg, nlhl_errmsg());
		r = nlhl_handle_new_at(c->netns_fd, &c->h);
	} else {
		r = nlhl_handle_new(&c->h);
	}
	if (r < 0) {
		r = tool_fail(c);
		goto out;
	}
	if (batch) {
		/* -batch pipelines route, address and rule changes. */
		r = tool_batch_begin(c);
		if (r == TOOL_OK)
			r = run_batch(c, obj, batch);
		tool_batch_end(c);
	} else {
		r = run_one(c, obj, argc, argv);
	}
out:
	tool_links_reset(c);
	nlhl_handle_free(c->h);
	if (c->netns_fd >= 0)
		close(c->netns_fd);
	return r;
}

int tool_main(const struct tool_object *obj, int argc, char **argv)
{
	return main_common(obj, argc, argv);
}

int tool_main_multi(int argc, char **argv)
{
	return main_common(NULL, argc, argv);
}
