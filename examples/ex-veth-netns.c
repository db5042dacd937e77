/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A veth pair across two network namespaces, with addresses and a route,
 * proven by ping: the C twin of the usual vishvananda/netlink + netns code
 *
 *	ns1, _ := netns.New(); ns2, _ := netns.New()   // (moves the thread!)
 *	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "veth-a",
 *		Namespace: netlink.NsFd(ns1)}, PeerName: "veth-b",
 *		PeerNamespace: netlink.NsFd(ns2)}
 *	netlink.LinkAdd(veth)
 *	h1, _ := netlink.NewHandleAt(ns1); h2, _ := netlink.NewHandleAt(ns2)
 *	a, _ := h1.LinkByName("veth-a"); h1.AddrAdd(a, addr1); ...
 *	h1.RouteAdd(&netlink.Route{Dst: dst, Gw: net.ParseIP("10.10.0.2")})
 *
 * Differences from Go: nlhl_netns_new() does not move the calling thread,
 * and nlhl_link_add() returns the ifindex the link has in ns1 (Go leaves
 * Index 0 when Namespace is set), so no LinkByName is needed for it.
 * Build: cc ex-veth-netns.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

/* lo and the link up, the address on the link. */
static int configure(nlhl_handle *h, const struct nlhl_link *link, const char *addr)
{
	struct nlhl_link lo;
	struct nlhl_addr a;

	if (nlhl_link_by_name(h, "lo", &lo) < 0 || nlhl_link_set_up(h, &lo) < 0)
		return -1;
	if (nlhl_parse_addr(addr, &a) < 0 || nlhl_addr_add(h, link, &a) < 0)
		return -1;
	return nlhl_link_set_up(h, link);
}

/* Runs ping inside netns fd (a child process moves there; we do not). */
static int ping_from(int netns_fd, const char *dst)
{
	pid_t pid;
	int status;

	fflush(stdout);  /* the child's ping output comes after ours */
	pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (nlhl_netns_set(netns_fd) < 0)
			_exit(127);
		execlp("ping", "ping", "-c", "1", "-W", "5", dst, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int main(void)
{
	int ns1 = nlhl_netns_new(), ns2 = nlhl_netns_new();
	nlhl_handle *h1, *h2;
	struct nlhl_link veth = { .type = NLHL_LINK_VETH };
	struct nlhl_link peer, lo2;
	struct nlhl_addr extra;
	struct nlhl_route route = { 0 };

	if (ns1 < 0 || ns2 < 0)
		return fail("netns");
	if (nlhl_handle_new_at(ns1, &h1) < 0 || nlhl_handle_new_at(ns2, &h2) < 0)
		return fail("handles");

	/* Both ends made straight inside their namespaces. */
	strcpy(veth.attrs.name, "veth-a");
	veth.attrs.netns_fd = ns1;
	strcpy(veth.veth.peer_name, "veth-b");
	veth.veth.peer_netns_fd = ns2;
	if (nlhl_link_add(NULL, &veth) < 0)
		return fail("veth add");
	printf("veth-a has ifindex %d in ns1\n", veth.attrs.index);
	veth.attrs.netns_fd = 0;  /* from here on, h1 names the netns */

	if (nlhl_link_by_name(h2, "veth-b", &peer) < 0)
		return fail("veth-b");
	if (configure(h1, &veth, "10.10.0.1/24") < 0 || configure(h2, &peer, "10.10.0.2/24") < 0)
		return fail("addresses");

	/* ns2 owns 10.20.0.1 on its lo; ns1 reaches it through veth-b. */
	if (nlhl_link_by_name(h2, "lo", &lo2) < 0 || nlhl_parse_addr("10.20.0.1/32", &extra) < 0 ||
	    nlhl_addr_add(h2, &lo2, &extra) < 0)
		return fail("10.20.0.1");
	nlhl_parse_ipnet("10.20.0.0/24", &route.dst);
	nlhl_parse_ip("10.10.0.2", &route.gw);
	if (nlhl_route_add(h1, &route) < 0)
		return fail("route add");
	printf("ns1: route 10.20.0.0/24 via 10.10.0.2\n");

	if (ping_from(ns1, "10.20.0.1") < 0) {
		fprintf(stderr, "ping 10.20.0.1 from ns1 failed\n");
		return 1;
	}
	printf("ns1: ping 10.20.0.1 ok\n");

	nlhl_handle_free(h1);
	nlhl_handle_free(h2);
	close(ns1);  /* the namespaces and the veth die with their last fd */
	close(ns2);
	return 0;
}
