/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * iproute2's names for numbers (protocols, scopes, tables, route types,
 * link flags, operstates, neighbour states), both ways, so that the tools
 * print and read the same words as ip and `ip -j` filters keep working.
 */
#ifndef NLHL_TOOL_NAMES_H
#define NLHL_TOOL_NAMES_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>

/* Number -> name; unknown numbers print as decimal into buf (>= 16 bytes). */
const char *names_proto(unsigned v, char *buf);
const char *names_scope(unsigned v, char *buf);
const char *names_table(uint32_t v, char *buf);
const char *names_rtype(unsigned v, char *buf);
const char *names_operstate(unsigned v, char *buf);

/* Name (or number, in any base) -> number; -1 if neither. */
int names_proto_parse(const char *s, uint32_t *ret);
int names_scope_parse(const char *s, uint32_t *ret);
int names_table_parse(const char *s, uint32_t *ret);   /* "all" is 0 */
int names_rtype_parse(const char *s, uint32_t *ret);

/* ip's "flags" array of a link (IFF_* bits as the kernel reports them,
 * ifi_flags, with NO-CARRIER first when up without carrier). */
json_object *names_link_flags(uint32_t flags);
/* Neighbour states (NUD_*) as ip's "state" array, and back. */
json_object *names_nud_states(uint32_t state);
int names_nud_parse(const char *s, uint32_t *ret);

/* Joins a JSON array of strings with sep into buf (text output). */
const char *names_join(json_object *arr, const char *sep, char *buf, size_t size);

#endif
