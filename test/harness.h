/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Test harness on Check.  Check forks per test; the fixture of every test
 * case made by nlt_tcase() moves that child into a fresh netns, so tests
 * never touch the host netns and need no names.
 *
 * A test file registers its suites with NLT_SUITE(fn); the runner runs all
 * of them (CK_RUN_SUITE / CK_RUN_CASE pick one, as in plain Check).
 *
 * Skips: NLT_SKIP("reason") ends the test as skipped and the runner counts
 * it; under NLT_NO_SKIP=1 (the full-kernel tier) a skip fails instead,
 * unless its test name or reason contains a word of NLT_SKIP_ALLOW
 * ("netkit,...": features the tier's kernel is too old for).
 */
#ifndef NLT_HARNESS_H
#define NLT_HARNESS_H

#define _GNU_SOURCE
#include <check.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>

#include "netlinkhl.h"

typedef Suite *(*nlt_suite_fn)(void);
void nlt_register(nlt_suite_fn fn);

#define NLT_SUITE(fn)                                                  \
	static Suite *fn(void);                                        \
	__attribute__((constructor)) static void fn##_register(void)   \
	{                                                              \
		nlt_register(fn);                                      \
	}

/* A test case whose tests each run in a fresh netns (loopback down). */
TCase *nlt_tcase(Suite *s, const char *name);

/* Records a skip with its reason; see NLT_SKIP. */
void nlt_note_skip(const char *test, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define NLT_SKIP(...)                                  \
	do {                                           \
		nlt_note_skip(__func__, __VA_ARGS__);  \
		return;                                \
	} while (0)

/* Shell command (printf-style) run with /bin/sh; its exit status. */
int nlt_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same, but the test fails unless it exits 0. */
#define NLT_SH_OK(...) ck_assert_msg(nlt_sh(__VA_ARGS__) == 0, "command failed: " __VA_ARGS__)
/* Stdout of a shell command (malloc'd, caller frees); fails the test unless
 * the command exits 0. */
char *nlt_output(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Stdout of a command parsed as JSON (the iproute2 oracle: "ip -j ...");
 * caller json_object_put()s it.  Fails the test on bad JSON. */
json_object *nlt_json(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* `ip -d -j link show dev NAME`, element 0, or NULL if no such link
 * (caller puts it). */
json_object *nlt_ip_link(const char *name);
/* Convenience readers for oracle objects: missing key -> NULL / def. */
const char *nlt_jstr(json_object *o, const char *key);
long long nlt_jint(json_object *o, const char *key, long long def);
/* o["a"]["b"]... for a NULL-terminated key path. */
json_object *nlt_jpath(json_object *o, ...);

/* Kernel feature probes (made in the test's own netns, cleaned up). */
bool nlt_has_link_kind(const char *kind);
bool nlt_has_qdisc_kind(const char *kind);
#define NLT_REQUIRE_LINK_KIND(k)                                                     \
	do {                                                                         \
		if (!nlt_has_link_kind(k))                                           \
			NLT_SKIP("host kernel lacks link kind %s (runs in make check-vm)", k); \
	} while (0)
#define NLT_REQUIRE_QDISC_KIND(k)                                                    \
	do {                                                                         \
		if (!nlt_has_qdisc_kind(k))                                          \
			NLT_SKIP("host kernel lacks qdisc %s (runs in make check-vm)", k); \
	} while (0)

/* Number of open fds of this process. */
int nlt_count_fds(void);

/* Asserts r == 0 and shows nlhl_errmsg() otherwise. */
#define NLT_OK(expr)                                                             \
	do {                                                                     \
		int nlt_r_ = (expr);                                             \
		ck_assert_msg(nlt_r_ == 0, "%s = %d: %s", #expr, nlt_r_, nlhl_errmsg()); \
	} while (0)
/* Asserts expr returns exactly the negative errno want. */
#define NLT_ERR(expr, want)                                                      \
	do {                                                                     \
		int nlt_r_ = (expr);                                             \
		ck_assert_msg(nlt_r_ == (want), "%s = %d, want %d (%s)", #expr,  \
			      nlt_r_, (want), nlhl_errmsg());                    \
	} while (0)
/* Asserts nlhl_errmsg() contains s. */
#define NLT_ERRMSG_HAS(s)                                                        \
	ck_assert_msg(strstr(nlhl_errmsg(), (s)) != NULL, "errmsg \"%s\" lacks \"%s\"", \
		      nlhl_errmsg(), (s))

#endif
