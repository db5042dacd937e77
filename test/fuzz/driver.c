/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libFuzzer entry point for one target of test/harness-fuzz.c, chosen at
 * build time with -DNLT_FUZZ_TARGET="name" (see test/fuzz.mk). */
#include <stdio.h>
#include <stdlib.h>

#include "../harness-fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nlt_fuzz_target *t;

	if (!t) {
		t = nlt_fuzz_find(NLT_FUZZ_TARGET);
		if (!t) {
			fprintf(stderr, "no fuzz target %s\n", NLT_FUZZ_TARGET);
			abort();
		}
	}
	if (t->run(data, size) != 0) {
		fprintf(stderr, "fuzz target %s: %s\n", t->name, nlt_fuzz_why);
		abort();
	}
	return 0;
}
