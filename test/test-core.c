/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Handles, the request engine and errors. */
#include "harness.h"
#include "../lib/internal.h"
#include "../lib/internal-handle.h"
#include "netlinkhl/sys/nlsock.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>

/* Counts links with one RTM_GETLINK dump through the core engine. */
static int count_cb(const struct nlmsghdr *nlh, void *arg)
{
	if (nlh->nlmsg_type == RTM_NEWLINK)
		(*(int *)arg)++;
	return 0;
}

static int reset_count(void *arg)
{
	*(int *)arg = 0;
	return 0;
}

static int count_links(nlhl_handle *h, int *ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	int n = 0, r;

	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	r = nlhl__dump(h, msg, count_cb, reset_count, &n);
	nlmsg_free(msg);
	if (r == 0)
		*ret = n;
	return r;
}

/* RTM_SETLINK of a veth with an MTU; the kernel refuses ones below 68 with
 * an extended ACK message. */
static int set_veth_mtu(nlhl_handle *h, uint32_t mtu)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_SETLINK, 0);
	char *idx = nlt_output("ip -j link show dev ea | jq '.[0].ifindex'");
	int r;

	ifi.ifi_index = atoi(idx);
	free(idx);
	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	ck_assert(nla_put_u32(msg, IFLA_MTU, mtu) == 0);
	r = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (r < 0)
		return nlhl__fail_req(r, "link set mtu ea %u", mtu);
	return 0;
}

START_TEST(handle_new_free)
{
	nlhl_handle *h = NULL;
	int n = -1;

	NLT_OK(nlhl_handle_new(&h));
	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_nonnull(nlhl_handle_nl_sock(h));
	ck_assert_ptr_null(nlhl_handle_nl_sock(NULL));
	NLT_OK(count_links(h, &n));
	ck_assert_int_eq(n, 1);  /* fresh netns: lo only */
	NLT_OK(nlhl_handle_set_rcvbuf(h, 4 << 20));
	NLT_OK(nlhl_handle_set_timeout(h, 2000));
	NLT_OK(count_links(h, &n));
	nlhl_handle_free(h);
	nlhl_handle_free(NULL);
}
END_TEST

START_TEST(handle_bad_args)
{
	nlhl_handle *h;

	NLT_ERR(nlhl_handle_new(NULL), -EINVAL);
	NLT_ERRMSG_HAS("NULL");
	NLT_ERR(nlhl_handle_new_at(-1, &h), -EBADF);
	NLT_ERR(nlhl_handle_new_at(0, &h), -EINVAL);  /* stdin: not a netns */
	NLT_ERRMSG_HAS("not a namespace");
	NLT_ERR(nlhl_handle_new_at(12345, &h), -EBADF);
	NLT_ERR(nlhl_handle_set_rcvbuf(NULL, 1), -EINVAL);
	NLT_OK(nlhl_handle_new(&h));
	NLT_ERR(nlhl_handle_set_rcvbuf(h, 0), -EINVAL);
	NLT_ERR(nlhl_handle_set_timeout(h, -5), -EINVAL);
	NLT_ERRMSG_HAS("negative");
	nlhl_handle_free(h);
}
END_TEST

START_TEST(extack_reaches_errmsg)
{
	nlhl_handle *h;
	char *mtu;

	NLT_SH_OK("ip link add ea type veth peer eb");
	NLT_OK(nlhl_handle_new(&h));
	NLT_ERR(set_veth_mtu(h, 10), -EINVAL);
	/* The kernel's own text, the operation and the errno text. */
	NLT_ERRMSG_HAS("link set mtu ea 10: ");
	NLT_ERRMSG_HAS("mtu less than device minimum");
	NLT_ERRMSG_HAS("(Invalid argument)");
	/* A success leaves the last error as it was (errno semantics). */
	NLT_OK(set_veth_mtu(h, 9000));
	NLT_ERRMSG_HAS("mtu less than device minimum");
	nlhl_handle_free(h);
	/* Same through the default handle. */
	NLT_ERR(set_veth_mtu(NULL, 1), -EINVAL);
	NLT_ERRMSG_HAS("mtu less than device minimum");
	mtu = nlt_output("ip -j link show dev ea | jq -r '.[0].mtu'");
	ck_assert_str_eq(mtu, "9000\n");
	free(mtu);
}
END_TEST

START_TEST(kernel_errno_kept)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 4242 };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);

	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	NLT_ERR(nlhl__request(NULL, msg, NULL, NULL), -ENODEV);
	nlmsg_free(msg);
}
END_TEST

/* The kernel answers a single RTM_GETLINK with RTM_NEWLINK, then the ACK. */
START_TEST(request_passes_answers)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 1 };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	int n = 0;

	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	NLT_OK(nlhl__request(NULL, msg, count_cb, &n));
	ck_assert_int_eq(n, 1);
	nlmsg_free(msg);
}
END_TEST

static struct nl_msg *getlink_msg(int index)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = index };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);

	ck_assert(msg);
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	return msg;
}

/* A GET without ACK: one answer, kernel errors kept, the handle stays in
 * sync, and an answer larger than the buffer is asked for again. */
START_TEST(request_get_without_ack)
{
	struct nl_msg *msg = getlink_msg(1), *missing = getlink_msg(4242);
	nlhl_handle *h;
	int n = 0;

	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl__request_get(h, msg, count_cb, &n));
	ck_assert_int_eq(n, 1);
	NLT_ERR(nlhl__request_get(h, missing, count_cb, &n), -ENODEV);
	ck_assert_int_eq(n, 1);
	/* Shrink the buffer below one RTM_NEWLINK: the first answer is
	 * truncated, the buffer grows to its size, the retry fits. */
	free(h->buf);
	h->buf_size = 64;
	h->buf = malloc(h->buf_size);
	n = 0;
	NLT_OK(nlhl__request_get(h, msg, count_cb, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_uint_gt(h->buf_size, 64);
	/* Still in sync: a dump right after sees exactly lo. */
	NLT_OK(count_links(h, &n));
	ck_assert_int_eq(n, 1);
	nlmsg_free(msg);
	nlmsg_free(missing);
	nlhl_handle_free(h);
}
END_TEST

static int fail_cb(const struct nlmsghdr *nlh, void *arg)
{
	(*(int *)arg)++;
	return -ECANCELED;
}

START_TEST(dump_callback_error_drains)
{
	nlhl_handle *h;
	int calls = 0, n = 0;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);

	NLT_SH_OK("for i in $(seq 1 40); do echo link add v$i type veth peer p$i; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	NLT_ERR(nlhl__dump(h, msg, fail_cb, NULL, &calls), -ECANCELED);
	ck_assert_int_eq(calls, 1);  /* stopped calling after the error */
	nlmsg_free(msg);
	/* The rest of the dump was drained: the next call is in sync. */
	NLT_OK(count_links(h, &n));
	ck_assert_int_eq(n, 81);
	nlhl_handle_free(h);
}
END_TEST

/* A dump raced by concurrent link changes: every attempt is fresh, so the
 * result never holds duplicates; or the call fails with -EINTR and a
 * message when the retries run out. */
static void *churn(void *arg)
{
	volatile int *stop = arg;

	while (!*stop)
		nlt_sh("ip link add chx type veth peer chy 2>/dev/null; ip link del chx 2>/dev/null");
	return NULL;
}

START_TEST(dump_interrupted_is_retried)
{
	nlhl_handle *h;
	pthread_t t;
	volatile int stop = 0;
	int ok = 0, intr = 0;

	NLT_SH_OK("for i in $(seq 1 300); do echo link add v$i type veth peer p$i; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	ck_assert_int_eq(pthread_create(&t, NULL, churn, (void *)&stop), 0);
	for (int i = 0; i < 40; i++) {
		int n = 0, r = count_links(h, &n);

		if (r == 0) {
			/* lo + 600 veths, + 0 or 2 of the churned pair */
			ck_assert_msg(n == 601 || n == 603, "dump returned %d links", n);
			ok++;
		} else {
			ck_assert_int_eq(r, -EINTR);
			intr++;
		}
	}
	stop = 1;
	pthread_join(t, NULL);
	ck_assert_int_gt(ok, 0);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(default_handle_no_fd_leak)
{
	int before = nlt_count_fds();
	int n;

	for (int i = 0; i < 10000; i++) {
		struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 1 };
		struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);

		ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
		n = 0;
		NLT_OK(nlhl__request(NULL, msg, count_cb, &n));
		ck_assert_int_eq(n, 1);
		nlmsg_free(msg);
	}
	ck_assert_int_eq(nlt_count_fds(), before);
}
END_TEST

START_TEST(default_handle_follows_setns)
{
	int orig = nlhl_netns_current(), other = nlhl_netns_new();
	int n;

	ck_assert_int_ge(orig, 0);
	ck_assert_int_ge(other, 0);
	NLT_SH_OK("ip link add a1 type veth peer a2");
	NLT_OK(count_links(NULL, &n));
	ck_assert_int_eq(n, 3);
	NLT_OK(nlhl_netns_set(other));
	NLT_OK(count_links(NULL, &n));
	ck_assert_int_eq(n, 1);  /* the new netns: lo only */
	NLT_OK(nlhl_netns_set(orig));
	NLT_OK(count_links(NULL, &n));
	ck_assert_int_eq(n, 3);
	close(orig);
	close(other);
}
END_TEST

struct thread_arg {
	nlhl_handle *h;
	int other_fd;
	int n, r;
	uint64_t ino_before, ino_after;
};

static void *use_handle_from_other_netns(void *p)
{
	struct thread_arg *a = p;
	int cur;

	/* This thread sits in another netns; the handle still talks to its
	 * own. */
	if (nlhl_netns_set(a->other_fd) < 0) {
		a->r = -999;
		return NULL;
	}
	cur = nlhl_netns_current();
	nlhl_netns_ino(cur, &a->ino_before);
	a->r = count_links(a->h, &a->n);
	nlhl_netns_ino(cur, &a->ino_after);
	close(cur);
	return NULL;
}

static int add_veth_here(void *arg)
{
	return nlt_sh("ip link add %s type veth peer %s-p", (const char *)arg, (const char *)arg);
}

START_TEST(handle_at_works_from_any_thread)
{
	int target = nlhl_netns_new(), other = nlhl_netns_new();
	struct thread_arg a = { 0 };
	uint64_t other_ino;
	pthread_t t;

	ck_assert_int_ge(target, 0);
	ck_assert_int_ge(other, 0);
	ck_assert_int_eq(nlhl_netns_exec(target, add_veth_here, "tgt0"), 0);
	NLT_OK(nlhl_handle_new_at(target, &a.h));
	close(target);  /* the handle's socket keeps the netns alive */
	a.other_fd = other;
	ck_assert_int_eq(pthread_create(&t, NULL, use_handle_from_other_netns, &a), 0);
	pthread_join(t, NULL);
	NLT_OK(a.r);
	ck_assert_int_eq(a.n, 3);  /* lo, tgt0, tgt0-p: the target's links */
	NLT_OK(nlhl_netns_ino(other, &other_ino));
	ck_assert(a.ino_before == other_ino && a.ino_after == other_ino);
	/* The creating thread never moved. */
	ck_assert_int_eq(nlt_sh("ip link show tgt0 >/dev/null 2>&1"), 1);
	nlhl_handle_free(a.h);
	close(other);
}
END_TEST

START_TEST(nlcb_env_ignored)
{
	/* libnl's debug callbacks would print every message; docs/design.md trap 6. */
	nlhl_handle *h;
	int n;

	setenv("NLCB", "debug", 1);
	setenv("NLDBG", "4", 1);
	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(count_links(h, &n));
	nlhl_handle_free(h);
}
END_TEST

START_TEST(timeout_reports_etimedout)
{
	const uint8_t *buf;
	nlhl_handle *h;
	ssize_t n;

	NLT_OK(nlhl_handle_new(&h));
	NLT_OK(nlhl_handle_set_timeout(h, 50));
	nlhl__detail_clear();
	n = nlhl__recv(h, 0, &buf);  /* nothing was asked: no answer comes */
	ck_assert_int_eq(n, -ETIMEDOUT);
	ck_assert(strstr(nlhl__detail(), "within 50 ms"));
	nlhl_handle_free(h);
}
END_TEST

/* NOWAIT: nothing queued is -EAGAIN, not a timeout, and leaves no
 * detail (the monitor and the batch poll with it). */
START_TEST(recv_nowait_eagain)
{
	const uint8_t *buf = NULL;
	nlhl_handle *h;

	NLT_OK(nlhl_handle_new(&h));
	nlhl__detail_clear();
	ck_assert_int_eq(nlhl__recv(h, NLHL__RECV_NOWAIT, &buf), -EAGAIN);
	ck_assert_int_eq(nlhl__recv(h, NLHL__RECV_NOWAIT | NLHL__RECV_PEEK, &buf), -EAGAIN);
	ck_assert_str_eq(nlhl__detail(), "");
	ck_assert_ptr_null(buf);
	nlhl_handle_free(h);
}
END_TEST

/* The options helper: NULL is all zeroes with sz set; a smaller struct is
 * copied up to its sz and the rest zeroed; a larger one is refused only
 * when its unknown tail is set; sz below sizeof(size_t) is refused. */
START_TEST(opts_copy_sizes)
{
	struct small { size_t sz; uint32_t a; };
	struct big { size_t sz; uint32_t a; uint32_t b; };
	struct bigger { size_t sz; uint32_t a; uint32_t b; uint64_t c; };
	struct big dst;
	/* an older caller's sz ends at its last field (sizeof would count
	 * the padding after it) */
	struct small sm = { offsetof(struct small, a) + sizeof(uint32_t), 7 };
	struct bigger bg = { sizeof(bg), 1, 2, 0 };
	size_t tiny = 4;

	memset(&dst, 0xff, sizeof(dst));
	NLT_OK(nlhl__opts_copy(&dst, sizeof(dst), NULL, "big", "test"));
	ck_assert_uint_eq(dst.sz, sizeof(dst));
	ck_assert_uint_eq(dst.a + dst.b, 0);
	memset(&dst, 0xff, sizeof(dst));
	NLT_OK(nlhl__opts_copy(&dst, sizeof(dst), &sm, "big", "test"));
	ck_assert_uint_eq(dst.sz, sizeof(dst));
	ck_assert_uint_eq(dst.a, 7);
	ck_assert_uint_eq(dst.b, 0);
	NLT_OK(nlhl__opts_copy(&dst, sizeof(dst), &bg, "big", "test"));
	ck_assert_uint_eq(dst.sz, sizeof(dst));
	ck_assert_uint_eq(dst.b, 2);
	bg.c = 1;
	NLT_ERR(nlhl__opts_copy(&dst, sizeof(dst), &bg, "big", "test"), -EINVAL);
	NLT_ERRMSG_HAS("test: struct big of 24 bytes sets fields past the 16");
	NLT_ERR(nlhl__opts_copy(&dst, sizeof(dst), &tiny, "big", "test"), -EINVAL);
	NLT_ERRMSG_HAS("opts->sz is 4");
}
END_TEST

NLT_SUITE(core_suite)
static Suite *core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = nlt_tcase(s, "handle");

	tcase_add_test(tc, handle_new_free);
	tcase_add_test(tc, handle_bad_args);
	tcase_add_test(tc, default_handle_follows_setns);
	tcase_add_test(tc, handle_at_works_from_any_thread);
	tcase_add_test(tc, nlcb_env_ignored);
	tcase_add_test(tc, default_handle_no_fd_leak);
	tc = nlt_tcase(s, "request");
	tcase_add_test(tc, extack_reaches_errmsg);
	tcase_add_test(tc, kernel_errno_kept);
	tcase_add_test(tc, request_passes_answers);
	tcase_add_test(tc, request_get_without_ack);
	tcase_add_test(tc, dump_callback_error_drains);
	tcase_add_test(tc, dump_interrupted_is_retried);
	tcase_add_test(tc, timeout_reports_etimedout);
	tcase_add_test(tc, recv_nowait_eagain);
	tcase_add_test(tc, opts_copy_sizes);
	return s;
}
