/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Traffic control: qdiscs, classes, filters and the actions on filters, in
 * the shape of Go's vishvananda/netlink (Qdisc, Class, Filter, Action) and
 * of tc(8).
 *
 * Objects are keyed by link index (attrs.link_index, as Go's
 * QdiscAttrs.LinkIndex) and by 32-bit tc handles: major in the upper 16
 * bits, minor in the lower 16 ("1:10" is 0x00010010).
 *
 * Units, everywhere in this header:
 *  - rates are BYTES per second (the kernel's unit; tc's "10mbit" is
 *    1250000), see nlhl_parse_rate();
 *  - sizes (burst, limit in bytes, quantum, mtu) are bytes;
 *  - times (latency, jitter, target, interval) are microseconds;
 *  - probabilities (netem loss, ...) are percentages, 0.0 to 100.0;
 *  - protocols (ETH_P_IP, ETH_P_8021Q, ...) and ports are in HOST byte
 *    order; the library converts to what each attribute wants.
 *
 * Zero is "unset, kernel or tc default" unless a field says otherwise.
 * Booleans whose kernel default is "on" use enum nlhl_tc_flag.
 *
 * Every struct here is plain: a struct filled by the library holds no heap
 * memory, lists are freed with the matching _list_free().
 */
#ifndef NETLINKHL_TC_H
#define NETLINKHL_TC_H

#include <stdbool.h>
#include <netlinkhl/common.h>
#include <netlinkhl/handle.h>
#include <netlinkhl/parse.h>

NLHL_BEGIN_DECLS

struct nlhl_link;

/* ------------------------------------------------------------ handles */

#define NLHL_HANDLE_NONE        0x00000000U
#define NLHL_HANDLE_ROOT        0xFFFFFFFFU
/* Parent of the ingress and clsact qdiscs ("ingress", ffff:fff1); their
 * own handle is ffff:0. */
#define NLHL_HANDLE_INGRESS     0xFFFFFFF1U
#define NLHL_HANDLE_CLSACT      NLHL_HANDLE_INGRESS
/* Filter parents on a clsact (or ingress) qdisc. */
#define NLHL_HANDLE_MIN_INGRESS 0xFFFFFFF2U
#define NLHL_HANDLE_MIN_EGRESS  0xFFFFFFF3U

/* Buffer size for nlhl_format_handle(): "ffff:ffff" and NUL. */
#define NLHL_HANDLE_STRLEN 16

/* (major << 16) | minor (Go: netlink.MakeHandle). */
NLHL_API uint32_t nlhl_make_handle(uint16_t major, uint16_t minor);
/* Go: netlink.MajorMinor.  Either output may be NULL. */
NLHL_API void nlhl_major_minor(uint32_t handle, uint16_t *major, uint16_t *minor);

/*
 * "MAJ:MIN" with both parts in hexadecimal, 0 to ffff ("1:0", "1:10",
 * "ffff:fff1"), or one of the names "root", "ingress", "clsact", "none".
 * Strict, like Go's HandleStr form: "1:" (no minor), ":10", "x:y",
 * "10000:0" are -EINVAL with a message naming the problem.  Write "1:0"
 * for tc's "1:".
 */
NLHL_API int nlhl_parse_handle(const char *s, uint32_t *ret);
/* "1:10", "1:0", "root", "ingress", "none" (Go's HandleStr).  -ENOSPC when
 * size is too small. */
NLHL_API int nlhl_format_handle(uint32_t handle, char *buf, size_t size);

/* ------------------------------------------------------------ units */

/*
 * tc's rate syntax: a number followed by bit, kbit, mbit, gbit, tbit (SI,
 * 1000), kibit, mibit, gibit, tibit (IEC, 1024), bps, kbps, mbps, gbps, tbps
 * (bytes, SI), kibps, ... (bytes, IEC), or a bare number (bits per second).
 * The result is in BYTES per second: "10mbit" -> 1250000.  -EINVAL for an
 * unknown unit ("10mbitx"), no number, or a rate that does not fit.
 */
NLHL_API int nlhl_parse_rate(const char *s, uint64_t *ret_bytes_per_sec);
/* Text of a rate in bytes per second as tc prints it ("10Mbit"). */
NLHL_API int nlhl_format_rate(uint64_t bytes_per_sec, char *buf, size_t size);
/* tc's size syntax: bytes, with b, k/kb, m/mb, g/gb (1024) or kbit, mbit,
 * gbit (1024 bits), e.g. "15k" -> 15360.  -EINVAL for anything else. */
NLHL_API int nlhl_parse_size(const char *s, uint32_t *ret_bytes);
/* tc's time syntax: s/sec/secs, ms/msec/msecs, us/usec/usecs, or a bare
 * number of microseconds; fractions allowed ("1.5ms").  Result in
 * microseconds. */
NLHL_API int nlhl_parse_time(const char *s, uint32_t *ret_usec);

/* ------------------------------------------------------------ statistics */

/* What the kernel counts for a qdisc, class or action (TCA_STATS2, or the
 * old TCA_STATS). */
struct nlhl_tc_stats {
	uint64_t bytes;
	uint64_t packets;
	uint32_t drops;
	uint32_t overlimits;
	uint32_t requeues;
	uint32_t backlog;   /* bytes queued */
	uint32_t qlen;      /* packets queued */
	uint64_t bps;       /* rate estimator, when one runs */
	uint64_t pps;
};

/* A boolean whose kernel default is not "off". */
enum nlhl_tc_flag {
	NLHL_TC_DEFAULT = 0,  /* do not send: kernel default */
	NLHL_TC_ON = 1,
	NLHL_TC_OFF = 2,
};

/* ------------------------------------------------------------ qdiscs */

enum nlhl_qdisc_type {
	NLHL_QDISC_UNKNOWN = 0,  /* any other kind: kind[] and stats only */
	NLHL_QDISC_PFIFO,
	NLHL_QDISC_BFIFO,
	NLHL_QDISC_PFIFO_FAST,
	NLHL_QDISC_PRIO,
	NLHL_QDISC_TBF,
	NLHL_QDISC_HTB,
	NLHL_QDISC_HFSC,
	NLHL_QDISC_SFQ,
	NLHL_QDISC_FQ,
	NLHL_QDISC_FQ_CODEL,
	NLHL_QDISC_CODEL,
	NLHL_QDISC_RED,
	NLHL_QDISC_NETEM,
	NLHL_QDISC_INGRESS,
	NLHL_QDISC_CLSACT,
	NLHL_QDISC_MQ,
	NLHL_QDISC_CAKE,
};

#define NLHL_TC_KIND_LEN 16  /* IFNAMSIZ, as the kernel's TCA_KIND */

struct nlhl_qdisc_attrs {
	int link_index;       /* required */
	uint32_t handle;      /* 0: the kernel picks one (reads back set) */
	uint32_t parent;      /* NLHL_HANDLE_ROOT, NLHL_HANDLE_INGRESS or a
	                       * class; 0 means root */
	uint32_t refcnt;      /* read only */
};

/* pfifo (limit in packets) and bfifo (limit in bytes); 0: txqueuelen
 * based kernel default. */
struct nlhl_fifo {
	uint32_t limit;
};

/* prio and pfifo_fast (read only: it takes no options).  bands 0: 3 bands
 * and tc's default priomap; priomap is only sent when bands is set. */
struct nlhl_prio {
	uint32_t bands;
	uint8_t priomap[16];
};

/* Token bucket: rate and burst required; limit (bytes queued) or latency
 * (the limit is derived from it as tc does).  peakrate needs mtu. */
struct nlhl_tbf {
	uint64_t rate;
	uint64_t peakrate;
	uint32_t burst;
	uint32_t mtu;        /* peak bucket size ("minburst") */
	uint32_t limit;
	uint32_t latency_us; /* input only: used when limit is 0 */
};

struct nlhl_htb {
	uint32_t defcls;       /* minor of the default class (0x10 for 1:10) */
	uint32_t r2q;          /* 0: 10 */
	uint32_t direct_qlen;  /* 0: kernel default (txqueuelen) */
	uint32_t version;      /* read only: 3 << 16 | 17 */
};

struct nlhl_hfsc {
	uint16_t defcls;
};

struct nlhl_sfq {
	uint32_t quantum;      /* bytes; 0: MTU */
	uint32_t perturb_sec;  /* hash perturbation period; 0: never */
	uint32_t limit;        /* packets */
	uint32_t divisor;      /* hash buckets */
	uint32_t flows;
	uint32_t depth;
};

struct nlhl_fq {
	uint32_t plimit;
	uint32_t flow_plimit;
	uint32_t quantum;
	uint32_t initial_quantum;
	uint64_t maxrate;          /* flow max rate, bytes/s */
	uint32_t buckets;          /* power of two */
	uint32_t ce_threshold_us;
	enum nlhl_tc_flag pacing;
};

/* fq_codel and codel: the kernel keeps times in 1024 ns units, so a time
 * reads back rounded down to the microsecond (10000 -> 9999). */
struct nlhl_fq_codel {
	uint32_t target_us;
	uint32_t limit;
	uint32_t interval_us;
	enum nlhl_tc_flag ecn;     /* on by default */
	uint32_t flows;
	uint32_t quantum;
	uint32_t ce_threshold_us;
	uint32_t memory_limit;
	uint32_t drop_batch_size;
};

struct nlhl_codel {
	uint32_t target_us;
	uint32_t limit;
	uint32_t interval_us;
	enum nlhl_tc_flag ecn;     /* off by default */
	uint32_t ce_threshold_us;
};

/* RED: limit, min, max, avpkt (bytes) and bandwidth required; burst in
 * packets (0: derived as tc does); probability 0: 2%. */
struct nlhl_red {
	uint32_t limit;
	uint32_t min;
	uint32_t max;
	uint32_t avpkt;
	uint32_t burst;
	double probability;
	uint64_t bandwidth;
	bool ecn;
	bool harddrop;
	bool adaptive;
};

/* Network emulator.  Percentages 0..100, correlations 0..100. */
struct nlhl_netem {
	uint32_t latency_us;
	uint32_t jitter_us;
	double delay_corr;
	double loss;
	double loss_corr;
	double duplicate;
	double duplicate_corr;
	double corrupt;
	double corrupt_corr;
	double reorder;        /* needs latency */
	double reorder_corr;
	uint32_t gap;
	uint32_t limit;        /* packets; 0: 1000 as tc */
	uint64_t rate;         /* bytes/s; 0: unlimited */
};

struct nlhl_cake {
	uint64_t bandwidth;    /* bytes/s; 0: unlimited */
	uint32_t rtt_us;
};

struct nlhl_qdisc {
	struct nlhl_qdisc_attrs attrs;
	enum nlhl_qdisc_type type;       /* picks kind and union member */
	char kind[NLHL_TC_KIND_LEN];     /* as the kernel names it; when adding,
	                                  * empty = the type's kind */
	struct nlhl_tc_stats stats;      /* read only */
	union {
		struct nlhl_fifo fifo;   /* PFIFO, BFIFO */
		struct nlhl_prio prio;   /* PRIO, PFIFO_FAST */
		struct nlhl_tbf tbf;
		struct nlhl_htb htb;
		struct nlhl_hfsc hfsc;
		struct nlhl_sfq sfq;
		struct nlhl_fq fq;
		struct nlhl_fq_codel fq_codel;
		struct nlhl_codel codel;
		struct nlhl_red red;
		struct nlhl_netem netem;
		struct nlhl_cake cake;
	};
};

/* The kind name of a type ("htb"), NULL for NLHL_QDISC_UNKNOWN. */
NLHL_API const char *nlhl_qdisc_type_kind(enum nlhl_qdisc_type type);

/* tc qdisc add / replace / change / del.  add fails with -EEXIST when a
 * qdisc sits there already; change keeps the kind and handle. */
NLHL_API int nlhl_qdisc_add(nlhl_handle *h, const struct nlhl_qdisc *q);
NLHL_API int nlhl_qdisc_replace(nlhl_handle *h, const struct nlhl_qdisc *q);
NLHL_API int nlhl_qdisc_change(nlhl_handle *h, const struct nlhl_qdisc *q);
/* The qdisc at attrs.parent (0: root) of the link; a handle or kind set
 * must match the qdisc there (-EINVAL otherwise); ingress/clsact by type. */
NLHL_API int nlhl_qdisc_del(nlhl_handle *h, const struct nlhl_qdisc *q);

/* Qdiscs of one link (link_index > 0) or of all links (0), kernel order. */
NLHL_API int nlhl_qdisc_list_by_index(nlhl_handle *h, int link_index,
				      struct nlhl_qdisc **ret, size_t *ret_n);
/* Go: QdiscList(link).  link NULL: every link; a link given only by
 * attrs.name is looked up first. */
NLHL_API int nlhl_qdisc_list(nlhl_handle *h, const struct nlhl_link *link,
			     struct nlhl_qdisc **ret, size_t *ret_n);
NLHL_API void nlhl_qdisc_list_free(struct nlhl_qdisc *list, size_t n);

/* ------------------------------------------------------------ classes */

enum nlhl_class_type {
	NLHL_CLASS_UNKNOWN = 0,
	NLHL_CLASS_HTB,
	NLHL_CLASS_HFSC,
};

struct nlhl_class_attrs {
	int link_index;   /* required */
	uint32_t handle;  /* class id, e.g. 1:10 (required) */
	uint32_t parent;  /* the qdisc (1:0) or a parent class (1:1) */
	uint32_t leaf;    /* read only: handle of the qdisc attached below */
};

/* HTB class.  rate required; ceil 0: rate; burst/cburst 0: computed like tc
 * (rate / HZ + mtu, at least mtu 1600); quantum 0: rate / r2q. */
struct nlhl_htb_class {
	uint64_t rate;
	uint64_t ceil;
	uint32_t burst;
	uint32_t cburst;
	uint32_t prio;
	uint32_t quantum;
	uint32_t level;   /* read only */
};

/* A service curve: slope m1 for the first d microseconds, then m2
 * (bytes/s).  All zero: no curve. */
struct nlhl_hfsc_curve {
	uint64_t m1;
	uint32_t d_us;
	uint64_t m2;
};

/* HFSC class: at least one of rsc (real-time), fsc (link-sharing), usc
 * (upper limit). */
struct nlhl_hfsc_class {
	struct nlhl_hfsc_curve rsc;
	struct nlhl_hfsc_curve fsc;
	struct nlhl_hfsc_curve usc;
};

struct nlhl_class {
	struct nlhl_class_attrs attrs;
	enum nlhl_class_type type;
	char kind[NLHL_TC_KIND_LEN];
	struct nlhl_tc_stats stats;    /* read only */
	union {
		struct nlhl_htb_class htb;
		struct nlhl_hfsc_class hfsc;
	};
};

/* tc class add / replace / change / del.  A class under a classless qdisc
 * (pfifo, ...) is -EINVAL ("Qdisc not classful"). */
NLHL_API int nlhl_class_add(nlhl_handle *h, const struct nlhl_class *c);
NLHL_API int nlhl_class_replace(nlhl_handle *h, const struct nlhl_class *c);
NLHL_API int nlhl_class_change(nlhl_handle *h, const struct nlhl_class *c);
NLHL_API int nlhl_class_del(nlhl_handle *h, const struct nlhl_class *c);
/* Classes of a link (required) under parent (0: all). */
NLHL_API int nlhl_class_list_by_index(nlhl_handle *h, int link_index, uint32_t parent,
				      struct nlhl_class **ret, size_t *ret_n);
/* Go: ClassList(link, parent); link required. */
NLHL_API int nlhl_class_list(nlhl_handle *h, const struct nlhl_link *link, uint32_t parent,
			     struct nlhl_class **ret, size_t *ret_n);
NLHL_API void nlhl_class_list_free(struct nlhl_class *list, size_t n);

/* ------------------------------------------------------------ actions */

enum nlhl_action_type {
	NLHL_ACTION_UNKNOWN = 0,  /* read back by kind, with statistics */
	NLHL_ACTION_GACT,
	NLHL_ACTION_MIRRED,
	NLHL_ACTION_SKBEDIT,
	NLHL_ACTION_VLAN,
	NLHL_ACTION_POLICE,
	NLHL_ACTION_NAT,
};

/* Verdicts of an action (tc's "pass", "drop", ...).  Zero is "the kind's
 * default"; the others map to the kernel's TC_ACT_* values. */
enum nlhl_tc_verdict {
	NLHL_TC_VERDICT_DEFAULT = 0,
	NLHL_TC_VERDICT_PASS,        /* TC_ACT_OK */
	NLHL_TC_VERDICT_RECLASSIFY,
	NLHL_TC_VERDICT_DROP,        /* TC_ACT_SHOT */
	NLHL_TC_VERDICT_PIPE,
	NLHL_TC_VERDICT_STOLEN,
	NLHL_TC_VERDICT_QUEUED,
	NLHL_TC_VERDICT_REPEAT,
	NLHL_TC_VERDICT_REDIRECT,
	NLHL_TC_VERDICT_TRAP,
	NLHL_TC_VERDICT_CONTINUE,    /* TC_ACT_UNSPEC */
};

enum nlhl_mirred_op {
	NLHL_MIRRED_EGRESS_REDIRECT = 1,   /* TCA_EGRESS_REDIR */
	NLHL_MIRRED_EGRESS_MIRROR = 2,     /* TCA_EGRESS_MIRROR */
	NLHL_MIRRED_INGRESS_REDIRECT = 3,  /* TCA_INGRESS_REDIR */
	NLHL_MIRRED_INGRESS_MIRROR = 4,    /* TCA_INGRESS_MIRROR */
};

struct nlhl_mirred {
	enum nlhl_mirred_op op;   /* 0: egress redirect */
	int ifindex;              /* required */
};

/* skbedit: each field is sent when its has_ flag is set. */
struct nlhl_skbedit {
	bool has_priority, has_mark, has_queue_mapping, has_ptype;
	uint32_t priority;    /* a tc handle, e.g. 1:10 */
	uint32_t mark;
	uint32_t mark_mask;   /* 0: whole mark */
	uint16_t queue_mapping;
	uint16_t ptype;       /* PACKET_HOST, ... */
};

enum nlhl_vlan_op {
	NLHL_VLAN_POP = 1,     /* TCA_VLAN_ACT_POP */
	NLHL_VLAN_PUSH = 2,
	NLHL_VLAN_MODIFY = 3,
};

struct nlhl_vlan_act {
	enum nlhl_vlan_op op;   /* required */
	uint16_t id;            /* push/modify */
	uint16_t proto;         /* host order; 0: ETH_P_8021Q */
	uint8_t prio;
};

/* Policer: rate and burst (bytes) required.  As tc: exceed 0 means
 * reclassify, conform 0 means pass ("conform-exceed reclassify/ok"). */
struct nlhl_police {
	uint64_t rate;
	uint32_t burst;
	uint32_t mtu;            /* 0: 2047 as tc */
	uint64_t peakrate;       /* needs mtu */
	enum nlhl_tc_verdict exceed;
	enum nlhl_tc_verdict conform;
};

/* Stateless NAT of IPv4 addresses: old (with prefix) -> new. */
struct nlhl_nat {
	struct nlhl_ipnet old_addr;
	struct nlhl_ip new_addr;
	bool egress;             /* false: ingress (rewrites destination) */
};

/* Up to this many actions on one filter. */
#define NLHL_TC_MAX_ACTIONS 8

struct nlhl_action {
	enum nlhl_action_type type;
	char kind[NLHL_TC_KIND_LEN];  /* read back; when adding, empty = type's */
	uint32_t index;               /* 0: the kernel picks (reads back set) */
	/* Verdict after the action (gact: the verdict itself).  Defaults as
	 * tc: gact and nat pass, mirred redirect stolen, mirred mirror,
	 * skbedit and vlan pipe; police uses police.exceed/conform instead. */
	enum nlhl_tc_verdict verdict;
	struct nlhl_tc_stats stats;   /* read only */
	union {
		struct nlhl_mirred mirred;
		struct nlhl_skbedit skbedit;
		struct nlhl_vlan_act vlan;
		struct nlhl_police police;
		struct nlhl_nat nat;
	};
};

/* ------------------------------------------------------------ filters */

enum nlhl_filter_type {
	NLHL_FILTER_UNKNOWN = 0,
	NLHL_FILTER_U32,
	NLHL_FILTER_MATCHALL,
	NLHL_FILTER_FLOWER,
	NLHL_FILTER_BPF,
	NLHL_FILTER_FW,
	NLHL_FILTER_BASIC,
};

struct nlhl_filter_attrs {
	int link_index;      /* required */
	uint32_t handle;     /* 0: the kernel picks */
	uint32_t parent;     /* qdisc or class; NLHL_HANDLE_MIN_INGRESS/_EGRESS
	                      * on clsact, ffff:0 on ingress */
	uint16_t priority;   /* "pref"; 0: the kernel picks */
	uint16_t protocol;   /* ETH_P_*, host order; 0: ETH_P_ALL */
	uint32_t chain;
};

/* One u32 match: 32 bits at byte offset off of the network header (after
 * offmask/hashing), val and mask in HOST order as tc's "match u32 VAL MASK
 * at OFF". */
struct nlhl_u32_key {
	uint32_t val;
	uint32_t mask;
	int32_t off;
	int32_t offmask;
};

#define NLHL_U32_MAX_KEYS 16

/*
 * u32.  The IPv4 selectors src, dst (prefix), ip_proto, sport, dport (0:
 * unset) become keys as tc's "match ip ..." (ports assume no IP options);
 * keys[] adds raw matches.  When read back the kernel has only keys: those
 * that are exactly such a selector come back as the selector fields, the
 * others in keys[] (so a read filter can be added again unchanged).
 */
struct nlhl_u32 {
	uint32_t classid;
	struct nlhl_ipnet src;
	struct nlhl_ipnet dst;
	uint8_t ip_proto;
	uint16_t sport;
	uint16_t dport;
	size_t n_keys;
	struct nlhl_u32_key keys[NLHL_U32_MAX_KEYS];
	uint32_t divisor;     /* > 0: this filter creates a hash table */
	uint32_t link;        /* "link" to a hash table */
	uint32_t hashtable;   /* "ht": the table the filter goes in */
};

struct nlhl_matchall {
	uint32_t classid;
	bool skip_hw;
	bool skip_sw;
};

/* flower: 0 / family 0 = do not match on that field. */
struct nlhl_flower {
	uint32_t classid;
	uint16_t eth_type;      /* host order; 0: filter protocol */
	uint8_t ip_proto;       /* IPPROTO_TCP, ... (needs ports for l4) */
	struct nlhl_ipnet src;
	struct nlhl_ipnet dst;
	uint16_t sport;         /* host order; needs ip_proto tcp/udp/sctp */
	uint16_t dport;
	uint16_t vlan_id;       /* needs protocol 802.1Q; 0: unset */
	uint8_t vlan_prio;
	bool has_vlan_prio;
	uint16_t vlan_eth_type; /* inner protocol, host order */
	bool skip_hw;
	bool skip_sw;
};

/* bpf: a loaded program by fd, or by a path pinned in bpffs. */
struct nlhl_bpf_filter {
	int fd;                  /* > 0: use this program */
	const char *pinned_path; /* else: open this pinned program (input only) */
	char name[64];           /* shown by tc; read back */
	bool direct_action;
	uint32_t classid;
	uint32_t id;             /* read only: program id */
	uint8_t tag[8];          /* read only */
};

struct nlhl_fw {
	uint32_t classid;
	uint32_t mask;           /* 0: 0xffffffff */
};

struct nlhl_basic {
	uint32_t classid;
};

struct nlhl_filter {
	struct nlhl_filter_attrs attrs;
	enum nlhl_filter_type type;
	char kind[NLHL_TC_KIND_LEN];
	size_t n_actions;
	struct nlhl_action actions[NLHL_TC_MAX_ACTIONS];
	union {
		struct nlhl_u32 u32;
		struct nlhl_matchall matchall;
		struct nlhl_flower flower;
		struct nlhl_bpf_filter bpf;
		struct nlhl_fw fw;
		struct nlhl_basic basic;
	};
};

/* tc filter add / replace / del.  add/replace need a type (or kind) and
 * fill the protocol with ETH_P_ALL when 0.  del removes, under parent: with
 * priority, handle and kind, that one filter; with only a priority, every
 * filter of it; with priority 0, every filter of the parent (tc filter del
 * dev X parent P).  A del's protocol 0 matches any protocol. */
NLHL_API int nlhl_filter_add(nlhl_handle *h, const struct nlhl_filter *f);
NLHL_API int nlhl_filter_replace(nlhl_handle *h, const struct nlhl_filter *f);
NLHL_API int nlhl_filter_del(nlhl_handle *h, const struct nlhl_filter *f);
/* Filters of a link (required) under parent (e.g. 1:0 or
 * NLHL_HANDLE_MIN_INGRESS; 0: the root qdisc), as the kernel lists them:
 * each priority/protocol first has an entry of its own with handle 0 and
 * no options (the classifier instance, tc's first line), and u32 lists its
 * hash tables (divisor set) too. */
NLHL_API int nlhl_filter_list_by_index(nlhl_handle *h, int link_index, uint32_t parent,
				       struct nlhl_filter **ret, size_t *ret_n);
/* Go: FilterList(link, parent); link required. */
NLHL_API int nlhl_filter_list(nlhl_handle *h, const struct nlhl_link *link, uint32_t parent,
			      struct nlhl_filter **ret, size_t *ret_n);
NLHL_API void nlhl_filter_list_free(struct nlhl_filter *list, size_t n);

NLHL_END_DECLS

#endif
