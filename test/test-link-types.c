/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Link types: each one created through the library with its options and
 * checked with `ip -d -j link show`, read back through the library, and
 * made by ip and read back by the library.  Kinds the host kernel lacks
 * skip here and run in make check-vm.
 */
#include "harness-link.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_tunnel.h>

static void add_ok(struct nlhl_link *l)
{
	NLT_OK(nlhl_link_add(NULL, l));
	ck_assert_int_gt(l->attrs.index, 0);
	ck_assert_int_eq(l->attrs.index, nlt_link_ifindex(l->attrs.name));
}

static void get(const char *name, struct nlhl_link *l)
{
	NLT_OK(nlhl_link_by_name(NULL, name, l));
	nlt_link_matches_ip(l);
}

/* info_data[key] of NAME as a string ("" when missing), compared. */
static void info_str_eq(const char *name, const char *key, const char *want)
{
	char *s = nlt_info_str(name, key);

	ck_assert_msg(s && !strcmp(s, want), "%s: info_data.%s = %s, want %s", name, key,
		      s ? s : "(missing)", want);
	free(s);
}

static void ip_eq(const struct nlhl_ip *ip, const char *want)
{
	char buf[NLHL_IP_STRLEN];

	NLT_OK(nlhl_format_ip(ip, buf, sizeof(buf)));
	ck_assert_str_eq(buf, want);
}

static void lower(const char *name)
{
	NLT_SH_OK("ip link add %s type veth peer name %s-p", name, name);
}

/* ------------------------------------------------------------- vlan */

START_TEST(vlan_type)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("vlan");
	lower("lw");
	nlt_link_init(&l, NLHL_LINK_VLAN, "lw.10");
	l.attrs.parent_index = nlt_link_ifindex("lw");
	l.vlan.id = 10;
	l.vlan.protocol = NLHL_VLAN_PROTOCOL_8021AD;
	l.vlan.reorder_hdr = NLHL_OFF;
	l.vlan.gvrp = NLHL_ON;
	add_ok(&l);
	ck_assert_int_eq(nlt_info_int("lw.10", "id", -1), 10);
	info_str_eq("lw.10", "protocol", "802.1ad");
	{
		char *f = nlt_output("ip -d -j link show dev lw.10 | jq -r '.[0].linkinfo.info_data.flags | join(\",\")'");
		ck_assert_str_eq(f, "GVRP\n");
		free(f);
	}
	get("lw.10", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_VLAN);
	ck_assert_int_eq(g.attrs.parent_index, nlt_link_ifindex("lw"));
	ck_assert_int_eq(g.vlan.id, 10);
	ck_assert_int_eq(g.vlan.protocol, 0x88a8);
	ck_assert_int_eq(g.vlan.reorder_hdr, NLHL_OFF);
	ck_assert_int_eq(g.vlan.gvrp, NLHL_ON);
	ck_assert_int_eq(g.vlan.mvrp, NLHL_OFF);
	/* Made by ip. */
	NLT_SH_OK("ip link add link lw name lw.20 type vlan id 20");
	get("lw.20", &g);
	ck_assert_int_eq(g.vlan.id, 20);
	ck_assert_int_eq(g.vlan.protocol, 0x8100);
	ck_assert_int_eq(g.vlan.reorder_hdr, NLHL_ON);
	/* Bad input: no lower device, id out of range. */
	nlt_link_init(&l, NLHL_LINK_VLAN, "bad.1");
	l.vlan.id = 1;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	l.attrs.parent_index = nlt_link_ifindex("lw");
	l.vlan.id = 4095;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
}
END_TEST

/* ----------------------------------------------------- macvlan, macvtap */

static void macvlan_one(enum nlhl_link_type t, const char *kind)
{
	static const struct {
		enum nlhl_macvlan_mode mode;
		const char *name;
	} modes[] = {
		{ NLHL_MACVLAN_MODE_PRIVATE, "private" }, { NLHL_MACVLAN_MODE_VEPA, "vepa" },
		{ NLHL_MACVLAN_MODE_BRIDGE, "bridge" },   { NLHL_MACVLAN_MODE_SOURCE, "source" },
	};
	struct nlhl_link l, g;
	char name[16];

	lower("lm");
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		snprintf(name, sizeof(name), "%s%zu", kind, i);
		nlt_link_init(&l, t, name);
		l.attrs.parent_index = nlt_link_ifindex("lm");
		l.macvlan.mode = modes[i].mode;
		add_ok(&l);
		info_str_eq(name, "mode", modes[i].name);
		get(name, &g);
		ck_assert_int_eq(g.type, t);
		ck_assert_str_eq(g.kind, kind);
		ck_assert_int_eq(g.macvlan.mode, modes[i].mode);
		ck_assert_int_eq(g.attrs.parent_index, nlt_link_ifindex("lm"));
	}
	NLT_SH_OK("ip link add ipm link lm type %s mode bridge", kind);
	get("ipm", &g);
	ck_assert_int_eq(g.type, t);
	ck_assert_int_eq(g.macvlan.mode, NLHL_MACVLAN_MODE_BRIDGE);
	/* passthru with nopromisc (one per lower device). */
	lower("lp");
	nlt_link_init(&l, t, "pt");
	l.attrs.parent_index = nlt_link_ifindex("lp");
	l.macvlan.mode = NLHL_MACVLAN_MODE_PASSTHRU;
	l.macvlan.nopromisc = NLHL_ON;
	add_ok(&l);
	info_str_eq("pt", "mode", "passthru");
	get("pt", &g);
	ck_assert_int_eq(g.macvlan.mode, NLHL_MACVLAN_MODE_PASSTHRU);
	ck_assert_int_eq(g.macvlan.nopromisc, NLHL_ON);
	nlt_link_init(&l, t, "nolower");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("lower device");
}

START_TEST(macvlan_type)
{
	NLT_REQUIRE_LINK_KIND("macvlan");
	macvlan_one(NLHL_LINK_MACVLAN, "macvlan");
}
END_TEST

START_TEST(macvtap_type)
{
	NLT_REQUIRE_LINK_KIND("macvtap");
	macvlan_one(NLHL_LINK_MACVTAP, "macvtap");
}
END_TEST

/* ---------------------------------------------------------------- ipvlan */

START_TEST(ipvlan_type)
{
	static const char *const mode_names[] = { "", "l2", "l3", "l3s" };
	struct nlhl_link l, g;
	char name[16];

	NLT_REQUIRE_LINK_KIND("ipvlan");
	lower("lowi");
	for (int m = NLHL_IPVLAN_MODE_L2; m <= NLHL_IPVLAN_MODE_L3S; m++) {
		/* All ipvlans of one lower device share its mode. */
		snprintf(name, sizeof(name), "li%d", m);
		lower(name);
		snprintf(name, sizeof(name), "iv%d", m);
		nlt_link_init(&l, NLHL_LINK_IPVLAN, name);
		snprintf(name, sizeof(name), "li%d", m);
		l.attrs.parent_index = nlt_link_ifindex(name);
		l.ipvlan.mode = (enum nlhl_ipvlan_mode)m;
		l.ipvlan.flag = m == NLHL_IPVLAN_MODE_L3 ? NLHL_IPVLAN_FLAG_PRIVATE
							 : NLHL_IPVLAN_FLAG_VEPA;
		add_ok(&l);
		info_str_eq(l.attrs.name, "mode", mode_names[m]);
		get(l.attrs.name, &g);
		ck_assert_int_eq(g.type, NLHL_LINK_IPVLAN);
		ck_assert_int_eq(g.ipvlan.mode, m);
		ck_assert_int_eq(g.ipvlan.flag, l.ipvlan.flag);
	}
	NLT_SH_OK("ip link add link lowi name ipi type ipvlan mode l2 bridge");
	get("ipi", &g);
	ck_assert_int_eq(g.ipvlan.mode, NLHL_IPVLAN_MODE_L2);
	ck_assert_int_eq(g.ipvlan.flag, NLHL_IPVLAN_FLAG_BRIDGE);
	if (nlt_has_link_kind("ipvtap")) {
		nlt_link_init(&l, NLHL_LINK_IPVTAP, "ivt");
		l.attrs.parent_index = nlt_link_ifindex("lowi");
		l.ipvlan.mode = NLHL_IPVLAN_MODE_L2;
		add_ok(&l);
		get("ivt", &g);
		ck_assert_str_eq(g.kind, "ipvtap");
		ck_assert_int_eq(g.ipvlan.mode, NLHL_IPVLAN_MODE_L2);
	}
}
END_TEST

/* ----------------------------------------------------------------- vxlan */

START_TEST(vxlan_type)
{
	struct nlhl_link l, g;
	json_object *o;

	NLT_REQUIRE_LINK_KIND("vxlan");
	lower("lx");
	nlt_link_init(&l, NLHL_LINK_VXLAN, "vx0");
	l.vxlan.vni = 4242;
	NLT_OK(nlhl_parse_ip("239.1.1.1", &l.vxlan.group));
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.vxlan.local));
	l.vxlan.vtep_index = nlt_link_ifindex("lx");
	l.vxlan.port = 4789;  /* host order: the kernel wants big-endian */
	l.vxlan.port_low = 40000;
	l.vxlan.port_high = 41000;
	l.vxlan.ttl = 17;
	l.vxlan.tos = 0x10;
	l.vxlan.learning = NLHL_OFF;
	l.vxlan.proxy = NLHL_ON;
	l.vxlan.l2miss = NLHL_ON;
	l.vxlan.udp_csum = NLHL_ON;
	l.vxlan.ageing = 120;
	l.vxlan.limit = 77;
	add_ok(&l);
	o = nlt_ip_link("vx0");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "linkinfo", "info_data", NULL), "id", -1), 4242);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "linkinfo", "info_data", NULL), "port", -1), 4789);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "linkinfo", "info_data", "port_range", NULL), "low", -1), 40000);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "linkinfo", "info_data", "port_range", NULL), "high", -1), 41000);
	json_object_put(o);
	info_str_eq("vx0", "group", "239.1.1.1");
	info_str_eq("vx0", "local", "192.0.2.1");
	info_str_eq("vx0", "link", "lx");
	ck_assert_int_eq(nlt_info_int("vx0", "ttl", -1), 17);
	ck_assert_int_eq(nlt_info_int("vx0", "learning", -1), 0);
	ck_assert_int_eq(nlt_info_int("vx0", "proxy", -1), 1);
	ck_assert_int_eq(nlt_info_int("vx0", "l2miss", -1), 1);
	ck_assert_int_eq(nlt_info_int("vx0", "udp_csum", -1), 1);
	ck_assert_int_eq(nlt_info_int("vx0", "ageing", -1), 120);
	ck_assert_int_eq(nlt_info_int("vx0", "limit", -1), 77);
	get("vx0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_VXLAN);
	ck_assert_int_eq(g.vxlan.vni, 4242);
	ip_eq(&g.vxlan.group, "239.1.1.1");
	ip_eq(&g.vxlan.local, "192.0.2.1");
	ck_assert_int_eq(g.vxlan.vtep_index, nlt_link_ifindex("lx"));
	ck_assert_int_eq(g.vxlan.port, 4789);
	ck_assert_int_eq(g.vxlan.port_low, 40000);
	ck_assert_int_eq(g.vxlan.port_high, 41000);
	ck_assert_int_eq(g.vxlan.ttl, 17);
	ck_assert_int_eq(g.vxlan.tos, 0x10);
	ck_assert_int_eq(g.vxlan.learning, NLHL_OFF);
	ck_assert_int_eq(g.vxlan.proxy, NLHL_ON);
	ck_assert_int_eq(g.vxlan.l2miss, NLHL_ON);
	ck_assert_int_eq(g.vxlan.l3miss, NLHL_OFF);
	ck_assert_int_eq(g.vxlan.ageing, 120);
	ck_assert_int_eq(g.vxlan.limit, 77);

	/* IPv6 remote, external, made by ip and read back. */
	NLT_SH_OK("ip link add vx6 type vxlan id 9 remote 2001:db8::9 local 2001:db8::1 dstport 8472 "
		  "nolearning ttl 5 ageing 60");
	get("vx6", &g);
	ck_assert_int_eq(g.vxlan.vni, 9);
	ip_eq(&g.vxlan.group, "2001:db8::9");
	ip_eq(&g.vxlan.local, "2001:db8::1");
	ck_assert_int_eq(g.vxlan.port, 8472);
	ck_assert_int_eq(g.vxlan.learning, NLHL_OFF);
	ck_assert_int_eq(g.vxlan.ttl, 5);
	ck_assert_int_eq(g.vxlan.ageing, 60);
	NLT_SH_OK("ip link add vxe type vxlan external dstport 4790");
	get("vxe", &g);
	ck_assert_int_eq(g.vxlan.flow_based, NLHL_ON);
	ck_assert_int_eq(g.vxlan.port, 4790);
	/* Explicit zero ttl through NLHL_ZERO; learning off. */
	nlt_link_init(&l, NLHL_LINK_VXLAN, "vxz");
	l.vxlan.vni = 5;
	l.vxlan.port = 4800;
	l.vxlan.ttl = NLHL_ZERO;
	l.vxlan.learning = NLHL_OFF;
	add_ok(&l);
	ck_assert_int_eq(nlt_info_int("vxz", "ttl", -1), 0);
	ck_assert_int_eq(nlt_info_int("vxz", "learning", -1), 0);
	/* modify: learning back on. */
	memset(&l.vxlan, 0, sizeof(l.vxlan));
	l.vxlan.learning = NLHL_ON;
	NLT_OK(nlhl_link_modify(NULL, &l));
	ck_assert_int_eq(nlt_info_int("vxz", "learning", -1), 1);
	nlt_link_init(&l, NLHL_LINK_VXLAN, "vxbad");
	l.vxlan.vni = 1 << 24;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
}
END_TEST

/* ---------------------------------------------------------------- geneve */

START_TEST(geneve_type)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("geneve");
	nlt_link_init(&l, NLHL_LINK_GENEVE, "gnv0");
	l.geneve.id = 77;
	NLT_OK(nlhl_parse_ip("192.0.2.9", &l.geneve.remote));
	l.geneve.ttl = 9;
	l.geneve.tos = 4;
	l.geneve.port = 6082;
	l.geneve.udp_csum = NLHL_ON;
	add_ok(&l);
	ck_assert_int_eq(nlt_info_int("gnv0", "id", -1), 77);
	info_str_eq("gnv0", "remote", "192.0.2.9");
	ck_assert_int_eq(nlt_info_int("gnv0", "ttl", -1), 9);
	ck_assert_int_eq(nlt_info_int("gnv0", "port", -1), 6082);
	ck_assert_int_eq(nlt_info_int("gnv0", "udp_csum", -1), 1);
	get("gnv0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_GENEVE);
	ck_assert_int_eq(g.geneve.id, 77);
	ip_eq(&g.geneve.remote, "192.0.2.9");
	ck_assert_int_eq(g.geneve.ttl, 9);
	ck_assert_int_eq(g.geneve.tos, 4);
	ck_assert_int_eq(g.geneve.port, 6082);
	ck_assert_int_eq(g.geneve.udp_csum, NLHL_ON);
	NLT_SH_OK("ip link add gnv6 type geneve id 8 remote 2001:db8::5 flowlabel 0x12345");
	get("gnv6", &g);
	ck_assert_int_eq(g.geneve.id, 8);
	ip_eq(&g.geneve.remote, "2001:db8::5");
	ck_assert_int_eq(g.geneve.port, 6081);
	ck_assert_int_eq(g.geneve.flow_label, 0x12345);
	NLT_SH_OK("ip link add gnve type geneve external dstport 6099");
	get("gnve", &g);
	ck_assert_int_eq(g.geneve.flow_based, NLHL_ON);
	nlt_link_init(&l, NLHL_LINK_GENEVE, "gnvbad");
	l.geneve.id = 1;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);  /* no remote */
}
END_TEST

/* ------------------------------------------------------------------ bond */

START_TEST(bond_type)
{
	struct nlhl_link l, s1, s2, g;

	NLT_REQUIRE_LINK_KIND("bond");
	nlt_link_init(&l, NLHL_LINK_BOND, "bond0");
	l.bond.mode = NLHL_BOND_MODE_802_3AD;
	l.bond.miimon = 100;
	l.bond.updelay = 200;
	l.bond.downdelay = 300;
	l.bond.xmit_hash_policy = NLHL_BOND_XMIT_LAYER34;
	l.bond.lacp_rate = NLHL_BOND_LACP_RATE_FAST;
	l.bond.min_links = 2;
	add_ok(&l);
	info_str_eq("bond0", "mode", "802.3ad");
	ck_assert_int_eq(nlt_info_int("bond0", "miimon", -1), 100);
	ck_assert_int_eq(nlt_info_int("bond0", "updelay", -1), 200);
	ck_assert_int_eq(nlt_info_int("bond0", "downdelay", -1), 300);
	info_str_eq("bond0", "xmit_hash_policy", "layer3+4");
	info_str_eq("bond0", "ad_lacp_rate", "fast");
	ck_assert_int_eq(nlt_info_int("bond0", "min_links", -1), 2);
	get("bond0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_BOND);
	ck_assert_int_eq(g.bond.mode, NLHL_BOND_MODE_802_3AD);
	ck_assert_int_eq(g.bond.miimon, 100);
	ck_assert_int_eq(g.bond.updelay, 200);
	ck_assert_int_eq(g.bond.downdelay, 300);
	ck_assert_int_eq(g.bond.xmit_hash_policy, NLHL_BOND_XMIT_LAYER34);
	ck_assert_int_eq(g.bond.lacp_rate, NLHL_BOND_LACP_RATE_FAST);
	ck_assert_int_eq(g.bond.min_links, 2);
	/* Slaves (down before enslaving). */
	NLT_SH_OK("ip link add bs1 type veth peer name bs1p && ip link add bs2 type veth peer name bs2p");
	nlt_link_init(&s1, NLHL_LINK_UNSPEC, "bs1");
	nlt_link_init(&s2, NLHL_LINK_UNSPEC, "bs2");
	NLT_OK(nlhl_link_set_master(NULL, &s1, &l));
	NLT_OK(nlhl_link_set_master(NULL, &s2, &l));
	get("bs1", &g);
	ck_assert_int_eq(g.attrs.master_index, l.attrs.index);
	ck_assert_str_eq(g.attrs.slave_kind, "bond");
	ck_assert_int_eq(g.attrs.slave.bond.perm_hw_addr.len, 6);
	{
		struct nlhl_link_filter f = { .master_index = l.attrs.index };
		struct nlhl_link *list;
		size_t n;

		NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
		ck_assert_int_eq(n, 2);
		nlhl_link_list_free(list, n);
	}
	NLT_OK(nlhl_link_set_no_master(NULL, &s2));
	{
		json_object *o = nlt_ip_link("bs2");

		ck_assert_ptr_null(nlt_jpath(o, "master", NULL));
		json_object_put(o);
	}
	/* Made by ip; balance-rr (kernel 0) reads back as BALANCE_RR. */
	NLT_SH_OK("ip link add bond1 type bond mode balance-rr miimon 0");
	get("bond1", &g);
	ck_assert_int_eq(g.bond.mode, NLHL_BOND_MODE_BALANCE_RR);
	ck_assert_int_eq(g.bond.miimon, 0);
	NLT_SH_OK("ip link add bond2 type bond mode active-backup miimon 50");
	get("bond2", &g);
	ck_assert_int_eq(g.bond.mode, NLHL_BOND_MODE_ACTIVE_BACKUP);
	ck_assert_int_eq(g.bond.miimon, 50);
	/* modify: miimon. */
	nlt_link_init(&l, NLHL_LINK_BOND, "bond2");
	l.bond.miimon = NLHL_ZERO;
	NLT_OK(nlhl_link_modify(NULL, &l));
	ck_assert_int_eq(nlt_info_int("bond2", "miimon", -1), 0);
	l.bond.mode = (enum nlhl_bond_mode)9;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
}
END_TEST

/* ----------------------------------------------------- dummy, ifb, wg */

static void simple_kind(enum nlhl_link_type t, const char *kind)
{
	struct nlhl_link l, g;

	nlt_link_init(&l, t, "s0");
	add_ok(&l);
	get("s0", &g);
	ck_assert_int_eq(g.type, t);
	ck_assert_str_eq(g.kind, kind);
	NLT_SH_OK("ip link add s1 type %s", kind);
	get("s1", &g);
	ck_assert_int_eq(g.type, t);
	NLT_OK(nlhl_link_del(NULL, &l));
	ck_assert_int_eq(nlt_link_ifindex("s0"), 0);
}

START_TEST(dummy_type)
{
	NLT_REQUIRE_LINK_KIND("dummy");
	simple_kind(NLHL_LINK_DUMMY, "dummy");
}
END_TEST

START_TEST(ifb_type)
{
	NLT_REQUIRE_LINK_KIND("ifb");
	simple_kind(NLHL_LINK_IFB, "ifb");
}
END_TEST

START_TEST(wireguard_type)
{
	NLT_REQUIRE_LINK_KIND("wireguard");
	simple_kind(NLHL_LINK_WIREGUARD, "wireguard");
}
END_TEST

/* ----------------------------------------------------------------- vrf */

START_TEST(vrf_type)
{
	struct nlhl_link l, g, port;

	NLT_REQUIRE_LINK_KIND("vrf");
	nlt_link_init(&l, NLHL_LINK_VRF, "vrf-red");
	l.vrf.table = 1001;
	add_ok(&l);
	ck_assert_int_eq(nlt_info_int("vrf-red", "table", -1), 1001);
	get("vrf-red", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_VRF);
	ck_assert_int_eq(g.vrf.table, 1001);
	lower("vp");
	nlt_link_init(&port, NLHL_LINK_UNSPEC, "vp");
	NLT_OK(nlhl_link_set_master(NULL, &port, &l));
	get("vp", &g);
	ck_assert_int_eq(g.attrs.master_index, l.attrs.index);
	ck_assert_str_eq(g.attrs.slave_kind, "vrf");
	NLT_SH_OK("ip link add vrf-blue type vrf table 2002");
	get("vrf-blue", &g);
	ck_assert_int_eq(g.vrf.table, 2002);
	nlt_link_init(&l, NLHL_LINK_VRF, "vrf-none");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("needs a table");
}
END_TEST

/* -------------------------------------------------------------- tuntap */

START_TEST(tuntap_type)
{
	struct nlhl_link l, g;
	nlhl_handle *h;
	char *s;

	if (access("/dev/net/tun", R_OK | W_OK) < 0)
		NLT_SKIP("no /dev/net/tun");
	/* Persistent tap with an owner, through a handle. */
	NLT_OK(nlhl_handle_new(&h));
	nlt_link_init(&l, NLHL_LINK_TUNTAP, "tap0");
	l.tuntap.mode = NLHL_TUNTAP_MODE_TAP;
	l.tuntap.owner_set = true;
	l.tuntap.owner = 4321;
	l.tuntap.group_set = true;
	l.tuntap.group = 0;
	l.attrs.mtu = 1400;
	l.attrs.flags = IFF_UP;
	NLT_OK(nlhl_link_add(h, &l));
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("tap0"));
	info_str_eq("tap0", "type", "tap");
	ck_assert_int_eq(nlt_info_int("tap0", "persist", -1), 1);
	ck_assert_int_eq(nlt_info_int("tap0", "pi", -1), 0);
	ck_assert_int_eq(nlt_info_int("tap0", "user", -1), 4321);
	info_str_eq("tap0", "group", "root");
	get("tap0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_TUNTAP);
	ck_assert_str_eq(g.kind, "tun");
	ck_assert_int_eq(g.tuntap.mode, NLHL_TUNTAP_MODE_TAP);
	ck_assert_int_eq(g.tuntap.persist, NLHL_ON);
	ck_assert(g.tuntap.owner_set);
	ck_assert_int_eq(g.tuntap.owner, 4321);
	ck_assert(g.tuntap.group_set);
	ck_assert_int_eq(g.tuntap.group, 0);
	ck_assert_int_eq(g.attrs.mtu, 1400);
	ck_assert(g.attrs.flags & IFF_UP);
	/* Duplicate name. */
	NLT_ERR(nlhl_link_add(h, &l), -EEXIST);
	NLT_OK(nlhl_link_del(h, &l));
	ck_assert_int_eq(nlt_link_ifindex("tap0"), 0);
	nlhl_handle_free(h);

	/* Non-persistent multi-queue tun: lives as long as its fds. */
	nlt_link_init(&l, NLHL_LINK_TUNTAP, "tun0");
	l.tuntap.mode = NLHL_TUNTAP_MODE_TUN;
	l.tuntap.persist = NLHL_OFF;
	l.tuntap.multi_queue = NLHL_ON;
	l.tuntap.queues = 3;
	NLT_OK(nlhl_link_add(NULL, &l));
	for (int i = 0; i < 3; i++)
		ck_assert_int_ge(l.tuntap.fds[i], 0);
	get("tun0", &g);
	ck_assert_int_eq(g.tuntap.mode, NLHL_TUNTAP_MODE_TUN);
	ck_assert_int_eq(g.tuntap.persist, NLHL_OFF);
	ck_assert_int_eq(g.tuntap.multi_queue, NLHL_ON);
	ck_assert_int_eq(g.tuntap.queues, 3);
	ck_assert_int_eq(nlt_info_int("tun0", "multi_queue", -1), 1);
	for (int i = 0; i < 3; i++)
		close(l.tuntap.fds[i]);
	ck_assert_int_eq(nlt_link_ifindex("tun0"), 0);

	/* Made by ip. */
	NLT_SH_OK("ip tuntap add itun mode tun user 77 pi");
	get("itun", &g);
	ck_assert_int_eq(g.tuntap.mode, NLHL_TUNTAP_MODE_TUN);
	ck_assert_int_eq(g.tuntap.pi, NLHL_ON);
	ck_assert_int_eq(g.tuntap.owner, 77);
	ck_assert(!g.tuntap.group_set);
	s = nlt_output("ip -d -j link show dev itun | jq -r '.[0].linkinfo.info_kind'");
	ck_assert_str_eq(s, "tun\n");
	free(s);
	/* Into another netns. */
	{
		int ns = nlhl_netns_new();
		nlhl_handle *hn;

		ck_assert_int_ge(ns, 0);
		nlt_link_init(&l, NLHL_LINK_TUNTAP, "ntap");
		l.tuntap.mode = NLHL_TUNTAP_MODE_TAP;
		l.attrs.netns_fd = ns;
		NLT_OK(nlhl_link_add(NULL, &l));
		ck_assert_int_eq(nlt_link_ifindex("ntap"), 0);
		NLT_OK(nlhl_handle_new_at(ns, &hn));
		NLT_OK(nlhl_link_by_name(hn, "ntap", &g));
		ck_assert_int_eq(g.attrs.index, l.attrs.index);
		/* A handle in that netns creates there too. */
		nlt_link_init(&l, NLHL_LINK_TUNTAP, "htap");
		l.tuntap.mode = NLHL_TUNTAP_MODE_TAP;
		NLT_OK(nlhl_link_add(hn, &l));
		ck_assert_int_eq(nlt_link_ifindex("htap"), 0);
		NLT_OK(nlhl_link_by_name(hn, "htap", &g));
		nlhl_handle_free(hn);
		close(ns);
	}
	nlt_link_init(&l, NLHL_LINK_TUNTAP, "nomode");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
}
END_TEST

/* --------------------------------------------------------------- tunnels */

START_TEST(gre_types)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("gre");
	nlt_link_init(&l, NLHL_LINK_GRE, "gre1");
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.gre.local));
	NLT_OK(nlhl_parse_ip("192.0.2.2", &l.gre.remote));
	l.gre.ttl = 10;
	l.gre.ikey = 5;
	l.gre.okey = 6;
	l.gre.iflags = GRE_CSUM;
	l.gre.oflags = GRE_CSUM | GRE_SEQ;
	add_ok(&l);
	info_str_eq("gre1", "local", "192.0.2.1");
	info_str_eq("gre1", "remote", "192.0.2.2");
	info_str_eq("gre1", "ikey", "0.0.0.5");
	info_str_eq("gre1", "okey", "0.0.0.6");
	ck_assert_int_eq(nlt_info_int("gre1", "ttl", -1), 10);
	ck_assert_int_eq(nlt_info_int("gre1", "icsum", -1), 1);
	ck_assert_int_eq(nlt_info_int("gre1", "ocsum", -1), 1);
	ck_assert_int_eq(nlt_info_int("gre1", "oseq", -1), 1);
	get("gre1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_GRE);
	ip_eq(&g.gre.local, "192.0.2.1");
	ip_eq(&g.gre.remote, "192.0.2.2");
	ck_assert_int_eq(g.gre.ikey, 5);
	ck_assert_int_eq(g.gre.okey, 6);
	ck_assert_int_eq(g.gre.iflags, GRE_CSUM | GRE_KEY);
	ck_assert_int_eq(g.gre.oflags, GRE_CSUM | GRE_SEQ | GRE_KEY);
	ck_assert_int_eq(g.gre.ttl, 10);
	ck_assert_int_eq(g.gre.pmtudisc, NLHL_ON);

	nlt_link_init(&l, NLHL_LINK_GRETAP, "gt1");
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.gre.local));
	NLT_OK(nlhl_parse_ip("192.0.2.3", &l.gre.remote));
	l.gre.ikey = 7;
	l.gre.okey = 7;
	add_ok(&l);
	info_str_eq("gt1", "ikey", "0.0.0.7");
	get("gt1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_GRETAP);
	ck_assert_int_eq(g.gre.ikey, 7);

	nlt_link_init(&l, NLHL_LINK_IP6GRE, "g6");
	NLT_OK(nlhl_parse_ip("2001:db8::1", &l.gre.local));
	NLT_OK(nlhl_parse_ip("2001:db8::2", &l.gre.remote));
	l.gre.ttl = 9;
	l.gre.encap_limit = 2;
	l.gre.okey = 3;
	add_ok(&l);
	info_str_eq("g6", "remote", "2001:db8::2");
	ck_assert_int_eq(nlt_info_int("g6", "ttl", -1), 9);
	ck_assert_int_eq(nlt_info_int("g6", "encap_limit", -1), 2);
	get("g6", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_IP6GRE);
	ip_eq(&g.gre.local, "2001:db8::1");
	ck_assert_int_eq(g.gre.encap_limit, 2);
	ck_assert_int_eq(g.gre.okey, 3);

	nlt_link_init(&l, NLHL_LINK_IP6GRETAP, "g6t");
	NLT_OK(nlhl_parse_ip("2001:db8::1", &l.gre.local));
	NLT_OK(nlhl_parse_ip("2001:db8::3", &l.gre.remote));
	add_ok(&l);
	get("g6t", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_IP6GRETAP);

	/* Made by ip. */
	NLT_SH_OK("ip link add igre type gre local 192.0.2.1 remote 192.0.2.9 key 99 ttl 3 csum");
	get("igre", &g);
	ck_assert_int_eq(g.gre.ikey, 99);
	ck_assert_int_eq(g.gre.okey, 99);
	ck_assert_int_eq(g.gre.iflags, GRE_KEY | GRE_CSUM);
	ck_assert_int_eq(g.gre.ttl, 3);
	ip_eq(&g.gre.remote, "192.0.2.9");
	/* IPv6 endpoints on an IPv4 tunnel. */
	nlt_link_init(&l, NLHL_LINK_GRE, "grebad");
	NLT_OK(nlhl_parse_ip("2001:db8::1", &l.gre.remote));
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
}
END_TEST

START_TEST(iptun_types)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("ipip");
	nlt_link_init(&l, NLHL_LINK_IPIP, "ii1");
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.iptun.local));
	NLT_OK(nlhl_parse_ip("192.0.2.5", &l.iptun.remote));
	l.iptun.ttl = 11;
	add_ok(&l);
	info_str_eq("ii1", "remote", "192.0.2.5");
	ck_assert_int_eq(nlt_info_int("ii1", "ttl", -1), 11);
	get("ii1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_IPIP);
	ip_eq(&g.iptun.local, "192.0.2.1");
	ip_eq(&g.iptun.remote, "192.0.2.5");
	ck_assert_int_eq(g.iptun.ttl, 11);
	ck_assert_int_eq(g.iptun.pmtudisc, NLHL_ON);

	NLT_REQUIRE_LINK_KIND("sit");
	nlt_link_init(&l, NLHL_LINK_SIT, "si1");
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.iptun.local));
	NLT_OK(nlhl_parse_ip("192.0.2.6", &l.iptun.remote));
	l.iptun.ttl = 12;
	add_ok(&l);
	info_str_eq("si1", "remote", "192.0.2.6");
	get("si1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_SIT);
	ck_assert_int_eq(g.iptun.ttl, 12);

	NLT_REQUIRE_LINK_KIND("ip6tnl");
	nlt_link_init(&l, NLHL_LINK_IP6TNL, "i6");
	NLT_OK(nlhl_parse_ip("2001:db8::1", &l.iptun.local));
	NLT_OK(nlhl_parse_ip("2001:db8::7", &l.iptun.remote));
	l.iptun.ttl = 13;
	l.iptun.encap_limit = 3;
	l.iptun.proto = 41; /* IPPROTO_IPV6: ip6ip6 */
	l.iptun.flowinfo = 0x12345;
	add_ok(&l);
	info_str_eq("i6", "proto", "ip6ip6");
	ck_assert_int_eq(nlt_info_int("i6", "encap_limit", -1), 3);
	ck_assert_int_eq(nlt_info_int("i6", "ttl", -1), 13);
	info_str_eq("i6", "flowlabel", "0x12345");
	get("i6", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_IP6TNL);
	ip_eq(&g.iptun.remote, "2001:db8::7");
	ck_assert_int_eq(g.iptun.proto, 41);
	ck_assert_int_eq(g.iptun.encap_limit, 3);
	ck_assert_int_eq(g.iptun.flowinfo, 0x12345);

	NLT_SH_OK("ip link add ii2 type ipip local 192.0.2.1 remote 192.0.2.50 ttl 7");
	get("ii2", &g);
	ip_eq(&g.iptun.remote, "192.0.2.50");
	ck_assert_int_eq(g.iptun.ttl, 7);
	NLT_SH_OK("ip link add i62 type ip6tnl local 2001:db8::1 remote 2001:db8::70 mode ipip6");
	get("i62", &g);
	ck_assert_int_eq(g.iptun.proto, 4);
}
END_TEST

START_TEST(vti_types)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("vti");
	nlt_link_init(&l, NLHL_LINK_VTI, "vt1");
	NLT_OK(nlhl_parse_ip("192.0.2.1", &l.vti.local));
	NLT_OK(nlhl_parse_ip("192.0.2.8", &l.vti.remote));
	l.vti.ikey = 9;
	l.vti.okey = 10;
	add_ok(&l);
	info_str_eq("vt1", "ikey", "0.0.0.9");
	info_str_eq("vt1", "okey", "0.0.0.10");
	info_str_eq("vt1", "remote", "192.0.2.8");
	get("vt1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_VTI);
	ck_assert_int_eq(g.vti.ikey, 9);
	ck_assert_int_eq(g.vti.okey, 10);
	ip_eq(&g.vti.local, "192.0.2.1");

	NLT_REQUIRE_LINK_KIND("vti6");
	nlt_link_init(&l, NLHL_LINK_VTI6, "vt6");
	NLT_OK(nlhl_parse_ip("2001:db8::1", &l.vti.local));
	NLT_OK(nlhl_parse_ip("2001:db8::8", &l.vti.remote));
	l.vti.ikey = 11;
	add_ok(&l);
	info_str_eq("vt6", "remote", "2001:db8::8");
	get("vt6", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_VTI6);
	ck_assert_int_eq(g.vti.ikey, 11);
	NLT_SH_OK("ip link add ivt type vti local 192.0.2.1 remote 192.0.2.99 key 4");
	get("ivt", &g);
	ck_assert_int_eq(g.vti.ikey, 4);
	ip_eq(&g.vti.remote, "192.0.2.99");
}
END_TEST

/* ---------------------------------------------------------------- netkit */

START_TEST(netkit_type)
{
	struct nlhl_link l, g;

	NLT_REQUIRE_LINK_KIND("netkit");
	nlt_link_init(&l, NLHL_LINK_NETKIT, "nk0");
	strcpy(l.netkit.peer_name, "nk1");
	l.netkit.mode = NLHL_NETKIT_MODE_L2;
	l.netkit.policy = NLHL_NETKIT_POLICY_PASS;
	l.netkit.peer_policy = NLHL_NETKIT_POLICY_DROP;
	add_ok(&l);
	get("nk0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_NETKIT);
	ck_assert_int_eq(g.netkit.mode, NLHL_NETKIT_MODE_L2);
	ck_assert_int_eq(g.netkit.peer_policy, NLHL_NETKIT_POLICY_DROP);
	ck_assert(g.netkit.primary);
	ck_assert_int_eq(g.netkit.peer_index, nlt_link_ifindex("nk1"));
	info_str_eq("nk0", "mode", "l2");
}
END_TEST

/* ------------------------------------------------- a kind without a type */

START_TEST(unknown_kind_read_back)
{
	struct nlhl_link l, g;
	struct nlhl_link *list;
	struct nlhl_link_filter f = { .kind = "nlmon" };
	size_t n;

	NLT_REQUIRE_LINK_KIND("nlmon");
	NLT_SH_OK("ip link add mon0 type nlmon");
	get("mon0", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_GENERIC);
	ck_assert_str_eq(g.kind, "nlmon");
	NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].kind, "nlmon");
	nlhl_link_list_free(list, n);
	/* And created by its kind string. */
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "mon1");
	strcpy(l.kind, "nlmon");
	add_ok(&l);
	get("mon1", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_GENERIC);
}
END_TEST

/* A known kind added by kind string only reads back typed. */
START_TEST(kind_string_add)
{
	struct nlhl_link l, g;

	nlt_link_init(&l, NLHL_LINK_UNSPEC, "kbr");
	strcpy(l.kind, "bridge");
	add_ok(&l);
	get("kbr", &g);
	ck_assert_int_eq(g.type, NLHL_LINK_BRIDGE);
	ck_assert_str_eq(nlhl_link_type_kind(NLHL_LINK_TUNTAP), "tun");
	ck_assert_ptr_null(nlhl_link_type_kind(NLHL_LINK_DEVICE));
}
END_TEST

NLT_SUITE(link_types_suite)
static Suite *link_types_suite(void)
{
	Suite *s = suite_create("link-types");
	TCase *tc = nlt_tcase(s, "lower");

	tcase_add_test(tc, vlan_type);
	tcase_add_test(tc, macvlan_type);
	tcase_add_test(tc, macvtap_type);
	tcase_add_test(tc, ipvlan_type);
	tc = nlt_tcase(s, "udp");
	tcase_add_test(tc, vxlan_type);
	tcase_add_test(tc, geneve_type);
	tc = nlt_tcase(s, "virtual");
	tcase_add_test(tc, bond_type);
	tcase_add_test(tc, dummy_type);
	tcase_add_test(tc, ifb_type);
	tcase_add_test(tc, wireguard_type);
	tcase_add_test(tc, vrf_type);
	tcase_add_test(tc, tuntap_type);
	tcase_add_test(tc, netkit_type);
	tcase_add_test(tc, unknown_kind_read_back);
	tcase_add_test(tc, kind_string_add);
	tc = nlt_tcase(s, "tunnels");
	tcase_add_test(tc, gre_types);
	tcase_add_test(tc, iptun_types);
	tcase_add_test(tc, vti_types);
	return s;
}
