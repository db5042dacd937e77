/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* make bench: shared helpers of the benchmark program. */
#ifndef NLHL_BENCH_H
#define NLHL_BENCH_H

#include <arpa/inet.h>
#include <stdint.h>
#include <stdnoreturn.h>

noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* 10.0.0.0 + i (host order): the i-th route / address of a run. */
static inline uint32_t bench_route_addr(uint32_t i)
{
	return (10u << 24) + i;
}

/* raw.c: the minimal raw-netlink client */
int raw_open(void);
int raw_route_1by1(int fd, int type, uint32_t first, uint32_t n, int oif);
int raw_route_pipelined(int fd, int type, uint32_t first, uint32_t n, int oif);
int raw_addr_1by1(int fd, uint32_t n, int ifindex);
int raw_veth_add(int fd, const char *name, const char *peer);
int raw_link_del(int fd, const char *name);
int raw_link_by_name(int fd, const char *name);
long raw_route_dump(int fd);
long raw_link_dump(int fd);

#endif
