/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private link interface: message <-> struct nlhl_link, shared by the link
 * family files (lib/link*.c), the event monitor, batches and fuzz targets.
 */
#ifndef NLHL_INTERNAL_LINK_H
#define NLHL_INTERNAL_LINK_H

#include "internal.h"
#include "internal-attr.h"
#include "netlinkhl/link.h"

#include <string.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>

/* IFLA_* newer than the build's <linux/if_link.h> (6.1 on bookworm). */
#define NLHL_IFLA_GSO_IPV4_MAX_SIZE 63
#define NLHL_IFLA_GRO_IPV4_MAX_SIZE 64
#define NLHL_IFLA_MAX 70

/*
 * Parses one RTM_NEWLINK message (as answered by RTM_GETLINK, echoed or
 * multicast) into *ret (fully overwritten).  Returns 0, or -EBADMSG for a
 * message that is not a well-formed link message: callers drop such a link
 * rather than use it half filled.  RTM_DELLINK messages parse the same way.
 */
NLHL_INTERNAL int nlhl__link_parse(const struct nlmsghdr *nlh, struct nlhl_link *ret);

/* Test hook: behave as on kernels before 6.3, which do not echo
 * RTM_NEWLINK (nlhl_link_add then looks the new link up by name). */
extern NLHL_INTERNAL bool nlhl__link_no_echo;

/* What nlhl__link_msg builds. */
enum nlhl__link_op {
	NLHL__LINK_CREATE,  /* RTM_NEWLINK, CREATE|EXCL, every set attribute */
	NLHL__LINK_MODIFY,  /* RTM_NEWLINK, every set attribute */
	NLHL__LINK_SET,     /* RTM_SETLINK, header only: caller adds attributes */
	NLHL__LINK_DEL,     /* RTM_DELLINK, identity only */
	NLHL__LINK_GET,     /* RTM_GETLINK, identity only */
};

/*
 * Builds the request of op for link (identified by attrs.index, else by
 * attrs.name).  Checks the link's fields first (names, kind, type options)
 * and fails with nlhl__fail(-EINVAL, "<opname> ...").  *ret is the caller's
 * (nlmsg_free).  Used by nlhl_link_add/modify/del/..., and by batches.
 */
NLHL_INTERNAL int nlhl__link_msg(enum nlhl__link_op op, const struct nlhl_link *link,
				 const char *opname, struct nl_msg **ret);

/* "link set up veth0": the link's name or #index, for error messages. */
NLHL_INTERNAL const char *nlhl__link_id(const struct nlhl_link *link, char *buf, size_t size);

/* Type options of one kind: put inside IFLA_INFO_DATA, parse from it. */
struct nlhl__link_kind {
	enum nlhl_link_type type;
	const char *kind;
	/* Validation before any message is built; may be NULL. */
	int (*check)(const struct nlhl_link *link, const char *op, bool create);
	/* Writes the IFLA_INFO_DATA attributes; NULL: the kind has none. */
	int (*put)(struct nl_msg *msg, const struct nlhl_link *link, bool create);
	/* Reads IFLA_INFO_DATA (data may be NULL: the kernel sent none). */
	int (*parse)(const struct nlattr *data, struct nlhl_link *link);
};

NLHL_INTERNAL const struct nlhl__link_kind *nlhl__link_kind_by_type(enum nlhl_link_type type);
NLHL_INTERNAL const struct nlhl__link_kind *nlhl__link_kind_by_name(const char *kind);

/* The kinds of each family file. */
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_veth;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_bridge;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_vlan;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_macvlan;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_macvtap;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ipvlan;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ipvtap;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_vxlan;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_geneve;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_bond;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_tuntap;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_gre;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_gretap;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ip6gre;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ip6gretap;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ipip;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_sit;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_ip6tnl;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_vti;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_vti6;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_vrf;
extern NLHL_INTERNAL const struct nlhl__link_kind nlhl__kind_netkit;

/* Bridge port options (IFLA_BRPORT_*) <-> struct nlhl_bridge_port. */
NLHL_INTERNAL int nlhl__brport_put(struct nl_msg *msg, const struct nlhl_bridge_port *p);
NLHL_INTERNAL void nlhl__brport_parse(const struct nlattr *data, struct nlhl_bridge_port *p);
NLHL_INTERNAL void nlhl__bond_slave_parse(const struct nlattr *data, struct nlhl_bond_slave *s);

/* The ifindex of link: attrs.index, or one RTM_GETLINK by attrs.name
 * (requests that the kernel accepts only by index). */
NLHL_INTERNAL int nlhl__link_index(nlhl_handle *h, const struct nlhl_link *link,
				   const char *op, int *ret);
/* Sends msg, failing with "<op> <link id>: ..." and the kernel's text. */
NLHL_INTERNAL int nlhl__link_send(nlhl_handle *h, struct nl_msg *msg,
				  const struct nlhl_link *link, const char *op);

/* tun/tap creation through /dev/net/tun (lib/link-tuntap.c). */
NLHL_INTERNAL int nlhl__tuntap_add(nlhl_handle *h, struct nlhl_link *link);

/* ------------------------------------------------ attribute helpers
 * (the length-checked readers are in internal-attr.h) */

/* A u8 flag attribute as NLHL_ON/NLHL_OFF (absent: 0). */
static inline nlhl_opt nlhl__get_opt(const struct nlattr *a)
{
	if (!a || nla_len(a) < 1)
		return 0;
	return nla_get_u8((struct nlattr *)a) ? NLHL_ON : NLHL_OFF;
}
/* Puts a u8 for a set nlhl_opt. */
static inline int nlhl__put_opt(struct nl_msg *msg, int type, nlhl_opt v)
{
	return v ? nla_put_u8(msg, type, v > 0) : 0;
}
/* Puts a u32 for a set "NLHL_ZERO-able" int. */
static inline int nlhl__put_zint(struct nl_msg *msg, int type, int32_t v)
{
	if (!v)
		return 0;
	return nla_put_u32(msg, type, v == NLHL_ZERO ? 0 : (uint32_t)v);
}

#endif
