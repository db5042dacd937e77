/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * u32: the selector of 32-bit keys.  Keys travel in network byte order
 * (the public struct has them in host order, as tc's "match u32 V M at O",
 * docs/design.md trap 9); "match ip src/dst/protocol/sport/dport" become keys
 * exactly as iproute2 f_u32.c packs them, so tc shows the same matches.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_ether.h>

#include "internal-tc.h"

struct sel_buf {
	struct tc_u32_sel sel;
	struct tc_u32_key keys[128];
};

/* iproute2 pack_key(): key/mask in network order; merges with a key at the
 * same offset. */
static int pack_key(struct sel_buf *s, uint32_t key, uint32_t mask, int off, int offmask)
{
	int n = s->sel.nkeys;

	key &= mask;
	for (int i = 0; i < n; i++) {
		struct tc_u32_key *k = &s->keys[i];

		if (k->off == off && k->offmask == offmask) {
			if ((key ^ k->val) & mask & k->mask)
				return -EINVAL;  /* contradicts an earlier match */
			k->val |= key;
			k->mask |= mask;
			return 0;
		}
	}
	if (n >= 128 || off % 4)
		return -EINVAL;
	s->keys[n] = (struct tc_u32_key){ .val = key, .mask = mask, .off = off, .offmask = offmask };
	s->sel.nkeys++;
	return 0;
}

static int pack_key16(struct sel_buf *s, uint32_t key, uint32_t mask, int off)
{
	if ((off & 3) == 0) {
		key <<= 16;
		mask <<= 16;
	}
	return pack_key(s, htonl(key), htonl(mask), off & ~3, 0);
}

static int pack_key8(struct sel_buf *s, uint32_t key, uint32_t mask, int off)
{
	int shift = (3 - (off & 3)) * 8;

	return pack_key(s, htonl(key << shift), htonl(mask << shift), off & ~3, 0);
}

static int pack_prefix(struct sel_buf *s, const struct nlhl_ipnet *net, int off)
{
	uint32_t addr, mask;

	memcpy(&addr, net->addr, 4);
	mask = net->prefixlen ? htonl(~0U << (32 - net->prefixlen)) : 0;
	return pack_key(s, addr, mask, off, 0);
}

static int u32_put(struct nl_msg *msg, const struct nlhl_filter *f, const char *op)
{
	const struct nlhl_u32 *u = &f->u32;
	struct sel_buf *s;
	struct nlattr *nest;
	int r = 0;

	nest = nla_nest_start(msg, TCA_OPTIONS);
	if (!nest)
		goto nomem;
	if (u->divisor) {
		/* a hash table: "tc filter add ... handle 2: u32 divisor 256" */
		if (u->divisor > 256 || (u->divisor & (u->divisor - 1)))
			return nlhl__fail(-EINVAL, "%s: u32 divisor %u is not a power of two up to 256",
					  op, u->divisor);
		if (nla_put_u32(msg, TCA_U32_DIVISOR, u->divisor) < 0)
			goto nomem;
		nla_nest_end(msg, nest);
		return 0;
	}
	if (u->n_keys > NLHL_U32_MAX_KEYS)
		return nlhl__fail(-EINVAL, "%s: u32 n_keys %zu above %d", op, u->n_keys, NLHL_U32_MAX_KEYS);
	if ((u->src.family && (u->src.family != AF_INET || u->src.prefixlen > 32)) ||
	    (u->dst.family && (u->dst.family != AF_INET || u->dst.prefixlen > 32)))
		return nlhl__fail(-EINVAL, "%s: u32 src/dst must be IPv4 prefixes", op);
	s = calloc(1, sizeof(*s));
	if (!s)
		return nlhl__fail(-ENOMEM, "%s: out of memory", op);
	if (u->src.family)
		r = pack_prefix(s, &u->src, 12);
	if (!r && u->dst.family)
		r = pack_prefix(s, &u->dst, 16);
	if (!r && u->ip_proto)
		r = pack_key8(s, u->ip_proto, 0xff, 9);
	if (!r && u->sport)
		r = pack_key16(s, u->sport, 0xffff, 20);
	if (!r && u->dport)
		r = pack_key16(s, u->dport, 0xffff, 22);
	for (size_t i = 0; !r && i < u->n_keys; i++)
		r = pack_key(s, htonl(u->keys[i].val), htonl(u->keys[i].mask), u->keys[i].off,
			     u->keys[i].offmask);
	if (r < 0) {
		free(s);
		return nlhl__fail(-EINVAL, "%s: u32 keys contradict each other or have an offset "
				  "that is not a multiple of 4", op);
	}
	if (u->classid || f->n_actions)
		s->sel.flags |= TC_U32_TERMINAL;  /* as tc: classid/action ends the match */
	r = nla_put(msg, TCA_U32_SEL, (int)(sizeof(s->sel) + s->sel.nkeys * sizeof(s->keys[0])), s);
	free(s);
	if (r < 0 ||
	    (u->classid && nla_put_u32(msg, TCA_U32_CLASSID, u->classid) < 0) ||
	    (u->hashtable && nla_put_u32(msg, TCA_U32_HASH, u->hashtable) < 0) ||
	    (u->link && nla_put_u32(msg, TCA_U32_LINK, u->link) < 0))
		goto nomem;
	r = nlhl__actions_put(msg, TCA_U32_ACT, f->actions, f->n_actions, op);
	if (r < 0)
		return r;
	nla_nest_end(msg, nest);
	return 0;
nomem:
	return nlhl__fail(-EMSGSIZE, "%s: message too large", op);
}

/* Length of a contiguous prefix mask (host order), -1 if not a prefix. */
static int prefix_len(uint32_t mask)
{
	int len = 0;

	while (mask & 0x80000000U) {
		mask <<= 1;
		len++;
	}
	return mask ? -1 : len;
}

/* Takes a key (host order) apart into the IPv4 selectors where it is
 * exactly one of them; what is left stays a raw key. */
static void decode_key(struct nlhl_u32 *u, struct nlhl_u32_key k)
{
	int plen;

	if (k.offmask == 0 && k.mask) {
		plen = prefix_len(k.mask);
		if ((k.off == 12 || k.off == 16) && plen > 0) {
			struct nlhl_ipnet *net = k.off == 12 ? &u->src : &u->dst;
			uint32_t be = htonl(k.val);

			if (!net->family) {
				net->family = AF_INET;
				net->prefixlen = (uint8_t)plen;
				memcpy(net->addr, &be, 4);
				return;
			}
		}
		if (k.off == 8 && k.mask == 0x00ff0000U && !u->ip_proto && ((k.val >> 16) & 0xff)) {
			u->ip_proto = (uint8_t)(k.val >> 16);
			return;
		}
		if (k.off == 20) {
			if ((k.mask & 0xffff0000U) == 0xffff0000U && !u->sport && (k.val >> 16)) {
				u->sport = (uint16_t)(k.val >> 16);
				k.mask &= 0xffff;
				k.val &= 0xffff;
			}
			if ((k.mask & 0xffffU) == 0xffffU && !u->dport && (k.val & 0xffff)) {
				u->dport = (uint16_t)(k.val & 0xffff);
				k.mask &= 0xffff0000U;
				k.val &= 0xffff0000U;
			}
			if (!k.mask)
				return;
		}
	}
	if (u->n_keys < NLHL_U32_MAX_KEYS)
		u->keys[u->n_keys++] = k;
}

static int u32_parse(const struct nlattr *opts, struct nlhl_filter *f)
{
	struct nlattr *tb[TCA_U32_MAX + 1];
	struct nlhl_u32 *u = &f->u32;
	int r;

	if (nlhl__parse_nested(tb, TCA_U32_MAX, opts) < 0)
		return -EBADMSG;
	if (tb[TCA_U32_CLASSID] && nla_len(tb[TCA_U32_CLASSID]) >= 4)
		u->classid = nlhl__get_u32(tb[TCA_U32_CLASSID]);
	if (tb[TCA_U32_DIVISOR] && nla_len(tb[TCA_U32_DIVISOR]) >= 4)
		u->divisor = nlhl__get_u32(tb[TCA_U32_DIVISOR]);
	if (tb[TCA_U32_HASH] && nla_len(tb[TCA_U32_HASH]) >= 4)
		u->hashtable = nlhl__get_u32(tb[TCA_U32_HASH]);
	if (tb[TCA_U32_LINK] && nla_len(tb[TCA_U32_LINK]) >= 4)
		u->link = nlhl__get_u32(tb[TCA_U32_LINK]);
	if (tb[TCA_U32_SEL] && nla_len(tb[TCA_U32_SEL]) >= (int)sizeof(struct tc_u32_sel)) {
		const struct tc_u32_sel *sel = nla_data(tb[TCA_U32_SEL]);
		size_t room = ((size_t)nla_len(tb[TCA_U32_SEL]) - sizeof(*sel)) / sizeof(sel->keys[0]);
		size_t n = sel->nkeys < room ? sel->nkeys : room;  /* never trust nkeys */
		bool ip = f->attrs.protocol == ETH_P_IP;

		for (size_t i = 0; i < n; i++) {
			struct tc_u32_key kk;
			struct nlhl_u32_key k;

			memcpy(&kk, (const char *)sel + sizeof(*sel) + i * sizeof(kk), sizeof(kk));
			k = (struct nlhl_u32_key){ .val = ntohl(kk.val), .mask = ntohl(kk.mask),
						   .off = kk.off, .offmask = kk.offmask };
			if (ip)
				decode_key(u, k);
			else if (u->n_keys < NLHL_U32_MAX_KEYS)
				u->keys[u->n_keys++] = k;
		}
	}
	r = nlhl__actions_parse(tb[TCA_U32_ACT], f->actions, NLHL_TC_MAX_ACTIONS, &f->n_actions);
	return r;
}

const struct nlhl__filter_ops nlhl__u32_ops = { NLHL_FILTER_U32, "u32", u32_put, u32_parse };
