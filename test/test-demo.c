/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The demo of `make demo`: runs build/bin/nlhl-demo -j and checks the
 * topology it reports, and that it leaves nothing behind in the caller's
 * netns (its two namespaces die with their fds).
 */
#include "harness.h"

#include <libgen.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

static json_object *find_by(json_object *arr, const char *key, const char *val)
{
	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		json_object *o = json_object_array_get_idx(arr, i);
		const char *v = nlt_jstr(o, key);

		if (v && !strcmp(v, val))
			return o;
	}
	return NULL;
}

START_TEST(demo_topology)
{
	char exe[PATH_MAX], demo[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	json_object *all, *o;
	char *out;

	ck_assert(n > 0);
	exe[n] = '\0';
	/* $(BUILD)/test/nlhl-tests -> $(BUILD)/bin/nlhl-demo */
	snprintf(demo, sizeof(demo), "%s/bin/nlhl-demo", dirname(dirname(exe)));
	all = nlt_json("'%s' -j", demo);

	o = find_by(nlt_jpath(all, "router", "links", NULL), "ifname", "veth0");
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "kind"), "veth");
	ck_assert_str_eq(nlt_jstr(o, "master"), "br0");
	o = find_by(nlt_jpath(all, "router", "addresses", NULL), "local", "10.10.0.1/24");
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "dev"), "br0");
	o = find_by(nlt_jpath(all, "host", "links", NULL), "ifname", "eth0");
	ck_assert_ptr_nonnull(o);
	ck_assert(json_object_get_boolean(nlt_jpath(o, "up", NULL)));
	o = find_by(nlt_jpath(all, "host", "routes", NULL), "dst", "default");
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.10.0.1");
	o = nlt_jpath(all, "route_get", NULL);
	ck_assert_str_eq(nlt_jstr(o, "dev"), "eth0");
	ck_assert_str_eq(nlt_jstr(o, "gateway"), "10.10.0.1");
	ck_assert_str_eq(nlt_jstr(o, "prefsrc"), "10.10.0.2");
	json_object_put(all);

	/* The caller's netns is untouched: only lo. */
	out = nlt_output("ip -j link show | jq length");
	ck_assert_str_eq(out, "1\n");
	free(out);
	ck_assert_int_eq(nlt_sh("'%s' bogus >/dev/null 2>&1", demo), 2);
}
END_TEST

NLT_SUITE(demo_suite)
static Suite *demo_suite(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = nlt_tcase(s, "demo");

	tcase_add_test(tc, demo_topology);
	return s;
}
