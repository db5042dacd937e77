/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The object kinds the event monitor knows, read from the families'
 * codecs (lib/codecs.c): groups, dump requests, identity keys and content
 * hashes.  The families own what their messages mean; this file only walks
 * the table.
 */
#define _GNU_SOURCE
#include <string.h>
#include <linux/rtnetlink.h>

#include "internal-monitor.h"

const struct nlhl__codec *nlhl__mon_kind_of(uint16_t type)
{
	const struct nlhl__codec *c = nlhl__codec_of(type);

	return c && c->object != NLHL_OBJ_NONE ? c : NULL;
}

bool nlhl__mon_is_del(uint16_t type)
{
	const struct nlhl__codec *c = nlhl__mon_kind_of(type);

	return c && c->del_type == type;
}

/* ------------------------------------------------------------- groups */

int nlhl__mon_rtnl_groups(uint32_t groups, unsigned int *out)
{
	int n = 0;

	for (const struct nlhl__codec *const *c = nlhl__codecs; *c; c++)
		for (size_t g = 0; g < NLHL_ARRAY_SIZE((*c)->groups); g++)
			if ((*c)->groups[g].bit & groups)
				out[n++] = (*c)->groups[g].rtnlgrp;
	return n;
}

/* -------------------------------------------------------------- dumps */

/* *i counts the (codec, group) slots in table order; each request carries
 * the header struct NETLINK_GET_STRICT_CHK wants. */
int nlhl__mon_dump_next(uint32_t groups, int *i, struct nl_msg **ret)
{
	const int per = (int)NLHL_ARRAY_SIZE(nlhl__codecs[0]->groups);

	for (;; (*i)++) {
		const struct nlhl__codec *c = nlhl__codecs[*i / per];
		const struct nlhl__codec_group *g;
		uint8_t hdr[64] = { 0 };
		struct nl_msg *msg;

		if (!c)
			return 0;
		g = &c->groups[*i % per];
		if (!(groups & g->bit))
			continue;
		(*i)++;
		hdr[0] = g->family;  /* every one of these structs starts with it */
		msg = nlmsg_alloc_simple(c->get_type, 0);
		if (!msg || nlmsg_append(msg, hdr, c->hdrlen, NLMSG_ALIGNTO) < 0) {
			nlmsg_free(msg);
			return -ENOMEM;
		}
		*ret = msg;
		return 1;
	}
}

/* --------------------------------------------------- keys and content */

size_t nlhl__mon_key(const struct nlmsghdr *nlh, uint8_t *key, uint64_t *content)
{
	const struct nlhl__codec *c = nlhl__mon_kind_of(nlh->nlmsg_type);
	struct nlhl__key k = { key, 0, false };

	if (!c || !c->key || nlh->nlmsg_len < NLMSG_LENGTH(c->hdrlen))
		return 0;
	nlhl__key_put(&k, &c->key_tag, 1);
	if (!c->key(nlh, &k, content))
		return 0;
	return k.full ? 0 : k.len;
}

void nlhl__mon_ids(const struct nlmsghdr *nlh, int *ifindex, int *family, int32_t *nsid)
{
	const struct nlhl__codec *c = nlhl__mon_kind_of(nlh->nlmsg_type);

	*ifindex = 0;
	*family = 0;
	*nsid = 0;
	if (nlh->nlmsg_len < NLMSG_LENGTH(1))
		return;
	*family = *(const uint8_t *)NLMSG_DATA(nlh);  /* every header starts with it */
	if (!c)
		return;
	if (c->ifindex_off && nlh->nlmsg_len >= NLMSG_LENGTH(c->ifindex_off + sizeof(int)))
		memcpy(ifindex, (const uint8_t *)NLMSG_DATA(nlh) + c->ifindex_off, sizeof(int));
	if (c->ids)
		c->ids(nlh, ifindex, nsid);
}
