/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* VRF devices (IFLA_VRF_TABLE); ports join with nlhl_link_set_master(). */
#include "internal-link.h"

static int vrf_check(const struct nlhl_link *link, const char *op, bool create)
{
	if (create && !link->vrf.table)
		return nlhl__fail(-EINVAL, "%s %s: vrf needs a table", op, link->attrs.name);
	return 0;
}

static int vrf_put(struct nl_msg *msg, const struct nlhl_link *link, bool create)
{
	/* The kernel refuses to change the table of an existing vrf. */
	if (!create || !link->vrf.table)
		return 0;
	return nla_put_u32(msg, IFLA_VRF_TABLE, link->vrf.table) < 0 ? -EMSGSIZE : 0;
}

static int vrf_parse(const struct nlattr *data, struct nlhl_link *link)
{
	struct nlattr *tb[IFLA_VRF_MAX + 1];

	if (!data)
		return 0;
	if (nlhl__parse_nested(tb, IFLA_VRF_MAX, data) < 0)
		return -EBADMSG;
	link->vrf.table = nlhl__get_u32(tb[IFLA_VRF_TABLE]);
	return 0;
}

const struct nlhl__link_kind nlhl__kind_vrf = {
	.type = NLHL_LINK_VRF,
	.kind = "vrf",
	.check = vrf_check,
	.put = vrf_put,
	.parse = vrf_parse,
};
