/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The table of the families' codecs (lib/internal-codec.h) and the small
 * readers their key hooks share.  A new family adds its codec here, once.
 */
#define _GNU_SOURCE
#include <string.h>

#include "internal-attr.h"
#include "internal-codec.h"

/* Dump order matters to a listing: nsids and links first (others refer to
 * them), nexthops before routes. */
const struct nlhl__codec *const nlhl__codecs[] = {
	&nlhl__nsid_codec,
	&nlhl__link_codec,
	&nlhl__addr_codec,
	&nlhl__nexthop_codec,
	&nlhl__route_codec,
	&nlhl__neigh_codec,
	&nlhl__rule_codec,
	&nlhl__qdisc_codec,
	&nlhl__class_codec,
	&nlhl__filter_codec,
	NULL,
};

const struct nlhl__codec *nlhl__codec_of(uint16_t type)
{
	for (const struct nlhl__codec *const *c = nlhl__codecs; *c; c++)
		if ((*c)->new_type == type || (*c)->del_type == type)
			return *c;
	return NULL;
}

bool nlhl__codec_hdr(const struct nlmsghdr *nlh, void *hdr, size_t hdrlen)
{
	if (nlh->nlmsg_len < NLMSG_LENGTH(hdrlen))
		return false;
	memcpy(hdr, NLMSG_DATA(nlh), hdrlen);
	return true;
}

void nlhl__key_put(struct nlhl__key *k, const void *data, size_t len)
{
	if (k->len + len > NLHL_CODEC_KEY_MAX) {
		k->full = true;
		return;
	}
	memcpy(k->p + k->len, data, len);
	k->len += len;
}

void nlhl__key_attr(struct nlhl__key *k, const struct nlattr *a, uint16_t type)
{
	uint16_t t = type, l = a ? (uint16_t)nlhl__alen(a) : 0;

	nlhl__key_put(k, &t, 2);
	nlhl__key_put(k, &l, 2);
	if (a)
		nlhl__key_put(k, nlhl__adata(a), l);
}

uint64_t nlhl__fnv(uint64_t h, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* The first attribute of a message after its header, and the bytes left. */
static const struct nlattr *first_attr(const struct nlmsghdr *nlh, size_t hdrlen, int *rem)
{
	*rem = (int)(nlh->nlmsg_len - NLMSG_HDRLEN - NLMSG_ALIGN(hdrlen));
	return (const struct nlattr *)((const uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(hdrlen));
}

void nlhl__codec_attrs(const struct nlmsghdr *nlh, size_t hdrlen, const struct nlattr **tb)
{
	if (nlh->nlmsg_len < NLMSG_LENGTH(hdrlen)) {
		memset(tb, 0, sizeof(*tb) * NLHL_CODEC_MAX_ATTR);
		return;
	}
	/* The parser the family's parse hook uses, so that the key and the
	 * object agree on which attribute counts; a malformed tail is left
	 * out (the parse hook rejects the message). */
	(void)nlhl__parse_msg((struct nlattr **)tb, NLHL_CODEC_MAX_ATTR - 1, nlh, hdrlen);
}

uint64_t nlhl__content_hash(const struct nlmsghdr *nlh, const void *hdr, size_t hdrlen,
			    const uint16_t *skip, size_t nskip)
{
	uint64_t h = nlhl__fnv(NLHL_FNV_START, hdr, hdrlen);
	const struct nlattr *a;
	int rem;

	for (a = first_attr(nlh, hdrlen, &rem); nla_ok(a, rem); a = nla_next(a, &rem)) {
		bool volatile_attr = false;

		for (size_t i = 0; i < nskip; i++)
			if (nla_type(a) == skip[i])
				volatile_attr = true;
		if (!volatile_attr)
			h = nlhl__fnv(h, a, (size_t)a->nla_len);
	}
	return h;
}
