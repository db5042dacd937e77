/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Neighbours, proxy entries and bridge/vxlan fdb entries: every call and
 * field through the library and `ip -j neigh` / `bridge -j fdb`, both
 * directions, filters, streaming, vanished links and bad input. */
#include "harness-neigh.h"
#include "../lib/internal-neigh.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

/* va <-> vb, both up. */
static void veth_up(void)
{
	NLT_SH_OK("ip link add va type veth peer vb && ip link set va up && ip link set vb up");
	/* Connected routes, so the kernel types neighbours as unicast. */
	NLT_SH_OK("ip addr add 10.0.0.254/8 dev vb && ip addr add 10.250.0.1/16 dev va");
}

/* br0 with port va (veth to vb), all up.  Without IPv6 on the new links:
 * its multicast addresses would come and go in the fdb as addrconf runs. */
static void bridge_up(void)
{
	NLT_SH_OK("sysctl -qw net.ipv6.conf.default.disable_ipv6=1");
	veth_up();
	NLT_SH_OK("ip link add br0 type bridge && ip link set va master br0 && ip link set br0 up");
}

static bool vxlan_up(void)
{
	return nlt_sh("ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 nolearning "
		      "2>/dev/null") == 0;
}

static bool same_ip(const struct nlhl_ip *a, const char *b)
{
	struct nlhl_ip w = nb_ip(b);

	return a->family == w.family && !memcmp(a->addr, w.addr, 16);
}

static bool same_mac(const struct nlhl_hwaddr *a, const char *b)
{
	struct nlhl_hwaddr w = nb_mac(b);

	return a->len == w.len && !memcmp(a->addr, w.addr, w.len);
}

/* The entry for ip (inet) or mac [+ dst] (bridge) of a library list. */
static bool find_neigh(nlhl_handle *h, int family, int link, const char *key, const char *dst,
		       bool proxy, struct nlhl_neigh *ret)
{
	struct nlhl_neigh *list, f = { .link_index = link };
	size_t n;
	bool found = false;
	uint32_t mask = NLHL_NEIGH_FILTER_LINK | (proxy ? NLHL_NEIGH_FILTER_PROXY : 0);

	NLT_OK(nlhl_neigh_list_filtered(h, family, &f, mask, &list, &n));
	for (size_t i = 0; i < n && !found; i++) {
		bool hit = family == AF_BRIDGE ? same_mac(&list[i].hw_addr, key) &&
						 (!dst || same_ip(&list[i].ip, dst))
					       : same_ip(&list[i].ip, key);
		if (hit) {
			*ret = list[i];
			found = true;
		}
	}
	nlhl_neigh_list_free(list, n);
	return found;
}

START_TEST(neigh_ipv4_add_set_del)
{
	nlhl_handle *h;
	struct nlhl_neigh n = { 0 }, got;
	json_object *j;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	NLT_OK(nlhl_handle_new(&h));
	n.link_index = vb;
	n.ip = nb_ip("10.1.1.1");  /* family from ip */
	n.hw_addr = nb_mac("02:11:11:11:11:11");
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_neigh_find("vb", "10.1.1.1", false);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "lladdr"), "02:11:11:11:11:11");
	ck_assert(nb_jarr_has(nlt_jpath(j, "state", NULL), "PERMANENT"));  /* the default */
	json_object_put(j);
	ck_assert(find_neigh(h, AF_INET, vb, "10.1.1.1", NULL, false, &got));
	ck_assert_int_eq(got.family, AF_INET);
	ck_assert_int_eq(got.link_index, vb);
	ck_assert_uint_eq(got.state, NLHL_NUD_PERMANENT);
	ck_assert(same_mac(&got.hw_addr, "02:11:11:11:11:11"));
	ck_assert_uint_eq(got.type, RTN_UNICAST);  /* 10/8 is connected on vb */
	ck_assert_int_eq(got.link_netnsid, -1);

	NLT_ERR(nlhl_neigh_add(h, &n), -EEXIST);
	NLT_ERRMSG_HAS("neigh add 10.1.1.1 dev");

	/* set = replace: new lladdr and state */
	n.hw_addr = nb_mac("02:22:22:22:22:22");
	n.state = NLHL_NUD_REACHABLE;
	NLT_OK(nlhl_neigh_set(h, &n));
	j = nb_neigh_find("vb", "10.1.1.1", false);
	ck_assert_str_eq(nlt_jstr(j, "lladdr"), "02:22:22:22:22:22");
	ck_assert(nb_jarr_has(nlt_jpath(j, "state", NULL), "REACHABLE"));
	json_object_put(j);
	ck_assert(find_neigh(h, AF_INET, vb, "10.1.1.1", NULL, false, &got));
	ck_assert_uint_eq(got.state, NLHL_NUD_REACHABLE);
	ck_assert(same_mac(&got.hw_addr, "02:22:22:22:22:22"));
	/* set creates too */
	n.ip = nb_ip("10.1.1.9");
	NLT_OK(nlhl_neigh_set(h, &n));
	ck_assert(find_neigh(h, AF_INET, vb, "10.1.1.9", NULL, false, &got));

	/* del, by link and ip */
	struct nlhl_neigh del = { .link_index = vb, .ip = nb_ip("10.1.1.1") };
	NLT_OK(nlhl_neigh_del(h, &del));
	/* A deleted permanent entry may linger as FAILED/NONE until gc; it is
	 * no longer PERMANENT/REACHABLE with our lladdr. */
	ck_assert(!find_neigh(h, AF_INET, vb, "10.1.1.1", NULL, false, &got) ||
		  !(got.state & (NLHL_NUD_PERMANENT | NLHL_NUD_REACHABLE)));
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.1", false));
	nlhl_handle_free(h);
}
END_TEST

START_TEST(neigh_ipv6_flags_states)
{
	struct nlhl_neigh n = { 0 }, got;
	json_object *j;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	n.link_index = vb;
	n.family = AF_INET6;
	n.ip = nb_ip("2001:db8::1");
	n.hw_addr = nb_mac("02:11:11:11:11:12");
	n.state = NLHL_NUD_STALE;
	n.flags = NLHL_NTF_ROUTER;
	NLT_OK(nlhl_neigh_add(NULL, &n));
	j = nb_neigh_find("vb", "2001:db8::1", false);
	ck_assert_ptr_nonnull(j);
	ck_assert(nb_jhas(j, "router"));
	ck_assert(nb_jarr_has(nlt_jpath(j, "state", NULL), "STALE"));
	ck_assert_str_eq(nlt_jstr(j, "lladdr"), "02:11:11:11:11:12");
	json_object_put(j);
	ck_assert(find_neigh(NULL, AF_INET6, vb, "2001:db8::1", NULL, false, &got));
	ck_assert_int_eq(got.family, AF_INET6);
	ck_assert(got.flags & NLHL_NTF_ROUTER);
	ck_assert_uint_eq(got.state, NLHL_NUD_STALE);

	/* More states and extern_learn, IPv4. */
	static const struct { uint16_t st; const char *name; } sts[] = {
		{ NLHL_NUD_NOARP, "NOARP" },
		{ NLHL_NUD_REACHABLE, "REACHABLE" },
		{ NLHL_NUD_STALE, "STALE" },
		{ NLHL_NUD_PERMANENT, "PERMANENT" },
	};
	for (size_t i = 0; i < 4; i++) {
		char ip[32];

		snprintf(ip, sizeof(ip), "10.2.0.%zu", i + 1);
		n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip(ip), .state = sts[i].st,
					 .hw_addr = nb_mac("02:00:00:00:00:33") };
		if (i == 0)
			n.flags = NLHL_NTF_EXT_LEARNED;
		NLT_OK(nlhl_neigh_add(NULL, &n));
		j = nb_neigh_find("vb", ip, false);
		ck_assert_ptr_nonnull(j);
		ck_assert_msg(nb_jarr_has(nlt_jpath(j, "state", NULL), sts[i].name), "%s", sts[i].name);
		ck_assert(nb_jhas(j, "extern_learn") == (i == 0));
		json_object_put(j);
		ck_assert(find_neigh(NULL, AF_INET, vb, ip, NULL, false, &got));
		ck_assert_uint_eq(got.state, sts[i].st);
		ck_assert(!!(got.flags & NLHL_NTF_EXT_LEARNED) == (i == 0));
	}
	/* managed (NDA_FLAGS_EXT): kernel >= 5.16 */
	n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.2.0.9"),
				 .flags_ext = NLHL_NTF_EXT_MANAGED };  /* state: none */
	NLT_OK(nlhl_neigh_add(NULL, &n));
	j = nb_neigh_find("vb", "10.2.0.9", false);
	ck_assert_ptr_nonnull(j);
	ck_assert(nb_jhas(j, "managed"));
	json_object_put(j);
	ck_assert(find_neigh(NULL, AF_INET, vb, "10.2.0.9", NULL, false, &got));
	ck_assert(got.flags_ext & NLHL_NTF_EXT_MANAGED);
}
END_TEST

START_TEST(neigh_proxy)
{
	nlhl_handle *h;
	struct nlhl_neigh n = { 0 }, got, *list;
	json_object *j;
	size_t cnt;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	NLT_OK(nlhl_handle_new(&h));
	n.link_index = vb;
	n.ip = nb_ip("10.1.1.5");
	n.flags = NLHL_NTF_PROXY;
	NLT_OK(nlhl_neigh_add(h, &n));
	n.ip = nb_ip("2001:db8::5");
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_neigh_find("vb", "10.1.1.5", true);
	ck_assert_ptr_nonnull(j);
	ck_assert(nb_jhas(j, "proxy"));
	json_object_put(j);
	j = nb_neigh_find("vb", "2001:db8::5", true);
	ck_assert_ptr_nonnull(j);
	json_object_put(j);
	/* Only in the proxy list. */
	ck_assert(find_neigh(h, AF_INET, vb, "10.1.1.5", NULL, true, &got));
	ck_assert(got.flags & NLHL_NTF_PROXY);
	ck_assert_int_eq(got.link_index, vb);
	ck_assert(!find_neigh(h, AF_INET, vb, "10.1.1.5", NULL, false, &got));
	NLT_OK(nlhl_neigh_list_filtered(h, AF_UNSPEC, &n, NLHL_NEIGH_FILTER_PROXY, &list, &cnt));
	ck_assert_uint_eq(cnt, 2);
	nlhl_neigh_list_free(list, cnt);
	/* del */
	n.ip = nb_ip("10.1.1.5");
	NLT_OK(nlhl_neigh_del(h, &n));
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.5", true));
	NLT_ERR(nlhl_neigh_del(h, &n), -ENOENT);
	nlhl_handle_free(h);
}
END_TEST

/* Made by ip, read by the library. */
START_TEST(neigh_reverse)
{
	struct nlhl_neigh got;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	NLT_SH_OK("ip neigh add 10.1.1.1 lladdr 02:11:11:11:11:11 dev vb");
	NLT_SH_OK("ip neigh add 10.1.1.2 lladdr 02:11:11:11:11:13 dev vb nud noarp extern_learn");
	NLT_SH_OK("ip neigh add 10.1.1.4 dev vb nud incomplete");
	NLT_SH_OK("ip -6 neigh add 2001:db8::1 lladdr 02:11:11:11:11:12 dev vb nud stale router");
	NLT_SH_OK("ip neigh add proxy 10.1.1.5 dev vb");
	NLT_SH_OK("ip neigh add 10.1.1.6 lladdr 02:11:11:11:11:14 dev vb protocol static");

	ck_assert(find_neigh(NULL, AF_INET, vb, "10.1.1.1", NULL, false, &got));
	ck_assert(same_mac(&got.hw_addr, "02:11:11:11:11:11"));
	ck_assert_uint_eq(got.state, NLHL_NUD_PERMANENT);
	ck_assert(find_neigh(NULL, AF_INET, vb, "10.1.1.2", NULL, false, &got));
	ck_assert_uint_eq(got.state, NLHL_NUD_NOARP);
	ck_assert(got.flags & NLHL_NTF_EXT_LEARNED);
	ck_assert(find_neigh(NULL, AF_INET, vb, "10.1.1.4", NULL, false, &got));
	ck_assert_uint_eq(got.hw_addr.len, 0);
	ck_assert(got.state & (NLHL_NUD_INCOMPLETE | NLHL_NUD_FAILED));
	ck_assert(find_neigh(NULL, AF_INET6, vb, "2001:db8::1", NULL, false, &got));
	ck_assert_uint_eq(got.state, NLHL_NUD_STALE);
	ck_assert(got.flags & NLHL_NTF_ROUTER);
	ck_assert(find_neigh(NULL, AF_UNSPEC, vb, "2001:db8::1", NULL, false, &got));
	ck_assert(find_neigh(NULL, AF_INET, vb, "10.1.1.5", NULL, true, &got));
	ck_assert(got.flags & NLHL_NTF_PROXY);
	ck_assert(find_neigh(NULL, AF_INET, vb, "10.1.1.6", NULL, false, &got));
	ck_assert_uint_eq(got.protocol, RTPROT_STATIC);
	/* Read back, each deletes itself (proxy entries too). */
	struct nlhl_neigh *list;
	size_t cnt;
	for (int proxy = 0; proxy < 2; proxy++) {
		struct nlhl_neigh f = { .link_index = vb };

		NLT_OK(nlhl_neigh_list_filtered(NULL, AF_UNSPEC, &f, NLHL_NEIGH_FILTER_LINK |
						(proxy ? NLHL_NEIGH_FILTER_PROXY : 0), &list, &cnt));
		for (size_t i = 0; i < cnt; i++)
			if (same_ip(&list[i].ip, "2001:db8::1") ||
			    (list[i].ip.family == AF_INET && list[i].ip.addr[1] == 1))
				NLT_OK(nlhl_neigh_del(NULL, &list[i]));
		nlhl_neigh_list_free(list, cnt);
	}
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.1", false));
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.2", false));
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.6", false));
	ck_assert_ptr_null(nb_neigh_find("vb", "2001:db8::1", false));
	ck_assert_ptr_null(nb_neigh_find("vb", "10.1.1.5", true));
	NLT_SH_OK("ip neigh add 10.1.1.1 lladdr 02:11:11:11:11:11 dev vb");
	/* A protocol set through the library shows in ip. */
	struct nlhl_neigh n = { .link_index = vb, .ip = nb_ip("10.1.1.7"),
				.hw_addr = nb_mac("02:00:00:00:00:07"), .protocol = RTPROT_BOOT };
	NLT_OK(nlhl_neigh_add(NULL, &n));
	json_object *j = nb_neigh_find("vb", "10.1.1.7", false);
	ck_assert_str_eq(nlt_jstr(j, "protocol"), "boot");
	json_object_put(j);
}
END_TEST

static int count_cb(const struct nlhl_neigh *n, void *arg)
{
	(*(size_t *)arg)++;
	ck_assert(n->family == AF_INET || n->family == AF_INET6);
	return 0;
}

static int stop_cb(const struct nlhl_neigh *n, void *arg)
{
	return ++(*(size_t *)arg) == 3 ? -ECANCELED : 0;
}

START_TEST(neigh_list_filtered_foreach)
{
	nlhl_handle *h;
	struct nlhl_neigh *list, f = { 0 };
	size_t n, cnt = 0;
	char *out;
	int va, vb;

	veth_up();
	va = nb_ifindex("va");
	vb = nb_ifindex("vb");
	NLT_SH_OK("for i in $(seq 1 200); do echo neigh add 10.3.$((i/250)).$((i%%250)) "
		  "lladdr 02:00:00:00:01:01 dev vb; done | ip -batch -");
	NLT_SH_OK("for i in $(seq 1 50); do echo neigh add 2001:db8::$i lladdr 02:00:00:00:01:02 "
		  "dev va nud reachable; done | ip -6 -batch -");
	NLT_SH_OK("ip neigh add 10.9.9.9 lladdr 02:00:00:00:01:03 dev va nud stale");
	NLT_OK(nlhl_handle_new(&h));

	NLT_OK(nlhl_neigh_list(h, vb, AF_INET, &list, &n));
	ck_assert_uint_eq(n, 200);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(list[i].link_index, vb);
	nlhl_neigh_list_free(list, n);
	/* Compared with ip on the entries this test made (the kernel adds
	 * multicast ones of its own as the links come up). */
	NLT_OK(nlhl_neigh_list(h, va, AF_UNSPEC, &list, &n));
	cnt = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].hw_addr.len == 6 && !memcmp(list[i].hw_addr.addr, "\x02\0\0\0\x01", 5))
			cnt++;
	out = nlt_output("ip -j neigh show nud all dev va | "
			 "jq '[.[] | select(.lladdr // \"\" | startswith(\"02:00:00:00:01\"))] | length'");
	ck_assert_uint_eq(cnt, strtoul(out, NULL, 10));
	ck_assert_uint_eq(cnt, 51);
	free(out);
	nlhl_neigh_list_free(list, n);
	NLT_OK(nlhl_neigh_list(h, 0, AF_INET6, &list, &n));
	cnt = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(list[i].family, AF_INET6);
		if (same_mac(&list[i].hw_addr, "02:00:00:00:01:02"))
			cnt++;
	}
	ck_assert_uint_eq(cnt, 50);
	nlhl_neigh_list_free(list, n);
	cnt = 0;

	f.state = NLHL_NUD_STALE;
	NLT_OK(nlhl_neigh_list_filtered(h, AF_UNSPEC, &f, NLHL_NEIGH_FILTER_STATE, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert(same_ip(&list[0].ip, "10.9.9.9"));
	nlhl_neigh_list_free(list, n);
	f = (struct nlhl_neigh){ .hw_addr = nb_mac("02:00:00:00:01:02") };
	NLT_OK(nlhl_neigh_list_filtered(h, AF_UNSPEC, &f, NLHL_NEIGH_FILTER_HWADDR, &list, &n));
	ck_assert_uint_eq(n, 50);
	nlhl_neigh_list_free(list, n);
	f = (struct nlhl_neigh){ .ip = nb_ip("10.3.0.77") };
	NLT_OK(nlhl_neigh_list_filtered(h, AF_INET, &f, NLHL_NEIGH_FILTER_IP, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(list[0].link_index, vb);
	nlhl_neigh_list_free(list, n);
	f = (struct nlhl_neigh){ .state = NLHL_NUD_PERMANENT | NLHL_NUD_STALE, .link_index = va };
	NLT_OK(nlhl_neigh_list_filtered(h, AF_INET, &f, NLHL_NEIGH_FILTER_STATE |
					NLHL_NEIGH_FILTER_LINK, &list, &n));
	ck_assert_uint_eq(n, 1);
	nlhl_neigh_list_free(list, n);

	/* Streaming: the same entries, one at a time (IPv4: the IPv6 table
	 * also holds what the links' own ND traffic adds meanwhile). */
	NLT_OK(nlhl_neigh_foreach(h, AF_INET, NULL, 0, count_cb, &cnt));
	NLT_OK(nlhl_neigh_list(h, 0, AF_INET, &list, &n));
	ck_assert_uint_eq(cnt, n);
	ck_assert_uint_eq(n, 201);
	nlhl_neigh_list_free(list, n);
	f = (struct nlhl_neigh){ .link_index = vb };
	cnt = 0;
	NLT_OK(nlhl_neigh_foreach(h, AF_INET, &f, NLHL_NEIGH_FILTER_LINK, count_cb, &cnt));
	ck_assert_uint_eq(cnt, 200);
	/* A callback error stops the stream and is returned; the handle
	 * stays in sync. */
	cnt = 0;
	NLT_ERR(nlhl_neigh_foreach(h, AF_INET, NULL, 0, stop_cb, &cnt), -ECANCELED);
	ck_assert_uint_eq(cnt, 3);
	NLT_ERRMSG_HAS("callback");
	NLT_OK(nlhl_neigh_list(h, vb, AF_INET, &list, &n));
	ck_assert_uint_eq(n, 200);
	nlhl_neigh_list_free(list, n);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(fdb_bridge_master_self)
{
	nlhl_handle *h;
	struct nlhl_neigh n = { 0 }, got;
	json_object *j;
	int va, br;

	bridge_up();
	va = nb_ifindex("va");
	br = nb_ifindex("br0");
	NLT_OK(nlhl_handle_new(&h));
	/* static entry on the bridge, through the port (master) */
	n.family = AF_BRIDGE;
	n.link_index = va;
	n.hw_addr = nb_mac("02:00:00:00:00:01");
	n.flags = NLHL_NTF_MASTER;
	n.state = NLHL_NUD_NOARP;
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_fdb_find("va", "02:00:00:00:00:01", NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "master"), "br0");
	ck_assert_str_eq(nlt_jstr(j, "state"), "static");
	ck_assert(!nb_jarr_has(nlt_jpath(j, "flags", NULL), "self"));
	json_object_put(j);
	ck_assert(find_neigh(h, AF_BRIDGE, va, "02:00:00:00:00:01", NULL, false, &got));
	ck_assert_int_eq(got.family, AF_BRIDGE);
	ck_assert_int_eq(got.master_index, br);  /* the kernel reports NDA_MASTER, */
	ck_assert(!(got.flags & NLHL_NTF_SELF));  /* not the MASTER flag */
	ck_assert_uint_eq(got.state, NLHL_NUD_NOARP);
	NLT_ERR(nlhl_neigh_add(h, &n), -EEXIST);
	NLT_ERRMSG_HAS("fdb add 02:00:00:00:00:01 dev");

	/* replace: dynamic now */
	n.state = NLHL_NUD_REACHABLE;
	NLT_OK(nlhl_neigh_set(h, &n));
	j = nb_fdb_find("va", "02:00:00:00:00:01", NULL);
	ck_assert_str_eq(nlt_jstr(j, "state"), "");
	json_object_put(j);

	/* default flags on a port: the kernel's master; default state as
	 * bridge(8): permanent */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = va,
				 .hw_addr = nb_mac("02:00:00:00:00:02") };
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_fdb_find("va", "02:00:00:00:00:02", NULL);
	ck_assert_str_eq(nlt_jstr(j, "master"), "br0");
	ck_assert_str_eq(nlt_jstr(j, "state"), "permanent");
	json_object_put(j);

	/* self on the bridge device */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = br, .flags = NLHL_NTF_SELF,
				 .hw_addr = nb_mac("02:00:00:00:00:05") };
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_fdb_find("br0", "02:00:00:00:00:05", NULL);
	ck_assert_ptr_nonnull(j);
	json_object_put(j);
	ck_assert(find_neigh(h, AF_BRIDGE, br, "02:00:00:00:00:05", NULL, false, &got));
	/* self on a plain device: its unicast address list */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = nb_ifindex("vb"),
				 .flags = NLHL_NTF_SELF, .hw_addr = nb_mac("02:00:00:00:00:08") };
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_fdb_find("vb", "02:00:00:00:00:08", NULL);
	ck_assert(nb_jarr_has(nlt_jpath(j, "flags", NULL), "self"));
	json_object_put(j);
	ck_assert(find_neigh(h, AF_BRIDGE, nb_ifindex("vb"), "02:00:00:00:00:08", NULL, false, &got));
	ck_assert(got.flags & NLHL_NTF_SELF);

	/* filter by master: the bridge's entries only */
	struct nlhl_neigh *list, f = { .master_index = br };
	size_t cnt;
	NLT_OK(nlhl_neigh_list_filtered(h, AF_BRIDGE, &f, NLHL_NEIGH_FILTER_MASTER, &list, &cnt));
	ck_assert_uint_gt(cnt, 0);
	for (size_t i = 0; i < cnt; i++)
		ck_assert_int_ne(list[i].link_index, nb_ifindex("vb"));
	nlhl_neigh_list_free(list, cnt);
	/* A kernel with bridge vlan support also adds the entry for each vlan
	 * of the port (vlan 1 by default): vlan 0 selects the plain one. */
	f = (struct nlhl_neigh){ .hw_addr = nb_mac("02:00:00:00:00:02") };
	NLT_OK(nlhl_neigh_list_filtered(h, AF_BRIDGE, &f, NLHL_NEIGH_FILTER_HWADDR |
					NLHL_NEIGH_FILTER_VLAN, &list, &cnt));
	ck_assert_uint_eq(cnt, 1);
	ck_assert_uint_eq(list[0].vlan, 0);
	nlhl_neigh_list_free(list, cnt);
	f = (struct nlhl_neigh){ .flags = NLHL_NTF_SELF, .hw_addr = nb_mac("02:00:00:00:00:08") };
	NLT_OK(nlhl_neigh_list_filtered(h, AF_BRIDGE, &f, NLHL_NEIGH_FILTER_FLAGS |
					NLHL_NEIGH_FILTER_HWADDR, &list, &cnt));
	ck_assert_uint_eq(cnt, 1);
	nlhl_neigh_list_free(list, cnt);

	/* del */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = va, .flags = NLHL_NTF_MASTER,
				 .hw_addr = nb_mac("02:00:00:00:00:01") };
	NLT_OK(nlhl_neigh_del(h, &n));
	ck_assert_ptr_null(nb_fdb_find("va", "02:00:00:00:00:01", NULL));
	NLT_ERR(nlhl_neigh_del(h, &n), -ENOENT);
	NLT_ERRMSG_HAS("fdb del 02:00:00:00:00:01");
	nlhl_handle_free(h);
}
END_TEST

START_TEST(fdb_vlan)
{
	struct nlhl_neigh n = { 0 }, got;
	json_object *j;
	int va;

	if (nlt_sh("ip link add br0 type bridge vlan_filtering 1 2>/dev/null") != 0)
		NLT_SKIP("host kernel lacks bridge vlan filtering (runs in make check-vm)");
	NLT_SH_OK("ip link add va type veth peer vb && ip link set va master br0 && "
		  "ip link set va up && ip link set br0 up && bridge vlan add dev va vid 10");
	va = nb_ifindex("va");
	n.family = AF_BRIDGE;
	n.link_index = va;
	n.hw_addr = nb_mac("02:00:00:00:00:0a");
	n.flags = NLHL_NTF_MASTER;
	n.state = NLHL_NUD_NOARP;
	n.vlan = 10;
	NLT_OK(nlhl_neigh_add(NULL, &n));
	j = nb_fdb_find("va", "02:00:00:00:00:0a", NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_int_eq(nlt_jint(j, "vlan", -1), 10);
	json_object_put(j);
	ck_assert(find_neigh(NULL, AF_BRIDGE, va, "02:00:00:00:00:0a", NULL, false, &got));
	ck_assert_uint_eq(got.vlan, 10);
	struct nlhl_neigh *list, f = { .vlan = 10 };
	size_t cnt;
	NLT_OK(nlhl_neigh_list_filtered(NULL, AF_BRIDGE, &f, NLHL_NEIGH_FILTER_VLAN, &list, &cnt));
	ck_assert_uint_ge(cnt, 1);
	for (size_t i = 0; i < cnt; i++)
		ck_assert_uint_eq(list[i].vlan, 10);
	nlhl_neigh_list_free(list, cnt);
	/* an unconfigured vlan is refused by the kernel */
	n.vlan = 11;
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	n.vlan = 10;
	NLT_OK(nlhl_neigh_del(NULL, &n));
	ck_assert_ptr_null(nb_fdb_find("va", "02:00:00:00:00:0a", NULL));
	/* made by bridge, read by the library */
	NLT_SH_OK("bridge fdb add 02:00:00:00:00:0b dev va master static vlan 10");
	ck_assert(find_neigh(NULL, AF_BRIDGE, va, "02:00:00:00:00:0b", NULL, false, &got));
	ck_assert_uint_eq(got.vlan, 10);
}
END_TEST

START_TEST(fdb_vxlan)
{
	nlhl_handle *h;
	struct nlhl_neigh n = { 0 }, got;
	json_object *j;
	int vx, vb;

	if (!vxlan_up())
		NLT_SKIP("host kernel lacks vxlan (runs in make check-vm)");
	veth_up();
	vx = nb_ifindex("vx0");
	vb = nb_ifindex("vb");
	NLT_OK(nlhl_handle_new(&h));
	n.family = AF_BRIDGE;
	n.link_index = vx;
	n.flags = NLHL_NTF_SELF;
	n.hw_addr = nb_mac("02:00:00:00:00:03");
	n.ip = nb_ip("10.0.0.2");
	n.vni = 100;
	n.port = 4790;
	n.via_index = vb;
	NLT_OK(nlhl_neigh_add(h, &n));
	j = nb_fdb_find("vx0", "02:00:00:00:00:03", NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "dst"), "10.0.0.2");
	ck_assert_int_eq(nlt_jint(j, "port", -1), 4790);
	ck_assert_int_eq(nlt_jint(j, "vni", -1), 100);
	ck_assert_str_eq(nlt_jstr(j, "viaIf"), "vb");
	ck_assert(nb_jarr_has(nlt_jpath(j, "flags", NULL), "self"));
	ck_assert_str_eq(nlt_jstr(j, "state"), "permanent");
	json_object_put(j);
	ck_assert(find_neigh(h, AF_BRIDGE, vx, "02:00:00:00:00:03", NULL, false, &got));
	ck_assert(same_ip(&got.ip, "10.0.0.2"));
	ck_assert_uint_eq(got.vni, 100);
	ck_assert_uint_eq(got.port, 4790);
	ck_assert_int_eq(got.via_index, vb);
	ck_assert(got.flags & NLHL_NTF_SELF);

	/* append: several remotes for the all-zeros MAC (flooding) */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = vx, .flags = NLHL_NTF_SELF,
				 .hw_addr = nb_mac("00:00:00:00:00:00"), .ip = nb_ip("10.0.0.3") };
	NLT_OK(nlhl_neigh_append(h, &n));
	n.ip = nb_ip("10.0.0.4");
	NLT_OK(nlhl_neigh_append(h, &n));
	j = nlt_json("bridge -j fdb show dev vx0 | jq -c '[.[] | select(.mac == \"00:00:00:00:00:00\")]'");
	ck_assert_int_eq(json_object_array_length(j), 2);
	json_object_put(j);
	ck_assert(find_neigh(h, AF_BRIDGE, vx, "00:00:00:00:00:00", "10.0.0.3", false, &got));
	ck_assert(find_neigh(h, AF_BRIDGE, vx, "00:00:00:00:00:00", "10.0.0.4", false, &got));
	/* add of an existing MAC with another remote: -EEXIST */
	NLT_ERR(nlhl_neigh_add(h, &n), -EEXIST);
	/* del one remote: the other stays */
	NLT_OK(nlhl_neigh_del(h, &n));
	ck_assert_ptr_null(nb_fdb_find("vx0", "00:00:00:00:00:00", "10.0.0.4"));
	j = nb_fdb_find("vx0", "00:00:00:00:00:00", "10.0.0.3");
	ck_assert_ptr_nonnull(j);
	json_object_put(j);
	/* replace: the MAC moves to another remote */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = vx, .flags = NLHL_NTF_SELF,
				 .hw_addr = nb_mac("02:00:00:00:00:03"), .ip = nb_ip("10.0.0.7") };
	NLT_OK(nlhl_neigh_set(h, &n));
	j = nb_fdb_find("vx0", "02:00:00:00:00:03", NULL);
	ck_assert_str_eq(nlt_jstr(j, "dst"), "10.0.0.7");
	json_object_put(j);

	/* made by bridge, read by the library */
	NLT_SH_OK("bridge fdb add 02:00:00:00:00:09 dev vx0 dst 10.0.0.9 vni 900 port 5000 self");
	ck_assert(find_neigh(h, AF_BRIDGE, vx, "02:00:00:00:00:09", NULL, false, &got));
	ck_assert(same_ip(&got.ip, "10.0.0.9"));
	ck_assert_uint_eq(got.vni, 900);
	ck_assert_uint_eq(got.port, 5000);
	ck_assert_uint_eq(got.state & NLHL_NUD_PERMANENT, NLHL_NUD_PERMANENT);
	/* filter on vni */
	struct nlhl_neigh *list, f = { .vni = 900 };
	size_t cnt;
	NLT_OK(nlhl_neigh_list_filtered(h, AF_BRIDGE, &f, NLHL_NEIGH_FILTER_VNI, &list, &cnt));
	ck_assert_uint_eq(cnt, 1);
	nlhl_neigh_list_free(list, cnt);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(fdb_vxlan_ipv6_remote)
{
	struct nlhl_neigh n = { 0 }, got;
	int vx;

	if (nlt_sh("ip link add vx6 type vxlan id 7 dstport 4789 local 2001:db8::1 nolearning "
		   "2>/dev/null") != 0)
		NLT_SKIP("host kernel lacks IPv6 vxlan (runs in make check-vm)");
	vx = nb_ifindex("vx6");
	n.family = AF_BRIDGE;
	n.link_index = vx;
	n.flags = NLHL_NTF_SELF;
	n.hw_addr = nb_mac("02:00:00:00:00:04");
	n.ip = nb_ip("2001:db8::2");
	NLT_OK(nlhl_neigh_add(NULL, &n));
	json_object *j = nb_fdb_find("vx6", "02:00:00:00:00:04", NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_str_eq(nlt_jstr(j, "dst"), "2001:db8::2");
	json_object_put(j);
	ck_assert(find_neigh(NULL, AF_BRIDGE, vx, "02:00:00:00:00:04", NULL, false, &got));
	ck_assert(same_ip(&got.ip, "2001:db8::2"));
}
END_TEST

/* Made by bridge, read by the library: ports, the bridge, dynamic. */
START_TEST(fdb_reverse)
{
	struct nlhl_neigh got;
	struct nlhl_neigh *list;
	size_t n;
	char *out;
	int va, br;

	bridge_up();
	va = nb_ifindex("va");
	br = nb_ifindex("br0");
	NLT_SH_OK("bridge fdb add 02:00:00:00:00:01 dev va master static");
	NLT_SH_OK("bridge fdb add 02:00:00:00:00:06 dev va master dynamic");
	NLT_SH_OK("bridge fdb add 02:00:00:00:00:05 dev br0 self");
	ck_assert(find_neigh(NULL, AF_BRIDGE, va, "02:00:00:00:00:01", NULL, false, &got));
	ck_assert_uint_eq(got.state, NLHL_NUD_NOARP);
	ck_assert_int_eq(got.master_index, br);
	ck_assert(find_neigh(NULL, AF_BRIDGE, va, "02:00:00:00:00:06", NULL, false, &got));
	ck_assert_uint_eq(got.state, NLHL_NUD_REACHABLE);
	ck_assert(find_neigh(NULL, AF_BRIDGE, br, "02:00:00:00:00:05", NULL, false, &got));
	ck_assert_uint_eq(got.state & NLHL_NUD_PERMANENT, NLHL_NUD_PERMANENT);
	/* As many non-learned unicast entries as bridge shows: learned ones
	 * come and go with the links' own traffic, and multicast ones (33:33:..)
	 * with IPv6 joining groups on the links while the test runs. */
	NLT_OK(nlhl_neigh_list(NULL, 0, AF_BRIDGE, &list, &n));
	out = nlt_output("bridge -j fdb | jq '[.[] | select(.state != \"\")"
			 " | select(.mac[1:2] | test(\"[13579bdf]\") | not)] | length'");
	size_t fixed = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(list[i].family, AF_BRIDGE);
		ck_assert_uint_eq(list[i].hw_addr.len, 6);
		if ((list[i].state & (NLHL_NUD_PERMANENT | NLHL_NUD_NOARP)) &&
		    !(list[i].hw_addr.addr[0] & 1))
			fixed++;
	}
	ck_assert_uint_eq(fixed, strtoul(out, NULL, 10));
	free(out);
	nlhl_neigh_list_free(list, n);
	/* Every entry made above, read back, deletes itself (the bridge's
	 * own entry included). */
	NLT_OK(nlhl_neigh_list(NULL, 0, AF_BRIDGE, &list, &n));
	size_t deleted = 0;
	for (size_t i = 0; i < n; i++)
		if (!memcmp(list[i].hw_addr.addr, "\x02\0\0\0\0", 5)) {
			NLT_OK(nlhl_neigh_del(NULL, &list[i]));
			deleted++;
		}
	nlhl_neigh_list_free(list, n);
	ck_assert_uint_ge(deleted, 3);
	out = nlt_output("bridge -j fdb | jq '[.[] | select(.mac | startswith(\"02:00:00:00:00\"))] | length'");
	ck_assert_str_eq(out, "0\n");
	free(out);
	/* The inet lists hold no fdb entries. */
	NLT_OK(nlhl_neigh_list(NULL, 0, AF_UNSPEC, &list, &n));
	for (size_t i = 0; i < n; i++)
		ck_assert_int_ne(list[i].family, AF_BRIDGE);
	nlhl_neigh_list_free(list, n);
}
END_TEST

/* An entry whose link vanished while the list was made is dropped. */
START_TEST(neigh_vanished_link_dropped)
{
	struct nlhl_neigh list[4] = { 0 };
	size_t n = 4;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	list[0] = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.1") };
	list[1] = (struct nlhl_neigh){ .link_index = 9999, .ip = nb_ip("10.0.0.2") };
	list[2] = (struct nlhl_neigh){ .link_index = 0, .ip = nb_ip("10.0.0.3"),
				       .flags = NLHL_NTF_PROXY };  /* proxy without device */
	list[3] = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.4") };
	NLT_OK(nlhl__neigh_drop_vanished(NULL, list, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert(same_ip(&list[0].ip, "10.0.0.1"));
	ck_assert(same_ip(&list[1].ip, "10.0.0.3"));
	ck_assert(same_ip(&list[2].ip, "10.0.0.4"));
	/* A link deleted after the dump: its entries are gone. */
	NLT_SH_OK("ip link del va");
	list[0].link_index = vb;  /* vb died with va */
	n = 1;
	NLT_OK(nlhl__neigh_drop_vanished(NULL, list, &n));
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* Lists raced by links (with neighbours) coming and going: every entry
 * returned is whole, none has a link that was already gone when the list
 * returned.  (A link may of course go right after.) */
static void *churn(void *arg)
{
	volatile int *stop = arg;

	while (!*stop)
		nlt_sh("ip link add cx type veth peer cy 2>/dev/null && ip link set cx up && "
		       "ip neigh add 10.7.0.1 lladdr 02:00:00:00:07:01 dev cx; ip link del cx 2>/dev/null");
	return NULL;
}

START_TEST(neigh_list_raced_by_link_deletes)
{
	nlhl_handle *h;
	pthread_t t;
	volatile int stop = 0;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	NLT_SH_OK("for i in $(seq 1 300); do echo neigh add 10.8.$((i/250)).$((i%%250)) "
		  "lladdr 02:00:00:00:08:01 dev vb; done | ip -batch -");
	NLT_OK(nlhl_handle_new(&h));
	ck_assert_int_eq(pthread_create(&t, NULL, churn, (void *)&stop), 0);
	for (int round = 0; round < 40; round++) {
		struct nlhl_neigh *list;
		size_t n, on_vb = 0;
		int err = nlhl_neigh_list(h, 0, AF_INET, &list, &n);

		if (err == -EINTR)
			continue;  /* retries ran out: a clear failure is allowed */
		NLT_OK(err);
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_gt(list[i].link_index, 0);
			ck_assert_int_eq(list[i].ip.family, AF_INET);
			if (list[i].link_index == vb)
				on_vb++;
		}
		/* The kernel's neighbour dump is not flagged as interrupted
		 * when its hash table grows, so only the shape is asserted. */
		ck_assert_uint_gt(on_vb, 0);
		nlhl_neigh_list_free(list, n);
	}
	stop = 1;
	pthread_join(t, NULL);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(neigh_bad_input)
{
	struct nlhl_neigh n, *list = (struct nlhl_neigh *)0x1;
	size_t cnt = 77;
	int vb;

	veth_up();
	vb = nb_ifindex("vb");
	NLT_ERR(nlhl_neigh_add(NULL, NULL), -EINVAL);
	NLT_ERRMSG_HAS("neigh is NULL");
	n = (struct nlhl_neigh){ .link_index = vb };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);  /* no family, no ip */
	NLT_ERRMSG_HAS("family 0");
	n = (struct nlhl_neigh){ .link_index = vb, .family = AF_INET };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("ip is required");
	n = (struct nlhl_neigh){ .link_index = vb, .family = AF_INET6, .ip = nb_ip("10.0.0.1") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("not of family");
	n = (struct nlhl_neigh){ .ip = nb_ip("10.0.0.1") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("link_index is required");
	n = (struct nlhl_neigh){ .link_index = -3, .ip = nb_ip("10.0.0.1") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.1"), .vlan = 5 };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("AF_BRIDGE fdb entries only");
	n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.1"), .hw_addr = { .len = 33 } };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = vb, .hw_addr = { .len = 4 } };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("6-byte lladdr");
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .hw_addr = nb_mac("02:00:00:00:00:01") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = vb,
				 .hw_addr = nb_mac("02:00:00:00:00:01"), .vlan = 4095 };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("vlan 4095");
	n.vlan = 0;
	n.vni = 1 << 24;
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("24 bits");
	n.vni = 0;
	n.flags = NLHL_NTF_PROXY;
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	n = (struct nlhl_neigh){ .family = AF_PACKET, .link_index = vb };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	/* The kernel's extended ACK reaches nlhl_errmsg(): a 3-byte lladdr on
	 * an Ethernet device. */
	n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.1"),
				 .hw_addr = { .len = 3, .addr = { 2, 0, 1 } } };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EINVAL);
	NLT_ERRMSG_HAS("neigh add 10.0.0.1 dev");
	NLT_ERRMSG_HAS("Invalid link address");
	/* A device that does not exist. */
	n = (struct nlhl_neigh){ .link_index = 9999, .ip = nb_ip("10.0.0.1"),
				 .hw_addr = nb_mac("02:00:00:00:00:01") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -ENODEV);
	/* fdb on a non-port without flags: the kernel refuses. */
	n = (struct nlhl_neigh){ .family = AF_BRIDGE, .link_index = vb,
				 .hw_addr = nb_mac("02:00:00:00:00:01") };
	NLT_ERR(nlhl_neigh_add(NULL, &n), -EOPNOTSUPP);
	/* del of a missing entry */
	n = (struct nlhl_neigh){ .link_index = vb, .ip = nb_ip("10.0.0.99") };
	NLT_ERR(nlhl_neigh_del(NULL, &n), -ENOENT);

	/* Lists */
	NLT_ERR(nlhl_neigh_list(NULL, -1, AF_INET, &list, &cnt), -EINVAL);
	NLT_ERR(nlhl_neigh_list(NULL, 0, AF_PACKET, &list, &cnt), -EINVAL);
	NLT_ERR(nlhl_neigh_list(NULL, 0, AF_INET, NULL, &cnt), -EINVAL);
	NLT_ERR(nlhl_neigh_list_filtered(NULL, AF_INET, NULL, NLHL_NEIGH_FILTER_IP, &list, &cnt),
		-EINVAL);
	NLT_ERR(nlhl_neigh_list_filtered(NULL, AF_INET, &n, 1u << 20, &list, &cnt), -EINVAL);
	NLT_ERRMSG_HAS("unknown filter bits");
	NLT_ERR(nlhl_neigh_list_filtered(NULL, AF_BRIDGE, &n, NLHL_NEIGH_FILTER_PROXY, &list, &cnt),
		-EINVAL);
	NLT_ERR(nlhl_neigh_foreach(NULL, AF_INET, NULL, 0, NULL, NULL), -EINVAL);
	ck_assert_ptr_eq(list, (struct nlhl_neigh *)0x1);  /* untouched on failure */
	ck_assert_uint_eq(cnt, 77);
	/* A filter on a link that does not exist: an empty list. */
	n = (struct nlhl_neigh){ .link_index = 9999 };
	NLT_OK(nlhl_neigh_list_filtered(NULL, AF_INET, &n, NLHL_NEIGH_FILTER_LINK, &list, &cnt));
	ck_assert_uint_eq(cnt, 0);
	nlhl_neigh_list_free(list, cnt);
}
END_TEST

START_TEST(neigh_parse_malformed)
{
	struct {
		struct nlmsghdr nlh;
		struct ndmsg ndm;
		struct nlattr a;
		uint8_t data[40];
	} m;
	struct nlhl_neigh n = { .link_index = 42 };

	memset(&m, 0, sizeof(m));
	m.nlh.nlmsg_type = RTM_NEWNEIGH;
	m.nlh.nlmsg_len = NLMSG_HDRLEN + 3;
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EPROTO);
	m.nlh.nlmsg_len = sizeof(m);
	m.ndm.ndm_family = AF_INET;
	m.ndm.ndm_ifindex = 2;
	m.a.nla_type = NDA_DST;
	m.a.nla_len = NLA_HDRLEN + 5;  /* neither 4 nor 16 bytes */
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EPROTO);
	m.a.nla_type = NDA_LLADDR;
	m.a.nla_len = NLA_HDRLEN + 33;  /* over MAX_ADDR_LEN */
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EPROTO);
	m.a.nla_type = NDA_VNI;
	m.a.nla_len = NLA_HDRLEN + 2;  /* shorter than a u32 */
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EPROTO);
	m.ndm.ndm_ifindex = -5;
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EPROTO);
	ck_assert_int_eq(n.link_index, 42);  /* untouched */
	m.ndm.ndm_ifindex = 2;
	m.ndm.ndm_family = AF_PACKET;
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), -EAFNOSUPPORT);
	m.ndm.ndm_family = AF_BRIDGE;
	m.a.nla_type = NDA_LLADDR;
	m.a.nla_len = NLA_HDRLEN + 6;
	m.nlh.nlmsg_len = NLMSG_HDRLEN + sizeof(m.ndm) + NLA_HDRLEN + 8;
	ck_assert_int_eq(nlhl__neigh_parse(&m.nlh, &n), 0);
	ck_assert_uint_eq(n.hw_addr.len, 6);
}
END_TEST

START_TEST(neigh_build_parse_roundtrip)
{
	struct nlhl_neigh n = { .family = AF_BRIDGE, .link_index = 3, .flags = NLHL_NTF_SELF,
				.hw_addr = nb_mac("02:00:00:00:00:03"), .ip = nb_ip("2001:db8::2"),
				.vlan = 7, .vni = 0xabcdef, .src_vni = 5, .port = 4789,
				.via_index = 4, .nh_id = 11, .protocol = 3,
				.flags_ext = NLHL_NTF_EXT_MANAGED }, got;
	struct nl_msg *msg;

	NLT_OK(nlhl__neigh_build(RTM_NEWNEIGH, NLM_F_CREATE, &n, &msg));
	ck_assert_int_eq(nlhl__neigh_parse(nlmsg_hdr(msg), &got), 0);
	ck_assert_int_eq(got.family, AF_BRIDGE);
	ck_assert_int_eq(got.link_index, 3);
	ck_assert_uint_eq(got.state, 0);  /* managed: no default state */
	ck_assert(same_mac(&got.hw_addr, "02:00:00:00:00:03"));
	ck_assert(same_ip(&got.ip, "2001:db8::2"));
	ck_assert_uint_eq(got.vlan, 7);
	ck_assert_uint_eq(got.vni, 0xabcdef);
	ck_assert_uint_eq(got.src_vni, 5);
	ck_assert_uint_eq(got.port, 4789);
	ck_assert_int_eq(got.via_index, 4);
	ck_assert_uint_eq(got.nh_id, 11);
	ck_assert_uint_eq(got.protocol, 3);
	ck_assert_uint_eq(got.flags_ext, NLHL_NTF_EXT_MANAGED);
	nlmsg_free(msg);
	/* Not managed: bridge(8)'s default state. */
	n.flags_ext = 0;
	NLT_OK(nlhl__neigh_build(RTM_NEWNEIGH, NLM_F_CREATE, &n, &msg));
	ck_assert_int_eq(nlhl__neigh_parse(nlmsg_hdr(msg), &got), 0);
	ck_assert_uint_eq(got.state, NLHL_NUD_NOARP | NLHL_NUD_PERMANENT);
	nlmsg_free(msg);
}
END_TEST

static Suite *neigh_suite(void)
{
	Suite *s = suite_create("neigh");
	TCase *tc = nlt_tcase(s, "neigh");

	tcase_add_test(tc, neigh_ipv4_add_set_del);
	tcase_add_test(tc, neigh_ipv6_flags_states);
	tcase_add_test(tc, neigh_proxy);
	tcase_add_test(tc, neigh_reverse);
	tcase_add_test(tc, neigh_list_filtered_foreach);
	tcase_add_test(tc, fdb_bridge_master_self);
	tcase_add_test(tc, fdb_vlan);
	tcase_add_test(tc, fdb_vxlan);
	tcase_add_test(tc, fdb_vxlan_ipv6_remote);
	tcase_add_test(tc, fdb_reverse);
	tcase_add_test(tc, neigh_vanished_link_dropped);
	tcase_add_test(tc, neigh_list_raced_by_link_deletes);
	tcase_add_test(tc, neigh_bad_input);
	tcase_add_test(tc, neigh_parse_malformed);
	tcase_add_test(tc, neigh_build_parse_roundtrip);
	return s;
}
NLT_SUITE(neigh_suite)
