/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the rule and neighbour tests (test-rule.c, test-neigh.c). */
#ifndef NLT_HARNESS_NEIGH_H
#define NLT_HARNESS_NEIGH_H

#include "harness.h"

/* ifindex of a link in the test's netns; fails the test if missing. */
int nb_ifindex(const char *name);
/* True if o has key (also when its value is JSON null, as in "not":null). */
bool nb_jhas(json_object *o, const char *key);
/* True if the JSON array arr holds the string s. */
bool nb_jarr_has(json_object *arr, const char *s);
/* `ip [-6] -j rule show pref PREF`, element 0 or NULL (caller puts). */
json_object *nb_rule_json(int family, unsigned pref);
/* The element of `bridge -j fdb show dev DEV` with this mac (and dst when
 * not NULL), or NULL (caller puts). */
json_object *nb_fdb_find(const char *dev, const char *mac, const char *dst);
/* The element of `ip -j neigh show [proxy] to IP dev DEV`, or NULL. */
json_object *nb_neigh_find(const char *dev, const char *ip, bool proxy);
/* Parses an address / mac for test inputs; fails the test on bad text. */
struct nlhl_ip nb_ip(const char *s);
struct nlhl_ipnet nb_ipnet(const char *s);
struct nlhl_hwaddr nb_mac(const char *s);

#endif
