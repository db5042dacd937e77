/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Bridge ports (IFLA_BRPORT_*) and port VLANs, against `ip -d -j link` and
 * `bridge -j vlan`. */
#include "harness-link.h"

#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

static void bridge_with_port(struct nlhl_link *br, struct nlhl_link *port)
{
	nlt_link_init(br, NLHL_LINK_BRIDGE, "br0");
	NLT_OK(nlhl_link_add(NULL, br));
	nlt_link_init(port, NLHL_LINK_VETH, "p0");
	strcpy(port->veth.peer_name, "p0-peer");
	NLT_OK(nlhl_link_add(NULL, port));
	NLT_OK(nlhl_link_set_master(NULL, port, br));
}

START_TEST(port_flags)
{
	struct nlhl_link br, p, g;
	struct nlhl_bridge_port pi;

	bridge_with_port(&br, &p);
	NLT_OK(nlhl_link_set_hairpin(NULL, &p, true));
	NLT_OK(nlhl_link_set_guard(NULL, &p, true));
	NLT_OK(nlhl_link_set_fast_leave(NULL, &p, true));
	NLT_OK(nlhl_link_set_learning(NULL, &p, false));
	NLT_OK(nlhl_link_set_flood(NULL, &p, false));
	NLT_OK(nlhl_link_set_root_block(NULL, &p, true));
	NLT_OK(nlhl_link_set_br_proxy_arp(NULL, &p, true));
	NLT_OK(nlhl_link_set_isolated(NULL, &p, true));
	NLT_OK(nlhl_link_set_brport_cost(NULL, &p, 123));
	NLT_OK(nlhl_link_set_brport_priority(NULL, &p, 7));
	ck_assert_int_eq(nlt_slave_int("p0", "hairpin", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "guard", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "fastleave", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "learning", -1), 0);
	ck_assert_int_eq(nlt_slave_int("p0", "flood", -1), 0);
	ck_assert_int_eq(nlt_slave_int("p0", "root_block", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "proxy_arp", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "isolated", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "cost", -1), 123);
	ck_assert_int_eq(nlt_slave_int("p0", "priority", -1), 7);
	NLT_OK(nlhl_link_get_protinfo(NULL, &p, &pi));
	ck_assert_int_eq(pi.hairpin, NLHL_ON);
	ck_assert_int_eq(pi.guard, NLHL_ON);
	ck_assert_int_eq(pi.fast_leave, NLHL_ON);
	ck_assert_int_eq(pi.learning, NLHL_OFF);
	ck_assert_int_eq(pi.flood, NLHL_OFF);
	ck_assert_int_eq(pi.root_block, NLHL_ON);
	ck_assert_int_eq(pi.proxy_arp, NLHL_ON);
	ck_assert_int_eq(pi.isolated, NLHL_ON);
	ck_assert_int_eq(pi.cost, 123);
	ck_assert_int_eq(pi.priority, 7);
	NLT_OK(nlhl_link_by_name(NULL, "p0", &g));
	ck_assert_str_eq(g.attrs.slave_kind, "bridge");
	ck_assert_int_eq(g.attrs.slave.brport.hairpin, NLHL_ON);
	/* Several at once, by name only, and back off. */
	memset(&pi, 0, sizeof(pi));
	pi.hairpin = NLHL_OFF;
	pi.learning = NLHL_ON;
	pi.mcast_flood = NLHL_OFF;
	pi.priority = NLHL_ZERO;
	nlt_link_init(&g, NLHL_LINK_UNSPEC, "p0");
	NLT_OK(nlhl_link_set_brport(NULL, &g, &pi));
	ck_assert_int_eq(nlt_slave_int("p0", "hairpin", -1), 0);
	ck_assert_int_eq(nlt_slave_int("p0", "learning", -1), 1);
	ck_assert_int_eq(nlt_slave_int("p0", "mcast_flood", -1), 0);
	ck_assert_int_eq(nlt_slave_int("p0", "priority", -1), 0);
	ck_assert_int_eq(nlt_slave_int("p0", "guard", -1), 1);  /* untouched */
	/* Made by ip. */
	NLT_SH_OK("ip link set dev p0 type bridge_slave hairpin on cost 55");
	NLT_OK(nlhl_link_get_protinfo(NULL, &p, &pi));
	ck_assert_int_eq(pi.hairpin, NLHL_ON);
	ck_assert_int_eq(pi.cost, 55);
	/* Not a port. */
	nlt_link_init(&g, NLHL_LINK_UNSPEC, "p0-peer");
	NLT_ERR(nlhl_link_get_protinfo(NULL, &g, &pi), -EINVAL);
	NLT_ERRMSG_HAS("not a bridge port");
	NLT_ERR(nlhl_link_set_hairpin(NULL, &g, true), -EOPNOTSUPP);
	NLT_ERR(nlhl_link_set_brport_cost(NULL, &p, 0), -EINVAL);
}
END_TEST

static bool has_vlan(const struct nlhl_bridge_vlan *v, size_t n, int index, int vid, bool pvid,
		     bool untagged)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].link_index == index && v[i].vid == vid)
			return v[i].pvid == pvid && v[i].untagged == untagged;
	return false;
}

START_TEST(port_vlans)
{
	struct nlhl_link br, p;
	struct nlhl_bridge_vlan *v;
	size_t n;
	char *s;

	NLT_REQUIRE_BRIDGE_VLAN();
	nlt_link_init(&br, NLHL_LINK_BRIDGE, "br0");
	br.bridge.vlan_filtering = NLHL_ON;
	NLT_OK(nlhl_link_add(NULL, &br));
	nlt_link_init(&p, NLHL_LINK_VETH, "p0");
	strcpy(p.veth.peer_name, "p0-peer");
	NLT_OK(nlhl_link_add(NULL, &p));
	NLT_OK(nlhl_link_set_master(NULL, &p, &br));
	NLT_OK(nlhl_bridge_vlan_add(NULL, &p, 20, true, true, false, true));
	NLT_OK(nlhl_bridge_vlan_add(NULL, &p, 30, false, false, false, false));
	NLT_OK(nlhl_bridge_vlan_add(NULL, &br, 40, false, false, true, false));
	s = nlt_output("bridge -j vlan show dev p0 | jq -c '[.[0].vlans[] | [.vlan, (.flags // [] | join(\"+\"))]]'");
	ck_assert_str_eq(s, "[[1,\"Egress Untagged\"],[20,\"PVID+Egress Untagged\"],[30,\"\"]]\n");
	free(s);
	NLT_OK(nlhl_bridge_vlan_list(NULL, &v, &n));
	ck_assert(has_vlan(v, n, p.attrs.index, 20, true, true));
	ck_assert(has_vlan(v, n, p.attrs.index, 30, false, false));
	ck_assert(has_vlan(v, n, br.attrs.index, 40, false, false));
	free(v);
	NLT_OK(nlhl_bridge_vlan_del(NULL, &p, 30, false, false, false, true));
	NLT_OK(nlhl_bridge_vlan_list(NULL, &v, &n));
	ck_assert(!has_vlan(v, n, p.attrs.index, 30, false, false));
	free(v);
	/* Made by bridge, ranges included. */
	NLT_SH_OK("bridge vlan add dev p0 vid 100-102 untagged");
	NLT_OK(nlhl_bridge_vlan_list(NULL, &v, &n));
	for (int vid = 100; vid <= 102; vid++)
		ck_assert(has_vlan(v, n, p.attrs.index, vid, false, true));
	free(v);
	NLT_ERR(nlhl_bridge_vlan_add(NULL, &p, 4095, false, false, false, true), -EINVAL);
	NLT_ERR(nlhl_bridge_vlan_add(NULL, &p, 0, false, false, false, true), -EINVAL);
}
END_TEST

NLT_SUITE(link_bridge_suite)
static Suite *link_bridge_suite(void)
{
	Suite *s = suite_create("link-bridge");
	TCase *tc = nlt_tcase(s, "ports");

	tcase_add_test(tc, port_flags);
	tcase_add_test(tc, port_vlans);
	return s;
}
