/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Runs every registered Check suite (forking per test) and ends with
 * Check's summary and a "tests: N passed, N failed, N skipped" line.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern int nlt_skip_fd;

/* Grown as constructors register: no cap, so no suite is silently dropped. */
static nlt_suite_fn *suites;
static int n_suites, cap_suites;

void nlt_register(nlt_suite_fn fn)
{
	if (n_suites == cap_suites) {
		int cap = cap_suites ? 2 * cap_suites : 32;
		nlt_suite_fn *p = realloc(suites, cap * sizeof(*p));

		if (!p) {
			/* Constructors cannot report: stop rather than lose a suite. */
			fprintf(stderr, "nlt_register: out of memory\n");
			exit(1);
		}
		suites = p;
		cap_suites = cap;
	}
	suites[n_suites++] = fn;
}

int main(void)
{
	char path[] = "/tmp/nlhl-skips-XXXXXX";
	SRunner *sr = srunner_create(NULL);
	int failed, run, skipped = 0;
	char line[512];
	FILE *f;

	if (geteuid() != 0) {
		fprintf(stderr, "the tests need root (network namespaces)\n");
		return 1;
	}
	nlt_skip_fd = mkstemp(path);
	if (nlt_skip_fd < 0) {
		perror("mkstemp");
		return 1;
	}
	unlink(path);
	for (int i = 0; i < n_suites; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	run = srunner_ntests_run(sr);
	srunner_free(sr);
	free(suites);

	lseek(nlt_skip_fd, 0, SEEK_SET);
	f = fdopen(nlt_skip_fd, "r");
	while (f && fgets(line, sizeof(line), f)) {
		printf("SKIP %s", line);
		skipped++;
	}
	if (f)
		fclose(f);
	printf("tests: %d passed, %d failed, %d skipped\n", run - failed - skipped, failed,
	       skipped);
	return failed ? 1 : 0;
}
