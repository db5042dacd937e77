/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fuzz targets, shared by the libFuzzer programs of `make fuzz`
 * (test/fuzz.mk, test/fuzz/driver.c) and by the regression test that replays
 * the corpus in test/fuzz/corpus/<name>/ in every test tier
 * (test/test-fuzz-regress.c).
 *
 * A target takes arbitrary bytes and returns 0, or -1 with a description in
 * nlt_fuzz_why when an invariant broke (parse -> format -> parse changed the
 * value, a parser accepted what it must refuse, ...).  Memory errors are for
 * the sanitizers / valgrind to catch.
 */
#ifndef NLT_HARNESS_FUZZ_H
#define NLT_HARNESS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct nlt_fuzz_target {
	const char *name;   /* also the corpus folder name */
	int (*run)(const uint8_t *data, size_t size);
};

/* Terminated by { NULL, NULL }. */
extern const struct nlt_fuzz_target nlt_fuzz_targets[];
extern char nlt_fuzz_why[256];

const struct nlt_fuzz_target *nlt_fuzz_find(const char *name);

#endif
