/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness-route.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void nlt_rt_setup(void)
{
	NLT_SH_OK("ip link set lo up && ip link add va type veth peer vb && ip link set va up && ip link set vb up"
		  " && ip addr add 10.0.0.1/24 dev va && ip addr add 10.0.1.1/24 dev vb"
		  " && ip addr add 2001:db8::1/64 dev va nodad"
		  " && ip addr add 2001:db8:1::1/64 dev vb nodad");
}

int nlt_ifindex(const char *name)
{
	json_object *o = nlt_ip_link(name);
	int idx;

	ck_assert_msg(o != NULL, "no link %s", name);
	idx = (int)nlt_jint(o, "ifindex", -1);
	json_object_put(o);
	return idx;
}

struct nlhl_ip nlt_ip(const char *s)
{
	struct nlhl_ip ip;

	ck_assert_msg(nlhl_parse_ip(s, &ip) == 0, "bad ip %s", s);
	return ip;
}

struct nlhl_ipnet nlt_net(const char *s)
{
	struct nlhl_ipnet n;

	ck_assert_msg(nlhl_parse_ipnet(s, &n) == 0, "bad ipnet %s", s);
	return n;
}

int nlt_jlen(json_object *arr)
{
	return arr && json_object_is_type(arr, json_type_array) ? (int)json_object_array_length(arr) : 0;
}

json_object *nlt_ip_route1(const char *fmt, ...)
{
	char args[512];
	va_list ap;
	json_object *arr, *o;

	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	arr = nlt_json("ip -j -d %s", args);
	ck_assert_msg(nlt_jlen(arr) == 1, "ip -j -d %s: %d routes, want 1: %s", args, nlt_jlen(arr),
		      json_object_to_json_string(arr));
	o = json_object_get(json_object_array_get_idx(arr, 0));
	json_object_put(arr);
	return o;
}

const char *nlt_dst(const struct nlhl_route *r, char *buf, size_t size)
{
	if (!r->dst.family)
		snprintf(buf, size, "default");
	else
		nlhl_format_ipnet(&r->dst, buf, size);
	return buf;
}

static bool output_check(const char *s, bool whole, const char *fmt, va_list ap)
{
	char cmd[1024];
	char *out;
	bool ok;

	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	out = nlt_output("%s", cmd);
	ok = whole ? !strcmp(out, s) : strstr(out, s) != NULL;
	if (!ok)
		fprintf(stderr, "%s: output \"%s\", want %s \"%s\"\n", cmd, out,
			whole ? "exactly" : "a part", s);
	free(out);
	return ok;
}

bool nlt_output_is(const char *want, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = output_check(want, true, fmt, ap);
	va_end(ap);
	return ok;
}

bool nlt_output_has(const char *needle, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = output_check(needle, false, fmt, ap);
	va_end(ap);
	return ok;
}
