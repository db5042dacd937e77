/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Neighbours and bridge fdb entries: struct nlhl_neigh <-> RTM_*NEIGH
 * messages (built with nla_put, parsed with the core readers) and the public
 * calls on top of the core's request and dump loops.  No libnl neighbour
 * objects or caches.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "internal-attr.h"
#include "internal-neigh.h"

#define NEIGH_FILTER_ALL ((NLHL_NEIGH_FILTER_PROXY << 1) - 1)
#define VLAN_ID_MAX 4094
#define VNI_MAX 0xffffffu

/* ------------------------------------------------------------ text */

const char *nlhl__neigh_op(int type, int flags, int family)
{
	bool fdb = family == AF_BRIDGE;

	if (type == RTM_DELNEIGH)
		return fdb ? "fdb del" : "neigh del";
	if (type == RTM_GETNEIGH)
		return fdb ? "fdb list" : "neigh list";
	if (flags & NLM_F_REPLACE)
		return fdb ? "fdb replace" : "neigh set";
	if (flags & NLM_F_APPEND)
		return fdb ? "fdb append" : "neigh append";
	return fdb ? "fdb add" : "neigh add";
}

void nlhl__neigh_describe(const struct nlhl_neigh *n, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN] = "", mac[NLHL_HWADDR_STRLEN] = "";
	int off;

	if (nlhl__family_len(n->ip.family))
		inet_ntop(n->ip.family, n->ip.addr, ip, sizeof(ip));
	if (n->hw_addr.len && n->hw_addr.len <= NLHL_HWADDR_MAX)
		nlhl_format_hwaddr(&n->hw_addr, mac, sizeof(mac));
	if (n->family == AF_BRIDGE) {
		off = snprintf(buf, size, "%s dev %d", mac[0] ? mac : "(no lladdr)", n->link_index);
		if (n->vlan && off >= 0 && (size_t)off < size)
			off += snprintf(buf + off, size - off, " vlan %u", n->vlan);
		if (ip[0] && off >= 0 && (size_t)off < size)
			snprintf(buf + off, size - off, " dst %s", ip);
		return;
	}
	snprintf(buf, size, "%s dev %d", ip[0] ? ip : "(no ip)", n->link_index);
}

/* ------------------------------------------------------------ build */

static int neigh_family(const struct nlhl_neigh *n)
{
	return n->family ? n->family : n->ip.family;
}

static int check(int type, int flags, const struct nlhl_neigh *n, int family)
{
	const char *op = nlhl__neigh_op(type, flags, family);
	bool proxy = n->flags & NTF_PROXY;
	char what[128];

	nlhl__neigh_describe(n, what, sizeof(what));
	if (family != AF_INET && family != AF_INET6 && family != AF_BRIDGE)
		return nlhl__fail(-EINVAL, "%s %s: family %d is not AF_INET, AF_INET6 or AF_BRIDGE%s",
				  op, what, family, n->family ? "" : " (and ip is unset)");
	if (n->link_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative link index", op, what);
	if (n->via_index < 0)
		return nlhl__fail(-EINVAL, "%s %s: negative via index", op, what);
	if (n->ip.family && !nlhl__family_len(n->ip.family))
		return nlhl__fail(-EINVAL, "%s %s: ip has unknown family %d", op, what, n->ip.family);
	if (n->hw_addr.len > NLHL_HWADDR_MAX)
		return nlhl__fail(-EINVAL, "%s %s: lladdr length %u is over %d", op, what,
				  n->hw_addr.len, NLHL_HWADDR_MAX);
	if (n->vlan > VLAN_ID_MAX)
		return nlhl__fail(-EINVAL, "%s %s: vlan %u is out of range 1-%d", op, what, n->vlan,
				  VLAN_ID_MAX);
	if (n->vni > VNI_MAX || n->src_vni > VNI_MAX)
		return nlhl__fail(-EINVAL, "%s %s: vni is over 24 bits", op, what);
	if (family == AF_BRIDGE) {
		if (proxy)
			return nlhl__fail(-EINVAL, "%s %s: fdb entries cannot be proxy entries", op, what);
		if (!n->link_index)
			return nlhl__fail(-EINVAL, "%s %s: link_index is required", op, what);
		if (n->hw_addr.len != 6)
			return nlhl__fail(-EINVAL, "%s %s: an fdb entry needs a 6-byte lladdr", op, what);
		return 0;
	}
	if (n->vlan || n->vni || n->src_vni || n->port || n->via_index || n->nh_id)
		return nlhl__fail(-EINVAL, "%s %s: vlan, vni, src_vni, port, via and nh_id are for "
				  "AF_BRIDGE fdb entries only", op, what);
	if (!n->ip.family)
		return nlhl__fail(-EINVAL, "%s %s: ip is required", op, what);
	if (n->ip.family != family)
		return nlhl__fail(-EINVAL, "%s %s: ip is not of family %d", op, what, family);
	if (!n->link_index && !proxy)
		return nlhl__fail(-EINVAL, "%s %s: link_index is required", op, what);
	return 0;
}

int nlhl__neigh_build(int type, int flags, const struct nlhl_neigh *n, struct nl_msg **ret)
{
	struct ndmsg ndm = { 0 };
	struct nl_msg *msg;
	int family, err;

	if (!n)
		return nlhl__fail(-EINVAL, "%s: neigh is NULL",
				  type == RTM_DELNEIGH ? "neigh del" : "neigh add");
	family = neigh_family(n);
	err = check(type, flags, n, family);
	if (err)
		return err;

	ndm.ndm_family = family;
	ndm.ndm_ifindex = n->link_index;
	ndm.ndm_state = n->state;
	ndm.ndm_flags = n->flags;
	ndm.ndm_type = n->type;
	/* An entry of a bridge device's own table reads back with the bridge
	 * as its master and no flag; only SELF reaches that table again. */
	if (family == AF_BRIDGE && !(n->flags & (NTF_SELF | NTF_MASTER)) &&
	    n->master_index && n->master_index == n->link_index)
		ndm.ndm_flags |= NTF_SELF;
	/* The tools' defaults: `ip neigh add` is permanent, and so is `bridge
	 * fdb add` (NOARP|PERMANENT); the kernel refuses an fdb entry without
	 * a state.  A managed entry is resolved by the kernel: no state. */
	if (type == RTM_NEWNEIGH && !ndm.ndm_state && !(n->flags & NTF_PROXY) &&
	    !(n->flags_ext & NTF_EXT_MANAGED))
		ndm.ndm_state = family == AF_BRIDGE ? NUD_NOARP | NUD_PERMANENT : NUD_PERMANENT;

	msg = nlmsg_alloc_simple(type, flags);
	if (!msg)
		return nlhl__fail(-ENOMEM, "neigh: out of memory");
	if (nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0)
		goto nomem;
	if (n->ip.family && nla_put(msg, NDA_DST, nlhl__family_len(n->ip.family), n->ip.addr) < 0)
		goto nomem;
	if (n->hw_addr.len && nla_put(msg, NDA_LLADDR, n->hw_addr.len, n->hw_addr.addr) < 0)
		goto nomem;
	if (n->vlan && nla_put_u16(msg, NDA_VLAN, n->vlan) < 0)
		goto nomem;
	if (n->port && nla_put_u16(msg, NDA_PORT, htons(n->port)) < 0)
		goto nomem;
	if (n->vni && nla_put_u32(msg, NDA_VNI, n->vni) < 0)
		goto nomem;
	if (n->src_vni && nla_put_u32(msg, NDA_SRC_VNI, n->src_vni) < 0)
		goto nomem;
	if (n->via_index && nla_put_u32(msg, NDA_IFINDEX, (uint32_t)n->via_index) < 0)
		goto nomem;
	if (n->nh_id && nla_put_u32(msg, NDA_NH_ID, n->nh_id) < 0)
		goto nomem;
	if (n->protocol && nla_put_u8(msg, NDA_PROTOCOL, n->protocol) < 0)
		goto nomem;
	if (n->flags_ext && nla_put_u32(msg, NDA_FLAGS_EXT, n->flags_ext) < 0)
		goto nomem;
	*ret = msg;
	return 0;
nomem:
	nlmsg_free(msg);
	return nlhl__fail(-ENOMEM, "neigh: message too large");
}

/* ------------------------------------------------------------ parse */

int nlhl__neigh_parse(const struct nlmsghdr *nlh, struct nlhl_neigh *ret)
{
	struct nlattr *tb[NDA_MAX + 1];
	const struct ndmsg *ndm;
	struct nlhl_neigh n = { 0 };

	if (!nlh || nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(*ndm) ||
	    (nlh->nlmsg_type != RTM_NEWNEIGH && nlh->nlmsg_type != RTM_DELNEIGH))
		return -EPROTO;
	ndm = nlmsg_data(nlh);
	if (ndm->ndm_family != AF_INET && ndm->ndm_family != AF_INET6 &&
	    ndm->ndm_family != AF_BRIDGE)
		return -EAFNOSUPPORT;
	if (ndm->ndm_ifindex < 0)
		return -EPROTO;
	if (nlhl__parse_msg(tb, NDA_MAX, nlh, sizeof(*ndm)) < 0)
		return -EPROTO;

	n.family = ndm->ndm_family;
	n.link_index = ndm->ndm_ifindex;
	n.state = ndm->ndm_state;
	n.flags = ndm->ndm_flags;
	n.type = ndm->ndm_type;
	if (tb[NDA_DST]) {
		int len = nla_len(tb[NDA_DST]);

		if (len == 4)
			n.ip.family = AF_INET;
		else if (len == 16)
			n.ip.family = AF_INET6;
		else
			return -EPROTO;
		memcpy(n.ip.addr, nla_data(tb[NDA_DST]), len);
	}
	if (tb[NDA_LLADDR]) {
		int len = nla_len(tb[NDA_LLADDR]);

		if (len < 0 || len > NLHL_HWADDR_MAX)
			return -EPROTO;
		n.hw_addr.len = (uint8_t)len;
		memcpy(n.hw_addr.addr, nla_data(tb[NDA_LLADDR]), len);
	}
	if (tb[NDA_CACHEINFO] && nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo)) {
		struct nda_cacheinfo ci;

		memcpy(&ci, nla_data(tb[NDA_CACHEINFO]), sizeof(ci));
		n.confirmed = ci.ndm_confirmed;
		n.used = ci.ndm_used;
		n.updated = ci.ndm_updated;
	}
	n.probes = nlhl__get_u32(tb[NDA_PROBES]);
	n.vlan = nlhl__get_u16(tb[NDA_VLAN]);
	n.port = ntohs(nlhl__get_u16(tb[NDA_PORT]));
	n.vni = nlhl__get_u32(tb[NDA_VNI]);
	n.src_vni = nlhl__get_u32(tb[NDA_SRC_VNI]);
	n.via_index = (int)nlhl__get_u32(tb[NDA_IFINDEX]);
	n.master_index = (int)nlhl__get_u32(tb[NDA_MASTER]);
	n.link_netnsid = (int32_t)nlhl__get_u32_or(tb[NDA_LINK_NETNSID], (uint32_t)-1);
	n.protocol = nlhl__get_u8(tb[NDA_PROTOCOL]);
	n.nh_id = nlhl__get_u32(tb[NDA_NH_ID]);
	n.flags_ext = nlhl__get_u32(tb[NDA_FLAGS_EXT]);
	*ret = n;
	return 0;
}

/* ------------------------------------------------------------ changes */

static int neigh_change(nlhl_handle *h, int type, int flags, const struct nlhl_neigh *neigh)
{
	struct nl_msg *msg;
	char what[128];
	int err;

	err = nlhl__neigh_build(type, flags, neigh, &msg);
	if (err)
		return err;
	err = nlhl__request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	if (err < 0) {
		nlhl__neigh_describe(neigh, what, sizeof(what));
		return nlhl__fail_req(err, "%s %s", nlhl__neigh_op(type, flags, neigh_family(neigh)),
				      what);
	}
	return 0;
}

NLHL_API int nlhl_neigh_add(nlhl_handle *h, const struct nlhl_neigh *neigh)
{
	return neigh_change(h, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, neigh);
}

NLHL_API int nlhl_neigh_set(nlhl_handle *h, const struct nlhl_neigh *neigh)
{
	return neigh_change(h, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, neigh);
}

NLHL_API int nlhl_neigh_append(nlhl_handle *h, const struct nlhl_neigh *neigh)
{
	return neigh_change(h, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND, neigh);
}

NLHL_API int nlhl_neigh_del(nlhl_handle *h, const struct nlhl_neigh *neigh)
{
	return neigh_change(h, RTM_DELNEIGH, 0, neigh);
}

/* ------------------------------------------------------------ dumps */

static bool neigh_matches(const struct nlhl_neigh *n, const struct nlhl_neigh *f, uint32_t m)
{
	if ((m & NLHL_NEIGH_FILTER_LINK) && f->link_index && n->link_index != f->link_index)
		return false;
	if ((m & NLHL_NEIGH_FILTER_STATE) &&
	    (f->state ? !(n->state & f->state) : n->state != 0))
		return false;
	if ((m & NLHL_NEIGH_FILTER_FLAGS) && (n->flags & f->flags) != f->flags)
		return false;
	if ((m & NLHL_NEIGH_FILTER_IP) &&
	    (n->ip.family != f->ip.family ||
	     memcmp(n->ip.addr, f->ip.addr, nlhl__family_len(f->ip.family))))
		return false;
	if ((m & NLHL_NEIGH_FILTER_HWADDR) &&
	    (n->hw_addr.len != f->hw_addr.len ||
	     memcmp(n->hw_addr.addr, f->hw_addr.addr, n->hw_addr.len)))
		return false;
	if ((m & NLHL_NEIGH_FILTER_VLAN) && n->vlan != f->vlan)
		return false;
	if ((m & NLHL_NEIGH_FILTER_VNI) && n->vni != f->vni)
		return false;
	return true;
}

/* One dump's parameters and sink: a growing array (list) or the user's
 * callback (foreach). */
struct neigh_dump {
	struct nlhl__vec vec;  /* of struct nlhl_neigh; first: nlhl__vec_reset */
	const char *op;
	int family;
	const struct nlhl_neigh *filter;
	uint32_t mask;
	nlhl_neigh_cb cb;
	void *arg;
};

static int neigh_collect(const struct nlmsghdr *nlh, void *arg)
{
	struct neigh_dump *d = arg;
	struct nlhl_neigh n, *slot;
	int err;

	if (nlh->nlmsg_type != RTM_NEWNEIGH)
		return 0;
	err = nlhl__neigh_parse(nlh, &n);
	if (err == -EAFNOSUPPORT)
		return 0;
	if (err)
		return nlhl__vec_failed(&d->vec, nlhl__fail(err, "%s: malformed neighbour message "
							    "from the kernel", d->op));
	if (d->family != AF_UNSPEC && n.family != d->family)
		return 0;
	if (d->mask && !neigh_matches(&n, d->filter, d->mask))
		return 0;
	if (d->cb) {
		err = d->cb(&n, d->arg);
		if (err < 0)
			return nlhl__vec_failed(&d->vec, nlhl__fail(err, "%s: the callback stopped "
								    "the dump", d->op));
		return 0;
	}
	slot = nlhl__vec_push(&d->vec);
	if (!slot)
		return nlhl__vec_failed(&d->vec, nlhl__fail(-ENOMEM, "%s: out of memory", d->op));
	*slot = n;
	return 0;
}

static int check_dump_args(const char *op, int family, const struct nlhl_neigh *filter,
			   uint32_t mask)
{
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6 && family != AF_BRIDGE)
		return nlhl__fail(-EINVAL, "%s: family %d is not AF_INET, AF_INET6, AF_BRIDGE or "
				  "AF_UNSPEC", op, family);
	if (mask & ~NEIGH_FILTER_ALL)
		return nlhl__fail(-EINVAL, "%s: unknown filter bits 0x%x", op,
				  mask & ~NEIGH_FILTER_ALL);
	if (mask && !filter)
		return nlhl__fail(-EINVAL, "%s: filter is NULL but the mask is 0x%x", op, mask);
	if ((mask & NLHL_NEIGH_FILTER_PROXY) && family == AF_BRIDGE)
		return nlhl__fail(-EINVAL, "%s: the fdb has no proxy entries", op);
	if ((mask & NLHL_NEIGH_FILTER_LINK) && filter->link_index < 0)
		return nlhl__fail(-EINVAL, "%s: negative link index", op);
	if ((mask & NLHL_NEIGH_FILTER_MASTER) && filter->master_index < 0)
		return nlhl__fail(-EINVAL, "%s: negative master index", op);
	return 0;
}

/* The dump request: a zeroed ndmsg (strict checking refuses anything else
 * but NTF_PROXY) and the device filters as attributes. */
static int dump_msg(int family, const struct nlhl_neigh *f, uint32_t mask, struct nl_msg **ret)
{
	struct ndmsg ndm = { .ndm_family = (uint8_t)family };
	struct nl_msg *msg;

	if (mask & NLHL_NEIGH_FILTER_PROXY)
		ndm.ndm_flags = NTF_PROXY;
	msg = nlmsg_alloc_simple(RTM_GETNEIGH, 0);
	if (!msg)
		return -ENOMEM;
	if (nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0 ||
	    ((mask & NLHL_NEIGH_FILTER_LINK) && f->link_index &&
	     nla_put_u32(msg, NDA_IFINDEX, (uint32_t)f->link_index) < 0) ||
	    ((mask & NLHL_NEIGH_FILTER_MASTER) && f->master_index &&
	     nla_put_u32(msg, NDA_MASTER, (uint32_t)f->master_index) < 0)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	*ret = msg;
	return 0;
}

static int run_dump(nlhl_handle *h, struct neigh_dump *d, bool restartable)
{
	struct nl_msg *msg;
	int err;

	err = dump_msg(d->family, d->filter, d->mask, &msg);
	if (err)
		return nlhl__fail(err, "%s: out of memory", d->op);
	err = nlhl__dump(h, msg, neigh_collect, restartable ? nlhl__vec_reset : NULL, d);
	nlmsg_free(msg);
	if (err < 0 && !d->vec.described)
		return nlhl__fail_req(err, "%s", d->op);
	return err;
}

static int link_exists_cb(const struct nlmsghdr *nlh, void *arg)
{
	return 0;
}

/* 1: link index exists, 0: it does not, or a negative errno. */
static int link_exists(nlhl_handle *h, int index)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = index };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	int err;

	if (!msg)
		return -ENOMEM;
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = nlhl__request(h, msg, link_exists_cb, NULL);
	nlmsg_free(msg);
	if (err == -ENODEV)
		return 0;
	return err < 0 ? err : 1;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int nlhl__neigh_drop_vanished(nlhl_handle *h, struct nlhl_neigh *list, size_t *n)
{
	int *idx, *gone;
	size_t ni = 0, ng = 0, out = 0;
	int err = 0;

	if (!*n)
		return 0;
	idx = malloc(*n * sizeof(*idx));
	gone = malloc(*n * sizeof(*gone));
	if (!idx || !gone) {
		free(idx);
		free(gone);
		return -ENOMEM;
	}
	for (size_t i = 0; i < *n; i++)
		if (list[i].link_index > 0)
			idx[ni++] = list[i].link_index;
	qsort(idx, ni, sizeof(*idx), cmp_int);
	for (size_t i = 0; i < ni; i++) {
		int r;

		if (i && idx[i] == idx[i - 1])
			continue;
		r = link_exists(h, idx[i]);
		if (r < 0) {
			err = r;
			goto out;
		}
		if (!r)
			gone[ng++] = idx[i];
	}
	for (size_t i = 0; i < *n; i++) {
		int key = list[i].link_index;

		if (key > 0 && ng && bsearch(&key, gone, ng, sizeof(*gone), cmp_int))
			continue;
		list[out++] = list[i];
	}
	*n = out;
out:
	free(idx);
	free(gone);
	return err;
}

NLHL_API int nlhl_neigh_list_filtered(nlhl_handle *h, int family, const struct nlhl_neigh *filter,
				      uint32_t mask, struct nlhl_neigh **ret, size_t *ret_n)
{
	struct neigh_dump d = { .vec = NLHL__VEC(struct nlhl_neigh), .family = family,
				.filter = filter, .mask = mask };
	nlhl_handle *use;
	int err;

	d.op = family == AF_BRIDGE ? "fdb list" : "neigh list";
	NLHL_CHECK_PTR(ret, d.op);
	NLHL_CHECK_PTR(ret_n, d.op);
	err = check_dump_args(d.op, family, filter, mask);
	if (err)
		return err;
	/* One socket for the dump and the link checks after it. */
	err = nlhl__handle_acquire(h, &use);
	if (err < 0)
		return nlhl__fail(err, "%s: cannot open a netlink socket", d.op);
	err = run_dump(use, &d, true);
	if (!err) {
		err = nlhl__neigh_drop_vanished(use, d.vec.items, &d.vec.n);
		if (err)
			nlhl__fail_req(err, "%s: checking the entries' links", d.op);
	}
	nlhl__handle_release(h, use);
	if (err)
		nlhl__vec_failed(&d.vec, err);  /* described above */
	return nlhl__vec_end(&d.vec, err, d.op, ret, ret_n);
}

NLHL_API int nlhl_neigh_list(nlhl_handle *h, int link_index, int family,
			     struct nlhl_neigh **ret, size_t *ret_n)
{
	struct nlhl_neigh f = { .link_index = link_index };

	if (link_index < 0)
		return nlhl__fail(-EINVAL, "neigh list: negative link index %d", link_index);
	return nlhl_neigh_list_filtered(h, family, &f, link_index ? NLHL_NEIGH_FILTER_LINK : 0,
					ret, ret_n);
}

NLHL_API void nlhl_neigh_list_free(struct nlhl_neigh *list, size_t n)
{
	(void)n;
	free(list);
}

NLHL_API int nlhl_neigh_foreach(nlhl_handle *h, int family, const struct nlhl_neigh *filter,
				uint32_t mask, nlhl_neigh_cb cb, void *arg)
{
	struct neigh_dump d = { .family = family, .filter = filter, .mask = mask,
				.cb = cb, .arg = arg };
	int err;

	d.op = family == AF_BRIDGE ? "fdb foreach" : "neigh foreach";
	NLHL_CHECK_PTR(cb, d.op);
	err = check_dump_args(d.op, family, filter, mask);
	if (err)
		return err;
	return run_dump(h, &d, false);
}

/* ---------------------------------------------------------------- codec */

#include <stddef.h>

#include "internal-codec.h"

static int codec_parse(const struct nlmsghdr *nlh, void *obj)
{
	return nlhl__neigh_parse(nlh, obj);
}

static int codec_build(int type, int flags, const void *obj, const char *op,
		       struct nl_msg **ret)
{
	(void)op;
	return nlhl__neigh_build(type, flags, obj, ret);
}

static void codec_describe(const struct nlmsghdr *nlh, char *buf, size_t size)
{
	struct nlhl_neigh n;
	char what[128];

	if (nlhl__neigh_parse(nlh, &n) < 0) {
		snprintf(buf, size, "%s", nlhl__neigh_op(nlh->nlmsg_type, nlh->nlmsg_flags, 0));
		return;
	}
	nlhl__neigh_describe(&n, what, sizeof(what));
	snprintf(buf, size, "%s %s", nlhl__neigh_op(nlh->nlmsg_type, nlh->nlmsg_flags, n.family),
		 what);
}

static const uint16_t volatile_attrs[] = { NDA_CACHEINFO, NDA_PROBES };

/* A neighbour is its link and address; a bridge fdb entry also its MAC,
 * VLAN, VNI and whether it is the bridge's or the device's own. */
static bool codec_key(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content)
{
	const struct nlattr *tb[NLHL_CODEC_MAX_ATTR];
	struct ndmsg ndm;

	nlhl__codec_hdr(nlh, &ndm, sizeof(ndm));
	if (ndm.ndm_flags & NTF_PROXY)
		return false;  /* proxies have their own dump */
	nlhl__codec_attrs(nlh, sizeof(ndm), tb);
	nlhl__key_put(k, &ndm.ndm_family, 1);
	nlhl__key_put(k, &ndm.ndm_ifindex, sizeof(ndm.ndm_ifindex));
	nlhl__key_attr(k, tb[NDA_DST], NDA_DST);
	if (ndm.ndm_family == AF_BRIDGE) {
		uint8_t master = ndm.ndm_flags & (NTF_SELF | NTF_MASTER);

		nlhl__key_put(k, &master, 1);
		nlhl__key_attr(k, tb[NDA_LLADDR], NDA_LLADDR);
		nlhl__key_attr(k, tb[NDA_VLAN], NDA_VLAN);
		nlhl__key_attr(k, tb[NDA_VNI], NDA_VNI);
	}
	*content = nlhl__content_hash(nlh, &ndm, sizeof(ndm), volatile_attrs,
				      NLHL_ARRAY_SIZE(volatile_attrs));
	return true;
}

const struct nlhl__codec nlhl__neigh_codec = {
	.name = "neigh",
	.new_type = RTM_NEWNEIGH, .del_type = RTM_DELNEIGH, .get_type = RTM_GETNEIGH,
	.hdrlen = sizeof(struct ndmsg),
	.object = NLHL_OBJ_NEIGH, .group_bit = NLHL_MONITOR_NEIGH,
	.groups = { { NLHL_MONITOR_NEIGH, RTNLGRP_NEIGH, AF_UNSPEC } },
	.obj_size = sizeof(struct nlhl_neigh),
	.parse = codec_parse, .build = codec_build, .describe = codec_describe,
	.key = codec_key, .key_tag = 'N', .ifindex_off = offsetof(struct ndmsg, ndm_ifindex),
};
