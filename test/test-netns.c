/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Network namespaces as fds. */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t ino_of(int fd)
{
	uint64_t ino = 0;

	NLT_OK(nlhl_netns_ino(fd, &ino));
	return ino;
}

static uint64_t current_ino(void)
{
	int fd = nlhl_netns_current();
	uint64_t ino;

	ck_assert_int_ge(fd, 0);
	ino = ino_of(fd);
	close(fd);
	return ino;
}

START_TEST(new_does_not_move_thread)
{
	uint64_t before = current_ino();
	int fd = nlhl_netns_new();

	ck_assert_int_ge(fd, 0);
	ck_assert(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	ck_assert(ino_of(fd) != before);
	ck_assert(current_ino() == before);
	close(fd);
}
END_TEST

START_TEST(by_pid_and_path)
{
	int a = nlhl_netns_get_by_pid(getpid());
	int b = nlhl_netns_get_by_path("/proc/self/ns/net");

	ck_assert_int_ge(a, 0);
	ck_assert_int_ge(b, 0);
	ck_assert(ino_of(a) == ino_of(b) && ino_of(a) == current_ino());
	close(a);
	close(b);
	NLT_ERR(nlhl_netns_get_by_pid(0), -EINVAL);
	NLT_ERR(nlhl_netns_get_by_pid(-3), -EINVAL);
	NLT_ERR(nlhl_netns_get_by_path(NULL), -EINVAL);
	NLT_ERR(nlhl_netns_get_by_path(""), -EINVAL);
	NLT_ERR(nlhl_netns_get_by_path("/nonexistent/ns"), -ENOENT);
	NLT_ERRMSG_HAS("/nonexistent/ns");
	NLT_ERR(nlhl_netns_get_by_path("/proc/self/ns/uts"), -EINVAL);
	NLT_ERRMSG_HAS("not a network namespace");
	NLT_ERR(nlhl_netns_get_by_path("/etc/hostname"), -EINVAL);
}
END_TEST

static int name_counter;
static void unique_name(char *buf, size_t size)
{
	snprintf(buf, size, "nlhlt-%d-%d", (int)getpid(), name_counter++);
}

START_TEST(named_created_by_library_seen_by_ip)
{
	char name[64];
	int fd, fd2;

	unique_name(name, sizeof(name));
	fd = nlhl_netns_new_named(name);
	ck_assert_msg(fd >= 0, "%s", nlhl_errmsg());
	NLT_SH_OK("ip netns list | grep -qw %s", name);
	/* ip works inside it, and the library sees what ip made there. */
	NLT_SH_OK("ip -n %s link add nsv0 type veth peer nsv1", name);
	fd2 = nlhl_netns_get_by_name(name);
	ck_assert_int_ge(fd2, 0);
	ck_assert(ino_of(fd) == ino_of(fd2));
	NLT_ERR(nlhl_netns_new_named(name), -EEXIST);
	NLT_OK(nlhl_netns_delete_named(name));
	ck_assert_int_ne(nlt_sh("ip netns list | grep -qw %s", name), 0);
	NLT_ERR(nlhl_netns_get_by_name(name), -ENOENT);
	NLT_ERR(nlhl_netns_delete_named(name), -ENOENT);
	close(fd);
	close(fd2);
}
END_TEST

START_TEST(named_created_by_ip_found)
{
	char name[64], want[32], *out;
	uint64_t ino;
	int fd;

	unique_name(name, sizeof(name));
	NLT_SH_OK("ip netns add %s", name);
	fd = nlhl_netns_get_by_name(name);
	ck_assert_msg(fd >= 0, "%s", nlhl_errmsg());
	ino = ino_of(fd);
	out = nlt_output("ip netns exec %s stat -L -c %%i /proc/self/ns/net", name);
	snprintf(want, sizeof(want), "%llu\n", (unsigned long long)ino);
	ck_assert_str_eq(out, want);
	free(out);
	close(fd);
	NLT_OK(nlhl_netns_delete_named(name));
	ck_assert_int_ne(nlt_sh("ip netns list | grep -qw %s", name), 0);
}
END_TEST

START_TEST(named_bad_names)
{
	char longname[300];

	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	NLT_ERR(nlhl_netns_new_named(NULL), -EINVAL);
	NLT_ERR(nlhl_netns_new_named(""), -EINVAL);
	NLT_ERR(nlhl_netns_new_named("a/b"), -EINVAL);
	NLT_ERRMSG_HAS("not a valid netns name");
	NLT_ERR(nlhl_netns_new_named(".."), -EINVAL);
	NLT_ERR(nlhl_netns_new_named(longname), -EINVAL);
	NLT_ERRMSG_HAS("too long");
	NLT_ERR(nlhl_netns_get_by_name("../etc"), -EINVAL);
	NLT_ERR(nlhl_netns_delete_named(NULL), -EINVAL);
}
END_TEST

static int report_ino(void *arg)
{
	*(uint64_t *)arg = current_ino();
	return 7;
}

static int fail_inside(void *arg)
{
	*(uint64_t *)arg = current_ino();
	return -ENOTSUP;
}

START_TEST(exec_restores_netns)
{
	uint64_t here = current_ino(), seen = 0;
	int fd = nlhl_netns_new();

	ck_assert_int_eq(nlhl_netns_exec(fd, report_ino, &seen), 7);
	ck_assert(seen == ino_of(fd));
	ck_assert(current_ino() == here);
	seen = 0;
	ck_assert_int_eq(nlhl_netns_exec(fd, fail_inside, &seen), -ENOTSUP);
	ck_assert(seen == ino_of(fd));
	ck_assert(current_ino() == here);
	NLT_ERR(nlhl_netns_exec(fd, NULL, NULL), -EINVAL);
	NLT_ERR(nlhl_netns_exec(-1, report_ino, &seen), -EBADF);
	NLT_ERR(nlhl_netns_exec(1, report_ino, &seen), -EINVAL);
	ck_assert(current_ino() == here);
	close(fd);
}
END_TEST

START_TEST(set_and_bad_fds)
{
	int fd = nlhl_netns_new(), closed;
	uint64_t ino;

	NLT_OK(nlhl_netns_set(fd));
	ck_assert(current_ino() == ino_of(fd));
	closed = nlhl_netns_new();
	close(closed);
	NLT_ERR(nlhl_netns_set(closed), -EBADF);
	NLT_ERR(nlhl_netns_set(-1), -EBADF);
	NLT_ERR(nlhl_netns_set(2), -EINVAL);
	NLT_ERR(nlhl_netns_ino(fd, NULL), -EINVAL);
	NLT_ERR(nlhl_netns_ino(closed, &ino), -EBADF);
	close(fd);
}
END_TEST

NLT_SUITE(netns_suite)
static Suite *netns_suite(void)
{
	Suite *s = suite_create("netns");
	TCase *tc = nlt_tcase(s, "netns");

	tcase_add_test(tc, new_does_not_move_thread);
	tcase_add_test(tc, by_pid_and_path);
	tcase_add_test(tc, named_created_by_library_seen_by_ip);
	tcase_add_test(tc, named_created_by_ip_found);
	tcase_add_test(tc, named_bad_names);
	tcase_add_test(tc, exec_restores_netns);
	tcase_add_test(tc, set_and_bad_fds);
	return s;
}
