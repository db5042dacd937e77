/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers of the address, route and nexthop tests. */
#ifndef NLT_HARNESS_ROUTE_H
#define NLT_HARNESS_ROUTE_H

#include "harness.h"

/* lo up; veth pair va <-> vb, both up; va has 10.0.0.1/24 and 2001:db8::1/64
 * (nodad), vb has 10.0.1.1/24 and 2001:db8:1::1/64 (nodad). */
void nlt_rt_setup(void);
/* ifindex of a link (fails the test if there is none). */
int nlt_ifindex(const char *name);
/* Parsed values; fail the test on bad text. */
struct nlhl_ip nlt_ip(const char *s);
struct nlhl_ipnet nlt_net(const char *s);
/* `ip -j -d ROUTE_ARGS` element count / element i (caller puts). */
int nlt_jlen(json_object *arr);
/* The one route `ip -j -d [-6] route show ARGS` prints (fails unless
 * exactly one); caller puts. */
json_object *nlt_ip_route1(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Text form of a route's dst for messages ("default", "10.0.0.0/24"). */
const char *nlt_dst(const struct nlhl_route *r, char *buf, size_t size);

/* Stdout of a shell command (which must exit 0) equals want / contains
 * needle; the output is freed. */
bool nlt_output_is(const char *want, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool nlt_output_has(const char *needle, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
