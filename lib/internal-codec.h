/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private: one codec per object family (route, addr, link, qdisc...),
 * defined at the end of the family's own file and listed once in
 * lib/codecs.c.  The monitor (groups, dumps, keys, parsing of events),
 * the batch (failure texts) and the fuzz harness (parse/build round trips)
 * all walk that one table, so a new family is registered in one place.
 *
 * Every hook but parse may be NULL when the family has nothing to say.
 */
#ifndef NLHL_INTERNAL_CODEC_H
#define NLHL_INTERNAL_CODEC_H

#include <linux/rtnetlink.h>

#include "internal.h"
#include "netlinkhl/monitor.h"  /* NLHL_OBJ_*, NLHL_MONITOR_* */

#define NLHL_CODEC_KEY_MAX 256

/* The identity key of an object under construction; full = it did not fit
 * (the message is then not tracked). */
struct nlhl__key {
	uint8_t *p;
	size_t len;
	bool full;
};

/* A multicast group of the family and the dump that lists what it covers. */
struct nlhl__codec_group {
	uint32_t bit;           /* NLHL_MONITOR_* */
	unsigned int rtnlgrp;   /* RTNLGRP_* */
	uint8_t family;         /* of the dump request: AF_INET for ROUTE4 ... */
};

struct nlhl__codec {
	const char *name;       /* "route", for messages */
	uint16_t new_type;      /* RTM_NEW* */
	uint16_t del_type;      /* RTM_DEL* */
	uint16_t get_type;      /* RTM_GET*, the dump */
	size_t hdrlen;          /* the family header (struct rtmsg ...) */

	/* The monitor's view: event object (NLHL_OBJ_NONE = not an event
	 * the monitor delivers), the NLHL_MONITOR_* bits that select it and
	 * its groups in dump order (bit 0 = unused slot). */
	int object;
	uint32_t group_bit;
	struct nlhl__codec_group groups[2];

	/* Message -> public struct of obj_size bytes (zeroed first), and its
	 * release (NULL: the struct holds no memory).  parse NULL: the family
	 * has no struct (nsid), events carry only the message. */
	size_t obj_size;
	int (*parse)(const struct nlmsghdr *nlh, void *obj);
	void (*clear)(void *obj);
	/* Public struct -> request message of type/flags (the family's own
	 * builder, the one nlhl_<family>_add() runs); op names it in errors. */
	int (*build)(int type, int flags, const void *obj, const char *op, struct nl_msg **ret);
	/* "<op> <object>" of a request message for failure texts ("route add
	 * 10.0.0.0/8"): reads the message, cheaply; never fails (writes at
	 * least the op). */
	void (*describe)(const struct nlmsghdr *nlh, char *buf, size_t size);
	/* The identity of the object of nlh into k (after the codec's tag
	 * byte) and a hash of its content without volatile counters; nlh
	 * holds at least hdrlen bytes of header.  false: not tracked
	 * (objects no dump lists: proxy neighbours, cloned routes...). */
	bool (*key)(const struct nlmsghdr *nlh, struct nlhl__key *k, uint64_t *content);
	uint8_t key_tag;
	/* The ifindex an event is about: where the header holds it (an int;
	 * 0 = not in the header, never the family byte), else the ids hook,
	 * which also gives the nsid (both left 0 when none). */
	size_t ifindex_off;
	void (*ids)(const struct nlmsghdr *nlh, int *ifindex, int32_t *nsid);
};

/* Every codec, NULL-terminated, in the order a full listing dumps them
 * (nexthops before the routes that use them). */
NLHL_INTERNAL extern const struct nlhl__codec *const nlhl__codecs[];

/* The codec of an RTM_NEW* / RTM_DEL* type, or NULL. */
NLHL_INTERNAL const struct nlhl__codec *nlhl__codec_of(uint16_t type);

NLHL_INTERNAL extern const struct nlhl__codec nlhl__link_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__addr_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__route_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__neigh_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__rule_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__nexthop_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__nsid_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__qdisc_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__class_codec;
NLHL_INTERNAL extern const struct nlhl__codec nlhl__filter_codec;

/* ------------------------------------------- helpers of the key hooks */

/* The header of nlh copied out (messages are not aligned for every
 * struct), false when nlh is too short for it. */
NLHL_INTERNAL bool nlhl__codec_hdr(const struct nlmsghdr *nlh, void *hdr, size_t hdrlen);

/* Bytes into the key; an attribute as (type, length, bytes), absent =
 * (type, 0). */
NLHL_INTERNAL void nlhl__key_put(struct nlhl__key *k, const void *data, size_t len);
NLHL_INTERNAL void nlhl__key_attr(struct nlhl__key *k, const struct nlattr *a, uint16_t type);

/* The attributes of a message as nlhl__parse_msg finds them: tb[type] is
 * the last of its type, a malformed tail is left out, a message shorter
 * than its header has none (tb has NLHL_CODEC_MAX_ATTR slots). */
#define NLHL_CODEC_MAX_ATTR 64
NLHL_INTERNAL void nlhl__codec_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
				     const struct nlattr **tb);

/* FNV-1a of bytes, continuing from h (start: NLHL_FNV_START). */
#define NLHL_FNV_START 0xcbf29ce484222325ull
NLHL_INTERNAL uint64_t nlhl__fnv(uint64_t h, const void *data, size_t len);
/* Hash of the header (volatile bytes zeroed by the caller in hdr) and of
 * every attribute whose type is not in skip. */
NLHL_INTERNAL uint64_t nlhl__content_hash(const struct nlmsghdr *nlh, const void *hdr,
					  size_t hdrlen, const uint16_t *skip, size_t nskip);

#endif
