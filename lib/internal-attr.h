/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private core helpers every family shares for what comes back from the
 * kernel: attribute parsing, typed attribute readers and the growable
 * result array of list calls.
 *
 * One length policy, as libmnl's mnl_attr_validate and sd-netlink's typed
 * reads have one: a scalar attribute shorter than its type reads as absent
 * (0, "unset"), never past its end; a run of attributes that does not fill
 * its payload exactly (an attribute running past the end, a header shorter
 * than 4 bytes) makes the whole message or nest malformed (-EBADMSG).
 * libnl's nla_parse stops silently at such an attribute, and its policies
 * reject a whole message for one short scalar: neither is used.
 */
#ifndef NLHL_INTERNAL_ATTR_H
#define NLHL_INTERNAL_ATTR_H

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "netlinkhl/parse.h"

/* ------------------------------------------------------------ parsing */

/* nla_len / nla_data inline: libnl's are calls into the shared library,
 * made several times for every attribute of every object of a dump. */
static inline int nlhl__alen(const struct nlattr *a)
{
	return (int)a->nla_len - NLA_HDRLEN;
}
static inline void *nlhl__adata(const struct nlattr *a)
{
	return (char *)a + NLA_HDRLEN;
}

/* True when the attributes at head fill len exactly. */
static inline bool nlhl__attrs_whole(const struct nlattr *head, int len)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_attr(a, (struct nlattr *)head, len, rem)
		;
	return rem == 0;
}

/*
 * Fills tb[0..max] from the attributes at head (len bytes): tb[type] is
 * the last attribute of that type, types above max are skipped.  Returns
 * -EBADMSG unless the attributes fill len exactly.  Written out rather than
 * nla_parse: lists parse every object of a dump through here, and libnl's
 * version costs three calls per attribute.
 */
static inline int nlhl__parse_attrs(struct nlattr **tb, int max, const void *head, int len)
{
	const uint8_t *p = head;

	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	while (len >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)p;
		int type = a->nla_type & NLA_TYPE_MASK, alen = NLA_ALIGN(a->nla_len);

		/* the padding counts too, as in nlhl__attrs_whole */
		if (a->nla_len < NLA_HDRLEN || alen > len)
			return -EBADMSG;
		if (type <= max)
			tb[type] = (struct nlattr *)a;
		p += alen;
		len -= alen;
	}
	return len ? -EBADMSG : 0;
}

/* The attributes of a message after its family header of hdrlen bytes;
 * -EBADMSG when the message is shorter than its header. */
static inline int nlhl__parse_msg(struct nlattr **tb, int max, const struct nlmsghdr *nlh,
				  size_t hdrlen)
{
	size_t off = NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen);

	if (nlh->nlmsg_len < NLMSG_LENGTH(hdrlen))
		return -EBADMSG;
	if (nlh->nlmsg_len <= off) {
		memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
		return 0;
	}
	return nlhl__parse_attrs(tb, max, (const uint8_t *)nlh + off, (int)(nlh->nlmsg_len - off));
}

/* Parses a nested attribute into tb[0..max]; a malformed nest gives
 * -EBADMSG. */
static inline int nlhl__parse_nested(struct nlattr **tb, int max, const struct nlattr *nest)
{
	return nlhl__parse_attrs(tb, max, nlhl__adata(nest), nlhl__alen(nest));
}

/* ------------------------------------------------------------ readers */

/* Length-checked readers: a missing or short attribute reads as 0. */
static inline uint8_t nlhl__get_u8(const struct nlattr *a)
{
	return a && nlhl__alen(a) >= 1 ? *(const uint8_t *)nlhl__adata(a) : 0;
}
static inline uint16_t nlhl__get_u16(const struct nlattr *a)
{
	uint16_t v = 0;

	if (a && nlhl__alen(a) >= 2)
		memcpy(&v, nlhl__adata(a), 2);
	return v;
}
static inline uint32_t nlhl__get_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	if (a && nlhl__alen(a) >= 4)
		memcpy(&v, nlhl__adata(a), 4);
	return v;
}
static inline uint64_t nlhl__get_u64(const struct nlattr *a)
{
	uint64_t v = 0;

	if (a && nlhl__alen(a) >= 8)
		memcpy(&v, nlhl__adata(a), 8);
	return v;
}
/* True when a is present with at least len bytes of payload. */
static inline bool nlhl__attr_ok(const struct nlattr *a, int len)
{
	return a && nlhl__alen(a) >= len;
}
/* A u32 attribute if present and long enough, else def. */
static inline uint32_t nlhl__get_u32_or(const struct nlattr *a, uint32_t def)
{
	return a && nlhl__alen(a) >= 4 ? nlhl__get_u32(a) : def;
}
/* Copies a string attribute into buf (always NUL-terminated). */
static inline void nlhl__get_str(const struct nlattr *a, char *buf, size_t size)
{
	size_t n;

	if (!a) {
		buf[0] = 0;
		return;
	}
	n = strnlen(nlhl__adata(a), (size_t)nlhl__alen(a));
	if (n >= size)
		n = size - 1;
	memcpy(buf, nlhl__adata(a), n);
	buf[n] = 0;
}
/* Copies an attribute's payload into dst of size bytes: a shorter payload
 * is zero-extended (structs the kernel grew later), a longer one cut. */
static inline void nlhl__get_struct(const struct nlattr *a, void *dst, size_t size)
{
	size_t len = a ? (size_t)nlhl__alen(a) : 0;

	memset(dst, 0, size);
	if (a)
		memcpy(dst, nlhl__adata(a), len < size ? len : size);
}
/* An address attribute of 4 or 16 bytes into ip (else left unset). */
static inline void nlhl__get_ip(const struct nlattr *a, struct nlhl_ip *ip)
{
	memset(ip, 0, sizeof(*ip));
	if (!a)
		return;
	if (nlhl__alen(a) == 4) {
		ip->family = 2; /* AF_INET */
		memcpy(ip->addr, nlhl__adata(a), 4);
	} else if (nlhl__alen(a) == 16) {
		ip->family = 10; /* AF_INET6 */
		memcpy(ip->addr, nlhl__adata(a), 16);
	}
}
static inline void nlhl__get_hwaddr(const struct nlattr *a, struct nlhl_hwaddr *hw)
{
	memset(hw, 0, sizeof(*hw));
	if (a && nlhl__alen(a) > 0 && nlhl__alen(a) <= NLHL_HWADDR_MAX) {
		hw->len = (uint8_t)nlhl__alen(a);
		memcpy(hw->addr, nlhl__adata(a), hw->len);
	}
}

/* ------------------------------------------------------------ result array */

/*
 * The array a list call returns, grown one object at a time by its dump
 * callback.  Errors raised inside the callback follow one convention: the
 * callback returns a negative errno; if it has described the failure
 * itself (nlhl__fail), it returns nlhl__vec_failed(v, err) so that
 * nlhl__vec_end() keeps that text instead of describing err again.
 */
struct nlhl__vec {
	void *items;
	size_t n, cap;
	size_t size;       /* bytes of one item */
	bool described;    /* the callback recorded nlhl_errmsg() itself */
};
#define NLHL__VEC(type) { .size = sizeof(type) }

/* Appends a zeroed item; NULL when out of memory. */
static inline void *nlhl__vec_push(struct nlhl__vec *v)
{
	void *item;

	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		void *p = realloc(v->items, cap * v->size);

		if (!p)
			return NULL;
		v->items = p;
		v->cap = cap;
	}
	item = (char *)v->items + v->n * v->size;
	memset(item, 0, v->size);
	v->n++;
	return item;
}
/* Takes back the last push (an object the filter drops). */
static inline void nlhl__vec_pop(struct nlhl__vec *v)
{
	v->n--;
}
/* Restart hook of nlhl__dump for a dump that collects into a vec (the vec
 * must be the first member of arg): the objects owning no memory are
 * dropped. */
static inline int nlhl__vec_reset(void *arg)
{
	((struct nlhl__vec *)arg)->n = 0;
	return 0;
}
/* See struct nlhl__vec: err is already described. */
static inline int nlhl__vec_failed(struct nlhl__vec *v, int err)
{
	v->described = true;
	return err;
}
/*
 * End of a list call whose dump returned err: 0 with the array handed to
 * *ret / *ret_n, or err with the array freed (items owning memory must be
 * released by the caller first) and, unless the callback described it,
 * "<op>: <request detail>" as the message.
 */
static inline int nlhl__vec_end(struct nlhl__vec *v, int err, const char *op, void *ret,
				size_t *ret_n)
{
	if (err < 0) {
		free(v->items);
		return v->described ? err : nlhl__fail_req(err, "%s", op);
	}
	/* Give back the unused tail of the last doubling (up to half). */
	if (v->n && v->n < v->cap) {
		void *p = realloc(v->items, v->n * v->size);

		if (p)
			v->items = p;
	}
	memcpy(ret, &v->items, sizeof(v->items));
	*ret_n = v->n;
	return 0;
}

#endif
