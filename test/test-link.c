/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Links: add/del/lookups/lists and the veth and bridge types, each checked
 * through the library and through `ip -d -j link show`, and the reverse. */
#include "harness-link.h"
#include "../lib/internal-link.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/capability.h>

static void veth_add(nlhl_handle *h, const char *a, const char *b, struct nlhl_link *l)
{
	nlt_link_init(l, NLHL_LINK_VETH, a);
	snprintf(l->veth.peer_name, sizeof(l->veth.peer_name), "%s", b);
	NLT_OK(nlhl_link_add(h, l));
}

START_TEST(veth_add_del)
{
	struct nlhl_link l, got, peer;
	nlhl_handle *h;

	NLT_OK(nlhl_handle_new(&h));
	veth_add(h, "va", "vb", &l);
	ck_assert_int_gt(l.attrs.index, 0);
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("va"));
	ck_assert_int_eq(l.veth.peer_index, nlt_link_ifindex("vb"));
	NLT_OK(nlhl_link_by_name(h, "va", &got));
	ck_assert_int_eq(got.type, NLHL_LINK_VETH);
	ck_assert_str_eq(got.kind, "veth");
	ck_assert_int_eq(got.attrs.index, l.attrs.index);
	ck_assert_int_eq(got.veth.peer_index, nlt_link_ifindex("vb"));
	ck_assert_int_eq(got.attrs.parent_index, nlt_link_ifindex("vb"));
	ck_assert_int_eq(got.attrs.link_netnsid, -1);
	nlt_link_matches_ip(&got);
	NLT_OK(nlhl_link_by_index(h, l.veth.peer_index, &peer));
	ck_assert_str_eq(peer.attrs.name, "vb");
	memset(&peer, 0, sizeof(peer));
	NLT_OK(nlhl_link_veth_peer(h, &got, &peer));
	ck_assert_str_eq(peer.attrs.name, "vb");
	NLT_ERR(nlhl_link_veth_peer(h, &l, NULL), -EINVAL);
	ck_assert_int_eq(peer.veth.peer_index, l.attrs.index);
	nlt_link_matches_ip(&peer);

	/* Default handle too. */
	veth_add(NULL, "vc", "vd", &l);
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("vc"));
	NLT_OK(nlhl_link_del(NULL, &l));
	ck_assert_int_eq(nlt_link_ifindex("vc"), 0);
	ck_assert_int_eq(nlt_link_ifindex("vd"), 0);

	/* Delete by name only. */
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "va");
	NLT_OK(nlhl_link_del(h, &l));
	ck_assert_int_eq(nlt_link_ifindex("va"), 0);
	ck_assert_int_eq(nlt_link_ifindex("vb"), 0);
	NLT_ERR(nlhl_link_by_name(h, "va", &got), -ENODEV);
	nlhl_handle_free(h);
}
END_TEST

START_TEST(veth_options)
{
	struct nlhl_link l, got, peer;

	veth_add(NULL, "vx", "vy", &l);  /* warm-up: plain */
	nlt_link_init(&l, NLHL_LINK_VETH, "va");
	strcpy(l.veth.peer_name, "vb");
	l.attrs.mtu = 1400;
	l.attrs.txqlen = 77;
	l.attrs.flags = IFF_UP;
	l.attrs.num_tx_queues = 3;
	l.attrs.num_rx_queues = 2;
	l.attrs.group = 7;
	strcpy(l.attrs.alias, "the a side");
	NLT_OK(nlhl_parse_mac("02:00:00:00:aa:01", &l.attrs.hw_addr));
	NLT_OK(nlhl_parse_mac("02:00:00:00:bb:02", &l.veth.peer_hw_addr));
	l.veth.peer_mtu = 1300;
	l.veth.peer_txqlen = NLHL_ZERO;
	NLT_OK(nlhl_link_add(NULL, &l));
	NLT_OK(nlhl_link_by_name(NULL, "va", &got));
	ck_assert_int_eq(got.attrs.mtu, 1400);
	ck_assert_int_eq(got.attrs.txqlen, 77);
	ck_assert(got.attrs.flags & IFF_UP);
	ck_assert_int_eq(got.attrs.num_tx_queues, 3);
	ck_assert_int_eq(got.attrs.num_rx_queues, 2);
	ck_assert_int_eq(got.attrs.group, 7);
	ck_assert_str_eq(got.attrs.alias, "the a side");
	ck_assert_mem_eq(got.attrs.hw_addr.addr, l.attrs.hw_addr.addr, 6);
	nlt_link_matches_ip(&got);
	{
		json_object *o = nlt_ip_link("va");
		ck_assert_int_eq(nlt_jint(o, "group", -1), 7);
		json_object_put(o);
	}
	NLT_OK(nlhl_link_by_name(NULL, "vb", &peer));
	ck_assert_int_eq(peer.attrs.mtu, 1300);
	ck_assert_int_eq(peer.attrs.txqlen, 0);
	ck_assert_mem_eq(peer.attrs.hw_addr.addr, l.veth.peer_hw_addr.addr, 6);
	nlt_link_matches_ip(&peer);
}
END_TEST

START_TEST(veth_made_by_ip)
{
	struct nlhl_link got;
	char *s;

	NLT_SH_OK("ip link add ia type veth peer name ib && ip link set ia mtu 1450 alias hello "
		  "address 02:11:22:33:44:55 txqlen 12 && ip link set ia up");
	NLT_OK(nlhl_link_by_name(NULL, "ia", &got));
	ck_assert_int_eq(got.type, NLHL_LINK_VETH);
	ck_assert_int_eq(got.attrs.mtu, 1450);
	ck_assert_int_eq(got.attrs.txqlen, 12);
	ck_assert_str_eq(got.attrs.alias, "hello");
	ck_assert_int_eq(got.veth.peer_index, nlt_link_ifindex("ib"));
	ck_assert_int_eq(got.attrs.hw_type, 1 /* ARPHRD_ETHER */);
	ck_assert_int_eq(got.attrs.min_mtu, 68);
	nlt_link_matches_ip(&got);
	/* Peer still down: LOWERLAYERDOWN, once linkwatch has run. */
	for (int i = 0; i < 200 && got.attrs.oper_state != NLHL_OPER_LOWERLAYERDOWN; i++) {
		usleep(20000);
		NLT_OK(nlhl_link_by_name(NULL, "ia", &got));
	}
	ck_assert_int_eq(got.attrs.oper_state, NLHL_OPER_LOWERLAYERDOWN);
	s = nlt_output("ip -j link show dev ia | jq -r '.[0].operstate'");
	ck_assert_str_eq(s, "LOWERLAYERDOWN\n");
	free(s);
	NLT_OK(nlhl_link_by_index(NULL, nlt_link_ifindex("ib"), &got));
	ck_assert_str_eq(got.attrs.name, "ib");
	nlt_link_matches_ip(&got);
}
END_TEST

START_TEST(veth_echo_fallback)
{
	struct nlhl_link l;
	nlhl_handle *h;

	/* Kernels before 6.3 do not echo RTM_NEWLINK: one RTM_GETLINK then. */
	nlhl__link_no_echo = true;
	NLT_OK(nlhl_handle_new(&h));
	veth_add(h, "fa", "fb", &l);
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("fa"));
	ck_assert_int_eq(l.veth.peer_index, nlt_link_ifindex("fb"));
	veth_add(NULL, "fc", "fd", &l);
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("fc"));
	nlhl__link_no_echo = false;
	nlhl_handle_free(h);
}
END_TEST

static int ns_ifindex(int fd, const char *name)
{
	nlhl_handle *h;
	struct nlhl_link got;
	int r;

	NLT_OK(nlhl_handle_new_at(fd, &h));
	r = nlhl_link_by_name(h, name, &got);
	nlhl_handle_free(h);
	return r < 0 ? r : got.attrs.index;
}

START_TEST(add_into_netns)
{
	int ns = nlhl_netns_new(), ns2 = nlhl_netns_new();
	struct nlhl_link l;
	char *s;

	ck_assert_int_ge(ns, 0);
	ck_assert_int_ge(ns2, 0);
	/* A link created straight into another netns: index of over there. */
	NLT_SH_OK("ip link add pad0 type veth peer name pad1");  /* shift indexes */
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "nsbr");
	l.attrs.netns_fd = ns;
	NLT_OK(nlhl_link_add(NULL, &l));
	ck_assert_int_eq(nlt_link_ifindex("nsbr"), 0);
	ck_assert_int_eq(l.attrs.index, ns_ifindex(ns, "nsbr"));
	s = nlt_output("nsenter --net=/proc/%d/fd/%d ip -j link show dev nsbr | jq '.[0].ifindex'",
		       getpid(), ns);
	ck_assert_int_eq(atoi(s), l.attrs.index);
	free(s);

	/* A veth whose peer goes into another netns. */
	nlt_link_init(&l, NLHL_LINK_VETH, "here");
	strcpy(l.veth.peer_name, "there");
	l.veth.peer_netns_fd = ns2;
	NLT_OK(nlhl_link_add(NULL, &l));
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("here"));
	ck_assert_int_eq(l.veth.peer_index, ns_ifindex(ns2, "there"));
	NLT_OK(nlhl_link_by_name(NULL, "here", &l));
	ck_assert_int_ge(l.attrs.link_netnsid, 0);
	{
		struct nlhl_link p;

		NLT_ERR(nlhl_link_veth_peer(NULL, &l, &p), -EXDEV);
	}
	{
		json_object *o = nlt_ip_link("here");

		ck_assert_int_eq(nlt_jint(o, "link_netnsid", -1), l.attrs.link_netnsid);
		json_object_put(o);
	}

	/* A veth made in another netns with its peer back here. */
	nlt_link_init(&l, NLHL_LINK_VETH, "far");
	strcpy(l.veth.peer_name, "near");
	l.attrs.netns_fd = ns2;
	l.veth.peer_netns_fd = nlhl_netns_current();
	NLT_OK(nlhl_link_add(NULL, &l));
	ck_assert_int_eq(l.attrs.index, ns_ifindex(ns2, "far"));
	ck_assert_int_eq(l.veth.peer_index, nlt_link_ifindex("near"));
	close(l.veth.peer_netns_fd);
	close(ns);
	close(ns2);
}
END_TEST

/* Drops CAP_SYS_ADMIN from the effective set: setns() then fails while
 * CAP_NET_ADMIN still lets RTM_NEWLINK put a link into another netns. */
static void drop_sys_admin(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	ck_assert_int_eq(syscall(SYS_capget, &hdr, data), 0);
	data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
	ck_assert_int_eq(syscall(SYS_capset, &hdr, data), 0);
}

/* A link created, then the step after creation fails: the text says both,
 * once each (it used to be formatted from itself and came out garbled). */
START_TEST(add_then_fails)
{
	int ns = nlhl_netns_new();
	struct nlhl_link l;
	char want[256];

	ck_assert_int_ge(ns, 0);
	drop_sys_admin();
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "late0");
	strcpy(l.attrs.alias, "set after creation");
	l.attrs.netns_fd = ns;
	NLT_ERR(nlhl_link_add(NULL, &l), -EPERM);
	snprintf(want, sizeof(want), "link add late0: created, but then: handle new at: "
		 "cannot enter netns fd %d (%s)", ns, strerror(EPERM));
	ck_assert_str_eq(nlhl_errmsg(), want);
	close(ns);
}
END_TEST

START_TEST(bridge_add_options)
{
	struct nlhl_link l, got;

	nlt_link_init(&l, NLHL_LINK_BRIDGE, "br0");
	l.bridge.stp = NLHL_ON;
	l.bridge.mcast_snooping = NLHL_OFF;
	l.bridge.forward_delay = 500;
	l.bridge.ageing_time = NLHL_ZERO;
	l.bridge.hello_time = 300;
	l.bridge.max_age = 1000;
	l.bridge.priority = 4096;
	NLT_OK(nlhl_link_add(NULL, &l));
	ck_assert_int_eq(l.attrs.index, nlt_link_ifindex("br0"));
	ck_assert_int_eq(nlt_info_int("br0", "stp_state", -1), 1);
	ck_assert_int_eq(nlt_info_int("br0", "mcast_snooping", -1), 0);
	ck_assert_int_eq(nlt_info_int("br0", "forward_delay", -1), 500);
	ck_assert_int_eq(nlt_info_int("br0", "ageing_time", -1), 0);
	ck_assert_int_eq(nlt_info_int("br0", "hello_time", -1), 300);
	ck_assert_int_eq(nlt_info_int("br0", "max_age", -1), 1000);
	ck_assert_int_eq(nlt_info_int("br0", "priority", -1), 4096);
	NLT_OK(nlhl_link_by_name(NULL, "br0", &got));
	ck_assert_int_eq(got.type, NLHL_LINK_BRIDGE);
	ck_assert_int_eq(got.bridge.stp, NLHL_ON);
	ck_assert_int_eq(got.bridge.mcast_snooping, NLHL_OFF);
	ck_assert_int_eq(got.bridge.forward_delay, 500);
	ck_assert_int_eq(got.bridge.ageing_time, 0);
	ck_assert_int_eq(got.bridge.priority, 4096);
	ck_assert_int_eq(got.bridge.hello_time, 300);
	ck_assert_int_eq(got.bridge.max_age, 1000);
	nlt_link_matches_ip(&got);

	/* modify: change options of the existing bridge (priority 0 too). */
	memset(&l.bridge, 0, sizeof(l.bridge));
	l.bridge.priority = NLHL_ZERO;
	l.bridge.stp = NLHL_OFF;
	l.bridge.ageing_time = 2000;
	l.bridge.mcast_snooping = NLHL_ON;
	l.attrs.mtu = 1400;
	NLT_OK(nlhl_link_modify(NULL, &l));
	ck_assert_int_eq(nlt_info_int("br0", "stp_state", -1), 0);
	ck_assert_int_eq(nlt_info_int("br0", "ageing_time", -1), 2000);
	ck_assert_int_eq(nlt_info_int("br0", "mcast_snooping", -1), 1);
	ck_assert_int_eq(nlt_info_int("br0", "forward_delay", -1), 500);  /* unchanged */
	ck_assert_int_eq(nlt_info_int("br0", "priority", -1), 0);
	NLT_OK(nlhl_link_by_name(NULL, "br0", &got));
	ck_assert_int_eq(got.bridge.stp, NLHL_OFF);
	ck_assert_int_eq(got.bridge.ageing_time, 2000);
	l.bridge.priority = 70000;
	NLT_ERR(nlhl_link_modify(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("bridge priority 70000");
	NLT_OK(nlhl_link_del(NULL, &l));
	ck_assert_int_eq(nlt_link_ifindex("br0"), 0);
}
END_TEST

START_TEST(bridge_vlan_options)
{
	struct nlhl_link l, got;
	char *p;

	NLT_REQUIRE_BRIDGE_VLAN();
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "vbr");
	l.bridge.vlan_filtering = NLHL_ON;
	l.bridge.vlan_protocol = NLHL_VLAN_PROTOCOL_8021AD;
	l.bridge.vlan_default_pvid = 7;
	NLT_OK(nlhl_link_add(NULL, &l));
	ck_assert_int_eq(nlt_info_int("vbr", "vlan_filtering", -1), 1);
	ck_assert_int_eq(nlt_info_int("vbr", "vlan_default_pvid", -1), 7);
	p = nlt_info_str("vbr", "vlan_protocol");
	ck_assert_str_eq(p, "802.1ad");
	free(p);
	NLT_OK(nlhl_link_by_name(NULL, "vbr", &got));
	ck_assert_int_eq(got.bridge.vlan_filtering, NLHL_ON);
	ck_assert_int_eq(got.bridge.vlan_protocol, 0x88a8);
	ck_assert_int_eq(got.bridge.vlan_default_pvid, 7);
	/* No default pvid at all: an explicit 0. */
	memset(&l.bridge, 0, sizeof(l.bridge));
	l.bridge.vlan_default_pvid = NLHL_ZERO;
	NLT_OK(nlhl_link_modify(NULL, &l));
	ck_assert_int_eq(nlt_info_int("vbr", "vlan_default_pvid", -1), 0);
	NLT_SH_OK("ip link add ivbr type bridge vlan_filtering 1 vlan_protocol 802.1q");
	NLT_OK(nlhl_link_by_name(NULL, "ivbr", &got));
	ck_assert_int_eq(got.bridge.vlan_filtering, NLHL_ON);
	ck_assert_int_eq(got.bridge.vlan_protocol, 0x8100);
}
END_TEST

START_TEST(bridge_made_by_ip)
{
	struct nlhl_link got;

	NLT_SH_OK("ip link add ibr type bridge stp_state 1 forward_delay 700 ageing_time 3000 "
		  "mcast_snooping 0 priority 8192");
	NLT_OK(nlhl_link_by_name(NULL, "ibr", &got));
	ck_assert_int_eq(got.type, NLHL_LINK_BRIDGE);
	ck_assert_int_eq(got.bridge.stp, NLHL_ON);
	ck_assert_int_eq(got.bridge.forward_delay, 700);
	ck_assert_int_eq(got.bridge.ageing_time, 3000);
	ck_assert_int_eq(got.bridge.mcast_snooping, NLHL_OFF);
	ck_assert_int_eq(got.bridge.priority, 8192);
	nlt_link_matches_ip(&got);
}
END_TEST

START_TEST(set_up_down)
{
	struct nlhl_link l, got;

	veth_add(NULL, "ua", "ub", &l);
	NLT_OK(nlhl_link_set_up(NULL, &l));
	NLT_OK(nlhl_link_by_index(NULL, l.attrs.index, &got));
	ck_assert(got.attrs.flags & IFF_UP);
	nlt_link_matches_ip(&got);
	/* By name only. */
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "ub");
	NLT_OK(nlhl_link_set_up(NULL, &l));
	/* The kernel sets the carrier asynchronously (linkwatch): wait for
	 * the state, not for a time (a slow kernel, e.g. check-vm, needs it). */
	for (int i = 0; i < 200; i++) {
		NLT_OK(nlhl_link_by_name(NULL, "ua", &got));
		if (got.attrs.oper_state == NLHL_OPER_UP)
			break;
		usleep(50000);
	}
	ck_assert_int_eq(got.attrs.oper_state, NLHL_OPER_UP);
	nlt_link_matches_ip(&got);
	NLT_OK(nlhl_link_set_down(NULL, &got));
	NLT_OK(nlhl_link_by_name(NULL, "ua", &got));
	ck_assert(!(got.attrs.flags & IFF_UP));
	nlt_link_matches_ip(&got);
}
END_TEST

static bool in_list(const struct nlhl_link *list, size_t n, const char *name, int *type)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i].attrs.name, name)) {
			*type = list[i].type;
			return true;
		}
	return false;
}

START_TEST(list_all)
{
	struct nlhl_link *list, l;
	size_t n;
	int type;
	char *cnt;

	veth_add(NULL, "la", "lb", &l);
	NLT_SH_OK("ip link add lbr type bridge && ip link add lc type veth peer name ld");
	NLT_OK(nlhl_link_list(NULL, &list, &n));
	cnt = nlt_output("ip -j link show | jq length");
	ck_assert_int_eq((int)n, atoi(cnt));
	free(cnt);
	ck_assert(in_list(list, n, "lo", &type) && type == NLHL_LINK_DEVICE);
	ck_assert(in_list(list, n, "la", &type) && type == NLHL_LINK_VETH);
	ck_assert(in_list(list, n, "lb", &type) && type == NLHL_LINK_VETH);
	ck_assert(in_list(list, n, "lbr", &type) && type == NLHL_LINK_BRIDGE);
	for (size_t i = 0; i < n; i++) {
		nlt_link_matches_ip(&list[i]);
		/* Lists resolve the peer names of veths in the same netns. */
		if (!strcmp(list[i].attrs.name, "lc"))
			ck_assert_str_eq(list[i].veth.peer_name, "ld");
	}
	nlhl_link_list_free(list, n);
}
END_TEST

START_TEST(bad_input)
{
	struct nlhl_link l, br, got;

	/* Unknown kind: the kernel's answer. */
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "uk");
	strcpy(l.kind, "nosuchkind");
	NLT_ERR(nlhl_link_add(NULL, &l), -EOPNOTSUPP);
	NLT_ERRMSG_HAS("link add uk");
	/* A 16-character name. */
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "");
	memcpy(l.attrs.name, "abcdefghijklmnop", 16);
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("not NUL-terminated");
	NLT_ERR(nlhl_link_by_name(NULL, "abcdefghijklmnop", &got), -ENODEV);
	/* Duplicate name: the kernel's EEXIST. */
	veth_add(NULL, "da", "db", &l);
	nlt_link_init(&br, NLHL_LINK_BRIDGE, "da");
	NLT_ERR(nlhl_link_add(NULL, &br), -EEXIST);
	NLT_ERRMSG_HAS("link add da");
	NLT_ERRMSG_HAS("File exists");
	ck_assert_int_eq(br.attrs.index, 0);
	/* A master that is not a bridge/bond. */
	nlt_ip_veth("dc", "dd");
	nlt_link_init(&br, NLHL_LINK_UNSPEC, "dc");
	NLT_ERR(nlhl_link_set_master(NULL, &l, &br), -EOPNOTSUPP);
	NLT_ERRMSG_HAS("link set master da");
	/* A missing peer name. */
	nlt_link_init(&l, NLHL_LINK_VETH, "np");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("needs a peer name");
	ck_assert_int_eq(nlt_link_ifindex("np"), 0);
	/* Deleting a missing link. */
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "missing");
	NLT_ERR(nlhl_link_del(NULL, &l), -ENODEV);
	NLT_ERRMSG_HAS("link del missing");
	l.attrs.index = 9999;
	NLT_ERR(nlhl_link_del(NULL, &l), -ENODEV);
	/* NULLs and nonsense. */
	NLT_ERR(nlhl_link_add(NULL, NULL), -EINVAL);
	NLT_ERR(nlhl_link_by_name(NULL, NULL, &got), -EINVAL);
	NLT_ERR(nlhl_link_by_name(NULL, "", &got), -EINVAL);
	NLT_ERR(nlhl_link_by_index(NULL, 0, &got), -EINVAL);
	NLT_ERR(nlhl_link_by_index(NULL, 1, NULL), -EINVAL);
	nlt_link_init(&l, NLHL_LINK_UNSPEC, "x");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("neither type nor kind");
	nlt_link_init(&l, (enum nlhl_link_type)999, "x");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "bad/name");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	nlt_link_init(&l, NLHL_LINK_BRIDGE, "x");
	strcpy(l.kind, "veth");
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	NLT_ERRMSG_HAS("does not match");
	l.kind[0] = 0;
	l.attrs.netns_fd = 0;
	l.attrs.mtu = -5;
	NLT_ERR(nlhl_link_add(NULL, &l), -EINVAL);
	ck_assert_int_eq(nlt_link_ifindex("x"), 0);
}
END_TEST

/* The parser shared with events, batches and fuzzing: a message that is
 * not a well-formed link is refused whole (lists drop it). */
START_TEST(parse_malformed)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 5 };
	struct nlhl_link l;
	struct nl_msg *msg;
	struct nlattr *info;

	msg = nlmsg_alloc_simple(RTM_NEWLINK, 0);
	ck_assert(nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0);
	ck_assert_int_eq(nlhl__link_parse(nlmsg_hdr(msg), &l), -EBADMSG);  /* no name */
	ck_assert(nla_put_string(msg, IFLA_IFNAME, "ok0") == 0);
	ck_assert(nla_put_u32(msg, IFLA_MTU, 1500) == 0);
	info = nla_nest_start(msg, IFLA_LINKINFO);
	ck_assert(nla_put_string(msg, IFLA_INFO_KIND, "vxlan") == 0);
	nla_nest_end(msg, info);
	NLT_OK(nlhl__link_parse(nlmsg_hdr(msg), &l));
	ck_assert_str_eq(l.attrs.name, "ok0");
	ck_assert_int_eq(l.type, NLHL_LINK_VXLAN);
	ck_assert_int_eq(l.attrs.mtu, 1500);
	/* Truncated header, wrong type, a nest whose length runs past the end. */
	nlmsg_hdr(msg)->nlmsg_type = RTM_NEWADDR;
	ck_assert_int_eq(nlhl__link_parse(nlmsg_hdr(msg), &l), -EBADMSG);
	nlmsg_hdr(msg)->nlmsg_type = RTM_NEWLINK;
	info->nla_len = 4000;
	ck_assert_int_ne(nlhl__link_parse(nlmsg_hdr(msg), &l), 0);
	nlmsg_hdr(msg)->nlmsg_len = NLMSG_HDRLEN + 4;
	ck_assert_int_eq(nlhl__link_parse(nlmsg_hdr(msg), &l), -EBADMSG);
	nlmsg_free(msg);
}
END_TEST

NLT_SUITE(link_suite)
static Suite *link_suite(void)
{
	Suite *s = suite_create("link");
	TCase *tc = nlt_tcase(s, "veth");

	tcase_add_test(tc, veth_add_del);
	tcase_add_test(tc, veth_options);
	tcase_add_test(tc, veth_made_by_ip);
	tcase_add_test(tc, veth_echo_fallback);
	tcase_add_test(tc, add_into_netns);
	tcase_add_test(tc, add_then_fails);
	tc = nlt_tcase(s, "bridge");
	tcase_add_test(tc, bridge_add_options);
	tcase_add_test(tc, bridge_made_by_ip);
	tcase_add_test(tc, bridge_vlan_options);
	tc = nlt_tcase(s, "calls");
	tcase_add_test(tc, set_up_down);
	tcase_add_test(tc, list_all);
	tcase_add_test(tc, bad_input);
	tcase_add_test(tc, parse_malformed);
	return s;
}
