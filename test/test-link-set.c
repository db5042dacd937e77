/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Link setters, modify, alternative names, namespaces, XDP, lookups by
 * alias, filtered lists and foreach; each checked through `ip -d -j`. */
#include "harness-link.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/bpf.h>
#include <linux/if_packet.h>
#include <linux/if_link.h>

static void veth(const char *a, const char *b, struct nlhl_link *l)
{
	nlt_link_init(l, NLHL_LINK_VETH, a);
	snprintf(l->veth.peer_name, sizeof(l->veth.peer_name), "%s", b);
	NLT_OK(nlhl_link_add(NULL, l));
}

static void get(const char *name, struct nlhl_link *l)
{
	NLT_OK(nlhl_link_by_name(NULL, name, l));
	nlt_link_matches_ip(l);
}

START_TEST(set_mtu_txqlen_group_alias)
{
	struct nlhl_link l, g;
	json_object *o;

	veth("sa", "sb", &l);
	NLT_OK(nlhl_link_set_mtu(NULL, &l, 1280));
	NLT_OK(nlhl_link_set_txqlen(NULL, &l, 0));
	NLT_OK(nlhl_link_set_group(NULL, &l, 42));
	NLT_OK(nlhl_link_set_alias(NULL, &l, "uplink side"));
	get("sa", &g);
	ck_assert_int_eq(g.attrs.mtu, 1280);
	ck_assert_int_eq(g.attrs.txqlen, 0);
	ck_assert_int_eq(g.attrs.group, 42);
	ck_assert_str_eq(g.attrs.alias, "uplink side");
	o = nlt_ip_link("sa");
	ck_assert_int_eq(nlt_jint(o, "group", -1), 42);
	ck_assert_int_eq(nlt_jint(o, "mtu", -1), 1280);
	json_object_put(o);
	/* alias "" removes it; txqlen back up. */
	NLT_OK(nlhl_link_set_alias(NULL, &l, ""));
	NLT_OK(nlhl_link_set_txqlen(NULL, &l, 500));
	get("sa", &g);
	ck_assert_str_eq(g.attrs.alias, "");
	ck_assert_int_eq(g.attrs.txqlen, 500);
	NLT_ERR(nlhl_link_set_mtu(NULL, &l, 10), -EINVAL);
	NLT_ERRMSG_HAS("link set mtu sa");
	NLT_ERR(nlhl_link_set_mtu(NULL, &l, -1), -EINVAL);
	NLT_ERR(nlhl_link_set_txqlen(NULL, &l, -1), -EINVAL);
}
END_TEST

START_TEST(set_name_and_hwaddr)
{
	struct nlhl_link l, g;
	struct nlhl_hwaddr hw;

	veth("na", "nb", &l);
	NLT_OK(nlhl_link_set_name(NULL, &l, "renamed"));
	ck_assert_int_eq(nlt_link_ifindex("na"), 0);
	ck_assert_int_eq(nlt_link_ifindex("renamed"), l.attrs.index);
	/* By name only: looked up first. */
	nlt_link_init(&g, NLHL_LINK_UNSPEC, "nb");
	NLT_OK(nlhl_link_set_name(NULL, &g, "nb2"));
	ck_assert_int_gt(nlt_link_ifindex("nb2"), 0);
	NLT_OK(nlhl_parse_mac("02:de:ad:be:ef:01", &hw));
	NLT_OK(nlhl_link_set_hardware_addr(NULL, &l, &hw));
	get("renamed", &g);
	ck_assert_mem_eq(g.attrs.hw_addr.addr, hw.addr, 6);
	NLT_ERR(nlhl_link_set_name(NULL, &l, "nb2"), -EEXIST);
	NLT_ERR(nlhl_link_set_name(NULL, &l, "0123456789abcdef"), -EINVAL);
	hw.len = 0;
	NLT_ERR(nlhl_link_set_hardware_addr(NULL, &l, &hw), -EINVAL);
}
END_TEST

static bool ip_has_flag(const char *name, const char *flag)
{
	char *s = nlt_output("ip -j link show dev %s | jq -r '.[0].flags | index(\"%s\") != null'",
			     name, flag);
	bool r = !strcmp(s, "true\n");

	free(s);
	return r;
}

START_TEST(set_flags)
{
	struct nlhl_link l, g;

	veth("fa", "fb", &l);
	NLT_OK(nlhl_set_promisc_on(NULL, &l));
	NLT_OK(nlhl_link_set_allmulticast_on(NULL, &l));
	NLT_OK(nlhl_link_set_arp_off(NULL, &l));
	NLT_OK(nlhl_link_set_multicast_off(NULL, &l));
	get("fa", &g);
	ck_assert(g.attrs.flags & IFF_PROMISC);
	ck_assert(g.attrs.flags & IFF_ALLMULTI);
	ck_assert(g.attrs.flags & IFF_NOARP);
	ck_assert(!(g.attrs.flags & IFF_MULTICAST));
	ck_assert_int_eq(g.attrs.promiscuity, 1);
	ck_assert(ip_has_flag("fa", "PROMISC"));
	ck_assert(ip_has_flag("fa", "ALLMULTI"));
	ck_assert(ip_has_flag("fa", "NOARP"));
	ck_assert(!ip_has_flag("fa", "MULTICAST"));
	NLT_OK(nlhl_set_promisc_off(NULL, &l));
	NLT_OK(nlhl_link_set_promisc_on(NULL, &l));
	NLT_OK(nlhl_link_set_promisc_off(NULL, &l));
	NLT_OK(nlhl_link_set_allmulticast_off(NULL, &l));
	NLT_OK(nlhl_link_set_arp_on(NULL, &l));
	NLT_OK(nlhl_link_set_multicast_on(NULL, &l));
	get("fa", &g);
	ck_assert(!(g.attrs.flags & (IFF_PROMISC | IFF_ALLMULTI | IFF_NOARP)));
	ck_assert(g.attrs.flags & IFF_MULTICAST);
	ck_assert(!ip_has_flag("fa", "PROMISC"));
	ck_assert(!ip_has_flag("fa", "NOARP"));
	ck_assert(ip_has_flag("fa", "MULTICAST"));
}
END_TEST

START_TEST(set_master_nomaster)
{
	struct nlhl_link l, br, g;
	struct nlhl_link *list;
	struct nlhl_link_filter f = { 0 };
	size_t n;

	veth("ma", "mb", &l);
	nlt_link_init(&br, NLHL_LINK_BRIDGE, "mbr");
	NLT_OK(nlhl_link_add(NULL, &br));
	NLT_OK(nlhl_link_set_master(NULL, &l, &br));
	get("ma", &g);
	ck_assert_int_eq(g.attrs.master_index, br.attrs.index);
	ck_assert_str_eq(g.attrs.slave_kind, "bridge");
	/* Filtered by master, and by type. */
	f.master_index = br.attrs.index;
	NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].attrs.name, "ma");
	nlhl_link_list_free(list, n);
	memset(&f, 0, sizeof(f));
	f.type = NLHL_LINK_BRIDGE;
	NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].attrs.name, "mbr");
	nlhl_link_list_free(list, n);
	memset(&f, 0, sizeof(f));
	f.kind = "veth";
	NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
	ck_assert_int_eq(n, 2);
	nlhl_link_list_free(list, n);
	memset(&f, 0, sizeof(f));
	f.type = NLHL_LINK_VETH;
	f.no_master = true;
	NLT_OK(nlhl_link_list_filtered(NULL, &f, &list, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].attrs.name, "mb");
	nlhl_link_list_free(list, n);

	NLT_OK(nlhl_link_set_no_master(NULL, &l));
	get("ma", &g);
	ck_assert_int_eq(g.attrs.master_index, 0);
	NLT_OK(nlhl_link_set_master_by_index(NULL, &l, br.attrs.index));
	{
		char *m = nlt_output("ip -j link show dev ma | jq -r '.[0].master'");
		ck_assert_str_eq(m, "mbr\n");
		free(m);
	}
	/* The kernel's answer for a master that does not exist. */
	NLT_ERR(nlhl_link_set_master_by_index(NULL, &l, 9999), -EINVAL);
	f.master_index = 5;
	f.no_master = true;
	NLT_ERR(nlhl_link_list_filtered(NULL, &f, &list, &n), -EINVAL);
}
END_TEST

START_TEST(modify_attrs)
{
	struct nlhl_link l, m, g;

	veth("oa", "ob", &l);
	nlt_link_init(&m, NLHL_LINK_UNSPEC, "oa");
	m.attrs.mtu = 1400;
	m.attrs.txqlen = NLHL_ZERO;
	m.attrs.group = 3;
	m.attrs.flags = IFF_UP;
	strcpy(m.attrs.alias, "modified");
	NLT_OK(nlhl_parse_mac("02:00:00:00:00:99", &m.attrs.hw_addr));
	NLT_OK(nlhl_link_modify(NULL, &m));
	get("oa", &g);
	ck_assert_int_eq(g.attrs.mtu, 1400);
	ck_assert_int_eq(g.attrs.txqlen, 0);
	ck_assert_int_eq(g.attrs.group, 3);
	ck_assert(g.attrs.flags & IFF_UP);
	ck_assert_str_eq(g.attrs.alias, "modified");
	ck_assert_int_eq(g.attrs.hw_addr.addr[5], 0x99);
	/* Rename through modify, by index (kernels before 6.2 refuse to
	 * rename a link that is up). */
	NLT_OK(nlhl_link_set_down(NULL, &g));
	m = g;
	m.attrs.flags &= ~IFF_UP;
	strcpy(m.attrs.name, "oc");
	NLT_OK(nlhl_link_modify(NULL, &m));
	ck_assert_int_eq(nlt_link_ifindex("oc"), l.attrs.index);
	/* A link read back modifies as it is. */
	get("oc", &g);
	NLT_OK(nlhl_link_modify(NULL, &g));
	nlt_link_init(&m, NLHL_LINK_UNSPEC, "missing");
	NLT_ERR(nlhl_link_modify(NULL, &m), -ENODEV);
}
END_TEST

START_TEST(by_alias)
{
	struct nlhl_link l, g;

	veth("aa", "ab", &l);
	NLT_SH_OK("ip link set ab alias findme");
	NLT_OK(nlhl_link_by_alias(NULL, "findme", &g));
	ck_assert_str_eq(g.attrs.name, "ab");
	nlt_link_matches_ip(&g);
	NLT_ERR(nlhl_link_by_alias(NULL, "nosuch", &g), -ENODEV);
	NLT_ERR(nlhl_link_by_alias(NULL, "", &g), -EINVAL);
	NLT_ERR(nlhl_link_by_alias(NULL, NULL, &g), -EINVAL);
}
END_TEST

START_TEST(alt_names)
{
	struct nlhl_link l, g;
	struct nlhl_altname *names;
	size_t n;
	char *s;
	const char *longname = "a-long-alternative-name-of-forty-bytes!!";

	veth("an", "ao", &l);
	NLT_OK(nlhl_link_add_alt_name(NULL, &l, longname));
	NLT_OK(nlhl_link_add_alt_name(NULL, &l, "second"));
	s = nlt_output("ip -j link show dev an | jq -r '.[0].altnames | join(\",\")'");
	ck_assert_str_eq(s, "a-long-alternative-name-of-forty-bytes!!,second\n");
	free(s);
	NLT_OK(nlhl_link_alt_names(NULL, &l, &names, &n));
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(names[0].name, longname);
	ck_assert_str_eq(names[1].name, "second");
	free(names);
	/* by_name finds alternative names, long ones too. */
	NLT_OK(nlhl_link_by_name(NULL, longname, &g));
	ck_assert_int_eq(g.attrs.index, l.attrs.index);
	NLT_OK(nlhl_link_by_name(NULL, "second", &g));
	ck_assert_int_eq(g.attrs.index, l.attrs.index);
	NLT_OK(nlhl_link_del_alt_name(NULL, &l, "second"));
	NLT_OK(nlhl_link_alt_names(NULL, &l, &names, &n));
	ck_assert_int_eq(n, 1);
	free(names);
	s = nlt_output("ip -j link show dev an | jq -r '.[0].altnames | join(\",\")'");
	ck_assert_str_eq(s, "a-long-alternative-name-of-forty-bytes!!\n");
	free(s);
	NLT_ERR(nlhl_link_del_alt_name(NULL, &l, "second"), -ENOENT);
	NLT_ERR(nlhl_link_add_alt_name(NULL, &l, ""), -EINVAL);
	/* Made by ip, read by the library. */
	NLT_SH_OK("ip link property add dev ao altname peer-alt");
	nlt_link_init(&g, NLHL_LINK_UNSPEC, "ao");
	NLT_OK(nlhl_link_alt_names(NULL, &g, &names, &n));
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(names[0].name, "peer-alt");
	free(names);
}
END_TEST

START_TEST(ns_by_fd_and_pid)
{
	struct nlhl_link l, g;
	nlhl_handle *h;
	int ns = nlhl_netns_new();
	pid_t pid;
	int pfd[2];
	char c;

	ck_assert_int_ge(ns, 0);
	veth("ta", "tb", &l);
	NLT_OK(nlhl_link_set_ns_fd(NULL, &l, ns));
	ck_assert_int_eq(nlt_link_ifindex("ta"), 0);
	NLT_OK(nlhl_handle_new_at(ns, &h));
	NLT_OK(nlhl_link_by_name(h, "ta", &g));
	ck_assert_int_ge(g.attrs.link_netnsid, 0);  /* peer left behind */
	nlhl_handle_free(h);
	NLT_ERR(nlhl_link_set_ns_fd(NULL, &l, 0), -EINVAL);  /* stdin is no netns */

	/* By pid: a child sitting in a fresh netns. */
	ck_assert_int_eq(pipe(pfd), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (unshare(CLONE_NEWNET) < 0)
			_exit(1);
		if (write(pfd[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ck_assert_int_eq(read(pfd[0], &c, 1), 1);
	nlt_link_init(&g, NLHL_LINK_UNSPEC, "tb");
	NLT_OK(nlhl_link_set_ns_pid(NULL, &g, pid));
	ck_assert_int_eq(nlt_link_ifindex("tb"), 0);
	NLT_SH_OK("nsenter --net=/proc/%d/ns/net ip link show dev tb >/dev/null", pid);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	NLT_ERR(nlhl_link_set_ns_pid(NULL, &g, 0), -EINVAL);
	close(pfd[0]);
	close(pfd[1]);
	close(ns);
}
END_TEST

START_TEST(gso_gro)
{
	struct nlhl_link l, g;
	json_object *o;

	veth("ga", "gb", &l);
	NLT_OK(nlhl_link_set_gso_max_size(NULL, &l, 32768));
	NLT_OK(nlhl_link_set_gso_max_segs(NULL, &l, 100));
	NLT_OK(nlhl_link_set_gro_max_size(NULL, &l, 16384));
	get("ga", &g);
	ck_assert_int_eq(g.attrs.gso_max_size, 32768);
	ck_assert_int_eq(g.attrs.gso_max_segs, 100);
	ck_assert_int_eq(g.attrs.gro_max_size, 16384);
	o = nlt_ip_link("ga");
	ck_assert_int_eq(nlt_jint(o, "gro_max_size", -1), 16384);
	/* IPv4 variants: kernel >= 6.3 only. */
	if (nlt_jint(o, "gso_ipv4_max_size", -1) >= 0) {
		NLT_OK(nlhl_link_set_gso_ipv4_max_size(NULL, &l, 20000));
		NLT_OK(nlhl_link_set_gro_ipv4_max_size(NULL, &l, 21000));
		get("ga", &g);
		ck_assert_int_eq(g.attrs.gso_ipv4_max_size, 20000);
		ck_assert_int_eq(g.attrs.gro_ipv4_max_size, 21000);
		json_object_put(o);
		o = nlt_ip_link("ga");
		ck_assert_int_eq(nlt_jint(o, "gso_ipv4_max_size", -1), 20000);
		ck_assert_int_eq(nlt_jint(o, "gro_ipv4_max_size", -1), 21000);
	}
	json_object_put(o);
	NLT_ERR(nlhl_link_set_gso_max_size(NULL, &l, 0x7fffffff), -EINVAL);
}
END_TEST

/* A minimal XDP program (r0 = XDP_PASS; exit) loaded with bpf(2). */
static int load_xdp_pass(void)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = XDP_PASS },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	union bpf_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_XDP;
	attr.insns = (uint64_t)(uintptr_t)insns;
	attr.insn_cnt = 2;
	attr.license = (uint64_t)(uintptr_t)"GPL";
	return (int)syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
}

START_TEST(xdp_attach_detach)
{
	struct nlhl_link l, g;
	json_object *o;
	int prog = load_xdp_pass();

	if (prog < 0)
		NLT_SKIP("bpf(BPF_PROG_LOAD) of an XDP program failed: %s", strerror(errno));
	veth("xa", "xb", &l);
	NLT_OK(nlhl_link_set_xdp_fd_with_flags(NULL, &l, prog, XDP_FLAGS_SKB_MODE));
	get("xa", &g);
	ck_assert(g.attrs.xdp.attached);
	ck_assert_int_eq(g.attrs.xdp.attach_mode, XDP_ATTACHED_SKB);
	ck_assert_int_gt(g.attrs.xdp.prog_id, 0);
	o = nlt_ip_link("xa");
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "xdp", NULL), "mode", -1), XDP_ATTACHED_SKB);
	ck_assert_int_eq(nlt_jint(nlt_jpath(o, "xdp", "prog", NULL), "id", -1), g.attrs.xdp.prog_id);
	json_object_put(o);
	/* A second attach with UPDATE_IF_NOEXIST is refused. */
	NLT_ERR(nlhl_link_set_xdp_fd_with_flags(NULL, &l, prog,
						XDP_FLAGS_SKB_MODE | XDP_FLAGS_UPDATE_IF_NOEXIST),
		-EBUSY);
	NLT_ERRMSG_HAS("link set xdp xa");
	/* Detach. */
	NLT_OK(nlhl_link_set_xdp_fd_with_flags(NULL, &l, -1, XDP_FLAGS_SKB_MODE));
	get("xa", &g);
	ck_assert(!g.attrs.xdp.attached);
	o = nlt_ip_link("xa");
	ck_assert_ptr_null(nlt_jpath(o, "xdp", NULL));
	json_object_put(o);
	/* Native (driver) mode on the veth, plain call. */
	NLT_OK(nlhl_link_set_xdp_fd(NULL, &l, prog));
	get("xa", &g);
	ck_assert_int_eq(g.attrs.xdp.attach_mode, XDP_ATTACHED_DRV);
	NLT_OK(nlhl_link_set_xdp_fd(NULL, &l, -1));
	NLT_ERR(nlhl_link_set_xdp_fd(NULL, &l, -7), -EBADF);
	close(prog);
}
END_TEST

/* Sends n Ethernet frames of len bytes out of ifindex (AF_PACKET). */
static void send_frames(int ifindex, int n, size_t len)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_ifindex = ifindex,
				   .sll_halen = 6 };
	unsigned char frame[256];
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);

	ck_assert_int_ge(fd, 0);
	ck_assert(len <= sizeof(frame));
	memset(frame, 0, sizeof(frame));
	memset(frame, 0xff, 6);                /* broadcast */
	memcpy(frame + 6, "\x02\x00\x00\x00\x00\x01", 6);
	frame[12] = 0x88;                      /* local experimental ethertype */
	frame[13] = 0xb5;
	memset(sll.sll_addr, 0xff, 6);
	for (int i = 0; i < n; i++)
		ck_assert_int_eq(sendto(fd, frame, len, 0, (struct sockaddr *)&sll, sizeof(sll)),
				 (ssize_t)len);
	close(fd);
}

START_TEST(stats64)
{
	struct nlhl_link l, a, b;
	json_object *o;

	/* No IPv6 (no DAD/RS noise): only the frames sent here count. */
	NLT_SH_OK("sysctl -qw net.ipv6.conf.default.disable_ipv6=1");
	veth("sta", "stb", &l);
	NLT_OK(nlhl_link_set_up(NULL, &l));
	NLT_OK(nlhl_link_by_name(NULL, "stb", &b));
	NLT_OK(nlhl_link_set_up(NULL, &b));
	for (int i = 0; i < 200; i++) {  /* the carrier comes asynchronously */
		NLT_OK(nlhl_link_by_name(NULL, "sta", &a));
		if (a.attrs.oper_state == NLHL_OPER_UP)
			break;
		usleep(20000);
	}
	send_frames(l.attrs.index, 7, 100);
	NLT_OK(nlhl_link_by_name(NULL, "sta", &a));
	NLT_OK(nlhl_link_by_name(NULL, "stb", &b));
	ck_assert_uint_eq(a.attrs.stats.tx_packets, 7);
	ck_assert_uint_eq(a.attrs.stats.tx_bytes, 700);
	ck_assert_uint_eq(b.attrs.stats.rx_packets, 7);
	ck_assert_uint_eq(b.attrs.stats.rx_bytes, 700);
	o = nlt_json("ip -s -j link show dev sta");
	ck_assert_int_eq(nlt_jint(nlt_jpath(json_object_array_get_idx(o, 0), "stats64", "tx", NULL),
				  "packets", -1), 7);
	ck_assert_int_eq(nlt_jint(nlt_jpath(json_object_array_get_idx(o, 0), "stats64", "tx", NULL),
				  "bytes", -1), 700);
	json_object_put(o);
}
END_TEST

struct fe {
	int n, veths;
};

static int fe_cb(const struct nlhl_link *link, void *arg)
{
	struct fe *f = arg;

	f->n++;
	if (link->type == NLHL_LINK_VETH)
		f->veths++;
	return 0;
}

static int fe_stop(const struct nlhl_link *link, void *arg)
{
	(void)link;
	return ++*(int *)arg == 2 ? -ECANCELED : 0;
}

START_TEST(foreach_streams)
{
	struct nlhl_link l;
	struct nlhl_link_filter f = { .type = NLHL_LINK_VETH };
	struct fe fe = { 0 };
	char name[16], peer[16];
	int calls = 0;
	char *s;

	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "fe%d", i);
		snprintf(peer, sizeof(peer), "fp%d", i);
		veth(name, peer, &l);
	}
	NLT_OK(nlhl_link_foreach(NULL, fe_cb, &fe));
	s = nlt_output("ip -j link show | jq length");
	ck_assert_int_eq(fe.n, atoi(s));
	free(s);
	ck_assert_int_eq(fe.veths, 100);
	memset(&fe, 0, sizeof(fe));
	NLT_OK(nlhl_link_foreach_filtered(NULL, &f, fe_cb, &fe));
	ck_assert_int_eq(fe.n, 100);
	ck_assert_int_eq(fe.veths, 100);
	NLT_ERR(nlhl_link_foreach(NULL, fe_stop, &calls), -ECANCELED);
	NLT_ERR(nlhl_link_foreach(NULL, NULL, NULL), -EINVAL);
}
END_TEST

NLT_SUITE(link_set_suite)
static Suite *link_set_suite(void)
{
	Suite *s = suite_create("link-set");
	TCase *tc = nlt_tcase(s, "setters");

	tcase_add_test(tc, set_mtu_txqlen_group_alias);
	tcase_add_test(tc, set_name_and_hwaddr);
	tcase_add_test(tc, set_flags);
	tcase_add_test(tc, set_master_nomaster);
	tcase_add_test(tc, modify_attrs);
	tcase_add_test(tc, ns_by_fd_and_pid);
	tcase_add_test(tc, gso_gro);
	tcase_add_test(tc, xdp_attach_detach);
	tcase_add_test(tc, stats64);
	tc = nlt_tcase(s, "lookups");
	tcase_add_test(tc, by_alias);
	tcase_add_test(tc, alt_names);
	tcase_add_test(tc, foreach_streams);
	return s;
}
