/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* iproute2's names for numbers; see names.h.  Tables follow iproute2's
 * lib/rt_names.c and /usr/share/iproute2 defaults. */
#define _GNU_SOURCE
#include "names.h"
#include "tool.h"

#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/neighbour.h>

struct name { unsigned v; const char *s; };

static const struct name protos[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" },
	{ 4, "static" }, { 8, "gated" }, { 9, "ra" }, { 10, "mrt" },
	{ 11, "zebra" }, { 12, "bird" }, { 13, "dnrouted" }, { 14, "xorp" },
	{ 15, "ntk" }, { 16, "dhcp" }, { 17, "mrouted" }, { 18, "keepalived" },
	{ 42, "babel" }, { 99, "openr" }, { 186, "bgp" }, { 187, "isis" },
	{ 188, "ospf" }, { 189, "rip" }, { 192, "eigrp" }, { 0, NULL },
};
static const struct name scopes[] = {
	{ 0, "global" }, { 200, "site" }, { 253, "link" }, { 254, "host" },
	{ 255, "nowhere" }, { 0, NULL },
};
static const struct name tables[] = {
	{ 253, "default" }, { 254, "main" }, { 255, "local" }, { 0, NULL },
};
static const struct name rtypes[] = {
	{ 0, "none" }, { 1, "unicast" }, { 2, "local" }, { 3, "broadcast" },
	{ 4, "anycast" }, { 5, "multicast" }, { 6, "blackhole" },
	{ 7, "unreachable" }, { 8, "prohibit" }, { 9, "throw" }, { 10, "nat" },
	{ 11, "xresolve" }, { 0, NULL },
};
static const struct name operstates[] = {
	{ 0, "UNKNOWN" }, { 1, "NOTPRESENT" }, { 2, "DOWN" }, { 3, "LOWERLAYERDOWN" },
	{ 4, "TESTING" }, { 5, "DORMANT" }, { 6, "UP" }, { 0, NULL },
};

static const char *n2a(const struct name *t, unsigned v, char *buf)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	snprintf(buf, 16, "%u", v);
	return buf;
}

static int a2n(const struct name *t, const char *s, uint32_t *ret)
{
	for (; t->s; t++)
		if (!strcmp(t->s, s)) {
			*ret = t->v;
			return 0;
		}
	return tool_parse_u32(s, ret);
}

const char *names_proto(unsigned v, char *buf) { return n2a(protos, v, buf); }
const char *names_scope(unsigned v, char *buf) { return n2a(scopes, v, buf); }
const char *names_table(uint32_t v, char *buf) { return n2a(tables, v, buf); }
const char *names_rtype(unsigned v, char *buf) { return n2a(rtypes, v, buf); }
const char *names_operstate(unsigned v, char *buf) { return n2a(operstates, v, buf); }

int names_proto_parse(const char *s, uint32_t *ret) { return a2n(protos, s, ret); }
int names_scope_parse(const char *s, uint32_t *ret)
{
	if (!strcmp(s, "universe")) {
		*ret = 0;
		return 0;
	}
	return a2n(scopes, s, ret);
}
int names_rtype_parse(const char *s, uint32_t *ret) { return a2n(rtypes, s, ret); }
int names_table_parse(const char *s, uint32_t *ret)
{
	if (!strcmp(s, "all") || !strcmp(s, "unspec")) {
		*ret = 0;
		return 0;
	}
	return a2n(tables, s, ret);
}

json_object *names_link_flags(uint32_t flags)
{
	static const struct name bits[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
		{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" },
		{ IFF_PROMISC, "PROMISC" }, { IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" },
		{ IFF_DEBUG, "DEBUG" }, { IFF_DYNAMIC, "DYNAMIC" },
		{ IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" },
		{ 0x10000, "LOWER_UP" }, { 0x20000, "DORMANT" }, { 0x40000, "ECHO" },
		{ 0, NULL },
	};
	json_object *a = json_object_new_array();

	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		json_object_array_add(a, json_object_new_string("NO-CARRIER"));
	flags &= ~IFF_RUNNING;
	for (const struct name *b = bits; b->s; b++)
		if (flags & b->v) {
			flags &= ~b->v;
			json_object_array_add(a, json_object_new_string(b->s));
		}
	if (flags) {
		char hex[16];

		snprintf(hex, sizeof(hex), "%x", flags);
		json_object_array_add(a, json_object_new_string(hex));
	}
	return a;
}

static const struct name nuds[] = {
	{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
	{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" }, { NUD_PROBE, "PROBE" },
	{ NUD_FAILED, "FAILED" }, { NUD_NOARP, "NOARP" },
	{ NUD_PERMANENT, "PERMANENT" }, { 0, NULL },
};

json_object *names_nud_states(uint32_t state)
{
	json_object *a = json_object_new_array();

	for (const struct name *n = nuds; n->s; n++)
		if (state & n->v)
			json_object_array_add(a, json_object_new_string(n->s));
	return a;
}

int names_nud_parse(const char *s, uint32_t *ret)
{
	char up[32];
	size_t i;

	for (i = 0; s[i] && i < sizeof(up) - 1; i++)
		up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	up[i] = '\0';
	if (!strcmp(up, "NONE")) {
		*ret = 0;
		return 0;
	}
	return a2n(nuds, up, ret);
}

const char *names_join(json_object *arr, const char *sep, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		const char *s = json_object_get_string(json_object_array_get_idx(arr, i));
		int n = snprintf(buf + len, size - len, "%s%s", i ? sep : "", s);

		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return buf;
}
