/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * make bench: one program, one table.  Every row does the same work with
 * the library, with `ip -batch` and with the minimal raw-netlink client of
 * raw.c, in the same run, each in a throw-away netns (the program unshares
 * its own; the host netns is never touched).  The machine is noisy: read
 * the ratios of one run, not the absolute numbers.
 *
 * Environment: BENCH_ROUTES="10000 100000" route table sizes (add 1000000
 * for a full Internet table), BENCH_VETHS=1000, BENCH_ADDRS=5000,
 * BENCH_LINKS=2000 (0 skips a section), BENCH_DEFAULT_MAX=10000 (largest size run on the
 * default handle, which opens a socket per call), BENCH_ROUNDS=3 (each
 * cell is the best of that many rounds; 2 from 100k, 1 at 1M).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <linux/rtnetlink.h>

#include <netlinkhl.h>
#include "bench.h"

noreturn void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "bench: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

#define CHECK(expr)                                                                \
	do {                                                                       \
		if ((expr) < 0)                                                    \
			die("%s: %s", #expr, nlhl_errmsg());                       \
	} while (0)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time and CPU time (user + system) of the process: rtnetlink runs
 * each request inside the sender's send(), so the kernel's work counts in
 * the sender's system time.  CPU time is what a busy machine disturbs
 * least. */
typedef struct {
	double w, c;
} meas;

static double cpu_now(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static meas mnow(void)
{
	return (meas){ now(), cpu_now() };
}

static meas since(meas t0)
{
	meas t = mnow();

	return (meas){ t.w - t0.w, t.c - t0.c };
}

static long env_long(const char *name, long def)
{
	const char *s = getenv(name);

	return s && *s ? atol(s) : def;
}

/* ------------------------------------------------------------ memory */

static long status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, strlen(field)))
			v = atol(line + strlen(field) + 1);
	fclose(f);
	return v;
}

/* Resets the peak RSS (VmHWM) to the current RSS; returns the RSS. */
static long peak_reset(void)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY);

	if (fd >= 0) {
		if (write(fd, "5", 1) < 0) {
			/* old kernel: the peak is then since start */
		}
		close(fd);
	}
	return status_kb("VmRSS:");
}

/* ------------------------------------------------------------ tables */

enum { C_NLHL, C_NLHL_DEF, C_BATCH, C_RAW1, C_RAWP, C_IP, NCOL };
static const char *const colname[NCOL] = {
	"nlhl", "nlhl default handle", "nlhl batch", "raw 1-by-1", "raw pipelined", "ip -batch",
};

struct row {
	char what[64];
	long n;
	meas sec[NCOL];
};

enum { D_LIST, D_FOREACH, D_RAW, D_IP, NDCOL };
static const char *const dcolname[NDCOL] = { "nlhl list", "nlhl foreach", "raw dump", "ip show" };

struct drow {
	char what[64];
	long n;
	meas sec[NDCOL];
	long rss_kb[NDCOL];  /* peak RSS growth (ip: the process's peak) */
};

static struct row rows[64];
static int nrows;
static struct drow drows[32];
static int ndrows;

static struct row *row_new(const char *what, long n)
{
	struct row *r = &rows[nrows++];

	snprintf(r->what, sizeof(r->what), "%s", what);
	r->n = n;
	return r;
}

static struct drow *drow_new(const char *what, long n)
{
	struct drow *r = &drows[ndrows++];

	snprintf(r->what, sizeof(r->what), "%s", what);
	r->n = n;
	return r;
}

static void rate(char *buf, size_t size, long n, double sec)
{
	double r = sec > 0 ? (double)n / sec : 0;

	if (sec <= 0)
		snprintf(buf, size, "-");
	else if (r >= 10000)
		snprintf(buf, size, "%.0fk/s", r / 1000);
	else
		snprintf(buf, size, "%.0f/s", r);
}

/* Keeps the best (smallest) time of the rounds: the machine is shared,
 * interference only ever adds time. */
static void best(meas *cell, meas m)
{
	if (cell->w <= 0 || m.w < cell->w)
		cell->w = m.w;
	if (cell->c <= 0 || m.c < cell->c)
		cell->c = m.c;
}

static int rounds_for(long n)
{
	long r = env_long("BENCH_ROUNDS", 3);

	if (n >= 1000000)
		return 1;
	if (n >= 100000 && r > 2)
		return 2;
	return r > 0 ? (int)r : 1;
}

static void ratio(char *buf, size_t size, double a, double b)
{
	if (a <= 0 || b <= 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2fx", a / b);
}

#define PICK(m, cpu) ((cpu) ? (m).c : (m).w)

static void print_changes(bool cpu)
{
	char c[NCOL][32], x[4][32];

	printf("\n%s\n\n| operation | n |", cpu ? "**CPU time** (user + system of the client, which includes the kernel's work on its requests; ip: its own):"
						 : "**Wall-clock time**:");
	for (int i = 0; i < NCOL; i++)
		printf(" %s |", colname[i]);
	printf(" nlhl / raw 1-by-1 | batch / raw pipelined | ip / nlhl | ip / batch |\n|---|---:|");
	for (int i = 0; i < NCOL + 4; i++)
		printf("---:|");
	printf("\n");
	for (int k = 0; k < nrows; k++) {
		struct row *r = &rows[k];

		for (int i = 0; i < NCOL; i++)
			rate(c[i], sizeof(c[i]), r->n, PICK(r->sec[i], cpu));
		ratio(x[0], sizeof(x[0]), PICK(r->sec[C_NLHL], cpu), PICK(r->sec[C_RAW1], cpu));
		ratio(x[1], sizeof(x[1]), PICK(r->sec[C_BATCH], cpu), PICK(r->sec[C_RAWP], cpu));
		ratio(x[2], sizeof(x[2]), PICK(r->sec[C_IP], cpu), PICK(r->sec[C_NLHL], cpu));
		ratio(x[3], sizeof(x[3]), PICK(r->sec[C_IP], cpu), PICK(r->sec[C_BATCH], cpu));
		printf("| %s | %ld |", r->what, r->n);
		for (int i = 0; i < NCOL; i++)
			printf(" %s |", c[i]);
		printf(" %s | %s | %s | %s |\n", x[0], x[1], x[2], x[3]);
	}
}

static void print_dumps(bool cpu)
{
	char x[3][32];

	printf("\n%s\n\n| dump | objects |", cpu ? "Dumps, **CPU time** per dump and peak RSS growth (ip: its peak RSS):"
						     : "Dumps, **wall-clock time** per dump:");
	for (int i = 0; i < NDCOL; i++)
		printf(" %s |", dcolname[i]);
	printf(" list / raw | foreach / raw | ip / foreach |\n|---|---:|");
	for (int i = 0; i < NDCOL + 3; i++)
		printf("---:|");
	printf("\n");
	for (int k = 0; k < ndrows; k++) {
		struct drow *r = &drows[k];

		printf("| %s | %ld |", r->what, r->n);
		for (int i = 0; i < NDCOL; i++) {
			double t = PICK(r->sec[i], cpu);

			if (t <= 0)
				printf(" - |");
			else if (cpu && i != D_RAW)
				printf(" %.1f ms, %s%.1f MB |", t * 1e3, i == D_IP ? "" : "+",
				       (double)r->rss_kb[i] / 1024);
			else
				printf(" %.1f ms |", t * 1e3);
		}
		ratio(x[0], sizeof(x[0]), PICK(r->sec[D_LIST], cpu), PICK(r->sec[D_RAW], cpu));
		ratio(x[1], sizeof(x[1]), PICK(r->sec[D_FOREACH], cpu), PICK(r->sec[D_RAW], cpu));
		ratio(x[2], sizeof(x[2]), PICK(r->sec[D_IP], cpu), PICK(r->sec[D_FOREACH], cpu));
		printf(" %s | %s | %s |\n", x[0], x[1], x[2]);
	}
}

static void print_tables(void)
{
	print_changes(true);
	print_dumps(true);
	print_changes(false);
	print_dumps(false);
	printf("\nRates are operations per second; each cell is the best of its rounds."
	       " Ratios are times: below 1.00x the left one is faster.\n");
}

/* ------------------------------------------------------------ helpers */

static void fresh_netns(void)
{
	if (unshare(CLONE_NEWNET) < 0)
		die("unshare(CLONE_NEWNET): %m (run as root)");
}

static void sh(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		die("command failed: %s", cmd);
}

/* Runs argv with stdout to /dev/null; seconds; *maxrss_kb its peak RSS. */
static meas run_timed(char *const argv[], long *maxrss_kb)
{
	struct rusage ru;
	int status;
	double t0 = now();
	pid_t pid = fork();

	if (pid < 0)
		die("fork: %m");
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4: %m");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("%s %s failed", argv[0], argv[1]);
	if (maxrss_kb)
		*maxrss_kb = ru.ru_maxrss;
	/* the child's CPU time */
	return (meas){ now() - t0, (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
				   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6 };
}

/* `ip -batch FILE` on lines fmt(i) for i in [0, n): seconds. */
static meas ip_batch(long n, void (*line)(FILE *f, long i, void *arg), void *arg)
{
	char path[] = "/tmp/nlhl-bench-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	char *argv[] = { "ip", "-batch", path, NULL };
	meas sec;

	if (!f)
		die("batch file: %m");
	for (long i = 0; i < n; i++)
		line(f, i, arg);
	fclose(f);
	sec = run_timed(argv, NULL);
	unlink(path);
	return sec;
}

static void ip4(char *buf, uint32_t host)
{
	struct in_addr a = { htonl(host) };

	inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

/* ------------------------------------------------------------ routes */

static int bench_oif;

static void route_n(struct nlhl_route *r, long i)
{
	uint32_t a = htonl(bench_route_addr((uint32_t)i));

	memset(r, 0, sizeof(*r));
	r->dst.family = AF_INET;
	r->dst.prefixlen = 32;
	memcpy(r->dst.addr, &a, 4);
	r->link_index = bench_oif;
	r->scope = NLHL_SCOPE_LINK;
}

static void line_route(FILE *f, long i, void *arg)
{
	char a[INET_ADDRSTRLEN];

	ip4(a, bench_route_addr((uint32_t)i));
	fprintf(f, "route %s %s/32 dev bv0\n", (const char *)arg, a);
}

static meas nlhl_routes(nlhl_handle *h, long n, bool del)
{
	struct nlhl_route r;
	meas t0 = mnow();

	for (long i = 0; i < n; i++) {
		route_n(&r, i);
		CHECK(del ? nlhl_route_del(h, &r) : nlhl_route_add(h, &r));
	}
	return since(t0);
}

static meas batch_routes(nlhl_handle *h, long n, bool del)
{
	struct nlhl_route r;
	nlhl_batch *b;
	meas t0 = mnow(), t;

	CHECK(nlhl_batch_new(h, NULL, &b));
	for (long i = 0; i < n; i++) {
		route_n(&r, i);
		CHECK(del ? nlhl_batch_route_del(b, &r) : nlhl_batch_route_add(b, &r));
	}
	CHECK(nlhl_batch_send(b));
	t = since(t0);
	nlhl_batch_free(b);
	return t;
}

static int count_cb(const struct nlhl_route *r, void *arg)
{
	(void)r;
	(*(long *)arg)++;
	return 0;
}

/* The table holds exactly n + base routes (base: what the netns has). */
static void expect_routes(int raw, long want)
{
	long got = raw_route_dump(raw);

	if (got != want)
		die("route table has %ld routes, expected %ld", got, want);
}

static void bench_routes(long n)
{
	struct row *add, *del;
	struct drow *d = NULL;
	nlhl_handle *h;
	int raw;
	long base, before, cnt = 0;
	char what[64];

	fprintf(stderr, "bench: routes, %ld\n", n);
	fresh_netns();
	sh("ip link add bv0 type veth peer name bv1 && ip link set bv0 up && ip link set bv1 up");
	bench_oif = (int)if_nametoindex("bv0");
	CHECK(nlhl_handle_new(&h));
	raw = raw_open();
	base = raw_route_dump(raw);
	snprintf(what, sizeof(what), "route add (IPv4 /32, dev)");
	add = row_new(what, n);
	snprintf(what, sizeof(what), "route del");
	del = row_new(what, n);

	for (int round = 0; round < rounds_for(n); round++) {
		best(&add->sec[C_NLHL], nlhl_routes(h, n, false));
		expect_routes(raw, base + n);

		/* dumps of the full table */
		if (round == 0) {
			snprintf(what, sizeof(what), "routes (IPv4 main table)");
			d = drow_new(what, n);
		}
		{
			struct nlhl_route *list;
			size_t ln;
			meas t0;

			before = peak_reset();
			t0 = mnow();
			CHECK(nlhl_route_list(h, NULL, AF_INET, &list, &ln));
			best(&d->sec[D_LIST], since(t0));
			d->rss_kb[D_LIST] = status_kb("VmHWM:") - before;
			if ((long)ln < n)
				die("route list: %zu routes, expected %ld", ln, n);
			nlhl_route_list_free(list, ln);

			before = peak_reset();
			t0 = mnow();
			cnt = 0;
			CHECK(nlhl_route_foreach(h, AF_INET, NULL, 0, count_cb, &cnt));
			best(&d->sec[D_FOREACH], since(t0));
			d->rss_kb[D_FOREACH] = status_kb("VmHWM:") - before;
			if (cnt < n)
				die("route foreach: %ld routes, expected %ld", cnt, n);

			t0 = mnow();
			raw_route_dump(raw);
			best(&d->sec[D_RAW], since(t0));

			char *argv[] = { "ip", "route", "show", NULL };
			best(&d->sec[D_IP], run_timed(argv, &d->rss_kb[D_IP]));
		}
		best(&del->sec[C_NLHL], nlhl_routes(h, n, true));
		expect_routes(raw, base);

		if (n <= env_long("BENCH_DEFAULT_MAX", 10000)) {
			best(&add->sec[C_NLHL_DEF], nlhl_routes(NULL, n, false));
			expect_routes(raw, base + n);
			best(&del->sec[C_NLHL_DEF], nlhl_routes(NULL, n, true));
			expect_routes(raw, base);
		}

		best(&add->sec[C_BATCH], batch_routes(h, n, false));
		expect_routes(raw, base + n);
		best(&del->sec[C_BATCH], batch_routes(h, n, true));
		expect_routes(raw, base);

		{
			meas t0 = mnow();

			if (raw_route_1by1(raw, RTM_NEWROUTE, 0, (uint32_t)n, bench_oif))
				die("raw add failed");
			best(&add->sec[C_RAW1], since(t0));
			expect_routes(raw, base + n);
			t0 = mnow();
			if (raw_route_1by1(raw, RTM_DELROUTE, 0, (uint32_t)n, bench_oif))
				die("raw del failed");
			best(&del->sec[C_RAW1], since(t0));
			expect_routes(raw, base);

			t0 = mnow();
			if (raw_route_pipelined(raw, RTM_NEWROUTE, 0, (uint32_t)n, bench_oif))
				die("raw pipelined add failed");
			best(&add->sec[C_RAWP], since(t0));
			expect_routes(raw, base + n);
			t0 = mnow();
			if (raw_route_pipelined(raw, RTM_DELROUTE, 0, (uint32_t)n, bench_oif))
				die("raw pipelined del failed");
			best(&del->sec[C_RAWP], since(t0));
			expect_routes(raw, base);
		}

		best(&add->sec[C_IP], ip_batch(n, line_route, "add"));
		expect_routes(raw, base + n);
		best(&del->sec[C_IP], ip_batch(n, line_route, "del"));
		expect_routes(raw, base);
	}
	close(raw);
	nlhl_handle_free(h);
}

/* ------------------------------------------------------------ addresses */

static void line_addr(FILE *f, long i, void *arg)
{
	char a[INET_ADDRSTRLEN];

	(void)arg;
	ip4(a, bench_route_addr((uint32_t)i));
	fprintf(f, "addr add %s/32 dev ba0\n", a);
}

static int addr_setup(void)
{
	fresh_netns();
	sh("ip link add ba0 type veth peer name ba1");
	return (int)if_nametoindex("ba0");
}

static void expect_addrs(long n)
{
	FILE *p = popen("ip -4 -o addr show dev ba0 | wc -l", "r");
	long got = -1;

	if (!p || fscanf(p, "%ld", &got) != 1)
		die("cannot count addresses");
	pclose(p);
	if (got != n)
		die("ba0 has %ld addresses, expected %ld", got, n);
}

static meas nlhl_addrs(nlhl_handle *h, long n, bool batch)
{
	struct nlhl_link l = { 0 };
	nlhl_batch *b = NULL;
	meas t0;

	l.attrs.index = (int)if_nametoindex("ba0");
	if (batch)
		CHECK(nlhl_batch_new(h, NULL, &b));
	t0 = mnow();
	for (long i = 0; i < n; i++) {
		struct nlhl_addr a = { 0 };
		uint32_t ip = htonl(bench_route_addr((uint32_t)i));

		a.ipnet.family = AF_INET;
		a.ipnet.prefixlen = 32;
		memcpy(a.ipnet.addr, &ip, 4);
		CHECK(batch ? nlhl_batch_addr_add(b, &l, &a) : nlhl_addr_add(h, &l, &a));
	}
	if (batch)
		CHECK(nlhl_batch_send(b));
	meas t = since(t0);

	nlhl_batch_free(b);
	return t;
}

static void bench_addrs(long n)
{
	struct row *r = row_new("addr add (IPv4 /32)", n);
	nlhl_handle *h;
	int raw, ifindex;
	meas t0;

	fprintf(stderr, "bench: addresses, %ld\n", n);
	for (int round = 0; round < rounds_for(n); round++) {
		addr_setup();
		CHECK(nlhl_handle_new(&h));
		best(&r->sec[C_NLHL], nlhl_addrs(h, n, false));
		expect_addrs(n);
		nlhl_handle_free(h);

		addr_setup();
		best(&r->sec[C_NLHL_DEF], nlhl_addrs(NULL, n, false));
		expect_addrs(n);

		addr_setup();
		CHECK(nlhl_handle_new(&h));
		best(&r->sec[C_BATCH], nlhl_addrs(h, n, true));
		expect_addrs(n);
		nlhl_handle_free(h);

		ifindex = addr_setup();
		raw = raw_open();
		t0 = mnow();
		if (raw_addr_1by1(raw, (uint32_t)n, ifindex))
			die("raw addr add failed");
		best(&r->sec[C_RAW1], since(t0));
		close(raw);
		expect_addrs(n);

		addr_setup();
		best(&r->sec[C_IP], ip_batch(n, line_addr, NULL));
		expect_addrs(n);
	}
}

/* ------------------------------------------------------------ links */

static void line_veth(FILE *f, long i, void *arg)
{
	if (arg)
		fprintf(f, "link del bv%ld\n", i);
	else
		fprintf(f, "link add bv%ld type veth peer name bp%ld\n", i, i);
}

static long count_links(void)
{
	int raw = raw_open();
	long n = raw_link_dump(raw);

	close(raw);
	return n;
}

static meas nlhl_veths(nlhl_handle *h, long n, bool del)
{
	meas t0 = mnow();

	for (long i = 0; i < n; i++) {
		struct nlhl_link l = { .type = NLHL_LINK_VETH };

		snprintf(l.attrs.name, sizeof(l.attrs.name), "bv%ld", i);
		snprintf(l.veth.peer_name, sizeof(l.veth.peer_name), "bp%ld", i);
		CHECK(del ? nlhl_link_del(h, &l) : nlhl_link_add(h, &l));
	}
	return since(t0);
}

static void bench_veths(long n)
{
	struct row *add = row_new("veth pair create", n), *del = row_new("veth pair delete", n);
	nlhl_handle *h;
	int raw;
	meas t0;

	fprintf(stderr, "bench: veths, %ld\n", n);
	fresh_netns();
	CHECK(nlhl_handle_new(&h));
	add->sec[C_NLHL] = nlhl_veths(h, n, false);
	if (count_links() != 2 * n + 1)
		die("veth create: %ld links", count_links());
	del->sec[C_NLHL] = nlhl_veths(h, n, true);
	nlhl_handle_free(h);

	add->sec[C_NLHL_DEF] = nlhl_veths(NULL, n, false);
	if (count_links() != 2 * n + 1)
		die("veth create: %ld links", count_links());
	del->sec[C_NLHL_DEF] = nlhl_veths(NULL, n, true);

	raw = raw_open();
	t0 = mnow();
	for (long i = 0; i < n; i++) {
		char a[16], b[16];

		snprintf(a, sizeof(a), "bv%ld", i);
		snprintf(b, sizeof(b), "bp%ld", i);
		if (raw_veth_add(raw, a, b))
			die("raw veth add %s failed", a);
	}
	add->sec[C_RAW1] = since(t0);
	if (count_links() != 2 * n + 1)
		die("veth create: %ld links", count_links());
	t0 = mnow();
	for (long i = 0; i < n; i++) {
		char a[16];

		snprintf(a, sizeof(a), "bv%ld", i);
		if (raw_link_del(raw, a))
			die("raw link del %s failed", a);
	}
	del->sec[C_RAW1] = since(t0);
	close(raw);

	add->sec[C_IP] = ip_batch(n, line_veth, NULL);
	if (count_links() != 2 * n + 1)
		die("veth create: %ld links", count_links());
	del->sec[C_IP] = ip_batch(n, line_veth, "del");
	if (count_links() != 1)
		die("veth delete: %ld links left", count_links());
}

/* Lookups of `lookups` names spread over the links bv0..bv(pairs-1) and
 * their peers; the netns holds 2 * pairs + 1 links. */
static void line_show(FILE *f, long i, void *arg)
{
	long pairs = *(long *)arg;

	fprintf(f, "link show dev %s%ld\n", i % 2 ? "bp" : "bv", (i / 2) % pairs);
}

static void lookups(long pairs, long n)
{
	char what[64];
	struct row *r;
	nlhl_handle *h;
	struct nlhl_link l;
	int raw = raw_open();
	meas t0;

	snprintf(what, sizeof(what), "link by name (%ld links)", 2 * pairs + 1);
	r = row_new(what, n);
	CHECK(nlhl_handle_new(&h));
	for (int pass = 0; pass < 2 * rounds_for(n); pass++) {
		t0 = mnow();
		for (long i = 0; i < n; i++) {
			char name[16];

			snprintf(name, sizeof(name), "%s%ld", i % 2 ? "bp" : "bv", (i / 2) % pairs);
			CHECK(nlhl_link_by_name(pass % 2 ? NULL : h, name, &l));
		}
		best(&r->sec[pass % 2 ? C_NLHL_DEF : C_NLHL], since(t0));
	}
	nlhl_handle_free(h);
	for (int round = 0; round < rounds_for(n); round++) {
		t0 = mnow();
		for (long i = 0; i < n; i++) {
			char name[16];

			snprintf(name, sizeof(name), "%s%ld", i % 2 ? "bp" : "bv", (i / 2) % pairs);
			if (raw_link_by_name(raw, name) <= 0)
				die("raw lookup of %s failed", name);
		}
		best(&r->sec[C_RAW1], since(t0));
		best(&r->sec[C_IP], ip_batch(n, line_show, &pairs));
	}
	close(raw);
}

static int link_count_cb(const struct nlhl_link *l, void *arg)
{
	(void)l;
	(*(long *)arg)++;
	return 0;
}

static void bench_links(long nlinks)
{
	long pairs = nlinks / 2, few = 5, reps = 10;
	struct drow *d;
	nlhl_handle *h;
	int raw;

	fprintf(stderr, "bench: lookups and lists, %ld links\n", nlinks);
	fresh_netns();
	ip_batch(few, line_veth, NULL);
	lookups(few, nlinks);
	{
		/* bv5.. bp(pairs-1): the rest of the table */
		char path[] = "/tmp/nlhl-bench-XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fdopen(fd, "w");
		char *argv[] = { "ip", "-batch", path, NULL };

		for (long i = few; i < pairs; i++)
			line_veth(f, i, NULL);
		fclose(f);
		run_timed(argv, NULL);
		unlink(path);
	}
	lookups(pairs, nlinks);

	d = drow_new("links", 2 * pairs + 1);
	CHECK(nlhl_handle_new(&h));
	raw = raw_open();
	for (long k = 0; k < reps; k++) {
		struct nlhl_link *list;
		size_t n;
		long cnt = 0, before;
		meas t0;

		before = peak_reset();
		t0 = mnow();
		CHECK(nlhl_link_list(h, &list, &n));
		best(&d->sec[D_LIST], since(t0));
		d->rss_kb[D_LIST] = status_kb("VmHWM:") - before;
		if ((long)n != 2 * pairs + 1)
			die("link list: %zu links", n);
		nlhl_link_list_free(list, n);

		before = peak_reset();
		t0 = mnow();
		CHECK(nlhl_link_foreach(h, link_count_cb, &cnt));
		best(&d->sec[D_FOREACH], since(t0));
		d->rss_kb[D_FOREACH] = status_kb("VmHWM:") - before;

		t0 = mnow();
		raw_link_dump(raw);
		best(&d->sec[D_RAW], since(t0));

		char *argv[] = { "ip", "link", "show", NULL };
		best(&d->sec[D_IP], run_timed(argv, &d->rss_kb[D_IP]));
	}
	close(raw);
	nlhl_handle_free(h);
}

int main(void)
{
	const char *sizes = getenv("BENCH_ROUTES");
	char *copy, *tok, *save = NULL;
	meas t0 = mnow();

	if (!sizes || !*sizes)
		sizes = "10000 100000";
	setvbuf(stdout, NULL, _IOLBF, 0);
	copy = strdup(sizes);
	for (tok = strtok_r(copy, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save))
		bench_routes(atol(tok));
	free(copy);
	/* 0 skips a section */
	if (env_long("BENCH_ADDRS", 5000) > 0)
		bench_addrs(env_long("BENCH_ADDRS", 5000));
	if (env_long("BENCH_VETHS", 1000) > 0)
		bench_veths(env_long("BENCH_VETHS", 1000));
	if (env_long("BENCH_LINKS", 2000) > 0)
		bench_links(env_long("BENCH_LINKS", 2000));
	print_tables();
	printf("\nWhole run: %.0f s on %ld CPUs, kernel ", since(t0).w, sysconf(_SC_NPROCESSORS_ONLN));
	fflush(stdout);
	system("uname -r");
	return 0;
}
