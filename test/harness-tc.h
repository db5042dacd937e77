/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Test helpers of the traffic-control suites (test/test-tc-*.c). */
#ifndef NLT_HARNESS_TC_H
#define NLT_HARNESS_TC_H

#include "harness.h"

#include <errno.h>
#include <string.h>

/* A veth pair NAME / NAME-p (up), in the test's netns; NAME's ifindex. */
int nlt_tc_veth(const char *name);
/* ifindex of a link by name (0 if none). */
int nlt_tc_ifindex(const char *name);

/* Kernel feature probes for classifiers and actions, made on a scratch
 * veth in the test's netns. */
bool nlt_has_filter_kind(const char *kind);
bool nlt_has_action_kind(const char *kind);
#define NLT_REQUIRE_FILTER_KIND(k)                                                   \
	do {                                                                         \
		if (!nlt_has_filter_kind(k))                                         \
			NLT_SKIP("host kernel lacks filter %s (runs in make check-vm)", k); \
	} while (0)
#define NLT_REQUIRE_ACTION_KIND(k)                                                   \
	do {                                                                         \
		if (!nlt_has_action_kind(k))                                         \
			NLT_SKIP("host kernel lacks action %s (runs in make check-vm)", k); \
	} while (0)
/* red needs parameters to be probed, so it has its own. */
bool nlt_has_red(void);

/* `tc -j -d [-s] qdisc show dev DEV`, the element with that handle ("1:",
 * "ffff:"), or NULL (caller puts the returned array in *all). */
json_object *nlt_tc_qdisc(const char *dev, const char *handle, json_object **all);
/* Text of `tc -d -s OBJ show dev DEV ...` (malloc'd). */
char *nlt_tc_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Asserts haystack contains needle, showing both. */
#define NLT_HAS(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, "\"%s\" lacks \"%s\"", (hay), (needle))

#endif
