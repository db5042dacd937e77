/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Bad input sweep over the whole public API.  The calls are generated from
 * the public headers (test/badinput-gen.awk -> $(BUILD)/test/
 * badinput-calls.h, see test/reliability.mk), so a new public function is
 * swept as soon as it is declared: each pointer argument NULL in turn (the
 * others valid-looking: a real handle, zeroed structs, a callback that
 * returns 0), and numbers whose name says what they are (family, fd,
 * index, pid, mtu, ...) set to impossible values.  Every int call must
 * return a negative errno and leave a message in nlhl_errmsg(), except
 * for a NULL that the function's header comment gives a meaning (a
 * sentence naming the argument and NULL, e.g. "filter may be NULL"; X_foreach
 * inherits X_list's): that call may also succeed.  Void calls must not
 * crash.  The test prints every call and
 * what it returned.
 *
 * Coverage: the test lists the public functions that no generated call
 * reaches (no pointer and no recognisable number argument) and checks them
 * by hand below.  Under NLT_SWEEP_STRICT=1 (.ci/run) a function reached by
 * neither fails the test.
 */
#include "harness.h"
#include "../lib/internal.h"
#include "netlinkhl/sys/nlsock.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SENTINEL "nlt-sweep-sentinel"
#define NZ 12

static _Alignas(64) unsigned char zbuf[NZ][32768];
static void *Z[NZ];
static nlhl_handle *H;
static int last_r, n_calls, n_bad, fds_before;
static char first_bad[512];

static int nlt_sweep_cb(void)
{
	return 0;
}

static void before(void)
{
	for (int i = 0; i < NZ; i++) {
		memset(zbuf[i], 0, sizeof(zbuf[i]));
		Z[i] = zbuf[i];
	}
	nlhl__fail(-EIO, SENTINEL);
	fds_before = nlt_count_fds();
}

static void bad(const char *label, const char *why)
{
	if (n_bad++ == 0)
		snprintf(first_bad, sizeof(first_bad), "%s: %s", label, why);
	printf("    ^ BAD: %s\n", why);
}

/* Every call: no fd left open by a failed call. */
static void after_any(const char *label, int r)
{
	n_calls++;
	if (r != 0 && nlt_count_fds() != fds_before)
		bad(label, "left a file descriptor open");
}

/* documented 1: the header gives this NULL a meaning ("filter may be
 * NULL"): the call may succeed (or fail, with a message, on the zeroed
 * others); 2: an async-signal-safe function, which returns the errno but
 * cannot write a message. */
static void after_int(int documented, const char *label, int r)
{
	const char *msg = nlhl_errmsg();

	last_r = r;
	printf("  %-78s = %-5d %s\n", label, r,
	       r >= 0 ? "(accepted)" : documented == 2 ? "(async-signal-safe: errno only)" : msg);
	after_any(label, r);
	if (r == 0 && documented == 1)
		return;  /* not bad input; the other arguments decide */
	if (r >= 0)
		bad(label, "accepted bad input");
	else if (r < -4095)
		bad(label, "not an errno");
	else if (documented != 2 && (!msg[0] || strstr(msg, SENTINEL)))
		bad(label, "failed without a message of its own");
}

#define SWEEP_INT(fn, documented, label, call)                 \
	do {                                                   \
		before();                                      \
		after_int(documented, label, (call));          \
	} while (0)
#define SWEEP_VOID(fn, param, label, call)                     \
	do {                                                   \
		before();                                      \
		call;                                          \
		printf("  %-78s   (void, no crash)\n", label); \
		after_any(label, 0);                           \
	} while (0)
#define SWEEP_PTR(fn, param, label, call)                                   \
	do {                                                                \
		before();                                                   \
		const void *p_ = (call);                                    \
		printf("  %-78s = %s\n", label, p_ ? "non-NULL" : "NULL"); \
		after_any(label, 0);                                        \
	} while (0)
#define SWEEP_VAL(fn, param, label, call)                                          \
	do {                                                                       \
		before();                                                          \
		long long v_ = (long long)(call);                                  \
		printf("  %-78s = %lld (a count, not an error code)\n", label, v_); \
		after_any(label, 0);                                               \
	} while (0)
#define FREE_LIST(fn, zr, zn)                                  \
	do {                                                   \
		if (last_r == 0)                               \
			fn(*(void **)(zr), *(size_t *)(zn));   \
	} while (0)
#define FREE_OBJ(fn, z)                            \
	do {                                       \
		if (last_r == 0)                   \
			fn(*(void **)(z));         \
	} while (0)
#define CLEAR(fn, z)                  \
	do {                          \
		if (last_r == 0)      \
			fn((void *)(z)); \
	} while (0)

static void generated(void)
{
#define NLT_SWEEP_CALLS
#include "badinput-calls.h"
#undef NLT_SWEEP_CALLS
}

/* nlt_sweep_all[]: every public function and how many calls reach it. */
#include "badinput-calls.h"

/* By hand: functions the generator cannot reach, and values it cannot
 * guess. */
static void by_hand(void)
{
	char longname[300], buf[8];
	struct nlhl_ipnet net = { .family = AF_INET, .prefixlen = 33 };
	struct nlhl_hwaddr hw = { .len = 200 };

	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	SWEEP_INT("nlhl_netns_get_by_name", 0, "nlhl_netns_get_by_name(300 x 'x')",
		  nlhl_netns_get_by_name(longname));
	SWEEP_INT("nlhl_netns_new_named", 0, "nlhl_netns_new_named(\"a/b\")",
		  nlhl_netns_new_named("a/b"));
	SWEEP_INT("nlhl_netns_get_by_path", 0, "nlhl_netns_get_by_path(\"/etc/passwd\")",
		  nlhl_netns_get_by_path("/etc/passwd"));
	SWEEP_INT("nlhl_netns_set", 0, "nlhl_netns_set(INT_MAX)", nlhl_netns_set(INT_MAX));
	SWEEP_INT("nlhl_netns_set", 0, "nlhl_netns_set(0 = stdin, not a netns)", nlhl_netns_set(0));
	SWEEP_INT("nlhl_netns_get_by_pid", 0, "nlhl_netns_get_by_pid(INT_MAX)",
		  nlhl_netns_get_by_pid(INT_MAX));
	SWEEP_INT("nlhl_parse_ipnet", 0, "nlhl_parse_ipnet(\"10.0.0.0/33\")",
		  nlhl_parse_ipnet("10.0.0.0/33", Z[1]));
	SWEEP_INT("nlhl_format_ipnet", 0, "nlhl_format_ipnet({AF_INET, /33})",
		  nlhl_format_ipnet(&net, (char *)Z[1], 64));
	SWEEP_INT("nlhl_format_hwaddr", 0, "nlhl_format_hwaddr({len 200})",
		  nlhl_format_hwaddr(&hw, (char *)Z[1], 1000));
	SWEEP_INT("nlhl_format_ip", 0, "nlhl_format_ip(\"192.0.2.1\", buf, 8)",
		  (nlhl_parse_ip("192.0.2.1", Z[2]), nlhl_format_ip(Z[2], buf, sizeof(buf))));
	SWEEP_INT("nlhl_handle_set_rcvbuf", 0, "nlhl_handle_set_rcvbuf(h, INT_MIN)",
		  nlhl_handle_set_rcvbuf(H, INT_MIN));
	SWEEP_INT("nlhl_nexthop_del", 0, "nlhl_nexthop_del(h, id=0)", nlhl_nexthop_del(H, 0));
	SWEEP_INT("nlhl_nexthop_get", 0, "nlhl_nexthop_get(h, id=0, ret)", nlhl_nexthop_get(H, 0, Z[1]));
	SWEEP_VOID("nlhl_handle_free", "h", "nlhl_handle_free(NULL)", nlhl_handle_free(NULL));
	SWEEP_PTR("nlhl_handle_nl_sock", "h", "nlhl_handle_nl_sock(NULL)", nlhl_handle_nl_sock(NULL));
	SWEEP_PTR("nlhl_errmsg", "", "nlhl_errmsg()", nlhl_errmsg());
	SWEEP_VAL("nlhl_make_handle", "", "nlhl_make_handle(0xffff, 0xffff)",
		  nlhl_make_handle(0xffff, 0xffff));
	SWEEP_PTR("nlhl_qdisc_type_kind", "type", "nlhl_qdisc_type_kind(-1)",
		  nlhl_qdisc_type_kind((enum nlhl_qdisc_type)-1));
	SWEEP_PTR("nlhl_qdisc_type_kind", "type", "nlhl_qdisc_type_kind(100000)",
		  nlhl_qdisc_type_kind((enum nlhl_qdisc_type)100000));
	SWEEP_PTR("nlhl_link_type_kind", "type", "nlhl_link_type_kind(-1)",
		  nlhl_link_type_kind((enum nlhl_link_type)-1));
	SWEEP_PTR("nlhl_link_type_kind", "type", "nlhl_link_type_kind(100000)",
		  nlhl_link_type_kind((enum nlhl_link_type)100000));
}

/* Functions checked by by_hand() or with nothing to sweep. */
static const char *const hand_checked[] = {
	"nlhl_netns_new",       /* no arguments */
	"nlhl_netns_current",   /* no arguments */
	"nlhl_errmsg",
	"nlhl_handle_free",
	"nlhl_handle_nl_sock",
	"nlhl_nexthop_del",
	"nlhl_link_type_kind",
	"nlhl_make_handle",
	"nlhl_qdisc_type_kind",
	NULL,
};

static bool in_list(const char *const *list, const char *name)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

START_TEST(bad_input_sweep)
{
	int fds, unreached = 0;

	NLT_OK(nlhl_handle_new(&H));
	fds = nlt_count_fds();
	printf("bad input sweep (call = result, nlhl_errmsg()):\n");
	generated();
	by_hand();
	ck_assert_int_eq(nlt_count_fds(), fds);
	nlhl_handle_free(H);
	for (size_t i = 0; i < sizeof(nlt_sweep_all) / sizeof(nlt_sweep_all[0]); i++) {
		if (nlt_sweep_all[i].swept || in_list(hand_checked, nlt_sweep_all[i].name))
			continue;
		printf("NOT SWEPT: %s (no pointer or known number argument; add it to by_hand())\n",
		       nlt_sweep_all[i].name);
		unreached++;
	}
	printf("bad input sweep: %d calls over %zu public functions, %d bad, %d functions not swept\n",
	       n_calls, sizeof(nlt_sweep_all) / sizeof(nlt_sweep_all[0]), n_bad, unreached);
	ck_assert_msg(n_bad == 0, "%d calls mishandled bad input, first: %s", n_bad, first_bad);
	if (getenv("NLT_SWEEP_STRICT"))
		ck_assert_msg(unreached == 0, "%d public functions are not swept", unreached);
}
END_TEST

NLT_SUITE(badinput_suite)
static Suite *badinput_suite(void)
{
	Suite *s = suite_create("badinput");
	TCase *tc = nlt_tcase(s, "sweep");

	tcase_add_test(tc, bad_input_sweep);
	return s;
}
