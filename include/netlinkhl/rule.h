/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Policy routing rules (RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE), IPv4 and
 * IPv6: `ip rule`.
 *
 * Go: netlink.Rule -> struct nlhl_rule, RuleAdd -> nlhl_rule_add, RuleDel
 * -> nlhl_rule_del, RuleList -> nlhl_rule_list, RuleListFiltered ->
 * nlhl_rule_list_filtered.
 *
 * Ownership: struct nlhl_rule is plain data (no heap memory); lists are
 * freed with nlhl_rule_list_free().
 *
 * Zero means "unset" for every field.  Go's NewRule() sets -1 for the
 * fields where 0 is a value; here those fields have a has_* companion:
 * the value is sent when it is nonzero or its has_* flag is true, and a
 * rule read from the kernel has has_* set exactly when the kernel reported
 * the attribute.
 */
#ifndef NETLINKHL_RULE_H
#define NETLINKHL_RULE_H

#include <stdbool.h>
#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>

NLHL_BEGIN_DECLS

/* Rule actions (the kernel's FR_ACT_* values). */
enum nlhl_rule_action {
	NLHL_RULE_ACT_UNSPEC = 0,      /* add: to_tbl, or goto when goto_priority is set */
	NLHL_RULE_ACT_TO_TBL = 1,      /* "lookup TABLE" */
	NLHL_RULE_ACT_GOTO = 2,        /* "goto PRIORITY" */
	NLHL_RULE_ACT_NOP = 3,         /* "nop" */
	NLHL_RULE_ACT_BLACKHOLE = 6,   /* "blackhole" */
	NLHL_RULE_ACT_UNREACHABLE = 7, /* "unreachable" */
	NLHL_RULE_ACT_PROHIBIT = 8,    /* "prohibit" */
};

/* An inclusive range (ports: 1..65534; uids: any). */
struct nlhl_rule_port_range {
	uint16_t start;
	uint16_t end;  /* 0: same as start (a single port) */
};
struct nlhl_rule_uid_range {
	uint32_t start;
	uint32_t end;
};

/* Interface names in rules are names, not indexes: the kernel keeps them
 * (a rule may name a device that does not exist yet). */
#define NLHL_RULE_IFNAMSIZ 16

struct nlhl_rule {
	int family;                  /* AF_INET or AF_INET6; 0: from src/dst, else AF_INET */
	uint32_t priority;           /* "pref"; sent when nonzero or has_priority */
	bool has_priority;           /* 0: the kernel picks one below the last rule */
	uint32_t table;              /* 0: main for to_tbl rules; >255 supported */
	uint8_t action;              /* enum nlhl_rule_action */
	uint32_t goto_priority;      /* target of a goto rule (Go: Goto) */
	struct nlhl_ipnet src;       /* "from" (family 0: all) */
	struct nlhl_ipnet dst;       /* "to" */
	uint32_t mark;               /* "fwmark MARK/MASK"; sent when nonzero or has_mark */
	bool has_mark;
	uint32_t mask;               /* 0: unset (kernel: 0xffffffff); read: always set with mark */
	char iif_name[NLHL_RULE_IFNAMSIZ]; /* "iif" ("" unset) */
	char oif_name[NLHL_RULE_IFNAMSIZ]; /* "oif" */
	uint8_t tos;                 /* "tos" (IPv4) / "dsfield" */
	bool invert;                 /* "not": FIB_RULE_INVERT */
	uint8_t l3mdev;              /* 1: "l3mdev" (needs CONFIG_NET_L3_MASTER_DEV, vrf) */
	struct nlhl_rule_uid_range uid_range; /* "uidrange"; sent when has_uid_range */
	bool has_uid_range;
	uint32_t suppress_prefixlen; /* "suppress_prefixlength"; sent when nonzero or has_ */
	bool has_suppress_prefixlen;
	uint32_t suppress_ifgroup;   /* "suppress_ifgroup"; sent when nonzero or has_ */
	bool has_suppress_ifgroup;
	uint8_t ip_proto;            /* "ipproto" (IPPROTO_TCP, ...) */
	struct nlhl_rule_port_range sport; /* "sport" (start 0: unset) */
	struct nlhl_rule_port_range dport; /* "dport" */
	uint8_t protocol;            /* "protocol": originator (RTPROT_*); 0: kernel's */
	uint32_t flow;               /* "realms" (IPv4 FRA_FLOW) */
	uint64_t tun_id;             /* "tun_id" (host order) */
	uint32_t flags;              /* the kernel's FIB_RULE_* flags; only INVERT
				      * is sent, the others are read only */
};

/*
 * Adds rule (`ip rule add`).  With action 0 the rule is a goto rule when
 * goto_priority is set, else a lookup of table (main when 0).  -EEXIST
 * when an identical rule exists (the library asks for NLM_F_EXCL, as
 * iproute2 does for `ip rule add`).
 */
NLHL_API int nlhl_rule_add(nlhl_handle *h, const struct nlhl_rule *rule);

/*
 * Deletes the first rule that matches every field set in rule (`ip rule
 * del`); unset fields match anything.  A rule with no selecting field at
 * all is refused with -EINVAL (it would delete the first rule of the
 * family, usually the local table's).  -ENOENT when none matches.
 */
NLHL_API int nlhl_rule_del(nlhl_handle *h, const struct nlhl_rule *rule);

/* Rules of family (AF_INET, AF_INET6, AF_UNSPEC = both) in kernel order. */
NLHL_API int nlhl_rule_list(nlhl_handle *h, int family, struct nlhl_rule **ret, size_t *ret_n);
NLHL_API void nlhl_rule_list_free(struct nlhl_rule *list, size_t n);

/* Which fields of the filter rule must match (Go: RT_FILTER_*). */
#define NLHL_RULE_FILTER_PRIORITY (1u << 0)
#define NLHL_RULE_FILTER_TABLE (1u << 1)
#define NLHL_RULE_FILTER_ACTION (1u << 2)
#define NLHL_RULE_FILTER_SRC (1u << 3)  /* prefix equal (family 0: rules without from) */
#define NLHL_RULE_FILTER_DST (1u << 4)
#define NLHL_RULE_FILTER_MARK (1u << 5)
#define NLHL_RULE_FILTER_MASK (1u << 6)
#define NLHL_RULE_FILTER_IIF (1u << 7)
#define NLHL_RULE_FILTER_OIF (1u << 8)
#define NLHL_RULE_FILTER_TOS (1u << 9)
#define NLHL_RULE_FILTER_PROTOCOL (1u << 10)
#define NLHL_RULE_FILTER_IP_PROTO (1u << 11)

/* Rules of family whose fields named in mask equal filter's.  filter may
 * be NULL when mask is 0.  An unknown mask bit is -EINVAL. */
NLHL_API int nlhl_rule_list_filtered(nlhl_handle *h, int family,
				     const struct nlhl_rule *filter, uint32_t mask,
				     struct nlhl_rule **ret, size_t *ret_n);

NLHL_END_DECLS

#endif
