/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Private interface of the traffic-control family: message <-> struct for
 * qdiscs, classes, filters and actions (used by lib/tc-*.c, by the event
 * monitor for RTM_NEWQDISC/... notifications and by the fuzz targets), and
 * tc's tick arithmetic.
 *
 * The parse functions take a whole netlink message of any length and trust
 * no length inside it: a truncated header or attribute is -EBADMSG, a
 * structure shorter than ours is zero-extended, never over-read.
 */
#ifndef NLHL_INTERNAL_TC_H
#define NLHL_INTERNAL_TC_H

#include <linux/pkt_sched.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>

#include "internal.h"
#include "internal-attr.h"
#include "netlinkhl/tc.h"

/* ------------------------------------------------------------ tc-handle.c */

/* iproute2 tc_core.c arithmetic (ticks of the packet scheduler clock). */
NLHL_INTERNAL unsigned int nlhl__tc_hz(void);
NLHL_INTERNAL uint32_t nlhl__tc_time2tick(uint32_t usec);
NLHL_INTERNAL uint32_t nlhl__tc_tick2time(uint32_t tick);
/* Ticks to send size bytes at rate bytes/s, and back. */
NLHL_INTERNAL uint32_t nlhl__tc_xmittime(uint64_t rate, uint32_t size);
NLHL_INTERNAL uint32_t nlhl__tc_xmitsize(uint64_t rate, uint32_t ticks);
/* tc_calc_rtable(): fills rtab and r's cell fields (r->mpu as input). */
NLHL_INTERNAL int nlhl__tc_calc_rtable(struct tc_ratespec *r, uint32_t rtab[256],
				       int cell_log, unsigned int mtu, uint64_t rate);
/* r->rate, saturated at 32 bits (the *_RATE64 attribute carries more). */
NLHL_INTERNAL void nlhl__tc_ratespec(struct tc_ratespec *r, uint64_t rate);

/* ------------------------------------------------------------ tc-core.c */

/* RTM_{NEW,DEL,GET}{QDISC,TCLASS,TFILTER} with its struct tcmsg; NULL on
 * ENOMEM. */
NLHL_INTERNAL struct nl_msg *nlhl__tc_msg(int type, int flags, int ifindex,
					  uint32_t handle, uint32_t parent, uint32_t info);
struct nlhl__codec;
/*
 * The list calls of qdiscs, classes and filters: one dump of c's get_type
 * (tcmsg with ifindex and parent), each answer parsed by c straight into the
 * result array and kept when keep(obj, arg) says so (keep NULL: all).
 * *ret / *ret_n as nlhl__vec_end(); op names the call in failures.
 */
NLHL_INTERNAL int nlhl__tc_list(nlhl_handle *h, const struct nlhl__codec *c, int ifindex,
				uint32_t parent, bool (*keep)(const void *obj, const void *arg),
				const void *arg, const char *op, void *ret, size_t *ret_n);
/* TCA_STATS2 (or TCA_STATS) of a tc message / action -> stats. */
NLHL_INTERNAL void nlhl__tc_parse_stats(struct nlattr *stats2, struct nlattr *stats,
					struct nlhl_tc_stats *st);
/* Header, kind and attribute table of a tc message (tb has TCA_MAX + 1
 * entries); -EBADMSG when malformed. */
NLHL_INTERNAL int nlhl__tc_parse_msg(const struct nlmsghdr *nlh, struct tcmsg **tcm,
				     struct nlattr **tb);
/* Percent (0..100) <-> the kernel's 32-bit probability. */
NLHL_INTERNAL uint32_t nlhl__tc_percent(double pct);
NLHL_INTERNAL double nlhl__tc_from_percent(uint32_t v);
/* enum nlhl_tc_verdict <-> TC_ACT_*, with the default given. */
NLHL_INTERNAL int nlhl__tc_verdict_to_kernel(enum nlhl_tc_verdict v, int def);
NLHL_INTERNAL enum nlhl_tc_verdict nlhl__tc_verdict_from_kernel(int act);

/* ------------------------------------------------------------ qdiscs */

/* The options of one qdisc kind (lib/tc-qdisc-kinds.c for the simple ones;
 * lib/tc-netem.c, tc-red.c, tc-tbf.c). */
struct nlhl__qdisc_ops {
	enum nlhl_qdisc_type type;
	const char *kind;
	/* Puts TCA_OPTIONS (or nothing); -EINVAL with a message for bad
	 * fields (op names the call). */
	int (*put)(struct nl_msg *msg, const struct nlhl_qdisc *q, const char *op);
	/* Reads TCA_OPTIONS (opts may be NULL). */
	int (*parse)(const struct nlattr *opts, struct nlhl_qdisc *q);
};
NLHL_INTERNAL const struct nlhl__qdisc_ops *nlhl__qdisc_ops_by_type(enum nlhl_qdisc_type t);
NLHL_INTERNAL const struct nlhl__qdisc_ops *nlhl__qdisc_ops_by_kind(const char *kind);

/* Message for add/replace/change (RTM_NEWQDISC with nlflags) or del
 * (RTM_DELQDISC).  Validates q; *ret is the caller's to nlmsg_free. */
NLHL_INTERNAL int nlhl__qdisc_build(const struct nlhl_qdisc *q, int type, int nlflags,
				    const char *op, struct nl_msg **ret);
/* RTM_NEWQDISC / RTM_DELQDISC message -> *ret (zeroed first). */
NLHL_INTERNAL int nlhl__qdisc_parse(const struct nlmsghdr *nlh, struct nlhl_qdisc *ret);

/* ------------------------------------------------------------ classes */

NLHL_INTERNAL int nlhl__class_build(const struct nlhl_class *c, int type, int nlflags,
				    const char *op, struct nl_msg **ret);
NLHL_INTERNAL int nlhl__class_parse(const struct nlmsghdr *nlh, struct nlhl_class *ret);

/* ------------------------------------------------------------ filters */

struct nlhl__filter_ops {
	enum nlhl_filter_type type;
	const char *kind;
	int (*put)(struct nl_msg *msg, const struct nlhl_filter *f, const char *op);
	int (*parse)(const struct nlattr *opts, struct nlhl_filter *f);
};
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__u32_ops;
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__flower_ops;
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__matchall_ops;
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__bpf_ops;
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__fw_ops;
NLHL_INTERNAL extern const struct nlhl__filter_ops nlhl__basic_ops;

/* BPF_OBJ_GET of a pinned program: an fd, or -errno. */
NLHL_INTERNAL int nlhl__bpf_obj_get(const char *path);

NLHL_INTERNAL int nlhl__filter_build(const struct nlhl_filter *f, int type, int nlflags,
				     const char *op, struct nl_msg **ret);
NLHL_INTERNAL int nlhl__filter_parse(const struct nlmsghdr *nlh, struct nlhl_filter *ret);

/* ------------------------------------------------------------ tc-action.c */

/* Puts a nest attrtype (TCA_U32_ACT, TCA_FLOWER_ACT, ...) with the
 * actions; nothing when n is 0. */
NLHL_INTERNAL int nlhl__actions_put(struct nl_msg *msg, int attrtype,
				    const struct nlhl_action *acts, size_t n, const char *op);
/* Reads such a nest into acts[max]; *n set. */
NLHL_INTERNAL int nlhl__actions_parse(const struct nlattr *nest, struct nlhl_action *acts,
				      size_t max, size_t *n);

#endif
