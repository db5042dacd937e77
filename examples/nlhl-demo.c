/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nlhl-demo: builds a small topology in two throw-away network namespaces
 * with the library alone, shows it, and asks the kernel how a packet would
 * be routed.  Nothing here runs `ip`; the namespaces die with their fds.
 *
 *   netns "router":  br0 10.10.0.1/24 (bridge) <- veth0 (port)
 *   netns "host":    eth0 10.10.0.2/24 (veth0's peer), default via 10.10.0.1
 *
 * Usage: nlhl-demo [-j]   (-j: the final state as JSON, one object)
 */
#include <arpa/inet.h>
#include <json-c/json.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netlinkhl.h>

#define CHECK(expr)                                                        \
	do {                                                               \
		if ((expr) < 0) {                                          \
			fprintf(stderr, "nlhl-demo: %s\n", nlhl_errmsg()); \
			exit(1);                                           \
		}                                                          \
	} while (0)

static struct nlhl_addr addr_of(const char *s)
{
	struct nlhl_addr a = { 0 };

	CHECK(nlhl_parse_addr(s, &a));
	return a;
}

static void build(nlhl_handle *router, nlhl_handle *host, int host_fd)
{
	struct nlhl_link br = { .type = NLHL_LINK_BRIDGE };
	struct nlhl_link veth = { .type = NLHL_LINK_VETH };
	struct nlhl_link eth0, lo;
	struct nlhl_addr a;
	struct nlhl_route def = { 0 };

	strcpy(br.attrs.name, "br0");
	CHECK(nlhl_link_add(router, &br));
	strcpy(veth.attrs.name, "veth0");
	strcpy(veth.veth.peer_name, "eth0");
	veth.veth.peer_netns_fd = host_fd;  /* the peer is born in "host" */
	CHECK(nlhl_link_add(router, &veth));
	CHECK(nlhl_link_set_master(router, &veth, &br));
	a = addr_of("10.10.0.1/24");
	CHECK(nlhl_addr_add(router, &br, &a));
	CHECK(nlhl_link_set_up(router, &br));
	CHECK(nlhl_link_set_up(router, &veth));

	CHECK(nlhl_link_by_name(host, "eth0", &eth0));
	CHECK(nlhl_link_by_name(host, "lo", &lo));
	a = addr_of("10.10.0.2/24");
	CHECK(nlhl_addr_add(host, &eth0, &a));
	CHECK(nlhl_link_set_up(host, &lo));
	CHECK(nlhl_link_set_up(host, &eth0));
	def.link_index = eth0.attrs.index;
	CHECK(nlhl_parse_ip("10.10.0.1", &def.gw));  /* dst unset: default route */
	CHECK(nlhl_route_add(host, &def));
}

static const char *link_name(const struct nlhl_link *links, size_t n, int index)
{
	for (size_t i = 0; i < n; i++)
		if (links[i].attrs.index == index)
			return links[i].attrs.name;
	return "?";
}

static json_object *show(const char *ns, nlhl_handle *h, bool text)
{
	struct nlhl_link *links;
	struct nlhl_addr *addrs;
	struct nlhl_route *routes;
	size_t nl, na, nr;
	json_object *jns = json_object_new_object();
	json_object *jl = json_object_new_array(), *ja = json_object_new_array();
	json_object *jr = json_object_new_array();
	char buf[NLHL_ADDR_STRLEN], mac[NLHL_HWADDR_STRLEN];

	CHECK(nlhl_link_list(h, &links, &nl));
	CHECK(nlhl_addr_list(h, NULL, AF_INET, &addrs, &na));
	CHECK(nlhl_route_list(h, NULL, AF_INET, &routes, &nr));
	if (text)
		printf("== netns %s\n", ns);
	for (size_t i = 0; i < nl; i++) {
		const struct nlhl_link *l = &links[i];
		json_object *o = json_object_new_object();

		mac[0] = '\0';
		if (l->attrs.hw_addr.len)
			nlhl_format_mac(&l->attrs.hw_addr, mac, sizeof(mac));
		if (text)
			printf("link %d: %-6s kind %-7s mtu %-5d %-4s %s%s%s\n", l->attrs.index,
			       l->attrs.name, l->kind[0] ? l->kind : "-", l->attrs.mtu,
			       (l->attrs.flags & IFF_UP) ? "UP" : "DOWN", mac,
			       l->attrs.master_index ? " master " : "",
			       l->attrs.master_index ? link_name(links, nl, l->attrs.master_index) : "");
		json_object_object_add(o, "ifindex", json_object_new_int(l->attrs.index));
		json_object_object_add(o, "ifname", json_object_new_string(l->attrs.name));
		json_object_object_add(o, "kind", json_object_new_string(l->kind));
		json_object_object_add(o, "mtu", json_object_new_int(l->attrs.mtu));
		json_object_object_add(o, "up", json_object_new_boolean(l->attrs.flags & IFF_UP));
		if (l->attrs.master_index)
			json_object_object_add(o, "master", json_object_new_string(
				link_name(links, nl, l->attrs.master_index)));
		json_object_array_add(jl, o);
	}
	for (size_t i = 0; i < na; i++) {
		CHECK(nlhl_format_ipnet(&addrs[i].ipnet, buf, sizeof(buf)));
		if (text)
			printf("addr %s dev %s\n", buf, link_name(links, nl, addrs[i].link_index));
		json_object *o = json_object_new_object();
		json_object_object_add(o, "local", json_object_new_string(buf));
		json_object_object_add(o, "dev", json_object_new_string(
			link_name(links, nl, addrs[i].link_index)));
		json_object_array_add(ja, o);
	}
	for (size_t i = 0; i < nr; i++) {
		const struct nlhl_route *r = &routes[i];
		char dst[NLHL_IPNET_STRLEN] = "default", gw[NLHL_IP_STRLEN] = "";
		json_object *o = json_object_new_object();

		if (r->dst.family)
			CHECK(nlhl_format_ipnet(&r->dst, dst, sizeof(dst)));
		if (r->gw.family)
			CHECK(nlhl_format_ip(&r->gw, gw, sizeof(gw)));
		if (text)
			printf("route %s%s%s dev %s\n", dst, gw[0] ? " via " : "", gw,
			       link_name(links, nl, r->link_index));
		json_object_object_add(o, "dst", json_object_new_string(dst));
		if (gw[0])
			json_object_object_add(o, "gateway", json_object_new_string(gw));
		json_object_object_add(o, "dev", json_object_new_string(
			link_name(links, nl, r->link_index)));
		json_object_array_add(jr, o);
	}
	json_object_object_add(jns, "links", jl);
	json_object_object_add(jns, "addresses", ja);
	json_object_object_add(jns, "routes", jr);
	nlhl_link_list_free(links, nl);
	nlhl_addr_list_free(addrs, na);
	nlhl_route_list_free(routes, nr);
	return jns;
}

/* The kernel's own answer to "which way to 192.0.2.7?" from the host. */
static json_object *route_get(nlhl_handle *host, bool text)
{
	struct nlhl_ip dst;
	struct nlhl_route r;
	struct nlhl_link dev;
	char gw[NLHL_IP_STRLEN] = "", src[NLHL_IP_STRLEN] = "";
	json_object *o = json_object_new_object();

	CHECK(nlhl_parse_ip("192.0.2.7", &dst));
	CHECK(nlhl_route_get(host, &dst, NULL, &r));
	CHECK(nlhl_link_by_index(host, r.link_index, &dev));
	if (r.gw.family)
		CHECK(nlhl_format_ip(&r.gw, gw, sizeof(gw)));
	if (r.src.family)
		CHECK(nlhl_format_ip(&r.src, src, sizeof(src)));
	if (text)
		printf("== route get 192.0.2.7 (netns host)\n192.0.2.7 via %s dev %s src %s\n",
		       gw, dev.attrs.name, src);
	json_object_object_add(o, "dst", json_object_new_string("192.0.2.7"));
	json_object_object_add(o, "gateway", json_object_new_string(gw));
	json_object_object_add(o, "dev", json_object_new_string(dev.attrs.name));
	json_object_object_add(o, "prefsrc", json_object_new_string(src));
	nlhl_route_clear(&r);
	return o;
}

int main(int argc, char **argv)
{
	bool json = argc > 1 && !strcmp(argv[1], "-j");
	int router_fd, host_fd;
	nlhl_handle *router, *host;
	json_object *all = json_object_new_object();

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: nlhl-demo [-j]\n");
		json_object_put(all);
		return 2;
	}
	router_fd = nlhl_netns_new();
	CHECK(router_fd);
	host_fd = nlhl_netns_new();
	CHECK(host_fd);
	/* Handles inside each netns; this thread never leaves its own. */
	CHECK(nlhl_handle_new_at(router_fd, &router));
	CHECK(nlhl_handle_new_at(host_fd, &host));
	build(router, host, host_fd);

	json_object_object_add(all, "router", show("router", router, !json));
	json_object_object_add(all, "host", show("host", host, !json));
	json_object_object_add(all, "route_get", route_get(host, !json));
	if (json)
		printf("%s\n", json_object_to_json_string_ext(all, JSON_C_TO_STRING_PRETTY));
	json_object_put(all);

	nlhl_handle_free(router);
	nlhl_handle_free(host);
	/* Closing the last references destroys both namespaces and links. */
	close(router_fd);
	close(host_fd);
	return 0;
}
