/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A bridge with a veth enslaved: the C twin of vishvananda/netlink's
 * README example
 *
 *	la := netlink.NewLinkAttrs()
 *	la.Name = "br0"
 *	br := &netlink.Bridge{LinkAttrs: la}
 *	netlink.LinkAdd(br)
 *	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: "veth0"}, PeerName: "veth1"}
 *	netlink.LinkAdd(veth)
 *	netlink.LinkSetMaster(veth, br)
 *	netlink.LinkSetUp(br); netlink.LinkSetUp(veth)
 *
 * No NewLinkAttrs(): a zeroed struct is "everything at the kernel's
 * default", and nlhl_link_add() writes the new ifindex back.
 * Build: cc ex-bridge-veth.c $(pkg-config --cflags --libs netlinkhl)
 */
#include <netlinkhl.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s\n", what, nlhl_errmsg());
	return 1;
}

int main(void)
{
	struct nlhl_link br = { .type = NLHL_LINK_BRIDGE };
	struct nlhl_link veth = { .type = NLHL_LINK_VETH };
	struct nlhl_link got;

	strcpy(br.attrs.name, "br0");
	if (nlhl_link_add(NULL, &br) < 0)  /* NULL: the default handle */
		return fail("add br0");

	strcpy(veth.attrs.name, "veth0");
	strcpy(veth.veth.peer_name, "veth1");
	if (nlhl_link_add(NULL, &veth) < 0)
		return fail("add veth0");

	if (nlhl_link_set_master(NULL, &veth, &br) < 0)
		return fail("enslave veth0");
	if (nlhl_link_set_up(NULL, &br) < 0 || nlhl_link_set_up(NULL, &veth) < 0)
		return fail("set up");

	/* Read back: veth0's master is br0's index. */
	if (nlhl_link_by_name(NULL, "veth0", &got) < 0)
		return fail("veth0");
	printf("br0 index %d\n", br.attrs.index);
	printf("veth0 index %d master %d\n", got.attrs.index, got.attrs.master_index);
	return got.attrs.master_index == br.attrs.index ? 0 : 1;
}
