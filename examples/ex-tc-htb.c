/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A tc htb tree with a u32 filter: the C twin of
 *
 *	qdisc := netlink.NewHtb(netlink.QdiscAttrs{LinkIndex: idx,
 *		Handle: netlink.MakeHandle(1, 0), Parent: netlink.HANDLE_ROOT})
 *	netlink.QdiscAdd(qdisc)
 *	class := netlink.NewHtbClass(netlink.ClassAttrs{LinkIndex: idx,
 *		Parent: netlink.MakeHandle(1, 0), Handle: netlink.MakeHandle(1, 10)},
 *		netlink.HtbClassAttrs{Rate: 10 * 1000 * 1000})   // bits/s in Go
 *	netlink.ClassAdd(class)
 *	filter := &netlink.U32{FilterAttrs: netlink.FilterAttrs{LinkIndex: idx,
 *		Parent: netlink.MakeHandle(1, 0), Priority: 1, Protocol: unix.ETH_P_IP},
 *		ClassId: netlink.MakeHandle(1, 20), Sel: &netlink.TcU32Sel{...}}
 *	netlink.FilterAdd(filter)
 *
 * Differences from Go: rates are in BYTES per second (the kernel's unit;
 * nlhl_parse_rate("10mbit") gives 1250000), protocols in host byte order,
 * and u32 has IPv4 selectors (dst, dport, ...) besides raw keys.
 * Build: cc ex-tc-htb.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <stdio.h>
#include <string.h>

#define ETH_P_IP 0x0800

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

static int add_class(int ifindex, uint32_t parent, uint32_t handle, const char *rate,
		     const char *ceil)
{
	struct nlhl_class c = { .type = NLHL_CLASS_HTB };

	c.attrs.link_index = ifindex;
	c.attrs.parent = parent;
	c.attrs.handle = handle;
	if (nlhl_parse_rate(rate, &c.htb.rate) < 0 || nlhl_parse_rate(ceil, &c.htb.ceil) < 0)
		return -1;
	return nlhl_class_add(NULL, &c);
}

int main(void)
{
	struct nlhl_link veth = { .type = NLHL_LINK_VETH };
	struct nlhl_qdisc q = { .type = NLHL_QDISC_HTB };
	struct nlhl_filter f = { .type = NLHL_FILTER_U32 };
	struct nlhl_class *classes;
	size_t n;
	int idx;

	strcpy(veth.attrs.name, "tc0");
	strcpy(veth.veth.peer_name, "tc1");
	if (nlhl_link_add(NULL, &veth) < 0)
		return fail("veth");
	idx = veth.attrs.index;

	/* qdisc 1: htb default 20, at the root */
	q.attrs.link_index = idx;
	q.attrs.parent = NLHL_HANDLE_ROOT;
	q.attrs.handle = nlhl_make_handle(1, 0);
	q.htb.defcls = 0x20;
	if (nlhl_qdisc_add(NULL, &q) < 0)
		return fail("qdisc htb");

	/* 1:1 10mbit, below it 1:10 (ssh, 5..10mbit) and 1:20 (rest, 1..10mbit) */
	if (add_class(idx, nlhl_make_handle(1, 0), nlhl_make_handle(1, 1), "10mbit", "10mbit") < 0 ||
	    add_class(idx, nlhl_make_handle(1, 1), nlhl_make_handle(1, 0x10), "5mbit", "10mbit") < 0 ||
	    add_class(idx, nlhl_make_handle(1, 1), nlhl_make_handle(1, 0x20), "1mbit", "10mbit") < 0)
		return fail("classes");

	/* u32: IPv4 TCP to port 22 -> 1:10 */
	f.attrs.link_index = idx;
	f.attrs.parent = nlhl_make_handle(1, 0);
	f.attrs.priority = 1;
	f.attrs.protocol = ETH_P_IP;
	f.u32.ip_proto = 6;  /* IPPROTO_TCP */
	f.u32.dport = 22;
	f.u32.classid = nlhl_make_handle(1, 0x10);
	if (nlhl_filter_add(NULL, &f) < 0)
		return fail("u32 filter");

	if (nlhl_class_list_by_index(NULL, idx, 0, &classes, &n) < 0)
		return fail("class list");
	for (size_t i = 0; i < n; i++) {
		char h[NLHL_HANDLE_STRLEN], p[NLHL_HANDLE_STRLEN], r[32];

		nlhl_format_handle(classes[i].attrs.handle, h, sizeof(h));
		nlhl_format_handle(classes[i].attrs.parent, p, sizeof(p));
		nlhl_format_rate(classes[i].htb.rate, r, sizeof(r));
		printf("class htb %s parent %s rate %s\n", h, p, r);
	}
	nlhl_class_list_free(classes, n);
	printf("filter u32 tcp dport 22 -> 1:10\n");
	return 0;
}
