/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The nlhl-* tools and the examples: runs each shell test
 * test/tools/<name>.sh and each example check examples/run/ex-<name>.sh in
 * the test's own fresh netns and asserts it exits 0.  The scripts compare the tools'
 * text and -j output with `ip -j` through jq, check -batch line numbers,
 * exit status and that bad command lines change nothing.
 */
#include "harness.h"

#include <glob.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static glob_t scripts;
static char bin_dir[PATH_MAX];

/* The tools sit in $(BUILD)/bin beside $(BUILD)/test/nlhl-tests. */
static void find_dirs(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return;
	exe[n] = '\0';
	snprintf(bin_dir, sizeof(bin_dir), "%s/bin", dirname(dirname(exe)));
	/* make runs the tests from the top of the tree */
	glob("test/tools/[a-z]*.sh", 0, NULL, &scripts);
	/* and the examples' checks (make examples-run runs them too) */
	glob("examples/run/ex-*.sh", GLOB_APPEND, NULL, &scripts);
}

START_TEST(tool_script)
{
	const char *script = scripts.gl_pathv[_i];
	int st;

	ck_assert_msg(access(bin_dir, X_OK) == 0, "no tools folder %s", bin_dir);
	st = nlt_sh("NLHL_BIN='%s' sh '%s' 2>&1", bin_dir, script);
	ck_assert_msg(st == 0, "%s exited %d (its output is above)", script, st);
}
END_TEST

NLT_SUITE(tools_suite)
static Suite *tools_suite(void)
{
	Suite *s = suite_create("tools");
	TCase *tc = nlt_tcase(s, "scripts");

	find_dirs();
	tcase_set_timeout(tc, 120);
	if (scripts.gl_pathc > 0)
		tcase_add_loop_test(tc, tool_script, 0, (int)scripts.gl_pathc);
	return s;
}
