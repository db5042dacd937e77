/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * An address on lo: the C twin of
 *
 *	lo, _ := netlink.LinkByName("lo")
 *	addr, _ := netlink.ParseAddr("169.254.169.254/32")
 *	netlink.AddrAdd(lo, addr)
 *	addrs, _ := netlink.AddrList(lo, netlink.FAMILY_V4)
 *
 * Build: cc ex-addr-lo.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <stdio.h>
#include <sys/socket.h>

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

int main(void)
{
	struct nlhl_link lo;
	struct nlhl_addr addr;
	struct nlhl_addr *list;
	size_t n;

	if (nlhl_link_by_name(NULL, "lo", &lo) < 0)
		return fail("lo");
	if (nlhl_parse_addr("169.254.169.254/32", &addr) < 0)
		return fail("parse");
	if (nlhl_addr_add(NULL, &lo, &addr) < 0)
		return fail("addr add");
	if (nlhl_link_set_up(NULL, &lo) < 0)
		return fail("lo up");

	if (nlhl_addr_list(NULL, &lo, AF_INET, &list, &n) < 0)
		return fail("addr list");
	for (size_t i = 0; i < n; i++) {
		char buf[NLHL_IPNET_STRLEN];

		if (nlhl_format_ipnet(&list[i].ipnet, buf, sizeof(buf)) == 0)
			printf("lo has %s\n", buf);
	}
	nlhl_addr_list_free(list, n);
	return 0;
}
