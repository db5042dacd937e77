/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fuzz target "tool-args": the tools' command-line parsing.  The input is
 * split into words (at NUL or newline) and run as `nlhl WORD...` through
 * the tools' real driver (tool_main_multi), plus the number and name
 * parsers of tool.c with their invariants.
 *
 * Commands really run, so the process first moves into its own network and
 * mount namespaces with a private tmpfs on /run/netns; words that could
 * leave that sandbox are not run: -n/-netns (another process's netns),
 * -b/-batch (command files from the disk) and any prefix of "exec"; nor
 * are prefixes of "monitor" (it waits for events until a signal).
 * Built as its own program (it needs the tools' objects), see test/fuzz.mk;
 * its corpus replays in every `make fuzz`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tool.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int null = open("/dev/null", O_RDONLY);

	if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0 ||
	    mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		perror("tool-args fuzz: sandbox (needs root)");
		abort();
	}
	mkdir("/run/netns", 0755);
	if (mount("tmpfs", "/run/netns", "tmpfs", 0, "mode=0755") < 0) {
		perror("tool-args fuzz: tmpfs on /run/netns");
		abort();
	}
	/* -batch - and friends read stdin: give them an empty one. */
	if (null >= 0) {
		dup2(null, 0);
		close(null);
	}
	return 0;
}

static int unsafe(const char *w)
{
	const char *o = w;

	if (o[0] == '-') {
		o += 1 + (o[1] == '-');
		return o[0] == 'n' || o[0] == 'b';
	}
	return w[0] && (tool_matches(w, "exec") || tool_matches(w, "monitor"));
}

static void check_parsers(const char *w)
{
	uint32_t u;
	int i;

	if (tool_parse_u32(w, &u) == 0) {
		char back[16];
		uint32_t u2;

		snprintf(back, sizeof(back), "%" PRIu32, u);
		if (tool_parse_u32(back, &u2) != 0 || u2 != u)
			abort();
	}
	if (tool_parse_int(w, -100, 100, &i) == 0 && (i < -100 || i > 100))
		abort();
	if (tool_valid_ifname(w) && (strlen(w) >= 16 || strchr(w, '/') || strchr(w, ' ')))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[18];
	int argc = 0;

	if (size > 512)
		return 0;
	buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = (char *)"nlhl";
	for (char *p = buf, *end = buf + size; p <= end && argc < 17;) {
		size_t n = strcspn(p, "\n");

		p[n] = '\0';
		if (unsafe(p))
			goto out;
		check_parsers(p);
		argv[argc++] = p;
		p += n + 1;
		if (p > end)
			break;
	}
	argv[argc] = NULL;
	tool_main_multi(argc, argv);
out:
	free(buf);
	return 0;
}
