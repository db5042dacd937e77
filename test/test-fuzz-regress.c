/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The fuzz corpus as regression tests: every input in test/fuzz/corpus/<t>/
 * (seeds, and the inputs of past findings, named regress-*) runs through the
 * same target body as `make fuzz`, in every tier (so also under ASan,
 * valgrind and the full kernel).  Plus one focused test per finding.
 */
#include "harness.h"
#include "harness-fuzz.h"
#include "../lib/internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CORPUS "test/fuzz/corpus"

static int replay_dir(const struct nlt_fuzz_target *t)
{
	char dir[PATH_MAX], path[PATH_MAX * 2];
	struct dirent *e;
	int n = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), CORPUS "/%s", t->name);
	d = opendir(dir);
	ck_assert_msg(d, "fuzz target %s has no corpus folder %s: %m", t->name, dir);
	while ((e = readdir(d))) {
		uint8_t *data;
		struct stat st;
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		ck_assert(stat(path, &st) == 0);
		data = malloc(st.st_size ? (size_t)st.st_size : 1);
		ck_assert(data);
		f = fopen(path, "rb");
		ck_assert(f);
		ck_assert(fread(data, 1, st.st_size, f) == (size_t)st.st_size);
		fclose(f);
		/* An exact-size heap copy: an overread is a sanitizer error. */
		ck_assert_msg(t->run(data, st.st_size) == 0, "%s: %s", path, nlt_fuzz_why);
		free(data);
		n++;
	}
	closedir(d);
	return n;
}

START_TEST(corpus_replays_clean)
{
	int total = 0, targets = 0;

	for (const struct nlt_fuzz_target *t = nlt_fuzz_targets; t->name; t++) {
		int n = replay_dir(t);

		ck_assert_msg(n > 0, "fuzz target %s has an empty corpus", t->name);
		total += n;
		targets++;
	}
	printf("fuzz corpus: %d inputs over %d targets replayed clean\n", total, targets);
}
END_TEST

/* Every corpus folder names a target (make fuzz builds one per folder):
 * a body in harness-fuzz.c, or a program of its own, test/fuzz/<name>.c
 * (the tools' targets, replayed by make fuzz only). */
START_TEST(corpus_folders_are_targets)
{
	DIR *d = opendir(CORPUS);
	char own[PATH_MAX];
	struct dirent *e;

	ck_assert(d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(own, sizeof(own), "test/fuzz/%s.c", e->d_name);
		ck_assert_msg(nlt_fuzz_find(e->d_name) || access(own, R_OK) == 0,
			      "corpus folder %s has no target", e->d_name);
	}
	closedir(d);
}
END_TEST

static struct nlmsghdr *mk_msg(uint8_t *buf, size_t size, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	memset(buf, 0, size);
	nlh->nlmsg_len = size;
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	return nlh;
}

/* Finding 1 (netlink-ack, regress-done-int-min-errno): an NLMSG_DONE
 * carrying INT_MIN made the engine negate INT_MIN (undefined behaviour)
 * and return a non-errno.  Now: -EPROTO with a message. */
START_TEST(ack_errno_out_of_range)
{
	uint8_t buf[NLMSG_HDRLEN + 4] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = mk_msg(buf, sizeof(buf), NLMSG_DONE, 0);
	int v = INT_MIN;

	memcpy(NLMSG_DATA(nlh), &v, sizeof(v));
	ck_assert_int_eq(nlhl__parse_ack(nlh), -EPROTO);
	ck_assert_msg(strstr(nlhl__detail(), "not an errno"), "%s", nlhl__detail());
	v = 5000;
	memcpy(NLMSG_DATA(nlh), &v, sizeof(v));
	ck_assert_int_eq(nlhl__parse_ack(nlh), -EPROTO);
	v = -ENOENT;  /* the ordinary case still passes through */
	memcpy(NLMSG_DATA(nlh), &v, sizeof(v));
	ck_assert_int_eq(nlhl__parse_ack(nlh), -ENOENT);
	v = ENOENT;   /* a positive errno is the same errno */
	memcpy(NLMSG_DATA(nlh), &v, sizeof(v));
	ck_assert_int_eq(nlhl__parse_ack(nlh), -ENOENT);
}
END_TEST

/* Finding 2 (netlink-ack, regress-error-inner-len-overflow): the echoed
 * request's length inside an NLMSG_ERROR was trusted; 0x80000000 overflowed
 * the offset of the extended ACK TLVs.  Now a length that does not fit what
 * arrived means "no TLVs", and the errno still comes through. */
START_TEST(ack_inner_length_not_trusted)
{
	uint8_t buf[NLMSG_HDRLEN + sizeof(struct nlmsgerr) + 8] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = mk_msg(buf, sizeof(buf), NLMSG_ERROR, NLM_F_ACK_TLVS);
	struct nlmsgerr *e = NLMSG_DATA(nlh);
	struct nlattr *a = (struct nlattr *)(e + 1);
	static const uint32_t lens[] = { 0x80000000u, 0xffffffffu, 0, 15, 1000 };

	e->error = -EINVAL;
	/* A valid-looking MSG TLV right after the header, as if capped. */
	a->nla_type = NLMSGERR_ATTR_MSG;
	a->nla_len = NLA_HDRLEN + 4;
	memcpy(a + 1, "abc", 4);
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		e->msg.nlmsg_len = lens[i];
		nlhl__detail_clear();
		ck_assert_int_eq(nlhl__parse_ack(nlh), -EINVAL);
		ck_assert_str_eq(nlhl__detail(), "");
	}
	/* Capped: the TLVs are read. */
	nlh->nlmsg_flags |= NLM_F_CAPPED;
	ck_assert_int_eq(nlhl__parse_ack(nlh), -EINVAL);
	ck_assert_str_eq(nlhl__detail(), "abc");
	/* A TLV claiming more than arrived is not read past the message. */
	a->nla_len = 200;
	nlhl__detail_clear();
	ck_assert_int_eq(nlhl__parse_ack(nlh), -EINVAL);
	ck_assert_str_eq(nlhl__detail(), "");
}
END_TEST

NLT_SUITE(fuzz_regress_suite)
static Suite *fuzz_regress_suite(void)
{
	Suite *s = suite_create("fuzz-regress");
	TCase *tc = nlt_tcase(s, "fuzz-regress");

	tcase_add_test(tc, corpus_replays_clean);
	tcase_add_test(tc, corpus_folders_are_targets);
	tcase_add_test(tc, ack_errno_out_of_range);
	tcase_add_test(tc, ack_inner_length_not_trusted);
	return s;
}
