/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness.h"

#include <dirent.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by the runner: where children append "test: reason" skip lines. */
int nlt_skip_fd = -1;

static void fresh_netns(void)
{
	ck_assert_msg(unshare(CLONE_NEWNET) == 0, "unshare(CLONE_NEWNET): %m");
}

TCase *nlt_tcase(Suite *s, const char *name)
{
	TCase *tc = tcase_create(name);

	/* Checked fixture: runs in each forked child, before its test. */
	tcase_add_checked_fixture(tc, fresh_netns, NULL);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return tc;
}

/* NLT_SKIP_ALLOW="netkit,..." lists words of the skips that remain allowed
 * under NLT_NO_SKIP (features the full-kernel tier's kernel is too old for). */
static bool skip_allowed(const char *line)
{
	const char *allow = getenv("NLT_SKIP_ALLOW");
	char words[256], *w, *save = NULL;

	if (!allow)
		return false;
	snprintf(words, sizeof(words), "%s", allow);
	for (w = strtok_r(words, ", ", &save); w; w = strtok_r(NULL, ", ", &save))
		if (strstr(line, w))
			return true;
	return false;
}

void nlt_note_skip(const char *test, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	n = snprintf(line, sizeof(line), "%s: ", test);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (getenv("NLT_NO_SKIP") && !skip_allowed(line))
		ck_abort_msg("skip not allowed in this tier: %s", line);
	if (nlt_skip_fd >= 0)
		dprintf(nlt_skip_fd, "%s\n", line);
}

static char *vformat(const char *fmt, va_list ap)
{
	char *s;

	ck_assert(vasprintf(&s, fmt, ap) >= 0);
	return s;
}

int nlt_sh(const char *fmt, ...)
{
	va_list ap;
	char *cmd;
	int st;

	va_start(ap, fmt);
	cmd = vformat(fmt, ap);
	va_end(ap);
	fflush(NULL);
	st = system(cmd);
	free(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static char *run_output(const char *cmd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	FILE *f;
	int st;

	ck_assert(buf);
	fflush(NULL);
	f = popen(cmd, "r");
	ck_assert_msg(f, "popen %s", cmd);
	for (;;) {
		size_t n;

		if (cap - len < 4096) {
			cap *= 2;
			buf = realloc(buf, cap);
			ck_assert(buf);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		if (n == 0)
			break;
		len += n;
	}
	buf[len] = '\0';
	st = pclose(f);
	ck_assert_msg(st == 0, "command failed (status %d): %s", st, cmd);
	return buf;
}

char *nlt_output(const char *fmt, ...)
{
	va_list ap;
	char *cmd, *out;

	va_start(ap, fmt);
	cmd = vformat(fmt, ap);
	va_end(ap);
	out = run_output(cmd);
	free(cmd);
	return out;
}

json_object *nlt_json(const char *fmt, ...)
{
	va_list ap;
	char *cmd, *out;
	json_object *o;

	va_start(ap, fmt);
	cmd = vformat(fmt, ap);
	va_end(ap);
	out = run_output(cmd);
	o = json_tokener_parse(out);
	ck_assert_msg(o != NULL, "not JSON from \"%s\": %s", cmd, out);
	free(cmd);
	free(out);
	return o;
}

json_object *nlt_ip_link(const char *name)
{
	json_object *arr, *el = NULL;

	if (nlt_sh("ip link show dev '%s' >/dev/null 2>&1", name) != 0)
		return NULL;
	arr = nlt_json("ip -d -j link show dev '%s'", name);
	if (json_object_is_type(arr, json_type_array) && json_object_array_length(arr) > 0)
		el = json_object_get(json_object_array_get_idx(arr, 0));
	json_object_put(arr);
	return el;
}

const char *nlt_jstr(json_object *o, const char *key)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return json_object_get_string(v);
}

long long nlt_jint(json_object *o, const char *key, long long def)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v))
		return def;
	return json_object_get_int64(v);
}

json_object *nlt_jpath(json_object *o, ...)
{
	va_list ap;
	const char *k;

	va_start(ap, o);
	while (o && (k = va_arg(ap, const char *)))
		if (!json_object_object_get_ex(o, k, &o))
			o = NULL;
	va_end(ap);
	return o;
}

bool nlt_has_link_kind(const char *kind)
{
	bool ok;

	/* Args some kinds need to be created at all: the lower device goes
	 * before "type" (after it, ip parses kind options only). */
	bool lower = !strcmp(kind, "vlan") || !strcmp(kind, "macvlan") ||
		     !strcmp(kind, "ipvlan") || !strcmp(kind, "macvtap") ||
		     !strcmp(kind, "ipvtap");
	const char *extra = !strcmp(kind, "vlan") ? "id 1" :
			    !strcmp(kind, "vxlan") ? "id 1 dstport 4789" :
			    !strcmp(kind, "vrf") ? "table 4242" :
			    !strcmp(kind, "geneve") ? "id 1 remote 192.0.2.1" : "";
	if (lower)
		nlt_sh("ip link add nltprobeb type veth peer nltprobec >/dev/null 2>&1");
	ok = nlt_sh("ip link add nltprobe %s type %s %s >/dev/null 2>&1",
		    lower ? "link nltprobeb" : "", kind, extra) == 0;
	nlt_sh("ip link del nltprobe >/dev/null 2>&1; ip link del nltprobeb >/dev/null 2>&1");
	return ok;
}

bool nlt_has_qdisc_kind(const char *kind)
{
	bool ok;

	nlt_sh("ip link add nltprobeq type veth peer nltprobeqp >/dev/null 2>&1");
	ok = nlt_sh("tc qdisc add dev nltprobeq root %s >/dev/null 2>&1", kind) == 0;
	nlt_sh("ip link del nltprobeq >/dev/null 2>&1");
	return ok;
}

int nlt_count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	ck_assert(d);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1;  /* the DIR's own fd */
}
