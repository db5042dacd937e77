/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A multipath (ECMP) route over two veths: the C twin of
 *
 *	netlink.RouteAdd(&netlink.Route{
 *		Dst: dst,
 *		MultiPath: []*netlink.NexthopInfo{
 *			{LinkIndex: a.Attrs().Index, Gw: net.ParseIP("10.0.1.2"), Hops: 0},
 *			{LinkIndex: b.Attrs().Index, Gw: net.ParseIP("10.0.2.2"), Hops: 1},
 *		},
 *	})
 *
 * Go's Hops is weight-1; here weight is the kernel's weight (1..256).
 * Build: cc ex-multipath.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

/* A veth NAME (peer NAME-p), up, with address ADDR. */
static int veth_with_addr(nlhl_handle *h, const char *name, const char *addr,
			  struct nlhl_link *ret)
{
	struct nlhl_link l = { .type = NLHL_LINK_VETH };
	struct nlhl_link peer;
	struct nlhl_addr a;

	snprintf(l.attrs.name, sizeof(l.attrs.name), "%s", name);
	snprintf(l.veth.peer_name, sizeof(l.veth.peer_name), "%s-p", name);
	if (nlhl_link_add(h, &l) < 0 || nlhl_link_set_up(h, &l) < 0)
		return -1;
	if (nlhl_link_by_name(h, l.veth.peer_name, &peer) < 0 || nlhl_link_set_up(h, &peer) < 0)
		return -1;
	if (nlhl_parse_addr(addr, &a) < 0 || nlhl_addr_add(h, &l, &a) < 0)
		return -1;
	*ret = l;
	return 0;
}

int main(void)
{
	nlhl_handle *h;
	struct nlhl_link a, b;
	struct nlhl_nexthop_info paths[2];
	struct nlhl_route route = { 0 }, *list;
	size_t n;

	if (nlhl_handle_new(&h) < 0)
		return fail("handle");
	if (veth_with_addr(h, "mpa", "10.0.1.1/24", &a) < 0 ||
	    veth_with_addr(h, "mpb", "10.0.2.1/24", &b) < 0)
		return fail("veths");

	memset(paths, 0, sizeof(paths));
	paths[0].link_index = a.attrs.index;
	nlhl_parse_ip("10.0.1.2", &paths[0].gw);
	paths[0].weight = 1;
	paths[1].link_index = b.attrs.index;
	nlhl_parse_ip("10.0.2.2", &paths[1].gw);
	paths[1].weight = 2;
	nlhl_parse_ipnet("192.168.0.0/16", &route.dst);
	route.multipath = paths;
	route.n_multipath = 2;
	if (nlhl_route_add(h, &route) < 0)
		return fail("route add");

	/* Read it back through the library. */
	if (nlhl_route_list(h, NULL, AF_INET, &list, &n) < 0)
		return fail("route list");
	for (size_t i = 0; i < n; i++) {
		char dst[NLHL_IPNET_STRLEN], gw[NLHL_IP_STRLEN];

		if (list[i].n_multipath == 0)
			continue;
		nlhl_format_ipnet(&list[i].dst, dst, sizeof(dst));
		printf("%s has %zu paths\n", dst, list[i].n_multipath);
		for (size_t j = 0; j < list[i].n_multipath; j++) {
			nlhl_format_ip(&list[i].multipath[j].gw, gw, sizeof(gw));
			printf("  via %s ifindex %d weight %d\n", gw,
			       list[i].multipath[j].link_index, list[i].multipath[j].weight);
		}
	}
	nlhl_route_list_free(list, n);
	nlhl_handle_free(h);
	return 0;
}
