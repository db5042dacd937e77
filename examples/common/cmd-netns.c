/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-netns: named network namespaces, as `ip netns`.  Names are
 * iproute2's /run/netns/NAME pins, so ip and these tools see the same set.
 */
#define _GNU_SOURCE
#include "tool.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NETNS_RUN_DIR "/run/netns"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names pinned under /run/netns, sorted; *ret_n = 0 when the folder does
 * not exist yet. */
static int list_names(char ***ret, size_t *ret_n)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	*ret = NULL;
	*ret_n = 0;
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((e = readdir(d))) {
		char **grown;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		grown = realloc(names, (n + 1) * sizeof(*names));
		if (!grown || !(grown[n] = strdup(e->d_name))) {
			free(grown ? grown : names);
			closedir(d);
			return -ENOMEM;
		}
		names = grown;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	*ret = names;
	*ret_n = n;
	return 0;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void print_name(struct tool_ctx *c, json_object *o)
{
	puts(tool_jget_str(o, "name"));
}

static int do_list(struct tool_ctx *c, int argc, char **argv)
{
	char **names;
	size_t n;
	int r;

	if (argc > 0)
		return tool_syntax(c, "list takes no arguments, \"%s\" is extra", argv[0]);
	r = list_names(&names, &n);
	if (r < 0)
		return tool_error(c, "cannot read " NETNS_RUN_DIR ": %s", strerror(-r));
	for (size_t i = 0; i < n; i++) {
		json_object *o = json_object_new_object();

		tool_jstr(o, "name", names[i]);
		tool_emit(c, o, print_name);
	}
	free_names(names, n);
	return TOOL_OK;
}

static bool valid_name(const char *s)
{
	return *s && !strchr(s, '/') && strcmp(s, ".") && strcmp(s, "..") && strlen(s) < 256;
}

static int one_name(struct tool_ctx *c, int argc, char **argv, const char *what)
{
	if (argc < 1)
		return tool_syntax(c, "%s needs a netns NAME", what);
	if (argc > 1)
		return tool_syntax(c, "%s takes one NAME, \"%s\" is extra", what, argv[1]);
	if (!valid_name(argv[0]))
		return tool_syntax(c, "\"%s\" is not a valid netns name", argv[0]);
	return TOOL_OK;
}

static int do_add(struct tool_ctx *c, int argc, char **argv)
{
	int r = one_name(c, argc, argv, "add"), fd;

	if (r)
		return r;
	fd = nlhl_netns_new_named(argv[0]);
	if (fd < 0)
		return tool_fail(c);
	close(fd);
	return TOOL_OK;
}

static int do_delete(struct tool_ctx *c, int argc, char **argv)
{
	char **names;
	size_t n;
	int r, ret = TOOL_OK;

	if (argc == 1 && !strcmp(argv[0], "-all")) {
		r = list_names(&names, &n);
		if (r < 0)
			return tool_error(c, "cannot read " NETNS_RUN_DIR ": %s", strerror(-r));
		for (size_t i = 0; i < n; i++)
			if (nlhl_netns_delete_named(names[i]) < 0)
				ret = tool_fail(c);
		free_names(names, n);
		return ret;
	}
	r = one_name(c, argc, argv, "delete");
	if (r)
		return r;
	if (nlhl_netns_delete_named(argv[0]) < 0)
		return tool_fail(c);
	return TOOL_OK;
}

/* Runs a program with this thread in the netns (and no other change:
 * unlike ip, /sys is not remounted and /etc/netns is not bound). */
static int do_exec(struct tool_ctx *c, int argc, char **argv)
{
	int fd;

	if (argc < 2)
		return tool_syntax(c, "exec needs a netns NAME and a COMMAND");
	if (!valid_name(argv[0]))
		return tool_syntax(c, "\"%s\" is not a valid netns name", argv[0]);
	fd = nlhl_netns_get_by_name(argv[0]);
	if (fd < 0)
		return tool_fail(c);
	if (nlhl_netns_set(fd) < 0) {
		close(fd);
		return tool_fail(c);
	}
	close(fd);
	fflush(NULL);
	execvp(argv[1], argv + 1);
	return tool_error(c, "exec of \"%s\" failed: %s", argv[1], strerror(errno));
}

/* Inode of the netns of a pid, or 0. */
static uint64_t ino_of_fd(int fd)
{
	uint64_t ino = 0;

	if (fd >= 0) {
		nlhl_netns_ino(fd, &ino);
		close(fd);
	}
	return ino;
}

static int do_identify(struct tool_ctx *c, int argc, char **argv)
{
	int pid = getpid();
	uint64_t want;
	char **names;
	size_t n;
	int r;

	if (argc > 1)
		return tool_syntax(c, "identify takes one PID, \"%s\" is extra", argv[1]);
	if (argc == 1 && tool_parse_int(argv[0], 1, 0x7fffffff, &pid) < 0)
		return tool_syntax(c, "\"%s\" is not a pid", argv[0]);
	r = nlhl_netns_get_by_pid(pid);
	if (r < 0)
		return tool_fail(c);
	want = ino_of_fd(r);
	r = list_names(&names, &n);
	if (r < 0)
		return tool_error(c, "cannot read " NETNS_RUN_DIR ": %s", strerror(-r));
	for (size_t i = 0; i < n; i++) {
		if (ino_of_fd(nlhl_netns_get_by_name(names[i])) == want) {
			json_object *o = json_object_new_object();

			tool_jstr(o, "name", names[i]);
			tool_emit(c, o, print_name);
		}
	}
	free_names(names, n);
	return TOOL_OK;
}

static void print_pid(struct tool_ctx *c, json_object *o)
{
	int64_t pid = 0;

	tool_jget_int(o, "pid", &pid);
	printf("%lld\n", (long long)pid);
}

static int do_pids(struct tool_ctx *c, int argc, char **argv)
{
	int r = one_name(c, argc, argv, "pids");
	uint64_t want;
	struct dirent *e;
	DIR *d;

	if (r)
		return r;
	r = nlhl_netns_get_by_name(argv[0]);
	if (r < 0)
		return tool_fail(c);
	want = ino_of_fd(r);
	d = opendir("/proc");
	if (!d)
		return tool_error(c, "cannot read /proc: %s", strerror(errno));
	while ((e = readdir(d))) {
		int pid;
		char path[300];
		int fd;

		if (!isdigit((unsigned char)e->d_name[0]) ||
		    tool_parse_int(e->d_name, 1, 0x7fffffff, &pid) < 0)
			continue;
		/* Read the link directly: processes come and go, and a
		 * vanished one is not an error worth a message. */
		snprintf(path, sizeof(path), "/proc/%d/ns/net", pid);
		if (access(path, F_OK) < 0)
			continue;
		fd = nlhl_netns_get_by_path(path);
		if (fd >= 0 && ino_of_fd(fd) == want) {
			json_object *o = json_object_new_object();

			tool_jint(o, "pid", pid);
			tool_emit(c, o, print_pid);
		}
	}
	closedir(d);
	return TOOL_OK;
}

static const struct tool_cmd netns_cmds[] = {
	{ "list", do_list, true, false },
	{ "add", do_add, false, false },
	{ "delete", do_delete, false, false },
	{ "exec", do_exec, false, false },
	{ "identify", do_identify, true, false },
	{ "pids", do_pids, true, false },
	{ "show", do_list, true, false },
	{ NULL, NULL, false, false },
};

const struct tool_object tool_obj_netns = {
	.name = "netns",
	.usage = "  list | show\n"
		 "  add NAME\n"
		 "  delete NAME | -all\n"
		 "  exec NAME COMMAND [ARGS...]\n"
		 "  identify [PID]\n"
		 "  pids NAME",
	.cmds = netns_cmds,
};
