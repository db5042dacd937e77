/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "harness-neigh.h"

#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int nb_ifindex(const char *name)
{
	unsigned idx = if_nametoindex(name);

	ck_assert_msg(idx > 0, "no link %s", name);
	return (int)idx;
}

bool nb_jhas(json_object *o, const char *key)
{
	return o && json_object_object_get_ex(o, key, NULL);
}

bool nb_jarr_has(json_object *arr, const char *s)
{
	if (!arr || !json_object_is_type(arr, json_type_array))
		return false;
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		const char *v = json_object_get_string(json_object_array_get_idx(arr, i));

		if (v && !strcmp(v, s))
			return true;
	}
	return false;
}

static json_object *first_match(json_object *arr, const char *key, const char *val,
				const char *key2, const char *val2)
{
	json_object *found = NULL;

	for (size_t i = 0; arr && i < json_object_array_length(arr); i++) {
		json_object *el = json_object_array_get_idx(arr, i);
		const char *v = key ? nlt_jstr(el, key) : NULL;
		const char *v2 = key2 ? nlt_jstr(el, key2) : NULL;

		if (val && (!v || strcmp(v, val)))
			continue;
		if (val2 && (!v2 || strcmp(v2, val2)))
			continue;
		found = json_object_get(el);
		break;
	}
	json_object_put(arr);
	return found;
}

json_object *nb_rule_json(int family, unsigned pref)
{
	return first_match(nlt_json("ip %s -j rule show pref %u",
				    family == AF_INET6 ? "-6" : "-4", pref),
			   NULL, NULL, NULL, NULL);
}

json_object *nb_fdb_find(const char *dev, const char *mac, const char *dst)
{
	return first_match(nlt_json("bridge -j fdb show dev %s", dev), "mac", mac, "dst", dst);
}

json_object *nb_neigh_find(const char *dev, const char *ip, bool proxy)
{
	return first_match(nlt_json("ip -j neigh show %s to %s dev %s", proxy ? "proxy" : "",
				    ip, dev), "dst", ip, NULL, NULL);
}

struct nlhl_ip nb_ip(const char *s)
{
	struct nlhl_ip ip;

	ck_assert_msg(nlhl_parse_ip(s, &ip) == 0, "bad ip %s", s);
	return ip;
}

struct nlhl_ipnet nb_ipnet(const char *s)
{
	struct nlhl_ipnet net;

	ck_assert_msg(nlhl_parse_ipnet(s, &net) == 0, "bad prefix %s", s);
	return net;
}

struct nlhl_hwaddr nb_mac(const char *s)
{
	struct nlhl_hwaddr hw;

	ck_assert_msg(nlhl_parse_mac(s, &hw) == 0, "bad mac %s", s);
	return hw;
}
